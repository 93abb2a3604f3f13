"""Evidence on demand: quote and sentence for every field, and their rendering."""

from meetsum import summarize
from meetsum.explain import add_evidence_text
from meetsum.render import render_markdown, render_table

TEXT = (
    "الوزيران يبحثان التعاون\n\n"
    "استقبل وزير الخارجية القطري محمد بن عبدالرحمن آل ثاني في الدوحة اليوم وزير الخارجية التركي هاكان فيدان. "
    "وبحث الجانبان سبل تعزيز العلاقات الثنائية."
)


def explained():
    return add_evidence_text(summarize(TEXT, published="2025-03-04").to_dict(), TEXT)


def test_every_evidence_gets_its_quote_and_sentence():
    record = explained()
    for participant in record["participants"]:
        evidence = participant["evidence"]
        assert evidence["quote"] == TEXT[evidence["start"] : evidence["end"]]
        assert evidence["quote"] in evidence["context"]
        assert TEXT[evidence["context_start"] :].startswith(evidence["context"])
    assert record["venue"]["evidence"]["quote"] == "الدوحة"


def test_explained_markdown_bolds_the_span_in_its_sentence():
    markdown = render_markdown(explained())
    assert "## Evidence" in markdown
    assert "**الدوحة**" in markdown


def test_explained_table_brackets_the_span_without_colour():
    table = render_table(explained(), color=False, width=200)
    assert "Evidence" in table
    assert "⟦الدوحة⟧" in table


def test_no_evidence_section_without_explain():
    record = summarize(TEXT, published="2025-03-04").to_dict()
    assert "Evidence" not in render_markdown(record)
    assert "⟦" not in render_table(record, color=False, width=200)
