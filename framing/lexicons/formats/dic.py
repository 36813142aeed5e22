"""LIWC ``.dic`` dictionaries (as used by the Moral Foundations Dictionary 2.0).

A header between two ``%`` lines maps category numbers to names, one
``number<TAB>name`` line each (spaces are accepted too; leading zeros do
not matter, so ``01`` is ``1``). Each following line is an entry: a word
or phrase (it may end in ``*``) and one or more category numbers,
separated by tabs or spaces. When a line has a tab, everything before
the first tab is the word, so phrases may contain spaces. LIWC2007's
conditional markup is not supported, because framing matches terms
without looking at their neighbours: a category that is conditional on
the neighbouring words (``like  (02 134)1  2``, ``<of>131/125``) is
ignored and the entry keeps its plain categories (``2`` here); an entry
with free-standing markup (``kind (of) 3``) or only conditional
categories is skipped. Either way a warning names the line and says
what was done.

Read by :func:`import_dic` into a :class:`~framing.lexicons.formats.collect.Collector`.
"""

from __future__ import annotations

import re

from framing.lexicons.formats.collect import Category, Collector, split_lines

_DIC_HEADER_RE = re.compile(r"^(\d+)\s+(\S.*)$")
#: One field of an entry's category part: a bracketed group with what is glued
#: to it ("(02 134)1", "<of>131/125"), or a run of non-space characters.
_DIC_FIELD_RE = re.compile(r"\([^()]*\)\S*|<[^<>]*>\S*|\S+")
_DIC_NUMBER_RE = re.compile(r"^\d+$")
_DIC_CONDITIONAL_RE = re.compile(r"^(?:\([^()]*\)|<[^<>]*>)\d+(?:/\d+)*$")
_DIC_MARKUP_RE = re.compile(r"\([^()]*\)|<[^<>]*>")


def import_dic(text: str, collector: Collector) -> None:
    """Read a LIWC .dic: the ``%`` header of numbered categories, then the entries."""
    lines = split_lines(text)
    end, categories = _dic_header(lines, collector)
    for index in range(end + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped:
            _dic_entry(stripped, index + 1, categories, collector)


def _dic_header(lines: list[str], collector: Collector) -> tuple[int, dict[int, Category]]:
    """Parse the header; return the index of its closing ``%`` line and the categories."""
    start = next(i for i, line in enumerate(lines) if line.strip())
    if lines[start].strip() != "%":
        raise collector.error(
            start + 1,
            "expected a '%' line opening the category header "
            f"('number<TAB>name' lines between two '%' lines), found {lines[start].strip()!r}",
        )
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "%"), None)
    if end is None:
        raise collector.error(
            start + 1, "the category header opened here is never closed by a '%' line"
        )
    categories: dict[int, Category] = {}
    for index in range(start + 1, end):
        stripped = lines[index].strip()
        if not stripped:
            continue
        found = _DIC_HEADER_RE.match(stripped)
        if found is None:
            raise collector.error(
                index + 1,
                f"expected a header line 'number<TAB>name' (e.g. '1\\tcare.virtue'), "
                f"found {stripped!r}",
            )
        number, name = int(found.group(1)), found.group(2).strip()
        if number in categories:
            raise collector.error(
                index + 1,
                f"category number {number} is defined twice "
                f"(first on line {categories[number].line})",
            )
        categories[number] = collector.category(name, index + 1)
    if not categories:
        raise collector.error(end + 1, "the category header defines no categories")
    return end, categories


def _dic_split(line: str) -> tuple[str, list[str]]:
    """Split an entry into its word (or phrase) and its category fields.

    With a tab, the word is everything before the first tab. Without one,
    the word is what precedes the trailing run of category-like fields, so
    ``safe place 1 3`` is the phrase ``safe place`` in categories 1 and 3.
    """
    if "\t" in line:
        word, _, rest = line.partition("\t")
        return word.strip(), _DIC_FIELD_RE.findall(rest)
    fields = _DIC_FIELD_RE.findall(line)
    split = len(fields)
    while split > 1 and _is_dic_category_field(fields[split - 1]):
        split -= 1
    return " ".join(fields[:split]), fields[split:]


def _is_dic_category_field(text: str) -> bool:
    """A category number, a conditional category, or a free-standing markup group."""
    return bool(
        _DIC_NUMBER_RE.match(text)
        or _DIC_CONDITIONAL_RE.match(text)
        or _DIC_MARKUP_RE.fullmatch(text)
    )


def _dic_entry(
    line_text: str, line: int, categories: dict[int, Category], collector: Collector
) -> None:
    """Add one entry's word to each of its categories (or skip legacy markup, with a warning)."""
    word, fields = _dic_split(line_text)
    if not fields:
        raise collector.error(
            line,
            f"entry {word!r} has no category; expected the word followed by one or "
            "more category numbers from the header",
        )
    numbers: list[int] = []
    conditional: list[str] = []
    free_markup = _DIC_MARKUP_RE.findall(word)
    for item in fields:
        if _DIC_NUMBER_RE.match(item):
            numbers.append(int(item))
        elif _DIC_CONDITIONAL_RE.match(item):
            conditional.append(item)
        elif _DIC_MARKUP_RE.fullmatch(item):
            free_markup.append(item)
        else:
            raise collector.error(
                line, f"entry {word!r}: expected category numbers after the word, found {item!r}"
            )
    if free_markup or (conditional and not numbers):
        _warn_skipped_markup(line_text, line, free_markup, conditional, collector)
        return
    undefined = [n for n in numbers if n not in categories]
    if undefined:
        raise collector.error(
            line,
            f"entry {word!r} names category {undefined[0]}, which the header does not define "
            f"(defined: {', '.join(str(n) for n in categories)})",
        )
    if conditional:
        names = ", ".join(f"{n} ({categories[n].name})" for n in numbers)
        collector.warn(
            line,
            f"entry {word!r} has LIWC2007 conditional categories {' '.join(conditional)}, "
            f"which framing cannot express; imported it into its plain categories only: {names}",
        )
    term = collector.term(word, line)
    for number in numbers:
        collector.add(categories[number], term)


def _warn_skipped_markup(
    line_text: str,
    line: int,
    free_markup: list[str],
    conditional: list[str],
    collector: Collector,
) -> None:
    """Warn that an entry with LIWC2007 markup was skipped, and why."""
    if free_markup:
        reason = (
            f"its markup {' '.join(free_markup)} makes it depend on neighbouring words, "
            "and it is unclear which word or phrase it stands for"
        )
    else:
        reason = f"all its categories are conditional ({' '.join(conditional)})"
    shown = " ".join(line_text.split())
    collector.warn(
        line,
        f"skipped entry {shown!r}: {reason}; framing cannot express LIWC2007 conditional markup",
    )
