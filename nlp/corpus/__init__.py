"""The labelled development corpus: invented texts only (never real children's data).

Files (JSONL, one object per line: ``{"id", "text", "labels", "voice"}``):

- ``train.jsonl`` trains the classifier;
- ``train_extra.jsonl`` (:data:`TRAIN_EXTRA_PATH`) also trains it, always: about
  500 hand-written texts in every voice (worker shorthand, police logs, the
  child's words, SMS, parents), written apart from the fragments so the model
  meets phrasings the composed texts do not repeat. Train only: it is never
  split, and ``tests/nlp/test_corpus.py`` checks that none of its texts is a
  dev or test text;
- ``dev.jsonl`` tunes the per-label thresholds;
- ``test.jsonl`` is held out for ``python -m nlp evaluate``;
- ``blind/themes_{a,b,d,f,g}.jsonl`` (:data:`BLIND_TUNING_PATHS`) were written by
  people who saw no project code or corpus, only the taxonomy: they tune the
  weak-cue thresholds (the dev texts share the rules' phrasing, so they cannot
  tell how far a weak cue may be trusted). ``blind/themes_{h,j,k,l,m,n}.jsonl``
  (:data:`BLIND_TRAINING_PATHS`) were read to write cues and also train the
  classifier; ``blind/themes_{p,q,s,t,v,w,x}.jsonl`` were read to write cues only
  (training on P, S, T or W lowered the held-out scores).
  ``blind/themes_{c,e,i,o,r,u,z}.jsonl`` are held out, as are
  ``blind/urgent_{c,l,n}.jsonl``;
  ``blind/urgent_{d,e,f,g,h,i,j,k,m,o}.jsonl`` were read to write urgent cues and
  train the urgent second opinion (docs/nlp.md);
- ``corrections.jsonl`` (:data:`CORRECTIONS_PATH`, optional, same shape) holds
  participation officers' **accepted review corrections**. When present,
  ``python -m nlp train`` adds it to the training data.

``build_corpus.py`` regenerates the three splits from ``fragments.txt``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from nlp.taxonomy import THEME_IDS

CORPUS_DIR = Path(__file__).resolve().parent
TRAIN_PATH = CORPUS_DIR / "train.jsonl"
DEV_PATH = CORPUS_DIR / "dev.jsonl"
TEST_PATH = CORPUS_DIR / "test.jsonl"
# Hand-written training texts beyond the composed train split (train only).
TRAIN_EXTRA_PATH = CORPUS_DIR / "train_extra.jsonl"
# Texts written blind by others, for tuning the weak-cue thresholds (train only).
BLIND_TUNING_PATHS = (
    CORPUS_DIR / "blind" / "themes_a.jsonl",
    CORPUS_DIR / "blind" / "themes_b.jsonl",
    CORPUS_DIR / "blind" / "themes_d.jsonl",
    CORPUS_DIR / "blind" / "themes_f.jsonl",
    CORPUS_DIR / "blind" / "themes_g.jsonl",
)
# Blind theme sets read while writing cues, also training texts since the tenth
# round (not the tuning sets above, whose job is to judge the model's weak-cue
# confidence on texts it has not learnt; C, E, I and O stay held out).
BLIND_TRAINING_PATHS = tuple(CORPUS_DIR / "blind" / f"themes_{name}.jsonl" for name in "hjklmn")
# The urgent second opinion's training replies: the urgent dev set and the blind
# urgent sets read while writing cues (urgent_c, urgent_l and urgent_n stay held out).
URGENT_TRAINING_PATHS = (
    CORPUS_DIR / "urgent_dev.jsonl",
    *(CORPUS_DIR / "blind" / f"urgent_{name}.jsonl" for name in "defghijkmo"),
)
# Accepted review corrections (the one place this path is defined).
CORRECTIONS_PATH = CORPUS_DIR / "corrections.jsonl"
VOICES = frozenset({"worker", "police", "child", "parent", "sms"})


def heldout_path(kind: str, split: str) -> Path:
    """The labelled set ``kind`` (``negation``, ``urgent``, ``sentiment``) for a split.

    - ``negation_{dev,test}.jsonl``: ``{"id", "text", "negated", "voice"}``, texts that
      deny or negate ``negated`` (built by ``build_corpus.py`` from the dev / test
      fragments only);
    - ``urgent_{dev,test}.jsonl``: ``{"text", "urgent": bool}``, hand-written replies;
    - ``sentiment_{dev,test}.jsonl``: ``{"text", "label": "pos"|"neg"|"neu"}``.
    """
    if kind not in {"negation", "urgent", "sentiment"} or split not in {"dev", "test"}:
        raise ValueError(f"no held-out set {kind!r} for split {split!r}")
    return CORPUS_DIR / f"{kind}_{split}.jsonl"


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Plain JSONL rows (the urgent, sentiment and negation sets)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a corpus file, checked: string ``text``, known label ids."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("text"), str):
                raise ValueError(f"{path}:{number}: missing string 'text'")
            labels = row.get("labels", [])
            unknown = set(labels) - set(THEME_IDS)
            if unknown:
                raise ValueError(f"{path}:{number}: unknown labels {sorted(unknown)}")
            rows.append(row)
    return rows


def file_hash(path: Path | None) -> str | None:
    """sha256 of a file's bytes (None when the file is absent)."""
    if path is None or not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()
