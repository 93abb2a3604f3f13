"""Names learned from an archive (meetsum.learn, ``meetsum lexicon learn``), and their use.

The articles are written for these tests; the names in them are invented.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from meetsum import cli, summarize
from meetsum.learn import Thresholds, learn, learned, render, header_for
from meetsum.lexicon import LexiconError, load_lexicon

ARCHIVE = [
    "قال وزير الخارجية الزامبي زوبو كاتاني إن بلاده تدعم الحوار.",
    "وصل وزير الخارجية الزامبي زوبو كاتاني إلى العاصمة في زيارة رسمية.",
    "أكد السيد زوبو كاتاني أهمية التعاون بين البلدين.",
    "قال الوزير غوري لاتو إن الاجتماع مفيد.",  # once only: not enough evidence
]
UNTITLED = "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة زوبو كاتاني، وبحث معه العلاقات الثنائية.\n"


@pytest.fixture(scope="module")
def base():
    return load_lexicon(learned=False)


def _participants(record) -> list[str | None]:
    return [p["name"] for p in record["participants"]]


def test_a_name_seen_after_titles_is_learned_with_its_counts(base):
    result = learned(learn(ARCHIVE, base), base)
    entry = result["people"]["زوبو كاتاني"]
    assert entry["mentions"] == 3 and entry["articles"] == 3
    assert entry["titles"] == {"وزير الخارجية": 2}
    assert entry["of"] == {"ZM": 2}
    assert "غوري لاتو" not in result["people"]


def test_a_name_is_learned_whole_though_a_word_of_it_ends_names_elsewhere(base):
    # the learned name is what keeps the table from cutting it (سلال is an adjective there)
    assert base.lexical_classes == {} and load_lexicon().ends_name("سلال")
    archive = [
        "قال الوزير الأول الجزائري عبد المالك سلال إن الحكومة ماضية في الإصلاح.",
        "استقبل الوزير الأول الجزائري عبد المالك سلال اليوم وفدا من رجال الأعمال.",
        "أكد الوزير الأول عبد المالك سلال أهمية الاستثمار.",
    ]
    assert "عبد المالك سلال" in learned(learn(archive, base), base)["people"]


def test_thresholds_keep_rare_names_out(base):
    result = learned(learn(ARCHIVE, base), base, Thresholds(mentions=4))
    assert result["people"] == {}


def test_a_name_with_a_function_word_is_not_learned(base):
    archive = ["قال الوزير زوبو في إن الاجتماع مفيد."] * 4
    assert not any(" في" in name for name in learned(learn(archive, base), base)["people"])


def test_the_output_is_the_same_whatever_the_order_of_the_articles(base):
    header = header_for("test", len(ARCHIVE), Thresholds())
    forward = render(learned(learn(ARCHIVE, base), base), header)
    backward = render(learned(learn(ARCHIVE[::-1], base), base), header)
    assert forward == backward
    assert forward.startswith("# Generated")


def test_a_learned_lexicon_makes_a_name_without_title_a_participant(tmp_path, base):
    assert "زوبو كاتاني" not in _participants(summarize(UNTITLED, lexicon=base).to_dict())
    path = tmp_path / "mine.yaml"
    path.write_text(render(learned(learn(ARCHIVE, base), base), ["test"]), encoding="utf-8")
    mine = load_lexicon([path], learned=False)
    assert "زوبو كاتاني" in _participants(summarize(UNTITLED, lexicon=mine).to_dict())


@pytest.mark.parametrize("text, problem", [
    ('people:\n  "زوبو": {mentions: 3}\n', "two words"),
    ('people:\n  "زوبو كاتاني": {mentions: many}\n', "mentions"),
    ('name_words:\n  surnames: {}\n', "unknown section"),
])
def test_a_broken_learned_section_names_the_problem(tmp_path, text, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=problem):
        load_lexicon([path])


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["meetsum", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    for number, text in enumerate(ARCHIVE):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    return folder


def test_lexicon_learn_prints_a_user_lexicon_that_meetsum_reads(monkeypatch, capsys, archive, tmp_path):
    status, out, err = _main(monkeypatch, capsys, "lexicon", "learn", str(archive))
    assert status == 0 and err == ""
    assert "زوبو كاتاني" in yaml.safe_load(out)["people"]
    mine = tmp_path / "mine.yaml"
    mine.write_text(out, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(UNTITLED, encoding="utf-8")
    status, out, _ = _main(monkeypatch, capsys, "--lexicon", str(mine), "--format", "json", str(article))
    assert status == 0 and "زوبو كاتاني" in _participants(json.loads(out))


def test_lexicon_learn_reads_json_lines_and_reports_a_missing_input(monkeypatch, capsys, tmp_path):
    lines = tmp_path / "news.jsonl"
    lines.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(ARCHIVE)),
                     encoding="utf-8")
    status, out, err = _main(monkeypatch, capsys, "lexicon", "learn", "--jsonl", "text", str(lines), str(tmp_path / "none"))
    assert status == 2 and "none" in err
    assert "زوبو كاتاني" in yaml.safe_load(out)["people"]


def test_lexicon_without_a_command_shows_usage(monkeypatch, capsys):
    status, _, err = _main(monkeypatch, capsys, "lexicon")
    assert status == 2 and "Missing command" in err


def test_a_file_argument_still_summarizes(monkeypatch, capsys, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية الفرنسي جان نويل بارو.",
                       encoding="utf-8")
    status, out, _ = _main(monkeypatch, capsys, "--format", "json", str(article))
    assert status == 0 and json.loads(out)["meeting_detected"]


def test_help_mentions_the_lexicon_command(monkeypatch, capsys):
    status, out, _ = _main(monkeypatch, capsys, "--help")
    assert status == 0 and "meetsum lexicon learn" in out


def test_the_built_in_learned_file_says_what_made_it_and_carries_counts():
    from importlib import resources

    text = resources.files("meetsum").joinpath("data", "learned", "people.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Generated") and "scripts/learn_names.py" in text.splitlines()[1]
    data = yaml.safe_load(text)
    for name, entry in data["people"].items():
        assert len(name.split()) >= 2 and entry["mentions"] >= 1 and entry["articles"] >= 1, name
    for word, entry in data["name_words"]["given"].items():
        assert " " not in word and entry["names"] >= 1, word


def test_a_recurring_name_word_starts_a_name_after_a_bare_title(tmp_path, base):
    text = "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة الوزير زوكو تاتا، وبحث معه العلاقات.\n"
    path = tmp_path / "words.yaml"
    path.write_text('name_words:\n  recurring:\n    "زوكو": {names: 2, in_names: 9, seen: 10, of: {"ZM": 2}}\n',
                    encoding="utf-8")
    names = [" ".join(str(n).split()[:2]) for n in _participants(summarize(text, lexicon=base).to_dict())]
    assert "زوكو تاتا" not in names
    mine = load_lexicon([path], learned=False)
    assert "زوكو تاتا" in _participants(summarize(text, lexicon=mine).to_dict())
