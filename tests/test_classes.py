"""Classes of cases: statements, names, titles, known office holders, states and bodies that
meet as such, dates, venues, agenda and invisible marks, each checked through ``summarize``.

Every article here was written by the team in the style of Arabic news agencies (SPA,
QNA, WAM, MENA, Petra, Anadolu); the events and wording are invented and none is a real
article. 2025-05-20, the publication date most cases use, is a Tuesday; 2025-05-18 is a Sunday.
"""

from dataclasses import replace

import pytest

from meetsum import summarize
from meetsum.lexicon import default_lexicon
from meetsum.recognize import recognize
from meetsum.text import analyze, match_key

PUBLISHED = "2025-05-20"
SUNDAY = "2025-05-18"


def _summary(text, published=PUBLISHED):
    return summarize(text, published=published)


def _people(summary):
    return [(p.name, p.role, p.affiliation) for p in summary.participants]


def _statements(summary):
    return [(s.speaker, s.text) for s in summary.statements]


def _agenda(summary):
    return [a.text for a in summary.agenda]


def _venue(summary):
    venue = summary.venue
    return (venue.city, venue.country, venue.place) if venue else None


def _recognized_names(text):
    rec = recognize(analyze(text), default_lexicon())
    tokens = rec.doc.tokens
    return [rec.doc.text[tokens[p.name_start].start : tokens[p.name_end - 1].end] for p in rec.people if p.has_name]


_AMMAN = "التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول. "
_DOHA = "التقى وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم وزير الخارجية التركي هاكان فيدان. "


# --------------------------------------------------------------------------- 1. statements


@pytest.mark.parametrize(
    ("tail", "statements"),
    [
        # a statement verb carrying the conjunction و, after the meeting sentence
        ("وأكد فاديفول أن بلاده تدعم حل الدولتين.", [("يوهان فاديفول", "بلاده تدعم حل الدولتين")]),
        ("وشدد الصفدي على ضرورة وقف إطلاق النار في غزة.", [("أيمن الصفدي", "ضرورة وقف إطلاق النار في غزة")]),
        ("وأوضح الصفدي أن المحادثات كانت بناءة.", [("أيمن الصفدي", "المحادثات كانت بناءة")]),
        # a statement stops before the next speaker
        ("وشدد الصفدي على ضرورة وقف إطلاق النار، فيما أكد فاديفول أن بلاده تدعم حل الدولتين.",
         [("أيمن الصفدي", "ضرورة وقف إطلاق النار"), ("يوهان فاديفول", "بلاده تدعم حل الدولتين")]),
        ("وأوضح الصفدي أن المحادثات كانت بناءة، بينما قال فاديفول إن بلاده تدعم حل الدولتين.",
         [("أيمن الصفدي", "المحادثات كانت بناءة"), ("يوهان فاديفول", "بلاده تدعم حل الدولتين")]),
        # an aside between commas after the speaker is skipped
        ("وأكد الصفدي، خلال اللقاء، أهمية التنسيق بين البلدين.", [("أيمن الصفدي", "أهمية التنسيق بين البلدين")]),
    ],
)
def test_statements_after_a_meeting_sentence(tail, statements):
    assert _statements(_summary(_AMMAN + tail)) == statements


def test_a_statement_stops_before_the_next_speaker_named_by_title():
    text = _DOHA + "وأكد رئيس الوزراء القطري أن بلاده ماضية في جهود الوساطة، فيما أكد فيدان أن أنقرة تدعم هذه الجهود."
    assert _statements(_summary(text)) == [
        ("محمد بن عبدالرحمن آل ثاني", "بلاده ماضية في جهود الوساطة"),
        ("هاكان فيدان", "أنقرة تدعم هذه الجهود"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أكد وزير الخارجية المصري بدر عبدالعاطي، خلال لقائه مع نظيره الإسباني خوسيه مانويل ألباريس، "
        "أهمية التنسيق بين البلدين.",
        "أكد وزير الخارجية المصري بدر عبدالعاطي، خلال لقائه مع نظيره الإسباني في القاهرة اليوم، "
        "أهمية التنسيق بين البلدين.",
    ],
)
def test_an_aside_about_the_meeting_is_not_part_of_the_statement(text):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _statements(summary) == [("بدر عبدالعاطي", "أهمية التنسيق بين البلدين")]


# --------------------------------------------------------------------------- 2. names


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        # a word starting with و that is neither a known word nor seen alone stays in the name
        ("التقى رئيس الوزراء القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم المبعوث الأمريكي ستيف ويتكوف.",
         ("ستيف ويتكوف", "المبعوث", "الولايات المتحدة")),
        ("التقى رئيس الوزراء القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم المبعوث الأممي كارل وينتر.",
         ("كارل وينتر", "المبعوث", "الأمم المتحدة")),
    ],
)
def test_a_name_keeps_a_word_that_starts_with_waw(text, guest):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _people(summary)[1] == guest


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # غراهام is seen nowhere else: part of the name
        ("التقى الوزير المبعوث الأمريكي توم باراك وغراهام.", ["توم باراك وغراهام"]),
        # غراهام stands alone later: "و" starts a second item
        ("التقى الوزير المبعوث الأمريكي توم باراك وغراهام. وأكد غراهام أن المحادثات كانت بناءة.", ["توم باراك"]),
    ],
)
def test_a_waw_word_seen_alone_elsewhere_ends_the_name(text, names):
    assert _recognized_names(text) == names


def test_x_and_y_with_y_seen_alone_elsewhere_are_two_people():
    text = ("استقبل الرئيس اللبناني جوزاف عون في بيروت اليوم المبعوثين الأمريكيين توم باراك وأورتاغوس. "
            "وقالت نائبة المبعوث الأمريكي أورتاغوس إن المحادثات كانت بناءة.")
    summary = _summary(text)
    assert [p.name for p in summary.participants] == ["جوزاف عون", "توم باراك", "أورتاغوس"]
    assert [[p.name for p in m.participants] for m in summary.meetings] == [["جوزاف عون", "توم باراك", "أورتاغوس"]]


@pytest.mark.parametrize(
    ("text", "guest", "city"),
    [
        ("التقى وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني اليوم وزير الخارجية الروسي سيرغي لافروف بالدوحة.",
         "سيرغي لافروف", "الدوحة"),
        ("التقى وزير الخارجية العماني بدر البوسعيدي اليوم الرئيس الإيراني مسعود بزشكيان بمسقط.",
         "مسعود بزشكيان", "مسقط"),
        ("اجتمع وزير الخارجية الأمريكي ماركو روبيو بالرياض اليوم مع وزير الخارجية الروسي سيرغي لافروف.",
         "ماركو روبيو", "الرياض"),
    ],
)
def test_a_city_with_a_clitic_after_a_name_does_not_join_it(text, guest, city):
    summary = _summary(text)
    assert guest in [p.name for p in summary.participants]
    assert summary.venue.city == city


def test_a_hashtag_inside_a_name_does_not_end_it():
    text = "التقى الرئيس التركي رجب طيب #أردوغان في أنقرة اليوم الرئيس الأذربيجاني إلهام علييف."
    assert _recognized_names(text) == ["رجب طيب #أردوغان", "إلهام علييف"]


def test_a_participants_name_carries_no_hashtag_marks():
    text = "التقى الرئيس التركي رجب طيب #أردوغان في أنقرة اليوم الرئيس الأذربيجاني #إلهام_علييف."
    assert [p.name for p in _summary(text).participants] == ["رجب طيب أردوغان", "إلهام علييف"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a verb, an adjective, an adjective then an adverb
        ("وكان المبعوث الأممي هانس غروندبرغ سافر إلى عدن أمس.", ["هانس غروندبرغ"]),
        ("بدا الرئيس الكيني ويليام روتو متفائلا بنتائج الاجتماع.", ["ويليام روتو"]),
        ("الرئيس الكيني ويليام روتو غاضب جدا من نتائج الاجتماع.", ["ويليام روتو"]),
    ],
)
def test_a_name_ends_before_a_verb_adjective_or_adverb(text, names):
    assert _recognized_names(text) == names


@pytest.mark.parametrize("word", ["لاسيما", "ملحة", "يواصل", "أبلغ", "غاضب", "جدا"])
def test_words_of_the_lexicon_that_are_never_names(word):
    assert default_lexicon().ends_name(match_key(word))


def test_a_word_of_many_learned_names_is_no_word_class_stop():
    lexicon = default_lexicon()
    assert match_key("أون") in lexicon.lexical_classes and not lexicon.ends_name(match_key("أون"))
    assert replace(lexicon, words={}).ends_name(match_key("أون"))


def test_a_known_name_is_never_cut_by_the_word_class_table():
    assert default_lexicon().ends_name(match_key("سلال"))
    text = "استقبل رئيس الجمهورية اليوم الوزير الأول الجزائري عبد المالك سلال في قصر قرطاج."
    assert _recognized_names(text)[-1] == "عبد المالك سلال"


def test_the_word_after_a_name_particle_stays_in_the_name():
    assert default_lexicon().ends_name(match_key("ملحة"))
    text = "استقبل وزير الشؤون البلدية اليوم المهندس سعيد أبو ملحة في مكتبه بالرياض."
    assert _recognized_names(text)[-1] == "سعيد أبو ملحة"


# --------------------------------------------------------------------------- 3. titles


def test_a_group_after_an_office_starts_a_new_party():
    rec = recognize(analyze("استقبل الرئيس وفدا من حركة حماس."), default_lexicon())
    people = rec.people
    assert len(people) == 2
    assert not people[0].title.collective and people[1].title.collective
    assert (people[1].title.affiliation.kind, people[1].title.affiliation.key) == ("organization", "hamas")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("استقبل الرئيس الفلسطيني وفدا من حركة حماس في رام الله.",
         [(None, "الرئيس", "فلسطين"), (None, "وفدا", "حماس")]),
        ("استقبل وزير الخارجية المصري وفدا من حركة حماس في القاهرة اليوم.",
         [(None, "وزير الخارجية", "مصر"), (None, "وفدا", "حماس")]),
        # نظيره right after an office
        ("التقى وزير الخارجية الأردني نظيره المصري في عمان اليوم.",
         [(None, "وزير الخارجية", "الأردن"), (None, "وزير الخارجية", "مصر")]),
    ],
)
def test_an_unnamed_office_then_a_group_or_counterpart_are_two_parties(text, people):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _people(summary) == people


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم ولي العهد السعودي الأمير محمد بن سلمان.",
         ("محمد بن سلمان", "ولي العهد", "السعودية")),
        ("التقى ولي العهد السعودي الأمير محمد بن سلمان في جدة اليوم الرئيس الأوكراني فولوديمير زيلينسكي.",
         ("محمد بن سلمان", "ولي العهد", "السعودية")),
        ("التقى الرئيس الأمريكي دونالد ترامب في البيت الأبيض أمس العاهل الأردني الملك عبدالله الثاني.",
         ("عبدالله الثاني", "الملك", "الأردن")),
        ("استقبل العاهل المغربي الملك محمد السادس في الرباط اليوم الرئيس الفرنسي إيمانويل ماكرون.",
         ("محمد السادس", "الملك", "المغرب")),
    ],
)
def test_an_office_nationality_and_royal_title_before_a_name(text, person):
    summary = _summary(text)
    assert len(summary.participants) == 2
    assert person in _people(summary)


@pytest.mark.parametrize(
    ("text", "host", "guest"),
    [
        ("استقبل وزير الخارجية العراقي فؤاد حسين في بغداد اليوم نظيره التركي.",
         ("فؤاد حسين", "وزير الخارجية", "العراق"), (None, "وزير الخارجية", "تركيا")),
        ("استقبل وزير الخارجية العراقي فؤاد حسين في بغداد اليوم نظيره التركي، وبحث معه سبل تعزيز العلاقات "
         "الثنائية.", ("فؤاد حسين", "وزير الخارجية", "العراق"), (None, "وزير الخارجية", "تركيا")),
        ("استقبل الرئيس الإماراتي محمد بن زايد آل نهيان في أبوظبي اليوم نظيره الفرنسي.",
         ("محمد بن زايد آل نهيان", "الرئيس", "الإمارات"), (None, "الرئيس", "فرنسا")),
    ],
)
def test_an_unnamed_counterpart_with_a_nationality_is_a_participant(text, host, guest):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _people(summary) == [host, guest]
    assert len(summary.meetings) == 1


# --------------------------------------------------------------------------- 4. known office holders

_JUBEIR = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم الجبير."


@pytest.mark.parametrize(
    ("published", "role"),
    [
        # officeholders.yaml: وزير الخارجية 2015-04-29 to 2018-12-27, then وزير الدولة للشؤون الخارجية
        ("2018-03-10", "وزير الخارجية"),
        ("2024-03-10", "وزير الدولة للشؤون الخارجية"),
    ],
)
def test_a_known_office_holder_without_a_title_gets_the_role_of_the_day(published, role):
    summary = _summary(_JUBEIR, published)
    assert summary.meeting_detected
    assert _people(summary) == [("عبد الفتاح السيسي", "الرئيس", "مصر"), ("الجبير", role, "السعودية")]


def test_a_known_office_holder_as_the_subject():
    summary = _summary("التقى الجبير في الرياض اليوم وزير الخارجية الأمريكي ريكس تيلرسون.", "2018-03-10")
    assert _people(summary) == [("الجبير", "وزير الخارجية", "السعودية"),
                                ("ريكس تيلرسون", "وزير الخارجية", "الولايات المتحدة")]


@pytest.mark.parametrize(
    "text",
    [
        # the short form in the meeting sentence, the full name with its title later
        "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم الجبير. وكان وزير الدولة للشؤون الخارجية "
        "السعودي عادل الجبير قد وصل إلى القاهرة أمس.",
        # the full name with its title first, the short form in a later meeting sentence
        "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الدولة للشؤون الخارجية السعودي عادل "
        "الجبير. وعقد السيسي والجبير جلسة مباحثات تناولت العلاقات الثنائية.",
    ],
)
def test_one_office_holder_spelled_two_ways_is_one_participant(text):
    summary = _summary(text, "2024-03-10")
    assert _people(summary) == [
        ("عبد الفتاح السيسي", "الرئيس", "مصر"),
        ("عادل الجبير", "وزير الدولة للشؤون الخارجية", "السعودية"),
    ]
    assert len(summary.meetings) == 1


# --------------------------------------------------------------------------- 5. states and bodies that meet as such


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("يعقد حلف شمال الأطلسي الخميس محادثات مع روسيا.", ["حلف شمال الأطلسي", "روسيا"]),
        ("يعقد حلف شمال الأطلسي الخميس المقبل في بروكسل محادثات مع روسيا حول الأمن الأوروبي.",
         ["حلف شمال الأطلسي", "روسيا"]),
        ("يعقد الاتحاد الأوروبي الخميس محادثات مع الصين في بروكسل.", ["الاتحاد الأوروبي", "الصين"]),
        ("انطلقت اليوم محادثات بين اليونان وصندوق النقد الدولي.", ["اليونان", "صندوق النقد الدولي"]),
        ("انطلقت في أثينا اليوم محادثات بين اليونان وصندوق النقد الدولي حول برنامج الإصلاح.",
         ["اليونان", "صندوق النقد الدولي"]),
        # الناتو is printed as the organization's short name
        ("الناتو وروسيا يجريان محادثات.", ["حلف شمال الأطلسي", "روسيا"]),
        ("الناتو وروسيا يجريان محادثات في بروكسل الأسبوع المقبل.", ["حلف شمال الأطلسي", "روسيا"]),
    ],
)
def test_states_and_organizations_that_meet_are_unnamed_parties(text, parties):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _people(summary) == [(None, None, party) for party in parties]


@pytest.mark.parametrize(
    ("text", "not_party"),
    [
        ("يبدأ رئيس الوزراء الهندي ناريندرا مودي غدا زيارة كندا.", "كندا"),
        ("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم رئيس الوزراء الهندي ناريندرا مودي، الذي وصل "
         "قادما من زيارة كندا.", "كندا"),
        ("التقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الياباني شيغيرو إيشيبا على هامش قمة مجموعة السبع "
         "في كندا.", "مجموعة السبع"),
        ("التقى وزير الخارجية الهندي سوبرامانيام جايشانكار في نيودلهي اليوم نظيره الألماني يوهان فاديفول "
         "قبيل قمة مجموعة السبع.", "مجموعة السبع"),
        ("تستضيف كندا قمة مجموعة السبع الشهر المقبل بمشاركة قادة الدول الأعضاء.", "مجموعة السبع"),
        ("تستضيف كندا قمة مجموعة السبع الشهر المقبل بمشاركة قادة الدول الأعضاء.", "كندا"),
    ],
)
def test_a_visited_state_or_a_summits_group_is_not_a_party(text, not_party):
    summary = _summary(text)
    assert (None, None, not_party) not in _people(summary)
    assert all(p.name is not None for p in summary.participants)


# --------------------------------------------------------------------------- 6. dates


@pytest.mark.parametrize(
    ("text", "date", "status"),
    [
        # published on a Sunday: a bare weekday in a present-tense sentence lies ahead
        ("يقوم الرئيس الفرنسي إيمانويل ماكرون الاثنين بزيارة إلى موسكو يلتقي خلالها الرئيس الروسي فلاديمير بوتين.",
         "2025-05-19", "planned"),
        ("يقوم الرئيس الفرنسي إيمانويل ماكرون الخميس بزيارة إلى موسكو يلتقي خلالها الرئيس الروسي فلاديمير بوتين.",
         "2025-05-22", "planned"),
        ("يلتقي الرئيس الفرنسي إيمانويل ماكرون الاثنين في موسكو الرئيس الروسي فلاديمير بوتين.",
         "2025-05-19", "planned"),
        # in a past-tense sentence the same weekday lies behind
        ("التقى الرئيس الفرنسي إيمانويل ماكرون الخميس في موسكو الرئيس الروسي فلاديمير بوتين.",
         "2025-05-15", "held"),
    ],
)
def test_a_bare_weekday_follows_the_tense(text, date, status):
    summary = _summary(text, SUNDAY)
    assert (summary.date, summary.status) == (date, status)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم الرئيس الأوكراني فولوديمير زيلينسكي. وكان "
         "الرئيسان قد التقيا للمرة الأخيرة في 11 ديسمبر.", "2025-01-05"),
        ("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس أمس الرئيس الأوكراني فولوديمير زيلينسكي، والتقى "
         "الرئيسان للمرة الأخيرة في 11 ديسمبر.", "2025-01-04"),
        # no day of its own: the background date does not date the meeting either
        ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس الأوكراني فولوديمير زيلينسكي في باريس. والتقى "
         "الرئيسان للمرة الأخيرة في 11 ديسمبر.", None),
    ],
)
def test_a_background_date_weeks_before_publication_does_not_win(text, date):
    assert _summary(text, "2025-01-05").date == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى روما. والتقى ماكرون في قصر كيجي رئيسة الوزراء الإيطالية "
         "جورجيا ميلوني.", "2025-05-19"),
        ("أعلن قصر الإليزيه أمس أن الرئيس الفرنسي إيمانويل ماكرون سيتوجه إلى روما. والتقى ماكرون في قصر كيجي "
         "رئيسة الوزراء الإيطالية جورجيا ميلوني.", "2025-05-19"),
        ("شهدت العاصمة الإيطالية روما أمس حراكا دبلوماسيا مكثفا. والتقى الرئيس الفرنسي إيمانويل ماكرون رئيسة "
         "الوزراء الإيطالية جورجيا ميلوني.", "2025-05-19"),
        ("باريس في 18 مايو /وام/ التقى الرئيس الفرنسي إيمانويل ماكرون رئيسة الوزراء الإيطالية جورجيا ميلوني "
         "في قصر الإليزيه.", "2025-05-18"),
        # the meeting sentence's own date wins over the lead's
        ("شهدت العاصمة الإيطالية روما أمس حراكا دبلوماسيا مكثفا. والتقى الرئيس الفرنسي إيمانويل ماكرون رئيسة "
         "الوزراء الإيطالية جورجيا ميلوني في 2 مارس.", "2025-03-02"),
    ],
)
def test_the_lead_sentence_dates_a_meeting_with_no_date_of_its_own(text, date):
    summary = _summary(text)
    assert summary.meeting_detected
    assert summary.date == date


# --------------------------------------------------------------------------- 7. venue


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("التقى وزير الخارجية السعودي فيصل بن فرحان في جدة اليوم نظيره اليمني شائع الزنداني الذي وصل من عدن.",
         "جدة", "السعودية"),
        ("التقى وزير الخارجية اليمني شائع الزنداني الذي وصل من عدن في جدة اليوم نظيره السعودي فيصل بن فرحان.",
         "جدة", "السعودية"),
        ("التقى وزير الخارجية اليمني شائع الزنداني الذي وصل من عدن بجدة اليوم نظيره السعودي فيصل بن فرحان.",
         "جدة", "السعودية"),
        ("التقى وزير الخارجية اليمني شائع الزنداني الذي وصل من عدن، في العاصمة الرياض اليوم، نظيره السعودي "
         "فيصل بن فرحان.", "الرياض", "السعودية"),
        ("التقى وزير الخارجية التركي هاكان فيدان، بعد عودته من دمشق، في العاصمة أنقرة اليوم نظيره الأردني "
         "أيمن الصفدي.", "أنقرة", "تركيا"),
        ("التقى وزير الخارجية المصري بدر عبدالعاطي ببيروت اليوم نظيره اللبناني يوسف رجي، بعد زيارة قام بها "
         "إلى دمشق.", "بيروت", "لبنان"),
    ],
)
def test_the_city_named_as_the_place_wins(text, city, country):
    venue = _summary(text).venue
    assert (venue.city, venue.country) == (city, country)


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية المصري بدر عبدالعاطي اليوم في جامعة القاهرة نظيره الإيطالي أنطونيو تاياني.",
        "التقى وزير التعليم السعودي يوسف البنيان اليوم في جامعة جازان سفير اليابان لدى المملكة.",
        "عقد وزير الخارجية المصري بدر عبدالعاطي اجتماعا مع نظيره الإيطالي أنطونيو تاياني على هامش مؤتمر في "
        "جامعة القاهرة.",
    ],
)
def test_a_city_inside_an_institutions_name_is_not_the_venue(text):
    summary = _summary(text)
    assert summary.meeting_detected
    assert summary.venue is None or summary.venue.city is None


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("واس- عمان: استقبل وزير الخارجية الأردني أيمن الصفدي اليوم نظيره السعودي فيصل بن فرحان.",
         ("عمان", "الأردن", None)),
        ("قنا- الدوحة: التقى رئيس مجلس الوزراء وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني اليوم وزير "
         "الخارجية المصري بدر عبدالعاطي.", ("الدوحة", "قطر", None)),
        ("واس- عمان: استقبل وزير الخارجية الأردني أيمن الصفدي في مقر وزارة الخارجية اليوم نظيره السعودي "
         "فيصل بن فرحان.", ("عمان", "الأردن", "مقر وزارة الخارجية")),
        # the meeting sentence names no city: the dateline's is the venue
        ("واس- عمان: أصدرت وزارة الخارجية الأردنية اليوم بيانا مشتركا. واستقبل وزير الخارجية الأردني أيمن "
         "الصفدي نظيره السعودي فيصل بن فرحان.", ("عمان", "الأردن", None)),
        ("قنا- الدوحة: أصدرت وزارة الخارجية القطرية اليوم بيانا مشتركا. واستقبل رئيس مجلس الوزراء وزير "
         "الخارجية القطري محمد بن عبدالرحمن آل ثاني وزير الخارجية المصري بدر عبدالعاطي.", ("الدوحة", "قطر", None)),
    ],
)
def test_an_agency_dateline_gives_the_city(text, venue):
    summary = _summary(text)
    assert _venue(summary) == venue
    assert "عمان" not in [m.text for m in summary.mentioned]  # the city عمان is not the state عمان


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر اليمامة اليوم الرئيس الفرنسي "
         "إيمانويل ماكرون.", (None, None, "قصر اليمامة")),
        ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر اليمامة بالرياض اليوم الرئيس "
         "الفرنسي إيمانويل ماكرون.", ("الرياض", "السعودية", "قصر اليمامة")),
        ("الرياض (واس) - استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر اليمامة اليوم "
         "الرئيس الفرنسي إيمانويل ماكرون.", ("الرياض", "السعودية", "قصر اليمامة")),
        ("استقبل وزير الخارجية المصري بدر عبدالعاطي بمقر وزارة الخارجية اليوم نظيره اليوناني جورج جيرابيتريتيس.",
         (None, None, "مقر وزارة الخارجية")),
        ("القاهرة (أ ش أ) - استقبل وزير الخارجية المصري بدر عبدالعاطي بمقر وزارة الخارجية اليوم نظيره اليوناني "
         "جورج جيرابيتريتيس.", ("القاهرة", "مصر", "مقر وزارة الخارجية")),
        ("استقبل الرئيس الأمريكي دونالد ترامب في البيت الأبيض أمس رئيس الوزراء الكندي مارك كارني.",
         (None, None, "البيت الأبيض")),
    ],
)
def test_buildings_fill_the_place(text, venue):
    assert _venue(_summary(text)) == venue


@pytest.mark.parametrize(
    "text",
    [
        "عقد وزير الخارجية الأردني أيمن الصفدي اجتماعا افتراضيا اليوم مع نظيره الألماني يوهان فاديفول من عمان.",
        "عقد وزير الخارجية الأردني أيمن الصفدي في عمان اليوم اجتماعا عبر تقنية الاتصال المرئي مع نظيره الألماني "
        "يوهان فاديفول بمقر وزارة الخارجية.",
    ],
)
def test_a_virtual_meeting_has_no_venue_nor_place(text):
    summary = _summary(text)
    assert summary.kind == "virtual"
    assert summary.venue is None
    assert all(m.venue is None for m in summary.meetings)


# --------------------------------------------------------------------------- 8. agenda


@pytest.mark.parametrize(
    ("text", "agenda"),
    [
        # ل before a verbal noun, after the meeting word
        ("توجه وزير الخارجية الأردني أيمن الصفدي إلى باريس اليوم في زيارة يلتقي خلالها نظيره الفرنسي جان نويل "
         "بارو لإجراء تقييم مشترك للوضع.", ["إجراء تقييم مشترك للوضع"]),
        ("التقى وزير الخارجية الأردني أيمن الصفدي في باريس اليوم نظيره الفرنسي جان نويل بارو لإجراء تقييم "
         "مشترك للوضع.", ["إجراء تقييم مشترك للوضع"]),
        # purpose markers
        ("التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم نظيره الفرنسي جان نويل بارو من أجل تنسيق "
         "المواقف إزاء الأزمة في غزة.", ["تنسيق المواقف إزاء الأزمة في غزة"]),
        ("سيلتقي وزير الخارجية الأردني أيمن الصفدي في باريس غدا نظيره الفرنسي جان نويل بارو من أجل رسم "
         "الطريق نحو تسوية سياسية.", ["رسم الطريق نحو تسوية سياسية"]),
        ("التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم نظيره الفرنسي جان نويل بارو بهدف تعزيز "
         "التعاون الثنائي.", ["تعزيز التعاون الثنائي"]),
    ],
)
def test_a_purpose_after_the_meeting_word_is_on_the_agenda(text, agenda):
    assert _agenda(_summary(text)) == agenda


@pytest.mark.parametrize(
    ("tail", "agenda"),
    [
        ("وناقش الجانبان «سبل الوصول إلى وقف دائم لإطلاق النار».", ["سبل الوصول إلى وقف دائم لإطلاق النار"]),
        ("وبحث الوزيران «آليات إيصال المساعدات الإنسانية».", ["آليات إيصال المساعدات الإنسانية"]),
    ],
)
def test_quoted_topics_in_a_discussion_sentence(tail, agenda):
    assert _agenda(_summary(_AMMAN + tail)) == agenda


@pytest.mark.parametrize(
    ("tail", "agenda"),
    [
        # the reporting clause is no topic; what the two agreed on is
        ("وناقش الجانبان. وأكد البيان أن الجانبين اتفقا على مواصلة التنسيق.", ["مواصلة التنسيق"]),
        ("وبحث الوزيران، وأشار البيان إلى أن الجانبين اتفقا على مواصلة التنسيق.", ["مواصلة التنسيق"]),
        ("وبحث الوزيران، وقال البيان إن الجانبين اتفقا على مواصلة التنسيق.", ["مواصلة التنسيق"]),
        # a topic that is mostly a person's name
        ("وتناولا دميتري ميدفيديف وتصريحاته.", []),
    ],
)
def test_no_agenda_item_is_a_reporting_clause_or_a_name(tail, agenda):
    assert _agenda(_summary(_AMMAN + tail)) == agenda


@pytest.mark.parametrize(
    ("tail", "agenda"),
    [
        ("وبحثا سبل تعزيز العلاقات الثنائية. وبحث الوزيران أيضا سبل تعزيز العلاقات الثنائية والأوضاع في غزة.",
         ["سبل تعزيز العلاقات الثنائية", "الأوضاع في غزة"]),
        # the quoted topic is also what the discussion verb introduces
        ("وناقش الجانبان «سبل الوصول إلى وقف دائم لإطلاق النار».", ["سبل الوصول إلى وقف دائم لإطلاق النار"]),
    ],
)
def test_a_meetings_agenda_has_no_repeats(tail, agenda):
    summary = _summary(_AMMAN + tail)
    assert _agenda(summary) == agenda
    assert [[a.text for a in m.agenda] for m in summary.meetings] == [agenda]


# --------------------------------------------------------------------------- 9. invisible marks

_MARKS = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad")

_PLAIN = ("استقبل وزير الخارجية المصري بدر عبدالعاطي بمقر وزارة الخارجية في القاهرة اليوم وزير الخارجية "
          "اليوناني جورج جيرابيتريتيس، وبحثا سبل تعزيز التعاون. وأكد عبدالعاطي أن مصر تدعم الحوار. "
          "وقال المحلل علي الحسن إن اللقاء مهم.")


def _marked_words(text):
    return (text.replace("عبدالعاطي", "\u2067عبد\u200bالعاطي\u2069")
            .replace("القاهرة", "\u200fالقاهرة\u200f")
            .replace("وزارة", "وزا\u200dرة")
            .replace("الحسن", "ال\u00adحسن\u200e")
            .replace("جيرابيتريتيس", "\u202bجيرابيتريتيس\u202c")
            .replace("التعاون", "الت\u200cعاون"))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_marked_words(_PLAIN), id="marks around and inside words"),
        pytest.param("\u202b" + _PLAIN.replace(" ", " \u200f") + "\u202c", id="rtl marks before every word"),
        pytest.param("\ufeff" + _PLAIN.replace(" ", "\u200b "), id="zero-width space after every word"),
    ],
)
def test_names_and_places_copied_from_the_text_carry_no_marks(text):
    summary = _summary(text)
    assert [p.name for p in summary.participants] == ["بدر عبدالعاطي", "جورج جيرابيتريتيس"]
    assert summary.participants[0].aliases == ("عبدالعاطي",)
    assert _venue(summary) == ("القاهرة", "مصر", "مقر وزارة الخارجية")
    assert _agenda(summary) == ["سبل تعزيز التعاون"]
    assert [s.speaker for s in summary.statements] == ["بدر عبدالعاطي"]
    assert [m.text for m in summary.mentioned] == ["علي الحسن"]
    copied = [p.name for p in summary.participants] + [p.role for p in summary.participants]
    copied += [alias for p in summary.participants for alias in p.aliases]
    copied += [summary.venue.city, summary.venue.place] + _agenda(summary) + [m.text for m in summary.mentioned]
    assert not any(_MARKS & set(value) for value in copied)


def test_a_short_mention_with_marks_inside_gives_a_clean_alias_and_speaker():
    text = _AMMAN + "وقال فادي\u200cفول إن بلاده تدعم حل الدولتين. وأكد \u2067الصفدي\u2069 أهمية التنسيق."
    summary = _summary(text)
    assert [(p.name, p.aliases) for p in summary.participants] == [
        ("أيمن الصفدي", ("الصفدي",)), ("يوهان فاديفول", ("فاديفول",))]
    assert _statements(summary) == [("يوهان فاديفول", "بلاده تدعم حل الدولتين"), ("أيمن الصفدي", "أهمية التنسيق")]


# --------------------------------------------------------------------------- 10. who takes part


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        pytest.param(
            "قال وزير الخارجية النرويجي يوناس ستوره الأحد، إن الاجتماع المرتقب بين الرئيس الفرنسي "
            "إيمانويل ماكرون ورئيس الوزراء الهندي ناريندرا مودي مهم للمنطقة.",
            ["إيمانويل ماكرون", "ناريندرا مودي"], id="a speaker talking about others' meeting"),
        pytest.param(
            "وقال وزير المالية الكندي جون براون، إن بلاده تنتظر نتائج أي اجتماع بين الرئيس الفرنسي "
            "إيمانويل ماكرون ورئيس الوزراء الهندي ناريندرا مودي.",
            ["إيمانويل ماكرون", "ناريندرا مودي"], id="a speaker and a meeting after that"),
        pytest.param(
            "وإذ أيدوا القمة المرتقبة بين الرئيس الفرنسي إيمانويل ماكرون ورئيس الوزراء الهندي ناريندرا مودي، "
            "حذر أعضاء في البرلمان بينهم النائب جون براون من التسرع.",
            ["إيمانويل ماكرون", "ناريندرا مودي"], id="others named after the between list"),
    ],
)
def test_only_the_parties_of_the_meeting_clause_take_part(text, participants):
    summary = _summary(text)
    assert [p.name for p in summary.participants] == participants


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وقال وزير الخارجية الأردني أيمن الصفدي إن لقاءه مع وزير الخارجية الألماني يوهان فاديفول "
                     "كان مثمرا.", id="the meeting word is the speaker's own"),
        pytest.param("وقال وزير الخارجية الأردني أيمن الصفدي خلال لقائه وزير الخارجية الألماني يوهان فاديفول "
                     "إن بلاده تدعم الحل.", id="the meeting comes before what is said"),
        pytest.param("وقال وزير الخارجية الأردني أيمن الصفدي إنه التقى وزير الخارجية الألماني يوهان فاديفول.",
                     id="the speaker is the reported subject"),
        pytest.param("وقال وزير الخارجية الأردني أيمن الصفدي بعد أن التقى وزير الخارجية الألماني يوهان فاديفول "
                     "إن المحادثات كانت مثمرة.", id="a time clause is not a reported one"),
    ],
)
def test_a_speaker_who_reports_his_own_meeting_takes_part(text):
    assert [p.name for p in _summary(text).participants] == ["أيمن الصفدي", "يوهان فاديفول"]


@pytest.mark.parametrize("words", ["محادثة هاتفية", "مباحثات هاتفية", "اتصال هاتفي"])
def test_a_phone_conversation_is_a_call_without_venue(words):
    text = f"بحث الرئيس الفرنسي إيمانويل ماكرون خلال {words} مساء الاثنين مع رئيس الوزراء الهندي ناريندرا مودي الوضع في المنطقة."
    summary = _summary(text)
    assert (summary.kind, summary.venue) == ("call", None)


_CALL = "بحث الرئيس الفرنسي إيمانويل ماكرون هاتفيا مساء الاثنين مع رئيس الوزراء الهندي ناريندرا مودي الوضع في المنطقة. "


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("وقال ماكرون خلال الاتصال: «نرى أن حكومة الرئيس البرازيلي لولا دا سيلفا شريك مهم في هذا الملف».",
                     id="a name inside quoted speech"),
        pytest.param("وتأتي المحادثات بين الرئيسين بعد أن انتقد مودي الرئيس البرازيلي لولا دا سيلفا.",
                     id="a name after the pair the talks were between"),
        pytest.param("ويأتي هذا الاجتماع بعد توجيهات من الرئيس البرازيلي لولا دا سيلفا بإجراء محادثات مع الهند.",
                     id="a sentence that sets the meeting in context"),
        pytest.param("وكانت محاولات سابقة لإجراء محادثات في باريس قد فشلت بسبب اعتراض الرئيس البرازيلي لولا دا سيلفا.",
                     id="an earlier meeting told as background"),
        pytest.param("وكان الرئيس البرازيلي لولا دا سيلفا قد التقى مودي في عام 2019 في برازيليا.",
                     id="a meeting in an earlier year"),
    ],
)
def test_people_named_in_quoted_speech_or_background_do_not_take_part(tail):
    summary = _summary(_CALL + tail)
    assert [p.name for p in summary.participants] == ["إيمانويل ماكرون", "ناريندرا مودي"]


def test_a_quoted_name_is_still_a_party():
    text = 'سيلتقي الرئيس الفرنسي إيمانويل ماكرون الأسبوع المقبل رئيس الوزراء الهندي "ناريندرا مودي".'
    assert [p.name for p in _summary(text).participants] == ["إيمانويل ماكرون", "ناريندرا مودي"]


# --------------------------------------------------------------------------- 11. more agenda


@pytest.mark.parametrize(
    ("tail", "topic"),
    [
        ("وتطرق النقاش إلى أوضاع اللاجئين في المخيمات.", "أوضاع اللاجئين في المخيمات"),
        ("وتمحور الحديث حول مشاريع الطاقة المتجددة.", "مشاريع الطاقة المتجددة"),
        ("وانصبت المباحثات على ملف المياه المشتركة.", "ملف المياه المشتركة"),
    ],
)
def test_a_discussion_right_after_the_meeting_sentence_is_its_agenda(tail, topic):
    assert topic in _agenda(_summary(_AMMAN + tail))


@pytest.mark.parametrize("verb", ["سيتطرق اللقاء إلى", "يتمحور اللقاء حول", "سيتناول الاجتماع"])
def test_a_meeting_word_as_the_subject_of_a_discussion_verb(verb):
    text = ("سيلتقي الرئيس الفرنسي إيمانويل ماكرون غدا رئيس الوزراء الهندي ناريندرا مودي. "
            f"و{verb} مشاريع الطاقة المتجددة.")
    assert "مشاريع الطاقة المتجددة" in _agenda(_summary(text))


def test_parties_after_the_meeting_that_follows_a_topic_take_part():
    text = ("أكد وزير الخارجية الأردني أيمن الصفدي على ضرورة التباحث في أوضاع اللاجئين خلال اللقاء الذي "
            "سيجمعه غدا مع وزير الخارجية الألماني يوهان فاديفول.")
    summary = _summary(text)
    assert [p.name for p in summary.participants] == ["أيمن الصفدي", "يوهان فاديفول"]
    assert _agenda(summary)[0] == "أوضاع اللاجئين"


# --------------------------------------------------------------------------- 12. the meeting told over several sentences


def test_the_body_not_the_headline_gives_the_status():
    text = ("ماكرون يلتقي مودي في باريس\n\n"
            "سيلتقي الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي في باريس الأسبوع المقبل.")
    assert _summary(text).status == "planned"


@pytest.mark.parametrize("word", ["للقائهما", "للقمة", "للاجتماع"])
def test_a_sentence_that_points_back_to_the_meeting_dates_it(word):
    text = ("سيلتقي الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي في باريس قريبا. "
            f"وأعلن القصر الرئاسي أن موعدا تحدد {word} يوم 28 مايو.")
    assert _summary(text).date == "2025-05-28"


@pytest.mark.parametrize("words", ["عقوبات جديدة ضد موسكو", "موقفا موحدا تجاه موسكو"])
def test_a_capital_that_stands_for_its_government_is_not_the_venue(words):
    text = ("سيلتقي الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي قريبا. "
            f"وقال مسؤولون إن الاجتماع سيبحث {words}.")
    assert _summary(text).venue is None


def test_a_planned_meeting_is_not_dated_by_a_day_already_past():
    text = ("ستعقد فرنسا والهند محادثات في باريس. وكان من المقرر أن تعقد الدولتان المحادثات يوم 12 مايو، "
            "إلا أنها تأجلت، وتقرر أن تنطلق المحادثات يوم 27 مايو.")
    summary = _summary(text)
    assert (summary.status, summary.date) == ("planned", "2025-05-27")


@pytest.mark.parametrize("verb", ["ستعقدان محادثات", "تجريان محادثات", "ستلتقيان", "تجتمعان"])
def test_two_states_as_a_feminine_dual_subject_meet(verb):
    text = f"قالت مصادر إن فرنسا والهند {verb} في باريس لبحث التعاون الدفاعي."
    summary = _summary(text)
    assert [p.affiliation for p in summary.participants] == ["فرنسا", "الهند"]


def test_groups_described_rather_than_named_are_parties():
    text = ("يترأس رئيس الحكومة، يوسف الشاهد لقاء يضم الأحزاب المشاركة في الائتلاف و المنظمات "
            "الوطنية الموقعة على الميثاق.")
    summary = _summary(text)
    assert _people(summary) == [
        ("يوسف الشاهد", "رئيس الحكومة", None),
        (None, None, "الأحزاب المشاركة في الائتلاف"),
        (None, None, "المنظمات الوطنية الموقعة على الميثاق"),
    ]


def test_a_described_group_ends_before_the_bodies_it_lists():
    text = "اجتمع وزير المالية اليوناني يانيس ستورناراس مع ممثلي الدائنين وهم صندوق النقد الدولي والبنك المركزي الأوروبي."
    assert (None, None, "ممثلي الدائنين") in _people(_summary(text))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("يترأس الرئيس الفرنسي إيمانويل ماكرون لقاء يجمعه مع رئيس الوزراء الهندي ناريندرا مودي.", PUBLISHED),
        ("ترأس الرئيس الفرنسي إيمانويل ماكرون لقاء جمعه مع رئيس الوزراء الهندي ناريندرا مودي.", None),
        ("ماكرون يلتقي مودي\n\nالتقى الرئيس الفرنسي إيمانويل ماكرون رئيس الوزراء الهندي ناريندرا مودي.", None),
    ],
)
def test_a_meeting_told_in_the_present_with_no_date_is_on_the_day_of_the_report(text, date):
    assert _summary(text).date == date


def test_states_that_meet_stay_parties_when_their_leaders_are_named_only_in_background():
    text = ("قالت مصادر إن فرنسا والهند ستعقدان محادثات في باريس. يذكر أن الرئيس الفرنسي إيمانويل ماكرون "
            "ورئيس الوزراء الهندي ناريندرا مودي التقيا في نيودلهي العام الماضي.")
    affiliations = [p.affiliation for p in _summary(text).participants if p.name is None]
    assert affiliations == ["فرنسا", "الهند"]


def test_a_state_named_bare_in_a_background_meeting_is_its_leaders_state():
    text = ("التقى الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم رئيس الوزراء الهندي ناريندرا مودي. "
            "وكانت فرنسا قد أجلت اجتماعا ثلاثيا مع الهند وألمانيا.")
    people = _people(_summary(text))
    assert ("إيمانويل ماكرون", "الرئيس", "فرنسا") in people
    assert (None, None, "الهند") not in people


@pytest.mark.parametrize(
    ("tail", "topic"),
    [
        ("وأكد الصفدي خلال اللقاء ضرورة وقف إطلاق النار في غزة.", "وقف إطلاق النار في غزة"),
        ("وشدد فاديفول على أهمية تعزيز التبادل التجاري.", "تعزيز التبادل التجاري"),
        ("وقال الصفدي إنه لا بد من إعادة إعمار المدن المدمرة.", "إعادة إعمار المدن المدمرة"),
    ],
)
def test_a_point_the_parties_stressed_is_on_the_agenda(tail, topic):
    assert topic in _agenda(_summary(_AMMAN + tail))


def test_an_agenda_item_cut_at_its_word_limit_does_not_end_on_a_preposition():
    tail = ("وبحث الجانبان سبل ضمان وصول المساعدات الإنسانية العاجلة إلى المتضررين في المناطق الحدودية دون "
            "عوائق تذكر.")
    assert all(not item.endswith((" دون", " في", " إلى")) for item in _agenda(_summary(_AMMAN + tail)))


@pytest.mark.parametrize(
    "text",
    [
        "استقبل أمير منطقة تبوك الأمير فهد بن سلطان في مكتبه اليوم مدير الجامعة الدكتور عبدالله العتيبي الذي قدم تهنئته لسموه بعيد الأضحى المبارك.",
        "استقبل أمير منطقة تبوك الأمير فهد بن سلطان في مكتبه اليوم مدير الجامعة الدكتور عبدالله العتيبي وقدم له التهاني وبعيد الأضحى المبارك.",
    ],
)
def test_the_occasion_of_a_courtesy_visit_is_its_agenda(text):
    assert _agenda(_summary(text)) == ["عيد الأضحى المبارك"]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("بحث وزير الخارجية الإيراني عباس عراقجي مع وزير الخارجية البريطاني ديفيد لامي في عمان ملف الملاحة. "
         "وتلعب سلطنة عمان دور الوسيط.", None),
        ("بحث وزير الخارجية الإيراني عباس عراقجي مع وزير الخارجية البريطاني ديفيد لامي في عمان ملف الملاحة. "
         "ويزور الوزير الأردن للمرة الأولى.", ("عمان", "الأردن", None)),
    ],
)
def test_a_city_that_shares_its_name_with_another_state_follows_the_text(text, venue):
    assert _venue(_summary(text)) == venue


@pytest.mark.parametrize(
    ("tail", "not_topic"),
    [
        ("وبحث الجانبان أمن الحدود، وفق ما جاء في بيان الوزارة الرسمي.", "جاء في بيان الوزارة الرسمي"),
        ("وتبادل الجانبان وجهات النظر حول أمن الحدود، من دون إعطاء مزيد من التفاصيل.", "إعطاء مزيد من التفاصيل"),
        ("وبحث الجانبان خطر الإرهاب، الذي تمثله الجماعات المسلحة في المنطقة.", "تمثله الجماعات المسلحة في المنطقة"),
    ],
)
def test_attributions_and_relative_clauses_are_not_topics(tail, not_topic):
    agenda = _agenda(_summary(_AMMAN + tail))
    assert not any(not_topic in item for item in agenda)
    assert any(item.startswith(("أمن الحدود", "خطر الإرهاب")) for item in agenda)


def test_topics_of_a_sentence_about_other_people_stay_out_of_the_agenda():
    tail = ("وكان الرئيس البرازيلي لولا دا سيلفا قد بحث مع المستشار الألماني فريدريش ميرتس "
            "ملف التجارة الحرة.")
    assert _agenda(_summary(_AMMAN + "وبحث الجانبان أمن الحدود. " + tail)) == ["أمن الحدود"]


@pytest.mark.parametrize(
    ("tail", "agenda"),
    [
        pytest.param("وأشاد فاديفول بالتعاون القائم بين البلدين في مجال الطاقة.",
                     ["التعاون القائم بين البلدين في مجال الطاقة"], id="praise"),
        pytest.param("وبحث الجانبان سبل تعزيز التعاون الثنائي وخاصة في المجالات العسكرية، بالإضافة إلى "
                     "القضايا ذات الاهتمام المشترك.",
                     ["سبل تعزيز التعاون الثنائي", "القضايا ذات الاهتمام المشترك"], id="a joined topic after an aside"),
        pytest.param("وبحث الصفدي مع القيادة الألمانية خلال زيارته ملف اللاجئين السوريين.",
                     ["ملف اللاجئين السوريين"], id="the counterpart after مع is not a topic"),
        pytest.param("وبحث الجانبان المبعوث الخاص بشأن سوريا.", [], id="a phrase that opens with a title"),
    ],
)
def test_more_agenda_classes(tail, agenda):
    assert _agenda(_summary(_AMMAN + tail)) == agenda


def test_people_named_after_a_participle_of_speech_are_talked_about():
    text = ("استقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول، "
            "مشيرا إلى أن زيارات الرئيس البرازيلي لولا دا سيلفا للمنطقة تعكس اهتمام بلاده.")
    assert [p.name for p in _summary(text).participants] == ["أيمن الصفدي", "يوهان فاديفول"]


def test_a_group_after_the_meeting_that_gathers_it_takes_part():
    text = ("أكد الأمين العام للاتحاد العام التونسي للشغل نور الدين الطبوبي على ضرورة التباحث في الشأن الوطني "
            "خلال اللقاء الذي سيجمع الرباعي الراعي للحوار اليوم مع الرئيس الفرنسي إيمانويل ماكرون.")
    assert (None, None, "الرباعي الراعي للحوار") in _people(_summary(text))


def test_a_bare_group_word_before_the_states_it_stands_for_is_not_a_party():
    text = _AMMAN + "وعقد الوزيران اجتماعا بمشاركة ممثلي روسيا والولايات المتحدة."
    assert "ممثلي" not in [p.affiliation for p in _summary(text).participants]


def test_two_known_people_side_by_side_are_two_names():
    text = "أرسل الرئيس الأميركي دونالد ترامب بومبيو إلى بيونغ يانغ للقاء الزعيم الكوري الشمالي كيم جونغ أون."
    names = [p.name for p in _summary(text, "2018-04-27").participants + _summary(text, "2018-04-27").mentioned
             if getattr(p, "name", None)]
    assert "دونالد ترامب بومبيو" not in names


def test_a_word_for_upon_after_a_title_is_no_name():
    text = "والتقى المسؤول الأممي فور وصوله إلى عدن محافظ عدن نائف البكري."
    assert "فور" not in [p.name for p in _summary(text).participants]


def test_a_building_ends_before_the_name_of_its_holder():
    text = "والتقى المنسق الأممي يوهانس فانديلاو اليوم في عدن بمقر رئاسة الجمهورية محمد مارم مدير المكتب."
    assert _venue(_summary(text)) == ("عدن", "اليمن", "مقر رئاسة الجمهورية")


def test_a_described_group_is_not_folded_into_a_person_and_ends_before_a_purpose():
    text = ("ترأس محافظ المنطقة بالنيابة الأستاذ خالد الأحمد، اجتماعا ضم مدراء الإدارات الحكومية "
            "ذات العلاقة لوضع خطط موسم الصيف.")
    summary = _summary(text)
    assert summary.meeting_detected
    assert (None, None, "مدراء الإدارات الحكومية ذات العلاقة") in _people(summary)


def test_a_fathers_name_inside_a_sons_is_another_person():
    text = ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة اليوم وزير الدفاع الأمريكي "
            "لويد أوستن. حضر الاستقبال الأمير محمد بن سلمان بن عبدالعزيز ولي العهد.")
    names = [p.name for p in _summary(text).participants]
    assert names[0] == "سلمان بن عبدالعزيز" and "محمد بن سلمان بن عبدالعزيز" not in names[:1]


@pytest.mark.parametrize("institution", ["مركز الملك سلمان للإغاثة", "جامعة الملك سعود", "مطار الملك خالد الدولي"])
def test_a_person_an_institution_is_named_after_does_not_take_part(institution):
    text = f"استقبل مدير {institution} الدكتور خالد العتيبي اليوم سفير فنلندا بيكا فاوتيلاينين."
    assert [(p.name, p.role) for p in _summary(text).participants] == [
        ("خالد العتيبي", f"مدير {institution}"), ("بيكا فاوتيلاينين", "سفير فنلندا")]


def test_a_royal_title_after_an_institution_word_is_its_name():
    text = "استقبل المشرف على مركز الملك سلمان للإغاثة اليوم سفير فنلندا بيكا فاوتيلاينين."
    assert "سلمان" not in [p.name for p in _summary(text).participants]


@pytest.mark.parametrize(
    ("source", "affiliation"),
    [("جبهة تحرير الشمال الموحدة", "جبهة تحرير الشمال الموحدة"), ("جامعة جازان", "جامعة جازان")],
)
def test_a_delegation_from_a_body_the_lexicon_does_not_know_is_a_party(source, affiliation):
    text = f"استقبل الرئيس الفرنسي إيمانويل ماكرون الخميس وفدا من {source}، الذي يزور فرنسا."
    assert _people(_summary(text)) == [("إيمانويل ماكرون", "الرئيس", "فرنسا"), (None, None, affiliation)]


def test_a_states_long_form_with_an_epithet_before_a_name():
    text = ("عقد الرئيس الفرنسي إيمانويل ماكرون اليوم جلسة مباحثات مع رئيس وزراء جمهورية باكستان الإسلامية "
            "شهباز شريف.")
    assert _people(_summary(text))[1] == ("شهباز شريف", "رئيس وزراء جمهورية باكستان", "باكستان")


@pytest.mark.parametrize("words", ["بحضور خادم الحرمين الشريفين ولي عهده"])
def test_his_crown_prince_is_a_title_not_a_name(words):
    text = f"استقبل أمير المنطقة اليوم سفير فنلندا بيكا فاوتيلاينين {words}."
    names = [p.name for p in _summary(text).participants]
    assert names == ["بيكا فاوتيلاينين", None]


def test_states_that_take_part_in_a_summit_are_parties_unless_their_leader_is_named():
    text = ("عقد الرئيس الأمريكي دونالد ترامب وقادة مجموعة السبع أول جلسة عمل لقمتهم في كندا الجمعة. "
            "ويشارك قادة بريطانيا وفرنسا واليابان أيضا في الاجتماعات. كما يشارك الاتحاد الأوروبي في الاجتماعات. "
            "والتقى ترامب على هامش القمة الرئيس الفرنسي إيمانويل ماكرون.")
    people = _people(_summary(text, "2018-06-09"))
    assert [affiliation for name, _, affiliation in people if name is None] == [
        "مجموعة السبع", "بريطانيا", "اليابان", "الاتحاد الأوروبي"]
    assert [name for name, _, _ in people if name] == ["دونالد ترامب", "إيمانويل ماكرون"]  # no "أول"
    assert ("إيمانويل ماكرون", "الرئيس", "فرنسا") in people


def test_a_body_after_a_role_drops_the_roles_preposition():
    text = "استقبل رئيس الجمهورية الباجي قايد السبسي اليوم الأمين العام لحركة مشروع تونس محسن مرزوق."
    assert _people(_summary(text))[1] == ("محسن مرزوق", "الأمين العام لحركة مشروع تونس", "حركة مشروع تونس")


def test_a_person_in_two_meetings_is_listed_once():
    text = ("استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم رئيس الوزراء الهندي ناريندرا مودي. "
            "كما التقى مودي في برلين أمس المستشار الألماني فريدريش ميرتس.")
    names = [p.name for p in _summary(text).participants]
    assert names.count("ناريندرا مودي") == 1


def test_a_delegation_of_an_institution_in_construct_is_a_party_and_no_name():
    text = "التقى السفير السعودي في كندا نايف السديري خلال لقائه اليوم وفد جامعة جازان في أوتاوا."
    people = _people(_summary(text))
    assert (None, None, "جامعة جازان") in people and all(name != "جامعة" for name, _, _ in people)


# --------------------------------------------------------------------------- 13. the remaining classes, end to end


def test_a_mountain_summit_is_no_meeting():
    summary = _summary("تمكن فريق من المتسلقين السعوديين من الوصول إلى قمة الجبل الأعلى في أفريقيا أمس.")
    assert (summary.meeting_detected, summary.participants) == (False, ())


def test_an_intention_to_meet_is_a_planned_meeting():
    summary = _summary("يعتزم الرئيس الفرنسي إيمانويل ماكرون لقاء رئيس الوزراء الهندي ناريندرا مودي الشهر المقبل في باريس.")
    assert (summary.status, [p.name for p in summary.participants]) == ("planned", ["إيمانويل ماكرون", "ناريندرا مودي"])


def test_dual_forms_refer_to_the_two_parties_and_add_none():
    text = _AMMAN + "وبحث الوزيران سبل تعزيز التعاون، فيما أكد وزيرا خارجية البلدين أهمية التنسيق المستمر."
    summary = _summary(text)
    assert [p.name for p in summary.participants] == ["أيمن الصفدي", "يوهان فاديفول"]
    assert _agenda(summary) == ["سبل تعزيز التعاون", "التنسيق المستمر"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("التقى وزير التجارة الأمريكي جون ميلر اليوم مع ممثلي شركات صناعة الأثاث.", "ممثلي شركات صناعة الأثاث"),
        ("اجتمع وزير الصحة الأردني فراس الهواري أمس بعدد من مديري المستشفيات الحكومية.", "مديري المستشفيات الحكومية"),
        ("التقى وزير الخارجية الأردني أيمن الصفدي خلال زيارته بأقارب ضحايا الفيضانات.", "أقارب ضحايا الفيضانات"),
        ("وقال الوزير جون ميلر إن اجتماعه مع رؤساء الغرف التجارية كان مثمرا.", "رؤساء الغرف التجارية"),
    ],
)
def test_a_group_a_meeting_word_takes_with_b_or_maa_is_a_party(text, group):
    summary = _summary(text)
    assert summary.meeting_detected
    assert (None, None, group) in _people(summary)


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية الأردني أيمن الصفدي بمقر الوزارة أمس.",
        "وأجرى باحثون من جامعة عمان مقابلات مع الطلاب.",
        "وتزامن الاجتماع مع إعلان الحكومة الأردنية خطتها الجديدة.",
    ],
)
def test_a_place_a_subject_or_an_event_after_a_meeting_word_is_no_party(text):
    assert not any(p.name is None and p.role is None for p in _summary(text).participants)


def test_a_meeting_verb_with_no_subject_has_the_person_named_just_before():
    text = ("وصل وزير الخارجية الأردني أيمن الصفدي إلى مدينة إربد أمس. "
            "كما التقى خلال الزيارة بأقارب ضحايا الفيضانات.")
    summary = _summary(text)
    assert summary.meeting_detected
    assert [p.name or p.affiliation for p in summary.participants] == ["أيمن الصفدي", "أقارب ضحايا الفيضانات"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("تحادث رئيس الحكومة التونسي كمال المدوري اليوم بقصر الحكومة مع وزير الخارجية الإيطالي أنطونيو تاياني.",
         ["كمال المدوري", "أنطونيو تاياني"]),
        ("وصف الرئيس الكيني وليام روتو مباحثاته مع الرئيس الغاني جون ماهاما في نيروبي أمس بالمثمرة.",
         ["وليام روتو", "جون ماهاما"]),
        ("وأنهى المبعوث الأممي هانس غروندبرغ مشاوراته مع رئيس مجلس القيادة اليمني رشاد العليمي في الرياض.",
         ["هانس غروندبرغ", "رشاد العليمي"]),
    ],
)
def test_talks_told_by_a_verb_of_conversing_or_a_possessed_noun_are_a_meeting(text, names):
    summary = _summary(text)
    assert summary.meeting_detected
    assert [p.name for p in summary.participants] == names


@pytest.mark.parametrize("text, junk", [
    ("أمير عسير يستقبل مدير الجامعة\n\nاستقبل الأمير فيصل بن خالد أمير منطقة عسير في مكتبه اليوم "
     "مدير جامعة الملك خالد الدكتور فالح السلمي.", "عسير"),  # a region after أمير
    ("التقى الرئيس الكوري الجنوبي مون جيه إن الزعيم الكوري الشمالي كيم جونغ أون عند الحدود، ليصبح كيم "
     "أول زعيم لكوريا الشمالية تطأ قدماه أرض الجنوب.", "تطأ"),  # a verb after زعيم
])
def test_a_word_never_seen_in_names_is_no_name_on_its_own(text, junk):
    names = [name for name, _, _ in _people(_summary(text))]
    assert junk not in names
    assert len(names) >= 2


def test_a_word_never_seen_in_names_may_still_start_a_longer_name_after_a_title():
    text = "استقبل الرئيس الفرنسي إيمانويل ماكرون العميد سلام الحربي."  # سلام: an adjective, and a name
    assert ("سلام الحربي", "العميد", None) in _people(_summary(text))


@pytest.mark.parametrize("text, party", [
    ("استقبل أمير منطقة عسير الأمير فيصل بن خالد في مكتبه أمس السفير الأمريكي جون سميث.",
     ("فيصل بن خالد", "أمير منطقة عسير", "منطقة عسير")),
    ("استقبل محافظ جدة الأمير مشعل بن ماجد في مكتبه أمس السفير الأمريكي جون سميث.",
     ("مشعل بن ماجد", "محافظ جدة", "جدة")),
])
def test_a_royal_rank_after_an_office_and_its_body_opens_the_name(text, party):
    assert party in _people(_summary(text))
