"""Which column holds what: the usual names, case-insensitively, or named explicitly."""

from __future__ import annotations

import pytest

from framing.io.readers.base import BadFile, ReadOptions
from framing.io.readers.columns import COLUMN_NAMES, ROLES, find_columns
from tests.conftest import REPO

OPTIONS = ReadOptions(max_bytes=1000)


def _found(names, options=OPTIONS):
    return dict(zip(ROLES, find_columns(names, options).chosen(), strict=True))


def test_media_cloud_columns():
    names = ["stories_id", "publish_date", "title", "url", "language", "media_id",
             "media_name", "media_url", "text"]  # fmt: skip
    assert _found(names) == {
        "text": "text", "outlet": "media_name", "date": "publish_date",
        "title": "title", "url": "url", "id": "stories_id",
    }  # fmt: skip


def test_names_are_compared_loosely_and_in_order_of_preference():
    found = _found(["Full Text", "Body", "Publication", "Source", "Pub-Date", "HEADLINE", "Link"])
    assert found == {
        "text": "Body", "outlet": "Source", "date": "Pub-Date",
        "title": "HEADLINE", "url": "Link", "id": None,
    }  # fmt: skip


def test_every_name_is_lower_case_and_each_role_has_names():
    assert set(COLUMN_NAMES) == set(ROLES)
    for names in COLUMN_NAMES.values():
        assert names and all(n == n.lower() and " " not in n for n in names)


def test_docs_list_every_name():
    doc = (REPO / "docs" / "inputs.md").read_text(encoding="utf-8")
    for role, names in COLUMN_NAMES.items():
        assert ", ".join(f"`{n}`" for n in names) in doc, role


def test_an_explicit_name_wins_over_the_usual_ones():
    options = ReadOptions(max_bytes=1000, text_column="summary")
    assert _found(["text", "summary"], options)["text"] == "summary"


def test_no_text_column_lists_the_columns():
    with pytest.raises(BadFile) as caught:
        find_columns(["a", "b"], OPTIONS)
    assert caught.value.reason.startswith("no text column found among its columns: 'a', 'b';")
