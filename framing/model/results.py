"""Scores, comparisons, evidence, options and the :class:`Analysis` that holds them all."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from framing.model.corpus import RemovedSpan, Sentence, SkippedInput
from framing.model.depth import (
    FrameMixDivergence,
    FrameVoice,
    LogOddsTerms,
    PairDifference,
    Prominence,
    Quotations,
    Readings,
    SharedCopy,
    SmallSampleCaveat,
    SpeakerStat,
    Tone,
)
from framing.model.lexicons import Frame, Hit, LexiconSet
from framing.model.time import OverTime

#: The seed of every bootstrap and permutation stream, unless the user sets one.
DEFAULT_SEED = 20220310
#: Bootstrap resamples (and permutations) per interval or test, unless the user sets it.
DEFAULT_RESAMPLES = 2000


# --------------------------------------------------------------------------
# Scores, comparison, evidence
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class OutletSummary:
    """One outlet: a stable ``id`` (a slug of its name), the ``name`` as given,
    and its size in the corpus. Every other result names outlets by ``id``."""

    id: str
    name: str
    n_documents: int
    n_sentences: int
    n_tokens: int


@dataclass(frozen=True)
class FrameScore:
    """How much one outlet uses one frame.

    ``share`` is the fraction of the outlet's sentences that invoke the frame
    (at least one non-negated hit), and ``n_sentences`` how many sentences
    that is; ``ci95`` is the share's 95% bootstrap interval over sentences.
    ``n_hits`` counts non-negated hits (unweighted) and ``per_1k_tokens`` is
    ``n_hits`` per 1,000 word tokens. ``n_negated`` counts negated hits.
    """

    outlet: str
    frame: str
    n_sentences: int
    share: float
    ci95: tuple[float, float]
    n_hits: int
    per_1k_tokens: float
    n_negated: int


@dataclass(frozen=True)
class Divergence:
    """Where outlets differ most on one frame.

    ``gap`` is ``most_share - least_share`` and ``gap_ci95`` its 95%
    bootstrap interval (sentences resampled within each outlet).
    """

    frame: str
    most: str
    least: str
    most_share: float
    least_share: float
    gap: float
    gap_ci95: tuple[float, float]


@dataclass(frozen=True)
class WeightedTerm:
    """A term with a score, e.g. a distinctive term of an outlet."""

    term: str
    score: float


@dataclass(frozen=True)
class Candidate:
    """A corpus term associated with a frame's sentences that its lexicon lacks."""

    frame: str
    term: str
    score: float
    n_sentences: int


@dataclass(frozen=True)
class MatchSpan:
    """A matched term located in a sentence's text by character offsets.

    ``negated`` is True when the match does not count for its frame;
    ``reading`` says why (see :data:`framing.model.HIT_READINGS`).
    """

    term: str
    surface: str
    start: int
    end: int
    negated: bool
    reading: str = "support"


@dataclass(frozen=True)
class Evidence:
    """A sentence cited as evidence that an outlet uses a frame.

    ``rank`` is 1 for the outlet's strongest sentence for the frame.
    """

    outlet: str
    frame: str
    document: str
    sentence: int
    text: str
    matches: tuple[MatchSpan, ...]
    score: float
    rank: int


@dataclass(frozen=True)
class DocumentSummary:
    """Metadata of an analysed document, for the report and JSON."""

    id: str
    outlet: str
    source: str
    title: str | None
    date: str | None
    url: str | None
    n_sentences: int
    n_tokens: int


@dataclass(frozen=True)
class AnalysisOptions:
    """Settings of one analysis; all results are a function of these and the input."""

    seed: int = DEFAULT_SEED
    n_bootstrap: int = DEFAULT_RESAMPLES
    evidence_per_cell: int = 20
    n_distinctive: int = 15
    n_candidates: int = 10
    n_permutations: int = DEFAULT_RESAMPLES
    #: False skips the in-depth analyses (pairwise tests, shared copy, quotes, tone).
    depth: bool = True
    #: Processes for per-document work; None picks one per CPU (results never depend on it).
    jobs: int | None = None
    #: Periods of the frames over time: "day", "week", "month" or "quarter"; None chooses
    #: from the span of the articles' dates; "none" leaves the frames over time out.
    by: str | None = None


#: The documents an analysis lists one by one (in the JSON, and all a streamed analysis
#: keeps): the first this many, and any later one that evidence cites. The tables
#: (``framing report --tables``) list every document.
LISTED_DOCUMENTS = 10_000
#: The removed spans an analysis lists one by one: the first this many.
LISTED_REMOVED = 10_000


@dataclass(frozen=True)
class Unlisted:
    """What a streamed analysis counted but did not keep, so that its memory stays bounded.

    The quick analysis of a large corpus (map and reduce, see
    :mod:`framing.analysis.reduce`) keeps the summaries, headlines and ledes of
    the first :data:`LISTED_DOCUMENTS` documents (and of later ones that
    evidence cites), and the first :data:`LISTED_REMOVED` removed spans.
    ``n_documents`` and ``n_removed`` count those it did not keep;
    ``removed_reasons`` and ``n_removed_with_terms`` describe every removed
    span (how many per reason; how many held a frame term).
    """

    n_documents: int
    n_removed: int
    removed_reasons: Mapping[str, int]
    n_removed_with_terms: int


@dataclass(frozen=True)
class SourcesSummary:
    """Summaries of shared copy and quoted voices, computed once for the report and JSON.

    ``shared_fraction``: per outlet id, the share of its sentences shared with
    another outlet. ``frames_by_origin``: per (outlet id, frame id), the
    invoking sentences that are (shared, unique). ``shared_readings``: one
    plain paragraph per pair of outlets that share copy, most shared first.
    ``voice_readings``: per outlet id, whom it quotes most and what they carry.
    """

    shared_fraction: Mapping[str, float]
    frames_by_origin: Mapping[tuple[str, str], tuple[int, int]]
    shared_readings: tuple[str, ...]
    voice_readings: Mapping[str, str]


class UnknownKeyError(KeyError):
    """An outlet or frame the analysis does not have; the message lists those it has.

    A ``KeyError``, as before names were accepted, whose text reads as a
    sentence rather than as a quoted key.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Analysis:
    """Everything one run computes; the report and the JSON are views of it.

    Mappings are keyed by outlet id and/or frame id. ``outlets`` and
    ``lexicons.frames`` fix the display order. ``similarity`` is the TF-IDF
    cosine similarity between outlets, in ``outlets`` order. ``denials`` are
    sentences that use a frame's terms only under negation (see
    :func:`framing.analysis.evidence.select_denials`). ``prominence`` and ``tone``
    are keyed by (outlet id, frame id) (see :mod:`framing.analysis.prominence` and
    :mod:`framing.analysis.tone`). ``pairs`` (frame differences for every pair of
    outlets, with intervals and corrected p-values), ``frame_mix``
    (Jensen-Shannon distances), ``log_odds`` (distinctive terms by log-odds)
    and ``caveat`` (outlets with too few articles) come from
    :mod:`framing.analysis.significance`; ``shared`` (copy shared between outlets)
    from :mod:`framing.analysis.shared`; ``quotations``, ``speakers`` (per outlet) and
    ``voices`` (per outlet and frame: own voice or quoted) from
    :mod:`framing.analysis.quotes`. All of these are empty when
    ``options.depth`` is False. ``over_time`` (each outlet's share of each
    frame per period, :mod:`framing.analysis.over_time`) is None only when
    ``options.by`` is ``"none"``. ``unlisted`` is None when ``documents`` and
    ``removed`` hold every document and removed span; otherwise it counts
    those left out (:class:`Unlisted`).
    """

    name: str
    outlets: tuple[OutletSummary, ...]
    lexicons: LexiconSet
    documents: tuple[DocumentSummary, ...]
    sentences: tuple[Sentence, ...]
    hits: tuple[Hit, ...]
    scores: Mapping[tuple[str, str], FrameScore]
    divergences: tuple[Divergence, ...]
    distinctive_terms: Mapping[str, tuple[WeightedTerm, ...]]
    similarity: tuple[tuple[float, ...], ...]
    candidates: Mapping[str, tuple[Candidate, ...]]
    evidence: tuple[Evidence, ...]
    removed: tuple[RemovedSpan, ...]
    skipped: tuple[SkippedInput, ...]
    notes: tuple[str, ...] = ()
    options: AnalysisOptions = field(default_factory=AnalysisOptions)
    denials: tuple[Evidence, ...] = ()
    prominence: Mapping[tuple[str, str], Prominence] = field(default_factory=dict)
    tone: Mapping[tuple[str, str], Tone] = field(default_factory=dict)
    pairs: tuple[PairDifference, ...] = ()
    frame_mix: FrameMixDivergence | None = None
    log_odds: LogOddsTerms | None = None
    caveat: SmallSampleCaveat | None = None
    shared: SharedCopy | None = None
    quotations: Quotations | None = None
    speakers: Mapping[str, tuple[SpeakerStat, ...]] = field(default_factory=dict)
    voices: Mapping[tuple[str, str], FrameVoice] = field(default_factory=dict)
    sources: SourcesSummary | None = None
    readings: Readings | None = None
    over_time: OverTime | None = None
    unlisted: Unlisted | None = None

    @property
    def frames(self) -> tuple[Frame, ...]:
        return self.lexicons.frames

    def outlet(self, outlet: str) -> OutletSummary:
        """The outlet with this id (``"arab-news"``) or name (``"Arab News"``, in any case).

        Raises :class:`UnknownKeyError` (a ``KeyError``) naming the known outlets.
        """
        for o in self.outlets:
            if o.id == outlet:
                return o
        wanted = outlet.casefold() if isinstance(outlet, str) else outlet
        for o in self.outlets:
            if o.name.casefold() == wanted:
                return o
        known = ", ".join(f"{o.name!r} ({o.id})" for o in self.outlets)
        raise UnknownKeyError(f"unknown outlet {outlet!r}; the outlets are {known}")

    def frame(self, frame: str) -> Frame:
        """The frame with this id (``"goodwill_fighters"``) or label (any case).

        Raises :class:`UnknownKeyError` (a ``KeyError``) naming the known frames.
        """
        for f in self.frames:
            if f.id == frame:
                return f
        wanted = frame.casefold() if isinstance(frame, str) else frame
        for f in self.frames:
            if f.label.casefold() == wanted:
                return f
        known = ", ".join(f"{f.id!r} ({f.label})" for f in self.frames)
        raise UnknownKeyError(f"unknown frame {frame!r}; the frames are {known}")

    def score(self, outlet: str, frame: str) -> FrameScore:
        """How much ``outlet`` uses ``frame``; each by its id, or its name or label."""
        found = self.scores.get((outlet, frame))
        if found is not None:
            return found
        return self.scores[(self.outlet(outlet).id, self.frame(frame).id)]

    def evidence_for(self, outlet_id: str, frame_id: str) -> tuple[Evidence, ...]:
        """Evidence for one outlet and frame, strongest first."""
        return tuple(e for e in self.evidence if e.outlet == outlet_id and e.frame == frame_id)

    def denials_for(self, outlet_id: str, frame_id: str) -> tuple[Evidence, ...]:
        """Sentences of one outlet that use the frame's terms only negated, strongest first."""
        return tuple(e for e in self.denials if e.outlet == outlet_id and e.frame == frame_id)
