"""The library entry point: text in, summary out."""

from __future__ import annotations

from meetsum.assemble import assemble
from meetsum.dates import parse_published
from meetsum.lexicon import Lexicon, default_lexicon
from meetsum.model import Summary
from meetsum.recognize import recognize
from meetsum.text import analyze

__all__ = ["summarize"]


def summarize(text: str, *, published: str | None = None, lexicon: Lexicon | None = None) -> Summary:
    """Summarize one Arabic news article.

    ``published`` (``YYYY-MM-DD``) resolves relative dates such as أمس or الأحد الماضي;
    ``lexicon`` defaults to the built-in language data. Raises ValueError for a malformed
    ``published``.
    """
    date = parse_published(published)
    lexicon = lexicon or default_lexicon()
    return assemble(recognize(analyze(text), lexicon), lexicon, date)
