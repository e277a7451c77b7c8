"""The duplicate scan: likely pairs of organizations (or people) that are one and the same,
across scripts and transliterations, ranked, each with why it matched — and the pairs a user
looked at and said are not duplicates, which the scan shows no more.

Every name of a record — its name, English and Chinese names, aliases, and an abbreviation
(also one in brackets after a name: "Partido dos Trabalhadores (PT)") — is folded (case,
width, accents, traditional characters; db/models/folding.py), then written in Latin letters:
Chinese as pinyin (pypinyin), any other script by anyascii ("Партия регионов" → "partiya
regionov", "Đảng Cộng sản" → "dang cong san"). Two passes find the pairs:

- the same name: names equal once folded and transliterated, spaces and punctuation aside
  ("越南共产党" and an alias "Yuenan Gongchandang"), found by a dictionary over every record;
  the same abbreviation, or an abbreviation that is the other's name ("FRELIMO");
- names alike: rapidfuzz's token_sort_ratio or plain ratio, the higher, between every two
  names of the records of one country (`process.cdist` on each country's block). A record
  with no country is compared only with the records sharing one of its rarer words (or,
  failing that, letter trigrams), never with all of them, so 10,000 organizations scan in a
  few seconds.

Records of two different countries are never paired: the same name in two countries is two
parties. Deleted and merged-away records are left out."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal

from sqlalchemy import delete, or_, select

from db.models import Country, NotDuplicate, Organization, Person
from db.models.folding import has_han, pinyin
from db.services.similarity import normalize_name
from db.store.engine import Database
from db.store.errors import LiaisonError, record_noun
from db.store.translation import QT_TRANSLATE_NOOP, translate

Kind = Literal["organization", "person"]
KINDS: tuple[Kind, ...] = ("organization", "person")
# The lowest score shown unless asked otherwise: people's names are short, and two people
# of one family are alike to 85 % ("Erik Papadopoulos", "Marie Papadopoulos").
DEFAULT_MIN_SCORES = {"organization": 85, "person": 90}
# What a shared abbreviation adds to how alike the names are (an abbreviation alone is weak:
# two small parties of one country may share one).
ABBREVIATION_BONUS = 15
# An abbreviation that is the other record's name ("FRELIMO"): nearly certain.
ABBREVIATION_IS_NAME_SCORE = 95
# A word found in at most this many records is rare enough to find a countryless record's
# candidates by; at most CANDIDATES records are compared with it.
RARE = 40
CANDIDATES = 300
# Rows of one country's block compared at a time: bounds the score matrix's memory.
CHUNK = 1000

# Why a pair matched, in the user's words (translated where shown).
REASONS = {
    "same_name": QT_TRANSLATE_NOOP("Duplicates", "same name"),
    "same_name_other_script": QT_TRANSLATE_NOOP("Duplicates", "same name in another script"),
    "same_words": QT_TRANSLATE_NOOP("Duplicates", "same words in another order"),
    "names_alike": QT_TRANSLATE_NOOP("Duplicates", "names alike ({score} %)"),
    "same_abbreviation": QT_TRANSLATE_NOOP("Duplicates", "same abbreviation"),
    "abbreviation_is_name": QT_TRANSLATE_NOOP("Duplicates", "abbreviation matches the name"),
    "same_country": QT_TRANSLATE_NOOP("Duplicates", "same country"),
}
_ORDER = tuple(REASONS)
# "Partido dos Trabalhadores (PT)": a short capitalized word in brackets after a name.
_BRACKETED = re.compile(r"^(?P<name>.*\S)\s*[(（]\s*(?P<short>[^\s()（）]{1,12})\s*[)）]\s*$")


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that are likely one. The first is the one suggested to keep: the one with
    more interactions, else the older."""

    kind: str
    first_id: str
    first_name: str
    second_id: str
    second_name: str
    country: str | None  # the country code they share (or the one known)
    score: int  # 0–100
    codes: tuple[str, ...]  # why, as keys of REASONS
    reasons: tuple[str, ...]  # why, in the user's words
    matched: tuple[str, str]  # the two names that matched best, as written

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "first": {"id": self.first_id, "name": self.first_name},
                "second": {"id": self.second_id, "name": self.second_name},
                "country": self.country, "score": self.score, "reasons": list(self.reasons),
                "codes": list(self.codes), "matched": list(self.matched)}


@dataclass(frozen=True)
class ScanStep:
    """Progress of a scan: `stage` ("reading", "comparing", "done"), done of total; the last
    step carries the pairs."""

    stage: str
    done: int
    total: int
    pairs: tuple[DuplicatePair, ...] | None = None


# -- names in Latin letters ------------------------------------------------------------------

@cache
def _anyascii() -> Callable[[str], str]:
    from anyascii import anyascii

    return anyascii


def latin(folded: str) -> str:
    """A folded name in Latin letters, words spaced: Chinese as pinyin syllables, any other
    script transliterated; punctuation set aside."""
    if folded.isascii():
        return folded
    if has_han(folded):
        text = " ".join(pinyin(folded))
        if text.isascii():
            return normalize_name(text)
        folded = text
    return normalize_name(_anyascii()(folded).lower())


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


@dataclass
class _Form:
    original: str  # as written
    folded: str  # normalize_name
    latin: str  # in Latin letters, spaced
    compact: str  # latin without spaces
    # What names alike are scored on: the spaced Latin form, whose words token_sort_ratio
    # may reorder — but a Chinese name as its characters: their order is the name
    # ("人民农民党" is not "农民人民党"), and pinyin's letters make any two names look alike
    # ("laodongminzu", "laodongaiguo"). A Chinese name and its pinyin meet as the same name.
    fuzzy: str


@dataclass
class _Record:
    id: str
    name: str
    country: str | None
    weight: tuple[int, float]  # interactions, -created (which to keep)
    forms: list[_Form] = field(default_factory=list)
    abbreviations: set[str] = field(default_factory=set)  # compact


_Forms = dict[str, tuple[str, str, str, str]]


def _form(original: str, cache_: _Forms) -> _Form | None:
    known = cache_.get(original)
    if known is None:
        folded = normalize_name(original)
        spelled = latin(folded) if folded else ""
        compact = _compact(spelled)
        known = (folded, spelled, compact,
                 folded.replace(" ", "") if has_han(folded) else spelled)
        cache_[original] = known
    folded, spelled, compact, fuzzy = known
    return _Form(original, folded, spelled, compact, fuzzy) if compact else None


def _record(row: Sequence[Any], kind: Kind, cache_: _Forms
            ) -> _Record:
    if kind == "organization":
        (id_, name, name_en, name_zh, aliases, abbreviation, country, interactions,
         created) = row
    else:
        id_, name, name_en, name_zh, aliases, country, interactions, created = row
        abbreviation = None
    stamp = created.timestamp() if isinstance(created, datetime) else 0.0
    record = _Record(id_, name, country, (interactions or 0, -stamp))
    shorts = [abbreviation] if abbreviation else []
    seen: set[str] = set()
    for value in (name, name_en, name_zh, *(aliases or [])):
        if not value or not isinstance(value, str):
            continue
        bracketed = _BRACKETED.match(value)
        if bracketed and bracketed["short"].upper() == bracketed["short"] \
                and not bracketed["short"].isdigit():
            shorts.append(bracketed["short"])
            value = bracketed["name"]
        made = _form(value, cache_)
        if made is not None and made.latin not in seen:
            seen.add(made.latin)
            record.forms.append(made)
    for short in shorts:
        made = _form(short, cache_)
        if made is not None and len(made.compact) >= 2:
            record.abbreviations.add(made.compact)
    return record


def _without_country(record: _Record, names: tuple[list[str], re.Pattern[str] | None]) -> None:
    """Within one country its name tells nothing: "中国澳门农民社会党" and "中国澳门劳动党"
    are compared as "农民社会党" and "劳动党", "Gabon Green Party" as "green party"."""
    chinese, words = names
    for form in record.forms:
        if has_han(form.fuzzy):
            rest = next((form.fuzzy.replace(name, "", 1) for name in chinese
                         if name in form.fuzzy), form.fuzzy)
        elif words is not None:
            rest = " ".join(words.sub(" ", form.fuzzy).split())
        else:
            continue
        if len(rest) >= 2:
            form.fuzzy = rest


def _country_names(session: Any, cache_: _Forms
                   ) -> dict[str, tuple[list[str], re.Pattern[str] | None]]:
    """Each country's names (English, Chinese, aliases): the Chinese ones as written in a
    folded name, the longest first, and one pattern finding any other as whole words."""
    found: dict[str, tuple[list[str], re.Pattern[str] | None]] = {}
    for code, name_en, name_zh, aliases in session.execute(
            select(Country.code, Country.name_en, Country.name_zh, Country.aliases)).all():
        forms = [made for value in (name_en, name_zh, *(aliases or []))
                 if isinstance(value, str) and (made := _form(value, cache_)) is not None]
        chinese = sorted({f.fuzzy for f in forms if has_han(f.fuzzy)}, key=len, reverse=True)
        latin_ = sorted({f.latin for f in forms if not has_han(f.folded)}, key=len, reverse=True)
        words = re.compile("(?:^| )(?:{})(?= |$)".format("|".join(map(re.escape, latin_)))
                           ) if latin_ else None
        found[code] = (chinese, words)
    return found


def _read(db: Database, kind: Kind) -> tuple[list[_Record], set[tuple[str, str]]]:
    cache_: _Forms = {}
    with db.reading(scanning=True) as session:
        countries = _country_names(session, cache_)
        rows: Sequence[Any]
        if kind == "organization":
            o = Organization
            rows = session.execute(select(
                o.id, o.name, o.name_en, o.name_zh, o.aliases, o.abbreviation, o.country_code,
                o.interaction_count, o.created_at).where(
                o.deleted_at.is_(None), o.merged_into.is_(None))).all()
        else:
            p = Person
            rows = session.execute(select(
                p.id, p.name, p.name_en, p.name_zh, p.aliases, p.nationality,
                p.interaction_count, p.created_at).where(
                p.deleted_at.is_(None), p.merged_into.is_(None))).all()
        refused = {(a, b) for a, b in session.execute(
            select(NotDuplicate.first_id, NotDuplicate.second_id).where(
                NotDuplicate.kind == kind)).all()}
    records = [_record(row, kind, cache_) for row in rows]
    for record in records:
        if kind == "organization" and record.country in countries:
            _without_country(record, countries[record.country])
    return records, refused


# -- the evidence for each pair ------------------------------------------------------------

@dataclass
class _Evidence:
    score: float = 0.0  # how alike the names are, 0–100
    exact: str | None = None  # "same_name" | "same_name_other_script"
    matched: tuple[str, str] = ("", "")
    same_abbreviation: bool = False
    abbreviation_is_name: bool = False

    def names(self, score: float, first: _Form, second: _Form) -> None:
        if score > self.score:
            self.score = score
            self.matched = (first.original, second.original)


def _compatible(a: _Record, b: _Record) -> bool:
    return a.country is None or b.country is None or a.country == b.country


class _Pairs:
    def __init__(self, records: list[_Record]) -> None:
        self.records = records
        self.found: dict[tuple[int, int], _Evidence] = {}

    def get(self, i: int, j: int) -> _Evidence | None:
        if i == j or not _compatible(self.records[i], self.records[j]):
            return None
        key = (i, j) if i < j else (j, i)
        evidence = self.found.get(key)
        if evidence is None:
            evidence = self.found[key] = _Evidence()
        return evidence

    def exact(self, i: int, fi: int, j: int, fj: int) -> None:
        evidence = self.get(i, j)
        if evidence is None:
            return
        first, second = self.records[i].forms[fi], self.records[j].forms[fj]
        kind = "same_name" if first.folded == second.folded or (
            first.folded == first.latin and second.folded == second.latin
        ) else "same_name_other_script"
        if evidence.exact != "same_name":
            evidence.exact = kind
        evidence.names(100.0, first, second)


def _exact_pass(pairs: _Pairs) -> None:
    """Names equal once folded and transliterated; shared abbreviations; an abbreviation that
    is the other's name."""
    records = pairs.records
    by_name: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_abbreviation: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for form_index, form in enumerate(record.forms):
            by_name[form.compact].append((index, form_index))
        for short in record.abbreviations:
            by_abbreviation[short].append(index)
    for owners in by_name.values():
        if len(owners) < 2 or len({i for i, _f in owners}) < 2:
            continue
        for position, (i, fi) in enumerate(owners):
            for j, fj in owners[position + 1:]:
                if i != j:
                    pairs.exact(i, fi, j, fj)
    for short, owners_ in by_abbreviation.items():
        for position, i in enumerate(owners_):
            for j in owners_[position + 1:]:
                evidence = pairs.get(i, j)
                if evidence is not None:
                    evidence.same_abbreviation = True
        for j, _fj in by_name.get(short, ()):
            for i in owners_:
                evidence = pairs.get(i, j)
                if evidence is not None:
                    evidence.abbreviation_is_name = True


def _rows_alike(forms: list[str], others: list[str], cutoff: float
                ) -> Iterator[tuple[int, int, float]]:
    """(row, column, score) of every two names at least `cutoff` alike (process.cdist, a
    block of rows at a time)."""
    import numpy
    from rapidfuzz import fuzz, process

    workers = -1 if len(forms) * len(others) > 250_000 else 1
    for start in range(0, len(forms), CHUNK):
        block = forms[start:start + CHUNK]
        # Words in another order ("Party Socialist …") and a word spelt apart in its first
        # letters ("Edinaya" / "Yedinaya", which token sorting puts out of step): the better.
        matrix = numpy.maximum(
            process.cdist(block, others, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff,
                          dtype=numpy.uint8, workers=workers),
            process.cdist(block, others, scorer=fuzz.ratio, score_cutoff=cutoff,
                          dtype=numpy.uint8, workers=workers))
        rows, columns = numpy.nonzero(matrix)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            yield start + row, column, float(matrix[row, column])


def _block_pass(pairs: _Pairs, members: list[int], cutoff: float) -> None:
    """Every two names of the records of one country."""
    forms: list[str] = []
    owners: list[tuple[int, int]] = []
    for index in members:
        for form_index, form in enumerate(pairs.records[index].forms):
            forms.append(form.fuzzy)
            owners.append((index, form_index))
    if len(forms) < 2:
        return
    for row, column, score in _rows_alike(forms, forms, cutoff):
        if column <= row:
            continue
        (i, fi), (j, fj) = owners[row], owners[column]
        if i == j:
            continue
        evidence = pairs.get(i, j)
        if evidence is not None:
            evidence.names(score, pairs.records[i].forms[fi], pairs.records[j].forms[fj])


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[k:k + 3] for k in range(len(padded) - 2)}


class _Candidates:
    """Which records a record without a country is compared with: those sharing one of its
    rarer words, else its rarer letter trigrams."""

    def __init__(self, records: list[_Record]) -> None:
        self.records = records
        self.words: dict[str, set[int]] = defaultdict(set)
        for index, record in enumerate(records):
            for form in record.forms:
                for word in form.latin.split():
                    if len(word) >= 3:
                        self.words[word].add(index)
                self.words[form.compact].add(index)
            for short in record.abbreviations:
                self.words[short].add(index)
        self._trigrams: dict[str, set[int]] | None = None

    def trigrams(self) -> dict[str, set[int]]:
        if self._trigrams is None:  # only when some countryless record has no rare word
            self._trigrams = defaultdict(set)
            for index, record in enumerate(self.records):
                for form in record.forms:
                    for gram in _trigrams(form.compact):
                        self._trigrams[gram].add(index)
        return self._trigrams

    def of(self, index: int) -> set[int]:
        record = self.records[index]
        keys = {word for form in record.forms for word in form.latin.split() if len(word) >= 3}
        keys |= {form.compact for form in record.forms}
        found = self._gather(self.words, keys)
        if not found:
            found = self._gather(self.trigrams(), {gram for form in record.forms
                                                   for gram in _trigrams(form.compact)})
        found.discard(index)
        return found

    @staticmethod
    def _gather(index: dict[str, set[int]], keys: Iterable[str]) -> set[int]:
        found: set[int] = set()
        postings = sorted((index[key] for key in keys if 1 < len(index.get(key, ())) <= RARE),
                          key=len)
        for posting in postings:
            if len(found) + len(posting) > CANDIDATES and found:
                break
            found |= posting
        return found


def _countryless_pass(pairs: _Pairs, candidates: _Candidates, index: int,
                      cutoff: float) -> None:
    record = pairs.records[index]
    others = sorted(candidates.of(index))
    if not others:
        return
    forms = [form.fuzzy for form in record.forms]
    other_forms: list[str] = []
    owners: list[tuple[int, int]] = []
    for other in others:
        for form_index, form in enumerate(pairs.records[other].forms):
            other_forms.append(form.fuzzy)
            owners.append((other, form_index))
    for row, column, score in _rows_alike(forms, other_forms, cutoff):
        j, fj = owners[column]
        evidence = pairs.get(index, j)
        if evidence is not None:
            evidence.names(score, record.forms[row], pairs.records[j].forms[fj])


def _best_names(a: _Record, b: _Record, evidence: _Evidence) -> None:
    """How alike two records' names are, for a pair found by its abbreviation alone."""
    from rapidfuzz import fuzz

    for first in a.forms:
        for second in b.forms:
            evidence.names(max(fuzz.token_sort_ratio(first.fuzzy, second.fuzzy),
                               fuzz.ratio(first.fuzzy, second.fuzzy)), first, second)


def _pair(kind: Kind, a: _Record, b: _Record, evidence: _Evidence) -> DuplicatePair:
    codes: list[str] = []
    score = evidence.score
    if evidence.exact:
        codes.append(evidence.exact)
        score = 100.0
    elif score >= 100:
        codes.append("same_words")
    elif score > 0:
        codes.append("names_alike")
    if evidence.same_abbreviation:
        codes.append("same_abbreviation")
        if score < 100:
            score = min(99.0, score + ABBREVIATION_BONUS)
    if evidence.abbreviation_is_name:
        codes.append("abbreviation_is_name")
        score = max(score, ABBREVIATION_IS_NAME_SCORE)
    if a.country is not None and a.country == b.country:
        codes.append("same_country")
    if b.weight > a.weight:
        a, b = b, a
        evidence.matched = (evidence.matched[1], evidence.matched[0])
    alike = round(evidence.score)
    reasons = tuple(translate("Duplicates", REASONS[code]).format(score=alike)
                    for code in codes)
    return DuplicatePair(kind, a.id, a.name, b.id, b.name, a.country or b.country,
                         round(score), tuple(codes), reasons, evidence.matched)


def _check_kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise LiaisonError(translate(
            "Duplicates", "Duplicates are looked for among organizations or people."))
    return kind


def _check_score(min_score: float) -> float:
    if not 0 <= min_score <= 100:
        raise LiaisonError(translate(
            "Duplicates", "The lowest score is a number from 0 to 100 (given: {score}).")
            .format(score=min_score))
    return float(min_score)


def scan_steps(db: Database, kind: str = "organization", *,
               min_score: float | None = None) -> Iterator[ScanStep]:
    """The scan as a generator of progress (for a background job); the last step carries the
    pairs, best first. Reading only: closing it early leaves nothing behind. `min_score`:
    the lowest score kept (default: DEFAULT_MIN_SCORES of the kind)."""
    kind_ = _check_kind(kind)
    cutoff = _check_score(DEFAULT_MIN_SCORES[kind_] if min_score is None else min_score)
    yield ScanStep("reading", 0, 1)
    records, refused = _read(db, kind_)
    pairs = _Pairs(records)
    blocks: dict[str | None, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        blocks[record.country].append(index)
    countryless = blocks.pop(None, [])
    total = len(records) + 1
    done = 0
    yield ScanStep("comparing", done, total)
    _exact_pass(pairs)
    done += 1
    for members in blocks.values():
        _block_pass(pairs, members, cutoff)
        done += len(members)
        yield ScanStep("comparing", done, total)
    if countryless:
        candidates = _Candidates(records)
        for number, index in enumerate(countryless, 1):
            _countryless_pass(pairs, candidates, index, cutoff)
            if number % 200 == 0 or number == len(countryless):
                yield ScanStep("comparing", done + number, total)
    found: list[DuplicatePair] = []
    for (i, j), evidence in pairs.found.items():
        a, b = records[i], records[j]
        if (min(a.id, b.id), max(a.id, b.id)) in refused:
            continue
        if evidence.score == 0 and not evidence.exact:
            _best_names(a, b, evidence)
        pair = _pair(kind_, a, b, evidence)
        if pair.score >= cutoff:
            found.append(pair)
    # Best first; at one score, a name found equal before words reordered or names alike,
    # and a shared country before one unknown.
    found.sort(key=lambda p: (-p.score, _ORDER.index(p.codes[0]) if p.codes else len(_ORDER),
                              "same_country" not in p.codes, p.first_name.casefold(),
                              p.second_name.casefold(), p.first_id))
    yield ScanStep("done", total, total, tuple(found))


def scan_duplicates(db: Database, kind: str = "organization", *,
                    min_score: float | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[DuplicatePair]:
    """Likely duplicate pairs among the live organizations (or people), best first, leaving
    out the pairs marked not duplicates. `progress(done, total)` is told as it goes;
    `cancelled()` returning True stops it (InterruptedError)."""
    pairs: tuple[DuplicatePair, ...] = ()
    for step in scan_steps(db, kind, min_score=min_score):
        if cancelled is not None and cancelled():
            raise InterruptedError(translate("Duplicates", "The duplicate scan was cancelled."))
        if progress is not None:
            progress(step.done, step.total)
        if step.pairs is not None:
            pairs = step.pairs
    return list(pairs)


# -- pairs that are not duplicates ---------------------------------------------------------

def _ordered(first_id: str, second_id: str) -> tuple[str, str]:
    a, b = first_id.strip(), second_id.strip()
    return (a, b) if a < b else (b, a)


def mark_not_duplicate(db: Database, kind: str, first_id: str, second_id: str,
                       who: str | None = None) -> None:
    """Remember that two records are not the same: the scan shows the pair no more. Both
    must be live records of `kind`; marking a pair twice changes nothing."""
    kind_ = _check_kind(kind)
    a, b = _ordered(first_id, second_id)
    noun = record_noun(kind_)
    if a == b:
        raise LiaisonError(translate(
            "Duplicates", "A record is always the same as itself: choose two different "
                          "{noun}s.").format(noun=noun))
    model: Any = Organization if kind_ == "organization" else Person
    with db.transaction() as session:
        for record_id in (a, b):
            record = session.get(model, record_id)
            if record is None or record.deleted_at is not None:
                raise LiaisonError(translate("Records", "There is no {noun} with id {id}.")
                                   .format(noun=noun, id=record_id))
        if session.get(NotDuplicate, (kind_, a, b)) is None:
            session.add(NotDuplicate(kind=kind_, first_id=a, second_id=b,
                                     decided_at=datetime.now(UTC), who=who))


def forget_not_duplicate(db: Database, kind: str, first_id: str, second_id: str) -> bool:
    """Let the scan show the pair again; False when it was not marked."""
    kind_ = _check_kind(kind)
    a, b = _ordered(first_id, second_id)
    with db.transaction() as session:
        removed = session.execute(delete(NotDuplicate).where(
            NotDuplicate.kind == kind_, NotDuplicate.first_id == a,
            NotDuplicate.second_id == b))
        return bool(getattr(removed, "rowcount", 0))


def not_duplicates(db: Database, kind: str, record_id: str | None = None
                   ) -> list[tuple[str, str]]:
    """The pairs marked not duplicates (of one record, when given), in id order."""
    kind_ = _check_kind(kind)
    with db.reading() as session:
        statement = select(NotDuplicate.first_id, NotDuplicate.second_id).where(
            NotDuplicate.kind == kind_)
        if record_id:
            statement = statement.where(or_(NotDuplicate.first_id == record_id,
                                            NotDuplicate.second_id == record_id))
        return [(a, b) for a, b in session.execute(
            statement.order_by(NotDuplicate.first_id, NotDuplicate.second_id)).all()]


def record_kind(db: Database, record_id: str) -> Kind | None:
    """Whether an id names an organization or a person (live, deleted or merged away), or
    neither (None): what `liaison merge-records` is given is two ids alone."""
    models: tuple[tuple[Kind, Any], ...] = (("organization", Organization), ("person", Person))
    with db.reading() as session:
        for kind, model in models:
            if session.get(model, record_id.strip()) is not None:
                return kind
    return None
