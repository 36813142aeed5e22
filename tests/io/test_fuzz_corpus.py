"""Fuzzing the corpus loader: any folder, any manifest, any bytes.

Whatever a folder holds, :func:`load_corpus` either returns a corpus or
stops with an :class:`~framing.errors.InputError` (never another exception);
it reads nothing outside the folder, and every entry but hidden ones, the
manifest and subfolders is either read or listed as skipped.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.io.corpus import MANIFEST_NAME, load_corpus

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: File names: mostly articles, some other types, some odd (spaces, dots, non-ASCII).
names = st.builds(
    lambda stem, suffix: stem + suffix,
    st.text(
        alphabet=st.characters(
            codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/\\\x00"
        ),
        min_size=1,
        max_size=12,
    ).filter(lambda s: s not in (".", "..") and not s.startswith(".")),
    st.sampled_from([".txt", ".md", ".TXT", ".csv", ".html", ""]),
)
texts = st.one_of(
    st.sampled_from(["Headline\n\nThey fight for freedom.\n", "Body only, in one line."]),
    st.text(alphabet="abc .,\n\u200b’“”é", min_size=1, max_size=200),
    st.text(max_size=300),
    st.binary(max_size=300),
    st.sampled_from(["", "   \n", "\ufeffHeadline\n\nBody text.", "free\u200bdom fighters"]),
    st.text(max_size=100).map(lambda t: t.encode("utf-16")),
)
#: Manifest cells: file names that may or may not exist, escapes, quotes, line breaks.
cells = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["../outside.txt", "/etc/passwd", "sub/../a.txt", '"', "a\nb", ""]),
)


def _write_manifest(folder: Path, rows: list[list[str]], raw: str | None) -> None:
    if raw is not None:
        (folder / MANIFEST_NAME).write_text(raw, encoding="utf-8", errors="replace")
        return
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["file", "outlet", "title", "date", "url"], *rows])
    (folder / MANIFEST_NAME).write_text(buffer.getvalue(), encoding="utf-8", errors="replace")


#: A manifest row: (a written file by index, or any cell), outlet, title, date, url.
rows = st.tuples(
    st.one_of(st.integers(0, 5), st.integers(0, 5), cells),
    st.one_of(st.sampled_from(["Alpha", "Beta", "Ünï Cödé"]), cells),
    *[st.one_of(st.just(""), st.text(alphabet="abc 19-:/", max_size=10), cells)] * 3,
)


@FUZZ
@given(
    files=st.dictionaries(names, texts, max_size=6),
    manifest=st.one_of(st.none(), st.lists(rows, max_size=6), st.text(max_size=200)),
)
def test_any_folder_loads_or_gives_an_input_error(files, manifest):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "in"
        folder.mkdir()
        (root / "outside.txt").write_text("SECRET outside the folder", encoding="utf-8")
        written = []
        for name, content in files.items():
            path = folder / name
            try:
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    path.write_text(content, encoding="utf-8", errors="replace")
            except (OSError, ValueError):  # a name this file system refuses
                continue
            written.append(name)
        if isinstance(manifest, list):
            _write_manifest(
                folder,
                [
                    [written[file % len(written)] if written else "", *rest]
                    if isinstance(file, int)
                    else [file, *rest]
                    for file, *rest in manifest
                ],
                None,
            )
        elif isinstance(manifest, str):
            _write_manifest(folder, [], manifest)
        try:
            corpus = load_corpus([folder], max_bytes=200)
        except InputError as exc:
            assert str(exc)
            event("input error: " + exc.detail[:40])
            return
        event(f"{len(corpus.documents)} documents, {len(corpus.skipped)} skipped")
        real = os.path.realpath(folder)
        for doc in corpus.documents:
            assert os.path.realpath(doc.source).startswith(real + os.sep)
            assert "SECRET" not in doc.text
            assert doc.text.strip()
        # A table's rows are sources of their own ("table.csv:3"): they account for the file.
        sources = [d.source for d in corpus.documents] + [s.source for s in corpus.skipped]
        accounted = {os.path.realpath(re.sub(r":\d+(-\d+)?$", "", s)) for s in sources}
        for entry in folder.iterdir():
            if entry.name.startswith(".") or entry.name == MANIFEST_NAME or entry.is_dir():
                continue
            assert os.path.realpath(entry) in accounted, entry.name


@FUZZ
@given(content=st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_any_single_file_loads_or_gives_an_input_error(content):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            corpus = load_corpus([path], max_bytes=300)
        except InputError:
            return
        (doc,) = corpus.documents
        assert doc.text.strip() and "\x00" not in doc.text[:8192]
