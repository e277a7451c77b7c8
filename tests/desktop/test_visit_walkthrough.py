"""Issue 16's "Done when", as a new user goes through it with the `liaison` commands: last
month's "outbound visit" interaction becomes a visit; a five-day outbound visit to three cities
with twelve meetings is prepared; its briefing pack is printed to PDF; the outcomes are recorded
afterwards; the visit is in the calendar file and in a workbook a colleague edits and sends
back; and a travel copy in which the programme was changed on the road merges back."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QApplication

from db.changes.recording import Actor
from db.seed.opening import open_database
from db.services import interactions, programme, visits
from db.store.engine import Database
from desktop import i18n
from desktop.entry import main as liaison
from tests.db.factories import make_organization, make_person

CITIES = ("Hà Nội", "Đà Nẵng", "Thành phố Hồ Chí Minh")


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.install("en")
    yield
    i18n.install("en")


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def run(path: Path, *argv: str) -> None:
    assert liaison(["--db", str(path), *argv]) == 0, argv


def test_an_outbound_visit_from_start_to_finish(sqlite_db: Database, sqlite_path: Path,
                                                tmp_path: Path, english: None,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite_db
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam", name_en="Communist Party of "
                            "Vietnam", name_zh="越南共产党", country="VN")
    head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    hosts = [make_person(db, name=name, nationality="VN") for name in (
        "Lê Hoài Trung", "Phạm Thu Hằng", "Nguyễn Văn Nên")]
    # Last month's interaction, recorded before Liaison had visits.
    start = date.today().replace(day=1) - timedelta(days=20)
    old = interactions.create_interaction(db, {
        "kind": "outbound_visit", "title": "PT delegation to Viet Nam", "start": start,
        "country": "VN", "summary": "Exchange on party building.",
        "participants": [{"organization_id": ours.id, "role": "delegation_head"},
                         {"organization_id": cpv.id, "role": "host"},
                         {"person_id": head.id, "role": "delegation_head"}]})
    visit = programme.visit_from_interaction(db, old.id).visit
    assert visit.direction == "outbound" and visit.start == start

    # Five days, three cities, twelve meetings.
    visit = visits.update_visit(db, visit.id, {"end": start + timedelta(days=4),
                                               "status": "confirmed"},
                                expected_version=visit.version)
    # The conversion put the interaction's people on their sides: the head is there.
    assert [(m.person_name, m.role) for m in visits.list_members(db, visit.id)
            if m.person_id] == [("Gleisi Hoffmann", "head")]
    for person in hosts:
        visits.add_member(db, visit.id, {"person_id": person.id, "side": "host"})
    meetings = []
    for number in range(11):  # the converted talks are the first
        day = start + timedelta(days=number // 3 + 1 if number < 9 else 4)
        meetings.append(programme.add_item(db, visit.id, {
            "day": day, "kind": "meeting", "title": f"Meeting {number + 2}",
            "starts": f"{9 + number % 3 * 2:02d}:00", "city": CITIES[min(number // 4, 2)]},
            participants=[{"person_id": head.id},
                          {"person_id": hosts[number % 3].id}]))
    details = programme.visit_details(db, visit.id)
    assert len(details.days) == 5
    assert {city for day in details.days for city in day.cities} >= set(CITIES)
    assert sum(item.interaction_id is not None for day in details.days
               for item in day.items) == 12

    # The briefing pack, printed to PDF.
    pack = tmp_path / "briefing.pdf"
    run(sqlite_path, "export", str(pack), "--visit", visit.id)
    text = pdf_text(pack)
    for name in ("Đảng Cộng sản Việt Nam", "越南共产党", "Lê Hoài Trung", "Meeting 12"):
        assert name in text

    # Afterwards, the outcomes.
    visit = visits.get_visit(db, visit.id)
    visits.update_visit(db, visit.id, {"status": "done", "outcomes": "A seminar in 2027."},
                        expected_version=visit.version)

    # The calendar file.
    ics = tmp_path / "liaison.ics"
    run(sqlite_path, "calendar", str(ics), "--from", start.isoformat())
    found = {str(event["UID"]).removesuffix("@liaison")
             for event in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}
    assert visit.id in found
    assert {item.id for item in meetings} <= found

    # A colleague edits the workbook and sends it back.
    book = tmp_path / "liaison.xlsx"
    run(sqlite_path, "export", str(book))
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["programme"]
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[headers.index("title")].value == "Meeting 5":
            row[headers.index("place")].value = "Trụ sở Trung ương Đảng"
    workbook.save(book)
    capsys.readouterr()
    run(sqlite_path, "import", str(book))
    assert {item.title: item.place for item in programme.list_items(db, visit.id)}[
        "Meeting 5"] == "Trụ sở Trung ương Đảng"

    # A travel copy in which the programme changed on the road.
    copy = tmp_path / "travel.sqlite3"
    run(sqlite_path, "export-travel-copy", "--plain", str(copy))
    road = open_database(copy)
    try:
        moved = next(item for item in programme.list_items(road, visit.id)
                     if item.title == "Meeting 7")
        programme.update_item(road, moved.id, {"starts": "16:30"}, expected_version=None,
                              actor=Actor("traveller"))
        programme.add_item(road, visit.id, {"day": start + timedelta(days=4),
                                            "kind": "site_visit", "title": "Cu Chi tunnels",
                                            "city": CITIES[2]}, Actor("traveller"))
    finally:
        road.close()
    run(sqlite_path, "merge", str(copy))
    items = {item.title: item for item in programme.list_items(db, visit.id)}
    assert items["Meeting 7"].starts == "16:30" and "Cu Chi tunnels" in items
    assert items["Meeting 5"].place == "Trụ sở Trung ương Đảng"
