"""End to end: a corpus of one article per outlet, written for the test, read honestly.

Three outlets, one short article each. The report must speak of articles,
name the outlets tied at 0% together, call a difference a gap only when its
interval excludes zero, and never show a "0–0%" interval.
"""

from __future__ import annotations

import pytest

from framing.analysis.pipeline import analyse
from framing.analysis.stats import wilson_interval
from framing.io.corpus import load_corpus
from framing.lexicons.load import load_lexicons
from framing.report.export import build_json
from framing.report.render import render_html

HEROIC = (
    "Local heroes carried water to the shelters on Monday.",
    "Neighbours called them heroes of the flood.",
    "The mayor thanked the heroes at a small ceremony.",
    "Volunteers said they were fighting for the freedom to stay in their homes.",
    "A teacher described the group as heroes in plain clothes.",
    "The river fell slowly through the week.",
    "Roads reopened on Thursday after inspections.",
    "Officials counted the damage to bridges and farms.",
    "Insurance claims are expected to rise.",
    "The next forecast is due on Friday.",
)
LEGAL = (
    "Prosecutors are weighing charges against the owners of the dam.",
    "Lawyers said the Geneva Conventions do not apply to a flood.",
    "The river fell slowly through the week.",
    "Roads reopened on Thursday after inspections.",
    "Officials counted the damage to bridges and farms.",
    "Prosecutors will meet the families next week.",
    "Insurance claims are expected to rise.",
    "The next forecast is due on Friday.",
)
PLAIN = (
    "The river fell slowly through the week.",
    "Roads reopened on Thursday after inspections.",
    "Officials counted the damage to bridges and farms.",
    "Insurance claims are expected to rise.",
    "The next forecast is due on Friday.",
    "Schools will reopen on Monday.",
    "Farmers began clearing their fields.",
    "The power company restored most lines.",
    "Bus services resume next week.",
)


@pytest.fixture(scope="module")
def one_article_each(tmp_path_factory):
    root = tmp_path_factory.mktemp("claims")
    articles = root / "articles"
    articles.mkdir()
    for name, sentences in (("ledger", HEROIC), ("courier", LEGAL), ("post", PLAIN)):
        body = "\n\n".join(sentences)
        (articles / f"{name}.txt").write_text(f"Flood waters recede\n\n{body}\n", encoding="utf-8")
    (articles / "manifest.csv").write_text(
        "file,outlet\nledger.txt,Daily Ledger\ncourier.txt,Courier\npost.txt,Evening Post\n",
        encoding="utf-8",
    )
    lexicons = root / "lex"
    lexicons.mkdir()
    (lexicons / "legal.toml").write_text(
        'id = "legal"\nlabel = "Legal risk"\ndescription = "Law."\ncolour = "#0072B2"\n'
        'terms = ["geneva convention*", "prosecut*"]\n',
        encoding="utf-8",
    )
    (lexicons / "heroic.toml").write_text(
        'id = "heroic"\nlabel = "Heroic"\ndescription = "Heroes."\ncolour = "#D55E00"\n'
        'terms = ["hero*", "freedom"]\n',
        encoding="utf-8",
    )
    analysis = analyse(load_corpus([articles]), load_lexicons(lexicons))
    return analysis, build_json(analysis), render_html(analysis, classroom=True)


def _outlet(data, name):
    return next(o for o in data["outlets"] if o["name"] == name)


def test_one_article_per_outlet_reads_as_articles_with_ties_and_honest_intervals(
    one_article_each,
):
    _analysis, data, page = one_article_each
    assert [o["documents"] for o in data["outlets"]] == [1, 1, 1]
    heroic = next(d for d in data["divergence"] if d["frame"] == "heroic")
    ledger, courier, post = (_outlet(data, n) for n in ("Daily Ledger", "Courier", "Evening Post"))
    k, n = ledger["frames"]["heroic"]["sentences"], ledger["sentences"]
    assert k == 5
    # Courier and Evening Post never use the frame: a tie, named as such.
    assert set(heroic["least_outlets"]) == {"courier", "evening-post"}
    assert heroic["reading"].startswith(
        f"In Daily Ledger's article, {round(100 * k / n)}% of sentences ({k} of {n}) invoke "
        "Heroic; in Courier's article and Evening Post's article, none ("
    )
    # A zero share has a Wilson interval, never 0-0%.
    for outlet in (courier, post):
        zero = outlet["frames"]["heroic"]
        assert zero["share"] == 0
        assert zero["ci95"] == pytest.approx(
            [0.0, wilson_interval(0, outlet["sentences"])[1]], abs=1e-6
        )
        assert zero["ci95"][1] > 0.2
    assert ">0\u20130%<" not in page  # in the table of the bars chart
    assert f">0\u2013{round(100 * courier['frames']['heroic']['ci95'][1])}%<" in page
    # The summary says what treating one article's sentences as independent means.
    summary = page.split('id="summary"')[1].split("</section>")[0]
    assert "Each outlet is represented by one article" in summary
    assert "narrower, and the tests surer, than the outlets as a whole would allow" in summary
    assert "are each represented by a single article" in summary
    # The holds-up section says it too, and every pair reading speaks of articles.
    holds_up = page.split('id="holds-up"')[1].split("</section>")[0]
    assert "treat the article&#39;s sentences as independent" in holds_up
    assert all(p["reading"].startswith(("In ", "Neither ")) for p in data["pairs"])
    assert all("&#39;s article" in p["reading"].replace("'", "&#39;") for p in data["pairs"])


def test_gap_only_where_the_interval_excludes_zero(one_article_each):
    _, data, page = one_article_each
    for d in data["divergence"]:
        low, _high = d["gap_ci95"]
        if low <= 0 < d["gap"]:
            assert d["finding"] == "no_clear_difference"
            assert "gap" not in d["reading"]
        if d["finding"] == "gap":
            assert low > 0
    # Legal risk: 3 of 8 in the Courier's article against none in the others
    # is within what chance could give.
    legal = next(d for d in data["divergence"] if d["frame"] == "legal")
    assert legal["gap_ci95"][0] < 0
    assert legal["finding"] == "no_clear_difference"
    assert "No clear difference" in legal["reading"]
    # Heroic: 5 of 11 against none; the interval excludes zero, but with six
    # comparisons made the adjusted p-value does not clear 0.05.
    heroic = next(d for d in data["divergence"] if d["frame"] == "heroic")
    assert heroic["gap_ci95"][0] > 0 and heroic["finding"] == "could_be_chance"
    assert "could still be chance, given the 6 comparisons made" in heroic["reading"]
    # No classroom question asks why a difference that could be chance exists.
    classroom = page.split('id="classroom"')[1].split("</section>")[0]
    assert "less room" not in classroom
    assert classroom.count("The difference could be chance.") == 2
