"""What a sentence's hits mean for each frame: support, deny or none."""

from __future__ import annotations

from framing.lexicons.reading import frame_readings
from framing.model import DENY, OTHER, REBUT, SUPPORT, UNCERTAIN, Hit


def hit(frame: str, reading: str) -> Hit:
    return Hit(0, frame, "x", "x", 0, 1, 1.0, reading in (DENY, REBUT), None, reading)


def test_support_wins_and_only_denials_deny():
    hits = [hit("a", DENY), hit("a", SUPPORT), hit("b", REBUT), hit("c", DENY)]
    assert frame_readings(hits, ["a", "b", "c", "d"]) == {
        "a": "support",
        "b": "deny",
        "c": "deny",
        "d": "none",
    }


def test_a_hit_about_someone_else_or_in_doubt_says_nothing():
    hits = [hit("a", OTHER), hit("b", UNCERTAIN), hit("c", OTHER), hit("c", DENY)]
    assert frame_readings(hits, ["a", "b", "c"]) == {"a": "none", "b": "none", "c": "deny"}
