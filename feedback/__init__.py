"""The voice of the child: contacts, surveys, inbox, alerts, simulator, "you said, we did".

``init_app`` plugs the package into the app the factory builds: its models,
its pages and webhooks, the ``worker`` command, and its listener for the RHI
workflow's events (the RHI domain never imports this package).
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from feedback import models, voice_models  # noqa: F401  (the metadata must hold these tables)
    from feedback.demo import load_sms_demo
    from feedback.surveys import on_rhi_status_changed
    from feedback.theme_source import register_source
    from feedback.views import (
        alerts,
        contacts,
        inbox,
        public_voice,
        results,
        simulator,
        survey_admin,
        voice,
    )
    from feedback.webhooks import bp as webhooks_bp
    from feedback.worker import worker_command
    from rhi.demo import EXTRA_DEMO_LOADERS
    from rhi.events import rhi_status_changed
    from rhi.extensions import csrf

    # Twilio signs its webhooks; it cannot send our CSRF token.
    csrf.exempt(webhooks_bp)
    app.register_blueprint(webhooks_bp, url_prefix="/sms")
    app.register_blueprint(contacts.bp, url_prefix="/children")
    app.register_blueprint(survey_admin.bp, url_prefix="/admin/surveys")
    app.register_blueprint(inbox.bp, url_prefix="/messages")
    app.register_blueprint(alerts.bp, url_prefix="/urgent")
    app.register_blueprint(results.bp, url_prefix="/surveys/results")
    app.register_blueprint(simulator.bp, url_prefix="/sms-simulator")
    app.register_blueprint(voice.bp, url_prefix="/voice")
    app.register_blueprint(public_voice.bp)
    app.cli.add_command(worker_command)

    if load_sms_demo not in EXTRA_DEMO_LOADERS:
        EXTRA_DEMO_LOADERS.append(load_sms_demo)
    register_source()
    # A module-level receiver: connecting it again (another app) changes nothing.
    rhi_status_changed.connect(on_rhi_status_changed)
