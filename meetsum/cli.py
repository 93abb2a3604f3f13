"""The ``meetsum`` command: parse options, read inputs, pick a renderer, map outcomes to exit codes."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from meetsum import __version__

EXIT_FOUND, EXIT_NONE, EXIT_ERROR = 0, 1, 2

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})


class Lang(str, Enum):
    ar = "ar"
    en = "en"


class Format(str, Enum):
    table = "table"
    yaml = "yaml"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _version(value: bool) -> None:
    if value:
        print(f"meetsum {__version__}")
        raise typer.Exit()


@app.command(help="Summarize Arabic news reports of diplomatic meetings: who met whom, where, when, about what.\n\n"
             "Reads FILE... (directories recursively; '-' or no FILE with piped input reads stdin).\n\n"
             "Exit status: 0 a meeting was found, 1 none found, 2 usage or input error.\n\n"
             "'meetsum lexicon learn ARCHIVE...' learns people's names from your own articles (see 'meetsum lexicon --help').")
def summarize_command(
    files: Annotated[Optional[list[str]], typer.Argument(metavar="[FILE]...", show_default=False, help="Article files or directories; '-' reads standard input.")] = None,
    output_format: Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format [default: table on a terminal, else json].", show_default=False)] = None,
    published: Annotated[Optional[str], typer.Option(help="The articles' publication date, YYYY-MM-DD, to resolve أمس، اليوم، الأحد الماضي ...", metavar="DATE")] = None,
    jsonl_field: Annotated[Optional[str], typer.Option("--jsonl", help="Read inputs as JSON Lines records; FIELD holds the article text.", metavar="FIELD")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    lang: Annotated[Lang, typer.Option("--lang", help="Labels and known values in Arabic or English (JSON and YAML always carry both).")] = Lang.ar,
    explain: Annotated[bool, typer.Option("--explain", help="Show the sentence and words behind every field.")] = False,
    bom: Annotated[Optional[bool], typer.Option("--bom/--no-bom", help="CSV: start with a UTF-8 byte order mark, which Excel needs to read Arabic [default: only when writing to a file].", show_default=False)] = None,
    lexicon_files: Annotated[Optional[list[str]], typer.Option("--lexicon", help="A YAML file that adds to or overrides the built-in lexicons (repeatable).", metavar="FILE")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    from meetsum.batch import Options, load_resources, summarize_documents
    from meetsum.dates import parse_published
    from meetsum.inputs import iter_documents
    from meetsum.lexicon import LexiconError

    try:
        parse_published(published)
    except ValueError:
        _fail(f"--published: {published!r} is not a date in the form YYYY-MM-DD")
    paths = list(files or [])
    stdin = getattr(sys.stdin, "buffer", None)
    if not paths:
        if stdin is None or sys.stdin.isatty() or _is_empty(stdin):
            _fail("no input: give FILE... or pipe an article to standard input (see --help)")
        paths = ["-"]
    fmt = output_format or (Format.table if sys.stdout.isatty() else Format.json)
    options = Options(published, lang.value, explain, tuple(lexicon_files or ()))
    try:
        load_resources(options)
    except LexiconError as error:
        _fail(f"--lexicon: {error}")
    results = summarize_documents(iter_documents(paths, jsonl_field=jsonl_field, stdin=stdin),
                                  options=options, jobs=jobs)
    try:
        status = _write(results, fmt, lang.value, bom=_wants_bom() if bom is None else bom)
    except BrokenPipeError:  # click would exit 1 ("no meeting found"); a closed pipe is an error
        _silence_stdout()
        status = EXIT_ERROR
    finally:
        close = getattr(results, "close", None)
        if close:
            close()  # stops worker processes now, not at interpreter exit
    raise typer.Exit(status)


lexicon_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                          context_settings={"help_option_names": ["-h", "--help"]})


@lexicon_app.callback(help="Build lexicons for --lexicon.")
def _lexicon_group() -> None:
    """A group even with one command, so that ``learn`` is named on the command line."""


@lexicon_app.command("learn", help="Learn people's names from an archive of articles: names seen after a title or "
                     "honorific, and the words that start them. Prints a lexicon for 'meetsum --lexicon FILE'.\n\n"
                     "Exit status: 0 done, 2 usage error or an input could not be read (the others still count).")
def learn_command(
    archives: Annotated[list[str], typer.Argument(metavar="ARCHIVE...", show_default=False, help="Article files or directories; '-' reads standard input.")],
    jsonl_field: Annotated[Optional[str], typer.Option("--jsonl", help="Read inputs as JSON Lines records; FIELD holds the article text.", metavar="FIELD")] = None,
    min_mentions: Annotated[int, typer.Option("--min-mentions", min=1, help="Keep a name seen after a title this many times.")] = 3,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="... in at least this many articles.")] = 2,
) -> None:
    from meetsum.inputs import iter_documents
    from meetsum.learn import Thresholds, learn_documents

    thresholds = Thresholds(mentions=min_mentions, articles=min_articles)
    command = " ".join(["meetsum lexicon learn", *(["--jsonl", jsonl_field] if jsonl_field else []), *archives])
    text, errors = learn_documents(iter_documents(archives, jsonl_field=jsonl_field), command, thresholds)
    for error in errors:
        print(f"meetsum: {error}", file=sys.stderr)
    _out(text)
    raise typer.Exit(EXIT_ERROR if errors else 0)


def _is_empty(stream) -> bool:
    """True if ``stream`` is at end of input (nothing piped); reads nothing."""
    try:
        if hasattr(stream, "peek"):
            return not stream.peek(1)
        if stream.seekable():
            position = stream.tell()
            empty = not stream.read(1)
            stream.seek(position)
            return empty
    except (OSError, ValueError):  # e.g. a directory on stdin: let the reader report it
        pass
    return False


def _fail(message: str) -> None:
    print(f"meetsum: {message}", file=sys.stderr)
    raise typer.Exit(EXIT_ERROR)


def _wants_bom() -> bool:
    """A byte order mark when the CSV goes to a file (to be opened in a spreadsheet), not on a
    pipe or a terminal, where the next program expects plain UTF-8."""
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # no real file descriptor
        return False


def _write(results, fmt: Format, lang: str = "ar", *, bom: bool = False) -> int:
    """Print each result as it comes; errors go to stderr. Returns the exit status."""
    from meetsum import render

    if fmt is Format.csv:
        _out(("\ufeff" if bom else "") + render.csv_header(lang=lang))
    found = errors = False
    writer = _JsonArrayWriter() if fmt is Format.json else None
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    progress = _Progress() if _progress_wanted() else None
    try:
        for result in results:
            if result.error:
                errors = True
                message = f"meetsum: {render.safe_text(result.error)}"  # a file name may hold ESC
                if progress:
                    progress.advance(error=message)
                else:
                    print(message, file=sys.stderr)
                if writer:
                    writer.skip()
                continue
            found |= result.meeting_detected
            record = result.record
            if writer:
                writer.add(render.render_json(record))
            elif fmt is Format.table:
                _out(render.render_table(record, color=color, width=_width(), lang=lang))
            else:
                renderer = {Format.yaml: render.render_yaml, Format.markdown: render.render_markdown,
                            Format.jsonl: render.render_jsonl, Format.csv: render.render_csv}[fmt]
                _out(renderer(record, lang=lang) + ("" if fmt in (Format.yaml, Format.csv) else "\n"))
            if progress:
                progress.advance(found=result.meeting_detected)
    finally:
        if progress:
            progress.stop()
    if writer:
        writer.close()
    return EXIT_ERROR if errors else EXIT_FOUND if found else EXIT_NONE


def _progress_wanted() -> bool:
    """A live counter on stderr only when stderr is a terminal and stdout is not.

    When the results themselves go to the terminal they show the progress, and a live line
    on the same screen would be torn by them; off a terminal (logs, CI) nothing at all.
    """
    try:
        return sys.stderr.isatty() and not sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


class _Progress:
    """Articles done and meetings found, on stderr, erased at the end.

    Shown from the second result on, so a single input never imports rich (start-up time);
    the number of inputs is not known ahead (directories, JSON Lines), hence a counter.
    """

    def __init__(self) -> None:
        self.done = self.found = self.errors = 0
        self._bar = None
        self._task = None

    def advance(self, *, found: bool = False, error: str | None = None) -> None:
        self.done += 1
        self.found += found
        if error is not None:
            self.errors += 1
            if self._bar is None:
                print(error, file=sys.stderr)
            else:  # above the live line; out(): no markup, control characters dropped
                self._bar.console.out(error, highlight=False)
        if self._bar is None and self.done >= 2:
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, description=self._describe())

    def _describe(self) -> str:
        text = f"{self.done} article{'s' * (self.done != 1)}, {self.found} with a meeting"
        return text + (f", {self.errors} error{'s' * (self.errors != 1)}" if self.errors else "")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                             console=Console(stderr=True), transient=True, redirect_stdout=False,
                             redirect_stderr=False, refresh_per_second=8)
        self._task = self._bar.add_task(self._describe(), total=None)
        self._bar.start()

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _width() -> int:
    import shutil

    return min(shutil.get_terminal_size((100, 24)).columns, 120)


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


class _JsonArrayWriter:
    """One object for one input, an array for several, streamed as results arrive.

    Inputs that failed count too, so the shape does not depend on how many succeeded:
    ``meetsum good.txt missing.txt`` still prints an array (of one object).
    """

    def __init__(self) -> None:
        self.pending: str | None = None
        self.inputs = 0
        self.written = 0

    def add(self, text: str) -> None:
        self._next()
        if self.inputs == 1:
            self.pending = text
        else:
            self._write(text)

    def skip(self) -> None:
        self._next()

    def _next(self) -> None:
        self.inputs += 1
        if self.inputs == 2:
            _out("[")
            if self.pending is not None:
                self._write(self.pending)
                self.pending = None

    def _write(self, text: str) -> None:
        _out(("," if self.written else "") + "\n" + _indent(text))
        self.written += 1

    def close(self) -> None:
        if self.inputs == 1 and self.pending is not None:
            _out(self.pending + "\n")
        elif self.inputs > 1:
            _out("\n]\n")


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))  # not splitlines(): U+2028 is data


def main() -> None:
    """Console-script entry point: quiet on a closed pipe, never a traceback for ^C."""
    try:
        if sys.argv[1:2] == ["lexicon"]:  # a subcommand beside the default command (./lexicon is a file)
            lexicon_app(args=sys.argv[2:], prog_name="meetsum lexicon")
        else:
            app(prog_name="meetsum")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (e.g. a test runner's stream)
        pass
