"""Every model, imported in one place so the metadata holds the whole schema."""

from rhi.api.models import ApiClient, IdempotencyRecord
from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User, UserSession
from rhi.children.models import Child
from rhi.children.philomena import PhilomenaProfile
from rhi.episodes.models import Episode, Place
from rhi.interviews.models import ReturnInterview, RhiTransition
from rhi.interviews.record import InterviewRecord
from rhi.meetings.models import MeetingTask
from rhi.reference.models import District
from rhi.themes.models import TaggedText, TaggerChoice, ThemeSuggestion

__all__ = [
    "ApiClient",
    "AuditEvent",
    "Child",
    "District",
    "Episode",
    "IdempotencyRecord",
    "InterviewRecord",
    "MeetingTask",
    "PhilomenaProfile",
    "Place",
    "ReturnInterview",
    "RhiTransition",
    "TaggedText",
    "TaggerChoice",
    "Team",
    "ThemeSuggestion",
    "User",
    "UserSession",
]
