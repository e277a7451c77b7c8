"""What a record that runs over days answers about them: a visit, a multilateral event."""

from __future__ import annotations

from datetime import date


class DaySpan:
    """Mixed into the frozen record of something that runs from `start` to an optional `end`
    (a one-day visit or event has none)."""

    start: date
    end: date | None

    @property
    def last_day(self) -> date:
        return self.end or self.start

    def days(self) -> list[date]:
        """Every day it runs, in order."""
        return [date.fromordinal(n) for n in range(self.start.toordinal(),
                                                   self.last_day.toordinal() + 1)]
