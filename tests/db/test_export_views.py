"""Export of one list as a readable sheet (`write_view`, `liaison export --view`) and of one
organization's dossier (`write_dossier`, `liaison export --organization`): real .xlsx files read
back with openpyxl — headers, names in every script, real dates, text never a formula, the
list's filter and order, no half files, the command line."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db.cli.main import main
from db.exchange.export.dossier import write_dossier
from db.exchange.export.views import VIEWS, write_view
from db.services import affiliations, followups, organizations
from db.services.followups import FollowUpFilter
from db.services.interactions import InteractionFilter, list_interactions
from db.services.organizations import OrganizationFilter, list_organizations
from db.services.people import PersonFilter
from db.store.engine import Database
from db.store.errors import NotFound
from tests.db.factories import make_interaction, make_organization, make_person

CPC = "中国共产党"


@pytest.fixture
def register(db: Database) -> dict[str, Any]:
    cpc = make_organization(db, name=CPC, name_en="Communist Party of China", name_zh=CPC,
                            abbreviation="CPC", country="CN", kind="party", status="governing",
                            level="strategic", ideology="Socialism with Chinese characteristics",
                            website="https://www.12371.cn", tags=["BRICS", "Asia"],
                            notes="=HYPERLINK(\"http://x\") is text, not a formula")
    kanu = make_organization(db, name="Kenya African National Union", abbreviation="KANU",
                             country="KE", kind="party", status="opposition", level="regular")
    formula = make_organization(db, name="=1+1 Party", country="KE", kind="party")
    tank = make_organization(db, name="Nairobi Policy Institute", country="KE",
                             kind="think_tank")
    gone = make_organization(db, name="Deleted Party", country="KE")
    organizations.delete_organization(db, gone.id)
    wang = make_person(db, name="王毅", name_en="Wang Yi", title="Minister", nationality="CN",
                       emails=["wang@example.org"])
    odinga = make_person(db, name="Raila Odinga", title="Leader", nationality="KE")
    affiliations.create_affiliation(db, {"person_id": wang.id, "organization_id": cpc.id,
                                         "role": "Director", "start": "2022-12-30"})
    affiliations.create_affiliation(db, {"person_id": odinga.id, "organization_id": cpc.id,
                                         "role": "Guest speaker", "start": "2010-01-01",
                                         "end": "2011-01-01"})
    affiliations.create_affiliation(db, {"person_id": odinga.id, "organization_id": kanu.id,
                                         "role": "Leader", "start": "2015-05-01"})
    talks = make_interaction(db, organizations_=[cpc.id, kanu.id], people_=[wang.id],
                             title="Talks on governance", start="2024-06-27",
                             end="2024-06-28", city="Beijing", country="CN",
                             summary="=SUM(A1) stays text", outcomes="Agreed to meet again")
    seminar = make_interaction(db, organizations_=[cpc.id, tank.id], kind="seminar",
                               title="Seminar on poverty reduction", start="2023-03-01",
                               city="Nairobi", country="KE")
    letter = make_interaction(db, organizations_=[kanu.id], kind="letter",
                              title="Letter of congratulations", start="2025-01-15")
    overdue = followups.create_followup(db, {"description": "@send the report",
                                             "due": "2020-01-01", "owner": "Li Na",
                                             "organization_id": cpc.id,
                                             "interaction_id": talks.id})
    done = followups.create_followup(db, {"description": "Book the hall", "due": "2030-05-01",
                                          "status": "done", "organization_id": cpc.id})
    later = followups.create_followup(db, {"description": "Send the invitation",
                                           "organization_id": kanu.id})
    return {"cpc": cpc, "kanu": kanu, "formula": formula, "tank": tank, "gone": gone,
            "wang": wang, "odinga": odinga, "talks": talks, "seminar": seminar,
            "letter": letter, "overdue": overdue, "done": done, "later": later}


def view(db: Database, path: Path, kind: str, filters: Any = None, **kwargs: Any) -> Any:
    steps = list(write_view(db, path, kind, filters, **kwargs))
    assert steps[-1].stage == "done"
    book = load_workbook(path)
    assert len(book.sheetnames) == 1
    return book.active


def table(ws: Any) -> list[dict[str, Any]]:
    """The rows under the header (row 2), as dicts by header."""
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def cell_in(ws: Any, text: str, column: str) -> Any:
    """The cell in `column` of the row holding `text`."""
    headers = [c.value for c in ws[2]]
    for row in ws.iter_rows(min_row=3):
        if any(c.value == text for c in row):
            return row[headers.index(column)]
    raise AssertionError(f"no row holds {text!r}")


def red(cell: Any) -> bool:
    color = cell.font.color
    return color is not None and isinstance(color.rgb, str) and color.rgb.endswith("B3261E")


def test_organizations_view_is_a_plain_readable_sheet(db: Database, register: dict[str, Any],
                                                      tmp_path: Path) -> None:
    ws = view(db, tmp_path / "orgs.xlsx", "organizations")
    assert ws.title == "Organizations"
    title = ws["A1"].value
    assert title.startswith("Organizations · 4 organizations · exported ")
    assert ws["A1"].font.bold
    headers = [c.value for c in ws[2]]
    assert headers == [c.title for c in VIEWS["organizations"].columns]
    assert headers[:4] == ["Name", "English name", "Chinese name", "Abbreviation"]
    assert all(c.font.bold for c in ws[2])
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:K6"
    assert ws.column_dimensions["A"].width == 36
    rows = table(ws)
    assert [r["Name"] for r in rows] == [o.name for o in list_organizations(db).items]
    assert {r["Name"] for r in rows} == {CPC, "=1+1 Party", "Kenya African National Union",
                                         "Nairobi Policy Institute"}
    cpc = next(r for r in rows if r["Name"] == CPC)
    assert cpc["Chinese name"] == CPC and cpc["English name"] == "Communist Party of China"
    assert (cpc["Country"], cpc["Region"], cpc["Kind"], cpc["Status"], cpc["Level"]) == (
        "China", "Asia", "Political party", "Governing", "Strategic partner")
    assert cpc["Interactions"] == 2
    contact = cell_in(ws, CPC, "Last contact")
    assert contact.is_date and contact.value == datetime(2024, 6, 27)
    formula = cell_in(ws, "=1+1 Party", "Name")
    assert formula.data_type == "s" and formula.value == "=1+1 Party"
    assert "Deleted Party" not in {r["Name"] for r in rows}


def test_organizations_view_keeps_the_screens_filter_and_order(
        db: Database, register: dict[str, Any], tmp_path: Path) -> None:
    filters = OrganizationFilter(countries=("KE",), kinds=("party",))
    ws = view(db, tmp_path / "ke.xlsx", "organizations", filters, sort="name",
              descending=True)
    names = [r["Name"] for r in table(ws)]
    listed = list_organizations(db, filters, sort="name", descending=True).items
    assert names == [o.name for o in listed]
    assert set(names) == {"Kenya African National Union", "=1+1 Party"}
    assert "country KE" in ws["A1"].value and "kind Political party" in ws["A1"].value
    assert "2 organizations" in ws["A1"].value
    dormant = view(db, tmp_path / "tag.xlsx", "organizations", OrganizationFilter(tag="brics"),
                   sort="interaction_count")
    assert [r["Name"] for r in table(dormant)] == [CPC]


def test_people_view_shows_current_positions(db: Database, register: dict[str, Any],
                                             tmp_path: Path) -> None:
    ws = view(db, tmp_path / "people.xlsx", "people")
    assert [c.value for c in ws[2]] == ["Name", "English name", "Chinese name", "Title",
                                        "Current organizations", "Nationality",
                                        "Last contact", "Interactions"]
    rows = {r["Name"]: r for r in table(ws)}
    assert rows["王毅"]["English name"] == "Wang Yi"
    assert rows["王毅"]["Current organizations"] == f"Director, {CPC}"
    assert rows["王毅"]["Nationality"] == "China"
    # A past position is not current; a role equal to the title is not repeated.
    assert rows["Raila Odinga"]["Current organizations"] == "Kenya African National Union"
    narrowed = view(db, tmp_path / "in-cpc.xlsx", "people",
                    PersonFilter(organization_id=register["kanu"].id))
    assert [r["Name"] for r in table(narrowed)] == ["Raila Odinga"]
    assert "in “Kenya African National Union”" in narrowed["A1"].value


def test_interactions_view_newest_first_with_real_dates(db: Database, register: dict[str, Any],
                                                        tmp_path: Path) -> None:
    ws = view(db, tmp_path / "interactions.xlsx", "interactions")
    rows = table(ws)
    assert [r["Title"] for r in rows] == ["Letter of congratulations", "Talks on governance",
                                          "Seminar on poverty reduction"]
    talks = rows[1]
    assert (talks["Kind"], talks["Date"], talks["End"]) == ("Talks", datetime(2024, 6, 27),
                                                            datetime(2024, 6, 28))
    assert talks["Participants"] == f"Kenya African National Union; {CPC}; 王毅"
    assert (talks["City"], talks["Country"]) == ("Beijing", "China")
    date_cell = cell_in(ws, "Talks on governance", "Date")
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    summary = cell_in(ws, "Talks on governance", "Summary")
    assert summary.value == "=SUM(A1) stays text" and summary.data_type == "s"

    filters = InteractionFilter(organization_id=register["cpc"].id)
    theirs = view(db, tmp_path / "cpc.xlsx", "interactions", filters, descending=False)
    titles = [r["Title"] for r in table(theirs)]
    listed = list_interactions(db, filters, descending=False).items
    assert titles == [i.title for i in listed] == ["Seminar on poverty reduction",
                                                   "Talks on governance"]
    assert f"with “{CPC}”" in theirs["A1"].value
    seminars = view(db, tmp_path / "seminars.xlsx", "interactions",
                    InteractionFilter(kinds=("seminar",), start_from=date(2023, 1, 1)))
    assert [r["Title"] for r in table(seminars)] == ["Seminar on poverty reduction"]


def test_followups_view_marks_overdue_ones(db: Database, register: dict[str, Any],
                                           tmp_path: Path) -> None:
    ws = view(db, tmp_path / "all.xlsx", "followups")
    rows = table(ws)
    assert [r["Commitment"] for r in rows] == ["@send the report", "Book the hall",
                                               "Send the invitation"]
    first = rows[0]
    assert (first["Due"], first["Owner"], first["Organization"], first["From interaction"],
            first["Status"]) == (datetime(2020, 1, 1), "Li Na", CPC, "Talks on governance",
                                 "Open")
    due = ws["A3"]
    assert due.is_date and red(due)
    commitment = ws["B3"]
    assert commitment.value == "@send the report" and commitment.data_type == "s"
    assert not red(ws["A4"])  # done: not overdue
    open_ones = view(db, tmp_path / "open.xlsx", "followups", FollowUpFilter(open_only=True))
    assert [r["Commitment"] for r in table(open_ones)] == ["@send the report",
                                                           "Send the invitation"]
    assert "open" in open_ones["A1"].value


def test_empty_list_still_has_its_header(db: Database, tmp_path: Path) -> None:
    ws = view(db, tmp_path / "none.xlsx", "organizations",
              OrganizationFilter(query="nothing matches this"))
    assert ws["A2"].value == "Name"
    assert table(ws) == []
    assert "0 organizations" in ws["A1"].value and "matching “nothing matches this”" in \
        ws["A1"].value


def test_write_view_checks_its_arguments(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no 'parties' list"):
        list(write_view(db, tmp_path / "x.xlsx", "parties"))
    with pytest.raises(TypeError, match="OrganizationFilter"):
        list(write_view(db, tmp_path / "x.xlsx", "organizations", PersonFilter()))
    with pytest.raises(ValueError, match="cannot sort"):
        list(write_view(db, tmp_path / "x.xlsx", "people", sort="region"))
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_cancelled_view_or_dossier_leaves_no_file(db: Database, register: dict[str, Any],
                                                   tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with pytest.raises(InterruptedError):
        list(write_view(db, path, "interactions", cancelled=lambda: True))
    with pytest.raises(InterruptedError):
        list(write_dossier(db, path, register["cpc"].id, cancelled=lambda: True))
    for steps in (write_view(db, path, "people"), write_dossier(db, path, register["cpc"].id)):
        next(steps)
        steps.close()  # the window closed half way
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_dossier_has_profile_people_timeline_and_followups(
        db: Database, register: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dossier.xlsx"
    steps = list(write_dossier(db, path, register["cpc"].id))
    assert [s.stage for s in steps][-2:] == ["saving", "done"]
    assert steps[-1].done == steps[-1].total
    book = load_workbook(path)
    assert book.sheetnames == ["Profile", "People", "Timeline", "Follow-ups"]

    profile = book["Profile"]
    assert profile["A1"].value.startswith(f"{CPC} — dossier · exported ")
    fields = {row[0]: row[1] for row in profile.iter_rows(min_row=3, values_only=True)}
    assert fields["Name"] == CPC and fields["English name"] == "Communist Party of China"
    assert fields["Country"] == "China 中国 (CN)"
    assert fields["Kind"] == "Political party 政党"
    assert fields["Relationship level"] == "Strategic partner 战略伙伴"
    assert fields["Tags"] == "Asia; BRICS"
    assert fields["Last contact"] == datetime(2024, 6, 27)
    assert (fields["Interactions"], fields["People"], fields["Open follow-ups"]) == (2, 2, 1)
    assert fields["Liaison id"] == register["cpc"].id
    notes = next(row[1] for row in profile.iter_rows(min_row=3) if row[0].value == "Notes")
    assert notes.data_type == "s" and notes.value.startswith("=HYPERLINK")
    contact = next(row[1] for row in profile.iter_rows(min_row=3)
                   if row[0].value == "Last contact")
    assert contact.is_date

    people = table(book["People"])
    assert [(p["Name"], p["Role"], p["Current"]) for p in people] == [
        ("王毅", "Director", "yes"), ("Raila Odinga", "Guest speaker", "no")]
    assert people[0]["From"] == datetime(2022, 12, 30) and people[0]["Emails"] == \
        "wang@example.org"
    assert people[1]["Until"] == datetime(2011, 1, 1)

    timeline = table(book["Timeline"])
    assert [t["Title"] for t in timeline] == ["Talks on governance",
                                              "Seminar on poverty reduction"]
    talks = timeline[0]
    assert talks["Date"] == datetime(2024, 6, 27) and talks["Place"] == "Beijing, China"
    assert talks["Other participants"] == "Kenya African National Union; 王毅"
    assert (talks["Summary"], talks["Outcomes"]) == ("=SUM(A1) stays text",
                                                     "Agreed to meet again")
    summary = book["Timeline"]["H3"]
    assert summary.data_type == "s"
    assert book["Timeline"].freeze_panes == "A3"
    assert book["Timeline"].auto_filter.ref == "A2:I4"

    follow = table(book["Follow-ups"])
    assert [(f["Commitment"], f["Status"]) for f in follow] == [
        ("@send the report", "Open"), ("Book the hall", "Done")]
    assert follow[0]["From interaction"] == "Talks on governance"
    assert red(book["Follow-ups"]["A3"]) and not red(book["Follow-ups"]["A4"])


def test_dossier_of_an_unknown_or_deleted_organization(db: Database, register: dict[str, Any],
                                                       tmp_path: Path) -> None:
    for wrong in ("no-such-id", register["gone"].id):
        with pytest.raises(NotFound, match=f"There is no organization with id {wrong}"):
            list(write_dossier(db, tmp_path / "d.xlsx", wrong))
    assert list(tmp_path.glob("*.xlsx*")) == []


def test_dossier_of_an_organization_with_nothing_yet(db: Database, tmp_path: Path) -> None:
    lonely = make_organization(db, name="Partido Nuevo")
    list(write_dossier(db, tmp_path / "d.xlsx", lonely.id))
    book = load_workbook(tmp_path / "d.xlsx")
    assert table(book["Timeline"]) == [] and table(book["People"]) == []
    fields = {row[0]: row[1] for row in book["Profile"].iter_rows(min_row=3, values_only=True)}
    assert fields["Interactions"] == 0 and fields["Last contact"] is None


# -- the command line ------------------------------------------------------------------------

def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo(sqlite_path: Path) -> Path:
    code, _, err = run("--db", str(sqlite_path), "demo", "--size", "small")
    assert code == 0, err
    return sqlite_path


@pytest.mark.parametrize(("kind", "count", "noun"), [
    ("organizations", 200, "organizations"), ("people", 600, "people"),
    ("interactions", 2_000, "interactions")])
def test_cli_export_view(demo: Path, tmp_path: Path, kind: str, count: int, noun: str) -> None:
    target = tmp_path / f"{kind}.xlsx"
    code, out, err = run("--db", str(demo), "export", str(target), "--view", kind)
    assert code == 0, err
    assert f"Exported {count:,} {noun} from" in out
    ws = load_workbook(target, read_only=True).active
    assert ws.title == VIEWS[kind].title
    assert sum(1 for _ in ws.iter_rows(min_row=3)) == count


def test_cli_export_followups_view_is_the_whole_list(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "f.xlsx"
    code, _, err = run("--db", str(demo), "export", str(target), "--view", "followups")
    assert code == 0, err
    # The whole list: done ones too, not only the open ones the screen starts with.
    statuses = {row[5] for row in load_workbook(target).active.iter_rows(min_row=3,
                                                                         values_only=True)}
    assert {"Open", "Done"} <= statuses


def test_cli_export_dossier(demo: Path, tmp_path: Path) -> None:
    db_url = str(demo)
    from db.seed.opening import open_database

    database = open_database(db_url)
    try:
        busiest = list_organizations(database, sort="interaction_count", descending=True,
                                     limit=1).items[0]
    finally:
        database.close()
    target = tmp_path / "dossier.xlsx"
    code, out, err = run("--db", db_url, "export", str(target), "--organization", busiest.id)
    assert code == 0, err
    assert f"Exported the dossier of organization {busiest.id}" in out
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["Profile", "People", "Timeline", "Follow-ups"]
    assert sum(1 for _ in book["Timeline"].iter_rows(min_row=3)) == busiest.interaction_count


def test_cli_export_unknown_organization(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "d.xlsx"
    code, out, err = run("--db", str(demo), "export", str(target), "--organization", "nope")
    assert code == 1 and out == ""
    assert err == "There is no organization with id nope.\n"
    assert list(tmp_path.glob("*.xlsx*")) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--view", "parties"], "argument --view: invalid choice: 'parties'"),
    (["--view", "people", "--organization", "x"],
     "argument --organization: not allowed with argument --view"),
])
def test_cli_export_usage_errors(demo: Path, tmp_path: Path, args: list[str],
                                 message: str) -> None:
    code, _, err = run("--db", str(demo), "export", str(tmp_path / "v.xlsx"), *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "v.xlsx").exists()
