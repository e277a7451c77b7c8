"""Opening any spreadsheet a user brings: Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument
(.ods) through calamine, text tables (.csv, .tsv) through `readers_csv`, contact cards (.vcf)
as one sheet of people through `vcard`. The format is decided
from the file's content, not its name, so a renamed file is read for what it is; `open_source`
gives the open file as a `source.SourceFile`, which reads its sheets.

Every file that cannot be read raises `UnreadableFile`, whose message is one sentence naming the
file and saying what to do — never a traceback or a library's words."""

from __future__ import annotations

import codecs
import io
import struct
import zipfile
from functools import partial
from pathlib import Path
from xml.parsers.expat import ExpatError

from db.exchange.reading import readers_csv, readers_xlsx, vcard, vcard_lines, xml_guards
from db.exchange.reading.read_types import (
    DAMAGE,
    KIND_NAMES,
    CellError,
    PasswordProtected,
    ReadCancelled,
    SheetInfo,
    Table,
    UnreadableFile,
    damaged,
    declares_entities,
    file_problem,
    not_spreadsheet,
    nul_character,
    password_protected,
    wrong_password,
)
from db.exchange.reading.source import SourceFile, stamp_of
from db.store.translation import QT_TRANSLATE_NOOP, translate

__all__ = ["CellError", "ReadCancelled", "SheetInfo", "Table", "UnreadableFile", "open_source"]

MAX_FILE_MB = 200
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_UNPACKED_BYTES = 1024**3           # what a zip may unpack to
MAX_RATIO, RATIO_FROM = 500, 20 << 20  # a part this large compressed this much is a zip bomb
MAX_REENCODED_BYTES = 100 << 20        # UTF-16 packages are re-encoded in memory
MAX_MEMBERS = 50_000                   # parts of one package (a workbook has tens, or thousands)
MAX_DIRECTORY_BYTES = 16 << 20         # the zip's list of its parts

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OTHER_FORMATS = {b"%PDF": QT_TRANSLATE_NOOP("Reading", "a PDF document"),
                 b"\x89PNG": QT_TRANSLATE_NOOP("Reading", "a PNG image"),
                 b"\xff\xd8\xff": QT_TRANSLATE_NOOP("Reading", "a JPEG image"),
                 b"GIF8": QT_TRANSLATE_NOOP("Reading", "a GIF image"),
                 b"Rar!": QT_TRANSLATE_NOOP("Reading", "a RAR archive"),
                 b"7z\xbc\xaf": QT_TRANSLATE_NOOP("Reading", "a 7-Zip archive"),
                 b"\x1f\x8b": QT_TRANSLATE_NOOP("Reading", "a gzip archive"),
                 b"{\\rtf": QT_TRANSLATE_NOOP("Reading", "an RTF document")}
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv")


def open_source(path: str | Path, encoding: str | None = None) -> SourceFile:
    """Open a spreadsheet for reading, deciding its format from its content. `encoding`
    reads a text table in that encoding instead of the one Liaison recognises."""
    path = Path(path)
    name = path.name
    try:
        stat = path.stat()
        if path.is_dir():
            raise UnreadableFile(translate(
                "Reading", "“{name}” is a folder, not a spreadsheet file.").format(name=name))
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise file_problem(name, exc) from None
    size = stat.st_size
    if size == 0:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is empty (0 bytes), so it holds no spreadsheet.").format(
            name=name))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is {size:,.0f} MB, larger than the {limit} MB Liaison imports; "
                       "split it into smaller files and import them one at a time.").format(
            name=name, size=size / 2**20, limit=MAX_FILE_MB))
    if head.startswith(ZIP_MAGIC):
        source = _open_package(path)
    elif head.startswith(OLE2_MAGIC):
        source = _open_ole2(path)
    else:
        for magic, what in OTHER_FORMATS.items():
            if head.startswith(magic):
                raise not_spreadsheet(name, what)
        source = _open_text(path, encoding)
    source.stamp = stamp_of(stat)
    return source


def _open_package(path: Path, memory: io.BytesIO | None = None) -> SourceFile:
    """A zip package: from the file, or from `memory` (a protected workbook decrypted)."""
    name = path.name
    try:
        _check_directory(memory if memory is not None else path, name)
        package = zipfile.ZipFile(memory if memory is not None else path)
        infos = package.infolist()
    except DAMAGE:  # BadZipFile, truncated files, unsupported zip features: all damage
        raise UnreadableFile(translate(
            "Reading", "“{name}” is damaged or incomplete (perhaps a download that did not "
                       "finish), so it cannot be unpacked; ask for a fresh copy.").format(
            name=name)) from None
    try:
        kind = _package_kind(package, infos, name)
        if kind in ("xlsx", "xlsm") and readers_xlsx.utf16_parts(package):
            if sum(info.file_size for info in infos) > MAX_REENCODED_BYTES:
                raise damaged(name, kind)
            data = readers_xlsx.as_utf8_package(package)
            package.close()
            package = zipfile.ZipFile(io.BytesIO(data))
            _check_shared_strings(package, name)
            return SourceFile._workbook(path, kind, io.BytesIO(data), package)
        if kind not in ("xlsx", "xlsm"):  # no XML of ours to look at: calamine alone
            package.close()
            return SourceFile._workbook(path, kind, _again(memory), None)
        _check_shared_strings(package, name)
        return SourceFile._workbook(path, kind, _again(memory), package)
    except UnreadableFile:
        package.close()
        raise
    except DAMAGE:  # a part that cannot be unpacked or parsed
        hostile = _declares_entities(package)
        package.close()
        if hostile:
            raise declares_entities(name) from None
        raise UnreadableFile(translate(
            "Reading", "“{name}” is damaged, so it cannot be unpacked; ask for a fresh copy.")
            .format(name=name)) from None


def _declares_entities(package: zipfile.ZipFile) -> bool:
    try:
        return xml_guards.declares_entities(package)
    except DAMAGE:
        return False


def _check_directory(file: Path | io.BytesIO, name: str) -> None:
    """Refuse a zip listing more parts than any spreadsheet has before zipfile makes an
    object of each (200,000 empty parts in a 20 MB file cost 200 MB and a second). The count
    and size come from the end of the zip (its ZIP64 record when it has one); a zip whose end
    cannot be found is left to zipfile, which says it is damaged."""
    count, size = _directory_size(file)
    if size > MAX_DIRECTORY_BYTES and count <= MAX_MEMBERS:  # its count of parts is a lie
        raise UnreadableFile(translate(
            "Reading", "“{name}” is damaged, so it cannot be unpacked; ask for a fresh copy.")
            .format(name=name))
    if count > MAX_MEMBERS:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is a zip of {count:,} parts, far more than a spreadsheet has, as "
                       "files made to exhaust memory are, so Liaison does not open it.").format(
            name=name, count=count))


def _directory_size(file: Path | io.BytesIO) -> tuple[int, int]:
    """(number of entries, bytes) of a zip's central directory, (0, 0) when not found."""
    handle = file.open("rb") if isinstance(file, Path) else file
    try:
        handle.seek(0, io.SEEK_END)
        length = handle.tell()
        handle.seek(max(0, length - (1 << 16) - 22))
        tail = handle.read()
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or len(tail) < end + 22:
            return 0, 0
        count, size = struct.unpack_from("<HL", tail, end + 10)
        locator = end - 20
        if (count == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and tail.startswith(
                b"PK\x06\x07", locator):
            (record,) = struct.unpack_from("<Q", tail, locator + 8)
            handle.seek(record)
            zip64 = handle.read(56)
            if zip64.startswith(b"PK\x06\x06") and len(zip64) == 56:
                count, size = struct.unpack_from("<QQ", zip64, 32)
        return count, size
    finally:
        if isinstance(file, Path):
            handle.close()
        else:
            handle.seek(0)


def _check_shared_strings(package: zipfile.ZipFile, name: str) -> None:
    """Calamine reads every shared string when it opens a workbook: refuse one longer than a
    cell holds first (`xml_guards`). A part too small to hold one is not read."""
    for info in package.infolist():
        if (info.filename.replace("\\", "/").lower().endswith("sharedstrings.xml")
                and info.file_size > xml_guards.LONG_TEXT):
            try:
                xml_guards.check_shared_strings(partial(package.open, info))
            except xml_guards.LongCell as exc:
                if not exc.text:
                    raise damaged(name, "xlsx") from None
                raise UnreadableFile(translate(
                    "Reading", "“{name}” holds a cell of more than {limit:,} characters, "
                               "Excel's limit for one cell; shorten it in a spreadsheet program, "
                               "save, and import again.").format(
                    name=name, limit=xml_guards.LONG_TEXT)) from None


def _again(memory: io.BytesIO | None) -> io.BytesIO | None:
    """The decrypted bytes once more, from the start, for calamine (the zip reads its own)."""
    return None if memory is None else io.BytesIO(memory.getvalue())


def _package_kind(package: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str) -> str:
    # Sizes as the zip declares them, checked before anything is unpacked (zipfile then stops
    # at the declared size; calamine unpacks with the same limits).
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(translate(
            "Reading", "“{name}” unpacks to {size:,.0f} MB, far more than a spreadsheet Liaison "
                       "can import; it may be damaged or made to exhaust memory.").format(
            name=name, size=unpacked / 2**20))
    if any(info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)
           for info in infos):
        raise UnreadableFile(translate(
            "Reading", "“{name}” holds a part that unpacks to hundreds of times its size, as "
                       "files made to exhaust memory do, so Liaison does not open it.").format(
            name=name))
    kind = readers_xlsx.package_kind(package, readers_xlsx.member_names(package))
    if kind in KIND_NAMES:
        return kind
    if kind == readers_xlsx.NUMBERS:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an Apple Numbers document; export it from Numbers as Excel "
                       "(.xlsx) and import that file.").format(name=name))
    if kind:
        raise not_spreadsheet(name, kind)
    inside = [info.filename for info in infos if info.filename.lower().endswith(
        SPREADSHEET_SUFFIXES)]
    if inside and not name.lower().endswith(SPREADSHEET_SUFFIXES):
        raise UnreadableFile(translate(
            "Reading", "“{name}” is a zip archive holding “{inside}”; unpack it and import that "
                       "file.").format(name=name, inside=inside[0]))
    if not infos or all(info.file_size == 0 for info in infos):
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an empty zip archive, not a spreadsheet.").format(name=name))
    raise not_spreadsheet(name, QT_TRANSLATE_NOOP("Reading", "a zip archive"))


# Passwords given for protected workbooks, in this process's memory only (never written).
_PASSWORDS: dict[Path, str] = {}


def remember_password(path: str | Path, password: str) -> None:
    """The password of a protected workbook, for the reads of it that follow."""
    _PASSWORDS[Path(path).resolve()] = password


def forget_password(path: str | Path) -> None:
    _PASSWORDS.pop(Path(path).resolve(), None)


def _decrypted(path: Path) -> io.BytesIO | None:
    """A protected workbook decrypted in memory with its remembered password (msoffcrypto:
    Office's agile and standard encryption, and the old .xls RC4); None when the file is not
    encrypted. PasswordProtected without a password, WrongPassword with a wrong one."""
    import msoffcrypto
    from msoffcrypto import exceptions as office_errors

    try:
        with path.open("rb") as handle:
            try:
                office = msoffcrypto.OfficeFile(handle)
            except (office_errors.DecryptionError, ExpatError):  # a damaged or unknown header
                raise damaged(path.name, "xlsx") from None
            if not office.is_encrypted():
                return None
            password = _PASSWORDS.get(path.resolve())
            if password is None:
                raise password_protected(path.name)
            plain = io.BytesIO()
            try:
                office.load_key(password=password)
                office.decrypt(plain)
            except (office_errors.InvalidKeyError, office_errors.DecryptionError):
                raise wrong_password(path.name) from None
    except UnreadableFile:
        raise
    except (office_errors.FileFormatError, office_errors.ParseError, *DAMAGE):
        return None  # not an Office container msoffcrypto knows: read it as it is
    if plain.getbuffer().nbytes > MAX_REENCODED_BYTES:
        raise damaged(path.name, "xlsx")
    plain.seek(0)
    return plain


def _open_ole2(path: Path) -> SourceFile:
    plain = _decrypted(path)
    if plain is not None:
        if plain.getvalue().startswith(ZIP_MAGIC):
            return _open_package(path, plain)
        return SourceFile._workbook(path, "xls", plain, None)
    try:
        return SourceFile._workbook(path, "xls", None, None)
    except PasswordProtected:
        raise
    except UnreadableFile:
        data = path.read_bytes()  # a failure: look at the container's stream names
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise password_protected(path.name) from None
        if "WordDocument".encode("utf-16-le") in data:
            raise not_spreadsheet(path.name, QT_TRANSLATE_NOOP("Reading", "a Word document")
                                  ) from None
        if "PowerPoint Document".encode("utf-16-le") in data:
            raise not_spreadsheet(path.name, QT_TRANSLATE_NOOP(
                "Reading", "a PowerPoint presentation")) from None
        raise


def _open_text(path: Path, encoding: str | None = None) -> SourceFile:
    """A text file: contact cards, or a table whose encoding and delimiter are decided here
    from its start (the whole file is checked for UTF-8 as it streams by, never held: a text
    table is read from the file again, a line at a time, when a sheet is read)."""
    name = path.name
    try:
        with path.open("rb") as handle:
            data = handle.read(4 * readers_csv.SAMPLE)
            if vcard_lines.is_vcard(data):  # contact cards: one sheet of people, read whole
                handle.seek(0)
                data = handle.read()  # not head + rest: that is the file twice over, briefly
                return _open_cards(path, data, encoding and _known_encoding(encoding))
            _not_a_table(name, data)
            if encoding is not None:
                encoding = _known_encoding(encoding)
            else:
                encoding = readers_csv.detect_encoding(
                    data, iter(lambda: handle.read(readers_csv.CHUNK), b""))
    except OSError as exc:
        raise file_problem(name, exc) from None
    sample = readers_csv.decode(data, encoding)
    if "\x00" in sample and not readers_csv.looks_binary(sample.replace("\x00", "")):
        raise nul_character(name, sample.count("\n", 0, sample.index("\x00")) + 1)
    if readers_csv.looks_binary(sample):
        raise not_spreadsheet(name)
    sample, declared = readers_csv.split_sep_line(sample)
    default = "\t" if path.suffix.lower() in (".tsv", ".tab") else ","
    delimiter = declared or readers_csv.sniff_delimiter(sample, default)
    return SourceFile._text(path, encoding, delimiter)


def _known_encoding(encoding: str) -> str:
    """The encoding the user chose, by Python's name for it."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UnreadableFile(translate(
            "Reading", "“{encoding}” is not an encoding Liaison knows; try UTF-8, GB18030 "
                       "or Big5.").format(encoding=encoding)) from None


def _open_cards(path: Path, data: bytes, encoding: str | None) -> SourceFile:
    cards = vcard.VCardFile(data, encoding)
    source = SourceFile(path, "vcf", (SheetInfo(vcard.SHEET, False),), encoding=cards.encoding)
    source._cards = cards
    return source


def _not_a_table(name: str, data: bytes) -> None:
    """Text files that are something else than a table: say what they are."""
    start = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<table" in start:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is a web page (HTML) rather than a spreadsheet; open it in a "
                       "spreadsheet program, save it as .xlsx, and import that copy.").format(
            name=name))
    if b"urn:schemas-microsoft-com:office:spreadsheet" in start:
        raise UnreadableFile(translate(
            "Reading", "“{name}” is an Excel 2003 XML spreadsheet, which Liaison does not read; "
                       "open it in a spreadsheet program, save it as .xlsx, and import that "
                       "copy.").format(name=name))
    if start.startswith(b"<?xml"):
        raise not_spreadsheet(name, QT_TRANSLATE_NOOP("Reading", "an XML file"))
