"""Alignment: shared copy as groups of sentences, the connected components of matched units.

:func:`align_shared` builds the units of each distinct sentence, finds the
similar pairs across outlets and joins sentences into groups; group ids
follow their first sentence id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations, pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from framing.analysis.shared.pairs import _similar_pairs, _tfidf
from framing.analysis.shared.units import _build_units, _Index, _Units
from framing.model import DEFAULT_MIN_WORDS, Ids, Sentence, SharedCopy, SharedGroup

if TYPE_CHECKING:
    import numpy as np

#: Cosine at or above which two units are the same copy (see :mod:`framing.analysis.shared`).
DEFAULT_THRESHOLD = 0.6


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

    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    if min_words < 1:
        raise ValueError(f"min_words must be at least 1, not {min_words}")
    method = shared_method(threshold, min_words)
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
    n_texts = len(text_index)
    first_of_text = np.full(n_texts, n, dtype=np.int64)
    np.minimum.at(first_of_text, text_of, np.arange(n))
    units = _build_units([sentences[i] for i in first_of_text.tolist()], min_words)
    return align_units(
        units,
        outlet_of=outlet_of,
        text_of=text_of,
        ids=ids,
        outlets=outlets,
        example=lambda i: sentences[i].text,
        threshold=threshold,
        min_words=min_words,
    )


def shared_method(threshold: float, min_words: int) -> str:
    """How the alignment is made, as :attr:`SharedCopy.method` records it."""
    return (
        f"TF-IDF cosine >= {threshold:g} of word 1-2-grams with stop words, over sentences "
        f"and quotes of >= {min_words} words; prefix-filter blocking; connected components"
    )


def align_units(
    units: _Units,
    *,
    outlet_of: np.ndarray,
    text_of: np.ndarray,
    ids: np.ndarray,
    outlets: tuple[str, ...],
    example: Callable[[int], str],
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = DEFAULT_MIN_WORDS,
) -> SharedCopy:
    """:func:`align_shared` from the units of the distinct texts, as arrays.

    Row ``k`` of ``outlet_of``, ``text_of`` and ``ids`` is the ``k``-th
    sentence in corpus order: its outlet's index in ``outlets``, its
    distinct text's index (texts numbered in first-seen order; ``units``
    are theirs, as :func:`~framing.analysis.shared.units._build_units`
    makes them) and its id. ``example(k)`` is the text of row ``k``, read
    only for each group's first sentence. The streamed analysis
    (:mod:`framing.analysis.depth_shared`) calls :func:`shared_components`
    itself and numbers the groups a block of sentences at a time.
    """
    import numpy as np

    method = shared_method(threshold, min_words)
    n = len(ids)
    if not n:
        return SharedCopy((), (), {}, threshold, method, outlets, min_words)
    n_outlets, n_texts = max(len(outlets), 1), int(text_of.max()) + 1
    # Nodes: one distinct text in one outlet (its sentences align with the same others).
    node_keys, node_of = np.unique(text_of * n_outlets + outlet_of, return_inverse=True)
    node_component, quoted = shared_components(
        units, node_keys, n_outlets=n_outlets, n_texts=n_texts, threshold=threshold
    )
    return _assemble(
        example,
        ids=ids,
        sentence_component=node_component[node_of.ravel()],
        outlets=outlets,
        outlet_of=outlet_of,
        quoted_components=set(quoted.tolist()),
        threshold=threshold,
        min_words=min_words,
        method=method,
    )


def shared_components(
    units: _Units, node_keys: np.ndarray, *, n_outlets: int, n_texts: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each node's component of shared copy (-1: not shared), and the components of quotes.

    A node is one distinct text in one outlet, ``node_keys`` (sorted) its
    text's index times ``n_outlets`` plus its outlet's. Units (of the
    ``n_texts`` texts) join the nodes of the texts that hold them when they
    are found in two outlets or match a unit of another outlet; the
    components of that graph are the groups.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    node_text, node_outlet = node_keys // n_outlets, node_keys % n_outlets
    n_units = len(units)

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
    node_component = np.where(node_shared, component[n_units:], -1)
    return node_component, np.unique(component[np.flatnonzero(quoted)])


def _assemble(
    example: Callable[[int], str],
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
    starts: list[int] = (
        np.flatnonzero(np.r_[True, components[1:] != components[:-1]]).tolist()
        if len(order)
        else []
    )
    bounds = [*starts, len(order)]
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
                sentences=Ids.from_bytes(ids[members].astype(np.int64).tobytes()),
                outlets=group_outlets,
                example=example(int(members[0])),
                quoted=int(components[start]) in quoted_components,
                per_outlet=tuple(per_outlet.tolist()),
            )
        )
    return SharedCopy(
        sentence_group=Ids.from_bytes(group_of.astype(np.int64).tobytes()),
        groups=tuple(groups),
        pairs={(outlets[a], outlets[b]): min(counts) for (a, b), counts in side.items()},
        threshold=threshold,
        method=method,
        outlets=outlets,
        min_words=min_words,
    )
