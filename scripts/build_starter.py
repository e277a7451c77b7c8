"""Build the starter register of real-world parties from the Party Facts data.

Source: Party Facts (https://partyfacts.herokuapp.com), MIT licence, (c) Party Facts authors.
Reads the four CSVs in the parties folder, joins them on ``partyfacts_id``, drops technical
placeholders ("alliance", "other", ...) and parties that have ended (``year_last`` filled), and
writes ``resources/starter/parties.csv`` sorted by country then name (UTF-8, no BOM, LF).

Build-time only and standard library only:  python scripts/build_starter.py [SRC_DIR] [-o OUT]
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "parties"
DEFAULT_OUT = REPO / "resources" / "starter" / "parties.csv"
COLUMNS = ["partyfacts_id", "country_alpha3", "name", "name_en", "abbreviation", "aliases",
           "founded", "website", "description"]
SOURCES = ("partyfacts-core-parties.csv", "partyfacts-wikipedia.csv", "partyfacts-whogov.csv",
           "partyfacts-leadglob.csv")
YEAR_MIN, YEAR_MAX = 1600, 2026
# Party Facts lists Chinese/Tamil forms for many Singapore parties, but their registered names
# are English: keep the core (Latin) name there even though most rows carry another script.
LATIN_NAMED_COUNTRIES = {"SGP"}

# Bidi marks/embeddings, BOM, soft hyphen, zero-width space. ZWNJ/ZWJ (U+200C/D) are kept
# inside names: Persian, Kurdish and Indic spellings need them.
_DROP = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                               "\u2066\u2067\u2068\u2069\ufeff\u00ad\u200b\u2060"))
_STRESS = re.compile(r"(?<=[\u0400-\u04ff])\u0301")  # Wikipedia stress marks on Cyrillic
_NIQQUD = re.compile(r"[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")  # Hebrew points
_SEP = re.compile(r"\s*(?:/{2,}|\s/\s|\s--\s|\s·\s|;)\s*")  # " / ", "//", " -- ", " · ", ";"
_LANG_WORD = r"[A-Za-z\u00c0-\u024f'’.-]+"
_LANG_BEFORE_COMMA = re.compile(rf",\s*(?=(?:{_LANG_WORD}\s+){{0,2}}{_LANG_WORD}\s*:)")
_MARKER = re.compile(r"^(?:translit\.|literally|abbreviated)\s+", re.IGNORECASE)
_TRAILING_ABBR = re.compile(r"^(.*\S),\s*(\w{2,6})$")  # "Справедливая Россия, СР"
_OR = re.compile(r"(?<=[^\x00-\u024f])\s+or\s+(?=[^\x00-\u024f])")  # "建制派 or 親中派"
_TRAILING_LABEL = re.compile(rf"\s*(?:\(?\s*{_LANG_WORD}\s*:|,\s*abbreviated)$", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]")  # [[German language|German]]
# a trailing language note: "Euzko Alderdi Jeltzalea (Basque)", "... (Dutch)"
_LANG_NOTE = re.compile(r"(?<=\S)\s*\(\s*[A-Z][a-z]+(?:ish|ese|ian|an|ch|que|mer|ic)\s*\)$")
_PLACEHOLDERS = {"unknown", "unidentified", "not in partyfacts", "na", "n/a", "none", "null", "nan"}


def clean(text: str | None) -> str:
    """NFC, HTML entities decoded, stray marks dropped, whitespace collapsed, edges trimmed."""
    text = unicodedata.normalize("NFC", html.unescape(text or "")).translate(_DROP)
    text = _NIQQUD.sub("", _STRESS.sub("", text))
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" and ch not in "\u200c\u200d"
                   else ch for ch in text)
    return " ".join(text.split()).strip(" ,;\u200c\u200d")


def non_latin(text: str) -> bool:
    """True when most letters of ``text`` are outside the Latin script."""
    letters = [ch for ch in text if ch.isalpha() and unicodedata.category(ch) != "Lm"]
    other = sum(not unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return bool(letters) and other * 2 > len(letters)


def strip_language(text: str, max_words: int) -> str:
    """Drop a leading "Language:" label ("Pashto: ...", "Serbian Cyrillic: ...")."""
    match = re.match(rf"^\(?\s*((?:{_LANG_WORD}\s+){{0,{max_words - 1}}}{_LANG_WORD})\s*:\s*",
                     text)
    if match and len(match.group(1)) <= 30:
        text = text[match.end():]
    return text


def split_scripts(text: str) -> list[str]:
    """Split "حزب الله Ḥizbu 'llāh" into its original-script and romanized runs."""
    runs: list[list[str]] = []
    kinds: list[bool] = []
    for token in text.split():
        kind = non_latin(token) if any(ch.isalpha() for ch in token) else None
        if runs and (kind is None or kind == kinds[-1]):
            runs[-1].append(token)
        else:
            runs.append([token])
            kinds.append(bool(kind))
    if len(runs) > 1 and all(sum(any(c.isalpha() for c in t) for t in r) >= 2 for r in runs):
        return [" ".join(r) for r in runs]
    return [text]


def tidy(piece: str) -> str:
    """Drop labels, stray brackets and quotes left over from splitting; "" for placeholders."""
    piece = _WIKILINK.sub(r"\1", clean(piece)).replace("''", "")
    piece = clean(_LANG_NOTE.sub("", _TRAILING_LABEL.sub("", _MARKER.sub("", clean(piece)))))
    if piece.startswith("(") and ")" not in piece:
        piece = piece[1:]
    if piece.endswith(")") and "(" not in piece:
        piece = piece[:-1]
    if piece.count("(") == piece.count(")") + 1 and not piece.endswith("("):
        piece += ")"  # "پاکستان مسلم لیگ (ن" lost its closing bracket to bidi reordering
    if len(piece) > 1 and piece[0] == piece[-1] == '"' and piece.count('"') == 2:
        piece = piece[1:-1]
    piece = clean(piece.replace(";", ","))
    if piece.casefold() in _PLACEHOLDERS or not any(ch.isalnum() for ch in piece):
        return ""
    return piece


def split_comma(piece: str) -> list[str]:
    """Split off an abbreviation ("..., СР") or a name in another script ("..., Demokratska")."""
    abbr = _TRAILING_ABBR.match(piece)
    if abbr and (abbr[2].isupper() or (non_latin(abbr[2]) and not any(map(str.islower, abbr[2])))):
        return [abbr[1], abbr[2]]
    head, _, tail = piece.rpartition(",")
    return [head, tail] if head and non_latin(head) != non_latin(tail) else [piece]


def split_names(text: str | None, *, labelled: bool = False) -> list[str]:
    """Split a multi-name cell. ``labelled`` cells ("Arabic: ..., French: ...") get more care."""
    out: list[str] = []
    for part in _SEP.split(clean(text)):
        parts = _LANG_BEFORE_COMMA.split(part) if labelled else [part]
        for piece in parts:
            piece = clean(strip_language(clean(piece), 3 if labelled else 1))
            for p in split_comma(piece) if labelled else [piece]:
                for q in _OR.split(p) if labelled else [p]:
                    out.extend(tidy(x) for x in split_scripts(clean(q)))
    return [name for name in out if name]


_FOLDED_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i"})
_MINOR_WORDS = {"of", "the", "and", "for", "in", "de", "du", "des", "la", "le", "el", "y"}


def accent_folded(text: str) -> str:
    """Case and accents set aside: "Đảng Cộng sản" and "Dang Cong san" are the same name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLDED_LETTERS))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def english_initials(name_en: str) -> str:
    """"Communist Party of Vietnam" → "CPV"; nothing for a name of fewer than three words."""
    words = [w for w in re.split(r"[\s\-–]+", name_en) if w and w.casefold() not in _MINOR_WORDS]
    if len(words) < 3 or not all(w[0].isalpha() for w in words):
        return ""
    return "".join(w[0].upper() for w in words)


def merge_duplicates(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per party: Party Facts lists a few parties twice (the same name in the same
    country, from two datasets). The fuller row stays, with the other's id noted in its
    description and its abbreviation and names among the aliases."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[(accent_folded(row["name"]), row["country_alpha3"])].append(row)
    kept: list[dict[str, str]] = []
    for group in groups.values():
        group.sort(key=lambda r: (-sum(1 for v in r.values() if v), int(r["partyfacts_id"])))
        first, *others = group
        aliases = [a for a in first["aliases"].split(";") if a]
        taken = {first["name"].casefold(), first["name_en"].casefold(),
                 first["abbreviation"].casefold(), *(a.casefold() for a in aliases)}
        for other in others:
            for alias in [other["abbreviation"], other["name_en"],
                          *other["aliases"].split(";")]:
                if alias and alias.casefold() not in taken:
                    taken.add(alias.casefold())
                    aliases.append(alias)
        first["aliases"] = ";".join(aliases)
        kept.append(first)
    return kept


def year(value: str | None) -> int | None:
    value = clean(value)
    return int(value) if value.isdigit() and YEAR_MIN <= int(value) <= YEAR_MAX else None


def http_url(value: str | None) -> str:
    value = clean(value)
    ok = re.match(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", value, re.IGNORECASE)
    return value if ok else ""


def read_csv(path: Path, *columns: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name} lacks column(s) {', '.join(missing)}")
        return list(reader)


def load(src: Path) -> tuple[list[dict[str, str]], dict[str, dict[str, str]], dict[str, list[str]]]:
    """Core rows still active, Wikipedia rows by id, extra names (WhoGov, LeadGlob) by id."""
    core_columns = ("country", "partyfacts_id", "technical", "name_short", "name", "name_english",
                    "name_other", "year_first", "year_last", "wikipedia", "description")
    core = [row for row in read_csv(src / "partyfacts-core-parties.csv", *core_columns)
            if not clean(row["technical"]) and not clean(row["year_last"])]
    wiki_rows = read_csv(src / "partyfacts-wikipedia.csv", "partyfacts_id", "url", "name",
                         "name_native", "year_founded")
    wiki = {clean(row["partyfacts_id"]): row for row in wiki_rows}
    extra: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(src / "partyfacts-whogov.csv", "partyfacts_id", "name", "name_english"):
        extra[clean(row["partyfacts_id"])] += [row["name"], row["name_english"]]
    for row in read_csv(src / "partyfacts-leadglob.csv", "party_id", "name_english"):
        extra[clean(row["party_id"])].append(row["name_english"])
    return core, wiki, extra


def original_script_countries(core: list[dict[str, str]],
                              wiki: dict[str, dict[str, str]]) -> set[str]:
    """Countries whose parties are mostly named in a non-Latin script (per Wikipedia's native
    names; where Wikipedia gives none, per any name on file)."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in core:
        tally = votes[row["country"]]
        native = clean(wiki.get(clean(row["partyfacts_id"]), {}).get("name_native"))
        if native:
            tally[0 if non_latin(native) else 1] += 1
        names = split_names(row["name"]) + split_names(row["name_other"], labelled=True)
        tally[2] += any(map(non_latin, names))
        tally[3] += 1
    return {c for c, (wn, wl, any_nl, total) in votes.items()
            if (wn > wl or (wn == wl == 0 and any_nl * 2 >= total))
            and c not in LATIN_NAMED_COUNTRIES}


def build_row(row: dict[str, str], wiki_row: dict[str, str], extra: list[str],
              script_countries: set[str]) -> dict[str, str]:
    """One output row. ``name`` prefers a native name in its original (non-Latin) script when
    Wikipedia gives one, or when the country's parties are mostly named in such a script."""
    core_names = split_names(row["name"])
    natives = split_names(wiki_row.get("name_native"), labelled=True)
    others = split_names(row["name_other"], labelled=True)
    english = split_names(row["name_english"])
    name_en = english[0] if english else ""
    # A core name with " / " is a renamed party or a union ("CDU / CSU"): keep it whole.
    name = tidy(strip_language(clean(row["name"]), 1)) or name_en
    if not non_latin(name) and (any(map(non_latin, natives)) or row["country"] in script_countries):
        name = next((n for n in natives + core_names + others if non_latin(n)), name)

    candidates = (english[1:] + core_names + others
                  + split_names(wiki_row.get("name"), labelled=True) + natives
                  + [n for e in extra for n in split_names(e, labelled=True)])
    # A name the source gives only as a plain-ASCII transliteration ("Dang Cong san Viet Nam")
    # is written as the party writes it when another source spells it with its diacritics
    # ("Đảng Cộng sản Việt Nam"); the transliteration stays as an alias.
    if name.isascii():
        name = next((c for c in candidates if not c.isascii() and not non_latin(c)
                     and accent_folded(c) == accent_folded(name)
                     and [w[:1].isupper() for w in c.split()]
                     == [w[:1].isupper() for w in name.split()]), name)

    abbreviation = clean(row["name_short"]).replace(";", ",")
    if abbreviation.casefold() == name.casefold():
        abbreviation = ""

    seen = {name.casefold(), name_en.casefold(), abbreviation.casefold(), ""}
    aliases = []
    # The English initials ("CPV" for the Communist Party of Vietnam) of a party whose own
    # name is not English: how colleagues abroad and the press write it.
    initials = english_initials(name_en) if name_en and name_en != name else ""
    if initials:
        candidates = [initials, *candidates]
    for alias in candidates:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            aliases.append(alias)

    founded = year(row["year_first"]) or year(wiki_row.get("year_founded"))
    return {
        "partyfacts_id": clean(row["partyfacts_id"]),
        "country_alpha3": clean(row["country"]).upper(),
        "name": name,
        "name_en": name_en,
        "abbreviation": abbreviation,
        "aliases": ";".join(aliases),
        "founded": str(founded) if founded else "",
        "website": http_url(row["wikipedia"]) or http_url(wiki_row.get("url")),
        "description": clean(row["description"]),
    }


def build(src: Path, out: Path) -> list[dict[str, str]]:
    """Build the register from ``src`` into ``out``; return the rows written."""
    missing = [f for f in SOURCES if not (src / f).is_file()]
    if missing:
        raise FileNotFoundError(f"Party Facts data missing in {src}: {', '.join(missing)}")
    core, wiki, extra = load(src)
    scripts = original_script_countries(core, wiki)
    rows = merge_duplicates([build_row(r, wiki.get(clean(r["partyfacts_id"]), {}),
                                       extra.get(clean(r["partyfacts_id"]), []), scripts)
                             for r in core])
    rows.sort(key=lambda r: (r["country_alpha3"], r["name"].casefold(), r["name"],
                             int(r["partyfacts_id"])))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(out)  # never leave a half-written register behind
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src", nargs="?", type=Path, default=DEFAULT_SRC,
                        help="folder with the Party Facts CSVs (default: %(default)s)")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT,
                        help="output CSV (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        rows = build(args.src, args.out)
    except (OSError, ValueError, csv.Error) as exc:
        print(f"build_starter: {exc}", file=sys.stderr)
        return 1
    countries = len({r["country_alpha3"] for r in rows})
    print(f"wrote {len(rows)} parties in {countries} countries to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
