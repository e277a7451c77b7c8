"""What reading a spreadsheet gives back (tables of values, sheets, unusable cells) and how it
fails: every failure is an `UnreadableFile` whose message is one sentence naming the file and
saying what to do. Used by `readers` and its format modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from db.store.errors import LiaisonError

KIND_NAMES = {"xlsx": "an Excel workbook", "xlsm": "an Excel workbook",
              "xlsb": "an Excel binary workbook", "xls": "an Excel 97-2003 workbook",
              "ods": "an OpenDocument spreadsheet"}
SAVE_AGAIN = "open it in a spreadsheet program, save it as .xlsx, and import that copy"


class UnreadableFile(LiaisonError):
    """A file that cannot be read as a spreadsheet; the message names it and says what to do."""


class ReadCancelled(LiaisonError, InterruptedError):
    """The user cancelled the reading. An InterruptedError too, as cancelled work in Liaison
    is (desktop.tasks treats it as a quiet cancel)."""

    def __init__(self) -> None:
        super().__init__("Reading the file was cancelled.")


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be used: an error value or a formula never calculated."""

    message: str


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool  # hidden or very hidden


@dataclass(frozen=True)
class Table:
    """One sheet's values: rows[i][j] is the cell in spreadsheet row i+1, column j+1 (always
    counted from A1). Every row has the same length; trailing empty rows and columns are
    trimmed. `truncated` is True when `limit` left rows with content unread."""

    sheet: str
    rows: list[list[Any]]
    truncated: bool = False


def not_spreadsheet(name: str, what: str | None = None) -> UnreadableFile:
    it_is = f"is {what}, not a spreadsheet" if what else "is not a spreadsheet"
    return UnreadableFile(f"“{name}” {it_is}; Liaison reads Excel (.xlsx, .xlsm, .xls), "
                          "OpenDocument (.ods) and text (.csv, .tsv) files.")


def damaged(name: str, kind: str) -> UnreadableFile:
    return UnreadableFile(f"“{name}” could not be read as {KIND_NAMES.get(kind, kind)}: it may be "
                          f"damaged or written by a program Liaison does not understand; "
                          f"{SAVE_AGAIN}.")


class PasswordProtected(UnreadableFile):
    pass


def password_protected(name: str) -> UnreadableFile:
    return PasswordProtected(f"“{name}” is protected by a password; open it in a spreadsheet "
                              "program, save a copy without the password, and import that copy.")


def is_panic(exc: BaseException) -> bool:
    """pyo3 turns a panic inside calamine into PanicException, a BaseException: on a file it
    chokes on, that is damage to report, not a reason to stop the program."""
    return type(exc).__name__ == "PanicException"
