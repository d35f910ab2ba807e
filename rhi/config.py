"""Configuration, read once from environment variables with safe defaults.

This is the only module that reads ``os.environ``. Every setting has a
development default, except that production refuses to start without a real
secret key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SECRET_KEY = "development-only-secret-key-not-for-production"  # noqa: S105

ENVIRONMENTS = ("development", "test", "production")


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete; the app must not start."""


def _flag(value: str | None, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from exc


def _at_least(env: dict[str, str], name: str, default: int, minimum: int) -> int:
    """A whole number no smaller than ``minimum`` (a retention period set to 0 would purge all)."""
    value = _int(env, name, default)
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, not {value}")
    return value


def _positive(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be more than 0, not {raw!r}")
    return value


def _quiet_hours(raw: str) -> tuple[time, time]:
    """``"21:00-08:00"``: no survey texts from the first time until the second (UK time)."""
    try:
        start, end = (time.fromisoformat(part.strip()) for part in raw.split("-"))
    except ValueError as exc:
        raise ConfigError(f"SMS_QUIET_HOURS must look like 21:00-08:00, not {raw!r}") from exc
    return start, end


@dataclass(frozen=True)
class Settings:
    """What the environment says, before it becomes Flask config."""

    env: str
    secret_key: str
    database_url: str
    demo: bool
    session_idle_minutes: int
    session_max_hours: int
    sign_in_max_failures: int
    sign_in_lockout_minutes: int
    ratelimit_storage_uri: str
    sign_in_rate_limit: str
    default_locale: str
    log_level: str
    trusted_proxies: int
    repeat_episodes: int
    repeat_window_days: int
    public_base_url: str
    twilio_account_sid: str
    twilio_auth_token: str
    twilio_from: str
    twilio_api_base_url: str
    sms_rate_per_second: float
    sms_send_timeout: float
    sms_quiet_hours: tuple[time, time]
    retention_looked_after_age: int
    retention_other_age: int
    retention_unmatched_sms_days: int
    retention_audit_years: int
    nlp_models_dir: str
    insight_cache_seconds: int

    def as_flask_config(self) -> dict[str, Any]:
        local = self.env in {"development", "test"}
        return {
            "HOMEWARD_ENV": self.env,
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "HOMEWARD_DEMO": self.demo,
            "SESSION_IDLE_TIMEOUT": timedelta(minutes=self.session_idle_minutes),
            "SESSION_MAX_AGE": timedelta(hours=self.session_max_hours),
            "PERMANENT_SESSION_LIFETIME": timedelta(hours=self.session_max_hours),
            "SIGN_IN_MAX_FAILURES": self.sign_in_max_failures,
            "SIGN_IN_LOCKOUT": timedelta(minutes=self.sign_in_lockout_minutes),
            "SESSION_COOKIE_NAME": "homeward_session" if local else "__Host-homeward_session",
            "SESSION_COOKIE_SECURE": not local,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "RATELIMIT_STORAGE_URI": self.ratelimit_storage_uri,
            "RATELIMIT_HEADERS_ENABLED": True,
            "SIGN_IN_RATE_LIMIT": self.sign_in_rate_limit,
            "BABEL_DEFAULT_LOCALE": self.default_locale,
            "BABEL_DEFAULT_TIMEZONE": "Europe/London",
            "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "rhi" / "translations"),
            "MAX_CONTENT_LENGTH": 1024 * 1024,
            "WTF_CSRF_TIME_LIMIT": self.session_max_hours * 3600,
            "LOG_LEVEL": self.log_level,
            "TRUSTED_PROXIES": self.trusted_proxies,
            "REPEAT_EPISODES": self.repeat_episodes,
            "REPEAT_WINDOW": timedelta(days=self.repeat_window_days),
            "PUBLIC_BASE_URL": self.public_base_url,
            "TWILIO_ACCOUNT_SID": self.twilio_account_sid,
            "TWILIO_AUTH_TOKEN": self.twilio_auth_token,
            "TWILIO_FROM": self.twilio_from,
            "TWILIO_API_BASE_URL": self.twilio_api_base_url,
            "SMS_RATE_PER_SECOND": self.sms_rate_per_second,
            "SMS_SEND_TIMEOUT": self.sms_send_timeout,
            "SMS_QUIET_HOURS": self.sms_quiet_hours,
            "RETENTION_LOOKED_AFTER_AGE": self.retention_looked_after_age,
            "RETENTION_OTHER_AGE": self.retention_other_age,
            "RETENTION_UNMATCHED_SMS_DAYS": self.retention_unmatched_sms_days,
            "RETENTION_AUDIT_YEARS": self.retention_audit_years,
            "NLP_MODELS_DIR": self.nlp_models_dir,
            "INSIGHT_CACHE_SECONDS": self.insight_cache_seconds,
        }


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Read settings from ``env`` (the process environment by default)."""
    env = dict(os.environ if env is None else env)
    name = env.get("HOMEWARD_ENV", "development")
    if name not in ENVIRONMENTS:
        raise ConfigError(f"HOMEWARD_ENV must be one of {', '.join(ENVIRONMENTS)}, not {name!r}")
    secret_key = env.get("SECRET_KEY", "")
    if name == "production":
        if not secret_key or secret_key == DEVELOPMENT_SECRET_KEY or len(secret_key) < 32:
            raise ConfigError(
                "SECRET_KEY must be set to a random value of at least 32 characters in production"
            )
    elif not secret_key:
        secret_key = DEVELOPMENT_SECRET_KEY
    demo = _flag(env.get("HOMEWARD_DEMO"))
    if demo and name == "production":
        raise ConfigError("HOMEWARD_DEMO must not be set in production")
    default_db = f"sqlite:///{PROJECT_ROOT / 'instance' / 'homeward.db'}"
    return Settings(
        env=name,
        secret_key=secret_key,
        database_url=env.get("DATABASE_URL") or default_db,
        demo=demo,
        session_idle_minutes=_int(env, "SESSION_IDLE_MINUTES", 30),
        session_max_hours=_int(env, "SESSION_MAX_HOURS", 12),
        sign_in_max_failures=_int(env, "SIGN_IN_MAX_FAILURES", 5),
        sign_in_lockout_minutes=_int(env, "SIGN_IN_LOCKOUT_MINUTES", 15),
        ratelimit_storage_uri=env.get("RATELIMIT_STORAGE_URI") or "memory://",
        sign_in_rate_limit=env.get("SIGN_IN_RATE_LIMIT") or "20 per minute",
        default_locale=env.get("HOMEWARD_DEFAULT_LOCALE") or "en",
        log_level=env.get("LOG_LEVEL") or "INFO",
        trusted_proxies=_int(env, "TRUSTED_PROXIES", 0),
        repeat_episodes=_int(env, "REPEAT_MISSING_EPISODES", 3),
        repeat_window_days=_int(env, "REPEAT_MISSING_WINDOW_DAYS", 90),
        public_base_url=(env.get("PUBLIC_BASE_URL") or "").rstrip("/"),
        twilio_account_sid=env.get("TWILIO_ACCOUNT_SID") or "",
        twilio_auth_token=env.get("TWILIO_AUTH_TOKEN") or "",
        twilio_from=env.get("TWILIO_FROM") or "",
        twilio_api_base_url=(env.get("TWILIO_API_BASE_URL") or "").rstrip("/"),
        sms_rate_per_second=_positive(env, "SMS_RATE_PER_SECOND", 10.0),
        sms_send_timeout=_positive(env, "SMS_SEND_TIMEOUT_SECONDS", 10.0),
        sms_quiet_hours=_quiet_hours(env.get("SMS_QUIET_HOURS") or "21:00-08:00"),
        retention_looked_after_age=_at_least(env, "RETENTION_LOOKED_AFTER_AGE", 75, 18),
        retention_other_age=_at_least(env, "RETENTION_OTHER_AGE", 25, 18),
        retention_unmatched_sms_days=_at_least(env, "RETENTION_UNMATCHED_SMS_DAYS", 730, 30),
        retention_audit_years=_at_least(env, "RETENTION_AUDIT_YEARS", 0, 0),
        nlp_models_dir=env.get("NLP_MODELS_DIR") or str(PROJECT_ROOT / "instance" / "models"),
        # Tests count afresh each time; a person sees figures at most a minute old.
        insight_cache_seconds=_at_least(
            env, "INSIGHT_CACHE_SECONDS", 0 if name == "test" else 60, 0
        ),
    )


def engine_options(database_url: str) -> dict[str, Any]:
    """Connection settings that suit each database."""
    # hide_parameters: a database error never quotes the values (names, numbers, texts).
    if database_url.startswith("sqlite"):
        return {"connect_args": {"timeout": 15}, "hide_parameters": True}
    # jit=off: PostgreSQL's JIT compiles the insight queries (large estimated
    # costs, short real run times) for longer than they take to run.
    return {
        "pool_pre_ping": True,
        "pool_size": 10,
        "max_overflow": 10,
        "hide_parameters": True,
        "connect_args": {"options": "-c jit=off"},
    }
