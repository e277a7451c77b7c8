"""database_stats on both back ends: counts, coverage, overdue and dormant figures."""

from __future__ import annotations

from datetime import date

from db.services import followups, organizations
from db.services.stats import database_stats
from db.store.engine import Database
from tests.db.factories import make_interaction, make_organization


def test_stats_count_coverage_overdue_and_dormant(db: Database) -> None:
    kenya = make_organization(db, country="KE")
    make_organization(db, country="FR", kind="think_tank")
    stray = make_organization(db, country=None)
    organizations.delete_organization(db, stray.id)
    make_interaction(db, organizations_=[kenya.id], start="2020-03-01")
    followups.create_followup(db, {"description": "Late", "due": "2021-01-01"})
    followups.create_followup(db, {"description": "Done", "due": "2021-01-01", "status": "done"})
    stats = database_stats(db, today=date(2024, 6, 1))
    assert stats.counts["organizations"] == 2 and stats.deleted["organizations"] == 1
    assert stats.countries_covered == 2
    assert stats.organizations_by_region == {"Africa": 1, "Europe": 1}
    assert stats.organizations_by_kind == {"party": 1, "think_tank": 1}
    assert (stats.followups_open, stats.followups_overdue) == (1, 1)
    assert stats.dormant_organizations == 1 and stats.countries_in_contact == 0
    assert stats.last_interaction == "2020-03-01"
    assert stats.changes > 0
