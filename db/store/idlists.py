"""`column IN (these ids)` with the ids as one bound value, however many there are.

An expanding `IN (:p1, :p2, …)` costs SQLAlchemy a few microseconds per id on every execution
(thousands of ids, chunk after chunk, in an export) and makes a new statement for each count.
Here the list is one parameter: a JSON array read by `json_each` on SQLite, an array compared
with `= ANY(…)` on PostgreSQL. The statement is the same whatever the count, so it is compiled
once and cached."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, String, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator, TypeEngine


class IdList(TypeDecorator[list[str]]):
    """A list of ids bound as one value: JSON text on SQLite, a text array on PostgreSQL."""

    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(ARRAY(String))
        return dialect.type_descriptor(String())

    def process_bind_param(self, value: Iterable[str] | None, dialect: Dialect) -> Any:
        ids = list(value or ())
        return ids if dialect.name == "postgresql" else json.dumps(ids)


class Among(ColumnElement[bool]):
    """True where `column` is one of the ids bound to `ids`."""

    __visit_name__ = "liaison_among"
    inherit_cache = True
    _is_implicitly_boolean = True  # a comparison: no "= 1" after it on SQLite
    type = Boolean()
    _traverse_internals = [  # noqa: RUF012 (SQLAlchemy's own declaration)
        ("column", InternalTraversal.dp_clauseelement),
        ("ids", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: ColumnElement[Any], ids: Any) -> None:
        self.column = column
        self.ids = ids


@compiles(Among, "sqlite")
def _among_sqlite(element: Among, compiler: Any, **kw: Any) -> str:
    return (f"{compiler.process(element.column, **kw)} IN "
            f"(SELECT value FROM json_each({compiler.process(element.ids, **kw)}))")


@compiles(Among)
def _among_any(element: Among, compiler: Any, **kw: Any) -> str:
    return f"{compiler.process(element.column, **kw)} = ANY({compiler.process(element.ids, **kw)})"


def among(column: Any, ids: Iterable[str] | None = None, *, name: str = "ids") -> Among:
    """`column IN (ids)`: the ids given here, or at execution as the parameter `name`."""
    if ids is None:
        return Among(column, bindparam(name, type_=IdList()))
    return Among(column, bindparam(name, list(ids), type_=IdList()))
