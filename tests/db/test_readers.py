"""Reading the spreadsheets users bring: real files from the wild, small files made here with
openpyxl or by hand, and text tables in the encodings and delimiters colleagues' programs
write. Every bad file must end in one clear sentence, never another exception."""

from __future__ import annotations

import codecs
import shutil
import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.errors import LiaisonError
from db.exchange.readers import (
    MAX_FILE_BYTES,
    CellError,
    ReadCancelled,
    SheetInfo,
    SourceFile,
    UnreadableFile,
    open_source,
)
from db.exchange.readers_xlsx import NO_SAVED_VALUE
from db.exchange.workbook import encode_xstring
from tests.conftest import shared_data_dir

WILD = shared_data_dir() / "xlsx-wild"


def read_all(path: Path, sheet: str | None = None, **options: Any) -> list[list[Any]]:
    with open_source(path) as source:
        return source.read(sheet, **options).rows


def unreadable(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught, open_source(path) as source:
        for info in source.sheets:
            source.read(info.name)
    message = str(caught.value)
    assert_one_sentence(message, path.name)
    return message


def assert_one_sentence(message: str, name: str) -> None:
    assert name in message
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".")
    assert message.count(". ") == 0, message  # one sentence: clauses join with ; or :


# ---------------------------------------------------------------------------------------------
# Hand-made packages

XLSX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
XLSX_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')


def handmade_xlsx(path: Path, sheet_data: str, *, sheets: int = 1) -> Path:
    """A minimal package whose one sheet holds `sheet_data` (the inside of <sheetData>)."""
    sheet_list = "".join(f'<sheet name="S{n}" sheetId="{n}" r:id="rId{n}"/>'
                         for n in range(1, sheets + 1))
    workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
                'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
                'openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                f'{sheet_list}</sheets></workbook>')
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
                     'schemas.openxmlformats.org/package/2006/relationships">'
                     + "".join(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats'
                               '.org/officeDocument/2006/relationships/worksheet" '
                               f'Target="worksheets/sheet{n}.xml"/>'
                               for n in range(1, sheets + 1))
                     + "</Relationships>")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>'
             f"<sheetData>{sheet_data}</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", XLSX_CONTENT_TYPES)
        package.writestr("_rels/.rels", XLSX_RELS)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for n in range(1, sheets + 1):
            package.writestr(f"xl/worksheets/sheet{n}.xml", sheet)
    return path


def handmade_ods(path: Path, tables: dict[str, list[list[str]]]) -> Path:
    def cell(text: str) -> str:
        return ('<table:table-cell office:value-type="string"><text:p>'
                f"{text}</text:p></table:table-cell>")

    body = "".join(
        f'<table:table table:name="{name}">'
        + "".join("<table:table-row>" + "".join(cell(text) for text in row)
                  + "</table:table-row>" for row in rows)
        + "</table:table>" for name, rows in tables.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f"{body}</office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                'vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


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


# ---------------------------------------------------------------------------------------------
# Every real workbook in the shared data

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
