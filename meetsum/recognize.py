"""Recognition: states, places, organizations, titles and people, as token spans.

Recognizers read the analysed document and the lexicon matches, and return spans; they
never change what they read. A person is a title chain (modifiers, office, complements,
then a nationality adjective or the organization represented) followed by a name, a
name that starts with a known given name, or a later short form of a name seen before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat

from meetsum.lexicon import (
    COMMON_CLITICS, Lexicon, Match, document_keys, keys_with_clitics, matches_by_kind, tokens_with_key_in,
    with_kinds,
)
from meetsum.text import Document, Token

__all__ = ["Entity", "Title", "Person", "Recognized", "names_person", "recognize"]

_NAME_STOP_CLASSES = frozenset({"function", "time", "common"})
_NOT_NAME_KINDS = frozenset({
    "modifier", "office", "complement", "collective", "honorific",
    "country", "country_nisba", "organization", "organization_nisba", "city", "month", "hijri_month",
    "weekday", "relative_day", "cue.meeting", "cue.call", "cue.discussion", "cue.statement",
    "cue.planned", "cue.not_meeting", "cue.virtual", "cue.ongoing", "cue.named_after", "cue.named_for",
    "cue.from",  # "وفدا عشائريا يمثل ...": no name after a group
})
_MAX_NAME_TOKENS = 8


@dataclass(frozen=True, slots=True)
class Entity:
    """A state, city or organization named in the text (``via`` name or nisba adjective)."""

    kind: str  # country | city | organization
    key: str
    start: int  # token indices, end exclusive
    end: int
    via: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title chain; ``role`` spans the role words, ``end`` includes the nationality."""

    start: int
    role_start: int
    role_end: int
    end: int
    affiliation: Entity | None
    collective: bool
    counterpart: bool


@dataclass(frozen=True, slots=True)
class Person:
    """A person (or, with no name, a titled party such as a delegation)."""

    start: int
    end: int
    name_start: int | None
    name_end: int | None
    title: Title | None
    name_skip: int = 0  # key characters of a clitic before the name: "والجبير"

    @property
    def has_name(self) -> bool:
        return self.name_start is not None


@dataclass(frozen=True)
class Recognized:
    doc: Document
    lexicon: Lexicon
    matches: dict[int, Match]
    entities: tuple[Entity, ...]
    titles: tuple[Title, ...]
    people: tuple[Person, ...]
    by_sentence: dict[int, tuple[Match, ...]]
    person_at: dict[int, Person]  # the person whose span covers a token
    by_kind: dict[str, list[Match]]  # the matches of each kind, in text order
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # per-document results

    def remember(self, key: object, compute):
        """``compute()`` once per document: assembly asks the same of every meeting."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def with_kinds(self, kinds: Iterable[str]) -> list[Match]:
        """The matches of any of ``kinds``, in text order."""
        return with_kinds(self.by_kind, kinds)

    def sentence_matches(self, sentence: int) -> tuple[Match, ...]:
        """The lexicon matches of one sentence, in text order."""
        return self.by_sentence.get(sentence, ())


def recognize(doc: Document, lexicon: Lexicon) -> Recognized:
    """Find every entity, title and person in ``doc``."""
    matches = {match.start: match for match in lexicon.find_all(doc.tokens)}
    by_kind = matches_by_kind(matches.values())
    entities = tuple(_entities(with_kinds(by_kind, _ENTITY_SENSES)))
    titles = tuple(_titles(doc.tokens, matches, lexicon, by_kind))
    people = _people(doc.tokens, matches, titles, lexicon, by_kind)
    by_sentence: dict[int, list[Match]] = {}
    for start in sorted(matches):
        by_sentence.setdefault(doc.tokens[start].sentence, []).append(matches[start])
    grouped = {sentence: tuple(found) for sentence, found in by_sentence.items()}
    person_at = {i: person for person in people for i in range(person.start, person.end)}
    return Recognized(doc, lexicon, matches, entities, titles, tuple(people), grouped, person_at, by_kind)


def _entities(matches: Iterable[Match]) -> list[Entity]:
    """One entity per kind a phrase can name: سنغافورة is a state and a city."""
    found = []
    for match in matches:
        kinds: set[str] = set()
        for sense in match.senses:
            kind, _, via = sense.kind.partition("_")
            if kind in ("country", "city", "organization") and kind not in kinds:
                kinds.add(kind)
                found.append(Entity(kind, sense.key, match.start, match.end, via or "name"))
    return found


_ENTITY_SENSES = frozenset({"country", "country_nisba", "city", "organization", "organization_nisba"})


def entity_of(match: Match | None, *, nisba: bool) -> Entity | None:
    """The state or organization a match designates, by name or (with ``nisba``) adjective."""
    if match is None:
        return None
    kinds = ("country_nisba", "organization_nisba") if nisba else ("country", "organization")
    for sense in match.senses:
        if sense.kind in kinds:
            kind, _, via = sense.kind.partition("_")
            return Entity(kind, sense.key, match.start, match.end, via or "name")
    return None


# --------------------------------------------------------------------------- titles


def _titles(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, by_kind: dict[str, list[Match]],
) -> list[Title]:
    titles: list[Title] = []
    index = 0
    for start in (match.start for match in with_kinds(by_kind, _TITLE_OPENERS)):
        if start < index:  # inside the previous title
            continue
        title = parse_title(tokens, matches, lexicon, start)
        if title:
            titles.append(_joined(tokens, matches, lexicon, titles, title))
            if titles[-1] is not title:
                del titles[-2]
            index = title.end
    return titles


_TITLE_OPENERS = frozenset({"honorific", "modifier", "office", "collective", "cue.meeting"})  # what parse_title starts with


def _joined(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, titles: list[Title], title: Title
) -> Title:
    """"العاهل السعودي، الملك سلمان": a second title right after the first continues it,
    which gives the state; the role is the one next to the name, unless that is a bare
    royal rank ("ولي العهد السعودي الأمير محمد بن سلمان": ولي العهد)."""
    if not titles or title.affiliation is not None or title.collective:
        return title
    previous = titles[-1]
    adjacent = previous.end == title.start or (
        previous.end + 1 == title.start and tokens[previous.end].key in _COMMAS)
    if not adjacent or previous.affiliation is None:
        return title
    bare = title.role_end - title.role_start == 1 and previous.role_end > previous.role_start and any(
        lexicon.term("office", key).rank for key in matches[title.role_start].keys("office"))
    role_start, role_end = (previous.role_start, previous.role_end) if bare else (title.role_start, title.role_end)
    return Title(previous.start, role_start, role_end, title.end, previous.affiliation, False, False)


def parse_title(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, start: int
) -> Title | None:
    """The title chain starting at token ``start``, or None."""
    index = _skip(matches, start, "honorific")
    role_start, role_end, affiliation = index, index, None
    offices = collective = counterpart = 0
    while (match := matches.get(index)) and _same_sentence(tokens, start, index):
        if match.has("modifier"):
            index = match.end
        elif match.has("office") or match.has("collective") or _is_counterpart(match):
            if _given_before_patronymic(tokens, match, lexicon):
                break  # "الأمير سلطان بن سلمان": the office word is the name's first word
            if (offices or collective) and not match.has("office"):
                break  # "استقبل الرئيس وفدا": a group or "نظيره" starts the next party
            if affiliation is not None and affiliation.via == "role" and _royal_rank(match, lexicon):
                break  # "أمير منطقة عسير الأمير فيصل": the rank opens the name
            offices += match.has("office")
            collective += match.has("collective")
            counterpart += _is_counterpart(match)
            complete = _office_complete(match, matches, lexicon)
            index = role_end = _skip(matches, match.end, "complement", "post_modifier")
            if match.has("collective") and not offices:
                index = role_end = _group_descriptors_end(tokens, matches, lexicon, match, index)
            named = entity_of(matches.get(_entity_start(tokens, matches, index, match)), nisba=False)
            if named and not _is_counterpart(match):
                affiliation, index = named, named.end
                if _entity_in_role(match, named, matches):
                    role_end = index
            elif match.has("office") and affiliation is None:
                affiliation = _office_country(match, lexicon)
            if (index == match.end and match.has("office") and not _followed_by_nisba(matches, index)
                    and not (named or _name_starts(tokens, matches, lexicon, index))):
                body_end = _body_before_name(tokens, matches, lexicon, match.start, index)
                if body_end is None and not complete:
                    return None
                if body_end is not None:
                    body = Entity("body", "", index, body_end, "role")
                    index = role_end = body_end
                    affiliation = affiliation or body
        else:
            break
    if not (offices or collective or counterpart):
        return None
    adjective = entity_of(matches.get(index), nisba=True)
    if adjective:
        affiliation, index = affiliation or adjective, adjective.end
    return Title(start, role_start, role_end, index, affiliation, bool(collective and not offices), bool(counterpart))


_GROUP_DESCRIPTORS_MAX = 3  # words: "وفدا عسكريا رفيع المستوى"
_DESCRIPTOR_MIN = 4  # letters, without ال
_NISBA_SHAPES = ("ي", "يا", "يه", "يين", "يون")  # برلماني، برلمانيا، برلمانية (key: ه)، برلمانيين
_VERB_PREFIXES = ("ي", "ت", "س")


def _group_descriptors_end(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, group: Match, index: int
) -> int:
    """"وفد برلماني ألماني"، "وفدا اقتصاديا من": adjectives of kind between a group word
    and the state or source it represents belong to the group's role. They are read only
    when such a state (a nationality adjective) or "من" follows them, else ``index``."""
    definite = tokens[group.end - 1].key[group.skip if group.end - group.start == 1 else 0 :].startswith("ال")
    end, of_kind = index, True
    sentence = tokens[index - 1].sentence
    while end < len(tokens) and end - index < _GROUP_DESCRIPTORS_MAX and tokens[end].sentence == sentence:
        match = matches.get(end)
        if match is not None and match.has("post_modifier"):  # رفيع المستوى، الخاص
            end = match.end
        elif match is None and (kind := _group_adjective(tokens[end], lexicon, definite)):
            of_kind = of_kind and kind == "nisba"
            end += 1
        else:
            break
    source = matches.get(end)
    if end > index and source is not None and (
            entity_of(source, nisba=True) or of_kind and source.has("cue.from")  # not "وفد مكون من"
            or _accusative_state(tokens, source, end - 1)):
        return end
    return index


def _accusative_state(tokens: Sequence[Token], source: Match, last: int) -> bool:
    """"وفدا برلمانيا ألمانيا": after an accusative nisba, a state's name that is spelled as
    its accusative nisba (ألمانيا، روسيا) is that adjective, not the place a delegation went
    to ("زار وفد برلماني تركيا")."""
    state = entity_of(source, nisba=False)
    return (state is not None and state.kind == "country" and source.end - source.start == 1
            and tokens[last].key.endswith("يا") and tokens[source.start].key.endswith("يا"))


def _group_adjective(token: Token, lexicon: Lexicon, definite: bool) -> str | None:
    """"nisba" for a relational adjective that agrees with the group word in definiteness
    (برلماني، عسكريا، الحكومية), "adjective" for another adjective of the word-class table
    (زائر، موسع), else None: never a verb, a function word or a given name."""
    key = token.key
    if key.startswith("ال") != definite or not key.isalpha():
        return None
    stem = key[2:] if definite else key
    if len(stem) < _DESCRIPTOR_MIN or lexicon.token_classes(token) & {"function", "given", "time"}:
        return None
    kind = lexicon.lexical_classes.get(stem)
    if kind == "verb" and stem.startswith(_VERB_PREFIXES) or kind == "particle":
        return None
    return "nisba" if stem.endswith(_NISBA_SHAPES) else "adjective" if kind == "adjective" else None


_QUOTES = frozenset("\"'«»“”‘’")


def _given_before_patronymic(tokens: Sequence[Token], match: Match, lexicon: Lexicon) -> bool:
    """An office word without ال right before بن or بنت is a given name (سلطان بن سلمان);
    a definite rank there is a title before a family name (العقيد بن دايس)."""
    return (match.end - match.start == 1 and match.end < len(tokens) and not tokens[match.start].key.startswith("ال")
            and "patronymic" in lexicon.words.get(tokens[match.end].key, ()))


def _entity_start(tokens: Sequence[Token], matches: dict[int, Match], index: int, head: Match) -> int:
    """Where the represented state or organization may start: quotes and a generic head
    noun (شركة بوينج) are skipped, and a delegation may say whom it comes from (وفد من)."""
    if head.has("collective") and (source := matches.get(index)) and source.has("cue.from"):
        index = source.end
    while index < len(tokens) and tokens[index].key in _QUOTES:
        index += 1
    if (match := matches.get(index)) and match.has("cue.org_head") and entity_of(matches.get(match.end), nisba=False):
        index = match.end
    return index


_MAX_BODY_TOKENS = 5


def _name_starts(tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, index: int) -> bool:
    if index >= len(tokens):
        return False
    match = matches.get(index)
    return bool(match and match.has("honorific")) or "given" in lexicon.token_classes(tokens[index]) or bool(
        match and _given_before_patronymic(tokens, match, lexicon))


def _body_before_name(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, office: int, index: int
) -> int | None:
    """An office the lexicon cannot complete (رئيس ديوان المظالم) still is one when a few
    words later a person's name starts; the role runs to the name (or its honorific)."""
    end, limit = index, index + _MAX_BODY_TOKENS
    while end < min(limit, len(tokens)):
        token = tokens[end]
        if token.sentence != tokens[office].sentence or not token.key.isalpha():
            return None
        match = matches.get(end)
        if match is not None and match.has("cue.named_for"):  # مدير مركز الملك سلمان للإغاثة
            namesake_end = _namesake_end(tokens, matches, lexicon, match.end)
            limit += namesake_end - end
            end = namesake_end
            continue
        if match and (match.has("honorific") or _royal_rank(match, lexicon)) or "given" in lexicon.token_classes(token):
            return end if end > index else None  # "أمير منطقة عسير الأمير فيصل": the rank is the name's
        inside = match is not None and match.has("cue.venue_lead")  # مدير فرع الوزارة في المنطقة
        if "function" in lexicon.token_classes(token) and not inside:
            return None
        end += 1
    return None


def _royal_rank(match: Match, lexicon: Lexicon) -> bool:
    return any(lexicon.term("office", key).rank for key in match.keys("office"))


def _namesake_end(tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, index: int) -> int:
    """The end of the person an institution is named after: a royal or honorific title, then a name."""
    index = _skip(matches, index, "honorific", "modifier", "office")
    while index < len(tokens) and _name_like(tokens[index], matches.get(index), lexicon):
        index += 1
    return index


def _entity_in_role(head: Match, named: Entity, matches: dict[int, Match]) -> bool:
    """"وزير خارجية سنغافورة" and "الأمين العام لجامعة الدول العربية" are whole roles;
    "وزير الخارجية بجمهورية مصر العربية" is the role "وزير الخارجية" of Egypt."""
    if head.has("collective"):
        return False
    return named.kind == "organization" or matches[named.start].skip == 0


def _office_country(match: Match, lexicon: Lexicon) -> Entity | None:
    for key in match.keys("office"):
        country = lexicon.term("office", key).country
        if country:
            return Entity("country", country, match.start, match.end, "office")
    return None


def _skip(matches: dict[int, Match], index: int, *kinds: str) -> int:
    while (match := matches.get(index)) and match.has_any(kinds):
        index = match.end
    return index


def _is_counterpart(match: Match) -> bool:
    return "counterpart" in match.keys("cue.meeting")


def _office_complete(match: Match, matches: dict[int, Match], lexicon: Lexicon) -> bool:
    """An office that needs a complement (رئيس) is complete only in its definite form."""
    keys = match.keys("office")
    return not keys or any(lexicon.term("office", key).alone for key in keys)


def _followed_by_nisba(matches: dict[int, Match], index: int) -> bool:
    return entity_of(matches.get(index), nisba=True) is not None


def _same_sentence(tokens: Sequence[Token], a: int, b: int) -> bool:
    return b < len(tokens) and tokens[a].sentence == tokens[b].sentence


# --------------------------------------------------------------------------- people


def _people(
    tokens: Sequence[Token], matches: dict[int, Match], titles: Sequence[Title], lexicon: Lexicon,
    by_kind: dict[str, list[Match]],
) -> list[Person]:
    people: list[Person] = []
    title_at = {title.start: title for title in titles}
    covered: set[int] = set()
    recurring = _recurring_keys(tokens)
    named_for = {m.end for m in by_kind.get("cue.named_for", ())}  # مركز الملك سلمان للإغاثة
    for title in titles:
        if title.start in named_for:
            covered.update(range(title.start, _name_end(tokens, matches, lexicon, title.end, trusted=True,
                                                        recurring=recurring)))
            continue
        title, after, name_end = _name_after_title(tokens, matches, lexicon, title, recurring)
        if name_end > after:
            people.append(Person(title.start, name_end, after, name_end, title))
        else:
            people.append(Person(title.start, title.end, None, None, title))
        covered.update(range(title.start, max(name_end, title.end)))
    inside = {i for m in matches.values() if m.end - m.start > 1 for i in range(m.start + 1, m.end)}  # "يانغ" of "بيونغ يانغ"
    honorific_ends = {m.end for m in by_kind.get("honorific", ()) if _honors_what_follows(tokens, matches, lexicon, m)}
    first_names = {m.start for m in by_kind.get("office", ()) if _given_before_patronymic(tokens, m, lexicon)}
    index = 0
    for start in sorted(honorific_ends.union(tokens_with_key_in(tokens, lexicon.given_keys), first_names)):
        after_honorific = start in honorific_ends
        if start < index or start >= len(tokens) or start in covered or start in title_at or start in inside or not (
                after_honorific or start in first_names or _is_given(tokens[start], lexicon)):
            continue
        name_end = _name_end(tokens, matches, lexicon, start, trusted=after_honorific, recurring=recurring)
        if name_end - start >= (1 if after_honorific else 2):
            people.append(Person(start, name_end, start, name_end, None))
            covered.update(range(start, name_end))
            index = name_end
    for match in with_kinds(by_kind, _PERSON_SENSES):  # notable people, and names the corpus gave a title, without one here
        if covered.isdisjoint(range(match.start, match.end)):
            people.append(Person(match.start, match.end, match.start, match.end, None, match.skip))
    people = _names_before_commas(tokens, matches, lexicon, people)
    return _titles_after_names(tokens, matches, sorted(people, key=lambda person: person.start))


def _name_after_title(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, title: Title, recurring: _KeyCounts
) -> tuple[Title, int, int]:
    """Where the name after ``title`` starts and ends (equal when there is none), past
    honorifics, a state's epithet, commas or quotation marks; the title may grow by an
    adjective it was missing."""
    after = _skip(matches, title.end, "honorific")
    if _state_epithet(tokens, title, after):
        after += 1  # "رئيس وزراء جمهورية باكستان الإسلامية محمد نواز شريف"
    if after < len(tokens) and tokens[after].key == "#":
        after += 1  # a hashtag name: "#فلاديمير_بوتين"
    trusted = _trusted(title, after)
    past_commas = after
    while past_commas < len(tokens) and tokens[past_commas].key in _COMMAS:
        past_commas += 1  # "الوزير الأول الجزائري،، عبد المالك سلال"
    if after < past_commas < len(tokens) and not _starts_new_item(tokens[past_commas], lexicon, recurring.seen) and (
            title.affiliation or not title.collective and _is_given(tokens[past_commas], lexicon)):
        after, trusted = past_commas, False  # "وزير الخارجية السوري، وليد المعلم"، "رئيس الحكومة، يوسف الشاهد"
    name_end = _name_end(tokens, matches, lexicon, after, trusted=trusted, recurring=recurring,
                         after_group=title.collective)
    if name_end == after and _quoted_name_end(tokens, matches, lexicon, after, recurring):
        after += 1  # a quoted name: رئيس الوزراء الروسي "دميتري ميدفيديف"
        name_end = _quoted_name_end(tokens, matches, lexicon, after - 1, recurring)
    name_end = _nisba_surname(matches, title, after, name_end)
    if (name_end == after + 1 and after == title.end and _nisba_shaped(tokens[after - 1])
            and _role_adjective(tokens[after], matches.get(after), recurring)
            and (honorific := matches.get(name_end)) and honorific.has("honorific")):
        # "رئيس الديوان الملكي الهاشمي الدكتور فايز الطراونة": one more adjective of the role
        title = replace(title, role_end=name_end, end=name_end)
        after = _skip(matches, name_end, "honorific")
        name_end = _name_end(tokens, matches, lexicon, after, trusted=True, recurring=recurring)
    return title, after, name_end


_APPOSITIVE_MAX_TOKENS = 3


def _names_before_commas(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, people: list[Person]
) -> list[Person]:
    """"مع أليس نيلز، نائبة مساعد وزير الخارجية": an unnamed title after a comma names the
    few name-like words before the comma, back to a function word or punctuation."""
    taken = {i for p in people for i in range(p.start, p.end)}
    found = []
    for person in people:
        title = person.title
        comma = person.start - 1
        if person.has_name or title is None or title.collective or comma < 1 or tokens[comma].key not in _COMMAS:
            continue
        start = comma
        while (start > 0 and comma - start < _APPOSITIVE_MAX_TOKENS and start - 1 not in taken
               and tokens[start - 1].sentence == tokens[comma].sentence
               and _name_like(tokens[start - 1], matches.get(start - 1), lexicon)
               and not lexicon.ends_name(tokens[start - 1].key)):
            start -= 1
        before = tokens[start - 1] if start > 0 else None
        boundary = before is None or not before.key[0].isalnum() or "function" in lexicon.token_classes(before)
        if start < comma and boundary and not tokens[start].text.startswith("ال"):  # the text: أليس is no ال
            found.append(Person(start, comma, start, comma, None))
    return people + found


def _conjoined(tokens: Sequence[Token], matches: dict[int, Match], index: int) -> bool:
    """The word at ``index`` carries the conjunction و ("ورئيس الوزراء": a new item)."""
    match = matches.get(index)
    return bool(match and match.skip and tokens[index].key.startswith("و"))


def _titles_after_names(tokens: Sequence[Token], matches: dict[int, Match], people: list[Person]) -> list[Person]:
    """"عبدالله بن زايد آل نهيان وزير الخارجية" (or "أليس نيلز، نائبة مساعد وزير"): a title
    right after a name is that person's, when the title has no name of its own; it replaces
    a bare royal title ("الأمير محمد بن سلمان ولي العهد")."""
    merged: list[Person] = []
    for person in people:
        previous = merged[-1] if merged else None
        if (previous and previous.has_name and person.title is not None and not person.has_name
                and not person.title.collective and not _conjoined(tokens, matches, person.start)
                and (person.start == previous.end or (
                    person.start == previous.end + 1 and tokens[previous.end].key in _COMMAS))
                and (previous.title is None or previous.title.affiliation is None)):
            merged[-1] = Person(previous.start, person.end, previous.name_start, previous.name_end, person.title,
                                previous.name_skip)
        else:
            merged.append(person)
    return merged


_COMMAS = frozenset({"،", ","})


def _state_epithet(tokens: Sequence[Token], title: Title, index: int) -> bool:
    """A feminine adjective right after a state's name ends its long form (جمهورية باكستان
    الإسلامية، المملكة الأردنية الهاشمية) and comes before the person's name."""
    affiliation = title.affiliation
    return (affiliation is not None and affiliation.kind == "country" and affiliation.end == title.end
            and index == title.end and index + 1 < len(tokens) and tokens[index].text.startswith("ال")
            and tokens[index].text.endswith("ية"))


def _nisba_shaped(token: Token) -> bool:
    return token.text.startswith("ال") and token.text.endswith("ي")


def _role_adjective(token: Token, match: Match | None, recurring: _KeyCounts) -> bool:
    """A definite nisba the lexicon does not know, named nowhere else alone: after another
    adjective ("الديوان الملكي الهاشمي") more likely part of the role than a one-word name."""
    return _nisba_shaped(token) and not (match and names_person(match)) and token.key not in recurring.recurring


def _quoted_name_end(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, quote: int, recurring: _KeyCounts
) -> int | None:
    """The end of a name set in quotation marks at ``quote``, when the marks hold just a name."""
    if quote + 1 >= len(tokens) or tokens[quote].key not in _QUOTES:
        return None
    end = _name_end(tokens, matches, lexicon, quote + 1, trusted=True, recurring=recurring)
    if end > quote + 1 and end < len(tokens) and tokens[end].key in _QUOTES:
        return end
    return None


def _nisba_surname(matches: dict[int, Match], title: Title, start: int, end: int) -> int:
    """"رئيس الوزراء العراقي محمد شياع السوداني": after a name, a nationality adjective
    other than the title's own is a family name."""
    adjective = entity_of(matches.get(end), nisba=True)
    if (end - start >= 2 and adjective and matches[end].skip == 0 and title.affiliation
            and adjective.key != title.affiliation.key):
        return adjective.end if adjective.end == end + 1 else end
    return end


class _Recurring:
    """The keys seen more than once in a document, themselves or as a form without clitics of
    another token's key (names recur; most stray words after a title do not). Asked of the few
    words a name search meets, so each is counted on demand from the document's key counts:
    a key's count is that of the keys whose forms include it (:func:`keys_with_clitics`)."""

    __slots__ = ("_counts",)

    def __init__(self, counts: Counter[str]) -> None:
        self._counts = counts

    def __contains__(self, key: object) -> bool:
        return sum(map(self._counts.get, keys_with_clitics(str(key)), repeat(0))) > 1


@dataclass(frozen=True, slots=True)
class _KeyCounts:
    """``recurring``: keys (and their forms without clitics) seen more than once; ``seen``:
    every token's own key (with its count)."""

    recurring: Container[str]
    seen: Container[str]


def _recurring_keys(tokens: Sequence[Token]) -> _KeyCounts:
    counts = Counter(document_keys(tokens))
    return _KeyCounts(_Recurring(counts), counts)


def _trusted(title: Title, name_start: int) -> bool:
    """After a nationality adjective or honorific, the next word is very likely a name."""
    return title.affiliation is not None and title.affiliation.end == title.end or name_start > title.end


def _honors_what_follows(tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, honorific: Match) -> bool:
    """An honorific that is also an ordinary word (``alone: false``: دولة "state", سيادة
    "sovereignty") is one before a name only when the name is known to be one: a given name
    or a known person ("دولة سعد الحريري"), not any word ("دولة عربية"، "سيادة وعروبة")."""
    if all(lexicon.term("honorific", key).alone for key in honorific.keys("honorific")):
        return True
    following = matches.get(honorific.end)
    return honorific.end < len(tokens) and (
        _is_given(tokens[honorific.end], lexicon) or following is not None and names_person(following))


def _is_given(token: Token, lexicon: Lexicon) -> bool:
    classes = lexicon.words.get(token.key)  # most words are no given name: no spelling check
    return classes is not None and "given" in classes and "given" in lexicon.token_classes(token)


def _name_end(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, start: int, *,
    trusted: bool, recurring: _KeyCounts, after_group: bool = False,
) -> int:
    """The end of the name that starts at ``start`` (``start`` itself when there is none).
    After a group's title (``after_group``) a common word may start it: the words after
    "وفد" or "المسؤولين" may describe the group, and the group is kept as a party by them."""
    index = known_end = start
    while index < len(tokens) and index - start < _MAX_NAME_TOKENS:
        token = tokens[index]
        if token.key in ("_", "#") and index > start and index + 1 < len(tokens):
            index += 1  # hashtag names: "#فلاديمير_بوتين", "رجب طيب #أردوغان"
            continue
        if token.key in _HYPHENS and index > start and _hyphen_joins(tokens, index):
            index += 1  # a compound name part: "كيم جونغ-أون"، "جان-إيف لودريان"
            continue
        match = matches.get(index)
        first_name = (match is not None and _given_before_patronymic(tokens, match, lexicon)  # سلطان بن
                      or index == start and trusted and _time_word_naming(tokens, matches, lexicon, index))
        if not (first_name or _name_like(token, match, lexicon)) or token.sentence != tokens[start].sentence:
            break
        if index > start and (_starts_new_item(token, lexicon, recurring.seen)
                              or _next_known_person(matches, start, index)
                              and "patronymic" not in lexicon.words.get(token.key, ())):  # X بن سلمان بن عبدالعزيز
            break
        if index == start and not first_name and (not _can_start_name(token, lexicon, trusted, recurring.recurring)
                                                  or _common_start(token, match, lexicon, after_group)):
            break
        if match is not None and names_person(match):
            known_end = max(known_end, match.end)  # "كيم جونغ أون": a known name is never cut
        if index > start and index >= known_end and _ends_name(tokens, lexicon, index):
            break
        index += 1
    while index > start and ("particle" in lexicon.words.get(tokens[index - 1].key, frozenset())
                             or tokens[index - 1].key in ("_", "#", *_HYPHENS)):
        index -= 1  # a name never ends on بن or أبو
    return index


def _time_word_naming(tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon, index: int) -> bool:
    """Right after an honorific or a nationality adjective, a time word that is also a given
    name (صباح) starts a name when a name word, not another time word, follows it: "الشيخ
    صباح الأحمد"، "وزير الخارجية الكويتي صباح الخالد", but not "الوزير الكويتي صباح اليوم"."""
    match = matches.get(index)
    if (lexicon.token_classes(tokens[index]) != {"time"} or index + 1 >= len(tokens)
            or match is not None and any(sense.kind != "cue.agenda_lead" for sense in match.senses)):
        return False  # (a time word is an agenda filler: "بحث صباح اليوم ...")
    following = tokens[index + 1]
    return (following.sentence == tokens[index].sentence and index + 1 not in matches
            and "time" not in lexicon.token_classes(following) and _name_like(following, None, lexicon))


_HYPHENS = ("-", "\u2010")


def _hyphen_joins(tokens: Sequence[Token], index: int) -> bool:
    """A hyphen written with no space on either side, inside one sentence."""
    return (index + 1 < len(tokens) and tokens[index - 1].end == tokens[index].start
            and tokens[index].end == tokens[index + 1].start and tokens[index + 1].sentence == tokens[index].sentence)


def _common_start(token: Token, match: Match | None, lexicon: Lexicon, after_group: bool = False) -> bool:
    """A common word that is a verb or adverb of the word-class table, or that carries و, ب
    or ل before a common word, starts no name, even after a title ("رئيس أمريكي مازال"،
    "وأرفع مسؤول"، "الجانب التركي بالتوقف"). A common noun or adjective may still be a
    given name there (العميد مزيد), and a known name always starts one. After a group's
    title, only the clitic-borne word is ruled out: "البلدين والشعبين" adds no description."""
    key = token.key
    if match is not None and names_person(match):
        return False
    if key[:1] in COMMON_CLITICS and "given" not in lexicon.words.get(key, ()) and (
            lexicon.is_common(key[1:]) or lexicon.ends_name(key[1:])):
        return True
    return (not after_group and lexicon.is_common(key) and lexicon.ends_name(key)
            and lexicon.lexical_classes[key] in _STARTS_NO_NAME)


_STARTS_NO_NAME = frozenset({"verb", "adverb"})


def _ends_name(tokens: Sequence[Token], lexicon: Lexicon, index: int) -> bool:
    """A verb, adjective, adverb or particle of the word-class table ends a name ("لافروف أبلغ
    بومبيو"، "X غاضب جدا"، "X ويسددها"), and so does a word the corpus almost never shows in
    a name ("ترامب المثيرة"، "أوشاكوف لوكالات"، "رمضان الموافق"), but not right after a name
    particle (سعيد أبو ملحة)."""
    key = tokens[index].key
    if "particle" in lexicon.words.get(tokens[index - 1].key, ()):
        return False
    return (lexicon.ends_name(key) or key.startswith("و") and key not in lexicon.words and lexicon.ends_name(key[1:])
            or lexicon.is_common(key))


def _next_known_person(matches: dict[int, Match], start: int, index: int) -> bool:
    """A known person's name ends at ``index`` and another's starts there: "ترامب بومبيو"."""
    here = matches.get(index)
    return bool(here and names_person(here)) and any(
        (m := matches.get(i)) is not None and names_person(m) and m.end == index for i in range(start, index))


_PERSON_SENSES = frozenset({"person", "known"})


def names_person(match: Match) -> bool:
    """A notable office holder ("person") or a name the corpus saw after a title ("known")."""
    return match.has_any(_PERSON_SENSES)


def _name_like(token: Token, match: Match | None, lexicon: Lexicon) -> bool:
    key = token.key
    if not key.isalpha() or len(key) < 2 or key.startswith("لل") or not _arabic_letters(key):
        return False
    classes = lexicon.token_classes(token)
    if match is not None and names_person(match):
        return True  # a known name, though its first word is also a time word (صباح الأحمد)
    if match is not None and any(sense.kind in _NOT_NAME_KINDS for sense in match.senses):
        return "given" in classes and match.skip == 0
    if classes & _NAME_STOP_CLASSES and "given" not in classes:
        return False
    if "given" not in classes and _common_with_pronoun(token.key, lexicon):
        return False
    return not (lexicon.word_classes(token.key) & _NAME_STOP_CLASSES) or "given" in classes


def _arabic_letters(key: str) -> bool:
    """Names are written in Arabic letters: Latin words beside them are a gloss ("مارك
    زوكربيرغ Mark Zuckerberg"), a source ("لـCNN") or a site's navigation ("Next Previous")."""
    return "\u0621" <= key[0] <= "\u064a" and "\u0621" <= key[-1] <= "\u064a"


_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _common_with_pronoun(key: str, lexicon: Lexicon) -> bool:
    """"قوله", "زيارتها": a common word with a possessive pronoun is not a name."""
    for suffix in _PRONOUN_SUFFIXES:
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= 2:
            for candidate in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem):
                if lexicon.word_classes(candidate) & _NAME_STOP_CLASSES:  # also "بقوله"
                    return True
    return False


def _starts_new_item(token: Token, lexicon: Lexicon, seen: Container[str]) -> bool:
    """A word with the conjunction و starts the next item of a list ("بوغدانوف وهاكان",
    "كيم وترامب", "والمحلل") when the rest is definite, a known word or name, or stands alone
    elsewhere in the article; otherwise it is part of the name (ويتكوف، وليد)."""
    if not token.key.startswith("و") or lexicon.words.get(token.key, frozenset()) & {"given", "particle"}:
        return False
    rest = token.key[1:]
    return rest.startswith("ال") or bool(lexicon.words.get(rest)) or rest in lexicon.phrases or rest in seen


def _can_start_name(token: Token, lexicon: Lexicon, trusted: bool, recurring: Container[str]) -> bool:
    classes = lexicon.token_classes(token)
    if "given" in classes or "particle" in classes:
        return True
    if token.text.startswith("ال") or token.key[0] in "لب" and token.key[1:] in lexicon.words:
        return False
    return trusted or token.key in recurring or "recurring" in classes  # (a word of names the corpus learned)
