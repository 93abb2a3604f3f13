"""A meeting's participant list: who identifies nobody, who stands for a listed person, and
who is listed twice under two forms."""

from __future__ import annotations

from dataclasses import replace

from meetsum.lexicon import Lexicon
from meetsum.model import Participant
from meetsum.recognize import names_person
from meetsum.text import analyze

__all__ = ["roster"]

_TITLE_KINDS = ("office", "modifier", "post_modifier", "complement")


def roster(participants: tuple[Participant, ...], lexicon: Lexicon) -> tuple[Participant, ...]:
    """``participants`` less a name that is no name, those that identify nobody, a bare state
    beside its own representative, and the second form of anyone listed twice."""
    named = tuple(replace(p, name=None) if _no_name(p.name, lexicon) else p for p in participants)
    return _without_doubles(_held_offices(_represented(_identified(named)), lexicon))


def _no_name(name: str | None, lexicon: Lexicon) -> bool:
    """A one-word name the corpus almost never shows in a name, or that the word-class table
    reads as a verb, adjective or adverb only, and that no lexicon knows as a person or given
    name: "أمير عسير" (a region), "زعيم ... تطأ" (a verb), "مدير عام فرع" (a branch)."""
    if not name or " " in name.strip():
        return False
    tokens = analyze(name).tokens
    if len(tokens) != 1 or "given" in lexicon.token_classes(tokens[0]):
        return False
    if any(names_person(match) for match in lexicon.find_all(tokens)):
        return False
    return lexicon.ends_name(tokens[0].key) or lexicon.is_common(tokens[0].key)


def _identified(participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """An office with neither a name nor a state or body (وزير الخارجية) tells a meeting took
    place but identifies nobody: it is not listed."""
    return tuple(p for p in participants if p.name or p.affiliation)


def _represented(participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """A state listed bare beside a named person who represents it at the same meeting is
    that person's (قادة بريطانيا وفرنسا ... and ماكرون)."""
    led = {p.affiliation for p in participants if p.name}
    return tuple(p for p in participants if p.name or p.role or p.affiliation not in led)


def _held_offices(participants: tuple[Participant, ...], lexicon: Lexicon) -> tuple[Participant, ...]:
    """An office of a state or body named without its holder ("أمير دولة الكويت"، "الرئيس
    الأمريكي") is the holder listed beside it with the same office and affiliation (صباح
    الأحمد, الأمير, الكويت), or the same unnamed office listed before it. Offices compare by
    the title words the lexicon reads in them, so "رئيس الوزراء" is not "الرئيس"."""
    unnamed = {p.affiliation for p in participants if p.name is None and p.role and p.affiliation}
    if not unnamed:
        return participants  # most meetings: nothing to read
    kept: list[Participant] = []
    offices = {id(p): _office(p.role, lexicon) for p in participants if p.role and p.affiliation in unnamed}
    for participant in participants:
        office = offices.get(id(participant))
        if participant.name is None and office and any(
                offices.get(id(other)) == office and other.affiliation == participant.affiliation
                for other in participants if other is not participant and (other.name or other in kept)):
            continue
        kept.append(participant)
    return tuple(kept)


def _office(role: str, lexicon: Lexicon) -> frozenset[tuple[str, str]]:
    """The title senses the lexicon reads in ``role`` (states and bodies in it left out)."""
    return frozenset(
        (sense.kind, sense.key)
        for match in lexicon.find_all(analyze(role).tokens) for sense in match.senses if sense.kind in _TITLE_KINDS)


def _without_doubles(participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    """A one-word name with the same role and state as a fuller one is the same person
    spelled another way (ميركل beside أنجيلا ميريكل): it becomes an alias."""
    kept: list[Participant] = []
    for participant in participants:
        twin = next((i for i, other in enumerate(kept) if _same_office(other, participant)), None)
        if twin is None:
            kept.append(participant)
            continue
        short, full = sorted((kept[twin], participant), key=lambda p: len((p.name or "").split()))
        kept[twin] = replace(full, aliases=tuple(sorted({*full.aliases, *short.aliases, short.name or ""} - {"", full.name})))
    return tuple(kept)


def _same_office(a: Participant, b: Participant) -> bool:
    one_word = [p for p in (a, b) if p.name and len(p.name.split()) == 1]
    return bool(one_word) and a.name and b.name and a.role and a.role == b.role and a.affiliation and a.affiliation == b.affiliation
