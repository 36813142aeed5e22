"""Table rows defined once: a chunk's sentence rows as CSV text, numbered later."""

from __future__ import annotations

import csv
import io

from framing.analysis.table_rows import sentence_block


def test_sentence_rows_get_their_ids_even_across_line_breaks_in_a_field():
    block = sentence_block([["d1", 'He said "go",\nthen left', 0], ["d1", "Plain", 1]])
    text = "".join(block.with_ids(40))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["40", "d1", 'He said "go",\nthen left', "0"], ["41", "d1", "Plain", "1"]]


def test_an_empty_block_has_no_rows():
    assert list(sentence_block([]).with_ids(0)) == []
