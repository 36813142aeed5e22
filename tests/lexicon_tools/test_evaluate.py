"""framing lexicon evaluate's library: the lexicon's reading against a coding sheet."""

import pytest

from framing.io.coding import load_coding_sheet
from framing.lexicon_tools.evaluate import evaluate_sheet, evaluation_to_json
from framing.lexicons.load import parse_term
from framing.model import Frame, LexiconSet


def lexicon_set():
    terms = (parse_term("brave"), parse_term("rescu*"))
    heroes = Frame("heroes", "Heroes", "", "#0072B2", terms, "heroes.toml")
    villains = Frame("villains", "Villains", "", "#D55E00", (parse_term("thugs"),), "v.toml")
    return LexiconSet(
        name="test", frames=(heroes, villains), source="test", negation_cues=("not", "no")
    )


SHEET = """document,text,heroes,villains
d1,The brave crew rescued two children.,support,
d1,Officials called them thugs.,,support
d1,They are not thugs at all.,,deny
d2,A brave statement from the mayor.,none,
d2,Volunteers pulled people from the river.,support,
d3,Critics call the thugs label propaganda.,,deny
d3,The weather was mild.,,
"""


@pytest.fixture
def evaluation(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    lexicons = lexicon_set()
    sheet = load_coding_sheet(path, frames=[f.id for f in lexicons.frames])
    return evaluate_sheet(sheet, lexicons, seed=3, n_bootstrap=200)


def test_counts_and_scores_per_frame(evaluation):
    heroes, villains = evaluation.frames
    # heroes: read as support on rows 1 and 4 (brave); coded support on 1 and 5.
    assert (heroes.strict.tp, heroes.strict.fp, heroes.strict.fn) == (1, 1, 1)
    assert heroes.strict.precision == heroes.strict.recall == heroes.strict.f1 == 0.5
    # villains: "thugs" un-negated on rows 2 and 6; only row 2 is coded support.
    assert (villains.strict.tp, villains.strict.fp, villains.strict.fn) == (1, 1, 0)
    assert villains.strict.f1 == pytest.approx(2 / 3)
    assert evaluation.unit == "documents" and evaluation.n_documents == 3


def test_deny_table_and_examples(evaluation):
    villains = evaluation.frames[1]
    assert villains.deny.coded == 2
    assert (villains.deny.read_as_deny, villains.deny.read_as_support) == (1, 1)
    assert [d.line for d in villains.examples["false_support"]] == [7]
    assert [d.line for d in villains.examples["deny_misread"]] == [7]
    heroes = evaluation.frames[0]
    assert [d.line for d in heroes.examples["missed"]] == [6]


def test_term_precision_names_the_terms_that_fire_wrongly(evaluation):
    heroes = evaluation.frames[0]
    brave = next(t for t in heroes.terms if t.term == "brave")
    assert (brave.n_rows, brave.n_support, brave.n_none) == (2, 1, 1)
    assert brave.precision == 0.5


def test_kappa_against_the_one_coder(evaluation):
    villains = evaluation.frames[1]
    # coded: none support deny none none deny none; read: none support deny none none support none
    # observed 6/7; chance: none 4/7*4/7 + support 1/7*2/7 + deny 2/7*1/7 = 20/49
    expected = (6 / 7 - 20 / 49) / (1 - 20 / 49)
    assert villains.kappa[None] == pytest.approx(expected)


def test_json_layout(evaluation):
    data = evaluation_to_json(evaluation)
    strict = data["frames"]["villains"]["strict"]
    assert set(strict) >= {"tp", "fp", "fn", "precision", "recall", "f1", "f1_ci95"}
    lo, hi = strict["f1_ci95"]
    assert lo <= strict["f1"] <= hi
    assert data["frames"]["villains"]["deny"] == {
        "coded": 2,
        "read_as_support": 1,
        "read_as_deny": 1,
        "read_as_none": 0,
    }
    first = data["sentences"][0]
    assert first["coded"] == {"heroes": "support", "villains": "none"}
    assert first["tool"] == {"heroes": "support", "villains": "none"}
    assert len(data["sentences"]) == 7
