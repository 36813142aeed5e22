"""Cleaning: strip a saved web page down to the article, and audit every removal.

Saved news pages carry more than the article: photo captions and credits,
"Read more" links, share buttons, bylines, date stamps, the headline printed
twice, and sometimes a whole second article the page appended at the end.
Left in, these pollute the framing analysis (a caption's words count as the
outlet's words; an appended story about another topic adds foreign frames).
Removed silently, they would make the analysis unauditable. So
:func:`clean_corpus` removes them by small, general rules and records each
removal as a :class:`~framing.model.RemovedSpan` with a reason and the
1-based source line, so a reader can check that nothing relevant was dropped.

Every non-blank line is one paragraph (trimmed, a leading bullet character
dropped; the article's characters are otherwise kept as they are). The rules,
and the reason each removal is recorded with:

``"photo caption"``
    A line ending in a parenthesised credit naming an agency or a picture
    ("(AP Photo/Name)", "(File/AFP)", "(Reuters)", "(Getty Images)"), a line
    ending in "Photo: ..."/"Credit: ..."/"Photo by ...", or in an agency's
    credit without brackets ("Name/Getty Images", "REUTERS/Name", "AFP via
    Getty Images"), or starting "Photo:"/"Image source,". Captions never
    count as an outlet's text, in any outlet (see
    :mod:`framing.text.clean.rules` for why).
``"related-link line"``
    A line starting "Read Next:", "Read more:", "Related:", "See also:",
    "More:", "Recommended:", "Watch:", "Also read:" and the like.
``"page furniture"``
    A line that is only a page control ("Share", "Follow", "Short Url",
    "Story Continues", "Advertisement", ...), or a short "Updated ..."/
    "Published ..."/"Posted ..." time stamp.
``"byline or contact line"``
    "By Name and Name", "-- Name can be reached at ...", "Follow him on
    Twitter ...", a bare e-mail address or @handle, "Contact the author ...",
    "Reporting by ...", "Editing by ...", and the "[byline removed]" that
    blind mode (:mod:`framing.io.blind`) puts in place of such a line.
``"date line"``
    A line that is only a date, or a date (optionally labelled "date") in
    front of the headline; the rest of such a line is kept as a deck line.
``"repeated line"``
    A line already printed earlier in the document, or a line of five or
    more words that is the beginning of another, longer line (a caption
    printed once without its credit, summary bullets repeating the first
    words of a body paragraph). When that longer line was itself removed,
    the shorter one takes the longer one's reason instead.
``"appended unrelated story (relative similarity S to the article before it; cosine C)"``
    Everything from a title-like line to the end of the document, when it is
    long and unlike the text before it: its cosine with that text, taken
    relative to how alike each part is to itself, is below
    :data:`APPENDED_STORY_MAX_SIMILARITY`. Only the document itself decides,
    so a page is cleaned the same way whatever else is analysed with it.

Dates found in "Updated ..." stamps and date lines (before any appended
story) become the document's date when the manifest gives none.

After the removals, the headline and deck are identified: the headline is the
first remaining line when it matches the manifest title (or, without a
title, when it is short and title-like); short lines before it and short
summary lines right after it form the deck; everything else is the body.

The package, in the order a document goes through it:

- :mod:`framing.text.clean.lines` parses a page into numbered, trimmed lines;
- :mod:`framing.text.clean.dates` recognises dates;
- :mod:`framing.text.clean.rules` holds the removal rules (1-4, date lines, repeats);
- :mod:`framing.text.clean.appended` detects appended stories;
- :mod:`framing.text.clean.layout` cuts date prefixes and finds headline and deck;
- :mod:`framing.text.clean.corpus` puts them together in :func:`clean_corpus`.
"""

from __future__ import annotations

from framing.text.clean.appended import APPENDED_STORY_MAX_SIMILARITY, APPENDED_STORY_MIN_WORDS
from framing.text.clean.corpus import SKIP_REASON, clean_corpus, clean_documents
from framing.text.clean.dates import find_date
from framing.text.clean.rules import (
    REASON_BYLINE,
    REASON_CAPTION,
    REASON_DATE,
    REASON_FURNITURE,
    REASON_RELATED,
    REASON_REPEATED,
)

__all__ = [
    "APPENDED_STORY_MAX_SIMILARITY",
    "APPENDED_STORY_MIN_WORDS",
    "REASON_BYLINE",
    "REASON_CAPTION",
    "REASON_DATE",
    "REASON_FURNITURE",
    "REASON_RELATED",
    "REASON_REPEATED",
    "SKIP_REASON",
    "clean_corpus",
    "clean_documents",
    "find_date",
]
