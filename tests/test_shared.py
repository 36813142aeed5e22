"""Shared copy between outlets: alignment on the seeds, threshold behaviour, blocking, views."""

from __future__ import annotations

import random

import pytest

from framing.analysis import shared as shared_module
from framing.analysis.shared import (
    SharedCopy,
    align_shared,
    describe_shared,
    frames_by_origin,
    is_shared,
    outlet_shared_fraction,
    quote_spans,
    unit_words,
)
from framing.model import Hit, Sentence
from tests.conftest import make_sentence

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def corpus(*rows: tuple[str, str]) -> tuple[Sentence, ...]:
    """Sentences from (outlet, text) rows; each outlet's sentences form one document."""
    return tuple(
        make_sentence(text, id=i, outlet=outlet, document=f"{outlet}-doc")
        for i, (outlet, text) in enumerate(rows)
    )


#: Unrelated sentences so that IDF weights are not those of a two-sentence corpus.
BACKGROUND = (
    ("x", "The harbour authority opened a new ferry terminal on the north shore last spring."),
    ("y", "Local farmers say the dry summer has cut the wheat harvest by almost a third."),
    ("x", "A museum of modern glass art will open its doors to visitors in the old mill."),
    ("y", "The city council voted to extend the opening hours of the central library."),
)

CONTRACT = (
    "The volunteers must sign a contract to serve without pay in the International "
    "Legion for the Territorial Defense of Ukraine."
)


def pseudo_sentence(rng: random.Random, n_words: int) -> str:
    """A sentence of pronounceable made-up words, unlike any other."""
    letters, vowels = "bcdfghjklmnpqrstvwxz", "aeiou"
    words = [
        "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        for _ in range(n_words)
    ]
    return " ".join(words).capitalize() + "."


# --------------------------------------------------------------------------
# The seed articles
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_corpus):
    from framing.analysis.pipeline import build_outlet_ids
    from framing.text.clean import clean_corpus
    from framing.text.segment import segment_corpus

    clean = clean_corpus(seeds_corpus)
    outlet_ids = build_outlet_ids(d.outlet for d in clean.documents)
    sentences = segment_corpus(clean, outlet_ids=outlet_ids)
    return sentences, outlet_ids, align_shared(sentences)


def find(sentences, outlet: str, fragment: str) -> Sentence:
    """The one sentence of ``outlet`` whose text contains ``fragment``."""
    found = [s for s in sentences if s.outlet == outlet and fragment in s.text]
    assert len(found) == 1, (outlet, fragment, found)
    return found[0]


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


def test_quote_with_rewritten_attribution_is_shared_through_the_quote(seeds):
    # "…weapons,” he said." against "…weapons," Kremenetskyi said in an interview
    # with the AP, which notes he'd just returned from the Pentagon.": as whole
    # sentences they are far apart; the quote carries them.
    sentences, _, shared = seeds
    arab = find(sentences, "arab-news", "hard fists")
    people = find(sentences, "people", "hard fists")
    assert "AP" in people.text and "AP" not in arab.text
    assert shared.group_of(arab.id) == shared.group_of(people.id) >= 0


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


def test_seed_views(seeds, default_lexicon_set):
    from framing.lexicons.match import match_sentences

    sentences, outlet_ids, shared = seeds
    hits = match_sentences(sentences, default_lexicon_set)
    fraction = outlet_shared_fraction(shared, sentences)
    n_arab = sum(1 for s in sentences if s.outlet == "arab-news")
    assert list(fraction) == ["military-com", "arab-news", "people"]
    assert fraction["military-com"] == 0.0
    assert fraction["arab-news"] == pytest.approx(6 / n_arab)

    origin = frames_by_origin(shared, sentences, hits)
    # Arab News's extremism concerns are all its own material; the goodwill
    # frame comes half from the shared AP quotes.
    assert origin[("arab-news", "possible_extremists")] == (0, 5)
    assert origin[("arab-news", "goodwill_fighters")] == (3, 3)
    assert origin[("people", "goodwill_fighters")] == (3, 1)
    assert origin[("military-com", "unprotected_civilians")][0] == 0

    names = {v: k for k, v in outlet_ids.items()}
    labels = {f.id: f.label for f in default_lexicon_set.frames}
    (summary,) = describe_shared(shared, sentences, hits, outlet_names=names, frame_labels=labels)
    assert summary.startswith(
        "Arab News and People share 6 sentences (mostly quotes of Borys Kremenetskyi)"
    )
    assert "Possible extremists (5 sentences of its own against 1 of People's)" in summary
    assert "People adds no frame" in summary
    assert "Military.com" not in summary


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


# --------------------------------------------------------------------------
# Threshold behaviour on invented sentences
# --------------------------------------------------------------------------


def test_a_one_word_edit_is_still_shared():
    edited = CONTRACT.replace("without pay", "without wages")
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", edited))
    shared = align_shared(sentences)
    assert is_shared(shared, 4) and is_shared(shared, 5)
    assert shared.group_of(4) == shared.group_of(5)
    assert not shared.groups[0].quoted
    assert shared.pairs == {("x", "y"): 0, ("x", "a"): 0, ("x", "b"): 0,
                            ("y", "a"): 0, ("y", "b"): 0, ("a", "b"): 1}  # fmt: skip


def test_punctuation_quotes_and_us_spelling_do_not_matter():
    a = "“So far, about 100 U.S. citizens have made the cut,” the attaché said."
    b = '"So far about 100 US citizens have made the cut" the attaché said'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0


def test_a_different_sentence_on_the_same_topic_is_not_shared():
    other = (
        "Every volunteer who joins the legion in Ukraine has to agree to a contract "
        "and will not be paid for the service."
    )
    shared = align_shared(corpus(*BACKGROUND, ("a", CONTRACT), ("b", other)))
    assert shared.groups == ()


def test_the_threshold_is_applied():
    # Half of the sentence is rewritten: shared at a low threshold, not at the default.
    half = (
        "The volunteers must sign a contract to serve without pay, and they are told "
        "to make their own way to the Polish border."
    )
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", half))
    assert align_shared(sentences).groups == ()
    loose = align_shared(sentences, threshold=0.3)
    assert loose.group_of(4) == loose.group_of(5) >= 0
    assert loose.threshold == 0.3 and "0.3" in loose.method


def test_a_quote_marks_both_sentences_even_when_attribution_differs():
    quote = "Russians can be stopped only with hard fists and weapons"
    a = f"“{quote},” he said."
    b = (
        f'"{quote}," Kremenetskyi said in an interview with the news agency, which notes '
        "that he had just returned from a long meeting at the Pentagon."
    )
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0
    assert shared.groups[0].quoted


def test_a_short_quote_does_not_mark_sentences():
    a = 'The ministry has received "thousands of requests" from foreigners, the deputy said.'
    b = 'Embassies around the world were flooded with "thousands of requests" this week.'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.groups == ()
    # With a lower minimum the three-word quote is a unit and aligns them.
    assert align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)), min_words=3).groups != ()


def test_a_quote_continued_across_sentences_is_aligned():
    a = "“We are fighting for our families, for our land and our homes."
    b = 'He told reporters: "We are fighting for our families, for our land and our homes.'
    shared = align_shared(corpus(*BACKGROUND, ("a", a), ("b", b)))
    assert shared.group_of(4) == shared.group_of(5) >= 0


def test_repeats_within_one_outlet_are_not_shared():
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("a", CONTRACT), ("b", "Nothing alike here."))
    shared = align_shared(sentences)
    assert not is_shared(shared, 4) and not is_shared(shared, 5)
    # Once another outlet carries it, every copy is shared, in one group.
    shared = align_shared((*sentences, make_sentence(CONTRACT, id=7, outlet="b")))
    assert shared.group_of(4) == shared.group_of(5) == shared.group_of(7) >= 0
    assert shared.groups[0].outlets == ("a", "b")
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


def test_quote_spans():
    assert quote_spans("No quotes at all.") == []
    assert quote_spans('He said "yes" and "no" twice.') == ["yes", "no"]
    assert quote_spans("“Open and never closed") == ["Open and never closed"]
    assert quote_spans('closed here," she said.') == ["closed here"]
    assert quote_spans("the so-called “Lincoln Battalion” fought") == ["Lincoln Battalion"]


# --------------------------------------------------------------------------
# Synthetic corpus: resampled copies are shared copy; the blocking is exact
# --------------------------------------------------------------------------


def synthetic(seeds, *, n: int, n_outlets: int, seed: int, p_edit: float, p_own: float):
    """Seed sentences resampled over outlets (some edited by one word), plus own sentences.

    Returns the sentences and, per sentence, the id of the seed sentence it
    copies, or -1 for an outlet's own sentence.
    """
    from framing.text.segment import tokenize

    pool = [s for s in seeds[0]]
    rng = random.Random(seed)
    sentences, source = [], []
    for i in range(n):
        outlet = f"outlet-{i % n_outlets:02d}"
        if rng.random() < p_own:
            text, origin = pseudo_sentence(rng, rng.randint(8, 20)), -1
        else:
            copied = rng.choice(pool)
            text, origin = copied.text, copied.id
            if rng.random() < p_edit:
                words = text.split(" ")
                words[rng.randrange(len(words))] = rng.choice(["plainly", "again", "there"])
                text = " ".join(words)
        tokens = tuple(tokenize(text))
        sentences.append(make_sentence(text, id=i, outlet=outlet, document=f"d{i // 30}"))
        assert sentences[-1].tokens == tokens
        source.append(origin)
    return tuple(sentences), source


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


def _brute_force(sentences, threshold: float, min_words: int):
    """Unit-level result of comparing every pair of units: (matched units, groups)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    texts = list({s.tokens: s for s in sentences}.values())
    units = shared_module._build_units(texts, min_words)
    matrix = shared_module._tfidf(units)
    outlets = [set() for _ in units.keys]
    text_outlets: dict[tuple[str, ...], set[str]] = {}
    for s in sentences:
        text_outlets.setdefault(s.tokens, set()).add(s.outlet)
    for unit, text in zip(units.member_unit, units.member_text, strict=True):
        outlets[unit] |= text_outlets[texts[text].tokens]
    cosine = (matrix @ matrix.T).toarray()
    n = len(units.keys)
    i, j = np.nonzero(np.triu(cosine >= threshold - 1e-9, k=1))
    keep = [
        not (len(outlets[a]) == 1 and outlets[a] == outlets[b]) for a, b in zip(i, j, strict=True)
    ]
    i, j = i[keep], j[keep]
    matched = np.zeros(n, dtype=bool)
    matched[i] = matched[j] = True
    graph = coo_matrix((np.ones(len(i), dtype=bool), (i, j)), shape=(n, n)).tocsr()
    return matrix, units, outlets, matched, connected_components(graph, directed=False)[1]


@pytest.mark.parametrize("seed", [1, 2])
def test_blocking_finds_the_same_matches_as_comparing_every_pair(seeds, monkeypatch, seed):
    import numpy as np

    # Small blocks and batches, so that every step runs many times.
    monkeypatch.setattr(shared_module, "_CANDIDATE_ROWS", 37)
    monkeypatch.setattr(shared_module, "_VERIFY_BATCH", 11)
    sentences, _ = synthetic(seeds, n=1500, n_outlets=7, seed=seed, p_edit=0.3, p_own=0.3)
    threshold, min_words = 0.6, 6
    matrix, _, outlets, matched, label = _brute_force(sentences, threshold, min_words)
    unit_outlets = np.array([next(iter(o)) if len(o) == 1 else "" for o in outlets], dtype=object)
    codes = {o: k for k, o in enumerate(sorted({o for o in unit_outlets if o}))}
    unit_outlets = np.array([codes.get(o, -1) for o in unit_outlets], dtype=np.int64)
    pair_i, pair_j, stats = shared_module._similar_pairs(matrix, threshold, unit_outlets)
    assert stats["rejected"] > 0 and stats["verified"] > 0
    found = np.zeros(len(matched), dtype=bool)
    found[pair_i] = found[pair_j] = True
    assert (found == matched).all()
    assert matched.sum() > 50
    # Every found pair is a true match, and the groups they form are the same.
    cosine = np.asarray(matrix[pair_i].multiply(matrix[pair_j]).sum(axis=1)).ravel()
    assert (cosine >= threshold - 1e-9).all()
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(matched)
    graph = coo_matrix((np.ones(len(pair_i), dtype=bool), (pair_i, pair_j)), shape=(n, n))
    found_label = connected_components(graph.tocsr(), directed=False)[1]
    assert len(set(zip(label[matched], found_label[matched], strict=True))) == len(
        set(label[matched])
    ) == len(set(found_label[matched]))  # fmt: skip


def test_result_types_are_frozen(seeds):
    shared = seeds[2]
    assert isinstance(shared, SharedCopy)
    with pytest.raises(AttributeError):
        shared.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        shared.groups[0].example = ""  # type: ignore[misc]


def test_frames_by_origin_counts_only_non_negated_hits():
    sentences = corpus(*BACKGROUND, ("a", CONTRACT), ("b", CONTRACT), ("a", "Heroes all."))
    shared = align_shared(sentences)
    hits = [
        Hit(4, "heroic", "x", "x", 0, 1, 1.0),
        Hit(5, "heroic", "x", "x", 0, 1, 1.0, negated=True),
        Hit(6, "heroic", "hero*", "heroes", 0, 1, 1.0),
        Hit(6, "legal", "law", "law", 0, 1, 1.0, negated=True),
    ]
    origin = frames_by_origin(shared, sentences, hits)
    assert origin[("a", "heroic")] == (1, 1)
    assert origin[("b", "heroic")] == (0, 0)
    assert origin[("a", "legal")] == (0, 0)
