"""Display strings for the report: numbers formatted, input made safe for CSS and plotly.

Every section formats its numbers here, so a share or a score reads the same
wherever the report shows it: a true minus sign, no "−0", a dash for a
missing or non-finite value. Two helpers make untrusted text safe where
escaping by the templates is not enough: :func:`safe_colour` for a lexicon's
colour inside a ``style`` attribute, :func:`plotly_text` for labels that
plotly renders as a subset of HTML.
"""

from __future__ import annotations

import html
import math
import re

#: Colour used when a lexicon's colour is not a plain CSS colour.
FALLBACK_COLOUR = "#888888"

_COLOUR_RE = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,30}")
_MINUS = "\u2212"


def finite(x: float | None) -> float | None:
    """``x`` if it is a finite number, else ``None`` (JSON has no NaN)."""
    if x is None or not math.isfinite(x):
        return None
    return float(x)


def _signed(value: float, magnitude: str) -> str:
    """Prefix ``magnitude`` with a true minus sign when ``value`` is negative.

    A value that rounds to zero gets no sign, so the report never shows "−0".
    """
    return _MINUS + magnitude if value < 0 and float(magnitude) != 0 else magnitude


def format_pct(x: float | None) -> str:
    """A fraction as a percentage: ``0.384 -> "38%"``, ``0.004 -> "0.4%"``."""
    x = finite(x)
    if x is None:
        return "\u2014"
    pct = x * 100
    text = f"{abs(pct):.1f}" if 0 < abs(pct) < 0.95 else f"{abs(pct):.0f}"
    return _signed(pct, text) + "%"


def format_points(x: float | None) -> str:
    """A difference of fractions in percentage points, signed: ``-0.03 -> "−3"``."""
    return format_pct(x).removesuffix("%")


def format_score(x: float | None, digits: int = 3) -> str:
    """A score with a fixed number of decimals, or a dash when missing."""
    x = finite(x)
    if x is None:
        return "\u2014"
    return _signed(x, f"{abs(x):.{digits}f}")


def format_interval(ci: tuple[float, float] | None) -> str:
    """A share interval as ``"31–45%"``."""
    if ci is None:
        return "\u2014"
    return f"{format_points(ci[0])}\u2013{format_pct(ci[1])}"


def safe_colour(colour: str) -> str:
    """``colour`` if it is a hex or named CSS colour, else a neutral grey.

    Lexicon files are input, and a colour ends up inside a ``style``
    attribute, where escaping alone would not stop e.g. ``url(...)``.
    """
    return colour if _COLOUR_RE.fullmatch(colour.strip()) else FALLBACK_COLOUR


def plotly_text(text: str) -> str:
    """Escape text for plotly labels, which interpret a subset of HTML and entities."""
    return html.escape(text, quote=False)


def plural(n: int, word: str, plural: str | None = None) -> str:
    """``"1 document"``, ``"3 documents"``."""
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"
