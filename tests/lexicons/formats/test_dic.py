"""LIWC .dic dictionaries (framing.lexicons.formats.dic)."""

from __future__ import annotations

import time

import pytest

from framing.lexicons.importers import import_lexicon
from framing.lexicons.match import Matcher
from framing.lexicons.terms import DEFAULT_COLOURS, DEFAULT_NEGATION_CUES, parse_term
from tests.conftest import make_sentence
from tests.lexicons.helpers import DATA, frames_of, import_error


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
        f"{path}:5: term 'ha*rm': '*' is only allowed at the end of a word "
        "(a term is a word or phrase; a '*' may only end a word)"
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
