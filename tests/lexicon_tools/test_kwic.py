"""concordance: a term's matches in context, read as the report reads them."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicon_tools.kwic import CONTEXT, concordance
from tests.conftest import make_sentence


def _sentences(*texts: str):
    return [make_sentence(t, id=i, outlet="o", document=f"d{i}") for i, t in enumerate(texts)]


def test_an_entry_of_the_set_is_read_frame_by_frame(good_set):
    sentences = _sentences("Heroes fight for freedom.", "They are not heroes.", "No one came.")
    found = concordance("hero*", good_set, sentences, corpus="c", outlet_names={"o": "Outlet"})
    assert found.frames == ("heroic",)
    assert [(x.reading, x.cue, x.match) for x in found.lines] == [
        ("support", None, "Heroes"),
        ("deny", "not", "heroes"),
    ]
    assert found.readings == {"support": 1, "deny": 1} and found.n_sentences == 2
    assert found.lines[1].left == "They are not " and found.lines[1].right == "."
    assert found.lines[0].outlet == "Outlet" and found.lines[0].frame == "heroic"


def test_a_term_outside_the_set_is_matched_alone_with_the_sets_cues(good_set):
    found = concordance("aid workers", good_set, _sentences("Not aid workers at all."), corpus="c")
    assert found.frames == ()
    assert [(x.reading, x.frame) for x in found.lines] == [("deny", None)]


def test_long_context_is_cut_with_an_ellipsis(good_set):
    long = " ".join(["word"] * 40)
    found = concordance("freedom", good_set, _sentences(f"{long} freedom {long}."), corpus="c")
    (line,) = found.lines
    assert line.left.startswith("…") and len(line.left) == CONTEXT + 1
    assert line.right.endswith("…") and len(line.right) == CONTEXT + 1


def test_a_term_that_cannot_match_is_a_lexicon_error(good_set):
    with pytest.raises(LexiconError, match="can never match"):
        concordance("*", good_set, _sentences("Anything."), corpus="c")
