"""Reasons for missing: themes by episodes and children, with the texts behind a count."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("insights_reasons", __name__)
