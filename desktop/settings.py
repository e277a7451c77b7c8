"""The user's preferences, kept with QSettings (per user, per machine)."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    return QSettings("Liaison", "Liaison")


def name_preference() -> str:
    value = settings().value("display/names", "original")
    return value if value in ("original", "en", "zh") else "original"


def set_name_preference(value: str) -> None:
    settings().setValue("display/names", value)


def language() -> str:
    """The interface language setting: "system" (the first start's choice: follow the
    system's locale), "en" or "zh_CN"."""
    value = settings().value("display/language", "system")
    return value if value in ("system", "en", "zh_CN") else "system"


def set_language(value: str) -> None:
    settings().setValue("display/language", value)


def saved_officer_name() -> str:
    """The name given at the first start or in Settings; "" before there is one."""
    value = settings().value("user/name", "")
    return value.strip() if isinstance(value, str) else ""


def officer_name() -> str:
    """The name that stands in the history of the changes made here: the one given, or until
    then the login name."""
    if saved := saved_officer_name():
        return saved
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def set_officer_name(value: str) -> None:
    settings().setValue("user/name", value.strip())


def export_folder() -> Path:
    """Where the last export went (the home folder before the first, or when it is gone)."""
    value = settings().value("export/folder", "")
    folder = Path(value) if isinstance(value, str) and value else Path.home()
    return folder if folder.is_dir() else Path.home()


def set_export_folder(folder: Path) -> None:
    settings().setValue("export/folder", str(folder))


def lock_minutes() -> int:
    """After how many idle minutes an encrypted database locks (0: never)."""
    value = settings().value("security/lock_minutes", 15)
    try:
        return max(0, int(str(value)))
    except ValueError:
        return 15


def set_lock_minutes(minutes: int) -> None:
    settings().setValue("security/lock_minutes", max(0, int(minutes)))
