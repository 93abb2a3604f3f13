"""Recognition: people (title chains, names, honorifics), states, cities and organizations.

Every sentence here was written by the team in the style of Arabic news agencies; none is
taken from a real article.
"""

import pytest

from meetsum.lexicon import default_lexicon
from meetsum.recognize import recognize
from meetsum.text import analyze


def _recognized(text):
    return recognize(analyze(text), default_lexicon())


def _span(rec, start, end):
    tokens = rec.doc.tokens
    return rec.doc.text[tokens[start].start : tokens[end - 1].end] if end > start else None


def _people(text):
    """(name, role, affiliation) of each person, affiliation as (kind, key)."""
    rec = _recognized(text)
    found = []
    for person in rec.people:
        title = person.title
        name = _span(rec, person.name_start, person.name_end) if person.has_name else None
        role = _span(rec, title.role_start, title.role_end) if title else None
        affiliation = (title.affiliation.kind, title.affiliation.key) if title and title.affiliation else None
        found.append((name, role, affiliation))
    return found


def _person(text, name):
    matches = [person for person in _people(text) if person[0] == name]
    assert len(matches) == 1, _people(text)
    return matches[0]


# --------------------------------------------------------------------------- titles and names


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        # modifier + office + complement + nationality adjective, then the name
        ("استقبل نائب وزير الخارجية الروسي ميخائيل بوغدانوف السفير.",
         "ميخائيل بوغدانوف", "نائب وزير الخارجية", ("country", "RU")),
        ("التقى رئيس الوزراء العراقي محمد شياع السوداني السفير.",
         "محمد شياع السوداني", "رئيس الوزراء", ("country", "IQ")),
        ("التقت وزيرة الخارجية الألمانية أنالينا بيربوك نظيرها الفرنسي.",
         "أنالينا بيربوك", "وزيرة الخارجية", ("country", "DE")),
        ("وصل وزير الخارجية التركي هاكان فيدان إلى الدوحة.",
         "هاكان فيدان", "وزير الخارجية", ("country", "TR")),
        # title + لـ organization: the organization is part of the role and the affiliation
        ("التقى الأمين العام لجامعة الدول العربية أحمد أبو الغيط الوزير.",
         "أحمد أبو الغيط", "الأمين العام لجامعة الدول العربية", ("organization", "arab-league")),
        ("التقى الأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك الوزير.",
         "أنطونيو غوتيريش", "الأمين العام للأمم المتحدة", ("organization", "united-nations")),
        # title + state by name
        ("التقى وزير خارجية سلطنة عمان بدر البوسعيدي نظيره.",
         "بدر البوسعيدي", "وزير خارجية سلطنة عمان", ("country", "OM")),
        ("استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني الرئيس.",
         "تميم بن حمد آل ثاني", "أمير دولة قطر", ("country", "QA")),
    ],
)
def test_a_name_after_a_title_chain(text, name, role, affiliation):
    assert _person(text, name) == (name, role, affiliation)


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        # royal and honorific chains: the honorifics and الملك / الأمير are not the name
        ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في قصر اليمامة بالرياض اليوم "
         "وزير الخارجية الأمريكي.",
         "سلمان بن عبدالعزيز آل سعود", "خادم الحرمين الشريفين الملك", ("country", "SA")),
        ("استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي العهد رئيس مجلس الوزراء، "
         "في الرياض اليوم، وزير الخارجية الأمريكي.",
         "محمد بن سلمان بن عبدالعزيز", "ولي العهد رئيس مجلس الوزراء", None),
        ("استقبل صاحب السمو الملكي الأمير فيصل بن فرحان بن عبدالله وزير الخارجية، في الرياض اليوم، "
         "نظيره الأردني.",
         "فيصل بن فرحان بن عبدالله", "وزير الخارجية", None),
        ("التقى فخامة الرئيس عبدالفتاح السيسي الوفد.", "عبدالفتاح السيسي", "الرئيس", None),
        # a name before its title
        ("التقى سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية، في أبوظبي اليوم، نظيره المصري.",
         "عبدالله بن زايد آل نهيان", "وزير الخارجية", None),
        ("التقى عبدالله بن زايد آل نهيان وزير الخارجية في أبوظبي اليوم مع نظيره المصري.",
         "عبدالله بن زايد آل نهيان", "وزير الخارجية", None),
        # an appositive after a comma
        ("قال وزير الخارجية السوري، وليد المعلم، إن اللقاء كان مثمرا.",
         "وليد المعلم", "وزير الخارجية", ("country", "SY")),
        ("التقى الوزير المصري، سامح شكري، نظيره.", "سامح شكري", "الوزير", ("country", "EG")),
    ],
)
def test_honorifics_names_before_titles_and_appositives(text, name, role, affiliation):
    assert _person(text, name) == (name, role, affiliation)


@pytest.mark.parametrize(
    ("text", "honorifics"),
    [
        ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في جدة اليوم الضيف.",
         ("خادم", "الملك")),
        ("استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي العهد، في الرياض اليوم، الوزير.",
         ("صاحب", "السمو", "الملكي", "الأمير")),
        ("التقى سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية، في أبوظبي اليوم، نظيره.",
         ("سمو", "الشيخ")),
    ],
)
def test_no_honorific_is_part_of_a_name(text, honorifics):
    names = [name for name, _, _ in _people(text) if name]
    assert names
    for name in names:
        assert not set(name.split()) & set(honorifics), name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وتسعى إلى إقامة دولة مدنية حديثة.", []),  # دولة "state" before any word: no name
        ("وأكد أن سيادة وعروبة البلد خط أحمر.", []),
        ("التقى دولة سعد الحريري في بيروت الوفد.", ["سعد الحريري"]),  # a given name: the honorific
        ("استقبل معالي خالد العيسى الوفد.", ["خالد العيسى"]),
    ],
)
def test_an_honorific_that_is_also_a_word_takes_only_a_known_name(text, names):
    assert [name for name, _, _ in _people(text) if name] == names


def test_two_named_people_in_one_sentence():
    text = "التقى الرئيس الأمريكي دونالد ترامب الرئيس الروسي فلاديمير بوتين."
    assert _people(text) == [
        ("دونالد ترامب", "الرئيس", ("country", "US")),
        ("فلاديمير بوتين", "الرئيس", ("country", "RU")),
    ]


def test_the_object_of_a_reception_is_a_second_person():
    text = "استقبل الرئيس عبدالفتاح السيسي وزير الخارجية الأمريكي أنتوني بلينكن."
    assert _people(text) == [
        ("عبدالفتاح السيسي", "الرئيس", None),
        ("أنتوني بلينكن", "وزير الخارجية", ("country", "US")),
    ]


# --------------------------------------------------------------------------- delegations and counterparts


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("وصل وفد من حركة حماس إلى القاهرة.", "وفد"),
        ("وصل وفد حماس إلى القاهرة.", "وفد"),
        ("استقبل الرئيس الفلسطيني محمود عباس وفدا من حركة حماس.", "وفدا"),
        ("استقبل الرئيس الفلسطيني محمود عباس وفد حماس في رام الله.", "وفد"),
    ],
)
def test_a_delegation_is_an_unnamed_collective_party_of_its_organization(text, role):
    rec = _recognized(text)
    delegations = [p for p in rec.people if p.title and p.title.collective]
    assert len(delegations) == 1
    delegation = delegations[0]
    assert not delegation.has_name
    assert _span(rec, delegation.title.role_start, delegation.title.role_end) == role
    assert (delegation.title.affiliation.kind, delegation.title.affiliation.key) == ("organization", "hamas")


def test_a_delegation_does_not_absorb_its_host():
    text = "استقبل الرئيس الفلسطيني محمود عباس وفدا من حركة حماس."
    assert _people(text)[0] == ("محمود عباس", "الرئيس", ("country", "PS"))


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("التقت وزيرة الخارجية الألمانية أنالينا بيربوك نظيرها الفرنسي.", ("country", "FR")),
        ("اجتمع وزير الدفاع الأمريكي بيت هيغسيث بنظيره الإسرائيلي.", ("country", "IL")),
    ],
)
def test_a_counterpart_is_a_title_with_its_own_nationality(text, affiliation):
    rec = _recognized(text)
    counterparts = [t for t in rec.titles if t.counterpart]
    assert len(counterparts) == 1
    assert (counterparts[0].affiliation.kind, counterparts[0].affiliation.key) == affiliation


# --------------------------------------------------------------------------- hashtags


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("التقى الرئيس الروسي #فلاديمير_بوتين في موسكو الرئيس الصيني #شي_جين_بينغ.",
         ["فلاديمير_بوتين", "شي_جين_بينغ"]),
        ("هنأ #فلاديمير_بوتين الشعب.", ["فلاديمير_بوتين"]),
    ],
)
def test_hashtag_names(text, names):
    assert [name for name, _, _ in _people(text)] == names


def test_a_hashtag_name_after_a_title_keeps_the_title():
    text = "التقى الرئيس الروسي #فلاديمير_بوتين في موسكو الرئيس الصيني #شي_جين_بينغ."
    assert _people(text)[0] == ("فلاديمير_بوتين", "الرئيس", ("country", "RU"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("استقبل وزير الخارجية الكوري الجنوبي تشونغ إيوي-يونغ الوفد.", ["تشونغ إيوي-يونغ"]),
        ("التقى رئيس الوزراء الفرنسي جان-إيف لودريان في باريس.", ["جان-إيف لودريان"]),
        ("التقى وزير الخارجية الكوري الجنوبي تشونغ إيوي - يونغ.", ["تشونغ إيوي"]),  # a dash with spaces ends it
        ("التقى وزير الخارجية الكوري الجنوبي تشونغ إيوي- وقال إنه سعيد.", ["تشونغ إيوي"]),  # no trailing one
    ],
)
def test_a_hyphen_written_without_spaces_joins_the_parts_of_a_name(text, names):
    assert [name for name, _, _ in _people(text) if name] == names


# --------------------------------------------------------------------------- على and علي


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("حث الوزير على التعاون.", []),
        ("ركز الرئيس على التعاون.", []),
        ("شدد الوزير على أهمية التنسيق بين البلدين.", []),
        ("حصل الوزير على دعم، وقال علي الحسن إن الموقف ثابت.", ["علي الحسن"]),
        ("أثنى علي الحسن على جهود الوساطة.", ["علي الحسن"]),
        ("وقع الاختيار على علي الحسن لرئاسة الوفد.", ["علي الحسن"]),
        ("اتفق عليّ الحسن مع خالد المنصور.", ["عليّ الحسن", "خالد المنصور"]),
    ],
)
def test_the_preposition_ala_is_not_the_name_ali(text, names):
    assert [name for name, _, _ in _people(text) if name] == names


# --------------------------------------------------------------------------- entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزير في العاصمة القطرية الدوحة نظيره.",
         [("country", "QA", "nisba", "القطرية"), ("city", "doha", "name", "الدوحة")]),
        ("وصل وفد حماس إلى القاهرة.",
         [("organization", "hamas", "name", "حماس"), ("city", "cairo", "name", "القاهرة")]),
        ("استقبل الرئيس الروسي الوفد في موسكو.",
         [("country", "RU", "nisba", "الروسي"), ("city", "moscow", "name", "موسكو")]),
        # one phrase, two kinds: a city-state
        ("التقت بعثة الأمم المتحدة في سنغافورة.",
         [("organization", "united-nations", "name", "الأمم المتحدة"),
          ("country", "SG", "name", "سنغافورة"), ("city", "singapore", "name", "سنغافورة")]),
    ],
)
def test_entities(text, expected):
    rec = _recognized(text)
    found = [(e.kind, e.key, e.via, _span(rec, e.start, e.end)) for e in rec.entities]
    assert found == expected


def test_an_entity_after_a_clitic_is_found():
    rec = _recognized("عقد الاجتماع بالدوحة وللقاهرة دور فيه.")
    assert [(e.kind, e.key) for e in rec.entities] == [("city", "doha"), ("city", "cairo")]


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("استقبل الرئيس الروسي الوفد في موسكو.", [("الرئيس الروسي", False, False), ("الوفد", True, False)]),
        ("التقى الوزير في العاصمة القطرية الدوحة نظيره.", [("الوزير", False, False), ("نظيره", False, True)]),
        ("اتفق الجانبان على مواصلة التنسيق.", [("الجانبان", True, False)]),
    ],
)
def test_titles_are_marked_collective_or_counterpart(text, titles):
    rec = _recognized(text)
    assert [(_span(rec, t.start, t.end), t.collective, t.counterpart) for t in rec.titles] == titles


def test_a_name_opening_with_alef_hamza_and_lam_is_not_definite():
    from meetsum.lexicon import default_lexicon
    from meetsum.recognize import recognize
    from meetsum.text import analyze
    rec = recognize(analyze("التقى الوزير مع أليس نيلز، نائبة مساعد وزير الخارجية الأمريكي، في الدوحة."), default_lexicon())
    named = [rec.doc.text[rec.doc.tokens[p.name_start].start:rec.doc.tokens[p.name_end - 1].end]
             for p in rec.people if p.has_name]
    assert named == ["أليس نيلز"]


def test_a_title_then_doubled_commas_then_a_name_is_one_person():
    from meetsum import summarize
    text = "استقبل رئيس الجمهورية الباجي قايد السبسي اليوم الوزير الأول الجزائري،، عبد المالك سلال."
    assert [(p.name, p.role) for p in summarize(text).participants] == [
        ("الباجي قايد السبسي", "رئيس الجمهورية"), ("عبد المالك سلال", "الوزير الأول")]


def _named_people(text):
    from meetsum.lexicon import default_lexicon
    from meetsum.recognize import recognize
    from meetsum.text import analyze
    rec = recognize(analyze(text), default_lexicon())
    tokens = rec.doc.tokens
    return [(" ".join(t.text for t in tokens[p.name_start:p.name_end]) if p.has_name else None,
             " ".join(t.text for t in tokens[p.title.role_start:p.title.role_end]) if p.title else None)
            for p in rec.people]


def test_a_complete_office_then_words_then_a_royal_title_are_two_people():
    people = _named_people("وكان في استقبال سمو ولي العهد لدى وصوله المطار الأمير فيصل بن الحسين.")
    assert (None, "ولي العهد") in people
    assert ("فيصل بن الحسين", "الأمير") in people


def test_an_unknown_adjective_before_an_honorific_belongs_to_the_role():
    people = _named_people("كما كان في استقباله رئيس الديوان الملكي الهاشمي الدكتور فايز الطراونة.")
    assert people == [("فايز الطراونة", "رئيس الديوان الملكي الهاشمي")]



@pytest.mark.parametrize(
    ("text", "people"),
    [
        # صباح is a time word and a given name: after an honorific or a state's adjective,
        # with a name word after it, it is the name
        ("استقبل وزير الخارجية التونسي الدكتور صباح الحربي في تونس اليوم وزير الخارجية الكويتي خالد الصباح.",
         [("صباح الحربي", "وزير الخارجية"), ("خالد الصباح", "وزير الخارجية")]),
        ("استقبل وزير الخارجية الكويتي صباح الخالد أمس وزير الخارجية التونسي خالد الحربي.",
         [("صباح الخالد", "وزير الخارجية"), ("خالد الحربي", "وزير الخارجية")]),
        # with a time word after it, it is the time of day
        ("استقبل الرئيس التونسي صباح أمس وزير الخارجية الكويتي خالد الصباح.",
         [(None, "الرئيس"), ("خالد الصباح", "وزير الخارجية")]),
        ("استقبل الرئيس التونسي صباح الاثنين وزير الخارجية الكويتي خالد الصباح.",
         [(None, "الرئيس"), ("خالد الصباح", "وزير الخارجية")]),
        # a known name that opens with the time word keeps its title
        ("استقبل أمير الكويت الشيخ صباح الأحمد الجابر الصباح اليوم وزير الخارجية التونسي خالد الحربي.",
         [("صباح الأحمد الجابر الصباح", "أمير الكويت"), ("خالد الحربي", "وزير الخارجية")]),
    ],
)
def test_a_time_word_that_is_a_given_name_starts_a_name_after_a_title(text, people):
    assert _named_people(text) == people


# --------------------------------------------------------------------------- common words


def _names_with(text, lexicon):
    from meetsum.recognize import recognize
    from meetsum.text import analyze
    rec = recognize(analyze(text), lexicon)
    tokens = rec.doc.tokens
    return [" ".join(t.text for t in tokens[p.name_start:p.name_end]) if p.has_name else None for p in rec.people]


@pytest.mark.parametrize(
    ("text", "names", "without_table"),
    [
        # a name after a title ends before a word the news almost never uses in a name
        ("وقال مستشار الرئيس الكيني جون أوتينو لوكالات الأنباء إن اللقاء كان مثمرا.",
         ["جون أوتينو"], ["جون أوتينو لوكالات"]),
        ("وانتقد الرئيس الكيني ويليام روتو المثيرة للجدل تصريحات المعارضة.", ["ويليام روتو"], ["ويليام روتو المثيرة"]),
        # a given name followed by a common word is no name at all (one word is too little there)
        ("وصل الوفد يوم السبت السابع من رمضان الموافق الخامس من مارس.", [None], [None, "رمضان الموافق الخامس"]),
        # a common verb, or a common word with ب, starts no name even after a title
        ("ومن غير المعتاد أن يجتمع رئيس أمريكي مازال في منصبه مع زعيم معارض.", [None, None], ["مازال", None]),
        ("وطالب وزير الخارجية الكيني بالتوقف عن التصعيد.", [None], ["بالتوقف"]),
        # so after a group's title, where a common word may otherwise describe the group
        ("وطالب الجانب التركي بالتوقف عن التصعيد.", [None], ["بالتوقف"]),
    ],
)
def test_common_words_learned_from_the_corpus_are_no_name_words(text, names, without_table):
    from dataclasses import replace

    from meetsum.lexicon import default_lexicon
    lexicon = default_lexicon()
    assert _names_with(text, lexicon) == names
    assert _names_with(text, replace(lexicon, common_words=frozenset())) == without_table



def test_a_clitic_before_a_verb_or_adjective_of_the_word_class_table_starts_no_name():
    from meetsum.lexicon import default_lexicon
    # أرفع is no common word of the corpus table, but the word-class table knows it
    assert _names_with("والتقى الرئيس الكيني وأرفع مسؤول في الوفد.", default_lexicon()) == [None, None, None]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a Latin gloss after an Arabic name is not part of it
        ("وقال مدير الشركة الكيني جون أوتينو John Otieno إن الاتفاق سيوقع قريبا.", ["جون أوتينو"]),
        # a site's navigation text after a title is no name
        ("الرئيس يستقبل وزير الخارجية الكيني Next Previous", [None, None]),
        # nor is a source written in Latin letters after ل
        ("وقال مسؤول كيني لـCNN إن اللقاء كان مثمرا.", [None]),
    ],
)
def test_names_are_written_in_arabic_letters(text, names):
    from meetsum.lexicon import default_lexicon
    assert _names_with(text, default_lexicon()) == names


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # an office word without ال right before بن is the name's first word
        ("استقبل الأمير سلطان بن سلمان بن عبدالعزيز الوفد في الرياض.",
         [("سلطان بن سلمان بن عبدالعزيز", "الأمير"), (None, "الوفد")]),
        ("وحضر اللقاء معالي وزير الدولة عضو مجلس الوزراء الدكتور مساعد بن محمد العيبان.",
         [("مساعد بن محمد العيبان", "وزير الدولة عضو مجلس الوزراء")]),
        # a definite office is still a title
        ("التقى سلطان عمان هيثم بن طارق الوزير.", [("هيثم بن طارق", "سلطان عمان"), (None, "الوزير")]),
    ],
)
def test_an_office_word_before_bin_starts_a_name(text, people):
    assert _named_people(text) == people


def test_a_name_after_a_titles_comma_with_the_conjunction_wa_is_the_next_item():
    text = "وحضر اللقاء وزير الخارجية الكيني، وجون موانغي مدير المكتب، وجون كيماني مدير المراسم."
    assert _named_people(text)[0] == (None, "وزير الخارجية")


def test_a_word_recurs_when_it_or_a_form_of_another_word_without_clitics_occurs_twice():
    from collections import Counter

    from meetsum.recognize import _Recurring

    keys = [token.key for token in analyze("لف لف الف والحريري الحريري بنان الكبير").tokens]
    recurring = _Recurring(Counter(keys))
    assert "الحريري" in recurring  # الحريري and والحريري
    assert "لف" in recurring
    assert "الف" not in recurring  # لف is no ل before الف
    assert "بنان" not in recurring and "الكبير" not in recurring
