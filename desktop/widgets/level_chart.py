"""A step chart of an organization's relationship level over time, drawn with QPainter: the
levels up the side in their order (no contact at the bottom, strategic partner at the top),
the years along the bottom, a line that holds each level until the next change and a dot at
each change. The line runs on to today (or to the last change, when one is planned)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from db.models.vocabulary import RELATIONSHIP_LEVELS
from desktop.i18n import translate
from desktop.readable import date_text

LINE = QColor("#1f6feb")
DOT_RADIUS = 4.5


@dataclass(frozen=True)
class Step:
    """One change: the level from `effective` on."""

    effective: date
    level: str
    reason: str | None = None


class LevelChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("level_chart")
        self.steps: list[Step] = []
        self.today = date.today()
        self.levels = list(RELATIONSHIP_LEVELS)  # bottom to top
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self.dots: list[tuple[QPointF, Step]] = []

    def sizeHint(self) -> QSize:
        return QSize(640, 190)

    def set_steps(self, steps: Sequence[Step], today: date | None = None) -> None:
        self.steps = sorted(steps, key=lambda s: s.effective)
        self.today = today or date.today()
        self.update()

    # -- geometry ----------------------------------------------------------------------------
    def _span(self) -> tuple[date, date]:
        first = self.steps[0].effective if self.steps else self.today - timedelta(days=365)
        last = max(self.today, self.steps[-1].effective if self.steps else self.today)
        if (last - first).days < 60:  # a single change, or two close ones: some room around
            first -= timedelta(days=30)
            last += timedelta(days=30)
        pad = timedelta(days=max(7, (last - first).days // 40))
        return first - pad, last + pad

    def _plot(self) -> QRectF:
        metrics = self.fontMetrics()
        left = max(metrics.horizontalAdvance(term.label()) for term in
                   RELATIONSHIP_LEVELS.values()) + 16
        return QRectF(left, 10, max(self.width() - left - 16, 10),
                      max(self.height() - 10 - metrics.height() - 12, 10))

    def _x(self, day: date, plot: QRectF, span: tuple[date, date]) -> float:
        first, last = span
        whole = max((last - first).days, 1)
        return plot.left() + plot.width() * (day - first).days / whole

    def _y(self, level: str, plot: QRectF) -> float:
        index = self.levels.index(level) if level in self.levels else 0
        rows = max(len(self.levels) - 1, 1)
        return plot.bottom() - plot.height() * index / rows

    # -- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = QColor(text)
        grid.setAlpha(40)
        plot = self._plot()
        span = self._span()
        metrics = self.fontMetrics()
        # the levels up the side, with a faint line across for each
        for code, term in RELATIONSHIP_LEVELS.items():
            y = self._y(code, plot)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            label = term.label()
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 8,
                                    metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             label)
        # the years along the bottom (every few years when the history is long)
        first, last = span
        years = list(range(first.year + (0 if first.month == 1 and first.day == 1 else 1),
                           last.year + 1))
        stride = max(1, -(-len(years) // 8))  # at most eight labels
        for year in years[::stride]:
            x = self._x(date(year, 1, 1), plot, span)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), str(year))
        if not years:  # within one year: its months' first days are too many; say the year
            painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(),
                                    metrics.height()),
                             int(Qt.AlignmentFlag.AlignHCenter), str(first.year))
        # today
        today_x = self._x(self.today, plot, span)
        dashed = QPen(QColor("#b3261e"), 1, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(QPointF(today_x, plot.top()), QPointF(today_x, plot.bottom()))
        word = translate("LevelChart", "today")
        room = metrics.horizontalAdvance(word) + 4
        if today_x + room <= self.width():  # beside the line; left of it near the edge
            painter.drawText(QRectF(today_x + 3, plot.top(), room, metrics.height()),
                             int(Qt.AlignmentFlag.AlignLeft), word)
        else:
            painter.drawText(QRectF(today_x - room - 1, plot.top(), room, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight), word)
        self.dots = []
        if not self.steps:
            painter.setPen(text)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter),
                             translate("LevelChart", "No level recorded yet."))
            painter.end()
            return
        # the steps: each level held until the next change, the last until today
        painter.setPen(QPen(LINE, 2.2))
        end = max(self.today, self.steps[-1].effective)
        for number, step in enumerate(self.steps):
            x = self._x(step.effective, plot, span)
            y = self._y(step.level, plot)
            until = self.steps[number + 1].effective if number + 1 < len(self.steps) else end
            x_next = self._x(until, plot, span)
            painter.drawLine(QPointF(x, y), QPointF(x_next, y))
            if number + 1 < len(self.steps):
                painter.drawLine(QPointF(x_next, y),
                                 QPointF(x_next, self._y(self.steps[number + 1].level, plot)))
        painter.setBrush(LINE)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1.5))
        for step in self.steps:
            centre = QPointF(self._x(step.effective, plot, span), self._y(step.level, plot))
            painter.drawEllipse(centre, DOT_RADIUS, DOT_RADIUS)
            self.dots.append((centre, step))
        painter.end()

    def event(self, event: QEvent) -> bool:
        # a dot's tooltip: the day, the level and why
        if isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            for centre, step in self.dots:
                if (centre - point).manhattanLength() <= DOT_RADIUS * 3:
                    term = RELATIONSHIP_LEVELS.get(step.level)
                    lines = [translate("LevelChart", "{date}: {level}").format(
                        date=date_text(step.effective),
                        level=term.label() if term else step.level)]
                    if step.reason:
                        lines.append(step.reason)
                    QToolTip.showText(event.globalPos(), "\n".join(lines), self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)
