from __future__ import annotations

import pytest

from framing.analysis.tone import compound_scores, score_tone
from framing.model import Frame, LexiconSet, OutletSummary, Sentence, Term


def test_compound_scores_come_from_vader():
    positive, negative, neutral = compound_scores(
        ["They are brave heroes of freedom.", "A terrible, deadly failure.", "The bus left."]
    )
    assert positive > 0.5 and negative < -0.5 and neutral == 0.0


def test_a_text_that_comes_again_is_scored_once(monkeypatch):
    import framing.analysis.tone as tone

    real = tone._analyzer()
    seen: list[str] = []

    class Counting:
        def polarity_scores(self, text: str) -> dict[str, float]:
            seen.append(text)
            return real.polarity_scores(text)

    monkeypatch.setattr(tone, "_analyzer", Counting)
    texts = ["They are brave heroes.", "A grim loss.", "They are brave heroes."]
    assert compound_scores(texts) == [real.polarity_scores(t)["compound"] for t in texts]
    assert seen == texts[:2]


def test_mean_tone_per_outlet_and_frame():
    lex = LexiconSet("t", (Frame("f", "F", "", "#000000", (Term("x", ("x",)),), ""),), "", ())
    sentences = [Sentence(i, "d", "o", i, "body", False, "t", ("t",), 1) for i in range(3)]
    tone = score_tone(
        sentences,
        {0: {"f"}, 2: {"f"}},
        {0: 0.5, 2: -0.1},
        outlets=[OutletSummary("o", "O", 1, 3, 3), OutletSummary("p", "P", 1, 0, 0)],
        lexicons=lex,
    )
    assert tone[("o", "f")].mean == pytest.approx(0.2)
    assert tone[("o", "f")].n_sentences == 2
    assert tone[("p", "f")].mean is None


def test_tone_sample_caps_each_cell_deterministically():
    from framing.analysis.tone import tone_sample

    invoked = {i: {"f"} for i in range(1000)} | {i: {"g"} for i in range(1000, 1010)}
    outlet_of = dict.fromkeys(range(1010), "o")
    first = tone_sample(invoked, outlet_of, seed=3, per_cell=100)
    assert first == tone_sample(invoked, outlet_of, seed=3, per_cell=100)
    assert len([i for i in first if i < 1000]) == 100
    assert [i for i in first if i >= 1000] == list(range(1000, 1010))  # small cells whole
    assert first != tone_sample(invoked, outlet_of, seed=4, per_cell=100)
