"""`among(column, ids)`: one bound list, on SQLite and PostgreSQL, with statements cached apart."""

from __future__ import annotations

from sqlalchemy import select

from db.models.organization import Organization
from db.store.engine import Database
from db.store.idlists import among
from tests.db.factories import make_organization


def test_among_compares_the_column_it_was_given(db: Database) -> None:
    kenya = make_organization(db, name="Kenya Party", country="KE")
    cuba = make_organization(db, name="Cuba Party", country="CU")
    with db.reading() as session:
        by_id = session.scalars(select(Organization.name)
                                .where(among(Organization.id, [kenya.id]))).all()
        # The same statement shape on another column: a cache key that ignored the column
        # would serve the first statement's SQL again and find nothing.
        by_country = session.scalars(select(Organization.name)
                                     .where(among(Organization.country_code, ["CU"]))).all()
        by_either = session.scalars(select(Organization.name).where(
            among(Organization.id, [kenya.id, cuba.id]))
            .order_by(Organization.name)).all()
        nothing = session.scalars(select(Organization.name)
                                  .where(among(Organization.id, []))).all()
    assert by_id == ["Kenya Party"]
    assert by_country == ["Cuba Party"]
    assert by_either == ["Cuba Party", "Kenya Party"]
    assert nothing == []
