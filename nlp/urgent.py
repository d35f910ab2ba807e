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
_PILL_QTY = r"\s+(?:all|whole|load|loads|loada|lots|lot|bunch|handful|pack|packet|packets|box|boxes|bottle|strip|strips|too many|\d+)"  # noqa: E501
_PILL_FILL = r"(?:\s+(?:a|an|the|my|me|mums|mum'?s|dads|dad'?s|nans|her|his|them|of|whole|like|about|over|around|nearly|at least))"  # noqa: E501
# "can you ring me tomorrow": a call arranged for later is not a call for help now.
_NOT_LATER = r"(?! (?:me |us |my \w+ |her |him )?(?:tomorrow|later|next|on (?:mon|tue|wed|thu|fri|sat|sun)|at \d|after|about|back later|when|in the morning|this (?:afternoon|evening)|from (?:college|school|work|training)))"  # noqa: E501
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
    r"\bdo(?:n'?t| not|nt) (?:want|wanna) (?:to )?(?:be here|live|wake up)\b(?!\s+(?:at|in|with|there|near|for|when|on|if|during|while)\b)",  # noqa: E501
    r"\b(?:no point (?:in )?(?:living|being alive|being here|going on)|better off dead|cant go on|can{_A}t go on)\b",  # noqa: E501
    # "took a whole packet of paracetamol", "swallowed all my mums tablets": a quantity word is
    # needed.
    rf"\b(?:taken|took|take|swallowed|downed|necked|had|have had|ve had){_PILL_FILL}*?{_PILL_QTY}{_PILL_FILL}*?\s+(?:tablets|pills|paracetamol|paracetamols|meds|medication|ibuprofen|sleeping pills|co-?codamol)\b",  # noqa: E501
    r"\b(?:cut|cutting|slit|slash|slashed|burn|burned|burnt|burning) (?:my|me) (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|self)\b",  # noqa: E501
    r"\b(?:been|started|keep|kept|am|im|i'?m) (?:cutting|self ?harming)\b",
    r"\bdo(?:n'?t| not|nt) (?:want|wanna) (?:to )?(?:be alive|exist|live anymore|live any more|wake up)\b",  # noqa: E501
    r"\bjump (?:off|in front of|from) (?:a |the |that )?(?:bridge|building|roof|train|car park|cliff|multi ?storey)",  # noqa: E501
    r"\b(?:if i was|if i were|if im|if i'?m|when i'?m|when im) (?:dead|gone)\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:end|ending|finish) it (?:all|tonight|now)\b",
    r"\b(?:feel(?:ing)? like|thinking (?:of|about)|thought about|want(?:ing)? to|wanna|might|could) end(?:ing)? it\b(?! (?:with|off)\b)",  # noqa: E501
    # Took something and is unwell: treat as an overdose until a person knows otherwise.
    r"\b(?:taken|took|swallowed|had|drunk|drank) (?:something|summat|sumthing|stuff|some stuff)\b(?! (?:to eat|to drink|for (?:tea|dinner|lunch|breakfast)|at)\b)[^.?!]{0,40}\b(?:ill|sick|dizzy|faint|poorly|weird|funny|bad)\b",  # noqa: E501
    r"\btaken something i (?:shouldn'?t|should not|shudnt)\b",
    r"\b(?:want|wanna|going|gonna) (?:to )?(?:hurt|harm|cut) my ?self\b",
    r"\b(?:want|wanna|wish i could) (?:to )?(?:disappear|vanish) (?:forever|for good)\b",
    r"\b(?:on|at) (?:the )?(?:roof|top of (?:the|a) (?:car park|building|bridge|cliff)|edge of|train tracks|railway|rail tracks|tracks|bridge|cliff edge)\b",  # noqa: E501
    r"\b(?:goodbye|suicide) (?:letter|note|message|text)\b|\bgoodbye (?:every ?one|all|world)\b|\bsay(?:ing)? goodbye\b",  # noqa: E501
    r"\b(?:my )?last (?:message|text)\b",
    r"\bdo something stupid\b",
    r"\bcan{_A}?t (?:take|handle|do) (?:it|this|any ?more)(?: any ?more)?\b",
    r"\b(?:not|never) (?:wake|waking) up\b",
    r"\b(?:nobody|no one|no1|noone) (?:would|will|wud|wld) (?:miss me|care|notice)\b",
    r"\bwant (?:it all|everything|this|all this|it) to (?:end|stop)(?: forever| for good| now)?\b",
    r"\b(?:blade|razor|knife)\b[^.?!]{0,30}\b(?:use it|on my ?self|cut)\b",
    r"\b(?:burnt|burned|burn|burning|punched|punching|hit|hitting|starving|strangled|scratched|scratching) my ?self\b",  # noqa: E501
]

DANGER = [
    rf"\b{_HE} (?:outside|at the door|at my door|following me|here again|coming (?:round|for me|back))",  # noqa: E501
    r"\b(?:following|followed|watching) me\b",
    rf"\b{_THEY} (?:just )?(?:hit|hits|punched|kicked|beat|beats|battered|slapped|strangled|choked|grabbed|attacked|hurt|hurts|raped|touched|threatened|stabbed) (?:me|us)\b(?! up\b)",  # noqa: E501
    rf"\b{_THEY}(?:{_A}ll| will| is gonna| is going to| gonna| said (?:he|she|they){_A}?d| said (?:he|she|they) would) (?:kill|hurt|stab|batter|beat|rape|find) (?:me|us)\b",  # noqa: E501
    rf"\b{_I_AM} (?:so |really |proper |well |a bit |dead )?(?:scared|scard|skared|terrified|frightened|afraid|in danger|being followed|locked in|trapped)\b",  # noqa: E501
    r"\b(?:not safe|unsafe)\b",
    r"\b(?:scared|frightened|afraid|terrified) (?:to go home|to go back|of (?:him|them|her|my|what he|what they))",  # noqa: E501
    r"\b(?:touching|hurting|hitting|beating|strangling|choking|threatening) (?:me|us)\b",
    r"\bi (?:got|was|been|have been|ve been) (?:hurt|beaten|battered|jumped|stabbed|attacked|raped|assaulted)\b",  # noqa: E501
    r"\b(?:won{_A}t|wont|will not) let me (?:go|leave|out)\b",
    r"\blocked (?:me )?in\b",
    r"\b(?:forced|forcing|made) me (?:to )?(?:have sex|do stuff|do things|sleep with|send|go)\b",
    r"\b(?:raped|sexually assaulted|abused|abusing) me\b",
    r"\b(?:has|got|with) (?:a knife|a blade|a gun)\b",
    r"\b(?:banging|knocking|kicking|hammering|smashing) (?:on|at|in) (?:the|my|our) (?:door|doors|window|windows)\b",  # noqa: E501
    r"\b(?:making|forcing|force|forced|made) me (?:to )?(?:stay|have sex|do stuff|do things|sleep with|send|go|sell|carry)\b",  # noqa: E501
    r"\b(?:do(?:n'?t| not|nt)|never) feel safe\b",
    r"\b(?:in danger|at risk right now)\b(?! of (?:missing|failing|being late|losing|getting|not))",
    r"\b(?:hurt|kill|stab|get|shoot|batter|touch) my (?:family|mum|mam|little brother|brother|little sister|sister|nan|baby)\b",  # noqa: E501
    rf"\b(?:{_THEY}|they|he|she)(?: said)?(?: (?:he|she|they)(?:{_A}s|{_A}re| is| are| was| were|{_A}ll| will|{_A}d| would))? (?:going to|gonna|gunna|will|gonna come and|coming to) (?:kill|hurt|stab|batter|beat|rape|find|get|shoot) (?:me|us)\b",  # noqa: E501
    r"\b(?:they|he|she)(?:{_A}ll| will| are going to| is going to| gonna) (?:kill|hurt|stab|shoot) (?:me|us)\b",  # noqa: E501
    r"\b(?:coming for me|know where i live)\b",
    r"\b(?:locked|lock) the door\b",
    r"\b(?:keeping|keep|kept|holding) me (?:in|here|there|hostage|prisoner)\b",
    r"\bcan{_A}?t get out\b",
    r"\b(?:grabbed|choked|strangled|pinned) me\b",
    r"\b(?:by the|round my|around my) (?:throat|neck)\b",
    r"\b(?:beat|beaten|battered|jumped|stabbed|attacked|kicked|punched) me(?: up| in)?\b",
    # Violence in the home now, to the child or someone with them.
    r"\b(?:hitting|hurting|beating|battering|punching|kicking|strangling|choking) (?:my (?:mum|mam|mom|sister|little sister|brother|little brother|nan|baby|family)|us)\b",  # noqa: E501
    r"\b(?:bleeding|ambulance)\b",
    r"\bcan{_A}?t breathe?\b",
    r"\bdo(?:n{_A}t|nt| not) know where (?:i am|i{_A}m|im|we{_A}re|were|we are|they{_A}re|theyre|he{_A}s|hes) (?:going|taking)?",  # noqa: E501
    r"\bdo(?:n{_A}t|nt| not) know where i am\b",
    r"\bsmashing (?:the house|the place|everything|stuff|things|the flat|my)\b",
    r"\b(?:being|been) (?:held|kept)\b(?! (?:back|in detention|in isolation|after school))",
    r"\b(?:scared|scard|skared|frightened) (?:hes|he{_A}s|he is|shes|she{_A}s|they{_A}re|theyre|they are) (?:back|here|coming|outside)\b",  # noqa: E501
    rf"\b(?:{_HE}|{_THEY}|they{_A}re|theyre) (?:sat |sitting |parked |waiting |stood |standing |hanging about )?(?:in (?:his|a|the|their) car )?(?:outside|waiting for me|at the end of (?:my|the) road|at the bottom of (?:my|the) road)",  # noqa: E501
    r"\b(?:keeps|kept|keep) (?:turning|coming|showing) (?:up|round)\b",
    r"\b(?:won{_A}t|wont|will not) (?:leave me alone|go away|leave)\b",
    r"\b(?:pushed|shoved|threw|dragged|kicked|headbutted) me\b",
    r"\b(?:please|pls|plz) (?:answer|pick up|reply)\b",
    r"\b(?:please|pls|plz) (?:hlp|halp)\b|\b(?:hlp|halp) me\b",
    r"\bpolice (?:pls|plz|please|now|asap)\b|(?:^|\s)999\s*(?:$|!|pls|please|now)",
    r"\b(?:i{_A}m|im|i am) (?:so |really )?(?:petrified|panicking|shaking)\b",
    r"\bhiding (?:in|from|under)\b",
    r"\bcan{_A}?t (?:leave|escape|get away)\b",
    r"\b(?:touched|groped|touching) me\b",
    r"\b(?:i{_A}m|im|i am) (?:next|dead if|dead when|getting done in)\b",
    rf"\b(?:they{_A}re|theyre|they are|he{_A}s|hes|he is|she{_A}s|shes|she is|they|he|she|someone|some1|{_THEY})(?: (?:going to|gonna|gunna|coming to|will|{_A}ll|gonna come and|want to|wanna))? (?:kill|hurt|stab|batter|beat|rape|find|get|shoot|jump|kidnap|take) (?:me|us)\b(?! (?:a|an|some|one|the|to|from|at|up|for)\b)",  # noqa: E501
    r"\b(?:men|man|people|someone|some1) (?:here|in here|in the flat|in the house) (?:i|who) do(?:n'?t| not|nt) know\b",  # noqa: E501
]

HELP_NOW = [
    rf"\b(?:please|pls|plz|someone|somebody|some1|sum1) (?:help|call|ring|phone|come)\b{_NOT_LATER}",  # noqa: E501
    r"\bhelp me\b(?! (?:with|fill|find|write|do|get a|get into|sort|apply|understand|out with))",
    r"^\s*help\b(?! (?:is|was|with|on|for|yourself|urself|ur self)\b)",
    r"\bhelp\s*!",
    r"\b(?:call|ring|phone) (?:me|the police|999|police|an ambulance)(?: now| asap| please| pls| plz|\s*!)",  # noqa: E501
    r"\b(?:call|ring|phone) (?:the police|999|an ambulance)\b",
    rf"\bcome (?:and |n )?(?:get|find|pick) me\b(?: up)?{_NOT_LATER}",
    r"\bneed (?:help|someone|somebody|some1|you)\b[^.?!]{0,30}\b(?:now|asap|urgently|right now|please|pls|tonight)\b",  # noqa: E501
    r"\b(?:i need help|sos)\b(?! (?:with|for|on|filling|writing|doing|to (?:fill|write|do|find|get a)))",  # noqa: E501
    rf"\bcan (?:u|you|someone|somebody) (?:come|call|ring|help\b(?! (?:me )?(?:with|fill|find|write|do)))\b{_NOT_LATER}",  # noqa: E501
    r"\bget me out\b",
    r"\b(?:answer|pick up)\b[^.?!]{0,20}\b(?:scared|help|please|pls)\b",
]

# Applied to the 30 characters after a danger/help cue: laughter or a trivial condition.
_IDIOM_AFTER = re.compile(
    r"^.{0,30}?(?:\blol\b|\blmao\b|\bhaha|😂|🤣|\bif i'?m late|\bif im late)"
    # "...will kill me if i dont tidy my room", "...murder me for borrowing her top"
    r"|^\s*(?:if (?:i|im|i'?m)\b|for (?:being|borrowing|not|losing|breaking|going|coming|getting|eating|using|taking|missing|forgetting|wearing))"  # noqa: E501
)
_IDIOM_KILL = re.compile(r"\b(?:kill|murder) (?:me|my \w+|him|her)\b")
# "scared ill miss the bus", "scared of heights": fear of something ordinary.
_TRIVIAL_FEAR = re.compile(
    r"^\s*(?:i{_A}ll|ill|i will|i might|i{_A}d|id|i have|ive|i{_A}ve|i failed|i{_A}m gonna fail|of (?:my |the |me )?(?:heights|spiders|the dark|dark|dogs|clowns|exams?|tests?|results|failing|missing|dentist|needles|snakes|film|interview|meeting|review))\b".replace(  # noqa: E501
        "{_A}", _A
    )
)
_SCARED = re.compile(r"\b(?:scared|frightened|afraid|terrified)$")
# Help with a task ("can you help im stuck on question 4", "help with my cv").
_TASK = re.compile(
    r"\b(?:homework|question|essay|cv|form|application|coursework|maths|revision|assignment|spelling)\b"
)

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


def _idiom(kind: str, cue: str, after: str, norm: str) -> bool:
    """A danger/help cue that is an idiom or an ordinary worry in this text."""
    if _IDIOM_KILL.search(cue) and _IDIOM_AFTER.match(after):
        return True
    if _SCARED.search(cue) and _TRIVIAL_FEAR.match(after):
        return True
    return kind == "help" and bool(_TASK.search(norm))


def urgent_spans(text: str) -> list[UrgentSpan]:
    """Every urgent cue in ``text`` (character offsets into ``text``)."""
    norm = normalise(text)
    spans: list[UrgentSpan] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(norm):
            if kind != "self_harm" and _idiom(kind, m.group(0), norm[m.end() :], norm):
                continue
            spans.append(UrgentSpan(kind, m.start(), m.end(), text[m.start() : m.end()]))
    spans.sort(key=lambda s: (s.start, s.end))
    return spans


def detect(text: str) -> tuple[bool, list[UrgentSpan]]:
    """``(urgent, spans)`` for one reply."""
    spans = urgent_spans(text)
    return bool(spans), spans
