"""Hostile and broken files (issue 15, item 6): XML and zip bombs, a 100 MB cell, malformed XML,
a text table with NUL bytes or damaged UTF-8, a folder given as the file, a file that disappears
while it is read, a contact card with a 50 MB photo. Each is made here, in tmp_path, and
imported with `liaison --db X import FILE` in a child process that measures itself: one clear
sentence naming the file within 200 MB of the child's own baseline and in time, exit code 1 (the
command line's "the work found errors and wrote nothing"), no traceback, no crash report, and
the database exactly as `liaison init` left it. The reader, called in this process, raises
UnreadableFile and nothing else: the app keeps running."""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import os
import sqlite3
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from db.cli.main import main
from db.exchange.reading.readers import CellError, UnreadableFile, open_source
from db.exchange.reading.xml_guards import LONG_TEXT
from tests.db.reader_helpers import (
    WILD,
    XLSX_CONTENT_TYPES,
    XLSX_RELS,
    read_all,
    unreadable,
)

ROOT = Path(__file__).resolve().parents[2]
MB = 1 << 20
# The bar is 2 s and 200 MB. Memory is the same on every machine and is held to the bar
# here; time is not: bench/hostile_bench.py measures it against the 2 s (and against reading
# the file raw), and the suite only catches what no noise explains — a read gone quadratic or
# a hang — at three times the bar.
BAR_SECONDS, GROWTH_MB = 2.0, 200
SECONDS = 3 * BAR_SECONDS

# The child: imports everything the import needs, takes its baseline, runs the command line,
# and reports the exit code, stderr, the time from just before the call to its end, and how
# far the peak resident memory rose above the baseline. The peak is Linux's VmHWM, which
# starts afresh with the new program: ru_maxrss would carry over the peak of this pytest
# process across fork and exec (elsewhere it is the fallback). `vanish` deletes or truncates
# the file right after the importer has opened it.
CHILD = r"""
import gc, io, json, os, resource, sys, time
import python_calamine
import db.cli.main, db.cli.imports, db.exchange.imports.importer, db.seed.opening
from db.exchange.imports import importer
database, file, vanish = sys.argv[1:4]
if vanish != "-":
    opened = importer.open_source
    def open_then_vanish(path, *args, **kwargs):
        source = opened(path, *args, **kwargs)
        if vanish == "delete":
            os.unlink(path)
        else:
            os.truncate(path, 0)
        return source
    importer.open_source = open_then_vanish
gc.collect()
def peak():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status
                        if line.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out, err = io.StringIO(), io.StringIO()
baseline = peak()
started = time.perf_counter()
code = db.cli.main.main(["--db", database, "import", file, *sys.argv[4:]], out, err)
seconds = time.perf_counter() - started
print(json.dumps({"code": code, "seconds": seconds, "growth_mb": (peak() - baseline) / 2**20,
                  "out": out.getvalue(), "err": err.getvalue()}))
"""


# ---------------------------------------------------------------------------------------------
# Running an import the way a user does, and checking what it left

def database_state(path: Path) -> tuple[str, dict[str, int]]:
    """The database file's sha256 and its number of people, organizations and batches."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("people", "organizations", "import_batches")}
    connection.close()
    return digest, counts


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "liaison.sqlite3"
    assert main(["--db", str(path), "init"], io.StringIO(), io.StringIO()) == 0
    return path


def run_import(database: Path, file: Path, *extra: str, vanish: str = "-") -> dict[str, Any]:
    state = database.parent / "state"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANGUAGE": "en", "XDG_STATE_HOME": str(state)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(database), str(file), vanish, *extra],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert not (state / "Liaison").exists(), "a crash report was written"
    return result


def assert_refused(database: Path, file: Path, expected: str, *, vanish: str = "-") -> None:
    """The import of `file` ends in one sentence holding `expected` and naming the file, in
    time and memory, and writes nothing."""
    before = database_state(database)
    result = run_import(database, file, vanish=vanish)
    message = result["err"]
    assert result["code"] == 1, result
    assert message.count("\n") == 1 and message.endswith(".\n"), message
    assert file.name in message and expected in message, message
    assert "Traceback" not in message and not result["out"]
    assert result["seconds"] < SECONDS, result
    assert result["growth_mb"] < GROWTH_MB, result
    assert database_state(database) == before
    print(f"{file.name}: {result['seconds']:.2f} s, +{result['growth_mb']:.0f} MB")


# ---------------------------------------------------------------------------------------------
# Workbooks made by hand

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + ' xmlns:r="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S1" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
CONTENT_TYPES = XLSX_CONTENT_TYPES.replace("</Types>", (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr">'
          '<is><t>Country</t></is></c></row>')
SHARED_ROW = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
# Billion laughs: ten to the ninth "lol"s, 3 GB, from a kilobyte.
LAUGHS = ('<!DOCTYPE {root} [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{n} "' + (f"&lol{n - 1};" if n > 1 else "&lol;") * 10 + '">'
    for n in range(1, 10)) + "]>")


def sheet_xml(rows: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet {NS}><sheetData>'
            f"{HEADER}{rows}</sheetData></worksheet>")


def shared_xml(*items: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<sst {NS} count="{len(items)}" '
            f'uniqueCount="{len(items)}">' + "".join(f"<si>{item}</si>" for item in items)
            + "</sst>")


def workbook(path: Path, sheet: str, shared: str | None = None, *,
             method: int = zipfile.ZIP_DEFLATED, level: int = 1,
             parts: dict[str, str] | None = None) -> Path:
    """A workbook of one sheet "S1" (and shared strings); `parts` replace the standard ones."""
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": XLSX_RELS,
               "xl/workbook.xml": WORKBOOK, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
               "xl/worksheets/sheet1.xml": sheet}
    if shared is not None:
        members["xl/sharedStrings.xml"] = shared
    members.update(parts or {})
    with zipfile.ZipFile(path, "w", method, compresslevel=level) as package:
        for name, text in members.items():
            package.writestr(name, text)
    return path


@functools.cache
def noise(size: int) -> str:
    """`size` letters and digits that do not compress (base64 of random bytes)."""
    return base64.b64encode(os.urandom(size * 3 // 4 + 3)).decode()[:size].translate(
        str.maketrans("+/", "xy"))


def raw_zip(path: Path, members: list[tuple[str, bytes, int, int, int]],
            aliases: Sequence[tuple[str, str]] = ()) -> Path:
    """A zip written byte by byte, to say what zipfile would not: (name, stored bytes, method,
    CRC, declared size) per member; `aliases` list more directory entries pointing at the
    body of a member already written (alias, member). ZIP64 when there are over 65,535."""
    out = bytearray()
    entries: list[tuple[bytes, int, int, int, int, int]] = []
    where: dict[str, tuple[int, int, int, int, int]] = {}
    for name, body, method, crc, size in members:
        encoded = name.encode()
        where[name] = (len(out), method, crc, len(body), size)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, method, 0, 0, crc, len(body),
                           size, len(encoded), 0) + encoded + body
        entries.append((encoded, *where[name]))
    entries += [(alias.encode(), *where[member]) for alias, member in aliases]
    start = len(out)
    for encoded, offset, method, crc, stored, size in entries:
        out += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, stored,
                           size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end, count = len(out), len(entries)
    if count > 0xFFFF:
        out += struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                           end - start, start)
        out += struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                       end - start, start, 0)
    path.write_bytes(out)
    return path


def stored(name: str, text: str) -> tuple[str, bytes, int, int, int]:
    data = text.encode()
    return name, data, 0, zlib.crc32(data), len(data)


def standard_members(sheet: str) -> list[tuple[str, bytes, int, int, int]]:
    return [stored("[Content_Types].xml", CONTENT_TYPES), stored("_rels/.rels", XLSX_RELS),
            stored("xl/workbook.xml", WORKBOOK),
            stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            stored("xl/worksheets/sheet1.xml", sheet)]


def deflated(chunks: Callable[[], Any]) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC, size) of the chunks."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    crc = size = 0
    body = bytearray()
    for chunk in chunks():
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        body += packer.compress(chunk)
    body += packer.flush()
    return bytes(body), crc, size


# ---------------------------------------------------------------------------------------------
# The hostile files, each refused in one sentence

def xml_bomb_in_shared_strings(path: Path) -> Path:
    return workbook(path, sheet_xml(SHARED_ROW),
                    shared_xml("<t>&lol9;</t>", "<t>MZ</t>", doctype=LAUGHS.format(root="sst")))


def xml_bomb_in_sheet(path: Path) -> Path:
    return workbook(path, sheet_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is>'
                                    "</c></row>", doctype=LAUGHS.format(root="worksheet")))


def xml_bomb_in_workbook(path: Path) -> Path:
    return workbook(path, sheet_xml(""), parts={"xl/workbook.xml": WORKBOOK.replace(
        "?><workbook", "?>" + LAUGHS.format(root="workbook") + "<workbook").replace(
        'name="S1"', 'name="&lol9;"')})


def external_entity(path: Path) -> Path:
    """An entity that would read another file of the user's into the import."""
    secret = path.parent / "secret.txt"
    secret.write_text("TOP-SECRET-SENTENCE")
    return workbook(path, sheet_xml(SHARED_ROW), shared_xml(
        "<t>&xxe;</t>", "<t>MZ</t>",
        doctype=f'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'))


def many_members(path: Path) -> Path:
    """200,000 empty parts in 20 MB: zipfile alone would spend 200 MB and a second on the
    list (test_readers covers the one part that unpacks to hundreds of times its size)."""
    return raw_zip(path, standard_members(sheet_xml("")) + [
        (f"xl/media/image{n}.png", b"", 0, 0, 0) for n in range(200_000)])


def overlapping_members(path: Path) -> Path:
    """A "better zip bomb": 2,000 directory entries share one deflated 8 MB sheet."""
    body, crc, size = deflated(lambda: [sheet_xml("").encode()[:-30], b" " * (8 * MB)])
    return raw_zip(path, [*standard_members(sheet_xml(""))[:4],
                          ("xl/worksheets/sheet1.xml", body, 8, crc, size)],
                   [(f"xl/worksheets/copy{n}.xml", "xl/worksheets/sheet1.xml")
                    for n in range(2_000)])


def lying_sizes(path: Path) -> Path:
    """Shared strings that say they unpack to 1 KB, and unpack to 200 MB of one string."""
    start, end = shared_xml("<t>X</t>").encode().split(b"X")
    body, crc, _size = deflated(lambda: [start, *(b"a" * MB for _ in range(200)), end])
    return raw_zip(path, [*standard_members(sheet_xml(SHARED_ROW)),
                          ("xl/sharedStrings.xml", body, 8, crc, 1024)])


def nested_bomb(path: Path) -> Path:
    """A zip bomb inside a zip: Liaison does not unpack archives, it says to."""
    inner = path.parent / "partners.xlsx"
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", XLSX_CONTENT_TYPES)
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * MB))
    with zipfile.ZipFile(path, "w") as package:
        package.write(inner, inner.name)
    return path


def long_shared_string(path: Path) -> Path:
    """A 100 MB shared string of letters that do not compress, stored: no zip ratio gives it
    away, and calamine would build it whole when the workbook opens."""
    return workbook(path, sheet_xml(SHARED_ROW),
                    shared_xml(f"<t>{noise(100 * MB)}</t>", "<t>MZ</t>"),
                    method=zipfile.ZIP_STORED)


def long_inline_string(path: Path) -> Path:
    return workbook(path, sheet_xml(f'<row r="2"><c r="A2" t="inlineStr"><is><t>'
                                    f"{noise(100 * MB)}</t></is></c></row>"),
                    method=zipfile.ZIP_STORED)


def compressible_long_shared_string(path: Path, level: int = 9) -> Path:
    """The same 100 MB cell in a 100 KB file: the zip's ratio gives it away. Deflated less
    hard (level 1), it passes under that ratio and is found by its length."""
    return workbook(path, sheet_xml(SHARED_ROW), shared_xml(f"<t>{'a' * (100 * MB)}</t>"),
                    level=level)


def compressible_long_inline_string(path: Path, level: int = 9) -> Path:
    return workbook(path, sheet_xml(f'<row r="2"><c r="A2" t="inlineStr"><is><t>'
                                    f"{'a' * (100 * MB)}</t></is></c></row>"), level=level)


def malformed_sheet(path: Path) -> Path:
    return workbook(path, sheet_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>Frelimo</is>'
                                    '</c><c r="B2"><v>1</row>'))


def cells_below_their_row(path: Path) -> Path:
    """Found by fuzzing: a cell whose reference lies far below its row element. The check of
    how far a sheet reaches took rows from row elements only; calamine, placing cells by their
    reference, asked for 472 GB and aborted the program."""
    return workbook(path, sheet_xml('<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c>'
                                    '<c r="B900000"><v>1</v></c></row>'))


def four_letter_column(path: Path) -> Path:
    """A reference past XFD, in four letters, which calamine honours (column 18,279)."""
    return workbook(path, sheet_xml('<row r="2000"><c r="A2000"><v>1</v></c><c r="AAAA2000">'
                                    "<v>1</v></c></row>"))


def cells_without_references(path: Path) -> Path:
    """Found by fuzzing: cells without an `r`, which calamine puts after the cell before;
    200,000 empty ones before a value reach column 200,001 in row 1,048,576 (calamine asked
    for 6.7 TB and aborted the program)."""
    return workbook(path, sheet_xml('<row r="1048576">' + "<c/>" * 200_000 + "<c><v>1</v></c>"
                                    "</row>"))


def long_csv_field(path: Path) -> Path:
    path.write_bytes(b"Name,Country\n" + noise(100 * MB).encode() + b",MZ\n")
    return path


def long_csv_line(path: Path) -> Path:
    """100 MB of short fields on one line: no field is too long, the line is."""
    path.write_bytes(b"Name,Country\nFrelimo," + b"MZ," * (33 * MB) + b"\n")
    return path


def csv_with_nul(path: Path) -> Path:
    path.write_bytes(b"Name,Country\nFre\x00limo,MZ\nANC,ZA\n")
    return path


def csv_with_late_nul(path: Path) -> Path:
    """A NUL far past the first 256 KB, which the csv module would pass into a name."""
    path.write_bytes(b"Name,Country\n" + b"Frelimo,MZ\n" * 30_000 + b"Fre\x00limo,MZ\n")
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


HOSTILE: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "xml bomb in shared strings": ("laughs.xlsx", xml_bomb_in_shared_strings,
                                   "declares XML entities of its own"),
    "xml bomb in a sheet": ("laughs.xlsx", xml_bomb_in_sheet, "declares XML entities of its own"),
    "xml bomb in the workbook": ("laughs.xlsx", xml_bomb_in_workbook,
                                 "declares XML entities of its own"),
    "external entity": ("entity.xlsx", external_entity, "declares XML entities of its own"),
    "many members": ("members.xlsx", many_members, "is a zip of 200,005 parts"),
    "overlapping members": ("overlap.xlsx", overlapping_members,
                            "far more than a spreadsheet Liaison can import"),
    "sizes that lie": ("lying.xlsx", lying_sizes, "is damaged, so it cannot be unpacked"),
    "zip bomb in a zip": ("sent.zip", nested_bomb, "unpack it and import that file"),
    "100 MB shared string": ("cell.xlsx", long_shared_string,
                             "holds a cell of more than 32,767 characters"),
    "100 MB inline string": ("cell.xlsx", long_inline_string,
                             "has a cell (A2) holding more than 32,767 characters"),
    "100 MB shared string, compressible": ("cell.xlsx", compressible_long_shared_string,
                                           "unpacks to hundreds of times its size"),
    "100 MB inline string, compressible": ("cell.xlsx", compressible_long_inline_string,
                                           "unpacks to hundreds of times its size"),
    "100 MB shared string, under the zip ratio": (
        "cell.xlsx", functools.partial(compressible_long_shared_string, level=1),
        "holds a cell of more than 32,767 characters"),
    "100 MB inline string, under the zip ratio": (
        "cell.xlsx", functools.partial(compressible_long_inline_string, level=1),
        "has a cell (A2) holding more than 32,767 characters"),
    "cells below their row": ("far.xlsx", cells_below_their_row,
                              "has cells spread from A1 to XFD900000"),
    "a column of four letters": ("far.xlsx", four_letter_column,
                                 "has cells spread from A1 to AAAA2000"),
    "cells without a reference": ("far.xlsx", cells_without_references,
                                  "has cells spread from A1 to KIVI1048576"),
    "malformed sheet": ("broken.xlsx", malformed_sheet, "could not be read: the file may be "
                                                        "damaged"),
    "100 MB csv field": ("field.csv", long_csv_field, "a field runs on for more than 131,072"),
    "100 MB csv line": ("line.csv", long_csv_line, "it runs on for more than 1,048,576"),
    "csv with a NUL": ("nul.csv", csv_with_nul, "holds a NUL character at line 2"),
    "csv with a late NUL": ("nul.csv", csv_with_late_nul, "holds a NUL character at line 30002"),
    "a folder": ("partners.xlsx", folder, "is a folder, not a spreadsheet file"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_gets_one_sentence_in_time_and_memory(
        case: str, database: Path, tmp_path: Path) -> None:
    name, build, expected = HOSTILE[case]
    file = build(tmp_path / name)
    assert_refused(database, file, expected)
    if case == "external entity":
        assert "TOP-SECRET" not in run_import(database, file)["err"]


def a_table(path: Path) -> Path:
    if path.suffix == ".csv":
        path.write_text("Name,Country\nFrelimo,MZ\n", encoding="utf-8")
    else:
        workbook(path, sheet_xml('<row r="2"><c r="A2" t="inlineStr"><is><t>Frelimo</t></is></c>'
                                 '<c r="B2" t="inlineStr"><is><t>MZ</t></is></c></row>'))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("vanish", "expected"), [
    ("delete", "was not found; it may have been moved or deleted"),
    ("truncate", "changed while Liaison was reading it")])
def test_a_file_that_vanishes_while_it_is_read(database: Path, tmp_path: Path, suffix: str,
                                                vanish: str, expected: str) -> None:
    """Deleted right after the importer opened it (a sync client, a colleague tidying up), or
    cut to nothing (a program rewriting it): what was read no longer is the file."""
    assert_refused(database, a_table(tmp_path / f"list{suffix}"), expected, vanish=vanish)


@pytest.mark.slow
def test_damaged_utf8_is_pointed_at_cell_by_cell(database: Path, tmp_path: Path) -> None:
    """A UTF-8 file with one damaged byte is read as the UTF-8 it is, not as GB18030 or
    cp1252 (which would garble every Chinese name); the cell holding the damage is a problem
    of the plan, named by row and column, so nothing is written — and --skip-invalid would
    import the other rows, as for any invalid cell."""
    file = tmp_path / "名单.csv"
    file.write_bytes("姓名,国家\n张三,中国\n李四,中国\n".encode() + b"\xe7\x8e\x8b\xff\xe4\xba\x94,"
                     + "中国\n".encode())
    before = database_state(database)
    result = run_import(database, file)
    assert result["code"] == 1 and "Traceback" not in result["err"]
    assert "row 4, column “姓名”: Some characters of “王\ufffd五” could not be read as utf-8" in (
        result["err"])
    assert "found in 名单.csv; nothing was written" in result["err"]
    assert result["seconds"] < SECONDS and result["growth_mb"] < GROWTH_MB
    assert database_state(database) == before


PHOTO = functools.cache(lambda: base64.encodebytes(os.urandom(50 * MB * 3 // 4)))


def photo_card(path: Path, version: str) -> Path:
    """Jane Doe's card with a 50 MB photo, written as vCard `version` writes it."""
    photo = PHOTO()
    value = {"2.1": b"PHOTO;ENCODING=BASE64;TYPE=JPEG:" + photo.replace(b"\n", b"\r\n"),
             "3.0": b"PHOTO;ENCODING=b;TYPE=JPEG:" + photo.replace(b"\n", b"\r\n "),
             "4.0": b"PHOTO:data:image/jpeg;base64," + photo.replace(b"\n", b"")}[version]
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:" + version.encode() + b"\r\nFN:Jane Doe\r\n"
                     b"EMAIL:jane@example.org\r\n" + value.rstrip() + b"\r\nEND:VCARD\r\n")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("version", ["2.1", "3.0", "4.0"])
def test_a_contact_card_with_a_50_mb_photo_imports_without_it(
        database: Path, tmp_path: Path, version: str) -> None:
    """Liaison keeps no pictures of people: a liaison officer importing a colleague's phone
    contacts expects the person, and a word that the photo was left out — not a refusal. The
    photo is skipped as it is met, never decoded: 2.1 writes base64 on unindented lines, 3.0
    folds it, 4.0 puts it on one line as a data: URI."""
    file = photo_card(tmp_path / "jane.vcf", version)
    _digest, counts = database_state(database)
    result = run_import(database, file)
    assert result["code"] == 0, result
    assert "The photo on 1 card was left out" in result["err"]
    assert "Imported jane.vcf" in result["out"]
    assert result["seconds"] < SECONDS and result["growth_mb"] < GROWTH_MB, result
    assert database_state(database)[1] == {**counts, "people": counts["people"] + 1,
                                           "import_batches": counts["import_batches"] + 1}
    print(f"{version}: {result['seconds']:.2f} s, +{result['growth_mb']:.0f} MB")


# ---------------------------------------------------------------------------------------------
# The reader in this process: UnreadableFile and nothing else

@pytest.mark.parametrize("case", ["xml bomb in shared strings", "xml bomb in a sheet",
                                  "external entity", "malformed sheet", "csv with a NUL",
                                  "a folder"])
def test_the_reader_raises_only_unreadable_file(case: str, tmp_path: Path) -> None:
    name, build, expected = HOSTILE[case]
    assert expected in unreadable(build(tmp_path / name))


def long_cell(path: Path, text: str, *, shared: bool) -> Path:
    if shared:
        return workbook(path, sheet_xml(SHARED_ROW), shared_xml(text, "<t>MZ</t>"))
    return workbook(path, sheet_xml(f'<row r="2"><c r="C2" t="inlineStr"><is>{text}</is></c>'
                                    "</row>"))


@pytest.mark.parametrize("shared", [True, False])
def test_excel_s_limit_for_a_cell_is_the_line(tmp_path: Path, shared: bool) -> None:
    """32,767 characters read; one more is refused, however the text is written: as one run,
    as rich text in many runs with formatting between them, with entities and characters
    beyond ASCII (counted as the characters they are, not as their bytes)."""
    at_limit = "&amp;" * 10_000 + "中" * 10_000 + "x" * (LONG_TEXT - 20_000)
    path = long_cell(tmp_path / "limit.xlsx", f"<t>{at_limit}</t>", shared=shared)
    assert len(read_all(path)[1][0 if shared else 2]) == LONG_TEXT
    message = unreadable(long_cell(tmp_path / "over.xlsx", f"<t>{at_limit}y</t>", shared=shared))
    assert "more than 32,767 characters, Excel's limit for one cell" in message
    assert shared or "(C2)" in message
    runs = "".join(f'<r><rPr><color rgb="FF00{n:04X}"/></rPr><t>{"z" * 10_000}</t></r>'
                   for n in range(4))
    message = unreadable(long_cell(tmp_path / "runs.xlsx", runs, shared=shared))
    assert "more than 32,767 characters" in message


def test_long_rows_of_ordinary_cells_are_read(tmp_path: Path) -> None:
    """A row of megabytes whose cells are each within the limit (a sheet laid out sideways)."""
    cells = "".join(f'<c r="{column}2" t="inlineStr"><is><t>{"n" * 30_000}</t></is></c>'
                    for column in ("A", "B", "C", "D", "E", "F", "G", "H") * 1)
    path = workbook(tmp_path / "wide.xlsx", sheet_xml(f'<row r="2">{cells}</row>'))
    rows = read_all(path)
    assert [len(value) for value in rows[1]] == [30_000] * 8


def test_a_file_changed_or_deleted_after_opening(tmp_path: Path) -> None:
    csv_file = a_table(tmp_path / "list.csv")
    with open_source(csv_file) as source:
        csv_file.unlink()
        with pytest.raises(UnreadableFile, match="was not found"):
            source.read()
    xlsx_file = a_table(tmp_path / "list.xlsx")
    with open_source(xlsx_file) as source:
        os.truncate(xlsx_file, 100)
        with pytest.raises(UnreadableFile, match="changed while Liaison was reading it"):
            source.read()
    csv_file = a_table(tmp_path / "again.csv")
    with open_source(csv_file) as source:
        csv_file.write_text("Name,Country\nFrelimo,MZ\nANC,ZA\n", encoding="utf-8")
        with pytest.raises(UnreadableFile, match="changed while Liaison was reading it"):
            source.read()


def test_damaged_bytes_become_cell_errors(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_bytes("姓名,国家,备注\n张三,中国,好\n".encode() + b"\xe7\x8e\x8b\xff\xe4\xba\x94,"
                     + "中国,".encode() + b"\xc3(\n")
    with open_source(path) as source:
        assert source.encoding == "utf-8"
        rows = source.read().rows
    assert rows[1] == ["张三", "中国", "好"]
    assert isinstance(rows[2][0], CellError) and "“王\ufffd五”" in rows[2][0].message
    assert rows[2][1] == "中国" and isinstance(rows[2][2], CellError)
    # A file in a legacy encoding is no damaged UTF-8: it is read in its own.
    legacy = tmp_path / "legacy.csv"
    legacy.write_bytes("Name,Town\nMüller,Zürich\n".encode("cp1252"))
    assert read_all(legacy)[1] == ["Müller", "Zürich"]


# ---------------------------------------------------------------------------------------------
# What fuzzing found (tests/db/test_fuzz.py), kept as plain tests

def test_a_protected_workbook_with_a_damaged_encryption_header(tmp_path: Path) -> None:
    """msoffcrypto raised DecryptionError ("Unsupported EncryptionInfo version") or expat's
    ExpatError (the agile header's XML cut short) from reading the header: a bug report for
    what is a damaged, or unknown, encrypted workbook."""
    data = (WILD / "calamine__pass_protected.xlsx").read_bytes()
    at = int(0.234375 * len(data))
    shifted = tmp_path / "shifted.xlsx"
    shifted.write_bytes(data[:at] + b"\x00" + data[at:])
    assert "could not be read as an Excel workbook" in unreadable(shifted)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[:len(data) // 2])
    assert "could not be read as an Excel workbook" in unreadable(cut)


def test_a_nul_in_a_contact_card_costs_its_line_only(tmp_path: Path) -> None:
    """A NUL inside a card's line (in a CHARSET= name it raised ValueError from the codec
    lookup): the line is ignored with a warning naming it, as any unreadable line is, and the
    other cards are imported."""
    path = tmp_path / "cards.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane\x00 Doe\r\nN:Doe;Jane;;;\r\n"
                     b"NOTE;CHARSET=UTF\x00-8:x\r\nEND:VCARD\r\n"
                     b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Roe\r\nEND:VCARD\r\n")
    with open_source(path) as source:
        table = source.read()
    assert [row[0] for row in table.rows[1:]] == ["Jane Doe", "John Roe"]
    assert [warning.message for warning in table.warnings] == [
        "Line 3 of the file is not a vCard line and was ignored: “FN:Jane\ufffd Doe”.",
        "Line 5 of the file is not a vCard line and was ignored: “NOTE;CHARSET=UTF\ufffd-8:x”."]
