"""The map step of the streamed in-depth analysis: a chunk's sentences -> what depth needs.

:func:`depth_chunk` runs in the map step (:func:`framing.analysis.records.map_documents`,
with ``depth``) on the sentences and hits of one chunk of documents, and
returns a :class:`DepthChunk`, so that the reduce step
(:mod:`framing.analysis.depth_reduce`) never needs the sentences:

* **tone**: the text of every sentence that invokes a frame, with the
  frames it invokes (the reduce keeps, per outlet and frame, the
  :data:`~framing.analysis.tone.TONE_SAMPLE` sentences that come first in
  the seeded order of their corpus-wide ids, the sample of
  :func:`~framing.analysis.tone.tone_sample`, and scores them at the end);
* **quotations**: per outlet and speaker, quotes and the words inside them;
  per outlet and frame, sentences in the outlet's own voice and quoted ones,
  and by whom (:func:`~framing.analysis.quotes.voices.voice_counts`); the
  speakers' genders; each sentence's speaker (as an index into the chunk's
  speakers), and the speakers of the evidence candidates;
* **shared copy**: each sentence's 128-bit hash of its tokens (which
  sentences have the same text), the units of each text's first sentence in
  the chunk as word ids into the chunk's own word list
  (:func:`~framing.analysis.shared.units.text_units`) with a 128-bit hash
  of each unit's words (which units are the same, across chunks), and the
  sentences' texts of those first sentences, compressed, from which the
  reduce reads the example of each group.

Sentence ids count from the chunk's first sentence, as in
:mod:`framing.analysis.records`. Pairwise tests need no more than the
per-document records: each document's sentences and invoking sentences per
frame.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from typing import TYPE_CHECKING

from framing.analysis.quotes import extract_quotes
from framing.analysis.quotes.voices import speaker_counts, voice_counts
from framing.analysis.shared.units import _WordIds, text_units
from framing.model import DEFAULT_MIN_WORDS, SUPPORT, Hit, Sentence

if TYPE_CHECKING:
    import numpy as np

OutletFrame = tuple[str, str]


@dataclass(frozen=True)
class DepthChunk:
    """What a chunk of documents contributes to the in-depth analyses.

    Tone: ``tone_sentence`` and ``tone_frame`` (index in the lexicons'
    frames), one row per (invoking sentence, frame), by sentence;
    ``tone_texts`` the text of each invoking sentence, in order.
    ``hit_frames`` are the frames any hit names, in the order first named.
    ``document_invoking[d, j]`` counts the sentences of the chunk's ``d``-th
    document with a non-negated hit of frame ``j`` (of any reading: the
    pairwise tests' definition, :func:`~framing.analysis.significance.compare_pairs`).
    Quotations: ``n_quotes`` and ``n_quote_words`` per (outlet, speaker);
    ``voice_own``, ``voice_quoted`` and ``voice_speakers`` per (outlet,
    frame), see :func:`~framing.analysis.quotes.voices.voice_counts`;
    ``genders`` as found, in order; ``speakers`` the chunk's speakers and
    ``sentence_speaker`` each sentence's index into them (-1: own voice);
    ``candidate_speakers`` the speaker of each evidence candidate that has
    one. Shared copy: ``text_keys`` (one row of two 64-bit halves per
    sentence), ``vocabulary`` (word forms, in first-seen order),
    ``unit_words`` (word indexes, flat), ``unit_lengths``,
    ``unit_sentence``, ``unit_quote`` and ``unit_keys`` (a 128-bit hash of
    the unit's words, which units are the same), for the units of each
    text's first sentence in the chunk; ``texts``, the UTF-8 texts of those first
    sentences (``text_sentence``) joined and compressed, of ``text_lengths``
    bytes each (a shared group's example is the text of its first sentence,
    the first of its text in the corpus).
    """

    tone_sentence: np.ndarray
    tone_frame: np.ndarray
    tone_texts: tuple[str, ...]
    document_invoking: np.ndarray
    hit_frames: tuple[str, ...]
    n_quotes: Counter[tuple[str, str]]
    n_quote_words: Counter[tuple[str, str]]
    voice_own: Counter[OutletFrame]
    voice_quoted: Counter[OutletFrame]
    voice_speakers: Mapping[OutletFrame, Counter[str]]
    genders: Mapping[str, str]
    speakers: tuple[str, ...]
    sentence_speaker: np.ndarray
    candidate_speakers: Mapping[int, str]
    text_keys: np.ndarray
    vocabulary: tuple[str, ...]
    unit_words: np.ndarray
    unit_lengths: np.ndarray
    unit_sentence: np.ndarray
    unit_quote: np.ndarray
    unit_keys: np.ndarray
    texts: bytes
    text_sentence: np.ndarray
    text_lengths: np.ndarray


def depth_chunk(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    *,
    frame_ids: Sequence[str],
    candidates: Collection[int],
    min_words: int = DEFAULT_MIN_WORDS,
) -> DepthChunk:
    """The in-depth state of one chunk: ``sentences`` (ids from 0, in order) and their ``hits``.

    ``candidates`` are the ids of the chunk's evidence and denial candidates,
    whose speakers the report shows.
    """
    import numpy as np

    frame_index = {f: j for j, f in enumerate(frame_ids)}
    invoked: dict[int, set[int]] = {}
    hit_frames: dict[str, None] = {}
    pairs: set[tuple[int, int]] = set()  # (sentence, frame) of the non-negated hits
    for hit in hits:
        frame = hit.frame
        hit_frames.setdefault(frame)
        j = frame_index.get(frame)
        if j is None:
            continue
        if not hit.negated:
            pairs.add((hit.sentence, j))
            if hit.reading == SUPPORT:  # hit.counts
                invoked.setdefault(hit.sentence, set()).add(j)
    document_of = np.zeros(len(sentences), dtype=np.int64)
    for k in range(1, len(sentences)):
        changed = sentences[k].document != sentences[k - 1].document
        document_of[k] = document_of[k - 1] + changed
    n_documents = int(document_of[-1]) + 1 if len(sentences) else 0
    document_invoking = np.zeros((n_documents, len(frame_ids)), dtype=np.int32)
    for sentence, j in pairs:
        document_invoking[document_of[sentence], j] += 1

    scored = sorted(invoked)
    rows = [(i, j) for i in scored for j in sorted(invoked[i])]
    tone_sentence = np.array([r[0] for r in rows], dtype=np.int64)
    tone_frame = np.array([r[1] for r in rows], dtype=np.int32)

    quotations = extract_quotes(sentences)
    n_quotes, n_quote_words = speaker_counts(quotations, sentences)
    voice_own, voice_quoted, voice_speakers = voice_counts(quotations, sentences, hits)
    speaker_index: dict[str, int] = {}
    sentence_speaker = np.full(len(sentences), -1, dtype=np.int32)
    for sid, speaker in quotations.sentence_speaker.items():
        if speaker is not None:
            sentence_speaker[sid] = speaker_index.setdefault(speaker, len(speaker_index))
    candidate_speakers = {
        sid: speaker
        for sid in sorted(candidates)
        if (speaker := quotations.sentence_speaker.get(sid)) is not None
    }

    ids = _WordIds()
    keys = np.zeros((len(sentences), 2), dtype=np.uint64)
    seen: set[bytes] = set()
    unit_words: list[int] = []
    unit_lengths: list[int] = []
    unit_sentence: list[int] = []
    unit_quote: list[bool] = []
    encoded: list[bytes] = []
    firsts: list[int] = []
    digests: dict[str, bytes] = {}  # by text: the same text has the same tokens
    for k, s in enumerate(sentences):
        digest = digests.get(s.text)
        if digest is None:
            digest = blake2b("\x1f".join(s.tokens).encode(), digest_size=16).digest()
            digests[s.text] = digest
        keys[k] = np.frombuffer(digest, dtype=np.uint64)
        if digest in seen:
            continue  # a text's units and text are kept of its first sentence only
        seen.add(digest)
        encoded.append(s.text.encode())
        firsts.append(k)
        for key, quote in text_units(s.text, s.tokens, ids, min_words):
            unit_words.extend(key)
            unit_lengths.append(len(key))
            unit_sentence.append(k)
            unit_quote.append(quote)
    # A unit's key hashes its words (not the chunk's ids), so that the reduce knows it anywhere.
    forms = list(ids.words)
    unit_keys: list[bytes] = []
    at = 0
    for length in unit_lengths:
        words = "\x1f".join([forms[w - 1] for w in unit_words[at : at + length]])
        unit_keys.append(blake2b(words.encode(), digest_size=16).digest())
        at += length
    return DepthChunk(
        tone_sentence=tone_sentence,
        tone_frame=tone_frame,
        tone_texts=tuple(sentences[i].text for i in scored),
        document_invoking=document_invoking,
        hit_frames=tuple(hit_frames),
        n_quotes=n_quotes,
        n_quote_words=n_quote_words,
        voice_own=voice_own,
        voice_quoted=voice_quoted,
        voice_speakers=dict(voice_speakers),
        genders=dict(quotations.genders),
        speakers=tuple(speaker_index),
        sentence_speaker=sentence_speaker,
        candidate_speakers=candidate_speakers,
        text_keys=keys,
        vocabulary=tuple(ids.words),
        unit_words=np.array(unit_words, dtype=np.int32) - 1,
        unit_lengths=np.array(unit_lengths, dtype=np.int32),
        unit_sentence=np.array(unit_sentence, dtype=np.int32),
        unit_quote=np.array(unit_quote, dtype=bool),
        unit_keys=np.frombuffer(b"".join(unit_keys), dtype=np.uint64).reshape(-1, 2),
        texts=zlib.compress(b"".join(encoded), 1),
        text_sentence=np.array(firsts, dtype=np.int32),
        text_lengths=np.array([len(e) for e in encoded], dtype=np.int32),
    )
