"""File paths as a report shows them: relative to what the user gave, never the machine's.

A report or JSON export travels: a teacher projects it, a researcher sends it
to a co-author. The absolute path of an article (``/home/ana/…``) or of the
installed package's data means nothing to them and tells them about the
machine it was made on. So the views never show a path as it was read; they
show :func:`display_path` of it:

* a file of the data bundled with framing (the seed articles, the default
  lexicons) as ``bundled:`` and its place in that data, e.g.
  ``bundled:seeds/000_771ea05e6dff55f1.txt`` or ``bundled:lexicons/volunteers``;
* a path as the user typed it when that is relative and stays below the
  current folder (``articles/a.txt``);
* otherwise, a path inside one of the inputs the user gave as the input's own
  name and the path below it (``/srv/data/articles/a.txt`` given as
  ``/srv/data/articles`` shows as ``articles/a.txt``);
* anything else as its file name.

:func:`for_display` applies this to every path an
:class:`~framing.model.Analysis` carries (documents, skipped inputs, the notes
that start with one, the lexicon set and its frames), so each view needs no
change; the ``Analysis`` itself keeps the real paths, for code that opens them.
:func:`key_for_display` does the same for a blind run's answer key.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from framing.model import Analysis
from framing.model.coding import Evaluation
from framing.resources import lexicons_dir, seeds_dir

if TYPE_CHECKING:
    from framing.io.blind import AnswerKey

#: The prefix of a path inside the data bundled with framing.
BUNDLED = "bundled:"
#: Whether paths compare part by part as written (case included), as on POSIX.
_POSIX = os.name == "posix"


def display_path(path: str | Path, roots: Iterable[str | Path] = ()) -> str:
    """``path`` as a report shows it (see the module docstring); ``roots`` are the inputs.

    A string that is not a path (a blinded source such as ``"Outlet A,
    article 1"``) comes back unchanged, as does an empty one.
    """
    return _Display(roots)(path)


class _Display:
    """:func:`display_path` for many paths, with the folders it compares them with found once."""

    def __init__(self, roots: Iterable[str | Path]) -> None:
        self._bundled = _bundled_folders()
        self._roots = [Path(os.path.abspath(root)) for root in roots]

    def __call__(self, path: str | Path) -> str:
        text = str(path)
        if not text:
            return text
        given = Path(text)
        absolute = Path(os.path.abspath(given))
        resolved: Path | None = None
        for data in self._bundled:
            inside = _relative(absolute, data)
            if inside is None:
                if resolved is None:
                    resolved = _resolved(given)
                inside = _relative(resolved, data)
            if inside is not None:
                return BUNDLED + PurePath(data.name, inside).as_posix()
        if not given.is_absolute() and ".." not in given.parts:
            return given.as_posix()
        for root_path in self._roots:
            inside = _relative(absolute, root_path)
            if inside is not None:
                return (
                    PurePath(root_path.name, inside).as_posix() if inside.parts else root_path.name
                )
        return given.name or text


def for_display(analysis: Analysis, inputs: Sequence[str | Path] = ()) -> Analysis:
    """``analysis`` with each path it carries replaced by :func:`display_path` of it.

    ``inputs`` are the files and folders the user gave; the lexicon set's own
    folder is added to them, so its frame files show below its name.
    """
    lexicons = analysis.lexicons
    roots = [*inputs, lexicons.source]

    show = _Display(roots)

    sources = [d.source for d in analysis.documents] + [s.source for s in analysis.skipped]
    return replace(
        analysis,
        documents=tuple(replace(d, source=show(d.source)) for d in analysis.documents),
        skipped=tuple(replace(s, source=show(s.source)) for s in analysis.skipped),
        notes=tuple(_note(n, sources, show) for n in analysis.notes),
        lexicons=replace(
            lexicons,
            source=show(lexicons.source),
            frames=tuple(replace(f, source=show(f.source)) for f in lexicons.frames),
        ),
    )


def evaluation_for_display(
    evaluation: Evaluation | None, inputs: Sequence[str | Path] = ()
) -> Evaluation | None:
    """A validation with its coding sheet's and lexicon set's paths as a report shows them."""
    if evaluation is None:
        return None
    roots = [*inputs, evaluation.lexicons]
    return replace(
        evaluation,
        source=display_path(evaluation.source, roots),
        lexicons=display_path(evaluation.lexicons, roots),
    )


def key_for_display(key: AnswerKey, inputs: Sequence[str | Path] = ()) -> AnswerKey:
    """A blind run's answer key with each document's source as a report shows it."""
    return replace(
        key,
        outlets=tuple(
            replace(
                o,
                documents=tuple(
                    replace(d, source=display_path(d.source, inputs)) for d in o.documents
                ),
            )
            for o in key.outlets
        ),
    )


def _note(note: str, sources: Sequence[str], show: Callable[[str], str]) -> str:
    """A note that starts with one of ``sources`` ("path: message"), with the path shown."""
    for source in sources:
        if source and note.startswith(source + ": "):
            return show(source) + note[len(source) :]
    return note


def _bundled_folders() -> list[Path]:
    folders = []
    for find in (seeds_dir, lexicons_dir):
        try:
            folders.append(find())
        except FileNotFoundError:
            continue
    return folders


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _relative(path: Path, folder: Path) -> PurePath | None:
    """``path`` relative to ``folder`` when it is inside it (or is it), else None."""
    if _POSIX and not str(path).startswith(str(folder)):
        return None  # the same parts first would make the same text first
    try:
        return path.relative_to(folder)
    except ValueError:
        return None
