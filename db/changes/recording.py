"""The writer's field-level path, the one every aggregate shares: validate, apply, bump the
version, log the change (db/changes/rows.py holds its row-level path).

Aggregate modules describe their fields in a Schema and call create/update/soft_delete/restore;
this module owns the rules that must hold for all of them (ChangeLog rows, optimistic locking,
soft deletes)."""

from __future__ import annotations

import functools
import getpass
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.changes import rows as rows_path
from db.changes.fields import FieldInvalid, Normalizer
from db.models import ChangeLog
from db.models.base import utcnow
from db.store.errors import (
    ConflictError,
    FieldChange,
    NotFound,
    Problem,
    ValidationFailed,
    record_noun,
)
from db.store.guard import writing
from db.store.translation import translate

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def _as_writer(function: F) -> F:
    """Run `function` as the writer (db/store/guard.py): its statements may write domain tables."""
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with writing():
            return function(*args, **kwargs)

    return run  # type: ignore[return-value]


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without /etc/passwd entries
        return "unknown"


@dataclass(frozen=True)
class Actor:
    """Who makes a change and from where: the screen, the command line, an import, a merge."""

    who: str = field(default_factory=_default_user)
    source: str = "screen"
    detail: str | None = None
    batch_id: str | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    offset: int
    limit: int


CrossCheck = Callable[[Mapping[str, Any]], list[Problem]]
SessionCheck = Callable[[Session, Mapping[str, Any], "str | None"], list[Problem]]


@dataclass(frozen=True)
class Schema:
    entity: str  # the user's word: "organization", "person", ...
    model: type[Any]
    fields: Mapping[str, Normalizer]  # in order: later normalizers may read earlier values
    required: tuple[str, ...] = ()
    attributes: Mapping[str, str] = field(default_factory=dict)  # field name → ORM attribute
    checks: tuple[CrossCheck, ...] = ()
    # Rules that read other records (a programme item within its visit's dates): given the
    # session, the record's values after the change, and its id (None for a new record).
    session_checks: tuple[SessionCheck, ...] = ()
    # Fields whose values make up the record's folded `search_text` (names, aliases...).
    search_fields: tuple[str, ...] = ()

    def refresh_search_text(self, obj: Any) -> None:
        """Recompute what the record's names derive: the folded `search_text` (with pinyin)
        and, for a record with names in three scripts, its sort keys."""
        if self.search_fields:
            from db.models.folding import search_text_for, sort_keys

            obj.search_text = search_text_for(
                getattr(obj, self.attribute(name)) for name in self.search_fields)
            if hasattr(obj, "sort_original"):
                for column, key in sort_keys({name: getattr(obj, name, None) for name in (
                        "name", "name_en", "name_zh")}).items():
                    setattr(obj, column, key)

    def attribute(self, name: str) -> str:
        return self.attributes.get(name, name)

    def current_values(self, obj: Any) -> dict[str, Any]:
        return {name: getattr(obj, self.attribute(name)) for name in self.fields}


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=True)


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return sorted(value)
    raise TypeError(f"cannot record {type(value).__name__} in the change log")


def from_json(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def validate(session: Session, schema: Schema, data: Mapping[str, Any],
             current: Mapping[str, Any] | None = None, record_id: str | None = None
             ) -> dict[str, Any]:
    """Normalize `data` (all fields for a create, some for an update) or raise ValidationFailed
    listing every problem at once."""
    problems: list[Problem] = []
    for name in data:
        if name not in schema.fields:
            problems.append(Problem(name, translate(
                "Validation", "“{field}” is not a field of a {noun}."
            ).format(field=name, noun=record_noun(schema.entity))))
    merged: dict[str, Any] = dict(current or {})
    values: dict[str, Any] = {}
    for name, normalizer in schema.fields.items():
        if name not in data and current is not None:
            continue
        try:
            values[name] = normalizer(session, data.get(name), merged)
        except FieldInvalid as exc:
            problems.append(Problem(name, exc.message))
            continue
        merged[name] = values[name]
    for name in schema.required:
        if name in values and values[name] in (None, "", []) and not any(
            p.field == name for p in problems
        ):
            problems.append(Problem(name, translate("Validation", "The {field} cannot be empty.")
                                    .format(field=name.replace("_", " "))))
    if not problems:
        for check in schema.checks:
            problems.extend(check(merged))
    if not problems:
        for session_check in schema.session_checks:
            problems.extend(session_check(session, merged, record_id))
    if problems:
        raise ValidationFailed(problems)
    return values


@_as_writer
def log(session: Session, schema: Schema, record_id: str, version: int, actor: Actor,
        changes: Sequence[tuple[str, Any, Any]], *, flush: bool = True) -> None:
    now = utcnow()
    batch_id = actor.batch_id or batch_of_transaction(session, actor)
    session.add_all(
        ChangeLog(at=now, entity=schema.entity, entity_id=record_id, field=name,
                  old=to_json(old), new=to_json(new), version=version, who=actor.who,
                  source=actor.source, source_detail=actor.detail, batch_id=batch_id)
        for name, old, new in changes
    )
    if flush:
        session.flush()


def batch_of_transaction(session: Session, actor: Actor) -> str:
    """Changes made without a batch of their own (an edit on a screen, the starter register,
    a revert) are one batch per transaction and actor, so `liaison undo` takes them back."""
    key = ("liaison.batch", actor.who, actor.source, actor.detail)
    batch_id: str | None = session.info.get(key)
    if batch_id is None:
        batch = rows_path.open_batch(session, kind=actor.source[:20], file_name=actor.detail,
                                     who=actor.who, status="applied", counts={})
        batch_id = session.info[key] = batch.id
    return batch_id


def load(session: Session, schema: Schema, record_id: str, *, include_deleted: bool = False) -> Any:
    obj = session.get(schema.model, record_id)
    if obj is None or (obj.deleted_at is not None and not include_deleted):
        raise NotFound(translate("Records", "There is no {noun} with id {id}.")
                       .format(noun=record_noun(schema.entity), id=record_id))
    return obj


@_as_writer
def create(session: Session, schema: Schema, data: Mapping[str, Any], actor: Actor,
           *, record_id: str | None = None) -> Any:
    values = validate(session, schema, data)
    obj = schema.model(**{schema.attribute(k): v for k, v in values.items()})
    schema.refresh_search_text(obj)
    if record_id is not None:
        obj.id = record_id
    session.add(obj)
    session.flush()
    log(session, schema, obj.id, obj.version, actor,
        [("created", None, {k: v for k, v in values.items() if v not in (None, [], "")})])
    return obj


@_as_writer
def create_many(session: Session, schema: Schema, rows: Sequence[Mapping[str, Any]],
                actor: Actor, *, extra: Sequence[Mapping[str, Any]] | None = None) -> list[Any]:
    """Validate every row first (all problems at once, row numbers from 1), then insert them
    in one flush: the fast path for loaders. `extra` gives each row attributes outside the
    schema's fields (where a loaded record comes from), written with the insert."""
    problems: list[Problem] = []
    prepared: list[dict[str, Any]] = []
    for number, data in enumerate(rows, start=1):
        try:
            prepared.append(validate(session, schema, data))
        except ValidationFailed as exc:
            where = translate("Validation", "row {number}: {field}")
            problems.extend(Problem(where.format(number=number, field=p.field), p.message)
                            for p in exc.problems)
    if problems:
        raise ValidationFailed(problems)
    objects = [schema.model(**{schema.attribute(k): v for k, v in values.items()},
                            **(extra[n] if extra else {}))
               for n, values in enumerate(prepared)]
    for obj in objects:
        schema.refresh_search_text(obj)
    session.add_all(objects)
    session.flush()
    for obj, values in zip(objects, prepared, strict=True):
        log(session, schema, obj.id, obj.version, actor,
            [("created", None, {k: v for k, v in values.items() if v not in (None, [], "")})],
            flush=False)
    session.flush()
    return objects


def check_version(session: Session, schema: Schema, obj: Any, expected_version: int | None) -> None:
    if expected_version is None or obj.version == expected_version:
        return
    raise conflict(session, schema, obj.id, expected_version, obj.version)


def conflict(session: Session, schema: Schema, record_id: str, expected: int,
             actual: int) -> ConflictError:
    rows = session.execute(
        select(ChangeLog).where(ChangeLog.entity_id == record_id, ChangeLog.version > expected)
        .order_by(ChangeLog.at, ChangeLog.field)
    ).scalars().all()
    changes = tuple(
        FieldChange(row.field, from_json(row.old), from_json(row.new), row.who,
                    row.at.strftime("%Y-%m-%d %H:%M UTC"))
        for row in rows if row.field != "created"
    )
    return ConflictError(schema.entity, record_id, expected, actual, changes)


@_as_writer
def flush_guarded(session: Session, schema: Schema, obj: Any, expected: int) -> None:
    """Flush; a concurrent writer who got in first surfaces as a ConflictError."""
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        current = session.get(schema.model, obj.id)
        actual = current.version if current is not None else 0
        raise conflict(session, schema, obj.id, expected, actual) from None


@_as_writer
def update(session: Session, schema: Schema, record_id: str, changes: Mapping[str, Any],
           actor: Actor, *, expected_version: int | None) -> tuple[Any, list[tuple[str, Any, Any]]]:
    obj = load(session, schema, record_id)
    check_version(session, schema, obj, expected_version)
    current = schema.current_values(obj)
    values = validate(session, schema, changes, current, record_id)
    diff = [(name, current[name], new) for name, new in values.items() if current[name] != new]
    if not diff:
        return obj, []
    expected = obj.version
    for name, _old, new in diff:
        setattr(obj, schema.attribute(name), new)
    if any(name in schema.search_fields for name, _old, _new in diff):
        schema.refresh_search_text(obj)
    flush_guarded(session, schema, obj, expected)
    log(session, schema, obj.id, obj.version, actor, diff)
    return obj, diff


@_as_writer
def touch(session: Session, schema: Schema, obj: Any, actor: Actor, diff: list[tuple[str, Any, Any]],
          expected: int) -> None:
    """Record changes made outside the schema's own fields (links such as tags or participants):
    bump the version and log them."""
    obj.updated_at = utcnow()
    flush_guarded(session, schema, obj, expected)
    log(session, schema, obj.id, obj.version, actor, diff)


@_as_writer
def soft_delete(session: Session, schema: Schema, record_id: str, actor: Actor,
                *, expected_version: int | None = None) -> Any:
    obj = load(session, schema, record_id)
    check_version(session, schema, obj, expected_version)
    expected = obj.version
    obj.deleted_at = utcnow()
    flush_guarded(session, schema, obj, expected)
    log(session, schema, obj.id, obj.version, actor, [("deleted", None, obj.deleted_at)])
    return obj


@_as_writer
def restore(session: Session, schema: Schema, record_id: str, actor: Actor) -> Any:
    obj = load(session, schema, record_id, include_deleted=True)
    if obj.deleted_at is None:
        return obj
    expected = obj.version
    was = obj.deleted_at
    obj.deleted_at = None
    flush_guarded(session, schema, obj, expected)
    log(session, schema, obj.id, obj.version, actor, [("restored", was, None)])
    return obj


@_as_writer
def set_links(session: Session, owner_column: Any, link_column: Any, owner_id: str,
              wanted: set[str]) -> tuple[set[str], set[str]]:
    """Replace the rows of an association table for one owner; return (before, after)."""
    table = owner_column.table
    before = set(session.execute(select(link_column).where(owner_column == owner_id)).scalars())
    removed = before - wanted
    added = wanted - before
    if removed:
        session.execute(table.delete().where(owner_column == owner_id, link_column.in_(removed)))
    if added:
        session.execute(table.insert(), [{owner_column.key: owner_id, link_column.key: value}
                                         for value in sorted(added)])
    return before, wanted
