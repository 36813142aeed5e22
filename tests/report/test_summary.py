"""Tests for the summary section: one sentence per divergence, the share table."""

from __future__ import annotations

from framing.model import Analysis
from framing.report.render import build_context
from tests.report.conftest import XSS_FRAME, XSS_OUTLET


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
