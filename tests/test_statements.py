"""Statements: the speaker as the summary names the party, the text without its framing,
quotation marks that pair up, and the speaker's English.

Every article here was written by the team in the style of Arabic news agencies; the events
and wording are invented and none is a real article.
"""

import pytest

from meetsum import summarize
from meetsum.english import add_english
from meetsum.lexicon import default_lexicon
from meetsum.statements import balance_marks, speaker_label

PUBLISHED = "2025-03-02"


def _statements(text):
    return [(s.speaker, s.text) for s in summarize(text, published=PUBLISHED).statements]


DELEGATION = ("بحث وفد من حركة الجهاد الإسلامي مع وزير الخارجية الإيراني عباس عراقجي في طهران أمس "
              "تطورات الأوضاع في المنطقة. وشدد وفد “الجهاد الإسلامي” على “ضرورة وقف العدوان فورا”.")


def test_an_unnamed_delegation_speaks_under_its_bodys_name():
    assert ("وفد الجهاد الإسلامي", "“ضرورة وقف العدوان فورا”") in _statements(DELEGATION)


def test_the_english_speaker_of_a_delegation_is_its_bodys_delegation():
    record = summarize(DELEGATION, published=PUBLISHED).to_dict()
    english = add_english(record, default_lexicon())
    speakers = {s["speaker"]: s["speaker_en"] for s in english["statements"]}
    assert speakers["وفد الجهاد الإسلامي"] == "Palestinian Islamic Jihad delegation"


@pytest.mark.parametrize(("role", "affiliation", "label"), [
    ("وفد", "حماس", "وفد حماس"),
    ("وفد", "روسيا", "الوفد الروسي"),
    ("وزير الخارجية", "تركيا", "وزير الخارجية التركي"),
    ("وزيرة الخارجية", "السويد", "وزيرة الخارجية السويدية"),
    ("الأمين العام", "الأمم المتحدة", "الأمين العام للأمم المتحدة"),
])
def test_a_role_is_named_with_the_state_or_body_it_stands_for(role, affiliation, label):
    assert speaker_label(None, role, affiliation, default_lexicon()) == label
    assert speaker_label("سامح شكري", role, affiliation, default_lexicon()) == "سامح شكري"


def test_an_aside_about_the_meeting_is_not_what_was_said():
    text = ("استقبل وزير الخارجية المصري سامح شكري في القاهرة اليوم نظيره الأردني أيمن الصفدي. "
            "وأكد الصفدي خلال لقائه مع شكري، موقف بلاده الثابت من القضية الفلسطينية.")
    assert ("أيمن الصفدي", "موقف بلاده الثابت من القضية الفلسطينية") in _statements(text)


def test_a_framing_clause_ending_in_a_colon_is_not_what_was_said():
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني فريدريش ميرتس في باريس اليوم. "
            "وقال ماكرون للصحافيين قبل بدء الاجتماع: “نريد أوروبا أقوى”.")
    assert ("إيمانويل ماكرون", "“نريد أوروبا أقوى”") in _statements(text)


@pytest.mark.parametrize(("text", "balanced"), [
    ("حققنا تقدما اليوم\"، معتبرا أن العلاقات جيدة", "حققنا تقدما اليوم، معتبرا أن العلاقات جيدة"),
    ("وحدة ليبيا»، داعيا إلى «توحيد المؤسسة العسكرية»", "وحدة ليبيا، داعيا إلى «توحيد المؤسسة العسكرية»"),
    ("نشر “بيان مشترك يمكن", "نشر بيان مشترك يمكن"),
    ("المجتمع الدولي لـ”اتخاذ تدابير عاجلة”", "المجتمع الدولي لـ”اتخاذ تدابير عاجلة”"),
    ("الاتفاق (المرحلة الأولى", "الاتفاق المرحلة الأولى"),
])
def test_marks_without_a_partner_are_dropped(text, balanced):
    assert balance_marks(text) == balanced


@pytest.mark.parametrize("tail", [
    "وقال ماكرون يوم الأحد إن أوروبا تحتاج إلى دفاع مشترك.",
    "وأوضح ماكرون في مقابلة مع قناة تلفزيونية، أن أوروبا تحتاج إلى دفاع مشترك.",
])
def test_a_framing_clause_before_that_is_not_what_was_said(tail):
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني فريدريش ميرتس في باريس اليوم. " + tail)
    assert ("إيمانويل ماكرون", "أوروبا تحتاج إلى دفاع مشترك") in _statements(text)


def test_a_that_clause_after_a_noun_is_what_was_said():
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون المستشار الألماني فريدريش ميرتس في باريس اليوم. "
            "وشدد ماكرون على ضرورة أن تتحمل أوروبا مسؤولية أمنها.")
    assert ("إيمانويل ماكرون", "ضرورة أن تتحمل أوروبا مسؤولية أمنها") in _statements(text)


def test_a_role_that_names_its_state_is_not_given_it_twice():
    assert speaker_label(None, "رئيس أوروغواي", "أوروغواي", default_lexicon()) == "رئيس أوروغواي"
