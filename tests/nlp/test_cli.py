"""The ``python -m nlp`` contract, run as a subprocess exactly as scripts use it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from nlp.taxonomy import THEME_IDS

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nlp", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def jsonl(*objs: object) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


def outputs(proc: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_tag_stdin_in_order_with_same_ids() -> None:
    lines = [{"id": f"n{i}", "text": t} for i, t in enumerate(["went country", "", "grounded"])]
    lines += [{"id": 7, "text": "No CSE concerns"}]
    proc = run("tag", stdin=jsonl(*lines))
    assert proc.returncode == 0, proc.stderr
    out = outputs(proc)
    assert [o["id"] for o in out] == ["n0", "n1", "n2", 7]
    assert out[0]["themes"] == ["cce"]
    assert out[1]["themes"] == [] and out[1]["evidence"] == []
    assert out[3]["themes"] == []
    for o in out:
        assert set(o) == {"id", "themes", "urgent", "sentiment", "evidence"}
        assert set(o["sentiment"]) == {"polarity", "label"}  # type: ignore[arg-type]


def test_tag_evidence_shape() -> None:
    text = "YP said she went country with older lads"
    out = outputs(run("tag", stdin=jsonl({"id": "a", "text": text})))[0]
    assert out["themes"] == ["cce", "risky_adults"]
    for ev in out["evidence"]:  # type: ignore[attr-defined]
        assert set(ev) == {"theme", "start", "end", "text", "score"}
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_bad_lines_reported_and_run_continues_exit_2() -> None:
    stdin = (
        jsonl({"id": "ok1", "text": "grounded again"})
        + '{"id": "broken", "text": \n'
        + jsonl({"id": "notext"})
        + jsonl({"id": "num", "text": 5})
        + "[1, 2]\n"
        + "\n"
        + jsonl({"id": "ok2", "text": "hes outside"})
    )
    proc = run("tag", stdin=stdin)
    assert proc.returncode == 2
    out = outputs(proc)
    assert [o["id"] for o in out] == ["ok1", "broken", "notext", "num", None, None, "ok2"]
    assert [("error" in o) for o in out] == [False, True, True, True, True, True, False]
    assert out[-1]["urgent"] is True


def test_tag_reads_file_argument(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl({"id": "f1", "text": "my anxiety is bad"}, {"id": "f2", "text": "ok"}))
    proc = run("tag", str(path))
    assert proc.returncode == 0, proc.stderr
    assert [(o["id"], o["themes"]) for o in outputs(proc)] == [
        ("f1", ["mental_health"]),
        ("f2", []),
    ]


def test_tag_empty_input_is_ok() -> None:
    proc = run("tag", stdin="")
    assert proc.returncode == 0
    assert proc.stdout == ""


def test_tag_unicode_passthrough() -> None:
    out = outputs(run("tag", stdin=jsonl({"id": "u", "text": "gutted 😢 went country"})))[0]
    assert out["sentiment"]["label"] == "neg"  # type: ignore[index]
    assert out["evidence"][0]["text"] == "went country"  # type: ignore[index]


def test_evaluate_shipped_model_prints_per_label_table() -> None:
    # Replaces the "not built yet" (exit 3) test: train and evaluate now exist.
    proc = run("evaluate")
    assert proc.returncode == 0, proc.stderr
    for theme in THEME_IDS:
        assert re.search(rf"^{theme}\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+\d+$", proc.stdout, re.M)


def test_bench_prints_throughput_and_latency() -> None:
    proc = run("bench")
    assert proc.returncode == 0, proc.stderr
    figures = dict(line.split(": ", 1) for line in proc.stdout.splitlines())
    assert float(figures["throughput_texts_per_s"]) > 0
    # Figures only: how fast is measured by `make bench` (docs/benchmarks.md), not a timed test.
    assert float(figures["first_tag_latency_s"]) > 0


def test_no_flask_imports_in_nlp() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+flask", re.MULTILINE | re.IGNORECASE)
    for path in (ROOT / "nlp").glob("*.py"):
        assert not pattern.search(path.read_text()), path
