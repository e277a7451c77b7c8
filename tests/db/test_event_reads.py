"""What the event screens read and write besides tests/db/test_events.py: the events list
sorted in the database, several invitations changed at once (all or none) and taken back,
and a removed session, invitation or delegate brought back by undo. On SQLite and
PostgreSQL, over the summit of tests/db/test_events.py."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from db.services import events, invitations
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_organization
from tests.db.test_events import summit  # noqa: F401  (the fixture)


def test_the_list_sorts_in_the_database(db: Database, summit: dict[str, Any]) -> None:  # noqa: F811
    seminar = events.create_event(db, {"name": "Academy on governance", "start": "2026-07-01",
                                       "mechanism": "thematic_seminar", "country": "VN"})
    names = [e.name for e in events.list_events_sorted(db, sort="start").items]
    assert names == ["Academy on governance", "World Political Parties Dialogue 2026",
                     "World Political Parties Dialogue 2025"]
    by_name = events.list_events_sorted(db, sort="name", descending=False).items
    assert by_name[0].name == "Academy on governance"
    by_count = events.list_events_sorted(db, sort="invitations").items
    assert [(e.name, e.invitations) for e in by_count] == [
        ("World Political Parties Dialogue 2026", 6), ("World Political Parties Dialogue 2025", 1),
        ("Academy on governance", 0)]
    series = events.list_events_sorted(db, sort="series", descending=False).items
    assert [e.edition for e in series] == [2, 3, None]  # the series edition by edition, then none
    page = events.list_events_sorted(db, events.EventFilter(series="World Parties Dialogue"),
                                     sort="organizer", offset=1, limit=1)
    assert page.total == 2 and len(page.items) == 1
    assert events.list_events_sorted(db, events.EventFilter(text="governance")).items[0].id \
        == seminar.id


def test_several_invitations_change_at_once_or_not_at_all(
        db: Database, summit: dict[str, Any]) -> None:  # noqa: F811
    inv = summit["inv"]
    saved = invitations.update_invitations(db, {inv["D"].id: {"attendance": "attended"},
                                                inv["F"].id: {"attendance": "absent"}})
    assert {r.invitee: r.attendance for r in saved} == {"Partido dos Trabalhadores": "attended",
                                                        "Die Linke": "absent"}
    with pytest.raises(ValidationFailed) as refused:  # F's reply would come after the event
        invitations.update_invitations(db, {
            inv["D"].id: {"attendance": "unknown"},
            inv["F"].id: {"reply": "accepted", "replied_on": date(2026, 6, 1)}})
    assert [p.field for p in refused.value.problems] == ["replied_on"]
    assert refused.value.problems[0].message.startswith("Die Linke: The event was over")
    assert invitations.get_invitation(db, inv["D"].id).attendance == "attended"  # nothing half-done


def test_removed_records_come_back(db: Database, summit: dict[str, Any]) -> None:  # noqa: F811
    event, inv = summit["event"], summit["inv"]
    new = [make_organization(db, name=f"Party {n}", country="AO") for n in range(3)]
    made = invitations.invite_many(db, event.id, [{"organization_id": o.id} for o in new])
    invitations.remove_invitations(db, [r.id for r in made])
    assert invitations.list_invitations(db, event.id).total == 6
    back = invitations.restore_invitations(db, [r.id for r in made])
    assert sorted(r.invitee for r in back) == ["Party 0", "Party 1", "Party 2"]
    assert invitations.list_invitations(db, event.id).total == 9
    delegate = invitations.list_delegates(db, inv["A"].id)[1]
    invitations.remove_delegate(db, delegate.id)
    assert len(invitations.list_delegates(db, inv["A"].id)) == 1
    assert invitations.restore_delegate(db, delegate.id).person_name == "Nguyễn Văn Nam"
    assert len(invitations.list_delegates(db, inv["A"].id)) == 2
    opening = events.add_session(db, event.id, {"day": event.start + timedelta(days=1),
                                                "title": "Opening"})
    events.remove_session(db, opening.id)
    assert events.list_sessions(db, event.id) == []
    assert events.restore_session(db, opening.id).title == "Opening"
    assert [s.title for s in events.list_sessions(db, event.id)] == ["Opening"]


def test_the_invitation_that_covers_someone(db: Database, summit: dict[str, Any]) -> None:  # noqa: F811
    event, person, org = summit["event"], summit["person"], summit["org"]
    assert invitations.invitation_for(db, event.id, organization_id=org["C"].id).id \
        == summit["inv"]["C"].id
    # in A's delegation, so covered by A's invitation
    assert invitations.invitation_for(db, event.id, person_id=person["a_member"].id).id \
        == summit["inv"]["A"].id
    stranger = make_organization(db, name="Partido Socialista", country="PT")
    assert invitations.invitation_for(db, event.id, organization_id=stranger.id) is None
