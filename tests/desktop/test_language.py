"""The interface language: the first start follows the system's locale, the setting can
override it, Qt's own translations come along, and a missing catalog leaves English in place
and says so once — never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from db.store import translation
from desktop import i18n, settings


@pytest.fixture(autouse=True)
def english_after(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install("en")
    translation.set_language("en")


@pytest.mark.parametrize(("system", "expected"), [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"),
                                                  ("en_GB", "en"), ("fr_FR", "en")])
def test_the_first_start_follows_the_system(monkeypatch: pytest.MonkeyPatch, system: str,
                                            expected: str) -> None:
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(system)))
    assert settings.language() == "system"  # nothing chosen yet
    assert i18n.install(settings.language()) == expected
    assert translation.language() == expected


def test_chinese_loads_liaisons_catalog_and_qts_own(qtbot: QtBot) -> None:
    assert i18n.install("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("Settings", "Settings") == "设置"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QLocale().toString(QLocale().toDate("2026-12-04", "yyyy-MM-dd"),
                              QLocale.FormatType.LongFormat).startswith("2026年12月4日")
    assert translation.translate("Validation", "The name") != "The name"  # db speaks it too


def test_a_missing_catalog_leaves_english_and_says_so_once(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setattr(i18n, "catalog_path", lambda language, suffix=".ts": tmp_path / "gone.qm")
    assert i18n.install("zh_CN") == "en"
    assert QCoreApplication.translate("Settings", "Settings") == "Settings"
    warning = i18n.take_warning()
    assert warning and "English" in warning
    assert i18n.take_warning() is None


def test_the_setting_overrides_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    settings.set_language("en")
    assert i18n.install(settings.language()) == "en"


def test_settings_offer_a_restart_when_the_language_changes(
        monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.dialogs.settings import SettingsDialog

    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No  # later

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert settings.language() == "zh_CN" and len(asked) == 1 and "Restart" in asked[0]
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.accept()  # nothing changed: no question
    assert len(asked) == 1


def test_one_english_word_can_be_two_chinese_ones() -> None:
    """"Title" is an interaction's 标题 and a person's 职衔: Qt's disambiguation keeps them
    apart, on the screens (and db, which has no notes, reads the plain one)."""
    from desktop.i18n import translate

    i18n.install("zh_CN")
    assert translate("Columns", "Title") == "标题"
    assert translate("Columns", "Title", "a person's") == "职衔"
    assert translate("Columns", "Role", "a participant's") == "身份"
    assert translate("Columns", "From", "where a change came from") == "来源"
    assert translation.translate("Columns", "Title") == "标题"
