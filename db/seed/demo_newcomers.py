"""The partners the demo's office meets for the first time at a multilateral meeting
(db/seed/demo.py, db/seed/demo_events.py).

The demo's interactions reach back to 2005 and sooner or later touch every organization, so
without this every event's "first-time partners" would be none. A few of the organizations
that attended the latest World Political Parties Dialogue that is over — about one in twelve of
its organizations, drawn from those the visits never met, that attended no earlier event and
did not organize it — are newcomers there: the interactions the generator makes later leave
them out before that meeting's first day (one that would name one as its main partner moves
to a day after it, one that would bring one along goes without it), so the office's contact
with them begins at the meeting. A random stream of its own, seeded from the demo's seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import Any

SHARE = 12  # one newcomer in this many organizations that attended


def newcomers(seed: int, first_day: date, orgs: Sequence[tuple[Any, ...]],
              events: Sequence[dict[str, Any]], invitations: Sequence[dict[str, Any]],
              met: Sequence[int], series: str, today: date) -> dict[int, int]:
    """Organization index → the first day index (from `first_day`) on which the demo's
    interactions may name it. `met`: how many interactions each organization already has
    (the visits' meetings)."""
    dialogues = [e for e in events if e["series"] == series and e["start_date"] < today]
    if not dialogues:
        return {}
    meeting = max(dialogues, key=lambda e: e["start_date"])
    start = {e["id"]: e["start_date"] for e in events}
    at = {row[0]: index for index, row in enumerate(orgs)}
    first_attended: dict[int, date] = {}
    for invitation in invitations:
        org = invitation["organization_id"]
        if org is None or invitation["attendance"] != "attended":
            continue
        day = start[invitation["event_id"]]
        index = at[org]
        if index not in first_attended or day < first_attended[index]:
            first_attended[index] = day
    came = {at[i["organization_id"]] for i in invitations if i["event_id"] == meeting["id"]
            and i["organization_id"] is not None and i["attendance"] == "attended"}
    candidates = sorted(index for index in came
                        if first_attended[index] == meeting["start_date"] and not met[index]
                        and orgs[index][0] != meeting["organizer_id"])
    rng = random.Random(f"demo newcomers {seed}")
    chosen = rng.sample(candidates, min(len(candidates), max(1, len(came) // SHARE)))
    opens = (meeting["start_date"] - first_day).days
    return {index: opens for index in chosen}
