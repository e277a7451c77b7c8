"""Sheets for people to read — a list as the app shows it, an organization's dossier — as
opposed to the Liaison workbook, which is built to come back. Each sheet has a bold title line
saying what it is and when it was exported, a bold frozen header with an autofilter, set
column widths, real date cells, and text that no spreadsheet program evaluates (the workbook
format's rules, see workbook.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from db.exchange.export.output import text_cell
from db.exchange.workbook import MAX_CELL_CHARS, NOT_PLAIN, column_letter
from db.models.vocabulary import Term
from db.store.translation import QT_TRANSLATE_NOOP, translate

HEADER_FILL = "DCE6F1"
OVERDUE_COLOR = "B3261E"
CUT = QT_TRANSLATE_NOOP("Export", " … [cut here: the whole text is in Liaison]")
_not_plain = NOT_PLAIN.search


@dataclass(frozen=True)
class Column:
    title: str  # English, marked with QT_TRANSLATE_NOOP("Columns", ...); shown translated
    width: int = 16
    wrap: bool = False  # long text: wrapped and top-aligned (small sheets only: styled cells)


def exported_at(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")


def label(vocabulary: dict[str, Term], code: str | None) -> str | None:
    """The term for a stored code in the current language, as the lists show it."""
    if not code:
        return None
    term = vocabulary.get(code)
    return term.label() if term else code


def both_labels(vocabulary: dict[str, Term], code: str | None) -> str | None:
    """English and Chinese, as a record's page shows them."""
    if not code:
        return None
    term = vocabulary.get(code)
    return f"{term.en} {term.zh}" if term else code


def joined(items: Iterable[str | None], separator: str = "; ") -> str | None:
    return separator.join(item for item in items if item) or None


def fit(text: str) -> str:
    """Text a cell can hold: an over-long note is cut with a visible mark (this is a sheet to
    read; the Liaison workbook refuses such text instead, since it must come back whole)."""
    if len(text) <= MAX_CELL_CHARS:
        return text
    cut = translate("Export", CUT)
    return text[:MAX_CELL_CHARS - len(cut)] + cut


class ReportSheet:
    """One write-only sheet: title line (row 1), header (row 2, frozen, autofilter), rows."""

    def __init__(self, book: Any, name: str, title: str, columns: list[Column], *,
                 autofilter: bool = True) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.cell_type = WriteOnlyCell
        self.ws = ws = book.create_sheet(name)
        self.columns = columns
        self.autofilter = autofilter
        self.rows = 0
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.wrapped = frozenset(i for i, column in enumerate(columns) if column.wrap)
        self.overdue = Font(color=OVERDUE_COLOR)
        for number, column in enumerate(columns, start=1):
            ws.column_dimensions[column_letter(number)].width = column.width
        ws.freeze_panes = "A3"
        heading = WriteOnlyCell(ws, value=title)
        heading.font = Font(bold=True, size=13)
        ws.append([heading])
        bold = Font(bold=True)
        fill = PatternFill("solid", fgColor=HEADER_FILL)
        rule = Border(bottom=Side(style="thin", color="7F7F7F"))
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=translate("Columns", column.title))
            cell.font, cell.fill, cell.border = bold, fill, rule
            header.append(cell)
        ws.append(header)

    def cell(self, value: Any, index: int = -1) -> Any:
        """A value as a cell: numbers and dates as they are (openpyxl gives a date the
        yyyy-mm-dd format), text exactly and never as a formula."""
        kind = value.__class__
        if kind is str:
            if len(value) > MAX_CELL_CHARS:
                value = fit(value)
            if index in self.wrapped:
                cell = text_cell(self.cell_type, self.ws, value)
                cell.alignment = self.wrap
                return cell
            if _not_plain(value) is None:
                return value
            return text_cell(self.cell_type, self.ws, value)
        if value is None or kind is int or kind is float or kind is date:
            return value
        if isinstance(value, datetime):  # a moment: shown to the minute, in UTC, as text
            return exported_at(value)
        return self.cell(str(value), index)

    def append(self, values: list[Any], *, overdue_column: int | None = None) -> None:
        cells = [self.cell(value, i) for i, value in enumerate(values)]
        if overdue_column is not None:
            cell = self.cell_type(self.ws, value=values[overdue_column])
            cell.font = self.overdue
            cells[overdue_column] = cell
        self.ws.append(cells)
        self.rows += 1

    def finish(self) -> None:
        """The autofilter over the header and every row (written after the rows in the file,
        so it can be set once their number is known)."""
        if self.autofilter:
            last = column_letter(len(self.columns))
            self.ws.auto_filter.ref = f"A2:{last}{max(self.rows + 2, 3)}"
