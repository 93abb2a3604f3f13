"""Whole-article golden tests: each example's summary equals its reviewed JSON file.

After a deliberate change, regenerate with ``uv run python scripts/update_examples.py``
and review ``git diff examples/`` against examples/EXPECTED.md.
"""

import json
from pathlib import Path

import pytest
import yaml

from meetsum import summarize

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
INDEX = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))


def test_every_example_is_indexed():
    assert {p.stem for p in EXAMPLES.glob("*.txt")} == set(INDEX)


@pytest.mark.parametrize("name", sorted(INDEX))
def test_example_matches_its_reviewed_summary(name):
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert summarize(text, published=INDEX[name]).to_dict() == expected


def test_the_examples_cover_the_kinds_of_report():
    summaries = {name: json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")) for name in INDEX}
    assert not summaries["no-meeting"]["meeting_detected"]
    assert summaries["phone-call"]["kind"] == "call"
    assert summaries["virtual-meeting"]["kind"] == "virtual"
    assert summaries["planned-meeting"]["status"] == "planned"
    assert len(summaries["summit"]["participants"]) >= 4
    joint = summaries["joint-talks"]
    assert [[p["name"] or p["role"] for p in m["participants"]] for m in joint["meetings"]] == [
        ["وفد", "بدر عبد العاطي"], ["وفد", "فيصل بن فرحان"]]
    assert {s["speaker"] for s in joint["statements"]} >= {"وفد الاتحاد الأفريقي"}
