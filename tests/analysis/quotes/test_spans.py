"""Direct quotations of a sentence read on its own (:mod:`framing.analysis.quotes.spans`)."""

from __future__ import annotations

from framing.analysis.quotes.spans import quote_spans


def test_quote_spans():
    assert quote_spans("No quotes at all.") == []
    assert quote_spans('He said "yes" and "no" twice.') == ["yes", "no"]
    assert quote_spans("“Open and never closed") == ["Open and never closed"]
    assert quote_spans('closed here," she said.') == ["closed here"]
    assert quote_spans("the so-called “Lincoln Battalion” fought") == ["Lincoln Battalion"]
