"""What every export shares: checking the destination, progress steps, and writing a
write-only workbook next to its destination under a temporary name that is renamed only when
the file is complete — a cancel, an error or a crash leaves no half-written workbook behind."""

from __future__ import annotations

import contextlib
import gc
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.exchange.workbook import encode_xstring, is_formula_like
from db.store.errors import LiaisonError
from db.store.translation import translate

PROGRESS_EVERY = 2_000
DATE_FORMAT = "yyyy-mm-dd"

Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ExportProgress:
    stage: str  # the sheet being written, then "saving" and "done"
    done: int
    total: int


def check_destination(path: Path) -> None:
    """One clear sentence, before any work, when the file cannot be written there."""
    folder = path.parent
    if path.suffix.lower() != ".xlsx":
        raise LiaisonError(translate("Export", "The export file must end in .xlsx (got "
                                               "“{name}”).").format(name=path.name))
    if not folder.is_dir():
        raise LiaisonError(translate("Export", "The folder {folder} does not exist; create it or "
                                               "choose another.").format(folder=folder))
    if path.is_dir():
        raise LiaisonError(translate("Export", "{file} is a folder; give a file name ending in "
                                               ".xlsx.").format(file=path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LiaisonError(translate("Export", "Liaison cannot write in the folder {folder} (no "
                                               "permission).").format(folder=folder))


def destination(path: str | os.PathLike[str]) -> Path:
    target = Path(path).expanduser().resolve()
    check_destination(target)
    return target


def cancel_check(cancelled: Cancelled | None) -> Callable[[], None]:
    def check() -> None:
        if cancelled is not None and cancelled():
            raise InterruptedError(translate("Export", "The export was cancelled; no file was "
                                                       "written."))
    return check


class PendingWorkbook:
    """A write-only openpyxl workbook that becomes `target` only when `save` completes —
    protected by `password` when one is given: Office's own "agile" encryption (AES-256),
    which Excel, WPS and LibreOffice open after asking for it (msoffcrypto-tool)."""

    def __init__(self, target: Path, password: str | None = None) -> None:
        from openpyxl import Workbook

        self.target = target
        self.password = password
        self.handle, self.temp_name = _temporary(target)
        self.book: Any = Workbook(write_only=True)

    def save(self, check_cancel: Callable[[], None]) -> None:
        # The file says which program wrote it, not who: no login name, no path.
        self.book.properties.creator = "Liaison"
        self.book.properties.lastModifiedBy = None
        with os.fdopen(self.handle, "wb") as stream:
            self.handle = -1
            if self.password is None:
                self.book.save(stream)
            else:
                protect(self.book, self.password, stream)
        check_cancel()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temp_name, 0o666 & ~umask)  # mkstemp's 0600 is not what a saved file gets
        os.replace(self.temp_name, self.target)

    def discard(self) -> None:
        """Close an unsaved workbook's sheets, remove their temporary files and ours."""
        for ws in self.book.worksheets:
            with contextlib.suppress(Exception):
                ws.close()
            writer = getattr(ws, "_writer", None)
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.cleanup()
        if self.handle != -1:
            os.close(self.handle)
            self.handle = -1
        with contextlib.suppress(OSError):
            os.unlink(self.temp_name)


@contextlib.contextmanager
def heap_set_aside() -> Iterator[None]:
    """While a long export runs, the objects that were alive before it (the app's, for the
    most part) are left out of garbage collection: an export makes millions of short-lived
    objects, and each full collection they trigger would walk the whole heap again — a
    tenth of a second or more each time in a large app. They return to the collector after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def protect(book: Any, password: str, stream: Any) -> None:
    """Save `book` encrypted with `password` into `stream`: the plain workbook is built in
    memory only, never written to disk."""
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    if not password:
        raise LiaisonError(translate("Export", "The workbook's password cannot be empty."))
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    OOXMLFile(plain).encrypt(password, stream)


@contextlib.contextmanager
def pending_workbook(target: Path, password: str | None = None) -> Iterator[PendingWorkbook]:
    """Inside a generator too: closing the generator early (GeneratorExit) discards the file.
    The heap is set aside meanwhile (see heap_set_aside)."""
    pending = PendingWorkbook(target, password)
    try:
        with heap_set_aside():
            yield pending
    except BaseException:
        pending.discard()
        raise
    if os.path.exists(pending.temp_name):  # left without save(): nothing must remain
        pending.discard()


def _temporary(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.part",
                                dir=target.parent)
    except OSError as exc:
        raise LiaisonError(translate("Export", "Liaison cannot write in the folder {folder} "
                                               "({reason}).").format(
            folder=target.parent, reason=exc.strerror or exc)) from exc


def text_cell(cell_type: Any, ws: Any, text: str) -> Any:
    """A cell that holds `text` exactly and that no spreadsheet program evaluates."""
    cell = cell_type(ws, value=encode_xstring(text))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if is_formula_like(text):
        cell.quotePrefix = True  # and typed-over text stays text in Excel too
    return cell
