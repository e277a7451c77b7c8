"""Integrity check: what `liaison check` runs. Each finding is one sentence a user can act on,
in the current language; its `check` is a code and stays as it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import Session

from db.models import (
    Affiliation,
    FollowUp,
    Interaction,
    Organization,
    Participation,
    Person,
)
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class Finding:
    check: str
    message: str


def _sqlite_checks(session: Session) -> list[Finding]:
    findings: list[Finding] = []
    result = [row[0] for row in session.execute(text("PRAGMA integrity_check")).all()]
    if result != ["ok"]:
        findings.extend(Finding("integrity", translate(
            "Storage", "SQLite integrity check: {line}").format(line=line)) for line in result[:20])
    for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")).all()[:20]:
        findings.append(Finding("foreign keys", translate(
            "Storage", "Row {row} of {table} points to a missing {parent} record."
        ).format(row=rowid, table=table, parent=parent)))
    return findings


def _count(session: Session, statement: object) -> int:
    return int(session.execute(statement).scalar_one())  # type: ignore[call-overload]


def _orphans(session: Session) -> list[Finding]:
    findings: list[Finding] = []
    # Each a sentence for its count {n} (one form for every count, 1 included).
    checks: list[tuple[str, object]] = [
        (QT_TRANSLATE_NOOP("Storage", "{n} participations without an interaction."),
         select(func.count()).select_from(Participation)
         .outerjoin(Interaction, Interaction.id == Participation.interaction_id)
         .where(Interaction.id.is_(None))),
        (QT_TRANSLATE_NOOP("Storage", "{n} participations naming a missing organization."),
         select(func.count()).select_from(Participation)
         .outerjoin(Organization, Organization.id == Participation.organization_id)
         .where(Participation.organization_id.is_not(None), Organization.id.is_(None))),
        (QT_TRANSLATE_NOOP("Storage", "{n} participations naming a missing person."),
         select(func.count()).select_from(Participation)
         .outerjoin(Person, Person.id == Participation.person_id)
         .where(Participation.person_id.is_not(None), Person.id.is_(None))),
        (QT_TRANSLATE_NOOP("Storage", "{n} participations with both or neither participant."),
         select(func.count()).select_from(Participation)
         .where((Participation.organization_id.is_(None)) == (Participation.person_id.is_(None)))),
        (QT_TRANSLATE_NOOP("Storage", "{n} positions of a missing person or organization."),
         select(func.count()).select_from(Affiliation)
         .outerjoin(Person, Person.id == Affiliation.person_id)
         .outerjoin(Organization, Organization.id == Affiliation.organization_id)
         .where((Person.id.is_(None)) | (Organization.id.is_(None)))),
        (QT_TRANSLATE_NOOP("Storage", "{n} follow-ups linked to a missing record."),
         select(func.count()).select_from(FollowUp)
         .outerjoin(Organization, Organization.id == FollowUp.organization_id)
         .outerjoin(Interaction, Interaction.id == FollowUp.interaction_id)
         .where(and_(FollowUp.organization_id.is_not(None), Organization.id.is_(None))
                | and_(FollowUp.interaction_id.is_not(None), Interaction.id.is_(None)))),
        (QT_TRANSLATE_NOOP("Storage", "{n} interactions ending before they start."),
         select(func.count()).select_from(Interaction)
         .where(Interaction.end < Interaction.start)),
        (QT_TRANSLATE_NOOP("Storage", "{n} participations whose timeline date differs from "
                                      "their interaction's start."),
         select(func.count()).select_from(Participation)
         .join(Interaction, Interaction.id == Participation.interaction_id)
         .where((Participation.start.is_(None)) | (Participation.start != Interaction.start))),
    ]
    for sentence, statement in checks:
        n = _count(session, statement)
        if n:
            findings.append(Finding("orphans", translate("Storage", sentence).format(n=n)))
    return findings


def _contact_stats(session: Session) -> list[Finding]:
    """The last-contact figures kept on each organization must agree with the interactions."""
    live = (select(Participation.organization_id.label("oid"),
                   func.max(Interaction.start).label("last"),
                   func.count(func.distinct(Interaction.id)).label("n"))
            .join(Interaction, Interaction.id == Participation.interaction_id)
            .where(Interaction.deleted_at.is_(None), Participation.deleted_at.is_(None),
                   Participation.organization_id.is_not(None))
            .group_by(Participation.organization_id).subquery())
    wrong = _count(session, select(func.count()).select_from(Organization)
                   .outerjoin(live, live.c.oid == Organization.id)
                   .where((func.coalesce(live.c.n, 0) != Organization.interaction_count)
                          | (live.c.last != Organization.last_contact)
                          | (live.c.last.is_(None) & Organization.last_contact.is_not(None))))
    if wrong:
        return [Finding("contact figures", translate(
            "Storage", "{n} organizations show a last contact or interaction count that does "
                       "not match their interactions.").format(n=wrong))]
    return []


CHECKS: list[Callable[[Session], list[Finding]]] = [_orphans, _contact_stats]


def check_database(db: Database) -> list[Finding]:
    findings: list[Finding] = []
    with db.reading() as session:
        if db.is_sqlite:
            findings.extend(_sqlite_checks(session))
        for check in CHECKS:
            findings.extend(check(session))
    from db.store.migrate import current_revision, head_revision

    current = current_revision(db)
    if current != head_revision():
        findings.append(Finding("schema", translate(
            "Storage", "The schema is at {current}, not {head}.").format(current=current,
                                                                          head=head_revision())))
    return findings
