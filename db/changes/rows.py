"""The writer's row-level path: what the field-level writes of db/changes/recording.py do not
cover — participants, contact figures, batches, bulk rows, removals — each run as the writer
(db/store/guard.py), so no code outside db/changes writes a domain table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Delete, Insert, Update, func, select, update
from sqlalchemy.orm import Session

from db.models import ImportBatch, Interaction, Organization, Participation, Person
from db.store.guard import writing

Triple = tuple[str | None, str | None, str]


def add(session: Session, *objects: Any) -> None:
    """New ORM rows (a batch, a reference record), written at once."""
    with writing():
        session.add_all(objects)
        session.flush()


def open_batch(session: Session, **values: Any) -> ImportBatch:
    """The batch every change of one import, merge or undo is recorded under."""
    batch = ImportBatch(**values)
    add(session, batch)
    return batch


def flush(session: Session) -> None:
    """Write what the writer's ORM objects hold (a batch's counts and undo data)."""
    with writing():
        session.flush()


def execute(session: Session, statement: Insert | Update | Delete,
            rows: Sequence[dict[str, Any]] | None = None) -> Any:
    """One INSERT, UPDATE or DELETE built by an applier of db/changes' callers (a merge's
    copied records, an undo's removals)."""
    with writing():
        return session.execute(statement, rows) if rows is not None else \
            session.execute(statement)


def replace_participants(session: Session, interaction: Any, wanted: Iterable[Triple]
                         ) -> tuple[list[Triple], list[Triple]]:
    """Make an interaction's participants exactly `wanted` (organization id, person id, role);
    rows already right are kept. Returns (before, after), each sorted."""
    after = sorted({(o, p, str(role or "")) for o, p, role in wanted}, key=_order)
    existing = session.execute(select(Participation).where(
        Participation.interaction_id == interaction.id, Participation.deleted_at.is_(None))
    ).scalars().all()
    have = {(part.organization_id, part.person_id, str(part.role or "")): part
            for part in existing}
    before = sorted(have, key=_order)
    if before == after:
        return before, after
    with writing():
        for key, part in have.items():
            if key not in after:
                session.delete(part)
        session.flush()
        for key in after:
            if key not in have:
                session.add(Participation(interaction_id=interaction.id, organization_id=key[0],
                                          person_id=key[1], role=key[2],
                                          start=interaction.start))
        session.flush()
    return before, after


def move_participation_dates(session: Session, interaction_id: str, start: Any) -> None:
    """Participations carry their interaction's start date (for the participants' timelines)."""
    execute(session, update(Participation).where(Participation.interaction_id == interaction_id)
            .values(start=start).execution_options(synchronize_session=False))


def refresh_contact_stats(session: Session, organization_ids: Iterable[str | None],
                          person_ids: Iterable[str | None]) -> None:
    """Recompute last contact and interaction count for the given organizations and people."""
    for model, column, ids in ((Organization, Participation.organization_id, organization_ids),
                               (Person, Participation.person_id, person_ids)):
        wanted = sorted({i for i in ids if i})
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            live = (Participation.interaction_id == Interaction.id, column == model.id,
                    Participation.deleted_at.is_(None), Interaction.deleted_at.is_(None))
            last = select(func.max(Interaction.start)).where(*live).scalar_subquery()
            count = (select(func.count(func.distinct(Interaction.id))).where(*live)
                     .scalar_subquery())
            execute(session, update(model).where(model.id.in_(chunk))
                    .values(last_contact=last, interaction_count=count,
                            updated_at=model.updated_at)
                    .execution_options(synchronize_session=False))


def _order(item: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(part or "") for part in item)
