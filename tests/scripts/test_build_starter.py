"""The shipped starter register (resources/starter/parties.csv) is reproducible from Party Facts."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import shared_data_dir

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_starter.py"
SHIPPED = REPO / "resources" / "starter" / "parties.csv"
HEADER = ("partyfacts_id,country_alpha3,name,name_en,abbreviation,aliases,"
          "founded,website,description")
BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_starter", SCRIPT)
    assert spec is not None and spec.loader is not None, f"cannot import {SCRIPT}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source() -> Path:
    folder = shared_data_dir() / "parties"
    if not (folder / "partyfacts-core-parties.csv").is_file():
        pytest.fail(f"Party Facts data not found at {folder}")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, source: Path) -> Path:
    out = tmp_path_factory.mktemp("starter") / "parties.csv"
    _load_script().build(source, out)
    return out


@pytest.fixture(scope="module")
def rows(built: Path) -> list[dict[str, str]]:
    with built.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_build_reproduces_the_shipped_file_byte_for_byte(built: Path) -> None:
    assert SHIPPED.is_file(), f"{SHIPPED} is missing: run python scripts/build_starter.py"
    assert built.read_bytes() == SHIPPED.read_bytes(), (
        "resources/starter/parties.csv is stale: rebuild it with python scripts/build_starter.py")


def test_file_format(built: Path) -> None:
    data = built.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "no BOM"
    assert b"\r" not in data, "LF line endings only"
    assert data.decode("utf-8").split("\n", 1)[0] == HEADER


def test_size_and_coverage(rows: list[dict[str, str]]) -> None:
    assert len(rows) > 2000
    assert len({r["country_alpha3"] for r in rows}) > 190
    assert len({r["partyfacts_id"] for r in rows}) == len(rows), "one row per Party Facts id"
    assert all(r["name"] and r["name_en"] and len(r["country_alpha3"]) == 3 for r in rows)


def test_sorted_by_country_then_name(rows: list[dict[str, str]]) -> None:
    keys = [(r["country_alpha3"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)


def test_no_technical_placeholders(rows: list[dict[str, str]], source: Path) -> None:
    with (source / "partyfacts-core-parties.csv").open(encoding="utf-8", newline="") as handle:
        technical = {r["partyfacts_id"] for r in csv.DictReader(handle) if r["technical"].strip()}
    assert technical, "the source should contain technical placeholders to drop"
    assert not technical & {r["partyfacts_id"] for r in rows}


def test_no_bidi_marks_or_stray_whitespace(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for column, value in row.items():
            assert not any(mark in value for mark in BIDI_MARKS), (row["partyfacts_id"], column)
            assert value == value.strip() and "\n" not in value, (row["partyfacts_id"], column)


def test_aliases_are_clean(rows: list[dict[str, str]]) -> None:
    for row in rows:
        if not row["aliases"]:
            continue
        aliases = row["aliases"].split(";")
        assert all(a.strip() == a and a for a in aliases), row["partyfacts_id"]
        folded = [a.casefold() for a in aliases]
        assert len(folded) == len(set(folded)), row["partyfacts_id"]
        own = {row["name"].casefold(), row["name_en"].casefold(), row["abbreviation"].casefold()}
        assert not own & set(folded), row["partyfacts_id"]


def test_founded_is_empty_or_a_plausible_year(rows: list[dict[str, str]]) -> None:
    for row in rows:
        founded = row["founded"]
        assert founded == "" or (founded.isdigit() and 1600 <= int(founded) <= 2026), row


def test_website_is_http(rows: list[dict[str, str]]) -> None:
    for row in rows:
        assert row["website"] == "" or row["website"].startswith(("http://", "https://")), row


def test_original_scripts_are_kept(rows: list[dict[str, str]]) -> None:
    by_id = {r["partyfacts_id"]: r for r in rows}
    assert by_id["6642"]["name"] == "حرکت اسلامی افغانستان"  # Islamic Movement of Afghanistan
    assert "Harakat-e Islami-yi Afghanistan" in by_id["6642"]["aliases"].split(";")
    assert by_id["5124"]["name"] == "中国共产党"  # Communist Party of China
    assert by_id["2256"]["name"] == "Единая Россия"  # United Russia
    assert "Yedinaya Rossiya" in by_id["2256"]["aliases"].split(";")


def test_names_keep_their_diacritics_and_english_initials_are_aliases(
        rows: list[dict[str, str]]) -> None:
    """The register's quality: a well-known party the core list only transliterates is
    written as it writes itself, its English initials are an alias, and no party is listed
    twice under one name in one country."""
    cpv = next(row for row in rows if row["partyfacts_id"] == "4898")
    assert cpv["name"] == "Đảng Cộng sản Việt Nam"
    assert {"CPV", "Dang Cong san Viet Nam"} <= set(cpv["aliases"].split(";"))
    folded = _load_script().accent_folded
    pairs = [(folded(row["name"]), row["country_alpha3"]) for row in rows]
    assert len(pairs) == len(set(pairs)), "one row per name and country"
