"""The trained classifier: train/evaluate, thresholds, the shipped model, combined tagging.

One full training run per test session (about a minute), shared by the tests
that need it; a tiny-config run checks the corrections file, and the CLI test
trains once more through ``python -m nlp train``.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlp import combine
from nlp.cli import main as cli_main
from nlp.compiled_rules import COMPILED_RULES_NAME
from nlp.corpus import (
    BLIND_TRAINING_PATHS,
    CORRECTIONS_PATH,
    DEV_PATH,
    TRAIN_EXTRA_PATH,
    TRAIN_PATH,
    read_jsonl,
)
from nlp.tagger import Tagger, tag
from nlp.taxonomy import SAFETY_THEMES, THEME_IDS
from nlp.textcat import (
    BUILD_INFO_NAME,
    CONFIG_PATH,
    FIGURES_NAME,
    MODEL_DIR,
    THRESHOLDS_NAME,
    Threshold,
    load_thresholds,
)
from nlp.train import build_inputs, evaluate, train

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full model, trained once per session exactly as `python -m nlp train` does."""
    out = tmp_path_factory.mktemp("model") / "model"
    train(out)
    return out


def test_train_builds_a_model_that_loads(trained: Path) -> None:
    tagger = Tagger.from_dir(trained)
    result = tagger.result("went country", tagger.nlp("went country"))
    assert "cce" in result.themes
    doc = tagger.nlp("YP went country with olders")
    assert set(doc.cats) == set(THEME_IDS)


def test_training_always_uses_the_hand_written_extra_texts_and_read_blind_sets(
    trained: Path,
) -> None:
    record = json.loads((trained / BUILD_INFO_NAME).read_text())
    blind = sum(len(read_jsonl(path)) for path in BLIND_TRAINING_PATHS)
    assert blind >= 1800
    assert record["train_texts"] == (
        len(read_jsonl(TRAIN_PATH)) + len(read_jsonl(TRAIN_EXTRA_PATH)) + blind
    )
    assert record["inputs"]["train_extra"] is not None
    assert None not in record["inputs"]["blind_training"]


def test_thresholds_file_has_every_label(trained: Path) -> None:
    raw = json.loads((trained / THRESHOLDS_NAME).read_text())
    assert set(raw["labels"]) == set(THEME_IDS)
    for theme, t in load_thresholds(trained).items():
        assert 0 < t.model <= 1 and 0 <= t.veto < 1
        if theme in SAFETY_THEMES:
            assert t.veto == 0  # safety rule hits are never vetoed


# What float arithmetic decides: the weights, and the thresholds and figures tuned
# and measured with them. numpy and BLIS pick their vector code by CPU (AVX2,
# AVX-512), so these come out differently on another kind of machine; on one
# machine every run gives the same bytes (test_cli_train_and_evaluate).
FLOAT_RESULTS = {
    "textcat_multilabel/model",
    "meta.json",
    "thresholds.json",
    "figures.json",
    "urgent/textcat_multilabel/model",
    "urgent/meta.json",
}


def _files(model_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(model_dir).as_posix(): p.read_bytes()
        for p in sorted(model_dir.rglob("*"))
        if p.is_file()
    }


def test_shipped_model_is_what_training_builds_now(trained: Path) -> None:
    """The committed model has every file `python -m nlp train` writes, and all but
    the float results byte for byte (config, tokenizer, vocabulary, expanded rules,
    build record). The float results are checked against the floors and against
    the shipped figures instead (test_floors)."""
    built, shipped = _files(trained), _files(MODEL_DIR)
    assert sorted(shipped) == sorted(built), "run python -m nlp train"
    stale = [name for name in built if name not in FLOAT_RESULTS and built[name] != shipped[name]]
    assert stale == [], "run python -m nlp train"


def test_shipped_model_records_current_inputs() -> None:
    """Cheap staleness check: corpus, corrections and config hashes match the files."""
    record = json.loads((MODEL_DIR / BUILD_INFO_NAME).read_text())
    corrections = CORRECTIONS_PATH if CORRECTIONS_PATH.exists() else None
    assert record["inputs"] == build_inputs(TRAIN_PATH, DEV_PATH, corrections, CONFIG_PATH)


def test_the_shipped_tokenizer_is_the_one_its_config_builds() -> None:
    """The pipeline skips reading the model's tokenizer from disk (start-up time), so
    the saved one must be exactly what the config builds."""
    import spacy

    from nlp.pipeline import get_nlp

    saved = spacy.load(MODEL_DIR).tokenizer.to_bytes(exclude=["vocab"])
    assert saved == get_nlp().tokenizer.to_bytes(exclude=["vocab"])


def test_shipped_model_is_small() -> None:
    # The issue allows 25 MB; the theme model is 2.7 MB and the urgent second opinion 1.2 MB.
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 4_500_000


def test_evaluate_prints_a_line_per_label(trained: Path) -> None:
    out = io.StringIO()
    counts = evaluate(out, model_dir=trained)
    lines = out.getvalue().splitlines()
    for theme in THEME_IDS:
        (line,) = [x for x in lines if x.split()[:1] == [theme]]
        p, r, f1, support = line.split()[1:]
        assert 0 <= float(p) <= 1 and 0 <= float(r) <= 1 and 0 <= float(f1) <= 1
        assert int(support) == counts[theme].tp + counts[theme].fn > 0
    assert any(x.startswith("micro avg") for x in lines)
    assert any(x.startswith("macro avg") for x in lines)


def test_combined_tagger_beats_a_floor_on_held_out_test(trained: Path) -> None:
    counts = evaluate(io.StringIO(), model_dir=trained)
    safety_recall = sum(counts[t].tp for t in SAFETY_THEMES) / sum(
        counts[t].tp + counts[t].fn for t in SAFETY_THEMES
    )
    assert safety_recall >= 0.6
    for theme in THEME_IDS:
        assert counts[theme].f1 >= 0.5, theme


def _tiny_config(tmp_path: Path) -> Path:
    text = CONFIG_PATH.read_text()
    text = re.sub(r"max_epochs = \d+", "max_epochs = 2", text)
    text = re.sub(r"length = \d+", "length = 1024", text)
    path = tmp_path / "tiny.cfg"
    path.write_text(text)
    return path


def test_train_uses_corrections_file(tmp_path: Path) -> None:
    rows = [json.loads(x) for x in TRAIN_PATH.read_text().splitlines()[:150]]
    small = tmp_path / "train.jsonl"
    small.write_text("".join(json.dumps(r) + "\n" for r in rows))
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        json.dumps({"id": "c1", "text": "zibble zobble", "labels": ["cce"], "voice": "worker"})
        + "\n"
    )
    out = tmp_path / "model"
    record = train(
        out,
        config_path=_tiny_config(tmp_path),
        train_path=small,
        corrections_path=corrections,
        train_extra_path=None,
        blind_paths=(),
    )
    assert record["train_texts"] == 151
    assert record["inputs"]["corrections"] is not None
    assert set(load_thresholds(out)) == set(THEME_IDS)
    missing = train(
        tmp_path / "m2",
        config_path=_tiny_config(tmp_path),
        train_path=small,
        corrections_path=tmp_path / "absent.jsonl",
        train_extra_path=None,
        blind_paths=(),
    )
    assert missing["train_texts"] == 150 and missing["inputs"]["corrections"] is None


def test_cli_train_and_evaluate(trained: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "nlp", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
            check=False,
        )

    out = tmp_path / "cli-model"
    proc = run("train", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    # Training is deterministic: another process builds the same bytes.
    assert _files(out) == _files(trained)
    n_train = len(read_jsonl(TRAIN_PATH)) + len(read_jsonl(TRAIN_EXTRA_PATH))
    n_train += sum(len(read_jsonl(path)) for path in BLIND_TRAINING_PATHS)
    assert f"train_texts: {n_train}" in proc.stdout
    assert (out / THRESHOLDS_NAME).exists()
    proc = run("evaluate", "--model", str(out))
    assert proc.returncode == 0, proc.stderr
    for theme in THEME_IDS:
        assert re.search(rf"^{theme}\s+[0-9.]+\s+[0-9.]+\s+[0-9.]+\s+\d+$", proc.stdout, re.M)
    proc = run("evaluate", "--model", str(tmp_path / "nothing"))
    assert proc.returncode == 3


def test_retune_keeps_the_weights_and_renews_what_the_rules_decide(
    trained: Path, tmp_path: Path
) -> None:
    """`train --retune` after a rules change: the same expanded rules, thresholds
    and figures as a full training with the same weights, and the weights untouched."""
    model = tmp_path / "model"
    shutil.copytree(trained, model)
    for name in (THRESHOLDS_NAME, FIGURES_NAME, COMPILED_RULES_NAME):
        (model / name).unlink()
    assert cli_main(["train", "--retune", "--output", str(model)]) == 0
    assert _files(model) == _files(trained)
    assert cli_main(["train", "--retune", "--output", str(tmp_path / "none")]) == 3


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("went country with some olders", "risky_adults"),
        ("went country with some olders", "cce"),
        ("YP was OT for a week, found in a trap house", "cce"),
        ("flat was cuckooed and he was plugging", "cce"),
        ("owes 200 on tick so has to graft it off", "cce"),
        ("had a burner and a deal line", "cce"),
        ("my older boyfriend keeps asking me to send pictures", "cse"),
        ("lifts and gifts from men in their 20s", "risky_adults"),
        ("she's been sending pictures to a man she met online", "cse"),
        ("she's been sending pictures to a man she met online", "risky_adults"),
    ],
)
def test_clear_slang_raises_safety_theme(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    "text",
    [
        "No concerns re CSE.",
        "no concerns re CSE or CCE, YP denies contact with adults",
        "No evidence of exploitation. YP was at a friend's.",
        "YP denies going country or holding anything for anyone.",
        "Police NFA, no county lines concerns.",
        "Nothing to suggest YP has an older boyfriend.",
    ],
)
def test_negation_drops_safety_themes(text: str) -> None:
    assert not SAFETY_THEMES & set(tag(text).themes)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # Held-out sentences, written for this test (not in the corpus).
        ("Mum reports a screaming row over his phone being taken", "family_conflict", "cse"),
        ("i was at my girlfriends shes 15 we fell asleep", "relationship", "risky_adults"),
        ("YP said the olders make him carry food to another town", "cce", "relationship"),
        ("her sister's boyfriend dropped her home, safe and well", None, "relationship"),
        ("feeling proper low n cant stop crying", "mental_health", "cce"),
        ("got nicked for shoplifting in town", "offending", "cse"),
        ("Staff at the resi home report YP unsettled since the move", "placement", "cce"),
    ],
)
def test_held_out_sentences(text: str, expected: str | None, absent: str) -> None:
    themes = tag(text).themes
    if expected:
        assert expected in themes
    assert absent not in themes


def test_model_only_safety_theme_has_evidence_with_model_score() -> None:
    sig = combine.Signals(frozenset(), frozenset(), {t: 0.0 for t in THEME_IDS} | {"cce": 0.95}, 9)
    t = {theme: Threshold(0.6) for theme in THEME_IDS}
    assert combine.themes(sig, t) == ["cce"]
    negated = combine.Signals(frozenset(), frozenset({"cse"}), sig.probs, 9)
    assert combine.themes(negated, t) == []
    short = combine.Signals(frozenset(), frozenset(), sig.probs, 2)
    assert combine.themes(short, t) == []


def test_non_safety_theme_never_from_model_alone_and_veto_drops_rule_hit() -> None:
    probs = {t: 0.99 for t in THEME_IDS} | {"peers": 0.01}
    sig = combine.Signals(frozenset({"peers"}), frozenset(), probs, 9)
    t = {theme: Threshold(0.5, veto=0.05) for theme in THEME_IDS}
    assert combine.themes(sig, t) == ["cce", "cse", "risky_adults"]


def test_model_evidence_spans_are_offsets() -> None:
    tagger = Tagger.from_dir(MODEL_DIR)
    text = "Seen at home. YP has two phones and loads of cash and keeps vanishing to another town."
    result = tagger.result(text, tagger.nlp(text))
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.text
        assert 0 < ev.score <= 1
    assert {e.theme for e in result.evidence} == set(result.themes)
