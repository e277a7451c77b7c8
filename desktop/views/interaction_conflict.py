"""Saving an interaction that a colleague saved meanwhile: its fields, participants and topics
as the user has them and as saved now, for the conflict dialog; and putting the user's
choices back into the editor on top of the saved version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from db.models.vocabulary import PARTICIPATION_ROLES
from db.services.interactions import InteractionRecord, ParticipantRecord
from db.services.timeline import record_names
from db.store.errors import ConflictError
from desktop.dialogs import conflict
from desktop.i18n import translate
from desktop.naming import country_names, display_name
from desktop.readable import EMPTY, INTERACTION_VOCABULARIES
from desktop.widgets.form import FieldSpec

if TYPE_CHECKING:
    from desktop.views.interaction_editor import InteractionEditor

ParticipantKey = tuple[str, str, str]  # (kind, id, role), as ParticipantsModel.key()


def detail_values(record: InteractionRecord) -> dict[str, Any]:
    return {"kind": record.kind, "title": record.title, "start": record.start,
            "end": record.end, "city": record.city, "country": record.country,
            "platform": record.platform, "tags": record.tags}


def text_values(record: InteractionRecord) -> dict[str, Any]:
    return {"summary": record.summary, "outcomes": record.outcomes, "notes": record.notes}


def participant_key(part: ParticipantRecord) -> ParticipantKey:
    if part.organization_id:
        return ("organization", part.organization_id, part.role)
    return ("person", part.person_id or "", part.role)


def ask(editor: InteractionEditor, exc: ConflictError, current: InteractionRecord,
        specs: Sequence[FieldSpec]) -> dict[str, Any] | None:
    """The user's values to save on top of `current` (participants as ParticipantKeys,
    topics as ids), or None when they cancel."""
    details, texts, participants = editor.details, editor.texts, editor.participants
    labels = {spec.key: translate("Fields", spec.label) for spec in specs}
    labels.update(participants=translate("InteractionConflict", "Participants"),
                  topics=translate("InteractionConflict", "Topics"))
    loaded = {**details.loaded, **texts.loaded, "participants": participants.loaded,
              "topics": sorted(editor.loaded_topics)}
    mine = {**details.values(), **texts.values(), "participants": participants.model.key(),
            "topics": sorted(editor.checked_topics())}
    theirs = {
        **conflict.form_values_of(details.specs, detail_values(current), editor.country_list),
        **conflict.form_values_of(texts.specs, text_values(current)),
        "participants": sorted(participant_key(p) for p in current.participants),
        "topics": editor.topics.ids_of(current.topics)}
    names = {row.id: participants.model.display(row) for row in participants.model.rows}
    found = record_names(editor.db, [p.organization_id for p in current.participants],
                         [p.person_id for p in current.participants])
    names.update({key: display_name(value, editor.preference) for key, value in found.items()})
    describe_field = conflict.describer(
        INTERACTION_VOCABULARIES, country_names(editor.country_list, editor.preference))

    def describe(field: str, value: Any) -> str:
        if field == "participants":
            return "; ".join(f"{names.get(record_id, record_id)} ({_role(role)})"
                             for _kind, record_id, role in value) or EMPTY
        if field == "topics":
            return "; ".join(editor.topics.name_of(t) for t in value) or EMPTY
        return describe_field(field, value)

    return conflict.settle(editor, "interaction", exc, labels, loaded, mine, theirs, describe)


def _role(role: str) -> str:
    term = PARTICIPATION_ROLES.get(role)
    return term.label().lower() if term is not None else role


def apply(editor: InteractionEditor, keep: Mapping[str, Any], mine_rows: Sequence[Any]) -> None:
    """Put the user's kept values back over the saved version now shown in the editor; the
    editor's baseline stays the saved version, so these are its edits to save."""
    for form in (editor.details, editor.texts):
        baseline = form.loaded
        form.set_values({**baseline, **{k: v for k, v in keep.items() if k in form.widgets}})
        form.loaded = baseline
    if "participants" in keep:
        editor.participants.model.set_rows(mine_rows)
    if "topics" in keep:
        editor.topics.tick(keep["topics"])
