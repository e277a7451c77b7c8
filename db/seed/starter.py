"""The starter register: active world parties from Party Facts (MIT, Party Facts authors),
converted by scripts/build_starter.py into resources/starter/parties.csv."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import select

from db.changes import recording
from db.changes.recording import Actor
from db.models import Country, Organization
from db.services import organizations
from db.store.engine import Database
from db.store.translation import QT_TRANSLATE_NOOP, translate

# In English, marked for the catalog; `attribution()` gives it in the current language.
ATTRIBUTION = QT_TRANSLATE_NOOP(
    "Seed", "Starter register of world parties: Party Facts (https://partyfacts.herokuapp.com), "
            "Döring, Holger and Sven Regel, MIT licence, Party Facts authors."
)
# Party Facts codes outside ISO 3166 for parts or predecessors of today's countries.
NON_ISO_CODES = {
    "XKX": "XK", "NIR": "GB", "SML": "SO", "PMR": "MD", "ZZB": "TZ", "NFL": "CA",
    "DDR": "DE", "YMD": "YE", "VNR": "VN", "AUH": "AT", "EUN": None,
}
CHUNK = 500


def attribution() -> str:
    """Where the starter register comes from, in the current language (the names stay)."""
    return translate("Seed", ATTRIBUTION)


@dataclass(frozen=True)
class StarterProgress:
    done: int
    total: int
    created: int
    named: int = 0  # organizations given a Chinese name or short forms (on the last step)


@dataclass(frozen=True)
class StarterResult:
    created: int
    already_present: int
    named: int = 0  # organizations given a Chinese name or Chinese short forms


def read_rows() -> list[dict[str, str]]:
    from db.seed.resources import resource_path

    with resource_path("starter", "parties.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_starter(db: Database, actor: Actor | None = None,
                 cancelled: object = None) -> Iterator[StarterProgress]:
    """Load the register in one transaction, yielding progress. Parties already loaded (by
    their Party Facts id) are left as they are, so loading twice adds nothing.
    `cancelled` is a callable returning True to abandon the load (nothing is written)."""
    actor = actor or Actor(source="starter", detail="Party Facts")
    rows = read_rows()
    with db.transaction() as session:
        alpha3: dict[str, str | None] = dict(NON_ISO_CODES)
        alpha3.update(session.execute(select(Country.alpha3, Country.code)).all())
        present = set(session.execute(
            select(Organization.external_ref).where(Organization.external_ref.like("partyfacts:%"))
        ).scalars())
        fresh = [row for row in rows if f"partyfacts:{row['partyfacts_id']}" not in present]
        created = 0
        for start in range(0, len(fresh), CHUNK):
            if callable(cancelled) and cancelled():
                raise InterruptedError(translate(
                    "Seed", "The starter register was not loaded (cancelled)."))
            chunk = fresh[start:start + CHUNK]
            values = [{
                "name": row["name"], "name_en": row["name_en"] or None,
                "abbreviation": row["abbreviation"] or None,
                "aliases": row["aliases"], "kind": "party",
                "country": alpha3.get(row["country_alpha3"]),
                "founded": row["founded"] or None, "website": row["website"] or None,
                "notes": row["description"] or None,
            } for row in chunk]
            objects = recording.create_many(
                session, organizations.SCHEMA, values, actor,
                extra=[{"external_ref": f"partyfacts:{row['partyfacts_id']}"} for row in chunk])
            created += len(objects)
            yield StarterProgress(start + len(chunk), len(fresh), created)
        from db.seed.names_zh import add_extra_parties, apply_names

        created += add_extra_parties(session, actor, alpha3)
        named = apply_names(session, actor)
    yield StarterProgress(len(fresh), len(fresh), created, named)


def run_starter(db: Database, actor: Actor | None = None) -> StarterResult:
    from db.seed.names_zh import read_extra

    total = len(read_rows()) + len(read_extra())
    created = named = 0
    for step in load_starter(db, actor):
        created, named = step.created, step.named
    return StarterResult(created=created, already_present=max(total - created, 0), named=named)
