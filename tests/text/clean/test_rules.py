"""Tests for the removal rules (framing.text.clean.rules), on small invented texts."""

from __future__ import annotations

from framing.text.clean.rules import (
    BYLINE_PLACEHOLDER,
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_DATE,
    REASON_FURNITURE,
    REASON_RELATED,
    REASON_REPEATED,
    is_byline,
)
from tests.text.clean.conftest import clean_one

# --------------------------------------------------------------------------
# Rule 1: photo captions and credits
# --------------------------------------------------------------------------


def test_caption_with_a_named_photo_desk_credit_is_removed() -> None:
    text = (
        "Harbour reopens after storm\n"
        "\n"
        "Photo: Boats in the harbour on Tuesday morning. (Gazette Photo/Staff)\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "Crews cleared the quay. (Harbour Authority photo)\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (5, REASON_CAPTION),
    ]
    assert doc.deck == ()


def test_captions_with_credits_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n"
        "\n"
        "Fishing boats return to the harbour on Tuesday. (AP Photo/Jane Doe)\n"
        "Crews repaired the sea wall within a week of the storm. (File/AFP)\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "Workers clear debris from the quay. Photo: Harbour Authority\n"
        "A crane lifts a damaged boat (Getty Images)\n"
        "Volunteers sort donated clothes (Courtesy of the town council)\n"
        "Photo by Ann Lee\n"
        "Most visitors paid by card (credit cards were accepted everywhere).\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (4, REASON_CAPTION),
        (6, REASON_CAPTION),
        (7, REASON_CAPTION),
        (8, REASON_CAPTION),
        (9, REASON_CAPTION),
    ]
    assert removed[0][2] == "Fishing boats return to the harbour on Tuesday. (AP Photo/Jane Doe)"
    assert doc.headline == "Harbour reopens after storm"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "Most visitors paid by card (credit cards were accepted everywhere).",
    )


def test_unbracketed_agency_credits_are_captions_and_story_credits_are_not() -> None:
    text = (
        "Harbour reopens after storm\n"
        "\n"
        "Fishing boats return to the harbour on Tuesday. Jane Doe/Getty Images\n"
        "Crews repair the sea wall. AFP via Getty Images\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "A crane lifts a damaged boat. REUTERS/John Smith\n"
        "Volunteers sort donated clothes. Ann Lee/AFP via Getty Images\n"
        "Image source, Getty Images\n"
        "Image caption, Volunteers sort donated clothes at the town hall\n"
        "Most boats were insured, the harbour master told Reuters.\n"
        "A Reuters/Ipsos poll found most residents want a higher sea wall\n"
        "Pictures, videos and messages from the storm flooded social media.\n"
        "Residents watch the waves from the promenade. Getty Images\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_CAPTION),
        (4, REASON_CAPTION),
        (6, REASON_CAPTION),
        (7, REASON_CAPTION),
        (8, REASON_CAPTION),
        (9, REASON_CAPTION),
        (13, REASON_CAPTION),
    ]
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "Most boats were insured, the harbour master told Reuters.",
        "A Reuters/Ipsos poll found most residents want a higher sea wall",
        "Pictures, videos and messages from the storm flooded social media.",
    )


def test_a_caption_goes_in_every_outlet_whatever_its_credit_looks_like() -> None:
    # The same picture, captioned with a frame-bearing sentence, in three
    # outlets that print the credit three ways: removed from all three.
    caption = "Volunteers who came to help the town fill sandbags on Sunday."
    body = "The harbour master said the port would reopen to ferries next month.\n"
    credits = ("(AP Photo/Jane Doe)", "Jane Doe/AP", "Photo: Jane Doe/AP")
    for credit in credits:
        doc, removed = clean_one(f"Harbour reopens after storm\n\n{caption} {credit}\n{body}")
        assert removed == [(3, REASON_CAPTION, f"{caption} {credit}")], credit
        assert doc.paragraphs == (body.strip(),)


# --------------------------------------------------------------------------
# Rule 2: related links
# --------------------------------------------------------------------------


def test_related_link_lines_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n\n"
        "The harbour master said the port would reopen to ferries next month.\n\n"
        "Read more: How ports prepare for storms\n\n"
        "RELATED: Ten storms that changed the coast\n"
        "See also: Ferry timetables\n"
        "Watch: Drone footage of the harbour\n"
        "Also read: Fishermen count their losses\n"
        "Read Next: The sea wall debate\n"
        "More than 200 boats were damaged: most of them small.\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (5, REASON_RELATED),
        (7, REASON_RELATED),
        (8, REASON_RELATED),
        (9, REASON_RELATED),
        (10, REASON_RELATED),
        (11, REASON_RELATED),
    ]
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "More than 200 boats were damaged: most of them small.",
    )


# --------------------------------------------------------------------------
# Rule 3: page furniture and time stamps
# --------------------------------------------------------------------------

FURNITURE_TEXT = (
    "Harbour reopens after storm\n"
    "Short Url\n"
    "Published 12 April 2021\n"
    "Updated 5 sec ago\n"
    "Share\n"
    "Follow\n"
    "\n"
    "The harbour master said the port would reopen to ferries next month.\n"
    "Advertisement\n"
    "Updated figures released on Monday showed that damage was worse than first thought.\n"
    "Comments\n"
    "Continue reading...\n"
    "Story Continues\n"
)


def test_page_furniture_is_removed_and_stamp_date_detected() -> None:
    doc, removed = clean_one(FURNITURE_TEXT)
    assert removed == [
        (2, REASON_FURNITURE, "Short Url"),
        (3, REASON_FURNITURE, "Published 12 April 2021"),
        (4, REASON_FURNITURE, "Updated 5 sec ago"),
        (5, REASON_FURNITURE, "Share"),
        (6, REASON_FURNITURE, "Follow"),
        (9, REASON_FURNITURE, "Advertisement"),
        (11, REASON_FURNITURE, "Comments"),
        (12, REASON_FURNITURE, "Continue reading..."),
        (13, REASON_FURNITURE, "Story Continues"),
    ]
    assert doc.headline == "Harbour reopens after storm"
    assert doc.date == "2021-04-12"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
        "Updated figures released on Monday showed that damage was worse than first thought.",
    )


def test_manifest_date_wins_over_detected_date() -> None:
    doc, _ = clean_one(FURNITURE_TEXT, date="2021-04-13")
    assert doc.date == "2021-04-13"


# --------------------------------------------------------------------------
# Rule 4: bylines and contact lines
# --------------------------------------------------------------------------


def test_bylines_and_contact_lines_are_removed() -> None:
    text = (
        "Harbour reopens after storm\n\n"
        "By Jane Doe and John Roe\n\n"
        "By the end of the week, the water in the harbour had fallen by a metre.\n"
        "-- Jane Doe can be reached at jane@example.com\n"
        "Follow her on Twitter @janedoe\n"
        "jane.doe@example.com\n"
        "@janedoe\n"
        "Contact the author at the news desk.\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
        "(Additional reporting by Ann Lee)\n"
        "Follow the money, investigators told the council.\n"
    )
    doc, removed = clean_one(text)
    assert [(line, reason) for line, reason, _ in removed] == [
        (3, REASON_BYLINE),
        (6, REASON_BYLINE),
        (7, REASON_BYLINE),
        (8, REASON_BYLINE),
        (9, REASON_BYLINE),
        (10, REASON_BYLINE),
        (11, REASON_BYLINE),
        (12, REASON_BYLINE),
    ]
    assert doc.paragraphs == (
        "By the end of the week, the water in the harbour had fallen by a metre.",
        "Follow the money, investigators told the council.",
    )


def test_is_byline_judges_a_line_as_the_cleaner_does() -> None:
    assert is_byline("  - By Jane Doe")  # trimmed, bullet dropped
    assert is_byline("Follow Jane on Twitter")
    assert is_byline("-- Jane Doe can be reached at jane@example.com")
    assert not is_byline("By the end of the week, the water had fallen.")
    assert not is_byline("Follow the money, investigators told the council.")
    assert not is_byline("")


def test_blind_mode_placeholder_is_removed_as_a_byline() -> None:
    text = (
        "Harbour reopens after storm\n\n"
        f"{BYLINE_PLACEHOLDER}\n\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        f"    {BYLINE_PLACEHOLDER}\n"
    )
    doc, removed = clean_one(text)
    assert removed == [
        (3, REASON_BYLINE, BYLINE_PLACEHOLDER),
        (6, REASON_BYLINE, BYLINE_PLACEHOLDER),
    ]
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
    )


# --------------------------------------------------------------------------
# Rule 5: date lines
# --------------------------------------------------------------------------


def test_date_only_lines_are_removed_and_dated() -> None:
    text = (
        "Harbour reopens after storm\n"
        "Thursday, March 10, 2022 10:24 am\n"
        "\n"
        "The harbour master said the port would reopen to ferries next month.\n"
        "10 March 2022\n"
    )
    doc, removed = clean_one(text)
    assert removed == [
        (2, REASON_DATE, "Thursday, March 10, 2022 10:24 am"),
        (5, REASON_DATE, "10 March 2022"),
    ]
    assert doc.date == "2022-03-10"
    assert doc.paragraphs == (
        "The harbour master said the port would reopen to ferries next month.",
    )


# --------------------------------------------------------------------------
# Rule 6: repeated text
# --------------------------------------------------------------------------


def test_repeated_lines_and_prefixes_are_removed() -> None:
    text = (
        "Council approves new sea wall\n"
        "\n"
        "Workers clear debris from the quay after the storm\n"
        "Workers clear debris from the quay after the storm on Tuesday. (Reuters)\n"
        "\n"
        "Council approves new sea wall\n"
        "\n"
        "• The council will vote on the funding next week\n"
        "\n"
        "The council approved a new sea wall on Monday after a long debate.\n"
        "The council will vote on the funding next week, the mayor said.\n"
        "Wall Work Begins Soon\n"
        "Wall work begins soon after the vote, engineers said on Monday.\n"
        "THE  council approved a new sea wall on Monday after a long debate.\n"
    )
    doc, removed = clean_one(text)
    assert removed == [
        (3, REASON_CAPTION, "Workers clear debris from the quay after the storm"),
        (
            4,
            REASON_CAPTION,
            "Workers clear debris from the quay after the storm on Tuesday. (Reuters)",
        ),
        (6, REASON_REPEATED, "Council approves new sea wall"),
        (8, REASON_REPEATED, "• The council will vote on the funding next week"),
        (
            14,
            REASON_REPEATED,
            "THE  council approved a new sea wall on Monday after a long debate.",
        ),
    ]
    assert doc.headline == "Council approves new sea wall"
    assert doc.deck == ()
    # "Wall Work Begins Soon" has four words: too short to count as a repeat.
    assert doc.paragraphs == (
        "The council approved a new sea wall on Monday after a long debate.",
        "The council will vote on the funding next week, the mayor said.",
        "Wall Work Begins Soon",
        "Wall work begins soon after the vote, engineers said on Monday.",
    )
