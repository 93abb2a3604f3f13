"""A text too long to be one story is summarized part by part, with evidence into the whole text."""

from pathlib import Path

import yaml

from meetsum import summarize
from meetsum.stories import STORY_MAX_CHARS, parts
from meetsum.text import split_sentences

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
INDEX = yaml.safe_load((EXAMPLES / "index.yaml").read_text(encoding="utf-8"))


def _joined_examples(minimum: int) -> tuple[str, list[str]]:
    """The examples joined by blank lines, over and over, until at least ``minimum`` chars."""
    texts = [(EXAMPLES / f"{name}.txt").read_text(encoding="utf-8").strip() for name in sorted(INDEX)]
    joined: list[str] = []
    while sum(len(t) + 2 for t in joined) < minimum:
        joined.extend(texts)
    return "\n\n".join(joined) + "\n", texts


def test_parts_cover_the_text_in_order_each_within_the_limit():
    text, _ = _joined_examples(3 * STORY_MAX_CHARS)
    found = list(parts(text))
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(found, found[1:]))
    assert all(0 < end - start <= STORY_MAX_CHARS for start, end in found)
    assert all(text[end - 2 : end] == "\n\n" for _, end in found[:-1])  # reports are kept whole


def test_a_text_without_line_breaks_is_cut_at_spaces_and_within_the_limit():
    text = "كلمة " * (STORY_MAX_CHARS // 2)
    found = list(parts(text))
    assert len(found) >= 2
    assert all(end - start <= STORY_MAX_CHARS and text[end - 1] == " " for start, end in found[:-1])
    assert list(parts("لا فواصل" * 10, limit=7))[-1][1] == len("لا فواصل" * 10)


def test_a_long_text_finds_each_reports_meetings_with_evidence_into_the_whole_text():
    text, texts = _joined_examples(2 * STORY_MAX_CHARS + 1)
    summary = summarize(text, published="2025-10-14")
    assert summary.meeting_detected
    assert summary.title == texts[0].split("\n")[0].strip()
    for start, end in parts(text):  # every part's meetings are found, in text order
        assert any(start <= meeting.evidence.start < end for meeting in summary.meetings)
    starts = [meeting.evidence.start for meeting in summary.meetings]
    assert starts == sorted(starts)
    sentences = split_sentences(text)
    for meeting in summary.meetings:
        for participant in meeting.participants:
            evidence = participant.evidence
            sentence = sentences[evidence.sentence]
            assert sentence.start <= evidence.start < evidence.end <= sentence.end
            if participant.name:
                words = {w for name in (participant.name, *participant.aliases) for w in name.split()}
                assert any(word in text[evidence.start : evidence.end] for word in words)
    names = [p.name for p in summary.participants if p.name]
    assert len(names) == len(set(names))  # each participant once, however many reports name them


def test_a_text_within_the_limit_is_one_story():
    from meetsum.assemble import assemble
    from meetsum.lexicon import default_lexicon
    from meetsum.recognize import recognize
    from meetsum.text import analyze

    text, _ = _joined_examples(1)
    text = (text * (STORY_MAX_CHARS // len(text) + 1))[:STORY_MAX_CHARS]
    lexicon = default_lexicon()
    assert len(text) == STORY_MAX_CHARS and summarize(text).meeting_detected
    assert summarize(text) == assemble(recognize(analyze(text), lexicon), lexicon, None)


def test_summarize_leaves_the_cycle_collector_as_it_found_it():
    import gc

    text, _ = _joined_examples(1)
    assert gc.isenabled()
    summarize(text)
    assert gc.isenabled()
    gc.disable()
    try:
        summarize(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
