"""What the reader tests share: reading a whole sheet, expecting one clear sentence, and
workbook packages written by hand (to hold what no spreadsheet program writes)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from db.exchange.reading.readers import UnreadableFile, open_source
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
