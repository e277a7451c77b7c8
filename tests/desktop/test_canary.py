"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call until the
process dies ("none_dealloc"); pyproject pins around it and this canary catches a regression."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def test_void_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    for _ in range(10):  # settle one-off allocations first
        qapp.processEvents()
    before = sys.getrefcount(None)
    for _ in range(1000):
        qapp.processEvents()
    after = sys.getrefcount(None)
    assert after >= before - 10, f"references to None fell from {before} to {after}"
