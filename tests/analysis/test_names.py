"""not_vocabulary: names, titles and abbreviations are no frame's vocabulary."""

from __future__ import annotations

from framing.analysis.names import TITLE_ABBREVIATIONS, not_vocabulary
from tests.conftest import make_sentence


def _sentences(*texts: str):
    return [make_sentence(t, id=i) for i, t in enumerate(texts)]


def test_names_after_a_title_and_of_speakers_titles_and_abbreviations():
    found = not_vocabulary(
        _sentences(
            "The attaché, Maj. Gen. Borys Kremenetskyi, said the volunteers came to help.",
            "Legal scholar Claire Finkelstein noted the risk to the U.S. volunteers.",
            "They hope NATO and the spokesman Ivan Petrov will help.",
        ),
        speakers=["Claire Finkelstein", "the embassy", None],
    )
    assert {"borys", "kremenetskyi", "claire", "finkelstein", "ivan", "petrov"} <= found
    assert {"maj", "gen", "u.s.", "nato"} <= found
    assert not {"volunteers", "help", "legal", "scholar", "embassy", "risk"} & found


def test_a_common_word_in_a_name_is_kept_when_the_corpus_writes_it_in_lower_case():
    found = not_vocabulary(
        _sentences(
            "The reporter, Dr. Ana Young, said more came.",
            "Many young volunteers came, and young people stayed.",
        ),
        speakers=["Ana Young"],
    )
    assert "ana" in found and "young" not in found


def test_a_headline_in_capitals_makes_no_acronym():
    found = not_vocabulary(_sentences("VOLUNTEERS HEAD EAST", "The volunteers head east."))
    assert found == TITLE_ABBREVIATIONS


def test_the_seeds_candidates_propose_no_speaker_title_or_abbreviation(
    seeds_corpus, default_lexicon_set
):
    from dataclasses import replace

    from framing.analysis.pipeline import analyse
    from framing.model import AnalysisOptions

    options = AnalysisOptions(n_bootstrap=100, n_permutations=100)
    analysis = analyse(seeds_corpus, default_lexicon_set, options=options)
    proposed = {c.term for terms in analysis.candidates.values() for c in terms}
    words = {w for term in proposed for w in term.split()}
    assert not {"finkelstein", "borys", "kremenetskyi", "gen", "maj", "u.s."} & words
    # The names are left out before the lists are cut to 10, so a list is
    # short only when fewer terms qualify at all.
    longer = analyse(
        seeds_corpus, default_lexicon_set, options=replace(options, n_candidates=100)
    ).candidates
    for frame, terms in analysis.candidates.items():
        assert terms == longer[frame][:10]
    assert any(len(terms) == 10 for terms in analysis.candidates.values())


def _counts_one_at_a_time(texts):
    """The word statistics counted word by word, the plain way (a reference)."""
    from collections import Counter

    from framing.analysis.names import _FULL_TITLES
    from framing.text.segment import is_word, tokenize_spans

    seen, capitalised, upper = Counter(), Counter(), Counter()
    after_title, dotted = set(), set()
    for text in texts:
        if not any(c.islower() for c in text):
            continue
        in_name, first = False, True
        for token, start, end in tokenize_spans(text):
            if not is_word(token):
                in_name = in_name and token == "."
                continue
            surface = text[start:end]
            if "." in token:
                dotted.add(token)
            cap = surface[:1].isupper()
            if not first:
                seen[token] += 1
                capitalised[token] += cap
                upper[token] += len(surface) > 1 and surface.isupper()
            first = False
            if token in TITLE_ABBREVIATIONS or token in _FULL_TITLES:
                in_name = True
            elif in_name and cap:
                after_title.add(token)
            else:
                in_name = False
    return +seen, +capitalised, +upper, after_title, dotted


def test_word_statistics_are_those_counted_word_by_word():
    from framing.analysis.names import NameStats

    texts = [
        "Maj. Gen. Borys Kremenetskyi said the U.S. and NATO would help.",
        "A 3M mask, a B-52 and 3G phones: the Dr. Ana Ruiz case.",
        "VOLUNTEERS ARRIVE IN LVIV",
        "The volunteer said Rose and rose and ROSE.",
        "President Zelenskyy thanked them; Senator Young did not.",
        "",
    ]
    stats = NameStats().add(make_sentence(t, id=i) for i, t in enumerate(texts))
    seen, capitalised, upper, after_title, dotted = _counts_one_at_a_time(texts)
    assert (stats.seen, stats.capitalised, stats.upper) == (seen, capitalised, upper)
    assert (stats.after_title, stats.dotted) == (after_title, dotted)
    assert stats.upper["3m"] == 1 and stats.capitalised["3m"] == 0


def test_word_statistics_from_written_tokens_are_those_from_offsets():
    from framing.analysis.names import NameStats
    from framing.text.segment import cased_tokens

    texts = [
        "Maj. Gen. Borys Kremenetskyi said the U.S. and NATO would help.",
        "A 3M mask, a B-52 and 3G phones: the Dr. Ana Ruiz case.",
        "VOLUNTEERS ARRIVE IN LVIV",
        "The volunteer said Rose and rose and ROSE, DON'T.",
        "President Zelenskyy thanked them; Senator Young did not.",
        "... “Quoted” start, then Words.",
        "",
    ]
    sentences = [make_sentence(t, id=i) for i, t in enumerate(texts)]
    written = [cased_tokens(t)[1] for t in texts]
    assert all(w is not None for w in written)
    fast = NameStats().add(sentences, written)
    slow = NameStats().add(sentences)
    assert fast == slow
    assert fast.after_title >= {"borys", "kremenetskyi", "ana", "ruiz", "zelenskyy", "young"}


def test_merged_statistics_leave_out_words_without_capitals_and_give_the_same_words():
    from framing.analysis.names import NameStats

    texts = [
        "In 2022, 3,000 volunteers joined NATO drills, Maj. Gen. Ruiz said.",
        "The 2022 report by NATO named Ruiz; 3,000 more came.",
        "ruiz was written in lower case once, nato too.",
    ]
    sentences = [make_sentence(t, id=i) for i, t in enumerate(texts)]
    whole = NameStats().add(sentences)
    merged = NameStats()
    for s in sentences:
        merged.merge(NameStats().add([s]))
    assert "2022" in whole.seen and "2022" not in merged.seen and "3,000" not in merged.seen
    assert merged.seen["nato"] == whole.seen["nato"] and merged.seen["ruiz"] == whole.seen["ruiz"]
    assert merged.words() == whole.words()


def _stats_fields(stats):
    return (stats.seen, stats.capitalised, stats.upper, stats.after_title, stats.dotted)


def test_a_chunk_memo_counts_each_sentence_as_reading_it_again():
    from framing.analysis.names import NameStats
    from framing.text.segment import cased_tokens

    texts = [
        "The attaché, Maj. Gen. Borys Kremenetskyi, said the volunteers came to help.",
        "They hope NATO and the U.S. will help.",
        "VOLUNTEERS HEAD EAST",
        "free\u200bdom for Dr. Ana Ruiz",  # no written forms: read again with offsets
        "They hope NATO and the U.S. will help.",
    ]
    documents = [texts[:3], texts[2:], texts, [texts[1]] * 3]
    plain, remembered, memo = NameStats(), NameStats(), {}
    for document in documents:
        sentences = [make_sentence(t, id=i) for i, t in enumerate(document)]
        written = [cased_tokens(t)[1] for t in document]
        plain.add(sentences, written)
        remembered.add(sentences, written, memo)
    assert _stats_fields(remembered) == _stats_fields(plain)
    assert plain.seen["nato"] == 7 and "kremenetskyi" in plain.after_title
    assert len(memo) == 4  # one per distinct (text, without written forms)
