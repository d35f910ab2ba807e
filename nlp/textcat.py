"""The trained theme classifier: spaCy ``textcat_multilabel`` over lower-cased n-grams.

This module registers the two pieces of custom code that ``nlp/config.cfg``
names, so importing it is enough to train or load the model:

- ``homeward.TextCatBOWLower.v1``: spaCy's bag-of-n-grams classifier
  (``spacy.TextCatBOW.v3``) but on ``LOWER`` instead of ``ORTH``, so "YP",
  "yp" and "Yp" are one feature (SMS and notes differ mostly in case);
- ``homeward.JsonlCorpus.v1``: reads the corpus JSONL straight into
  ``Example`` objects (all twelve labels set to 0 or 1), plus optional extra
  files (the hand-written ``train_extra.jsonl``, the blind sets read while
  writing cues, and accepted review corrections).

The shipped model lives in :data:`MODEL_DIR` with its tuned per-label
thresholds (:data:`THRESHOLDS_NAME`) and a record of the inputs it was built
from (:data:`BUILD_INFO_NAME`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, cast

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, with_cpu
from thinc.layers.resizable import resize_linear_weighted
from thinc.types import Floats2d

from nlp.corpus import read_jsonl
from nlp.taxonomy import THEME_IDS

NLP_DIR = Path(__file__).resolve().parent
CONFIG_PATH = NLP_DIR / "config.cfg"
MODEL_DIR = NLP_DIR / "model"
THRESHOLDS_NAME = "thresholds.json"
BUILD_INFO_NAME = "homeward_build.json"
FIGURES_NAME = "figures.json"  # the held-out test figures, written by training
TEXTCAT = "textcat_multilabel"


def extract_ngrams(ngram_size: int, attr: int) -> Model[list[Doc], Any]:
    """spaCy's ``extract_ngrams``, safe for docs shorter than ``ngram_size`` (e.g. empty)."""
    model: Model[list[Doc], Any] = Model("homeward_extract_ngrams", _ngrams_forward)
    model.attrs["ngram_size"] = ngram_size
    model.attrs["attr"] = attr
    return model


def _ngrams_forward(model: Model[list[Doc], Any], docs: list[Doc], is_train: bool) -> Any:
    ops, xp = model.ops, model.ops.xp
    batch_keys = []
    batch_vals = []
    for doc in docs:
        unigrams = ops.asarray(cast(Any, doc.to_array([model.attrs["attr"]])))
        ngrams = [unigrams]
        for n in range(2, model.attrs["ngram_size"] + 1):
            if len(unigrams) >= n:
                ngrams.append(ops.ngrams(n, unigrams))  # type: ignore[arg-type]
        keys, vals = xp.unique(xp.concatenate(ngrams), return_counts=True)
        batch_keys.append(keys)
        batch_vals.append(vals)
    lengths = ops.asarray([arr.shape[0] for arr in batch_keys], dtype="int32")
    keys = xp.concatenate(batch_keys)
    vals = ops.asarray(xp.concatenate(batch_vals), dtype="f")

    def backprop(dY: Any) -> list[Any]:
        return []

    return (keys, vals, lengths), backprop


@registry.architectures("homeward.TextCatBOWLower.v1")
def build_bow_lower(
    ngram_size: int, length: int = 2**15, nO: int | None = None
) -> Model[list[Doc], Floats2d]:
    """Multi-label bag-of-n-grams (hashed, ``length`` rows) over lower-cased tokens."""
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    resizable_layer: Model[Any, Any] = resizable(
        sparse_linear,
        resize_layer=partial(resize_linear_weighted, fill_defaults={"b": NEG_VALUE, "W": 0}),
    )
    model: Model[Any, Any] = chain(extract_ngrams(ngram_size, attr=LOWER), resizable_layer)
    model = with_cpu(model, model.ops)
    model = chain(model, with_cpu(Logistic(), model.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = True
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return cast(Model[list[Doc], Floats2d], model)


def examples_from(nlp: Language, path: Path) -> Iterator[Example]:
    for row in read_jsonl(path):
        labels = set(row.get("labels", []))
        cats = {label: float(label in labels) for label in THEME_IDS}
        yield Example.from_dict(nlp.make_doc(row["text"]), {"cats": cats})


@registry.readers("homeward.JsonlCorpus.v1")
def jsonl_corpus(
    path: str, extra: str = "", supplement: str = "", blind: str = ""
) -> Callable[[Language], Iterator[Example]]:
    """Examples from corpus JSONL ``path``, then ``supplement`` (the hand-written
    training texts), the comma-separated ``blind`` files (sets written blind by
    others and read) and ``extra`` (corrections), each if it exists."""

    def read(nlp: Language) -> Iterator[Example]:
        yield from examples_from(nlp, Path(path))
        for more in (supplement, *blind.split(","), extra):
            if more and Path(more).exists():
                yield from examples_from(nlp, Path(more))

    return read


@dataclass(frozen=True)
class Threshold:
    """Per label: ``model`` raises a tag alone; below ``veto`` a rule hit is
    dropped; from ``weak`` up a weak cue's hit is kept (:mod:`nlp.combine`).

    Safety themes never drop a rule hit (``veto`` is 0).
    """

    model: float
    veto: float = 0.0
    weak: float = 1.0

    def to_dict(self) -> dict[str, float]:
        return {"model": self.model, "veto": self.veto, "weak": self.weak}


def load_thresholds(model_dir: Path) -> dict[str, Threshold]:
    raw: dict[str, Any] = json.loads((model_dir / THRESHOLDS_NAME).read_text())
    return {label: Threshold(**raw["labels"][label]) for label in THEME_IDS}


def model_available(model_dir: Path = MODEL_DIR) -> bool:
    return (model_dir / "config.cfg").exists() and (model_dir / THRESHOLDS_NAME).exists()
