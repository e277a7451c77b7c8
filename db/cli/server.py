"""`liaison server-setup`: the editor and viewer roles of a team's PostgreSQL server
(db/store/roles.py), and the accounts that belong to them."""

from __future__ import annotations

import argparse
import os
from typing import Any, TextIO

from db.store.errors import LiaisonError
from db.store.translation import translate


def add_commands(sub: Any) -> None:
    setup = sub.add_parser("server-setup", help=translate(
        "CommandLine", "make the team server's editor and viewer roles (run by an account "
                       "with the CREATEROLE right) and put accounts in them"))
    setup.add_argument("--editor", action="append", default=[], metavar="LOGIN", help=translate(
        "CommandLine", "an account that may change records (made if new; repeatable)"))
    setup.add_argument("--viewer", action="append", default=[], metavar="LOGIN", help=translate(
        "CommandLine", "an account that may only read them (made if new; repeatable)"))


def _password_for(login: str) -> str:
    from db.cli import passphrases

    given = os.environ.get("LIAISON_NEW_PASSWORD")
    if given:
        return given
    if not passphrases.on_terminal():
        raise LiaisonError(translate(
            "CommandLine", "{login} is a new account: set LIAISON_NEW_PASSWORD to its password, "
                           "or run this on a terminal to be asked.").format(login=login))
    first = passphrases.ask(translate("CommandLine", "Password for the new account {login}: ")
                            .format(login=login))
    if not first or passphrases.ask(translate("CommandLine", "The same password again: ")) \
            != first:
        raise LiaisonError(translate("CommandLine", "The passwords differ or are empty; "
                                                    "nothing was changed."))
    return first


def cmd_server_setup(args: argparse.Namespace, out: TextIO, err: TextIO, open_db: Any) -> int:
    from sqlalchemy import text

    from db.store.roles import EDITOR, VIEWER, setup_roles

    db = open_db(args)
    if db.is_sqlite:
        setup_roles(db)  # says why not
    with db.engine.connect() as connection:
        known = {row[0] for row in connection.execute(text("SELECT rolname FROM pg_roles"))}
    passwords = {login: _password_for(login) for login in (*args.editor, *args.viewer)
                 if login not in known}
    result = setup_roles(db, editors=tuple(args.editor), viewers=tuple(args.viewer),
                         passwords=passwords)
    print(translate("CommandLine", "Roles ready on {database}: {editor} may change records, "
                                   "{viewer} may only read them.").format(
        database=result.database, editor=EDITOR, viewer=VIEWER), file=out)
    for login, group in result.members:
        print(translate("CommandLine", "{login} is in {group}.").format(login=login,
                                                                        group=group), file=out)
    return 0
