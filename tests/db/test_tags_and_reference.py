"""Tags and reference data: countries with Chinese names and regions, groupings, topics."""

from __future__ import annotations

import pytest

from db.changes.fields import country_code_for
from db.services import reference, tags
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from db.store.errors import ValidationFailed
from tests.db.factories import make_organization


def test_countries_cover_iso_3166_with_chinese_names_and_regions(db: Database) -> None:
    with db.reading() as session:
        countries = {c.code: c for c in reference.list_countries(session)}
        assert len(countries) >= 249
        assert countries["CN"].name_zh == "中国" and countries["CN"].sub_region == "Eastern Asia"
        assert countries["XK"].name_en == "Kosovo"
        assert countries["BR"].region == "Americas"
        assert all(c.name_zh for c in countries.values())
        for typed in ("CHN", "cn", "China", "中国", "People's Republic of China"):
            assert country_code_for(session, typed) == "CN", typed
        assert country_code_for(session, "Narnia") is None
        assert set(reference.list_regions(session)) == {"Africa", "Americas", "Asia", "Europe",
                                                         "Oceania"}


def test_groupings_are_editable_tags_on_countries(db: Database) -> None:
    listed = {t.name: t for t in tags.list_tags(db)}
    assert {"BRICS", "G20", "ASEAN", "African Union", "SCO"} <= set(listed)
    assert listed["ASEAN"].usage >= 10
    brics = listed["BRICS"]
    tags.tag_countries(db, brics.id, ["Brazil", "RUS", "IN", "中国", "ZA"])
    assert {t.name: t.usage for t in tags.list_tags(db)}["BRICS"] == 5
    with pytest.raises(ValidationFailed, match="not a country"):
        tags.tag_countries(db, brics.id, ["Atlantis"])
    renamed = tags.update_tag(db, brics.id, {"name_zh": "金砖国家"}, expected_version=None)
    assert renamed.name_zh == "金砖国家"


def test_tag_filter_and_delete(db: Database) -> None:
    org = make_organization(db, tags=["Priority"])
    make_organization(db)
    assert [o.id for o in list_organizations(db, OrganizationFilter(tag="priority")).items] == [
        org.id]
    priority = next(t for t in tags.list_tags(db) if t.name == "Priority")
    tags.delete_tag(db, priority.id)
    assert "Priority" not in {t.name for t in tags.list_tags(db)}
    tags.restore_tag(db, priority.id)
    assert "Priority" in {t.name for t in tags.list_tags(db)}


def test_topics_seeded_in_english_and_chinese(db: Database) -> None:
    with db.reading() as session:
        topics = {t.key: t for t in reference.list_topics(session)}
        assert {"poverty_alleviation", "green_development", "think_tanks"} <= set(topics)
        assert topics["poverty_alleviation"].name_zh == "减贫"
        ids, unknown = reference.topic_ids_for(session, ["减贫", "Digital economy", "nonsense"])
        assert len(ids) == 2 and unknown == ["nonsense"]


def test_topics_are_editable(db: Database) -> None:
    from db.services import topics

    added = topics.create_topic(db, {"name_en": "Rural revitalization", "name_zh": "乡村振兴"})
    assert added.key == "rural_revitalization"
    assert "Rural revitalization" in {t.name_en for t in topics.topics(db)}
    renamed = topics.update_topic(db, added.id, {"name_en": "Rural development"},
                                  expected_version=1)
    assert renamed.name_en == "Rural development"
    with pytest.raises(ValidationFailed, match="lower-case"):
        topics.update_topic(db, added.id, {"key": "Bad Key"}, expected_version=None)
    topics.delete_topic(db, added.id)
    assert added.id not in {t.id for t in topics.topics(db)}
