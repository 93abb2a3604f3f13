"""Agenda items a reader can trust: whole phrases, balanced quote marks, one item per topic.

:func:`phrase_close` and :func:`cut_to_limit` choose where a topic phrase ends, on token
ranges of a recognized document; :func:`balance_marks` mends the text copied from it;
:func:`merge_topics` folds items that repeat one topic into the fullest clean one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from meetsum.lexicon import Lexicon
from meetsum.model import AgendaItem
from meetsum.recognize import Recognized
from meetsum.text import Token, analyze

__all__ = ["balance_marks", "cut_to_limit", "function_like", "merge_topics", "phrase_close", "unbalanced"]


_PAIRS = (("“", "”"), ("«", "»"), ("‘", "’"), ("(", ")"), ("[", "]"), ("{", "}"))


_SYMMETRIC = '"'


_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


_CLITICS = "وفبلك"


_MIN_CLAUSE_CUT = 4  # words kept when a long phrase is cut before "و" or a relative clause


_MIN_PREPOSITION_CUT = 3  # words kept when it is cut before a preposition


_SAME_TOPIC = 0.6  # share of each item's content words that makes two items one topic


def function_like(lexicon: Lexicon, token: Token) -> bool:
    """A function word, also with a leading clitic (وفي، ولا، بما)."""
    if "function" in lexicon.token_classes(token):
        return True
    key = token.key
    return len(key) > 2 and key[0] in _CLITICS and "function" in lexicon.words.get(key[1:], frozenset())


def _closes(token: Token) -> bool:
    """A function word carrying a pronoun (لها، عليه، بينهما) completes its phrase:
    "الانتهاكات التي يتعرضون لها"."""
    return token.key.endswith(_PRONOUN_SUFFIXES) and len(token.key) > 2


def _dangles(lexicon: Lexicon, token: Token) -> bool:
    if len(token.key) == 1 and token.key in _CLITICS:
        return True  # a conjunction written apart: "... الوطن العربي و"
    return not token.key[0].isalnum() and token.key not in _CLOSING_MARKS or (
        token.key[0].isalnum() and function_like(lexicon, token) and not _closes(token))


_CLOSING_MARKS = frozenset("”»’)]}\"")


def phrase_close(rec: Recognized, start: int, end: int) -> int:
    """``end`` moved back over words a phrase cannot end on: a preposition, a conjunction, a
    relative pronoun; a closing quote mark stays when its opening one is inside."""
    tokens = rec.doc.tokens
    while end > start and _dangles(rec.lexicon, tokens[end - 1]):
        end -= 1
    while end > start and tokens[end - 1].key in _CLOSING_MARKS and not _opened(tokens, start, end - 1):
        end -= 1
        while end > start and _dangles(rec.lexicon, tokens[end - 1]):
            end -= 1
    return end


def _opened(tokens, start: int, close: int) -> bool:
    """Whether the mark at ``close`` closes one opened within ``start:close``."""
    mark = tokens[close].key
    if mark == _SYMMETRIC:
        return sum(t.key == _SYMMETRIC for t in tokens[start:close]) % 2 == 1
    opening = next(a for a, b in _PAIRS if b == mark)
    return sum(t.key == opening for t in tokens[start:close]) > sum(t.key == mark for t in tokens[start:close])


def cut_to_limit(rec: Recognized, start: int, end: int, limit: int) -> tuple[int, int | None]:
    """Where a phrase of more than ``limit`` words ends: before the last "و" that opens a
    new phrase, a relative clause or a comma within the limit; else before the last
    preposition; only then at the limit itself. A shorter whole phrase is worth more than a
    longer cut one ("... يضمن حقوق الشعب الفلسطيني", not "... ويضع حدا"). Also returns
    where the rest starts when it opens with "و": it may hold a topic of its own."""
    tokens, lexicon = rec.doc.tokens, rec.lexicon
    words = [i for i in range(start, end) if tokens[i].key[0].isalnum()]
    if len(words) <= limit:
        return end, None
    clause = preposition = None
    for count, index in enumerate(words[: limit + 1]):
        if index == start:
            continue
        if count >= _MIN_CLAUSE_CUT and (_joins(rec, index) or tokens[index - 1].key in _COMMAS):
            clause = index
        elif count >= _MIN_PREPOSITION_CUT and function_like(lexicon, tokens[index]) and not _closes(tokens[index]):
            preposition = index
    cut = clause or preposition or words[limit - 1] + 1
    rest = None
    return phrase_close(rec, start, cut), rest


_COMMAS = frozenset({"،", ",", "؛"})


def _joins(rec: Recognized, index: int) -> bool:
    """"و" opening a new phrase (ويضع، والعمل; not a named state or body in a list), or a
    relative pronoun (التي، والتي)."""
    token, match = rec.doc.tokens[index], rec.matches.get(index)
    if match is not None and match.has("cue.relative"):
        return True
    if match is not None and match.has_any(_NAMED):
        return False
    key = token.key
    if key == "و":
        return True
    # و before a definite noun or a known word (والعمل، ويضع), not a word of its own (وصول، وضع)
    return key.startswith("و") and not rec.lexicon.words.get(key) and (
        key.startswith("وال") or bool(rec.lexicon.words.get(key[1:])))


_NAMED = ("country", "city", "organization")


def unbalanced(text: str) -> bool:
    """Whether a quote mark or bracket of ``text`` lacks its partner."""
    return any(text.count(a) != text.count(b) for a, b in _PAIRS) or text.count(_SYMMETRIC) % 2 == 1


def balance_marks(text: str) -> str:
    """``text`` without the quote marks and brackets whose partner lies outside it
    ("مجريات “تشكيل لجنة" -> "مجريات تشكيل لجنة"), its spaces (no-break ones too) single."""
    unmatched: set[int] = set()
    for opening, closing in _PAIRS:
        stack: list[int] = []
        for position, char in enumerate(text):
            if char == opening:
                stack.append(position)
            elif char == closing:
                if stack:
                    stack.pop()
                else:
                    unmatched.add(position)
        unmatched.update(stack)
    symmetric = [position for position, char in enumerate(text) if char == _SYMMETRIC]
    if len(symmetric) % 2:
        unmatched.add(symmetric[-1] if _leads(text, symmetric[-1]) else symmetric[0])
    kept = "".join(char for position, char in enumerate(text) if position not in unmatched)
    return " ".join(kept.split())


def _leads(text: str, position: int) -> bool:
    """A lone '"' that opens a quotation (text follows it, a space precedes it)."""
    return position == 0 or text[position - 1] == " "


def _content_words(lexicon: Lexicon, text: str) -> frozenset[str]:
    """The words of ``text`` that carry meaning, without clitics and the article."""
    words = set()
    for token in analyze(text).tokens:
        if not token.key[0].isalnum() or function_like(lexicon, token):
            continue
        key = token.key
        for prefix in ("وال", "بال", "فال", "كال", "لل", "ال"):
            if key.startswith(prefix) and len(key) - len(prefix) >= 2:
                key = key[len(prefix):]
                break
        words.add(key)
    return frozenset(words)


def _same_topic(first: frozenset[str], second: frozenset[str]) -> bool:
    if not first or not second:
        return False
    if len(first) > len(second):
        first, second = second, first
    shared = sum(_has_same_word(word, second) for word in first)
    return shared == len(first) or shared >= _SAME_TOPIC * len(second)


def _has_same_word(word: str, words: frozenset[str]) -> bool:
    """Whether ``words`` holds the same word, or it with a clitic before it or without one
    (لتطوير، تطوير), by set look-ups."""
    return (word in words or (word[0] in _CLITICS and word[1:] in words)
            or any(clitic + word in words for clitic in _CLITICS))


def _quality(item: AgendaItem, words: frozenset[str]) -> tuple[bool, bool, int, int]:
    """Clean before full: balanced marks, one phrase (no comma inside), then more content
    words, then fewer words overall."""
    return (not unbalanced(item.text), not any(comma in item.text for comma in _COMMAS), len(words),
            -len(item.text.split()))


def merge_topics(items: Iterable[AgendaItem], lexicon: Lexicon) -> tuple[AgendaItem, ...]:
    """One item per topic: items whose content words repeat another's (one set inside the
    other, or sharing 60% of each one's) become the fullest clean form of them, at the
    place the topic first appears."""
    kept: list[_Topic] = []
    for item in items:
        words = _content_words(lexicon, item.text)
        if not words:
            continue
        kept.append(_Topic(item, words, _word_forms(words)))
        changed: int | None = len(kept) - 1
        while changed is not None:  # no two other items are one topic: only pairs with the changed one
            changed = _merge_first_pair(kept, changed)
    return tuple(topic.item for topic in kept)


class _Topic(NamedTuple):
    item: AgendaItem
    words: frozenset[str]
    forms: frozenset[str]  # the words with and without a clitic (_word_forms)


def _word_forms(words: frozenset[str]) -> frozenset[str]:
    """Every word that :func:`_has_same_word` takes for one of ``words``: two items share a
    word exactly when one's forms meet the other's words (a test in C that rules out most
    pairs before they are counted)."""
    forms = set(words)
    for word in words:
        if word[0] in _CLITICS:
            forms.add(word[1:])
        forms.update(clitic + word for clitic in _CLITICS)
    return frozenset(forms)


def _merge_first_pair(kept: list[_Topic], changed: int) -> int | None:
    """Merge the first pair (in list order) of one topic that holds item ``changed``; return
    where the merged item now is, or None."""
    pairs = [(first, changed) for first in range(changed)]
    pairs += [(changed, second) for second in range(changed + 1, len(kept))]
    forms = kept[changed].forms
    for first, second in pairs:
        other = kept[second if first == changed else first]
        if not forms.isdisjoint(other.words) and _same_topic(kept[first].words, kept[second].words):
            kept[first] = max(kept[first], kept[second], key=lambda topic: _quality(topic.item, topic.words))
            del kept[second]
            return first
    return None
