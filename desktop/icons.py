"""Icons from the shipped Lucide set (resources/icons), tinted to the palette's text colour."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from db.seed.resources import resource_path

INTERACTION_KIND_ICONS = {
    "inbound_visit": "plane-landing", "outbound_visit": "plane-takeoff", "talks": "handshake",
    "meeting": "users-round", "briefing": "presentation", "seminar": "school",
    "conference": "landmark", "video_call": "video", "phone_call": "phone", "letter": "mail",
    "study_programme": "book-open", "cooperation_project": "briefcase", "other": "circle-dot",
}
SIZES = (16, 20, 24, 32, 48)


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    """A QIcon for resources/icons/NAME.svg, drawn at the usual sizes and the screen's scale."""
    path = resource_path("icons", f"{name}.svg")
    svg = path.read_text(encoding="utf-8")
    if color is None:
        app = QGuiApplication.instance()
        tint = app.palette().windowText().color() if isinstance(app, QGuiApplication) else QColor("black")
        color = tint.name()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode("utf-8")))
    result = QIcon()
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    for size in SIZES:
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.fill(Qt.GlobalColor.transparent)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def kind_icon(kind: str) -> QIcon:
    return icon(INTERACTION_KIND_ICONS.get(kind, "circle-dot"))
