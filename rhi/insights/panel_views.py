"""The monthly panel packs: Multiple Missing and Hotspots, CCEP and MASE, as HTML and PDF."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("insights_panels", __name__)
