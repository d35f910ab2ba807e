"""Build the synthetic corpus (train / dev / test JSONL) from ``fragments.txt``.

Run ``python -m nlp.corpus.build_corpus`` and commit the output. Every text is
invented. The output is deterministic (fixed seed): rerunning it on unchanged
fragments reproduces the committed files byte for byte.

How it composes texts
---------------------
``fragments.txt`` holds short labelled fragments per theme, in styles (worker
or police note, the child's words, a parent's text), plus neutral fragments,
negated mentions, hard negatives, service feedback and complete hand-written
texts. Fragments are **split before composition** (about 70 / 15 / 15 per
section), so a dev or test text is built only from fragments the model never
saw in training: the held-out figures measure phrasing the model has not met,
not recall of the training set.

A text is one voice (worker, police, child, sms, parent): an optional opener,
1-3 theme fragments and/or neutral, negated or hard-negative fragments, joined
in that voice's style. SMS texts are the child's words put through
:func:`smsify` (slang spellings, dropped apostrophes, emoji). Labels are the
union of the fragments' labels.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from nlp.taxonomy import THEME_IDS

HERE = Path(__file__).resolve().parent
FRAGMENTS = HERE / "fragments.txt"
SEED = 20260601
SPLITS = ("train", "dev", "test")
TARGET = {"train": 3300, "dev": 720, "test": 720}
# Negated or denied mentions, each realised this many times per held-out split
# (``negation_dev.jsonl`` / ``negation_test.jsonl``: ``{"id", "text", "negated", "voice"}``).
NEGATION_REPEATS = 3
# Within each section, fragments are dealt to splits in this repeating pattern.
DEAL = ("train", "train", "dev", "train", "train", "test", "train") * 2 + (
    "train",
    "dev",
    "train",
    "test",
    "train",
    "dev",
)
NONE_SECTIONS = ("none", "neg", "hard", "feedback")
VOICES = {"worker": 0.31, "police": 0.13, "child": 0.2, "sms": 0.21, "parent": 0.15}
STYLES = {"worker": {"n"}, "police": {"n", "pol"}, "child": {"c"}, "sms": {"c"}, "parent": {"p"}}

NAMES = ["Zandor", "Kelmi", "Tavi", "Roswin", "Mirelle", "Dacey", "Orlo", "Fennick", "Quilla"]
PLACES = [
    "the park",
    "a flat in town",
    "the retail park",
    "the bus station",
    "the canal path",
    "the chippy",
    "a block of flats",
    "the seafront",
    "the shopping centre",
    "the skate park",
    "a car park behind the shops",
    "the train station",
    "a house on the estate",
]
TOWNS = [
    "another county",
    "a coastal town",
    "a town about 60 miles away",
    "a city up north",
    "a seaside town",
    "a market town two hours away",
]
WHENS = ["last night", "over the weekend", "on Friday", "yesterday", "on Saturday night"]
TIMES = ["2am", "23:40", "1am", "half 3 in the morning", "midnight", "04:10", "10pm"]
MUMS = ["mum", "mam", "mother"]
OLDERS = ["olders", "some olders", "older lads", "some older boys", "men in their 20s"]
DRINKS = ["cider", "vodka", "WKD", "lager", "gin"]
HOMES = ["the children's home", "the placement", "the unit", "the resi home"]

WORKER_OPENERS = [
    "",
    "",
    "",
    "RHI completed.",
    "RHI at home.",
    "RHI held at school.",
    "Spoke to YP by phone.",
    "Seen at {home}.",
    "Missing episode {n} this year.",
    "YP seen with SW present.",
]
POLICE_OPENERS = [
    "Police information:",
    "Police info -",
    "Missing report:",
    "YP located by officers at {place} at {time}.",
    "Located at {place}.",
    "Officers attended.",
    "",
]
PARENT_OPENERS = ["", "", "Hi,", "Hi it's {name}'s mum.", "Hello,", "Hi it's {name}'s dad."]
PARENT_CLOSERS = ["", "", "Thanks", "Let me know what happens next.", "x", "Thanks for your help"]
CHILD_CLOSERS = ["", "", "", "lol", "idk", "tbh", "thats it", "x", "whatever"]
EMOJI = ["😡", "😢", "😂", "🙄", "😭", "💯", "🤷", "😳", "x", "xx"]

SMS_SUBS: list[tuple[str, list[str], float]] = [
    (r"\bbecause\b|\bcos\b", ["cuz", "coz", "cos", "bc"], 0.8),
    (r"\bdon'?t\b", ["dnt", "dont", "don"], 0.7),
    (r"\bmy mum\b", ["ma mum", "my mum", "mum"], 0.6),
    (r"\bmy\b", ["ma", "my"], 0.25),
    (r"\bwith\b", ["wiv", "w", "wid"], 0.5),
    (r"\byou\b", ["u"], 0.9),
    (r"\bare\b", ["r"], 0.6),
    (r"\bi'?m\b", ["im", "am"], 0.8),
    (r"\bnight\b", ["nite"], 0.6),
    (r"\bgoing to\b", ["gonna"], 0.8),
    (r"\bwant to\b", ["wanna"], 0.8),
    (r"\bsome\b", ["sum"], 0.5),
    (r"\breally\b", ["rly", "proper"], 0.6),
    (r"\bpeople\b", ["ppl"], 0.7),
    (r"\band\b", ["n", "&", "and"], 0.35),
    (r"\bthe\b", ["da", "the"], 0.08),
    (r"\bto\b", ["2", "to"], 0.12),
    (r"\bthey\b", ["dey", "they"], 0.15),
    (r"\bwhat\b", ["wat", "wot"], 0.5),
    (r"\bthat\b", ["dat", "that"], 0.15),
    (r"\bim\b", ["ima", "im"], 0.1),
    (r"ing\b", ["in", "ing"], 0.3),
    (r"'", [""], 0.9),
]


@dataclass(frozen=True)
class Fragment:
    section: str  # a theme id, or one of NONE_SECTIONS
    style: str
    text: str
    labels: tuple[str, ...]
    negates: str = ""
    batch: int = 0


def parse(path: Path = FRAGMENTS) -> tuple[list[Fragment], list[Fragment]]:
    """``(fragments, whole_texts)``; whole texts keep their voice in ``style``."""
    fragments: list[Fragment] = []
    wholes: list[Fragment] = []
    section, negates, batch = "", "", 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@batch "):
            batch = int(line.split()[1])
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            section = parts[0]
            negates = parts[1] if len(parts) > 1 else ""
            if section not in (*THEME_IDS, *NONE_SECTIONS, "whole"):
                raise ValueError(f"unknown section {line!r}")
            continue
        style, _, rest = line.partition(": ")
        text, extra, dropped = _labels(rest, line)
        if section == "whole":
            wholes.append(Fragment("whole", style, text, tuple(sorted(set(extra))), "", batch))
            continue
        base = [section] if section in THEME_IDS else []
        labels = tuple(sorted({*base, *extra} - dropped))
        fragments.append(Fragment(section, style, text, labels, negates, batch))
    return fragments, wholes


def _labels(rest: str, line: str) -> tuple[str, list[str], set[str]]:
    """``(text, added labels, dropped labels)`` from ``text +label -label``."""
    words = re.split(r" (?=[+-][a-z_]+$)| (?=[+-][a-z_]+ [+-])", rest)
    text, marks = words[0].strip(), [w.strip() for w in words[1:]]
    for mark in marks:
        if mark[1:] not in THEME_IDS:
            raise ValueError(f"unknown label {mark[1:]!r} in {line!r}")
    return (
        text,
        [m[1:] for m in marks if m[0] == "+"],
        {m[1:] for m in marks if m[0] == "-"},
    )


def deal(items: list[Fragment], rng: random.Random) -> dict[str, list[Fragment]]:
    """Shuffle each section and deal it to the splits in the DEAL pattern.

    Fragments added in a later ``@batch N`` are dealt separately (their own
    seeded shuffle), so adding fragments never moves an earlier fragment to
    another split: text the rules were developed on stays in train.
    """
    out = _deal_batch([i for i in items if i.batch == 0], rng)
    for batch in sorted({i.batch for i in items if i.batch}):
        more = _deal_batch(
            [i for i in items if i.batch == batch],
            random.Random(SEED * 100 + batch),  # noqa: S311 - reproducible synthetic data
        )
        for split in SPLITS:
            out[split] += more[split]
    return out


def _deal_batch(items: list[Fragment], rng: random.Random) -> dict[str, list[Fragment]]:
    out: dict[str, list[Fragment]] = {s: [] for s in SPLITS}
    by_section: dict[str, list[Fragment]] = {}
    for item in items:
        key = f"{item.section}/{item.negates}" if item.section == "neg" else item.section
        by_section.setdefault(key, []).append(item)
    for key in sorted(by_section):
        group = by_section[key][:]
        rng.shuffle(group)
        offset = rng.randrange(len(DEAL))
        for i, item in enumerate(group):
            out[DEAL[(i + offset) % len(DEAL)]].append(item)
    return out


class Slots:
    """Per-text slot values: one gender and one name for the whole text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        she = rng.random() < 0.5
        self.values = {
            "S": "she" if she else "he",
            "O": "her" if she else "him",
            "P": "her" if she else "his",
            "name": rng.choice(NAMES),
        }

    def fill(self, template: str) -> str:
        rng = self.rng

        def one(m: re.Match[str]) -> str:
            key = m.group(1)
            cap = key[0].isupper() and key not in {"S", "O", "P"}
            low = key.lower() if cap else key
            if key in {"Sc", "Pc"}:
                return self.values[key[0]].capitalize()
            if key == "Mum":
                return rng.choice(MUMS).capitalize()
            value = {
                "S": lambda: self.values["S"],
                "O": lambda: self.values["O"],
                "P": lambda: self.values["P"],
                "name": lambda: self.values["name"],
                "place": lambda: rng.choice(PLACES),
                "town": lambda: rng.choice(TOWNS),
                "when": lambda: rng.choice(WHENS),
                "time": lambda: rng.choice(TIMES),
                "mum": lambda: rng.choice(MUMS),
                "olders": lambda: rng.choice(OLDERS),
                "money": lambda: str(rng.choice([40, 150, 200, 300, 450, 600, 1200])),
                "drink": lambda: rng.choice(DRINKS),
                "n": lambda: str(rng.randint(2, 9)),
                "adult_age": lambda: str(rng.randint(19, 34)),
                "teen_age": lambda: str(rng.randint(14, 16)),
                "home": lambda: rng.choice(HOMES),
            }[low]()
            return value.capitalize() if cap else value

        return re.sub(r"\{(\w+)\}", one, template)


def smsify(text: str, rng: random.Random) -> str:
    """The child's words as a text message: slang spellings, no apostrophes, emoji."""
    out = text.lower() if rng.random() < 0.85 else text
    for pattern, options, prob in SMS_SUBS:

        def sub(m: re.Match[str], options: list[str] = options, prob: float = prob) -> str:
            return rng.choice(options) if rng.random() < prob else m.group(0)

        out = re.sub(pattern, sub, out)
    out = out.replace(",", "" if rng.random() < 0.5 else ",")
    if rng.random() < 0.15:
        out += " innit"
    if rng.random() < 0.35:
        out += " " + rng.choice(EMOJI) * rng.randint(1, 2)
    return out


def sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def worker_shorthand(text: str, rng: random.Random) -> str:
    for long, short, prob in (
        ("social worker", "SW", 0.6),
        ("foster carers", "FCs", 0.5),
        ("foster carer", "FC", 0.6),
        ("no further action", "NFA", 0.7),
        (" and ", " & ", 0.15),
        (" with ", " w/ ", 0.15),
        ("young person", "YP", 0.8),
    ):
        if long in text and rng.random() < prob:
            text = text.replace(long, short)
    return text


def realise(voice: str, parts: list[str], rng: random.Random, slots: Slots) -> str:
    parts = [p for p in parts if p]
    if voice in {"worker", "police"}:
        openers = WORKER_OPENERS if voice == "worker" else POLICE_OPENERS
        opener = slots.fill(rng.choice(openers))
        body = " ".join(sentence(p) for p in parts)
        text = f"{opener} {body}".strip()
        return worker_shorthand(text, rng) if voice == "worker" else text
    if voice == "parent":
        opener = slots.fill(rng.choice(PARENT_OPENERS))
        closer = rng.choice(PARENT_CLOSERS)
        return " ".join(x for x in (opener, *(sentence(p) for p in parts), closer) if x)
    # child / sms: run-on speech
    joined = parts[0]
    for part in parts[1:]:
        joined += rng.choice([", ", " and ", ". ", " then ", " ", ", also "]) + part
    closer = rng.choice(CHILD_CLOSERS)
    text = f"{joined} {closer}".strip()
    if rng.random() < 0.3:
        text = text[0].upper() + text[1:]
    return smsify(text, rng) if voice == "sms" else text


def compose(
    split_frags: list[Fragment], rng: random.Random
) -> tuple[str, str, list[str]]:  # voice, text, labels
    voice = rng.choices(list(VOICES), weights=list(VOICES.values()))[0]
    styles = STYLES[voice]
    pool = [f for f in split_frags if f.style in styles]
    themed: dict[str, list[Fragment]] = {}
    for f in pool:
        if f.section in THEME_IDS:
            themed.setdefault(f.section, []).append(f)
    by_kind = {k: [f for f in pool if f.section == k] for k in NONE_SECTIONS}
    slots = Slots(rng)
    chosen: list[Fragment] = []
    if rng.random() < 0.27 or not themed:
        roll = rng.random()
        if roll < 0.15 and by_kind["feedback"]:
            chosen.append(rng.choice(by_kind["feedback"]))
        else:
            if by_kind["none"]:
                chosen += rng.sample(
                    by_kind["none"], k=min(len(by_kind["none"]), rng.randint(1, 2))
                )
            if by_kind["neg"] and rng.random() < 0.55:
                chosen.append(rng.choice(by_kind["neg"]))
            if by_kind["hard"] and rng.random() < 0.4:
                chosen.append(rng.choice(by_kind["hard"]))
    else:
        k = rng.choices([1, 2, 3], weights=[0.5, 0.35, 0.15])[0]
        themes = rng.sample(sorted(themed), k=min(k, len(themed)))
        chosen = [rng.choice(themed[t]) for t in themes]
        positive = {label for f in chosen for label in f.labels}
        negs = [f for f in by_kind["neg"] if f.negates not in positive]
        if negs and rng.random() < 0.3:
            chosen.append(rng.choice(negs))
        if by_kind["none"] and rng.random() < 0.35:
            chosen.insert(0, rng.choice(by_kind["none"]))
        if by_kind["hard"] and rng.random() < 0.08:
            chosen.append(rng.choice(by_kind["hard"]))
        head, tail = chosen[:1], chosen[1:]
        rng.shuffle(tail)
        chosen = head + tail
    if not chosen:
        return voice, "", []
    labels = sorted({label for f in chosen for label in f.labels})
    text = realise(voice, [slots.fill(f.text) for f in chosen], rng, slots)
    return voice, text, labels


def build(seed: int = SEED) -> dict[str, list[dict[str, object]]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not security
    fragments, wholes = parse()
    dealt = deal(fragments, rng)
    whole_dealt = deal(wholes, rng)
    seen: set[str] = set()
    out: dict[str, list[dict[str, object]]] = {s: [] for s in SPLITS}

    def add(split: str, voice: str, text: str, labels: list[str]) -> bool:
        key = " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())
        if key in seen or not text.strip():
            return False
        seen.add(key)
        n = len(out[split]) + 1
        out[split].append(
            {"id": f"{split}-{n:05d}", "text": text, "labels": labels, "voice": voice}
        )
        return True

    for split in SPLITS:
        for whole in whole_dealt[split]:
            slots = Slots(rng)
            add(split, whole.style, slots.fill(whole.text), list(whole.labels))
        attempts = 0
        while len(out[split]) < TARGET[split] and attempts < TARGET[split] * 20:
            attempts += 1
            add(split, *compose(dealt[split], rng))
    return out


def build_negation(seed: int = SEED) -> dict[str, list[dict[str, object]]]:
    """Negated mentions from the dev and test fragments only (``negated``: the
    theme the text denies, which must not be tagged)."""
    rng = random.Random(seed + 1)  # noqa: S311 - reproducible synthetic data
    fragments, _ = parse()
    dealt = deal(fragments, random.Random(seed))  # noqa: S311 - the same deal as build()
    out: dict[str, list[dict[str, object]]] = {}
    for split in ("dev", "test"):
        rows: list[dict[str, object]] = []
        seen: set[str] = set()
        neutral = [f for f in dealt[split] if f.section == "none" and not f.labels]
        for frag in (f for f in dealt[split] if f.section == "neg"):
            voices = [v for v, styles in STYLES.items() if frag.style in styles]
            for _ in range(NEGATION_REPEATS):
                voice = rng.choice(voices)
                slots = Slots(rng)
                parts = [frag.text]
                if neutral and rng.random() < 0.5:
                    parts.insert(rng.randrange(2), rng.choice(neutral).text)
                text = realise(voice, [slots.fill(x) for x in parts], rng, slots)
                key = " ".join(re.sub(r"[^\w\s]", "", text.lower()).split())
                if key in seen:
                    continue
                seen.add(key)
                rows.append(
                    {
                        "id": f"neg-{split}-{len(rows) + 1:05d}",
                        "text": text,
                        "negated": frag.negates,
                        "voice": voice,
                    }
                )
        out[f"negation_{split}"] = rows
    return out


def write(out: dict[str, list[dict[str, object]]], directory: Path = HERE) -> None:
    for split, rows in out.items():
        with (directory / f"{split}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    out = build()
    write(out)
    negation = build_negation()
    write(negation)
    out.update(negation)
    for split, rows in out.items():
        print(f"{split}: {len(rows)} texts")


if __name__ == "__main__":
    main()
