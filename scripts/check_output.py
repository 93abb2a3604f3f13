"""Check summaries for the flaws that cost a reader's trust, and count them.

    meetsum --format jsonl FILE... | uv run python scripts/check_output.py
    uv run python scripts/check_output.py SUMMARY.json ...           # JSON or JSON Lines
    uv run python scripts/check_output.py --gold GOLD.yaml --corpora DIR ...

The last form summarizes, in process, every article a gold file names (found by id in the
corpora's gzipped JSON Lines), with its publication date. Each flaw is printed with the
summary it is in (``--quiet``: counts only); the exit status is 1 when any is found.

Flaws, one count each:

- ``duplicate_agenda``: two agenda items of one summary (or of one of its ``meetings``)
  where one's content words are all among the other's, or where the shared content words
  are 60% or more of each item's. Content words: the words left when function words
  (meetsum's lexicon), prepositions and conjunctions are dropped, compared without ال and
  with one clitic (و ف ب ل ك) allowed before either.
- ``unbalanced``: an agenda item, statement text, speaker, participant name, role or
  affiliation, or mentioned name whose brackets do not pair up in order, or with an odd
  number of quote marks (news uses ” to open as often as “, so quotes are counted).
- ``agenda_dangling``: an agenda item whose last word is a preposition or a conjunction.
- ``bare_speaker``: a statement speaker that is a bare common noun: every word a title,
  collective, function or common word of the lexicon (وفد، الجانب، الوزير), none of them
  naming a person, state, city or organization.

The word lists beyond the lexicon are in ``scripts/check_output.yaml``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from meetsum.lexicon import default_lexicon
from meetsum.text import analyze, match_key

HERE = Path(__file__).resolve().parent
FLAWS = ("duplicate_agenda", "unbalanced", "agenda_dangling", "bare_speaker")
SHARED_SHARE = 0.6
_CLITICS = "وفبلك"
_NAMING = frozenset({"country", "country_nisba", "city", "organization", "organization_nisba", "person"})
_TITLE_WORDS = frozenset({"office", "modifier", "complement", "collective"})


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data = yaml.safe_load((HERE / "check_output.yaml").read_text(encoding="utf-8"))
    return {
        "prepositions": frozenset(match_key(w) for w in data["prepositions"]),
        "conjunctions": frozenset(match_key(w) for w in data["conjunctions"]),
        "pairs": [tuple(pair) for pair in data["pairs"]],
        "interchangeable": [tuple(family) for family in data["interchangeable"]],
    }


def _keys(text: str) -> list[str]:
    """The matching keys of ``text``'s words (letters and digits only)."""
    return [key for key in re.findall(r"\w+", match_key(text)) if key]


# --------------------------------------------------------------------------- agenda overlap


def _without_article(key: str) -> str:
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            return key[len(prefix):]
    return key


def content_words(text: str) -> list[str]:
    """``text``'s content words, as keys without ال."""
    lexicon, words = default_lexicon(), _words()
    skip = words["prepositions"] | words["conjunctions"]
    found = []
    for key in _keys(text):
        if key in skip or "function" in lexicon.word_classes(key) or len(key) < 2:
            continue
        found.append(_without_article(key))
    return found


def _same_word(a: str, b: str) -> bool:
    """Equal, or equal once a one-letter clitic is taken off the longer (لوقف = وقف)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and long[0] in _CLITICS and long[1:] == short and len(short) >= 2


def _shared(a: list[str], b: list[str]) -> int:
    """How many of ``a``'s distinct words ``b`` has."""
    return sum(any(_same_word(word, other) for other in set(b)) for word in set(a))


def near_duplicates(a: str, b: str) -> bool:
    """One item's content words all within the other's, or 60% of each shared."""
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return False
    shared_a, shared_b = _shared(words_a, words_b), _shared(words_b, words_a)
    if shared_a == len(set(words_a)) or shared_b == len(set(words_b)):
        return True
    return min(shared_a / len(set(words_a)), shared_b / len(set(words_b))) >= SHARED_SHARE


# --------------------------------------------------------------------------- the other flaws


def balanced(text: str) -> bool:
    """Brackets close in order; each family of quote marks is used an even number of times."""
    words = _words()
    for family in words["interchangeable"]:
        if sum(text.count(mark) for mark in family) % 2:
            return False
    closers = {close: open_ for open_, close in words["pairs"]}
    openers = set(closers.values())
    stack: list[str] = []
    for char in text:
        if char in openers:
            stack.append(char)
        elif char in closers:
            if not stack or stack.pop() != closers[char]:
                return False
    return not stack


def dangling(text: str) -> bool:
    """Whether ``text`` ends on a preposition or a conjunction."""
    keys = _keys(text)
    words = _words()
    return bool(keys) and keys[-1] in words["prepositions"] | words["conjunctions"]


def bare_common_noun(speaker: str) -> bool:
    """Every word a title, collective, function or common word; none names anything."""
    lexicon = default_lexicon()
    doc = analyze(speaker)
    tokens = [t for t in doc.tokens if t.key.isalpha()]
    if not tokens:
        return False
    covered: set[int] = set()
    for match in lexicon.find_all(doc.tokens):
        if match.kinds & _NAMING:
            return False
        if match.kinds & _TITLE_WORDS:
            covered.update(range(match.start, match.end))
    return all(
        index in covered or lexicon.token_classes(token) & {"function", "common"}
        for index, token in enumerate(doc.tokens) if token.key.isalpha()
    )


# --------------------------------------------------------------------------- one record


def _groups(record: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The summary itself and each of its meetings, labelled."""
    yield "summary", record
    for number, meeting in enumerate(record.get("meetings") or [], 1):
        yield f"meeting {number}", meeting


def flaws(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(flaw, description) for each flaw of one summary record."""
    found: list[tuple[str, str]] = []
    seen_texts: set[tuple[str, str]] = set()  # the union repeats a meeting's fields: report once

    def once(flaw: str, text: str) -> None:
        if (flaw, text) not in seen_texts:
            seen_texts.add((flaw, text))
            found.append((flaw, text))

    for label, group in _groups(record):
        items = [item.get("text") or "" for item in group.get("agenda") or []]
        for i, first in enumerate(items):
            for second in items[i + 1:]:
                if near_duplicates(first, second):
                    found.append(("duplicate_agenda", f"{label}: {first!r} ~ {second!r}"))
        for item in items:
            if not balanced(item):
                once("unbalanced", f"agenda: {item!r}")
            if dangling(item):
                once("agenda_dangling", repr(item))
        for statement in group.get("statements") or []:
            speaker, text = statement.get("speaker") or "", statement.get("text") or ""
            for kind, value in (("statement", text), ("speaker", speaker)):
                if not balanced(value):
                    once("unbalanced", f"{kind}: {value!r}")
            if speaker and bare_common_noun(speaker):
                once("bare_speaker", f"{speaker!r}: {text[:60]!r}")
        for participant in group.get("participants") or []:
            for key in ("name", "role", "affiliation"):
                value = participant.get(key) or ""
                if not balanced(value):
                    once("unbalanced", f"{key}: {value!r}")
    for mention in record.get("mentioned") or []:
        if not balanced(mention.get("text") or ""):
            once("unbalanced", f"mentioned: {mention.get('text')!r}")
    return found


# --------------------------------------------------------------------------- inputs


def records_from_files(paths: Iterable[Path | None]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(label, record) from JSON or JSON Lines files (None: standard input)."""
    for path in paths:
        text = sys.stdin.read() if path is None else path.read_text(encoding="utf-8")
        label = "<stdin>" if path is None else str(path)
        try:
            data = json.loads(text)
            records = data if isinstance(data, list) else [data]
        except json.JSONDecodeError:
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        for record in records:
            yield str(record.get("id") or record.get("source") or label), record


def records_from_gold(gold: Path, corpora: list[Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each gold article's summary, made in process."""
    from meetsum import summarize

    wanted = {entry["id"] for entry in yaml.safe_load(gold.read_text(encoding="utf-8"))}
    for folder in corpora:
        for path in sorted(folder.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if _line_id(line) not in wanted:
                        continue
                    article = json.loads(line)
                    wanted.discard(article["id"])
                    text = (article.get("title") or "").strip() + "\n\n" + (article.get("text") or "").strip() + "\n"
                    yield article["id"], summarize(text, published=_published(article)).to_dict()
    for missing in sorted(wanted):
        print(f"check_output: article {missing} not found in the corpora", file=sys.stderr)


def _line_id(line: str) -> str:
    """An article line's id, read without parsing the whole line when it comes first."""
    match = re.match(r'\{"id":\s*"([^"\\]+)"', line)
    return match.group(1) if match else str(json.loads(line).get("id"))


def _published(article: Mapping[str, Any]) -> str | None:
    match = re.match(r"(\d{4}-\d{2}-\d{2})", str(article.get("time") or ""))
    if match:
        return match.group(1)
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(str(article.get("time"))).date().isoformat()
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="JSON or JSON Lines summaries (default: standard input)")
    parser.add_argument("--gold", type=Path, help="summarize the articles this gold file names")
    parser.add_argument("--corpora", type=Path, nargs="+", default=[], help="folders of *.jsonl.gz articles")
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    if args.gold:
        records = records_from_gold(args.gold, args.corpora)
    else:
        records = records_from_files(args.files or [None])
    counts: Counter[str] = Counter()
    summaries = 0
    for label, record in records:
        summaries += 1
        for flaw, description in flaws(record):
            counts[flaw] += 1
            if not args.quiet:
                print(f"{label}: {flaw}: {description}")
    print(f"{summaries} summaries: " + ", ".join(f"{flaw} {counts[flaw]}" for flaw in FLAWS))
    return 1 if sum(counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
