#!/usr/bin/env python3
"""Speed, memory and robustness of meetsum on real Arabic news corpora.

    uv run python benchmarks/bench.py                  # everything, a sample of 10,000 articles
    uv run python benchmarks/bench.py --limit 0        # the whole corpus (takes long)
    uv run python benchmarks/bench.py --only throughput,corpus --limit 0 --json > /tmp/r.json
    uv run python benchmarks/bench.py --table /tmp/r.json   # print a saved --json as the table
    uv run python benchmarks/bench.py --profile 2000   # cProfile of summarize, then exit
    uv run python benchmarks/bench.py --importtime     # import-time breakdown, then exit

The corpora (gzipped JSON Lines with id, title, text, time) are read at run time from
``--corpora`` (default ``$MEETSUM_CORPORA`` or ``../shared/corpora`` next to the repository);
no article text is ever written into the repository. Temporary files go to the system
temporary directory and are removed at exit.

What is measured (``--only`` takes the names in brackets):

1. [throughput] Articles per CPU-second of ``meetsum.summarize`` in this (single-threaded)
   process over the articles built as the evaluator builds them (title, blank line, body,
   ``published`` from the ``time`` field), and over the same texts the "floor": camel-tools'
   ``normalize_alef_ar``/``normalize_alef_maksura_ar``/``normalize_teh_marbuta_ar`` plus
   ``simple_word_tokenize(split_digits=True)``. Import time and the first (lexicon-loading)
   call are excluded and reported apart. Targets: >= 500 articles/s, <= 3x the floor's time.
2. [jobs] Wall-clock throughput of ``meetsum --jsonl text --format jsonl --jobs N FILE`` for
   N = 1 and 2 on one JSON Lines file of ``--jobs-limit`` articles, best of ``--repeat``
   interleaved runs (each after waiting up to ``--quiet-wait`` s for an idle machine); the
   speed-up, and the CPU cores the --jobs 2 run actually got.
3. [startup] Median wall time of ``--runs`` cold runs each of ``meetsum EXAMPLE --format
   json``, ``meetsum --help`` and ``meetsum --version`` (console script, after one untimed
   run so the OS file cache is warm), in the environment as it is and with a bytecode
   cache (see bench_startup). Targets: 0.4 s, 0.25 s, 0.25 s.
4. [corpus] One CLI process (``--jobs 1``) over all selected articles (with ``--limit 0``
   the corpus files themselves are its arguments):
   memory: its peak RSS (``VmHWM``) after 1k, 2k, 5k, ... outputs and at the end.
   Targets: <= 150 MB, and flat (peak at all <= 1.1 x peak at 1k).
   crashes: output records, "internal error" lines on stderr (each with its record id),
   other stderr lines (input errors), records that never came out, an exit status other
   than 0/1/2 (or 2 without an error line). Target: 0 crashes. Also the meetings detected.
5. [synthetic] ``meetsum FILE --format json`` on files of corpus articles joined by blank
   lines (title, blank line, body), of each ``--synthetic-mb`` size (default 1, 2, 4, 8 and
   20 MB), each in a fresh process: wall and CPU time, peak RSS, meetings found. Targets:
   CPU time for 20 MB <= 20 s and <= 12x that for 2 MB (at most 1.2x per doubling beyond
   linear), peak RSS < 400 MB.

The machine may be shared: every item also reports the "background load", the CPU (in
cores) that other processes used while it ran, from /proc/stat. Wall-clock results taken
under background load (above all the --jobs speed-up) understate what meetsum can do.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import hashlib
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ITEMS = ("throughput", "jobs", "startup", "corpus", "synthetic")
MB = 1024 * 1024


def log(message: str) -> None:
    """Progress goes to stderr so that stdout holds only the table (or JSON)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    file: str  # path of the corpus file, as given to the CLI
    line: int  # 1-based line number in that file (the CLI's "path:LINE")
    title: str
    body: str
    time: str

    @property
    def text(self) -> str:
        """The article as evaluate.py writes it: title, blank line, body."""
        return self.title.strip() + "\n\n" + self.body.strip() + "\n"

    @property
    def published(self) -> str | None:
        """evaluate.py's --published: the leading ISO date of ``time``, or an RFC 2822 date."""
        raw = self.time.strip()
        if match := re.match(r"(\d{4}-\d{2}-\d{2})", raw):
            return match.group(1)
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None


def corpus_files(directory: Path) -> list[Path]:
    files = sorted(directory.glob("*.jsonl.gz"))
    if not files:
        sys.exit(f"bench: no *.jsonl.gz corpus files in {directory} (see --corpora)")
    return files


def load_articles(directory: Path) -> list[Article]:
    """Every article of every corpus file, in file order (files sorted by name)."""
    articles = []
    for path in corpus_files(directory):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if line.strip():
                    r = json.loads(line)
                    articles.append(Article(str(r.get("id")), str(path), number, r.get("title") or "",
                                            r.get("text") or "", r.get("time") or ""))
    return articles


def sample(articles: list[Article], limit: int) -> list[Article]:
    """``limit`` articles spread evenly over all corpora (a mix of sources and topics:
    the files are sorted by category, so their first N would all be culture news)."""
    if limit <= 0 or limit >= len(articles):
        return articles
    return [articles[i * len(articles) // limit] for i in range(limit)]


def write_jsonl(articles: list[Article], directory: str, name: str) -> str:
    """A JSON Lines file of corpus records (id, title, time, text = body) in ``directory``."""
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"id": a.id, "title": a.title, "time": a.time, "text": a.body},
                                 ensure_ascii=False) + "\n")
    return path


def code_fingerprint() -> str:
    """A short hash of meetsum's sources, to tell which code a result belongs to."""
    digest = hashlib.sha256()
    for path in sorted((REPO / "meetsum").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# --------------------------------------------------------------------------- helpers


def meetsum_command() -> list[str]:
    """The installed console script next to this interpreter (uv run puts us in .venv)."""
    script = Path(sys.executable).parent / "meetsum"
    if script.exists():
        return [str(script)]
    found = shutil.which("meetsum")
    if not found:
        sys.exit("bench: the meetsum console script is not installed (run: uv sync)")
    return [found]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def machine_busy_s() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class Background:
    """Measures how much CPU *other* processes used during a ``with`` block.

    ``cores(own_cpu_s)`` is (machine busy time - our own CPU time) / wall time: 0 on an
    otherwise idle machine, 1.0 when something else kept one core busy throughout.
    """

    def __enter__(self) -> "Background":
        self.wall, self.busy = time.perf_counter(), machine_busy_s()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall
        after = machine_busy_s()
        self.busy = None if self.busy is None or after is None else after - self.busy

    def cores(self, own_cpu_s: float) -> float | None:
        if self.busy is None or self.wall <= 0:
            return None
        return round(max(0.0, self.busy - own_cpu_s) / self.wall, 2)


def wait_for_quiet(max_wait_s: float, threshold: float = 0.25) -> bool:
    """Wait (at most ``max_wait_s``) for a second in which the machine is nearly idle."""
    deadline = time.perf_counter() + max_wait_s
    while time.perf_counter() < deadline:
        before = machine_busy_s()
        time.sleep(1)
        after = machine_busy_s()
        if before is None or after is None or after - before < threshold:
            return True
    return False


def proc_status_kb(pid: int, field: str) -> int | None:
    """A ``kB`` field (VmHWM, VmRSS) of /proc/PID/status, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


# A child's ru_maxrss counts the memory of the process it was forked from (Linux carries the
# high-water mark over exec), and this process holds the whole corpus. So the CLI is started
# by this small launcher, which forks it, writes its pid, reaps it with wait4 and writes its
# exit code, peak RSS (kB) and CPU seconds (its own and its reaped workers') to argv[1].
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(f"{pid}\\n")
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "a") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}\\n")
"""


@dataclass
class Finished:
    exit: int  # negative: killed by that signal
    peak_mb: float
    cpu_s: float  # user + system, the CLI and its worker processes


class Measured:
    """Run ``argv`` through the launcher; ``pid()`` is the CLI's own, ``finish()`` its result."""

    def __init__(self, argv: list[str], tmp: str, **popen) -> None:
        self.report = os.path.join(tmp, f"launch-{time.monotonic_ns()}")
        self.proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, self.report] + argv, **popen)
        self._pid: int | None = None

    def pid(self) -> int | None:
        if self._pid is None:
            try:
                self._pid = int(Path(self.report).read_text().split()[0])
            except (OSError, IndexError, ValueError):
                return None
        return self._pid

    def finish(self) -> Finished:
        self.proc.wait()
        status, max_rss_kb, cpu_s = Path(self.report).read_text().split("\n")[1].split()
        return Finished(int(status), int(max_rss_kb) / 1024, float(cpu_s))


# --------------------------------------------------------------------------- 1. throughput


def bench_throughput(articles: list[Article]) -> dict:
    texts = [(a.text, a.published) for a in articles]
    started = time.perf_counter()
    from meetsum import summarize
    import meetsum.pipeline  # noqa: F401  (the real import; meetsum/__init__ is lazy)
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    try:
        summarize(texts[0][0], published=texts[0][1])  # loads the lexicon, builds the patterns
    except Exception:  # counted again, with the article's id, in the timed loop below
        pass
    first_call_s = time.perf_counter() - started

    log(f"throughput: summarize over {len(texts)} articles ...")
    times, errors, meetings = [], [], 0
    clock = time.perf_counter
    with Background() as background:
        cpu = time.process_time()
        for (text, published), article in zip(texts, articles):
            started = clock()
            try:
                meetings += summarize(text, published=published).meeting_detected
            except Exception as exc:  # report, and carry on with the others
                errors.append({"id": article.id, "error": f"{type(exc).__name__}: {exc}"})
            times.append(clock() - started)
        cpu = time.process_time() - cpu
    wall = background.wall

    log("throughput: camel-tools floor over the same texts ...")
    started = time.perf_counter()
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
    floor_import_s = time.perf_counter() - started
    simple_word_tokenize("تجربة", split_digits=True)
    with Background() as floor_background:
        floor_cpu = time.process_time()
        for text, _ in texts:
            simple_word_tokenize(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text))),
                                 split_digits=True)
        floor_cpu = time.process_time() - floor_cpu

    slowest = sorted(zip(times, articles), key=lambda pair: pair[0], reverse=True)[:5]
    return {
        "articles": len(texts),
        "mean_chars": round(sum(len(t) for t, _ in texts) / len(texts)),
        "import_s": round(import_s, 3),
        "first_call_s": round(first_call_s, 3),
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "articles_per_s": round(len(texts) / cpu, 1),  # per CPU-second: immune to preemption
        "articles_per_wall_s": round(len(texts) / wall, 1),
        "background_cores": background.cores(cpu),
        "ms_p50": round(1000 * percentile(times, 0.5), 2),
        "ms_p99": round(1000 * percentile(times, 0.99), 2),
        "ms_max": round(1000 * max(times), 1),
        "slowest": [{"id": a.id, "ms": round(1000 * t, 1), "chars": len(a.text)} for t, a in slowest],
        "meetings": meetings,
        "errors": errors,
        "floor_import_s": round(floor_import_s, 3),
        "floor_cpu_s": round(floor_cpu, 2),
        "floor_articles_per_s": round(len(texts) / floor_cpu, 1),
        "floor_background_cores": floor_background.cores(floor_cpu),
        "ratio_to_floor": round(cpu / floor_cpu, 2),
    }


# --------------------------------------------------------------------------- 2. --jobs


def bench_jobs(articles: list[Article], tmp: str, repeat: int, quiet_wait_s: float) -> dict:
    path = write_jsonl(articles, tmp, "jobs.jsonl")
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for round_ in range(1, repeat + 1):
        for jobs in (1, 2):  # interleaved, so a burst of background load hits both alike
            quiet = wait_for_quiet(quiet_wait_s) if quiet_wait_s > 0 else None
            log(f"jobs: meetsum --jobs {jobs} over {len(articles)} records (run {round_}/{repeat}"
                f"{'' if quiet is None else ', machine quiet' if quiet else ', machine busy'}) ...")
            argv = meetsum_command() + ["--jsonl", "text", "--format", "jsonl", "--jobs", str(jobs), path]
            with Background() as background:
                run = Measured(argv, tmp, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                lines = sum(chunk.count(b"\n") for chunk in iter(lambda: run.proc.stdout.read(1 << 16), b""))
                done = run.finish()
            runs[jobs].append({"seconds": round(background.wall, 2), "records": lines, "exit": done.exit,
                               "cpu_cores": round(done.cpu_s / background.wall, 2),
                               "background_cores": background.cores(done.cpu_s)})
    result: dict = {"articles": len(articles), "repeat": repeat}
    for jobs, measured in runs.items():
        best = min(measured, key=lambda run: run["seconds"])
        result[f"jobs{jobs}"] = dict(best, articles_per_s=round(best["records"] / best["seconds"], 1),
                                     all_seconds=[run["seconds"] for run in measured])
    result["speedup"] = round(result["jobs1"]["seconds"] / result["jobs2"]["seconds"], 2)
    return result


# --------------------------------------------------------------------------- 3. cold start


def bench_startup(example: Path, runs: int, tmp: str) -> dict:
    """Cold starts, twice: in this environment as it is, and with a bytecode cache.

    With ``PYTHONDONTWRITEBYTECODE`` set (as in some sandboxes and CI images) every run
    compiles meetsum and its dependencies from source; a normal install writes ``.pyc``
    files on the first run. The second series therefore unsets it and points
    ``PYTHONPYCACHEPREFIX`` at a temporary directory (nothing is written into the
    repository or the virtual environment); its untimed first run fills the cache.
    """
    cases = {
        "example_json": (meetsum_command() + [str(example), "--format", "json"], 0.4),
        "help": (meetsum_command() + ["--help"], 0.25),
        "version": (meetsum_command() + ["--version"], 0.25),
    }
    with_pyc = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with_pyc["PYTHONPYCACHEPREFIX"] = os.path.join(tmp, "pycache")
    result: dict = {"dont_write_bytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE"))}
    for series, env in (("as_is", None), ("with_pyc", with_pyc)):
        result[series] = {}
        for name, (argv, target) in cases.items():
            log(f"startup ({series}): {runs} runs of meetsum {' '.join(argv[1:])}")
            quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
            subprocess.run(argv, **quiet)  # warm the file cache (and the bytecode cache)
            times, statuses = [], set()
            with Background() as background:
                children_cpu = sum(os.times()[2:4])
                for _ in range(runs):
                    started = time.perf_counter()
                    statuses.add(subprocess.run(argv, **quiet).returncode)
                    times.append(time.perf_counter() - started)
                children_cpu = sum(os.times()[2:4]) - children_cpu
            result[series][name] = {
                "median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
                "max_s": round(max(times), 3), "target_s": target, "exits": sorted(statuses),
                "background_cores": background.cores(children_cpu)}
    return result


# --------------------------------------------------------------------------- 4 + 6. corpus run


CHECKPOINTS = (1000, 2000, 5000, 10000, 20000, 50000)


def bench_corpus(articles: list[Article], every_article: bool, files: list[Path], tmp: str) -> dict:
    """One CLI process over all ``articles``: memory as it goes, crashes and meetings."""
    if every_article:  # the real corpus files, read (and gunzipped) by meetsum itself
        inputs = [str(path) for path in files]
        where = {(a.file, a.line): a for a in articles}
    else:
        inputs = [write_jsonl(articles, tmp, "corpus.jsonl")]
        where = {(inputs[0], number): a for number, a in enumerate(articles, 1)}
    argv = meetsum_command() + ["--jsonl", "text", "--format", "jsonl", "--jobs", "1"] + inputs
    log(f"corpus: one meetsum process over {len(articles)} records ...")

    def article_of(source: str) -> Article | None:
        path, _, line = source.rpartition(":")
        return where.get((path, int(line))) if line.isdigit() else None

    stderr_file = tempfile.TemporaryFile(dir=tmp)
    records = meetings = unreadable = 0
    per_file: dict[str, dict[str, int]] = {}
    memory: list[dict] = []
    with Background() as background:
        run = Measured(argv, tmp, stdout=subprocess.PIPE, stderr=stderr_file)
        for line in io.TextIOWrapper(run.proc.stdout, encoding="utf-8"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                unreadable += 1
                continue
            records += 1
            detected = bool(record.get("meeting_detected"))
            meetings += detected
            article = article_of(record.get("source", ""))
            counts = per_file.setdefault(Path(article.file).name if article else "?", {"records": 0, "meetings": 0})
            counts["records"] += 1
            counts["meetings"] += detected
            if records in CHECKPOINTS and (pid := run.pid()) and (hwm := proc_status_kb(pid, "VmHWM")):
                memory.append({"inputs": records, "peak_mb": round(hwm / 1024, 1)})
        done = run.finish()
    if not memory or memory[-1]["inputs"] != records:
        memory.append({"inputs": records, "peak_mb": round(done.peak_mb, 1)})

    internal, input_errors = [], []
    stderr_file.seek(0)
    for raw in stderr_file:
        message = raw.decode("utf-8", "replace").rstrip("\n")
        if "internal error" in message:
            source = message.removeprefix("meetsum: ").split(": internal error")[0]
            article = article_of(source)
            internal.append({"id": article.id if article else None, "source": source, "stderr": message})
        elif message.strip():
            input_errors.append(message)
    missing = max(0, len(articles) - records - len(internal) - len(input_errors))
    abnormal_exit = done.exit not in (0, 1, 2) or (done.exit == 2 and not (internal or input_errors))
    return {
        "articles": len(articles),
        "seconds": round(background.wall, 1),
        "articles_per_s": round(records / background.wall, 1),
        "cpu_s": round(done.cpu_s, 1),
        "background_cores": background.cores(done.cpu_s),
        "exit": done.exit,
        "records": records,
        "meetings": meetings,
        "per_file": per_file,
        "internal_errors": internal,
        "input_errors": input_errors[:20],
        "input_error_count": len(input_errors),
        "missing_records": missing,
        "unreadable_lines": unreadable,
        "abnormal_exit": abnormal_exit,
        "crashes": len(internal) + missing + unreadable + int(abnormal_exit),
        "memory": memory,
        "peak_mb": round(done.peak_mb, 1),
    }


# --------------------------------------------------------------------------- 5. synthetic


def synthetic_text(directory: Path, size: int) -> str:
    """Corpus articles (title, blank line, body) joined in memory up to ``size`` UTF-8 bytes."""
    parts, total = [], 0
    while total < size:
        for path in corpus_files(directory):
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        r = json.loads(line)
                        part = (r.get("title") or "").strip() + "\n\n" + (r.get("text") or "").strip() + "\n\n"
                        parts.append(part)
                        total += len(part.encode("utf-8"))
                        if total >= size:
                            break
            if total >= size:
                break
    return "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore")


def bench_synthetic(directory: Path, sizes_mb: list[float], tmp: str) -> dict:
    """Each size: one file of joined corpus articles through the CLI, as a user runs it
    (with a lexicon cache of its own, filled by one untimed run first)."""
    points = []
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(tmp, "cache"))
    warm = os.path.join(tmp, "warm.txt")
    Path(warm).write_text(synthetic_text(directory, 256 * 1024), encoding="utf-8")
    subprocess.run(meetsum_command() + [warm, "--format", "json"], capture_output=True, env=env)
    for size_mb in sizes_mb:
        size = int(size_mb * MB)
        path = os.path.join(tmp, f"joined-{size}.txt")
        Path(path).write_text(synthetic_text(directory, size), encoding="utf-8")
        log(f"synthetic: meetsum on one {size_mb:g} MB file ...")
        argv = meetsum_command() + [path, "--format", "json"]
        with Background() as background:
            run = Measured(argv, tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            out, err = run.proc.communicate()
            done = run.finish()
        os.unlink(path)
        point = {"mb": size_mb, "seconds": round(background.wall, 2), "cpu_s": round(done.cpu_s, 2),
                 "peak_mb": round(done.peak_mb, 1), "exit": done.exit,
                 "background_cores": background.cores(done.cpu_s)}
        try:
            point["meetings"] = len(json.loads(out).get("meetings", []))
        except (json.JSONDecodeError, AttributeError):
            point["error"] = err.decode("utf-8", "replace").strip()[-500:]
        points.append(point)
    by_size = {p["mb"]: p for p in points}
    growth = None
    if 2 in by_size and 20 in by_size and by_size[2]["cpu_s"] > 0:
        growth = round(by_size[20]["cpu_s"] / by_size[2]["cpu_s"], 2)
    return {"points": points, "growth_2_to_20": growth}


# --------------------------------------------------------------------------- profiles


def profile_summarize(articles: list[Article], top: int = 15) -> None:
    """cProfile of summarize over ``articles`` (after one warm-up call); top functions by cumtime."""
    from meetsum import summarize

    summarize(articles[0].text)
    texts = [(a.text, a.published) for a in articles]
    profiler = cProfile.Profile()
    profiler.enable()
    for text, published in texts:
        summarize(text, published=published)
    profiler.disable()
    print(f"# cProfile: summarize over {len(texts)} articles, top {top} by cumulative time")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def import_times(argv: list[str], top: int = 10, pycache: str | None = None) -> None:
    """``python -X importtime``: the ``top`` modules by cumulative and by self time; with
    ``pycache``, using (after one untimed run to fill it) a bytecode cache there."""
    env = None
    if pycache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pycache
        subprocess.run([sys.executable] + argv, capture_output=True, env=env)
    done = subprocess.run([sys.executable, "-X", "importtime"] + argv, capture_output=True, text=True, env=env)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if match:
            rows.append((int(match.group(1)) / 1000, int(match.group(2)) / 1000, len(match.group(3)) // 2,
                         match.group(4)))
    total = sum(row[0] for row in rows)
    cache = "with a .pyc cache" if pycache else "as is" + (" (no .pyc)" if sys.flags.dont_write_bytecode else "")
    print(f"# python -X importtime {' '.join(argv)}, {cache}: {len(rows)} modules, {total:.0f} ms in imports")
    for key, label in ((1, "cumulative"), (0, "self")):
        print(f"## top {top} by {label} time\n{'self ms':>9} {'cum ms':>9}  depth  module")
        for self_ms, cum_ms, depth, name in sorted(rows, key=lambda row: row[key], reverse=True)[:top]:
            print(f"{self_ms:9.1f} {cum_ms:9.1f}  {depth:5d}  {name}")


# --------------------------------------------------------------------------- report


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else "PASS" if ok else "FAIL"


def table(results: dict) -> str:
    rows: list[tuple[str, str, str, str]] = []
    load: list[str] = []  # background load per item
    t = results.get("throughput")
    if t:
        rows += [
            (f"1 summarize ({t['articles']} articles, {t['mean_chars']} chars avg)",
             f"{t['articles_per_s']:.1f} art/CPU-s", ">= 500", verdict(t["articles_per_s"] >= 500)),
            ("  same, per wall-clock second", f"{t['articles_per_wall_s']:.1f} art/s", "", "-"),
            ("  per article p50 / p99 / max", f"{t['ms_p50']} / {t['ms_p99']} / {t['ms_max']} ms", "", "-"),
            ("  floor: camel-tools normalize + tokenize", f"{t['floor_articles_per_s']:.1f} art/CPU-s", "", "-"),
            ("  meetsum time / floor time", f"{t['ratio_to_floor']:.2f}x", "<= 3x", verdict(t["ratio_to_floor"] <= 3)),
            ("  import meetsum.pipeline / first call", f"{t['import_s']} s / {t['first_call_s']} s", "", "-"),
            ("  exceptions raised by summarize", str(len(t["errors"])), "0", verdict(not t["errors"])),
        ]
        load.append(f"throughput {t['background_cores']}, floor {t['floor_background_cores']}")
    j = results.get("jobs")
    if j:
        rows += [
            (f"2 CLI --jobs 1 ({j['articles']} records, best of {j['repeat']})",
             f"{j['jobs1']['articles_per_s']:.1f} art/s", "", "-"),
            ("  CLI --jobs 2", f"{j['jobs2']['articles_per_s']:.1f} art/s", "", "-"),
            ("  speed-up (CPU cores used by --jobs 2)", f"{j['speedup']:.2f}x ({j['jobs2']['cpu_cores']})", "", "-"),
        ]
        load.append(f"jobs 1 {j['jobs1']['background_cores']}, jobs 2 {j['jobs2']['background_cores']}")
    s = results.get("startup")
    if s:
        as_is = "as is (PYTHONDONTWRITEBYTECODE set: no .pyc)" if s["dont_write_bytecode"] else "as is"
        for series, note in (("as_is", as_is), ("with_pyc", "with a .pyc cache")):
            for name, label in (("example_json", "EXAMPLE --format json"), ("help", "--help"), ("version", "--version")):
                r = s[series][name]
                head = f"3 cold start, {note}" if name == "example_json" else ""
                if head:
                    rows.append((head + f", median of {results['config']['runs']}:", "", "", ""))
                rows.append((f"  {label}", f"{r['median_s']:.3f} s", f"<= {r['target_s']} s",
                             verdict(r["median_s"] <= r["target_s"])))
            load.append(f"startup {series} " + ", ".join(str(s[series][name]["background_cores"]) for name in s[series]))
    c = results.get("corpus")
    if c:
        first = c["memory"][0]
        flat = c["peak_mb"] <= 1.1 * first["peak_mb"]
        rows += [
            (f"4 peak RSS after {first['inputs']} inputs", f"{first['peak_mb']:.1f} MB", "<= 150 MB",
             verdict(first["peak_mb"] <= 150)),
            (f"  peak RSS over all {c['records']} inputs", f"{c['peak_mb']:.1f} MB", "<= 150 MB, flat",
             verdict(c["peak_mb"] <= 150 and flat)),
        ]
    y = results.get("synthetic")
    if y:
        rows.append(("5 meetsum FILE --format json, FILE = joined articles:", "", "", ""))
        for point in y["points"]:
            ok = point["exit"] in (0, 1) and "error" not in point
            if point["mb"] == 20:
                ok = ok and point["cpu_s"] <= 20
            rows.append((f"  {point['mb']:g} MB: wall / CPU / peak RSS / meetings",
                         f"{point['seconds']:.1f} s / {point['cpu_s']:.1f} s / {point['peak_mb']:.0f} MB / "
                         f"{point.get('meetings', '-')}",
                         "<= 20 s CPU, < 400 MB" if point["mb"] == 20 else "< 400 MB",
                         verdict(ok and point["peak_mb"] < 400)))
            load.append(f"synthetic {point['mb']:g} MB {point['background_cores']}")
        if y["growth_2_to_20"] is not None:
            rows.append(("  CPU time 20 MB / 2 MB", f"{y['growth_2_to_20']:.2f}x", "<= 12x",
                         verdict(y["growth_2_to_20"] <= 12)))
    if c:
        rows += [
            (f"6 CLI over {c['articles']} corpus records: records out", str(c["records"]), str(c["articles"]),
             verdict(c["records"] == c["articles"])),
            ("  crashes (internal errors, lost records, bad exit)", str(c["crashes"]), "0", verdict(c["crashes"] == 0)),
            ("  input errors on stderr / exit status", f"{c['input_error_count']} / {c['exit']}", "", "-"),
            ("  articles marked as meetings", f"{c['meetings']} ({100 * c['meetings'] / max(c['records'], 1):.1f}%)",
             "", "-"),
            ("  CLI wall time, --jobs 1", f"{c['seconds']:.0f} s ({c['articles_per_s']} art/s)", "", "-"),
        ]
        load.append(f"corpus {c['background_cores']}")
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    twidth = max(len(r[2]) for r in rows)
    config = results["config"]
    lines = [f"meetsum {config['version']} (sources {config['fingerprint']}), {config['articles']} of "
             f"{config['corpus_articles']} corpus articles, {config['cpus']} CPUs, Python {config['python']}, "
             f"{config['date']}",
             f"{'measure':<{width}}  {'value':>{vwidth}}  {'target':<{twidth}}  verdict",
             "-" * (width + vwidth + twidth + 13)]
    lines += [f"{a:<{width}}  {b:>{vwidth}}  {c_:<{twidth}}  {d}" for a, b, c_, d in rows]
    if c:
        for error in c["internal_errors"][:20]:
            lines.append(f"CRASH {error['id']}: {error['stderr']}")
        for name, counts in sorted(c["per_file"].items()):
            lines.append(f"  {name}: {counts['records']} records, {counts['meetings']} meetings")
        lines.append("  peak RSS by inputs: " + ", ".join(f"{m['inputs']}: {m['peak_mb']} MB" for m in c["memory"]))
    if t:
        for error in t["errors"][:20]:
            lines.append(f"EXCEPTION {error['id']}: {error['error']}")
    lines.append("background load (cores used by other processes): " + "; ".join(load))
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=10000,
                        help="articles for items 1, 4 and 6, spread over all corpora; 0 = all (default 10000)")
    parser.add_argument("--corpora", type=Path,
                        default=Path(os.environ.get("MEETSUM_CORPORA", REPO.parent / "shared" / "corpora")),
                        help="directory of *.jsonl.gz corpora (default $MEETSUM_CORPORA or ../shared/corpora)")
    parser.add_argument("--only", default=",".join(ITEMS), help=f"comma-separated subset of: {', '.join(ITEMS)}")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--table", type=Path, metavar="FILE", help="print a saved --json result as the table, then exit")
    parser.add_argument("--jobs-limit", type=int, default=1500, help="records for the --jobs 1 vs 2 runs (default 1500)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved --jobs 1/2 runs, best kept (default 3)")
    parser.add_argument("--quiet-wait", type=float, default=60.0, metavar="SECONDS",
                        help="before each --jobs run, wait up to this long for an idle machine (default 60)")
    parser.add_argument("--runs", type=int, default=10, help="cold-start runs per command (default 10)")
    parser.add_argument("--example", type=Path, default=REPO / "examples" / "bilateral-visit.txt",
                        help="the article for the cold-start runs (default examples/bilateral-visit.txt)")
    parser.add_argument("--synthetic-mb", default="1,2,4,8,20", metavar="SIZES",
                        help="sizes in MB of the joined-articles inputs (default 1,2,4,8,20)")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile summarize over N articles, then exit")
    parser.add_argument("--importtime", action="store_true", help="print import-time breakdowns, then exit")
    args = parser.parse_args()

    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return 0
    if args.importtime:
        cold_run = meetsum_command() + [str(args.example), "--format", "json"]
        with tempfile.TemporaryDirectory(prefix="meetsum-bench-") as tmp:
            for pycache in (None, tmp):
                import_times(["-c", "import meetsum.cli"], pycache=pycache)
                print()
                import_times(cold_run, pycache=pycache)
                print()
        return 0

    only = [item.strip() for item in args.only.split(",") if item.strip()]
    unknown = set(only) - set(ITEMS)
    if unknown:
        parser.error(f"--only: unknown item(s) {', '.join(sorted(unknown))}; choose from {', '.join(ITEMS)}")

    log(f"loading corpora from {args.corpora} ...")
    everything = load_articles(args.corpora)
    articles = sample(everything, args.limit)
    if args.profile:
        profile_summarize(sample(everything, args.profile))
        return 0

    from meetsum import __version__

    results: dict = {"config": {
        "version": __version__, "fingerprint": code_fingerprint(), "corpus_articles": len(everything),
        "articles": len(articles), "limit": args.limit, "cpus": os.cpu_count(), "runs": args.runs,
        "python": sys.version.split()[0], "date": time.strftime("%Y-%m-%d %H:%M:%S")}}
    with tempfile.TemporaryDirectory(prefix="meetsum-bench-") as tmp:
        if "throughput" in only:
            results["throughput"] = bench_throughput(articles)
            gc.collect()
        if "jobs" in only:
            results["jobs"] = bench_jobs(sample(everything, args.jobs_limit), tmp, args.repeat, args.quiet_wait)
        if "startup" in only:
            results["startup"] = bench_startup(args.example, args.runs, tmp)
        if "synthetic" in only:
            sizes = [float(size) for size in args.synthetic_mb.split(",") if size.strip()]
            results["synthetic"] = bench_synthetic(args.corpora, sizes, tmp)
        if "corpus" in only:
            results["corpus"] = bench_corpus(articles, len(articles) == len(everything),
                                             corpus_files(args.corpora), tmp)
    print(json.dumps(results, ensure_ascii=False, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
