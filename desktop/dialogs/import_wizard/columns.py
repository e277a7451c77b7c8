"""The Columns page of the import wizard: which column feeds which field, saved mappings
(profiles) for the next list from the same colleague, what to do with rows that match a record
already in Liaison, and — when the dates could be read two ways — whether the day or the month
comes first."""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.changes.dates import AmbiguousDate, DayOrder, day_order_evidence, parse_date
from db.changes.fields import FieldInvalid
from db.exchange.imports import mapping as maps
from db.exchange.imports.plan import Policy
from db.store.errors import LiaisonError
from desktop.dialogs.import_wizard.step import NoticeLabel, WizardStep
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.import_plan import field_name
from desktop.qtmodels.import_preview import cell_text, column_letters

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.wizard import ImportWizard

IGNORE = QT_TRANSLATE_NOOP("ImportColumns", "Ignore this column")
# Shown in brackets after the field's label; translated where shown (field_text).
SEPARATED = QT_TRANSLATE_NOOP("ImportColumns", "separated by ;")
ISO_CODE = QT_TRANSLATE_NOOP("ImportColumns", "ISO code or name")
A_DATE = QT_TRANSLATE_NOOP("ImportColumns", "date")
JOINED = QT_TRANSLATE_NOOP("ImportColumns", "joined into name")
FIELD_HINTS = {
    "id": QT_TRANSLATE_NOOP("ImportColumns", "Liaison id"),
    "name": QT_TRANSLATE_NOOP("ImportColumns", "in the original script"),
    "name_en": QT_TRANSLATE_NOOP("ImportColumns", "in English"),
    "name_zh": QT_TRANSLATE_NOOP("ImportColumns", "in Chinese"),
    "aliases": QT_TRANSLATE_NOOP("ImportColumns", "other names, separated by ;"),
    "country": ISO_CODE, "founded": QT_TRANSLATE_NOOP("ImportColumns", "a year or a date"),
    "level": QT_TRANSLATE_NOOP("ImportColumns", "of the relationship"),
    "tags": SEPARATED, "first_name": JOINED, "last_name": JOINED,
    "emails": SEPARATED, "phones": SEPARATED, "languages": SEPARATED,
    "organization": QT_TRANSLATE_NOOP("ImportColumns", "of the position"),
    "role": QT_TRANSLATE_NOOP("ImportColumns", "in the organization"), "start": A_DATE,
    "end": A_DATE, "topics": SEPARATED,
    "participants": QT_TRANSLATE_NOOP("ImportColumns", "names, separated by ;"),
    "due": A_DATE, "platform": QT_TRANSLATE_NOOP("ImportColumns", "or mechanism"),
    "interaction": QT_TRANSLATE_NOOP("ImportColumns", "it came from"),
}
KIND_FIELD_HINTS = {
    ("interactions", "kind"): QT_TRANSLATE_NOOP("ImportColumns", "visit, talks, seminar…"),
    ("organizations", "kind"): QT_TRANSLATE_NOOP("ImportColumns", "party, think tank…"),
    ("people", "title"): QT_TRANSLATE_NOOP("ImportColumns", "or job title"),
    ("people", "nationality"): ISO_CODE, ("interactions", "country"): ISO_CODE}
# Without these the plan cannot say which record a row is (db.exchange.imports.importer checks
# too): the fields, the sentence asking for one (translated where shown) and the field it names.
REQUIRED = {
    "organizations": ({"name", "id"}, QT_TRANSLATE_NOOP(
        "ImportColumns", "Choose the column that holds the name of the organizations "
        "(“{field}”)."), "name"),
    "people": ({"name", "first_name", "last_name", "id"}, QT_TRANSLATE_NOOP(
        "ImportColumns", "Choose the column that holds the name of the people (“{field}”)."),
        "name"),
    "interactions": ({"title", "id"}, QT_TRANSLATE_NOOP(
        "ImportColumns", "Choose the column that holds the title of the interactions "
        "(“{field}”)."), "title"),
    "followups": ({"description", "id"}, QT_TRANSLATE_NOOP(
        "ImportColumns", "Choose the column that holds the description of the follow-ups "
        "(“{field}”)."), "description"),
    maps.INVITATIONS: ({"organization", "leader"}, QT_TRANSLATE_NOOP(
        "ImportColumns", "Choose the column that holds the party or organization invited "
        "(“{field}”)."), "organization")}
POLICIES: tuple[tuple[Policy, str], ...] = (  # translated where shown
    ("skip", QT_TRANSLATE_NOOP("ImportColumns", "&Skip it: keep what Liaison has")),
    ("update", QT_TRANSLATE_NOOP("ImportColumns", "&Update Liaison with the file's values")),
    ("fill", QT_TRANSLATE_NOOP("ImportColumns", "Only &fill in what Liaison leaves empty")))
SAMPLE_COLUMNS = 2
COLUMN, HEADER, FIRST_SAMPLE = 0, 1, 2
TARGET = FIRST_SAMPLE + SAMPLE_COLUMNS
STATUS = TARGET + 1


def field_text(kind: str, field: str) -> str:
    """A field a column can feed, as its combo box offers it: “Chinese name  (in Chinese)”."""
    hint = KIND_FIELD_HINTS.get((kind, field), FIELD_HINTS.get(field))
    label = field_name(field, kind)
    if not hint:
        return label
    return translate("ImportColumns", "{field}  ({hint})").format(
        field=label, hint=translate("ImportColumns", hint))


def date_evidence(rows: list[list[Any]], columns: list[int]) -> tuple[int, Counter[str], str]:
    """In the given columns: how many dates could be read two ways, which order the other
    numeric dates prove, and one example of an ambiguous date."""
    ambiguous = 0
    votes: Counter[str] = Counter()
    example = ""
    for cells in rows:
        for column in columns:
            value = cells[column] if column < len(cells) else None
            if not isinstance(value, str) or not value.strip():
                continue
            evidence = day_order_evidence(value)
            if evidence:
                votes[evidence] += 1
                continue
            try:
                parse_date(value, None)
            except AmbiguousDate:
                ambiguous += 1
                example = example or value.strip()
            except FieldInvalid:
                continue
    return ambiguous, votes, example


class ColumnsPage(WizardStep):
    def __init__(self, flow: ImportWizard) -> None:
        super().__init__(flow, translate("ImportColumns", "Columns"),
                         translate("ImportColumns", "Choose the field each column feeds; Liaison "
                                   "has matched the ones whose names it knows. Columns left on "
                                   "“Ignore” are not imported."))
        self.profiles = QComboBox()
        self.profiles.setObjectName("profiles")
        self.profiles.setMinimumContentsLength(24)
        self.profiles.activated.connect(self._profile_chosen)
        self.save_profile_button = QPushButton(icon("save"),
                                               translate("ImportColumns", "Save as &profile…"))
        self.save_profile_button.setToolTip(translate(
            "ImportColumns", "Keep this mapping under a name, for the next list from the same "
            "colleague."))
        self.save_profile_button.clicked.connect(self.save_profile)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ImportColumns", "Saved mapping:")))
        top.addWidget(self.profiles)
        top.addWidget(self.save_profile_button)
        top.addStretch(1)
        self.table = QTableWidget(0, STATUS + 1)
        self.table.setObjectName("columns")
        self.table.setHorizontalHeaderLabels(
            [translate("ImportColumns", "Column"), translate("ImportColumns", "Name in the file"),
             *(translate("ImportColumns", "Example {n}").format(n=n + 1)
               for n in range(SAMPLE_COLUMNS)),
             translate("ImportColumns", "Imports into"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.combos: list[QComboBox] = []
        self.headers: list[str] = []

        policy_box = QGroupBox(translate("ImportColumns",
                                         "When a row matches a record already in Liaison"))
        policy_layout = QVBoxLayout(policy_box)
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        for policy, text in POLICIES:
            button = QRadioButton(translate("ImportColumns", text))
            button.setObjectName(f"policy_{policy}")
            self.policy_group.addButton(button)
            self.policy_buttons[policy] = button
            policy_layout.addWidget(button)
            button.toggled.connect(partial(self._policy_toggled, policy))
        self.clear_empty = QCheckBox(translate("ImportColumns",
                                               "&Empty cells clear existing values"))
        self.clear_empty.setObjectName("clear_empty")
        self.clear_empty.setToolTip(translate(
            "ImportColumns", "Off: an empty cell leaves what Liaison has. On: an empty cell in "
            "the file empties the field in Liaison."))
        self.clear_empty.toggled.connect(self._clear_empty_toggled)
        policy_layout.addWidget(self.clear_empty)

        self.dates_box = QGroupBox(translate("ImportColumns", "Dates such as 03/04/2024"))
        self.dates_box.setObjectName("dates")
        dates_layout = QVBoxLayout(self.dates_box)
        self.date_note = QLabel()
        self.date_note.setWordWrap(True)
        self.date_group = QButtonGroup(self)
        self.day_first = QRadioButton(translate("ImportColumns",
                                                "&Day first: 03/04/2024 is 3 April 2024"))
        self.month_first = QRadioButton(translate("ImportColumns",
                                                  "&Month first: 03/04/2024 is March 4, 2024"))
        orders: tuple[tuple[QRadioButton, DayOrder], ...] = (
            (self.day_first, "dayfirst"), (self.month_first, "monthfirst"))
        for button, order in orders:
            self.date_group.addButton(button)
            button.toggled.connect(partial(self._day_order_toggled, order))
            dates_layout.addWidget(button)
        dates_layout.insertWidget(0, self.date_note)
        self.ambiguous_dates = 0

        bottom = QHBoxLayout()
        bottom.addWidget(policy_box, 1)
        bottom.addWidget(self.dates_box, 1)
        self.saved_note = NoticeLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.saved_note)
        layout.addLayout(bottom)

    # -- filling ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        flow = self.flow
        self.notice.clear()
        self.saved_note.clear()
        preview = flow.preview
        assert preview is not None and flow.header_row is not None
        self.headers = maps.header_texts(preview.rows[flow.header_row - 1])
        key = (flow.sheet, flow.header_row, flow.kind)
        if flow.mapping_for != key:
            auto = maps.auto_map(self.headers, flow.kind)
            flow.mapping = {i: auto.get(i) for i in range(len(self.headers))}
            flow.mapping_for = key
        self._fill_table()
        self._fill_profiles()
        self.policy_buttons[flow.on_duplicate].setChecked(True)
        self.clear_empty.setChecked(flow.clear_empty)
        self.clear_empty.setEnabled(flow.on_duplicate == "update")
        self._check_dates()
        self._check_mapping()

    def _fill_table(self) -> None:
        flow = self.flow
        preview = flow.preview
        assert preview is not None and flow.header_row is not None
        below = preview.rows[flow.header_row:]
        self.table.setRowCount(len(self.headers))
        self.combos = []
        fields = maps.TARGETS[flow.kind]
        for column, header in enumerate(self.headers):
            letter = QTableWidgetItem(column_letters(column + 1))
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(column, COLUMN, letter)
            name = QTableWidgetItem(header or translate("ImportColumns", "(no name)"))
            if not header:
                name.setForeground(self.palette().placeholderText())
            self.table.setItem(column, HEADER, name)
            samples = [v for v in (r[column] if column < len(r) else None for r in below)
                       if v not in (None, "")][:SAMPLE_COLUMNS]
            for n in range(SAMPLE_COLUMNS):
                text = cell_text(samples[n], 60) if n < len(samples) else ""
                item = QTableWidgetItem(text)
                item.setToolTip(cell_text(samples[n], None) if n < len(samples) else "")
                self.table.setItem(column, FIRST_SAMPLE + n, item)
            combo = QComboBox()
            combo.setObjectName(f"target_{column}")
            combo.addItem(translate("ImportColumns", IGNORE), None)
            for field in fields:
                combo.addItem(field_text(flow.kind, field), field)
            chosen = flow.mapping.get(column)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.currentIndexChanged.connect(lambda _i, c=column: self._target_chosen(c))
            self.table.setCellWidget(column, TARGET, combo)
            self.table.setItem(column, STATUS, QTableWidgetItem(""))
            self.combos.append(combo)
            # A column with neither a name nor values (data starting in column B) is noise.
            self.table.setRowHidden(column, not header and not samples and not chosen)
        self.table.resizeColumnsToContents()
        for column, width in ((HEADER, 220), (FIRST_SAMPLE, 200), (FIRST_SAMPLE + 1, 200)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), width))
        self.table.setColumnWidth(TARGET, max(self.table.columnWidth(TARGET), 280))

    def _fill_profiles(self) -> None:
        from db.exchange.imports.mapping import list_profiles

        self.profiles.clear()
        self.profiles.addItem(translate("ImportColumns", "(none)"), None)
        try:
            saved = [p for p in list_profiles(self.flow.context.database)
                     if p.kind == self.flow.kind]
        except LiaisonError as exc:
            self.show_error(exc.message)
            saved = []
        for profile in saved:
            self.profiles.addItem(profile.name, profile.name)
        self.profiles.setEnabled(bool(saved))
        if not saved:
            self.profiles.setToolTip(translate("ImportColumns",
                                               "No saved mapping for this kind of rows yet."))

    # -- choices ------------------------------------------------------------------------------
    def set_target(self, column: int, field: str | None) -> None:
        """Choose the field of one column, as the user does with its combo box."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field), 0) if field else 0)

    def _target_chosen(self, column: int) -> None:
        self.flow.mapping[column] = self.combos[column].currentData()
        self.saved_note.clear()
        self._check_mapping()
        self._check_dates()

    def _profile_chosen(self, index: int) -> None:
        from db.exchange.imports.mapping import apply_profile, load_profile

        name = self.profiles.itemData(index)
        if not name:
            return
        try:
            profile = load_profile(self.flow.context.database, name)
        except LiaisonError as exc:
            self.show_error(exc.message)
            return
        mapped = apply_profile(profile, self.headers)
        for column in range(len(self.combos)):
            self.combos[column].blockSignals(True)
            self.set_target(column, mapped.get(column))
            self.combos[column].blockSignals(False)
            self.flow.mapping[column] = mapped.get(column)
        if profile.day_order == "dayfirst":
            self.flow.day_order = "dayfirst"
        elif profile.day_order == "monthfirst":
            self.flow.day_order = "monthfirst"
        self._check_mapping()
        self._check_dates()

    def save_profile(self) -> None:
        from db.exchange.imports.mapping import Profile, save_profile

        flow = self.flow
        suggested = self.profiles.currentData() or (flow.facts.path.stem if flow.facts else "")
        name = flow.ask_text(translate("ImportColumns", "Save the column mapping"),
                             translate("ImportColumns", "Name for this mapping (for the next "
                                       "list from the same colleague):"), suggested)
        if name is None or not name.strip():
            return
        columns = {header: flow.mapping.get(i) for i, header in enumerate(self.headers) if header}
        try:
            save_profile(flow.context.database, Profile(name.strip(), flow.kind, columns,
                                                        flow.day_order))
        except LiaisonError as exc:
            self.show_error(exc.message)
            return
        self._fill_profiles()
        self.profiles.setCurrentIndex(max(self.profiles.findData(name.strip()), 0))
        self.saved_note.show_message(translate(
            "ImportColumns", "Mapping saved as “{name}”; choose it under Saved mapping next "
            "time.").format(name=name.strip()), "info")

    def _policy_toggled(self, policy: Policy, on: bool) -> None:
        if not on:
            return
        self.flow.on_duplicate = policy
        self.clear_empty.setEnabled(policy == "update")
        if policy != "update":
            self.clear_empty.setChecked(False)

    def _clear_empty_toggled(self, on: bool) -> None:
        self.flow.clear_empty = on

    def _day_order_toggled(self, order: DayOrder, on: bool) -> None:
        if not on:
            return
        self.flow.day_order = order
        self.completeChanged.emit()

    # -- checks -------------------------------------------------------------------------------
    def duplicates(self) -> dict[str, list[int]]:
        columns: dict[str, list[int]] = {}
        for column, field in self.flow.mapping.items():
            if field:
                columns.setdefault(field, []).append(column)
        # Several e-mail or phone columns (Outlook's, Google's) all go into the one list.
        return {field: cols for field, cols in columns.items()
                if len(cols) > 1 and field not in maps.MULTI_COLUMN_FIELDS}

    def missing(self) -> str | None:
        """What the rows cannot do without, in words; None when it is mapped."""
        kind = self.flow.kind
        fields = {f for f in self.flow.mapping.values() if f}
        needed, sentence, field = REQUIRED[kind]
        if not fields & needed:
            return translate("ImportColumns", sentence).format(field=field_name(field, kind))
        if kind == "interactions" and not fields & {"start", "id"}:
            return translate("ImportColumns", "Choose the column that holds the date of the "
                             "interactions (“{field}”).").format(field=field_name("start", kind))
        return None

    def _check_mapping(self) -> None:
        duplicates = self.duplicates()
        for column in range(len(self.combos)):
            field = self.flow.mapping.get(column)
            others = [c for c in duplicates.get(field or "", []) if c != column]
            item = self.table.item(column, STATUS)
            if item is None:
                continue
            if others:
                item.setText(translate("ImportColumns", "Also chosen for column {columns}").format(
                    columns=", ".join(column_letters(c + 1) for c in others)))
                item.setIcon(icon("triangle-alert", "#b42318"))
                item.setForeground(QBrush(QColor("#b42318")))
            else:
                item.setText("")
                item.setIcon(icon("check", "#067647") if field else icon("x", "#98a2b3"))
        kind = self.flow.kind
        problems = [translate("ImportColumns", "“{field}” is chosen for columns {columns}; choose "
                              "it for one column only.").format(
            field=field_name(field, kind), columns=self._column_list(cols))
            for field, cols in duplicates.items()]
        missing = self.missing()
        if missing:
            problems.append(missing)
        if problems:
            self.notice.show_message(" ".join(problems), "error")
        else:
            self.notice.clear()
        self.completeChanged.emit()

    @staticmethod
    def _column_list(columns: list[int]) -> str:
        """“A and C”, “A, C and D”."""
        letters = [column_letters(c + 1) for c in columns]
        if len(letters) == 1:
            return letters[0]
        return translate("ImportColumns", "{columns} and {last}").format(
            columns=", ".join(letters[:-1]), last=letters[-1])

    def _check_dates(self) -> None:
        flow = self.flow
        preview = flow.preview
        assert preview is not None and flow.header_row is not None
        columns = [c for c, f in flow.mapping.items() if f in maps.DATE_FIELDS]
        ambiguous, votes, example = date_evidence(preview.rows[flow.header_row:], columns)
        self.ambiguous_dates = ambiguous
        self.dates_box.setVisible(bool(ambiguous or votes))
        if not (ambiguous or votes):
            return
        if flow.day_order is None and len(votes) == 1:
            flow.day_order = "dayfirst" if "dayfirst" in votes else "monthfirst"
        self.day_first.setChecked(flow.day_order == "dayfirst")
        self.month_first.setChecked(flow.day_order == "monthfirst")
        if len(votes) == 1:
            day_first = next(iter(votes)) == "dayfirst"
            if example:
                text = (translate("ImportColumns", "Some dates have a day above 12 in the first "
                                  "place, so the day comes first; “{example}” is read the same "
                                  "way.") if day_first else
                        translate("ImportColumns", "Some dates have a day above 12 in the second "
                                  "place, so the month comes first; “{example}” is read the same "
                                  "way."))
            else:
                text = (translate("ImportColumns", "Some dates have a day above 12 in the first "
                                  "place, so the day comes first.") if day_first else
                        translate("ImportColumns", "Some dates have a day above 12 in the second "
                                  "place, so the month comes first."))
            self.date_note.setText(text.format(example=example))
        elif votes:
            self.date_note.setText(translate(
                "ImportColumns", "The dates mix both orders (some have a day above 12 first, "
                "others second). Choose the order most rows use; the other dates will be shown "
                "as problems."))
        else:
            self.date_note.setText(translate(
                "ImportColumns", "A date such as “{example}” could be read two ways, and no "
                "date in the file settles it. Which comes first?").format(example=example))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.duplicates() or self.missing():
            return False
        return not (self.ambiguous_dates and self.flow.day_order is None)

    def validatePage(self) -> bool:
        return self.flow.build_then_next()

    def nextId(self) -> int:
        from desktop.dialogs.import_wizard.common import CHECK

        return CHECK
