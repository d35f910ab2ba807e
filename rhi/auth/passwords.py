"""Password hashing (Argon2id) and the password rules staff see."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask_babel import lazy_gettext as _l

MIN_LENGTH = 12
MAX_LENGTH = 128

# argon2-cffi's defaults are the RFC 9106 "low memory" Argon2id profile.
_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email takes as long as
# a wrong password and does not reveal which accounts exist.
_DUMMY_HASH = _hasher.hash("homeward-timing-equaliser")

COMMON_PASSWORDS = frozenset(
    {
        "password1234",
        "password123!",
        "passwordpassword",
        "123456789012",
        "qwertyuiopas",
        "letmein12345",
        "welcome12345",
        "changeme1234",
        "homeward1234",
    }
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always spends the same effort."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str, email: str | None = None) -> str | None:
    """Why ``password`` is not acceptable, or None when it is."""
    if len(password) < MIN_LENGTH:
        return str(_l("Password must be %(n)s characters or more", n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        return str(_l("Password must be %(n)s characters or fewer", n=MAX_LENGTH))
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(password)) < 4:
        return str(_l("Choose a password that is harder to guess"))
    if email and email.split("@")[0].lower() in lowered:
        return str(_l("Password must not contain your email address"))
    return None
