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
* **shared copy** (:class:`~framing.analysis.depth_shared.CopyReducer`):
  per sentence its text id, outlet and speaker, and its invocations, in
  temporary files on disk; in memory, per distinct text its hash and units.
  The alignment runs once, at the end, on the distinct texts' units, as on
  a corpus held in memory, and the sentences are then read back a block at
  a time.

Every sum is of whole numbers, or of floats in sentence-id order, and every
choice is by a strict order, so the results equal the in-memory analysis's
and depend neither on the chunking nor on the engine.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from framing.analysis.depth_records import DepthChunk, OutletFrame
from framing.analysis.depth_shared import CopyReducer
from framing.analysis.quotes.voices import frame_voices, speaker_stats, voice_readings
from framing.analysis.shared.summary import shared_paragraphs
from framing.analysis.shared.units import _Index
from framing.analysis.significance.pairs import compare_article_tables
from framing.analysis.significance.references import refer_all
from framing.analysis.tone import TONE_SAMPLE, compound_scores, tone_order
from framing.model import (
    AnalysisOptions,
    LexiconSet,
    OutletSummary,
    Quotations,
    SourcesSummary,
    Tone,
)
from framing.parallel import default_jobs

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
        # The ids of the sentences kept (sorted), and each cell's TONE_SAMPLE-th order.
        self._tone_chosen: np.ndarray = _no_ids()
        self._limit: np.ndarray = _no_ids().astype("uint64")
        self._hit_frames: dict[str, None] = {}
        self._n_quotes: Counter[tuple[str, str]] = Counter()
        self._n_quote_words: Counter[tuple[str, str]] = Counter()
        self._own: Counter[OutletFrame] = Counter()
        self._quoted: Counter[OutletFrame] = Counter()
        self._voice_speakers: dict[OutletFrame, Counter[str]] = defaultdict(Counter)
        self._genders: dict[str, str] = {}
        self._speakers: _Index[str] = _Index()
        self._candidate_speakers: dict[int, str] = {}
        # Shared copy: per sentence on disk, per distinct text in memory (depth_shared).
        self._copy = CopyReducer()

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
        self._add_tone(cells, ids, depth.tone_texts)
        self._hit_frames.update(dict.fromkeys(depth.hit_frames))

        self._n_quotes.update(depth.n_quotes)
        self._n_quote_words.update(depth.n_quote_words)
        self._own.update(depth.voice_own)
        self._quoted.update(depth.voice_quoted)
        for key, counts in depth.voice_speakers.items():
            self._voice_speakers[key].update(counts)
        self._genders.update(depth.genders)
        lookup = np.array([self._speakers[s] for s in depth.speakers] + [-1], dtype=np.int32)
        self._candidate_speakers.update(
            (offset + sid, speaker) for sid, speaker in depth.candidate_speakers.items()
        )
        self._copy.add(
            depth,
            offset=offset,
            outlet=sentence_outlet,
            speaker=lookup[depth.sentence_speaker],  # -1 reads the last
            invoking=ids,
            frame=depth.tone_frame,
        )
        self._n_sentences = offset + n

    def _add_tone(self, cells: np.ndarray, ids: np.ndarray, texts: Sequence[str]) -> None:
        """Keep the rows of the sentences among the first :data:`TONE_SAMPLE` of a cell.

        ``cells`` and ``ids`` are a chunk's rows, by sentence id; ``texts`` the
        texts of its distinct ids, in order. The order is the seeded order of
        the sentence ids (:func:`tone_order`).
        """
        import numpy as np

        order = tone_order(ids, self.options.seed)
        distinct = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else ids
        scored = ids[distinct]  # the ids of ``texts``
        if len(scored) != len(texts):
            raise ValueError(f"{len(texts)} tone texts for {len(scored)} sentences")
        if self._tone is not None:
            # A sentence none of whose rows comes before its cell's TONE_SAMPLE-th row kept
            # can never be among the first: leave its rows out before sorting. (Rows after a
            # cell's first TONE_SAMPLE do not change the ranks of those first ones.)
            limit = self._limit
            known = cells < len(limit)
            can = ~known
            can[known] = order[known] <= limit[cells[known]]
            entering = np.unique(ids[can])
            new = np.isin(ids, entering)
            cells, order, ids = (
                np.concatenate([kept, fresh[new]])
                for kept, fresh in zip(self._tone, (cells, order, ids), strict=True)
            )
        sort = np.lexsort((order, cells))
        cells, order, ids = cells[sort], order[sort], ids[sort]
        starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]]) if len(cells) else cells
        rank = np.arange(len(cells)) - np.repeat(starts, np.diff(np.r_[starts, len(cells)]))
        # A sentence first in the order of one of its cells is scored for all its frames
        # (as tone_sample and score_tone do): keep all its rows. Every cell's true first
        # TONE_SAMPLE rows are always kept, so the ranks among the rows kept are the true ones.
        chosen = np.unique(ids[rank < TONE_SAMPLE])
        keep = np.isin(ids, chosen)
        self._tone = (cells[keep], order[keep], ids[keep])
        last = rank == TONE_SAMPLE - 1  # each full cell's TONE_SAMPLE-th row
        limit = np.full(int(cells.max()) + 1 if len(cells) else 0, _NO_LIMIT, dtype=np.uint64)
        limit[cells[last]] = order[last]
        self._limit = limit
        # The texts of the sentences chosen: new ones from this chunk, the others' dropped.
        dropped = np.setdiff1d(self._tone_chosen, chosen, assume_unique=True)
        for i in dropped.tolist():
            del self._tone_texts[i]
        added = np.setdiff1d(chosen, self._tone_chosen, assume_unique=True)
        at = np.searchsorted(scored, added)
        self._tone_texts.update(zip(added.tolist(), [texts[k] for k in at.tolist()], strict=True))
        self._tone_chosen = chosen

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
        voices and readings computed here). The temporary files of the
        shared copy are freed, even when this fails.
        """
        try:
            return self._finish(outlets, cited)
        finally:
            self._copy.close()

    def _finish(self, outlets: Sequence[OutletSummary], cited: Collection[int]) -> dict[str, Any]:
        import numpy as np

        lexicons, options = self.lexicons, self.options
        documents = (
            _joined(self._documents)
            if self._documents
            else np.zeros((0, 2 + len(self._frames)), dtype=np.int32)
        )
        position = [self._outlets[o.id] for o in outlets]
        # The pairwise tests (numpy, mostly outside the GIL) run in a thread while the
        # shared copy and tone are finished here: they share nothing.
        with ThreadPoolExecutor(1) as background:
            testing = background.submit(
                compare_article_tables,
                [documents[documents[:, 0] == p, 1:].astype(np.int64) for p in position],
                outlets=outlets,
                lexicons=lexicons,
                n_permutations=options.n_permutations,
                seed=options.seed,
                threads=options.jobs or default_jobs(),
            )
            tone = self._tone_means(outlets)
            shared, tallies = self._copy.finish(
                outlets=tuple(self._outlets),
                frames=self._frames,
                speakers=list(self._speakers),
                hit_frames=list(self._hit_frames),
            )
            pairs = testing.result()
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
            shared_fraction=tallies.shared_fraction,
            frames_by_origin=tallies.frames_by_origin,
            shared_readings=shared_paragraphs(
                shared,
                total=tallies.total,
                part=tallies.part,
                groups_of=tallies.groups_of,
                speakers_of=tallies.speakers_of,
                names={
                    o: references[o].text if o in references else outlet_names.get(o, o)
                    for o in shared.outlets
                },
                refs=references,
                label=labels,
                frame_order=list(self._frames),
                max_pairs=10,
            ),
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


#: The limit of a cell that has fewer than TONE_SAMPLE rows: any order may enter.
_NO_LIMIT = 2**64 - 1


def _no_ids() -> np.ndarray:
    import numpy as np

    return np.zeros(0, dtype=np.int64)


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    """The chunks' arrays as one, which then replaces them in ``arrays`` (no copy kept twice)."""
    import numpy as np

    if len(arrays) != 1:
        arrays[:] = [np.concatenate(arrays)]
    return arrays[0]
