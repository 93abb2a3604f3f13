"""Batch runs: many documents in, one record (or error) out per document, in input order.

With ``jobs > 1`` documents are summarized in worker processes; results still come out in
input order and are yielded as they are ready, so memory stays flat however many inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from meetsum.inputs import Document, InputError

__all__ = ["Result", "summarize_documents"]


@dataclass(frozen=True, slots=True)
class Result:
    """A summary record (plain data) or the error that prevented it."""

    source: str
    record: dict[str, Any] | None = None
    error: str | None = None

    @property
    def meeting_detected(self) -> bool:
        return bool(self.record and self.record.get("meeting_detected"))


def summarize_documents(
    documents: Iterable[Document | InputError], *, published: str | None = None, jobs: int = 1
) -> Iterator[Result]:
    """Summarize each document; errors (bad input, bad date) become error results."""
    tasks = (_task(item, published) for item in documents)
    if jobs <= 1:
        yield from map(_run, tasks)
        return
    from multiprocessing import get_context

    pool = get_context("fork").Pool(jobs)
    try:
        yield from pool.imap(_run, tasks, chunksize=16)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _task(item: Document | InputError, published: str | None) -> tuple:
    if isinstance(item, InputError):
        return (item.source, None, None, None, str(item))
    return (item.source, item.text, item.id, published or item.published, None)


def _run(task: tuple) -> Result:
    source, text, record_id, published, error = task
    if error is not None:
        return Result(source, error=error)
    from meetsum.pipeline import summarize

    try:
        summary = summarize(text, published=published)
    except ValueError as exc:
        return Result(source, error=f"{source}: {exc}")
    except Exception as exc:  # a bug on one article must not cost the others their results
        return Result(source, error=f"{source}: internal error ({type(exc).__name__}: {exc}); please report it")
    record = {"source": source}
    if record_id is not None:
        record["id"] = record_id
    record.update(summary.to_dict())
    return Result(source, record=record)
