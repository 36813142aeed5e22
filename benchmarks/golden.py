"""Save and compare golden outputs, so a refactor can prove it changes nothing.

A refactor that is meant to preserve behaviour should leave every byte of
the reports and exports alone. This script runs the CLI on fixed inputs and
either saves the outputs (``save``) or compares fresh ones with saved ones
(``compare``), listing every file that differs and the first differing line
of each.

The inputs: the bundled seeds (default options), the seeds with
``--classroom --blind`` (the answer key too), and a synthetic benchmark
corpus of 500 articles (``bench_pipeline.build_corpus``, seed 1). The corpus
is built once into the golden folder and reused by ``compare``, so the
comparison does not depend on the code that built it.

Run from the repository root::

    python benchmarks/golden.py save /tmp/golden       # before the change
    python benchmarks/golden.py compare /tmp/golden    # after it

``compare`` exits 1 when any output differs.
"""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: name -> (CLI arguments before the outputs, output files written).
CASES: dict[str, list[str]] = {
    "seeds": [],
    "seeds-classroom-blind": ["--classroom", "--blind"],
    "bench500": ["{corpus}"],
}


def run_cases(golden: Path, out: Path) -> list[Path]:
    """Run every case, writing its outputs into ``out``; return the files written."""
    corpus = golden / "corpus500"
    if not corpus.exists():
        from benchmarks.bench_pipeline import build_corpus

        build_corpus(corpus, n_articles=500, n_outlets=5, seed=1)
    out.mkdir(parents=True, exist_ok=True)
    for name, args in CASES.items():
        argv = [a.format(corpus=corpus) for a in args]
        html, export = out / f"{name}.html", out / f"{name}.json"
        command = [sys.executable, "-m", "framing", "report", *argv, "--quiet"]
        command += ["--out", str(html), "--json", str(export)]
        subprocess.run(command, check=True, cwd=REPO)
    return sorted(p for p in out.iterdir() if p.is_file())


def compare(expected: Path, actual: Path) -> list[str]:
    """Return one line per output file that differs (or is missing)."""
    problems = []
    names = {p.name for p in expected.iterdir() if p.is_file()}
    names |= {p.name for p in actual.iterdir() if p.is_file()}
    for name in sorted(names):
        old, new = expected / name, actual / name
        if not old.exists() or not new.exists():
            problems.append(f"{name}: only in {'new' if new.exists() else 'saved'} outputs")
            continue
        if old.read_bytes() == new.read_bytes():
            continue
        old_lines = old.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines()
        diff = list(difflib.unified_diff(old_lines, new_lines, lineterm="", n=0))
        first = next((line for line in diff[2:] if not line.startswith("@@")), "")
        problems.append(f"{name}: differs ({len(diff)} diff lines); first: {first[:160]}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("folder", type=Path, help="where the golden outputs are kept")
    args = parser.parse_args()
    golden: Path = args.folder
    golden.mkdir(parents=True, exist_ok=True)
    if args.action == "save":
        written = run_cases(golden, golden / "outputs")
        print(f"saved {len(written)} files in {golden / 'outputs'}")
        return
    with tempfile.TemporaryDirectory(prefix="framing-golden-") as tmp:
        run_cases(golden, Path(tmp))
        problems = compare(golden / "outputs", Path(tmp))
    for line in problems:
        print(line)
    if problems:
        sys.exit(1)
    print("all outputs are byte-identical")


if __name__ == "__main__":
    main()
