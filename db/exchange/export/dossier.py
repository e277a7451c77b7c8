"""One organization's dossier as a workbook to read, print or send: its Profile (field and
value), its People (positions, current first), its Timeline (interactions, newest first) and
its Follow-ups — what the organization's page shows, read through the same services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

from db.changes.dates import founding_cell
from db.exchange.export.output import (
    PROGRESS_EVERY,
    Cancelled,
    ExportProgress,
    cancel_check,
    destination,
    pending_workbook,
)
from db.exchange.export.report import Column, ReportSheet, both_labels, exported_at, joined, label
from db.models.vocabulary import (
    FOLLOWUP_STATUSES,
    INTERACTION_KINDS,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
)
from db.services import affiliations, followups, interactions, organizations, pages, people
from db.services.affiliations import AffiliationRecord
from db.services.interactions import InteractionFilter, InteractionRecord
from db.services.organizations import OrganizationRecord
from db.services.people import PersonFilter, PersonRecord
from db.services.reference import CountryInfo
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, translate

PAGE = 500

PROFILE = [Column(QT_TRANSLATE_NOOP("Columns", "Field"), 22),
           Column(QT_TRANSLATE_NOOP("Columns", "Value"), 90, wrap=True)]
PEOPLE = [Column(QT_TRANSLATE_NOOP("Columns", "Name"), 30),
          Column(QT_TRANSLATE_NOOP("Columns", "English name"), 26),
          Column(QT_TRANSLATE_NOOP("Columns", "Chinese name"), 16),
          Column(QT_TRANSLATE_NOOP("Columns", "Role"), 28),
          Column(QT_TRANSLATE_NOOP("Columns", "From"), 12),
          Column(QT_TRANSLATE_NOOP("Columns", "Until"), 12),
          Column(QT_TRANSLATE_NOOP("Columns", "Current"), 9),
          Column(QT_TRANSLATE_NOOP("Columns", "Title"), 28),
          Column(QT_TRANSLATE_NOOP("Columns", "Nationality"), 18),
          Column(QT_TRANSLATE_NOOP("Columns", "Emails"), 30),
          Column(QT_TRANSLATE_NOOP("Columns", "Phones"), 20)]
TIMELINE = [Column(QT_TRANSLATE_NOOP("Columns", "Date"), 12),
            Column(QT_TRANSLATE_NOOP("Columns", "End"), 12),
            Column(QT_TRANSLATE_NOOP("Columns", "Kind"), 18),
            Column(QT_TRANSLATE_NOOP("Columns", "Title"), 44),
            Column(QT_TRANSLATE_NOOP("Columns", "Place"), 24),
            Column(QT_TRANSLATE_NOOP("Columns", "Other participants"), 50),
            Column(QT_TRANSLATE_NOOP("Columns", "Topics"), 28),
            Column(QT_TRANSLATE_NOOP("Columns", "Summary"), 60, wrap=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Outcomes"), 60, wrap=True)]
FOLLOWUPS = [Column(QT_TRANSLATE_NOOP("Columns", "Due"), 12),
             Column(QT_TRANSLATE_NOOP("Columns", "Commitment"), 60, wrap=True),
             Column(QT_TRANSLATE_NOOP("Columns", "Status"), 13),
             Column(QT_TRANSLATE_NOOP("Columns", "Owner"), 20),
             Column(QT_TRANSLATE_NOOP("Columns", "From interaction"), 44),
             Column(QT_TRANSLATE_NOOP("Columns", "Done on"), 12)]


def write_dossier(db: Database, path: str | os.PathLike[str], organization_id: str,
                  cancelled: Cancelled | None = None, *,
                  password: str | None = None) -> Iterator[ExportProgress]:
    """Write the dossier of one live organization to `path`, yielding progress. An unknown
    (or deleted) id raises NotFound with one sentence, before any file is made."""
    target = destination(path)
    record = organizations.get_organization(db, organization_id)
    check_cancel = cancel_check(cancelled)
    positions = _positions(db, record.id)
    countries = {c.code: c for c in pages.countries(db)}
    open_followups = followups.list_followups(db, organization_id=record.id, limit=1).total
    first_followups = followups.list_followups(db, organization_id=record.id, open_only=False,
                                               limit=PAGE)
    total = 1 + len(positions) + record.interaction_count + first_followups.total
    when = exported_at()
    name = record.name
    done = 0

    with pending_workbook(target, password) as pending:
        book = pending.book
        book.properties.title = translate("Export", "Dossier: {name}").format(name=name)
        yield ExportProgress("profile", done, total)
        profile = ReportSheet(book, "Profile", translate(
            "Export", "{name} — dossier · exported {when} from {database}").format(
            name=name, when=when, database=db.title()), PROFILE, autofilter=False)
        for field, value in _profile(record, countries, len(positions), open_followups):
            profile.append([translate("Fields", field), value])
        done += 1

        yield ExportProgress("people", done, total)
        sheet = ReportSheet(book, "People", translate("Export", "{name} — people ({count:,})")
                            .format(name=name, count=len(positions)), PEOPLE)
        yes, no = translate("Export", "yes"), translate("Export", "no")
        for position, person in positions:
            country = countries.get(person.nationality or "")
            sheet.append([person.name, person.name_en, person.name_zh, position.role,
                          position.start, position.end,
                          yes if position.is_current else no, person.title,
                          country.name_en if country else person.nationality,
                          joined(person.emails), joined(person.phones)])
            done += 1
        sheet.finish()
        check_cancel()

        yield ExportProgress("timeline", done, total)
        sheet = ReportSheet(book, "Timeline", translate(
            "Export", "{name} — timeline, newest first ({count:,} interactions)").format(
            name=name, count=record.interaction_count), TIMELINE)
        for interaction in _timeline(db, record.id):
            country = countries.get(interaction.country or "")
            place = joined((interaction.city, country.name_en if country else
                            interaction.country), ", ")
            sheet.append([interaction.start, interaction.end,
                          label(INTERACTION_KINDS, interaction.kind), interaction.title, place,
                          _others(interaction, record.id), joined(interaction.topics, ", "),
                          interaction.summary, interaction.outcomes])
            done += 1
            if done % PROGRESS_EVERY == 0:
                check_cancel()
                yield ExportProgress("timeline", done, total)
        sheet.finish()
        check_cancel()

        yield ExportProgress("followups", done, total)
        sheet = ReportSheet(book, "Follow-ups", translate(
            "Export", "{name} — follow-ups ({count:,}, {open:,} open)").format(
            name=name, count=first_followups.total, open=open_followups), FOLLOWUPS)
        today = date.today()
        page = first_followups
        while page.items:
            for item in page.items:
                sheet.append([item.due, item.description, label(FOLLOWUP_STATUSES, item.status),
                              item.owner, item.interaction_title, item.completed_on],
                             overdue_column=0 if item.is_overdue(today) else None)
                done += 1
            if page.offset + len(page.items) >= page.total:
                break
            page = followups.list_followups(db, organization_id=record.id, open_only=False,
                                            offset=page.offset + PAGE, limit=PAGE)
        sheet.finish()
        check_cancel()
        yield ExportProgress("saving", done, total)
        pending.save(check_cancel)
    yield ExportProgress("done", done, total)


def _profile(record: OrganizationRecord, countries: dict[str, CountryInfo],
             people_count: int, open_followups: int) -> list[tuple[str, object]]:
    """The profile's rows: (field label, marked for the catalog; value)."""
    country = countries.get(record.country or "")
    country_text = (f"{country.name_en}{' ' + country.name_zh if country.name_zh else ''} "
                    f"({country.code})" if country else record.country)
    return [
        (QT_TRANSLATE_NOOP("Fields", "Name"), record.name),
        (QT_TRANSLATE_NOOP("Fields", "English name"), record.name_en),
        (QT_TRANSLATE_NOOP("Fields", "Chinese name"), record.name_zh),
        (QT_TRANSLATE_NOOP("Fields", "Abbreviation"), record.abbreviation),
        (QT_TRANSLATE_NOOP("Fields", "Other names"), joined(record.aliases)),
        (QT_TRANSLATE_NOOP("Fields", "Country"), country_text),
        (QT_TRANSLATE_NOOP("Fields", "Region"), record.region),
        (QT_TRANSLATE_NOOP("Fields", "Kind"), both_labels(ORGANIZATION_KINDS, record.kind)),
        (QT_TRANSLATE_NOOP("Fields", "Political status"), both_labels(POLITICAL_STATUSES, record.status)),
        (QT_TRANSLATE_NOOP("Fields", "Relationship level"), both_labels(RELATIONSHIP_LEVELS, record.level)),
        (QT_TRANSLATE_NOOP("Fields", "Ideology"), record.ideology),
        (QT_TRANSLATE_NOOP("Fields", "Founded"), founding_cell(record.founded)),
        (QT_TRANSLATE_NOOP("Fields", "Website"), record.website),
        (QT_TRANSLATE_NOOP("Fields", "Email"), record.email),
        (QT_TRANSLATE_NOOP("Fields", "Phone"), record.phone),
        (QT_TRANSLATE_NOOP("Fields", "Tags"), joined(record.tags)),
        (QT_TRANSLATE_NOOP("Fields", "Last contact"), record.last_contact),
        (QT_TRANSLATE_NOOP("Fields", "Interactions"), record.interaction_count),
        (QT_TRANSLATE_NOOP("Fields", "People"), people_count),
        (QT_TRANSLATE_NOOP("Fields", "Open follow-ups"), open_followups),
        (QT_TRANSLATE_NOOP("Fields", "Notes"), record.notes),
        (QT_TRANSLATE_NOOP("Fields", "Liaison id"), record.id),
        (QT_TRANSLATE_NOOP("Fields", "Last changed"), record.updated_at),
    ]


def _positions(db: Database, organization_id: str
               ) -> list[tuple[AffiliationRecord, PersonRecord]]:
    """The organization's positions whose person is live, current ones first, each group
    newest first (as the People tab orders them)."""
    found: dict[str, PersonRecord] = {}
    offset = 0
    while True:
        page = people.list_people(db, PersonFilter(organization_id=organization_id),
                                  offset=offset, limit=PAGE)
        found.update((person.id, person) for person in page.items)
        offset += PAGE
        if offset >= page.total:
            break
    positions = [(position, found[position.person_id]) for position in
                 affiliations.list_affiliations(db, organization_id=organization_id)
                 if position.person_id in found]
    positions.sort(key=lambda pair: (not pair[0].is_current,
                                     -(pair[0].start.toordinal() if pair[0].start else 0)))
    return positions


def _timeline(db: Database, organization_id: str) -> Iterator[InteractionRecord]:
    filters = InteractionFilter(organization_id=organization_id)
    offset = 0
    while True:
        page = interactions.list_interactions(db, filters, offset=offset, limit=PAGE,
                                              with_total=False)
        yield from page.items
        if len(page.items) < PAGE:
            return
        offset += PAGE


def _others(record: InteractionRecord, organization_id: str) -> str | None:
    """Everyone but the organization itself, organizations first."""
    others = [p for p in record.participants if p.organization_id != organization_id]
    others.sort(key=lambda p: (p.organization_id is None, p.name.casefold()))
    return joined(p.name for p in others)
