"""Every message Liaison shows, in the user's language, from one catalog per language:
resources/translations/liaison_<language>.ts, in Qt's format. The desktop loads it compiled
(.qm) through Qt's QTranslator; messages made here in db — validation problems, import errors
and warnings, merge summaries, the command line's sentences — are looked up in the same file,
read without Qt. docs/TRANSLATION.md says how to add a message and a translation.

    translate("Validation", "The name cannot be empty.")
    translate("Import", "Row {row}: {problem}").format(row=3, problem=...)

Placeholders are filled after the lookup, so a translation may move them. Texts defined before
they are shown (labels in tables of constants) are marked with `QT_TRANSLATE_NOOP(context,
text)`, which returns the text unchanged, and translated where they are used; Qt's `lupdate`
finds both calls in db and desktop alike."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (ENGLISH, CHINESE)
FOLDER = Path(__file__).resolve().parents[2] / "resources" / "translations"

_current = ENGLISH


def catalog_path(language: str, suffix: str = ".ts") -> Path:
    return FOLDER / f"liaison_{language}{suffix}"


def language_of(code: str | None) -> str:
    """The language Liaison speaks for a locale or setting: zh, zh_CN, zh-Hans, zh_TW... →
    Simplified Chinese (the only Chinese it has); anything else → English."""
    text = (code or "").strip().replace("-", "_").lower()
    return CHINESE if text.startswith("zh") else ENGLISH


def system_language() -> str:
    """The language of the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in POSIX's
    order), for the command line; the desktop asks Qt for the system locale instead."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX"):
            return language_of(value.split(":")[0])
    return ENGLISH


def set_language(language: str) -> str:
    """Speak `language` ("en" or "zh_CN"; anything else falls back to English) from now on;
    returns the language chosen. A missing catalog means English."""
    global _current
    chosen = language if language in LANGUAGES else language_of(language)
    if chosen != ENGLISH and not catalog_path(chosen).is_file():
        chosen = ENGLISH
    _current = chosen
    return chosen


def language() -> str:
    return _current


def translate(context: str, text: str) -> str:
    """`text` in the current language (itself when there is no translation)."""
    if _current == ENGLISH:
        return text
    return _messages(_current).get((context, text)) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for the catalog where it is defined; translate it where it is shown."""
    return text


@cache
def _messages(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation, for the finished messages of the catalog."""
    path = catalog_path(language)
    if not path.is_file():
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.find("comment") is not None:
                continue  # a note tells two meanings apart: the desktop's, through Qt
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") in (
                    "unfinished", "obsolete", "vanished"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = forms[0] if forms else translation.text or ""
            if text:
                found[(name, source)] = text
    return found
