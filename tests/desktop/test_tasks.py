"""The worker behind every long job: a cancel that arrives once the work is committed must not
report "nothing was written"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop.jobs.worker import _Runner


@dataclass(frozen=True)
class Step:
    done: int
    result: Any = None


def run(steps: list[Step]) -> tuple[list[Any], list[BaseException], list[str]]:
    closed: list[str] = []

    def work(_cancelled: Any) -> Iterator[Step]:
        try:
            yield from steps
        except GeneratorExit:
            closed.append("rolled back")
            raise

    runner = _Runner(work, lambda step: (step.done, len(steps), ""))
    runner.cancel.set()  # the user pressed Cancel before the worker looked
    ok: list[Any] = []
    failed: list[BaseException] = []
    runner.succeeded.connect(ok.append)
    runner.failed.connect(failed.append)
    runner.run()
    return ok, failed, closed


def test_a_cancel_during_the_work_rolls_it_back(qapp: object) -> None:
    ok, failed, closed = run([Step(1), Step(2, result="batch")])
    assert not ok and isinstance(failed[0], InterruptedError) and closed == ["rolled back"]


def test_a_cancel_after_the_commit_reports_what_was_done(qapp: object) -> None:
    ok, failed, closed = run([Step(1, result="batch")])
    assert ok == [Step(1, result="batch")] and not failed and not closed
