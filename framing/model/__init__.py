"""Plain, frozen data passed between the pipeline's stages.

Each stage reads one of these and returns the next; none of them holds
behaviour beyond small derived properties. Keeping the stages' inputs and
outputs as plain data is what lets a notebook user stop after any stage,
inspect the result, and carry on with the next function.

The types are grouped by stage: :mod:`~framing.model.corpus` (documents,
cleaning, sentences), :mod:`~framing.model.lexicons` (lexicon sets and hits),
:mod:`~framing.model.results` (scores, evidence, the :class:`Analysis`) and
:mod:`~framing.model.depth` (the in-depth analyses' results). This package
imports nothing else of framing, so every stage can import it.

The flow is::

    load_corpus -> Corpus -> clean_corpus -> CleanCorpus -> segment_corpus
    -> tuple[Sentence] -> match_sentences (with a LexiconSet) -> tuple[Hit]
    -> score / compare / evidence -> Analysis -> render_html / build_json
"""

from framing.model.corpus import (
    BODY,
    DECK,
    HEADLINE,
    CleanCorpus,
    CleanDocument,
    Corpus,
    Document,
    RemovedSpan,
    Sentence,
    SkippedInput,
)
from framing.model.depth import (
    DEFAULT_MIN_WORDS,
    SIGNIFICANCE_LEVEL,
    FrameMixDivergence,
    FrameVoice,
    Ids,
    LogOddsTerm,
    LogOddsTerms,
    PairDifference,
    Prominence,
    Quotations,
    Quote,
    SharedCopy,
    SharedGroup,
    SmallSampleCaveat,
    SpeakerStat,
    Tone,
    Unit,
)
from framing.model.lexicons import (
    DEFAULT_SCOPE_BREAKERS,
    DENY,
    HIT_READINGS,
    OTHER,
    REBUT,
    SUPPORT,
    UNCERTAIN,
    Frame,
    Hit,
    LexiconSet,
    Term,
    is_gap,
)
from framing.model.results import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    LISTED_DOCUMENTS,
    LISTED_REMOVED,
    Analysis,
    AnalysisOptions,
    Candidate,
    Divergence,
    DocumentSummary,
    Evidence,
    FrameScore,
    MatchSpan,
    OutletSummary,
    SourcesSummary,
    UnknownKeyError,
    Unlisted,
    WeightedTerm,
)

__all__ = [
    "BODY",
    "DECK",
    "DEFAULT_MIN_WORDS",
    "DEFAULT_RESAMPLES",
    "DEFAULT_SCOPE_BREAKERS",
    "DEFAULT_SEED",
    "DENY",
    "HEADLINE",
    "HIT_READINGS",
    "LISTED_DOCUMENTS",
    "LISTED_REMOVED",
    "OTHER",
    "REBUT",
    "SIGNIFICANCE_LEVEL",
    "SUPPORT",
    "UNCERTAIN",
    "Analysis",
    "AnalysisOptions",
    "Candidate",
    "CleanCorpus",
    "CleanDocument",
    "Corpus",
    "Divergence",
    "Document",
    "DocumentSummary",
    "Evidence",
    "Frame",
    "FrameMixDivergence",
    "FrameScore",
    "FrameVoice",
    "Hit",
    "Ids",
    "LexiconSet",
    "LogOddsTerm",
    "LogOddsTerms",
    "MatchSpan",
    "OutletSummary",
    "PairDifference",
    "Prominence",
    "Quotations",
    "Quote",
    "RemovedSpan",
    "Sentence",
    "SharedCopy",
    "SharedGroup",
    "SkippedInput",
    "SmallSampleCaveat",
    "SourcesSummary",
    "SpeakerStat",
    "Term",
    "Tone",
    "Unit",
    "UnknownKeyError",
    "Unlisted",
    "WeightedTerm",
    "is_gap",
]
