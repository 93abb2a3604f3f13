"""--lang en, --explain and --lexicon from the command line, on the team's own articles."""

import json

import pytest
from typer.testing import CliRunner

from meetsum.cli import app

DOHA = (
    "حماس تلتقي بوغدانوف وفيدان في الدوحة\n\n"
    "التقى وفد من حركة حماس في العاصمة القطرية الدوحة اليوم كلا من نائب وزير الخارجية الروسي "
    "ميخائيل بوغدانوف ووزير الخارجية التركي هاكان فيدان، وبحث معهما سبل التوصل إلى وقف دائم لإطلاق النار.\n"
)
JUBEIR = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم الجبير، وبحث معه العلاقات الثنائية.\n"


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click 8.2 keeps stderr apart already
        return CliRunner()


def run_json(runner, *args, stdin):
    result = runner.invoke(app, ["-f", "json", *args, "-"], input=stdin.encode("utf-8"))
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_english_view_names_the_parties_and_the_place(runner):
    record = run_json(runner, "--lang", "en", "--published", "2024-12-07", stdin=DOHA)
    people = {p["name_en"]: p for p in record["participants"]}
    assert people["Mikhail Bogdanov"]["affiliation_en"] == "Russia"
    assert "Deputy" in people["Mikhail Bogdanov"]["role_en"]
    assert people["Hakan Fidan"]["role_en"] == "Foreign Minister"
    assert people["Hakan Fidan"]["affiliation_en"] in ("Turkey", "Türkiye")
    assert any(p["affiliation_en"] == "Hamas" for p in record["participants"])
    assert (record["venue"]["city_en"], record["venue"]["country_en"]) == ("Doha", "Qatar")
    assert record["participants"][0]["name"] is None or record["participants"][0]["name_en"]  # Arabic kept


def test_english_table_shows_english_values(runner):
    result = runner.invoke(app, ["-f", "table", "--lang", "en", "--published", "2024-12-07", "-"], input=DOHA.encode())
    assert "Hakan Fidan" in result.stdout and "Doha, Qatar" in result.stdout


@pytest.mark.parametrize(("published", "role"), [("2018-03-01", "Foreign Minister"), ("2024-03-01", "Minister of State")])
def test_office_holders_roles_follow_the_publication_date(runner, published, role):
    record = run_json(runner, "--lang", "en", "--published", published, stdin=JUBEIR)
    jubeir = next(p for p in record["participants"] if p["name"] == "الجبير")
    assert jubeir["name_en"] == "Adel al-Jubeir"
    assert jubeir["role_en"].startswith(role)


def test_explain_adds_quote_and_sentence_to_every_evidence(runner):
    record = run_json(runner, "--explain", "--published", "2024-12-07", stdin=DOHA)
    for participant in record["participants"]:
        evidence = participant["evidence"]
        assert evidence["quote"] and evidence["quote"] in evidence["context"]
    assert record["venue"]["evidence"]["quote"] == "الدوحة"


def test_explain_table_highlights_the_span(runner):
    result = runner.invoke(app, ["-f", "table", "--explain", "--published", "2024-12-07", "-"], input=DOHA.encode())
    assert "Evidence" in result.stdout and "⟦الدوحة⟧" in result.stdout


USER_LEXICON = """\
organizations:
  "acme-union":
    en: Acme Union
    ar: اتحاد أكمي
    kind: regional
"""
ACME = "استقبل الرئيس التونسي قيس سعيد اليوم الأمين العام لاتحاد أكمي جمال الدين في قرطاج.\n"


def test_a_user_lexicon_teaches_a_new_organization(runner, tmp_path):
    without = run_json(runner, stdin=ACME)
    assert not any(p["affiliation"] == "اتحاد أكمي" for p in without["participants"])
    path = tmp_path / "mine.yaml"
    path.write_text(USER_LEXICON, encoding="utf-8")
    record = run_json(runner, "--lexicon", str(path), stdin=ACME)
    assert any(p["affiliation"] == "اتحاد أكمي" for p in record["participants"])


def test_a_broken_user_lexicon_is_a_usage_error_naming_file_entry_and_problem(runner, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(USER_LEXICON.replace("kind: regional", "kind: club"), encoding="utf-8")
    result = runner.invoke(app, ["--lexicon", str(path), "-"], input=ACME.encode())
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "acme-union.kind" in result.stderr and "'club'" in result.stderr
    assert result.stdout == ""
