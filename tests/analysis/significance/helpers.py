"""Tiny builders shared by the significance tests."""

from __future__ import annotations

import re

from framing.model import Frame, OutletSummary, Term


def make_frame(fid: str, label: str | None = None) -> Frame:
    return Frame(fid, label or fid, "", "#000000", (Term("x", ("x",)),), "")


def make_outlets(*sizes: tuple[str, int]) -> tuple[OutletSummary, ...]:
    return tuple(
        OutletSummary(re.sub(r"[^a-z0-9]+", "-", name.lower()), name, n, 10 * n, 100 * n)
        for name, n in sizes
    )
