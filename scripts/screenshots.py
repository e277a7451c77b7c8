"""Render Liaison's main screens offscreen and save PNGs for the README.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR] [--language zh_CN]

OUT_DIR defaults to docs/screenshots. In Chinese (`--language zh_CN`, names shown in Chinese
first) each file's name ends in -zh; both sets are committed and shown side by side in the
README (Chinese text needs a CJK font: Debian's fonts-noto-cjk; the starter register's names
in Devanagari, Khmer and other scripts need fonts-noto-core, or they show as boxes). The
screens show a throwaway database holding the small demo data (seed 1) and the starter
register of world parties, at 1280×800 (dialogs at a size that shows them whole; none is
exec()'d: each is shown, grabbed and closed). Window state goes to a temporary QSettings
folder, so the user's own settings are neither read nor written.
Each file name is printed with its size; keep them small, they are committed."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (1280, 800)
PALETTE_ABOVE = 150_000  # bytes: a larger full-colour PNG is saved with a 256-colour palette
KEEP_UNDER = 250_000  # bytes: a warning is printed above this


class Screens:
    def __init__(self, app: Any, out: Path, suffix: str = "") -> None:
        self.app = app
        self.out = out
        self.suffix = suffix  # "-zh" for the Chinese set
        self.saved: list[Path] = []

    def wait(self, ready: Callable[[], bool] = lambda: True, timeout: float = 20.0) -> None:
        """Let Qt lay out, paint and finish background jobs until `ready` holds."""
        from PySide6.QtTest import QTest

        deadline = time.monotonic() + timeout
        QTest.qWait(30)
        while not ready():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen never became ready")
            QTest.qWait(20)
        QTest.qWait(60)

    def save(self, name: str, image: Any) -> None:
        path = self.out / f"{name}{self.suffix}.png"
        # quality 0 asks Qt's PNG writer for its strongest compression (lossless either way)
        if not image.save(str(path), "PNG", 0):
            raise OSError(f"could not write {path}")
        note = ""
        if path.stat().st_size > PALETTE_ABOVE:
            if not with_palette(image).save(str(path), "PNG", 0):
                raise OSError(f"could not write {path}")
            note = "  (256 colours)"
        size = path.stat().st_size
        if size > KEEP_UNDER:
            note += "  (still large: consider a smaller screen)"
        print(f"{path}  {image.width()}×{image.height()}  {size / 1024:.0f} KB{note}")
        self.saved.append(path)

    def grab(self, name: str, widget: Any) -> None:
        self.wait()
        self.save(name, widget.grab().toImage())

    def grab_with_popup(self, name: str, window: Any, popup: Any) -> None:
        """A popup is a window of its own, so window.grab() leaves it out: draw the popup's
        own grab onto the window's, where the screen shows it."""
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QPainter

        self.wait(popup.isVisible)
        image = window.grab().toImage()
        painter = QPainter(image)
        offset = popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        painter.drawImage(offset, popup.grab().toImage())
        painter.end()
        self.save(name, image)


def with_palette(image: Any) -> Any:
    """The image with its 256 most frequent colours: exact for flat widgets, and only the
    rarest anti-aliasing shades of text move to their nearest neighbour. Qt's own 8-bit
    conversion would shift the window's grey itself."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = bytes(rgb.constBits())
    counts = Counter(pixels[i:i + 4] for i in range(0, len(pixels), 4))
    table = [int.from_bytes(colour, "little") | 0xFF000000
             for colour, _ in counts.most_common(256)]
    return rgb.convertToFormat(QImage.Format.Format_Indexed8, table,
                               Qt.ImageConversionFlag.ThresholdDither
                               | Qt.ImageConversionFlag.AvoidDither)


def busiest_organization(db: Any) -> str:
    from db.services.organizations import OrganizationFilter, list_organizations

    page = list_organizations(db, OrganizationFilter(), sort="interaction_count",
                              descending=True, limit=1)
    return page.items[0].id


def busiest_person_with_positions(db: Any) -> str:
    from db.services.affiliations import list_affiliations
    from db.services.people import PersonFilter, list_people

    people = list_people(db, PersonFilter(), sort="interaction_count", descending=True,
                         limit=50).items
    for person in people:
        if list_affiliations(db, person_id=person.id, current_only=True):
            return person.id
    return people[0].id


def rich_interaction(db: Any) -> str:
    """An interaction with a follow-up, several participants and topics: the editor at its
    fullest."""
    from db.services.followups import list_followups
    from db.services.interactions import get_interaction
    from db.services.organizations import get_organization

    followups = list_followups(db, open_only=False, limit=1000).items
    best: tuple[tuple[int, ...], str] | None = None
    for interaction_id in {f.interaction_id for f in followups if f.interaction_id}:
        record = get_interaction(db, interaction_id)
        people = sum(1 for p in record.participants if p.person_id)
        parties = sum(1 for p in record.participants if p.organization_id
                      and get_organization(db, p.organization_id).kind == "party")
        score = (min(len(record.participants), 4) + min(people, 1) + min(parties, 2)
                 + min(len(record.topics), 2) + (1 if record.summary and record.outcomes else 0)
                 + (1 if record.kind in ("inbound_visit", "outbound_visit", "talks") else 0),
                 record.start.toordinal())
        if best is None or score > best[0]:
            best = (score, record.id)
    assert best is not None, "the demo data has no follow-up from an interaction"
    return best[1]


# A colleague's list for the import wizard: a title above the header, a numbering column,
# Chinese headers; most parties are in the starter register already (with Wikipedia links for
# websites and no relationship level), three are new.
PARTNER_LIST = [
    ["序号", "政党名称", "简称", "国家", "类型", "关系级别", "网址", "备注"],
    [1, "Partido dos Trabalhadores", "PT", "巴西", "政党", "密切伙伴", "https://pt.org.br",
     "执政党；2023年10月来访"],
    [2, "African National Congress", "ANC", "南非", "政党", "战略伙伴",
     "https://www.anc1912.org.za", None],
    [3, "Frente de Libertação de Moçambique", "FRELIMO", "莫桑比克", "政党", "密切伙伴",
     "https://www.frelimo.org.mz", None],
    [4, "Zimbabwe African National Union – Patriotic Front", "ZANU-PF", "津巴布韦", "政党",
     "密切伙伴", "https://www.zanupf.org.zw", "2024年青年干部研修班"],
    [5, "South West Africa People's Organization", "SWAPO", "纳米比亚", "政党", "经常联系",
     "https://www.swapoparty.org", None],
    [6, "Juventude do PT", "JPT", "巴西", "青年组织", "初步接触", None, "2024年5月来访"],
    [7, "Fundação Perseu Abramo", "FPA", "Brazil", "智库", "经常联系", "https://fpabramo.org.br",
     "劳工党基金会"],
    [8, "Instituto Lula", None, "BR", "智库", "初步接触", "https://institutolula.org", None],
    [9, "Frente Sandinista de Liberación Nacional", "FSLN", "尼加拉瓜", "政党", "经常联系",
     None, None],
]
WIZARD_SIZE = (1100, 760)
MERGE_SIZE = (880, 600)
DUPLICATES_SIZE = (900, 440)


def busiest_visit(db: Any) -> str:
    """The visit with the longest programme."""
    from sqlalchemy import func, select

    from db.models import ProgrammeItem

    with db.reading() as session:
        return str(session.execute(
            select(ProgrammeItem.visit_id).where(ProgrammeItem.deleted_at.is_(None))
            .group_by(ProgrammeItem.visit_id).order_by(func.count().desc(),
                                                        ProgrammeItem.visit_id)
            .limit(1)).scalar_one())


def visit_screens(screens: Screens, context: Any, db: Any) -> None:
    from desktop.views.visit_page import VisitPage

    page = context.open_visit(busiest_visit(db))
    assert isinstance(page, VisitPage)
    page.resize(*SIZE)
    screens.grab("visit-page", page)
    page.tabs.setCurrentWidget(page.programme)
    screens.wait(lambda: page.programme.tree.model().rowCount() > 0)
    screens.grab("visit-programme", page)
    page.tabs.setCurrentWidget(page.members)
    screens.grab("visit-delegations", page)
    page.tabs.setCurrentWidget(page.gifts)
    screens.grab("visit-gifts", page)


def busiest_event(db: Any) -> str:
    """The event with the most invitations: the demo's high-level meeting."""
    from sqlalchemy import func, select

    from db.models import Invitation

    with db.reading() as session:
        return str(session.execute(
            select(Invitation.event_id).where(Invitation.deleted_at.is_(None))
            .group_by(Invitation.event_id).order_by(func.count().desc(), Invitation.event_id)
            .limit(1)).scalar_one())


def event_screens(screens: Screens, window: Any, context: Any, db: Any) -> None:
    """The Events list, and the busiest event's At a glance and Invitations tabs."""
    from desktop.views.event_page import EventPage
    from desktop.views.events import EventsView
    from desktop.windows.main_window import VIEWS

    window.navigation.setCurrentRow([entry.key for entry in VIEWS].index("events"))
    events = window.view("events")
    assert isinstance(events, EventsView)
    screens.wait(lambda: events.model.rowCount() > 0)
    screens.grab("events", window)

    page = context.open_event(busiest_event(db))
    assert isinstance(page, EventPage)
    page.resize(*SIZE)
    page.tabs.setCurrentWidget(page.glance)
    screens.wait(lambda: page.glance.glance is not None)
    screens.grab("event-page", page)
    page.tabs.setCurrentWidget(page.invitations)
    screens.wait(lambda: page.invitations.model.rowCount() > 0)
    page.invitations.table.select_rows([1, 2])  # two accepted: the reply buttons come alive
    screens.grab("event-invitations", page)


def levels_screen(screens: Screens, page: Any) -> None:
    """An organization page's Level tab, once its history has arrived."""
    page.tabs.setCurrentWidget(page.levels_tab)
    levels = page.levels_tab
    screens.wait(lambda: levels.answer is None and levels.model.rowCount() > 0)
    screens.grab("organization-levels", page)


def duplicate_screens(screens: Screens, window: Any, context: Any, db: Any) -> None:
    """The merge dialog for the best pair the duplicate scan finds among organizations, and
    Tools ▸ Find duplicates… after its scan, showing the first pair. Nothing is merged."""
    from db.services.duplicates import scan_duplicates
    from desktop.dialogs.duplicates import DuplicatesDialog
    from desktop.dialogs.merge_records import MergeRecordsDialog

    pair = scan_duplicates(db, "organization")[0]
    merge = MergeRecordsDialog(context, "organization", pair.first_id, pair.second_id, window)
    merge.resize(*MERGE_SIZE)
    merge.show()
    screens.wait(lambda: merge.view is not None and merge.answer is None)
    screens.grab("merge-records", merge)
    merge.close()

    dialog = DuplicatesDialog(context, window)
    dialog.resize(*DUPLICATES_SIZE)
    dialog.show()
    dialog.scan()
    screens.wait(lambda: dialog.view is not None and dialog.answer is None)
    screens.grab("duplicates", dialog)
    dialog.close()


def write_partner_list(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "联络名单"
    sheet.append(["拉美及非洲合作政党联络名单（2024年更新）"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for row in PARTNER_LIST:
        sheet.append(row)
    book.save(path)
    return path


def import_wizard_screens(screens: Screens, context: Any, folder: Path) -> None:
    """The import wizard's Columns page (with "update" chosen for parties already in
    Liaison) and its Review page. Nothing is imported."""
    from PySide6.QtWidgets import QWizard

    from desktop.dialogs.import_wizard.wizard import CHECK, COLUMNS, HEADER, REVIEW, ImportWizard

    wizard = ImportWizard(context)
    wizard.resize(*WIZARD_SIZE)
    wizard.show()

    def forward(page: int) -> None:
        wizard.button(QWizard.WizardButton.NextButton).click()
        screens.wait(lambda: wizard.currentId() == page)

    partner_list = write_partner_list(folder / "拉美及非洲合作政党联络名单.xlsx")
    wizard.file_page.open_path(str(partner_list))
    forward(HEADER)
    forward(COLUMNS)
    wizard.columns_page.policy_buttons["update"].click()
    screens.grab("import-mapping", wizard)
    forward(CHECK)
    forward(REVIEW)
    screens.grab("import-review", wizard)
    wizard.close()


def platform_arguments(folder: Path) -> list[str]:
    """The offscreen platform's screen is 800×800 by default: popups placed near the right of
    a 1280-wide window would be pushed left to stay on it. Give it a 1920×1200 screen."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return []  # a real (or Xvfb) screen
    config = folder / "offscreen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": 1920, "height": 1200,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return ["-platform", f"offscreen:configfile={config}"]


def main() -> int:
    import argparse

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--language", choices=["en", "zh_CN"], default="en")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liaison-screens-") as name:
        folder = Path(name)
        # Before any QSettings object exists: window state stays in the throwaway folder.
        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder / "settings"))
        app = QApplication([sys.argv[0], *platform_arguments(folder)])
        app.setApplicationName("Liaison")
        app.setOrganizationName("Liaison")
        app.setApplicationDisplayName("Liaison")
        from desktop import i18n

        language = i18n.install(args.language)
        if language != args.language:
            raise SystemExit(f"the {args.language} catalog could not be loaded")
        screens = Screens(app, out, "-zh" if language == "zh_CN" else "")

        from db.seed.demo import generate_demo
        from db.seed.opening import open_database
        from db.seed.starter import run_starter
        from desktop import settings
        from desktop.dialogs.first_start import FirstStartDialog
        from desktop.views.interaction_editor import InteractionEditor
        from desktop.views.organization_page import OrganizationPage
        from desktop.views.organizations import OrganizationsView
        from desktop.windows.main_window import VIEWS, MainWindow
        from desktop.windows.record_pages import new_context

        settings.set_officer_name("Li Wei")
        if language == "zh_CN":
            settings.set_name_preference("zh")
        db = open_database(folder / "liaison.sqlite3")
        for _ in generate_demo(db, "small", seed=1):  # demo wants an empty database: first
            pass
        run_starter(db)
        context = new_context(db)

        dialog = FirstStartDialog()
        dialog.show()
        screens.grab("first-start", dialog)
        dialog.close()

        window = MainWindow(context)
        window.resize(*SIZE)
        window.show()
        screens.wait(lambda: any(ch.isdigit() for ch in window.status_label.text()))

        organizations = window.view("organizations")
        assert isinstance(organizations, OrganizationsView)
        organizations.panel.check(organizations.panel.regions, ("Africa",))  # English key
        organizations.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)  # busiest first
        screens.grab("organizations", window)

        rows = [entry.key for entry in VIEWS]
        for key in ("people", "interactions", "visits", "followups"):
            window.navigation.setCurrentRow(rows.index(key))
            screens.grab(key, window)

        window.navigation.setCurrentRow(0)
        window.search.setFocus()
        window.search.setText("人民党")  # what a Chinese input method commits
        window.search.refresh()
        screens.grab_with_popup("search", window, window.search.matches)
        window.search.matches.hide()
        window.search.clear()

        organization_id = busiest_organization(db)
        page = context.open_organization(organization_id)
        assert isinstance(page, OrganizationPage)
        page.resize(*SIZE)
        screens.grab("organization-profile", page)
        page.tabs.setCurrentWidget(page.timeline_tab)
        screens.grab("organization-timeline", page)
        levels_screen(screens, page)

        person = context.open_person(busiest_person_with_positions(db))
        person.resize(*SIZE)
        screens.grab("person", person)

        editor = context.open_interaction(rich_interaction(db))
        assert isinstance(editor, InteractionEditor)
        editor.resize(*SIZE)
        screens.grab("interaction-editor", editor)

        visit_screens(screens, context, db)
        event_screens(screens, window, context, db)
        import_wizard_screens(screens, context, folder)
        duplicate_screens(screens, window, context, db)

        for widget in context.open_windows():
            widget.close()
        window.close()
        context.wait_for_jobs()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
