"""The date of one meeting, chosen among the date clues of the text (``meetsum.dates``).

The meeting's own sentences date it; failing them, the lead sentence.
"""

from __future__ import annotations

import datetime as dt

from meetsum.dates import DATE_KINDS, DateClue, find_dates
from meetsum.lexicon import Lexicon, Match
from meetsum.recognize import Recognized
from meetsum.spans import MEETING_CUES

__all__ = ["is_news", "meeting_date", "stated_today"]

_RECENT_DAYS, _AHEAD_DAYS = 7, 90


def meeting_date(
    rec: Recognized, lexicon: Lexicon, sentences: list[int], lead: int, published: dt.date | None,
    *, prefer_future: bool,
) -> dt.date | None:
    """The best date clue of the meeting's sentences: a written-out date, then a marked
    weekday (الاثنين القادم), then the earliest sentence's relative day."""
    tokens = rec.doc.tokens
    clues = _dated_clues(rec, lexicon, published, prefer_future)
    order = {sentence: rank for rank, sentence in enumerate(sentences)}
    candidates = [c for c in clues if tokens[c.start].sentence in order]
    if not candidates:  # the lead sentence dates the event it reports
        candidates = [c for c in clues if tokens[c.start].sentence == lead]
        order = {lead: 0}
    candidates = [c for c in candidates if not c.counted or _next_to_meeting_word(rec, c)]
    if prefer_future and published:  # a meeting still ahead is not dated by a day already past
        candidates = [c for c in candidates if c.date >= published] or candidates
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (
        is_news(c.date, published), c.explicit, c.end - c.start > 1, -order[tokens[c.start].sentence]))
    return best.date


def _next_to_meeting_word(rec: Recognized, clue: DateClue) -> bool:
    """A count of days ("قبل يومين") dates the meeting only beside its meeting word ("وقبل 4
    أيام أجرى وفد"، "عقدت اجتماعا ... منذ يومين"); further off it dates another event of the
    sentence ("هنأه على إعادة انتخابه قبل يومين")."""
    sentence = rec.doc.tokens[clue.start].sentence
    return any(m.has_any(MEETING_CUES) and clue.start - _COUNT_REACH <= m.start <= clue.end + _COUNT_REACH
               for m in rec.sentence_matches(sentence))


_COUNT_REACH = 6  # tokens


def stated_today(rec: Recognized, lexicon: Lexicon) -> dt.date | None:
    """The report's own date where it spells out today ("أكدت اليوم الاثنين 18 جانفي 2016
    أن ..."): the day أمس or a weekday count from when no publication date is given. A
    weekday that does not fall on the date after it makes it no statement of today."""
    tokens, matches = rec.doc.tokens, rec.matches
    for clue in find_dates(tokens, matches, lexicon, None, calendar=rec.with_kinds(DATE_KINDS)):
        before, weekday = _match_before(rec, clue.start), None
        if before is not None and before.has("weekday"):
            weekday = int(before.keys("weekday")[0])
            before = _match_before(rec, before.start)
        if before is not None and before.keys("relative_day") == ["0"] and weekday in (None, clue.date.weekday()):
            return clue.date
    return None


def _match_before(rec: Recognized, index: int) -> Match | None:
    """The lexicon match that ends right before token ``index``, commas aside."""
    tokens = rec.doc.tokens
    index -= 1
    while index >= 0 and tokens[index].key in _COMMAS:
        index -= 1
    for start in range(index, max(-1, index - _LONGEST_DAY_WORDS), -1):
        if (match := rec.matches.get(start)) is not None:
            return match if match.end == index + 1 else None
    return None


_COMMAS = frozenset({"،", ","})
_LONGEST_DAY_WORDS = 3  # "صباح أمس الأول"


def is_news(date: dt.date, published: dt.date | None) -> bool:
    """A report's own meeting is recent or ahead; a date weeks before publication is
    background ("met for the last time on 11 December")."""
    if published is None:
        return True
    return -_RECENT_DAYS <= (date - published).days <= _AHEAD_DAYS


def _dated_clues(rec: Recognized, lexicon: Lexicon, published: dt.date | None, ahead: bool) -> list[DateClue]:
    """Date clues, a bare weekday read forward when the meeting lies ahead or its own
    sentence speaks in the present or future ("يقوم السيسي الاثنين بزيارة")."""
    tokens = rec.doc.tokens
    def build() -> list[DateClue]:
        calendar = rec.with_kinds(DATE_KINDS)
        back = find_dates(tokens, rec.matches, lexicon, published, prefer_future=False, calendar=calendar)
        forward = find_dates(tokens, rec.matches, lexicon, published, prefer_future=True, calendar=calendar)
        chosen = []
        for past, future in zip(back, forward):
            sentence = tokens[past.start].sentence
            looks_ahead = ahead or any(m.has("cue.present") or m.has("cue.planned") for m in rec.sentence_matches(sentence))
            chosen.append(future if looks_ahead else past)
        return chosen
    return rec.remember(("dates", published, ahead), build)
