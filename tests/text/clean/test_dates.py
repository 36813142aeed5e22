"""Tests for date recognition (framing.text.clean.dates)."""

from __future__ import annotations

import pytest

from framing.text.clean.dates import find_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Updated 10 March 2022", "2022-03-10"),
        ("posted Mar. 3 2020, 9:00", "2020-03-03"),
        ("2021-12-01", "2021-12-01"),
        ("September 31, 2021", None),
        ("Updated 5 sec ago", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected
