"""Visits and follow-ups as an iCalendar file (RFC 5545) for the user's own calendar — Outlook,
Google Calendar, Apple Calendar, Thunderbird: `write_calendar`, behind File ▸ Export calendar…
and `liaison calendar OUT.ics`.

Five kinds of event, each a VEVENT:

- every programme item of every live visit: at its time on its day, in the time zone of the
  visit's country (an item without a time is an all-day event on its day);
- every visit as an all-day event over all its days, so a calendar shows it as a band;
- every multilateral event (a high-level meeting, a party forum…) as a band over its days,
  and each of its sessions at its time, like a visit's programme;
- every open follow-up with a due date, as an all-day event on that date.

Each event's UID is its record's id (`<id>@liaison`) and its SEQUENCE the record's version, so
importing a newer export again updates the events already in the calendar instead of adding
them twice. icalendar does the escaping and line folding, so text in any script survives."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from importlib import resources
from pathlib import Path

from icalendar import Calendar, Event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Country, EventSession, FollowUp, ProgrammeItem, Visit
from db.models import Event as Meeting
from db.models.vocabulary import EVENT_MECHANISMS, PROGRAMME_KINDS, VISIT_DIRECTIONS
from db.services import followups
from db.services.events import EventRecord, SessionRecord, event_records, session_records
from db.services.programme import ItemRecord, item_records
from db.services.visits import VisitRecord, visit_records
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import CHINESE, language, translate

# Without --from, the calendar starts this long before today: the recent past stays visible
# (last week's visit, an overdue follow-up), years of history do not fill the user's calendar.
DEFAULT_PAST = timedelta(days=30)
PRODID = "-//Liaison//Liaison calendar//EN"
UID_DOMAIN = "liaison"
SUMMARY_LENGTH = 200  # a follow-up's description, cut to a title's length

# A visit's status as the calendar's STATUS: a planned visit is tentative, a cancelled one is
# shown (or, on re-import, marked) as cancelled.
STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "under_way": "CONFIRMED",
          "done": "CONFIRMED", "cancelled": "CANCELLED"}

# Countries whose zone.tab lists zones with different clocks, but whose one legal or main time
# is plain: China keeps Beijing Time throughout (Xinjiang Time is local usage); in the others
# the capital's zone covers the mainland and the other zones are outlying islands or
# territories. Other countries with clocks that differ (the United States, Russia, Brazil,
# Indonesia, Australia…) have no one zone a visit's times could be given in.
MAIN_ZONES = {
    "CN": "Asia/Shanghai",
    "ES": "Europe/Madrid",
    "PT": "Europe/Lisbon",
    "EC": "America/Guayaquil",
    "CL": "America/Santiago",
    "NZ": "Pacific/Auckland",
    "UA": "Europe/Kyiv",
}


@dataclass(frozen=True)
class CalendarSummary:
    """What a calendar file holds: how many events of each kind."""

    path: Path  # the file written (empty from `build_calendar`, which writes none)
    items: int  # programme items
    visits: int  # a band over each visit's days
    followups: int  # follow-ups due
    start: date
    end: date | None
    meetings: int = 0  # multilateral events, each a band over its days
    sessions: int = 0  # their sessions

    @property
    def events(self) -> int:
        return self.items + self.visits + self.followups + self.meetings + self.sessions


# -- time zones -------------------------------------------------------------------------------

def _zone_table() -> str:
    """zone.tab, one line per country and zone, from where `zoneinfo` reads the zones: the
    system's zone folder (Linux, macOS), else the `tzdata` package (Windows)."""
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
    try:
        return (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        return ""


@functools.cache
def country_zones() -> dict[str, tuple[str, ...]]:
    """ISO 3166 country code → the zones listed for it, the main one first."""
    zones: dict[str, list[str]] = {}
    for line in _zone_table().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) >= 3:
            zones.setdefault(columns[0].strip().upper(), []).append(columns[2].strip())
    return {code: tuple(names) for code, names in zones.items()}


def _load(name: str) -> zoneinfo.ZoneInfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.cache
def zone_of(country: str | None, year: int) -> tzinfo | None:
    """The one time zone of a country, or None when it has none: no country, a country whose
    zones keep different clocks (in `year`, winter and summer), or no zone data at all."""
    if not country:
        return None
    code = country.upper()
    if code in MAIN_ZONES:
        return _load(MAIN_ZONES[code])
    loaded = [zone for zone in (_load(name) for name in country_zones().get(code, ()))
              if zone is not None]
    if not loaded:
        return None
    # Zones that agree all year (Germany's Büsingen, Malaysia's two, Argentina's twelve)
    # are one clock: the first listed stands for them.
    probes = [datetime(year, 1, 15, 12), datetime(year, 7, 15, 12)]
    offsets = {tuple(probe.replace(tzinfo=zone).utcoffset() for probe in probes)
               for zone in loaded}
    return loaded[0] if len(offsets) == 1 else None


def _clock(text: str | None) -> time | None:
    """"09:30" → 09:30; None for no time or text that is none."""
    if not text:
        return None
    hours, _, minutes = text.strip().partition(":")
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return None


# -- reading ----------------------------------------------------------------------------------

def _visits(session: Session, start: date, end: date | None) -> list[VisitRecord]:
    """The live visits with a day in [start, end]."""
    statement = select(Visit).where(Visit.deleted_at.is_(None),
                                    func.coalesce(Visit.end, Visit.start) >= start)
    if end is not None:
        statement = statement.where(Visit.start <= end)
    rows = list(session.execute(statement.order_by(Visit.start, Visit.id)).scalars())
    return visit_records(session, rows)


def _items(session: Session, start: date, end: date | None) -> list[ItemRecord]:
    """The live items of live visits on a day in [start, end]."""
    statement = select(ProgrammeItem).join(Visit, Visit.id == ProgrammeItem.visit_id).where(
        ProgrammeItem.deleted_at.is_(None), Visit.deleted_at.is_(None),
        ProgrammeItem.day >= start)
    if end is not None:
        statement = statement.where(ProgrammeItem.day <= end)
    rows = list(session.execute(statement.order_by(
        ProgrammeItem.day, ProgrammeItem.position, ProgrammeItem.id)).scalars())
    return item_records(session, rows)


def _events(session: Session, start: date, end: date | None) -> list[EventRecord]:
    """The live multilateral events with a day in [start, end]."""
    statement = select(Meeting).where(Meeting.deleted_at.is_(None),
                                    func.coalesce(Meeting.end, Meeting.start) >= start)
    if end is not None:
        statement = statement.where(Meeting.start <= end)
    return event_records(session, list(session.execute(
        statement.order_by(Meeting.start, Meeting.id)).scalars()))


def _sessions(session: Session, start: date, end: date | None) -> list[SessionRecord]:
    """The live sessions of live events on a day in [start, end]."""
    statement = select(EventSession).join(Meeting, Meeting.id == EventSession.event_id).where(
        EventSession.deleted_at.is_(None), Meeting.deleted_at.is_(None),
        EventSession.day >= start)
    if end is not None:
        statement = statement.where(EventSession.day <= end)
    return session_records(session, list(session.execute(statement.order_by(
        EventSession.day, EventSession.position, EventSession.id)).scalars()))


def _followups(session: Session, start: date, end: date | None) -> list[followups.FollowUpRecord]:
    """The open follow-ups due in [start, end]."""
    statement = followups.filtered(followups.FollowUpFilter(open_only=True)).where(
        FollowUp.due.is_not(None), FollowUp.due >= start)
    if end is not None:
        statement = statement.where(FollowUp.due <= end)
    rows = list(session.execute(statement.order_by(FollowUp.due, FollowUp.id)).scalars())
    return followups._records(session, rows)


def _country_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = {code for code in codes if code}
    if not wanted:
        return {}
    chinese = language() == CHINESE
    return {code: (zh if chinese and zh else en) for code, en, zh in session.execute(
        select(Country.code, Country.name_en, Country.name_zh).where(
            Country.code.in_(wanted)))}


# -- events -----------------------------------------------------------------------------------

def _event(uid: str, version: int, stamp: datetime, summary: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("sequence", version)
    event.add("summary", summary)
    return event


def _lines(*lines: str | None) -> str:
    return "\n".join(line for line in lines if line)


def _joined(*parts: str | None) -> str:
    return ", ".join(part.strip() for part in parts if part and part.strip())


def item_event(item: ItemRecord, visit: VisitRecord, stamp: datetime) -> Event:
    """A programme item: "Talks with the CPV — PT delegation to Viet Nam" at its time."""
    event = _event(item.id, item.version, stamp, translate(
        "Calendar", "{item} — {visit}").format(item=item.title, visit=visit.title))
    starts, ends = _clock(item.starts), _clock(item.ends)
    if starts is None:  # no time: the whole day
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
    else:
        # In the zone of the country visited, so the talks at 09:00 in Hà Nội stay at 09:00
        # Hà Nội time in a calendar set to Beijing or Brasília. Where the country has no one
        # zone (or no country is given), the time is floating: the same clock time wherever
        # the calendar is — right for the traveller, who reads it on the spot.
        zone = zone_of(visit.country, item.day.year)
        event.add("dtstart", datetime.combine(item.day, starts, tzinfo=zone))
        if ends is not None and ends >= starts:
            event.add("dtend", datetime.combine(item.day, ends, tzinfo=zone))
        # Without an end the event is a moment at its start (RFC 5545 3.6.1), not a guess.
    location = _joined(item.place, item.city)
    if location:
        event.add("location", location)
    kind = PROGRAMME_KINDS.get(item.kind)
    event.add("categories", [kind.label() if kind else item.kind])
    description = _lines(
        translate("Calendar", "Participants: {names}").format(names=", ".join(
            item.participant_names)) if item.interaction_id and item.participants else None,
        translate("Calendar", "Purpose of the visit: {purpose}").format(
            purpose=visit.purpose.strip()) if visit.purpose and visit.purpose.strip() else None)
    if description:
        event.add("description", description)
    event.add("status", STATUS.get(visit.status, "CONFIRMED"))
    return event


def visit_event(visit: VisitRecord, country: str | None, stamp: datetime) -> Event:
    """A visit: an all-day band from its first day to its last (DTEND is the day after)."""
    event = _event(visit.id, visit.version, stamp, visit.title)
    event.add("dtstart", visit.start)
    event.add("dtend", visit.last_day + timedelta(days=1))
    if country:
        event.add("location", country)
    direction = VISIT_DIRECTIONS.get(visit.direction)
    event.add("categories", [translate("Calendar", "Visit")]
              + ([direction.label()] if direction else []))
    description = _lines(
        translate("Calendar", "Hosts: {name}").format(name=visit.host_name)
        if visit.host_name else None,
        translate("Calendar", "Guests: {name}").format(name=visit.guest_name)
        if visit.guest_name else None,
        translate("Calendar", "Purpose: {purpose}").format(purpose=visit.purpose.strip())
        if visit.purpose and visit.purpose.strip() else None)
    if description:
        event.add("description", description)
    event.add("status", STATUS.get(visit.status, "CONFIRMED"))
    event.add("transp", "TRANSPARENT")  # the band does not make the user busy all week
    return event


def meeting_event(event: EventRecord, country: str | None, stamp: datetime) -> Event:
    """A multilateral event: a band over its days, like a visit."""
    entry = _event(event.id, event.version, stamp, event.name)
    entry.add("dtstart", event.start)
    entry.add("dtend", event.last_day + timedelta(days=1))
    location = translate("Calendar", "Online") if event.online and not event.city \
        else _joined(event.city, country)
    if location:
        entry.add("location", location)
    mechanism = EVENT_MECHANISMS.get(event.mechanism)
    entry.add("categories", [mechanism.label() if mechanism else event.mechanism])
    description = _lines(
        translate("Calendar", "Organizer: {name}").format(name=event.organizer_name)
        if event.organizer_name else None,
        translate("Calendar", "Theme: {theme}").format(theme=event.theme.strip())
        if event.theme and event.theme.strip() else None)
    if description:
        entry.add("description", description)
    entry.add("transp", "TRANSPARENT")
    return entry


def session_event(item: SessionRecord, event: EventRecord, stamp: datetime) -> Event:
    """A session of a multilateral event, at its time in the zone of the event's country."""
    entry = _event(item.id, item.version, stamp, translate(
        "Calendar", "{item} — {visit}").format(item=item.title, visit=event.name))
    starts, ends = _clock(item.starts), _clock(item.ends)
    if starts is None:
        entry.add("dtstart", item.day)
        entry.add("dtend", item.day + timedelta(days=1))
    else:
        zone = None if event.online else zone_of(event.country, item.day.year)
        entry.add("dtstart", datetime.combine(item.day, starts, tzinfo=zone))
        if ends is not None and ends >= starts:
            entry.add("dtend", datetime.combine(item.day, ends, tzinfo=zone))
    location = _joined(item.place, event.city)
    if location:
        entry.add("location", location)
    if item.speakers:
        entry.add("description", translate("Calendar", "Speakers: {names}").format(
            names=", ".join(name for _id, name in item.speakers)))
    return entry


def followup_event(followup: followups.FollowUpRecord, stamp: datetime) -> Event:
    """A follow-up due: an all-day event on its due date, "Due: …".

    A VEVENT rather than a VTODO with DUE: Google Calendar drops VTODOs when it imports a
    file, Outlook imports only the events of an .ics into a calendar, and Apple Calendar sends
    VTODOs to Reminders, where they lose the date view. An all-day event shows on the due date
    in all of them."""
    assert followup.due is not None
    first_line = followup.description.strip().splitlines()[0] if followup.description.strip() \
        else ""
    if len(first_line) > SUMMARY_LENGTH:
        first_line = first_line[:SUMMARY_LENGTH - 1].rstrip() + "…"
    event = _event(followup.id, followup.version, stamp, translate(
        "Calendar", "Due: {description}").format(description=first_line))
    event.add("dtstart", followup.due)
    event.add("dtend", followup.due + timedelta(days=1))
    event.add("categories", [translate("Calendar", "Follow-up")])
    description = _lines(
        followup.description.strip(),
        translate("Calendar", "Owner: {owner}").format(owner=followup.owner)
        if followup.owner else None,
        translate("Calendar", "Organization: {name}").format(name=followup.organization_name)
        if followup.organization_name else None,
        translate("Calendar", "Arising from: {title}").format(title=followup.interaction_title)
        if followup.interaction_title else None)
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(db: Database, *, start: date | None = None, end: date | None = None,
                   now: datetime | None = None) -> tuple[Calendar, CalendarSummary]:
    """The calendar of the events in [start, end] (both days included; `start` None: 30 days
    before today, `end` None: no end), and how many of each kind it holds."""
    first = start if start is not None else date.today() - DEFAULT_PAST
    if end is not None and end < first:
        raise LiaisonError(translate(
            "Calendar", "The calendar would end ({end}) before it starts ({start}).").format(
            start=first.isoformat(), end=end.isoformat()))
    stamp = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Liaison")
    with db.reading() as session:
        visits = _visits(session, first, end)
        items = _items(session, first, end)
        # An item's day is one of its visit's days, so its visit overlaps the range and is
        # read already; an item left outside its visit's dates brings its visit here.
        by_id = {visit.id: visit for visit in visits}
        missing = {item.visit_id for item in items} - set(by_id)
        if missing:
            by_id.update({visit.id: visit for visit in visit_records(session, list(
                session.execute(select(Visit).where(Visit.id.in_(missing))).scalars()))})
        meetings = _events(session, first, end)
        sessions = _sessions(session, first, end)
        by_event = {event.id: event for event in meetings}
        missing = {part.event_id for part in sessions} - set(by_event)
        if missing:
            by_event.update({event.id: event for event in event_records(session, list(
                session.execute(select(Meeting).where(Meeting.id.in_(missing))).scalars()))})
        countries = _country_names(session, [visit.country for visit in visits]
                                   + [event.country for event in meetings])
        due = _followups(session, first, end)
    for visit in visits:
        calendar.add_component(visit_event(visit, countries.get(visit.country or ""), stamp))
    for item in items:
        calendar.add_component(item_event(item, by_id[item.visit_id], stamp))
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, countries.get(meeting.country or ""),
                                             stamp))
    for part in sessions:
        calendar.add_component(session_event(part, by_event[part.event_id], stamp))
    for followup in due:
        calendar.add_component(followup_event(followup, stamp))
    # A VTIMEZONE for every zone used (RFC 5545 3.6.5): Outlook needs it to place the times.
    # Its transitions cover the years of the timed items (icalendar's default is 1970–2038:
    # a page of daylight-saving dates per zone, and nothing after 2038).
    timed = [item.day for item in items if _clock(item.starts) is not None] + [
        part.day for part in sessions if _clock(part.starts) is not None]
    if timed and hasattr(calendar, "add_missing_timezones"):  # icalendar 6.1 and later
        calendar.add_missing_timezones(first_date=date(min(timed).year - 1, 1, 1),
                                       last_date=date(max(timed).year + 2, 1, 1))
    return calendar, CalendarSummary(Path(), len(items), len(visits), len(due), first, end,
                                     len(meetings), len(sessions))


# -- the file ---------------------------------------------------------------------------------

def check_destination(path: Path) -> None:
    """One clear sentence, before any work, when the calendar cannot be written there."""
    if path.suffix.lower() != ".ics":
        raise LiaisonError(translate(
            "Calendar", "The calendar file must end in .ics (got “{name}”).").format(
            name=path.name))
    if path.is_dir():
        raise LiaisonError(translate(
            "Calendar", "{file} is a folder; give a file name ending in .ics.").format(file=path))
    folder = path.parent
    if not folder.is_dir():
        raise LiaisonError(translate(
            "Calendar", "The folder {folder} does not exist; create it or choose another.")
            .format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists()
                                                    and not os.access(path, os.W_OK)):
        raise LiaisonError(translate(
            "Calendar", "Liaison cannot write the calendar to {file} (no permission).").format(
            file=path))


def _write(target: Path, data: bytes) -> None:
    """All or nothing: a temporary file beside the target, renamed over it when complete."""
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".ics.part",
                                        dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise LiaisonError(translate(
            "Calendar", "Liaison could not write the calendar to {file} ({reason}).").format(
            file=target, reason=exc.strerror or exc)) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def write_calendar(db: Database, path: str | os.PathLike[str], *, start: date | None = None,
                   end: date | None = None, now: datetime | None = None) -> CalendarSummary:
    """Write the visits, their programmes and the follow-ups due between `start` and `end`
    (both included; `start` None: 30 days before today; `end` None: no end) to the .ics file
    `path`, replacing it whole."""
    target = Path(path).expanduser().resolve()
    check_destination(target)
    calendar, summary = build_calendar(db, start=start, end=end, now=now)
    _write(target, calendar.to_ical())
    return replace(summary, path=target)

