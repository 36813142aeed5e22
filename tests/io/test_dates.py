"""Dates from inputs as ISO dates: month first unless told, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from framing.io.dates import DateNotUnderstood, iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-03-10", "2022-03-10"),
        ("2022-03-10 14:22:05.123456", "2022-03-10"),  # Media Cloud
        ("2022-03-10T23:30:00-05:00", "2022-03-10"),  # the date as written, not converted
        ("2022/3/1", "2022-03-01"),
        ("March 10, 2022", "2022-03-10"),
        ("10 March 2022", "2022-03-10"),
        ("Thu, 10 Mar 2022 23:30:00 -0500", "2022-03-10"),
        ("13/03/2022", "2022-03-13"),  # 13 cannot be a month
        (dt.date(2022, 3, 10), "2022-03-10"),
        (dt.datetime(2022, 3, 10, 23, 59), "2022-03-10"),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_are_read_into_iso_dates(value, expected):
    assert iso_date(value) == expected
    assert iso_date(value, dayfirst=True) == expected


def test_day_and_month_are_an_explicit_choice():
    assert iso_date("03/10/2022") == "2022-03-10"
    assert iso_date("03/10/2022", dayfirst=True) == "2022-10-03"
    assert iso_date("10.03.2022", dayfirst=True) == "2022-03-10"
    # A date that starts with the year is year, month, day either way.
    assert iso_date("2022-03-10", dayfirst=True) == "2022-03-10"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("next Tuesday", "date 'next Tuesday' not understood"),
        ("March 2022", "date 'March 2022' has no day"),
        ("2022", "date '2022' has no month or day"),
        ("Tuesday", "date 'Tuesday' has no year, month or day"),
        ("2022-13-45", "date '2022-13-45' is not a valid date"),
        ("1646900000", "date '1646900000' not understood"),
        ("x" * 150, "date 'xxxxxxxxxxxxxxxxxxxx'… (150 characters) not understood"),
    ],
)
def test_what_cannot_be_read_is_not_guessed(value, message):
    with pytest.raises(DateNotUnderstood) as caught:
        iso_date(value)
    assert str(caught.value) == message
