"""Tests of framing.analysis.significance.mix, against values computed by hand."""

from __future__ import annotations

import math

import pytest

from framing.analysis.significance.mix import frame_mix_divergence
from framing.model import FrameScore, LexiconSet
from tests.analysis.significance.helpers import make_frame, make_outlets


def _scores(hits: dict[str, tuple[int, ...]], frames: tuple[str, ...]):
    return {
        (o, f): FrameScore(o, f, n, 0.0, (0.0, 0.0), n, 0.0, 0)
        for o, counts in hits.items()
        for f, n in zip(frames, counts, strict=True)
    }


def test_jensen_shannon_by_hand():
    frames = ("f", "g", "h")
    lexicons = LexiconSet("t", tuple(make_frame(f) for f in frames), "", ())
    hits = {"a": (2, 2, 0), "b": (0, 1, 1), "c": (3, 0, 0), "d": (1, 1, 0), "e": (0, 0, 0)}
    outlets = make_outlets(*((o.upper(), 1) for o in hits))
    result = frame_mix_divergence(_scores(hits, frames), outlets=outlets, lexicons=lexicons)
    assert result.outlets == ("a", "b", "c", "d", "e")
    # a = (1/2, 1/2, 0), b = (0, 1/2, 1/2), M = (1/4, 1/2, 1/4):
    # KL(a||M) = 1/2 log2 2 + 1/2 log2 1 = 1/2 = KL(b||M) -> JSD = 1/2 bit, distance sqrt(1/2).
    assert result.distance[0][1] == pytest.approx(math.sqrt(0.5))
    assert result.divergence[0][1] == pytest.approx(0.5)
    # c = (1, 0, 0), d = (1/2, 1/2, 0), M = (3/4, 1/4, 0):
    # KL(c||M) = log2(4/3) = 0.415037; KL(d||M) = 1/2 log2(2/3) + 1/2 log2 2 = 0.207519;
    # JSD = (0.415037 + 0.207519) / 2 = 0.311278; distance = 0.557923.
    assert result.divergence[2][3] == pytest.approx(0.311278, abs=1e-6)
    assert result.distance[2][3] == pytest.approx(0.557923, abs=1e-6)
    # Same mix, different amounts: distance 0 (a and d).
    assert result.distance[0][3] == pytest.approx(0.0)
    # No frame in common: distance 1 (b and c).
    assert result.distance[1][2] == pytest.approx(1.0)
    # Symmetric, zero diagonal; the outlet without hits has no distances.
    assert all(result.distance[i][j] == result.distance[j][i] for i in range(4) for j in range(4))
    assert [result.distance[i][i] for i in range(4)] == [0.0] * 4
    assert result.distance[4] == (None,) * 5
    assert all(row[4] is None for row in result.distance)
    assert len(result.pairs()) == 6
