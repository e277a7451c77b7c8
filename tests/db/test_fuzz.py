"""Fuzzing the readers and the importer (hypothesis): small valid files of every kind with their
bytes flipped, cut, inserted and spliced (and the XML inside a workbook mutated and zipped up
again, so the mutations reach past the zip's checksums), text tables and contact cards made of
odd lines, sheets of odd XML in a sound package. Whatever comes in, `open_source` and reading
every sheet raise nothing but UnreadableFile, and building the import's plan (the dry run: it
writes nothing) nothing but LiaisonError, the import's documented failure; anything else is a
bug, where a user would have seen "Liaison hit an unexpected error".

Brief by default (CI): 30 examples a test. LIAISON_FUZZ_EXAMPLES=N runs N, e.g.
    LIAISON_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/db/test_fuzz.py -m fuzz
Hypothesis draws new examples each run and prints how to reproduce a failure."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.exchange.imports.importer import build_plan
from db.exchange.reading.readers import UnreadableFile, open_source
from db.seed.opening import open_database
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.conftest import shared_data_dir
from tests.db.reader_helpers import XLSX_CONTENT_TYPES, XLSX_RELS, handmade_ods

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False, print_blob=True)
WILD = shared_data_dir() / "xlsx-wild"
CONTACTS = shared_data_dir() / "contacts"


# ---------------------------------------------------------------------------------------------
# What must hold for every file

def read_everything(path: Path) -> None:
    """Open the file and read every sheet, whole and as a preview: UnreadableFile or nothing."""
    with contextlib.suppress(UnreadableFile), open_source(path) as source:
        for info in source.sheets:
            source.read(info.name, limit=5)
            source.read(info.name)


def plan(database: Database, path: Path) -> None:
    with contextlib.suppress(LiaisonError):
        build_plan(database, path)


def check(database: Database, folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    read_everything(path)
    plan(database, path)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    opened = open_database(tmp_path_factory.mktemp("fuzz") / "liaison.sqlite3")
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("files")


# ---------------------------------------------------------------------------------------------
# The seeds: small valid files of every kind Liaison reads

def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Parties"
    sheet.append(["Name", "Country", "Founded", "Notes"])
    sheet.append(["Frelimo", "MZ", 1962, "=1/0"])
    sheet.append(["中国共产党", "中国", 1921, "x" * 40])
    sheet["F9"] = "far"
    people = book.create_sheet("People")
    people.append(["Name", "Email", "Organization"])
    people.append(["Jane Doe", "jane@example.org", "Frelimo"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _ods() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return handmade_ods(Path(folder) / "parties.ods", {
            "Parties": [["Name", "Country"], ["ANC", "ZA"], ["Frelimo", "MZ"]]}).read_bytes()


SEEDS: dict[str, tuple[str, bytes]] = {
    "xlsx": (".xlsx", _xlsx()),
    "ods": (".ods", _ods()),
    "csv": (".csv", "Name,Country,Founded\nFrelimo,MZ,1962\n\"Partido, \"\"Unido\"\"\",MX,\n"
                    "中国共产党,中国,1921\n".encode()),
    "tsv": (".tsv", "sep=\t\nName\tEmail\nJane Doe\tjane@example.org\n".encode("utf-16")),
    "gb18030": (".csv", "姓名,国家\n张三,中国\n".encode("gb18030")),
    "vcf": (".vcf", (CONTACTS / "ez-vcard__John_Doe_ANDROID.vcf").read_bytes()),
    "vcf4": (".vcf", (CONTACTS / "vobject__vcard40_full.vcf").read_bytes()),
    "outlook": (".vcf", (CONTACTS / "ez-vcard__outlook-2007.vcf").read_bytes()[:6000]),
    "xls": (".xls", (WILD / "roo__type_excel.xlsx").read_bytes()),
    "protected": (".xlsx", (WILD / "calamine__pass_protected.xlsx").read_bytes()),
    "wild": (".xlsx", (WILD / "calamine__errors.xlsx").read_bytes()),
}
SUFFIXES = (".xlsx", ".xls", ".ods", ".csv", ".tsv", ".vcf", ".txt", "")


# ---------------------------------------------------------------------------------------------
# Mutations of bytes: positions are fractions of the length, so one drawn list fits any seed

position = st.floats(min_value=0, max_value=1, exclude_max=True)
mutation = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(1, 255)),
    st.tuples(st.just("cut"), position),
    st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("delete"), position, st.integers(1, 512)),
    st.tuples(st.just("splice"), position, st.sampled_from(sorted(SEEDS)), position,
              st.integers(1, 2048)),
    st.tuples(st.just("repeat"), position, st.integers(1, 256), st.integers(2, 50)),
)


def mutated(data: bytes, mutations: list[tuple[Any, ...]]) -> bytes:
    out = bytearray(data)
    for kind, where, *args in mutations:
        at = int(where * len(out)) if out else 0
        if kind == "flip" and out:
            out[at] ^= args[0]
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = args[0]
        elif kind == "delete":
            del out[at:at + args[0]]
        elif kind == "splice":
            other = SEEDS[args[0]][1]
            start = int(args[1] * len(other))
            out[at:at] = other[start:start + args[2]]
        elif kind == "repeat":
            out[at:at] = out[at:at + args[0]] * args[1]
    return bytes(out)


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), mutations=st.lists(mutation, min_size=1, max_size=6),
       suffix=st.one_of(st.none(), st.sampled_from(SUFFIXES)))
def test_mutated_files(database: Database, folder: Path, seed: str,
                       mutations: list[tuple[Any, ...]], suffix: str | None) -> None:
    own_suffix, data = SEEDS[seed]
    check(database, folder, "mutated" + (own_suffix if suffix is None else suffix),
          mutated(data, mutations))


ZIPPED = sorted(name for name, (_suffix, data) in SEEDS.items() if data.startswith(b"PK"))


@FUZZ
@given(seed=st.sampled_from(ZIPPED), member=position,
       mutations=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_parts_of_a_package(database: Database, folder: Path, seed: str,
                                    member: float, mutations: list[tuple[Any, ...]]) -> None:
    """One part of a workbook mutated, the package zipped again with sound checksums: the
    mutations reach the XML, the readers' own pass over it, and calamine."""
    suffix, data = SEEDS[seed]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    name = sorted(parts)[int(member * len(parts))]
    parts[name] = mutated(parts[name], mutations)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part, content in parts.items():
            package.writestr(part, content)
    check(database, folder, "part" + suffix, out.getvalue())


# ---------------------------------------------------------------------------------------------
# Structured text: tables and cards made of odd lines

field = st.text(alphabet=st.sampled_from(
    [*'ab ,;\t|"\'\r\n\\=:\x00\x01\x7f\x85\u2028\ufeff\ufffd中é€😀', "\udc80"]), max_size=12)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "big5", "cp1252")


@FUZZ
@given(rows=st.lists(st.lists(field, min_size=1, max_size=5), min_size=1, max_size=8),
       delimiter=st.sampled_from(",;\t|"), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       quoting=st.booleans(), sep_line=st.booleans(), encoding=st.sampled_from(ENCODINGS),
       header=st.sampled_from(["Name,Country", "Name;Email", "Organization\tCountry", ""]))
def test_odd_text_tables(database: Database, folder: Path, rows: list[list[str]], delimiter: str,
                         newline: str, quoting: bool, sep_line: bool, encoding: str,
                         header: str) -> None:
    def cell(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if quoting else text

    lines = ([f"sep={delimiter}"] if sep_line else []) + ([header] if header else []) + [
        delimiter.join(cell(text) for text in row) for row in rows]
    data = newline.join(lines).encode(encoding, errors="surrogateescape"
                                      if encoding.startswith("utf-8") else "replace")
    check(database, folder, "table.csv", data)


NAMES = ("FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "NOTE", "GENDER", "KIND",
         "PHOTO", "LOGO", "AGENT", "VERSION", "BEGIN", "END", "X-ABSHOWAS", "item1.EMAIL",
         "X-PHONETIC-LAST-NAME", "BDAY", "ADR", "bogus name")
PARAMETERS = ("", ";ENCODING=QUOTED-PRINTABLE", ";QUOTED-PRINTABLE", ";ENCODING=b", ";BASE64",
              ";CHARSET=gb2312", ";CHARSET=utf-8", ";CHARSET=x-unknown", ";TYPE=CELL,PREF",
              ';TYPE="home,work"', ";ALTID=1;LANGUAGE=zh", ';X-Q="a:b;c"', ";")
VALUES = st.one_of(field, st.sampled_from([
    "VCARD", "2.1", "3.0", "4.0", "=E4=B8=AD=E6=96=87=", "=\r\n", "5Lit5paH", "!!!",
    "tel:+1-555-0100;ext=12", "Doe;Jane;;Dr.;", "org;individual", "M", "data:image/png;base64,",
    "\\n\\,\\;\\\\", "中文"]))


@FUZZ
@given(lines=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(PARAMETERS), VALUES,
                                st.sampled_from(["\r\n", "\n", "\r\n ", "\r\n\t", "\n\n"])),
                      max_size=20),
       wrapped=st.booleans(), encoding=st.sampled_from(ENCODINGS))
def test_odd_contact_cards(database: Database, folder: Path,
                           lines: list[tuple[str, str, str, str]], wrapped: bool,
                           encoding: str) -> None:
    body = "".join(f"{name}{params}:{value}{end}" for name, params, value, end in lines)
    text = f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}END:VCARD\r\n" if wrapped else (
        "BEGIN:VCARD\r\n" + body)
    data = text.encode(encoding, errors="surrogateescape" if encoding.startswith("utf-8")
                       else "replace")
    check(database, folder, "cards.vcf", data)


# ---------------------------------------------------------------------------------------------
# Sheets of odd XML in a sound package

reference = st.one_of(st.sampled_from(["A1", "B2", "a3", "XFD1048576", "AAAA1", "A0", "1A", "",
                                       "Z99999999"]),
                      st.builds(lambda c, r: f"{c}{r}", st.sampled_from(["A", "B", "AZ", "XFE"]),
                                st.integers(1, 2_000_000)))
cell_type = st.sampled_from(["", "s", "str", "inlineStr", "e", "b", "n", "d", "bogus"])
cell_text = st.one_of(field.map(lambda text: text.replace("&", "&amp;").replace("<", "&lt;")),
                      st.sampled_from(["#DIV/0!", "0", "1", "-1", "99", "1e308", "NaN", "&amp;",
                                       "&#0;", "&#x110000;", "&bogus;", "<![CDATA[x]]>", "]]>",
                                       "2024-02-30T25:61:00", "&lt;b&gt;"]))
cell = st.builds(
    lambda ref, kind, formula, value, inline, close: (
        "<c" + (f' r="{ref}"' if ref else "") + (f' t="{kind}"' if kind else "") + ">"
        + (f"<f>{formula}</f>" if formula is not None else "")
        + (f"<is><t>{value}</t></is>" if inline else f"<v>{value}</v>" if value else "")
        + ("</c>" if close else "")),
    reference, cell_type, st.one_of(st.none(), st.sampled_from(["1/0", "SUM(A1:A2)", ""])),
    cell_text, st.booleans(), st.sampled_from([True, True, True, False]))  # False: unclosed
row = st.builds(lambda number, cells: "<row" + (f' r="{number}"' if number is not None else "")
                + ">" + "".join(cells) + "</row>",
                st.one_of(st.none(), st.integers(0, 2_000_000)), st.lists(cell, max_size=6))
shared_item = cell_text.map(lambda text: f"<si><t>{text}</t></si>")


@FUZZ
@given(rows=st.lists(row, max_size=8), shared=st.lists(shared_item, max_size=5),
       prefix=st.sampled_from(["", "x:"]), doctype=st.booleans(),
       tail=st.sampled_from(["", "</sheetData>", "<sheetData>", "<row>", "\x00", "&"]))
def test_odd_sheet_xml(database: Database, folder: Path, rows: list[str], shared: list[str],
                       prefix: str, doctype: bool, tail: str) -> None:
    namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    body = "".join(rows)
    if prefix:
        body = body.replace("<", "<x:").replace("<x:/", "</x:").replace("<x:![", "<![")
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" '
              't="inlineStr"><is><t>Country</t></is></c></row>')
    if prefix:
        header = header.replace("<", "<x:").replace("<x:/", "</x:")
    dtd = '<!DOCTYPE worksheet [<!ENTITY e "x">]>' if doctype else ""
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?>{dtd}<{prefix}worksheet '
             f'xmlns{":x" if prefix else ""}="{namespace}"><{prefix}sheetData>{header}{body}'
             f"</{prefix}sheetData></{prefix}worksheet>{tail}")
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{namespace}">'
               + "".join(shared) + "</sst>")
    workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="' + namespace + '" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="S1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    relationships = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", XLSX_CONTENT_TYPES)
        package.writestr("_rels/.rels", XLSX_RELS)
        package.writestr("xl/workbook.xml", workbook)
        package.writestr("xl/_rels/workbook.xml.rels", relationships)
        package.writestr("xl/worksheets/sheet1.xml", sheet.encode("utf-8", "surrogateescape"))
        package.writestr("xl/sharedStrings.xml", strings.encode("utf-8", "surrogateescape"))
    check(database, folder, "sheet.xlsx", out.getvalue())
