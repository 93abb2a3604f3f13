"""English beside the Arabic: office holders, titles in English, romanized names, and the
``*_en`` fields of whole summaries. The articles here are the team's own, written in the
style of news agency reports."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetsum import summarize
from meetsum.english import EN_FIELDS, add_english, english_role, romanize
from meetsum.lexicon import LexiconError, default_lexicon
from meetsum.officeholders import default_officeholders, load_officeholders
from meetsum.render import render_markdown, render_table

DOHA_ARTICLE = """وفد من حماس يلتقي بوغدانوف وفيدان في الدوحة

الدوحة - التقى وفد من حركة المقاومة الإسلامية "حماس"، اليوم السبت، في العاصمة القطرية الدوحة، كلا من نائب وزير الخارجية الروسي ميخائيل بوغدانوف ووزير الخارجية التركي هاكان فيدان، وبحث معهما سبل التوصل إلى وقف دائم لإطلاق النار في قطاع غزة.

وقالت الحركة في بيان إن اللقاء مع بوغدانوف تناول "تطورات الأوضاع الإنسانية في القطاع وسبل إدخال المساعدات".

ونقل البيان عن بوغدانوف تأكيده "دعم موسكو لجهود الوساطة القطرية والمصرية".

من جهته، أكد فيدان خلال اللقاء "استمرار أنقرة في العمل مع الشركاء الإقليميين لوقف الحرب".
"""

CAIRO_ARTICLE = """السيسي يستقبل الجبير في القاهرة

القاهرة - استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأحد، في القاهرة، عادل الجبير، وبحث معه تطورات الأوضاع في المنطقة.

وقال الجبير عقب اللقاء إن "العلاقات بين البلدين تشهد تطورا مستمرا".
"""


@pytest.fixture(scope="module")
def lexicon():
    return default_lexicon()


@pytest.fixture(scope="module")
def holders():
    return default_officeholders()


def english_summary(text: str, published: str, lexicon, holders) -> dict:
    record = summarize(text, published=published).to_dict()
    return add_english(record, lexicon, holders, date.fromisoformat(published))


def participant(record: dict, name_en: str) -> dict:
    (found,) = [p for p in record["participants"] if p.get("name_en") == name_en]
    return found


# --------------------------------------------------------------------------- whole summaries


def test_doha_meeting_in_english(lexicon, holders):
    record = english_summary(DOHA_ARTICLE, "2024-12-07", lexicon, holders)
    names = {p["name_en"] for p in record["participants"]}
    assert {"Mikhail Bogdanov", "Hakan Fidan"} <= names

    bogdanov = participant(record, "Mikhail Bogdanov")
    assert "Deputy" in bogdanov["role_en"] and "Foreign" in bogdanov["role_en"]
    assert bogdanov["affiliation_en"] == "Russia"

    fidan = participant(record, "Hakan Fidan")
    assert fidan["role_en"] == "Foreign Minister"
    assert fidan["affiliation_en"] == lexicon.countries["TR"].en  # Türkiye

    (hamas,) = [p for p in record["participants"] if p["affiliation"] == "حماس"]
    assert hamas["affiliation_en"] == "Hamas"
    assert hamas["role_en"] == "Delegation"

    assert (record["venue"]["city_en"], record["venue"]["country_en"]) == ("Doha", "Qatar")
    for meeting in record["meetings"]:
        assert meeting["venue"]["city_en"] == "Doha"
        assert {"Mikhail Bogdanov", "Hakan Fidan"} <= {p["name_en"] for p in meeting["participants"]}
    assert {s["speaker_en"] for s in record["statements"]} <= names


def test_the_arabic_fields_are_kept_and_the_input_is_not_changed(lexicon, holders):
    record = summarize(DOHA_ARTICLE, published="2024-12-07").to_dict()
    before = copy.deepcopy(record)
    english = add_english(record, lexicon, holders, date(2024, 12, 7))
    assert record == before
    assert english is not record
    bogdanov = participant(english, "Mikhail Bogdanov")
    assert (bogdanov["name"], bogdanov["role"], bogdanov["affiliation"]) == ("ميخائيل بوغدانوف", "نائب وزير الخارجية", "روسيا")

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in EN_FIELDS}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    assert strip(english) == before


@pytest.mark.parametrize(
    ("published", "role_en"),
    [
        ("2018-03-04", "Foreign Minister"),
        ("2024-03-03", "Minister of State for Foreign Affairs"),
    ],
)
def test_a_known_person_has_the_role_held_on_the_publication_date(lexicon, holders, published, role_en):
    record = english_summary(CAIRO_ARTICLE, published, lexicon, holders)
    jubeir = participant(record, "Adel al-Jubeir")
    assert jubeir["role_en"] == role_en
    assert jubeir["affiliation_en"] == "Saudi Arabia"  # from his role: the article names no state
    sisi = participant(record, "Abdel Fattah el-Sisi")
    assert (sisi["role_en"], sisi["affiliation_en"]) == ("President", "Egypt")
    assert record["venue"]["city_en"] == "Cairo"


def test_without_a_date_the_article_title_is_put_into_english(lexicon, holders):
    record = summarize(DOHA_ARTICLE).to_dict()
    english = add_english(record, lexicon, holders)
    assert participant(english, "Hakan Fidan")["role_en"] == "Foreign Minister"


def test_the_record_own_publication_date_is_used_when_none_is_given(lexicon, holders):
    record = summarize(CAIRO_ARTICLE, published="2018-03-04").to_dict()
    assert participant(add_english(record, lexicon, holders), "Adel al-Jubeir")["role_en"] == "Foreign Minister"


def make_record(**person) -> dict:
    evidence = {"start": 0, "end": 1, "sentence": 0}
    return {
        "meeting_detected": True, "title": None, "published": None, "status": "held", "kind": "in_person",
        "date": None, "venue": {"city": "عمان", "country": "الأردن", "place": "قصر الحسينية", "evidence": evidence},
        "participants": [{"name": None, "role": None, "affiliation": None, "aliases": [], "evidence": evidence, **person}],
        "agenda": [], "statements": [{"speaker": person.get("name"), "text": "نص", "evidence": evidence}],
        "mentioned": [
            {"text": "الاتحاد الأوروبي", "kind": "organization", "evidence": evidence},
            {"text": "الولايات المتحدة", "kind": "country", "evidence": evidence},
            {"text": "الجبير", "kind": "person", "evidence": evidence},
        ],
        "meetings": [],
    }


def test_short_forms_venues_and_mentions(lexicon, holders):
    record = add_english(make_record(name="الجبير", role="وزير الخارجية", affiliation="السعودية"),
                         lexicon, holders, date(2017, 6, 1))
    (jubeir,) = record["participants"]
    assert (jubeir["name_en"], jubeir["role_en"], jubeir["affiliation_en"]) == ("Adel al-Jubeir", "Foreign Minister", "Saudi Arabia")
    assert record["statements"][0]["speaker_en"] == "Adel al-Jubeir"
    venue = record["venue"]
    assert (venue["city_en"], venue["country_en"], venue["place_en"]) == ("Amman", "Jordan", "Qasar al-Hasinya")
    assert [m["text_en"] for m in record["mentioned"]] == ["European Union", "United States", "Adel al-Jubeir"]


def test_a_namesake_of_another_state_is_not_taken_for_the_office_holder(lexicon, holders):
    record = add_english(make_record(name="الجبير", role="السفير", affiliation="قطر"), lexicon, holders, date(2017, 6, 1))
    (person,) = record["participants"]
    assert person["name_en"] == "Al-Jabir"
    assert (person["role_en"], person["affiliation_en"]) == ("Ambassador", "Qatar")


ODD = st.one_of(
    st.none(), st.integers(), st.lists(st.text(max_size=3), max_size=2),
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة ـًٌٍَُِّْ،؟.-«»\u200f\u06cc\u06afabc123", max_size=30),
)


@settings(max_examples=200, deadline=None)
@given(name=ODD, role=ODD, affiliation=ODD, city=ODD, text=ODD, published=st.one_of(st.none(), st.dates(), st.text(max_size=12)))
def test_add_english_is_total(lexicon, holders, name, role, affiliation, city, text, published):
    record = make_record(name=name, role=role, affiliation=affiliation, aliases=[name, 3])
    record["venue"]["city"] = city
    record["mentioned"].append({"text": text, "kind": "person", "evidence": None})
    record["meetings"] = [copy.deepcopy(record)]
    english = add_english(record, lexicon, holders, published)
    (person,) = english["participants"]
    for key in ("name_en", "role_en", "affiliation_en"):
        assert person[key] is None or isinstance(person[key], str)


def test_records_without_the_usual_parts_come_back_unchanged(lexicon, holders):
    for record in ({}, {"participants": None, "venue": "x", "mentioned": [None, 3]}, {"meetings": [{}]}):
        assert add_english(record, lexicon, holders, None) == record


# --------------------------------------------------------------------------- office holders


@pytest.mark.parametrize(
    ("name", "on", "role", "en", "role_en"),
    [
        ("الجبير", date(2018, 5, 1), None, "Adel al-Jubeir", "Foreign Minister"),
        ("الجبير", date(2018, 12, 27), None, "Adel al-Jubeir", "Minister of State for Foreign Affairs"),  # the day it changed
        ("الجبير", date(2024, 5, 1), None, "Adel al-Jubeir", "Minister of State for Foreign Affairs"),
        ("عادل الجبير", None, None, "Adel al-Jubeir", "Minister of State for Foreign Affairs"),  # no date: the latest
        ("الجبیر", date(2016, 1, 1), None, "Adel al-Jubeir", "Foreign Minister"),  # Persian yeh, folded
        ("هاكان فيدان", date(2024, 12, 7), None, "Hakan Fidan", "Foreign Minister"),
        ("فيدان", date(2020, 1, 1), None, "Hakan Fidan", "Director of the National Intelligence Organization"),
        ("ترمب", date(2019, 1, 1), None, "Donald Trump", "President"),
        ("ترامب", date(2023, 1, 1), None, "Donald Trump", None),  # between his terms
        ("سلمان بن عبد العزيز آل سعود", date(2016, 1, 1), None, "Salman bin Abdulaziz Al Saud", "King"),  # more than a full form
        ("ومحمد بن راشد آل مكتوم", None, None, "Mohammed bin Rashid Al Maktoum", "Ruler of Dubai"),  # و: and
        ("شي جين بينغ", date(2024, 1, 1), "الرئيس", "Xi Jinping", "President"),  # the article's title decides
        ("ماركو روبيو", None, None, "Marco Rubio", "Secretary of State"),  # two current roles: the first listed
    ],
)
def test_find(holders, name, on, role, en, role_en):
    holder = holders.find(name, on, role=role)
    assert holder is not None and holder.en == en
    assert (holder.role and holder.role.role_en) == role_en


@pytest.mark.parametrize("name", ["", "   ", "فلان الفلاني", "أحمد", None])
def test_find_nothing(holders, name):
    assert holders.find(name, date(2020, 1, 1)) is None


def test_the_holders_are_immutable_and_loaded_once(holders):
    assert default_officeholders() is holders
    assert len(holders) > 400
    with pytest.raises(TypeError):
        holders.people["x"] = None  # type: ignore[index]


GOOD_ENTRY = """
"test-person":
  en: "Test Person"
  ar: [فلان الفلاني]
  short: [الفلاني]
  roles:
    - role: وزير الخارجية
      role_en: "Foreign Minister"
      of: "QA"
      from: "2020-01-01"
      to: null
"""


def test_a_user_file_adds_people(tmp_path, lexicon):
    path = tmp_path / "people.yaml"
    path.write_text(GOOD_ENTRY, encoding="utf-8")
    holders = load_officeholders(lexicon, [path])
    holder = holders.find("الفلاني", date(2021, 1, 1))
    assert (holder.en, holder.role.role_en, holder.role.of_en) == ("Test Person", "Foreign Minister", "Qatar")
    assert holders.find("الجبير", date(2018, 1, 1)).en == "Adel al-Jubeir"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('of: "QA"', 'of: "XX"'), "roles[0].of: 'XX' is neither a state"),
        (('from: "2020-01-01"', "from: 2020-01-01"), "roles[0].from: 2020-01-01 must be quoted"),
        (('from: "2020-01-01"', 'from: "2020-13-01"'), "roles[0].from: '2020-13-01' is not a date"),
        (("to: null", 'to: "2019-01-01"'), "roles[0]: ends (2019-01-01) before it starts (2020-01-01)"),
        (("  short:", "  nick: []\n  short:"), "unknown field(s) ['nick']"),
        (('  en: "Test Person"\n', ""), "missing field 'en'"),
        (("[فلان الفلاني]", "[فلان الفلانی]"), "ar: 'فلان الفلانی': characters U+06CC are not allowed"),
        (("[فلان الفلاني]", "[فلان الفلاني, فلان الفلانى]"), "is listed twice"),
        (("[فلان الفلاني]", "[عادل الجبير]"), "ar: 'عادل الجبير' is also a full name of 'adel-al-jubeir'"),
        (("[الفلاني]", "[الجبير]"), "short: 'الجبير' is also a short form of 'adel-al-jubeir'"),
        (("    - role: وزير", "    - role_en2: x\n      role: وزير"), "unknown field(s) ['role_en2']"),
        (('"test-person":', '"Test Person":'), "keys are English slugs"),
        (("  roles:\n", "  roles: []\n  old_roles:\n"), "unknown field(s) ['old_roles']"),
    ],
)
def test_errors_in_an_office_holders_file_name_the_file_and_the_entry(tmp_path, lexicon, change, problem):
    path = tmp_path / "people.yaml"
    path.write_text(GOOD_ENTRY.replace(*change), encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_officeholders(lexicon, [path])
    message = str(error.value)
    assert message.startswith(f"{path}: ")
    assert "test-person" in message or "Test Person" in message
    assert problem in message


def test_broken_yaml_names_the_file(tmp_path, lexicon):
    path = tmp_path / "people.yaml"
    path.write_text('"a": [', encoding="utf-8")
    with pytest.raises(LexiconError, match="people.yaml: not valid YAML"):
        load_officeholders(lexicon, [path])


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("role", "english"),
    [
        ("نائب وزير الخارجية", "Deputy Foreign Minister"),
        ("وزير الخارجية", "Foreign Minister"),
        ("وزيرة الخارجية", "Foreign Minister"),
        ("وزير الشؤون الخارجية بجمهورية ليتوانيا", "Foreign Minister of Lithuania"),
        ("رئيس الوزراء", "Prime Minister"),
        ("رئيس وزراء جمهورية باكستان", "Prime Minister of Pakistan"),
        ("الرئيس", "President"),
        ("نائب الرئيس السابق", "Former Vice President"),
        ("الرئيس المنتخب", "President-elect"),
        ("رئيس جمهورية بلغاريا", "President of Bulgaria"),
        ("رئيس دولة الإمارات العربية المتحدة", "President of the United Arab Emirates"),
        ("الملك", "King"),
        ("الملكة", "Queen"),
        ("ملك مملكة البحرين", "King of Bahrain"),
        ("أمير دولة قطر", "Emir of Qatar"),
        ("الأمير", "Prince"),
        ("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية", "Crown Prince, Deputy Prime Minister, Interior Minister"),
        ("خادم الحرمين الشريفين الملك", "Custodian of the Two Holy Mosques, King"),
        ("الأمين العام للأمم المتحدة", "Secretary-General of the United Nations"),
        ("الأمين العام المساعد", "Assistant Secretary-General"),
        ("المبعوث الخاص للأمين العام", "Special Envoy of the Secretary-General"),
        ("المندوب الدائم لدى الأمم المتحدة", "Permanent Representative to the United Nations"),
        ("الممثلة السامية للاتحاد الأوروبي", "High Representative of the European Union"),
        ("سفير السعودية لدى مصر", "Ambassador of Saudi Arabia to Egypt"),
        ("سفير الولايات المتحدة", "Ambassador of the United States"),
        ("المتحدث باسم وزارة الخارجية", "Spokesperson for the Ministry of Foreign Affairs"),
        ("وزير الدولة لشؤون الدفاع", "Minister of State for Defense Affairs"),
        ("نائب رئيس الوزراء لشؤون مجلس الوزراء", "Deputy Prime Minister for Cabinet Affairs"),
        ("رئيس المكتب السياسي لحركة حماس", "Head of the Political Bureau of Hamas"),
        ("رئيس مجلس النواب", "Speaker of the House of Representatives"),
        ("المرشد الأعلى", "Supreme Leader"),
        ("المدير العام", "Director-General"),
        ("محافظ البنك المركزي", "Central Bank Governor"),
        ("وكيلة وزير الخارجية", "Undersecretary to the Foreign Minister"),
        ("وزير الخارجية السابق", "Former Foreign Minister"),
        ("وفد", "Delegation"),
        ("مدير المستشفى", "Director"),  # unknown words are left out
        ("المستشفى", None),
        ("", None),
        (None, None),
    ],
)
def test_titles_in_english(lexicon, role, english):
    assert english_role(role, lexicon) == english


# --------------------------------------------------------------------------- romanization


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("ميخائيل بوغدانوف", "Mikhail Bogdanov"),  # a known given name; a Slavic ending reads غ as g
        ("سيرغي لافروف", "Sergey Lafrov"),
        ("هاكان فيدان", "Hakan Fidan"),
        ("عادل الجبير", "Adel al-Jabir"),
        ("الجبير", "Al-Jabir"),
        ("أيمن الصفدي", "Ayman al-Safdi"),
        ("ناصر بوريطة", "Nasser Burita"),
        ("أحمد عطاف", "Ahmed Ataf"),
        ("محمد بن سلمان بن عبد العزيز", "Mohammed bin Salman bin Abdulaziz"),
        ("عبدالعزيز", "Abdulaziz"),
        ("عبد الرحمن", "Abdulrahman"),
        ("عبد اللطيف الزياني", "Abdullatif al-Zayani"),
        ("عبد ربه منصور هادي", "Abd Rabbuh Mansour Hadi"),
        ("تميم بن حمد آل ثاني", "Tamim bin Hamad Al Thani"),
        ("أبو مازن", "Abu Mazin"),
        ("خالد الحميدان", "Khaled al-Hamidan"),
        ("سمير جعجع", "Samir Jaja"),
        ("إسماعيل هنية", "Ismail Hanya"),
        ("يحيى السنوار", "Yahya al-Sanwar"),
        ("وائل", "Wael"),
        ("سائد", "Said"),
        ("رئيس", "Rais"),
        ("إلهام", "Ilham"),  # إل is not the article
        ("إدموندو تشيريلي", "Idmundu Chirili"),
        ("كليتشدار أوغلو", "Kalichdar Oglu"),
        ("ومحمد بن راشد", "Mohammed bin Rashid"),
        ("جهاد سازندگى", "Jahad Saznadga"),  # Persian gaf
        ("مُحَمَّد", "Mohammed"),  # diacritics
        ("John Smith", "John Smith"),
        ("؟", "?"),
        ("", None),
        (None, None),
    ],
)
def test_romanize(arabic, latin):
    assert romanize(arabic) == latin


# --------------------------------------------------------------------------- rendering


def test_renderers_show_english_with_lang_en(lexicon, holders):
    record = english_summary(DOHA_ARTICLE, "2024-12-07", lexicon, holders)
    markdown = render_markdown(record, lang="en")
    assert "| Mikhail Bogdanov | Deputy Foreign Minister | Russia |" in markdown
    assert "Doha, Qatar" in markdown
    assert "ميخائيل بوغدانوف" not in markdown
    assert "| ميخائيل بوغدانوف | نائب وزير الخارجية | روسيا |" in render_markdown(record)
    table = render_table(record, color=False, width=120, lang="en")
    assert "Hakan Fidan" in table and "Doha, Qatar" in table and "هاكان فيدان" not in table


def test_lang_en_falls_back_to_arabic(lexicon):
    record = summarize(DOHA_ARTICLE, published="2024-12-07").to_dict()  # no *_en fields
    assert render_markdown(record, lang="en") == render_markdown(record).replace("الدوحة، قطر", "الدوحة, قطر")
    with pytest.raises(ValueError):
        render_markdown(record, lang="fr")


def test_errors_in_the_english_rules_name_the_file_and_the_entry(monkeypatch, lexicon):
    from meetsum import english

    data = copy.deepcopy(dict(english._data()))
    data["titles"] = {**data["titles"], "compounds": {"office.minister complement.no-such-thing": "Minister"}}
    monkeypatch.setattr(english, "_data", lambda: data)
    with pytest.raises(LexiconError, match=r"^english\.yaml: titles\.compounds\.office\.minister complement\.no-such-thing: "
                                           r"'complement\.no-such-thing' is not a kind\.key of titles\.yaml"):
        english.English(lexicon, None)
