"""The labelled corpus: size, splits kept apart, label coverage, reproducible build."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nlp.corpus import (
    BLIND_TRAINING_PATHS,
    BLIND_TUNING_PATHS,
    CORPUS_DIR,
    DEV_PATH,
    TEST_PATH,
    TRAIN_EXTRA_PATH,
    TRAIN_PATH,
    VOICES,
    heldout_path,
    read_jsonl,
    read_rows,
)
from nlp.corpus.build_corpus import build, build_negation
from nlp.taxonomy import THEME_IDS

SPLITS = {"train": TRAIN_PATH, "dev": DEV_PATH, "test": TEST_PATH}
# Minimum positive examples per label in each split.
MIN_POSITIVES = {"train": 100, "dev": 20, "test": 20}


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict[str, object]]]:
    return {name: read_jsonl(path) for name, path in SPLITS.items()}


def test_at_least_2000_texts(corpus: dict[str, list[dict[str, object]]]) -> None:
    assert sum(len(rows) for rows in corpus.values()) >= 2000


def test_split_proportions(corpus: dict[str, list[dict[str, object]]]) -> None:
    total = sum(len(rows) for rows in corpus.values())
    assert 0.6 < len(corpus["train"]) / total < 0.8
    assert 0.1 < len(corpus["dev"]) / total < 0.2
    assert 0.1 < len(corpus["test"]) / total < 0.2


def test_no_text_in_two_splits_and_no_duplicates(
    corpus: dict[str, list[dict[str, object]]],
) -> None:
    seen: dict[str, str] = {}
    for name, rows in corpus.items():
        for row in rows:
            key = norm(str(row["text"]))
            assert key not in seen, f"{row['id']} repeats a text from {seen[key]}"
            seen[key] = name


def test_rows_are_well_formed(corpus: dict[str, list[dict[str, object]]]) -> None:
    ids: set[object] = set()
    for rows in corpus.values():
        for row in rows:
            assert set(row) == {"id", "text", "labels", "voice"}
            assert row["id"] not in ids
            ids.add(row["id"])
            assert isinstance(row["text"], str) and row["text"].strip()
            labels = row["labels"]
            assert isinstance(labels, list) and labels == sorted(set(labels))
            assert set(labels) <= set(THEME_IDS)
            assert row["voice"] in VOICES


@pytest.mark.parametrize("split", SPLITS)
def test_every_label_has_positives_in_every_split(
    corpus: dict[str, list[dict[str, object]]], split: str
) -> None:
    counts = Counter(label for row in corpus[split] for label in row["labels"])  # type: ignore[attr-defined]
    for label in THEME_IDS:
        assert counts[label] >= MIN_POSITIVES[split], (split, label, counts[label])


@pytest.mark.parametrize("split", SPLITS)
def test_mix_of_voices_and_no_theme_texts(
    corpus: dict[str, list[dict[str, object]]], split: str
) -> None:
    rows = corpus[split]
    assert {row["voice"] for row in rows} == VOICES
    empty = sum(1 for row in rows if not row["labels"])
    assert 0.1 < empty / len(rows) < 0.45
    most = sum(1 for row in rows if len(row["labels"]) <= 3)  # type: ignore[arg-type]
    assert most / len(rows) > 0.9


def test_negated_and_slang_cases_present(corpus: dict[str, list[dict[str, object]]]) -> None:
    texts = " \n".join(str(r["text"]).lower() for rows in corpus.values() for r in rows)
    for phrase in ["no concerns re cse", "denies", "no evidence of exploitation", "nfa"]:
        assert phrase in texts, phrase
    for slang in ["country", " ot ", "trap house", "cuckoo", "plugging", "deal line", "on tick"]:
        assert slang in texts, slang
    for slang in ["graft", "burner", "older boyfriend", "sister's boyfriend", "dnt", "innit"]:
        assert slang in texts, slang


def test_committed_corpus_is_what_the_builder_makes(
    corpus: dict[str, list[dict[str, object]]],
) -> None:
    assert build() == corpus, "rerun: python -m nlp.corpus.build_corpus"


def test_committed_negation_sets_are_what_the_builder_makes() -> None:
    built = build_negation()
    for split in ("dev", "test"):
        committed = read_rows(heldout_path("negation", split))
        assert built[f"negation_{split}"] == committed, "rerun: python -m nlp.corpus.build_corpus"
        assert committed and all(row["negated"] in THEME_IDS for row in committed)


@pytest.mark.parametrize("kind", ["urgent", "sentiment"])
def test_hand_written_sets_are_well_formed(kind: str) -> None:
    seen: set[str] = set()
    for split in ("dev", "test"):
        rows = read_rows(heldout_path(kind, split))
        assert len(rows) >= 60
        for row in rows:
            text = str(row["text"])
            assert text.strip() and text not in seen, text
            seen.add(text)
            if kind == "urgent":
                assert isinstance(row["urgent"], bool)
            else:
                assert row["label"] in {"pos", "neg", "neu"}
        if kind == "urgent":
            urgent = sum(1 for r in rows if r["urgent"])
            assert 0.3 < urgent / len(rows) < 0.7


def test_train_extra_is_well_formed_and_never_a_held_out_text(
    corpus: dict[str, list[dict[str, object]]],
) -> None:
    """The hand-written training texts (always used by `python -m nlp train`)."""
    rows = read_jsonl(TRAIN_EXTRA_PATH)
    assert len(rows) >= 400
    held_out = {norm(str(r["text"])) for split in ("dev", "test") for r in corpus[split]}
    seen: set[str] = set()
    for row in rows:
        assert set(row) == {"id", "text", "labels", "voice"}
        assert str(row["id"]).startswith("extra-")
        assert row["labels"] == sorted(set(row["labels"]))
        assert row["voice"] in VOICES
        key = norm(str(row["text"]))
        assert key not in held_out, f"{row['id']} repeats a dev or test text"
        assert key not in seen, f"{row['id']} repeats an extra text"
        seen.add(key)
    assert {row["voice"] for row in rows} == VOICES
    empty = sum(1 for row in rows if not row["labels"])
    assert 0.1 < empty / len(rows) < 0.45


def test_read_blind_sets_that_train_never_repeat_a_held_out_text(
    corpus: dict[str, list[dict[str, object]]],
) -> None:
    """The blind sets the classifier learns from (tenth round) share no text of seven
    words or more with the dev and test splits, the weak-cue tuning sets or the
    held-out blind sets. Writers who never met do write the same short replies
    ("ok", "no", "my dad hit me", "mum kicked me out again"): 10 such texts recur."""
    held_out_paths = [*BLIND_TUNING_PATHS]
    held_out_paths += [CORPUS_DIR / "blind" / f"themes_{name}.jsonl" for name in "ceioruz"]
    held_out = {norm(str(r["text"])) for split in ("dev", "test") for r in corpus[split]}
    held_out |= {norm(str(r["text"])) for path in held_out_paths for r in read_jsonl(path)}
    for path in BLIND_TRAINING_PATHS:
        rows = read_jsonl(path)
        assert len(rows) >= 300
        for row in rows:
            assert row["voice"] in VOICES
            key = norm(str(row["text"]))
            assert len(key.split()) < 7 or key not in held_out, f"{row['id']} is held out"


def test_a_minus_label_keeps_the_fragment_in_its_section_without_the_label(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nlp.corpus.build_corpus import parse

    path = tmp_path / "fragments.txt"
    path.write_text(
        "@placement\n"
        "n: YP unhappy in placement and asking to move\n"
        "pol: YP reported missing by staff at {home} -placement\n"
        "n: staff took her phone +boundaries -placement\n",
        encoding="utf-8",
    )
    fragments, _ = parse(path)
    assert [(f.section, f.labels) for f in fragments] == [
        ("placement", ("placement",)),
        ("placement", ()),
        ("placement", ("boundaries",)),
    ]
    assert fragments[1].text == "YP reported missing by staff at {home}"


def test_an_unknown_minus_label_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nlp.corpus.build_corpus import parse

    path = tmp_path / "fragments.txt"
    path.write_text("@placement\nn: a text -placment\n", encoding="utf-8")
    with pytest.raises(ValueError, match="placment"):
        parse(path)
