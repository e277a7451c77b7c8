"""Errors the user can act on. Each carries one clear sentence in the user's words, in the
current language (db/store/translation.py); the CLI prints it and the app shows it. Anything else that escapes is a bug and gets a report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.store.translation import QT_TRANSLATE_NOOP, translate

# The user's word for one record of each kind (the change log's entity names), in sentences
# such as "There is no {noun} with id {id}." (db/changes/registry.py names the kinds).
_NOUNS = {
    "organization": QT_TRANSLATE_NOOP("Records", "organization"),
    "person": QT_TRANSLATE_NOOP("Records", "person"),
    "affiliation": QT_TRANSLATE_NOOP("Records", "affiliation"),
    "interaction": QT_TRANSLATE_NOOP("Records", "interaction"),
    "follow-up": QT_TRANSLATE_NOOP("Records", "follow-up"),
    "tag": QT_TRANSLATE_NOOP("Records", "tag"),
    "topic": QT_TRANSLATE_NOOP("Records", "topic"),
    "visit": QT_TRANSLATE_NOOP("Records", "visit"),
    "visit member": QT_TRANSLATE_NOOP("Records", "member of a visit"),
    "programme item": QT_TRANSLATE_NOOP("Records", "programme item"),
    "gift": QT_TRANSLATE_NOOP("Records", "gift"),
    "event": QT_TRANSLATE_NOOP("Records", "event"),
    "event session": QT_TRANSLATE_NOOP("Records", "session"),
    "invitation": QT_TRANSLATE_NOOP("Records", "invitation"),
    "delegate": QT_TRANSLATE_NOOP("Records", "delegate"),
    "level change": QT_TRANSLATE_NOOP("Records", "level change"),
}


def record_noun(entity: str) -> str:
    """The word for one record of the kind `entity` ("organization", "follow-up") in the
    current language; a kind Liaison does not know is shown as it is."""
    return translate("Records", _NOUNS[entity]) if entity in _NOUNS else entity


class LiaisonError(Exception):
    """Base for problems caused by the environment or the user's input, not by a bug."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseProblem(LiaisonError):
    """The database cannot be opened or written: wrong file, read-only, locked, too new..."""


class NoDatabase(DatabaseProblem):
    """A SQLite path where no database is, given to something that only opens one."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


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
        noun = record_noun(entity)
        if changes:
            # Field names are the change log's and stay as they are.
            detail = "; ".join(
                translate("Records", "{field} {old} → {new} by {who} at {at}").format(
                    field=c.field, old=_short(c.old), new=_short(c.new),
                    who=c.who or translate("Records", "someone"), at=c.at)
                for c in changes
            )
            message = translate(
                "Records", "This {noun} was changed by someone else since you opened it: "
                           "{changes}.").format(noun=noun, changes=detail)
        elif actual == 0:
            message = translate(
                "Records", "This {noun} was deleted by someone else since you opened it."
            ).format(noun=noun)
        else:
            message = translate(
                "Records", "This {noun} was changed by someone else since you opened it "
                           "(version {expected} → {actual})."
            ).format(noun=noun, expected=expected, actual=actual)
        super().__init__(message)


def _short(value: object) -> str:
    text = translate("Records", "empty") if value in (None, "", []) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
