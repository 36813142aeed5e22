"""Who speaks in each outlet: speakers' words, frames in own voice vs quoted, a reading.

Aggregates :func:`framing.analysis.quotes.extract_quotes`'s result per
outlet, so outlets can be compared: the same person quoted by two outlets
has the same name in both.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from framing.analysis.quotes.spans import _merged
from framing.model import FrameVoice, Hit, Quotations, Sentence, SpeakerStat
from framing.text.segment import tokenize_spans

if TYPE_CHECKING:
    from framing.analysis.significance.references import Reference

#: Word tokens as :data:`framing.text.segment.TOKEN_PATTERN` finds them (its other
#: alternative only matches single marks, which are not words).
_WORD_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    """Word tokens of ``text`` as :func:`framing.text.segment.tokenize` counts them.

    The same count as ``sum(map(is_word, tokenize(text)))`` ("don't" and
    "Ukraine's" are two words each, "U.S." one, a dash none), without building
    the tokens.

    >>> count_words("They don’t want Ukraine's U.S. visas — yet.")
    9
    """
    tokens = _WORD_TOKEN_RE.findall(text)
    if "'" in text or "’" in text:
        # Tokens ending in "n't" (longer than that) or "'s" count twice. No token
        # holds a space: two between them mark where each starts and ends.
        joined = f"  {'  '.join(tokens)}  ".lower().replace("’", "'")
        return len(tokens) + joined.count("n't ") - joined.count(" n't ") + joined.count("'s ")
    return len(tokens)


def speaker_table(
    quotations: Quotations, sentences: Sequence[Sentence]
) -> dict[str, tuple[SpeakerStat, ...]]:
    """Per outlet, its speakers with their quotes and words, most words first.

    Words are the word tokens (:func:`framing.text.segment.tokenize`) inside a
    speaker's quotes and statements, a token counted once even when a direct
    quote lies inside a reported statement. Quotes without a speaker are left
    out. Every outlet of ``sentences`` has an entry (empty when it quotes no
    one); ties are broken by number of quotes, then by name.
    """
    outlet_words: Counter[str] = Counter()
    for s in sentences:
        outlet_words[s.outlet] += s.n_words
    return speaker_stats(outlet_words, *speaker_counts(quotations, sentences))


def speaker_counts(
    quotations: Quotations, sentences: Sequence[Sentence]
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """Per (outlet, speaker): quotes, and words inside them; they add up over parts of a corpus."""
    by_id = {s.id: s for s in sentences}
    n_quotes: Counter[tuple[str, str]] = Counter()
    ranges: dict[tuple[str, str, int], list[tuple[int, int]]] = defaultdict(list)
    for q in quotations.quotes:
        if q.speaker is not None and q.sentence in by_id:
            n_quotes[(q.outlet, q.speaker)] += 1
            ranges[(q.outlet, q.speaker, q.sentence)].append((q.start, q.end))
    n_words: Counter[tuple[str, str]] = Counter()
    counted: dict[tuple[str, int, int], int] = {}  # a span's words, by text (copy repeats)
    for (outlet, speaker, sentence_id), spans in ranges.items():
        text = by_id[sentence_id].text
        words = 0
        for a, b in _merged(spans):
            key = (text, a, b)
            count = counted.get(key)
            if count is None:
                count = counted[key] = count_words(text[a:b])
            words += count
        n_words[(outlet, speaker)] += words
    return n_quotes, n_words


def speaker_stats(
    outlet_words: Mapping[str, int],
    n_quotes: Mapping[tuple[str, str], int],
    n_words: Mapping[tuple[str, str], int],
) -> dict[str, tuple[SpeakerStat, ...]]:
    """:func:`speaker_table` from each outlet's words (in outlet order) and the counts."""
    table: dict[str, list[SpeakerStat]] = {outlet: [] for outlet in outlet_words}
    for (outlet, speaker), count in n_quotes.items():
        words = n_words.get((outlet, speaker), 0)
        total = outlet_words[outlet]
        table[outlet].append(SpeakerStat(speaker, count, words, words / total if total else 0.0))
    return {
        outlet: tuple(sorted(stats, key=lambda s: (-s.n_words, -s.n_quotes, s.speaker)))
        for outlet, stats in table.items()
    }


def _hit_voices(
    quotations: Quotations,
    sentence: Sentence,
    hits: Sequence[Hit],
    spans_of: dict[str, list[tuple[str, int, int]]],
) -> Iterator[tuple[Hit, bool, str | None]]:
    """Each hit with whether it is quoted, and by whom (``None``: unknown).

    Hits are located in the text only when that can change the answer: when
    the sentence has quotes and is not wholly attributed to their one speaker.
    ``spans_of`` remembers texts' token spans (copy repeats).
    """
    quotes = quotations.in_sentence(sentence.id)
    attributed = quotations.sentence_speaker.get(sentence.id)
    if attributed is not None and all(q.speaker == attributed for q in quotes):
        quotes = ()
    spans: list[tuple[str, int, int]] = []
    if quotes:
        if sentence.text not in spans_of:
            spans_of[sentence.text] = tokenize_spans(sentence.text)
        spans = spans_of[sentence.text]
    for hit in hits:
        speaker: str | None = None
        quoted = False
        if spans and hit.end <= len(spans):
            start, end = spans[hit.start][1], spans[hit.end - 1][2]
            inside = [q for q in quotes if q.start <= start and end <= q.end]
            if inside:
                quoted = True
                speaker = next((q.speaker for q in inside if q.speaker), None)
        if attributed is not None and speaker is None:
            quoted, speaker = True, attributed
        yield hit, quoted, speaker


def frames_by_voice(
    quotations: Quotations,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    top: int = 3,
) -> dict[tuple[str, str], FrameVoice]:
    """Per (outlet, frame): its sentences in the outlet's own voice vs quoted.

    Only non-negated hits count. A sentence counts as quoted for a frame when
    one of its hits of the frame lies inside a quotation or statement, or when
    the sentence as a whole is attributed to a speaker; it then counts once for
    each speaker of those hits (a quotation without a speaker is quoted, for
    no one). Otherwise it counts as the outlet's own voice. Keys exist only
    for frames an outlet uses, in sorted order; ``top`` speakers are kept.
    """
    return frame_voices(*voice_counts(quotations, sentences, hits), top=top)


#: Per (outlet, frame): sentences in own voice, quoted sentences, and their speakers' counts.
VoiceCounts = tuple[
    Counter[tuple[str, str]], Counter[tuple[str, str]], dict[tuple[str, str], Counter[str]]
]


def voice_counts(
    quotations: Quotations, sentences: Sequence[Sentence], hits: Iterable[Hit]
) -> VoiceCounts:
    """The counts behind :func:`frames_by_voice`: they add up over parts of a corpus."""
    by_id = {s.id: s for s in sentences}
    per_sentence: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        if hit.counts and hit.sentence in by_id:
            per_sentence[hit.sentence].append(hit)
    own: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str]] = Counter()
    speakers: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    spans_of: dict[str, list[tuple[str, int, int]]] = {}
    for sentence_id, sentence_hits in per_sentence.items():
        sentence = by_id[sentence_id]
        frames: dict[str, set[str]] = {}
        quoted_frames: set[str] = set()
        for hit, is_quoted, speaker in _hit_voices(quotations, sentence, sentence_hits, spans_of):
            names = frames.setdefault(hit.frame, set())
            if is_quoted:
                quoted_frames.add(hit.frame)
                if speaker is not None:
                    names.add(speaker)
        for frame, names in frames.items():
            key = (sentence.outlet, frame)
            if frame in quoted_frames:
                quoted[key] += 1
                speakers[key].update(names)
            else:
                own[key] += 1
    return own, quoted, speakers


def frame_voices(
    own: Counter[tuple[str, str]],
    quoted: Counter[tuple[str, str]],
    speakers: Mapping[tuple[str, str], Counter[str]],
    *,
    top: int = 3,
) -> dict[tuple[str, str], FrameVoice]:
    """:func:`frames_by_voice` from :func:`voice_counts` (summed over a corpus)."""
    return {
        key: FrameVoice(
            n_sentences_own_voice=own[key],
            n_sentences_quoted=quoted[key],
            top_speakers=tuple(
                sorted(speakers.get(key, Counter()).items(), key=lambda item: (-item[1], item[0]))[
                    :top
                ]
            ),
        )
        for key in sorted(set(own) | set(quoted))
    }


def describe_voices(
    quotations: Quotations,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    outlet_names: Mapping[str, str] | None = None,
    references: Mapping[str, Reference] | None = None,
    frame_labels: Mapping[str, str] | None = None,
    speakers: Mapping[str, tuple[SpeakerStat, ...]] | None = None,
) -> dict[str, str]:
    """A plain-language reading per outlet: whom it quotes most, and what they carry.

    For example "Military.com quotes Claire Finkelstein most (237 words, 31%
    of its words); her statements carry Legally unprotected civilians (8
    sentences). 3 other speakers quoted." The frame is the one most often
    carried by that speaker's quoted sentences (ties: frame id order).
    ``references`` (:func:`framing.analysis.significance.references.refer_all`),
    when given, name an outlet that rests on one or two articles by its
    articles ("Military.com's article quotes …").
    ``outlet_names`` and ``frame_labels`` map ids to display names; ids are
    used where they are missing. ``speakers`` is :func:`speaker_table`'s
    result when the caller already has it (it is computed otherwise).
    """
    table = speaker_table(quotations, sentences) if speakers is None else speakers
    voices = frames_by_voice(quotations, sentences, hits, top=len(quotations.quotes) + 1)
    return voice_readings(
        table,
        voices,
        quotations.genders,
        outlet_names=outlet_names,
        references=references,
        frame_labels=frame_labels,
    )


def voice_readings(
    table: Mapping[str, tuple[SpeakerStat, ...]],
    voices: Mapping[tuple[str, str], FrameVoice],
    genders: Mapping[str, str],
    *,
    outlet_names: Mapping[str, str] | None = None,
    references: Mapping[str, Reference] | None = None,
    frame_labels: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """:func:`describe_voices` from the speaker table, every speaker's voices and genders."""
    names = outlet_names or {}
    refs = references or {}
    labels = frame_labels or {}
    readings: dict[str, str] = {}
    for outlet, stats in table.items():
        ref = refs.get(outlet)
        display = ref.text if ref else names.get(outlet, outlet)
        quotes, its = ("quote", "their") if ref and ref.plural else ("quotes", "its")
        if not stats:
            readings[outlet] = f"{display} {quotes} no identified speaker."
            continue
        leader = stats[0]
        percent = round(100 * leader.share_of_outlet_words)
        text = (
            f"{display} {quotes} {leader.speaker} most "
            f"({leader.n_words} words, {percent}% of {its} words)"
        )
        carried = sorted(
            (-count, frame)
            for (o, frame), voice in voices.items()
            if o == outlet
            for speaker, count in voice.top_speakers
            if speaker == leader.speaker
        )
        possessive = {"f": "her", "m": "his"}.get(genders.get(leader.speaker, ""))
        whose = possessive or "the speaker's"
        if carried:
            count, frame = -carried[0][0], carried[0][1]
            text += (
                f"; {whose} statements carry {labels.get(frame, frame)} "
                f"({count} sentence{'s' if count != 1 else ''})"
            )
        else:
            text += f"; {whose} statements carry none of the frames"
        others = len(stats) - 1
        if others:
            text += f". {others} other speaker{'s' if others != 1 else ''} quoted"
        readings[outlet] = text + "."
    return readings
