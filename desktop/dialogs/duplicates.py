"""Tools ▸ Find duplicates… (issue 18): the duplicate scan (db/services/duplicates.py) for
organizations or people, run on the database worker with progress and cancel, then reviewed
pair by pair — both records side by side (names in every script, abbreviation, country, what
is linked to each), the score and why they matched — with Merge… (the merge dialog, the kept
record chosen there), Not a duplicate (remembered: the scan shows the pair no more), Skip and
Back; each has a one-key shortcut (M, N, S, B)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.services import organizations, pages, people
from db.services.duplicates import (
    DEFAULT_MIN_SCORES,
    DuplicatePair,
    ScanStep,
    scan_steps,
)
from db.services.not_duplicates import mark_not_duplicate
from db.services.record_merge import merge_preview
from db.store.errors import LiaisonError
from desktop.context import AppContext
from desktop.dialogs.merge_records import MergeRecordsDialog, moves_text
from desktop.errors import show_problem
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.icons import icon
from desktop.jobs.worker import Answer, Job
from desktop.naming import country_names, display_name
from desktop.readable import EMPTY, field_label

KINDS = (("organization", QT_TRANSLATE_NOOP("Duplicates", "Organizations")),
         ("person", QT_TRANSLATE_NOOP("Duplicates", "People")))


@dataclass(frozen=True)
class PairView:
    """What the review shows of one pair, read on the worker."""

    pair: DuplicatePair
    first: Any  # OrganizationRecord | PersonRecord
    second: Any
    first_links: dict[str, int]  # what is linked to each, by the merge's word for it
    second_links: dict[str, int]
    countries: dict[str, str]  # code → name, in the user's language


def read_pair(context: AppContext, pair: DuplicatePair) -> PairView:
    database, kind = context.database, pair.kind
    get = organizations.get_organization if kind == "organization" else people.get_person
    # The merge's preview counts what would move from the other record: asked both ways, it
    # counts what is linked to each (and refuses a record merged or deleted since the scan).
    first_links = merge_preview(database, kind, pair.second_id, pair.first_id).moves
    second_links = merge_preview(database, kind, pair.first_id, pair.second_id).moves
    names = country_names(pages.countries(database), context.name_preference())
    return PairView(pair, get(database, pair.first_id), get(database, pair.second_id),
                    dict(first_links), dict(second_links), names)


class DuplicatesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 kind: str = "organization") -> None:
        super().__init__(parent)
        self.context = context
        self.pairs: list[DuplicatePair] = []
        self.index = 0
        self.scanned_kind: str | None = None
        self.view: PairView | None = None
        self.job: Job | None = None
        self.answer: Answer | None = None  # the read or write in flight
        self.setObjectName("find_duplicates")
        self.setWindowTitle(translate("Duplicates", "Find duplicates"))

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("duplicate_kind")
        for value, label in KINDS:
            self.kind_box.addItem(translate("Duplicates", label), value)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.score_box = QSpinBox()
        self.score_box.setObjectName("duplicate_min_score")
        self.score_box.setRange(50, 100)
        self.score_box.setValue(DEFAULT_MIN_SCORES.get(kind, 85))
        self.score_box.setToolTip(translate(
            "Duplicates", "Pairs scoring less are not shown: 100 is the same name, lower is "
                          "less alike"))
        self.find_button = QPushButton(icon("search"), translate("Duplicates", "&Find"))
        self.find_button.setObjectName("find")
        self.find_button.clicked.connect(lambda _checked=False: self.scan())
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Duplicates", "Look among:")))
        top.addWidget(self.kind_box)
        top.addSpacing(12)
        top.addWidget(QLabel(translate("Duplicates", "Lowest score:")))
        top.addWidget(self.score_box)
        top.addStretch(1)
        top.addWidget(self.find_button)

        self.summary = QLabel()
        self.summary.setObjectName("duplicate_summary")
        self.summary.setWordWrap(True)
        self.heading = QLabel()
        self.heading.setObjectName("pair_heading")
        heading_font = self.heading.font()
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.reasons = QLabel()
        self.reasons.setObjectName("pair_reasons")
        self.reasons.setWordWrap(True)
        self.first_box = QGroupBox()
        self.first_box.setObjectName("first_record")
        self.second_box = QGroupBox()
        self.second_box.setObjectName("second_record")
        sides = QHBoxLayout()
        sides.addWidget(self.first_box, 1)
        sides.addWidget(self.second_box, 1)

        self.merge_button = self._button("merge", "link", translate("Duplicates", "Merge…"),
                                         "M", translate("Duplicates",
                                                        "Merge the two records: choose which "
                                                        "is kept and each field's value (M)"))
        self.merge_button.clicked.connect(lambda _checked=False: self.merge())
        self.distinct_button = self._button(
            "not_duplicate", "x", translate("Duplicates", "Not a duplicate"), "N",
            translate("Duplicates", "They are two different records: remembered, the scan "
                                    "will not show this pair again (N)"))
        self.distinct_button.clicked.connect(lambda _checked=False: self.not_duplicate())
        self.skip_button = self._button(
            "skip", None, translate("Duplicates", "Skip"), "S",
            translate("Duplicates", "Decide later: the next pair (S)"))
        self.skip_button.clicked.connect(lambda _checked=False: self.skip())
        self.back_button = self._button(
            "back", None, translate("Duplicates", "Back"), "B",
            translate("Duplicates", "The previous pair (B)"))
        self.back_button.clicked.connect(lambda _checked=False: self.back())
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        for button in (self.merge_button, self.distinct_button, self.skip_button):
            actions.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self.pair_area = QWidget()
        pair_layout = QVBoxLayout(self.pair_area)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.addWidget(self.heading)
        pair_layout.addWidget(self.reasons)
        pair_layout.addLayout(sides)
        pair_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.pair_area, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(900, 440)
        self.show_current()

    def _button(self, name: str, icon_name: str | None, text: str, key: str,
                tip: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.setObjectName(name)
        # A shortcut of its own rather than the button's, which clicks it only 100 ms later
        # (animateClick): the key acts at once, and not at all while the button is disabled.
        QShortcut(QKeySequence(key), self).activated.connect(button.click)
        button.setToolTip(tip)
        button.setAutoDefault(False)
        return button

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def _kind_changed(self) -> None:
        self.score_box.setValue(DEFAULT_MIN_SCORES.get(self.kind, 85))

    # -- the scan --------------------------------------------------------------------------
    def scan(self) -> Job | None:
        """Run the scan for the kind chosen on the worker, with progress and cancel."""
        if self.job is not None and self.job.running:
            return self.job
        database, kind, min_score = self.context.database, self.kind, self.score_box.value()
        reading = translate("Duplicates", "Reading the names…")
        comparing = translate("Duplicates", "Comparing names in every script…")

        def steps(_cancelled: Any) -> Any:
            return scan_steps(database, kind, min_score=min_score)

        def describe(step: ScanStep) -> tuple[int, int, str]:
            return step.done, step.total, reading if step.stage == "reading" else comparing

        self.summary.setText(comparing)
        self.find_button.setEnabled(False)
        self.job = self.context.start(Job(
            self, translate("Duplicates", "Finding duplicates"), steps, describe,
            on_success=lambda step: self.scanned(kind, step.pairs or ()),
            on_failure=self._scan_failed))
        return self.job

    def scanned(self, kind: str, pairs: Sequence[DuplicatePair]) -> None:
        self.find_button.setEnabled(True)
        self.scanned_kind = kind
        self.pairs = list(pairs)
        self.index = 0
        self.show_current()
        if self.pairs:  # the review's keys (M, N, S, B) go to the buttons, not the list box
            self.skip_button.setFocus()

    def _scan_failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        if isinstance(exc, InterruptedError):
            self.summary.setText(translate("Duplicates", "The scan was cancelled."))
            return
        self.summary.setText("")
        if isinstance(exc, LiaisonError):
            show_problem(self, exc)
            return
        raise exc

    # -- the review ------------------------------------------------------------------------
    def current(self) -> DuplicatePair | None:
        return self.pairs[self.index] if 0 <= self.index < len(self.pairs) else None

    def show_current(self) -> Answer | None:
        pair = self.current()
        self.view = None
        self._enable(False)
        if self.scanned_kind is None:
            self.summary.setText(translate(
                "Duplicates", "Choose organizations or people and press Find: names in every "
                              "script are compared, transliterated and in pinyin."))
            self.pair_area.hide()
            return None
        if pair is None:
            self.pair_area.hide()
            self.summary.setText(
                translate("Duplicates", "No likely duplicates left to review.") if not
                self.pairs else translate("Duplicates", "All pairs reviewed: press Back to "
                                                        "see them again, or Find to look "
                                                        "again."))
            return None
        self.summary.setText(translate(
            "Duplicates", "Pair {n} of {total}: decide, or skip to the next.").format(
            n=self.index + 1, total=len(self.pairs)))
        self.pair_area.show()
        context = self.context

        def arrived(view: PairView) -> None:
            self.answer = None
            if view.pair is self.current():
                self.show_view(view)

        def failed(exc: BaseException) -> None:
            self.answer = None
            if isinstance(exc, LiaisonError) and pair is self.current():
                # merged or deleted since the scan (here or by a colleague): not a pair now
                self.pairs.remove(pair)
                self.show_current()
                self.summary.setText(translate(
                    "Duplicates", "A pair was left out: {problem}").format(problem=exc.message))
                return
            if not isinstance(exc, LiaisonError):
                raise exc

        self.answer = context.query(lambda: read_pair(context, pair), arrived, failed)
        return self.answer

    def show_view(self, view: PairView) -> None:
        self.view = view
        pair = view.pair
        self.heading.setText(translate("Duplicates", "Score {score} of 100").format(
            score=pair.score))
        matched = " ↔ ".join(dict.fromkeys(pair.matched)) if any(pair.matched) else ""
        reasons = translate("Duplicates", "Why: {reasons}.").format(
            reasons=translate("Duplicates", ", ").join(pair.reasons))
        if matched:
            reasons += "  " + translate("Duplicates", "Matched: {names}").format(names=matched)
        self.reasons.setText(reasons)
        self._fill(self.first_box, view.first, view.first_links, view.countries,
                   translate("Duplicates", "Suggested to keep"))
        self._fill(self.second_box, view.second, view.second_links, view.countries,
                   translate("Duplicates", "Other record"))
        self._enable(True)

    def _fill(self, box: QGroupBox, record: Any, links: Mapping[str, int],
              countries: Mapping[str, str], role: str) -> None:
        preference = self.context.name_preference()
        box.setTitle(translate("Duplicates", "{role}: {name}").format(
            role=role, name=display_name(record, preference) or record.name))
        old = box.layout()
        if old is not None:
            QWidget().setLayout(old)  # the old layout and its labels go with a throwaway
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        place = "country" if self.kind_of(record) == "organization" else "nationality"
        rows: list[tuple[str, str]] = [
            (field_label("name"), record.name),
            (field_label("name_en"), record.name_en or EMPTY),
            (field_label("name_zh"), record.name_zh or EMPTY),
            (field_label("aliases"), "; ".join(record.aliases) or EMPTY),
        ]
        if place == "country":
            rows.append((field_label("abbreviation"), record.abbreviation or EMPTY))
        code = getattr(record, place)
        rows.append((field_label(place), countries.get(code or "", code or EMPTY)))
        rows.append((translate("Duplicates", "Linked"),
                     moves_text(links) or translate("Duplicates", "nothing yet")))
        for label, value in rows:
            shown = QLabel(value if len(value) <= 60 else value[:59] + "…")
            shown.setToolTip(value if len(value) > 60 else "")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(translate("Duplicates", "{field}:").format(field=label), shown)

    def kind_of(self, record: Any) -> str:
        return "organization" if hasattr(record, "abbreviation") else "person"

    def _enable(self, on: bool) -> None:
        editable = on and not self.context.database.read_only
        self.merge_button.setEnabled(editable)
        self.distinct_button.setEnabled(editable)
        self.skip_button.setEnabled(on)
        self.back_button.setEnabled(self.index > 0)

    # -- decisions -------------------------------------------------------------------------
    def skip(self) -> None:
        if self.current() is not None:
            self.index += 1
            self.show_current()

    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_current()

    def not_duplicate(self) -> Answer | None:
        """Remember that the two are different records, and go to the next pair."""
        pair = self.current()
        if pair is None or self.view is None:
            return None
        context = self.context
        who = context.actor().who

        def done(_result: object) -> None:
            self.answer = None
            if pair in self.pairs:
                self.pairs.remove(pair)
            self.show_current()

        self._enable(False)
        self.answer = context.query(
            lambda: mark_not_duplicate(context.database, pair.kind, pair.first_id,
                                       pair.second_id, who), done, self._write_failed)
        return self.answer

    def _write_failed(self, exc: BaseException) -> None:
        self.answer = None
        self._enable(self.view is not None)
        if isinstance(exc, LiaisonError):
            show_problem(self, exc)
            return
        raise exc

    def merge(self) -> bool:
        """The merge dialog for the pair (the suggested record kept unless the user swaps);
        once merged, the pairs of the record merged away are gone from the review."""
        pair = self.current()
        if pair is None or self.view is None:
            return False
        dialog = self.merge_dialog(pair)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_of_merge is None:
            return False
        gone = dialog.result_of_merge.other_id
        before = [p for p in self.pairs[:self.index] if gone not in (p.first_id, p.second_id)]
        after = [p for p in self.pairs[self.index:] if gone not in (p.first_id, p.second_id)]
        self.pairs = before + after
        self.index = len(before)
        self.show_current()
        return True

    def merge_dialog(self, pair: DuplicatePair) -> MergeRecordsDialog:
        return MergeRecordsDialog(self.context, pair.kind, pair.first_id, pair.second_id, self)


def open_duplicates(context: AppContext, parent: QWidget | None) -> DuplicatesDialog:
    """Tools ▸ Find duplicates…: the dialog, not blocking, its scan of organizations started."""
    dialog = DuplicatesDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.scan()
    return dialog
