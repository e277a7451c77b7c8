"""Merging two organizations or two people (issue 18): both records side by side — their names
in every script, country, abbreviation — which one is kept (Swap keeps the other), one row
per field whose values differ with the value the kept record takes (the newer non-empty one
unless the user picks the other), the lists that are joined and what moves to the kept
record. The preview is read on the database worker and so is the merge, one batch of the
change-set engine: Ctrl+Z in the main window takes it back whole.

A colleague who changed one of the two while the dialog was open: the merge writes nothing,
the dialog says so and shows the records as they are now. The other refusals (a record merged
into itself, deleted, already merged away) are one sentence.

Opened from the lists' “Merge with…” and from the duplicate scan with
`MergeRecordsDialog(context, kind, survivor_id, other_id).exec()`: Accepted once merged."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.changes.undo import undo_batch
from db.search.names import NameHit
from db.services import organizations, pages, people
from db.services.record_merge import MergePreview, MergeResult, merge_preview, merge_records
from db.services.reference import CountryInfo
from db.store.errors import ConflictError, LiaisonError
from desktop.context import AppContext
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Answer
from desktop.naming import country_names, display_name
from desktop.readable import field_label
from desktop.widgets.merge_fields import FieldChoices, fill_record_box
from desktop.widgets.record_picker import RecordPicker

# What moves to the kept record, by the merge's word for it: (one, several) — whole phrases,
# so each language says its own plural.
MOVES: Mapping[str, tuple[str, str]] = {
    "interactions": (QT_TRANSLATE_NOOP("MergeRecords", "1 interaction"),
                     QT_TRANSLATE_NOOP("MergeRecords", "{n:,} interactions")),
    "positions": (QT_TRANSLATE_NOOP("MergeRecords", "1 position"),
                  QT_TRANSLATE_NOOP("MergeRecords", "{n:,} positions")),
    "invitations": (QT_TRANSLATE_NOOP("MergeRecords", "1 invitation"),
                    QT_TRANSLATE_NOOP("MergeRecords", "{n:,} invitations")),
    "delegates": (QT_TRANSLATE_NOOP("MergeRecords", "1 place in an event delegation"),
                  QT_TRANSLATE_NOOP("MergeRecords", "{n:,} places in event delegations")),
    "visits": (QT_TRANSLATE_NOOP("MergeRecords", "1 visit"),
               QT_TRANSLATE_NOOP("MergeRecords", "{n:,} visits")),
    "members": (QT_TRANSLATE_NOOP("MergeRecords", "1 place in a visit's delegation"),
                QT_TRANSLATE_NOOP("MergeRecords", "{n:,} places in visits' delegations")),
    "gifts": (QT_TRANSLATE_NOOP("MergeRecords", "1 gift"),
              QT_TRANSLATE_NOOP("MergeRecords", "{n:,} gifts")),
    "followups": (QT_TRANSLATE_NOOP("MergeRecords", "1 follow-up"),
                  QT_TRANSLATE_NOOP("MergeRecords", "{n:,} follow-ups")),
    "events": (QT_TRANSLATE_NOOP("MergeRecords", "1 event organized"),
               QT_TRANSLATE_NOOP("MergeRecords", "{n:,} events organized")),
    "sessions": (QT_TRANSLATE_NOOP("MergeRecords", "1 session spoken at"),
                 QT_TRANSLATE_NOOP("MergeRecords", "{n:,} sessions spoken at")),
    "levels": (QT_TRANSLATE_NOOP("MergeRecords", "1 level change"),
               QT_TRANSLATE_NOOP("MergeRecords", "{n:,} level changes")),
    "tags": (QT_TRANSLATE_NOOP("MergeRecords", "1 tag"),
             QT_TRANSLATE_NOOP("MergeRecords", "{n:,} tags")),
}
# The lists joined rather than chosen (both records' entries, once each), per kind.
JOINED: Mapping[str, tuple[str, ...]] = {
    "organization": ("aliases",),
    "person": ("aliases", "emails", "phones", "languages"),
}
NOUNS = {"organization": QT_TRANSLATE_NOOP("MergeRecords", "Merge two organizations"),
         "person": QT_TRANSLATE_NOOP("MergeRecords", "Merge two people")}


def moves_text(moves: Mapping[str, int]) -> str:
    """“12 interactions, 3 positions, 2 invitations”, in the order of MOVES."""
    parts: list[str] = []
    for word in [*MOVES, *sorted(set(moves) - set(MOVES))]:
        count = moves.get(word, 0)
        if not count:
            continue
        if word in MOVES:
            one, several = MOVES[word]
            parts.append(translate("MergeRecords", one) if count == 1 else
                         translate("MergeRecords", several).format(n=count))
        else:
            parts.append(f"{count:,} {word}")
    return translate("MergeRecords", ", ").join(parts)


@dataclass(frozen=True)
class MergeView:
    """What the dialog shows, read on the worker: the preview and both records."""

    preview: MergePreview
    survivor: Any  # OrganizationRecord | PersonRecord
    other: Any
    countries: tuple[CountryInfo, ...]


def read_merge(context: AppContext, kind: str, survivor_id: str, other_id: str) -> MergeView:
    database = context.database
    preview = merge_preview(database, kind, survivor_id, other_id)
    get = organizations.get_organization if kind == "organization" else people.get_person
    return MergeView(preview, get(database, survivor_id), get(database, other_id),
                     tuple(pages.countries(database)))


class MergeRecordsDialog(QDialog):
    def __init__(self, context: AppContext, kind: str, survivor_id: str, other_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.survivor_id = survivor_id
        self.other_id = other_id
        self.view: MergeView | None = None
        self.result_of_merge: MergeResult | None = None
        self.answer: Answer | None = None  # the read (or merge) in flight
        self.setObjectName("merge_records")
        self.setWindowTitle(translate("MergeRecords", NOUNS.get(kind, NOUNS["organization"])))

        self.notice = QLabel()
        self.notice.setObjectName("merge_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { color: #8a1c12; background: #fdecea; "
                                  "border: 1px solid #e6a29b; border-radius: 4px; "
                                  "padding: 6px; }")
        self.notice.hide()

        self.kept_box = QGroupBox()
        self.kept_box.setObjectName("kept_record")
        self.other_box = QGroupBox()
        self.other_box.setObjectName("other_record")
        self.swap_button = QPushButton(translate("MergeRecords", "⇄ Swap"))
        self.swap_button.setObjectName("swap")
        self.swap_button.setToolTip(translate("MergeRecords",
                                              "Keep the other record instead"))
        self.swap_button.clicked.connect(lambda _checked=False: self.swap())
        sides = QHBoxLayout()
        sides.addWidget(self.kept_box, 1)
        sides.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignVCenter)
        sides.addWidget(self.other_box, 1)

        self.fields_intro = QLabel()
        self.fields_intro.setWordWrap(True)
        self.field_choices = FieldChoices()

        self.joined = QLabel()
        self.joined.setObjectName("merge_joined")
        self.joined.setWordWrap(True)
        self.joined.setTextFormat(Qt.TextFormat.RichText)
        self.moves = QLabel()
        self.moves.setObjectName("merge_moves")
        self.moves.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton(icon("link"), translate("MergeRecords", "Merge"))
        self.merge_button.setObjectName("merge")
        self.merge_button.setDefault(True)
        self.merge_button.setEnabled(False)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(sides)
        layout.addWidget(self.fields_intro)
        layout.addWidget(self.field_choices, 1)
        layout.addWidget(self.joined)
        layout.addWidget(self.moves)
        layout.addWidget(self.buttons)
        self.resize(880, 600)
        self.load()

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> Answer | None:
        """Read the preview and both records on the worker; shown when they arrive."""
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        context, kind = self.context, self.kind
        survivor_id, other_id = self.survivor_id, self.other_id

        def arrived(view: MergeView) -> None:
            if answer is self.answer:
                self.answer = None
                self.show_view(view)

        def failed(exc: BaseException) -> None:
            if answer is not self.answer:
                return
            self.answer = None
            if not isinstance(exc, LiaisonError):
                raise exc
            self.refuse(exc.message)

        answer = context.query(lambda: read_merge(context, kind, survivor_id, other_id),
                               arrived, failed)
        self.answer = answer
        return answer

    def refuse(self, sentence: str) -> None:
        """A merge that cannot be made: its reason, and no Merge button to press."""
        self.notice.setText(sentence)
        self.notice.show()
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(self.view is not None)

    def show_view(self, view: MergeView) -> None:
        self.view = view
        preference = self.context.name_preference()
        countries = country_names(view.countries, preference)
        fill_record_box(self.kept_box, self.kind, view.survivor, countries, preference,
                        translate("MergeRecords", "Kept: {name}"))
        fill_record_box(self.other_box, self.kind, view.other, countries, preference,
                        translate("MergeRecords", "Merged into it, then removed: {name}"))
        self._fill_fields(view, countries)
        self._fill_joined(view)
        kept = display_name(view.survivor, preference) or view.survivor.name
        moved = moves_text(view.preview.moves)
        self.moves.setText(
            translate("MergeRecords", "Moves to “{name}”: {moves}.").format(name=kept,
                                                                           moves=moved)
            if moved else
            translate("MergeRecords", "Nothing else names “{name}”: only its names and "
                                      "fields are merged.").format(
                name=display_name(view.other, preference) or view.other.name))
        editable = not self.context.database.read_only
        self.merge_button.setEnabled(editable)
        self.swap_button.setEnabled(True)

    def _fill_fields(self, view: MergeView, countries: Mapping[str, str]) -> None:
        fields = view.preview.fields
        self.field_choices.show_fields(fields, view.survivor, view.other, countries,
                                       self.context.name_preference())
        if not fields:
            self.fields_intro.setText(translate(
                "MergeRecords", "Their fields agree (or the other record leaves them empty): "
                                "nothing to choose."))
            self.field_choices.hide()
            return
        self.field_choices.show()
        self.fields_intro.setText(translate(
            "MergeRecords", "Where they differ, choose the value the kept record keeps (the "
                            "newer one is chosen for you):"))

    def _fill_joined(self, view: MergeView) -> None:
        lines = [translate("MergeRecords", "Joined from both, each entry once (the names not "
                                           "kept become other names as well):")]
        for name in JOINED.get(self.kind, ()):
            mine = list(getattr(view.survivor, name) or ())
            both = mine + [v for v in getattr(view.other, name) or () if v not in mine]
            if both:
                lines.append(translate("MergeRecords", "{field}: {values}").format(
                    field=f"<b>{field_label(name)}</b>",
                    values=html.escape("; ".join(both))))
        self.joined.setText("<br>".join(lines))

    # -- choosing --------------------------------------------------------------------------
    @property
    def groups(self) -> dict[str, QButtonGroup]:
        """Each differing field's two choices."""
        return self.field_choices.groups

    def choices(self) -> dict[str, str]:
        return self.field_choices.choices()

    def choose(self, field: str, which: str) -> None:
        """Keep the kept record's value of `field` ("survivor") or take the other's."""
        self.field_choices.choose(field, which)

    def swap(self) -> Answer | None:
        self.survivor_id, self.other_id = self.other_id, self.survivor_id
        self.notice.hide()
        return self.load()

    # -- merging ---------------------------------------------------------------------------
    def merge(self) -> Answer | None:
        view = self.view
        if view is None or self.answer is not None or self.context.database.read_only:
            return None
        self.merge_button.setEnabled(False)
        self.swap_button.setEnabled(False)
        database, actor, kind = self.context.database, self.context.actor(), self.kind
        preview, choices = view.preview, self.choices()

        def work() -> MergeResult:
            return merge_records(database, kind, preview.survivor_id, preview.other_id,
                                 choices=choices,
                                 expected_versions=(preview.survivor_version,
                                                    preview.other_version),
                                 actor=actor)

        def merged(result: MergeResult) -> None:
            if answer is self.answer:
                self.answer = None
            self.merged(view, result)

        def failed(exc: BaseException) -> None:
            if answer is self.answer:
                self.answer = None
            if isinstance(exc, ConflictError):
                self.notice.setText(translate(
                    "MergeRecords", "A colleague changed “{name}” while this window was open. "
                                    "Nothing was merged. Below are both records as they are "
                                    "now: check your choices and merge again.").format(
                    name=self._name_of(exc.record_id)))
                self.notice.show()
                self.load()
            elif isinstance(exc, LiaisonError):
                self.refuse(exc.message)
            else:
                raise exc

        answer = self.context.query(work, merged, failed)
        self.answer = answer
        return answer

    def _name_of(self, record_id: str) -> str:
        view = self.view
        if view is None:
            return record_id
        record = view.survivor if view.survivor.id == record_id else view.other
        return display_name(record, self.context.name_preference()) or record.name

    def merged(self, view: MergeView, result: MergeResult) -> None:
        """The merge is written: one step of the main window's undo stack, the lists told,
        the merged-away record's window closed."""
        self.result_of_merge = result
        context, kind = self.context, self.kind
        preference = context.name_preference()
        kept = display_name(view.survivor, preference) or view.survivor.name
        gone = display_name(view.other, preference) or view.other.name

        def take_back() -> None:
            try:
                undo_batch(context.database, result.batch_id, context.actor())
            except LiaisonError as exc:
                show_problem(context.main_window, exc)
                return
            context.notify("*")
            window = context.main_window
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(translate(
                    "MergeRecords", "The merge was undone: “{other}” and “{kept}” are two "
                                    "records again.").format(other=gone, kept=kept), 10000)

        context.push_batch(translate("MergeRecords", "Merge “{other}” into “{kept}”").format(
            other=gone, kept=kept), take_back)
        window = context.windows.get((kind, result.other_id))
        if window is not None:
            window.close()
        context.notify(kind, result.other_id)
        context.notify(kind, result.survivor_id)
        main = context.main_window
        if isinstance(main, QMainWindow):
            main.statusBar().showMessage(translate(
                "MergeRecords", "“{other}” was merged into “{kept}”. Ctrl+Z in this window "
                                "takes the merge back.").format(other=gone, kept=kept), 10000)
        self.accept()


def merge_two(context: AppContext, parent: QWidget, kind: str,
              ids: Sequence[str]) -> MergeRecordsDialog:
    """Open the dialog for two records (the first is kept unless the user swaps), not
    blocking: the list stays put while it is open."""
    dialog = MergeRecordsDialog(context, kind, ids[0], ids[1], parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class PickOtherDialog(QDialog):
    """“Merge with…” on one record: the other one, found by any of its names."""

    def __init__(self, context: AppContext, kind: str, record_id: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.record_id = record_id
        self.setWindowTitle(translate("MergeRecords", NOUNS.get(kind, NOUNS["organization"])))
        question = (translate("MergeRecords", "Merge “{name}” with which organization? Type "
                                              "any of its names.") if kind == "organization"
                    else translate("MergeRecords", "Merge “{name}” with which person? Type any "
                                                   "of their names."))
        intro = QLabel(question.format(name=name))
        intro.setWordWrap(True)
        self.picker = RecordPicker(context.database, (kind,))  # type: ignore[arg-type]
        self.picker.setObjectName("merge_with")
        self.picker.picked.connect(self._picked)
        self.picker.setMinimumWidth(480)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 180)
        self.picked_id: str | None = None

    def _picked(self, hit: NameHit) -> None:
        self.picked_id = hit.id
        self.accept()


def merge_from_list(context: AppContext, parent: QWidget, kind: str,
                    records: Sequence[tuple[str, str]],
                    opened: Callable[[QDialog], object] = lambda _dialog: None) -> None:
    """A list's “Merge with…” on its selected (id, name) records: two are merged with each
    other (the first kept unless the user swaps); for one, the other is asked for first. The
    dialogs do not block: the list stays put while they are open; `opened` gets each."""
    if len(records) >= 2:
        opened(merge_two(context, parent, kind, [records[0][0], records[1][0]]))
        return
    if not records:
        return
    record_id, name = records[0]
    picker = PickOtherDialog(context, kind, record_id, name, parent)
    picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        if picker.picked_id is not None:
            opened(merge_two(context, parent, kind, [record_id, picker.picked_id]))

    picker.accepted.connect(chosen)
    picker.open()
    opened(picker)
