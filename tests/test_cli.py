"""The ``meetsum`` command: formats, inputs, exit statuses, streams and process behaviour.

The articles below were written for these tests (not taken from any news report); the
assertions rely only on whether a meeting is detected, never on the extracted details.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.main import get_command
from typer.testing import CliRunner

from meetsum import __version__
from meetsum.cli import Format, app
from conftest import read_terminal

MEETING = (
    "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية الفرنسي "
    "جان نويل بارو، وبحث معه سبل تعزيز العلاقات الثنائية."
)
WEATHER = (
    "توقعت هيئة الأرصاد الجوية طقسا حارا نهارا ومعتدلا ليلا على أغلب المناطق، مع نشاط "
    "للرياح على السواحل الشمالية وارتفاع في درجات الحرارة خلال الأيام المقبلة."
)
ANSI = re.compile("[\x1b\x9b]")
FORMATS = [f.value for f in Format]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env={"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": "100"})


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, str]:
    """meeting.txt, weather.txt and meeting2.txt (a second meeting article)."""
    paths = {}
    for name, text in (("meeting", MEETING), ("weather", WEATHER), ("meeting2", MEETING)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths[name] = str(path)
    return paths


def run(runner: CliRunner, *args: str, input: str | None = "", env: dict | None = None):
    return runner.invoke(app, list(args), input=input, env=env, prog_name="meetsum")


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update(extra)
    return env


def run_process(*args: str, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("env", subprocess_env())
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("timeout", 60)
    return subprocess.run([sys.executable, "-m", "meetsum", *args], capture_output=True, **kwargs)


def jsonl_records(stdout: str) -> list[dict]:
    lines = stdout.splitlines()
    assert all(line.strip() for line in lines), "jsonl output has blank lines"
    return [json.loads(line) for line in lines]


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_on_one_file(runner, articles, fmt):
    result = run(runner, "-f", fmt, articles["meeting"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert out.endswith("\n")
    if fmt == "json":
        record = json.loads(out)
        assert isinstance(record, dict)
        assert record["source"] == articles["meeting"] and record["meeting_detected"] is True
    elif fmt == "jsonl":
        [record] = jsonl_records(out)
        assert record["source"] == articles["meeting"] and record["meeting_detected"] is True
    elif fmt == "yaml":
        [record] = list(yaml.safe_load_all(out))
        assert record["source"] == articles["meeting"] and record["meeting_detected"] is True
        assert out.startswith("---")
    elif fmt == "markdown":
        assert out.startswith("# ")
        assert "| Name | Role | Affiliation |" in out
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and {row["article"] for row in rows} == {articles["meeting"]}
    else:
        assert "Meeting" in out and "Participants" in out
        assert not ANSI.search(out)


def test_long_format_option_name_works_too(runner, articles):
    short = run(runner, "-f", "jsonl", articles["meeting"])
    long = run(runner, "--format", "jsonl", articles["meeting"])
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout


def test_default_format_off_a_terminal_is_json(runner, articles):
    result = run(runner, articles["meeting"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["meeting_detected"] is True


@pytest.mark.parametrize("names", [["meeting"], ["meeting", "weather", "meeting2"]])
def test_yaml_documents_equal_the_json_objects(runner, articles, names):
    paths = [articles[n] for n in names]
    as_json = run(runner, "-f", "json", "--published", "2024-12-07", *paths)
    as_yaml = run(runner, "-f", "yaml", "--published", "2024-12-07", *paths)
    assert as_json.exit_code == as_yaml.exit_code == 0
    data = json.loads(as_json.stdout)
    docs = list(yaml.safe_load_all(as_yaml.stdout))
    assert len(docs) == len(paths)
    assert docs == (data if len(paths) > 1 else [data])
    # date-like strings stay strings in YAML (not datetime.date)
    assert all(doc["published"] == "2024-12-07" for doc in docs)


def test_json_is_an_object_for_one_input_and_an_array_for_several(runner, articles):
    one = json.loads(run(runner, "-f", "json", articles["weather"]).stdout)
    several = json.loads(run(runner, "-f", "json", articles["meeting"], articles["weather"]).stdout)
    assert isinstance(one, dict)
    assert isinstance(several, list) and len(several) == 2
    assert several[1] == one


def test_json_shape_does_not_depend_on_how_many_inputs_failed(runner, articles, tmp_path):
    missing = str(tmp_path / "missing.txt")
    for paths in ([articles["meeting"], missing], [missing, articles["meeting"]]):
        result = run(runner, "-f", "json", *paths)
        assert result.exit_code == 2
        data = json.loads(result.stdout)
        assert isinstance(data, list) and [r["source"] for r in data] == [articles["meeting"]]
    none_ok = run(runner, "-f", "json", missing, missing + "2")
    assert none_ok.exit_code == 2 and json.loads(none_ok.stdout) == []
    alone = run(runner, "-f", "json", missing)
    assert alone.exit_code == 2 and alone.stdout == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl", "yaml"])
def test_data_with_unicode_line_breaks_survives_every_format(runner, articles, monkeypatch, fmt):
    # Crafted results (not extraction output): U+2028, U+2029 and NEL are data, not line ends.
    from meetsum import batch

    tricky = "سطر\u2028سطر\u2029\x85 | \\ \"quoted\""
    records = [{"source": f"doc{i}", "meeting_detected": i == 0, "title": tricky, "agenda": [{"text": tricky}]}
               for i in range(2)]
    monkeypatch.setattr(batch, "summarize_documents",
                        lambda documents, **_: iter([batch.Result(r["source"], record=r) for r in records]))
    result = run(runner, "-f", fmt, articles["meeting"])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        assert json.loads(result.stdout) == records
    elif fmt == "jsonl":
        assert result.stdout.count("\n") == 2
        assert jsonl_records(result.stdout) == records
    else:
        assert list(yaml.safe_load_all(result.stdout)) == records


def test_jsonl_gives_one_line_per_input(runner, articles):
    paths = [articles["meeting"], articles["weather"], articles["meeting2"]]
    result = run(runner, "-f", "jsonl", *paths)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 3
    records = jsonl_records(result.stdout)
    assert [r["source"] for r in records] == paths


def test_yaml_gives_one_document_per_input(runner, articles):
    paths = [articles["meeting"], articles["weather"], articles["meeting2"]]
    result = run(runner, "-f", "yaml", *paths)
    docs = list(yaml.safe_load_all(result.stdout))
    assert [d["source"] for d in docs] == paths
    assert result.stdout.count("\n---") + result.stdout.startswith("---") == 3


def test_markdown_one_section_per_input(runner, articles):
    paths = [articles["meeting"], articles["weather"]]
    result = run(runner, "-f", "markdown", *paths)
    assert result.exit_code == 0
    headings = [line for line in result.stdout.splitlines() if line.startswith("# ")]
    assert len(headings) == 2
    meeting_part, weather_part = result.stdout.split(headings[1])
    assert "| Name | Role | Affiliation |" in meeting_part
    assert "no meeting found" in weather_part and "## Participants" not in weather_part


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {}])
def test_table_without_terminal_has_no_escape_sequences(runner, articles, env):
    result = run(runner, "-f", "table", articles["meeting"], articles["weather"], env=env)
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)
    assert "no meeting found" in result.stdout
    assert result.stdout.count("Meeting") >= 2


# --------------------------------------------------------------------------- inputs


@pytest.mark.parametrize("args", [["-"], []])
def test_stdin_dash_or_no_file(runner, args):
    result = run(runner, "-f", "jsonl", *args, input=MEETING)
    assert result.exit_code == 0, result.stderr
    [record] = jsonl_records(result.stdout)
    assert record["source"] == "-" and record["meeting_detected"] is True


def test_no_file_and_no_stdin_input_is_a_usage_error(runner):
    result = run(runner, "-f", "jsonl", input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no input" in result.stderr


def test_explicit_dash_with_empty_stdin_is_an_empty_article(runner):
    result = run(runner, "-f", "jsonl", "-", input="")
    assert result.exit_code == 1
    [record] = jsonl_records(result.stdout)
    assert record["source"] == "-" and record["meeting_detected"] is False


def test_no_file_with_stdin_closed_is_a_usage_error():
    proc = subprocess.run(["/bin/sh", "-c", 'exec "$0" -m meetsum <&-', sys.executable],
                          capture_output=True, text=True, timeout=60, env=subprocess_env())
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "no input" in proc.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_file_with_a_terminal_on_stdin_is_a_usage_error_not_a_wait():
    leader, follower = os.openpty()
    try:
        proc = run_process(stdin=follower, text=True, timeout=30)
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "no input" in proc.stderr


def test_several_files_keep_input_order(runner, articles):
    forward = [articles["meeting"], articles["weather"], articles["meeting2"]]
    for paths in (forward, forward[::-1]):
        result = run(runner, "-f", "jsonl", *paths)
        assert result.exit_code == 0
        records = jsonl_records(result.stdout)
        assert [r["source"] for r in records] == paths
        expected = {articles["meeting"]: True, articles["weather"]: False, articles["meeting2"]: True}
        assert [r["meeting_detected"] for r in records] == [expected[p] for p in paths]


def test_missing_file_among_good_files(runner, articles, tmp_path):
    missing = str(tmp_path / "no-such-article.txt")
    result = run(runner, "-f", "jsonl", articles["meeting"], missing, articles["weather"])
    assert result.exit_code == 2
    assert "no-such-article.txt" in result.stderr
    records = jsonl_records(result.stdout)
    assert [r["source"] for r in records] == [articles["meeting"], articles["weather"]]
    assert "no-such-article" not in result.stdout


def test_jsonl_input_keeps_record_ids(runner, tmp_path):
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "report-1", "text": MEETING}, {"id": "report-2", "text": WEATHER}, {"text": MEETING}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = run(runner, "--jsonl", "text", "-f", "jsonl", str(path))
    assert result.exit_code == 0, result.stderr
    records = jsonl_records(result.stdout)
    assert [r.get("id") for r in records] == ["report-1", "report-2", None]
    assert "id" not in records[2]
    assert [r["meeting_detected"] for r in records] == [True, False, True]
    assert [r["source"] for r in records] == [f"{path}:{n}" for n in (1, 2, 3)]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "markdown"])
def test_jobs_2_gives_the_same_output_as_jobs_1(runner, articles, tmp_path, fmt):
    paths = []
    for i in range(6):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(MEETING if i % 2 == 0 else WEATHER, encoding="utf-8")
        paths.append(str(path))
    serial = run(runner, "-f", fmt, "--jobs", "1", *paths)
    parallel = run(runner, "-f", fmt, "-j", "2", *paths)
    assert serial.exit_code == parallel.exit_code == 0
    assert parallel.stdout == serial.stdout
    assert serial.stdout.count(paths[5]) >= 1


# --------------------------------------------------------------------------- exit statuses


def test_exit_0_when_a_meeting_is_found(runner, articles):
    assert run(runner, "-f", "jsonl", articles["meeting"]).exit_code == 0
    assert run(runner, "-f", "jsonl", articles["weather"], articles["meeting"]).exit_code == 0


def test_exit_1_when_no_meeting_is_found(runner, articles):
    result = run(runner, "-f", "jsonl", articles["weather"])
    assert result.exit_code == 1
    assert result.stderr == ""
    [record] = jsonl_records(result.stdout)
    assert record["meeting_detected"] is False


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-02-30", ""])
def test_exit_2_for_a_bad_published_date(runner, articles, value):
    result = run(runner, "--published", value, articles["meeting"])
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_exit_2_for_an_unknown_format(runner, articles):
    result = run(runner, "-f", "xml", articles["meeting"])
    assert result.exit_code == 2
    assert "--format" in result.stderr and "xml" in result.stderr
    assert result.stdout == ""


def test_exit_2_for_jobs_below_one(runner, articles):
    result = run(runner, "--jobs", "0", articles["meeting"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_published_is_passed_to_the_summary(runner, articles):
    result = run(runner, "-f", "jsonl", "--published", "2024-12-07", articles["meeting"])
    assert result.exit_code == 0
    assert jsonl_records(result.stdout)[0]["published"] == "2024-12-07"


# --------------------------------------------------------------------------- version, help, streams


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout == f"meetsum {__version__}\n"


def test_help_mentions_every_option(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0
    help_text = result.stdout
    assert help_text.startswith("Usage: meetsum [OPTIONS] [FILE]...")
    command = get_command(app)
    params = command.get_params(command.make_context("meetsum", ["--help"], resilient_parsing=True))
    names = [name for p in params if p.param_type_name == "option" for name in p.opts + p.secondary_opts]
    assert {"--format", "-f", "--published", "--jsonl", "--jobs", "-j", "--version", "--help", "-h"} <= set(names)
    for name in names:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", help_text), f"{name} missing from --help"
    for p in params:
        if p.param_type_name == "argument":
            assert (p.metavar or p.name.upper()) in help_text


def test_short_help_option(runner):
    assert run(runner, "-h").stdout == run(runner, "--help").stdout


def test_stdout_holds_only_the_format_and_errors_go_to_stderr(runner, articles, tmp_path):
    missing = str(tmp_path / "gone.txt")
    result = run(runner, "-f", "json", articles["meeting"], missing)
    assert "meetsum:" in result.stderr and "gone.txt" in result.stderr
    assert "meetsum:" not in result.stdout
    json.loads(result.stdout)  # nothing but JSON on stdout


def test_real_process_streams_are_separate(articles, tmp_path):
    missing = str(tmp_path / "gone.txt")
    proc = run_process("-f", "jsonl", articles["meeting"], missing, text=True)
    assert proc.returncode == 2
    assert [r["source"] for r in jsonl_records(proc.stdout)] == [articles["meeting"]]
    assert proc.stderr.strip() == f"meetsum: {missing}: no such file"


def test_real_process_non_tty_stdout_defaults_to_json_without_escapes(articles):
    proc = run_process(articles["meeting"], text=True)
    assert proc.returncode == 0
    assert not ANSI.search(proc.stdout)
    assert json.loads(proc.stdout)["meeting_detected"] is True
    table = run_process("-f", "table", articles["meeting"], text=True)
    assert table.returncode == 0 and "Participants" in table.stdout
    assert not ANSI.search(table.stdout)


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    leader, follower = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "meetsum", *args], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    try:
        shown = read_terminal(leader)
    finally:
        os.close(leader)
        proc.wait(timeout=60)
        proc.stderr.close()
    return proc.returncode, shown


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_terminal_stdout_defaults_to_table_and_honours_no_color(articles):
    status, colored = _run_on_a_terminal([articles["meeting"]], subprocess_env())
    assert status == 0
    assert "Participants" in colored and "\x1b[" in colored  # a colored table by default
    status, plain = _run_on_a_terminal([articles["meeting"]], subprocess_env(NO_COLOR="1"))
    assert status == 0
    assert "Participants" in plain and not ANSI.search(plain)


def test_python_dash_m_meetsum_version():
    proc = run_process("--version", text=True)
    assert proc.returncode == 0
    assert proc.stdout == f"meetsum {__version__}\n"
    assert proc.stderr == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly(articles, jobs):
    # ~200 records of JSON, far more than a pipe buffer, so meetsum writes into a closed pipe.
    args = ["-f", "json", "-j", jobs] + [articles["meeting"]] * 200
    script = '"$0" -m meetsum "$@" | head -1 >/dev/null; echo "status=${PIPESTATUS[0]}" >&2'
    proc = subprocess.run(["bash", "-c", script, sys.executable, *args], capture_output=True,
                          text=True, timeout=60, env=subprocess_env())
    assert proc.stderr.strip() == "status=2", proc.stderr
