"""The monthly panel packs (MMH, CCEP, MASE): who is in each, on the page and in the PDF.

A small hand-built October 2026 with known answers. October 2026 starts at
23:00 UTC on 30 September (British Summer Time) and ends at midnight UTC on
31 October (the clocks went back on the 25th). The repeat-missing rule is the
default: more than 3 episodes in any 90 days.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from flask import Flask
from pypdf import PdfReader

from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User
from rhi.auth.roles import Role
from rhi.children.models import Child
from rhi.extensions import db
from rhi.insights.filters import uk_today
from rhi.insights.panel import (
    BadMonth,
    FlagKind,
    OverdueInterview,
    PanelKind,
    PanelPack,
    build_pack,
    last_complete_month,
    month_starting,
    parse_month,
)
from rhi.insights.panel_pdf import render_pdf
from rhi.interviews.models import ReturnInterview
from rhi.interviews.record import InterviewRecord
from rhi.interviews.services import change_status, rag
from rhi.interviews.vocabulary import Rag, RhiStatus
from rhi.meetings.models import MeetingTask
from rhi.meetings.services import record_meeting
from rhi.themes.models import TaggedText, ThemeSuggestion
from rhi.themes.vocabulary import Decision
from tests.auth_helpers import sign_in
from tests.factories import create_team, create_user
from tests.pages import ClientRequest, error_messages, normalise
from tests.workflow_factories import create_child, create_returned_episode

OCTOBER = month_starting(date(2026, 10, 1))
SEPTEMBER = month_starting(date(2026, 9, 1))
PACK = "/insights/panels/mmh?month=2026-10"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def episodes(child: Child, *starts: datetime, place: str | None = None) -> list[ReturnInterview]:
    """Six-hour episodes starting at ``starts``, each with its interview requested."""
    made = []
    for start in starts:
        _episode, rhi = create_returned_episode(child, started_at=start, found_location=place)
        made.append(rhi)
    return made


def completed(rhi: ReturnInterview, held: datetime) -> None:
    """The interview held and written up at ``held``."""
    for status in (RhiStatus.OFFERED, RhiStatus.ACCEPTED, RhiStatus.SCHEDULED):
        change_status(rhi, status, by=None, at=held - timedelta(hours=1))
    change_status(rhi, RhiStatus.COMPLETED, by=None, at=held)
    db.session.add(InterviewRecord(rhi_id=rhi.id, held_at=held, submitted_at=held))
    db.session.commit()


def theme(
    child: Child, name: str, decision: Decision, *, written: datetime, decided: datetime | None
) -> None:
    """A text about ``child`` carrying one theme suggestion and its fate."""
    text = TaggedText(
        source="sms",
        source_id=db.session.scalar(sa.select(sa.func.count(TaggedText.id))) or 0,
        child_id=child.id,
        written_at=written,
        text_hash="0" * 64,
        model_version="test",
    )
    db.session.add(text)
    db.session.flush()
    db.session.add(
        ThemeSuggestion(text_id=text.id, theme=name, decision=decision, decided_at=decided)
    )
    db.session.commit()


def indicators(rhi: ReturnInterview, *found: str, held: datetime) -> None:
    db.session.add(
        InterviewRecord(
            rhi_id=rhi.id, exploitation_indicators=list(found), held_at=held, submitted_at=held
        )
    )
    db.session.commit()


@dataclass
class October:
    team: Team
    manager: User
    admin: User
    children: dict[str, Child]
    rhis: dict[str, ReturnInterview]


def october(app_ctx: Flask) -> October:
    team = create_team("Mansfield RHI team")
    other_team = create_team("Bassetlaw RHI team")
    manager = create_user(Role.TEAM_MANAGER, team=team, full_name="Morgan Manager")
    admin = create_user(Role.ADMIN, full_name="Alex Admin")

    def child(given: str, family: str, **extra: object) -> Child:
        return create_child(team=team, given_name=given, family_name=family, **extra)

    kids = {
        # Exactly 3 in the window ending 10 October: not over the threshold.
        "three": child("Tess", "Three"),
        # 4 in the window ending 10 October: over.
        "four": child("Zoë", "Łukasiewicz", legal_status="lac"),
        # Over at an episode from 30 September to 1 October: in October's pack too.
        "spanning": child("Sam", "Spanning"),
        # Over in July, nothing since: not October's.
        "old": child("Olly", "Oldfour"),
        # The first episode exactly 90 days before the fourth: outside the window.
        "edge": child("Eddie", "Edge"),
        # Over, but in another team: only administrators see them.
        "elsewhere": create_child(
            team=other_team, district="bassetlaw", given_name="Wren", family_name="Elsewhere"
        ),
        # Exploitation: accepted, only suggested, rejected, indicators.
        "cce_accepted": child("Cai", "Accepted"),
        "cce_suggested": child("Cara", "Suggested"),
        "cse_accepted": child("Sian", "Accepted"),
        "cse_rejected": child("Rory", "Rejected"),
        "carrying": child("Kit", "Carrying"),
        "shared_sign": child("Jo", "Injured"),
        # The 72-hour clock: on time at exactly 72 hours, late at 73.
        "on_time": child("Tia", "Ontime"),
        "late": child("Lee", "Late"),
        "waiting": child("Will", "Waiting"),
        "declined": child("Dee", "Declined"),
    }
    rhis: dict[str, ReturnInterview] = {}
    episodes(kids["three"], utc(2026, 9, 5, 10), utc(2026, 9, 20, 10), utc(2026, 10, 10, 10))
    rhis["four"] = episodes(
        kids["four"],
        utc(2026, 8, 20, 10),
        utc(2026, 9, 5, 10),
        utc(2026, 9, 20, 10),
        utc(2026, 10, 10, 10),
        place="Mansfield Bus Station",
    )[-1]
    episodes(kids["spanning"], utc(2026, 7, 20, 10), utc(2026, 8, 10, 10), utc(2026, 9, 1, 10))
    _episode, rhis["spanning"] = create_returned_episode(
        kids["spanning"],
        started_at=utc(2026, 9, 30, 20),
        missing_for=timedelta(hours=7),  # back at 03:00 UTC on 1 October
        found_location="mansfield bus station",
    )
    episodes(
        kids["old"],
        utc(2026, 6, 1, 10),
        utc(2026, 6, 10, 10),
        utc(2026, 6, 20, 10),
        utc(2026, 7, 1, 10),
    )
    fourth = utc(2026, 10, 15, 10)
    episodes(
        kids["edge"],
        fourth - timedelta(days=90),
        fourth - timedelta(days=60),
        fourth - timedelta(days=30),
        fourth,
    )
    episodes(
        kids["elsewhere"],
        utc(2026, 9, 1, 10),
        utc(2026, 9, 10, 10),
        utc(2026, 9, 20, 10),
        utc(2026, 10, 2, 10),
        place="Retford Market Square",
    )

    theme(
        kids["four"], "cce", Decision.ACCEPTED, written=utc(2026, 10, 12), decided=utc(2026, 10, 13)
    )
    theme(
        kids["four"], "family_conflict", Decision.PENDING, written=utc(2026, 10, 12), decided=None
    )
    theme(
        kids["four"], "cse", Decision.REJECTED, written=utc(2026, 10, 12), decided=utc(2026, 10, 13)
    )
    theme(
        kids["four"],
        "boundaries",
        Decision.ACCEPTED,
        written=utc(2026, 9, 8),
        decided=utc(2026, 9, 9),
    )
    theme(
        kids["cce_accepted"],
        "cce",
        Decision.ACCEPTED,
        written=utc(2026, 10, 5),
        decided=utc(2026, 10, 6),
    )
    theme(kids["cce_suggested"], "cce", Decision.PENDING, written=utc(2026, 10, 5), decided=None)
    theme(
        kids["cse_accepted"],
        "cse",
        Decision.ACCEPTED,
        written=utc(2026, 10, 19),
        decided=utc(2026, 10, 20),
    )
    theme(
        kids["cse_rejected"],
        "cse",
        Decision.REJECTED,
        written=utc(2026, 10, 19),
        decided=utc(2026, 10, 20),
    )
    (carrying,) = episodes(kids["carrying"], utc(2026, 10, 6, 10))
    indicators(carrying, "carrying", "older_associates", held=utc(2026, 10, 7, 12))
    (injured,) = episodes(kids["shared_sign"], utc(2026, 10, 6, 10))
    indicators(injured, "injuries", held=utc(2026, 10, 7, 12))

    # Back at 16:00 on 10 October (UTC): due at 16:00 on the 13th.
    (rhis["on_time"],) = episodes(kids["on_time"], utc(2026, 10, 10, 10))
    completed(rhis["on_time"], utc(2026, 10, 13, 16))  # exactly 72 hours
    (rhis["late"],) = episodes(kids["late"], utc(2026, 10, 10, 10))
    completed(rhis["late"], utc(2026, 10, 13, 17))  # 73 hours
    (rhis["waiting"],) = episodes(kids["waiting"], utc(2026, 10, 20, 10))  # due 16:00 on 23rd
    (rhis["declined"],) = episodes(kids["declined"], utc(2026, 10, 20, 10))
    change_status(rhis["declined"], RhiStatus.OFFERED, by=None, at=utc(2026, 10, 21))
    change_status(
        rhis["declined"], RhiStatus.DECLINED, by=None, note="Did not want to", at=utc(2026, 10, 21)
    )
    db.session.commit()
    return October(team, manager, admin, kids, rhis)


@pytest.fixture
def data(app_ctx: Flask) -> October:
    return october(app_ctx)


def names(pack: PanelPack) -> set[str]:
    return {child.name for child in pack.children}


# Months ---------------------------------------------------------------------------------


class TestMonths:
    def test_a_month_is_a_uk_calendar_month(self):
        assert OCTOBER.start == utc(2026, 9, 30, 23)  # midnight in British Summer Time
        assert OCTOBER.end == utc(2026, 11, 1)  # midnight in GMT
        assert OCTOBER.key == "2026-10"

    def test_the_default_is_the_last_complete_month(self):
        assert last_complete_month(date(2026, 11, 26)) == OCTOBER
        assert last_complete_month(date(2027, 1, 1)).key == "2026-12"
        assert parse_month("", today=date(2026, 11, 26)) == OCTOBER
        assert parse_month(" 2026-10 ", today=date(2026, 11, 26)) == OCTOBER

    @pytest.mark.parametrize(
        "text", ["2026-13", "2026-00", "2026-1", "October", "2026/10", "1999-12", "\uff12026-10"]
    )
    def test_bad_months(self, text):
        with pytest.raises(BadMonth):
            parse_month(text, today=date(2026, 11, 26))

    def test_a_month_not_yet_begun(self):
        assert parse_month("2026-11", today=date(2026, 11, 26)).key == "2026-11"
        with pytest.raises(BadMonth):
            parse_month("2026-12", today=date(2026, 11, 26))


# Multiple Missing and Hotspots -----------------------------------------------------------


class TestMultipleMissing:
    def test_children_over_the_threshold_with_an_episode_in_the_month(self, data: October):
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin)
        assert names(pack) == {"Zoë Łukasiewicz", "Sam Spanning", "Wren Elsewhere"}
        by_name = {child.name: child for child in pack.children}
        assert by_name["Zoë Łukasiewicz"].most_in_window == 4
        assert by_name["Sam Spanning"].most_in_window == 4
        # Most episodes in a window first.
        assert pack.children[0].most_in_window == 4

    def test_the_episode_across_the_month_boundary_counts_in_both_months(self, data: October):
        september = build_pack(PanelKind.MMH, SEPTEMBER, viewer=data.admin)
        assert "Sam Spanning" in names(september)
        spanning = next(
            c
            for c in build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin).children
            if c.name == "Sam Spanning"
        )
        assert [e.in_month for e in spanning.episodes] == [False, False, False, True]
        assert spanning.episodes_in_month == 1
        last = spanning.episodes[-1]
        assert last.duration == timedelta(hours=7)
        assert last.place is not None and last.place.lower() == "mansfield bus station"

    def test_the_child_shows_their_episodes_meetings_and_themes(self, data: October):
        four_id = data.children["four"].id
        meeting = db.session.scalars(
            sa.select(MeetingTask).where(MeetingTask.child_id == four_id)
        ).one()
        record_meeting(meeting, uk_today(), "Safety plan agreed with the police", by=data.manager)
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.manager)
        four = next(c for c in pack.children if c.case_ref == data.children["four"].case_ref)
        assert four.legal_status == "Looked after (in care)"
        assert len(four.episodes) == 4 and four.episodes_in_month == 1
        assert [(m.episode_count, m.held, m.outcome) for m in four.meetings] == [
            (4, True, "Safety plan agreed with the police")
        ]
        # Accepted themes only; the suggestion apart; the rejected one nowhere.
        assert [t.theme for t in four.themes] == ["boundaries", "cce"]
        assert [t.theme for t in four.suggested] == ["family_conflict"]
        assert [f.kind for f in four.flags] == [FlagKind.CCE]

    def test_managers_see_their_teams_children_only(self, data: October):
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.manager)
        assert names(pack) == {"Zoë Łukasiewicz", "Sam Spanning"}
        assert "Mansfield RHI team" in pack.scope
        # Hotspots are counts for the whole council, as on the Hotspots page.
        assert [(p.district, p.episodes, p.children) for p in pack.places] == [
            ("Mansfield", 2, 2),
            ("Bassetlaw", 1, 1),
        ]

    def test_new_flags_in_the_month(self, data: October):
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin)
        flags = [(flag.name, flag.kind, flag.indicators) for flag in pack.new_flags]
        assert flags == [
            ("Cai Accepted", FlagKind.CCE, ()),
            ("Kit Carrying", FlagKind.INDICATORS, ("carrying", "older_associates")),
            ("Jo Injured", FlagKind.INDICATORS, ("injuries",)),
            ("Zoë Łukasiewicz", FlagKind.CCE, ()),
            ("Sian Accepted", FlagKind.CSE, ()),
        ]
        assert not any(flag.earlier for flag in pack.new_flags)
        # September had no CSE or CCE flag: the boundaries theme is not one.
        september = build_pack(PanelKind.MMH, SEPTEMBER, viewer=data.admin)
        assert september.new_flags == ()


class TestOverdue:
    def overdue(self, data: October, now: datetime | None = None) -> dict[int, OverdueInterview]:
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin, now=now)
        return {row.rhi_id: row for row in pack.overdue}

    def test_exactly_72_hours_is_on_time_and_73_is_late(self, data: October):
        rows = self.overdue(data)
        assert data.rhis["on_time"].id not in rows
        late = rows[data.rhis["late"].id]
        assert late.interview_at == utc(2026, 10, 13, 17)
        assert late.late_by == timedelta(hours=1)
        assert not late.still_waiting
        assert late.returned_at == utc(2026, 10, 10, 16)

    def test_declined_in_time_is_not_overdue_and_a_waiting_one_is(self, data: October):
        rows = self.overdue(data)
        assert data.rhis["declined"].id not in rows
        waiting = rows[data.rhis["waiting"].id]
        assert waiting.still_waiting
        # The same rule as the Returns due list: red from the due moment itself.
        assert rag(data.rhis["waiting"], now=utc(2026, 10, 23, 16)) is Rag.RED

    def test_the_clock_runs_out_at_the_due_moment(self, data: October):
        due = data.rhis["waiting"].due_at
        assert due == utc(2026, 10, 23, 16)
        assert data.rhis["waiting"].id in self.overdue(data, now=due)
        assert data.rhis["waiting"].id not in self.overdue(data, now=due - timedelta(seconds=1))

    def test_a_manager_sees_their_teams_overdue_interviews_only(self, data: October):
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.manager)
        assert "Wren Elsewhere" not in {row.name for row in pack.overdue}
        admin = build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin)
        assert "Wren Elsewhere" in {row.name for row in admin.overdue}


# CCEP and MASE ------------------------------------------------------------------------


class TestExploitationPanels:
    def test_ccep_lists_accepted_cce_themes_and_cce_indicators(self, data: October):
        pack = build_pack(PanelKind.CCEP, OCTOBER, viewer=data.manager)
        assert names(pack) == {"Cai Accepted", "Kit Carrying", "Zoë Łukasiewicz"}
        # Only suggested, or a sign shared by both kinds: not on the panel.
        assert "Cara Suggested" not in names(pack)
        assert "Jo Injured" not in names(pack)
        assert [(p.episodes, p.children) for p in pack.places] == [(4, 1)]
        assert {flag.name for flag in pack.new_flags} == names(pack)
        overdue = {row.name for row in pack.overdue}
        assert overdue <= names(pack)
        assert "Kit Carrying" in overdue

    def test_mase_lists_accepted_cse_themes_not_rejected_ones(self, data: October):
        pack = build_pack(PanelKind.MASE, OCTOBER, viewer=data.manager)
        assert names(pack) == {"Sian Accepted"}
        assert pack.places == ()


class TestQueries:
    def test_the_number_of_queries_does_not_grow_with_the_children(self, data: October):
        def statements(kind: PanelKind) -> int:
            seen: list[str] = []

            def count(*args: object) -> None:
                seen.append(str(args[2]))

            engine = db.engine
            sa.event.listen(engine, "before_cursor_execute", count)
            try:
                build_pack(kind, OCTOBER, viewer=data.admin)
            finally:
                sa.event.remove(engine, "before_cursor_execute", count)
            return len(seen)

        build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin)  # the viewer is loaded once
        few = statements(PanelKind.MMH)
        for n in range(6):  # six more children over the threshold
            extra = create_child(given_name=f"Extra{n}", family_name="Child")
            episodes(extra, *(utc(2026, 10, 1 + day * 3, 10) for day in range(4)))
        db.session.commit()
        assert len(build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin).children) == 9
        assert statements(PanelKind.MMH) == few
        assert few <= 12
        assert statements(PanelKind.CCEP) <= 12


# Pages -------------------------------------------------------------------------------


def table_rows(page, selector: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [normalise(cell.get_text()) for cell in row.select("th, td")]
        for row in page.select(f"{selector} tbody tr")
    ]


class TestPages:
    def test_choosing_a_panel_and_month_leads_to_a_bookmarkable_pack(
        self, data: October, client_request: ClientRequest
    ):
        sign_in(client_request, data.manager)
        page = client_request.get("/insights/panels")
        assert page.select_one("input[name=month]")["value"] == last_complete_month().key
        assert len(page.select("input[name=panel][type=radio]")) == 3
        response = client_request.get_response(
            "/insights/panels?panel=ccep&month=2026-10", expected_status=302
        )
        assert response.headers["Location"] == "/insights/panels/ccep?month=2026-10"

    def test_the_mmh_pack_page(self, data: October, client_request: ClientRequest):
        sign_in(client_request, data.manager)
        page = client_request.get(PACK)
        assert normalise(page.h1.get_text()) == "Multiple Missing and Hotspots panel: October 2026"
        text = normalise(page.get_text())
        assert "OFFICIAL-SENSITIVE" in text
        children = table_rows(page, "table.app-panel-children")
        # Both missing 4 times in 90 days, so by family name.
        assert [row[:2] for row in children] == [
            ["Sam Spanning", data.children["spanning"].case_ref],
            ["Zoë Łukasiewicz", data.children["four"].case_ref],
        ]
        # Three episodes in 90 days is not over the threshold (but the interview is overdue).
        assert "Tess Three" not in {row[0] for row in children}
        assert "Wren Elsewhere" not in text  # another team's child
        captions = [normalise(c.get_text()) for c in page.select("caption")]
        assert captions == [
            "2 children",
            "Episodes of Sam Spanning from 3 July 2026",
            "Episodes of Zoë Łukasiewicz from 3 July 2026",
            "2 places, most returns first",
            "5 new flags",
            "8 interviews went overdue",
        ]
        headings = [normalise(h.get_text()) for h in page.select("main h2")]
        assert headings == [
            "Children missing more than 3 times in 90 days",
            "Hotspots: where children were found in October 2026",
            "New exploitation flags in October 2026",
            "Interviews that went overdue in October 2026",
        ]
        # Every wide table scrolls in its own named region.
        for table in page.select("table"):
            region = table.find_parent(attrs={"role": "region"})
            assert region is not None and region.get("aria-label")
        places = table_rows(page, "table.app-panel-places")
        assert [row[1:] for row in places] == [["Mansfield", "2", "2"], ["Bassetlaw", "1", "1"]]
        assert "Family conflict" in text and "Suggested, not reviewed" in text
        overdue = table_rows(page, "table.app-panel-overdue")
        late = next(row for row in overdue if row[0] == "Lee Late")
        assert late[4].startswith("Held 13 Oct 2026 18:00 (late)")
        assert not any(row[0] == "Tia Ontime" for row in overdue)
        pdf = page.select_one("a[download]")
        assert pdf["href"] == "/insights/panels/mmh.pdf?month=2026-10"

    def test_the_exploitation_packs(self, data: October, client_request: ClientRequest):
        sign_in(client_request, data.manager)
        ccep = normalise(client_request.get("/insights/panels/ccep?month=2026-10").get_text())
        assert "Cai Accepted" in ccep and "Kit Carrying" in ccep
        assert "Cara Suggested" not in ccep
        mase = client_request.get("/insights/panels/mase?month=2026-10")
        assert [row[0] for row in table_rows(mase, "table.app-panel-children")] == ["Sian Accepted"]
        assert "Rory Rejected" not in normalise(mase.get_text())

    @pytest.mark.parametrize(
        ("path", "message"),
        [
            (
                "/insights/panels/mmh?month=2026-13",
                "Enter a real month: the month number must be from 01 to 12",
            ),
            (
                "/insights/panels/mase.pdf?month=Oct",
                "Enter the month as a year and month, for example 2026-10",
            ),
            ("/insights/panels?panel=&month=2026-10", "Select a panel"),
            ("/insights/panels?panel=xyz&month=2026-10", "Select a panel from the list"),
        ],
    )
    def test_a_bad_choice_is_a_clear_400(
        self, data: October, client_request: ClientRequest, path: str, message: str
    ):
        sign_in(client_request, data.manager)
        page = client_request.get(path, expected_status=400)
        assert error_messages(page) == [message]
        assert page.title.get_text().startswith("Error: ")

    def test_an_unknown_panel_is_not_found(self, data: October, client_request: ClientRequest):
        sign_in(client_request, data.manager)
        client_request.get("/insights/panels/xyz?month=2026-10", expected_status=404)

    @pytest.mark.parametrize("role", [Role.RHI_WORKER, Role.PARTICIPATION_OFFICER])
    def test_only_managers_and_administrators_may_open_packs(
        self, data: October, client_request: ClientRequest, role: Role
    ):
        sign_in(client_request, create_user(role, team=data.team))
        for path in ("/insights/panels", PACK, "/insights/panels/mmh.pdf?month=2026-10"):
            client_request.get_response(path, expected_status=403)

    def test_administrators_see_every_childs_pack(
        self, data: October, client_request: ClientRequest
    ):
        sign_in(client_request, data.admin)
        page = client_request.get(PACK)
        children = [row[0] for row in table_rows(page, "table.app-panel-children")]
        assert children == ["Wren Elsewhere", "Sam Spanning", "Zoë Łukasiewicz"]  # by family name
        assert "Every child known to the service" in normalise(page.get_text())
        # Administrators do not hold meetings or record interviews: no links to them.
        assert not page.select("a[href^='/meetings/']")
        assert not page.select("a[href^='/returns/']")
        response = client_request.get_response("/insights/panels/ccep.pdf?month=2026-10")
        assert response.mimetype == "application/pdf"

    def test_opening_a_pack_is_audited_as_a_view_of_each_child(
        self, data: October, client_request: ClientRequest
    ):
        sign_in(client_request, data.manager)
        client_request.get("/insights/panels/mase?month=2026-10")
        client_request.get_response("/insights/panels/mase.pdf?month=2026-10")
        rows = db.session.scalars(
            sa.select(AuditEvent).where(AuditEvent.action == "child_viewed").order_by(AuditEvent.id)
        ).all()
        sian = str(data.children["cse_accepted"].id)
        assert [(row.object_type, row.object_id, row.actor_id) for row in rows] == [
            ("child", sian, data.manager.id),
            ("child", sian, data.manager.id),
        ]
        assert [row.detail for row in rows] == [
            {"panel": "mase", "month": "2026-10", "format": "html"},
            {"panel": "mase", "month": "2026-10", "format": "pdf"},
        ]

    def test_a_kept_pack_still_names_only_the_viewers_children_and_is_audited(
        self,
        data: October,
        app: Flask,
        client_request: ClientRequest,
        monkeypatch: pytest.MonkeyPatch,
    ):
        monkeypatch.setitem(app.config, "INSIGHT_CACHE_SECONDS", 60)
        elsewhere = create_user(
            Role.TEAM_MANAGER,
            team=db.session.scalars(sa.select(Team).where(Team.name == "Bassetlaw RHI team")).one(),
        )

        def named(viewer: User) -> set[str]:
            sign_in(client_request, viewer)
            page = client_request.get(PACK)
            client_request.post_response("/sign-out", {}, form_url="/")
            return {normalise(th.get_text()) for th in page.select(".app-panel-children tbody th")}

        def views_by_our_manager() -> int:
            return len(
                db.session.scalars(
                    sa.select(AuditEvent.id).where(
                        AuditEvent.action == "child_viewed", AuditEvent.actor_id == data.manager.id
                    )
                ).all()
            )

        ours = {"Zoë Łukasiewicz", "Sam Spanning"}
        assert named(data.manager) == ours
        first_opening = views_by_our_manager()
        # The other team's manager, within the minute: their own children, none of ours.
        theirs = named(elsewhere)
        assert theirs == names(build_pack(PanelKind.MMH, OCTOBER, viewer=elsewhere))
        assert not theirs & ours
        assert named(data.manager) == ours
        # The kept pack's opening is audited like the first.
        assert first_opening >= len(ours)
        assert views_by_our_manager() == 2 * first_opening

    def test_the_pdf_download(self, data: October, client_request: ClientRequest):
        sign_in(client_request, data.manager)
        response = client_request.get_response("/insights/panels/mmh.pdf?month=2026-10")
        assert response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"] == (
            'attachment; filename="mmh-panel-2026-10.pdf"'
        )
        assert response.headers["Cache-Control"] == "no-store"
        reader = PdfReader(io.BytesIO(response.get_data()))
        assert reader.metadata is not None
        assert reader.metadata.title == "Multiple Missing and Hotspots panel: October 2026"
        assert reader.trailer["/Root"]["/Lang"] == "en-GB"
        text = "\n".join(page.extract_text() for page in reader.pages)
        flat = normalise(text)
        for expected in (
            "OFFICIAL-SENSITIVE",
            "Multiple Missing and Hotspots panel: October 2026",
            "Zoë Łukasiewicz",
            "Sam Spanning",
            "Children missing more than 3 times in 90 days",
            "Hotspots: where children were found this month",
            "New exploitation flags this month",
            "Interviews that went overdue this month",
            "Retford Market Square",
            "Lee Late",
            "Suggested, not reviewed",
            f"Page 1 of {len(reader.pages)}",
        ):
            assert expected in flat, expected
        assert "Wren Elsewhere" not in flat  # another team's child
        assert flat.count("OFFICIAL-SENSITIVE") >= 2 * len(reader.pages)
        # Bookmarks: each section, and each child under the first.
        outline = reader.outline
        assert [item.title for item in outline if not isinstance(item, list)] == [
            "Children missing more than 3 times in 90 days",
            "Hotspots: where children were found this month",
            "New exploitation flags this month",
            "Interviews that went overdue this month",
        ]
        assert [item.title for item in outline[1]] == [  # type: ignore[union-attr]
            f"Sam Spanning ({data.children['spanning'].case_ref})",
            f"Zoë Łukasiewicz ({data.children['four'].case_ref})",
        ]


class TestPdf:
    def test_the_same_pack_gives_the_same_bytes(self, data: October):
        now = utc(2026, 11, 2, 9)
        first = render_pdf(build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin, now=now))
        second = render_pdf(build_pack(PanelKind.MMH, OCTOBER, viewer=data.admin, now=now))
        assert first == second
        assert first.startswith(b"%PDF-")

    def test_long_tables_repeat_their_headings_on_each_page(self, data: October):
        many = create_child(team=data.team, given_name="Manny", family_name="Many")
        start = utc(2026, 7, 10, 10)
        episodes(many, *(start + timedelta(days=day) for day in range(0, 110)))
        pack = build_pack(PanelKind.MMH, OCTOBER, viewer=data.manager)
        reader = PdfReader(io.BytesIO(render_pdf(pack)))
        pages_with_heading = [
            page for page in reader.pages if "Went missing" in (page.extract_text() or "")
        ]
        assert len(pages_with_heading) >= 3
