"""The plain-language summary of shared copy, and whose quotes it carries (shared.summary)."""

from __future__ import annotations

from framing.analysis.quotes.extraction import extract_quotes
from framing.analysis.shared.summary import describe_shared
from framing.model import Quotations


def test_seed_summary(seeds, default_lexicon_set):
    from framing.lexicons.match import match_sentences

    sentences, outlet_ids, shared = seeds
    hits = match_sentences(sentences, default_lexicon_set)
    names = {v: k for k, v in outlet_ids.items()}
    labels = {f.id: f.label for f in default_lexicon_set.frames}
    (summary,) = describe_shared(shared, sentences, hits, outlet_names=names, frame_labels=labels)
    assert summary.startswith(
        "Arab News and People share 6 sentences (mostly quotes of Borys Kremenetskyi)"
    )
    assert "Possible extremists (5 sentences of its own against 1 of People's)" in summary
    assert "People adds no frame" in summary
    assert "Military.com" not in summary


def test_speakers_are_those_quotes_attributes_sentences_to(seeds, default_lexicon_set):
    from framing.lexicons.match import match_sentences

    sentences, _, shared = seeds
    hits = match_sentences(sentences, default_lexicon_set)
    quotations = extract_quotes(sentences)
    extracted = describe_shared(shared, sentences, hits)
    assert describe_shared(shared, sentences, hits, quotations=quotations) == extracted
    # With every shared sentence attributed to someone else, that is the speaker.
    voice = {
        sid: ("Someone Else" if shared.group_of(sid) >= 0 else speaker)
        for sid, speaker in quotations.sentence_speaker.items()
    }
    other = Quotations(quotations.quotes, voice, quotations.genders)
    (summary,) = describe_shared(shared, sentences, hits, quotations=other)
    assert summary.startswith(
        "arab-news and people share 6 sentences (mostly quotes of Someone Else)"
    )
