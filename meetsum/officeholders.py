"""Notable office holders: who held which role when, from ``meetsum/data/officeholders.yaml``.

An article names a person as it likes (عادل الجبير, or just الجبير); :meth:`OfficeHolders.find`
matches the name, spelling-insensitively, to a person of the file and returns the role that
person held on a date:

    >>> holders = load_officeholders(default_lexicon())
    >>> holders.find("الجبير", date(2018, 5, 1)).role.role_en
    'Foreign Minister'

The file is validated when loaded, against the lexicon (every ``of`` must be a state of
countries.yaml or an organization of organizations.yaml); errors raise
:class:`~meetsum.lexicon.LexiconError` naming the file, the entry and the problem.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from meetsum.lexicon import Lexicon, LexiconError, cached, check_form, check_forms, default_lexicon
from meetsum.text import analyze

__all__ = [
    "Holder", "OfficeHolders", "Person", "Role", "default_officeholders", "load_officeholders",
]

FILENAME = "officeholders.yaml"
_FIELDS = {"en", "ar", "short", "roles"}
_REQUIRED = ("en", "ar", "roles")
_ROLE_FIELDS = ("role", "role_en", "of", "from", "to")
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Role:
    """One role of a person: ``of`` is an ISO country code or an organization key, ``of_en``
    its English name; ``start``/``end`` are None when open (``end`` is the day it ended, and
    the role is held until, not on, that day)."""

    role: str
    role_en: str
    of: str
    of_en: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    en: str
    ar: tuple[str, ...]  # full forms; the first is the display form
    short: tuple[str, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class Holder:
    """A person found by :meth:`OfficeHolders.find` and the role that applies (None when the
    person held none of the file's roles on the date asked)."""

    person: Person
    role: Role | None

    @property
    def key(self) -> str:
        return self.person.key

    @property
    def en(self) -> str:
        return self.person.en


_NameKey = tuple[str, ...]


@dataclass(frozen=True)
class OfficeHolders:
    """The office holders, indexed by the matching keys of their names. Immutable."""

    people: Mapping[str, Person]
    full: Mapping[_NameKey, tuple[str, ...]]
    short: Mapping[_NameKey, tuple[str, ...]]

    def __len__(self) -> int:
        return len(self.people)

    def __reduce__(self):
        """Pickle (for the cache) as plain dicts; the read-only views come back on load."""
        return _restore, (dict(self.people), dict(self.full), dict(self.short))

    def find(self, name: str | None, on: date | None = None, *, role: str | None = None) -> Holder | None:
        """The person ``name`` designates and their role on ``on``; None if no one matches.

        ``name`` is matched as written in an article: a full form of the file, a short form,
        a full form followed by more of the name (محمد بن سلمان بن عبد العزيز), or the first
        word of a full form and a short form around a middle name. Each word is compared by
        its matching key, so أ/إ/ا, ى/ي and ة/ه do not matter. Without a date the most recent
        role applies. ``role`` (the title the article gives) breaks ties between roles held
        at the same time, and between people sharing a name.
        """
        words = name_key(name or "")
        if not words:
            return None
        candidates = self._candidates(words)
        if not candidates and len(words[0]) > 2 and words[0][0] == "\u0648":  # و: ومحمد بن سلمان
            candidates = self._candidates((words[0][1:], *words[1:]))
        if not candidates:
            return None
        hint = name_key(role or "")
        best = max(candidates, key=lambda key: self._score(self.people[key], on, hint))
        person = self.people[best]
        return Holder(person, _pick_role(person, on, hint))

    def _candidates(self, words: _NameKey) -> list[str]:
        if words in self.full:
            return list(self.full[words])
        if words in self.short:
            return list(self.short[words])
        found: list[str] = []
        for form, keys in self.full.items():
            if len(form) >= 2 and len(words) > len(form) and words[: len(form)] == form:
                found += [k for k in keys if k not in found]
        if found:
            return found
        if len(words) >= 3:  # given name, middle name(s), short form
            for form, keys in self.short.items():
                if len(words) > len(form) and words[-len(form):] == form:
                    found += [k for k in keys if k not in found and any(
                        full[0] == words[0] for full in map(name_key, self.people[k].ar))]
        return found

    def _score(self, person: Person, on: date | None, hint: _NameKey) -> tuple[int, int, int]:
        held = [r for r in person.roles if on is None or r.held_on(on)]
        matching = any(_role_match(r, hint) for r in held) if hint else False
        nearest = 0 if on is None else -min((_distance(r, on) for r in person.roles), default=10**6)
        return (bool(held), matching, nearest)


def name_key(text: str) -> _NameKey:
    """The matching keys of the words of ``text``."""
    return tuple(token.key for token in analyze(text).tokens if token.is_word)


def _distance(role: Role, day: date) -> int:
    if role.held_on(day):
        return 0
    if role.start is not None and day < role.start:
        return (role.start - day).days
    assert role.end is not None
    return (day - role.end).days + 1


def _role_match(role: Role, hint: _NameKey) -> int:
    """2 when the article's title is the role as written, 1 when one contains the other."""
    own = name_key(role.role)
    if not hint or not own:
        return 0
    if own == hint:
        return 2
    shorter, longer = sorted((own, hint), key=len)
    return int(any(longer[i : i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1)))


def _pick_role(person: Person, on: date | None, hint: _NameKey) -> Role | None:
    held = [r for r in person.roles if on is None or r.held_on(on)]
    if not held:
        return None
    # the role the article names, then (no date) the most recent, then the first listed
    order = {id(r): i for i, r in enumerate(person.roles)}
    return max(held, key=lambda r: (_role_match(r, hint), _recency(r) if on is None else 0, -order[id(r)]))


def _recency(role: Role) -> date:
    """A role still held counts as the most recent; among those, the first listed wins."""
    return role.end or date.max


# --------------------------------------------------------------------------- loading


def load_officeholders(lexicon: Lexicon, extra: Iterable[Path] = ()) -> OfficeHolders:
    """The built-in office holders, then each file of ``extra`` on top (same schema: a
    person's key in a later file replaces the entry), validated against ``lexicon``."""
    entries: dict[str, tuple[str, Any]] = {key: (FILENAME, entry) for key, entry in _builtin().items()}
    for path in extra:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise LexiconError(f"{path}: cannot read: {error}") from None
        for key, entry in _people_of(_parse(text, str(path)), str(path)).items():
            entries[key] = (str(path), entry)
    return _build(entries, lexicon)


def _people_of(data: dict[str, Any], filename: str) -> dict[str, Any]:
    """A file of people, or a user lexicon whose ``officeholders`` section holds them."""
    from meetsum.lexicon import USER_SECTIONS

    if not data.keys() & set(USER_SECTIONS):
        return data
    people = data.get("officeholders") or {}
    if not isinstance(people, dict):
        raise LexiconError(f"{filename}: officeholders: must be a mapping of people")
    return people


@lru_cache(maxsize=1)
def default_officeholders() -> OfficeHolders:
    """The built-in office holders checked against the built-in lexicon, once per process
    (and kept in the user's cache directory like the lexicon)."""
    return cached("officeholders", lambda: load_officeholders(default_lexicon()), __file__)


@lru_cache(maxsize=1)
def _builtin() -> Mapping[str, Any]:
    """The parsed built-in file (parsing is most of the cost of loading)."""
    text = resources.files("meetsum").joinpath("data", FILENAME).read_text(encoding="utf-8")
    return MappingProxyType(_parse(text, FILENAME))


def _parse(text: str, filename: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise LexiconError(f"{filename}: not valid YAML: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{filename}: the top level must be a mapping of people")
    return data


def _build(entries: Mapping[str, tuple[str, Any]], lexicon: Lexicon) -> OfficeHolders:
    people: dict[str, Person] = {}
    full: dict[_NameKey, list[str]] = defaultdict(list)
    short: dict[_NameKey, list[str]] = defaultdict(list)
    where_of: dict[str, str] = {}
    for key, (filename, entry) in entries.items():
        person = _person(filename, key, entry, lexicon)
        people[person.key] = person
        where_of[person.key] = filename
        for form in person.ar:
            words = name_key(form)
            if words in full and full[words] != [person.key]:
                other = full[words][0]
                raise LexiconError(f"{filename}: {key}.ar: {form!r} is also a full name of {other!r}")
            full[words] = [person.key]
        for form in person.short:
            words = name_key(form)
            for other in short[words]:
                if _overlap(people[other].roles, person.roles):
                    raise LexiconError(
                        f"{filename}: {key}.short: {form!r} is also a short form of {other!r}, "
                        "who held office in the same years"
                    )
            short[words].append(person.key)
    return OfficeHolders(
        MappingProxyType(people),
        MappingProxyType({k: tuple(v) for k, v in full.items()}),
        MappingProxyType({k: tuple(v) for k, v in short.items()}),
    )


def _restore(people: dict, full: dict, short: dict) -> OfficeHolders:
    return OfficeHolders(MappingProxyType(people), MappingProxyType(full), MappingProxyType(short))


def _overlap(first: Sequence[Role], second: Sequence[Role]) -> bool:
    return any(
        (a.start is None or b.end is None or a.start < b.end) and (b.start is None or a.end is None or b.start < a.end)
        for a in first for b in second
    )


def _person(filename: str, key: Any, entry: Any, lexicon: Lexicon) -> Person:
    if not (isinstance(key, str) and _KEY.fullmatch(key)):
        raise LexiconError(f"{filename}: {key!r}: keys are English slugs in lower case (barack-obama)")
    if not isinstance(entry, dict):
        raise LexiconError(f"{filename}: {key}: must be a mapping")
    unknown = sorted(set(map(str, entry)) - _FIELDS)
    if unknown:
        raise LexiconError(f"{filename}: {key}: unknown field(s) {unknown}")
    for name in _REQUIRED:
        if name not in entry:
            raise LexiconError(f"{filename}: {key}: missing field {name!r}")
    en = entry["en"]
    if not (isinstance(en, str) and en.strip()):
        raise LexiconError(f"{filename}: {key}.en: must be a non-empty string")
    ar = check_forms(filename, f"{key}.ar", entry["ar"])
    if not ar:
        raise LexiconError(f"{filename}: {key}.ar: needs at least one form")
    short = check_forms(filename, f"{key}.short", entry.get("short") or [])
    roles = entry["roles"]
    if not (isinstance(roles, list) and roles):
        raise LexiconError(f"{filename}: {key}.roles: must be a non-empty list")
    return Person(key, en, tuple(ar), tuple(short),
                  tuple(_role(filename, f"{key}.roles[{i}]", r, lexicon) for i, r in enumerate(roles)))


def _role(filename: str, where: str, entry: Any, lexicon: Lexicon) -> Role:
    if not isinstance(entry, dict):
        raise LexiconError(f"{filename}: {where}: must be a mapping with {list(_ROLE_FIELDS)}")
    unknown = sorted(set(map(str, entry)) - set(_ROLE_FIELDS))
    if unknown:
        raise LexiconError(f"{filename}: {where}: unknown field(s) {unknown}")
    for name in _ROLE_FIELDS:
        if name not in entry:
            raise LexiconError(f"{filename}: {where}: missing field {name!r}")
    role = check_form(filename, f"{where}.role", entry["role"])
    role_en = entry["role_en"]
    if not (isinstance(role_en, str) and role_en.strip()):
        raise LexiconError(f"{filename}: {where}.role_en: must be a non-empty string")
    of = entry["of"]
    if isinstance(of, str) and of in lexicon.countries:
        of_en = lexicon.countries[of].en
    elif isinstance(of, str) and of in lexicon.organizations:
        of_en = lexicon.organizations[of].en
    else:
        raise LexiconError(
            f"{filename}: {where}.of: {of!r} is neither a state of countries.yaml nor an organization of organizations.yaml"
        )
    start = _date(filename, f"{where}.from", entry["from"])
    end = _date(filename, f"{where}.to", entry["to"])
    if start and end and end < start:
        raise LexiconError(f"{filename}: {where}: ends ({end}) before it starts ({start})")
    return Role(role, role_en, of, of_en, start, end)


def _date(filename: str, where: str, value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        raise LexiconError(f"{filename}: {where}: {value} must be quoted (\"{value}\")")
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise LexiconError(f"{filename}: {where}: {value!r} is not a date \"YYYY-MM-DD\" or null")
