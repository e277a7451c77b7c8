"""The `_rev` fingerprint (one definition for export and import) and the writer's fast path:
a whole row is written as it is only when each of its values would be; the sheet readers give
the same rows whichever way they read (whole tables, or the related rows of a few)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from db.exchange.export import rows as data
from db.exchange.export.writer import write_workbook
from db.exchange.workbook import (
    FIELD_SEPARATOR,
    MAX_CELL_CHARS,
    NOT_PLAIN,
    canonical,
    fingerprint,
    plain_row,
    row_text,
)
from db.services import followups
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person

ROW = ["0b6c5d2e-0000-4000-8000-000000000001", "talks", "Talks", date(2024, 6, 27), None,
       "Beijing", "CN", None, "Trade", "A [host]; B [member]", None, "Summary", None, None,
       None]


def test_fingerprint_is_stable_and_follows_every_value_and_the_version() -> None:
    first = fingerprint(ROW, 3)
    assert first == fingerprint(list(ROW), 3) == fingerprint(tuple(ROW), 3)
    assert len(first) == 16 and int(first, 16) >= 0
    assert fingerprint(ROW, 4) != first
    for index in range(len(ROW)):
        changed = list(ROW)
        changed[index] = "something else"
        assert fingerprint(changed, 3) != first, f"value {index} is not in the fingerprint"


def test_fingerprint_reads_values_as_they_come_back_from_a_file() -> None:
    # A date cell reads back as a datetime at midnight; a year as an int; an empty cell as
    # None: canonical gives them the text they were exported with.
    assert canonical(datetime(2024, 6, 27)) == canonical(date(2024, 6, 27)) == "2024-06-27"
    assert canonical(None) == "" and canonical(1921) == "1921" and canonical("x") == "x"
    read_back = [datetime(2024, 6, 27) if isinstance(v, date) else v for v in ROW]
    assert fingerprint(read_back, 3) == fingerprint(ROW, 3)


def test_a_separator_inside_a_value_cannot_make_two_rows_alike() -> None:
    one = ["a" + FIELD_SEPARATOR + "b", "c"]
    other = ["a", "b" + FIELD_SEPARATOR + "c"]
    assert row_text(one, 1) != row_text(other, 1)
    assert fingerprint(one, 1) != fingerprint(other, 1)
    assert FIELD_SEPARATOR not in row_text(one, 1)  # the JSON form holds none
    assert not plain_row(row_text(one, 1), 2)


values = st.one_of(
    st.none(), st.integers(-5, 3000), st.dates(),
    st.text(alphabet=st.sampled_from(["a", "中", " ", "\n", "\t", "\r", "=", "+", "-", "@",
                                      "_", "x", "0", "D", FIELD_SEPARATOR, "\x01",
                                      "\ufffe"]), max_size=12))


@settings(max_examples=500, deadline=None)
@given(st.lists(values, min_size=1, max_size=6), st.integers(1, 50))
def test_a_plain_row_holds_only_plain_values(row: list[Any], version: int) -> None:
    """The writer's fast path is safe: when a row's text passes plain_row, each of its text
    values is short and needs neither a quote prefix nor an _xHHHH_ escape."""
    if plain_row(row_text(row, version), len(row)):
        for value in row:
            if isinstance(value, str):
                assert NOT_PLAIN.search(value) is None and len(value) <= MAX_CELL_CHARS


def test_a_long_row_of_short_values_still_round_trips(db: Database, tmp_path: Path) -> None:
    """A row longer than a cell as a whole (but not in any one value) leaves the fast path and
    is written whole."""
    from openpyxl import load_workbook

    notes = "n" * 20_000
    org = make_organization(db, name="Long", notes=notes, ideology="i" * 150,
                            abbreviation="=A")
    list(write_workbook(db, tmp_path / "out.xlsx"))
    ws = load_workbook(tmp_path / "out.xlsx")["organizations"]
    header = [c.value for c in ws[1]]
    [row] = [r for r in ws.iter_rows(min_row=2) if r[0].value == org.id]
    assert row[header.index("notes")].value == notes
    abbreviation = row[header.index("abbreviation")]
    assert abbreviation.value == "=A" and abbreviation.data_type == "s"
    assert abbreviation.quotePrefix


def test_readers_give_the_same_rows_for_a_few_as_for_all(db: Database) -> None:
    """With a small limit the interactions reader looks up the related rows of just those
    interactions; the rows must be exactly the first ones of the whole read."""
    parties = [make_organization(db, name=f"Party {n}") for n in range(3)]
    person = make_person(db, name="Envoy")
    for day in range(1, 10):
        make_interaction(db, organizations_=[parties[day % 3].id, parties[(day + 1) % 3].id],
                         people_=[person.id] if day % 2 else [], start=f"2024-03-{day:02d}",
                         topics=["culture", "education"] if day % 3 else [], tags=["G20"] if day == 9 else [])
    followups.create_followup(db, {"description": "Reply", "organization_id": parties[0].id})
    with db.reading() as session:
        names = data.Names(session)
        for name, reader in data.READERS.items():
            everything = list(reader(session, names))
            for limit in (1, 2, 5, 100):
                assert list(reader(session, names, limit)) == everything[:limit], name
        newest, _version = next(data.interactions(session, names))
        assert newest[3] == date(2024, 3, 9) and newest[-1] == "G20"
        assert newest[9] == "Party 0 [participant]; Party 1 [participant]; Envoy [member]"
