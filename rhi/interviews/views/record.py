"""Recording the structured interview (a placeholder until the form lands)."""

from flask import abort
from flask.typing import ResponseReturnValue

from rhi.auth.roles import Permission
from rhi.auth.sessions import permission_required
from rhi.interviews.views import bp


@bp.route("/<int:rhi_id>/interview", methods=["GET", "POST"])
@permission_required(Permission.RECORD_RHIS)
def record_interview(rhi_id: int) -> ResponseReturnValue:
    abort(404)
