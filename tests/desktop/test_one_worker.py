"""One database worker: every background job and the poll for colleagues' changes run on the
same thread, one after another, never on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.jobs.worker import Job


@dataclass(frozen=True)
class Step:
    done: int
    result: Any = None


def recording_job(context: AppContext, name: str, log: list[tuple[str, str]],
                  gate: threading.Event | None = None) -> Job:
    def steps(_cancelled: Callable[[], bool]) -> Iterator[Step]:
        log.append(("start", name))
        if gate is not None:
            gate.wait(10)  # holds the worker until the test has queued everything
        yield Step(1)
        log.append(("end", name))
        yield Step(2, result=name)

    return Job(None, name, steps, lambda s: (s.done, 2, ""), show_dialog=False)


def test_three_jobs_and_a_poll_run_on_the_one_worker_thread(context: AppContext,
                                                             qtbot: QtBot) -> None:
    log: list[tuple[str, str]] = []
    gate = threading.Event()
    jobs = [context.start(recording_job(context, "first", log, gate)),
            context.start(recording_job(context, "second", log)),
            context.start(recording_job(context, "third", log))]
    poll = context.watcher.check()
    assert poll is not None
    assert all(job.running for job in [*jobs, poll])  # all asked for at once
    gate.set()
    qtbot.waitUntil(lambda: not any(job.running for job in [*jobs, poll]), timeout=10_000)

    threads = {job.runner.ran_on for job in [*jobs, poll]}
    assert threads == {context.worker.thread_ident}
    assert threading.get_ident() not in threads  # never the UI thread
    # One after another, in the order asked: no two jobs ever overlap.
    assert log == [("start", "first"), ("end", "first"), ("start", "second"),
                   ("end", "second"), ("start", "third"), ("end", "third")]
    assert [job.result.result for job in jobs] == ["first", "second", "third"]
    assert poll.error is None and context.watcher.baseline


def test_a_job_stopped_before_its_turn_never_runs(context: AppContext, qtbot: QtBot) -> None:
    log: list[tuple[str, str]] = []
    gate = threading.Event()
    first = context.start(recording_job(context, "first", log, gate))
    second = context.start(recording_job(context, "second", log))
    second.stop()  # its window closed while it waited
    gate.set()
    qtbot.waitUntil(lambda: not first.running, timeout=10_000)
    context.worker.drain()  # the worker has been through the stopped one too
    assert log == [("start", "first"), ("end", "first")]
    assert not second.running and second.result is None


def test_closing_the_context_ends_the_worker_thread(context: AppContext, qtbot: QtBot) -> None:
    log: list[tuple[str, str]] = []
    job = context.start(recording_job(context, "only", log))
    qtbot.waitUntil(lambda: not job.running, timeout=10_000)
    assert context.worker.running
    context.close()
    assert not context.worker.running
    assert context.start(recording_job(context, "late", log)) is not None
    assert log == [("start", "only"), ("end", "only")]  # nothing starts once closed


def test_browsing_a_list_runs_no_sql_on_the_ui_thread(context: AppContext,
                                                        qtbot: QtBot) -> None:
    """Typing into the filter, sorting, scrolling far down and a refresh after a change: every
    statement runs on the database worker, none on the UI thread."""
    from sqlalchemy import event

    from db.services import organizations
    from desktop.views.organizations import OrganizationsView
    from tests.desktop.helpers import settle

    for number in range(300):
        kind = "Alpha" if number % 2 else "Beta"
        organizations.create_organization(context.database,
                                          {"name": f"{kind} Party {number:03d}"})
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    settle()
    ran_on: list[int] = []

    def executed(*_args: Any) -> None:
        ran_on.append(threading.get_ident())

    engine = context.database.engine
    event.listen(engine, "before_cursor_execute", executed)
    try:
        qtbot.keyClicks(view.query, "beta")
        qtbot.waitUntil(lambda: view.model.total == 150, timeout=2000)
        view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        settle()
        view.table.scrollToBottom()
        settle()
        assert view.model.record(view.model.total - 1).name == "Beta Party 000"
        context.notify("organization")
        settle()
    finally:
        event.remove(engine, "before_cursor_execute", executed)
    assert ran_on, "nothing was read"
    assert set(ran_on) == {context.worker.thread_ident}
    assert threading.get_ident() not in ran_on
