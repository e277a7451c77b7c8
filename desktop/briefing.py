"""A visit's briefing pack on paper: the programme first, then a page for every counterpart
(db/services/briefing.py reads them), laid out as HTML in a QTextDocument and written as a PDF
by QPdfWriter or sent to a QPrinter — no package beyond Qt.

Names come in every script, so the document's font is one the system has for Chinese (Noto
Sans CJK, Source Han Sans, WenQuanYi…), with fallbacks for Arabic and the rest; Qt takes each
glyph a font lacks from another font. Without a CJK font the pack is still made, and the
caller shows the warning that says what to install.

Qt writes each embedded font's map from glyphs back to text (what a PDF reader copies and
searches) by taking the lowest code point that draws a glyph. CJK fonts draw the Kangxi
radicals with the same glyphs as the ideographs (⼀ and 一, ⺠ and 民), and Arabic letters are
drawn with the glyphs of their presentation forms, so the text read back would be those
look-alikes; `readable_text` points those entries back at the ideographs and letters."""

from __future__ import annotations

import html
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from db.services.briefing import Briefing, Contact, Names, OpenFollowUp, Position, Profile
from db.store.errors import LiaisonError
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.readable import EMPTY, date_text

CREATOR = "Liaison"
# Families that draw Chinese, the Simplified ones first; then any family whose name holds
# one of the patterns; then any family Qt says writes Simplified Chinese.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Serif CJK SC",
                "Source Han Serif SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Droid Sans Fallback", "SimSun", "SimHei")
CJK_PATTERNS = ("Noto Sans CJK", "Source Han Sans", "Noto Serif CJK", "Source Han Serif",
                "WenQuanYi", "Droid Sans Fallback")
# After the CJK family: Latin, Cyrillic, Greek, Vietnamese, Arabic and other scripts.
FALLBACK_FAMILIES = ("Noto Sans", "DejaVu Sans", "Noto Naskh Arabic", "Noto Sans Arabic",
                     "Segoe UI", "Arial", "Tahoma", "Arial Unicode MS", "FreeSans")
MISSING_CJK = QT_TRANSLATE_NOOP("Briefing", "Chinese names need a CJK font: install "
                                            "fonts-noto-cjk.")
POINT_SIZE = 9.5
STYLE = """
h1 { font-size: 17pt; font-weight: 600; margin-top: 0px; margin-bottom: 2px; }
h2 { font-size: 12.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }
h3 { font-size: 10.5pt; font-weight: 600; margin-top: 12px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 3px; }
.kicker { font-size: 8pt; color: #6b6b6b; }
.sub { color: #444444; margin-bottom: 8px; }
.none { color: #777777; }
.small { font-size: 8pt; color: #555555; }
.overdue { color: #b00020; font-weight: 600; }
.zh { color: #333333; }
table { border-collapse: collapse; }
th { background-color: #ececec; font-weight: 600; text-align: left; }
td, th { padding: 3px; border-width: 0.5px; border-style: solid; border-color: #b8b8b8; }
td.label { background-color: #f6f6f6; color: #444444; }
"""


# -- fonts ------------------------------------------------------------------------------------

def cjk_family(families: Sequence[str] | None = None) -> str | None:
    """A family the system has that draws Chinese, or None."""
    available = list(QFontDatabase.families() if families is None else families)
    for family in CJK_FAMILIES:
        if family in available:
            return family
    for pattern in CJK_PATTERNS:
        found = sorted(f for f in available if pattern in f and "Mono" not in f)
        if found:  # the Simplified Chinese cut when there is one
            return next((f for f in found if f.endswith((" SC", " CN"))), found[0])
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return next((f for f in available if chinese in QFontDatabase.writingSystems(f)), None)


def page_font(cjk: str | None) -> QFont:
    """The pack's font: the CJK family first, then the fallbacks the system has. Two of the
    fonts' substitutions are off, since a PDF reader could not read their glyphs back as text
    (Qt maps a glyph back only to a code point that draws it on its own): ligatures ("fi"
    would read back as "ﬁ") and the localized forms (Noto Sans CJK draws digits with
    glyphs of their own, which would read back as nothing)."""
    available = set(QFontDatabase.families())
    font = QFont()
    font.setFamilies([f for f in (cjk, *FALLBACK_FAMILIES) if f and f in available]
                     or [font.defaultFamily()])
    font.setPointSizeF(POINT_SIZE)
    for feature in ("liga", "locl"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


# -- the document -----------------------------------------------------------------------------

def briefing_document(briefing: Briefing) -> tuple[QTextDocument, str | None]:
    """The pack as a document, and the warning to show when no font draws Chinese."""
    cjk = cjk_family()
    document = QTextDocument()
    document.setDefaultFont(page_font(cjk))
    document.setDefaultStyleSheet(STYLE)
    # Every paragraph reads left to right, so the pages line up; an Arabic or Hebrew name
    # still runs right to left within its line.
    option = document.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    document.setDefaultTextOption(option)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                briefing.visit.title)
    document.setHtml(briefing_html(briefing))
    return document, None if cjk else translate("Briefing", MISSING_CJK)


def write_pdf(briefing: Briefing, path: str | os.PathLike[str]) -> str | None:
    """Write the pack to `path` as an A4 PDF (the file appears whole or not at all); returns
    the warning to show, if any. A file that cannot be written raises LiaisonError."""
    document, warning = briefing_document(briefing)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    _set_up(writer, briefing.visit.title)
    document.print_(writer)
    del writer  # ends the file
    data = readable_text(bytes(buffer.data().data()))
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".briefing-", suffix=".part",
                                             dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise LiaisonError(translate("Briefing", "Cannot write {file}: {reason}.").format(
            file=target, reason=exc.strerror or exc)) from None
    return warning


def print_briefing(briefing: Briefing, printer: QPrinter) -> str | None:
    """Print the pack on `printer` (chosen in a print dialog); returns the warning to show,
    if any. A printer that writes a PDF file gets its text made readable too."""
    document, warning = briefing_document(briefing)
    printer.setCreator(CREATOR)
    printer.setDocName(briefing.visit.title)
    document.print_(printer)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _fix_in_place(Path(printer.outputFileName()))
    return warning


def _set_up(writer: QPdfWriter, title: str) -> None:
    """A4; QTextDocument.print_ lays the text out within 2 cm of the page's edges and puts
    the page numbers in the bottom margin. Only the creator and the title go in the file's
    metadata: no author, no folder."""
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setCreator(CREATOR)
    writer.setTitle(title)
    writer.setAuthor("")


# -- HTML -------------------------------------------------------------------------------------

def e(text: object) -> str:
    return html.escape(str(text))


def _block(tag: str, text: str, css: str = "") -> str:
    return f"<{tag}{f' class={css!r}' if css else ''}>{e(text)}</{tag}>"


def _cell(text: object, css: str = "") -> str:
    shown = EMPTY if text is None or text == "" else e(text)
    return f"<td{f' class={css!r}' if css else ''}>{shown}</td>"


def _table(headers: Sequence[str], rows: Iterable[str], widths: Sequence[int] = ()) -> str:
    head = "".join(f"<th{f' width={w}%' if w else ''}>{e(h)}</th>"
                   for h, w in zip(headers, [*widths, *[0] * len(headers)], strict=False))
    return (f"<table width=100% cellspacing=0 cellpadding=3><tr>{head}</tr>"
            f"{''.join(rows)}</table>")


def _facts(rows: Iterable[tuple[str, str | None]]) -> str:
    """A two-column table of label and value; rows without a value are left out."""
    body = "".join(f"<tr><td class='label' width=24%>{e(label)}</td><td>{value}</td></tr>"
                   for label, value in rows if value)
    return f"<table width=100% cellspacing=0 cellpadding=3>{body}</table>" if body else ""


def _name_line(names: Names | None) -> str | None:
    """A name with its Chinese name under it, escaped."""
    if names is None or not names.name:
        return None
    extra = [n for n in (names.name_zh,) if n and n != names.name]
    return e(names.name) + "".join(f"<br/><span class='zh'>{e(n)}</span>" for n in extra)


def _time(starts: str | None, ends: str | None) -> str:
    if starts and ends:
        return f"{starts}–{ends}"
    return starts or ends or ""


def _dates(start: date, end: date | None) -> str:
    if end is None or end == start:
        return date_text(start)
    return f"{date_text(start)} – {date_text(end)}"


def briefing_html(briefing: Briefing) -> str:
    parts = [_programme(briefing)]
    parts.extend(_profile(profile) for profile in briefing.profiles)
    return "".join(parts)


def _programme(briefing: Briefing) -> str:
    visit = briefing.visit
    parts = [
        _block("p", translate("Briefing", "Briefing pack · made on {date}").format(
            date=date_text(briefing.made_on)), "kicker"),
        _block("h1", visit.title),
        _facts([
            (translate("Briefing", "Dates"), e(_dates(visit.start, visit.end))),
            (translate("Briefing", "Direction"), e(visit.direction_label)),
            (translate("Briefing", "Status"), e(visit.status_label)),
            (translate("Fields", "Country"), e(visit.country) if visit.country else None),
            (translate("Briefing", "Host"), _name_line(visit.host)),
            (translate("Briefing", "Guest"), _name_line(visit.guest)),
            (translate("Briefing", "Purpose"), e(visit.purpose) if visit.purpose else None),
        ]),
    ]
    if briefing.members:
        parts.append(_block("h2", translate("Briefing", "Delegations")))
        rows = [f"<tr>{_cell(m.side_label)}{_cell(m.role_label)}"
                f"<td>{_name_line(m.names) or EMPTY}</td>{_cell(m.organization)}"
                f"{_cell(m.title)}</tr>" for m in briefing.members]
        parts.append(_table([translate("Briefing", "Side"), translate("Briefing", "Role"),
                             translate("Fields", "Name"), translate("Fields", "Organization"),
                             translate("Fields", "Title", "a person's")], rows, (10, 18, 26, 26, 20)))
    parts.append(_block("h2", translate("Briefing", "Programme")))
    for day in briefing.days:
        cities = " · ".join(day.cities)
        heading = e(date_text(day.day)) + (f" — {e(cities)}" if cities else "")
        if not day.items:  # on the heading's line: a heading alone at a page's foot is lost
            nothing = translate("Briefing", "Nothing planned.")
            parts.append(f"<h3>{heading}<span class='none' style='font-weight: normal'> · "
                         f"{e(nothing)}</span></h3>")
            continue
        parts.append(f"<h3>{heading}</h3>")
        rows = [f"<tr>{_cell(_time(i.starts, i.ends))}{_cell(i.kind_label)}{_cell(i.title)}"
                f"{_cell(', '.join(p for p in (i.place, i.city) if p))}"
                f"{_cell('; '.join(i.participants))}</tr>" for i in day.items]
        parts.append(_table([translate("Briefing", "Time"), translate("Fields", "Kind"),
                             translate("Fields", "Title"), translate("Briefing", "Place"),
                             translate("Fields", "Participants")], rows, (14, 12, 30, 19, 25)))
    return "".join(parts)


def _profile(profile: Profile) -> str:
    names = profile.names
    what = (translate("Briefing", "Organization") if profile.kind == "organization"
            else translate("Briefing", "Person"))
    if profile.side_label:
        where = " · ".join(e(t) for t in (profile.side_label, profile.role_label,
                                          profile.visit_title) if t)
    else:
        where = e(translate("Briefing", "Met in the programme"))
    facts: list[tuple[str, str | None]] = [
        (translate("Fields", "Name"), e(names.name)),
        (translate("Fields", "English name"), e(names.name_en) if names.name_en else None),
        (translate("Fields", "Chinese name"), e(names.name_zh) if names.name_zh else None),
        (translate("Fields", "Abbreviation"),
         e(names.abbreviation) if names.abbreviation else None),
        (translate("Briefing", "Other names"),
         e("; ".join(names.aliases)) if names.aliases else None),
        (translate("Fields", "Country") if profile.kind == "organization"
         else translate("Fields", "Nationality"), e(profile.country) if profile.country else None),
        (translate("Fields", "Kind"), e(profile.kind_label) if profile.kind_label else None),
        (translate("Fields", "Political status"),
         e(profile.status_label) if profile.status_label else None),
        (translate("Fields", "Relationship level"),
         e(profile.level_label) if profile.level_label else None),
        (translate("Fields", "Title", "a person's"), e(profile.title) if profile.title else None),
        (translate("Briefing", "Last contact"),
         e(date_text(profile.last_contact)) if profile.last_contact else None),
        (translate("Briefing", "Interactions on record"),
         e(f"{profile.interaction_count:,}") if profile.interaction_count else None),
    ]
    parts = [
        f"<h1 style='page-break-before: always'>{e(names.name)}</h1>",
        f"<p class='sub'>{e(what)} · {where}</p>",
        _facts(facts),
    ]
    if profile.meetings:
        parts.append(_block("h3", translate("Briefing", "In this programme")))
        parts.append("".join(
            f"<p>{e(date_text(m.day))}{f' {e(m.starts)}' if m.starts else ''} — {e(m.title)}</p>"
            for m in profile.meetings))
    parts.append(_positions(profile))
    parts.append(_contacts(profile.last_contacts))
    parts.append(_followups(profile.open_followups, profile.open_followup_count))
    return "".join(parts)


def _more(shown: int, total: int) -> str:
    if total <= shown:
        return ""
    return _block("p", translate("Briefing", "and {count:,} more").format(count=total - shown),
                  "small")


def _positions(profile: Profile) -> str:
    if profile.kind == "organization":
        title = translate("Briefing", "People in current positions")
        first = translate("Fields", "Name")
    else:
        title = translate("Briefing", "Positions")
        first = translate("Fields", "Organization")
    parts = [f"<h3>{e(title)}</h3>"]
    if not profile.positions:
        parts.append(_block("p", translate("Briefing", "None recorded."), "none"))
        return "".join(parts)
    rows = [f"<tr><td>{_name_line(p.holder) or EMPTY}</td>{_cell(p.role)}"
            f"{_cell(_since(p))}</tr>" for p in profile.positions]
    parts.append(_table([first, translate("Fields", "Role"), translate("Briefing", "When")],
                        rows, (44, 34, 22)))
    parts.append(_more(len(profile.positions), profile.position_count))
    return "".join(parts)


def _since(position: Position) -> str:
    if position.start and position.end:
        return f"{date_text(position.start)} – {date_text(position.end)}"
    if position.start:
        return translate("Briefing", "since {date}").format(date=date_text(position.start))
    if position.end:
        return translate("Briefing", "until {date}").format(date=date_text(position.end))
    return translate("Briefing", "current") if position.current else ""


def _contacts(contacts: Sequence[Contact]) -> str:
    parts = [_block("h3", translate("Briefing", "Last contacts"))]
    if not contacts:
        parts.append(_block("p", translate("Briefing", "None recorded."), "none"))
        return "".join(parts)
    rows = []
    for contact in contacts:
        summary = _shortened(contact.summary, 220)
        title = e(contact.title) + (f"<br/><span class='small'>{e(summary)}</span>"
                                    if summary else "")
        rows.append(f"<tr>{_cell(date_text(contact.start))}{_cell(contact.kind_label)}"
                    f"<td>{title}</td>{_cell(contact.place)}"
                    f"{_cell('; '.join(contact.others))}</tr>")
    parts.append(_table([translate("Briefing", "Date"), translate("Fields", "Kind"),
                         translate("Fields", "Title"), translate("Briefing", "Place"),
                         translate("Briefing", "With")], rows, (17, 12, 35, 16, 20)))
    return "".join(parts)


def _followups(items: Sequence[OpenFollowUp], total: int) -> str:
    parts = [_block("h3", translate("Briefing", "Open follow-ups"))]
    if not items:
        parts.append(_block("p", translate("Briefing", "None open."), "none"))
        return "".join(parts)
    rows = [f"<tr>{_cell(date_text(f.due) if f.due else None, 'overdue' if f.overdue else '')}"
            f"{_cell(f.description)}{_cell(f.status_label)}{_cell(f.owner)}</tr>"
            for f in items]
    parts.append(_table([translate("Fields", "Due"), translate("Briefing", "Commitment"),
                         translate("Briefing", "Status"), translate("Fields", "Owner")],
                        rows, (18, 52, 14, 16)))
    parts.append(_more(len(items), total))
    return "".join(parts)


def _shortened(text: str | None, limit: int) -> str | None:
    if not text:
        return None
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1].rstrip() + "…"


# -- the text a PDF reader copies -------------------------------------------------------------

_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_RANGE = re.compile(rb"^<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> <([0-9A-Fa-f]{4})>$", re.MULTILINE)
_CHARS = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_CHAR = re.compile(rb"^(<[0-9A-Fa-f]+> )<([0-9A-Fa-f]{4})>$", re.MULTILINE)
# Look-alikes a glyph can be read back as: the Kangxi radicals and CJK radicals, CJK strokes,
# and the presentation forms of Arabic letters.
LOOK_ALIKES = (range(0x2E80, 0x2FE0), range(0x31C0, 0x31F0), range(0xFB50, 0xFE00),
               range(0xFE70, 0xFF00))
# Punctuation CJK fonts draw with one glyph for two characters: the one meant, by the other.
SAME_GLYPH = {0x2012: 0x2013, 0x2329: 0x3008, 0x232A: 0x3009}  # ‒ for –, 〈 for 〈, 〉 for 〉


@cache
def _replacements(family: str | None) -> Mapping[int, int]:
    """Look-alike code point → the character it stands for: what `family` draws with the same
    glyph (an ideograph for a radical, an en dash for a figure dash), else its compatibility
    form when that is one character."""
    found: dict[int, int] = {}
    for block in LOOK_ALIKES:
        for code in block:
            plain = unicodedata.normalize("NFKC", chr(code))
            if len(plain) == 1 and plain != chr(code):
                found[code] = ord(plain)
    if not family:
        return found
    raw = QRawFont.fromFont(QFont(family), QFontDatabase.WritingSystem.SimplifiedChinese)
    if not raw.isValid():
        return found
    meant = "".join(chr(c) for c in (*range(0x4E00, 0xA000), *SAME_GLYPH.values()))
    first: dict[int, int] = {}
    for char, glyph in zip(meant, raw.glyphIndexesForString(meant), strict=True):
        if glyph:
            first.setdefault(glyph, ord(char))
    alike = "".join(chr(c) for c in (*LOOK_ALIKES[0], *LOOK_ALIKES[1], *SAME_GLYPH))
    for char, glyph in zip(alike, raw.glyphIndexesForString(alike), strict=True):
        if glyph in first:
            found[ord(char)] = first[glyph]
    return found


def readable_text(pdf: bytes, family: str | None = None) -> bytes:
    """`pdf` (as Qt writes it) with each font's glyph-to-text map pointing look-alikes back at
    the characters they stand for. Every entry keeps its length, so no offset in the file
    moves."""
    table = _replacements(family if family is not None else cjk_family())

    def swap(digits: bytes) -> bytes:
        value = int(digits, 16)
        return b"%04X" % table[value] if value in table else digits

    def array(match: re.Match[bytes]) -> bytes:
        return b"[" + _CODE.sub(lambda m: b"<" + swap(m.group(1)) + b">", match.group(1)) + b"]"

    def one_range(match: re.Match[bytes]) -> bytes:
        low, high, value = match.groups()
        if int(low, 16) != int(high, 16):
            return match.group(0)  # a range of codes: its first sets the rest
        return b"<%s> <%s> <%s>" % (low, high, swap(value))

    def chars(match: re.Match[bytes]) -> bytes:
        return _CHAR.sub(lambda m: m.group(1) + b"<" + swap(m.group(2)) + b">", match.group(0))

    out = bytearray(pdf)
    for number in sorted(set(_TO_UNICODE.findall(pdf))):
        start = pdf.find(b"\n" + number + b" 0 obj")
        if start < 0:
            continue
        begin = pdf.find(b"stream\n", start)
        finish = pdf.find(b"endstream", begin)
        if begin < 0 or finish < 0 or b"/Filter" in pdf[start:begin]:
            continue
        begin += len(b"stream\n")
        body = pdf[begin:finish]
        fixed = _CHARS.sub(chars, _RANGE.sub(one_range, _ARRAY.sub(array, body)))
        if len(fixed) == len(body):
            out[begin:finish] = fixed
    return bytes(out)


def _fix_in_place(path: Path) -> None:
    """The same for a PDF a printer wrote; a file that cannot be read or written is left."""
    try:
        data = path.read_bytes()
        fixed = readable_text(data)
        if fixed != data:
            path.write_bytes(fixed)
    except OSError:
        pass
