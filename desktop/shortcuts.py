"""Keyboard shortcuts: each key once per window.

Qt does nothing at all for a key bound twice in the same window (it reports the shortcut as
ambiguous), so an action given both the platform's standard key and a fixed one (Close is
Ctrl+W on Linux already) must not list the same key twice. `bindings` lists what a window
binds, for the test that fails on any key bound twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def distinct(*keys: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The key sequences of `keys` (standard keys expanded for this platform), each once."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                     else [QKeySequence(key)])
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


@dataclass(frozen=True)
class Binding:
    key: str  # portable text, e.g. "Ctrl+W"
    what: str  # the action's text or the shortcut's object name
    scope: int  # id of the widget the key is bound within (the window for window shortcuts)


def bindings(window: QWidget) -> list[Binding]:
    """Every enabled key the window binds: its actions' (menus included) and its QShortcuts'."""
    found: list[Binding] = []

    def scope_of(owner: QWidget, context: Qt.ShortcutContext) -> int:
        if context in (Qt.ShortcutContext.WidgetShortcut,
                       Qt.ShortcutContext.WidgetWithChildrenShortcut):
            return id(owner)
        return id(window)

    actions: Iterable[QAction] = window.findChildren(QAction)
    seen: set[int] = set()
    for action in actions:
        if id(action) in seen or not action.isEnabled():
            continue
        seen.add(id(action))
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        owner = owners[0] if owners else window
        for key in action.shortcuts():
            found.append(Binding(key.toString(QKeySequence.SequenceFormat.PortableText),
                                 action.text() or action.objectName(),
                                 scope_of(owner, action.shortcutContext())))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.isEnabled() or shortcut.key().isEmpty():
            continue
        parent = shortcut.parent()
        owner = parent if isinstance(parent, QWidget) else window
        found.append(Binding(shortcut.key().toString(QKeySequence.SequenceFormat.PortableText),
                             shortcut.objectName() or type(owner).__name__,
                             scope_of(owner, shortcut.context())))
    return found
