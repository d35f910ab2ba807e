"""Staff roles and permissions: the vocabulary, defined once.

Views ask for a *permission*, never a role, so changing who may do what is a
change to ``ROLE_PERMISSIONS`` alone.
"""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l

from rhi.vocabulary import Labelled


class Role(Labelled):
    RHI_WORKER = "rhi_worker", _l("RHI worker")
    TEAM_MANAGER = "team_manager", _l("Team manager")
    PARTICIPATION_OFFICER = "participation_officer", _l("Participation officer")
    ADMIN = "admin", _l("Administrator")


# Staff in these roles work in a team; administrators and participation
# officers work across the council.
ROLES_NEEDING_A_TEAM = frozenset({Role.RHI_WORKER, Role.TEAM_MANAGER})


class Permission(StrEnum):
    """What a signed-in member of staff may do."""

    USE_SERVICE = "use_service"  # any signed-in staff member: home page, own account
    MANAGE_STAFF = "manage_staff"  # add, change, deactivate staff accounts and teams
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_CHILDREN = (
        "view_children"  # identifying child records (within their reach, see rhi.children.access)
    )
    RECORD_RHIS = "record_rhis"  # record contact, offers, scheduling and interviews
    MANAGE_RHIS = "manage_rhis"  # allocate, sign off, link episodes, repeat-missing meetings
    MANAGE_CONTACTS = "manage_contacts"  # a child's mobile numbers, consent, safe to text
    READ_MESSAGES = "read_messages"  # the SMS inbox and conversations (names only if VIEW_CHILDREN)
    SEND_MESSAGES = "send_messages"  # reply by hand in a conversation
    HANDLE_ALERTS = "handle_alerts"  # see and acknowledge urgent texts; set the duty contact
    MANAGE_SURVEYS = "manage_surveys"  # write survey templates and their triggers
    VIEW_SURVEY_RESULTS = "view_survey_results"  # response rates and ratings
    REVIEW_THEMES = "review_themes"  # accept, reject and add themes on pseudonymised texts
    VIEW_INSIGHTS = "view_insights"  # dashboards and panels (counts; exact only with VIEW_CHILDREN)
    # The records behind an insight figure: a list of three under a "<5" would undo it.
    VIEW_INSIGHT_RECORDS = "view_insight_records"
    EXPORT_RETURNS = "export_returns"  # statutory returns, annual tables, FOI figures
    # Approve young people's words for sharing; keep and publish "you said, we did".
    SHARE_VOICE = "share_voice"
    MANAGE_TAGGER = "manage_tagger"  # see the tagger's model versions and choose the one in use


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.RHI_WORKER: frozenset(
        {
            Permission.USE_SERVICE,
            Permission.VIEW_CHILDREN,
            Permission.RECORD_RHIS,
            Permission.MANAGE_CONTACTS,
            Permission.READ_MESSAGES,
            Permission.SEND_MESSAGES,
            Permission.HANDLE_ALERTS,
        }
    ),
    Role.TEAM_MANAGER: frozenset(
        {
            Permission.USE_SERVICE,
            Permission.VIEW_CHILDREN,
            Permission.RECORD_RHIS,
            Permission.MANAGE_RHIS,
            Permission.MANAGE_CONTACTS,
            Permission.READ_MESSAGES,
            Permission.SEND_MESSAGES,
            Permission.HANDLE_ALERTS,
            Permission.VIEW_SURVEY_RESULTS,
            Permission.VIEW_INSIGHTS,
            Permission.VIEW_INSIGHT_RECORDS,
            Permission.EXPORT_RETURNS,
        }
    ),
    # Participation officers see themes and pseudonymised text, never a child's record.
    # They read and answer texts pseudonymised (case reference, masked number).
    Role.PARTICIPATION_OFFICER: frozenset(
        {
            Permission.USE_SERVICE,
            Permission.READ_MESSAGES,
            Permission.SEND_MESSAGES,
            Permission.VIEW_SURVEY_RESULTS,
            Permission.REVIEW_THEMES,
            Permission.VIEW_INSIGHTS,
            Permission.SHARE_VOICE,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.USE_SERVICE,
            Permission.MANAGE_STAFF,
            Permission.VIEW_AUDIT_LOG,
            Permission.VIEW_CHILDREN,
            Permission.MANAGE_SURVEYS,
            Permission.VIEW_SURVEY_RESULTS,
            Permission.VIEW_INSIGHTS,
            Permission.VIEW_INSIGHT_RECORDS,
            Permission.EXPORT_RETURNS,
            Permission.SHARE_VOICE,
            Permission.MANAGE_TAGGER,
        }
    ),
}


def role_has(role: Role | str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(Role(role), frozenset())
