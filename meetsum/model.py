"""The summary model: frozen dataclasses, and their plain-data form for JSON and YAML."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "AgendaItem", "Evidence", "Meeting", "Mention", "Participant", "Statement", "Summary", "Venue",
]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a field came from: character offsets into the input and the sentence index."""

    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Participant:
    name: str | None
    role: str | None
    affiliation: str | None
    evidence: Evidence
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Venue:
    city: str | None
    country: str | None
    place: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class AgendaItem:
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str | None
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    kind: str  # person | country | organization
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Meeting:
    status: str  # held | ongoing | planned
    kind: str  # in_person | call | virtual
    date: str | None
    venue: Venue | None
    participants: tuple[Participant, ...]
    agenda: tuple[AgendaItem, ...]
    statements: tuple[Statement, ...]
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Summary:
    meeting_detected: bool
    title: str | None
    published: str | None
    status: str | None
    kind: str | None
    date: str | None
    venue: Venue | None
    participants: tuple[Participant, ...]
    agenda: tuple[AgendaItem, ...]
    statements: tuple[Statement, ...]
    mentioned: tuple[Mention, ...]
    meetings: tuple[Meeting, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dicts, lists, strings, numbers), the JSON and YAML contract."""
        return _plain(self)


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value
