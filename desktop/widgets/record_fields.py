"""The fields of an organization's and a person's form: the record windows show them all,
the short "create on the spot" form a few of them."""

from __future__ import annotations

from db.models.vocabulary import (
    GENDERS,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    RELATIONSHIP_LEVELS,
)
from desktop.i18n import QT_TRANSLATE_NOOP, mark
from desktop.widgets.form import FieldSpec

ORGANIZATION_FIELDS = [  # the form translates the labels and placeholders ("Fields")
    FieldSpec("name", QT_TRANSLATE_NOOP("Fields", "Name (original script)"), required=True),
    FieldSpec("name_en", QT_TRANSLATE_NOOP("Fields", "English name")),
    FieldSpec("name_zh", QT_TRANSLATE_NOOP("Fields", "Chinese name")),
    FieldSpec("abbreviation", QT_TRANSLATE_NOOP("Fields", "Abbreviation")),
    FieldSpec("aliases", QT_TRANSLATE_NOOP("Fields", "Other names"), kind="list",
              placeholder=QT_TRANSLATE_NOOP(
                  "Fields", "former names, transliterations — separate with ;")),
    FieldSpec("kind", QT_TRANSLATE_NOOP("Fields", "Kind"), kind="choice",
              choices=ORGANIZATION_KINDS),
    FieldSpec("country", QT_TRANSLATE_NOOP("Fields", "Country"), kind="country"),
    FieldSpec("status", QT_TRANSLATE_NOOP("Fields", "Political status"), kind="choice",
              choices=POLITICAL_STATUSES),
    FieldSpec("ideology", QT_TRANSLATE_NOOP("Fields", "Ideology"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "e.g. social democracy")),
    FieldSpec("founded", QT_TRANSLATE_NOOP("Fields", "Founded"), kind="year",
              placeholder=QT_TRANSLATE_NOOP("Fields", "a year or a date")),
    FieldSpec("level", QT_TRANSLATE_NOOP("Fields", "Relationship level"), kind="choice",
              choices=RELATIONSHIP_LEVELS),
    FieldSpec("website", QT_TRANSLATE_NOOP("Fields", "Website"), placeholder="https://…"),
    FieldSpec("email", QT_TRANSLATE_NOOP("Fields", "Email")),
    FieldSpec("phone", QT_TRANSLATE_NOOP("Fields", "Phone"),
              placeholder=QT_TRANSLATE_NOOP("Fields", "+country code and number")),
    FieldSpec("tags", QT_TRANSLATE_NOOP("Fields", "Tags"), kind="list"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), kind="multiline"),
]

PERSON_FIELDS = [  # the form translates the labels and placeholders ("Fields")
    FieldSpec("name", QT_TRANSLATE_NOOP("Fields", "Name (original script)"), required=True),
    FieldSpec("name_en", QT_TRANSLATE_NOOP("Fields", "English name")),
    FieldSpec("name_zh", QT_TRANSLATE_NOOP("Fields", "Chinese name")),
    FieldSpec("aliases", QT_TRANSLATE_NOOP("Fields", "Other names"), kind="list",
              placeholder=QT_TRANSLATE_NOOP(
                  "Fields", "transliterations, former names — separate with ;")),
    FieldSpec("title", mark.translate("Fields", "Title", "a person's"),
              placeholder=QT_TRANSLATE_NOOP("Fields",
                                            "e.g. Secretary-General, Member of Parliament"),
              note="a person's"),
    FieldSpec("gender", QT_TRANSLATE_NOOP("Fields", "Gender"), kind="choice", choices=GENDERS),
    FieldSpec("birth_year", QT_TRANSLATE_NOOP("Fields", "Year of birth"), kind="year",
              placeholder=QT_TRANSLATE_NOOP("Fields", "e.g. 1975")),
    FieldSpec("nationality", QT_TRANSLATE_NOOP("Fields", "Nationality"), kind="country"),
    FieldSpec("emails", QT_TRANSLATE_NOOP("Fields", "Emails"), kind="list",
              placeholder=QT_TRANSLATE_NOOP("Fields", "separate with ;")),
    FieldSpec("phones", QT_TRANSLATE_NOOP("Fields", "Phones"), kind="list",
              placeholder=QT_TRANSLATE_NOOP("Fields",
                                            "+country code and number; separate with ;")),
    FieldSpec("languages", QT_TRANSLATE_NOOP("Fields", "Languages"), kind="list",
              placeholder=QT_TRANSLATE_NOOP("Fields", "e.g. English; French")),
    FieldSpec("tags", QT_TRANSLATE_NOOP("Fields", "Tags"), kind="list"),
    FieldSpec("notes", QT_TRANSLATE_NOOP("Fields", "Notes"), kind="multiline"),
]
