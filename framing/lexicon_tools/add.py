"""Adding terms to a frame file (``framing lexicon suggest --add``).

:func:`add_terms` appends terms to a frame's ``terms`` list with tomlkit,
keeping the file's comments and layout, after the same checks as
``framing lexicon validate``; it refuses, without writing, anything that
would leave the file with an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicon_tools.matchable import swallowing_wildcard, unmatchable_reasons
from framing.lexicon_tools.problems import ERROR, Problem
from framing.lexicon_tools.validate import CheckedFrame, check_frame_text, read_text
from framing.lexicons.load import parse_term
from framing.model import Term


def add_terms(frame_file: str | Path, terms: Sequence[str]) -> Path:
    """Append ``terms`` to a frame file's ``terms`` list, keeping its comments and layout.

    The file is edited with tomlkit, so only the added lines change (and, in
    a list whose last entry has no trailing comma, that entry's line gains
    one). Refuses, with a :class:`~framing.errors.LexiconError` and without
    writing, a term :func:`~framing.lexicons.load.parse_term` rejects, a term the
    frame already has (same tokens) or already matches with a wildcard, a
    term given twice, a file that has errors, or a result that would not
    validate. The file is written atomically, then loaded again as a check.
    """
    from framing.io.files import write_text_atomic
    from framing.lexicons.load import load_frame

    path = Path(frame_file)
    if path.suffix.lower() != ".toml":
        raise LexiconError("terms can only be added to a .toml frame file", path=path)
    raw = read_text(path)
    if isinstance(raw, Problem):
        raise LexiconError(raw.message, path=path, line=raw.line)
    before = check_frame_text(raw, path)
    _raise_first_error(before)
    new_terms = _new_terms(terms, before.terms, path)
    text = _append_with_tomlkit(raw, [t.text for t in new_terms], path)
    after = check_frame_text(text, path)
    _raise_first_error(after)
    if [t.tokens for t in after.terms] != [t.tokens for t in (*before.terms, *new_terms)]:
        raise LexiconError(
            "adding the terms would change other entries; file left as is", path=path
        )
    write_text_atomic(path, text)
    try:
        load_frame(path)
    except LexiconError:
        write_text_atomic(path, raw)
        raise
    return path


def _raise_first_error(checked: CheckedFrame) -> None:
    for problem in checked.problems:
        if problem.severity == ERROR:
            raise LexiconError(
                f"{problem.message} (fix the file first; see 'framing lexicon validate')",
                path=problem.path,
                line=problem.line,
            )


def _new_terms(texts: Sequence[str], existing: Sequence[Term], path: Path) -> list[Term]:
    """Parse the terms to add; refuse any that the frame has or already matches."""
    have = {term.tokens: term for term in existing}
    wildcards = {(t.tokens[:-1], t.tokens[-1][:-1]): t for t in existing if t.is_wildcard}
    added: list[Term] = []
    for text in texts:
        try:
            term = parse_term(text)
        except ValueError as exc:
            raise LexiconError(f"cannot add: {exc}", path=path) from None
        if term.tokens in have:
            earlier = have[term.tokens]
            raise LexiconError(
                f"cannot add {term.text!r}: the frame already has {earlier.text!r}",
                path=path,
                line=earlier.line,
            )
        if any(t.tokens == term.tokens for t in added):
            raise LexiconError(f"cannot add {term.text!r}: it is given twice", path=path)
        wildcard = swallowing_wildcard(term, wildcards)
        if wildcard is not None:
            raise LexiconError(
                f"cannot add {term.text!r}: wildcard {wildcard.text!r} already matches it",
                path=path,
                line=wildcard.line,
            )
        for severity, message in unmatchable_reasons(term):
            if severity == ERROR:
                raise LexiconError(f"cannot add: {message}", path=path)
        added.append(term)
    return added


def _append_with_tomlkit(raw: str, texts: Sequence[str], path: Path) -> str:
    import tomlkit
    from tomlkit.items import Array

    document = tomlkit.parse(raw)
    terms = document.get("terms")
    if not isinstance(terms, Array):
        raise LexiconError("terms can only be added to an inline 'terms = [...]' list", path=path)
    for text in texts:
        terms.append(text)
    return tomlkit.dumps(document)
