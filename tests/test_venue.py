"""Venue: the city where the meeting takes place, not every city the report names.

The sentences are written by the team in the style of Arabic news agencies; the events are
invented.
"""

import pytest

from meetsum import summarize

PUBLISHED = "2025-05-20"


def _city(text):
    summary = summarize(text, published=PUBLISHED)
    assert summary.meeting_detected
    return summary.venue.city if summary.venue else None


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # the city visited
        ("التقى الرئيس المصري عبدالفتاح السيسي اليوم الرئيس الكيني وليام روتو الذي يزور القاهرة.", "القاهرة"),
        ("التقى الرئيس الإندونيسي برابوو سوبيانتو الرئيس الصيني شي جين بينغ خلال زيارته بكين أمس.", "بكين"),
        # ل + ال: the article comes back
        ("التقى وزير الخارجية السوداني علي يوسف الرئيس المصري عبدالفتاح السيسي خلال زيارة للقاهرة أمس.",
         "القاهرة"),
        # a meeting named after its city
        ("أكد الرئيس الأمريكي دونالد ترامب والرئيس الروسي فلاديمير بوتين خلال قمة هلسنكي أهمية الحوار.",
         "هلسنكي"),
        # the city that hosts it
        ("التقى أمير قطر الشيخ تميم بن حمد الرئيس التركي رجب طيب أردوغان على هامش القمة التي تستضيفها "
         "إسطنبول.", "إسطنبول"),
        # a village named as such
        ("اجتمع الرئيس الكوري الجنوبي لي جاي ميونغ مع الزعيم الكوري الشمالي كيم جونغ أون في قرية "
         "بانمونجوم الحدودية.", "بانمونجوم"),
    ],
)
def test_a_placed_city_is_the_venue(text, city):
    assert _city(text) == city


@pytest.mark.parametrize(
    "text",
    [
        # capitals standing for their governments
        "التقى وزير الخارجية الصيني وانغ يي نظيره الروسي سيرغي لافروف لبحث التوتر بين بكين وواشنطن.",
        "بحث وزير الخارجية البريطاني ديفيد لامي مع نظيره الفرنسي جان نويل بارو رد واشنطن على المقترح.",
    ],
)
def test_a_city_merely_named_is_no_venue(text):
    assert _city(text) is None


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        # a capital that bears its state's name, named alone, is the state
        ("التقى الرئيس التونسي قيس سعيد اليوم وزير الخارجية الإيطالي أنطونيو تاياني الذي يؤدي زيارة إلى تونس.",
         None, "تونس"),
        # ... unless the text calls it a city
        ("التقى الرئيس التونسي قيس سعيد اليوم في العاصمة تونس وزير الخارجية الإيطالي أنطونيو تاياني.",
         "تونس", "تونس"),
        # ... or the state is that one city
        ("التقى رئيس وزراء سنغافورة لورانس وونغ اليوم في سنغافورة رئيس الوزراء الماليزي أنور إبراهيم.",
         "سنغافورة", "سنغافورة"),
    ],
)
def test_a_state_named_like_its_capital(text, city, country):
    venue = summarize(text, published=PUBLISHED).venue
    assert (venue.city if venue else None, venue.country if venue else None) == (city, country)


def test_a_dateline_in_a_state_no_party_stands_for_is_where_the_report_was_filed():
    text = ("دبي، الإمارات العربية المتحدة (CNN)-- التقى وزير الخارجية المصري بدر عبد العاطي نظيره "
            "الأردني أيمن الصفدي، وبحث الجانبان التعاون الثنائي.")
    assert _city(text) is None


def test_a_dateline_in_a_party_s_state_is_the_venue():
    text = ("موسكو 12 مايو (رويترز) - التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري بدر عبد "
            "العاطي، وبحث الجانبان التعاون الثنائي.")
    assert _city(text) == "موسكو"


def test_a_bureau_dateline_whose_state_the_story_never_names_again_is_no_venue():
    text = ("دبي، الإمارات العربية المتحدة (CNN)-- التقى وزير الخارجية الأمريكي ماركو روبيو أمس "
            "السفير منصور العلي، وبحثا الأوضاع في اليمن.")
    summary = summarize(text, published=PUBLISHED)
    assert summary.meeting_detected
    assert (summary.venue.city if summary.venue else None) != "دبي"
    assert "الإمارات" not in [p.affiliation for p in summary.participants]  # no host state either


def test_an_agency_dateline_that_names_the_city_alone_stands():
    text = ("أبها 25 مايو (واس) - استقبل أمير المنطقة الأمير فيصل بن خالد في مكتبه أمس رئيس فرع "
            "الإفتاء الدكتور سعد الحجري.")
    assert _city(text) == "أبها"


def test_a_city_a_reporter_files_from_is_no_venue():
    text = ("التقى وزير الخارجية التونسي خالد العلي اليوم وزير الخارجية الليبي سالم الورفلي، "
            "وقال الوزير لمراسل وكالة الأنباء في صفاقس إن اللقاء كان مثمرا.")
    summary = summarize(text, published=PUBLISHED)
    assert summary.meeting_detected
    assert summary.venue is None or summary.venue.city is None
