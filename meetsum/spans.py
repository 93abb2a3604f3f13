"""Shared readings of a recognized document: spans as text and evidence, and the sentences
that report a meeting."""

from __future__ import annotations

from collections.abc import Sequence

from meetsum.lexicon import Lexicon, Match
from meetsum.model import Evidence
from meetsum.recognize import Recognized
from meetsum.text import Document, Token, visible

__all__ = [
    "COMMA_KEYS", "DASHES", "MEETING_CUES", "QUOTES", "evidence_of", "function_word", "meeting_sentences",
    "quoted_ranges", "verbal_noun_with_li",
    "sentence_tokens", "sentences_with", "span_text",
]


MEETING_CUES = ("cue.meeting", "cue.call", "cue.virtual")


COMMA_KEYS = frozenset({"،", ","})


QUOTES = "\"'«»“”‘’"


_OPENING_QUOTES = frozenset("«“\"")


_CLOSING_QUOTES = frozenset("»”\"")


def quoted_ranges(rec: Recognized, sentence: int) -> list[range]:
    """The token ranges inside quotation marks in ``sentence``, marks excluded."""
    tokens, found, opened = rec.doc.tokens, [], None
    for index in sentence_tokens(rec, sentence):
        key = tokens[index].key
        if opened is None and key in _OPENING_QUOTES:
            opened = index + 1
        elif opened is not None and key in _CLOSING_QUOTES:
            found.append(range(opened, index))
            opened = None
    return found


DASHES = frozenset({"-", "–", "—"})


def span_text(doc: Document, start: int, end: int, skip: int = 0) -> str:
    """Tokens ``start:end`` as written (less ``skip`` clitic characters and invisible marks)."""
    tokens = doc.tokens
    first = tokens[start].offset_of_key_index(skip) if skip else tokens[start].start
    return visible(doc.text[first : tokens[end - 1].end])


def evidence_of(doc: Document, start: int, end: int) -> Evidence:
    return Evidence(doc.tokens[start].start, doc.tokens[end - 1].end, doc.tokens[start].sentence)


def meeting_sentences(rec: Recognized) -> list[int]:
    return rec.remember("meeting_sentences", lambda: _find_meeting_sentences(rec))


def _find_meeting_sentences(rec: Recognized) -> list[int]:
    """Sentences with a meeting, call or summit cue and nothing that marks sport or a seminar."""
    found = []
    for sentence, matches in sorted(rec.by_sentence.items()):
        meeting = any(
            m.has_any(MEETING_CUES) and "counterpart" not in m.keys("cue.meeting") and not _receives_things(rec, m)
            for m in matches
        ) or _discussed_with(matches)
        if meeting and not _vetoed(rec, matches):
            found.append(sentence)
    return found


def _vetoed(rec: Recognized, matches: Sequence[Match]) -> bool:
    """Whether a sport or seminar word makes the sentence's meeting something else. Once the
    sentence names a seminar as a body ("رئيس الندوة العالمية"), its later "الندوة" is that body."""
    vetoes = [m for m in matches if _vetoes(m)]
    bodies = [m for m in vetoes if _heads_body(rec, m)]
    seminar_named = any("seminar" in m.keys("cue.not_meeting") for m in bodies)
    return any(m not in bodies and not (seminar_named and "seminar" in m.keys("cue.not_meeting")) for m in vetoes)


_RECEPTION_NOUNS = frozenset({"استقبال", "باستقبال"})


def _receives_things(rec: Recognized, match: Match) -> bool:
    """"استقبال الطلبات"، "في استقبال الطائرة"، "استقبال المصابين": the noun of receiving, right
    before a definite word that is no title, name, state or other word the lexicon knows,
    receives things or crowds, not a visitor."""
    tokens = rec.doc.tokens
    if tokens[match.start].key not in _RECEPTION_NOUNS or match.end >= len(tokens):
        return False
    following = tokens[match.end]
    return (following.sentence == tokens[match.start].sentence and following.key.startswith("ال")
            and match.end not in rec.matches and not rec.lexicon.token_classes(following))


def _discussed_with(matches: Sequence[Match]) -> bool:
    """"بحث الملك ... مع الوزير": a discussion verb, then "with" later in the sentence
    (``matches`` in text order, as a sentence's are)."""
    for position, match in enumerate(matches):
        if match.has("cue.discussion"):
            return any(later.has("cue.with") for later in matches[position + 1 :])
    return False


def _heads_body(rec: Recognized, match: Match) -> bool:
    """Right after an office, a sport or seminar word is no event: "الرئيس المنتخب"، "الرئيس
    الدوري" (both definite) is an adjective of the office, and "رئيس الندوة العالمية" (the
    office in construct) names the body its holder heads, a party. "قائد فريق" stays sport."""
    before = rec.matches.get(match.start - 1)
    if before is None or before.end != match.start or not before.has("office"):
        return False
    office, word = rec.doc.tokens[before.start].key, rec.doc.tokens[match.start].key
    if office.startswith("ال") and word.startswith("ال"):
        return True
    return "seminar" in match.keys("cue.not_meeting")


def _vetoes(match: Match) -> bool:
    """Sport and seminar words make a sentence's "لقاء" or "قمة" something else; a statement
    or a press conference does not."""
    return any(key in ("sport", "seminar") for key in match.keys("cue.not_meeting"))


def sentence_tokens(rec: Recognized, sentence: int) -> range:
    return rec.doc.sentence_tokens(sentence)


def sentences_with(rec: Recognized, kind: str) -> set[int]:
    return rec.remember(("sentences_with", kind), lambda: {
        rec.doc.tokens[m.start].sentence for m in rec.by_kind.get(kind, ())})


def function_word(lexicon: Lexicon, token: Token) -> bool:
    return "function" in lexicon.token_classes(token)


_VERBAL_NOUN_STARTS = ("ا", "ت")


_VERBAL_NOUN_MIN = 6


def verbal_noun_with_li(lexicon: Lexicon, key: str) -> bool:
    """"لإجراء", "لتحديد", "لاتخاذ": the preposition ل before a verbal noun of a derived
    verb (not لل + a definite noun, which is mostly part of a name)."""
    return (len(key) >= _VERBAL_NOUN_MIN and key.startswith("ل") and not key.startswith("لل")
            and key[1:].startswith(_VERBAL_NOUN_STARTS) and not lexicon.words.get(key))
