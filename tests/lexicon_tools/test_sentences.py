"""The corpus's sentences for coverage and suggest: the analysis's own."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.lexicon_tools.sentences import load_sentences
from tests.conftest import REPO


def test_load_sentences_segments_like_the_analysis(seeds_sentences, default_lexicon_set):
    from framing.analysis.pipeline import analyse
    from framing.io.corpus import load_corpus
    from framing.model import AnalysisOptions

    corpus = load_corpus([REPO / "seeds"], name="seeds")
    analysis = analyse(corpus, default_lexicon_set, options=AnalysisOptions(n_bootstrap=100))
    assert seeds_sentences.sentences == analysis.sentences
    assert (seeds_sentences.name, seeds_sentences.n_documents) == ("seeds", 3)


def test_load_sentences_in_several_processes_gives_the_same_sentences(write, tmp_path):
    for i in range(420):
        write(f"in/o{i % 7}_{i}.txt", f"Headline {i}\n\nThey fought for freedom {i}. Not heroes.\n")
    one = load_sentences([tmp_path / "in"], jobs=1)
    several = load_sentences([tmp_path / "in"], jobs=2)
    assert one.sentences == several.sentences and len(one.sentences) >= 840


def test_load_sentences_refuses_a_corpus_without_text(write, tmp_path):
    write("in/a.txt", "Read Next: nothing here\n")
    with pytest.raises(InputError):
        load_sentences([tmp_path / "in"])
