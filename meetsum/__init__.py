"""meetsum: structured summaries of Arabic news reports of diplomatic meetings.

    >>> from meetsum import summarize
    >>> summary = summarize(text, published="2024-12-07")

Heavy modules load on first use, so ``meetsum --version`` and ``--help`` start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["summarize", "Summary", "__version__"]

if TYPE_CHECKING:
    from meetsum.model import Summary
    from meetsum.pipeline import summarize


def __getattr__(name: str) -> Any:
    if name == "summarize":
        from meetsum.pipeline import summarize

        return summarize
    if name == "Summary":
        from meetsum.model import Summary

        return Summary
    raise AttributeError(f"module 'meetsum' has no attribute {name!r}")
