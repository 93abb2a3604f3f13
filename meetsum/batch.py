"""Batch runs: many documents in, one record (or error) out per document, in input order.

With ``jobs > 1`` documents are summarized in worker processes; results still come out in
input order and are yielded as they are ready, so memory stays flat however many inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetsum.inputs import Document, InputError

if TYPE_CHECKING:
    from meetsum.lexicon import Lexicon
    from meetsum.officeholders import OfficeHolders

__all__ = ["Options", "Result", "load_resources", "summarize_documents"]

@dataclass(frozen=True, slots=True)
class Options:
    """What every record of a run gets: the publication date (else each record's own),
    English fields, evidence text, and user lexicon files on top of the built-in data."""

    published: str | None = None
    lang: str = "ar"
    explain: bool = False
    lexicon_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    """A summary record (plain data) or the error that prevented it."""

    source: str
    record: dict[str, Any] | None = None
    error: str | None = None

    @property
    def meeting_detected(self) -> bool:
        return bool(self.record and self.record.get("meeting_detected"))


def load_resources(options: Options) -> tuple[Lexicon, OfficeHolders | None]:
    """The lexicon (and, for English or a user lexicon, the office holders) a run needs;
    raises LexiconError for a broken user lexicon, so the CLI reports it once before any
    input is read."""
    return _resources(options.lexicon_files, options.lang == "en")


@lru_cache(maxsize=4)
def _resources(files: tuple[str, ...], english: bool) -> tuple[Lexicon, OfficeHolders | None]:
    from meetsum.lexicon import default_lexicon, load_lexicon

    lexicon = load_lexicon([Path(f) for f in files]) if files else default_lexicon()
    if not (english or files):
        return lexicon, None  # the built-in office holders load on first need
    from meetsum.officeholders import default_officeholders, load_officeholders

    holders = load_officeholders(lexicon, [Path(f) for f in files]) if files else default_officeholders()
    return lexicon, holders


def summarize_documents(
    documents: Iterable[Document | InputError], options: Options = Options(), *, jobs: int = 1
) -> Iterator[Result]:
    """Summarize each document; errors (bad input, bad date) become error results."""
    tasks = ((_task(item, options.published), options) for item in documents)
    if jobs <= 1:
        yield from (_run(task) for task in tasks)
        return
    from multiprocessing import get_context

    load_resources(options)  # built once here; forked workers inherit it
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


def _run(job: tuple[tuple, Options]) -> Result:
    (source, text, record_id, published, error), options = job
    if error is not None:
        return Result(source, error=error)
    try:
        record = _record(text, published, options)
    except ValueError as exc:
        return Result(source, error=f"{source}: {exc}")
    except Exception as exc:  # a bug on one article must not cost the others their results
        return Result(source, error=f"{source}: internal error ({type(exc).__name__}: {exc}); please report it")
    head: dict[str, Any] = {"source": source}
    if record_id is not None:
        head["id"] = record_id
    return Result(source, record=head | record)


def _record(text: str, published: str | None, options: Options) -> dict[str, Any]:
    from meetsum.pipeline import summarize

    lexicon, holders = load_resources(options)
    record = summarize(text, published=published, lexicon=lexicon, holders=holders).to_dict()
    if options.lang == "en":
        from meetsum.english import add_english

        record = add_english(record, lexicon, holders, published)
    if options.explain:
        from meetsum.explain import add_evidence_text

        record = add_evidence_text(record, text)
    return record
