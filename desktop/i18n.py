"""The interface language: Liaison's catalog (resources/translations/liaison_zh_CN.qm) and Qt's
own (qtbase_zh_CN.qm, shipped with PySide6, so standard buttons and dialogs speak it too),
dates and numbers in the language's locale, and db's messages in the same language
(db/store/translation.py).

Widget text goes through `translate(context, text)` — Qt's QCoreApplication.translate — with
an explicit context, never `self.tr()` (whose context would follow the subclass at run time);
texts in tables of constants are marked with QT_TRANSLATE_NOOP and translated where shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db.store import translation
from db.store.translation import CHINESE, ENGLISH, catalog_path, language_of

__all__ = ["LANGUAGE_CHOICES", "QT_TRANSLATE_NOOP", "chosen_language", "install", "mark",
           "translate"]

# Qt's own marker (it returns the text unchanged), typed as it behaves: PySide6's stub says
# `(object, object) -> object`.
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)

SYSTEM = "system"
# The Settings ▸ Language choices: (setting, how it is offered). Each language is named in
# itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_CHOICES = ((SYSTEM, QT_TRANSLATE_NOOP("Settings", "System")),
                    (ENGLISH, "English"), (CHINESE, "简体中文"))

_installed: list[QTranslator] = []
_warning: list[str] = []  # a sentence to show once: the catalog could not be loaded


class _Mark:
    """`mark.translate(context, text, note)` marks a text defined before it is shown, with
    Qt's disambiguation note when one English text means two things ("Title": an
    interaction's or a person's). lupdate reads every call named `translate`, and PySide6's
    QT_TRANSLATE_NOOP3 it does not read in Python. Returns the text unchanged: it is
    translated where shown, with the same note."""

    @staticmethod
    def translate(context: str, text: str, note: str | None = None) -> str:
        return text


mark = _Mark()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def chosen_language(setting: str | None) -> str:
    """The language a setting means: "system" (or nothing) follows the system's locale."""
    if setting in (ENGLISH, CHINESE):
        return setting
    return language_of(QLocale.system().name())


def install(setting: str | None) -> str:
    """Load the translations for the language `setting` chooses, set the locale dates and
    numbers follow, and make db speak it; returns the language in effect. A catalog that is
    missing or cannot be read leaves English in place, and `take_warning` says so once."""
    app = QCoreApplication.instance()
    assert app is not None, "install translations after creating the application"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    wanted = chosen_language(setting)
    language = wanted
    if wanted != ENGLISH:
        own = QTranslator(app)
        if own.load(str(catalog_path(wanted, ".qm"))):
            app.installTranslator(own)
            _installed.append(own)
            qt = QTranslator(app)
            if qt.load(f"qtbase_{wanted}", QLibraryInfo.path(QLibraryInfo.LibraryPath
                                                             .TranslationsPath)):
                app.installTranslator(qt)
                _installed.append(qt)
        else:
            language = ENGLISH
            _warning.append("The Chinese translation could not be loaded (its file is missing "
                            "or damaged), so Liaison speaks English. Reinstalling Liaison "
                            "brings it back.")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == CHINESE else
                       QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    translation.set_language(language)
    return language


def take_warning() -> str | None:
    """The sentence about a catalog that could not be loaded, once."""
    return _warning.pop() if _warning else None
