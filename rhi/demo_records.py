"""Synthetic children, episodes and interviews for demo mode. Every person is invented."""

from __future__ import annotations


def load_demo_records() -> dict[str, int]:
    """Add the demo children and their histories, once; return what was added."""
    return {}
