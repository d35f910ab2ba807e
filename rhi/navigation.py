"""The service navigation, built for the signed-in user's permissions.

Feature areas add their entry to ``NAV_ITEMS``; an entry shows only when its
endpoint exists and the user has its permission.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app, g, request, url_for
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from rhi.auth.roles import Permission


@dataclass(frozen=True)
class NavItem:
    text: LazyString
    endpoint: str
    permission: Permission
    # Endpoints whose pages count as "in" this section (for the current marker).
    prefix: str


NAV_ITEMS: list[NavItem] = [
    NavItem(_l("Home"), "main.home", Permission.USE_SERVICE, "main."),
    NavItem(
        _l("My caseload"), "interviews.caseload", Permission.RECORD_RHIS, "interviews.caseload"
    ),
    NavItem(_l("Returns due"), "interviews.due_list", Permission.MANAGE_RHIS, "interviews.due"),
    NavItem(_l("Repeat missing"), "meetings.list_meetings", Permission.MANAGE_RHIS, "meetings."),
    NavItem(_l("Children"), "children.search", Permission.VIEW_CHILDREN, "children."),
    NavItem(_l("Urgent texts"), "sms_alerts.list_alerts", Permission.HANDLE_ALERTS, "sms_alerts."),
    NavItem(_l("Messages"), "sms_inbox.inbox", Permission.READ_MESSAGES, "sms_inbox."),
    NavItem(
        _l("Survey results"),
        "sms_results.response_rates",
        Permission.VIEW_SURVEY_RESULTS,
        "sms_results.",
    ),
    # Every insight blueprint's name starts "insights" (see INSIGHT_SECTIONS).
    NavItem(_l("Insight"), "insights.timeliness", Permission.VIEW_INSIGHTS, "insights"),
    NavItem(_l("Returns"), "statutory.index", Permission.EXPORT_RETURNS, "statutory."),
    NavItem(_l("Theme review"), "themes.review_queue", Permission.REVIEW_THEMES, "themes."),
    NavItem(_l("You said, we did"), "voice.changes", Permission.SHARE_VOICE, "voice."),
    NavItem(
        _l("Surveys"), "survey_admin.list_templates", Permission.MANAGE_SURVEYS, "survey_admin."
    ),
    NavItem(_l("Staff"), "admin.list_staff", Permission.MANAGE_STAFF, "admin.staff"),
    NavItem(_l("Teams"), "admin.list_teams", Permission.MANAGE_STAFF, "admin.team"),
    NavItem(_l("Audit log"), "audit.search", Permission.VIEW_AUDIT_LOG, "audit."),
    NavItem(
        _l("Theme tagger"), "tagger_models.list_models", Permission.MANAGE_TAGGER, "tagger_models."
    ),
]


def _section_of(endpoint: str) -> str:
    # "admin.list_staff" / "admin.edit_staff" both belong to "admin.staff".
    blueprint, _, name = endpoint.partition(".")
    noun = name.split("_", 1)[-1]
    return f"{blueprint}.{noun}"


def navigation_for_current_user() -> list[dict[str, Any]]:
    user = g.get("user")
    if user is None:
        return []
    current = request.endpoint or ""
    items = []
    for item in NAV_ITEMS:
        if item.endpoint not in current_app.view_functions or not user.can(item.permission):
            continue
        active = _section_of(current).startswith(item.prefix) or current.startswith(item.prefix)
        items.append({"text": str(item.text), "href": url_for(item.endpoint), "active": active})
    return items


# The pages of the Insight section, listed at the top of each of them.
INSIGHT_SECTIONS: list[NavItem] = [
    NavItem(
        _l("RHI timeliness"), "insights.timeliness", Permission.VIEW_INSIGHTS, "insights.timel"
    ),
    NavItem(_l("Hotspots"), "insights.hotspots", Permission.VIEW_INSIGHTS, "insights.hotspots"),
    NavItem(
        _l("Reasons for missing"),
        "insights_reasons.themes",
        Permission.VIEW_INSIGHTS,
        "insights_reasons.",
    ),
    NavItem(
        _l("Panel packs"),
        "insights_panels.index",
        Permission.VIEW_INSIGHT_RECORDS,
        "insights_panels.",
    ),
    NavItem(_l("FOI figures"), "insights.foi", Permission.EXPORT_RETURNS, "insights.foi"),
]


def insight_sections_for_current_user() -> list[dict[str, Any]]:
    """The Insight pages this user may open, the current one marked."""
    user = g.get("user")
    if user is None:
        return []
    current = request.endpoint or ""
    return [
        {
            "text": str(item.text),
            "href": url_for(item.endpoint),
            "active": current.startswith(item.prefix),
        }
        for item in INSIGHT_SECTIONS
        if item.endpoint in current_app.view_functions and user.can(item.permission)
    ]
