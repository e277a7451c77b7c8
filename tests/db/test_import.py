"""Importing a colleague's spreadsheet: mapping, validation located by sheet/row/column, matching
that never creates duplicates on re-import, duplicate policies, relations by name, one
transaction, undo — on SQLite and PostgreSQL, from real .xlsx and .csv files."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions
from db.models import Affiliation, ChangeLog, ImportBatch, Organization, Participation, Person
from db.services import affiliations, interactions, organizations, people
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization, make_person

PARTIES = [  # a colleague's list: title rows above, data starting in column B, Chinese headers
    ["政党名称", "简称", "国家", "成立时间", "网址", "备注"],
    ["非洲人国民大会", "ANC", "南非", datetime(1912, 1, 8), "www.anc1912.org.za", "执政党"],
    ["莫桑比克解放阵线党", "Frelimo", "Mozambique", datetime(1962, 6, 25), None, None],
    ["Sozialdemokratische Partei Deutschlands", "SPD", "DEU", 1863, "https://www.spd.de",
     "Zürich office\nsecond line"],
    ["Partido Socialista Unificado de México", None, "MX", "1981", None, "-minus note"],
]


def write_xlsx(path: Path, rows: list[list[Any]], *, title: str | None = None,
               column_offset: int = 0, sheet: str = "Sheet1") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([])
        ws.append([None] * column_offset + [title])
        ws.append([])
    for row in rows:
        ws.append([None] * column_offset + list(row))
    wb.save(path)
    return path


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def org_count(db: Database) -> int:
    with db.reading() as session:
        return int(session.execute(select(func.count()).select_from(Organization)
                                   .where(Organization.deleted_at.is_(None))).scalar_one())


def by_name(db: Database, name: str) -> Any:
    page = list_organizations(db, OrganizationFilter(query=name), limit=5)
    return next(o for o in page.items if o.name == name)


def test_a_colleagues_party_list_with_chinese_headers(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "parties.xlsx", PARTIES, title="合作政党名单 2024",
                      column_offset=1)
    plan = build_plan(db, path)
    assert plan.kind == "organizations" and plan.header_row == 4
    assert set(plan.mapping.values()) == {"name", "abbreviation", "country", "founded",
                                          "website", "notes"}
    assert not plan.errors, plan.errors
    assert [r.action for r in plan.rows] == ["create"] * 4
    assert org_count(db) == 0  # the plan wrote nothing

    result = apply_plan(db, plan)
    assert result.counts["organizations"]["created"] == 4
    anc = by_name(db, "非洲人国民大会")
    # A date cell keeps its day; a number or text year stays a year.
    assert (anc.abbreviation, anc.country, anc.founded) == ("ANC", "ZA", "1912-01-08")
    assert by_name(db, "Sozialdemokratische Partei Deutschlands").founded == "1863"
    assert by_name(db, "Partido Socialista Unificado de México").founded == "1981"
    assert anc.website == "https://www.anc1912.org.za"
    spd = by_name(db, "Sozialdemokratische Partei Deutschlands")
    assert spd.notes == "Zürich office\nsecond line" and spd.country == "DE"
    assert by_name(db, "Partido Socialista Unificado de México").notes == "-minus note"

    # The same list again: every row recognised, nothing duplicated.
    again = build_plan(db, path)
    assert [r.action for r in again.rows] == ["unchanged"] * 4
    assert {r.id for r in again.rows} == {r.id for r in plan.rows}
    assert "same name" in again.rows[0].reason


def test_problems_are_located_and_block_everything(db: Database, tmp_path: Path) -> None:
    rows = [PARTIES[0], PARTIES[1], ["Narnia Party", "NP", "Narnia", 1950, None, None],
            [None, "XX", "CN", "long ago", None, None]]
    path = write_xlsx(tmp_path / "bad.xlsx", rows, sheet="名单")
    plan = build_plan(db, path)
    located = {(n.sheet, n.row, n.column) for n in plan.errors}
    assert ("名单", 3, "国家") in located  # unknown country
    assert ("名单", 4, "政党名称") in located  # no name
    assert ("名单", 4, "成立时间") in located  # not a year
    assert any("Narnia" in n.message for n in plan.errors)
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    assert org_count(db) == 0
    skipping = build_plan(db, path, ImportOptions(skip_invalid=True))
    apply_plan(db, skipping)
    assert org_count(db) == 1  # only the valid row


def test_duplicate_policies_and_undo_of_updates(db: Database, tmp_path: Path) -> None:
    existing = make_organization(db, name="African National Congress", abbreviation="ANC",
                                 country="ZA", website="https://old.example.org", notes=None)
    rows = [["Party", "Abbreviation", "Country", "Website", "Notes"],
            ["African National Congress", "ANC", "South Africa", "https://www.anc1912.org.za",
             "Governing since 1994"]]
    path = write_xlsx(tmp_path / "anc.xlsx", rows)

    skip = build_plan(db, path)
    assert skip.rows[0].action == "skip" and skip.rows[0].id == existing.id

    fill = build_plan(db, path, ImportOptions(on_duplicate="fill"))
    assert {c.field for c in fill.rows[0].changes} == {"notes"}  # the website is not blank

    plan = build_plan(db, path, ImportOptions(on_duplicate="update"))
    row = plan.rows[0]
    assert row.action == "update"
    changes = {c.field: (c.before, c.after) for c in row.changes}
    assert changes == {"website": ("https://old.example.org", "https://www.anc1912.org.za"),
                       "notes": (None, "Governing since 1994")}
    result = apply_plan(db, plan)
    record = organizations.get_organization(db, existing.id)
    assert record.website == "https://www.anc1912.org.za" and record.notes == "Governing since 1994"
    with db.reading() as session:
        logged = session.execute(select(ChangeLog.field).where(
            ChangeLog.batch_id == result.batch_id)).scalars().all()
    assert set(logged) == {"website", "notes"}

    undone = undo_import(db, result.batch_id)
    assert undone.restored == 1 and not undone.kept
    record = organizations.get_organization(db, existing.id)
    assert record.website == "https://old.example.org" and record.notes is None
    with pytest.raises(LiaisonError, match="already undone"):
        undo_import(db, result.batch_id)


def test_an_empty_cell_never_clears_unless_asked(db: Database, tmp_path: Path) -> None:
    existing = make_organization(db, name="Frelimo", country="MZ", ideology="Socialism")
    path = write_xlsx(tmp_path / "f.xlsx", [["Party", "Country", "Ideology", "Founded"],
                                            ["Frelimo", "MZ", None, 1962]])
    plan = build_plan(db, path, ImportOptions(on_duplicate="update"))
    assert {c.field for c in plan.rows[0].changes} == {"founded"}
    clearing = build_plan(db, path, ImportOptions(on_duplicate="update", clear_empty=True))
    assert {c.field for c in clearing.rows[0].changes} == {"founded", "ideology"}
    assert existing.ideology == "Socialism"


def test_an_ambiguous_match_is_never_resolved_silently(db: Database, tmp_path: Path) -> None:
    make_organization(db, name="Socialist Party", country="PT")
    make_organization(db, name="Socialist Party", country="SN")
    path = write_xlsx(tmp_path / "sp.xlsx", [["Party", "Notes"], ["Socialist Party", "x"]])
    plan = build_plan(db, path, ImportOptions(on_duplicate="update"))
    assert plan.rows[0].action == "error"
    assert "2 existing organizations" in plan.errors[0].message
    with_country = write_xlsx(tmp_path / "sp2.xlsx", [["Party", "Country", "Notes"],
                                                      ["Socialist Party", "Senegal", "x"]])
    plan = build_plan(db, with_country, ImportOptions(on_duplicate="update"))
    assert plan.rows[0].action == "update" and "country" in plan.rows[0].reason


def test_interactions_with_participants_by_name_and_text_dates(db: Database,
                                                              tmp_path: Path) -> None:
    cpc = make_organization(db, name="Communist Party of China", abbreviation="CPC",
                            country="CN")
    anc = make_organization(db, name="African National Congress", abbreviation="ANC",
                            country="ZA")
    frelimo = make_organization(db, name="Frelimo", country="MZ")
    rows = [["Date of visit", "Title", "Type", "Participants", "City", "Topics"],
            ["27/06/2024", "Party school exchange", "Seminar", "CPC; ANC; Frelimo", "Beijing",
             "Party building"],
            ["2024年7月3日", "Video call on youth work", "video call", "ANC [host]; Nobody Party",
             None, None],
            ["03/04/2024", "Letter of congratulations", "letter", "Frelimo", None, None]]
    path = write_xlsx(tmp_path / "visits.xlsx", rows)
    plan = build_plan(db, path)
    assert plan.kind == "interactions"
    ambiguous = [n for n in plan.errors if n.row == 4]
    assert ambiguous and "day or the month" in ambiguous[0].message
    assert any("Nobody Party" in n.message for n in plan.warnings)

    plan = build_plan(db, path, ImportOptions(day_order="dayfirst"))
    assert not plan.errors
    first = plan.rows[0]
    assert first.values["start"] == date(2024, 6, 27) and first.values["kind"] == "seminar"
    assert {p[0] for p in first.links["participants"]} == {cpc.id, anc.id, frelimo.id}
    assert plan.rows[1].links["participants"] == [(anc.id, None, "host")]
    assert plan.rows[2].values["start"] == date(2024, 4, 3)
    result = apply_plan(db, plan)
    assert result.counts["interactions"]["created"] == 3
    assert organizations.get_organization(db, anc.id).last_contact == date(2024, 7, 3)
    timeline = interactions.list_interactions(
        db, interactions.InteractionFilter(organization_id=frelimo.id))
    assert {i.title for i in timeline.items} == {"Party school exchange",
                                                 "Letter of congratulations"}
    # Re-importing the same visits recognises them by date and title.
    again = build_plan(db, path, ImportOptions(day_order="dayfirst"))
    assert [r.action for r in again.rows] == ["unchanged"] * 3

    undo_import(db, result.batch_id)
    assert organizations.get_organization(db, anc.id).last_contact is None
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(Participation)).scalar_one() == 0


def test_people_with_their_positions_from_csv(db: Database, tmp_path: Path) -> None:
    party = make_organization(db, name="Frente de Libertação de Moçambique",
                              abbreviation="Frelimo", country="MZ")
    known = make_person(db, name="Ana Sitoe", nationality="MZ")
    rows = [["First name", "Last name", "Position", "Party", "E-mail", "Nationality"],
            ["Ana", "Sitoe", "Secretary for International Relations", "Frelimo",
             "ana@frelimo.org.mz", "Mozambique"],
            ["João", "Machava", "Deputy Secretary", "FRELIMO", "", "MZ"]]
    path = write_csv(tmp_path / "people.csv", rows, encoding="cp1252", delimiter=";")
    plan = build_plan(db, path, ImportOptions(on_duplicate="fill"))
    assert plan.kind == "people", plan.mapping
    assert not plan.errors, plan.errors
    actions = [(r.entity, r.action) for r in plan.rows]
    assert actions == [("person", "update"), ("position", "create"), ("person", "create"),
                       ("position", "create")]
    assert plan.rows[0].id == known.id
    apply_plan(db, plan)
    joao = people.list_people(db, people.PersonFilter(query="João Machava")).items[0]
    positions = affiliations.list_affiliations(db, person_id=joao.id)
    assert [(p.organization_id, p.role) for p in positions] == [(party.id, "Deputy Secretary")]
    assert people.get_person(db, known.id).emails == ("ana@frelimo.org.mz",) or \
        list(people.get_person(db, known.id).emails) == ["ana@frelimo.org.mz"]


def test_a_later_row_repeating_an_earlier_one_is_skipped(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "dup.xlsx", [["Party", "Country"], ["Frelimo", "MZ"],
                                              ["FRELIMO", "Mozambique"]])
    plan = build_plan(db, path)
    assert [r.action for r in plan.rows] == ["create", "skip"]
    assert "row 2" in plan.rows[1].reason


def test_undo_removes_created_records_and_keeps_edited_ones(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [["Party", "Country"], ["Alpha Party", "KE"],
                                            ["Beta Party", "KE"]])
    result = apply_plan(db, build_plan(db, path))
    alpha = by_name(db, "Alpha Party")
    organizations.update_organization(db, alpha.id, {"notes": "met in Nairobi"},
                                      expected_version=alpha.version)
    undone = undo_import(db, result.batch_id)
    assert undone.removed == 1 and len(undone.kept) == 1 and "edited" in undone.kept[0]
    assert org_count(db) == 0
    restored = organizations.restore_organization(db, alpha.id)
    assert restored.notes == "met in Nairobi"  # nothing the user typed is lost
    with db.reading() as session:
        batch = session.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.status == "undone"


def test_a_mapping_profile_is_saved_and_reused(db: Database, tmp_path: Path) -> None:
    from db.exchange.imports.mapping import Profile, list_profiles, save_profile

    save_profile(db, Profile("Africa desk", "organizations",
                             {"Partei": "name", "Land": "country", "Kürzel": "abbreviation"}))
    path = write_xlsx(tmp_path / "de.xlsx", [["Partei", "Land", "Kürzel"],
                                             ["Sozialdemokratische Partei", "DE", "SPD"]])
    plan = build_plan(db, path, ImportOptions(profile="Africa desk", kind="organizations"))
    assert plan.mapping == {0: "name", 1: "country", 2: "abbreviation"}
    assert [p.name for p in list_profiles(db)] == ["Africa desk"]


def test_people_without_a_match_in_a_big_organization_list(db: Database, tmp_path: Path) -> None:
    """Two people of one name: the one already in the named organization is meant."""
    party = make_organization(db, name="Frelimo", country="MZ")
    other = make_organization(db, name="Renamo", country="MZ")
    first = make_person(db, name="Carlos Nhaca")
    second = make_person(db, name="Carlos Nhaca")
    affiliations.create_affiliation(db, {"person_id": first.id, "organization_id": party.id})
    affiliations.create_affiliation(db, {"person_id": second.id, "organization_id": other.id})
    path = write_xlsx(tmp_path / "c.xlsx", [["Name", "Organization", "Title"],
                                            ["Carlos Nhaca", "Renamo", "Spokesman"]])
    plan = build_plan(db, path, ImportOptions(kind="people", on_duplicate="update"))
    assert plan.rows[0].id == second.id and plan.rows[0].action == "update"
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(Person)).scalar_one() == 2
        assert session.execute(select(func.count()).select_from(Affiliation)).scalar_one() == 2


def test_a_similar_name_matches_but_other_numbers_do_not(db: Database, tmp_path: Path) -> None:
    anc = make_organization(db, name="African National Congress", country="ZA")
    make_organization(db, name="Workers Party Section 3", country="ZA")
    path = write_xlsx(tmp_path / "typo.xlsx", [["Party", "Country"],
                                               ["African Nationall Congress", "ZA"],
                                               ["Workers Party Section 4", "ZA"]])
    plan = build_plan(db, path)
    assert plan.rows[0].id == anc.id and "similar name" in plan.rows[0].reason
    assert plan.rows[1].action == "create"


def test_a_plan_the_database_moved_on_from_is_refused(db: Database, tmp_path: Path) -> None:
    """Between the preview and Import, another window or program wrote: a row planned as new
    may exist by now, so the plan is refused whole and made again (on SQLite and PostgreSQL)."""
    from db.exchange.imports.importer import PlanOutdated

    path = write_csv(tmp_path / "parties.csv", [["Name", "Country"], ["ZANU-PF", "ZW"]])
    plan = build_plan(db, path, ImportOptions(kind="organizations"))
    organizations.create_organization(db, {"name": "ZANU-PF", "country": "ZW"})
    with pytest.raises(PlanOutdated, match="changed while the import"):
        apply_plan(db, plan)
    assert org_count(db) == 1
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(ImportBatch)
                               .where(ImportBatch.kind == "import")).scalar() == 0
    again = build_plan(db, path, ImportOptions(kind="organizations"))
    assert not again.writes, "planned again, the row matches the organization made meanwhile"
