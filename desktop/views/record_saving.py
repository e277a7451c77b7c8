"""Saving a record page (organization or person): only the changed fields, against the
version that was loaded; a colleague's save meanwhile settled field by field in the conflict
dialog, never losing the user's edits; and, for a new record, the look-alike check before it
is created."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from db.store.errors import ConflictError, LiaisonError, NotFound, ValidationFailed
from desktop.dialogs import conflict, similar
from desktop.errors import show_problem
from desktop.i18n import translate

if TYPE_CHECKING:
    from desktop.views.record_page import RecordPage


def present(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values the user filled in (what a new record is created from)."""
    return {k: v for k, v in values.items() if v not in (None, "", [])}


def save(page: RecordPage) -> bool:
    """Save the page's form; True when everything is saved. Problems appear beside their
    fields; a conflict keeps the edits in the form and says what changed meanwhile."""
    if page.is_deleted:
        return False
    if page.record is None:
        return create(page)
    changes = page.form.changed_values()
    if not changes:
        return True
    try:
        record = page.update_record(changes, page.record.version)
    except ValidationFailed as exc:
        page.form.show_problems(exc.problems)
        return False
    except ConflictError as exc:
        return settle_conflict(page, exc)
    except LiaisonError as exc:
        show_problem(page, exc)
        return False
    saved(page, record)
    return True


def settle_conflict(page: RecordPage, exc: ConflictError) -> bool:
    """Someone saved the record since it was loaded: the user chooses per field between
    their value and the saved one, and the choices are saved on top of the new version.
    Cancelled, nothing is written and the edits stay in the form."""
    assert page.record_id is not None
    try:
        current = page.fetch(page.record_id)
    except NotFound:
        show_problem(page, exc)  # deleted meanwhile: the edits stay, the form locks
        page._show_deleted()
        return False
    describe = conflict.describer(country_names=page.country_names)
    keep = conflict.settle_form(page, page.noun, exc, page.form, page.form_values(current),
                                describe, page.countries)
    if keep is None:
        page.banner.show_message(
            page.text("conflict").format(who=conflict.who_changed(exc.changes)),
            [(translate("RecordPage", "Compare and save…"), page.save),
             (translate("RecordPage", "Reload, keep my edits"),
              lambda: page.reload(keep_edits=True)),
             (translate("RecordPage", "Reload, discard my edits"),
              lambda: page.reload(keep_edits=False))])
        return False
    page._loaded(current)
    baseline = page.form.loaded
    page.form.set_values({**baseline, **keep})
    page.form.loaded = baseline
    page._form_changed()
    return page.save()  # on top of the version just loaded (asks again if it moved too)


def create(page: RecordPage) -> bool:
    """A new record from the form, once the user has seen the look-alikes (if any) and
    chosen to create it."""
    data = present(page.form.values())
    candidates = page.find_similar(data)
    if candidates:
        choice = similar.ask_about_similar(page, candidates, page.country_names)
        existing = similar.opened_id(choice)
        if existing is not None:
            page.open_existing(existing)
            page.form.loaded = page.form.values()  # nothing to ask about any more
            QTimer.singleShot(0, page.close)
            return False
        if choice != similar.CREATE:
            return False
    try:
        record = page.create_record(data)
    except ValidationFailed as exc:
        page.form.show_problems(exc.problems)
        return False
    except LiaisonError as exc:
        show_problem(page, exc)
        return False
    # From now on the main window finds this window under the record's id.
    page.context.windows[(page.entity, record.id)] = page
    key = (page.entity, record.id)
    page.destroyed.connect(lambda *_: page.context.windows.pop(key, None))
    saved(page, record)
    return True


def saved(page: RecordPage, record: Any) -> None:
    page._loaded(record)
    page.banner.hide()
    page.statusBar().showMessage(translate("RecordPage", "Saved."), 4000)
    page.context.notify(page.entity, record.id)
