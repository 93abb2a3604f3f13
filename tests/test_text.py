"""Normalization, tokenization and sentence splitting."""

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize

from meetsum.text import analyze, match_key, split_sentences

SAMPLES = [
    "استقبل الرئيس وفداً من حركة \"حماس\"، وبحث معه (أمس) سبل التعاون.",
    "التقى وزير الخارجية بنظيره في 12 مايو 2025م؛ وأكد أهمية الحوار!",
    "قال: «نرحب بالزيارة» - وأضاف أن 3.5 مليار دولار… ستخصص للمشاريع؟",
    "Hamas و Fatah: talks in Cairo, 2024-12-07 #news @agency",
    "ﻻ تعليق ـــ على ١٢ نقطة",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_tokens_agree_with_camel_tools(text):
    # tokens with nothing left to match (a run of tatweel) are dropped on purpose
    expected = [t for t in simple_word_tokenize(text, split_digits=True) if match_key(t)]
    assert [t.text for t in analyze(text).tokens] == expected


@pytest.mark.parametrize("text", SAMPLES)
def test_token_offsets_index_the_original_text(text):
    for token in analyze(text).tokens:
        assert text[token.start : token.end] == token.text


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("أحمد", "احمد"),
        ("إسرائيل", "اسرائيل"),
        ("آسيا", "اسيا"),
        ("مصطفى", "مصطفي"),
        ("القمة", "القمه"),
        ("وفداً", "وفدا"),
        ("مُحَمَّد", "محمد"),
        ("الســلام", "السلام"),
        ("ﻻ", "لا"),
        ("١٢", "12"),
        ("كیف", "كيف"),  # Persian yeh
        ("\u200fالدوحة\u202c", "الدوحه"),  # bidi marks
    ],
)
def test_match_key_folds_spelling_variants(surface, key):
    assert match_key(surface) == key


def test_sentences_split_at_line_breaks_and_final_punctuation():
    text = "العنوان هنا\n\nالتقى الوزيران. وبحثا التعاون؟ نعم 3.5 مليار\nسطر آخر"
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == ["العنوان هنا", "التقى الوزيران.", "وبحثا التعاون؟", "نعم 3.5 مليار", "سطر آخر"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("استقبل الوزير د. صالح الحربي. وبحثا التعاون.", ["استقبل الوزير د. صالح الحربي.", "وبحثا التعاون."]),
        ("وأوضح م. عادل السالم أن العمل بدأ.", ["وأوضح م. عادل السالم أن العمل بدأ."]),
        ("ألفتها ج. ك. رولينغ وحدها.", ["ألفتها ج. ك. رولينغ وحدها."]),
        # after a year, م is the calendar's sign and the stop ends the sentence
        ("انتهى العقد عام 2015 م. وبدأ غيره.", ["انتهى العقد عام 2015 م.", "وبدأ غيره."]),
        ("وصل الوفد أمس. د", ["وصل الوفد أمس.", "د"]),
    ],
)
def test_a_one_letter_abbreviation_ends_no_sentence(text, sentences):
    assert [text[s.start : s.end] for s in split_sentences(text)] == sentences


def test_tokens_carry_their_sentence_index():
    doc = analyze("أولى. ثانية")
    assert [(t.text, t.sentence) for t in doc.tokens] == [("أولى", 0), (".", 0), ("ثانية", 1)]


def test_offset_of_key_index_skips_diacritics():
    doc = analyze("وَالرئيس")
    token = doc.tokens[0]
    assert token.key == "والرئيس"
    assert token.offset_of_key_index(1) == 2  # after و and its fatha


def test_match_key_folds_every_character_as_the_camel_tools_normalizers_do():
    import re
    import unicodedata

    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

    dropped = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
                         "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
    persian = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06d5": "\u0647"})
    digits = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

    def reference(text: str) -> str:
        if re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text):
            text = unicodedata.normalize("NFKC", text)
        text = dropped.sub("", text).translate(persian).translate(digits)
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))

    for code in [*range(0xD800), *range(0xE000, 0x10000)]:
        assert match_key.__wrapped__(chr(code)) == reference(chr(code)), hex(code)
    assert match_key.__wrapped__("إلى الأُمَّة") == reference("إلى الأُمَّة") == "الي الامه"


def test_word_memo_gives_the_function_s_values_and_stays_bounded():
    from meetsum.text import WordMemo

    calls = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = WordMemo(length, size=3)
    assert memo(["في", "القاهرة", "في"]) == [2, 7, 2]
    assert calls == ["في", "القاهرة"]  # a word is computed once
    assert memo(["القاهرة"]) == [7] and len(calls) == 2
    memo(["أ", "ب", "ت", "ث"])
    memo(["ج"])  # over its size: emptied before it grows further
    assert len(memo._memo) <= 3 + 1


def test_white_space_runs_and_trailing_space_give_the_right_offsets():
    text = "\n" * 20000 + "قال" + " \t" * 5000 + "الوزير." + "\n" * 20000
    doc = analyze(text)
    assert [(t.text, t.start, t.end) for t in doc.tokens] == [
        ("قال", 20000, 20003), ("الوزير", 30003, 30009), (".", 30009, 30010)]
    assert analyze(" " * 20000).tokens == ()


def test_bidi_and_zero_width_marks_are_trimmed_from_token_edges_only():
    text = "\u200fالدوحة\u202c استقبل \u200b وزير\u200cالخارجية \u200e\u200f وفدا\u200b"
    tokens = analyze(text).tokens
    assert [t.text for t in tokens] == ["الدوحة", "استقبل", "وزير\u200cالخارجية", "وفدا"]
    for token in tokens:
        assert text[token.start : token.end] == token.text
