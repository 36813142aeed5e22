"""How a reading names an outlet: by its articles when they are too few to stand for it.

One or two articles cannot show how an outlet frames a story, so a sentence
that rests on them speaks of them: "In Military.com's article, 41% of
sentences …", "People's two articles put …". An outlet with enough articles
(:data:`~framing.analysis.significance.caveat.SMALL_SAMPLE_ARTICLES` or
more, the threshold of the small-sample caveat) is named as itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.analysis.significance.caveat import _NUMBER_WORDS, SMALL_SAMPLE_ARTICLES, _join
from framing.model import OutletSummary


@dataclass(frozen=True)
class Reference:
    """How a reading refers to one outlet.

    ``text`` is the words ("Military.com's article", "People's two
    articles", "Reuters"); ``plural`` whether a verb after it takes the
    plural ("People's two articles put"); ``few`` whether the outlet rests
    on too few articles to stand for it.
    """

    outlet: str
    text: str
    plural: bool
    few: bool

    def verb(self, singular: str, plural: str) -> str:
        """The verb form that agrees with ``text``."""
        return plural if self.plural else singular


def refer(outlet: OutletSummary, *, min_articles: int = SMALL_SAMPLE_ARTICLES) -> Reference:
    """How readings name ``outlet``: by its articles when it has fewer than ``min_articles``.

    >>> refer(OutletSummary("m", "Military.com", 1, 29, 600)).text
    "Military.com's article"
    >>> refer(OutletSummary("p", "People", 2, 60, 900)).text
    "People's two articles"
    >>> refer(OutletSummary("r", "Reuters", 12, 400, 9000)).text
    'Reuters'
    """
    n = outlet.n_documents
    if n >= min_articles or n < 1:
        return Reference(outlet.id, outlet.name, False, False)
    if n == 1:
        return Reference(outlet.id, f"{outlet.name}'s article", False, True)
    word = _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else f"{n:,}"
    return Reference(outlet.id, f"{outlet.name}'s {word} articles", True, True)


def refer_all(
    outlets: Sequence[OutletSummary], *, min_articles: int = SMALL_SAMPLE_ARTICLES
) -> dict[str, Reference]:
    """:func:`refer` for every outlet, by id."""
    return {o.id: refer(o, min_articles=min_articles) for o in outlets}


def join_references(references: Sequence[Reference]) -> str:
    """``"Military.com's article and People's article"``."""
    return _join([r.text for r in references])
