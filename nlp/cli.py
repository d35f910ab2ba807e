"""``python -m nlp``: tag, train, evaluate, bench (contract in nlp.md).

``tag [FILE]`` reads JSONL (stdin when FILE is absent) and writes one JSON line
per input line, in order. A line that is not a JSON object with a string
``text`` (including a blank line) gets ``{"id": ..., "error": ...}``; the run
goes on and exits 2 at the end. Otherwise it exits 0.

``train`` rebuilds ``nlp/model`` from the corpus train split plus accepted
review corrections (``nlp/corpus/corrections.jsonl`` when present) and tunes
thresholds on dev; ``train --retune`` keeps the trained weights and renews only
what depends on the rules (expanded rules, thresholds, figures). ``evaluate``
prints per-label P/R/F1 on the test split.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

EXIT_OK = 0
EXIT_BAD_LINES = 2
EXIT_NO_MODEL = 3
BATCH_SIZE = 64

_ID = re.compile(r'"id"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|null|true|false)')


class BadLine(Exception):
    def __init__(self, line_id: Any, message: str) -> None:
        super().__init__(message)
        self.line_id = line_id
        self.message = message


def _recover_id(line: str) -> Any:
    match = _ID.search(line)
    if not match:
        return None
    try:
        return json.loads(match.group(1))
    except ValueError:
        return None


def parse_line(line: str) -> tuple[Any, str]:
    """``(id, text)`` from one input line, or raise :class:`BadLine`."""
    if not line.strip():
        raise BadLine(None, "blank line")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(_recover_id(line), f"invalid JSON: {exc.msg}") from None
    except (ValueError, RecursionError):
        raise BadLine(_recover_id(line), "invalid JSON") from None
    if not isinstance(obj, dict):
        raise BadLine(None, "expected a JSON object")
    line_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadLine(line_id, "missing string field 'text'")
    return line_id, text


def tag_lines(lines: Iterable[str]) -> Iterator[tuple[dict[str, Any], bool]]:
    """``(output object, ok)`` per input line, in order, tagged in batches."""
    from nlp.tagger import tag_many

    it = iter(lines)
    while batch := list(itertools.islice(it, BATCH_SIZE)):
        parsed: list[tuple[Any, str] | BadLine] = []
        for line in batch:
            try:
                parsed.append(parse_line(line))
            except BadLine as bad:
                parsed.append(bad)
        texts = [p[1] for p in parsed if not isinstance(p, BadLine)]
        results = iter(tag_many(texts))
        for item in parsed:
            if isinstance(item, BadLine):
                yield {"id": item.line_id, "error": item.message}, False
            else:
                yield {"id": item[0], **next(results).to_dict()}, True


def _lines(stream: IO[str]) -> Iterator[str]:
    for line in stream:
        yield line.rstrip("\r\n")


def cmd_tag(path: str | None, out: IO[str]) -> int:
    failed = False

    def run(stream: IO[str]) -> None:
        nonlocal failed
        for obj, ok in tag_lines(_lines(stream)):
            failed = failed or not ok
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            out.flush()

    if path is None:
        run(sys.stdin)
    else:
        with open(path, encoding="utf-8") as fh:
            run(fh)
    return EXIT_BAD_LINES if failed else EXIT_OK


def bench_texts() -> list[str]:
    """About 500 synthetic sentences (invented) in the voices the tagger sees."""
    openers = [
        "YP said",
        "Police info:",
        "i think",
        "Mum reports that",
        "tbh",
        "Worker notes YP",
        "he told me",
        "Carer said",
        "",
        "YP disclosed",
    ]
    middles = [
        "went country with older lads",
        "had a row with mam cos she took my phone",
        "was at a party with mates drinking cider",
        "her boyfriend is 15 and they were together",
        "no CSE concerns and denies contact with adults",
        "hates the placement and wants a new social worker",
        "got excluded for fighting at school",
        "feels low and anxious, some self harm",
        "was arrested for shoplifting",
        "is scared and wants someone to call me",
    ]
    closers = ["", "lol", "last night.", "again :(", "but says it's fine now", "😢"]
    combos = itertools.product(openers, middles, closers)
    return [" ".join(part for part in combo if part) for combo in itertools.islice(combos, 500)]


def cmd_bench(out: IO[str], repeats: int = 4) -> int:
    started = time.perf_counter()
    from nlp.tagger import tag, tag_many

    tag("YP went missing overnight and was found at a friend's house.")
    first = time.perf_counter() - started
    texts = bench_texts() * repeats
    started = time.perf_counter()
    count = sum(1 for _ in tag_many(texts))
    elapsed = time.perf_counter() - started
    out.write(f"first_tag_latency_s: {first:.3f}\n")
    out.write(f"texts: {count} ({len(texts) // repeats} distinct x {repeats})\n")
    out.write(f"throughput_texts_per_s: {count / elapsed:.0f}\n")
    out.write(f"mean_latency_ms: {1000 * elapsed / count:.2f}\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m nlp", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    tag_p = sub.add_parser("tag", help="JSONL in (stdin when FILE is absent) -> JSONL out")
    tag_p.add_argument("file", nargs="?", help="input JSONL file")
    train_p = sub.add_parser("train", help="rebuild the model from the corpus + accepted reviews")
    train_p.add_argument("--output", type=Path, help="model directory (default: nlp/model)")
    train_p.add_argument(
        "--corrections", type=Path, help="accepted review corrections JSONL (default: corpus)"
    )
    train_p.add_argument("--verbose", action="store_true", help="show spaCy's training log")
    train_p.add_argument(
        "--retune",
        action="store_true",
        help="keep the trained weights; fit the model to the current rules (thresholds, figures)",
    )
    eval_p = sub.add_parser("evaluate", help="per-label P/R/F1 on the held-out set")
    eval_p.add_argument("--model", type=Path, help="model directory (default: nlp/model)")
    eval_p.add_argument("--split", choices=["test", "dev"], default="test")
    sub.add_parser("bench", help="throughput and latency figures")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "tag":
        return cmd_tag(args.file, sys.stdout)
    if args.command == "bench":
        return cmd_bench(sys.stdout)
    if args.command == "train" and args.retune:
        return cmd_retune(args.output, sys.stdout)
    if args.command == "train":
        return cmd_train(args.output, args.corrections, args.verbose, sys.stdout)
    return cmd_evaluate(args.model, args.split, sys.stdout)


def cmd_train(output: Path | None, corrections: Path | None, verbose: bool, out: IO[str]) -> int:
    from nlp.corpus import CORRECTIONS_PATH
    from nlp.textcat import MODEL_DIR
    from nlp.train import train

    started = time.perf_counter()
    output = output or MODEL_DIR
    record = train(
        output,
        corrections_path=corrections or CORRECTIONS_PATH,
        log=sys.stderr if verbose else None,
    )
    used = record["inputs"]["corrections"] is not None
    out.write(f"model: {output}\n")
    out.write(f"train_texts: {record['train_texts']} (corrections: {'yes' if used else 'none'})\n")
    out.write(f"seconds: {time.perf_counter() - started:.1f}\n")
    return EXIT_OK


def cmd_retune(output: Path | None, out: IO[str]) -> int:
    from nlp.textcat import MODEL_DIR
    from nlp.train import fit_to_rules

    started = time.perf_counter()
    output = output or MODEL_DIR
    if not (output / "config.cfg").exists():  # trained weights, thresholds or not
        sys.stderr.write(f"train --retune: no model in {output}: run `python -m nlp train`\n")
        return EXIT_NO_MODEL
    fit_to_rules(output)
    out.write(f"model: {output} (weights kept; rules, thresholds and figures renewed)\n")
    out.write(f"seconds: {time.perf_counter() - started:.1f}\n")
    return EXIT_OK


def cmd_evaluate(model: Path | None, split: str, out: IO[str]) -> int:
    from nlp.corpus import DEV_PATH, TEST_PATH
    from nlp.textcat import MODEL_DIR, model_available
    from nlp.train import evaluate

    model = model or MODEL_DIR
    if not model_available(model):
        sys.stderr.write(f"evaluate: no model in {model}: run `python -m nlp train`\n")
        return EXIT_NO_MODEL
    evaluate(out, model_dir=model, test_path=TEST_PATH if split == "test" else DEV_PATH)
    return EXIT_OK
