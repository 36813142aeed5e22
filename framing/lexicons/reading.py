"""A sentence's reading of each frame, from its hits: support, deny or none.

The one place that says what a sentence's hits mean, so the report, the
tables, ``framing lexicon evaluate`` and ``framing lexicon sample`` read
sentences alike: a frame is *supported* by a sentence with at least one
hit of it read as support, *denied* by a sentence with none of those and
at least one denied or rebutted hit, and *none* otherwise (a hit about
someone else, or in doubt, says nothing either way).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from framing.model import Hit
from framing.model.coding import DENY, NONE, SUPPORT


def frame_readings(hits: Iterable[Hit], frames: Sequence[str]) -> dict[str, str]:
    """Frame id -> ``"support"``, ``"deny"`` or ``"none"`` for one sentence's hits.

    >>> from framing.model import Hit
    >>> hit = Hit(0, "a", "x", "x", 0, 1, 1.0, True, "not")
    >>> frame_readings([hit], ["a", "b"])
    {'a': 'deny', 'b': 'none'}
    """
    read = dict.fromkeys(frames, NONE)
    for hit in hits:
        if hit.frame not in read:
            continue
        if hit.counts:
            read[hit.frame] = SUPPORT
        elif hit.negated and read[hit.frame] == NONE:
            # Only a denial or a rebuttal denies; a hit about someone else or
            # in doubt says nothing either way.
            read[hit.frame] = DENY
    return read


def frame_terms(hits: Iterable[Hit], frames: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Frame id -> the lexicon entries that matched, un-negated first, each once."""
    found: dict[str, dict[str, None]] = {f: {} for f in frames}
    for hit in sorted(hits, key=lambda h: (h.negated, h.start)):
        if hit.frame in found:
            found[hit.frame][hit.term] = None
    return {f: tuple(terms) for f, terms in found.items()}
