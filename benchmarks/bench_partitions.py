"""Benchmark a streamed quick analysis whose Dask workers read the files themselves.

Runs the quick analysis (``analyse`` of a ``stream_corpus``, what
``framing report FILE --quick`` runs) on a JSON Lines corpus three ways:

- ``LocalEngine(N)``: the articles read in this process, sent in chunks to
  N forked processes (``--jobs N``);
- Dask, N local workers, chunks sent: the articles read in this process and
  sent to the Dask workers in chunks (how ``--workers N`` ran before the
  workers read the files);
- Dask, N local workers, workers read: the workers read partitions of the
  file (:mod:`framing.analysis.partitioned`, ``--workers N`` now).

Each engine is started first (its start-up is not timed), then every mode
runs once per round, in turn. For each run it prints the wall time and the
CPU time of this process (reading, sending, merging and the reduce: what a
cluster's client machine does), and checks that the JSON is identical to
the first mode's.

Run from the repository root (needs ``pip install 'framing[dask]'``)::

    python benchmarks/bench_partitions.py /tmp/framing-scale/corpus-10000-outlets20-seed1.jsonl

``benchmarks/bench_scale.py`` writes such corpora (``benchmarks/corpus.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from framing import default_lexicons, load_lexicons  # noqa: E402
from framing.analysis.pipeline import analyse  # noqa: E402
from framing.dask_engine import DaskEngine  # noqa: E402
from framing.io.corpus import stream_corpus  # noqa: E402
from framing.model import AnalysisOptions  # noqa: E402
from framing.parallel import LocalEngine  # noqa: E402
from framing.report import render_json  # noqa: E402


class ChunkSendingDaskEngine(DaskEngine):
    """A DaskEngine whose workers are sent the articles read here, in chunks."""

    reads_partitions = False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines file of articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="rounds")
    args = parser.parse_args()
    lexicons = load_lexicons(default_lexicons())
    options = AnalysisOptions(depth=False)
    engines = [
        (f"LocalEngine({args.workers}), read here", LocalEngine(args.workers)),
        (
            f"Dask, {args.workers} local workers, chunks sent",
            ChunkSendingDaskEngine(workers=args.workers),
        ),
        (f"Dask, {args.workers} local workers, workers read", DaskEngine(workers=args.workers)),
    ]
    for _, engine in engines:
        engine.__enter__()
    expected = None
    print("| mode | round | wall s | CPU s of this process |")
    print("|---|---|---|---|")
    try:
        for round_ in range(1, args.repeat + 1):
            for name, engine in engines:
                wall, cpu = time.perf_counter(), time.process_time()
                analysis = analyse(
                    stream_corpus([args.corpus]),
                    lexicons,
                    options=options,
                    keep_sentences=False,
                    engine=engine,
                )
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                exported = render_json(analysis)
                if expected is None:
                    expected = exported
                same = "" if exported == expected else " (JSON DIFFERS)"
                print(f"| {name}{same} | {round_} | {wall:.1f} | {cpu:.1f} |", flush=True)
    finally:
        for _, engine in engines:
            engine.__exit__(None, None, None)


if __name__ == "__main__":
    main()
