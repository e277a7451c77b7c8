"""The first start: who you are (your name, as it will stand in every record's history), the
language Liaison speaks, and — on an empty database — what to start with: the starter register,
demo data, or nothing. Each part is asked only while it is still open: the name and language
once per machine, the start once per empty database. Changing the language turns the dialog
itself into that language at once."""

from __future__ import annotations

import getpass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.seed.starter import ATTRIBUTION
from desktop import i18n, settings
from desktop.i18n import LANGUAGE_CHOICES, QT_TRANSLATE_NOOP, translate

# (code, choice, what it means): the choice is a short radio label; the explanation wraps
# beneath it, so no translation or font makes the dialog wider than the screen.
CHOICES = (
    ("starter", QT_TRANSLATE_NOOP("FirstStart", "Load the starter register of world parties"),
     QT_TRANSLATE_NOOP("FirstStart",
                       "About 2,250 active parties in 200 countries, from Party Facts.")),
    ("demo", QT_TRANSLATE_NOOP("FirstStart", "Load demo data to try Liaison out"),
     QT_TRANSLATE_NOOP("FirstStart",
                       "Invented organizations, people, interactions and follow-ups "
                       "(200 organizations, 2,000 interactions).")),
    ("empty", QT_TRANSLATE_NOOP("FirstStart", "Start with an empty register"),
     QT_TRANSLATE_NOOP("FirstStart", "Add organizations and people yourself.")),
)
WIDTH = 540


def attribution() -> str:
    """The starter register's credit in the interface's language: db.seed.starter marks it
    (context "Seed"); the authors' names and the address stay as they are."""
    return translate("Seed", ATTRIBUTION)


def suggested_name() -> str:
    """The name saved on this machine; before there is one, the full name the system knows
    for the login (its GECOS field, "Li Wei,Room 3,..."), else the login name itself."""
    saved = settings.saved_officer_name()
    if saved:
        return saved
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        return ""
    try:
        import pwd

        full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError):
        full = ""
    return full or login


class FirstStartDialog(QDialog):
    """`ask_person`: the name and language (the first start on this machine); `ask_start`:
    what to begin with (an empty database). `server_user`: on a team server, the user name the
    server knows, which the history keeps beside the name given here."""

    def __init__(self, parent: QWidget | None = None, *, ask_person: bool = True,
                 ask_start: bool = True, server_user: str | None = None) -> None:
        super().__init__(parent)
        self.ask_person, self.ask_start, self.server_user = ask_person, ask_start, server_user
        self.setMinimumWidth(WIDTH)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.texts: list[tuple[Any, str, str]] = []  # (widget, setter, source) to retranslate

        self.person = QGroupBox()
        form = QFormLayout(self.person)
        self.name = QLineEdit(suggested_name())
        self.name.setObjectName("officer_name")
        self.name.textChanged.connect(self._update_ok)
        self.name_note = QLabel()
        self.name_note.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, text in LANGUAGE_CHOICES:
            self.language.addItem(translate("Settings", text), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.name_label, self.language_label = QLabel(), QLabel()
        self.name_label.setBuddy(self.name)
        self.language_label.setBuddy(self.language)
        named = QWidget()  # the field and its note under it, as one row
        under = QVBoxLayout(named)
        under.setContentsMargins(0, 0, 0, 0)
        under.setSpacing(2)
        under.addWidget(self.name)
        under.addWidget(self.name_note)
        form.addRow(self.name_label, named)
        form.addRow(self.language_label, self.language)
        layout.addWidget(self.person)
        self.person.setVisible(ask_person)

        self.start = QGroupBox()
        column = QVBoxLayout(self.start)
        column.setSpacing(2)
        self.buttons: dict[str, QRadioButton] = {}
        self.details: dict[str, QLabel] = {}
        indent = QRadioButton().sizeHint().width()  # explanations line up with the labels
        for code, _text, _explanation in CHOICES:
            button = QRadioButton()
            button.setObjectName(f"choice_{code}")
            font = button.font()
            font.setBold(True)
            button.setFont(font)
            self.buttons[code] = button
            detail = QLabel()
            detail.setWordWrap(True)
            detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            detail.setContentsMargins(indent, 0, 0, 6)
            self.details[code] = detail
            column.addWidget(button)
            column.addWidget(detail)
        self.buttons["starter"].setChecked(True)
        self.credit = QLabel()
        self.credit.setWordWrap(True)
        column.addWidget(self.credit)
        layout.addWidget(self.start)
        self.start.setVisible(ask_start)

        self.box = QDialogButtonBox()
        self.ok_button: QPushButton = self.box.addButton(QDialogButtonBox.StandardButton.Ok)
        self.box.accepted.connect(self.accept)
        layout.addWidget(self.box)
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the language now installed (called again when the user picks one)."""
        self.setWindowTitle(translate("FirstStart", "Welcome to Liaison"))
        if self.ask_start and not self.ask_person:
            intro = translate("FirstStart", "<h3>This database is empty</h3><p>How would you "
                                            "like to begin?</p>")
        else:
            intro = translate("FirstStart", "<h3>Welcome to Liaison</h3><p>A few things before "
                                            "you begin; you can change them later in Settings."
                                            "</p>")
        self.intro.setText(intro)
        self.person.setTitle(translate("FirstStart", "About you"))
        self.name_label.setText(translate("FirstStart", "Your &name:"))
        self.language_label.setText(translate("FirstStart", "&Language:"))
        if self.server_user:
            note = translate("FirstStart", "It stands beside every change you make, in each "
                                           "record's history; the team server's history also "
                                           "keeps your server user name, “{user}”.").format(
                user=self.server_user)
        else:
            note = translate("FirstStart", "It stands beside every change you make, in each "
                                           "record's history.")
        self.name_note.setText(f"<small>{note}</small>")
        self.language.setItemText(0, translate("Settings", LANGUAGE_CHOICES[0][1]))
        self.start.setTitle(translate("FirstStart", "Start with"))
        for code, text, explanation in CHOICES:
            self.buttons[code].setText(translate("FirstStart", text))
            self.details[code].setText(translate("FirstStart", explanation))
        self.credit.setText(f"<small>{attribution()}</small>")
        self.ok_button.setText(translate("FirstStart", "&Start"))
        self._update_ok()  # its tooltip, in the new language
        layout = self.layout()
        assert layout is not None
        # the height its wrapped lines need at this width (not at the narrower one Qt guesses)
        self.resize(WIDTH, layout.totalHeightForWidth(WIDTH))

    def _language_changed(self) -> None:
        i18n.install(str(self.language.currentData()))
        self.retranslate()

    def _update_ok(self) -> None:
        named = bool(self.name.text().strip()) or not self.ask_person
        self.ok_button.setEnabled(named)
        self.ok_button.setToolTip("" if named else translate("FirstStart",
                                                             "Type your name to start"))

    # -- what was chosen -------------------------------------------------------------------
    def choice(self) -> str:
        """What to start with ("empty" when it was not asked)."""
        if not self.ask_start:
            return "empty"
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def save(self) -> None:
        """Keep the name and language on this machine (they were shown, so they were seen)."""
        if self.ask_person:
            settings.set_officer_name(self.name.text() or suggested_name())
            settings.set_language(str(self.language.currentData()))
