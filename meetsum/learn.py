"""Learn people's names from an archive of articles, the way a reader of the news does.

The same people are named again and again, with a title in some articles ("وزير الخارجية
الأمريكي مايك بومبيو") and without one in others ("مايك بومبيو"). ``tally_article`` counts
the names that follow a title or an honorific, with the titles and states seen; ``learned``
keeps the names (and given-name words) the counts justify and returns them as a user
lexicon (sections ``people`` and ``name_words``) that ``meetsum --lexicon`` reads and that
``meetsum/data/learned/people.yaml`` holds for the built-in corpus.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from meetsum.lexicon import Lexicon, LexiconError, check_form
from meetsum.recognize import Recognized
from meetsum.text import Document, analyze, match_key

__all__ = ["Thresholds", "Tally", "tally_article", "learned", "learn", "learn_documents", "render", "header_for"]

# A name word must not be one of these (a title, a place, a cue ... the recognizer misread).
_NOT_NAME_KINDS = frozenset({
    "modifier", "office", "complement", "post_modifier", "collective", "honorific", "country",
    "organization", "organization_nisba", "city", "month", "hijri_month", "weekday", "relative_day",
})
_STOP_CLASSES = frozenset({"function", "time", "common"})
_CLITICS = "وبل"  # (names often start with ف or ك: فيدان، كيري)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How much evidence an entry needs. A name: seen after a title or honorific ``mentions``
    times in ``articles`` different articles; each of its words (but known given names and
    particles) inside such names in ``word_share`` of its occurrences; not outnumbered
    ``variant_ratio`` times by the same name one word shorter or longer. A given-name word:
    first word of ``given_names`` learned names, and in that place in ``given_share`` of all
    its occurrences. A recurring name word: in ``recurring_names`` learned names of people
    of a state, and inside titled names in ``recurring_share`` of its occurrences."""

    mentions: int = 3
    articles: int = 2
    given_names: int = 2
    given_share: float = 0.2
    word_share: float = 0.05
    variant_ratio: float = 5.0
    recurring_names: int = 2
    recurring_share: float = 0.3
    body_mentions: int = 5
    body_articles: int = 3
    body_share: float = 0.25


@dataclass
class Tally:
    """Counts over an archive (added to article by article)."""

    articles: int = 0
    mentions: Counter[str] = field(default_factory=Counter)  # name key -> titled mentions
    in_articles: Counter[str] = field(default_factory=Counter)  # name key -> articles
    written: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    titles: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    states: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    words: Counter[str] = field(default_factory=Counter)  # every word key -> occurrences
    bodies: Counter[str] = field(default_factory=Counter)  # "حزب ..." key -> mentions
    body_articles: Counter[str] = field(default_factory=Counter)
    body_written: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts (tallies of parts of an archive sum to the whole's)."""
        self.articles += other.articles
        for mine, theirs in ((self.mentions, other.mentions), (self.in_articles, other.in_articles),
                             (self.words, other.words), (self.bodies, other.bodies),
                             (self.body_articles, other.body_articles)):
            mine.update(theirs)
        for mine_by, theirs_by in ((self.written, other.written), (self.titles, other.titles),
                                   (self.states, other.states), (self.body_written, other.body_written)):
            for key, counts in theirs_by.items():
                mine_by[key].update(counts)


def tally_article(tally: Tally, text: str, lexicon: Lexicon) -> None:
    """Add one article's titled names (and all its words) to ``tally``."""
    from meetsum.recognize import recognize

    doc = analyze(text)
    rec = recognize(doc, lexicon)
    tally.articles += 1
    tally.words.update(token.key for token in doc.tokens if token.key.isalpha())
    honorific_ends = {m.end for m in rec.matches.values() if m.has("honorific")}
    seen_here: set[str] = set()
    for person in rec.people:
        if not person.has_name:
            continue
        title = person.title
        titled = title is not None and not title.collective
        if not (titled or person.name_start in honorific_ends):
            continue
        key, written = _name_of(doc, person.name_start, person.name_end, person.name_skip)
        if not key:
            continue
        tally.mentions[key] += 1
        tally.written[key][written] += 1
        if titled:
            role = _role_of(doc, rec, title.role_start, title.role_end)
            if role:
                tally.titles[key][role] += 1
            if title.affiliation is not None and title.affiliation.kind in ("country", "organization"):
                tally.states[key][title.affiliation.key] += 1
        if key not in seen_here:
            seen_here.add(key)
            tally.in_articles[key] += 1
    _tally_bodies(tally, doc, rec, lexicon)


_MAX_BODY_WORDS = 4
_BODY_STOP_KINDS = _NOT_NAME_KINDS | {"person", "known", "country_nisba"}


def _tally_bodies(tally: Tally, doc: Document, rec: Recognized, lexicon: Lexicon) -> None:
    """Names after an organization head noun (حزب، حركة، شركة، منظمة ...) the lexicon does not know."""
    seen_here: set[str] = set()
    for match in rec.matches.values():
        if not match.has("cue.org_head"):
            continue
        end = _body_end(doc, rec, lexicon, match.end)
        if end == match.end:
            continue
        key, written = _name_of(doc, match.start, end, match.skip)
        tally.bodies[key] += 1
        tally.body_written[key][written] += 1
        if key not in seen_here:
            seen_here.add(key)
            tally.body_articles[key] += 1


def _body_end(doc: Document, rec: Recognized, lexicon: Lexicon, start: int) -> int:
    """Up to four words of one sentence that are no function, time or common word and no
    lexicon phrase (a known organization, state, title, cue ...): the body's own name."""
    tokens, index = doc.tokens, start
    while index < len(tokens) and index - start < _MAX_BODY_WORDS:
        token = tokens[index]
        if token.sentence != tokens[start].sentence or not token.key.isalpha() or len(token.key) < 2:
            break
        if lexicon.word_classes(token.key) & _STOP_CLASSES:
            break
        match = rec.matches.get(index)
        if match is not None and (match.kinds & _BODY_STOP_KINDS or any(k.startswith("cue.") for k in match.kinds)):
            break
        if index in rec.person_at:
            break
        index += 1
    return index


def _name_of(doc: Document, start: int, end: int, skip: int) -> tuple[str, str]:
    tokens = doc.tokens[start:end]
    key = " ".join([tokens[0].key[skip:], *(t.key for t in tokens[1:])])
    begin = tokens[0].offset_of_key_index(skip)
    return key, _clean(doc.text[begin:tokens[-1].end])


def _role_of(doc: Document, rec: Recognized, start: int, end: int) -> str:
    """The role words as written, without a clitic before them (برئيس الحكومة)."""
    if end <= start:
        return ""
    match = rec.matches.get(start)
    first = doc.tokens[start]
    begin = first.offset_of_key_index(match.skip) if match else first.start
    role = _clean(doc.text[begin:doc.tokens[end - 1].end])
    if match and match.skip and first.key[match.skip - 1:].startswith("لل"):
        role = "ا" + role  # للرئيس = ل + الرئيس
    return role


def _clean(text: str) -> str:
    """Written form without diacritics, tatweel or invisible marks, one space between words."""
    return " ".join(
        "".join(c for c in word if match_key(c) or not c.isalpha() and c not in "\u0640")
        for word in text.split()
    )


# --------------------------------------------------------------------------- selection


def learned(tally: Tally, lexicon: Lexicon, thresholds: Thresholds = Thresholds()) -> dict[str, Any]:
    """The entries the counts justify, as the ``people`` and ``name_words`` sections of a
    user lexicon (plain data, sorted, so that the same archive gives the same file)."""
    in_names = _name_word_mentions(tally)
    people = {}
    for key, count in tally.mentions.items():
        if count < thresholds.mentions or tally.in_articles[key] < thresholds.articles:
            continue
        words = key.split()
        if not _plausible_name(words, lexicon) or not _words_mostly_names(words, tally, in_names, lexicon, thresholds):
            continue
        people[key] = count
    people = _without_variants(people, thresholds)
    entries = {}
    for key in sorted(people, key=lambda k: (-people[k], k)):
        written = _most_common(tally.written[key])
        if not _lexicon_form(written):
            continue
        entry: dict[str, Any] = {"mentions": people[key], "articles": tally.in_articles[key]}
        if tally.titles[key]:
            entry["titles"] = dict(_top(tally.titles[key], 3))
        if tally.states[key]:
            entry["of"] = dict(_top(tally.states[key], 2))
        entries[written] = entry
    name_words = _name_words(tally, people, lexicon, thresholds)
    name_words["recurring"] = _recurring_words(tally, people, in_names, lexicon, thresholds)
    return {"people": entries, "name_words": name_words, "bodies": _bodies(tally, thresholds)}


def _names_a_body(word: str, after_head: Counter[str], tally: Tally, thresholds: Thresholds) -> bool:
    """The name's first word follows a head noun in ``body_share`` of its occurrences (أبل،
    سابك), unlike an adjective or a common noun (تنظيم إرهابي، حركة السير)."""
    if len(word) <= 2 or not word.startswith("ال") and word.endswith("يه"):
        return False  # an indefinite adjective: جمعية خيرية، شركة قابضة
    return after_head[word] >= thresholds.body_share * max(tally.words[word], 1)


def _bodies(tally: Tally, thresholds: Thresholds) -> dict[str, Any]:
    """Organization names seen after a head noun often enough, one word longer or shorter
    variants dropped as for people."""
    after_head: Counter[str] = Counter()
    for key, count in tally.bodies.items():
        after_head[key.split()[1]] += count
    counts = {key: count for key, count in tally.bodies.items()
              if count >= thresholds.body_mentions and tally.body_articles[key] >= thresholds.body_articles
              and _names_a_body(key.split()[1], after_head, tally, thresholds)}
    kept = _without_variants(counts, thresholds)
    entries = {}
    for key in sorted(kept, key=lambda k: (-kept[k], k)):
        written = _most_common(tally.body_written[key])
        if _lexicon_form(written) and not any(
                word[0] in _CLITICS and tally.words[word[1:]] >= tally.words[word] for word in key.split()[1:]):
            entries[written] = {"mentions": kept[key], "articles": tally.body_articles[key]}
    return entries


def _name_word_mentions(tally: Tally) -> Counter[str]:
    """How often each word occurs inside a name after a title (all names, kept or not)."""
    counts: Counter[str] = Counter()
    for key, count in tally.mentions.items():
        for word in set(key.split()):
            counts[word] += count
    return counts


def _words_mostly_names(
    words: list[str], tally: Tally, in_names: Counter[str], lexicon: Lexicon, thresholds: Thresholds
) -> bool:
    """A word that is not a known given name or particle must be read as (part of) a titled
    name in a fair share of its occurrences: "دورا" or "قرارا" after a name are mostly not."""
    for word in words:
        if lexicon.words.get(word, frozenset()) & {"given", "particle"} and not word.startswith("ال"):
            continue  # (العربي، العيد are given names and common words too)
        if in_names[word] < thresholds.word_share * max(tally.words[word], 1):
            return False
        if word[0] in _CLITICS and tally.words[word[1:]] >= tally.words[word]:
            return False  # "وجيمي"، "بكوهين": a clitic before a word seen more often alone
    return True


def _without_variants(people: dict[str, int], thresholds: Thresholds) -> dict[str, int]:
    """Drop a name one word longer or shorter than another kept name that outnumbers it
    many times: "عزام الدخيل قرارا" (a word read past the name) beside "عزام الدخيل", and
    "جان إيف" (a name cut short) beside "جان إيف لودريان"."""
    extended: dict[str, int] = Counter()
    for key, count in people.items():
        shorter = key.rsplit(" ", 1)[0]
        extended[shorter] = max(extended[shorter], count)
    kept = {}
    for key, count in people.items():
        shorter = key.rsplit(" ", 1)[0]
        if people.get(shorter, 0) >= thresholds.variant_ratio * count:
            continue
        if extended.get(key, 0) >= thresholds.variant_ratio * count:
            continue
        kept[key] = count
    return kept


def _lexicon_form(text: str) -> bool:
    """Arabic letters and single spaces only, as every lexicon form (no Latin, no Persian yeh)."""
    try:
        check_form("", "", text)
    except LexiconError:
        return False
    return True


def _plausible_name(words: list[str], lexicon: Lexicon) -> bool:
    """Two words at least, none of them a function, time or common word, nor a title,
    place or cue word the recognizer read past; it does not end on a particle (بن)."""
    if len(words) < 2 or len(set(words)) < len(words):
        return False
    if "particle" in lexicon.words.get(words[-1], frozenset()):
        return False
    for position, word in enumerate(words):
        if len(word) < 2 or not word.isalpha():
            return False
        classes = lexicon.words.get(word, frozenset())
        if classes & _STOP_CLASSES and "given" not in classes:
            return False
        if "given" not in classes and "particle" not in classes and _lexicon_word(word, lexicon, last=position == len(words) - 1):
            return False
    return True


def _lexicon_word(word: str, lexicon: Lexicon, *, last: bool) -> bool:
    """The word alone is a lexicon phrase of a kind names are not (a nationality adjective
    may end a name: محمد شياع السوداني)."""
    for rest, _, kinds in lexicon.phrases.get(word, ()):
        if rest:
            continue
        if kinds & _NOT_NAME_KINDS or any(kind.startswith("cue.") for kind in kinds):
            return True
        if "country_nisba" in kinds and not last:
            return True
    return False


def _name_words(
    tally: Tally, people: Mapping[str, int], lexicon: Lexicon, thresholds: Thresholds
) -> dict[str, Any]:
    """Given-name words: the first words of learned names not yet known as given names,
    with the names they start and the share of their occurrences that start a titled name."""
    names_with: dict[str, set[str]] = defaultdict(set)
    first_count: Counter[str] = Counter()
    family: Counter[str] = Counter()
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for key, count in people.items():
        words = key.split()
        names_with[words[0]].add(key)
        for written, times in tally.written[key].items():
            spelled[words[0]][written.split()[0]] += times
        first_count[words[0]] += count
        family[words[-1]] += count
    given = {}
    for word in sorted(names_with):
        classes = lexicon.words.get(word, frozenset())
        if (classes & {"given", "particle"} or len(names_with[word]) < thresholds.given_names
                or not _lexicon_form(_most_common(spelled[word]))):
            continue
        share = first_count[word] / max(tally.words[word], 1)
        if share >= thresholds.given_share:
            given[_most_common(spelled[word])] = {"names": len(names_with[word]), "first": first_count[word],
                                                  "seen": tally.words[word]}
    return {"given": given}


def _recurring_words(
    tally: Tally, people: Mapping[str, int], in_names: Counter[str], lexicon: Lexicon, thresholds: Thresholds
) -> dict[str, Any]:
    """Words that recur in the learned names of a state's people and are read as part of a
    titled name in ``recurring_share`` of their occurrences: mostly the syllables and names
    of foreign names (كيم، جونغ، بينغ، فيتش ...), since Arabic family names carry ال and
    Arabic given names are known already."""
    names_with: dict[str, set[str]] = defaultdict(set)
    states: dict[str, Counter[str]] = defaultdict(Counter)
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for key in people:
        if not tally.states[key]:
            continue
        state = _most_common(tally.states[key])
        written = _most_common(tally.written[key]).split()
        for word, form in zip(key.split(), written):
            if not word.startswith("ال") and not lexicon.words.get(word, frozenset()) & {"given", "particle"}:
                names_with[word].add(key)
                states[word][state] += 1
                spelled[word][form] += 1
    recurring = {}
    for word in sorted(names_with):
        share = in_names[word] / max(tally.words[word], 1)
        form = _most_common(spelled[word])
        if len(names_with[word]) >= thresholds.recurring_names and share >= thresholds.recurring_share and _lexicon_form(form):
            recurring[form] = {"names": len(names_with[word]), "in_names": in_names[word],
                               "seen": tally.words[word], "of": dict(_top(states[word], 3))}
    return recurring


def _most_common(counter: Counter[str]) -> str:
    return min(counter.items(), key=lambda item: (-item[1], item[0]))[0]


def _top(counter: Counter[str], limit: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:limit]


def learn(texts: Iterable[str], lexicon: Lexicon) -> Tally:
    """Tally ``texts`` (then ``learned`` selects what the counts justify)."""
    tally = Tally()
    for text in texts:
        tally_article(tally, text, lexicon)
    return tally


# --------------------------------------------------------------------------- output


def render(result: Mapping[str, Any], header: Iterable[str]) -> str:
    """``result`` as a user lexicon file, one entry a line, after ``header`` comment lines."""
    lines = [f"# {line}".rstrip() for line in header]
    lines.append("people:" + (" {}" if not result["people"] else ""))
    lines += [f"  {_flow(name)}: {_flow(entry)}" for name, entry in result["people"].items()]
    lines.append("name_words:")
    given = result["name_words"]["given"]
    lines.append("  given:" + (" {}" if not given else ""))
    lines += [f"    {_flow(word)}: {_flow(entry)}" for word, entry in given.items()]
    recurring = result["name_words"].get("recurring", {})
    lines.append("  recurring:" + (" {}" if not recurring else ""))
    lines += [f"    {_flow(word)}: {_flow(entry)}" for word, entry in recurring.items()]
    bodies = result.get("bodies", {})
    lines.append("bodies:" + (" {}" if not bodies else ""))
    lines += [f"  {_flow(name)}: {_flow(entry)}" for name, entry in bodies.items()]
    return "\n".join(lines) + "\n"


def _flow(value: Any) -> str:
    """A YAML flow value: strings double-quoted (JSON escapes are YAML's), mappings inline."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_flow_key(str(k))}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flow_key(key: str) -> str:
    return key if key.isascii() and key.replace("_", "").isalpha() and key.islower() else _flow(key)


def header_for(command: str, articles: int, thresholds: Thresholds, inputs: Iterable[str] = ()) -> list[str]:
    """The comment that says what made a learned file."""
    inputs = list(inputs)
    return [
        "Generated: names learned from news articles; do not edit, rebuild instead.",
        f"Made by: {command}",
        f"Inputs: {articles} articles" + (f" ({', '.join(inputs)})" if inputs else ""),
        f"Thresholds: a name seen after a title or honorific {thresholds.mentions}+ times in "
        f"{thresholds.articles}+ articles; a given-name word starts {thresholds.given_names}+ learned "
        f"names and does so in {thresholds.given_share:.0%}+ of its occurrences.",
        "people: name -> mentions after a title or honorific, articles, the titles (role words)",
        "and states or organizations (of) seen with it. name_words.given: word -> learned names it",
        "starts, titled mentions it starts (first), occurrences in all articles (seen).",
        "name_words.recurring: word -> learned names of a state's people it is in, its mentions",
        "inside titled names (in_names), occurrences (seen), the states (of). bodies: an organization",
        "name seen after a head noun (حزب، حركة، شركة ...) -> mentions, articles (not used by recognition).",
        "",
    ]


def learn_documents(documents: Iterable[Any], command: str, thresholds: Thresholds = Thresholds()) -> tuple[str, list[str]]:
    """The learned lexicon of ``documents`` (Documents or InputErrors, as meetsum.inputs
    yields them) as YAML text, and the errors met. The lexicon that reads them is the
    built-in one without learned names, so the result depends on the documents alone."""
    from meetsum.inputs import InputError
    from meetsum.lexicon import load_lexicon

    lexicon = load_lexicon(learned=False)
    tally, errors = Tally(), []
    for document in documents:
        if isinstance(document, InputError):
            errors.append(str(document))
            continue
        tally_article(tally, document.text, lexicon)
    result = learned(tally, lexicon, thresholds)
    return render(result, header_for(command, tally.articles, thresholds)), errors
