"""The package framing.text.clean keeps the import path and names of the former module."""

from __future__ import annotations

import framing.text.clean as clean
from framing.text.clean import appended, corpus, dates, rules


def test_public_names_are_re_exported_from_the_package() -> None:
    assert clean.__all__ == [
        "APPENDED_STORY_MAX_SIMILARITY",
        "APPENDED_STORY_MIN_WORDS",
        "REASON_BYLINE",
        "REASON_CAPTION",
        "REASON_DATE",
        "REASON_FURNITURE",
        "REASON_RELATED",
        "REASON_REPEATED",
        "SKIP_REASON",
        "clean_corpus",
        "clean_documents",
        "find_date",
    ]
    homes = {
        "APPENDED_STORY_MAX_SIMILARITY": appended,
        "APPENDED_STORY_MIN_WORDS": appended,
        "SKIP_REASON": corpus,
        "clean_corpus": corpus,
        "clean_documents": corpus,
        "find_date": dates,
    }
    for name in clean.__all__:
        assert getattr(clean, name) is getattr(homes.get(name, rules), name)
