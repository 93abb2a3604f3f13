"""Dates: explicit Gregorian and Hijri dates, relative days and weekdays.

Relative expressions (أمس، اليوم، الأحد الماضي، الخميس المقبل) resolve against the
publication date. Hijri dates convert with ``hijridate`` (Umm al-Qura), imported only
when an article has one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from meetsum.lexicon import Lexicon, Match
from meetsum.text import Token

__all__ = ["DATE_KINDS", "DateClue", "find_dates", "parse_published"]


@dataclass(frozen=True, slots=True)
class DateClue:
    """A resolved date and the tokens it was read from."""

    date: dt.date
    start: int
    end: int
    explicit: bool  # written out (day and month), not relative
    counted: bool = False  # a count of days before publication ("قبل يومين"), not a named day


def parse_published(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` to a date; ValueError on anything else."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def find_dates(
    tokens: Sequence[Token], matches: dict[int, Match], lexicon: Lexicon,
    published: dt.date | None, *, prefer_future: bool = False, calendar: Iterable[Match] | None = None,
) -> list[DateClue]:
    """Every date expression in ``tokens``, in text order. ``calendar``, the matches of the
    ``DATE_KINDS`` in text order, spares a scan of all ``matches`` when the caller has them."""
    clues = []
    if calendar is None:  # most matches are no calendar word
        calendar = [matches[start] for start in sorted(matches) if matches[start].has_any(DATE_KINDS)]
    for match in calendar:
        clue = (
            _explicit(tokens, matches, match, published)
            or _day_of_month(tokens, matches, match, published)
            or _relative(tokens, matches, match, published)
            or _weekday(tokens, matches, match, published, prefer_future)
        )
        if clue:
            clues.append(clue)
    return clues


DATE_KINDS = frozenset({"month", "hijri_month", "this_month", "next_month", "relative_day", "days_ago", "weekday"})


def _number(tokens: Sequence[Token], index: int) -> int | None:
    if 0 <= index < len(tokens) and tokens[index].key.isdigit() and len(tokens[index].key) <= 4:
        return int(tokens[index].key)
    return None


def _explicit(
    tokens: Sequence[Token], matches: dict[int, Match], match: Match, published: dt.date | None
) -> DateClue | None:
    """``15 مايو 2025``, ``15 مايو/أيار``, ``20 رمضان 1446 ه``, ``الثاني عشر من يونيو``,
    ``30 آذار عام 1867``."""
    hijri = match.has("hijri_month")
    if not (match.has("month") or hijri):
        return None
    day, start = _day_before(tokens, matches, match.start)
    if day is None or not 1 <= day <= 30 + (not hijri):
        return None
    end = match.end
    # a second name of the same month: "مايو/أيار", "مايو (أيار)"
    while end < len(tokens) and tokens[end].key in ("/", "(", "-") and _is_month(matches.get(end + 1)):
        end = matches[end + 1].end
    if end < len(tokens) and tokens[end].key == ")":
        end += 1
    if end < len(tokens) and tokens[end].key in _YEAR_WORDS and (_number(tokens, end + 1) or 0) >= 1300:
        end += 1  # "آذار عام 1867"
    year = _number(tokens, end)
    if year is not None and year >= 1300:
        end += 1
    month = int((match.keys("hijri_month") or match.keys("month"))[0])
    return _build_explicit(day, month, year, hijri, published, start, end)


_YEAR_WORDS = frozenset({"عام", "العام", "لعام", "سنه", "لسنه"})


def _day_before(tokens: Sequence[Token], matches: dict[int, Match], index: int) -> tuple[int | None, int]:
    """The day written right before token ``index`` and where it starts: a number ("12") or an
    ordinal with its من ("الثاني عشر من"), not one that counts weeks or quarters."""
    day = _number(tokens, index - 1)
    if day is not None:
        return day, index - 1
    for back in range(1, 5):
        ordinal = matches.get(index - back)
        if ordinal is not None and ordinal.end == index and ordinal.has("ordinal_day"):
            period = matches.get(ordinal.start - 1)
            if period is not None and period.end == ordinal.start and period.has("day_period"):
                return None, index  # "الأسبوع الأول من نيسان": a week, not the 1st
            return int(ordinal.keys("ordinal_day")[0]), ordinal.start
    return None, index


def _day_of_month(
    tokens: Sequence[Token], matches: dict[int, Match], match: Match, published: dt.date | None
) -> DateClue | None:
    """"في الـ 12 من الشهر الجاري", "الثاني عشر من الشهر المقبل": a day of the publication
    month (or the next)."""
    if published is None or not (match.has("this_month") or match.has("next_month")):
        return None
    day, start = _day_before(tokens, matches, match.start)
    if day is None:
        return None
    month, year = published.month, published.year
    if match.has("next_month"):
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    try:
        return DateClue(dt.date(year, month, day), start, match.end, True)
    except ValueError:
        return None


def _is_month(match: Match | None) -> bool:
    return match is not None and match.has("month")


def _build_explicit(
    day: int, month: int, year: int | None, hijri: bool, published: dt.date | None, start: int, end: int
) -> DateClue | None:
    try:
        if hijri:
            if year is None:
                return None
            from hijridate import Hijri  # late import: rarely needed

            gregorian = Hijri(year, month, day).to_gregorian()
            return DateClue(dt.date(gregorian.year, gregorian.month, gregorian.day), start, end, True)
        if year is None:
            if published is None:
                return None
            year = _nearest_year(published, month, day)
        return DateClue(dt.date(year, month, day), start, end, True)
    except (ValueError, OverflowError):
        return None


def _nearest_year(published: dt.date, month: int, day: int) -> int:
    """A day and month without a year: the occurrence closest to the publication date."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda date: abs((date - published).days)).year


def _relative(
    tokens: Sequence[Token], matches: dict[int, Match], match: Match, published: dt.date | None
) -> DateClue | None:
    """أمس، اليوم، غدا، قبل يومين، "قبل 3 أيام"; not a day named by what follows ("اليوم
    التالي"، "اليوم الثاني من الزيارة"، "اليوم الوطني"), nor days counted from another event
    ("قبل يومين من القمة")."""
    if published is None:
        return None
    offsets, end = match.keys("relative_day"), match.end
    counted = tokens[match.start].key[match.skip:] in _AGO
    if not offsets and match.has("days_ago"):  # "قبل 3 أيام"
        count = _number(tokens, end)
        if count is None or not 2 <= count <= _DAYS_AGO_MAX or end + 1 >= len(tokens) or tokens[end + 1].key != _DAYS:
            return None
        offsets, end = [str(-count)], end + 2
    if not offsets or counted and _counted_from_event(tokens, end) or _qualified(matches.get(end)):
        return None
    return DateClue(published + dt.timedelta(days=int(offsets[0])), match.start, end, False, counted)


_AGO, _DAYS, _DAYS_AGO_MAX = frozenset({"قبل", "منذ"}), "ايام", 9
_FROM_EVENT, _ONLY = frozenset({"من", "علي"}), frozenset({"فقط"})


def _counted_from_event(tokens: Sequence[Token], end: int) -> bool:
    """"قبل يومين (فقط) من الزيارة": days before an event of the text, not the report."""
    while end < len(tokens) and tokens[end].key in _ONLY:
        end += 1
    return end < len(tokens) and tokens[end].key in _FROM_EVENT


def _qualified(following: Match | None) -> bool:
    return following is not None and following.has_any(("day_qualifier", "ordinal_day"))


def _weekday(
    tokens: Sequence[Token], matches: dict[int, Match], match: Match, published: dt.date | None,
    prefer_future: bool,
) -> DateClue | None:
    days = match.keys("weekday")
    if not days or published is None:
        return None
    end, following = match.end, matches.get(match.end)
    direction, marked = (1 if prefer_future else -1), False
    if following and following.has("weekday_past"):
        direction, end, marked = -1, following.end, True
    elif following and following.has("weekday_next"):
        direction, end, marked = 1, following.end, True
    ahead = (int(days[0]) - published.weekday()) % 7
    days_away = ahead if direction > 0 else (7 - ahead) % 7
    if not marked and direction < 0 and days_away >= _FAR_BACK:  # a bare weekday is this week's:
        direction, days_away = 1, ahead  # "الثلاثاء" written on a Monday is tomorrow, not six days ago
    if marked and days_away == 0:  # "الأحد الماضي" written on a Sunday: a week before
        days_away = 7
    return DateClue(published + dt.timedelta(days=direction * days_away), match.start, end, False)


_FAR_BACK = 5  # days: a day this far back is written "الثلاثاء الماضي"
