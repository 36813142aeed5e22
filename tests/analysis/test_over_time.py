"""Frames over time: periods, intervals, and changes named only when chance cannot explain them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from framing.analysis.over_time import (
    MAX_AUTO_PERIODS,
    choose_by,
    frames_over_time,
    largest_change,
    parse_day,
    period_of,
    periods_between,
    wilson_interval,
)
from framing.analysis.pipeline import analyse
from framing.lexicons.load import load_lexicons
from framing.model import AnalysisOptions
from framing.model.time import MIN_SENTENCES, PeriodShare
from tests.dated_corpus import dated_corpus, write_goodwill_lexicons

FAST = {"n_bootstrap": 200, "depth": False, "jobs": 1}
#: Three articles of one outlet, in March and June.
_ARTICLES = [
    ("Daily Planet", "2022-03-02", 20, 8),
    ("Daily Planet", "2022-03-09", 20, 8),
    ("Daily Planet", "2022-06-02", 20, 1),
]


@pytest.fixture(scope="module")
def lexicons(tmp_path_factory):
    return load_lexicons(write_goodwill_lexicons(tmp_path_factory.mktemp("lex")))


@pytest.fixture(scope="module")
def planted(lexicons):
    return analyse(dated_corpus(), lexicons, options=AnalysisOptions(**FAST))


def _analyse(articles, lexicons, **options):
    return analyse(dated_corpus(articles), lexicons, options=AnalysisOptions(**FAST, **options))


def _share(over_time, outlet, frame, period):
    (found,) = [
        s for s in over_time.shares if (s.outlet, s.frame, s.period) == (outlet, frame, period)
    ]
    return found


def _change(over_time, outlet, frame):
    (found,) = [c for c in over_time.changes if (c.outlet, c.frame) == (outlet, frame)]
    return found


# --------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------


def test_periods_of_each_length():
    day = date(2022, 3, 10)  # a Thursday
    assert period_of(day, "day").key == "2022-03-10"
    assert period_of(day, "day").label == "10 March 2022"
    week = period_of(day, "week")
    assert (week.key, week.start, week.end) == ("2022-W10", "2022-03-07", "2022-03-13")
    month = period_of(date(2024, 2, 29), "month")
    assert (month.key, month.label, month.start, month.end) == (
        "2024-02",
        "February 2024",
        "2024-02-01",
        "2024-02-29",
    )
    quarter = period_of(date(2022, 11, 30), "quarter")
    assert (quarter.key, quarter.label, quarter.start, quarter.end) == (
        "2022-Q4",
        "Q4 2022",
        "2022-10-01",
        "2022-12-31",
    )
    # ISO weeks belong to the year of their Monday's week-numbering year
    assert period_of(date(2021, 1, 1), "week").key == "2020-W53"
    with pytest.raises(ValueError, match="unknown period"):
        period_of(day, "year")  # type: ignore[arg-type]


def test_periods_between_include_the_empty_ones_in_order():
    periods = periods_between(date(2022, 1, 15), date(2022, 4, 1), "month")
    assert [p.key for p in periods] == ["2022-01", "2022-02", "2022-03", "2022-04"]
    days = periods_between(date(2022, 2, 27), date(2022, 3, 2), "day")
    assert [p.key for p in days] == ["2022-02-27", "2022-02-28", "2022-03-01", "2022-03-02"]


def test_dates_are_read_as_iso_only():
    assert parse_day("2022-03-10") == date(2022, 3, 10)
    assert parse_day(" 2022-03-10T23:59:00+05:00") == date(2022, 3, 10)
    for value in (None, "", "March 10, 2022", "10/03/2022", "2022-13-01"):
        assert parse_day(value) is None


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "day"), (14, "day"), (15, "week"), (100, "week"), (120, "month"), (400, "month"),
     (460, "quarter"), (5000, "quarter")],
)  # fmt: skip
def test_auto_by_takes_the_shortest_period_with_at_most_15(days, expected):
    first = date(2022, 3, 1)
    by = choose_by(first, first + timedelta(days=days))
    assert by == expected
    n = len(periods_between(first, first + timedelta(days=days), by))
    assert n <= MAX_AUTO_PERIODS or by == "quarter"


# --------------------------------------------------------------------------
# Intervals
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "n"), [(0, 1), (0, 25), (1, 1), (3, 20), (40, 105), (105, 105)])
def test_wilson_interval_is_scipys(k, n):
    from scipy.stats import binomtest

    expected = binomtest(k, n).proportion_ci(method="wilson")
    low, high = wilson_interval(k, n)
    assert low == pytest.approx(expected.low, abs=1e-12)
    assert high == pytest.approx(expected.high, abs=1e-12)
    assert 0.0 <= low <= k / n <= high <= 1.0
    assert high > low  # never "0–0%"


# --------------------------------------------------------------------------
# The planted change
# --------------------------------------------------------------------------


def test_auto_by_chooses_months_for_four_months(planted):
    over_time = planted.over_time
    assert over_time.by == "month" and over_time.auto
    assert [p.key for p in over_time.periods] == ["2022-03", "2022-04", "2022-05", "2022-06"]
    assert over_time.message is None
    outlets, frames = len(planted.outlets), len(planted.frames)
    assert len(over_time.shares) == outlets * frames * 4
    assert len(over_time.changes) == outlets * frames


def test_counts_shares_and_intervals(planted):
    march = _share(planted.over_time, "daily-planet", "goodwill", "2022-03")
    assert (march.n_documents, march.n_sentences, march.n_support) == (5, 105, 40)
    assert march.share == pytest.approx(40 / 105)
    assert march.ci95 == pytest.approx(wilson_interval(40, 105))
    assert not march.too_few
    june = _share(planted.over_time, "daily-planet", "goodwill", "2022-06")
    assert (june.n_sentences, june.n_support) == (105, 5)


def test_the_reading_names_the_planted_change(planted):
    change = _change(planted.over_time, "daily-planet", "goodwill")
    assert change.changed
    assert (change.before, change.after) == ("2022-03", "2022-06")
    assert change.p_value is not None and change.p_value < 0.05
    assert change.reading == (
        "Daily Planet's goodwill share fell from 38% in March 2022 to 5% in June 2022."
    )


def test_a_flat_outlet_has_no_change(planted):
    change = _change(planted.over_time, "evening-star", "goodwill")
    assert not change.changed and change.p_value is None
    assert change.reading.startswith("No clear change in Evening Star's goodwill share")
    unused = _change(planted.over_time, "daily-planet", "extremists")
    assert not unused.changed
    assert "0% in every month" in unused.reading


def test_periods_with_too_few_sentences_are_flagged_and_never_read(planted):
    april = _share(planted.over_time, "daily-planet", "goodwill", "2022-04")
    assert april.too_few and april.n_sentences == 9 < MIN_SENTENCES
    assert april.share == pytest.approx(4 / 9)  # shown, with its interval
    assert april.ci95 is not None
    empty = _share(planted.over_time, "evening-star", "goodwill", "2022-04")
    assert empty.too_few and empty.n_sentences == 0
    assert empty.share is None and empty.ci95 is None
    change = _change(planted.over_time, "daily-planet", "goodwill")
    assert "April" not in change.reading and "May" not in change.reading


def test_undated_articles_are_counted_per_outlet(planted):
    over_time = planted.over_time
    assert over_time.undated == {"evening-star": (1, 21)}
    assert (over_time.n_undated_documents, over_time.n_undated_sentences) == (1, 21)
    in_periods = sum(s.n_sentences for s in over_time.shares if s.frame == "goodwill")
    assert in_periods + 21 == sum(o.n_sentences for o in planted.outlets)


def test_by_can_be_chosen(lexicons):
    weekly = _analyse(_ARTICLES, lexicons, by="week")
    assert weekly.over_time.by == "week" and not weekly.over_time.auto
    assert weekly.over_time.periods[0].key == "2022-W09"


def test_by_none_leaves_it_out_and_a_wrong_by_is_refused(lexicons):
    assert _analyse(_ARTICLES, lexicons, by="none").over_time is None
    with pytest.raises(ValueError, match="unknown period 'year'"):
        _analyse(_ARTICLES, lexicons, by="year")


def test_no_dates_or_one_period_say_so(lexicons):
    undated = _analyse([("A", "", 20, 4), ("B", "", 20, 2)], lexicons)
    assert undated.over_time.by is None and not undated.over_time.periods
    assert undated.over_time.message == (
        "No analysed article has a date, so frames cannot be followed over time."
    )
    assert undated.over_time.undated == {"a": (1, 21), "b": (1, 21)}
    one_day = _analyse([("A", "2022-03-10", 20, 4), ("B", "2022-03-10", 20, 2)], lexicons)
    assert one_day.over_time.by == "day" and len(one_day.over_time.periods) == 1
    assert not one_day.over_time.shares and not one_day.over_time.changes
    assert one_day.over_time.message == (
        "Every dated article falls in one day (10 March 2022), so there is no change over "
        "time to show."
    )


def test_a_period_of_one_article_is_named_as_that_article(lexicons):
    articles = [("A", "2022-03-01", 40, 20), ("A", "2022-03-02", 40, 0)]
    change = _change(_analyse(articles, lexicons).over_time, "a", "goodwill")
    assert change.changed
    assert change.reading == (
        "A's goodwill share fell from 49% in its one article of 1 March 2022 to 0% in its one "
        "article of 2 March 2022."
    )


def test_a_rise_is_a_rise(lexicons):
    articles = [("A", "2022-03-01", 40, 0), ("A", "2022-03-02", 40, 0), ("A", "2022-03-03", 40, 20)]
    change = _change(_analyse(articles, lexicons, by="day").over_time, "a", "goodwill")
    assert change.reading.startswith("A's goodwill share rose from 0% in its one article of ")
    assert change.reading.endswith("to 49% in its one article of 3 March 2022.")


def _series(counts):
    """Readable period shares (k of n) for one outlet and frame, one per day of March."""
    shares = []
    for day, (k, n) in enumerate(counts, 1):
        shares.append(
            PeriodShare("o", "f", f"2022-03-{day:02d}", 3, n, k, k / n, wilson_interval(k, n),
                        n < MIN_SENTENCES)
        )  # fmt: skip
    return shares


def _largest(series):
    labels = {s.period: s.period for s in series}
    return largest_change(series, outlet_name="O", frame_label="f", labels=labels, by="day")


def test_many_periods_need_stronger_evidence():
    # 5 of 60 and 20 of 60: intervals apart, Fisher p about 0.002
    assert _largest(_series([(5, 60), (20, 60)])).changed
    # the same two among 30 periods: 435 pairs, so p must be below 0.05 / 435
    flat = [(12, 60)] * 28
    many = _largest(_series([(5, 60), *flat, (20, 60)]))
    assert not many.changed
    assert many.reading.startswith("No clear change in O's f share: its days range from 8%")


def test_overlapping_intervals_are_never_a_change():
    # 20 of 100 and 30 of 100: Fisher p about 0.14 and the intervals overlap
    assert not _largest(_series([(20, 100), (30, 100)])).changed


def test_too_few_readable_periods():
    change = _largest(_series([(5, 10), (0, 60)]))
    assert not change.changed and change.before is None
    assert change.reading.startswith("Too few sentences to follow O's f share over time")


def test_frames_over_time_refuses_an_unknown_period(planted):
    with pytest.raises(ValueError, match="unknown period"):
        frames_over_time(
            planted.sentences,
            planted.hits,
            planted.documents,
            outlets=planted.outlets,
            lexicons=planted.lexicons,
            by="fortnight",  # type: ignore[arg-type]
        )
