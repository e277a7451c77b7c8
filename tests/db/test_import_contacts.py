"""Contacts from phones and mail programs: vCard files (2.1, 3.0, 4.0) read as a sheet of people,
and Outlook's and Google's CSV exports mapped without help — names in every script, every e-mail
and phone, organizations linked by name, people matched again by name, e-mail or phone, broken
cards reported by line, one undo — on SQLite and PostgreSQL, through the API and the command
line, from small fixtures of our own and real exports (../shared/data/contacts)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from db.cli.main import main
from db.exchange.imports import mapping as maps
from db.exchange.imports.importer import apply_plan, build_plan, preview, undo_import
from db.exchange.imports.plan import ImportOptions, Plan
from db.exchange.reading.readers import UnreadableFile, open_source
from db.seed.opening import open_database
from db.services import affiliations, people
from db.services.people import PersonRecord
from db.store.engine import Database
from tests.conftest import shared_data_dir
from tests.db.factories import make_organization, make_person

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"
REAL = shared_data_dir() / "contacts"
PHOTO_NOTE = "The photo on 1 card was left out: Liaison does not keep pictures of people."


def everyone(db: Database) -> dict[str, PersonRecord]:
    return {p.name: p for p in people.list_people(db, limit=100).items}


def organization_of(db: Database, person: PersonRecord) -> list[tuple[str, str | None]]:
    return [(a.organization_id, a.role)
            for a in affiliations.list_affiliations(db, person_id=person.id)]


def messages(plan: Plan) -> list[tuple[int | None, str | None, str]]:
    return [(note.row, note.column, note.message) for note in plan.warnings]


def partners(db: Database) -> dict[str, str]:
    """The organizations the contacts work for, as Liaison already knows them."""
    return {
        "idcpc": make_organization(db, name="International Department of the CPC Central "
                                   "Committee", name_zh="中共中央对外联络部", country="CN").id,
        "anc": make_organization(db, name="African National Congress", abbreviation="ANC",
                                 country="ZA").id,
        "spd": make_organization(db, name="Sozialdemokratische Partei Deutschlands",
                                 abbreviation="SPD", country="DE").id,
        "frelimo": make_organization(db, name="Frente de Libertação de Moçambique",
                                     abbreviation="Frelimo", country="MZ").id,
        "cpv": make_organization(db, name="Đảng Cộng sản Việt Nam", name_zh="越南共产党",
                                 abbreviation="CPV", country="VN").id,
    }


# -- vCard ----------------------------------------------------------------------------------

def test_an_iphone_export_imports_its_people_and_their_organizations(db: Database) -> None:
    orgs = partners(db)
    plan = build_plan(db, FIXTURES / "iphone.vcf")
    assert (plan.format, plan.kind, plan.sheets) == ("vcf", "people", ("Contacts",))
    assert not plan.errors, plan.errors
    assert {"name", "name_en", "name_zh", "title", "organization", "emails", "phones",
            "notes"} <= set(plan.mapping.values())
    assert messages(plan) == [(None, None, PHOTO_NOTE)], "the photo, once; nothing else"
    apply_plan(db, plan)

    found = everyone(db)
    wang, modise = found["王芳"], found["Thandi Modise"]
    assert (wang.name_en, wang.name_zh, wang.title) == ("Wang Fang", "王芳", "处长")
    assert wang.emails == ("wangfang@idcpc.example.cn",)
    assert wang.phones == ("+8613800138000", "+861083007000")
    assert wang.notes == "2024年5月会谈, 北京\n关注：青年交流"
    assert organization_of(db, wang) == [(orgs["idcpc"], None)]
    assert modise.title == "Head of International Relations", "a folded line, unfolded"
    assert modise.emails == ("thandi.modise@anc.example.org.za",
                             "tmodise@parliament.example.gov.za"), "item3.EMAIL too"
    assert modise.phones == ("+27113761000", "+27825550101")
    assert modise.aliases == ("Thandi",)
    assert organization_of(db, modise) == [(orgs["anc"], None)]


def test_a_second_import_finds_people_by_email_and_by_phone(db: Database,
                                                           tmp_path: Path) -> None:
    apply_plan(db, build_plan(db, FIXTURES / "iphone.vcf"))
    before = everyone(db)
    again = tmp_path / "phone-again.vcf"
    again.write_text("\r\n".join([
        "BEGIN:VCARD", "VERSION:3.0", "FN:Fang Wang", "EMAIL:WangFang@idcpc.example.cn",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:4.0", "FN:T. Modise", "GENDER:F",
        "TEL;VALUE=uri;TYPE=cell:tel:+27-82-555-0101", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:Someone New", "EMAIL:new@example.org", "END:VCARD",
        ""]), encoding="utf-8")
    plan = build_plan(db, again, ImportOptions(on_duplicate="fill"))
    assert not plan.errors, plan.errors
    rows = [(r.action, r.id, r.reason) for r in plan.rows]
    assert rows[0] == ("unchanged", before["王芳"].id,
                       "same e-mail address “wangfang@idcpc.example.cn”")
    assert rows[1] == ("update", before["Thandi Modise"].id,
                       "same phone number “+27825550101”")
    assert rows[2][0] == "create"
    apply_plan(db, plan)
    after = everyone(db)
    assert set(after) == {"王芳", "Thandi Modise", "Someone New"}, "nobody twice"
    assert after["Thandi Modise"].gender == "female", "filled in on the person found by phone"


def test_an_address_several_people_share_matches_nobody(db: Database, tmp_path: Path) -> None:
    """An office's address says nothing about who a card is; the name still decides."""
    first = make_person(db, name="Ana Sitoe", emails=["office@frelimo.example.mz"])
    make_person(db, name="João Machava", emails=["office@frelimo.example.mz"])
    cards = tmp_path / "office.vcf"
    cards.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Luísa Diogo\nEMAIL:office@frelimo.example.mz"
                     "\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ana Sitoe\n"
                     "EMAIL:office@frelimo.example.mz\nEND:VCARD\n", encoding="utf-8")
    plan = build_plan(db, cards)
    assert [(r.action, r.id if r.action != "create" else None) for r in plan.rows] == [
        ("create", None), ("unchanged", first.id)]


def test_a_card_of_2_1_in_legacy_charsets_and_quoted_printable(db: Database) -> None:
    orgs = partners(db)
    plan = build_plan(db, FIXTURES / "legacy-charsets.vcf")
    assert not plan.errors and not plan.warnings, (plan.errors, plan.warnings)
    apply_plan(db, plan)
    found = everyone(db)
    li, mueller = found["李伟"], found["Jürgen Müller"]
    assert (li.name_zh, li.title, li.emails) == ("李伟", "副局长", ("liwei@idcpc.example.cn",))
    assert li.notes == "2024年会见\n第二行：合作项目", "a soft line break on an unindented line"
    assert organization_of(db, li) == [(orgs["idcpc"], None)]
    assert (mueller.title, mueller.phones) == ("Referent für Internationales",
                                               ("+4930259910",))
    assert organization_of(db, mueller) == [(orgs["spd"], None)]


def test_altid_names_a_vietnamese_in_her_own_script_and_in_chinese(db: Database) -> None:
    orgs = partners(db)
    plan = build_plan(db, FIXTURES / "altid-4.0.vcf")
    assert not plan.errors and not plan.warnings, (plan.errors, plan.warnings)
    apply_plan(db, plan)
    minh = everyone(db)["Nguyễn Văn Minh"]
    assert (minh.name_zh, minh.name_en, minh.gender) == ("阮文明", None, "male")
    assert (minh.title, minh.phones) == ("Phó Trưởng ban", ("+842438234567",))
    assert minh.notes == "Met in Hanoi; follow up in June."
    assert organization_of(db, minh) == [(orgs["cpv"], "Vice Chairman")]


def test_a_broken_card_is_reported_by_line_and_the_others_import(db: Database) -> None:
    plan = build_plan(db, FIXTURES / "broken.vcf")
    assert not plan.errors, plan.errors
    assert messages(plan) == [
        (None, None, "Line 7: the contact card of “Broken Card” that begins here has no "
                     "END:VCARD line, so it was not imported."),
        (3, None, "Line 14 of the file is not a vCard line and was ignored: “this line is not "
                  "a vCard line”.")]
    apply_plan(db, plan)
    found = everyone(db)
    assert set(found) == {"Ana Sitoe", "João Machava"}
    assert found["João Machava"].phones == ("+258841234567",)


def test_undoing_a_contacts_import_leaves_nothing(db: Database) -> None:
    partners(db)
    result = apply_plan(db, build_plan(db, FIXTURES / "iphone.vcf"))
    made = everyone(db)
    assert len(made) == 2
    assert all(organization_of(db, person) for person in made.values())
    undone = undo_import(db, result.batch_id)
    assert undone.removed == 4 and not undone.kept, "two people and their two positions"
    assert everyone(db) == {}
    assert all(not affiliations.list_affiliations(db, person_id=p.id) for p in made.values())


def test_liaison_import_reads_a_vcf_file(tmp_path: Path) -> None:
    database = tmp_path / "liaison.sqlite3"
    open_database(database).close()

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(["--db", str(database), *argv], out, err), out.getvalue(), err.getvalue()

    code, out, err = run("import", str(FIXTURES / "broken.vcf"), "--json")
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    assert report["people"]["created"] == 2 and report["batch_id"]
    assert {"sheet": "Contacts", "row": None, "column": None,
            "message": "Line 7: the contact card of “Broken Card” that begins here has no "
                       "END:VCARD line, so it was not imported."} in report["warnings"]
    code, out, err = run("import", str(FIXTURES / "iphone.vcf"))
    assert code == 0 and "people: 2 created" in out, err
    assert f"warning: Contacts: {PHOTO_NOTE}" in err
    code, out, err = run("import", str(FIXTURES / "iphone.vcf"), "--json")
    assert json.loads(out)["people"]["unchanged"] == 2


# -- CSV exports ---------------------------------------------------------------------------

def test_outlook_csv_maps_itself_with_every_email_and_phone(db: Database) -> None:
    orgs = partners(db)
    plan = build_plan(db, FIXTURES / "outlook.csv")
    assert plan.kind == "people" and not plan.errors, (plan.kind, plan.errors)
    by_header = {plan.headers[i]: f for i, f in plan.mapping.items()}
    assert by_header["Job Title"] == "title" and "Title" not in by_header, "Title is Mr./Dr."
    assert [h for h, f in by_header.items() if f == "emails"] == [
        "E-mail Address", "E-mail 2 Address", "E-mail 3 Address"]
    assert not any("Type" in h or "Display" in h for h in by_header)
    apply_plan(db, plan)
    found = everyone(db)
    wang, modise = found["王芳"], found["Thandi Modise"]
    assert (wang.title, wang.gender) == ("处长", None), "“Unspecified” is no gender"
    assert wang.emails == ("wangfang@idcpc.example.cn", "fang.wang@mail.example.cn")
    assert sorted(wang.phones) == ["+861083007000", "+8613800138000"]
    assert organization_of(db, wang) == [(orgs["idcpc"], None)]
    assert (modise.title, modise.gender) == ("Head of International Relations", "female")
    assert modise.emails == ("thandi.modise@anc.example.org.za",
                             "tmodise@parliament.example.gov.za")
    assert sorted(modise.phones) == ["+27113761000", "+27113761100"], "the fax is a number too"


def test_google_csv_exports_old_and_new(db: Database) -> None:
    orgs = partners(db)
    plan = build_plan(db, FIXTURES / "google.csv")
    assert plan.kind == "people" and not plan.errors, plan.errors
    apply_plan(db, plan)
    found = everyone(db)
    li, ana = found["李伟"], found["Ana Sitoe"]
    assert (li.name_zh, li.title, li.tags) == ("李伟", "副局长", ())
    assert li.phones == ("+8613910002000", "+861083007001"), "one cell, two numbers"
    assert organization_of(db, li) == [(orgs["idcpc"], None)]
    assert ana.emails == ("ana.sitoe@frelimo.example.mz", "ana.sitoe@mail.example.mz")
    assert ana.phones == ("+25821300400", "+258847654321")
    assert ana.title == "Secretary for International Relations"
    assert organization_of(db, ana) == [(orgs["frelimo"], None)]

    plan = build_plan(db, FIXTURES / "google-new.csv")
    assert plan.kind == "people" and not plan.errors, plan.errors
    apply_plan(db, plan)
    found = everyone(db)
    wang, mueller = found["王芳"], found["Jürgen Müller"]
    assert (wang.name_zh, wang.title, wang.tags) == ("王芳", "处长", ("对口交流",)), \
        "given and family name in Chinese order; Google's own “* myContacts” is no tag"
    assert wang.emails == ("wangfang@idcpc.example.cn", "fang.wang@mail.example.cn")
    assert organization_of(db, wang) == [(orgs["idcpc"], None)]
    assert (mueller.aliases, mueller.phones) == (("Jogi",), ("+4930259910",
                                                             "+4915123456789"))
    assert organization_of(db, mueller) == [(orgs["spd"], None)]


def test_a_bad_number_is_shown_in_the_column_it_is_in(db: Database, tmp_path: Path) -> None:
    """Several columns feed the phones: a problem points at the cell to correct."""
    path = tmp_path / "contacts.csv"
    path.write_text("First Name,Last Name,Business Phone,Mobile Phone\n"
                    "Ana,Sitoe,+258 21 300 400,call me\n", encoding="utf-8")
    plan = build_plan(db, path)
    assert [(n.row, n.column) for n in plan.errors] == [(2, "Mobile Phone")]
    fixed = build_plan(db, path, ImportOptions(fixes={(2, 3): "+258 84 765 4321"}))
    assert not fixed.errors
    apply_plan(db, fixed)
    assert everyone(db)["Ana Sitoe"].phones == ("+25821300400", "+258847654321")


# -- real exports --------------------------------------------------------------------------

def read(name: str) -> tuple[list[dict[str, Any]], list[tuple[int | None, str]]]:
    with open_source(REAL / name) as source:
        assert source.format == "vcf"
        table = source.read()
    header = table.rows[0]
    return ([dict(zip(header, row, strict=True)) for row in table.rows[1:]],
            [(w.row, w.message) for w in table.warnings])


def test_real_vcard_exports_are_read() -> None:
    cards, notes = read("ez-vcard__John_Doe_ANDROID.vcf")  # 2.1 quoted-printable: vobject fails
    assert [c["Name"] for c in cards] == [None, None, "Ñ Ñ Ñ Ñ Ñ", "Ñ " * 10 + "Ñ",
                                          "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"]
    assert cards[3]["Phones"] == "123456\n234567\n3456789\n45678901"
    assert cards[5]["Organization"] == "Ñ" * 44, "four soft line breaks, then a blank line"
    assert notes == [(None, PHOTO_NOTE)]

    cards, notes = read("ez-vcard__outlook-2003.vcf")  # 2.1 with a folded certificate
    assert cards[0]["Notes"] == "This is the note field!!\nSecond line\n\nThird line is empty"
    assert (cards[0]["Organization"], cards[0]["Job title"], cards[0]["Role"]) == (
        "Company, The", "The Job Title", "TheProfession")
    assert (cards[0]["Emails"], notes) == ("jdoe@hotmail.com", [])

    cards, notes = read("ez-vcard__outlook-2007.vcf")
    assert cards[0]["Name"] == "Mr. Michael Angstadt Jr."
    assert cards[0]["Notes"].endswith("going on here.\nIt does not preserve the formatting")
    assert notes == [(None, PHOTO_NOTE)]

    cards, _notes = read("ez-vcard__John_Doe_EVOLUTION.vcf")  # values folded mid-word
    assert (cards[0]["Emails"], cards[0]["Phones"]) == ("john.doe@ibm.com",
                                                        "905-666-1234\n905-555-1234")
    cards, _notes = read("ez-vcard__John_Doe_MAC_ADDRESS_BOOK.vcf")
    assert cards[0]["Phones"].count("\n") == 6 and '"AS IS"' in cards[0]["Notes"]
    cards, _notes = read("ez-vcard__John_Doe_LOTUS_NOTES.vcf")
    assert (cards[0]["Organization"], cards[0]["Role"], cards[0]["Aliases"]) == (
        "IBM", "Counting Money", "Johny,JayJay")
    cards, _notes = read("roundcube__johndoe.vcf")  # CHARSET=windows-1252
    assert cards[0]["Name"] == "John Doë"
    cards, _notes = read("ez-vcard__rfc6350-example.vcf")
    assert (cards[0]["Gender"], cards[0]["Phones"]) == (
        "male", "+1-418-656-9254 ext. 102\n+1-418-262-6501")
    cards, _notes = read("khard__korean-c.vcf")
    assert cards[0]["Name"] == "최유림"

    for name, words in (("roundcube__apple.vcf", "card of an organization"),
                        ("vobject__vcard40_org.vcf", "card of an organization"),
                        ("vobject__vcard40_group.vcf", "marked as “group”")):
        with pytest.raises(UnreadableFile, match=words), open_source(REAL / name) as source:
            source.read()


def test_real_vcard_exports_import(db: Database) -> None:
    apply_plan(db, build_plan(db, REAL / "ez-vcard__gmail-list.vcf"))
    plan = build_plan(db, REAL / "ez-vcard__rfc2426-example.vcf")
    assert not plan.errors
    assert [m for _r, _c, m in messages(plan)] == [
        "No organization called “Lotus Development Corporation”; the person is imported "
        "without this position.",
        "No organization called “Netscape Communications Corp.”; the person is imported "
        "without this position."]
    apply_plan(db, plan)
    apply_plan(db, build_plan(db, REAL / "vobject__vcard40_full.vcf"))
    found = everyone(db)
    assert {"Arnold Smith", "Chris Beatle", "Doug White", "Frank Dawson", "Tim Howes",
            "Dr. John Q. Public, III"} == set(found)
    assert found["Frank Dawson"].phones == ("+19196769515", "+19196769564")
    assert found["Tim Howes"].emails == ("howes@netscape.com",)
    public = found["Dr. John Q. Public, III"]
    assert (public.aliases, public.title) == (("John Q. Public", "Johnny", "JQP"), "CEO")


def test_real_contact_csvs_map_themselves() -> None:
    def mapped(name: str) -> dict[str, list[str]]:
        with open_source(REAL / name) as source:
            shown = preview(source, None)
        assert shown.kind == "people"
        fields: dict[str, list[str]] = {}
        for index, field in shown.mapping.items():
            fields.setdefault(field, []).append(maps.header_texts(shown.rows[0])[index])
        return fields

    outlook = mapped("roundcube__outlook.csv")
    assert outlook == {"emails": ["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"]}
    gmail = mapped("roundcube__gmail.csv")
    assert (gmail["name"], gmail["title"], gmail["organization"]) == (
        ["Name"], ["Organization 1 - Title"], ["Organization 1 - Name"])
    assert gmail["emails"] == [f"E-mail {n} - Value" for n in range(1, 5)]
    assert gmail["phones"] == [f"Phone {n} - Value" for n in range(1, 8)]
    everything = mapped("roundcube__all.csv")
    assert (everything["name"], everything["title"]) == (["Display Name"], ["Job Title"])
    assert everything["emails"] == ["Email Home", "Email Work", "Email Other"]
    assert {"Home Phone", "Business Phone 2", "Home Mobile", "Business Fax",
            "Assistant's Phone"} <= set(everything["phones"])


def test_a_real_gmail_csv_shows_each_bad_number_in_its_column(db: Database) -> None:
    plan = build_plan(db, REAL / "roundcube__gmail.csv")
    assert {n.column for n in plan.errors} == {"Phone 1 - Value"}, \
        "the first column whose number cannot be read (the row stops there)"


def test_odd_files_are_read_the_way_a_person_would(tmp_path: Path) -> None:
    """UTF-16 with its mark, a 2.1 AGENT's embedded card (not a contact of its own), a stray
    line between cards, a file cut off inside its last card, and a flood of unreadable lines
    (the first twenty are shown, then a count)."""
    path = tmp_path / "odd.vcf"
    path.write_bytes("\r\n".join([
        "BEGIN:VCARD", "VERSION:2.1", "FN:Luísa Diogo", "AGENT:", "BEGIN:VCARD", "VERSION:2.1",
        "FN:Her Assistant", "END:VCARD", "EMAIL:luisa@example.mz", "END:VCARD",
        "stray text between cards",
        "BEGIN:VCARD", "VERSION:3.0", "FN:Many Problems",
        *[f"garbage {n}" for n in range(25)], "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:Cut Off", "EMAIL:cut@exa"]).encode("utf-16"))
    with open_source(path) as source:
        assert (source.format, source.encoding) == ("vcf", "utf-16")
        table = source.read()
    assert [row[0] for row in table.rows] == ["Name", "Luísa Diogo", "Many Problems"]
    notes = [(w.row, w.message) for w in table.warnings]
    assert notes[0] == (None, "Line 11 of the file is outside any contact card and was "
                              "ignored: “stray text between cards”.")
    assert notes[1] == (None, "Line 41: the contact card of “Cut Off” that begins here has "
                              "no END:VCARD line, so it was not imported.")
    assert notes[2] == (3, "Line 15 of the file is not a vCard line and was ignored: "
                           "“garbage 0”.")
    assert len([n for n in notes if n[0] == 3]) == 19
    assert notes[-1] == (None, "6 more lines of the file could not be read and were ignored.")


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_a_skipped_photo_keeps_the_line_numbers_of_what_follows(tmp_path: Path,
                                                                 newline: str) -> None:
    """A photo's lines are passed over in one step (folded in 3.0, unindented base64 in 2.1,
    a blank line or a line of its own ending them), and what comes after is still reported at
    the line a person finds it on, with every kind of line break."""
    folded = ["PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ", " SkZJRgABAQ", "\tAAAQABAAD/", ""]
    unindented = ["PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ", "SkZJRgABAQ", "AAAQABAAD/", ""]
    lines = ["BEGIN:VCARD", "VERSION:3.0", "FN:Folded Photo", *folded, "garbage one",
             "EMAIL:folded@example.org", "END:VCARD",
             "BEGIN:VCARD", "VERSION:2.1", "FN:Unindented Photo", *unindented, "garbage two",
             "EMAIL:unindented@example.org", "END:VCARD"]
    path = tmp_path / "photos.vcf"
    path.write_bytes(newline.join(lines).encode() + newline.encode())
    with open_source(path) as source:
        table = source.read()
    header = table.rows[0]
    cards = [dict(zip(header, row, strict=True)) for row in table.rows[1:]]
    assert [(c["Name"], c["Emails"]) for c in cards] == [
        ("Folded Photo", "folded@example.org"), ("Unindented Photo", "unindented@example.org")]
    notes = [(w.row, w.message) for w in table.warnings]
    assert (2, "Line 8 of the file is not a vCard line and was ignored: “garbage one”.") in notes
    assert (3, "Line 18 of the file is not a vCard line and was ignored: “garbage two”.") in notes
    assert (None, "The photos on 2 cards were left out: Liaison does not keep pictures of "
                  "people.") in notes
