from __future__ import annotations

from framing.lexicons.load import load_lexicons
from framing.model import Document
from framing.text.scripts import (
    NAMED_DOCUMENTS,
    letter_script,
    letters_by_script,
    lexicon_scripts,
    script_notes,
    unmatched_script,
)


def _doc(name: str, text: str) -> Document:
    return Document(id=name, outlet="o", text=text, source=f"in/{name}.txt")


def test_letters_are_counted_by_script():
    assert letters_by_script("Hello, мир! 42") == {"LATIN": 5, "CYRILLIC": 3}
    assert letters_by_script("plain ascii 123") == {"LATIN": 10}
    assert letters_by_script("123 ...") == {}
    assert letter_script("ｆ") == "LATIN"  # full width folds to Latin
    assert letter_script("中") == "CJK"
    assert letter_script("1") is None


def test_an_english_lexicon_is_in_latin_script(two_frames):
    assert lexicon_scripts(load_lexicons(two_frames)) == {"LATIN"}


def test_documents_mostly_in_another_script_get_a_note_each(two_frames):
    lexicons = load_lexicons(two_frames)
    documents = [
        _doc("en", "They fight for freedom."),
        _doc("ru", "Они сражаются за свободу. Freedom."),
        _doc("mixed", "Freedom fighters, heroes of Kyiv: Київ."),  # mostly Latin
        _doc("el", "Αγωνίζονται για την ελευθερία."),
    ]
    notes = script_notes(documents, lexicons)
    assert notes == [
        "in/ru.txt: mostly in Cyrillic script, which none of the lexicon's terms is written "
        "in (they are in Latin script); no frame can be found in it",
        "in/el.txt: mostly in Greek script, which none of the lexicon's terms is written "
        "in (they are in Latin script); no frame can be found in it",
    ]  # by script: Cyrillic, then Greek


def test_many_documents_in_one_script_are_counted_after_the_first_few(two_frames):
    lexicons = load_lexicons(two_frames)
    documents = [_doc(f"ru{i}", "Они сражаются за свободу.") for i in range(NAMED_DOCUMENTS + 4)]
    notes = script_notes(documents, lexicons)
    assert len(notes) == NAMED_DOCUMENTS + 1
    assert notes[-1].startswith("4 more articles are mostly in Cyrillic script")
    assert ": " not in notes[-1]  # blind mode keeps what follows "path: " in a note


def test_a_lexicon_in_the_documents_script_gets_no_note(write):
    write("lex/f.toml", 'id = "f"\nlabel = "F"\ndescription = "d"\nterms = ["свобод*"]\n')
    lexicons = load_lexicons(write("lex/g.toml", 'id = "g"\nlabel = "G"\nterms = ["x"]\n').parent)
    assert script_notes([_doc("ru", "Они сражаются за свободу.")], lexicons) == []


def test_the_latin_shortcut_decides_as_counting_every_letter():
    """A Latin lexicon's documents with few non-ASCII characters skip the count, same answer."""
    from framing.text.scripts import UNMATCHED_SHARE

    def counted(text: str, known: set[str]) -> str | None:
        counts = letters_by_script(text)
        total = sum(counts.values())
        foreign = {s: n for s, n in counts.items() if s not in known}
        if total and sum(foreign.values()) > UNMATCHED_SHARE * total:
            return max(sorted(foreign), key=foreign.__getitem__)
        return None

    texts = [
        "They fight for freedom, café… “quoted”.",
        "Они сражаются. Freedom fighters.",
        "ab мир",  # three Cyrillic letters of five
        "abc мир",  # three of six: half, not more
        "Київ, Київ, Lviv",
        "中文中文 ab",
        "... 123 —",
        "",
    ]
    for known in ({"LATIN"}, {"LATIN", "CYRILLIC"}, {"CYRILLIC"}):
        for text in texts:
            assert unmatched_script(text, known) == counted(text, known), (text, known)
