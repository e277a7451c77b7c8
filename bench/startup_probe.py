"""Started by bench/desktop_bench.py: prints the moment the first window paints, then quits.
`--bare` paints an empty PySide6 window instead of Liaison's (the baseline)."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    bare = "--bare" in sys.argv
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    if bare:
        window = QMainWindow()
    else:
        from db.seed.opening import open_database
        from desktop.app.launch import create_main_window

        window = create_main_window(open_database(sys.argv[1]))

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"painted {time.time():.6f}", flush=True)
                app.quit()
            return False

    probe = FirstPaint()
    window.installEventFilter(probe)
    window.resize(1280, 800)
    window.show()
    app.exec()
    context = getattr(window, "context", None)
    if context is not None:
        context.wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
