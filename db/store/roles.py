"""Roles on a team's PostgreSQL server: an editor role that may change the records and a
viewer role that may only read them — enforced by the server's own grants, so a viewer's
Liaison (or any other program on that account) cannot write, whatever it tries.

`liaison server-setup` (db/cli/server.py) makes the two group roles and grants them, and adds
login accounts to them; it is run by a user with the CREATEROLE right (or a superuser) after
Liaison has created its tables on the server. A session whose account may not write opens
read-only (`is_read_only_session`), and the app shows it as such."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from db.store.engine import Database
from db.store.errors import DatabaseProblem, LiaisonError
from db.store.translation import translate

EDITOR = "liaison_editor"
VIEWER = "liaison_viewer"


@dataclass(frozen=True)
class SetupResult:
    database: str
    created: tuple[str, ...]  # roles made now (the others existed)
    members: tuple[tuple[str, str], ...]  # (login, group) added


def _quote(connection: Connection, name: str) -> str:
    return str(connection.exec_driver_sql("SELECT quote_ident(%s)", (name,)).scalar_one())


def _require_server(db: Database) -> None:
    if db.is_sqlite:
        raise LiaisonError(translate(
            "Roles", "Roles belong to a team's PostgreSQL server; a database file is protected "
                     "by its file permissions and its encryption."))


def may_create_roles(connection: Connection) -> bool:
    row = connection.execute(text(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    return bool(row)


def setup_roles(db: Database, *, editors: tuple[str, ...] = (), viewers: tuple[str, ...] = (),
                passwords: dict[str, str] | None = None) -> SetupResult:
    """Make (or bring up to date) the editor and viewer roles of the server's Liaison database,
    and add the given login accounts to them (made with `passwords[login]` when they do not
    exist yet). One transaction: all of it or nothing."""
    _require_server(db)
    passwords = passwords or {}
    created: list[str] = []
    members: list[tuple[str, str]] = []
    with db.engine.begin() as connection:
        if not may_create_roles(connection):
            user = connection.execute(text("SELECT current_user")).scalar_one()
            raise DatabaseProblem(translate(
                "Roles", "The server account {user} may not create roles. Run server-setup "
                         "as an account with the CREATEROLE right (or ask the server's "
                         "administrator: ALTER ROLE {user} CREATEROLE).").format(user=user))
        name = str(connection.execute(text("SELECT current_database()")).scalar_one())
        database = _quote(connection, name)
        for role in (EDITOR, VIEWER):
            exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                        {"r": role}).scalar()
            if not exists:
                connection.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
                created.append(role)
        for role in (EDITOR, VIEWER):
            connection.exec_driver_sql(f"GRANT CONNECT ON DATABASE {database} TO {role}")
            connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {role}")
        connection.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {VIEWER}")
        connection.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN "
                                   f"SCHEMA public FROM {VIEWER}")
        connection.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN "
                                   f"SCHEMA public TO {EDITOR}")
        connection.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "
                                   f"public TO {EDITOR}")
        connection.exec_driver_sql(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {VIEWER}")
        # tables a later version of Liaison adds get the same grants
        connection.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON "
                                   f"TABLES TO {VIEWER}")
        connection.exec_driver_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, "
                                   f"INSERT, UPDATE, DELETE ON TABLES TO {EDITOR}")
        for group, logins in ((EDITOR, editors), (VIEWER, viewers)):
            for login in logins:
                exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                            {"r": login}).scalar()
                quoted = _quote(connection, login)
                if not exists:
                    password = passwords.get(login)
                    if not password:
                        raise LiaisonError(translate(
                            "Roles", "{login} has no account on the server yet: give it a "
                                     "password to make one.").format(login=login))
                    _create_login(connection, login, quoted, password)
                other = VIEWER if group == EDITOR else EDITOR
                connection.exec_driver_sql(f"REVOKE {other} FROM {quoted}")
                connection.exec_driver_sql(f"GRANT {group} TO {quoted}")
                members.append((login, group))
    return SetupResult(name, tuple(created), tuple(members))


def _create_login(connection: Connection, login: str, quoted: str, password: str) -> None:
    """CREATE ROLE … LOGIN PASSWORD takes no parameter: the password goes in as a literal
    the server quotes, and an error is told without the statement (which holds it)."""
    from sqlalchemy.exc import DBAPIError

    literal = connection.exec_driver_sql("SELECT quote_literal(%s)", (password,)).scalar_one()
    try:
        connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN PASSWORD {literal}")
    except DBAPIError as exc:
        diag = getattr(exc.orig, "diag", None)
        reason = getattr(diag, "message_primary", None) or type(exc.orig).__name__
        raise DatabaseProblem(translate(
            "Roles", "The server did not make the account {login}: {reason}.").format(
            login=login, reason=reason)) from None


def is_read_only_session(db: Database) -> bool:
    """On a server: may this session's account only read the records?"""
    if db.is_sqlite:
        return False
    with db.engine.connect() as connection:
        return not connection.execute(text(
            "SELECT has_table_privilege(current_user, 'organizations', 'INSERT')")).scalar()
