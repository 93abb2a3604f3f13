"""Evidence on demand: the words and the sentence behind every extracted field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from meetsum.text import split_sentences

__all__ = ["add_evidence_text", "evidence_items"]


def add_evidence_text(record: dict[str, Any], text: str) -> dict[str, Any]:
    """A copy of ``record`` whose every ``evidence`` also holds ``quote`` (the span),
    ``context`` (its sentence) and ``context_start`` (the sentence's offset in ``text``, the
    summarized input)."""
    sentences = split_sentences(text)

    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            copy = {key: visit(value) for key, value in node.items()}
            evidence = copy.get("evidence")
            if isinstance(evidence, dict) and {"start", "end", "sentence"} <= evidence.keys():
                copy["evidence"] = _with_text(evidence, text, sentences)
            return copy
        if isinstance(node, list):
            return [visit(item) for item in node]
        return node

    return visit(record)


def _with_text(evidence: dict[str, Any], text: str, sentences) -> dict[str, Any]:
    index = evidence["sentence"]
    sentence = sentences[index] if 0 <= index < len(sentences) else None
    context = text[sentence.start : sentence.end] if sentence else ""
    return {**evidence, "quote": text[evidence["start"] : evidence["end"]], "context": context,
            "context_start": sentence.start if sentence else evidence["start"]}


def evidence_items(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(label, evidence) for the top-level fields a reader asks about, in display order."""
    venue = record.get("venue")
    if venue and venue.get("evidence"):
        yield "venue", venue["evidence"]
    for participant in record.get("participants", []):
        yield participant.get("name") or participant.get("role") or participant.get("affiliation") or "participant", participant["evidence"]
    for item in record.get("agenda", []):
        yield "agenda", item["evidence"]
    for statement in record.get("statements", []):
        yield f"statement ({statement.get('speaker') or '—'})", statement["evidence"]
