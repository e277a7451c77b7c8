"""Reading cells and headers of foreign sheets: dates in every common form (never a silent
day/month swap), numbers headed for text fields, header synonyms in English and Chinese."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.changes.dates import AmbiguousDate, day_order_evidence, parse_date
from db.changes.fields import FieldInvalid
from db.exchange.imports import mapping as maps
from db.exchange.reading.values import as_founding, as_text


@pytest.mark.parametrize("text, expected", [
    ("2024-06-27", date(2024, 6, 27)),
    ("2024/6/7", date(2024, 6, 7)),
    ("2024-06-27 14:30", date(2024, 6, 27)),
    ("27/06/2024", date(2024, 6, 27)),
    ("06/27/2024", date(2024, 6, 27)),
    ("27.06.2024", date(2024, 6, 27)),
    ("27 June 2024", date(2024, 6, 27)),
    ("27 Jun. 2024", date(2024, 6, 27)),
    ("June 27, 2024", date(2024, 6, 27)),
    ("1er juin 2024", date(2024, 6, 1)),
    ("27 de junio de 2024", date(2024, 6, 27)),
    ("2024年6月27日", date(2024, 6, 27)),
    ("2024 年 6 月 27 日", date(2024, 6, 27)),
    ("20240627", date(2024, 6, 27)),
    ("05/05/2024", date(2024, 5, 5)),
])
def test_text_dates_in_common_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_date_cells_pass_through() -> None:
    assert parse_date(datetime(2024, 6, 27, 9, 0)) == date(2024, 6, 27)
    assert parse_date(date(1999, 12, 31)) == date(1999, 12, 31)
    assert parse_date(None) is None and parse_date("  ") is None


def test_an_ambiguous_date_needs_the_order_and_is_never_swapped_silently() -> None:
    with pytest.raises(AmbiguousDate) as caught:
        parse_date("03/04/2024")
    assert "3 April" in caught.value.message and "4 March" in caught.value.message
    assert parse_date("03/04/2024", "dayfirst") == date(2024, 4, 3)
    assert parse_date("03/04/2024", "monthfirst") == date(2024, 3, 4)
    # A part above 12 settles it whatever the user said, rather than making an impossible date.
    assert parse_date("27/06/2024", "monthfirst") == date(2024, 6, 27)
    assert day_order_evidence("27/06/2024") == "dayfirst"
    assert day_order_evidence("06/27/2024") == "monthfirst"
    assert day_order_evidence("03/04/2024") is None


@pytest.mark.parametrize("value", ["31/02/2024", "next Tuesday", "2024-13-01", 45000, True])
def test_what_is_not_a_date_says_so(value: object) -> None:
    with pytest.raises(FieldInvalid) as caught:
        parse_date(value, "dayfirst")
    assert str(value) in caught.value.message or "number" in caught.value.message


def test_numbers_headed_for_text_keep_their_digits() -> None:
    assert as_text(8613800000000.0) == "8613800000000"
    assert as_text(1921.0) == "1921"
    assert as_text(2.5) == "2.5"
    assert as_text("007") == "007"
    assert as_text(datetime(2024, 6, 27)) == "2024-06-27"
    assert as_founding(datetime(1921, 7, 1)) == "1921-07-01", "a date cell keeps its day"
    assert as_founding(1921.0) == "1921" and as_founding(1921) == "1921"


@pytest.mark.parametrize("header, kind, field", [
    ("Party", "organizations", "name"),
    ("政党名称", "organizations", "name"),
    ("国家", "organizations", "country"),
    ("Country", "organizations", "country"),
    ("英文名称", "organizations", "name_en"),
    ("Date of visit", "interactions", "start"),
    ("日期", "interactions", "start"),
    ("参与方", "interactions", "participants"),
    ("E-mail", "people", "emails"),
    ("姓名", "people", "name"),
    ("Due date", "followups", "due"),
    ("负责人", "followups", "owner"),
    ("  Founding  year ", "organizations", "founded"),
])
def test_header_synonyms(header: str, kind: str, field: str) -> None:
    assert maps.field_for(header, kind) == field


def test_kind_guess_and_header_detection() -> None:
    rows = [
        [None, None, None, None],
        [None, "Partner parties — Africa desk, 2024", None, None],
        [None, None, None, None],
        [None, "政党名称", "简称", "国家", "成立时间"],
        [None, "非洲人国民大会", "ANC", "南非", 1912],
    ]
    index = maps.detect_header_row(rows)
    assert index == 3
    headers = maps.header_texts(rows[index])
    assert maps.guess_kind(headers) == "organizations"
    assert maps.auto_map(headers, "organizations") == {1: "name", 2: "abbreviation",
                                                       3: "country", 4: "founded"}
    visits = ["Date of visit", "Delegation", "Title", "City", "Outcomes"]
    assert maps.guess_kind(visits) == "interactions"
    people = ["First name", "Last name", "Position", "Party", "E-mail"]
    assert maps.guess_kind(people) == "people"
    assert maps.auto_map(people, "people") == {0: "first_name", 1: "last_name", 2: "role",
                                               3: "organization", 4: "emails"}
