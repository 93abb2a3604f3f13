"""Robust reading of input articles: files, directories, stdin and JSON Lines.

Every problem with one input is *yielded* as an :class:`InputError` so a batch
never stops on a bad file.  Standard library only; the supported encodings are
UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 and ISO-8859-6.
"""

from __future__ import annotations

import codecs
import datetime
import email.utils
import gzip
import html
import json
import os
import re
import stat
import sys
import unicodedata
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import BinaryIO

__all__ = ["MAX_FILE_BYTES", "Document", "InputError", "decode", "iter_documents"]

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest article file (or JSON Lines line) accepted, in bytes."""

_CANNOT_DECODE = "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6"
_BOMS = (
    (codecs.BOM_UTF32_LE, None),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, None),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 8192
_SAMPLE_CHARS = 1 << 16  # the text heuristics look at this much (visible) text
_LEGACY = ("cp1256", "iso8859_6")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 minus \t\n\v\f\r
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ARABIC_LETTER = re.compile(r"[^\W\d_\u0600-\u06ff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_HTML_START = ("<!doctype html", "<html")
_HTML_BODY = re.compile(r"<body[\s>/]", re.IGNORECASE)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DATE_FIELDS = ("published", "date", "time")


@dataclass(frozen=True)
class Document:
    """One article: ``source`` is the path, ``-`` (stdin) or ``path:LINE`` (JSON Lines)."""

    source: str
    text: str
    id: str | None = None
    published: str | None = None


class InputError(Exception):
    """A problem with one input; ``str()`` is ``"{source}: {message}"``."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(source, message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


# --------------------------------------------------------------------------- iteration


def iter_documents(
    paths: Sequence[str],
    *,
    jsonl_field: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InputError]:
    """Yield a Document per article (or JSON Lines record) and an InputError per problem.

    ``-`` reads ``stdin`` (default ``sys.stdin.buffer``); directories are walked
    recursively (entries sorted by name, hidden ones skipped, symlinked
    directories not followed).  With ``jsonl_field`` every input is JSON Lines.
    """
    stdin_used = False
    for path in paths:
        if path != "-":
            yield from _iter_path(path, jsonl_field)
        elif stdin_used:
            yield InputError("-", "standard input given more than once")
        else:
            stdin_used = True
            yield from _iter_stdin(_default_stdin(stdin), jsonl_field)


def _default_stdin(stdin: BinaryIO | None) -> BinaryIO | None:
    return stdin if stdin is not None else getattr(sys.stdin, "buffer", None)


def _iter_stdin(stdin: BinaryIO | None, field: str | None) -> Iterator[Document | InputError]:
    if stdin is None:
        yield InputError("-", "standard input is not available")
    elif field is not None:
        yield from _iter_jsonl(stdin, "-", field)
    else:
        try:
            data = stdin.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            yield _os_error("-", exc)
            return
        yield _document(data, "-")


def _iter_path(path: str, field: str | None) -> Iterator[Document | InputError]:
    if not os.path.isdir(path):
        yield from _iter_file(path, field, named=True)
        return
    for item in _walk(path):
        if isinstance(item, InputError):
            yield item
        else:
            yield from _iter_file(item, field, named=False)


def _walk(top: str) -> Iterator[str | InputError]:
    """Regular files under ``top``, depth first, sorted by name, no hidden entries; FIFOs
    and devices are skipped, since opening one can block the walk forever."""
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(top, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(follow_symlinks=False), entry.is_file()
        except OSError as exc:
            yield _os_error(entry.path, exc)
            continue
        if is_dir:
            yield from _walk(entry.path)
        elif is_file:
            yield entry.path


def _iter_file(path: str, field: str | None, *, named: bool) -> Iterator[Document | InputError]:
    """One file's documents. A FIFO or character device ``named`` on the command line
    (``meetsum <(curl ...)``, ``/dev/stdin``) is read as a stream, as grep or jq would; in
    a directory walk only regular files are read."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield _os_error(path, exc)
        return
    regular = stat.S_ISREG(info.st_mode)
    if not (regular or named and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode))):
        yield InputError(path, "is not a regular file")
    elif field is not None:
        yield from _iter_jsonl_file(path, field)
    elif regular and info.st_size > MAX_FILE_BYTES:
        yield _too_large(path)
    else:
        yield _read_document(path)  # reads at most MAX_FILE_BYTES + 1 bytes of a stream


def _read_document(path: str) -> Document | InputError:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return _os_error(path, exc)
    return _document(data, path)


def _document(data: bytes, source: str) -> Document | InputError:
    if len(data) > MAX_FILE_BYTES:
        return _too_large(source)
    try:
        return Document(source=source, text=_clean(decode(data, source)))
    except InputError as exc:
        return exc


def _too_large(source: str) -> InputError:
    return InputError(source, f"too large (over {_size_text(MAX_FILE_BYTES)})")


def _size_text(size: int) -> str:
    return f"{size >> 20} MB" if size % (1 << 20) == 0 else f"{size} bytes"


def _os_error(path: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        broken = path != "-" and os.path.islink(path)
        return InputError(path, "no such file (broken symbolic link)" if broken else "no such file")
    if isinstance(exc, NotADirectoryError):
        return InputError(path, "no such file (a parent is not a directory)")
    if isinstance(exc, PermissionError):
        return InputError(path, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(path, "is not a regular file")
    return InputError(path, f"read error: {exc.strerror or exc}")


# --------------------------------------------------------------------------- JSON Lines


def _iter_jsonl_file(path: str, field: str) -> Iterator[Document | InputError]:
    try:
        with open(path, "rb") as f:
            yield from _iter_jsonl(f, path, field)  # handles its own read errors
    except OSError as exc:
        yield _os_error(path, exc)


def _iter_jsonl(stream: BinaryIO, source: str, field: str) -> Iterator[Document | InputError]:
    """One item per non-blank line, streamed; gzip data is detected by its magic bytes."""
    try:
        for lineno, line in enumerate(_iter_lines(_maybe_gunzip(stream)), 1):
            where = f"{source}:{lineno}"
            if line is None:
                yield InputError(where, f"line too large (over {_size_text(MAX_FILE_BYTES)})")
            elif line.strip():
                yield _record(line, where, field)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(source, f"corrupt gzip data: {exc}")
    except OSError as exc:
        yield _os_error(source, exc)


def _maybe_gunzip(stream: BinaryIO) -> BinaryIO:
    peek = getattr(stream, "peek", None)
    if peek is not None and peek(2)[:2] == _GZIP_MAGIC:
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    return stream


def _iter_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """Lines of at most MAX_FILE_BYTES; ``None`` stands for a longer line (skipped)."""
    while line := stream.readline(MAX_FILE_BYTES + 1):
        if len(line) <= MAX_FILE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(1 << 16)) and not rest.endswith(b"\n"):
            pass
        yield None


def _record(line: bytes, source: str, field: str) -> Document | InputError:
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return InputError(source, "invalid UTF-8")
    except json.JSONDecodeError as exc:
        return InputError(source, f"invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return InputError(source, "invalid JSON: nested too deeply")
    if not isinstance(record, dict):
        return InputError(source, "not a JSON object")
    if field not in record:
        return InputError(source, f"missing field {field!r}")
    if not isinstance(record[field], str):
        return InputError(source, f"field {field!r} is not a string")
    return Document(source, _clean(record[field]), _as_id(record.get("id")), _published(record))


def _as_id(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _published(record: dict[str, object]) -> str | None:
    """The first of published/date/time that gives a date, as YYYY-MM-DD."""
    for key in _DATE_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and (day := _parse_date(value)):
            return day
    return None


def _parse_date(value: str) -> str | None:
    if match := _ISO_DATE.match(value):
        try:
            return datetime.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, source: str) -> str:
    """Decode an article's bytes; raise InputError for binary or undecodable data.

    Order: BOM (UTF-8, UTF-16 LE/BE); binary signatures or >1% NUL bytes in the
    first 8 KB; strict UTF-8; Windows-1256 or ISO-8859-6, whichever gives
    Arabic-looking text.  The result is not cleaned (NULs, line ends, HTML).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom) :], codec, len(bom), source)
    _reject_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, source)
    return _reject_controls(text, source)


def _decode_bom(data: bytes, codec: str | None, offset: int, source: str) -> str:
    if codec is None:
        raise InputError(source, "cannot decode: UTF-32 is not supported")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        label = codec.upper().replace("-LE", " LE").replace("-BE", " BE")
        message = f"cannot decode: invalid {label} at byte {exc.start + offset}"
        raise InputError(source, message) from None
    return _reject_controls(text, source)


def _reject_binary(data: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind})")
    head = data[:_SNIFF_BYTES]
    if head.count(0) * 100 > len(head):
        raise InputError(source, "binary file (NUL bytes)")


def _reject_controls(text: str, source: str) -> str:
    if _is_binaryish(text):
        raise InputError(source, "binary file (control characters)")
    return text


def _is_binaryish(text: str) -> bool:
    """More than 5% C0/C1 control characters (other than whitespace) in the sample."""
    sample = text[:_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) * 20 > len(sample)


def _decode_legacy(data: bytes, source: str) -> str:
    texts = [t for codec in _LEGACY if (t := _try_decode(data, codec)) is not None]
    if texts and all(_is_binaryish(t) for t in texts):
        raise InputError(source, "binary file (control characters)")
    samples = [(t, _visible_sample(t)) for t in texts if not _is_binaryish(t)]
    good = [(t, sample) for t, sample in samples if _looks_arabic(sample)]
    if not good:
        raise InputError(source, _CANNOT_DECODE)
    # More Arabic letters wins; ties go to Windows-1256 (listed first).
    return max(good, key=lambda pair: _legacy_score(pair[1]))[0]


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _legacy_score(text: str) -> int:
    return len(_ARABIC_LETTER.findall(text)) - len(_CONTROL.findall(text))


def _visible_sample(text: str) -> str:
    """The start of the text a reader would see (HTML markup removed)."""
    if _looks_like_html(text):
        text = _html_to_text(text[: _SAMPLE_CHARS * 16])  # markup is mostly not visible
    return text[:_SAMPLE_CHARS]


def _looks_arabic(visible: str) -> bool:
    """Mostly text, >=30% of letters Arabic, and Arabic words not mixed with other scripts."""
    letters = len(_LETTER.findall(visible))
    arabic = len(_ARABIC_LETTER.findall(visible))
    return (
        letters > 0
        and arabic * 10 >= letters * 3
        and _mixed_word_share(visible) <= 0.1
        and _text_share(visible) >= 0.8
    )


def _mixed_word_share(text: str) -> float:
    """Share of Arabic-bearing words that also hold non-Arabic letters (mojibake sign)."""
    words = [w for w in _WORD.findall(text) if _ARABIC_LETTER.search(w)]
    mixed = sum(1 for w in words if _NON_ARABIC_LETTER.search(w))
    return mixed / len(words) if words else 1.0


def _text_share(text: str) -> float:
    """Share of letters, marks, digits, punctuation and spaces in the first 8K chars."""
    sample = text[:_SNIFF_BYTES]
    ok = sum(1 for c in sample if c.isspace() or unicodedata.category(c)[0] in "LMNPZ")
    return ok / len(sample) if sample else 1.0


# --------------------------------------------------------------------------- cleaning


def _clean(text: str) -> str:
    """Drop NULs, BOM and lone surrogates, normalize line ends, extract HTML text."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("\ufffd", text.removeprefix("\ufeff"))
    return _html_to_text(text) if _looks_like_html(text) else text


def _looks_like_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(_HTML_START) or _HTML_BODY.search(text) is not None


def _html_to_text(markup: str) -> str:
    """Visible text, one block per line, with the <title> as the first line."""
    parser = _TextExtractor()
    try:
        parser.feed(_MARKED_SECTION.sub("", markup).replace("<![", "&lt;!["))
        parser.close()
    except AssertionError:  # HTMLParser still asserts on some malformed declarations
        return _strip_tags(markup)
    return parser.text()


def _strip_tags(markup: str) -> str:
    """Crude fallback: drop tags, unescape entities, one line per non-blank line."""
    text = html.unescape(_TAG.sub(" ", _HIDDEN_BLOCK.sub(" ", markup)))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"\s+")
# Word's <![if ...]> / <![endif]> markers (not CDATA) make HTMLParser assert.
_MARKED_SECTION = re.compile(r"<!\[(?!CDATA\[)[^>]*>")
_TAG = re.compile(r"<[^>]*>")
_HIDDEN_BLOCK = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


class _TextExtractor(HTMLParser):
    """Collects visible text; entities are unescaped by ``convert_charrefs``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._title: list[str] = []
        self._hidden = 0
        self._in_head = self._in_title = self._title_done = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = self._in_title = False
        elif tag == "title" and not self._title_done:
            self._in_title = True
        self._pre += tag == "pre"
        if tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "head":
            self._in_head = False
        elif tag == "title" and self._in_title:
            self._in_title, self._title_done = False, True
        self._pre = max(0, self._pre - (tag == "pre"))
        if tag in _BLOCK_TAGS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._in_title:
            self._title.append(data)
        elif not self._in_head:
            self._parts.append(data if self._pre else _SPACES.sub(" ", data))

    def text(self) -> str:
        title = _SPACES.sub(" ", "".join(self._title)).strip()
        lines = (line.strip() for line in "".join(self._parts).split("\n"))
        return "\n".join(line for line in [title, *lines] if line)
