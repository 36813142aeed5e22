"""to_json: deterministic JSON for the lexicon tools' results."""

from __future__ import annotations

import json

from framing.lexicon_tools.describe import describe_set
from framing.lexicon_tools.serialize import to_json
from framing.lexicon_tools.validate import validate_path
from framing.lexicons.load import load_lexicons
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "lexicon_tools"
GOOD = DATA / "good"
BROKEN = DATA / "broken"


def test_json_keeps_field_order_and_is_deterministic(good_set):
    first = to_json(describe_set(good_set))
    assert first == to_json(describe_set(load_lexicons(GOOD)))
    data = json.loads(first)
    assert list(data) == [
        "name",
        "description",
        "source",
        "negation_cues",
        "scope_breakers",
        "frames",
    ]
    assert list(data["frames"][0])[:3] == ["id", "label", "description"]
    problems = json.loads(to_json(validate_path(BROKEN)))
    assert list(problems[0]) == ["path", "line", "severity", "message"]
