"""An event's At a glance tab: the sentence the office reports ("12 parties and organizations
from 9 countries; 4 heads of party; 38 % women; 21 % under 35; 3 first-time partners"), the
invited / accepted / attended table, the same by region, the participation profile with how
many attendees it rests on, the first-time partners and new countries by name, and the
comparison with the previous edition of the series. The figures are read on the database
worker (db/services/event_figures.py defines each one)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from db.services import event_figures, events, pages
from db.services.event_figures import EventFigures, Stage
from db.services.events import EventRecord
from desktop.context import AppContext
from desktop.i18n import translate
from desktop.jobs.worker import Answer
from desktop.naming import chinese, display_name, region_names


@dataclass(frozen=True)
class Glance:
    figures: EventFigures
    previous: EventRecord | None
    previous_figures: EventFigures | None
    countries: dict[str, str]  # code → name as shown
    regions: dict[str, str]  # English region → as shown
    preference: str = "original"  # the script organizations' names are shown in


def read_glance(context: AppContext, event_id: str) -> Glance:
    """Everything the tab shows (on the worker thread)."""
    db, preference = context.database, context.name_preference()
    figures = event_figures.event_figures(db, event_id)
    previous = events.previous_edition(db, event_id)
    before = event_figures.event_figures(db, previous.id) if previous is not None else None
    known = pages.countries(db)
    wanted = chinese(preference)
    return Glance(figures, previous, before,
                  {c.code: (c.name_zh if wanted and c.name_zh else c.name_en) for c in known},
                  region_names(known, preference), preference)


def _share(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)} %"


def glance_sentence(figures: EventFigures) -> str:
    """What the office says of who took part, each count worded for its number."""
    came = figures.attended
    organizations = (translate("EventPage", "1 party or organization") if came.organizations == 1
                     else translate("EventPage", "{n} parties and organizations").format(
                         n=came.organizations))
    if came.individuals:
        organizations = translate("EventPage", "{organizations} and {individuals}").format(
            organizations=organizations,
            individuals=translate("EventPage", "1 individual") if came.individuals == 1
            else translate("EventPage", "{n} individuals").format(n=came.individuals))
    countries = (translate("EventPage", "1 country") if came.countries == 1
                 else translate("EventPage", "{n} countries").format(n=came.countries))
    heads = (translate("EventPage", "1 head of party") if came.heads_of_party == 1
             else translate("EventPage", "{n} heads of party").format(n=came.heads_of_party))
    profile = figures.profile
    women = (translate("EventPage", "women not recorded") if profile.women_share is None
             else translate("EventPage", "{share} women").format(
                 share=_share(profile.women_share)))
    young = (translate("EventPage", "ages not recorded") if profile.young_share is None
             else translate("EventPage", "{share} under {age}").format(
                 share=_share(profile.young_share), age=profile.youth_age))
    first = len(profile.first_time_partners)
    partners = (translate("EventPage", "1 first-time partner") if first == 1
                else translate("EventPage", "{n} first-time partners").format(n=first))
    return translate("EventPage", "{organizations} from {countries}; {heads}; {women}; "
                                  "{young}; {partners}").format(
        organizations=organizations, countries=countries, heads=heads, women=women,
        young=young, partners=partners)


def _row(cells: list[str], header: bool = False) -> str:
    tag = "th" if header else "td"
    first, rest = cells[0], cells[1:]
    return ("<tr>" + f"<{tag} align='left'>{first}</{tag}>"
            + "".join(f"<{tag} align='right'>{c}</{tag}>" for c in rest) + "</tr>")


def _table(rows: list[str]) -> str:
    return ("<table cellspacing='0' cellpadding='4' style='border-collapse: collapse'>"
            + "".join(rows) + "</table>")


def stage_table(figures: EventFigures) -> str:
    heads = [translate("EventPage", "Organizations"), translate("EventPage", "Individuals"),
             translate("EventPage", "Countries"), translate("EventPage", "Heads of party")]

    def cells(stage: Stage) -> list[str]:
        return [str(stage.organizations), str(stage.individuals), str(stage.countries),
                str(stage.heads_of_party)]

    return _table([_row(["", *heads], header=True),
                   _row([translate("EventPage", "Invited"), *cells(figures.invited)]),
                   _row([translate("EventPage", "Accepted"), *cells(figures.accepted)]),
                   _row([translate("EventPage", "Attended"), *cells(figures.attended)])])


def region_table(glance: Glance) -> str:
    rows = [_row([translate("EventPage", "Region"), translate("EventPage", "Invited"),
                  translate("EventPage", "Accepted"), translate("EventPage", "Attended")],
                 header=True)]
    for region in glance.figures.by_region:
        name = (glance.regions.get(region.region, region.region) if region.region
                else translate("EventPage", "Region unknown"))
        rows.append(_row([html.escape(name), str(region.invited), str(region.accepted),
                          str(region.attended)]))
    return _table(rows)


def profile_html(glance: Glance) -> str:
    profile = glance.figures.profile
    comma = translate("EventPage", ", ")  # between names in a sentence: 、 in Chinese
    lines = [
        translate("EventPage", "Attendees: {n} people, in delegations of {size} in all.")
        .format(n=profile.attendees, size=profile.delegates),
        translate("EventPage", "Women: {share} ({women} of the {known} whose gender is "
                               "recorded).").format(share=_share(profile.women_share),
                                                    women=profile.women,
                                                    known=profile.gender_known),
        translate("EventPage", "Under {age}: {share} ({young} of the {known} whose year of "
                               "birth is recorded).").format(
            age=profile.youth_age, share=_share(profile.young_share), young=profile.young,
            known=profile.age_known),
        translate("EventPage", "First-time partners: {names}.").format(
            names=html.escape(comma.join(display_name(p, glance.preference)
                                         for p in profile.first_time_partners))
            or translate("EventPage", "none")),
        translate("EventPage", "Countries new to the office: {names}.").format(
            names=html.escape(comma.join(glance.countries.get(c, c)
                                         for c in profile.new_countries))
            or translate("EventPage", "none")),
    ]
    return "".join(f"<p style='margin: 2px 0'>{line}</p>" for line in lines)


def _difference(now: float | None, before: float | None, *, percent: bool = False) -> str:
    if now is None or before is None:
        return "—"
    change = round((now - before) * 100) if percent else round(now - before)
    sign = "+" if change > 0 else ("−" if change < 0 else "±")
    return f"{sign}{abs(change)}" + (" %" if percent else "")


def comparison_table(glance: Glance) -> str:
    now, before = glance.figures, glance.previous_figures
    assert before is not None and glance.previous is not None
    measures: list[tuple[str, float | None, float | None, bool]] = [
        (translate("EventPage", "Organizations invited"), now.invited.organizations,
         before.invited.organizations, False),
        (translate("EventPage", "Organizations attending"), now.attended.organizations,
         before.attended.organizations, False),
        (translate("EventPage", "Countries attending"), now.attended.countries,
         before.attended.countries, False),
        (translate("EventPage", "Heads of party"), now.attended.heads_of_party,
         before.attended.heads_of_party, False),
        (translate("EventPage", "Attendees"), now.profile.attendees, before.profile.attendees,
         False),
        (translate("EventPage", "Women"), now.profile.women_share, before.profile.women_share,
         True),
        (translate("EventPage", "Under {age}").format(age=now.profile.youth_age),
         now.profile.young_share, before.profile.young_share, True),
        (translate("EventPage", "First-time partners"), len(now.profile.first_time_partners),
         len(before.profile.first_time_partners), False),
    ]

    def shown(value: float | None, percent: bool) -> str:
        return _share(value) if percent else ("—" if value is None else str(int(value)))

    previous = glance.previous
    label = html.escape(translate("EventPage", "Edition {n}").format(n=previous.edition)
                        if previous.edition else str(previous.start.year))
    current = html.escape(translate("EventPage", "Edition {n}").format(n=now.edition)
                          if now.edition else str(now.start.year))
    rows = [_row(["", current, label, translate("EventPage", "Difference")], header=True)]
    rows += [_row([html.escape(name), shown(a, percent), shown(b, percent),
                   _difference(a, b, percent=percent)]) for name, a, b, percent in measures]
    return _table(rows)


def glance_html(glance: Glance) -> str:
    def heading(text: str) -> str:
        return f"<h3 style='margin: 14px 0 4px 0'>{html.escape(text)}</h3>"

    parts = [heading(translate("EventPage", "Invited, accepted and attended")),
             stage_table(glance.figures),
             heading(translate("EventPage", "By region")), region_table(glance),
             heading(translate("EventPage", "Participation profile")), profile_html(glance)]
    if glance.previous is not None and glance.previous_figures is not None:
        parts += [heading(translate("EventPage", "Compared with the previous edition: "
                                                 "{name}").format(name=glance.previous.name)),
                  comparison_table(glance)]
    style = ("<style>th { background: #eef1f5; font-weight: 600; } "
             "td, th { border-bottom: 1px solid #dde2e8; padding: 4px 12px; }</style>")
    return style + "".join(parts)


class GlanceTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id: str | None = None
        self.glance: Glance | None = None
        self.answer: Answer | None = None
        self.sentence = QLabel()
        self.sentence.setObjectName("glance_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet("font-size: 15px; font-weight: 600; padding: 6px 2px;")
        self.details = QTextBrowser()
        self.details.setObjectName("glance_details")
        self.details.setOpenLinks(False)
        self.details.setFrameShape(QTextBrowser.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 0)
        layout.addWidget(self.sentence)
        layout.addWidget(self.details, 1)
        self.sentence.setText(translate("EventPage", "Reading the figures…"))

    def show_event(self, event_id: str) -> Answer | None:
        """Read the figures on the worker; the tab shows them when they arrive (an answer
        for an earlier event, or after a newer read was asked for, is dropped)."""
        self.event_id = event_id
        context = self.context

        def arrived(glance: Glance) -> None:
            if answer is self.answer:
                self.show_glance(glance)

        answer = context.query(lambda: read_glance(context, event_id), arrived)
        self.answer = answer
        return answer

    def show_glance(self, glance: Glance) -> None:
        self.glance = glance
        if not glance.figures.invited.organizations and not glance.figures.invited.individuals:
            self.sentence.setText(translate("EventPage", "Nobody is invited yet: the figures "
                                                         "appear as the invitation list fills."))
        else:
            self.sentence.setText(glance_sentence(glance.figures))
        self.details.setHtml(glance_html(glance))
