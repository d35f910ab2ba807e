"""Which children a member of staff may see: by role and by relationship.

Administrators see every child; team managers their team's children; RHI
workers their team's children and any child whose RHI is allocated to them;
participation officers no identifying child record at all.
"""

from __future__ import annotations

import sqlalchemy as sa

from rhi.auth.models import User
from rhi.auth.roles import Permission, Role
from rhi.children.models import Child
from rhi.extensions import db
from rhi.interviews.models import ReturnInterview


def visible_children(user: User) -> sa.ColumnElement[bool]:
    """A WHERE clause on ``Child`` for the children ``user`` may see."""
    if not user.can(Permission.VIEW_CHILDREN):
        return sa.false()
    if user.role_enum is Role.ADMIN:
        return sa.true()
    in_team = Child.team_id == user.team_id if user.team_id is not None else sa.false()
    if user.role_enum is Role.RHI_WORKER:
        allocated = Child.id.in_(
            sa.select(ReturnInterview.child_id).where(ReturnInterview.allocated_to_id == user.id)
        )
        return sa.or_(in_team, allocated)
    return in_team


def reach_key(user: User) -> tuple[object, ...]:
    """Equal for two users exactly when :func:`visible_children` gives them the same children."""
    if not user.can(Permission.VIEW_CHILDREN):
        return ("nobody",)
    if user.role_enum is Role.ADMIN:
        return ("everyone",)
    if user.role_enum is Role.RHI_WORKER:
        return ("worker", user.id, user.team_id)
    return ("team", user.team_id)


def can_see(user: User, child: Child) -> bool:
    return bool(
        db.session.scalar(
            sa.select(sa.literal(True)).where(Child.id == child.id, visible_children(user))
        )
    )
