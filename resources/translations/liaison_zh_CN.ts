<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Liaison cannot open the database</source>
        <translation>Liaison 无法打开数据库</translation>
    </message>
    <message>
        <source>No database there</source>
        <translation>此处没有数据库</translation>
    </message>
    <message>
        <source>There is no Liaison database at {path}.

Make a new, empty database there?</source>
        <translation>{path} 处没有 Liaison 数据库。

要在此处新建一个空数据库吗？</translation>
    </message>
    <message>
        <source>Creating organizations…</source>
        <translation>正在创建组织…</translation>
    </message>
    <message>
        <source>Creating people…</source>
        <translation>正在创建人员…</translation>
    </message>
    <message>
        <source>Creating interactions…</source>
        <translation>正在创建交往记录…</translation>
    </message>
    <message>
        <source>Creating visits…</source>
        <translation>正在创建访问…</translation>
    </message>
    <message>
        <source>Creating events…</source>
        <translation>正在创建活动…</translation>
    </message>
    <message>
        <source>Creating indexes…</source>
        <translation>正在创建索引…</translation>
    </message>
    <message>
        <source>Creating done…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <source>Creating {stage}…</source>
        <translation>正在创建{stage}…</translation>
    </message>
    <message>
        <source>Loading the starter register</source>
        <translation>正在载入初始名录</translation>
    </message>
    <message>
        <source>1 party loaded</source>
        <translation>已载入 1 个政党</translation>
    </message>
    <message>
        <source>{count:,} parties loaded</source>
        <translation>已载入 {count:,} 个政党</translation>
    </message>
    <message>
        <source>Loading demo data</source>
        <translation>正在载入演示数据</translation>
    </message>
    <message>
        <source>Liaison cannot open its window: this system lacks libraries Qt needs to draw on the screen. Install them with:

    {command}

(Debian and Ubuntu; other systems have packages of similar names.) The liaison commands (liaison --help) work without them.</source>
        <translation>Liaison 无法打开窗口：本系统缺少 Qt 在屏幕上绘制所需的库。请用以下命令安装：

    {command}

（适用于 Debian 和 Ubuntu；其他系统的软件包名称与此相近。）liaison 命令（liaison --help）无需这些库也可使用。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before an encryption change</source>
        <translation>更改加密前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Cannot read the backups folder {folder}: {reason}.</source>
        <translation>无法读取备份文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The backup {file} did not pass its check ({problem}); it was deleted and nothing else was done.</source>
        <translation>备份 {file} 未通过校验（{problem}），已将其删除，其他操作均未执行。</translation>
    </message>
    <message>
        <source>Cannot delete the old backup {file}: {reason}.</source>
        <translation>无法删除旧备份 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Keep between 1 and 365 backups of each kind.</source>
        <translation>每类备份可保留 1 到 365 份。</translation>
    </message>
    <message>
        <source>{size:,.1f} MB</source>
        <translation>{size:,.1f} MB</translation>
    </message>
    <message>
        <source>{size:,} KB</source>
        <translation>{size:,} KB</translation>
    </message>
    <message>
        <source>Today's backup is made: {file}</source>
        <translation>今天的备份已完成：{file}</translation>
    </message>
    <message>
        <source>The daily backup failed</source>
        <translation>每日备份失败</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the chosen backup in place of the database (the database as it is now is backed up first)</source>
        <translation>用所选备份替换数据库（先备份数据库的当前状态）</translation>
    </message>
    <message>
        <source>Show the &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>This database is on a team server: it is backed up with the server's own tools. On a computer with the PostgreSQL client tools, &lt;code&gt;liaison --db URL backup&lt;/code&gt; runs pg_dump and &lt;code&gt;liaison --db URL restore FILE&lt;/code&gt; puts a dump back.</source>
        <translation>此数据库位于团队服务器上，由服务器自带的工具备份。在装有 PostgreSQL 客户端工具的电脑上，&lt;code&gt;liaison --db URL backup&lt;/code&gt; 会运行 pg_dump，&lt;code&gt;liaison --db URL restore FILE&lt;/code&gt; 可将备份恢复回去。</translation>
    </message>
    <message>
        <source>Liaison backs up {file} on the first start of each day and before every import, merge and restore, into {folder}. Each backup is checked when it is made; the oldest automatic ones are deleted as Settings says (those made by hand are kept).</source>
        <translation>Liaison 在每天首次启动时以及每次导入、合并和恢复之前备份 {file}，保存到 {folder}。每份备份在生成时都会校验；最旧的自动备份按“设置”中的份数删除（手动备份会保留）。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Put the backup made {when} ({why}) in place of the database?

The database as it is now is backed up first, so this too can be taken back. Every open window then shows the restored data, and Undo starts afresh.</source>
        <translation>用 {when} 的备份（{why}）替换数据库吗？

会先备份数据库的当前状态，因此这一操作也可以撤回。之后所有打开的窗口都会显示恢复后的数据，撤销记录将重新开始。</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>Restored the backup; the database as it was is kept as {file}.</source>
        <translation>已恢复备份；数据库原来的状态保存为 {file}。</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Chinese names need a CJK font: install fonts-noto-cjk.</source>
        <translation>显示中文名称需要中日韩字体：请安装 fonts-noto-cjk。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Briefing pack · made on {date}</source>
        <translation>背景资料 · {date}制作</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主方</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>代表团</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Nothing planned.</source>
        <translation>无安排。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Met in the programme</source>
        <translation>日程中会见</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Interactions on record</source>
        <translation>交往记录数</translation>
    </message>
    <message>
        <source>In this programme</source>
        <translation>本次日程中</translation>
    </message>
    <message>
        <source>and {count:,} more</source>
        <translation>另有 {count:,} 项</translation>
    </message>
    <message>
        <source>People in current positions</source>
        <translation>现任人员</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自{date}起</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至{date}</translation>
    </message>
    <message>
        <source>current</source>
        <translation>现任</translation>
    </message>
    <message>
        <source>Last contacts</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>With</source>
        <translation>其他参与方</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>无待办事项。</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>write a visit's briefing pack as a PDF</source>
        <translation>将访问的背景资料写成 PDF</translation>
    </message>
    <message>
        <source>the .pdf file to write</source>
        <translation>要写入的 .pdf 文件</translation>
    </message>
    <message>
        <source>the visit whose programme and counterparts' profiles the pack holds</source>
        <translation>资料所含日程及对方简介所属的访问</translation>
    </message>
    <message>
        <source>The briefing pack must be a .pdf file (got “{name}”).</source>
        <translation>背景资料必须是 .pdf 文件（收到的是“{name}”）。</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name ending in .pdf.</source>
        <translation>{file} 是文件夹；请给出以 .pdf 结尾的文件名。</translation>
    </message>
    <message>
        <source>Wrote the briefing pack of “{title}” (programme and 1 profile) to {file}.</source>
        <translation>已将“{title}”的背景资料（日程及 1 份简介）写入 {file}。</translation>
    </message>
    <message>
        <source>Wrote the briefing pack of “{title}” (programme and {count:,} profiles) to {file}.</source>
        <translation>已将“{title}”的背景资料（日程及 {count:,} 份简介）写入 {file}。</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>write the visits, their programmes and the follow-ups due to an iCalendar (.ics) file for your own calendar</source>
        <translation>把出访来访、日程和到期的待办事项写入 iCalendar (.ics) 文件，供您自己的日历使用</translation>
    </message>
    <message>
        <source>the .ics file to write</source>
        <translation>要写入的 .ics 文件</translation>
    </message>
    <message>
        <source>the first day (default: 30 days ago)</source>
        <translation>起始日期（默认：30 天前）</translation>
    </message>
    <message>
        <source>the last day, included (default: no end)</source>
        <translation>截止日期，含当天（默认：不设截止）</translation>
    </message>
    <message>
        <source>--to ({end}) is before --from ({start}); give the first day first.</source>
        <translation>--to（{end}）早于 --from（{start}）；请先给起始日期。</translation>
    </message>
    <message>
        <source>--to ({end}) is before {start}, where the calendar starts without --from (30 days ago); give --from too.</source>
        <translation>--to（{end}）早于 {start}——不给 --from 时日历从 30 天前开始；请同时给出 --from。</translation>
    </message>
    <message>
        <source>Wrote 1 event to {file} (programme items: {items}, visits: {visits}, multilateral events: {meetings}, sessions: {sessions}, follow-ups due: {followups}).</source>
        <translation>已将 1 个日程写入 {file}（日程项目：{items}，访问：{visits}，多边活动：{meetings}，会议场次：{sessions}，到期后续事项：{followups}）。</translation>
    </message>
    <message>
        <source>Wrote {events:,} events to {file} (programme items: {items:,}, visits: {visits:,}, multilateral events: {meetings:,}, sessions: {sessions:,}, follow-ups due: {followups:,}).</source>
        <translation>已将 {events:,} 个日程写入 {file}（日程项目：{items:,}，访问：{visits:,}，多边活动：{meetings:,}，会议场次：{sessions:,}，到期后续事项：{followups:,}）。</translation>
    </message>
    <message>
        <source>{item} — {visit}</source>
        <translation>{item}——{visit}</translation>
    </message>
    <message>
        <source>Participants: {names}</source>
        <translation>参加者：{names}</translation>
    </message>
    <message>
        <source>Purpose of the visit: {purpose}</source>
        <translation>访问目的：{purpose}</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Hosts: {name}</source>
        <translation>接待方：{name}</translation>
    </message>
    <message>
        <source>Guests: {name}</source>
        <translation>来访方：{name}</translation>
    </message>
    <message>
        <source>Purpose: {purpose}</source>
        <translation>目的：{purpose}</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Organizer: {name}</source>
        <translation>主办方：{name}</translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation>主题：{theme}</translation>
    </message>
    <message>
        <source>Speakers: {names}</source>
        <translation>发言人：{names}</translation>
    </message>
    <message>
        <source>Due: {description}</source>
        <translation>到期：{description}</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Owner: {owner}</source>
        <translation>负责人：{owner}</translation>
    </message>
    <message>
        <source>Organization: {name}</source>
        <translation>组织：{name}</translation>
    </message>
    <message>
        <source>Arising from: {title}</source>
        <translation>来源：{title}</translation>
    </message>
    <message>
        <source>The calendar would end ({end}) before it starts ({start}).</source>
        <translation>日历的截止日期（{end}）早于起始日期（{start}）。</translation>
    </message>
    <message>
        <source>The calendar file must end in .ics (got “{name}”).</source>
        <translation>日历文件名须以 .ics 结尾（收到的是“{name}”）。</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name ending in .ics.</source>
        <translation>{file} 是一个文件夹；请给出以 .ics 结尾的文件名。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>文件夹 {folder} 不存在；请先创建它或另选一个。</translation>
    </message>
    <message>
        <source>Liaison cannot write the calendar to {file} (no permission).</source>
        <translation>Liaison 无法把日历写入 {file}（没有权限）。</translation>
    </message>
    <message>
        <source>Liaison could not write the calendar to {file} ({reason}).</source>
        <translation>Liaison 未能把日历写入 {file}（{reason}）。</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Save the calendar as</source>
        <translation>日历另存为</translation>
    </message>
    <message>
        <source>iCalendar file (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>The visits, each programme item at its time and place, the multilateral events and their sessions, and the follow-ups due, as a file your calendar (Outlook, Google, Apple, Thunderbird) imports. Export again to the same file to update the events already imported.</source>
        <translation>访问、每个日程项目（含时间和地点）、多边活动及其各场会议，以及到期的后续事项，导出为您的日历（Outlook、Google、Apple、Thunderbird）可导入的文件。再次导出到同一文件，即可更新已导入的日程。</translation>
    </message>
    <message>
        <source>&amp;No end</source>
        <translation>无截止日期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>截止(&amp;T)：</translation>
    </message>
    <message>
        <source>Fi&amp;le:</source>
        <translation>文件(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Give the first day the calendar covers.</source>
        <translation>请填写日历涵盖的第一天。</translation>
    </message>
    <message>
        <source>Give the last day, or tick “No end”.</source>
        <translation>请填写最后一天，或勾选“无截止日期”。</translation>
    </message>
    <message>
        <source>The last day ({end}) is before the first ({start}); give the first day first.</source>
        <translation>最后一天（{end}）早于第一天（{start}）；请先填写较早的日期。</translation>
    </message>
    <message>
        <source>Choose the file to write the calendar to.</source>
        <translation>请选择要写入日历的文件。</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>正在写入日历…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Exporting the calendar</source>
        <translation>正在导出日历</translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation>日历已导出</translation>
    </message>
    <message>
        <source>Liaison could not write {path} ({problem}); no file was written.</source>
        <translation>Liaison 无法写入 {path}（{problem}）；未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>现任</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Other participants</source>
        <translation>其他参与方</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>From interaction</source>
        <translation>来源交往</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>团长</translation>
    </message>
    <message>
        <source>Delegation size</source>
        <translation>代表团人数</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往次数</translation>
    </message>
    <message>
        <source>Current organizations</source>
        <translation>现任职组织</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>匹配名称</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>操作内容</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>此列无法排序</translation>
    </message>
    <message>
        <source>Organization or person</source>
        <translation>组织或人员</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>a participant's</comment>
        <translation>身份</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>修改项</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>From</source>
        <comment>where a change came from</comment>
        <translation>来源</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Party leader</source>
        <translation>政党领导人</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>a person's</comment>
        <translation>职衔</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>一方</translation>
    </message>
    <message>
        <source>Title at the time</source>
        <translation>当时职衔</translation>
    </message>
    <message>
        <source>Given or received</source>
        <translation>赠送或收受</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Series and edition</source>
        <translation>系列与届次</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办方</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>邀请数</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主方</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客方</translation>
    </message>
    <message>
        <source>Programme items</source>
        <translation>日程项目</translation>
    </message>
    <message>
        <source>Invitee</source>
        <translation>受邀方</translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation>邀请人</translation>
    </message>
    <message>
        <source>Invited on</source>
        <translation>邀请日期</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Replied on</source>
        <translation>回复日期</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Delegation (size / head)</source>
        <translation>代表团（人数 / 团长）</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>In the delegation of</source>
        <translation>所在代表团</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Undid batch {id}: {removed:,} records removed, {restored:,} restored to their earlier values.</source>
        <translation>已撤销批次 {id}：移除 {removed:,} 条记录，{restored:,} 条恢复为之前的值。</translation>
    </message>
    <message>
        <source>Undid import {id}: {removed:,} records removed, {restored:,} restored to their earlier values.</source>
        <translation>已撤销导入 {id}：移除 {removed:,} 条记录，{restored:,} 条恢复为之前的值。</translation>
    </message>
    <message>
        <source>Undid merge {id}: {removed:,} records removed, {restored:,} restored to their earlier values.</source>
        <translation>已撤销合并 {id}：移除 {removed:,} 条记录，{restored:,} 条恢复为之前的值。</translation>
    </message>
    <message>
        <source>list the latest batches of changes: imports, merges, edits, undos</source>
        <translation>列出最近的修改批次：导入、合并、编辑、撤销</translation>
    </message>
    <message>
        <source>only batches of this kind (import, merge, screen, starter, revert, undo; repeatable)</source>
        <translation>只列出此类批次（import、merge、screen、starter、revert、undo；可多次指定）</translation>
    </message>
    <message>
        <source>how many (default: 50)</source>
        <translation>列出条数（默认：50）</translation>
    </message>
    <message>
        <source>print one JSON array</source>
        <translation>输出一个 JSON 数组</translation>
    </message>
    <message>
        <source>undo a batch of changes (see `liaison batches`)</source>
        <translation>撤销一个修改批次（参见 `liaison batches`）</translation>
    </message>
    <message>
        <source>undo an import (the same as `liaison undo`)</source>
        <translation>撤销一次导入（与 `liaison undo` 相同）</translation>
    </message>
    <message>
        <source>undo a merge (the same as `liaison undo`)</source>
        <translation>撤销一次合并（与 `liaison undo` 相同）</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>无任何修改</translation>
    </message>
    <message>
        <source>No batches in {database} yet.</source>
        <translation>{database} 中尚无批次。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某用户</translation>
    </message>
    <message>
        <source>kept: {what}</source>
        <translation>已保留：{what}</translation>
    </message>
    <message>
        <source>Choose either --dayfirst or --monthfirst, not both.</source>
        <translation>--dayfirst 和 --monthfirst 只能选择其一。</translation>
    </message>
    <message>
        <source>--on-duplicate takes skip, update or fill, not “{value}”.</source>
        <translation>--on-duplicate 的取值为 skip、update 或 fill，而不是“{value}”。</translation>
    </message>
    <message>
        <source>--map takes "Column=field" (an empty field ignores the column), not “{value}”.</source>
        <translation>--map 的格式为 "列名=字段"（字段为空则忽略该列），而不是“{value}”。</translation>
    </message>
    <message>
        <source>--header-row takes a row number, not “{value}”.</source>
        <translation>--header-row 应为行号，而不是“{value}”。</translation>
    </message>
    <message>
        <source>--header-row counts from 1, the first row of the sheet.</source>
        <translation>--header-row 从 1 开始计数，即工作表的第一行。</translation>
    </message>
    <message>
        <source>--invitations-for says what the rows are; leave out --as.</source>
        <translation>--invitations-for 已说明各行是什么，请去掉 --as。</translation>
    </message>
    <message>
        <source>Password of {file}: </source>
        <translation>{file} 的密码：</translation>
    </message>
    <message>
        <source>{count} problem(s) found in {file}; nothing was written (fix them, or use --skip-invalid to import the other rows).</source>
        <translation>在 {file} 中发现 {count} 个问题，未写入任何内容（请修正这些问题，或使用 --skip-invalid 导入其余各行）。</translation>
    </message>
    <message>
        <source>Dry run of {file}: would write {summary}; nothing was written.</source>
        <translation>{file} 试运行：将写入 {summary}；未写入任何内容。</translation>
    </message>
    <message>
        <source>{file}: nothing to write ({summary}).</source>
        <translation>{file}：无可写入的内容（{summary}）。</translation>
    </message>
    <message>
        <source>{stage}: {done:,} of {total:,}</source>
        <translation>{stage}：{done:,}/{total:,}</translation>
    </message>
    <message>
        <source>The database changed while the import was being prepared; preparing it again.</source>
        <translation>准备导入期间数据库已有改动；正在重新准备。</translation>
    </message>
    <message>
        <source>Imported {file} in {seconds:.1f} s: {summary}. Undo with: liaison undo-import {id}</source>
        <translation>已导入 {file}，用时 {seconds:.1f} 秒：{summary}。撤销命令：liaison undo-import {id}</translation>
    </message>
    <message>
        <source>… and {count} more problems.</source>
        <translation>…另有 {count} 个问题。</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <source>conflict: {sheet} row {row}, {field}: exported {exported}, file {file}, Liaison {database}</source>
        <translation>冲突：{sheet} 第 {row} 行，{field}：导出时为 {exported}，文件中为 {file}，Liaison 中为 {database}</translation>
    </message>
    <message>
        <source>{count} row(s) have fields changed both in the file and in Liaison; they were left as they are (choose with --on-conflict file|database).</source>
        <translation>{count} 行的字段在文件和 Liaison 中均有修改，已保持原样（可用 --on-conflict file|database 选择）。</translation>
    </message>
    <message>
        <source>{count} record(s) are no longer in the file; they were not deleted (use --apply-deletions to delete them).</source>
        <translation>{count} 条记录已不在文件中，未予删除（如需删除，请使用 --apply-deletions）。</translation>
    </message>
    <message>
        <source>{count:,} row(s) match records already in Liaison and hold something new; they were skipped. --on-duplicate update would change {update:,} of them: {update_fields}.</source>
        <translation>{count:,} 行与 Liaison 中已有的记录匹配且含有新内容，已跳过。使用 --on-duplicate update 将更改其中 {update:,} 行：{update_fields}。</translation>
    </message>
    <message>
        <source>--on-duplicate fill would fill blanks in {fill:,}: {fill_fields}.</source>
        <translation>使用 --on-duplicate fill 将填补其中 {fill:,} 行的空白：{fill_fields}。</translation>
    </message>
    <message>
        <source>{sheet}, row {row}, column “{column}”: {message}</source>
        <translation>{sheet}，第 {row} 行，“{column}”列：{message}</translation>
    </message>
    <message>
        <source>{sheet}, row {row}: {message}</source>
        <translation>{sheet}，第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>{sheet}, column “{column}”: {message}</source>
        <translation>{sheet}，“{column}”列：{message}</translation>
    </message>
    <message>
        <source>{sheet}: {message}</source>
        <translation>{sheet}：{message}</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>affiliations</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>participations</source>
        <translation>参与记录</translation>
    </message>
    <message>
        <source>followups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>import batches</source>
        <translation>导入批次</translation>
    </message>
    <message>
        <source>Exported 1 organization from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 1 个组织从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported {count:,} organizations from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 {count:,} 个组织从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported 1 person from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 1 名人员从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported {count:,} people from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 {count:,} 名人员从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported 1 interaction from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 1 条交往记录从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported {count:,} interactions from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 {count:,} 条交往记录从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported 1 follow-up from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 1 项后续事项从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported {count:,} follow-ups from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 {count:,} 项后续事项从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>Liaison: relationship manager for an international liaison office.</source>
        <translation>Liaison：面向对外联络部门的关系管理软件。</translation>
    </message>
    <message>
        <source>SQLite file or postgresql+psycopg:// URL (default: $LIAISON_DB, else the local database in your data folder)</source>
        <translation>SQLite 文件或 postgresql+psycopg:// URL（默认：$LIAISON_DB，未设置时使用数据文件夹中的本地数据库）</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>the multilateral events' figures: each year, each event, each series</source>
        <translation>多边活动的统计数据：按年份、按活动、按系列</translation>
    </message>
    <message>
        <source>one event's Liaison workbook: the event, its sessions, invitations and delegates, to be corrected and imported back</source>
        <translation>单个活动的 Liaison 工作簿：活动及其议程、邀请和代表团成员，供修改后导回</translation>
    </message>
    <message>
        <source>with --event: the participant list to read and print, by country</source>
        <translation>与 --event 一起使用：按国家排列、供阅读和打印的出席名单</translation>
    </message>
    <message>
        <source>protect the workbook with a password (from LIAISON_WORKBOOK_PASSWORD, or asked for): Excel, WPS and LibreOffice ask for it to open it</source>
        <translation>用密码保护工作簿（密码取自 LIAISON_WORKBOOK_PASSWORD 或在终端询问）：Excel、WPS 和 LibreOffice 打开时会要求输入</translation>
    </message>
    <message>
        <source>A briefing pack (.pdf) is written by the liaison program itself, which lays it out with Qt: run “liaison export {file} --visit ID”.</source>
        <translation>背景资料（.pdf）由 liaison 程序本身用 Qt 排版写出：请运行“liaison export {file} --visit ID”。</translation>
    </message>
    <message>
        <source>--participants needs --event ID: the event whose participants to list.</source>
        <translation>--participants 需要 --event 编号：指明要列出哪个活动的出席名单。</translation>
    </message>
    <message>
        <source>make a new, empty database (the other commands only open one)</source>
        <translation>新建一个空数据库（其他命令只打开已有的数据库）</translation>
    </message>
    <message>
        <source>the new SQLite file (default: --db, $LIAISON_DB, or the local database in your data folder)</source>
        <translation>新的 SQLite 文件（默认：--db、$LIAISON_DB，或数据文件夹中的本地数据库）</translation>
    </message>
    <message>
        <source>fill an empty database with generated demo data</source>
        <translation>向空数据库填充生成的演示数据</translation>
    </message>
    <message>
        <source>load the starter register of world parties (Party Facts)</source>
        <translation>载入世界政党初始名录（Party Facts）</translation>
    </message>
    <message>
        <source>counts, coverage, overdue and dormant figures</source>
        <translation>数量、覆盖范围、逾期及长期无往来情况统计</translation>
    </message>
    <message>
        <source>check the database's integrity</source>
        <translation>检查数据库完整性</translation>
    </message>
    <message>
        <source>find organizations and people by any name</source>
        <translation>按任意名称查找组织和人员</translation>
    </message>
    <message>
        <source>write a consistent copy of the database</source>
        <translation>写入一份一致的数据库副本</translation>
    </message>
    <message>
        <source>folder for the copy (default: backups/ beside the database)</source>
        <translation>副本所在文件夹（默认：数据库旁的 backups/）</translation>
    </message>
    <message>
        <source>save a consistent copy of the database as one file (safe while the app runs)</source>
        <translation>将数据库完整保存为一个副本文件（程序运行时也可安全进行）</translation>
    </message>
    <message>
        <source>export to a Liaison workbook (.xlsx), or one list or one organization's dossier as a sheet to read</source>
        <translation>导出为 Liaison 工作簿（.xlsx），或将某个列表、某个组织的档案导出为便于阅读的工作表</translation>
    </message>
    <message>
        <source>A visit's briefing pack (programme and counterparts' profiles) is a PDF: liaison export OUT.pdf --visit ID</source>
        <translation>访问的背景资料（日程及对方各组织和人员的简介）是 PDF 文件：liaison export OUT.pdf --visit ID</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>one whole list as a plain, formatted sheet</source>
        <translation>将一个完整列表导出为排版好的普通工作表</translation>
    </message>
    <message>
        <source>one organization's dossier: profile, people, timeline, follow-ups</source>
        <translation>单个组织的档案：概况、人员、往来时间线、后续事项</translation>
    </message>
    <message>
        <source>import a spreadsheet (.xlsx, .xls, .ods, .csv, .tsv) or contact cards (.vcf)</source>
        <translation>导入电子表格（.xlsx、.xls、.ods、.csv、.tsv）或联系人名片（.vcf）</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first visible one)</source>
        <translation>要读取的工作表（默认：第一个可见的工作表）</translation>
    </message>
    <message>
        <source>a text table's encoding, e.g. gb18030, big5, cp1252 (default: recognised from the bytes)</source>
        <translation>文本表格的编码，如 gb18030、big5、cp1252（默认：根据文件内容识别）</translation>
    </message>
    <message>
        <source>the row holding the column names</source>
        <translation>列名所在的行</translation>
    </message>
    <message>
        <source>what the rows are (default: guessed)</source>
        <translation>各行的记录类型（默认：自动判断）</translation>
    </message>
    <message>
        <source>the rows are parties (or people) invited to this event: one invitation per row, the party and its leader matched or added</source>
        <translation>各行是受邀参加该活动的政党（或个人）：每行一份邀请，政党及其领导人与已有记录匹配或新增</translation>
    </message>
    <message>
        <source>a saved column-mapping profile</source>
        <translation>已保存的列对应方案</translation>
    </message>
    <message>
        <source>rows matching an existing record: skip (default), update, or fill blanks only</source>
        <translation>与现有记录相符的行：跳过（skip，默认）、更新（update）或仅填补空白（fill）</translation>
    </message>
    <message>
        <source>map a column to a field (repeatable; empty field ignores it)</source>
        <translation>将某列对应到字段（可多次指定；字段为空则忽略该列）</translation>
    </message>
    <message>
        <source>Liaison workbooks: for fields changed both in the file and in the database since export, take the file's or keep the database's value (default: leave them open and apply the rest)</source>
        <translation>适用于 Liaison 工作簿：对于导出后在文件和数据库中均有修改的字段，采用文件中的值或保留数据库中的值（默认：暂不处理这些字段，仅应用其余修改）</translation>
    </message>
    <message>
        <source>Liaison workbooks: delete the records whose rows were removed from the file (default: only propose it)</source>
        <translation>适用于 Liaison 工作簿：删除其行已从文件中移除的记录（默认：仅提出删除建议）</translation>
    </message>
    <message>
        <source>Give the new database's path once: either after init or with --db.</source>
        <translation>新数据库的路径只需给出一次：写在 init 之后，或用 --db 给出。</translation>
    </message>
    <message>
        <source>{database} already holds a Liaison database; it was left as it was.</source>
        <translation>{database} 已是一个 Liaison 数据库，未作任何改动。</translation>
    </message>
    <message>
        <source>Made a new, empty Liaison database: {database}. Fill it with “liaison --db {target} starter” (the world's parties) or start the app on it.</source>
        <translation>已新建空的 Liaison 数据库：{database}。可用“liaison --db {target} starter”载入世界政党名录，或直接用它启动程序。</translation>
    </message>
    <message>
        <source>Loaded {size} demo data (seed {seed}) into {database} in {seconds:.1f} s.</source>
        <translation>已将 {size} 规模的演示数据（随机种子 {seed}）载入 {database}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Starter register: {added} parties added, {present} already present. {attribution}</source>
        <translation>初始名录：新增 {added} 个政党，{present} 个已存在。{attribution}</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>countries covered {covered} of {known}; regions: {regions}</source>
        <translation>覆盖国家 {covered}/{known} 个；地区：{regions}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>open follow-ups {open:,} ({overdue:,} overdue); dormant organizations {dormant:,}</source>
        <translation>未完成的后续事项 {open:,} 项（逾期 {overdue:,} 项）；长期无往来的组织 {dormant:,} 个</translation>
    </message>
    <message>
        <source>{count} problem(s) found in {database}.</source>
        <translation>在 {database} 中发现 {count} 个问题。</translation>
    </message>
    <message>
        <source>{database}: no problems found.</source>
        <translation>{database}：未发现问题。</translation>
    </message>
    <message>
        <source>Nothing matches “{query}”.</source>
        <translation>没有与“{query}”匹配的结果。</translation>
    </message>
    <message>
        <source>replace the database with a backup copy (the state it replaces is backed up first)</source>
        <translation>用备份副本替换数据库（先备份被替换的当前状态）</translation>
    </message>
    <message>
        <source>list the database's backups: when, how large, and why each was made</source>
        <translation>列出数据库的备份：每份的时间、大小和原因</translation>
    </message>
    <message>
        <source>print JSON instead of a table</source>
        <translation>以 JSON 而非表格输出</translation>
    </message>
    <message>
        <source>Backed up {database} to {file}.</source>
        <translation>已将 {database} 备份到 {file}。</translation>
    </message>
    <message>
        <source>Saved a copy of {database} as {file}.</source>
        <translation>已将 {database} 的副本保存为 {file}。</translation>
    </message>
    <message>
        <source>Restored {file}; the database as it was is kept at {safety}.</source>
        <translation>已恢复 {file}；恢复前的数据库保存在 {safety}。</translation>
    </message>
    <message>
        <source>Restored {file}.</source>
        <translation>已恢复 {file}。</translation>
    </message>
    <message>
        <source>A server's backups are the pg_dump archives “liaison backup” wrote; Liaison keeps no list of them.</source>
        <translation>服务器的备份是“liaison backup”写出的 pg_dump 归档文件；Liaison 不保存其清单。</translation>
    </message>
    <message>
        <source>No backups of {database} yet.</source>
        <translation>{database} 还没有备份。</translation>
    </message>
    <message>
        <source>{stage}: {done:,} of {total:,} rows</source>
        <translation>{stage}：{done:,}/{total:,} 行</translation>
    </message>
    <message>
        <source>Exported the dossier of organization {id} ({count:,} rows) from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将组织 {id} 的档案（{count:,} 行）从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported the participant list of event {event} ({count:,} invitations) from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将活动 {event} 的出席名单（{count:,} 份邀请）从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported event {event} ({count:,} rows) from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将活动 {event}（{count:,} 行）从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Exported {count:,} rows from {database} to {file} in {seconds:.1f} s.</source>
        <translation>已将 {count:,} 行从 {database} 导出到 {file}，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Liaison hit an unexpected error: {error}: {detail} (details in {file}).</source>
        <translation>Liaison 遇到意外错误：{error}：{detail}（详细信息见 {file}）。</translation>
    </message>
    <message>
        <source>Liaison hit an unexpected error: {error}: {detail}.</source>
        <translation>Liaison 遇到意外错误：{error}：{detail}。</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>merge another Liaison database (a travel copy, a colleague's file, a server) into this one</source>
        <translation>将另一个 Liaison 数据库（出差副本、同事的文件或服务器）合并到本数据库</translation>
    </message>
    <message>
        <source>the other copy: a file or a postgresql+psycopg:// URL</source>
        <translation>另一副本：文件或 postgresql+psycopg:// URL</translation>
    </message>
    <message>
        <source>show what would change; write nothing</source>
        <translation>显示将会发生的修改，不写入任何内容</translation>
    </message>
    <message>
        <source>settle every conflict by keeping this copy's value (here) or taking the other's (there); default: leave them open</source>
        <translation>解决所有冲突：保留本副本的值（here）或采用另一副本的值（there）；默认：暂不解决</translation>
    </message>
    <message>
        <source>write a complete copy of the database for another laptop</source>
        <translation>为另一台笔记本电脑写入完整的数据库副本</translation>
    </message>
    <message>
        <source>the new .sqlite3 file</source>
        <translation>新的 .sqlite3 文件</translation>
    </message>
    <message>
        <source>encrypt the copy (its passphrase comes from LIAISON_TRAVEL_PASSPHRASE or is asked for; a recovery key is printed once)</source>
        <translation>加密副本（口令取自 LIAISON_TRAVEL_PASSPHRASE 或在终端询问；恢复密钥只打印一次）</translation>
    </message>
    <message>
        <source>write the copy unencrypted: anyone who holds the file can read it</source>
        <translation>写出不加密的副本：任何拿到文件的人都能读取</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>{count} problem(s) found in {other}; nothing was written.</source>
        <translation>在 {other} 中发现 {count} 个问题，未写入任何内容。</translation>
    </message>
    <message>
        <source>Dry run of the merge from {other}: {summary}; {count} changes to copy into the history; nothing was written.</source>
        <translation>从 {other} 合并的试运行：{summary}；将有 {count} 条修改复制到修改记录中；未写入任何内容。</translation>
    </message>
    <message>
        <source>This database changed while the merge was being prepared; preparing it again.</source>
        <translation>准备合并期间本数据库已有改动；正在重新准备。</translation>
    </message>
    <message>
        <source>{other}: nothing to merge ({summary}).</source>
        <translation>{other}：没有需要合并的内容（{summary}）。</translation>
    </message>
    <message>
        <source>Merged {other} into {database} in {seconds:.1f} s: {summary}; {count} changes copied into the history. Undo with: liaison undo-merge {id}</source>
        <translation>已将 {other} 合并到 {database}，用时 {seconds:.1f} 秒：{summary}；{count} 条修改已复制到修改记录中。撤销命令：liaison undo-merge {id}</translation>
    </message>
    <message>
        <source>{count} record(s) in conflict were left open: this copy kept its values; settle them with --resolve here|there, or make the values agree, and merge again.</source>
        <translation>{count} 条存在冲突的记录暂未解决，本副本保留了自己的值；请使用 --resolve here|there 解决，或使两边的值一致后重新合并。</translation>
    </message>
    <message>
        <source>{kind} {id}: {problem}</source>
        <translation>{kind} {id}：{problem}</translation>
    </message>
    <message>
        <source>conflict: {kind} “{name}” ({id}): {field} is {here} here and {there} in {other}</source>
        <translation>冲突：{kind}“{name}”（{id}）：{field} 在本副本中为 {here}，在 {other} 中为 {there}</translation>
    </message>
    <message>
        <source>Wrote a travel copy of {database} to {file}. Bring it back with: liaison merge {file}</source>
        <translation>已将 {database} 的出差副本写入 {file}。带回后用以下命令合并：liaison merge {file}</translation>
    </message>
    <message>
        <source>Set {variable}, or run this on a terminal to be asked.</source>
        <translation>请设置 {variable}，或在终端中运行以便询问口令。</translation>
    </message>
    <message>
        <source>Passphrase or recovery key for {file}: </source>
        <translation>{file} 的口令或恢复密钥：</translation>
    </message>
    <message>
        <source>Set {variable} to the new passphrase, or run this on a terminal to be asked.</source>
        <translation>请将 {variable} 设为新口令，或在终端中运行以便询问。</translation>
    </message>
    <message>
        <source>New passphrase: </source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>The same passphrase again: </source>
        <translation>再次输入同一口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>两次输入的口令不一致；未作任何更改。</translation>
    </message>
    <message>
        <source>Recovery key for {file} — print it or store it somewhere safe, apart from the laptop. It opens the file if the passphrase is forgotten, and it is shown only this once:

    {key}
</source>
        <translation>{file} 的恢复密钥——请打印或存放在笔记本电脑以外的安全地方。忘记口令时可用它打开文件；它只显示这一次：

    {key}
</translation>
    </message>
    <message>
        <source>encrypt the database file (a backup is made first; the new passphrase comes from LIAISON_PASSPHRASE or is asked for)</source>
        <translation>加密数据库文件（先做备份；新口令取自 LIAISON_PASSPHRASE 或在终端询问）</translation>
    </message>
    <message>
        <source>turn an encrypted database file back into a plain one (a backup is made first)</source>
        <translation>将加密的数据库文件还原为不加密的文件（先做备份）</translation>
    </message>
    <message>
        <source>A team server's database is protected by the server (its own encryption and accounts); Liaison encrypts database files.</source>
        <translation>团队服务器上的数据库由服务器保护（其自身的加密和账户）；Liaison 加密的是数据库文件。</translation>
    </message>
    <message>
        <source>Encrypted {file} and its backups.</source>
        <translation>已加密 {file} 及其备份。</translation>
    </message>
    <message>
        <source>Decrypted {file}: it opens without a passphrase now.</source>
        <translation>已解密 {file}：现在打开它无需口令。</translation>
    </message>
    <message>
        <source>make the team server's editor and viewer roles (run by an account with the CREATEROLE right) and put accounts in them</source>
        <translation>在团队服务器上建立编辑者和查看者角色（由拥有 CREATEROLE 权限的账户运行），并将账户加入其中</translation>
    </message>
    <message>
        <source>an account that may change records (made if new; repeatable)</source>
        <translation>可以修改记录的账户（不存在则新建；可重复）</translation>
    </message>
    <message>
        <source>an account that may only read them (made if new; repeatable)</source>
        <translation>只能读取记录的账户（不存在则新建；可重复）</translation>
    </message>
    <message>
        <source>{login} is a new account: set LIAISON_NEW_PASSWORD to its password, or run this on a terminal to be asked.</source>
        <translation>{login} 是新账户：请将 LIAISON_NEW_PASSWORD 设为其密码，或在终端中运行以便询问。</translation>
    </message>
    <message>
        <source>Password for the new account {login}: </source>
        <translation>新账户 {login} 的密码：</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再次输入同一密码：</translation>
    </message>
    <message>
        <source>The passwords differ or are empty; nothing was changed.</source>
        <translation>两次密码不一致或为空；未作任何更改。</translation>
    </message>
    <message>
        <source>Roles ready on {database}: {editor} may change records, {viewer} may only read them.</source>
        <translation>{database} 上的角色已就绪：{editor} 可以修改记录，{viewer} 只能读取。</translation>
    </message>
    <message>
        <source>{login} is in {group}.</source>
        <translation>{login} 已加入 {group}。</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>受邀</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Heads of party</source>
        <translation>政党领导人</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Young</source>
        <translation>青年</translation>
    </message>
    <message>
        <source>First-time partners</source>
        <translation>首次合作伙伴</translation>
    </message>
    <message>
        <source>No events are recorded.</source>
        <translation>尚未记录任何活动。</translation>
    </message>
    <message>
        <source>{mechanism} {count}</source>
        <translation>{mechanism} {count}</translation>
    </message>
    <message>
        <source>{year}: {events} event(s) ({mechanisms}); {invitations:,} invitation(s); attended by {organizations:,} organization(s) from {countries:,} countries and {attendees:,} people</source>
        <translation>{year} 年：{events} 场活动（{mechanisms}）；{invitations:,} 份邀请；出席：来自 {countries:,} 个国家的 {organizations:,} 个组织，共 {attendees:,} 人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Series: {series}</source>
        <translation>系列：{series}</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Women and young people are shares of the attendees whose gender or birth year is recorded; young means under {age} (Settings).</source>
        <translation>女性和青年比例按已记录性别或出生年份的出席者计算；青年指未满 {age} 岁（见“设置”）。</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 次交往</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 次交往</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>1 个职务</translation>
    </message>
    <message>
        <source>{n:,} positions</source>
        <translation>{n:,} 个职务</translation>
    </message>
    <message>
        <source>1 invitation</source>
        <translation>1 份邀请</translation>
    </message>
    <message>
        <source>{n:,} invitations</source>
        <translation>{n:,} 份邀请</translation>
    </message>
    <message>
        <source>1 place in an event delegation</source>
        <translation>1 个活动代表团席位</translation>
    </message>
    <message>
        <source>{n:,} places in event delegations</source>
        <translation>{n:,} 个活动代表团席位</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 次访问</translation>
    </message>
    <message>
        <source>{n:,} visits</source>
        <translation>{n:,} 次访问</translation>
    </message>
    <message>
        <source>1 place in a visit's delegation</source>
        <translation>1 个访问团席位</translation>
    </message>
    <message>
        <source>{n:,} places in visits' delegations</source>
        <translation>{n:,} 个访问团席位</translation>
    </message>
    <message>
        <source>1 gift</source>
        <translation>1 件礼品</translation>
    </message>
    <message>
        <source>{n:,} gifts</source>
        <translation>{n:,} 件礼品</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>1 项后续事项</translation>
    </message>
    <message>
        <source>{n:,} follow-ups</source>
        <translation>{n:,} 项后续事项</translation>
    </message>
    <message>
        <source>1 event organized</source>
        <translation>主办的 1 场活动</translation>
    </message>
    <message>
        <source>{n:,} events organized</source>
        <translation>主办的 {n:,} 场活动</translation>
    </message>
    <message>
        <source>1 session spoken at</source>
        <translation>发言的 1 场会议</translation>
    </message>
    <message>
        <source>{n:,} sessions spoken at</source>
        <translation>发言的 {n:,} 场会议</translation>
    </message>
    <message>
        <source>1 level change</source>
        <translation>1 次关系级别变化</translation>
    </message>
    <message>
        <source>{n:,} level changes</source>
        <translation>{n:,} 次关系级别变化</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 个标签</translation>
    </message>
    <message>
        <source>{n:,} tags</source>
        <translation>{n:,} 个标签</translation>
    </message>
    <message>
        <source>1 likely duplicate pair of organizations (score {score} or more) in {database}.</source>
        <translation>{database} 中有 1 对可能重复的组织（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>{count:,} likely duplicate pairs of organizations (score {score} or more) in {database}.</source>
        <translation>{database} 中有 {count:,} 对可能重复的组织（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>1 likely duplicate pair of people (score {score} or more) in {database}.</source>
        <translation>{database} 中有 1 对可能重复的人员（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>{count:,} likely duplicate pairs of people (score {score} or more) in {database}.</source>
        <translation>{database} 中有 {count:,} 对可能重复的人员（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>No likely duplicate organizations (score {score} or more) in {database}.</source>
        <translation>{database} 中没有可能重复的组织（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>No likely duplicate people (score {score} or more) in {database}.</source>
        <translation>{database} 中没有可能重复的人员（得分 {score} 及以上）。</translation>
    </message>
    <message>
        <source>list the likely duplicate organizations or people, across scripts, best first, with why each pair matched</source>
        <translation>列出可能重复的组织或人员（跨文字比较），最可能的在前，并说明每一对的匹配原因</translation>
    </message>
    <message>
        <source>organizations (the default) or people</source>
        <translation>组织（默认）或人员</translation>
    </message>
    <message>
        <source>the lowest score shown, 0 to 100 (default: 85 for organizations, 90 for people)</source>
        <translation>显示的最低分数，0 到 100（默认：组织 85，人员 90）</translation>
    </message>
    <message>
        <source>merge two organizations or two people: OTHER's links and names move to SURVIVOR, which keeps the newer non-empty value of each field</source>
        <translation>合并两个组织或两个人员：OTHER 的关联和名称转到 SURVIVOR，每个字段保留较新的非空值</translation>
    </message>
    <message>
        <source>the id of the record kept</source>
        <translation>保留的记录的 ID</translation>
    </message>
    <message>
        <source>the id of the record merged into it</source>
        <translation>并入的记录的 ID</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>--min-score is a number from 0 to 100 (given: {score}).</source>
        <translation>--min-score 应为 0 到 100 之间的数字（输入的是：{score}）。</translation>
    </message>
    <message>
        <source>Comparing names: {done:,} of {total:,}</source>
        <translation>正在比较名称：{done:,} / {total:,}</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>merge into it</source>
        <translation>并入保留者</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Merge a pair with “liaison merge-records KEEP OTHER”; “liaison undo BATCH” takes a merge back.</source>
        <translation>用“liaison merge-records KEEP OTHER”合并一对；用“liaison undo BATCH”撤销合并。</translation>
    </message>
    <message>
        <source>There is no organization or person with id {id}.</source>
        <translation>没有 ID 为 {id} 的组织或人员。</translation>
    </message>
    <message>
        <source>{survivor} and {other} are one organization and one person: only two organizations or two people can be merged.</source>
        <translation>{survivor} 和 {other} 一个是组织、一个是人员：只能合并两个组织或两个人员。</translation>
    </message>
    <message>
        <source>Merged “{other}” into “{survivor}”; moved to it: {moved}.</source>
        <translation>已将“{other}”并入“{survivor}”；转入：{moved}。</translation>
    </message>
    <message>
        <source>Batch {batch}: “liaison undo {batch}” takes the merge back.</source>
        <translation>批次 {batch}：用“liaison undo {batch}”可撤销此次合并。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某用户</translation>
    </message>
    <message>
        <source>unchanged since you opened it</source>
        <translation>自您打开后未更改</translation>
    </message>
    <message>
        <source>saved by {who} at {time}</source>
        <translation>由 {who} 于 {time} 保存</translation>
    </message>
    <message>
        <source>saved by {who}</source>
        <translation>由 {who} 保存</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>某用户</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names}和{last}</translation>
    </message>
    <message>
        <source>This {noun} was changed while you were editing it</source>
        <translation>您编辑期间此{noun}已被修改</translation>
    </message>
    <message>
        <source>{who} saved this {noun} (last at {time}) after you opened it.</source>
        <translation>您打开此{noun}后，{who}保存了修改（最后保存于 {time}）。</translation>
    </message>
    <message>
        <source>{who} saved this {noun} after you opened it.</source>
        <translation>您打开此{noun}后，{who}保存了修改。</translation>
    </message>
    <message>
        <source>For each field, keep your value or take the one saved meanwhile; Save writes your choices on top of the saved version.</source>
        <translation>请逐个字段选择保留您的值，或采用期间保存的值；“保存我的选择”将在已保存版本的基础上写入您的选择。</translation>
    </message>
    <message>
        <source>1 field changed on both sides needs your choice.</source>
        <translation>有 1 个字段双方都作了修改，需要您选择。</translation>
    </message>
    <message>
        <source>{n:,} fields changed on both sides need your choice.</source>
        <translation>有 {n:,} 个字段双方都作了修改，需要您选择。</translation>
    </message>
    <message>
        <source>Cancel writes nothing and keeps your edits in the form.</source>
        <translation>“取消”不写入任何内容，并保留您在表单中的编辑。</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>全部保留我的值</translation>
    </message>
    <message>
        <source>Take all theirs</source>
        <translation>全部采用对方的值</translation>
    </message>
    <message>
        <source>Save my choices</source>
        <translation>保存我的选择</translation>
    </message>
    <message>
        <source>Cancel, keep editing</source>
        <translation>取消，继续编辑</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>Saved meanwhile</source>
        <translation>期间保存的值</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的值</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的值</translation>
    </message>
    <message>
        <source>your edit</source>
        <translation>您的编辑</translation>
    </message>
    <message>
        <source>as you opened it</source>
        <translation>打开时的值</translation>
    </message>
    <message>
        <source>Choose a value for the 1 field changed on both sides</source>
        <translation>请为双方都修改过的 1 个字段选择值</translation>
    </message>
    <message>
        <source>Choose a value for the {n:,} fields changed on both sides</source>
        <translation>请为双方都修改过的 {n:,} 个字段选择值</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>Delete {record}</source>
        <translation>删除{record}</translation>
    </message>
    <message>
        <source>That change is no longer in the history.</source>
        <translation>该修改已不在修改记录中。</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>followups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>{count} created</source>
        <translation>新建 {count} 条</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>更新 {count} 条</translation>
    </message>
    <message>
        <source>{count} unchanged</source>
        <translation>未更改 {count} 条</translation>
    </message>
    <message>
        <source>{count} skipped</source>
        <translation>跳过 {count} 条</translation>
    </message>
    <message>
        <source>{count} deleted</source>
        <translation>删除 {count} 条</translation>
    </message>
    <message>
        <source>{count} restored</source>
        <translation>恢复 {count} 条</translation>
    </message>
    <message>
        <source>{kind}: {counts}</source>
        <translation>{kind}：{counts}</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <source>Liaison databases ({patterns});;All files (*)</source>
        <translation>Liaison 数据库 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>{path} already exists. Choose a new name for the new database, or open the existing one with File ▸ Open database….</source>
        <translation>{path} 已存在。请为新数据库另取一个名称，或通过“文件 ▸ 打开数据库…”打开已有的数据库。</translation>
    </message>
    <message>
        <source>There is no Liaison database at {path}; it may have been moved or deleted.</source>
        <translation>{path} 处没有 Liaison 数据库，可能已被移动或删除。</translation>
    </message>
    <message>
        <source>No other database opened yet</source>
        <translation>尚未打开过其他数据库</translation>
    </message>
    <message>
        <source>A team server's database is copied with the server's own tools (pg_dump); Save a copy works on database files.</source>
        <translation>团队服务器上的数据库请用服务器自带的工具（pg_dump）复制；“保存副本”只适用于数据库文件。</translation>
    </message>
    <message>
        <source>Saving a copy</source>
        <translation>正在保存副本</translation>
    </message>
    <message>
        <source>Saved a copy of the database as {path}.</source>
        <translation>已将数据库副本保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>same name in another script</source>
        <translation>另一种文字的名称相同</translation>
    </message>
    <message>
        <source>same words in another order</source>
        <translation>用词相同、顺序不同</translation>
    </message>
    <message>
        <source>names alike ({score} %)</source>
        <translation>名称相似（{score}%）</translation>
    </message>
    <message>
        <source>same abbreviation</source>
        <translation>简称相同</translation>
    </message>
    <message>
        <source>abbreviation matches the name</source>
        <translation>简称与名称相同</translation>
    </message>
    <message>
        <source>same country</source>
        <translation>同一国家</translation>
    </message>
    <message>
        <source>Duplicates are looked for among organizations or people.</source>
        <translation>只能在组织或人员中查找重复。</translation>
    </message>
    <message>
        <source>The lowest score is a number from 0 to 100 (given: {score}).</source>
        <translation>最低分数应为 0 到 100 之间的数字（输入的是：{score}）。</translation>
    </message>
    <message>
        <source>The duplicate scan was cancelled.</source>
        <translation>重复查找已取消。</translation>
    </message>
    <message>
        <source>A record is always the same as itself: choose two different {noun}s.</source>
        <translation>一条记录总是与其自身相同：请选择两个不同的{noun}。</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>查找重复</translation>
    </message>
    <message>
        <source>Pairs scoring less are not shown: 100 is the same name, lower is less alike</source>
        <translation>低于此分数的配对不显示：100 表示名称相同，分数越低越不相似</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Look among:</source>
        <translation>查找范围：</translation>
    </message>
    <message>
        <source>Lowest score:</source>
        <translation>最低分数：</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Merge the two records: choose which is kept and each field's value (M)</source>
        <translation>合并这两条记录：选择保留哪一条以及每个字段的值（M）</translation>
    </message>
    <message>
        <source>Not a duplicate</source>
        <translation>不是重复</translation>
    </message>
    <message>
        <source>They are two different records: remembered, the scan will not show this pair again (N)</source>
        <translation>这是两条不同的记录：会记住此决定，以后查找不再显示这一对（N）</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Decide later: the next pair (S)</source>
        <translation>稍后决定：下一对（S）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一对</translation>
    </message>
    <message>
        <source>The previous pair (B)</source>
        <translation>上一对（B）</translation>
    </message>
    <message>
        <source>Reading the names…</source>
        <translation>正在读取名称…</translation>
    </message>
    <message>
        <source>Comparing names in every script…</source>
        <translation>正在比较各种文字的名称…</translation>
    </message>
    <message>
        <source>Finding duplicates</source>
        <translation>正在查找重复</translation>
    </message>
    <message>
        <source>The scan was cancelled.</source>
        <translation>查找已取消。</translation>
    </message>
    <message>
        <source>Choose organizations or people and press Find: names in every script are compared, transliterated and in pinyin.</source>
        <translation>选择组织或人员，然后按“查找”：各种文字的名称都会经转写和拼音后进行比较。</translation>
    </message>
    <message>
        <source>No likely duplicates left to review.</source>
        <translation>没有待审核的可能重复。</translation>
    </message>
    <message>
        <source>All pairs reviewed: press Back to see them again, or Find to look again.</source>
        <translation>所有配对均已审核：按“上一对”可再次查看，按“查找”可重新查找。</translation>
    </message>
    <message>
        <source>Pair {n} of {total}: decide, or skip to the next.</source>
        <translation>第 {n} 对，共 {total} 对：请作出决定，或跳到下一对。</translation>
    </message>
    <message>
        <source>A pair was left out: {problem}</source>
        <translation>已略过一对：{problem}</translation>
    </message>
    <message>
        <source>Score {score} of 100</source>
        <translation>得分 {score}（满分 100）</translation>
    </message>
    <message>
        <source>Why: {reasons}.</source>
        <translation>原因：{reasons}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Matched: {names}</source>
        <translation>匹配：{names}</translation>
    </message>
    <message>
        <source>Suggested to keep</source>
        <translation>建议保留</translation>
    </message>
    <message>
        <source>Other record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}：{name}</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>关联内容</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>{file} is encrypted: give its passphrase or recovery key.</source>
        <translation>{file} 已加密：请提供其口令或恢复密钥。</translation>
    </message>
    <message>
        <source>The passphrase cannot be empty.</source>
        <translation>口令不能为空。</translation>
    </message>
    <message>
        <source>{file} is encrypted already.</source>
        <translation>{file} 已经加密。</translation>
    </message>
    <message>
        <source>{file} is not encrypted.</source>
        <translation>{file} 未加密。</translation>
    </message>
    <message>
        <source>{file} is encrypted: give its passphrase or recovery key to restore a backup into it.</source>
        <translation>{file} 已加密：请提供其口令或恢复密钥，才能将备份恢复到其中。</translation>
    </message>
    <message>
        <source>{file} is encrypted with another key than the database: it cannot be restored into it.</source>
        <translation>{file} 的加密密钥与数据库不同：无法恢复到该数据库。</translation>
    </message>
    <message>
        <source>{file} is not encrypted and the database is: decrypt the database first (liaison decrypt), then restore it.</source>
        <translation>{file} 未加密，而数据库已加密：请先解密数据库（liaison decrypt），再恢复。</translation>
    </message>
    <message>
        <source>Encrypted databases need the sqlcipher3 package, which is not installed here.</source>
        <translation>加密数据库需要 sqlcipher3 软件包，本机未安装。</translation>
    </message>
    <message>
        <source>Cannot write the key file {file}: {reason}.</source>
        <translation>无法写入密钥文件 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The key file {file} that the passphrase unlocks is not beside the database. Open it with its recovery key instead (then choose a new passphrase).</source>
        <translation>口令所解锁的密钥文件 {file} 不在数据库旁边。请改用恢复密钥打开（然后设置新口令）。</translation>
    </message>
    <message>
        <source>The key file {file} cannot be read: {reason}. Open the database with its recovery key instead.</source>
        <translation>无法读取密钥文件 {file}：{reason}。请改用恢复密钥打开数据库。</translation>
    </message>
    <message>
        <source>{file} is not a Liaison key file. Open the database with its recovery key instead.</source>
        <translation>{file} 不是 Liaison 密钥文件。请改用恢复密钥打开数据库。</translation>
    </message>
    <message>
        <source>That passphrase does not open {file}. Try again (letters are case-sensitive), or use the recovery key.</source>
        <translation>该口令无法打开 {file}。请重试（字母区分大小写），或使用恢复密钥。</translation>
    </message>
    <message>
        <source>The key file {file} is damaged: {reason}. Open the database with its recovery key instead.</source>
        <translation>密钥文件 {file} 已损坏：{reason}。请改用恢复密钥打开数据库。</translation>
    </message>
    <message>
        <source>{file} is encrypted: enter its passphrase or recovery key.</source>
        <translation>{file} 已加密：请输入口令或恢复密钥。</translation>
    </message>
    <message>
        <source>That key does not open {file}: it belongs to another file, or the file is damaged.</source>
        <translation>该密钥无法打开 {file}：它属于另一个文件，或文件已损坏。</translation>
    </message>
    <message>
        <source>Cannot replace {file}: {reason}. It was left as it was.</source>
        <translation>无法替换 {file}：{reason}。文件保持原样。</translation>
    </message>
    <message>
        <source>The converted copy did not match the database; nothing was changed.</source>
        <translation>转换后的副本与数据库不一致；未作任何更改。</translation>
    </message>
    <message>
        <source>Cannot write the copy {file}: {reason}.</source>
        <translation>无法写入副本 {file}：{reason}。</translation>
    </message>
    <message>
        <source>A team server's database is protected by the server (its own encryption and accounts); Liaison encrypts database files.</source>
        <translation>团队服务器上的数据库由服务器保护（其自身的加密和账户）；Liaison 加密的是数据库文件。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>{problem}

Your edits were not saved. Reload to see the current version, then make your change again.</source>
        <translation>{problem}

您的编辑未保存。请重新加载以查看当前版本，然后重新修改。</translation>
    </message>
    <message>
        <source>Liaison hit an unexpected problem</source>
        <translation>Liaison 遇到意外问题</translation>
    </message>
    <message>
        <source>Something went wrong inside Liaison. Your saved data is safe; the last action may not have finished. Please copy this report and send it to the people who look after Liaison.</source>
        <translation>Liaison 内部出错。您已保存的数据是安全的，但最后一项操作可能未完成。请复制此报告，发送给 Liaison 的维护人员。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Delete event…</source>
        <translation>删除活动…</translation>
    </message>
    <message>
        <source>Delete this event with its invitations and sessions (Del); Ctrl+Z undoes it</source>
        <translation>删除这场活动及其邀请和议程（Del）；Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>The new event</source>
        <translation>新活动</translation>
    </message>
    <message>
        <source>This event has been deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>这场活动已被删除。撤销（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <source>{who} changed this event while you were editing it. Your edits are still in the form and were not saved.</source>
        <translation>您编辑期间，{who}修改了这场活动。您的修改仍在表单中，尚未保存。</translation>
    </message>
    <message>
        <source>This event was changed elsewhere while you were editing it.</source>
        <translation>您编辑期间，这场活动在别处被修改了。</translation>
    </message>
    <message>
        <source>{series}, edition {n}</source>
        <translation>{series}，第 {n} 届</translation>
    </message>
    <message>
        <source>Edition {n}</source>
        <translation>第 {n} 届</translation>
    </message>
    <message>
        <source>At a &amp;glance</source>
        <translation>数据一览(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Invitations</source>
        <translation>邀请(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>议程(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Organizer: {name}</source>
        <translation>主办方：{name}</translation>
    </message>
    <message>
        <source>Co-organizers: {names}</source>
        <translation>协办方：{names}</translation>
    </message>
    <message>
        <source>{place} and online</source>
        <translation>{place}及线上</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Delegation of {name}</source>
        <translation>{name}代表团</translation>
    </message>
    <message>
        <source>Who came for {name}: the head of the delegation comes from the organization invited.</source>
        <translation>代表{name}出席的人员：代表团团长应来自受邀组织。</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>Add an organization…</source>
        <translation>添加组织…</translation>
    </message>
    <message>
        <source>Take the selected one off</source>
        <translation>移除所选项</translation>
    </message>
    <message>
        <source>held online</source>
        <translation>线上举行</translation>
    </message>
    <message>
        <source>1 party or organization</source>
        <translation>1 个政党或组织</translation>
    </message>
    <message>
        <source>{n} parties and organizations</source>
        <translation>{n} 个政党和组织</translation>
    </message>
    <message>
        <source>{organizations} and {individuals}</source>
        <translation>{organizations}及 {individuals}</translation>
    </message>
    <message>
        <source>1 individual</source>
        <translation>1 位个人</translation>
    </message>
    <message>
        <source>{n} individuals</source>
        <translation>{n} 位个人</translation>
    </message>
    <message>
        <source>1 country</source>
        <translation>1 个国家</translation>
    </message>
    <message>
        <source>{n} countries</source>
        <translation>{n} 个国家</translation>
    </message>
    <message>
        <source>1 head of party</source>
        <translation>1 位政党领导人</translation>
    </message>
    <message>
        <source>{n} heads of party</source>
        <translation>{n} 位政党领导人</translation>
    </message>
    <message>
        <source>women not recorded</source>
        <translation>性别未记录</translation>
    </message>
    <message>
        <source>{share} women</source>
        <translation>女性占 {share}</translation>
    </message>
    <message>
        <source>ages not recorded</source>
        <translation>年龄未记录</translation>
    </message>
    <message>
        <source>{share} under {age}</source>
        <translation>{age} 岁以下占 {share}</translation>
    </message>
    <message>
        <source>1 first-time partner</source>
        <translation>1 个首次合作伙伴</translation>
    </message>
    <message>
        <source>{n} first-time partners</source>
        <translation>{n} 个首次合作伙伴</translation>
    </message>
    <message>
        <source>{organizations} from {countries}; {heads}; {women}; {young}; {partners}</source>
        <translation>来自 {countries}的 {organizations}；{heads}；{women}；{young}；{partners}</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Heads of party</source>
        <translation>政党领导人</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>受邀</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Region unknown</source>
        <translation>地区不详</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Attendees: {n} people, in delegations of {size} in all.</source>
        <translation>出席者：{n} 人，代表团合计 {size} 人。</translation>
    </message>
    <message>
        <source>Women: {share} ({women} of the {known} whose gender is recorded).</source>
        <translation>女性：{share}（已记录性别的 {known} 人中有 {women} 人）。</translation>
    </message>
    <message>
        <source>Under {age}: {share} ({young} of the {known} whose year of birth is recorded).</source>
        <translation>{age} 岁以下：{share}（已记录出生年份的 {known} 人中有 {young} 人）。</translation>
    </message>
    <message>
        <source>First-time partners: {names}.</source>
        <translation>首次合作伙伴：{names}。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Countries new to the office: {names}.</source>
        <translation>首次交往的国家：{names}。</translation>
    </message>
    <message>
        <source>Organizations invited</source>
        <translation>受邀组织</translation>
    </message>
    <message>
        <source>Organizations attending</source>
        <translation>出席组织</translation>
    </message>
    <message>
        <source>Countries attending</source>
        <translation>出席国家</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>出席人数</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Under {age}</source>
        <translation>{age} 岁以下</translation>
    </message>
    <message>
        <source>First-time partners</source>
        <translation>首次合作伙伴</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Invited, accepted and attended</source>
        <translation>受邀、接受与出席</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>Participation profile</source>
        <translation>参会者构成</translation>
    </message>
    <message>
        <source>Compared with the previous edition: {name}</source>
        <translation>与上一届比较：{name}</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取统计数字…</translation>
    </message>
    <message>
        <source>Nobody is invited yet: the figures appear as the invitation list fills.</source>
        <translation>尚未邀请任何人：随着邀请名单的填写，这里会显示统计数字。</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>按名称筛选…</translation>
    </message>
    <message>
        <source>Any reply</source>
        <translation>任何回复</translation>
    </message>
    <message>
        <source>Any attendance</source>
        <translation>任何出席情况</translation>
    </message>
    <message>
        <source>Every region</source>
        <translation>所有地区</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>邀请…</translation>
    </message>
    <message>
        <source>Invite organizations and people from the register, several at once</source>
        <translation>从名录中邀请组织和人员，可一次多个</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Set the reply of the selected invitations</source>
        <translation>设置所选邀请的回复</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Set the attendance of the selected invitations</source>
        <translation>设置所选邀请的出席情况</translation>
    </message>
    <message>
        <source>Delegation…</source>
        <translation>代表团…</translation>
    </message>
    <message>
        <source>The people the selected invitation brought (Enter)</source>
        <translation>所选邀请带来的代表团成员（Enter）</translation>
    </message>
    <message>
        <source>Record attendance…</source>
        <translation>记录出席情况…</translation>
    </message>
    <message>
        <source>Someone came (or did not): pick them from the register</source>
        <translation>有人出席（或未出席）：从名录中选择</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected invitations (Del); Ctrl+Z brings them back</source>
        <translation>移除所选邀请（Del）；Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Nobody is invited yet, or nobody matches these filters. Invite… adds organizations and people from the register; a colleague's list of 250 parties comes in through File ▸ Import.</source>
        <translation>尚未邀请任何人，或没有符合筛选条件的邀请。“邀请…”可从名录中添加组织和人员；同事提供的 250 个政党名单可通过“文件 ▸ 导入”导入。</translation>
    </message>
    <message>
        <source>1 invitation</source>
        <translation>1 份邀请</translation>
    </message>
    <message>
        <source>{n:,} invitations</source>
        <translation>{n:,} 份邀请</translation>
    </message>
    <message>
        <source>{name}: {value}</source>
        <translation>{name}：{value}</translation>
    </message>
    <message>
        <source>{n} invitations: {value}</source>
        <translation>{n} 份邀请：{value}</translation>
    </message>
    <message>
        <source>Pick at least one organization or person to invite.</source>
        <translation>请至少选择一个要邀请的组织或人员。</translation>
    </message>
    <message>
        <source>Invite {name}</source>
        <translation>邀请{name}</translation>
    </message>
    <message>
        <source>Invite {n} organizations and people</source>
        <translation>邀请 {n} 个组织和人员</translation>
    </message>
    <message>
        <source>Pick the organization or the person who came.</source>
        <translation>请选择出席的组织或人员。</translation>
    </message>
    <message>
        <source>Not invited</source>
        <translation>未受邀</translation>
    </message>
    <message>
        <source>Add the invitation</source>
        <translation>添加邀请</translation>
    </message>
    <message>
        <source>Remove the invitation of {name}? Ctrl+Z brings it back.</source>
        <translation>移除对{name}的邀请？Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Remove {n} invitations? Ctrl+Z brings them back.</source>
        <translation>移除 {n} 份邀请？Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Remove the invitation of {name}</source>
        <translation>移除对{name}的邀请</translation>
    </message>
    <message>
        <source>Remove {n} invitations</source>
        <translation>移除 {n} 份邀请</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>who sent the invitations</source>
        <translation>发出邀请的人</translation>
    </message>
    <message>
        <source>Organizations:</source>
        <translation>组织：</translation>
    </message>
    <message>
        <source>People on their own:</source>
        <translation>以个人身份受邀者：</translation>
    </message>
    <message>
        <source>Invited by:</source>
        <translation>邀请人：</translation>
    </message>
    <message>
        <source>Invited on:</source>
        <translation>邀请日期：</translation>
    </message>
    <message>
        <source>Pick the organizations and the people invited in their own right; each becomes one invitation.</source>
        <translation>选择受邀的组织和以个人身份受邀的人员；每一个都成为一份邀请。</translation>
    </message>
    <message>
        <source>Record attendance</source>
        <translation>记录出席情况</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>组织：</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Attendance:</source>
        <translation>出席情况：</translation>
    </message>
    <message>
        <source>Pick the organization that came, or the person (a delegate's organization's invitation is found for them).</source>
        <translation>选择出席的组织或人员（代表团成员会对应到其所属组织的邀请）。</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>The age threshold must be between 10 and 100 years (got {years}).</source>
        <translation>年龄界限须在 10 到 100 岁之间（收到的是 {years}）。</translation>
    </message>
    <message>
        <source>{name} is not on the invitation list of this event. Add the invitation and record the attendance?</source>
        <translation>{name} 不在本次活动的邀请名单上。是否补上邀请并记录出席？</translation>
    </message>
    <message>
        <source>Added when the attendance was recorded.</source>
        <translation>记录出席时补登的邀请。</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>{series}, edition {n}</source>
        <translation>{series}，第 {n} 届</translation>
    </message>
    <message>
        <source>&amp;Open event</source>
        <translation>打开活动(&amp;O)</translation>
    </message>
    <message>
        <source>Not invited to any event yet.</source>
        <translation>尚未受邀参加任何活动。</translation>
    </message>
    <message>
        <source>Not part of any event yet.</source>
        <translation>尚未参加任何活动。</translation>
    </message>
    <message>
        <source>invited to {n}, attended {a}</source>
        <translation>受邀 {n} 次，出席 {a} 次</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <source>{series} · edition {n}</source>
        <translation>{series} · 第 {n} 届</translation>
    </message>
    <message>
        <source>edition {n}</source>
        <translation>第 {n} 届</translation>
    </message>
    <message>
        <source>{place} and online</source>
        <translation>{place}及线上</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>按名称筛选…</translation>
    </message>
    <message>
        <source>Words in the name, the series or the theme</source>
        <translation>名称、系列或主题中的词语</translation>
    </message>
    <message>
        <source>Every mechanism</source>
        <translation>所有机制</translation>
    </message>
    <message>
        <source>Events that begin in this year</source>
        <translation>在该年开始的活动</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Set up a new event (Ctrl+N)</source>
        <translation>新建一场活动（Ctrl+N）</translation>
    </message>
    <message>
        <source>No events match these filters. New event… sets one up: its invitation list, replies, attendance and sessions follow on its page.</source>
        <translation>没有符合筛选条件的活动。“新建活动…”可创建一场活动，其邀请名单、回复、出席情况和议程在活动页面中填写。</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>所有年份</translation>
    </message>
    <message>
        <source>Every series</source>
        <translation>所有系列</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 场活动</translation>
    </message>
    <message>
        <source>{n:,} events</source>
        <translation>{n:,} 场活动</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete “{name}” with its invitations and sessions? You can undo this with Ctrl+Z.</source>
        <translation>删除“{name}”及其邀请和议程？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete events</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Delete {n} events with their invitations and sessions? You can undo this with Ctrl+Z.</source>
        <translation>删除这 {n} 场活动及其邀请和议程？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete {n} events</source>
        <translation>删除 {n} 场活动</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Dossier: {name}</source>
        <translation>档案：{name}</translation>
    </message>
    <message>
        <source>{name} — dossier · exported {when} from {database}</source>
        <translation>{name} — 档案 · 于 {when} 从 {database} 导出</translation>
    </message>
    <message>
        <source>{name} — people ({count:,})</source>
        <translation>{name} — 人员（{count:,}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{name} — timeline, newest first ({count:,} interactions)</source>
        <translation>{name} — 往来时间线，最新在前（{count:,} 条交往记录）</translation>
    </message>
    <message>
        <source>{name} — follow-ups ({count:,}, {open:,} open)</source>
        <translation>{name} — 后续事项（{count:,} 项，{open:,} 项未完成）</translation>
    </message>
    <message>
        <source>Reading the database for the export stopped unexpectedly; no file was written. Try again.</source>
        <translation>导出时读取数据库意外中断，未写入任何文件。请重试。</translation>
    </message>
    <message>
        <source>The export file must end in .xlsx (got “{name}”).</source>
        <translation>导出文件的扩展名须为 .xlsx（当前为“{name}”）。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>文件夹 {folder} 不存在；请先创建该文件夹或另选一个。</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name ending in .xlsx.</source>
        <translation>{file} 是文件夹；请提供以 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>Liaison cannot write in the folder {folder} (no permission).</source>
        <translation>Liaison 无法写入文件夹 {folder}（没有权限）。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The workbook's password cannot be empty.</source>
        <translation>工作簿的密码不能为空。</translation>
    </message>
    <message>
        <source>Liaison cannot write in the folder {folder} ({reason}).</source>
        <translation>Liaison 无法写入文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <source> … [cut here: the whole text is in Liaison]</source>
        <translation> …【此处截断，完整文本请见 Liaison】</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>1 organization</source>
        <translation>1 个组织</translation>
    </message>
    <message>
        <source>{count:,} organizations</source>
        <translation>{count:,} 个组织</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 名人员</translation>
    </message>
    <message>
        <source>{count:,} people</source>
        <translation>{count:,} 名人员</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{count:,} interactions</source>
        <translation>{count:,} 条交往记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>1 项后续事项</translation>
    </message>
    <message>
        <source>{count:,} follow-ups</source>
        <translation>{count:,} 项后续事项</translation>
    </message>
    <message>
        <source>{title} — {filters} · {count} · exported {when} from {database}</source>
        <translation>{title} — {filters} · {count} · 于 {when} 从 {database} 导出</translation>
    </message>
    <message>
        <source>{title} · {count} · exported {when} from {database}</source>
        <translation>{title} · {count} · 于 {when} 从 {database} 导出</translation>
    </message>
    <message>
        <source>matching “{query}”</source>
        <translation>匹配“{query}”</translation>
    </message>
    <message>
        <source>region {regions}</source>
        <translation>地区：{regions}</translation>
    </message>
    <message>
        <source>country {countries}</source>
        <translation>国家：{countries}</translation>
    </message>
    <message>
        <source>kind {kinds}</source>
        <translation>类型：{kinds}</translation>
    </message>
    <message>
        <source>status {statuses}</source>
        <translation>状态：{statuses}</translation>
    </message>
    <message>
        <source>level {levels}</source>
        <translation>关系层级：{levels}</translation>
    </message>
    <message>
        <source>no contact for {months} months</source>
        <translation>{months} 个月无联系</translation>
    </message>
    <message>
        <source>in {organization}</source>
        <translation>所在组织：{organization}</translation>
    </message>
    <message>
        <source>nationality {country}</source>
        <translation>国籍：{country}</translation>
    </message>
    <message>
        <source>with {name}</source>
        <translation>参与方：{name}</translation>
    </message>
    <message>
        <source>in {country}</source>
        <translation>地点：{country}</translation>
    </message>
    <message>
        <source>topic {topic}</source>
        <translation>议题：{topic}</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date} 起</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>owned by {owner}</source>
        <translation>负责人：{owner}</translation>
    </message>
    <message>
        <source>for {organization}</source>
        <translation>相关组织：{organization}</translation>
    </message>
    <message>
        <source>from {interaction}</source>
        <translation>源自交往：{interaction}</translation>
    </message>
    <message>
        <source>tagged “{tag}”</source>
        <translation>标签为“{tag}”</translation>
    </message>
    <message>
        <source>deleted ones included</source>
        <translation>含已删除的记录</translation>
    </message>
    <message>
        <source>There is no event with id {id}.</source>
        <translation>没有编号为 {id} 的活动。</translation>
    </message>
    <message>
        <source>The {column} of row {row} on the {sheet} sheet is {length:,} characters long, more than a spreadsheet cell can hold (32,767); shorten it and export again.</source>
        <translation>工作表“{sheet}”第 {row} 行的{column}长达 {length:,} 个字符，超出单元格的容量上限（32,767）；请缩短后重新导出。</translation>
    </message>
    <message>
        <source>Participants: {name}</source>
        <translation>出席名单：{name}</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>出席名单</translation>
    </message>
    <message>
        <source>{name} — participants ({count:,} invited) · exported {when} from {database}</source>
        <translation>{name} — 出席名单（共邀请 {count:,} 家）· {when} 导出自 {database}</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Writing the profile…</source>
        <translation>正在写入概况…</translation>
    </message>
    <message>
        <source>Writing the people…</source>
        <translation>正在写入人员…</translation>
    </message>
    <message>
        <source>Writing the timeline…</source>
        <translation>正在写入往来时间线…</translation>
    </message>
    <message>
        <source>Writing the follow-ups…</source>
        <translation>正在写入后续事项…</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Export the organizations list</source>
        <translation>导出组织列表</translation>
    </message>
    <message>
        <source>Exporting organizations</source>
        <translation>正在导出组织</translation>
    </message>
    <message>
        <source>Writing {done:,} of 1 organization…</source>
        <translation>正在写入组织（{done:,}/1）…</translation>
    </message>
    <message>
        <source>Writing {done:,} of {total:,} organizations…</source>
        <translation>正在写入组织（{done:,}/{total:,}）…</translation>
    </message>
    <message>
        <source>The list of 1 organization was saved as {path}.</source>
        <translation>1 个组织的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>The list of {count:,} organizations was saved as {path}.</source>
        <translation>{count:,} 个组织的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Export the people list</source>
        <translation>导出人员列表</translation>
    </message>
    <message>
        <source>Exporting people</source>
        <translation>正在导出人员</translation>
    </message>
    <message>
        <source>Writing {done:,} of 1 person…</source>
        <translation>正在写入人员（{done:,}/1）…</translation>
    </message>
    <message>
        <source>Writing {done:,} of {total:,} people…</source>
        <translation>正在写入人员（{done:,}/{total:,}）…</translation>
    </message>
    <message>
        <source>The list of 1 person was saved as {path}.</source>
        <translation>1 名人员的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>The list of {count:,} people was saved as {path}.</source>
        <translation>{count:,} 名人员的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>Export the interactions list</source>
        <translation>导出交往记录列表</translation>
    </message>
    <message>
        <source>Exporting interactions</source>
        <translation>正在导出交往记录</translation>
    </message>
    <message>
        <source>Writing {done:,} of 1 interaction…</source>
        <translation>正在写入交往记录（{done:,}/1）…</translation>
    </message>
    <message>
        <source>Writing {done:,} of {total:,} interactions…</source>
        <translation>正在写入交往记录（{done:,}/{total:,}）…</translation>
    </message>
    <message>
        <source>The list of 1 interaction was saved as {path}.</source>
        <translation>1 条交往记录的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>The list of {count:,} interactions was saved as {path}.</source>
        <translation>{count:,} 条交往记录的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Export the follow-ups list</source>
        <translation>导出后续事项列表</translation>
    </message>
    <message>
        <source>Exporting follow-ups</source>
        <translation>正在导出后续事项</translation>
    </message>
    <message>
        <source>Writing {done:,} of 1 follow-up…</source>
        <translation>正在写入后续事项（{done:,}/1）…</translation>
    </message>
    <message>
        <source>Writing {done:,} of {total:,} follow-ups…</source>
        <translation>正在写入后续事项（{done:,}/{total:,}）…</translation>
    </message>
    <message>
        <source>The list of 1 follow-up was saved as {path}.</source>
        <translation>1 条后续事项的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>The list of {count:,} follow-ups was saved as {path}.</source>
        <translation>{count:,} 条后续事项的列表已保存为 {path}。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Liaison could not save {path} ({problem}); no file was written.</source>
        <translation>Liaison 无法保存 {path}（{problem}），未写入任何文件。</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>正在保存文件…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>Export the dossier of {name}</source>
        <translation>导出{name}的档案</translation>
    </message>
    <message>
        <source>{name} dossier</source>
        <translation>{name}档案</translation>
    </message>
    <message>
        <source>Writing {stage}…</source>
        <translation>正在写入{stage}…</translation>
    </message>
    <message>
        <source>Exporting the dossier</source>
        <translation>正在导出档案</translation>
    </message>
    <message>
        <source>The dossier of {name} was saved as {path}.</source>
        <translation>{name}的档案已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>执政地位</translation>
    </message>
    <message>
        <source>Relationship level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>Ideology</source>
        <translation>意识形态</translation>
    </message>
    <message>
        <source>Founded</source>
        <translation>成立年份</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往次数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员数</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>未完成的后续事项</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Liaison id</source>
        <translation>Liaison 编号</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺事项</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Interaction id</source>
        <translation>交往编号</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Platform or mechanism</source>
        <translation>平台或机制</translation>
    </message>
    <message>
        <source>e.g. Party-to-party dialogue, BRICS forum</source>
        <translation>如：政党对话、金砖国家论坛</translation>
    </message>
    <message>
        <source>Name (original script)</source>
        <translation>原文名称</translation>
    </message>
    <message>
        <source>former names, transliterations — separate with ;</source>
        <translation>曾用名、音译名，以分号分隔</translation>
    </message>
    <message>
        <source>e.g. social democracy</source>
        <translation>如：社会民主主义</translation>
    </message>
    <message>
        <source>a year or a date</source>
        <translation>年份或日期</translation>
    </message>
    <message>
        <source>+country code and number</source>
        <translation>+国家代码及号码</translation>
    </message>
    <message>
        <source>transliterations, former names — separate with ;</source>
        <translation>音译名、曾用名，以分号分隔</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>a person's</comment>
        <translation>职衔</translation>
    </message>
    <message>
        <source>e.g. Secretary-General, Member of Parliament</source>
        <translation>如：总书记、国会议员</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>e.g. 1975</source>
        <translation>例如 1975</translation>
    </message>
    <message>
        <source>separate with ;</source>
        <translation>以分号分隔</translation>
    </message>
    <message>
        <source>+country code and number; separate with ;</source>
        <translation>+国家代码及号码，多个以分号分隔</translation>
    </message>
    <message>
        <source>e.g. English; French</source>
        <translation>如：英语; 法语</translation>
    </message>
    <message>
        <source>e.g. International Secretary</source>
        <translation>如：国际书记</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>the meeting this is an edition of</source>
        <translation>本次活动所属的系列会议</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>3 for the third</source>
        <translation>第三届填 3</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>主办方</translation>
    </message>
    <message>
        <source>Co-organizers</source>
        <translation>协办方</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>时:分</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>at the time of the event; the current one if empty</source>
        <translation>活动举行时的职务；留空则用当前职务</translation>
    </message>
    <message>
        <source>HH:MM, e.g. 09:30</source>
        <translation>时:分，如 09:30</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>HH:MM, e.g. 11:00</source>
        <translation>时:分，如 11:00</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>a building, a hall, a site</source>
        <translation>楼宇、会场或场所</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主方</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客方</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>the person's current one if empty</source>
        <translation>留空则取此人现任职务所在组织</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>一方</translation>
    </message>
    <message>
        <source>at the time of the visit; the current one if empty</source>
        <translation>访问时的职务；留空则取现任职务</translation>
    </message>
    <message>
        <source>Given or received</source>
        <translation>赠送或收受</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Load the starter register of world parties</source>
        <translation>载入世界政党初始名录</translation>
    </message>
    <message>
        <source>About 2,250 active parties in 200 countries, from Party Facts.</source>
        <translation>约 2250 个活跃政党，覆盖 200 个国家，数据来自 Party Facts。</translation>
    </message>
    <message>
        <source>Load demo data to try Liaison out</source>
        <translation>载入演示数据以试用 Liaison</translation>
    </message>
    <message>
        <source>Invented organizations, people, interactions and follow-ups (200 organizations, 2,000 interactions).</source>
        <translation>虚构的组织、人员、交往记录和后续事项（200 个组织，2000 条交往记录）。</translation>
    </message>
    <message>
        <source>Start with an empty register</source>
        <translation>从空白名录开始</translation>
    </message>
    <message>
        <source>Add organizations and people yourself.</source>
        <translation>自行添加组织和人员。</translation>
    </message>
    <message>
        <source>Welcome to Liaison</source>
        <translation>欢迎使用 Liaison</translation>
    </message>
    <message>
        <source>&lt;h3&gt;This database is empty&lt;/h3&gt;&lt;p&gt;How would you like to begin?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;此数据库为空&lt;/h3&gt;&lt;p&gt;您希望如何开始？&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome to Liaison&lt;/h3&gt;&lt;p&gt;A few things before you begin; you can change them later in Settings.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;欢迎使用 Liaison&lt;/h3&gt;&lt;p&gt;开始之前，请先确认以下几项；以后可在“设置”中修改。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>您的信息</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>It stands beside every change you make, in each record's history; the team server's history also keeps your server user name, “{user}”.</source>
        <translation>您所做的每一项修改，都会在记录的历史中署上这个名字；团队服务器的历史中还会同时记下您的服务器用户名“{user}”。</translation>
    </message>
    <message>
        <source>It stands beside every change you make, in each record's history.</source>
        <translation>您所做的每一项修改，都会在记录的历史中署上这个名字。</translation>
    </message>
    <message>
        <source>Start with</source>
        <translation>开始方式</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Type your name to start</source>
        <translation>请先输入您的姓名</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>New follow-up</source>
        <translation>新建后续事项</translation>
    </message>
    <message>
        <source>Type a party's name or abbreviation, then Enter</source>
        <translation>输入政党名称或简称，然后按 Enter</translation>
    </message>
    <message>
        <source>No organization</source>
        <translation>不关联组织</translation>
    </message>
    <message>
        <source>Concerns:</source>
        <translation>涉及：</translation>
    </message>
    <message>
        <source>Organization (optional):</source>
        <translation>组织（可选）：</translation>
    </message>
    <message>
        <source>This follow-up</source>
        <translation>此后续事项</translation>
    </message>
</context>
<context>
    <name>FollowUpDrafts</name>
    <message>
        <source>New — saved with the interaction</source>
        <translation>新增——随交往记录一并保存</translation>
    </message>
    <message>
        <source>Done (when saved)</source>
        <translation>已完成（保存后生效）</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>自 {date} 起逾期</translation>
    </message>
</context>
<context>
    <name>FollowUpsEditor</name>
    <message>
        <source>Follow-ups and commitments</source>
        <translation>后续事项与承诺</translation>
    </message>
    <message>
        <source>What was promised, e.g. Send the seminar programme</source>
        <translation>所作承诺，如：寄送研讨会日程</translation>
    </message>
    <message>
        <source>Due YYYY-MM-DD</source>
        <translation>截止 年-月-日</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Who keeps this commitment</source>
        <translation>负责落实此承诺的人员</translation>
    </message>
    <message>
        <source>Which participating organization it concerns</source>
        <translation>涉及的参与组织</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add this commitment (Enter); it is saved with the interaction</source>
        <translation>添加此承诺（Enter），将随交往记录一并保存</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Mark the selected commitments done (written on save; click again to take it back)</source>
        <translation>将所选承诺标记为已完成（保存时写入；再次点击可取消）</translation>
    </message>
    <message>
        <source>Remove new</source>
        <translation>移除新增项</translation>
    </message>
    <message>
        <source>Forget the selected commitments that are not saved yet</source>
        <translation>舍弃所选的尚未保存的承诺</translation>
    </message>
    <message>
        <source>No organization</source>
        <translation>不关联组织</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>1 day overdue</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <source>{n} days overdue</source>
        <translation>逾期 {n} 天</translation>
    </message>
    <message>
        <source>1 month overdue</source>
        <translation>逾期 1 个月</translation>
    </message>
    <message>
        <source>{n} months overdue</source>
        <translation>逾期 {n} 个月</translation>
    </message>
    <message>
        <source>1 year overdue</source>
        <translation>逾期 1 年</translation>
    </message>
    <message>
        <source>{n} years overdue</source>
        <translation>逾期 {n} 年</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>标记为已完成(&amp;M)</translation>
    </message>
    <message>
        <source>Open &amp;interaction</source>
        <translation>打开交往记录(&amp;I)</translation>
    </message>
    <message>
        <source>Show &amp;done and cancelled</source>
        <translation>显示已完成和已取消的事项(&amp;D)</translation>
    </message>
    <message>
        <source>No open follow-ups for this organization.</source>
        <translation>此组织暂无未完成的后续事项。</translation>
    </message>
    <message>
        <source>{open} open, {overdue} overdue</source>
        <translation>未完成 {open} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <source>{open} open</source>
        <translation>未完成 {open} 条</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>将后续事项标记为已完成</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>No due date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>Overdue since {date} (1 day)</source>
        <translation>自 {date} 起逾期（1 天）</translation>
    </message>
    <message>
        <source>Overdue since {date} ({days} days)</source>
        <translation>自 {date} 起逾期（{days} 天）</translation>
    </message>
    <message>
        <source>Done on {date}</source>
        <translation>已于 {date} 完成</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Whose commitments</source>
        <translation>承诺负责人</translation>
    </message>
    <message>
        <source>Filter by organization…</source>
        <translation>按组织筛选…</translation>
    </message>
    <message>
        <source>Show every organization's follow-ups</source>
        <translation>显示所有组织的后续事项</translation>
    </message>
    <message>
        <source>Show done and cancelled</source>
        <translation>显示已完成和已取消的事项</translation>
    </message>
    <message>
        <source>No open follow-ups. Commitments recorded with an interaction, or added with New, appear here by due date.</source>
        <translation>暂无未完成的后续事项。随交往记录登记或通过“新建”添加的承诺将按截止日期显示在此处。</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Add a follow-up (Ctrl+N)</source>
        <translation>添加后续事项（Ctrl+N）</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Mark the selected commitment done (Ctrl+Z takes it back)</source>
        <translation>将所选承诺标记为已完成（可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Open interaction</source>
        <translation>打开交往记录</translation>
    </message>
    <message>
        <source>Open organization</source>
        <translation>打开组织</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>1 条后续事项</translation>
    </message>
    <message>
        <source>{n:,} follow-ups</source>
        <translation>{n:,} 条后续事项</translation>
    </message>
    <message>
        <source>{n:,} open</source>
        <translation>未完成 {n:,} 条</translation>
    </message>
    <message>
        <source>{count} · {n:,} overdue</source>
        <translation>{count} · 逾期 {n:,} 条</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>将后续事项标记为已完成</translation>
    </message>
    <message>
        <source>Delete follow-up</source>
        <translation>删除后续事项</translation>
    </message>
    <message>
        <source>Delete the follow-up “{text}”? You can undo this with Ctrl+Z.</source>
        <translation>删除后续事项“{text}”？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>follow-up “{text}”</source>
        <translation>后续事项“{text}”</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>{field} *:</source>
        <translation>{field} *：</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>separate with ;</source>
        <translation>以分号分隔</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Open the selected record (in a list), or the highlighted match (in the search box)</source>
        <translation>打开所选记录（在列表中），或高亮的匹配项（在搜索框中）</translation>
    </message>
    <message>
        <source>Move through the matches of the search box or a participant box</source>
        <translation>在搜索框或参与方输入框的匹配项之间移动</translation>
    </message>
    <message>
        <source>Close a list of matches; in a record window, close the window (unsaved changes are asked about)</source>
        <translation>关闭匹配列表；在记录窗口中则关闭窗口（有未保存的修改时会先询问）</translation>
    </message>
    <message>
        <source>Save the record window</source>
        <translation>保存记录窗口</translation>
    </message>
    <message>
        <source>Close the record window</source>
        <translation>关闭记录窗口</translation>
    </message>
    <message>
        <source>Delete the selected record (undo with Ctrl+Z)</source>
        <translation>删除所选记录（可用 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Liaison user guide</source>
        <translation>Liaison 使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation ({path}). Reinstall Liaison to restore it.</source>
        <translation>本次安装缺少使用指南（{path}）。请重新安装 Liaison 以恢复。</translation>
    </message>
    <message>
        <source>What happened (please describe):</source>
        <translation>发生了什么（请描述）：</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <source>Describe what you did and what went wrong at the end of the report, then copy it and send it to the people who look after Liaison. It names the database file but holds none of its records.</source>
        <translation>请在报告末尾写明您做了什么、出了什么问题，然后复制报告发给负责维护 Liaison 的人员。报告中有数据库文件名，但不含任何记录内容。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Delete this organization, taking back its creation?</source>
        <translation>删除此组织，即撤销其创建？</translation>
    </message>
    <message>
        <source>Delete this organization again?</source>
        <translation>再次删除此组织？</translation>
    </message>
    <message>
        <source>Restore this organization?</source>
        <translation>恢复此组织？</translation>
    </message>
    <message>
        <source>This organization was created again later ({when}); revert that change first.</source>
        <translation>此组织此后（{when}）又被重新创建，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This organization was deleted again later ({when}); revert that change first.</source>
        <translation>此组织此后（{when}）又被再次删除，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This organization was restored again later ({when}); revert that change first.</source>
        <translation>此组织此后（{when}）又被再次恢复，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This organization is deleted; restore it before reverting its changes.</source>
        <translation>此组织已被删除，请先将其恢复，再撤销其修改。</translation>
    </message>
    <message>
        <source>Delete this person, taking back its creation?</source>
        <translation>删除此人员，即撤销其创建？</translation>
    </message>
    <message>
        <source>Delete this person again?</source>
        <translation>再次删除此人员？</translation>
    </message>
    <message>
        <source>Restore this person?</source>
        <translation>恢复此人员？</translation>
    </message>
    <message>
        <source>This person was created again later ({when}); revert that change first.</source>
        <translation>此人员此后（{when}）又被重新创建，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This person was deleted again later ({when}); revert that change first.</source>
        <translation>此人员此后（{when}）又被再次删除，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This person was restored again later ({when}); revert that change first.</source>
        <translation>此人员此后（{when}）又被再次恢复，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This person is deleted; restore it before reverting its changes.</source>
        <translation>此人员已被删除，请先将其恢复，再撤销其修改。</translation>
    </message>
    <message>
        <source>Delete this {noun}, taking back its creation?</source>
        <translation>删除此{noun}，即撤销其创建？</translation>
    </message>
    <message>
        <source>Delete this {noun} again?</source>
        <translation>再次删除此{noun}？</translation>
    </message>
    <message>
        <source>Restore this {noun}?</source>
        <translation>恢复此{noun}？</translation>
    </message>
    <message>
        <source>This {noun} was created again later ({when}); revert that change first.</source>
        <translation>此{noun}此后（{when}）又被重新创建，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This {noun} was deleted again later ({when}); revert that change first.</source>
        <translation>此{noun}此后（{when}）又被再次删除，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This {noun} was restored again later ({when}); revert that change first.</source>
        <translation>此{noun}此后（{when}）又被再次恢复，请先撤销该修改。</translation>
    </message>
    <message>
        <source>This {noun} is deleted; restore it before reverting its changes.</source>
        <translation>此{noun}已被删除，请先将其恢复，再撤销其修改。</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Revert of {who}'s change</source>
        <translation>撤销{who}的修改</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Merge from {file}</source>
        <translation>从 {file} 合并</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Revert of {who}'s change of {when}</source>
        <translation>撤销{who}于 {when} 所作的修改</translation>
    </message>
    <message>
        <source>Batch {id}</source>
        <translation>批次 {id}</translation>
    </message>
    <message>
        <source>{field}
Before: {before}
After: {after}</source>
        <translation>{field}
修改前：{before}
修改后：{after}</translation>
    </message>
    <message>
        <source>Clear {field}? It was empty before this change.</source>
        <translation>清空{field}？此次修改前该项为空。</translation>
    </message>
    <message>
        <source>Set {field} back to {value}?</source>
        <translation>将{field}恢复为 {value}？</translation>
    </message>
    <message>
        <source>Changes to a {entity} cannot be reverted from the history.</source>
        <translation>{entity}的修改无法从修改记录中撤销。</translation>
    </message>
    <message>
        <source>Changes to “{field}” cannot be reverted from the history.</source>
        <translation>“{field}”的修改无法从修改记录中撤销。</translation>
    </message>
    <message>
        <source>{field} was changed again later ({when}, {who}); revert that change first.</source>
        <translation>{field}此后又被修改（{when}，{who}），请先撤销该修改。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>No changes recorded yet. Records loaded as demo data keep no history until they are first edited.</source>
        <translation>尚无修改记录。作为演示数据载入的记录在首次编辑前不保留修改记录。</translation>
    </message>
    <message>
        <source>Revert this change…</source>
        <translation>撤销此修改…</translation>
    </message>
    <message>
        <source>&amp;Revert this change…</source>
        <translation>撤销此修改(&amp;R)…</translation>
    </message>
    <message>
        <source>Select a change to put its field back as it was before</source>
        <translation>选择一项修改，将相应字段恢复为修改前的值</translation>
    </message>
    <message>
        <source>{question}

This takes back {who}'s change of {when}. Edit ▸ Undo (Ctrl+Z) takes the revert back.</source>
        <translation>{question}

此操作将撤销{who}于 {when} 所作的修改。可通过“编辑 ▸ 撤销”（Ctrl+Z）取消此次撤销。</translation>
    </message>
    <message>
        <source>{question}

This takes back Someone's change of {when}. Edit ▸ Undo (Ctrl+Z) takes the revert back.</source>
        <translation>{question}

此操作将撤销他人于 {when} 所作的修改。可通过“编辑 ▸ 撤销”（Ctrl+Z）取消此次撤销。</translation>
    </message>
    <message>
        <source>Revert this change</source>
        <translation>撤销此修改</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>撤销此修改</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{count} problem(s) in {file} block the import; nothing was written. Fix them, or skip the invalid rows.</source>
        <translation>{file} 中有 {count} 个问题导致无法导入，未写入任何内容。请修正这些问题，或跳过无效的行。</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>The database changed while the import of {file} was being prepared (another window or program wrote to it); nothing was written. Prepare the import again.</source>
        <translation>准备导入 {file} 期间数据库已有改动（另一个窗口或程序写入了数据）；未写入任何内容。请重新准备导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>正在完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Deleting {noun} records</source>
        <translation>正在删除{noun}记录</translation>
    </message>
    <message>
        <source>Creating {noun} records</source>
        <translation>正在创建{noun}记录</translation>
    </message>
    <message>
        <source>The {noun} “{id}” was changed by someone else while you reviewed the import; nothing was written. Review the import again.</source>
        <translation>在您检查导入内容期间，{noun}“{id}”已被他人修改，未写入任何内容。请重新检查导入内容。</translation>
    </message>
    <message>
        <source>Updating {noun} records</source>
        <translation>正在更新{noun}记录</translation>
    </message>
    <message>
        <source>The same {noun} as row {row} of this sheet.</source>
        <translation>与本工作表第 {row} 行为同一{noun}。</translation>
    </message>
    <message>
        <source>{reason} Skipped.</source>
        <translation>{reason}已跳过。</translation>
    </message>
    <message>
        <source>Already in Liaison ({reason}); skipped as you asked.</source>
        <translation>Liaison 中已有此记录（{reason}），已按您的设置跳过。</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>已有记录</translation>
    </message>
    <message>
        <source>column {number}</source>
        <translation>第 {number} 列</translation>
    </message>
    <message>
        <source>“{value}” is not a Liaison id; leave the id column empty for new records.</source>
        <translation>“{value}”不是 Liaison 的 ID；新记录的 ID 列请留空。</translation>
    </message>
    <message>
        <source>The {noun} with id {id} was deleted; restore it in Liaison first or clear the id.</source>
        <translation>ID 为 {id} 的{noun}已被删除；请先在 Liaison 中将其恢复，或清除该 ID。</translation>
    </message>
    <message>
        <source>same id</source>
        <translation>ID 相同</translation>
    </message>
    <message>
        <source>“{name}” matches {count} existing organizations ({records}); add their id to the row or make the name more precise.</source>
        <translation>“{name}”与 {count} 个现有组织相符（{records}）；请在该行填写所指组织的 ID，或使用更准确的名称。</translation>
    </message>
    <message>
        <source>“{name}” matches {count} people ({records}); add their id to the row.</source>
        <translation>“{name}”与 {count} 名人员相符（{records}）；请在该行填写所指人员的 ID。</translation>
    </message>
    <message>
        <source>“{name}” matches several organizations ({records}); use its id.</source>
        <translation>“{name}”与多个组织相符（{records}）；请使用其 ID。</translation>
    </message>
    <message>
        <source>No organization called “{name}”; the person is imported without this position.</source>
        <translation>没有名为“{name}”的组织；该人员将导入，但不含此职务。</translation>
    </message>
    <message>
        <source>Unknown topics left out: {topics} (add them under Settings → Topics first).</source>
        <translation>已略去未知议题：{topics}（请先在“设置 → 议题”中添加）。</translation>
    </message>
    <message>
        <source>{count} interactions on {date} are called “{title}”; add the id of the one you mean.</source>
        <translation>{date} 有 {count} 条名为“{title}”的交往记录；请填写所指记录的 ID。</translation>
    </message>
    <message>
        <source>same date and title</source>
        <translation>日期和标题相同</translation>
    </message>
    <message>
        <source>“{role}” is not a participant role; {name} is recorded as a participant.</source>
        <translation>“{role}”不是参与方角色；{name} 按普通参与方记录。</translation>
    </message>
    <message>
        <source>“{name}” matches several records ({records}); use the full name or the id.</source>
        <translation>“{name}”与多条记录相符（{records}）；请使用全称或 ID。</translation>
    </message>
    <message>
        <source>No organization or person called “{name}”; left out of the participants.</source>
        <translation>没有名为“{name}”的组织或人员；未列入参与方。</translation>
    </message>
    <message>
        <source>same description and due date</source>
        <translation>描述和截止日期相同</translation>
    </message>
    <message>
        <source>“{name}” matches several organizations ({records}).</source>
        <translation>“{name}”与多个组织相符（{records}）。</translation>
    </message>
    <message>
        <source>“{name}” is not an organization in Liaison.</source>
        <translation>“{name}”不是 Liaison 中的组织。</translation>
    </message>
    <message>
        <source>No single interaction is called “{name}”; use its id.</source>
        <translation>没有唯一一条名为“{name}”的交往记录；请使用其 ID。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” holds a name for the organizations; say which one does (for example --map "Party=name").</source>
        <translation>工作表“{sheet}”中没有存放组织名称的列；请指定名称所在的列（例如 --map "政党=name"）。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” holds a name for the people; say which one does (for example --map "Contact=name").</source>
        <translation>工作表“{sheet}”中没有存放人员姓名的列；请指定姓名所在的列（例如 --map "联系人=name"）。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” holds a title for the interactions; say which one does (for example --map "Subject=title").</source>
        <translation>工作表“{sheet}”中没有存放交往记录标题的列；请指定标题所在的列（例如 --map "主题=title"）。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” holds a description for the followups; say which one does (for example --map "Task=description").</source>
        <translation>工作表“{sheet}”中没有存放后续事项描述的列；请指定描述所在的列（例如 --map "任务=description"）。</translation>
    </message>
    <message>
        <source>Row {row} is beyond the end of sheet “{sheet}” ({count} rows).</source>
        <translation>第 {row} 行超出了工作表“{sheet}”的末尾（共 {count} 行）。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {file} has no header row with column names; nothing to import.</source>
        <translation>{file} 的工作表“{sheet}”中没有包含列名的标题行，无可导入的内容。</translation>
    </message>
    <message>
        <source>“{kind}” is not something Liaison imports; choose organizations, people, interactions or followups.</source>
        <translation>Liaison 无法导入“{kind}”；请选择 organizations（组织）、people（人员）、interactions（交往记录）或 followups（后续事项）。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {file} has a header row but no rows below it; nothing to import.</source>
        <translation>{file} 的工作表“{sheet}”只有标题行，下方没有数据行，无可导入的内容。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>There is no column “{header}” to map (columns: {columns}).</source>
        <translation>没有可对应的列“{header}”（现有列：{columns}）。</translation>
    </message>
    <message>
        <source>“{field}” is not a field of {kind}; choose one of: {fields}.</source>
        <translation>“{field}”不是{kind}的字段；请从以下字段中选择：{fields}。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” holds the date of the interactions; map one (for example --map "Date=start").</source>
        <translation>工作表“{sheet}”中没有存放交往日期的列；请指定一列（例如 --map "日期=start"）。</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>people (with their positions)</source>
        <translation>人员（含职务）</translation>
    </message>
    <message>
        <source>interactions (with participants)</source>
        <translation>交往记录（含参与方）</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>invitations to an event</source>
        <translation>活动邀请</translation>
    </message>
    <message>
        <source>Give the mapping profile a name.</source>
        <translation>请为列对应方案命名。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>There is no mapping profile called “{name}” (saved profiles: {profiles}).</source>
        <translation>没有名为“{name}”的列对应方案（已保存的方案：{profiles}）。</translation>
    </message>
    <message>
        <source>same name “{value}”</source>
        <translation>名称同为“{value}”</translation>
    </message>
    <message>
        <source>same name “{value}” and country</source>
        <translation>名称同为“{value}”且国家相同</translation>
    </message>
    <message>
        <source>same name “{value}” in the same organization</source>
        <translation>同一组织内姓名同为“{value}”</translation>
    </message>
    <message>
        <source>same name “{value}” and country in the same organization</source>
        <translation>同一组织内姓名同为“{value}”且国家相同</translation>
    </message>
    <message>
        <source>“{value}” is its abbreviation</source>
        <translation>“{value}”是其简称</translation>
    </message>
    <message>
        <source>“{value}” is its abbreviation and country</source>
        <translation>“{value}”是其简称且国家相同</translation>
    </message>
    <message>
        <source>same abbreviation “{value}”</source>
        <translation>简称同为“{value}”</translation>
    </message>
    <message>
        <source>same abbreviation “{value}” and country</source>
        <translation>简称同为“{value}”且国家相同</translation>
    </message>
    <message>
        <source>same e-mail address “{value}”</source>
        <translation>电子邮件地址相同“{value}”</translation>
    </message>
    <message>
        <source>same phone number “{value}”</source>
        <translation>电话号码相同“{value}”</translation>
    </message>
    <message>
        <source>similar name “{value}” ({score:.0f}%)</source>
        <translation>名称相近“{value}”（相似度 {score:.0f}%）</translation>
    </message>
    <message>
        <source>nothing to import</source>
        <translation>无可导入的内容</translation>
    </message>
    <message>
        <source>Name the {noun} this row belongs to: its id in {id_column}, or its name in {name_column}.</source>
        <translation>请注明本行所属的{noun}：在 {id_column} 列填写编号，或在 {name_column} 列填写名称。</translation>
    </message>
    <message>
        <source>“{name}” matches several records ({records}); use the id.</source>
        <translation>“{name}”与多条记录相符（{records}）；请使用 ID。</translation>
    </message>
    <message>
        <source>“{name}” is not an event in Liaison or on the events sheet of this file.</source>
        <translation>“{name}”既不是 Liaison 中的活动，也不在本文件的 events 表中。</translation>
    </message>
    <message>
        <source>“{name}” is not an invitation in Liaison or on the invitations sheet of this file (write it as “invitee — event”).</source>
        <translation>“{name}”既不是 Liaison 中的邀请，也不在本文件的 invitations 表中（请写作“受邀方 — 活动”）。</translation>
    </message>
    <message>
        <source>“{name}” matches several records ({records}); use the full name.</source>
        <translation>“{name}”与多条记录相符（{records}），请使用全称。</translation>
    </message>
    <message>
        <source>“{name}” is not a person in Liaison.</source>
        <translation>“{name}”不是 Liaison 中的人员。</translation>
    </message>
    <message>
        <source>A position needs the person it belongs to.</source>
        <translation>职务须指明所属人员。</translation>
    </message>
    <message>
        <source>A position needs its organization.</source>
        <translation>职务须指明所在组织。</translation>
    </message>
    <message>
        <source>Changed in the file.</source>
        <translation>已在文件中修改。</translation>
    </message>
    <message>
        <source>Changed both in the file and in Liaison since the export ({fields}); those fields are left as they are until you choose.</source>
        <translation>导出后在文件和 Liaison 中均有修改（{fields}）；在您作出选择之前，这些字段保持不变。</translation>
    </message>
    <message>
        <source>Changed in the file; Liaison's own changes since the export are kept.</source>
        <translation>已在文件中修改；导出后在 Liaison 中所做的修改予以保留。</translation>
    </message>
    <message>
        <source>Changed in Liaison since the export; Liaison's version is kept.</source>
        <translation>导出后已在 Liaison 中修改；保留 Liaison 中的版本。</translation>
    </message>
    <message>
        <source>Not in the sheet any more: {name}</source>
        <translation>已不在工作表中：{name}</translation>
    </message>
    <message>
        <source>{file} has none of the Liaison workbook's sheets (organizations, people, positions, interactions, followups).</source>
        <translation>{file} 不含 Liaison 工作簿的任何工作表（organizations、people、positions、interactions、followups）。</translation>
    </message>
    <message>
        <source>This workbook was exported from another Liaison database ({id}); its rows are matched by id and by name.</source>
        <translation>此工作簿导出自另一个 Liaison 数据库（{id}）；将按 ID 和名称匹配其中各行。</translation>
    </message>
    <message>
        <source>The header row lacks the columns {columns}; was it changed?</source>
        <translation>标题行缺少列 {columns}；是否已被修改？</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>same {fields}</source>
        <translation>{fields} 相同</translation>
    </message>
    <message>
        <source>Name the visit this row belongs to: its id in visit_id, or its title in visit.</source>
        <translation>请注明此行所属的访问：在 visit_id 列填写其 ID，或在 visit 列填写其标题。</translation>
    </message>
    <message>
        <source>“{name}” is not a visit in Liaison or on the visits sheet of this file.</source>
        <translation>“{name}”既不是 Liaison 中的访问，也不在本文件的 visits 工作表中。</translation>
    </message>
    <message>
        <source>Its {noun} is in error; fix that row first.</source>
        <translation>其所属{noun}有误，请先改正那一行。</translation>
    </message>
    <message>
        <source>Choose the event these rows are invitations to.</source>
        <translation>请选择这些行所邀请参加的活动。</translation>
    </message>
    <message>
        <source>There is no event with id {id}.</source>
        <translation>没有编号为 {id} 的活动。</translation>
    </message>
    <message>
        <source>No column of sheet “{sheet}” names the party or the person invited; say which one does (for example --map "Party=organization").</source>
        <translation>工作表“{sheet}”中没有列写明受邀政党或个人，请指明是哪一列（例如 --map "Party=organization"）。</translation>
    </message>
    <message>
        <source>See the row's other problems.</source>
        <translation>请查看本行的其他问题。</translation>
    </message>
    <message>
        <source>{name} is listed twice (row {row} too); an organization is invited once.</source>
        <translation>{name} 列了两次（第 {row} 行也有）；同一组织只邀请一次。</translation>
    </message>
    <message>
        <source>A level change needs its organization: its id in organization_id, or its name in organization.</source>
        <translation>关系层级变化须注明所属组织：在 organization_id 列填写其编号，或在 organization 列填写其名称。</translation>
    </message>
    <message>
        <source>“{name}” was merged into “{survivor}” on {day}: this row is left as it is. Edit {survivor}'s row instead.</source>
        <translation>“{name}”已于 {day} 合并入“{survivor}”：此行保持不变。请改为编辑{survivor}的那一行。</translation>
    </message>
    <message>
        <source>This {noun} was removed on {day} when two records were merged (it repeated one that remains): this row is left as it is. Edit the remaining one instead.</source>
        <translation>此{noun}已于 {day} 合并两条记录时删除（它与保留的一条重复）：此行保持不变。请改为编辑保留的那一条。</translation>
    </message>
    <message>
        <source>Edited, but not applied: {reason}</source>
        <translation>已修改，但未采用：{reason}</translation>
    </message>
</context>
<context>
    <name>ImportCheck</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Every problem Liaison found in the file, by sheet, row and column. Nothing has been written yet.</source>
        <translation>Liaison 在文件中发现的所有问题，按工作表、行和列列出。目前尚未写入任何内容。</translation>
    </message>
    <message>
        <source>No problems: every row can be imported.</source>
        <translation>未发现问题：所有行均可导入。</translation>
    </message>
    <message>
        <source>Double-click an error to correct its value here (the file itself is not changed), or skip the rows with errors.</source>
        <translation>双击错误可在此更正其值（不会修改文件本身），也可跳过有错误的行。</translation>
    </message>
    <message>
        <source>S&amp;kip rows with errors and import the others</source>
        <translation>跳过有错误的行，导入其余行(&amp;K)</translation>
    </message>
    <message>
        <source>Save the &amp;list of problems…</source>
        <translation>保存问题列表(&amp;L)…</translation>
    </message>
    <message>
        <source>No problems: all 1 row can be imported.</source>
        <translation>未发现问题：这 1 行可以导入。</translation>
    </message>
    <message>
        <source>No problems: all {n:,} rows can be imported.</source>
        <translation>未发现问题：全部 {n:,} 行均可导入。</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>{n:,} rows</source>
        <translation>{n:,} 行</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <source>{n:,} errors</source>
        <translation>{n:,} 个错误</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个警告</translation>
    </message>
    <message>
        <source>{n:,} warnings</source>
        <translation>{n:,} 个警告</translation>
    </message>
    <message>
        <source>{errors} and {warnings} in {rows}.</source>
        <translation>{rows}中有 {errors}和 {warnings}。</translation>
    </message>
    <message>
        <source>{errors} in {rows}.</source>
        <translation>{rows}中有 {errors}。</translation>
    </message>
    <message>
        <source>{warnings} in {rows}.</source>
        <translation>{rows}中有 {warnings}。</translation>
    </message>
    <message>
        <source>1 row with errors will be skipped.</source>
        <translation>有错误的 1 行将被跳过。</translation>
    </message>
    <message>
        <source>{n:,} rows with errors will be skipped.</source>
        <translation>有错误的 {n:,} 行将被跳过。</translation>
    </message>
    <message>
        <source>1 row with errors must be corrected or skipped before anything is imported.</source>
        <translation>须先更正或跳过有错误的 1 行，才能导入。</translation>
    </message>
    <message>
        <source>{n:,} rows with errors must be corrected or skipped before anything is imported.</source>
        <translation>须先更正或跳过有错误的 {n:,} 行，才能导入。</translation>
    </message>
    <message>
        <source>Warnings do not stop the import.</source>
        <translation>警告不会阻止导入。</translation>
    </message>
    <message>
        <source>Correct these rows in the workbook and choose it again, or skip them: the other rows are imported.</source>
        <translation>请在工作簿中更正这些行后重新选择该文件，或跳过这些行：其余行仍会导入。</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>column “{column}”</source>
        <translation>“{column}”列</translation>
    </message>
    <message>
        <source>{where}: {message}</source>
        <translation>{where}：{message}</translation>
    </message>
    <message>
        <source>This problem is not in one cell Liaison can correct here. Correct it in the workbook and choose it again, or skip the rows with errors.</source>
        <translation>此问题无法在此处通过修改单个单元格来更正。请在工作簿中更正后重新选择该文件，或跳过有错误的行。</translation>
    </message>
    <message>
        <source>This problem is not in one cell Liaison can correct here. Correct it in the file and choose it again, or skip the rows with errors.</source>
        <translation>此问题无法在此处通过修改单个单元格来更正。请在文件中更正后重新选择该文件，或跳过有错误的行。</translation>
    </message>
    <message>
        <source>Correct the value</source>
        <translation>更正值</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}”:
{message}

New value:</source>
        <translation>第 {row} 行，“{column}”列：
{message}

新值：</translation>
    </message>
</context>
<context>
    <name>ImportColumns</name>
    <message>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation>以分号分隔</translation>
    </message>
    <message>
        <source>ISO code or name</source>
        <translation>ISO 代码或名称</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>joined into name</source>
        <translation>合并为姓名</translation>
    </message>
    <message>
        <source>Liaison id</source>
        <translation>Liaison 编号</translation>
    </message>
    <message>
        <source>in the original script</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>in English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>in Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>other names, separated by ;</source>
        <translation>其他名称，以分号分隔</translation>
    </message>
    <message>
        <source>a year or a date</source>
        <translation>年份或日期</translation>
    </message>
    <message>
        <source>of the relationship</source>
        <translation>与对方的关系</translation>
    </message>
    <message>
        <source>of the position</source>
        <translation>职务所在组织</translation>
    </message>
    <message>
        <source>in the organization</source>
        <translation>在组织中的职务</translation>
    </message>
    <message>
        <source>names, separated by ;</source>
        <translation>名称，以分号分隔</translation>
    </message>
    <message>
        <source>or mechanism</source>
        <translation>或机制</translation>
    </message>
    <message>
        <source>it came from</source>
        <translation>事项来源</translation>
    </message>
    <message>
        <source>visit, talks, seminar…</source>
        <translation>访问、会谈、研讨会…</translation>
    </message>
    <message>
        <source>party, think tank…</source>
        <translation>政党、智库…</translation>
    </message>
    <message>
        <source>or job title</source>
        <translation>或职衔</translation>
    </message>
    <message>
        <source>Choose the column that holds the name of the organizations (“{field}”).</source>
        <translation>请选择包含组织名称的列（“{field}”）。</translation>
    </message>
    <message>
        <source>Choose the column that holds the name of the people (“{field}”).</source>
        <translation>请选择包含人员姓名的列（“{field}”）。</translation>
    </message>
    <message>
        <source>Choose the column that holds the title of the interactions (“{field}”).</source>
        <translation>请选择包含交往标题的列（“{field}”）。</translation>
    </message>
    <message>
        <source>Choose the column that holds the description of the follow-ups (“{field}”).</source>
        <translation>请选择包含后续事项说明的列（“{field}”）。</translation>
    </message>
    <message>
        <source>Choose the column that holds the party or organization invited (“{field}”).</source>
        <translation>请选择填写受邀政党或组织的列（“{field}”）。</translation>
    </message>
    <message>
        <source>&amp;Skip it: keep what Liaison has</source>
        <translation>跳过：保留 Liaison 中的内容(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Update Liaison with the file's values</source>
        <translation>用文件中的值更新 Liaison(&amp;U)</translation>
    </message>
    <message>
        <source>Only &amp;fill in what Liaison leaves empty</source>
        <translation>仅填写 Liaison 中为空的内容(&amp;F)</translation>
    </message>
    <message>
        <source>{field}  ({hint})</source>
        <translation>{field}（{hint}）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Choose the field each column feeds; Liaison has matched the ones whose names it knows. Columns left on “Ignore” are not imported.</source>
        <translation>请为每一列选择要导入的字段；Liaison 已自动匹配能识别列名的列。保持为“忽略此列”的列不会导入。</translation>
    </message>
    <message>
        <source>Save as &amp;profile…</source>
        <translation>另存为方案(&amp;P)…</translation>
    </message>
    <message>
        <source>Keep this mapping under a name, for the next list from the same colleague.</source>
        <translation>为此列对应命名并保存，供下次导入同一同事的名单时使用。</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>已保存的列对应：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Name in the file</source>
        <translation>文件中的列名</translation>
    </message>
    <message>
        <source>Example {n}</source>
        <translation>示例 {n}</translation>
    </message>
    <message>
        <source>Imports into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>When a row matches a record already in Liaison</source>
        <translation>当某行与 Liaison 中已有的记录匹配时</translation>
    </message>
    <message>
        <source>&amp;Empty cells clear existing values</source>
        <translation>空单元格清除现有值(&amp;E)</translation>
    </message>
    <message>
        <source>Off: an empty cell leaves what Liaison has. On: an empty cell in the file empties the field in Liaison.</source>
        <translation>关闭：空单元格不改动 Liaison 中的内容。开启：文件中的空单元格将清空 Liaison 中的对应字段。</translation>
    </message>
    <message>
        <source>Dates such as 03/04/2024</source>
        <translation>形如 03/04/2024 的日期</translation>
    </message>
    <message>
        <source>&amp;Day first: 03/04/2024 is 3 April 2024</source>
        <translation>日在前：03/04/2024 为 2024 年 4 月 3 日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Month first: 03/04/2024 is March 4, 2024</source>
        <translation>月在前：03/04/2024 为 2024 年 3 月 4 日(&amp;M)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No saved mapping for this kind of rows yet.</source>
        <translation>尚无适用于此类行的已保存列对应。</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>保存列对应</translation>
    </message>
    <message>
        <source>Name for this mapping (for the next list from the same colleague):</source>
        <translation>此列对应的名称（供下次导入同一同事的名单时使用）：</translation>
    </message>
    <message>
        <source>Mapping saved as “{name}”; choose it under Saved mapping next time.</source>
        <translation>列对应已保存为“{name}”；下次可在“已保存的列对应”中选择。</translation>
    </message>
    <message>
        <source>Choose the column that holds the date of the interactions (“{field}”).</source>
        <translation>请选择包含交往日期的列（“{field}”）。</translation>
    </message>
    <message>
        <source>Also chosen for column {columns}</source>
        <translation>列 {columns} 也选择了此字段</translation>
    </message>
    <message>
        <source>“{field}” is chosen for columns {columns}; choose it for one column only.</source>
        <translation>列 {columns} 都选择了“{field}”；该字段只能对应一列。</translation>
    </message>
    <message>
        <source>{columns} and {last}</source>
        <translation>{columns} 和 {last}</translation>
    </message>
    <message>
        <source>Some dates have a day above 12 in the first place, so the day comes first; “{example}” is read the same way.</source>
        <translation>部分日期的第一个数大于 12，可知日在前；“{example}”也按此方式解读。</translation>
    </message>
    <message>
        <source>Some dates have a day above 12 in the second place, so the month comes first; “{example}” is read the same way.</source>
        <translation>部分日期的第二个数大于 12，可知月在前；“{example}”也按此方式解读。</translation>
    </message>
    <message>
        <source>Some dates have a day above 12 in the first place, so the day comes first.</source>
        <translation>部分日期的第一个数大于 12，可知日在前。</translation>
    </message>
    <message>
        <source>Some dates have a day above 12 in the second place, so the month comes first.</source>
        <translation>部分日期的第二个数大于 12，可知月在前。</translation>
    </message>
    <message>
        <source>The dates mix both orders (some have a day above 12 first, others second). Choose the order most rows use; the other dates will be shown as problems.</source>
        <translation>日期中两种顺序并存（有的第一个数大于 12，有的第二个数大于 12）。请选择多数行采用的顺序；其余日期将作为问题列出。</translation>
    </message>
    <message>
        <source>A date such as “{example}” could be read two ways, and no date in the file settles it. Which comes first?</source>
        <translation>“{example}”这样的日期有两种解读方式，文件中也没有可据以判断的日期。日和月哪个在前？</translation>
    </message>
</context>
<context>
    <name>ImportMatched</name>
    <message>
        <source>{field} ({count:,})</source>
        <translation>{field}（{count:,}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{fields} and {n} more</source>
        <translation>{fields}等（另有 {n} 项）</translation>
    </message>
    <message>
        <source>&amp;Update the matching records</source>
        <translation>更新匹配的记录(&amp;U)</translation>
    </message>
    <message>
        <source>Fill &amp;blank fields only</source>
        <translation>只填补空白字段(&amp;B)</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行</translation>
    </message>
    <message>
        <source>{n:,} rows</source>
        <translation>{n:,} 行</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rows}&lt;/b&gt; match records already in Liaison and hold something new; they were skipped, as chosen on the Columns page. Updating them would change {update}.</source>
        <translation>&lt;b&gt;{rows}&lt;/b&gt;与 Liaison 中已有的记录匹配且含有新内容；按“列对应”页的选择，这些行已跳过。若更新这些记录，将更改{update}。</translation>
    </message>
    <message>
        <source>Filling only their blank fields would change {fill} in {records}.</source>
        <translation>若只填补空白字段，将更改 {records}中的{fill}。</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{n:,} records</source>
        <translation>{n:,} 条记录</translation>
    </message>
    <message>
        <source>None of their changes fills a blank field: each replaces a value.</source>
        <translation>这些更改都不是填补空白字段，而是替换已有的值。</translation>
    </message>
</context>
<context>
    <name>ImportPages</name>
    <message>
        <source>UTF-8 (with a byte-order mark)</source>
        <translation>UTF-8（带字节顺序标记）</translation>
    </message>
    <message>
        <source>GB18030 (Chinese Windows)</source>
        <translation>GB18030（中文 Windows）</translation>
    </message>
    <message>
        <source>Big5 (traditional Chinese: Taiwan, Hong Kong)</source>
        <translation>Big5（繁体中文：台湾、香港）</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European Windows)</source>
        <translation>Windows-1252（西欧语言 Windows）</translation>
    </message>
    <message>
        <source>Windows-1251 (Cyrillic)</source>
        <translation>Windows-1251（西里尔文）</translation>
    </message>
    <message>
        <source>Windows-1253 (Greek)</source>
        <translation>Windows-1253（希腊文）</translation>
    </message>
    <message>
        <source>Windows-1255 (Hebrew)</source>
        <translation>Windows-1255（希伯来文）</translation>
    </message>
    <message>
        <source>Windows-1256 (Arabic)</source>
        <translation>Windows-1256（阿拉伯文）</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>vertical bars</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>People (with their positions)</source>
        <translation>人员（含职务）</translation>
    </message>
    <message>
        <source>Interactions (with participants)</source>
        <translation>交往记录（含参与方）</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Invitations to an event</source>
        <translation>活动邀请</translation>
    </message>
    <message>
        <source>Liaison guessed organizations from the column names; choose another if that is wrong.</source>
        <translation>Liaison 根据列名判断这些行是组织；如有误，请另行选择。</translation>
    </message>
    <message>
        <source>Liaison guessed people (with their positions) from the column names; choose another if that is wrong.</source>
        <translation>Liaison 根据列名判断这些行是人员（含职务）；如有误，请另行选择。</translation>
    </message>
    <message>
        <source>Liaison guessed interactions (with participants) from the column names; choose another if that is wrong.</source>
        <translation>Liaison 根据列名判断这些行是交往记录（含参与方）；如有误，请另行选择。</translation>
    </message>
    <message>
        <source>Liaison guessed follow-ups from the column names; choose another if that is wrong.</source>
        <translation>Liaison 根据列名判断这些行是后续事项；如有误，请另行选择。</translation>
    </message>
    <message>
        <source>The report was not saved</source>
        <translation>报告未保存</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {reason}.</source>
        <translation>无法将报告写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>报告已保存</translation>
    </message>
    <message>
        <source>The problems and skipped rows were saved as {path}.</source>
        <translation>问题和跳过的行已保存为 {path}。</translation>
    </message>
    <message>
        <source>Each row is a party or organization invited: choose the event.</source>
        <translation>每行是一个受邀的政党或组织：请选择活动。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A spreadsheet from a colleague (.xlsx, .xls, .ods, .csv, .tsv), contacts from a phone or mail program (.vcf, or an Outlook or Google Contacts .csv), or a Liaison workbook you exported and edited. Nothing is written until you have reviewed every change.</source>
        <translation>同事提供的电子表格（.xlsx、.xls、.ods、.csv、.tsv）、手机或邮件程序导出的联系人（.vcf，或 Outlook、Google 通讯录导出的 .csv），或您导出并修改过的 Liaison 工作簿。在您审阅每一项更改之前，不会写入任何内容。</translation>
    </message>
    <message>
        <source>Choose a file, or paste its path here and press Enter</source>
        <translation>选择文件，或在此粘贴文件路径后按 Enter 键</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Read the text as:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <source>This is a Liaison workbook. Its rows carry their records' ids, so there are no columns to map: Liaison compares every row with the database and shows what changed in the file, what changed in Liaison since the export, and where both changed.</source>
        <translation>这是 Liaison 工作簿。其中每一行都带有记录编号，因此无需对应列：Liaison 会将每一行与数据库比对，显示文件中修改了哪些内容、自导出以来 Liaison 中修改了哪些内容，以及哪些内容双方都作了修改。</translation>
    </message>
    <message>
        <source>encoding {encoding}</source>
        <translation>编码 {encoding}</translation>
    </message>
    <message>
        <source>fields separated by {delimiter}</source>
        <translation>字段以{delimiter}分隔</translation>
    </message>
    <message>
        <source>1 sheet</source>
        <translation>1 个工作表</translation>
    </message>
    <message>
        <source>{n:,} sheets</source>
        <translation>{n:,} 个工作表</translation>
    </message>
    <message>
        <source>{sheets} ({hidden:,} hidden)</source>
        <translation>{sheets}（{hidden:,} 个隐藏）</translation>
    </message>
    <message>
        <source>Choose the sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>The file has several sheets. Which one holds the rows to import?</source>
        <translation>此文件包含多个工作表。要导入的行在哪个工作表中？</translation>
    </message>
    <message>
        <source>{sheet}  (hidden)</source>
        <translation>{sheet}（隐藏）</translation>
    </message>
    <message>
        <source>A hidden sheet: spreadsheet programs do not show it.</source>
        <translation>隐藏的工作表：电子表格程序中不显示。</translation>
    </message>
    <message>
        <source>Column names and what the rows are</source>
        <translation>列名与行的类型</translation>
    </message>
    <message>
        <source>Check that the highlighted row holds the column names; the rows below it are imported.</source>
        <translation>请确认突出显示的行包含列名；其下方的行将被导入。</translation>
    </message>
    <message>
        <source>Column &amp;names are in row:</source>
        <translation>列名所在行(&amp;N)：</translation>
    </message>
    <message>
        <source>Double-click a row to make it the row of column names.</source>
        <translation>双击某行可将其设为列名行。</translation>
    </message>
    <message>
        <source>What are these rows?</source>
        <translation>这些行是什么？</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>活动(&amp;E)：</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {file} (the first {count:,} rows). Rows above the column names (titles, notes) are left out.</source>
        <translation>{file} 的工作表“{sheet}”（前 {count:,} 行）。列名上方的行（标题、备注）不导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of {file}. Rows above the column names (titles, notes) are left out.</source>
        <translation>{file} 的工作表“{sheet}”。列名上方的行（标题、备注）不导入。</translation>
    </message>
    <message>
        <source>This sheet is empty: there is nothing to import. Go back and choose another sheet or file.</source>
        <translation>此工作表为空，没有可导入的内容。请返回并选择其他工作表或文件。</translation>
    </message>
    <message>
        <source>Liaison found no row of column names; choose it.</source>
        <translation>Liaison 未找到列名行，请指定。</translation>
    </message>
    <message>
        <source>Liaison found the column names in row {row}.</source>
        <translation>Liaison 在第 {row} 行找到了列名。</translation>
    </message>
    <message>
        <source>No events yet: set one up first in the Events list (New event…).</source>
        <translation>尚无活动：请先在活动列表中新建（新建活动…）。</translation>
    </message>
    <message>
        <source>Choose the event</source>
        <translation>选择活动</translation>
    </message>
    <message>
        <source>Protected workbook</source>
        <translation>受保护的工作簿</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password. Enter it to import the workbook; it is kept only while Liaison runs.</source>
        <translation>“{name}”受密码保护。请输入密码以导入该工作簿；密码只在 Liaison 运行期间保留。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>ImportPlan</name>
    <message>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Already in Liaison</source>
        <translation>Liaison 中已有</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Not imported (error)</source>
        <translation>未导入（错误）</translation>
    </message>
    <message>
        <source>Removed from the file</source>
        <translation>已从文件中移除</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>members of visits</source>
        <translation>访问团组成员</translation>
    </message>
    <message>
        <source>programme items</source>
        <translation>日程项</translation>
    </message>
    <message>
        <source>gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>invitations</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>delegates</source>
        <translation>代表团成员</translation>
    </message>
    <message>
        <source>level changes</source>
        <translation>关系层级变更</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Members of visits</source>
        <translation>访问团组成员</translation>
    </message>
    <message>
        <source>Programme items</source>
        <translation>日程项</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>代表团成员</translation>
    </message>
    <message>
        <source>Level changes</source>
        <translation>关系层级变更</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{name} [{role}]</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>{role} at {organization}</source>
        <translation>{organization} {role}</translation>
    </message>
    <message>
        <source>the file's value, your choice</source>
        <translation>采用文件中的值，由您选定</translation>
    </message>
    <message>
        <source>the file's value, as chosen for all conflicts</source>
        <translation>采用文件中的值，按其他冲突的统一选择</translation>
    </message>
    <message>
        <source>Liaison's value, your choice</source>
        <translation>保留 Liaison 中的值，由您选定</translation>
    </message>
    <message>
        <source>Liaison's value, as chosen for all conflicts</source>
        <translation>保留 Liaison 中的值，按其他冲突的统一选择</translation>
    </message>
    <message>
        <source>{field}:  {before}  →  {after}</source>
        <translation>{field}：{before}  →  {after}</translation>
    </message>
    <message>
        <source>{field} (conflict, left as it is):  exported {exported}  ·  the file has {file}  ·  Liaison has {database}</source>
        <translation>{field}（冲突，暂不改动）：导出时为 {exported}  ·  文件中为 {file}  ·  Liaison 中为 {database}</translation>
    </message>
    <message>
        <source>the file has {file}  ·  Liaison has {database}  ·  exported {exported}</source>
        <translation>文件中为 {file}  ·  Liaison 中为 {database}  ·  导出时为 {exported}</translation>
    </message>
    <message>
        <source>{field} (conflict: {why}):  Liaison keeps {database}  ·  the file has {file}</source>
        <translation>{field}（冲突：{why}）：Liaison 保留 {database}  ·  文件中为 {file}</translation>
    </message>
    <message>
        <source>{change}  ({why})</source>
        <translation>{change}（{why}）</translation>
    </message>
    <message>
        <source>{field}:  {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>matched: {reason}</source>
        <translation>匹配依据：{reason}</translation>
    </message>
    <message>
        <source>changes {fields}</source>
        <translation>修改：{fields}</translation>
    </message>
    <message>
        <source>Moved to the deleted records</source>
        <translation>移至已删除的记录</translation>
    </message>
    <message>
        <source>Kept unless you tick the box below</source>
        <translation>保留，除非勾选下方的复选框</translation>
    </message>
    <message>
        <source>matched: {reason}; nothing to change</source>
        <translation>匹配依据：{reason}；无需修改</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需修改</translation>
    </message>
    <message>
        <source>new: {values}</source>
        <translation>新建：{values}</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>新记录</translation>
    </message>
</context>
<context>
    <name>ImportReview</name>
    <message>
        <source>1 organization</source>
        <translation>1 个组织</translation>
    </message>
    <message>
        <source>{n:,} organizations</source>
        <translation>{n:,} 个组织</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 名人员</translation>
    </message>
    <message>
        <source>{n:,} people</source>
        <translation>{n:,} 名人员</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>1 项职务</translation>
    </message>
    <message>
        <source>{n:,} positions</source>
        <translation>{n:,} 项职务</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>1 项后续事项</translation>
    </message>
    <message>
        <source>{n:,} follow-ups</source>
        <translation>{n:,} 项后续事项</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>To create</source>
        <translation>待新建</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>待更新</translation>
    </message>
    <message>
        <source>Already in Liaison, unchanged</source>
        <translation>Liaison 中已有，无变化</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Removed from the file</source>
        <translation>已从文件中移除</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Not imported (errors)</source>
        <translation>未导入（有错误）</translation>
    </message>
    <message>
        <source>leave them open</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <source>use the file's values</source>
        <translation>采用文件中的值</translation>
    </message>
    <message>
        <source>keep Liaison's values</source>
        <translation>保留 Liaison 中的值</translation>
    </message>
    <message>
        <source>&lt;b&gt;{records}&lt;/b&gt; to create</source>
        <translation>新建 &lt;b&gt;{records}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{records}&lt;/b&gt; to update</source>
        <translation>更新 &lt;b&gt;{records}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{records} already in Liaison and unchanged</source>
        <translation>{records}已在 Liaison 中且无变化</translation>
    </message>
    <message>
        <source>{records} skipped</source>
        <translation>跳过 {records}</translation>
    </message>
    <message>
        <source>{records} not imported because of errors</source>
        <translation>{records}因有错误未导入</translation>
    </message>
    <message>
        <source>1 field</source>
        <translation>1 个字段</translation>
    </message>
    <message>
        <source>{n:,} fields</source>
        <translation>{n:,} 个字段</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>What the import will do. Nothing has been written yet; “Import” writes it all in one step, which you can undo.</source>
        <translation>导入将执行的操作。目前尚未写入任何内容；点击“导入”将一次性全部写入，且可以撤销。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Use the file's value</source>
        <translation>采用文件中的值</translation>
    </message>
    <message>
        <source>Keep Liaison's value</source>
        <translation>保留 Liaison 中的值</translation>
    </message>
    <message>
        <source>Use the &amp;file's value</source>
        <translation>采用文件中的值(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keep Liaison's value</source>
        <translation>保留 Liaison 中的值(&amp;K)</translation>
    </message>
    <message>
        <source>For all &amp;other conflicts:</source>
        <translation>其他所有冲突(&amp;O)：</translation>
    </message>
    <message>
        <source>Nothing is written as things stand: every row matches a record Liaison already has. Choose above to update them or fill their blank fields, or click Finish to close.</source>
        <translation>按目前的选择不会写入任何内容：每一行都与 Liaison 中已有的记录匹配。请在上方选择更新这些记录或填补其空白字段，或点击“完成”关闭。</translation>
    </message>
    <message>
        <source>Nothing is written as things stand: pick a value for the conflicts or tick the box to delete the records removed from the file, or click Finish to close.</source>
        <translation>按目前的选择，不会写入任何内容：请为冲突选择取值，或勾选复选框以删除从文件中移除的记录；也可点击“完成”关闭。</translation>
    </message>
    <message>
        <source>Nothing to import: the file holds nothing that Liaison does not already have. Click Finish to close.</source>
        <translation>没有需要导入的内容：文件中的内容 Liaison 均已存在。点击“完成”关闭。</translation>
    </message>
    <message>
        <source>{filter} ({count:,})</source>
        <translation>{filter}（{count:,}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{records}&lt;/b&gt; to delete (removed from the file)</source>
        <translation>删除 &lt;b&gt;{records}&lt;/b&gt;（已从文件中移除）</translation>
    </message>
    <message>
        <source>1 field in conflict, left as Liaison has it</source>
        <translation>1 个字段存在冲突，保持 Liaison 中的值</translation>
    </message>
    <message>
        <source>{n:,} fields in conflict, left as Liaison has them</source>
        <translation>{n:,} 个字段存在冲突，保持 Liaison 中的值</translation>
    </message>
    <message>
        <source>{records} removed from the file — not deleted unless you tick the box</source>
        <translation>{records}已从文件中移除——除非勾选复选框，否则不会删除</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;: {parts}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;：{parts}。</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>没有行</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 条记录</translation>
    </message>
    <message>
        <source>{n:,} records</source>
        <translation>{n:,} 条记录</translation>
    </message>
    <message>
        <source>{fields} in {records} changed both in the file and in Liaison since the export. Everything else is imported; this field stays as Liaison has it until you pick a value. Select a conflict (or its row) and click “Use the file's value” or “Keep Liaison's value”, or choose for all of them below the list.</source>
        <translation>自导出以来，{records}中有 {fields}在文件和 Liaison 中均被修改。其余内容均会导入；在您选择取值之前，该字段保持 Liaison 中的值。请选中一个冲突（或其所在行），然后点击“采用文件中的值”或“保留 Liaison 中的值”，也可在列表下方为全部冲突统一选择。</translation>
    </message>
    <message>
        <source>{fields} in {records} changed both in the file and in Liaison since the export. Everything else is imported; these fields stay as Liaison has them until you pick a value. Select a conflict (or its row) and click “Use the file's value” or “Keep Liaison's value”, or choose for all of them below the list.</source>
        <translation>自导出以来，{records}中有 {fields}在文件和 Liaison 中均被修改。其余内容均会导入；在您选择取值之前，这些字段保持 Liaison 中的值。请选中一个冲突（或其所在行），然后点击“采用文件中的值”或“保留 Liaison 中的值”，也可在列表下方为全部冲突统一选择。</translation>
    </message>
    <message>
        <source>1 field takes the file's value</source>
        <translation>1 个字段采用文件中的值</translation>
    </message>
    <message>
        <source>{n:,} fields take the file's value</source>
        <translation>{n:,} 个字段采用文件中的值</translation>
    </message>
    <message>
        <source>1 keeps Liaison's</source>
        <translation>1 个保留 Liaison 中的值</translation>
    </message>
    <message>
        <source>{n:,} keep Liaison's</source>
        <translation>{n:,} 个保留 Liaison 中的值</translation>
    </message>
    <message>
        <source>Every conflict is settled: {taken}, {kept}. Select one to change your mind.</source>
        <translation>所有冲突均已处理：{taken}，{kept}。如需更改，请选中相应冲突。</translation>
    </message>
    <message>
        <source>Also &amp;delete the {n:,} records removed from the file (they go to the deleted records and can be restored)</source>
        <translation>同时删除从文件中移除的 {n:,} 条记录（将移至已删除的记录，可以恢复）(&amp;D)</translation>
    </message>
    <message>
        <source>Also &amp;delete the record removed from the file (it goes to the deleted records and can be restored)</source>
        <translation>同时删除从文件中移除的记录（将移至已删除的记录，可以恢复）(&amp;D)</translation>
    </message>
    <message>
        <source>Select a conflict, or a row with conflicts, to pick the value Liaison keeps.</source>
        <translation>请选中一个冲突或含有冲突的行，以选择 Liaison 保留的值。</translation>
    </message>
    <message>
        <source>“{field}”</source>
        <translation>“{field}”</translation>
    </message>
    <message>
        <source>{fields} of {record}: the buttons pick for all of them.</source>
        <translation>{record}的{fields}：按钮将对其全部生效。</translation>
    </message>
    <message>
        <source>{fields}: the buttons pick for all of them.</source>
        <translation>{fields}：按钮将对其全部生效。</translation>
    </message>
    <message>
        <source>“{field}” of {record}</source>
        <translation>{record}的“{field}”</translation>
    </message>
    <message>
        <source>{target}: {values}</source>
        <translation>{target}：{values}</translation>
    </message>
    <message>
        <source>{target}  —  now {choice}</source>
        <translation>{target}  —  当前：{choice}</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Everything is written in one step: cancelling leaves the database exactly as it was.</source>
        <translation>所有内容一次性写入：取消后数据库将完全保持原样。</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Cancel the import</source>
        <translation>取消导入(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back to the review</source>
        <translation>返回审阅(&amp;B)</translation>
    </message>
    <message>
        <source>Importing 1 record from {file}…</source>
        <translation>正在从 {file} 导入 1 条记录…</translation>
    </message>
    <message>
        <source>Importing {n:,} records from {file}…</source>
        <translation>正在从 {file} 导入 {n:,} 条记录…</translation>
    </message>
    <message>
        <source>{stage}: {done:,} of {total:,}</source>
        <translation>{stage}：{done:,} / {total:,}</translation>
    </message>
    <message>
        <source>Cancelling… the records written so far are being taken back.</source>
        <translation>正在取消…正在撤回已写入的记录。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>The lists and record windows show the imported records now.</source>
        <translation>列表和记录窗口中现已显示导入的记录。</translation>
    </message>
    <message>
        <source>&amp;Save a report of skipped rows…</source>
        <translation>保存跳过行的报告(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Undo this import…</source>
        <translation>撤销此次导入(&amp;U)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt; was imported: {summary}.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 已导入：{summary}。</translation>
    </message>
    <message>
        <source>Batch {batch}. Undo it later with File ▸ Undo an import…</source>
        <translation>批次 {batch}。以后可通过“文件 ▸ 撤销导入…”撤销。</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销此次导入</translation>
    </message>
    <message>
        <source>Remove the records this import created, restore the records it deleted and give the records it updated their earlier values?</source>
        <translation>是否移除此次导入新建的记录，恢复其删除的记录，并将其更新的记录还原为先前的值？</translation>
    </message>
    <message>
        <source>Remove the records this import created and give the records it updated their earlier values?</source>
        <translation>是否移除此次导入新建的记录，并将其更新的记录还原为先前的值？</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>The import of &lt;b&gt;{file}&lt;/b&gt; was undone.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 的导入已撤销。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Spreadsheets and contacts (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.vcf);;Excel workbooks (*.xlsx *.xlsm *.xls);;OpenDocument (*.ods);;Text tables (*.csv *.tsv);;Contact cards (*.vcf);;All files (*)</source>
        <translation>电子表格和联系人 (*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.vcf);;Excel 工作簿 (*.xlsx *.xlsm *.xls);;OpenDocument (*.ods);;文本表格 (*.csv *.tsv);;联系人名片 (*.vcf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>Excel workbook with macros (.xlsm)</source>
        <translation>Excel 启用宏的工作簿（.xlsm）</translation>
    </message>
    <message>
        <source>Excel binary workbook (.xlsb)</source>
        <translation>Excel 二进制工作簿（.xlsb）</translation>
    </message>
    <message>
        <source>Excel 97–2003 workbook (.xls)</source>
        <translation>Excel 97–2003 工作簿（.xls）</translation>
    </message>
    <message>
        <source>OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 电子表格（.ods）</translation>
    </message>
    <message>
        <source>Text table (CSV)</source>
        <translation>文本表格（CSV）</translation>
    </message>
    <message>
        <source>Text table (tab-separated)</source>
        <translation>文本表格（制表符分隔）</translation>
    </message>
    <message>
        <source>Contact cards (vCard)</source>
        <translation>联系人名片（vCard）</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>导入电子表格</translation>
    </message>
    <message>
        <source>Choose the spreadsheet to import</source>
        <translation>选择要导入的电子表格</translation>
    </message>
    <message>
        <source>{name} - import report.xlsx</source>
        <translation>{name} - 导入报告.xlsx</translation>
    </message>
    <message>
        <source>Save a report of the skipped rows</source>
        <translation>保存跳过行的报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Looking up the records it names…</source>
        <translation>正在查找文件中提及的记录…</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>检查完毕。</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
</context>
<context>
    <name>InteractionConflict</name>
    <message>
        <source>Participants</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
</context>
<context>
    <name>InteractionEditor</name>
    <message>
        <source>Visit of the {organization} delegation</source>
        <translation>{organization}代表团来访</translation>
    </message>
    <message>
        <source>Delegation visit to {organization}</source>
        <translation>代表团出访{organization}</translation>
    </message>
    <message>
        <source>Talks with {organization}</source>
        <translation>与{organization}会谈</translation>
    </message>
    <message>
        <source>Meeting with {organization}</source>
        <translation>会见{organization}</translation>
    </message>
    <message>
        <source>Briefing for {organization}</source>
        <translation>向{organization}宣介</translation>
    </message>
    <message>
        <source>Seminar with {organization}</source>
        <translation>与{organization}举行研讨会</translation>
    </message>
    <message>
        <source>Conference with {organization}</source>
        <translation>与{organization}举行会议</translation>
    </message>
    <message>
        <source>Video call with {organization}</source>
        <translation>与{organization}视频通话</translation>
    </message>
    <message>
        <source>Phone call with {organization}</source>
        <translation>与{organization}电话交流</translation>
    </message>
    <message>
        <source>Letter to {organization}</source>
        <translation>致{organization}函</translation>
    </message>
    <message>
        <source>Study programme for {organization}</source>
        <translation>{organization}研修项目</translation>
    </message>
    <message>
        <source>Cooperation project with {organization}</source>
        <translation>与{organization}合作项目</translation>
    </message>
    <message>
        <source>Exchange with {organization}</source>
        <translation>与{organization}交流</translation>
    </message>
    <message>
        <source>Use the suggested title</source>
        <translation>使用建议标题</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the interaction and its new follow-ups (Ctrl+S)</source>
        <translation>保存交往记录及其新增后续事项（Ctrl+S）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete this interaction (can be undone with Ctrl+Z)</source>
        <translation>删除此交往记录（可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Turn into a visit</source>
        <translation>转为访问</translation>
    </message>
    <message>
        <source>Make this visit a visit record with its delegations and a programme, this interaction its first talks (Ctrl+Z in the main window takes it back)</source>
        <translation>将此次访问转为访问记录，含代表团和日程，本交往记录成为其首场会谈（在主窗口按 Ctrl+Z 可撤销）</translation>
    </message>
    <message>
        <source>New interaction</source>
        <translation>新建交往记录</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>{title}[*] — Liaison</source>
        <translation>{title}[*] — Liaison</translation>
    </message>
    <message>
        <source>Use “{title}” as the title</source>
        <translation>使用“{title}”作为标题</translation>
    </message>
    <message>
        <source>This interaction has been deleted.</source>
        <translation>此交往记录已被删除。</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>已于 {time} 保存。</translation>
    </message>
    <message>
        <source>Not saved: this interaction was changed meanwhile. Your edits are still here; Save again to compare them with the saved version.</source>
        <translation>未保存：此交往记录在此期间已被修改。您的编辑仍保留在此，再次保存即可与已保存的版本进行比较。</translation>
    </message>
    <message>
        <source>Delete “{title}”? It will no longer show on its participants' timelines. You can undo this with Ctrl+Z.</source>
        <translation>删除“{title}”？删除后，它将不再显示在各参与方的往来时间线上。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete “this interaction”? It will no longer show on its participants' timelines. You can undo this with Ctrl+Z.</source>
        <translation>删除“此交往记录”？删除后，它将不再显示在各参与方的往来时间线上。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>删除交往记录</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>“this interaction”</source>
        <translation>“此交往记录”</translation>
    </message>
    <message>
        <source>This interaction</source>
        <translation>此交往记录</translation>
    </message>
</context>
<context>
    <name>InteractionsView</name>
    <message>
        <source>Filter by title or summary…</source>
        <translation>按标题或摘要筛选…</translation>
    </message>
    <message>
        <source>Words in the title or summary</source>
        <translation>标题或摘要中的字词</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>From this date (YYYY-MM-DD)</source>
        <translation>起始日期（年-月-日）</translation>
    </message>
    <message>
        <source>Up to this date (YYYY-MM-DD)</source>
        <translation>结束日期（年-月-日）</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>所有议题</translation>
    </message>
    <message>
        <source>No interactions match these filters.</source>
        <translation>没有符合筛选条件的交往记录。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>删除交往记录</translation>
    </message>
    <message>
        <source>Delete “{title}”? They will no longer show on their participants' timelines. You can undo this with Ctrl+Z.</source>
        <translation>删除“{title}”？删除后，它将不再显示在各参与方的往来时间线上。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete interactions</source>
        <translation>删除交往记录</translation>
    </message>
    <message>
        <source>Delete {n} interactions? They will no longer show on their participants' timelines. You can undo this with Ctrl+Z.</source>
        <translation>删除 {n} 条交往记录？删除后，它们将不再显示在各参与方的往来时间线上。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete {n} interactions</source>
        <translation>删除 {n} 条交往记录</translation>
    </message>
</context>
<context>
    <name>LevelChart</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>No level recorded yet.</source>
        <translation>尚未记录关系层级。</translation>
    </message>
    <message>
        <source>{date}: {level}</source>
        <translation>{date}：{level}</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export this list as shown — these filters, this order, every row — to an Excel workbook (.xlsx)</source>
        <translation>按当前显示（当前筛选条件、当前排序、全部行）将此列表导出为 Excel 工作簿（.xlsx）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>交往记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>{view} ({shortcut})</source>
        <translation>{view}（{shortcut}）</translation>
    </message>
    <message>
        <source>Find an organization or person (Ctrl+F)</source>
        <translation>查找组织或人员（Ctrl+F）</translation>
    </message>
    <message>
        <source>The open database</source>
        <translation>当前打开的数据库</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New record in the current list (Ctrl+N)</source>
        <translation>在当前列表中新建记录（Ctrl+N）</translation>
    </message>
    <message>
        <source>New &amp;organization…</source>
        <translation>新建组织(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;person…</source>
        <translation>新建人员(&amp;P)…</translation>
    </message>
    <message>
        <source>New &amp;interaction…</source>
        <translation>新建交往记录(&amp;I)…</translation>
    </message>
    <message>
        <source>New &amp;visit…</source>
        <translation>新建访问(&amp;V)…</translation>
    </message>
    <message>
        <source>New &amp;event…</source>
        <translation>新建活动(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a colleague's spreadsheet, or bring back a Liaison workbook with its changes</source>
        <translation>导入同事的电子表格，或将含有修改的 Liaison 工作簿导回</translation>
    </message>
    <message>
        <source>U&amp;ndo an import…</source>
        <translation>撤销导入(&amp;N)…</translation>
    </message>
    <message>
        <source>Take back an earlier import</source>
        <translation>撤销此前的某次导入</translation>
    </message>
    <message>
        <source>&amp;Export workbook…</source>
        <translation>导出工作簿(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the whole database as a Liaison workbook (.xlsx) to share or take on a trip</source>
        <translation>将整个数据库导出为 Liaison 工作簿（.xlsx），用于共享或出差携带</translation>
    </message>
    <message>
        <source>Export &amp;protected workbook…</source>
        <translation>导出受保护的工作簿(&amp;P)…</translation>
    </message>
    <message>
        <source>Export the whole database as a workbook that Excel, WPS and LibreOffice open only with the password you choose</source>
        <translation>将整个数据库导出为工作簿，Excel、WPS 和 LibreOffice 只有输入您设定的密码才能打开</translation>
    </message>
    <message>
        <source>Export this &amp;list…</source>
        <translation>导出此列表(&amp;L)…</translation>
    </message>
    <message>
        <source>Save the list on screen as shown — its filters, its order, every row — as an Excel workbook (.xlsx)</source>
        <translation>按屏幕当前显示（筛选条件、排序、全部行）将列表保存为 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected record (undo with Ctrl+Z)</source>
        <translation>删除所选记录（可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Liaison</source>
        <translation>关于 Liaison(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Merge a travel copy…</source>
        <translation>合并出差副本(&amp;M)…</translation>
    </message>
    <message>
        <source>Bring back the changes of a travel copy or a colleague's database</source>
        <translation>将出差副本或同事数据库中的修改合并回来</translation>
    </message>
    <message>
        <source>Export &amp;travel copy…</source>
        <translation>导出出差副本(&amp;T)…</translation>
    </message>
    <message>
        <source>Save a complete copy of this database to take on a trip and merge back later</source>
        <translation>保存本数据库的完整副本，供出差携带，之后再合并回来</translation>
    </message>
    <message>
        <source>Export c&amp;alendar…</source>
        <translation>导出日历(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the visits and their programmes, the events and their sessions, and the follow-ups due as a calendar file (.ics) for Outlook, Google or Apple Calendar</source>
        <translation>将访问及其日程、活动及其议程和到期的后续事项保存为日历文件（.ics），供 Outlook、Google 或 Apple 日历使用</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复(&amp;D)…</translation>
    </message>
    <message>
        <source>Find organizations or people entered twice, in any script, and merge them</source>
        <translation>查找以任何文字重复录入的组织或人员，并将其合并</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>Make a new, empty database file and open it in a window of its own</source>
        <translation>新建一个空数据库文件，并在单独的窗口中打开</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another database file in a window of its own</source>
        <translation>在单独的窗口中打开另一个数据库文件</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>保存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Save a complete copy of this database as one file (copying the file itself while Liaison runs can leave recent changes behind)</source>
        <translation>将本数据库完整保存为一个文件（在 Liaison 运行时直接复制数据库文件，可能漏掉最近的修改）</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>See this database's backups, make one, or restore one</source>
        <translation>查看此数据库的备份、立即备份或恢复备份</translation>
    </message>
    <message>
        <source>&amp;Encrypt this database…</source>
        <translation>加密此数据库(&amp;E)…</translation>
    </message>
    <message>
        <source>Encrypt this database file with a passphrase, so that a lost laptop does not give its records away</source>
        <translation>用口令加密此数据库文件，笔记本电脑丢失时记录也不会泄露</translation>
    </message>
    <message>
        <source>Load the &amp;starter register…</source>
        <translation>载入初始名录(&amp;S)…</translation>
    </message>
    <message>
        <source>Add the world's parties to this database (those already in it are not added twice)</source>
        <translation>将世界各国政党加入本数据库（已有的不会重复添加）</translation>
    </message>
    <message>
        <source>Load de&amp;mo data…</source>
        <translation>载入演示数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Fill an empty database with made-up records to try Liaison out</source>
        <translation>用虚构的记录填充空数据库，以便试用 Liaison</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>报告问题(&amp;R)…</translation>
    </message>
    <message>
        <source>A report to copy and send to the people who look after Liaison</source>
        <translation>生成一份报告，复制后发给负责维护 Liaison 的人员</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Demo data goes into an empty database only, so that made-up records never mix with real ones. Make a new database with File ▸ New database… and load the demo data there.</source>
        <translation>演示数据只能载入空数据库，以免虚构记录与真实记录混在一起。请通过“文件 ▸ 新建数据库…”新建一个数据库，再在其中载入演示数据。</translation>
    </message>
    <message>
        <source>{database} (read-only)</source>
        <translation>{database}（只读）</translation>
    </message>
    <message>
        <source>{view} — {database}</source>
        <translation>{view} — {database}</translation>
    </message>
    <message>
        <source>Export the Liaison workbook</source>
        <translation>导出 Liaison 工作簿</translation>
    </message>
    <message>
        <source>Exporting the Liaison workbook</source>
        <translation>正在导出 Liaison 工作簿</translation>
    </message>
    <message>
        <source>Writing {sheet}…</source>
        <translation>正在写入{sheet}…</translation>
    </message>
    <message>
        <source>The workbook was saved as {path}.</source>
        <translation>工作簿已保存为 {path}。</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>正在统计</translation>
    </message>
    <message>
        <source>Updated with changes saved elsewhere.</source>
        <translation>已载入在别处保存的修改。</translation>
    </message>
    <message>
        <source>Cannot check the database for colleagues' changes: {problem}</source>
        <translation>无法检查数据库中同事所作的修改：{problem}</translation>
    </message>
    <message>
        <source>{organizations:,} organizations · {people:,} people · {interactions:,} interactions · {followups:,} follow-ups</source>
        <translation>组织 {organizations:,} 个 · 人员 {people:,} 名 · 交往记录 {interactions:,} 条 · 后续事项 {followups:,} 条</translation>
    </message>
    <message>
        <source>About Liaison</source>
        <translation>关于 Liaison</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Liaison {version}&lt;/h3&gt;&lt;p&gt;A relationship manager for the international liaison office of a political party.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;/p&gt;&lt;p&gt;{attribution}&lt;/p&gt;&lt;p&gt;Icons: Lucide (ISC licence). Country names: pycountry (iso-codes).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Liaison {version}&lt;/h3&gt;&lt;p&gt;供政党国际联络部门使用的关系管理软件。&lt;/p&gt;&lt;p&gt;数据库：{database}&lt;/p&gt;&lt;p&gt;{attribution}&lt;/p&gt;&lt;p&gt;图标：Lucide（ISC 许可证）。国家名称：pycountry（iso-codes）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>{file} already exists; choose a new file name for the travel copy.</source>
        <translation>{file} 已存在；请为出差副本另选一个文件名。</translation>
    </message>
    <message>
        <source>{count} problem(s) in {other} block the merge; nothing was written.</source>
        <translation>{other} 中有 {count} 个问题导致无法合并，未写入任何内容。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>This database changed while the merge with {other} was being prepared (another window or program wrote to it); nothing was written. Prepare the merge again.</source>
        <translation>准备与 {other} 合并期间本数据库已有改动（另一个窗口或程序写入了数据）；未写入任何内容。请重新准备合并。</translation>
    </message>
    <message>
        <source>The merge was cancelled; nothing was written.</source>
        <translation>合并已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Merging {kind}</source>
        <translation>正在合并{kind}</translation>
    </message>
    <message>
        <source>The {entity} “{name}” was changed while you reviewed the merge; nothing was written. Review it again.</source>
        <translation>在您检查合并内容期间，{entity}“{name}”已被修改，未写入任何内容。请重新检查。</translation>
    </message>
    <message>
        <source>Comparing the histories</source>
        <translation>正在比较修改记录</translation>
    </message>
    <message>
        <source>Comparing {kind}</source>
        <translation>正在比较{kind}</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>The {entity} “{name}” refers to a {target} ({value}) that neither copy holds.</source>
        <translation>{entity}“{name}”引用的{target}（{value}）在两个副本中均不存在。</translation>
    </message>
    <message>
        <source>The tag “{name}” was renamed “{value}” in the other copy, a name another tag has here; rename one of them and merge again.</source>
        <translation>标签“{name}”在另一副本中被重命名为“{value}”，而本副本中已有同名的其他标签；请重命名其中之一后重新合并。</translation>
    </message>
    <message>
        <source>The topic “{name}” was renamed “{value}” in the other copy, a name another topic has here; rename one of them and merge again.</source>
        <translation>议题“{name}”在另一副本中被重命名为“{value}”，而本副本中已有同名的其他议题；请重命名其中之一后重新合并。</translation>
    </message>
    <message>
        <source>{location} is this database itself; choose another copy to merge.</source>
        <translation>{location} 即本数据库；请选择另一副本进行合并。</translation>
    </message>
    <message>
        <source>{database} is not a Liaison database of this version (schema {schema}); open it once with this Liaison, then merge.</source>
        <translation>{database} 不是此版本的 Liaison 数据库（架构 {schema}）；请先用此版本的 Liaison 打开一次，然后再合并。</translation>
    </message>
    <message>
        <source>There is no database file {file}.</source>
        <translation>数据库文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not a Liaison database (it is not a SQLite file).</source>
        <translation>{file} 不是 Liaison 数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{file} holds no Liaison data; there is nothing to merge.</source>
        <translation>{file} 中没有 Liaison 数据，无可合并的内容。</translation>
    </message>
    <message>
        <source>nothing changed in either copy</source>
        <translation>两个副本均无修改</translation>
    </message>
    <message>
        <source>There is no folder {folder} to write the travel copy in.</source>
        <translation>用于写入出差副本的文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Copying {table}</source>
        <translation>正在复制 {table}</translation>
    </message>
    <message>
        <source>Cannot write the travel copy {file}: {error}.</source>
        <translation>无法写入出差副本 {file}：{error}。</translation>
    </message>
    <message>
        <source>{file} is encrypted: give its passphrase or recovery key to merge it.</source>
        <translation>{file} 已加密：请提供口令或恢复密钥以便合并。</translation>
    </message>
    <message>
        <source>Only organizations and people can be merged.</source>
        <translation>只能合并组织或人员。</translation>
    </message>
    <message>
        <source>A record cannot be merged into itself: choose two different {noun}s.</source>
        <translation>记录不能与自身合并：请选择两个不同的{noun}。</translation>
    </message>
    <message>
        <source>“{name}” was already merged into another record; merge with that one instead.</source>
        <translation>“{name}”已并入另一条记录；请与那条记录合并。</translation>
    </message>
    <message>
        <source>“{name}” is deleted; restore it first, or merge with a record that is not.</source>
        <translation>“{name}”已删除；请先恢复它，或与未删除的记录合并。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Liaison database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Liaison 数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Merge a travel copy</source>
        <translation>合并出差副本</translation>
    </message>
    <message>
        <source>&amp;Undo this merge…</source>
        <translation>撤销此次合并(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete the travel copy…</source>
        <translation>删除出行副本(&amp;D)…</translation>
    </message>
    <message>
        <source>Its changes are in this database now: a copy left on a laptop or a memory stick is one more place the records can leak from</source>
        <translation>副本中的更改已合并到此数据库：留在笔记本电脑或 U 盘上的副本，多一处记录可能泄露的地方</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Reading both copies…</source>
        <translation>正在读取两个副本…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Comparing this database with {other}… nothing is written yet.</source>
        <translation>正在将本数据库与 {other} 进行比较…尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Comparing the copies</source>
        <translation>正在比较副本</translation>
    </message>
    <message>
        <source>{kind}: {problem}</source>
        <translation>{kind}：{problem}</translation>
    </message>
    <message>
        <source>The other copy has problems that block the merge; nothing can be written:</source>
        <translation>另一副本存在妨碍合并的问题，无法写入任何内容：</translation>
    </message>
    <message>
        <source>{stage}: {done:,} of {total:,}</source>
        <translation>{stage}：{done:,} / {total:,}</translation>
    </message>
    <message>
        <source>Merging {other}… cancelling leaves this database exactly as it was.</source>
        <translation>正在合并 {other}…取消将使本数据库完全保持原样。</translation>
    </message>
    <message>
        <source>Merging</source>
        <translation>正在合并</translation>
    </message>
    <message>
        <source>Delete the travel copy</source>
        <translation>删除出行副本</translation>
    </message>
    <message>
        <source>Delete {file}? Its changes are in this database now; Undo this merge does not need it.</source>
        <translation>删除 {file} 吗？其中的更改已在此数据库中；“撤销此次合并”不需要它。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cannot delete {file}: {reason}.</source>
        <translation>无法删除 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Travel copy deleted</source>
        <translation>出行副本已删除</translation>
    </message>
    <message>
        <source>Nothing was written: this copy already had everything from &lt;b&gt;{other}&lt;/b&gt;.</source>
        <translation>未写入任何内容：本副本已包含 &lt;b&gt;{other}&lt;/b&gt; 中的全部内容。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{other}&lt;/b&gt; was merged into this database. 1 change from its history was copied.</source>
        <translation>&lt;b&gt;{other}&lt;/b&gt; 已合并到本数据库。已复制其修改记录中的 1 项修改。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{other}&lt;/b&gt; was merged into this database. {n:,} changes from its history were copied.</source>
        <translation>&lt;b&gt;{other}&lt;/b&gt; 已合并到本数据库。已复制其修改记录中的 {n:,} 项修改。</translation>
    </message>
    <message>
        <source>{record}: {fields}</source>
        <translation>{record}：{fields}</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 conflict left open&lt;/b&gt; (this copy kept its values; the next merge shows them again):</source>
        <translation>&lt;b&gt;1 个冲突未解决&lt;/b&gt;（本副本保留了原值；下次合并时将再次显示）：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n:,} conflicts left open&lt;/b&gt; (this copy kept its values; the next merge shows them again):</source>
        <translation>&lt;b&gt;{n:,} 个冲突未解决&lt;/b&gt;（本副本保留了原值；下次合并时将再次显示）：</translation>
    </message>
    <message>
        <source>No conflicts are left open.</source>
        <translation>没有未解决的冲突。</translation>
    </message>
    <message>
        <source>Batch {batch}</source>
        <translation>批次 {batch}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>Liaison could not read {file} ({reason}).</source>
        <translation>Liaison 无法读取 {file}（{reason}）。</translation>
    </message>
    <message>
        <source>Undo this merge</source>
        <translation>撤销此次合并</translation>
    </message>
    <message>
        <source>Remove the records this merge created and give the records it changed their earlier values? The other copy is not touched.</source>
        <translation>要删除此次合并新建的记录，并将其修改过的记录恢复为先前的值吗？另一副本不受影响。</translation>
    </message>
    <message>
        <source>Undo the merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>正在撤销合并…</translation>
    </message>
    <message>
        <source>The merge was undone: 1 record removed, {restored:,} restored to their earlier values.</source>
        <translation>合并已撤销：删除了 1 条记录，{restored:,} 条记录恢复为先前的值。</translation>
    </message>
    <message>
        <source>The merge was undone: {removed:,} records removed, {restored:,} restored to their earlier values.</source>
        <translation>合并已撤销：删除了 {removed:,} 条记录，{restored:,} 条记录恢复为先前的值。</translation>
    </message>
    <message>
        <source>Kept, because they were changed after the merge:</source>
        <translation>以下记录在合并后被修改过，因此予以保留：</translation>
    </message>
    <message>
        <source>Undoing the merge</source>
        <translation>正在撤销合并</translation>
    </message>
</context>
<context>
    <name>MergeRecords</name>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
    <message>
        <source>1 position</source>
        <translation>1 个职务</translation>
    </message>
    <message>
        <source>{n:,} positions</source>
        <translation>{n:,} 个职务</translation>
    </message>
    <message>
        <source>1 invitation</source>
        <translation>1 份邀请</translation>
    </message>
    <message>
        <source>{n:,} invitations</source>
        <translation>{n:,} 份邀请</translation>
    </message>
    <message>
        <source>1 place in an event delegation</source>
        <translation>1 个活动代表团成员席位</translation>
    </message>
    <message>
        <source>{n:,} places in event delegations</source>
        <translation>{n:,} 个活动代表团成员席位</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 次访问</translation>
    </message>
    <message>
        <source>{n:,} visits</source>
        <translation>{n:,} 次访问</translation>
    </message>
    <message>
        <source>1 place in a visit's delegation</source>
        <translation>1 个访问代表团成员席位</translation>
    </message>
    <message>
        <source>{n:,} places in visits' delegations</source>
        <translation>{n:,} 个访问代表团成员席位</translation>
    </message>
    <message>
        <source>1 gift</source>
        <translation>1 件礼品</translation>
    </message>
    <message>
        <source>{n:,} gifts</source>
        <translation>{n:,} 件礼品</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>1 项后续事项</translation>
    </message>
    <message>
        <source>{n:,} follow-ups</source>
        <translation>{n:,} 项后续事项</translation>
    </message>
    <message>
        <source>1 event organized</source>
        <translation>1 场主办的活动</translation>
    </message>
    <message>
        <source>{n:,} events organized</source>
        <translation>{n:,} 场主办的活动</translation>
    </message>
    <message>
        <source>1 session spoken at</source>
        <translation>1 场发言的议程</translation>
    </message>
    <message>
        <source>{n:,} sessions spoken at</source>
        <translation>{n:,} 场发言的议程</translation>
    </message>
    <message>
        <source>1 level change</source>
        <translation>1 次关系层级变更</translation>
    </message>
    <message>
        <source>{n:,} level changes</source>
        <translation>{n:,} 次关系层级变更</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 个标签</translation>
    </message>
    <message>
        <source>{n:,} tags</source>
        <translation>{n:,} 个标签</translation>
    </message>
    <message>
        <source>Merge two organizations</source>
        <translation>合并两个组织</translation>
    </message>
    <message>
        <source>Merge two people</source>
        <translation>合并两位人员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Merge “{name}” with which organization? Type any of its names.</source>
        <translation>将“{name}”与哪个组织合并？请输入该组织的任一名称。</translation>
    </message>
    <message>
        <source>Merge “{name}” with which person? Type any of their names.</source>
        <translation>将“{name}”与哪位人员合并？请输入其任一姓名。</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ 对调</translation>
    </message>
    <message>
        <source>Keep the other record instead</source>
        <translation>改为保留另一条记录</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Kept: {name}</source>
        <translation>保留：{name}</translation>
    </message>
    <message>
        <source>Merged into it, then removed: {name}</source>
        <translation>并入后移除：{name}</translation>
    </message>
    <message>
        <source>Moves to “{name}”: {moves}.</source>
        <translation>转到“{name}”名下：{moves}。</translation>
    </message>
    <message>
        <source>Nothing else names “{name}”: only its names and fields are merged.</source>
        <translation>没有其他记录引用“{name}”：只合并其名称和字段。</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Their fields agree (or the other record leaves them empty): nothing to choose.</source>
        <translation>两条记录的字段一致（或另一条记录为空）：无需选择。</translation>
    </message>
    <message>
        <source>Where they differ, choose the value the kept record keeps (the newer one is chosen for you):</source>
        <translation>对不一致的字段，请选择保留记录采用的值（已默认选中较新的值）：</translation>
    </message>
    <message>
        <source>Joined from both, each entry once (the names not kept become other names as well):</source>
        <translation>两条记录的以下各项合并，每项只保留一次（未保留的名称也会成为其他名称）：</translation>
    </message>
    <message>
        <source>{field}: {values}</source>
        <translation>{field}：{values}</translation>
    </message>
    <message>
        <source>A colleague changed “{name}” while this window was open. Nothing was merged. Below are both records as they are now: check your choices and merge again.</source>
        <translation>此窗口打开期间，同事修改了“{name}”。未进行任何合并。下面是两条记录的最新内容：请检查您的选择后再次合并。</translation>
    </message>
    <message>
        <source>The merge was undone: “{other}” and “{kept}” are two records again.</source>
        <translation>合并已撤销：“{other}”和“{kept}”重新成为两条记录。</translation>
    </message>
    <message>
        <source>Merge “{other}” into “{kept}”</source>
        <translation>将“{other}”并入“{kept}”</translation>
    </message>
    <message>
        <source>“{other}” was merged into “{kept}”. Ctrl+Z in this window takes the merge back.</source>
        <translation>“{other}”已并入“{kept}”。在此窗口按 Ctrl+Z 可撤销合并。</translation>
    </message>
</context>
<context>
    <name>MergeReview</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Kept (changed here)</source>
        <translation>保留（本副本已修改）</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>keep this copy's value</source>
        <translation>保留本副本的值</translation>
    </message>
    <message>
        <source>take the other copy's value</source>
        <translation>采用另一副本的值</translation>
    </message>
    <message>
        <source>Leave them open (merge everything else)</source>
        <translation>暂不解决（合并其余内容）</translation>
    </message>
    <message>
        <source>Keep this copy's values</source>
        <translation>保留本副本的值</translation>
    </message>
    <message>
        <source>Take the other copy's values</source>
        <translation>采用另一副本的值</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Keep this copy's value</source>
        <translation>保留本副本的值(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the other copy's value</source>
        <translation>采用另一副本的值(&amp;T)</translation>
    </message>
    <message>
        <source>Selected conflict:</source>
        <translation>所选冲突：</translation>
    </message>
    <message>
        <source>Conflicts not settled one by one:</source>
        <translation>未逐一处理的冲突：</translation>
    </message>
    <message>
        <source>From &lt;b&gt;{other}&lt;/b&gt;: {summary}.</source>
        <translation>来自 &lt;b&gt;{other}&lt;/b&gt;：{summary}。</translation>
    </message>
    <message>
        <source>1 field changed in both copies: choose which value to keep below.</source>
        <translation>有 1 个字段在两个副本中都被修改：请在下方选择要保留的值。</translation>
    </message>
    <message>
        <source>{n:,} fields changed in both copies: choose which value to keep below.</source>
        <translation>有 {n:,} 个字段在两个副本中都被修改：请在下方选择要保留的值。</translation>
    </message>
    <message>
        <source>This copy already has everything the other copy holds.</source>
        <translation>本副本已包含另一副本中的全部内容。</translation>
    </message>
    <message>
        <source>{field}: {here} → {there} (kept: changed here)</source>
        <translation>{field}：{here} → {there}（保留：本副本已修改）</translation>
    </message>
    <message>
        <source>{field}: {here} → {there}</source>
        <translation>{field}：{here} → {there}</translation>
    </message>
    <message>
        <source>{choice} (default)</source>
        <translation>{choice}（默认）</translation>
    </message>
    <message>
        <source>left open</source>
        <translation>暂不解决</translation>
    </message>
    <message>
        <source>Conflict on {field} — this copy: {here} · other copy: {there} — {settled}</source>
        <translation>“{field}”冲突——本副本：{here} · 另一副本：{there}——{settled}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>{what} has changes that are not saved.</source>
        <translation>{what}有尚未保存的修改。</translation>
    </message>
</context>
<context>
    <name>OrganizationLevels</name>
    <message>
        <source>That change is no longer in the history.</source>
        <translation>该修改已不在修改历史中。</translation>
    </message>
    <message>
        <source>No level recorded yet. Change level… records the level with the day it took effect and why.</source>
        <translation>尚未记录关系层级。“变更层级…”可记录层级及其生效日期和原因。</translation>
    </message>
    <message>
        <source>Change level…</source>
        <translation>变更层级…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected entry (Del); Ctrl+Z brings it back</source>
        <translation>移除所选条目（Del）；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Today: &lt;b&gt;{level}&lt;/b&gt;, since {date}.</source>
        <translation>今天：&lt;b&gt;{level}&lt;/b&gt;，自 {date} 起。</translation>
    </message>
    <message>
        <source>The level already changed on {date} (to {level}); edit that entry instead.</source>
        <translation>{date} 已有一次层级变更（变为{level}）；请改为编辑该条目。</translation>
    </message>
    <message>
        <source>Choose the level the relationship moved to.</source>
        <translation>请选择关系变更后的层级。</translation>
    </message>
    <message>
        <source>Change the level to {level}</source>
        <translation>将关系层级变更为{level}</translation>
    </message>
    <message>
        <source>Change the relationship level</source>
        <translation>变更关系层级</translation>
    </message>
    <message>
        <source>Edit the level change of {date}</source>
        <translation>编辑 {date} 的层级变更</translation>
    </message>
    <message>
        <source>Edit a level change</source>
        <translation>编辑层级变更</translation>
    </message>
    <message>
        <source>Remove the change to {level} of {date} from the history? Ctrl+Z brings it back.</source>
        <translation>从历史中移除 {date} 变更为{level}的记录？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Remove the level change of {date}</source>
        <translation>移除 {date} 的层级变更</translation>
    </message>
</context>
<context>
    <name>OrganizationPage</name>
    <message>
        <source>P&amp;eople</source>
        <translation>人员(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>往来时间线(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>后续事项(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>活动(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>关系层级(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>Record an interaction with this organization</source>
        <translation>记录与此组织的交往</translation>
    </message>
    <message>
        <source>Export dossier…</source>
        <translation>导出档案…</translation>
    </message>
    <message>
        <source>Save this organization's profile, people, timeline and follow-ups, as saved, as an Excel workbook (.xlsx)</source>
        <translation>将此组织已保存的概况、人员、往来时间线和后续事项保存为 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <source>also: {names}</source>
        <translation>又名：{names}</translation>
    </message>
    <message>
        <source>level today: {level}</source>
        <translation>当前关系层级：{level}</translation>
    </message>
    <message>
        <source>last contact {date}</source>
        <translation>最近联系：{date}</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
</context>
<context>
    <name>OrganizationsView</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>{filter}: {choice}</source>
        <translation>{filter}：{choice}</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Filter on the relationship level as it stood on this day (empty: today)</source>
        <translation>按该日期当时的关系层级筛选（留空：今天）</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>No contact for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Filter by any name or abbreviation…</source>
        <translation>按名称或简称筛选…</translation>
    </message>
    <message>
        <source>1 organization</source>
        <translation>1 个组织</translation>
    </message>
    <message>
        <source>{n:,} organizations</source>
        <translation>{n:,} 个组织</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>与…合并</translation>
    </message>
    <message>
        <source>Merge the two selected organizations (or this one with another)</source>
        <translation>合并所选的两个组织（或将此组织与另一组织合并）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <source>Delete {name}? You can undo this with Ctrl+Z.</source>
        <translation>删除{name}？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Participants</name>
    <message>
        <source>Organization: {names}</source>
        <translation>组织：{names}</translation>
    </message>
    <message>
        <source>Person: {names}</source>
        <translation>人员：{names}</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>Participants</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Add an organization or person: type a name or abbreviation</source>
        <translation>添加组织或人员：输入名称或简称</translation>
    </message>
    <message>
        <source>Type any name, alias or abbreviation, then press Enter to add the best match, or pick one from the list</source>
        <translation>输入任一名称、别名或简称，按 Enter 添加最佳匹配项，或从列表中选择</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected participants (Delete)</source>
        <translation>移除所选参与方（Delete）</translation>
    </message>
    <message>
        <source>No organization or person is called “{name}”. Create one with the buttons under the search box, or check the spelling.</source>
        <translation>没有名为“{name}”的组织或人员。可用搜索框下方的按钮新建，或检查拼写。</translation>
    </message>
    <message>
        <source>New organization “{name}”…</source>
        <translation>新建组织“{name}”…</translation>
    </message>
    <message>
        <source>New person “{name}”…</source>
        <translation>新建人员“{name}”…</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <source>{file} is encrypted. Enter its passphrase, or the recovery key that was shown when it was encrypted.</source>
        <translation>{file} 已加密。请输入口令，或加密时显示的恢复密钥。</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>加密此数据库</translation>
    </message>
    <message>
        <source>Choose a passphrase for {file}. Liaison will ask for it each time the database opens. A backup is made first, and the backups are encrypted too. Then a recovery key is shown once: it opens the file if the passphrase is forgotten.</source>
        <translation>请为 {file} 设置口令。每次打开数据库时 Liaison 都会询问口令。加密前会先做备份，备份也会一并加密。随后会显示一次恢复密钥：忘记口令时可用它打开文件。</translation>
    </message>
    <message>
        <source>{file} is encrypted; it asks for its passphrase when it opens.</source>
        <translation>{file} 已加密；打开时会询问口令。</translation>
    </message>
    <message>
        <source>Encrypting the database</source>
        <translation>正在加密数据库</translation>
    </message>
    <message>
        <source>Travel copy without encryption</source>
        <translation>不加密的出行副本</translation>
    </message>
    <message>
        <source>Anyone who finds or copies this file can read every record in it. Write it without encryption anyway?</source>
        <translation>任何捡到或复制此文件的人都能读取其中的全部记录。仍要不加密写出吗？</translation>
    </message>
    <message>
        <source>Write it unencrypted</source>
        <translation>不加密写出</translation>
    </message>
    <message>
        <source>Encrypt the travel copy</source>
        <translation>加密出行副本</translation>
    </message>
    <message>
        <source>A laptop on a trip can be lost. Choose a passphrase for the copy; Liaison there asks for it when the copy opens. A recovery key is shown once too.</source>
        <translation>出行中的笔记本电脑可能丢失。请为副本设置口令；在外打开副本时 Liaison 会询问口令。同时会显示一次恢复密钥。</translation>
    </message>
    <message>
        <source>&amp;Encrypt the copy (recommended)</source>
        <translation>加密副本(&amp;E)（推荐）</translation>
    </message>
    <message>
        <source>Protect the workbook</source>
        <translation>保护工作簿</translation>
    </message>
    <message>
        <source>Choose the password the workbook opens with. Tell it to its reader another way than the file (a call, a message): whoever has both can read every record in it.</source>
        <translation>请设定打开工作簿的密码。请通过文件以外的途径（电话、消息）告诉读者：同时拿到文件和密码的人可以读取其中的全部记录。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Passphrase or recovery key:</source>
        <translation>口令或恢复密钥：</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>Use at least {n} characters; a few words are easier to remember and harder to guess.</source>
        <translation>请至少使用 {n} 个字符；几个词组成的口令更好记，也更难猜。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Enter the passphrase, or the recovery key.</source>
        <translation>请输入口令或恢复密钥。</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>{file} is encrypted. If the passphrase is ever forgotten, this recovery key opens it. Print it or save it somewhere safe, away from this laptop: it is shown only now.</source>
        <translation>{file} 已加密。如果忘记口令，可用此恢复密钥打开它。请打印或保存在这台笔记本电脑以外的安全地方：它只在此时显示。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save to a file…</source>
        <translation>保存到文件(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>I have kept it</source>
        <translation>我已保存</translation>
    </message>
    <message>
        <source>Liaison recovery key for {file}:

{key}

It opens the database if its passphrase is forgotten. Keep it apart from the laptop.
</source>
        <translation>{file} 的 Liaison 恢复密钥：

{key}

忘记口令时可用它打开数据库。请与笔记本电脑分开保存。
</translation>
    </message>
    <message>
        <source>Print the recovery key</source>
        <translation>打印恢复密钥</translation>
    </message>
    <message>
        <source>Liaison recovery key</source>
        <translation>Liaison 恢复密钥</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>保存恢复密钥</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Liaison is locked</source>
        <translation>Liaison 已锁定</translation>
    </message>
    <message>
        <source>{file} locked itself after {n} minutes without use. Enter its passphrase to go on; nothing you were typing was lost.</source>
        <translation>{file} 在 {n} 分钟无操作后已自动锁定。请输入口令继续；您正在输入的内容都没有丢失。</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>{role}, {organization}</source>
        <translation>{role}（{organization}）</translation>
    </message>
    <message>
        <source>Filter by any name…</source>
        <translation>按姓名筛选…</translation>
    </message>
    <message>
        <source>Any nationality</source>
        <translation>所有国籍</translation>
    </message>
    <message>
        <source>Nobody matches these filters.</source>
        <translation>没有符合筛选条件的人员。</translation>
    </message>
    <message>
        <source>Nationality:</source>
        <translation>国籍：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>1 person</source>
        <translation>1 名人员</translation>
    </message>
    <message>
        <source>{n:,} people</source>
        <translation>{n:,} 名人员</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Delete “{name}”? You can undo this with Ctrl+Z.</source>
        <translation>删除“{name}”？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete people</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>Delete these {n} people: {names}{more}? You can undo this with Ctrl+Z.</source>
        <translation>删除以下 {n} 名人员：{names}{more}？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete {n} people</source>
        <translation>删除 {n} 名人员</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>与…合并</translation>
    </message>
    <message>
        <source>Merge the two selected people (or this person with another)</source>
        <translation>合并所选的两位人员（或将此人与另一人合并）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Position at {organization}</source>
        <translation>在{organization}的职务</translation>
    </message>
    <message>
        <source>Position at the organization</source>
        <translation>在该组织的职务</translation>
    </message>
    <message>
        <source>P&amp;ositions</source>
        <translation>职务(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Interactions</source>
        <translation>交往记录(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>活动(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>修改记录(&amp;H)</translation>
    </message>
    <message>
        <source>Record an interaction this person took part in</source>
        <translation>记录此人员参与的交往</translation>
    </message>
    <message>
        <source>also: {names}</source>
        <translation>又名：{names}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>语言：{languages}</translation>
    </message>
    <message>
        <source>last contact {date}</source>
        <translation>最近联系：{date}</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
    <message>
        <source>Now: {positions}</source>
        <translation>现任：{positions}</translation>
    </message>
    <message>
        <source>{role}, {organization}</source>
        <translation>{role}（{organization}）</translation>
    </message>
</context>
<context>
    <name>PositionsTab</name>
    <message>
        <source>Current</source>
        <translation>现任</translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>今日卸任</translation>
    </message>
    <message>
        <source>Until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>曾任</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>领导人</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>打开人员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open organization</source>
        <translation>打开组织(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;End position</source>
        <translation>结束任职(&amp;E)</translation>
    </message>
    <message>
        <source>The position ends today (Ctrl+Z undoes it)</source>
        <translation>该职务于今日结束（可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>&amp;Remove position</source>
        <translation>移除职务(&amp;R)</translation>
    </message>
    <message>
        <source>Remove a position entered by mistake (Del; Ctrl+Z undoes it)</source>
        <translation>移除误录入的职务（Del；可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Party &amp;leader</source>
        <translation>政党领导人(&amp;L)</translation>
    </message>
    <message>
        <source>The position leads its party (chair, president, secretary-general): it counts among an event's heads of party</source>
        <translation>该职务为政党领导职务（主席、总书记、总干事等）：计入活动的政党领导人人数</translation>
    </message>
    <message>
        <source>No positions recorded yet. Link an existing person below or add a new one.</source>
        <translation>尚未记录任何职务。请在下方关联已有人员，或添加新人员。</translation>
    </message>
    <message>
        <source>No positions recorded yet. Link an existing organization below.</source>
        <translation>尚未记录任何职务。请在下方关联已有组织。</translation>
    </message>
    <message>
        <source>Link an existing person</source>
        <translation>关联已有人员</translation>
    </message>
    <message>
        <source>Link an existing organization</source>
        <translation>关联已有组织</translation>
    </message>
    <message>
        <source>Type a name, alias or abbreviation, then Enter</source>
        <translation>输入名称、别名或简称，然后按 Enter</translation>
    </message>
    <message>
        <source>Type any of the person's names, then Enter</source>
        <translation>输入此人的任一姓名，然后按 Enter</translation>
    </message>
    <message>
        <source>Role, e.g. International Secretary</source>
        <translation>职务，如：国际书记</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>起始日期（年-月-日）</translation>
    </message>
    <message>
        <source>Until YYYY-MM-DD</source>
        <translation>结束日期（年-月-日）</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
    <message>
        <source>Not in Liaison yet?</source>
        <translation>Liaison 中尚无此人？</translation>
    </message>
    <message>
        <source>Add a &amp;new person…</source>
        <translation>添加新人员(&amp;N)…</translation>
    </message>
    <message>
        <source>A new person with this position (role and dates above are filled in for you)</source>
        <translation>新建担任此职务的人员（将自动填入上方的职务和日期）</translation>
    </message>
    <message>
        <source>Person: none chosen yet — type in the box above.</source>
        <translation>人员：尚未选择——请在上方输入框中输入。</translation>
    </message>
    <message>
        <source>Organization: none chosen yet — type in the box above.</source>
        <translation>组织：尚未选择——请在上方输入框中输入。</translation>
    </message>
    <message>
        <source>Person: {name} ({country})</source>
        <translation>人员：{name}（{country}）</translation>
    </message>
    <message>
        <source>Organization: {name} ({country})</source>
        <translation>组织：{name}（{country}）</translation>
    </message>
    <message>
        <source>Person: {name}</source>
        <translation>人员：{name}</translation>
    </message>
    <message>
        <source>Organization: {name}</source>
        <translation>组织：{name}</translation>
    </message>
    <message>
        <source>End position</source>
        <translation>结束任职</translation>
    </message>
    <message>
        <source>End position of {person}</source>
        <translation>结束{person}的任职</translation>
    </message>
    <message>
        <source>Mark {who} as party leader</source>
        <translation>将 {who} 标为政党领导人</translation>
    </message>
    <message>
        <source>Unmark {who} as party leader</source>
        <translation>取消 {who} 的政党领导人标记</translation>
    </message>
    <message>
        <source>Remove position</source>
        <translation>移除职务</translation>
    </message>
    <message>
        <source>Remove the position “{position}”? Ctrl+Z brings it back.</source>
        <translation>移除职务“{position}”？可按 Ctrl+Z 恢复。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>position {position}</source>
        <translation>职务“{position}”</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Put back the saved values</source>
        <translation>恢复为已保存的内容</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>ProgrammeEditor</name>
    <message>
        <source>until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>No items yet</source>
        <translation>尚无项目</translation>
    </message>
    <message>
        <source>Day {number}</source>
        <translation>第{number}天</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 个项目</translation>
    </message>
    <message>
        <source>{count} items</source>
        <translation>{count} 个项目</translation>
    </message>
    <message>
        <source>Participants: {names}</source>
        <translation>参与方：{names}</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加项目…</translation>
    </message>
    <message>
        <source>Add an item to the selected day</source>
        <translation>在所选日期添加日程项目</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit the selected item</source>
        <translation>编辑所选项目</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected item; Ctrl+Z brings it back</source>
        <translation>删除所选项目；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the item up (from the first place: to the end of the day before)</source>
        <translation>将项目上移（已在首位时移至前一天末尾）</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the item down (from the last place: to the start of the day after)</source>
        <translation>将项目下移（已在末位时移至后一天开头）</translation>
    </message>
    <message>
        <source>Move to day…</source>
        <translation>移至某天…</translation>
    </message>
    <message>
        <source>Move the item to another day of the visit</source>
        <translation>将项目移至访问的另一天</translation>
    </message>
    <message>
        <source>Copy day…</source>
        <translation>复制当天日程…</translation>
    </message>
    <message>
        <source>Copy the selected day's items onto another day</source>
        <translation>将所选日期的日程项目复制到另一天</translation>
    </message>
    <message>
        <source>Open meeting</source>
        <translation>打开会见记录</translation>
    </message>
    <message>
        <source>Open the meeting this item records: its participants, summary and outcomes</source>
        <translation>打开此项目所记录的会见：参与方、纪要和成果</translation>
    </message>
    <message>
        <source>This visit has been deleted.</source>
        <translation>此访问已被删除。</translation>
    </message>
    <message>
        <source>Add “{title}” to the programme</source>
        <translation>将“{title}”加入日程</translation>
    </message>
    <message>
        <source>Add a programme item</source>
        <translation>添加日程项目</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>编辑“{title}”</translation>
    </message>
    <message>
        <source>Edit a programme item</source>
        <translation>编辑日程项目</translation>
    </message>
    <message>
        <source>Delete “{title}” and the record of its meeting from the programme? Ctrl+Z brings them back.</source>
        <translation>从日程中删除“{title}”及其会见记录？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Delete “{title}” from the programme? Ctrl+Z brings it back.</source>
        <translation>从日程中删除“{title}”？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Delete programme item</source>
        <translation>删除日程项目</translation>
    </message>
    <message>
        <source>Delete “{title}”</source>
        <translation>删除“{title}”</translation>
    </message>
    <message>
        <source>Move “{title}”</source>
        <translation>移动“{title}”</translation>
    </message>
    <message>
        <source>Move to day</source>
        <translation>移至某天</translation>
    </message>
    <message>
        <source>Move “{title}” to the end of:</source>
        <translation>将“{title}”移至以下日期的末尾：</translation>
    </message>
    <message>
        <source>Copy day</source>
        <translation>复制当天日程</translation>
    </message>
    <message>
        <source>Copy the items of day {number} ({day}) onto:</source>
        <translation>将第{number}天（{day}）的日程项目复制到：</translation>
    </message>
    <message>
        <source>Copy {source} onto {target}</source>
        <translation>将 {source} 的日程复制到 {target}</translation>
    </message>
    <message>
        <source>From the visit</source>
        <translation>从本次访问中选</translation>
    </message>
    <message>
        <source>Add the people and organizations on the visit's two sides</source>
        <translation>添加本次访问双方的人员和组织</translation>
    </message>
    <message>
        <source>Everyone on both sides</source>
        <translation>双方全部人员和组织</translation>
    </message>
    <message>
        <source>A meeting of the visit names people and organizations on its two sides: add them to the visit's delegations first.</source>
        <translation>访问中的会见只能列入访问双方的人员和组织：请先将其加入本次访问的代表团。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>The meeting's own window: its participants, summary and outcomes</source>
        <translation>会见本身的窗口：参与方、纪要和成果</translation>
    </message>
    <message>
        <source>That change is no longer in the history.</source>
        <translation>该更改已不在历史记录中。</translation>
    </message>
</context>
<context>
    <name>QuickCreate</name>
    <message>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>Liaison has no organization of that name. Create it here and it joins the interaction; the rest of its profile can wait.</source>
        <translation>Liaison 中没有这个名称的组织。在此新建后，它会加入本次交往；其余资料可以以后再补。</translation>
    </message>
    <message>
        <source>Liaison has no person of that name. Create them here and they join the interaction; the rest of their profile can wait.</source>
        <translation>Liaison 中没有这个姓名的人员。在此新建后，此人会加入本次交往；其余资料可以以后再补。</translation>
    </message>
    <message>
        <source>&amp;Create and add</source>
        <translation>新建并加入(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; Your account on the team server may read, search and export, but not change anything (the viewer role). Ask the server's administrator for the editor role to make changes.</source>
        <translation>&lt;b&gt;只读。&lt;/b&gt;您在团队服务器上的账户可以阅读、搜索和导出，但不能修改任何内容（查看者角色）。如需修改，请向服务器管理员申请编辑者角色。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This database file (or its folder) is read-only: you can read, search and export, but not change anything. To work on it, save a copy.</source>
        <translation>&lt;b&gt;只读。&lt;/b&gt;此数据库文件（或其所在文件夹）为只读：可以查看、查找和导出，但不能做任何修改。如需在其上工作，请保存一份副本。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This database cannot be changed, so this record cannot be saved.</source>
        <translation>&lt;b&gt;只读。&lt;/b&gt;此数据库不能修改，因此这条记录无法保存。</translation>
    </message>
    <message>
        <source>Save a copy to work on…</source>
        <translation>保存副本并在副本上工作…</translation>
    </message>
</context>
<context>
    <name>Readable</name>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>an Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>an Excel binary workbook</source>
        <translation>Excel 二进制工作簿</translation>
    </message>
    <message>
        <source>an Excel 97-2003 workbook</source>
        <translation>Excel 97-2003 工作簿</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet</source>
        <translation>OpenDocument 电子表格</translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <source>“{name}” is {what}, not a spreadsheet; Liaison reads Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and text (.csv, .tsv) files.</source>
        <translation>“{name}”是{what}，不是电子表格；Liaison 可读取 Excel（.xlsx、.xlsm、.xls）、OpenDocument（.ods）和文本（.csv、.tsv）文件。</translation>
    </message>
    <message>
        <source>“{name}” is not a spreadsheet; Liaison reads Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) and text (.csv, .tsv) files.</source>
        <translation>“{name}”不是电子表格；Liaison 可读取 Excel（.xlsx、.xlsm、.xls）、OpenDocument（.ods）和文本（.csv、.tsv）文件。</translation>
    </message>
    <message>
        <source>“{name}” could not be read as {what}: it may be damaged or written by a program Liaison does not understand; open it in a spreadsheet program, save it as .xlsx, and import that copy.</source>
        <translation>无法将“{name}”作为{what}读取：文件可能已损坏，或由 Liaison 无法识别的程序生成；请在电子表格程序中打开，另存为 .xlsx，然后导入该副本。</translation>
    </message>
    <message>
        <source>“{name}” changed while Liaison was reading it; wait until the program writing it has finished, then import it again.</source>
        <translation>“{name}”在 Liaison 读取期间发生了变化；请等待写入该文件的程序完成后再重新导入。</translation>
    </message>
    <message>
        <source>“{name}” holds a NUL character at line {line}, which a text table never does, so the file is damaged or not a table; ask for a fresh copy.</source>
        <translation>“{name}”第 {line} 行含有 NUL 字符，文本表格中不会出现此字符，因此该文件已损坏或并非表格；请重新获取一份副本。</translation>
    </message>
    <message>
        <source>“{name}” declares XML entities of its own, which spreadsheet programs never write but files made to exhaust memory or to read other files do, so Liaison does not open it.</source>
        <translation>“{name}”自行声明了 XML 实体，电子表格程序从不写入此类内容，而为耗尽内存或读取其他文件而特制的文件会这样做，因此 Liaison 不予打开。</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password: give its password to import it.</source>
        <translation>“{name}”受密码保护：请提供密码以导入。</translation>
    </message>
    <message>
        <source>That password does not open “{name}”; check it (letters are case-sensitive) and try again.</source>
        <translation>该密码无法打开“{name}”；请检查（字母区分大小写）后重试。</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>JPEG 图片</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>GIF 图片</translation>
    </message>
    <message>
        <source>a RAR archive</source>
        <translation>RAR 压缩包</translation>
    </message>
    <message>
        <source>a 7-Zip archive</source>
        <translation>7-Zip 压缩包</translation>
    </message>
    <message>
        <source>a gzip archive</source>
        <translation>gzip 压缩包</translation>
    </message>
    <message>
        <source>an RTF document</source>
        <translation>RTF 文档</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a spreadsheet file.</source>
        <translation>“{name}”是文件夹，不是电子表格文件。</translation>
    </message>
    <message>
        <source>“{name}” was not found; it may have been moved or deleted.</source>
        <translation>找不到“{name}”，它可能已被移动或删除。</translation>
    </message>
    <message>
        <source>Liaison is not allowed to read “{name}”.</source>
        <translation>Liaison 无权读取“{name}”。</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation>无法读取“{name}”（{reason}）。</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>系统拒绝访问</translation>
    </message>
    <message>
        <source>“{name}” is empty (0 bytes), so it holds no spreadsheet.</source>
        <translation>“{name}”是空文件（0 字节），不含电子表格。</translation>
    </message>
    <message>
        <source>“{name}” is {size:,.0f} MB, larger than the {limit} MB Liaison imports; split it into smaller files and import them one at a time.</source>
        <translation>“{name}”大小为 {size:,.0f} MB，超过 Liaison 可导入的上限 {limit} MB；请将其拆分为较小的文件后逐个导入。</translation>
    </message>
    <message>
        <source>“{name}” is damaged or incomplete (perhaps a download that did not finish), so it cannot be unpacked; ask for a fresh copy.</source>
        <translation>“{name}”已损坏或不完整（可能未下载完成），无法解压；请重新获取一份副本。</translation>
    </message>
    <message>
        <source>“{name}” is damaged, so it cannot be unpacked; ask for a fresh copy.</source>
        <translation>“{name}”已损坏，无法解压；请重新获取一份副本。</translation>
    </message>
    <message>
        <source>“{name}” is a zip of {count:,} parts, far more than a spreadsheet has, as files made to exhaust memory are, so Liaison does not open it.</source>
        <translation>“{name}”是包含 {count:,} 个部分的压缩包，远多于任何电子表格，这是为耗尽内存而特制的文件的特征，因此 Liaison 不予打开。</translation>
    </message>
    <message>
        <source>“{name}” holds a cell of more than {limit:,} characters, Excel's limit for one cell; shorten it in a spreadsheet program, save, and import again.</source>
        <translation>“{name}”中有单元格超过 {limit:,} 个字符，即 Excel 单个单元格的上限；请在电子表格程序中缩短其内容，保存后重新导入。</translation>
    </message>
    <message>
        <source>“{name}” unpacks to {size:,.0f} MB, far more than a spreadsheet Liaison can import; it may be damaged or made to exhaust memory.</source>
        <translation>“{name}”解压后达 {size:,.0f} MB，远超 Liaison 可导入的电子表格大小；该文件可能已损坏，或是为耗尽内存而特制的。</translation>
    </message>
    <message>
        <source>“{name}” holds a part that unpacks to hundreds of times its size, as files made to exhaust memory do, so Liaison does not open it.</source>
        <translation>“{name}”中有部分内容解压后膨胀至原大小的数百倍，这是为耗尽内存而特制的文件的特征，因此 Liaison 不予打开。</translation>
    </message>
    <message>
        <source>“{name}” is an Apple Numbers document; export it from Numbers as Excel (.xlsx) and import that file.</source>
        <translation>“{name}”是 Apple Numbers 文稿；请在 Numbers 中将其导出为 Excel（.xlsx）文件，然后导入该文件。</translation>
    </message>
    <message>
        <source>“{name}” is a zip archive holding “{inside}”; unpack it and import that file.</source>
        <translation>“{name}”是包含“{inside}”的 zip 压缩包；请解压后导入该文件。</translation>
    </message>
    <message>
        <source>“{name}” is an empty zip archive, not a spreadsheet.</source>
        <translation>“{name}”是空的 zip 压缩包，不是电子表格。</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>zip 压缩包</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>a PowerPoint presentation</source>
        <translation>PowerPoint 演示文稿</translation>
    </message>
    <message>
        <source>“{name}” is a web page (HTML) rather than a spreadsheet; open it in a spreadsheet program, save it as .xlsx, and import that copy.</source>
        <translation>“{name}”是网页（HTML），不是电子表格；请在电子表格程序中打开，另存为 .xlsx，然后导入该副本。</translation>
    </message>
    <message>
        <source>“{name}” is an Excel 2003 XML spreadsheet, which Liaison does not read; open it in a spreadsheet program, save it as .xlsx, and import that copy.</source>
        <translation>“{name}”是 Excel 2003 XML 电子表格，Liaison 无法读取此格式；请在电子表格程序中打开，另存为 .xlsx，然后导入该副本。</translation>
    </message>
    <message>
        <source>an XML file</source>
        <translation>XML 文件</translation>
    </message>
    <message>
        <source>“{encoding}” is not an encoding Liaison knows; try UTF-8, GB18030 or Big5.</source>
        <translation>Liaison 不识别编码“{encoding}”；请尝试 UTF-8、GB18030 或 Big5。</translation>
    </message>
    <message>
        <source>“{name}” contains only charts, so there is nothing to import.</source>
        <translation>“{name}”只含图表，无可导入的内容。</translation>
    </message>
    <message>
        <source>“{name}” contains no sheets, so there is nothing to import.</source>
        <translation>“{name}”不含任何工作表，无可导入的内容。</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names}及另外 {count} 个</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names}和{last}</translation>
    </message>
    <message>
        <source>“{name}” has no sheet named “{sheet}”; its sheets are {sheets}.</source>
        <translation>“{name}”中没有名为“{sheet}”的工作表；现有工作表为 {sheets}。</translation>
    </message>
    <message>
        <source>“{name}” could not be read at line {line}: a field runs on for more than 131,072 characters, which usually means a quotation mark is never closed.</source>
        <translation>无法读取“{name}”第 {line} 行：某个字段超过 131,072 个字符，这通常是因为引号未闭合。</translation>
    </message>
    <message>
        <source>“{name}” could not be read at line {line}: the text is not laid out as a table.</source>
        <translation>无法读取“{name}”第 {line} 行：文本不是表格格式。</translation>
    </message>
    <message>
        <source>“{name}” could not be read at line {line}: it runs on for more than {limit:,} characters, far longer than a row of a table, so the file is damaged or not a table; ask for a fresh copy.</source>
        <translation>无法读取“{name}”第 {line} 行：该行超过 {limit:,} 个字符，远长于表格中的任何一行，因此该文件已损坏或并非表格；请重新获取一份副本。</translation>
    </message>
    <message>
        <source>Liaison could not read the cells of sheet “{sheet}” in “{name}”; open it in a spreadsheet program, save it as .xlsx, and import that copy.</source>
        <translation>Liaison 无法读取“{name}”中工作表“{sheet}”的单元格；请在电子表格程序中打开，另存为 .xlsx，然后导入该副本。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” in “{name}” has cells spread from A1 to {corner}, more than the {limit} million cells Liaison imports from one sheet; delete the stray cells far below or to the right of your data, save, and import again.</source>
        <translation>“{name}”中工作表“{sheet}”的单元格范围从 A1 延伸到 {corner}，超过 Liaison 单个工作表 {limit} 百万个单元格的导入上限；请删除数据下方或右侧远处的零散单元格，保存后重新导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” in “{name}” has a cell ({cell}) holding more than {limit:,} characters, Excel's limit for one cell; shorten it in a spreadsheet program, save, and import again.</source>
        <translation>“{name}”中工作表“{sheet}”的单元格（{cell}）超过 {limit:,} 个字符，即 Excel 单个单元格的上限；请在电子表格程序中缩短其内容，保存后重新导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” in “{name}” has a cell holding more than {limit:,} characters, Excel's limit for one cell; shorten it in a spreadsheet program, save, and import again.</source>
        <translation>“{name}”中工作表“{sheet}”有单元格超过 {limit:,} 个字符，即 Excel 单个单元格的上限；请在电子表格程序中缩短其内容，保存后重新导入。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}” in “{name}” could not be read: the file may be damaged; open it in a spreadsheet program, save it as .xlsx, and import that copy.</source>
        <translation>无法读取“{name}”中的工作表“{sheet}”：文件可能已损坏；请在电子表格程序中打开，另存为 .xlsx，然后导入该副本。</translation>
    </message>
    <message>
        <source>The cell holds a formula with no saved value; open the file in a spreadsheet program, save it, and import again.</source>
        <translation>单元格中的公式没有保存计算结果；请在电子表格程序中打开该文件，保存后重新导入。</translation>
    </message>
    <message>
        <source>The cell holds an error.</source>
        <translation>单元格中含有错误值。</translation>
    </message>
    <message>
        <source>The cell holds the error {code}.</source>
        <translation>单元格中含有错误值 {code}。</translation>
    </message>
    <message>
        <source>an OpenDocument file of another kind</source>
        <translation>其他类型的 OpenDocument 文件</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a real date: {year} is not a year.</source>
        <translation>{label}“{value}”不是真实存在的日期：{year} 不是有效年份。</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a real date: {month} {year} has {days} days.</source>
        <translation>{label}“{value}”不是真实存在的日期：{year}年{month}只有 {days} 天。</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a real date: there is no month {month}.</source>
        <translation>{label}“{value}”不是真实存在的日期：没有{month}月。</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a date.</source>
        <translation>{label}“{value}”不是日期。</translation>
    </message>
    <message>
        <source>{label} is the number {value:g}, not a date; format the column as dates or write them as YYYY-MM-DD.</source>
        <translation>{label}为数字 {value:g}，不是日期；请将该列设为日期格式，或按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>{label} “{value}” could be {one} or {other}; say whether the day or the month comes first.</source>
        <translation>{label}“{value}”可能是{one}，也可能是{other}；请说明日在前还是月在前。</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a date Liaison can read; write it as YYYY-MM-DD (for example 2024-06-27).</source>
        <translation>{label}“{value}”不是 Liaison 可识别的日期；请按 YYYY-MM-DD 格式填写（例如 2024-06-27）。</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{month}{day}日</translation>
    </message>
    <message>
        <source>1 more line of the file could not be read and was ignored.</source>
        <translation>文件中另有 1 行无法读取，已忽略。</translation>
    </message>
    <message>
        <source>{count:,} more lines of the file could not be read and were ignored.</source>
        <translation>文件中另有 {count:,} 行无法读取，已忽略。</translation>
    </message>
    <message>
        <source>The photo on 1 card was left out: Liaison does not keep pictures of people.</source>
        <translation>1 张名片上的照片未导入：Liaison 不保存人物照片。</translation>
    </message>
    <message>
        <source>The photos on {count:,} cards were left out: Liaison does not keep pictures of people.</source>
        <translation>{count:,} 张名片上的照片未导入：Liaison 不保存人物照片。</translation>
    </message>
    <message>
        <source>“{name}” holds no contact card Liaison can import: {reason}</source>
        <translation>“{name}”中没有 Liaison 可以导入的联系人名片：{reason}</translation>
    </message>
    <message>
        <source>“{name}” holds no contact cards, so there is nothing to import.</source>
        <translation>“{name}”中没有联系人名片，没有可导入的内容。</translation>
    </message>
    <message>
        <source>Line {line}: “{name}” is the card of an organization, not a person, so it was not imported.</source>
        <translation>第 {line} 行：“{name}”是组织的名片，而不是个人的，因此未导入。</translation>
    </message>
    <message>
        <source>Line {line}: “{name}” is marked as “{kind}”, not a person, so it was not imported.</source>
        <translation>第 {line} 行：“{name}”标为“{kind}”，不是个人，因此未导入。</translation>
    </message>
    <message>
        <source>Line {line} of the file is outside any contact card and was ignored: “{text}”.</source>
        <translation>文件第 {line} 行不在任何联系人名片之内，已忽略：“{text}”。</translation>
    </message>
    <message>
        <source>Line {line}: the contact card of “{name}” that begins here has no END:VCARD line, so it was not imported.</source>
        <translation>第 {line} 行：从此处开始的“{name}”的联系人名片缺少 END:VCARD 行，因此未导入。</translation>
    </message>
    <message>
        <source>Line {line}: the contact card that begins here has no END:VCARD line, so it was not imported.</source>
        <translation>第 {line} 行：从此处开始的联系人名片缺少 END:VCARD 行，因此未导入。</translation>
    </message>
    <message>
        <source>Line {line} of the file is not a vCard line and was ignored: “{text}”.</source>
        <translation>文件第 {line} 行不是 vCard 格式的内容，已忽略：“{text}”。</translation>
    </message>
    <message>
        <source>Some characters of “{text}” could not be read as {encoding} (shown as �); correct them in the file, or choose the file's encoding, and import again.</source>
        <translation>“{text}”中有字符无法按 {encoding} 读取（显示为 �）；请在文件中更正这些字符，或选择该文件的编码，然后重新导入。</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>清除筛选条件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Delete organization…</source>
        <translation>删除组织…</translation>
    </message>
    <message>
        <source>Delete this organization (Del); Ctrl+Z undoes it</source>
        <translation>删除此组织（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Delete organization</source>
        <translation>删除组织</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>新建组织</translation>
    </message>
    <message>
        <source>The new organization</source>
        <translation>新组织</translation>
    </message>
    <message>
        <source>This organization has been deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>此组织已被删除。撤销（Ctrl+Z）可将其恢复。</translation>
    </message>
    <message>
        <source>{who} changed this organization while you were editing it. Your edits are still in the form and were not saved.</source>
        <translation>在您编辑期间，{who}修改了此组织。您的编辑仍保留在表单中，尚未保存。</translation>
    </message>
    <message>
        <source>This organization was changed elsewhere while you were editing it.</source>
        <translation>在您编辑期间，此组织已在别处被修改。</translation>
    </message>
    <message>
        <source>Delete person…</source>
        <translation>删除人员…</translation>
    </message>
    <message>
        <source>Delete this person (Del); Ctrl+Z undoes it</source>
        <translation>删除此人员（Del），可按 Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <source>The new person</source>
        <translation>新人员</translation>
    </message>
    <message>
        <source>This person has been deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>此人员已被删除。撤销（Ctrl+Z）可将其恢复。</translation>
    </message>
    <message>
        <source>{who} changed this person while you were editing it. Your edits are still in the form and were not saved.</source>
        <translation>在您编辑期间，{who}修改了此人员。您的编辑仍保留在表单中，尚未保存。</translation>
    </message>
    <message>
        <source>This person was changed elsewhere while you were editing it.</source>
        <translation>在您编辑期间，此人员已在别处被修改。</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>概况(&amp;P)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Load the saved version again (F5)</source>
        <translation>重新加载已保存的版本（F5）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Fill in the profile and save; the other tabs open then.</source>
        <translation>请填写概况并保存，之后即可打开其他选项卡。</translation>
    </message>
    <message>
        <source>Discard your unsaved edits and load the saved version?</source>
        <translation>放弃未保存的编辑并加载已保存的版本？</translation>
    </message>
    <message>
        <source>Discard and reload</source>
        <translation>放弃并重新加载</translation>
    </message>
    <message>
        <source>Compare and save…</source>
        <translation>比较并保存…</translation>
    </message>
    <message>
        <source>Reload, keep my edits</source>
        <translation>重新加载，保留我的编辑</translation>
    </message>
    <message>
        <source>Reload, discard my edits</source>
        <translation>重新加载，放弃我的编辑</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete “{name}”? You can undo this with Ctrl+Z.</source>
        <translation>删除“{name}”？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>There is no {noun} with id {id}.</source>
        <translation>不存在编号为 {id} 的{noun}。</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Member of a visit</source>
        <translation>访问成员</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>日程项目</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>affiliation</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>interaction</source>
        <translation>交往</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>后续事项</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>member of a visit</source>
        <translation>访问成员</translation>
    </message>
    <message>
        <source>programme item</source>
        <translation>日程项目</translation>
    </message>
    <message>
        <source>gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>session</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>delegate</source>
        <translation>代表团成员</translation>
    </message>
    <message>
        <source>level change</source>
        <translation>关系层级变更</translation>
    </message>
    <message>
        <source>{field} {old} → {new} by {who} at {at}</source>
        <translation>{field}：{old} → {new}（{who}，{at}）</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某用户</translation>
    </message>
    <message>
        <source>This {noun} was changed by someone else since you opened it: {changes}.</source>
        <translation>您打开此{noun}后，他人已对其作了修改：{changes}。</translation>
    </message>
    <message>
        <source>This {noun} was deleted by someone else since you opened it.</source>
        <translation>您打开此{noun}后，他人已将其删除。</translation>
    </message>
    <message>
        <source>This {noun} was changed by someone else since you opened it (version {expected} → {actual}).</source>
        <translation>您打开此{noun}后，他人已对其作了修改（版本 {expected} → {actual}）。</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>邀请</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>代表团成员</translation>
    </message>
    <message>
        <source>Level change</source>
        <translation>关系层级变更</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Roles belong to a team's PostgreSQL server; a database file is protected by its file permissions and its encryption.</source>
        <translation>角色属于团队的 PostgreSQL 服务器；数据库文件由其文件权限和加密保护。</translation>
    </message>
    <message>
        <source>The server account {user} may not create roles. Run server-setup as an account with the CREATEROLE right (or ask the server's administrator: ALTER ROLE {user} CREATEROLE).</source>
        <translation>服务器账户 {user} 无权创建角色。请用拥有 CREATEROLE 权限的账户运行 server-setup（或请服务器管理员执行：ALTER ROLE {user} CREATEROLE）。</translation>
    </message>
    <message>
        <source>{login} has no account on the server yet: give it a password to make one.</source>
        <translation>{login} 在服务器上还没有账户：请提供密码以新建。</translation>
    </message>
    <message>
        <source>The server did not make the account {login}: {reason}.</source>
        <translation>服务器未能创建账户 {login}：{reason}。</translation>
    </message>
</context>
<context>
    <name>Seed</name>
    <message>
        <source>“{size}” is not a demo size; choose small, medium or large.</source>
        <translation>“{size}”不是有效的演示数据规模；请选择 small、medium 或 large。</translation>
    </message>
    <message>
        <source>The database already holds {count} organizations; demo data goes into an empty database (choose another file with --db).</source>
        <translation>数据库中已有 {count} 个组织；演示数据只能载入空数据库（请用 --db 另选文件）。</translation>
    </message>
    <message>
        <source>Demo data was not loaded (cancelled); nothing was written.</source>
        <translation>演示数据未载入（已取消），未写入任何内容。</translation>
    </message>
    <message>
        <source>Chinese name to confirm</source>
        <translation>中文名待确认</translation>
    </message>
    <message>
        <source>Starter register of world parties: Party Facts (https://partyfacts.herokuapp.com), Döring, Holger and Sven Regel, MIT licence, Party Facts authors.</source>
        <translation>世界政党初始名录：Party Facts（https://partyfacts.herokuapp.com），Döring, Holger 与 Sven Regel，MIT 许可证，Party Facts 作者。</translation>
    </message>
    <message>
        <source>The starter register was not loaded (cancelled).</source>
        <translation>初始名录未载入（已取消）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Original script (as the organization writes it)</source>
        <translation>原文（按该组织自己的写法）</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese 中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Your name as it appears in every record's history</source>
        <translation>您的姓名，将显示在每条记录的修改记录中</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Show names in:</source>
        <translation>名称显示为：</translation>
    </message>
    <message>
        <source>daily,</source>
        <translation>份每日备份，</translation>
    </message>
    <message>
        <source>before imports, merges and restores</source>
        <translation>份导入、合并和恢复前的备份</translation>
    </message>
    <message>
        <source>Keep the last backups:</source>
        <translation>保留最近的备份：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>An encrypted database hides its windows and asks for the passphrase again after this long without use</source>
        <translation>加密的数据库在无操作达到此时长后会隐藏窗口并再次询问口令</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 岁</translation>
    </message>
    <message>
        <source>An event's participation profile counts attendees under this age as young people (for the whole office, in this database)</source>
        <translation>活动的参与情况统计把低于此年龄的出席者计为青年（全办公室通用，保存在本数据库中）</translation>
    </message>
    <message>
        <source>Young people are under:</source>
        <translation>青年年龄界限：</translation>
    </message>
    <message>
        <source>Other database files open from File ▸ Open database…; a team's PostgreSQL server, by starting Liaison with &lt;code&gt;--db URL&lt;/code&gt; or setting &lt;code&gt;LIAISON_DB&lt;/code&gt;.</source>
        <translation>其他数据库文件可从“文件 ▸ 打开数据库…”打开；团队的 PostgreSQL 服务器，请用 &lt;code&gt;--db URL&lt;/code&gt; 启动 Liaison，或设置 &lt;code&gt;LIAISON_DB&lt;/code&gt;。</translation>
    </message>
    <message>
        <source>Restart Liaison</source>
        <translation>重新启动 Liaison</translation>
    </message>
    <message>
        <source>Liaison speaks the new language from its next start. Restart it now? (Your work is saved as you go.)</source>
        <translation>Liaison 将在下次启动时使用新语言。是否立即重新启动？（您的工作已随时保存。）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>SimilarDialog</name>
    <message>
        <source>This organization may already exist</source>
        <translation>该组织可能已存在</translation>
    </message>
    <message>
        <source>Liaison already has 1 organization with a similar name. Open the existing one instead of creating a duplicate?</source>
        <translation>Liaison 中已有 1 个名称相似的组织。是否打开现有组织，而不新建重复记录？</translation>
    </message>
    <message>
        <source>Liaison already has {count} organizations with a similar name. Open the existing one instead of creating a duplicate?</source>
        <translation>Liaison 中已有 {count} 个名称相似的组织。是否打开现有组织，而不新建重复记录？</translation>
    </message>
    <message>
        <source>This person may already exist</source>
        <translation>该人员可能已存在</translation>
    </message>
    <message>
        <source>Liaison already has 1 person with a similar name. Open the existing one instead of creating a duplicate?</source>
        <translation>Liaison 中已有 1 名姓名相似的人员。是否打开现有人员，而不新建重复记录？</translation>
    </message>
    <message>
        <source>Liaison already has {count} people with a similar name. Open the existing one instead of creating a duplicate?</source>
        <translation>Liaison 中已有 {count} 名姓名相似的人员。是否打开现有人员，而不新建重复记录？</translation>
    </message>
    <message>
        <source>Same abbreviation</source>
        <translation>简称相同</translation>
    </message>
    <message>
        <source>Name is its abbreviation</source>
        <translation>名称即简称</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>Similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <source>{name}
matched: {matched}</source>
        <translation>{name}
匹配：{matched}</translation>
    </message>
    <message>
        <source>&amp;Open the existing one</source>
        <translation>打开现有记录(&amp;O)</translation>
    </message>
    <message>
        <source>Create &amp;anyway</source>
        <translation>仍然新建(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>SQLite integrity check: {line}</source>
        <translation>SQLite 完整性检查：{line}</translation>
    </message>
    <message>
        <source>Row {row} of {table} points to a missing {parent} record.</source>
        <translation>{table} 表第 {row} 行引用的 {parent} 记录不存在。</translation>
    </message>
    <message>
        <source>{n} participations without an interaction.</source>
        <translation>{n} 条参与记录没有所属的交往。</translation>
    </message>
    <message>
        <source>{n} participations naming a missing organization.</source>
        <translation>{n} 条参与记录指向不存在的组织。</translation>
    </message>
    <message>
        <source>{n} participations naming a missing person.</source>
        <translation>{n} 条参与记录指向不存在的人员。</translation>
    </message>
    <message>
        <source>{n} participations with both or neither participant.</source>
        <translation>{n} 条参与记录同时填写了组织和人员，或两者均未填写。</translation>
    </message>
    <message>
        <source>{n} positions of a missing person or organization.</source>
        <translation>{n} 条职务记录所属的人员或组织不存在。</translation>
    </message>
    <message>
        <source>{n} follow-ups linked to a missing record.</source>
        <translation>{n} 条后续事项关联的记录不存在。</translation>
    </message>
    <message>
        <source>{n} interactions ending before they start.</source>
        <translation>{n} 条交往的结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>{n} participations whose timeline date differs from their interaction's start.</source>
        <translation>{n} 条参与记录在往来时间线上的日期与所属交往的开始日期不一致。</translation>
    </message>
    <message>
        <source>{n} organizations show a last contact or interaction count that does not match their interactions.</source>
        <translation>{n} 个组织显示的最近联系日期或交往次数与其交往记录不符。</translation>
    </message>
    <message>
        <source>The schema is at {current}, not {head}.</source>
        <translation>数据库结构版本为 {current}，而非 {head}。</translation>
    </message>
    <message>
        <source>Backups of a PostgreSQL server are made with the server's own tools (pg_dump); Liaison backs up local database files.</source>
        <translation>PostgreSQL 服务器须使用服务器自带的工具（pg_dump）备份；Liaison 只备份本地数据库文件。</translation>
    </message>
    <message>
        <source>{tool} is not installed here. Install the PostgreSQL client tools, or run this where they are:
{command}</source>
        <translation>本机未安装 {tool}。请安装 PostgreSQL 客户端工具，或在已安装的机器上运行：
{command}</translation>
    </message>
    <message>
        <source>{tool} did not run: {reason}.</source>
        <translation>{tool} 未能运行：{reason}。</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>{tool} 执行失败：{reason}</translation>
    </message>
    <message>
        <source>{file} is not a pg_dump archive of a Liaison database (liaison backup makes one from a server).</source>
        <translation>{file} 不是 Liaison 数据库的 pg_dump 归档（可用 liaison backup 从服务器生成）。</translation>
    </message>
    <message>
        <source>{path} is the open database itself; choose another name for the copy.</source>
        <translation>{path} 就是当前打开的数据库本身；请为副本另取一个名称。</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name for the copy.</source>
        <translation>{path} 是一个文件夹；请为副本指定文件名。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>There is no backup file {file}.</source>
        <translation>备份文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>{file} is not a Liaison backup (it is not a SQLite file).</source>
        <translation>{file} 不是 Liaison 备份（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{file} is not a Liaison backup (it holds no Liaison data).</source>
        <translation>{file} 不是 Liaison 备份（其中没有 Liaison 数据）。</translation>
    </message>
    <message>
        <source>{file} is the database itself; choose a backup copy to restore.</source>
        <translation>{file} 是数据库本身；请选择一个备份副本进行恢复。</translation>
    </message>
    <message>
        <source>{target} is read-only: nothing can be restored into it. Make the file and its folder writable, or restore into another file.</source>
        <translation>{target} 为只读，无法向其恢复任何内容。请将该文件及其文件夹设为可写，或恢复到另一个文件。</translation>
    </message>
    <message>
        <source>Cannot restore {file} into {target}: {reason}.</source>
        <translation>无法将 {file} 恢复到 {target}：{reason}。</translation>
    </message>
    <message>
        <source>“{target}” is not a database path or URL Liaison understands.</source>
        <translation>Liaison 无法识别数据库路径或 URL“{target}”。</translation>
    </message>
    <message>
        <source>Liaison works with SQLite files and PostgreSQL servers, not “{backend}”.</source>
        <translation>Liaison 支持 SQLite 文件和 PostgreSQL 服务器，不支持“{backend}”。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Liaison database file.</source>
        <translation>{path} 是文件夹，不是 Liaison 数据库文件。</translation>
    </message>
    <message>
        <source>Cannot make a database in {path}: the file is empty and read-only.</source>
        <translation>无法在 {path} 中建立数据库：该文件为空且只读。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {reason}.</source>
        <translation>无法创建文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot create a database in {folder}: the folder is read-only.</source>
        <translation>无法在 {folder} 中创建数据库：该文件夹为只读。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}.</source>
        <translation>无法打开 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{where} is not a Liaison database (it is not a SQLite file).</source>
        <translation>{where}不是 Liaison 数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>{where} is busy: another program is writing to it. Try again in a moment.</source>
        <translation>{where}正忙：另一个程序正在写入。请稍后重试。</translation>
    </message>
    <message>
        <source>{where} is read-only; Liaison cannot save changes to it.</source>
        <translation>{where}为只读，Liaison 无法保存对其所做的修改。</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again. Nothing was saved.</source>
        <translation>磁盘已满，请释放部分空间后重试。未保存任何内容。</translation>
    </message>
    <message>
        <source>{where} could not be written: the system reported a disk error (the disk may be full, removed or failing). Nothing was saved; free some space or check the drive, and try again.</source>
        <translation>无法写入 {where}：系统报告磁盘错误（磁盘可能已满、已被移除或出现故障）。未保存任何内容；请释放空间或检查磁盘后重试。</translation>
    </message>
    <message>
        <source>{where} is damaged (SQLite reports a malformed database); restore it from a backup.</source>
        <translation>{where}已损坏（SQLite 报告数据库格式错误），请从备份中恢复。</translation>
    </message>
    <message>
        <source>Cannot open {where}: the file or its folder is missing or locked.</source>
        <translation>无法打开{where}：文件或其所在文件夹不存在或已被锁定。</translation>
    </message>
    <message>
        <source>Cannot reach the database server: {reason}</source>
        <translation>无法连接数据库服务器：{reason}</translation>
    </message>
    <message>
        <source>The database file {path} is no longer there (moved, deleted, or its drive was removed). Nothing more was saved; put it back or open another.</source>
        <translation>数据库文件 {path} 已不存在（已被移动、删除，或其所在驱动器已移除）。此后的内容均未保存；请将其放回原处，或打开其他数据库。</translation>
    </message>
    <message>
        <source>Your account on {where} may only read the records (the team's viewer role); ask the server's administrator for the editor role to change them.</source>
        <translation>您在 {where} 上的账户只能读取记录（团队的查看者角色）；如需修改，请向服务器管理员申请编辑者角色。</translation>
    </message>
    <message>
        <source>{where} is open read-only, so nothing can be changed in it. Save a copy (File ▸ Save a copy…) to work on, or make the file writable and open it again.</source>
        <translation>{where} 以只读方式打开，其中的内容不能修改。请保存一份副本（文件 ▸ 保存副本…）在副本上工作，或将该文件设为可写后重新打开。</translation>
    </message>
    <message>
        <source>Cannot write a backup in {folder}: {reason}.</source>
        <translation>无法在 {folder} 中写入备份：{reason}。</translation>
    </message>
    <message>
        <source>Cannot back up {path} to {destination}: {reason}.</source>
        <translation>无法将 {path} 备份到 {destination}：{reason}。</translation>
    </message>
    <message>
        <source>{where} was written by a newer version of Liaison (schema {revision}); update Liaison to open it. Nothing in it was changed.</source>
        <translation>{where}由更高版本的 Liaison 写入（数据库结构版本 {revision}），请升级 Liaison 后再打开。其中内容未作任何更改。</translation>
    </message>
    <message>
        <source>{where} holds tables but is not a Liaison database; Liaison will not touch it.</source>
        <translation>{where}包含数据表，但不是 Liaison 数据库；Liaison 不会对其进行任何操作。</translation>
    </message>
    <message>
        <source>There is no Liaison database at {path}. Check the path, or make a new database there with “liaison init {path}”.</source>
        <translation>{path} 处没有 Liaison 数据库。请检查路径，或用“liaison init {path}”在此处新建数据库。</translation>
    </message>
    <message>
        <source>{path} is read-only and was made by an earlier Liaison: it must be upgraded before it can be opened, which means writing to it. Copy it somewhere writable and open the copy.</source>
        <translation>{path} 为只读，且由较早版本的 Liaison 建立：打开前必须升级，而升级需要写入该文件。请将它复制到可写的位置，再打开副本。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Visit: inbound</source>
        <translation>访问：来访</translation>
    </message>
    <message>
        <source>Visit: outbound</source>
        <translation>访问：出访</translation>
    </message>
    <message>
        <source>{title} ({status})</source>
        <translation>{title}（{status}）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>&amp;Record interaction…</source>
        <translation>记录交往(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>No interactions recorded yet. “Record interaction…” adds one.</source>
        <translation>尚未记录任何交往。点击“记录交往…”即可添加。</translation>
    </message>
    <message>
        <source>No interactions yet</source>
        <translation>暂无交往记录</translation>
    </message>
    <message>
        <source>1 interaction</source>
        <translation>1 条交往记录</translation>
    </message>
    <message>
        <source>{n:,} interactions</source>
        <translation>{n:,} 条交往记录</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 次访问</translation>
    </message>
    <message>
        <source>{n:,} visits</source>
        <translation>{n:,} 次访问</translation>
    </message>
    <message>
        <source>{visits} and {interactions}</source>
        <translation>{visits}，{interactions}</translation>
    </message>
    <message>
        <source>no other interactions</source>
        <translation>无其他交往记录</translation>
    </message>
    <message>
        <source>{entries}; {events} attended</source>
        <translation>{entries}；出席活动 {events}</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 次</translation>
    </message>
    <message>
        <source>{n:,} events</source>
        <translation>{n:,} 次</translation>
    </message>
    <message>
        <source>Record interaction…</source>
        <translation>记录交往…</translation>
    </message>
</context>
<context>
    <name>TopicsBox</name>
    <message>
        <source>Topics</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>{topic} (retired)</source>
        <translation>{topic}（已停用）</translation>
    </message>
</context>
<context>
    <name>TravelCopy</name>
    <message>
        <source>Liaison travel copy {date}</source>
        <translation>Liaison 出差副本 {date}</translation>
    </message>
    <message>
        <source>Export travel copy</source>
        <translation>导出出差副本</translation>
    </message>
    <message>
        <source>Liaison database (*.sqlite3)</source>
        <translation>Liaison 数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>The travel copy was saved as {path}.

It is a complete copy of this database: take it on your trip, open it in Liaison there and work as usual. Back at the office, bring your changes home with File ▸ Merge a travel copy….</source>
        <translation>出差副本已保存为 {path}。

这是此数据库的完整副本：出差时随身携带，在当地用 Liaison 打开即可照常工作。回到办公室后，通过“文件 ▸ 合并出差副本…”将修改合并回来。</translation>
    </message>
    <message>
        <source>Writing the travel copy…</source>
        <translation>正在写入出差副本…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Liaison could not write {path} ({problem}); no travel copy was made.</source>
        <translation>Liaison 无法写入 {path}（{problem}），未生成出差副本。</translation>
    </message>
    <message>
        <source>Exporting a travel copy</source>
        <translation>正在导出出差副本</translation>
    </message>
    <message>
        <source>Travel copy saved</source>
        <translation>出差副本已保存</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>the import of {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>the merge from {name}</source>
        <translation>从 {name} 合并</translation>
    </message>
    <message>
        <source>the merge of the records {name}</source>
        <translation>记录合并（{name}）</translation>
    </message>
    <message>
        <source>the edit made on the screen</source>
        <translation>界面上的编辑</translation>
    </message>
    <message>
        <source>the load of the starter register</source>
        <translation>加载初始名录</translation>
    </message>
    <message>
        <source>the revert</source>
        <translation>“撤销此修改”操作</translation>
    </message>
    <message>
        <source>the {name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>the change made by {name}</source>
        <translation>{name} 所做的修改</translation>
    </message>
    <message>
        <source>the undo of {what}</source>
        <translation>撤销{what}</translation>
    </message>
    <message>
        <source>the change</source>
        <translation>该修改</translation>
    </message>
    <message>
        <source>{record} “{title}”: no longer exists; nothing to put back</source>
        <translation>{record}“{title}”：已不存在，无可恢复</translation>
    </message>
    <message>
        <source>{record} “{title}”: was deleted after {since}; its values were left as they are</source>
        <translation>{record}“{title}”：在{since}之后已被删除，其值保持不变</translation>
    </message>
    <message>
        <source>{record} “{title}”: “{field}” was changed after {since}; its newer value was kept</source>
        <translation>{record}“{title}”：“{field}”在{since}之后又被修改，已保留较新的值</translation>
    </message>
    <message>
        <source>{record} “{title}”: other records point to it since {since}; it was kept</source>
        <translation>{record}“{title}”：在{since}之后已有其他记录引用该记录，因此予以保留</translation>
    </message>
    <message>
        <source>{record} “{title}”: was edited after {since}; it was moved to the deleted records instead of removed</source>
        <translation>{record}“{title}”：在{since}之后被编辑过，因此已移至已删除的记录，而未彻底移除</translation>
    </message>
    <message>
        <source>A change to a {noun} cannot be applied here.</source>
        <translation>此处无法应用对{noun}的修改。</translation>
    </message>
    <message>
        <source>There is no batch with id {id}; `liaison batches` lists them.</source>
        <translation>不存在编号为 {id} 的批次；可用 `liaison batches` 列出所有批次。</translation>
    </message>
    <message>
        <source>{what} changed a {noun}, which cannot be undone here; nothing was undone.</source>
        <translation>{what}修改了{noun}，此处无法撤销；未撤销任何内容。</translation>
    </message>
    <message>
        <source>There is no {kind} with batch id {id}.</source>
        <translation>不存在批次编号为 {id} 的{kind}。</translation>
    </message>
    <message>
        <source>{what} ({id}) was already undone.</source>
        <translation>{what}（{id}）已撤销过。</translation>
    </message>
    <message>
        <source>{what} ({id}) cannot itself be undone; make those changes again instead.</source>
        <translation>{what}（{id}）本身无法撤销；请重新进行这些修改。</translation>
    </message>
    <message>
        <source>That change is no longer in the history.</source>
        <translation>该修改已不在修改记录中。</translation>
    </message>
    <message>
        <source>Changes to a {noun} cannot be reverted from the history.</source>
        <translation>无法从修改记录中撤销对{noun}的修改。</translation>
    </message>
    <message>
        <source>This {noun} is already deleted.</source>
        <translation>此{noun}已被删除。</translation>
    </message>
    <message>
        <source>This {noun} is not deleted any more.</source>
        <translation>此{noun}已恢复，不再处于删除状态。</translation>
    </message>
    <message>
        <source>This {noun} is deleted; restore it before reverting its changes.</source>
        <translation>此{noun}已被删除；请先恢复，再撤销其修改。</translation>
    </message>
    <message>
        <source>Changes to “{field}” cannot be reverted from the history.</source>
        <translation>无法从修改记录中撤销对“{field}”的修改。</translation>
    </message>
    <message>
        <source>this change</source>
        <translation>此修改</translation>
    </message>
    <message>
        <source>“{field}” was changed again after this change; revert the later change first.</source>
        <translation>“{field}”在此修改之后又被修改过；请先撤销之后的修改。</translation>
    </message>
</context>
<context>
    <name>UndoImport</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>{n:,} created</source>
        <translation>新建 {n:,} 条</translation>
    </message>
    <message>
        <source>{n:,} updated</source>
        <translation>更新 {n:,} 条</translation>
    </message>
    <message>
        <source>{n:,} unchanged</source>
        <translation>未变 {n:,} 条</translation>
    </message>
    <message>
        <source>{n:,} skipped</source>
        <translation>跳过 {n:,} 条</translation>
    </message>
    <message>
        <source>{n:,} deleted</source>
        <translation>删除 {n:,} 条</translation>
    </message>
    <message>
        <source>{kind}: {counts}</source>
        <translation>{kind}：{counts}</translation>
    </message>
    <message>
        <source>nothing written</source>
        <translation>未写入任何内容</translation>
    </message>
    <message>
        <source>The import was undone: 1 record removed, {restored:,} restored to their earlier values.</source>
        <translation>导入已撤销：移除 1 条记录，{restored:,} 条记录还原为先前的值。</translation>
    </message>
    <message>
        <source>The import was undone: {removed:,} records removed, {restored:,} restored to their earlier values.</source>
        <translation>导入已撤销：移除 {removed:,} 条记录，{restored:,} 条记录还原为先前的值。</translation>
    </message>
    <message>
        <source>… and {n:,} more.</source>
        <translation>…另有 {n:,} 项。</translation>
    </message>
    <message>
        <source>Kept, because they were changed after the import:</source>
        <translation>以下内容在导入后已被修改，因此予以保留：</translation>
    </message>
    <message>
        <source>Undoing the merge…</source>
        <translation>正在撤销合并…</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Undoing the merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Undoing the import</source>
        <translation>正在撤销导入</translation>
    </message>
    <message>
        <source>Merge of {file}</source>
        <translation>合并“{file}”</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>导入“{file}”</translation>
    </message>
    <message>
        <source>The merge was undone.</source>
        <translation>合并已撤销。</translation>
    </message>
    <message>
        <source>{counts}
Batch id: {batch}</source>
        <translation>{counts}
批次编号：{batch}</translation>
    </message>
    <message>
        <source>Undo an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>The imports into this database, newest first. Undoing one removes the records it created and gives the records it updated their earlier values; what was edited since the import is kept and listed.</source>
        <translation>此数据库的历次导入，最新的在前。撤销某次导入将移除其新建的记录，并将其更新的记录还原为先前的值；导入后经过编辑的内容将予以保留并列出。</translation>
    </message>
    <message>
        <source>Nothing has been imported into this database yet.</source>
        <translation>此数据库尚未导入过任何内容。</translation>
    </message>
    <message>
        <source>&amp;Undo this import…</source>
        <translation>撤销此次导入(&amp;U)…</translation>
    </message>
    <message>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of {file} ({when}: {counts})?</source>
        <translation>是否撤销 {file} 的导入（{when}：{counts}）？</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>导入已撤销</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This field</source>
        <translation>该字段</translation>
    </message>
    <message>
        <source>{label} cannot be empty.</source>
        <translation>{label}不能为空。</translation>
    </message>
    <message>
        <source>{label} is too long ({length} characters; at most {limit}).</source>
        <translation>{label}过长（{length} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>An entry</source>
        <translation>其中一项</translation>
    </message>
    <message>
        <source>{label} is too long: “{start}…”.</source>
        <translation>{label}过长：“{start}…”。</translation>
    </message>
    <message>
        <source>Choose a {noun}.</source>
        <translation>请选择{noun}。</translation>
    </message>
    <message>
        <source>“{value}” is not a known {noun}; choose one of: {options}.</source>
        <translation>“{value}”不是有效的{noun}，请从以下选项中选择：{options}。</translation>
    </message>
    <message>
        <source>{label} {year} is not a plausible year.</source>
        <translation>{label} {year} 不是合理的年份。</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The founding date</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <source>{label} must be a year such as 1921 or a date, not “{value}”.</source>
        <translation>{label}应为年份（如 1921）或日期，而不是“{value}”。</translation>
    </message>
    <message>
        <source>{label} “{value}” is neither a year nor a date Liaison can read; write a year (1921) or a date (1921-07-01).</source>
        <translation>{label}“{value}”既不是年份，也不是 Liaison 可识别的日期；请填写年份（如 1921）或日期（如 1921-07-01）。</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <source>“{value}” is not a web address (for example https://example.org).</source>
        <translation>“{value}”不是有效的网址（例如 https://example.org）。</translation>
    </message>
    <message>
        <source>“{value}” is not an email address.</source>
        <translation>“{value}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number (start it with + and the country code).</source>
        <translation>“{value}”不是有效的电话号码（请以 + 和国家代码开头）。</translation>
    </message>
    <message>
        <source>“{value}” is not a possible phone number.</source>
        <translation>“{value}”的号码位数不正确，不可能是电话号码。</translation>
    </message>
    <message>
        <source>“{value}” is not a country Liaison knows (use a name or an ISO code).</source>
        <translation>Liaison 无法识别国家“{value}”（请使用国家名称或 ISO 代码）。</translation>
    </message>
    <message>
        <source>Choose the {noun}.</source>
        <translation>请选择{noun}。</translation>
    </message>
    <message>
        <source>“{field}” is not a field of a {noun}.</source>
        <translation>“{field}”不是{noun}的字段。</translation>
    </message>
    <message>
        <source>The {field} cannot be empty.</source>
        <translation>{field}不能为空。</translation>
    </message>
    <message>
        <source>row {number}: {field}</source>
        <translation>第 {number} 行：{field}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The key may hold only lower-case letters, digits and _.</source>
        <translation>标识只能包含小写字母、数字和 _。</translation>
    </message>
    <message>
        <source>The name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <source>The Chinese name</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>An alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>The abbreviation</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>kind of organization</source>
        <translation>组织类型</translation>
    </message>
    <message>
        <source>political status</source>
        <translation>执政地位</translation>
    </message>
    <message>
        <source>The ideology</source>
        <translation>意识形态</translation>
    </message>
    <message>
        <source>relationship level</source>
        <translation>关系层级</translation>
    </message>
    <message>
        <source>The notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>A language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>The start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Leader of the party</source>
        <translation>政党领导人</translation>
    </message>
    <message>
        <source>kind of interaction</source>
        <translation>交往类型</translation>
    </message>
    <message>
        <source>The city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>The platform or mechanism</source>
        <translation>平台或机制</translation>
    </message>
    <message>
        <source>The summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>The outcomes</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>The completion date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>The tag name</source>
        <translation>标签名称</translation>
    </message>
    <message>
        <source>The colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>The key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>来访或出访</translation>
    </message>
    <message>
        <source>status of a visit</source>
        <translation>访问状态</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>side</source>
        <translation>主客方</translation>
    </message>
    <message>
        <source>role in a visit</source>
        <translation>访问中的身份</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>The end time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>kind of programme item</source>
        <translation>日程项目类型</translation>
    </message>
    <message>
        <source>The place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>given or received</source>
        <translation>赠送或收受</translation>
    </message>
    <message>
        <source>participant role</source>
        <translation>参与方身份</translation>
    </message>
    <message>
        <source>Participant {number} must be one organization or one person.</source>
        <translation>第 {number} 个参与方必须是一个组织或一名人员。</translation>
    </message>
    <message>
        <source>Participant {number} is listed twice; give each participant one role.</source>
        <translation>第 {number} 个参与方重复列出；每个参与方只能有一个身份。</translation>
    </message>
    <message>
        <source>“{name}” is not a topic; add it first or pick another.</source>
        <translation>“{name}”不是已有议题；请先添加该议题，或另选一个。</translation>
    </message>
    <message>
        <source>“{field}” is not a field of a position.</source>
        <translation>“{field}”不是职务的字段。</translation>
    </message>
    <message>
        <source>“{value}” is not a country Liaison knows.</source>
        <translation>Liaison 无法识别国家“{value}”。</translation>
    </message>
    <message>
        <source>The time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a time of day; write it as 09:30 or 14:00.</source>
        <translation>{label}“{value}”不是有效的时刻；请写作 09:30 或 14:00。</translation>
    </message>
    <message>
        <source>The position “{value}” is not a whole number of 0 or more.</source>
        <translation>顺序“{value}”不是大于等于 0 的整数。</translation>
    </message>
    <message>
        <source>{day} is outside the visit, which runs from {first} to {last}.</source>
        <translation>{day} 不在访问期间内（{first} 至 {last}）。</translation>
    </message>
    <message>
        <source>The item ends ({ends}) before it starts ({starts}).</source>
        <translation>该项目的结束时间（{ends}）早于开始时间（{starts}）。</translation>
    </message>
    <message>
        <source>{names} take part in this meeting but are on neither side of the visit; add them to the guests or the hosts first.</source>
        <translation>{names} 参加了这次会见，但不属于访问的主方或客方；请先将其加入客方或主方。</translation>
    </message>
    <message>
        <source>Name a person or an organization for this side of the visit.</source>
        <translation>请为访问的这一方指定一个人或一个组织。</translation>
    </message>
    <message>
        <source>{person} is already in this visit as {role}; a person is in a visit once.</source>
        <translation>{person} 已以“{role}”身份列入此次访问；同一人在一次访问中只能出现一次。</translation>
    </message>
    <message>
        <source>The {side} already have a head of delegation: {person}.</source>
        <translation>{side}已有团长：{person}。</translation>
    </message>
    <message>
        <source>The head of a delegation is a person; name them.</source>
        <translation>团长须为个人；请指定其姓名。</translation>
    </message>
    <message>
        <source>{organization} is already on this side of the visit.</source>
        <translation>{organization} 已在访问的这一方中。</translation>
    </message>
    <message>
        <source>{count} programme item(s) would fall outside these dates (the first on {day}); move them or change the dates.</source>
        <translation>有 {count} 个日程项目将落在这些日期之外（最早一个在 {day}）；请先移动这些项目或修改日期。</translation>
    </message>
    <message>
        <source>Only talks, meetings and briefings have participants.</source>
        <translation>只有会谈、会见和宣介才有参加方。</translation>
    </message>
    <message>
        <source>Name the organization or the person invited.</source>
        <translation>请写明受邀的组织或个人。</translation>
    </message>
    <message>
        <source>{day} is outside the event, which runs from {first} to {last}.</source>
        <translation>{day} 不在活动日期内（活动时间为 {first} 至 {last}）。</translation>
    </message>
    <message>
        <source>The session ends ({ends}) before it starts ({starts}).</source>
        <translation>议程的结束时间（{ends}）早于开始时间（{starts}）。</translation>
    </message>
    <message>
        <source>{count} session(s) would fall outside these dates (the first on {day}); move them or change the dates.</source>
        <translation>有 {count} 项议程将落在这些日期之外（第一项在 {day}）；请移动议程或修改日期。</translation>
    </message>
    <message>
        <source>{name} is already invited to this event.</source>
        <translation>{name} 已在本次活动的邀请名单上。</translation>
    </message>
    <message>
        <source>The event was over on {last}; a reply dated {day} came after it. Record whether they attended instead.</source>
        <translation>活动已于 {last} 结束；日期为 {day} 的回复在其之后。请改为记录是否出席。</translation>
    </message>
    <message>
        <source>The invitation is dated {day}, after the event ended on {last}.</source>
        <translation>邀请日期为 {day}，晚于活动结束日 {last}。</translation>
    </message>
    <message>
        <source>The event begins on {first}: attendance can be recorded once it has begun.</source>
        <translation>活动于 {first} 开始：开始后才能记录出席情况。</translation>
    </message>
    <message>
        <source>{person} is already in this delegation.</source>
        <translation>{person} 已在该代表团中。</translation>
    </message>
    <message>
        <source>This delegation already has a head: {person}.</source>
        <translation>该代表团已有团长：{person}。</translation>
    </message>
    <message>
        <source>{person} holds a position in {other}, not in {sender}, which sends this delegation; a delegation's head comes from the organization invited.</source>
        <translation>{person} 任职于 {other}，而非派出该代表团的 {sender}；团长应来自受邀组织。</translation>
    </message>
    <message>
        <source>{label} “{value}” is not a whole number.</source>
        <translation>{label}“{value}”不是整数。</translation>
    </message>
    <message>
        <source>{label} must be between {low} and {high}.</source>
        <translation>{label}须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>{label} must be {low} or more.</source>
        <translation>{label}须不小于 {low}。</translation>
    </message>
    <message>
        <source>The birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>{label} {year} is in the future.</source>
        <translation>{label} {year} 是将来的年份。</translation>
    </message>
    <message>
        <source>{label} {year} is before 1900; write the year of birth with four digits.</source>
        <translation>{label} {year} 早于 1900 年；请用四位数字填写出生年份。</translation>
    </message>
    <message>
        <source>{label} “{value}” is neither yes nor no.</source>
        <translation>{label}“{value}”既不是“是”也不是“否”。</translation>
    </message>
    <message>
        <source>The series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>The edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>The theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Who invited them</source>
        <translation>邀请人</translation>
    </message>
    <message>
        <source>The date of the invitation</source>
        <translation>邀请日期</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>The date of the reply</source>
        <translation>回复日期</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>The size of the delegation</source>
        <translation>代表团人数</translation>
    </message>
    <message>
        <source>role in a delegation</source>
        <translation>代表团中的身份</translation>
    </message>
    <message>
        <source>The level already changed on {day} (to {level}); change that entry instead.</source>
        <translation>{day} 已有一次关系层级变更（改为{level}）；请修改那一条。</translation>
    </message>
    <message>
        <source>The date it took effect</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Briefing – {title}.pdf</source>
        <translation>背景资料 – {title}.pdf</translation>
    </message>
    <message>
        <source>Save the briefing pack</source>
        <translation>保存背景资料</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Gathering the briefing pack…</source>
        <translation>正在汇集背景资料…</translation>
    </message>
    <message>
        <source>The briefing pack was saved as {path}.</source>
        <translation>背景资料已保存为 {path}。</translation>
    </message>
    <message>
        <source>Briefing pack</source>
        <translation>背景资料</translation>
    </message>
    <message>
        <source>The briefing pack was sent to the printer.</source>
        <translation>背景资料已发送到打印机。</translation>
    </message>
    <message>
        <source>“{title}” is an interaction again; the visit made from it was removed.</source>
        <translation>“{title}”已恢复为交往记录；由其生成的访问已删除。</translation>
    </message>
    <message>
        <source>Turn “{title}” into a visit</source>
        <translation>将“{title}”转为访问</translation>
    </message>
    <message>
        <source>Add a member…</source>
        <translation>添加成员…</translation>
    </message>
    <message>
        <source>Nobody on either side yet. Add the head of each delegation, its members, interpreters and staff; a person's organization and title come from their current position unless you say otherwise.</source>
        <translation>双方尚无成员。请添加各代表团团长、成员、翻译和随行人员；除非另行填写，成员的组织和职务取自其现任职务。</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Edit a member</source>
        <translation>编辑成员</translation>
    </message>
    <message>
        <source>Add {name} to the visit</source>
        <translation>将 {name} 加入访问</translation>
    </message>
    <message>
        <source>Edit {name} in the visit</source>
        <translation>编辑访问中的 {name}</translation>
    </message>
    <message>
        <source>{name} from the visit</source>
        <translation>访问中的 {name}</translation>
    </message>
    <message>
        <source>Remove {name} from this visit? Ctrl+Z brings them back.</source>
        <translation>将 {name} 从本次访问中移除？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Add a gift…</source>
        <translation>添加礼品…</translation>
    </message>
    <message>
        <source>No gifts recorded. Add what was given and received, and by or to whom.</source>
        <translation>尚未记录礼品。请添加赠送和收受的礼品，以及赠送人或受赠人。</translation>
    </message>
    <message>
        <source>Add a gift</source>
        <translation>添加礼品</translation>
    </message>
    <message>
        <source>Edit a gift</source>
        <translation>编辑礼品</translation>
    </message>
    <message>
        <source>Add the gift {name}</source>
        <translation>添加礼品 {name}</translation>
    </message>
    <message>
        <source>Edit the gift {name}</source>
        <translation>编辑礼品 {name}</translation>
    </message>
    <message>
        <source>the gift {name}</source>
        <translation>礼品 {name}</translation>
    </message>
    <message>
        <source>Remove the gift {name}? Ctrl+Z brings it back.</source>
        <translation>移除礼品 {name}？按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Delete visit…</source>
        <translation>删除访问…</translation>
    </message>
    <message>
        <source>Delete this visit with its delegations, programme and gifts (Del); Ctrl+Z undoes it</source>
        <translation>删除此访问及其代表团、日程和礼品（Del）；按 Ctrl+Z 可撤销</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除访问</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>新建访问</translation>
    </message>
    <message>
        <source>The new visit</source>
        <translation>新访问</translation>
    </message>
    <message>
        <source>This visit has been deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>此访问已被删除。撤销（Ctrl+Z）可将其恢复。</translation>
    </message>
    <message>
        <source>{who} changed this visit while you were editing it. Your edits are still in the form and were not saved.</source>
        <translation>{who}在您编辑期间修改了此访问。您的修改仍在表单中，尚未保存。</translation>
    </message>
    <message>
        <source>This visit was changed elsewhere while you were editing it.</source>
        <translation>您编辑期间，此访问已在别处被修改。</translation>
    </message>
    <message>
        <source>&amp;Delegations</source>
        <translation>代表团(&amp;D)</translation>
    </message>
    <message>
        <source>P&amp;rogramme</source>
        <translation>日程(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Gifts</source>
        <translation>礼品(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>Print briefing…</source>
        <translation>打印背景资料…</translation>
    </message>
    <message>
        <source>Print the briefing pack: the programme and a page on every counterpart, as saved</source>
        <translation>打印背景资料：日程及每个对口方的一页介绍（按已保存的内容）</translation>
    </message>
    <message>
        <source>Save briefing as PDF…</source>
        <translation>将背景资料保存为 PDF…</translation>
    </message>
    <message>
        <source>Save the briefing pack — the programme and a page on every counterpart, as saved — as a PDF</source>
        <translation>将背景资料（日程及每个对口方的一页介绍，按已保存的内容）保存为 PDF</translation>
    </message>
    <message>
        <source>Host: {name}</source>
        <translation>主方：{name}</translation>
    </message>
    <message>
        <source>Guest: {name}</source>
        <translation>客方：{name}</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected entry (Del); Ctrl+Z brings it back</source>
        <translation>移除所选条目（Del）；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>查找人员…</translation>
    </message>
    <message>
        <source>Find an organization…</source>
        <translation>查找组织…</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>No organization</source>
        <translation>无组织</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Add a session…</source>
        <translation>添加议程…</translation>
    </message>
    <message>
        <source>No sessions yet. Add the programme day by day: the opening, the plenary and thematic sessions, with their speakers.</source>
        <translation>尚无议程。请逐日添加：开幕式、全体会议和专题会议，以及各自的发言人。</translation>
    </message>
    <message>
        <source>Add a session</source>
        <translation>添加议程</translation>
    </message>
    <message>
        <source>Edit a session</source>
        <translation>编辑议程</translation>
    </message>
    <message>
        <source>Add the session {name}</source>
        <translation>添加议程{name}</translation>
    </message>
    <message>
        <source>Edit the session {name}</source>
        <translation>编辑议程{name}</translation>
    </message>
    <message>
        <source>the session {name}</source>
        <translation>议程{name}</translation>
    </message>
    <message>
        <source>Remove the session {name} from the programme? Ctrl+Z brings it back.</source>
        <translation>从议程中移除{name}？Ctrl+Z 可恢复。</translation>
    </message>
    <message>
        <source>Add a delegate…</source>
        <translation>添加代表团成员…</translation>
    </message>
    <message>
        <source>Nobody named in this delegation yet. Add its head and members; a person's title comes from their current position unless you say otherwise.</source>
        <translation>代表团尚无成员。请添加团长和成员；除非另行填写，职务取其当前职务。</translation>
    </message>
    <message>
        <source>Add a delegate</source>
        <translation>添加代表团成员</translation>
    </message>
    <message>
        <source>Edit a delegate</source>
        <translation>编辑代表团成员</translation>
    </message>
    <message>
        <source>Add {name} to the delegation</source>
        <translation>将{name}加入代表团</translation>
    </message>
    <message>
        <source>Edit {name} in the delegation</source>
        <translation>编辑代表团成员{name}</translation>
    </message>
    <message>
        <source>{name} from the delegation</source>
        <translation>代表团成员{name}</translation>
    </message>
    <message>
        <source>Remove {name} from this delegation? Ctrl+Z brings them back.</source>
        <translation>将{name}移出代表团？Ctrl+Z 可恢复。</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>{day} has no programme items to copy.</source>
        <translation>{day} 没有可复制的日程项目。</translation>
    </message>
    <message>
        <source>“{title}” is already part of a visit.</source>
        <translation>“{title}”已属于一次访问。</translation>
    </message>
    <message>
        <source>“{title}” is not an inbound or outbound visit, so it cannot be turned into one.</source>
        <translation>“{title}”不是来访或出访，因此无法转为访问。</translation>
    </message>
</context>
<context>
    <name>VisitsView</name>
    <message>
        <source>Filter by title…</source>
        <translation>按标题筛选…</translation>
    </message>
    <message>
        <source>Words in the title</source>
        <translation>标题中的词语</translation>
    </message>
    <message>
        <source>Received and sent</source>
        <translation>来访和出访</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任何状态</translation>
    </message>
    <message>
        <source>Visits under way in this year</source>
        <translation>该年内进行的访问</translation>
    </message>
    <message>
        <source>New visit…</source>
        <translation>新建访问…</translation>
    </message>
    <message>
        <source>Prepare a new visit (Ctrl+N)</source>
        <translation>筹备新的访问（Ctrl+N）</translation>
    </message>
    <message>
        <source>No visits match these filters. New visit… prepares one; an inbound or outbound visit recorded as an interaction can be turned into one from its window.</source>
        <translation>没有符合这些筛选条件的访问。点击“新建访问…”可筹备访问；记录为交往的来访或出访可在其窗口中转为访问。</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>所有年份</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 次访问</translation>
    </message>
    <message>
        <source>{n:,} visits</source>
        <translation>{n:,} 次访问</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>删除访问</translation>
    </message>
    <message>
        <source>Delete “{title}” with its delegations, programme and gifts? You can undo this with Ctrl+Z.</source>
        <translation>删除“{title}”及其代表团、日程和礼品？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete visits</source>
        <translation>删除访问</translation>
    </message>
    <message>
        <source>Delete {n} visits with their delegations, programmes and gifts? You can undo this with Ctrl+Z.</source>
        <translation>删除 {n} 次访问及其代表团、日程和礼品？可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete {n} visits</source>
        <translation>删除 {n} 次访问</translation>
    </message>
</context>
<context>
    <name>Watcher</name>
    <message>
        <source>Checking for changes</source>
        <translation>正在检查修改</translation>
    </message>
</context>
</TS>
