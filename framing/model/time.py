"""Frames over time: shares per outlet, frame and period, and the readings of their changes.

Computed by :mod:`framing.analysis.over_time`; the report's "Over time"
section, the JSON's ``over_time`` key and ``over_time.csv`` are views of an
:class:`OverTime`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: The lengths of period a corpus can be followed by.
By = Literal["day", "week", "month", "quarter"]
#: ``--by`` values, in order of length.
PERIODS: tuple[By, ...] = ("day", "week", "month", "quarter")
#: An outlet's period with fewer sentences than this is too few to read a share from.
MIN_SENTENCES = 20


@dataclass(frozen=True)
class Period:
    """One period: ``key`` (``"2022-03-10"``, ``"2022-W10"``, ``"2022-03"``, ``"2022-Q1"``),
    a ``label`` for people (``"March 2022"``) and its first and last days (ISO dates)."""

    key: str
    label: str
    start: str
    end: str


@dataclass(frozen=True)
class PeriodShare:
    """How much one outlet used one frame in one period.

    ``n_sentences`` counts the outlet's sentences in articles dated in the
    period and ``n_support`` those that invoke the frame (at least one
    non-negated hit, as :attr:`framing.model.FrameScore.share`); ``share`` is
    their ratio and ``ci95`` its 95% Wilson score interval (both ``None``
    when the period has no sentence). ``too_few`` marks a period with fewer
    than :data:`MIN_SENTENCES` sentences: its share is shown but never read.
    ``n_documents`` counts the outlet's articles in the period.
    """

    outlet: str
    frame: str
    period: str
    n_documents: int
    n_sentences: int
    n_support: int
    share: float | None
    ci95: tuple[float, float] | None
    too_few: bool


@dataclass(frozen=True)
class TimeChange:
    """The largest change of one outlet's share of one frame between two periods.

    ``changed`` is True only when the change is one the data can tell from
    chance (see :mod:`framing.analysis.over_time`); ``before`` and ``after``
    are then the two periods' keys (in time order) and ``p_value`` the
    two-sided Fisher exact test of the two periods' counts. When nothing
    changed, ``before``/``after`` are the periods of the lowest and highest
    readable shares (``None`` when fewer than two periods are readable).
    ``reading`` says it in one plain sentence.
    """

    outlet: str
    frame: str
    changed: bool
    before: str | None
    after: str | None
    share_before: float | None
    share_after: float | None
    p_value: float | None
    reading: str


@dataclass(frozen=True)
class OverTime:
    """Frames followed over time.

    ``by`` is the length of the periods (``None`` when no analysed article
    has a date), ``auto`` whether it was chosen from the corpus's date span.
    ``periods`` run from the first dated article's period to the last one's,
    empty periods included. ``shares`` holds one :class:`PeriodShare` per
    outlet, frame and period (outlet order, then frame order, then time) and
    ``changes`` one :class:`TimeChange` per outlet and frame; both are empty
    when there are fewer than two periods, and ``message`` then says why the
    section has nothing to show. ``undated`` maps an outlet id to its
    (articles, sentences) without a date: they are in no period.
    """

    by: By | None
    auto: bool
    periods: tuple[Period, ...]
    shares: tuple[PeriodShare, ...]
    changes: tuple[TimeChange, ...]
    min_sentences: int = MIN_SENTENCES
    undated: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    message: str | None = None

    @property
    def n_undated_documents(self) -> int:
        return sum(n for n, _ in self.undated.values())

    @property
    def n_undated_sentences(self) -> int:
        return sum(n for _, n in self.undated.values())
