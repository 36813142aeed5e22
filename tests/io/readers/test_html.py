"""Saved web pages: the article without the page around it; captions kept as captions."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.io.corpus import load_corpus
from framing.text.clean import REASON_CAPTION, clean_corpus

pytest.importorskip("trafilatura")

_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{title} | {site}</title>
{meta}
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}"}}</script>
<script>window.track = function () {{ return "ad-tracker"; }};</script>
<style>.ad {{ color: red; }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: Buy shoes now, half price this week only at our shop.</div>
<article>
<h1>{title}</h1>
{body}
</article>
<aside class="related">Read more: Ten things you did not know about borders</aside>
<footer>Copyright {site}. All rights reserved.</footer>
</body></html>
"""

PAGES = {
    "planet.html": _PAGE.format(
        title="Volunteers head east to join the fight",
        site="Daily Planet",
        meta='<meta property="og:site_name" content="Daily Planet">\n'
        '<meta property="article:published_time" content="2022-03-10T08:00:00+01:00">',
        body="<p>Hundreds of volunteers crossed the border on Thursday, officials said.</p>\n"
        '<figure><img src="a.jpg" alt="A crowd"><figcaption>Volunteers wait at the border '
        "crossing on Thursday.</figcaption></figure>\n"
        "<p>The government welcomed the help of people of goodwill from many countries.</p>",
    ),
    "star.htm": _PAGE.format(
        title="Foreign fighters arrive",
        site="Morning Star",
        meta='<meta property="og:site_name" content="Morning Star">\n'
        '<link rel="canonical" href="https://star.example/fighters">',
        body="<p>Critics warned that untrained fighters could be a danger to themselves.</p>\n"
        "<p>Officials said extremists might try to join the volunteers at the front.</p>",
    ),
    "gazette.html": _PAGE.format(
        title="A border town waits",
        site="Gazette",
        meta='<meta name="date" content="March 12, 2022">',
        body="<p>In the border town, residents watched as buses arrived through the night.</p>",
    ),
}


@pytest.fixture
def pages(write, tmp_path):
    for name, html in PAGES.items():
        write(f"pages/{name}", html)
    return tmp_path / "pages"


def test_saved_pages_give_the_article_title_date_and_site(pages):
    corpus = load_corpus([pages])
    docs = {d.id: d for d in corpus.documents}
    assert sorted(docs) == ["gazette", "planet", "star"]
    planet, star, gazette = docs["planet"], docs["star"], docs["gazette"]
    assert (planet.outlet, planet.title, planet.date) == (
        "Daily Planet", "Volunteers head east to join the fight", "2022-03-10",
    )  # fmt: skip
    assert (star.outlet, star.url) == ("Morning Star", "https://star.example/fighters")
    assert (gazette.date, gazette.outlet) == ("2022-03-12", "gazette")
    assert planet.text == (
        "Volunteers head east to join the fight\n"
        "Hundreds of volunteers crossed the border on Thursday, officials said.\n"
        "Caption: Volunteers wait at the border crossing on Thursday.\n"
        "The government welcomed the help of people of goodwill from many countries.\n"
    )
    for doc in corpus.documents:
        for furniture in ("Home", "Advertisement", "ad-tracker", "NewsArticle", "Read more",
                          "Copyright", "color: red"):  # fmt: skip
            assert furniture not in doc.text
    assert corpus.skipped == () and corpus.notes == ()


def test_the_cleaner_removes_a_caption_and_the_audit_shows_it(pages):
    clean = clean_corpus(load_corpus([pages / "planet.html"]))
    (doc,) = clean.documents
    assert doc.headline == "Volunteers head east to join the fight"
    assert len(doc.paragraphs) == 2
    assert [(r.text, r.reason) for r in clean.removed] == [
        ("Caption: Volunteers wait at the border crossing on Thursday.", REASON_CAPTION)
    ]


def test_a_manifest_names_the_outlet_of_a_page(pages, write):
    write("pages/manifest.csv", "file,outlet,date\nplanet.html,The Planet,\nstar.htm,,2022-03-20\n")
    corpus = load_corpus([pages])
    assert [(d.id, d.outlet, d.date) for d in corpus.documents] == [
        ("planet", "The Planet", "2022-03-10"),
        ("star", "Morning Star", "2022-03-20"),
    ]
    assert [s.reason for s in corpus.skipped] == [f"not listed in {pages / 'manifest.csv'}"]


def test_a_page_with_no_article_is_skipped_and_listed(pages, write):
    write(
        "pages/front.html",
        "<html><head><title>Front page</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/w'>World</a></nav><ul><li>Politics</li><li>Business</li></ul>"
        "<form><input name='q'><button>Search</button></form></body></html>",
    )
    corpus = load_corpus([pages])
    assert len(corpus.documents) == 3
    assert [(s.source, s.reason) for s in corpus.skipped] == [
        (
            str(pages / "front.html"),
            "no article found in the page (no paragraph of running text; only navigation, "
            "links or short lines)",
        )
    ]


def test_a_page_alone_without_an_article_is_an_error(write):
    path = write("empty.html", "<html><body><p>Short.</p></body></html>")
    with pytest.raises(InputError, match=r"empty\.html: no article found in the page"):
        load_corpus([path])
