"""Tests for the cleaning audit: every removed span listed, grouped by document."""

from __future__ import annotations

import re

from framing.analysis.pipeline import analyse
from framing.model import Analysis, AnalysisOptions
from tests.report.conftest import Collector


def test_audit_lists_every_removed_span(analysis: Analysis, parsed: Collector) -> None:
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


def test_large_audit_is_summarised_but_keeps_every_appended_story(
    seeds_corpus, default_lexicon_set
):
    import dataclasses

    from framing.model import RemovedSpan
    from framing.report.audit import AUDIT_SPANS_SHOWN, audit_view
    from framing.report.common import documents_by_id

    analysis = analyse(seeds_corpus, default_lexicon_set, options=AnalysisOptions(depth=False))
    routine = tuple(
        RemovedSpan("002_eeaa64c69777ef11", f"Follow {i}", "page furniture", i) for i in range(3000)
    )
    big = dataclasses.replace(analysis, removed=routine + analysis.removed)
    view = audit_view(big, documents_by_id(big.documents))
    assert view.n_removed == 3000 + len(analysis.removed)
    assert view.n_shown == AUDIT_SPANS_SHOWN
    shown = [s.text for g in view.groups for s in g.spans]
    assert any("Takaichi" in t for t in shown)  # the appended story is always listed
    assert dict(view.reasons)["page furniture"] >= 3000
    small = audit_view(analysis, documents_by_id(analysis.documents))
    assert small.n_shown == small.n_removed == len(analysis.removed)
    # In the page, the large corpus's list is folded under its summary; a small one is not.
    from framing.report import render_html

    assert '<details class="audit-spans">' in render_html(big)
    assert '<details class="audit-spans">' not in render_html(analysis)


def _with_flagged_spans(analysis: Analysis) -> Analysis:
    """The report fixture plus a caption and a link line holding frame terms."""
    import dataclasses

    from framing.model import RemovedSpan
    from tests.report.conftest import XSS_FRAME

    assert XSS_FRAME in {f.label for f in analysis.lexicons.frames}
    flagged = (
        RemovedSpan(
            "mil-1",
            "Volunteers near an insurgent position. (AP Photo/Jane Doe)",
            "photo caption",
            3,
        ),
        RemovedSpan("mil-1", "Read more: Not a mob, a riot", "related-link line", 9),
        RemovedSpan(
            "people-1", "Read more: The insurgent was not a volunteer", "related-link line", 4
        ),
    )
    return dataclasses.replace(analysis, removed=analysis.removed + flagged)


def test_removed_text_with_frame_terms_gets_a_warning_line(analysis: Analysis) -> None:
    from framing.report.audit import audit_view
    from framing.report.common import documents_by_id
    from framing.report.render import plotly_js, render_html

    flagged = _with_flagged_spans(analysis)
    view = audit_view(flagged, documents_by_id(flagged.documents))
    warnings = {s.text: s.warning for g in view.groups for s in g.spans}
    assert warnings["Volunteers near an insurgent position. (AP Photo/Jane Doe)"] == (
        "removed text contains 'volunteers' (Volunteers), "
        "'insurgent' (Legally unprotected civilians)"
    )
    # "Not a mob" is negated (it would not have counted); "a riot" is not.
    assert warnings["Read more: Not a mob, a riot"] == (
        "removed text contains 'riot' (Rioters <b>bold</b> & co)"
    )
    assert warnings["Read more: The insurgent was not a volunteer"] == (
        "removed text contains 'insurgent' (Legally unprotected civilians)"
    )
    assert warnings["Advertisement"] is None
    assert view.n_with_terms == 3

    page = render_html(flagged).replace(plotly_js(), "")
    audit = page.split('id="audit"')[1].split("</section>")[0]
    assert "3 removed spans hold terms of a frame" in audit
    assert (
        '<p class="caveat">removed text contains &#39;riot&#39; '
        "(Rioters &lt;b&gt;bold&lt;/b&gt; &amp; co)</p>"
    ) in audit
    assert audit.count("removed text contains") == 3
    unflagged = render_html(analysis).replace(plotly_js(), "")
    assert "removed text contains" not in unflagged
    assert "hold terms of a frame" not in unflagged


def test_json_removed_entries_name_the_terms(analysis: Analysis) -> None:
    from framing.report.export import build_json

    data = build_json(_with_flagged_spans(analysis))
    terms = {r["text"]: r["terms"] for r in data["removed"]}
    assert terms["Volunteers near an insurgent position. (AP Photo/Jane Doe)"] == [
        {"frame": "volunteers", "term": "volunteer*", "text": "volunteers"},
        {"frame": "unprotected", "term": "insurgent", "text": "insurgent"},
    ]
    assert terms["Read more: Not a mob, a riot"] == [
        {"frame": "rioters", "term": "riot*", "text": "riot"}
    ]
    assert terms["Advertisement"] == []
    assert list(data["removed"][0]) == ["document", "line", "reason", "text", "terms"]


def test_large_audit_lists_spans_with_terms_before_routine_ones(analysis: Analysis) -> None:
    import dataclasses

    from framing.model import RemovedSpan
    from framing.report.audit import AUDIT_SPANS_SHOWN, audit_view
    from framing.report.common import documents_by_id

    flagged = _with_flagged_spans(analysis)
    routine = tuple(
        RemovedSpan("people-1", f"Follow {i}", "page furniture", 100 + i) for i in range(3000)
    )
    big = dataclasses.replace(flagged, removed=routine + flagged.removed)
    view = audit_view(big, documents_by_id(big.documents))
    assert view.n_shown == AUDIT_SPANS_SHOWN
    assert view.n_with_terms == 3
    shown = [s for g in view.groups for s in g.spans]
    assert sum(1 for s in shown if s.warning) == 3
