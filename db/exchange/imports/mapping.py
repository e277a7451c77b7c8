"""Which row of a foreign sheet is the header, what its rows are, and which column feeds which
field — from header synonyms in English and Chinese — plus saved mapping profiles."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.models import Meta
from db.models.folding import has_han, has_latin, simplified
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import QT_TRANSLATE_NOOP, translate

KINDS = ("organizations", "people", "interactions", "followups")
# What the rows of each kind are, in words: English, marked for the catalog; show them with
# translate("Import", KIND_NOUNS[kind]).
KIND_NOUNS = {"organizations": QT_TRANSLATE_NOOP("Import", "organizations"),
              "people": QT_TRANSLATE_NOOP("Import", "people (with their positions)"),
              "interactions": QT_TRANSLATE_NOOP("Import", "interactions (with participants)"),
              "followups": QT_TRANSLATE_NOOP("Import", "follow-ups")}

# The fields a foreign sheet can feed, per kind (DESIGN.md's vocabulary). People rows may carry
# one position each (organization, role, start, end); first_name/last_name are joined into name.
TARGETS: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name", "name_en", "name_zh", "aliases", "abbreviation", "kind",
                      "country", "status", "ideology", "founded", "website", "email", "phone",
                      "level", "notes", "tags"),
    "people": ("id", "name", "first_name", "last_name", "name_en", "name_zh", "aliases",
               "title", "gender", "nationality", "emails", "phones", "languages", "notes", "tags",
               "organization", "role", "start", "end"),
    "interactions": ("id", "kind", "title", "start", "end", "city", "country", "platform",
                     "topics", "participants", "summary", "outcomes", "notes", "tags"),
    "followups": ("id", "description", "due", "status", "owner", "organization",
                  "interaction"),
}
# A list of parties invited to an event (imports/invitations.py): not guessed from the
# headers — the user says which event the rows are invitations to.
INVITATIONS = "invitations"
TARGETS[INVITATIONS] = ("country", "organization", "leader", "title", "email", "reply",
                        "attendance", "delegation_size", "invited_by", "invited_on",
                        "replied_on", "notes")
KIND_NOUNS[INVITATIONS] = QT_TRANSLATE_NOOP("Import", "invitations to an event")
DATE_FIELDS = frozenset({"start", "end", "due", "day", "invited_on", "replied_on",
                         "effective"})
# A programme's times of day ("09:30"), which a spreadsheet may hold as time cells.
TIME_FIELDS = frozenset({"starts", "ends"})

_COMMON = {
    "id": ["id", "uuid", "liaison id", "record id", "编号", "记录编号"],
    "notes": ["notes", "note", "remarks", "remark", "comments", "comment", "备注", "说明",
              "附注"],
    "tags": ["tags", "tag", "labels", "label", "keywords", "标签", "关键词"],
    "country": ["country", "country code", "iso", "iso code", "iso3", "nation", "country name",
                "国家", "国别", "国家地区", "国家/地区", "国家和地区", "所在国", "国家代码"],
    "name_en": ["name en", "english name", "name (english)", "name in english", "英文名称",
                "英文名", "英文"],
    "name_zh": ["name zh", "chinese name", "name (chinese)", "name in chinese", "中文名称",
                "中文名", "中文"],
    "aliases": ["aliases", "alias", "other names", "also known as", "aka", "别名", "又称",
                "其他名称"],
}

SYNONYMS: dict[str, dict[str, list[str]]] = {
    "organizations": {
        **_COMMON,
        "name": ["name", "party", "party name", "organization", "organisation",
                 "organization name", "organisation name", "name of party", "name of organization",
                 "partner", "partner party", "political party", "政党", "政党名称", "党名",
                 "组织", "组织名称", "机构", "机构名称", "名称", "单位", "单位名称", "党派"],
        "abbreviation": ["abbreviation", "abbr", "abbrev", "acronym", "short name", "short",
                         "简称", "缩写", "英文缩写"],
        "kind": ["kind", "type", "category", "organization type", "type of organization",
                 "类型", "类别", "组织类型", "机构类型"],
        "status": ["status", "political status", "position", "government status", "role in government",
                   "执政情况", "地位", "执政地位", "状态"],
        "ideology": ["ideology", "orientation", "political orientation", "family",
                     "party family", "意识形态", "政治倾向", "政治光谱"],
        "founded": ["founded", "founding year", "year founded", "established", "founded in",
                    "year of foundation", "成立", "成立时间", "成立年份", "建党时间", "建立时间"],
        "website": ["website", "web", "url", "homepage", "web site", "site", "网站", "网址",
                    "官网", "主页"],
        "email": ["email", "e-mail", "mail", "email address", "电子邮件", "邮箱", "电邮"],
        "phone": ["phone", "telephone", "tel", "phone number", "电话", "联系电话", "电话号码"],
        "level": ["level", "relationship", "relationship level", "relations", "关系",
                  "关系级别", "关系程度", "交往程度", "关系层级"],
    },
    "people": {
        **_COMMON,
        "name": ["name", "full name", "person", "contact", "contact name", "display name",
                 "姓名", "人名", "名字", "联系人", "人物", "全名", "显示名称"],
        "first_name": ["first name", "given name", "forename", "firstname", "名"],
        "last_name": ["last name", "surname", "family name", "lastname", "姓"],
        # Outlook's "Title" (称谓) is the honorific (Mr., Dr.): it gives way to "Job Title"
        # (WEAK_HEADERS). Google's exports call the job title "Organization 1 - Title".
        "title": ["title", "job title", "function", "honorific", "organization title",
                  "organisation title", "organization 1 - title", "职务", "头衔", "职衔",
                  "称谓", "职位"],
        "aliases": [*_COMMON["aliases"], "nickname", "nicknames", "nick name", "昵称"],
        "gender": ["gender", "sex", "性别"],
        "nationality": ["nationality", "citizenship", "country", "国籍", "国家"],
        "emails": ["email", "emails", "e-mail", "mail", "email address", "电子邮件", "邮箱",
                   "电邮", "电子邮箱", "电子邮件地址"],
        "phones": ["phone", "phones", "telephone", "tel", "mobile", "cell", "phone number",
                   "电话", "手机", "联系电话", "电话号码", "手机号", "手机号码", "移动电话"],
        "languages": ["languages", "language", "working languages", "语言", "工作语言"],
        "organization": ["organization", "organisation", "party", "affiliation", "employer",
                         "institution", "company", "company name", "organization name",
                         "organisation name", "organization 1 - name", "所属组织", "所属政党",
                         "政党", "单位", "组织", "机构", "工作单位", "所在单位", "公司"],
        "role": ["role", "position", "post", "position in organization", "党内职务", "角色",
                 "岗位"],
        "start": ["start", "since", "from", "start date", "in office since", "起始", "开始",
                  "任职开始", "起始日期", "任职时间"],
        "end": ["end", "until", "to", "end date", "结束", "任职结束", "截止", "结束日期"],
    },
    "interactions": {
        **_COMMON,
        "kind": ["kind", "type", "category", "kind of interaction", "activity type",
                 "type of exchange", "类型", "交往类型", "活动类型", "形式", "类别"],
        "title": ["title", "subject", "event", "activity", "name", "topic of meeting",
                  "description", "标题", "主题", "活动", "活动名称", "事项", "名称", "事由"],
        "start": ["start", "date", "start date", "from", "date of visit", "visit date",
                  "meeting date", "date of meeting", "event date", "日期", "时间", "开始日期",
                  "开始时间", "访问日期", "会见日期", "活动日期", "起始日期"],
        "end": ["end", "end date", "until", "to", "结束日期", "结束时间", "截止日期"],
        "city": ["city", "place", "location", "venue", "城市", "地点", "会见地点", "举办地"],
        "platform": ["platform", "mechanism", "framework", "channel", "平台", "机制", "渠道"],
        "topics": ["topics", "topic", "themes", "theme", "subjects", "issues", "议题", "话题",
                   "主题领域", "合作领域"],
        "participants": ["participants", "participant", "parties", "partners", "delegation",
                         "with", "counterpart", "counterparts", "organizations", "attendees",
                         "参与方", "参加方", "参与者", "参会方", "对方", "来访团组", "外方",
                         "政党", "团组", "代表团"],
        "summary": ["summary", "content", "details", "minutes", "report", "摘要", "内容",
                    "概要", "情况", "会谈内容"],
        "outcomes": ["outcomes", "outcome", "results", "result", "agreements", "成果",
                     "结果", "共识"],
    },
    "followups": {
        **_COMMON,
        "description": ["description", "follow-up", "follow up", "followup", "task", "action",
                        "promise", "commitment", "to do", "todo", "action item", "事项",
                        "待办", "后续", "后续事项", "承诺", "任务", "跟进事项"],
        "due": ["due", "due date", "deadline", "by", "截止", "截止日期", "期限", "到期"],
        "status": ["status", "state", "状态", "进展", "完成情况"],
        "owner": ["owner", "responsible", "assignee", "who", "assigned to", "负责人",
                  "责任人", "经办人"],
        "organization": ["organization", "organisation", "party", "partner", "政党", "组织",
                         "对方", "机构"],
        "interaction": ["interaction", "meeting", "visit", "event", "活动", "会见", "来源活动"],
    },
}
SYNONYMS[INVITATIONS] = {
    "country": _COMMON["country"],
    "notes": _COMMON["notes"],
    "organization": ["organization", "organisation", "party", "party name", "political party",
                     "name of party", "organization name", "invitee", "guest", "政党",
                     "政党名称", "党名", "组织", "组织名称", "机构", "机构名称", "名称", "单位",
                     "受邀方", "邀请对象", "党派"],
    "leader": ["leader", "party leader", "head", "head of delegation", "delegation head",
               "leader name", "name of leader", "chair", "president", "领导人", "领导人姓名",
               "党首", "团长", "代表团团长", "负责人", "主席"],
    "title": ["title", "position", "function", "job title", "leader title", "职务", "头衔",
              "职衔", "职位", "团长职务"],
    "email": ["email", "e-mail", "mail", "email address", "电子邮件", "邮箱", "电邮",
              "电子邮箱"],
    "reply": ["reply", "response", "answer", "rsvp", "replied", "confirmation", "回复",
              "答复", "回复情况", "是否接受", "确认情况"],
    "attendance": ["attendance", "attended", "present", "came", "participation", "出席",
                   "出席情况", "是否出席", "参会情况", "到会"],
    "delegation_size": ["delegation size", "size", "delegation", "number", "persons",
                        "number of delegates", "delegates", "人数", "代表团人数", "团组人数",
                        "出席人数"],
    "invited_by": ["invited by", "inviter", "contact officer", "邀请人", "经办人", "联系人"],
    "invited_on": ["invited on", "invitation date", "date invited", "sent", "邀请日期",
                   "发函日期", "邀请时间"],
    "replied_on": ["replied on", "reply date", "date of reply", "response date", "回复日期",
                   "答复日期", "回复时间"],
}
# The columns a header row uses most tell what its rows are; these weigh more.
DISTINCTIVE = {
    "organizations": {"abbreviation": 2, "ideology": 3, "founded": 3, "website": 2, "level": 2,
                      "status": 1},
    "people": {"first_name": 3, "last_name": 3, "gender": 3, "title": 2, "role": 2,
               "nationality": 2, "languages": 3, "phones": 1, "emails": 1},
    "interactions": {"participants": 3, "platform": 3, "outcomes": 3, "summary": 2, "city": 2,
                     "start": 2, "topics": 2},
    "followups": {"description": 3, "due": 3, "owner": 3, "interaction": 2},
}

# Fields a row holds several of: a list cell (split on ; or new lines) — and, for e-mails and
# phones, several columns, which the mapping takes all of ("E-mail 2 Address", "Home Phone").
LIST_FIELDS = frozenset({"emails", "phones", "aliases", "languages", "tags", "topics",
                         "participants"})
MULTI_COLUMN_FIELDS = frozenset({"emails", "phones"})
# Headers that give way when another column of the row names the same field.
WEAK_HEADERS = {"people": {"title": frozenset({"title", "honorific", "称谓"})}}
# Words that say a value is not given (Outlook writes "Unspecified" in every Gender cell).
NOT_GIVEN = {"gender": frozenset({"unspecified", "unknown", "not specified", "未指定", "未知"})}
# Google Contacts packs several values in one cell: "+1 555 0100 ::: +1 555 0199".
_PACKED = " ::: "

IDENTITY = {"organizations": {"name", "name_en", "name_zh"},
            "people": {"name", "first_name", "last_name", "name_en", "name_zh"},
            "interactions": {"title", "start"}, "followups": {"description"}}

_PUNCT = re.compile(r"[\s_\-–—.:：,，/\\()（）\[\]【】*#'\"’]+")


def normalize_header(text: Any, *, convert: bool = True) -> str:
    """A header as it is looked up: width, case and punctuation set aside, traditional Chinese
    as simplified (政黨名稱 is 政党名称). The known headers are written simplified already
    (`convert=False`: OpenCC is loaded on the first header read, not at start-up)."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).casefold()
    return _PUNCT.sub("", simplified(folded) if convert else folded)


_LOOKUP: dict[str, dict[str, str]] = {
    kind: {normalize_header(s, convert=False): field
           for field, words in fields.items() for s in [field, *words]}
    for kind, fields in SYNONYMS.items()
}
for _kind, _targets in TARGETS.items():
    for _field in _targets:
        _LOOKUP[_kind].setdefault(normalize_header(_field, convert=False), _field)
_ANY = {key for table in _LOOKUP.values() for key in table}
# The numbered and qualified e-mail and phone columns of contact programs, as normalized:
# Outlook's "E-mail 2 Address", "Business Phone 2", "Mobile Phone", "Business Fax"; Google's
# "E-mail 1 - Value", "Phone 3 - Value"; Thunderbird's "Email Work"; a Chinese Outlook's
# "电子邮件 2 地址", "商务电话", "住宅传真". "E-mail 1 - Type" and "E-mail Display Name" are not.
_PATTERNS = {"people": (
    (re.compile(r"^(?:(?:home|work|business|other|personal|primary)?e?mail\d*(?:address|value)?"
                r"|e?mail(?:home|work|business|other|personal)|电子邮件\d*(?:地址)?)$"), "emails"),
    (re.compile(r"^(?:(?:home|work|business|office|other|primary|main|companymain|car|radio|"
                r"assistants|personal|mobile|cell)?(?:phone|telephone|tel|mobile|cell|fax|pager)"
                r"\d*(?:value|number)?|(?:商务|住宅|办公|单位|其他|主要|车载|移动)?(?:电话|传真|手机)"
                r"\d*)$"), "phones"))}
_WEAK = {kind: {normalize_header(word, convert=False): field for field, words in weak.items()
                for word in words} for kind, weak in WEAK_HEADERS.items()}


# A header in two languages: "国家/Country", "政党名称 (Party)", "回复\nReply".
_BILINGUAL = re.compile(r"\s*[/|\n(（]\s*")


def field_for(header: Any, kind: str) -> str | None:
    key = normalize_header(header)
    found = _LOOKUP[kind].get(key)
    if found is None and key:
        found = next((f for pattern, f in _PATTERNS.get(kind, ()) if pattern.match(key)), None)
    if found is None and isinstance(header, str) and _BILINGUAL.search(header.strip()):
        for part in _BILINGUAL.split(header.strip()):
            found = _LOOKUP[kind].get(normalize_header(part.rstrip(")）")))
            if found is not None:
                break
    return found


def auto_map(headers: Sequence[Any], kind: str) -> dict[int, str]:
    """Column index → field. Every column naming e-mails or phones feeds them; for any other
    field the first column wins, unless its header is a weak one (WEAK_HEADERS) and a later
    column names the field too."""
    mapping: dict[int, str] = {}
    held: dict[str, tuple[int, bool]] = {}  # field → (column, weak)
    weak_words = _WEAK.get(kind, {})
    for index, header in enumerate(headers):
        field = field_for(header, kind)
        if not field:
            continue
        if field in MULTI_COLUMN_FIELDS:
            mapping[index] = field
            continue
        weak = weak_words.get(normalize_header(header)) == field
        taken = held.get(field)
        if taken is None or (taken[1] and not weak):
            if taken is not None:
                del mapping[taken[0]]
            mapping[index] = field
            held[field] = (index, weak)
    return dict(sorted(mapping.items()))


def cell_text(field: str, value: Any) -> Any:
    """A cell's text as its field reads it: a word for "not given" is empty; a list cell
    packed the Google way is one item per line, without Google's own groups ("* myContacts",
    "* starred": not labels the user gave) among the tags."""
    if not isinstance(value, str):
        return value
    if field in NOT_GIVEN and value.strip().casefold() in NOT_GIVEN[field]:
        return None
    if field == "tags" and (_PACKED in value or value.startswith("* ")):
        return "\n".join(item for item in value.split(_PACKED)
                         if not item.startswith("* ")) or None
    if field in LIST_FIELDS and _PACKED in value:
        return value.replace(_PACKED, "\n")
    return value


def joined_cells(first: Any, second: Any) -> Any:
    """Two columns' cells of one list field: one item per line (as split_list reads it)."""
    if first in (None, ""):
        return second
    if second in (None, ""):
        return first
    return f"{first}\n{second}"


def full_name(first: Any, last: Any) -> str:
    """A name from given and family name columns: Chinese family name first, no space."""
    given, family = (str(part).strip() if part is not None else "" for part in (first, last))
    if given and family and not has_latin(given + family) and has_han(given + family):
        return family + given
    return " ".join(part for part in (given, family) if part)


def guess_kind(headers: Sequence[Any]) -> str:
    """What the rows most likely are, from how many of a kind's headers match."""
    mapped = {kind: auto_map(headers, kind) for kind in KINDS}

    def score(kind: str) -> float:
        fields = set(mapped[kind].values())
        weights = DISTINCTIVE[kind]
        total: float = sum(1 + weights.get(field, 0) for field in fields)
        if not fields & IDENTITY[kind]:
            total -= 10  # rows of a kind must at least say which record they are
        # A header only this kind knows ("政党名称", "party name") says more than one any
        # kind reads ("国家" is an organization's country and a person's nationality).
        total += 1.5 * sum(1 for index in mapped[kind]
                           if all(index not in mapped[other] for other in KINDS if other != kind))
        return total + (0.5 if "name" in fields and kind == "organizations" else 0)

    return max(KINDS, key=score)


def _is_label(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and not value.strip().replace(
        ".", "", 1).isdigit()


def _known(cell: str) -> bool:
    """A header some kind of row knows, whole or in one of its languages ("国家/Country")."""
    if normalize_header(cell) in _ANY:
        return True
    text_ = cell.strip()
    return bool(_BILINGUAL.search(text_)) and any(
        normalize_header(part.rstrip(")）")) in _ANY for part in _BILINGUAL.split(text_))


def detect_header_row(rows: Sequence[Sequence[Any]], scan: int = 30) -> int | None:
    """The 0-based index of the header row: the row among the first `scan` whose cells match
    the most known headers (data may start below a title or blank rows, or in column B)."""
    best: tuple[float, int] | None = None
    for index, row in enumerate(rows[:scan]):
        labels = [cell for cell in row if _is_label(cell)]
        if not labels:
            continue
        known = sum(1 for cell in labels if _known(cell))
        filled = sum(1 for cell in row if cell not in (None, ""))
        # A title row ("Partner parties 2024") has one label; a header row has several.
        score = known * 3 + len(labels) + (0 if filled > 1 else -5)
        if best is None or score > best[0]:
            best = (score, index)
    return None if best is None else best[1]


def header_texts(row: Sequence[Any]) -> list[str]:
    return ["" if cell is None else str(cell).strip() for cell in row]


# ---------------------------------------------------------------------------------------------
# Mapping profiles: a named mapping (kind + header → field) saved in the database, so the next
# list from the same colleague maps itself.

_PROFILE_PREFIX = "import_profile:"


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    columns: dict[str, str | None]  # header text → field (None: ignore the column)
    day_order: str | None = None


def save_profile(db: Database, profile: Profile) -> None:
    if not profile.name.strip():
        raise LiaisonError(translate("Import", "Give the mapping profile a name."))
    payload = json.dumps({"kind": profile.kind, "columns": profile.columns,
                          "day_order": profile.day_order}, ensure_ascii=False)
    with db.transaction() as session:
        key = _PROFILE_PREFIX + profile.name.strip()
        row = session.get(Meta, key)
        if row is None:
            session.add(Meta(key=key, value=payload))
        else:
            row.value = payload


def list_profiles(db: Database) -> list[Profile]:
    with db.reading() as session:
        rows = session.execute(select(Meta).where(Meta.key.startswith(_PROFILE_PREFIX))
                               .order_by(Meta.key)).scalars().all()
        return [_profile(row.key.removeprefix(_PROFILE_PREFIX), row.value) for row in rows]


def load_profile(db: Database, name: str) -> Profile:
    with db.reading() as session:
        row = session.get(Meta, _PROFILE_PREFIX + name.strip())
        if row is None:
            known = ", ".join(p.name for p in list_profiles(db)) or translate("Import",
                                                                             "none yet")
            raise LiaisonError(translate(
                "Import", "There is no mapping profile called “{name}” (saved profiles: "
                          "{profiles}).").format(name=name, profiles=known))
        return _profile(name.strip(), row.value)


def _profile(name: str, value: str | None) -> Profile:
    data = json.loads(value or "{}")
    return Profile(name, data.get("kind", "organizations"), dict(data.get("columns", {})),
                   data.get("day_order"))


def apply_profile(profile: Profile, headers: Sequence[Any]) -> dict[int, str]:
    by_header = {normalize_header(k): v for k, v in profile.columns.items()}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = by_header.get(normalize_header(header))
        if field:
            mapping[index] = field
    return mapping
