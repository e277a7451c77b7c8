"""`liaison export`: the Liaison workbook, one list or one organization's dossier as a sheet to
read, one event's workbook or participant list. (A briefing pack, .pdf, is laid out by Qt: the
entry point in desktop runs that one.)"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from db.cli.progress import Progress, stage_text
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

# `liaison export --view`: what it exported, one sentence per list and number.
EXPORTED_VIEW = {
    "organizations": (
        QT_TRANSLATE_NOOP("CommandLine", "Exported 1 organization from {database} to {file} in "
                                         "{seconds:.1f} s."),
        QT_TRANSLATE_NOOP("CommandLine", "Exported {count:,} organizations from {database} to "
                                         "{file} in {seconds:.1f} s.")),
    "people": (
        QT_TRANSLATE_NOOP("CommandLine", "Exported 1 person from {database} to {file} in "
                                         "{seconds:.1f} s."),
        QT_TRANSLATE_NOOP("CommandLine", "Exported {count:,} people from {database} to {file} "
                                         "in {seconds:.1f} s.")),
    "interactions": (
        QT_TRANSLATE_NOOP("CommandLine", "Exported 1 interaction from {database} to {file} in "
                                         "{seconds:.1f} s."),
        QT_TRANSLATE_NOOP("CommandLine", "Exported {count:,} interactions from {database} to "
                                         "{file} in {seconds:.1f} s.")),
    "followups": (
        QT_TRANSLATE_NOOP("CommandLine", "Exported 1 follow-up from {database} to {file} in "
                                         "{seconds:.1f} s."),
        QT_TRANSLATE_NOOP("CommandLine", "Exported {count:,} follow-ups from {database} to "
                                         "{file} in {seconds:.1f} s.")),
}


def add_commands(sub: Any) -> None:
    export = sub.add_parser("export", help=translate(
        "CommandLine", "export to a Liaison workbook (.xlsx), or one list or one "
                       "organization's dossier as a sheet to read"), epilog=translate(
        "CommandLine", "A visit's briefing pack (programme and counterparts' profiles) is "
                       "a PDF: liaison export OUT.pdf --visit ID"))
    export.add_argument("out", help=translate("CommandLine", "the .xlsx file to write"))
    what = export.add_mutually_exclusive_group()
    what.add_argument("--view", choices=["organizations", "people", "interactions", "followups"],
                      help=translate("CommandLine", "one whole list as a plain, formatted sheet"))
    what.add_argument("--organization", metavar="ID", help=translate(
        "CommandLine", "one organization's dossier: profile, people, timeline, follow-ups"))
    what.add_argument("--event", metavar="ID", help=translate(
        "CommandLine", "one event's Liaison workbook: the event, its sessions, invitations and "
                       "delegates, to be corrected and imported back"))
    export.add_argument("--participants", action="store_true", help=translate(
        "CommandLine", "with --event: the participant list to read and print, by country"))
    export.add_argument("--protect", action="store_true", help=translate(
        "CommandLine", "protect the workbook with a password (from LIAISON_WORKBOOK_PASSWORD, "
                       "or asked for): Excel, WPS and LibreOffice ask for it to open it"))


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from db.exchange.export.output import check_destination

    if Path(args.out).suffix.lower() == ".pdf":  # laid out by Qt: the entry point's command
        raise LiaisonError(translate(
            "CommandLine", "A briefing pack (.pdf) is written by the liaison program itself, "
                           "which lays it out with Qt: run “liaison export {file} --visit ID”.")
            .format(file=args.out))
    if getattr(args, "participants", False) and not getattr(args, "event", None):
        print(translate("CommandLine", "--participants needs --event ID: the event whose "
                                       "participants to list."), file=err)
        return 2
    target = Path(args.out).expanduser().resolve()
    check_destination(target)  # before opening the database: a wrong path fails at once
    password = None
    if args.protect:
        from db.cli.passphrases import new_passphrase

        password = new_passphrase("LIAISON_WORKBOOK_PASSWORD")
    db = open_db(args)
    if args.view:
        from db.exchange.export.views import write_view

        steps = write_view(db, target, args.view, password=password)
    elif args.organization:
        from db.exchange.export.dossier import write_dossier

        steps = write_dossier(db, target, args.organization.strip(), password=password)
    elif getattr(args, "event", None) and args.participants:
        from db.exchange.export.participants import write_participants

        steps = write_participants(db, target, args.event, password=password)
    elif getattr(args, "event", None):
        from db.exchange.export.writer import write_workbook

        steps = write_workbook(db, target, password=password, event=args.event)
    else:
        from db.exchange.export.writer import write_workbook

        steps = write_workbook(db, target, password=password)
    progress = Progress(err)
    started = datetime.now(UTC)
    rows = 0
    for step in steps:
        rows = step.done
        stage = stage_text(step.stage) if step.stage in ("saving", "done") else step.stage
        progress.show(translate("CommandLine", "{stage}: {done:,} of {total:,} rows").format(
            stage=stage, done=step.done, total=step.total))
    progress.end()
    seconds = (datetime.now(UTC) - started).total_seconds()
    if args.view:
        sentence = EXPORTED_VIEW[args.view][0 if rows == 1 else 1]
        text = translate("CommandLine", sentence)
    elif args.organization:
        text = translate("CommandLine", "Exported the dossier of organization {id} ({count:,} "
                                        "rows) from {database} to {file} in {seconds:.1f} s.")
    elif getattr(args, "event", None) and args.participants:
        text = translate("CommandLine", "Exported the participant list of event {event} "
                                        "({count:,} invitations) from {database} to {file} in "
                                        "{seconds:.1f} s.")
    elif getattr(args, "event", None):
        text = translate("CommandLine", "Exported event {event} ({count:,} rows) from "
                                        "{database} to {file} in {seconds:.1f} s.")
    else:
        text = translate("CommandLine", "Exported {count:,} rows from {database} to {file} in "
                                        "{seconds:.1f} s.")
    print(text.format(count=rows, id=(args.organization or "").strip(),
                      event=(getattr(args, "event", None) or "").strip(), database=db.describe(),
                      file=target, seconds=seconds), file=out)
    return 0
