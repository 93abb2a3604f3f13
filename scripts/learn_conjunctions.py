"""Build meetsum/data/learned/waw_words.tsv: what a leading و is, learned from the corpus.

A leading و is mostly the conjunction "and" (والتعاون، وتعزيز، ودعم), but many words start
with a و of their own (وزير، وصول، وسائل، وضع، وفد، ولي). Topics coordinated with و are split
where the و is a conjunction before a noun, and an item never starts with one, so meetsum
needs to tell them apart. The file lists two kinds of words, with the counts behind each:

``word``: the و is part of the word. Where و is a conjunction, the rest is common on its own
(تعزيز is seen far more often than وتعزيز); where it is part of the word, the rest is rare
(زير، صول، سائل). And a conjunction comes before every other clitic, so a word the corpus
shows after the article or a preposition (الوجهات، لوجوده، بالوضع) has its own و even when
the rest is a common word (جهات، جوده). Kept: seen ``--min-count`` times, and either the rest
(alone or after ب ل ف ك ال) is seen less than ``--ratio`` times as often, or the word after
ال بال لل وال فال كال ل is seen ``--inner-share`` times as often and 3 times at least (ب alone
is left out: it starts names, بوسعيد).

``clause``: a conjunction that opens a clause, mostly before a verb (وقال، وسبق، وختم): the
word starts a sentence in at least ``--open-share`` of its occurrences (and 3 times). A noun
coordinated inside a topic (وتعزيز، وتحقيق) almost never does.

Every other word starting with و (not وال) reads as a conjunction before a noun. Words are
compared by meetsum's match key (أ/إ/آ/ا, ى/ي and ة/ه are one), diacritics and tatweel
dropped.

Regenerate (from the repository root; about 20 seconds of one core)::

    uv run python scripts/learn_conjunctions.py --corpora /work/shared/corpora
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetsum.lexicon import WAW_WORDS_FILE  # noqa: E402
from meetsum.text import match_key  # noqa: E402

OUT = ROOT / "meetsum" / "data" / WAW_WORDS_FILE
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!؟?:]\s*)(و[\u0621-\u063a\u0641-\u064a]+)", re.MULTILINE)
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_REST_CLITICS = ("", "ب", "ل", "ف", "ك", "ال")  # what the rest of a conjunction form also takes
_INNER_CLITICS = ("ال", "بال", "لل", "وال", "فال", "كال", "ل")  # clitics that never follow a conjunction و
_MIN_EVIDENCE = 3  # occurrences after a clitic, or at a sentence start, to count as evidence


def articles(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for folder in folders:
        for path in sorted(Path(folder).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    article = json.loads(line)
                    yield path.name, f"{article.get('title') or ''}\n{article.get('text') or ''}"


def count_keys(folders: Iterable[Path]) -> tuple[Counter, Counter, int, list[str]]:
    """How often each word key occurs, how often it starts a sentence, the number of
    articles, and the files read."""
    written: Counter = Counter()
    opening: Counter = Counter()
    total, files = 0, set()
    for name, text in articles(folders):
        text = _DIACRITICS.sub("", text)
        written.update(_ARABIC_WORD.findall(text))
        opening.update(_SENTENCE_OPENER.findall(text))
        total += 1
        files.add(name)
    return _by_key(written), _by_key(opening), total, sorted(files)


def _by_key(counts: Counter) -> Counter:
    keys: Counter = Counter()
    for form, count in counts.items():
        keys[match_key(form)] += count
    return keys


def waw_rows(keys: Counter, opens: Counter, args: argparse.Namespace) -> list[tuple[str, str, int, int, int, int]]:
    """(key, kind, its count, the rest's count, its count after a clitic, its count at a
    sentence start) for each word whose و is its own (word) or opens a clause (clause)."""
    rows = []
    for key, count in keys.items():
        if len(key) < 3 or not key.startswith("و") or key.startswith("وال") or count < args.min_count:
            continue
        rest = sum(keys.get(clitic + key[1:], 0) for clitic in _REST_CLITICS)
        inner = sum(keys.get(clitic + key, 0) for clitic in _INNER_CLITICS)
        opening = opens.get(key, 0)
        if rest < count * args.ratio or inner >= max(_MIN_EVIDENCE, count * args.inner_share):
            rows.append((key, "word", count, rest, inner, opening))
        elif opening >= max(_MIN_EVIDENCE, count * args.open_share):
            rows.append((key, "clause", count, rest, inner, opening))
    rows.sort(key=lambda row: (row[1] != "word", -row[2], row[0]))
    return rows


def write(rows: list[tuple], total: int, files: list[str], args: argparse.Namespace) -> None:
    header = [
        "# meetsum words starting with و that are not a conjunction before a noun: GENERATED by",
        "# scripts/learn_conjunctions.py, do not edit by hand.",
        f"# Inputs: the words of {total} articles ({', '.join(files)}).",
        f"# word: the و is part of the word; seen {args.min_count}+ times, and the rest is seen less than",
        f"# {args.ratio:g} times as often, or the word after a clitic {args.inner_share:g} times as often and "
        f"{_MIN_EVIDENCE}+ times.",
        f"# clause: a conjunction opening a clause; it starts a sentence in {args.open_share:g}+ of its "
        f"occurrences ({_MIN_EVIDENCE}+).",
        f"# count: the word's occurrences; rest: the rest's, alone or after {' '.join(_REST_CLITICS[1:])};",
        f"# inner: the word's after {' '.join(_INNER_CLITICS)}; opens: at a sentence start.",
        "key\tkind\tcount\trest\tinner\topens",
    ]
    lines = header + ["\t".join(map(str, row)) for row in rows]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, nargs="+", required=True, help="folders of *.jsonl.gz")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--ratio", type=float, default=0.2)
    parser.add_argument("--inner-share", type=float, default=0.02)
    parser.add_argument("--open-share", type=float, default=0.3)
    args = parser.parse_args()
    keys, opens, total, files = count_keys(args.corpora)
    rows = waw_rows(keys, opens, args)
    write(rows, total, files, args)
    kinds = Counter(row[1] for row in rows)
    print(f"{kinds['word']} words with their own و, {kinds['clause']} clause openers, from {total} articles"
          f" -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
