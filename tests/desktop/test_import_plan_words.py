"""The import review names every kind of record in the user's words, the visits', events' and
level history's too, in English and in Chinese — never a raw key such as "programme item"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from db.exchange.imports.plan import RowPlan
from desktop import i18n
from desktop.qtmodels.import_plan import entity_noun, kind_name, kind_title, record_label


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    i18n.install("zh_CN")
    yield
    i18n.install("en")


KINDS = ("visits", "members", "programme", "gifts", "events", "sessions", "invitations",
         "delegates", "levels")
ENTITIES = ("visit", "visit member", "programme item", "gift", "event", "event session",
            "invitation", "delegate", "level change")


def test_every_kind_has_words_in_english(qapp: QApplication) -> None:
    i18n.install("en")
    assert [kind_title(kind) for kind in KINDS] == [
        "Visits", "Members of visits", "Programme items", "Gifts", "Events", "Sessions",
        "Invitations", "Delegates", "Level changes"]
    assert kind_name("programme") == "programme items"
    assert entity_noun("event session") == "session"
    assert entity_noun("visit member") == "member of a visit"


def test_and_in_chinese(chinese: None) -> None:
    for kind in KINDS:
        assert not kind_title(kind).isascii() and not kind_name(kind).isascii(), kind
    for entity in ENTITIES:
        assert not entity_noun(entity).isascii(), entity


def test_a_member_row_is_named_by_its_person(qapp: QApplication) -> None:
    row = RowPlan("members", 3, "visit member", "create", None,
                  {"person_id": "p1", "side": "guest"})
    assert record_label(row, {"p1": "Lê Hoài Trung"}) == "Lê Hoài Trung"
