"""Which outlets rest on too few articles to speak for the outlet, and sentences saying so.

:func:`small_sample_caveat` names the outlets with one or two articles;
:func:`independence_note` says what it means that their intervals and tests
treat sentences as independent.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.analysis.stats import MIN_ARTICLES_FOR_ARTICLE_UNIT
from framing.model import OutletSummary, SmallSampleCaveat

#: An outlet with fewer articles than this gets the small-sample caveat.
SMALL_SAMPLE_ARTICLES = 3


def small_sample_caveat(
    outlets: Sequence[OutletSummary], *, min_articles: int = SMALL_SAMPLE_ARTICLES
) -> SmallSampleCaveat:
    """Flag the outlets with fewer than ``min_articles`` articles, and say what that means.

    An outlet seen through one or two articles is those articles: any
    difference from another outlet may be the story the article covers, not
    the outlet's way of framing it. The message names the outlets, grouped by
    their number of articles, e.g. "Military.com, Arab News and People are
    each represented by a single article: the differences describe these
    articles, not the outlets." Article counts are ``n_documents``.
    """
    small = {o.id: o.n_documents < min_articles for o in outlets}
    concerned = [o for o in outlets if small[o.id]]
    if not concerned:
        return SmallSampleCaveat(min_articles, small, None)
    by_count: dict[int, list[str]] = {}
    for o in concerned:
        by_count.setdefault(o.n_documents, []).append(o.name)
    clauses: list[str] = []
    for count in sorted(by_count):
        names = by_count[count]
        many = len(names) > 1
        if not clauses:
            verb = "are each represented by" if many else "is represented by"
            clauses.append(f"{_join(names)} {verb} {_articles_phrase(count)}")
        else:
            each = " each" if many else ""
            clauses.append(f"{_join(names)}{each} by {_articles_phrase(count)}")
    n_articles = sum(o.n_documents for o in concerned)
    these = "this article" if n_articles == 1 else "these articles"
    whom = "the outlets" if len(concerned) > 1 else "the outlet"
    message = f"{_join(clauses)}: the differences describe {these}, not {whom}."
    return SmallSampleCaveat(min_articles, small, message)


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _articles_phrase(count: int) -> str:
    """``1 -> "a single article"``, ``2 -> "only two articles"``, ``0 -> "no article"``."""
    if count == 0:
        return "no article"
    if count == 1:
        return "a single article"
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else f"{count:,}"
    return f"only {word} articles"


def _join(items: Sequence[str]) -> str:
    """``["A"] -> "A"``, ``["A", "B", "C"] -> "A, B and C"``."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def independence_note(
    outlets: Sequence[OutletSummary],
    *,
    min_articles: int = MIN_ARTICLES_FOR_ARTICLE_UNIT,
    tests: bool = True,
) -> str | None:
    """What treating sentences as independent means, for the outlets whose intervals do.

    An outlet with fewer than ``min_articles`` articles has its share's
    interval, and its tests, computed over its sentences as if each were
    drawn independently (:mod:`framing.analysis.stats`). Sentences of one
    article are not independent -- an article keeps to its frames -- so the
    interval is too narrow, and the test too sure, for the outlet as a whole.
    ``tests`` says whether the pairwise tests were run (they are not in
    quick mode), so the note speaks of them only then. ``None`` when every
    outlet has enough articles for its articles to count.
    """
    few = [o for o in outlets if o.n_documents < min_articles]
    if not few:
        return None
    subject = "the intervals and tests" if tests else "the intervals"
    surer = ", and the tests surer," if tests else ""
    consequence = (
        "They are not: an article tends to keep to its frames. The intervals are therefore "
        f"narrower{surer} than {{whole}} would allow: they say how precisely {{what}} "
        "measured, not how {how}."
    )
    if all(o.n_documents == 1 for o in outlets):
        single = len(outlets) == 1
        return (
            f"{'The outlet is' if single else 'Each outlet is'} represented by one article, so "
            f"{subject} treat the article's sentences as independent of one another. "
            + consequence.format(
                whole="the outlet as a whole" if single else "the outlets as a whole",
                what="the article's share is" if single else "each article's share is",
                how="the outlet frames the story" if single else "the outlets frame the story",
            )
        )
    word = _NUMBER_WORDS[min_articles] if min_articles < len(_NUMBER_WORDS) else min_articles
    each = " each" if len(few) > 1 else ""
    text = (
        f"For {_join([o.name for o in few])} (fewer than {word} articles{each}), {subject} "
        "treat sentences as independent of one another. "
        + consequence.format(
            whole="the outlet as a whole" if len(few) == 1 else "these outlets as a whole",
            what="its articles' share is" if len(few) == 1 else "their articles' shares are",
            how="the outlet frames the story" if len(few) == 1 else "these outlets frame the story",
        )
    )
    if len(few) < len(outlets):
        text += (
            f" The intervals of outlets with {word} articles or more allow for how much their "
            "articles differ."
        )
    return text
