"""The first pages of the import wizard: which file, which sheet, which row holds the column
names and what the rows are. The pieces every page shares are in import_step."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.exchange.imports import mapping as maps
from db.exchange.imports.importer import preview
from db.exchange.reading.read_types import PasswordProtected
from db.exchange.reading.readers import forget_password, open_source, remember_password
from db.store.errors import LiaisonError
from desktop.dialogs.import_wizard.step import WaitCursor, WizardStep, counted
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.import_preview import PreviewModel

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.common import FileFacts
    from desktop.dialogs.import_wizard.wizard import ImportWizard

PREVIEW_ROWS = 200
# Translated where shown (FilePage.describe).
ENCODINGS = {"utf-8": "UTF-8",
             "utf-8-sig": QT_TRANSLATE_NOOP("ImportPages", "UTF-8 (with a byte-order mark)"),
             "utf-16": "UTF-16", "utf-32": "UTF-32",
             "gb18030": QT_TRANSLATE_NOOP("ImportPages", "GB18030 (Chinese Windows)"),
             "big5": QT_TRANSLATE_NOOP("ImportPages",
                                       "Big5 (traditional Chinese: Taiwan, Hong Kong)"),
             "cp1252": QT_TRANSLATE_NOOP("ImportPages",
                                         "Windows-1252 (Western European Windows)"),
             "cp1251": QT_TRANSLATE_NOOP("ImportPages", "Windows-1251 (Cyrillic)"),
             "cp1253": QT_TRANSLATE_NOOP("ImportPages", "Windows-1253 (Greek)"),
             "cp1255": QT_TRANSLATE_NOOP("ImportPages", "Windows-1255 (Hebrew)"),
             "cp1256": QT_TRANSLATE_NOOP("ImportPages", "Windows-1256 (Arabic)")}
DELIMITERS = {",": QT_TRANSLATE_NOOP("ImportPages", "commas"),
              ";": QT_TRANSLATE_NOOP("ImportPages", "semicolons"),
              "\t": QT_TRANSLATE_NOOP("ImportPages", "tabs"),
              "|": QT_TRANSLATE_NOOP("ImportPages", "vertical bars")}
# The kinds of rows, as the Header page offers them, and its sentence when it guessed one.
KIND_CHOICES = {"organizations": QT_TRANSLATE_NOOP("ImportPages", "Organizations"),
                "people": QT_TRANSLATE_NOOP("ImportPages", "People (with their positions)"),
                "interactions": QT_TRANSLATE_NOOP("ImportPages",
                                                  "Interactions (with participants)"),
                "followups": QT_TRANSLATE_NOOP("ImportPages", "Follow-ups"),
                maps.INVITATIONS: QT_TRANSLATE_NOOP("ImportPages", "Invitations to an event")}
KIND_GUESSES = {
    "organizations": QT_TRANSLATE_NOOP("ImportPages", "Liaison guessed organizations from the "
                                       "column names; choose another if that is wrong."),
    "people": QT_TRANSLATE_NOOP("ImportPages", "Liaison guessed people (with their positions) "
                                "from the column names; choose another if that is wrong."),
    "interactions": QT_TRANSLATE_NOOP("ImportPages", "Liaison guessed interactions (with "
                                      "participants) from the column names; choose another if "
                                      "that is wrong."),
    "followups": QT_TRANSLATE_NOOP("ImportPages", "Liaison guessed follow-ups from the column "
                                   "names; choose another if that is wrong."),
    maps.INVITATIONS: QT_TRANSLATE_NOOP("ImportPages", "Each row is a party or organization "
                                        "invited: choose the event."),
}


# ---------------------------------------------------------------------------------------------

class FilePage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportPages", "Choose the file"),
                         translate("ImportPages",
                                   "A spreadsheet from a colleague (.xlsx, .xls, .ods, .csv, "
                                   ".tsv), contacts from a phone or mail program (.vcf, or an "
                                   "Outlook or Google Contacts .csv), or a Liaison workbook you "
                                   "exported and edited. Nothing is written until you have "
                                   "reviewed every change."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(
            translate("ImportPages", "Choose a file, or paste its path here and press Enter"))
        self.path_edit.returnPressed.connect(lambda: self.open_path(self.path_edit.text()))
        self.browse_button = QPushButton(icon("search"), translate("ImportPages", "&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("facts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("ImportPages", "File:")))
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.facts_label)
        # A text table's encoding: the one recognised, and a way to read it in another.
        self.encoding = QComboBox()
        self.encoding.setObjectName("encoding")
        for code, label in ENCODINGS.items():
            self.encoding.addItem(translate("ImportPages", label), code)
        self.encoding_row = QWidget()
        encoding_layout = QHBoxLayout(self.encoding_row)
        encoding_layout.setContentsMargins(0, 0, 0, 0)
        encoding_layout.addWidget(QLabel(translate("ImportPages", "Read the text as:")))
        encoding_layout.addWidget(self.encoding)
        encoding_layout.addStretch(1)
        self.encoding_row.hide()
        self.encoding.activated.connect(lambda _index: self.open_path(
            self.path_edit.text(), str(self.encoding.currentData())))
        layout.addWidget(self.encoding_row)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def browse(self) -> None:
        path = self.flow.choose_file()
        if path:
            self.open_path(path)

    def open_path(self, text: str, encoding: str | None = None) -> None:
        """Open the file (a text table in `encoding`, when the user chose one)."""
        from desktop.dialogs.import_wizard.common import inspect_file

        text = text.strip().strip('"')
        if not text:
            return
        self.path_edit.setText(text)
        self.notice.clear()
        self.facts_label.clear()
        flow = self.flow
        flow.facts = None
        flow.sheet = None
        flow.preview = None
        flow.mapping_for = None
        flow.fixes = {}
        flow.day_order = None
        flow.skip_invalid = False
        flow.forget_choices()
        flow.plan = None
        try:
            with WaitCursor():
                facts = inspect_file(Path(text), encoding)
        except PasswordProtected as exc:
            unlocked = ask_workbook_password(self, Path(text), encoding)
            if unlocked is None:
                self.show_error(exc.message)
                return
            facts = unlocked
        except LiaisonError as exc:
            self.show_error(exc.message)
            return
        flow.facts = facts
        text_table = facts.format in ("csv", "tsv") and facts.encoding is not None
        self.encoding_row.setVisible(text_table)
        if text_table:
            known = facts.encoding or ""
            if self.encoding.findData(known) < 0:
                self.encoding.addItem(known.upper(), known)
            self.encoding.setCurrentIndex(self.encoding.findData(known))
        visible = [s for s in facts.sheets if not s.hidden]
        flow.sheet = (visible or list(facts.sheets))[0].name
        self.facts_label.setText(self.describe())
        if facts.liaison_workbook:
            self.notice.show_message(translate(
                "ImportPages",
                "This is a Liaison workbook. Its rows carry their records' ids, so there are "
                "no columns to map: Liaison compares every row with the database and shows "
                "what changed in the file, what changed in Liaison since the export, and "
                "where both changed."), "info")
        self.completeChanged.emit()

    def describe(self) -> str:
        facts = self.flow.facts
        if facts is None:
            return ""
        parts = [f"<b>{facts.path.name}</b>", facts.format_name]
        if facts.encoding:
            encoding = facts.encoding.lower()
            parts.append(translate("ImportPages", "encoding {encoding}").format(
                encoding=translate("ImportPages", ENCODINGS[encoding]) if encoding in ENCODINGS
                else facts.encoding.upper()))
        if facts.delimiter and facts.format == "csv":
            parts.append(translate("ImportPages", "fields separated by {delimiter}").format(
                delimiter=translate("ImportPages", DELIMITERS[facts.delimiter])
                if facts.delimiter in DELIMITERS else repr(facts.delimiter)))
        if facts.format not in ("csv", "tsv"):
            hidden = sum(1 for s in facts.sheets if s.hidden)
            sheets = counted(len(facts.sheets), translate("ImportPages", "1 sheet"),
                             translate("ImportPages", "{n:,} sheets"))
            parts.append(translate("ImportPages", "{sheets} ({hidden:,} hidden)").format(
                sheets=sheets, hidden=hidden) if hidden else sheets)
        return " · ".join(parts)

    def isComplete(self) -> bool:
        return self.flow.facts is not None

    def validatePage(self) -> bool:
        if self.flow.liaison_workbook:
            return self.flow.build_then_next()
        return True

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard.common import CHECK, HEADER, REVIEW, SHEET

        facts = self.flow.facts
        if facts is not None and facts.liaison_workbook:
            plan = self.flow.plan
            return CHECK if plan is not None and (plan.errors or plan.warnings) else REVIEW
        if facts is not None and len(facts.sheets) > 1:
            return SHEET
        return HEADER


# ---------------------------------------------------------------------------------------------

class SheetPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportPages", "Choose the sheet"),
                         translate("ImportPages", "The file has several sheets. Which one holds "
                                   "the rows to import?"))
        self.sheets = QListWidget()
        self.sheets.setObjectName("sheets")
        self.sheets.currentItemChanged.connect(self._chosen)
        self.sheets.itemDoubleClicked.connect(lambda _item: self.flow.next())
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.notice)

    def initializePage(self) -> None:
        facts = self.flow.facts
        self.sheets.blockSignals(True)
        self.sheets.clear()
        chosen = None
        for info in facts.sheets if facts else ():
            item = QListWidgetItem(icon("list-checks"), translate(
                "ImportPages", "{sheet}  (hidden)").format(sheet=info.name) if info.hidden
                else info.name)
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            if info.hidden:
                item.setForeground(self.palette().placeholderText())
                item.setToolTip(translate("ImportPages",
                                          "A hidden sheet: spreadsheet programs do not show it."))
            self.sheets.addItem(item)
            if info.name == self.flow.sheet:
                chosen = item
        self.sheets.blockSignals(False)
        if chosen is not None:
            self.sheets.setCurrentItem(chosen)

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if name != self.flow.sheet:
            self.flow.sheet = name
            self.flow.preview = None
            self.flow.fixes = {}
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.flow.sheet is not None


# ---------------------------------------------------------------------------------------------

class HeaderPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportPages", "Column names and what the rows are"),
                         translate("ImportPages", "Check that the highlighted row holds the "
                                   "column names; the rows below it are imported."))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("header_row")
        self.header_spin.setMinimum(1)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.header_note = QLabel()
        self.header_note.setObjectName("header_note")
        top = QHBoxLayout()
        label = QLabel(translate("ImportPages", "Column &names are in row:"))
        label.setBuddy(self.header_spin)
        top.addWidget(label)
        top.addWidget(self.header_spin)
        top.addWidget(self.header_note, 1)
        self.model = PreviewModel()
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(lambda index: self.header_spin.setValue(index.row() + 1))
        self.table.setToolTip(translate("ImportPages",
                                        "Double-click a row to make it the row of column names."))
        self.kinds = QButtonGroup(self)
        kind_box = QGroupBox(translate("ImportPages", "What are these rows?"))
        kind_row = QHBoxLayout(kind_box)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind in (*maps.KINDS, maps.INVITATIONS):
            button = QRadioButton(translate("ImportPages", KIND_CHOICES[kind]))
            button.setObjectName(f"kind_{kind}")
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            kind_row.addWidget(button)
            button.toggled.connect(partial(self._kind_toggled, kind))
        kind_row.addStretch(1)
        # Invitations are to an event the user chooses: each row becomes one.
        self.event_combo = QComboBox()
        self.event_combo.setObjectName("invitation_event")
        self.event_combo.setMinimumContentsLength(40)
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.event_combo.currentIndexChanged.connect(self._event_chosen)
        self.event_label = QLabel(translate("ImportPages", "&Event:"))
        self.event_label.setBuddy(self.event_combo)
        event_row = QHBoxLayout()
        event_row.addWidget(self.event_label)
        event_row.addWidget(self.event_combo, 1)
        self.events_loaded = False
        self.kind_note = QLabel()
        self.kind_note.setObjectName("kind_note")
        self.kind_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(kind_box)
        layout.addLayout(event_row)
        layout.addWidget(self.kind_note)
        layout.addWidget(self.notice)
        self.kind_chosen_by_user = False
        self._setting = False

    def initializePage(self) -> None:
        flow = self.flow
        self.notice.clear()
        if flow.preview is None or flow.preview.sheet != flow.sheet:
            flow.preview = None
            assert flow.facts is not None
            try:
                with WaitCursor(), open_source(flow.facts.path, flow.facts.encoding) as source:
                    flow.preview = preview(source, flow.sheet, limit=PREVIEW_ROWS)
            except LiaisonError as exc:
                self.model.set_rows([], None)
                self.show_error(exc.message)
                return
            flow.header_row = flow.preview.header_row
            flow.kind = flow.preview.kind
            self.kind_chosen_by_user = False
        shown = flow.preview
        rows = shown.rows
        self._setting = True
        self.header_spin.setMaximum(max(len(rows), 1))
        self.header_spin.setValue(flow.header_row or 1)
        self._setting = False
        self.model.set_rows(rows, flow.header_row)
        file_name = flow.facts.path.name if flow.facts else ""
        self.intro.setText((translate(
            "ImportPages", "Sheet “{sheet}” of {file} (the first {count:,} rows). Rows above the "
            "column names (titles, notes) are left out.") if shown.truncated else translate(
            "ImportPages", "Sheet “{sheet}” of {file}. Rows above the column names (titles, "
            "notes) are left out.")).format(sheet=shown.sheet, file=file_name, count=PREVIEW_ROWS))
        if not rows:
            self.show_error(translate("ImportPages", "This sheet is empty: there is nothing to "
                                      "import. Go back and choose another sheet or file."))
        elif shown.header_row is None:
            self.header_note.setText(translate("ImportPages",
                                               "Liaison found no row of column names; choose it."))
            flow.header_row = self.header_spin.value()
            self.model.set_header_row(flow.header_row)
        else:
            self.header_note.setText(translate(
                "ImportPages", "Liaison found the column names in row {row}.").format(
                row=shown.header_row))
        self._show_kind(flow.kind, guessed=not self.kind_chosen_by_user)
        self.fit_columns()
        if flow.header_row:
            self.table.scrollTo(self.model.index(max(flow.header_row - 2, 0), 0),
                                QAbstractItemView.ScrollHint.PositionAtTop)
        self.completeChanged.emit()

    def fit_columns(self) -> None:
        """Widths from the column names and the rows below them: a long title above the
        header row does not make its column wide."""
        rows = self.model.rows
        start = (self.flow.header_row or 1) - 1
        metrics = self.table.fontMetrics()
        for column in range(self.model.columnCount()):
            texts = [self.model.index(n, column).data() or ""
                     for n in range(start, min(len(rows), start + 60))]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            self.table.setColumnWidth(column, max(48, min(widest + 18, 260)))

    def headers(self) -> list[str]:
        preview_ = self.flow.preview
        row = self.flow.header_row
        if preview_ is None or not row or row > len(preview_.rows):
            return []
        return maps.header_texts(preview_.rows[row - 1])

    def _header_changed(self, value: int) -> None:
        if self._setting or self.flow.preview is None:
            return
        self.flow.header_row = value
        self.model.set_header_row(value)
        self.header_note.setText("")
        if not self.kind_chosen_by_user:
            self._show_kind(maps.guess_kind(self.headers()), guessed=True)
        self.completeChanged.emit()

    def _show_kind(self, kind: str, *, guessed: bool) -> None:
        self.flow.kind = kind
        self._setting = True
        self.kind_buttons[kind].setChecked(True)
        self._setting = False
        if guessed:
            self.kind_note.setText(translate("ImportPages", KIND_GUESSES[kind]))
        self._show_events()

    def _kind_toggled(self, kind: str, on: bool) -> None:
        if self._setting or not on:
            return
        self.kind_chosen_by_user = True
        self.flow.kind = kind
        self.kind_note.setText(translate("ImportPages", KIND_GUESSES[kind])
                               if kind == maps.INVITATIONS else "")
        self._show_events()
        self.completeChanged.emit()

    def _show_events(self) -> None:
        """The events to choose from, shown for invitations only (read once, newest first)."""
        shown = self.flow.kind == maps.INVITATIONS
        self.event_label.setVisible(shown)
        self.event_combo.setVisible(shown)
        if not shown or self.events_loaded:
            return
        from db.services import events

        self.events_loaded = True
        with WaitCursor():
            page = events.list_events(self.flow.context.database, limit=500)
        self._setting = True
        self.event_combo.clear()
        for event in page.items:
            self.event_combo.addItem(f"{event.start.isoformat()}   {event.name}", event.id)
        self.event_combo.setCurrentIndex(-1)
        if not page.items:
            self.event_combo.setPlaceholderText(translate(
                "ImportPages", "No events yet: set one up first in the Events list (New event…)."))
        else:
            self.event_combo.setPlaceholderText(translate("ImportPages", "Choose the event"))
        chosen = self.event_combo.findData(self.flow.event_id)
        if chosen >= 0:
            self.event_combo.setCurrentIndex(chosen)
        self._setting = False

    def _event_chosen(self, index: int) -> None:
        if self._setting:
            return
        data = self.event_combo.itemData(index) if index >= 0 else None
        self.flow.event_id = str(data) if data else None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        preview_ = self.flow.preview
        return (preview_ is not None and bool(preview_.rows) and self.flow.header_row is not None
                and self.flow.header_row < len(preview_.rows) + 1
                and (self.flow.kind != maps.INVITATIONS or self.flow.event_id is not None))


def ask_workbook_password(parent: QWidget, path: Path, encoding: str | None) -> FileFacts | None:
    """A password-protected workbook: its password, asked until it opens the file (held in
    memory for this import's later reads) or the user cancels (None)."""
    from desktop.dialogs.import_wizard.common import FileFacts, inspect_file
    from desktop.dialogs.passphrase import PassphraseDialog

    def opens(password: str) -> FileFacts:
        remember_password(path, password)
        try:
            return inspect_file(path, encoding)
        except PasswordProtected:
            forget_password(path)
            raise

    dialog = PassphraseDialog(
        parent, translate("ImportPages", "Protected workbook"),
        translate("ImportPages", "“{name}” is protected by a password. Enter it to import the "
                                 "workbook; it is kept only while Liaison runs.").format(
            name=path.name),
        check=opens, label=translate("ImportPages", "Password:"))
    if not dialog.exec():
        return None
    facts = dialog.result_value
    return facts if isinstance(facts, FileFacts) else None
