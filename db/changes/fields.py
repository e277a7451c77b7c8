"""Field normalizers: turn what a user typed or imported into the stored value, or explain in
the user's words why it cannot be stored. Each raises FieldInvalid with that sentence, in the
current language (db/store/translation.py): a label or noun given to a normalizer ("The name",
"kind of organization") is marked with QT_TRANSLATE_NOOP("Validation", ...) where it is written
and translated here, as a placeholder of the whole sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Country
from db.models.folding import fold
from db.models.vocabulary import Term, lookup
from db.store.errors import record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate


def _word(label: str) -> str:
    """A label or noun given to a normalizer, in the current language."""
    return translate("Validation", label)


class FieldInvalid(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


Normalizer = Callable[[Session, Any, dict[str, Any]], Any]

_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"^[^@\s;,<>]+@[^@\s;,<>]+\.[^@\s;,<>]+$")


def clean_text(value: Any) -> str | None:
    """Trim, turn every kind of space into a plain one; keep line breaks inside the text."""
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    if value.isprintable() and "  " not in value:  # one line, plain spaces: nothing to fix
        return value.strip() or None
    lines = [_SPACES.sub(" ", line.replace("\u00a0", " ")).strip() for line in value.splitlines()]
    text = "\n".join(lines).strip()
    return text or None


def text(max_length: int = 300, *, required: bool = False, multiline: bool = False,
         label: str = QT_TRANSLATE_NOOP("Validation", "This field")) -> Normalizer:
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> str | None:
        if multiline and isinstance(value, str):
            result: str | None = value.replace("\r\n", "\n").strip() or None
        else:
            result = clean_text(value)
            if result is not None and not multiline:
                result = result.replace("\n", " ")
        if result is None:
            if required:
                raise FieldInvalid(translate("Validation", "{label} cannot be empty.")
                                   .format(label=_word(label)))
            return None
        if len(result) > max_length:
            raise FieldInvalid(translate(
                "Validation", "{label} is too long ({length} characters; at most {limit})."
            ).format(label=_word(label), length=len(result), limit=max_length))
        return result

    return normalize


def split_list(value: Any) -> list[str]:
    if value is None:
        return []
    items: Iterable[Any]
    if isinstance(value, str):
        items = re.split(r"[;；\n]", value)  # a Chinese input method types ；
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        items = [value]
    seen: dict[str, str] = {}
    for item in items:
        cleaned = clean_text(item)
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return list(seen.values())


def text_list(max_length: int = 300,
              label: str = QT_TRANSLATE_NOOP("Validation", "An entry")) -> Normalizer:
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> list[str]:
        items = split_list(value)
        for item in items:
            if len(item) > max_length:
                raise FieldInvalid(translate("Validation", "{label} is too long: “{start}…”.")
                                   .format(label=_word(label), start=item[:40]))
        return items

    return normalize


def choice(vocabulary: dict[str, Term], noun: str, *, required: bool = False,
           default: str | None = None) -> Normalizer:
    """A code of `vocabulary`; `noun` (marked for the catalog) names the choice in messages."""

    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> str | None:
        cleaned = clean_text(value)
        if cleaned is None:
            if required and default is None:
                raise FieldInvalid(translate("Validation", "Choose a {noun}.")
                                   .format(noun=_word(noun)))
            return default
        code = lookup(vocabulary, cleaned)
        if code is None:
            options = ", ".join(term.label().lower() for term in vocabulary.values())
            raise FieldInvalid(translate(
                "Validation", "“{value}” is not a known {noun}; choose one of: {options}."
            ).format(value=cleaned, noun=_word(noun), options=options))
        return code

    return normalize


def website() -> Normalizer:
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> str | None:
        cleaned = clean_text(value)
        if cleaned is None:
            return None
        candidate = cleaned if "://" in cleaned else "https://" + cleaned
        parts = urlsplit(candidate)
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or "." not in host or " " in candidate:
            raise FieldInvalid(translate(
                "Validation",
                "“{value}” is not a web address (for example https://example.org)."
            ).format(value=cleaned))
        return candidate

    return normalize


def email_address(value: Any) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None:
        return None
    cleaned = cleaned.removeprefix("mailto:")
    if not _EMAIL.match(cleaned):
        raise FieldInvalid(translate("Validation", "“{value}” is not an email address.")
                           .format(value=cleaned))
    return cleaned


def email() -> Normalizer:
    return lambda _s, value, _row: email_address(value)


def emails() -> Normalizer:
    def normalize(_s: Session, value: Any, _row: dict[str, Any]) -> list[str]:
        return [address for item in split_list(value) if (address := email_address(item))]

    return normalize


def phone_number(value: Any, region: str | None) -> str | None:
    """Store E.164; a number without a country prefix is read in the record's country."""
    import phonenumbers

    cleaned = clean_text(value)
    if cleaned is None:
        return None
    try:
        parsed = phonenumbers.parse(cleaned, region if region and region != "XK" else None)
    except phonenumbers.NumberParseException:
        message = translate("Validation", "“{value}” is not a phone number.") if region else \
            translate("Validation", "“{value}” is not a phone number (start it with + and the "
                                    "country code).")
        raise FieldInvalid(message.format(value=cleaned)) from None
    if not phonenumbers.is_possible_number(parsed):
        raise FieldInvalid(translate("Validation", "“{value}” is not a possible phone number.")
                           .format(value=cleaned))
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def phone(country_field: str) -> Normalizer:
    def normalize(_s: Session, value: Any, row: dict[str, Any]) -> str | None:
        return phone_number(value, row.get(country_field))

    return normalize


def phones(country_field: str) -> Normalizer:
    def normalize(_s: Session, value: Any, row: dict[str, Any]) -> list[str]:
        region = row.get(country_field)
        return [number for item in split_list(value) if (number := phone_number(item, region))]

    return normalize


def country() -> Normalizer:
    def normalize(session: Session, value: Any, _row: dict[str, Any]) -> str | None:
        cleaned = clean_text(value)
        if cleaned is None:
            return None
        code = country_code_for(session, cleaned)
        if code is None:
            raise FieldInvalid(translate(
                "Validation", "“{value}” is not a country Liaison knows (use a name or an ISO "
                              "code)."
            ).format(value=cleaned))
        return code

    return normalize


def reference(model: type[Any], noun: str, *, required: bool = False) -> Normalizer:
    """An id of another record that must exist and not be deleted; `noun` is the change
    log's word for its kind ("person"), shown in the current language."""

    def normalize(session: Session, value: Any, _row: dict[str, Any]) -> str | None:
        cleaned = clean_text(value)
        if cleaned is None:
            if required:
                raise FieldInvalid(translate("Validation", "Choose the {noun}.")
                                   .format(noun=record_noun(noun)))
            return None
        found = session.execute(
            select(model.id).where(model.id == cleaned, model.deleted_at.is_(None))
        ).scalar_one_or_none()
        if found is None:  # a record merged into another stands for it
            found = survivor_of(session, model, cleaned)
        if found is None:
            raise FieldInvalid(translate("Records", "There is no {noun} with id {id}.")
                               .format(noun=record_noun(noun), id=cleaned))
        return str(found)

    return normalize


def survivor_of(session: Session, model: type[Any], record_id: str) -> str | None:
    """The live record that `record_id` was merged into (through any chain of merges), or
    None when it was not merged or the survivor is gone too."""
    if not hasattr(model, "merged_into"):
        return None
    current, seen = record_id, set()
    while current not in seen:
        seen.add(current)
        row = session.execute(select(model.deleted_at, model.merged_into).where(
            model.id == current)).first()
        if row is None:
            return None
        if row[0] is None:
            return None if current == record_id else current
        if row[1] is None:
            return None
        current = row[1]
    return None


def _country_index(session: Session) -> dict[str, str]:
    index: dict[str, str] | None = session.info.get("country_index")
    if index is None:
        index = {}
        for row in session.execute(select(Country)).scalars():
            names = [row.code, row.alpha3, row.name_en, row.name_zh, *(row.aliases or [])]
            for name in names:
                if name:
                    index.setdefault(fold(name), row.code)
        session.info["country_index"] = index
    return index


def country_code_for(session: Session, text: str) -> str | None:
    """An ISO alpha-2 or alpha-3 code, or an English or Chinese name or alias → alpha-2 code."""
    return _country_index(session).get(fold(text))
