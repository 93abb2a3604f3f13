"""Tests for meetsum.inputs: encodings, HTML, directories, stdin, JSON Lines, errors."""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import io
import json
import os
import random
from pathlib import Path

import pytest

from meetsum import inputs
from meetsum.inputs import Document, InputError, decode, iter_documents

# Sentences written for these tests (not taken from any article).
MEETING = "التقى وزير الخارجية نظيره الأردني في عمّان يوم الأحد، وبحثا التعاون الاقتصادي."
TALKS = "استقبل الرئيس وفداً برلمانياً في القاهرة لبحث ملف المياه؟"
# Only letters that ISO-8859-6 can encode (no shadda, no tanween).
PLAIN = (
    "اجتمع رئيس الوزراء مع سفير اليابان في بغداد لمناقشة مشاريع الطاقة؛ وقال إن اللقاء كان مثمرا."
)

# Letters whose ISO-8859-6 bytes are also Arabic in Windows-1256, except ط (0xD7),
# which Windows-1256 reads as the multiplication sign: both code pages give Arabic-looking text.
AMBIGUOUS_8859 = "ضبط الشرطة لصا سلب ذخائر"
# Windows-1256 text valid in ISO-8859-6 too, where ى (0xEC) becomes a diacritic.
AMBIGUOUS_1256 = "سلمى ولبنى لدى المدرسة"
# Windows-1256 text whose bytes read as as many Arabic letters in ISO-8859-6: a tie,
# which goes to Windows-1256 (by far the more common of the two).
TIE_1256 = "سلام الشعب والوطن"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def random_bytes(n: int, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


def collect(paths: list[str], **kwargs: object) -> list[Document | InputError]:
    return list(iter_documents(paths, **kwargs))  # type: ignore[arg-type]


def summary(items: list[Document | InputError]) -> list[tuple[str, str, str]]:
    """(kind, source, text-or-message) triples, easy to compare in order."""
    return [
        ("err", i.source, i.message) if isinstance(i, InputError) else ("doc", i.source, i.text)
        for i in items
    ]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# --------------------------------------------------------------------------- decoding

DECODE_OK = [
    ("utf-8", MEETING.encode("utf-8"), MEETING),
    ("utf-8 BOM", codecs.BOM_UTF8 + MEETING.encode("utf-8"), MEETING),
    ("utf-16 LE BOM", codecs.BOM_UTF16_LE + TALKS.encode("utf-16-le"), TALKS),
    ("utf-16 BE BOM", codecs.BOM_UTF16_BE + TALKS.encode("utf-16-be"), TALKS),
    ("windows-1256", MEETING.encode("cp1256"), MEETING),
    ("windows-1256 plain letters", PLAIN.encode("cp1256"), PLAIN),
    ("iso-8859-6", PLAIN.encode("iso8859_6"), PLAIN),
    ("iso-8859-6 vs 1256 by letters", AMBIGUOUS_8859.encode("iso8859_6"), AMBIGUOUS_8859),
    ("1256 vs iso-8859-6 by letters", AMBIGUOUS_1256.encode("cp1256"), AMBIGUOUS_1256),
    ("1256 vs iso-8859-6 tie", TIE_1256.encode("cp1256"), TIE_1256),
    ("windows-1256 with English", ("وقال المتحدث باسم CNN إن " + MEETING).encode("cp1256"),
     "وقال المتحدث باسم CNN إن " + MEETING),
    ("ascii", b"The ministers met in Rabat.", "The ministers met in Rabat."),
    ("empty", b"", ""),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in DECODE_OK],
                         ids=[c[0] for c in DECODE_OK])
def test_decode_ok(data: bytes, expected: str) -> None:
    assert decode(data, "src") == expected


@pytest.mark.parametrize(("text", "encoding", "other"), [
    (PLAIN, "iso8859_6", "cp1256"),
    (AMBIGUOUS_8859, "iso8859_6", "cp1256"),
    (AMBIGUOUS_1256, "cp1256", "iso8859_6"),
    (TIE_1256, "cp1256", "iso8859_6"),
])
def test_legacy_pages_are_told_apart(text: str, encoding: str, other: str) -> None:
    """The bytes decode strictly in the other code page too, into different text."""
    data = text.encode(encoding)
    assert data.decode(other) != text  # the trap exists
    assert decode(data, "src") == text


DECODE_ERRORS = [
    ("png", PNG_HEADER + random_bytes(2000), "binary file"),
    ("zip", b"PK\x03\x04" + random_bytes(500), "binary file"),
    ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file"),
    ("random bytes", random_bytes(4000, seed=3).replace(b"\x00", b"\x01"), "binary file"),
    ("nul heavy", (MEETING * 10).encode("utf-8") + b"\x00" * 50, "binary file (NUL bytes)"),
    ("controls in utf-8", b"\x01\x02\x03\x04abc" * 10, "binary file"),
    ("latin-1 french", "Le ministre a rencontré son homologue à Tunis.".encode("latin-1"),
     "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"),
    ("symbol soup windows-1256", ("سلام " + "±§©®°¶" * 5).encode("cp1256") * 20,
     "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"),
    ("mostly english windows-1256",
     "The minister met his counterpart in Cairo (القاهرة) on Tuesday.".encode("cp1256"),
     "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"),
    ("windows-1251 russian", "Министр встретился с коллегой в Каире.".encode("cp1251"),
     "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"),
    ("truncated utf-16", codecs.BOM_UTF16_LE + TALKS.encode("utf-16-le")[:-1],
     "cannot decode: invalid UTF-16 LE"),
    ("bad utf-8 after BOM", codecs.BOM_UTF8 + b"ok \xff", "cannot decode: invalid UTF-8 at byte 6"),
    ("utf-32", codecs.BOM_UTF32_LE + TALKS.encode("utf-32-le"), "UTF-32 is not supported"),
]


@pytest.mark.parametrize(("data", "fragment"), [c[1:] for c in DECODE_ERRORS],
                         ids=[c[0] for c in DECODE_ERRORS])
def test_decode_errors(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "report.txt")
    assert caught.value.source == "report.txt"
    assert fragment in caught.value.message
    assert str(caught.value) == f"report.txt: {caught.value.message}"


def test_input_error_attributes() -> None:
    error = InputError("a/b.txt", "no such file")
    assert (error.source, error.message, str(error)) == ("a/b.txt", "no such file",
                                                         "a/b.txt: no such file")
    assert isinstance(error, Exception)


def test_document_is_frozen() -> None:
    doc = Document("x", "نص")
    assert (doc.id, doc.published) == (None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "آخر"  # type: ignore[misc]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in DECODE_OK],
                         ids=[c[0] for c in DECODE_OK])
def test_file_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    path = write(tmp_path, "article.txt", data)
    assert collect([path]) == [Document(path, expected)]


CLEANING = [
    ("nul bytes in utf-8", ("\n".join([MEETING] * 20)).encode() + b"\x00\x00",
     "\n".join([MEETING] * 20)),
    ("nul inside a word", (MEETING * 10).encode().replace("وزير".encode(), "وز\0ير".encode()),
     MEETING * 10),
    ("crlf", f"{MEETING}\r\n{TALKS}\r\n".encode(), f"{MEETING}\n{TALKS}\n"),
    ("lone cr", f"{MEETING}\r{TALKS}".encode(), f"{MEETING}\n{TALKS}"),
    ("whitespace only", b" \t\r\n  \n", " \t\n  \n"),
    ("empty", b"", ""),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in CLEANING],
                         ids=[c[0] for c in CLEANING])
def test_file_cleaning(tmp_path: Path, data: bytes, expected: str) -> None:
    path = write(tmp_path, "a.txt", data)
    assert summary(collect([path])) == [("doc", path, expected)]


def test_binary_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "photo.txt", PNG_HEADER + random_bytes(4096))
    [item] = collect([path])
    assert isinstance(item, InputError)
    assert (item.source, item.message) == (path, "binary file (PNG image)")


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.txt")
    assert summary(collect([path])) == [("err", path, "no such file")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", MEETING.encode())
    os.chmod(path, 0)
    try:
        assert summary(collect([path])) == [("err", path, "permission denied")]
    finally:
        os.chmod(path, 0o600)


@pytest.mark.parametrize("jsonl_field", [None, "text"])
def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     jsonl_field: str | None) -> None:
    """Runs even as root: the module's open() raises as it would without read access."""
    path = write(tmp_path, "secret.txt", MEETING.encode())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(inputs, "open", refuse, raising=False)
    assert summary(collect([path], jsonl_field=jsonl_field)) == [
        ("err", path, "permission denied")]


def special_files(tmp_path: Path) -> list[str]:
    """Files that are neither regular files, FIFOs nor character devices: a UNIX socket."""
    import socket

    if not hasattr(socket, "AF_UNIX"):
        return []
    path = str(tmp_path / "sock")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.close()
    return [path]


@pytest.mark.parametrize("jsonl_field", [None, "text"])
def test_special_files_are_refused(tmp_path: Path, jsonl_field: str | None) -> None:
    paths = special_files(tmp_path)
    if not paths:
        pytest.skip("no UNIX sockets here")
    assert summary(collect(paths, jsonl_field=jsonl_field)) == [
        ("err", p, "is not a regular file") for p in paths]


def _fifo_fed_with(tmp_path: Path, data: bytes) -> tuple[str, "threading.Thread"]:
    """A FIFO and the thread that writes ``data`` into it once a reader opens it."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as writer:
            writer.write(data)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return str(fifo), thread


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("jsonl_field", [None, "text"])
def test_a_fifo_named_as_an_input_is_read(tmp_path: Path, jsonl_field: str | None) -> None:
    data = (json.dumps({"text": MEETING}) + "\n").encode() if jsonl_field else MEETING.encode()
    fifo, thread = _fifo_fed_with(tmp_path, data)
    source = fifo + ":1" if jsonl_field else fifo
    assert summary(collect([fifo], jsonl_field=jsonl_field)) == [("doc", source, MEETING)]
    thread.join(10)


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null here")
def test_a_character_device_named_as_an_input_is_read() -> None:
    assert summary(collect(["/dev/null"])) == [("doc", "/dev/null", "")]
    assert summary(collect(["/dev/null"], jsonl_field="text")) == []


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_an_endless_device_is_read_no_further_than_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 1 << 20)
    assert summary(collect(["/dev/zero"])) == [("err", "/dev/zero", "too large (over 1 MB)")]


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert summary(collect([str(link)])) == [
        ("err", str(link), "no such file (broken symbolic link)")]


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 64)
    big = write(tmp_path, "big.txt", "ب".encode() * 33)  # 66 bytes
    fits = write(tmp_path, "fits.txt", "ب".encode() * 32)  # 64 bytes
    assert summary(collect([big, fits])) == [
        ("err", big, "too large (over 64 bytes)"), ("doc", fits, "ب" * 32)]


def test_too_large_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size is checked before reading, so a huge file costs nothing."""
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 8)
    path = write(tmp_path, "big.txt", b"x" * 9)

    def must_not_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("file opened")

    monkeypatch.setattr(inputs, "open", must_not_open, raising=False)
    assert summary(collect([path])) == [("err", path, "too large (over 8 bytes)")]


def test_too_large_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 10)
    assert summary(collect(["-"], stdin=io.BytesIO(b"x" * 11))) == [
        ("err", "-", "too large (over 10 bytes)")]


def test_default_limit_is_50_mb() -> None:
    assert inputs.MAX_FILE_BYTES == 50 * 1024 * 1024
    assert "50 MB" in inputs._too_large("f").message


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  <meta charset="utf-8">
  نص شارد في الرأس
  <title>لقاء &amp; مباحثات</title>
  <style>body { color: red; }</style>
  <script>var secret = "<p>مخفي</p>";</script>
</head>
<body>
  <h1>عنوان   الخبر</h1>
  <p>التقى الوزير&nbsp;نظيره &quot;الفرنسي&quot; &#1601;ي باريس.<br>وتناول اللقاء الملف النووي.</p>
  <script type="text/javascript">document.write("إعلان");</script>
  <noscript>فعّل جافاسكربت</noscript>
  <div>نص <b>عريض</b> داخل <i>الفقرة</i></div>
  <!-- تعليق لا يظهر -->
  <ul><li>أولاً</li><li>ثانياً</li></ul>
</body>
</html>
"""

PAGE_TEXT = "\n".join([
    "لقاء & مباحثات",
    "عنوان الخبر",
    'التقى الوزير نظيره "الفرنسي" في باريس.',
    "وتناول اللقاء الملف النووي.",
    "نص عريض داخل الفقرة",
    "أولاً",
    "ثانياً",
])


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_html_page(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "page.html", PAGE.encode(encoding).replace(b"\n", b"\r\n"))
    assert summary(collect([path])) == [("doc", path, PAGE_TEXT)]


HTML_DETECTION = [
    ("doctype upper", "  \n<!DOCTYPE HTML><p>أ</p><p>ب</p>", "أ\nب"),
    ("html tag", "<html><title>ع</title><p>أ &lt; ب</p></html>", "ع\nأ < ب"),
    ("body only", "قبل <BODY class=x><div>أ</div></body>", "قبل\nأ"),
    ("second title", "<html><title>أ</title><body><svg><title>رمز</title></svg><p>ب</p>",
     "أ\nرمز\nب"),
    ("head never closed", "<html><head><title>ع</title><body><p>أ</p></body>", "ع\nأ"),
    ("word markers", "<html><p><![if !supportLists]>1.<![endif]>بند</p>", "1.بند"),
    ("not html", "الخبر: <b>مهم</b> &amp; عاجل", "الخبر: <b>مهم</b> &amp; عاجل"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in HTML_DETECTION],
                         ids=[c[0] for c in HTML_DETECTION])
def test_html_detection(text: str, expected: str) -> None:
    [doc] = collect(["-"], stdin=io.BytesIO(text.encode()))
    assert doc == Document("-", expected)


def test_html_fallback_when_parser_asserts(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object, data: str) -> None:
        raise AssertionError("unknown status keyword")

    monkeypatch.setattr(inputs._TextExtractor, "feed", explode)
    page = "<html><head><style>x{}</style></head><body><p>أ &amp; ب</p>\n<p>ج</p></body>"
    assert collect(["-"], stdin=io.BytesIO(page.encode())) == [Document("-", "أ & ب\nج")]


# --------------------------------------------------------------------------- directories


def test_directory_walk_sorted_recursive(tmp_path: Path) -> None:
    root = tmp_path / "reports"
    layout = {
        "b.txt": "ب",
        "a.txt": "أ",
        "sub/z.txt": "ز",
        "sub/deeper/c.txt": "ج",
        "sub/.draft.txt": "مسودة",
        ".hidden/x.txt": "مخفي",
        "zz.txt": "ظ",
    }
    for name, text in layout.items():
        write(root, name, text.encode())
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "sub" / "pipe")  # not a regular file: skipped in a walk
    expected = [("a.txt", "أ"), ("b.txt", "ب"), ("sub/deeper/c.txt", "ج"),
                ("sub/z.txt", "ز"), ("zz.txt", "ظ")]
    assert summary(collect([str(root)])) == [
        ("doc", os.path.join(str(root), name), text) for name, text in expected]


def test_directory_with_bad_file_keeps_going(tmp_path: Path) -> None:
    root = tmp_path / "d"
    write(root, "1.txt", MEETING.encode())
    write(root, "2.bin", PNG_HEADER + random_bytes(100))
    write(root, "3.txt", TALKS.encode())
    assert [kind for kind, _, _ in summary(collect([str(root)]))] == ["doc", "err", "doc"]


# --------------------------------------------------------------------------- stdin


def test_stdin_bytes() -> None:
    data = codecs.BOM_UTF16_LE + f"{MEETING}\r\n".encode("utf-16-le")
    assert collect(["-"], stdin=io.BytesIO(data)) == [Document("-", f"{MEETING}\n")]


def test_stdin_legacy_encoding() -> None:
    assert collect(["-"], stdin=io.BytesIO(PLAIN.encode("iso8859_6"))) == [Document("-", PLAIN)]


def test_stdin_given_twice() -> None:
    items = summary(collect(["-", "-"], stdin=io.BytesIO(MEETING.encode())))
    assert items == [("doc", "-", MEETING), ("err", "-", "standard input given more than once")]


# --------------------------------------------------------------------------- JSON Lines

GOOD_BEFORE = {"id": "r1", "body": MEETING, "published": "2024-03-05T09:30:00+03:00"}
GOOD_AFTER = {"id": 7, "body": TALKS, "date": "Tue, 05 Mar 2024 10:00:00 +0000"}

BAD_LINES = [
    ("invalid json", b'{"id": "x", "body": "\xd9\x86\xd8\xb5",', "invalid JSON: "),
    ("not an object", b'["body", "text"]', "not a JSON object"),
    ("missing field", b'{"id": "x", "text": "wrong field"}', "missing field 'body'"),
    ("non-string field", b'{"id": "x", "body": 42}', "field 'body' is not a string"),
    ("invalid utf-8", b'{"body": "\xff\xfe"}', "invalid UTF-8"),
]


def jsonl_bytes(bad_line: bytes) -> bytes:
    lines = [json.dumps(GOOD_BEFORE, ensure_ascii=False).encode(), b"", bad_line,
             json.dumps(GOOD_AFTER).encode()]
    return b"\n".join(lines) + b"\n"


def expected_records(source: str, fragment: str) -> list[tuple[object, ...]]:
    return [
        ("doc", f"{source}:1", MEETING, "r1", "2024-03-05"),
        ("err", f"{source}:3", fragment),
        ("doc", f"{source}:4", TALKS, "7", "2024-03-05"),
    ]


def record_summary(items: list[Document | InputError], fragment: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for i in items:
        if isinstance(i, InputError):
            out.append(("err", i.source, fragment if i.message.startswith(fragment) else i.message))
        else:
            out.append(("doc", i.source, i.text, i.id, i.published))
    return out


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize(("bad_line", "fragment"), [c[1:] for c in BAD_LINES],
                         ids=[c[0] for c in BAD_LINES])
def test_jsonl_bad_line_in_middle(tmp_path: Path, compress: bool, bad_line: bytes,
                                  fragment: str) -> None:
    data = jsonl_bytes(bad_line)
    name = "news.jsonl.gz" if compress else "news.jsonl"
    path = write(tmp_path, name, gzip.compress(data) if compress else data)
    items = collect([path], jsonl_field="body")
    assert record_summary(items, fragment) == expected_records(path, fragment)


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_jsonl_stdin(compress: bool) -> None:
    data = jsonl_bytes(b"not json")
    stream = io.BufferedReader(io.BytesIO(gzip.compress(data) if compress else data))
    items = collect(["-"], jsonl_field="body", stdin=stream)
    assert record_summary(items, "invalid JSON: ") == expected_records("-", "invalid JSON: ")


def test_jsonl_streams_line_by_line() -> None:
    """The first record comes out before the rest of the input is read."""
    line = json.dumps({"body": MEETING}, ensure_ascii=False).encode() + b"\n"
    stream = io.BytesIO(line * 1000)
    items = iter_documents(["-"], jsonl_field="body", stdin=stream)
    assert next(items) == Document("-:1", MEETING)
    assert stream.tell() == len(line)
    assert sum(1 for _ in items) == 999


def test_jsonl_line_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_FILE_BYTES", 100)
    long_line = json.dumps({"body": "ط" * 200}).encode()
    short = json.dumps({"body": "قصير"}).encode()
    path = write(tmp_path, "n.jsonl", b"\n".join([short, long_line, short]))
    assert summary(collect([path], jsonl_field="body")) == [
        ("doc", f"{path}:1", "قصير"),
        ("err", f"{path}:2", "line too large (over 100 bytes)"),
        ("doc", f"{path}:3", "قصير"),
    ]


@pytest.mark.parametrize(("body", "expected"), [
    ("<html><title>ع</title><p>أ\r\nب\u0000</p>", "ع\nأ ب"),
    ("\ufeffسطر\r\nسطر", "سطر\nسطر"),
    ("نص \ud800 مكسور", "نص \ufffd مكسور"),  # lone surrogate from a \\u escape
])
def test_jsonl_record_text_is_cleaned(body: str, expected: str) -> None:
    line = json.dumps({"id": None, "body": body, "time": 1709632800}).encode()
    assert collect(["-"], jsonl_field="body", stdin=io.BytesIO(line)) == [
        Document("-:1", expected, None, None)]


def test_corrupt_gzip_then_next_path(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.jsonl.gz", gzip.compress(jsonl_bytes(b"{}"))[:40])
    good = write(tmp_path, "good.jsonl", json.dumps({"body": MEETING}).encode())
    items = collect([broken, good], jsonl_field="body")
    assert isinstance(items[-2], InputError) and items[-2].source == broken
    assert items[-2].message.startswith("corrupt gzip data")
    assert items[-1] == Document(f"{good}:1", MEETING)


PUBLISHED = [
    ({"published": "2024-03-05"}, "2024-03-05"),
    ({"published": " 2024-03-05T23:59:59-05:00"}, "2024-03-05"),
    ({"date": "Sun, 03 Mar 2024 22:15:00 +0300"}, "2024-03-03"),
    ({"time": "2023-12-31 08:00"}, "2023-12-31"),
    ({"published": "امس", "date": "2024-01-02"}, "2024-01-02"),
    ({"published": "2024-02-30"}, None),
    ({"published": "20240305"}, None),
    ({"published": "2024-03-051"}, None),
    ({"date": "5 مارس 2024"}, None),
    ({"time": 1709632800}, None),
    ({}, None),
]


@pytest.mark.parametrize(("fields", "expected"), PUBLISHED)
def test_published(fields: dict[str, object], expected: str | None) -> None:
    line = json.dumps({"body": MEETING, **fields}).encode()
    [doc] = collect(["-"], jsonl_field="body", stdin=io.BytesIO(line))
    assert isinstance(doc, Document) and doc.published == expected


@pytest.mark.parametrize(("record_id", "expected"), [("a-1", "a-1"), (12, "12"), (None, None),
                                                     (True, "true")])
def test_jsonl_ids(record_id: object, expected: str | None) -> None:
    line = json.dumps({"id": record_id, "body": MEETING}).encode()
    [doc] = collect(["-"], jsonl_field="body", stdin=io.BytesIO(line))
    assert isinstance(doc, Document) and doc.id == expected


# --------------------------------------------------------------------------- batches


def test_errors_never_stop_the_batch(tmp_path: Path) -> None:
    first = write(tmp_path, "1.txt", MEETING.encode("cp1256"))
    binary = write(tmp_path, "2.png", PNG_HEADER + random_bytes(300))
    last = write(tmp_path, "4.txt", TALKS.encode())
    folder = tmp_path / "folder"
    write(folder, "inner.txt", PLAIN.encode("iso8859_6"))
    missing = str(tmp_path / "3.txt")
    special_files_seen = special_files(tmp_path)
    paths = [missing, first, binary, *special_files_seen, "-", str(folder), last]
    items = summary(collect(paths, stdin=io.BytesIO(b"\xff\xfe\x00")))
    assert items[0] == ("err", missing, "no such file")
    assert items[1] == ("doc", first, MEETING)
    assert items[2][:2] == ("err", binary)
    assert items[3:-3] == [("err", p, "is not a regular file") for p in special_files_seen]
    assert items[-3][:2] == ("err", "-")  # truncated UTF-16 on stdin
    assert items[-2:] == [("doc", os.path.join(str(folder), "inner.txt"), PLAIN),
                          ("doc", last, TALKS)]
