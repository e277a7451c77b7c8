"""On the import wizard's Review page: rows that match records already in Liaison and hold
something new were skipped under the default duplicate policy. This bar says how many, what
updating them or filling only their blank fields would change, and switches the policy right
there — the plan is built again and the page shows what the new choice writes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from db.exchange.imports.plan import PolicyPreview
from desktop.dialogs.import_wizard.step import NOTICE_STYLES, counted
from desktop.i18n import translate
from desktop.icons import icon
from desktop.qtmodels.import_plan import field_name

FIELDS_SHOWN = 4  # fields named in the sentence; the rest are “and N more”


def fields_text(counts: tuple[tuple[str, int], ...], entity: str) -> str:
    """“Phone (12), Notes (4)”, most changed first."""
    named = [translate("ImportMatched", "{field} ({count:,})").format(
        field=field_name(field, entity), count=count) for field, count in counts[:FIELDS_SHOWN]]
    text = translate("ImportMatched", ", ").join(named)
    if len(counts) > FIELDS_SHOWN:
        text = translate("ImportMatched", "{fields} and {n} more").format(
            fields=text, n=len(counts) - FIELDS_SHOWN)
    return text


class PolicyOffer(QWidget):
    """What the skipped duplicates would change, with the two other policies as buttons."""

    chosen = Signal(str)  # "update" or "fill"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policy_offer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        icon_name, colour, background, border = NOTICE_STYLES["info"]
        self.setStyleSheet(f"#policy_offer {{ background: {background}; border: 1px solid "
                           f"{border}; border-radius: 4px; }} #policy_offer QLabel "
                           f"{{ color: {colour}; }}")
        sign = QLabel()
        sign.setPixmap(icon(icon_name, colour).pixmap(18, 18))
        self.text = QLabel()
        self.text.setObjectName("policy_offer_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.update_button = QPushButton(translate("ImportMatched",
                                                   "&Update the matching records"))
        self.update_button.setObjectName("offer_update")
        self.update_button.clicked.connect(lambda: self.chosen.emit("update"))
        self.fill_button = QPushButton(translate("ImportMatched", "Fill &blank fields only"))
        self.fill_button.setObjectName("offer_fill")
        self.fill_button.clicked.connect(lambda: self.chosen.emit("fill"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.fill_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.text)
        column.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.hide()

    def show_preview(self, preview: PolicyPreview | None) -> None:
        """Show what the skipped rows would change, or hide when nothing would."""
        if preview is None or not preview.offers:
            self.hide()
            return
        entity = preview.entities[0] if len(preview.entities) == 1 else ""
        rows = counted(preview.skipped, translate("ImportMatched", "1 row"),
                       translate("ImportMatched", "{n:,} rows"))
        text = translate(
            "ImportMatched", "<b>{rows}</b> match records already in Liaison and hold "
                             "something new; they were skipped, as chosen on the Columns page. "
                             "Updating them would change {update}.").format(
            rows=rows, update=escape(fields_text(preview.update_fields, entity)))
        if preview.fill_rows:
            text += " " + translate(
                "ImportMatched", "Filling only their blank fields would change {fill} in "
                                 "{records}.").format(
                fill=escape(fields_text(preview.fill_fields, entity)),
                records=counted(preview.fill_rows, translate("ImportMatched", "1 record"),
                                translate("ImportMatched", "{n:,} records")))
        else:
            text += " " + translate("ImportMatched", "None of their changes fills a blank "
                                                     "field: each replaces a value.")
        self.text.setText(text)
        self.fill_button.setEnabled(preview.fill_rows > 0)
        self.show()
