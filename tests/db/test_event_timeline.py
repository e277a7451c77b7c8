"""Each attendance at a multilateral event is an entry of the participant's timeline (issue 17),
among its interactions and visits, newest first, counted; an invitation declined or not yet
attended is not. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from db.services import events, invitations
from db.services.visit_timeline import list_timeline
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization, make_person


def test_attended_events_are_on_the_timeline(db: Database) -> None:
    party = make_organization(db, name="Partido Socialista Unido de Venezuela", country="VE")
    head = make_person(db, name="Diosdado Cabello")
    alone = make_person(db, name="Delcy Rodríguez")
    make_interaction(db, title="Talks in Caracas", start="2026-03-01",
                     organizations_=[party.id], people_=[head.id])
    forum = events.create_event(db, {"name": "São Paulo Forum", "start": date(2026, 4, 2),
                                     "end": date(2026, 4, 4), "city": "Brasília",
                                     "country": "BR", "mechanism": "party_forum"})
    seminar = events.create_event(db, {"name": "Seminar on governance",
                                       "start": date(2026, 5, 5), "online": True})
    skipped = events.create_event(db, {"name": "Think-tank forum", "start": date(2026, 6, 1)})
    went = invitations.invite(db, forum.id, {"organization_id": party.id,
                                             "reply": "accepted", "attendance": "attended"})
    invitations.add_delegate(db, went.id, {"person_id": head.id, "role": "head"})
    invitations.invite(db, seminar.id, {"person_id": alone.id, "attendance": "attended"})
    invitations.invite(db, skipped.id, {"organization_id": party.id, "reply": "declined",
                                        "attendance": "absent"})

    page = list_timeline(db, "organization", party.id)
    assert [(entry.kind, entry.start.isoformat()) for entry in page.items] == [
        ("event", "2026-04-02"), ("interaction", "2026-03-01")]
    assert (page.total, page.events, page.visits) == (2, 1, 0)
    event = page.items[0].event
    assert event is not None and event.name == "São Paulo Forum" and event.city == "Brasília"

    person = list_timeline(db, "person", head.id)
    assert [entry.kind for entry in person.items] == ["event", "interaction"]
    attended = person.items[0].event
    assert attended is not None
    assert (attended.invitee, attended.role) == ("Partido Socialista Unido de Venezuela", "head")
    [own] = list_timeline(db, "person", alone.id).items
    assert own.event is not None and own.event.online and own.event.role is None

    oldest_first = list_timeline(db, "organization", party.id, descending=False, limit=1)
    assert [entry.kind for entry in oldest_first.items] == ["interaction"]
    events.delete_event(db, forum.id)
    assert list_timeline(db, "organization", party.id).total == 1
