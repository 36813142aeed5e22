"""Colour parsing, CIELAB, colour vision deficiency simulation, CIEDE2000, confusable pairs."""

from __future__ import annotations

import dataclasses
import math

import pytest

from framing.lexicons.load import DEFAULT_COLOURS, load_lexicons
from framing.lexicons.palette import (
    CONFUSABLE_BELOW,
    CSS_NAMED_COLOURS,
    DEFICIENCIES,
    Confusion,
    colour_difference,
    confusable_pairs,
    delta_e00,
    linear_to_srgb,
    linear_to_xyz,
    parse_colour,
    simulate,
    srgb_to_lab,
    srgb_to_linear,
    to_hex,
)
from framing.resources import default_lexicons
from tests.conftest import REPO

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


def close(actual, expected, tolerance=1e-4) -> bool:
    return all(math.isclose(a, e, abs_tol=tolerance) for a, e in zip(actual, expected, strict=True))


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#0072B2", (0, 0x72, 0xB2)),
        ("#0072b2", (0, 0x72, 0xB2)),
        ("  #0072B2 ", (0, 0x72, 0xB2)),
        ("#f80", (0xFF, 0x88, 0x00)),
        ("#F80F", (0xFF, 0x88, 0x00)),
        ("#ff8800ff", (0xFF, 0x88, 0x00)),
        ("red", (255, 0, 0)),
        ("Green", (0, 128, 0)),
        ("REBECCAPURPLE", (0x66, 0x33, 0x99)),
        ("grey", (128, 128, 128)),
        ("lightgoldenrodyellow", (0xFA, 0xFA, 0xD2)),
    ],
)
def test_parse_colour_reads_hex_and_names(text, expected):
    assert close(parse_colour(text), [c / 255 for c in expected], 1e-12)


def test_transparency_is_composited_onto_the_white_page():
    assert parse_colour("#0000") == (1.0, 1.0, 1.0)
    assert close(parse_colour("#00000080"), [1 - 128 / 255] * 3, 1e-12)
    assert parse_colour("#000f") == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    "text", ["", "#", "#12", "#12345", "#1234567", "#ggg", "0072B2", "reddish", "transparent"]
)
def test_parse_colour_returns_none_for_anything_else(text):
    assert parse_colour(text) is None


def test_the_css_named_colours_are_all_there():
    assert len(CSS_NAMED_COLOURS) == 148
    assert all(parse_colour(name) is not None for name in CSS_NAMED_COLOURS)
    for grey in ("gray", "darkgray", "dimgray", "lightgray", "slategray", "darkslategray"):
        assert CSS_NAMED_COLOURS[grey] == CSS_NAMED_COLOURS[grey.replace("gray", "grey")]
    assert CSS_NAMED_COLOURS["aqua"] == CSS_NAMED_COLOURS["cyan"] == "#00ffff"
    assert CSS_NAMED_COLOURS["fuchsia"] == CSS_NAMED_COLOURS["magenta"] == "#ff00ff"


def test_to_hex_rounds_and_clips():
    assert to_hex(parse_colour("#D55E00")) == "#d55e00"
    assert to_hex((1.2, -0.1, 0.5)) == "#ff0080"


# --------------------------------------------------------------------------
# Conversions
# --------------------------------------------------------------------------


def test_srgb_transfer_function_and_its_inverse():
    assert close(srgb_to_linear((0.0, 0.5, 1.0)), (0.0, 0.2140411, 1.0), 1e-6)
    assert close(
        srgb_to_linear((0.04045, 0.02, 0.04046)), (0.04045 / 12.92, 0.02 / 12.92, 0.0031311)
    )
    for value in (0.0, 0.001, 0.04, 0.2, 0.5, 0.9, 1.0):
        assert close(linear_to_srgb(srgb_to_linear((value,) * 3)), (value,) * 3, 1e-12)


def test_white_is_the_d65_white_point():
    assert close(linear_to_xyz((1.0, 1.0, 1.0)), (0.95047, 1.0, 1.08883), 1e-6)


@pytest.mark.parametrize(
    ("rgb", "lab"),
    [
        ((1.0, 1.0, 1.0), (100.0, 0.0, 0.0)),
        ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
        ((0.5, 0.5, 0.5), (53.3890, 0.0, 0.0)),
        ((1.0, 0.0, 0.0), (53.2408, 80.0925, 67.2032)),
        ((0.0, 1.0, 0.0), (87.7347, -86.1827, 83.1793)),
        ((0.0, 0.0, 1.0), (32.2970, 79.1875, -107.8602)),
    ],
)
def test_srgb_to_lab_known_values(rgb, lab):
    assert close(srgb_to_lab(rgb), lab, 2e-3)


# --------------------------------------------------------------------------
# CIEDE2000: pairs of Sharma, Wu & Dalal (2005), table 1
# --------------------------------------------------------------------------

#: (pair number, L1, a1, b1, L2, a2, b2, ΔE00), chosen to cover each branch:
#: the blue region with its rotation term (1-6), a neutral colour (7-8), hue
#: differences and mean hues across 0° and 180° (9-15), arctan quadrants
#: (16-20), unit differences (21-24) and measured pairs, dark ones included.
SHARMA_PAIRS = [
    (1, 50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425),
    (3, 50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412),
    (6, 50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000),
    (7, 50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669),
    (9, 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792),
    (11, 50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195),
    (13, 50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045),
    (15, 50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461),
    (16, 50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065),
    (17, 50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492),
    (19, 50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030),
    (21, 50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000),
    (25, 60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
    (29, 22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
    (31, 90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441),
    (34, 2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
]


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [(pair[1:4], pair[4:7], pair[7]) for pair in SHARMA_PAIRS],
    ids=[f"pair {pair[0]}" for pair in SHARMA_PAIRS],
)
def test_ciede2000_reproduces_the_published_pairs_both_ways(lab1, lab2, expected):
    assert round(delta_e00(lab1, lab2), 4) == expected
    assert round(delta_e00(lab2, lab1), 4) == expected


def test_ciede2000_of_a_colour_with_itself_is_zero():
    for lab in [(50.0, 0.0, 0.0), (53.24, 80.09, 67.2), (0.0, 0.0, 0.0)]:
        assert delta_e00(lab, lab) == 0.0


def test_ciede2000_parametric_weights_scale_lightness():
    plain = delta_e00((40.0, 0.0, 0.0), (60.0, 0.0, 0.0))
    assert math.isclose(delta_e00((40.0, 0.0, 0.0), (60.0, 0.0, 0.0), kl=2), plain / 2)


# --------------------------------------------------------------------------
# Colour vision deficiency
# --------------------------------------------------------------------------


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_greys_look_the_same_with_every_deficiency(deficiency):
    for level in (0.0, 0.25, 0.5, 1.0):
        assert close(simulate((level,) * 3, deficiency), (level,) * 3, 1e-5)


def test_normal_vision_changes_nothing_and_unknown_visions_are_refused():
    assert simulate((0.1, 0.2, 0.3), "normal") == (0.1, 0.2, 0.3)
    with pytest.raises(ValueError, match="unknown colour vision 'achromatopsia'"):
        simulate((0.1, 0.2, 0.3), "achromatopsia")  # type: ignore[arg-type]


def test_red_and_green_converge_with_deuteranopia():
    red, green = parse_colour("#FF0000"), parse_colour("#00A000")
    normal = colour_difference(red, green, "normal")
    deutan = colour_difference(red, green, "deuteranopia")
    assert normal > 70 and deutan < 5
    # Both become a dark yellow; the blue channel is all but gone.
    assert to_hex(simulate(red, "deuteranopia")) == "#a39000"
    assert to_hex(simulate(green, "deuteranopia")) == "#958521"


def test_blue_and_yellow_stay_apart_with_red_green_deficiencies_but_not_tritanopia():
    blue, green = parse_colour("#56B4E9"), parse_colour("#009E73")
    assert colour_difference(blue, green, "protanopia") > 30
    assert colour_difference(blue, green, "deuteranopia") > 30
    assert colour_difference(blue, green, "tritanopia") < 15


# --------------------------------------------------------------------------
# Confusable pairs
# --------------------------------------------------------------------------


def test_the_okabe_ito_palette_passes():
    assert confusable_pairs(OKABE_ITO) == []
    assert sorted(OKABE_ITO.values()) == sorted(DEFAULT_COLOURS)
    # Its closest pair is just above the threshold.
    closest = confusable_pairs(OKABE_ITO, threshold=11)
    assert [(c.first, c.second, c.vision, round(c.delta_e, 1)) for c in closest] == [
        ("orange", "reddish_purple", "tritanopia", 10.9)
    ]


def test_red_and_green_are_confusable_with_deuteranopia():
    (confusion,) = confusable_pairs({"red": "#d62728", "green": "#2ca02c", "blue": "#0072B2"})
    assert (confusion.first, confusion.second, confusion.vision) == ("red", "green", "deuteranopia")
    assert round(confusion.delta_e, 1) == 4.6
    (pure,) = confusable_pairs({"red": "#FF0000", "green": "#00A000"})
    assert pure.vision == "deuteranopia"


def test_pure_red_and_lime_differ_in_lightness_so_they_pass():
    # #00FF00 is much lighter than #FF0000 (L* 88 vs 53), with every vision.
    assert confusable_pairs({"red": "#FF0000", "lime": "#00FF00"}) == []


def test_a_pair_is_listed_once_per_vision_it_fails_in_order():
    found = confusable_pairs({"purple": "#9467bd", "blue": "#1f77b4"})
    assert [(c.vision, round(c.delta_e, 1)) for c in found] == [
        ("protanopia", 1.9),
        ("deuteranopia", 6.2),
    ]
    same = confusable_pairs({"a": "#0072B2", "b": "#0072b2"})
    assert [(c.vision, c.delta_e) for c in same] == [
        ("normal", 0.0),
        ("protanopia", 0.0),
        ("deuteranopia", 0.0),
        ("tritanopia", 0.0),
    ]


def test_threshold_and_unreadable_colours():
    colours = {"a": "#d62728", "b": "not a colour", "c": "#2ca02c"}
    assert [(c.first, c.second) for c in confusable_pairs(colours)] == [("a", "c")]
    assert confusable_pairs(colours, threshold=4) == []
    assert len(confusable_pairs(colours, threshold=30)) == 2
    assert CONFUSABLE_BELOW == 10.0


def test_confusion_is_frozen():
    confusion = Confusion("a", "b", "deuteranopia", 4.6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        confusion.delta_e = 20.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "path",
    [default_lexicons(), REPO / "docs" / "examples" / "transit-strike" / "lexicons"],
    ids=["volunteers", "transit-strike"],
)
def test_the_bundled_lexicon_sets_have_no_confusable_colours(path):
    lexicons = load_lexicons(path)
    assert len(lexicons.frames) >= 2
    assert confusable_pairs({f.id: f.colour for f in lexicons.frames}) == []
