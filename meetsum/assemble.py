"""Assembly: from recognized spans to the summary.

People found in several places are merged into parties; sentences with a meeting cue
decide who took part; the rest of what the article names goes under ``mentioned``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from meetsum.dates import DateClue, find_dates
from meetsum.lexicon import Lexicon, Match, token_variants
from meetsum.model import (
    AgendaItem, Evidence, Meeting, Mention, Participant, Statement, Summary, Venue,
)
from meetsum.recognize import Entity, Person, Recognized, Title
from meetsum.text import Document, Token, match_key, visible

__all__ = ["assemble"]

_MEETING_CUES = ("cue.meeting", "cue.call", "cue.virtual")
_COMMA_KEYS = frozenset({"،", ","})
_AGENDA_MAX_WORDS = 12
_AGENDA_SPLITTERS = frozenset({"،", ",", "؛", ";", ":", "(", ")"})
_SENTENCE_PUNCTUATION = frozenset({".", "؟", "?", "!"})
_QUOTES = "\"'«»“”‘’"


@dataclass(eq=False)  # parties are compared by identity
class _Party:
    """A participant candidate: one person or unnamed party, with all its mentions."""

    name: tuple[int, int, int] | None  # first token, end token, clitic characters cut
    title: Title | None
    affiliation: Entity | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    order: int = 0  # position in the party list, for a stable choice among candidates

    def sentences(self, tokens: Sequence[Token]) -> set[int]:
        return {tokens[start].sentence for start, _ in self.mentions}


def assemble(rec: Recognized, lexicon: Lexicon, published: dt.date | None) -> Summary:
    """Build the summary of one analysed article."""
    doc, tokens = rec.doc, rec.doc.tokens
    parties = _parties(rec, lexicon)
    meeting_sentences = _meeting_sentences(rec)
    found = _meetings(rec, lexicon, parties, meeting_sentences, published)
    meetings = [meeting for meeting, _ in found]
    title = _title_line(doc)
    if not meetings:
        return Summary(False, title, _iso(published), None, None, None, None, (), (), (),
                       tuple(_mentioned(rec, lexicon, parties, set(), ())), ())
    main = meetings[0]
    participants = _without_doubles(_union(meeting.participants for meeting in meetings))
    taking_part = {id(party) for _, group in found for party in group}
    return Summary(
        True, title, _iso(published), main.status, main.kind, main.date, main.venue,
        participants,
        _union(meeting.agenda for meeting in meetings),
        _union(meeting.statements for meeting in meetings),
        tuple(_mentioned(rec, lexicon, parties, taking_part, participants, meetings)),
        tuple(meetings),
    )


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _union(groups) -> tuple:
    seen: dict = {}
    for group in groups:
        for item in group:
            seen.setdefault(_identity(item), item)
    return tuple(seen.values())


def _identity(item) -> tuple:
    if isinstance(item, Participant):
        return (item.name, item.affiliation) if item.name else (None, item.affiliation, item.role)
    if isinstance(item, AgendaItem):
        return (item.text,)
    return (item.speaker, item.text)


_HEADLINE = re.compile(r"\s*([^\n]+?)[ \t\r]*\n[ \t\r]*\n")


def _title_line(doc: Document) -> str | None:
    """The headline: a first line followed by a blank line."""
    match = _HEADLINE.match(doc.text)
    return match.group(1).strip() or None if match else None


def _span_text(doc: Document, start: int, end: int, skip: int = 0) -> str:
    """Tokens ``start:end`` as written (less ``skip`` clitic characters and invisible marks)."""
    tokens = doc.tokens
    first = tokens[start].offset_of_key_index(skip) if skip else tokens[start].start
    return visible(doc.text[first : tokens[end - 1].end])


def _evidence(doc: Document, start: int, end: int) -> Evidence:
    return Evidence(doc.tokens[start].start, doc.tokens[end - 1].end, doc.tokens[start].sentence)


# --------------------------------------------------------------------------- parties


def _parties(rec: Recognized, lexicon: Lexicon) -> list[_Party]:
    """Merge people found in several places into parties, then add their short mentions."""
    parties: list[_Party] = []
    by_word: dict[str, list[_Party]] = {}  # name word -> parties whose name has it
    for person in rec.people:
        party = _find_party(rec, parties, person, by_word)
        if party is None:
            if not _can_be_party(person):
                continue
            party = _Party(_name_span(person), person.title, _affiliation(person), order=len(parties))
            parties.append(party)
        _absorb(party, person, rec.doc)
        party.mentions.append((person.start, person.end))
        for word in _name_keys(rec.doc.tokens, party.name):
            if party not in by_word.setdefault(word, []):
                by_word[word].append(party)
    parties += _named_bodies(rec, parties)
    parties = _fold_unnamed(rec, parties)
    _add_short_mentions(rec, lexicon, parties)
    return parties


_BETWEEN_REACH = 3  # "بين" within three words of "محادثات" or "قمة"


def _named_bodies(rec: Recognized, parties: list[_Party]) -> list[_Party]:
    """States and organizations that meet as such take part as unnamed parties: right after
    a meeting word ("اجتماع مجلس الأمن", "يعقد حلف شمال الأطلسي"), listed after it with
    "بين", "بمشاركة" or "مع" ("محادثات بين اليونان وصندوق النقد الدولي"), or as a pair right
    before it ("الناتو وروسيا يجريان محادثات")."""
    taken = {i for p in parties for s, e in p.mentions for i in range(s, e)}
    entity_at = {e.start: e for e in rec.entities if e.via == "name" and e.kind in ("country", "organization")}
    entity_ending = {e.end: e for e in entity_at.values()}
    chosen: dict[int, Entity] = {}
    for sentence in _meeting_sentences(rec):
        meeting_end = -_BETWEEN_REACH - 1
        for match in rec.sentence_matches(sentence):
            if any(match.has(kind) for kind in _MEETING_CUES):
                meeting_end = match.end
                if not set(match.keys("cue.meeting")) & _NAMING_CUES:  # "زيارة كندا", "قمة مجموعة السبع"
                    chosen.update((e.start, e) for e in _entity_list(rec, entity_at, match.end, sentence)[:1])
                chosen.update((e.start, e) for e in _pair_before(rec, entity_ending, match.start))
            elif (match.has("cue.between") or match.has("cue.with")) and match.start - meeting_end <= _BETWEEN_REACH:
                chosen.update((e.start, e) for e in _entity_list(rec, entity_at, match.end, sentence))
    return [_Party(None, None, e, [(e.start, e.end)]) for start, e in sorted(chosen.items()) if start not in taken]


_NAMING_CUES = frozenset({"visit", "summit"})  # what follows names a place or the summit itself


def _entity_list(rec: Recognized, entity_at: dict[int, Entity], index: int, sentence: int) -> list[Entity]:
    """The states and organizations listed from ``index`` on (joined by و or commas)."""
    tokens, found = rec.doc.tokens, []
    while index < len(tokens) and tokens[index].sentence == sentence:
        entity = entity_at.get(index)
        if entity is not None:
            found.append(entity)
            index = entity.end
        elif tokens[index].key in _COMMA_KEYS or tokens[index].key == "#":
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


def _name_text(doc: Document, span: tuple[int, int, int]) -> str:
    return _span_text(doc, *span)


def _affiliation(person: Person) -> Entity | None:
    return person.title.affiliation if person.title else None


def _can_be_party(person: Person) -> bool:
    """Named people, titles that say whom they represent (وفد حماس، دبلوماسية أمريكية) and
    counterparts (نظيره التركي، نظيره), whose office is the other party's."""
    if person.has_name:
        return True
    title = person.title
    return title is not None and (title.affiliation is not None or title.counterpart)


def _fold_unnamed(rec: Recognized, parties: list[_Party]) -> list[_Party]:
    """An unnamed office holder or group (المسؤول الروسي، الدبلوماسيون الأمريكيون) is the named
    party of the same state or organization when there is one: its mentions join that party's."""
    kept = []
    for party in parties:
        if party.name is None and party.affiliation is not None:
            named = [p for p in parties if p.name and p.affiliation and party.affiliation
                     and (p.affiliation.kind, p.affiliation.key) == (party.affiliation.kind, party.affiliation.key)]
            if named:
                target = next((p for p in named if _same_role(rec, p.title, party.title)), named[0])
                target.mentions.extend(party.mentions)
                continue
        kept.append(party)
    return kept


def _absorb(party: _Party, person: Person, doc: Document) -> None:
    """Keep the fullest name (the others become aliases), and a title and affiliation once
    one is known."""
    span = _name_span(person)
    if span and party.name and span != party.name:
        party.aliases.add(_name_text(doc, span))
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
    keys[0] = keys[0][span[2]:]
    return tuple(keys)


def _find_party(
    rec: Recognized, parties: list[_Party], person: Person, by_word: dict[str, list[_Party]]
) -> _Party | None:
    tokens = rec.doc.tokens
    keys = _name_keys(tokens, _name_span(person))
    affiliation = _affiliation(person)
    if keys:
        sharing = {id(p): p for word in keys for p in by_word.get(word, ())}
        for party in sorted(sharing.values(), key=lambda p: p.order):
            known = _name_keys(tokens, party.name)
            if known and (_is_part(keys, known) or _is_part(known, keys)):
                return party
        return None
    if affiliation is None:
        return _party_with_role(rec, parties, person.title)
    same = [p for p in parties if p.affiliation and (p.affiliation.kind, p.affiliation.key) == (affiliation.kind, affiliation.key)]
    if len(same) == 1 and (same[0].name is not None or _same_role(rec, same[0].title, person.title)):
        return same[0]
    return next((p for p in same if _same_role(rec, p.title, person.title)), None)


def _party_with_role(rec: Recognized, parties: list[_Party], title: Title | None) -> _Party | None:
    """"الملك" or "الوزير" alone refers to the one named party whose role has those words."""
    words = set(_role_key(rec, title))
    if not words or title is None or title.collective:
        return None
    holders = [p for p in parties if p.name and words <= set(_role_key(rec, p.title))]
    return holders[0] if len(holders) == 1 else None


def _same_role(rec: Recognized, a: Title | None, b: Title | None) -> bool:
    """Same role words, or two groups (وفد حماس, وفد من حركة حماس) of one affiliation."""
    return _role_key(rec, a) == _role_key(rec, b) or bool(a and b and a.collective and b.collective)


def _is_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is the surname, the first name or (two words or more) a contiguous part
    of ``full``: "محمد" alone is not "إدريس بن محمد آل دريس"."""
    n = len(short)
    if n == 1:
        return short[0] in (full[0], full[-1])
    if n < len(full) and (short[0], short[-1]) == (full[0], full[-1]):
        return True  # "حمد العطية" for "حمد بن علي العطية"
    return any(full[i : i + n] == short for i in range(len(full) - n + 1))


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


def _add_short_mentions(rec: Recognized, lexicon: Lexicon, parties: list[_Party]) -> None:
    """Surnames and first names used alone (بوغدانوف، هاكان) are mentions of their party."""
    tokens = rec.doc.tokens
    covered = {i for party in parties for start, end in party.mentions for i in range(start, end)}
    owners: dict[str, list[_Party]] = {}
    for party in parties:
        for key in _name_keys(tokens, party.name):
            if len(key) >= 3 and not lexicon.words.get(key, frozenset()) - {"given"}:
                owners.setdefault(key, []).append(party)
    for index, token in enumerate(tokens):
        if index in covered:
            continue
        for skip, key in token_variants(token.key):
            candidates = owners.get(key, [])
            if len(candidates) == 1:
                candidates[0].mentions.append((index, index + 1))
                candidates[0].aliases.add(rec.doc.text[token.start + skip : token.end] if not skip else key)
                break


# --------------------------------------------------------------------------- meetings


def _meeting_sentences(rec: Recognized) -> list[int]:
    return rec.remember("meeting_sentences", lambda: _find_meeting_sentences(rec))


def _find_meeting_sentences(rec: Recognized) -> list[int]:
    """Sentences with a meeting, call or summit cue and nothing that marks sport or a seminar."""
    found = []
    for sentence, matches in sorted(rec.by_sentence.items()):
        meeting = any(
            m.has(kind) and "counterpart" not in m.keys("cue.meeting") for m in matches for kind in _MEETING_CUES
        ) or _discussed_with(matches)
        if meeting and not any(_vetoes(m) for m in matches):
            found.append(sentence)
    return found


def _discussed_with(matches: list[Match]) -> bool:
    """"بحث الملك ... مع الوزير": a discussion verb, then "with" later in the sentence."""
    ordered = sorted(matches, key=lambda m: m.start)
    for position, match in enumerate(ordered):
        if match.has("cue.discussion"):
            return any(later.has("cue.with") for later in ordered[position + 1 :])
    return False


def _vetoes(match: Match) -> bool:
    """Sport and seminar words make a sentence's "لقاء" or "قمة" something else; a statement
    or a press conference does not."""
    return any(key in ("sport", "seminar") for key in match.keys("cue.not_meeting"))


def _meetings(
    rec: Recognized, lexicon: Lexicon, parties: list[_Party], sentences: list[int],
    published: dt.date | None,
) -> list[tuple[Meeting, list[_Party]]]:
    """One meeting per distinct group of parties named together in meeting sentences."""
    tokens = rec.doc.tokens
    groups: list[tuple[list[int], list[_Party]]] = []
    mentions = _mentions_by_sentence(rec, parties)
    for sentence in sentences:
        present = _parties_in(rec, mentions, sentence)
        if not present:
            continue
        for group_sentences, group in groups:
            ids, known = set(map(id, present)), set(map(id, group))
            if ids <= known or known <= ids or (len(present) == 1 and ids & known):
                group_sentences.append(sentence)
                group.extend(p for p in present if id(p) not in known)
                break
        else:
            if len(present) >= 2 or _has_counterpart_cue(rec, sentence):
                groups.append(([sentence], present))
    return [(_meeting(rec, lexicon, parties, sents, group, published), group) for sents, group in groups if len(group) >= 2]


def _parties_in(rec: Recognized, mentions: dict[int, list[tuple[int, _Party]]], sentence: int) -> list[_Party]:
    """Parties mentioned in ``sentence`` before its agenda starts, in text order."""
    agenda_start = _agenda_boundary(rec, sentence)
    referred = _referred_only(rec, sentence)
    first: dict[int, tuple[int, _Party]] = {}
    for start, party in mentions.get(sentence, ()):
        if start < agenda_start and start not in referred and not _reports(rec, party):
            first.setdefault(id(party), (start, party))
    return [party for _, party in sorted(first.values(), key=lambda pair: pair[0])]


def _mentions_by_sentence(rec: Recognized, parties: list[_Party]) -> dict[int, list[tuple[int, _Party]]]:
    """Each sentence's party mentions (start token, party), in text order."""
    index: dict[int, list[tuple[int, _Party]]] = {}
    for party in parties:
        for start, _ in party.mentions:
            index.setdefault(rec.doc.tokens[start].sentence, []).append((start, party))
    for found in index.values():
        found.sort(key=lambda pair: pair[0])
    return index


_REFERRAL_REACH = 4


def _referred_only(rec: Recognized, sentence: int) -> set[int]:
    """Token positions just after "تحيات" or "نيابة عن": who is named there sent greetings
    or was represented, and did not take part."""
    positions: set[int] = set()
    for match in rec.sentence_matches(sentence):
        if match.has("cue.on_behalf"):
            positions.update(range(match.end, match.end + _REFERRAL_REACH))
    return positions


def _reports(rec: Recognized, party: _Party) -> bool:
    """Spokespeople report on a meeting; they are not parties to it."""
    title = party.title
    if title is None:
        return False
    return any(
        rec.lexicon.term("office", key).reports
        for index in range(title.role_start, title.role_end) if index in rec.matches
        for key in rec.matches[index].keys("office")
    )


def _agenda_boundary(rec: Recognized, sentence: int) -> int:
    """Where what was discussed starts: a discussion cue after the meeting cue or a party
    ("التقى ... لبحث موقف X"), or right after the subject of a discussion verb that has no
    "with" ("ناقش الجانبان موقف X"). Parties after it are topics, not participants."""
    matches = rec.sentence_matches(sentence)
    has_with = any(m.has("cue.with") for m in matches)
    seen_party, after_discussion = False, False
    for match in matches:
        if any(match.has(kind) for kind in _MEETING_CUES) or match.has("office"):
            seen_party = True
        elif match.has("collective"):
            if after_discussion and not has_with:
                return match.end
            seen_party = True
        elif match.has("cue.discussion"):
            if seen_party:
                return match.start
            after_discussion = True
    return len(rec.doc.tokens)


def _has_counterpart_cue(rec: Recognized, sentence: int) -> bool:
    return any(
        "counterpart" in m.keys("cue.meeting") or "receive_guest" in m.keys("cue.meeting")
        for m in rec.sentence_matches(sentence)
    )


def _meeting(
    rec: Recognized, lexicon: Lexicon, all_parties: list[_Party], sentences: list[int],
    group: list[_Party], published: dt.date | None,
) -> Meeting:
    doc = rec.doc
    cues = [m for sentence in sentences for m in rec.sentence_matches(sentence)]
    kind = _kind([m for s in {sentences[0], 0} for m in rec.sentence_matches(s)])
    status = _status(rec, cues, sentences)
    ahead = status == "planned" or any(m.has("cue.present") for m in rec.sentence_matches(sentences[0]))
    date = _date(rec, lexicon, sentences, published, prefer_future=ahead)
    if status == "held" and date and published and date > published:
        status = "planned"
    venue = None if kind in ("call", "virtual") else _with_place(rec, _venue(rec, lexicon, sentences, group), sentences)
    participants = _resolve_counterparts(rec, [_display(rec, lexicon, party) for party in group], group, venue)
    participants = _known_office_holders(rec, lexicon, participants, group, published)
    participants = _host_state(rec, lexicon, participants, group, venue)
    participants = _without_doubles(participants)
    agenda = _union([_agenda(rec, lexicon, all_parties, group, sentences)])
    statements = _union([_statements(rec, lexicon, group)])
    first = min(sentences)
    sentence = doc.sentences[first]
    return Meeting(status, kind, date.isoformat() if date else None, venue, participants, agenda, statements,
                   Evidence(sentence.start, sentence.end, first))


def _resolve_counterparts(
    rec: Recognized, participants: list[Participant], group: list[_Party], venue: Venue | None
) -> tuple[Participant, ...]:
    """"نظيره" holds the same office as the party it belongs to; on a visit, the host's
    state is the venue's."""
    resolved = []
    for participant, party in zip(participants, group):
        if party.title is not None and party.title.counterpart:
            subject = next((p for p in participants if p is not participant and p.role), None)
            role = participant.role or (subject.role if subject else None)
            affiliation = participant.affiliation
            if affiliation is None and venue and venue.country and (subject is None or subject.affiliation != venue.country):
                affiliation = venue.country
            participant = replace(participant, role=role, affiliation=affiliation)
        resolved.append(participant)
    return tuple(resolved)


def _without_doubles(participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """A one-word name with the same role and state as a fuller one is the same person
    spelled another way (ميركل beside أنجيلا ميريكل): it becomes an alias."""
    kept: list[Participant] = []
    for participant in participants:
        twin = next((i for i, other in enumerate(kept) if _same_office(other, participant)), None)
        if twin is None:
            kept.append(participant)
            continue
        short, full = sorted((kept[twin], participant), key=lambda p: len((p.name or "").split()))
        kept[twin] = replace(full, aliases=tuple(sorted({*full.aliases, *short.aliases, short.name or ""} - {"", full.name})))
    return tuple(kept)


def _same_office(a: Participant, b: Participant) -> bool:
    one_word = [p for p in (a, b) if p.name and len(p.name.split()) == 1]
    return bool(one_word) and a.name and b.name and a.role and a.role == b.role and a.affiliation and a.affiliation == b.affiliation


def _known_office_holders(
    rec: Recognized, lexicon: Lexicon, participants: tuple[Participant, ...], group: list[_Party],
    published: dt.date | None,
) -> tuple[Participant, ...]:
    """A notable office holder named without title or state ("استقبل السيسي الجبير") gets
    the role they held on the publication date, from the office holders lexicon."""
    if not any(p.name and p.affiliation is None and _is_known(rec, party) for p, party in zip(participants, group)):
        return participants
    holders = _holders_for(lexicon)
    resolved = []
    for participant, party in zip(participants, group):
        holder = holders.find(participant.name, published, role=participant.role) if (
            participant.name and participant.affiliation is None and _is_known(rec, party)) else None
        if holder is not None and holder.role is not None:
            state = lexicon.countries.get(holder.role.of)
            body = lexicon.organizations.get(holder.role.of)
            participant = replace(participant, role=participant.role or holder.role.role,
                                  affiliation=(state or body).ar if (state or body) else None)
        resolved.append(participant)
    return tuple(resolved)


def _is_known(rec: Recognized, party: _Party) -> bool:
    return party.name is not None and any(
        rec.matches.get(start) is not None and rec.matches[start].has("person") for start, _ in party.mentions)


_LAST_HOLDERS: list = []  # (lexicon, holders) of the last user lexicon: built once per run, not per meeting


def _holders_for(lexicon: Lexicon):
    """The office holders checked against ``lexicon`` (imported late: most articles need none)."""
    from meetsum.lexicon import default_lexicon
    from meetsum.officeholders import default_officeholders, load_officeholders

    if lexicon is default_lexicon():
        return default_officeholders()
    if not _LAST_HOLDERS or _LAST_HOLDERS[0] is not lexicon:
        _LAST_HOLDERS[:] = [lexicon, load_officeholders(lexicon)]
    return _LAST_HOLDERS[1]


def _host_state(
    rec: Recognized, lexicon: Lexicon, participants: tuple[Participant, ...], group: list[_Party],
    venue: Venue | None,
) -> tuple[Participant, ...]:
    """A national office holder with no stated state ("وزير الصحة" in a report from Riyadh)
    is the host's, when exactly one such participant exists and no other participant
    already stands for the host state (the venue's, else the dateline's)."""
    host = venue.country if venue else _dateline_country(rec, lexicon)
    if host is None or any(p.affiliation == host for p in participants):
        return participants
    unplaced = [i for i, (p, party) in enumerate(zip(participants, group))
                if p.affiliation is None and party.title is not None and not party.title.collective]
    if len(unplaced) != 1:
        return participants
    index = unplaced[0]
    return participants[:index] + (replace(participants[index], affiliation=host),) + participants[index + 1 :]


def _dateline_country(rec: Recognized, lexicon: Lexicon) -> str | None:
    cities = [e for e in rec.entities if e.kind == "city"]
    city = _dateline_city(rec, cities)
    return lexicon.countries[lexicon.cities[city.key].country].ar if city else None


def _kind(cues: list[Match]) -> str:
    """Call or video when the main sentence (or the headline) says so."""
    if any(m.has("cue.virtual") for m in cues):
        return "virtual"
    if any(m.has("cue.call") for m in cues):
        return "call"
    return "in_person"


def _status(rec: Recognized, cues: list[Match], sentences: list[int]) -> str:
    main = [m for m in cues if rec.doc.tokens[m.start].sentence == sentences[0]]
    if any(m.has("cue.planned") for m in main):
        return "planned"
    if any(m.has("cue.ongoing") for m in main):
        return "ongoing"
    return "held"


def _date(
    rec: Recognized, lexicon: Lexicon, sentences: list[int], published: dt.date | None,
    *, prefer_future: bool,
) -> dt.date | None:
    """The best date clue of the meeting's sentences: a written-out date, then a marked
    weekday (الاثنين القادم), then the earliest sentence's relative day."""
    tokens = rec.doc.tokens
    clues = _dated_clues(rec, lexicon, published, prefer_future)
    order = {sentence: rank for rank, sentence in enumerate(sentences)}
    candidates = [c for c in clues if tokens[c.start].sentence in order]
    if not candidates:  # the lead sentence dates the event it reports
        lead = _lead_sentence(rec.doc)
        candidates = [c for c in clues if tokens[c.start].sentence == lead]
        order = {lead: 0}
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (
        _is_news(c.date, published), c.explicit, c.end - c.start > 1, -order[tokens[c.start].sentence]))
    return best.date


_RECENT_DAYS, _AHEAD_DAYS = 7, 90


def _dated_clues(rec: Recognized, lexicon: Lexicon, published: dt.date | None, ahead: bool) -> list[DateClue]:
    """Date clues, a bare weekday read forward when the meeting lies ahead or its own
    sentence speaks in the present or future ("يقوم السيسي الاثنين بزيارة")."""
    tokens = rec.doc.tokens
    def build() -> list[DateClue]:
        back = find_dates(tokens, rec.matches, lexicon, published, prefer_future=False)
        forward = find_dates(tokens, rec.matches, lexicon, published, prefer_future=True)
        chosen = []
        for past, future in zip(back, forward):
            sentence = tokens[past.start].sentence
            looks_ahead = ahead or any(m.has("cue.present") or m.has("cue.planned") for m in rec.sentence_matches(sentence))
            chosen.append(future if looks_ahead else past)
        return chosen
    return rec.remember(("dates", published, ahead), build)


def _is_news(date: dt.date, published: dt.date | None) -> bool:
    """A report's own meeting is recent or ahead; a date weeks before publication is
    background ("met for the last time on 11 December")."""
    if published is None:
        return True
    return -_RECENT_DAYS <= (date - published).days <= _AHEAD_DAYS


def _lead_sentence(doc: Document) -> int:
    """The first sentence of the body: after the headline when there is one."""
    return 1 if _title_line(doc) is not None and len(doc.sentences) > 1 else 0


def _cities_by_sentence(rec: Recognized) -> dict[int, list[Entity]]:
    """Cities that may be a venue (not inside an institution's name), by sentence."""
    def build() -> dict[int, list[Entity]]:
        found: dict[int, list[Entity]] = {}
        for entity in sorted(rec.entities, key=lambda e: e.start):
            if entity.kind == "city" and not _follows(rec, entity.start, "cue.named_after"):
                found.setdefault(rec.doc.tokens[entity.start].sentence, []).append(entity)
        return found
    return rec.remember("cities_by_sentence", build)


def _venue(rec: Recognized, lexicon: Lexicon, sentences: list[int], group: list[_Party]) -> Venue | None:
    """The first city named in the meeting sentences outside a title, else the dateline city."""
    doc, tokens = rec.doc, rec.doc.tokens
    in_titles = {i for p in group if p.title for i in range(p.title.start, p.title.end)}
    by_sentence = _cities_by_sentence(rec)
    for sentence in sentences:
        here = [city for city in by_sentence.get(sentence, ()) if city.start not in in_titles]
        placed = [city for city in here if _placed(rec, city)]
        if placed or here:
            return _venue_of(rec, lexicon, (placed or here)[0])
    for sentence in _meeting_sentences(rec):  # "وسيعقد اللقاء في مقر الحلف في بروكسل"
        placed = [city for city in by_sentence.get(sentence, ()) if city.start not in in_titles and _placed(rec, city)]
        if placed:
            return _venue_of(rec, lexicon, placed[0])
    cities = [city for found in by_sentence.values() for city in found if city.start not in in_titles]
    dateline = _dateline_city(rec, sorted(cities, key=lambda city: city.start))
    return _venue_of(rec, lexicon, dateline) if dateline else None


_PLACE_MAX_WORDS = 3


def _with_place(rec: Recognized, venue: Venue | None, sentences: list[int]) -> Venue | None:
    """Add the building the meeting sentences name ("في قصر اليمامة", "بمقر الأمانة العامة")."""
    for sentence in sentences:
        for match in rec.sentence_matches(sentence):
            if not match.has("cue.place"):
                continue
            end = match.end if "landmark" in match.keys("cue.place") else _place_end(rec, match)
            if end > match.end or "landmark" in match.keys("cue.place"):
                place = _span_text(rec.doc, match.start, end, match.skip)
                if venue is None:
                    return Venue(None, None, place, _evidence(rec.doc, match.start, end))
                return replace(venue, place=place)
    return venue


def _place_end(rec: Recognized, head: Match) -> int:
    """A building's name: the next few words, up to punctuation, a function or time word,
    a city or a title."""
    tokens, index = rec.doc.tokens, head.end
    while index < len(tokens) and index - head.end < _PLACE_MAX_WORDS and tokens[index].sentence == tokens[head.start].sentence:
        token, match = tokens[index], rec.matches.get(index)
        if not token.key.isalpha() or rec.lexicon.token_classes(token) & {"function", "time"}:
            break
        if match is not None and any(match.has(kind) for kind in ("city", "office", "relative_day", "weekday", "cue.meeting")):
            break
        index += 1
    return index


def _follows(rec: Recognized, index: int, kind: str) -> bool:
    """Whether the match ending right before token ``index`` is of ``kind``."""
    for back in range(1, 3):
        match = rec.matches.get(index - back)
        if match is not None and match.end == index:
            return match.has(kind)
    return False


def _placed(rec: Recognized, city: Entity) -> bool:
    """"في الدوحة", "بالدوحة", "العاصمة القطرية الدوحة": a city named as where things happen."""
    match = rec.matches[city.start]
    if match.skip and rec.doc.tokens[city.start].key[match.skip - 1] == "ب":
        return True
    index = city.start
    if index > 0 and rec.doc.tokens[index - 1].key == "#":
        index -= 1  # "في #بروكسل"
    if index > 0 and (rec.matches.get(index - 1) or match).has("country_nisba"):
        index -= 1  # العاصمة القطرية الدوحة
    return _follows(rec, index, "cue.venue_lead")


_DATELINE_FOLLOWERS = frozenset({"(", "-", "–", ":", "،", "/"})


def _opens_sentence(tokens: Sequence[Token], index: int) -> bool:
    """At a sentence's start, or after a one-word agency name and a dash ("واس- عمان:")."""
    if index == 0 or tokens[index - 1].sentence != tokens[index].sentence:
        return True
    return (index >= 2 and tokens[index - 1].key in _DASHES
            and (index == 2 or tokens[index - 3].sentence != tokens[index].sentence))


def _dateline_city(rec: Recognized, cities: list[Entity]) -> Entity | None:
    """A city that opens one of the first sentences, as in "الرياض 12 مارس (واس) -"."""
    tokens = rec.doc.tokens
    for city in cities:
        sentence = tokens[city.start].sentence
        if sentence > 3:
            break
        opens = _opens_sentence(tokens, city.start)
        follows = tokens[city.end].key if city.end < len(tokens) else ""
        after = rec.matches.get(city.end)
        if opens and (follows.isdigit() or follows in _DATELINE_FOLLOWERS or bool(after and after.has("cue.venue_lead"))):
            return city
    return None


def _venue_of(rec: Recognized, lexicon: Lexicon, city: Entity) -> Venue:
    entry = lexicon.cities[city.key]
    country = lexicon.countries[entry.country].ar
    surface = _span_text(rec.doc, city.start, city.end, rec.matches[city.start].skip)
    return Venue(surface, country, None, _evidence(rec.doc, city.start, city.end))


# --------------------------------------------------------------------------- display


def _display(rec: Recognized, lexicon: Lexicon, party: _Party) -> Participant:
    doc = rec.doc
    name = _name_text(doc, party.name).replace("_", " ") if party.name else None
    role = None
    if party.title and not party.title.counterpart:
        title = party.title
        if title.role_end > title.role_start:
            role = _span_text(doc, title.role_start, title.role_end, rec.matches[title.role_start].skip)
    affiliation = _affiliation_name(lexicon, party.affiliation, rec)
    start, end = party.mentions[0]
    aliases = tuple(sorted(a for a in party.aliases if a != name))
    return Participant(name, role, affiliation, _evidence(doc, start, end), aliases)


def _affiliation_name(lexicon: Lexicon, entity: Entity | None, rec: Recognized | None = None) -> str | None:
    if entity is None:
        return None
    if entity.kind == "body" and rec is not None:
        return _span_text(rec.doc, entity.start, entity.end)
    if entity.kind == "country":
        return lexicon.countries[entity.key].ar
    if entity.kind == "organization":
        return _organization_name(lexicon, entity, rec)
    return None


def _organization_name(lexicon: Lexicon, entity: Entity, rec: Recognized | None) -> str:
    """The short name, or the article's own spelling of it (بوينج for بوينغ) when the
    article uses a one-for-one variant, without a clitic, and never the lexicon's form."""
    short = lexicon.organizations[entity.key].ar
    if rec is None or entity.start not in rec.matches or rec.matches[entity.start].skip:
        return short
    surface = _span_text(rec.doc, entity.start, entity.end)
    same_length = len(surface.split()) == len(short.split())
    if same_length and match_key(surface) != match_key(short) and short not in rec.doc.text:
        return surface
    return short


# --------------------------------------------------------------------------- agenda


def _agenda(
    rec: Recognized, lexicon: Lexicon, all_parties: list[_Party], group: list[_Party],
    sentences: list[int],
) -> list[AgendaItem]:
    """Phrases after discussion cues in sentences about this meeting."""
    tokens = rec.doc.tokens
    near = range(min(sentences) - _AGENDA_REACH, max(sentences) + _AGENDA_REACH + 1)  # "كما ناقش الجانبان"
    about = set(sentences) | {s for p in group for s in p.sentences(tokens) if s in near}
    about |= {s for s in _sentences_with(rec, "collective") | set(_meeting_sentences(rec)) if s in near}
    skippable = rec.remember(("skippable", id(all_parties)), lambda: _skippable(rec, all_parties))
    items: list[AgendaItem] = []
    for sentence in sorted(about):
        seen_meeting = False
        for match in rec.sentence_matches(sentence):
            if any(match.has(kind) for kind in _MEETING_CUES):
                seen_meeting = True
            topic = match.has("cue.topic") and seen_meeting
            if not (_introduces_topic(match) or topic):
                continue
            begin = _skip_forward(rec, match.end, skippable)
            end = _phrase_end(rec, begin)
            items.extend(_split_items(rec, begin, end))
    items.extend(_quoted_topics(rec, about))
    items.extend(_purposes(rec, sentences, skippable))
    return items


def _purposes(rec: Recognized, sentences: list[int], skippable: set[int]) -> list[AgendaItem]:
    """A purpose after the meeting word: "توجهت ميركل إلى باريس لإجراء تقييم مشترك للوضع",
    "من أجل رسم الطريق": ل before a verbal noun, or a purpose marker."""
    tokens, items = rec.doc.tokens, []
    inside = rec.remember("inside_matches", lambda: {i for m in rec.matches.values() for i in range(m.start, m.end)})
    for sentence in sentences:
        seen_meeting = False
        for index in _sentence_token_range(rec, sentence):
            match = rec.matches.get(index)
            if match is not None and any(match.has(kind) for kind in _MEETING_CUES):
                seen_meeting = True
                continue
            if not seen_meeting or index in skippable:
                continue
            if match is not None and match.has("cue.purpose"):
                begin, cut = match.end, 0
            elif index not in inside and _verbal_noun_with_li(rec.lexicon, tokens[index].key):
                begin, cut = index, 1
            else:
                continue
            item = _agenda_item(rec, begin, _phrase_end(rec, begin + 1), cut)
            if item:
                items.append(item)
            break
    return items


_VERBAL_NOUN_STARTS = ("ا", "ت")
_VERBAL_NOUN_MIN = 6


def _verbal_noun_with_li(lexicon: Lexicon, key: str) -> bool:
    """"لإجراء", "لتحديد", "لاتخاذ": the preposition ل before a verbal noun of a derived
    verb (not لل + a definite noun, which is mostly part of a name)."""
    return (len(key) >= _VERBAL_NOUN_MIN and key.startswith("ل") and not key.startswith("لل")
            and key[1:].startswith(_VERBAL_NOUN_STARTS) and not lexicon.words.get(key))


_OPENING_QUOTES = frozenset("«“\"")
_CLOSING_QUOTES = frozenset("»”\"")
_TOPIC_SENTENCE_CUES = ("cue.discussion",)


def _quoted_topics(rec: Recognized, about: set[int]) -> list[AgendaItem]:
    """Phrases quoted in a sentence about the meeting that discusses something
    ("ناقش الجانبان «سبل الوصول إلى وقف إطلاق نار دائم»")."""
    tokens, items = rec.doc.tokens, []
    for sentence in sorted(about):
        if not any(m.has(kind) for m in rec.sentence_matches(sentence) for kind in _TOPIC_SENTENCE_CUES):
            continue
        opened = None
        for index in _sentence_token_range(rec, sentence):
            key = tokens[index].key
            if opened is None and key in _OPENING_QUOTES:
                opened = index + 1
            elif opened is not None and key in _CLOSING_QUOTES:
                item = _agenda_item(rec, opened, index)
                if item and index - opened <= _AGENDA_MAX_WORDS:
                    items.append(item)
                opened = None
    return items


def _sentence_token_range(rec: Recognized, sentence: int) -> range:
    return rec.doc.sentence_tokens(sentence)


_AGENDA_REACH = 20  # sentences around a meeting's own that may still discuss it


def _sentences_with(rec: Recognized, kind: str) -> set[int]:
    return rec.remember(("sentences_with", kind), lambda: {
        rec.doc.tokens[m.start].sentence for m in rec.matches.values() if m.has(kind)})


def _introduces_topic(match: Match) -> bool:
    return match.has("cue.discussion") or "discuss_with" in match.keys("cue.meeting")


def _skippable(rec: Recognized, parties: list[_Party]) -> set[int]:
    """Tokens that name parties, places and times: an agenda phrase starts after them."""
    skip = {i for p in parties for s, e in p.mentions for i in range(s, e)}
    skip |= {i for e in rec.entities if e.via == "name" for i in range(e.start, e.end)}
    skip |= {i for t in rec.titles for i in range(t.start, t.end)}
    skip |= _dash_asides(rec.doc.tokens)
    leading = ("collective", "weekday", "relative_day", "cue.meeting", "cue.call", "cue.agenda_lead",
               "country_nisba", "organization_nisba", "cue.discussion")
    for match in rec.matches.values():
        if any(match.has(kind) for kind in leading):
            skip.update(range(match.start, match.end))
    return skip


_DASHES = frozenset({"-", "–", "—"})
_ASIDE_MAX_TOKENS = 12


def _dash_asides(tokens: Sequence[Token]) -> set[int]:
    """Short asides between two dashes ("- حفظه الله -"), which interrupt a clause."""
    asides: set[int] = set()
    opened: int | None = None
    for index, token in enumerate(tokens):
        if token.key not in _DASHES:
            continue
        if opened is not None and tokens[opened].sentence == token.sentence and index - opened <= _ASIDE_MAX_TOKENS:
            asides.update(range(opened, index + 1))
            opened = None
        else:
            opened = index
    return asides


def _skip_forward(rec: Recognized, index: int, skippable: set[int]) -> int:
    tokens = rec.doc.tokens
    sentence = tokens[index - 1].sentence
    while index < len(tokens) and tokens[index].sentence == sentence:
        if index in skippable or not tokens[index].key[0].isalnum():
            index += 1
        else:
            break
    return index


def _phrase_end(rec: Recognized, begin: int) -> int:
    """A topic phrase ends at the sentence end or where a new clause starts."""
    tokens = rec.doc.tokens
    index = begin
    while index < len(tokens) and tokens[index].sentence == tokens[begin].sentence:
        match = rec.matches.get(index)
        enders = ("cue.statement", "cue.agenda_end")
        if index > begin and match and (any(match.has(kind) for kind in enders) or _introduces_topic(match)):
            break
        if tokens[index].key in _SENTENCE_PUNCTUATION:
            break
        index += 1
    return index


def _split_items(rec: Recognized, begin: int, end: int) -> list[AgendaItem]:
    """Split coordinated topics: at commas, at joining words (فضلا عن) and at "و" before a
    definite noun once the current item has a few words."""
    tokens, items, start, index = rec.doc.tokens, [], begin, begin
    while index <= end:
        match = rec.matches.get(index) if index < end else None
        joiner = match is not None and match.has("cue.agenda_join")
        comma = index < end and tokens[index].key in _AGENDA_SPLITTERS
        conjunction = index < end and index - start >= 3 and _splits_topics(rec, start, index)
        if index == end or joiner or comma or conjunction:
            item = _agenda_item(rec, start, index)
            if item:
                items.append(item)
            start = match.end if joiner else index + 1 if comma else index
            index = max(start, index + 1)
            continue
        index += 1
    return items


def _function_word(lexicon: Lexicon, token: Token) -> bool:
    return "function" in lexicon.token_classes(token)


def _conjunction_length(rec: Recognized, index: int) -> int:
    """1 when the token starts with a conjunction و that is not part of the word."""
    token = rec.doc.tokens[index]
    if not token.key.startswith("و") or len(token.key) < 4 or index in rec.matches and rec.matches[index].skip == 0:
        return 0
    return 0 if rec.lexicon.words.get(token.key) else 1


def _splits_topics(rec: Recognized, start: int, index: int) -> bool:
    """"و" before a definite noun starts a new topic, except between two adjectives
    (الإقليمية والدولية), between named states or bodies, or after "بين" (بين المملكة والمنظمة)."""
    tokens = rec.doc.tokens
    if not tokens[index].key.startswith("وال"):
        return False
    if _adjective(tokens[index].key) and _adjective(tokens[index - 1].key):
        return False
    if index in rec.matches and rec.matches[index].skip and (
            rec.matches[index].has("country") or rec.matches[index].has("organization")):
        return False
    return not any(i in rec.matches and rec.matches[i].has("cue.between") for i in range(max(start, index - 3), index))


def _adjective(key: str) -> bool:
    """Nisba adjectives (الإقليمية والدولية) coordinate inside one topic."""
    return key.endswith(("يه", "ي"))


def _is_topic(rec: Recognized, start: int, end: int) -> bool:
    """Not a clause ("أضاف البيان") nor mostly the person it opens with ("دميتري ميدفيديف");
    "موقف قائد الجيش عبد الفتاح البرهان من المبادرات" is a topic."""
    first = rec.matches.get(start)
    if first is not None and any(first.has(kind) for kind in ("cue.statement", "cue.meeting", "cue.call")):
        return False
    opening = rec.person_at.get(start)
    named = min(end, opening.end) - start if opening else 0
    return named * 2 < end - start


def _agenda_item(rec: Recognized, start: int, end: int, cut: int = 0) -> AgendaItem | None:
    tokens, lexicon, first = rec.doc.tokens, rec.lexicon, start
    while start < end and (not tokens[start].key[0].isalnum() or _function_word(lexicon, tokens[start])):
        start += 1
    while end > start and (not tokens[end - 1].key[0].isalnum() or _function_word(lexicon, tokens[end - 1])):
        end -= 1
    words = [t for t in tokens[start:end] if t.key[0].isalnum()]
    if sum(not _function_word(lexicon, t) for t in words) < 2 or not _is_topic(rec, start, end):
        return None
    if len(words) > _AGENDA_MAX_WORDS:
        end = tokens.index(words[_AGENDA_MAX_WORDS - 1], start) + 1
    skip = cut if cut and start == first else _conjunction_length(rec, start)
    text = _span_text(rec.doc, start, end, skip)
    return AgendaItem(text, _evidence(rec.doc, start, end))


# --------------------------------------------------------------------------- statements


_ASIDE_MAX_WORDS = 12


def _said(rec: Recognized, start: int, end: int) -> str:
    """What follows the speaker: after a short aside between commas ("، خلال لقائه مع ...،"),
    without a leading "على" or "أن", up to the next speaker's verb ("، فيما أكد ...")."""
    tokens = rec.doc.tokens
    start = _after_aside(tokens, start, end)
    while start < len(tokens) and tokens[start].start < end and (
            not tokens[start].key[0].isalnum() or _function_word(rec.lexicon, tokens[start])):
        start += 1
    if start >= len(tokens) or tokens[start].start >= end:
        return ""
    stop = start + 1
    while stop < len(tokens) and tokens[stop].start < end and not (
            stop in rec.matches and rec.matches[stop].has("cue.statement") and tokens[stop - 1].key not in _QUOTES):
        stop += 1
    if stop < len(tokens) and tokens[stop].start < end:  # another speaker follows: "، فيما أكد"
        last = stop - 1
        while last > start and (not tokens[last].key[0].isalnum() and tokens[last].key not in _QUOTES
                                or _function_word(rec.lexicon, tokens[last])):
            last -= 1
        end = tokens[last].end
    return visible(rec.doc.text[tokens[start].start : end]).strip(" ،,.")


def _after_aside(tokens: Sequence[Token], start: int, end: int) -> int:
    if start >= len(tokens) or tokens[start].key not in _COMMA_KEYS:
        return start
    for index in range(start + 1, min(start + _ASIDE_MAX_WORDS, len(tokens))):
        if tokens[index].start >= end:
            break
        if tokens[index].key in _COMMA_KEYS:
            return index + 1
    return start


def _statements(rec: Recognized, lexicon: Lexicon, group: list[_Party]) -> list[Statement]:
    """Sentences where a participant (named right after a statement verb) says something."""
    tokens, doc = rec.doc.tokens, rec.doc
    statements = []
    mention_at = {start: (party, end) for party in group for start, end in party.mentions}
    spoken = sorted({tokens[start].sentence for start in mention_at} & _sentences_with(rec, "cue.statement"))
    for match in (m for sentence in spoken for m in rec.sentence_matches(sentence)):
        start = match.start
        if not match.has("cue.statement"):
            continue
        index = match.end
        while index in mention_at or (index < len(tokens) and tokens[index].key in ("،", ",")):
            if index in mention_at:
                party, end = mention_at[index]
                sentence = doc.sentences[tokens[index].sentence]
                text = _said(rec, end, sentence.end)
                if text:
                    speaker = _display(rec, lexicon, party)
                    statements.append(Statement(speaker.name or speaker.role or speaker.affiliation, text,
                                                Evidence(tokens[start].start, sentence.end, sentence.index)))
                break
            index += 1
    return statements


# --------------------------------------------------------------------------- mentioned


def _mentioned(
    rec: Recognized, lexicon: Lexicon, parties: list[_Party], taking_part: set[int],
    participants: Sequence[Participant], meetings: Sequence[Meeting] = (),
) -> list[Mention]:
    """Named people, states and organizations that do not take part (government bodies
    such as a ministry are not worth listing)."""
    doc = rec.doc
    found: dict[str, Mention] = {}
    represented = {p.affiliation for p in participants if p.affiliation}
    for party in parties:
        if id(party) in taking_part or party.name is None:
            continue
        text = _name_text(doc, party.name)
        found.setdefault(text, Mention(text, "person", _evidence(doc, party.name[0], party.name[1])))
    venue_cities = {match_key(m.venue.city) for m in meetings if m.venue and m.venue.city}
    for entity in rec.entities:
        if entity.kind == "city" or entity.via != "name":
            continue
        if match_key(_span_text(doc, entity.start, entity.end)) in venue_cities:
            continue  # "عمان" where the meeting is in Amman is not Oman
        if entity.kind == "organization" and lexicon.organizations[entity.key].kind == "body":
            continue
        name = _affiliation_name(lexicon, entity)
        if name and name not in represented:
            found.setdefault(name, Mention(name, entity.kind, _evidence(doc, entity.start, entity.end)))
    return list(found.values())
