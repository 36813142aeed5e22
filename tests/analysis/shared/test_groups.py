"""Alignment into groups: the seeds' AP copy, outlets, determinism, validation (shared.groups)."""

from __future__ import annotations

import random

import pytest

from framing.analysis.shared.groups import align_shared
from framing.analysis.shared.units import unit_words
from framing.analysis.shared.views import is_shared
from framing.model import SharedCopy
from tests.analysis.shared.conftest import BACKGROUND, CONTRACT, corpus, find, synthetic
from tests.conftest import make_sentence

# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "This is not mercenaries who are coming to earn money",
        "They really feel that this war is unfair, unprovoked",
        "Russians can be stopped only with hard fists and weapons",
    ],
)
def test_kremenetskyi_quotes_are_shared_by_arab_news_and_people(seeds, quote):
    sentences, _, shared = seeds
    arab, people = find(sentences, "arab-news", quote), find(sentences, "people", quote)
    group = shared.group_of(arab.id)
    assert group >= 0
    assert shared.group_of(people.id) == group
    assert shared.groups[group].outlets == ("arab-news", "people")
    assert shared.groups[group].quoted


def test_finkelstein_quotes_are_not_shared_with_anyone(seeds):
    sentences, _, shared = seeds
    finkelstein = [s for s in sentences if s.outlet == "military-com" and "Finkelstein" in s.text]
    assert len(finkelstein) >= 5
    assert not any(is_shared(shared, s.id) for s in finkelstein)
    assert not any(is_shared(shared, s.id) for s in sentences if s.outlet == "military-com")
    assert shared.pairs[("military-com", "arab-news")] == 0
    assert shared.pairs[("military-com", "people")] == 0


def test_seed_alignment_is_exactly_the_ap_copy(seeds):
    # Six Arab News / People pairs carry the same AP copy: five quotes and
    # one lightly edited sentence. Rewrites of AP facts are not shared copy.
    sentences, _, shared = seeds
    by_id = {s.id: s for s in sentences}
    found = {
        tuple((by_id[i].outlet, tuple(unit_words(by_id[i].tokens)[:4])) for i in g.sentences)
        for g in shared.groups
    }
    assert found == {
        (("arab-news", ("they", "really", "feel", "that")),
         ("people", ("they", "really", "feel", "that"))),
        (("arab-news", ("they", "feel", "that", "they")),
         ("people", ("they", "feel", "that", "they"))),
        (("arab-news", ("this", "is", "not", "mercenaries")),
         ("people", ("this", "is", "not", "mercenaries"))),
        (("arab-news", ("this", "is", "people", "of")),
         ("people", ("this", "is", "people", "of"))),
        (("arab-news", ("russians", "can", "be", "stopped")),
         ("people", ("russians", "can", "be", "stopped"))),
        (("arab-news", ("they", "will", "be", "required")),
         ("people", ("the", "fighters", "must", "also"))),
    }  # fmt: skip
    assert shared.pairs[("arab-news", "people")] == 6


def test_reworded_facts_are_not_shared_copy(seeds):
    sentences, _, shared = seeds
    arab = find(sentences, "arab-news", "So far, about 100 US citizens have made the cut.")
    people = find(sentences, "people", "only about 100 U.S. citizens")
    assert not is_shared(shared, arab.id)
    assert not is_shared(shared, people.id)


def test_no_sentence_is_aligned_with_its_own_outlet(seeds):
    sentences, _, shared = seeds
    outlet = {s.id: s.outlet for s in sentences}
    for group in shared.groups:
        assert len(group.outlets) >= 2
        for i in group.sentences:
            assert any(outlet[j] != outlet[i] for j in group.sentences)
    # The same sentences all in one outlet share nothing.
    one_outlet = tuple(s._replace(outlet="everyone") for s in sentences)
    alone = align_shared(one_outlet)
    assert alone.groups == ()
    assert set(alone.sentence_group) == {-1}


def test_seed_alignment_is_deterministic(seeds):
    sentences, _, shared = seeds
    again = align_shared(sentences)
    assert again == shared
    shuffled = list(sentences)
    random.Random(3).shuffle(shuffled)
    assert align_shared(shuffled).sentence_group == shared.sentence_group
    assert [g.id for g in shared.groups] == list(range(len(shared.groups)))
    firsts = [g.sentences[0] for g in shared.groups]
    assert firsts == sorted(firsts)
    assert all(list(g.sentences) == sorted(g.sentences) for g in shared.groups)


def test_result_types_are_frozen(seeds):
    shared = seeds[2]
    assert isinstance(shared, SharedCopy)
    with pytest.raises(AttributeError):
        shared.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        shared.groups[0].example = ""  # type: ignore[misc]


# --------------------------------------------------------------------------
# Invented sentences
# --------------------------------------------------------------------------


def test_repeats_within_one_outlet_are_not_shared():
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("a", CONTRACT), ("b", "Nothing alike here."))
    shared = align_shared(sentences)
    assert not is_shared(shared, 4) and not is_shared(shared, 5)
    # Once another outlet carries it, every copy is shared, in one group.
    shared = align_shared((*sentences, make_sentence(CONTRACT, id=7, outlet="b")))
    assert shared.group_of(4) == shared.group_of(5) == shared.group_of(7) >= 0
    assert shared.groups[0].outlets == ("a", "b")
    assert shared.groups[0].per_outlet == (2, 1)  # a prints it twice, b once
    # Pairs count sentences, the smaller side: a prints it twice, b once.
    assert shared.pairs[("a", "b")] == 1
    twice = (*sentences, make_sentence(CONTRACT, id=7, outlet="b"))
    twice += (make_sentence(CONTRACT, id=8, outlet="b"),)
    assert align_shared(twice).pairs[("a", "b")] == 2


def test_copy_passed_along_forms_one_group_and_counts_for_every_pair():
    # a ~ b (one word) and b ~ c (another word); a and c are both copies of it.
    b_text = CONTRACT.replace("without pay", "without wages")
    c_text = b_text.replace("volunteers", "recruits")
    shared = align_shared(corpus(*BACKGROUND, ("a", CONTRACT), ("b", b_text), ("c", c_text)))
    (group,) = shared.groups
    assert group.sentences == (4, 5, 6) and group.outlets == ("a", "b", "c")
    assert group.per_outlet == (1, 1, 1)
    assert shared.pairs[("a", "b")] == shared.pairs[("b", "c")] == shared.pairs[("a", "c")] == 1


def test_edge_cases_and_validation():
    empty = align_shared(())
    assert empty.groups == () and empty.sentence_group == () and not is_shared(empty, 0)
    sentences = corpus(("a", CONTRACT), ("b", CONTRACT))
    assert not is_shared(align_shared(sentences), 99)
    with pytest.raises(ValueError, match="threshold"):
        align_shared(sentences, threshold=0)
    with pytest.raises(ValueError, match="unique"):
        align_shared((sentences[0], sentences[1]._replace(id=0)))
    with pytest.raises(ValueError, match="min_words"):
        align_shared(sentences, min_words=0)


def test_resampled_copies_are_found(seeds):
    sentences, source = synthetic(seeds, n=4000, n_outlets=20, seed=7, p_edit=0.0, p_own=0.3)
    shared = align_shared(sentences)
    by_id = {s.id: s for s in seeds[0]}
    copies = [
        i
        for i, origin in enumerate(source)
        if origin >= 0 and len(unit_words(by_id[origin].tokens)) >= shared.min_words
    ]
    outlets_of: dict[int, set[str]] = {}
    for i in copies:
        outlets_of.setdefault(source[i], set()).add(sentences[i].outlet)
    expected = [i for i in copies if len(outlets_of[source[i]]) > 1]
    assert len(expected) > 2000
    assert all(is_shared(shared, i) for i in expected)
    own = [i for i, origin in enumerate(source) if origin < 0]
    assert not any(is_shared(shared, i) for i in own)
    # Copies of one seed sentence end up in one group.
    for origin in {source[i] for i in expected}:
        assert len({shared.group_of(i) for i in expected if source[i] == origin}) == 1


def test_sentence_ids_are_held_compactly_and_pickle(seeds):
    import pickle

    from framing.model import Ids

    _, _, shared = seeds
    assert isinstance(shared.sentence_group, Ids)
    assert all(isinstance(g.sentences, Ids) for g in shared.groups)
    assert pickle.loads(pickle.dumps(shared)) == shared
    assert Ids([1, 2]) != (1, 2, 3) and Ids([1, 2]) != Ids([2, 1]) and Ids() == ()
    assert hash(Ids([1, 2])) == hash((1, 2))
