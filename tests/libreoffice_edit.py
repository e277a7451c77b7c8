"""Edit a workbook inside LibreOffice Calc, as a user would, and save it as .xlsx.

Run with the system Python that has LibreOffice's `uno` module (Debian: python3-uno), not the
project's virtual environment:

    /usr/bin/python3 tests/libreoffice_edit.py IN.xlsx OUT.xlsx EDITS.json PROFILE_DIR

EDITS.json is a list of {"sheet", "find_column", "find", "column", "value"}: in `sheet`, the
row whose `find_column` cell reads `find` gets `value` in `column` (null empties the cell).
Rows to append are {"sheet", "append": {column: value}}. With LIAISON_LO_PASSWORD set, IN is
opened with that password (a protected workbook)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def connect(pipe: str, process: subprocess.Popen[bytes]) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # LibreOffice is still starting
            if process.poll() is not None:
                raise SystemExit("LibreOffice exited before it could be reached") from None
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not answer within 30 seconds")


def main() -> int:
    source, target, edits_path, profile = sys.argv[1:5]
    edits = json.loads(Path(edits_path).read_text(encoding="utf-8"))
    pipe = f"liaison_{os.getpid()}"
    process = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless",
         "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"])
    try:
        context = connect(pipe, process)
        desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", context)
        password = os.environ.get("LIAISON_LO_PASSWORD")
        secret = (prop("Password", password),) if password else ()
        document = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0,
                                                (prop("Hidden", True), *secret))
        if document is None:
            raise SystemExit(f"LibreOffice could not open {source}")
        sheets = document.Sheets
        for edit in edits:
            sheet = sheets.getByName(edit["sheet"])
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last_row, last_column = cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn
            headers = [sheet.getCellByPosition(c, 0).getString() for c in range(last_column + 1)]
            if "append" in edit:
                row = last_row + 1
                for column, value in edit["append"].items():
                    put(sheet.getCellByPosition(headers.index(column), row), value)
                continue
            find = headers.index(edit["find_column"])
            row = next(r for r in range(1, last_row + 1)
                       if sheet.getCellByPosition(find, r).getString() == edit["find"])
            put(sheet.getCellByPosition(headers.index(edit["column"]), row), edit["value"])
        document.storeToURL(Path(target).resolve().as_uri(),
                            (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        with contextlib.suppress(Exception):  # the connection drops as LibreOffice quits
            desktop.terminate()
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


def put(cell: object, value: object) -> None:
    if value is None:
        cell.setString("")  # type: ignore[attr-defined]
    elif isinstance(value, int | float):
        cell.setValue(value)  # type: ignore[attr-defined]
    else:
        cell.setString(str(value))  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
