"""Homeward: Return Home Interviews and the voice of the child."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, g, has_request_context, request
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from rhi.config import PROJECT_ROOT, engine_options, load_settings
from rhi.logsafe import error_summary, route

SUPPORTED_LOCALES = ("en",)


class Homeward(Flask):
    def log_exception(self, exc_info: Any) -> None:
        """Flask logs an unhandled error with its message; ours keeps only type and stack."""
        error = exc_info[1]
        self.logger.error("Exception on %s: %s", route(), error_summary(error))


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides what the environment says (tests use it)."""
    app = Homeward(
        __name__,
        static_folder=str(PROJECT_ROOT / "static"),
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.from_mapping(load_settings().as_flask_config())
    if config:
        app.config.from_mapping(config)
    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config["SQLALCHEMY_DATABASE_URI"])
    )
    if app.config["TRUSTED_PROXIES"]:
        # Behind a reverse proxy: take the client address and scheme from the
        # headers the proxy sets (for the audit log, rate limits and cookies).
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    logging.basicConfig(
        level=app.config["LOG_LEVEL"], format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    _init_extensions(app)
    _register_blueprints(app)

    import feedback

    feedback.init_app(app)

    from rhi import errors, security

    errors.init_app(app)
    security.init_app(app)
    _register_commands(app)
    _template_context(app)
    return app


def _select_locale() -> str | None:
    if not has_request_context():
        return None  # the default locale, e.g. in command-line output
    return request.accept_languages.best_match(SUPPORTED_LOCALES)


def _init_extensions(app: Flask) -> None:
    from govuk_frontend_wtf.main import WTFormsHelpers

    # Import every model so the metadata (and Alembic) sees the whole schema.
    from rhi import models  # noqa: F401
    from rhi.auth.sessions import load_signed_in_user
    from rhi.extensions import babel, csrf, db, limiter, migrate
    from rhi.themes import sources  # noqa: F401  (registers interview notes for tagging)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    babel.init_app(app, locale_selector=_select_locale)
    limiter.init_app(app)
    # Who is signed in must be known before CSRF is checked, so a CSRF failure
    # is audited against the right person.
    app.before_request(load_signed_in_user)
    csrf.init_app(app)
    WTFormsHelpers(app)


def _register_blueprints(app: Flask) -> None:
    from rhi.admin.views import bp as admin_bp
    from rhi.api.views import bp as api_bp
    from rhi.audit.views import bp as audit_bp
    from rhi.auth.views import bp as auth_bp
    from rhi.children.views import bp as children_bp
    from rhi.extensions import csrf
    from rhi.insights.panel_views import bp as panels_bp
    from rhi.insights.reasons_views import bp as reasons_bp
    from rhi.insights.returns_views import bp as statutory_bp
    from rhi.insights.views import bp as insights_bp
    from rhi.interviews.views import bp as interviews_bp
    from rhi.main.views import bp as main_bp
    from rhi.meetings.views import bp as meetings_bp
    from rhi.themes.model_views import bp as tagger_models_bp
    from rhi.themes.views import bp as themes_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(audit_bp, url_prefix="/admin/audit-log")
    app.register_blueprint(children_bp, url_prefix="/children")
    app.register_blueprint(interviews_bp, url_prefix="/returns")
    app.register_blueprint(meetings_bp, url_prefix="/meetings")
    app.register_blueprint(themes_bp, url_prefix="/themes")
    app.register_blueprint(tagger_models_bp, url_prefix="/admin/tagger-models")
    app.register_blueprint(insights_bp, url_prefix="/insights")
    app.register_blueprint(statutory_bp, url_prefix="/insights/returns")
    app.register_blueprint(reasons_bp, url_prefix="/insights/reasons")
    app.register_blueprint(panels_bp, url_prefix="/insights/panels")
    # The API authenticates with bearer keys, not cookies, so CSRF does not apply.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")


def _register_commands(app: Flask) -> None:
    from rhi.api.cli import api_keys_command
    from rhi.demo import demo_data_command
    from rhi.retention_cli import retention_command
    from rhi.themes.cli import themes_command

    app.cli.add_command(demo_data_command)
    app.cli.add_command(api_keys_command)
    app.cli.add_command(themes_command)
    app.cli.add_command(retention_command)


def _template_context(app: Flask) -> None:
    from flask_babel import get_locale

    from rhi.navigation import insight_sections_for_current_user, navigation_for_current_user

    @app.context_processor
    def inject() -> dict[str, Any]:
        return {
            "current_user": g.get("user"),
            "demo_mode": app.config["HOMEWARD_DEMO"],
            "navigation": navigation_for_current_user,
            "insight_sections": insight_sections_for_current_user,
            "get_locale": get_locale,
        }
