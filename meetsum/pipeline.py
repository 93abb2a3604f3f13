"""The library entry point: text in, summary out."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from meetsum.assemble import assemble
from meetsum.dates import parse_published
from meetsum.lexicon import Lexicon, default_lexicon
from meetsum.model import Summary
from meetsum.recognize import recognize
from meetsum.stories import STORY_MAX_CHARS
from meetsum.text import analyze

if TYPE_CHECKING:
    from meetsum.officeholders import OfficeHolders

__all__ = ["summarize"]


def summarize(
    text: str, *, published: str | None = None, lexicon: Lexicon | None = None,
    holders: OfficeHolders | None = None,
) -> Summary:
    """Summarize one Arabic news article.

    ``published`` (``YYYY-MM-DD``) resolves relative dates such as أمس or الأحد الماضي;
    ``lexicon`` defaults to the built-in language data; ``holders`` are the office holders
    checked against it (give them with a custom lexicon used for many articles, to build
    them once). Raises ValueError for a malformed ``published``. A text too long to be one
    story is summarized part by part (see ``meetsum.stories``).
    """
    date = parse_published(published)
    lexicon = lexicon or default_lexicon()
    collecting = gc.isenabled()
    gc.disable()  # the pipeline makes hundreds of thousands of short-lived, acyclic objects: the
    try:  # cycle collector's passes over them cost a tenth of the time and free nothing
        if len(text) > STORY_MAX_CHARS:
            from meetsum.stories import summarize_parts

            return summarize_parts(text, lambda part: assemble(recognize(analyze(part), lexicon), lexicon, date, holders))
        return assemble(recognize(analyze(text), lexicon), lexicon, date, holders)
    finally:
        if collecting:
            gc.enable()
