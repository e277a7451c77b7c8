"""Finding the existing record a row of a foreign sheet means: by id, by every name, alias and
abbreviation (normalized) together with the country, a person also by an e-mail address or a
phone number of theirs, and by a similar name above a threshold. An ambiguous match is returned
as such, never resolved silently."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import null, select
from sqlalchemy.orm import Session

from db.models import FollowUp, Interaction, Organization, Person
from db.models.folding import fold
from db.services.similarity import normalize_name
from db.store.translation import QT_TRANSLATE_NOOP, translate

UUID_TEXT = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
FUZZY_THRESHOLD = 90.0
_DIGITS = re.compile(r"\d+")


# Why a row matched an existing record, in the user's words: by (what matched, with the
# country too, among the organization's own people) — the value that matched fills {value}.
REASONS = {
    ("name", False, False): QT_TRANSLATE_NOOP("Import", "same name “{value}”"),
    ("name", True, False): QT_TRANSLATE_NOOP("Import", "same name “{value}” and country"),
    ("name", False, True): QT_TRANSLATE_NOOP("Import",
                                             "same name “{value}” in the same organization"),
    ("name", True, True): QT_TRANSLATE_NOOP(
        "Import", "same name “{value}” and country in the same organization"),
    ("abbreviation of", False, False): QT_TRANSLATE_NOOP("Import",
                                                         "“{value}” is its abbreviation"),
    ("abbreviation of", True, False): QT_TRANSLATE_NOOP(
        "Import", "“{value}” is its abbreviation and country"),
    ("abbreviation", False, False): QT_TRANSLATE_NOOP("Import", "same abbreviation “{value}”"),
    ("abbreviation", True, False): QT_TRANSLATE_NOOP("Import",
                                                     "same abbreviation “{value}” and country"),
    ("email", False, False): QT_TRANSLATE_NOOP("Import", "same e-mail address “{value}”"),
    ("phone", False, False): QT_TRANSLATE_NOOP("Import", "same phone number “{value}”"),
}


def reason_text(basis: str, value: str, country: bool, same_organization: bool = False) -> str:
    """Why a row matched, in the current language (see REASONS)."""
    template = REASONS.get((basis, country, same_organization)) or REASONS[(basis, country,
                                                                             False)]
    return translate("Import", template).format(value=value)


@dataclass(frozen=True)
class Match:
    ids: tuple[str, ...]  # one: matched; several: ambiguous; none: new
    reason: str = ""
    score: float = 100.0
    # What the reason is made of (see REASONS), for a reason said again with more to it.
    basis: tuple[str, str, bool] | None = None

    @property
    def found(self) -> str | None:
        return self.ids[0] if len(self.ids) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.ids) > 1


NO_MATCH = Match(())


@dataclass
class NameIndex:
    """Every live organization's or person's names, folded, with its country; rows planned in
    this import are added as they are met, so a later row can refer to an earlier one."""

    entity: str
    keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    abbreviations: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    country: dict[str, str | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    deleted: set[str] = field(default_factory=set)
    # People: ("email", folded address) or ("phone", E.164 number) → who has it.
    contacts: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    _choices: dict[str | None, tuple[list[str], list[str]]] | None = None

    @classmethod
    def load(cls, session: Session, entity: str) -> NameIndex:
        index = cls(entity)
        if entity == "organization":
            o = Organization
            rows: Iterable[Any] = session.execute(select(
                o.id, o.name, o.name_en, o.name_zh, o.aliases, o.abbreviation, o.country_code,
                o.deleted_at, null(), null()))
        else:
            p = Person
            rows = session.execute(select(p.id, p.name, p.name_en, p.name_zh, p.aliases,
                                          null(), p.nationality, p.deleted_at, p.emails,
                                          p.phones))
        for (record_id, name, name_en, name_zh, aliases, abbreviation, country, deleted,
             emails, phones) in rows:
            if deleted is not None:
                index.deleted.add(record_id)
                continue
            index.add(record_id, (name, name_en, name_zh, *(aliases or [])), abbreviation,
                      country, contacts=contact_keys(emails, phones))
        return index

    def add(self, record_id: str, names: Iterable[str | None], abbreviation: str | None,
            country: str | None, *, contacts: Iterable[tuple[str, str]] = ()) -> None:
        first = None
        self.country[record_id] = country
        for name in names:
            if name:
                key = normalize_name(name)
                if key:
                    if record_id not in self.keys[key]:
                        self.keys[key].add(record_id)
                        self._choose(key, record_id)
                    first = first or name
        if abbreviation:
            key = normalize_name(abbreviation)
            if len(key) >= 2:
                self.abbreviations[key].add(record_id)
        for contact in contacts:
            self.contacts[contact].add(record_id)
        self.names.setdefault(record_id, first or abbreviation or record_id)

    def _choose(self, key: str, record_id: str) -> None:
        """A name added while the fuzzy choices are laid out joins them where it belongs
        (each row a sheet creates is added, so rebuilding them would be quadratic)."""
        if self._choices is None:
            return
        for bucket in {self.country.get(record_id), "*"}:
            keys, owners = self._choices.setdefault(bucket, ([], []))
            keys.append(key)
            owners.append(record_id)

    def knows(self, record_id: str) -> bool:
        return record_id in self.country

    def _in_country(self, ids: Iterable[str], country: str | None) -> set[str]:
        found = set(ids)
        if country:
            same = {i for i in found if self.country.get(i) in (country, None)}
            return same
        return found

    def exact(self, names: Iterable[str | None], abbreviation: str | None = None,
              country: str | None = None) -> Match:
        ids: set[str] = set()
        basis: tuple[str, str] | None = None
        for name in names:
            if not name:
                continue
            key = normalize_name(name)
            hits = self._in_country(self.keys.get(key, ()), country)
            hits |= self._in_country(self.abbreviations.get(key, ()), country)
            if hits and basis is None:
                basis = ("name" if hits & self.keys.get(key, set()) else "abbreviation of",
                         name)
            ids |= hits
        if abbreviation:
            key = normalize_name(abbreviation)
            hits = self._in_country(self.abbreviations.get(key, ()), country)
            if hits and not ids:
                basis = ("abbreviation", abbreviation)
            if hits and (not ids or ids & hits):
                ids = ids & hits if ids & hits else hits
        if not ids:
            return NO_MATCH
        if basis is None:
            return Match(tuple(sorted(ids)))
        why = (basis[0], basis[1], bool(country))
        return Match(tuple(sorted(ids)), reason_text(*why), basis=why)

    def by_contact(self, emails: Iterable[str], phones: Iterable[str]) -> Match:
        """The one person who has one of these e-mail addresses (first) or phone numbers (as
        stored, E.164). An address or number several people share — an office's — says
        nothing about who a row is."""
        for basis, value in contact_keys(emails, phones):
            owners = self.contacts.get((basis, value), ())
            if len(owners) == 1:
                why = (basis, value, False)
                return Match(tuple(owners), reason_text(*why), basis=why)
        return NO_MATCH

    def fuzzy(self, name: str, country: str | None = None,
              threshold: float = FUZZY_THRESHOLD) -> Match:
        if self._choices is None:
            buckets: dict[str | None, tuple[list[str], list[str]]] = defaultdict(
                lambda: ([], []))
            for key, ids in self.keys.items():
                for record_id in ids:
                    for bucket in {self.country.get(record_id), "*"}:
                        buckets[bucket][0].append(key)
                        buckets[bucket][1].append(record_id)
            self._choices = dict(buckets)
        keys, owners = self._choices.get(country or "*", ([], []))
        wanted = normalize_name(name)
        if not wanted or not keys:
            return NO_MATCH
        if sum(ch.isalpha() for ch in wanted) < 4:
            return NO_MATCH  # codes and numbers are the same or they are different
        digits = _DIGITS.findall(wanted)
        hits = [hit for hit in process.extract(wanted, keys, scorer=fuzz.token_sort_ratio,
                                               score_cutoff=threshold, limit=8)
                if _DIGITS.findall(hit[0]) == digits]  # "Party 2" is not "Party 3"
        if not hits:
            return NO_MATCH
        best = hits[0][1]
        found = sorted({owners[i] for _k, score, i in hits if score >= best - 0.5})
        return Match(tuple(found), translate("Import", "similar name “{value}” ({score:.0f}%)")
                     .format(value=self.names[found[0]], score=best), best)

    def resolve(self, text: str, country: str | None = None, *, allow_fuzzy: bool = True
                ) -> Match:
        """A reference written by hand: an id, a name, an alias or an abbreviation."""
        cleaned = text.strip()
        if UUID_TEXT.match(cleaned):
            key = cleaned.lower()
            return Match((key,), translate("Import", "same id")) if self.knows(key) \
                else NO_MATCH
        match = self.exact([cleaned], None, country)
        if match.ids or not allow_fuzzy:
            return match
        return self.fuzzy(cleaned, country)


def contact_keys(emails: Iterable[str] | None, phones: Iterable[str] | None
                 ) -> list[tuple[str, str]]:
    """A person's e-mail addresses (case folded) and phone numbers (E.164) as index keys."""
    return [*(("email", e.casefold()) for e in emails or () if e),
            *(("phone", p) for p in phones or () if p)]


@dataclass
class KeyIndex:
    """Interactions (by start date and title) or follow-ups (by description and due date) that
    already exist, to recognise a row imported before."""

    keys: dict[tuple[Any, ...], list[str]] = field(default_factory=lambda: defaultdict(list))

    def find(self, key: tuple[Any, ...]) -> list[str]:
        return self.keys.get(key, [])

    def add(self, key: tuple[Any, ...], record_id: str) -> None:
        self.keys[key].append(record_id)


def interaction_key(start: date | None, title: str | None) -> tuple[Any, ...]:
    return (start, fold(title or ""))


def followup_key(description: str | None, due: date | None) -> tuple[Any, ...]:
    return (fold(description or ""), due)


def load_interaction_keys(session: Session, dates: Iterable[date]) -> KeyIndex:
    index = KeyIndex()
    wanted = sorted(set(dates))
    i = Interaction
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for record_id, day, title in session.execute(
                select(i.id, i.start, i.title).where(i.start.in_(chunk), i.deleted_at.is_(None))):
            index.add(interaction_key(day, title), record_id)
    return index


def load_followup_keys(session: Session) -> KeyIndex:
    index = KeyIndex()
    f = FollowUp
    for record_id, description, due in session.execute(
            select(f.id, f.description, f.due).where(f.deleted_at.is_(None))):
        index.add(followup_key(description, due), record_id)
    return index


def live_ids(session: Session, model: Any, ids: Iterable[str]) -> tuple[set[str], set[str]]:
    """Of the given ids: (live, deleted)."""
    wanted = sorted(set(ids))
    live: set[str] = set()
    deleted: set[str] = set()
    for start in range(0, len(wanted), 500):
        for record_id, deleted_at in session.execute(
                select(model.id, model.deleted_at).where(model.id.in_(wanted[start:start + 500]))):
            (deleted if deleted_at is not None else live).add(record_id)
    return live, deleted
