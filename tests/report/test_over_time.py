"""The "Over time" section, the JSON's ``over_time`` and ``over_time.csv``."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from framing.analysis.pipeline import analyse
from framing.lexicons.load import load_lexicons
from framing.model import AnalysisOptions
from framing.report import render_html, render_json, render_tables
from framing.report.export import build_json
from framing.report.over_time import over_time_view
from framing.report.render import build_context
from framing.report.tables import TABLE_NAMES
from tests.dated_corpus import dated_corpus, write_goodwill_lexicons

OPTIONS = AnalysisOptions(n_bootstrap=200, depth=False, jobs=1)


@pytest.fixture(scope="module")
def lexicons(tmp_path_factory):
    return load_lexicons(write_goodwill_lexicons(tmp_path_factory.mktemp("lex")))


@pytest.fixture(scope="module")
def planted(lexicons):
    return analyse(dated_corpus(), lexicons, options=OPTIONS)


@pytest.fixture(scope="module")
def html(planted):
    return render_html(planted)


def test_view_has_readings_charts_and_undated_note(planted):
    view = over_time_view(planted)
    assert view is not None and view.message is None
    assert view.changes == (
        "Daily Planet's goodwill share fell from 38% in March 2022 to 5% in June 2022.",
    )
    assert len(view.steady) == 3
    assert view.undated == "1 article (21 sentences) has no date and is counted in no period."
    assert "month by month (4 months from March 2022 to June 2022" in view.intro
    assert [c.id for c in view.charts] == ["over-time-1", "over-time-2"]


def test_chart_draws_one_line_per_outlet_with_intervals_and_too_few_apart(planted):
    chart = over_time_view(planted).charts[[f.id for f in planted.frames].index("goodwill")]
    traces = chart.payload["data"]
    lines = [t for t in traces if t["mode"] == "lines+markers"]
    assert [t["name"] for t in lines] == ["Daily Planet", "Evening Star"]
    assert all(t["type"] == "scatter" for t in traces)
    planet, too_few = traces[0], traces[1]
    assert planet["x"] == ["Mar 2022", "Apr 2022", "May 2022", "Jun 2022"]
    # April and May have too few sentences: off the line, as open markers, without whiskers
    assert planet["y"][1:3] == [None, None]
    assert planet["y"][0] == pytest.approx(40 / 105)
    assert planet["error_y"]["array"][1:3] == [None, None]
    assert planet["error_y"]["array"][0] > 0 and planet["error_y"]["arrayminus"][0] > 0
    assert too_few["marker"]["symbol"] == "circle-open" and not too_few["showlegend"]
    assert too_few["y"][0] is None and too_few["y"][1] == pytest.approx(4 / 9)
    notes = {header: cells[-1] for header, cells in chart.table.rows}
    assert notes["Daily Planet \u00b7 April 2022"] == "too few sentences"
    assert notes["Daily Planet \u00b7 March 2022"] == ""
    # Evening Star has no article in April: no row for it
    assert "Evening Star \u00b7 April 2022" not in notes
    cells = dict(chart.table.rows)["Daily Planet \u00b7 March 2022"]
    assert cells[:4] == ("5", "105", "40", "38%")


def test_html_section_after_the_charts_and_in_the_nav(html):
    assert '<li><a href="#over-time">Over time</a></li>' in html
    assert html.index('<section id="charts">') < html.index('<section id="over-time">')
    assert html.index('<section id="over-time">') < html.index('<section id="divergence">')
    section = html.split('<section id="over-time">', 1)[1].split("</section>", 1)[0]
    assert "fell from 38% in March 2022 to 5% in June 2022" in section
    assert 'id="chart-over-time-1"' in section and 'id="data-over-time-2"' in section
    assert "too few sentences" in section
    assert "1 article (21 sentences) has no date" in section


def test_one_line_when_there_is_nothing_to_follow(planted):
    seeds_like = replace(
        planted,
        over_time=replace(planted.over_time, periods=planted.over_time.periods[:1], shares=(),
                          changes=(), message="Every dated article falls in one day."),
    )  # fmt: skip
    section = render_html(seeds_like).split('<section id="over-time">', 1)[1]
    section = section.split("</section>", 1)[0]
    assert "Every dated article falls in one day." in section
    assert "chart" not in section


def test_no_section_when_left_out(planted):
    left_out = replace(planted, over_time=None)
    assert over_time_view(left_out) is None
    page = render_html(left_out)
    assert 'id="over-time"' not in page and 'href="#over-time"' not in page
    assert build_json(left_out)["over_time"] is None
    table = render_tables(left_out)["over_time.csv"]
    assert table.splitlines() == [
        "outlet,frame,period,start,end,n_documents,n_sentences,n_support,share,ci95_low,"
        "ci95_high,too_few"
    ]


def test_hostile_outlet_names_are_escaped_in_the_charts(lexicons):
    corpus = dated_corpus()
    hostile = "<b>Planet</b>"
    corpus = replace(
        corpus,
        documents=tuple(
            replace(d, outlet=hostile) if d.outlet == "Daily Planet" else d
            for d in corpus.documents
        ),
    )
    analysis = analyse(corpus, lexicons, options=OPTIONS)
    context = build_context(analysis)
    names = {t["name"] for c in context["over_time"].charts for t in c.payload["data"]}
    assert "&lt;b&gt;Planet&lt;/b&gt;" in names and hostile not in names
    assert hostile not in render_html(analysis).split('<section id="over-time">', 1)[1]


def test_json_over_time(planted):
    data = json.loads(render_json(planted))
    assert data["schema_version"] == "1.4"
    over_time = data["over_time"]
    assert list(over_time) == [
        "by", "auto", "min_sentences", "message", "periods", "shares", "changes", "undated",
    ]  # fmt: skip
    assert (over_time["by"], over_time["auto"], over_time["min_sentences"]) == ("month", True, 20)
    assert over_time["periods"][0] == {
        "key": "2022-03",
        "label": "March 2022",
        "start": "2022-03-01",
        "end": "2022-03-31",
    }
    march = over_time["shares"][
        [(s["outlet"], s["frame"], s["period"]) for s in over_time["shares"]].index(
            ("daily-planet", "goodwill", "2022-03")
        )
    ]
    assert march["documents"] == 5 and march["sentences"] == 105 and march["support"] == 40
    assert march["share"] == round(40 / 105, 6) and not march["too_few"]
    assert len(march["ci95"]) == 2
    (change,) = [c for c in over_time["changes"] if c["changed"]]
    assert change["outlet"] == "daily-planet" and change["frame"] == "goodwill"
    assert (change["before"], change["after"]) == ("2022-03", "2022-06")
    assert change["reading"].startswith("Daily Planet's goodwill share fell")
    assert over_time["undated"] == {"evening-star": {"documents": 1, "sentences": 21}}


def test_over_time_csv(planted):
    tables = render_tables(planted)
    assert tuple(tables) == TABLE_NAMES
    rows = list(csv.DictReader(io.StringIO(tables["over_time.csv"])))
    assert len(rows) == len(planted.over_time.shares)
    march = next(
        r
        for r in rows
        if (r["outlet"], r["frame"], r["period"]) == ("Daily Planet", "goodwill", "2022-03")
    )
    assert march == {
        "outlet": "Daily Planet",
        "frame": "goodwill",
        "period": "2022-03",
        "start": "2022-03-01",
        "end": "2022-03-31",
        "n_documents": "5",
        "n_sentences": "105",
        "n_support": "40",
        "share": f"{40 / 105:.6f}",
        "ci95_low": march["ci95_low"],
        "ci95_high": march["ci95_high"],
        "too_few": "false",
    }
    assert float(march["ci95_low"]) < 40 / 105 < float(march["ci95_high"])
    empty = next(
        r
        for r in rows
        if (r["outlet"], r["frame"], r["period"]) == ("Evening Star", "goodwill", "2022-04")
    )
    assert (empty["n_sentences"], empty["share"], empty["ci95_low"], empty["too_few"]) == (
        "0",
        "",
        "",
        "true",
    )
