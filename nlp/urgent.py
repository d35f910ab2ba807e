"""Urgent-reply detector: high recall for current danger, abuse, self-harm,
suicidal intent and asking for help now.

Pure regular expressions over a normalised copy of the text (lower case,
curly apostrophes straightened, apostrophes optional), so it costs almost
nothing and never depends on the model. Spans are character offsets into
the original text (normalisation keeps length).

Idioms ("my mum will kill me if im late", "killing it", "dying to see you",
"im dead lol") are not cues; the few cues that overlap idioms ("kill me")
are skipped when a laughter marker or an "if I'm late"-style condition
follows them. Self-harm and suicide cues are never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_A = "'?"  # optional apostrophe
_I_AM = rf"(?:i{_A}m|im|i am|am)"
_HE = rf"(?:he{_A}s|hes|he is|she{_A}s|shes|she is|they{_A}re|theyre|they are|someone{_A}s|some1s|some ?one is|a man is|man is)"  # noqa: E501
_THEY = r"(?:he|she|they|someone|some1|a man|this man|this guy|a guy|my (?:step ?dad|dad|mum|mam|brother|bf|boyfriend|carer))"  # noqa: E501

# Never suppressed: self-harm, suicide, overdose.
SELF_HARM = [
    r"\b(?:want(?:ed)?|wanna|going|gonna) (?:to )?(?:die|kill myself|end it|end my life)\b",
    r"\bkill(?:ing)? my ?self\b",
    r"\bend(?:ing)? (?:it all|my life)\b",
    r"\bsuicid",
    r"\b(?:taken|took|take|swallowed|had) (?:loads|lots|a lot|a load|all|a bunch|a handful|a pack|a box|\d+) (?:of )?(?:my |the |them |her )?(?:tablets|pills|paracetamol|meds|medication)",  # noqa: E501
    r"\b(?:overdos|od{_A}d|od ?ed)\w*",
    r"\b(?:cut|cutting|hurt|hurting|harm|harming) my ?self\b",
    r"\bdo(?:n'?t| not) want to (?:be here|live|wake up)\b(?!\s+(?:at|in|with|there|near)\b)",
    r"\b(?:no point (?:in )?(?:living|being alive|being here)|better off dead|cant go on|can{_A}t go on)\b",  # noqa: E501
]

DANGER = [
    rf"\b{_HE} (?:outside|at the door|at my door|following me|here again|coming (?:round|for me|back))",  # noqa: E501
    r"\b(?:following|followed|watching) me\b",
    rf"\b{_THEY} (?:just )?(?:hit|hits|punched|kicked|beat|beats|battered|slapped|strangled|choked|grabbed|attacked|hurt|hurts|raped|touched|threatened|stabbed) (?:me|us)\b",  # noqa: E501
    rf"\b{_THEY}(?:{_A}ll| will| is gonna| is going to| gonna| said (?:he|she|they){_A}?d| said (?:he|she|they) would) (?:kill|hurt|stab|batter|beat|rape|find) (?:me|us)\b",  # noqa: E501
    rf"\b{_I_AM} (?:so |really |proper |well )?(?:scared|terrified|frightened|afraid|in danger|being followed|locked in|trapped)\b",  # noqa: E501
    r"\b(?:not safe|unsafe)\b",
    r"\b(?:scared|frightened|afraid|terrified) (?:to go home|to go back|of (?:him|them|her|my|what he|what they))",  # noqa: E501
    r"\b(?:touching|hurting|hitting|beating|strangling|choking|threatening) (?:me|us)\b",
    r"\bi (?:got|was|been|have been|ve been) (?:hurt|beaten|battered|jumped|stabbed|attacked|raped|assaulted)\b",  # noqa: E501
    r"\b(?:won{_A}t|wont|will not) let me (?:go|leave|out)\b",
    r"\blocked (?:me )?in\b",
    r"\b(?:forced|forcing|made) me (?:to )?(?:have sex|do stuff|do things|sleep with|send|go)\b",
    r"\b(?:raped|sexually assaulted|abused|abusing) me\b",
    r"\b(?:has|got|with) (?:a knife|a blade|a gun)\b",
]

HELP_NOW = [
    r"\b(?:please|pls|plz|someone|somebody|some1|sum1) (?:help|call|ring|phone|come)\b",
    r"\bhelp me\b(?! with)",
    r"^\s*help\b",
    r"\bhelp\s*!",
    r"\b(?:call|ring|phone) (?:me|the police|999|police|an ambulance)(?: now| asap| please| pls| plz|\s*!)",  # noqa: E501
    r"\b(?:call|ring|phone) (?:the police|999|an ambulance)\b",
    r"\bcome (?:and |n )?(?:get|find|pick) me\b",
    r"\bneed (?:help|someone|somebody|you) (?:now|asap|urgently|right now|please)\b",
    r"\b(?:i need help|sos)\b",
    r"\bcan (?:u|you|someone|somebody) (?:come|call|ring|help\b(?! (?:me )?with))\b",
]

# Applied to the 30 characters after a danger/help cue: laughter or a trivial condition.
_IDIOM_AFTER = re.compile(r"^.{0,30}?(?:\blol\b|\blmao\b|\bhaha|😂|🤣|\bif i'?m late|\bif im late)")
_IDIOM_KILL = re.compile(r"\b(?:kill|murder) me\b")

_COMPILED: list[tuple[str, re.Pattern[str]]] = [
    *[("self_harm", re.compile(p.replace("{_A}", _A))) for p in SELF_HARM],
    *[("danger", re.compile(p.replace("{_A}", _A))) for p in DANGER],
    *[("help", re.compile(p.replace("{_A}", _A))) for p in HELP_NOW],
]


@dataclass(frozen=True)
class UrgentSpan:
    kind: str
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Lower case with curly quotes straightened; same length as ``text``."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def urgent_spans(text: str) -> list[UrgentSpan]:
    """Every urgent cue in ``text`` (character offsets into ``text``)."""
    norm = normalise(text)
    spans: list[UrgentSpan] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(norm):
            if (
                kind != "self_harm"
                and _IDIOM_KILL.search(m.group(0))
                and _IDIOM_AFTER.match(norm[m.end() :])
            ):
                continue
            spans.append(UrgentSpan(kind, m.start(), m.end(), text[m.start() : m.end()]))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def detect(text: str) -> tuple[bool, list[UrgentSpan]]:
    """``(urgent, spans)`` for one reply."""
    spans = urgent_spans(text)
    return bool(spans), spans
