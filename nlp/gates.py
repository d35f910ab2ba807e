"""Which of many patterns a text can match, found by looking up its own words.

Both the theme rules (token Matchers, :mod:`nlp.pipeline`) and the urgent cues
(regexes, :mod:`nlp.urgent`) give each pattern a *gate*: strings one of which
any match must hold (None: no such strings, the pattern always runs). Testing
every gate against every text cost more than the matching it saved; an index
from gate string to patterns lets a text open only its own (seventh round).
"""

from __future__ import annotations

from collections.abc import Iterable


class GateIndex:
    """Pattern positions by gate string, and those without a gate."""

    def __init__(self, gates: Iterable[frozenset[str] | None]) -> None:
        self._by_string: dict[str, list[int]] = {}
        self._ungated: list[int] = []
        for i, gate in enumerate(gates):
            if gate is None:
                self._ungated.append(i)
            for string in gate or ():
                self._by_string.setdefault(string, []).append(i)

    def opened(self, found: Iterable[str]) -> list[int]:
        """Positions, in order, of the patterns a text holding ``found`` may match."""
        out = set(self._ungated)
        for string in found:
            out.update(self._by_string.get(string, ()))
        return sorted(out)
