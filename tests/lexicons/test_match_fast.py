"""The matcher's shortcuts find what its general procedure finds.

A term of one word or prefix (:attr:`Pattern.single`), or of words and
prefixes only in a sentence without quotation marks (:func:`plain_end`), is
matched without :func:`start_of` and :func:`match_from`; a term missing one
of its words (:attr:`Pattern.required`) is passed over; the patterns a token
can anchor are remembered per token (:class:`TokenPatterns`); a chunk
remembers each sentence text's hits (:class:`MatchMemo`). Each is checked
here against the way it replaces, on generated sentences.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.lexicons import match as match_module
from framing.lexicons import patterns as patterns_module
from framing.lexicons.load import load_lexicons
from framing.lexicons.match import Matcher
from framing.lexicons.match_memo import MatchMemo
from framing.lexicons.patterns import (
    EXACT,
    PREFIX,
    QUOTE_TOKENS,
    Element,
    fast_paths,
    match_from,
    plain_end,
)
from framing.resources import default_lexicons
from framing.text.segment import cased_tokens, tokenize

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(default_lexicons())


@pytest.fixture(scope="module")
def fast(lexicons) -> Matcher:
    return Matcher(lexicons)


@pytest.fixture(scope="module")
def general(lexicons) -> Matcher:
    """The matcher with every term matched by start_of and match_from, none passed over."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(match_module, "fast_paths", lambda elements, anchor: (False, (), ()))
        matcher = Matcher(lexicons)
    assert not any(p.single or p.plain or p.required for ps in matcher._exact.values() for p in ps)
    return matcher


def _words() -> list[str]:
    """Words that make the matcher work: the terms' words, the cues, marks, capitals."""
    lexicons = load_lexicons(default_lexicons())
    words = {t.rstrip("*") for f in lexicons.frames for term in f.terms for t in term.tokens
             if not t.startswith("{") and t != "*"}  # fmt: skip
    words |= {w + "s" for w in list(words)[:40]}  # prefixes with endings
    cues = (lexicons.negation_cues + lexicons.rebuttal_cues + lexicons.distancing_cues
            + lexicons.entitlement_cues + lexicons.label_nouns + lexicons.subjects)  # fmt: skip
    words |= {w.rstrip("*") for cue in cues for w in cue.split()}
    words |= {"The", "State", "Emergency", "Service", "said", "that", "but", "is", "are"}
    words |= set(QUOTE_TOKENS) | {",", ".", ";", ":", "(", ")", "—", "'s", "n't"}
    return sorted(w for w in words if w)


WORDS = _words()
sentences = st.lists(st.sampled_from(WORDS), max_size=25)


@FUZZ
@given(
    words=sentences,
    previous=st.lists(st.sampled_from(WORDS), max_size=8),
    part=st.sampled_from([None, "headline", "body"]),
)
def test_the_shortcuts_find_what_the_general_matching_finds(fast, general, words, previous, part):
    text = " ".join(words)
    tokens, written = cased_tokens(text)
    context = tuple(tokenize(" ".join(previous)))
    kwargs = {"previous": context, "text": text, "part": part, "written": written}
    assert fast.match_tokens(tokens, **kwargs) == general.match_tokens(tokens, **kwargs)


def test_a_sentence_with_quotation_marks_takes_the_general_way(fast, general):
    # "international law" with a quotation mark inside is still the term
    tokens = tuple(tokenize('They broke international " law " again.'))
    assert fast.match_tokens(tokens) == general.match_tokens(tokens)
    assert any(h.term == "international law" for h in fast.match_tokens(tokens))


def test_the_patterns_per_token_stay_bounded_and_right(lexicons, monkeypatch):
    monkeypatch.setattr(patterns_module, "TOKEN_MEMO", 3)
    matcher = Matcher(lexicons)
    tables = (matcher._exact, matcher._heads, matcher._prefixed, matcher._head_length)
    for word in WORDS * 2:
        assert matcher._patterns_of[word] == tuple(patterns_module.anchored_patterns(*tables, word))
        assert len(matcher._patterns_of) <= 3


_FORMS = ["war", "law", "laws", "of", "international", "legal", "aid", "x"]
elements = st.lists(
    st.one_of(
        st.builds(
            lambda forms: Element(EXACT, forms=frozenset(forms)),
            st.sets(st.sampled_from(_FORMS), min_size=1, max_size=3),
        ),
        st.builds(lambda p: Element(PREFIX, prefix=p), st.sampled_from(["la", "wa", "inter"])),
    ),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(
    parts=elements,
    tokens=st.lists(st.sampled_from([*_FORMS, "lawful", "wars", "interim", ",", "."]), max_size=12),
    start=st.integers(-3, 14),
)
def test_plain_end_is_match_from_without_quotation_marks(parts, tokens, start):
    single, plain, _ = fast_paths(parts, 0)
    assert plain and single == (len(parts) == 1)
    expected = match_from(tokens, start, parts) if start >= 0 else None
    assert plain_end(tokens, start, plain) == expected


def test_a_term_requires_its_exact_words_but_the_anchor_and_quotation_marks():
    word = Element(EXACT, forms=frozenset({"money"}))
    quote = Element(EXACT, forms=frozenset({'"'}))
    fight = Element(EXACT, forms=frozenset({"fight", "fights"}))
    gap = Element(patterns_module.GAP, low=0, high=2)
    prefix = Element(PREFIX, prefix="merc")
    _, _, required = fast_paths([fight, gap, quote, prefix, word], 0)
    assert required == (frozenset({"money"}),)


def test_a_term_whose_other_word_is_missing_is_passed_over(fast):
    # "fight {0,2} for money" is anchored on "fight"; without "money" no match
    assert not any(h.term == "fight {0,2} for money" for h in fast.match_tokens(
        tuple(tokenize("They fight for freedom."))))  # fmt: skip
    hits = fast.match_tokens(tuple(tokenize("They fight only for money.")))
    assert any(h.term == "fight {0,2} for money" for h in hits)


# --------------------------------------------------------------------------
# MatchMemo
# --------------------------------------------------------------------------

#: A few sentences, so that documents repeat them, with and without the set's subjects.
_POOL = [
    "The volunteers are not mercenaries.",
    "They are mercenaries, officials said.",
    "The so-called mercenaries were captured.",
    "Mercenaries have no legal protection under international law.",
    "The State Emergency Service said the fighters were prisoners of war.",
    "He said they were mercenaries.",
    "Nothing happened.",
    "FALSE: they are terrorists.",
    "Terrorists attacked the town.",
    "Extremists were there, not mercenaries.",
]


@FUZZ
@given(
    documents=st.lists(
        st.lists(
            st.tuples(st.sampled_from(_POOL), st.sampled_from(["headline", "body", "deck"])),
            max_size=8,
        ),
        max_size=6,
    )
)
def test_the_memo_gives_each_sentence_the_hits_the_matcher_gives(fast, lexicons, documents):
    # a fresh matcher per memo, as per chunk: no state leaks from other examples
    memo = MatchMemo(Matcher(lexicons))
    for document in documents:
        previous: tuple[str, ...] = ()
        for sentence_id, (text, part) in enumerate(document):
            tokens, written = cased_tokens(text)
            kwargs = {"previous": previous, "text": text, "part": part, "written": written}
            expected = fast.match_tokens(tokens, sentence_id=sentence_id, **kwargs)
            assert memo.match_tokens(tokens, sentence_id=sentence_id, **kwargs) == expected
            previous = tokens


def test_the_memo_tells_apart_what_the_sentence_before_says(lexicons):
    # "Terrorists attacked" names none of the set's subjects: it is about
    # them only when the sentence before names one ("volunteers")
    matcher = Matcher(lexicons)
    memo = MatchMemo(matcher)
    text = "Terrorists attacked the town."
    tokens, written = cased_tokens(text)
    about = tuple(tokenize("The foreign volunteers arrived."))
    other = tuple(tokenize("Nothing happened."))
    readings = []
    for previous in (about, other, about, other):
        hits = memo.match_tokens(
            tokens, sentence_id=1, previous=previous, text=text, part="body", written=written
        )
        direct = matcher.match_tokens(
            tokens, sentence_id=1, previous=previous, text=text, part="body", written=written
        )
        assert hits == direct
        readings.append(tuple(h.reading for h in hits))
    assert readings[0] == readings[2] and readings[1] == readings[3]
    assert readings[0] != readings[1]


def test_a_dropped_matcher_is_freed_without_the_cyclic_collector():
    # The map step pauses the cyclic collector: a matcher made per chunk (the
    # cleaning audit makes one) must not be kept alive by a reference cycle.
    import gc
    import weakref

    from framing.lexicons.load import load_lexicons
    from framing.lexicons.match import Matcher
    from framing.resources import default_lexicons
    from framing.text.segment import tokenize

    lexicons = load_lexicons(default_lexicons())
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        matcher = Matcher(lexicons)
        matcher.match_tokens(tokenize("They are not mercenaries, the volunteers said."))
        freed = weakref.ref(matcher)
        del matcher
        assert freed() is None
    finally:
        if was_enabled:
            gc.enable()
