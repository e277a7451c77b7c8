"""Counts and coverage: what `liaison stats` prints and the status bar shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import distinct, func, select

from db.models import (
    Affiliation,
    ChangeLog,
    Country,
    FollowUp,
    ImportBatch,
    Interaction,
    Organization,
    Participation,
    Person,
    Tag,
    Topic,
)
from db.services.followups import OPEN_STATUSES
from db.services.organizations import months_ago
from db.store.engine import Database

COUNTED: dict[str, Any] = {
    "organizations": Organization,
    "people": Person,
    "affiliations": Affiliation,
    "interactions": Interaction,
    "participations": Participation,
    "followups": FollowUp,
    "topics": Topic,
    "tags": Tag,
    "import_batches": ImportBatch,
}
DORMANT_MONTHS = 12


@dataclass(frozen=True)
class Stats:
    counts: dict[str, int]
    deleted: dict[str, int]
    changes: int
    countries_known: int
    countries_covered: int
    regions_covered: list[str]
    organizations_by_region: dict[str, int]
    organizations_by_kind: dict[str, int]
    countries_in_contact: int
    followups_open: int
    followups_overdue: int
    dormant_organizations: int
    last_interaction: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def database_stats(db: Database, today: date | None = None) -> Stats:
    today = today or date.today()
    with db.reading() as session:
        counts: dict[str, int] = {}
        deleted: dict[str, int] = {}
        for name, model in COUNTED.items():
            rows: dict[bool, int] = dict(session.execute(
                select(model.deleted_at.is_(None), func.count()).group_by(model.deleted_at.is_(None))
            ).all())
            counts[name] = int(rows.get(True, 0))
            deleted[name] = int(rows.get(False, 0))
        live_org = Organization.deleted_at.is_(None)
        by_region: dict[str, int] = {}
        for region, count in session.execute(
            select(Country.region, func.count())
            .select_from(Organization).outerjoin(Country, Country.code == Organization.country_code)
            .where(live_org).group_by(Country.region)
        ).all():
            key = region or "(no region)"
            by_region[key] = by_region.get(key, 0) + count
        by_kind = dict(session.execute(
            select(Organization.kind, func.count()).where(live_org).group_by(Organization.kind)
        ).all())
        covered = session.execute(
            select(func.count(distinct(Organization.country_code)))
            .where(live_org, Organization.country_code.is_not(None))
        ).scalar_one()
        in_contact = session.execute(
            select(func.count(distinct(Organization.country_code)))
            .where(live_org, Organization.country_code.is_not(None),
                   Organization.last_contact >= months_ago(today, DORMANT_MONTHS))
        ).scalar_one()
        open_filter = (FollowUp.deleted_at.is_(None), FollowUp.status.in_(OPEN_STATUSES))
        followups_open = session.execute(
            select(func.count()).select_from(FollowUp).where(*open_filter)).scalar_one()
        overdue = session.execute(
            select(func.count()).select_from(FollowUp).where(*open_filter, FollowUp.due < today)
        ).scalar_one()
        dormant = session.execute(
            select(func.count()).select_from(Organization).where(
                live_org, Organization.interaction_count > 0,
                Organization.last_contact < months_ago(today, DORMANT_MONTHS))
        ).scalar_one()
        last = session.execute(
            select(func.max(Interaction.start)).where(Interaction.deleted_at.is_(None))
        ).scalar_one()
        return Stats(
            counts=counts,
            deleted=deleted,
            changes=int(session.execute(select(func.count()).select_from(ChangeLog)).scalar_one()),
            countries_known=int(session.execute(select(func.count()).select_from(Country)).scalar_one()),
            countries_covered=int(covered),
            regions_covered=sorted(r for r in by_region if r != "(no region)"),
            organizations_by_region={k: int(v) for k, v in sorted(by_region.items())},
            organizations_by_kind={k: int(v) for k, v in sorted(by_kind.items())},
            countries_in_contact=int(in_contact),
            followups_open=int(followups_open),
            followups_overdue=int(overdue),
            dormant_organizations=int(dormant),
            last_interaction=last.isoformat() if last else None,
        )


def has_organizations(db: Database) -> bool:
    """Whether any live organization exists: one index probe, for the start-up path."""
    with db.reading() as session:
        return session.execute(select(Organization.id).where(
            Organization.deleted_at.is_(None)).limit(1)).first() is not None


def quick_counts(db: Database) -> dict[str, int]:
    """Live records of the four main kinds: cheap enough for a status bar after every change."""
    wanted: dict[str, Any] = {"organizations": Organization, "people": Person,
                              "interactions": Interaction,
                              "followups": FollowUp}
    with db.reading() as session:
        return {name: int(session.execute(
            select(func.count()).select_from(model).where(model.deleted_at.is_(None))
        ).scalar_one()) for name, model in wanted.items()}
