"""What every page of the import wizard shares: the page itself with the wizard's choices at
hand (WizardStep), its notice with an icon (NoticeLabel), the busy cursor while a page reads a
file (WaitCursor), and “1 row”/“2,000 rows” counts (counted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget, QWizardPage

from db.exchange.imports.importer import write_report
from desktop.i18n import translate
from desktop.icons import icon
from desktop.messages import messages

if TYPE_CHECKING:
    from desktop.dialogs.import_wizard.wizard import ImportWizard


def counted(count: int, one: str, many: str) -> str:
    """“1 row”, “2,000 rows”: `one` and `many` are translated already; `many` holds {n:,}."""
    return one.format(n=count) if count == 1 else many.format(n=count)


NOTICE_STYLES = {"error": ("circle-x", "#b42318", "#fef3f2", "#fda29b"),
                 "warning": ("triangle-alert", "#b54708", "#fffaeb", "#fec84b"),
                 "info": ("info", "#175cd3", "#eff8ff", "#b2ddff")}


class NoticeLabel(QWidget):
    """A message on a page with an icon: a problem (red) or a note (blue)."""


    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        icon_name, colour, background, border = NOTICE_STYLES[kind]
        self.kind = kind
        self.icon.setPixmap(icon(icon_name, colour).pixmap(18, 18))
        self.setStyleSheet(f"#notice {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 4px; }} #notice QLabel {{ color: {colour}; }}")
        self.text.setText(text)
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.text.clear()
        self.hide()


class WizardStep(QWizardPage):
    """A page of the import wizard, with the wizard's choices at hand."""

    def __init__(self, flow: ImportWizard, title: str, subtitle: str) -> None:
        super().__init__()
        self.flow = flow
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.notice = NoticeLabel()

    def show_error(self, text: str) -> None:
        self.notice.show_message(text, "error")
        self.completeChanged.emit()

    def save_report(self) -> None:
        """Write the plan's problems and skipped rows to a workbook the user picks."""
        plan = self.flow.plan
        path = self.flow.choose_report_path() if plan is not None else ""
        if plan is None or not path:
            return
        try:
            with WaitCursor():
                write_report(plan, path)
        except OSError as exc:
            messages.warning(self.flow, translate("ImportPages", "The report was not saved"),
                             translate("ImportPages",
                                       "The report could not be written to {path}: {reason}.")
                             .format(path=path, reason=exc.strerror or exc))
            return
        messages.info(self.flow, translate("ImportPages", "Report saved"),
                      translate("ImportPages",
                                "The problems and skipped rows were saved as {path}.")
                      .format(path=path))


class WaitCursor:
    """The busy cursor while a page reads a few rows of a file on the UI thread."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
