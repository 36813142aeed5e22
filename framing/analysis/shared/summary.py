"""Plain-language summary of shared copy: what each pair of outlets shares, and adds.

Speakers come from :func:`framing.analysis.quotes.extract_quotes`, the
same attribution the rest of the report uses.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.analysis.quotes.extraction import extract_quotes
from framing.model import Hit, Quotations, Sentence, SharedCopy

if TYPE_CHECKING:
    from framing.analysis.significance.references import Reference


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


@dataclass
class Tally:
    """Sentences and the frames they invoke (sentences per frame), of one outlet or part."""

    n: int = 0
    frames: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally, sign: int = 1) -> None:
        self.n += sign * other.n
        for frame, k in other.frames.items():
            self.frames[frame] += sign * k


def _pair_summary(
    a: str,
    b: str,
    groups: Sequence[int],
    *,
    shared: SharedCopy,
    part: Mapping[tuple[int, str], Tally],
    speakers_of: Mapping[int, set[str]],
    total: Mapping[str, Tally],
    name: Mapping[str, str],
    refs: Mapping[str, Reference],
    label: Mapping[str, str],
    frame_order: Sequence[str],
) -> str:
    """One paragraph: what ``a`` and ``b`` share, and the frames each adds."""
    n_quoted = sum(shared.groups[g].quoted for g in groups)
    speaker_groups = Counter(who for g in groups for who in speakers_of.get(g, ()))
    top = min(speaker_groups.items(), key=lambda kv: (-kv[1], kv[0]), default=None)
    speaker = top[0] if top and top[1] * 2 > len(groups) else None
    if n_quoted * 2 > len(groups):
        qualifier = f" (mostly quotes of {speaker})" if speaker else " (mostly quotes)"
    else:
        qualifier = f" (mostly attributed to {speaker})" if speaker else ""
    n_shared = shared.pairs[(a, b)]
    text = f"{name[a]} and {name[b]} share {_plural(n_shared, 'sentence')}{qualifier}"
    few = {o for o in (a, b) if refs.get(o) is not None and refs[o].few}

    in_shared = {a: Tally(), b: Tally()}
    for g in groups:
        for outlet in (a, b):
            in_shared[outlet].add(part[(g, outlet)])
    carried = {f: min(in_shared[a].frames[f], in_shared[b].frames[f]) for f in frame_order}
    listed = [f"{label[f]} ({carried[f]})" for f in frame_order if carried[f]]
    if listed:
        text += f", which carry {_join(listed)}"
    text += "."

    own = {}
    for outlet in (a, b):
        own[outlet] = Tally()
        own[outlet].add(total[outlet])
        own[outlet].add(in_shared[outlet], sign=-1)
    clauses = []
    for outlet, other in ((a, b), (b, a)):
        mine, theirs = own[outlet], own[other]
        adds = [
            f
            for f in frame_order
            if mine.frames[f]
            and (
                theirs.frames[f] == 0
                or mine.frames[f] / max(mine.n, 1) >= 2 * theirs.frames[f] / max(theirs.n, 1)
            )
        ]
        if adds:
            of_other = f"in {name[other]}" if other in few else f"of {name[other]}'s"
            its = "their" if outlet in refs and refs[outlet].plural else "its"
            listed = [
                f"{label[f]} ({_plural(mine.frames[f], 'sentence')} of {its} own against "
                f"{theirs.frames[f]} {of_other})"
                for f in adds
            ]
            clauses.append(f"{name[outlet]} {_adds(refs, outlet)} {_join(listed)}")
        else:
            rest = f"the rest of {name[other]}" if other in few else f"{name[other]}'s own material"
            clauses.append(
                f"{name[outlet]} {_adds(refs, outlet)} no frame that is absent or rarer in {rest}"
            )
    return f"{text} Beyond it, {'; '.join(clauses)}."


def _adds(refs: Mapping[str, Reference], outlet: str) -> str:
    return "add" if outlet in refs and refs[outlet].plural else "adds"


def describe_shared(
    shared: SharedCopy,
    sentences: Sequence[Sentence],
    hits: Iterable[Hit],
    *,
    outlet_names: Mapping[str, str] | None = None,
    frame_labels: Mapping[str, str] | None = None,
    max_pairs: int | None = None,
    quotations: Quotations | None = None,
    references: Mapping[str, Reference] | None = None,
) -> tuple[str, ...]:
    """Plain-language paragraphs, one per pair of outlets that share copy, most shared first.

    Each says how many sentences the pair shares (as ``shared.pairs``; and
    whether most of the groups are quotes, and of whom, when most name the
    same speaker), which frames that shared copy carries (sentences per
    frame, the smaller of the two outlets' counts), and which frames each
    outlet adds in its own material: frames of its sentences not shared with
    the other that are absent from the other's own material or at most half
    as frequent there (as a share of each outlet's own sentences). Only
    non-negated hits count. ``outlet_names`` and ``frame_labels`` map ids to
    display names (ids are used otherwise); frames are listed in
    ``frame_labels`` order, then in the order the hits first name them.

    A sentence's speaker is the one :func:`framing.analysis.quotes.extract_quotes`
    attributes it to (``quotations.sentence_speaker``: the speaker whose
    words make up most of the sentence; a sentence that is only a quotation
    continues the quotation of its neighbour), so the summary names the
    same speakers as the rest of the report. Pass the ``quotations`` already
    extracted from ``sentences``; without them they are extracted here.
    ``references`` (:func:`framing.analysis.significance.references.refer_all`),
    when given, name an outlet that rests on one or two articles by its
    articles ("Arab News's article and People's article share …").
    """
    invoked: dict[int, set[str]] = defaultdict(set)
    frame_order: dict[str, None] = dict.fromkeys(frame_labels or ())
    for hit in hits:
        frame_order.setdefault(hit.frame)
        if hit.counts:
            invoked[hit.sentence].add(hit.frame)
    label = {f: (frame_labels or {}).get(f, f.replace("_", " ")) for f in frame_order}
    refs = references or {}
    names = {
        o: refs[o].text if o in refs else (outlet_names or {}).get(o, o) for o in shared.outlets
    }

    # One pass over the sentences: each outlet's totals, and each group's part per outlet.
    total: dict[str, Tally] = defaultdict(Tally)
    part: dict[tuple[int, str], Tally] = defaultdict(Tally)
    groups_of: dict[str, set[int]] = defaultdict(set)
    for s in sentences:
        frames = invoked.get(s.id, ())
        tallies = [total[s.outlet]]
        group = shared.group_of(s.id)
        if group >= 0:
            tallies.append(part[(group, s.outlet)])
            groups_of[s.outlet].add(group)
        for tally in tallies:
            tally.n += 1
            tally.frames.update(frames)
    if quotations is None:
        quotations = extract_quotes(sentences)
    speakers_of: dict[int, set[str]] = defaultdict(set)
    for s in sentences:
        group, who = shared.group_of(s.id), quotations.sentence_speaker.get(s.id)
        if group >= 0 and who is not None:
            speakers_of[group].add(who)

    return shared_paragraphs(
        shared,
        total=total,
        part=part,
        groups_of=groups_of,
        speakers_of=speakers_of,
        names=names,
        refs=refs,
        label=label,
        frame_order=list(frame_order),
        max_pairs=max_pairs,
    )


def shared_paragraphs(
    shared: SharedCopy,
    *,
    total: Mapping[str, Tally],
    part: Mapping[tuple[int, str], Tally],
    groups_of: Mapping[str, set[int]],
    speakers_of: Mapping[int, set[str]],
    names: Mapping[str, str],
    refs: Mapping[str, Reference],
    label: Mapping[str, str],
    frame_order: Sequence[str],
    max_pairs: int | None,
) -> tuple[str, ...]:
    """:func:`describe_shared`'s paragraphs from its tallies.

    ``total`` has each outlet's sentences and the frames they invoke;
    ``part[(group, outlet)]`` the same of the outlet's sentences in a
    group; ``groups_of`` each outlet's groups; ``speakers_of`` the speakers
    of each group's sentences. The streamed analysis
    (:mod:`framing.analysis.depth_reduce`) makes them from arrays.
    """
    ranked = sorted(
        (pair for pair, n in shared.pairs.items() if n),
        key=lambda pair: -shared.pairs[pair],
    )[:max_pairs]
    return tuple(
        _pair_summary(
            a,
            b,
            sorted(groups_of.get(a, set()) & groups_of.get(b, set())),
            shared=shared,
            part=part,
            speakers_of=speakers_of,
            total=total,
            name=names,
            refs=refs,
            label=label,
            frame_order=frame_order,
        )
        for a, b in ranked
    )
