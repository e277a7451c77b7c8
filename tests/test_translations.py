"""The translation catalog is current: every message in the code is in it (run
`python scripts/translations.py update` after adding one), the committed .qm is compiled from
it, db reads it without Qt, and the command line speaks the environment's language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.store import translation
from scripts import translations as catalog


def test_every_message_in_the_code_is_in_the_catalog(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(catalog.CATALOG, fresh)
    catalog.update(fresh)
    committed = {(context, source) for context, source, _text in catalog.messages()}
    found = {(context, source) for context, source, _text in catalog.messages(fresh)}
    assert not found - committed, f"not in the catalog yet: {sorted(found - committed)[:10]}"
    assert not committed - found, f"no longer in the code: {sorted(committed - found)[:10]}"


def test_the_compiled_catalog_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    catalog.release(catalog.CATALOG, compiled)
    assert compiled.read_bytes() == catalog.COMPILED.read_bytes(), \
        "run `python scripts/translations.py release` and commit the .qm"


@pytest.mark.parametrize(("setting", "expected"), [
    ("zh_CN.UTF-8", "zh_CN"), ("zh_TW", "zh_CN"), ("zh-Hans", "zh_CN"), ("en_GB.UTF-8", "en"),
    ("fr_FR", "en"), ("", "en"), (None, "en")])
def test_which_language_a_locale_means(setting: str | None, expected: str) -> None:
    assert translation.language_of(setting) == expected


def test_the_environment_chooses_the_command_lines_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert translation.system_language() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert translation.system_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "C")  # C means "not set": LANG decides
    assert translation.system_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert translation.system_language() == "en"


def test_db_reads_the_catalog_without_qt() -> None:
    finished = [(c, s, t) for c, s, t in catalog.messages() if t]
    if not finished:
        pytest.skip("nothing translated yet")
    context, source, text = finished[0]
    try:
        assert translation.set_language("zh_CN") == "zh_CN"
        assert translation.translate(context, source) == text
        assert translation.translate(context, "a message nobody wrote") == \
            "a message nobody wrote"
    finally:
        translation.set_language("en")
    assert translation.translate(context, source) == source


def test_a_missing_catalog_means_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(translation, "FOLDER", tmp_path)
    try:
        assert translation.set_language("zh_CN") == "en"
    finally:
        translation.set_language("en")
