"""Reading the spreadsheets users bring: real files from the wild, small files made here with
openpyxl or by hand, and text tables in the encodings and delimiters colleagues' programs
write. Every bad file must end in one clear sentence, never another exception."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.exchange.reading.readers import (
    MAX_FILE_BYTES,
    CellError,
    ReadCancelled,
    SheetInfo,
    UnreadableFile,
    open_source,
)
from db.exchange.reading.readers_xlsx import NO_SAVED_VALUE
from db.exchange.workbook import encode_xstring
from db.store.errors import LiaisonError
from tests.db.reader_helpers import (
    WILD,
    XLSX_CONTENT_TYPES,
    XLSX_RELS,
    handmade_ods,
    handmade_xlsx,
    read_all,
    unreadable,
)

# ---------------------------------------------------------------------------------------------
# Excel workbooks

def test_values_keep_their_types_and_exact_text(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "联系人"
    sheet.append(["名称", "国家", "备注", "数", "日期", "时间戳", "时间", "是否"])
    sheet.append(["中国共产党", "中国", "  spaces kept  ", 5, date(2024, 3, 1),
                  datetime(2024, 3, 1, 14, 30), time(9, 15), True])
    sheet.append(["007", "🇲🇽 Morena 🌹", encode_xstring("line 1\r\nline 2\nline 3"), 2.5,
                  None, None, None, False])
    sheet.append(["حزب البعث", "Partido Socialista Unificado de México"])
    path = tmp_path / "contacts.xlsx"
    workbook.save(path)

    with open_source(path) as source:
        assert source.format == "xlsx"
        assert source.sheets == (SheetInfo("联系人", False),)
        assert source.encoding is None and source.delimiter is None
        table = source.read()
    assert table.sheet == "联系人" and not table.truncated
    assert table.rows == [
        ["名称", "国家", "备注", "数", "日期", "时间戳", "时间", "是否"],
        ["中国共产党", "中国", "  spaces kept  ", 5.0, date(2024, 3, 1),
         datetime(2024, 3, 1, 14, 30), time(9, 15), True],
        ["007", "🇲🇽 Morena 🌹", "line 1\r\nline 2\nline 3", 2.5, None, None, None, False],
        ["حزب البعث", "Partido Socialista Unificado de México", None, None, None, None, None,
         None],
    ]
    assert isinstance(table.rows[1][3], float)  # whole numbers stay floats: the caller decides


def test_rows_are_anchored_at_a1_and_trailing_blanks_trimmed(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["C5"] = "header"
    sheet["D6"] = "value"
    sheet["F20"] = ""        # an empty string far away is nothing
    sheet["H30"].number_format = "0.00"  # formatting alone is nothing
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    rows = read_all(path)
    assert len(rows) == 6 and all(len(row) == 4 for row in rows)
    assert rows[4][2] == "header" and rows[5][3] == "value"
    assert rows[0] == [None] * 4

    # Real files whose data starts below or right of A1.
    header_row = read_all(WILD / "calamine__header-row.xlsx")
    assert header_row[2][2] == "Note 1"
    assert header_row[8] == ["Columns", "Column A", "Column B", "Column C"]
    korean = read_all(WILD / "calamine__issue_553.xlsx")
    assert korean[0] == [None, None] and korean[1] == [None, "영어"]
    assert read_all(WILD / "roo__header_offset.xlsx")[:2] == [["Header A1", "Header B1"],
                                                             ["Data A2", "Data B2"]]


def test_dates_in_the_1900_and_1904_systems() -> None:
    expected = [[date(2021, 1, 1), 15.0], [date(2021, 1, 2), 16.0],
                [timedelta(days=10, seconds=54610), 17.0]]
    assert read_all(WILD / "calamine__date.xlsx") == expected
    assert read_all(WILD / "calamine__date_1904.xlsx") == expected
    assert read_all(WILD / "openpyxl__date_1900.xlsx") == [[date(2011, 10, 31)]]
    assert read_all(WILD / "sheetjs__DataTypesFormats.xlsx")[:2] == [
        ["Date", date(2020, 7, 23)], ["Date Time", datetime(2020, 7, 23, 9, 0)]]


def test_hidden_sheets_are_flagged_and_the_first_visible_is_the_default() -> None:
    with open_source(WILD / "roo__hidden_sheets.xlsx") as source:
        assert source.sheets == (SheetInfo("HiddenSheet1", True), SheetInfo("VisibleSheet1", False),
                                 SheetInfo("HiddenSheet2", True))
        assert source.read().sheet == "VisibleSheet1"
        assert source.read("HiddenSheet2").rows  # hidden sheets can still be read by name
    with open_source(WILD / "sheetjs__sheet_visibility.xlsx") as source:
        assert [(info.name, info.hidden) for info in source.sheets] == [
            ("Visible", False), ("Hidden", True), ("VeryHidden", True)]
    with open_source(WILD / "calamine__any_sheets.xlsx") as source:  # a chart sheet has no cells
        assert [info.name for info in source.sheets] == ["Visible", "Hidden", "VeryHidden"]


def test_an_unknown_sheet_names_the_sheets_there_are() -> None:
    with open_source(WILD / "roo__hidden_sheets.xlsx") as source, pytest.raises(
            UnreadableFile) as caught:
        source.read("Partners")
    assert str(caught.value) == ("“roo__hidden_sheets.xlsx” has no sheet named “Partners”; its "
                                 "sheets are “HiddenSheet1”, “VisibleSheet1” and "
                                 "“HiddenSheet2”.")


def test_error_cells_become_cell_errors() -> None:
    rows = read_all(WILD / "calamine__errors.xlsx")
    assert [row[0] for row in rows] == [
        CellError(f"The cell holds the error {code}.")
        for code in ("#DIV/0!", "#NAME?", "#VALUE!", "#NULL!", "#REF!", "#NUM!", "#N/A")]
    information = read_all(WILD / "sheetjs__formula_stress_test.xlsx", "Information")
    assert information[1][2] == CellError("The cell holds the error #DIV/0!.")


def test_formulas_without_a_saved_value_become_cell_errors(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()  # openpyxl saves formulas without calculating them
    sheet = workbook.active
    sheet["A1"] = 1
    sheet["B1"] = "=A1*2"
    sheet["A2"] = "=1/0"
    sheet["D3"] = '=CONCAT("a", "b")'  # beyond every cell calamine sees
    path = tmp_path / "formulas.xlsx"
    workbook.save(path)
    never = CellError(NO_SAVED_VALUE)
    assert read_all(path) == [[1.0, never, None, None],
                              [never, None, None, None],
                              [None, None, None, never]]

    # Saved values are read as values; SheetJS wrote three formulas without one.
    formulae = read_all(WILD / "openpyxl__formulae.xlsx")
    assert [row[0] for row in formulae[1:5]] == [12345.0, 12345.0, 24690.0, 49380.0]
    assert formulae[6] == [49380.0, CellError("The cell holds the error #VALUE!."), 0.0, 0.0,
                           0.0]
    wtf = read_all(WILD / "sheetjs__wtf_path.xlsx")
    assert wtf[0] == [1.0, 2.0, 3.0, never, never]
    assert wtf[1][2] == never


def test_carriage_returns_and_escapes_are_decoded() -> None:
    assert read_all(WILD / "calamine__has_x000D_.xlsx") == [["ABC\r\nDEF"]]
    assert read_all(WILD / "calamine__has_x000D_inline.xlsx") == [["ABC\r\nDEF"]]
    assert read_all(WILD / "sheetjs__crlf_crlf.xlsx")[:2] == [["Normal", "abc\ndef"],
                                                             ["Formula", "abc\r\ndef"]]


def test_merged_cells_keep_their_value_top_left() -> None:
    rows = read_all(WILD / "xlrd__reveng1.xlsx", "AAA2ndsheet")
    assert rows[2] == ["nm", "merged cells can be quite a barrel of fun", None, None, "nm"]
    assert rows[3][1] is None


def test_limit_reads_a_preview_and_says_when_rows_were_left(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("big")
    for number in range(1, 10_001):
        sheet.append([f"party {number}", number])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    with open_source(path) as source:
        preview = source.read(limit=25)
        assert len(preview.rows) == 25 and preview.truncated
        assert preview.rows[24] == ["party 25", 25.0]
        whole = source.read()  # the parsed sheet is reused
        assert len(whole.rows) == 10_000 and not whole.truncated
        assert not source.read(limit=10_000).truncated


def test_cancelling_stops_the_reading(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("big")
    for number in range(20_000):
        sheet.append([number])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with open_source(path) as source, pytest.raises(ReadCancelled) as caught:
        source.read(cancelled=cancelled)
    assert isinstance(caught.value, LiaisonError) and isinstance(caught.value, InterruptedError)

    csv_path = tmp_path / "big.csv"
    csv_path.write_text("\n".join(f"row {n},x" for n in range(20_000)), encoding="utf-8")
    with open_source(csv_path) as source, pytest.raises(ReadCancelled):
        source.read(cancelled=lambda: True)


def test_strict_ooxml_and_utf16_packages_are_read() -> None:
    strict = read_all(WILD / "calamine__strict_iso_paths.xlsx")
    assert len(strict) == 76 and strict[0][0] is not None
    with open_source(WILD / "sheetjs__sheet_visibility_strict.xlsx") as source:
        assert [info.hidden for info in source.sheets] == [False, True, True]
        assert source.read("VeryHidden").rows
    pfand = read_all(WILD / "roo__Pfand_from_windows_phone.xlsx")  # UTF-16 XML parts
    assert len(pfand) == 7 and any(value is not None for value in pfand[0])


def test_renamed_files_are_read_for_what_they_are(tmp_path: Path) -> None:
    # An Excel 97-2003 file saved under .xlsx, and the same under its own name.
    for name in ("renamed.xlsx", "real.xls"):
        path = shutil.copy(WILD / "roo__type_excel.xlsx", tmp_path / name)
        with open_source(path) as source:
            assert source.format == "xls"
            rows = source.read().rows
        assert rows[0] == [None] * 6  # the table starts on row 3
        assert rows[2] == ["Date", "Start time", "End time", "Pause", "Sum", "Comment"]
        assert rows[3][:3] == [date(2007, 5, 7), 9.25, 10.25]

    ods = handmade_ods(tmp_path / "partners.ods", {"Parties": [["名称", "国家"], ["越南共产党", "越南"]],
                                                   "Notes": [["x"]]})
    for path in (ods, shutil.copy(ods, tmp_path / "partners.xlsx")):
        with open_source(path) as source:
            assert source.format == "ods"
            assert [info.name for info in source.sheets] == ["Parties", "Notes"]
            assert source.read().rows == [["名称", "国家"], ["越南共产党", "越南"]]

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "ok"
    workbook.save(tmp_path / "book.xlsx")
    as_csv = shutil.copy(tmp_path / "book.xlsx", tmp_path / "book.csv")
    with open_source(as_csv) as source:
        assert source.format == "xlsx" and source.read().rows == [["ok"]]

    text = tmp_path / "export.xls"  # a web system's "Excel export" that is really text
    text.write_text("name\tcountry\nMorena\tMEX\n", encoding="utf-8")
    with open_source(text) as source:
        assert (source.format, source.delimiter) == ("tsv", "\t")
        assert source.read().rows == [["name", "country"], ["Morena", "MEX"]]


def test_far_away_cells_are_refused_before_calamine_lays_them_out(tmp_path: Path) -> None:
    first = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    spread = handmade_xlsx(tmp_path / "spread.xlsx",
                           first + '<row r="300000"><c r="XFD300000"><v>1</v></c></row>')
    message = unreadable(spread)
    assert "from A1 to XFD300000" in message and "stray cells" in message

    # A declared dimension of a million rows, or a far cell with formatting only, is nothing.
    formatted = handmade_xlsx(tmp_path / "formatted.xlsx",
                              first + '<row r="1048576"><c r="XFD1048576" s="1"/></row>')
    assert read_all(formatted) == [["x"]]
    far_blank = handmade_xlsx(tmp_path / "far_blank.xlsx", first + '<row r="900000"><c '
                              'r="A900000" t="inlineStr"><is><t></t></is></c></row>')
    assert read_all(far_blank) == [["x"]]


def test_the_cells_of_every_sheet_in_a_handmade_package(tmp_path: Path) -> None:
    path = handmade_xlsx(tmp_path / "two.xlsx", '<row r="2"><c r="B2"><v>7</v></c></row>',
                         sheets=2)
    with open_source(path) as source:
        assert [info.name for info in source.sheets] == ["S1", "S2"]
        assert source.read("S2").rows == [[None, None], [None, 7.0]]


# ---------------------------------------------------------------------------------------------
# Text tables

WESTERN = [["name", "country", "note"],
           ["Partido Socialista Unificado de México", "MEX", "Ñuñoa; São Paulo"],
           ["Sozialdemokratische Partei Deutschlands – Zürich", "DEU", "Größe, „Anführung“"],
           ["Fianna Fáil", "IRL", None]]
CHINESE = [["名称", "国家", "备注"],
           ["中国共产党", "中国", "中联部，对外联络"],
           ["越南共产党", "越南", "胡志明市 | 河内"],
           ["统一俄罗斯党", "俄罗斯", "联系人：张喆、王堃"]]


def write_csv(path: Path, rows: list[list[Any]], encoding: str, delimiter: str) -> Path:
    lines = []
    for row in rows:
        fields = []
        for value in row:
            text = "" if value is None else value
            if any(char in text for char in (delimiter, '"', "\n", "\r")):
                text = '"' + text.replace('"', '""') + '"'
            fields.append(text)
        lines.append(delimiter.join(fields))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize(("encoding", "rows", "detected"), [
    ("utf-8", CHINESE, "utf-8"),
    ("utf-8", WESTERN, "utf-8"),
    ("utf-8-sig", CHINESE, "utf-8-sig"),
    ("utf-16", CHINESE, "utf-16"),
    ("utf-16", WESTERN, "utf-16"),
    ("utf-16-le", WESTERN, "utf-16-le"),
    ("gb18030", CHINESE, "gb18030"),
    ("gbk", CHINESE, "gb18030"),
    ("cp1252", WESTERN, "cp1252"),
])
def test_csv_encodings(tmp_path: Path, encoding: str, rows: list[list[Any]],
                       detected: str) -> None:
    path = write_csv(tmp_path / "parties.csv", rows, encoding, ",")
    with open_source(path) as source:
        assert (source.format, source.encoding, source.delimiter) == ("csv", detected, ",")
        assert source.sheets == (SheetInfo("parties", False),)
        assert source.read().rows == rows


@pytest.mark.parametrize(("text", "encoding"), [
    ("Ñuñoa\n", "cp1252"), ("Fianna Fáil;IRL\n", "cp1252"), ("Majorité\n", "cp1252"),
    ("Größe\n", "cp1252"), ("Les Républicains,France\r\n", "cp1252"),
    ("名称,国家\n越南共产党,越南\n", "gb18030"), ("张喆\n", "gb18030"), ("Zhang 张\n", "gb18030"),
])
def test_short_legacy_files(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "short.csv"
    path.write_bytes(text.encode(encoding))
    with open_source(path) as source:
        assert source.encoding == encoding
        assert source.read().rows[0][0] == text.split("\n")[0].split(",")[0].split(";")[0]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters(tmp_path: Path, delimiter: str) -> None:
    rows = [["name", "country", "note"],
            ["Morena", "MEX", "a, b; c | d"],  # the other candidates, quoted
            ["PT", "BRA", "first line\nsecond line"],  # a line break inside a field
            ["", "", "only a note"]]
    path = write_csv(tmp_path / "parties.txt", rows, "utf-8", delimiter)
    with open_source(path) as source:
        assert source.delimiter == delimiter
        assert source.format == ("tsv" if delimiter == "\t" else "csv")
        assert source.read().rows == [[value or None for value in row] for row in rows]


def test_csv_details(tmp_path: Path) -> None:
    single = tmp_path / "names.tsv"
    single.write_text("name\nMorena\nPT\n", encoding="utf-8")
    with open_source(single) as source:  # one column: the .tsv default stands
        assert source.delimiter == "\t" and source.read().rows == [["name"], ["Morena"], ["PT"]]

    declared = tmp_path / "excel.csv"
    declared.write_text("sep=;\nname;note\nMorena;a,b\n", encoding="utf-8")
    with open_source(declared) as source:  # Excel's sep= line names the delimiter, and is no row
        assert source.delimiter == ";"
        assert source.read().rows == [["name", "note"], ["Morena", "a,b"]]

    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b,c\nd\n,,,\n\n\n", encoding="utf-8")
    assert read_all(ragged) == [["a", "b", "c"], ["d", None, None]]

    spaces = tmp_path / "spaces.csv"
    spaces.write_text(' lead,trail , 007 ,"a ""quoted"" word"\n', encoding="utf-8")
    assert read_all(spaces) == [[" lead", "trail ", " 007 ", 'a "quoted" word']]

    many = tmp_path / "many.csv"
    many.write_text("".join(f"{n},x\n" for n in range(100)) + "\n\n", encoding="utf-8")
    with open_source(many) as source:
        assert source.read(limit=10).truncated
        assert not source.read(limit=100).truncated
        assert len(source.read().rows) == 100


def test_an_unclosed_quote_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('name,note\nMorena,"never closed\n' + "x" * 140_000 + "\n", encoding="utf-8")
    message = unreadable(path)
    assert "quotation mark" in message and "line" in message


# ---------------------------------------------------------------------------------------------
# Files that are not spreadsheets, or cannot be read

def test_bad_files_get_one_clear_sentence(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "is empty (0 bytes)" in unreadable(empty)

    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(bytes(range(256)) * 40)
    assert "is not a spreadsheet" in unreadable(garbage)

    pdf = tmp_path / "report.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    assert "is a PDF document, not a spreadsheet" in unreadable(pdf)

    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "x"
    workbook.save(tmp_path / "whole.xlsx")
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes((tmp_path / "whole.xlsx").read_bytes()[:3000])
    assert "damaged or incomplete" in unreadable(cut)

    archive = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("photo.jpg", b"\xff\xd8\xff" + b"x" * 100)
    assert "is a zip archive, not a spreadsheet" in unreadable(archive)

    zipped = tmp_path / "sent.zip"
    with zipfile.ZipFile(zipped, "w") as package:
        package.write(tmp_path / "whole.xlsx", "partners.xlsx")
    assert "unpack it and import that file" in unreadable(zipped)

    word = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(word, "w") as package:
        package.writestr("[Content_Types].xml", XLSX_CONTENT_TYPES.replace(
            "spreadsheetml.sheet.main", "wordprocessingml.document.main").replace(
            "/xl/workbook.xml", "/word/document.xml"))
        package.writestr("_rels/.rels", XLSX_RELS.replace("xl/workbook.xml", "word/document.xml"))
        package.writestr("word/document.xml", "<document/>")
    assert "is a Word document, not a spreadsheet" in unreadable(word)

    html = tmp_path / "export.xls"
    html.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    assert "web page (HTML)" in unreadable(html)

    xml2003 = tmp_path / "old.xls"
    xml2003.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
                       'spreadsheet"></Workbook>')
    assert "Excel 2003 XML spreadsheet" in unreadable(xml2003)

    no_sheets = handmade_xlsx(tmp_path / "nosheets.xlsx", "", sheets=0)
    assert "contains no sheets" in unreadable(no_sheets)

    assert "was not found" in unreadable(tmp_path / "missing.xlsx")
    assert "is a folder" in unreadable(tmp_path)


def test_a_zip_bomb_is_refused_before_anything_unpacks(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", XLSX_CONTENT_TYPES)
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 << 20))
    assert "made to exhaust memory" in unreadable(bomb)
    assert "hundreds of times its size" in unreadable(bomb)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    assert "larger than the 200 MB" in unreadable(big)
