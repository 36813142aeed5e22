"""The report's title: the user's ``--title``, else one made from the lexicons and the corpus.

A folder name ("seeds", "articles_v2") is no title for a projected report,
and in a blind run it can name the outlets. The default title is the
lexicon set's own description, up to its first colon or full stop
("Frames of Americans volunteering for Ukraine's International Legion, March
2022"), else "How N outlets frame the story (set name)"; the line under it
says what was compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.model import Analysis
from framing.report.format import plural
from framing.report.listed import n_documents

#: The longest default title taken from a description, in characters.
MAX_TITLE = 120


@dataclass(frozen=True)
class TitleView:
    """The ``<h1>`` and the line under it."""

    title: str
    subtitle: str


def title_view(analysis: Analysis, title: str | None = None) -> TitleView:
    """The title (``title`` when given, see the module docstring) and what was compared."""
    n_outlets = len(analysis.outlets)
    subtitle = (
        f"{plural(n_outlets, 'outlet')}, {plural(n_documents(analysis), 'article')}, "
        f"read with the lexicon set \u201c{analysis.lexicons.name}\u201d"
    )
    if title and title.strip():
        return TitleView(" ".join(title.split()), subtitle)
    return TitleView(default_title(analysis), subtitle)


def default_title(analysis: Analysis) -> str:
    """The lexicon set's description up to its first colon or full stop, else a plain title."""
    description = " ".join(analysis.lexicons.description.split())
    head = re.split(r":\s|\.\s|\.$", description, maxsplit=1)[0].strip()
    if head and len(head) <= MAX_TITLE:
        return head
    return f"How {plural(len(analysis.outlets), 'outlet')} frame the story"
