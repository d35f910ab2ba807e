"""Every model, imported in one place so the metadata holds the whole schema."""

from rhi.audit.models import AuditEvent
from rhi.auth.models import Team, User, UserSession
from rhi.reference.models import District

__all__ = ["AuditEvent", "District", "Team", "User", "UserSession"]
