"""The interaction editor's fields: the details and texts forms' specs (their labels are
translated by the form, in the "Fields" context), the kind a new interaction starts as, and
the title suggested for each kind of interaction."""

from __future__ import annotations

from db.models.vocabulary import INTERACTION_KINDS
from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.widgets.form import FieldSpec

DETAIL_FIELDS = (  # the form translates the labels and placeholders ("Fields")
    FieldSpec("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), "choice", choices=INTERACTION_KINDS,
              required=True),
    FieldSpec("title", QT_TRANSLATE_NOOP("Fields", "Title"), required=True),
    FieldSpec("start", QT_TRANSLATE_NOOP("Fields", "Start date"), "date", required=True),
    FieldSpec("end", QT_TRANSLATE_NOOP("Fields", "End date"), "date"),
    FieldSpec("city", QT_TRANSLATE_NOOP("Fields", "City")),
    FieldSpec("country", QT_TRANSLATE_NOOP("Fields", "Country"), "country"),
    FieldSpec("platform", QT_TRANSLATE_NOOP("Fields", "Platform or mechanism"),
              placeholder=QT_TRANSLATE_NOOP("Fields",
                                            "e.g. Party-to-party dialogue, BRICS forum")),
    FieldSpec("tags", QT_TRANSLATE_NOOP("Fields", "Tags"), "list"),
)
TEXT_FIELDS = (
    FieldSpec("summary", QT_TRANSLATE_NOOP("Fields", "Summary"), "multiline"),
    FieldSpec("outcomes", QT_TRANSLATE_NOOP("Fields", "Outcomes"), "multiline"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), "multiline"),
)
# The suggested title of each kind of interaction, {organization} its first organization;
# translated when suggested.
TITLE_TEMPLATES = {
    "inbound_visit": QT_TRANSLATE_NOOP("InteractionEditor",
                                       "Visit of the {organization} delegation"),
    "outbound_visit": QT_TRANSLATE_NOOP("InteractionEditor", "Delegation visit to {organization}"),
    "talks": QT_TRANSLATE_NOOP("InteractionEditor", "Talks with {organization}"),
    "meeting": QT_TRANSLATE_NOOP("InteractionEditor", "Meeting with {organization}"),
    "briefing": QT_TRANSLATE_NOOP("InteractionEditor", "Briefing for {organization}"),
    "seminar": QT_TRANSLATE_NOOP("InteractionEditor", "Seminar with {organization}"),
    "conference": QT_TRANSLATE_NOOP("InteractionEditor", "Conference with {organization}"),
    "video_call": QT_TRANSLATE_NOOP("InteractionEditor", "Video call with {organization}"),
    "phone_call": QT_TRANSLATE_NOOP("InteractionEditor", "Phone call with {organization}"),
    "letter": QT_TRANSLATE_NOOP("InteractionEditor", "Letter to {organization}"),
    "study_programme": QT_TRANSLATE_NOOP("InteractionEditor",
                                         "Study programme for {organization}"),
    "cooperation_project": QT_TRANSLATE_NOOP("InteractionEditor",
                                             "Cooperation project with {organization}"),
    "other": QT_TRANSLATE_NOOP("InteractionEditor", "Exchange with {organization}"),
}
DEFAULT_KIND = "meeting"
