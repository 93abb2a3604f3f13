"""Renderers: pure functions from a summary record (plain data) to text.

A record is ``Summary.to_dict()`` plus, in batch use, ``source`` and ``id``. rich is used
for the terminal table only, and imported only there.

Every renderer takes ``lang``: with ``"en"`` the table and Markdown show the English fields
``meetsum.english.add_english`` puts beside the Arabic ones (``name_en``, ``role_en`` ...),
falling back to the Arabic where a field has no English; JSON and YAML print every field
of the record whatever ``lang``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["CSV_COLUMNS", "FORMATS", "LANGS", "csv_header", "render_csv", "render_json", "render_jsonl", "render_yaml", "render_markdown", "render_table", "safe_text"]

FORMATS = ("table", "yaml", "markdown", "json", "jsonl", "csv")
LANGS = ("ar", "en")

# C0 and C1 controls (ESC starts terminal sequences) and the bidi overrides and isolates
# that can reorder what a reader sees; line breaks are handled by each renderer.
# Lone surrogates (a file name's undecodable bytes, a JSON "\\ud800" escape) cannot be encoded
# at all: every renderer shows them as U+FFFD, so output is always valid UTF-8.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def safe_text(value: Any) -> str:
    """``value`` as text with nothing a terminal could take as a control sequence."""
    return _UNSAFE.sub("\ufffd", "" if value is None else str(value))


# Characters that str.splitlines() (and other line readers) take as line breaks but
# json.dumps leaves raw inside strings; escaped, a JSON Lines record stays one line.
# Lone surrogates, which json.dumps also leaves raw, become U+FFFD.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029\ud800-\udfff]")


def _escape_line_breaks(text: str) -> str:
    return _LINE_BREAKS.sub(_escape_char, text)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return "\ufffd" if "\ud800" <= char <= "\udfff" else f"\\u{ord(char):04x}"


def _without_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates in its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, Mapping):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_surrogates(item) for item in value]
    return value


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")


def _field(item: Mapping[str, Any], key: str, lang: str) -> Any:
    """``item[key]``, or with ``lang="en"`` its ``key_en`` where that has a value."""
    if lang == "en":
        english = item.get(f"{key}_en")
        if english not in (None, ""):
            return english
    return item.get(key)


def render_json(record: Mapping[str, Any], *, lang: str = "ar") -> str:
    _check_lang(lang)
    return _escape_line_breaks(json.dumps(record, ensure_ascii=False, indent=2))


def render_jsonl(record: Mapping[str, Any], *, lang: str = "ar") -> str:
    _check_lang(lang)
    return _escape_line_breaks(json.dumps(record, ensure_ascii=False, separators=(",", ":")))


def render_yaml(record: Mapping[str, Any], *, lang: str = "ar") -> str:
    import yaml

    _check_lang(lang)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    options = {"Dumper": dumper, "allow_unicode": True, "sort_keys": False, "explicit_start": True, "width": 1000}
    try:
        return yaml.dump(dict(record), **options)
    except UnicodeEncodeError:  # a lone surrogate (libyaml refuses it): rare, so checked only now
        return yaml.dump(_without_surrogates(record), **options)


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = ("article", "title", "published", "meeting", "status", "kind", "date", "city", "country",
               "place", "name", "role", "affiliation")
_CSV_ENGLISH = ("city_en", "country_en", "place_en", "name_en", "role_en", "affiliation_en")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_columns(lang: str = "ar") -> tuple[str, ...]:
    _check_lang(lang)
    return CSV_COLUMNS + (_CSV_ENGLISH if lang == "en" else ())


def csv_header(*, lang: str = "ar") -> str:
    """The header row of :func:`render_csv`."""
    return _csv_lines([list(csv_columns(lang))])


def render_csv(record: Mapping[str, Any], *, lang: str = "ar") -> str:
    """One row per participant per meeting (no header; none for an article with no meeting):
    the article, its meeting's facts and the participant, English columns with ``lang="en"``."""
    columns = csv_columns(lang)
    if not record.get("meeting_detected"):
        return ""
    article = {"article": record.get("id") or record.get("source"), "title": record.get("title"),
               "published": record.get("published")}
    rows = []
    for number, meeting in enumerate(record.get("meetings") or [record], 1):
        venue = meeting.get("venue") or {}
        facts = {**article, "meeting": number, "status": meeting.get("status"), "kind": meeting.get("kind"),
                 "date": meeting.get("date"), **{key: venue.get(key) for key in ("city", "country", "place",
                                                                                   "city_en", "country_en", "place_en")}}
        for person in meeting.get("participants") or []:
            row = {**facts, **{key: person.get(key) for key in ("name", "role", "affiliation",
                                                                  "name_en", "role_en", "affiliation_en")}}
            rows.append([_csv_cell(row.get(column)) for column in columns])
    return _csv_lines(rows)


def _csv_cell(value: Any) -> str:
    text = "" if value is None else safe_text(value)  # line breaks stay: the writer quotes them
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv_lines(rows: list[list[Any]]) -> str:
    import csv
    from io import StringIO

    buffer = StringIO()
    csv.writer(buffer).writerows(rows)  # quotes cells with commas, quotes and line breaks; CRLF rows (RFC 4180)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    text = safe_text(value if value not in (None, "") else "—")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def _venue_line(venue: Mapping[str, Any] | None, lang: str = "ar") -> str:
    if not venue:
        return "—"
    parts = [_field(venue, key, lang) for key in ("place", "city", "country")]
    return ("، " if lang == "ar" else ", ").join(safe_text(p) for p in parts if p) or "—"


def _status_line(record: Mapping[str, Any]) -> str:
    if not record.get("meeting_detected"):
        return "no meeting found"
    return f"{record.get('status')}, {record.get('kind')}"


def _meeting_lines(record: Mapping[str, Any], lang: str) -> list[str]:
    """One line per meeting when the article tells several apart: who met, and where and
    when if known (the top-level fields hold their union)."""
    meetings = record.get("meetings") or []
    if len(meetings) < 2:
        return []
    lines = []
    for meeting in meetings:
        people = " · ".join(safe_text(_party_label(p, lang)) for p in meeting.get("participants") or [])
        place = [_venue_line(meeting.get("venue"), lang), safe_text(meeting.get("date") or "—")]
        lines.append(people + "".join(f" — {fact}" for fact in place if fact != "—"))
    return lines


def _party_label(participant: Mapping[str, Any], lang: str) -> str:
    """The name, else the role and whom it stands for: "وفد حماس", "Delegation (Hamas)"."""
    name, role, affiliation = (_field(participant, key, lang) for key in ("name", "role", "affiliation"))
    if name or not (role and affiliation):
        return name or role or affiliation or "—"
    return f"{role} {affiliation}" if lang == "ar" else f"{role} ({affiliation})"


def render_markdown(record: Mapping[str, Any], *, lang: str = "ar") -> str:
    """A heading, a participants table, venue and date lines, agenda and statements lists."""
    _check_lang(lang)
    lines = [f"# {_cell(record.get('title') or record.get('source') or 'meetsum summary')}", ""]
    lines += [f"- **Meeting:** {_cell(_status_line(record))}"]
    if record.get("meeting_detected"):
        lines += [f"- **Date:** {_cell(record.get('date'))}", f"- **Venue:** {_cell(_venue_line(record.get('venue'), lang))}"]
        lines += ["", "## Participants", "", "| Name | Role | Affiliation |", "| --- | --- | --- |"]
        lines += [
            "| " + " | ".join(_cell(_field(p, key, lang)) for key in ("name", "role", "affiliation")) + " |"
            for p in record.get("participants", [])
        ]
        lines += _markdown_list("Meetings", _meeting_lines(record, lang))
        lines += _markdown_list("Agenda", [item["text"] for item in record.get("agenda", [])])
        lines += _markdown_list(
            "Statements",
            [f"**{_cell(_field(s, 'speaker', lang))}:** {_cell(s['text'])}" for s in record.get("statements", [])],
            escape=False,
        )
    lines += _markdown_list("Mentioned", [_field(m, "text", lang) for m in record.get("mentioned", [])])
    lines += _markdown_list("Evidence", [
        f"**{_cell(label)}:** " + "".join(
            f"**{_cell(piece)}**" if marked else _cell(piece) for piece, marked in _marked_context(evidence))
        for label, evidence in _explained(record)
    ], escape=False)
    return "\n".join(lines) + "\n"


def _explained(record: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The (label, evidence) pairs to show when the record carries evidence text (--explain)."""
    from meetsum.explain import evidence_items

    return [(label, ev) for label, ev in evidence_items(record) if "context" in ev]


def _marked_context(evidence: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """The evidence sentence cut into (text, is_the_span) pieces."""
    context, offset = evidence["context"], evidence["start"] - evidence["context_start"]
    end = offset + len(evidence["quote"])
    if not 0 <= offset <= end <= len(context):
        return [(context, False)]
    return [(piece, marked) for piece, marked in
            ((context[:offset], False), (context[offset:end], True), (context[end:], False)) if piece]


def _markdown_list(heading: str, items: list[str], *, escape: bool = True) -> list[str]:
    if not items:
        return []
    return ["", f"## {heading}", ""] + [f"- {_cell(item) if escape else item}" for item in items]


def render_table(record: Mapping[str, Any], *, color: bool, width: int | None = None, lang: str = "ar") -> str:
    """The terminal view: status, venue and date, a participants table, agenda, statements."""
    from io import StringIO

    _check_lang(lang)
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    buffer = StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 100,
                      color_system="standard" if color else None, highlight=False)
    heading = Text(safe_text(record.get("title") or record.get("source") or ""), style="bold")
    facts = Table.grid(padding=(0, 2))
    facts.add_row(Text("Meeting", style="cyan"), Text(safe_text(_status_line(record))))
    if record.get("meeting_detected"):
        facts.add_row(Text("Date", style="cyan"), Text(safe_text(record.get("date") or "—")))
        facts.add_row(Text("Venue", style="cyan"), Text(_venue_line(record.get("venue"), lang)))
    parts: list[Any] = [facts]
    if record.get("participants"):
        people = Table("Name", "Role", "Affiliation", title="Participants", title_justify="left", expand=True)
        for p in record["participants"]:
            people.add_row(*(Text(safe_text(_field(p, k, lang) or "—")) for k in ("name", "role", "affiliation")))
        parts.append(people)
    parts += _rich_list("Meetings", _meeting_lines(record, lang))
    parts += _rich_list("Agenda", [safe_text(item["text"]) for item in record.get("agenda", [])])
    parts += _rich_list(
        "Statements",
        [f"{safe_text(_field(s, 'speaker', lang) or '—')}: {safe_text(s['text'])}" for s in record.get("statements", [])],
    )
    parts += _rich_list("Mentioned", [safe_text(_field(m, "text", lang)) for m in record.get("mentioned", [])])
    parts += _rich_evidence(record, color)
    console.print(Panel(Group(*parts), title=heading, title_align="left"))
    return buffer.getvalue()


def _rich_evidence(record: Mapping[str, Any], color: bool) -> list[Any]:
    """Each field's sentence with its span highlighted (bracketed when there is no colour)."""
    from rich.text import Text

    explained = _explained(record)
    if not explained:
        return []
    text = Text("\n")
    text.append("Evidence", style="bold cyan")
    for label, evidence in explained:
        text.append(f"\n  • {safe_text(label)}: ")
        for piece, marked in _marked_context(evidence):
            piece = safe_text(piece)
            if marked and color:
                text.append(piece, style="bold reverse")
            else:
                text.append(f"⟦{piece}⟧" if marked else piece)
    return [text]


def _rich_list(heading: str, items: list[str]) -> list[Any]:
    from rich.text import Text

    if not items:
        return []
    text = Text("\n")
    text.append(heading, style="bold cyan")  # the heading only: items stay plain
    for item in items:
        text.append(f"\n  • {item}")
    return [text]
