"""bench/encrypted_bench.py on a small demo database (issue 15: the benchmarks work on encrypted
files as on plain ones): every operation it times — open with the passphrase, the reads, the
export through its second process, a backup, an import, a merge of a travel copy — runs on the
encrypted copy and gives the plain copy's results, and its table comes out."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from db.exchange.export import feed
from db.store import cipher

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.slow
def test_the_encrypted_benchmark_finds_every_operation_working_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.setattr(cipher, "_KEYS", {})  # the keys it holds go with the test
    import databases
    import encrypted_bench

    monkeypatch.setattr(databases, "OUT", tmp_path)  # the demo databases made here
    monkeypatch.setattr(feed, "PROCESS_FROM_ROWS", 0)  # the export's second process, keyed
    code = encrypted_bench.main(["--size", "small", "--rounds", "1", "--import-rows", "200",
                                 "--quiet"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "the same results on the encrypted file as on the plain one" in out
    assert "read the database in a second process" in out
    for operation in (encrypted_bench.OPEN, encrypted_bench.EXPORT, encrypted_bench.READER,
                      encrypted_bench.BACKUP, encrypted_bench.MERGE, "import 200 interactions",
                      "check (integrity"):
        [row] = [line for line in out.splitlines() if line.startswith(f"| {operation}")]
        assert "FAILED" not in row and row.count("|") == 8, row
    assert feed.subprocess is subprocess  # put back
    assert not list(tmp_path.glob("tmp*"))  # its copies are gone
