"""The expanded theme rules kept with the model (nlp.compiled_rules)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import spacy

from nlp.compiled_rules import (
    COMPILED_RULES_NAME,
    compile_rules,
    read_compiled,
    write_compiled,
)
from nlp.pipeline import THEME_RULES_FACTORY
from nlp.textcat import MODEL_DIR


def test_the_shipped_model_holds_the_current_rules() -> None:
    """Without it every start expands the templates again (a quarter of a second
    more before the first tag)."""
    assert read_compiled(MODEL_DIR / COMPILED_RULES_NAME) is not None, (
        "the rules changed since the model was built: run python -m nlp train"
    )


def test_rules_read_back_as_written_and_write_byte_for_byte(tmp_path: Path) -> None:
    compiled = compile_rules(spacy.blank("en"))
    write_compiled(compiled, tmp_path / "a.json.gz")
    write_compiled(compile_rules(spacy.blank("en")), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    assert read_compiled(tmp_path / "a.json.gz") == compiled


def _cues(compiled_dir: Path, text: str) -> set[str]:
    nlp = spacy.blank("en")
    nlp.add_pipe(THEME_RULES_FACTORY, config={"compiled_dir": str(compiled_dir)})
    return {c.theme for c in nlp(text)._.homeward_candidates}


def test_rules_made_by_other_code_are_expanded_afresh(tmp_path: Path) -> None:
    """A file whose digest is not the code's (rules edited, model not retrained)
    is ignored: its stale cues are not used and today's are."""
    path = tmp_path / COMPILED_RULES_NAME
    write_compiled(compile_rules(spacy.blank("en")), path)
    data = json.loads(gzip.decompress(path.read_bytes()))
    data["digest"] = "0" * 64
    data["rules"] = []  # a stale file that would find nothing
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    assert read_compiled(path) is None
    assert "cce" in _cues(tmp_path, "he was going country to sell for them")
    assert "cce" in _cues(tmp_path / "missing", "he was going country to sell for them")
