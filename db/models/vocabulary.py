"""Controlled vocabularies: the codes stored in the database and their labels in English and
Chinese. One place, so the app's dropdowns, the workbook's in-cell lists and validation agree."""

from __future__ import annotations

from dataclasses import dataclass

from db.store.translation import CHINESE, language


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    zh: str

    def label(self) -> str:
        """The label in the interface's language (db/store/translation.py)."""
        return self.zh if language() == CHINESE and self.zh else self.en


def _terms(*rows: tuple[str, str, str]) -> dict[str, Term]:
    return {code: Term(code, en, zh) for code, en, zh in rows}


ORGANIZATION_KINDS = _terms(
    ("party", "Political party", "政党"),
    ("party_alliance", "Party alliance", "政党联盟"),
    ("party_international", "Party international", "政党国际组织"),
    ("think_tank", "Think tank", "智库"),
    ("media", "Media outlet", "媒体"),
    ("youth", "Youth organization", "青年组织"),
    ("women", "Women's organization", "妇女组织"),
    ("enterprise", "Enterprise", "企业"),
    ("subnational_government", "Sub-national government", "地方政府"),
    ("government", "Government body", "政府机构"),
    ("parliament", "Parliament", "议会"),
    ("multilateral", "Multilateral platform", "多边平台"),
    ("ngo", "Civil society organization", "社会组织"),
    ("other", "Other", "其他"),
)

POLITICAL_STATUSES = _terms(
    ("governing", "Governing", "执政"),
    ("coalition", "In coalition", "参政"),
    ("opposition", "Opposition", "在野"),
    ("extra_parliamentary", "Extra-parliamentary", "议会外"),
    ("banned", "Banned", "被取缔"),
    ("dissolved", "Dissolved", "已解散"),
    ("unknown", "Unknown", "未知"),
)

RELATIONSHIP_LEVELS = _terms(
    ("none", "No contact", "无联系"),
    ("initial", "Initial contact", "初步接触"),
    ("regular", "Regular contact", "经常联系"),
    ("close", "Close partner", "密切伙伴"),
    ("strategic", "Strategic partner", "战略伙伴"),
)

INTERACTION_KINDS = _terms(
    ("inbound_visit", "Inbound visit", "来访"),
    ("outbound_visit", "Outbound visit", "出访"),
    ("talks", "Talks", "会谈"),
    ("meeting", "Meeting", "会见"),
    ("briefing", "Briefing", "宣介"),
    ("seminar", "Seminar", "研讨会"),
    ("conference", "Conference", "会议"),
    ("video_call", "Video call", "视频通话"),
    ("phone_call", "Phone call", "电话"),
    ("letter", "Letter or message", "函电"),
    ("study_programme", "Study programme", "研修班"),
    ("cooperation_project", "Cooperation project", "合作项目"),
    ("other", "Other", "其他"),
)

PARTICIPATION_ROLES = _terms(
    ("host", "Host", "主办方"),
    ("co_host", "Co-host", "协办方"),
    ("delegation_head", "Head of delegation", "团长"),
    ("deputy_head", "Deputy head", "副团长"),
    ("member", "Member", "成员"),
    ("speaker", "Speaker", "发言人"),
    ("guest", "Guest", "嘉宾"),
    ("observer", "Observer", "观察员"),
    ("participant", "Participant", "参与方"),
)

FOLLOWUP_STATUSES = _terms(
    ("open", "Open", "待办"),
    ("in_progress", "In progress", "进行中"),
    ("done", "Done", "已完成"),
    ("cancelled", "Cancelled", "已取消"),
)

VISIT_DIRECTIONS = _terms(
    ("inbound", "Inbound (received)", "来访"),
    ("outbound", "Outbound (sent)", "出访"),
)

VISIT_STATUSES = _terms(
    ("planned", "Planned", "计划中"),
    ("confirmed", "Confirmed", "已确认"),
    ("under_way", "Under way", "进行中"),
    ("done", "Done", "已结束"),
    ("cancelled", "Cancelled", "已取消"),
)

# Who is who in a visit: the delegation's head and members, and those who travel or work
# with it; on either side (the guests, or the hosts who receive them).
MEMBER_ROLES = _terms(
    ("head", "Head of delegation", "团长"),
    ("deputy", "Deputy head", "副团长"),
    ("member", "Member", "团员"),
    ("interpreter", "Interpreter", "翻译"),
    ("staff", "Accompanying staff", "随行人员"),
)

VISIT_SIDES = _terms(
    ("guest", "Guests", "客方"),
    ("host", "Hosts", "主方"),
)

PROGRAMME_KINDS = _terms(
    ("talks", "Talks", "会谈"),
    ("meeting", "Meeting", "会见"),
    ("site_visit", "Site visit", "参观考察"),
    ("briefing", "Briefing", "宣介"),
    ("banquet", "Banquet", "宴请"),
    ("travel", "Travel", "行程"),
    ("other", "Other", "其他"),
)

# The programme items that are an interaction of their own, with participants and outcomes.
MEETING_KINDS = ("talks", "meeting", "briefing")

GIFT_DIRECTIONS = _terms(
    ("given", "Given", "赠送"),
    ("received", "Received", "收受"),
)

GENDERS = _terms(
    ("female", "Female", "女"),
    ("male", "Male", "男"),
    ("other", "Other", "其他"),
)

SOURCES = _terms(
    ("screen", "Screen", "界面"),
    ("cli", "Command line", "命令行"),
    ("import", "Import", "导入"),
    ("merge", "Merge", "合并"),
    ("dedupe", "Merged duplicates", "合并重复记录"),
    ("demo", "Demo data", "演示数据"),
    ("starter", "Starter register", "初始名录"),
    ("system", "System", "系统"),
)


def _key(text: str) -> str:
    return text.strip().casefold().replace("-", "_").replace(" ", "_")


_INDEXES: dict[int, tuple[dict[str, Term], dict[str, str]]] = {}


def lookup(vocabulary: dict[str, Term], value: str) -> str | None:
    """Accept a code or a label in English or Chinese, case-insensitively; return the code."""
    entry = _INDEXES.get(id(vocabulary))
    if entry is None or entry[0] is not vocabulary:  # index each vocabulary once
        index: dict[str, str] = {}
        for term in vocabulary.values():  # the first term to claim a label keeps it
            for label in (term.code, _key(term.en), term.zh.casefold()):
                index.setdefault(label, term.code)
        entry = _INDEXES[id(vocabulary)] = (vocabulary, index)
    return entry[1].get(_key(value))

# How a multilateral event meets: the office reports on each mechanism separately.
EVENT_MECHANISMS = _terms(
    ("high_level_meeting", "High-level meeting", "高层对话会"),
    ("party_forum", "Party forum of a grouping", "政党论坛"),
    ("thematic_seminar", "Thematic seminar", "专题研讨会"),
    ("think_tank_forum", "Think-tank or media forum", "智库媒体论坛"),
    ("study_programme", "Study programme", "研修交流项目"),
    ("other", "Other", "其他"),
)

INVITATION_REPLIES = _terms(
    ("none", "No reply yet", "尚未回复"),
    ("accepted", "Accepted", "接受"),
    ("declined", "Declined", "谢绝"),
    ("representative", "Sending a representative", "派代表出席"),
)

# Whether an invitee came: recorded apart from the reply, which it need not follow.
ATTENDANCE = _terms(
    ("unknown", "Not recorded", "未记录"),
    ("attended", "Attended", "出席"),
    ("absent", "Did not attend", "未出席"),
)
