"""The library as a notebook user meets it: the README's example runs as printed.

``analyse`` takes a lexicon set or its path; outlets and frames are looked up
by id or name, with an error that lists the known ones. The example needs
pandas (the ``pandas`` extra, installed with ``test``).
"""

from __future__ import annotations

import doctest
import re

import pytest

from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions, LexiconSet
from framing.resources import default_lexicons
from tests.conftest import REPO

QUICK = AnalysisOptions(n_bootstrap=200, n_permutations=200, depth=False)


@pytest.fixture(scope="module")
def seeds_analysis(seeds_corpus):
    """The seeds analysed with the bundled set given as a path, as a notebook user would."""
    return analyse(seeds_corpus, default_lexicons(), options=QUICK)


def _python_example() -> str:
    section = (REPO / "README.md").read_text(encoding="utf-8").split("### From Python", 1)[1]
    (block,) = re.findall(r"```pycon\n(.*?)```", section.split("\n## ", 1)[0], flags=re.S)
    return block


def test_the_readme_notebook_example_runs_as_printed():
    pytest.importorskip("pandas")
    example = _python_example()
    test = doctest.DocTestParser().get_doctest(example, {}, "README.md", "README.md", 0)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.attempted >= 7 and results.failed == 0


def test_an_unknown_outlet_or_frame_names_the_known_ones(seeds_analysis):
    with pytest.raises(KeyError) as raised:
        seeds_analysis.outlet("Fox News")
    assert str(raised.value).startswith("unknown outlet 'Fox News'; the outlets are ")
    assert "'Arab News' (arab-news)" in str(raised.value)
    with pytest.raises(KeyError, match="unknown frame 'heroic'; the frames are "):
        seeds_analysis.score("Arab News", "heroic")
    by_id = seeds_analysis.score("arab-news", "goodwill_fighters")
    assert seeds_analysis.score("arab news", "Goodwill fighters") == by_id
    assert seeds_analysis.outlet("PEOPLE").id == "people"


def test_analyse_takes_a_lexicon_set_or_its_path(seeds_corpus, default_lexicon_set, seeds_analysis):
    from_set = analyse(seeds_corpus, default_lexicon_set, options=QUICK)
    assert isinstance(seeds_analysis.lexicons, LexiconSet)
    assert seeds_analysis.scores == from_set.scores
    assert analyse(seeds_corpus, str(default_lexicons()), options=QUICK).scores == from_set.scores


def test_analyse_refuses_what_is_neither_with_a_clear_error(seeds_corpus):
    with pytest.raises(TypeError, match="a LexiconSet or the path of one, not int"):
        analyse(seeds_corpus, 3)  # type: ignore[arg-type]
