"""Tests for classroom mode: questions only about differences that hold, about articles."""

from __future__ import annotations

import dataclasses

from framing.model import Analysis, Evidence, MatchSpan
from framing.report.classroom import classroom_view


def test_questions_come_only_from_gaps_and_speak_of_articles(analysis: Analysis) -> None:
    denial = Evidence(
        "people", "rioters", "people-1", 92, "They were not rioters.",
        (MatchSpan("riot*", "rioters", 13, 20, True),), 1.0, 1,
    )  # fmt: skip
    view = classroom_view(dataclasses.replace(analysis, denials=(denial,)))
    texts = [q.text for q in view.questions]
    # The first divergence is a gap (its interval, 30 to 46, excludes zero); the
    # second is no clear difference (-2 to 41): it asks whether the articles
    # really differ, not why they do.
    assert texts[0].startswith(
        "In Military.com's two articles, 38% of sentences (46 of 120) invoke the frame "
        "“Legally unprotected civilians”; in <script>alert(1)</script>'s article, none (0 of 50). "
        "Read the sentences below."
    )
    assert texts[0].endswith("Why might <script>alert(1)</script>'s article give it less room?")
    assert sum("less room" in t for t in texts) == 1
    assert texts[1].startswith("In <script>alert(1)</script>'s article, 30% of sentences")
    assert texts[1].endswith(
        "The difference could be chance. Read the sentences below: do they really treat the "
        "frame differently?"
    )
    # A denial is one sentence, not the outlet's whole stance.
    assert texts[-1].startswith("This sentence from People's article uses words of")
