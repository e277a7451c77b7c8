"""Started by bench/desktop_bench.py in a fresh process (so memory is the app's own, not the
data generator's): types into the organizations filter, opens the busiest organization's
timeline, scrolls every list, and prints the timings and resident memory as JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def arrived(app: Any, model: Any) -> None:
    """Wait until a list's rows, read on the database worker, are in (a keystroke or a tab
    counts until the user sees them)."""
    from PySide6.QtCore import QEventLoop

    while model.reloading or not model.loaded:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from db.seed.opening import open_database
    from desktop.windows.main_window import MainWindow
    from desktop.windows.record_pages import new_context

    path = Path(sys.argv[1])
    app = QApplication([])
    context = new_context(open_database(path))
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    view = window.view("organizations")
    connection = sqlite3.connect(path)
    keystrokes: list[float] = []
    raw: list[float] = []
    for text in ("d", "de", "dem", "demo", "democ", "democr", "p", "pa", "par", "part"):
        view.query.setText(text)  # type: ignore[attr-defined]
        start = time.perf_counter()
        view.reload()  # type: ignore[attr-defined]
        arrived(app, view.model)  # type: ignore[attr-defined]
        view.table.viewport().repaint()  # type: ignore[attr-defined]
        keystrokes.append(time.perf_counter() - start)
        start = time.perf_counter()
        connection.execute("SELECT * FROM organizations WHERE deleted_at IS NULL AND "
                           "search_text LIKE ? ORDER BY lower(name) LIMIT 100",
                           (f"%{text}%",)).fetchall()
        raw.append(time.perf_counter() - start)
    view.query.setText("")  # type: ignore[attr-defined]
    view.reload()  # type: ignore[attr-defined]
    arrived(app, view.model)  # type: ignore[attr-defined]
    busiest = connection.execute("SELECT id FROM organizations ORDER BY interaction_count DESC "
                                 "LIMIT 1").fetchone()[0]
    from PySide6.QtWidgets import QTabWidget

    timeline: list[float] = []
    opening: list[float] = []
    raw_timeline: list[float] = []
    for _ in range(5):
        start = time.perf_counter()
        page = context.open_organization(busiest)
        page.repaint()
        opening.append(time.perf_counter() - start)
        tabs = page.findChild(QTabWidget)
        assert tabs is not None
        number = next(i for i in range(tabs.count())
                      if tabs.tabText(i).replace("&", "") == "Timeline")
        start = time.perf_counter()
        tabs.setCurrentIndex(number)
        arrived(app, page.timeline_tab.model)  # type: ignore[attr-defined]
        page.repaint()
        timeline.append(time.perf_counter() - start)
        page.close()
        app.processEvents()
        start = time.perf_counter()
        connection.execute("SELECT i.* FROM participations p JOIN interactions i "
                           "ON i.id = p.interaction_id WHERE p.organization_id = ? "
                           "ORDER BY p.start_date DESC LIMIT 100", (busiest,)).fetchall()
        raw_timeline.append(time.perf_counter() - start)
    after_start = rss_mb()
    for key in ("organizations", "people", "interactions", "followups"):
        widget = window.view(key)
        model = getattr(widget, "model", None)
        if model is not None and hasattr(model, "record"):
            if getattr(model, "reloading", False):
                arrived(app, model)
            for row in range(0, min(model.rowCount(), 20_000), 50):  # scroll 20k rows
                model.record(row)
    context.worker.drain()  # the pages asked for are read on the database worker
    app.processEvents()
    print(json.dumps({
        "keystroke_ms": statistics.median(keystrokes) * 1000,
        "keystroke_raw_ms": statistics.median(raw) * 1000,
        "timeline_ms": statistics.median(timeline) * 1000,
        "timeline_raw_ms": statistics.median(raw_timeline) * 1000,
        "page_ms": statistics.median(opening) * 1000,
        "rss_before_scrolling_mb": after_start,
        "rss_mb": rss_mb(),
    }))
    context.wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
