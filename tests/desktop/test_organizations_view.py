"""The organizations list: lazy pages, SQL-side filters that combine, delete with undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.services import organizations
from desktop.context import AppContext
from desktop.qtmodels.paged import PagedTableModel
from desktop.views.organizations import OrganizationsView
from tests.db.factories import make_interaction, make_organization
from tests.desktop.conftest import RecordedMessages
from tests.desktop.helpers import settle


def names(view: OrganizationsView) -> list[str]:
    return [view.model.record(row).name for row in range(view.model.rowCount())]


@pytest.fixture
def view(context: AppContext, qtbot: QtBot) -> OrganizationsView:
    recent = (date.today() - timedelta(days=30)).isoformat()
    kenya = make_organization(context.database, name="Jubilee Party", country="KE")
    make_organization(context.database, name="Parti Socialiste", country="FR", kind="party")
    make_organization(context.database, name="Institut Montaigne", country="FR", kind="think_tank")
    make_organization(context.database, name="Partido dos Trabalhadores", abbreviation="PT",
                      country="BR")
    make_interaction(context.database, organizations_=[kenya.id], start=recent)
    widget = OrganizationsView(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    settle()
    return widget


def test_model_is_a_well_behaved_qt_model(view: OrganizationsView, qtmodeltester: object) -> None:
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_lazy_pages_cover_many_rows(context: AppContext, qtmodeltester: object) -> None:
    for number in range(450):
        organizations.create_organization(context.database, {"name": f"Party {number:03d}"})
    view = OrganizationsView(context)
    model = view.model
    assert isinstance(model, PagedTableModel)
    settle()  # the first page is read on the database worker
    assert model.rowCount() == 450 and len(model.pages) == 1
    assert model.record(449) is None  # not read yet: asked of the worker
    settle()
    assert model.record(449).name == "Party 449" and len(model.pages) == 2
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_filters_combine(view: OrganizationsView, qtbot: QtBot) -> None:
    assert view.model.rowCount() == 4
    view.panel.check(view.panel.regions, ("Europe",))
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert set(names(view)) == {"Parti Socialiste", "Institut Montaigne"}
    view.panel.check(view.panel.kinds, ("think_tank",))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert names(view) == ["Institut Montaigne"]
    view.panel.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    view.panel.dormant.setChecked(True)  # no contact for 12 months
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert "Jubilee Party" not in names(view)
    assert view.count.text() == "3 organizations"


def test_typing_filters_by_any_name(view: OrganizationsView, qtbot: QtBot) -> None:
    qtbot.keyClicks(view.query, "pt")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert names(view) == ["Partido dos Trabalhadores"]


def test_sorting_by_header_happens_in_sql(view: OrganizationsView) -> None:
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # country
    settle()
    countries = [view.model.record(r).country_name for r in range(view.model.rowCount())]
    assert countries == sorted(countries, reverse=True)


def test_delete_asks_and_undo_restores(view: OrganizationsView, context: AppContext,
                                       recorded: RecordedMessages) -> None:
    view.table.selectRow(0)
    first = view.selected()
    assert first is not None
    recorded.confirm_answer = False
    view.delete_selected()
    settle()
    assert view.model.rowCount() == 4
    recorded.confirm_answer = True
    view.delete_selected()
    settle()
    assert view.model.rowCount() == 3
    assert first.name in recorded.texts("confirm")[-1]
    context.undo_stack.undo()
    settle()
    assert view.model.rowCount() == 4
    assert organizations.get_organization(context.database, first.id).deleted_at is None
    context.undo_stack.redo()
    settle()
    assert view.model.rowCount() == 3


def test_a_choice_list_ticks_on_a_row_click_and_the_button_says_what_is_chosen(
        view: OrganizationsView, qtbot: QtBot) -> None:
    button = view.panel.buttons[0]
    assert button.text() == "Region: any"
    regions = view.panel.regions
    europe = next(regions.item(i) for i in range(regions.count())
                  if regions.item(i).data(Qt.ItemDataRole.UserRole) == "Europe")
    where = regions.visualItemRect(europe).center()
    qtbot.mouseClick(regions.viewport(), Qt.MouseButton.LeftButton, pos=where)  # on the name
    assert europe.checkState() == Qt.CheckState.Checked
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert button.text() == "Region: Europe"
    qtbot.mouseClick(regions.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert europe.checkState() == Qt.CheckState.Unchecked
    assert button.text() == "Region: any"


def test_enter_never_picks_between_two_exact_matches(context: AppContext, qtbot: QtBot) -> None:
    from desktop.widgets.record_picker import RecordPicker

    make_organization(context.database, name="Communist Party of China", abbreviation="CPC",
                      country="CN")
    make_organization(context.database, name="Conservative Party of Canada", abbreviation="CPC",
                      country="CA")
    unique = make_organization(context.database, name="Frelimo", country="MZ")
    picker = RecordPicker(context.database)
    qtbot.addWidget(picker)
    picked: list[object] = []
    picker.picked.connect(picked.append)
    qtbot.keyClicks(picker, "CPC")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert picked == [] and len(picker.hits) == 2
    picker.clear()
    qtbot.keyClicks(picker, "frelimo")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert [getattr(hit, "id", None) for hit in picked] == [unique.id]


def test_changing_the_preferred_script_updates_the_open_list_at_once(
        context: AppContext, qtbot: QtBot) -> None:
    """Settings ▸ Show names in: the open list shows, and sorts, the names in the new script
    at once — no restart — and its country column follows."""
    from desktop import settings

    for name, name_zh, country in (("Partido Comunista de Cuba", "古巴共产党", "CU"),
                                   ("Đảng Cộng sản Việt Nam", "越南共产党", "VN"),
                                   ("African National Congress", "南非非洲人国民大会", "ZA")):
        make_organization(context.database, name=name, name_zh=name_zh, country=country)
    view = OrganizationsView(context)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert names(view) == ["African National Congress", "Đảng Cộng sản Việt Nam",
                           "Partido Comunista de Cuba"]
    settings.set_name_preference("zh")
    context.notify("*")  # what the Settings dialog does on OK

    def shown() -> list[str]:
        return [view.model.index(row, 0).data() for row in range(view.model.rowCount())]

    qtbot.waitUntil(lambda: shown()[0] == "古巴共产党")
    assert shown() == ["古巴共产党", "南非非洲人国民大会", "越南共产党"]  # gu, nan, yue
    country = [c.key for c in view.model.columns].index("country")
    assert view.model.index(0, country).data() == "古巴"
