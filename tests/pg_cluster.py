"""A throwaway PostgreSQL cluster for the test run, made with the installed server binaries.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` user and the
commands run through `runuser`. Set LIAISON_TEST_PG_URL to use an existing server instead."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class ClusterUnavailable(RuntimeError):
    pass


def find_bindir() -> Path:
    candidates: list[str] = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise ClusterUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found; install PostgreSQL or set "
        "LIAISON_TEST_PG_URL to a server the tests may use.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    bindir: Path
    root: Path
    port: int
    as_user: str | None

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str = "postgres") -> str:
        return (f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}"
                f"&port={self.port}")

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_user:
            command = ["runuser", "-u", self.as_user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise ClusterUnavailable(
                f"{args[0]} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-k {self.socket_dir} -p {self.port} -c listen_addresses='' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    bindir = find_bindir()
    as_user = None
    root = Path(tempfile.mkdtemp(prefix="liaison-pg-"))
    if os.geteuid() == 0:
        as_user = "postgres"
        try:
            shutil.chown(root, user=as_user, group=None)
        except (LookupError, PermissionError) as exc:
            raise ClusterUnavailable(f"Cannot hand the cluster folder to user postgres: {exc}") from exc
        os.chmod(root, 0o700)
    cluster = Cluster(bindir=bindir, root=root, port=free_port(), as_user=as_user)
    cluster.start()
    return cluster
