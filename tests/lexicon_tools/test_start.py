"""copy_set and scaffold_set: a set of one's own, never an edit of the installed one."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError, OutputError
from framing.lexicon_tools import count_problems, validate_path
from framing.lexicon_tools.start import copy_set, scaffold_set
from framing.lexicons.load import load_lexicons
from framing.resources import default_lexicons


def test_copy_set_copies_every_file_and_refuses_an_existing_folder(tmp_path):
    copy = copy_set(default_lexicons(), tmp_path / "mine")
    assert sorted(p.name for p in copy.iterdir()) == sorted(
        p.name for p in default_lexicons().iterdir()
    )
    assert load_lexicons(copy).frame_ids == load_lexicons(default_lexicons()).frame_ids
    with pytest.raises(OutputError, match="already exists"):
        copy_set(default_lexicons(), tmp_path / "mine")


def test_scaffold_validates_with_no_problem_at_all(tmp_path):
    written = scaffold_set(tmp_path / "flood", ["heroic", "victims"], description="A flood")
    assert [p.name for p in written] == ["_set.toml", "heroic.toml", "victims.toml"]
    assert count_problems(validate_path(tmp_path / "flood")) == (0, 0)
    lexicons = load_lexicons(tmp_path / "flood")
    assert (lexicons.name, lexicons.description) == ("flood", "A flood")
    assert [t.text for t in lexicons.frame("victims").terms] == ["victims"]


@pytest.mark.parametrize(
    ("frames", "fragment"),
    [([], "at least one frame"), (["Bad-Id"], "bad frame id"), (["a", "a"], "given twice")],
)
def test_scaffold_refuses_bad_frames_before_writing(tmp_path, frames, fragment):
    with pytest.raises(LexiconError, match=fragment):
        scaffold_set(tmp_path / "new", frames)
    assert not (tmp_path / "new").exists()
