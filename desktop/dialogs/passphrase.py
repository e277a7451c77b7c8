"""Asking for a passphrase (to open an encrypted database, or a new one to encrypt it with),
and showing a recovery key once, to save or print.

The passphrase goes from the field to `db` and nowhere else: no setting, log or report holds
it, and the field is cleared when the dialog closes."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.store.errors import LiaisonError
from desktop.i18n import translate

MIN_LENGTH = 8


class PassphraseDialog(QDialog):
    """Asks for a passphrase. `check` (opening a file) is tried on OK: a wrong passphrase is
    said in the dialog, the field selected for another try. `new` asks twice and wants a
    passphrase of some length."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, new: bool = False,
                 check: Callable[[str], object] | None = None,
                 optional: str | None = None, label: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.new = new
        self.check = check
        self.label = label
        self.result_value: object = None
        layout = QVBoxLayout(self)
        intro = QLabel(text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(label or (translate("Passphrase", "Passphrase:") if new else
                              translate("Passphrase", "Passphrase or recovery key:")),
                    self.passphrase)
        self.again = QLineEdit()
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        if new:
            form.addRow(translate("Passphrase", "Once more:"), self.again)
        layout.addLayout(form)
        # `optional`: a ticked box that, unticked, lets the dialog go on without a passphrase
        self.wanted = QCheckBox(optional or "")
        self.wanted.setObjectName("passphrase_wanted")
        self.wanted.setChecked(True)
        if optional:
            layout.insertWidget(1, self.wanted)
            self.wanted.toggled.connect(self._wanted)
        self.problem = QLabel()
        self.problem.setObjectName("passphrase_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # room for the sentence, the intro kept whole
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _wanted(self, on: bool) -> None:
        self.passphrase.setEnabled(on)
        self.again.setEnabled(on)
        self.problem.hide()

    def accept(self) -> None:
        value = self.passphrase.text()
        if not self.wanted.isChecked():
            super().accept()
            return
        if self.new:
            if len(value) < MIN_LENGTH:
                self.say(translate("Passphrase", "Use at least {n} characters; a few words "
                                                 "are easier to remember and harder to guess.")
                         .format(n=MIN_LENGTH))
                return
            if value != self.again.text():
                self.say(translate("Passphrase", "The two passphrases differ."))
                return
        elif not value:
            self.say(translate("Passphrase", "Enter the password.") if self.label else
                     translate("Passphrase", "Enter the passphrase, or the recovery key."))
            return
        if self.check is not None:
            try:
                self.result_value = self.check(value)
            except LiaisonError as exc:
                self.say(exc.message)
                return
        super().accept()

    def value(self) -> str | None:
        """The passphrase typed; None when the optional box was unticked."""
        return self.passphrase.text() if self.wanted.isChecked() else None

    def take(self) -> str | None:
        """The passphrase typed (see `value`), the fields cleared: it stays in no widget."""
        value = self.value()
        self.passphrase.clear()
        self.again.clear()
        return value

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or self.check is not None:
            self.passphrase.clear()  # not kept in a widget longer than needed
            self.again.clear()
        super().done(result)


class RecoveryKeyDialog(QDialog):
    """Shows a recovery key once, with ways to keep it: copy, save to a file, print."""

    def __init__(self, parent: QWidget | None, recovery: str, file: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Passphrase", "Recovery key"))
        self.setMinimumWidth(560)
        self.recovery = recovery
        self.file = file
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "Passphrase", "{file} is encrypted. If the passphrase is ever forgotten, this "
                          "recovery key opens it. Print it or save it somewhere safe, away "
                          "from this laptop: it is shown only now.").format(file=file.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        key = QLabel(recovery)
        key.setObjectName("recovery_key")
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        key.setFont(font)
        key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        key.setContentsMargins(0, 14, 0, 14)
        layout.addWidget(key)
        # the key on one line, with a margin
        self.setMinimumWidth(max(560, QFontMetrics(font).horizontalAdvance(recovery) + 80))
        buttons = QDialogButtonBox()
        copy = QPushButton(translate("Passphrase", "&Copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.recovery))
        save = QPushButton(translate("Passphrase", "&Save to a file…"))
        save.clicked.connect(self.save)
        print_button = QPushButton(translate("Passphrase", "&Print…"))
        print_button.clicked.connect(self.print_key)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(translate("Passphrase", "I have kept it"),
                                 QDialogButtonBox.ButtonRole.AcceptRole)
        done.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.saved_to: Path | None = None

    def text_to_keep(self) -> str:
        return translate("Passphrase", "Liaison recovery key for {file}:\n\n{key}\n\nIt opens "
                                       "the database if its passphrase is forgotten. Keep it "
                                       "apart from the laptop.\n").format(
            file=self.file.name, key=self.recovery)

    def print_key(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate("Passphrase", "Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        return True

    def print_to(self, printer: QPrinter) -> None:
        """The key on a page of its own, large and in a fixed-width font so that every
        character can be told apart when it is typed back; the document names the database
        file, never its folder."""
        printer.setCreator("Liaison")
        printer.setDocName(translate("Passphrase", "Liaison recovery key"))
        heading, _, rest = self.text_to_keep().partition("\n\n")
        explanation = rest.partition("\n\n")[2]
        page = QTextDocument()
        page.setHtml(
            f"<h2>{html.escape(heading.rstrip(':：'))}</h2>"
            f"<p style='font-family: monospace; font-size: 15pt; font-weight: 600; "
            f"white-space: nowrap'>"
            f"{html.escape(self.recovery)}</p><p>{html.escape(explanation.strip())}</p>")
        page.print_(printer)

    def save(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("Passphrase", "Save the recovery key"),
            str(Path.home() / f"{self.file.stem} recovery key.txt"),
            translate("Passphrase", "Text files (*.txt)"))
        if not chosen:
            return None
        return self.save_to(Path(chosen))

    def save_to(self, path: Path) -> Path | None:
        try:
            path.write_text(self.text_to_keep(), encoding="utf-8")
        except OSError as exc:
            from desktop.errors import show_problem

            show_problem(self, LiaisonError(translate(
                "Passphrase", "Cannot write {file}: {reason}.").format(
                file=path, reason=exc.strerror or exc)))
            return None
        self.saved_to = path
        return path
