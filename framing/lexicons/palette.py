"""Frame colours that stay distinct for colour-blind readers.

Every frame has a colour, and the report's charts tell frames apart by
colour alone: a line, a bar or a legend swatch. Some 8% of men of northern
European descent have a red-green colour vision deficiency, so two colours
that look different on the lexicon writer's screen may look alike to many
readers. This module checks a set of colours, for ``framing lexicon
validate``:

* :func:`parse_colour` reads a CSS colour (``#rgb``, ``#rgba``, ``#rrggbb``,
  ``#rrggbbaa`` or a CSS named colour) into sRGB in [0, 1];
* :func:`srgb_to_lab` converts sRGB to CIELAB (sRGB → linear RGB → CIE XYZ
  with the D65 white → L*a*b*);
* :func:`simulate` shows a colour as seen with protanopia, deuteranopia or
  tritanopia, with the matrices of Machado, Oliveira & Fernandes (2009) at
  severity 1.0, applied in linear RGB;
* :func:`delta_e00` is the CIEDE2000 colour difference (CIE 142-2001),
  implemented as set out, with test data, by Sharma, Wu & Dalal (2005);
* :func:`confusable_pairs` lists the pairs of colours whose difference,
  with normal vision or one of the three simulated deficiencies, falls below
  :data:`CONFUSABLE_BELOW`.

Plain Python, no numpy: a lexicon set has a handful of colours, and
``framing lexicon validate`` must stay light.

The Okabe–Ito palette (#E69F00 #56B4E9 #009E73 #F0E442 #0072B2 #D55E00
#CC79A7), the default frame colours, was designed for colour-blind readers,
and it passes: none of its 21 pairs falls below the threshold. Its closest
pairs (ΔE00 with the vision named) are orange #E69F00 and reddish purple
#CC79A7 with tritanopia (10.9), orange and yellow #F0E442 with deuteranopia
(11.6), sky blue #56B4E9 and bluish green #009E73 with tritanopia (12.1),
blue #0072B2 and reddish purple with protanopia (12.2), bluish green and
blue with tritanopia (12.4), and orange and vermillion #D55E00 with
deuteranopia (12.5). By contrast, the red #d62728 and green #2ca02c of many
charting libraries' default palette are 4.6 apart with deuteranopia.

References
----------
* G. M. Machado, M. M. Oliveira, L. A. F. Fernandes, "A Physiologically-based
  Model for Simulation of Color Vision Deficiency", IEEE Transactions on
  Visualization and Computer Graphics 15(6), 1291–1298, 2009.
* G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 Color-Difference Formula:
  Implementation Notes, Supplementary Test Data, and Mathematical
  Observations", Color Research and Application 30(1), 21–30, 2005.
* M. Okabe, K. Ito, "Color Universal Design (CUD): How to make figures and
  presentations that are friendly to colorblind people", 2002.
* IEC 61966-2-1:1999, the sRGB colour space.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

#: An sRGB colour, each channel in [0, 1].
RGB = tuple[float, float, float]
#: A CIELAB colour: L* in [0, 100], a* and b* roughly in [-128, 128].
Lab = tuple[float, float, float]

Vision = Literal["normal", "protanopia", "deuteranopia", "tritanopia"]
Deficiency = Literal["protanopia", "deuteranopia", "tritanopia"]
#: The ways of seeing that :func:`confusable_pairs` checks, in report order.
VISIONS: tuple[Vision, ...] = ("normal", "protanopia", "deuteranopia", "tritanopia")
DEFICIENCIES: tuple[Deficiency, ...] = ("protanopia", "deuteranopia", "tritanopia")

#: Two colours closer than this (CIEDE2000) are reported as confusable.
#: ΔE00 ≈ 1 is a just-noticeable difference between two large patches side by
#: side; chart marks are small (a line, a dot, a legend swatch) and read apart
#: from each other, so telling which frame a mark belongs to needs a far
#: larger margin. 10 gives one that a careful palette can keep: it lies just
#: below the closest pair of the Okabe–Ito palette, built for colour-blind
#: readers (10.9), and well above the red and green pairs known to fail
#: (4.6 for #d62728 and #2ca02c with deuteranopia).
CONFUSABLE_BELOW = 10.0

#: The background colours with transparency are composited onto: the report's
#: page is white.
BACKGROUND: RGB = (1.0, 1.0, 1.0)

_HEX_RE = re.compile(r"^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$")

#: The CSS named colours (CSS Color Module Level 4, section 6.1), as #rrggbb.
CSS_NAMED_COLOURS: dict[str, str] = {
    "aliceblue": "#f0f8ff",
    "antiquewhite": "#faebd7",
    "aqua": "#00ffff",
    "aquamarine": "#7fffd4",
    "azure": "#f0ffff",
    "beige": "#f5f5dc",
    "bisque": "#ffe4c4",
    "black": "#000000",
    "blanchedalmond": "#ffebcd",
    "blue": "#0000ff",
    "blueviolet": "#8a2be2",
    "brown": "#a52a2a",
    "burlywood": "#deb887",
    "cadetblue": "#5f9ea0",
    "chartreuse": "#7fff00",
    "chocolate": "#d2691e",
    "coral": "#ff7f50",
    "cornflowerblue": "#6495ed",
    "cornsilk": "#fff8dc",
    "crimson": "#dc143c",
    "cyan": "#00ffff",
    "darkblue": "#00008b",
    "darkcyan": "#008b8b",
    "darkgoldenrod": "#b8860b",
    "darkgray": "#a9a9a9",
    "darkgreen": "#006400",
    "darkgrey": "#a9a9a9",
    "darkkhaki": "#bdb76b",
    "darkmagenta": "#8b008b",
    "darkolivegreen": "#556b2f",
    "darkorange": "#ff8c00",
    "darkorchid": "#9932cc",
    "darkred": "#8b0000",
    "darksalmon": "#e9967a",
    "darkseagreen": "#8fbc8f",
    "darkslateblue": "#483d8b",
    "darkslategray": "#2f4f4f",
    "darkslategrey": "#2f4f4f",
    "darkturquoise": "#00ced1",
    "darkviolet": "#9400d3",
    "deeppink": "#ff1493",
    "deepskyblue": "#00bfff",
    "dimgray": "#696969",
    "dimgrey": "#696969",
    "dodgerblue": "#1e90ff",
    "firebrick": "#b22222",
    "floralwhite": "#fffaf0",
    "forestgreen": "#228b22",
    "fuchsia": "#ff00ff",
    "gainsboro": "#dcdcdc",
    "ghostwhite": "#f8f8ff",
    "gold": "#ffd700",
    "goldenrod": "#daa520",
    "gray": "#808080",
    "green": "#008000",
    "greenyellow": "#adff2f",
    "grey": "#808080",
    "honeydew": "#f0fff0",
    "hotpink": "#ff69b4",
    "indianred": "#cd5c5c",
    "indigo": "#4b0082",
    "ivory": "#fffff0",
    "khaki": "#f0e68c",
    "lavender": "#e6e6fa",
    "lavenderblush": "#fff0f5",
    "lawngreen": "#7cfc00",
    "lemonchiffon": "#fffacd",
    "lightblue": "#add8e6",
    "lightcoral": "#f08080",
    "lightcyan": "#e0ffff",
    "lightgoldenrodyellow": "#fafad2",
    "lightgray": "#d3d3d3",
    "lightgreen": "#90ee90",
    "lightgrey": "#d3d3d3",
    "lightpink": "#ffb6c1",
    "lightsalmon": "#ffa07a",
    "lightseagreen": "#20b2aa",
    "lightskyblue": "#87cefa",
    "lightslategray": "#778899",
    "lightslategrey": "#778899",
    "lightsteelblue": "#b0c4de",
    "lightyellow": "#ffffe0",
    "lime": "#00ff00",
    "limegreen": "#32cd32",
    "linen": "#faf0e6",
    "magenta": "#ff00ff",
    "maroon": "#800000",
    "mediumaquamarine": "#66cdaa",
    "mediumblue": "#0000cd",
    "mediumorchid": "#ba55d3",
    "mediumpurple": "#9370db",
    "mediumseagreen": "#3cb371",
    "mediumslateblue": "#7b68ee",
    "mediumspringgreen": "#00fa9a",
    "mediumturquoise": "#48d1cc",
    "mediumvioletred": "#c71585",
    "midnightblue": "#191970",
    "mintcream": "#f5fffa",
    "mistyrose": "#ffe4e1",
    "moccasin": "#ffe4b5",
    "navajowhite": "#ffdead",
    "navy": "#000080",
    "oldlace": "#fdf5e6",
    "olive": "#808000",
    "olivedrab": "#6b8e23",
    "orange": "#ffa500",
    "orangered": "#ff4500",
    "orchid": "#da70d6",
    "palegoldenrod": "#eee8aa",
    "palegreen": "#98fb98",
    "paleturquoise": "#afeeee",
    "palevioletred": "#db7093",
    "papayawhip": "#ffefd5",
    "peachpuff": "#ffdab9",
    "peru": "#cd853f",
    "pink": "#ffc0cb",
    "plum": "#dda0dd",
    "powderblue": "#b0e0e6",
    "purple": "#800080",
    "rebeccapurple": "#663399",
    "red": "#ff0000",
    "rosybrown": "#bc8f8f",
    "royalblue": "#4169e1",
    "saddlebrown": "#8b4513",
    "salmon": "#fa8072",
    "sandybrown": "#f4a460",
    "seagreen": "#2e8b57",
    "seashell": "#fff5ee",
    "sienna": "#a0522d",
    "silver": "#c0c0c0",
    "skyblue": "#87ceeb",
    "slateblue": "#6a5acd",
    "slategray": "#708090",
    "slategrey": "#708090",
    "snow": "#fffafa",
    "springgreen": "#00ff7f",
    "steelblue": "#4682b4",
    "tan": "#d2b48c",
    "teal": "#008080",
    "thistle": "#d8bfd8",
    "tomato": "#ff6347",
    "turquoise": "#40e0d0",
    "violet": "#ee82ee",
    "wheat": "#f5deb3",
    "white": "#ffffff",
    "whitesmoke": "#f5f5f5",
    "yellow": "#ffff00",
    "yellowgreen": "#9acd32",
}

#: Linear sRGB to CIE XYZ, D65 white (IEC 61966-2-1), one row per X, Y, Z.
_RGB_TO_XYZ = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
#: The reference white: XYZ of sRGB white, so that white is exactly L* = 100,
#: a* = b* = 0 (it is the D65 white, 0.95047, 1.0, 1.08883, to 7 decimals).
_WHITE = tuple(sum(row) for row in _RGB_TO_XYZ)

#: Machado, Oliveira & Fernandes (2009), severity 1.0: linear RGB in, linear
#: RGB out, as the colour is seen with each deficiency.
MACHADO_2009: dict[Deficiency, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


def parse_colour(text: str) -> RGB | None:
    """A CSS colour as sRGB in [0, 1], or None when ``text`` is not one.

    Reads ``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa`` (any case) and the
    CSS named colours. A colour with transparency is composited onto the
    white page (:data:`BACKGROUND`), which is how a chart shows it.

    >>> parse_colour("#0072B2")
    (0.0, 0.4470588235294118, 0.6980392156862745)
    >>> parse_colour("#f00") == parse_colour("red") == (1.0, 0.0, 0.0)
    True
    >>> parse_colour("#ff000080")  # half-transparent red on white
    (1.0, 0.4980392156862745, 0.4980392156862745)
    >>> parse_colour("reddish") is None
    True
    """
    value = text.strip().lower()
    value = CSS_NAMED_COLOURS.get(value, value)
    if not _HEX_RE.match(value):
        return None
    digits = value[1:]
    if len(digits) <= 4:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    alpha = channels[3] if len(channels) == 4 else 1.0
    r, g, b = (alpha * c + (1 - alpha) * bg for c, bg in zip(channels[:3], BACKGROUND, strict=True))
    return (r, g, b)


def to_hex(rgb: Sequence[float]) -> str:
    """An sRGB colour in [0, 1] as ``#rrggbb`` (channels clipped and rounded).

    >>> to_hex((1.0, 0.5, 0.0))
    '#ff8000'
    """
    return "#" + "".join(f"{round(_clip(c) * 255):02x}" for c in rgb)


# --------------------------------------------------------------------------
# Conversions
# --------------------------------------------------------------------------


def srgb_to_linear(rgb: Sequence[float]) -> RGB:
    """Undo the sRGB transfer function: light intensity per channel, in [0, 1]."""
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return (r, g, b)


def linear_to_srgb(linear: Sequence[float]) -> RGB:
    """Apply the sRGB transfer function to linear RGB, clipped to [0, 1]."""
    r, g, b = (
        12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055 for c in map(_clip, linear)
    )
    return (r, g, b)


def linear_to_xyz(linear: Sequence[float]) -> tuple[float, float, float]:
    """Linear sRGB to CIE XYZ (D65 white, Y of white = 1)."""
    x, y, z = (_dot(row, linear) for row in _RGB_TO_XYZ)
    return (x, y, z)


def xyz_to_lab(xyz: Sequence[float]) -> Lab:
    """CIE XYZ to CIELAB, relative to the D65 white of sRGB.

    >>> [round(v, 4) for v in xyz_to_lab(_WHITE)]
    [100.0, 0.0, 0.0]
    """
    fx, fy, fz = (_lab_f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def srgb_to_lab(rgb: Sequence[float]) -> Lab:
    """sRGB in [0, 1] to CIELAB (D65).

    >>> [round(v, 2) for v in srgb_to_lab((1.0, 0.0, 0.0))]
    [53.24, 80.09, 67.2]
    """
    return xyz_to_lab(linear_to_xyz(srgb_to_linear(rgb)))


def _lab_f(t: float) -> float:
    delta = 6 / 29
    return t ** (1 / 3) if t > delta**3 else t / (3 * delta**2) + 4 / 29


def _dot(row: Sequence[float], vector: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(row, vector, strict=True))


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


# --------------------------------------------------------------------------
# Colour vision deficiency
# --------------------------------------------------------------------------


def simulate(rgb: Sequence[float], deficiency: Vision) -> RGB:
    """``rgb`` (sRGB in [0, 1]) as seen with ``deficiency``, in sRGB.

    ``deficiency`` is ``"protanopia"`` (no L cones), ``"deuteranopia"`` (no M
    cones), ``"tritanopia"`` (no S cones) or ``"normal"`` (``rgb`` itself).
    The colour is linearised, multiplied by the severity-1.0 matrix of
    Machado, Oliveira & Fernandes (2009), clipped to the sRGB gamut and
    encoded again.

    >>> to_hex(simulate((1.0, 0.0, 0.0), "deuteranopia"))
    '#a39000'
    """
    if deficiency == "normal":
        r, g, b = rgb
        return (r, g, b)
    if deficiency not in MACHADO_2009:
        known = ", ".join(VISIONS)
        raise ValueError(f"unknown colour vision {deficiency!r}; expected one of {known}")
    linear = srgb_to_linear(rgb)
    return linear_to_srgb([_dot(row, linear) for row in MACHADO_2009[deficiency]])


# --------------------------------------------------------------------------
# CIEDE2000
# --------------------------------------------------------------------------


def delta_e00(
    lab1: Sequence[float], lab2: Sequence[float], *, kl: float = 1, kc: float = 1, kh: float = 1
) -> float:
    """The CIEDE2000 colour difference ΔE00 between two CIELAB colours.

    Follows the equations as numbered by Sharma, Wu & Dalal (2005), whose
    test pairs it reproduces to 4 decimals; ``kl``, ``kc`` and ``kh`` are the
    parametric weights (1 for the reference conditions). Symmetric in its
    arguments.

    >>> round(delta_e00((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4)
    2.0425
    """
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    # a* is stretched for nearly neutral colours (G), then chroma and hue.
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = _hue_degrees(a1p, b1), _hue_degrees(a2p, b2)

    # Differences in lightness, chroma and hue.
    dlp = l2 - l1
    dcp = c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    else:
        dhp = h2p - h1p
        if dhp > 180:
            dhp -= 360
        elif dhp < -180:
            dhp += 360
    dhp_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp) / 2)

    # Means, with the mean hue taken the short way round the circle.
    lp_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_mean = (h1p + h2p + 360) / 2
    else:
        hp_mean = (h1p + h2p - 360) / 2

    t = (
        1
        - 0.17 * math.cos(math.radians(hp_mean - 30))
        + 0.24 * math.cos(math.radians(2 * hp_mean))
        + 0.32 * math.cos(math.radians(3 * hp_mean + 6))
        - 0.20 * math.cos(math.radians(4 * hp_mean - 63))
    )
    d_theta = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (lp_mean - 50) ** 2 / math.sqrt(20 + (lp_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c

    dl_term = dlp / (kl * s_l)
    dc_term = dcp / (kc * s_c)
    dh_term = dhp_big / (kh * s_h)
    return math.sqrt(dl_term**2 + dc_term**2 + dh_term**2 + r_t * dc_term * dh_term)


def _hue_degrees(a: float, b: float) -> float:
    """The hue angle h' in [0, 360); 0 for a neutral colour (a = b = 0)."""
    if a == 0 and b == 0:
        return 0.0
    return math.degrees(math.atan2(b, a)) % 360


def colour_difference(rgb1: Sequence[float], rgb2: Sequence[float], vision: Vision) -> float:
    """ΔE00 between two sRGB colours as seen with ``vision``."""
    lab1 = srgb_to_lab(simulate(rgb1, vision))
    lab2 = srgb_to_lab(simulate(rgb2, vision))
    return delta_e00(lab1, lab2)


# --------------------------------------------------------------------------
# Confusable pairs
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Confusion:
    """Two colours, named by their keys, too close with one way of seeing.

    ``first`` comes before ``second`` in the mapping given to
    :func:`confusable_pairs`; ``delta_e`` is their ΔE00 with ``vision``.
    """

    first: str
    second: str
    vision: Vision
    delta_e: float


def confusable_pairs(
    colours: Mapping[str, str], *, threshold: float = CONFUSABLE_BELOW
) -> list[Confusion]:
    """Every pair of ``colours`` closer than ``threshold`` (ΔE00) for some reader.

    ``colours`` maps a name (a frame id) to a CSS colour; names whose colour
    :func:`parse_colour` cannot read are skipped. Each pair is compared with
    normal vision and with each simulated deficiency; a pair appears once per
    way of seeing it fails, in the mapping's order, then :data:`VISIONS`'.

    >>> found = confusable_pairs({"a": "#d62728", "b": "#2ca02c", "c": "#0072B2"})
    >>> [(c.first, c.second, c.vision, round(c.delta_e, 1)) for c in found]
    [('a', 'b', 'deuteranopia', 4.6)]
    """
    parsed = {name: parse_colour(text) for name, text in colours.items()}
    labs = {
        name: {vision: srgb_to_lab(simulate(rgb, vision)) for vision in VISIONS}
        for name, rgb in parsed.items()
        if rgb is not None
    }
    found: list[Confusion] = []
    for first, second in combinations(labs, 2):
        for vision in VISIONS:
            difference = delta_e00(labs[first][vision], labs[second][vision])
            if difference < threshold:
                found.append(Confusion(first, second, vision, difference))
    return found


def confusions_by_pair(
    colours: Mapping[str, str], *, threshold: float = CONFUSABLE_BELOW
) -> dict[tuple[str, str], list[Confusion]]:
    """:func:`confusable_pairs`, grouped: each pair once, with every way of seeing it fails.

    >>> pairs = confusions_by_pair({"a": "#d62728", "b": "#2ca02c", "c": "#0072B2"})
    >>> {pair: describe_visions(found) for pair, found in pairs.items()}
    {('a', 'b'): 'with deuteranopia (ΔE00 4.6)'}
    """
    pairs: dict[tuple[str, str], list[Confusion]] = {}
    for confusion in confusable_pairs(colours, threshold=threshold):
        pairs.setdefault((confusion.first, confusion.second), []).append(confusion)
    return pairs


def describe_visions(confusions: Sequence[Confusion]) -> str:
    """How a pair of colours fails: with normal vision, else with each deficiency named.

    Colours too close with normal vision are too close for every reader, so
    the deficiencies are then left unsaid.
    """
    for confusion in confusions:
        if confusion.vision == "normal":
            return f"even with normal colour vision (ΔE00 {confusion.delta_e:.1f})"
    parts = [f"{c.vision} (ΔE00 {c.delta_e:.1f})" for c in confusions]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"with {listed}"
