"""Tests for the distinctive vocabulary section."""

from __future__ import annotations


def test_vocabulary_section(page_without_js: str) -> None:
    vocab = page_without_js.split('id="vocabulary"')[1].split("</section>")[0]
    assert "TF-IDF gives a word a high score" in vocab
    assert "<td>insurgent</td><td>0.520</td>" in vocab
    assert "<td>looters</td><td>0.330</td><td>4 sentences</td>" in vocab
    assert "No candidate terms." in vocab  # the volunteers frame has none
    assert vocab.index("Military.com") < vocab.index("People")
