"""Separate meetings told in one sentence, and the order of a meeting's parties.

"بحث وفد حماس مع كل من بوغدانوف وفيدان ..." reports talks of one party with two others;
when later sentences tell each meeting apart ("اللقاء مع بوغدانوف"، "أكد فيدان خلال لقائه
مع وفد حماس") they are two meetings, each with its own parties and its own sentences: from
the sentence that names one of the others alone up to the one that names the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meetsum.recognize import Recognized
from meetsum.spans import MEETING_CUES

if TYPE_CHECKING:
    from meetsum.parties import Party

__all__ = ["Talks", "lead_first", "separate_talks"]

Mentions = dict[int, list[tuple[int, "Party"]]]  # sentence -> (start token, party), in text order


@dataclass(frozen=True, slots=True)
class Talks:
    """One meeting's sentences and parties; ``elsewhere``: sentences that belong to another
    meeting told in the same lead sentence (what they say is not this meeting's)."""

    sentences: list[int]
    parties: list[Party]
    elsewhere: frozenset[int] = frozenset()


def separate_talks(rec: Recognized, sentences: list[int], group: list[Party], mentions: Mentions) -> list[Talks]:
    """One :class:`Talks` per meeting of the group: the group itself, or one per party the
    lead party met separately."""
    lead = _with_several(rec, sentences, group, mentions)
    if lead is None:
        return [Talks(sentences, group)]
    sentence, host, guests = lead
    if not _told_apart(rec, sentence, guests, mentions):
        return [Talks(sentences, group)]
    owner = _owners(rec, sentence, guests, mentions)
    apart = {id(host), *map(id, guests)}
    rest = [p for p in group if id(p) not in apart]
    talks = []
    for guest in guests:
        elsewhere = frozenset(s for s, party in owner.items() if party is not guest)
        own = [s for s in sentences if s not in elsewhere]
        talks.append(Talks(own, [host, guest, *rest], elsewhere))
    return talks


def _with_several(
    rec: Recognized, sentences: list[int], group: list[Party], mentions: Mentions
) -> tuple[int, Party, list[Party]] | None:
    """The first sentence where one party of the group meets "with" two or more others:
    (sentence, that party, the others in text order)."""
    members = {id(p) for p in group}
    for sentence in sentences:
        with_at = next((m.start for m in rec.sentence_matches(sentence) if m.has("cue.with")), None)
        if with_at is None:
            continue
        found = [(start, p) for start, p in mentions.get(sentence, ()) if id(p) in members]
        before = _distinct(p for start, p in found if start < with_at)
        after = [p for p in _distinct(p for start, p in found if start > with_at) if id(p) != id(before[0])] if (
            len(before) == 1) else []
        if len(before) == 1 and len(after) >= 2:
            return sentence, before[0], after
    return None


def _told_apart(rec: Recognized, lead: int, guests: list[Party], mentions: Mentions) -> bool:
    """Every guest has a later sentence of its own that names one meeting with "with"
    ("اللقاء مع X"، "أكد Y خلال لقائه مع ...") and no other guest."""
    apart: set[int] = set()
    for sentence in (s for s in sorted(mentions) if s > lead):
        named = _guests_in(sentence, guests, mentions)
        if len(named) != 1:
            continue
        matches = rec.sentence_matches(sentence)
        if any(meeting.has_any(MEETING_CUES) and after.has("cue.with") and after.start == meeting.end
               for meeting, after in zip(matches, matches[1:])):
            apart.add(id(named[0]))
    return len(apart) == len(guests)


def _owners(rec: Recognized, lead: int, guests: list[Party], mentions: Mentions) -> dict[int, Party]:
    """Each sentence after the lead that is about one guest's meeting: from one that names
    that guest alone up to the next that names another."""
    owner: dict[int, Party] = {}
    current: Party | None = None
    for sentence in range(lead + 1, len(rec.doc.sentences)):
        named = _guests_in(sentence, guests, mentions)
        if len(named) == 1:
            current = named[0]
        elif len(named) > 1:
            current = None
        if current is not None:
            owner[sentence] = current
    return owner


def _guests_in(sentence: int, guests: list[Party], mentions: Mentions) -> list[Party]:
    ids = {id(p) for p in guests}
    return _distinct(p for _, p in mentions.get(sentence, ()) if id(p) in ids)


def _distinct(parties) -> list[Party]:
    seen: dict[int, Party] = {}
    for party in parties:
        seen.setdefault(id(party), party)
    return list(seen.values())


# --------------------------------------------------------------------------- order


def lead_first(rec: Recognized, sentences: Sequence[int], group: list[Party], mentions: Mentions,
               title: str | None) -> list[Party]:
    """The group in the order of the first body sentence that names two of its parties (the
    subject or host leads), then the others as they first appear."""
    members = {id(p) for p in group}
    for sentence in sentences:
        if title and _within_title(rec, sentence, title):
            continue  # the headline, or the headline repeated at the top of the body
        named = _distinct(p for _, p in mentions.get(sentence, ()) if id(p) in members)
        if len(named) >= 2:
            first = {id(p) for p in named}
            return named + [p for p in group if id(p) not in first]
    return group


def _within_title(rec: Recognized, sentence: int, title: str) -> bool:
    span = rec.doc.sentences[sentence]
    return " ".join(rec.doc.text[span.start : span.end].split()) in " ".join(title.split())
