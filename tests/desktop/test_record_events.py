"""The Events tab of an organization's and a person's page (issue 17): the events invited to,
the reply and the attendance, and for a person the delegation they were in and their role;
opening one opens the event. The reads behind it on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from db.services import events, invitations
from db.services.event_participation import events_of
from db.store.engine import Database
from desktop.context import AppContext
from desktop.views.organization_page import OrganizationPage
from desktop.views.person_page import PersonPage
from tests.db.factories import make_organization, make_person
from tests.desktop.helpers import column_texts, show_tab, wait_until_active

START = date(2026, 5, 10)


def _setup(db: Database) -> dict[str, str]:
    party = make_organization(db, name="Frente Amplio", country="UY")
    head = make_person(db, name="Fernando Pereira")
    guest = make_person(db, name="Lucía Topolansky")
    forum = events.create_event(db, {"name": "Party Forum", "start": START,
                                     "series": "Forum", "edition": 4,
                                     "mechanism": "party_forum"})
    later = events.create_event(db, {"name": "Seminar", "start": date(2026, 9, 1),
                                     "mechanism": "thematic_seminar"})
    invited = invitations.invite(db, forum.id, {"organization_id": party.id,
                                                "reply": "accepted",
                                                "attendance": "attended"})
    invitations.add_delegate(db, invited.id, {"person_id": head.id, "role": "head"})
    invitations.invite(db, later.id, {"organization_id": party.id, "reply": "declined"})
    invitations.invite(db, later.id, {"person_id": guest.id})
    return {"party": party.id, "head": head.id, "guest": guest.id, "forum": forum.id,
            "later": later.id}


def test_the_reads_for_an_organization_and_a_person(db: Database) -> None:
    ids = _setup(db)
    parts = events_of(db, organization_id=ids["party"])
    assert [(p.name, p.reply, p.attendance) for p in parts] == [
        ("Seminar", "declined", "unknown"), ("Party Forum", "accepted", "attended")]
    [part] = events_of(db, person_id=ids["head"])
    assert (part.name, part.invitee, part.role, part.attended) == (
        "Party Forum", "Frente Amplio", "head", True)
    [alone] = events_of(db, person_id=ids["guest"])
    assert (alone.name, alone.invitee, alone.role) == ("Seminar", "Lucía Topolansky", None)


def test_the_tabs_list_them_and_open_the_event(context: AppContext, qtbot: QtBot) -> None:
    ids = _setup(context.database)
    page = context.open_organization(ids["party"])
    assert isinstance(page, OrganizationPage)
    wait_until_active(page)
    show_tab(page.tabs, "Events")
    tab = page.events_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    assert column_texts(tab.model, 1) == ["Seminar", "Party Forum"]
    assert column_texts(tab.model, 2) == ["", "Forum, edition 4"]
    assert column_texts(tab.model, 4) == ["Declined", "Accepted"]
    assert tab.summary.text() == "invited to 2, attended 1"
    tab.table.select_row(1)
    tab.open_button.click()
    assert any(key == ("event", ids["forum"]) for key in context.windows)

    person = context.open_person(ids["head"])
    assert isinstance(person, PersonPage)
    wait_until_active(person)
    show_tab(person.tabs, "Events")
    qtbot.waitUntil(lambda: person.events_tab.model.rowCount() == 1)
    assert column_texts(person.events_tab.model, 6) == ["Frente Amplio, Head of delegation"]


def test_an_attended_event_is_a_row_of_the_timeline(context: AppContext, qtbot: QtBot) -> None:
    ids = _setup(context.database)
    page = context.open_person(ids["head"])
    assert isinstance(page, PersonPage)
    wait_until_active(page)
    show_tab(page.tabs, "Interactions")
    tab = page.timeline_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert column_texts(tab.model, 1) == ["Party forum of a grouping"]
    assert column_texts(tab.model, 2) == ["Party Forum"]
    assert column_texts(tab.model, 3) == ["Frente Amplio, Head of delegation"]
    assert tab.count_label.text() == "No interactions yet; 1 event attended"
    tab.table.select_row(0)
    tab.open(tab.table.current_record())
    assert any(key == ("event", ids["forum"]) for key in context.windows)
