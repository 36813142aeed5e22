"""Writing a lexicon set as framing's own TOML frame files.

:func:`write_lexicon_set` saves a set (typically one imported by
:func:`framing.lexicons.importers.import_lexicon`) as a folder of TOML frame
files, one per frame, to be read, edited and versioned like any hand-made
lexicon; :func:`render_frame_toml` gives one frame's file as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import LexiconError
from framing.lexicons.terms import ID_RE
from framing.model import Frame, LexiconSet, Term

if TYPE_CHECKING:
    from tomlkit.items import Item


def render_frame_toml(frame: Frame) -> str:
    """A frame as a TOML frame file that :func:`framing.lexicons.toml_files.load_frame` reads back.

    One key per line, one term per line, a weight only where it is not 1,
    and a header comment naming the file the frame came from, so the file
    reads like a hand-made one and diffs well. The same frame always gives
    the same text. tomlkit writes the TOML (it is imported here, not at the
    top, so that loading lexicons does not import it).
    """
    import tomlkit
    from tomlkit.items import Array, Trivia

    document = tomlkit.document()
    document.add(
        tomlkit.comment(f"Frame '{_comment_text(frame.label)}', converted by framing from")
    )
    document.add(tomlkit.comment(f"  {_comment_text(frame.source)}"))
    document.add(tomlkit.comment('Edit freely: see "Lexicon format" in the README.'))
    document.add("id", frame.id)
    document.add("label", frame.label)
    document.add("description", frame.description)
    document.add("colour", frame.colour)
    # Built in one go: Array.append re-indexes the whole array on every call,
    # which made writing a 20,000-term frame take 25 s rather than 0.4 s.
    terms = Array([_toml_term(term) for term in frame.terms], Trivia(), multiline=True)
    document.add("terms", terms)
    return tomlkit.dumps(document)


def _toml_term(term: Term) -> Item:
    """A term as its text, or as ``{ term = ..., weight = ... }`` when its weight is not 1."""
    import tomlkit

    if term.weight == 1:
        return tomlkit.item(term.text)
    text, weight = tomlkit.item(term.text), tomlkit.item(term.weight)
    # Spaces inside the braces, as in the frame files people write.
    text.trivia.indent = " "
    weight.trivia.trail = " "
    table = tomlkit.inline_table()
    table.append("term", text)
    table.append("weight", weight)
    return table


def _comment_text(text: str) -> str:
    """Text safe inside a TOML comment: no line breaks or other control characters."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def write_lexicon_set(
    lexicons: LexiconSet, folder: str | Path, *, overwrite: bool = False
) -> list[Path]:
    """Write each frame to ``folder/<frame id>.toml``; return the paths in frame order.

    Refuses, before writing anything, when a file to write already exists
    (unless ``overwrite``), so that an import never clobbers a hand-edited
    lexicon. Each file is written atomically. Raises
    :class:`~framing.errors.LexiconError` for an existing file, a frame id
    that cannot be a file name, or two frames with one id.
    """
    from framing.io.files import write_text_atomic

    folder = Path(folder)
    targets: list[tuple[Path, Frame]] = []
    seen: set[str] = set()
    for frame in lexicons.frames:
        if not ID_RE.match(frame.id):
            raise LexiconError(
                f"frame id {frame.id!r} must be lower case letters, digits and _ "
                "(starting with a letter) to name a frame file",
                path=frame.source,
            )
        if frame.id in seen:
            raise LexiconError(f"two frames have the id {frame.id!r}", path=lexicons.source)
        seen.add(frame.id)
        targets.append((folder / f"{frame.id}.toml", frame))
    existing = [path for path, _ in targets if path.exists()]
    if existing and not overwrite:
        more = f" (and {len(existing) - 1} more of the files to write)" if len(existing) > 1 else ""
        raise LexiconError(
            f"already exists{more}; refusing to overwrite existing frame files", path=existing[0]
        )
    return [write_text_atomic(path, render_frame_toml(frame)) for path, frame in targets]
