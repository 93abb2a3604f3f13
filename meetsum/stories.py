"""Texts too long to be one news story: summarized part by part, the parts' summaries joined.

A news report runs to a few thousand words (the longest of the 72,000 corpus articles has
34,000 characters). A text of more than ``STORY_MAX_CHARS`` characters (a day's feed pasted
into one file, a saved forum thread, a hostile input) is not one story: reading it as one
would let a name in one report merge with a namesake in another, and time and memory would
grow with the whole text. It is therefore cut into parts of at most ``STORY_MAX_CHARS``
characters, at a blank line when the second half of the part has one (reports are joined
by blank lines), else at a line break, a sentence end or a space. Each part is summarized
on its own, so time grows linearly with the text and memory with one part (plus the
summary). The summaries are joined: meetings in text order; participants, agenda items,
statements and mentions once each, in order; the main meeting's status, kind, date and
venue from the first part that reports a meeting. Evidence offsets and sentence numbers
refer to the whole text. Texts up to the limit are summarized exactly as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass

from meetsum.model import Evidence, Participant, Summary
from meetsum.text import split_sentences

__all__ = ["STORY_MAX_CHARS", "summarize_parts", "parts"]

STORY_MAX_CHARS = 60_000


def parts(text: str, limit: int = STORY_MAX_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of consecutive parts of ``text``, each at most ``limit`` long."""
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        yield start, end
        start = end
    yield start, len(text)


_SENTENCE_ENDS = (". ", "؟ ", "? ", "! ", "؛ ")


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a part that must end in ``low..high``: after the last blank line there,
    else after a line break, a sentence end or a space; else at ``high``."""
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, low, high)
        if found >= 0:
            return found + len(separator)
    found = max(text.rfind(end, low, high) for end in _SENTENCE_ENDS)
    if found >= 0:
        return found + 2
    found = text.rfind(" ", low, high)
    return found + 1 if found >= 0 else high


def summarize_parts(text: str, summarize_part: Callable[[str], Summary]) -> Summary:
    """The joined summary of ``text``'s parts, each summarized by ``summarize_part``."""
    sentence_ends = [sentence.end for sentence in split_sentences(text)]
    summaries = []
    for start, end in parts(text):
        # the part's first sentence is the whole text's first one not ended before it
        first_sentence = bisect_right(sentence_ends, start)
        summaries.append(_shifted(summarize_part(text[start:end]), start, first_sentence))
    return _joined(summaries)


def _shifted(value, offset: int, sentences: int):
    """``value`` with every Evidence in it moved by ``offset`` characters and ``sentences``."""
    if isinstance(value, Evidence):
        return Evidence(value.start + offset, value.end + offset, value.sentence + sentences)
    if isinstance(value, tuple):
        return tuple(_shifted(item, offset, sentences) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return type(value)(**{f.name: _shifted(getattr(value, f.name), offset, sentences) for f in fields(value)})
    return value


def _joined(summaries: list[Summary]) -> Summary:
    """One summary of consecutive parts: lists concatenated (each item once, by what it
    says, except meetings), flags or-ed, other fields from the first part with a meeting."""
    main = next((s for s in summaries if s.meeting_detected), summaries[0])
    values = {}
    for f in fields(Summary):
        name = f.name
        if name in ("title", "published"):
            values[name] = getattr(summaries[0], name)
        elif isinstance(getattr(main, name), bool):
            values[name] = any(getattr(s, name) for s in summaries)
        elif isinstance(getattr(main, name), tuple):
            items = [item for s in summaries for item in getattr(s, name)]
            values[name] = tuple(items) if name == "meetings" else _once_each(items)
        else:
            values[name] = getattr(main, name)
    return Summary(**values)


def _once_each(items: list) -> tuple:
    seen: dict = {}
    for item in items:
        seen.setdefault(_identity(item), item)
    return tuple(seen.values())


def _identity(item) -> object:
    """What an item says, without where: a participant is its name (or, unnamed, its role
    and state); any other item all its fields but the evidence."""
    if isinstance(item, Participant) and item.name:
        return ("name", item.name)
    if is_dataclass(item):
        return tuple((f.name, getattr(item, f.name)) for f in fields(item) if f.name not in ("evidence", "aliases"))
    return item
