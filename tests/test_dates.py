"""Dates: explicit Gregorian and Hijri dates, relative days, weekdays, days of the month.

Every sentence here was written by the team in the style of Arabic news agencies; none is
taken from a real article. 2025-05-20, the publication date most cases use, is a Tuesday.
"""

import datetime as dt

import pytest

from meetsum import summarize
from meetsum.dates import find_dates, parse_published
from meetsum.lexicon import default_lexicon
from meetsum.text import analyze

TUESDAY = "2025-05-20"


def _clues(text, published, *, prefer_future=False):
    doc = analyze(text)
    lexicon = default_lexicon()
    matches = {match.start: match for match in lexicon.find_all(doc.tokens)}
    return doc, find_dates(doc.tokens, matches, lexicon, parse_published(published), prefer_future=prefer_future)


def _dates(text, published, *, prefer_future=False):
    _, clues = _clues(text, published, prefer_future=prefer_future)
    return [clue.date.isoformat() for clue in clues]


# --------------------------------------------------------------------------- explicit dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Egyptian / Gulf month names
        ("التقى الوزير نظيره في 15 مايو 2025.", "2025-05-15"),
        ("التقى الوزير نظيره في 5 إبريل 2025.", "2025-04-05"),
        # Levantine month names, one and two words
        ("التقى الوزير نظيره في 15 أيار 2025.", "2025-05-15"),
        ("التقى الوزير نظيره في 2 كانون الثاني 2025.", "2025-01-02"),
        ("التقى الوزير نظيره في 2 تشرين الأول 2024.", "2024-10-02"),
        # both names of one month
        ("التقى الوزير نظيره في 15 مايو/أيار 2025.", "2025-05-15"),
        ("التقى الوزير نظيره في 15 مايو (أيار) 2025.", "2025-05-15"),
        # Maghrebi month names
        ("اجتمع الوزير يوم 3 جانفي 2025 بنظيره.", "2025-01-03"),
        ("اجتمع الوزير يوم 12 فيفري 2025 بنظيره.", "2025-02-12"),
        ("اجتمع الوزير يوم 9 أفريل 2025 بنظيره.", "2025-04-09"),
        ("اجتمع الوزير يوم 14 جويلية 2024 بنظيره.", "2024-07-14"),
        ("اجتمع الوزير يوم 21 أوت 2024 بنظيره.", "2024-08-21"),
        # Arabic-Indic digits
        ("التقى الوزير نظيره في ١٥ مايو ٢٠٢٥.", "2025-05-15"),
        # the year after عام or سنة
        ("وقع الطرفان المعاهدة في 30 آذار عام 1867.", "1867-03-30"),
        ("التقى الوزير نظيره في 3 مايو سنة 2024.", "2024-05-03"),
        ("التقى الوزير نظيره في ٣ جويلية ٢٠٢٤.", "2024-07-03"),
    ],
)
def test_explicit_gregorian_dates(text, expected):
    assert _dates(text, TUESDAY) == [expected]


def test_a_month_written_twice_is_one_date_spanning_both_names():
    text = "التقى الوزير نظيره في 15 مايو/أيار 2025 بالعاصمة."
    doc, clues = _clues(text, TUESDAY)
    assert len(clues) == 1
    clue = clues[0]
    assert clue.explicit
    assert text[doc.tokens[clue.start].start : doc.tokens[clue.end - 1].end] == "15 مايو/أيار 2025"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # no year: the occurrence nearest to publication, across a year end either way
        ("اجتمع الوزير يوم 10 مارس بنظيره.", "2025-03-12", "2025-03-10"),
        ("اجتمع الوزير يوم 28 ديسمبر بنظيره.", "2025-01-03", "2024-12-28"),
        ("اجتمع الوزير يوم 3 يناير بنظيره.", "2024-12-30", "2025-01-03"),
        ("يلتقي الوزير نظيره في 3 جوان.", TUESDAY, "2025-06-03"),
    ],
)
def test_a_date_without_a_year_is_the_nearest_to_publication(text, published, expected):
    assert _dates(text, published) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اجتمع الوزير يوم 8 ذي القعدة 1446 هـ بنظيره.", "2025-05-06"),
        ("اجتمع الوزير يوم 1 رمضان 1446 ه بنظيره.", "2025-03-01"),
        ("اجتمع الوزير يوم ٨ ذي القعدة ١٤٤٦ هـ بنظيره.", "2025-05-06"),
    ],
)
def test_hijri_dates_convert_to_gregorian(text, expected):
    assert _dates(text, TUESDAY) == [expected]


def test_a_hijri_date_and_its_gregorian_equivalent_agree():
    text = "اجتمع الوزير في 15 مايو 2025 الموافق 17 ذي القعدة 1446 هـ بنظيره."
    assert _dates(text, TUESDAY) == ["2025-05-15", "2025-05-15"]


@pytest.mark.parametrize(
    "text",
    [
        "التقى الوزير نظيره في 31 نوفمبر 2025.",  # no such day
        "التقى الوزير نظيره في 20 رمضان.",  # a Hijri day without a year is not resolved
    ],
)
def test_impossible_or_unresolvable_dates_give_nothing(text):
    assert _dates(text, TUESDAY) == []


def test_two_dates_in_one_sentence_come_in_text_order():
    text = "وصل الوفد في 3 أيار وغادر في 5 أيار."
    assert _dates(text, TUESDAY) == ["2025-05-03", "2025-05-05"]


# --------------------------------------------------------------------------- relative dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزير اليوم نظيره.", "2025-05-20"),
        ("التقى الوزير أمس نظيره.", "2025-05-19"),
        ("التقى الوزير مساء أمس نظيره.", "2025-05-19"),
        ("التقى الوزير أول أمس نظيره.", "2025-05-18"),
        ("التقى الوزير أمس الأول نظيره.", "2025-05-18"),
        ("التقى الوزير مساء أمس الأول نظيره.", "2025-05-18"),
        ("التقى الوزير صباح أول أمس نظيره.", "2025-05-18"),
        ("يلتقي الوزير غدا نظيره.", "2025-05-21"),
    ],
)
def test_relative_days_resolve_against_publication(text, expected):
    assert _dates(text, TUESDAY) == [expected]


def test_a_count_of_days_before_publication():
    assert _dates("وقبل 4 أيام أجرى الوفد زيارة إلى العاصمة.", TUESDAY) == ["2025-05-16"]
    assert _dates("عقد المجلس اجتماعا منذ يومين.", TUESDAY) == ["2025-05-18"]
    assert _dates("التقى الوزير نظيره قبل ثلاثة أيام.", TUESDAY) == ["2025-05-17"]
    # counted from another event of the text, not from the report
    assert _dates("وصل الوفد قبل يومين من القمة.", TUESDAY) == []
    assert _dates("وصل الوفد قبل 3 أيام فقط من الزيارة.", TUESDAY) == []


def test_a_count_of_days_dates_the_meeting_only_beside_its_meeting_word():
    beside = ("وقبل يومين التقى وزير الخارجية الأردني أيمن الصفدي وزير الخارجية الألماني يوهان فاديفول "
              "في عمان.")
    apart = ("أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع وزير الخارجية الألماني يوهان "
             "فاديفول هنأه فيه على فوز حزبه في الانتخابات التي جرت في ولاية بافاريا قبل يومين.")
    assert summarize(beside, published=TUESDAY).date == "2025-05-18"
    assert summarize(apart, published=TUESDAY).date is None


@pytest.mark.parametrize(
    "text",
    [
        "التقى الوزير نظيره في اليوم الثاني من زيارته.",
        "عاد الوفد في اليوم التالي إلى العاصمة.",
        "استقبل الأمير المهنئين باليوم الوطني.",
        "اختتمت القمة أعمالها في اليوم الأخير.",
    ],
)
def test_a_day_named_by_the_word_after_it_is_not_today(text):
    assert _dates(text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("التقى الوزير الأحد الماضي نظيره.", TUESDAY, "2025-05-18"),
        ("التقى الوزير الثلاثاء الماضي نظيره.", TUESDAY, "2025-05-13"),  # written on a Tuesday
        ("التقى الوزير الأحد الماضي نظيره.", "2025-05-18", "2025-05-11"),  # written on a Sunday
        ("يلتقي الوزير الخميس المقبل نظيره.", TUESDAY, "2025-05-22"),
        ("يلتقي الوزير الخميس القادم نظيره.", TUESDAY, "2025-05-22"),
        ("يلتقي الوزير الخميس المقبل نظيره.", "2025-05-22", "2025-05-29"),  # written on a Thursday
        ("التقى الوزير يوم الأحد نظيره.", TUESDAY, "2025-05-18"),  # unmarked: the last one
        ("التقى الوزير يوم الثلاثاء نظيره.", TUESDAY, "2025-05-20"),  # unmarked, same day
        ("اجتماع المجلس الجمعة في الرياض.", TUESDAY, "2025-05-16"),  # unmarked, four days back
        ("اجتماع المجلس الأربعاء في الرياض.", TUESDAY, "2025-05-21"),  # six days back: tomorrow
        ("اجتماع المجلس الخميس في الرياض.", TUESDAY, "2025-05-22"),  # five days back: this week's
        ("اجتماع المجلس الأربعاء الماضي في الرياض.", TUESDAY, "2025-05-14"),  # marked: a week back
    ],
)
def test_weekdays_with_past_and_next_markers(text, published, expected):
    assert _dates(text, published) == [expected]


def test_an_unmarked_weekday_looks_ahead_when_the_meeting_is_ahead():
    assert _dates("يلتقي الوزير يوم الأحد نظيره.", TUESDAY, prefer_future=True) == ["2025-05-25"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يلتقي الوزير في الـ 12 من الشهر الجاري نظيره.", "2025-05-12"),
        ("يلتقي الوزير في الـ 28 من الشهر الحالي نظيره.", "2025-05-28"),
        ("يلتقي الوزير في الـ 3 من الشهر المقبل نظيره.", "2025-06-03"),
    ],
)
def test_a_day_of_this_or_next_month(text, expected):
    assert _dates(text, TUESDAY) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزير أمس نظيره.", []),
        ("التقى الوزير الأحد الماضي نظيره.", []),
        ("التقى الوزير نظيره في 15 مايو.", []),
        ("التقى الوزير نظيره في 15 مايو 2025.", ["2025-05-15"]),
    ],
)
def test_without_a_publication_date_only_complete_dates_resolve(text, expected):
    assert _dates(text, None) == expected


# --------------------------------------------------------------------------- the summary's date

_MEETING = "{verb} وزير الخارجية الأردني أيمن الصفدي {when} وزير الخارجية الألماني يوهان فاديفول."


@pytest.mark.parametrize(
    ("verb", "when", "published", "date", "status"),
    [
        ("التقى", "اليوم", TUESDAY, "2025-05-20", "held"),
        ("التقى", "أول أمس", TUESDAY, "2025-05-18", "held"),
        ("التقى", "يوم الأحد", TUESDAY, "2025-05-18", "held"),
        ("يلتقي", "يوم الأحد", TUESDAY, "2025-05-25", "planned"),
        ("يلتقي", "غدا", TUESDAY, "2025-05-21", "planned"),
        ("من المقرر أن يلتقي", "الخميس المقبل", TUESDAY, "2025-05-22", "planned"),
        ("سيلتقي", "في الـ 28 من الشهر الجاري", TUESDAY, "2025-05-28", "planned"),
        ("التقى", "في 8 ذي القعدة 1446 هـ", TUESDAY, "2025-05-06", "held"),
        ("التقى", "في ١٨ مايو ٢٠٢٥", TUESDAY, "2025-05-18", "held"),
        ("التقى", "في 3 جويلية 2024", TUESDAY, "2024-07-03", "held"),
        ("التقى", "اليوم", None, None, "held"),
    ],
)
def test_summary_date_and_status(verb, when, published, date, status):
    summary = summarize(_MEETING.format(verb=verb, when=when), published=published)
    assert summary.meeting_detected
    assert (summary.date, summary.status) == (date, status)


def test_a_dateline_date_is_read_from_the_first_sentence():
    text = "عمان (بترا) - التقى وزير الخارجية الأردني أيمن الصفدي اليوم وزير الخارجية الألماني يوهان فاديفول."
    assert summarize(text, published=TUESDAY).date == "2025-05-20"


def test_background_dates_weeks_before_publication_do_not_date_the_meeting():
    text = ("التقى وزير الخارجية الأردني أيمن الصفدي وزير الخارجية الألماني يوهان فاديفول في 18 مايو، "
            "بعد أن التقيا آخر مرة في 2 مارس.")
    assert summarize(text, published=TUESDAY).date == "2025-05-18"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تعقد القمة في الثاني عشر من يونيو المقبل.", ["2025-06-12"]),
        ("وصل الوفد في الحادي والعشرين من مايو 2025.", ["2025-05-21"]),
        ("يزور الوزير الجزائر يوم غرة جوان 2025.", ["2025-06-01"]),
        ("يلتقي الرئيسان في الخامس من الشهر المقبل.", ["2025-06-05"]),
        # an ordinal with no month after it is no date
        ("هذا هو اللقاء الثاني من نوعه بين الرئيسين.", []),
        # an ordinal that counts weeks, quarters or halves is no day
        ("تعقد الجولة المؤجلة في الأسبوع الأول من أبريل المقبل.", []),
        ("ارتفعت الصادرات في الربع الثاني من يونيو.", []),
        ("يلتقي الرئيسان في النصف الأول من يوليو.", []),
    ],
)
def test_days_written_as_ordinals(text, expected):
    assert _dates(text, TUESDAY) == expected


def test_a_headline_in_the_present_does_not_put_a_past_meeting_ahead():
    # headlines report past events in the present tense: the body's past verb dates the weekday
    text = ("الصفدي يلتقي فاديفول في عمان\n\n"
            "التقى وزير الخارجية الأردني أيمن الصفدي الأحد وزير الخارجية الألماني يوهان فاديفول.")
    summary = summarize(text, published=TUESDAY)
    assert (summary.date, summary.status) == ("2025-05-18", "held")


# --------------------------------------------------------------------------- parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-12-07", dt.date(2024, 12, 7)), ("2024-02-29", dt.date(2024, 2, 29)), (None, None)],
)
def test_parse_published_accepts_iso_dates(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["20241207", "2024-13-01", "2025-02-29", "24-12-07", "2024/12/07", " 2024-12-07", "2024-12-7", ""],
)
def test_parse_published_rejects_other_forms(value):
    with pytest.raises(ValueError):
        parse_published(value)


@pytest.mark.parametrize("value", ["20241207", "2024-13-01"])
def test_summarize_rejects_a_malformed_publication_date(value):
    with pytest.raises(ValueError):
        summarize("التقى الوزير نظيره.", published=value)


def test_words_spelled_like_bare_weekdays_are_not_dates():
    from meetsum import summarize
    text = "التقى أحد المسؤولين الفرنسيين في لقاء جمعه مع رئيس الوزراء الهندي ناريندرا مودي الرئيس الفرنسي إيمانويل ماكرون."
    assert summarize(text, published="2025-05-20").date is None


# --------------------------------------------------------------------------- the report's own date

_STATED = ("التقى وزير الخارجية الأردني أيمن الصفدي أمس وزير الخارجية الألماني يوهان فاديفول في عمان.\n"
           "وأعلنت وزارة الخارجية {today} أن الوزير سيزور برلين الشهر المقبل.")


@pytest.mark.parametrize(
    ("today", "date"),
    [
        ("اليوم الاثنين 19 مايو 2025", "2025-05-18"),  # 19 May 2025 is a Monday
        ("اليوم، الاثنين، 19 مايو 2025", "2025-05-18"),
        ("اليوم 19 مايو 2025", "2025-05-18"),
        ("اليوم الأحد 19 مايو 2025", None),  # the weekday is not that date's: no statement of today
        ("في 19 مايو 2025", None),  # a date, not today's
    ],
)
def test_without_a_publication_date_the_text_may_state_its_own_day(today, date):
    summary = summarize(_STATED.format(today=today), published=None)
    assert summary.meeting_detected
    assert (summary.date, summary.published) == (date, None)


def test_a_publication_date_given_wins_over_the_day_the_text_states():
    summary = summarize(_STATED.format(today="اليوم الاثنين 19 مايو 2025"), published=TUESDAY)
    assert summary.date == "2025-05-19"
