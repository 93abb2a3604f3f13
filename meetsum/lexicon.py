"""The language data: YAML files in ``meetsum/data``, validated when loaded.

A :class:`Lexicon` is immutable and passed explicitly to every stage, so a test can hand
a three-entry lexicon to any of them. Phrases are indexed by the matching keys of their
tokens (see :func:`meetsum.text.match_key`); a look-up also tries a token without the
clitics و ف ب ل ك, so ``بالدوحة`` finds ``الدوحة``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import compress
from operator import attrgetter
from importlib import resources
from pathlib import Path
from typing import Any, Callable, NamedTuple, TypeVar

import yaml

from meetsum import text as text_module
from meetsum.text import WORD_CACHE_SIZE, Token, match_key

__all__ = [
    "City",
    "Country",
    "Lexicon",
    "LexiconError",
    "Match",
    "Organization",
    "Sense",
    "Term",
    "check_form",
    "check_forms",
    "default_lexicon",
    "keys_with_clitics",
    "load_lexicon",
    "matches_by_kind",
    "with_kinds",
]

_ARABIC_FORM = re.compile("[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")
T = TypeVar("T")
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_CLITICS = "وف"
_PREPOSITIONS = "بلك"
_CLITIC_LETTERS = frozenset(_CLITICS + _PREPOSITIONS)
COMMON_CLITICS = "وبل"  # clitics before a common word (not ك, which starts many foreign names: كيلي)

TITLE_SECTIONS = ("modifiers", "offices", "complements", "post_modifiers", "collectives")
CUE_SECTIONS = (
    "meeting", "call", "virtual", "planned", "present", "ongoing", "discussion", "statement", "not_meeting",
    "agenda_lead", "agenda_end", "agenda_join", "with", "org_head", "topic", "on_behalf", "between", "venue_lead", "venue_of", "named_after", "named_for", "correspondent", "take_part", "against", "refers_back", "context", "past", "group", "stress", "greeting", "occasion", "relative", "that", "during", "from", "place", "purpose", "object",
    "quantity", "manner",
)
WORD_CLASSES = ("function", "time", "common")
_NAME_WORD_CLASSES = frozenset({"given", "particle", "patronymic", "recurring"})
LEXICAL_CLASSES = ("verb", "adjective", "adverb", "particle")
WORD_CLASS_TABLE = "wordclasses.tsv"
COMMON_WORD_TABLE = "learned/common_words.tsv"
WAW_WORDS_FILE = "learned/waw_words.tsv"  # words whose leading و is their own (scripts/learn_conjunctions.py)
PLACES_FILE = "learned/places.tsv"  # towns from GeoNames the news places things in (scripts/learn_places.py)
ORGANIZATION_KINDS = ("un", "intergovernmental", "regional", "movement", "party", "body", "company")
COUNTRY_STATUSES = ("member", "observer", "other")


class LexiconError(ValueError):
    """A data file breaks its schema; the message names the file, the entry and the problem."""


@dataclass(frozen=True, slots=True)
class Country:
    key: str
    ar: str
    en: str
    capital: str
    status: str
    city_state: bool = False  # one city bearing the state's name: the name alone is the city


@dataclass(frozen=True, slots=True)
class City:
    key: str
    ar: str
    en: str
    country: str


@dataclass(frozen=True, slots=True)
class Organization:
    key: str
    ar: str
    en: str
    kind: str


@dataclass(frozen=True, slots=True)
class Term:
    """A title piece, cue, honorific or calendar word."""

    kind: str
    key: str
    en: str
    alone: bool = True
    country: str | None = None  # an office only one state has (خادم الحرمين الشريفين)
    reports: bool = False  # spokespeople report on meetings rather than take part
    rank: bool = False  # a royal rank (الأمير) rather than an office, when another title is given


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a phrase: ``kind`` names the table, ``key`` the entry in it."""

    kind: str
    key: str


class Match(NamedTuple):
    """A lexicon phrase found at tokens ``start:end``; ``skip`` key characters of clitics
    precede it in the first token. A named tuple: matches are built by the ten thousand, and
    a tuple is made in C."""

    start: int
    end: int
    skip: int
    senses: tuple[Sense, ...]
    kinds: frozenset[str]

    def has(self, kind: str) -> bool:
        return kind in self.kinds

    def has_any(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def keys(self, kind: str) -> list[str]:
        return [sense.key for sense in self.senses if sense.kind == kind]


@dataclass(frozen=True)
class Lexicon:
    countries: Mapping[str, Country]
    cities: Mapping[str, City]
    organizations: Mapping[str, Organization]
    terms: Mapping[tuple[str, str], Term]
    words: Mapping[str, frozenset[str]]
    function_forms: frozenset[str]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], tuple[Sense, ...], frozenset[str]], ...]] = field(repr=False)
    # verbs, adjectives, adverbs and particles of a real lexicon that the corpus never shows in
    # a name (wordclasses.tsv): key -> class
    lexical_classes: Mapping[str, str] = field(default_factory=dict, repr=False)
    # words the corpus almost never shows in a name's place, and words with a clitic that are
    # names though their form without it is such a word (learned/common_words.tsv)
    common_words: frozenset[str] = field(default_factory=frozenset, repr=False)
    clitic_names: frozenset[str] = field(default_factory=frozenset, repr=False)
    # words whose leading و is part of the word, not the conjunction, and conjunctions that open
    # a clause (وقال، وسبق), learned from the corpus (learned/waw_words.tsv)
    waw_words: frozenset[str] = field(default_factory=frozenset, repr=False)
    waw_clauses: frozenset[str] = field(default_factory=frozenset, repr=False)
    # the phrases by their first two words ("" for one-word phrases), longest first, so that a
    # look-up tries the few phrases that can match rather than all that share a first word
    by_two_words: Mapping[tuple[str, str], tuple[tuple[tuple[str, ...], tuple[Sense, ...], frozenset[str]], ...]] = (
        field(init=False, repr=False, compare=False))
    given_keys: frozenset[str] = field(init=False, repr=False, compare=False)  # keys that may be a given name
    # every key one of whose forms without clitics starts a phrase (والرئيس، للرئيس): the phrase
    # scan is then one set test per token
    phrase_openers: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[tuple[str, str], list] = {}
        for first, entries in self.phrases.items():
            for entry in entries:
                grouped.setdefault((first, entry[0][0] if entry[0] else ""), []).append(entry)
        object.__setattr__(self, "by_two_words", {key: tuple(entries) for key, entries in grouped.items()})
        object.__setattr__(self, "given_keys", frozenset(key for key, classes in self.words.items() if "given" in classes))
        object.__setattr__(self, "phrase_openers", _with_clitics(self.phrases.keys()))

    def match_at(self, tokens: Sequence[Token], index: int) -> Match | None:
        """The longest phrase starting at ``tokens[index]``, clitics allowed before it."""
        best: Match | None = None
        by_two_words, token = self.by_two_words, tokens[index]
        sentence, size = token.sentence, len(tokens)
        following = tokens[index + 1].key if index + 1 < size and tokens[index + 1].sentence == sentence else ""
        for skip, first in token_variants(token.key):
            if following:  # the phrases whose second word follows, longest first
                for rest, senses, kinds in by_two_words.get((first, following), ()):
                    end = index + 1 + len(rest)
                    if best is not None and end <= best.end:
                        break
                    if end <= size and tokens[end - 1].sentence == sentence and _same_keys(tokens, index + 2, rest):
                        best = _make_match((index, end, skip, senses, kinds))
                        break
            if best is None and (single := by_two_words.get((first, ""))):  # a one-word phrase
                best = _make_match((index, index + 1, skip, *single[0][1:]))
        return best

    def find_all(self, tokens: Sequence[Token]) -> list[Match]:
        """Every longest phrase match, scanning left to right without overlaps."""
        found, index = [], 0
        for start in tokens_with_key_in(tokens, self.phrase_openers):
            if start < index:  # inside the previous match
                continue
            match = self.match_at(tokens, start)
            if match:
                found.append(match)
                index = match.end
        return found

    def word_classes(self, key: str) -> frozenset[str]:
        """The word classes (function, time, common, given, particle) of a token key."""
        classes: set[str] = set()
        for _, variant in token_variants(key):
            classes |= self.words.get(variant, frozenset())
        return frozenset(classes)

    def token_classes(self, token: Token) -> frozenset[str]:
        """The word classes of ``token``; where a function word and a given name share a
        key (على / علي), the spelling decides."""
        classes = self.words.get(token.key, frozenset())
        if "function" in classes and "given" in classes:
            spelled = _DIACRITICS.sub("", token.text)
            classes = classes - ({"given"} if spelled in self.function_forms else {"function"})
        return classes

    def term(self, kind: str, key: str) -> Term:
        return self.terms[(kind, key)]

    def ends_name(self, key: str) -> bool:
        """A verb, adjective, adverb or particle that is never a name word (يواصل، غاضب، جدا،
        لاسيما); the curated given names and name particles, and the words the corpus shows
        inside many learned names (learned/people.yaml: أون), win over the generated table."""
        return key in self.lexical_classes and not self.words.get(key, frozenset()) & _NAME_WORD_CLASSES

    def is_common(self, key: str) -> bool:
        """A word the news almost never uses in a name (مساحة، الموافق), also with و, ب or ل
        (بتجنيد) unless the corpus shows it as a name (كيري); given names and name particles,
        also of a user lexicon, win over the generated table."""
        if key in self.common_words or key[:1] in COMMON_CLITICS and len(key) >= 4 and (
                key[1:] in self.common_words and key not in self.clitic_names):
            return not self.words.get(key, frozenset()) & _NAME_WORD_CLASSES
        return False


_make_match = partial(tuple.__new__, Match)


def matches_by_kind(matches: Iterable[Match]) -> dict[str, list[Match]]:
    """The matches of each kind, in the order given: built once per document, so that a scan
    for a few kinds reads only their matches, not all of them."""
    found: dict[str, list[Match]] = {}
    for match in matches:
        for kind in match.kinds:
            found.setdefault(kind, []).append(match)
    return found


def with_kinds(by_kind: Mapping[str, Sequence[Match]], kinds: Iterable[str]) -> list[Match]:
    """The matches (of :func:`matches_by_kind`, given in text order) of any of ``kinds``, in
    text order, each once."""
    lists = [by_kind[kind] for kind in kinds if kind in by_kind]
    if len(lists) == 1:
        return list(lists[0])
    at = {match.start: match for found in lists for match in found}
    return [at[start] for start in sorted(at)]


def _same_keys(tokens: Sequence[Token], start: int, rest: tuple[str, ...]) -> bool:
    """Whether the tokens from ``start`` on are ``rest`` after its first word (already
    matched as the following token)."""
    for offset, word in enumerate(rest[1:], start):
        if tokens[offset].key != word:
            return False
    return True


@lru_cache(maxsize=WORD_CACHE_SIZE)
def token_variants(key: str) -> tuple[tuple[int, str], ...]:
    """``key`` and its forms without leading clitics, each with the number of characters cut."""
    if len(key) <= 2 or key[0] not in _CLITIC_LETTERS:  # most words: computed at once, not cached long
        return ((0, key),)
    variants = [(0, key)]
    if len(key) > 2 and key[0] in _CLITICS:
        variants.append((1, key[1:]))
    for cut, form in list(variants):
        if len(form) > 2 and form.startswith("لل"):
            variants.append((cut + 1, "ا" + form[1:]))  # للدوحة = ل + الدوحة
            variants.append((cut + 1, form[1:]))  # للقائه = ل + لقائه
        elif len(form) > 2 and form[0] in _PREPOSITIONS:
            variants.append((cut + 1, form[1:]))
    return tuple(variants)


def variant_keys(key: str) -> tuple[str, ...]:
    """The forms of :func:`token_variants` alone (what :func:`keys_with_clitics` inverts)."""
    return tuple(form for _, form in token_variants(key))


_KEY_OF = attrgetter("key")


def _with_clitics(keys: Iterable[str]) -> frozenset[str]:
    """Every key that :func:`token_variants` maps to one of ``keys`` (its inverse): the key
    itself, after a conjunction, after a preposition, after both, and للـ for the article."""
    found = set()
    for key in keys:
        found.add(key)
        if len(key) < 2:
            continue
        forms = [key, *(preposition + key for preposition in _PREPOSITIONS)]
        if len(key) > 2 and key.startswith("ال"):
            forms.append("ل" + key[1:])  # للرئيس = ل + الرئيس
        found.update(forms[1:])
        found.update(conjunction + form for form in forms for conjunction in _CLITICS)
    return frozenset(found)


def keys_with_clitics(key: str) -> frozenset[str]:
    """Every key one of whose forms without clitics (:func:`variant_keys`) is ``key``."""
    return _with_clitics((key,))


_last_keys: list = [None, []]  # the last document's tokens (a tuple) and their keys


def document_keys(tokens: Sequence[Token]) -> Sequence[str]:
    """Each token's key; the scans of one document share the list."""
    if not isinstance(tokens, tuple):
        return list(map(_KEY_OF, tokens))
    if _last_keys[0] is not tokens:
        _last_keys[:] = [tokens, list(map(_KEY_OF, tokens))]
    return _last_keys[1]


def tokens_with_key_in(tokens: Sequence[Token], keys: AbstractSet[str]) -> list[int]:
    """Indices of the tokens whose own key is in ``keys`` (a scan in C)."""
    return list(compress(range(len(tokens)), map(keys.__contains__, document_keys(tokens))))


def tokens_with_forms_in(tokens: Sequence[Token], keys: Iterable[str]) -> list[int]:
    """Indices of the tokens one of whose forms (:func:`variant_keys`) is in ``keys``: the
    tokens whose own key is one of ``keys`` with its clitics (a scan in C)."""
    return tokens_with_key_in(tokens, _with_clitics(keys))


# --------------------------------------------------------------------------- loading


def load_lexicon(
    extra: Iterable[Path] = (), *, learned: bool = True, common_words: bool = True, places: bool = True,
) -> Lexicon:
    """Load the built-in data files (with the names learned from the corpus, the word-class
    table, the common-word table and the towns learned from GeoNames unless ``learned`` is
    false), then each of ``extra`` on top (same schema). Learning reads without the tables: the
    learned names are the evidence that wins over them (كيم جونغ أون), so they are read as
    written after their titles; the common words are counted without the table they make
    (``common_words`` false), and the towns are chosen among those not yet known (``places``
    false)."""
    raw = {name: _read_builtin(name) for name in _FILES}
    raw |= {name: {"file": LEARNED_FILE, "data": {}} for name in _LEARNED_SECTIONS}
    if learned:
        _merge(raw, _read_learned())
        if places:
            raw["cities"]["data"] = {**_read_places(), **raw["cities"]["data"]}
    for path in extra:
        _merge(raw, _read_user_file(Path(path)))
    return _build(raw, word_classes=learned, common_words=learned and common_words)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process.

    Parsing and indexing the YAML files takes a fifth of a second, which a shell loop pays
    on every article; the built lexicon is therefore kept in the user's cache directory
    (``$XDG_CACHE_HOME/meetsum``, else ``~/.cache/meetsum``; ``MEETSUM_CACHE=0`` turns this
    off), under a name that is the hash of the data files, the code that builds the lexicon,
    the meetsum version and the Python version, so a change to any builds it afresh. The
    directory is private (0700) and the files 0600; a file another user owns, or that group
    or others may write, is never loaded (unpickling runs code) but rebuilt over.
    """
    return cached("lexicon", load_lexicon)


def cached(name: str, build: Callable[[], T], *code: str) -> T:
    """``build()``, kept in the user's cache directory under a name hashed from the data
    files, ``code`` (the modules that build and read the object), this module, the meetsum
    version and the Python version."""
    path = _cache_path(name, code)
    if path is not None:
        try:
            data = _read_private(path)
            if data is not None:
                return pickle.loads(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass
    built = build()
    if path is not None:
        try:
            _write_atomically(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError):  # not cacheable: still correct
            pass
    return built


def _cache_path(name: str, code: Sequence[str]) -> Path | None:
    if os.environ.get("MEETSUM_CACHE", "1") == "0":
        return None
    from meetsum import __version__

    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for module in (__file__, text_module.__file__, *code):
        digest.update(Path(module).read_bytes())
    for file in (*(f"{name}.yaml" for name in _FILES), LEARNED_FILE, WORD_CLASS_TABLE, COMMON_WORD_TABLE,
                 WAW_WORDS_FILE, PLACES_FILE):
        digest.update(resources.files("meetsum").joinpath("data", file).read_bytes())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "meetsum" / f"{name}-{digest.hexdigest()[:16]}.pickle"


_CACHE_VERSIONS = 8  # newest builds kept, so that a few installed versions do not rebuild each other's


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _read_private(path: Path) -> bytes | None:
    """The cache file's bytes, or None when it is missing or someone else could have written
    it (another owner, or writable by group or others): loading a pickle runs code, so only
    a file that this user alone can write is trusted; any other is rebuilt over."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())  # of the file opened, not of whatever the path names now
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_mode & 0o022:
            return None
        return file.read()


def _private_directory(directory: Path) -> None:
    """Create the cache directory readable by this user only (0700), and tighten one this
    user owns that others could read or write."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = directory.stat()
    if status.st_uid == os.geteuid() and stat.S_IMODE(status.st_mode) != 0o700:
        directory.chmod(0o700)


def _write_atomically(path: Path, data: bytes) -> None:
    """Best effort: a read-only or full cache directory only costs the speed-up. The file
    is created 0600 under a fresh name and renamed over the old one. Of the versions of the
    same object, the newest few are kept and older ones removed."""
    try:
        _private_directory(path.parent)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
        prefix = path.name.rsplit("-", 1)[0]
        versions = sorted(path.parent.glob(f"{prefix}-*.pickle"), key=_modified, reverse=True)
        for stale in versions[_CACHE_VERSIONS:]:
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


_FILES = (
    "countries", "cities", "organizations", "titles", "honorifics", "cues", "calendar",
    "names", "words", "officeholders",
)
# Sections of the generated file data/learned/people.yaml (made by scripts/learn_names.py
# or `meetsum lexicon learn`): names seen after titles, name words, organization names.
_LEARNED_SECTIONS = ("people", "name_words", "bodies")
LEARNED_FILE = "learned/people.yaml"
# A user lexicon (--lexicon) may hold any of these sections.
USER_SECTIONS = _FILES + _LEARNED_SECTIONS


def _read_builtin(name: str) -> dict[str, Any]:
    text = resources.files("meetsum").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return {"file": f"{name}.yaml", "data": _parse(text, f"{name}.yaml")}


def _read_learned() -> dict[str, dict[str, Any]]:
    text = resources.files("meetsum").joinpath("data", LEARNED_FILE).read_text(encoding="utf-8")
    data = _parse(text, LEARNED_FILE)
    return {name: {"file": LEARNED_FILE, "data": data.get(name) or {}} for name in _LEARNED_SECTIONS}


def _parse(text: str, filename: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise LexiconError(f"{filename}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{filename}: the top level must be a mapping")
    return data


def _read_user_file(path: Path) -> dict[str, dict[str, Any]]:
    """A user lexicon: top-level keys name built-in files (``countries:``, ``titles:`` ...)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot read: {error}") from None
    data = _parse(text, str(path))
    unknown = sorted(set(data) - set(USER_SECTIONS))
    if unknown:
        raise LexiconError(f"{path}: unknown section(s) {unknown}; expected some of {list(USER_SECTIONS)}")
    return {name: {"file": str(path), "data": value} for name, value in data.items() if name in USER_SECTIONS}


def _merge(raw: dict[str, dict[str, Any]], extra: dict[str, dict[str, Any]]) -> None:
    """Entries of ``extra`` add to or replace the built-in ones (one level deeper for
    sectioned files such as titles and cues)."""
    for name, part in extra.items():
        if not isinstance(part["data"], dict):
            raise LexiconError(f"{part['file']}: {name}: must be a mapping")
        _build_one_check(name, part)
        merged = dict(raw[name]["data"])
        for key, value in part["data"].items():
            if name in _SECTIONED and isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
        raw[name] = {"file": f"{raw[name]['file']} + {part['file']}", "data": merged}


_SECTIONED = ("titles", "honorifics", "cues", "calendar", "names", "words", "name_words")


def _build_one_check(name: str, part: dict[str, Any]) -> None:
    """Validate a user file's section alone first, so its errors name the user's file."""
    if name in ("countries", "cities", "organizations"):
        for key, entry in part["data"].items():
            _check_entry(part["file"], f"{name}.{key}", entry, _ENTRY_FIELDS[name], partial=True)


# --------------------------------------------------------------------------- validation

_ENTRY_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "countries": {"en": str, "ar": str, "aliases": list, "nisba": list, "capital": str, "status": str,
                  "city_state": bool},
    "cities": {"en": str, "ar": str, "aliases": list, "country": str},
    "organizations": {"en": str, "ar": str, "aliases": list, "kind": str, "nisba": list,
                      "needs_context": bool},
}
_OPTIONAL = {"aliases", "nisba", "needs_context", "status", "city_state", "alone", "country", "reports", "rank", "abbreviations"}


def _check_entry(
    filename: str, where: str, entry: Any, fields: Mapping[str, type | tuple[type, ...]],
    *, partial: bool = False,
) -> None:
    if not isinstance(entry, dict):
        raise LexiconError(f"{filename}: {where}: must be a mapping")
    unknown = sorted(set(entry) - set(fields))
    if unknown:
        raise LexiconError(f"{filename}: {where}: unknown field(s) {unknown}")
    for name, kind in fields.items():
        if name not in entry:
            if not partial and name not in _OPTIONAL:
                raise LexiconError(f"{filename}: {where}: missing field {name!r}")
            continue
        if not isinstance(entry[name], kind):
            raise LexiconError(f"{filename}: {where}.{name}: must be a {_type_name(kind)}")


def _type_name(kind: type | tuple[type, ...]) -> str:
    return {str: "string", list: "list", bool: "boolean", dict: "mapping"}.get(kind, str(kind))


def check_form(filename: str, where: str, form: Any) -> str:
    """Return ``form`` if it is a well-formed Arabic phrase, else raise LexiconError."""
    if not isinstance(form, str):
        raise LexiconError(f"{filename}: {where}: {form!r} is not a string")
    if not _ARABIC_FORM.fullmatch(form):
        bad = sorted({f"U+{ord(c):04X}" for c in form if not _ARABIC_FORM.fullmatch(c) and c != " "})
        problem = f"characters {', '.join(bad)} are not allowed" if bad else "bad spacing"
        raise LexiconError(f"{filename}: {where}: {form!r}: {problem}")
    return form


def check_forms(filename: str, where: str, values: Any) -> list[str]:
    """``values`` if it is a list of well-formed Arabic phrases, none twice, else LexiconError."""
    if not isinstance(values, list):
        raise LexiconError(f"{filename}: {where}: must be a list of Arabic forms")
    forms = [check_form(filename, where, value) for value in values]
    seen: set[str] = set()
    for form in forms:
        key = match_key(form)
        if key in seen:
            raise LexiconError(f"{filename}: {where}: {form!r} is listed twice")
        seen.add(key)
    return forms


_NISBA_ENDINGS = ("", "ة", "ان", "ين", "ون", "تان", "تين")


def nisba_forms(masculine: str) -> list[str]:
    """Feminine, definite, dual and sound plural forms of a masculine nisba adjective.

    In a phrase, the words ending in ي are the adjectives and agree (الكورية الشمالية);
    a noun before them stays (جنوب أفريقية). The article goes on every adjective, or on
    the first word only (الجنوب أفريقي).
    """
    words = masculine.split()
    forms: list[str] = []
    for ending in _NISBA_ENDINGS:
        inflected = [word + ending if word.endswith("ي") else word for word in words]
        forms.append(" ".join(inflected))
        forms.append(" ".join("ال" + w if o.endswith("ي") or i == 0 else w for i, (w, o) in enumerate(zip(inflected, words))))
        forms.append(" ".join(["ال" + inflected[0], *inflected[1:]]))
    return list(dict.fromkeys(forms))


# --------------------------------------------------------------------------- building


class _Builder:
    """Collects phrases and their senses while the tables are validated."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[Sense]] = defaultdict(list)

    def add(self, form: str, sense: Sense) -> None:
        key = tuple(match_key(form).split())
        if sense not in self.phrases[key]:
            self.phrases[key].append(sense)

    def index(self) -> dict[str, tuple[tuple[tuple[str, ...], tuple[Sense, ...], frozenset[str]], ...]]:
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[Sense, ...], frozenset[str]]]] = defaultdict(list)
        shared: dict[Any, Any] = {}  # one object for equal sense lists: a smaller, faster pickle
        for words, senses in self.phrases.items():
            meaning = shared.setdefault(tuple(senses), tuple(senses))
            kinds = frozenset(s.kind for s in senses)
            by_first[words[0]].append((words[1:], meaning, shared.setdefault(kinds, kinds)))
        return {
            first: tuple(sorted(entries, key=lambda entry: -len(entry[0])))
            for first, entries in by_first.items()
        }


def _build(raw: Mapping[str, dict[str, Any]], *, word_classes: bool = True, common_words: bool = True) -> Lexicon:
    builder = _Builder()
    countries = _build_countries(raw["countries"], builder)
    cities = _build_cities(raw["cities"], builder, countries)
    _check_capitals(raw["countries"]["file"], countries, cities)
    organizations = _build_organizations(raw["organizations"], builder)
    terms: dict[tuple[str, str], Term] = {}
    _build_titles(raw["titles"], builder, terms, countries)
    _build_sections(raw["honorifics"], builder, terms, ("honorifics",), kind_of=lambda s: "honorific")
    _build_sections(raw["cues"], builder, terms, CUE_SECTIONS, kind_of=lambda s: f"cue.{s}")
    _build_calendar(raw["calendar"], builder, terms)
    _build_known_people(raw["officeholders"], builder)
    _build_learned_people(raw["people"], builder)
    _build_accusative_nisbas(raw["countries"], builder)
    _check_learned_bodies(raw["bodies"])
    words = _build_words(raw["names"], raw["words"], raw["name_words"])
    function_forms = frozenset(raw["words"]["data"].get("function", []))
    waw_words, waw_clauses = _read_waw_words() if word_classes else (frozenset(), frozenset())
    return Lexicon(countries, cities, organizations, terms, words, function_forms, builder.index(),
                   _read_word_classes() if word_classes else {},
                   *(_read_common_words() if common_words else ()),
                   waw_words=waw_words, waw_clauses=waw_clauses)


def _read_places() -> dict[str, dict[str, Any]]:
    return parse_places(resources.files("meetsum").joinpath("data", PLACES_FILE).read_text(encoding="utf-8"))


def parse_places(text: str) -> dict[str, dict[str, Any]]:
    """The generated table of towns (scripts/learn_places.py) as cities.yaml entries: one per
    town (keyed ``gn-STATE-english-name``), its most used name first, the others its aliases."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or lines[0].split("\t") != ["name", "state", "en", "people", "seen", "placed", "called"]:
        raise LexiconError(f"{PLACES_FILE}: the header row must be name, state, en, people, seen, placed, called")
    towns: dict[str, dict[str, Any]] = {}
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != 7 or not all(field.isdigit() for field in fields[3:]):
            raise LexiconError(f"{PLACES_FILE}: {line!r}: expected name, state, en and four counts")
        name, state, english = fields[:3]
        key = "gn-" + state.lower() + "-" + "-".join(re.findall(r"[a-z0-9]+", english.lower()))
        town = towns.setdefault(key, {"en": english, "ar": name, "aliases": [], "country": state})
        if name != town["ar"]:
            town["aliases"].append(name)
    return towns


def _read_word_classes() -> dict[str, str]:
    return parse_word_classes(resources.files("meetsum").joinpath("data", WORD_CLASS_TABLE).read_text(encoding="utf-8"))


def _read_common_words() -> tuple[frozenset[str], frozenset[str]]:
    return parse_common_words(resources.files("meetsum").joinpath("data", COMMON_WORD_TABLE).read_text(encoding="utf-8"))


def parse_common_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The generated table of common words (scripts/learn_common_words.py): the common
    words, and the words with a clitic that are names though their clitic-free form is common."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or lines[0].split("\t") != ["key", "count", "in_names", "kind"]:
        raise LexiconError(f"{COMMON_WORD_TABLE}: the header row must be key, count, in_names, kind")
    kinds: dict[str, list[str]] = {"common": [], "name": []}
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != 4 or fields[3] not in kinds or not fields[1].isdigit() or not fields[2].isdigit():
            raise LexiconError(f"{COMMON_WORD_TABLE}: {line!r}: expected key, count, in_names, common or name")
        kinds[fields[3]].append(fields[0])
    return frozenset(kinds["common"]), frozenset(kinds["name"])


def _read_waw_words() -> tuple[frozenset[str], frozenset[str]]:
    return parse_waw_words(resources.files("meetsum").joinpath("data", WAW_WORDS_FILE).read_text(encoding="utf-8"))


WAW_KINDS = ("word", "clause")


def parse_waw_words(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The generated list of words starting with و (scripts/learn_conjunctions.py), with the
    counts that justify each: those whose و is their own, and conjunctions that open a clause."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or lines[0].split("\t") != ["key", "kind", "count", "rest", "inner", "opens"]:
        raise LexiconError(f"{WAW_WORDS_FILE}: the header row must be key, kind, count, rest, inner, opens")
    kinds: dict[str, set[str]] = {kind: set() for kind in WAW_KINDS}
    for line in lines[1:]:
        fields = line.split("\t")
        if (len(fields) != 6 or not fields[0].startswith("و") or fields[1] not in kinds
                or not all(f.isdigit() for f in fields[2:])):
            raise LexiconError(f"{WAW_WORDS_FILE}: {line!r}: expected a word starting with و, one of "
                               f"{WAW_KINDS} and four counts")
        kinds[fields[1]].add(fields[0])
    return frozenset(kinds["word"]), frozenset(kinds["clause"])


def parse_word_classes(text: str) -> dict[str, str]:
    """The generated table of words that end a name (scripts/build_wordclasses.py): rows whose
    ``name`` column is ``-``, i.e. that neither the lexicon nor the corpus shows as a name."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or lines[0].split("\t") != ["key", "class", "count", "name_count", "name"]:
        raise LexiconError(f"{WORD_CLASS_TABLE}: the header row must be key, class, count, name_count, name")
    classes = {}
    for line in lines[1:]:
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in LEXICAL_CLASSES:
            raise LexiconError(f"{WORD_CLASS_TABLE}: {line!r}: expected key, one of {LEXICAL_CLASSES}, "
                               "count, name_count, name")
        if fields[4] == "-":
            classes[fields[0]] = fields[1]
    return classes


def _build_countries(part: dict[str, Any], builder: _Builder) -> dict[str, Country]:
    filename, countries = part["file"], {}
    for key, entry in part["data"].items():
        where = f"{key}"
        if not (isinstance(key, str) and re.fullmatch(r"[A-Z]{2}", key)):
            raise LexiconError(f"{filename}: {key!r}: keys are ISO 3166-1 alpha-2 codes (quote them)")
        _check_entry(filename, where, entry, _ENTRY_FIELDS["countries"])
        status = entry.get("status", "member")
        if status not in COUNTRY_STATUSES:
            raise LexiconError(f"{filename}: {where}.status: {status!r} is not one of {COUNTRY_STATUSES}")
        ar = check_form(filename, f"{where}.ar", entry["ar"])
        countries[key] = Country(key, ar, entry["en"], check_form(filename, f"{where}.capital", entry["capital"]), status,
                                 entry.get("city_state", False))
        for form in [ar, *check_forms(filename, f"{where}.aliases", entry.get("aliases", []))]:
            builder.add(form, Sense("country", key))
        for masculine in check_forms(filename, f"{where}.nisba", entry.get("nisba", [])):
            for form in nisba_forms(masculine):
                builder.add(form, Sense("country_nisba", key))
    return countries


def _build_accusative_nisbas(part: dict[str, Any], builder: _Builder) -> None:
    """The indefinite accusative of a nationality adjective ("استقبل وفدا أمريكيا"), built
    last and kept only where it spells no other phrase: روسيا and برازيليا stay names."""
    for key, entry in part["data"].items():
        for masculine in entry.get("nisba", []):
            form = " ".join(word + "ا" if word.endswith("ي") else word for word in masculine.split())
            if tuple(match_key(form).split()) not in builder.phrases:
                builder.add(form, Sense("country_nisba", key))


def _build_cities(
    part: dict[str, Any], builder: _Builder, countries: Mapping[str, Country]
) -> dict[str, City]:
    filename, cities = part["file"], {}
    for key, entry in part["data"].items():
        _check_entry(filename, str(key), entry, _ENTRY_FIELDS["cities"])
        if entry["country"] not in countries:
            raise LexiconError(f"{filename}: {key}.country: {entry['country']!r} is not in countries.yaml")
        ar = check_form(filename, f"{key}.ar", entry["ar"])
        cities[str(key)] = City(str(key), ar, entry["en"], entry["country"])
        for form in [ar, *check_forms(filename, f"{key}.aliases", entry.get("aliases", []))]:
            builder.add(form, Sense("city", str(key)))
    return cities


def _check_capitals(filename: str, countries: Mapping[str, Country], cities: Mapping[str, City]) -> None:
    in_country = {(match_key(city.ar), city.country) for city in cities.values()}
    for country in countries.values():
        if (match_key(country.capital), country.key) not in in_country:
            raise LexiconError(f"{filename}: {country.key}.capital: {country.capital!r} is not a city of {country.key} in cities.yaml")


def _build_organizations(part: dict[str, Any], builder: _Builder) -> dict[str, Organization]:
    filename, organizations = part["file"], {}
    for key, entry in part["data"].items():
        _check_entry(filename, str(key), entry, _ENTRY_FIELDS["organizations"])
        if entry["kind"] not in ORGANIZATION_KINDS:
            raise LexiconError(f"{filename}: {key}.kind: {entry['kind']!r} is not one of {ORGANIZATION_KINDS}")
        ar = check_form(filename, f"{key}.ar", entry["ar"])
        organizations[str(key)] = Organization(str(key), ar, entry["en"], entry["kind"])
        aliases = check_forms(filename, f"{key}.aliases", entry.get("aliases", []))
        names = aliases if entry.get("needs_context") else [ar, *aliases]
        for form in names:
            builder.add(form, Sense("organization", str(key)))
        for form in check_forms(filename, f"{key}.nisba", entry.get("nisba", [])):
            builder.add(form, Sense("organization_nisba", str(key)))
    return organizations


def _term_entries(filename: str, section: str, entries: Any) -> Iterable[tuple[str, dict[str, Any], list[str]]]:
    if not isinstance(entries, dict):
        raise LexiconError(f"{filename}: {section}: must be a mapping of entries")
    for key, entry in entries.items():
        where = f"{section}.{key}"
        _check_entry(filename, where, entry, {"en": str, "ar": list, "alone": bool, "country": str, "reports": bool,
                                              "rank": bool, "abbreviations": list})
        if "en" not in entry or "ar" not in entry:
            raise LexiconError(f"{filename}: {where}: needs 'en' and 'ar'")
        yield str(key), entry, check_forms(filename, f"{where}.ar", entry["ar"])


def _build_titles(
    part: dict[str, Any], builder: _Builder, terms: dict[tuple[str, str], Term], countries: Mapping[str, Country]
) -> None:
    filename, data = part["file"], part["data"]
    unknown = sorted(set(data) - set(TITLE_SECTIONS))
    if unknown:
        raise LexiconError(f"{filename}: unknown section(s) {unknown}")
    for section in TITLE_SECTIONS:
        kind = section.rstrip("s")
        for key, entry, forms in _term_entries(filename, section, data.get(section, {})):
            country = entry.get("country")
            if country is not None and country not in countries:
                raise LexiconError(f"{filename}: {section}.{key}.country: {country!r} is not in countries.yaml")
            terms[(kind, key)] = Term(kind, key, entry["en"], entry.get("alone", True), country,
                                      entry.get("reports", False), entry.get("rank", False))
            for form in forms:
                builder.add(form, Sense(kind, key))
                if kind in ("office", "modifier", "complement", "collective") and not form.startswith("ال"):
                    builder.add("ال" + form, Sense(kind, key))


def _build_sections(
    part: dict[str, Any], builder: _Builder, terms: dict[tuple[str, str], Term],
    sections: Sequence[str], *, kind_of: Any,
) -> None:
    filename, data = part["file"], part["data"]
    unknown = sorted(set(data) - set(sections))
    if unknown:
        raise LexiconError(f"{filename}: unknown section(s) {unknown}")
    for section in sections:
        kind = kind_of(section)
        for key, entry, forms in _term_entries(filename, section, data.get(section, {})):
            terms[(kind, key)] = Term(kind, key, entry["en"], entry.get("alone", True))
            for form in forms:
                builder.add(form, Sense(kind, key))
            for letter in check_forms(filename, f"{section}.{key}.abbreviations", entry.get("abbreviations", [])):
                builder.add(f"{letter} .", Sense(kind, key))  # "د." is one letter and a full stop


_CALENDAR_TABLES = {
    "gregorian_months": ("month", range(1, 13)),
    "hijri_months": ("hijri_month", range(1, 13)),
    "weekdays": ("weekday", range(0, 7)),
    "relative_days": ("relative_day", range(-7, 8)),
    "ordinal_days": ("ordinal_day", range(1, 32)),
}
_CALENDAR_LISTS = (
    "weekday_past", "weekday_next", "hijri_markers", "gregorian_markers", "this_month", "next_month",
    "day_qualifiers", "day_periods", "days_ago",
)


def _build_calendar(part: dict[str, Any], builder: _Builder, terms: dict[tuple[str, str], Term]) -> None:
    filename, data = part["file"], part["data"]
    unknown = sorted(set(data) - set(_CALENDAR_TABLES) - set(_CALENDAR_LISTS))
    if unknown:
        raise LexiconError(f"{filename}: unknown section(s) {unknown}")
    for section, (kind, allowed) in _CALENDAR_TABLES.items():
        table = data.get(section)
        if not isinstance(table, dict):
            raise LexiconError(f"{filename}: {section}: must be a mapping")
        for number, forms in table.items():
            if not (isinstance(number, str) and re.fullmatch(r"-?\d+", number) and int(number) in allowed):
                raise LexiconError(f"{filename}: {section}: key {number!r} must be a quoted number in {allowed}")
            for form in check_forms(filename, f"{section}.{number}", forms):
                builder.add(form, Sense(kind, number))
    for section in _CALENDAR_LISTS:
        for form in check_forms(filename, section, data.get(section, [])):
            builder.add(form, Sense(section.rstrip("s"), form))


def _build_known_people(part: dict[str, Any], builder: _Builder) -> None:
    """The names of notable office holders, so that "فيدان" alone is a person. Their roles
    are read, and the whole file validated, by meetsum.officeholders."""
    filename = part["file"]
    for key, entry in part["data"].items():
        if not isinstance(entry, dict):
            raise LexiconError(f"{filename}: {key}: must be a mapping")
        for name_field in ("ar", "short"):
            for form in check_forms(filename, f"{key}.{name_field}", entry.get(name_field, [])):
                builder.add(form, Sense("person", str(key)))


_KNOWN = Sense("known", "")  # a learned name: its counts are evidence, not meaning
_LEARNED_COUNTS = {"mentions": int, "articles": int, "titles": dict, "of": dict}
_NAME_WORD_SECTIONS = {
    "given": {"names": int, "first": int, "seen": int},
    "recurring": {"names": int, "in_names": int, "seen": int, "of": dict},
}


def _build_learned_people(part: dict[str, Any], builder: _Builder) -> None:
    """Names the corpus gave a title somewhere: "known" phrases, found with no title too."""
    filename = part["file"]
    for name, entry in part["data"].items():
        form = check_form(filename, f"people.{name}", name)
        _check_entry(filename, f"people.{name}", entry, _LEARNED_COUNTS, partial=True)
        if len(form.split()) < 2:
            raise LexiconError(f"{filename}: people.{name}: a learned name has two words at least")
        builder.add(form, _KNOWN)


def _check_learned_bodies(part: dict[str, Any]) -> None:
    """Organization names seen after a head noun: recorded with their counts for review (and
    for a future recognizer); validated, not yet used."""
    for name, entry in part["data"].items():
        check_form(part["file"], f"bodies.{name}", name)
        _check_entry(part["file"], f"bodies.{name}", entry, {"mentions": int, "articles": int}, partial=True)


def _learned_words(part: dict[str, Any]) -> dict[str, list[str]]:
    """The words of each section of ``name_words`` (given, recurring), validated."""
    filename, data = part["file"], part["data"]
    unknown = sorted(set(data) - set(_NAME_WORD_SECTIONS))
    if unknown:
        raise LexiconError(f"{filename}: name_words: unknown section(s) {unknown}")
    found = {}
    for section, fields in _NAME_WORD_SECTIONS.items():
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            raise LexiconError(f"{filename}: name_words.{section}: must be a mapping of words to counts")
        for word, entry in entries.items():
            if " " in check_form(filename, f"name_words.{section}.{word}", word):
                raise LexiconError(f"{filename}: name_words.{section}.{word}: one word per entry")
            _check_entry(filename, f"name_words.{section}.{word}", entry, fields, partial=True)
        found[section] = list(entries)
    return found


def _build_words(names: dict[str, Any], words: dict[str, Any], learned: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Single-token classes: given names, name particles and words that end a name."""
    classes: dict[str, set[str]] = defaultdict(set)
    for section, forms in _learned_words(learned).items():
        for form in forms:
            classes[match_key(form)].add(section)  # given, recurring
    given = names["data"].get("given", {})
    if not isinstance(given, dict):
        raise LexiconError(f"{names['file']}: given: must be a mapping of lists")
    for group, forms in given.items():
        for form in check_forms(names["file"], f"given.{group}", forms):
            classes[match_key(form)].add("given")
    for form in check_forms(names["file"], "particles", names["data"].get("particles", [])):
        classes[match_key(form)].add("particle")
    for form in check_forms(names["file"], "patronymic", names["data"].get("patronymic", [])):
        classes[match_key(form)].add("patronymic")
    unknown = sorted(set(words["data"]) - set(WORD_CLASSES))
    if unknown:
        raise LexiconError(f"{words['file']}: unknown section(s) {unknown}")
    for section in WORD_CLASSES:
        for form in check_forms(words["file"], section, words["data"].get(section, [])):
            classes[match_key(form)].add(section)
    return {key: frozenset(value) for key, value in classes.items()}
