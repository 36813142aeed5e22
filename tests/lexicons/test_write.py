"""Writing lexicon sets as TOML frame files (framing.lexicons.write)."""

from __future__ import annotations

import tomllib

import pytest

from framing.errors import LexiconError
from framing.lexicons.importers import import_lexicon
from framing.lexicons.load import load_lexicons
from framing.lexicons.terms import parse_term
from framing.lexicons.toml_files import load_frame
from framing.lexicons.write import render_frame_toml, write_lexicon_set
from framing.model import Frame, LexiconSet
from tests.lexicons.helpers import DATA, FIXTURES


def lexicon_key(frame: Frame) -> tuple[object, ...]:
    """What makes two frames the same lexicon: id, label, description, colour, terms."""
    terms = tuple((t.text, t.tokens, t.weight) for t in frame.terms)
    return (frame.id, frame.label, frame.description, frame.colour, terms)


def same_frame(a: Frame, b: Frame) -> bool:
    return lexicon_key(a) == lexicon_key(b)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_every_format_round_trips_through_toml(tmp_path, fixture):
    lexicons = import_lexicon(fixture).lexicons
    paths = write_lexicon_set(lexicons, tmp_path / "out")
    assert [p.name for p in paths] == [f"{f.id}.toml" for f in lexicons.frames]
    for frame, path in zip(lexicons.frames, paths, strict=True):
        assert path.read_text(encoding="utf-8") == render_frame_toml(frame)
        assert same_frame(load_frame(path), frame)
    reloaded = load_lexicons(tmp_path / "out")
    assert sorted(reloaded.frame_ids) == sorted(lexicons.frame_ids)


def test_tricky_strings_round_trip(write, tmp_path):
    path = write(
        "tricky.lc3",
        '+Héros "brave" \\ ones\tand tabs\n'
        '"quoted" hero*\n'
        "back\\slash*\n"
        "naïve*\n"
        "Café crème\n"
        'it\'s "them"\n'
        "+Ünïcödé\n"
        "日本 の 英雄\n",
    )
    lexicons = import_lexicon(path).lexicons
    for frame in lexicons.frames:
        text = render_frame_toml(frame)
        tomllib.loads(text)  # valid TOML
        target = tmp_path / "out" / f"{frame.id}.toml"
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
        assert same_frame(load_frame(target), frame)
    assert lexicons.frames[0].label == 'Héros "brave" \\ ones\tand tabs'
    assert [t.text for t in lexicons.frames[0].terms] == [
        '"quoted" hero*',
        "back\\slash*",
        "naïve*",
        "Café crème",
        'it\'s "them"',
    ]


def test_render_frame_toml_layout_and_weights():
    frame = Frame(
        id="legal",
        label="Legal limbo",
        description='No "POW" status.\nSecond line',
        colour="#0072B2",
        terms=(
            parse_term("pow status"),
            parse_term("prosecut*", weight=0.5),
            parse_term("mercenar*", weight=2),
        ),
        source="dicts/legal\nstatus.lc3",
    )
    assert render_frame_toml(frame) == (
        "# Frame 'Legal limbo', converted by framing from\n"
        "#   dicts/legal\\u000astatus.lc3\n"
        '# Edit freely: see "Lexicon format" in the README.\n'
        'id = "legal"\n'
        'label = "Legal limbo"\n'
        'description = "No \\"POW\\" status.\\nSecond line"\n'
        'colour = "#0072B2"\n'
        "terms = [\n"
        '    "pow status",\n'
        '    { term = "prosecut*", weight = 0.5 },\n'
        '    { term = "mercenar*", weight = 2.0 },\n'
        "]\n"
    )


def test_control_characters_are_escaped():
    frame = Frame(
        id="x", label="a\x01b\x7fc", description="", colour="#000000",
        terms=(parse_term("word"),), source="s",
    )  # fmt: skip
    data = tomllib.loads(render_frame_toml(frame))
    assert data["label"] == "a\x01b\x7fc"


def test_output_is_deterministic():
    for fixture in FIXTURES:
        first = [render_frame_toml(f) for f in import_lexicon(fixture).lexicons.frames]
        second = [render_frame_toml(f) for f in import_lexicon(fixture).lexicons.frames]
        assert first == second


def test_write_lexicon_set_refuses_to_overwrite(tmp_path):
    lexicons = import_lexicon(DATA / "lexicoder_small.lc3").lexicons
    out = tmp_path / "out"
    out.mkdir()
    (out / "negative.toml").write_text("hand edited\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        write_lexicon_set(lexicons, out)
    assert str(caught.value) == (
        f"{out / 'negative.toml'}: already exists; refusing to overwrite existing frame files"
    )
    # Nothing was written: not even the frame whose file did not exist.
    assert sorted(p.name for p in out.iterdir()) == ["negative.toml"]
    assert (out / "negative.toml").read_text(encoding="utf-8") == "hand edited\n"

    paths = write_lexicon_set(lexicons, out, overwrite=True)
    assert paths == [out / "positive.toml", out / "negative.toml"]
    assert same_frame(load_frame(out / "negative.toml"), lexicons.frames[1])
    assert sorted(p.name for p in out.iterdir()) == ["negative.toml", "positive.toml"]


def test_write_lexicon_set_counts_every_existing_file(tmp_path):
    lexicons = import_lexicon(DATA / "lexicoder_small.lc3").lexicons
    write_lexicon_set(lexicons, tmp_path)
    with pytest.raises(LexiconError, match=r"already exists \(and 1 more of the files"):
        write_lexicon_set(lexicons, tmp_path)


def test_write_lexicon_set_rejects_unusable_ids(tmp_path):
    frame = Frame("ok", "OK", "", "#000000", (parse_term("word"),), "src.lc3")
    bad = LexiconSet(
        "s", (frame, Frame("../evil", "E", "", "#000000", frame.terms, "src")), "s", ()
    )
    with pytest.raises(LexiconError, match=r"frame id '\.\./evil' must be lower case"):
        write_lexicon_set(bad, tmp_path)
    twice = LexiconSet("s", (frame, frame), "set.lc3", ())
    with pytest.raises(LexiconError, match="two frames have the id 'ok'"):
        write_lexicon_set(twice, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_20000_term_frame_round_trips_through_toml(tmp_path):
    terms = tuple(parse_term(f"t{i}", weight=1 if i % 3 else 0.25) for i in range(20_000))
    frame = Frame("big", "Big", "", "#000000", terms, "big.lc3")
    path = tmp_path / "big.toml"
    path.write_text(render_frame_toml(frame), encoding="utf-8")
    loaded = load_frame(path)
    assert same_frame(loaded, frame)
    assert [t.line for t in loaded.terms] == list(range(9, 20_009))
