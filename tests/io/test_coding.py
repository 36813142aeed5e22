"""Reading coding sheets: columns, codes, and one clear error per bad sheet."""

import pytest

from framing.errors import InputError
from framing.io.coding import load_coding_sheet

FRAMES = ["heroes", "villains"]


def write(tmp_path, text, name="sheet.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_rows_codes_and_metadata(tmp_path):
    path = write(
        tmp_path,
        "document,outlet,part,text,heroes,villains,notes\n"
        "d1,Daily,headline,Brave helpers arrive,support,,checked\n"
        'd1,Daily,body,"They are not villains, she said",none,DENY,\n'
        "d2,Other,body,Crowds gathered,weak, none ,\n",
    )
    sheet = load_coding_sheet(path, frames=FRAMES)
    assert sheet.frames == ("heroes", "villains")
    assert [r.line for r in sheet.rows] == [2, 3, 4]
    first, second, third = sheet.rows
    assert (first.document, first.outlet, first.part) == ("d1", "Daily", "headline")
    assert first.codes == {"heroes": "support", "villains": "none"}
    assert second.text == "They are not villains, she said"
    assert second.codes["villains"] == "deny"
    assert third.codes == {"heroes": "weak", "villains": "none"}
    assert sheet.has_documents and sheet.coders == (None,)


def test_a_bom_several_coders_and_a_missing_frame_column(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes("\ufefftext,coder,heroes\nA,ann,support\nA,bob,none\n".encode())
    sheet = load_coding_sheet(path, frames=FRAMES)
    assert sheet.frames == ("heroes",)  # villains is uncoded, not an error
    assert sheet.coders == ("ann", "bob")
    assert not sheet.has_documents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sentence,heroes\nA,support\n", "sheet.csv:1: no 'text' column (columns: 'sentence'"),
        ("text,heroes,villian\nA,support,none\n", "sheet.csv:1: column 'villian' is not a frame"),
        ("text,heroes\nA,support\nB,maybe\n", "sheet.csv:3: column 'heroes': unknown code 'maybe'"),
        ("text,heroes\n", "sheet.csv: empty coding sheet: a header but no rows"),
        ("", "sheet.csv: empty coding sheet: no header row"),
        ("text,heroes\nA,support\n,none\n", "sheet.csv:3: empty text"),
        ('text,heroes\n"A,support\n', "sheet.csv:2: malformed CSV"),
        ("text,text\nA,B\n", "sheet.csv:1: column 'text' appears twice"),
    ],
)
def test_bad_sheets_get_one_line_naming_file_and_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_coding_sheet(path, frames=FRAMES)
    assert str(caught.value).replace(str(tmp_path) + "/", "").startswith(message)
    assert "\n" not in str(caught.value)


def test_not_utf8_and_missing_files(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"text,heroes\nok,none\ncaf\xe9,none\n")
    with pytest.raises(InputError, match=r"sheet.csv:3: not UTF-8"):
        load_coding_sheet(path, frames=FRAMES)
    with pytest.raises(InputError, match="no such file"):
        load_coding_sheet(tmp_path / "nope.csv", frames=FRAMES)
    with pytest.raises(InputError, match="is a folder"):
        load_coding_sheet(tmp_path, frames=FRAMES)
