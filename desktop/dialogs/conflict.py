"""A save based on an old version (a colleague saved the record meanwhile): for every field
that differs, the user's value and the value saved meanwhile, by whom and when; the user
keeps theirs or takes the saved one, field by field, and the page saves again on top of the
new version. Cancel writes nothing and leaves the user's edits in the form.

Pages call the module-level `ask_about_conflict`, so tests replace that one function (or
drive the dialog itself with `choose`) instead of answering a modal window."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.changes.recording import Actor
from db.models.vocabulary import Term
from db.services.followups import FollowUpRecord, get_followup, update_followup
from db.store.engine import Database
from db.store.errors import ConflictError, FieldChange, NotFound
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.readable import (
    FOLLOWUP_VOCABULARIES,
    VOCABULARIES,
    local_time_of_utc_text,
    readable,
)
from desktop.widgets.form import FieldSpec, RecordForm

MINE = "mine"
THEIRS = "theirs"
Describe = Callable[[str, Any], str]
# What the pages call their record ("organization"…), in the user's language: noun_text.
NOUNS = {"organization": QT_TRANSLATE_NOOP("ConflictDialog", "organization"),
         "person": QT_TRANSLATE_NOOP("ConflictDialog", "person"),
         "interaction": QT_TRANSLATE_NOOP("ConflictDialog", "interaction"),
         "follow-up": QT_TRANSLATE_NOOP("ConflictDialog", "follow-up"),
         "position": QT_TRANSLATE_NOOP("ConflictDialog", "position"),
         "record": QT_TRANSLATE_NOOP("ConflictDialog", "record")}
SOMEONE = QT_TRANSLATE_NOOP("ConflictDialog", "someone")


def noun_text(noun: str) -> str:
    return translate("ConflictDialog", NOUNS[noun]) if noun in NOUNS else noun


@dataclass(frozen=True)
class FieldConflict:
    """One field whose value in the user's form differs from the one saved now."""

    field: str
    label: str
    mine: str  # the user's value, in words
    theirs: str  # the value saved now, in words
    edited: bool  # the user changed this field
    by: str | None  # who saved the other value meanwhile; None: nobody, it is as opened
    at: str | None  # when (local time), if the change log says

    @property
    def both(self) -> bool:
        """Changed by the user and by someone else: only the user can say which stays."""
        return self.edited and self.by is not None

    @property
    def default(self) -> str | None:
        if self.both:
            return None
        return MINE if self.edited else THEIRS

    @property
    def saved_by(self) -> str:
        if self.by is None:
            return translate("ConflictDialog", "unchanged since you opened it")
        if self.at:
            return translate("ConflictDialog", "saved by {who} at {time}").format(
                who=self.by, time=self.at)
        return translate("ConflictDialog", "saved by {who}").format(who=self.by)


def describer(vocabularies: Mapping[str, Mapping[str, Term]] = VOCABULARIES,
              country_names: Mapping[str, str] | None = None,
              country_fields: Sequence[str] = ("country", "nationality")) -> Describe:
    """How a page puts a field's value in words: codes as labels, countries by name."""
    names = country_names or {}

    def describe(field: str, value: Any) -> str:
        if field in country_fields and isinstance(value, str) and value in names:
            return f"{names[value]} ({value})"
        if isinstance(value, str) and field not in vocabularies:
            return value or readable(None)
        return readable(value, field, vocabularies)

    return describe


def field_conflicts(labels: Mapping[str, str], loaded: Mapping[str, Any],
                    mine: Mapping[str, Any], theirs: Mapping[str, Any],
                    changes: Sequence[FieldChange], describe: Describe) -> list[FieldConflict]:
    """The fields to decide, in form order: those the user edited or someone else saved
    since the user's version (`loaded`), where the user's value and the saved one differ."""
    last: dict[str, FieldChange] = {}
    for change in changes:  # oldest first: the last one per field stays
        last[change.field] = change
    found = []
    for key, label in labels.items():
        edited = mine.get(key) != loaded.get(key)
        moved = theirs.get(key) != loaded.get(key)
        if not (edited or moved) or mine.get(key) == theirs.get(key):
            continue
        latest = last.get(key)
        by = (((latest.who if latest is not None else None)
               or translate("ConflictDialog", SOMEONE)) if moved else None)
        at = local_time_of_utc_text(latest.at) if moved and latest is not None else None
        found.append(FieldConflict(key, label, describe(key, mine.get(key)),
                                   describe(key, theirs.get(key)), edited, by, at))
    return found


def who_changed(changes: Sequence[FieldChange]) -> str:
    names = list(dict.fromkeys(c.who or translate("ConflictDialog", SOMEONE) for c in changes))
    if not names:
        return translate("ConflictDialog", "Someone")
    if len(names) == 1:
        return names[0]
    return translate("ConflictDialog", "{names} and {last}").format(names=", ".join(names[:-1]),
                                                                    last=names[-1])


class ConflictDialog(QDialog):
    def __init__(self, noun: str, conflicts: Sequence[FieldConflict],
                 changes: Sequence[FieldChange] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = list(conflicts)
        self.setWindowTitle(translate("ConflictDialog", "This {noun} was changed while you were "
                                      "editing it").format(noun=noun_text(noun)))
        self.setWindowIcon(icon("triangle-alert"))
        self.groups: dict[str, QButtonGroup] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        when = next((local_time_of_utc_text(c.at) for c in reversed(changes)), None)
        both = sum(c.both for c in self.conflicts)
        sentences = [
            (translate("ConflictDialog", "{who} saved this {noun} (last at {time}) after you "
                       "opened it.") if when else
             translate("ConflictDialog", "{who} saved this {noun} after you opened it.")).format(
                who=who_changed(changes), noun=noun_text(noun), time=when),
            translate("ConflictDialog", "For each field, keep your value or take the one saved "
                      "meanwhile; Save writes your choices on top of the saved version.")]
        if both:
            sentences.append(translate("ConflictDialog", "1 field changed on both sides needs "
                                       "your choice.") if both == 1 else
                             translate("ConflictDialog", "{n:,} fields changed on both sides "
                                       "need your choice.").format(n=both))
        sentences.append(translate("ConflictDialog",
                                   "Cancel writes nothing and keeps your edits in the form."))
        intro = QLabel(" ".join(sentences))
        intro.setObjectName("conflict_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QDialogButtonBox()
        self.all_mine = buttons.addButton(translate("ConflictDialog", "Keep all mine"),
                                          QDialogButtonBox.ButtonRole.ResetRole)
        self.all_mine.clicked.connect(lambda: self.choose_all(MINE))
        self.all_theirs = buttons.addButton(translate("ConflictDialog", "Take all theirs"),
                                            QDialogButtonBox.ButtonRole.ResetRole)
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        self.save_button = QPushButton(icon("save"), translate("ConflictDialog", "Save my choices"))
        self.save_button.setObjectName("save_choices")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(translate("ConflictDialog", "Cancel, keep editing"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self._table(), 1)
        layout.addWidget(buttons)
        self._enable()
        self.resize(820, min(200 + 90 * len(self.conflicts), 640))

    def _table(self) -> QScrollArea:
        holder = QWidget()
        holder.setObjectName("conflicts")
        grid = QGridLayout(holder)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, title in enumerate((translate("ConflictDialog", "Field"),
                                        translate("ConflictDialog", "Yours"),
                                        translate("ConflictDialog", "Saved meanwhile"))):
            header = QLabel(title)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        row = 1
        for conflict in self.conflicts:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            grid.addWidget(line, row, 0, 1, 3)
            name = QLabel(conflict.label)
            name.setObjectName(f"field_{conflict.field}")
            if conflict.both:
                name.setText(f"{conflict.label}<br><span style='color:#b86e00'>"
                             f"{translate('ConflictDialog', 'changed on both sides')}</span>")
            top = Qt.AlignmentFlag.AlignTop
            grid.addWidget(name, row + 1, 0, top)
            group = QButtonGroup(self)
            mine = QRadioButton(translate("ConflictDialog", "Keep mine"))
            mine.setObjectName(f"mine_{conflict.field}")
            theirs = QRadioButton(translate("ConflictDialog", "Take theirs"))
            theirs.setObjectName(f"theirs_{conflict.field}")
            for button in (mine, theirs):
                group.addButton(button)
                button.toggled.connect(lambda _on: self._enable())
            self.groups[conflict.field] = group
            self.mine_buttons[conflict.field] = mine
            self.theirs_buttons[conflict.field] = theirs
            note = (translate("ConflictDialog", "your edit") if conflict.edited
                    else translate("ConflictDialog", "as you opened it"))
            grid.addWidget(self._choice(mine, conflict.mine, note), row + 1, 1, top)
            grid.addWidget(self._choice(theirs, conflict.theirs, conflict.saved_by),
                           row + 1, 2, top)
            if conflict.default == MINE:
                mine.setChecked(True)
            elif conflict.default == THEIRS:
                theirs.setChecked(True)
            row += 2
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 130)
        grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        return scroll

    @staticmethod
    def _choice(button: QRadioButton, value: str, note: str) -> QWidget:
        """A radio button with the value it stands for under it, and whose value it is."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        column.addWidget(button)
        text = QLabel(value)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        small = QLabel(note)
        small.setWordWrap(True)
        small.setStyleSheet("color: palette(placeholder-text);")
        for label in (text, small):
            label.setContentsMargins(22, 0, 0, 0)  # under the button's text, not its circle
            column.addWidget(label)
        return cell

    def choose(self, field: str, which: str) -> None:
        (self.mine_buttons if which == MINE else self.theirs_buttons)[field].setChecked(True)

    def choose_all(self, which: str) -> None:
        for conflict in self.conflicts:
            self.choose(conflict.field, which)

    def choices(self) -> dict[str, str]:
        """field → "mine" or "theirs", for every field chosen so far."""
        chosen = {}
        for field in self.groups:
            if self.mine_buttons[field].isChecked():
                chosen[field] = MINE
            elif self.theirs_buttons[field].isChecked():
                chosen[field] = THEIRS
        return chosen

    def _enable(self) -> None:
        missing = len(self.conflicts) - len(self.choices())
        self.save_button.setEnabled(missing == 0)
        self.save_button.setToolTip(
            "" if missing == 0 else
            translate("ConflictDialog", "Choose a value for the 1 field changed on both sides")
            if missing == 1 else
            translate("ConflictDialog", "Choose a value for the {n:,} fields changed on both "
                      "sides").format(n=missing))


def ask_about_conflict(parent: QWidget | None, noun: str, conflicts: Sequence[FieldConflict],
                       changes: Sequence[FieldChange]) -> dict[str, str] | None:
    """The user's choice per field ("mine" or "theirs"), or None when they cancel."""
    dialog = ConflictDialog(noun, conflicts, changes, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    choices = dialog.choices()
    dialog.deleteLater()
    return choices if accepted else None


def settle(parent: QWidget | None, noun: str, exc: ConflictError, labels: Mapping[str, str],
           loaded: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any],
           describe: Describe) -> dict[str, Any] | None:
    """Ask about every field that differs (nothing when nothing does) and return the user's
    values to save on top of `theirs` — or None when the user cancels."""
    conflicts = field_conflicts(labels, loaded, mine, theirs, exc.changes, describe)
    if not conflicts:
        return {}
    choices = ask_about_conflict(parent, noun, conflicts, exc.changes)
    if choices is None:
        return None
    return {c.field: mine.get(c.field) for c in conflicts if choices.get(c.field) == MINE}


def settle_form(parent: QWidget | None, noun: str, exc: ConflictError, form: RecordForm,
                saved: Mapping[str, Any], describe: Describe,
                countries: Sequence[Any] = ()) -> dict[str, Any] | None:
    """`settle` for a RecordForm: `saved` (the record as saved now, as the form is filled)
    goes through a form of the same fields so both sides compare in the form's own terms."""
    theirs = form_values_of(form.specs, saved, countries)
    labels = {spec.key: spec.label for spec in form.specs}
    return settle(parent, noun, exc, labels, form.loaded, form.values(), theirs, describe)


def form_values_of(specs: Sequence[FieldSpec], values: Mapping[str, Any],
                   countries: Sequence[Any] = ()) -> dict[str, Any]:
    """What a form of `specs` reads back after being filled with `values`."""
    scratch = RecordForm(specs, countries)
    scratch.set_values(values)
    result = scratch.values()
    scratch.deleteLater()
    return result


# -- follow-ups ----------------------------------------------------------------------------------
FOLLOWUP_LABELS = {"description": QT_TRANSLATE_NOOP("ConflictDialog", "Commitment"),
                   "due": QT_TRANSLATE_NOOP("ConflictDialog", "Due date"),
                   "owner": QT_TRANSLATE_NOOP("ConflictDialog", "Owner"),
                   "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status")}  # translated when asked


def _followup_values(record: FollowUpRecord) -> dict[str, Any]:
    return {key: getattr(record, key) for key in FOLLOWUP_LABELS}


def save_followup(parent: QWidget | None, database: Database, exc: ConflictError,
                  before: FollowUpRecord, wanted: Mapping[str, Any],
                  actor: Actor) -> FollowUpRecord | None:
    """A change to a follow-up (`wanted`, e.g. marking it done) met a colleague's save: ask
    per field, then write the user's choices on top of the saved version. Returns the
    follow-up as saved now, or None when the user cancelled (nothing written) or it was
    deleted meanwhile (the user was told)."""
    describe = describer(FOLLOWUP_VOCABULARIES)
    while True:
        try:
            current = get_followup(database, before.id)
        except NotFound:
            show_problem(parent, exc)
            return None
        loaded = _followup_values(before)
        labels = {key: translate("ConflictDialog", label)
                  for key, label in FOLLOWUP_LABELS.items()}
        keep = settle(parent, "follow-up", exc, labels, loaded, {**loaded, **wanted},
                      _followup_values(current), describe)
        if keep is None:
            return None
        if not keep:
            return current
        try:
            return update_followup(database, before.id, keep, expected_version=current.version,
                                   actor=actor)
        except ConflictError as again:  # saved once more meanwhile: ask about that too
            exc, before, wanted = again, current, keep
