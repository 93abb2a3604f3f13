"""``meetsum --format csv``: one row per participant per meeting, read back with the csv module.

The articles below were written for these tests; the events and wording are invented.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meetsum.cli import app
from meetsum.render import CSV_COLUMNS, render_csv

TWO_GUESTS = (
    "عبدالله بن زايد يستقبل ضيفين في أبوظبي\n\n"
    "أبوظبي في 20 نوفمبر/ وام/ استقبل سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية، "
    "في أبوظبي اليوم، معالي سوجيونو وزير خارجية جمهورية إندونيسيا، وبحث الجانبان التعاون الاقتصادي.\n\n"
    "من جهة أخرى، استقبل سمو الشيخ عبدالله بن زايد آل نهيان، في لقاء منفصل، هانس غروندبرغ "
    "المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن.\n"
)
WEATHER = "توقعت هيئة الأرصاد الجوية طقسا حارا نهارا ومعتدلا ليلا على أغلب المناطق خلال الأيام المقبلة.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_participant_per_meeting(runner, tmp_path):
    article = tmp_path / "guests.txt"
    article.write_text(TWO_GUESTS, encoding="utf-8")
    result = runner.invoke(app, ["--format", "csv", "--published", "2025-11-20", str(article)])
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert [(row["meeting"], row["name"]) for row in rows] == [
        ("1", "عبدالله بن زايد آل نهيان"), ("1", "سوجيونو"),
        ("2", "عبدالله بن زايد آل نهيان"), ("2", "هانس غروندبرغ"),
    ]
    first = rows[0]
    assert first["article"] == str(article)
    assert first["title"] == "عبدالله بن زايد يستقبل ضيفين في أبوظبي"
    assert (first["published"], first["status"], first["kind"], first["date"]) == (
        "2025-11-20", "held", "in_person", "2025-11-20")
    assert (first["city"], first["country"]) == ("أبوظبي", "الإمارات")
    assert rows[3]["affiliation"] == "الأمم المتحدة"


def test_the_header_comes_once_and_an_article_without_a_meeting_adds_no_row(runner, tmp_path):
    (tmp_path / "a.txt").write_text(TWO_GUESTS, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WEATHER, encoding="utf-8")
    result = runner.invoke(app, ["--format", "csv", str(tmp_path / "b.txt"), str(tmp_path / "a.txt")])
    assert result.stdout.count("article,title,published") == 1
    assert {row["article"] for row in _rows(result.stdout)} == {str(tmp_path / "a.txt")}
    alone = runner.invoke(app, ["--format", "csv", str(tmp_path / "b.txt")])
    assert alone.exit_code == 1
    assert alone.stdout.splitlines() == [",".join(CSV_COLUMNS)]


def test_arabic_commas_quotes_and_line_breaks_stay_inside_their_cell():
    record = {
        "meeting_detected": True, "id": "x-1", "title": "لقاء، ثم \"لقاء\"\nثان", "meetings": [{
            "status": "held", "kind": "in_person", "date": None, "venue": None,
            "participants": [{"name": "أحمد, محمد", "role": "وزير الخارجية، والتعاون", "affiliation": "مصر"}],
        }],
    }
    rows = list(csv.DictReader(io.StringIO(render_csv(record)), fieldnames=CSV_COLUMNS))  # rows only, no header
    assert len(rows) == 1
    assert rows[0]["title"] == "لقاء، ثم \"لقاء\"\nثان"
    assert rows[0]["name"] == "أحمد, محمد"
    assert rows[0]["role"] == "وزير الخارجية، والتعاون"
    assert rows[0]["city"] == ""


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    record = {"meeting_detected": True, "meetings": [{"participants": [{"name": "=HYPERLINK(1)"}]}]}
    row = next(csv.DictReader(io.StringIO(render_csv(record)), fieldnames=CSV_COLUMNS))
    assert row["name"] == "'=HYPERLINK(1)"


def test_english_adds_the_en_columns(runner, tmp_path):
    article = tmp_path / "guests.txt"
    article.write_text(TWO_GUESTS, encoding="utf-8")
    result = runner.invoke(app, ["--format", "csv", "--lang", "en", "--published", "2025-11-20", str(article)])
    rows = _rows(result.stdout)
    assert list(rows[0])[-6:] == ["city_en", "country_en", "place_en", "name_en", "role_en", "affiliation_en"]
    assert rows[0]["country_en"] == "United Arab Emirates"
    assert rows[3]["name_en"] and rows[3]["affiliation_en"] == "United Nations"


def test_the_byte_order_mark_is_written_for_a_file_and_on_request_only(runner, tmp_path):
    article = tmp_path / "guests.txt"
    article.write_text(TWO_GUESTS, encoding="utf-8")
    assert not runner.invoke(app, ["--format", "csv", str(article)]).stdout.startswith("\ufeff")
    assert runner.invoke(app, ["--format", "csv", "--bom", str(article)]).stdout.startswith("\ufeff")
    target = tmp_path / "out.csv"
    command = [sys.executable, "-m", "meetsum", "--format", "csv", str(article)]
    with target.open("wb") as out:  # redirected to a file: a spreadsheet will open it
        subprocess.run(command, stdout=out, check=False)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open("wb") as out:
        subprocess.run([*command, "--no-bom"], stdout=out, check=False)
    assert not target.read_bytes().startswith(b"\xef\xbb\xbf")
    piped = subprocess.run(command, capture_output=True, check=False)
    assert not piped.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(Path(target).read_text(encoding="utf-8-sig"))))
    assert rows and "article" in rows[0]
