"""Train the classifier, tune per-label thresholds, evaluate the combined tagger.

``python -m nlp train`` calls :func:`train`: spaCy's own training loop on
``nlp/config.cfg`` (train split + the hand-written
:data:`nlp.corpus.TRAIN_EXTRA_PATH` + the blind sets read while writing cues,
:data:`nlp.corpus.BLIND_TRAINING_PATHS` + accepted review corrections when
:data:`nlp.corpus.CORRECTIONS_PATH` exists), then per-label thresholds tuned on
the dev split for the *combined* tagger (rules + model, :mod:`nlp.combine`),
written beside the model with a record of the input files' hashes.

``python -m nlp evaluate`` calls :func:`evaluate`: per-label precision, recall
and F1 on the test split for the combined tagger, with micro/macro averages
and, for comparison, rules alone and model alone.
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import spacy
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as spacy_train
from spacy.util import load_config

from nlp import combine
from nlp.compiled_rules import COMPILED_RULES_NAME, compile_rules, write_compiled
from nlp.corpus import (
    BLIND_TRAINING_PATHS,
    BLIND_TUNING_PATHS,
    CORPUS_DIR,
    CORRECTIONS_PATH,
    DEV_PATH,
    TEST_PATH,
    TRAIN_EXTRA_PATH,
    TRAIN_PATH,
    URGENT_TRAINING_PATHS,
    file_hash,
    heldout_path,
    read_jsonl,
    read_rows,
)
from nlp.taxonomy import SAFETY_THEMES, TAXONOMY_VERSION, THEME_IDS
from nlp.textcat import (
    BUILD_INFO_NAME,
    CONFIG_PATH,
    FIGURES_NAME,
    MODEL_DIR,
    THRESHOLDS_NAME,
    Threshold,
    load_thresholds,
)
from nlp.urgent_model import train_urgent

MODEL_GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))
# A safety theme raised by the model alone must be clearly more likely than not.
MODEL_ONLY_FLOOR = 0.6
VETO_GRID = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2)
# Highest first: a tie keeps the weak cues out (they raise a theme only where
# the tuning texts show it pays).
WEAK_GRID = (1.0, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2)
# Safety themes are tuned for F2 (recall counts four times as much as precision),
# among thresholds that keep dev precision at or above SAFETY_MIN_PRECISION: false
# CSE/CCE flags stigmatise children, so recall-first is not recall-at-any-price.
SAFETY_BETA = 2.0
SAFETY_MIN_PRECISION = 0.6


def build_inputs(
    train_path: Path,
    dev_path: Path,
    corrections_path: Path | None,
    config_path: Path,
    train_extra_path: Path | None = TRAIN_EXTRA_PATH,
    blind_paths: tuple[Path, ...] = BLIND_TRAINING_PATHS,
) -> dict[str, Any]:
    """Hashes of everything the model is built from (catches a stale shipped model)."""
    return {
        "train": file_hash(train_path),
        "train_extra": file_hash(train_extra_path),
        "blind_training": [file_hash(path) for path in blind_paths],
        "dev": file_hash(dev_path),
        "corrections": file_hash(corrections_path),
        "config": file_hash(config_path),
        "urgent": [file_hash(path) for path in URGENT_TRAINING_PATHS],
        "blind_tuning": [file_hash(path) for path in BLIND_TUNING_PATHS],
        "taxonomy": TAXONOMY_VERSION,
    }


def _make_portable(config_file: Path) -> None:
    """The saved config names the corpus relative to the project, not this checkout.

    spaCy writes the ``[paths]`` it trained with; absolute ones would make the
    shipped model differ from one built in any other directory.
    """
    root = str(CORPUS_DIR.parent.parent) + "/"
    config_file.write_text(config_file.read_text().replace(root, ""))


def train(
    output_dir: Path = MODEL_DIR,
    *,
    config_path: Path = CONFIG_PATH,
    train_path: Path = TRAIN_PATH,
    dev_path: Path = DEV_PATH,
    corrections_path: Path | None = CORRECTIONS_PATH,
    train_extra_path: Path | None = TRAIN_EXTRA_PATH,
    blind_paths: tuple[Path, ...] = BLIND_TRAINING_PATHS,
    overrides: dict[str, Any] | None = None,
    log: IO[str] | None = None,
) -> dict[str, Any]:
    """Train on the train split (+ the hand-written extra texts, + the read blind
    sets, + corrections), tune thresholds on dev, save to ``output_dir``.

    The model is built in a sibling temporary directory and swapped in at the
    end, so a failed run leaves the previous model in place. Returns the
    build record (also written to ``homeward_build.json``).
    """
    log = log or io.StringIO()
    corrections = corrections_path if corrections_path and corrections_path.exists() else None
    supplement = train_extra_path if train_extra_path and train_extra_path.exists() else None
    config = load_config(
        config_path,
        overrides={
            "paths.train": str(train_path),
            "paths.dev": str(dev_path),
            "paths.extra": str(corrections) if corrections else "",
            "paths.supplement": str(supplement) if supplement else "",
            "paths.blind": ",".join(str(path) for path in blind_paths),
            **(overrides or {}),
        },
        interpolate=False,
    )
    nlp = init_nlp(config)
    nlp, _ = spacy_train(nlp, None, stdout=log, stderr=log)
    tmp = output_dir.with_name(output_dir.name + ".building")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    _make_portable(tmp / "config.cfg")
    sources = (train_path, supplement, *blind_paths, corrections)
    n_train = sum(len(read_jsonl(p)) for p in sources if p and p.exists())
    record = {
        "inputs": build_inputs(
            train_path, dev_path, corrections, config_path, supplement, blind_paths
        ),
        "train_texts": n_train,
        "spacy": spacy.__version__,
    }
    record["urgent_texts"] = train_urgent(tmp)
    (tmp / BUILD_INFO_NAME).write_text(json.dumps(record, indent=2) + "\n")
    fit_to_rules(tmp, dev_path)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    tmp.rename(output_dir)
    return record


def fit_to_rules(model_dir: Path, dev_path: Path = DEV_PATH) -> dict[str, Threshold]:
    """Fit trained weights to the current rules: save the expanded rules, tune the
    thresholds on dev and write the held-out figures.

    :func:`train` ends with this; ``python -m nlp train --retune`` runs it alone,
    keeping the weights, after a change to the rules (weights trained on another
    kind of CPU come out differently, docs/nlp.md).
    """
    write_compiled(compile_rules(spacy.load(model_dir)), model_dir / COMPILED_RULES_NAME)
    thresholds = tune(model_dir, dev_path)
    (model_dir / THRESHOLDS_NAME).write_text(
        json.dumps(
            {
                "objective": (
                    f"dev F1; safety themes F{SAFETY_BETA:g} at precision >= {SAFETY_MIN_PRECISION}"
                ),
                "labels": {k: v.to_dict() for k, v in thresholds.items()},
            },
            indent=2,
        )
        + "\n"
    )
    write_figures(model_dir)
    return thresholds


@dataclass
class Gold:
    texts: list[str]
    labels: list[set[str]]


def load_gold(path: Path) -> Gold:
    rows = read_jsonl(path)
    return Gold([r["text"] for r in rows], [set(r.get("labels", [])) for r in rows])


def _signals(model_dir: Path | None, texts: Iterable[str]) -> list[combine.Signals]:
    from nlp.tagger import Tagger

    tagger = Tagger.from_dir(model_dir, thresholds=False)
    return [tagger.signals(doc) for doc in tagger.nlp.pipe(texts, batch_size=256)]


def _fbeta(tp: int, fp: int, fn: int, beta: float = 1.0) -> float:
    b2 = beta * beta
    denom = (1 + b2) * tp + b2 * fn + fp
    return (1 + b2) * tp / denom if denom else 0.0


def tune(
    model_dir: Path,
    dev_path: Path = DEV_PATH,
    weak_paths: Iterable[Path] = BLIND_TUNING_PATHS,
) -> dict[str, Threshold]:
    """Per-label thresholds maximising the combined tagger's dev F1 (F2 for safety).

    ``model`` and ``veto`` are tuned on dev; ties go to the first grid point
    (lowest thresholds), which favours recall. ``weak`` (non-safety themes) is
    tuned on dev plus ``weak_paths``, texts written blind by others: the dev
    texts share the rules' phrasing, so alone they cannot tell how far a weak
    cue may be trusted. Its ties go to the highest threshold.
    """
    gold = load_gold(dev_path)
    sigs = _signals(model_dir, gold.texts)
    weak_gold = Gold(list(gold.texts), list(gold.labels))
    for path in weak_paths:
        extra = load_gold(path)
        weak_gold.texts += extra.texts
        weak_gold.labels += extra.labels
    weak_sigs = sigs + _signals(model_dir, weak_gold.texts[len(gold.texts) :])
    out: dict[str, Threshold] = {}
    for theme in THEME_IDS:
        beta = SAFETY_BETA if theme in SAFETY_THEMES else 1.0
        safety = theme in SAFETY_THEMES
        vetoes = (0.0,) if safety else VETO_GRID
        # Non-safety themes are never raised by the model alone (nlp.combine): 1.0.
        grid = [t for t in MODEL_GRID if t >= MODEL_ONLY_FLOOR] if safety else [1.0]
        best: tuple[float, Threshold] | None = None
        for model_t, veto in itertools.product(grid, vetoes):
            threshold = Threshold(model_t, veto)
            tp, fp, fn = _counts(theme, threshold, sigs, gold.labels)
            score = _fbeta(tp, fp, fn, beta)
            if beta != 1.0 and tp + fp and tp / (tp + fp) < SAFETY_MIN_PRECISION:
                score = _fbeta(tp, fp, fn) - 1.0  # below the floor: only beats worse
            if best is None or score > best[0] + 1e-9:
                best = (score, threshold)
        assert best is not None
        chosen = best[1]
        if not safety:  # weak cues are for non-safety themes only
            best = None
            for weak in WEAK_GRID:
                threshold = Threshold(chosen.model, chosen.veto, weak)
                score = _fbeta(*_counts(theme, threshold, weak_sigs, weak_gold.labels))
                if best is None or score > best[0] + 1e-9:
                    best = (score, threshold)
            assert best is not None
            chosen = best[1]
        out[theme] = chosen
    return out


def _counts(
    theme: str, threshold: Threshold, sigs: list[combine.Signals], labels: list[set[str]]
) -> tuple[int, int, int]:
    """(tp, fp, fn) for ``theme`` decided with ``threshold``."""
    tp = fp = fn = 0
    for sig, true_labels in zip(sigs, labels, strict=True):
        pred = combine.decide(theme, sig, threshold)
        true = theme in true_labels
        tp += pred and true
        fp += pred and not true
        fn += true and not pred
    return tp, fp, fn


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _fbeta(self.tp, self.fp, self.fn)


def score(predicted: list[list[str]], gold: list[set[str]]) -> dict[str, Counts]:
    counts = {theme: Counts() for theme in THEME_IDS}
    for pred, true in zip(predicted, gold, strict=True):
        for theme in THEME_IDS:
            c = counts[theme]
            c.tp += theme in pred and theme in true
            c.fp += theme in pred and theme not in true
            c.fn += theme in true and theme not in pred
    return counts


def _micro(counts: dict[str, Counts], themes: Iterable[str] = THEME_IDS) -> Counts:
    total = Counts()
    for theme in themes:
        total.tp += counts[theme].tp
        total.fp += counts[theme].fp
        total.fn += counts[theme].fn
    return total


def _macro(counts: dict[str, Counts]) -> tuple[float, float, float]:
    n = len(counts)
    return (
        sum(c.precision for c in counts.values()) / n,
        sum(c.recall for c in counts.values()) / n,
        sum(c.f1 for c in counts.values()) / n,
    )


def evaluate(
    out: IO[str] = sys.stdout, model_dir: Path = MODEL_DIR, test_path: Path = TEST_PATH
) -> dict[str, Counts]:
    """Print per-label P/R/F1 of the combined tagger on ``test_path``; return the counts."""
    gold = load_gold(test_path)
    sigs = _signals(model_dir, gold.texts)
    thresholds = load_thresholds(model_dir)
    combined = [combine.themes(s, thresholds) for s in sigs]
    rules_only = [combine.themes(s, None) for s in sigs]
    model_only = [sorted(t for t in THEME_IDS if s.probs[t] >= 0.5) for s in sigs]
    counts = score(combined, gold.labels)
    out.write(f"Combined tagger (rules + model) on {test_path.name}: {len(gold.texts)} texts\n")
    out.write(f"{'label':<18}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}\n")
    for theme in THEME_IDS:
        c = counts[theme]
        support = c.tp + c.fn
        out.write(f"{theme:<18}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{support:>9}\n")
    micro = _micro(counts)
    mp, mr, mf = _macro(counts)
    out.write(f"{'micro avg':<18}{micro.precision:>7.3f}{micro.recall:>7.3f}{micro.f1:>7.3f}\n")
    out.write(f"{'macro avg':<18}{mp:>7.3f}{mr:>7.3f}{mf:>7.3f}\n")
    safety = _micro(counts, sorted(SAFETY_THEMES))
    out.write(
        f"{'safety (micro)':<18}{safety.precision:>7.3f}{safety.recall:>7.3f}{safety.f1:>7.3f}\n"
    )
    empty = [i for i, labels in enumerate(gold.labels) if not labels]
    flagged = sum(1 for i in empty if combined[i])
    flagged_safety = sum(1 for i in empty if SAFETY_THEMES & set(combined[i]))
    out.write(
        f"no-theme texts: {len(empty)}, given any theme: {flagged}, "
        f"given a safety theme: {flagged_safety}\n"
    )
    for name, preds in (("rules only", rules_only), ("model only@0.5", model_only)):
        m = _micro(score(preds, gold.labels))
        out.write(f"{name + ' (micro)':<18}{m.precision:>7.3f}{m.recall:>7.3f}{m.f1:>7.3f}\n")
    split = "dev" if test_path.name.startswith("dev") else "test"
    if test_path.parent == CORPUS_DIR and split in {"dev", "test"}:
        write_extra_figures(out, extra_figures(model_dir, split))
    return counts


@dataclass
class ExtraFigures:
    """The figures beyond per-label P/R/F1 (targets in docs/nlp.md)."""

    negated_texts: int
    negated_tagged: int
    urgent_tp: int
    urgent_fp: int
    urgent_fn: int
    sentiment_texts: int
    sentiment_correct: int
    model_bytes: int

    @property
    def negated_wrong_share(self) -> float:
        return self.negated_tagged / self.negated_texts if self.negated_texts else 0.0

    @property
    def urgent_recall(self) -> float:
        found = self.urgent_tp + self.urgent_fn
        return self.urgent_tp / found if found else 0.0

    @property
    def urgent_precision(self) -> float:
        raised = self.urgent_tp + self.urgent_fp
        return self.urgent_tp / raised if raised else 0.0

    @property
    def sentiment_accuracy(self) -> float:
        return self.sentiment_correct / self.sentiment_texts if self.sentiment_texts else 0.0


def model_size(model_dir: Path = MODEL_DIR) -> int:
    """Bytes on disk of every file in the model directory."""
    return sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())


def extra_figures(model_dir: Path = MODEL_DIR, split: str = "test") -> ExtraFigures:
    """Negated mentions wrongly tagged, urgent recall/precision, sentiment accuracy
    and model size, on the ``split`` versions of the held-out sets."""
    from nlp import sentiment
    from nlp.tagger import Tagger

    tagger = Tagger.from_dir(model_dir)
    neg_rows = read_rows(heldout_path("negation", split))
    texts = [str(r["text"]) for r in neg_rows]
    docs = tagger.nlp.pipe(texts, batch_size=256)
    tagged = sum(
        1
        for row, text, doc in zip(neg_rows, texts, docs, strict=True)
        if row["negated"] in tagger.result(text, doc).themes
    )
    tp = fp = fn = 0
    for row in read_rows(heldout_path("urgent", split)):
        raised = tagger.urgent(str(row["text"]))[0]
        tp += raised and bool(row["urgent"])
        fp += raised and not row["urgent"]
        fn += bool(row["urgent"]) and not raised
    sent_rows = read_rows(heldout_path("sentiment", split))
    correct = sum(1 for r in sent_rows if sentiment.score(str(r["text"])).label == r["label"])
    return ExtraFigures(
        len(neg_rows), tagged, tp, fp, fn, len(sent_rows), correct, model_size(model_dir)
    )


def held_out_figures(model_dir: Path = MODEL_DIR) -> dict[str, Any]:
    """The test-split figures of the model in ``model_dir``, for the admins' model page."""
    gold = load_gold(TEST_PATH)
    sigs = _signals(model_dir, gold.texts)
    thresholds = load_thresholds(model_dir)
    counts = score([combine.themes(s, thresholds) for s in sigs], gold.labels)
    extra = extra_figures(model_dir, "test")
    return {
        "split": TEST_PATH.name,
        "texts": len(gold.texts),
        "micro_f1": round(_micro(counts).f1, 3),
        "labels": {theme: round(counts[theme].f1, 3) for theme in THEME_IDS},
        "safety_recall": {theme: round(counts[theme].recall, 3) for theme in sorted(SAFETY_THEMES)},
        "negated_wrong": round(extra.negated_wrong_share, 3),
        "urgent_recall": round(extra.urgent_recall, 3),
        "urgent_precision": round(extra.urgent_precision, 3),
        "sentiment_accuracy": round(extra.sentiment_accuracy, 3),
    }


def write_figures(model_dir: Path) -> dict[str, Any]:
    """Write ``figures.json`` (the held-out figures) into the model directory."""
    figures = held_out_figures(model_dir)
    (model_dir / FIGURES_NAME).write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    return figures


def write_extra_figures(out: IO[str], fig: ExtraFigures) -> None:
    out.write(
        f"negated mentions wrongly tagged: {fig.negated_tagged}/{fig.negated_texts}"
        f" = {fig.negated_wrong_share:.3f}\n"
    )
    out.write(
        f"urgent: recall {fig.urgent_recall:.3f} precision {fig.urgent_precision:.3f}"
        f" (tp {fig.urgent_tp}, fp {fig.urgent_fp}, fn {fig.urgent_fn})\n"
    )
    out.write(
        f"sentiment accuracy: {fig.sentiment_accuracy:.3f}"
        f" ({fig.sentiment_correct}/{fig.sentiment_texts})\n"
    )
    out.write(f"model size on disk: {fig.model_bytes / 1e6:.2f} MB\n")
