"""A Chinese colleague's spreadsheet imports without touching the mapping: Chinese headers are
recognised, a Chinese name column fills the Chinese name — and the name only where Chinese is
the organization's own script — and legacy Chinese encodings (GB18030, Big5) are read."""

from __future__ import annotations

from pathlib import Path

from db.changes.recording import Actor
from db.exchange.imports.importer import apply_plan, build_plan
from db.exchange.imports.plan import ImportOptions
from db.exchange.reading.readers import open_source
from db.services import organizations
from db.services.organizations import OrganizationFilter, list_organizations
from db.store.engine import Database
from tests.db.test_import import write_xlsx

HEADERS = ["国家", "政党名称", "英文名称", "简称", "类别", "关系层级", "最近交往", "备注"]


def by_country(db: Database) -> dict[str, organizations.OrganizationRecord]:
    return {o.country or "": o for o in list_organizations(db, OrganizationFilter(),
                                                           limit=100).items}


def test_a_chinese_headed_party_list_maps_itself(db: Database, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "合作政党.xlsx", [
        HEADERS,
        ["越南", "越南共产党", "Communist Party of Vietnam", "越共", "政党", "战略伙伴",
         "2026-11-02", "2026年11月会谈"],
        ["南非", "南非非洲人国民大会", "African National Congress", "非国大", "政党",
         "密切伙伴", None, None],
        ["中国", "中国共产党", "Communist Party of China", "中共", "政党", None, None, None],
    ], title="亚非合作政党名录")
    plan = build_plan(db, path)
    assert plan.kind == "organizations" and not plan.errors
    mapped = set(plan.mapping.values()) if isinstance(plan.mapping, dict) else set()
    assert {"country", "name", "name_en", "abbreviation", "kind", "level", "notes"} <= mapped
    apply_plan(db, plan)
    found = by_country(db)
    vietnam, china = found["VN"], found["CN"]
    assert (vietnam.name, vietnam.name_zh) == ("Communist Party of Vietnam", "越南共产党")
    assert (vietnam.kind, vietnam.level, vietnam.abbreviation) == ("party", "strategic", "越共")
    assert (china.name, china.name_zh) == ("中国共产党", "中国共产党"), "its own script"
    assert found["ZA"].name_zh == "南非非洲人国民大会"


def test_a_chinese_name_never_renames_a_party_in_its_own_script(db: Database,
                                                               tmp_path: Path) -> None:
    """The bug seen: an update import renamed "Dang Cong san Viet Nam" to 越南共产党."""
    cpv = organizations.create_organization(db, {
        "name": "Dang Cong san Viet Nam", "name_en": "Communist Party of Vietnam",
        "name_zh": "越南共产党", "abbreviation": "DCSVN", "country": "VN"}, Actor(who="王芳"))
    path = write_xlsx(tmp_path / "更新.xlsx", [["名称", "国家", "备注"],
                                               ["越南共产党", "越南", "已更新"]])
    plan = build_plan(db, path, ImportOptions(on_duplicate="update"))
    assert [row.action for row in plan.rows] == ["update"]
    apply_plan(db, plan)
    after = organizations.get_organization(db, cpv.id)
    assert (after.name, after.name_zh, after.notes) == ("Dang Cong san Viet Nam", "越南共产党",
                                                        "已更新")


def test_gb18030_and_big5_lists_are_read_without_being_told(db: Database,
                                                           tmp_path: Path) -> None:
    for name, encoding, text in (
            ("简体.csv", "gb18030", "国家,政党名称,简称\n古巴,古巴共产党,古共\n老挝,老挝人民革命党,老挝人革党\n"),
            ("繁體.csv", "big5", "國家,政黨名稱,簡稱\n臺灣,中國國民黨,國民黨\n日本,日本共產黨,日共\n")):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        source = open_source(path)
        assert source.encoding == encoding
        plan = build_plan(db, path)
        assert not plan.errors, plan.errors
        apply_plan(db, plan)
    found = by_country(db)
    assert found["CU"].name_zh == "古巴共产党"
    assert found["TW"].name == "中國國民黨", "Taiwan writes Chinese: it is the name, as written"
    assert (found["JP"].name, found["JP"].name_zh) == ("日本共產黨", "日本共產黨"), \
        "no other name in the row: the Chinese one stands for it"


def test_imported_records_sort_by_pinyin_like_typed_ones(db: Database, tmp_path: Path) -> None:
    """The import's bulk path writes the sort keys the writer keeps for typed records."""
    path = write_xlsx(tmp_path / "名录.xlsx", [["国家", "政党名称", "英文名称"],
                                               ["越南", "越南共产党", "Communist Party of Vietnam"],
                                               ["古巴", "古巴共产党", "Communist Party of Cuba"],
                                               ["老挝", "老挝人民革命党", "Lao People's Revolutionary Party"]])
    apply_plan(db, build_plan(db, path))
    shown = [o.name_zh for o in list_organizations(db, sort="name", names="zh").items]
    assert shown == ["古巴共产党", "老挝人民革命党", "越南共产党"]  # gu, lao, yue
