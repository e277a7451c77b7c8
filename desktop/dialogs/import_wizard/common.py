"""What the wizard and its pages share: the page ids, the file types offered, and what the
File page learns about a file (inspect_file). The pages import this, never the wizard."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.exchange.imports.importer import is_liaison_workbook
from db.exchange.reading.readers import SheetInfo, open_source
from desktop.i18n import QT_TRANSLATE_NOOP, translate

FILE, SHEET, HEADER, COLUMNS, CHECK, REVIEW, IMPORT, RESULT = range(8)
FILE_FILTER = QT_TRANSLATE_NOOP("ImportWizard",
                                "Spreadsheets and contacts (*.xlsx *.xlsm *.xls *.ods *.csv "
                                "*.tsv *.vcf);;"
                                "Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument (*.ods);;"
                                "Text tables (*.csv *.tsv);;Contact cards (*.vcf);;"
                                "All files (*)")
# Translated where shown (FileFacts.format_name).
FORMAT_NAMES = {
    "xlsx": QT_TRANSLATE_NOOP("ImportWizard", "Excel workbook (.xlsx)"),
    "xlsm": QT_TRANSLATE_NOOP("ImportWizard", "Excel workbook with macros (.xlsm)"),
    "xlsb": QT_TRANSLATE_NOOP("ImportWizard", "Excel binary workbook (.xlsb)"),
    "xls": QT_TRANSLATE_NOOP("ImportWizard", "Excel 97–2003 workbook (.xls)"),
    "ods": QT_TRANSLATE_NOOP("ImportWizard", "OpenDocument spreadsheet (.ods)"),
    "csv": QT_TRANSLATE_NOOP("ImportWizard", "Text table (CSV)"),
    "tsv": QT_TRANSLATE_NOOP("ImportWizard", "Text table (tab-separated)"),
    "vcf": QT_TRANSLATE_NOOP("ImportWizard", "Contact cards (vCard)")}
@dataclass(frozen=True)
class FileFacts:
    """What the File page learned about the chosen file; the file itself is closed again."""

    path: Path
    format: str
    sheets: tuple[SheetInfo, ...]
    encoding: str | None
    delimiter: str | None
    liaison_workbook: bool

    @property
    def format_name(self) -> str:
        if self.format in FORMAT_NAMES:
            return translate("ImportWizard", FORMAT_NAMES[self.format])
        return self.format


def inspect_file(path: Path, encoding: str | None = None) -> FileFacts:
    """Open the file just long enough to learn its format and sheets (a text table in
    `encoding` when the user chose one). Raises UnreadableFile (a LiaisonError with one clear
    sentence) for anything that is not a usable spreadsheet."""
    with open_source(path, encoding) as source:
        return FileFacts(path, source.format, tuple(source.sheets), source.encoding,
                         source.delimiter, is_liaison_workbook(source))
