"""The audit vocabulary: every action the audit log can record."""

from enum import StrEnum


class AuditAction(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_LOCKED = "sign_in_locked"
    SIGN_IN_DEACTIVATED = "sign_in_deactivated"
    TWO_FACTOR_FAILED = "two_factor_failed"
    TWO_FACTOR_SET_UP = "two_factor_set_up"
    SIGN_OUT = "sign_out"
    SESSION_EXPIRED = "session_expired"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105 - an action name
    ACCESS_DENIED = "access_denied"
    CSRF_FAILED = "csrf_failed"
    RATE_LIMITED = "rate_limited"
    STAFF_CREATED = "staff_created"
    STAFF_UPDATED = "staff_updated"
    STAFF_DEACTIVATED = "staff_deactivated"
    STAFF_REACTIVATED = "staff_reactivated"
    STAFF_TWO_FACTOR_RESET = "staff_two_factor_reset"
    STAFF_UNLOCKED = "staff_unlocked"
    STAFF_PASSWORD_RESET = "staff_password_reset"  # noqa: S105 - an action name
    TEAM_CREATED = "team_created"
    TEAM_UPDATED = "team_updated"
    TEAM_DEACTIVATED = "team_deactivated"
    TEAM_REACTIVATED = "team_reactivated"
    AUDIT_SEARCHED = "audit_searched"
    CHILD_VIEWED = "child_viewed"
    CHILD_CREATED = "child_created"
    CHILD_UPDATED = "child_updated"
    EPISODE_RECORDED = "episode_recorded"
    EPISODE_RETURNED = "episode_returned"
    RHI_STATUS_CHANGED = "rhi_status_changed"
    RHI_ALLOCATED = "rhi_allocated"
    MEETING_TASK_RAISED = "meeting_task_raised"
