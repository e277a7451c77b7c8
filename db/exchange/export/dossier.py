"""One organization's dossier as a workbook to read, print or send: its Profile (field and
value), its People (positions, current first), its Timeline (interactions, newest first) and
its Follow-ups — what the organization's page shows, read through the same services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

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

PAGE = 500

PROFILE = [Column("Field", 22), Column("Value", 90, wrap=True)]
PEOPLE = [Column("Name", 30), Column("English name", 26), Column("Chinese name", 16),
          Column("Role", 28), Column("From", 12), Column("Until", 12), Column("Current", 9),
          Column("Title", 28), Column("Nationality", 18), Column("Emails", 30),
          Column("Phones", 20)]
TIMELINE = [Column("Date", 12), Column("End", 12), Column("Kind", 18), Column("Title", 44),
            Column("Place", 24), Column("Other participants", 50), Column("Topics", 28),
            Column("Summary", 60, wrap=True), Column("Outcomes", 60, wrap=True)]
FOLLOWUPS = [Column("Due", 12), Column("Commitment", 60, wrap=True), Column("Status", 13),
             Column("Owner", 20), Column("From interaction", 44), Column("Done on", 12)]


def write_dossier(db: Database, path: str | os.PathLike[str], organization_id: str,
                  cancelled: Cancelled | None = None) -> Iterator[ExportProgress]:
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

    with pending_workbook(target) as pending:
        book = pending.book
        book.properties.title = f"Dossier: {name}"
        yield ExportProgress("profile", done, total)
        profile = ReportSheet(book, "Profile", f"{name} — dossier · exported {when} from "
                                               f"{db.describe()}", PROFILE, autofilter=False)
        for field, value in _profile(record, countries, len(positions), open_followups):
            profile.append([field, value])
        done += 1

        yield ExportProgress("people", done, total)
        sheet = ReportSheet(book, "People", f"{name} — people ({len(positions):,})", PEOPLE)
        for position, person in positions:
            country = countries.get(person.nationality or "")
            sheet.append([person.name, person.name_en, person.name_zh, position.role,
                          position.start, position.end,
                          "yes" if position.is_current else "no", person.title,
                          country.name_en if country else person.nationality,
                          joined(person.emails), joined(person.phones)])
            done += 1
        sheet.finish()
        check_cancel()

        yield ExportProgress("timeline", done, total)
        sheet = ReportSheet(book, "Timeline", f"{name} — timeline, newest first "
                                              f"({record.interaction_count:,} interactions)",
                            TIMELINE)
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
        sheet = ReportSheet(book, "Follow-ups", f"{name} — follow-ups "
                                                f"({first_followups.total:,}, {open_followups:,} "
                                                "open)", FOLLOWUPS)
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
    country = countries.get(record.country or "")
    country_text = (f"{country.name_en}{' ' + country.name_zh if country.name_zh else ''} "
                    f"({country.code})" if country else record.country)
    return [
        ("Name", record.name),
        ("English name", record.name_en),
        ("Chinese name", record.name_zh),
        ("Abbreviation", record.abbreviation),
        ("Other names", joined(record.aliases)),
        ("Country", country_text),
        ("Region", record.region),
        ("Kind", both_labels(ORGANIZATION_KINDS, record.kind)),
        ("Political status", both_labels(POLITICAL_STATUSES, record.status)),
        ("Relationship level", both_labels(RELATIONSHIP_LEVELS, record.level)),
        ("Ideology", record.ideology),
        ("Founded", record.founded),
        ("Website", record.website),
        ("Email", record.email),
        ("Phone", record.phone),
        ("Tags", joined(record.tags)),
        ("Last contact", record.last_contact),
        ("Interactions", record.interaction_count),
        ("People", people_count),
        ("Open follow-ups", open_followups),
        ("Notes", record.notes),
        ("Liaison id", record.id),
        ("Last changed", record.updated_at),
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
