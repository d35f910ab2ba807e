"""The theme tagger: first tag after a cold start, and throughput.

    .venv/bin/python -m bench.nlp_tagger [--runs 3]

Runs ``python -m nlp bench`` in fresh processes (a cold start each time) and
reports the median and the worst of each figure.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
from datetime import date

from bench.report import write_section


def one_run() -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "nlp", "bench"], capture_output=True, text=True, check=True
    ).stdout
    figures = dict(line.split(": ", 1) for line in out.splitlines())
    return {
        "first": float(figures["first_tag_latency_s"]),
        "throughput": float(figures["throughput_texts_per_s"]),
        "mean_ms": float(figures["mean_latency_ms"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    first = [run["first"] for run in runs]
    rate = [run["throughput"] for run in runs]
    table = (
        "| Runs | First tag, median | First tag, worst | Throughput, median | Mean per text |\n"
        "|---|---|---|---|---|\n"
        f"| {len(runs)} | {statistics.median(first):.2f} s | {max(first):.2f} s "
        f"| {statistics.median(rate):,.0f} texts/s "
        f"| {statistics.median(run['mean_ms'] for run in runs):.2f} ms |"
    )
    print(table)
    body = (
        f"`python -m bench.nlp_tagger --runs {args.runs}`, {date.today().isoformat()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs: `python -m nlp bench` in a fresh "
        "process each run (rules + trained classifier + sentiment + urgent). The target "
        "for the first tag after start is under 2 s.\n\n" + table
    )
    write_section("nlp-tagger", "Theme tagger", body)


if __name__ == "__main__":
    main()
