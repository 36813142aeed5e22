"""Which outlets rest on too few articles to speak for the outlet, and a sentence saying so."""

from __future__ import annotations

from collections.abc import Sequence

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
