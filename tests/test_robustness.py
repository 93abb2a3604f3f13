"""The ``meetsum`` command on bad, odd and hostile input: a clear message, nothing lost.

Cases already covered elsewhere (not repeated here):

- decoding each encoding, binary signatures, NUL-heavy data, HTML extraction, directory
  walks, FIFOs, devices and sockets, missing files, permissions, too-large files: ``test_inputs.py``
  (library level); this file checks the same cases end to end through the command;
- a missing file among good files, ``-`` with empty stdin, a closed pipe (``| head -1``),
  YAML equal to JSON on ordinary articles: ``test_cli.py``;
- escape sequences, bidi overrides and pipes in crafted records: ``test_render.py``.

Every article text below was written for these tests (no real news report).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from meetsum import cli
from meetsum.cli import app
from conftest import read_terminal

MEETING = (
    "استقبل وزير الخارجية المغربي ناصر بوريطة اليوم في الرباط نظيره الأردني أيمن الصفدي، "
    "وبحث معه سبل تعزيز التعاون الثنائي."
)
NAMES = ["ناصر بوريطة", "أيمن الصفدي"]
WEATHER = "توقعت هيئة الأرصاد الجوية طقسا حارا نهارا ومعتدلا ليلا على أغلب المناطق."
ENGLISH = "The foreign ministers of two neighbouring countries met on Tuesday to discuss trade."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0/C1 but tab and newline
BIDI_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")
FORMAT_CHARS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\u0640]")  # and tatweel


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": "100"})


def run(runner: CliRunner, *args: str, input: str | bytes | None = ""):
    return runner.invoke(app, list(args), input=input, prog_name="meetsum")


def write(directory: Path, name: str, data: bytes | str) -> str:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def plain(text: str | None) -> str | None:
    """What a reader sees: no bidi or zero-width marks, no tatweel, presentation forms folded."""
    return None if text is None else unicodedata.normalize("NFKC", FORMAT_CHARS.sub("", text))


def names(record: dict) -> list[str]:
    return [plain(p["name"]) for p in record["participants"]]


def assert_offsets_inside(record: dict, length: int) -> None:
    def walk(value):
        if isinstance(value, dict):
            if {"start", "end", "sentence"} <= value.keys():
                assert 0 <= value["start"] <= value["end"] <= length, value
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM")}
    env.update(extra)
    return env


# --------------------------------------------------------------------------- encodings

ENCODINGS = {
    "utf-8": MEETING.encode("utf-8"),
    "utf-8 BOM": codecs.BOM_UTF8 + MEETING.encode("utf-8"),
    "utf-16 LE BOM": codecs.BOM_UTF16_LE + MEETING.encode("utf-16-le"),
    "utf-16 BE BOM": codecs.BOM_UTF16_BE + MEETING.encode("utf-16-be"),
    "windows-1256": MEETING.encode("cp1256"),
    "iso-8859-6": MEETING.encode("iso8859_6"),
}


def test_every_encoding_gives_the_same_summary(runner, tmp_path):
    paths = [write(tmp_path, f"{i}.txt", data) for i, data in enumerate(ENCODINGS.values())]
    result = run(runner, "-f", "jsonl", *paths)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == paths
    reference = {k: v for k, v in records[0].items() if k != "source"}
    assert names(records[0]) == NAMES
    for encoding, record in zip(ENCODINGS, records):
        assert {k: v for k, v in record.items() if k != "source"} == reference, encoding


# --------------------------------------------------------------------------- unusable files


@pytest.mark.parametrize("data, message", [
    (PNG, "binary file (PNG image)"),
    (MEETING.encode("utf-16-le"), "binary file (NUL bytes)"),  # UTF-16 without a BOM
    (bytes(range(1, 32)) * 40, "binary file (control characters)"),
], ids=["png", "utf-16 without BOM", "control bytes"])
def test_binary_file_is_named_and_the_others_still_print(runner, tmp_path, data, message):
    first = write(tmp_path, "a.txt", MEETING)
    binary = write(tmp_path, "photo.txt", data)
    last = write(tmp_path, "c.txt", WEATHER)
    for fmt in ("jsonl", "json"):
        result = run(runner, "-f", fmt, first, binary, last)
        assert result.exit_code == 2
        assert result.stderr == f"meetsum: {binary}: {message}\n"
        records = jsonl(result.stdout) if fmt == "jsonl" else json.loads(result.stdout)
        assert [r["source"] for r in records] == [first, last]
        assert [r["meeting_detected"] for r in records] == [True, False]


def test_a_file_name_with_an_escape_sequence_is_reported_without_it(runner, tmp_path):
    binary = write(tmp_path, "bad\x1b]0;owned\x07\x1b[2J.txt", PNG)
    result = run(runner, "-f", "jsonl", binary)
    assert result.exit_code == 2
    assert not CONTROLS.search(result.stderr.rstrip("\n"))
    assert "bad\ufffd]0;owned\ufffd\ufffd[2J.txt: binary file" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_device_named_on_the_command_line_is_read(runner, tmp_path):
    good = write(tmp_path, "good.txt", MEETING)
    result = run(runner, "-f", "jsonl", "/dev/null", good)
    assert result.exit_code == 0 and result.stderr == ""
    records = jsonl(result.stdout)
    assert [(r["source"], r["meeting_detected"]) for r in records] == [("/dev/null", False), (good, True)]


@pytest.mark.skipif(not os.path.exists("/bin/bash"), reason="no bash here")
def test_process_substitution_is_read_like_a_file():
    """meetsum <(printf ...): bash hands the command a /dev/fd path to a pipe."""
    script = 'exec "$0" -m meetsum -f jsonl <(printf "%s" "$1")'
    proc = subprocess.run(["/bin/bash", "-c", script, sys.executable, MEETING], capture_output=True, text=True,
                          timeout=60, env=subprocess_env(), stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    [record] = jsonl(proc.stdout)
    assert record["source"].startswith("/dev/fd/") and record["meeting_detected"]
    assert {p["name"] for p in record["participants"]} >= set(NAMES)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_directory_walk_skips_a_fifo_without_blocking(tmp_path):
    root = tmp_path / "corpus"
    good = write(root, "a.txt", MEETING)
    os.mkfifo(root / "b-pipe")  # nobody writes to it: opening it would block the walk forever
    write(root, "c.txt", WEATHER)
    proc = subprocess.run([sys.executable, "-m", "meetsum", "-f", "jsonl", str(root)], capture_output=True,
                          text=True, timeout=60, env=subprocess_env(), stdin=subprocess.DEVNULL)
    assert proc.returncode == 0 and proc.stderr == ""
    assert [r["source"] for r in jsonl(proc.stdout)] == [good, str(root / "c.txt")]


@pytest.mark.parametrize("fmt", [f.value for f in cli.Format])
@pytest.mark.parametrize("content", [b"", b" \t\r\n \n\n", b"\xef\xbb\xbf", b"\xff\xfe"],
                         ids=["empty", "whitespace", "utf-8 BOM only", "utf-16 BOM only"])
def test_empty_and_blank_files_give_a_valid_no_meeting_record(runner, tmp_path, fmt, content):
    path = write(tmp_path, "blank.txt", content)
    result = run(runner, "-f", fmt, path)
    assert result.exit_code == 1, result.stderr
    assert result.stderr == ""
    if fmt in ("json", "jsonl", "yaml"):
        record = yaml.safe_load(result.stdout) if fmt == "yaml" else json.loads(result.stdout)
        assert record["source"] == path and record["meeting_detected"] is False
        assert record["participants"] == [] and record["title"] is None
    elif fmt == "csv":
        assert list(csv.DictReader(io.StringIO(result.stdout))) == []  # the header row only
    else:
        assert "no meeting found" in result.stdout


def test_english_only_text_is_no_meeting_and_no_error(runner, tmp_path):
    path = write(tmp_path, "english.txt", ENGLISH)
    result = run(runner, "-f", "jsonl", path)
    assert result.exit_code == 1
    assert result.stderr == ""
    [record] = jsonl(result.stdout)
    assert record["meeting_detected"] is False and record["participants"] == []


# --------------------------------------------------------------------------- odd but valid text


def test_nul_bytes_are_dropped(runner, tmp_path):
    data = MEETING.encode().replace("بوريطة".encode(), "بوري\0طة".encode()) + b"\0\n"
    result = run(runner, "-f", "jsonl", write(tmp_path, "nul.txt", data))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES
    assert "\\u0000" not in result.stdout
    assert_offsets_inside(record, len(MEETING) + 1)


def test_a_very_long_line(runner, tmp_path):
    filler = " ".join(["والتعاون"] * 25_000)  # 224,999 characters, no line break
    text = MEETING[:-1] + " " + filler + "."
    assert len(text) > 200_000
    result = run(runner, "-f", "jsonl", write(tmp_path, "long.txt", text))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES
    assert_offsets_inside(record, len(text))


def test_a_long_unbroken_run_of_letters_before_the_article(runner, tmp_path):
    text = "ب" * 200_000 + "\n" + MEETING
    result = run(runner, "-f", "jsonl", write(tmp_path, "run.txt", text))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES
    assert record["venue"]["evidence"]["start"] > 200_000
    assert_offsets_inside(record, len(text))


BIDI_TEXT = ("\u202b" + MEETING.replace(" ", " \u200f").replace("الرباط", "\u2067الرباط\u2069")
             + "\u202c")


def test_bidi_marks_do_not_hide_the_meeting(runner, tmp_path):
    path = write(tmp_path, "bidi.txt", BIDI_TEXT)
    result = run(runner, "-f", "jsonl", path)
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES
    assert plain(record["venue"]["city"]) == "الرباط"
    assert_offsets_inside(record, len(BIDI_TEXT))
    for fmt in ("table", "markdown"):  # what a reader sees never holds an override or isolate
        shown = run(runner, "-f", fmt, path).stdout
        assert not BIDI_OVERRIDES.search(shown), fmt


def test_bidi_marks_do_not_stick_to_extracted_names(runner, tmp_path):
    [record] = jsonl(run(runner, "-f", "jsonl", write(tmp_path, "bidi.txt", BIDI_TEXT)).stdout)
    assert [p["name"] for p in record["participants"]] == NAMES
    assert record["venue"]["city"] == "الرباط"


@pytest.mark.parametrize("variant", [
    pytest.param({"استقبل": "استقبـــل", "وزير": "وزيـــر", "الخارجية": "الخـارجيـة",
                  "بوريطة": "بوريـطة", "الرباط": "الربـاط"}, id="tatweel"),
    pytest.param({"الخارجية": "ﺍﻟﺨﺎﺭﺟﻴﺔ", "الأردني": "ﺍﻷﺭﺩﻧﻲ", "الصفدي": "ﺍﻟﺼﻔﺪﻱ",
                  "التعاون": "ﺍﻟﺘﻌﺎﻭﻥ"}, id="presentation forms"),
    pytest.param({"الأردني": "اﻷردني", "الخارجية": "ﺍﻟﺨارجية"}, id="lam-alef and al ligature parts"),
])
def test_spelling_variants_find_the_same_meeting(runner, tmp_path, variant):
    text = MEETING
    for old, new in variant.items():
        text = text.replace(old, new)
    result = run(runner, "-f", "jsonl", write(tmp_path, "variant.txt", text))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES  # names are copied as written: compare what a reader sees
    assert [p["affiliation"] for p in record["participants"]] == ["المغرب", "الأردن"]
    assert plain(record["venue"]["city"]) == "الرباط"
    assert_offsets_inside(record, len(text))


@pytest.mark.parametrize("day, year", [("١٢", "٢٠٢٥"), ("۱۲", "۲۰۲۵"), ("12", "2025")],
                         ids=["arabic-indic", "extended arabic-indic", "ascii"])
def test_arabic_indic_digits_in_a_date(runner, tmp_path, day, year):
    text = (f"التقى وزير الخارجية الأردني أيمن الصفدي في عمان يوم {day} مايو {year} نظيره المغربي "
            "ناصر بوريطة، وبحثا التعاون الاقتصادي.")
    result = run(runner, "-f", "jsonl", "--published", "2025-05-14", write(tmp_path, "d.txt", text))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["date"] == "2025-05-12"


def test_html_page_saved_from_a_browser(runner, tmp_path):
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>بوريطة يستقبل الصفدي في الرباط</title>
<script>var related = "<p>التقى وزير الخارجية الفرنسي نظيره</p>";</script>
<style>p {{ margin: 0 }}</style></head>
<body><nav><ul><li>الرئيسية</li><li>سياسة</li></ul></nav>
<article><h1>بوريطة يستقبل الصفدي في الرباط</h1>
<p>{MEETING.replace("الصفدي،", "الصفدي&#1548;").replace("التعاون", "<b>التعاون</b>")}</p></article>
<footer>جميع الحقوق محفوظة &copy; 2025</footer></body></html>
"""
    path = write(tmp_path, "page.html", page.replace("\n", "\r\n"))
    result = run(runner, "-f", "jsonl", path)
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert names(record) == NAMES
    assert "<" not in json.dumps(record, ensure_ascii=False)  # no markup leaks into any field
    assert "الفرنسي" not in result.stdout  # script contents are not text


def test_a_directory_is_read_recursively_in_name_order(runner, tmp_path):
    root = tmp_path / "corpus"
    expected = [write(root, "a.txt", MEETING), write(root, "b/c.txt", WEATHER),
                write(root, "b/d/e.html", f"<html><body><p>{MEETING}</p></body></html>")]
    write(root, ".hidden.txt", MEETING)
    write(root, "b/.git/x.txt", MEETING)
    result = run(runner, "-f", "jsonl", str(root))
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == expected
    assert [r["meeting_detected"] for r in records] == [True, False, True]


# --------------------------------------------------------------------------- hostile text

HOSTILE = (
    "بوريطة يستقبل \x1b]0;owned\x07الصفدي \x1b[2J في الرباط\n\n"
    "استقبل وزير الخارجية المغربي ناصر \x1b[31mبوريطة\x1b[0m اليوم في الرباط نظيره الأردني "
    "أيمن الصفدي\x9b31m، وبحث معه سبل تعزيز \x1b[5mالتعاون\x1b[0m الثنائي.\n"
    "وقال الصفدي إن \x1b[1mالتعاون\x1b[0m بين البلدين يتقدم."
)


def test_escape_sequences_in_the_text_never_reach_the_terminal(runner, tmp_path):
    path = write(tmp_path, "hostile.txt", HOSTILE)
    as_json = run(runner, "-f", "json", path)
    assert as_json.exit_code == 0, as_json.stderr
    record = json.loads(as_json.stdout)
    assert "\x1b" in record["title"]  # the data does carry escapes (JSON escapes them)
    assert "\x1b" not in as_json.stdout
    for fmt in ("table", "markdown"):
        shown = run(runner, "-f", fmt, path)
        assert shown.exit_code == 0
        assert not CONTROLS.search(shown.stdout), fmt
    table = run(runner, "-f", "table", path).stdout
    assert "ناصر" in table and "الصفدي" in table


def test_markdown_escapes_pipes_from_the_text(runner, tmp_path):
    text = "لقاء | ثنائي | في الرباط\n\n" + MEETING.replace("التعاون الثنائي", "التعاون | الثنائي")
    result = run(runner, "-f", "markdown", write(tmp_path, "pipes.txt", text))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# لقاء \\| ثنائي \\| في الرباط"
    for line in lines:
        unescaped = len(re.findall(r"(?<!\\)\|", line.replace("\\\\", "")))
        assert unescaped == (4 if line.startswith("| ") else 0), line
    assert any("التعاون \\| الثنائي" in line for line in lines)


def test_every_format_carries_the_same_data_for_odd_inputs(runner, tmp_path):
    """JSON, JSON Lines and YAML re-load to equal data, whatever the text held."""
    texts = {
        "hostile": HOSTILE,
        "bidi": BIDI_TEXT,
        "breaks": MEETING.replace("اليوم", "اليوم\u2028").replace("الثنائي", "الثنائي\u2029\x85"),
        "yamlish": "yes: no\n- null\n" + MEETING + "\n# ~ 2025-05-12 &a *b !!python/object",
        "private": "\ue000\U0010fffd\ufffe " + MEETING + " \U0001f91d",
        "nul": MEETING.replace("في", "ف\0ي"),
        "blank": "\n\n",
    }
    paths = [write(tmp_path, f"{name}.txt", text) for name, text in texts.items()]
    as_json = run(runner, "-f", "json", *paths)
    as_jsonl = run(runner, "-f", "jsonl", *paths)
    as_yaml = run(runner, "-f", "yaml", *paths)
    assert as_json.exit_code == as_jsonl.exit_code == as_yaml.exit_code == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert [r["source"] for r in data] == paths
    assert as_jsonl.stdout.count("\n") == len(paths)
    assert jsonl(as_jsonl.stdout) == data
    assert list(yaml.safe_load_all(as_yaml.stdout)) == data


@pytest.mark.parametrize("fmt", [f.value for f in cli.Format])
def test_undecodable_file_names_and_lone_surrogates_still_give_utf8(runner, tmp_path, fmt):
    """A file name's non-UTF-8 bytes and a JSON "\\ud800" escape in an id show as U+FFFD."""
    name = os.fsdecode(b"bad\xffname.jsonl")  # holds the lone surrogate U+DCFF
    try:
        path = write(tmp_path, name, json.dumps({"id": "r-\ud800", "text": MEETING}) + "\n")
    except (OSError, UnicodeError):
        pytest.skip("this file system wants UTF-8 file names")
    result = run(runner, "-f", fmt, "--jsonl", "text", path)
    assert result.exit_code == 0, repr(result.exception)
    out = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8
    if fmt == "csv":  # the article column holds the record's id, when it has one
        assert [row["article"] for row in csv.DictReader(io.StringIO(out))][0] == "r-\ufffd"
        return
    assert "bad\ufffdname.jsonl" in out
    if fmt in ("json", "jsonl", "yaml"):
        record = yaml.safe_load(out) if fmt == "yaml" else json.loads(out)
        assert record["source"] == str(tmp_path / "bad\ufffdname.jsonl") + ":1"
        assert record["id"] == "r-\ufffd"


# --------------------------------------------------------------------------- progress


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("stderr_tty, stdout_tty, term, wanted", [
    (True, False, "xterm", True),
    (False, False, "xterm", False),  # logs, CI: nothing at all
    (True, True, "xterm", False),  # results on the terminal are the progress
    (False, True, "xterm", False),
    (True, False, "dumb", False),
])
def test_progress_wanted(monkeypatch, stderr_tty, stdout_tty, term, wanted):
    monkeypatch.setattr(sys, "stderr", _Tty(stderr_tty))
    monkeypatch.setattr(sys, "stdout", _Tty(stdout_tty))
    monkeypatch.setenv("TERM", term)
    assert cli._progress_wanted() is wanted


def test_progress_wanted_survives_a_closed_stream(monkeypatch):
    class Closed:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    monkeypatch.setattr(sys, "stderr", Closed())
    assert cli._progress_wanted() is False


def test_progress_counts_articles_meetings_and_errors(runner, tmp_path, monkeypatch):
    seen = []

    class Recorder(cli._Progress):
        def _start(self) -> None:  # no terminal here: record instead of drawing
            self._bar, self._task = self, "task"

        def update(self, task, *, description):
            seen.append(description)

        @property
        def console(self):
            return self

        def out(self, message, highlight):
            seen.append(message)

        def stop(self) -> None:
            seen.append("stopped")

    monkeypatch.setattr(cli, "_progress_wanted", lambda: True)
    monkeypatch.setattr(cli, "_Progress", Recorder)
    paths = [write(tmp_path, "a.txt", MEETING), write(tmp_path, "b.txt", WEATHER),
             str(tmp_path / "missing.txt"), write(tmp_path, "d.txt", MEETING)]
    result = run(runner, "-f", "jsonl", *paths)
    assert result.exit_code == 2
    assert len(jsonl(result.stdout)) == 3
    assert result.stderr == ""  # the error went above the live line instead
    assert seen == [
        "2 articles, 1 with a meeting",  # shown from the second result on
        f"meetsum: {paths[2]}: no such file",
        "3 articles, 1 with a meeting, 1 error",
        "4 articles, 2 with a meeting, 1 error",
        "stopped",
    ]


def test_no_progress_for_a_single_input(runner, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "_progress_wanted", lambda: True)

    def must_not_start(self) -> None:
        raise AssertionError("progress shown for one input")

    monkeypatch.setattr(cli._Progress, "_start", must_not_start)
    result = run(runner, "-f", "jsonl", write(tmp_path, "a.txt", MEETING))
    assert result.exit_code == 0 and result.stderr == ""


def test_real_process_off_a_terminal_writes_nothing_to_stderr(tmp_path):
    root = tmp_path / "corpus"
    paths = [write(root, f"{i}.txt", MEETING if i % 2 else WEATHER) for i in range(4)]
    proc = subprocess.run([sys.executable, "-m", "meetsum", "-f", "jsonl", str(root), paths[1]], check=False,
                          capture_output=True, text=True, timeout=60, env=subprocess_env(TERM="xterm"),
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0
    assert proc.stderr == ""
    assert len(jsonl(proc.stdout)) == 5


def _run_with_terminal_stderr(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    """Run meetsum with stderr on a pseudo-terminal and stdout to a file."""
    leader, follower = os.openpty()
    out_path = tmp_path / "stdout.txt"
    with open(out_path, "wb") as out:
        proc = subprocess.Popen([sys.executable, *args], stdin=subprocess.DEVNULL, stdout=out,
                                stderr=follower, env=subprocess_env(TERM="xterm", COLUMNS="200"))
    os.close(follower)
    try:
        shown = read_terminal(leader)
    finally:
        os.close(leader)
        proc.wait(timeout=60)
    return proc.returncode, out_path.read_text(encoding="utf-8"), shown


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_stderr_and_clean_stdout(tmp_path):
    paths = [write(tmp_path, f"{i}.txt", MEETING if i % 2 else WEATHER) for i in range(3)]
    missing = str(tmp_path / "missing.txt")
    status, stdout, terminal = _run_with_terminal_stderr(["-m", "meetsum", "-f", "jsonl", *paths, missing], tmp_path)
    assert status == 2
    assert [r["source"] for r in jsonl(stdout)] == paths  # stdout holds nothing but the records
    assert terminal.count(f"meetsum: {missing}: no such file") == 1
    assert "4 articles, 1 with a meeting, 1 error" in terminal


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_single_input_on_a_terminal_stderr_shows_nothing_and_skips_rich(tmp_path):
    path = write(tmp_path, "a.txt", MEETING)
    status, stdout, terminal = _run_with_terminal_stderr(["-X", "importtime", "-m", "meetsum", "-f", "jsonl", path],
                                                          tmp_path)
    assert status == 0 and len(jsonl(stdout)) == 1
    lines = terminal.splitlines()
    assert lines and all(line.startswith("import time:") for line in lines)  # no progress
    assert not [line for line in lines if re.search(r"\|\s*rich(\.|$)", line.strip())]


def test_help_does_not_import_rich():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "meetsum", "--help"], check=False,
                          capture_output=True, text=True, timeout=60, env=subprocess_env(),
                          stdin=subprocess.DEVNULL)
    assert proc.returncode == 0
    imported = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()]
    assert "meetsum.cli" in imported
    assert not [name for name in imported if name == "rich" or name.startswith("rich.")]
