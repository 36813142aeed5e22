"""to_dataframes: the tables a notebook user reaches for, the same as the CSV tables."""

from __future__ import annotations

import io

import pytest

from framing.analysis.pipeline import analyse
from framing.model import AnalysisOptions
from framing.report.dataframes import SCORE_COLUMNS, to_dataframes
from framing.report.tables import render_tables

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def seeds(seeds_corpus, default_lexicon_set):
    options = AnalysisOptions(n_bootstrap=200, n_permutations=200, depth=False)
    return analyse(seeds_corpus, default_lexicon_set, options=options)


def test_sentences_and_documents_match_the_csv_tables(seeds):
    tables = to_dataframes(seeds)
    csv = render_tables(seeds)
    sentences = pd.read_csv(io.StringIO(csv["sentences.csv"]), keep_default_na=False)
    assert list(tables.sentences.reset_index().columns) == list(sentences.columns)
    assert len(tables.sentences) == len(seeds.sentences) == len(sentences)
    assert tables.sentences["text"].tolist() == sentences["text"].tolist()
    documents = pd.read_csv(io.StringIO(csv["documents.csv"]), keep_default_na=False)
    assert list(tables.documents.reset_index().columns) == list(documents.columns)
    assert tables.documents.index.tolist() == [d.id for d in seeds.documents]
    assert all(s.startswith("bundled:seeds/") for s in tables.documents["source"])


def test_scores_hold_one_row_per_outlet_and_frame(seeds):
    scores = to_dataframes(seeds).scores
    assert list(scores.columns) == SCORE_COLUMNS
    assert len(scores) == len(seeds.outlets) * len(seeds.frames)
    row = scores[(scores.outlet_id == "military-com") & (scores.frame == "unprotected_civilians")]
    score = seeds.score("military-com", "unprotected_civilians")
    assert row["share"].item() == score.share
    assert (row["ci95_low"].item(), row["ci95_high"].item()) == score.ci95
    assert row["n_support"].item() == score.n_sentences
    wide = scores.pivot(index="outlet_id", columns="frame", values="share")
    assert wide.shape == (len(seeds.outlets), len(seeds.frames))
