"""The `liaison` command line (db/cli.py and the console entry point in desktop/entry.py): exit
codes 0/1/2, JSON output, one clear sentence on stderr and never a traceback, no Qt for
commands. Run against real SQLite files and, where cheap, the PostgreSQL test server."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

import db.cli.main as cli_module
import db.store.engine as engine_module
from db.cli.main import main
from db.seed.opening import open_database
from db.services import interactions, organizations

REPO = Path(__file__).resolve().parents[2]
CONSOLE_SCRIPT = Path(sys.executable).parent / "liaison"


@pytest.fixture(autouse=True)
def crash_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Keep crash reports out of the user's folders, and fail a test that produced one."""
    path = tmp_path / "crash.log"
    monkeypatch.setattr(cli_module, "crash_log_path", lambda: path)
    monkeypatch.delenv("LIAISON_DB", raising=False)
    yield path
    assert not path.exists(), f"a command hit a bug:\n{path.read_text(encoding='utf-8')}"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = main(list(argv), out=out, err=err)
    assert "Traceback" not in err.getvalue() and "Traceback" not in out.getvalue()
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str) -> Any:
    code, out, err = run(*argv)
    assert code == 0, err
    return json.loads(out)


def one_line(err: str) -> str:
    """stderr holds exactly one line: the sentence the user reads."""
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    line = err.strip()
    assert line.endswith((".", "?", "”")), line
    return line


def subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "LIAISON_DB"}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")  # crash reports, if any, land here
    env["PYTHONPATH"] = str(REPO)
    return env


@pytest.fixture(scope="module")
def starter_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the starter register, loaded once through the command line."""
    path = tmp_path_factory.mktemp("starter") / "liaison.sqlite3"
    out, err = StringIO(), StringIO()
    assert main(["--db", str(path), "starter"], out=out, err=err) == 0, err.getvalue()
    assert "parties added" in out.getvalue()
    return path


# --- stats and starter ------------------------------------------------------------------------

def check_empty_stats(stats: dict[str, Any]) -> None:
    assert stats["countries_known"] == 250
    assert stats["countries_covered"] == 0 and stats["regions_covered"] == []
    for name in ("organizations", "people", "affiliations", "interactions", "participations",
                 "followups", "import_batches"):
        assert stats["counts"][name] == 0, name
    assert stats["counts"]["topics"] >= 16 and stats["counts"]["tags"] >= 10  # reference data
    assert stats["followups_open"] == 0 and stats["last_interaction"] is None


def test_stats_json_on_an_empty_database(sqlite_path: Path) -> None:
    assert run("init", str(sqlite_path))[0] == 0
    stats = run_json("--db", str(sqlite_path), "stats", "--json")
    check_empty_stats(stats)
    assert stats["database"] == str(sqlite_path)
    assert not Path(f"{sqlite_path}-wal").exists(), "the command closed the database"


def test_stats_as_text(sqlite_path: Path) -> None:
    assert run("--db", str(sqlite_path), "init")[0] == 0
    code, out, err = run("--db", str(sqlite_path), "stats")
    assert code == 0 and err == ""
    assert str(sqlite_path) in out and "countries covered 0 of 250" in out


def test_stats_uses_liaison_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "from env.sqlite3"
    monkeypatch.setenv("LIAISON_DB", str(path))
    code, out, err = run("stats", "--json")
    assert code == 1 and out == "" and str(path) in one_line(err), "a mistyped LIAISON_DB"
    assert not path.exists()
    assert run("init")[0] == 0 and path.is_file()
    assert run_json("stats", "--json")["database"] == str(path)


def test_starter_then_stats_shows_the_register(starter_file: Path) -> None:
    """The issue's “done when”: 2,000+ organizations in 190+ countries."""
    stats = run_json("--db", str(starter_file), "stats", "--json")
    assert stats["counts"]["organizations"] >= 2000
    assert stats["countries_covered"] >= 190
    assert set(stats["regions_covered"]) >= {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    # the parties, and the multilateral platforms that come with their Chinese names
    kinds = stats["organizations_by_kind"]
    assert set(kinds) == {"party", "party_international", "multilateral"}
    assert kinds["party"] >= 2000 and sum(kinds.values()) == stats["counts"]["organizations"]


def test_starter_twice_adds_nothing(sqlite_path: Path) -> None:
    code, first, _ = run("--db", str(sqlite_path), "starter")
    assert code == 0
    before = run_json("--db", str(sqlite_path), "stats", "--json")
    code, second, err = run("--db", str(sqlite_path), "starter")
    assert code == 0, err
    assert "Party Facts" in second and "MIT" in second, "the source is attributed"
    total = before["organizations_by_kind"]["party"]
    assert f"{total} parties added" in first
    assert f"0 parties added, {total} already present" in second
    after = run_json("--db", str(sqlite_path), "stats", "--json")
    assert after["counts"] == before["counts"] and after["changes"] == before["changes"]


def test_starter_on_postgresql(pg_url: str) -> None:
    code, out, err = run("--db", pg_url, "starter")
    assert code == 0, err
    database = open_database(pg_url)
    try:
        with database.reading() as session:
            total, countries = session.execute(text(
                "SELECT COUNT(*), COUNT(DISTINCT country_code) FROM organizations "
                "WHERE kind = 'party'")).one()
    finally:
        database.close()
    assert total >= 2000 and countries >= 190
    assert f"{total} parties added" in out
    code, out, _ = run("--db", pg_url, "starter")
    assert code == 0 and f"0 parties added, {total} already present" in out
    found = run_json("--db", pg_url, "search", "中国共产党", "--json")
    # the party itself first; the CPC's dialogue with world parties (a platform) after it
    first = found["results"][0]
    assert (first["abbreviation"], first["country"]) == ("CPC", "CN")


def test_stats_json_on_postgresql(pg_url: str) -> None:
    check_empty_stats(run_json("--db", pg_url, "stats", "--json"))
    assert run("--db", pg_url, "starter")[0] == 0
    stats = run_json("--db", pg_url, "stats", "--json")
    assert stats["counts"]["organizations"] >= 2000 and stats["countries_covered"] >= 190
    assert stats["database"].startswith("postgresql+psycopg://")


# --- search -------------------------------------------------------------------------------------

def test_search_by_abbreviation(starter_file: Path) -> None:
    found = run_json("--db", str(starter_file), "search", "FRELIMO", "--json")
    assert found["query"] == "FRELIMO"
    [hit] = [h for h in found["results"] if h["abbreviation"] == "FRELIMO"]
    assert hit["kind"] == "organization" and hit["country"] == "MZ"
    assert hit["name"] == "Frente de Libertação de Moçambique"
    anc = run_json("--db", str(starter_file), "search", "ANC", "--limit", "100", "--json")
    assert any(h["abbreviation"] == "ANC" and h["country"] == "ZA" for h in anc["results"])


def test_search_by_chinese_name(starter_file: Path) -> None:
    found = run_json("--db", str(starter_file), "search", "中国共产党", "--json")
    hit = found["results"][0]  # the exact name first, then names that start with it
    assert hit["name"] == "中国共产党" and hit["abbreviation"] == "CPC" and hit["country"] == "CN"


@pytest.mark.parametrize(("typed", "expected"), [
    ("CPC", "中国共产党"), ("ANC", "African National Congress"), ("越南", "Đảng Cộng sản Việt Nam"),
    ("yuenan", "Đảng Cộng sản Việt Nam"), ("古巴", "Partido Comunista de Cuba")])
def test_search_puts_the_party_meant_first(starter_file: Path, typed: str,
                                           expected: str) -> None:
    """The issue's examples: "CPC" is not Canada's Conservatives, "ANC" not a party of Togo
    or Kenya; one- and two-character Chinese queries and pinyin find the party."""
    found = run_json("--db", str(starter_file), "search", typed, "--json")
    assert found["results"][0]["name"] == expected, [h["name"] for h in found["results"]]


def test_search_limit_and_text_output(starter_file: Path) -> None:
    found = run_json("--db", str(starter_file), "search", "party", "--limit", "5", "--json")
    assert len(found["results"]) == 5
    code, out, err = run("--db", str(starter_file), "search", "SWAPO")
    assert code == 0 and err == ""
    assert "South West Africa People's Organization" in out and "Namibia" in out
    code, out, err = run("--db", str(starter_file), "search", "no such party anywhere")
    assert code == 0 and out == "" and "Nothing matches" in one_line(err)


# --- demo -----------------------------------------------------------------------------------------

def organization_rows(path: Path) -> list[tuple[str, str, str | None]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id, name, country_code FROM organizations ORDER BY id").fetchall()
    finally:
        connection.close()


def test_demo_is_deterministic_and_passes_check(tmp_path: Path) -> None:
    first, second, other = (tmp_path / f"{name}.sqlite3" for name in ("a", "b", "other"))
    for path, seed in ((first, "7"), (second, "7"), (other, "8")):
        code, out, err = run("--db", str(path), "demo", "--size", "small", "--seed", seed)
        assert code == 0, err
        assert f"seed {seed}" in out
    rows = organization_rows(first)
    assert len(rows) == 200
    assert rows == organization_rows(second), "same seed, same organizations and ids"
    assert rows != organization_rows(other)
    stats = run_json("--db", str(first), "stats", "--json")
    assert stats["counts"]["interactions"] == 2000 and stats["counts"]["people"] == 600
    assert stats == {**run_json("--db", str(second), "stats", "--json"),
                     "database": str(first)}
    code, out, err = run("--db", str(first), "check")
    assert code == 0 and err == "" and "no problems found" in out


def test_demo_into_a_database_with_data_writes_nothing(sqlite_path: Path) -> None:
    database = open_database(sqlite_path)
    organizations.create_organization(database, {"name": "Frelimo", "country": "MZ"})
    database.close()
    before = run_json("--db", str(sqlite_path), "stats", "--json")
    code, out, err = run("--db", str(sqlite_path), "demo", "--size", "small")
    assert code == 1 and out == ""
    assert "already holds 1 organizations" in one_line(err)
    assert run_json("--db", str(sqlite_path), "stats", "--json") == before


def test_a_command_on_a_busy_database_says_so(sqlite_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    open_database(sqlite_path).close()
    holder = sqlite3.connect(sqlite_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for command in (["starter"], ["demo", "--size", "small"]):
            started = time.monotonic()
            code, _out, err = run("--db", str(sqlite_path), *command)
            assert time.monotonic() - started < 5
            assert code == 1 and "busy" in one_line(err), command
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run_json("--db", str(sqlite_path), "stats", "--json")["counts"]["organizations"] == 0


# --- check ----------------------------------------------------------------------------------------

@pytest.fixture
def small_database(sqlite_path: Path) -> dict[str, str]:
    database = open_database(sqlite_path)
    try:
        org = organizations.create_organization(database, {"name": "SWAPO", "country": "NA"})
        meeting = interactions.create_interaction(database, {
            "kind": "talks", "title": "Talks in Windhoek", "start": "2025-03-04",
            "participants": [{"organization_id": org.id, "role": "host"}]})
    finally:
        database.close()
    code, _out, err = run("--db", str(sqlite_path), "check")
    assert code == 0 and err == "", err
    return {"organization": org.id, "interaction": meeting.id}


def test_check_finds_wrong_contact_figures(sqlite_path: Path,
                                          small_database: dict[str, str]) -> None:
    connection = sqlite3.connect(sqlite_path)
    connection.execute("UPDATE organizations SET interaction_count = 7 WHERE id = ?",
                       (small_database["organization"],))
    connection.commit()
    connection.close()
    code, out, err = run("--db", str(sqlite_path), "check")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert any(line.startswith("contact figures: 1 organizations") for line in lines), err
    assert lines[-1] == f"1 problem(s) found in {sqlite_path}."


def test_check_finds_a_participation_whose_interaction_is_missing(
        sqlite_path: Path, small_database: dict[str, str]) -> None:
    connection = sqlite3.connect(sqlite_path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute(
        "INSERT INTO participations (id, created_at, updated_at, version, interaction_id, "
        "organization_id, role) VALUES ('orphan-participation', '2025-01-01 00:00:00', "
        "'2025-01-01 00:00:00', 1, 'no-such-interaction', ?, 'member')",
        (small_database["organization"],))
    connection.commit()
    connection.close()
    code, out, err = run("--db", str(sqlite_path), "check")
    assert code == 1 and out == ""
    assert "foreign keys: Row" in err and "participations points to a missing interactions" in err
    assert "orphans: 1 participations without an interaction." in err.splitlines()
    assert "problem(s) found" in err.splitlines()[-1]


def test_check_on_postgresql(pg_url: str) -> None:
    code, out, err = run("--db", pg_url, "check")
    assert code == 0 and err == "" and "no problems found" in out


# --- usage and bad input ----------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["demo", "--size", "huge"],
    ["demo", "--seed", "seven"],
    ["search"],
    ["restore"],
    ["--db"],
    ["search", "x", "--limit", "many"],
    ["stats", "--colour"],
])
def test_usage_errors_exit_2(argv: list[str]) -> None:
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    assert err.startswith("usage: liaison") and "liaison: " in err.splitlines()[-1]


def test_no_command_prints_help_and_exits_2() -> None:
    code, _out, err = run()
    assert code == 2 and "usage: liaison" in err and "starter" in err


def test_help_and_version_go_to_stdout() -> None:
    code, out, err = run("--help")
    assert code == 0 and err == "" and "demo" in out and "backup" in out
    code, out, err = run("--version")
    assert code == 0 and out.startswith("liaison ")


def test_export_help_names_the_briefing_pack() -> None:
    code, out, err = run("export", "--help")
    assert code == 0 and err == ""
    assert "liaison export OUT.pdf --visit ID" in " ".join(out.split())


@pytest.mark.parametrize("content", [b"name,country\nFrelimo,MZ\n", b"PK\x03\x04" + b"\0" * 64])
def test_db_that_is_not_sqlite_is_one_sentence(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "liaison.sqlite3"
    path.write_bytes(content)
    code, out, err = run("--db", str(path), "stats", "--json")
    assert code == 1 and out == ""
    assert one_line(err) == f"{path} is not a Liaison database (it is not a SQLite file)."
    assert path.read_bytes() == content


def test_db_with_an_unsupported_url(tmp_path: Path) -> None:
    code, _out, err = run("--db", "mysql://root@localhost/liaison", "stats")
    assert code == 1 and "PostgreSQL" in one_line(err)


@pytest.mark.parametrize("command", [
    ["stats"], ["check"], ["search", "party"], ["backup"], ["batches"], ["undo", "1"],
    ["export", "out.xlsx"], ["import", "people.csv"], ["merge", "other.sqlite3"],
    ["export-travel-copy", "trip.sqlite3", "--plain"]])
def test_a_mistyped_database_path_is_said_and_makes_nothing(tmp_path: Path,
                                                            command: list[str]) -> None:
    """Only init, starter, demo (and the default database on first start) make a database:
    any other command given a path where none is says so, exits 1 and leaves no file."""
    (tmp_path / "people.csv").write_text("Name\nAna\n", encoding="utf-8")
    typo = tmp_path / "typo" / "liason.sqlite3"
    code, out, err = run("--db", str(typo), *[str(tmp_path / part) if "." in part else part
                                               for part in command])
    assert code == 1 and out == ""
    assert one_line(err) == (f"There is no Liaison database at {typo}. Check the path, or "
                             f"make a new database there with “liaison init {typo}”.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv"]


@pytest.mark.parametrize("command", [["init"], ["starter"], ["demo", "--size", "small"]])
def test_the_commands_that_make_a_database_make_it(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "new" / "liaison.sqlite3"
    code, _out, err = run("--db", str(path), *command)
    assert code == 0, err
    assert path.is_file()
    assert run_json("--db", str(path), "stats", "--json")["database"] == str(path)


def test_init_leaves_an_existing_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "liaison.sqlite3"
    assert run("init", str(path))[0] == 0
    organizations.create_organization(open_database(path), {"name": "Kept Party"})
    code, out, err = run("init", str(path))
    assert code == 0 and err == "" and "already holds a Liaison database" in out
    assert run_json("--db", str(path), "stats", "--json")["counts"]["organizations"] == 1
    code, out, err = run("--db", str(tmp_path / "other.sqlite3"), "init", str(path))
    assert code == 1 and "once" in one_line(err)
    assert not (tmp_path / "other.sqlite3").exists()


def test_merge_of_a_missing_copy_is_one_sentence(tmp_path: Path) -> None:
    # The merge itself is tested in tests/db/test_merge_cli.py.
    missing = tmp_path / "laptop.sqlite3"
    assert run("init", str(tmp_path / "liaison.sqlite3"))[0] == 0
    code, out, err = run("--db", str(tmp_path / "liaison.sqlite3"), "merge", str(missing),
                         "--json")
    assert code == 1 and out == ""
    assert one_line(err) == f"There is no database file {missing}."
    assert not missing.exists()


def test_an_unexpected_error_is_one_line_and_logged(sqlite_path: Path, crash_log: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db: object) -> object:
        raise KeyError("a bug\nover two lines")

    import db.services.stats as stats_module

    monkeypatch.setattr(stats_module, "database_stats", broken)
    assert run("init", str(sqlite_path))[0] == 0
    code, out, err = run("--db", str(sqlite_path), "stats")
    assert code == 1 and out == ""
    assert one_line(err).startswith("Liaison hit an unexpected error: KeyError")
    assert str(crash_log) in err
    assert "Traceback" in crash_log.read_text(encoding="utf-8")
    crash_log.unlink()


# --- the installed console script ------------------------------------------------------------

def test_console_script_runs_a_command(tmp_path: Path) -> None:
    assert CONSOLE_SCRIPT.exists(), "the `liaison` entry point is installed in the venv"
    path = tmp_path / "liaison.sqlite3"
    made = subprocess.run([str(CONSOLE_SCRIPT), "init", str(path)], capture_output=True,
                          text=True, env=subprocess_env(tmp_path), timeout=60)
    assert made.returncode == 0 and str(path) in made.stdout, made.stderr
    result = subprocess.run([str(CONSOLE_SCRIPT), "--db", str(path), "stats", "--json"],
                            capture_output=True, text=True, env=subprocess_env(tmp_path),
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["countries_known"] == 250
    assert result.stderr == ""


def test_console_script_errors_and_usage(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("not a database", encoding="utf-8")
    env = subprocess_env(tmp_path)
    bad_db = subprocess.run([str(CONSOLE_SCRIPT), "--db", str(text_file), "check"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert bad_db.returncode == 1 and bad_db.stdout == ""
    assert one_line(bad_db.stderr).endswith("is not a Liaison database (it is not a SQLite file).")
    usage = subprocess.run([str(CONSOLE_SCRIPT), "demo", "--size", "huge"],
                           capture_output=True, text=True, env=env, timeout=60)
    assert usage.returncode == 2 and "invalid choice: 'huge'" in usage.stderr
    assert "Traceback" not in usage.stderr
    assert not (tmp_path / "state").exists(), "no crash report"


def test_commands_do_not_import_qt(tmp_path: Path) -> None:
    path = tmp_path / "liaison.sqlite3"
    probe = (
        "import io, json, sys\n"
        "from db.cli.main import main as db_main\n"
        "from desktop.entry import main\n"
        f"db_main(['init', {str(path)!r}], out=io.StringIO())\n"
        f"code = main(['--db', {str(path)!r}, 'stats', '--json'])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(json.dumps({'code': code, 'qt': qt}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=subprocess_env(tmp_path), cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "qt": []}
    assert json.loads(result.stdout)["countries_known"] == 250


def test_entry_point_turns_usage_errors_into_exit_2(tmp_path: Path) -> None:
    probe = ("import sys\nfrom desktop.entry import main\n"
             "sys.exit(main(['demo', '--size', 'huge']))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=subprocess_env(tmp_path), cwd=tmp_path, timeout=60)
    assert result.returncode == 2 and "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr and "PySide6" not in result.stderr


def test_a_closed_pipe_ends_quietly(starter_file: Path, tmp_path: Path) -> None:
    """`liaison search party --json | head -1`: the reader leaves early; no error report."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [str(CONSOLE_SCRIPT), "--db", str(starter_file), "search", "party", "--json",
             "--limit", "500"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path),
            timeout=60)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == "", result.stderr
    assert not (tmp_path / "state").exists()


def test_demo_and_check_on_postgresql(pg_url: str) -> None:
    """The bulk path on PostgreSQL (COPY, indexes rebuilt at the end) gives a sound database."""
    assert run("--db", pg_url, "demo", "--size", "small", "--seed", "3")[0] == 0
    code, out, err = run("--db", pg_url, "check")
    assert code == 0, err
    assert "no problems found" in out
