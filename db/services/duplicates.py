"""The duplicate scan: likely pairs of organizations (or people) that are one and the same,
across scripts and transliterations, ranked, each with why it matched — and the pairs a user
looked at and said are not duplicates (db/services/not_duplicates.py), which the scan shows no
more.

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

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from db.services.duplicate_names import Kind, NamedRecord, NameForm, read_records
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

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


# -- the evidence for each pair ------------------------------------------------------------

@dataclass
class _Evidence:
    score: float = 0.0  # how alike the names are, 0–100
    exact: str | None = None  # "same_name" | "same_name_other_script"
    matched: tuple[str, str] = ("", "")
    same_abbreviation: bool = False
    abbreviation_is_name: bool = False

    def names(self, score: float, first: NameForm, second: NameForm) -> None:
        if score > self.score:
            self.score = score
            self.matched = (first.original, second.original)


def _compatible(a: NamedRecord, b: NamedRecord) -> bool:
    return a.country is None or b.country is None or a.country == b.country


class _Pairs:
    def __init__(self, records: list[NamedRecord]) -> None:
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

    def __init__(self, records: list[NamedRecord]) -> None:
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


def _best_names(a: NamedRecord, b: NamedRecord, evidence: _Evidence) -> None:
    """How alike two records' names are, for a pair found by its abbreviation alone."""
    from rapidfuzz import fuzz

    for first in a.forms:
        for second in b.forms:
            evidence.names(max(fuzz.token_sort_ratio(first.fuzzy, second.fuzzy),
                               fuzz.ratio(first.fuzzy, second.fuzzy)), first, second)


def _pair(kind: Kind, a: NamedRecord, b: NamedRecord, evidence: _Evidence) -> DuplicatePair:
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


def check_kind(kind: str) -> Kind:
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
    kind_ = check_kind(kind)
    cutoff = _check_score(DEFAULT_MIN_SCORES[kind_] if min_score is None else min_score)
    yield ScanStep("reading", 0, 1)
    records, refused = read_records(db, kind_)
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
