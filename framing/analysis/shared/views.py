"""Views of shared copy: whether a sentence is shared, per outlet and per frame."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from framing.model import Hit, Sentence, SharedCopy


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
        if hit.counts and hit.sentence in outlet_of:
            invoking[(outlet_of[hit.sentence], hit.frame)].add(hit.sentence)
    result: dict[tuple[str, str], tuple[int, int]] = {}
    for outlet in dict.fromkeys(outlet_of.values()):
        for frame in frames:
            ids = invoking.get((outlet, frame), set())
            n_shared = sum(1 for i in ids if is_shared(shared, i))
            result[(outlet, frame)] = (n_shared, len(ids) - n_shared)
    return result
