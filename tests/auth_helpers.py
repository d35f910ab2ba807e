"""Signing a test client in, through the real two-step sign-in."""

from __future__ import annotations

from rhi.auth.models import User
from tests.factories import PASSWORD, fresh_code
from tests.pages import ClientRequest


def sign_in(client_request: ClientRequest, user: User, password: str = PASSWORD) -> None:
    response = client_request.post_response("/sign-in", {"email": user.email, "password": password})
    assert response.headers["Location"].endswith("/sign-in/security-code"), response.headers[
        "Location"
    ]
    response = client_request.post_response("/sign-in/security-code", {"code": fresh_code(user)})
    assert response.headers["Location"] == "/", response.headers["Location"]
