"""Rebuild meetsum/data/learned/common_words.tsv: words the news almost never uses as a name.

A name after a title runs on until a word that cannot be part of it, and a title may be
followed by no name at all ("وأرفع مسؤول"، "الجانب التركي بالتوقف"). Which words those are
is counted over the corpora, with no lexicon of word classes: for every word key, how often
it occurs (``count``) and how often it stands in a name's place (``in_names``), that is
inside a name the recognizer reads after a title or honorific, or right after a given name
(names.yaml and the learned given names of learned/people.yaml). A word seen at least
``--min-count`` times and in a name's place in less than ``--share`` of them is a common
word (مساحة، الموافق، المثيرة). So is a word with the conjunction و or the preposition ب or
ل whose form without it is a common word (بتجنيد، لوكالات), also one the corpora never
show, unless the corpora list it as a name: seen more than half as often as that form, or
in a name's place in ``--clitic-share`` of its occurrences (كيري، لوبان). ك is left out: it
starts too many foreign names (كيلي، كومباني).

Recognition reads the built-in lexicon without this table, so the counts do not depend on
what they are used to cut.

    uv run python scripts/learn_common_words.py --jobs 2
    uv run python scripts/learn_common_words.py --counts /tmp/counts.pickle --share 0.01   # reuse the counts
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from learn_names import DEFAULT_CORPORA, articles, corpus_files  # noqa: E402

from meetsum.lexicon import COMMON_WORD_TABLE, Lexicon, load_lexicon  # noqa: E402
from meetsum.recognize import recognize  # noqa: E402
from meetsum.text import analyze  # noqa: E402

OUTPUT = ROOT / "meetsum" / "data" / COMMON_WORD_TABLE
_CLITICS = "وبل"
_ARABIC = re.compile("[\u0621-\u063a\u0641-\u064a]{2,}")


def tally_text(text: str, lexicon: Lexicon, total: Counter, in_names: Counter) -> None:
    """Add one article's word counts, and those of its words in a name's place."""
    doc = analyze(text)
    tokens = doc.tokens
    rec = recognize(doc, lexicon)
    honorific_ends = {m.end for m in rec.matches.values() if m.has("honorific")}
    named: set[int] = set()
    for person in rec.people:
        title = person.title
        if person.has_name and (title is not None and not title.collective or person.name_start in honorific_ends):
            named.update(range(person.name_start, person.name_end))
    for index, token in enumerate(tokens):
        total[token.key] += 1
        if index in named or index and tokens[index - 1].sentence == token.sentence and (
                "given" in lexicon.token_classes(tokens[index - 1])):
            in_names[token.key] += 1


def tally_part(job: tuple[list[Path], int | None, int, int]) -> tuple[Counter, Counter, int]:
    files, limit, part, parts = job
    lexicon = load_lexicon(common_words=False)
    total: Counter = Counter()
    in_names: Counter = Counter()
    count = 0
    for count, text in enumerate(islice(articles(files), part, limit, parts), 1):
        tally_text(text, lexicon, total, in_names)
    return total, in_names, count


def tally_corpus(files: list[Path], limit: int | None, jobs: int) -> tuple[Counter, Counter, int]:
    parts = [(files, limit, part, jobs) for part in range(jobs)]
    if jobs == 1:
        return tally_part(parts[0])
    from multiprocessing import Pool

    total: Counter = Counter()
    in_names: Counter = Counter()
    articles_read = 0
    with Pool(jobs) as pool:
        for part_total, part_names, count in pool.map(tally_part, parts):
            total.update(part_total)
            in_names.update(part_names)
            articles_read += count
    return total, in_names, articles_read


def common_words(total: Counter, in_names: Counter, args: argparse.Namespace) -> list[tuple[str, int, int, str]]:
    """Rows (key, count, in_names, kind): kind ``common``, or ``name`` for a word with a
    clitic whose form without it is common but which is not (كيري، لوبان)."""
    lexicon = load_lexicon(common_words=False)
    rows = {}
    for key, count in total.items():
        if (_ARABIC.fullmatch(key) and count >= args.min_count and in_names[key] < args.share * count
                and not _name_word(lexicon, key)):
            rows[key] = (key, count, in_names[key], "common")
    for key, count in total.items():
        if key in rows or not (key[:1] in _CLITICS and len(key) >= 4 and key[1:] in rows):
            continue
        if total[key[1:]] < args.clitic_ratio * count or in_names[key] >= args.clitic_share * count or _name_word(
                lexicon, key):
            rows[key] = (key, count, in_names[key], "name")
    return sorted(rows.values())


def _name_word(lexicon: Lexicon, key: str) -> bool:
    """Given names, name particles and learned name words are never common words."""
    return bool(lexicon.words.get(key, frozenset()) & {"given", "particle", "patronymic", "recurring"})


def render(rows: list[tuple[str, int, int, str]], files: list[Path], articles_read: int, args: argparse.Namespace) -> str:
    names = sum(1 for row in rows if row[3] == "name")
    header = [
        "# meetsum common words: GENERATED by scripts/learn_common_words.py, do not edit by hand.",
        f"# Inputs: {articles_read} articles ({', '.join(p.name for p in files)}).",
        f"# common: a word seen {args.min_count}+ times and in a name's place (inside a name after a title",
        f"# or honorific, or right after a given name) in less than {args.share:.0%} of them. A word with و, ب",
        "# or ل whose form without it is common is common too, unless listed as name: that form is",
        f"# less than {args.clitic_ratio:g} times as frequent, or the word is in a name's place in {args.clitic_share:.0%}+ of its occurrences.",
        f"# {len(rows) - names} common words, {names} names.",
        "# Columns: key (meetsum's matching key); count (occurrences); in_names (occurrences in a",
        "# name's place); kind (common or name).",
        "key\tcount\tin_names\tkind",
    ]
    return "\n".join(header + ["\t".join(map(str, row)) for row in rows]) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", type=Path, action="append",
                        help=f"folder of *.jsonl.gz articles (repeatable; default {DEFAULT_CORPORA})")
    parser.add_argument("--output", default=str(OUTPUT), help="file to write, '-' for standard output")
    parser.add_argument("--limit", type=int, help="read only the first N articles (for a quick look)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--min-count", type=int, default=100)
    parser.add_argument("--share", type=float, default=0.02)
    parser.add_argument("--clitic-ratio", type=float, default=2.0)
    parser.add_argument("--clitic-share", type=float, default=0.2)
    parser.add_argument("--counts", type=Path, help="keep the corpus counts in this file and reuse them")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpora or [DEFAULT_CORPORA])
    if not files:
        parser.error("no *.jsonl.gz files in the corpus folder(s)")
    if args.counts is not None and args.counts.exists():
        total, in_names, articles_read = pickle.loads(args.counts.read_bytes())
    else:
        total, in_names, articles_read = tally_corpus(files, args.limit, max(1, args.jobs))
        if args.counts is not None:
            args.counts.write_bytes(pickle.dumps((total, in_names, articles_read)))
    text = render(common_words(total, in_names, args), files, articles_read, args)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
