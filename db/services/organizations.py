"""Organizations: create, update, soft-delete, restore, get and list with filters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import RowMapping, Select, case, func, or_, select
from sqlalchemy.orm import Session

from db.changes import recording, registry
from db.changes.recording import Actor, Page
from db.models import Country, Organization, Tag, organization_tags
from db.models.folding import fold, name_matches
from db.models.vocabulary import POLITICAL_STATUSES, RELATIONSHIP_LEVELS
from db.services import tags
from db.services.levels import level_on, record_level_set
from db.store.engine import Database

SCHEMA = registry.ORGANIZATION.schema

FEW_ENOUGH_TO_SORT = 2000
def ranked(column: Any, terms: Mapping[str, Any]) -> Any:
    """A vocabulary column in its terms' order (no contact … strategic partner), not the
    alphabet's; a value outside the vocabulary after them."""
    return case({code: number for number, code in enumerate(terms)}, value=column,
                else_=len(terms))


SORT_COLUMNS: Mapping[str, Any] = {
    "name": Organization.sort_original,
    "abbreviation": func.lower(Organization.abbreviation),
    "country": Country.sort_en,
    "region": Country.region,
    "kind": Organization.kind,
    "status": ranked(Organization.status, POLITICAL_STATUSES),
    "level": ranked(Organization.level, RELATIONSHIP_LEVELS),
    "founded": Organization.founded,
    "last_contact": Organization.last_contact,
    "interaction_count": Organization.interaction_count,
    "updated_at": Organization.updated_at,
}


@dataclass(frozen=True)
class OrganizationRecord:
    id: str
    name: str
    name_en: str | None
    name_zh: str | None
    aliases: tuple[str, ...]
    abbreviation: str | None
    kind: str
    country: str | None
    country_name: str | None
    region: str | None
    status: str | None
    ideology: str | None
    founded: str | None  # "1912", "1912-01" or "1912-01-08"
    website: str | None
    email: str | None
    phone: str | None
    level: str | None
    notes: str | None
    tags: tuple[str, ...]
    last_contact: date | None
    interaction_count: int
    created_at: datetime
    updated_at: datetime
    version: int
    deleted_at: datetime | None
    country_name_zh: str | None = None
    region_zh: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.name_en, self.name_zh, self.abbreviation,
                                 *self.aliases) if n)

    def place(self, chinese: bool) -> tuple[str | None, str | None]:
        """(country name, region) in Chinese or English."""
        if chinese:
            return (self.country_name_zh or self.country_name, self.region_zh or self.region)
        return self.country_name, self.region


@dataclass(frozen=True)
class OrganizationFilter:
    query: str | None = None
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    level_on: date | None = None  # the levels as they stood on this day (default: today's)
    tag: str | None = None
    no_contact_months: int | None = None
    include_deleted: bool = False


def _record(session: Session, org: Organization, country_row: Country | None = None,
            tag_names: tuple[str, ...] | None = None) -> OrganizationRecord:
    if country_row is None and org.country_code:
        country_row = session.execute(
            select(Country).where(Country.code == org.country_code)
        ).scalar_one_or_none()
    return OrganizationRecord(
        id=org.id, name=org.name, name_en=org.name_en, name_zh=org.name_zh,
        aliases=tuple(org.aliases or ()), abbreviation=org.abbreviation, kind=org.kind,
        country=org.country_code,
        country_name=country_row.name_en if country_row else None,
        region=country_row.region if country_row else None,
        country_name_zh=country_row.name_zh if country_row else None,
        region_zh=country_row.region_zh if country_row else None,
        status=org.status, ideology=org.ideology, founded=org.founded, website=org.website,
        email=org.email, phone=org.phone, level=org.level, notes=org.notes,
        tags=tag_names if tag_names is not None else tags.tag_names(session, "organization", org.id),
        last_contact=org.last_contact, interaction_count=org.interaction_count or 0,
        created_at=org.created_at, updated_at=org.updated_at, version=org.version,
        deleted_at=org.deleted_at,
    )


def create_organization(db: Database, data: Mapping[str, Any], actor: Actor | None = None,
                        *, record_id: str | None = None) -> OrganizationRecord:
    actor = actor or Actor()
    values, tag_list = tags.split_tags(data)
    with db.transaction() as session:
        org = recording.create(session, SCHEMA, values, actor, record_id=record_id)
        tags.save_tags(session, SCHEMA, "organization", org, tag_list, actor, log=False)
        record_level_set(session, org.id, org.level, actor)
        return _record(session, org)


def update_organization(db: Database, organization_id: str, changes: Mapping[str, Any], *,
                        expected_version: int | None, actor: Actor | None = None
                        ) -> OrganizationRecord:
    actor = actor or Actor()
    values, tag_list = tags.split_tags(changes)
    with db.transaction() as session:
        org, diff = recording.update(session, SCHEMA, organization_id, values, actor,
                                     expected_version=expected_version)
        tags.save_tags(session, SCHEMA, "organization", org, tag_list, actor)
        if any(name == "level" for name, _, _ in diff):
            record_level_set(session, org.id, org.level, actor)
        return _record(session, org)


def delete_organization(db: Database, organization_id: str, *,
                        expected_version: int | None = None, actor: Actor | None = None) -> None:
    with db.transaction() as session:
        recording.soft_delete(session, SCHEMA, organization_id, actor or Actor(),
                              expected_version=expected_version)


def restore_organization(db: Database, organization_id: str,
                         actor: Actor | None = None) -> OrganizationRecord:
    with db.transaction() as session:
        return _record(session, recording.restore(session, SCHEMA, organization_id,
                                                  actor or Actor()))


def get_organization(db: Database, organization_id: str, *,
                     include_deleted: bool = False) -> OrganizationRecord:
    with db.reading() as session:
        org = recording.load(session, SCHEMA, organization_id, include_deleted=include_deleted)
        return _record(session, org)


def filtered(filters: OrganizationFilter) -> Select[Organization, Country]:
    statement: Select[Organization, Country] = select(Organization, Country).outerjoin(
        Country, Country.code == Organization.country_code
    )
    if not filters.include_deleted:
        statement = statement.where(Organization.deleted_at.is_(None))
    if filters.query and fold(filters.query):
        statement = statement.where(name_matches(Organization.search_text, filters.query))
    if filters.countries:
        statement = statement.where(Organization.country_code.in_(filters.countries))
    if filters.regions:
        statement = statement.where(Country.region.in_(filters.regions))
    if filters.kinds:
        statement = statement.where(Organization.kind.in_(filters.kinds))
    if filters.statuses:
        statement = statement.where(Organization.status.in_(filters.statuses))
    if filters.levels and filters.level_on is not None:
        statement = statement.where(Organization.id.in_(level_on(filters.levels,
                                                                 filters.level_on)))
    elif filters.levels:
        statement = statement.where(Organization.level.in_(filters.levels))
    if filters.tag:
        statement = statement.where(Organization.id.in_(
            select(organization_tags.c.organization_id)
            .join(Tag, Tag.id == organization_tags.c.tag_id)
            .where(func.lower(Tag.name) == filters.tag.lower())
        ))
    if filters.no_contact_months is not None:
        cutoff = months_ago(date.today(), filters.no_contact_months)
        statement = statement.where(
            or_(Organization.last_contact.is_(None), Organization.last_contact < cutoff)
        )
    return statement


def months_ago(today: date, months: int) -> date:
    month_index = today.year * 12 + today.month - 1 - months
    year_, month = divmod(month_index, 12)
    month += 1
    day = today.day
    while True:
        try:
            return date(year_, month, day)
        except ValueError:
            day -= 1
            if day < 28:
                return date(year_, month, 1) - timedelta(days=1)


# By name and by country, lists follow the script names are shown in (desktop/naming.py).
NAME_SORTS: Mapping[str, Any] = {"original": Organization.sort_original,
                                 "en": Organization.sort_en, "zh": Organization.sort_zh}


def list_organizations(db: Database, filters: OrganizationFilter | None = None, *,
                       sort: str = "name", descending: bool = False, offset: int = 0,
                       limit: int = 100, names: str = "original") -> Page[OrganizationRecord]:
    """A page of the list. `names` is the preferred script ("original", "en", "zh"): names
    sort as shown (Chinese by pinyin), and countries by their name in that language."""
    filters = filters or OrganizationFilter()
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort organizations by {sort!r}")
    statement = filtered(filters)
    column = SORT_COLUMNS[sort]
    if sort == "name":
        column = NAME_SORTS.get(names, Organization.sort_original)
    elif sort == "country":
        column = Country.sort_zh if names == "zh" else Country.sort_en
    with db.reading() as session:
        total = session.execute(
            select(func.count()).select_from(statement.with_only_columns(Organization.id).subquery())
        ).scalar_one()
        if sort == "name" and total < FEW_ENOUGH_TO_SORT:
            # Few matches: sorting them beats walking the whole sort-key index to find
            # them (the concatenation keeps the planner off that index).
            column = column + ""
        order = column.desc() if descending else column.asc()
        # Plain columns, not ORM objects: a list page is read-only and this is its hot path.
        rows = session.execute(
            statement.with_only_columns(*Organization.__table__.c,
                                        Country.name_en.label("country_name"),
                                        Country.region.label("country_region"),
                                        Country.name_zh.label("country_name_zh"),
                                        Country.region_zh.label("country_region_zh"))
            .order_by(order.nulls_last(), Organization.id).offset(offset).limit(limit)
        ).mappings().all()
        tag_map = tags.tag_names_for(session, "organization", [row["id"] for row in rows])
        items = tuple(_record_from_row(row, tag_map.get(row["id"], ())) for row in rows)
        return Page(items=items, total=int(total), offset=offset, limit=limit)


def _record_from_row(row: RowMapping, tag_names: tuple[str, ...]) -> OrganizationRecord:
    return OrganizationRecord(
        id=row["id"], name=row["name"], name_en=row["name_en"], name_zh=row["name_zh"],
        aliases=tuple(row["aliases"] or ()), abbreviation=row["abbreviation"], kind=row["kind"],
        country=row["country_code"], country_name=row["country_name"],
        region=row["country_region"], status=row["status"], ideology=row["ideology"],
        founded=row["founded"], website=row["website"], email=row["email"], phone=row["phone"],
        level=row["level"], notes=row["notes"], tags=tag_names, last_contact=row["last_contact"],
        interaction_count=row["interaction_count"] or 0, created_at=row["created_at"],
        updated_at=row["updated_at"], version=row["version"], deleted_at=row["deleted_at"],
        country_name_zh=row["country_name_zh"], region_zh=row["country_region_zh"],
    )

