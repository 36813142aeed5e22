"""Tests for the HTML report: self-containment, escaping, content, determinism.

The analysis pipeline is developed separately, so these tests build a small
:class:`~framing.model.Analysis` by hand (see :func:`make_analysis`), including
hostile strings wherever the report shows input-derived text.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import re
from html.parser import HTMLParser

import pytest

from framing.model import (
    Analysis,
    AnalysisOptions,
    Candidate,
    Divergence,
    DocumentSummary,
    Evidence,
    Frame,
    FrameScore,
    LexiconSet,
    MatchSpan,
    OutletSummary,
    RemovedSpan,
    SkippedInput,
    Term,
    WeightedTerm,
)
from framing.report.html import (
    PLOTLY_BUNDLE,
    PLOTLY_SHA256,
    PLOTLY_VERSION,
    build_context,
    format_pct,
    highlight_segments,
    plotly_js,
    render_html,
    safe_colour,
    script_safe,
    term_tip,
)

# Hostile inputs: each must appear in the report only as escaped text.
XSS_OUTLET = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(1)>'
XSS_SENTENCE_TAIL = "</script><script>alert(2)</script>"
XSS_SKIPPED = "evil<iframe src=javascript:alert(3)>.txt"
XSS_REMOVED = "Subscribe</textarea><svg onload=alert(4)>"
XSS_FRAME = "Rioters <b>bold</b> & co"
RAW_HOSTILE = (XSS_OUTLET, XSS_ATTR, XSS_SENTENCE_TAIL, XSS_SKIPPED, XSS_REMOVED, "<b>bold</b>")

LONG_REMOVED = "Related coverage: " + " ".join(f"headline number {i}." for i in range(40))

RIOT_SENTENCE = "Police said the rioters were not peaceful protesters at all."
# Offsets of the two matches in RIOT_SENTENCE.
RIOT = MatchSpan("riot*", "rioters", 16, 23, False)
PEACEFUL = MatchSpan("peaceful protesters", "peaceful protesters", 33, 52, True)


def _span(text: str, sentence: str, term: str, negated: bool = False) -> MatchSpan:
    """A MatchSpan for the first occurrence of ``text`` in ``sentence``."""
    start = sentence.index(text)
    return MatchSpan(term, text, start, start + len(text), negated)


def _score(outlet: str, frame: str, share: float, n_negated: int = 0, n: int = 100) -> FrameScore:
    return FrameScore(
        outlet=outlet,
        frame=frame,
        n_sentences=round(share * n),
        share=share,
        ci95=(max(share - 0.05, 0.0), min(share + 0.07, 1.0)),
        n_hits=round(share * n * 1.3),
        per_1k_tokens=share * 40,
        n_negated=n_negated,
    )


def make_analysis() -> Analysis:
    """A small, hand-built analysis: 3 outlets, 3 frames, hostile strings throughout."""
    outlets = (
        OutletSummary("military-com", "Military.com", 2, 120, 2400),
        OutletSummary("people", "People", 1, 80, 1500),
        OutletSummary("xss", XSS_OUTLET, 1, 50, 900),
    )
    frames = (
        Frame(
            id="unprotected",
            label="Legally unprotected civilians",
            description="People described as outside the law's protection.",
            colour="#d95f02",
            terms=(
                Term("unlawful combatant", ("unlawful", "combatant"), 2.0, 3),
                Term("insurgent", ("insurgent",), 1.0, 4),
                Term("radicali*", ("radicali*",), 0.5, 5),
            ),
            source="lexicons/volunteers/unprotected.txt",
        ),
        Frame(
            id="rioters",
            label=XSS_FRAME,
            description=f"Crowds as a threat {XSS_ATTR}",
            colour="red; background-image: url(http://evil.example/x.png)",
            terms=(Term("riot*", ("riot*",), 1.0, 2), Term("mob", ("mob",), 1.0, 3)),
            source="lexicons/volunteers/rioters.txt",
        ),
        Frame(
            id="volunteers",
            label="Volunteers",
            description="People who chose to help.",
            colour="#1b9e77",
            terms=(Term("volunteer*", ("volunteer*",), 1.0, 2),),
            source="lexicons/volunteers/volunteers.txt",
        ),
    )
    lexicons = LexiconSet(
        name="volunteers",
        frames=frames,
        source="lexicons/volunteers",
        negation_cues=("not", "never", "no"),
    )
    shares = {
        ("military-com", "unprotected"): 0.38,
        ("people", "unprotected"): 0.06,
        ("xss", "unprotected"): 0.0,
        ("military-com", "rioters"): 0.2,
        ("people", "rioters"): 0.1,
        ("xss", "rioters"): 0.3,
        ("military-com", "volunteers"): 0.1,
        ("people", "volunteers"): 0.25,
        ("xss", "volunteers"): 0.15,
    }
    scores = {
        key: _score(*key, share, n_negated=2 if key == ("people", "rioters") else 0)
        for key, share in shares.items()
    }
    xss_sentence = f"The crowd chanted {XSS_SENTENCE_TAIL} near the riot line."
    evidence = (
        Evidence(
            "military-com",
            "unprotected",
            "mil-1",
            3,
            "They were unlawful combatants, an insurgent cell.",
            (
                _span(
                    "unlawful combatant",
                    "They were unlawful combatants, an insurgent cell.",
                    "unlawful combatant",
                ),
                _span(
                    "insurgent", "They were unlawful combatants, an insurgent cell.", "insurgent"
                ),
            ),
            2.0,
            1,
        ),
        Evidence(
            "military-com",
            "unprotected",
            "mil-2",
            40,
            "Insurgent fighters fled.",
            (MatchSpan("insurgent", "Insurgent", 0, 9, False),),
            1.0,
            2,
        ),
        Evidence(
            "people",
            "unprotected",
            "people-1",
            90,
            "Radicalized youths gathered.",
            (MatchSpan("radicali*", "Radicalized", 0, 11, False),),
            0.5,
            1,
        ),
        Evidence(
            "xss",
            "rioters",
            "xss-1",
            150,
            xss_sentence,
            (_span("riot", xss_sentence, "riot*"),),
            1.0,
            1,
        ),
        Evidence("people", "rioters", "people-1", 92, RIOT_SENTENCE, (RIOT, PEACEFUL), 1.0, 1),
        Evidence(
            "people",
            "rioters",
            "people-1",
            95,
            "A mob formed.",
            (MatchSpan("mob", "mob", 2, 5, False),),
            1.0,
            2,
        ),
        Evidence(
            "military-com",
            "rioters",
            "mil-1",
            5,
            "The mob ran.",
            (MatchSpan("mob", "mob", 4, 7, False),),
            1.0,
            1,
        ),
        Evidence(
            "people",
            "volunteers",
            "people-1",
            99,
            "Volunteers brought water.",
            (MatchSpan("volunteer*", "Volunteers", 0, 10, False),),
            1.0,
            1,
        ),
    )
    documents = (
        DocumentSummary(
            "mil-1",
            "military-com",
            "seeds/mil-1.txt",
            "Base secured",
            "2022-03-10",
            "https://example.com/mil-1",
            70,
            1400,
        ),
        DocumentSummary("mil-2", "military-com", "seeds/mil-2.txt", None, None, None, 50, 1000),
        DocumentSummary(
            "people-1",
            "people",
            "seeds/people-1.txt",
            "Helping hands",
            "2022-03-11",
            None,
            80,
            1500,
        ),
        DocumentSummary("xss-1", "xss", f"seeds/{XSS_ATTR}.txt", XSS_OUTLET, None, None, 50, 900),
    )
    removed = (
        RemovedSpan("mil-1", "Share this article on Facebook", "social buttons", 2),
        RemovedSpan("mil-1", LONG_REMOVED, "related links", 40),
        RemovedSpan("people-1", XSS_REMOVED, "newsletter prompt", 12),
        RemovedSpan("mil-1", "Advertisement", "advertisement", 7),
        RemovedSpan("gone-1", "Entire page was a cookie banner", "cookie banner", 1),
    )
    return Analysis(
        name=f"Volunteers story {XSS_OUTLET}",
        outlets=outlets,
        lexicons=lexicons,
        documents=documents,
        sentences=(),
        hits=(),
        scores=scores,
        divergences=(
            Divergence("unprotected", "military-com", "xss", 0.38, 0.0, 0.38, (0.3, 0.46)),
            Divergence("rioters", "xss", "people", 0.3, 0.1, 0.2, (-0.02, 0.41)),
        ),
        distinctive_terms={
            "people": (WeightedTerm("volunteers", 0.41), WeightedTerm("water", 0.2)),
            "military-com": (WeightedTerm("insurgent", 0.52), WeightedTerm(XSS_ATTR, 0.1)),
            "xss": (),
        },
        similarity=((1.0, 0.42, 0.3), (0.42, 1.0, 0.25), (0.3, 0.25, 1.0)),
        candidates={
            "rioters": (Candidate("rioters", "looters", 0.33, 4),),
            "unprotected": (Candidate("unprotected", "militant", 0.5, 6),),
        },
        evidence=evidence,
        removed=removed,
        skipped=(
            SkippedInput(XSS_SKIPPED, "not UTF-8 text"),
            SkippedInput("seeds/empty.txt", "empty"),
        ),
        notes=("seeds/people-1.txt was decoded as latin-1",),
        options=AnalysisOptions(seed=7, n_bootstrap=500),
    )


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return make_analysis()


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> str:
    return render_html(analysis)


@pytest.fixture(scope="module")
def page_without_js(page: str) -> str:
    """The report with the (trusted, multi-megabyte) plotly bundle taken out."""
    return page.replace(plotly_js(), "")


class _Collector(HTMLParser):
    """Collect tags, attributes and script bodies of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def parsed(page_without_js: str) -> _Collector:
    collector = _Collector()
    collector.feed(page_without_js)
    collector.close()
    return collector


def _payloads(parsed: _Collector) -> dict[str, dict]:
    return {
        attrs["id"]: json.loads(body)
        for attrs, body in parsed.scripts
        if attrs.get("type") == "application/json"
    }


# --------------------------------------------------------------------------
# Segmenter
# --------------------------------------------------------------------------


def _m(start: int, end: int, term: str = "t", negated: bool = False) -> MatchSpan:
    return MatchSpan(term, term, start, end, negated)


def test_segments_plain_text_without_matches() -> None:
    assert highlight_segments("no hits here", ()) == [("no hits here", None)]
    assert highlight_segments("", (_m(0, 3),)) == []


def test_segments_spans_at_start_and_end() -> None:
    a, b = _m(0, 3, "abc"), _m(8, 11, "xyz")
    assert highlight_segments("abc def xyz", (b, a)) == [("abc", a), (" def ", None), ("xyz", b)]


def test_segments_adjacent_spans_stay_separate() -> None:
    a, b = _m(0, 2, "ab"), _m(2, 4, "cd")
    assert highlight_segments("abcd!", (a, b)) == [("ab", a), ("cd", b), ("!", None)]


def test_segments_overlapping_spans_cover_text_once() -> None:
    text = "the unlawful combatant fled"
    long = _m(4, 22, "unlawful combatant")
    inner = _m(13, 22, "combatant")
    tail = _m(13, 27, "combatant fled")
    segments = highlight_segments(text, (inner, tail, long))
    assert "".join(s for s, _ in segments) == text
    # The longer span wins its whole range; the overlapping tail keeps its remainder.
    assert segments == [("the ", None), ("unlawful combatant", long), (" fled", tail)]


def test_segments_identical_start_prefers_longer_span() -> None:
    short, longer = _m(0, 3, "abc"), _m(0, 7, "abc def")
    assert highlight_segments("abc def", (short, longer)) == [("abc def", longer)]


def test_segments_clamp_and_ignore_bad_spans() -> None:
    text = "abcdef"
    beyond, empty, backwards = _m(4, 99, "ef"), _m(2, 2, "x"), _m(3, 1, "y")
    before = _m(-5, 1, "a")
    assert highlight_segments(text, (beyond, empty, backwards, before)) == [
        ("a", before),
        ("bcd", None),
        ("ef", beyond),
    ]


def test_segments_always_rejoin_to_text() -> None:
    text = "0123456789"
    spans = [_m(s, e) for s in range(-1, 12, 2) for e in range(s, 13, 3)]
    segments = highlight_segments(text, spans)
    assert "".join(s for s, _ in segments) == text
    assert all(s for s, _ in segments)


# --------------------------------------------------------------------------
# Self-containment and structure
# --------------------------------------------------------------------------


def test_plotly_bundle_embedded_exactly_once(page: str) -> None:
    js = plotly_js()
    assert len(js) > 100_000
    assert page.count(js) == 1
    # A distinctive line of the bundle's header must not appear anywhere else.
    assert page.count("plotly.js v") == js.count("plotly.js v")


def test_no_external_resources(page_without_js: str, parsed: _Collector) -> None:
    assert not re.search(r"<script[^>]*\bsrc\s*=", page_without_js, re.IGNORECASE)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page_without_js, re.I)
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, attrs)
        assert tag not in {"link", "img", "iframe", "object", "embed", "svg"}
    assert "@import" not in page_without_js and "url(" not in page_without_js


def test_scripts_are_the_bundle_the_loaders_and_json_payloads(parsed: _Collector) -> None:
    kinds = [attrs.get("type") for attrs, _ in parsed.scripts]
    # plotly.js (removed in this fixture), the explorer, the page's own and the chart loader
    assert kinds.count(None) == 4
    assert kinds.count("application/json") == 4  # three charts and the explorer's sentences
    assert len(kinds) == 8
    code = [body for attrs, body in parsed.scripts if attrs == {} and body.strip()]
    assert len(code) == 3
    explorer, page, loader = code
    assert "JSON.parse" in loader and "Plotly.newPlot" in loader
    assert "JSON.parse" in explorer and "textContent" in explorer
    assert "beforeprint" in page and "table-wrap" in page
    assert all(
        forbidden not in explorer + page + loader
        for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
    )


def test_vendored_plotly_is_the_recorded_cartesian_bundle() -> None:
    from importlib.resources import files

    raw = files("framing.report").joinpath(PLOTLY_BUNDLE).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == PLOTLY_SHA256
    header = raw[:200].decode("ascii")
    assert f"plotly.js (cartesian - minified) v{PLOTLY_VERSION}" in header
    licence = files("framing.report").joinpath("vendor/plotly.js-LICENSE.txt").read_text()
    assert licence.startswith("MIT License")


def test_document_skeleton(page: str, parsed: _Collector) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport"' in page
    assert [t for t, _ in parsed.tags].count("h1") == 1
    assert [t for t, _ in parsed.tags].count("title") == 1


def test_sections_in_order(parsed: _Collector) -> None:
    ids = [attrs["id"] for tag, attrs in parsed.tags if tag == "section"]
    assert ids == [
        "summary", "how-to-read", "charts", "divergence", "holds-up", "prominence",
        "vocabulary", "audit", "method",
    ]  # fmt: skip


def test_each_section_has_a_heading(page_without_js: str) -> None:
    for section in re.findall(r"<section id=\"[a-z]+\">\n(.*?)\n", page_without_js):
        assert section.startswith("<h2>")


# --------------------------------------------------------------------------
# Escaping
# --------------------------------------------------------------------------


def test_hostile_strings_never_appear_raw(page_without_js: str) -> None:
    for raw in RAW_HOSTILE:
        assert raw not in page_without_js, raw
    for tag in ("<img", "<iframe", "<svg", "<b>"):
        assert tag not in page_without_js, tag


def test_hostile_strings_appear_escaped(page_without_js: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_without_js
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page_without_js
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in page_without_js
    assert "evil&lt;iframe src=javascript:alert(3)&gt;.txt" in page_without_js
    assert "Subscribe&lt;/textarea&gt;&lt;svg onload=alert(4)&gt;" in page_without_js
    assert "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co" in page_without_js


def test_no_event_handler_attributes_or_unexpected_tags(parsed: _Collector) -> None:
    allowed = {
        "html", "head", "meta", "title", "style", "body", "header", "nav", "ol", "ul", "li",
        "a", "main", "section", "h1", "h2", "h3", "h4", "p", "em", "strong", "table",
        "caption", "thead", "tbody", "tr", "th", "td", "div", "figure", "figcaption",
        "details", "summary", "script", "article", "span", "blockquote", "mark", "code",
        "dl", "dt", "dd", "footer", "noscript", "form", "label", "select", "option", "button",
    }  # fmt: skip
    for tag, attrs in parsed.tags:
        assert tag in allowed, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_hostile_text_survives_as_text(parsed: _Collector) -> None:
    text = "".join(parsed.text)
    assert XSS_OUTLET in text
    assert XSS_SENTENCE_TAIL in text
    assert XSS_SKIPPED in text
    assert XSS_REMOVED in text


def test_json_payloads_escape_markup(page_without_js: str, parsed: _Collector) -> None:
    bodies = [body for attrs, body in parsed.scripts if attrs.get("type") == "application/json"]
    for body in bodies:
        assert "<" not in body and ">" not in body
    payloads = _payloads(parsed)
    heat = payloads["data-heatmap"]["data"][0]
    # Plotly renders a subset of HTML in labels, so labels are entity-escaped for it.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in heat["x"]
    assert "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co" in heat["y"]


def test_unsafe_colour_never_reaches_css(page_without_js: str) -> None:
    assert "evil.example" not in page_without_js
    assert safe_colour("red; background-image: url(x)") == "#888888"
    assert safe_colour("#1b9e77") == "#1b9e77"
    assert safe_colour("teal") == "teal"


def test_script_safe_neutralises_closing_tags() -> None:
    js = 'var a = "</script><!-- x"; var b = /<SCRIPT>/; var c = "</Script >";'
    safe = script_safe(js)
    assert not re.search(r"</script|<script|<!--", safe, re.IGNORECASE)
    assert safe == (
        'var a = "\\x3C/script>\\x3C!-- x"; var b = /\\x3CSCRIPT>/; var c = "\\x3C/Script >";'
    )
    assert script_safe("a < b && c > d") == "a < b && c > d"


def test_embedded_bundle_cannot_close_its_script() -> None:
    assert not re.search(r"</script|<!--", plotly_js(), re.IGNORECASE)


# --------------------------------------------------------------------------
# Content
# --------------------------------------------------------------------------


def test_summary_sentence_per_divergence(page_without_js: str) -> None:
    assert (
        "Military.com gives 38% of its sentences to <em>Legally unprotected civilians</em>; "
        "&lt;script&gt;alert(1)&lt;/script&gt; gives 0% (a gap of 38 percentage points, "
        "95% interval 30 to 46)."
    ) in page_without_js
    assert "gives 10% (a gap of 20 percentage points, 95% interval \u22122 to 41)." in (
        page_without_js
    )
    summary = page_without_js.split('id="summary"')[1].split("</section>")[0]
    assert summary.index("Legally unprotected") < summary.index("Rioters &lt;b&gt;")
    assert "3 outlets, 4 documents and 250 sentences" in summary


def test_share_table_has_outlet_rows_and_frame_columns(analysis: Analysis) -> None:
    table = build_context(analysis)["summary"].shares
    assert table.columns == ("Legally unprotected civilians", XSS_FRAME, "Volunteers")
    assert [row[0] for row in table.rows] == ["Military.com", "People", XSS_OUTLET]
    assert table.rows[0][1] == ("38%", "20%", "10%")


def test_evidence_highlights_the_right_substring(page_without_js: str) -> None:
    # Each match is focusable and described by its frame and lexicon entry.
    frame = "Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert (
        'Police said the <mark class="hit" tabindex="0" '
        f'aria-description="{frame} · lexicon entry: riot*">rioters</mark> were not '
        '<mark class="hit negated" tabindex="0" aria-description="Negated, not counted · '
        f'{frame} · lexicon entry: peaceful protesters">peaceful protesters</mark> at all.'
    ) in page_without_js
    assert (
        f'<mark class="hit" tabindex="0" aria-description="{frame} · lexicon entry: riot*">'
        "riot</mark> line."
    ) in page_without_js


def test_evidence_side_by_side_and_empty_side(page_without_js: str) -> None:
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert first.count('<div class="side">') == 2
    assert "They were <mark" in first and "</mark> fighters fled." in first
    assert "Base secured" in first  # document title
    assert "mil-2" in first  # document without title shown by id
    assert "No sentence from &lt;script&gt;alert(1)&lt;/script&gt; invokes this frame." in first


def test_negated_counts_shown_when_non_zero(page_without_js: str) -> None:
    second = page_without_js.split('id="divergence-2"')[1].split("</article>")[0]
    assert "People: 2 negated mentions, not counted." in second
    first = page_without_js.split('id="divergence-1"')[1].split("</article>")[0]
    assert "negated mention" not in first


def test_charts_payloads_match_scores(analysis: Analysis, parsed: _Collector) -> None:
    payloads = _payloads(parsed)
    assert set(payloads) == {"data-heatmap", "data-bars", "data-similarity", "evidence-data"}
    heat = payloads["data-heatmap"]["data"][0]
    assert heat["type"] == "heatmap" and heat["colorscale"] in {"Viridis", "Cividis"}
    assert heat["z"][0] == [0.38, 0.06, 0.0]
    assert heat["text"][0] == ["38%", "6%", "0%"]
    bars = payloads["data-bars"]["data"]
    assert [b["marker"]["color"] for b in bars] == ["#d95f02", "#888888", "#1b9e77"]
    first = bars[0]
    assert first["y"] == [0.38, 0.06, 0.0]
    assert first["error_y"]["array"] == pytest.approx([0.07, 0.07, 0.07])
    assert first["error_y"]["arrayminus"] == pytest.approx([0.05, 0.05, 0.0])
    sim = payloads["data-similarity"]["data"][0]
    assert sim["z"] == [list(row) for row in analysis.similarity]


def test_every_chart_has_caption_and_table(page_without_js: str) -> None:
    figures = re.findall(r"<figure.*?</figure>", page_without_js, re.DOTALL)
    assert len(figures) == 3
    for fig in figures:
        assert "<figcaption>" in fig and "<table>" in fig and "data-payload=" in fig


def test_vocabulary_section(page_without_js: str) -> None:
    vocab = page_without_js.split('id="vocabulary"')[1].split("</section>")[0]
    assert "TF-IDF gives a word a high score" in vocab
    assert "<td>insurgent</td><td>0.520</td>" in vocab
    assert "<td>looters</td><td>0.330</td><td>4 sentences</td>" in vocab
    assert "No candidate terms." in vocab  # the volunteers frame has none
    assert vocab.index("Military.com") < vocab.index("People")


def test_audit_lists_every_removed_span(analysis: Analysis, parsed: _Collector) -> None:
    text = "".join(parsed.text)
    for span in analysis.removed:
        assert span.text in text
        assert span.reason in text
    for skipped in analysis.skipped:
        assert skipped.source in text and skipped.reason in text
    assert analysis.notes[0] in text


def test_audit_groups_by_document_and_folds_long_spans(page_without_js: str) -> None:
    audit = page_without_js.split('id="audit"')[1].split("</section>")[0]
    groups = re.findall(r"<h3>(.*?)</h3>", audit)
    assert groups[:3] == [
        'Base secured <span class="doc-id">(mil-1)</span>',
        'Helping hands <span class="doc-id">(people-1)</span>',
        "gone-1",
    ]
    mil = audit.split("Base secured")[1].split("</article>")[0]
    assert mil.index("Line 2 ") < mil.index("Line 7 ") < mil.index("Line 40 ")
    assert audit.count("<details>") == 1
    assert "<summary>Related coverage: headline number 0." in audit


def test_method_section(page_without_js: str) -> None:
    method = page_without_js.split('id="method"')[1].split("</section>")[0]
    assert "500 times (random seed 7" in method
    assert '<li>unlawful combatant <span class="weight">×2</span></li>' in method
    assert "<li>insurgent</li>" in method
    assert '<li>radicali* <span class="weight">×0.5</span></li>' in method
    assert "<dt>Phrases</dt>" in method and "<dt>Wildcards</dt>" in method
    assert "<li>never</li>" in method
    assert "seeds/people-1.txt" in method and "2022-03-11" in method
    assert 'href="https://example.com' not in method  # URLs are never turned into links


def test_rendering_is_deterministic(analysis: Analysis, page: str) -> None:
    assert render_html(make_analysis()) == page
    reordered = dataclasses.replace(
        analysis,
        scores=dict(reversed(list(analysis.scores.items()))),
        distinctive_terms=dict(reversed(list(analysis.distinctive_terms.items()))),
        candidates=dict(reversed(list(analysis.candidates.items()))),
    )
    assert render_html(reordered) == page


def test_non_finite_numbers_become_null(analysis: Analysis) -> None:
    scores = dict(analysis.scores)
    key = ("people", "volunteers")
    scores[key] = dataclasses.replace(scores[key], share=math.nan, ci95=(math.nan, math.inf))
    page = render_html(dataclasses.replace(analysis, scores=scores))
    collector = _Collector()
    collector.feed(page.replace(plotly_js(), ""))
    for payload in _payloads(collector).values():
        json.dumps(payload, allow_nan=False)  # raises on NaN/inf
    assert "NaN" not in page.replace(plotly_js(), "")


def test_format_pct() -> None:
    assert format_pct(0.384) == "38%"
    assert format_pct(0.004) == "0.4%"
    assert format_pct(0.0) == "0%"
    assert format_pct(-0.03) == "\u22123%"
    assert format_pct(-0.001) == "\u22120.1%"
    assert format_pct(math.nan) == "\u2014"


def test_explorer_payload_holds_every_cited_sentence(
    analysis: Analysis, parsed: _Collector
) -> None:
    view = build_context(analysis)["explorer"]
    payload = _payloads(parsed)["evidence-data"]
    assert payload == json.loads(json.dumps(view.payload))
    outlets, frames = analysis.outlets, analysis.frames
    assert [o["name"] for o in payload["outlets"]] == [o.name for o in outlets]
    assert payload["frames"] == [f.label for f in frames]
    cells = payload["cells"]
    assert [(c["outlet"], c["frame"]) for c in cells] == [
        (i, j) for i in range(len(outlets)) for j in range(len(frames))
    ]
    assert [link.anchor for link in view.links] == [
        f"cell-{c['outlet']}-{c['frame']}" for c in cells
    ]
    for cell in cells:
        outlet, frame = outlets[cell["outlet"]], frames[cell["frame"]]
        cited = sorted(analysis.evidence_for(outlet.id, frame.id), key=lambda e: e.rank)
        assert cell["n"] == analysis.scores[(outlet.id, frame.id)].n_sentences
        assert len(cell["items"]) == len(cited)
        for (segments, doc, _origin, _speaker), e in zip(cell["items"], cited, strict=True):
            assert "".join(s[0] for s in segments) == e.text
            marked = [(s[1], s[2]) for s in segments if len(s) == 3]
            expected = highlight_segments(e.text, e.matches)
            assert marked == [
                (term_tip(frame.label, m), int(m.negated)) for _, m in expected if m is not None
            ]
            assert 0 <= doc < len(payload["documents"])
    first = cells[0]["items"][0]
    assert payload["documents"][first[1]] == ["Base secured", "2022-03-10"]
    assert payload["pageSize"] == view.page_size == 5
