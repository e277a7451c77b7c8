"""A text table read as it streams from the file: decoded a megabyte at a time and cut into
lines for the csv module. Holding the file's bytes, its whole text as one str and io.StringIO's
copy of that (four bytes a character once it is read line by line) made a 100 MB file cost
seven times its size; streamed, it costs its rows. Along the way:

- a line running on for more than MAX_LINE characters stops the reading (`LineTooLong`): no
  table has such rows, and the csv module would only refuse its first overlong field after the
  whole line had been built as one string. The line's start still goes to the csv module first,
  so an unclosed quotation mark gets its own, clearer sentence.
- a NUL character stops it (`NulCharacter`): no text table holds one, and the csv module would
  pass it into a name.
- bytes the encoding cannot decode are marked, each as U+DC00 plus the byte (lone surrogates,
  which decoded text never holds), so the reader can point at the cells holding them rather
  than import U+FFFD in a name (`marked`, `undecodable_cells`)."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import IO, Any

from db.exchange.reading.read_types import CellError
from db.store.translation import translate

READ_CHUNK = 1 << 20
MAX_LINE = 1 << 20  # characters
SHOWN_TEXT = 60
UNDECODABLE = "liaison.undecodable"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
_MARK = re.compile("[\udc00-\udcff]")


def _mark(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(chr(0xDC00 + byte) for byte in bad), error.end


codecs.register_error(UNDECODABLE, _mark)


class LineTooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class NulCharacter(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class TextLines:
    """The lines of a binary stream in `encoding`, each with its line break, as csv.reader
    reads them from open(…, newline=""): split at LF, CR and CRLF, kept as they are. `decode`
    turns a chunk into text for an encoding without an incremental decoder of its own (cp1252,
    whose five undefined bytes Liaison reads as Windows does); `skip_first` is given the start
    of the text and gives it back without a first line that is not part of the table (Excel's
    "sep=;")."""

    def __init__(self, stream: IO[bytes], encoding: str,
                 decode: Callable[[bytes], str] | None = None,
                 skip_first: Callable[[str], str] | None = None) -> None:
        self._stream = stream
        self._decode: Callable[..., str] = (
            decode or codecs.getincrementaldecoder(encoding)(errors=UNDECODABLE).decode)
        self._incremental = decode is None
        self._skip_first = skip_first
        self.marked = False  # some bytes could not be decoded
        self.count = 0  # lines handed out

    def __iter__(self) -> Iterator[str]:
        carry = ""  # the unfinished last line of what was read so far
        while True:
            chunk = self._stream.read(READ_CHUNK)
            final = not chunk
            fresh = self._decode(chunk, final) if self._incremental else self._decode(chunk)
            if self._skip_first is not None and (fresh or final):
                fresh, self._skip_first = self._skip_first(fresh), None
            self._check(fresh, carry)
            text = carry + fresh if carry else fresh
            end = len(text) if final else _complete(text)
            lines = _LINE.findall(text, 0, end)
            self.count += len(lines)
            yield from lines
            carry = text[sum(map(len, lines)):]
            if final:
                if carry:
                    self.count += 1
                    yield carry
                return
            if len(carry) > MAX_LINE:
                self.count += 1
                yield carry[:MAX_LINE]  # the csv module has its say on the line's start
                raise LineTooLong(self.count)

    def _check(self, fresh: str, carry: str) -> None:
        nul = fresh.find("\x00")
        if nul >= 0:
            text = carry + fresh[:nul]
            raise NulCharacter(self.count + len(_LINE.findall(text)) + 1)
        if not self.marked and _MARK.search(fresh):
            self.marked = True


def _complete(text: str) -> int:
    """Where the complete lines of `text` end: after its last line break, or before the line
    ending in a final CR (an LF in the next chunk may belong to it)."""
    last = len(text) - 1 if text.endswith("\r") else len(text)
    return max(text.rfind("\n", 0, last), text.rfind("\r", 0, last)) + 1


def undecodable_cells(rows: list[list[Any]], encoding: str) -> None:
    """Turn the cells holding marked bytes into CellErrors showing the text with U+FFFD."""
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and _MARK.search(value):
                shown = _MARK.sub("\ufffd", value)
                if len(shown) > SHOWN_TEXT:
                    shown = shown[:SHOWN_TEXT] + "…"
                row[index] = CellError(translate(
                    "Reading", "Some characters of “{text}” could not be read as {encoding} "
                               "(shown as \ufffd); correct them in the file, or choose the file's "
                               "encoding, and import again.").format(text=shown,
                                                                      encoding=encoding))
