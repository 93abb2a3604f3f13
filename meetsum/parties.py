"""Parties: the people, delegations, states and bodies an article names, each gathered with
all its mentions (full name, surname, title alone), before meetings are told apart."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from meetsum.lexicon import Lexicon, token_variants, tokens_with_forms_in
from meetsum.recognize import Entity, Person, Recognized, Title
from meetsum.spans import COMMA_KEYS, MEETING_CUES, function_word, meeting_sentences, span_text
from meetsum.text import Document, Token

__all__ = ["BETWEEN_REACH", "DESCRIBED", "Party", "find_parties", "name_text"]


@dataclass(eq=False)  # parties are compared by identity
class Party:
    """A participant candidate: one person or unnamed party, with all its mentions."""

    name: tuple[int, int, int] | None  # first token, end token, clitic characters cut
    title: Title | None
    affiliation: Entity | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    order: int = 0  # position in the party list, for a stable choice among candidates

    def sentences(self, tokens: Sequence[Token]) -> set[int]:
        return {tokens[start].sentence for start, _ in self.mentions}


def find_parties(rec: Recognized, lexicon: Lexicon) -> list[Party]:
    """Merge people found in several places into parties, then add their short mentions."""
    parties: list[Party] = []
    index = _PartyIndex()
    for person in rec.people:
        party = _find_party(rec, person, index)
        if party is None:
            if not _can_be_party(person):
                continue
            party = Party(_name_span(person), person.title, _affiliation(person), order=len(parties))
            parties.append(party)
        _absorb(party, person, rec.doc)
        party.mentions.append((person.start, person.end))
        index.add(rec, party)
    parties += _named_bodies(rec, parties)
    parties += _described_groups(rec)
    parties += _delegations_from_unknown_bodies(rec)
    parties += _met_described(rec, parties)
    parties = _fold_unnamed(rec, parties)
    _add_short_mentions(rec, lexicon, parties)
    return parties


DESCRIBED = ("group", "described", "described_b")  # Entity.via of bodies named by the article's own words


BETWEEN_REACH = 3  # "بين" within three words of "محادثات" or "قمة"


def _named_bodies(rec: Recognized, parties: list[Party]) -> list[Party]:
    """States and organizations that meet as such take part as unnamed parties: right after
    a meeting word ("اجتماع مجلس الأمن", "يعقد حلف شمال الأطلسي"), listed after it with
    "بين", "بمشاركة" or "مع" ("محادثات بين اليونان وصندوق النقد الدولي"), or as a pair right
    before it ("الناتو وروسيا يجريان محادثات")."""
    taken = {i for p in parties for s, e in p.mentions for i in range(s, e)}
    entity_at = {e.start: e for e in rec.entities if e.via == "name" and e.kind in ("country", "organization")}
    entity_ending = {e.end: e for e in entity_at.values()}
    chosen: dict[int, Entity] = {}
    for sentence in meeting_sentences(rec):
        meeting_end = -BETWEEN_REACH - 1
        for match in rec.sentence_matches(sentence):
            if match.has_any(MEETING_CUES):
                meeting_end = match.end
                if not set(match.keys("cue.meeting")) & _NAMING_CUES:  # "زيارة كندا", "قمة مجموعة السبع"
                    chosen.update((e.start, e) for e in _entity_list(rec, entity_at, match.end, sentence)[:1])
                chosen.update((e.start, e) for e in _pair_before(rec, entity_ending, match.start))
            elif (match.has("cue.between") or match.has("cue.with")) and match.start - meeting_end <= BETWEEN_REACH:
                chosen.update((e.start, e) for e in _entity_list(rec, entity_at, match.end, sentence))
            elif match.has("cue.take_part"):  # "ويشارك قادة بريطانيا وفرنسا في الاجتماعات"
                chosen.update((e.start, e) for e in _entity_list(rec, entity_at, _past_collective(rec, match.end), sentence))
    return [Party(None, None, e, [(e.start, e.end)]) for start, e in sorted(chosen.items()) if start not in taken]


_GROUP_MAX_WORDS = 7
_GROUP_ENDS = ("cue.group", "cue.statement", "cue.discussion", "cue.topic", "cue.purpose", "cue.agenda_end",
               "cue.with", "cue.place", "country", "organization", "office", "modifier", "honorific",
               "weekday", "relative_day", *MEETING_CUES)


def _described_groups(rec: Recognized) -> list[Party]:
    """Groups a meeting word lists by description ("لقاء يضم الأحزاب المشاركة في الحكومة
    والمنظمات الوطنية"): each is an unnamed party whose affiliation is the description."""
    found = []
    for sentence in meeting_sentences(rec):
        listing = False
        for match in rec.sentence_matches(sentence):
            if match.has("cue.between") or match.has("cue.with"):
                listing = True
            elif listing and match.has("cue.group"):
                end = _description_end(rec, match.end, _GROUP_MAX_WORDS, _GROUP_ENDS, prepositions_inside=True)
                if end == match.end:
                    continue  # "بمشاركة ممثلي روسيا": the states that follow are the parties
                found.append(Party(None, None, Entity("body", "", match.start, end, "group"), [(match.start, end)]))
            elif match.has_any(_GROUP_ENDS):
                listing = False
    return found


_DELEGATION_SOURCE_MAX_WORDS = 5
_SOURCE_ENDS = tuple(kind for kind in _GROUP_ENDS if kind not in ("country", "organization"))  # قوات سوريا الديموقراطية


def _delegations_from_unknown_bodies(rec: Recognized) -> list[Party]:
    """"وفدا من قوات سوريا الديموقراطية"، "وفد جامعة جازان": a delegation from a body the
    lexicon does not know is a party whose affiliation is the words after "من" (or the
    institution itself), up to a comma or a few words."""
    tokens, found = rec.doc.tokens, []
    meeting = set(meeting_sentences(rec))
    for person in rec.people:
        title = person.title
        source = rec.matches.get(title.end) if title else None
        if (title is None or not title.collective or title.affiliation is not None or person.has_name
                or source is None or tokens[title.end].sentence not in meeting):
            continue
        if source.has("cue.from"):
            start = source.end
        elif source.has("cue.named_after") or source.has("cue.named_for"):
            start = source.start  # "وفد جامعة جازان"
        else:
            continue
        end = _description_end(rec, start, _DELEGATION_SOURCE_MAX_WORDS, _SOURCE_ENDS, prepositions_inside=False)
        if end - start >= 2:  # one word is too little to name a body
            found.append(Party(None, None, Entity("body", "", start, end, "group"), [(title.start, end)]))
    return found


_OBJECT_REACH = 8  # words between a meeting word and the ب or مع of whom it takes
_OBJECT_GAP = ("cue.agenda_lead", "cue.meeting", "weekday", "relative_day", "honorific")
_OBJECT_ENDS = (*(kind for kind in _GROUP_ENDS if kind != "cue.group"), "cue.past")  # كان ends it
_PREPOSITION_B_MIN = 5  # "بأقارب", not "بهم" or "بها"


def _met_described(rec: Recognized, parties: list[Party]) -> list[Party]:
    """"التقى خلال الزيارة بأقارب ضحايا الصراع"، "لقاء مع رؤساء شركات النسيج": whom a meeting
    word takes with ب or مع, when the lexicon knows nobody there, is an unnamed party described
    by the words that follow (after "عدد من")."""
    taken = {i for p in parties for s, e in p.mentions for i in range(s, e)}
    taken.update(i for e in rec.entities for i in range(e.start, e.end))
    found = []
    for sentence in meeting_sentences(rec):
        for match in rec.sentence_matches(sentence):
            if not match.has_any(MEETING_CUES):
                continue
            start, via = _object_start(rec, match, taken)
            if start is None:
                continue
            quantity = rec.matches.get(start)
            if quantity is not None and quantity.has("cue.quantity"):
                start, via = quantity.end, "described"
            if start in taken or start >= len(rec.doc.tokens) or not _group_word(rec, start, via):
                continue
            end = _description_end(rec, start, _GROUP_MAX_WORDS, _OBJECT_ENDS, prepositions_inside=True)
            if end > start and not any(i in taken for i in range(start, end)):
                found.append(Party(None, None, Entity("body", "", start, end, via), [(start, end)]))
                taken.update(range(start, end))
    return found


def _object_start(rec: Recognized, cue, taken: set[int]) -> tuple[int | None, str]:
    """The first word of whom ``cue`` takes: after "مع", or a word with the preposition ب,
    past the subject, time words and fillers."""
    tokens = rec.doc.tokens
    if tokens[cue.end - 1].key == "مع":  # "التقى مع"، "بحث مع"
        return cue.end, "described"
    index = cue.end
    while index < len(tokens) and index - cue.end <= _OBJECT_REACH and tokens[index].sentence == tokens[cue.start].sentence:
        match = rec.matches.get(index)
        if index in taken or "time" in rec.lexicon.token_classes(tokens[index]):
            index += 1
        elif match is not None and match.has("cue.with"):
            return match.end, "described"
        elif match is not None and match.has("cue.quantity") and match.skip and tokens[index].key.startswith("ب"):
            return index, "described"
        elif match is not None and match.has_any(_OBJECT_GAP):
            index = match.end
        elif match is None and _with_b(rec, tokens[index]) and not _holds_only(cue):
            return index, "described_b"
        else:
            break
    return None, ""


_PLURAL_ENDINGS = ("ين", "ون")  # sound masculine plurals: المسؤولين، ممثلون
_PLURAL_MIN = 6  # letters: not the dual of a short noun (يومين)
_BROKEN_PLURAL_LENGTH = 5  # أفاعل، فعلاء: أقارب، أهالي، أعضاء، رؤساء (not the verbal noun إعلان)


def _group_word(rec: Recognized, index: int, via: str) -> bool:
    """Whether the word at ``index`` can start a group of people: a group word (ممثلي) or a
    noun shaped as a plural of people (المسؤولين، أقارب، رؤساء)."""
    match = rec.matches.get(index)
    if match is not None and (match.has("cue.group") or match.has("collective")):
        return True
    key = rec.doc.tokens[index].key[1 if via == "described_b" else 0:]
    key = key[2:] if key.startswith("ال") else key
    if len(key) >= _PLURAL_MIN and key.endswith(_PLURAL_ENDINGS):
        return True
    return len(key) == _BROKEN_PLURAL_LENGTH and (key[0] + key[2] == "اا" or key.endswith("اء"))


def _holds_only(cue) -> bool:
    """"أجرى"، "عقد": what follows is what was held (or who held it), never whom with ب."""
    return set(cue.keys("cue.meeting")) == {"hold_talks"}


def _with_b(rec: Recognized, token: Token) -> bool:
    """A word with the preposition ب that no lexicon entry explains: "بأقارب", "بمعتصمي"."""
    key = token.key
    return (key.startswith("ب") and len(key) >= _PREPOSITION_B_MIN and key.isalpha()
            and not rec.lexicon.words.get(key) and not function_word(rec.lexicon, token))


def _description_end(
    rec: Recognized, start: int, max_words: int, ends: tuple[str, ...], *, prepositions_inside: bool
) -> int:
    """Where the words describing a body end: at punctuation, a purpose (لوضع), one of ``ends``
    or after ``max_words``. A group's description may hold function words ("المشاركة في
    الحكومة"; it ends at a lone و and never on one); a body's own name stops at the first."""
    tokens, lexicon, index = rec.doc.tokens, rec.lexicon, start
    while (index < len(tokens) and index - start < max_words and tokens[index].sentence == tokens[start].sentence
           and tokens[index].key.isalpha() and not _purpose_word(tokens[index])
           and not (index > start and _present_verb(lexicon, tokens[index]))
           and (tokens[index].key != "و" if prepositions_inside else not function_word(lexicon, tokens[index]))
           and not (index in rec.matches and any(rec.matches[index].has(kind) for kind in ends))):
        index += 1
    while prepositions_inside and index > start and function_word(lexicon, tokens[index - 1]):
        index -= 1
    return index


_PRESENT_PREFIXES = ("ي", "سي", "ست")  # يترأسه، سيتوجه، ستعقد (not ت: تحالف, تنسيقية are nouns too)


def _present_verb(lexicon: Lexicon, token: Token) -> bool:
    """A verb of the word-class table in the present or future ends a description ("وفدا
    رسميا من دبي سيتوجه"، "وفد من وزارة التربية يترأسه"); the table also reads some nouns
    and nisbas as verbs (نادي، عسكري), hence the prefix."""
    key = token.key
    return key.startswith(_PRESENT_PREFIXES) and not key.endswith("ي") and lexicon.lexical_classes.get(key) == "verb"


def _purpose_word(token: Token) -> bool:
    """ل on an indefinite word ("لوضع الخطط"، "لبحث") starts a purpose; لل ("للحوار") does not."""
    return token.key.startswith("ل") and not token.key.startswith("لل")


_NAMING_CUES = frozenset({"visit", "summit"})  # what follows names a place or the summit itself


def _past_collective(rec: Recognized, index: int) -> int:
    """After "قادة" or "ممثلو" when a group word comes first."""
    match = rec.matches.get(index)
    return match.end if match is not None and (match.has("collective") or match.has("cue.group")) else index


def _entity_list(rec: Recognized, entity_at: dict[int, Entity], index: int, sentence: int) -> list[Entity]:
    """The states and organizations listed from ``index`` on (joined by و or commas)."""
    tokens, found = rec.doc.tokens, []
    while index < len(tokens) and tokens[index].sentence == sentence:
        entity = entity_at.get(index)
        if entity is not None:
            found.append(entity)
            index = entity.end
        elif tokens[index].key in COMMA_KEYS or tokens[index].key == "#":
            index += 1
        else:
            break
    return found


def _pair_before(rec: Recognized, entity_ending: dict[int, Entity], index: int) -> list[Entity]:
    """"X وY" right before a meeting word: both meet."""
    second = entity_ending.get(index)
    if second is None or not rec.doc.tokens[second.start].key.startswith("و"):
        return []
    first = entity_ending.get(second.start)
    return [first, second] if first is not None else []


def _name_span(person: Person) -> tuple[int, int, int] | None:
    return (person.name_start, person.name_end, person.name_skip) if person.has_name else None


def name_text(doc: Document, span: tuple[int, int, int]) -> str:
    """A name as written, less the marks of a hashtag: "#فلاديمير_بوتين" is فلاديمير بوتين;
    a name read after ل whose article it swallowed gets it back: "للسيسي" is السيسي."""
    text = " ".join(span_text(doc, *span).replace("#", " ").replace("_", " ").split())
    return "ا" + text if _article_swallowed(doc.tokens, span) else text


def _article_swallowed(tokens: Sequence[Token], span: tuple[int, int, int]) -> bool:
    """The clitic ل cut before the name stood for ل + ال (للسيسي = ل + السيسي)."""
    start, _, skip = span
    return bool(skip) and tokens[start].key[skip - 1 :].startswith("لل")


def _affiliation(person: Person) -> Entity | None:
    return person.title.affiliation if person.title else None


def _can_be_party(person: Person) -> bool:
    """Named people, titles that say whom they represent (وفد حماس، دبلوماسية أمريكية) and
    counterparts (نظيره التركي، نظيره), whose office is the other party's."""
    if person.has_name:
        return True
    title = person.title
    return title is not None and (title.affiliation is not None or title.counterpart)


def _fold_unnamed(rec: Recognized, parties: list[Party]) -> list[Party]:
    """An unnamed office holder or group (المسؤول الروسي، الدبلوماسيون الأمريكيون) is the named
    party of the same state or organization when there is one: its mentions join that party's."""
    kept = []
    named_by_affiliation: dict[tuple[str, str], list[Party]] = {}  # built once: no pairwise scan
    for party in parties:
        if party.name and party.affiliation:
            named_by_affiliation.setdefault((party.affiliation.kind, party.affiliation.key), []).append(party)
    for party in parties:
        if party.name is None and party.affiliation is not None and party.affiliation.via not in DESCRIBED:
            named = named_by_affiliation.get((party.affiliation.kind, party.affiliation.key), [])
            if party.title is None:  # a state meeting as such is its leader only when he is named beside it
                together = party.sentences(rec.doc.tokens)
                named = [p for p in named if p.sentences(rec.doc.tokens) & together]
            if named:
                target = next((p for p in named if _same_role(rec, p.title, party.title)), named[0])
                target.mentions.extend(party.mentions)
                continue
        kept.append(party)
    return kept


def _absorb(party: Party, person: Person, doc: Document) -> None:
    """Keep the fullest name (the others become aliases), and a title and affiliation once
    one is known."""
    span = _name_span(person)
    if span and party.name and span != party.name:
        party.aliases.add(name_text(doc, span))
    if span and (party.name is None or span[1] - span[0] > party.name[1] - party.name[0]):
        party.name = span
    if party.title is None and person.title is not None:
        party.title = person.title
    if party.affiliation is None and _affiliation(person) is not None:
        party.affiliation = _affiliation(person)


def _name_keys(tokens: Sequence[Token], span: tuple[int, int, int] | None) -> tuple[str, ...]:
    if not span:
        return ()
    keys = [token.key for token in tokens[span[0] : span[1]]]
    keys[0] = ("ا" if _article_swallowed(tokens, span) else "") + keys[0][span[2]:]
    return tuple(keys)


def _find_party(rec: Recognized, person: Person, index: _PartyIndex) -> Party | None:
    tokens = rec.doc.tokens
    keys = _name_keys(tokens, _name_span(person))
    affiliation = _affiliation(person)
    if keys:
        for party in index.candidates(keys):
            known = _name_keys(tokens, party.name)
            words = rec.lexicon.words
            if known and (_is_part(keys, known, words) or _is_part(known, keys, words)):
                return party
        return None
    if affiliation is None:
        return _party_with_role(rec, index, person.title)
    same = index.with_affiliation(affiliation)
    if len(same) == 1 and (same[0].name is not None or _same_role(rec, same[0].title, person.title)):
        return same[0]
    return next((p for p in same if _same_role(rec, p.title, person.title)), None)


class _PartyIndex:
    """The parties found so far, by the only parts of a name that ``_is_part`` can match
    (ends, first and last word, contiguous runs), by role word and by affiliation, so that
    a new person is compared with a few parties, not with every one that shares a word
    such as محمد: merging stays linear in the number of people. A party renamed stays
    under its old names too; the checks on its current name decide."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, ...], dict[int, Party]] = {}  # every contiguous run of a name
        self.by_end: dict[str, dict[int, Party]] = {}  # first or last word
        self.by_ends: dict[tuple[str, str], dict[int, Party]] = {}  # (first, last) word
        self.by_role_word: dict[str, dict[int, Party]] = {}  # named parties by their role's words
        self.by_affiliation: dict[tuple[str, str], dict[int, Party]] = {}

    def add(self, rec: Recognized, party: Party) -> None:
        """Index ``party`` under its current name, role and affiliation."""
        if party.affiliation:
            key = (party.affiliation.kind, party.affiliation.key)
            self.by_affiliation.setdefault(key, {})[party.order] = party
        keys = _name_keys(rec.doc.tokens, party.name)
        if not keys:
            return
        if party.title:
            for word in _role_key(rec, party.title):
                self.by_role_word.setdefault(word, {})[party.order] = party
        for start in range(len(keys)):
            for stop in range(start + 2, len(keys) + 1):
                self.by_name.setdefault(keys[start:stop], {})[party.order] = party
        self.by_name.setdefault(keys, {})[party.order] = party
        for word in {keys[0], keys[-1]}:
            self.by_end.setdefault(word, {})[party.order] = party
        self.by_ends.setdefault((keys[0], keys[-1]), {})[party.order] = party

    def with_affiliation(self, affiliation: Entity) -> list[Party]:
        """Parties of the state or organization ``affiliation``, in order."""
        found = self.by_affiliation.get((affiliation.kind, affiliation.key), {})
        return [found[order] for order in sorted(found)]

    def with_role_word(self, word: str) -> list[Party]:
        """Named parties whose role has had ``word``, in order."""
        found = self.by_role_word.get(word, {})
        return [found[order] for order in sorted(found)]

    def candidates(self, keys: tuple[str, ...]) -> list[Party]:
        """Parties whose name may be a part of ``keys`` or have ``keys`` as a part, in order."""
        found: dict[int, Party] = {}
        if len(keys) == 1:
            found.update(self.by_end.get(keys[0], {}))  # the first name or the surname
        else:
            found.update(self.by_name.get(keys, {}))  # a contiguous run of a longer name
            found.update(self.by_ends.get((keys[0], keys[-1]), {}))
            for start in range(len(keys)):  # names that are a run of this one
                for stop in range(start + 2, len(keys) + 1):
                    found.update(self.by_name.get(keys[start:stop], {}))
        for word in {keys[0], keys[-1]}:  # one-word names: its first name or surname
            found.update(self.by_name.get((word,), {}))
        return [found[order] for order in sorted(found)]


def _party_with_role(rec: Recognized, index: _PartyIndex, title: Title | None) -> Party | None:
    """"الملك" or "الوزير" alone refers to the one named party whose role has those words."""
    words = set(_role_key(rec, title))
    if not words or title is None or title.collective:
        return None
    holders = [p for p in index.with_role_word(next(iter(words))) if p.name and words <= set(_role_key(rec, p.title))]
    return holders[0] if len(holders) == 1 else None


def _same_role(rec: Recognized, a: Title | None, b: Title | None) -> bool:
    """Same role words, or two groups (وفد حماس, وفد من حركة حماس) of one affiliation."""
    return _role_key(rec, a) == _role_key(rec, b) or bool(a and b and a.collective and b.collective)


def _is_part(short: tuple[str, ...], full: tuple[str, ...], words: Mapping[str, frozenset[str]]) -> bool:
    """``short`` is the surname, the first name or (two words or more) a contiguous part
    of ``full``: "محمد" alone is not "إدريس بن محمد آل دريس"."""
    n = len(short)
    if n == 1:
        return short[0] in (full[0], full[-1])
    if n < len(full) and (short[0], short[-1]) == (full[0], full[-1]):
        return True  # "حمد العطية" for "حمد بن علي العطية"
    # after بن the part names the father: "سلمان بن عبدالعزيز" in "محمد بن سلمان بن عبدالعزيز"
    return any(full[i : i + n] == short and not (i and "patronymic" in words.get(full[i - 1], ()))
               for i in range(len(full) - n + 1))


def _role_key(rec: Recognized, title: Title | None) -> tuple[str, ...]:
    """The keys of a title's office words, without epithets such as المفدى."""
    if title is None:
        return ()
    keys = []
    for index in range(title.role_start, title.role_end):
        match = rec.matches.get(index)
        if match and match.has("post_modifier") and not match.has("office"):
            continue
        keys.append(rec.doc.tokens[index].key)
    return tuple(keys)


def _add_short_mentions(rec: Recognized, lexicon: Lexicon, parties: list[Party]) -> None:
    """Surnames and first names used alone (بوغدانوف، هاكان) are mentions of their party."""
    tokens = rec.doc.tokens
    covered = {i for party in parties for start, end in party.mentions for i in range(start, end)}
    owners: dict[str, list[Party]] = {}
    for party in parties:
        for key in _name_keys(tokens, party.name):
            if len(key) >= 3 and not lexicon.words.get(key, frozenset()) - {"given"}:
                owners.setdefault(key, []).append(party)
    if not owners:
        return
    for index in tokens_with_forms_in(tokens, owners.keys()):
        if index in covered:
            continue
        token = tokens[index]
        for skip, key in token_variants(token.key):
            candidates = owners.get(key, [])
            if len(candidates) == 1:
                candidates[0].mentions.append((index, index + 1))
                candidates[0].aliases.add(rec.doc.text[token.start + skip : token.end] if not skip else key)
                break
