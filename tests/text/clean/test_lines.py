"""Tests for the cleaner's line model (framing.text.clean.lines)."""

from __future__ import annotations

from tests.text.clean.conftest import clean_one


def test_text_is_kept_verbatim_apart_from_trimming_and_bullets() -> None:
    text = (
        "Harbour “reopens” — at last\r\n"
        "\r\n"
        "   • “We’re back,” the harbour master said — and smiled.   \r\n"
        "- A second point, after a hyphen bullet.\r\n"
        "--- three dashes are not a bullet.\r\n"
    )
    doc, removed = clean_one(text)
    assert removed == []
    assert doc.headline == "Harbour “reopens” — at last"
    # Bulleted lines right after the headline are its summary (deck).
    assert doc.deck == (
        "“We’re back,” the harbour master said — and smiled.",
        "A second point, after a hyphen bullet.",
    )
    assert doc.paragraphs == ("--- three dashes are not a bullet.",)
