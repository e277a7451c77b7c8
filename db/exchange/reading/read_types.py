"""What reading a spreadsheet gives back (tables of values, sheets, unusable cells) and how it
fails: every failure is an `UnreadableFile` whose message is one sentence naming the file and
saying what to do. Used by `readers` and its format modules."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import Any
from xml.parsers.expat import ExpatError

from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

# What each format is, as a sentence names it; translated where it is shown.
KIND_NAMES = {"xlsx": QT_TRANSLATE_NOOP("Reading", "an Excel workbook"),
              "xlsm": QT_TRANSLATE_NOOP("Reading", "an Excel workbook"),
              "xlsb": QT_TRANSLATE_NOOP("Reading", "an Excel binary workbook"),
              "xls": QT_TRANSLATE_NOOP("Reading", "an Excel 97-2003 workbook"),
              "ods": QT_TRANSLATE_NOOP("Reading", "an OpenDocument spreadsheet")}


class UnreadableFile(LiaisonError):
    """A file that cannot be read as a spreadsheet; the message names it and says what to do."""


class ReadCancelled(LiaisonError, InterruptedError):
    """The user cancelled the reading. An InterruptedError too, as cancelled work in Liaison
    is (desktop.jobs.worker treats it as a quiet cancel)."""

    def __init__(self) -> None:
        super().__init__(translate("Reading", "Reading the file was cancelled."))


@dataclass(frozen=True)
class CellError:
    """A cell whose value cannot be used: an error value or a formula never calculated."""

    message: str


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool  # hidden or very hidden


@dataclass(frozen=True)
class ReadWarning:
    """Something the reader left out of a sheet, in the user's words: `row` is the sheet row
    it concerns (None: the file as a whole). The import shows it among the plan's warnings."""

    row: int | None
    message: str


@dataclass(frozen=True)
class Table:
    """One sheet's values: rows[i][j] is the cell in spreadsheet row i+1, column j+1 (always
    counted from A1). Every row has the same length; trailing empty rows and columns are
    trimmed. `truncated` is True when `limit` left rows with content unread. `warnings`: what
    a reader that turns another format into rows (contact cards) could not carry over."""

    sheet: str
    rows: list[list[Any]]
    truncated: bool = False
    warnings: tuple[ReadWarning, ...] = ()


def not_spreadsheet(name: str, what: str | None = None) -> UnreadableFile:
    """`what`: what the file is instead ("a PDF document"), marked for the catalog."""
    if what:
        return UnreadableFile(translate(
            "Reading", "“{name}” is {what}, not a spreadsheet; Liaison reads Excel (.xlsx, "
                       ".xlsm, .xls), OpenDocument (.ods) and text (.csv, .tsv) files.").format(
            name=name, what=translate("Reading", what)))
    return UnreadableFile(translate(
        "Reading", "“{name}” is not a spreadsheet; Liaison reads Excel (.xlsx, .xlsm, .xls), "
                   "OpenDocument (.ods) and text (.csv, .tsv) files.").format(name=name))


def damaged(name: str, kind: str) -> UnreadableFile:
    what = translate("Reading", KIND_NAMES[kind]) if kind in KIND_NAMES else kind
    return UnreadableFile(translate(
        "Reading", "“{name}” could not be read as {what}: it may be damaged or written by a "
                   "program Liaison does not understand; open it in a spreadsheet program, "
                   "save it as .xlsx, and import that copy.").format(name=name, what=what))


def file_problem(name: str, exc: OSError) -> UnreadableFile:
    """What the system's refusal to open or read a file means to the user."""
    if isinstance(exc, FileNotFoundError):
        return not_found(name)
    if isinstance(exc, PermissionError):
        return UnreadableFile(translate("Reading", "Liaison is not allowed to read “{name}”.")
                              .format(name=name))
    return UnreadableFile(translate("Reading", "“{name}” could not be read ({reason}).").format(
        name=name, reason=exc.strerror or translate("Reading", "the system refused")))


def not_found(name: str) -> UnreadableFile:
    return UnreadableFile(translate(
        "Reading", "“{name}” was not found; it may have been moved or deleted.").format(
        name=name))


def changed_while_read(name: str) -> UnreadableFile:
    """The file was replaced, cut short or grew between opening it and reading it: what was
    read no longer belongs together (a download or a program still writing it)."""
    return UnreadableFile(translate(
        "Reading", "“{name}” changed while Liaison was reading it; wait until the program "
                   "writing it has finished, then import it again.").format(name=name))


def nul_character(name: str, line: int) -> UnreadableFile:
    return UnreadableFile(translate(
        "Reading", "“{name}” holds a NUL character at line {line}, which a text table never "
                   "does, so the file is damaged or not a table; ask for a fresh copy.").format(
        name=name, line=line))


def declares_entities(name: str) -> UnreadableFile:
    return UnreadableFile(translate(
        "Reading", "“{name}” declares XML entities of its own, which spreadsheet programs never "
                   "write but files made to exhaust memory or to read other files do, so "
                   "Liaison does not open it.").format(name=name))


class PasswordProtected(UnreadableFile):
    """The file is encrypted with a password (Office's own encryption): give it
    (`readers.remember_password`, the import wizard asks, the command line reads
    LIAISON_WORKBOOK_PASSWORD) and read it again."""


class WrongPassword(PasswordProtected):
    pass


def password_protected(name: str) -> UnreadableFile:
    return PasswordProtected(translate(
        "Reading", "“{name}” is protected by a password: give its password to import it.")
        .format(name=name))


def wrong_password(name: str) -> UnreadableFile:
    return WrongPassword(translate(
        "Reading", "That password does not open “{name}”; check it (letters are "
                   "case-sensitive) and try again.").format(name=name))


# What a damaged or unusual file makes the unpacking and parsing raise — zip, inflate, XML
# (defusedxml's refusals are ValueErrors, ElementTree's ParseError a SyntaxError, expat's own
# error, which minidom raises inside msoffcrypto, neither), text
# decoding, a part missing or cut short, an encrypted or unsupported zip feature — all of it is
# damage to tell the user about in one sentence. Anything else is a bug in Liaison and goes to
# the report, never blamed on the user's file.
DAMAGE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, IndexError, ValueError,
    NotImplementedError, RuntimeError, SyntaxError, OverflowError, ExpatError)


def is_panic(exc: BaseException) -> bool:
    """pyo3 turns a panic inside calamine into PanicException, a BaseException: on a file it
    chokes on, that is damage to report, not a reason to stop the program."""
    return type(exc).__name__ == "PanicException"
