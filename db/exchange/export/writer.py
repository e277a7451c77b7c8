"""Write the Liaison workbook (.xlsx) of a whole database.

openpyxl's write-only mode streams rows to disk and still supports everything the format needs
(frozen header, autofilter, column widths and hidden columns, data validations, hidden sheets),
so it is used throughout. The file is written next to its destination under a temporary name and
renamed at the end: a cancel, an error or a crash leaves no half-written workbook behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime
from typing import Any

from db import __version__
from db.exchange.export import rows as data
from db.exchange.export.feed import row_feed
from db.exchange.export.output import (
    DATE_FORMAT,
    PROGRESS_EVERY,
    Cancelled,
    ExportProgress,
    cancel_check,
    check_destination,
    destination,
    pending_workbook,
    text_cell,
)
from db.exchange.workbook import (
    ATTENDANCE_LIST,
    COUNTRY_LIST,
    DEFAULT_WIDTH,
    EVENT_SHEETS,
    FOLLOWUP_STATUS_LIST,
    FORMAT_NAME,
    FORMAT_VERSION,
    GENDER_LIST,
    GIFT_DIRECTION_LIST,
    ID_WIDTH,
    INTERACTION_KIND_LIST,
    LEVEL_LIST,
    LISTS_SHEET,
    MAX_CELL_CHARS,
    MECHANISM_LIST,
    MEMBER_ROLE_LIST,
    NOT_PLAIN,
    ORGANIZATION_KIND_LIST,
    PROGRAMME_KIND_LIST,
    README_SHEET,
    REPLY_LIST,
    REV_COLUMN,
    SHEETS,
    SIDE_LIST,
    STATUS_LIST,
    VISIT_DIRECTION_LIST,
    VISIT_STATUS_LIST,
    YES_NO_LIST,
    CellTooLong,
    SheetSpec,
    check_length,
    column_letter,
    encode_xstring,
    is_formula_like,
)
from db.models import Meta
from db.models.vocabulary import (
    ATTENDANCE,
    EVENT_MECHANISMS,
    FOLLOWUP_STATUSES,
    GENDERS,
    GIFT_DIRECTIONS,
    INTERACTION_KINDS,
    INVITATION_REPLIES,
    MEMBER_ROLES,
    ORGANIZATION_KINDS,
    POLITICAL_STATUSES,
    PROGRAMME_KINDS,
    RELATIONSHIP_LEVELS,
    VISIT_DIRECTIONS,
    VISIT_SIDES,
    VISIT_STATUSES,
)
from db.store.engine import Database
from db.store.errors import LiaisonError
from db.store.translation import translate

__all__ = ["ExportProgress", "check_destination", "write_workbook"]

_not_plain = NOT_PLAIN.search
# The README's line naming the one event a narrowed export holds (roundtrip.py reads it).
EVENT_FACT = "Event"


def _lists(countries: list[tuple[str, str]]) -> dict[str, list[str]]:
    return {
        COUNTRY_LIST: [code for code, _ in countries],
        ORGANIZATION_KIND_LIST: list(ORGANIZATION_KINDS),
        STATUS_LIST: list(POLITICAL_STATUSES),
        LEVEL_LIST: list(RELATIONSHIP_LEVELS),
        INTERACTION_KIND_LIST: list(INTERACTION_KINDS),
        GENDER_LIST: list(GENDERS),
        FOLLOWUP_STATUS_LIST: list(FOLLOWUP_STATUSES),
        VISIT_DIRECTION_LIST: list(VISIT_DIRECTIONS),
        VISIT_STATUS_LIST: list(VISIT_STATUSES),
        SIDE_LIST: list(VISIT_SIDES),
        MEMBER_ROLE_LIST: list(MEMBER_ROLES),
        PROGRAMME_KIND_LIST: list(PROGRAMME_KINDS),
        GIFT_DIRECTION_LIST: list(GIFT_DIRECTIONS),
        MECHANISM_LIST: list(EVENT_MECHANISMS),
        REPLY_LIST: list(INVITATION_REPLIES),
        ATTENDANCE_LIST: list(ATTENDANCE),
        YES_NO_LIST: ["yes", "no"],
    }


def _readme_lines(db: Database, database_id: str, exported: datetime,
                  counts: dict[str, int], event: str | None = None) -> list[tuple[str, str]]:
    sheets = ", ".join(f"{name} ({n:,} rows)" for name, n in counts.items())
    one_event = [] if event is None else [
        (EVENT_FACT, f"{event}: this file holds that event alone, its sessions, invitations "
                     "and delegates.")]
    return [
        ("What this is", f"A {FORMAT_NAME} (format {FORMAT_VERSION}): the records of a Liaison "
                         "database, one sheet per kind of record."),
        ("Exported (UTC)", exported.strftime("%Y-%m-%d %H:%M:%S.%f")),
        ("From database", db.title()),
        ("Database id", database_id),
        ("Liaison version", __version__),
        ("Sheets", sheets),
        ("How to edit", "Change values in place, add rows at the bottom (leave id empty), use "
                        "the dropdowns for kinds, statuses, levels and countries, type dates as "
                        "dates. Lists (aliases, tags, topics, emails, phones, languages) are "
                        "separated by “;”. Emptying a cell clears that value when the file "
                        "comes back."),
        ("Bring it back", "Import this file into Liaison (liaison import FILE, or File › Import "
                          "in the app). Every row is compared with what was exported and with "
                          "the database: changes made here are applied, changes made in Liaison "
                          "meanwhile are kept, and a field changed in both places is shown as a "
                          "conflict for you to decide. Importing the same file twice changes "
                          "nothing."),
        ("Do not touch", f"the id columns (id, person_id, organization_id, interaction_id, "
                         f"participant_ids, visit_id, host_id, guest_id, event_id, "
                         f"organizer_id, invitation_id), the hidden "
                         f"{REV_COLUMN} column and the hidden "
                         f"{LISTS_SHEET} sheet: they tie each row to its record. Do not rename "
                         "sheets or headers. A row deleted here is only proposed for deletion; "
                         "nothing is deleted unless you confirm it."),
        ("Participants", "participants is for reading (“Name [role]; …”); participant_ids "
                         "(“organization:ID:role; person:ID:role”) is what an import uses."),
        ("Visits", "visits holds each delegation visit (direction inbound or outbound; host "
                   "and guest are the receiving and the sending organization); members, "
                   "programme and gifts hold its people on each side (side guest or host; "
                   "role head, deputy, member, interpreter or staff), its items day by day "
                   "(times as 09:30; a meeting's interaction_id ties it to its interaction) "
                   "and the gifts given and received. A row of these three sheets names its "
                   "visit in visit_id; a row added for a visit added in this file leaves "
                   "visit_id empty and gives the visit's title in visit. A programme day must "
                   "lie within its visit's dates."),
        ("Events", "events holds each multilateral meeting (mechanism from the list; online "
                   "yes or no; organizer by id and name; co_organizers as organization names "
                   "separated by “;”); sessions its programme day by day (speakers as people's "
                   "names separated by “;”); invitations each organization or person invited "
                   "(reply none, accepted, declined or representative; attendance unknown, "
                   "attended or absent, apart from the reply); delegates the people each "
                   "invitation brought (role head, deputy, member, interpreter or staff). A row "
                   "added for an event added in this file leaves event_id empty and gives the "
                   "event's name; a delegate of a new invitation gives it as “invitee — "
                   "event”. A session lies within its event's days, a reply does not come after "
                   "the event, an organization is invited once, and a delegation's head comes "
                   "from the organization invited."),
        ("Levels", "levels holds each organization's relationship level over time: one row "
                   "per change, with the level (from the list), the day it took effect "
                   "(effective) and why (reason). An organization's level is the latest one in "
                   "effect; a level changed on the organizations sheet is recorded as a change "
                   "effective on the day of the import, unless this sheet records it. An "
                   "organization's level changes at most once a day. A row added here leaves "
                   "id empty and names its organization by organization_id, or by its name in "
                   "organization."),
        *one_event,
    ]


def _readme_lines_zh(db: Database, database_id: str, exported: datetime,
                     counts: dict[str, int], event: str | None = None) -> list[tuple[str, str]]:
    """The README in Chinese, beside the English (columns C and D), whatever the language of
    the interface that wrote it: the file travels between colleagues."""
    sheets = "，".join(f"{name}（{n:,} 行）" for name, n in counts.items())
    one_event = [] if event is None else [
        ("活动", f"{event}：本文件只含这一活动及其议程、邀请和代表团。")]
    return [
        ("说明", f"{FORMAT_NAME}（格式版本 {FORMAT_VERSION}）：一个 Liaison 数据库的全部记录，"
                 "每类记录一个工作表。"),
        ("导出时间（UTC）", exported.strftime("%Y-%m-%d %H:%M:%S.%f")),
        ("来源数据库", db.title()),
        ("数据库编号", database_id),
        ("Liaison 版本", __version__),
        ("工作表", sheets),
        ("如何编辑", "直接修改单元格；新记录加在表格末尾（id 列留空）；类型、状态、关系层级和国家"
                     "请用下拉列表选择；日期按日期输入。列表（别名、标签、议题、电子邮箱、电话、语言）"
                     "以分号“;”分隔。清空单元格，导回时即清除该值。"),
        ("如何导回", "将本文件导入 Liaison（命令行 liaison import 文件，或在程序中选择“文件 › "
                     "导入”）。每一行都会与导出时的内容和数据库比对：在此所做的修改会被采用，"
                     "其间在 Liaison 中所做的修改会被保留，两处都修改的字段作为冲突交由您决定。"
                     "同一文件导入两次不会产生任何变化。"),
        ("请勿改动", f"编号列（id、person_id、organization_id、interaction_id、"
                     f"participant_ids、visit_id、host_id、guest_id、event_id、organizer_id、"
                     f"invitation_id）、隐藏的 {REV_COLUMN} 列和隐藏的 {LISTS_SHEET} 工作表："
                     "它们把每一行与其记录对应起来。请勿重命名工作表或列名。在此删除的行只会被"
                     "建议删除，未经您确认不会删除任何记录。"),
        ("参与方", "participants 列供阅读（“名称 [身份]; …”）；导入时使用 participant_ids 列"
                   "（“organization:编号:身份; person:编号:身份”）。"),
        ("出访来访", "visits 表列出每次代表团访问（direction：inbound 来访、outbound 出访；host 为"
                     "接待方组织，guest 为派出方组织）；members、programme 和 gifts 表分别列出双方"
                     "人员（side：guest 客方、host 主方；role：head 团长、deputy 副团长、member "
                     "团员、interpreter 翻译、staff 随行人员）、逐日日程（时间写作 09:30；会见的 "
                     "interaction_id 指向其交往记录）以及赠送和收受的礼品。这三张表的每一行在 "
                     "visit_id 列注明所属访问；为本文件中新增的访问添加的行，visit_id 留空，在 "
                     "visit 列填写该访问的标题。日程日期须在访问日期之内。"),
        ("多边活动", "events 表列出每次多边会议（mechanism 从下拉列表选择；online 填 yes 或 no；"
                     "organizer 为主办方，含编号和名称；co_organizers 为协办方组织名称，以分号"
                     "“;”分隔）；sessions 表为逐日议程（speakers 为发言人姓名，以分号分隔）；"
                     "invitations 表列出受邀的每个组织或个人（reply：none 尚未回复、accepted 接受、"
                     "declined 谢绝、representative 派代表出席；attendance：unknown 未记录、attended "
                     "出席、absent 未出席，与回复分开记录）；delegates 表列出每份邀请带来的代表团成员"
                     "（role：head 团长、deputy 副团长、member 团员、interpreter 翻译、staff 随行人员）。"
                     "为本文件中新增的活动添加的行，event_id 留空，在 event 列填写活动名称；新增邀请"
                     "的代表写作“受邀方 — 活动”。议程须在活动日期之内，回复不得晚于活动结束，同一组织"
                     "只邀请一次，代表团团长须来自受邀组织。"),
        ("关系层级", "levels 表列出每个组织关系层级的历次变化：每次变化一行，含层级（从下拉列表"
                     "选择）、生效日期（effective）和原因（reason）。组织的关系层级以最近生效的"
                     "一次为准；在 organizations 表中修改的层级，导入时记为当天生效的一次变化，"
                     "除非本表已有记录。同一组织每天至多变化一次。在此新增的行 id 留空，在 "
                     "organization_id 列注明组织编号，或在 organization 列填写组织名称。"),
        *one_event,
    ]


def write_workbook(db: Database, path: str | os.PathLike[str],
                   cancelled: Cancelled | None = None, *,
                   sheets: Collection[str] | None = None,
                   limit: int | None = None,
                   password: str | None = None,
                   event: str | None = None) -> Iterator[ExportProgress]:
    """Export every live record to a Liaison workbook at `path`, yielding progress.

    `sheets` (names of data sheets) and `limit` (rows per sheet) narrow the export; they are
    for the benchmark and leave out records, so such a file is not a whole export. `event`
    (an event's id) writes that event alone: its sessions, invitations and delegates, the
    invitation list a colleague corrects and sends back."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    target = destination(path)
    check_cancel = cancel_check(cancelled)
    with pending_workbook(target, password) as pending:
        wb = pending.book
        with db.reading(scanning=True) as session, contextlib.ExitStack() as stack:
            meta = session.get(Meta, "database_id")
            database_id = meta.value if meta is not None else "(none)"
            if event is not None:
                event = _check_event(session, event)
                sheets = [spec.name for spec in EVENT_SHEETS]
            specs = [spec for spec in SHEETS if sheets is None or spec.name in sheets]
            # For progress only: counted without reading the tables (deleted records
            # included); the README gives the rows actually written.
            estimates = {spec.name: data.estimate(session, spec) for spec in specs}
            if limit is not None:
                estimates = {name: min(n, limit) for name, n in estimates.items()}
            countries = data.countries(session)
            total = sum(estimates.values())
            exported = datetime.now(UTC)  # before the rows are read: see roundtrip.py
            feed = stack.enter_context(
                row_feed(db, session, [spec.name for spec in specs], limit, total, event))
            bold = Font(bold=True)
            readme = wb.create_sheet(README_SHEET)  # first in the file, filled in at the end
            counts: dict[str, int] = {}

            lists = _lists(countries)
            list_columns = {name: column_letter(i) for i, name in enumerate(lists, 1)}
            done = 0
            for spec in specs:
                ws = wb.create_sheet(spec.name)
                _layout(ws, spec)
                for column, list_name in spec.lists.items():
                    letter = column_letter(spec.columns.index(column) + 1)
                    size = len(lists[list_name]) + 1
                    col = list_columns[list_name]
                    rule = DataValidation(type="list", allow_blank=True,
                                          formula1=f"{LISTS_SHEET}!${col}$2:${col}${size}",
                                          errorStyle="warning", showErrorMessage=True,
                                          errorTitle=column, error=f"Choose a {column} from "
                                                                   "the list.")
                    rule.add(f"{letter}2:{letter}1048576")
                    ws.data_validations.append(rule)
                header = []
                for name in spec.headers:
                    cell = WriteOnlyCell(ws, value=name)
                    cell.font = bold
                    header.append(cell)
                ws.append(header)
                yield ExportProgress(spec.name, done, total)
                before = done
                append = ws.append
                for row_number, (values, rev, plain) in enumerate(feed.rows(spec.name),
                                                                  start=2):
                    # The fingerprint's text showed whether every value can be written as it
                    # is (nearly every row); otherwise each value is looked at.
                    if plain:
                        values.append(rev)  # the reader's list, made for this row
                        append(values)
                    else:
                        cells = _cells(WriteOnlyCell, ws, spec, values, row_number)
                        cells.append(rev)
                        append(cells)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        check_cancel()
                        yield ExportProgress(spec.name, done, max(total, done))
                counts[spec.name] = done - before
                # The autofilter is written after the rows, so it can cover exactly them.
                ws.auto_filter.ref = (f"A1:{column_letter(len(spec.headers))}"
                                      f"{max(counts[spec.name] + 1, 2)}")
                check_cancel()

            readme.column_dimensions["A"].width = 18
            readme.column_dimensions["B"].width = 90
            readme.column_dimensions["C"].width = 14
            readme.column_dimensions["D"].width = 70
            title = WriteOnlyCell(readme, value=FORMAT_NAME)
            title.font = Font(bold=True, size=14)
            title_zh = WriteOnlyCell(readme, value="Liaison 工作簿（中文说明）")
            title_zh.font = Font(bold=True, size=14)
            readme.append([title, None, title_zh])
            readme.append([])
            wrap = Alignment(wrap_text=True, vertical="top")
            for (label, text), (label_zh, text_zh) in zip(
                    _readme_lines(db, database_id, exported, counts, event),
                    _readme_lines_zh(db, database_id, exported, counts, event), strict=True):
                cells = []
                for key_text, value_text in ((label, text), (label_zh, text_zh)):
                    key = WriteOnlyCell(readme, value=key_text)
                    key.font = bold
                    key.alignment = Alignment(vertical="top")
                    value = text_cell(WriteOnlyCell, readme, value_text)
                    value.alignment = wrap
                    cells += [key, value]
                readme.append(cells)

            sheet = wb.create_sheet(LISTS_SHEET)
            sheet.sheet_state = "hidden"
            sheet.append([*lists, "country_name"])
            country_names = dict(countries)
            longest = max(len(v) for v in lists.values())
            for i in range(longest):
                sheet.append([v[i] if i < len(v) else None for v in lists.values()]
                             + [country_names[lists[COUNTRY_LIST][i]]
                                if i < len(lists[COUNTRY_LIST]) else None])
        yield ExportProgress("saving", done, done)
        pending.save(check_cancel)
    yield ExportProgress("done", done, done)


def _check_event(session: Any, event: str) -> str:
    """The id of a live event, or a clear error."""
    from db.models import Event

    key = event.strip().lower()
    found = session.get(Event, key)
    if found is None or found.deleted_at is not None:
        raise LiaisonError(translate("Export", "There is no event with id {id}.").format(
            id=event))
    return key


def _layout(ws: Any, spec: SheetSpec) -> None:
    for i, name in enumerate(spec.headers, start=1):
        dims = ws.column_dimensions[column_letter(i)]
        if name == REV_COLUMN:
            dims.width = 18
            dims.hidden = True
        elif name in spec.id_columns or name.endswith("_id"):
            dims.width = ID_WIDTH
        else:
            dims.width = spec.widths.get(name, DEFAULT_WIDTH)
    ws.freeze_panes = "A2"


def _cells(cell_type: Any, ws: Any, spec: SheetSpec, values: list[Any],
           row_number: int) -> list[Any]:
    """A row's cells: plain values wherever openpyxl writes them exactly as `_cell` would (short
    text that needs no escape or quote prefix, None, int, date: openpyxl gives a date the same
    yyyy-mm-dd format), a styled cell from `_cell` otherwise."""
    cells: list[Any] = []
    for i, value in enumerate(values):
        kind = value.__class__
        if kind is str:
            if len(value) <= MAX_CELL_CHARS and _not_plain(value) is None:
                cells.append(value)
                continue
        elif value is None or kind is int or kind is date:
            cells.append(value)
            continue
        cells.append(_cell(cell_type, ws, spec, i, value, row_number))
    return cells


def _cell(cell_type: Any, ws: Any, spec: SheetSpec, index: int, value: Any,
          row_number: int) -> Any:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, date):
        cell = cell_type(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    text = str(value)
    try:
        check_length(text)
    except CellTooLong as exc:
        column = spec.columns[index]
        raise LiaisonError(translate(
            "Export", "The {column} of row {row} on the {sheet} sheet is {length:,} characters "
                      "long, more than a spreadsheet cell can hold (32,767); shorten it and "
                      "export again.").format(column=column, row=row_number, sheet=spec.name,
                                              length=exc.length)) from None
    if is_formula_like(text) or encode_xstring(text) != text:
        return text_cell(cell_type, ws, text)
    return text
