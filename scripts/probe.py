"""How often does a rule fire on real news, and is it right when it does?

Runs one probe over the articles of a corpus folder (gzipped JSON Lines: id, title, text;
each article is read as meetsum reads it in evaluation: title, blank line, text) and prints
the number of hits and of articles hit, the most frequent matched forms, and a seeded random
sample of hits in context, each with its article id. The corpus is streamed; ``--limit``
stops after that many articles when a sample is enough.

Probes (exactly one):
  --phrase "بحث مع"          a phrase, matched as the lexicon matches its phrases: on the
                             matching key (alef, yeh, teh marbuta, diacritics folded) with
                             the clitics و ف ب ل ك allowed before it, within one sentence
  --regex "REGEX"            a regular expression over the matching key (write it in
                             normalized spelling: ا for أ/إ/آ, ي for ى, ه for ة)
  --cue meeting.receive      a cue of cues.yaml: SECTION or SECTION.KEY
  --entry KIND[:KEY]         any lexicon phrase, e.g. honorific, person, country:QA,
                             organization:un, office:minister, city
  --meeting yes|no           articles where summarize() does (not) detect a meeting
  --field PATH=REGEX         summarize() output whose value at PATH matches REGEX, e.g.
                             participants.name=. or venue.city=^الرياض$ (can be combined
                             with --meeting)

Examples:
  uv run python scripts/probe.py --phrase "جمعه لقاء" --sample 30
  uv run python scripts/probe.py --cue meeting.visit --limit 20000
  uv run python scripts/probe.py --meeting yes --field participants.role=^$ --limit 3000
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from meetsum.lexicon import Lexicon, Sense, default_lexicon, load_lexicon
from meetsum.text import analyze, match_key

DEFAULT_CORPORA = Path("/work/shared/corpora")


@dataclass(frozen=True, slots=True)
class Hit:
    article: str
    start: int  # offsets into the article text
    end: int
    form: str  # what matched, as written


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None


Probe = Callable[[Article], list[Hit]]


def iter_articles(folders: list[Path], limit: int | None) -> Iterator[Article]:
    """Articles of every ``*.jsonl.gz`` file in ``folders``, in file-name order."""
    count = 0
    for path in sorted(p for folder in folders for p in folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if limit is not None and count >= limit:
                    return
                record = json.loads(line)
                text = (record.get("title") or "").strip() + "\n\n" + (record.get("text") or "").strip() + "\n"
                time = record.get("time") or ""
                published = time[:10] if re.match(r"\d{4}-\d{2}-\d{2}", time) else None
                yield Article(str(record.get("id")), text, published)
                count += 1


def raw_key(text: str) -> str:
    """The matching key of a whole article (not through match_key's cache)."""
    return match_key.__wrapped__(text)


# --------------------------------------------------------------------------- lexicon probes


def lexicon_probe(lexicon: Lexicon, wanted: Callable[[tuple[Sense, ...]], bool]) -> Probe:
    """Hits where ``lexicon`` finds a phrase with a wanted sense (longest match wins, as in
    meetsum). Articles whose key lacks every candidate phrase's last word are skipped fast."""
    last_words = {
        _screen_form((first, *rest)[-1])
        for first, entries in lexicon.phrases.items()
        for rest, senses, _ in entries
        if wanted(senses)
    }
    if not last_words:
        raise SystemExit("probe: no lexicon phrase matches that entry")
    # the last word keeps its own spelling in the key (clitics only precede the first word)
    screen = re.compile("|".join(sorted(map(re.escape, last_words), key=len, reverse=True)))

    def probe(article: Article) -> list[Hit]:
        if not screen.search(raw_key(article.text)):
            return []
        tokens = analyze(article.text).tokens
        hits = []
        for match in lexicon.find_all(tokens):
            if wanted(match.senses):
                start = tokens[match.start].offset_of_key_index(match.skip)
                end = tokens[match.end - 1].end
                hits.append(Hit(article.id, start, end, article.text[start:end]))
        return hits

    return probe


def _screen_form(word: str) -> str:
    """A part of ``word`` that its every written form contains (للدوحة = ل + الدوحة)."""
    return word[1:] if word.startswith("ال") else word


def phrase_probe(phrase: str) -> Probe:
    words = tuple(match_key(phrase).split())
    if not words:
        raise SystemExit("probe: --phrase is empty")
    sense = Sense("probe", "phrase")
    lexicon = replace(default_lexicon(), phrases={words[0]: ((words[1:], (sense,), frozenset({"probe"})),)})
    return lexicon_probe(lexicon, lambda senses: sense in senses)


def entry_probe(lexicon: Lexicon, kind: str, key: str | None) -> Probe:
    return lexicon_probe(lexicon, lambda senses: any(
        s.kind == kind and (key is None or s.key == key) for s in senses))


def cue_probe(lexicon: Lexicon, cue: str) -> Probe:
    section, _, key = cue.partition(".")
    return entry_probe(lexicon, f"cue.{section}", key or None)


# --------------------------------------------------------------------------- regex probe


def regex_probe(pattern: str) -> Probe:
    regex = re.compile(pattern)

    def probe(article: Article) -> list[Hit]:
        key = raw_key(article.text)
        if not regex.search(key):
            return []
        offsets = _key_offsets(article.text)
        return [
            Hit(article.id, offsets[m.start()], offsets[max(m.end() - 1, m.start())] + 1,
                article.text[offsets[m.start()]:offsets[max(m.end() - 1, m.start())] + 1])
            for m in regex.finditer(key)
        ]

    return probe


def _key_offsets(text: str) -> list[int]:
    """For each character of the article's key, the offset of the text character it comes from."""
    offsets = []
    for position, char in enumerate(text):
        offsets.extend([position] * len(match_key(char)))
    offsets.append(len(text))
    return offsets


# --------------------------------------------------------------------------- summary probes


def summary_probe(meeting: str | None, field: str | None, lexicon: Lexicon) -> Probe:
    from meetsum.pipeline import summarize

    path, regex = None, None
    if field:
        path_text, sep, pattern = field.partition("=")
        if not sep:
            raise SystemExit("probe: --field wants PATH=REGEX, e.g. participants.name=.")
        path, regex = path_text.split("."), re.compile(pattern)

    def probe(article: Article) -> list[Hit]:
        record = summarize(article.text, published=article.published, lexicon=lexicon).to_dict()
        detected = bool(record["meeting_detected"])
        if meeting is not None and detected != (meeting == "yes"):
            return []
        if path is None:
            start, end = _meeting_span(record, article.text)
            return [Hit(article.id, start, end, "meeting" if detected else "no meeting")]
        return [
            Hit(article.id, start, end, value)
            for value, (start, end) in _values_at(record, path)
            if value is not None and regex.search(str(value))
        ]

    return probe


def _meeting_span(record: dict, text: str) -> tuple[int, int]:
    meetings = record.get("meetings") or []
    if meetings and meetings[0].get("evidence"):
        evidence = meetings[0]["evidence"]
        return evidence["start"], evidence["end"]
    first_line = text.find("\n")
    return 0, first_line if first_line > 0 else min(len(text), 80)


def _values_at(node, path: list[str], evidence=None) -> Iterator[tuple[object, tuple[int, int]]]:
    """Each value at ``path`` (lists are walked), with the nearest evidence span above it."""
    if isinstance(node, list):
        for item in node:
            yield from _values_at(item, path, evidence)
        return
    if isinstance(node, dict) and isinstance(node.get("evidence"), dict):
        evidence = (node["evidence"]["start"], node["evidence"]["end"])
    if not path:
        yield node, evidence or (0, 0)
    elif isinstance(node, dict) and path[0] in node:
        yield from _values_at(node[path[0]], path[1:], evidence)


# --------------------------------------------------------------------------- report


def run(probe: Probe, articles: Iterator[Article], sample_size: int, seed: int, window: int) -> None:
    rng = random.Random(seed)
    sample: list[tuple[Hit, str]] = []
    hits = hit_articles = scanned = 0
    forms: Counter[str] = Counter()
    for article in articles:
        scanned += 1
        found = probe(article)
        if not found:
            continue
        hit_articles += 1
        for hit in found:
            hits += 1
            forms[_one_line(str(hit.form))] += 1
            if len(sample) < sample_size:  # reservoir sampling: every hit equally likely
                sample.append((hit, _context(article.text, hit, window)))
            elif (slot := rng.randrange(hits)) < sample_size:
                sample[slot] = (hit, _context(article.text, hit, window))
    print(f"hits: {hits} in {hit_articles} articles (of {scanned} scanned)")
    if forms and len(forms) > 1:
        print("forms: " + ", ".join(f"{form} {count}" for form, count in forms.most_common(15)))
    for hit, context in sorted(sample, key=lambda item: item[0].article):
        print(f"{hit.article}\t{context}")


def _context(text: str, hit: Hit, window: int) -> str:
    left = text[max(0, hit.start - window):hit.start]
    right = text[hit.end:hit.end + window]
    return _one_line(f"{left}⟦{text[hit.start:hit.end]}⟧{right}")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    what = parser.add_argument_group("probe (one of)")
    what.add_argument("--phrase", help="a phrase, matched like a lexicon phrase")
    what.add_argument("--regex", help="a regular expression over the matching key")
    what.add_argument("--cue", help="SECTION or SECTION.KEY of cues.yaml")
    what.add_argument("--entry", help="KIND or KIND:KEY of any lexicon phrase")
    what.add_argument("--meeting", choices=("yes", "no"), help="summarize() detects a meeting (or not)")
    what.add_argument("--field", help="PATH=REGEX over summarize() output")
    parser.add_argument("--sample", type=int, default=30, help="hits shown in context (default 30)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random sample (default 0)")
    parser.add_argument("--window", type=int, default=70, help="characters of context each side")
    parser.add_argument("--limit", type=int, help="stop after this many articles")
    parser.add_argument("--corpora", type=Path, action="append",
                        help=f"folder of *.jsonl.gz articles (repeatable; default {DEFAULT_CORPORA})")
    parser.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                        help="a user lexicon on top of the built-in one, as meetsum --lexicon")
    args = parser.parse_args(argv)
    lexicon = load_lexicon([Path(f) for f in args.lexicon]) if args.lexicon else default_lexicon()
    chosen = [name for name in ("phrase", "regex", "cue", "entry") if getattr(args, name)]
    summary = args.meeting is not None or args.field is not None
    if len(chosen) + summary != 1:
        parser.error("give exactly one of --phrase, --regex, --cue, --entry, or --meeting/--field")
    if args.phrase:
        probe = phrase_probe(args.phrase)
    elif args.regex:
        probe = regex_probe(args.regex)
    elif args.cue:
        probe = cue_probe(lexicon, args.cue)
    elif args.entry:
        kind, _, key = args.entry.partition(":")
        probe = entry_probe(lexicon, kind, key or None)
    else:
        probe = summary_probe(args.meeting, args.field, lexicon)
    folders = args.corpora or [DEFAULT_CORPORA]
    try:
        run(probe, iter_articles(folders, args.limit), args.sample, args.seed, args.window)
    except BrokenPipeError:
        sys.stderr.close()


if __name__ == "__main__":
    main()
