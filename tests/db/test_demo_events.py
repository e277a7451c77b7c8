"""The demo's year of multilateral events (issue 17; db/seed/demo_events.py): the small size's
events, sessions, invitations and delegations in their counts and ranges; the high-level
meeting of about 250 invitations from about 40 countries with its previous edition; every
record passing the writer's own validation — the rules of db/changes/event_checks.py — though
the generator writes in bulk; every delegation's head from the organization invited; birth
years and leaders on the people and positions; the figures the event page shows adding up;
and a few first-time partners at the latest high-level meeting.
On SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.changes import recording
from db.changes.registry_events import DELEGATE, EVENT, EVENT_SESSION, INVITATION
from db.models import (
    Affiliation,
    Delegate,
    Event,
    EventSession,
    Interaction,
    Invitation,
    Organization,
    Participation,
    Person,
    Visit,
    event_co_organizers,
    session_speakers,
)
from db.seed.demo import generate_demo
from db.seed.demo_events import SERIES
from db.seed.opening import open_database
from db.services import event_figures, events, invitations
from db.services.check import check_database
from db.store.engine import Database


def load(db: Database, seed: int = 1) -> None:
    stages = [step.stage for step in generate_demo(db, "small", seed)]
    assert stages.index("visits") < stages.index("events") and stages[-1] == "done"


def count(db: Database, model: Any) -> int:
    with db.reading() as session:
        return int(session.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_small_demo_has_a_year_of_events_that_keep_every_rule(db: Database) -> None:
    load(db)
    today = datetime.now(UTC).date()
    with db.reading() as session:
        rows = list(session.execute(select(Event).order_by(Event.start)).scalars())
        sessions = list(session.execute(select(EventSession)).scalars())
        invited = list(session.execute(select(Invitation)).scalars())
        delegates = list(session.execute(select(Delegate)).scalars())
        co = list(session.execute(select(event_co_organizers)).all())
        speakers = list(session.execute(select(session_speakers)).all())

        # The year: ten events from a year ago to two months ahead, across the mechanisms,
        # and the high-level meeting's previous edition a year before its 3rd.
        by_id = {e.id: e for e in rows}
        in_year = [e for e in rows if e.start >= today - timedelta(days=365)]
        assert len(rows) == 11 and len(in_year) == 10
        assert all(e.start <= today + timedelta(days=60) for e in rows)
        assert set(Counter(e.mechanism for e in in_year)) == {
            "high_level_meeting", "party_forum", "thematic_seminar", "think_tank_forum",
            "study_programme", "other"}
        ahead = [e for e in rows if e.start > today]
        assert len(ahead) >= 2 and not [e for e in rows if e.start <= today <= (e.end or e.start)]
        editions = [e for e in rows if e.series == SERIES]
        assert [e.edition for e in editions] == [2, 3]
        assert (editions[1].start - editions[0].start).days == 364

        # Every record passes the writer's validation: fields, checks, and the event rules
        # that read other records (a session within its event, invited once, no reply after
        # the event, no attendance before it, one head, a head from the organization sent).
        for event in rows:
            recording.validate(session, EVENT.schema, {
                "name": event.name, "series": event.series, "edition": event.edition,
                "mechanism": event.mechanism, "start": event.start, "end": event.end,
                "city": event.city, "country": event.country_code, "online": event.online,
                "organizer_id": event.organizer_id, "theme": event.theme,
                "notes": event.notes}, record_id=event.id)
        for item in sessions:
            checked = recording.validate(session, EVENT_SESSION.schema, {
                "event_id": item.event_id, "day": item.day, "starts": item.starts,
                "ends": item.ends, "title": item.title, "place": item.place,
                "notes": item.notes, "position": item.position}, record_id=item.id)
            assert (checked["starts"], checked["ends"]) == (item.starts, item.ends)
            assert item.starts and item.ends and item.starts < item.ends
        for invitation in invited:
            recording.validate(session, INVITATION.schema, {
                "event_id": invitation.event_id, "organization_id": invitation.organization_id,
                "person_id": invitation.person_id, "invited_by": invitation.invited_by,
                "invited_on": invitation.invited_on, "reply": invitation.reply,
                "replied_on": invitation.replied_on, "attendance": invitation.attendance,
                "delegation_size": invitation.delegation_size, "notes": invitation.notes},
                record_id=invitation.id)
        for delegate in delegates:
            recording.validate(session, DELEGATE.schema, {
                "invitation_id": delegate.invitation_id, "person_id": delegate.person_id,
                "role": delegate.role, "title": delegate.title}, record_id=delegate.id)

        # Invitations: dated before the event and not after today; replies mostly
        # accepted; attendance only for the events that are over, and for them mostly.
        event_of = {i.id: by_id[i.event_id] for i in invited}
        for invitation in invited:
            event = event_of[invitation.id]
            assert invitation.invited_on is not None and invitation.invited_on <= today
            assert invitation.invited_on < event.start
            if invitation.reply == "none":
                assert invitation.replied_on is None
            else:
                assert invitation.replied_on is not None
                assert invitation.invited_on <= invitation.replied_on < event.start
                assert invitation.replied_on <= today
            if event.start > today:
                assert invitation.attendance == "unknown"
        replies = Counter(i.reply for i in invited)
        assert set(replies) == {"accepted", "declined", "representative", "none"}
        assert replies["accepted"] > len(invited) / 2
        assert replies["declined"] >= 20 and replies["representative"] >= 20
        assert replies["none"] >= 20
        past = [i for i in invited if (event_of[i.id].end or event_of[i.id].start) < today]
        assert Counter(i.attendance for i in past)["attended"] > len(past) / 2
        assert 400 <= len(invited) <= 700

        # Delegations: a head from the invited organization, holding a position there on
        # the event's first day, flagged its party's leader for some; each person once.
        head_of: dict[str, str] = {}
        for delegate in delegates:
            if delegate.role == "head":
                assert delegate.invitation_id not in head_of
                head_of[delegate.invitation_id] = delegate.person_id
        by_invitation = {i.id: i for i in invited}
        named = {d.invitation_id for d in delegates}
        assert named <= set(head_of), "a named delegation has a head"
        leaders = 0
        for invitation_id, person_id in head_of.items():
            invitation = by_invitation[invitation_id]
            assert invitation.organization_id is not None
            assert invitation.attendance == "attended" or invitation.reply in (
                "accepted", "representative")
            start = event_of[invitation_id].start
            held = session.execute(select(Affiliation).where(
                Affiliation.person_id == person_id,
                Affiliation.organization_id == invitation.organization_id,
                Affiliation.start <= start,
                (Affiliation.end.is_(None)) | (Affiliation.end >= start))).scalars().all()
            assert held, (invitation_id, person_id)
            leaders += any(a.leader for a in held)
            assert any(d.title == held[0].role for d in delegates if d.person_id == person_id)
        assert len(head_of) >= 150 and leaders >= 10
        for event in rows:
            people = [d.person_id for d in delegates if event_of[d.invitation_id] is event] + [
                i.person_id for i in invited if i.event_id == event.id and i.person_id]
            assert len(people) == len(set(people)), event.name
        assert all(by_invitation[i].organization_id for i in named)

        # A programme every day, speakers on most sessions, the organizers known.
        for event in rows:
            days = {s.day for s in sessions if s.event_id == event.id}
            span = ((event.end or event.start) - event.start).days + 1
            assert days == {event.start + timedelta(days=n) for n in range(span)}, event.name
            assert event.organizer_id is not None
        assert len(speakers) >= len(sessions) and len(co) >= 1

        # People's birth years and the parties' leaders.
        born = session.execute(select(func.count(Person.birth_year))).scalar_one()
        assert 0.75 * 600 <= born < 600
        flagged = session.execute(select(Affiliation.organization_id, Organization.kind).join(
            Organization, Organization.id == Affiliation.organization_id).where(
            Affiliation.leader.is_(True))).all()
        assert len(flagged) >= 30 and {kind for _org, kind in flagged} == {"party"}
        assert len({org for org, _kind in flagged}) == len(flagged), "one leader a party"

        # Our party, the visits' host at home, organizes the high-level meeting.
        ours = {v.host_id if v.direction == "inbound" else v.guest_id
                for v in session.execute(select(Visit)).scalars()}
        assert ours == {editions[1].organizer_id}

    # The rest of the demo is as it was.
    assert count(db, Interaction) == 2000 and count(db, Person) == 600
    assert count(db, Organization) == 200
    assert check_database(db) == []


def test_the_high_level_meeting_invites_250_from_about_40_countries(db: Database) -> None:
    load(db)
    third = events.editions_of(db, SERIES)[-1]
    assert third.edition == 3 and third.invitations == 250
    figures = event_figures.event_figures(db, third.id)
    invited, attended = figures.invited, figures.attended
    assert invited.organizations + invited.individuals == 250
    assert invited.organizations >= 80
    assert 36 <= invited.countries <= 44
    assert sum(figures.replies.values()) == sum(figures.attendance.values()) == 250
    assert figures.attendance["attended"] == attended.organizations + attended.individuals
    assert 0 < attended.organizations <= figures.accepted.organizations + 10
    assert 0 < attended.countries <= invited.countries
    assert 0 < attended.heads_of_party <= invited.heads_of_party
    assert sum(r.invited for r in figures.by_region) == 250
    assert sum(r.attended for r in figures.by_region) == figures.attendance["attended"]
    profile = figures.profile
    assert profile.attendees >= figures.attendance["attended"]
    assert profile.gender_known == profile.attendees  # every demo person has a gender
    assert 0.2 < (profile.women_share or 0) < 0.8
    assert 0.7 * profile.attendees <= profile.age_known < profile.attendees
    assert 0 <= profile.young < profile.age_known
    assert profile.delegates >= profile.attendees - attended.individuals
    # A few partners the office first meets there (db/seed/demo_newcomers.py): none of
    # their interactions begins before the meeting, and they attended no earlier event.
    newcomers = profile.first_time_partners
    assert 1 <= len(newcomers) <= max(1, attended.organizations // 12)
    with db.reading() as session:
        ids = list(session.execute(select(Organization.id).where(
            Organization.id.in_([p.id for p in newcomers]))).scalars())
        earlier = session.execute(select(func.count()).select_from(Participation).join(
            Interaction, Interaction.id == Participation.interaction_id).where(
            Participation.organization_id.in_(ids), Interaction.start < third.start)
        ).scalar_one()
        later = session.execute(select(func.count()).select_from(Participation).where(
            Participation.organization_id.in_(ids))).scalar_one()
    assert len(ids) == len(newcomers) and earlier == 0 and later > 0

    page = invitations.list_invitations(db, third.id)
    assert page.total == 250 and len(page.items) == 250
    assert sum(1 for i in page.items if i.head_name) >= 40
    assert events.list_sessions(db, third.id)

    editions = event_figures.series_figures(db, SERIES)
    assert [f.edition for f in editions] == [2, 3]
    assert 0 < editions[0].invited.organizations < editions[1].invited.organizations
    year = event_figures.year_figures(db, third.start.year)
    assert year.events >= 3 and year.invitations >= 250
    assert year.organizations_attended >= attended.organizations
    assert year.attendees >= profile.attendees


def events_of(path: Path, seed: int) -> list[tuple[Any, ...]]:
    db = open_database(path)
    try:
        load(db, seed)
        with db.reading() as session:
            return [tuple(row) for row in session.execute(select(
                Invitation.id, Invitation.event_id, Invitation.organization_id,
                Invitation.person_id, Invitation.reply, Invitation.attendance)
                .order_by(Invitation.id))]
    finally:
        db.close()


def test_the_same_seed_gives_the_same_events(tmp_path: Path) -> None:
    first = events_of(tmp_path / "a.sqlite3", 7)
    assert first and first == events_of(tmp_path / "b.sqlite3", 7)
