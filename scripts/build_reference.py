"""Generate Liaison's shipped reference data in resources/reference/.

This is a build-time script: the application never imports it, and the
libraries it uses are not dependencies of the application. It writes

    resources/reference/countries.json   ISO 3166-1 countries (+ Kosovo)
    resources/reference/groupings.json   country groupings (seed tags)
    resources/reference/topics.json      cooperation topics

How to run it (a throwaway virtual environment; the pins are the versions the
shipped files were generated with -- newer versions are fine, review the diff):

    python3 -m venv /tmp/refbuild
    /tmp/refbuild/bin/pip install pycountry==26.2.16 country_converter==1.3.2 \
        'pandas<3' worldcountrygroups==0.5.0
    /tmp/refbuild/bin/python scripts/build_reference.py            # write files
    /tmp/refbuild/bin/python scripts/build_reference.py --check    # exit 1 if stale

(country_converter 1.3.2 does not import with pandas 3, hence ``pandas<3``.)

Sources:
  * pycountry (LGPL-2.1; data from Debian's iso-codes): ISO 3166-1 codes and
    English names; Simplified Chinese names from its ``zh_CN`` gettext catalogue.
  * country_converter (GPL-3.0): short English names, official names, UN M49
    sub-regions, and the EU/OECD/G7/G20/APEC/CIS/UN-member classification columns.
  * worldcountrygroups (MIT): BRICS, SCO, African Union, ASEAN, G77, CELAC,
    League of Arab States, GCC and Pacific Islands Forum membership lists.

Every correction made on top of those sources is a named constant below with
its reason, so the output can be audited. The output is deterministic: lists
sorted, keys in a fixed order, UTF-8 (``ensure_ascii=False``), indent 1,
trailing newline.

Party Facts (the starter register's source) uses a few alpha-3 codes that are
not ISO 3166-1 codes; see ``PARTYFACTS_NON_ISO_CODES``. Only ``XKX`` (Kosovo)
denotes a current country, so Kosovo is added to countries.json with the
user-assigned code ``XK``/``XKX``; the others are sub-national units, states
that no longer exist, or the EU level, and the loader maps them as listed.
"""

from __future__ import annotations

import argparse
import gettext
import importlib.metadata
import json
import logging
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "reference"

# --------------------------------------------------------------------------
# UN M49 regions. country_converter's ``UNregion`` column already uses the
# M49 *intermediate* regions for Sub-Saharan Africa (Eastern/Middle/Southern/
# Western Africa) and for Latin America and the Caribbean (Caribbean, Central
# America, South America); every other value is an M49 sub-region. That is the
# two-level scheme Liaison uses: region = continent-level M49 region,
# sub_region = that column. Chinese names follow the UN's official Chinese
# M49 names (hand-written: no library ships them).
# --------------------------------------------------------------------------
REGION_ZH = {
    "Africa": "非洲",
    "Americas": "美洲",
    "Asia": "亚洲",
    "Europe": "欧洲",
    "Oceania": "大洋洲",
}

# sub_region -> (region, sub_region_zh)
SUB_REGIONS = {
    "Northern Africa": ("Africa", "北非"),
    "Eastern Africa": ("Africa", "东非"),
    "Middle Africa": ("Africa", "中非"),
    "Southern Africa": ("Africa", "南部非洲"),
    "Western Africa": ("Africa", "西非"),
    "Caribbean": ("Americas", "加勒比"),
    "Central America": ("Americas", "中美洲"),
    "South America": ("Americas", "南美洲"),
    "Northern America": ("Americas", "北美洲"),
    "Central Asia": ("Asia", "中亚"),
    "Eastern Asia": ("Asia", "东亚"),
    "South-eastern Asia": ("Asia", "东南亚"),
    "Southern Asia": ("Asia", "南亚"),
    "Western Asia": ("Asia", "西亚"),
    "Eastern Europe": ("Europe", "东欧"),
    "Northern Europe": ("Europe", "北欧"),
    "Southern Europe": ("Europe", "南欧"),
    "Western Europe": ("Europe", "西欧"),
    "Australia and New Zealand": ("Oceania", "澳大利亚和新西兰"),
    "Melanesia": ("Oceania", "美拉尼西亚"),
    "Micronesia": ("Oceania", "密克罗尼西亚"),
    "Polynesia": ("Oceania", "波利尼西亚"),
}

# country_converter values that are not an M49 sub-region (-> null region).
NO_REGION = {"Antarctica"}

# Corrections to country_converter 1.3.2's UNregion column (alpha-2 -> sub-region).
SUB_REGION_FIXES = {
    # country_converter puts Nauru in Polynesia; UN M49 has it in Micronesia.
    "NR": "Micronesia",
}

# --------------------------------------------------------------------------
# Chinese names. pycountry's zh_CN catalogue (volunteer translations) is used
# as is, except for the entries below, checked against the UN's official
# Chinese short names (M49): typos, Taiwan-usage spellings, a name that
# collides with a region name, and the usage this office expects for Taiwan,
# Hong Kong and Macao. The catalogue's own spelling is kept in aliases_zh so
# spreadsheets that use it still match.
# --------------------------------------------------------------------------
NAME_ZH_FIXES = {
    "BD": "孟加拉国",  # catalogue: 孟加拉 (UN short name is 孟加拉国)
    "BO": "玻利维亚",  # catalogue: 波利维亚 (typo)
    "FM": "密克罗尼西亚联邦",  # catalogue: 密克罗尼西亚 = the sub-region's name
    "GT": "危地马拉",  # catalogue: 瓜地马拉 (Taiwan usage)
    "HK": "中国香港",  # catalogue: 香港
    "IM": "马恩岛",  # catalogue: 曼岛
    "KG": "吉尔吉斯斯坦",  # catalogue: 吉尔吉斯坦
    "KH": "柬埔寨",  # catalogue: 柬埔塞 (typo)
    "MO": "中国澳门",  # catalogue: 澳门
    "MT": "马耳他",  # catalogue: 马尔他 (Taiwan usage)
    "PF": "法属波利尼西亚",  # catalogue: 法属玻利尼西亚
    "TT": "特立尼达和多巴哥",  # catalogue: 特里尼达和多巴哥
    "TW": "中国台湾",  # catalogue: 台湾 (common name), 中国台湾省 (ISO name)
}

# English names matching the Chinese usage above (APEC/WTO style); the
# sources' names ("Taiwan", "Hong Kong", "Macao", ...) stay in aliases.
NAME_EN_FIXES = {
    "HK": "Hong Kong, China",
    "MO": "Macao, China",
    "TW": "Taiwan, China",
}

# Aliases left out: country_converter gives "Republic of China" as Taiwan's
# official name; it is not a name this office uses for Taiwan, and it would
# make a spreadsheet's "Republic of China" match Taiwan rather than China.
ALIAS_EXCLUDE = {
    "TW": {"Republic of China"},
}

# country_converter's short name is used as name_en (when pycountry has no
# common_name) unless it is abbreviated or in inverted "X, Y" form.
ABBREVIATIONS = ("St.", "Fed. Sts.", " Is.")

# Kosovo: not in ISO 3166-1; XK/XKX are the user-assigned codes in common use
# (EU, IMF, Party Facts). Its UN M49 placement is that of its neighbours.
KOSOVO = {
    "code": "XK",
    "alpha3": "XKX",
    "numeric": None,
    "name_en": "Kosovo",
    "name_zh": "科索沃",
    "sub_region": "Southern Europe",
}

# Party Facts (partyfacts-core-parties.csv, column ``country``) alpha-3 codes
# that are not ISO 3166-1 alpha-3. -> suggested Liaison country code (None =
# no country: the EU level). For the starter loader; not written to the JSON.
PARTYFACTS_NON_ISO_CODES = {
    "XKX": ("XK", "Kosovo (current; user-assigned code, added to countries.json)"),
    "NIR": ("GB", "Northern Ireland (part of the United Kingdom)"),
    "SML": ("SO", "Somaliland (self-declared, within Somalia)"),
    "PMR": ("MD", "Transnistria / Pridnestrovian Moldavian Republic (within Moldova)"),
    "ZZB": ("TZ", "Zanzibar (part of Tanzania)"),
    "NFL": ("CA", "Dominion of Newfoundland (joined Canada in 1949)"),
    "DDR": ("DE", "German Democratic Republic (East Germany, 1949-1990)"),
    "YMD": ("YE", "People's Democratic Republic of Yemen (South Yemen, 1967-1990)"),
    "VNR": ("VN", "Republic of Vietnam (South Vietnam, 1955-1975)"),
    "AUH": ("AT", "Austria-Hungary (1867-1918); parties are Austrian ones"),
    "EUN": (None, "European Union level (European Parliament groups, Europarties)"),
}

# --------------------------------------------------------------------------
# Groupings. (name, name_zh, source column or group id)
# --------------------------------------------------------------------------
COCO_GROUPINGS = [
    # name, name_zh, country_converter column
    ("APEC", "亚太经济合作组织", "APEC"),
    ("CIS", "独立国家联合体", "CIS"),
    ("EU", "欧洲联盟", "EU"),
    ("G7", "七国集团", "G7"),
    ("G20", "二十国集团", "G20"),
    ("OECD", "经济合作与发展组织", "OECD"),
    ("UN member states", "联合国会员国", "UNmember"),
]

WCG_GROUPINGS = [
    # name, name_zh, worldcountrygroups group id
    ("African Union", "非洲联盟", "au"),
    ("ASEAN", "东南亚国家联盟", "asean"),
    ("BRICS", "金砖国家", "brics11"),
    ("CELAC", "拉丁美洲和加勒比国家共同体", "celac"),
    ("G77 and China", "七十七国集团和中国", "g77"),
    ("GCC", "海湾阿拉伯国家合作委员会", "gcc"),
    ("League of Arab States", "阿拉伯国家联盟", "las"),
    ("Pacific Islands Forum", "太平洋岛国论坛", "pif"),
    ("SCO", "上海合作组织", "sco"),
]

# Members the sources omit although they are full members (grouping -> {code: reason}).
MEMBER_ADDITIONS = {
    "CIS": {"KG": "founding CIS member state, missing from country_converter's CIS column"},
    "ASEAN": {"TL": "admitted as ASEAN's 11th member in October 2025, after the source's data"},
}

GROUPING_NOTES = {
    "APEC": "APEC members are 'economies': Hong Kong, China and Chinese Taipei are included.",
    "BRICS": "Original five plus the members admitted in 2024-2025 (source group 'brics11'); "
    "Saudi Arabia was invited in 2023 and its status is ambiguous.",
    "G20": "The European Union and the African Union are also members; "
    "country_converter's G20 column lists every EU member state, so EU states that are "
    "not G20 members in their own right are left out here.",
    "G77 and China": "The nearest maintained list for the 'Global South'.",
}

# --------------------------------------------------------------------------
# Cooperation topics (hand-written; display order).
# --------------------------------------------------------------------------
TOPICS = [
    ("governance", "Governance experience", "治国理政经验"),
    ("party_building", "Party building", "党的建设"),
    ("poverty_alleviation", "Poverty alleviation", "减贫"),
    ("food_security", "Food security", "粮食安全"),
    ("green_development", "Green development", "绿色发展"),
    ("technological_innovation", "Technological innovation", "科技创新"),
    ("digital_economy", "Digital economy", "数字经济"),
    ("science_and_technology", "Science and technology", "科学技术"),
    ("economic_and_trade", "Economic and trade cooperation", "经贸合作"),
    ("education", "Education", "教育"),
    ("health", "Health", "卫生健康"),
    ("culture", "Culture", "文化"),
    ("sports", "Sports", "体育"),
    ("tourism", "Tourism", "旅游"),
    ("youth", "Youth", "青年"),
    ("women", "Women", "妇女"),
    ("media", "Media", "媒体"),
    ("think_tanks", "Think tanks", "智库"),
    ("people_to_people", "People-to-people exchanges", "人文交流"),
    ("security", "Security", "安全"),
]


def _version(dist: str) -> str:
    return importlib.metadata.version(dist)


def _dedupe(names, exclude) -> list[str]:
    """Non-empty names, without duplicates or *exclude*, sorted."""
    return sorted({n.strip() for n in names if n and n.strip()} - {exclude})


def _coco_frame():
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    df = coco.CountryConverter().data
    # ISO2 holds regexes for a couple of rows (GB/UK, GR/EL); ISO3 is clean.
    return {row["ISO3"]: row for _, row in df.iterrows()}


def _present(value) -> bool:
    import pandas as pd

    return value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA and str(value).strip() != ""


def build_countries(coco_rows, report: list[str]) -> list[dict]:
    import pycountry

    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])

    def tr(text):
        # gettext('') returns the catalogue header: never translate empty text.
        if not text:
            return None
        out = zh.gettext(text)
        return out if out != text else None

    countries = []
    for c in pycountry.countries:
        name = c.name
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        row = coco_rows.get(c.alpha_3)
        cc_short = row["name_short"] if row is not None else None
        cc_official = row["name_official"] if row is not None and _present(row["name_official"]) else None

        if c.alpha_2 in NAME_EN_FIXES:
            name_en = NAME_EN_FIXES[c.alpha_2]
        elif common:
            name_en = common
        elif (
            cc_short
            and "," not in cc_short
            and not any(a in cc_short for a in ABBREVIATIONS)
        ):
            name_en = cc_short
        elif ", " in name and official:
            name_en = official  # inverted ISO form -> its official form
        else:
            name_en = name

        zh_candidates = [tr(common), tr(name), tr(official)]
        catalogue_zh = next((z for z in zh_candidates if z), None)
        if c.alpha_2 in NAME_ZH_FIXES:
            name_zh = NAME_ZH_FIXES[c.alpha_2]
        elif catalogue_zh:
            name_zh = catalogue_zh
        else:
            name_zh = name_en
            report.append(f"name_zh fell back to English: {c.alpha_2} {name_en}")

        sub = row["UNregion"] if row is not None and _present(row["UNregion"]) else None
        sub = SUB_REGION_FIXES.get(c.alpha_2, sub)
        countries.append(
            _country(
                code=c.alpha_2,
                alpha3=c.alpha_3,
                numeric=c.numeric,
                name_en=name_en,
                name_zh=name_zh,
                official_name_en=official,
                sub_region=sub,
                aliases=[
                    a
                    for a in _dedupe([name, official, common, cc_short, cc_official], name_en)
                    if a not in ALIAS_EXCLUDE.get(c.alpha_2, ())
                ],
                aliases_zh=_dedupe(zh_candidates, name_zh),
            )
        )

    k = coco_rows.get(KOSOVO["alpha3"])
    k_official = k["name_official"] if k is not None else None
    countries.append(
        _country(
            **KOSOVO,
            official_name_en=k_official,
            aliases=_dedupe([k["name_short"] if k is not None else None], KOSOVO["name_en"]),
            aliases_zh=[],
        )
    )
    countries.sort(key=lambda d: d["code"])
    return countries


def _country(*, code, alpha3, numeric, name_en, name_zh, official_name_en, sub_region,
             aliases, aliases_zh) -> dict:
    if sub_region in NO_REGION:
        sub_region = None
    if sub_region is not None and sub_region not in SUB_REGIONS:
        raise SystemExit(f"unknown M49 sub-region {sub_region!r} for {code}")
    region, sub_zh = SUB_REGIONS[sub_region] if sub_region else (None, None)
    return {
        "code": code,
        "alpha3": alpha3,
        "numeric": numeric,
        "name_en": name_en,
        "name_zh": name_zh,
        "official_name_en": official_name_en,
        "region": region,
        "region_zh": REGION_ZH[region] if region else None,
        "sub_region": sub_region,
        "sub_region_zh": sub_zh,
        "aliases": [a for a in aliases if a != name_en],
        "aliases_zh": [a for a in aliases_zh if a != name_zh],
    }


def build_groupings(coco_rows, codes: set[str], alpha3_to_2: dict[str, str]) -> list[dict]:
    import country_converter as coco
    import worldcountrygroups

    cc_version = _version("country_converter")
    wcg_version = _version("worldcountrygroups")
    groupings = []

    def column(col):
        return {alpha3_to_2[a3] for a3, row in coco_rows.items() if _present(row[col])}

    for name, name_zh, col in COCO_GROUPINGS:
        members = column(col)
        source = f"country_converter {cc_version} ({col} column)"
        if name == "G20":
            members -= column("EU") - column("G7")
            source = (f"country_converter {cc_version} (G20 column, less EU member states "
                      "that are not G20 members in their own right)")
        groupings.append((name, name_zh, source, members))

    for name, name_zh, gid in WCG_GROUPINGS:
        group = worldcountrygroups.get_group(gid)
        members = set()
        for country in group.countries:
            iso2 = (country.iso2 or "").upper()
            if not iso2:
                # A few entries carry a name only (e.g. "Congo, Dem. Rep.").
                iso2 = coco.convert(country.name.strip("\u200b "), to="ISO2", not_found="")
                if not iso2:
                    raise SystemExit(f"{gid}: cannot resolve member {country.name!r}")
            members.add(iso2)
        source = f"worldcountrygroups {wcg_version} (group '{gid}')"
        groupings.append((name, name_zh, source, members))

    out = []
    for name, name_zh, source, members in groupings:
        notes = [GROUPING_NOTES[name]] if name in GROUPING_NOTES else []
        for code, reason in sorted(MEMBER_ADDITIONS.get(name, {}).items()):
            if code not in members:
                members.add(code)
                notes.append(f"{code} added by hand: {reason}.")
        unknown = members - codes
        if unknown:
            raise SystemExit(f"{name}: members not in countries.json: {sorted(unknown)}")
        out.append({
            "name": name,
            "name_zh": name_zh,
            "source": source,
            "note": " ".join(notes) or None,
            "members": sorted(members),
        })
    out.sort(key=lambda g: g["name"].casefold())
    return out


def build_topics() -> list[dict]:
    keys = [k for k, _, _ in TOPICS]
    assert len(keys) == len(set(keys)), "duplicate topic key"
    return [{"key": k, "name_en": en, "name_zh": zh} for k, en, zh in TOPICS]


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a file differs from what would be written")
    args = parser.parse_args(argv)

    report: list[str] = []
    coco_rows = _coco_frame()
    countries = build_countries(coco_rows, report)
    codes = {c["code"] for c in countries}
    alpha3_to_2 = {c["alpha3"]: c["code"] for c in countries}
    missing = set(coco_rows) - set(alpha3_to_2)
    if missing:
        raise SystemExit(f"country_converter rows without a country: {sorted(missing)}")
    files = {
        "countries.json": dump(countries),
        "groupings.json": dump(build_groupings(coco_rows, codes, alpha3_to_2)),
        "topics.json": dump(build_topics()),
    }

    stale = []
    for fname, text in files.items():
        path = args.out / fname
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(fname)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    for line in report:
        print(line, file=sys.stderr)
    if args.check and stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    print(f"{len(countries)} countries; {'checked' if args.check else 'written to'} {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
