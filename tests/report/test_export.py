"""The JSON's shared-copy groups: a bounded list of sentence ids, the full counts.

A group of wire copy can hold most of a large corpus's sentences, so each
listed group lists at most ``LISTED_GROUP_SENTENCES`` ids (the first, in id
order) and gives its full size.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from framing.model import Analysis, Sentence, SharedCopy, SharedGroup, SourcesSummary
from framing.model.depth import Ids
from framing.report import export
from framing.report.export import build_json
from tests.report.conftest import make_analysis

# Document id -> outlet id, as in make_analysis().
DOCUMENTS = {
    "mil-1": "military-com",
    "mil-2": "military-com",
    "people-1": "people",
    "xss-1": "xss",
}
PER_DOCUMENT = 8

# Sentence ids 0..31: 8 per document, in the order above.
BIG = (1, 3, 4, 6, 9, 10, 17, 18, 19, 20, 25, 26)  # 12 sentences, three outlets
SMALL = (2, 11)  # 2 sentences, both of military-com


def _sentences() -> tuple[Sentence, ...]:
    sentences = []
    for document, outlet in DOCUMENTS.items():
        for position in range(PER_DOCUMENT):
            text = f"Sentence {position} of {document}."
            sentences.append(
                Sentence(
                    id=len(sentences),
                    document=document,
                    outlet=outlet,
                    position=position,
                    part="headline" if position == 0 else "body",
                    is_lede=position == 1,
                    text=text,
                    tokens=(*text.lower().rstrip(".").split(), "."),
                    n_words=4,
                )
            )
    return tuple(sentences)


def _with_shared() -> Analysis:
    """The report fixture with sentences and two shared-copy groups, the larger listed first."""
    sentences = _sentences()
    group_of = [-1] * len(sentences)
    groups = []
    # Numbered by first sentence id: BIG starts at 1, SMALL at 2.
    for number, members in enumerate((BIG, SMALL)):
        for i in members:
            group_of[i] = number
        outlets = tuple(dict.fromkeys(sentences[i].outlet for i in members))
        groups.append(
            SharedGroup(
                id=number,
                sentences=Ids(members),
                outlets=outlets,
                example=sentences[members[0]].text,
                quoted=number == 1,
                per_outlet=tuple(
                    sum(sentences[i].outlet == outlet for i in members) for outlet in outlets
                ),
            )
        )
    shared = SharedCopy(
        sentence_group=Ids(group_of),
        groups=(groups[1], groups[0]),
        pairs={("military-com", "people"): 4, ("military-com", "xss"): 2, ("people", "xss"): 2},
        threshold=0.8,
        method="tf-idf cosine",
        outlets=("military-com", "people", "xss"),
    )
    sources = SourcesSummary(
        shared_fraction={"military-com": 0.5, "people": 0.375, "xss": 0.25},
        frames_by_origin={},
        shared_readings=("Military.com and People share copy.",),
        voice_readings={},
    )
    return dataclasses.replace(make_analysis(), sentences=sentences, shared=shared, sources=sources)


def _groups(data: dict[str, Any]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = data["shared_copy"]["groups"]
    return groups


def test_a_group_lists_its_first_ids_and_counts_them_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "LISTED_GROUP_SENTENCES", 5)
    big, small = _groups(build_json(_with_shared()))
    assert big["id"] == 0 and small["id"] == 1  # the largest first
    assert big["sentences"] == [1, 3, 4, 6, 9]
    assert big["n_sentences"] == 12 and big["sentences_listed"] == 5
    # every sentence counted by outlet, the listed ones and the rest
    assert list(big["outlet_sentences"]) == big["outlets"]
    assert sum(big["outlet_sentences"].values()) == 12
    # A group within the bound is listed whole.
    assert small["sentences"] == [2, 11]
    assert small["n_sentences"] == small["sentences_listed"] == 2
    assert small["quoted"] is True and small["example"] == "Sentence 2 of mil-1."


def test_the_default_bound_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below the module's bound every id is listed; the bound is what cuts the list."""
    assert len(BIG) <= export.LISTED_GROUP_SENTENCES
    big, _ = _groups(build_json(_with_shared()))
    assert big["sentences"] == list(BIG) and big["sentences_listed"] == len(BIG)
    monkeypatch.setattr(export, "LISTED_GROUP_SENTENCES", 1)
    big, _ = _groups(build_json(_with_shared()))
    assert big["sentences"] == [1] and big["n_sentences"] == len(BIG)


def test_the_bound_changes_nothing_but_the_listed_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = _with_shared()
    monkeypatch.setattr(export, "LISTED_GROUP_SENTENCES", 10**9)
    whole = build_json(analysis)
    monkeypatch.setattr(export, "LISTED_GROUP_SENTENCES", 3)
    bounded = build_json(analysis)
    assert [g["sentences"] for g in _groups(whole)] == [list(BIG), list(SMALL)]
    assert [g["sentences"] for g in _groups(bounded)] == [list(BIG[:3]), list(SMALL)]
    assert [g["sentences_listed"] for g in _groups(bounded)] == [3, 2]
    for data in (whole, bounded):
        for group in _groups(data):
            del group["sentences"], group["sentences_listed"]
    assert json.dumps(bounded, sort_keys=True) == json.dumps(whole, sort_keys=True)


def test_groups_do_not_need_the_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large corpus keeps only the listed documents' sentences; the groups are listed whole."""
    monkeypatch.setattr(export, "LISTED_GROUP_SENTENCES", 5)
    analysis = _with_shared()
    without = dataclasses.replace(analysis, sentences=analysis.sentences[:8])
    assert _groups(build_json(without)) == _groups(build_json(analysis))
