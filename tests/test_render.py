"""Renderers: pure functions from a summary record (plain data) to text.

Records here are crafted by hand (the shape of ``Summary.to_dict()`` plus ``source``), so
these tests do not depend on what the extractor finds.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from meetsum import render
from meetsum.cli import Format
from meetsum.render import render_json, render_jsonl, render_markdown, render_table, render_yaml, safe_text

EV = {"start": 0, "end": 10, "sentence": 0}
SGR = re.compile(r"\x1b\[[0-9;]*m")  # the styles rich itself writes when color is on
ESC = "\x1b[2J\x1b]0;owned\x07"  # clear screen, set window title
CSI_C1 = "\x9b31m"  # the one-byte C1 form of ESC [
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def make_record(**changes) -> dict:
    record = {
        "source": "report.txt",
        "meeting_detected": True,
        "title": "لقاء في القاهرة",
        "published": "2024-12-07",
        "status": "held",
        "kind": "in_person",
        "date": "2024-12-07",
        "venue": {"city": "القاهرة", "country": "مصر", "place": "قصر الاتحادية", "evidence": EV},
        "participants": [
            {"name": "عبد الفتاح السيسي", "role": "الرئيس", "affiliation": "مصر", "evidence": EV, "aliases": []},
            {"name": "جان نويل بارو", "role": "وزير الخارجية", "affiliation": "فرنسا", "evidence": EV, "aliases": []},
        ],
        "agenda": [{"text": "سبل تعزيز العلاقات الثنائية", "evidence": EV}],
        "statements": [{"speaker": "بارو", "text": "نرحب بالتعاون", "evidence": EV}],
        "mentioned": [{"text": "الاتحاد الأوروبي", "kind": "organization", "evidence": EV}],
        "meetings": [],
    }
    record.update(changes)
    return record


NO_MEETING = make_record(
    meeting_detected=False, status=None, kind=None, date=None, venue=None,
    participants=[], agenda=[], statements=[], mentioned=[],
)


def set_field(record: dict, where: str, value: str) -> dict:
    """A copy of ``record`` with ``value`` put into one text field (``participants.0.name``)."""
    record = copy.deepcopy(record)
    *path, last = where.split(".")
    target = record
    for key in path:
        target = target[int(key)] if key.isdigit() else target[key]
    target[last] = value
    return record


TEXT_FIELDS = [
    "title", "status", "kind", "date", "venue.city", "venue.place", "participants.0.name",
    "participants.1.role", "participants.1.affiliation", "agenda.0.text", "statements.0.speaker",
    "statements.0.text", "mentioned.0.text",
]


def visible(table: str) -> str:
    """The table without rich's own style sequences."""
    return SGR.sub("", table)


# --------------------------------------------------------------------------- safe_text


def test_safe_text_neutralizes_controls_and_bidi_but_keeps_text():
    assert safe_text(None) == ""
    assert safe_text(12) == "12"
    assert safe_text("عبد الفتاح السيسي") == "عبد الفتاح السيسي"
    assert safe_text("a\tb\nc") == "a\tb\nc"
    cleaned = safe_text("x" + ESC + CSI_C1 + BIDI + "\x00\x7f")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", cleaned)
    assert not any(c in cleaned for c in BIDI)
    assert cleaned.startswith("x") and "owned" in cleaned


# --------------------------------------------------------------------------- table


def test_table_without_color_has_no_escape_sequences():
    out = render_table(make_record(), color=False, width=100)
    assert "\x1b" not in out
    for expected in ("Meeting", "held, in_person", "Participants", "عبد الفتاح السيسي", "Agenda", "Statements"):
        assert expected in out


def test_table_with_color_is_styled():
    out = render_table(make_record(), color=True, width=100)
    assert SGR.search(out)


def test_table_respects_width():
    out = render_table(make_record(), color=False, width=60)
    assert max(len(line) for line in out.splitlines()) <= 60


def test_table_for_no_meeting():
    out = render_table(NO_MEETING, color=False, width=100)
    assert "no meeting found" in out
    assert "Participants" not in out and "Venue" not in out


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("where", TEXT_FIELDS)
def test_table_neutralizes_escape_sequences_in_every_field(where, color):
    record = set_field(make_record(), where, "evil" + ESC + CSI_C1 + "end")
    out = visible(render_table(record, color=color, width=200))
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "evil" in out


def test_table_neutralizes_escape_in_participant_name():
    record = set_field(make_record(), "participants.0.name", "\x1b[31mأحمد\x1b[0m")
    out = render_table(record, color=False, width=100)
    assert "\x1b" not in out
    assert "\ufffd[31mأحمد\ufffd[0m" in out


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("where", ["title", "participants.0.name", "agenda.0.text", "venue.city"])
def test_table_neutralizes_bidi_overrides(where, color):
    record = set_field(make_record(), where, "abc" + BIDI + "xyz")
    out = render_table(record, color=color, width=200)
    assert not any(c in out for c in BIDI)


def test_table_does_not_interpret_rich_markup_in_data():
    record = set_field(make_record(), "participants.0.name", "[bold red]Name[/]")
    out = render_table(record, color=True, width=100)
    assert "[bold red]Name[/]" in visible(out)


def test_table_list_items_are_not_styled_like_headings():
    out = render_table(make_record(), color=True, width=100)
    [item_line] = [line for line in out.splitlines() if "سبل تعزيز العلاقات الثنائية" in line]
    assert "\x1b[" not in item_line


# --------------------------------------------------------------------------- markdown


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line.replace("\\\\", "")))


def test_markdown_participants_table_has_a_header_row():
    lines = render_markdown(make_record()).splitlines()
    header = lines.index("| Name | Role | Affiliation |")
    assert lines[header - 2] == "## Participants"
    assert lines[header + 1] == "| --- | --- | --- |"
    assert lines[header + 2] == "| عبد الفتاح السيسي | الرئيس | مصر |"
    assert lines[header + 3] == "| جان نويل بارو | وزير الخارجية | فرنسا |"


def test_markdown_escapes_a_pipe_inside_a_cell():
    record = set_field(make_record(), "participants.0.role", "رئيس | وزير")
    out = render_markdown(record)
    [row] = [line for line in out.splitlines() if "عبد الفتاح السيسي" in line]
    assert "رئيس \\| وزير" in row
    assert _unescaped_pipes(row) == 4  # still three cells


def test_markdown_keeps_a_cell_on_one_line_and_escapes_backslashes():
    record = set_field(make_record(), "participants.0.name", "a\nb\\|c")
    out = render_markdown(record)
    [row] = [line for line in out.splitlines() if line.startswith("| a")]
    assert row.startswith("| a b\\\\\\|c |")
    assert _unescaped_pipes(row) == 4


def test_markdown_missing_cells_show_a_dash():
    record = set_field(make_record(), "participants.0.affiliation", None)
    assert "| عبد الفتاح السيسي | الرئيس | — |" in render_markdown(record)


def test_markdown_structure_of_a_meeting():
    out = render_markdown(make_record())
    assert out.startswith("# لقاء في القاهرة\n")
    assert "- **Meeting:** held, in_person" in out
    assert "- **Date:** 2024-12-07" in out
    assert "- **Venue:** قصر الاتحادية، القاهرة، مصر" in out
    assert "## Agenda\n\n- سبل تعزيز العلاقات الثنائية" in out
    assert "## Statements\n\n- **بارو:** نرحب بالتعاون" in out
    assert "## Mentioned\n\n- الاتحاد الأوروبي" in out


def _two_meetings() -> dict:
    host, guest = make_record()["participants"]
    delegation = {"name": None, "role": "وفد", "affiliation": "حماس", "role_en": "Delegation",
                  "affiliation_en": "Hamas", "evidence": EV, "aliases": []}
    first = {"participants": [host, guest], "venue": {"city": "القاهرة", "country": "مصر", "place": None},
             "date": "2024-12-07"}
    second = {"participants": [host, delegation], "venue": None, "date": None}
    return make_record(meetings=[first, second])


def test_markdown_and_table_list_each_meeting_the_article_tells_apart():
    markdown = render_markdown(_two_meetings())
    assert ("## Meetings\n\n- عبد الفتاح السيسي · جان نويل بارو — القاهرة، مصر — 2024-12-07\n"
            "- عبد الفتاح السيسي · وفد حماس\n") in markdown
    table = render_table(_two_meetings(), color=False, width=120)
    assert "Meetings" in table and "• عبد الفتاح السيسي · وفد حماس" in table


def test_one_meeting_gets_no_meetings_list():
    assert "## Meetings" not in render_markdown(make_record())
    assert "Meetings" not in render_table(make_record(), color=False)


def test_markdown_names_an_unnamed_party_in_english_by_role_and_body():
    assert "- عبد الفتاح السيسي · Delegation (Hamas)" in render_markdown(_two_meetings(), lang="en")


def test_markdown_for_no_meeting():
    out = render_markdown(NO_MEETING)
    assert "- **Meeting:** no meeting found" in out
    assert "## Participants" not in out and "| Name |" not in out


def test_markdown_heading_falls_back_to_source():
    assert render_markdown(make_record(title=None)).startswith("# report.txt\n")


@pytest.mark.parametrize("where", TEXT_FIELDS)
def test_markdown_neutralizes_controls_and_bidi(where):
    record = set_field(make_record(), where, "evil" + ESC + CSI_C1 + BIDI)
    out = render_markdown(record)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)
    assert not any(c in out for c in BIDI)


# --------------------------------------------------------------------------- json, jsonl, yaml


@pytest.mark.parametrize("record", [make_record(), NO_MEETING])
def test_json_and_jsonl_round_trip(record):
    assert json.loads(render_json(record)) == record
    line = render_jsonl(record)
    assert "\n" not in line
    assert json.loads(line) == record
    assert "عبد الفتاح السيسي" in render_json(make_record())  # not \\u-escaped


def test_jsonl_stays_one_line_with_newlines_in_the_data():
    record = set_field(make_record(), "statements.0.text", "سطر\nسطر\r\n\u2028\u2029\x85")
    line = render_jsonl(record)
    assert len(line.splitlines()) == 1
    assert json.loads(line) == record


@pytest.mark.parametrize("record", [make_record(), NO_MEETING])
def test_yaml_round_trips_to_the_same_data_as_json(record):
    text = render_yaml(record)
    assert text.startswith("---")
    [doc] = list(yaml.safe_load_all(text))
    assert doc == json.loads(render_json(record))
    assert "عبد الفتاح السيسي" in render_yaml(make_record())  # literal, not escaped


@pytest.mark.parametrize("value", ["2024-12-07", "yes", "no", "null", "~", "123", "1e3", "- x", "a: b", "#c"])
def test_yaml_keeps_strings_that_look_like_other_types(value):
    record = set_field(make_record(), "agenda.0.text", value)
    [doc] = list(yaml.safe_load_all(render_yaml(record)))
    assert doc["agenda"][0]["text"] == value


def test_render_formats_match_the_cli_choices():
    assert render.FORMATS == tuple(f.value for f in Format)
