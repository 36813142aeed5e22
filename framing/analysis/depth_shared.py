"""Shared copy in the streamed in-depth analysis: per-sentence state on disk, passes at the end.

:class:`CopyReducer` takes, chunk by chunk, what the map step
(:mod:`framing.analysis.depth_records`) made of the chunk's sentences, and
gives the shared copy (:class:`~framing.model.SharedCopy`) and the tallies of
the shared-copy views, equal to those of
:func:`~framing.analysis.shared.align_shared` over the corpus held in memory.

What it keeps, as the chunks come in:

* **in memory, per distinct text** (a text is a sentence's tokens): its
  128-bit hash and id (:class:`~framing.analysis.shared.spill.KeyTable`,
  24 bytes), its units when the text is new to the corpus (word ids,
  4 bytes a word; per distinct unit its hash and id, 24 bytes, and 13
  bytes; per unit of a new text 17 bytes), and each (text, outlet) pair
  seen (8 bytes). Texts are numbered as they come, in first-seen order, as
  the alignment numbers them;
* **on disk, per sentence** (:class:`~framing.analysis.shared.spill.Spill`,
  unnamed temporary files): its text id, outlet and speaker, 4 bytes each;
  per invoking (sentence, frame), 12 bytes; per chunk, the compressed texts
  of its texts' first sentences, read back for each group's example;
* **per chunk**, a few integers.

At the end, the alignment runs on the distinct texts' units
(:func:`~framing.analysis.shared.groups.shared_components`), then three
passes over the sentences, a block of about a million at a time, number the
groups by their first sentence, write each sentence's group and each
group's sentence ids to disk (the result's
:class:`~framing.analysis.shared.spill.SpilledIds` read them there), and
count what the views need. No Python object is made per sentence; the
groups, their outlets and speakers are Python objects, one per group.
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from framing.analysis.shared.groups import DEFAULT_THRESHOLD, shared_components, shared_method
from framing.analysis.shared.spill import (
    KeyTable,
    SortedUnion,
    SparseCounts,
    Spill,
    SpilledIds,
)
from framing.analysis.shared.summary import Tally
from framing.analysis.shared.units import _Index, _Units
from framing.model import DEFAULT_MIN_WORDS, SharedCopy, SharedGroup

if TYPE_CHECKING:
    import numpy as np

    from framing.analysis.depth_records import DepthChunk

#: About this many sentences are read back at a time at the end (whole chunks).
BLOCK_SENTENCES = 1 << 20


@dataclass
class CopyTallies:
    """What the shared-copy views count: see :meth:`CopyReducer.finish`."""

    shared_fraction: dict[str, float]
    frames_by_origin: dict[tuple[str, str], tuple[int, int]]
    total: dict[str, Tally]
    part: dict[tuple[int, str], Tally]
    groups_of: dict[str, set[int]]
    speakers_of: dict[int, set[str]]


@dataclass(frozen=True)
class _Chunk:
    """Where a chunk's rows are: its first sentence, sentences, invocations, texts."""

    first: int
    n: int
    invoking: int  # row of its first invocation
    n_invoking: int
    blob: int  # byte of its compressed texts
    n_blob: int
    texts: int  # row of its first kept text
    n_texts: int


class CopyReducer:
    """The shared copy of a stream of chunks (see the module docstring).

    ``directory`` is where the temporary files are made (the system's
    temporary directory by default). :meth:`close` frees them (also done by
    :meth:`finish`, even when it fails); the result keeps open only the two
    files its sentence ids are read from.
    """

    def __init__(self, directory: str | None = None) -> None:
        self.spill = Spill(directory)
        self._texts = KeyTable()
        self._unit_keys = KeyTable()
        self._words: _Index[str] = _Index()
        self._nodes = SortedUnion()
        self._n_outlets = 0
        self._unit_words: list[np.ndarray] = []
        self._unit_lengths: list[np.ndarray] = []
        self._member_unit: list[np.ndarray] = []
        self._member_text: list[np.ndarray] = []
        self._member_quote: list[np.ndarray] = []
        self._chunks: list[_Chunk] = []
        self._firsts: list[int] = []
        self._read: tuple[int, bytes, np.ndarray, np.ndarray, np.ndarray] | None = None

    def add(
        self,
        depth: DepthChunk,
        *,
        offset: int,
        outlet: np.ndarray,
        speaker: np.ndarray,
        invoking: np.ndarray,
        frame: np.ndarray,
    ) -> None:
        """Add a chunk from sentence ``offset`` on: each sentence's ``outlet`` and ``speaker``
        (indexes; -1: none), and its invoking (sentence id, ``frame`` index) rows."""
        import numpy as np

        spill = self.spill
        if offset != spill.rows("text"):
            raise ValueError(f"chunk at sentence {offset}, after {spill.rows('text')} sentences")
        text, new = self._texts.ids(depth.text_keys)
        spill.append("text", text.astype(np.int32))
        spill.append("outlet", outlet.astype(np.int32))
        spill.append("speaker", speaker.astype(np.int32))
        self._n_outlets = max(self._n_outlets, int(outlet.max()) + 1 if len(outlet) else 0)
        self._nodes.add(text * (1 << 32) + outlet)
        start = spill.append("invoking", invoking.astype(np.int64))
        spill.append("invoking_frame", frame.astype(np.int32))

        words = np.array([self._words[w] for w in depth.vocabulary], dtype=np.int32)
        keep = np.flatnonzero(new[depth.unit_sentence])  # units of texts new to the corpus
        if len(keep):
            unit, unit_new = self._unit_keys.ids(depth.unit_keys[keep])
            lengths = depth.unit_lengths.astype(np.int64)
            starts = np.cumsum(lengths) - lengths
            added = keep[unit_new]
            at = np.repeat(
                starts[added] - (np.cumsum(lengths[added]) - lengths[added]), lengths[added]
            )
            self._unit_words.append(words[depth.unit_words[at + np.arange(len(at))]])
            self._unit_lengths.append(lengths[added].astype(np.int32))
            self._member_unit.append(unit)
            self._member_text.append(text[depth.unit_sentence[keep]])
            self._member_quote.append(depth.unit_quote[keep])
        blob = spill.append("blob", np.frombuffer(depth.texts, dtype=np.uint8))
        texts = spill.append("text_sentence", depth.text_sentence.astype(np.int32))
        spill.append("text_length", depth.text_lengths.astype(np.int32))
        self._chunks.append(
            _Chunk(
                offset,
                len(text),
                start,
                len(invoking),
                blob,
                len(depth.texts),
                texts,
                len(depth.text_sentence),
            )
        )
        self._firsts.append(offset)

    def close(self) -> None:
        """Free the temporary files (the result's stay open while it is read)."""
        self.spill.close()
        self._read = None

    def _units(self) -> _Units:
        import numpy as np

        def joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
            value = np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)
            arrays.clear()
            return value.astype(dtype, copy=False)

        member_unit = joined(self._member_unit, np.int64)
        is_quote = np.zeros(self._unit_keys.n, dtype=bool)
        is_quote[member_unit[joined(self._member_quote, bool)]] = True
        return _Units(
            words=joined(self._unit_words, np.int32),
            lengths=joined(self._unit_lengths, np.int32),
            is_quote=is_quote,
            member_unit=member_unit,
            member_text=joined(self._member_text, np.int64),
            vocabulary_size=len(self._words),
        )

    def _blocks(self) -> list[tuple[int, int, int, int]]:
        """(first sentence, stop, first invocation, stop) of runs of whole chunks."""
        blocks: list[tuple[int, int, int, int]] = []
        start = 0
        for k, chunk in enumerate(self._chunks):
            last = k + 1 == len(self._chunks)
            first = self._chunks[start]
            if last or chunk.first + chunk.n - first.first >= BLOCK_SENTENCES:
                blocks.append(
                    (
                        first.first,
                        chunk.first + chunk.n,
                        first.invoking,
                        chunk.invoking + chunk.n_invoking,
                    )
                )
                start = k + 1
        return blocks

    def _text(self, sentence: int) -> str:
        """The text of the first sentence of a text in its chunk (the last chunk read is kept).

        Only those texts are kept; a shared group's first sentence is one.
        """
        import numpy as np

        k = bisect_right(self._firsts, sentence) - 1
        chunk = self._chunks[k]
        read = self._read
        if read is None or read[0] != k:
            blob = self.spill.read("blob", chunk.blob, chunk.blob + chunk.n_blob)
            stop = chunk.texts + chunk.n_texts
            kept = self.spill.read("text_sentence", chunk.texts, stop)
            lengths = self.spill.read("text_length", chunk.texts, stop)
            text = zlib.decompress(blob.tobytes())
            read = self._read = (k, text, kept, lengths, np.cumsum(lengths) - lengths)
        _, text, kept, lengths, starts = read
        at = int(np.searchsorted(kept, sentence - chunk.first))
        if at == len(kept) or kept[at] != sentence - chunk.first:
            raise ValueError(f"the text of sentence {sentence} was not kept")
        return text[int(starts[at]) : int(starts[at]) + int(lengths[at])].decode()

    def finish(
        self,
        *,
        outlets: tuple[str, ...],
        frames: Sequence[str],
        speakers: Sequence[str],
        hit_frames: Sequence[str],
    ) -> tuple[SharedCopy, CopyTallies]:
        """The shared copy, and the views' tallies.

        ``outlets``, ``frames`` and ``speakers`` are what the indexes given
        to :meth:`add` point to. The tallies: per outlet, the share of its
        sentences shared; per (outlet, frame), its invoking sentences shared
        and not; each outlet's sentences and frames (``total``), and those of
        its sentences in a group (``part``); each outlet's groups; each
        group's speakers.
        """
        try:
            return self._finish(outlets, frames, speakers, hit_frames)
        finally:
            self.close()

    def _finish(
        self,
        outlets: tuple[str, ...],
        frames: Sequence[str],
        speakers: Sequence[str],
        hit_frames: Sequence[str],
    ) -> tuple[SharedCopy, CopyTallies]:
        import numpy as np

        threshold, min_words = DEFAULT_THRESHOLD, DEFAULT_MIN_WORDS
        method = shared_method(threshold, min_words)
        n_outlets, n_frames = max(len(outlets), 1), len(frames)
        n = self.spill.rows("text")
        spill = self.spill
        if not n:
            empty = SharedCopy((), (), {}, threshold, method, outlets, min_words)
            return empty, CopyTallies({}, {}, {}, {}, {}, {})
        # Nodes are (text, outlet) pairs, coded text * n_outlets + outlet as the alignment has them.
        pairs = self._nodes.values()
        node_keys = np.unique((pairs >> 32) * n_outlets + (pairs & 0xFFFFFFFF))
        del pairs
        n_texts = self._texts.n
        self._texts = KeyTable()  # the texts' hashes are no longer needed
        node_component, quoted = shared_components(
            self._units(), node_keys, n_outlets=n_outlets, n_texts=n_texts, threshold=threshold
        )
        blocks = self._blocks()

        def components(a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
            text = spill.read("text", a, b).astype(np.int64)
            outlet = spill.read("outlet", a, b).astype(np.int64)
            node = np.searchsorted(node_keys, text * n_outlets + outlet)
            return node_component[node], outlet

        # Pass 1: each component's first sentence and size.
        n_components = int(node_component.max()) + 1 if len(node_component) else 0
        first = np.full(n_components, -1, dtype=np.int64)
        size = np.zeros(n_components, dtype=np.int64)
        for a, b, _, _ in blocks:
            component, _ = components(a, b)
            in_group = np.flatnonzero(component >= 0)
            found, at = np.unique(component[in_group], return_index=True)
            fresh = first[found] < 0
            first[found[fresh]] = a + in_group[at[fresh]]
            size += np.bincount(component[in_group], minlength=n_components)
        used = np.flatnonzero(first >= 0)
        used = used[np.argsort(first[used], kind="stable")]
        group_of = np.full(n_components, -1, dtype=np.int64)
        group_of[used] = np.arange(len(used))
        sizes, first_ids = size[used], first[used]
        offsets = np.cumsum(sizes) - sizes
        del first, size

        # Pass 2: each sentence's group and each group's sentences, to disk; the counts.
        cursor = offsets.copy()
        per_outlet = np.zeros(n_outlets, dtype=np.int64)
        shared_per_outlet = np.zeros(n_outlets, dtype=np.int64)
        size_cells = n_outlets * n_frames
        all_cells = np.zeros(size_cells, dtype=np.int64)
        shared_cells = np.zeros(size_cells, dtype=np.int64)
        group_outlet, group_frame, group_speaker = SparseCounts(), SparseCounts(), SortedUnion()
        for a, b, c, d in blocks:
            component, outlet = components(a, b)
            group = np.full(len(component), -1, dtype=np.int64)
            group[component >= 0] = group_of[component[component >= 0]]
            spill.append("group", group.astype(np.int32))
            per_outlet += np.bincount(outlet, minlength=n_outlets)
            is_shared = group >= 0
            inside = np.flatnonzero(is_shared)
            shared_per_outlet += np.bincount(outlet[inside], minlength=n_outlets)
            order = inside[np.argsort(group[inside], kind="stable")]
            sorted_groups = group[order]
            runs = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
            bounds = np.r_[runs[: len(order)], len(order)].tolist()  # [0] when none is shared
            ids = (a + order).astype(np.int64)
            for start, stop in pairwise(bounds):
                g = int(sorted_groups[start])
                spill.write_at("members", int(cursor[g]), ids[start:stop])
                cursor[g] += stop - start
            group_outlet.add(group[inside] * n_outlets + outlet[inside])
            speaker = spill.read("speaker", a, b)
            voiced = inside[speaker[inside] >= 0]
            group_speaker.add(group[voiced] * max(len(speakers), 1) + speaker[voiced])
            sentence = spill.read("invoking", c, d) - a
            frame = spill.read("invoking_frame", c, d).astype(np.int64)
            cell = outlet[sentence] * n_frames + frame
            all_cells += np.bincount(cell, minlength=size_cells)
            on = is_shared[sentence]
            shared_cells += np.bincount(cell[on], minlength=size_cells)
            group_frame.add(
                (group[sentence[on]] * n_outlets + outlet[sentence[on]]) * n_frames + frame[on]
            )
        if not np.array_equal(cursor, offsets + sizes):
            raise AssertionError("the groups' sentences did not fill their places")

        # The groups, numbered by their first sentence.
        codes, counts = group_outlet.items()
        code_group, code_outlet = codes // n_outlets, codes % n_outlets
        bounds = np.searchsorted(code_group, np.arange(len(used) + 1))
        quoted_set = set(quoted.tolist())
        if len(used):
            members, members_dtype, _ = spill.detach("members")
        side = {pair: [0, 0] for pair in combinations(range(len(outlets)), 2)}
        groups: list[SharedGroup] = []
        for g, used_component in enumerate(used.tolist()):
            lo, hi = int(bounds[g]), int(bounds[g + 1])
            outlet_codes = code_outlet[lo:hi].tolist()
            per = counts[lo:hi].tolist()
            for (x, n_x), (y, n_y) in combinations(zip(outlet_codes, per, strict=True), 2):
                side[(x, y)][0] += n_x
                side[(x, y)][1] += n_y
            groups.append(
                SharedGroup(
                    id=g,
                    sentences=SpilledIds(members, members_dtype, int(offsets[g]), int(sizes[g])),
                    outlets=tuple(outlets[k] for k in outlet_codes),
                    example=self._text(int(first_ids[g])),
                    quoted=used_component in quoted_set,
                    per_outlet=tuple(per),
                )
            )
        shared = SharedCopy(
            sentence_group=SpilledIds(*spill.detach("group")[:2], 0, n),
            groups=tuple(groups),
            pairs={(outlets[a], outlets[b]): min(c) for (a, b), c in side.items()},
            threshold=threshold,
            method=method,
            outlets=outlets,
            min_words=min_words,
        )
        return shared, _tallies(
            outlets,
            frames,
            speakers,
            hit_frames,
            per_outlet=per_outlet,
            shared_per_outlet=shared_per_outlet,
            cells=(all_cells, shared_cells),
            group_outlet=(codes, counts),
            group_frame=group_frame.items(),
            group_speaker=group_speaker.values(),
        )


def _tallies(
    outlets: tuple[str, ...],
    frames: Sequence[str],
    speakers: Sequence[str],
    hit_frames: Sequence[str],
    *,
    per_outlet: np.ndarray,
    shared_per_outlet: np.ndarray,
    cells: tuple[np.ndarray, np.ndarray],
    group_outlet: tuple[np.ndarray, np.ndarray],
    group_frame: tuple[np.ndarray, np.ndarray],
    group_speaker: np.ndarray,
) -> CopyTallies:
    """The views' tallies from the counts of :meth:`CopyReducer.finish`."""
    n_outlets, n_frames = max(len(outlets), 1), len(frames)
    all_cells, shared_cells = cells
    fraction = {o: int(shared_per_outlet[k]) / int(per_outlet[k]) for k, o in enumerate(outlets)}
    frame_at = {f: j for j, f in enumerate(frames)}
    by_origin: dict[tuple[str, str], tuple[int, int]] = {}
    for k, o in enumerate(outlets):
        for f in hit_frames:
            c = k * n_frames + frame_at[f]
            by_origin[(o, f)] = (int(shared_cells[c]), int(all_cells[c] - shared_cells[c]))
    total: dict[str, Tally] = defaultdict(Tally)
    for k, o in enumerate(outlets):
        total[o].n = int(per_outlet[k])
        for j, f in enumerate(frames):
            if all_cells[k * n_frames + j]:
                total[o].frames[f] = int(all_cells[k * n_frames + j])
    part: dict[tuple[int, str], Tally] = defaultdict(Tally)
    groups_of: dict[str, set[int]] = defaultdict(set)
    for key, count in zip(*(a.tolist() for a in group_outlet), strict=True):
        g, o = divmod(key, n_outlets)
        part[(g, outlets[o])].n = count
        groups_of[outlets[o]].add(g)
    for key, count in zip(*(a.tolist() for a in group_frame), strict=True):
        rest, j = divmod(key, n_frames)
        g, o = divmod(rest, n_outlets)
        part[(g, outlets[o])].frames[frames[j]] = count
    speakers_of: dict[int, set[str]] = defaultdict(set)
    for key in group_speaker.tolist():
        g, k = divmod(key, max(len(speakers), 1))
        speakers_of[g].add(speakers[k])
    return CopyTallies(fraction, by_origin, total, part, groups_of, speakers_of)
