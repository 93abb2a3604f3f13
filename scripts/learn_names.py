"""Rebuild meetsum/data/learned/people.yaml: people's names learned from the corpora.

Reads every ``*.jsonl.gz`` file of the corpus folder(s) (articles as JSON Lines: title and
text, read as meetsum reads them in evaluation: title, blank line, text), counts the names
seen after titles and honorifics (meetsum.learn), keeps those the counts justify and writes
them, with the counts, as a generated lexicon file. The same input gives the same file, byte
for byte, whatever ``--jobs``. ``meetsum lexicon learn`` does the same for a user's archive.

    uv run python scripts/learn_names.py --jobs 2               # ../shared/corpora -> the data file
    uv run python scripts/learn_names.py --corpora DIR --output -   # to standard output
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from meetsum.learn import Tally, Thresholds, header_for, learned, render, tally_article
from meetsum.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = Path("/work/shared/corpora")
OUTPUT = ROOT / "meetsum" / "data" / "learned" / "people.yaml"


def corpus_files(folders: list[Path]) -> list[Path]:
    return sorted((p for folder in folders for p in folder.glob("*.jsonl.gz")), key=lambda p: p.name)


def articles(files: list[Path]) -> Iterator[str]:
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield (record.get("title") or "").strip() + "\n\n" + (record.get("text") or "").strip() + "\n"


def tally_part(job: tuple[list[Path], int | None, int, int]) -> Tally:
    """The tally of every ``parts``-th article from the ``part``-th on."""
    files, limit, part, parts = job
    lexicon = load_lexicon(learned=False)
    tally = Tally()
    for text in islice(articles(files), part, limit, parts):
        tally_article(tally, text, lexicon)
    return tally


def tally_corpus(files: list[Path], limit: int | None = None, jobs: int = 1) -> Tally:
    jobs_list = [(files, limit, part, jobs) for part in range(jobs)]
    if jobs == 1:
        return tally_part(jobs_list[0])
    from multiprocessing import Pool

    total = Tally()
    with Pool(jobs) as pool:
        for tally in pool.map(tally_part, jobs_list):
            total.add(tally)
    return total


def learned_file(tally: Tally, files: list[Path], limit: int | None = None) -> str:
    thresholds = Thresholds()
    command = "scripts/learn_names.py" + (f" --limit {limit}" if limit else "")
    return render(learned(tally, load_lexicon(learned=False), thresholds),
                  header_for(command, tally.articles, thresholds, [p.name for p in files]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, action="append",
                        help=f"folder of *.jsonl.gz articles (repeatable; default {DEFAULT_CORPORA})")
    parser.add_argument("--output", default=str(OUTPUT), help="file to write, '-' for standard output")
    parser.add_argument("--limit", type=int, help="read only the first N articles (for a quick look)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpora or [DEFAULT_CORPORA])
    if not files:
        parser.error("no *.jsonl.gz files in the corpus folder(s)")
    text = learned_file(tally_corpus(files, args.limit, max(1, args.jobs)), files, args.limit)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
