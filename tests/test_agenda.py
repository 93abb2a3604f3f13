"""Agenda items: one per topic, whole phrases, balanced quote marks, and the wordings that
introduce a meeting's topics, each checked through ``summarize`` and on the helpers of
``meetsum.topics``.

Every article here was written by the team in the style of Arabic news agencies; the events
and wording are invented and none is a real article.
"""

import pytest

from meetsum import summarize
from meetsum.lexicon import default_lexicon
from meetsum.model import AgendaItem, Evidence
from meetsum.topics import balance_marks, merge_topics, unbalanced

PUBLISHED = "2025-05-20"

_AMMAN = "التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول. "


def _agenda(text):
    return [a.text for a in summarize(text, published=PUBLISHED).agenda]


def _items(*texts):
    return [AgendaItem(text, Evidence(0, 1, 0)) for text in texts]


# --------------------------------------------------------------------------- one item per topic


def test_items_that_repeat_a_topic_become_its_fullest_form_where_it_first_appears():
    items = _items("سبل الوصول لوقف إطلاق النار", "التعاون في مجال الطاقة",
                   "سبل الوصول إلى وقف إطلاق نار دائم في قطاع غزة", "سبل الوصول إلى وقف إطلاق النار")
    assert [i.text for i in merge_topics(items, default_lexicon())] == [
        "سبل الوصول إلى وقف إطلاق نار دائم في قطاع غزة", "التعاون في مجال الطاقة"]


def test_a_clean_form_is_kept_before_a_fuller_one_with_a_stray_quote_mark():
    items = _items("مجريات “تشكيل لجنة الإسناد لإدارة القطاع", "تشكيل لجنة الإسناد لإدارة القطاع")
    assert [i.text for i in merge_topics(items, default_lexicon())] == ["تشكيل لجنة الإسناد لإدارة القطاع"]


def test_distinct_topics_stay_apart():
    items = _items("تطوير التعاون الاقتصادي", "الأوضاع الإنسانية في قطاع غزة", "أزمة المياه في المنطقة")
    assert len(merge_topics(items, default_lexicon())) == 3


def test_a_meeting_told_twice_has_each_topic_once():
    text = (_AMMAN + "وبحث الجانبان سبل الوصول إلى وقف دائم لإطلاق النار في غزة. "
            "وناقش الوزيران أيضا سبل الوصول إلى وقف لإطلاق النار.")
    assert _agenda(text) == ["سبل الوصول إلى وقف دائم لإطلاق النار في غزة"]


# --------------------------------------------------------------------------- whole phrases


def test_a_preposition_with_its_pronoun_ends_a_phrase():
    text = _AMMAN + "وتطرق الجانبان إلى معاناة الأسرى في السجون والانتهاكات التي يتعرضون لها، بالإضافة إلى ملف المياه."
    agenda = _agenda(text)
    assert "الانتهاكات التي يتعرضون لها" in agenda
    assert "ملف المياه" in agenda


def test_a_long_phrase_is_cut_before_the_clause_that_would_be_cut():
    text = _AMMAN + ("وبحث الجانبان الجهود الدولية لإيجاد حل سياسي شامل يضمن حقوق الشعب الفلسطيني "
                     "ويضع حدا للانتهاكات المستمرة في الضفة الغربية.")
    assert _agenda(text)[0] == "الجهود الدولية لإيجاد حل سياسي شامل يضمن حقوق الشعب الفلسطيني"


@pytest.mark.parametrize(
    "tail",
    [
        "وناقش الجانبان مجريات «تشكيل لجنة وطنية لإدارة المعابر عبر آليات وطنية جامعة تمثل الجميع بلا استثناء».",
        "وبحث الوزيران \"إزالة الألغام من المناطق الحدودية\" في شمال البلاد والتعاون في مجال الطاقة.",
    ],
)
def test_no_item_has_an_unbalanced_quote_mark(tail):
    agenda = _agenda(_AMMAN + tail)
    assert agenda
    assert not any(unbalanced(item) for item in agenda)
    last_words = {item.split()[-1] for item in agenda}
    assert not last_words & {"في", "من", "على", "إلى", "عن", "مع", "و"}


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("مجريات “تشكيل لجنة الإسناد", "مجريات تشكيل لجنة الإسناد"),
        ("إزالة الأسلحة النووية” في شبه الجزيرة", "إزالة الأسلحة النووية في شبه الجزيرة"),
        ("سحب \"جميع القوات\" من البلاد", "سحب \"جميع القوات\" من البلاد"),
        ("لـ«ضمان أمن المنطقة", "لـضمان أمن المنطقة"),
        ("وقف\u00a0إطلاق النار", "وقف إطلاق النار"),
    ],
)
def test_balance_marks(text, balanced):
    assert balance_marks(text) == balanced
    assert not unbalanced(balance_marks(text))


def test_times_and_places_alone_are_no_topic():
    text = ("سيلتقي الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي في محادثات حول "
            "الثلاثاء في باريس.")
    assert _agenda(text) == []


def test_a_speech_participle_opens_no_topic():
    text = _AMMAN + "وأشاد الصفدي بالدعم الألماني، معبرا عن تقديره لمواقف برلين من قضايا المنطقة."
    assert not any(item.startswith("معبرا") for item in _agenda(text))


# --------------------------------------------------------------------------- wordings that introduce topics


@pytest.mark.parametrize(
    ("tail", "topic"),
    [
        # dual and future forms of discussion verbs
        ("وأضاف المتحدث أن الوزيرين سيستعرضان القضايا الإقليمية محل الاهتمام المشترك.",
         "القضايا الإقليمية محل الاهتمام المشترك"),
        ("وقال البيان إن الوزيرين سيناقشان آليات التعاون في مجال المياه.", "آليات التعاون في مجال المياه"),
        # agreements, with the parties between the verb and its preposition
        ("واتفق الجانبان على تشكيل لجنة مشتركة للتجارة.", "تشكيل لجنة مشتركة للتجارة"),
        ("وتم الاتفاق على إطلاق رحلات جوية مباشرة بين البلدين.", "إطلاق رحلات جوية مباشرة بين البلدين"),
        # a briefing, with the parties between
        ("وأطلع الصفدي نظيره الألماني على تطورات الأوضاع في المنطقة.", "تطورات الأوضاع في المنطقة"),
        # a topic joined by إضافة إلى after a phrase that ends an aside
        ("وبحثا التعاون الثنائي خاصة في مجال الطاقة، إضافة إلى تطورات الأوضاع في سوريا.",
         "تطورات الأوضاع في سوريا"),
    ],
)
def test_wordings_that_introduce_a_topic(tail, topic):
    assert topic in _agenda(_AMMAN + tail)


def test_an_agreement_verb_without_its_preposition_gives_no_topic():
    assert _agenda(_AMMAN + "واتفق الجانبان مع هذا الرأي بشكل كامل.") == []


def test_about_after_a_meeting_word_and_its_parties_gives_the_topic():
    text = "عقد الرئيس الفرنسي إيمانويل ماكرون محادثات مع رئيس الوزراء الهندي ناريندرا مودي حول أمن الملاحة البحرية."
    assert _agenda(text) == ["أمن الملاحة البحرية"]


def test_about_far_from_the_meeting_word_gives_no_topic():
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي في باريس بعد أسابيع من "
            "الجدل الواسع في الصحافة حول صفقة الطائرات.")
    assert "صفقة الطائرات" not in _agenda(text)


# --------------------------------------------------------------------------- examples of a topic


@pytest.mark.parametrize(
    ("tail", "topics"),
    [
        ("وبحث الجانبان الأوضاع في المنطقة وخاصة التصعيد العسكري على الحدود الشمالية.",
         ["الأوضاع في المنطقة", "التصعيد العسكري على الحدود الشمالية"]),
        ("وتناول اللقاء قضايا إقليمية مثل أزمة المياه في حوض النهر.",
         ["قضايا إقليمية", "أزمة المياه في حوض النهر"]),
        ("وناقش الوزيران ملفات التعاون، لا سيما الربط الكهربائي بين البلدين.",
         ["ملفات التعاون", "الربط الكهربائي بين البلدين"]),
    ],
)
def test_the_example_a_topic_names_is_a_topic_of_its_own(tail, topics):
    assert _agenda(_AMMAN + tail) == topics


@pytest.mark.parametrize(
    "tail",
    [
        "وبحث الجانبان التعاون الثنائي خاصة في مجال الطاقة.",      # a prepositional aside
        "وبحث الجانبان ملف اللاجئين خاصة وأن أعدادهم تتزايد.",      # a clause, not a topic
    ],
)
def test_an_aside_or_a_clause_after_especially_is_no_topic(tail):
    agenda = _agenda(_AMMAN + tail)
    assert len(agenda) == 1 and not any(item.startswith(("مجال", "أن", "أعداد")) for item in agenda)


# --------------------------------------------------------------------------- a leading و: conjunction or part of the word


def test_a_conjunction_before_an_indefinite_noun_starts_a_new_topic():
    text = _AMMAN + "وبحث الجانبان الأوضاع الأمنية في المنطقة وتعزيز التعاون في مجال المياه."
    assert _agenda(text) == ["الأوضاع الأمنية في المنطقة", "تعزيز التعاون في مجال المياه"]


def test_a_word_with_its_own_waw_does_not_start_a_topic():
    text = _AMMAN + "وبحث الجانبان الأوضاع الأمنية في المنطقة وسائل دعم اللاجئين."
    assert _agenda(text) == ["الأوضاع الأمنية في المنطقة وسائل دعم اللاجئين"]


def test_an_item_keeps_the_waw_of_its_first_word():
    text = _AMMAN + "وبحث الجانبان وسائل دعم اللاجئين في المخيمات."
    assert _agenda(text) == ["وسائل دعم اللاجئين في المخيمات"]


def test_a_conjunction_opening_a_clause_does_not_start_a_topic():
    text = _AMMAN + "وبحث الجانبان الأوضاع الأمنية في المنطقة وسبق أن التقيا في القاهرة."
    assert _agenda(text) == ["الأوضاع الأمنية في المنطقة وسبق أن التقيا في القاهرة"]


def test_words_sharing_what_follows_are_not_split():
    text = _AMMAN + "وبحث الجانبان خطط تقسيم وتوزيع المساعدات على المحافظات الشمالية."
    assert _agenda(text) == ["خطط تقسيم وتوزيع المساعدات على المحافظات الشمالية"]


def test_a_word_whose_pronoun_points_back_stays_in_its_topic():
    text = _AMMAN + "وبحث الجانبان العلاقات الثنائية المتميزة وسبل تعزيزها وتطويرها."
    assert _agenda(text) == ["العلاقات الثنائية المتميزة", "سبل تعزيزها وتطويرها"]


def test_the_learned_waw_words_tell_the_two_apart():
    from meetsum.text import match_key

    words = default_lexicon().waw_words
    assert {match_key(w) for w in ("وزير", "وسائل", "وصول", "وضع")} <= words
    assert not {match_key(w) for w in ("وتعزيز", "ودعم", "وتنمية")} & words


def test_a_malformed_waw_words_row_is_refused():
    from meetsum.lexicon import LexiconError, parse_waw_words

    header = "# made by a script\nkey\tkind\tcount\trest\tinner\topens\n"
    assert parse_waw_words(header + "وزير\tword\t10\t0\t4\t0\nوقال\tclause\t9\t5\t0\t8\n") == ({"وزير"}, {"وقال"})
    for row in ("تعزيز\tword\t10\t0\t4\t0", "وزير\tnoun\t10\t0\t4\t0", "وزير\tword\t10\t0\tmany\t0"):
        with pytest.raises(LexiconError):
            parse_waw_words(header + row + "\n")
    with pytest.raises(LexiconError):
        parse_waw_words("key\tcount\nوزير\t10\n")


# --------------------------------------------------------------------------- not topics


def test_where_a_meeting_took_place_is_not_a_topic():
    text = _AMMAN + "وجرى اللقاء في مقر وزارة الخارجية بحضور عدد من المسؤولين."
    assert _agenda(text) == []


def test_great_importance_is_not_a_topic():
    text = _AMMAN + "وأكد الجانبان أن العلاقات بين البلدين تكتسب أهمية بالغة في هذه المرحلة."
    assert _agenda(text) == []


@pytest.mark.parametrize("but", ["لكن", "، إلا أن"])
def test_a_topic_ends_where_a_clause_turns_away_from_it(but):
    text = _AMMAN + f"وبحث الجانبان تطوير التعاون في مجال الطاقة المتجددة {but} الخلافات حول التمويل بقيت قائمة."
    assert _agenda(text) == ["تطوير التعاون في مجال الطاقة المتجددة"]


def test_looking_for_something_is_not_discussing_it():
    text = _AMMAN + "وقال الصفدي إن بلاده تبحث عن فرص جديدة للاستثمار في قطاع الطاقة."
    assert _agenda(text) == []


def test_a_phrase_that_says_when_or_how_is_not_a_topic():
    text = _AMMAN + "وبحث الجانبان تطوير العلاقات الثنائية، في إطار السعي لتعزيز التعاون بين البلدين."
    assert _agenda(text) == ["تطوير العلاقات الثنائية"]


def test_what_comes_first_among_the_topics_is_a_topic_of_its_own():
    text = _AMMAN + "وبحث الجانبان ملفات إقليمية ساخنة، وفي مقدمتها الوضع في سوريا والحرب في اليمن."
    assert _agenda(text) == ["ملفات إقليمية ساخنة", "الوضع في سوريا", "الحرب في اليمن"]


def test_the_preposition_after_a_discussion_verb_is_not_part_of_the_topic():
    text = _AMMAN + "وتطرقت المباحثات لموضوع المياه في المنطقة."
    assert _agenda(text) == ["موضوع المياه في المنطقة"]


# --------------------------------------------------------------------------- a conjunction written apart


def test_a_conjunction_written_apart_before_a_noun_starts_a_new_topic():
    text = _AMMAN + "ويتمحور اللقاء حول الأهداف الوطنية المضمنة في وثيقة العمل و برامج الإصلاح الاقتصادي."
    assert _agenda(text) == ["الأهداف الوطنية المضمنة في وثيقة العمل", "برامج الإصلاح الاقتصادي"]


@pytest.mark.parametrize(
    "tail",
    ["وبحث الجانبان تطوير العلاقات الاقتصادية الثنائية و الإقليمية.",
     "وبحث الجانبان الوضع الأمني في الأردن و ألمانيا."],
)
def test_a_conjunction_written_apart_between_adjectives_or_before_a_state_does_not_split(tail):
    assert len(_agenda(_AMMAN + tail)) == 1


# --------------------------------------------------------------------------- what a meeting focused on


@pytest.mark.parametrize(
    "tail",
    ["وركز اللقاء على سبل دعم اللاجئين في المنطقة.",
     "وقال الصفدي إن المحادثات ستركز في معظمها على سبل دعم اللاجئين في المنطقة."],
)
def test_what_a_meeting_focused_on_is_a_topic(tail):
    assert _agenda(_AMMAN + tail) == ["سبل دعم اللاجئين في المنطقة"]


def test_what_a_person_focuses_on_is_no_topic_of_the_meeting():
    assert _agenda(_AMMAN + "وسيركز الصفدي جهوده في الأشهر المقبلة على إصلاح قطاع التعليم.") == []
