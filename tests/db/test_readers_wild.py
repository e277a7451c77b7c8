"""Every real workbook in the shared data (../shared/data/xlsx-wild): each one reads, or ends
in one clear sentence naming the file."""

from __future__ import annotations

import codecs
import warnings
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.exchange.reading.readers import CellError, open_source
from db.exchange.reading.source import SourceFile
from tests.db.reader_helpers import (
    WILD,
    read_all,
    unreadable,
)

WILD_FILES = sorted(path.name for path in WILD.iterdir())

UNREADABLE = {
    "calamine__pass_protected.xlsx": "is protected by a password",
    "openpyxl__null_file.xlsx": "is empty (0 bytes)",
    "openpyxl__null_archive.xlsx": "empty zip archive, not a spreadsheet",
}
# Sheets that hold nothing (openpyxl agrees, where it can open the file).
EMPTY_SHEETS = {
    "calamine__any_sheets.xlsx": {"Hidden", "VeryHidden"},
    "calamine__empty_sheet.xlsx": {"Sheet1"},
    "calamine__errors.xlsx": {"Feuil2", "Feuil3"},
    "calamine__issue127.xlsx": {f"Sheet{n}" for n in range(1, 9)},
    "calamine__richtext-namespaced.xlsx": {"Sheet2", "Sheet3"},
    "openpyxl__bug304.xlsx": {"Sheet2", "Sheet3"},
    "openpyxl__date_1900.xlsx": {"Sheet2", "Sheet3"},
    "roo__Pfand_from_windows_phone.xlsx": {"Blatt2", "Blatt3"},
    "roo__emptysheets.xlsx": {"Tabelle1", "Tabelle2", "Tabelle3"},
    "roo__type_excel.xlsx": {"Sheet2", "Sheet3"},
    "sheetjs__author_snowman.xlsx": {"Sheet1"},
    "sheetjs__comments_stress_test.xlsx": {"Sheet7"},
    "sheetjs__freeze.xlsx": {"A2", "B1"},
    "xlrd__merged_cells.xlsx": {"Sheet1"},
    "xlrd__test_comments_gdocs.xlsx": {"Sheet1"},
    "xlrd__text_bar.xlsx": {"Sheet2", "Sheet3"},
}
FORMATS = {"roo__type_excel.xlsx": "xls"}
KNOWN_CELLS: dict[str, list[tuple[str, int, int, Any]]] = {  # sheet, row, column (1-based), value
    "calamine__issue_530.xlsx": [("出勤分类组织汇总表", 1, 1, "报表导出人："),
                                 ("出勤分类组织汇总表", 1, 2, "于国栋")],
    "calamine__issue_419.xlsx": [("Sheet1", 1, 1, "Hello")],
    "calamine__empty_s_attribute.xlsx": [("Sheet1", 1, 1, "Name"), ("Sheet1", 5, 2, 4.0)],
    "calamine__encoded_entities.xlsx": [("Sheet1", 1, 1, "&")],
    "roo__name_with_leading_slash.xlsx": [("Лист1", 1, 1, None)],
    "roo__boolean-from-google-sheets.xlsx": [("Sheet1", 1, 1, True)],
    "xlrd__reveng1.xlsx": [("ControlChars", 1, 2, "\x01")],
    "sheetjs__defined_names_unicode.xlsx": [("日本語のみ", 1, 1, None)],
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _openpyxl_cells(path: Path) -> dict[str, set[tuple[int, int]]] | None:
    """Where openpyxl finds values (None when it cannot open the file), as an outside check
    that nothing is silently left unread."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on extensions it drops
        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:
            return None
        try:
            return {sheet.title: {(cell.row - 1, cell.column - 1) for row in sheet.iter_rows()
                                  for cell in row if not _blank(getattr(cell, "value", None))}
                    for sheet in book.worksheets}
        finally:
            book.close()


@pytest.mark.parametrize("name", WILD_FILES)
def test_every_wild_workbook_reads_or_says_why(name: str) -> None:
    path = WILD / name
    if name in UNREADABLE:
        assert UNREADABLE[name] in unreadable(path)
        return
    with open_source(path) as source:
        assert source.format == FORMATS.get(name, "xlsx")
        assert source.sheets, name
        tables = {info.name: source.read(info.name) for info in source.sheets}
        assert isinstance(source, SourceFile)
    empty = EMPTY_SHEETS.get(name, set())
    for sheet, table in tables.items():
        assert table.sheet == sheet and not table.truncated
        widths = {len(row) for row in table.rows}
        assert len(widths) <= 1, "rows of one width"
        if table.rows:
            assert any(value is not None for value in table.rows[-1])
            assert any(row[-1] is not None for row in table.rows)
        has_content = any(value is not None for row in table.rows for value in row)
        assert has_content == (sheet not in empty), f"{name} / {sheet}"
        for row in table.rows:
            for value in row:
                assert value is None or isinstance(value, (
                    str, int, float, bool, date, time, timedelta, CellError)), repr(value)
                assert value != "", "empty cells are None"
    elsewhere = _openpyxl_cells(path)
    for sheet, cells in (elsewhere or {}).items():
        ours = {(r, c) for r, row in enumerate(tables[sheet].rows) for c, value in enumerate(row)
                if value is not None}
        assert cells <= ours, f"{name} / {sheet}: openpyxl finds values at {cells - ours}"
    for sheet, row_number, column, value in KNOWN_CELLS.get(name, []):
        cell = tables[sheet].rows[row_number - 1][column - 1]
        assert cell == value if value is not None else cell is not None


def test_wild_files_the_xml_pass_understands() -> None:
    """Each readable package's sheets are found in the zip, so errors, formulas without a
    value and far-flung cells are looked for in every one of them."""
    for name in WILD_FILES:
        if name in UNREADABLE or name in FORMATS:
            continue
        with open_source(WILD / name) as source:
            assert {info.name for info in source.sheets} <= set(source._parts), name


def test_unpreserved_blanks_are_dropped_as_calamine_does() -> None:
    """Text written without xml:space="preserve" (Excel and openpyxl always add it when text
    has outer blanks; a few generators do not) loses its outer blanks, and text of blanks only
    (" ", a lone line break) reads as empty; for an import both are the same anyway."""
    rows = read_all(WILD / "calamine__minimal_package.xlsx")
    assert rows[3][4] == "WOODLEY                 AV"  # <t>        WOODLEY                 AV</t>
    assert rows[3][6] is None  # <t> </t>
    assert read_all(WILD / "calamine__encoded_entities.xlsx") == [["&"]]


def test_one_line_messages_name_the_file_in_the_walk() -> None:
    for name, expected in UNREADABLE.items():
        message = unreadable(WILD / name)
        assert expected in message and codecs.BOM_UTF8.decode() not in message
