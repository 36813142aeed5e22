"""The section "How well this lexicon reads" (``framing report --coded SHEET.csv``).

It puts the figures of :func:`framing.lexicon_tools.evaluate.evaluate_sheet`
into plain words, per frame ("Of 25 sentences the coder read as Goodwill
fighters, the lexicon found 14"), with a table of the strict and lenient
figures and the disagreements as evidence, so a reader can judge how far to
trust the rest of the report.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.model import Analysis
from framing.model.coding import Agreement, Disagreement, Evaluation, FrameEvaluation
from framing.report.common import Table
from framing.report.format import plural

#: Disagreements shown per frame and kind.
EXAMPLES_SHOWN = 3
_KINDS = (
    ("missed", "Coded as this frame, not found by the lexicon"),
    ("false_support", "Found by the lexicon, not coded as this frame"),
    ("deny_misread", "Coded as raising the frame to reject it, not read as a denial"),
)


@dataclass(frozen=True)
class ExampleGroup:
    title: str
    items: tuple[Disagreement, ...]


@dataclass(frozen=True)
class FrameValidationView:
    label: str
    readings: tuple[str, ...]
    table: Table
    examples: tuple[ExampleGroup, ...]


@dataclass(frozen=True)
class ValidationView:
    intro: str
    frames: tuple[FrameValidationView, ...]
    caveat: str


def validation_view(analysis: Analysis, evaluation: Evaluation | None) -> ValidationView | None:
    """The section's view model, or ``None`` without a coding sheet."""
    if evaluation is None:
        return None
    labels = {f.id: f.label for f in analysis.frames}
    coders = [c for c in evaluation.coders if c is not None]
    who = "one coder" if len(coders) <= 1 else f"{len(coders)} coders"
    docs = plural(evaluation.n_documents, "document") if evaluation.unit == "documents" else ""
    intro = (
        f"{plural(evaluation.n_rows, 'sentence')}"
        + (f" from {docs}" if docs else "")
        + f" were coded by hand ({who}) and read by this report's lexicon, in the same way"
        " as the articles above. The figures below say how often the two agree."
    )
    caveat = (
        f"The intervals are 95% bootstrap intervals that resample {evaluation.unit}. "
        "They are wide when few sentences were coded: a handful more agreements or "
        "disagreements would move these figures."
    )
    return ValidationView(
        intro=intro,
        frames=tuple(_frame(f, labels.get(f.frame, f.frame)) for f in evaluation.frames),
        caveat=caveat,
    )


def _frame(f: FrameEvaluation, label: str) -> FrameValidationView:
    s = f.strict
    coded = s.tp + s.fn
    read = s.tp + s.fp
    readings = [
        (
            f"Of {plural(coded, 'sentence')} the coder read as {label}, the lexicon found {s.tp}."
            if coded
            else f"The coder read no sentence as {label}."
        ),
        (
            f"Of {plural(read, 'sentence')} the lexicon read as {label}, the coder agreed on "
            f"{s.tp}."
            if read
            else f"The lexicon read no sentence as {label}."
        ),
    ]
    if f.deny.coded:
        readings.append(
            f"Of {plural(f.deny.coded, 'sentence')} the coder read as raising {label} only to "
            f"reject it, the lexicon counted {f.deny.read_as_support} as support, "
            f"{f.deny.read_as_deny} as a denial and {f.deny.read_as_none} as neither."
        )
    table = Table(
        caption=f"Agreement with the coding: {label}",
        corner="Counted as coded",
        columns=(
            "Agreed",
            "Lexicon only",
            "Coder only",
            "Precision",
            "Recall",
            "F1 (95% interval)",
        ),
        rows=(
            ("Support (strict)", _cells(f.strict)),
            ("Support or weak (lenient)", _cells(f.lenient)),
        ),
    )
    examples = tuple(
        ExampleGroup(title, f.examples.get(kind, ())[:EXAMPLES_SHOWN])
        for kind, title in _KINDS
        if f.examples.get(kind)
    )
    return FrameValidationView(label, tuple(readings), table, examples)


def _cells(a: Agreement) -> tuple[str, ...]:
    def pct(x: float | None) -> str:
        return "–" if x is None else f"{x:.0%}"

    interval = "" if a.f1_ci95 is None else f" ({a.f1_ci95[0]:.2f}–{a.f1_ci95[1]:.2f})"
    f1 = "–" if a.f1 is None else f"{a.f1:.2f}{interval}"
    return (str(a.tp), str(a.fp), str(a.fn), pct(a.precision), pct(a.recall), f1)
