"""The keyboard as a user presses it: keys go to whatever has the focus (or an open popup),
never straight to a chosen widget, so a shortcut or a popup that takes a key first shows up.

- The search box: Enter opens the highlighted match, never the list's selected row.
- Esc in a completer closes the completer, not the editor.
- Each key is bound once per window (Qt ignores a key bound twice); Ctrl+W closes.
- A question that appears while the user types takes no typed key as its answer."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.messages import SETTLE_MS, QuestionBox
from desktop.shortcuts import bindings
from desktop.views.interaction_editor import InteractionEditor
from desktop.views.organization_page import OrganizationPage
from desktop.views.organizations import OrganizationsView
from desktop.windows.main_window import MainWindow
from tests.db.factories import make_organization, make_person
from tests.desktop.helpers import wait_until_active


def receiver() -> QWidget:
    """Where the window system delivers a key: an open popup, else the focus widget."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    return widget


def press(key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          ) -> None:
    QTest.keyClick(receiver(), key, modifier)


def type_keys(text: str) -> None:
    for character in text:
        press(character)


@pytest.fixture
def window(context: AppContext, qtbot: QtBot) -> MainWindow:
    for name, abbreviation, country in (("Kenya African National Union", "KANU", "KE"),
                                        ("Kenya National Congress", "KNC", "KE"),
                                        ("Aardvark Party", None, "ZA")):
        make_organization(context.database, name=name, abbreviation=abbreviation,
                          country=country)
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1200, 700)
    main.show()
    main.activateWindow()
    wait_until_active(main)
    return main


def opened_names(context: AppContext) -> list[str]:
    return [w.record.name for w in context.open_windows()
            if isinstance(w, OrganizationPage) and w.record is not None]


def listed(window: MainWindow, qtbot: QtBot) -> OrganizationsView:
    view = window.view("organizations")
    assert isinstance(view, OrganizationsView)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    return view


def test_enter_in_the_search_box_opens_the_match_not_the_selected_row(
        window: MainWindow, context: AppContext, qtbot: QtBot) -> None:
    view = listed(window, qtbot)
    view.table.setFocus()
    view.table.selectRow(0)  # "Aardvark Party", selected in the list underneath
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert receiver() is window.search
    type_keys("kenya")
    qtbot.waitUntil(window.search.matches_shown)
    assert [hit.name for hit in window.search.hits][:2] == ["Kenya African National Union",
                                                           "Kenya National Congress"]
    press(Qt.Key.Key_Return)
    assert opened_names(context) == ["Kenya African National Union"]
    assert window.search.text() == "" and not window.search.matches_shown()


def test_arrow_keys_move_through_the_matches_and_enter_opens_the_highlighted_one(
        window: MainWindow, context: AppContext, qtbot: QtBot) -> None:
    listed(window, qtbot)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys("kenya")
    qtbot.waitUntil(window.search.matches_shown)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Down)
    assert window.search.highlighted() == 1
    press(Qt.Key.Key_Return)
    assert opened_names(context) == ["Kenya National Congress"]


def test_esc_closes_the_matches_only(window: MainWindow, context: AppContext,
                                     qtbot: QtBot) -> None:
    listed(window, qtbot)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys("kenya")
    qtbot.waitUntil(window.search.matches_shown)
    press(Qt.Key.Key_Escape)
    assert not window.search.matches_shown() and window.search.text() == "kenya"
    assert window.isVisible() and opened_names(context) == []


def test_a_click_on_a_match_opens_it(window: MainWindow, context: AppContext,
                                     qtbot: QtBot) -> None:
    listed(window, qtbot)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_keys("kenya")
    qtbot.waitUntil(window.search.matches_shown)
    matches = window.search.matches
    second = matches.visualRect(matches.model().index(1, 0)).center()
    qtbot.mouseClick(matches.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert opened_names(context) == ["Kenya National Congress"]


def test_esc_in_the_participant_completer_leaves_the_editor_open(
        context: AppContext, qtbot: QtBot) -> None:
    make_organization(context.database, name="Frente de Libertação de Moçambique",
                      abbreviation="FRELIMO", country="MZ")
    editor = context.open_interaction(None)
    assert isinstance(editor, InteractionEditor)
    qtbot.addWidget(editor)
    editor.activateWindow()
    wait_until_active(editor)
    picker = editor.participants.picker
    picker.setFocus()
    type_keys("frel")
    qtbot.waitUntil(picker.matches_shown)
    press(Qt.Key.Key_Escape)
    assert not picker.matches_shown()
    assert editor.isVisible(), "Esc closed the editor, not the completer"


def test_esc_in_the_country_completer_leaves_the_page_open(context: AppContext,
                                                            qtbot: QtBot) -> None:
    page = context.open_organization(None)
    assert isinstance(page, OrganizationPage)
    qtbot.addWidget(page)
    page.activateWindow()
    wait_until_active(page)
    country = page.form.widgets["country"]
    assert isinstance(country, QComboBox) and country.lineEdit() is not None
    country.lineEdit().setFocus()
    type_keys("keny")
    completer = country.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    press(Qt.Key.Key_Escape)
    assert not completer.popup().isVisible()
    assert page.isVisible(), "Esc closed the page, not the completer"


def test_no_key_is_bound_twice_in_any_window(window: MainWindow, context: AppContext,
                                             qtbot: QtBot) -> None:
    person = make_person(context.database, name="Ana Pereira")
    organization = make_organization(context.database, name="Partido Verde", country="BR")
    windows: list[QWidget] = [window,
                              context.open_organization(organization.id),
                              context.open_organization(None),
                              context.open_person(person.id),
                              context.open_interaction(None),
                              context.open_visit(None)]
    for number in range(window.navigation.count()):  # every list, with its own shortcuts
        window.show_view(number)
    problems = []
    for shown in windows:
        by_key: dict[tuple[str, int], list[str]] = defaultdict(list)
        for binding in bindings(shown):
            by_key[binding.key, binding.scope].append(binding.what)
        problems += [f"{type(shown).__name__}: {key} → {', '.join(names)}"
                     for (key, _scope), names in by_key.items() if len(names) > 1]
    assert problems == []


def test_ctrl_w_closes_a_record_page(context: AppContext, qtbot: QtBot) -> None:
    organization = make_organization(context.database, name="Partido Verde", country="BR")
    page = context.open_organization(organization.id)
    page.activateWindow()
    wait_until_active(page)
    press(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.isVisible())


def test_a_question_takes_no_typed_key_as_its_answer(qtbot: QtBot) -> None:
    box = QuestionBox(QMessageBox.Icon.Question, "Unsaved changes", "Save?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answers: list[int] = []

    def type_then_answer() -> None:
        for text, key in (("d", Qt.Key.Key_D), ("s", Qt.Key.Key_S), ("\r", Qt.Key.Key_Return)):
            QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, key,
                                                  Qt.KeyboardModifier.NoModifier, text))
        answers.append(box.isVisible())  # typed ahead: still open
        QTimer.singleShot(SETTLE_MS + 100, letters_later)

    def letters_later() -> None:
        QApplication.sendEvent(box, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_D,
                                              Qt.KeyboardModifier.NoModifier, "d"))
        answers.append(box.isVisible())  # a letter alone never answers
        QTest.keyClick(box, Qt.Key.Key_Return)  # a deliberate Enter does

    QTimer.singleShot(50, type_then_answer)
    result = box.exec()
    assert answers == [True, True]
    assert result == QMessageBox.StandardButton.Save


def test_a_standard_key_and_a_fixed_one_are_bound_once(qapp: QApplication) -> None:
    """Close is Ctrl+W in GNOME's key scheme: the record page bound the standard Close and
    Ctrl+W, so there Ctrl+W was bound twice and Qt, finding it ambiguous, closed nothing."""
    from PySide6.QtGui import QKeySequence

    from desktop.shortcuts import distinct

    keys = [k.toString() for k in distinct(QKeySequence.StandardKey.Close, "Ctrl+W",
                                           "Ctrl+W", QKeySequence("Ctrl+W"))]
    standard = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Close)]
    assert keys.count("Ctrl+W") == 1
    assert set(keys) == set(standard) | {"Ctrl+W"}
