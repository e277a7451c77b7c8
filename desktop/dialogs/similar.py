"""Before a new organization or person is saved: “these look like ones you already have”.
The user opens an existing one, creates the new one anyway, or goes back to the form.

Pages call the module-level `ask_about_similar`, so tests replace that one function (or drive
the dialog itself with `choose`) instead of answering a modal window."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services.similarity import SimilarRecord
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.qtmodels.paged import Column
from desktop.qtmodels.records import RecordListModel
from desktop.widgets.record_table import RecordTable

CREATE = "create"
CANCEL = "cancel"
OPEN_PREFIX = "open:"


def open_choice(record_id: str) -> str:
    return OPEN_PREFIX + record_id


def opened_id(choice: str) -> str | None:
    """The id in an "open:<id>" answer, None for "create" or "cancel"."""
    return choice.removeprefix(OPEN_PREFIX) if choice.startswith(OPEN_PREFIX) else None


# What the dialog says, per kind of record: (title, intro for one, intro for several).
TEXTS = {
    "organization": (
        QT_TRANSLATE_NOOP("SimilarDialog", "This organization may already exist"),
        QT_TRANSLATE_NOOP("SimilarDialog",
                          "Liaison already has 1 organization with a similar name. Open the "
                          "existing one instead of creating a duplicate?"),
        QT_TRANSLATE_NOOP("SimilarDialog",
                          "Liaison already has {count} organizations with a similar name. Open "
                          "the existing one instead of creating a duplicate?")),
    "person": (
        QT_TRANSLATE_NOOP("SimilarDialog", "This person may already exist"),
        QT_TRANSLATE_NOOP("SimilarDialog",
                          "Liaison already has 1 person with a similar name. Open the existing "
                          "one instead of creating a duplicate?"),
        QT_TRANSLATE_NOOP("SimilarDialog",
                          "Liaison already has {count} people with a similar name. Open the "
                          "existing one instead of creating a duplicate?")),
}
REASONS = {
    "same abbreviation": QT_TRANSLATE_NOOP("SimilarDialog", "Same abbreviation"),
    "name equals the abbreviation": QT_TRANSLATE_NOOP("SimilarDialog",
                                                      "Name is its abbreviation"),
    "same name": QT_TRANSLATE_NOOP("SimilarDialog", "Same name"),
    "similar name": QT_TRANSLATE_NOOP("SimilarDialog", "Similar name"),
}


def reason_text(reason: str) -> str:
    known = REASONS.get(reason)
    return translate("SimilarDialog", known) if known is not None else reason


def similar_columns(country_names: Mapping[str, str]) -> list[Column]:
    return [
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), lambda s: s.name,
               tooltip=lambda s: translate("SimilarDialog", "{name}\nmatched: {matched}").format(
                   name=s.name, matched=s.matched_name)),
        Column("matched", QT_TRANSLATE_NOOP("Columns", "Matched on"), lambda s: s.matched_name),
        Column("country", QT_TRANSLATE_NOOP("Columns", "Country"),
               lambda s: country_names.get(s.country or "", s.country)),
        Column("score", QT_TRANSLATE_NOOP("Columns", "Score"), lambda s: f"{s.score:.0f}%",
               align_right=True),
        Column("reason", QT_TRANSLATE_NOOP("Columns", "Why"), lambda s: reason_text(s.reason)),
    ]


class SimilarDialog(QDialog):
    def __init__(self, candidates: Sequence[SimilarRecord], parent: QWidget | None = None, *,
                 country_names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.candidates = list(candidates)
        self.choice = CANCEL  # also what Esc and the window's close button mean
        entity = self.candidates[0].entity if self.candidates else "organization"
        title, intro_one, intro_many = TEXTS[entity]
        self.setWindowTitle(translate("SimilarDialog", title))
        self.resize(720, 320)
        layout = QVBoxLayout(self)
        count = len(self.candidates)
        intro = QLabel(translate("SimilarDialog", intro_one) if count == 1 else
                       translate("SimilarDialog", intro_many).format(count=count))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RecordListModel(similar_columns(country_names or {}), self.candidates)
        self.table = RecordTable(self.model, self)
        self.table.setObjectName("candidates")
        self.table.set_widths(240, 180, 120, 60)
        self.table.opened.connect(lambda record: self.choose(open_choice(record.id)))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(icon("external-link"),
                                       translate("SimilarDialog", "&Open the existing one"))
        self.create_button = QPushButton(icon("plus"), translate("SimilarDialog", "Create &anyway"))
        self.cancel_button = QPushButton(translate("SimilarDialog", "Cancel"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open_selected)
        self.create_button.clicked.connect(lambda: self.choose(CREATE))
        self.cancel_button.clicked.connect(lambda: self.choose(CANCEL))
        layout.addWidget(buttons)
        self.open_button.setDefault(True)
        if self.candidates:
            self.table.select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_selected(self) -> None:
        record = self.table.current_record()
        if record is not None:
            self.choose(open_choice(record.id))

    def choose(self, choice: str) -> None:
        """Answer the dialog: "create", "cancel" or "open:<id>"."""
        self.choice = choice
        if choice == CANCEL:
            self.reject()
        else:
            self.accept()


def ask_about_similar(parent: QWidget | None, candidates: Sequence[SimilarRecord],
                      country_names: Mapping[str, str] | None = None) -> str:
    """Show the candidates modally; returns "create", "cancel" or "open:<id>"."""
    dialog = SimilarDialog(candidates, parent, country_names=country_names)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice
