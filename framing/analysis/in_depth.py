"""The in-depth analyses (``AnalysisOptions.depth``): tone, quotes, shared copy, pairwise tests.

:func:`analyse_in_depth` runs them on the sentences and hits the pipeline
made (:mod:`framing.analysis.pipeline`), after the scores; ``--quick``
skips them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

from framing.analysis.quotes import (
    Quotations,
    describe_voices,
    frames_by_voice,
    speaker_table,
)
from framing.analysis.shared import (
    align_shared,
    describe_shared,
    frames_by_origin,
    outlet_shared_fraction,
)
from framing.analysis.significance import compare_pairs
from framing.analysis.significance.references import refer_all
from framing.analysis.tone import compound_scores, score_tone, tone_sample
from framing.model import (
    AnalysisOptions,
    Hit,
    LexiconSet,
    OutletSummary,
    Sentence,
    SourcesSummary,
)
from framing.parallel import Progress, StepProgress, default_jobs, map_chunks, stage_progress

#: The stage in which sentences are scored for tone (a ``progress`` stage).
TONE = "Tone"


def analyse_in_depth(
    sentences: Sequence[Sentence],
    hits: Sequence[Hit],
    invoked: dict[int, set[str]],
    outlets: Sequence[OutletSummary],
    lexicons: LexiconSet,
    options: AnalysisOptions,
    jobs: int,
    quotations: Quotations,
    progress: Progress | None,
    step: StepProgress,
) -> dict[str, Any]:
    """The analyses that ``options.depth`` switches: pairwise tests, tone, shared copy, quotes.

    ``quotations`` were extracted with the per-document work
    (:func:`framing.analysis.pipeline.prepare_sentences`).
    Each of its four steps is reported to ``step``, and
    the sentences scored for tone to ``progress``.
    """
    by_id = {s.id: s for s in sentences}
    scored = tone_sample(invoked, {i: s.outlet for i, s in by_id.items()}, seed=options.seed)
    texts = [by_id[i].text for i in scored]
    tone_done = stage_progress(progress, TONE, len(texts))
    compound = dict(
        zip(
            scored,
            chain.from_iterable(map_chunks(compound_scores, texts, jobs=jobs, progress=tone_done)),
            strict=True,
        )
    )
    step()
    speakers = speaker_table(quotations, sentences)
    shared = align_shared(sentences)
    step()
    names = {o.id: o.name for o in outlets}
    references = refer_all(outlets)
    labels = {f.id: f.label for f in lexicons.frames}
    sources = SourcesSummary(
        shared_fraction=outlet_shared_fraction(shared, sentences),
        frames_by_origin=frames_by_origin(shared, sentences, hits),
        shared_readings=describe_shared(
            shared,
            sentences,
            hits,
            outlet_names=names,
            frame_labels=labels,
            max_pairs=10,
            quotations=quotations,
            references=references,
        ),
        voice_readings=describe_voices(
            quotations,
            sentences,
            hits,
            outlet_names=names,
            frame_labels=labels,
            speakers=speakers,
            references=references,
        ),
    )
    step()
    pairs = compare_pairs(
        sentences,
        hits,
        outlets=outlets,
        lexicons=lexicons,
        n_bootstrap=options.n_bootstrap,
        n_permutations=options.n_permutations,
        seed=options.seed,
        threads=options.jobs or default_jobs(),
    )
    step()
    return {
        "pairs": pairs,
        "tone": score_tone(sentences, invoked, compound, outlets=outlets, lexicons=lexicons),
        "shared": shared,
        "quotations": quotations,
        "sources": sources,
        "speakers": speakers,
        "voices": frames_by_voice(quotations, sentences, hits),
    }
