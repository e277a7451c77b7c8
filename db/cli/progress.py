"""How a long command shows its progress: one updating line on a terminal, and the stages of
the demo generator and of an export in words."""

from __future__ import annotations

from typing import TextIO

from db.store.translation import QT_TRANSLATE_NOOP, translate

# The stages of the demo generator and of an export, as a progress line names them (an
# export's sheet names are the Liaison workbook's and stay as they are).
STAGES = {
    "organizations": QT_TRANSLATE_NOOP("CommandLine", "organizations"),
    "people": QT_TRANSLATE_NOOP("CommandLine", "people"),
    "interactions": QT_TRANSLATE_NOOP("CommandLine", "interactions"),
    "visits": QT_TRANSLATE_NOOP("CommandLine", "visits"),
    "events": QT_TRANSLATE_NOOP("CommandLine", "events"),
    "indexes": QT_TRANSLATE_NOOP("CommandLine", "indexes"),
    "saving": QT_TRANSLATE_NOOP("CommandLine", "saving"),
    "done": QT_TRANSLATE_NOOP("CommandLine", "done"),
}


class Progress:
    """One updating line on a terminal; silent when stderr is not one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()

    def show(self, text: str) -> None:
        if self.active:
            self.stream.write("\r" + text.ljust(60))
            self.stream.flush()

    def end(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


def stage_text(stage: str) -> str:
    """A progress stage in words (a stage without a word of its own is shown as it is)."""
    known = STAGES.get(stage)
    return translate("CommandLine", known) if known is not None else stage
