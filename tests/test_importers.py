"""Importing dictionary formats (LIWC .dic/.dicx, Lexicoder, YAML, word lists) and writing TOML.

Valid fixtures are small invented dictionaries in ``tests/data/importers/``;
error and warning cases are written to ``tmp_path`` so each test shows the
exact input and the exact ``path:line`` it must report.
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.lexicons.importers import (
    SUPPORTED_FORMATS,
    ImportResult,
    import_lexicon,
    render_frame_toml,
    write_lexicon_set,
)
from framing.lexicons.load import (
    DEFAULT_COLOURS,
    DEFAULT_NEGATION_CUES,
    load_frame,
    load_lexicons,
    parse_term,
)
from framing.lexicons.match import Matcher
from framing.model import Frame, LexiconSet
from tests.conftest import make_sentence

DATA = Path(__file__).resolve().parent / "data" / "importers"
FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix.lower() in SUPPORTED_FORMATS)


def frames_of(result: ImportResult) -> list[tuple[str, str, list[str]]]:
    """(id, label, term texts) of each imported frame, in order."""
    return [(f.id, f.label, [t.text for t in f.terms]) for f in result.lexicons.frames]


def import_error(path: Path) -> str:
    with pytest.raises(LexiconError) as caught:
        import_lexicon(path)
    return str(caught.value)


# --------------------------------------------------------------------------
# Valid fixtures, one per format
# --------------------------------------------------------------------------


def test_liwc_dic_imports_one_frame_per_category():
    result = import_lexicon(DATA / "moral_small.dic")
    assert frames_of(result) == [
        ("care_virtue", "care.virtue", ["compassion*", "kind", "safe*", "need help"]),
        ("care_vice", "care.vice", ["harm*", "abandon*", "need help"]),
        ("fairness_virtue", "fairness.virtue", ["equal rights", "safe*"]),
        ("loyalty_vice", "loyalty.vice", ["abandon*", "betray*"]),
    ]
    assert result.warnings == ()
    lexicons = result.lexicons
    assert lexicons.name == "moral_small"
    assert lexicons.source == str(DATA / "moral_small.dic")
    assert lexicons.negation_cues == DEFAULT_NEGATION_CUES
    first = lexicons.frames[0]
    assert first.description == (
        "Imported from moral_small.dic (LIWC .dic), category 'care.virtue'."
    )
    assert first.source == str(DATA / "moral_small.dic")
    assert [f.colour for f in lexicons.frames] == list(DEFAULT_COLOURS[:4])
    # Terms are real, matchable Terms that remember their line.
    assert first.terms[0] == parse_term("compassion*", line=7)
    assert first.terms[3].kind == "phrase"


def test_liwc_dic_frames_match_text():
    matcher = Matcher(import_lexicon(DATA / "moral_small.dic").lexicons)
    hits = matcher.match(make_sentence("They abandoned the compassionate ones."))
    assert [(h.frame, h.term, h.surface) for h in hits] == [
        ("care_vice", "abandon*", "abandoned"),
        ("loyalty_vice", "abandon*", "abandoned"),
        ("care_virtue", "compassion*", "compassionate"),
    ]


def test_liwc22_dicx_imports_marked_columns_and_skips_the_bom():
    result = import_lexicon(DATA / "liwc22_small.dicx")
    assert (DATA / "liwc22_small.dicx").read_bytes().startswith(b"\xef\xbb\xbf")
    assert frames_of(result) == [
        ("heroism", "Heroism", ["hero*", "freedom fighter*"]),
        ("threat", "Threat", ["extremis*", "mercenar*"]),
        ("legal_status", "Legal status", ["mercenar*", "pow status"]),
    ]
    assert [t.line for t in result.lexicons.frames[2].terms] == [5, 6]
    assert result.warnings == ()


def test_lexicoder_lc3_imports_categories_and_phrases():
    result = import_lexicon(DATA / "lexicoder_small.lc3")
    assert frames_of(result) == [
        ("positive", "positive", ["brave*", "people of goodwill", "help"]),
        ("negative", "negative", ["radicali*", "not help", "threat*"]),
    ]
    assert result.lexicons.frames[1].description == (
        "Imported from lexicoder_small.lc3 (Lexicoder .lc3), category 'negative'."
    )
    assert result.warnings == ()


def test_yaml_flattens_nested_categories_and_reads_terms_as_written():
    result = import_lexicon(DATA / "quanteda_small.yml")
    assert frames_of(result) == [
        ("heroic", "heroic", ["hero*", "freedom fighter*", "defend"]),
        ("security_threat", "security.threat", ["extremis*", "radicali*"]),
        # YAML 1.1 would read a bare `no` as False: a dictionary means the word.
        ("security_legal", "security.legal", ["mercenar*", "pow status", "no"]),
    ]
    assert [t.line for t in result.lexicons.frames[1].terms] == [8, 9]
    assert result.warnings == ()


def test_word_list_is_one_frame_named_after_the_file():
    result = import_lexicon(DATA / "heroes.txt")
    assert frames_of(result) == [
        ("heroes", "heroes", ["hero*", "freedom fighter*", "defend democracy", "Brave"]),
    ]
    frame = result.lexicons.frames[0]
    assert frame.description == "Imported from heroes.txt (word list)."
    assert [t.line for t in frame.terms] == [2, 3, 5, 6]


def test_extension_is_case_insensitive(tmp_path):
    path = tmp_path / "Upper.LC3"
    path.write_bytes((DATA / "lexicoder_small.lc3").read_bytes())
    assert frames_of(import_lexicon(path)) == frames_of(
        import_lexicon(DATA / "lexicoder_small.lc3")
    )


def test_toml_and_folders_go_to_load_lexicons(two_frames):
    folder = import_lexicon(two_frames)
    assert folder.lexicons == load_lexicons(two_frames)
    assert folder.warnings == ()
    single = import_lexicon(two_frames / "legal.toml")
    assert single.lexicons.frame_ids == ("legal",)


# --------------------------------------------------------------------------
# Frame ids
# --------------------------------------------------------------------------


def test_category_names_become_unique_slugs(write):
    path = write(
        "names.lc3",
        "+Care / Virtue!\nkind\n+care virtue\nhelp\n+2nd order\nx\n+Fürsorge\nhilf*\n"
        "+Забота\nзабота\n+__\nboth\n",
    )
    result = import_lexicon(path)
    assert [(f.id, f.label) for f in result.lexicons.frames] == [
        ("care_virtue", "Care / Virtue!"),
        ("care_virtue_2", "care virtue"),
        ("c_2nd_order", "2nd order"),
        ("fursorge", "Fürsorge"),
        ("category", "Забота"),
        ("category_2", "__"),
    ]
    assert [f.colour for f in result.lexicons.frames] == list(DEFAULT_COLOURS[:6])


def test_colours_cycle_past_the_palette(write):
    body = "".join(f"+c{i}\nword{i}\n" for i in range(len(DEFAULT_COLOURS) + 2))
    frames = import_lexicon(write("many.lc3", body)).lexicons.frames
    assert frames[len(DEFAULT_COLOURS)].colour == DEFAULT_COLOURS[0]
    assert frames[len(DEFAULT_COLOURS) + 1].colour == DEFAULT_COLOURS[1]


# --------------------------------------------------------------------------
# LIWC .dic errors and warnings
# --------------------------------------------------------------------------

DIC_HEADER = "%\n1\tcare\n2\tharm\n%\n"  # entries start on line 5


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("compassion\t1\n", 1, "expected a '%' line opening the category header"),
        ("\n\n%\n1\tcare\ncompassion\t1\n", 3, "never closed by a '%' line"),
        ("%\n1\tcare\ncare.vice\n%\nkind\t1\n", 3, "expected a header line 'number<TAB>name'"),
        ("%\n1\tcare\n1\tharm\n%\nkind\t1\n", 3, "category number 1 is defined twice"),
        ("%\n\n%\nkind\t1\n", 3, "the category header defines no categories"),
        (DIC_HEADER + "kind\t1\nhurt\t7\n", 6, "names category 7, which the header does not"),
        (DIC_HEADER + "kind\t1\nhurt\n", 6, "entry 'hurt' has no category"),
        (DIC_HEADER + "kind\t1\nhurt\t\t\n", 6, "entry 'hurt' has no category"),
        (DIC_HEADER + "hurt\t1 two\n", 5, "expected category numbers after the word, found 'two'"),
        (DIC_HEADER + "kind\t1\nha*rm\t2\n", 6, "'ha*rm'"),
        (DIC_HEADER + "kind\t1\n:(\t2\n", 6, "term ':(' has no words"),
    ],
)
def test_dic_errors_name_file_and_line(write, content, line, expected):
    path = write("bad.dic", content)
    message = import_error(path)
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_dic_rejected_term_says_only_a_trailing_star_is_supported(write):
    path = write("bad.dic", DIC_HEADER + "ha*rm\t2\n")
    message = import_error(path)
    assert message == (
        f"{path}:5: term 'ha*rm': '*' is only allowed at the end of a term "
        "(a term is a word or phrase; only a trailing '*' wildcard is supported)"
    )


def test_dic_empty_category_is_dropped_with_a_warning(write):
    path = write("empty.dic", "%\n1\tcare\n2\tharm\n3\tfair\n%\nkind\t1\nfair*\t3\n")
    result = import_lexicon(path)
    assert result.lexicons.frame_ids == ("care", "fair")
    assert result.warnings == (
        f"{path}:3: category 'harm' has no terms; dropped it (an empty frame cannot be used)",
    )
    # Colours are given to the frames that are kept, in order.
    assert [f.colour for f in result.lexicons.frames] == list(DEFAULT_COLOURS[:2])


def test_dic_with_no_terms_at_all_is_an_error(write):
    path = write("none.dic", "%\n1\tcare\n%\n")
    assert import_error(path) == (
        f"{path}: no category has any terms, so there is nothing to import"
    )


def test_dic_duplicate_terms_in_a_category_are_kept_once(write):
    path = write("dup.dic", DIC_HEADER + "kind\t1\nhurt\t2\nKind\t1 2\nhurt 2 2\n")
    result = import_lexicon(path)
    assert frames_of(result) == [("care", "care", ["kind"]), ("harm", "harm", ["hurt", "Kind"])]
    assert result.warnings == (
        f"{path}:7: term 'Kind' repeats 'kind' (line 5) in category 'care'; kept the first",
        f"{path}:8: term 'hurt' repeats 'hurt' (line 6) in category 'harm'; kept the first",
        f"{path}:8: term 'hurt' repeats 'hurt' (line 6) in category 'harm'; kept the first",
    )


def test_dic_legacy_markup_is_skipped_or_reduced_with_warnings():
    path = DATA / "legacy_markup.dic"
    result = import_lexicon(path)
    assert frames_of(result) == [
        ("social", "social", ["friend*"]),
        ("posemo", "posemo", ["like"]),
        ("cogproc", "cogproc", ["think"]),
    ]
    assert result.warnings == (
        f"{path}:7: entry 'like' has LIWC2007 conditional categories (02 134)1, which "
        "framing cannot express; imported it into its plain categories only: 2 (posemo)",
        f"{path}:8: skipped entry 'kind (of) 3': its markup (of) makes it depend on "
        "neighbouring words, and it is unclear which word or phrase it stands for; "
        "framing cannot express LIWC2007 conditional markup",
        f"{path}:9: skipped entry 'kind <of>131/125': all its categories are conditional "
        "(<of>131/125); framing cannot express LIWC2007 conditional markup",
    )


def test_dic_phrases_with_spaces_and_tabs(write):
    path = write(
        "phrases.dic",
        "%\n1 care\n02\tharm\n%\nkind of\t1\nsafe place 1 2\n  take care of*\t\t1\n",
    )
    assert frames_of(import_lexicon(path)) == [
        ("care", "care", ["kind of", "safe place", "take care of*"]),
        ("harm", "harm", ["safe place"]),
    ]


def test_dic_counts_lines_with_crlf_endings(write):
    path = write("crlf.dic", "%\r\n1\tcare\r\n%\r\nkind\t1\r\nhurt\t2\r\n")
    message = import_error(path)
    assert message.startswith(f"{path}:5: entry 'hurt' names category 2")


# --------------------------------------------------------------------------
# LIWC-22 .dicx errors and warnings
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("hero*,X,\nmartyr*,,X\n", 1, "no header row: the first row holds X marks"),
        ("DicTerm\nhero*\n", 1, "no category columns"),
        ("DicTerm,care,\nhero*,X,\n", 1, "column 3 of the header has no category name"),
        ("DicTerm,care,harm\nkind,X\nhurt,,X\n", 2, "row has 2 cells but the header has 3"),
        ("DicTerm,care,harm\nkind,X,,\n", 2, "row has 4 cells but the header has 3"),
        ("DicTerm,care,harm\nkind,X,\nhurt,,yes\n", 3, "cell 'yes' in column 3 ('harm')"),
        ("DicTerm,care,harm\nkind,0.5,\n", 2, "(weighted dictionaries are not supported)"),
        ("DicTerm,care,harm\n\n\n,X,\n", 4, "row has X marks but no term"),
        ('DicTerm,care\n"multi\nline",X\nco?l,X\n', 4, "uses the glob '?'"),
    ],
)
def test_dicx_errors_name_file_and_line(write, content, line, expected):
    path = write("bad.dicx", content)
    message = import_error(path)
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_dicx_warns_about_unmarked_terms_empty_columns_and_repeats(write):
    path = write("w.dicx", "DicTerm,care,unused,care\nkind,X,,\norphan,,,\nKind,x,,X\n")
    result = import_lexicon(path)
    assert frames_of(result) == [("care", "care", ["kind"]), ("care_2", "care", ["Kind"])]
    assert result.warnings == (
        f"{path}:1: category name 'care' is used twice (also on line 1); both were imported, "
        "as frames with different ids",
        f"{path}:1: category 'unused' has no terms; dropped it (an empty frame cannot be used)",
        f"{path}:3: term 'orphan' is marked in no category; skipped it",
        f"{path}:4: term 'Kind' repeats 'kind' (line 2) in category 'care'; kept the first",
    )


# --------------------------------------------------------------------------
# Lexicoder .lc3 errors and warnings
# --------------------------------------------------------------------------


def test_lc3_term_before_any_category_is_an_error(write):
    path = write("bad.lc3", "\nbrave*\n+positive\nhelp\n")
    assert import_error(path) == (
        f"{path}:2: term 'brave*' comes before any category; expected a '+category' line "
        "first (e.g. '+positive')"
    )


def test_lc3_category_without_a_name_is_an_error(write):
    path = write("bad.lc3", "+positive\nhelp\n+ \nhurt\n")
    assert import_error(path).startswith(f"{path}:3: a category line needs a name")


def test_lc3_quanteda_glob_is_an_error(write):
    path = write("bad.lc3", "+positive\nhelp\ncolo?r\n")
    assert import_error(path) == (
        f"{path}:3: term 'colo?r' uses the glob '?', which is not supported: only a "
        "trailing '*' wildcard is supported"
    )


def test_lc3_empty_and_repeated_categories_warn(write):
    path = write("w.lc3", "+positive\nhelp\n+empty\n+negative\nhurt\n+positive\nbrave\nhelp\n")
    result = import_lexicon(path)
    assert frames_of(result) == [
        ("positive", "positive", ["help", "brave"]),
        ("negative", "negative", ["hurt"]),
    ]
    assert result.warnings == (
        f"{path}:3: category 'empty' has no terms; dropped it (an empty frame cannot be used)",
        f"{path}:6: category 'positive' appears again (first on line 1); its terms were "
        "added to it",
        f"{path}:8: term 'help' repeats 'help' (line 2) in category 'positive'; kept the first",
    )


# --------------------------------------------------------------------------
# YAML errors and warnings
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "expected"),
    [
        ("care:\n  - kind\n  - [unclosed\nharm:\n  - hurt\n", 4, "YAML syntax error"),
        ('care:\n  - "kind\n', 3, "YAML syntax error"),
        ("- kind\n- hurt\n", 1, "expected a mapping of category names to lists of terms"),
        ("care:\n  - kind\nharm: hurt\n", 3, "category 'harm' must be a list of terms"),
        ("care:\n  - kind\n  - {a: b}\n", 3, "each term of category 'care' must be a string"),
        ("care:\n  - kind\n  -\n", 3, "must be a string, found nothing"),
        ("care:\n  - kind\ncare:\n  - help\n", 3, "category 'care' is defined twice"),
        ("a:\n  b: [x]\na.b: [y]\n", 3, "category 'a.b' is defined twice (first on line 2)"),
        ("care:\n  - kind\n  - her?\n", 3, "uses the glob '?'"),
        ("care:\n  - kind\n  - '*'\n", 3, "only a trailing '*' wildcard is supported"),
    ],
)
def test_yaml_errors_name_file_and_line(write, content, line, expected):
    path = write("bad.yml", content)
    message = import_error(path)
    assert message.startswith(f"{path}:{line}: ")
    assert expected in message


def test_yaml_empty_categories_are_dropped_with_warnings(write):
    path = write("w.yaml", "care:\n  - kind\nharm:\nfair: []\nloyal: {}\n")
    result = import_lexicon(path)
    assert result.lexicons.frame_ids == ("care",)
    assert result.warnings == tuple(
        f"{path}:{line}: category {name!r} has no terms; dropped it (an empty frame cannot be used)"
        for line, name in ((3, "harm"), (4, "fair"), (5, "loyal"))
    )


def test_yaml_document_with_only_comments_is_an_error(write):
    path = write("c.yml", "# nothing here\n")
    assert import_error(path) == f"{path}: has no categories (the YAML document is empty)"


def test_yaml_cannot_construct_python_objects(write):
    path = write("evil.yml", "care:\n  - !!python/object/apply:os.system ['echo hacked']\n")
    assert "must be a string, found a list" in import_error(path)


# --------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------


def test_word_list_with_no_terms_is_an_error(write):
    path = write("nothing.txt", "# only a comment\n\n   # another\n")
    assert import_error(path) == f"{path}: has no terms (only blank lines and # comments)"


def test_word_list_bad_term_names_its_line(write):
    path = write("bad.txt", "hero*\n\n*ism\n")
    assert import_error(path).startswith(f"{path}:3: term '*ism'")


def test_word_list_repeats_warn(write):
    path = write("rep.txt", "hero*\nHero*\n")
    result = import_lexicon(path)
    assert frames_of(result) == [("rep", "rep", ["hero*"])]
    assert result.warnings == (
        f"{path}:2: term 'Hero*' repeats 'hero*' (line 1) in category 'rep'; kept the first",
    )


# --------------------------------------------------------------------------
# Files that cannot be read
# --------------------------------------------------------------------------


def test_unknown_extension_lists_the_supported_formats(write):
    path = write("dict.cat", "x\n")
    assert import_error(path) == (
        f"{path}: unsupported dictionary format '.cat'; supported: .dic (LIWC .dic), "
        ".dicx (LIWC-22 .dicx), .lc3 (Lexicoder .lc3), .yml/.yaml (YAML), .txt (word list), "
        ".toml (framing TOML)"
    )


def test_no_extension_is_unsupported(write):
    path = write("dictionary", "x\n")
    assert "unsupported dictionary format (no extension); supported: .dic" in import_error(path)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.dic"
    assert import_error(path) == f"{path}: no such dictionary file"


@pytest.mark.parametrize("name", ["x.dic", "x.dicx", "x.lc3", "x.yml", "x.txt"])
def test_non_utf8_reports_the_byte_offset(write, name):
    path = write(name, "+care\nna\xefve\n".encode("latin-1"))
    assert import_error(path) == f"{path}: is not UTF-8 text (byte 8); save it as UTF-8"


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n  \n\t\n"])
@pytest.mark.parametrize("name", ["x.dic", "x.dicx", "x.lc3", "x.yaml", "x.txt"])
def test_empty_file_is_an_error(write, name, content):
    path = write(name, content)
    assert import_error(path) == f"{path}: is empty"


# --------------------------------------------------------------------------
# Writing TOML
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Speed
# --------------------------------------------------------------------------


def test_a_5000_term_dic_imports_well_under_a_second(tmp_path):
    lines = ["%", *(f"{n}\tcategory {n}" for n in range(1, 11)), "%"]
    for i in range(5000):
        word = f"term{i:05d}" + (" phrase" if i % 7 == 0 else "") + ("*" if i % 3 == 0 else "")
        lines.append(f"{word}\t{i % 10 + 1}\t{(i + 1) % 10 + 1}")
    path = tmp_path / "big.dic"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = import_lexicon(path)
    elapsed = time.perf_counter() - start
    assert sum(len(f.terms) for f in result.lexicons.frames) == 10000
    assert elapsed < 1.0, f"importing 5,000 terms took {elapsed:.2f} s"
