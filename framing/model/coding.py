"""Human coding of sentences, and how well a lexicon agrees with it.

A *coding sheet* (docs/validation.md) is a CSV with one sentence a row and,
per frame, a coder's code. :func:`framing.io.coding.load_coding_sheet` reads
it into a :class:`CodingSheet`; :func:`framing.lexicon_tools.evaluate.evaluate_sheet`
compares the lexicon's reading of each sentence with it and returns an
:class:`Evaluation`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: A coder's codes: the sentence presents the story's people in the frame
#: (support), borderline (weak), raises the frame and rejects or rebuts it
#: (deny), or does not raise it (none).
SUPPORT = "support"
WEAK = "weak"
DENY = "deny"
NONE = "none"
CODES = (SUPPORT, WEAK, DENY, NONE)
#: The lexicon's readings of a sentence for one frame: an un-negated term
#: (support), terms only under negation (deny), or no term (none).
READINGS = (SUPPORT, DENY, NONE)


@dataclass(frozen=True)
class CodedRow:
    """One row of a coding sheet: one sentence, one coder.

    ``line`` is the row's line in the file (the header is line 1).
    ``document`` is ``None`` when the sheet has no document column (each
    row is then its own unit of resampling); ``coder`` is ``None`` when it
    has no coder column. ``codes`` maps frame id to one of :data:`CODES`.
    """

    line: int
    text: str
    document: str | None
    outlet: str | None
    part: str | None
    coder: str | None
    codes: Mapping[str, str]


@dataclass(frozen=True)
class CodingSheet:
    """A coding sheet read from ``source``: its rows, in file order, and its frame columns."""

    source: str
    rows: tuple[CodedRow, ...]
    frames: tuple[str, ...]

    @property
    def coders(self) -> tuple[str | None, ...]:
        """The coders, in order of first appearance (``(None,)`` without a coder column)."""
        return tuple(dict.fromkeys(r.coder for r in self.rows))

    @property
    def has_documents(self) -> bool:
        return any(r.document is not None for r in self.rows)


@dataclass(frozen=True)
class Agreement:
    """Counts and scores of one frame under one definition of a positive.

    ``precision``, ``recall`` and ``f1`` are ``None`` when undefined (no
    positive reading, no positive code, or neither). ``f1_ci95`` is a 95%
    percentile bootstrap interval, resampling documents (or sentences when
    the sheet names no documents); ``None`` when F1 is undefined.
    """

    tp: int
    fp: int
    fn: int
    tn: int
    precision: float | None
    recall: float | None
    f1: float | None
    f1_ci95: tuple[float, float] | None


@dataclass(frozen=True)
class DenyTable:
    """Of the rows coded ``deny`` for a frame, how the lexicon read them."""

    coded: int
    read_as_support: int
    read_as_deny: int
    read_as_none: int


@dataclass(frozen=True)
class TermPrecision:
    """How often one term's un-negated matches fall on rows coded support (strict) or not."""

    term: str
    n_rows: int
    n_support: int
    n_weak: int
    n_none: int
    n_deny: int

    @property
    def precision(self) -> float:
        return self.n_support / self.n_rows if self.n_rows else 0.0


@dataclass(frozen=True)
class Disagreement:
    """A row where the lexicon and the coder disagree on one frame, with the terms involved."""

    line: int
    document: str | None
    coder: str | None
    text: str
    coded: str
    read: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class FrameEvaluation:
    """Everything measured for one frame.

    ``strict`` counts a code of ``support`` as positive; ``lenient`` counts
    ``support`` or ``weak``. The lexicon's positive is a ``support`` reading
    in both. ``kappa`` maps each coder to Cohen's kappa between the lexicon's
    reading and the coder's code over three categories (support, deny, none;
    a ``weak`` code counts as none), ``None`` when undefined. ``alpha`` is
    Krippendorff's alpha (nominal, the four codes) among the coders when
    there are several, else ``None``. ``examples`` maps each kind of
    disagreement (``missed``: coded support, not read as support;
    ``false_support``: read as support, coded none or deny; ``deny_misread``:
    coded deny, not read as deny) to a few rows.
    """

    frame: str
    strict: Agreement
    lenient: Agreement
    kappa: Mapping[str | None, float | None]
    alpha: float | None
    deny: DenyTable
    terms: tuple[TermPrecision, ...]
    examples: Mapping[str, tuple[Disagreement, ...]]


@dataclass(frozen=True)
class SentenceReading:
    """One row of the sheet with the lexicon's reading of it."""

    line: int
    text: str
    document: str | None
    coder: str | None
    coded: Mapping[str, str]
    read: Mapping[str, str]
    terms: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Evaluation:
    """A lexicon set measured against a coding sheet.

    ``unit`` says what the bootstrap resampled: ``"documents"`` or
    ``"sentences"``. ``frames`` is in the lexicon's frame order, for the
    frames the sheet codes; ``uncoded`` lists the lexicon's frames the sheet
    has no column for.
    """

    source: str
    lexicons: str
    n_rows: int
    n_documents: int
    coders: tuple[str | None, ...]
    unit: str
    seed: int
    n_bootstrap: int
    frames: tuple[FrameEvaluation, ...]
    uncoded: tuple[str, ...]
    sentences: tuple[SentenceReading, ...]
