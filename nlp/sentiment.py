"""Sentiment for short informal texts: TextBlob plus fixes for SMS language.

TextBlob's polarity is a fine base for standard English but misses slang,
emoji and phrases such as "im not safe here" (-0.25) or "gutted" (0.0). A
small lexicon of SMS words and emoji, with negation ("not buzzing"), is
averaged with TextBlob; capitals and exclamation marks add intensity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# TextBlob's English polarity, called directly: TextBlob(text).sentiment gives the
# same figure but builds a blob and a namedtuple class per call (twice the time).
from textblob.en import sentiment as textblob_sentiment

POS_THRESHOLD = 0.1
NEG_THRESHOLD = -0.1

# Multi-word entries first: they are matched before single words.
LEXICON: dict[str, float] = {
    "doing my head in": -0.6,
    "doing me head in": -0.6,
    "leave me alone": -0.6,
    "waste of time": -0.6,
    "waste of space": -0.7,
    "made me feel better": 0.6,
    "not safe": -0.8,
    "not sure": 0.0,
    "nobody listens": -0.6,
    "no one listens": -0.6,
    "nobody listen": -0.6,
    "nobody cares": -0.6,
    "no one cares": -0.6,
    "never listen": -0.5,
    "never listens": -0.5,
    "never help": -0.5,
    "never helps": -0.5,
    "cant cope": -0.7,
    "feel sick": -0.6,
    "feel better": 0.5,
    "feeling better": 0.5,
    "better now": 0.4,
    "nice one": 0.5,
    "fair play": 0.4,
    "done with": -0.5,
    "dont text": -0.4,
    "cheers": 0.4,
    "legend": 0.6,
    "appreciate": 0.5,
    "appreciated": 0.5,
    "grateful": 0.6,
    "decent": 0.4,
    "lush": 0.6,
    "glad": 0.5,
    "sorted": 0.4,
    "yay": 0.6,
    "sweet": 0.4,
    "low": -0.5,
    "worried": -0.5,
    "worrying": -0.5,
    "joke": -0.4,
    "nightmare": -0.6,
    "mess": -0.5,
    "annoyed": -0.5,
    "annoying": -0.5,
    "useless": -0.6,
    "miserable": -0.7,
    "awful": -0.7,
    "killing it": 0.7,
    "proper good": 0.7,
    "well good": 0.6,
    "dead good": 0.6,
    "fed up": -0.6,
    "pissed off": -0.7,
    "sick of": -0.6,
    "cant be bothered": -0.4,
    "gutted": -0.7,
    "buzzing": 0.7,
    "buzzin": 0.7,
    "sound": 0.4,
    "mint": 0.6,
    "peak": -0.5,
    "minging": -0.6,
    "rubbish": -0.6,
    "pointless": -0.5,
    "shit": -0.6,
    "crap": -0.5,
    "hate": -0.8,
    "hated": -0.8,
    "scared": -0.7,
    "frightened": -0.7,
    "terrified": -0.8,
    "upset": -0.6,
    "sad": -0.6,
    "angry": -0.6,
    "fuming": -0.7,
    "lonely": -0.6,
    "unsafe": -0.8,
    "hurt": -0.5,
    "cry": -0.5,
    "crying": -0.6,
    "stressed": -0.5,
    "love": 0.6,
    "loved": 0.6,
    "thanks": 0.4,
    "thank": 0.4,
    "ta": 0.3,
    "helped": 0.5,
    "helpful": 0.6,
    "lol": 0.2,
    "safe": 0.3,
}
EMOJI: dict[str, float] = {
    ":(": -0.6,
    ":-(": -0.6,
    ":'(": -0.7,
    "😢": -0.7,
    "😭": -0.6,
    "😡": -0.8,
    "😠": -0.7,
    "😞": -0.6,
    "💔": -0.6,
    ":)": 0.6,
    ":-)": 0.6,
    ":D": 0.7,
    "😊": 0.6,
    "😀": 0.6,
    "😁": 0.6,
    "❤️": 0.6,
    "❤": 0.6,
    "😍": 0.7,
    "👍": 0.4,
    "😂": 0.3,
}
NEGATORS = frozenset({"not", "no", "never", "isnt", "aint", "dont", "didnt", "wasnt", "nt"})

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class Sentiment:
    polarity: float
    label: str

    def to_dict(self) -> dict[str, float | str]:
        return {"polarity": self.polarity, "label": self.label}


def label_for(polarity: float) -> str:
    if polarity > POS_THRESHOLD:
        return "pos"
    if polarity < NEG_THRESHOLD:
        return "neg"
    return "neu"


def _lexicon_scores(text: str) -> list[float]:
    lowered = text.lower().replace("\u2019", "'").replace("'", "")
    words = _WORD.findall(lowered)
    scores: list[float] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2])
        three = " ".join(words[i : i + 3])
        four = " ".join(words[i : i + 4])
        for phrase, size in ((four, 4), (three, 3), (two, 2), (words[i], 1)):
            if phrase in LEXICON:
                score = LEXICON[phrase]
                previous = words[max(0, i - 2) : i]
                # "not safe" is itself a lexicon entry; other negated words flip and soften.
                if any(w in NEGATORS for w in previous) and not phrase.startswith("not "):
                    score = -0.5 * score
                scores.append(score)
                i += size
                break
        else:
            i += 1
    for symbol, score in EMOJI.items():
        scores.extend([score] * text.count(symbol))
    return scores


def _intensity(text: str) -> float:
    shouted = [w for w in re.findall(r"\b[A-Z]{3,}\b", text) if w not in {"RHI", "CSE", "CCE"}]
    bangs = min(text.count("!"), 3)
    return 1.0 + 0.1 * bangs + (0.2 if shouted else 0.0)


# Words TextBlob scores that carry no feeling in a text reply ("ok" is +0.5 to
# TextBlob, "not sure" -0.25): removed before TextBlob sees the text.
BLOB_IGNORE = re.compile(r"\b(?:ok|okay|sure|alright|fine|right|real|pretty|just|well)\b", re.I)


def score(text: str) -> Sentiment:
    """Polarity in [-1, 1] (2 dp) and its pos/neg/neu label."""
    if not text.strip():
        return Sentiment(0.0, "neu")
    blob = float(textblob_sentiment(BLOB_IGNORE.sub(" ", text))[0])
    lex = _lexicon_scores(text)
    if lex:
        mean_lex = sum(lex) / len(lex)
        combined = mean_lex if blob == 0 else 0.4 * blob + 0.6 * mean_lex
    else:
        combined = blob
    polarity = max(-1.0, min(1.0, combined * _intensity(text)))
    polarity = round(polarity, 2) + 0.0  # +0.0 turns -0.0 into 0.0
    return Sentiment(polarity, label_for(polarity))
