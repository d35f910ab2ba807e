"""Pattern phrases as matcher keys, without a spaCy ``Doc`` per phrase.

The rules expand to tens of thousands of phrases. Building a ``Doc`` for each
cost about a second at start-up, most of the time before the first tag. spaCy's
tokenizer splits on single spaces first and treats each piece on its own, so a
phrase's tokens are its words' tokens in order: each distinct word is tokenized
once, and ``PhraseMatcher.add`` takes the attribute hashes directly.
``tests/nlp/test_rules.py`` checks this gives the tokenizer's own answer for
every phrase.
"""

from __future__ import annotations

from spacy.language import Language


class PhraseKeys:
    """Token attribute values (``"NORM"`` or ``"LOWER"``) of pattern phrases."""

    def __init__(self, nlp: Language, attr: str) -> None:
        self._nlp = nlp
        self._attr = f"{attr.lower()}_"
        self._words: dict[str, list[str]] = {}

    def _tokens(self, text: str) -> list[str]:
        return [getattr(t, self._attr) for t in self._nlp.make_doc(text)]

    def strings(self, phrase: str) -> list[str]:
        """The attribute of each token of ``phrase``, as the tokenizer would give."""
        if phrase != phrase.strip() or "  " in phrase or not phrase.isprintable():
            return self._tokens(phrase)  # whitespace tokens: the tokenizer decides
        out: list[str] = []
        for word in phrase.split(" "):
            tokens = self._words.get(word)
            if tokens is None:
                tokens = self._words[word] = self._tokens(word)
            out += tokens
        return out

    def keys(self, phrases: list[str]) -> list[list[int]]:
        """``PhraseMatcher.add`` patterns (attribute hashes) for ``phrases``."""
        add = self._nlp.vocab.strings.add
        return [[add(s) for s in self.strings(p)] for p in phrases]
