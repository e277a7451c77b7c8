"""Errors the user can act on. Each carries one clear sentence in the user's words; the CLI
prints it and the app shows it. Anything else that escapes is a bug and gets a report."""

from __future__ import annotations

from dataclasses import dataclass


class LiaisonError(Exception):
    """Base for problems caused by the environment or the user's input, not by a bug."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseProblem(LiaisonError):
    """The database cannot be opened or written: wrong file, read-only, locked, too new..."""


class NotFound(LiaisonError):
    pass


@dataclass(frozen=True)
class Problem:
    """One validation problem: which field, and what is wrong, in the user's words."""

    field: str
    message: str


class ValidationFailed(LiaisonError):
    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object
    who: str | None
    at: str


class ConflictError(LiaisonError):
    """A save based on an old version: someone changed the record meanwhile."""

    def __init__(self, entity: str, record_id: str, expected: int, actual: int,
                 changes: tuple[FieldChange, ...]) -> None:
        self.entity = entity
        self.record_id = record_id
        self.expected_version = expected
        self.actual_version = actual
        self.changes = changes
        if changes:
            detail = "; ".join(
                f"{c.field} {_short(c.old)} → {_short(c.new)} by {c.who or 'someone'} at {c.at}"
                for c in changes
            )
            message = f"This {entity} was changed by someone else since you opened it: {detail}."
        elif actual == 0:
            message = f"This {entity} was deleted by someone else since you opened it."
        else:
            message = (f"This {entity} was changed by someone else since you opened it "
                       f"(version {expected} → {actual}).")
        super().__init__(message)


def _short(value: object) -> str:
    text = "empty" if value in (None, "", []) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
