"""The reduce step of the streamed in-depth analysis: chunks' depth state -> results.

:class:`DepthReducer` adds up, in document order, what the map step
(:mod:`framing.analysis.depth_records`) made of each chunk, and gives the
in-depth results of :func:`framing.analysis.in_depth.analyse_in_depth`
without the corpus's sentences and hits:

* **pairwise tests**: each document's sentences and invoking sentences per
  frame, as one ``int32`` row per document (the tables
  :func:`~framing.analysis.significance.pairs.compare_article_tables` reads);
* **tone**: per outlet and frame, at most
  :data:`~framing.analysis.tone.TONE_SAMPLE` sentences (and those of their
  other frames), those first in the seeded order of their ids, with their
  texts (bounded; the sample of :func:`~framing.analysis.tone.tone_sample`),
  scored with VADER at the end (in this process) and summed in id order;
* **quotations**: counts per (outlet, speaker) and (outlet, frame), which
  grow with the speakers, not the sentences; the speaker of each evidence
  candidate still kept;
* **shared copy**: compact arrays, not bounded: per sentence a 128-bit
  hash of its tokens (16 bytes) and its speaker (4 bytes); per text first
  seen in its chunk, its text, compressed, and per unit its word ids
  (4 bytes a word, and 13 bytes a unit); per invoking (sentence, frame),
  16 bytes. The
  alignment itself (:func:`~framing.analysis.shared.groups.align_units`)
  runs once, at the end, on the distinct texts' units, as on a corpus held
  in memory.

Every sum is of whole numbers, or of floats in sentence-id order, and every
choice is by a strict order, so the results equal the in-memory analysis's
and depend neither on the chunking nor on the engine.
"""

from __future__ import annotations

import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from framing.analysis.depth_records import DepthChunk, OutletFrame
from framing.analysis.quotes.voices import frame_voices, speaker_stats, voice_readings
from framing.analysis.shared.groups import DEFAULT_THRESHOLD, align_units
from framing.analysis.shared.summary import Tally, shared_paragraphs
from framing.analysis.shared.units import _Index, _Units
from framing.analysis.significance.pairs import compare_article_tables
from framing.analysis.significance.references import refer_all
from framing.analysis.tone import TONE_SAMPLE, compound_scores, tone_order
from framing.model import (
    DEFAULT_MIN_WORDS,
    AnalysisOptions,
    Ids,
    LexiconSet,
    OutletSummary,
    Quotations,
    SharedCopy,
    SourcesSummary,
    Tone,
)

if TYPE_CHECKING:
    import numpy as np

    from framing.model.records import DocumentRecord


class DepthReducer:
    """Adds up the chunks' in-depth state, in document order; :meth:`finish` gives the results.

    :meth:`add` takes a chunk's records and its :class:`DepthChunk` with the
    corpus-wide id of the chunk's first sentence.
    """

    def __init__(self, lexicons: LexiconSet, options: AnalysisOptions) -> None:
        self.lexicons = lexicons
        self.options = options
        self._frames = lexicons.frame_ids
        self._outlets: _Index[str] = _Index()
        self._n_sentences = 0
        # One row per document: its outlet's index, sentences, invoking sentences per frame.
        self._documents: list[np.ndarray] = []
        # Tone: the rows kept (cell = outlet index x frames + frame, order, sentence id) of
        # the sentences first in a cell's order, and their texts, scored at the end.
        self._tone: tuple[np.ndarray, ...] | None = None
        self._tone_texts: dict[int, str] = {}
        self._invoking: list[np.ndarray] = []  # (sentence id, frame index) of every invocation
        self._hit_frames: dict[str, None] = {}
        self._n_quotes: Counter[tuple[str, str]] = Counter()
        self._n_quote_words: Counter[tuple[str, str]] = Counter()
        self._own: Counter[OutletFrame] = Counter()
        self._quoted: Counter[OutletFrame] = Counter()
        self._voice_speakers: dict[OutletFrame, Counter[str]] = defaultdict(Counter)
        self._genders: dict[str, str] = {}
        self._speakers: _Index[str] = _Index()
        self._sentence_speaker: list[np.ndarray] = []
        self._candidate_speakers: dict[int, str] = {}
        # Shared copy, compact: see the module docstring.
        self._words: _Index[str] = _Index()
        self._text_keys: list[np.ndarray] = []
        self._unit_words: list[np.ndarray] = []
        self._unit_lengths: list[np.ndarray] = []
        self._unit_sentence: list[np.ndarray] = []
        self._unit_quote: list[np.ndarray] = []
        # Per chunk: its first sentence's id, texts, their sentences' ids and byte lengths.
        self._texts: list[tuple[int, bytes, np.ndarray, np.ndarray]] = []
        self._read: tuple[int, bytes, np.ndarray] | None = None  # the chunk of texts last read

    def add(self, records: Sequence[DocumentRecord], depth: DepthChunk | None, offset: int) -> None:
        """Add a chunk: its records and depth state; its first sentence's id is ``offset``."""
        import numpy as np

        if depth is None:
            raise ValueError("the in-depth analysis needs chunks mapped with depth")
        frames = self._frames
        rows = np.zeros((len(records), 2 + len(frames)), dtype=np.int32)
        for k, r in enumerate(records):
            rows[k, 0] = self._outlets[r.summary.outlet]
            rows[k, 1] = r.summary.n_sentences
        rows[:, 2:] = depth.document_invoking
        self._documents.append(rows)
        sentence_outlet = np.repeat(rows[:, 0], rows[:, 1])
        n = len(sentence_outlet)

        ids = depth.tone_sentence + offset
        cells = sentence_outlet[depth.tone_sentence].astype(np.int64) * len(frames)
        cells += depth.tone_frame
        scored = np.unique(depth.tone_sentence)  # the sentences of tone_texts, in order
        self._tone_texts.update(zip((scored + offset).tolist(), depth.tone_texts, strict=True))
        self._add_tone(cells, ids)
        self._invoking.append(np.stack([ids, depth.tone_frame.astype(np.int64)], axis=1))
        self._hit_frames.update(dict.fromkeys(depth.hit_frames))

        self._n_quotes.update(depth.n_quotes)
        self._n_quote_words.update(depth.n_quote_words)
        self._own.update(depth.voice_own)
        self._quoted.update(depth.voice_quoted)
        for key, counts in depth.voice_speakers.items():
            self._voice_speakers[key].update(counts)
        self._genders.update(depth.genders)
        lookup = np.array([self._speakers[s] for s in depth.speakers] + [-1], dtype=np.int32)
        self._sentence_speaker.append(lookup[depth.sentence_speaker])  # -1 reads the last
        self._candidate_speakers.update(
            (offset + sid, speaker) for sid, speaker in depth.candidate_speakers.items()
        )

        words = np.array([self._words[w] for w in depth.vocabulary], dtype=np.int32)
        self._text_keys.append(depth.text_keys)
        self._unit_words.append(words[depth.unit_words])
        self._unit_lengths.append(depth.unit_lengths)
        self._unit_sentence.append(depth.unit_sentence.astype(np.int64) + offset)
        self._unit_quote.append(depth.unit_quote)
        self._texts.append((offset, depth.texts, depth.text_sentence, depth.text_lengths))
        self._n_sentences = offset + n

    def _add_tone(self, cells: np.ndarray, ids: np.ndarray) -> None:
        """Keep the rows of the sentences among the first :data:`TONE_SAMPLE` of a cell.

        The order is the seeded order of the sentence ids (:func:`tone_order`).
        """
        import numpy as np

        order = tone_order(ids, self.options.seed)
        if self._tone is not None:
            cells, order, ids = (
                np.concatenate([kept, new])
                for kept, new in zip(self._tone, (cells, order, ids), strict=True)
            )
        sort = np.lexsort((order, cells))
        cells, order, ids = cells[sort], order[sort], ids[sort]
        if not len(cells):
            self._tone = (cells, order, ids)
            self._tone_texts.clear()
            return
        starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
        rank = np.arange(len(cells)) - np.repeat(starts, np.diff(np.r_[starts, len(cells)]))
        # A sentence first in the order of one of its cells is scored for all its frames
        # (as tone_sample and score_tone do): keep all its rows. Every cell's true first
        # TONE_SAMPLE rows are always kept, so the ranks among the rows kept are the true ones.
        chosen = np.unique(ids[rank < TONE_SAMPLE])
        keep = np.isin(ids, chosen)
        self._tone = (cells[keep], order[keep], ids[keep])
        texts = self._tone_texts
        self._tone_texts = {i: texts[i] for i in chosen.tolist()}

    def keep_speakers(self, sentence_ids: Collection[int]) -> None:
        """Forget the speakers of evidence candidates no longer kept."""
        self._candidate_speakers = {
            i: s for i, s in self._candidate_speakers.items() if i in sentence_ids
        }

    def speakers(self) -> tuple[str, ...]:
        """Every speaker quoted (for the names kept out of the lexicon candidates)."""
        return tuple(dict.fromkeys(speaker for _, speaker in self._n_quotes))

    def finish(
        self,
        *,
        outlets: Sequence[OutletSummary],
        cited: Collection[int],
    ) -> dict[str, Any]:
        """The :class:`~framing.model.Analysis` fields of the in-depth analyses.

        ``outlets`` are the reduce's, in order; ``cited`` the ids of the
        evidence and denial sentences, whose speakers are kept in
        ``quotations`` (which holds no quote: the report reads the speakers,
        voices and readings computed here).
        """
        import numpy as np

        lexicons, options = self.lexicons, self.options
        documents = (
            _joined(self._documents)
            if self._documents
            else np.zeros((0, 2 + len(self._frames)), dtype=np.int32)
        )
        position = [self._outlets[o.id] for o in outlets]
        pairs = compare_article_tables(
            [documents[documents[:, 0] == p, 1:].astype(np.int64) for p in position],
            outlets=outlets,
            lexicons=lexicons,
            n_permutations=options.n_permutations,
            seed=options.seed,
        )
        tone = self._tone_means(outlets)
        shared = self._shared(documents)
        speaker_of = _joined(self._sentence_speaker)
        names = list(self._speakers)
        quotations = Quotations(
            (),
            {i: self._candidate_speakers.get(i) for i in sorted(cited)},
            dict(self._genders),
        )
        table = speaker_stats(
            {o.id: o.n_tokens for o in outlets}, self._n_quotes, self._n_quote_words
        )
        voices = frame_voices(self._own, self._quoted, self._voice_speakers)
        references = refer_all(outlets)
        outlet_names = {o.id: o.name for o in outlets}
        labels = {f.id: f.label for f in lexicons.frames}
        sources = SourcesSummary(
            **self._shared_views(shared, documents, speaker_of, names, outlets, references),
            voice_readings=voice_readings(
                table,
                frame_voices(self._own, self._quoted, self._voice_speakers, top=sys.maxsize),
                self._genders,
                outlet_names=outlet_names,
                references=references,
                frame_labels=labels,
            ),
        )
        return {
            "pairs": pairs,
            "tone": tone,
            "shared": shared,
            "quotations": quotations,
            "sources": sources,
            "speakers": table,
            "voices": voices,
        }

    def _tone_means(self, outlets: Sequence[OutletSummary]) -> dict[tuple[str, str], Tone]:
        """:func:`~framing.analysis.tone.score_tone` of the sample kept."""
        import numpy as np

        sums: dict[int, float] = defaultdict(float)
        counts: Counter[int] = Counter()
        if self._tone is not None:
            cells, _, ids = self._tone
            scored = sorted(self._tone_texts)
            texts = [self._tone_texts[i] for i in scored]
            # Here, in this process: a pool forked beside an engine's threads (Dask's) can
            # deadlock, and the sample is small (at most TONE_SAMPLE a cell, ~60 µs each).
            score_of = dict(zip(scored, compound_scores(texts), strict=True))
            sort = np.lexsort((ids, cells))
            for cell, i in zip(cells[sort].tolist(), ids[sort].tolist(), strict=True):
                sums[cell] += score_of[i]
                counts[cell] += 1
        n_frames = len(self._frames)
        result: dict[tuple[str, str], Tone] = {}
        for o in outlets:
            for j, f in enumerate(self._frames):
                cell = self._outlets[o.id] * n_frames + j
                n = counts[cell]
                result[(o.id, f)] = Tone(o.id, f, n, sums[cell] / n if n else None)
        return result

    def _shared(self, documents: np.ndarray) -> SharedCopy:
        """:func:`~framing.analysis.shared.align_shared` from the compact arrays."""
        import numpy as np

        n = self._n_sentences
        outlet_of = np.repeat(documents[:, 0].astype(np.int64), documents[:, 1])
        keys = np.ascontiguousarray(_joined(self._text_keys))
        flat = keys.view(np.dtype((np.void, 16))).ravel()
        _, first, inverse = np.unique(flat, return_index=True, return_inverse=True)
        by_first = np.argsort(first, kind="stable")
        rank = np.empty_like(by_first)
        rank[by_first] = np.arange(len(by_first))
        text_of = rank[inverse.ravel()].astype(np.int64)
        is_first = np.zeros(n, dtype=bool)
        is_first[first] = True

        lengths = _joined(self._unit_lengths)
        words = _joined(self._unit_words)
        unit_sentence = _joined(self._unit_sentence)
        quote = _joined(self._unit_quote)
        units = _Units([], [], [], [], len(self._words))
        index: dict[tuple[int, ...], int] = {}
        starts = np.cumsum(lengths) - lengths
        for u in np.flatnonzero(is_first[unit_sentence]).tolist():
            key = tuple((words[starts[u] : starts[u] + lengths[u]] + 1).tolist())
            unit = index.get(key)
            if unit is None:
                unit = index[key] = len(units.keys)
                units.keys.append(key)
                units.is_quote.append(bool(quote[u]))
            elif quote[u]:
                units.is_quote[unit] = True
            units.member_unit.append(unit)
            units.member_text.append(int(text_of[unit_sentence[u]]))
        return align_units(
            units,
            outlet_of=outlet_of,
            text_of=text_of,
            ids=np.arange(n, dtype=np.int64),
            outlets=tuple(self._outlets),
            example=self._text,
            threshold=DEFAULT_THRESHOLD,
            min_words=DEFAULT_MIN_WORDS,
        )

    def _text(self, sentence: int) -> str:
        """The text of the first sentence of a text in its chunk (the last chunk read is kept).

        Only those texts are kept; a shared group's first sentence is one.
        """
        import numpy as np

        firsts = [first for first, _, _, _ in self._texts]
        chunk = int(np.searchsorted(firsts, sentence, side="right")) - 1
        first, blob, kept, lengths = self._texts[chunk]
        read = self._read
        if read is None or read[0] != chunk:
            read = self._read = (chunk, zlib.decompress(blob), np.cumsum(lengths) - lengths)
        k = int(np.searchsorted(kept, sentence - first))
        if k == len(kept) or kept[k] != sentence - first:
            raise ValueError(f"the text of sentence {sentence} was not kept")
        start = int(read[2][k])
        return read[1][start : start + int(lengths[k])].decode()

    def _shared_views(
        self,
        shared: SharedCopy,
        documents: np.ndarray,
        speaker_of: np.ndarray,
        speakers: Sequence[str],
        outlets: Sequence[OutletSummary],
        references: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Shared fractions, frames by origin and the shared-copy readings, from the arrays."""
        import numpy as np

        groups = shared.sentence_group
        group = (
            np.frombuffer(groups.tobytes(), dtype=np.int64)
            if isinstance(groups, Ids)
            else np.asarray(groups, dtype=np.int64)
        )
        if len(group) < self._n_sentences:
            group = np.r_[group, np.full(self._n_sentences - len(group), -1)]
        outlet_ids = list(self._outlets)
        outlet_of = np.repeat(documents[:, 0].astype(np.int64), documents[:, 1])
        is_shared = group >= 0
        n_per = np.bincount(outlet_of, minlength=len(outlet_ids))
        n_shared = np.bincount(outlet_of[is_shared], minlength=len(outlet_ids))
        fraction = {o: int(n_shared[k]) / int(n_per[k]) for k, o in enumerate(outlet_ids)}

        invoking = _joined(self._invoking) if self._invoking else np.zeros((0, 2), dtype=np.int64)
        frames = self._frames
        sid, frame = invoking[:, 0], invoking[:, 1]
        cell = outlet_of[sid] * len(frames) + frame
        size = len(outlet_ids) * len(frames)
        all_counts = np.bincount(cell, minlength=size)
        shared_counts = np.bincount(cell[is_shared[sid]], minlength=size)
        frame_at = {f: j for j, f in enumerate(frames)}
        by_origin: dict[tuple[str, str], tuple[int, int]] = {}
        for k, o in enumerate(outlet_ids):
            for f in self._hit_frames:
                c = k * len(frames) + frame_at[f]
                by_origin[(o, f)] = (int(shared_counts[c]), int(all_counts[c] - shared_counts[c]))

        total: dict[str, Tally] = defaultdict(Tally)
        for k, o in enumerate(outlet_ids):
            total[o].n = int(n_per[k])
            for j, f in enumerate(frames):
                if all_counts[k * len(frames) + j]:
                    total[o].frames[f] = int(all_counts[k * len(frames) + j])
        part: dict[tuple[int, str], Tally] = defaultdict(Tally)
        groups_of: dict[str, set[int]] = defaultdict(set)
        speakers_of: dict[int, set[str]] = defaultdict(set)
        # Counted with numpy over the shared sentences, then read per distinct key.
        n_outlets, n_frames = len(outlet_ids), len(frames)
        members = np.flatnonzero(is_shared)
        keys, counts = np.unique(
            group[members] * n_outlets + outlet_of[members], return_counts=True
        )
        for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
            g, o = divmod(key, n_outlets)
            part[(g, outlet_ids[o])].n = count
            groups_of[outlet_ids[o]].add(g)
        rows = invoking[is_shared[sid]]
        codes = (group[rows[:, 0]] * n_outlets + outlet_of[rows[:, 0]]) * n_frames + rows[:, 1]
        keys, counts = np.unique(codes, return_counts=True)
        for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
            rest, j = divmod(key, n_frames)
            g, o = divmod(rest, n_outlets)
            part[(g, outlet_ids[o])].frames[frames[j]] = count
        voiced = members[speaker_of[members] >= 0]
        pairs = np.unique(group[voiced] * len(speakers) + speaker_of[voiced])
        for key in pairs.tolist():
            g, k = divmod(key, len(speakers))
            speakers_of[g].add(speakers[k])
        names = {o.id: o.name for o in outlets}
        return {
            "shared_fraction": fraction,
            "frames_by_origin": by_origin,
            "shared_readings": shared_paragraphs(
                shared,
                total=total,
                part=part,
                groups_of=groups_of,
                speakers_of=speakers_of,
                names={
                    o: references[o].text if o in references else names.get(o, o)
                    for o in shared.outlets
                },
                refs=references,
                label={f.id: f.label for f in self.lexicons.frames},
                frame_order=list(frames),
                max_pairs=10,
            ),
        }


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """The chunks' arrays as one, which then replaces them in ``arrays`` (no copy kept twice)."""
    import numpy as np

    if len(arrays) != 1:
        arrays[:] = [np.concatenate(arrays)]
    return arrays[0]
