"""Tests for date prefixes, headline and deck (framing.text.clean.layout)."""

from __future__ import annotations

from framing.text.clean.rules import REASON_DATE
from tests.text.clean.conftest import clean_one

# --------------------------------------------------------------------------
# Rule 5: date prefixes
# --------------------------------------------------------------------------


def test_date_prefix_before_headline_becomes_deck() -> None:
    text = (
        " date 2021-04-12 Officials warn the worst may not be over for the coast\n"
        "\n"
        "Harbour Reopens After Storm\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "March 3, 2020 was the last time the port closed for a storm.\n"
    )
    doc, removed = clean_one(text, title="Harbour reopens after storm")
    assert removed == [(1, REASON_DATE, "date 2021-04-12")]
    assert doc.date == "2021-04-12"
    assert doc.deck == ("Officials warn the worst may not be over for the coast",)
    assert doc.headline == "Harbour Reopens After Storm"
    assert doc.title == "Harbour reopens after storm"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "March 3, 2020 was the last time the port closed for a storm.",
    )


def test_date_prefix_in_front_of_the_title_itself() -> None:
    text = "10 March 2022 Harbour reopens after storm\n\nThe port reopens next month.\n"
    doc, removed = clean_one(text, title="Harbour reopens after storm")
    assert removed == [(1, REASON_DATE, "10 March 2022")]
    assert doc.headline == "Harbour reopens after storm"
    assert doc.deck == ()
    assert doc.paragraphs == ("The port reopens next month.",)


def test_date_prefix_without_title() -> None:
    text = (
        "March 10, 2022 — Repairs will take the whole summer\n"
        "Harbour reopens after storm\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
    )
    doc, removed = clean_one(text)
    assert removed == [(1, REASON_DATE, "March 10, 2022")]
    assert doc.deck == ("Repairs will take the whole summer",)
    assert doc.headline == "Harbour reopens after storm"
    assert doc.title == "Harbour reopens after storm"
    assert doc.date == "2022-03-10"


# --------------------------------------------------------------------------
# Rule 7: headline and deck
# --------------------------------------------------------------------------


def test_headline_matches_title_despite_quotes_dashes_and_case() -> None:
    text = (
        "COUNCIL'S FLOOD PLAN - WHAT IT MEANS\n"
        "\n"
        "• Repairs start in May\n"
        "• Ferries run a reduced timetable\n"
        "Residents will pay nothing towards the wall\n"
        "\n"
        "The council published its flood plan on Monday.\n"
        "It sets out three years of work along the river.\n"
    )
    doc, removed = clean_one(text, title="Council’s Flood Plan — What It Means")
    assert removed == []
    assert doc.headline == "COUNCIL'S FLOOD PLAN - WHAT IT MEANS"
    assert doc.title == "Council’s Flood Plan — What It Means"
    assert doc.deck == (
        "Repairs start in May",
        "Ferries run a reduced timetable",
        "Residents will pay nothing towards the wall",
    )
    assert doc.paragraphs == (
        "The council published its flood plan on Monday.",
        "It sets out three years of work along the river.",
    )


def test_no_headline_when_title_does_not_match() -> None:
    text = "Harbour reopens\n\nThe harbour master said the port would reopen next month.\n"
    doc, _ = clean_one(text, title="Something else entirely")
    assert doc.headline is None
    assert doc.title == "Something else entirely"
    assert doc.paragraphs == (
        "Harbour reopens",
        "The harbour master said the port would reopen next month.",
    )


def test_no_headline_when_first_line_is_a_sentence() -> None:
    text = (
        "The harbour master said the port would reopen next month.\n"
        "Ferries will run a reduced timetable until the summer.\n"
    )
    doc, _ = clean_one(text)
    assert doc.headline is None
    assert doc.title is None
    assert doc.deck == ()
    assert doc.paragraphs == (
        "The harbour master said the port would reopen next month.",
        "Ferries will run a reduced timetable until the summer.",
    )
