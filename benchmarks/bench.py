#!/usr/bin/env python3
"""Speed, memory and robustness of meetsum on real Arabic news corpora.

    uv run python benchmarks/bench.py                  # everything, a sample of 10,000 articles
    uv run python benchmarks/bench.py --limit 0        # the whole corpus (takes long)
    uv run python benchmarks/bench.py --only throughput,corpus --limit 0 --json
    uv run python benchmarks/bench.py --profile 2000   # cProfile of summarize, then exit
    uv run python benchmarks/bench.py --importtime     # import-time breakdown, then exit

The corpora (gzipped JSON Lines with id, title, text, time) are read at run time from
``--corpora`` (default ``$MEETSUM_CORPORA`` or ``../shared/corpora`` next to the repository);
no article text is ever written into the repository. Temporary files go to the system
temporary directory and are removed at exit.

What is measured (``--only`` takes the names in brackets):

1. [throughput] Articles per second of ``meetsum.summarize`` in this process, pinned to one
   core, over the articles built as the evaluator builds them (title, blank line, body,
   ``published`` from the ``time`` field), and over the same texts the "floor": camel-tools'
   ``normalize_alef_ar``/``normalize_alef_maksura_ar``/``normalize_teh_marbuta_ar`` plus
   ``simple_word_tokenize(split_digits=True)``. Import time and the first (lexicon-loading)
   call are excluded and reported apart. Targets: >= 500 articles/s, <= 3x the floor's time.
2. [jobs] Wall-clock throughput of ``meetsum --jsonl text --format jsonl --jobs N FILE`` for
   N = 1 and 2 on one JSON Lines file of ``--jobs-limit`` articles; the speed-up.
3. [startup] Median wall time of ``--runs`` cold runs each of ``meetsum EXAMPLE --format
   json``, ``meetsum --help`` and ``meetsum --version`` (console script, after one untimed
   run so the OS file cache is warm). Targets: 0.4 s, 0.25 s, 0.25 s.
4. [corpus] One CLI process (``--jobs 1``) over all selected articles (with ``--limit 0``
   the corpus files themselves are its arguments):
   memory: the peak RSS (``VmHWM``) after 1k, 10k, ... outputs and at the end
   (``wait4`` rusage). Targets: <= 150 MB, and flat (peak at all <= 1.1 x peak at 1k).
   crashes: output records, "internal error" lines on stderr (each with its record id),
   other stderr lines (input errors), records that never came out, exit status other than
   0/1/2 (or 2 without an error line). Target: 0 crashes. Also the meetings detected.
5. [synthetic] One ``--synthetic-mb`` input (corpus articles concatenated in memory) through
   ``summarize``, each size in a fresh subprocess. Sizes double from 1/128 of the target
   while the growth seen so far predicts the next one fits in ``--synthetic-budget``
   seconds; if the target size is not reached, its time is extrapolated from the last two
   sizes (time ~ size^k). Target: <= 20 s.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import hashlib
import io
import json
import math
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
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


@contextmanager
def one_core():
    """Pin this process to a single CPU for the duration of a ``with`` block."""
    saved = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if saved:
        os.sched_setaffinity(0, {max(saved)})
    try:
        yield
    finally:
        if saved:
            os.sched_setaffinity(0, saved)


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
# exit code and peak RSS (kB) to the file named by argv[1].
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(f"{pid}\\n")
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "a") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}\\n")
"""


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

    def finish(self) -> tuple[int, float]:
        """Wait; (the CLI's exit code, negative for a signal; its peak RSS in MB)."""
        self.proc.wait()
        status, max_rss_kb = Path(self.report).read_text().split("\n")[1].split()
        return int(status), int(max_rss_kb) / 1024


# --------------------------------------------------------------------------- 1. throughput


def bench_throughput(articles: list[Article]) -> dict:
    texts = [(a.text, a.published) for a in articles]
    started = time.perf_counter()
    from meetsum import summarize
    import meetsum.pipeline  # noqa: F401  (the real import; meetsum/__init__ is lazy)
    import_s = time.perf_counter() - started
    with one_core():
        started = time.perf_counter()
        try:
            summarize(texts[0][0], published=texts[0][1])  # loads the lexicon, builds the patterns
        except Exception:  # counted again, with the article's id, in the timed loop below
            pass
        first_call_s = time.perf_counter() - started

        log(f"throughput: summarize over {len(texts)} articles on one core ...")
        times, errors, meetings = [], [], 0
        clock = time.perf_counter
        for (text, published), article in zip(texts, articles):
            started = clock()
            try:
                meetings += summarize(text, published=published).meeting_detected
            except Exception as exc:  # report, and carry on with the others
                errors.append({"id": article.id, "error": f"{type(exc).__name__}: {exc}"})
            times.append(clock() - started)
        meetsum_s = sum(times)

        log("throughput: camel-tools floor over the same texts ...")
        started = time.perf_counter()
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                                 normalize_teh_marbuta_ar)
        floor_import_s = time.perf_counter() - started
        simple_word_tokenize("تجربة", split_digits=True)
        started = time.perf_counter()
        for text, _ in texts:
            simple_word_tokenize(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text))),
                                 split_digits=True)
        floor_s = time.perf_counter() - started

    slowest = sorted(zip(times, articles), key=lambda pair: pair[0], reverse=True)[:5]
    return {
        "articles": len(texts),
        "mean_chars": round(sum(len(t) for t, _ in texts) / len(texts)),
        "import_s": round(import_s, 3),
        "first_call_s": round(first_call_s, 3),
        "seconds": round(meetsum_s, 2),
        "articles_per_s": round(len(texts) / meetsum_s, 1),
        "ms_p50": round(1000 * percentile(times, 0.5), 2),
        "ms_p99": round(1000 * percentile(times, 0.99), 2),
        "ms_max": round(1000 * max(times), 1),
        "slowest": [{"id": a.id, "ms": round(1000 * t, 1), "chars": len(a.text)} for t, a in slowest],
        "meetings": meetings,
        "errors": errors,
        "floor_import_s": round(floor_import_s, 3),
        "floor_seconds": round(floor_s, 2),
        "floor_articles_per_s": round(len(texts) / floor_s, 1),
        "ratio_to_floor": round(meetsum_s / floor_s, 2),
    }


# --------------------------------------------------------------------------- 2. --jobs


def run_cli_count(argv: list[str]) -> tuple[float, int, int]:
    """Run the CLI, count its output lines; (wall seconds, lines, exit status)."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda: proc.stdout.read(1 << 16), b""))
    status = proc.wait()
    return time.perf_counter() - started, lines, status


def bench_jobs(articles: list[Article], tmp: str) -> dict:
    path = write_jsonl(articles, tmp, "jobs.jsonl")
    result = {"articles": len(articles)}
    for jobs in (1, 2):
        log(f"jobs: meetsum --jobs {jobs} over {len(articles)} records ...")
        seconds, lines, status = run_cli_count(
            meetsum_command() + ["--jsonl", "text", "--format", "jsonl", "--jobs", str(jobs), path])
        result[f"jobs{jobs}"] = {"seconds": round(seconds, 2), "articles_per_s": round(lines / seconds, 1),
                                 "records": lines, "exit": status}
    result["speedup"] = round(result["jobs1"]["seconds"] / result["jobs2"]["seconds"], 2)
    return result


# --------------------------------------------------------------------------- 3. cold start


def bench_startup(example: Path, runs: int) -> dict:
    cases = {
        "example_json": (meetsum_command() + [str(example), "--format", "json"], 0.4),
        "help": (meetsum_command() + ["--help"], 0.25),
        "version": (meetsum_command() + ["--version"], 0.25),
    }
    result = {}
    for name, (argv, target) in cases.items():
        log(f"startup: {runs} runs of {' '.join(Path(argv[0]).name if i == 0 else a for i, a in enumerate(argv))}")
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm the file cache
        times, statuses = [], set()
        for _ in range(runs):
            started = time.perf_counter()
            statuses.add(subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode)
            times.append(time.perf_counter() - started)
        result[name] = {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
                        "max_s": round(max(times), 3), "target_s": target, "exits": sorted(statuses)}
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
    started = time.perf_counter()
    run = Measured(argv, tmp, stdout=subprocess.PIPE, stderr=stderr_file)
    proc = run.proc
    records = meetings = unreadable = 0
    per_file: dict[str, dict[str, int]] = {}
    memory: list[dict] = []
    for line in io.TextIOWrapper(proc.stdout, encoding="utf-8"):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            unreadable += 1
            continue
        records += 1
        meetings += bool(record.get("meeting_detected"))
        article = article_of(record.get("source", ""))
        counts = per_file.setdefault(Path(article.file).name if article else "?", {"records": 0, "meetings": 0})
        counts["records"] += 1
        counts["meetings"] += bool(record.get("meeting_detected"))
        if records in CHECKPOINTS:
            hwm = proc_status_kb(run.pid(), "VmHWM") if run.pid() else None
            if hwm:
                memory.append({"inputs": records, "peak_mb": round(hwm / 1024, 1)})
    status, peak_mb = run.finish()
    seconds = time.perf_counter() - started
    memory.append({"inputs": records, "peak_mb": round(peak_mb, 1)})

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
    missing = len(articles) - records - len(internal) - len(input_errors)
    abnormal_exit = status not in (0, 1, 2) or (status == 2 and not (internal or input_errors))
    return {
        "articles": len(articles),
        "seconds": round(seconds, 1),
        "articles_per_s": round(records / seconds, 1) if seconds else None,
        "exit": status,
        "records": records,
        "meetings": meetings,
        "per_file": per_file,
        "internal_errors": internal,
        "input_errors": input_errors[:20],
        "input_error_count": len(input_errors),
        "missing_records": max(missing, 0),
        "unreadable_lines": unreadable,
        "abnormal_exit": abnormal_exit,
        "crashes": len(internal) + max(missing, 0) + unreadable + int(abnormal_exit),
        "memory": memory,
        "peak_mb": round(peak_mb, 1),
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


def synthetic_worker(directory: Path, size: int) -> None:
    """Run in a fresh subprocess: time one summarize of ``size`` bytes; print JSON."""
    text = synthetic_text(directory, size)
    from meetsum import summarize

    summarize("تجربة")  # load the lexicon outside the timing
    started = time.perf_counter()
    summary = summarize(text)
    seconds = time.perf_counter() - started
    print(json.dumps({"bytes": size, "chars": len(text), "seconds": round(seconds, 2),
                      "meeting_detected": summary.meeting_detected, "meetings": len(summary.meetings),
                      "peak_mb": round(proc_status_kb(os.getpid(), "VmHWM") / 1024, 1)}))  # not ru_maxrss: see _LAUNCHER


def bench_synthetic(directory: Path, target_mb: float, budget_s: float) -> dict:
    target = int(target_mb * MB)
    sizes = [target >> k for k in range(7, -1, -1)]  # 1/128, 1/64, ..., 1 of the target
    points: list[dict] = []  # {"bytes", "seconds"} measured, or {"bytes", "over_s"} timed out
    deadline = time.perf_counter() + budget_s
    exponent = 1.0  # time ~ size^exponent, from the last two sizes (never assumed below linear)
    for size in sizes:
        remaining = deadline - time.perf_counter()
        if points:
            predicted = points[-1]["seconds"] * (size / points[-1]["bytes"]) ** exponent
            if predicted > remaining:
                log(f"synthetic: {size / MB:.2f} MB would take ~{predicted:.0f} s, over the budget; stopping")
                break
        log(f"synthetic: summarize one {size / MB:.2f} MB text ...")
        argv = [sys.executable, __file__, "--corpora", str(directory), "--synthetic-worker", str(size)]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=max(remaining, 1))
        except subprocess.TimeoutExpired:
            points.append({"bytes": size, "over_s": round(max(remaining, 1), 1)})
        else:
            if done.returncode != 0:
                points.append({"bytes": size, "error": done.stderr.strip()[-500:]})
                break
            points.append(json.loads(done.stdout))
        if len(points) >= 2 and points[-2].get("seconds", 0) > 0.05:
            later = points[-1].get("seconds") or points[-1]["over_s"]
            exponent = max(1.0, math.log(later / points[-2]["seconds"])
                           / math.log(points[-1]["bytes"] / points[-2]["bytes"]))
        if "over_s" in points[-1]:
            break
    last = points[-1] if points else {}
    reached = last.get("bytes") == target and last.get("seconds") is not None
    estimate = None
    if last and not reached and ("seconds" in last or "over_s" in last):
        estimate = round((last.get("seconds") or last["over_s"]) * (target / last["bytes"]) ** exponent, 1)
    return {"target_mb": target_mb, "budget_s": budget_s, "points": points,
            "growth_exponent": round(exponent, 2), "reached_target": reached,
            "seconds": last["seconds"] if reached else None, "estimated_seconds": estimate,
            "estimate_is_lower_bound": "over_s" in last}


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


def import_times(argv: list[str], top: int = 10) -> None:
    """``python -X importtime``: the ``top`` modules by cumulative and by self time."""
    done = subprocess.run([sys.executable, "-X", "importtime"] + argv, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if match:
            rows.append((int(match.group(1)) / 1000, int(match.group(2)) / 1000, len(match.group(3)) // 2,
                         match.group(4)))
    total = sum(row[0] for row in rows)
    print(f"# python -X importtime {' '.join(argv)}: {len(rows)} modules, {total:.0f} ms in imports")
    for key, label in ((1, "cumulative"), (0, "self")):
        print(f"## top {top} by {label} time\n{'self ms':>9} {'cum ms':>9}  depth  module")
        for self_ms, cum_ms, depth, name in sorted(rows, key=lambda row: row[key], reverse=True)[:top]:
            print(f"{self_ms:9.1f} {cum_ms:9.1f}  {depth:5d}  {name}")


# --------------------------------------------------------------------------- report


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else "PASS" if ok else "FAIL"


def table(results: dict) -> str:
    rows: list[tuple[str, str, str, str]] = []
    t = results.get("throughput")
    if t:
        rows += [
            (f"1 summarize, 1 core ({t['articles']} art., {t['mean_chars']} chars avg)",
             f"{t['articles_per_s']:.1f} art/s", ">= 500", verdict(t["articles_per_s"] >= 500)),
            ("  per article p50 / p99 / max", f"{t['ms_p50']} / {t['ms_p99']} / {t['ms_max']} ms", "", "-"),
            ("  floor: camel-tools normalize + tokenize", f"{t['floor_articles_per_s']:.1f} art/s", "", "-"),
            ("  meetsum time / floor time", f"{t['ratio_to_floor']:.2f}x", "<= 3x", verdict(t["ratio_to_floor"] <= 3)),
            ("  import meetsum.pipeline / first call", f"{t['import_s']} s / {t['first_call_s']} s", "", "-"),
            ("  exceptions raised by summarize", str(len(t["errors"])), "0", verdict(not t["errors"])),
        ]
    j = results.get("jobs")
    if j:
        rows += [
            (f"2 CLI --jobs 1 ({j['articles']} records)", f"{j['jobs1']['articles_per_s']:.1f} art/s", "", "-"),
            ("  CLI --jobs 2", f"{j['jobs2']['articles_per_s']:.1f} art/s", "", "-"),
            ("  speed-up", f"{j['speedup']:.2f}x", "", "-"),
        ]
    s = results.get("startup")
    if s:
        for name, label in (("example_json", "3 cold start: EXAMPLE --format json"),
                            ("help", "  cold start: --help"), ("version", "  cold start: --version")):
            r = s[name]
            rows.append((f"{label} (median of {results['config']['runs']})", f"{r['median_s']:.3f} s",
                         f"<= {r['target_s']} s", verdict(r["median_s"] <= r["target_s"])))
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
        if y["reached_target"]:
            rows.append((f"5 summarize one {y['target_mb']} MB text", f"{y['seconds']:.1f} s", "<= 20 s",
                         verdict(y["seconds"] <= 20)))
        else:
            timed = [p for p in y["points"] if p.get("seconds") is not None]
            last = f"{timed[-1]['bytes'] / MB:.2f} MB in {timed[-1]['seconds']:.1f} s; " if timed else ""
            bound = ">=" if y["estimate_is_lower_bound"] else "~"
            estimate = f"{bound}{y['estimated_seconds']:.0f} s (estimated)" if y["estimated_seconds"] else "n/a"
            rows.append((f"5 summarize one {y['target_mb']} MB text", estimate, "<= 20 s",
                         verdict(y["estimated_seconds"] is not None and y["estimated_seconds"] <= 20
                                 and not y["estimate_is_lower_bound"])))
            rows.append((f"  measured: {last}time ~ size^{y['growth_exponent']}", "", "", "-"))
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
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    twidth = max(len(r[2]) for r in rows)
    config = results["config"]
    lines = [f"meetsum {config['version']} (sources {config['fingerprint']}), {config['articles']} of "
             f"{config['corpus_articles']} corpus articles, {config['cpus']} CPUs, Python {config['python']}",
             f"{'measure':<{width}}  {'value':>{vwidth}}  {'target':<{twidth}}  verdict",
             "-" * (width + vwidth + twidth + 13)]
    lines += [f"{a:<{width}}  {b:>{vwidth}}  {c_:<{twidth}}  {d}" for a, b, c_, d in rows]
    if c:
        for error in c["internal_errors"][:20]:
            lines.append(f"CRASH {error['id']}: {error['stderr']}")
        for name, counts in sorted(c["per_file"].items()):
            lines.append(f"  {name}: {counts['records']} records, {counts['meetings']} meetings")
        lines.append("  peak RSS by inputs: " + ", ".join(f"{m['inputs']}: {m['peak_mb']} MB" for m in c["memory"]))
    if t and t["errors"]:
        for error in t["errors"][:20]:
            lines.append(f"EXCEPTION {error['id']}: {error['error']}")
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
    parser.add_argument("--jobs-limit", type=int, default=3000, help="records for the --jobs 1 vs 2 run (default 3000)")
    parser.add_argument("--runs", type=int, default=10, help="cold-start runs per command (default 10)")
    parser.add_argument("--example", type=Path, default=REPO / "examples" / "bilateral-visit.txt")
    parser.add_argument("--synthetic-mb", type=float, default=20.0, help="size of the large input (default 20)")
    parser.add_argument("--synthetic-budget", type=float, default=120.0,
                        help="seconds allowed for the large-input ladder (default 120)")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile summarize over N articles, then exit")
    parser.add_argument("--importtime", action="store_true", help="print import-time breakdowns, then exit")
    parser.add_argument("--synthetic-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.synthetic_worker:
        synthetic_worker(args.corpora, args.synthetic_worker)
        return 0
    if args.importtime:
        import_times(["-c", "import meetsum.cli"])
        print()
        import_times(meetsum_command() + [str(args.example), "--format", "json"])
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
            results["jobs"] = bench_jobs(sample(everything, args.jobs_limit), tmp)
        if "startup" in only:
            results["startup"] = bench_startup(args.example, args.runs)
        if "synthetic" in only:
            results["synthetic"] = bench_synthetic(args.corpora, args.synthetic_mb, args.synthetic_budget)
        if "corpus" in only:
            results["corpus"] = bench_corpus(articles, len(articles) == len(everything),
                                             corpus_files(args.corpora), tmp)
    print(json.dumps(results, ensure_ascii=False, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
