"""Assembly: from recognized spans to the summary.

Parties (``meetsum.parties``) are grouped into meetings by the sentences that report them;
each meeting gets its status, date, venue, agenda and statements; the rest of what the
article names goes under ``mentioned``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from meetsum.lexicon import Lexicon, Match
from meetsum.meeting_date import is_news, meeting_date, stated_today
from meetsum.model import (
    AgendaItem, Evidence, Meeting, Mention, Participant, Summary, Venue,
)
from meetsum.recognize import Entity, Recognized

if TYPE_CHECKING:
    from meetsum.officeholders import OfficeHolders
from meetsum.agenda import agenda_items
from meetsum.parties import BETWEEN_REACH, DESCRIBED, Party, find_parties, name_text
from meetsum.roster import roster
from meetsum.separate import lead_first, separate_talks
from meetsum.statements import speaker_label, statements_of
from meetsum.spans import (
    MEETING_CUES, evidence_of, meeting_sentences, quoted_ranges, sentence_tokens, span_text,
)
from meetsum.text import Document, Token, match_key
from meetsum.topics import merge_topics
from meetsum.venue import dateline_country, meeting_venue

__all__ = ["assemble"]


def assemble(
    rec: Recognized, lexicon: Lexicon, published: dt.date | None, holders: OfficeHolders | None = None
) -> Summary:
    """Build the summary of one analysed article; ``holders`` (office holders checked against
    ``lexicon``) are loaded only if a participant needs them, when not given."""
    if holders is not None:
        rec.memo["holders"] = holders
    doc = rec.doc
    parties = find_parties(rec, lexicon)
    today = published or stated_today(rec, lexicon)  # relative dates resolve against the report's day
    found = _meetings(rec, lexicon, parties, meeting_sentences(rec), today)
    meetings = [meeting for meeting, _ in found]
    title = _title_line(doc)
    if not meetings:
        return Summary(False, title, _iso(published), None, None, None, None, (), (), (),
                       tuple(_mentioned(rec, lexicon, parties, set(), ())), ())
    main = meetings[0]
    others = [meeting for meeting in meetings[1:] if not _told_as_past(rec, meeting, today)]
    participants = roster(_union(meeting.participants for meeting in [main, *others]), lexicon)
    taking_part = {id(party) for _, group in found for party in group}
    return Summary(
        True, title, _iso(published), main.status, main.kind, main.date, main.venue,
        participants,
        merge_topics((item for meeting in [main, *others] for item in meeting.agenda), lexicon),
        _union(meeting.statements for meeting in [main, *others]),
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
    if isinstance(item, Participant):  # one person once, as the first meeting shows them
        return (item.name,) if item.name else (None, item.affiliation, item.role)
    if isinstance(item, AgendaItem):
        return (item.text,)
    return (item.speaker, item.text)


_HEADLINE = re.compile(r"\s*([^\n]+?)[ \t\r]*\n[ \t\r]*\n")


def _title_line(doc: Document) -> str | None:
    """The headline: a first line followed by a blank line."""
    match = _HEADLINE.match(doc.text)
    return match.group(1).strip() or None if match else None


# --------------------------------------------------------------------------- meetings


def _meetings(
    rec: Recognized, lexicon: Lexicon, parties: list[Party], sentences: list[int],
    published: dt.date | None,
) -> list[tuple[Meeting, list[Party]]]:
    """One meeting per distinct group of parties named together in meeting sentences."""
    groups: list[tuple[list[int], list[Party]]] = []
    mentions = _mentions_by_sentence(rec, parties)
    for sentence in sentences:
        # "ويأتي هذا الاجتماع بعد ...": a meeting already told, whose parties are not named here
        present = [] if _sets_context(rec, sentence) else _parties_in(rec, mentions, sentence)
        if len(present) == 1 and present[0].affiliation is not None and present[0].affiliation.via in DESCRIBED:
            present = [*_implied_subject(rec, mentions, sentence), *present]
        if not present:
            if groups and _refers_back(rec, sentence):
                groups[-1][0].append(sentence)
            continue
        for group_sentences, group in groups:
            ids, known = set(map(id, present)), set(map(id, group))
            if ids <= known or known <= ids or (len(present) == 1 and ids & known) or (
                    group is groups[-1][1] and _takes_part(rec, sentence)):  # "كما يشارك الاتحاد الأوروبي"
                group_sentences.append(sentence)
                group.extend(p for p in present if id(p) not in known)
                break
        else:
            if len(present) >= 2 or _has_counterpart_cue(rec, sentence):
                groups.append(([sentence], present))
    talks = [t for sents, group in groups if len(group) >= 2 for t in separate_talks(rec, sents, group, mentions)]
    title = _title_line(rec.doc)
    return [(_meeting(rec, lexicon, parties, t.sentences, t.parties, published, t.elsewhere,
                      lead_first(rec, t.sentences, t.parties, mentions, title)), t.parties) for t in talks]


_SUBJECT_BACK = 2  # sentences: "وزار أوبراين مدينتي بانتيو ولير. كما التقى خلال الزيارة بأقارب ..."
_OPENING_WORDS = frozenset({"كما", "ثم", "و", "وقد", "قد"})


def _implied_subject(rec: Recognized, mentions: dict[int, list[tuple[int, Party]]], sentence: int) -> list[Party]:
    """A sentence that opens with a verb of meeting and names only whom it met ("كما التقى
    بأقارب الضحايا") has the last person named just before as its subject."""
    matches = rec.sentence_matches(sentence)
    first = next((m for m in matches if m.has_any(MEETING_CUES)), None)
    if first is None or not set(first.keys("cue.meeting")) & _MEETING_VERBS:
        return []
    opening = range(sentence_tokens(rec, sentence).start, first.start)
    if any(rec.doc.tokens[i].key not in _OPENING_WORDS for i in opening):
        return []
    for back in range(sentence - 1, max(-1, sentence - 1 - _SUBJECT_BACK), -1):
        named = [party for _, party in mentions.get(back, ()) if party.name is not None]
        if named:
            return [named[-1]]
    return []


_MEETING_VERBS = frozenset({"meet", "convene", "receive", "discuss_with"})


def _sets_context(rec: Recognized, sentence: int) -> bool:
    """"وتأتي المحادثات بعد ..."، "هذا اللقاء": the meeting word points to one already told."""
    context_ends = {m.end for m in rec.sentence_matches(sentence) if m.has("cue.context")}
    return any(m.start in context_ends and m.has("cue.refers_back") for m in rec.sentence_matches(sentence))


def _told_as_past(rec: Recognized, meeting: Meeting, published: dt.date | None) -> bool:
    """An earlier meeting told as background: "محاولات سابقة"، dated weeks before the report,
    or in a year before the report's."""
    sentence = meeting.evidence.sentence
    matches = rec.sentence_matches(sentence)
    keys = {key for m in matches for key in m.keys("cue.past")}
    opens_with_had = bool(matches) and matches[0].start == sentence_tokens(rec, sentence).start and (
        "had" in matches[0].keys("cue.past"))
    if "earlier" in keys or opens_with_had and "had_particle" in keys:  # "وكان الرئيسان قد التقيا"
        return True
    if meeting.date and published and not is_news(dt.date.fromisoformat(meeting.date), published):
        return True
    years = [int(rec.doc.tokens[i].key) for i in sentence_tokens(rec, sentence)
             if rec.doc.tokens[i].key.isdigit() and len(rec.doc.tokens[i].key) == 4]
    return published is not None and any(1900 < year < published.year for year in years)


def _takes_part(rec: Recognized, sentence: int) -> bool:
    return any(match.has("cue.take_part") for match in rec.sentence_matches(sentence))


def _refers_back(rec: Recognized, sentence: int) -> bool:
    """A meeting word that names no party but points back to one ("للقائهما"، "القمة") is
    about the meeting reported before it."""
    return any(match.has("cue.refers_back") for match in rec.sentence_matches(sentence))


def _parties_in(rec: Recognized, mentions: dict[int, list[tuple[int, Party]]], sentence: int) -> list[Party]:
    """Parties mentioned in ``sentence`` before its agenda starts, in text order; when the
    sentence says "X meets Y between ..." only those listed after "بين" take part."""
    agenda_start = min(_agenda_boundary(rec, sentence), _said_after(rec, sentence))
    referred = _referred_only(rec, sentence) | _reporting_only(rec, sentence)
    referred.update(index for quoted in quoted_ranges(rec, sentence) if len(quoted) > _QUOTED_NAME_MAX
                    for index in quoted)  # quoted speech, not a quoted name
    restart = _meeting_resumes(rec, sentence, agenda_start)
    first: dict[int, tuple[int, Party]] = {}
    for start, party in mentions.get(sentence, ()):
        in_topic = agenda_start <= start < restart  # "التباحث في X خلال اللقاء مع Y": Y takes part
        if not in_topic and start not in referred and not _reports(rec, party):
            first.setdefault(id(party), (start, party))
    ordered = sorted(first.values(), key=lambda pair: pair[0])
    listed = _between_span(rec, sentence)
    if listed and _is_collective(rec, listed.start):
        # "المحادثات بين الرئيسين بعد أن ...": the two were named before; who follows is not a party
        return [party for start, party in ordered if start not in listed]
    if listed is not None:
        between = [party for start, party in ordered if start in listed]
        if len(between) >= 2:
            return between
    return [party for _, party in ordered]


def _said_after(rec: Recognized, sentence: int) -> int:
    """"استقبل X Y، مشيرا إلى أن ...": after the meeting, a participle of speech starts what a
    party said; who is named there is talked about."""
    met = False
    for match in rec.sentence_matches(sentence):
        if match.has_any((*MEETING_CUES, "cue.discussion")):
            met = True
        elif met and "participle" in match.keys("cue.agenda_end"):
            return match.start
    return len(rec.doc.tokens)


_RESUME_REACH = 1  # "اللقاء الذي سيجمع": at most a relative pronoun between


def _meeting_resumes(rec: Recognized, sentence: int, agenda_start: int) -> int:
    """Where a meeting word and "مع" or "يجمع" after the topic name parties again: "التباحث
    في X خلال اللقاء الذي سيجمعه مع Y"."""
    met_end = None
    for match in rec.sentence_matches(sentence):
        if match.start <= agenda_start:
            continue
        if match.has_any(MEETING_CUES):
            met_end = match.end
        elif met_end is not None and (match.has("cue.with") or (
                match.has("cue.between") and match.start - met_end <= _RESUME_REACH)):
            return match.end
    return len(rec.doc.tokens)


_QUOTED_NAME_MAX = 4  # words: a longer quotation is speech, whose people do not take part


_CLAUSE_CUES = ("cue.statement", "cue.discussion", *MEETING_CUES)


def _between_span(rec: Recognized, sentence: int) -> range | None:
    """Tokens after "بين" that follows a meeting word ("القمة المرتقبة بين X وY"), up to the
    next verb of speech, discussion or meeting: the parties listed there are the meeting's."""
    matches = rec.sentence_matches(sentence)
    meeting_end = None
    for position, match in enumerate(matches):
        if match.has_any(MEETING_CUES):
            meeting_end = match.end
        elif (match.has("cue.between") and meeting_end is not None and match.start - meeting_end <= BETWEEN_REACH
              and "between" in match.keys("cue.between")):
            end = next((m.start for m in matches[position + 1:] if m.has_any(_CLAUSE_CUES)),
                       rec.doc.sentence_tokens(sentence).stop)
            return range(match.end, end)
    return None


def _is_collective(rec: Recognized, index: int) -> bool:
    match = rec.matches.get(index)
    return match is not None and match.has("collective")


def _reporting_only(rec: Recognized, sentence: int) -> set[int]:
    """"قال X إن الاجتماع بين ... ": X speaks about a meeting the reported clause names; X
    took part only if the meeting word is X's own (لقاءه، اجتماعه) or comes before "إن"."""
    matches = rec.sentence_matches(sentence)
    said = next((m for m in matches if m.has("cue.statement")), None)
    if said is None:
        return set()
    tokens = rec.doc.tokens
    that = next((m.start for m in matches if m.start >= said.end and "bare" in m.keys("cue.that")), None)
    if that is None:
        return set()
    cues = [m for m in matches if m.has_any(MEETING_CUES)]
    if any(m.start < that for m in cues) or any(_possessed(tokens[m.end - 1]) for m in cues):
        return set()
    return set(range(said.end, that))


def _possessed(token: Token) -> bool:
    """A noun with a pronoun suffix (لقائه، اجتماعها، زيارتهما) belongs to someone named earlier."""
    return token.text.endswith(("ه", "ها", "هما", "هم"))


def _mentions_by_sentence(rec: Recognized, parties: list[Party]) -> dict[int, list[tuple[int, Party]]]:
    """Each sentence's party mentions (start token, party), in text order."""
    index: dict[int, list[tuple[int, Party]]] = {}
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


def _reports(rec: Recognized, party: Party) -> bool:
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
        if match.has_any(MEETING_CUES) or match.has("office"):
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
    rec: Recognized, lexicon: Lexicon, all_parties: list[Party], sentences: list[int],
    group: list[Party], published: dt.date | None, elsewhere: frozenset[int] = frozenset(),
    order: list[Party] | None = None,
) -> Meeting:
    """The meeting of ``group`` told in ``sentences``; what ``elsewhere`` says belongs to
    another meeting."""
    doc = rec.doc
    cues = [m for sentence in sentences for m in rec.sentence_matches(sentence)]
    kind = _kind([m for s in {sentences[0], 0} for m in rec.sentence_matches(s)])
    status = _status(rec, cues, sentences)
    ahead = status == "planned" or any(m.has("cue.present") for m in rec.sentence_matches(_first_body_sentence(rec, sentences)))
    date = meeting_date(rec, lexicon, sentences, _lead_sentence(doc), published, prefer_future=ahead)
    if date is None and published and _told_in_present(rec, sentences):
        date = published  # "يشرف رئيس الحكومة على لقاء ...", no other clue: the day of the report
    if status == "held" and date and published and date > published:
        status = "planned"
    venue = None if kind in ("call", "virtual") else meeting_venue(rec, lexicon, sentences, group)
    participants = _resolve_counterparts(rec, [_display(rec, lexicon, party) for party in group], group, venue)
    participants = _known_office_holders(rec, lexicon, participants, group, published)
    participants = _host_state(rec, lexicon, participants, group, venue)
    shown = {id(party): p for party, p in zip(group, participants)}
    participants = _in_order(rec, roster(participants, lexicon), order or group)
    agenda = merge_topics(_here(agenda_items(rec, lexicon, all_parties, group, sentences), elsewhere), lexicon)
    statements = _union([_here(statements_of(rec, group, lambda party: speaker_label(
        shown[id(party)].name, shown[id(party)].role, shown[id(party)].affiliation, lexicon)), elsewhere)])
    first = min(sentences)
    sentence = doc.sentences[first]
    return Meeting(status, kind, date.isoformat() if date else None, venue, participants, agenda, statements,
                   Evidence(sentence.start, sentence.end, first))


def _in_order(rec: Recognized, participants: tuple[Participant, ...], order: list[Party]) -> tuple[Participant, ...]:
    """Participants in the order of ``order`` (sorted last: which party "نظيره" follows is read
    in the text's own order)."""
    rank = {rec.doc.tokens[party.mentions[0][0]].start: position for position, party in enumerate(order)}
    return tuple(sorted(participants, key=lambda p: rank.get(p.evidence.start, len(rank))))


def _here(items: list, elsewhere: frozenset[int]) -> list:
    return [item for item in items if item.evidence.sentence not in elsewhere]


def _resolve_counterparts(
    rec: Recognized, participants: list[Participant], group: list[Party], venue: Venue | None
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


def _known_office_holders(
    rec: Recognized, lexicon: Lexicon, participants: tuple[Participant, ...], group: list[Party],
    published: dt.date | None,
) -> tuple[Participant, ...]:
    """A notable office holder named without title or state ("استقبل السيسي الجبير") gets
    the role they held on the publication date, from the office holders lexicon."""
    if not any(p.name and p.affiliation is None and _is_known(rec, party) for p, party in zip(participants, group)):
        return participants
    holders = _holders_for(rec, lexicon)
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


def _is_known(rec: Recognized, party: Party) -> bool:
    return party.name is not None and any(
        rec.matches.get(start) is not None and rec.matches[start].has("person") for start, _ in party.mentions)


def _holders_for(rec: Recognized, lexicon: Lexicon) -> OfficeHolders:
    """The office holders checked against ``lexicon`` (imported late: most articles need none)."""
    from meetsum.lexicon import default_lexicon
    from meetsum.officeholders import default_officeholders, load_officeholders

    return rec.remember("holders", lambda: (
        default_officeholders() if lexicon is default_lexicon() else load_officeholders(lexicon)))


def _host_state(
    rec: Recognized, lexicon: Lexicon, participants: tuple[Participant, ...], group: list[Party],
    venue: Venue | None,
) -> tuple[Participant, ...]:
    """A national office holder with no stated state ("وزير الصحة" in a report from Riyadh)
    is the host's, when exactly one such participant exists and no other participant
    already stands for the host state (the venue's, else the dateline's)."""
    host = venue.country if venue else dateline_country(rec, lexicon)
    if host is None or any(p.affiliation == host for p in participants):
        return participants
    unplaced = [i for i, (p, party) in enumerate(zip(participants, group))
                if p.affiliation is None and party.title is not None and not party.title.collective]
    if len(unplaced) != 1:
        return participants
    index = unplaced[0]
    return participants[:index] + (replace(participants[index], affiliation=host),) + participants[index + 1 :]


def _kind(cues: list[Match]) -> str:
    """Call or video when the main sentence (or the headline) says so."""
    if any(m.has("cue.virtual") for m in cues):
        return "virtual"
    if any(m.has("cue.call") for m in cues):
        return "call"
    return "in_person"


def _first_body_sentence(rec: Recognized, sentences: list[int]) -> int:
    """The meeting's first sentence, or its second when the first is the headline, whose
    present tense says nothing about time."""
    if sentences[0] == 0 and _title_line(rec.doc) is not None and len(sentences) > 1:
        return sentences[1]
    return sentences[0]


def _told_in_present(rec: Recognized, sentences: list[int]) -> bool:
    first = _first_body_sentence(rec, sentences)
    headline = first == 0 and _title_line(rec.doc) is not None
    return not headline and any(m.has("cue.present") for m in rec.sentence_matches(first))


def _status(rec: Recognized, cues: list[Match], sentences: list[int]) -> str:
    first = _first_body_sentence(rec, sentences)
    main = [m for m in cues if rec.doc.tokens[m.start].sentence == first]
    if any(m.has("cue.planned") for m in main):
        return "planned"
    if any(m.has("cue.ongoing") for m in main):
        return "ongoing"
    return "held"


def _lead_sentence(doc: Document) -> int:
    """The first sentence of the body: after the headline when there is one."""
    return 1 if _title_line(doc) is not None and len(doc.sentences) > 1 else 0


# --------------------------------------------------------------------------- display


def _display(rec: Recognized, lexicon: Lexicon, party: Party) -> Participant:
    doc = rec.doc
    name = name_text(doc, party.name) if party.name else None
    role = None
    if party.title and not party.title.counterpart:
        title = party.title
        if title.role_end > title.role_start:
            role = span_text(doc, title.role_start, title.role_end, rec.matches[title.role_start].skip)
    affiliation = _affiliation_name(lexicon, party.affiliation, rec)
    start, end = party.mentions[0]
    aliases = tuple(sorted(a for a in party.aliases if a != name))
    return Participant(name, role, affiliation, evidence_of(doc, start, end), aliases)


def _affiliation_name(lexicon: Lexicon, entity: Entity | None, rec: Recognized | None = None) -> str | None:
    if entity is None:
        return None
    if entity.kind == "body" and rec is not None:
        first = rec.matches.get(entity.start)
        skip = (first.skip if first and entity.via == "group" else 1 if entity.via == "described_b"
                else _preposition_length(rec, entity.start))
        text = span_text(rec.doc, entity.start, entity.end, skip)
        return "ا" + text if skip and rec.doc.tokens[entity.start].key.startswith("لل") else text
    if entity.kind == "country":
        return lexicon.countries[entity.key].ar
    if entity.kind == "organization":
        return _organization_name(lexicon, entity, rec)
    return None


def _preposition_length(rec: Recognized, index: int) -> int:
    """1 when a body's first word carries the preposition ل of the role before it
    ("الأمين العام لحركة مشروع تونس"، "للاتحاد"): the word without it is a known one."""
    key = rec.doc.tokens[index].key
    if not key.startswith("ل") or rec.lexicon.words.get(key):
        return 0
    rest = "ا" + key[1:] if key.startswith("لل") else key[1:]
    return 1 if rec.lexicon.words.get(rest) else 0


def _organization_name(lexicon: Lexicon, entity: Entity, rec: Recognized | None) -> str:
    """The short name, or the article's own spelling of it (بوينج for بوينغ) when the
    article uses a one-for-one variant, without a clitic, and never the lexicon's form."""
    short = lexicon.organizations[entity.key].ar
    if rec is None or entity.start not in rec.matches or rec.matches[entity.start].skip:
        return short
    surface = span_text(rec.doc, entity.start, entity.end)
    same_length = len(surface.split()) == len(short.split())
    if same_length and match_key(surface) != match_key(short) and short not in rec.doc.text:
        return surface
    return short


# --------------------------------------------------------------------------- mentioned


def _mentioned(
    rec: Recognized, lexicon: Lexicon, parties: list[Party], taking_part: set[int],
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
        text = name_text(doc, party.name)
        found.setdefault(text, Mention(text, "person", evidence_of(doc, party.name[0], party.name[1])))
    venue_cities = {match_key(m.venue.city) for m in meetings if m.venue and m.venue.city}
    for entity in rec.entities:
        if entity.kind == "city" or entity.via != "name":
            continue
        if match_key(span_text(doc, entity.start, entity.end)) in venue_cities:
            continue  # "عمان" where the meeting is in Amman is not Oman
        if entity.kind == "organization" and lexicon.organizations[entity.key].kind == "body":
            continue
        name = _affiliation_name(lexicon, entity)
        if name and name not in represented:
            found.setdefault(name, Mention(name, entity.kind, evidence_of(doc, entity.start, entity.end)))
    return list(found.values())
