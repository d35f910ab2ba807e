"""The "you said, we did" page for young people and families: open to anyone, no sign-in.

It shows only published entries and the quotes still approved for them, in
plain words: no names, no case references, no staff. Visitors who are not
signed in may have it cached for a few minutes (it holds nothing personal);
signed-in staff get the house rule, no caching at all.
"""

from __future__ import annotations

from flask import Blueprint, g, make_response, render_template
from flask.typing import ResponseReturnValue

from feedback import voice as services
from feedback.vocabulary import CHILDLINE, EMERGENCY
from rhi.auth.sessions import public

bp = Blueprint("you_said_we_did", __name__)

# How long a browser or proxy may keep the page before asking again.
CACHE_SECONDS = 300


@bp.route("/you-said-we-did")
@public
def index() -> ResponseReturnValue:
    response = make_response(
        render_template(
            "feedback/voice/public.html",
            changes=services.published_changes(),
            emergency=EMERGENCY,
            childline=CHILDLINE,
        )
    )
    if g.get("user") is None:
        response.cache_control.public = True
        response.cache_control.max_age = CACHE_SECONDS
        # The page's words follow the browser's language; a signed-in visitor is not cached.
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response
