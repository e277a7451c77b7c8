"""Render Liaison's windows offscreen and save PNGs for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]

Uses a throwaway database with the starter register and small demo data."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from db.demo import generate_demo
    from db.engine import open_database
    from desktop.main_window import MainWindow

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "screens.sqlite3")
        for _ in generate_demo(db, "small", seed=1):
            pass
        window = MainWindow(db)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        path = out / "main-window.png"
        window.grab().save(str(path))
        print(path)
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
