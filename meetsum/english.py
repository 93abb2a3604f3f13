"""English beside the Arabic: the ``*_en`` fields of a summary record.

:func:`add_english` takes a plain record (``Summary.to_dict()``) and returns a new one in
which every participant, venue, mention and statement also carries its English:

- states, cities and organizations: the lexicon's ``en``;
- people: the English name of a known office holder (``officeholders.yaml``), else a
  romanization of the Arabic (:func:`romanize`);
- roles: the office holder's role on the article's date when the person is known, else the
  Arabic title composed in English from the glosses of ``titles.yaml`` and the rules of
  ``data/english.yaml`` (:func:`english_role`).

Everything is total: a value that cannot be put into English is romanized, or None.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

from meetsum.lexicon import Lexicon, LexiconError, check_form
from meetsum.officeholders import Holder, OfficeHolders
from meetsum.statements import is_collective, speaker_label, speaker_label_en
from meetsum.text import analyze, match_key

__all__ = ["English", "add_english", "english_role", "romanize"]

FILENAME = "english.yaml"
EN_FIELDS = ("name_en", "role_en", "affiliation_en", "city_en", "country_en", "place_en", "text_en", "speaker_en")
_TERM_KINDS = ("office", "modifier", "post_modifier", "complement", "collective")
_WILDCARDS = ("country", "organization", "city")


# --------------------------------------------------------------------------- the data file


@lru_cache(maxsize=1)
def _data() -> Mapping[str, Any]:
    text = resources.files("meetsum").joinpath("data", FILENAME).read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise LexiconError(f"{FILENAME}: not valid YAML: {error}") from None
    if not isinstance(data, dict) or set(data) != {"titles", "romanization"}:
        raise LexiconError(f"{FILENAME}: the top level must be a mapping with 'titles' and 'romanization'")
    return MappingProxyType(data)


def _section(parent: Mapping[str, Any], name: str, where: str, kind: type = dict) -> Any:
    value = parent.get(name, kind())
    if not isinstance(value, kind):
        raise LexiconError(f"{FILENAME}: {where}{name}: must be a {'mapping' if kind is dict else 'list'}")
    return value


def _strings(mapping: Mapping[Any, Any], where: str) -> dict[str, str]:
    for key, value in mapping.items():
        if not (isinstance(key, str) and isinstance(value, str)):
            raise LexiconError(f"{FILENAME}: {where}.{key}: must map a string to a string")
    return dict(mapping)


def _arabic_lists(mapping: Mapping[Any, Any], where: str) -> dict[str, list[str]]:
    """``english -> [Arabic forms]`` entries, forms checked like every lexicon form."""
    result: dict[str, list[str]] = {}
    for key, forms in mapping.items():
        if not isinstance(key, str) or not isinstance(forms, list) or not forms:
            raise LexiconError(f"{FILENAME}: {where}.{key}: must map an English string to a list of Arabic forms")
        result[key] = [check_form(FILENAME, f"{where}.{key}", form) for form in forms]
    return result


# --------------------------------------------------------------------------- romanization


@dataclass(frozen=True)
class _Romanizer:
    letters: Mapping[str, str]
    digraphs: Mapping[str, str]
    silent: frozenset[str]
    particles: Mapping[str, str]
    abd: frozenset[str]
    endings: tuple[tuple[str, str], ...]  # (Arabic ending key, Latin), longest first
    names: Mapping[tuple[str, ...], str]
    longest_name: int


def _spelling_table(section: Mapping[str, Any], name: str, length: int, what: str) -> dict[str, str]:
    """Arabic letters (or pairs) -> Latin, each listed once and of the given length."""
    table: dict[str, str] = {}
    where = f"romanization.{name}"
    for latin, forms in _arabic_lists(_section(section, name, "romanization."), where).items():
        for form in forms:
            if len(form) != length or form in table:
                raise LexiconError(f"{FILENAME}: {where}.{latin}: {form!r} must be {what}, listed once")
            table[form] = latin
    return table


@lru_cache(maxsize=1)
def _romanizer() -> _Romanizer:
    section = _section(_data(), "romanization", "")
    where = "romanization."
    letters = _spelling_table(section, "letters", 1, "one letter")
    digraphs = _spelling_table(section, "digraphs", 2, "two letters")
    silent = _section(section, "silent", where, list)
    for form in silent:
        check_form(FILENAME, "romanization.silent", form)
    particles = {
        match_key(form): latin
        for latin, forms in _arabic_lists(_section(section, "particles", where), "romanization.particles").items()
        for form in forms
    }
    abd = frozenset(match_key(check_form(FILENAME, "romanization.abd", f)) for f in _section(section, "abd", where, list))
    endings = sorted(
        ((match_key(form), latin) for latin, forms in
         _arabic_lists(_section(section, "foreign_endings", where), "romanization.foreign_endings").items() for form in forms),
        key=lambda pair: -len(pair[0]),
    )
    names: dict[tuple[str, ...], str] = {}
    for latin, forms in _arabic_lists(_section(section, "names", where), "romanization.names").items():
        for form in forms:
            words = tuple(match_key(form).split())
            if words in names:
                raise LexiconError(f"{FILENAME}: romanization.names.{latin}: {form!r} is also listed for {names[words]!r}")
            names[words] = latin
    return _Romanizer(MappingProxyType(letters), MappingProxyType(digraphs), frozenset(silent), MappingProxyType(particles), abd,
                      tuple(endings), MappingProxyType(names), max(map(len, names), default=1))


# Letters with a reading of their own (vowels, hamza and its seats, ta marbuta), read below.
_ALEF, _ALEF_HAMZA_ABOVE, _ALEF_HAMZA_BELOW, _ALEF_MADDA = "\u0627", "\u0623", "\u0625", "\u0622"
_WAW, _YEH, _ALEF_MAKSURA, _TEH_MARBUTA = "\u0648", "\u064a", "\u0649", "\u0629"
_HAMZA, _WAW_HAMZA, _YEH_HAMZA = "\u0621", "\u0624", "\u0626"
_ARTICLE = _ALEF + "\u0644"  # ال as written: إل and أل begin names (إلهام), not the article
_DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u00ad]")
_FOLD = str.maketrans({"\u06cc": _YEH, "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06d5": "\u0647"})
# Persian and Urdu letters in names news copies as written (جهاد سازندگى).
_EXTRA_LETTERS = {"\u06af": "g", "\u067e": "p", "\u0686": "ch", "\u0698": "zh", "\u06a4": "v"}
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a4\u06af]+")
_PUNCTUATION = str.maketrans({"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u066b": ".", "\u066c": ","})


def _clean(text: str) -> str:
    """``text`` without diacritics and tatweel, presentation forms decomposed; unlike the
    matching key, alef forms, ta marbuta and alef maksura stay as written."""
    text = unicodedata.normalize("NFKC", text) if re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text) else text
    return _DROPPED.sub("", text).translate(_FOLD).translate(_PUNCTUATION)


def romanize(name: str | None) -> str | None:
    """A readable Latin spelling of an Arabic name (None for None or an empty name).

    Not a transliteration: consonants as English news spells them, ا و ي as long vowels,
    ال as al-, بن as bin, عبد ال... as Abdul..., names with a conventional spelling as such
    (محمد: Mohammed), and a short vowel supplied where the script writes none
    (بوريطة: Burita). Latin letters, digits and punctuation pass through.
    """
    if not isinstance(name, str):
        return None
    data = _romanizer()
    words = _clean(name).split()
    keys = [match_key(word) for word in words]
    if words and len(keys[0]) > 2 and keys[0][0] == _WAW and (keys[0][1:],) in data.names:
        words[0], keys[0] = words[0][1:], keys[0][1:]  # the conjunction و: ومحمد
    out: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(data.longest_name, len(words) - index), 0, -1):
            latin = data.names.get(tuple(keys[index : index + size]))
            if latin:
                out.append(latin)
                index += size
                break
        else:
            word, key = words[index], keys[index]
            following = words[index + 1] if index + 1 < len(words) else ""
            if key in data.particles:
                out.append(data.particles[key])
            elif key in data.abd and following.startswith(_ARTICLE) and len(following) > 2:
                out.append("Abdul" + _word(following[2:], data).lower())
                index += 1
            elif any(key.startswith(a + "ال") and len(key) > len(a) + 2 for a in data.abd):
                stem = next(a for a in data.abd if key.startswith(a + "ال"))
                out.append("Abdul" + _word(word[len(stem) + 2 :], data).lower())
            elif key in data.abd:
                out.append("Abd")
            elif word.startswith(_ARTICLE) and len(word) > 3:
                out.append("al-" + _word(word[2:], data))
            else:
                out.append(_word(word, data))
            index += 1
    text = " ".join(part for part in out if part)
    return (text[:1].upper() + text[1:]) if text else None


@dataclass(slots=True)
class _Unit:
    kind: str  # C consonant, H hamza (a consonant written with nothing), V vowel, X other
    text: str
    long_a: bool = False


def _word(word: str, data: _Romanizer) -> str:
    """One word, without its article, romanized and capitalized."""
    if not _ARABIC_WORD.search(word):
        return word
    suffix = ""
    key = match_key(word)
    for ending, latin in data.endings:
        if key == ending and len(ending) >= 4:  # أوغلو alone, as in داود أوغلو
            return latin.capitalize()
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            word, suffix = word[: -len(ending)], latin
            break
    units = _units(word, data, foreign=bool(suffix))
    text = _vocalize(units, ends_word=not suffix) + suffix
    return text[:1].upper() + text[1:]


def _units(word: str, data: _Romanizer, *, foreign: bool) -> list[_Unit]:
    units: list[_Unit] = []
    skip = False
    for index, char in enumerate(word):
        if skip:
            skip = False
            continue
        after = word[index + 1] if index + 1 < len(word) else ""
        before_vowel = bool(units) and units[-1].kind == "V"
        if char + after in data.digraphs:
            units.append(_Unit("C", data.digraphs[char + after]))
            skip = True
        elif char == _ALEF or char == _ALEF_MADDA:
            units.append(_Unit("V", "a", long_a=index > 0))
        elif char == _ALEF_HAMZA_ABOVE:
            units.append(_Unit("V", "a") if index == 0 else _Unit("H", ""))
        elif char == _ALEF_HAMZA_BELOW:
            units.append(_Unit("V", "i"))
        elif char == _ALEF_MAKSURA:
            units.append(_Unit("V", "a"))
        elif char == _TEH_MARBUTA:
            units.append(_Unit("V", "a") if not after else _Unit("C", "t"))
        elif char == _HAMZA or char == _YEH_HAMZA:
            units.append(_Unit("H", ""))
        elif char == _WAW_HAMZA:
            if after != _WAW:
                units.append(_Unit("V", "u"))
        elif char in (_WAW, _YEH):
            consonant = index == 0 or before_vowel or after in (_ALEF, _TEH_MARBUTA, _ALEF_MAKSURA)
            if consonant:
                units.append(_Unit("C", "w" if char == _WAW else "y"))
            else:
                units.append(_Unit("V", ("o" if foreign else "u") if char == _WAW else "i"))
        elif char in data.silent:
            units.append(_Unit("C", ""))
        elif char in data.letters or char in _EXTRA_LETTERS:
            latin = data.letters.get(char) or _EXTRA_LETTERS[char]
            units.append(_Unit("C", "g" if foreign and latin == "gh" else latin))
        else:
            units.append(_Unit("X", char))
    return units


def _vocalize(units: Sequence[_Unit], *, ends_word: bool = True) -> str:
    """The units' Latin, with a short vowel wherever two consonants would otherwise start
    the word, end it, or make a cluster of three."""
    out: list[str] = []
    run = 0  # consonants since the last vowel
    for index, unit in enumerate(units):
        if unit.kind == "X":
            out.append(unit.text)
            run = 0
            continue
        if unit.kind in "CH" and run:
            previous = units[index - 1]
            first = index == 1
            last = ends_word and index == len(units) - 1
            if previous.kind == "H":
                out.append("i")
            elif unit.kind == "H" or first or run >= 2:
                out.append("a")
            elif last:
                long_before = index >= 2 and units[index - 2].long_a
                out.append("i" if long_before else "a")
            else:
                run += 1
                out.append(unit.text)
                continue
            run = 1
            out.append(unit.text)
            continue
        run = run + 1 if unit.kind in "CH" else 0
        out.append(unit.text)
    return "".join(out)


# --------------------------------------------------------------------------- titles


@dataclass(frozen=True)
class _TitleRules:
    words: Mapping[tuple[str, str], str]
    feminine: Mapping[tuple[str, str], str]
    compounds: Mapping[tuple[str, ...], str]
    modifiers: Mapping[str, str]
    post_modifiers: Mapping[str, str]
    connectors: Mapping[str, str]
    prepositions: Mapping[str, str]  # matching key -> English
    bridges: frozenset[str]
    prefer_organization: frozenset[str]
    definite: frozenset[str]
    definite_countries: frozenset[str]
    definite_organizations: frozenset[str]


def _term_ref(lexicon: Lexicon, where: str, ref: str, *, wildcards: bool = False) -> tuple[str, str] | str:
    if wildcards and ref in _WILDCARDS:
        return ref
    kind, _, key = ref.partition(".")
    if kind not in _TERM_KINDS or (kind, key) not in lexicon.terms:
        raise LexiconError(f"{FILENAME}: {where}: {ref!r} is not a kind.key of titles.yaml")
    return (kind, key)


def _title_rules(lexicon: Lexicon) -> _TitleRules:
    section = _section(_data(), "titles", "")
    where = "titles."

    def refs(name: str) -> dict[tuple[str, str], str]:
        return {_term_ref(lexicon, f"titles.{name}.{ref}", ref): value  # type: ignore[misc]
                for ref, value in _strings(_section(section, name, where), f"titles.{name}").items()}

    compounds: dict[tuple[str, ...], str] = {}
    for phrase, value in _strings(_section(section, "compounds", where), "titles.compounds").items():
        parts = [_term_ref(lexicon, f"titles.compounds.{phrase}", p, wildcards=True) for p in phrase.split()]
        kinds = [p if isinstance(p, str) else p[0] for p in parts]
        head = kinds.index("office") if "office" in kinds else -1
        if len(parts) < 2 or head not in (0, 1) or (head == 1 and kinds[0] != "modifier"):
            raise LexiconError(f"{FILENAME}: titles.compounds.{phrase}: must be [a modifier and] an office and what follows it")
        compounds[tuple(p if isinstance(p, str) else f"{p[0]}.{p[1]}" for p in parts)] = value

    def templates(name: str, kind: str) -> dict[str, str]:
        values = _strings(_section(section, name, where), f"titles.{name}")
        for key, template in values.items():
            _term_ref(lexicon, f"titles.{name}.{key}", f"{kind}.{key}")
            if template.count("{}") != 1:
                raise LexiconError(f"{FILENAME}: titles.{name}.{key}: {template!r} needs one {{}}")
        return values

    def complements(name: str) -> frozenset[str]:
        keys = _section(section, name, where, list)
        for key in keys:
            _term_ref(lexicon, f"titles.{name}", f"complement.{key}")
        return frozenset(keys)

    prepositions = {
        match_key(form): english
        for english, forms in _arabic_lists(_section(section, "prepositions", where), "titles.prepositions").items()
        for form in forms
    }
    countries = _section(section, "definite_countries", where, list)
    for code in countries:
        if code not in lexicon.countries:
            raise LexiconError(f"{FILENAME}: titles.definite_countries: {code!r} is not in countries.yaml")
    return _TitleRules(
        refs("words"), refs("feminine"), compounds, templates("modifiers", "modifier"),
        templates("post_modifiers", "post_modifier"),
        {f"{k[0]}.{k[1]}": v for k, v in refs("connectors").items()},
        prepositions, complements("bridges"), complements("prefer_organization"), complements("definite"),
        frozenset(countries), frozenset(_section(section, "definite_organizations", where, list)),
    )


@dataclass
class _TitleUnit:
    """One title of a role (a role may chain several: ولي العهد نائب رئيس مجلس الوزراء)."""

    modifiers: list[str] = field(default_factory=list)
    office: tuple[str, bool] | None = None  # key, feminine
    collective: str | None = None
    posts: list[str] = field(default_factory=list)
    # what the title is of: (complement | country | organization | city | office, key, preposition)
    tail: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def headed(self) -> bool:
        return self.office is not None or self.collective is not None


_OPEN_ORDER = ("office", "modifier", "collective", "country", "organization", "city", "complement",
               "post_modifier", "country_nisba", "organization_nisba")
_HEADED_ORDER = ("post_modifier", "complement", "country", "organization", "city", "country_nisba",
                 "organization_nisba", "office", "modifier", "collective")


class English:
    """English for one lexicon and set of office holders; :meth:`add` is :func:`add_english`."""

    def __init__(self, lexicon: Lexicon, holders: OfficeHolders | None) -> None:
        self.lexicon = lexicon
        self.holders = holders
        self.rules = _title_rules(lexicon)
        self._short_names = {
            kind: {match_key(entry.ar): key for key, entry in table.items()}
            for kind, table in (("country", lexicon.countries), ("city", lexicon.cities),
                                ("organization", lexicon.organizations))
        }

    # ----------------------------------------------------------------- words and places

    def word(self, kind: str, key: str) -> str:
        if (kind, key) in self.rules.words:
            return self.rules.words[(kind, key)]
        term = self.lexicon.terms.get((kind, key))
        return _gloss(term.en) if term else ""

    def place(self, text: Any, kinds: Sequence[str]) -> str | None:
        """The English name of the state, city or organization ``text`` names, else None."""
        key = self.place_key(text, kinds)
        return self._en(*key) if key else None

    def place_key(self, text: Any, kinds: Sequence[str]) -> tuple[str, str] | None:
        if not isinstance(text, str) or not text.strip():
            return None
        tokens = [t for t in analyze(text).tokens if t.is_word]
        if not tokens:
            return None
        match = self.lexicon.match_at(tokens, 0)
        if match and match.end == len(tokens):
            for kind in kinds:
                for sense_kind in (kind, f"{kind}_nisba"):
                    keys = match.keys(sense_kind)
                    if keys:
                        return (kind, keys[0])
        whole = " ".join(t.key for t in tokens)
        for kind in kinds:
            if whole in self._short_names.get(kind, {}):
                return (kind, self._short_names[kind][whole])
        return None

    def _en(self, kind: str, key: str) -> str:
        table = {"country": self.lexicon.countries, "city": self.lexicon.cities,
                 "organization": self.lexicon.organizations}[kind]
        return table[key].en

    def _in_title(self, kind: str, key: str) -> str:
        """A state or organization as it follows "of" in a title (the United States)."""
        en = _gloss(self._en(kind, key)) or self._en(kind, key)
        if kind == "country" and key in self.rules.definite_countries:
            return "the " + en
        if kind == "organization":
            kind_of = self.lexicon.organizations[key].kind
            if kind_of in self.rules.definite_organizations and not _acronym(en) and not en.lower().startswith("al-"):
                return "the " + en
        return en

    # ----------------------------------------------------------------- titles

    def role(self, role: Any) -> str | None:
        """An Arabic title in English: نائب وزير الخارجية -> Deputy Foreign Minister."""
        if not isinstance(role, str):
            return None
        parts = [text for text in map(self._compose, self._units(role)) if text]
        return ", ".join(dict.fromkeys(parts)) or None

    def _units(self, role: str) -> list[_TitleUnit]:
        tokens = [t for t in analyze(role).tokens if t.is_word]
        units: list[_TitleUnit] = []
        unit = _TitleUnit()
        preposition: str | None = None
        index = 0
        while index < len(tokens):
            if tokens[index].key in self.rules.prepositions:
                preposition = self.rules.prepositions[tokens[index].key]
                index += 1
                continue
            match = self.lexicon.match_at(tokens, index)
            if match is None:
                index += 1
                continue
            index = match.end
            sense = self._sense(match, unit.headed)
            if sense is None:
                continue
            kind, key = sense
            genitive = match.skip > 0 and "\u0644" in tokens[match.start].key[: match.skip]  # ل: للأمين العام
            if kind == "office" and unit.headed and genitive:
                unit.tail.append(("office", key, preposition))
            elif kind in ("office", "modifier", "collective"):
                if unit.headed:
                    units.append(unit)
                    unit = _TitleUnit()
                if kind == "modifier":
                    unit.modifiers.append(key)
                elif kind == "office":
                    unit.office = (key, tokens[match.end - 1].key.endswith("\u0647"))  # ta marbuta, keyed
                else:
                    unit.collective = key
            elif kind == "post_modifier":
                unit.posts.append(key)
            else:
                item = (kind.removesuffix("_nisba"), key, preposition)
                if item[:2] not in [t[:2] for t in unit.tail]:
                    unit.tail.append(item)
            preposition = None
        units.append(unit)
        return units

    def _sense(self, match: Any, headed: bool) -> tuple[str, str] | None:
        for kind in _HEADED_ORDER if headed else _OPEN_ORDER:
            keys = match.keys(kind)
            if not keys:
                continue
            if kind == "complement" and keys[0] in self.rules.prefer_organization and match.has("organization"):
                return ("organization", match.keys("organization")[0])
            if kind == "office" and len(keys) > 1:  # الرئيس: president (alone) before head (رئيس + ال)
                keys = sorted(keys, key=lambda k: not self.lexicon.terms[("office", k)].alone)
            return (kind, keys[0])
        return None

    def _compose(self, unit: _TitleUnit) -> str | None:
        rules = self.rules
        tail = [item for position, item in enumerate(unit.tail) if not (
            item[0] == "complement" and item[1] in rules.bridges
            and any(later[0] == "country" for later in unit.tail[position + 1 :]))]
        posts, modifiers = list(unit.posts), list(unit.modifiers)
        core, connector, found = "", "of", False
        if unit.office is not None:
            office, feminine = unit.office
            core = (rules.feminine.get(("office", office)) if feminine else None) or self.word("office", office)
            connector = rules.connectors.get(f"office.{office}", "of")
            symbols = [f"complement.{key}" if kind == "complement" else kind for kind, key, _ in tail]
            heads = [(f"office.{office}",)]
            if modifiers:
                heads.insert(0, (f"modifier.{modifiers[-1]}", f"office.{office}"))
            for head in heads:
                for size in range(len(symbols), -1, -1):
                    compound = rules.compounds.get((*head, *symbols[:size]))
                    if compound:
                        core, found = compound, True
                        tail = tail[size - (size > 0 and symbols[size - 1] in _WILDCARDS):]
                        if len(head) == 2:
                            modifiers.pop()
                        break
                if found:
                    break
            for post in posts if not found else ():
                compound = rules.compounds.get((f"office.{office}", f"post_modifier.{post}"))
                if compound:
                    core, found = compound, True
                    posts.remove(post)
                    break
        elif unit.collective is not None:
            core = self.word("collective", unit.collective)
        for post in posts:  # suffixes (-elect) attach to the office
            template = rules.post_modifiers.get(post, "")
            if template.startswith("{}") and core:
                core = template.format(core)
        phrase = core
        for position, (kind, key, preposition) in enumerate(tail):
            text = self._tail_item(kind, key)
            if not text:
                continue
            if phrase:
                word = preposition or (connector if position == 0 else "of")
                if kind == "complement" and "Affairs" in text and (found or position > 0) and not preposition:
                    word = "for"  # Deputy Prime Minister for Cabinet Affairs
                text = f"{word} {text}"
            phrase = f"{phrase} {text}".strip()
        for modifier in reversed(modifiers):
            word = self.word("modifier", modifier)
            if word:
                phrase = rules.modifiers.get(modifier, f"{word} {{}}").format(phrase).strip()
        for post in posts:  # prefixes (Former, Interim) go around everything
            template = rules.post_modifiers.get(post, "")
            word = self.word("post_modifier", post)
            if word and not template.startswith("{}"):
                phrase = (template or f"{word} {{}}").format(phrase).strip()
        return phrase or None

    def _tail_item(self, kind: str, key: str) -> str:
        if kind in ("complement", "office"):
            word = self.word(kind, key)
            return f"the {word}" if word and (kind == "office" or key in self.rules.definite) else word
        return self._in_title(kind, key)

    # ----------------------------------------------------------------- people

    def person(self, name: Any, day: date | None, role: Any = None, affiliation: Any = None,
               aliases: Iterable[Any] = ()) -> tuple[str | None, Holder | None]:
        """The English name of a person and the office holder found for them, if any."""
        holder = None
        if self.holders is not None:
            hint = role if isinstance(role, str) else None
            for candidate in (name, *aliases):
                if isinstance(candidate, str):
                    holder = self.holders.find(candidate, day, role=hint)
                    if holder and not self._plausible(holder, affiliation):
                        holder = None
                    if holder:
                        break
        if holder:
            return holder.en, holder
        return (romanize(name) if isinstance(name, str) else None), None

    def _plausible(self, holder: Holder, affiliation: Any) -> bool:
        """A known person named in an article for another state or organization than any
        of theirs is someone else of the same name."""
        found = self.place_key(affiliation, ("country", "organization"))
        if found is None:
            return True
        return any(role.of == found[1] for role in holder.person.roles)

    # ----------------------------------------------------------------- records

    def add(self, record: Mapping[str, Any], published: date | None = None) -> dict[str, Any]:
        """:func:`add_english`."""
        result = copy.deepcopy(dict(record))
        day = published or _iso(result.get("published")) or _iso(result.get("date"))
        self._add_meeting(result, day)
        for mention in _dicts(result.get("mentioned")):
            mention["text_en"] = self._mention(mention, day)
        for meeting in _dicts(result.get("meetings")):
            self._add_meeting(meeting, day or _iso(meeting.get("date")))
        return result

    def _add_meeting(self, meeting: dict[str, Any], day: date | None) -> None:
        names: dict[str, str | None] = {}
        for person in _dicts(meeting.get("participants")):
            name_en, holder = self.person(person.get("name"), day, person.get("role"),
                                          person.get("affiliation"), _list(person.get("aliases")))
            # a known person's role on the day (none without a day: the article's title then)
            held = holder.role if holder and day is not None else None
            person["name_en"] = name_en
            person["role_en"] = held.role_en if held else self.role(person.get("role"))
            person["affiliation_en"] = (self._proper(person.get("affiliation"), ("country", "organization"))
                                        or (held.of_en if held else None))
            for alias in (person.get("name"), *_list(person.get("aliases"))):
                if isinstance(alias, str):
                    names.setdefault(alias, name_en)
            self._add_speaker(names, person)
        venue = meeting.get("venue")
        if isinstance(venue, dict):
            venue["city_en"] = self._proper(venue.get("city"), ("city", "country"))
            venue["country_en"] = self._proper(venue.get("country"), ("country",))
            venue["place_en"] = self._proper(venue.get("place"), ("city", "organization", "country"))
        for statement in _dicts(meeting.get("statements")):
            speaker = statement.get("speaker")
            if isinstance(speaker, str) and speaker in names:
                statement["speaker_en"] = names[speaker]
            else:
                statement["speaker_en"] = self.person(speaker, day)[0]

    def _add_speaker(self, names: dict[str, str | None], person: Mapping[str, Any]) -> None:
        """The English of the party as a statement names it ("وفد حماس" -> "Hamas delegation")."""
        fields = [person.get(key) if isinstance(person.get(key), str) else None for key in ("name", "role", "affiliation")]
        label = speaker_label(*fields, self.lexicon)
        if label and not fields[0]:
            names.setdefault(label, speaker_label_en(
                person.get("name_en"), person.get("role_en"), person.get("affiliation_en"),
                is_collective(fields[1], self.lexicon)))

    def _mention(self, mention: Mapping[str, Any], day: date | None) -> str | None:
        text, kind = mention.get("text"), mention.get("kind")
        if kind == "person":
            return self.person(text, day)[0]
        kinds = ("country", "organization") if kind == "country" else ("organization", "country")
        return self._proper(text, kinds)

    def _proper(self, text: Any, kinds: Sequence[str]) -> str | None:
        """A proper name: the lexicon's English, else romanized."""
        return self.place(text, kinds) or romanize(text)


def _gloss(text: str) -> str:
    """A titles.yaml gloss cut to one English word or phrase: "Emir / Prince" -> "Emir"."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return text.split(" / ")[0].strip()


def _acronym(text: str) -> bool:
    return text.split()[0].isupper() if text.split() else False


def _iso(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else []


# --------------------------------------------------------------------------- entry points

_last: tuple[Lexicon, OfficeHolders | None, English] | None = None


def _english(lexicon: Lexicon, holders: OfficeHolders | None) -> English:
    """The :class:`English` of the last lexicon and holders asked for (built once per pair)."""
    global _last
    if _last is None or _last[0] is not lexicon or _last[1] is not holders:
        _last = (lexicon, holders, English(lexicon, holders))
    return _last[2]


def add_english(
    record: Mapping[str, Any], lexicon: Lexicon, holders: OfficeHolders | None = None,
    published: date | str | None = None,
) -> dict[str, Any]:
    """A copy of ``record`` (``Summary.to_dict()``) whose participants, venues, statements
    and mentions also carry ``name_en``, ``role_en``, ``affiliation_en``, ``city_en``,
    ``country_en``, ``place_en``, ``speaker_en`` and ``text_en``.

    Roles of known office holders are those they held on ``published`` (a date or
    ``YYYY-MM-DD``; else the record's own ``published``, else its meeting date); with no date
    at all, the Arabic title is put into English instead. Never raises on odd values: what
    cannot be put into English is romanized or None.
    """
    return _english(lexicon, holders).add(record, _iso(published))


def english_role(role: str | None, lexicon: Lexicon) -> str | None:
    """An Arabic title (as a summary gives it) in English, or None if no part is known."""
    return _english_titles(lexicon).role(role)


def _english_titles(lexicon: Lexicon) -> English:
    if _last is not None and _last[0] is lexicon:
        return _last[2]
    return _english(lexicon, None)
