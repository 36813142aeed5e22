"""Benchmark `framing report` at scale: 10,000 to a million articles, against the floor.

For each size, builds (or reuses) a JSON Lines corpus of that many articles
(``benchmarks/corpus.py``, cached in ``--work``), then runs, each as a
command in its own process:

- the floor, ``benchmarks/bench_floor.py`` (read, split sentences, match the
  lexicon with Aho-Corasick, count unigrams: the least work an analysis
  needs, in one process);
- ``framing report CORPUS.jsonl --quick``;
- ``framing report CORPUS.jsonl`` (in depth; ``--skip-depth`` leaves it out).

``--skip-floor`` leaves the floor out; ``--repeat N`` runs the two reports N
times, alternating, and prints in depth ÷ quick for each pair and for the
means, the ratio to compare on a machine whose speed drifts.

With ``--tables csv`` or ``--tables parquet``, each report also writes its
tables (``--tables DIR --table-format FORMAT``); the table then gives their
size on disk and the seconds pandas takes to load ``sentences.csv`` or
``sentences.parquet`` (in this process, after the run).

For each run it measures the wall time, the CPU time of the command and all
its worker processes (``getrusage(RUSAGE_CHILDREN)`` before and after, user
+ system), and the memory of the process tree, sampled from /proc: the
peak of the summed RSS (every 0.2 s), and the peak of the summed PSS (every
2 s, and whenever the RSS has grown by 5%, as reading it costs more; the
sampling's own CPU time is printed). Workers
are forked, so their RSS counts the pages they share with the main process
again; PSS divides each shared page among the processes sharing it, so the
summed PSS is the physical memory the tree holds. It reads the documents
read, analysed and skipped from the JSON export (``corpus.documents`` and
``skipped``, docs/json.md), and prints one Markdown table, with each run's
CPU time over the floor's for the same corpus.

Run from the repository root (the floor needs ``pip install "framing[bench]"``)::

    python benchmarks/bench_scale.py                               # 10k and 100k
    python benchmarks/bench_scale.py --sizes 10000,100000,300000,1000000 --skip-depth
    python benchmarks/bench_scale.py --engine-args "--workers 2" --timeout 3600
    python benchmarks/bench_scale.py --sizes 10000 --skip-depth --tables parquet
    python benchmarks/bench_scale.py --sizes 1000000 --skip-floor --repeat 2   # in depth ÷ quick

The commands' outputs and logs stay in ``--work`` (default /tmp/framing-scale).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shlex
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import fmean
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 1e6
#: Seconds between two samples of the process tree's RSS.
INTERVAL = 0.2
#: The PSS is read at every this many samples (every 2 s) ...
PSS_EVERY = 10
#: ... and whenever the summed RSS has grown by this factor since it was last read.
PSS_GROWTH = 1.05


@dataclass
class Run:
    """One measured command."""

    size: int
    mode: str
    command: list[str]
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mb: float = 0.0
    peak_pss_mb: float = 0.0
    monitor_cpu_s: float = 0.0
    returncode: int | None = None
    timed_out: bool = False
    json_mb: float | None = None
    html_mb: float | None = None
    tables_mb: float | None = None
    load_sentences_s: float | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str = ""


def corpus_for(
    work: Path, size: int, *, outlets: int, seed: int, distinct: bool = False
) -> tuple[Path, float | None]:
    """The JSON Lines corpus of ``size`` articles in ``work``, and seconds to build it.

    The seconds are None when the corpus was already there. ``distinct``:
    sentences that almost never repeat (:mod:`benchmarks.corpus`).
    """
    from benchmarks.corpus import write_jsonl

    kind = "-distinct" if distinct else ""
    path = work / f"corpus-{size}-outlets{outlets}-seed{seed}{kind}.jsonl"
    if path.exists():
        return path, None
    start = time.perf_counter()
    write_jsonl(path, n_articles=size, n_outlets=outlets, seed=seed, distinct=distinct)
    return path, time.perf_counter() - start


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc's lists of children."""
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:  # the process ended meanwhile
            continue
    return found


def tree_memory_mb(pids: list[int], *, field: str) -> float:
    """Summed ``field`` ("rss" or "pss") of these processes, in MB.

    RSS comes from ``statm`` (cheap); PSS from ``smaps_rollup``, for which
    the kernel walks every page of the process: several milliseconds for a
    process of a few GB, so it is read less often (see :func:`measure`).
    """
    total = 0.0
    for pid in pids:
        try:
            if field == "rss":
                with open(f"/proc/{pid}/statm") as handle:
                    total += int(handle.read().split()[1]) * PAGE_MB
                continue
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) / 1000
                        break
        except (OSError, IndexError, ValueError):  # the process ended meanwhile
            continue
    return total


def measure(run: Run, *, timeout: float, log: Path, stdout: Path) -> None:
    """Run ``run.command`` to completion or ``timeout``; fill in times and memory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peaks = [0.0, 0.0, 0.0]
    with log.open("w") as err, stdout.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            run.command, cwd=REPO, env=env, stdout=out, stderr=err, start_new_session=True
        )
        done = threading.Event()

        def sample() -> None:
            # RSS at every sample; PSS every PSS_EVERY samples, and whenever
            # the RSS has grown by PSS_GROWTH since PSS was last read, so
            # that a short run or a quick rise is not missed.
            count, rss_at_pss = 0, 0.0
            while not done.wait(INTERVAL):
                pids = process_tree(process.pid)
                rss = tree_memory_mb(pids, field="rss")
                peaks[0] = max(peaks[0], rss)
                if count % PSS_EVERY == 0 or rss > rss_at_pss * PSS_GROWTH:
                    peaks[1] = max(peaks[1], tree_memory_mb(pids, field="pss"))
                    rss_at_pss = rss
                count += 1
            peaks[2] = time.thread_time()  # this thread's CPU: the cost of sampling

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            run.timed_out = True
            os.killpg(process.pid, signal.SIGKILL)  # the command and its workers
            process.wait()
        run.wall_s = time.perf_counter() - start
        done.set()
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    run.peak_rss_mb, run.peak_pss_mb, run.monitor_cpu_s = peaks
    run.returncode = process.returncode
    if process.returncode and not run.timed_out:
        lines = log.read_text(errors="replace").strip().splitlines()
        run.error = lines[-1] if lines else f"exit status {process.returncode}"


def skipped_rows(entries: list[dict[str, Any]]) -> int:
    """How many inputs the ``skipped`` entries stand for (one summarises 'N more rows')."""
    total = 0
    for entry in entries:
        more = re.search(r"in ([\d,]+) more rows", str(entry.get("reason", "")))
        total += int(more.group(1).replace(",", "")) if more else 1
    return total


def report_counts(path: Path) -> dict[str, int]:
    """Documents read, analysed and skipped, from a report's JSON export."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    analysed = int(data["corpus"]["documents"])
    skipped = skipped_rows(data.get("skipped", []))
    return {"read": analysed + skipped, "analysed": analysed, "skipped": skipped}


def run_size(size: int, corpus: Path, args: argparse.Namespace) -> list[Run]:
    """The floor, the quick report and (unless skipped) the in-depth report on one corpus.

    With ``--repeat N`` the reports run N times, alternating (quick, in
    depth, quick, in depth …), so that a drift in the machine's speed
    touches both modes alike; the ``N``-th run of a mode is named
    "quick 2", "in depth 2" ….
    """
    out = args.work / ("out-distinct" if args.distinct else "out")
    out.mkdir(parents=True, exist_ok=True)
    floor = Run(size, "floor", [sys.executable, str(REPO / "benchmarks" / "bench_floor.py"),
                                str(corpus), "--json"])  # fmt: skip
    runs = [] if args.skip_floor else [floor]
    modes = [("quick", ["--quick"])] + ([] if args.skip_depth else [("in depth", [])])
    repeated = [
        (mode if n == 1 else f"{mode} {n}", flags)
        for n in range(1, args.repeat + 1)
        for mode, flags in modes
    ]
    for mode, flags in repeated:
        stem = out / f"{size}-{mode.replace(' ', '-')}"
        command = [sys.executable, "-m", "framing", "report", str(corpus), *flags,
                   "--out", f"{stem}.html", "--json", f"{stem}.json",
                   "--quiet", "--no-progress", *args.engine_args]  # fmt: skip
        if args.tables:
            command += ["--tables", f"{stem}-tables", "--table-format", args.tables]
        runs.append(Run(size, mode, command))
    for run in runs:
        stem = out / f"{size}-{run.mode.replace(' ', '-')}"
        for old in (stem.with_suffix(".html"), stem.with_suffix(".json")):
            old.unlink(missing_ok=True)
        print(f"  {run.mode}: {shlex.join(run.command)}", file=sys.stderr, flush=True)
        measure(run, timeout=args.timeout, log=stem.with_suffix(".log"),
                stdout=stem.with_suffix(".stdout"))  # fmt: skip
        if run.returncode == 0 and run.mode == "floor":
            result = json.loads(stem.with_suffix(".stdout").read_text())
            analysed, skipped = result["documents"], result["skipped"]
            run.counts = {"read": analysed + skipped, "analysed": analysed, "skipped": skipped}
        elif run.returncode == 0:
            run.html_mb = stem.with_suffix(".html").stat().st_size / 1e6
            run.json_mb = stem.with_suffix(".json").stat().st_size / 1e6
            run.counts = report_counts(stem.with_suffix(".json"))
            if args.tables:
                measure_tables(run, Path(f"{stem}-tables"), args.tables)
        status = "timed out" if run.timed_out else run.error or "ok"
        print(f"    {run.wall_s:.1f} s wall, {run.cpu_s:.1f} s CPU, {status} "
              f"(sampling memory: {run.monitor_cpu_s:.1f} s CPU)",
              file=sys.stderr, flush=True)  # fmt: skip
    return runs


def measure_tables(run: Run, folder: Path, table_format: str) -> None:
    """The tables' size on disk, and the seconds pandas takes to load the sentence table."""
    import pandas as pd

    run.tables_mb = sum(p.stat().st_size for p in folder.glob(f"*.{table_format}")) / 1e6
    start = time.perf_counter()
    if table_format == "parquet":
        pd.read_parquet(folder / "sentences.parquet")
    else:
        pd.read_csv(folder / "sentences.csv")
    run.load_sentences_s = time.perf_counter() - start


def table(runs: list[Run]) -> str:
    """The runs as one Markdown table (with the tables' columns when any run wrote tables)."""
    tables = any(r.tables_mb is not None for r in runs)
    extra = " tables MB | load sentences s |" if tables else ""
    lines = [
        "| articles | run | wall s | CPU s | CPU / floor | peak RSS, summed | peak PSS, summed "
        "| JSON MB | HTML MB | read | analysed | skipped |" + extra,
        "|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|---|" if tables else ""),
    ]
    floors = {r.size: r.cpu_s for r in runs if r.mode == "floor" and r.returncode == 0}
    for r in runs:
        if r.timed_out or r.returncode != 0:
            state = "timed out" if r.timed_out else f"failed: {r.error}"
            lines.append(f"| {r.size:,} | {r.mode} | {r.wall_s:,.0f}: {state} |||||||||| ")
            continue
        ratio = f"{r.cpu_s / floors[r.size]:.1f}×" if r.size in floors else ""
        mb = lambda v: "" if v is None else f"{v:,.1f}"  # noqa: E731
        counts = [f"{r.counts.get(k, 0):,}" for k in ("read", "analysed", "skipped")]
        load = "" if r.load_sentences_s is None else f"{r.load_sentences_s:.2f}"
        lines.append(
            f"| {r.size:,} | {r.mode} | {r.wall_s:,.1f} | {r.cpu_s:,.1f} | {ratio} "
            f"| {r.peak_rss_mb:,.0f} MB | {r.peak_pss_mb:,.0f} MB | {mb(r.json_mb)} "
            f"| {mb(r.html_mb)} | {' | '.join(counts)} |"
            + (f" {mb(r.tables_mb)} | {load} |" if tables else "")
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated article counts")
    parser.add_argument("--work", type=Path, default=Path("/tmp/framing-scale"),
                        help="where corpora are cached and outputs written")  # fmt: skip
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine-args", type=shlex.split, default=[],
                        help='extra arguments for framing report, e.g. "--workers 2"')  # fmt: skip
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per run")
    parser.add_argument("--skip-depth", action="store_true", help="leave out the in-depth report")
    parser.add_argument("--skip-floor", action="store_true", help="leave out the floor")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the reports this many times, alternating the modes")  # fmt: skip
    parser.add_argument("--distinct", action="store_true",
                        help="a corpus of sentences that almost never repeat")  # fmt: skip
    parser.add_argument("--tables", choices=["csv", "parquet"],
                        help="also write the tables in this format; time loading them")  # fmt: skip
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"{os.cpu_count()} CPUs", file=sys.stderr)  # fmt: skip
    runs: list[Run] = []
    for size in sizes:
        corpus, built = corpus_for(
            args.work, size, outlets=args.outlets, seed=args.seed, distinct=args.distinct
        )
        state = f"built in {built:.1f} s" if built is not None else "cached"
        print(f"{size:,} articles: {corpus} ({corpus.stat().st_size / 1e6:,.0f} MB, {state})",
              file=sys.stderr, flush=True)  # fmt: skip
        runs.extend(run_size(size, corpus, args))
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}", file=sys.stderr)
    results = "results-distinct.json" if args.distinct else "results.json"
    (args.work / results).write_text(json.dumps([asdict(r) for r in runs], indent=1))
    print(table(runs))
    print(depth_ratios(runs))


def depth_ratios(runs: list[Run]) -> str:
    """In depth ÷ quick, wall and CPU, for each alternated pair and for the means of each size."""
    lines = []
    for size in sorted({r.size for r in runs}):
        ok = [r for r in runs if r.size == size and r.returncode == 0 and not r.timed_out]
        quick = [r for r in ok if r.mode.startswith("quick")]
        depth = [r for r in ok if r.mode.startswith("in depth")]
        for n, (q, d) in enumerate(zip(quick, depth, strict=False), start=1):
            lines.append(f"{size:,} pair {n}: in depth ÷ quick {d.wall_s / q.wall_s:.2f}× wall, "
                         f"{d.cpu_s / q.cpu_s:.2f}× CPU")  # fmt: skip
        if len(quick) > 1 and depth:
            wall = fmean(r.wall_s for r in depth) / fmean(r.wall_s for r in quick)
            cpu = fmean(r.cpu_s for r in depth) / fmean(r.cpu_s for r in quick)
            lines.append(f"{size:,} means: in depth ÷ quick {wall:.2f}× wall, {cpu:.2f}× CPU")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
