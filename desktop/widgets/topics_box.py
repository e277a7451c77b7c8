"""The topics an interaction is about: every cooperation topic with a tick box, the chosen ones
scrolled into view, topics retired since still shown (and kept) for records that have them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QListView, QVBoxLayout, QWidget

from db.services.reference import TopicInfo
from db.store.translation import CHINESE, language
from desktop.i18n import translate
from desktop.widgets.participants_editor import error_label

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class TopicsBox(QGroupBox):
    changed = Signal()

    def __init__(self, topics: Sequence[TopicInfo], parent: QWidget | None = None) -> None:
        super().__init__(translate("TopicsBox", "Topics"), parent)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("topics")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(110)
        chinese = language() == CHINESE
        for topic in topics:
            shown = topic.name_zh if chinese and topic.name_zh else topic.name_en
            self._item(topic.id, shown, topic.name_en)
        self.model.itemChanged.connect(lambda _item: self.changed.emit())
        self.error = error_label("error_topics")
        column = QVBoxLayout(self)
        column.addWidget(self.list)
        column.addWidget(self.error)

    def _item(self, topic_id: str, text: str, name_en: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setCheckable(True)
        item.setEditable(False)
        item.setData(topic_id, TOPIC_ID_ROLE)
        item.setData(name_en, TOPIC_NAME_ROLE)
        self.model.appendRow(item)
        return item

    def checked(self) -> set[str]:
        """The ids of the ticked topics."""
        return {str(self.model.item(n).data(TOPIC_ID_ROLE))
                for n in range(self.model.rowCount())
                if self.model.item(n).checkState() == Qt.CheckState.Checked}

    def ids_of(self, names: Iterable[str]) -> list[str]:
        """The ids of topics named (in English) as an interaction record names them."""
        wanted = set(names)
        found = {str(self.model.item(n).data(TOPIC_NAME_ROLE)):
                 str(self.model.item(n).data(TOPIC_ID_ROLE))
                 for n in range(self.model.rowCount())}
        return sorted(found.get(name, name) for name in wanted)

    def name_of(self, topic_id: str) -> str:
        for number in range(self.model.rowCount()):
            item = self.model.item(number)
            if item.data(TOPIC_ID_ROLE) == topic_id:
                return str(item.data(TOPIC_NAME_ROLE))
        return topic_id

    def show_names(self, names: Iterable[str]) -> None:
        """Tick the topics named (in English), and nothing else; keep retired ones."""
        self.model.blockSignals(True)
        wanted = set(names)
        for number in range(self.model.rowCount()):
            item = self.model.item(number)
            name = item.data(TOPIC_NAME_ROLE)
            item.setCheckState(Qt.CheckState.Checked if name in wanted else Qt.CheckState.Unchecked)
            wanted.discard(name)
        for retired in sorted(wanted):  # retired since: still shown, still linked
            text = translate("TopicsBox", "{topic} (retired)").format(topic=retired)
            self._item(retired, text, retired).setCheckState(Qt.CheckState.Checked)
        self.model.blockSignals(False)
        self.list.viewport().update()
        self._scroll_to_checked()

    def tick(self, topic_ids: Iterable[str]) -> None:
        """Tick exactly these topics (by id)."""
        wanted = set(topic_ids)
        for number in range(self.model.rowCount()):
            item = self.model.item(number)
            item.setCheckState(Qt.CheckState.Checked if item.data(TOPIC_ID_ROLE) in wanted
                               else Qt.CheckState.Unchecked)

    def _scroll_to_checked(self) -> None:
        checked = [n for n in range(self.model.rowCount())
                   if self.model.item(n).checkState() == Qt.CheckState.Checked]
        if checked:  # the chosen topics in view, not just the top of the list (once the
            # list has its size: a list not yet shown cannot scroll)
            first = QPersistentModelIndex(self.model.index(checked[0], 0))
            QTimer.singleShot(0, self.list, lambda: self.list.scrollTo(
                first, QAbstractItemView.ScrollHint.PositionAtCenter))
