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
:func:`_similar_pairs`). The results equal a brute-force comparison of all
pairs (checked on corpora of up to 32,000 units).

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
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, combinations, pairwise
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

from framing.analysis.quotes import extract_quotes, quote_spans
from framing.model import DEFAULT_MIN_WORDS, Hit, Quotations, Sentence, SharedCopy, SharedGroup
from framing.text.marks import DOUBLE_MARKS
from framing.text.segment import is_word, tokenize

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

_Key = TypeVar("_Key", bound=Hashable)

#: Cosine at or above which two units are the same copy (see the module docstring).
DEFAULT_THRESHOLD = 0.6

#: Candidate pairs whose exact cosine is computed per batch; bounds that step's memory.
_VERIFY_BATCH = 100_000
#: Units whose candidate pairs are generated per sparse product; bounds its memory.
_CANDIDATE_ROWS = 20_000
#: Columns at which each unit's tail norm is tabulated, for the candidates' upper bound.
_CHECKPOINTS = 32
#: Slack for floating-point sums compared with the threshold.
_EPSILON = 1e-9


# --------------------------------------------------------------------------
# Units: normalised words of sentences and quotes
# --------------------------------------------------------------------------


def _word_form(token: str) -> str:
    """A token's form in a unit: "" for punctuation, "0" for a number, dots dropped."""
    if not is_word(token):
        return ""
    if any(c.isdigit() for c in token):
        return "0"
    return token.replace(".", "")


class _Index(dict[_Key, int]):
    """key -> a dense id, given in first-seen order (``index[key]`` adds a new key)."""

    def __missing__(self, key: _Key) -> int:
        value = self[key] = len(self)
        return value


class _WordIds(dict[str, int]):
    """token -> 1 + the id of its unit word, or 0 when it is no word. Decided once per token.

    Ids start at 1 so that ``filter(None, ...)`` drops punctuation in C.
    """

    def __init__(self) -> None:
        super().__init__()
        self.words: _Index[str] = _Index()

    def __missing__(self, token: str) -> int:
        form = _word_form(token)
        value = self[token] = self.words[form] + 1 if form else 0
        return value


def unit_words(tokens: Iterable[str]) -> list[str]:
    """The words a unit is compared by: punctuation dropped, "u.s." -> "us", numbers -> "0".

    >>> unit_words(["“", "about", "100", "u.s.", "citizens", ",", "'s", "”"])
    ['about', '0', 'us', 'citizens', "'s"]
    """
    return [form for form in map(_word_form, tokens) if form]


@dataclass
class _Units:
    """Distinct units (tuples of word ids, see :class:`_WordIds`), and which texts hold them."""

    keys: list[tuple[int, ...]]
    is_quote: list[bool]
    member_unit: list[int]
    member_text: list[int]
    vocabulary_size: int


def _build_units(texts: Sequence[Sentence], min_words: int) -> _Units:
    """Units of each distinct sentence text (see the module docstring)."""
    ids = _WordIds()
    index: dict[tuple[int, ...], int] = {}
    units = _Units([], [], [], [], 0)

    def add(key: tuple[int, ...], text_id: int, quote: bool) -> None:
        unit = index.get(key)
        if unit is None:
            unit = index[key] = len(units.keys)
            units.keys.append(key)
            units.is_quote.append(quote)
        elif quote:
            units.is_quote[unit] = True
        units.member_unit.append(unit)
        units.member_text.append(text_id)

    for text_id, sentence in enumerate(texts):
        own = tuple(filter(None, map(ids.__getitem__, sentence.tokens)))
        if len(own) >= min_words:
            add(own, text_id, False)
        if DOUBLE_MARKS.isdisjoint(sentence.tokens):
            continue
        for span in quote_spans(sentence.text):
            key = tuple(filter(None, map(ids.__getitem__, tokenize(span))))
            if len(key) >= min_words:
                add(key, text_id, True)
    units.vocabulary_size = len(ids.words)
    return units


# --------------------------------------------------------------------------
# Similar unit pairs: TF-IDF, prefix filtering, exact cosine
# --------------------------------------------------------------------------


def _tfidf(units: _Units) -> csr_matrix:
    """TF-IDF of the units' word unigrams and bigrams, rows L2-normalised.

    The weighting is scikit-learn's ``TfidfTransformer(sublinear_tf=True)``
    (tf ``1 + ln(count)``, idf ``ln((1 + n) / (1 + df)) + 1``), computed here
    from integer word ids because a Python analyzer over a few hundred
    thousand units costs seconds. Columns are numbered from the rarest
    feature to the commonest by corpus frequency (ties by word id, then
    bigram code), so each row's sorted indices run rarest first: the fixed
    global order the prefix filter needs.
    """
    import numpy as np
    from scipy.sparse import coo_matrix

    n_units, n_vocab = len(units.keys), max(units.vocabulary_size, 1)
    lengths = np.fromiter(map(len, units.keys), dtype=np.int64, count=n_units)
    words = np.fromiter(chain.from_iterable(units.keys), dtype=np.int64, count=int(lengths.sum()))
    words -= 1
    unit_of_word = np.repeat(np.arange(n_units), lengths)
    # A bigram starts at every word but the last of its unit.
    starts = np.ones(len(words), dtype=bool)
    starts[np.cumsum(lengths) - 1] = False
    starts = starts[:-1]
    bigrams, bigram_columns = np.unique(
        words[:-1][starts] * n_vocab + words[1:][starts], return_inverse=True
    )
    columns = np.concatenate([words, n_vocab + bigram_columns.ravel()])
    rows = np.concatenate([unit_of_word, unit_of_word[:-1][starts]])
    n_features = n_vocab + len(bigrams)
    rank = np.empty(n_features, dtype=np.int64)
    frequency = np.bincount(columns, minlength=n_features)
    rank[np.argsort(frequency, kind="stable")] = np.arange(n_features)
    counts = coo_matrix(
        (np.ones(len(columns)), (rows, rank[columns])), shape=(n_units, n_features)
    ).tocsr()
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=n_features)
    idf = np.log((1 + n_units) / (1 + df)) + 1
    counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
    norms = np.sqrt(np.add.reduceat(counts.data**2, counts.indptr[:-1]))
    counts.data /= np.repeat(norms, np.diff(counts.indptr))  # no unit is empty
    return counts


@dataclass(frozen=True)
class _Prefixes:
    """The prefix filter's view of a TF-IDF matrix whose columns run rarest first.

    ``prefix`` keeps each row's indexed entries (weights kept); the rest of a
    row is its suffix, which starts at column ``suffix_start`` (the number of
    columns when empty) and has norm ``suffix_norm``. ``tail_table[u, c]`` is
    the norm of row ``u``'s entries in columns >= ``checkpoints[c]``, and
    ``suffix_checkpoint[u]`` the last checkpoint at or before ``suffix_start[u]``.
    """

    prefix: csr_matrix
    suffix_start: np.ndarray
    suffix_norm: np.ndarray
    checkpoints: np.ndarray
    tail_table: np.ndarray
    suffix_checkpoint: np.ndarray


def _prefixes(matrix: csr_matrix, threshold: float) -> _Prefixes:
    """Split each row into prefix and suffix (see :class:`_Prefixes`).

    A row's entry is indexed while the norm of it and the row's commoner
    entries is at least ``threshold``, so each suffix has norm < ``threshold``.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    n_rows, n_cols = matrix.shape
    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(n_rows), lengths)
    squares = matrix.data * matrix.data
    after = np.cumsum(squares[::-1])[::-1]  # sum of squares from each entry to the end
    tail = np.sqrt(np.maximum(after - np.r_[after, 0.0][np.repeat(matrix.indptr[1:], lengths)], 0))
    indexed = tail >= threshold - _EPSILON
    prefix = csr_matrix(
        (matrix.data[indexed], (rows[indexed], matrix.indices[indexed])), shape=matrix.shape
    )
    first = matrix.indptr[:-1] + np.bincount(rows[indexed], minlength=n_rows)
    has_suffix = first < matrix.indptr[1:]
    suffix_start = np.full(n_rows, n_cols, dtype=np.int64)
    suffix_start[has_suffix] = matrix.indices[first[has_suffix]]
    suffix_norm = np.zeros(n_rows)
    suffix_norm[has_suffix] = tail[first[has_suffix]]
    quantiles = np.linspace(0, 1, _CHECKPOINTS)
    checkpoints = np.unique(np.r_[0, np.quantile(suffix_start, quantiles, method="lower")])
    entry_keys = rows * (n_cols + 1) + matrix.indices
    tail_table = np.zeros((n_rows, len(checkpoints)), dtype=np.float64)
    for c, column in enumerate(checkpoints.tolist()):
        at = np.searchsorted(entry_keys, np.arange(n_rows) * (n_cols + 1) + column)
        inside = at < matrix.indptr[1:]
        tail_table[inside, c] = tail[at[inside]]
    suffix_checkpoint = np.searchsorted(checkpoints, suffix_start, "right") - 1
    return _Prefixes(prefix, suffix_start, suffix_norm, checkpoints, tail_table, suffix_checkpoint)


def _similar_pairs(
    matrix: csr_matrix, threshold: float, unit_outlets: np.ndarray
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Unit pairs (i < j) with cosine >= ``threshold`` that span two outlets, exactly.

    ``unit_outlets[u]`` is the unit's only outlet, or -1 when it occurs in
    several; a pair of units found in one and the same outlet only is
    skipped. Candidates are pairs whose prefixes share a feature (see the
    module docstring). Their prefix product ``a`` is the part of the cosine
    from features in both prefixes, so:

    * ``a >= threshold`` accepts the pair (the rest of the sum is >= 0);
    * otherwise the rest comes from features at or after the earlier of the
      two suffix starts, ``g``, and is at most (suffix norm of the row whose
      suffix starts at ``g``) × (norm of the other row from ``g`` on): when
      ``a`` plus that bound is below ``threshold`` the pair is rejected. The
      other row's norm is read at the last checkpoint column <= ``g``, an
      upper bound;
    * the remaining pairs get their exact cosine, except a pair whose units
      both already have a match and are already joined by earlier matches:
      its edge could change neither the groups nor which units are shared.
      This keeps a cluster of k variants of one sentence near k exact
      cosines instead of k²/2.

    Returns the matched pairs and counts of candidates, accepted, rejected
    and verified pairs.
    """
    import numpy as np

    n_units = matrix.shape[0]
    split = _prefixes(matrix, threshold)
    joined = _Joined(n_units)
    stats = dict.fromkeys(("candidates", "accepted", "rejected", "verified"), 0)
    for start in range(0, n_units, _CANDIDATE_ROWS):
        stop = min(start + _CANDIDATE_ROWS, n_units)
        block = (split.prefix[start:stop] @ split.prefix[start:].T).tocoo()
        upper = block.col > block.row  # j > i (both are offset by start)
        i, j = block.row[upper] + start, block.col[upper] + start
        i_outlet = unit_outlets[i]
        keep = (i_outlet < 0) | (i_outlet != unit_outlets[j])
        i, j, partial = i[keep], j[keep], block.data[upper][keep]
        stats["candidates"] += len(i)
        accept = partial >= threshold - _EPSILON
        stats["accepted"] += int(accept.sum())
        joined.add(i[accept], j[accept])
        i, j, partial = i[~accept], j[~accept], partial[~accept]
        i_first = split.suffix_start[i] <= split.suffix_start[j]
        early, late = np.where(i_first, i, j), np.where(i_first, j, i)
        tail = split.tail_table[late, split.suffix_checkpoint[early]]
        possible = partial + split.suffix_norm[early] * tail >= threshold - _EPSILON
        stats["rejected"] += int(len(i) - possible.sum())
        i, j = i[possible], j[possible]
        order = np.lexsort((j, i))
        i, j = i[order], j[order]
        for at in range(0, len(i), _VERIFY_BATCH):
            bi, bj = joined.unsettled(i[at : at + _VERIFY_BATCH], j[at : at + _VERIFY_BATCH])
            stats["verified"] += len(bi)
            if len(bi):
                cosine = np.asarray(matrix[bi].multiply(matrix[bj]).sum(axis=1)).ravel()
                close = cosine >= threshold - _EPSILON
                joined.add(bi[close], bj[close])
    pair_i, pair_j = joined.pairs()
    return pair_i, pair_j, stats


class _Joined:
    """Matched unit pairs so far, with which units have a match and how they are joined."""

    def __init__(self, n_units: int) -> None:
        import numpy as np

        self.n_units = n_units
        self.matched = np.zeros(n_units, dtype=bool)
        self.label = np.arange(n_units)
        self._i: list[np.ndarray] = []
        self._j: list[np.ndarray] = []

    def add(self, i: np.ndarray, j: np.ndarray) -> None:
        """Record matches and recompute the components they form."""
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components

        if not len(i):
            return
        self._i.append(i)
        self._j.append(j)
        self.matched[i] = True
        self.matched[j] = True
        every_i, every_j = self.pairs()
        graph = coo_matrix(
            ([True] * len(every_i), (every_i, every_j)), shape=(self.n_units, self.n_units)
        )
        _, self.label = connected_components(graph.tocsr(), directed=False)

    def unsettled(self, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The pairs whose match could still change the result."""
        settled = self.matched[i] & self.matched[j] & (self.label[i] == self.label[j])
        return i[~settled], j[~settled]

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        if not self._i:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(self._i), np.concatenate(self._j)


# --------------------------------------------------------------------------
# Alignment
# --------------------------------------------------------------------------


def align_shared(
    sentences: Sequence[Sentence],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = DEFAULT_MIN_WORDS,
) -> SharedCopy:
    """Find the sentences each outlet shares near-identically with other outlets.

    A sentence is shared when it, or a quote of at least ``min_words`` words
    in it, has TF-IDF cosine >= ``threshold`` with a sentence or quote of a
    sentence of another outlet (see the module docstring for the
    representation, the measured threshold and the blocking that avoids
    comparing every pair). Sentences are joined into groups, the connected
    components of those alignments. ``sentences`` need unique, non-negative
    ids (as :func:`framing.text.segment.segment_corpus` numbers them).
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, not {min_words}")
    method = (
        f"TF-IDF cosine >= {threshold:g} of word 1-2-grams with stop words, over sentences "
        f"and quotes of >= {min_words} words; prefix-filter blocking; connected components"
    )
    n = len(sentences)
    outlet_index: _Index[str] = _Index()
    text_index: _Index[tuple[str, ...]] = _Index()
    outlet_of = np.fromiter(
        map(outlet_index.__getitem__, map(attrgetter("outlet"), sentences)), np.int64, n
    )
    text_of = np.fromiter(
        map(text_index.__getitem__, map(attrgetter("tokens"), sentences)), np.int64, n
    )
    ids = np.fromiter(map(attrgetter("id"), sentences), np.int64, n)
    if n and ids.min() < 0:
        raise ValueError("sentence ids must be non-negative")
    if len(np.unique(ids)) != n:
        raise ValueError("sentence ids must be unique")
    outlets = tuple(outlet_index)
    if not n:
        return SharedCopy((), (), {}, threshold, method, outlets, min_words)
    n_outlets, n_texts = max(len(outlets), 1), len(text_index)

    # Nodes: one distinct text in one outlet (its sentences align with the same others).
    node_keys, node_of = np.unique(text_of * n_outlets + outlet_of, return_inverse=True)
    node_of = node_of.ravel()
    node_text, node_outlet = node_keys // n_outlets, node_keys % n_outlets
    first_of_text = np.full(n_texts, n, dtype=np.int64)
    np.minimum.at(first_of_text, text_of, np.arange(n))
    units = _build_units([sentences[i] for i in first_of_text.tolist()], min_words)
    n_units = len(units.keys)

    # Unit -> nodes: every node whose text holds the unit (node_text is sorted).
    text_start = np.searchsorted(node_text, np.arange(n_texts))
    text_count = np.bincount(node_text, minlength=n_texts)
    member_unit = np.asarray(units.member_unit, dtype=np.int64)
    member_text = np.asarray(units.member_text, dtype=np.int64)
    per_member = text_count[member_text]
    first = np.cumsum(per_member) - per_member
    link_unit = np.repeat(member_unit, per_member)
    link_node = np.repeat(text_start[member_text] - first, per_member) + np.arange(
        int(per_member.sum())
    )

    # A unit's outlets: how many, and its only outlet (-1 when several).
    unit_outlet = np.unique(link_unit * n_outlets + node_outlet[link_node])
    outlet_count = np.bincount(unit_outlet // n_outlets, minlength=n_units)
    unit_outlets = np.full(n_units, -1, dtype=np.int64)
    single = np.flatnonzero(outlet_count == 1)
    unit_outlets[single] = (
        unit_outlet[np.searchsorted(unit_outlet // n_outlets, single)] % n_outlets
    )

    if n_units:
        pair_i, pair_j, _ = _similar_pairs(_tfidf(units), threshold, unit_outlets)
    else:
        pair_i = pair_j = np.zeros(0, dtype=np.int64)

    # Active units carry copy across outlets: found in two outlets, or matched across them.
    active = outlet_count >= 2
    active[pair_i] = True
    active[pair_j] = True
    on = active[link_unit]
    n_nodes = len(node_keys)
    graph = coo_matrix(
        (
            np.ones(int(on.sum()) + len(pair_i), dtype=bool),  # bool: duplicates stay edges
            (
                np.concatenate([link_unit[on], pair_i]),
                np.concatenate([n_units + link_node[on], pair_j]),
            ),
        ),
        shape=(n_units + n_nodes, n_units + n_nodes),
    ).tocsr()
    _, component = connected_components(graph, directed=False)
    node_shared = np.zeros(n_nodes, dtype=bool)
    node_shared[link_node[on]] = True
    quoted = active & np.asarray(units.is_quote, dtype=bool)
    sentence_component = np.where(node_shared[node_of], component[n_units + node_of], -1)
    return _assemble(
        sentences,
        ids=ids,
        sentence_component=sentence_component,
        outlets=outlets,
        outlet_of=outlet_of,
        quoted_components=set(component[np.flatnonzero(quoted)].tolist()),
        threshold=threshold,
        min_words=min_words,
        method=method,
    )


def _assemble(
    sentences: Sequence[Sentence],
    *,
    ids: np.ndarray,
    sentence_component: np.ndarray,
    outlets: tuple[str, ...],
    outlet_of: np.ndarray,
    quoted_components: set[int],
    threshold: float,
    min_words: int,
    method: str,
) -> SharedCopy:
    """Number the groups by their first sentence id and build the result."""
    import numpy as np

    shared = np.flatnonzero(sentence_component >= 0)
    order = shared[np.lexsort((ids[shared], sentence_component[shared]))]
    components = sentence_component[order]
    starts = np.flatnonzero(np.r_[True, components[1:] != components[:-1]]) if len(order) else []
    bounds = [*map(int, starts), len(order)]
    spans = sorted((int(ids[order[start]]), start, end) for start, end in pairwise(bounds))
    group_of = np.full(int(ids.max()) + 1 if len(ids) else 0, -1, dtype=np.int64)
    groups: list[SharedGroup] = []
    # side[(a, b)]: sentences of a in groups with b, and of b in groups with a.
    side: dict[tuple[int, int], list[int]] = {
        pair: [0, 0] for pair in combinations(range(len(outlets)), 2)
    }
    for group_id, (_, start, end) in enumerate(spans):
        members = order[start:end]
        group_of[ids[members]] = group_id
        outlet_codes, per_outlet = np.unique(outlet_of[members], return_counts=True)
        counted = zip(outlet_codes.tolist(), per_outlet.tolist(), strict=True)
        for (a, n_a), (b, n_b) in combinations(counted, 2):
            side[(a, b)][0] += n_a
            side[(a, b)][1] += n_b
        group_outlets = tuple(outlets[k] for k in outlet_codes.tolist())
        groups.append(
            SharedGroup(
                id=group_id,
                sentences=tuple(ids[members].tolist()),
                outlets=group_outlets,
                example=sentences[int(members[0])].text,
                quoted=int(components[start]) in quoted_components,
            )
        )
    return SharedCopy(
        sentence_group=tuple(group_of.tolist()),
        groups=tuple(groups),
        pairs={(outlets[a], outlets[b]): min(counts) for (a, b), counts in side.items()},
        threshold=threshold,
        method=method,
        outlets=outlets,
        min_words=min_words,
    )


# --------------------------------------------------------------------------
# Views of the result
# --------------------------------------------------------------------------


def is_shared(shared: SharedCopy, sentence_id: int) -> bool:
    """Whether the sentence is shared with at least one other outlet."""
    return shared.group_of(sentence_id) >= 0


def outlet_shared_fraction(shared: SharedCopy, sentences: Sequence[Sentence]) -> dict[str, float]:
    """Per outlet, the share of its sentences that are shared with another outlet.

    Outlets are keyed in the order they first appear in ``sentences``.
    """
    total: Counter[str] = Counter()
    n_shared: Counter[str] = Counter()
    for s in sentences:
        total[s.outlet] += 1
        n_shared[s.outlet] += is_shared(shared, s.id)
    return {outlet: n_shared[outlet] / n for outlet, n in total.items()}


def frames_by_origin(
    shared: SharedCopy, sentences: Sequence[Sentence], hits: Iterable[Hit]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(outlet, frame) -> (shared sentences invoking it, unique sentences invoking it).

    Says whether an outlet's frame comes from copy it shares with other
    outlets or from its own material. A sentence invokes a frame when it has
    a non-negated hit of it. Every outlet of ``sentences`` is paired with
    every frame found in ``hits``; a pair with no sentence is (0, 0).
    """
    outlet_of = {s.id: s.outlet for s in sentences}
    frames: dict[str, None] = {}
    invoking: dict[tuple[str, str], set[int]] = defaultdict(set)
    for hit in hits:
        frames.setdefault(hit.frame)
        if not hit.negated and hit.sentence in outlet_of:
            invoking[(outlet_of[hit.sentence], hit.frame)].add(hit.sentence)
    result: dict[tuple[str, str], tuple[int, int]] = {}
    for outlet in dict.fromkeys(outlet_of.values()):
        for frame in frames:
            ids = invoking.get((outlet, frame), set())
            n_shared = sum(1 for i in ids if is_shared(shared, i))
            result[(outlet, frame)] = (n_shared, len(ids) - n_shared)
    return result


# --------------------------------------------------------------------------
# Plain-language summary
# --------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@dataclass
class _Tally:
    """Sentences and the frames they invoke (sentences per frame), of one outlet or part."""

    n: int = 0
    frames: Counter[str] = field(default_factory=Counter)

    def add(self, other: _Tally, sign: int = 1) -> None:
        self.n += sign * other.n
        for frame, k in other.frames.items():
            self.frames[frame] += sign * k


def _pair_summary(
    a: str,
    b: str,
    groups: Sequence[int],
    *,
    shared: SharedCopy,
    part: Mapping[tuple[int, str], _Tally],
    speakers_of: Mapping[int, set[str]],
    total: Mapping[str, _Tally],
    name: Mapping[str, str],
    label: Mapping[str, str],
    frame_order: Sequence[str],
) -> str:
    """One paragraph: what ``a`` and ``b`` share, and the frames each adds."""
    n_quoted = sum(shared.groups[g].quoted for g in groups)
    speaker_groups = Counter(who for g in groups for who in speakers_of.get(g, ()))
    top = min(speaker_groups.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
    speaker = top[0] if top and top[1] * 2 > len(groups) else None
    if n_quoted * 2 > len(groups):
        qualifier = f" (mostly quotes of {speaker})" if speaker else " (mostly quotes)"
    else:
        qualifier = f" (mostly attributed to {speaker})" if speaker else ""
    n_shared = shared.pairs[(a, b)]
    text = f"{name[a]} and {name[b]} share {_plural(n_shared, 'sentence')}{qualifier}"

    in_shared = {a: _Tally(), b: _Tally()}
    for g in groups:
        for outlet in (a, b):
            in_shared[outlet].add(part[(g, outlet)])
    carried = {f: min(in_shared[a].frames[f], in_shared[b].frames[f]) for f in frame_order}
    listed = [f"{label[f]} ({carried[f]})" for f in frame_order if carried[f]]
    if listed:
        text += f", which carry {_join(listed)}"
    text += "."

    own = {}
    for outlet in (a, b):
        own[outlet] = _Tally()
        own[outlet].add(total[outlet])
        own[outlet].add(in_shared[outlet], sign=-1)
    clauses = []
    for outlet, other in ((a, b), (b, a)):
        mine, theirs = own[outlet], own[other]
        adds = [
            f
            for f in frame_order
            if mine.frames[f]
            and (
                theirs.frames[f] == 0
                or mine.frames[f] / max(mine.n, 1) >= 2 * theirs.frames[f] / max(theirs.n, 1)
            )
        ]
        if adds:
            listed = [
                f"{label[f]} ({_plural(mine.frames[f], 'sentence')} of its own against "
                f"{theirs.frames[f]} of {name[other]}'s)"
                for f in adds
            ]
            clauses.append(f"{name[outlet]} adds {_join(listed)}")
        else:
            clauses.append(
                f"{name[outlet]} adds no frame that is absent or rarer in {name[other]}'s own "
                "material"
            )
    return f"{text} Beyond it, {'; '.join(clauses)}."


def describe_shared(
    shared: SharedCopy,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    outlet_names: Mapping[str, str] | None = None,
    frame_labels: Mapping[str, str] | None = None,
    max_pairs: int | None = None,
    quotations: Quotations | None = None,
) -> tuple[str, ...]:
    """Plain-language paragraphs, one per pair of outlets that share copy, most shared first.

    Each says how many sentences the pair shares (as ``shared.pairs``; and
    whether most of the groups are quotes, and of whom, when most name the
    same speaker), which frames that shared copy carries (sentences per
    frame, the smaller of the two outlets' counts), and which frames each
    outlet adds in its own material: frames of its sentences not shared with
    the other that are absent from the other's own material or at most half
    as frequent there (as a share of each outlet's own sentences). Only
    non-negated hits count. ``outlet_names`` and ``frame_labels`` map ids to
    display names (ids are used otherwise); frames are listed in
    ``frame_labels`` order, then in the order the hits first name them.

    A sentence's speaker is the one :func:`framing.analysis.quotes.extract_quotes`
    attributes it to (``quotations.sentence_speaker``: the speaker whose
    words make up most of the sentence; a sentence that is only a quotation
    continues the speaker of its neighbour). ``quotations`` are extracted
    from ``sentences`` when not given.
    """
    invoked: dict[int, set[str]] = defaultdict(set)
    frame_order: dict[str, None] = dict.fromkeys(frame_labels or ())
    for hit in hits:
        frame_order.setdefault(hit.frame)
        if not hit.negated:
            invoked[hit.sentence].add(hit.frame)
    label = {f: (frame_labels or {}).get(f, f.replace("_", " ")) for f in frame_order}
    names = {o: (outlet_names or {}).get(o, o) for o in shared.outlets}

    # One pass over the sentences: each outlet's totals, and each group's part per outlet.
    total: dict[str, _Tally] = defaultdict(_Tally)
    part: dict[tuple[int, str], _Tally] = defaultdict(_Tally)
    groups_of: dict[str, set[int]] = defaultdict(set)
    for s in sentences:
        frames = invoked.get(s.id, ())
        tallies = [total[s.outlet]]
        group = shared.group_of(s.id)
        if group >= 0:
            tallies.append(part[(group, s.outlet)])
            groups_of[s.outlet].add(group)
        for tally in tallies:
            tally.n += 1
            tally.frames.update(frames)
    if quotations is None:
        quotations = extract_quotes(sentences)
    speakers_of: dict[int, set[str]] = defaultdict(set)
    for s in sentences:
        group, who = shared.group_of(s.id), quotations.sentence_speaker.get(s.id)
        if group >= 0 and who is not None:
            speakers_of[group].add(who)

    ranked = sorted(
        (pair for pair, n in shared.pairs.items() if n),
        key=lambda pair: -shared.pairs[pair],
    )[:max_pairs]
    return tuple(
        _pair_summary(
            a,
            b,
            sorted(groups_of[a] & groups_of[b]),
            shared=shared,
            part=part,
            speakers_of=speakers_of,
            total=total,
            name=names,
            label=label,
            frame_order=list(frame_order),
        )
        for a, b in ranked
    )
