"""A visit's briefing pack as a PDF (desktop/briefing.py, desktop/pdf_command.py): written
through `liaison export OUT.pdf --visit ID` and through the function, each counterpart's names
read back from the PDF (pdftotext) in Latin, Chinese and their own script — Arabic, Vietnamese,
Russian — the programme first and each profile on a page of its own, no folder or login name in
the file's metadata; a pack without a CJK font still made, with the warning to show."""

from __future__ import annotations

import getpass
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from db.cli.main import main as db_main
from db.services import affiliations, followups, programme, visits
from db.services.briefing import briefing_of
from db.store.engine import Database
from desktop import briefing as briefing_module
from desktop import i18n
from desktop.briefing import MISSING_CJK, print_briefing, write_pdf
from desktop.entry import main as liaison
from tests.db.factories import make_interaction, make_organization, make_person

START = date.today() + timedelta(days=14)
# Each counterpart's names: its own script, English, Chinese (with 民 and 一, which a CJK
# font draws with the glyphs of radicals, and "fi", which would be a ligature).
COUNTERPARTS = {
    "fln": ("جبهة التحرير الوطني", "National Liberation Front", "阿尔及利亚民族解放阵线"),
    "cpv": ("Đảng Cộng sản Việt Nam", "Communist Party of Vietnam", "越南共产党"),
    "er": ("Единая Россия", "United Russia", "统一俄罗斯党"),
    "head": ("عبد الكريم بن مبارك", "Abdelkrim Benmbarek Shafiq", "阿卜杜勒卡里姆"),
}
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(path: Path, *pages: int) -> str:
    """The PDF's text as a reader copies it, without the direction marks pdftotext adds."""
    options = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    found = subprocess.run(["pdftotext", "-layout", *options, str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    return BIDI_MARKS.sub("", found)


def pdf_info(path: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(path)], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command line speaks the environment's language: English here."""
    monkeypatch.setenv("LANGUAGE", "en")
    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture
def visit(sqlite_db: Database) -> str:
    """An outbound visit whose hosts write their names in Arabic, Vietnamese and Russian."""
    db = sqlite_db
    ours = make_organization(db, name="Partido dos Trabalhadores", country="BR")
    fln = make_organization(db, name=COUNTERPARTS["fln"][0], name_en=COUNTERPARTS["fln"][1],
                            name_zh=COUNTERPARTS["fln"][2], abbreviation="FLN", country="DZ",
                            kind="party", level="close")
    cpv = make_organization(db, name=COUNTERPARTS["cpv"][0], name_en=COUNTERPARTS["cpv"][1],
                            name_zh=COUNTERPARTS["cpv"][2], country="VN", kind="party")
    er = make_organization(db, name=COUNTERPARTS["er"][0], name_en=COUNTERPARTS["er"][1],
                           name_zh=COUNTERPARTS["er"][2], country="RU", kind="party")
    head = make_person(db, name=COUNTERPARTS["head"][0], name_en=COUNTERPARTS["head"][1],
                       name_zh=COUNTERPARTS["head"][2], nationality="DZ")
    ours_head = make_person(db, name="Gleisi Hoffmann", nationality="BR")
    affiliations.create_affiliation(db, {"person_id": head.id, "organization_id": fln.id,
                                         "role": "Secretary General", "start": "2023-03-01"})
    record = visits.create_visit(db, {
        "title": "PT delegation to Algeria", "direction": "outbound", "start": START,
        "end": START + timedelta(days=1), "country": "DZ", "host_id": fln.id,
        "guest_id": ours.id, "purpose": "Exchange on party building."})
    visits.add_member(db, record.id, {"person_id": ours_head.id, "side": "guest",
                                      "role": "head"})
    visits.add_member(db, record.id, {"person_id": head.id, "side": "host", "role": "head"})
    for org in (cpv.id, er.id):
        visits.add_member(db, record.id, {"organization_id": org, "side": "host"})
    programme.add_item(db, record.id, {"day": START, "kind": "talks", "starts": "10:00",
                                       "ends": "12:00", "title": "Talks with the FLN",
                                       "city": "Algiers"},
                       participants=[{"organization_id": fln.id}, {"person_id": head.id},
                                     {"person_id": ours_head.id}])
    programme.add_item(db, record.id, {"day": START + timedelta(days=1), "kind": "meeting",
                                       "title": "Meeting with the CPV", "starts": "09:30"},
                       participants=[{"organization_id": cpv.id}])
    make_interaction(db, organizations_=[fln.id, ours.id], title="Seminar on party building",
                     start=date.today() - timedelta(days=40))
    followups.create_followup(db, {"description": "Send the seminar report",
                                   "organization_id": fln.id,
                                   "due": date.today() + timedelta(days=7)})
    return record.id


def assert_every_name(text: str) -> None:
    for key, names in COUNTERPARTS.items():
        for name in names:
            assert name in text, f"{key}: {name!r} is not in the PDF's text"


def test_the_command_writes_every_name_in_every_script(
        sqlite_db: Database, sqlite_path: Path, visit: str, tmp_path: Path, english: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack.pdf"
    assert liaison(["--db", str(sqlite_path), "export", str(out), "--visit", visit]) == 0
    said = capsys.readouterr()
    assert said.out.strip() == (f"Wrote the briefing pack of “PT delegation to Algeria” "
                                f"(programme and 4 profiles) to {out}.")
    assert said.err == ""  # a CJK font was found: no warning
    assert_every_name(pdf_text(out))
    # The programme first, then each counterpart on a page of its own.
    assert "Programme" in pdf_text(out, 1) and "Talks with the FLN" in pdf_text(out, 1)
    assert "Pages:           5" in pdf_info(out)
    firsts = [pdf_text(out, page).strip().splitlines()[0].strip() for page in range(2, 6)]
    assert firsts == [COUNTERPARTS["fln"][0], COUNTERPARTS["cpv"][0], COUNTERPARTS["er"][0],
                      COUNTERPARTS["head"][0]]
    fln = pdf_text(out, 2)
    assert "Seminar on party building" in fln and "Send the seminar report" in fln
    assert "Secretary General" in fln and "Political party" in fln
    assert not list(tmp_path.glob("*.part"))


def test_the_function_writes_the_same_with_clean_metadata(
        sqlite_db: Database, visit: str, tmp_path: Path, english: None) -> None:
    out = tmp_path / "function.pdf"
    assert write_pdf(briefing_of(sqlite_db, visit), out) is None
    assert_every_name(pdf_text(out))
    info = pdf_info(out) + pdf_info(out, "-meta")
    assert "Title:           PT delegation to Algeria" in info
    assert "Creator:         Liaison" in info
    assert re.search(r"Author: *\n", info)
    for private in (str(tmp_path), tmp_path.name, "/tmp", getpass.getuser(), str(Path.home())):
        assert private not in info, f"{private!r} is in the PDF's metadata"
    assert str(tmp_path).encode() not in out.read_bytes()


def test_printing_to_a_pdf_printer_reads_back_too(
        sqlite_db: Database, visit: str, tmp_path: Path, english: None) -> None:
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert print_briefing(briefing_of(sqlite_db, visit), printer) is None
    assert_every_name(pdf_text(out))
    assert "Creator:         Liaison" in pdf_info(out)


def test_without_a_cjk_font_the_pack_is_made_and_says_what_to_install(
        sqlite_db: Database, sqlite_path: Path, visit: str, tmp_path: Path, english: None,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(briefing_module, "cjk_family", lambda families=None: None)
    out = tmp_path / "no-cjk.pdf"
    assert write_pdf(briefing_of(sqlite_db, visit), out) == MISSING_CJK
    assert COUNTERPARTS["cpv"][0] in pdf_text(out)
    assert liaison(["--db", str(sqlite_path), "export", str(out), "--visit", visit]) == 0
    assert capsys.readouterr().err.strip() == ("Chinese names need a CJK font: install "
                                               "fonts-noto-cjk.")


def test_a_chinese_interface_makes_a_chinese_pack(
        sqlite_db: Database, visit: str, tmp_path: Path, qapp: QApplication) -> None:
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        out = tmp_path / "zh.pdf"
        write_pdf(briefing_of(sqlite_db, visit), out)
        text = pdf_text(out)
    finally:
        i18n.install("en")
    assert "政党" in text and "阿尔及利亚" in text  # the kind, the country
    assert f"{START.year}年{START.month}月{START.day}日" in text
    assert_every_name(text)


def test_the_commands_errors_are_one_sentence(
        sqlite_db: Database, sqlite_path: Path, visit: str, tmp_path: Path, english: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--db", str(sqlite_path), "export"]
    assert liaison([*base, str(tmp_path / "a.pdf"), "--visit", "no-such-visit"]) == 1
    assert capsys.readouterr().err.strip() == "There is no visit with id no-such-visit."
    assert liaison([*base, str(tmp_path / "a.pdf")]) == 2
    assert "--visit" in capsys.readouterr().err
    assert liaison([*base, str(tmp_path / "missing" / "a.pdf"), "--visit", visit]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists()
    # db's own command line, reached without the entry point, points to it.
    assert db_main([*base, str(tmp_path / "b.pdf")]) == 1
    assert "liaison export" in capsys.readouterr().err
    # An export to a workbook still goes to db's command line.
    assert liaison([*base, str(tmp_path / "c.xlsx")]) == 0
    assert (tmp_path / "c.xlsx").is_file()


def test_asking_whether_a_command_is_the_pdf_export_loads_no_qt() -> None:
    script = ("import sys\nfrom desktop import pdf_command\n"
              "print(pdf_command.wanted(['export', 'x.pdf', '--visit', '1']),"
              " pdf_command.wanted(['--db', 'a', 'export', '--visit', '1', 'x.pdf']),"
              " pdf_command.wanted(['export', 'x.xlsx']), pdf_command.wanted(['stats']),"
              " 'PySide6' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True).stdout
    assert found.split() == ["True", "True", "False", "False", "False"]
