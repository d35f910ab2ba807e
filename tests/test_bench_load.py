"""The load report's arithmetic: nearest-rank percentiles and the steady state."""

from __future__ import annotations

from bench.load import Sample, load_table, percentile, steady_state


def test_nearest_rank_percentiles() -> None:
    times = [float(n) for n in range(1, 101)]
    assert percentile(times, 0.5) == 50
    assert percentile(times, 0.95) == 95
    assert percentile(times, 0.99) == 99
    assert percentile([7.0], 0.95) == 7


def test_the_steady_state_starts_when_the_last_person_has_signed_in() -> None:
    samples = [
        Sample("POST sign in", 100.0, 400, True),
        Sample("GET My caseload", 100.2, 900, True),  # while others sign in
        Sample("POST sign in", 101.0, 500, True),  # the last, done at 101.5
        Sample("GET My caseload", 101.4, 50, True),
        Sample("GET Child page", 101.5, 60, False),
        Sample("GET My caseload", 103.0, 70, True),
    ]
    assert [s.ms for s in steady_state(samples)] == [60, 70]
    table, p95 = load_table(samples)
    assert p95 == 70
    assert "| **All requests** | 6 | 1 | 70 ms | 900 ms | 900 ms |" in table
    steady = "| **Steady state** (after everyone signed in) | 2 | 1 | 60 ms | 70 ms | 70 ms |"
    assert steady in table
