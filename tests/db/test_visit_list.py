"""What the visits list and the visit page read and undo through the visits service: a year's
visits (those under way in it), sorting, the years there are, the programme's size per
visit, and a removed member or gift brought back. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from db.services import programme, visits
from db.services.visits import VisitFilter
from db.store.engine import Database
from db.store.errors import NotFound
from tests.db.factories import make_organization, make_person


@pytest.fixture
def three(db: Database) -> dict[str, str]:
    host = make_organization(db, name="African National Congress", country="ZA")
    found = {}
    for key, title, start, end, status in (
            ("may", "Delegation to Beijing", "2024-05-06", "2024-05-10", "done"),
            ("winter", "winter school", "2024-12-30", "2025-01-02", "confirmed"),
            ("feb", "ANC in Brasília", "2025-02-03", None, "planned")):
        found[key] = visits.create_visit(db, {"title": title, "direction": "outbound",
                                              "status": status, "start": start, "end": end,
                                              "host_id": host.id}).id
    return found


def titles(db: Database, filters: VisitFilter | None = None, **options: object) -> list[str]:
    return [v.title for v in visits.list_visits(db, filters, **options).items]  # type: ignore[arg-type]


def test_a_year_holds_the_visits_under_way_in_it(db: Database, three: dict[str, str]) -> None:
    assert titles(db, VisitFilter(year=2025)) == ["ANC in Brasília", "winter school"]
    assert titles(db, VisitFilter(year=2024)) == ["winter school", "Delegation to Beijing"]
    assert titles(db, VisitFilter(year=2023)) == []
    assert visits.visit_years(db) == [2025, 2024]


def test_sorted_by_title_without_regard_to_case_or_by_status(
        db: Database, three: dict[str, str]) -> None:
    assert titles(db, sort="title", descending=False) == [
        "ANC in Brasília", "Delegation to Beijing", "winter school"]
    assert titles(db, sort="status", descending=True) == [
        "ANC in Brasília", "Delegation to Beijing", "winter school"]
    assert titles(db) == ["ANC in Brasília", "winter school", "Delegation to Beijing"]


def test_programme_counts_leave_out_removed_items(db: Database, three: dict[str, str]) -> None:
    may = three["may"]
    items = [programme.add_item(db, may, {"day": day, "title": f"Talks {day}"})
             for day in ("2024-05-06", "2024-05-07", "2024-05-08")]
    programme.remove_item(db, items[0].id)
    assert visits.programme_counts(db, list(three.values())) == {may: 2}
    assert visits.programme_counts(db, []) == {}


def test_a_removed_member_and_gift_come_back(db: Database, three: dict[str, str]) -> None:
    person = make_person(db, name="Naledi Pandor")
    member = visits.add_member(db, three["may"], {"person_id": person.id, "side": "host",
                                                  "role": "head"})
    gift = visits.add_gift(db, three["may"], {"description": "A porcelain vase",
                                              "direction": "received"})
    visits.remove_member(db, member.id)
    visits.remove_gift(db, gift.id)
    assert visits.list_members(db, three["may"]) == []
    assert visits.list_gifts(db, three["may"]) == []
    back = visits.restore_member(db, member.id)
    assert (back.person_name, back.role, back.side) == ("Naledi Pandor", "head", "host")
    assert visits.restore_gift(db, gift.id).description == "A porcelain vase"
    assert [m.id for m in visits.list_members(db, three["may"])] == [member.id]
    assert [g.id for g in visits.list_gifts(db, three["may"])] == [gift.id]
    with pytest.raises(NotFound):
        visits.restore_gift(db, "no-such-gift")
