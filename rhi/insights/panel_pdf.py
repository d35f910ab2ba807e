"""A panel pack as a PDF, drawn with fpdf2 from the same ``PanelPack`` the page shows.

A4 landscape, the protective marking at the top and foot of every page, page
numbers, and tables whose headings repeat on each page they run onto. The
text is set in DejaVu Sans (vendored in static/fonts, so any name the
service holds prints, and nothing is fetched at run time). The document's
title, language (en-GB) and dates come from the pack, so the same pack
always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from rhi.config import PROJECT_ROOT
from rhi.insights.panel import (
    MARKING,
    OverdueInterview,
    PackChild,
    PackFlag,
    PackTheme,
    PanelKind,
    PanelPack,
    duration_text,
)

FONTS = PROJECT_ROOT / "static" / "fonts"
FAMILY = "DejaVuSans"
MARGIN = 12  # mm
HEADING_FILL = (243, 242, 241)  # GOV.UK light grey
RULE = (177, 180, 182)  # GOV.UK border grey
BODY_SIZE = 9
LINE = 4.6  # mm: one line of body text
CELL_PADDING = 1.2  # mm, above and below a cell's text
WHEN = "d MMM yyyy HH:mm"
DAY = "d MMM yyyy"


def _when(moment: datetime | None, empty: str = "") -> str:
    return format_datetime(moment, WHEN) if moment is not None else empty


def _day(day: date | datetime | None, empty: str = "") -> str:
    """A day; a time's day in the UK."""
    return format_date(day, DAY) if day is not None else empty


def month_label(pack: PanelPack) -> str:
    return format_date(pack.month.first_day, "MMMM yyyy")


def document_title(pack: PanelPack) -> str:
    return _("%(panel)s: %(month)s", panel=pack.kind.label, month=month_label(pack))


class PackDocument(FPDF):
    """The page furniture: marking, title and page numbers on every page."""

    def __init__(self, pack: PanelPack) -> None:
        super().__init__(orientation="landscape", unit="mm", format="A4")
        self.pack = pack
        self.running_title = document_title(pack)
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(MARGIN, 22, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.alias_nb_pages()
        self.set_title(self.running_title)
        self.set_lang("en-GB")
        self.set_author(_("Homeward"))
        self.set_creator(_("Homeward"))
        self.set_subject(pack.kind.summary)
        self.set_creation_date(pack.generated_at)
        self.set_font(FAMILY, size=BODY_SIZE)

    def header(self) -> None:
        self.set_y(8)
        self.set_font(FAMILY, "B", 10)
        self.cell(0, 5, MARKING, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, self.running_title, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(22)
        self.set_font(FAMILY, "", BODY_SIZE)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(FAMILY, "", 8)
        page = _("Page %(page)s of %(pages)s", page=self.page_no(), pages="{nb}")
        self.cell(0, 5, page, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "B", 10)
        self.cell(0, 5, MARKING, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # Building blocks ------------------------------------------------------------

    def heading(self, text: str, level: int = 0) -> None:
        sizes = {0: 14, 1: 11}
        if self.get_y() > self.h - 50:
            self.add_page()  # keep a heading with what follows it
        self.ln(3 if level else 5)
        self.start_section(text, level=level, strict=False)
        self.set_font(FAMILY, "B", sizes.get(level, 10))
        self.multi_cell(0, 6, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", BODY_SIZE)
        self.ln(1)

    def paragraph(self, text: str, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", BODY_SIZE)
        if self.get_string_width(text) <= self.epw - 2 * self.c_margin:
            # One line: a plain cell is many times quicker than fpdf2's line breaking.
            self.cell(0, LINE, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            self.multi_cell(0, LINE, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", BODY_SIZE)

    def wrapped(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (at the current font)."""
        if self.get_string_width(text) <= width:
            return [text]
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}" if line else word
            if self.get_string_width(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while self.get_string_width(line) > width and len(line) > 1:  # a very long word
                cut = len(line) - 1
                while cut > 1 and self.get_string_width(line[:cut]) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        if line:
            lines.append(line)
        return lines or [""]

    def table_of(
        self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        """A table (rules between rows, as GOV.UK tables have) whose heading row repeats
        on every page it runs onto. ``widths`` are the columns' shares of the page width.

        Drawn with plain cells: fpdf2's own tables break every cell's lines twice over,
        which is seconds for a county's pack.
        """
        if not rows:
            return
        share = sum(widths)
        columns = [self.epw * width / share for width in widths]

        def draw(values: Sequence[str], bold: bool) -> None:
            self.set_font(FAMILY, "B" if bold else "", BODY_SIZE)
            cells = [
                self.wrapped(value, column - 2 * self.c_margin)
                for value, column in zip(values, columns, strict=True)
            ]
            height = max(len(lines) for lines in cells) * LINE + 2 * CELL_PADDING
            if self.get_y() + height > self.page_break_trigger and self.get_y() > self.t_margin:
                self.add_page()
                if not bold:
                    draw(headings, True)
                    self.set_font(FAMILY, "", BODY_SIZE)
            top = self.get_y()
            if bold:
                self.set_fill_color(*HEADING_FILL)
                self.rect(self.l_margin, top, self.epw, height, style="F")
            # Text placed on its baseline (as a cell would place it), c_margin in from the
            # column's edge: many times quicker than a cell for each line.
            baseline = top + CELL_PADDING + 0.5 * LINE + 0.3 * self.font_size
            x = self.l_margin + self.c_margin
            for lines, column in zip(cells, columns, strict=True):
                for number, line in enumerate(lines):
                    if line:
                        self.text(x, baseline + number * LINE, line)
                x += column
            self.set_draw_color(*RULE)
            self.line(self.l_margin, top + height, self.l_margin + self.epw, top + height)
            self.set_xy(self.l_margin, top + height)

        draw(headings, True)
        for values in rows:
            draw(values, False)
        self.set_font(FAMILY, "", BODY_SIZE)
        self.ln(3)


# The pack's parts ----------------------------------------------------------------


def _introduction(pdf: PackDocument, pack: PanelPack) -> None:
    pdf.set_font(FAMILY, "B", 18)
    pdf.multi_cell(0, 9, document_title(pack), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", BODY_SIZE)
    pdf.ln(2)
    lines = [
        _(
            "Month: %(first)s to %(last)s",
            first=_day(pack.month.first_day),
            last=_day(pack.last_day),
        ),
        _("Generated: %(when)s", when=_when(pack.generated_at)),
        _("Children named: %(scope)s", scope=pack.scope),
        _(
            "Episodes, themes and flags are shown from %(since)s (the %(days)s days before "
            "the month) to the end of the month.",
            since=_day(pack.since_day),
            days=pack.rule.days,
        ),
        _(
            "Themes are those a reviewer accepted. Suggestions not yet reviewed are "
            "listed apart, marked \u201csuggested, not reviewed\u201d; rejected ones are left out."
        ),
    ]
    if pack.kind is PanelKind.MMH:
        lines.insert(
            3,
            _(
                "Repeat missing: more than %(episodes)s episodes in any %(days)s days, with "
                "an episode in the month.",
                episodes=pack.rule.episodes,
                days=pack.rule.days,
            ),
        )
    pdf.paragraph(pack.kind.summary)
    pdf.ln(1)
    for line in lines:
        pdf.paragraph(line)


def _meeting_lines(child: PackChild) -> list[str]:
    if not child.meetings:
        return [_("Meeting tasks: none raised for these episodes.")]
    lines = []
    for meeting in child.meetings:
        if meeting.held:
            lines.append(
                _(
                    "Meeting task (raised at %(count)s episodes, %(when)s): held on "
                    "%(held)s. Outcome: %(outcome)s",
                    count=meeting.episode_count,
                    when=_day(meeting.triggered_at),
                    held=_day(meeting.held_on, _("date not recorded")),
                    outcome=meeting.outcome or _("not recorded"),
                )
            )
        else:
            lines.append(
                _(
                    "Meeting task (raised at %(count)s episodes, %(when)s): not held yet.",
                    count=meeting.episode_count,
                    when=_day(meeting.triggered_at),
                )
            )
    return lines


def _theme_line(label: str, themes: Sequence[PackTheme]) -> str:
    names = [f"{theme.name} ({theme.texts})" for theme in themes]
    return f"{label} {', '.join(names) if names else _('none')}"


def _flag_text(flag: PackFlag) -> str:
    if flag.indicator_labels:
        return f"{flag.kind.label}: {'; '.join(flag.indicator_labels)}"
    return flag.kind.label


def _child(pdf: PackDocument, pack: PanelPack, child: PackChild) -> None:
    pdf.heading(f"{child.name} ({child.case_ref})", level=1)
    facts = [
        _("Age %(age)s", age=child.age),
        child.district,
        child.legal_status,
        child.team or _("No team"),
    ]
    pdf.paragraph(", ".join(facts))
    if pack.kind is PanelKind.MMH:
        pdf.paragraph(
            _(
                "Most episodes in %(days)s days: %(most)s. Episodes in the month: %(month)s.",
                days=pack.rule.days,
                most=child.most_in_window,
                month=child.episodes_in_month,
            )
        )
    else:
        pdf.paragraph(_("Episodes in the month: %(month)s.", month=child.episodes_in_month))
    for line in _meeting_lines(child):
        pdf.paragraph(line)
    pdf.paragraph(_theme_line(_("Themes (accepted):"), child.themes))
    if child.suggested:
        pdf.paragraph(_theme_line(_("Suggested, not reviewed:"), child.suggested))
    for flag in child.flags:
        pdf.paragraph(
            _(
                "Exploitation flag, %(when)s: %(what)s",
                when=_day(flag.at),
                what=_flag_text(flag),
            )
        )
    if not child.episodes:
        return
    pdf.ln(1)
    pdf.table_of(
        [
            _("Went missing"),
            _("Came back"),
            _("How long"),
            _("Category"),
            _("Risk"),
            _("Where found"),
            _("In the month"),
        ],
        [
            [
                _when(episode.started_at),
                _when(episode.returned_at, _("Still missing")),
                duration_text(episode.duration),
                episode.category_label,
                episode.risk_label,
                episode.where_found or _("Not recorded"),
                _("Yes") if episode.in_month else _("No"),
            ]
            for episode in child.episodes
        ],
        (16, 16, 14, 16, 10, 30, 10),
    )


def _children(pdf: PackDocument, pack: PanelPack) -> None:
    if pack.kind is PanelKind.MMH:
        title = _(
            "Children missing more than %(episodes)s times in %(days)s days",
            episodes=pack.rule.episodes,
            days=pack.rule.days,
        )
    elif pack.kind is PanelKind.CCEP:
        title = _("Children with a CCE flag")
    else:
        title = _("Children with a CSE flag")
    pdf.heading(title)
    if not pack.children:
        pdf.paragraph(_("No child to list this month."))
        return
    pdf.table_of(
        [
            _("Child"),
            _("Case reference"),
            _("District"),
            _("Legal status"),
            _("Most in a window"),
            _("Episodes in the month"),
            _("Meetings"),
        ],
        [
            [
                child.name,
                child.case_ref,
                child.district,
                child.legal_status,
                str(child.most_in_window) if pack.kind is PanelKind.MMH else "-",
                str(child.episodes_in_month),
                _("%(held)s held, %(open)s open", held=held, open=len(child.meetings) - held),
            ]
            for child in pack.children
            for held in [sum(1 for m in child.meetings if m.held)]
        ],
        (30, 18, 18, 22, 14, 14, 20),
    )
    for child in pack.children:
        _child(pdf, pack, child)


def _places(pdf: PackDocument, pack: PanelPack) -> None:
    if pack.kind is PanelKind.MMH:
        pdf.heading(_("Hotspots: where children were found this month"))
    else:
        pdf.heading(_("Where these children were found"))
    if not pack.places:
        pdf.paragraph(_("No child was found at a recorded place."))
        return
    pdf.table_of(
        [_("Place"), _("District"), _("Returns"), _("Children")],
        [
            [
                place.place,
                place.district or _("Not known"),
                str(place.episodes),
                str(place.children),
            ]
            for place in pack.places
        ],
        (50, 25, 12, 12),
    )


def _new_flags(pdf: PackDocument, pack: PanelPack) -> None:
    pdf.heading(_("New exploitation flags this month"))
    if not pack.new_flags:
        pdf.paragraph(_("No new exploitation flag this month."))
        return
    pdf.table_of(
        [_("Child"), _("Case reference"), _("Flag"), _("Raised"), _("Had it before")],
        [
            [
                flag.name,
                flag.case_ref,
                _flag_text(flag),
                _when(flag.at),
                _("Yes") if flag.earlier else _("No"),
            ]
            for flag in pack.new_flags
        ],
        (25, 16, 50, 16, 12),
    )


def _overdue_status(row: OverdueInterview) -> str:
    if row.interview_at is not None:
        return _("Held %(when)s (late)", when=_when(row.interview_at))
    return row.status.label


def _overdue(pdf: PackDocument, pack: PanelPack) -> None:
    pdf.heading(_("Interviews that went overdue this month"))
    if not pack.overdue:
        pdf.paragraph(_("No interview went overdue this month."))
        return
    pdf.table_of(
        [_("Child"), _("Case reference"), _("Came back"), _("Due"), _("Now")],
        [
            [
                row.name,
                row.case_ref,
                _when(row.returned_at, _("Not recorded")),
                _when(row.due_at),
                _overdue_status(row),
            ]
            for row in pack.overdue
        ],
        (25, 16, 18, 18, 30),
    )


def render_pdf(pack: PanelPack) -> bytes:
    """The pack as PDF bytes (needs an app context: dates are shown in UK time)."""
    pdf = PackDocument(pack)
    pdf.add_page()
    _introduction(pdf, pack)
    _children(pdf, pack)
    _places(pdf, pack)
    _new_flags(pdf, pack)
    _overdue(pdf, pack)
    return bytes(pdf.output())
