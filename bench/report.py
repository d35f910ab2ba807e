"""Write a benchmark's table into docs/benchmarks.md, between its own markers."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Measured by `make bench` (each section says which script and when). Rerun to
refresh; each script replaces only its own section.
"""


def write_section(name: str, title: str, body: str, doc: Path = DOC) -> None:
    """Replace (or add) the section ``name`` in ``doc`` (docs/benchmarks.md unless told)."""
    text = doc.read_text() if doc.exists() else HEADER
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = f"{start}\n## {title}\n\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else f"{text}\n{section}\n"
    doc.write_text(text)
