"""Chinese names for the world's parties and the main multilateral party platforms
(resources/starter/names_zh.csv: the forms Chinese official media and the diplomatic press
use, each row saying where its form is known from and how sure it is).

Loaded with the starter register, and again by every later `liaison starter`: a blank Chinese
name (and a blank political status) is filled, missing Chinese short forms are added to the
aliases, and nothing the office entered is overwritten. A name not certain ("to confirm") is tagged so the organizations list
can show just those for the office to review."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.changes import recording
from db.changes.fields import split_list
from db.changes.recording import Actor
from db.models import Organization, Tag
from db.models.folding import fold
from db.models.vocabulary import POLITICAL_STATUSES
from db.services import organizations, tags
from db.store.translation import QT_TRANSLATE_NOOP

# The tag on organizations whose Chinese name is to be confirmed (its Chinese name is the
# tag's name_zh, shown in a Chinese interface).
TO_CONFIRM = QT_TRANSLATE_NOOP("Seed", "Chinese name to confirm")
TO_CONFIRM_ZH = "中文名待确认"
CONFIDENCES = ("sure", "to confirm")


@dataclass(frozen=True)
class NameRow:
    partyfacts_id: str
    country_alpha3: str
    name: str
    name_zh: str
    aliases_zh: tuple[str, ...]
    source: str
    confidence: str
    status: str = ""  # political status: governing, coalition, opposition...

    @property
    def external_ref(self) -> str:
        return (f"partyfacts:{self.partyfacts_id}" if self.partyfacts_id
                else f"platform:{self.name}")

    @property
    def kind(self) -> str:
        """A platform's kind: an international of parties, or a multilateral platform."""
        international = "international" in self.name.casefold() and \
            "conference" not in self.name.casefold()
        return "party_international" if international else "multilateral"


def read_names() -> list[NameRow]:
    from db.seed.resources import resource_path

    with resource_path("starter", "names_zh.csv").open(encoding="utf-8", newline="") as handle:
        return [NameRow(row["partyfacts_id"].strip(), row["country_alpha3"].strip(),
                        row["name"].strip(), row["name_zh"].strip(),
                        tuple(split_list(row["aliases_zh"] or "")), row["source"].strip(),
                        row["confidence"].strip(), (row.get("status") or "").strip())
                for row in csv.DictReader(handle) if row["name_zh"].strip()]


def apply_names(session: Session, actor: Actor) -> int:
    """Fill blank Chinese names and add Chinese short forms (creating the platforms missing);
    returns how many organizations were changed."""
    rows = read_names()
    refs = {row.external_ref: row for row in rows}
    found = {org.external_ref: org for org in session.execute(
        select(Organization).where(Organization.external_ref.in_(list(refs)))).scalars()}
    changed = 0
    for ref, row in refs.items():
        org = found.get(ref)
        if org is None:
            if row.partyfacts_id:
                continue  # a party the office removed, or never loaded: left alone
            [org] = recording.create_many(session, organizations.SCHEMA, [{
                "name": row.name, "name_zh": row.name_zh, "aliases": list(row.aliases_zh),
                "kind": row.kind}], actor, extra=[{"external_ref": ref}])
            _mark(session, org, row, actor)
            changed += 1
            continue
        if org.deleted_at is not None:
            continue
        wanted: dict[str, object] = {}
        if not org.name_zh:
            wanted["name_zh"] = row.name_zh
        if not org.status and row.status in POLITICAL_STATUSES and row.status != "unknown":
            wanted["status"] = row.status
        aliases = list(org.aliases or [])
        missing = [a for a in row.aliases_zh if a not in aliases and a != org.name_zh]
        if missing:
            wanted["aliases"] = aliases + missing
        if not wanted:
            continue
        recording.update(session, organizations.SCHEMA, org.id, wanted, actor,
                         expected_version=None)
        if "name_zh" in wanted:
            _mark(session, org, row, actor)
        changed += 1
    return changed


def _mark(session: Session, org: Organization, row: NameRow, actor: Actor) -> None:
    """Tag an organization whose new Chinese name is to be confirmed."""
    if row.confidence != "to confirm":
        return
    have = list(tags.tag_names(session, "organization", org.id))
    if TO_CONFIRM not in have:
        tags.save_tags(session, organizations.SCHEMA, "organization", org, [*have, TO_CONFIRM],
                       actor)
        tag = session.execute(select(Tag).where(Tag.name == TO_CONFIRM)).scalar_one()
        if not tag.name_zh:
            recording.update(session, tags.SCHEMA, tag.id, {"name_zh": TO_CONFIRM_ZH}, actor,
                             expected_version=None)


def read_extra() -> list[dict[str, str]]:
    """resources/starter/parties_extra.csv: parties that govern or lead the opposition (or
    that the office deals with) and that Party Facts does not list; empty when absent."""
    from db.seed.resources import resource_path

    path = resource_path("starter", "parties_extra.csv")
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if (row.get("name") or "").strip()]


def add_extra_parties(session: Session, actor: Actor, alpha3: dict[str, str | None]) -> int:
    """Create the parties of parties_extra.csv not loaded yet (by their reference); returns
    how many. Their Chinese names to confirm are tagged like the register's."""
    rows = read_extra()
    refs = {f"extra:{row['country_alpha3'].strip()}:{fold(row['name_en'] or row['name'])}": row
            for row in rows}
    present = set(session.execute(select(Organization.external_ref).where(
        Organization.external_ref.in_(list(refs)))).scalars())
    fresh = [(ref, row) for ref, row in refs.items() if ref not in present]
    if not fresh:
        return 0
    values = [{
        "name": row["name"].strip(), "name_en": (row["name_en"] or "").strip() or None,
        "name_zh": (row["name_zh"] or "").strip() or None,
        "abbreviation": (row["abbreviation"] or "").strip() or None,
        "aliases": [*split_list(row["aliases"] or ""), *split_list(row["aliases_zh"] or "")],
        "kind": "party", "country": alpha3.get(row["country_alpha3"].strip()),
        "status": row["status"] if row.get("status") in POLITICAL_STATUSES else None,
        "founded": (row["founded"] or "").strip() or None,
        "website": (row["website"] or "").strip() or None,
    } for _ref, row in fresh]
    objects = recording.create_many(session, organizations.SCHEMA, values, actor,
                                    extra=[{"external_ref": ref} for ref, _row in fresh])
    for obj, (_ref, row) in zip(objects, fresh, strict=True):
        if (row.get("confidence") or "").strip() == "to confirm":
            _mark(session, obj, NameRow("", row["country_alpha3"], row["name"], row["name_zh"],
                                        (), row.get("source", ""), "to confirm"), actor)
    return len(objects)
