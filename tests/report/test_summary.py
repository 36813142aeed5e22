"""Tests for the summary section: one sentence per divergence that holds, the share table."""

from __future__ import annotations

import dataclasses
import re

import pytest

from framing.model import Analysis, Divergence, FrameScore, OutletSummary, PairDifference
from framing.report.render import build_context, render_html
from framing.report.summary import summary_view
from tests.report.conftest import XSS_FRAME, XSS_OUTLET, make_analysis

MINUS = "\u2212"


def test_summary_sentence_per_divergence(page_without_js: str) -> None:
    # Military.com has two articles, the hostile outlet one: the sentences speak of
    # articles. The first gap's interval excludes zero; the second's does not.
    assert (
        "In Military.com&#39;s two articles, 38% of sentences (46 of 120) invoke "
        "<em>Legally unprotected civilians</em>; in &lt;script&gt;alert(1)&lt;/script&gt;&#39;s "
        "article, none (0 of 50). A gap of 38 percentage points (95% interval 30 to 46)."
    ) in page_without_js
    assert (
        "; in People&#39;s article, 10% (8 of 80). No clear difference: 20 percentage points, "
        f"but its 95% interval, {MINUS}2 to 41, includes zero, so chance alone could give a "
        "difference this large."
    ) in page_without_js
    summary = page_without_js.split('id="summary"')[1].split("</section>")[0]
    assert summary.index("Legally unprotected") < summary.index("Rioters &lt;b&gt;")
    assert "3 outlets, 4 documents and 250 sentences" in summary
    # What the intervals assume, and that quick mode adjusted nothing.
    assert "treat sentences as independent of one another. They are not" in summary
    assert "The pairwise tests were not run (quick mode)" in summary
    assert "gap of 20" not in summary


def test_share_table_has_outlet_rows_and_frame_columns(analysis: Analysis) -> None:
    table = build_context(analysis)["summary"].shares
    assert table.columns == ("Legally unprotected civilians", XSS_FRAME, "Volunteers")
    assert [row[0] for row in table.rows] == ["Military.com", "People", XSS_OUTLET]
    assert table.rows[0][1] == ("38%", "20%", "10%")


def _tied_analysis() -> Analysis:
    """Four outlets of five articles or more; three never use 'unprotected'."""
    base = make_analysis()
    outlets = tuple(
        OutletSummary(i, name, 6, 100, 2000)
        for i, name in (("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta"))
    )
    shares = {"a": 0.3, "b": 0.0, "c": 0.0, "d": 0.0}
    scores = {
        (o, f.id): FrameScore(o, f.id, round(s * 100), s, (0.0, 1.0), 0, 0.0, 0)
        for o, s in shares.items()
        for f in base.frames
    }
    divergences = tuple(
        Divergence(f.id, "a", "b", 0.3, 0.0, 0.3, (0.21, 0.39)) for f in base.frames
    )
    pairs = tuple(
        PairDifference(f.id, "a", "b", 0.3, 0.0, 0.3, (0.21, 0.39), 0.001, 0.004, "articles")
        for f in base.frames
    )
    return dataclasses.replace(
        base, outlets=outlets, scores=scores, divergences=divergences, pairs=pairs,
        evidence=(), documents=(),
    )  # fmt: skip


def test_ties_are_named_together_never_one_as_the_least() -> None:
    analysis = _tied_analysis()
    view = summary_view(analysis)
    line = view.lines[0]
    assert line.before == "In Alpha, 30% of sentences (30 of 100) invoke "
    assert line.after == "; in Beta, Gamma and Delta, none (0 of 100 and 0 of 100 and 0 of 100)."
    assert line.verdict == (
        "A gap of 30 percentage points (95% interval 21 to 39), unlikely to be chance "
        "(adjusted p = 0.004)."
    )
    assert line.least_ties == "tied with Gamma and Delta"
    # Every outlet has five articles: nothing to say about independent sentences.
    assert view.notes == ()
    page = render_html(analysis)
    divergence = page.split('id="divergence-1"')[1].split("</article>")[0]
    assert '<span class="ties">(tied with Gamma and Delta)</span>' in divergence


@pytest.fixture(scope="module")
def seeds_report(seeds_corpus, default_lexicon_set) -> tuple[dict, str]:
    """The seeds' JSON and HTML report, with the default options."""
    from framing.analysis.pipeline import analyse
    from framing.report.export import build_json

    analysis = analyse(seeds_corpus, default_lexicon_set)
    return build_json(analysis), render_html(analysis)


def test_summary_claims_are_true_of_the_seeds_json(seeds_report) -> None:
    """Every summary sentence of the seeds report says what its JSON numbers say."""
    data, html = seeds_report
    outlets = {o["id"]: o for o in data["outlets"]}
    summary = html.split('id="summary"')[1].split("</section>")[0]
    text = re.sub(r"<[^>]+>", "", summary).replace("&#39;", "'")
    for d in data["divergence"]:
        reading = d["reading"]
        assert reading in text  # the report and the JSON say the same
        low, _high = d["gap_ci95"]
        # One article per outlet: the readings speak of articles, never of outlets.
        most, least = outlets[d["most"]], outlets[d["least"]]
        assert reading.startswith(f"In {most['name']}'s article, ")
        assert f"; in {least['name']}'s article, " in reading
        # The numbers are the JSON's.
        k, n = most["frames"][d["frame"]]["sentences"], most["sentences"]
        assert f"{round(100 * d['most_share'])}% of sentences ({k} of {n})" in reading
        assert d["least_share"] != 0 or "none (0 of" in reading
        # Every outlet tied at either end is named.
        for end, share in (("most_outlets", d["most_share"]), ("least_outlets", d["least_share"])):
            tied = {o for o, v in outlets.items() if v["frames"][d["frame"]]["share"] == share}
            assert set(d[end]) == tied
        # A gap only when the interval excludes zero and the adjusted test agrees.
        ends = {d["most"], d["least"]}
        pair = next(
            p for p in data["pairs"]
            if p["frame"] == d["frame"] and {p["outlet_a"], p["outlet_b"]} == ends
        )  # fmt: skip
        clear = low > 0 and pair["q_value"] < 0.05
        assert ("A gap of" in reading) == clear == (d["finding"] == "gap")
        if low <= 0:
            assert d["finding"] == "no_clear_difference" and "No clear difference" in reading
        # No share interval collapses to a point.
        for o in outlets.values():
            lo, hi = o["frames"][d["frame"]]["ci95"]
            assert lo < hi
    assert "treat the article's sentences as independent of one another" in text
    assert [d["finding"] for d in data["divergence"]] == [
        "gap", "could_be_chance", "no_clear_difference",
    ]  # fmt: skip


def test_the_headline_is_the_clearest_difference_else_says_none_is_clear():
    from dataclasses import replace

    from framing.report.summary import headline_finding, summary_view
    from tests.report.conftest import make_analysis

    lines = summary_view(make_analysis()).lines
    assert lines
    gap = replace(lines[0], finding="gap")
    assert headline_finding((replace(lines[0], finding="could_be_chance"), gap)) == (
        f"The clearest difference: {gap.most} invokes \u201c{gap.frame.label}\u201d in "
        f"{gap.most_share} of its sentences, {gap.least} in {gap.least_share}."
    )
    unclear = replace(lines[0], finding="no_clear_difference")
    assert headline_finding((unclear,)).startswith(
        "No difference between the outlets is clear of chance: the largest, on "
    )
    assert headline_finding(()) == ""
