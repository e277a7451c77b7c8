"""Liaison's translation catalog: resources/translations/liaison_zh_CN.ts (Qt's format, the source
of truth, with its glossary beside it) and the compiled .qm the desktop loads.

    python scripts/translations.py update          # find every message in db/ and desktop/
    python scripts/translations.py apply FILE.json # fill translations: {context: {source: text}}
    python scripts/translations.py export FILE.json [--unfinished]  # the messages, to translate
    python scripts/translations.py release         # compile the .qm (committed; a test checks it)
    python scripts/translations.py status          # how many messages are still unfinished

`update` runs PySide6's lupdate over every Python file of db/ and desktop/ (the calls
`translate(context, text)` and `QT_TRANSLATE_NOOP(context, text)`), keeping the translations
already made and dropping messages no longer in the code; then run `release`.
docs/TRANSLATION.md has the whole routine."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "resources" / "translations"
LANGUAGE = "zh_CN"
CATALOG = FOLDER / f"liaison_{LANGUAGE}.ts"
COMPILED = CATALOG.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease, beside this Python or on PATH."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}",
                      shutil.which(f"pyside6-{name}")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    raise SystemExit(f"pyside6-{name} was not found; install the dev dependencies first.")


def sources() -> list[str]:
    return sorted(str(path.relative_to(REPO)) for folder in ("db", "desktop")
                  for path in (REPO / folder).rglob("*.py"))


def update(catalog: Path = CATALOG) -> None:
    """Bring the catalog in line with the code (new messages unfinished, gone ones dropped)."""
    catalog.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete",
                    "-source-language", "en", "-target-language", LANGUAGE,
                    *sources(), "-ts", str(catalog)], cwd=REPO, check=True,
                   capture_output=True, text=True)


def release(catalog: Path = CATALOG, compiled: Path = COMPILED) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(catalog), "-qm", str(compiled)],
                   check=True, capture_output=True, text=True)


def messages(catalog: Path = CATALOG) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message."""
    found = []
    for context in ElementTree.parse(catalog).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and bool(
                translation.text or any(f.text for f in translation.iter("numerusform")))
            text = None
            if done and translation is not None:
                forms = [f.text or "" for f in translation.iter("numerusform")]
                text = forms[0] if forms else translation.text
            found.append((name, key_of(message), text))
    return found


def key_of(message: ElementTree.Element) -> str:
    """A message's key in the JSON files: its source, and Qt's disambiguation note after
    U+0004 when it has one (the same source meaning two things)."""
    source = message.findtext("source") or ""
    note = message.findtext("comment")
    return f"{source}\u0004{note}" if note else source


def apply(table: dict[str, dict[str, str]], catalog: Path = CATALOG) -> int:
    """Fill translations from {context: {source: translation}}; returns how many."""
    tree = ElementTree.parse(catalog)
    filled = 0
    for context in tree.getroot().iter("context"):
        wanted = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = wanted.get(key_of(message))
            translation = message.find("translation")
            if not text or translation is None:
                continue
            forms = list(translation.iter("numerusform"))
            if forms:
                for form in forms:
                    form.text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
            filled += 1
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    catalog.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       encoding="utf-8")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update")
    sub.add_parser("release")
    sub.add_parser("status")
    filling = sub.add_parser("apply")
    filling.add_argument("file", type=Path)
    export = sub.add_parser("export")
    export.add_argument("file", type=Path)
    export.add_argument("--unfinished", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        release()
    elif args.command == "release":
        release()
    elif args.command == "apply":
        count = apply(json.loads(args.file.read_text(encoding="utf-8")))
        release()
        print(f"{count} translations filled.")
    elif args.command == "export":
        table: dict[str, dict[str, str]] = {}
        for context, source, text in messages():
            if text is None or not args.unfinished:
                table.setdefault(context, {})[source] = text or ""
        args.file.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    all_messages = messages()
    unfinished = [m for m in all_messages if m[2] is None]
    print(f"{len(all_messages)} messages, {len(unfinished)} unfinished.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
