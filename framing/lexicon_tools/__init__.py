"""Tools to write, check and improve a lexicon without reading the code.

The ``framing lexicon`` commands wrap these functions; each takes and
returns plain frozen data classes and prints nothing. One module per
command:

* :mod:`~framing.lexicon_tools.describe` — :func:`describe_set` /
  :func:`describe_frame`: what a lexicon set holds;
* :mod:`~framing.lexicon_tools.validate` — :func:`validate_path`: every
  problem of a set folder or frame file, with file and line
  (``load_lexicons`` stops at the first), including frame colours that are
  hard to tell apart (:mod:`framing.lexicons.palette`); its parts are
  :mod:`~framing.lexicon_tools.problems`,
  :mod:`~framing.lexicon_tools.matchable` (:func:`unmatchable_reasons`) and
  :mod:`~framing.lexicon_tools.toml_lines`;
* :mod:`~framing.lexicon_tools.sentences` +
  :mod:`~framing.lexicon_tools.coverage` — :func:`load_sentences` +
  :func:`measure_coverage`: how often each term matched in a corpus, and
  which never did;
* :mod:`~framing.lexicon_tools.suggest` — :func:`suggest_terms`: corpus
  terms associated with a frame's sentences that its lexicon lacks, by a
  log-odds ratio with an informative Dirichlet prior
  (:func:`framing.analysis.stats.log_odds_dirichlet`);
  :mod:`~framing.lexicon_tools.add` — :func:`add_terms` appends chosen terms
  to the frame file without disturbing its comments or layout;
* :mod:`~framing.lexicon_tools.explain` — :func:`explain_sentence`: why one
  sentence counts for a frame: tokens, matches, negation scopes, and the
  resulting scores;
* :mod:`~framing.lexicon_tools.serialize` — :func:`to_json`: any of these
  results as deterministic JSON.

``validate`` and ``list`` must stay light (no scikit-learn, no numpy), so
heavy modules are imported inside the functions that need them.
"""

from __future__ import annotations

from framing.lexicon_tools.add import add_terms
from framing.lexicon_tools.coverage import (
    Coverage,
    OutletCount,
    SurfaceCount,
    TermCoverage,
    measure_coverage,
)
from framing.lexicon_tools.describe import (
    FrameDetail,
    FrameSummary,
    SetSummary,
    TermInfo,
    describe_frame,
    describe_frames,
    describe_set,
    find_frame,
)
from framing.lexicon_tools.explain import (
    ExplainedMatch,
    ExplainedToken,
    Explanation,
    FrameOutcome,
    NegationCue,
    explain_sentence,
)
from framing.lexicon_tools.matchable import unmatchable_reasons
from framing.lexicon_tools.problems import ERROR, WARNING, Problem, Severity, count_problems
from framing.lexicon_tools.sentences import CorpusSentences, load_sentences
from framing.lexicon_tools.serialize import to_json
from framing.lexicon_tools.suggest import Suggestion, Suggestions, suggest_terms
from framing.lexicon_tools.validate import validate_path

__all__ = [
    "ERROR",
    "WARNING",
    "CorpusSentences",
    "Coverage",
    "ExplainedMatch",
    "ExplainedToken",
    "Explanation",
    "FrameDetail",
    "FrameOutcome",
    "FrameSummary",
    "NegationCue",
    "OutletCount",
    "Problem",
    "SetSummary",
    "Severity",
    "Suggestion",
    "Suggestions",
    "SurfaceCount",
    "TermCoverage",
    "TermInfo",
    "add_terms",
    "count_problems",
    "describe_frame",
    "describe_frames",
    "describe_set",
    "explain_sentence",
    "find_frame",
    "load_sentences",
    "measure_coverage",
    "suggest_terms",
    "to_json",
    "unmatchable_reasons",
    "validate_path",
]
