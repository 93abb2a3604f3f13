"""scripts/probe.py on a small corpus the tests write themselves."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "probe.py"
_ARTICLES = [
    {"id": "a1", "title": "وزير الخارجية يستقبل نظيره", "text": "استقبل وزير الخارجية القطري خالد العمري اليوم في الدوحة وزير الخارجية التركي سامي أوزتورك، وبحث معه العلاقات."},
    {"id": "a2", "title": "طقس", "text": "أمطار غزيرة على المرتفعات. وبحث مع الخبراء الأمر."},
    {"id": "a3", "title": "اقتصاد", "text": "ارتفعت أسعار النفط في الأسواق."},
]


@pytest.fixture(scope="module")
def probe():
    spec = importlib.util.spec_from_file_location("probe", _SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["probe"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as out:
        for article in _ARTICLES:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return tmp_path


def _run(probe, capsys, *args: str) -> list[str]:
    probe.main([*args])
    return capsys.readouterr().out.splitlines()


def test_phrase_matches_after_a_clitic_and_marks_the_hit(probe, corpus, capsys):
    lines = _run(probe, capsys, "--phrase", "بحث مع", "--corpora", str(corpus))
    assert lines[0] == "hits: 1 in 1 articles (of 3 scanned)"
    assert lines[1].startswith("a2\t") and "و⟦بحث مع⟧ الخبراء" in lines[1]


def test_cue_counts_every_form_and_article(probe, corpus, capsys):
    lines = _run(probe, capsys, "--cue", "meeting.receive", "--corpora", str(corpus))
    assert lines[0] == "hits: 2 in 1 articles (of 3 scanned)"
    assert lines[1].startswith("forms: ")


def test_regex_runs_on_the_matching_key_and_shows_the_original(probe, corpus, capsys):
    lines = _run(probe, capsys, "--regex", "اسعار", "--corpora", str(corpus))
    assert lines[0] == "hits: 1 in 1 articles (of 3 scanned)"
    assert "⟦أسعار⟧" in lines[1]


def test_sample_and_limit_bound_the_output(probe, corpus, capsys):
    lines = _run(probe, capsys, "--cue", "meeting", "--sample", "1", "--limit", "1", "--corpora", str(corpus))
    assert lines[0].endswith("(of 1 scanned)")
    assert len([line for line in lines if line.startswith("a")]) == 1


def test_summary_probe_finds_the_meeting(probe, corpus, capsys):
    lines = _run(probe, capsys, "--meeting", "yes", "--corpora", str(corpus))
    assert lines[0] == "hits: 1 in 1 articles (of 3 scanned)"
    assert lines[-1].startswith("a1\t")


def test_one_probe_is_required(probe, corpus):
    with pytest.raises(SystemExit):
        probe.main(["--phrase", "لقاء", "--regex", "لقاء", "--corpora", str(corpus)])
