"""Shared copy: sentences that outlets print near-identically, and what that means for framing.

Outlets often carry the same wire story (Arab News and People both run the
Associated Press's interview with Ukraine's military attaché). A frame that an
outlet's sentences invoke only because it reprinted wire copy says less about
that outlet than a frame in the material it wrote itself. This module finds the
shared copy, groups it, and splits each outlet's frames by origin.

**Units.** Every sentence of at least ``min_words`` words is a unit, and so is
every direct quotation of at least ``min_words`` words inside it, as
:func:`framing.analysis.quotes.quote_spans` reads the sentence on its own
(also a quotation left open or closed at a sentence boundary). Quotes are
units of their own because outlets keep a quote verbatim but rewrite the
attribution around it ("said Kremenetskyi" against "Kremenetskyi told the AP"),
which lowers the whole sentences' similarity below the threshold.

**Representation.** A unit is its lower-cased word tokens (punctuation and
quote marks dropped, so curly and straight quotes agree; dots dropped, so
"U.S." is "us"; any token with a digit becomes ``0``, so updated figures and
numbered headlines still match), weighted as TF-IDF over word unigrams and
bigrams *with* stop words, sublinear term frequency, rows L2-normalised. Two
units are the same copy when their cosine is at least ``threshold``.

Why this representation, measured on the three seed articles (cross-outlet
sentence pairs; "rewrite" pairs retell the same AP facts in other words). The
first column is this module's representation (IDF over the seeds' units); the
others are scikit-learn vectorizers over the seed sentences:

==============================  ============  ==============  =========  =====
pair                            words+stop    content words   char 3-5   char 4
==============================  ============  ==============  =========  =====
identical quotes (3 pairs)      1.00          1.00            1.00       1.00
same AP sentence, lightly       0.700         0.769           0.786      0.769
edited (Arab News 49/People 93)
same quote, other attribution   0.683         0.755           0.806      0.748
(Arab News 32/People 73)
same quote, attribution         0.556         0.568           0.635      0.607
rewritten (Arab News 45/76)
rewrite that merges two AP      **0.539**     **0.655**       **0.772**  0.663
sentences (Arab News 47/88)
rewrite "So far, about 100 US   0.470         0.211           0.434      0.413
citizens have made the cut"
best pair on the same topic     0.312         0.273           0.449      0.370
==============================  ============  ==============  =========  =====

Word uni- and bigrams with stop words leave the widest gap between the
lowest copied sentence pair (0.683) and the highest rewrite (0.539): the
function-word bigrams fingerprint the exact wording, which a rewrite changes
even when it keeps the facts and the content words. Character n-grams score
rewrites almost as high as copy (0.772 against 0.786), so they cannot
separate them. The default threshold, 0.6, sits in that gap. Rewrites (the
People sentences that reword the AP's figures) count as the outlet's own
material, not shared copy. A paraphrase that keeps a quote is shared through
the quote unit (cosine 1.0 for Arab News 45/People 76, whose whole sentences
score 0.556). A one-word edit in the seeds' context keeps 0.79 for an
11-word sentence, 0.83 for 16 words and 0.69 for 8 words.

Measured limit: an edit in the middle of a sentence of six to nine words
changes three of its ~15 features and can fall below 0.6. Of 17,000 copies
edited by one random word in a synthetic corpus, 213 were missed, all of six
to nine words.

**Blocking.** No sentence is compared with every other. Exact duplicates
are merged first (sentences with identical tokens, then units with identical
words), so a story reprinted ten thousand times costs one unit. Candidate
pairs then come from prefix filtering (Bayardo et al., "Scaling up all pairs
similarity search", WWW 2007), which finds *every* pair at or above the
threshold: features are ordered from rarest to commonest, and each unit
indexes only its rarest features, up to the point where the norm of the
rest falls below ``threshold``. Two units with cosine >= threshold must
share an indexed feature (the common rest alone cannot reach it), so the
candidates are the sparse product of the indexed parts, which skips every
pair that shares only common words. That product is also a partial cosine,
which accepts some candidates outright and rejects most of the others with
an upper bound; only the rest get their exact cosine (see
:func:`framing.analysis.shared.pairs._similar_pairs`). The results equal a
brute-force comparison of all pairs (checked on corpora of up to 32,000
units).

Measured on this 2-core machine (best of a few runs; the machine is shared):
the benchmark's corpus (``benchmarks/bench_pipeline.py``, 10,000 articles,
352,800 sentences resampled from the seeds over 20 outlets) takes 0.4 s and
under 50 MB; 350,000 resampled sentences of which 5% are edited by one word
(17,000 distinct variants), 2 s and about 0.5 GB; half of them replaced by
170,000 real, distinct English sentences (Python docstrings, heavy with
templated near-duplicates), 5 s and about 0.5 GB, of which 2.4 s is the pair
search over 10 million candidates.

**Groups.** Sentences are joined when one of their units matches a unit of a
sentence in *another* outlet (never within an outlet); the groups are the
connected components of that graph (scipy's ``connected_components``), so
transitively copied sentences form one group. Components chain: a sentence
that fuses two copied sentences (a lost full stop) matches both and joins
their groups, which is why :attr:`SharedCopy.pairs` counts sentences, not
groups. Group ids follow their first sentence id, and all output is sorted,
so results do not depend on input order beyond the sentence ids.

The package's modules, each importing only those before it:
:mod:`~framing.analysis.shared.units` (units and their words),
:mod:`~framing.analysis.shared.pairs` (TF-IDF, candidate pairs and their
verification), :mod:`~framing.analysis.shared.groups` (:func:`align_shared`),
:mod:`~framing.analysis.shared.views` (shared fractions, frames by origin),
:mod:`~framing.analysis.shared.summary` (:func:`describe_shared`) and
:mod:`~framing.analysis.shared.spill` (what the streamed analysis keeps: key
tables, columns on disk).
"""

from __future__ import annotations

from framing.analysis.quotes.spans import quote_spans
from framing.analysis.shared.groups import DEFAULT_THRESHOLD, align_shared
from framing.analysis.shared.summary import describe_shared
from framing.analysis.shared.units import unit_words
from framing.analysis.shared.views import frames_by_origin, is_shared, outlet_shared_fraction
from framing.model import SharedCopy, SharedGroup

__all__ = [
    "DEFAULT_THRESHOLD",
    "SharedCopy",
    "SharedGroup",
    "align_shared",
    "describe_shared",
    "frames_by_origin",
    "is_shared",
    "outlet_shared_fraction",
    "quote_spans",
    "unit_words",
]
