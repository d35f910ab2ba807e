"""axe-core accessibility checks, run inside the page under test.

axe is injected with ``page.evaluate`` rather than a ``<script>`` tag: the
page's Content Security Policy (quite rightly) refuses scripts without its
nonce, and the check must not need the policy loosened.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from rhi.config import PROJECT_ROOT

AXE_SOURCE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = frozenset({"serious", "critical"})

# Marks a document as checked; a fresh document (after any navigation) starts unmarked.
_MARK_CHECKED = """() => {
    const seen = window.__homewardAxeChecked === true;
    window.__homewardAxeChecked = true;
    return seen;
}"""


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@functools.cache
def axe_source() -> str:
    if not AXE_SOURCE.exists():
        pytest.fail(f"{AXE_SOURCE} is missing: run `make test` (npm ci installs axe-core)")
    return AXE_SOURCE.read_text(encoding="utf-8")


@dataclass
class LesserViolation:
    """A rule broken below "serious" impact: reported in the summary, not failed."""

    impact: str
    help: str
    targets: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)


@dataclass
class AxeReport:
    """What axe found across the session, for the summary line."""

    browser_started: bool = False
    pages_checked: int = 0
    failures: int = 0
    lesser: dict[str, LesserViolation] = field(default_factory=dict)

    def note(self, violation: dict[str, Any], path: str) -> None:
        found = self.lesser.setdefault(
            violation["id"], LesserViolation(str(violation["impact"]), violation["help"])
        )
        found.targets.update(_target(node) for node in violation["nodes"])
        found.paths.add(path)

    def summary_lines(self) -> list[str]:
        lines = [
            f"axe-core: {self.pages_checked} pages checked, "
            f"{self.failures} serious or critical violations"
        ]
        for rule, found in sorted(self.lesser.items()):
            lines.append(
                f"  not failed: {rule} ({found.impact}) {found.help}: "
                f"{', '.join(sorted(found.targets))} on {len(found.paths)} pages "
                f"({', '.join(sorted(found.paths))})"
            )
        return lines


REPORT = AxeReport()


def _target(node: dict[str, Any]) -> str:
    return " ".join(str(part) for part in node["target"])


def describe(violation: dict[str, Any]) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']}"]
    lines.append(f"    {violation['helpUrl']}")
    for node in violation["nodes"]:
        lines.append(f"    - {_target(node)}: {node['html'][:200]}")
    return "\n".join(lines)


def _known_govuk_issue(violation: dict[str, Any], node: dict[str, Any]) -> bool:
    """GOV.UK Frontend's conditional reveal sets ``aria-expanded`` on a radio.

    axe calls that a critical misuse of ARIA; GDS keep it on purpose because
    screen readers announce it (alphagov/govuk-frontend#979, a documented known
    issue). Only that exact case is let through, and it is still reported.
    """
    html = str(node.get("html", ""))
    return (
        violation["id"] == "aria-allowed-attr"
        and 'class="govuk-radios__input"' in html
        and 'aria-controls="conditional-' in html
        and "aria-expanded=" in str(node.get("failureSummary", ""))
    )


def _without_known_issues(violation: dict[str, Any]) -> dict[str, Any] | None:
    nodes = [node for node in violation["nodes"] if not _known_govuk_issue(violation, node)]
    return {**violation, "nodes": nodes} if nodes else None


def assert_accessible(page: Page) -> None:
    """Run axe on the page as it is now; fail on any serious or critical violation."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    if not page.evaluate(_MARK_CHECKED):
        REPORT.pages_checked += 1
    path = path_of(page.url)
    failing = []
    for violation in results["violations"]:
        remaining = _without_known_issues(violation)
        if remaining is not None and violation["impact"] in FAILING_IMPACTS:
            failing.append(remaining)
        elif remaining is None:
            REPORT.note({**violation, "impact": "known GOV.UK Frontend issue"}, path)
        else:
            REPORT.note(violation, path)
    if failing:
        REPORT.failures += len(failing)
        details = "\n".join(describe(violation) for violation in failing)
        pytest.fail(f"axe-core found accessibility violations on {path}:\n{details}")


def was_checked(page: Page) -> bool:
    """Whether the document now in ``page`` has been through ``assert_accessible``."""
    return bool(page.evaluate("() => window.__homewardAxeChecked === true"))
