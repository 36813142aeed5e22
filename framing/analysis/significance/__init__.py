"""A comparison of outlets that holds up statistically.

The scores of :mod:`framing.analysis.features` say how much each outlet uses each
frame; this package says which of the differences between outlets are larger
than chance would make them, and how sure one can be of their size:

* :func:`~framing.analysis.significance.pairs.compare_pairs` -- for every
  frame and every pair of outlets, the difference of shares, its 95%
  interval (Newcombe's, from the two shares' Wilson intervals), a two-sided
  permutation p-value and the Benjamini-Hochberg adjusted p-value (q) over
  all the tests of the analysis;
* :func:`~framing.analysis.significance.exact.benjamini_hochberg` -- the
  adjustment itself, for any list of p-values (and
  :func:`~framing.analysis.significance.exact.fisher_two_sided`, the exact
  test of the sentence unit);
* :func:`~framing.analysis.significance.caveat.small_sample_caveat` -- which
  outlets rest on too few articles to speak for the outlet, with a sentence
  saying so;
* :func:`~framing.analysis.significance.mix.frame_mix_divergence` -- the
  Jensen-Shannon distance between the outlets' mixes of frames;
* :func:`~framing.analysis.significance.log_odds.log_odds_terms` -- each
  outlet's most distinctive terms against all the others pooled, by the
  log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
  Quinn 2008);
* :func:`~framing.analysis.significance.readings.describe_pair`,
  :func:`~framing.analysis.significance.readings.describe_frame_mix` and
  :func:`~framing.analysis.significance.gaps.describe_divergence` -- the
  results in plain sentences, for the report and the JSON: ties named as
  ties, a gap called a gap only when it holds, and outlets that rest on one
  or two articles spoken of as articles
  (:func:`~framing.analysis.significance.references.refer`).

Everything is a pure function of its arguments: no printing, no files. Every
random draw (only the article permutation test draws) comes from a
generator derived from the analysis seed and the indexes of the outlet or
pair it serves (:func:`framing.analysis.stats.rng_for`), so the results do
not depend on the order in which they are computed.
numpy and scipy are imported inside the functions, so importing this package
costs nothing at start-up.

The result types live in :mod:`framing.model`; they are re-exported here
because framing 0.1's ``framing.significance`` (an alias of this package, see
:mod:`framing._moved`) defined them.

References
----------
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate:
a practical and powerful approach to multiple testing. *Journal of the Royal
Statistical Society B* 57(1), 289-300.

Monroe, B. L., Colaresi, M. P. and Quinn, K. M. (2008). Fightin' words:
lexical feature selection and evaluation for identifying the content of
political conflict. *Political Analysis* 16(4), 372-403.
"""

from framing.analysis.significance.caveat import SMALL_SAMPLE_ARTICLES, small_sample_caveat
from framing.analysis.significance.exact import (
    PROBABILITY_TOLERANCE,
    benjamini_hochberg,
    fisher_two_sided,
)
from framing.analysis.significance.gaps import DivergenceReading, describe_divergence
from framing.analysis.significance.log_odds import DEFAULT_LOG_ODDS_TERMS, log_odds_terms
from framing.analysis.significance.mix import frame_mix_divergence
from framing.analysis.significance.pairs import (
    DEFAULT_PERMUTATIONS,
    MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP,
    compare_pairs,
)
from framing.analysis.significance.readings import describe_frame_mix, describe_pair, is_clear
from framing.analysis.significance.references import Reference, refer
from framing.model import (
    SIGNIFICANCE_LEVEL,
    FrameMixDivergence,
    LogOddsTerm,
    LogOddsTerms,
    PairDifference,
    SmallSampleCaveat,
    Unit,
)

__all__ = [
    "DEFAULT_LOG_ODDS_TERMS",
    "DEFAULT_PERMUTATIONS",
    "MIN_ARTICLES_FOR_ARTICLE_BOOTSTRAP",
    "PROBABILITY_TOLERANCE",
    "SIGNIFICANCE_LEVEL",
    "SMALL_SAMPLE_ARTICLES",
    "DivergenceReading",
    "FrameMixDivergence",
    "LogOddsTerm",
    "LogOddsTerms",
    "PairDifference",
    "Reference",
    "SmallSampleCaveat",
    "Unit",
    "benjamini_hochberg",
    "compare_pairs",
    "describe_divergence",
    "describe_frame_mix",
    "describe_pair",
    "fisher_two_sided",
    "frame_mix_divergence",
    "is_clear",
    "log_odds_terms",
    "refer",
    "small_sample_caveat",
]
