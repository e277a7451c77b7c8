"""A colleague's list of 250 parties becomes 250 invitations (issue 17, item 2): a workbook
with no Liaison ids, headers in Chinese and English, parties from about forty countries in
their own scripts, and the mess such lists have — a country no one knows, a party listed
twice, a blank row. Each party is matched to an organization or added, its leader matched or
added with a position flagged as the party's leadership and made the head of its delegation;
problems are located at row and column with nothing written; one import batch, undone whole.
Also through `liaison import FILE --invitations-for EVENT_ID`. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.cli.main import main
from db.exchange.imports.importer import apply_plan, build_plan, undo_import
from db.exchange.imports.plan import ImportOptions
from db.models import Affiliation, Country, Delegate, Invitation, Organization, Person
from db.services import affiliations, events, invitations
from db.store.engine import Database
from db.store.errors import LiaisonError
from tests.db.factories import make_organization, make_person

HEADERS = ["序号/No.", "国家/Country", "政党名称/Party", "领导人/Leader", "职务/Title",
           "邮箱/Email", "回复/Reply", "出席/Attended", "人数/Delegation size"]
# Parties and leaders in their own scripts, by the countries that write them so.
SCRIPTS: dict[str, tuple[list[str], list[str], list[str]]] = {
    # (first words of party names, words after, leaders' names)
    "zh": (["人民", "民主", "社会", "进步", "统一", "团结"], ["党", "联盟", "阵线"],
           ["王", "李", "张", "刘", "陈", "杨"]),
    "vi": (["Đảng", "Liên minh", "Mặt trận"], ["Nhân dân", "Dân chủ", "Tiến bộ", "Đoàn kết"],
           ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"]),
    "ar": (["حزب", "جبهة", "تجمع"], ["الشعب", "التقدم", "الوحدة", "العدالة"],
           ["محمد", "أحمد", "علي", "حسن", "خالد"]),
    "es": (["Partido", "Frente", "Movimiento", "Unión"], ["Popular", "Socialista", "Democrático",
                                                          "Progresista", "Nacional"],
           ["José", "María", "Juan", "Carmen", "Luis"]),
    "pt": (["Partido", "Frente", "Movimento", "União"], ["Popular", "Socialista", "Democrático",
                                                         "Trabalhista", "Nacional"],
           ["João", "Ana", "Pedro", "Beatriz", "Luís"]),
    "ru": (["Партия", "Союз", "Движение", "Фронт"], ["Народная", "Социалистическая",
                                                     "Демократическая", "Прогрессивная"],
           ["Иван", "Ольга", "Сергей", "Анна", "Дмитрий"]),
    "en": (["People's", "Democratic", "Labour", "Progressive", "National"],
           ["Party", "Alliance", "Congress", "Front", "Movement"],
           ["John", "Mary", "Peter", "Grace", "Samuel"]),
}
COUNTRY_SCRIPTS = {
    "CN": "zh", "VN": "vi", "LA": "vi", "EG": "ar", "DZ": "ar", "MA": "ar", "TN": "ar",
    "JO": "ar", "LB": "ar", "SY": "ar", "MX": "es", "AR": "es", "CL": "es", "CO": "es",
    "PE": "es", "VE": "es", "CU": "es", "BO": "es", "ES": "es", "UY": "es", "BR": "pt",
    "PT": "pt", "AO": "pt", "MZ": "pt", "CV": "pt", "RU": "ru", "BY": "ru", "KZ": "ru",
    "KG": "ru", "ZA": "en", "KE": "en", "NG": "en", "GH": "en", "TZ": "en", "ZM": "en",
    "GB": "en", "IN": "en", "PK": "en", "LK": "en", "NP": "en"}
START = date(2025, 10, 20)


@pytest.fixture
def summit(db: Database) -> dict[str, Any]:
    """The meeting, and what the office already knows: two parties (one with its leader in
    post), one of them invited already."""
    cpv = make_organization(db, name="Đảng Cộng sản Việt Nam", name_en="Communist Party of "
                            "Vietnam", name_zh="越南共产党", country="VN")
    anc = make_organization(db, name="African National Congress", aliases=["ANC"],
                            country="ZA")
    leader = make_person(db, name="Tô Lâm", nationality="VN")
    affiliations.create_affiliation(db, {"person_id": leader.id, "organization_id": cpv.id,
                                         "role": "General Secretary", "leader": True})
    event = events.create_event(db, {
        "name": "World Political Parties High-level Meeting", "mechanism": "high_level_meeting",
        "start": START, "end": date(2025, 10, 22), "city": "Beijing", "country": "CN"})
    existing = invitations.invite(db, event.id, {"organization_id": anc.id,
                                                 "invited_by": "Desk Africa"})
    return {"event": event.id, "cpv": cpv.id, "anc": anc.id, "leader": leader.id,
            "existing": existing.id}


def country_names(db: Database) -> dict[str, tuple[str, str]]:
    with db.reading() as session:
        return {code: (en, zh or en) for code, en, zh in session.execute(
            select(Country.code, Country.name_en, Country.name_zh))}


_SYLLABLES = {"ar": ["ال", "نور", "سلام", "فجر", "أمل", "كرم", "ربيع", "بحر", "جبل", "زهر"],
              "ru": ["Вол", "гор", "ска", "ник", "рад", "мир", "лес", "бор", "дан", "тин"],
              "vi": ["Hà", "Sơn", "Long", "Giang", "Bình", "Phú", "Hải", "Minh", "An", "Thanh"]}
_LATIN = ["ka", "lo", "mi", "ra", "tu", "ne", "sa", "do", "vi", "ge", "zu", "pa", "ri", "mo"]
_HAN = "东西南北山河湖海江川林泉云峰岭原城阳明安平和"


def place(rng: random.Random, script: str) -> str:
    """A made-up place name in the script, so that parties differ by more than a digit."""
    parts = _SYLLABLES.get(script, _LATIN)
    if script == "vi":
        return " ".join(rng.sample(parts, 3))
    return "".join(rng.sample(parts, 4)).capitalize()


def place_zh(rng: random.Random) -> str:
    return "".join(rng.sample(_HAN, 2))


def party_list(db: Database, path: Path) -> dict[str, Any]:
    """250 parties from 40 countries (the two the office knows among them, one by its Chinese
    name and a leader written as the office writes him), then three messy rows and a blank
    one in between. Returns the row numbers of the messy rows."""
    rng = random.Random(17)
    names = country_names(db)
    wb = Workbook()
    ws = wb.active
    ws.title = "邀请名单"
    ws.append(["第三届世界政党高层对话会 邀请名单 / Invitation list"])
    ws.append([])
    ws.append(HEADERS)
    codes = sorted(COUNTRY_SCRIPTS)
    seen: set[str] = set()
    replies = ["accepted", "接受", "Declined", "谢绝", "yes", None, "派代表出席", "No reply yet"]
    attended = ["是", "否", None, "attended", "absent"]
    rows: list[list[Any]] = [
        [1, names["VN"][1], "越南共产党", "Tô Lâm", "总书记", "cpv@example.vn", "接受", "是", 6],
        [2, "ZAF", "ANC", "Fikile Mbalula", "Secretary-General", None, "accepted", "attended",
         4]]
    while len(rows) < 250:
        code = codes[len(rows) % len(codes)]
        script = COUNTRY_SCRIPTS[code]
        first, second, leaders = SCRIPTS[script]
        if script == "zh":
            party = place_zh(rng) + rng.choice(first) + rng.choice(second)
        else:
            party = f"{rng.choice(first)} {rng.choice(second)} {place(rng, script)}"
        if (code, party) in seen:
            continue
        seen.add((code, party))
        number = len(rows) + 1
        leader = f"{rng.choice(leaders)} {number}"
        country = rng.choice([code, names[code][0], names[code][1]])
        rows.append([number, country, party, leader, rng.choice(["President", "Chair",
                                                                  "主席", "Secretary-General"]),
                     f"party{number}@example.org", rng.choice(replies),
                     rng.choice(attended), rng.randrange(1, 8)])
    messy = {}
    for position, row in enumerate(rows):
        ws.append(row)
        if position == 100:
            ws.append([None] * len(HEADERS))  # a blank row
        if position == 150:
            ws.append([901, "Atlantis", "Atlantean Unity Party", "Poseidon", "Chair", None,
                       "accepted", None, 2])
            messy["unknown country"] = ws.max_row
        if position == 200:
            twin = rows[60]
            ws.append([902, *twin[1:3], None, None, None, "accepted", None, 1])
            messy["twice"] = ws.max_row
    wb.save(path)
    return messy


def test_a_list_of_250_parties_becomes_250_invitations(db: Database, summit: dict[str, Any],
                                                       tmp_path: Path) -> None:
    path = tmp_path / "邀请名单.xlsx"
    messy = party_list(db, path)
    options = ImportOptions(kind="invitations", event_id=summit["event"])
    plan = build_plan(db, path, options)
    assert plan.kind == "invitations" and plan.header_row == 3
    located = {(note.row, note.column) for note in plan.errors}
    assert located == {(messy["unknown country"], "国家/Country"),
                       (messy["twice"], "政党名称/Party")}, plan.errors
    assert "listed twice" in next(n.message for n in plan.errors if n.row == messy["twice"])
    with pytest.raises(LiaisonError):
        apply_plan(db, plan)
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(Invitation)).scalar() == 1

    plan = build_plan(db, path, ImportOptions(kind="invitations", event_id=summit["event"],
                                              skip_invalid=True))
    counts = plan.counts()
    assert counts["invitations"]["created"] == 249 and counts["invitations"]["updated"] == 1
    assert counts["organizations"]["created"] == 248  # the CPV and the ANC were known
    result = apply_plan(db, plan)
    page = invitations.list_invitations(db, summit["event"], limit=1000)
    assert page.total == 250
    by_name = {item.invitee: item for item in page.items}
    cpv = by_name["Đảng Cộng sản Việt Nam"]
    assert (cpv.reply, cpv.attendance, cpv.delegation_size) == ("accepted", "attended", 6)
    assert cpv.head_name == "Tô Lâm"
    anc = by_name["African National Congress"]
    assert anc.id == summit["existing"] and anc.invited_by == "Desk Africa"
    assert anc.reply == "accepted" and anc.head_name == "Fikile Mbalula"
    assert {item.country for item in page.items} >= set(COUNTRY_SCRIPTS)
    assert len({item.country for item in page.items}) == len(COUNTRY_SCRIPTS) == 40
    assert all(item.head_name for item in page.items)
    replies = {item.reply for item in page.items}
    assert replies == {"accepted", "declined", "representative", "none"}
    with db.reading() as session:
        # every new leader holds a position in the party, flagged as its leadership
        assert session.execute(select(func.count()).select_from(Affiliation).where(
            Affiliation.leader.is_(True))).scalar() == 250
        assert session.execute(select(func.count()).select_from(Delegate).where(
            Delegate.role == "head")).scalar() == 250
        known = session.execute(select(Person.id).where(Person.name == "Tô Lâm")).all()
        assert len(known) == 1  # matched, not added again
        arabic = session.execute(select(Organization.name, Organization.country_code).where(
            Organization.name.like("حزب%"))).first()
        assert arabic is not None and arabic[1] in {"EG", "DZ", "MA", "TN", "JO", "LB", "SY"}
    # the same list again changes no invitation
    again = build_plan(db, path, ImportOptions(kind="invitations", event_id=summit["event"],
                                               skip_invalid=True))
    assert again.counts()["invitations"].get("created", 0) == 0
    assert again.counts()["invitations"].get("updated", 0) == 0
    undo_import(db, result.batch_id)
    page = invitations.list_invitations(db, summit["event"], limit=1000)
    assert page.total == 1 and page.items[0].reply == "none"
    with db.reading() as session:
        assert session.execute(select(func.count()).select_from(Organization).where(
            Organization.deleted_at.is_(None))).scalar() == 2


def small_list(path: Path, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Country", "Party", "Leader", "Title", "Reply", "Replied on", "Attended",
               "Delegation size"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_reply_after_the_event_and_a_head_from_another_party(db: Database,
                                                               summit: dict[str, Any],
                                                               tmp_path: Path) -> None:
    path = small_list(tmp_path / "list.xlsx", [
        ["Viet Nam", "Communist Party of Vietnam", "Tô Lâm", None, "accepted",
         date(2025, 11, 30), "attended", 5],
        ["Viet Nam", "Vietnam Fatherland Front", "Tô Lâm", None, "accepted", None, None, 3]])
    plan = build_plan(db, path, ImportOptions(kind="invitations", event_id=summit["event"]))
    located = {(note.row, note.column) for note in plan.errors}
    assert (2, "Replied on") in located
    assert (3, "Leader") in located  # Tô Lâm leads the CPV, not the Front
    messages = " ".join(note.message for note in plan.errors)
    assert "came after it" in messages
    assert "Tô Lâm holds a position in Đảng Cộng sản Việt Nam, not in Vietnam Fatherland " \
           "Front" in messages


def test_the_command_line(db: Database, summit: dict[str, Any], tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    target = db.url if db.path is None else str(db.path)
    path = small_list(tmp_path / "list.xlsx", [
        ["VN", "越南共产党", "Tô Lâm", "总书记", "接受", None, "是", 5],
        ["Brazil", "Partido dos Trabalhadores", "Gleisi Hoffmann", "Presidenta", "Declined",
         None, "否", None],
        ["Russia", "Единая Россия", "Дмитрий Медведев", "Председатель", None, None, None,
         None]])
    code = main(["--db", target, "import", str(path), "--invitations-for", summit["event"],
                 "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report
    assert report["invitations"]["created"] == 3 and report["delegates"]["created"] == 3
    assert report["organizations"]["created"] == 2 and report["batch_id"]
    assert invitations.list_invitations(db, summit["event"]).total == 4
    assert main(["--db", target, "import", str(path), "--invitations-for",
                 "00000000-0000-0000-0000-000000000000"]) == 1
    assert "no event" in capsys.readouterr().err
    assert main(["--db", target, "import", str(path), "--invitations-for", summit["event"],
                 "--as", "organizations"]) == 1
    assert "--as" in capsys.readouterr().err
    assert main(["--db", target, "undo", report["batch_id"]]) == 0
    assert invitations.list_invitations(db, summit["event"]).total == 1
