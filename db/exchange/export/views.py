"""Export a list — organizations, people, interactions or follow-ups, filtered as the user sees
it — as one plain, readable sheet: the list's columns under readable headers, in the list's
order. The rows come from the list services' own filters (`filtered`) and sort keys, read
in one streamed query with the related names fetched a chunk of rows at a time, so a list of a
million interactions exports without paging through it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.exchange.export.output import (
    PROGRESS_EVERY,
    Cancelled,
    ExportProgress,
    cancel_check,
    destination,
    pending_workbook,
)
from db.exchange.export.report import Column, ReportSheet, exported_at, joined, label
from db.models import (
    Country,
    FollowUp,
    Interaction,
    Organization,
    Participation,
    Person,
    Topic,
    interaction_topics,
)
from db.models.vocabulary import (
    FOLLOWUP_STATUSES,
    INTERACTION_KINDS,
    ORGANIZATION_KINDS,
    PARTICIPATION_ROLES,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
)
from db.services import followups, interactions, organizations, pages, people
from db.services.followups import FollowUpFilter
from db.services.interactions import InteractionFilter
from db.services.organizations import OrganizationFilter
from db.services.people import PersonFilter
from db.store.engine import Database
from db.store.idlists import among
from db.store.translation import QT_TRANSLATE_NOOP, translate

ViewFilter = OrganizationFilter | PersonFilter | InteractionFilter | FollowUpFilter
CHUNK = 500
ROLE_ORDER = {code: number for number, code in enumerate(PARTICIPATION_ROLES)}


@dataclass(frozen=True)
class View:
    kind: str
    # The sheet's name (as it is) and, translated, the start of its title line.
    title: str
    counted: tuple[str, str]  # the rows counted: one ("1 organization"), or {count:,}
    filter_type: type[Any]
    columns: list[Column]
    sorts: Sequence[str]  # the sort keys the list offers; the first is its default
    descending: bool  # the list's default direction


VIEWS: dict[str, View] = {
    "organizations": View(
        "organizations", QT_TRANSLATE_NOOP("Export", "Organizations"),
        (QT_TRANSLATE_NOOP("Export", "1 organization"),
         QT_TRANSLATE_NOOP("Export", "{count:,} organizations")), OrganizationFilter,
        [Column(QT_TRANSLATE_NOOP("Columns", "Name"), 36),
         Column(QT_TRANSLATE_NOOP("Columns", "English name"), 30),
         Column(QT_TRANSLATE_NOOP("Columns", "Chinese name"), 20),
         Column(QT_TRANSLATE_NOOP("Columns", "Abbreviation"), 13),
         Column(QT_TRANSLATE_NOOP("Columns", "Country"), 20),
         Column(QT_TRANSLATE_NOOP("Columns", "Region"), 12),
         Column(QT_TRANSLATE_NOOP("Columns", "Kind"), 20),
         Column(QT_TRANSLATE_NOOP("Columns", "Status"), 16),
         Column(QT_TRANSLATE_NOOP("Columns", "Level"), 16),
         Column(QT_TRANSLATE_NOOP("Columns", "Last contact"), 13),
         Column(QT_TRANSLATE_NOOP("Columns", "Interactions"), 12)],
        tuple(organizations.SORT_COLUMNS), False),
    "people": View(
        "people", QT_TRANSLATE_NOOP("Export", "People"),
        (QT_TRANSLATE_NOOP("Export", "1 person"),
         QT_TRANSLATE_NOOP("Export", "{count:,} people")), PersonFilter,
        [Column(QT_TRANSLATE_NOOP("Columns", "Name"), 30),
         Column(QT_TRANSLATE_NOOP("Columns", "English name"), 26),
         Column(QT_TRANSLATE_NOOP("Columns", "Chinese name"), 16),
         Column(QT_TRANSLATE_NOOP("Columns", "Title"), 30),
         Column(QT_TRANSLATE_NOOP("Columns", "Current organizations"), 50),
         Column(QT_TRANSLATE_NOOP("Columns", "Nationality"), 18),
         Column(QT_TRANSLATE_NOOP("Columns", "Last contact"), 13),
         Column(QT_TRANSLATE_NOOP("Columns", "Interactions"), 12)],
        tuple(people.SORT_COLUMNS), False),
    "interactions": View(
        "interactions", QT_TRANSLATE_NOOP("Export", "Interactions"),
        (QT_TRANSLATE_NOOP("Export", "1 interaction"),
         QT_TRANSLATE_NOOP("Export", "{count:,} interactions")), InteractionFilter,
        [Column(QT_TRANSLATE_NOOP("Columns", "Kind"), 18),
         Column(QT_TRANSLATE_NOOP("Columns", "Date"), 12),
         Column(QT_TRANSLATE_NOOP("Columns", "End"), 12),
         Column(QT_TRANSLATE_NOOP("Columns", "Title"), 44),
         Column(QT_TRANSLATE_NOOP("Columns", "Participants"), 50),
         Column(QT_TRANSLATE_NOOP("Columns", "City"), 16),
         Column(QT_TRANSLATE_NOOP("Columns", "Country"), 18),
         Column(QT_TRANSLATE_NOOP("Columns", "Topics"), 28),
         Column(QT_TRANSLATE_NOOP("Columns", "Summary"), 60)],
        ("start",), True),
    "followups": View(
        "followups", QT_TRANSLATE_NOOP("Export", "Follow-ups"),
        (QT_TRANSLATE_NOOP("Export", "1 follow-up"),
         QT_TRANSLATE_NOOP("Export", "{count:,} follow-ups")), FollowUpFilter,
        [Column(QT_TRANSLATE_NOOP("Columns", "Due"), 12),
         Column(QT_TRANSLATE_NOOP("Columns", "Commitment"), 60),
         Column(QT_TRANSLATE_NOOP("Columns", "Owner"), 20),
         Column(QT_TRANSLATE_NOOP("Columns", "Organization"), 36),
         Column(QT_TRANSLATE_NOOP("Columns", "From interaction"), 40),
         Column(QT_TRANSLATE_NOOP("Columns", "Status"), 13),
         Column(QT_TRANSLATE_NOOP("Columns", "Done on"), 12)],
        ("due",), False),
}
KINDS = tuple(VIEWS)


def write_view(db: Database, path: str | os.PathLike[str], kind: str,
               filters: ViewFilter | None = None, sort: str | None = None,
               cancelled: Cancelled | None = None, *,
               descending: bool | None = None,
               password: str | None = None) -> Iterator[ExportProgress]:
    """Export the `kind` list, narrowed by `filters` (the list screen's own filter object;
    None: every live record) and in its order (`sort`, `descending`: the list's sort key and
    direction; None: its default), to a one-sheet workbook at `path`, yielding progress."""
    view = VIEWS.get(kind)
    if view is None:
        raise ValueError(f"there is no {kind!r} list; choose one of {', '.join(KINDS)}")
    filters = filters if filters is not None else view.filter_type()
    if not isinstance(filters, view.filter_type):
        raise TypeError(f"the {kind} list takes a {view.filter_type.__name__}, "
                        f"not a {type(filters).__name__}")
    sort = sort or view.sorts[0]
    if sort not in view.sorts:
        raise ValueError(f"cannot sort {kind} by {sort!r}")
    descending = view.descending if descending is None else descending
    target = destination(path)
    check_cancel = cancel_check(cancelled)

    with pending_workbook(target, password) as pending, db.reading(scanning=True) as session:
        statement = _FILTERED[kind](filters)
        total = int(session.execute(select(func.count()).select_from(
            statement.with_only_columns(_KEYS[kind]).subquery())).scalar_one())
        what = describe(kind, filters, session)
        shown = translate("Export", view.title)
        counted = translate("Export", view.counted[0 if total == 1 else 1]).format(count=total)
        line = (translate("Export", "{title} — {filters} · {count} · exported {when} from "
                                    "{database}") if what
                else translate("Export", "{title} · {count} · exported {when} from {database}"))
        title = line.format(title=shown, filters=what, count=counted, when=exported_at(),
                            database=db.title())
        pending.book.properties.title = f"{shown} (Liaison)"
        sheet = ReportSheet(pending.book, view.title, title, view.columns)
        done = 0
        yield ExportProgress(view.kind, done, total)
        for values, overdue in _READERS[kind](db, session, filters, statement, sort,
                                                 descending):
            sheet.append(values, overdue_column=0 if overdue else None)
            done += 1
            if done % PROGRESS_EVERY == 0:
                check_cancel()
                yield ExportProgress(view.kind, done, total)
        sheet.finish()
        check_cancel()
        yield ExportProgress("saving", done, total)
        pending.save(check_cancel)
    yield ExportProgress("done", done, total)


# -- reading the lists --------------------------------------------------------------------------
# Each reader takes the list's filtered statement, orders it as the list does and yields each
# row's cells and whether the row is overdue (its first cell is then shown in red).

Rows = Iterator[tuple[list[Any], bool]]


def _chunks(session: Session, statement: Any) -> Iterator[Sequence[Any]]:
    """The rows of a statement a chunk at a time, streamed (a server-side cursor on
    PostgreSQL), so neither the database nor Python holds the whole list at once. Plain
    columns: run as Core, without the ORM's row loading."""
    yield from session.connection().execute(
        statement.execution_options(yield_per=CHUNK)).partitions()


def _country_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(Country.code, Country.name_en))}


def _organizations(db: Database, session: Session, filters: Any, statement: Select[Any],
                   sort: str, descending: bool) -> Rows:
    o = Organization
    column = organizations.SORT_COLUMNS[sort]
    order = column.desc() if descending else column.asc()
    ordered = statement.with_only_columns(
        o.name, o.name_en, o.name_zh, o.abbreviation, Country.name_en, o.country_code,
        Country.region, o.kind, o.status, o.level, o.last_contact, o.interaction_count,
    ).order_by(order.nulls_last(), o.id)
    for chunk in _chunks(session, ordered):
        for r in chunk:
            yield [r[0], r[1], r[2], r[3], r[4] or r[5], r[6],
                   label(ORGANIZATION_KINDS, r[7]), label(POLITICAL_STATUSES, r[8]),
                   label(RELATIONSHIP_LEVELS, r[9]), r[10], r[11] or 0], False


def position_text(role: str | None, organization: str, title: str | None) -> str:
    """“Chair, Unity Party”; just “Unity Party” when the role is already the person's title
    (as the people list shows it)."""
    return f"{role}, {organization}" if role and role != title else organization


def _people(db: Database, session: Session, filters: Any, statement: Select[Any], sort: str,
            descending: bool) -> Rows:
    p = Person
    countries = _country_names(session)
    column = people.SORT_COLUMNS[sort]
    order = column.desc() if descending else column.asc()
    ordered = statement.with_only_columns(
        p.id, p.name, p.name_en, p.name_zh, p.title, p.nationality, p.last_contact,
        p.interaction_count).order_by(order.nulls_last(), p.id)
    for chunk in _chunks(session, ordered):
        positions = pages.current_positions(db, [r[0] for r in chunk])
        for r in chunk:
            held = joined(position_text(position.role, position.name, r[4])
                          for position in positions.get(r[0], ()))
            yield [r[1], r[2], r[3], r[4], held, countries.get(r[5] or "", r[5]), r[6],
                   r[7] or 0], False


def _participants(session: Session, ids: list[str]) -> dict[str, str]:
    """Each interaction's participants, organizations first, hosts and heads of delegation
    before the others (as the list orders them), by their names in the original script."""
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    part = Participation
    for owner, org_name, person_name, role in session.execute(
            select(part.interaction_id, Organization.name, Person.name, part.role)
            .outerjoin(Organization, Organization.id == part.organization_id)
            .outerjoin(Person, Person.id == part.person_id)
            .where(among(part.interaction_id, ids), part.deleted_at.is_(None))):
        name = org_name or person_name
        if name:
            found.setdefault(owner, []).append((0 if org_name else 1,
                                                ROLE_ORDER.get(role, len(ROLE_ORDER)),
                                                name.casefold(), name))
    return {owner: "; ".join(entry[3] for entry in sorted(entries))
            for owner, entries in found.items()}


def _topics(session: Session, ids: list[str]) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for owner, name in session.execute(
            select(interaction_topics.c.interaction_id, Topic.name_en)
            .join(Topic, Topic.id == interaction_topics.c.topic_id)
            .where(among(interaction_topics.c.interaction_id, ids), Topic.deleted_at.is_(None))
            .order_by(Topic.name_en)):
        found.setdefault(owner, []).append(name)
    return {owner: ", ".join(names) for owner, names in found.items()}


def _interactions(db: Database, session: Session, filters: Any, statement: Select[Any],
                  sort: str, descending: bool) -> Rows:
    i = Interaction
    countries = _country_names(session)
    ordered = statement.with_only_columns(
        i.id, i.kind, i.start, i.end, i.title, i.city, i.country_code, i.summary,
    ).order_by(*interactions.order_for(filters, descending))
    for chunk in _chunks(session, ordered):
        ids = [r[0] for r in chunk]
        participants = _participants(session, ids)
        topics = _topics(session, ids)
        for r in chunk:
            yield [label(INTERACTION_KINDS, r[1]), r[2], r[3], r[4], participants.get(r[0]),
                   r[5], countries.get(r[6] or "", r[6]), topics.get(r[0]), r[7]], False


def _followups(db: Database, session: Session, filters: Any, statement: Select[Any],
               sort: str, descending: bool) -> Rows:
    f = FollowUp
    today = date.today()
    order = (f.due.desc().nulls_last(), f.id.desc()) if descending else followups.ORDER
    ordered = (statement.with_only_columns(
        f.due, f.description, f.owner, Organization.name, Interaction.title, f.status,
        f.completed_on)
        .outerjoin(Organization, Organization.id == f.organization_id)
        .outerjoin(Interaction, Interaction.id == f.interaction_id)
        .order_by(*order))
    for chunk in _chunks(session, ordered):
        for r in chunk:
            overdue = r[5] in followups.OPEN_STATUSES and r[0] is not None and r[0] < today
            yield [r[0], r[1], r[2], r[3], r[4], label(FOLLOWUP_STATUSES, r[5]), r[6]], overdue


_FILTERED: dict[str, Callable[[Any], Any]] = {
    "organizations": organizations.filtered,
    "people": people.filtered,
    "interactions": interactions.filtered,
    "followups": followups.filtered,
}
_KEYS: dict[str, Any] = {
    "organizations": Organization.id, "people": Person.id, "interactions": Interaction.id,
    "followups": FollowUp.id,
}
_READERS: dict[str, Callable[..., Rows]] = {
    "organizations": _organizations, "people": _people, "interactions": _interactions,
    "followups": _followups,
}


# -- saying what the list is --------------------------------------------------------------------

def _terms(vocabulary: dict[str, Any], codes: Sequence[str]) -> str:
    return ", ".join(label(vocabulary, code) or code for code in codes)


def _said(text: str, **values: Any) -> str:
    """One part of the filters in words, in the current language."""
    return translate("Export", text).format(**values)


def _name_of(session: Session, model: Any, record_id: str) -> str:
    name = session.execute(select(model.title if model is Interaction else model.name)
                           .where(model.id == record_id)).scalar_one_or_none()
    return f"“{name}”" if name else record_id


def describe(kind: str, filters: ViewFilter, session: Session) -> str:
    """The filters in words, for the sheet's title line ("" when the list is whole)."""
    parts: list[str] = []
    query = getattr(filters, "query", None)
    if query:
        parts.append(_said(QT_TRANSLATE_NOOP("Export", "matching “{query}”"), query=query))
    if isinstance(filters, OrganizationFilter):
        if filters.regions:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "region {regions}"),
                               regions=", ".join(filters.regions)))
        if filters.countries:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "country {countries}"),
                               countries=", ".join(filters.countries)))
        if filters.kinds:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "kind {kinds}"),
                               kinds=_terms(ORGANIZATION_KINDS, filters.kinds)))
        if filters.statuses:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "status {statuses}"),
                               statuses=_terms(POLITICAL_STATUSES, filters.statuses)))
        if filters.levels:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "level {levels}"),
                               levels=_terms(RELATIONSHIP_LEVELS, filters.levels)))
        if filters.no_contact_months is not None:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "no contact for {months} months"),
                               months=filters.no_contact_months))
    elif isinstance(filters, PersonFilter):
        if filters.organization_id:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "in {organization}"),
                               organization=_name_of(session, Organization,
                                                     filters.organization_id)))
        if filters.nationality:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "nationality {country}"),
                               country=filters.nationality))
    elif isinstance(filters, InteractionFilter):
        if filters.kinds:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "kind {kinds}"),
                               kinds=_terms(INTERACTION_KINDS, filters.kinds)))
        if filters.organization_id:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "with {name}"),
                               name=_name_of(session, Organization, filters.organization_id)))
        if filters.person_id:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "with {name}"),
                               name=_name_of(session, Person, filters.person_id)))
        if filters.country:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "in {country}"),
                               country=filters.country))
        if filters.topic:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "topic {topic}"), topic=filters.topic))
        if filters.start_from:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "from {date}"),
                               date=filters.start_from.isoformat()))
        if filters.start_to:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "until {date}"),
                               date=filters.start_to.isoformat()))
    elif isinstance(filters, FollowUpFilter):
        if filters.overdue_only:
            parts.append(translate("Export", "overdue"))
        elif filters.open_only:
            parts.append(translate("Export", "open"))
        if filters.owner:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "owned by {owner}"),
                               owner=filters.owner))
        if filters.organization_id:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "for {organization}"),
                               organization=_name_of(session, Organization,
                                                     filters.organization_id)))
        if filters.interaction_id:
            parts.append(_said(QT_TRANSLATE_NOOP("Export", "from {interaction}"),
                               interaction=_name_of(session, Interaction,
                                                    filters.interaction_id)))
    tag = getattr(filters, "tag", None)
    if tag:
        parts.append(_said(QT_TRANSLATE_NOOP("Export", "tagged “{tag}”"), tag=tag))
    if getattr(filters, "include_deleted", False):
        parts.append(translate("Export", "deleted ones included"))
    return ", ".join(parts)
