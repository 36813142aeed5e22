"""Results of the in-depth analyses: pairwise tests, frame mixes, distinctive terms,
prominence, tone, shared copy and quotations.

They live here, with the other result types, so that the analysis modules
that compute them and the report that shows them both import downward.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, overload

#: What a pairwise test resampled and permuted: sentences, or whole articles.
Unit = Literal["sentences", "articles"]
#: Adjusted p-values below this are called significant.
SIGNIFICANCE_LEVEL = 0.05
#: Fewer words than this and a sentence or quote is not aligned as shared copy
#: ("he said.", short titles).
DEFAULT_MIN_WORDS = 6


@dataclass(frozen=True)
class Prominence:
    """One outlet's use of one frame in prominent positions.

    ``headlines`` and ``ledes`` are the ids of the outlet's headline (and
    deck) and lede sentences that invoke the frame; ``n_headlines`` and
    ``n_ledes`` how many such sentences the outlet has in all.
    """

    outlet: str
    frame: str
    headlines: tuple[int, ...]
    ledes: tuple[int, ...]
    n_headlines: int
    n_ledes: int
    weighted_share: float


@dataclass(frozen=True)
class Tone:
    """Mean VADER compound score of an outlet's sentences that invoke a frame.

    ``n_sentences`` is how many sentences were scored (all of them, or a
    sample, see :data:`TONE_SAMPLE`); ``mean`` is None when none was.
    """

    outlet: str
    frame: str
    n_sentences: int
    mean: float | None


@dataclass(frozen=True)
class PairDifference:
    """How two outlets differ on one frame.

    ``share_a``/``share_b`` are the fractions of each outlet's sentences that
    invoke the frame (as :attr:`framing.model.FrameScore.share`) and ``diff``
    is ``share_a - share_b``; ``ci95`` is the difference's 95% percentile
    bootstrap interval. ``p_value`` is the two-sided permutation p-value of
    "the frame is invoked at the same rate in both outlets" and ``q_value``
    the Benjamini-Hochberg adjusted p-value over every frame x pair test of
    the analysis. ``unit`` says what was resampled and permuted:
    ``"sentences"`` or ``"articles"`` (see :func:`compare_pairs`).
    """

    frame: str
    outlet_a: str
    outlet_b: str
    share_a: float
    share_b: float
    diff: float
    ci95: tuple[float, float]
    p_value: float
    q_value: float
    unit: Unit

    def is_significant(self, level: float = SIGNIFICANCE_LEVEL) -> bool:
        """Whether the adjusted p-value is below ``level``."""
        return self.q_value < level


@dataclass(frozen=True)
class SmallSampleCaveat:
    """Which outlets rest on too few articles to stand for the outlet.

    ``small`` maps every outlet id, in outlet order, to whether it has fewer
    than ``min_articles`` articles; ``message`` is a sentence for the report
    naming those outlets, or ``None`` when there are none.
    """

    min_articles: int
    small: Mapping[str, bool]
    message: str | None

    @property
    def outlets(self) -> tuple[str, ...]:
        """Ids of the outlets with too few articles, in outlet order."""
        return tuple(o for o, is_small in self.small.items() if is_small)


@dataclass(frozen=True)
class FrameMixDivergence:
    """Jensen-Shannon distances between the outlets' mixes of frames.

    ``distance[i][j]`` is the Jensen-Shannon *distance* (base 2, so in
    [0, 1]) between the frame mixes of ``outlets[i]`` and ``outlets[j]``:
    0 when they spread their frame hits over the frames in the same
    proportions, 1 when they have no frame in common. It is ``None`` for an
    outlet with no frame hit (it has no mix to compare). The divergence, in
    bits, is its square (:attr:`divergence`).
    """

    outlets: tuple[str, ...]
    distance: tuple[tuple[float | None, ...], ...]

    @property
    def divergence(self) -> tuple[tuple[float | None, ...], ...]:
        """The Jensen-Shannon divergence in bits (the distance squared)."""
        return tuple(tuple(None if d is None else d * d for d in row) for row in self.distance)

    def pairs(self) -> tuple[tuple[str, str, float], ...]:
        """``(outlet_a, outlet_b, distance)`` of every pair with a distance, in outlet order."""
        return tuple(
            (a, self.outlets[j], d)
            for i, a in enumerate(self.outlets)
            for j, d in enumerate(self.distance[i])
            if j > i and d is not None
        )


@dataclass(frozen=True)
class LogOddsTerm:
    """A term distinctive of an outlet against all the others pooled.

    ``z`` is the log-odds ratio's z-score (the ranking), ``delta`` the
    log-odds ratio itself (natural log, shrunk by the prior) and ``count``
    the term's occurrences in the outlet.
    """

    term: str
    z: float
    delta: float
    count: int


@dataclass(frozen=True)
class LogOddsTerms:
    """Distinctive terms per outlet id, with the prior scale ``alpha0`` used."""

    alpha0: float
    terms: Mapping[str, tuple[LogOddsTerm, ...]]


class Ids(Sequence[int]):
    """An immutable sequence of integers held as one C array, 8 bytes each.

    Shared copy lists sentence ids, one per sentence of a large corpus: a
    tuple would hold a Python integer object for each. Equal to an
    :class:`Ids` or a tuple of the same integers.

    >>> Ids([4, 5, 6]) == (4, 5, 6), list(Ids([4, 5, 6])[1:]), len(Ids())
    (True, [5, 6], 0)
    """

    __slots__ = ("_values",)

    def __init__(self, values: Iterable[int] = ()) -> None:
        self._values = values if isinstance(values, array) else array("q", values)

    @classmethod
    def from_bytes(cls, data: bytes) -> Ids:
        """The ids of native 8-byte integers (e.g. a numpy ``int64`` array's ``tobytes()``)."""
        values = array("q")
        values.frombytes(data)
        return cls(values)

    def tobytes(self) -> bytes:
        """The ids as native 8-byte integers (for ``numpy.frombuffer``)."""
        return self._values.tobytes()

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Ids: ...
    def __getitem__(self, index: int | slice) -> int | Ids:
        if isinstance(index, slice):
            return Ids(self._values[index])
        return self._values[index]

    def __iter__(self) -> Iterator[int]:
        return iter(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ids):
            return self._values == other._values
        if isinstance(other, tuple):
            return tuple(self._values) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._values))

    def __repr__(self) -> str:
        return f"Ids({self._values.tolist()!r})"

    def __reduce__(self) -> tuple[type[Ids], tuple[array[int]]]:
        return (Ids, (self._values,))


@dataclass(frozen=True)
class SharedGroup:
    """Sentences of two or more outlets that carry the same copy.

    ``sentences`` are sentence ids, sorted (:class:`Ids`, or a tuple);
    ``outlets`` the outlet ids among
    them, in the order the outlets first appear in the analysed sentences.
    ``example`` is the text of the group's first sentence. ``quoted`` is True
    when the copy is (at least partly) a quotation matched as a quote unit.
    ``per_outlet`` counts the group's sentences of each outlet, in the order
    of ``outlets`` (empty when not counted).
    """

    id: int
    sentences: Sequence[int]
    outlets: tuple[str, ...]
    example: str
    quoted: bool
    per_outlet: tuple[int, ...] = ()


@dataclass(frozen=True)
class SharedCopy:
    """The shared copy of a corpus, from :func:`align_shared`.

    ``sentence_group[i]`` (:class:`Ids`, or a tuple) is the group id of the
    sentence with id ``i``, or -1 when it is not shared with any other outlet (or was not analysed).
    ``pairs[(a, b)]`` is the number of sentences outlets ``a`` and ``b``
    share: of ``a``'s sentences in groups that hold sentences of ``b``, and of
    ``b``'s in groups that hold ``a``'s, the smaller count (so a sentence
    both print once counts once; every pair of outlets is present, ``a``
    before ``b`` in ``outlets`` order). Counting sentences rather than groups
    keeps the figure meaningful when groups chain: a group joined
    transitively (a~b, b~c) counts for ``(a, c)`` too, since both carry the
    same copy, and a sentence that fuses two copied ones (a lost full stop)
    joins both their groups. ``outlets`` lists the outlet ids in first-seen
    order; ``threshold``, ``min_words`` and ``method`` record how the
    alignment was made.
    """

    sentence_group: Sequence[int]
    groups: tuple[SharedGroup, ...]
    pairs: Mapping[tuple[str, str], int]
    threshold: float
    method: str
    outlets: tuple[str, ...] = ()
    min_words: int = DEFAULT_MIN_WORDS

    def group_of(self, sentence_id: int) -> int:
        """The sentence's group id, or -1 when it is not shared."""
        if 0 <= sentence_id < len(self.sentence_group):
            return self.sentence_group[sentence_id]
        return -1


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation or a reported statement in one sentence.

    ``start``/``end`` are character offsets in the sentence's text (end
    exclusive) and ``text`` is ``sentence_text[start:end]``. A direct quote's
    span excludes the quotation marks and a trailing comma; a quotation that
    runs over several sentences has one ``Quote`` per sentence. A reported
    statement's span is the reported clause, and may contain direct
    quotations (both are listed). ``speaker`` is ``None`` when none was found
    (a scare-quoted phrase in the outlet's own voice, for instance).
    ``kind`` is ``"direct"`` or ``"reported"``. Slotted: a large corpus has
    hundreds of thousands of quotes.
    """

    sentence: int
    document: str
    outlet: str
    speaker: str | None
    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Quotations:
    """The quotations of a corpus, and each sentence's voice.

    ``sentence_speaker`` maps every sentence id to the speaker whose words
    make up most of the sentence, or to ``None`` when the sentence is in the
    outlet's own voice. ``genders`` maps speakers to ``"f"`` or ``"m"`` when a
    cue was found (used to phrase :func:`describe_voices`).
    """

    quotes: tuple[Quote, ...]
    sentence_speaker: Mapping[int, str | None]
    genders: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _by_sentence(self) -> dict[int, tuple[Quote, ...]]:
        index: dict[int, list[Quote]] = defaultdict(list)
        for quote in self.quotes:
            index[quote.sentence].append(quote)
        return {k: tuple(v) for k, v in index.items()}

    def in_sentence(self, sentence_id: int) -> tuple[Quote, ...]:
        """The quotes and statements of one sentence, in text order."""
        return self._by_sentence.get(sentence_id, ())

    def speakers(self, outlet: str | None = None) -> tuple[str, ...]:
        """Distinct speakers (of one outlet, or of all), in order of first quote."""
        seen = dict.fromkeys(
            q.speaker
            for q in self.quotes
            if q.speaker is not None and (outlet is None or q.outlet == outlet)
        )
        return tuple(s for s in seen if s is not None)


@dataclass(frozen=True)
class SpeakerStat:
    """How much one outlet quotes one speaker.

    ``n_quotes`` counts the speaker's quotes and statements; ``n_words`` the
    word tokens inside them (a token inside both a statement and a quote
    counts once); ``share_of_outlet_words`` is ``n_words`` over all the
    outlet's word tokens.
    """

    speaker: str
    n_quotes: int
    n_words: int
    share_of_outlet_words: float


@dataclass(frozen=True)
class FrameVoice:
    """Who carries one frame in one outlet.

    Of the outlet's sentences with a non-negated hit of the frame,
    ``n_sentences_quoted`` have one inside a quotation or statement, or are
    attributed to a speaker as a whole; the others count as
    ``n_sentences_own_voice``. ``top_speakers`` are ``(speaker, n_sentences)``,
    most sentences first.
    """

    n_sentences_own_voice: int
    n_sentences_quoted: int
    top_speakers: tuple[tuple[str, int], ...]


#: What a divergence amounts to: a gap that holds, one that could still be
#: chance, no clear difference (its interval includes zero), or none at all
#: (every outlet has the same share, or there is one outlet).
Finding = Literal["gap", "could_be_chance", "no_clear_difference", "no_difference"]


@dataclass(frozen=True)
class DivergenceReading:
    """A divergence in words: ``before`` + the frame's label + ``after``, then ``verdict``.

    The label is left out so the report can set it apart (in ``<em>``);
    :meth:`text` joins the parts. ``most`` and ``least`` are the ids of the
    outlets tied at the highest and at the lowest share, the divergence's
    own first. ``finding`` says what the divergence amounts to.
    """

    before: str
    after: str
    verdict: str
    finding: Finding
    most: tuple[str, ...]
    least: tuple[str, ...]

    def text(self, label: str) -> str:
        """The whole reading as plain text."""
        return f"{self.before}{label}{self.after}{' ' + self.verdict if self.verdict else ''}"


@dataclass(frozen=True)
class Readings:
    """The analysis' plain-language readings, written once for the report and the JSON.

    ``divergences`` maps frame id to its divergence's reading; ``pairs`` has
    one reading per pairwise difference, in the order of ``Analysis.pairs``;
    ``frame_mix`` reads the Jensen-Shannon distances (``None`` without them).
    """

    divergences: Mapping[str, DivergenceReading]
    pairs: tuple[str, ...] = ()
    frame_mix: str | None = None
