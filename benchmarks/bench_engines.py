"""Benchmark where the quick analysis's per-article work runs: local processes or Dask workers.

For the seeds and a synthetic corpus (built as in bench_pipeline.py), the
corpus is loaded and cleaned once; then the quick map-and-reduce analysis
(``analyse(..., keep_sentences=False)``, what ``framing report --quick``
runs) is timed with each engine: a first run that includes starting the
workers (and, for Dask, their first imports), then ``--repeat`` rounds in
which each engine, already started, runs once in turn (the machine is
shared: a busy spell then slows every engine rather than one). Every
run's JSON is checked to be identical to that of the default path
(``engine=None``, ``options.jobs`` processes).

Run from the repository root::

    python benchmarks/bench_engines.py                  # seeds and 2,000 articles
    python benchmarks/bench_engines.py --articles 500 --repeat 1

It prints one table; figures go into docs/scale.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_pipeline import build_corpus  # noqa: E402
from framing.dask_engine import DaskEngine, _apply, _Box  # noqa: E402


class ScatteringDaskEngine(DaskEngine):
    """A DaskEngine that scatters each item to the workers before submitting its task:
    the alternative to sending the item inside the task, measured here."""

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        client = self._start()
        shared = client.scatter(func, broadcast=True, hash=False)
        pending: deque[Any] = deque()
        for item in items:
            [data] = client.scatter([_Box(item)], hash=False)
            pending.append(client.submit(_apply, shared, data, pure=False))
            if len(pending) >= self.n_threads * self.in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--outlets", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="warm runs per engine")
    args = parser.parse_args()

    from framing.analysis.pipeline import analyse
    from framing.io.corpus import load_corpus
    from framing.lexicons.load import load_lexicons
    from framing.model import AnalysisOptions
    from framing.parallel import LocalEngine
    from framing.report import render_json
    from framing.resources import default_lexicons
    from framing.text.clean import clean_corpus

    lexicons = load_lexicons(default_lexicons())
    options = AnalysisOptions(depth=False, jobs=2)
    engines: list[tuple[str, Callable[[], Any]]] = [
        ("LocalEngine(1) (in this process)", lambda: LocalEngine(1)),
        ("LocalEngine(2)", lambda: LocalEngine(2)),
        ("DaskEngine(workers=1)", lambda: DaskEngine(workers=1)),
        ("DaskEngine(workers=2)", lambda: DaskEngine(workers=2)),
        ("DaskEngine(workers=2), items scattered", lambda: ScatteringDaskEngine(workers=2)),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        build_corpus(folder, n_articles=args.articles, n_outlets=args.outlets, seed=1)
        for name, path in [("seeds", REPO / "seeds"), (f"{args.articles} articles", folder)]:
            clean = clean_corpus(load_corpus([path]))

            def run(engine: Any) -> tuple[float, str]:
                start = time.perf_counter()
                analysis = analyse(
                    clean,  # noqa: B023  (called within this iteration only)
                    lexicons,
                    options=options,
                    keep_sentences=False,
                    engine=engine,
                )
                return time.perf_counter() - start, render_json(analysis)

            default, expected = run(None)
            first: dict[str, float] = {}
            warm: dict[str, list[float]] = {label: [] for label, _ in engines}
            with ExitStack() as stack:
                opened = []
                for label, make in engines:
                    start = time.perf_counter()
                    engine = stack.enter_context(make())
                    seconds, text = run(engine)
                    first[label] = time.perf_counter() - start
                    assert text == expected, (name, label)
                    opened.append((label, engine))
                # round-robin, so that a busy spell of the shared machine hits every engine
                for _ in range(args.repeat):
                    for label, engine in opened:
                        seconds, text = run(engine)
                        warm[label].append(seconds)
                        assert text == expected, (name, label)
            rows.append((name, "default path (map_chunks, 2 processes)", default, []))
            rows += [(name, label, first[label], warm[label]) for label, _ in engines]
    print(f"{'corpus':<14} {'engine':<40} {'1st run':>8}  warm runs (round-robin)")
    for corpus, label, once, again in rows:
        runs = " ".join(f"{x:.2f}" for x in again)
        middle = f"median {statistics.median(again):.2f}: " if again else ""
        print(f"{corpus:<14} {label:<40} {once:>8.2f}  {middle}{runs}")
    print("seconds; 1st run includes starting the workers; identical JSON checked for every run")


if __name__ == "__main__":
    main()
