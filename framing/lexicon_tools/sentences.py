"""A corpus's sentences for ``framing lexicon coverage`` and ``framing lexicon suggest``.

:func:`load_sentences` loads the articles, then cleans and segments them
with the pipeline's own front half
(:func:`framing.analysis.pipeline.prepare_sentences`), so the lexicon tools
see exactly the sentences an analysis sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.model import Sentence, SkippedInput


@dataclass(frozen=True)
class CorpusSentences:
    """A corpus loaded, cleaned and segmented: its sentences and what was skipped."""

    name: str
    sentences: tuple[Sentence, ...]
    n_documents: int
    skipped: tuple[SkippedInput, ...]
    notes: tuple[str, ...]
    #: Outlet id (as in ``Sentence.outlet``) -> the outlet's name.
    outlet_names: Mapping[str, str] = field(default_factory=dict)


def load_sentences(
    paths: Sequence[str | Path], *, name: str | None = None, jobs: int | None = None
) -> CorpusSentences:
    """Load, clean and segment articles exactly as ``framing report`` does.

    Cleaning and segmenting are the pipeline's own front half
    (:func:`framing.analysis.pipeline.prepare_sentences`). Segmentation runs
    in ``jobs`` processes on a large corpus (default: one per CPU, see
    :mod:`framing.parallel`); the result never depends on it.
    Documents left without a sentence after cleaning are added to
    ``skipped``. Raises :class:`~framing.errors.InputError` when no sentence
    is left at all.
    """
    from framing.analysis.pipeline import prepare_sentences
    from framing.io.corpus import load_corpus
    from framing.parallel import cyclic_gc_paused

    with cyclic_gc_paused():
        prepared = prepare_sentences(load_corpus(list(paths), name=name), jobs=jobs)
    return CorpusSentences(
        name=prepared.clean.name,
        sentences=prepared.sentences,
        n_documents=len({s.document for s in prepared.sentences}),
        skipped=prepared.skipped,
        notes=prepared.clean.notes,
        outlet_names={outlet_id: name for name, outlet_id in prepared.outlet_ids.items()},
    )
