"""What leaves the machine in a crash report or a log: no login name, no home folder, no
password from a database URL. (Records are named by id only wherever Liaison itself writes
about them; a report quotes Liaison's own code, never a record's fields.)"""

from __future__ import annotations

import getpass
import re
from pathlib import Path

_URL_PASSWORD = re.compile(r"(://[^:/@\s]+:)[^@\s]+@")


def scrub(text: str) -> str:
    """`text` with the home folder shown as ~, the login name as <user> and any password in
    a URL as ***."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    home = str(Path.home())
    if len(home) > 1:
        text = text.replace(home, "~")
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name known: nothing to hide
        user = ""
    if len(user) >= 2:
        text = re.sub(rf"(?<![\w.-]){re.escape(user)}(?![\w-])", "<user>", text)
    return text
