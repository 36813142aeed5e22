"""The rules every format shares: frame ids and colours (framing.lexicons.formats.collect)."""

from __future__ import annotations

from framing.lexicons.importers import import_lexicon
from framing.lexicons.terms import DEFAULT_COLOURS


def test_category_names_become_unique_slugs(write):
    path = write(
        "names.lc3",
        "+Care / Virtue!\nkind\n+care virtue\nhelp\n+2nd order\nx\n+Fürsorge\nhilf*\n"
        "+Забота\nзабота\n+__\nboth\n",
    )
    result = import_lexicon(path)
    assert [(f.id, f.label) for f in result.lexicons.frames] == [
        ("care_virtue", "Care / Virtue!"),
        ("care_virtue_2", "care virtue"),
        ("c_2nd_order", "2nd order"),
        ("fursorge", "Fürsorge"),
        ("category", "Забота"),
        ("category_2", "__"),
    ]
    assert [f.colour for f in result.lexicons.frames] == list(DEFAULT_COLOURS[:6])


def test_colours_cycle_past_the_palette(write):
    body = "".join(f"+c{i}\nword{i}\n" for i in range(len(DEFAULT_COLOURS) + 2))
    frames = import_lexicon(write("many.lc3", body)).lexicons.frames
    assert frames[len(DEFAULT_COLOURS)].colour == DEFAULT_COLOURS[0]
    assert frames[len(DEFAULT_COLOURS) + 1].colour == DEFAULT_COLOURS[1]
