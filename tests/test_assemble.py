"""Assembly: participants, venue, status, kind, agenda, statements, mentions, evidence.

Every article here was written by the team in the style of Arabic news agencies (SPA,
QNA, WAM, MENA, Anadolu); the events and wording are invented and none is a real article.
"""

import pytest

from meetsum import summarize

PUBLISHED = "2025-05-20"


def _summary(text):
    return summarize(text, published=PUBLISHED)


def _people(summary):
    return [(p.name, p.role, p.affiliation) for p in summary.participants]


def _party(summary, name):
    found = [p for p in summary.participants if p.name == name]
    assert len(found) == 1, _people(summary)
    return found[0]


# --------------------------------------------------------------------------- participants and aliases

DOHA = ("استقبل وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم وزير الخارجية التركي "
        "هاكان فيدان. وقال فيدان إن بلاده تدعم جهود الوساطة. وأشار هاكان إلى أهمية التهدئة.")


def test_short_mentions_join_the_full_name():
    summary = _summary(DOHA)
    assert _people(summary) == [
        ("محمد بن عبدالرحمن آل ثاني", "وزير الخارجية", "قطر"),
        ("هاكان فيدان", "وزير الخارجية", "تركيا"),
    ]
    assert _party(summary, "هاكان فيدان").aliases == ("فيدان", "هاكان")


def test_a_surname_after_a_conjunction_is_an_alias():
    text = ("التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول. "
            "وشدد الصفدي على ضرورة وقف إطلاق النار في غزة. وقال فاديفول إن بلاده تدعم حل الدولتين.")
    summary = _summary(text)
    assert len(summary.participants) == 2
    assert _party(summary, "أيمن الصفدي").aliases == ("الصفدي",)
    assert _party(summary, "يوهان فاديفول").aliases == ("فاديفول",)



def test_a_name_after_lam_that_swallowed_the_article_is_the_same_party():
    """"للسيسي" is ل + السيسي: the mention joins عبد الفتاح السيسي and never names "لسيسي"."""
    from meetsum.lexicon import default_lexicon
    from meetsum.parties import find_parties, name_text
    from meetsum.recognize import recognize
    from meetsum.text import analyze

    text = "استقبل الرئيس المصري عبد الفتاح السيسي اليوم وزير الخارجية الكيني. لقاء للسيسي مع الوزير الكيني في القاهرة."
    rec = recognize(analyze(text), default_lexicon())
    named = [(name_text(rec.doc, p.name), len(p.mentions)) for p in find_parties(rec, default_lexicon()) if p.name]
    assert named == [("عبد الفتاح السيسي", 2)]

@pytest.mark.parametrize(
    ("text", "people"),
    [
        # استقبل host ... visitor
        ("القاهرة (أ ش أ) - استقبل الرئيس عبدالفتاح السيسي اليوم رئيس الوزراء الإسباني بيدرو سانشيز.",
         [("عبدالفتاح السيسي", "الرئيس", "مصر"), ("بيدرو سانشيز", "رئيس الوزراء", "إسبانيا")]),
        # بحث X مع Y
        ("بحث الرئيس الإماراتي محمد بن زايد آل نهيان مع رئيس الوزراء الهندي ناريندرا مودي في أبوظبي "
         "اليوم سبل تعزيز العلاقات الثنائية.",
         [("محمد بن زايد آل نهيان", "الرئيس", "الإمارات"), ("ناريندرا مودي", "رئيس الوزراء", "الهند")]),
        # التقى X بـ Y (clitic and separate)
        ("التقى وزير الخارجية الأردني أيمن الصفدي بوزير الخارجية الألماني يوهان فاديفول في عمان اليوم.",
         [("أيمن الصفدي", "وزير الخارجية", "الأردن"), ("يوهان فاديفول", "وزير الخارجية", "ألمانيا")]),
        ("التقى رئيس الوزراء اللبناني نواف سلام بـ وزير الخارجية الفرنسي جان نويل بارو في بيروت اليوم.",
         [("نواف سلام", "رئيس الوزراء", "لبنان"), ("جان نويل بارو", "وزير الخارجية", "فرنسا")]),
        # خلال لقائه مع
        ("أكد وزير الخارجية المصري بدر عبدالعاطي، خلال لقائه مع وزير الخارجية الإسباني خوسيه مانويل "
         "ألباريس في القاهرة أمس، أهمية التنسيق بين البلدين.",
         [("بدر عبدالعاطي", "وزير الخارجية", "مصر"), ("خوسيه مانويل ألباريس", "وزير الخارجية", "إسبانيا")]),
        # title + لـ organization
        ("التقى الأمين العام لجامعة الدول العربية أحمد أبو الغيط في القاهرة اليوم وزير الخارجية العماني "
         "بدر البوسعيدي، وبحثا تطورات القضية الفلسطينية.",
         [("أحمد أبو الغيط", "الأمين العام لجامعة الدول العربية", "جامعة الدول العربية"),
          ("بدر البوسعيدي", "وزير الخارجية", "عمان")]),
        # a royal chain and a dateline that gives the host state
        ("الرياض (واس) - استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود اليوم رئيس الوزراء "
         "الماليزي أنور إبراهيم.",
         [("سلمان بن عبدالعزيز آل سعود", "خادم الحرمين الشريفين الملك", "السعودية"),
          ("أنور إبراهيم", "رئيس الوزراء", "ماليزيا")]),
        # a name before its title; the dateline gives the state
        ("أبوظبي (وام) - التقى سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية، اليوم، وزير الخارجية "
         "الهنغاري بيتر سيارتو.",
         [("عبدالله بن زايد آل نهيان", "وزير الخارجية", "الإمارات"), ("بيتر سيارتو", "وزير الخارجية", "المجر")]),
        ("أبوظبي (وام) - استقبل صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة اليوم الرئيس الكيني "
         "وليام روتو.",
         [("محمد بن زايد آل نهيان", "رئيس الدولة", "الإمارات"), ("وليام روتو", "الرئيس", "كينيا")]),
        # hashtag names are printed with spaces
        ("التقى الرئيس الروسي #فلاديمير_بوتين في موسكو اليوم الرئيس الصيني #شي_جين_بينغ.",
         [("فلاديمير بوتين", "الرئيس", "روسيا"), ("شي جين بينغ", "الرئيس", "الصين")]),
    ],
)
def test_hosts_visitors_and_partners(text, people):
    summary = _summary(text)
    assert summary.meeting_detected
    assert _people(summary) == people


@pytest.mark.parametrize(
    ("text", "counterpart", "affiliation"),
    [
        # a visit: the counterpart is the host, of the venue's state
        ("بحث وزير الخارجية التركي هاكان فيدان مع نظيره فؤاد حسين خلال زيارته إلى بغداد اليوم "
         "التطورات في المنطقة.", "فؤاد حسين", "العراق"),
        ("التقى وزير الخارجية التركي هاكان فيدان في بغداد اليوم نظيره فؤاد حسين.", "فؤاد حسين", "العراق"),
        # the counterpart's own nationality wins
        ("الرياض (واس) - استقبل صاحب السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، اليوم، "
         "نظيره الأردني أيمن الصفدي.", "أيمن الصفدي", "الأردن"),
    ],
)
def test_a_counterpart_takes_the_subjects_role(text, counterpart, affiliation):
    summary = _summary(text)
    assert len(summary.participants) == 2
    party = _party(summary, counterpart)
    assert (party.role, party.affiliation) == ("وزير الخارجية", affiliation)


def test_a_visiting_counterpart_is_not_given_the_hosts_state():
    text = "استقبل وزير الخارجية العراقي فؤاد حسين في بغداد اليوم نظيره هاكان فيدان."
    summary = _summary(text)
    assert _party(summary, "فؤاد حسين").affiliation == "العراق"
    visitor = _party(summary, "هاكان فيدان")
    assert visitor.role == "وزير الخارجية"
    assert visitor.affiliation != "العراق"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("التقى الرئيس الفلسطيني محمود عباس بوفد من حركة حماس في الدوحة أمس.", "وفد"),
        ("استقبل وزير الخارجية المصري بدر عبدالعاطي في القاهرة اليوم وفدا من حركة حماس، "
         "وبحث معه مستجدات المفاوضات.", "وفدا"),
        ("استقبل وزير الخارجية المصري بدر عبدالعاطي اليوم وفد حماس.", "وفد"),
        ("التقى نائب وزير الخارجية الروسي ميخائيل بوغدانوف في موسكو اليوم وفدا من حركة حماس.", "وفدا"),
    ],
)
def test_an_unnamed_delegation_is_a_party_with_an_affiliation_and_no_name(text, role):
    summary = _summary(text)
    assert summary.meeting_detected
    assert len(summary.participants) == 2
    assert _people(summary)[1] == (None, role, "حماس")


@pytest.mark.parametrize(
    ("text", "delegation"),
    [
        # adjectives of kind between the group word and the state's nisba
        ("استقبل وزير الخارجية المصري بدر عبدالعاطي في القاهرة اليوم وفدا برلمانيا فرنسيا.",
         (None, "وفدا برلمانيا", "فرنسا")),
        ("استقبل وزير الخارجية المصري بدر عبدالعاطي اليوم وفدا برلمانيا ألمانيا.",
         (None, "وفدا برلمانيا", "ألمانيا")),
        ("استقبل وزير الخارجية الأردني أيمن الصفدي اليوم الوفد الأمني العراقي.",
         (None, "الوفد الأمني", "العراق")),
        ("استقبل وزير الخارجية الأردني أيمن الصفدي اليوم وفدا اقتصاديا رفيع المستوى من الاتحاد الأوروبي.",
         (None, "وفدا اقتصاديا رفيع المستوى", "الاتحاد الأوروبي")),
        # the delegation as the subject
        ("وفد عسكري تركي يجتمع في أنقرة اليوم بوزير الخارجية السوري أسعد الشيباني.",
         (None, "وفد عسكري", "تركيا")),
        # the indefinite accusative of a nationality adjective
        ("استقبل الرئيس اللبناني جوزاف عون اليوم وفدا أمريكيا.", (None, "وفدا", "الولايات المتحدة")),
        # a delegation that says whom it represents
        ("التقى وزير الخارجية الفرنسي جان نويل بارو في باريس اليوم وفدا يمثل رابطة مزارعي الوادي.",
         (None, None, "رابطة مزارعي الوادي")),
        ("استقبل وزير الخارجية الأردني أيمن الصفدي اليوم وفدا يمثل الاتحاد الأوروبي.",
         (None, "وفدا", "الاتحاد الأوروبي")),
    ],
)
def test_a_described_delegation_is_a_party_of_its_state_or_body(text, delegation):
    summary = _summary(text)
    assert summary.meeting_detected
    assert delegation in _people(summary)


def test_a_body_a_delegation_comes_from_ends_before_a_verb():
    text = ("استقبل وزير الزراعة المغربي أحمد البواري في الرباط اليوم وفدا من اتحاد المزارعين الأفارقة "
            "يترأسه رئيس الاتحاد.")
    assert (None, None, "اتحاد المزارعين الأفارقة") in _people(_summary(text))


@pytest.mark.parametrize(
    "text",
    [
        # a state right after the adjectives, in the nominative, is where the delegation went
        "زار وفد برلماني تركيا اليوم والتقى عددا من المسؤولين.",
        # what a delegation is made of is not whom it represents
        "استقبل وزير الخارجية الأردني أيمن الصفدي اليوم وفدا مكونا من خبراء المياه الإقليميين.",
    ],
)
def test_a_delegation_without_a_state_or_source_is_no_party(text):
    assert all(affiliation is None or "خبراء" not in affiliation and affiliation != "تركيا"
               for _, _, affiliation in _people(_summary(text)))


# --------------------------------------------------------------------------- venue


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("التقى الرئيس المصري عبدالفتاح السيسي بالعاهل الأردني الملك عبدالله الثاني في العاصمة القطرية "
         "الدوحة أمس.", "الدوحة", "قطر"),
        ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم وزير الخارجية السوري أسعد الشيباني.",
         "موسكو", "روسيا"),
        ("اجتمع وزير الخارجية المغربي ناصر بوريطة في الرباط اليوم بنظيره الموريتاني محمد سالم ولد مرزوك.",
         "الرباط", "المغرب"),
        # a dateline city is the venue when the text names no other
        ("الرياض (واس) - استقبل صاحب السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، اليوم، "
         "نظيره الأردني أيمن الصفدي.", "الرياض", "السعودية"),
        ("القاهرة (أ ش أ) - استقبل الرئيس عبدالفتاح السيسي اليوم رئيس الوزراء الإسباني بيدرو سانشيز.",
         "القاهرة", "مصر"),
        # عمان the city is not عمان the state
        ("عمان (بترا) - عقدت في عمان اليوم قمة ثلاثية جمعت العاهل الأردني الملك عبدالله الثاني والرئيس "
         "المصري عبدالفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون.", "عمان", "الأردن"),
    ],
)
def test_venue(text, city, country):
    venue = _summary(text).venue
    assert (venue.city, venue.country) == (city, country)


def test_a_city_with_a_clitic_is_printed_without_it():
    text = ("استقبل وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني بالدوحة، اليوم، وزير الخارجية التركي "
            "هاكان فيدان.")
    assert _summary(text).venue.city == "الدوحة"


def test_no_venue_without_a_place():
    text = "استقبل الرئيس الجزائري عبدالمجيد تبون اليوم وزير الخارجية الفرنسي جان نويل بارو."
    summary = _summary(text)
    assert summary.meeting_detected
    assert summary.venue is None


# --------------------------------------------------------------------------- status and kind


@pytest.mark.parametrize(
    ("text", "status", "kind"),
    [
        ("سيلتقي وزير الخارجية الأمريكي ماركو روبيو نظيره الروسي سيرغي لافروف في إسطنبول الخميس المقبل "
         "لبحث الأزمة الأوكرانية.", "planned", "in_person"),
        ("من المقرر أن يجتمع الرئيس التركي رجب طيب أردوغان مع الرئيس الأوكراني فولوديمير زيلينسكي في أنقرة.",
         "planned", "in_person"),
        ("يصل الرئيس الفرنسي إيمانويل ماكرون إلى الرياض غدا في زيارة رسمية تشمل مباحثات مرتقبة مع ولي "
         "العهد الأمير محمد بن سلمان.", "planned", "in_person"),
        ("يستقبل الرئيس التركي رجب طيب أردوغان في أنقرة الأسبوع المقبل الرئيس الأذربيجاني إلهام علييف.",
         "planned", "in_person"),
        ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي ماركو روبيو في واشنطن أمس.",
         "held", "in_person"),
        ("أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع ولي العهد السعودي الأمير محمد بن سلمان، "
         "تناول العلاقات الثنائية والأوضاع في غزة.", "held", "call"),
        ("تلقى الرئيس السوري أحمد الشرع اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، جرى خلاله بحث "
         "الأوضاع في سوريا.", "held", "call"),
        ("عقد وزير الخارجية الإماراتي عبدالله بن زايد آل نهيان اجتماعا عبر تقنية الاتصال المرئي مع نظيره "
         "الياباني تاكيشي إيوايا.", "held", "virtual"),
        ("شارك ولي العهد السعودي الأمير محمد بن سلمان في قمة افتراضية عبر تقنية الاتصال المرئي مع الرئيس "
         "الأمريكي دونالد ترامب.", "held", "virtual"),
    ],
)
def test_status_and_kind(text, status, kind):
    summary = _summary(text)
    assert summary.meeting_detected
    assert len(summary.participants) == 2
    assert (summary.status, summary.kind) == (status, kind)


@pytest.mark.parametrize(
    "text",
    [
        # a phone call names a city (where one side was), but has no venue
        "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا اليوم مع نظيره السعودي فيصل بن فرحان في الرياض.",
        "عقد وزير الخارجية الإماراتي عبدالله بن زايد آل نهيان في أبوظبي اجتماعا عبر تقنية الاتصال المرئي "
        "مع نظيره الياباني تاكيشي إيوايا.",
    ],
)
def test_calls_and_video_meetings_have_no_venue(text):
    summary = _summary(text)
    assert summary.kind in ("call", "virtual")
    assert summary.venue is None


def test_a_phone_call_keeps_both_parties():
    text = "أجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا اليوم مع نظيره السعودي فيصل بن فرحان في الرياض."
    summary = _summary(text)
    assert _people(summary) == [
        ("أيمن الصفدي", "وزير الخارجية", "الأردن"),
        ("فيصل بن فرحان", "وزير الخارجية", "السعودية"),
    ]
    assert summary.date == "2025-05-20"


def test_a_summit_with_several_leaders():
    text = ("عمان (بترا) - عقدت في عمان اليوم قمة ثلاثية جمعت العاهل الأردني الملك عبدالله الثاني والرئيس "
            "المصري عبدالفتاح السيسي والرئيس الفرنسي إيمانويل ماكرون، وبحث القادة الأوضاع في غزة.")
    summary = _summary(text)
    assert _people(summary) == [
        ("عبدالله الثاني", "الملك", "الأردن"),
        ("عبدالفتاح السيسي", "الرئيس", "مصر"),
        ("إيمانويل ماكرون", "الرئيس", "فرنسا"),
    ]
    assert [a.text for a in summary.agenda] == ["الأوضاع في غزة"]
    assert summary.date == "2025-05-20"


# --------------------------------------------------------------------------- mentioned, not participants


@pytest.mark.parametrize(
    ("text", "participants", "mentioned"),
    [
        # a quoted analyst
        ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي ماركو روبيو في واشنطن أمس. وقال "
         "المحلل السياسي علي الحسن إن اللقاء يعكس تقاربا بين البلدين.",
         ["فيصل بن فرحان", "ماركو روبيو"], ["علي الحسن"]),
        ("التقى الرئيس الصيني شي جين بينغ في بكين اليوم رئيس الوزراء الإسباني بيدرو سانشيز. وقال الخبير "
         "في الشؤون الآسيوية علي الحسن إن الزيارة تحمل رسائل اقتصادية.",
         ["شي جين بينغ", "بيدرو سانشيز"], ["علي الحسن"]),
        # a spokesman reporting on the meeting
        ("قال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن وزير الخارجية القطري محمد بن عبدالرحمن "
         "آل ثاني التقى أمس في الدوحة المبعوث الأمريكي الخاص.",
         ["محمد بن عبدالرحمن آل ثاني", None], ["ماجد الأنصاري"]),
        ("وقال المتحدث باسم الخارجية الأمريكية تامي بروس إن وزير الخارجية ماركو روبيو التقى أمس نظيره "
         "الهندي سوبرامانيام جايشانكار.",
         ["ماركو روبيو", "سوبرامانيام جايشانكار"], ["تامي بروس"]),
        # a leader who only sent greetings
        ("استقبل الرئيس الجزائري عبدالمجيد تبون اليوم وزير الخارجية الفرنسي جان نويل بارو الذي نقل إليه "
         "تحيات الرئيس الفرنسي إيمانويل ماكرون.",
         ["عبدالمجيد تبون", "جان نويل بارو"], ["إيمانويل ماكرون"]),
    ],
)
def test_people_merely_mentioned_are_not_participants(text, participants, mentioned):
    summary = _summary(text)
    assert [p.name for p in summary.participants] == participants
    people = [m.text for m in summary.mentioned if m.kind == "person"]
    assert people == mentioned


@pytest.mark.parametrize(
    "text",
    [
        # football: لقاء القمة with a match
        "فاز المنتخب السعودي على نظيره الياباني في لقاء القمة الذي جمعهما أمس ضمن مباراة الدور الثاني.",
        "يلتقي فريق الهلال السعودي مع نظيره الأهلي المصري في لقاء القمة مساء الخميس المقبل على ملعب "
        "القاهرة الدولي ضمن مباراة نصف النهائي.",
        # a seminar
        "نظمت جامعة القاهرة ندوة بعنوان مستقبل العلاقات العربية، شارك فيها وزير الخارجية الأسبق عمرو موسى "
        "والمحلل السياسي علي الحسن.",
        "نظمت الجامعة ندوة حول مستقبل العلاقات العربية الأوروبية، التقى فيها الباحث علي الحسن مع الدكتور "
        "خالد المنصور.",
        # a speech
        "ألقى الرئيس اللبناني جوزاف عون كلمة أمام البرلمان، أكد فيها أهمية الإصلاح.",
        "ألقى الرئيس التونسي قيس سعيد خطابا أمام البرلمان تطرق فيه إلى نتائج لقاء القمة العربية السابق.",
    ],
)
def test_meeting_words_outside_a_meeting(text):
    summary = _summary(text)
    assert not summary.meeting_detected
    assert summary.participants == ()
    assert summary.meetings == ()
    assert summary.status is None and summary.kind is None


def test_an_abbreviated_honorific_joins_a_title_to_its_name():
    summary = _summary("استقبل وزير الصحة السعودي د. سالم بن فهد العتيبي أمس وزير الصحة الأردني م. عادل الخطيب.")
    assert _people(summary) == [
        ("سالم بن فهد العتيبي", "وزير الصحة", "السعودية"), ("عادل الخطيب", "وزير الصحة", "الأردن")]


@pytest.mark.parametrize(
    "text",
    [
        # the seminar is the body its head leads, named twice
        "استقبل أمير منطقة القصيم الأمير فيصل بن مشعل أمس رئيس الندوة العالمية للتعليم سعد الحربي وعددا من أعضاء الندوة.",
        # a president-elect, not a football team
        "التقى الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم الرئيس المنتخب للبرتغال جواو سيلفا.",
    ],
)
def test_a_seminar_or_sport_word_that_belongs_to_an_office_is_no_veto(text):
    assert _summary(text).meeting_detected


@pytest.mark.parametrize(
    "text",
    [
        "وكان في استقبال الطائرة عند وصولها وكيل إمارة المنطقة سالم الحربي ومدير المطار خالد العلي.",
        "وأعلن مدير الجامعة سالم الحربي بدء استقبال الطلبات بحضور وكيل الجامعة خالد العلي.",
    ],
)
def test_receiving_things_or_crowds_is_no_meeting(text):
    assert not _summary(text).meeting_detected


def test_receiving_a_visitor_is_a_meeting():
    text = "وكان في استقبال الرئيس التونسي قيس سعيد لدى وصوله وزير الخارجية الجزائري أحمد عطاف."
    assert _summary(text).meeting_detected


def test_people_of_a_non_meeting_article_are_mentioned():
    text = ("نظمت جامعة القاهرة ندوة بعنوان مستقبل العلاقات العربية، شارك فيها وزير الخارجية الأسبق عمرو موسى "
            "والمحلل السياسي علي الحسن.")
    assert [(m.text, m.kind) for m in _summary(text).mentioned] == [("عمرو موسى", "person"), ("علي الحسن", "person")]


# --------------------------------------------------------------------------- agenda

_TALKS = "التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول، "


@pytest.mark.parametrize(
    ("tail", "agenda"),
    [
        ("وبحثا سبل تعزيز العلاقات الثنائية والتطورات الإقليمية.",
         ["سبل تعزيز العلاقات الثنائية", "التطورات الإقليمية"]),
        ("وناقشا سبل تعزيز العلاقات الثنائية، والأوضاع الإنسانية في قطاع غزة.",
         ["سبل تعزيز العلاقات الثنائية", "الأوضاع الإنسانية في قطاع غزة"]),
        ("وتناولا التعاون الاقتصادي بين البلدين فضلا عن الأوضاع في سوريا.",
         ["التعاون الاقتصادي بين البلدين", "الأوضاع في سوريا"]),
        ("واستعرضا مسيرة التعاون المشترك بالإضافة إلى قضايا اللاجئين.",
         ["مسيرة التعاون المشترك", "قضايا اللاجئين"]),
        ("وتطرقا إلى جهود التهدئة في المنطقة.", ["جهود التهدئة في المنطقة"]),
        ("وتبادلا وجهات النظر حول القضايا ذات الاهتمام المشترك.", ["القضايا ذات الاهتمام المشترك"]),
        # two coordinated adjectives stay one topic
        ("لبحث التعاون الإقليمي والدولي في مجال مكافحة الإرهاب.",
         ["التعاون الإقليمي والدولي في مجال مكافحة الإرهاب"]),
        ("وجرى خلال اللقاء بحث المستجدات الإقليمية والدولية.", ["المستجدات الإقليمية والدولية"]),
    ],
)
def test_agenda_after_discussion_verbs(tail, agenda):
    summary = _summary(_TALKS + tail)
    assert summary.meeting_detected
    assert [a.text for a in summary.agenda] == agenda


@pytest.mark.parametrize(
    ("text", "agenda"),
    [
        # a purpose clause
        ("سيلتقي وزير الخارجية الأمريكي ماركو روبيو نظيره الروسي سيرغي لافروف في إسطنبول الخميس المقبل "
         "لبحث الأزمة الأوكرانية.", ["الأزمة الأوكرانية"]),
        # بحث X مع Y topic: the partner is not a topic
        ("بحث وزير الخارجية التركي هاكان فيدان مع نظيره فؤاد حسين خلال زيارته إلى بغداد اليوم التطورات "
         "في المنطقة.", ["التطورات في المنطقة"]),
        ("ناقش وزير الخارجية الجزائري أحمد عطاف مع نظيره التونسي محمد علي النفطي في الجزائر اليوم ملف "
         "الحدود المشتركة، وقضايا الهجرة غير النظامية.",
         ["ملف الحدود المشتركة", "قضايا الهجرة غير النظامية"]),
        ("تطرق وزير الخارجية السعودي فيصل بن فرحان خلال لقائه نظيره الفرنسي جان نويل بارو في باريس أمس "
         "إلى جهود إحلال السلام في المنطقة.", ["جهود إحلال السلام في المنطقة"]),
        ("استعرض وزير الخارجية الكويتي عبدالله اليحيا مع نظيره البحريني عبداللطيف الزياني في الكويت اليوم "
         "مسيرة التعاون الخليجي المشترك.", ["مسيرة التعاون الخليجي المشترك"]),
        ("تلقى الرئيس السوري أحمد الشرع اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون، جرى خلاله بحث "
         "الأوضاع في سوريا.", ["الأوضاع في سوريا"]),
        ("بحث الرئيس الإماراتي محمد بن زايد آل نهيان مع رئيس الوزراء الهندي ناريندرا مودي في أبوظبي اليوم "
         "سبل تعزيز العلاقات الثنائية، والتعاون في مجال الطاقة، فضلا عن المستجدات الإقليمية.",
         ["سبل تعزيز العلاقات الثنائية", "التعاون في مجال الطاقة", "المستجدات الإقليمية"]),
    ],
)
def test_agenda_in_whole_sentences(text, agenda):
    assert [a.text for a in _summary(text).agenda] == agenda


def test_no_agenda_item_is_longer_than_twelve_words():
    text = _TALKS + ("وبحثا العلاقات بين البلدين وسبل تطويرها في المجالات كافة بما يخدم مصالح الشعبين "
                     "الشقيقين ويعزز الأمن والاستقرار في المنطقة والعالم أجمع.")
    agenda = _summary(text).agenda
    assert agenda
    assert all(len(item.text.split()) <= 12 for item in agenda)
    # cut where a phrase ends (before بما), not at the twelfth word
    assert agenda[0].text == "العلاقات بين البلدين وسبل تطويرها في المجالات كافة"


def test_no_agenda_without_a_discussion_cue():
    text = "التقى وزير الخارجية الأردني أيمن الصفدي بوزير الخارجية الألماني يوهان فاديفول في عمان اليوم."
    assert _summary(text).agenda == ()


# --------------------------------------------------------------------------- statements


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        ("التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول. "
         "شدد الصفدي على ضرورة وقف إطلاق النار في غزة. أكد فاديفول أن بلاده تدعم حل الدولتين.",
         [("أيمن الصفدي", "ضرورة وقف إطلاق النار في غزة"), ("يوهان فاديفول", "بلاده تدعم حل الدولتين")]),
        ("التقى وزير الخارجية الأردني أيمن الصفدي في عمان اليوم وزير الخارجية الألماني يوهان فاديفول. "
         "وقال فاديفول إن بلاده تدعم حل الدولتين.",
         [("يوهان فاديفول", "بلاده تدعم حل الدولتين")]),
        # the speaker named by first name only
        ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم وزير الخارجية السوري أسعد الشيباني. "
         "أكد سيرغي أن الحوار مستمر.",
         [("سيرغي لافروف", "الحوار مستمر")]),
        # the speaker named by title and nationality only
        ("التقى وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم وزير الخارجية التركي هاكان "
         "فيدان. شدد الوزير القطري على ضرورة وقف التصعيد.",
         [("محمد بن عبدالرحمن آل ثاني", "ضرورة وقف التصعيد")]),
    ],
)
def test_statements_are_attributed_to_their_speaker(text, statements):
    assert [(s.speaker, s.text) for s in _summary(text).statements] == statements


def test_an_analysts_words_are_not_a_participants_statement():
    text = ("التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأمريكي ماركو روبيو في واشنطن أمس. وقال "
            "المحلل السياسي علي الحسن إن اللقاء يعكس تقاربا بين البلدين.")
    assert _summary(text).statements == ()


# --------------------------------------------------------------------------- several meetings


def test_several_meetings_in_one_article():
    text = ("التقى وزير الخارجية العماني بدر البوسعيدي في مسقط اليوم نظيره الإيراني عباس عراقجي. وفي وقت "
            "لاحق، استقبل سلطان عمان هيثم بن طارق وزير الخارجية البريطاني ديفيد لامي.")
    summary = _summary(text)
    assert len(summary.meetings) == 2
    assert [[p.name for p in m.participants] for m in summary.meetings] == [
        ["بدر البوسعيدي", "عباس عراقجي"],
        ["هيثم بن طارق", "ديفيد لامي"],
    ]
    assert [p.name for p in summary.participants] == ["بدر البوسعيدي", "عباس عراقجي", "هيثم بن طارق", "ديفيد لامي"]
    assert summary.venue.city == "مسقط"
    assert [m.evidence.sentence for m in summary.meetings] == [0, 1]


def test_one_meeting_reported_over_several_sentences_is_one_entry():
    summary = _summary(DOHA)
    assert len(summary.meetings) == 1


# --------------------------------------------------------------------------- evidence


EVIDENCE = ("الرياض (واس) - التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم وزير الخارجية السوري "
            "أسعد الشيباني وبحثا سبل تعزيز العلاقات الثنائية. وقال لافروف إن بلاده تدعم وحدة سوريا. "
            "وقال المحلل علي الحسن إن اللقاء مهم.")


def test_evidence_offsets_index_the_input():
    text = EVIDENCE
    summary = _summary(text)
    for party in summary.participants:
        quoted = text[party.evidence.start : party.evidence.end]
        assert quoted.endswith(party.name)
        assert party.role in quoted
    venue = summary.venue
    assert text[venue.evidence.start : venue.evidence.end] == venue.city == "موسكو"
    assert [text[a.evidence.start : a.evidence.end] for a in summary.agenda] == ["سبل تعزيز العلاقات الثنائية"]
    assert [text[m.evidence.start : m.evidence.end] for m in summary.mentioned] == ["علي الحسن"]
    statement = summary.statements[0]
    assert statement.text in text[statement.evidence.start : statement.evidence.end]
    assert statement.evidence.sentence == 1
    meeting = summary.meetings[0]
    assert text[meeting.evidence.start : meeting.evidence.end].startswith("الرياض (واس) - التقى")


def test_evidence_offsets_survive_leading_space_and_diacritics():
    text = ("\n  التقى وزيرُ الخارجيةِ الروسيُّ سيرغي لافروف في موسكو اليوم وزير الخارجية السوري أسعد الشيباني. "
            "وقال المحلل عليّ الحسن إن اللقاء مهم.")
    summary = _summary(text)
    assert [p.name for p in summary.participants] == ["سيرغي لافروف", "أسعد الشيباني"]
    first = summary.participants[0]
    assert text[first.evidence.start : first.evidence.end] == "وزيرُ الخارجيةِ الروسيُّ سيرغي لافروف"
    assert first.role == "وزيرُ الخارجيةِ"
    assert [text[m.evidence.start : m.evidence.end] for m in summary.mentioned] == ["عليّ الحسن"]
