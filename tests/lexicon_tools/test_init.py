"""The package keeps the names it had before it was split into one module per command."""

from __future__ import annotations

import framing.lexicon_tools as lexicon_tools

#: What framing.cli and the tests imported from framing.lexicon_tools before the split.
NAMES = [
    "ERROR",
    "WARNING",
    "CorpusSentences",
    "Coverage",
    "Explanation",
    "FrameDetail",
    "Problem",
    "SetSummary",
    "Suggestions",
    "TermInfo",
    "add_terms",
    "count_problems",
    "describe_frame",
    "describe_set",
    "explain_sentence",
    "find_frame",
    "load_sentences",
    "measure_coverage",
    "suggest_terms",
    "to_json",
    "unmatchable_reasons",
    "validate_path",
]


def test_the_package_re_exports_the_names_it_had():
    assert set(NAMES) <= set(lexicon_tools.__all__)
    assert all(hasattr(lexicon_tools, name) for name in lexicon_tools.__all__)
    assert lexicon_tools.validate_path.__module__ == "framing.lexicon_tools.validate"
