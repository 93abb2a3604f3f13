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


def test_tokens_carry_their_sentence_index():
    doc = analyze("أولى. ثانية")
    assert [(t.text, t.sentence) for t in doc.tokens] == [("أولى", 0), (".", 0), ("ثانية", 1)]


def test_offset_of_key_index_skips_diacritics():
    doc = analyze("وَالرئيس")
    token = doc.tokens[0]
    assert token.key == "والرئيس"
    assert token.offset_of_key_index(1) == 2  # after و and its fatha
