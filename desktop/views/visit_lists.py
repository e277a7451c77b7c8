"""The Delegations and Gifts tabs of a visit's page: what each list shows, its form's fields
and the visits service functions that read and write it (desktop/widgets/visit_entries.py
draws and drives them). Names show in the preferred script."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.models.vocabulary import GIFT_DIRECTIONS, MEMBER_ROLES, VISIT_SIDES, Term
from db.services import visits
from db.services.timeline import record_names
from db.services.visits import GiftRecord, MemberRecord
from desktop.context import AppContext
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.naming import display_name
from desktop.qtmodels.paged import Column
from desktop.widgets.visit_entries import EntryKind, ShownRecord
from desktop.widgets.visit_fields import GIFT_FIELDS, MEMBER_FIELDS


@dataclass(frozen=True)
class Shown(ShownRecord):
    """A member or gift (its record a MemberRecord or GiftRecord) with its person's and
    organization's names in the preferred script."""

    person: str
    organization: str

    @property
    def name(self) -> str:
        return self.person or self.organization


def label(vocabulary: dict[str, Term], code: str) -> str:
    term = vocabulary.get(code)
    return term.label() if term else code


def shown(context: AppContext, records: Sequence[MemberRecord | GiftRecord]) -> list[Shown]:
    names = record_names(context.database, [r.organization_id for r in records],
                         [r.person_id for r in records])
    preference = context.name_preference()

    def name(record_id: str | None, stored: str | None) -> str:
        found = names.get(record_id or "")
        return display_name(found, preference) if found else stored or ""

    return [Shown(r, name(r.person_id, r.person_name),
                  name(r.organization_id, r.organization_name)) for r in records]


MEMBER_COLUMNS = [
    Column("side", QT_TRANSLATE_NOOP("Columns", "Side"),
           lambda s: label(VISIT_SIDES, s.record.side)),
    Column("role", QT_TRANSLATE_NOOP("Columns", "Role"),
           lambda s: label(MEMBER_ROLES, s.record.role)),
    Column("person", QT_TRANSLATE_NOOP("Columns", "Person"), lambda s: s.person),
    Column("organization", QT_TRANSLATE_NOOP("Columns", "Organization"),
           lambda s: s.organization),
    Column("title", QT_TRANSLATE_NOOP("Columns", "Title at the time"),
           lambda s: s.record.title or ""),
]
GIFT_COLUMNS = [
    Column("direction", QT_TRANSLATE_NOOP("Columns", "Given or received"),
           lambda s: label(GIFT_DIRECTIONS, s.record.direction)),
    Column("description", QT_TRANSLATE_NOOP("Columns", "Description"),
           lambda s: s.record.description.replace("\n", " "),
           tooltip=lambda s: s.record.description),
    Column("person", QT_TRANSLATE_NOOP("Columns", "Person"), lambda s: s.person),
    Column("organization", QT_TRANSLATE_NOOP("Columns", "Organization"),
           lambda s: s.organization),
    Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"),
           lambda s: (s.record.notes or "").replace("\n", " ")),
]


def member_kind(context: AppContext) -> EntryKind:
    db, actor = context.database, context.actor

    def one(record: MemberRecord) -> Shown:
        return shown(context, [record])[0]

    return EntryKind(
        entity="visit member", columns=MEMBER_COLUMNS, fields=MEMBER_FIELDS,
        read=lambda visit_id: shown(context, visits.list_members(db, visit_id)),
        add=lambda visit_id, data: one(visits.add_member(db, visit_id, data, actor())),
        update=lambda member_id, changes, version: one(visits.update_member(
            db, member_id, changes, expected_version=version, actor=actor())),
        remove=lambda member_id: visits.remove_member(db, member_id, actor=actor()),
        restore=lambda member_id: visits.restore_member(db, member_id, actor=actor()),
        values=lambda s: {"person_id": s.record.person_id,
                          "organization_id": s.record.organization_id,
                          "side": s.record.side, "role": s.record.role,
                          "title": s.record.title},
        label=lambda s: s.name,
        defaults={"side": "guest", "role": "member"},
        add_text=QT_TRANSLATE_NOOP("VisitPage", "Add a member…"),
        placeholder=QT_TRANSLATE_NOOP(
            "VisitPage", "Nobody on either side yet. Add the head of each delegation, its "
                         "members, interpreters and staff; a person's organization and title "
                         "come from their current position unless you say otherwise."),
        add_title=QT_TRANSLATE_NOOP("VisitPage", "Add a member"),
        edit_title=QT_TRANSLATE_NOOP("VisitPage", "Edit a member"),
        added=QT_TRANSLATE_NOOP("VisitPage", "Add {name} to the visit"),
        changed=QT_TRANSLATE_NOOP("VisitPage", "Edit {name} in the visit"),
        removed=QT_TRANSLATE_NOOP("VisitPage", "{name} from the visit"),
        remove_question=QT_TRANSLATE_NOOP("VisitPage", "Remove {name} from this visit? "
                                                       "Ctrl+Z brings them back."))


def gift_kind(context: AppContext) -> EntryKind:
    db, actor = context.database, context.actor

    def one(record: GiftRecord) -> Shown:
        return shown(context, [record])[0]

    return EntryKind(
        entity="gift", columns=GIFT_COLUMNS, fields=GIFT_FIELDS,
        read=lambda visit_id: shown(context, visits.list_gifts(db, visit_id)),
        add=lambda visit_id, data: one(visits.add_gift(db, visit_id, data, actor())),
        update=lambda gift_id, changes, version: one(visits.update_gift(
            db, gift_id, changes, expected_version=version, actor=actor())),
        remove=lambda gift_id: visits.remove_gift(db, gift_id, actor=actor()),
        restore=lambda gift_id: visits.restore_gift(db, gift_id, actor=actor()),
        values=lambda s: {"direction": s.record.direction,
                          "description": s.record.description,
                          "person_id": s.record.person_id,
                          "organization_id": s.record.organization_id,
                          "notes": s.record.notes},
        label=lambda s: f"“{s.record.description.splitlines()[0][:60]}”",
        defaults={"direction": "given"},
        add_text=QT_TRANSLATE_NOOP("VisitPage", "Add a gift…"),
        placeholder=QT_TRANSLATE_NOOP("VisitPage", "No gifts recorded. Add what was given "
                                                   "and received, and by or to whom."),
        add_title=QT_TRANSLATE_NOOP("VisitPage", "Add a gift"),
        edit_title=QT_TRANSLATE_NOOP("VisitPage", "Edit a gift"),
        added=QT_TRANSLATE_NOOP("VisitPage", "Add the gift {name}"),
        changed=QT_TRANSLATE_NOOP("VisitPage", "Edit the gift {name}"),
        removed=QT_TRANSLATE_NOOP("VisitPage", "the gift {name}"),
        remove_question=QT_TRANSLATE_NOOP("VisitPage", "Remove the gift {name}? Ctrl+Z "
                                                       "brings it back."))
