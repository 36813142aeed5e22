"""Measure the default lexicon against the development coding sheets.

The development set (not part of the repository: news articles are not ours
to redistribute) holds a reference coding of the bundled seeds
(``seeds-coded.csv``) and of articles on the same story from other outlets
(``volunteers-coded.csv``), in the coding-sheet format of docs/validation.md.
This script runs ``framing lexicon evaluate`` on both and prints one table;
the figures go into docs/validation.md.

Run from the repository root::

    python benchmarks/validate.py                    # ../shared/dev
    python benchmarks/validate.py /path/to/dev --lexicons my_frames/
    python benchmarks/validate.py --json             # every figure, as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHEETS = ("seeds-coded.csv", "volunteers-coded.csv")


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def main() -> None:
    from framing.io.coding import load_coding_sheet
    from framing.lexicon_tools.evaluate import evaluate_sheet, evaluation_to_json
    from framing.lexicons.importers import import_lexicon
    from framing.resources import default_lexicons

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev", nargs="?", type=Path, default=REPO.parent / "shared" / "dev")
    parser.add_argument("--lexicons", type=Path, help="lexicon set (default: the bundled one)")
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args()

    lexicons = import_lexicon(args.lexicons or default_lexicons()).lexicons
    frames = [f.id for f in lexicons.frames]
    results = {}
    for name in SHEETS:
        sheet = load_coding_sheet(args.dev / name, frames=frames)
        results[name] = evaluate_sheet(sheet, lexicons)
    if args.json:
        print(json.dumps({k: evaluation_to_json(v) for k, v in results.items()}, indent=2))
        return
    print(f"lexicon set: {lexicons.name}")
    header = "sheet                 frame                    strict P     R    F1  [95% CI]       "
    header += "lenient F1  kappa  deny: coded sup deny none"
    print(header)
    for name, evaluation in results.items():
        for f in evaluation.frames:
            s, lenient = f.strict, f.lenient
            ci = (
                "      -      "
                if s.f1_ci95 is None
                else f"[{s.f1_ci95[0]:.2f}, {s.f1_ci95[1]:.2f}]"
            )
            kappa = next(iter(f.kappa.values()))
            d = f.deny
            print(
                f"{name:21s} {f.frame:24s} {_fmt(s.precision)} {_fmt(s.recall)} {_fmt(s.f1)} "
                f"{ci:14s} {_fmt(lenient.f1):>10s}  {_fmt(kappa)}  "
                f"{d.coded:5d} {d.read_as_support:3d} {d.read_as_deny:4d} {d.read_as_none:4d}"
            )
        print(
            f"  ({evaluation.n_rows} sentences, {evaluation.n_documents} documents; "
            f"F1 intervals resample {evaluation.unit})"
        )


if __name__ == "__main__":
    main()
