"""The words of the import wizard's Review page: the one-paragraph summary of what the import
will do, the note on conflicting fields, the box for the records removed from the file, and
what the page says when nothing would be written."""

from __future__ import annotations

from collections import Counter
from html import escape

from db.exchange.imports.plan import Plan, PolicyPreview
from desktop.dialogs.import_wizard.step import counted
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.qtmodels.import_plan import ConflictChoices

# How many records of a kind: one and many (translated where shown: plural).
PLURALS = {"organization": (QT_TRANSLATE_NOOP("ImportReview", "1 organization"),
                            QT_TRANSLATE_NOOP("ImportReview", "{n:,} organizations")),
           "person": (QT_TRANSLATE_NOOP("ImportReview", "1 person"),
                      QT_TRANSLATE_NOOP("ImportReview", "{n:,} people")),
           "position": (QT_TRANSLATE_NOOP("ImportReview", "1 position"),
                        QT_TRANSLATE_NOOP("ImportReview", "{n:,} positions")),
           "interaction": (QT_TRANSLATE_NOOP("ImportReview", "1 interaction"),
                           QT_TRANSLATE_NOOP("ImportReview", "{n:,} interactions")),
           "followup": (QT_TRANSLATE_NOOP("ImportReview", "1 follow-up"),
                        QT_TRANSLATE_NOOP("ImportReview", "{n:,} follow-ups"))}
# What the import does with the rows of an action, in the summary ({records}: “4 organizations,
# 1 person”).
SUMMARY_PHRASES = {
    "create": QT_TRANSLATE_NOOP("ImportReview", "<b>{records}</b> to create"),
    "update": QT_TRANSLATE_NOOP("ImportReview", "<b>{records}</b> to update"),
    "unchanged": QT_TRANSLATE_NOOP("ImportReview", "{records} already in Liaison and unchanged"),
    "skip": QT_TRANSLATE_NOOP("ImportReview", "{records} skipped"),
    "error": QT_TRANSLATE_NOOP("ImportReview", "{records} not imported because of errors"),
}


def plural(count: int, entity: str) -> str:
    """“1 organization”, “4 organizations”."""
    if entity not in PLURALS:
        return f"{count:,} {entity}"
    one, many = PLURALS[entity]
    return counted(count, translate("ImportReview", one), translate("ImportReview", many))


def fields_text(count: int) -> str:
    return counted(count, translate("ImportReview", "1 field"),
                   translate("ImportReview", "{n:,} fields"))


def summary(plan: Plan) -> str:
    """What the import will do, in one paragraph of rich text."""
    tally: Counter[tuple[str, str]] = Counter((row.entity, row.action) for row in plan.rows)
    entities = list(dict.fromkeys(row.entity for row in plan.rows))

    def phrase(action: str) -> str:
        return ", ".join(plural(tally[(e, action)], e) for e in entities if tally[(e, action)])

    def part(action: str, sentence: str) -> None:
        if phrase(action):
            parts.append(translate("ImportReview", sentence).format(records=phrase(action)))

    parts: list[str] = []
    part("create", SUMMARY_PHRASES["create"])
    part("update", SUMMARY_PHRASES["update"])
    deleting = plan.options.apply_deletions
    if deleting:
        part("delete", QT_TRANSLATE_NOOP("ImportReview",
                                         "<b>{records}</b> to delete (removed from the file)"))
    for action in ("unchanged", "skip", "error"):
        part(action, SUMMARY_PHRASES[action])
    open_fields = sum(len(row.conflicts) for row in plan.conflicts)
    if open_fields:
        parts.append(counted(
            open_fields, translate("ImportReview",
                                   "1 field in conflict, left as Liaison has it"),
            translate("ImportReview", "{n:,} fields in conflict, left as Liaison has them")))
    if not deleting:
        part("delete", QT_TRANSLATE_NOOP("ImportReview", "{records} removed from the file — "
                                         "not deleted unless you tick the box"))
    return translate("ImportReview", "<b>{file}</b>: {parts}.").format(
        file=escape(plan.file_name),
        parts="; ".join(parts) or translate("ImportReview", "no rows"))


def conflicts_note(plan: Plan, choices: ConflictChoices) -> tuple[str, str] | None:
    """The note above the list on the conflicting fields, and its style ("warning" while some
    are open, "info" once every one is settled); None when the file has none."""
    known = choices.known
    open_fields = sum(len(row.conflicts) for row in plan.conflicts)
    if open_fields:
        records = counted(len(plan.conflicts), translate("ImportReview", "1 record"),
                          translate("ImportReview", "{n:,} records"))
        text = translate(
            "ImportReview", "{fields} in {records} changed both in the file and in Liaison "
            "since the export. Everything else is imported; this field stays as Liaison has "
            "it until you pick a value. Select a conflict (or its row) and click “Use the "
            "file's value” or “Keep Liaison's value”, or choose for all of them below the "
            "list.") if open_fields == 1 else translate(
            "ImportReview", "{fields} in {records} changed both in the file and in Liaison "
            "since the export. Everything else is imported; these fields stay as Liaison has "
            "them until you pick a value. Select a conflict (or its row) and click “Use the "
            "file's value” or “Keep Liaison's value”, or choose for all of them below the "
            "list.")
        return text.format(fields=fields_text(open_fields), records=records), "warning"
    if known:
        from_file = sum(1 for key in known if choices.pick(key) == "file")
        kept = len(known) - from_file
        taken = counted(from_file, translate("ImportReview", "1 field takes the file's value"),
                        translate("ImportReview", "{n:,} fields take the file's value"))
        keeping = counted(kept, translate("ImportReview", "1 keeps Liaison's"),
                          translate("ImportReview", "{n:,} keep Liaison's"))
        return translate(
            "ImportReview", "Every conflict is settled: {taken}, {kept}. Select one to change "
            "your mind.").format(taken=taken, kept=keeping), "info"
    return None


def deletions_label(count: int) -> str:
    """The box that deletes the records removed from the file."""
    return (translate("ImportReview", "Also &delete the {n:,} records removed from the file "
                      "(they go to the deleted records and can be restored)").format(n=count)
            if count != 1 else
            translate("ImportReview", "Also &delete the record removed from the file (it goes "
                      "to the deleted records and can be restored)"))


def nothing_written(plan: Plan, preview: PolicyPreview | None) -> str | None:
    """Why the import would write nothing, and what the user can do; None when it writes."""
    if plan.writes:
        return None
    if preview is not None and preview.offers:
        return translate(
            "ImportReview", "Nothing is written as things stand: every row matches a record "
            "Liaison already has. Choose above to update them or fill their blank fields, "
            "or click Finish to close.")
    waiting = plan.conflicts or (plan.deletions and not plan.options.apply_deletions)
    return translate(
        "ImportReview", "Nothing is written as things stand: pick a value for the "
        "conflicts or tick the box to delete the records removed from the file, or "
        "click Finish to close.") if waiting else translate(
        "ImportReview", "Nothing to import: the file holds nothing that Liaison does "
        "not already have. Click Finish to close.")
