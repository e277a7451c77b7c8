"""Lists sort the way their reader expects, in SQL (so lazy lists stay lazy), on SQLite and
PostgreSQL alike: names as shown in the preferred script — Chinese by pinyin, Latin with
accents folded, in one order — countries by their name in that language, and relationship
levels and political statuses by rank, never alphabetically."""

from __future__ import annotations

from db.services import organizations as orgs
from db.services import people
from db.store.engine import Database

PARTIES = [
    # name, name_en, name_zh, country, level, status
    ("Đảng Cộng sản Việt Nam", "Communist Party of Vietnam", "越南共产党", "VN", "strategic",
     "governing"),
    ("African National Congress", None, "南非非洲人国民大会", "ZA", "close", "coalition"),
    ("Partido Comunista de Cuba", "Communist Party of Cuba", "古巴共产党", "CU", "regular",
     "governing"),
    ("Zimbabwe African National Union – Patriotic Front", None, None, "ZW", "initial",
     "governing"),
    ("Sozialdemokratische Partei Deutschlands", "Social Democratic Party of Germany",
     "德国社会民主党", "DE", "none", "opposition"),
]


def load(db: Database) -> None:
    for name, name_en, name_zh, country, level, status in PARTIES:
        orgs.create_organization(db, {"name": name, "name_en": name_en, "name_zh": name_zh,
                                      "country": country, "level": level, "status": status})


def names(db: Database, **options: object) -> list[str]:
    return [o.name for o in orgs.list_organizations(db, limit=50, **options).items]  # type: ignore[arg-type]


def test_names_sort_as_shown_in_each_script(db: Database) -> None:
    load(db)
    assert names(db, sort="name") == [
        "African National Congress", "Đảng Cộng sản Việt Nam", "Partido Comunista de Cuba",
        "Sozialdemokratische Partei Deutschlands",
        "Zimbabwe African National Union – Patriotic Front"]
    assert names(db, sort="name", names="en") == [  # African, Communist…Cuba, …Vietnam, Social, Zimbabwe
        "African National Congress", "Partido Comunista de Cuba", "Đảng Cộng sản Việt Nam",
        "Sozialdemokratische Partei Deutschlands",
        "Zimbabwe African National Union – Patriotic Front"]
    # 德国 de guo, 古巴 gu ba, 南非 nan fei, 越南 yue nan; Zimbabwe has no Chinese name: its own
    assert names(db, sort="name", names="zh") == [
        "Sozialdemokratische Partei Deutschlands", "Partido Comunista de Cuba",
        "African National Congress", "Đảng Cộng sản Việt Nam",
        "Zimbabwe African National Union – Patriotic Front"]


def test_countries_sort_by_their_name_in_the_language(db: Database) -> None:
    load(db)
    english = [o.country for o in orgs.list_organizations(db, sort="country").items]
    assert english == ["CU", "DE", "ZA", "VN", "ZW"]  # Cuba, Germany, South Africa, Viet Nam…
    chinese = [o.country for o in orgs.list_organizations(db, sort="country",
                                                          names="zh").items]
    assert chinese == ["DE", "CU", "ZW", "ZA", "VN"]  # 德国 de, 古巴 gu, 津巴布韦 jin, 南非 nan, 越南 yue


def test_levels_and_statuses_sort_by_rank(db: Database) -> None:
    load(db)
    levels = [o.level for o in orgs.list_organizations(db, sort="level").items]
    assert levels == ["none", "initial", "regular", "close", "strategic"]
    statuses = [o.status for o in orgs.list_organizations(db, sort="status",
                                                          descending=True).items]
    assert statuses[-1] == "governing" and statuses[0] == "opposition"


def test_people_sort_by_pinyin_too(db: Database) -> None:
    for name, name_zh in (("Nguyễn Phú Trọng", "阮富仲"), ("Cyril Ramaphosa", "拉马福萨"),
                          ("Olaf Scholz", "朔尔茨")):
        people.create_person(db, {"name": name, "name_zh": name_zh})
    shown = [p.name_zh for p in people.list_people(db, sort="name", names="zh").items]
    assert shown == ["拉马福萨", "阮富仲", "朔尔茨"]  # la, ruan, shuo
