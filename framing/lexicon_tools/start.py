"""Starting a lexicon set of one's own: a copy of the bundled one, or a new scaffold.

The bundled set lives inside the installed package, where an upgrade would
overwrite any edit and where editing changes every other user's default; so
``framing lexicon suggest --add`` never writes there. :func:`copy_set`
copies a set into a folder the user names, to edit freely;
:func:`scaffold_set` (``framing lexicon new``) writes a new set whose files
explain themselves in comments and validate as they are.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from framing.errors import LexiconError, OutputError
from framing.lexicons.terms import DEFAULT_NEGATION_CUES, ID_RE
from framing.model import DEFAULT_SCOPE_BREAKERS


def copy_set(source: str | Path, folder: str | Path) -> Path:
    """Copy the lexicon set folder ``source`` to ``folder`` (which must not exist yet)."""
    source, folder = Path(source), Path(folder)
    if folder.exists():
        raise OutputError(
            "already exists; to edit the set in it, pass it as --lexicons instead", path=folder
        )
    if not source.is_dir():
        raise LexiconError("only a lexicon set folder can be copied", path=source)
    shutil.copytree(source, folder)
    return folder


def scaffold_set(folder: str | Path, frames: Sequence[str], *, description: str = "") -> list[Path]:
    """Write a new set into ``folder``: a commented ``_set.toml`` and one file per frame id.

    Each frame file holds its id, a label, an empty description to fill in
    and one starting term (the id's words, ``workers_rights`` -> "workers
    rights"), so the set loads and validates as it is. Refuses, before
    writing, a bad or repeated frame id, no frame, or a folder that already
    holds files.
    """
    folder = Path(folder)
    ids = [f.strip() for f in frames if f.strip()]
    if not ids:
        raise LexiconError("give at least one frame id, e.g. --frames heroic,victims")
    for frame_id in ids:
        if not ID_RE.fullmatch(frame_id):
            raise LexiconError(
                f"bad frame id {frame_id!r}: use lower-case letters, digits and _, "
                "starting with a letter (e.g. workers_rights)"
            )
    repeated = sorted({f for f in ids if ids.count(f) > 1})
    if repeated:
        raise LexiconError(f"frame id given twice: {', '.join(repeated)}")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError("already exists and is not an empty folder", path=folder)
    from framing.io.files import write_texts_atomic

    texts = {folder / "_set.toml": _set_text(folder.name, description)}
    texts.update({folder / f"{f}.toml": _frame_text(f, folder) for f in ids})
    return write_texts_atomic(texts)


def _set_text(name: str, description: str) -> str:
    # json.dumps writes a valid TOML basic string for any text.
    import json

    return f"""\
# Settings of the "{_comment(name)}" lexicon set (this file is not a frame).
# Every other .toml file in this folder is a frame. See docs/lexicons.md.
name = {json.dumps(name)}
# One sentence: which story these frames are about, and when.
description = {json.dumps(description)}

# Optional settings, shown with their defaults; uncomment to change them.
# A negation cue opens a scope in which a term counts against its frame:
# negation_cues = {json.dumps(list(DEFAULT_NEGATION_CUES))}
# Besides punctuation, these words end a negation's scope:
# scope_breakers = {json.dumps(list(DEFAULT_SCOPE_BREAKERS))}
"""


def _frame_text(frame_id: str, folder: Path) -> str:
    words = frame_id.replace("_", " ")
    return f"""\
# A frame: one way of presenting the story's people. Say what it means and
# why each term signals it; comments like this one are kept by framing's tools.
id = "{frame_id}"
label = "{words.capitalize()}"
# What the frame says about the people, in one sentence.
description = ""
# colour = "#0072B2"   # optional; the default is a colour-blind-safe palette

# Words ("freedom"), phrases ("national security"), wildcards ("radicali*"),
# gaps ("help {{0,3}} refugees") and weights ({{ term = "adventure*", weight = 0.5 }}).
# Find more with: framing lexicon suggest {frame_id} ARTICLES/ --lexicons {_comment(str(folder))}
terms = [
    "{words}",
]
"""


def _comment(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
