"""A small, hand-built analysis for the report tests, and the report rendered from it.

The analysis pipeline is developed separately, so these tests build a small
:class:`~framing.model.Analysis` by hand (see :func:`make_analysis`), including
hostile strings wherever the report shows input-derived text. The fixtures
render it once per test module and parse the page.
"""

from __future__ import annotations

import json
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
from framing.report.render import plotly_js, render_html

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
PEACEFUL = MatchSpan("peaceful protesters", "peaceful protesters", 33, 52, True, "deny")


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
        key: _score(
            *key,
            share,
            n_negated=2 if key == ("people", "rioters") else 0,
            n=next(o.n_sentences for o in outlets if o.id == key[0]),
        )
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
        options=AnalysisOptions(seed=7, n_bootstrap=500, n_permutations=500),
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


class Collector(HTMLParser):
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
def parsed(page_without_js: str) -> Collector:
    collector = Collector()
    collector.feed(page_without_js)
    collector.close()
    return collector


def json_payloads(parsed: Collector) -> dict[str, dict]:
    """The page's ``<script type="application/json">`` payloads, parsed, by element id."""
    return {
        attrs["id"]: json.loads(body)
        for attrs, body in parsed.scripts
        if attrs.get("type") == "application/json"
    }
