"""Reading the two copies of a merge: open the other copy without writing to it, find what
differs between the copies by walking both in id order, and load the records to compare."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db.merge.records import MERGE_SOURCE, LogRow, Spec
from db.models import (
    ChangeLog,
    Meta,
    Organization,
    Participation,
    Tag,
    Topic,
    country_tags,
    interaction_tags,
    interaction_topics,
    organization_tags,
    person_tags,
)
from db.store import cipher
from db.store.engine import (
    SCHEMA_HEAD,
    Database,
    backup_sqlite,
    has_sqlite_header,
    read_sqlite_schema,
    resolve_url,
    server_revision,
    sqlite_path_of,
)
from db.store.errors import DatabaseProblem, LiaisonError
from db.store.opening import open_store
from db.store.translation import translate

CHUNK = 500
PARTICIPATIONS: Table = Participation.__table__  # type: ignore[assignment]
TAG_TABLES = {"organization": (organization_tags, "organization_id"),
              "person": (person_tags, "person_id"),
              "interaction": (interaction_tags, "interaction_id")}


def _location(url: str) -> str:
    path = sqlite_path_of(url)
    return str(path) if path is not None else make_url(url).render_as_string(hide_password=True)


@dataclass(frozen=True)
class OtherCopy:
    database: Database
    name: str  # as the history names it: the file name, or the server
    location: str  # the full path, or the URL without its password


@contextmanager
def open_other(db: Database, target: str) -> Iterator[OtherCopy]:
    """The other copy, open for reading. A file is read
    from a consistent snapshot in a temporary folder (upgraded there when an older Liaison
    wrote it), so the other copy itself is never written — not even its journal."""
    url = resolve_url(target)
    if _location(url) == _location(db.url):
        raise LiaisonError(translate("Merge", "{location} is this database itself; choose "
                                              "another copy to merge.").format(
            location=_location(url)))
    path = sqlite_path_of(url)
    if path is None:
        other = open_store(url, migrate=False)
        try:
            revision = server_revision(other.engine)
            if revision != SCHEMA_HEAD:
                raise DatabaseProblem(translate(
                    "Merge", "{database} is not a Liaison database of this version (schema "
                             "{schema}); open it once with this Liaison, then merge.").format(
                    database=other.describe(), schema=revision or "none"))
            yield OtherCopy(other, other.describe(), other.describe())
        finally:
            other.close()
        return
    if not path.is_file():
        raise LiaisonError(translate("Merge", "There is no database file {file}.").format(
            file=path))
    if not has_sqlite_header(path) and cipher.key_of(path) is None:
        if cipher.slot_path(path).exists():
            raise cipher.PassphraseNeeded(translate(
                "Merge", "{file} is encrypted: give its passphrase or recovery key to merge "
                         "it.").format(file=path.name))
        raise DatabaseProblem(translate("Merge", "{file} is not a Liaison database (it is not a "
                                                 "SQLite file).").format(file=path))
    tables, revision = read_sqlite_schema(path)
    from db.store.migrate import refuse_unusable

    refuse_unusable(str(path), tables, revision)
    if revision is None:
        raise LiaisonError(translate("Merge", "{file} holds no Liaison data; there is nothing "
                                              "to merge.").format(file=path))
    with TemporaryDirectory(prefix="liaison-merge-") as folder:
        snapshot = backup_sqlite(path, Path(folder) / path.name)
        other = open_store(snapshot)
        try:
            yield OtherCopy(other, path.name, str(path))
        finally:
            other.close()
            cipher.forget(snapshot)


def database_id(session: Session) -> str | None:
    row = session.get(Meta, "database_id")
    return None if row is None else row.value


# ---------------------------------------------------------------------------------------------
# Walking both copies in id order.

def _in_id_order(session: Session, columns: Sequence[Any], key: Any
                 ) -> Iterator[tuple[Any, ...]]:
    # PostgreSQL sorts text by its locale, which may ignore the hyphens in ids; "C" sorts by
    # bytes, as SQLite and Python do, so both walks agree on the order.
    order = key.collate("C") if session.get_bind().dialect.name == "postgresql" else key
    for row in session.execute(select(*columns).order_by(order)
                               .execution_options(yield_per=5000)):
        yield tuple(row)


def _joined(here: Iterator[tuple[Any, ...]], there: Iterator[tuple[Any, ...]]
            ) -> Iterator[tuple[tuple[Any, ...] | None, tuple[Any, ...] | None]]:
    """Pairs of rows with the same id (first column); None where one side lacks it."""
    a, b = next(here, None), next(there, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            yield a, None
            a = next(here, None)
        elif a is None or b[0] < a[0]:
            yield None, b
            b = next(there, None)
        else:
            yield a, b
            a, b = next(here, None), next(there, None)


def one_sided_log_ids(here: Session, there: Session) -> tuple[list[str], list[str]]:
    """Ids of the change-log rows only this copy has, and of those only the other has —
    leaving out the rows merges wrote: each copy keeps its own record of its merges, and the
    changes they repeat travel with their own rows."""
    only_here: list[str] = []
    only_there: list[str] = []
    columns = [ChangeLog.id, ChangeLog.source]
    for a, b in _joined(_in_id_order(here, columns, ChangeLog.id),
                        _in_id_order(there, columns, ChangeLog.id)):
        if b is None and a is not None and a[1] != MERGE_SOURCE:
            only_here.append(a[0])
        elif a is None and b is not None and b[1] != MERGE_SOURCE:
            only_there.append(b[0])
    return only_here, only_there


def load_log_rows(session: Session, ids: Sequence[str]) -> list[LogRow]:
    rows: list[LogRow] = []
    for start in range(0, len(ids), CHUNK):
        for r in session.execute(select(ChangeLog).where(
                ChangeLog.id.in_(ids[start:start + CHUNK]))).scalars():
            rows.append(LogRow(r.id, r.at, r.entity, r.entity_id, r.field, r.old, r.new,
                               r.version, r.who, r.source, r.source_detail, r.batch_id))
    rows.sort(key=LogRow.sort_key)
    return rows


@dataclass
class Differences:
    """How one kind of record differs between the copies, by id."""

    only_here: set[str] = field(default_factory=set)
    only_there: set[str] = field(default_factory=set)
    differing: set[str] = field(default_factory=set)  # version, updated_at or deletion differ
    both: int = 0


def differences(here: Session, there: Session, spec: Spec) -> Differences:
    model = spec.model
    columns = [model.id, model.version, model.updated_at, model.deleted_at]
    found = Differences()
    for a, b in _joined(_in_id_order(here, columns, model.id),
                        _in_id_order(there, columns, model.id)):
        if b is None and a is not None:
            found.only_here.add(a[0])
        elif a is None and b is not None:
            found.only_there.add(b[0])
        elif a is not None and b is not None:
            found.both += 1
            if tuple(a[1:]) != tuple(b[1:]):
                found.differing.add(a[0])
    return found


# ---------------------------------------------------------------------------------------------
# Loading records to compare.

@dataclass(frozen=True)
class RecordState:
    """One record in one copy: its row (column → value) and its links as stored there."""

    id: str
    row: dict[str, Any]
    links: dict[str, Any]

    @property
    def version(self) -> int:
        return int(self.row["version"])


def load_states(session: Session, spec: Spec, ids: Sequence[str]) -> dict[str, RecordState]:
    table = spec.table
    id_column: ColumnElement[str] = table.c.id
    rows = {r["id"]: dict(r) for r in session.execute(
        select(table).where(id_column.in_(ids))).mappings()}
    links: dict[str, dict[str, Any]] = {key: {} for key in rows}
    present = list(rows)
    if "tags" in spec.links:
        link_table, column = TAG_TABLES[spec.entity]
        _collect_sets(links, "tags", session.execute(
            select(link_table.c[column], link_table.c.tag_id)
            .where(link_table.c[column].in_(present))))
    if "topics" in spec.links:
        _collect_sets(links, "topics", session.execute(
            select(interaction_topics.c.interaction_id, interaction_topics.c.topic_id)
            .where(interaction_topics.c.interaction_id.in_(present))))
    if "countries" in spec.links:
        _collect_sets(links, "countries", session.execute(
            select(country_tags.c.tag_id, country_tags.c.country_id)
            .where(country_tags.c.tag_id.in_(present))))
    if "participants" in spec.links:
        for key in present:
            links[key]["participations"] = []
        table_p = PARTICIPATIONS
        for part in session.execute(select(table_p).where(
                table_p.c.interaction_id.in_(present), table_p.c.deleted_at.is_(None))
                .order_by(table_p.c.id)).mappings():
            links[part["interaction_id"]]["participations"].append(dict(part))
    for found in links.values():
        for name in spec.links:
            if name == "participants":
                found["participants"] = {(p["organization_id"], p["person_id"]): p["role"]
                                         for p in found["participations"]}
            else:
                found[name] = frozenset(found.get(name, ()))
    return {key: RecordState(key, row, links[key]) for key, row in rows.items()}


def _collect_sets(links: dict[str, dict[str, Any]], name: str,
                  pairs: Iterable[Row[Any]]) -> None:
    for owner, item in (tuple(pair) for pair in pairs):
        links[owner].setdefault(name, set()).add(item)


def seeded_pairs(here: Session, there: Session) -> dict[str, str]:
    """Organizations both copies loaded apart from the same source (the starter register:
    `external_ref` “partyfacts:…”) under different ids: the other copy's id → this copy's."""
    refs = [dict(session.execute(select(Organization.external_ref, Organization.id)
                                 .where(Organization.external_ref.is_not(None))).all())
            for session in (here, there)]
    candidates = {refs[1][ref]: key for ref, key in refs[0].items()
                  if ref in refs[1] and refs[1][ref] != key}
    if not candidates:
        return {}
    # Only where neither id is in the other copy (else they are two records, as stored).
    clashing: set[str] = set()
    for session, ids in ((here, list(candidates)), (there, list(candidates.values()))):
        for start in range(0, len(ids), CHUNK):
            clashing.update(session.execute(select(Organization.id).where(
                Organization.id.in_(ids[start:start + CHUNK]))).scalars())
    return {theirs: mine for theirs, mine in candidates.items()
            if theirs not in clashing and mine not in clashing}


def merged_pairs(here: Session) -> dict[str, str]:
    """This copy's records merged into others (organizations and people): id → the live
    survivor, through any chain of merges."""
    from db.changes.fields import survivor_of
    from db.models import Person

    pairs: dict[str, str] = {}
    for model in (Organization, Person):
        for record_id in session_ids(here, model):
            survivor = survivor_of(here, model, record_id)
            if survivor is not None:
                pairs[record_id] = survivor
    return pairs


def session_ids(session: Session, model: Any) -> list[str]:
    return [str(i) for i in session.execute(select(model.id).where(
        model.merged_into.is_not(None))).scalars()]


@dataclass(frozen=True)
class Names:
    """Tags and topics of one copy (a few hundred at most), to match them across copies."""

    tags: dict[str, str]  # id → name
    topics: dict[str, str]  # id → key

    @classmethod
    def load(cls, session: Session) -> Names:
        return cls(dict(session.execute(select(Tag.id, Tag.name)).all()),
                   dict(session.execute(select(Topic.id, Topic.key)).all()))
