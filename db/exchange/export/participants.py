"""An event's participant list, a sheet to read and print: every invitation by country, in the
reader's language and order (pinyin for Chinese), with the organization, the head of its
delegation and their title, the delegation's size, the reply and the attendance. The list
that goes out to be corrected and come back is the Liaison workbook of the event (writer.py,
`event=`); this one is for the table at the door."""

from __future__ import annotations

import os
from collections.abc import Iterator

from sqlalchemy import select

from db.exchange.export.output import (
    Cancelled,
    ExportProgress,
    cancel_check,
    destination,
    pending_workbook,
)
from db.exchange.export.report import Column, ReportSheet, exported_at, label
from db.models import Delegate, Invitation
from db.models.folding import sort_key
from db.models.vocabulary import ATTENDANCE, INVITATION_REPLIES
from db.services import events, invitations, pages
from db.services.invitations import InvitationRecord
from db.services.timeline import record_names
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, language, translate

PAGE = 500
COLUMNS = [Column(QT_TRANSLATE_NOOP("Columns", "Country"), 22),
           Column(QT_TRANSLATE_NOOP("Columns", "Organization"), 44),
           Column(QT_TRANSLATE_NOOP("Columns", "Head of delegation"), 30),
           Column(QT_TRANSLATE_NOOP("Columns", "Title at the time"), 30),
           Column(QT_TRANSLATE_NOOP("Columns", "Delegation size"), 10),
           Column(QT_TRANSLATE_NOOP("Columns", "Reply"), 22),
           Column(QT_TRANSLATE_NOOP("Columns", "Attendance"), 16)]


def write_participants(db: Database, path: str | os.PathLike[str], event_id: str,
                       cancelled: Cancelled | None = None, *,
                       password: str | None = None) -> Iterator[ExportProgress]:
    """Write the participant list of one live event to `path`, yielding progress. An
    unknown (or deleted) id raises NotFound with one sentence, before any file is made."""
    target = destination(path)
    event = events.get_event(db, event_id.strip().lower())
    check_cancel = cancel_check(cancelled)
    listed: list[InvitationRecord] = []
    page = invitations.list_invitations(db, event.id, limit=PAGE)
    while True:
        listed.extend(page.items)
        if page.offset + len(page.items) >= page.total or not page.items:
            break
        page = invitations.list_invitations(db, event.id, offset=page.offset + PAGE,
                                            limit=PAGE)
    with db.reading() as session:
        heads = {key: (person, title) for key, person, title in session.execute(
            select(Delegate.invitation_id, Delegate.person_id, Delegate.title)
            .join(Invitation, Invitation.id == Delegate.invitation_id)
            .where(Invitation.event_id == event.id, Delegate.role == "head",
                   Delegate.deleted_at.is_(None)))}
    chinese = language() == "zh_CN"
    # a Chinese list names each party and person in Chinese where the register has it
    names = {key: (n.name_zh or n.name) if chinese else n.name
             for key, n in record_names(
                 db, (i.organization_id for i in listed),
                 [i.person_id for i in listed] + [p for p, _title in heads.values()]).items()}

    def invitee(item: InvitationRecord) -> str:
        key = item.organization_id or item.person_id or ""
        return names.get(key) or item.invitee

    def head_of(item: InvitationRecord) -> str | None:
        if item.id in heads:
            return names.get(heads[item.id][0]) or item.head_name
        return None if item.organization_id else invitee(item)
    countries = {c.code: (c.name_zh or c.name_en) if chinese else c.name_en
                 for c in pages.countries(db)}

    def country_of(code: str | None) -> str:
        return countries.get(code or "", code or "")

    listed.sort(key=lambda item: (sort_key(country_of(item.country)), sort_key(invitee(item))))
    total = len(listed)
    done = 0
    with pending_workbook(target, password) as pending:
        book = pending.book
        book.properties.title = translate("Export", "Participants: {name}").format(
            name=event.name)
        yield ExportProgress("participants", done, total)
        sheet = ReportSheet(book, translate("Export", "Participants"), translate(
            "Export", "{name} — participants ({count:,} invited) · exported {when} from "
                      "{database}").format(name=event.name, count=total, when=exported_at(),
                                           database=db.title()), COLUMNS)
        for item in listed:
            sheet.append([country_of(item.country) or None,
                          invitee(item) if item.organization_id else None, head_of(item),
                          heads.get(item.id, (None, None))[1], item.size or None,
                          label(INVITATION_REPLIES, item.reply),
                          label(ATTENDANCE, item.attendance)])
            done += 1
        sheet.finish()
        check_cancel()
        yield ExportProgress("saving", done, total)
        pending.save(check_cancel)
    yield ExportProgress("done", done, total)
