"""Statements: what a meeting's participants said, and who said it as the summary names them.

The text is what was said: the framing before it (the speech verb, an aside such as "خلال
لقائه مع ..."، "للصحافيين ...:") is left out, and its quotation marks and brackets pair up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from meetsum.lexicon import Lexicon
from meetsum.model import Evidence, Statement
from meetsum.recognize import Recognized
from meetsum.spans import COMMA_KEYS, MEETING_CUES, QUOTES, function_word, sentences_with
from meetsum.text import analyze, match_key, visible

if TYPE_CHECKING:
    from meetsum.parties import Party

__all__ = ["balance_marks", "is_collective", "speaker_label", "speaker_label_en", "statements_of"]


def statements_of(
    rec: Recognized, group: list[Party], speaker_of: Callable[[Party], str | None]
) -> list[Statement]:
    """Sentences where a participant (named right after a statement verb) says something;
    ``speaker_of`` names the party as the summary shows it."""
    tokens, doc = rec.doc.tokens, rec.doc
    statements = []
    mention_at = {start: (party, end) for party in group for start, end in party.mentions}
    spoken = sorted({tokens[start].sentence for start in mention_at} & sentences_with(rec, "cue.statement"))
    for match in (m for sentence in spoken for m in rec.sentence_matches(sentence)):
        start = match.start
        if not match.has("cue.statement"):
            continue
        index = match.end
        while index in mention_at or (index < len(tokens) and tokens[index].key in COMMA_KEYS):
            if index in mention_at:
                party, end = mention_at[index]
                sentence = doc.sentences[tokens[index].sentence]
                text = _said(rec, end, sentence.end)
                if text:
                    statements.append(Statement(speaker_of(party), text,
                                                Evidence(tokens[start].start, sentence.end, sentence.index)))
                break
            index += 1
    return statements


# --------------------------------------------------------------------------- what was said


_ASIDE_MAX_WORDS = 12
_FRAME_MAX_WORDS = 15  # "للصحافيين لدى بدء اجتماعه مع نظيره على هامش القمة:"
_OPENING = frozenset("«“\"")



def _said(rec: Recognized, start: int, end: int) -> str:
    """What follows the speaker: after a short aside ("، خلال لقائه مع ...،") or a framing
    clause that ends in a colon, without a leading "على" or "أن", up to the next speaker's
    verb ("، فيما أكد ..."); its quotation marks and brackets paired."""
    tokens = rec.doc.tokens
    start = _after_frame(rec, _after_aside(rec, start, end), end)
    opening_quote = None
    while start < len(tokens) and tokens[start].start < end and (
            not tokens[start].key[0].isalnum() or function_word(rec.lexicon, tokens[start])):
        if tokens[start].key in _OPENING or tokens[start].key == "”":
            opening_quote = tokens[start].text
        start += 1
    if start >= len(tokens) or tokens[start].start >= end:
        return ""
    stop = start + 1
    while stop < len(tokens) and tokens[stop].start < end and not (
            stop in rec.matches and rec.matches[stop].has("cue.statement") and tokens[stop - 1].key not in QUOTES):
        stop += 1
    if stop < len(tokens) and tokens[stop].start < end:  # another speaker follows: "، فيما أكد"
        last = stop - 1
        while last > start and (not tokens[last].key[0].isalnum() and tokens[last].key not in QUOTES
                                or function_word(rec.lexicon, tokens[last])):
            last -= 1
        end = tokens[last].end
    text = visible(rec.doc.text[tokens[start].start : end]).strip(" ،,.")
    if opening_quote and _odd_quotes(text):  # “ضرورة ...”: the quotation opened before the first word
        text = opening_quote + text
    return balance_marks(text)


def _after_aside(rec: Recognized, start: int, end: int) -> int:
    """After an aside between the speaker and what they said: one set off by commas, or one
    about the meeting itself ("خلال لقائه مع وفد حماس،")."""
    tokens = rec.doc.tokens
    if start >= len(tokens):
        return start
    opens_with_comma = tokens[start].key in COMMA_KEYS
    if not opens_with_comma and not _about_the_meeting(rec, start):
        return start
    for index in range(start + 1, min(start + _ASIDE_MAX_WORDS, len(tokens))):
        if tokens[index].start >= end:
            break
        if tokens[index].key in COMMA_KEYS:
            return index + 1
    return start


def _about_the_meeting(rec: Recognized, start: int) -> bool:
    """A preposition followed by a meeting word: "خلال لقائه"، "في اتصال هاتفي"، "لدى استقباله"
    (not "أن المحادثات كانت بناءة": a reported clause)."""
    first = rec.matches.get(start)
    if not function_word(rec.lexicon, rec.doc.tokens[start]) or (first is not None and first.has("cue.that")):
        return False
    match = rec.matches.get(start + 1)
    return match is not None and match.has_any(MEETING_CUES)


def _after_frame(rec: Recognized, start: int, end: int) -> int:
    """After a short framing clause with no quotation in it, which ends in a colon
    ("للصحافيين: ..."), in "إن" ("يوم السبت إن ...") or in a comma and "أن" ("في مقابلة مع
    محطة تلفزيونية، أن ..."); not at "أن" after a noun ("ضرورة أن"), which is what was said."""
    tokens = rec.doc.tokens
    for index in range(start, min(start + _FRAME_MAX_WORDS, len(tokens))):
        token = tokens[index]
        if token.start >= end or token.key in QUOTES:
            break
        if token.key == ":":
            return index + 1
        match = rec.matches.get(index)
        if match is not None and (match.has("cue.statement") or index == start and match.has("cue.that")):
            break  # another speaker's words, or the reported clause itself
        if index > start and match is not None and "bare" in match.keys("cue.that") and (
                token.text.startswith("إ") or tokens[index - 1].key in COMMA_KEYS):
            return match.end
    return start


# --------------------------------------------------------------------------- quotation marks


_PAIRS = {")": "(", "]": "[", "}": "{"}
_QUOTE_FAMILIES = ("“”\"″", "«»")


def _odd_quotes(text: str) -> bool:
    return any(sum(text.count(mark) for mark in family) % 2 for family in _QUOTE_FAMILIES)


def balance_marks(text: str) -> str:
    """``text`` without the quotation marks and brackets that have no partner in it: a
    quotation that began before the span or runs on after it."""
    unpaired = _unpaired_brackets(text)
    for family in _QUOTE_FAMILIES:
        unpaired |= _unpaired_quotes(text, family)
    if not unpaired:
        return text
    kept = "".join(char for index, char in enumerate(text) if index not in unpaired)
    return " ".join(kept.split()).strip(" ،,")


def _unpaired_brackets(text: str) -> set[int]:
    stack: list[int] = []
    unpaired: set[int] = set()
    for index, char in enumerate(text):
        if char in "([{":
            stack.append(index)
        elif char in _PAIRS:
            if stack and text[stack[-1]] == _PAIRS[char]:
                stack.pop()
            else:
                unpaired.add(index)
    return unpaired | set(stack)


def _unpaired_quotes(text: str, family: str) -> set[int]:
    """With an odd count, the mark whose shape or position says it has no partner: a closing
    mark before any opening one, else an opening mark after the last closing one."""
    marks = [index for index, char in enumerate(text) if char in family]
    if len(marks) % 2 == 0:
        return set()
    opens = [index for index in marks if _opens(text, index)]
    if not opens or marks[0] not in opens:
        return {marks[0]}  # "... اليوم"، معتبرا": the quotation began before the text
    return {marks[-1]}


def _opens(text: str, index: int) -> bool:
    """A quotation mark that opens hugs the word after it, not the one before."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return _is_letter(after) and not _is_letter(before)


def _is_letter(char: str) -> bool:
    return char.isalnum() and char != "\u0640"  # tatweel (لـ”اتخاذ) joins, it is not a word


# --------------------------------------------------------------------------- speakers


def speaker_label(name: str | None, role: str | None, affiliation: str | None, lexicon: Lexicon) -> str | None:
    """A party as a statement's speaker: the name, else the role with the state or body it
    stands for ("وفد حماس"، "الوفد الروسي"، "رئيس المكتب السياسي لحماس"), never a bare role."""
    if name:
        return name
    if not (role and affiliation):
        return role or affiliation
    nisba = _country_nisbas(lexicon).get(affiliation)
    if match_key(affiliation) in match_key(role) or (nisba and match_key(nisba) in match_key(role)):
        return role  # "رئيس أوروغواي", "الوزير الروسي": the role names its state already
    words = role.split()
    if nisba:
        head = words[0] if len(words) > 1 or words[0].startswith("ال") else "ال" + words[0]
        return " ".join([head, *words[1:], "ال" + nisba + ("ة" if words[0].endswith("ة") else "")])
    if len(words) == 1:
        return f"{words[0].removeprefix('ال')} {affiliation}"
    return f"{role} {_with_li(affiliation)}"


def speaker_label_en(name: str | None, role: str | None, affiliation: str | None, collective: bool) -> str | None:
    """The English of :func:`speaker_label`: "Hamas delegation", "Foreign Minister of Turkey"."""
    if name:
        return name
    if not (role and affiliation):
        return role or affiliation
    return f"{affiliation} {role.lower()}" if collective else f"{role} of {affiliation}"


def is_collective(role: str | None, lexicon: Lexicon) -> bool:
    """Whether ``role`` is a word for a group (وفد، الجانب) rather than an office."""
    if not role:
        return False
    tokens = analyze(role).tokens
    match = lexicon.match_at(tokens, 0) if tokens else None
    return match is not None and match.has("collective")


def _with_li(noun: str) -> str:
    """The preposition ل joined to ``noun`` (ل + الأمم -> للأمم)."""
    return "لل" + noun[2:] if noun.startswith("ال") else "ل" + noun


_nisbas: tuple[Lexicon, dict[str, str]] | None = None


def _country_nisbas(lexicon: Lexicon) -> dict[str, str]:
    """Each state's short name -> its masculine nisba without ال (روسيا -> روسي), from the
    lexicon's one-word nisba forms."""
    global _nisbas
    if _nisbas is None or _nisbas[0] is not lexicon:
        found: dict[str, str] = {}
        for first, entries in lexicon.phrases.items():
            if not first.startswith("ال") or not first.endswith("ي") or len(first) < 5:
                continue
            for rest, senses, _ in entries:
                for sense in senses:
                    if not rest and sense.kind == "country_nisba" and sense.key in lexicon.countries:
                        found.setdefault(lexicon.countries[sense.key].ar, first[2:])
        _nisbas = (lexicon, found)
    return _nisbas[1]
