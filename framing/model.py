"""Plain, frozen data passed between the pipeline's stages.

Each stage reads one of these and returns the next; none of them holds
behaviour beyond small derived properties. Keeping the stages' inputs and
outputs as plain data is what lets a notebook user stop after any stage,
inspect the result, and carry on with the next function.

The flow is::

    load_corpus -> Corpus -> clean_corpus -> CleanCorpus -> segment_corpus
    -> tuple[Sentence] -> match_sentences (with a LexiconSet) -> tuple[Hit]
    -> score / compare / evidence -> Analysis -> render_html / build_json
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from framing.analysis.prominence import Prominence
    from framing.analysis.quotes import FrameVoice, Quotations, SpeakerStat
    from framing.analysis.shared import SharedCopy
    from framing.analysis.significance import (
        FrameMixDivergence,
        LogOddsTerms,
        PairDifference,
        SmallSampleCaveat,
    )
    from framing.analysis.tone import Tone

# --------------------------------------------------------------------------
# Corpus: what was read from disk
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One article as read from disk, before cleaning.

    ``id`` is unique within a corpus (the file's stem, made unique when two
    inputs share a stem). ``source`` is the path it was read from.
    ``title``, ``date`` and ``url`` come from the manifest when one names
    them; cleaning may detect a title or a date when they are missing.
    """

    id: str
    outlet: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SkippedInput:
    """An input that is not analysed, and why; shown in the report and JSON."""

    source: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    """The documents to analyse, plus every input that was skipped.

    ``notes`` carries non-fatal remarks about inputs that were read (for
    example a file decoded with a fallback encoding).
    """

    documents: tuple[Document, ...]
    skipped: tuple[SkippedInput, ...] = ()
    notes: tuple[str, ...] = ()
    name: str = "corpus"


# --------------------------------------------------------------------------
# Cleaning: what was kept, and an audit of what was removed
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedSpan:
    """A span of a document removed by cleaning, with the rule that removed it.

    ``line`` is the 1-based line of the source file where the span starts, so
    a reader can find it in the original.
    """

    document: str
    text: str
    reason: str
    line: int


@dataclass(frozen=True)
class CleanDocument:
    """An article after cleaning.

    ``headline`` is the headline as it appears in the text (``None`` when the
    text has none). ``deck`` holds standfirst/summary lines that sit between
    or around the headline and the body. ``paragraphs`` is the body, one
    string per paragraph, in order. ``title`` is the manifest's title, or the
    detected headline; ``date`` the manifest's date or one detected in the text.
    """

    id: str
    outlet: str
    source: str
    title: str | None
    date: str | None
    url: str | None
    headline: str | None
    deck: tuple[str, ...]
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class CleanCorpus:
    """Cleaned documents, the audit of removed spans, and skipped inputs."""

    documents: tuple[CleanDocument, ...]
    removed: tuple[RemovedSpan, ...]
    skipped: tuple[SkippedInput, ...] = ()
    notes: tuple[str, ...] = ()
    name: str = "corpus"


# --------------------------------------------------------------------------
# Segmentation
# --------------------------------------------------------------------------

HEADLINE = "headline"
DECK = "deck"
BODY = "body"


class Sentence(NamedTuple):
    """One sentence of one document.

    ``id`` is the sentence's index in the analysis (0..n-1, in document
    order). ``outlet`` is the outlet's id (see :class:`OutletSummary`).
    ``position`` is its index within its document. ``part`` is
    ``"headline"``, ``"deck"`` or ``"body"``; ``is_lede`` marks the first body
    sentences. ``tokens`` are lower-cased word and punctuation tokens (see
    :func:`framing.text.segment.tokenize`); ``n_words`` counts the word tokens.

    A named tuple rather than a dataclass: a large corpus has hundreds of
    thousands of sentences, and tuples are several times cheaper to make.
    """

    id: int
    document: str
    outlet: str
    position: int
    part: str
    is_lede: bool
    text: str
    tokens: tuple[str, ...]
    n_words: int


# --------------------------------------------------------------------------
# Lexicons and matching
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One lexicon entry.

    ``text`` is the entry as written (``"radicali*"``, ``"people of
    goodwill"``); ``tokens`` is that text tokenized like article text, the
    last token keeping a trailing ``*`` when the entry is a wildcard.
    ``line`` is the line of the lexicon file that defines it.
    """

    text: str
    tokens: tuple[str, ...]
    weight: float = 1.0
    line: int | None = None

    @property
    def is_wildcard(self) -> bool:
        return self.tokens[-1].endswith("*")

    @property
    def kind(self) -> str:
        """``"wildcard"``, ``"phrase"`` or ``"word"``."""
        if self.is_wildcard:
            return "wildcard"
        return "phrase" if len(self.tokens) > 1 else "word"


@dataclass(frozen=True)
class Frame:
    """A frame: an interpretation of the story's people, with its lexicon."""

    id: str
    label: str
    description: str
    colour: str
    terms: tuple[Term, ...]
    source: str


#: Words that end a negation's scope, besides punctuation (see framing.lexicons.load).
DEFAULT_SCOPE_BREAKERS: tuple[str, ...] = (
    "but", "however", "although", "though", "because", "while", "whereas", "yet", "except",
)  # fmt: skip


@dataclass(frozen=True)
class LexiconSet:
    """The frames compared in one analysis and the negation settings in force.

    ``negation_cues`` open a negation scope; ``scope_breakers`` are the words
    (besides punctuation) that close one. Both come from the set's
    ``_set.toml`` when it has one, else from the defaults in
    :mod:`framing.lexicons.load`.
    """

    name: str
    frames: tuple[Frame, ...]
    source: str
    negation_cues: tuple[str, ...]
    scope_breakers: tuple[str, ...] = DEFAULT_SCOPE_BREAKERS
    description: str = ""

    @property
    def frame_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.frames)

    def frame(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(frame_id)


class Hit(NamedTuple):
    """One lexicon term found in one sentence.

    ``start``/``end`` are token indexes into ``Sentence.tokens`` (end
    exclusive). A hit inside a negation's scope has ``negated=True`` and the
    ``cue`` that negates it; negated hits never count as support for a frame.
    A named tuple, like :class:`Sentence`, because there are many.
    """

    sentence: int
    frame: str
    term: str
    surface: str
    start: int
    end: int
    weight: float
    negated: bool = False
    cue: str | None = None


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
    """A matched term located in a sentence's text by character offsets."""

    term: str
    surface: str
    start: int
    end: int
    negated: bool


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

    seed: int = 20220310
    n_bootstrap: int = 2000
    evidence_per_cell: int = 20
    n_distinctive: int = 15
    n_candidates: int = 10
    n_permutations: int = 2000
    #: False skips the in-depth analyses (pairwise tests, shared copy, quotes, tone).
    depth: bool = True
    #: Processes for per-document work; None picks one per CPU (results never depend on it).
    jobs: int | None = None


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
    ``options.depth`` is False.
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

    @property
    def frames(self) -> tuple[Frame, ...]:
        return self.lexicons.frames

    def outlet(self, outlet_id: str) -> OutletSummary:
        for o in self.outlets:
            if o.id == outlet_id:
                return o
        raise KeyError(outlet_id)

    def score(self, outlet_id: str, frame_id: str) -> FrameScore:
        return self.scores[(outlet_id, frame_id)]

    def evidence_for(self, outlet_id: str, frame_id: str) -> tuple[Evidence, ...]:
        """Evidence for one outlet and frame, strongest first."""
        return tuple(e for e in self.evidence if e.outlet == outlet_id and e.frame == frame_id)

    def denials_for(self, outlet_id: str, frame_id: str) -> tuple[Evidence, ...]:
        """Sentences of one outlet that use the frame's terms only negated, strongest first."""
        return tuple(e for e in self.denials if e.outlet == outlet_id and e.frame == frame_id)
