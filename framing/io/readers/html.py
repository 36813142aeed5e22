"""Read one article from a saved web page (``.html``, ``.htm``).

A saved page is mostly not the article: navigation, scripts, styles,
advertisements, related links, comments, a footer. Read as text, all of it
would become evidence. :func:`extract_page` hands the page to trafilatura,
set to favour precision over recall (a line of page furniture read as the
article would count as the outlet's words; the cleaner removes what little
passes), which finds the article's text and its metadata: the title, the date of
publication (from the page's metadata and markup: ``<meta>``, JSON-LD,
``<time>``; a date is not searched for in the text, which the cleaner does
itself), the site's name and the page's URL.

* Each paragraph is a line, as the cleaner wants it. The title is the first
  line, so the cleaner finds it as the headline, unless the text already
  starts with it.
* A figure's caption (``<figcaption>``) is kept as its own line after the
  figure, starting "Caption: ", so the cleaner removes it as a photo
  caption and the report's audit shows it, rather than losing it unseen or
  mixing it into the text.
* The outlet is the manifest's, else the site's name, else the file's
  name; the title, date and URL are the manifest's, else the page's.
* A page in which no line has :data:`MIN_PROSE_WORDS` words or more, the
  title and captions aside (a front page, a login page, an error page), has
  no article: it is skipped and listed.
* A page may be up to :data:`PAGE_SIZE_FACTOR` times the limit per
  document (pages carry scripts, styles and inline images); the article's
  text is held to the limit itself.

trafilatura (and lxml) are imported only when a page is read.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from framing.io.dates import DateNotUnderstood, iso_date
from framing.io.readers.base import BadFile, Entry, Item, Note, ReadOptions
from framing.io.safe_read import NotReadable, read_regular_file, too_large
from framing.model import Document

#: A saved page may be this many times the limit per document.
PAGE_SIZE_FACTOR = 10
#: A page is an article when one of its lines (title and captions aside) has this many words.
MIN_PROSE_WORDS = 10
CAPTION_PREFIX = "Caption: "


@dataclass(frozen=True)
class Page:
    """What trafilatura found in a page."""

    text: str
    title: str | None
    date: str | None
    site: str | None
    url: str | None


def read_html(entry: Entry, options: ReadOptions) -> Iterator[Item]:
    """The article of a saved page; :class:`~.base.BadFile` when it has none."""
    if entry.is_stdin:
        raise BadFile("a saved page cannot be read from standard input; name the file")
    try:
        data = read_regular_file(entry.path, options.max_bytes * PAGE_SIZE_FACTOR, "per saved page")
    except NotReadable as exc:
        raise BadFile(str(exc)) from None
    page = extract_page(data)
    if page is None:
        raise BadFile(
            "no article found in the page (no paragraph of running text; "
            "only navigation, links or short lines)"
        )
    size = len(page.text.encode("utf-8"))
    if size > options.max_bytes:
        raise BadFile("article text " + too_large(options.max_bytes, "per document", size))
    date = entry.date
    if date is None and page.date:
        try:
            date = iso_date(page.date, dayfirst=options.dayfirst)
        except DateNotUnderstood as exc:
            yield Note(f"{entry.display}: {exc}; left empty")
    yield Document(
        id=entry.path.stem,
        outlet=entry.outlet or page.site or entry.path.stem,
        text=page.text,
        source=entry.display,
        title=entry.title or page.title,
        date=date,
        url=entry.url or page.url,
    )


def extract_page(data: bytes) -> Page | None:
    """The article of a page (its bytes, in the encoding it declares), or ``None``."""
    import trafilatura

    with _quiet("trafilatura", "htmldate", "courlan"):
        tree = trafilatura.load_html(data)
        if tree is None:
            return None
        _mark_captions(tree)
        result = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    found = _fields(result)
    text = found.get("text")
    if not isinstance(text, str) or not text:
        return None
    title = _clean(found.get("title"))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not any(_is_prose(line, title) for line in lines):
        return None
    if title and lines[0].casefold() != title.casefold():
        lines.insert(0, title)
    return Page(
        text="\n".join(lines) + "\n",
        title=title,
        date=_clean(found.get("date")),
        site=_clean(found.get("sitename")),
        url=_clean(found.get("url")),
    )


def _mark_captions(tree: Any) -> None:
    """Turn each ``<figcaption>`` into a "Caption: …" paragraph after its figure."""
    for caption in list(tree.iter("figcaption")):
        text = " ".join(caption.text_content().split())
        parent = caption.getparent()
        if parent is None:
            continue
        paragraph = tree.makeelement("p")
        paragraph.text = CAPTION_PREFIX + text if text else None
        if parent.tag == "figure" and parent.getparent() is not None:
            parent.remove(caption)
            paragraph.tail, parent.tail = parent.tail, None
            parent.addnext(paragraph)
        else:
            paragraph.tail = caption.tail
            parent.replace(caption, paragraph)


@contextlib.contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """Silence these libraries' log records (a page with no article is skipped and
    listed; their own line on stderr would only repeat it, in other words)."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _fields(result: object) -> dict[str, Any]:
    """trafilatura's result (a ``Document``, or ``None``) as a dict."""
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    fields: dict[str, Any] = result.as_dict()  # type: ignore[attr-defined]
    return fields


def _is_prose(line: str, title: str | None) -> bool:
    """Whether ``line`` is running text: long enough, and neither the title nor a caption."""
    if line.startswith(CAPTION_PREFIX) or (title and line.casefold() == title.casefold()):
        return False
    return len(line.split()) >= MIN_PROSE_WORDS


def _clean(value: object) -> str | None:
    """A metadata value as one trimmed line, or ``None``."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
