"""RHI pages, one module per journey: the workflow (due list, caseload, states)
and recording the interview itself."""

from flask import Blueprint

bp = Blueprint("interviews", __name__)

from rhi.interviews.views import record, workflow  # noqa: E402, F401  (routes register on bp)
