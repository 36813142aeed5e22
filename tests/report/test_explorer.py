"""Tests for the evidence explorer's payload."""

from __future__ import annotations

import json

from framing.model import Analysis
from framing.report.common import highlight_segments, term_tip
from framing.report.render import build_context
from tests.report.conftest import Collector, json_payloads


def test_explorer_payload_holds_every_cited_sentence(analysis: Analysis, parsed: Collector) -> None:
    view = build_context(analysis)["explorer"]
    payload = json_payloads(parsed)["evidence-data"]
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
