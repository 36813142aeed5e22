"""Helpers shared by the tests of the dictionary formats, the importer and the writer.

Valid fixtures are small invented dictionaries in ``tests/data/importers/``;
error and warning cases are written to ``tmp_path`` so each test shows the
exact input and the exact ``path:line`` it must report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicons.formats.collect import ImportResult
from framing.lexicons.importers import SUPPORTED_FORMATS, import_lexicon
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "importers"
FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix.lower() in SUPPORTED_FORMATS)


def frames_of(result: ImportResult) -> list[tuple[str, str, list[str]]]:
    """(id, label, term texts) of each imported frame, in order."""
    return [(f.id, f.label, [t.text for t in f.terms]) for f in result.lexicons.frames]


def import_error(path: Path) -> str:
    with pytest.raises(LexiconError) as caught:
        import_lexicon(path)
    return str(caught.value)
