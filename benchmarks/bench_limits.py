"""Measure time and peak memory of ``framing report`` on one very large article.

A document over ``--max-document-mb`` (default 5 MB) is skipped and listed
without being read, so peak memory does not grow with a single file's size.
This script checks that claim on generated files (article text resampled
from the seed articles, in paragraphs, so that it reads like news):

* the default limit: a 200 MB file, alone (a clean error, exit 2) and beside
  a normal article (skipped and listed, exit 0);
* the cost of what the limit lets through: one article at the default limit,
  and at larger sizes given with ``--max-document-mb``.

Each run is a fresh ``framing report`` (default options) in a subprocess,
which prints its own peak resident memory (``ru_maxrss``; one article never
starts worker processes). Run from the repository
root::

    python benchmarks/bench_limits.py                  # 200 MB; 5 MB and 20 MB articles
    python benchmarks/bench_limits.py --huge-mb 1000 --sizes 5 10 50

It prints one line per run. Measured on a 2-CPU Linux machine (Python 3.11):

==============================  ====  =======  ===========
case                            exit  seconds  peak RSS MB
==============================  ====  =======  ===========
200 MB file alone               2     0.3      40
200 MB file beside an article   0     2.0      295
1000 MB file beside an article  0     2.0      295
5 MB article read               0     12.3     428
10 MB article read              0     24.8     1050
20 MB article read              0     48.0     3131
==============================  ====  =======  ===========

Most of the memory of a large article read goes to cleaning it
(:mod:`framing.text.clean`), and it grows faster than the article.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ARTICLE = "Headline\n\nThey fight for freedom and the Geneva Conventions, officials said.\n"


def write_article(path: Path | str, megabytes: float, *, seed: int = 1) -> None:
    """Write an article of about ``megabytes`` MB: paragraphs of 1-3 seed sentences.

    Paragraphs are drawn afresh all along (none is a copy of a block), so
    cleaning sees a long article, not a page of repeated boilerplate.
    """
    from framing.io.corpus import load_corpus
    from framing.resources import seeds_dir
    from framing.text.segment import split_sentences

    corpus = load_corpus([seeds_dir()])
    path = Path(path)
    pool = [s for d in corpus.documents for p in d.text.split("\n\n") for s in split_sentences(p)]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    with path.open("wb") as handle:
        written = handle.write(b"A very long article\n\n")
        while written < target:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
            written += handle.write((paragraph + "\n\n").encode("utf-8"))


def write_article_apart(path: Path, megabytes: float) -> None:
    """:func:`write_article` in a subprocess, so that this process stays small.

    A child's ``ru_maxrss`` starts from its parent's resident size when it was
    forked: a small parent keeps the figures measured in the children true.
    """
    code = f"from benchmarks.bench_limits import write_article as w; w({str(path)!r}, {megabytes})"
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def run_report(inputs: list[Path], out: Path, *extra: str) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak RSS in MB, last stderr line) of one report run."""
    command = [sys.executable, "-c", _MEASURE, "report", *map(str, inputs)]
    command += ["--no-progress", "--out", str(out), *extra]
    start = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    peak_line = [line for line in result.stdout.splitlines() if line.startswith("PEAK ")]
    peak = float(peak_line[-1].split()[1]) if peak_line else float("nan")
    errors = result.stderr.strip().splitlines()
    return result.returncode, seconds, peak, errors[-1] if errors else ""


#: Runs the command line in this process, then prints its peak RSS (MB) on stdout.
_MEASURE = (
    "import resource, sys\n"
    "from framing.cli import app\n"
    "try:\n"
    "    app(prog_name='framing', standalone_mode=True)\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    "sys.exit(code)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--huge-mb", type=float, default=200, help="the file over the limit")
    parser.add_argument(
        "--sizes", type=float, nargs="*", default=[5, 20], help="articles read, in MB"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="framing-limits-") as tmp:
        folder = Path(tmp)
        normal = folder / "normal.txt"
        normal.write_text(ARTICLE, encoding="utf-8")
        huge = folder / "huge.txt"
        write_article_apart(huge, args.huge_mb)
        print(f"{'case':<44} {'exit':>4} {'seconds':>8} {'peak RSS MB':>12}  last line")
        for label, inputs in [
            (f"{args.huge_mb:g} MB file alone", [huge]),
            (f"{args.huge_mb:g} MB file beside an article", [huge, normal]),
        ]:
            code, seconds, peak, line = run_report(inputs, folder / "r.html")
            print(f"{label:<44} {code:>4} {seconds:>8.1f} {peak:>12.0f}  {line[:90]}")
        huge.unlink()
        for size in args.sizes:
            article = folder / f"article_{size:g}mb.txt"
            write_article_apart(article, size * 0.99)  # just under the limit given
            limit = str(max(size, 5))
            code, seconds, peak, line = run_report(
                [article, normal], folder / "r.html", "--max-document-mb", limit
            )
            print(f"{f'{size:g} MB article read':<44} {code:>4} {seconds:>8.1f} {peak:>12.0f}")
            article.unlink()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this script's own peak: {own:.0f} MB)")


if __name__ == "__main__":
    main()
