"""`liaison calendar OUT.ics [--from DATE] [--to DATE]`: the visits, their programmes and the
follow-ups due, as an iCalendar file for the user's own calendar (db/exchange/calendar.py)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from db.store.translation import translate


def add_commands(sub: Any) -> None:
    calendar = sub.add_parser("calendar", help=translate(
        "Calendar", "write the visits, their programmes and the follow-ups due to an "
                    "iCalendar (.ics) file for your own calendar"))
    calendar.add_argument("out", help=translate("Calendar", "the .ics file to write"))
    calendar.add_argument("--from", dest="start", metavar="DATE", help=translate(
        "Calendar", "the first day (default: 30 days ago)"))
    calendar.add_argument("--to", dest="end", metavar="DATE", help=translate(
        "Calendar", "the last day, included (default: no end)"))


def _day(text: str | None, label: str) -> date | None:
    from db.changes.dates import parse_date

    return parse_date(text, label=label) if text is not None else None


def cmd_calendar(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.changes.fields import FieldInvalid
    from db.exchange.calendar import DEFAULT_PAST, check_destination, write_calendar
    from db.store.translation import QT_TRANSLATE_NOOP

    try:  # the dates are part of the command line: a wrong one is a usage error
        start = _day(args.start, QT_TRANSLATE_NOOP("Validation", "The start date"))
        end = _day(args.end, QT_TRANSLATE_NOOP("Validation", "The end date"))
    except FieldInvalid as exc:
        print(exc.message, file=err)
        return 2
    first = start if start is not None else date.today() - DEFAULT_PAST
    if end is not None and end < first:
        text = (translate("Calendar", "--to ({end}) is before --from ({start}); give the first "
                                      "day first.") if start is not None else
                translate("Calendar", "--to ({end}) is before {start}, where the calendar "
                                      "starts without --from (30 days ago); give --from too."))
        print(text.format(start=first.isoformat(), end=end.isoformat()), file=err)
        return 2
    target = Path(args.out).expanduser().resolve()
    check_destination(target)  # before opening the database: a wrong path fails at once
    db = open_db(args)
    summary = write_calendar(db, target, start=start, end=end)
    text = (translate("Calendar", "Wrote 1 event to {file} (programme items: {items}, visits: "
                                  "{visits}, multilateral events: {meetings}, sessions: "
                                  "{sessions}, follow-ups due: {followups}).")
            if summary.events == 1 else
            translate("Calendar", "Wrote {events:,} events to {file} (programme items: "
                                  "{items:,}, visits: {visits:,}, multilateral events: "
                                  "{meetings:,}, sessions: {sessions:,}, follow-ups due: "
                                  "{followups:,})."))
    print(text.format(events=summary.events, file=summary.path, items=summary.items,
                      visits=summary.visits, meetings=summary.meetings,
                      sessions=summary.sessions, followups=summary.followups), file=out)
    return 0
