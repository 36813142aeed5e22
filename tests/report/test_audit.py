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
