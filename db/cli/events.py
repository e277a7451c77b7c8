"""The events in `liaison stats`: in `--json` an `events` object — every event's figures
(db/services/event_figures.py, `EventFigures.as_dict`), each series' editions in order and each
year's figures (`YearFigures.as_dict`); with `--events`, the same as tables to read: a year's
line and its events, then each series edition by edition."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from db.models.vocabulary import EVENT_MECHANISMS
from db.services import event_figures, events
from db.services.event_figures import EventFigures, YearFigures
from db.store.engine import Database
from db.store.translation import translate

NAME_WIDTH = 44


def all_figures(db: Database) -> list[EventFigures]:
    """Every live event's figures, the earliest first."""
    ids: list[str] = []
    offset = 0
    while True:
        page = events.list_events(db, offset=offset, limit=200)
        ids.extend(record.id for record in page.items)
        offset += len(page.items)
        if not page.items or offset >= page.total:
            break
    figures = [event_figures.event_figures(db, event_id) for event_id in ids]
    return sorted(figures, key=lambda f: (f.start, f.name, f.event_id))


def by_series(figures: Sequence[EventFigures]) -> dict[str, list[EventFigures]]:
    """Each series' editions in order, as event_figures.series_figures orders them: by
    edition (an edition without a number last), then date."""
    series: dict[str, list[EventFigures]] = {}
    for figure in sorted(figures, key=lambda f: (f.edition is None, f.edition or 0, f.start,
                                                 f.event_id)):
        if figure.series:
            series.setdefault(figure.series, []).append(figure)
    return dict(sorted(series.items(), key=lambda item: item[0].casefold()))


def year_list(db: Database) -> list[YearFigures]:
    return [event_figures.year_figures(db, year) for year in event_figures.event_years(db)]


def events_json(db: Database) -> dict[str, Any]:
    figures = all_figures(db)
    return {
        "events": [f.as_dict() for f in figures],
        "series": {name: [f.as_dict() for f in editions]
                   for name, editions in by_series(figures).items()},
        "years": [year.as_dict() for year in year_list(db)],
    }


# -- tables to read -------------------------------------------------------------------------------

def _width(text: str) -> int:
    """Columns a terminal gives the text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    kept = ""
    for ch in text:
        if _width(kept + ch) > width - 1:
            break
        kept += ch
    return kept + "…"


def _row(cells: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> str:
    parts = []
    for cell, width, to_right in zip(cells, widths, right, strict=True):
        room = " " * max(0, width - _width(cell))
        parts.append(room + cell if to_right else cell + room)
    return "  " + "  ".join(parts).rstrip()


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[bool],
           out: TextIO) -> None:
    widths = [max(_width(cell) for cell in column) for column in zip(header, *rows,
                                                                     strict=True)]
    print(_row(header, widths, right), file=out)
    for row in rows:
        print(_row(row, widths, right), file=out)


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _figure_cells(f: EventFigures) -> list[str]:
    def invited(stage: event_figures.Stage) -> str:
        return f"{stage.organizations + stage.individuals:,}"

    return [invited(f.invited), invited(f.accepted), invited(f.attended),
            f"{f.attended.countries:,}", f"{f.attended.heads_of_party:,}",
            _share(f.profile.women_share), _share(f.profile.young_share),
            f"{len(f.profile.first_time_partners):,}"]


def _figure_header() -> list[str]:
    return [translate("CommandLine", "Invited"), translate("CommandLine", "Accepted"),
            translate("CommandLine", "Attended"), translate("CommandLine", "Countries"),
            translate("CommandLine", "Heads of party"), translate("CommandLine", "Women"),
            translate("CommandLine", "Young"), translate("CommandLine", "First-time partners")]


def print_events(db: Database, out: TextIO) -> None:
    """`liaison stats --events`: each year's events and figures, then each series."""
    figures = all_figures(db)
    if not figures:
        print(translate("CommandLine", "No events are recorded."), file=out)
        return
    right = [False, False, *[True] * 8]
    for year in year_list(db):
        mechanisms = ", ".join(
            translate("CommandLine", "{mechanism} {count}").format(
                mechanism=EVENT_MECHANISMS[code].label() if code in EVENT_MECHANISMS else code,
                count=count) for code, count in year.by_mechanism.items())
        print(translate("CommandLine", "{year}: {events} event(s) ({mechanisms}); {invitations:,} "
                                       "invitation(s); attended by {organizations:,} "
                                       "organization(s) from {countries:,} countries and "
                                       "{attendees:,} people").format(
            year=year.year, events=year.events, mechanisms=mechanisms,
            invitations=year.invitations, organizations=year.organizations_attended,
            countries=year.countries_attended, attendees=year.attendees), file=out)
        rows = [[f.start.isoformat(), _cut(f.name, NAME_WIDTH), *_figure_cells(f)]
                for f in figures if f.start.year == year.year]
        _table([translate("CommandLine", "Date"), translate("CommandLine", "Event"),
                *_figure_header()], rows, right, out)
        print(file=out)
    for name, editions in by_series(figures).items():
        print(translate("CommandLine", "Series: {series}").format(series=name), file=out)
        rows = [["" if f.edition is None else str(f.edition), f.start.isoformat(),
                 *_figure_cells(f)] for f in editions]
        _table([translate("CommandLine", "Edition"), translate("CommandLine", "Date"),
                *_figure_header()], rows, [True, False, *[True] * 8], out)
        print(file=out)
    print(translate("CommandLine", "Women and young people are shares of the attendees whose "
                                   "gender or birth year is recorded; young means under {age} "
                                   "(Settings).").format(age=event_figures.youth_age(db)),
          file=out)
