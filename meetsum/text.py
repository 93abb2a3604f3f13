"""Normalization, tokenization and sentence splitting that keep offsets into the input.

Every token carries its surface form, a matching key and its character offsets in the
original text. The key folds what Arabic news spells inconsistently (alef forms, alef
maksura, teh marbuta, diacritics, tatweel, presentation forms, invisible marks), so that
lexicon look-ups never depend on spelling while spans still index the original text.

Tokens follow camel-tools' ``simple_word_tokenize`` rule (white space separates words;
every punctuation or symbol character is a token of its own; digits split from letters, as
with ``split_digits=True``), re-implemented here to keep
offsets and to avoid the half-second import of ``camel_tools.utils.charsets``;
``tests/test_text.py`` checks the two agree.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, chain, compress, repeat
from operator import is_, itemgetter, sub
from typing import NamedTuple, TypeVar

from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

T = TypeVar("T")

__all__ = ["Token", "Sentence", "Document", "analyze", "match_key", "split_sentences", "visible"]

_DROPPED = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]"
)
_FOLD = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c1": "\u0647", "\u06d5": "\u0647"})
_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern[str]:
    """A token is a run of digits, a run of other characters that are neither space nor
    punctuation nor symbol, or one punctuation or symbol character."""
    symbols = "".join(
        chr(c) for c in range(0x10000) if unicodedata.category(chr(c))[0] in "PS"
    )
    cls = re.escape(symbols) + "\U0001f000-\U0001faff"
    # words first: most tokens are words, and a token's first character decides its alternative
    return re.compile(f"[^\\s\\d{cls}]+|\\d+|[{cls}]")


@lru_cache(maxsize=1)
def _spaced_token_pattern() -> re.Pattern[str]:
    """The white space before a token, then the token: everything but white space is part of
    some token, so the lengths of the two groups, summed in order, give every offset. White
    space at the end is matched with no token (\\Z), so a run of it is read once, not
    backtracked over from each of its characters."""
    return re.compile(f"(\\s*)({_token_pattern().pattern}|\\Z)")


def _token_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """The start, end and surface of every token, from one ``findall`` (no match objects)."""
    pairs = _spaced_token_pattern().findall(text)
    while pairs and not pairs[-1][1]:  # the white space at the end
        pairs.pop()
    offsets = list(accumulate(map(len, chain.from_iterable(pairs)), initial=0))
    return offsets[1:-1:2], offsets[2::2], list(map(itemgetter(1), pairs))


# Every character the folds below may change lies in these blocks (Latin-1 for the soft
# hyphen, Arabic, general punctuation for bidi and zero-width marks, the byte order mark).
_KEY_CHANGES = (*range(0x00A0, 0x0100), *range(0x0600, 0x0700), *range(0x2000, 0x2070), 0xFEFF)


def _key_table() -> dict[int, str | None]:
    """One translation table for what match_key folds character by character: the dropped
    marks, Persian letters, Indic digits, and camel-tools' alef, alef maksura and teh marbuta
    normalizations (each maps single characters, so they compose into one table, which
    ``tests/test_text.py`` checks against camel-tools)."""
    table: dict[int, str | None] = {}
    for code in _KEY_CHANGES:
        char = chr(code)
        if _DROPPED.fullmatch(char):
            table[code] = None
            continue
        folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
            char.translate(_FOLD).translate(_INDIC_DIGITS))))
        if folded != char:
            table[code] = folded
    return table


_KEY_TABLE = _key_table()


# Word caches hold the frequent words; they are small enough to be full after a few
# hundred articles, so a long batch's memory stays flat (65,536 entries each took ~45 MB;
# with 10,240 the phrase scan's cache still grew RSS by 7 MB over the corpus's 72,000
# articles, with 4,096 by 4.7 MB, at the same instruction count).
WORD_CACHE_SIZE = 4096


def _match_key(text: str) -> str:
    if _PRESENTATION.search(text):
        text = unicodedata.normalize("NFKC", text)
    return text.translate(_KEY_TABLE)


match_key = lru_cache(maxsize=WORD_CACHE_SIZE)(_match_key)
match_key.__doc__ = """The spelling-insensitive key of ``text`` (may be shorter than ``text``)."""


class WordMemo:
    """A per-word function memoized for whole documents at once: the look-ups of a
    document's words run in C (``map`` over a dict), only the words not seen yet call the
    function, and the memo is emptied when it outgrows ``size``, so memory stays bounded
    over a batch. The function must never return None."""

    def __init__(self, function: Callable[[str], T], size: int) -> None:
        self._function, self._size, self._memo = function, size, {}

    def __call__(self, words: Sequence[str]) -> list[T]:
        values = list(map(self._memo.get, words))
        missing = list(compress(range(len(values)), map(is_, values, repeat(None))))
        if missing:
            if len(self._memo) > self._size:
                self._memo.clear()
            memo, function = self._memo, self._function
            for index in missing:  # a new word may recur in the document: computed once
                word = words[index]
                value = memo.get(word)
                values[index] = memo[word] = function(word) if value is None else value
        return values


# A document's words, memoized to their keys: small
# enough to be nearly full after a batch's first thousand articles, so its RSS stays within
# a tenth of that point (56 MB at 1,000 articles, 60 MB at 20,000; 65,536 words grew it by
# 18 MB over the first 5,000).
WORD_MEMO_SIZE = 32768
document_match_keys = WordMemo(_match_key, WORD_MEMO_SIZE)


class Token(NamedTuple):
    """One token: surface text, matching key, offsets into the input, sentence index.

    A named tuple rather than a slotted class: a document's tokens are built by C-level
    ``map`` calls in ``analyze``, which was a third of the time of a whole summary."""

    text: str
    key: str
    start: int
    end: int
    sentence: int

    @property
    def is_word(self) -> bool:
        return bool(self.key) and (self.key[0].isalnum())

    def offset_of_key_index(self, index: int) -> int:
        """The input offset of the ``index``-th key character (for spans that skip a clitic)."""
        seen = 0
        for position, char in enumerate(self.text):
            width = len(match_key(char))
            if seen == index and width:
                return self.start + position
            seen += width
        return self.end


class Sentence(NamedTuple):
    """A sentence's index and offsets (a named tuple: a long text has a hundred thousand)."""

    index: int
    start: int
    end: int


_make_sentence = partial(tuple.__new__, Sentence)


@dataclass(frozen=True)
class Document:
    """The analysed input: original text, tokens and sentences."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    token_ranges: tuple[range, ...] = ()  # the tokens of each sentence

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    def sentence_tokens(self, index: int) -> range:
        """Indices of the tokens of sentence ``index``."""
        return self.token_ranges[index]


# A sentence ends at a line break, or at . ! ? ؟ ؛ followed by white space or the end.
_SENTENCE_END = re.compile(r"\n+|[.!?؟؛][\"”»’)]*(?=\s|$)")  # only .end() is used


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences as offset ranges, trimmed of surrounding white space, empty ones dropped."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _abbreviation_before(text, match.start()):
            continue
        _append_sentence(sentences, text, start, match.end())
        start = match.end()
    _append_sentence(sentences, text, start, len(text))
    return tuple(sentences)


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the full stop at ``end`` closes a one-letter abbreviation or initial ("د. صالح"،
    "م. عادل"، "ج. ك. رولينغ"); after a number the letter is a unit ending the sentence (2015 م.)."""
    if end < 2 or text[end] != "." or not text[end - 1].isalpha() or not text[end - 2].isspace():
        return False
    return not text[:end - 1].rstrip()[-1:].isdigit()


def _append_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        begin = start + chunk.index(stripped[0])
        sentences.append(_make_sentence((len(sentences), begin, begin + len(stripped))))


_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad")


_REMOVE_INVISIBLE = {ord(char): None for char in _INVISIBLE}


def visible(text: str) -> str:
    """``text`` without bidi and zero-width marks (for values copied from the input)."""
    return text.translate(_REMOVE_INVISIBLE)


def _visible_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Token bounds without bidi and zero-width marks at its edges, so that names and
    places copied from the text carry none."""
    while start < end and text[start] in _INVISIBLE:
        start += 1
    while end > start and text[end - 1] in _INVISIBLE:
        end -= 1
    return start, end


_ANY_INVISIBLE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")
_make_token = partial(tuple.__new__, Token)


def analyze(text: str) -> Document:
    """Split ``text`` into sentences and tokens."""
    sentences = split_sentences(text)
    starts, ends, surfaces = _token_spans(text)
    if _ANY_INVISIBLE.search(text):  # most texts have none: no trimming
        starts, ends, surfaces = _trim_invisible(text, starts, ends, surfaces)
    keys = document_match_keys(surfaces)
    # Tokens never cross a sentence boundary (white space separates them), and only white
    # space lies between sentences: each sentence's tokens run from its first to the next one's.
    firsts = [0, *(bisect_left(starts, sentence.start) for sentence in sentences[1:])][:len(sentences)]
    counts = map(sub, [*firsts[1:], len(starts)], firsts)
    indices = chain.from_iterable(map(repeat, range(len(sentences)), counts))
    rows = compress(zip(surfaces, keys, starts, ends, indices), keys)  # a key may be empty: no token
    tokens = tuple(map(_make_token, rows))
    kept_starts = list(compress(starts, keys))
    ranges = tuple(range(bisect_left(kept_starts, s.start), bisect_left(kept_starts, s.end)) for s in sentences)
    return Document(text, tokens, sentences, ranges)


def _trim_invisible(
    text: str, starts: list[int], ends: list[int], surfaces: list[str]
) -> tuple[list[int], list[int], list[str]]:
    """Tokens with a bidi or zero-width mark at an edge, trimmed of it. Only the tokens that
    hold such a mark are looked at: a long text with a few of them is not walked token by token."""
    holding = {bisect_right(starts, found.start()) - 1 for found in _ANY_INVISIBLE.finditer(text)}
    for i in sorted(holding - {-1}):
        if surfaces[i][0] in _INVISIBLE or surfaces[i][-1] in _INVISIBLE:
            starts[i], ends[i] = _visible_bounds(text, starts[i], ends[i])
            surfaces[i] = text[starts[i]:ends[i]]
    return starts, ends, surfaces
