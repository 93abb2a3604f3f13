"""Build meetsum/data/wordclasses.tsv: the words that end a person's name, by their class
in a real Arabic lexicon, kept apart from the names the corpus shows.

A name runs over the words after a title or a given name until a word that cannot be part
of it. Which words those are comes from two sources:

1. qalsadi, the morphological analyser over the arramooz dictionary it ships (both kept by
   the same author, offline, with verbs conjugated and nouns typed by pattern). Each corpus
   word is analysed as written; only readings without a clitic (و ف ب ل ك ال, a pronoun
   suffix on a noun) count, since a clitic split of a foreign name (ب+لين+كن) is noise.
   Their classes: ``verb`` (يواصل، أبلغ، سيلتقي، تحدثا; a bare past form that is also a
   noun, دار، عز، بول, is not counted), ``adjective`` (participles, صفة مشبهة, intensive
   and elative forms, nisbas: غاضب، ملحة، عالمي), ``adverb`` (an indefinite accusative:
   جدا، كثيرا، لاحقا) and ``particle`` (qalsadi's stop words: لاسيما، أيضا).
2. The corpus: many given and family names are dictionary words too (عادل، كريم، سعيد،
   أمين). A word keeps its place in names (column ``name`` = 1) when qalsadi itself knows it
   as a proper noun, or when it stands where a name stands (right after a given name of
   names.yaml or a name particle such as بن، أبو، عبد، آل; right after a state's nisba,
   where a title ends and a name starts, or second there after a name word: الفرنسي جان
   نويل; right before a patronymic بن، بنت، ابن) in at least ``--name-share`` of its occurrences, and at least
   twice.

Only words seen at least ``--min-count`` times, not definite (ال), are analysed.

Regenerate (from the repository root; about 15 minutes of one core, half of it reading the
corpora, which ``--counts FILE`` keeps for the next run)::

    uv run --group build-wordclasses python scripts/build_wordclasses.py \
        --corpora /work/shared/corpora
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from meetsum.text import analyze, match_key  # noqa: E402

OUT = ROOT / "meetsum" / "data" / "wordclasses.tsv"
NAMES = ROOT / "meetsum" / "data" / "names.yaml"
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")

# qalsadi's noun types (the last field of "Noun:فاعل:اسم فاعل") read as adjectives
_ADJECTIVE_TYPES = frozenset({
    "اسم فاعل", "اسم مفعول", "صفة مشبهة", "صيغة مبالغة", "صفة", "اسم تفضيل", "منسوب",
})
CLASSES = ("particle", "adverb", "adjective", "verb")  # a word's class is the first of its readings


def articles(folders: Iterable[Path]) -> Iterator[str]:
    for folder in folders:
        for path in sorted(Path(folder).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    article = json.loads(line)
                    yield f"{article.get('title') or ''}\n\n{article.get('text') or ''}"


def name_markers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Keys of given names, of name particles, and of patronymics (names.yaml)."""
    names = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    given = frozenset(match_key(form) for forms in names["given"].values() for form in forms)
    particles = frozenset(match_key(form) for form in names["particles"])
    patronymic = frozenset(match_key(form) for form in names["patronymic"])
    return given, particles, patronymic


def nationality_adjectives() -> frozenset[str]:
    """One-word nisba adjectives of states (الفرنسي، الأمريكية), which end a title before a name."""
    from meetsum.lexicon import default_lexicon

    phrases = default_lexicon().phrases
    return frozenset(first for first, entries in phrases.items()
                     if any(not rest and "country_nisba" in kinds for rest, _, kinds in entries))


def count_words(folders: Iterable[Path]) -> tuple[Counter, Counter, Counter, Counter, int]:
    """Per key: occurrences, occurrences in a name's place, and spellings (key, surface); and
    the pairs of words right after a nisba, whose second word is in a name's place when the
    first is a name word (الفرنسي جان نويل)."""
    given, particles, patronymic = name_markers()
    nisbas = nationality_adjectives()
    total: Counter = Counter()
    named: Counter = Counter()
    spellings: Counter = Counter()
    second: Counter = Counter()  # (first, second) word pairs right after a nisba
    count = 0
    for count, text in enumerate(articles(folders), 1):
        tokens = analyze(text).tokens
        for i, token in enumerate(tokens):
            total[token.key] += 1
            previous = tokens[i - 1].key if i else ""
            before = tokens[i - 2].key if i > 1 else ""
            following = tokens[i + 1].key if i + 1 < len(tokens) else ""
            if previous in given or previous in particles or following in patronymic or previous in nisbas:
                named[token.key] += 1
            elif before in nisbas:
                second[(previous, token.key)] += 1
            if not token.key.startswith("ال") and _ARABIC_WORD.fullmatch(token.key):
                spellings[(token.key, _DIACRITICS.sub("", token.text))] += 1
        if count % 10000 == 0:
            print(f"{count} articles", file=sys.stderr)
    return total, named, spellings, second, count


def classes_of(analyses: Iterable) -> tuple[set[str], bool]:
    """The classes of a word's clitic-free readings, and whether one is a proper noun.

    A bare past-tense reading (دار، عز، بول: no prefix, suffix or pronoun) does not make a
    word a verb when it can also be read as a noun: such words are family and foreign names
    as often as verbs. An inflected verb (يواصل، أبلغت، تحدثا) is a verb whatever else it is."""
    classes: set[str] = set()
    proper = noun = False
    bare_verb = False
    for analysis in analyses:
        kind = analysis.get_type()
        proclitic, prefix, suffix, enclitic = tuple(analysis.affix) if analysis.affix else ("", "", "", "")
        if kind == "Noun:noun_prop":
            proper = True
        if proclitic not in ("", "س") or (enclitic and kind != "Verb"):
            continue
        if kind in ("Verb", "STOPWORD:فعل"):
            if proclitic or prefix or suffix or enclitic or kind != "Verb":
                classes.add("verb")
            else:
                bare_verb = True
        elif kind.startswith("STOPWORD:"):
            classes.add("particle")
        elif kind.startswith("Noun:"):
            noun = True
            if suffix == "\u064b\u0627":  # tanwin alif, an adverbial accusative: جدا، كثيرا
                classes.add("adverb")
            elif kind.split(":")[-1] in _ADJECTIVE_TYPES:
                classes.add("adjective")
    if bare_verb and not noun:
        classes.add("verb")
    return classes, proper


def _name_evidence(count: int, in_name: int, proper: bool, name_share: float) -> str:
    if proper:
        return "lexicon"
    return "corpus" if in_name >= 2 and in_name >= name_share * count else "-"


def build(folders: list[Path], min_count: int, name_share: float, counts: Path | None) -> tuple[list[tuple], dict]:
    import qalsadi.analex

    if counts is not None and counts.exists():
        total, named, spellings, second, n_articles = pickle.loads(counts.read_bytes())
    else:
        total, named, spellings, second, n_articles = count_words(folders)
        if counts is not None:
            counts.write_bytes(pickle.dumps((total, named, spellings, second, n_articles)))
    spelling: dict[str, str] = {}
    for (key, surface), _ in spellings.most_common():
        spelling.setdefault(key, surface)
    analyser = qalsadi.analex.Analex()
    started = time.monotonic()
    candidates = sorted(key for key in spelling if total[key] >= min_count)
    analysed = {}
    for done, key in enumerate(candidates, 1):
        classes, proper = classes_of(analyser.check_word(spelling[key]))
        if classes:
            analysed[key] = (next(c for c in CLASSES if c in classes), proper)
        if done % 5000 == 0:
            print(f"{done}/{len(candidates)} words analysed, {time.monotonic() - started:.0f} s", file=sys.stderr)
    # a name word: a given name, or a classed word the corpus already shows as a name
    given = name_markers()[0]
    names = {key for key, (_, proper) in analysed.items()
             if _name_evidence(total[key], named[key], proper, name_share) != "-"}
    for (first, key), count in second.items():
        if first in given or first in names:
            named[key] += count
    rows = [(key, main, total[key], named[key], _name_evidence(total[key], named[key], proper, name_share))
            for key, (main, proper) in sorted(analysed.items())]
    stats = {"articles": n_articles, "analysed": len(candidates)}
    return rows, stats


def write(rows: list[tuple], folders: list[Path], min_count: int, name_share: float, stats: dict) -> None:
    version = metadata.version("qalsadi")
    arramooz = metadata.version("arramooz-pysqlite")
    ending = sum(1 for row in rows if row[4] == "-")
    files = ", ".join(path.name for folder in folders for path in sorted(Path(folder).glob("*.jsonl.gz")))
    header = [
        "# meetsum word classes: GENERATED by scripts/build_wordclasses.py, do not edit by hand.",
        f"# Inputs: qalsadi {version} (arramooz-pysqlite {arramooz}); the words of {stats['articles']}",
        f"# articles ({files})",
        f"# seen at least {min_count} times and not definite: {stats['analysed']} analysed, {len(rows)} with",
        f"# a class, {ending} of them end a name.",
        "# Columns: key (meetsum's matching key); class (the first of particle, adverb, adjective,",
        "# verb among its clitic-free readings); count (occurrences); name_count (occurrences",
        "# in a name's place); name (why it may still be a name word: lexicon = a proper noun to",
        f"# qalsadi, corpus = in a name's place in at least {name_share:.0%} of its occurrences; - = never).",
        "key\tclass\tcount\tname_count\tname",
    ]
    body = ["\t".join(map(str, row)) for row in rows]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, nargs="+", default=[Path("/work/shared/corpora")])
    parser.add_argument("--min-count", type=int, default=8)
    parser.add_argument("--name-share", type=float, default=0.1)
    parser.add_argument("--counts", type=Path, help="keep the corpus counts in this file and reuse them")
    args = parser.parse_args()
    rows, stats = build(args.corpora, args.min_count, args.name_share, args.counts)
    write(rows, args.corpora, args.min_count, args.name_share, stats)


if __name__ == "__main__":
    main()
