"""What the programme editor is made of besides its logic: the tree that shows the days and
their items, and the actions on them — each a button above the tree, an entry of the tree's
context menu and a key while the tree has the focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QStyle,
    QToolButton,
    QTreeView,
)

from db.services.programme import ItemRecord, ProgrammeDay
from desktop.i18n import translate
from desktop.icons import icon
from desktop.qtmodels.programme import ProgrammeModel


class Editor(Protocol):
    """What the actions run (desktop/widgets/programme_editor.py)."""

    def add_item(self) -> object: ...
    def edit_selected(self) -> object: ...
    def delete_selected(self) -> object: ...
    def move_selected(self, step: int) -> object: ...
    def ask_move_to_day(self) -> object: ...
    def ask_copy_day(self) -> object: ...
    def open_meeting(self) -> object: ...


def programme_tree(model: ProgrammeModel, editable: bool) -> QTreeView:
    """Days as top-level rows spanning the columns, always open; items beneath, one line
    each (the tooltip holds what is cut short); one row chosen at a time; items dragged to
    another place when the database may be written."""
    tree = QTreeView()
    tree.setObjectName("programme_tree")
    tree.setModel(model)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setAllColumnsShowFocus(True)
    tree.setExpandsOnDoubleClick(False)
    tree.setItemsExpandable(False)
    tree.setRootIsDecorated(False)
    tree.setIndentation(18)
    tree.setWordWrap(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if editable
                         else QAbstractItemView.DragDropMode.NoDragDrop)
    tree.setDefaultDropAction(Qt.DropAction.MoveAction)
    tree.setDropIndicatorShown(True)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in ((ProgrammeModel.TIME, 125), (ProgrammeModel.KIND, 120),
                          (ProgrammeModel.TITLE, 340), (ProgrammeModel.PLACE, 230)):
        tree.setColumnWidth(column, width)
    return tree


class ProgrammeActions:
    def __init__(self, editor: Editor, tree: QTreeView) -> None:
        self.tree = tree
        key = QKeySequence
        self.add = self._action(
            "add_item", translate("ProgrammeEditor", "Add item…"),
            translate("ProgrammeEditor", "Add an item to the selected day"), editor.add_item,
            "plus", key(Qt.Key.Key_Insert))
        self.edit = self._action(
            "edit_item", translate("ProgrammeEditor", "Edit…"),
            translate("ProgrammeEditor", "Edit the selected item"), editor.edit_selected,
            "pencil", key(Qt.Key.Key_Return), (key(Qt.Key.Key_Enter),))
        self.delete = self._action(
            "delete_item", translate("ProgrammeEditor", "Delete"),
            translate("ProgrammeEditor", "Delete the selected item; Ctrl+Z brings it back"),
            editor.delete_selected, "trash-2", key(key.StandardKey.Delete))
        self.up = self._action(
            "move_up", translate("ProgrammeEditor", "Move up"),
            translate("ProgrammeEditor", "Move the item up (from the first place: to the end "
                                         "of the day before)"),
            lambda: editor.move_selected(-1), None, key("Ctrl+Up"))
        self.down = self._action(
            "move_down", translate("ProgrammeEditor", "Move down"),
            translate("ProgrammeEditor", "Move the item down (from the last place: to the "
                                         "start of the day after)"),
            lambda: editor.move_selected(1), None, key("Ctrl+Down"))
        style = tree.style()
        self.up.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        self.move = self._action(
            "move_to_day", translate("ProgrammeEditor", "Move to day…"),
            translate("ProgrammeEditor", "Move the item to another day of the visit"),
            editor.ask_move_to_day, "calendar-days", key("Ctrl+Shift+M"))
        self.copy = self._action(
            "copy_day", translate("ProgrammeEditor", "Copy day…"),
            translate("ProgrammeEditor", "Copy the selected day's items onto another day"),
            editor.ask_copy_day, "copy", key("Ctrl+Shift+C"))
        self.meeting = self._action(
            "open_meeting", translate("ProgrammeEditor", "Open meeting"),
            translate("ProgrammeEditor", "Open the meeting this item records: its "
                                         "participants, summary and outcomes"),
            editor.open_meeting, "external-link", key("Ctrl+Shift+O"))

    def _action(self, name: str, text: str, tip: str, run: Callable[[], object],
                icon_name: str | None = None, keys: QKeySequence | None = None,
                more_keys: tuple[QKeySequence, ...] = ()) -> QAction:
        action = QAction(text, self.tree)
        action.setObjectName(name)
        if icon_name:
            action.setIcon(icon(icon_name))
        if keys is not None:
            action.setShortcuts([keys, *more_keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({shown})"
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: run())
        self.tree.addAction(action)
        return action

    def buttons(self) -> QHBoxLayout:
        """A row of buttons for the actions: moving up and down by their arrows alone."""
        row = QHBoxLayout()
        for action in (self.add, self.edit, self.delete, None, self.up, self.down, self.move,
                       None, self.copy, None, self.meeting):
            if action is None:
                row.addSpacing(10)
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName(f"{action.objectName()}_button")
            arrow = action in (self.up, self.down)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if arrow
                                      else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def enable(self, item: ItemRecord | None, day: ProgrammeDay | None, writable: bool,
               several_days: bool) -> None:
        self.add.setEnabled(writable)
        for action in (self.edit, self.delete, self.up, self.down, self.move):
            action.setEnabled(writable and item is not None)
        self.copy.setEnabled(writable and day is not None and bool(day.items) and several_days)
        self.meeting.setEnabled(item is not None and bool(item.interaction_id))

