"""Urgent-reply detector: high recall for current danger, abuse, self-harm,
suicidal intent and asking for help now.

Pure regular expressions, so it costs little and never depends on the model.
It works in four steps:

1. **Canonical text.** The reply is lower-cased and texting spellings are
   rewritten word by word to plain English ("sum1" -> "someone", "hes" ->
   "he is", "cant" -> "cannot", "gonna" -> "going to", "2nite" -> "tonight",
   "followin" -> "following", "hell hurt" -> "he will hurt", "kms" -> "kill
   myself", "pleeease" -> "please"). Each canonical piece remembers the
   original characters it came from, so evidence spans are offsets into the
   original text.
2. **Concept groups.** A cue is a small combination of concepts rather than a
   fixed phrase: intent + death or self-harm ("want to" / "thinking about" /
   "going to" + "die" / "end it" / "not wake up"); farewells and "everyone is
   better off without me"; means and places (pills saved up, the bridge);
   veiled goodbyes and apologies ("sorry mum. for all of it", a knife or pills
   emoji alone or with "bye"); a harm verb aimed at the writer or their family
   ("will" / "said they would" + "hurt" / "stab" + "me" / "my mum"); a cover
   story ("told me to say i fell"); a dangerous person present ("he is" / "some
   men are" / "a group of lads" + "outside" / "at the door" / "waiting for
   me"); being held, lost or stranded; exploitation (debts, holding or selling
   for someone, drops owed, papers taken, pictures demanded or shared, gifts
   from older men, a much older partner, an adult posing as young online);
   fear; help now.
3. **Guards**, each explainable: idioms and jokes ("my mum will kill me if im
   late", "killing it", "dying to see you", "im gonna die of boredom lol",
   "he hit me with a pillow lol"); the writer's own threat ("im gonna kill my
   sister"); a trivial fear ("scared of my exams"); a negation right before
   the cue ("im not suicidal", "he didnt hit me"); a past event now resolved
   ("i used to self harm but ive been clean for 2 years now"); accidents,
   sport, errands and chores; help with a task ("help me with my cv"); a call
   arranged for later ("ring me on friday"); a flat battery ("phone's nearly
   dead"); hyperbole ("the joke was so bad i wanted to die"); complaints about
   being asked ("didnt like being asked about drugs"). Suicide, overdose and
   cutting cues are never treated as jokes.
4. **Last resort.** When no cue fires, a harm word ("knife", "bleeding",
   "tablets", "debt", "blackmail") in the company of distress, a time signal
   or a person ("again", "tonight", "please", "he", "men") is still raised,
   through the same guards.

Each cue only runs on texts that hold one of its *gate strings* (worked out
from the regex itself: strings every match must contain), which keeps long
notes cheap.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from nlp.gates import GateIndex


def _alt(*words: str) -> str:
    """A non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(words) + ")"


# --------------------------------------------------------------------------------------
# Canonical text
# --------------------------------------------------------------------------------------

# Texting spelling (apostrophes removed, repeated letters squeezed) -> plain English.
# fmt: off
_SPELLING: dict[str, str] = {
    # pronouns, people
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "r": "are", "ppl": "people",
    "sum1": "someone", "som1": "someone", "some1": "someone", "sumone": "someone",
    "summone": "someone", "someon": "someone", "sumbody": "somebody", "sumbdy": "somebody",
    "someones": "someone is", "sum1s": "someone is", "somebodys": "somebody is",
    "no1": "no one", "noone": "no one", "nobdy": "nobody", "any1": "anyone", "ne1": "anyone",
    "every1": "everyone", "evry1": "everyone", "evryone": "everyone", "everyon": "everyone",
    "bf": "boyfriend", "gf": "girlfriend", "stepdad": "step dad", "stepdads": "step dads",
    "mam": "mum", "mom": "mum", "mams": "mums", "moms": "mums", "mummy": "mum",
    "dem": "them", "dey": "they", "em": "them",
    # contractions
    "im": "i am", "ima": "i am going to", "imma": "i am going to", "iam": "i am",
    "ive": "i have", "iv": "i have", "youre": "you are", "youve": "you have",
    "hes": "he is", "shes": "she is", "theyre": "they are", "theyve": "they have",
    "theyll": "they will", "theyd": "they would", "youll": "you will", "itll": "it will",
    "its": "it is", "thats": "that is", "whats": "what is", "wats": "what is",
    "theres": "there is", "heres": "here is", "whos": "who is", "weve": "we have",
    "dont": "do not", "dnt": "do not", "dont't": "do not", "didnt": "did not",
    "didn": "did not", "ddnt": "did not", "dint": "did not", "doesnt": "does not",
    "dosnt": "does not", "cant": "cannot", "carnt": "cannot", "cnt": "cannot",
    "kant": "cannot", "cannae": "cannot", "wont": "will not", "wnt": "will not",
    "isnt": "is not", "aint": "is not", "arent": "are not", "wasnt": "was not",
    "werent": "were not", "havent": "have not", "hvnt": "have not", "hasnt": "has not",
    "wouldnt": "would not", "wudnt": "would not", "shouldnt": "should not",
    "shudnt": "should not", "couldnt": "could not", "cudnt": "could not",
    "gonna": "going to", "gunna": "going to", "gna": "going to", "gnna": "going to",
    "gona": "going to", "finna": "going to", "wanna": "want to", "wana": "want to",
    "wnna": "want to", "gotta": "got to", "hafta": "have to", "tryna": "trying to",
    "dunno": "do not know", "dno": "do not know", "wud": "would", "wld": "would",
    "cud": "could", "shud": "should", "kno": "know", "knw": "know", "noe": "know",
    # time
    "2day": "today", "2nite": "tonight", "2nyt": "tonight", "2night": "tonight",
    "2nit": "tonight", "tonite": "tonight", "tnite": "tonight", "tonyt": "tonight",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "2moz": "tomorrow",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tomoz": "tomorrow", "tmoz": "tomorrow",
    "tomoro": "tomorrow", "tomorow": "tomorrow", "l8r": "later", "l8": "late",
    "rn": "right now", "atm": "at the moment", "b4": "before", "nite": "night",
    "nyt": "night", "nyte": "night", "wen": "when", "wk": "week",
    # common words
    "n": "and", "nd": "and", "wiv": "with", "wid": "with", "cuz": "because", "cos": "because",
    "coz": "because", "bc": "because", "becuz": "because", "bcuz": "because",
    "pls": "please", "plz": "please", "plez": "please", "pleas": "please", "plss": "please",
    "pleez": "please", "pleaz": "please", "plis": "please", "pleasee": "please",
    "sumthin": "something", "sumthing": "something", "summat": "something",
    "somethin": "something", "smthn": "something", "smth": "something", "sth": "something",
    "sumfin": "something", "sumfink": "something", "nuthin": "nothing", "nothin": "nothing",
    "nowt": "nothing", "nuffin": "nothing", "anythin": "anything", "evrything": "everything",
    "everythin": "everything", "evrythin": "everything", "wat": "what", "wot": "what",
    "dat": "that", "dis": "this", "tha": "the", "da": "the", "sed": "said", "sez": "says",
    "luv": "love", "sory": "sorry", "soz": "sorry", "sozz": "sorry", "sorri": "sorry",
    "bk": "back", "hme": "home", "skl": "school", "skool": "school", "scl": "school",
    "fone": "phone", "txt": "text", "txtd": "texted", "msg": "message", "msgs": "messages",
    "msgd": "messaged", "rly": "really", "rlly": "really", "realy": "really", "reli": "really",
    "proply": "properly", "anymre": "anymore", "anymor": "anymore", "nomore": "no more",
    "lyk": "like", "lk": "like", "lik": "like", "fink": "think", "thru": "through",
    "alrite": "alright", "gud": "good", "gudbye": "goodbye", "goodby": "goodbye",
    "hlp": "help", "halp": "help", "helpp": "help", "hepl": "help", "hellp": "help",
    "plc": "police", "feds": "police", "polis": "police", "ambulence": "ambulance",
    "emergancy": "emergency", "emergecy": "emergency", "emergncy": "emergency",
    "pic": "pics", "pix": "pics", "piccies": "pics", "nudez": "nudes",
    # feelings and harm
    "scard": "scared", "skared": "scared", "scaredd": "scared", "scred": "scared",
    "sacred": "scared", "frightend": "frightened", "terrifed": "terrified",
    "terrifid": "terrified", "petrifed": "petrified", "afriad": "afraid",
    "kms": "kill myself", "kmss": "kill myself", "unalive": "kill", "unaliving": "killing",
    "unalived": "killed", "sucide": "suicide", "suiside": "suicide", "suicde": "suicide",
    "suecide": "suicide", "sueside": "suicide", "sucidal": "suicidal",
    "suicdal": "suicidal", "suisidal": "suicidal", "suicidle": "suicidal",
    "selfharm": "self harm", "selfharming": "self harming", "myslef": "myself",
    "myslf": "myself", "meself": "myself", "maself": "myself", "mself": "myself",
    "mysef": "myself", "kil": "kill", "kiling": "killing", "tablts": "tablets",
    "tabs": "tablets", "tablits": "tablets", "pils": "pills", "pillz": "pills",
    "paracetemol": "paracetamol", "paracetomol": "paracetamol", "paras": "paracetamol",
    "paracetamols": "paracetamol", "cocodamol": "co codamol", "ovrdose": "overdose",
    "outsid": "outside", "outsde": "outside", "owside": "outside",
    "goin": "going", "doin": "doing", "dyin": "dying", "lyin": "lying", "comin": "coming",
    "folowing": "following", "follwing": "following", "folloing": "following",
    "b": "be", "bout": "about", "abt": "about", "hidin": "hiding", "bleedin": "bleeding",
    "wivout": "without", "witout": "without",
    "followd": "followed", "folowed": "followed", "theyr": "they are",
    "widout": "without", "wiout": "without", "wout": "without",
    # Scots and Geordie (blind set urgent_g)
    "gonnae": "going to", "wannae": "want to", "dinnae": "do not", "didnae": "did not",
    "wisnae": "was not", "isnae": "is not", "dae": "do", "anymair": "anymore",
    "morra": "tomorrow", "divvent": "do not", "gannin": "going", "doon": "down",
    "aboot": "about", "bein": "being", "tonights": "tonight is", "2nights": "tonight is",
}
# fmt: on
# Words ending in "in" that are not a dropped "g" ("cousin", "again").
# fmt: off
_IN_WORDS = frozenset(
    {
        "within", "begin", "cousin", "basin", "robin", "cabin", "toxin", "admin", "heroin",
        "insulin", "aspirin", "vitamin", "muffin", "raisin", "violin", "dolphin", "pumpkin",
        "napkin", "satin", "latin", "martin", "kevin", "justin", "dustbin", "origin", "margin",
        "bulletin", "goblin", "penguin", "javelin", "puffin", "assassin", "austin", "dublin",
        "berlin", "plugin", "login", "checkin", "kitchen", "seven", "eleven", "chicken", "listen",
        "often", "heaven", "linen", "woollen", "sunken", "golden", "wooden", "broken", "spoken",
        "stolen", "fallen", "swollen", "hidden", "ridden", "given", "taken", "eaten", "beaten",
        "forgotten", "written", "rotten", "bitten", "gotten", "chosen", "frozen", "proven", "driven"
    }
)
# fmt: on
# fmt: off
_STOPS_AFTER_ILL = frozenset(
    {
        "feel", "feeling", "felt", "so", "really", "very", "am", "is", "was", "be", "been", "get",
        "got", "getting", "proper", "bit", "quite", "too", "an", "seriously", "mentally", "look",
        "looks", "looking", "seem", "seems", "properly", "well", "dead", "being", "fallen", "fell",
        "go", "went", "gone", "super", "more", "less", "most", "terminally", "critically"
    }
)
# fmt: on
# "hell hurt me" / "shell find me": he'll / she'll before a verb.
# fmt: off
_AFTER_HELL = frozenset(
    {
        "kill", "hurt", "stab", "batter", "beat", "do", "find", "come", "get", "share", "send",
        "post", "leak", "be", "go", "make", "use", "burn", "smash", "break", "take", "never",
        "just", "know", "see", "tell", "put", "shoot", "rape", "touch", "hit", "punch", "sort",
        "deal", "end", "ruin", "cut", "knife", "shank", "slash", "jump", "murder", "strangle",
        "choke", "kidnap", "expose", "show", "have", "probably", "defo", "definitely", "literally",
        "actually", "still", "not", "wait", "keep", "bring"
    }
)
# fmt: on
# fmt: off
_TO_BEFORE = frozenset(
    {
        "want", "wanted", "wants", "going", "need", "needs", "got", "have", "has", "tried", "try",
        "trying", "go", "goes", "come", "came", "talk", "speak", "back", "used", "able", "scared",
        "afraid", "supposed", "about", "like", "love", "hate", "start", "started", "began",
        "decided", "plan", "planning", "ready", "me", "him", "her", "them", "told", "asked",
        "forced", "made", "listen"
    }
)
# fmt: on
# fmt: off
_FOR_NEIGHBOURS = frozenset(
    {
        "waiting", "wait", "looking", "stuff", "it", "out", "ask", "asking", "asked", "here",
        "there", "coming", "come", "pics", "money", "work", "working", "sell", "selling", "hold",
        "holding", "scared", "worried", "sorry", "thanks"
    }
)
# fmt: on
# fmt: off
_PRONOUN = frozenset(
    {
        "me", "you", "u", "them", "him", "her", "us"
    }
)
# fmt: on

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*|\s+|.", re.S)
_SQUEEZE = re.compile(r"([a-z])\1{2,}")


@dataclass(frozen=True)
class UrgentSpan:
    kind: str
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Lower case with curly quotes straightened; same length as ``text``."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


# fmt: off
_CONTEXT_WORDS = frozenset(
    {
        "ill", "id", "hell", "shell", "hed", "shed", "bin", "sh", "2", "4", "am", "no"
    }
)
# fmt: on


def _spell(word: str, prev: str, nxt: str, squeeze: bool) -> str:
    """The plain-English form of one lower-case word (apostrophes kept in ``word``)."""
    bare = word.replace("'", "") if "'" in word else word
    if bare in _CONTEXT_WORDS:
        return _spell_in_context(word, bare, prev, nxt)
    hit = _SPELLING.get(bare)
    if hit is not None:
        return hit
    if squeeze:
        squeezed = _SQUEEZE.sub(r"\1", bare)
        if squeezed != bare:
            return _SPELLING.get(squeezed, squeezed)
    if len(bare) >= 5 and bare.endswith("in") and bare[-3] not in "aeiou" and bare not in _IN_WORDS:
        return bare + "g"  # "followin" -> "following"
    return bare


def _spell_in_context(word: str, bare: str, prev: str, nxt: str) -> str:
    """Words whose reading depends on their neighbours ("ill", "hell", "2", "am")."""
    if word in {"i'll", "i'd"}:
        return "i will" if word == "i'll" else "i would"
    if word in {"he'll", "she'll"}:
        return word[:-3] + " will"
    if bare == "ill":
        return "ill" if prev in _STOPS_AFTER_ILL or not nxt else "i will"
    if bare in {"hell", "shell"} and nxt in _AFTER_HELL:
        return bare[:-2] + " will"
    if bare == "hed" or (bare == "shed" and nxt in _AFTER_HELL):
        return bare[:-1] + " would"
    if bare == "id" and nxt in {"rather", "be", "have", "never", "just", "kill", "die", "end"}:
        return "i would"
    if bare == "bin" and prev in {"has", "have", "is", "had"}:
        return "been"
    if bare == "sh" and (
        prev in {"been", "did", "done", "doing", "do", "my", "the", "into", "to", "i", "about"}
        or nxt in {"again", "scars", "urges", "urge"}
    ):
        return "self harm"
    if bare == "2" and prev in _TO_BEFORE and nxt.isalpha():
        return "to"
    if bare == "4" and (prev in _FOR_NEIGHBOURS or nxt in _PRONOUN):
        return "for"
    if bare == "am" and prev in {"", "and", "but", "so", "because", "now"}:
        return "i am"
    if bare == "no" and nxt in {"gonnae", "wannae", "goin", "going"}:
        return "not"  # Scots: "am no gonnae be here"
    return _SPELLING.get(bare, bare)


def _canonical(text: str) -> tuple[str, list[tuple[int, int, int, bool]]]:
    """Plain-English copy of ``text`` and its pieces.

    Each piece is ``(canonical start, original start, original end, unchanged)``;
    :func:`_original` maps canonical offsets back through them.
    """
    low = normalise(text)
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(low)]
    words = [i for i, (tok, _) in enumerate(tokens) if tok[0].isalnum()]
    nxt_of = {a: tokens[b][0].replace("'", "") for a, b in pairwise(words)}
    parts: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    at = 0
    prev = ""
    last = len(low)
    squeeze = bool(_SQUEEZE.search(low))
    for i, (tok, s) in enumerate(tokens):
        e = s + len(tok)
        if tok[0].isalnum():
            out = _spell(tok, prev, nxt_of.get(i, ""), squeeze)
            prev = out.rsplit(" ", 1)[-1]
        elif tok.isspace() or (tok in "-_/" and s > 0 and e < last):
            out = " "
        else:
            if tok in ".!?;:\n":
                prev = ""
            out = tok
        pieces.append((at, s, e, out == tok))
        parts.append(out)
        at += len(out)
    return "".join(parts), pieces


def _original(pieces: list[tuple[int, int, int, bool]], a: int, b: int) -> tuple[int, int]:
    """The original offsets of canonical ``[a, b)``."""
    starts = [p[0] for p in pieces]
    ca, sa, _, same_a = pieces[bisect_right(starts, a) - 1]
    cb, sb, eb, same_b = pieces[bisect_right(starts, b - 1) - 1]
    return (sa + (a - ca) if same_a else sa), (sb + (b - cb) if same_b else eb)


# --------------------------------------------------------------------------------------
# Concept building blocks (over canonical text)
# --------------------------------------------------------------------------------------

_MYSELF = r"(?:myself|my self|me self|my selfe)"
# "i wont be here much longer, moving to my dads": leaving a place, not life.
_MOVING_ON = (
    r"(?!.{0,40}\b(?:mov\w*|placement|house|flat|school|college|job|area|foster|carers?|unit|"
    r"home)\b)"
)
_INT = (
    r"(?:(?:so|really|proper|properly|well|dead|bare|very|too|actually|literally|genuinely|"
    r"honestly|fr|lowkey|kinda|kind of|a bit|a little|super|absolutely|completely|fucking|"
    r"fking|fkn|bloody|just|still|now|getting|seriously|totally|that|sooo|extremely|"
    r"feel|feeling|getting|more and more|quite) )*"
)
# fmt: off
_FAMILY = _alt(
    "mum", "dad", "step ?dad", "step ?mum", "sister", "little sister", "brother",
    "little brother", "baby", "nan", "grandad", "gran", "family", "mum and dad", "kids",
    "little \\w+", "son", "daughter", "house", "dog", "cat", "mates?", "friends?", "girlfriend",
    "boyfriend", "partner", "auntie", "cousin", "grandma",
)
# fmt: on
_VICTIM = rf"(?:me|us|my {_FAMILY}|mum|him|her|them|you)"
# fmt: off
_HARM = _alt(
    "kill", "murder", "hurt", "stab", "shank", "knife", "batter", "beat", "rape", "shoot",
    "slash", "burn", "smash", "hit", "punch", "kick", "attack", "kidnap", "strangle", "choke",
    "jump", "merk", "cut", "break", "torture", "deck", "smack", "slap", "bash", "drown",
    "abuse", "touch", "get rid of", "come after", "come for", "sort out", "teach \\w+ a lesson",
    "end",
)
# fmt: on
# fmt: off
_HARM_PAST = _alt(
    "hit", "hits", "hitting", "punched", "punches", "punching", "kicked", "kicks", "kicking",
    "slapped", "slaps", "slapping", "smacked", "smacks", "smacking", "beat", "beats", "beating",
    "battered", "batters", "battering", "strangled", "strangles", "strangling", "choked",
    "chokes", "choking", "grabbed", "grabs", "grabbing", "pushed", "pushes", "pushing",
    "pinching", "pinched", "pinches",
    "shoved", "shoves", "dragged", "drags", "dragging", "pinned", "headbutted", "stamped on",
    "bit", "bites", "surrounded", "cornered", "chasing", "chased", "mugged", "robbed", "jumped",
    "ganged up on", "ganging up on", "burnt", "burned", "stabbed", "attacked", "attacks",
    "assaulted", "hurt", "hurts", "hurting", "abused", "abuses", "abusing", "raped", "rapes",
    "touched", "touches", "touching", "groped", "gropes", "molested", "threatened", "threatens",
    "threatening", "spat on", "tied up", "tied", "bullying", "bullied", "beat up", "beats up",
    "beating up", "battered", "thrown", "kicking off at", "hitting on", "starves", "starving",
)
# fmt: on
# fmt: off
_DRUG = _alt(
    "tablets?", "pills?", "paracetamol", "meds", "medication", "medicine", "anti ?depressants?",
    "sleeping (?:pills|tablets)", "co codamol", "codeine", "ibuprofen", "aspirin", "sertraline",
    "fluoxetine", "citalopram", "insulin", "pain ?killers", "diazepam", "xanax", "valium",
    "tramadol", "morphine", "lithium", "quetiapine", "prozac", "mirtazapine", "propranolol",
    "amitriptyline", "melatonin", "antihistamines?",
)
# fmt: on
# fmt: off
_QTY = _alt(
    "all", "whole", "load", "loads", "loada", "lots", "lot", "bunch", "handful", "pack",
    "packs", "packet", "packets", "box", "boxes", "bottle", "bottles", "strip", "strips",
    "too many", "every", "\\d+", "a few packets", "twenty", "thirty", "forty", "fifty", "ten",
    "fifteen", "sixteen", "mums", "dads", "nans", "her", "his", "someone elses", "my mums",
    "my dads", "my nans",
)
# fmt: on
_FILL = r"(?:(?:a|an|the|my|of|whole|like|about|over|around|nearly|at least|some|more|her|his|them|those|these|all) )*"  # noqa: E501
# "can you ring me tomorrow": a call arranged for later is not a call for help now.
_NOT_LATER = (
    r"(?! (?:me |us |my \w+ |her |him |you )?(?:back )?(?:tomorrow|later|next|on (?:mon|tue|wed|"
    r"thu|fri|sat|sun)|at \d|after|about|when|in the morning|this (?:afternoon|evening|week)|"
    r"from (?:college|school|work|training)|if you|if u|whenever|sometime|some time|no rush|"
    r"to (?:talk about|discuss|arrange|book|sort)|for a chat|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|re |regarding|during))"
)
# fmt: off
_BAD_AGENT = _alt(
    "he", "she", "they", "someone", "somebody", "some one", "a man", "a guy", "a woman",
    "an older (?:man|guy|lad|boy|bloke)", "men", "people", "a gang", "the gang",
    "(?:this|that|the|some|these|those|two|three|\\d) (?:men|man|guy|guys|lads?|boys|people|"
    "" "blokes?|gang|woman|strangers?|older \\w+)",
    "my ex", "her ex", "his ex", "a stranger", "a car", "a van", "his mates", "his friends",
    "(?:a |some |this |that )?(?:group|gang|load|bunch|crowd|car ?full|van ?full) of (?:\\w+ )?"
    "(?:men|lads|boys|guys|people|youths|olders|\\w+ men)",
    "(?:the )?opps", "(?:the )?olders", "them man", "man dem", "(?:some|them|the) mans",
    "there (?:is|are) mans",
    "there is (?:a man|someone|somebody|a car|a van|some \\w+|a (?:group|gang|load|bunch) of \\w+)",
    "there are (?:men|people|some \\w+|\\w+ (?:men|lads|guys|people))",
)
# fmt: on

# --------------------------------------------------------------------------------------
# Cues. Each is (kind, pattern); kinds: self_harm, danger, help.
# --------------------------------------------------------------------------------------

# fmt: off
_WANT = _alt(
    "want to", "wanted to", "wants to", "wanting to", "going to", "about to", "ready to",
    "plan(?:ning)? (?:to|on)", "thinking (?:of|about)", "think about", "thought (?:of|about)",
    "feel like", "felt like", "feeling like", "tempted to", "might", "might just", "will",
    "i would", "should", "should just", "need to", "have to", "got to", "trying to", "tried to",
    "try to", "wish i could", "urges? to", "decided to", "i am going to",
    "keep thinking (?:of|about)", "cannot stop thinking about", "dreaming (?:of|about)",
    "would rather", "rather", "just want to", "just wanna", "going to go and", "gonna",
    "intend to", "mean to", "scared i will", "scared i am going to", "afraid i will",
)
# fmt: on
# fmt: off
_DEATH = _alt(
    "die(?! (?:of|from|for|laughing|if|when|waiting|in a hole|tho|inside|a bit))",
    "dying(?! (?:of|for|to|laughing|inside))", "be dead", "kill(?:ing)? " + _MYSELF,
    "end(?:ing)? (?:it|it all|things|everything|my life|" + _MYSELF + ")(?! (?:with|off|now with))",
    "top(?:ping)? " + _MYSELF, "off(?:ing)? " + _MYSELF, "do(?:ing)? " + _MYSELF + " in",
    "hang(?:ing)? " + _MYSELF, "neck(?:ing)? " + _MYSELF, "drown(?:ing)? " + _MYSELF,
    "jump(?:ing)? (?:off|from|in front of)",
    "jump(?:ing)?(?=\\s*(?:$|[.!?,]| tonight| now| off| from))", "be gone",
    "sort it (?:out )?tonight",
    "take (?:the lot|them all|all of them|everything)", "overdose", "od",
    "take (?:an overdose|all (?:my|the|of)|every)",
    "not (?:be here|be around)" + _MOVING_ON,
    "not (?:be alive|exist|wake up|live|be in this world)",
    "disappear(?: for ?ever| for good)", "stop (?:breathing|living|existing)",
    "(?:go to )?sleep for ?ever",
    "go to sleep (?:and|n) (?:not|never) (?:wake up|feel|come back)", "be gone for good",
    "end (?:my )?life", "hurt(?:ing)? " + _MYSELF, "harm(?:ing)? " + _MYSELF,
    "cut(?:ting)? " + _MYSELF, "self harm", "take my (?:own )?life",
    "be with (?:my )?\\w+ in heaven", "give up on (?:life|everything|living)",
    "walk (?:into|in front of) (?:the|a) ", "step in front of", "throw " + _MYSELF,
)
# fmt: on

# Knife, pill, drop of blood, coffin, headstone, knot, razor; and what may go with them in a
# farewell: punctuation, sad faces, a broken heart, a wilted rose, "bye", "sorry", "x".
_HARM_EMOJI = "(?:\U0001f52a|\U0001f48a|\U0001fa78|\u26b0|\U0001faa6|\U0001faa2|\U0001fa92)"
_FAREWELL_FILL = (
    "(?:[\\s.!?,\u2026\ufe0f\u200d]|\U0001f614|\U0001f622|\U0001f62d|\U0001f494|\U0001f940|"
    "\U0001f61e|\u2639|\U0001f641|\U0001f62a|\U0001f5a4|\U0001f97a|\U0001f613|\U0001f625|"
    "\\b(?:bye|goodbye|good ?night|sorry|done|night|gn|love you|x+)\\b)"
)

SELF_HARM = [
    # Blind set urgent_e: an overdose planned without a drug's name, a deadline.
    r"\b(?:taking|take|going to take|swallow|swallowing|going to swallow) (?:everything|all of it|"
    r"all the (?:tablets|pills|meds)|the lot) (?:in|from) (?:the|my|mums|dads|the kitchen) "
    r"(?:cupboard|cabinet|drawer|box|medicine cabinet|bathroom)\b",
    r"\b(?:it |nothing )?(?:will not|is not going to|wont) matter (?:after|by|from) (?:this|"
    r"tonight|tomorrow|the weekend|friday|saturday|sunday|monday)\b",
    rf"\b{_WANT} {_INT}{_DEATH}",
    rf"\bkill(?:ing|ed|s)? {_MYSELF}\b(?! laughing| with laughter)",
    r"\bsuicid\w*\b(?! (?:prevention|awareness|squad|helpline|hotline|line|rates?|statistics))",
    r"\bend(?:ing)? (?:it all|my (?:own )?life)\b",
    r"\bend(?:ing)? it (?:tonight|now|today|for good|for real|soon|this week)\b",
    r"\btake my (?:own )?life\b",
    r"\b(?:never|not|do not|will not) (?:wake|waking) up\b(?! (?:early|late|in time|on time|before|"
    r"till|until|for|this morning|at \d|when|in the morning|with))",
    r"\b(?:no one|nobody|mum|dad|my \w+|they|he|she) (?:knows?|does not know|do not know|will not "
    r"know)\b.{0,30}\b(?:going to|will) do it\b(?! (?:after|before|when|later|tomorrow))",
    r"^\W*(?:cutting|self harming|harming myself|overdosed|od|suicidal)\W*$",
    r"\b(?:it is|its|it) (?:all )?end(?:s|ing) tonight\b|\bending (?:it )?tonight\b"
    r"|\bcannot take (?:another|one more) (?:day|night|minute|second)\b(?! of (?:this )?(?:rain|"
    r"weather|school|college|homework|revision|lessons?|heat|cold|work|traffic))",
    r"\b(?:hear|read|see) about me (?:on|in) the (?:news|papers?)\b",
    r"\bi am (?:really |so |just )?not (?:ok|okay|alright)(?=\s*(?:$|[.!?,]|x))",
    # "kind of in a bad place rn", "my head is in a dark place"
    r"\bin (?:a |such a )?(?:really |very |so |proper |super )?(?:bad|dark|horrible|awful|low|"
    r"terrible|scary|rough|shit|crap|black) (?:place|headspace|head space)\b(?! (?:(?:in|on) the "
    r"(?:league|table|queue|race|game|list)|with (?:money|"
    r"cash|my (?:money|finances|course|college|job|work|grades))|financially|money ?wise))",
    r"\bi (?:have )?(?:took|taken) (?:stuff|something|some stuff|loads)(?=\s*(?:$|[.!?,]))",
    r"\b(?:put|putting|get|getting|got|sorted|sorting) (?:my |all my )?(?:stuff|things|affairs) "
    r"(?:in order|sorted)\b(?! for)",
    r"\b(?:do not|no one can|nobody can|you cannot|cannot) (?:try to |even try to )?stop me\b"
    r"(?! now)",
    r"\bfinish (?:myself(?: off)?|it all)\b|\b(?:any ?more|cannot take|had enough|pain)\b.{0,30}"
    r"\bfinish it\b",
    r"\bto end (?:it|it all|things|my life|everything)\b(?! (?:with|off))",
    r"\boverdos\w*",
    r"\b(?:i|i have|have|has|just|going to|she|he|they|taken|done|did|had|an) od(?:d|ed|'d)?\b",
    rf"\b(?:cut|cuts|cutting|slit|slitting|slash|slashed|slashing|sliced|slicing|carved|carving|"
    rf"scratch|scratched|scratching|burn|burnt|burned|burning|hurt|hurting|harm|harmed|harming|"
    rf"hit|hitting|punch|punched|punching|starve|starving|starved|strangled|strangling|choked|"
    rf"choking|bruised|bashing|bash|bite|biting|stab|stabbed|stabbing|poison|poisoned|"
    rf"poisoning|hang|hanged) {_MYSELF}\b",
    r"\b(?:cut|cuts|cutting|slit|slitting|slash|slashed|sliced|carved|carving|scratched|"
    r"scratching|burnt|burned|burning|burn) (?:my|me|into my) (?:arms?|wrists?|legs?|thighs?|"
    r"stomach|belly|skin|body|hips?|chest|neck|veins?)\b",
    r"\bself (?:harm\w*|injur\w*)",
    r"\b(?:been|started|keep|kept|i am|still|again|back to) (?:cutting|harming|burning)\b",
    r"\bdo not (?:want|wanna) (?:to )?(?:be alive|exist|live|wake up|be here|be around|"
    r"carry on|go on|be in this world)\b"
    r"(?! (?:at|in|with|there|near|for|when|on|if|during|while|here|like that|with|early|late|so "
    r"early)\b)",
    r"\b(?:no longer|never) want to (?:live|be alive|exist|be here|wake up)\b",
    r"\bwish (?:i )?(?:was|were|could|had|would|could just|just)? ?(?:be )?"
    r"(?:dead|die|gone for good|disappear|end it|sleep for ?ever|never (?:been )?born|"
    r"not (?:been )?born|not (?:here|alive)|never (?:woke|wake) up|not (?:wake|woken) up|"
    r"did not wake up|did not exist|was not here|was not alive|never existed)\b",
    r"\b(?:rather|would rather) (?:be dead|die)\b",
    r"\b(?:no|what is the|whats the|there is no|not any|is there (?:any|even a)) point "
    r"(?:in |of )?(?:me |my )?(?:even )?(?:living|life|being (?:alive|here|around)|going on|"
    r"carrying on|existing|anything|trying|it all|me|being me|waking up|me being|"
    r"anymore|any more|of me)\b",
    r"\bno point any ?more\b",
    r"\b(?:nothing|no one|nobody|no reason) (?:left )?to live for\b",
    r"\bno reason (?:for me )?to (?:live|be here|go on|carry on|stay|keep going|wake up)\b"
    r"(?! (?:in|at|for|on|with|late|up)\b)",
    r"\b(?:tonight|today) is the (?:night|day)\b(?! (?:i finally|that i|we|of|for))",
    r"\bclose my eyes and (?:not|never) (?:open them|wake up)\b",
    r"\b(?:do not|cannot|can not) see myself (?:being )?(?:here|alive|around) (?:next|by|in|"
    r"tomorrow|much longer|for long)\b",
    r"\b(?:it|nothing) (?:will not|is not going to) matter any ?more\b",
    r"\bsorry i (?:could not|was not|am not|was never|could never) (?:be )?(?:better|good "
    r"enough|a better \w+|enough)\b",
    r"\bi give up\b(?=.{0,20}\b(?:finished|done|any ?more|on (?:life|everything|myself|living))\b)"
    r"|\bi am (?:so )?finished\W*$",
    r"\b(?:life|living|my life|it) (?:is not|is no longer|not|is not even|never) worth "
    r"(?:it|living|anything)\b",
    r"\b(?:not|no longer) worth living\b",
    r"\b(?:do not|does not) deserve to (?:live|be alive|be here|exist)\b",
    r"\bshould not (?:be alive|exist|be here|have been born)\b",
    r"\bnot feel anything (?:ever )?again\b|\bnever (?:feel anything|wake up) again\b",
    r"\bcannot (?:go on(?! (?:the|this|that|a|an|my|holiday|trip|it|there|with|to|at|in|about)\b)|"
    r"carry on|keep going|live like this|be here any ?more|"
    r"do (?:this|it|life) any ?more|take (?:it|this|any ?more|life)|handle (?:it|this|life) "
    r"any ?more|cope(?: any ?more| with (?:life|it all|everything|this|being alive))|"
    r"do this(?=\s*(?:$|[.!?,x]| i | and | any ?more| no more))|"
    r"take it(?=\s*(?:$|[.!?,x]| i | and | any ?more| no more))|cope(?=\s*(?:$|[.!?,x])))",
    r"\b(?:had|have had) enough of (?:life|living|everything|it all|being alive|this life|"
    r"existing|this world|being me)\b",
    r"\b(?:had|have had) enough(?=\s*(?:$|[.!?]| i | now| of it all))",
    r"\b(?:done|finished) with (?:life|living|everything|it all|this life|this world|"
    r"being alive)\b",
    r"\b(?:tired|sick) of (?:living|life|being alive|existing|being here|everything)\b",
    r"\bgiv(?:e|ing) up on (?:life|living|everything|" + _MYSELF + r")\b",
    r"\bbetter off (?:dead|without me|gone|if i (?:was|were|am|died|was not here))\b",
    r"\b(?:every ?one|they|you|people|my (?:family|mum|dad|friends|mates)|the world|every ?body|"
    r"all of you|you all|we)(?: all)? (?:would|will|i would) (?:all )?be (?:better|happier|fine|"
    r"ok|good|better off)(?: off)? (?:without me|if i (?:was|were|am|was not|were not) "
    r"(?:gone|dead|not here|not around|here)|when i am gone|if i died|once i am gone)",
    r"\bhappier (?:without me|if i (?:was|were) (?:gone|dead|not here))\b",
    r"\b(?:no one|nobody|every ?one|they|people) (?:would|will|is going to|would even|will even|"
    r"would not|will not|wont|would ever)? ?(?:even )?(?:miss|notice|care|be sad|cry|mind)"
    r"(?: me| if i (?:was|were|am|died|disappeared|was not|left|went|killed|did))",
    r"\b(?:no one|nobody|they|people|every ?one|he|she) (?:do not |does not |would not |will not |"
    r"even )?(?:cares?|care) if i (?:live|die|lived|died|"
    r"am dead|was dead|was gone|disappear)",
    r"\bi am (?:such )?a burden\b|\bburden (?:to|on) (?:every ?one|you|my|them)",
    # farewells
    r"\b(?:said|saying|say|to say|wanted to say|wanna say|want to say) (?:my )?goodbyes?\b"
    r"(?! to (?:my|the|our|her|his) (?:old |last |year \d+ |form )?(?:school|class|teacher|"
    r"teachers|form|college|team)\b)",
    r"\bgoodbye (?:every ?one|all|world|forever|for ?ever|mum|dad|nan|every ?body|x|guys)\b",
    r"\bthis is (?:my )?(?:goodbye|the end|my last)\b",
    r"\b(?:^|[.!?] *)goodbye\W*$",
    r"\bbye (?:every ?one|all|world|for ?ever|every ?body)\b(?=\s*(?:$|x|[.!]|i|sorry|love))",
    r"\b(?:i am )?sorry for everything\b",
    r"\bi love (?:you|u) all\b",
    r"\btell (?:my \w+(?: \w+)?|mum|dad|her|him|them|every ?one|\w+) (?:that )?i (?:love|loved) "
    r"(?:her|him|them|you|u|\w+)",
    r"\blook after (?:my|mum|\w+ for me)",
    r"\b(?:you|u|they|she|he|no one|nobody) (?:will|will not|wont) (?:ever )?(?:hear from|see) "
    r"me (?:again|any ?more|ever again)",
    r"\bnever (?:hear from|see) me again\b",
    # "dont think ill be here much longer x" (blind set urgent_f); not a move.
    r"\b(?:will not|wont|do not think i will|not going to|might not|may not) be (?:here|around|"
    r"alive|about) (?:the )?(?:much longer|tomorrow|for long|by|after|in the morning|any ?more|"
    r"next week)\b" + _MOVING_ON,
    r"\b(?:my )?last (?:message|text|msg|time (?:you|u) (?:will )?hear|time (?:i will|i am going "
    r"to|i will ever) (?:message|text|talk|speak|contact|write))\b"
    r"(?!.{0,25}\b(?:bed|sleep|battery|credit|data|tonight i promise|for today|before|till|"
    r"until|about|re|regarding)\b)(?! (?:to \w+ (?:\w+ )?)?was (?:a|an|about|just)\b)",
    r"\b(?:given|giving|gave|give) (?:all )?(?:of )?my (?:stuff|things|stuff|clothes|"
    r"belongings|games|xbox|ps\d) away\b|\b(?:gave|give|given|giving) away (?:all )?my\b",
    r"\b(?:will not|do not|wont) need (?:it|them|my \w+|any of (?:it|this)) (?:any ?more|"
    r"where i am going|after tonight)|\bwill not need (?:it|them)\b",
    # "wont need this survey where im going", "wont be needing my phone after tonight"
    r"\b(?:will not|wont|do not|not going to) (?:be )?need(?:ing)? (?:\w+ ){0,3}(?:where i am "
    r"(?:going|headed|off to)|after (?:tonight|today)|for much longer)\b",
    # a veiled apology: "sorry mum. for all of it", "sorry for being such a burden"
    r"\bsorry\b.{0,12}?\bfor (?:all of it|it all|everything|all (?:of )?this|being (?:a |such "
    r"a |so much of a )?(?:burden|disappointment|let ?down|failure)|what i am (?:about|going) "
    r"to do|(?:what|who) i am|ever being born)\b(?=\s*(?:$|[.!?,x]|i |mum|dad|love|every))",
    # a knife, pills, blood or a coffin alone or with a farewell: knife + sad face, "pills bye"
    rf"^{_FAREWELL_FILL}*{_HARM_EMOJI}(?:{_FAREWELL_FILL}|{_HARM_EMOJI})*$",
    r"\b(?:written|wrote|writing|left|leave|leaving) (?:a |my |some |the )?(?:notes?|letters?)"
    r"(?: for| to)? (?:my |every|mum|dad|her|him|them|you)",
    r"\b(?:suicide|goodbye) (?:note|letter|message|text|video)\b",
    r"\b(?:wrote|written|writing|left|leaving) (?:a |my )?goodbye\b(?!.{0,40}\b(?:last day|"
    r"whiteboard|card|leaving do|party|class)\b)",
    r"\ba note\b.{0,25}\b(?:sorry|goodbye|bye|love)\b",
    # means and places
    r"\b(?:got|have|bought|found|tied|tie|ready|made) (?:the |a |some )?(?:rope|noose|ligature)\b"
    r"|\b(?:rope|noose) (?:is )?(?:ready|round|around|tied|up)\b|\bnoose\b",
    r"\b(?:saving|saved|stockpil\w*|hoard\w*|collect(?:ing|ed)?|kept|keeping) (?:up )?"
    r"(?:all )?(?:my |the |of )*" + _DRUG,
    _DRUG + r" (?:are )?(?:ready|lined up|counted out|in (?:my|me) hand)",
    r"\b(?:pills|tablets|meds|blade|blades|knife|razor|rope) (?:are |is )?(?:in front of me|"
    r"next to me|on my bed|beside me|by my bed|on the table in front of me)\b",
    r"\b(?:pills|tablets|meds) in (?:my|me) hand\b",
    r"\b(?:on|at|by|near|standing on|stood on|sat on|sitting on|top of|edge of|going to|"
    r"walking to|heading to|on my way to|off|jump off|over|looking over|looking down from) "
    r"(?:the |a |this |that )?(?:top of (?:the |a )?|edge of (?:the |a )?)?(?:bridge|roof|"
    r"rooftop|railway|train tracks|train track|train line|tracks|rail (?:line|tracks)|"
    r"level crossing|cliffs?|cliff edge|river|canal|reservoir|quarry|multi ?storey|"
    r"car park roof|top floor|ledge|motorway|flyover|pier|viaduct|balcony)\b",
    r"\b(?:step|stepping|stepped|walk|walking|walked|jump|jumping|jumped|run|running|throw "
    r"myself|fall|drive|driving|lie|lying|lay) (?:out )?(?:into|in front of|under) (?:a|the) "
    r"(?:train|bus|lorry|car|traffic|river|sea|canal)\b",
    r"\b(?:scared|afraid|frightened|worried) (?:of )?what i (?:might|will|am going to|could) "
    r"do(?: to " + _MYSELF + r")?\b",
    r"\b(?:do not|cannot) trust " + _MYSELF + r"\b",
    r"\bdo something (?:stupid|silly|bad|drastic)\b",
    r"\bvoices? (?:are |is |keep )?(?:telling|tell|told) me to\b",
    r"\bblades?|\brazors?\b|\bsharpener blade",
    r"\b(?:cuts?|wounds?) (?:are|is)? ?(?:really |so |too |well )?(?:deep|bad|bleeding|gaping)\b"
    r"|\bdeep cuts?\b",
    r"\b(?:will not|cannot|does not|do not|can not) stop (?:the )?bleeding\b",
    r"\bbleeding (?:loads|a lot|badly|heavily|everywhere|out|so much|really bad)\b"
    r"|\bblood everywhere\b|\blost (?:a lot of|loads of|so much) blood\b",
    r"\brelapsed\b",
    r"\btake (?:my|her|his|their) (?:own )?life\b",
    r"\b(?:have not|not|has not|had not) eaten (?:for|in) (?:days|\d+ days|a week|ages|two days|"
    r"three days)\b|\b(?:keep|keeps|kept) (?:fainting|passing out|blacking out)\b",
    r"\b(?:do not|does not) care (?:what happens to (?:me|her|him)|if i (?:live|die|get hurt|"
    r"wake up)|about (?:myself|living|my life) any ?more)\b",
    r"\btoo (?:much|many) (?:of )?(?:my |her |his |the )?" + _DRUG + r"\b",
    r"\bif (?:anything|something) (?:happens|bad happens) to me\b",
    r"\b(?:got|have|holding|bought|found) (?:\w+ ){0,2}(?:bottle|box|pack|packet|load|loads|stash|"
    r"handful|strip|drawer ?full) of " + _DRUG + r"\b",
    r"\bblood (?:coming|pouring|gushing|dripping|running|pumping) (?:out|from|down)\b",
    r"\b(?:do not|not|never) feel like (?:living|being alive|carrying on|going on|existing|waking "
    r"up|being here)\b",
    r"\b(?:thinking|think|thought|cannot stop thinking) about (?:the|my|those|all the|taking "
    r"(?:the|my|all))? ?" + _DRUG + r"\b|\bcannot stop thinking about (?:dying|death|it|ending|the "
    r"bridge|the knife|the blade|jumping|killing)\b",
    r"\b(?:happy|happier|fine|better|easier|ok|okay) without me\b",
    r"\b(?:no one|nobody) (?:even )?(?:notices|would notice|would care|cares about me|would miss "
    r"me|will miss me|misses me)\b",
    r"\bwant to be with (?:my )?\w+ (?:now|again)\b(?=.{0,50}\b(?:only one who|cared|loved me|"
    r"miss (?:him|her)|gone|passed|died|heaven)\b)",
    r"\b(?:no one|nobody|you|they|every ?one|my \w+) (?:will|would) (?:have to |need to |ever )?"
    r"(?:deal with|worry about|put up with|look after|bother with|see|hear from) me (?:after|any "
    r"?more|again|ever|soon|much longer|for long|tomorrow)\b",
    r"\b(?:banging|hitting|punching|scratching|cutting|burning|hurting|starving|taken|took|"
    r"swallowed|drank|overdosed)\b[^.!?]{0,40}"
    r"\bon purpose\b",
    r"\bbefore (?:it is|its) too late\b",
    r"\bblood in (?:it|my (?:sick|wee|pee|poo|vomit|mouth))\b|\b(?:coughing|throwing|being sick"
    r"|vomiting|puking) (?:up )?blood\b",
    r"\b(?:cannot|can not|do not think i can|not able to|unable to|could not|not sure i can|"
    r"do not know if i can) keep (?:myself|me) safe\b",
    r"\bbe a (?:problem|burden|bother|pain) (?:for|to) (?:any ?one|any ?body|every ?one|you|"
    r"you all) (?:after|any ?more|much longer|for long)\b|\bmade up my mind\b(?=.{0,60}\b(?:"
    r"after today|tonight|any ?more|not going to be|gone|end)\b)",
    r"\b(?:done|did|do) something to (?:myself|herself|himself|themselves)\b",
    r"\b(?:cut|cutting|slashed|burnt|burned|scratched) (?:her|his|their) (?:arms?|wrists?|legs?|"
    r"thighs?|stomach|skin|body)\b(?! (?:from|at|in|on|playing) )",
    r"\b(?:want|wanna|wish i could|going) to (?:just )?(?:vanish|disappear)\b(?! (?:off|from) "
    r"(?:social|snap|insta|tiktok|the group))",
    r"^\W*(?:i am )?(?:so |really |very )?sorry (?:mum|dad|nan|every ?one|guys|all|to every ?one)"
    r"\W*(?:x+)?\W*$",
    r"\bswallowed (?:\w+ ){0,3}(?:loads|lots|stuff|everything|all|a load|a bottle|a pack|a box|"
    r"bleach|something)\b",
    r"\b(?:i am|am) (?:\w+ )?ending it\b(?! with)",
    r"\bmy (?:own )?(?:funeral|grave|death)\b",
    r"\b" + _DRUG + r"\b.{0,40}\b(?:dizzy|sick|ill|faint|weird|funny|drowsy|sleepy|cannot stay "
    r"awake|cannot see|heart|throwing up|passing out)\b",
    r"\bswallowed (?:\w+ ){0,4}" + _DRUG + r"\b",
    r"\b(?:dizzy|sick|ill|faint|weird|drowsy|throwing up|passing out)\b.{0,30}\b(?:after|since|"
    r"from) (?:the |those |taking |i took |all the |my )?" + _DRUG + r"\b",
    r"\b(?:took|taken|had|swallowed) some of (?:my|her|his|the|mums|dads|nans) (?:\w+ )?" + _DRUG,
    r"\bi am (?:just )?(?:a )?(?:waste of (?:space|oxygen|air|life)|worthless|useless)\b",
    r"\b(?:make it|get) through (?:tonight|the night)\b|\bnot (?:going to )?make it (?:through|to "
    r"(?:tomorrow|the morning))\b",
    r"\b(?:want|wanna|going) to be with (?:her|him|them|my \w+|mum|dad|nan|grandad) "
    r"(?:again|in heaven|up there)?\b(?=.{0,60}\b(?:dead|died|passed|heaven|gone|grave)\b)"
    r"|\b(?:dead|died|passed away|in heaven)\b.{0,40}\bwant to be with (?:her|him|them)\b",
    r"\bif (?:you|u) (?:do not|dont|never) hear from me\b",
    r"\bend(?:ing)? (?:things|everything)\b(?! (?:with|off))",
    r"\b(?:tired of|sick of|cannot) (?:fighting|fight (?:it|this) any ?more)\b"
    r"|\b(?:going to|ready to|want to|time to) let go\b",
    r"\b(?:done|did) something (?:stupid|bad|silly|really bad|really stupid|terrible)\b"
    r"(?! to my (?:hair|room|phone|car|nails|eyebrows|fringe|clothes|bike|face with))",
    r"\bleav(?:e|ing) (?:this world|this life|this earth)\b",
    r"\b(?:fed up|sick|tired) (?:of|with) (?:being alive|living|life|existing|being here)\b"
    r"(?! (?:in|at|with|here|there|near|on)\b)",
    r"\b(?:better|happier|easier)(?: off)?\b.{0,25}\b(?:without me|"
    r"if i (?:\w+ ){0,2}(?:was not|were "
    r"not|was gone|were gone|was dead|were dead|died|disappeared|did not exist|was never born|"
    r"am gone|am dead|am not (?:here|around)))\b",
    r"\bbetter off (?:in the ground|six feet under|not existing|not here|not alive|gone)\b",
    r"\b(?:ways|how|best way|easiest way|quickest way|painless way|quick way) to (?:die|kill "
    r"(?:myself|yourself|someone|you)|end it|end (?:my|your) life|overdose|hang|not wake up)\b",
    r"\bhow (?:many|much) (?:\w+ ){0,2}(?:pills|tablets|paracetamol|meds|\w+ pills|it takes|"
    r"would (?:it take to )?kill|to (?:die|kill|overdose|od))",
    r"\b(?:looked|looking|searched|searching|googled|googling) (?:up )?(?:how|ways)\b",
    r"\b(?:got|have|made|making|made up) (?:a|my) plan\b.{0,40}\b(?:do it|to do it|going to|"
    r"tonight|end|die|kill)\b",
    # a plan with nothing said about what for: "ive got it all planned" (a party or a move
    # in the same reply is guarded)
    r"\b(?:got|have|had) (?:it|everything|it all) (?:all )?(?:planned|planned out|worked out)\b"
    r"|\b(?:do not know|not sure|no idea) how (?:much )?long(?:er)? i can (?:keep going|go on|"
    r"carry on|cope|do this|take (?:it|this|any ?more)|last|hold on|keep (?:this )?up|live like "
    r"this)\b",
    r"\b(?:hurt|harm|kill|cut|hit) (?:\w+ ){0,3}(?:or|and) " + _MYSELF + r"\b",
    r"\b(?:tried|trying|attempted|attempt|tries) to (?:kill|hang|hurt|end|drown|overdose|"
    r"strangle|cut|poison|jump|take (?:her|his|my|their) (?:own )?life)\b",
    r"\b(?:kill(?:ed|s|ing)?|hang(?:ed|s|ing)?|hung|hurt(?:s|ing)?|harm(?:s|ed|ing)?|cut(?:s|ting)?|"
    r"drown(?:ed|ing)?) (?:himself|herself|themselves|themself)\b",
    r"\bmarks (?:on|round|around) (?:his|her|my) (?:neck|wrists?|arms?)\b",
    r"\b(?:not coming (?:home|back) (?:ever )?(?:again|ever)|"
    r"do not (?:come )?look(?:ing)? for me)\b",
    r"\b" + _DRUG + r"\b(?=.{0,40}\b(?:all|them all|all of them|the lot|whole|every one|"
    r"too many|overdose|going to take|gonna take|take them)\b)",
    r"\b(?:bought|buying|got|have|stole|nicked) (?:some |a (?:box|pack|packet|bottle) of |"
    r"loads of )?" + _DRUG + r"\b(?=.{0,40}\b(?:going to|take them|tonight|all)\b)",
    r"\b(?:wrote|written|writing|made|make|making) (?:a|my) will\b",
    r"\b(?:taking|take|took|swallowing|swallow) (?:all of them|them all|the lot|all of it)\b",
    r"\b(?:got|have|getting|get|took|taken) (?:the|my|all the|all my|a) (?:tablets|pills|meds|"
    r"blade|blades|knife|razor|rope) out\b",
    r"\b(?:want|wish) (?:it|it all|everything|the pain|this|all this) to go away "
    r"(?:for good|for ?ever|permanently)\b",
    r"\bwant (?:it all|everything|this|all this|it|the pain|life|things|my life|it all) to "
    r"(?:end|stop|be over)\b(?! (?:raining|snowing|being (?:so )?(?:boring|cold|hot))|so i can)",
    r"\bwant out (?:for good|for ?ever|of (?:life|this life|everything|this world))\b",
    r"\b(?:do not|cannot|can not) see (?:the|any) point (?:in |of )?(?:living|life|anything|"
    r"going on|carrying on|being (?:here|alive)|me|any ?more|waking up|trying)\b"
    r"|\bsee no point in (?:living|life|anything|going on|being)\b",
    r"\b(?:taken|took|take|taking|swallowed|swallow|swallowing|downed|necked|necking|had|"
    r"have had|ate|eaten|popped|gulped|done) "
    + _FILL
    + _QTY
    + " "
    + _FILL
    + r"(?:\w+ )?"
    + _DRUG
    + r"\b(?! (?:a day|daily|each|every (?:day|morning|night)|twice|like the doctor|"
    r"as prescribed|for my (?:adhd|headache|period|back|asthma|epilepsy)))",
    r"\b(?:taken|took|swallowed|had|necked) (?:my )?(?:mums|dads|nans|mum's|dad's|someone "
    r"elses|her|his) " + _DRUG,
    r"\b(?:has|have|she is|he is|i have|they have|just) (?:taken|took|swallowed|had) "
    r"(?:something|stuff|some stuff|some pills|pills|tablets)\b(?! (?:to eat|to drink|of|from|"
    r"for))",
    r"\b(?:taken|took|swallowed|had|drunk|drank|necked) (?:something|some stuff|stuff|"
    r"loads|loads of stuff|pills)\b(?! (?:to eat|to drink|for (?:tea|dinner|lunch|breakfast)|at|"
    r"of (?:mine|yours|hers|his)|from (?:the|my) (?:shop|fridge)))[^.?!]{0,40}\b(?:ill|sick|"
    r"dizzy|faint|poorly|weird|funny|bad|wrong|cannot|can not|passed out|heart)\b",
    r"\btaken something i (?:should not|should not have)\b",
    r"\b(?:cannot|can not|will not|could not) wake (?:her|him|them|up)\b|\bnot waking up\b"
    r"|\bunconscious\b|\b(?:is not|not|stopped) breathing\b|\bturn(?:ed|ing) blue\b",
    # Ninth round (blind set urgent_g): the understated kind. An overdose without a
    # drug's name, a cut too deep, pills laid out, a note left, an attempt told,
    # a date she will not reach, a one-way trip, "no one has to deal with me".
    r"\b(?:taken|took|swallowed|had|necked) (?:loads|a load|lots|all|the whole|a whole|a full|"
    r"the full|the entire|a handful) (?:of )?(?:\w+ ){0,3}?(?:strip|packet|pack|box|bottle|tub|"
    r"lot)?\b[^.?!]{0,30}\b(?:feel|feeling|felt) (?:really |so |proper |a bit )?(?:strange|weird|"
    r"sick|funny|dizzy|ill|odd|sleepy|drowsy)\b",
    r"\b(?:swallowed|taken|took|necked) (?:the|a) (?:whole|full|entire) (?:strip|packet|pack|box|"
    r"bottle|tub)\b",
    r"\b(?:wrist|wrists|arm|arms|leg|legs|cut|cuts) (?:is|are) (?:too |really |so |proper )?deep\b"
    r"|\bcut (?:deeper|too deep|really deep|so deep)\b|\b(?:bleeding )?(?:is not|will not|would "
    r"not|cannot) stop(?:ping)? bleeding\b|\bit is not stopping\b",
    r"\b(?:got|have got|have|laid|lined) (?:them|the (?:pills|tablets)|it all|everything) (?:all )?"
    r"(?:lined up|laid out|counted out|ready|set out)\b",
    r"\b(?:written|wrote|left|leaving|writing|finished) (?:a|my|the) (?:note|letter|letters|"
    r"goodbye)\b(?! (?:for|to) (?:school|college|the teacher|my teacher|the school|my form)\b)"
    r"(?=.{0,40}\b(?:pillow|bed|room|desk|mum|dad|everyone|for you|when|find|sorry|goodbye|"
    r"calm|ready|thanks for everything|thank you for everything|love you)\b|"
    r"\W*$)",
    r"\b(?:want|wanted|need|needed) (?:someone|somebody|you|u) to know (?:that )?i (?:tried|did "
    r"it|have done it|took)\b",
    r"\bnot going to make it (?:to|till|until) (?:my (?:birthday|\d+\w*)|christmas|xmas|the "
    r"(?:weekend|end of the (?:week|month|year))|next (?:week|month|year)|new year|tomorrow)\b",
    r"\b(?:you will|you|u will|u|you all|everyone will) (?:know|find out) why\b",
    r"\bnot (?:getting|coming|going) back on (?:it|the train|the bus)\b",
    r"\bno one (?:has|will have|needs|will need|is going to have) to (?:deal with|worry about|"
    r"put up with|look after|bother with) me\b",
    r"\bhad enough\b.{0,40}\b(?:bridge|quayside|river|tracks|railway|cliff|cliffs|sea|car park|"
    r"multi ?storey|top floor|motorway)\b.{0,20}\btonight\b",
    r"\b(?:just )?(?:wanted|want) to say thanks for (?:trying|everything|all you did|all you have "
    r"done)\b(?=.{0,60}$)",
    # blind set urgent_h: on a ledge, "still feel like doing it"
    r"\b(?:sat|sitting|stood|standing|sit|stand|climbed|climbing) (?:on|out on) (?:the|a|my) "
    r"(?:window )?(?:ledge|edge of the roof|roof edge|railing|railings)\b",
    # blind set urgent_j (tenth round): said indirectly by younger children and in few
    # words: "its better this way", "disappear for ever", "be with my nan in heaven",
    # "doing somthing bad to myself", "the only reason i stayed"
    r"\b(?:it is|this is|its) (?:all )?(?:better|easier) (?:this way|for everyone)\b",
    r"\b(?:want|wanna|wanted|wish i could|going to) (?:to )?(?:disappear|dissapear|disapear|"
    r"vanish) (?:for ever|forever|for good|and never come back)\b",
    r"\b(?:go|going|want to go|be|join) (?:and be )?with (?:my )?\w+ (?:up )?in heaven\b"
    r"|\bgo to heaven (?:tonight|now|today)\b",
    r"\b(?:do|doing|did) (?:something|somthing|sumthing|smth|summat) (?:bad |stupid |silly )?to "
    r"(?:myself|my self)\b",
    r"\bonly reason i (?:stayed|stay|am still here|keep going|kept going|am alive)\b",
    r"\bthank (?:you|you all) for trying\b(?=.{0,20}$)",
    r"\b(?:still )?(?:feel|feeling|felt) like doing it\b(?! (?:again|later|tomorrow|at the weekend)"
    r" (?:lol|haha))",
    # Eleventh round (blind set urgent_m): a goodbye to a pet with nothing more needed.
    r"\bsaid (?:bye|goodbye|my goodbyes) to (?:my|the) (?:dog|dogs|cat|cats|pets?|hamster|rabbit|"
    r"horse|pony|fish)\b(?=.{0,60}\b(?:do not need|will not need|no need|for ever|forever|last "
    r"time|it is time)\b)",
    # blind set urgent_o: sick since taking them; thinking about doing it tonight;
    # passwords handed over; the last train and not going back.
    r"\b(?:sick|throwing up|thrown up|threw up|dizzy|sleepy|drowsy|shaking)\b.{0,30}\bsince i "
    r"(?:took|had|swallowed|taken) (?:them|it|those|the tablets|the pills|all of them)\b"
    r"|\b(?:took|swallowed|taken) (?:them|those|all of them)\b.{0,30}\b(?:been )?(?:sick|throwing "
    r"up|dizzy|sleepy)\b(?=.{0,40}\b(?:normal|do not tell|is that|should i)\b)",
    r"\b(?:think|thinking|thought) about doing it\b(?=.{0,60}\b(?:tonight|worse|the box|pills|"
    r"tablets|right there|again)\b)",
    r"\b(?:sent|gave|given|giving|give|told) (?:my \w+ |her |him |them )?(?:all )?my passwords\b",
    r"\blast (?:train|bus)\b.{0,40}\bnot (?:going|coming) back\b|\bnot (?:going|coming) back\b"
    r".{0,40}\blast (?:train|bus)\b",
]

DANGER = [
    # threats of harm to the writer or their family
    rf"(?<!\bi )(?<!\bi am )(?<!\bwe )(?<!\bwe are )\b(?:will|would|going to|coming to|want to|"
    rf"wants to|trying to|threatened to|threatening to|threatens to|promised to|swore to|"
    rf"about to|come and|come round and|come over and|gonna|gunna|is|are|will come and|"
    rf"said (?:he|she|they) would|going to come and) (?:\w+ )?{_HARM} (?:up )?{_VICTIM}\b"
    rf"(?! (?:out\b|at (?:fifa|cards|chess|pool|football|the game)|with (?:a |the )?"
    rf"(?:pillow|ball|snowball|cushion)|a (?:coffee|drink|brew|favour|text)))",
    r"\b(?:will|would|going to|gonna|want to|wants to|trying to) (?:find|get) (?:me|us)\b"
    r"(?! (?:a|an|some|one|the|to|from|at|up|for|home|after|in|on|when|back|out|into|"
    r"there|tomorrow|later|from)\b)",
    r"\b(?:he|she|they|them|it) (?:will|would) do (?:me|us|him|her) in\b|\bdo (?:me|us) "
    r"(?:in|over)\b",
    r"\b(?:know|knows|found out|find out) where (?:i|we|my \w+|mum|you) (?:live|lives|go|am|"
    r"are|stay|stays|sleep|work)\b",
    r"\bthreat(?:en|ened|ening|ens|s)?\b(?! (?:to (?:tell|report|ground|take my phone|call my "
    r"(?:mum|dad)|ring my (?:mum|dad))|of (?:rain|exclusion)))",
    r"\bif i (?:tell|told|say|said|snitch|grass|speak|talk|go to the police|call the police|"
    r"report|leave|do not pay|do not do|do not send|stop)\b[^.?!]{0,40}\b(?:kill|hurt|stab|"
    r"batter|beat|dead|shoot|burn|rape|find|get me|send|share|post|do me)",
    r"\b(?:one way or another|or else|or i am dead|or they will|or he will|or she will|"
    r"or i will get|pay (?:up|it back) or|or face the consequences)\b",
    # violence to the writer or family
    rf"(?<!\bi )(?<!\bwe )\b{_HARM_PAST} (?:me|us|mum|dad|nan|my (?:mum|sister|brother|little \w+|"
    rf"baby|nan|family|mum and me|mum and dad|dad|step ?mum|girlfriend|boyfriend|"
    rf"partner))\b(?! (?:at (?:fifa|cards|chess|pool|football|"
    rf"the game|the race|\w+ (?:game|match))|in (?:the (?:race|final|match|game))|\d|"
    rf"with (?:a |the )?(?:pillow|ball|snowball|cushion|water|nerf)|(?:in|into) (?:the )?"
    rf"(?:pool|water|sea)|a (?:coffee|drink|brew|favour|text|message)|by (?:\d|a point)))"
    rf"(?! to (?:apply|do|try|go|study|revise|work|be|get|join|keep|take|finish|enter|sign|"
    rf"speak|talk|stand|believe|aim))",
    r"\bthrew (?:\w+ ){0,3}at (?:me|us|my (?:mum|head|face))\b(?<!ball at me)",
    r"\b(?:i|we|she|he|my \w+) (?:got|was|were|been|have been|has been|get|gets|keep getting|"
    r"been getting|have been getting|has been getting|am getting|is getting|keeps getting) "
    r"(?:hurt|beaten|beaten up|battered|jumped|stabbed|attacked|raped|assaulted|mugged|robbed|"
    r"bitten(?! by (?:midges|mosquito\w*|mozzies|insects|bugs|ants|fleas|nettles|bed ?bugs|"
    r"(?:a|the|my|our) (?:dog|spider|bee|wasp|cat|horse|hamster|rabbit|puppy|snake)))|"
    r"spiked|drugged|kidnapped|groomed|abused|hit|kicked|punched|threatened|touched|grabbed|"
    r"chased|strangled|choked|followed|sexually assaulted|taken|pushed|shoved|thrown|dragged|"
    r"pinned down|held down|tied up|locked in|burnt|burned)\b(?! (?:at|in|playing|by (?:a|"
    r"the) ball|during) (?:football|pe|training|match|rugby|game|the game|netball|hockey)\b)"
    r"(?! \d)(?! by (?:a|the) (?:ball|football|rugby ball|hockey (?:stick|ball)|bat|racket|"
    r"frisbee|shuttlecock|netball|cricket ball|car door|door))",
    r"\bbeing (?:followed|chased|hurt|hit|beaten|threatened|touched|abused|watched|groomed|"
    r"held|kept|exploited|used|made to|forced|blackmailed|bullied)\b"
    r"(?! (?:back|in detention|in isolation|after school|at school|on (?:insta|tiktok|snap)))"
    r"(?! by (?:my|the|our) (?:little |big |baby )?(?:sister|brother|nan|mum|dad|auntie|aunt|uncle|"
    r"babysitter|childminder|teacher|cousin|gran|grandma|grandad|carer))",
    r"\b(?:following|followed|follows|watching|watches|stalking|stalked|stalks) (?:me|us|my house|"
    r"the house|our house)\b"
    r"(?! (?:on|back on) (?:insta|tiktok|snap|twitter|ig|social))",
    r"\b(?:raped|rape|sexually assaulted|sexually abused|molested|groomed|grooming|spiked|drugged|"
    r"spiking)\b",
    r"\bput (?:something|stuff|drugs|something in) (?:in )?my (?:drink|food)\b",
    r"\b(?:forced|forcing|force|made|makes|make|making|got|gets|tells|told|wants|want|wanted|"
    r"pressuring|pressured|pressure) (?:me|her|him) (?:to )?(?:have sex|do stuff|do things|"
    r"sleep with|touch|suck|watch|send(?: them| him| her)? (?:pics|pictures|photos|nudes|videos?|"
    r"money|naked|stuff)|sell|carry|hold|deliver|drop|move|run|stash|hide|take "
    r"(?:a|the|some|stuff|things|drugs|bags?|packages?|parcels?)|bring|go country|go to "
    r"(?:another|a different|other) (?:town|city|place)|do (?:runs|drops|shots)|stay|go with|"
    r"get in|keep (?:stuff|things|drugs|it|them)|sit on|take off)\b",
    r"\b(?:hold|sell|carry|deliver|drop|move|stash|hide|keep|take|bring|run|ship) (?:stuff|"
    r"things|drugs|gear|food|weed|bags?|a bag|packages?|a package|parcels?|a parcel|it|them|"
    r"money|cash|phones?|a phone|knives|a knife)(?: \w+){0,3} (?:for (?:them|him|her|these|"
    r"those|the|some|people|a guy|a man|older)|to (?:another|a different|other) (?:town|city|"
    r"place|area))",
    r"\bowe (?:them|him|her|these \w+|those \w+|people|some (?:people|men|lads|guys|man)|the "
    r"(?:lads|men|guys|dealer|older \w+)|someone|somebody|a dealer|men|money|\d+|\w+ (?:quid|"
    r"pounds|grand))\b(?! (?:a|an|one) (?:card|birthday|favour|present|thank|visit|text|call|reply|"
    r"apology|drink|pint|coffee|brew|biscuit))",
    r"\bowes (?:them|him|these \w+|those \w+|people|some \w+|the \w+|money|\d+)\b",
    r"\b(?:drug|a|the|in|big) debt\b|\bwork (?:it|the debt|off the debt|off) off\b"
    r"|\bpay (?:it )?(?:back|off) (?:the debt|what i owe)\b",
    r"\b(?:trap ?house|going country|go country|gone country|county lines|cuckoo\w*)\b",
    r"\b(?:comes?|came|coming|gets?|got|getting) (?:in|into) (?:my|me) (?:room|bed)\b"
    r"(?! to (?:say|wake|get|tell|borrow))",
    r"\b(?:makes|made|make|making|forces|forced) me (?:touch|do stuff|do things|have sex|"
    r"watch (?:porn|him|them|videos)|sit on|kiss|suck|take (?:my )?clothes off)\b",
    r"\b(?:touch|touches|touching|touched|groping|groped|grabbing|grabbed|feeling|feels|felt) "
    r"(?:me|my (?:leg|legs|bum|chest|boobs|private|privates|body|thigh|thighs|breasts|bottom))\b"
    r"(?<!it touched me)(?<!that touched me)(?<!really touched me)(?!\s*(?:up|lol|haha))",
    r"\b(?:asking|asked|asks|ask|wants|wanted|want|keeps asking|begging|demanding|demands|"
    r"pressuring|pressure|making|made|make|told|tells|forcing|forced|get|gets|getting) "
    r"(?:me |her |him |my \w+ (?:\w+ )?)?(?:for |to (?:send|take|show|do) (?:him |them |more )?)?"
    r"(?:some |more |the |any )?(?:pics|pictures|photos|nudes|videos|vids|naked|nude|selfies|"
    r"snaps|sexy)\b",
    r"\b(?:share|send|post|leak|show|put|spread|upload) (?:them|the (?:pics|photos|pictures|"
    r"video|videos|ones)|my (?:pics|nudes|photos|pictures)|it|the nudes|those|everything)\b"
    r"(?:\s+\w+){0,4}\s+(?:online|to every ?one|to my|on (?:snap|insta|social|the internet|"
    r"tiktok)|every ?where|unless|if i|at school)",
    r"\b(?:nudes|pics|pictures|photos|videos?) of me\b",
    r"\b(?:filmed|recorded|videoed) me\b",
    r"\bsext\w*|\bblackmail\w*|\bextort\w*",
    r"\b(?:show|send|share|post|sending|showing) (?:every ?one|people|the whole school|his mates|"
    r"her mates|my (?:mum|dad|family|mates|friends)|every ?body) (?:my|the|our|her|his) (?:pics|"
    r"nudes|photos|pictures|videos?|snaps)\b",
    r"\bunless i (?:pay|send|do|give|meet|go)\b",
    r"\b(?:older|grown|adult) (?:man|men|guy|guys|lad|lads|boy|boys|bloke|woman|male)\b"
    r"(?! (?:from|at|in) (?:college|school|sixth form|year \d+|my class|footy|football|the team))"
    r"|\b(?:man|guy|bloke) "
    r"in (?:his|their) (?:\d0s|twenties|thirties|forties|fifties)\b|\b\d\d (?:year old|yr old|"
    r"yo) (?:man|guy|bloke|lad)\b",
    r"\b(?:gone|went|run|ran|going) off with (?:a|an|some|this|that|these|those|the|older|his|her) "
    r"(?:\w+ )?(?:man|men|guy|guys|lads?|bloke|people|older)\b",
    r"\bwith (?:those|these|some|the|older) (?:men|lads|guys|older \w+)\b(?! (?:from|at) "
    r"(?:school|college|football|work|youth club))",
    # a dangerous person here or coming
    rf"\b{_BAD_AGENT} (?:is |are |was |were |has been |have been |keeps? |still |again |back |who |"
    rf"moving mad |moving \w+ |kicking off |acting mad |shouting |screaming |"
    rf"just |now |been )*(?:(?:sat|sitting|parked|waiting|stood|standing|hanging about|"
    rf"hanging around|lurking) (?:in (?:his|a|the|their|her) (?:car|van) )?)?(?:outside|"
    rf"at (?:the|my|our|me) (?:door|window|house|front door|back "
    rf"door|gate|gates|school gates?|flat)|in (?:the|our|my) (?:garden|house|flat|hallway|"
    rf"stairwell|room|loft|attic|"
    rf"kitchen|garage|shed|bathroom|cupboard|back yard)|downstairs|"
    rf"trying to (?:get in|break in|break the door|get through|open)|banging|knocking|hammering|"
    rf"kicking (?:the|our|my) door|parked (?:up )?(?:outside|near|by|at)|sat outside|sitting "
    rf"outside|stood outside|standing outside|waiting (?:outside|for me|at the|at my|for her|for "
    rf"him|round the corner)|hanging (?:about|around) outside|on (?:his|her|their|the) way|"
    rf"coming (?:round|over|here|back|for me|after me|to (?:get|find|take) (?:me|him|her|us))|"
    rf"(?:following|followed) me(?! (?:on|back on) (?:insta|tiktok|snap|twitter|ig|social))|"
    rf"watching (?:me|the house|my house|us)|at the (?:bottom|end|top) "
    rf"of (?:the|my|our) (?:stairs|road|street|block|stairwell|close|drive|garden)|"
    rf"back(?=\s*(?:$|[.!?,]| "
    rf"again| and(?! (?:fine|ok|okay|safe|well|alright|seems|settled))| here| now| outside|"
    rf" in the| at the|x))|here(?=\s*(?:$|[.!?,]| again| now| "
    rf"and|x| i| he| she| they| pls| please| help| omg| oh my god| wtf| right now))|found me|"
    rf"looking for (?:me|us|him|her|my))"
    rf"(?! (?:to (?:pick|take|drop|collect|give|see|get (?:chips|food|some))|with (?:the )?"
    rf"(?:shopping|car|food|pizza)|for (?:chips|food|tea|dinner|lunch|my birthday|a brew|a "
    rf"cuppa|a chat|the bus|a lift)|from (?:work|school|college|uni|holiday|the shop|town)))",
    r"\b(?:banging|knocking|kicking|hammering|smashing|bashing) (?:on|at|in|down) (?:the|my|our) "
    r"(?:door|doors|window|windows)\b",
    r"\btrying to (?:break|kick|get) (?:the door down|in|through the door)\b",
    r"\b(?:keeps?|kept) (?:turning|showing) up\b(?! (?:late|on time|early|for))",
    r"\b(?:will not|does not|do not|never) (?:leave me alone|go away|stop (?:following|"
    r"messaging|ringing|calling|texting) me)\b",
    r"\b(?:will not|do not|does not) (?:go|leave)(?=\s*(?:$|[.!?,]| away| and| i| he| she| they))",
    r"\b(?:he|she|they|men|people|someone|the \w+) (?:keep |keeps |are |is |have been |were "
    r"|came )?(?:asking|looking) for (?:me|my (?:son|daughter|boy|girl|child|kid)|him|her|us)\b",
    r"\b(?:he|she|they) (?:found|has found|have found|tracked down) (?:me|us|where)\b"
    r"(?! (?:a|an|some|the)\b)",
    r"\bcoming (?:for|after) (?:me|us|him|her)\b|\bcoming to (?:get|find) (?:me|us|him|her)\b",
    r"\b(?:has|have|got|with|pulled|pulled out|waving|holding|carrying|carries|brought|"
    r"brandishing) "
    r"(?:a |an |his |her |their |out a |a big )?(?:knife|knives|blade|gun|machete|hammer|"
    r"weapon|shank|axe|crowbar|baseball bat|zombie knife|shotgun|pistol)\b(?!,? (?:and )?fork)",
    r"\b(?:knife|gun|machete|shanks?|zombie knife|weapon)\b(?! crime| amnesty|"
    r" awareness)(?!.{0,30}\b(?:game|fortnite|cod|fork|butter|bread|cutlery|tucking|dinner|tea|"
    r"kitchen|cooking|crime awareness|toy|nerf|film|movie|show)\b)",
    r"\bdoor is locked from (?:the )?outside\b|\blocked (?:in )?from (?:the )?outside\b",
    r"\b(?:hand|hands) (?:up|down|in|inside) (?:my|her) (?:top|skirt|dress|trousers|pants|"
    r"knickers|shorts|bra|shirt|jumper)\b",
    r"\bregret (?:telling|saying anything|snitching|grassing|speaking|talking|reporting|it)\b",
    # held, trapped or lost
    r"\blocked (?:me |us |her |him )?in\b|\block(?:s|ing)? (?:me|us) in\b|\blocked in\b",
    r"\b(?:will not|do not|does not|never|not) let (?:me|us|her|him) (?:leave|go(?! (?:to|out "
    r"(?:with|to|tonight|on|late)|on|round|clubbing|shopping|into town))|out(?! (?:with|to|"
    r"tonight|late|on|clubbing))|go home|escape|get out|out of (?:the|this|his|her|their) "
    r"(?:house|flat|car|room|place))\b",
    r"\b(?:cannot|can not|could not|not able to) (?:get out|escape|get away|leave(?! (?:till|"
    r"until|before|work|school|college|class))|go home|get home(?! (?:because the|the bus)))\b"
    r"(?! of bed)",
    r"\b(?:not|never|have not been|has not been) (?:been )?allowed (?:to )?(?:leave|out of "
    r"(?:my|the|this) (?:room|house|flat)|to eat|food|out for \d+)\b",
    r"\b(?:keeping|keep|kept|keeps|holding|held) (?:me|us|her|him) (?:in|here|there|hostage|"
    r"prisoner|locked|captive)\b",
    r"\b(?:being|been) (?:held|kept)\b(?! (?:back|in detention|in isolation|after school))",
    r"\btrapped\b(?! in (?:the|a) lift)",
    r"\b(?:will not|do not|does not|never|not) let (?:me|us|her|him) (?:go to sleep|sleep|eat|rest|"
    r"(?:\w+ ){0,5}(?:or|and) (?:leave|go home|get out))\b",
    r"\bstuck (?:at|in) (?:a|some|this|his|their|an) (?:house|flat|place|car|van|town|city|"
    r"area|room|hotel|strangers)\b",
    r"\b(?:took|taken|take|has|have|got|kept|keeping|smashed|broke) (?:my|her|his|the) (?:phone|"
    r"keys|shoes|passport|bank card|money)\b(?! to play)(?=.{0,40}\b(?:cannot|can not|will not|"
    r"so i|and i|leave|call|ring|get home|get out|escape|locked)\b)",
    r"\b(?:will not|wont|do not|not) give (?:me )?(?:back )?my (?:phone|keys|shoes|stuff|"
    r"passport)(?: back)?\b",
    r"\b(?:do not|does not|did not) know where (?:i am|we are|i was|they are taking|he is "
    r"taking|this is|she is|he is|they have taken|i have been taken)\b",
    r"\bsomewhere i (?:do not|did not) (?:know|recognise)\b|\b(?:a|some) (?:house|flat|place|"
    r"town|city|area) i (?:do not|did not) (?:know|recognise)\b",
    r"\b(?:men|man|people|someone|lads|guys|strangers|adults) (?:here |in here |in the flat "
    r"|in the house )?(?:i|who) (?:do not|did not|dont) know\b",
    r"\bin (?:a|the|his|their|some) (?:car|van|taxi)(?: \w+){0,3} with (?:some |these |two |"
    r"\d )?(?:men|man|guys|people|lads|strangers|someone|older)\b",
    r"\b(?:put|pushed|push|dragged|drag|bundled|got|pull|pulled|pulling|force|forced|shove|"
    r"shoved|grab|grabbed) (?:him|her|me|us) (?:in|into) (?:a|the|his|their) (?:car|van|house|"
    r"flat|alley|room)\b",
    r"\b(?:taking|take|took|takes) (?:me|us|me and my \w+|us and my \w+) away\b|\bnever see "
    r"(?:mum|dad|my \w+|you|them|her|him) again\b",
    r"\b(?:taken|took|brought|drove|driven|moved) (?:me|us|her|him) (?:to )?(?:somewhere|a "
    r"(?:flat|house|place|town)|another town|away|miles away)\b",
    r"\bin the back of (?:a|his|their|some|a strangers|a mans) (?:car|van)\b",
    r"(?<!\bi )(?<!\bwe )(?<!\bit )\b(?:has|is|are|have) (?:still )?not (?:come|been|got|came|"
    r"returned) (?:back )?home\b|\b(?:not|never) came home\b|\bmissing (?:since|again|"
    r"overnight|all night|and)\b",
    r"\b(?:is not|is still not|not|has not been|have not been) answering\b(?! (?:any ?more )?"
    r"(?:questions|your questions|the survey|surveys|these))",
    # blind set urgent_k: lost, and a drink from a man that left her dizzy
    r"\b(?:idk|i do not know|no idea|not sure) where i am\b(?! (?:going|with|in life|at with|"
    r"up to|supposed|staying|sleeping|living|stopping|moving))",
    r"\bgave me (?:a |some )?drinks?\b.{0,40}\b(?:dizzy|woozy|drowsy|out of it|spinning|"
    r"cannot stand|can not stand|really weird|really strange)\b",
    r"\b(?:she|he|they) (?:will not|does not|did not) answer (?:her|his|their|the)? ?(?:phone|"
    r"door)?\b",
    r"\b(?:phone is|phone has been|phones) (?:off|switched off|dead) (?:and|since|now)\b"
    r"|\bnow (?:his|her) phone is off\b",
    r"\b(?:kicked|thrown|chucked|threw) (?:me|us|her|him) out\b|\bnowhere to (?:go|sleep|"
    r"stay)\b(?! (?:on|this|at the|out|for (?:lunch|tea)|in the holidays))"
    r"|\bsleeping (?:rough|on the streets?|in (?:a|the) (?:park|car|street|doorway))\b"
    r"|\b(?:sleeping|sleep|kipping|kip|crashing) (?:at|in|under|by) (?:the|a) (?:underpass|"
    r"bridge|subway|park|bus station|train station|station|bus stop|car park|stairwell|woods|"
    r"garages)\b",
    r"\bkicking off\b(?=.{0,40}\b(?:scared|frightened|hiding|hurt|hit|smash|drunk|police|help)\b)",
    r"\bsmashing (?:the house|the place|everything|stuff|things|the flat|my|it|up)\b"
    r"|\bsmashing (?:\w+ )?up\b",
    r"\b(?:drunk|off his face|off her face|high|raging|going mental|going mad) and "
    r"(?:shouting|screaming|smashing|hitting|kicking off|violent|threatening|throwing)\b",
    r"\b(?:covered in|lot of|loads of) blood\b|\bambulance\b"
    r"|\bbleeding\b(?! (?:from|out of) (?:my|her|his) (?:nose|gums|lip|knee|finger|toe|mouth))",
    r"\bcannot breathe?\b(?! (?:properly )?(?:in|with) (?:this|the|my|a) (?:heat|hot|weather|room|"
    r"class|lesson|cold|flu|blocked nose)|"
    r"(?:i am |from |for )?laughing| because of (?:my|the) (?:cold|hay ?fever))",
    r"\bcame home (?:covered|bleeding|beaten|hurt|injured|bruised|with bruises)\b",
    r"\bbruises? (?:all over|everywhere|on my)\b",
    # fear and not safe
    rf"\b{_INT}(?:scared|frightened|afraid|terrified|petrified|panicking|panicked|shaking|"
    rf"trembling|freaking out|shitting myself|bricking it|fearing)\b",
    r"\b(?:not safe|unsafe|nowhere safe|no where safe|not feel safe|never feel safe|"
    r"cannot feel safe|do not feel safe|"
    r"feel unsafe|in danger\b(?! of (?:failing|missing|being late|losing|getting (?:kicked out "
    r"of|excluded|detention)|not))|at risk (?:right now|now|here|tonight))",
    r"\bscared (?:for|of) my life\b|\bfear(?:ing)? for my life\b",
    r"\b(?:i am|we are|feel|feeling|am) (?:\w+ )?not (?:ok|okay|alright) (?:right now|tonight|"
    r"at all|any ?more|and)\b",
    r"\bcannot talk\b(?=.{0,30}\b(?:listening|here|watching|next to me|in the room|hear me|"
    r"outside|near)\b)",
    r"\b(?:do not|please do not) tell (?:him|them|her|my \w+) (?:i|that i) (?:texted|messaged|"
    r"said|told|contacted)\b",
    r"\bhiding (?:in|from|under|behind|upstairs|downstairs)\b(?!.{0,60}\b(?:tidy|chores|homework|"
    r"washing up|revision|pe|surprise|seek|hoover\w*|dishes|party|manhunt|game|loud|noise)\b)",
    r"\b(?:i am|am) (?:next|dead if|dead when|getting done in)\b",
    r"\bhe is (?:drunk|off his face|raging) again\b",
    r"\b(?:collapsed|passed out|fitting|having a fit|seizure|fainted)\b(?! (?:cos|because|about|"
    r"over|at|when|if|laughing))",
    r"\b(?:hear|hearing|heard|can hear) (?:him|her|them|mum|dad|my \w+|someone|people) "
    r"(?:screaming|crying|shouting|getting hit|being hit|being hurt|fighting|smashing)\b",
    r"\b(?:need|have|got|want) to (?:get out|get away|escape|run)\b(?! of (?:bed|class|"
    r"the lesson))(?!.{0,40}\b(?:boring|bored|fresh air|stir crazy|for a walk|the shops|lesson|"
    r"class|dragging|meeting|school|work)\b)",
    r"\b(?:drinking|drank|drunk|swallowed|swallowing|taken|took|had|eaten|ate) "
    r"(?:some |a bottle of "
    r"|loads of )?(?:bleach|cleaning stuff|anti ?freeze|weed ?killer|poison|washing up liquid|"
    r"dettol|detergent|rat poison)\b",
    r"\bjumped out (?:of )?(?:the|a|my|his|their) window\b|\bto get away from (?:him|them|her|"
    r"my \w+)\b",
    r"\bno way out\b(?! of (?:this|the) (?:escape room|maze|game|room|level))(?!.{0,30}\bescape "
    r"room)",
    r"\btrying (?:the|my|our) (?:back |front |bedroom )?(?:door|doors|handle|door handle|window|"
    r"windows)\b",
    r"\b(?:this|tonight|today) (?:will be|is) my (?:very )?last (?:night|day)\b(?! (?:at|in|of|"
    r"with|before|on|as))",
    r"\b(?:her|his|my|their) (?:wrists?|arms?|legs?|thighs?) (?:are |is |were )?(?:all )?(?:cut|"
    r"slashed|bleeding|covered in (?:cuts|blood))\b",
    r"\b(?:mum|dad|she|he|someone|my \w+|they) (?:is|are|keeps|started|starts) screaming\b"
    r"(?! (?:at the (?:telly|tv|football|game|match|screen)|laughing|with (?:joy|excitement)))",
    r"\b(?:making|forcing|made|forced|makes|forces|pressuring|pressured) (?:me|her|him) (?:to )?"
    r"(?:go|come|stay|meet|get|do|drink|take|smoke|sleep|kiss|lie|wear|film|deliver|keep)\b"
    r"(?! (?:to (?:school|college|bed|the (?:meeting|review|dentist|doctor)|church|my nan)|"
    r"my (?:homework|bed|room|chores)|the (?:dishes|washing|hoovering)|chores|homework|"
    r"revision|home by|in by|to bed))",
    r"\b(?:\d{1,2} ?am|middle of the night)\b(?=.{0,40}\b(?:freezing|cold|alone|outside|"
    r"street|stairwell|nowhere|scared|lost(?! track)|park|on my own)\b)",
    r"\b(?:stairwell|sleeping rough|on the streets|in a doorway)\b",
    r"\b(?:by the|round my|around my|on my|round her|round his) (?:throat|neck)\b"
    r"|\bhands? (?:round|around|on) (?:my|her|his) (?:throat|neck)\b",
    r"\b(?:lock(?:s|ed|ing)?) (?:me|us|her|him)(?: and (?:my )?\w+(?: \w+)?)? (?:in|out|up)\b",
    # Seventh round (blind set D): held without the words "locked in", watched while
    # texting, made to say all is well, and a threat hung on an errand.
    r"\b(?:they|he|she|people) (?:have |has )?lock(?:s|ed|ing)? (?:the|my|our) (?:door|doors|"
    r"room|bedroom)\b(?! behind)",
    r"\b(?:gave|give|gives|given|giving) (?:it|me it|me my phone|my phone) back (?:just |only )?"
    r"(?:to|so i can|so i could) (?:text|message|reply|answer)\b"
    r"|\b(?:he|she|they) (?:says?|said|tells? (?:you|u)|wants? me to say|made me say|makes me "
    r"say) i am (?:fine|ok|okay|alright|safe)\W+(?:i am|but i am|am) not\b",
    r"\bif (?:it|the (?:package|parcel|bag|stuff|money|gear|food|phone)) (?:goes|go|gets|get|"
    r"is|ends up) (?:missing|lost|found|nicked|taken|short)\b.{0,20}\b(?:i am|i will be) "
    r"(?:dead|done for|finished)\b",
    # Blind set urgent_e: lost somewhere strange, watched from outside, a sibling
    # taken, fear of being found out for telling, a threat to finish it, abuse at
    # home, adults asking a child's age, something bad about to happen, a parent
    # threatening to crash the car.
    r"\b(?:do not know|no idea|not sure) (?:what|which|where) (?:road|street|town|place|area|"
    r"estate) (?:this is|i am|i am in|we are|it is)\b",
    r"\b(?:is|was|are|were|keeps|been) (?:sat|sitting|parked|waiting|stood|standing) outside "
    r"(?:ours|our house|our flat|my house|my flat|the house|the flat|my school|the home|the unit)"
    r"\b(?! (?:waiting for (?:me|us) to (?:go|come|get)|for the school run|to pick))",
    r"\b(?:he|she|they) (?:will|is going to|are going to) know (?:i|that i) (?:told|said|grassed|"
    r"snitched|rang|called|texted)\b",
    r"\b(?:got|have got|has got|took|taken|grabbed|have|has) my (?:little |baby |big |younger )?"
    r"(?:brother|sister|bro|sis) (?:in|into) (?:their|his|her|the|a) (?:car|van|flat|house)\b"
    r"(?!.{0,40}\b(?:to|at) (?:the )?(?:shops?|football|school|training|practice|nans?|park|"
    r"swimming|town|cinema|dentist|doctors?|club|party|mcdonalds|tesco)\b)",
    r"\b(?:next time|if i tell|if i talk)\b.{0,20}\b(?:he|she|they) (?:will|is going to|are "
    r"going to) finish (?:it|me|the job|me off)\b",
    r"\b(?:does|did|doing|keeps doing|kept doing|has been doing|makes me do) (?:stuff|things|"
    r"sexual things|bad things|horrible things) to me\b",
    r"\b(?:keep|keeps|kept|keep on|were|are|was|is) asking (?:me )?(?:how old i am|my age|where i "
    r"live|if i am (?:alone|on my own))\b",
    r"\bsomething bad (?:is going to|will|is about to|might) happen\b",
    # Blind set urgent_f: abuse starting again, said without naming it.
    r"\bit (?:is|has) (?:all )?(?:happening|started|starting|begun) (?:all over )?again\b",
    r"\b(?:drive|crash|drive the car|take the car) (?:us |me |the car |the kids )?(?:into|off) "
    r"(?:the|a) (?:river|wall|bridge|canal|sea|lake|tree|cliff|motorway|road)\b",
    r"\b(?:i am )?not coming back (?:this time|ever|again|home ever)\b",
    r"\b(?:pushed|thrown|kicked|shoved|threw|dragged) (?:me |her |him )?down the stairs\b"
    r"|\bcannot (?:move|feel) my (?:leg|legs|arm|arms|neck|back)\b(?! after (?:that|the|my|a) "
    r"(?:leg day|gym|run|workout|training|match|walk|session|hike))",
    r"\bcannot get (?:past|away from) (?:them|him|her|these|those)\b",
    r"\b(?:he|she|they|him|them) (?:does not|do not|cannot|must not|can not|will not) (?:know|find "
    r"out|see|hear) (?:that )?(?:i am|i have|i texted|where i|i am awake|i am here|i am texting|"
    r"i told)\b",
    r"\b(?:old|older) (?:man|men|guy|guys|bloke|blokes|lads)\b",
    r"\bgiving (?:me|her|him|us) (?:drinks?|drugs|alcohol|vodka|weed|pills|stuff|gifts|money)\b",
    r"\b(?:will not|do not|does not|did not) (?:say|tell me|tell us) where (?:we are|were|i am|"
    r"they are|he is|she is) (?:going|taking|headed)\b",
    r"\b(?:asking|asked|asks|ask|wants|wanted|keeps asking|telling|told|tells) (?:me|her|him) to "
    r"(?:come|go|get in|leave|walk) (?:home )?with (?:him|them|her)\b",
    r"\b(?:only|just) had (?:one|1|a|two|2) drinks?\b|\b(?:in|into) (?:my|her|his|our) drinks?\b",
    r"\b(?:met|talking to|speaking to|chatting to|messaging) (?:him|her|them|a man|a guy|someone|"
    r"this (?:guy|man|lad|boy)) (?:\w+ )?(?:online|on (?:snap|snapchat|insta|instagram|tiktok|"
    r"discord|the internet|an app|roblox|xbox|whatsapp|facebook))\b"
    r"|\b(?:guy|man|lad|bloke|boy|someone|person) (?:i|she|he) met (?:online|on \w+)",
    r"\b(?:no way|how) to get (?:home|back)\b|\bstranded\b|\b(?:will not|does not|did not) "
    r"(?:take|give|drive) (?:me|her|him) (?:a lift )?(?:home|back)\b|\bgive me a lift home\b",
    r"\b(?:sent|sending|send|sends) (?:me |her |him )?(?:to |out to )?(?:sell|deliver|drop|another "
    r"town|out of town|country|a trap)\b|\bto sell (?:for|in|drugs|stuff)\b",
    r"\bdebts?\b(?! (?:advice|collection letter))|\bnext time (?:it is|its) me\b",
    r"\b(?:do not|cannot|can not) remember (?:how i got|what happened|anything|last night|how "
    r"i ended up)\b|\bwoke up (?:somewhere|in (?:a|some|his|their|someone)|at (?:a|some|his|"
    r"their))\b(?!.{0,40}\b(?:holiday|trip|amazing|lovely|hols|so nice)\b)",
    r"\b(?:comes?|came|coming|walks?|walked|walking|barges?|barged) (?:in|into) (?:the|my) "
    r"(?:bathroom|bedroom|room|bed|shower)\b(?! to (?:say|wake|get|tell|borrow|ask|give|bring|"
    r"fetch|grab|use|charge))",
    r"\bis (?:any ?one|any ?body) (?:there|out there|awake|reading this)\b",
    r"\b(?:asking|asked|asks|ask|wants|wanted|keeps asking|keep asking) (?:me )?(?:for |what is )?"
    r"(?:my|her|his) (?:address|location|postcode|house number)\b",
    r"\b(?:asking|asked|asks|ask|wants|wanted|want|told|tells|trying to get|tried to get|tried "
    r"to make|keeps asking) (?:me|her|him) to get (?:in|into)\b|\bdrag (?:me|her|him) (?:in|into)\b"
    r"|\bget (?:in|into) (?:his|their|a|the) (?:car|van)\b(?=.{0,30}\b(?:man|men|keeps|asking|"
    r"stranger|do not know|scared|tried)\b)",
    r"\b(?:sent|shared|posted|leaked|showed|spread|shown|sending|sharing|posting) (?:my|the|our|"
    r"her|his) (?!baby |holiday |school )(?:pics|nudes|photos|pictures|videos?|snaps)\b",
    r"\bend up (?:in (?:the river|hospital|a ditch|a bag|the ground|a box|the canal)|dead|hurt)\b",
    r"(?<!\bi )(?<!\bi keep )(?<!\bhave )(?<!\bi just )"
    r"\b(?:pushed|held|forced|shoved|grabbed|pulled|twisted|banged|smashed|"
    r"slammed|hit|punched|kicked|slapped|squeezed|bent|stamped on|yanked|broke|broken|fractured|"
    r"pulling|pulls|pinching|twisting|twists|squeezing|dragging|drags|"
    r"snapped|dislocated|burnt|burned) (?:my|her|his) (?:nose|ribs?|jaw|collarbone|head|"
    r"face|neck|arm|arms|hair|throat|wrist|wrists|leg|legs|fingers?)\b(?! on (?:the|a)\b)",
    r"\bblocking (?:the|my) (?:door|doorway|way|exit)\b",
    r"\b(?:sending|sent|sends|texting|texted|texts|messaging|messaged|showing|showed) "
    r"(?:me|her|him) "
    r"(?:pictures|pics|photos|videos|vids|snaps) of (?:himself|herself|themselves|his (?:body|"
    r"privates|bits|willy|dick|penis))\b",
    r"\bthere is blood\b",
    r"\b(?:cannot|can not) see (?:straight|properly)\b|\bsince i (?:took|had|swallowed) (?:them|it|"
    r"those|the \w+)\b(?=.{0,40}\b(?:sick|dizzy|cannot|faint|weird|shaking|heart)\b)",
    r"\b(?:sat|sitting|sits|lay|lying|laying|kneeling|knelt) on (?:me|top of me|my (?:chest|back|"
    r"neck))\b|\bon top of me\b",
    r"\b(?:cannot|can not) promise (?:i will|i am going to|to|that i will|i will not|i will stay) "
    r"(?:be |stay |keep )?(?:safe|ok|okay|alive|myself safe)\b",
    r"\b(?:will not|does not|is not|not) (?:answer|answering|respond|responding|open(?:ing)? the "
    r"door)\b(?=.{0,40}\b(?:locked|bath|bathroom)\b)",
    r"\bprice on (?:my|his|her) head\b",
    r"\b(?:pictures?|pics|photos?|videos?) of (?:guns?|knives?|weapons?|blades?|machetes?)\b"
    r"|\b(?:sending|sent|posted|posting|shared|sharing|put) (?:\w+ ){0,5}my address\b",
    r"\b(?:will|would|going to|gonna|are going to|is going to) do (?:me|us|my (?:sister|brother|"
    r"mum|dad|nan|family|little \w+))\b(?! (?:a|an|the|some|up|favour|proud))",
    r"\b(?:kick|beat|punch|hit|stamp) (?:it|the baby) out of (?:me|her)\b",
    r"\b(?:hear|hearing|heard) (?:him|them|her|his car|his keys|the door|footsteps) (?:coming|"
    r"outside|on the stairs|downstairs|upstairs|trying|at the door|in the hall)\b",
    r"\bsexually (?:touched|abused|assaulted|harassed|exploited|attacked)\b",
    r"\b(?:dumped|left|dropped|abandoned|kicked) (?:me|her|him) (?:out )?(?:at|in|on|by) "
    r"(?:the side of (?:the|a) road|a services|services|somewhere|the woods|a field|the middle of "
    r"nowhere|a car park)\b(?!.{0,30}\b(?:all good|near my house|fine|outside my house)\b)",
    r"\bmake (?:me|you|her|him|us) pay\b(?! (?:for (?:the|my|a|his|her|our|their) (?:pizza|food|"
    r"drinks?|tickets?|bus|meal|dinner|lunch|bill|taxi|cinema)|back|rent|half))",
    r"\b(?:a|my) (?:note|letter) (?:written|ready|done|left)\b",
    r"\b(?:stand|stay|sleep|wait|kneel) outside all night\b|\b(?:makes? me|made me|locks?|locked|"
    r"hits?|starves?|beats?|no food|not allowed to eat|kneel|stand|outside)\b.{0,40}\bas (?:a )?"
    r"punishment\b",
    r"\bif i (?:do not|dont|will not) \w+(?: \w+){0,4} (?:they|he|she) (?:will|would|are going to|"
    r"is going to) (?:share|send|post|leak|show|put up|upload|tell)\b",
    r"\ba danger to (?:myself|herself|himself|others|my \w+)\b",
    r"\b(?:cannot|can not|could not) stop (?:him|them|her)\b(?! (?:from (?:talking|going on|"
    r"texting)|talking|laughing|going on))",
    r"\b(?:took|taken|had|swallowed|drank|drunk) (?:way )?too (?:much|many)\b(?! (?:time|cake|food|"
    r"sugar|sun|chocolate|sweets|pizza|caffeine|coffee|energy drinks?|junk|crisps|notice))",
    r"\b(?:my|her|his) (?:arms?|wrists?|legs?|thighs?) (?:are|is) (?:a mess|in a (?:right )?state|"
    r"really bad|so bad|covered)\b",
    r"\b(?:black eyes?|fat lip|split lip|bust lip|busted lip|broken nose)\b",
    r"\b(?:throw|kick|chuck|throwing|kicking|chucking|going to throw|going to kick) (?:me|us) out\b"
    r"(?=.{0,20}\b(?:tonight|now|today|of the house)\b)",
    r"\b(?:asking|asked|asks|wants|wanted|keeps asking) (?:me|her|him) to meet "
    r"(?:him|them|up|her)\b",
    r"\b(?:going|went|came|coming|come) (?:for|at) me\b(?! (?:with (?:a|the) (?:ball|pillow|"
    r"water|snowball|tickle))|\b(?:tonight|in the morning|at \d|after school|from school))",
    r"\b(?:at|for|hit|hits|hitting|hurt|threatened|threatening|attacked|came|went|going|coming|"
    r"beat|beats|beating|chased|chasing) (?:\w+ ){0,4}with a (?:bottle|knife|bat|hammer|belt|"
    r"stick|chair|brick|machete|blade|gun|crowbar|screwdriver|metal pole)\b(?! of)",
    r"\bpicked up by (?:a car (?:of|full of|with) |a van (?:of|full of|with) )?(?:men|older|a man|"
    r"strangers|some (?:men|lads|guys|older \w+)|a group of (?:men|lads))\b",
    r"\b(?:keeps?|kept|is|are|been|was) (?:filming|photographing|recording|taking (?:pictures|"
    r"photos|pics) of|staring at) (?:me|us)\b",
    r"\b(?:vodka|alcohol|drunk|drink|wine|spirits|whisky|gin|rum|cider)\b.{0,40}\b(?:took|taken|"
    r"had|swallowed|necked) (?:some |a few |loads of |my )?(?:pills|tablets|meds)\b"
    r"|\b(?:took|taken|had|swallowed|necked) (?:some |a few |loads of |my )?(?:pills|tablets|"
    r"meds)\b.{0,40}\b(?:vodka|alcohol|drunk|wine|spirits|whisky|gin|rum|cider)\b",
    r"(?:\U0001f52a|\U0001fa78)(?=.{0,30}\b(?:he|she|they|got|has|have|me|outside|here)\b)"
    r"|\b(?:he|she|they|got|has|have)\b.{0,30}(?:\U0001f52a|\U0001fa78)",
    r"^\W*(?:dad|he|him|my dad|step dad|my step dad|my ex|mums boyfriend|them|they|my uncle) "
    r"again\W*$",
    r"\b(?:man|guy|bloke|stranger|older \w+|adult|\d\d (?:year old|yr old))\b.{0,40}\bwants? to "
    r"meet (?:me|up)\b",
    r"\b(?:says?|said|told me|tells me) (?:to )?(?:do not|not to|never) tell (?:my|your|any ?one|"
    r"any ?body)\b(?!.{0,30}\b(?:surprise|party|present|birthday|christmas|xmas)\b)",
    r"\b(?:trying|tried|tries|try|wants|wanted) to (?:kiss|touch|grope|feel|get with|sleep with|"
    r"undress|get on top of) (?:me|her|him)\b",
    r"\b(?:balaclava|balaclavas|masked|masks? on|face covered)\b",
    r"\b(?:outside|at the door|downstairs|at my school|at the gate)\b(?: \w+){0,3} (?:asking|"
    r"looking) for (?:me|him|her|my \w+)\b",
    r"\bleft (?:me|us|me and my \w+)(?: \w+){0,3} (?:alone|on our own|on my own)\b(?=.{0,30}\b"
    r"(?:days|nights|no food|nothing to eat|since (?:yesterday|last|this|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|\d)|week)\b)|\bno food\b(?=.{0,40}\b(?:days|"
    r"alone|left|hungry|starving|mum|dad|nothing)\b)",
    r"\bacid\b(?! (?:reflux|test|house|rain|trip|jazz))"
    r"|\bthrow (?:\w+ ){0,2}(?:at|in|into) my face\b",
    r"\b(?:hear|hearing|heard) (?:footsteps|someone|somebody|noises|banging|voices downstairs|"
    r"the door go)\b(?=.{0,40}\b(?:alone|scared|no one|nobody|should not|middle of the night)\b)",
    r"\b(?:not to tell (?:any ?one|any ?body|my mum|your mum|my dad|your dad|a soul|the police)|"
    r"(?:keep|keeping) (?:it|this|us) (?:a )?secret|our (?:little )?secret|not to tell(?=\s*$)|"
    r"(?:telling|tells|told) me (?:that )?i am (?:special|mature|his girlfriend|his))\b"
    r"(?!.{0,30}\b(?:surprise|party|present|birthday|christmas|xmas)\b)",
    r"\b(?:bitten|bit|punched|kicked|stabbed|hit|beaten|slapped|burnt) and (?:punched|kicked|"
    r"stabbed|hit|beaten|slapped|bitten|burnt|strangled)\b",
    r"\b(?:paying|paid|pays|pay|giving|gives|gave|give|offered|offering) (?:me|her|him) "
    r"(?:\w+ ){0,2}?(?:money |cash |quid |pounds )?to (?:meet|see|"
    r"come|go|do|sleep|have|send|stay|get in)\b",
    r"\b(?:put|puts|putting|laid|lays|laying) (?:his|her|their) hands on (?:me|us|her|him|my)\b",
    r"\bput (?:me|us|you|him|her) in (?:hospital|the hospital|a wheelchair|the ground|a box|a "
    r"coma|intensive care)\b",
    r"\bcannot tell (?:the )?(?:nurses?|doctors?|police|any ?one|any ?body|teachers?|my (?:mum|dad|"
    r"worker|teacher)) (?:the truth|what happened|what he|what they|who did)\b",
    r"\b(?:pills|tablets|packets|blood|empty packets) everywhere\b",
    r"\b(?:do not|did not) know how i (?:got|ended up) (?:here|there)\b",
    r"\b(?:asking|asked|asks|ask|telling|told|getting|got|want|wants|wanted|pressuring|making|"
    r"made) (?:me|her|him|my (?:little |big )?\w+) to (?:deliver|sell|carry|hold|drop|stash|hide|"
    r"run|move) (?:for|stuff|things|drugs|bags?|packages?|parcels?)\b",
    r"\b(?:they|he|someone|men|people) (?:have|has) taken (?:him|her|my (?:son|daughter|brother|"
    r"sister|little \w+|boy|girl|child))\b",
    r"\b(?:nobody|no one) (?:loves|cares about|wants) me\b.{0,40}\b(?:tonight|going to|any ?more|"
    r"end|die|better off|gone|prove)\b",
    r"\bon the floor\b(?=.{0,40}\b(?:will not|cannot|not moving|not breathing|since|blood|get "
    r"up|wake)\b)|\b(?:will not|cannot|can not) (?:wake up|respond)\b",
    r"\b(?:please|help)\b.{0,20}\b(?:it is|things are) (?:really |so |very )?bad\b"
    r"|\b(?:it is|things are) (?:really |so |very )?bad\b.{0,20}\b(?:please|help)\b",
    r"\b(?:will not|do not|does not|did not) let (?:me|her|him) (?:call|ring|phone|text|contact|"
    r"use (?:my|the|a) phone|talk to|see|speak to) (?:any ?one|any ?body|my(?! (?:mates?|"
    r"friends?|boyfriend|girlfriend|bf|gf|bestie|pals?|cousins?)\b)|you|the police|for help|mum|"
    r"dad)",
    r"\b(?:starves|starving|starved) (?:me|us|her|him)\b|\b(?:will not|does not|do not) "
    r"(?:feed|let me eat)\b",
    r"\bsort (?:me|us) out\b(?! with (?:a|some|the))",
    r"\bif i (?:do|did) (?:stuff|things|favours|jobs|bits|something|what (?:they|he|she) "
    r"(?:say|says|want|wants))\b",
    r"\b(?:on fire|house is burning|broke in|breaking in|broken in|break in)\b",
    r"\b(?:stabbing|shooting|shot|trafficked|trafficking|modern slavery|kidnapped|abducted)\b",
    r"\b(?:get|getting|got|gets|going to get|will get) (?:wet|wetted|wet up|shanked|merked|ripped|"
    r"splashed|dipped|poked|jooked|stabbed|jumped|battered|done in|done over|got|sliced|slashed|"
    r"bottled|boxed in|rushed|cut up)\b(?! (?:through|"
    r"in the rain|by the rain|from the rain|water|milk|drinks?|beer|coke|juice))"
    r"|\bwet (?:me|him|her|us|you) up\b",
    r"\b(?:a )?(?:ting|strap|shank|nank|wap|mash|burner|piece|blade|knife) on (?:him|her|them|he|"
    r"his|em)\b|\b(?:is|are|was|were|be|he is|they are) strapped\b(?! (?:up|in|into|for))",
    r"\b(?:made|make|making|makes|forced|forcing|told) (?:me|her|him) (?:to )?plug (?:it|them|the "
    r"\w+|drugs)\b(?! in)|\bplugging\b",
    r"\blost (?:the|their|his|her|them|all the) (?:food|pack|bag|drugs|gear|stash|line|money|"
    r"phone|package|parcel|ps|p)\b",
    r"\bsaid (?:i am|you are|he is|she is|we are) (?:done|dead|finished|next|getting it|a dead "
    r"man)\b",
    r"\b(?:pressured|forced|made|told|being made|being forced|being pressured) to (?:carry|sell|"
    r"hold|deliver|drop|move|run|stash|hide|have sex|do (?:stuff|things)|send (?:pics|nudes|photos)"
    r"|go country)\b",
    r"\b(?:she|he|mum|dad|my \w+) is (?:not moving|unresponsive|not responding|blue)\b",
    r"\b(?:taking|take|moving) (?:me|us|her|him) to (?:another|a different|a new) (?:city|town|"
    r"country|place)\b",
    r"\b(?:do not|really do not|never) want to go (?:back )?home\b(?! (?:yet|early|now it is))",
    r"\b(?:i am|am|we are|she is|he is) lost\b(?=.{0,40}\b(?:dark|night|alone|scared|no phone|"
    r"battery|no money|do not know|cold|men)\b)",
    r"\b(?:dirty|rude|sexual|naked|explicit|sexy) (?:messages|msgs|pics|pictures|photos|videos|"
    r"snaps|texts|stuff|things|chats?)\b",
    r"\b(?:keeps|keep|kept) (?:driving|walking|going|coming) (?:past|by|round|up to) (?:my|our|"
    r"the) "
    r"(?:house|flat|school|home|street|road|window)\b|\bsame (?:men|man|car|van|guys?)\b",
    r"\b(?:walks?|walking|comes?|coming|barges?|barging|came|walked) in (?:\w+ ){0,2}(?:when|"
    r"while) "
    r"(?:i am|i|she is|he is) (?:getting changed|changing|in the shower|in the bath|naked|"
    r"undressed|asleep|sleeping|in bed|getting dressed)\b",
    r"\b(?:give|giving|gave|offered|offering|pay|paying|buy|buying) (?:me|her|him) (?:\w+ )?"
    r"(?:money|cash|\d+|drinks?|weed|a phone|trainers|gifts|stuff|vapes?|alcohol) if (?:i|she|"
    r"he)\b",
    r"\b(?:go|went|come|going|coming|gone|stay|staying|sleep|sleeping) (?:to|back to|round|round "
    r"to|at|over) (?:his|their|a mans|a man'?s|an older \w+'?s?|some \w+'?s) (?:flat|house|place|"
    r"hotel|room|car)\b",
    r"\b(?:smashed|smashing|broke|broken|kicked in|kicking in|put through) (?:my|our|the|her|mums) "
    r"(?:window|windows|door|front door|back door|car)\b",
    r"\breading my (?:phone|messages|texts)\b|\b(?:checks|checking|took|takes|has) my phone\b"
    r"(?! to play)(?=.{0,40}\b(?:scared|hit|hurt|get out|angry|wont|will not)\b)",
    r"\b(?:men|man|guys|lads|blokes|strangers|someone|somebody|people|a man|a guy|boys|he|they) "
    r"(?:keep|keeps|kept|are|is|have been|has been|were|was) (?:\w+ )?(?:talking to|staring at|"
    r"following|touching|grabbing|trying to (?:get|talk to|take|grab|touch|make)|"
    r"shouting at|filming|photographing) (?:me|us)\b",
    r"\boffering (?:me |her |him )?(?:lifts?|a lift|drinks?|drugs|money|weed|vapes?|cigs|"
    r"cigarettes|a place to stay|gifts|cash|a job running)\b",
    # a cover story for an injury: "said to say i fell", "told me to tell school i walked into a
    # door"
    r"\b(?:said|says|told|tells|telling|made|makes|wants) (?:me |us |her |him )?(?:to )?(?:say|"
    r"tell(?: \w+){0,2}|pretend|act like) (?:that )?(?:i|she|he|we) (?:fell|tripped|slipped|"
    r"walked into|bumped|did it|hurt (?:myself|herself|himself))\b"
    r"(?! asleep| in love| behind| out)",
    # papers held and work owed: "hes got my passport", "says im working for him now"
    r"\b(?:he|she|they|someone|a man|my boss|his mates) (?:has |have |is |are )?(?:got|has|have|"
    r"took|taken|kept|keeps|keeping|holding|hid|hidden|hides) (?:my|our|her|his) (?:passport|"
    r"id|documents|papers|visa|birth certificate|brp)\b(?! (?:for (?:the|my|a|our) (?:holiday|"
    r"trip|application|form)|to (?:check|copy|scan|send|renew|update|sort|apply)))",
    r"\b(?:says|said|told me|tells me) (?:that )?i (?:am|will be|am going to be|have to|must|work) "
    r"(?:work(?:ing)? )?for (?:him|them|her) (?:now|from now on|until|till|to pay)\b",
    # held in a moving car: "im in a car and they wont stop to let me out"
    r"\b(?:car|van|taxi|uber)\b(?! alarm).{0,40}\b(?:will not|would not|does not|do not|"
    r"refus\w* to) (?:stop|pull over|unlock|let (?:me|us|her|him) (?:out|off|go))\b(?! (?:talking|"
    r"going on|beeping|going off|making|playing|singing|moaning|asking|starting|for))",
    # calling the writer out of the house: "lads outside shouting my name"
    r"\b(?:outside|at the (?:door|window)|in the street|on the street)\b.{0,40}\b(?:shouting|"
    r"calling|screaming|yelling) (?:out )?my name\b|\b(?:shouting|calling|screaming|yelling) "
    r"(?:out )?my name\b.{0,30}\b(?:outside|window|front door|street)\b",
    # drug running owed: "one more drop tonight", "they said after this one im free"
    r"\b(?:one more|another|last|do (?:a|the|one more|another|some)|doing (?:a|the|some)|did "
    r"(?:a|the)) drops?\b(?! off| out| in| by| round| of)(?=.{0,40}\b(?:tonight|for (?:them|him|"
    r"her)|owe|debt|or (?:else|they|he|she)|then|free|they|he)\b)",
    r"\b(?:they|he|she) (?:said|says|told me|tells me|promised)\b.{0,50}\b(?:then|after (?:that|"
    r"this|it|tonight)(?: one| job| drop| run| time)?) (?:i am|i will be|i would be|we are|"
    r"we will be|we would be|were|my debt is|the debt is|it is) (?:free|even|square|cleared|"
    r"paid off|out of it|debt free)\b(?! to)",
    # sent away tonight: "sending me to a flat in another city tonight"
    r"\b(?:sending|sent|send|sends|taking|driving|drove) (?:me|her|him|us) (?:\w+ )?(?:to|off to) "
    r"(?:\w+ ){0,5}?(?:(?:a|some|their|his|an) (?:flat|address|hotel|trap)|(?:another|a different|"
    r"some other) (?:town|city|area))\b(?=.{0,40}\b(?:tonight|cannot say no|can not say no|do not "
    r"(?:know|want)|will not|owe)\b)",
    # coercion: "i cant say no", "too scared to say no"
    r"\b(?:cannot|can not|could not|not allowed to|too scared to|scared to|afraid to) say no\b"
    r"(?!.{0,25}\b(?:cake|chocolate|pizza|sweets|food|biscuits|sale|bargain|puppy|dog|kittens?|"
    r"shopping|to my (?:mates|friends|nan|gran|grandma|grandad|mum|dad|sister|brother|auntie|"
    r"cousin|teacher)|to (?:a|an|the) (?:party|night out|trip))\b)",
    # an adult posing as young online: "pretends to be my age but hes not", "says hes 15 but"
    r"\b(?:pretend\w*|lied|lying|lies|claims?|claimed|makes out|made out|said|says) (?:to be|he "
    r"is|she is|they are|he was|she was|they were|that he (?:is|was)|that she (?:is|was)) (?:my "
    r"age|the same age|younger|a (?:kid|girl|boy|teenager)|in my year|\d\d?)\b(?=.{0,50}\b(?:but|"
    r"not|older|actually|really|meet|grown|man|adult)\b)",
    r"\b(?:on|off|from|met (?:him |her |them )?on) (?:snap|snapchat|insta|instagram|tiktok|"
    r"discord|roblox|online|the internet|an app|fortnite|xbox|whatsapp|facebook|minecraft|"
    r"twitter|the game)\b.{0,60}\bwants? (?:me )?to meet (?:me|up|him|her)\b",
    # a child with a much older partner: "im 14 and my bf is 26"
    r"\bi am (?:only |just )?(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b.{0,60}\b(?:boyfriend|"
    r"girlfriend|partner|man|guy|bloke|he|she)(?: \w+){0,2} (?:is|was|turned|turns) (?:like |about "
    r"|nearly |almost |over |around )?(?:1[89]|[2-9]\d)\b(?! ?(?:minutes|mins|hours|miles|quid|%))"
    r"(?!.{0,30}\b(?:he|she) is my (?:sister|brother|cousin|step \w+|half \w+|uncle|auntie)\b)"
    r"|\b(?:boyfriend|girlfriend|partner|man|guy|bloke|he|she)(?: \w+){0,2} (?:is|was) (?:like "
    r"|about |nearly |almost |over |around )?(?:1[89]|[2-9]\d)\b(?! ?(?:minutes|mins|hours|miles|"
    r"quid|%)).{0,60}\bi am (?:only |just )?(?:1[0-5]|twelve|thirteen|fourteen|fifteen)\b"
    r"(?!.{0,30}\b(?:he|she) is my (?:sister|brother|cousin|step \w+|half \w+|uncle|auntie)\b)",
    # a coerced stay: "he says i have to stay at his tonight"
    r"\b(?:he|she|they|him|boyfriend|girlfriend|partner) (?:says|said|tells me|told me|is telling "
    r"me|wants me|makes me|is making "
    r"me) (?:that )?(?:i )?(?:have to|got to|must|to) (?:stay|sleep|come|go) (?:at|round|over|back "
    r"to|to|with) (?:his|hers|theirs|him|them|their)\b(?=.{0,30}\b(?:tonight|all night|every "
    r"night|or|again|whenever)\b)",
    # an unknown adult contacting a child: "a man keeps ringing her phone"
    r"\b(?:a|an|some|this|that|the same|older|an older|grown) (?:\w+ )?(?:man|men|guy|guys|bloke|"
    r"stranger|adult)s? (?:keeps?|kept|has been|have been|is|are|was|were|still) (?:\w+ )?"
    r"(?:ringing|calling|phoning|texting|messaging|snapchatting|dming|contacting) "
    r"(?:me|her|him|us|my \w+)\b(?! about (?:my|the|a|our) (?:car|insurance|phone|contract|bill|"
    r"account|claim|accident|parcel|delivery|order|van))",
    # covert contact, the phone is watched: "dont reply to this number"
    r"\b(?:do not|please do not|never) (?:reply|text (?:me )?back|ring|call|message|respond|answer)"
    r"(?:(?: to)? (?:this|my|the) (?:number|phone|message)\b(?!.{0,30}\b(?:not monitored|automated|"
    r"new number|changed|old)\b)|\b(?=.{0,40}\b(?:checking|checks|reads|reading|watching|going "
    r"through|looks at|sees) (?:my|the) (?:phone|messages|texts)\b))",
    # Ninth round (blind set urgent_g): someone got in, attacked just now, men
    # brought to her, lads waiting, on her way to an adult from online, a child
    # dumped by strangers, a phone kept from her.
    r"^\W*(?:he|she|they|someone|somebody) (?:is|has|have|are) got in(?:side)?\W*$|\b(?:he|she|they"
    r"|someone) (?:is|has|have|are) got in(?:to)? (?:the|my|our) (?:house|flat|room|home)\b",
    r"\bjust been (?:jumped|attacked|battered|beaten up|mugged|stabbed|robbed|hit|punched|"
    r"assaulted|glassed)\b|\b(?:nose|arm|wrist|jaw|rib|ribs|hand|leg) (?:is |are )?(?:broke|"
    r"broken)\b(?=.{0,40}\b(?:still|they|he|them|here|outside|about)\b)",
    r"\b(?:bring|brings|bringing|brought) (?:men|blokes|guys|older men|people|lads|his mates) "
    r"(?:round|over|back|up)(?: to (?:the|his|their) \w+)? (?:for|to see) (?:me|her)\b",
    r"\b(?:lads|men|guys|boys|people|dealer|dealers|olders)(?: \w+)? (?:are|is) (?:waiting|waitin|"
    r"sat|parked) (?:at|outside|by|round|down|on) .{0,30}\bfor me\b",
    r"\b(?:on my way|omw|going|about) (?:to|2) meet (?:the|this|a|some) (?:guy|man|bloke|lad|"
    r"fella) (?:from|off|i met on|on) (?:snap|snapchat|insta|instagram|online|tiktok|discord|the "
    r"app|an app)\b",
    r"\b(?:been )?(?:dumped|left|abandoned) (?:her |him |me )?(?:at|in|on) (?:a|the) "
    r"(?:services|service station|motorway|lay ?by|side of the road|hard shoulder)\b",
    r"\b(?:he|she|they) (?:is|has|have|are) got my phone\b(?=.{0,60}\b(?:worse|scared|do not "
    r"(?:text|reply|ring)|please)\b)|\bgetting worse\b(?=.{0,30}\b(?:please|help)\b)",
    r"\bplease (?:cold|col|cal|coll|cll) me\b",
    # blind set urgent_h: a forced marriage
    r"\b(?:taking|take|send|sending|sent|fly|flying|taken) (?:me|her|him) (?:abroad|away|back home|"
    r"to \w+)\b.{0,40}\b(?:to marry|to get married|for a wedding|married off|wedding)\b"
    r"|\b(?:make|making|force|forcing|forced|made) (?:me|her|him) (?:to )?(?:marry|get married)\b",
    # blind set urgent_j: on a roof, a "secret game" that hurts
    r"\bclimbed (?:onto|on|up onto|up on|up) (?:the|a) (?:roof|bridge|railings?|parapet|ledge)\b"
    r"|\bon the roof\b.{0,30}\b(?:will not|refuses to|refusing to) come down\b",
    r"\b(?:secret game|our (?:little )?secret)\b(?!.{0,60}\b(?:birthday|surprise|present|party|"
    r"christmas)\b)|\bit hurts and i do not like it\b",
    # Eleventh round (blind set urgent_m): watched from outside; unwell after what
    # someone gave them, alone; sex for a lift; a young child left alone for days.
    r"\b(?:someone|somebody|a (?:man|car|van|guy|bloke)|he|they|some (?:men|lads|guys))\b.{0,40}"
    r"\b(?:watching|staring (?:at|into)|filming|taking (?:pictures|photos) of) (?:my|our|the) "
    r"(?:window|windows|house|flat|door|front door|room|bedroom)\b",
    r"\bwhat (?:they|he|she|someone|somebody|the (?:man|men|lads|guy|guys)|them) (?:gave|give|"
    r"put in) (?:me|my drink)\b(?=.{0,60}\b(?:sick|dizzy|cannot stand|cannot walk|spinning|"
    r"passing out|blacking out|cannot (?:see|breathe|think|move))\b)"
    r"|\b(?:sick|dizzy|spinning|cannot stand up|cannot walk)\b.{0,60}\bwhat (?:they|he|she|someone|"
    r"somebody|the (?:man|men|lads|guy|guys)) (?:gave|put in) (?:me|my drink)\b",
    r"\bcannot (?:stand|stand up|walk|get up|move)(?: properly| proper| straight)?\b(?=.{0,40}"
    r"\b(?:nobody|no one) (?:is )?(?:here|about|around|with me)\b)",
    r"\b(?:had|have|got|made me|make me|makes me) (?:to )?do (?:stuff|things|sexual stuff|"
    r"sexual things|stuff with him|things with him) (?:for|to get) (?:a lift|lifts|money|weed|"
    r"vapes|drink|somewhere to stay|a place to stay|him)\b|\bnow (?:he|they|she) (?:wants?|"
    r"expects?) (?:more|it again|me to do it again)\b(?=\W*$)",
    r"\b(?:mum|dad|parents|carer|nan|grandma|gran)(?: has| have)? (?:not|never) (?:come|been) "
    r"(?:back|home) (?:since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|last night|the weekend)|for (?:days|\d+ days|two days|three days|the (?:whole )?"
    r"weekend))\b(?!.{0,40}\b(?:working|work|holiday|hospital|away with)\b)",
    # blind set urgent_o: said without an alarming word
    r"\b(?:photo|photos|pic|pics|picture|pictures) of (?:my|our) (?:house|front door|street|road|"
    r"window|school|flat)\b(?!.{0,30}\b(?:estate agent|selling|for sale|for school|project)\b)"
    r"|\btick tock\b",
    r"\b(?:man|guy|bloke|fella|men) (?:said|says) (?:his|their) (?:mates|friends|boys|pals) "
    r"(?:are|is|will be) coming\b|\bhotel\b.{0,60}\b(?:do not know|idk|no idea) who paid\b",
    r"\b(?:taking|take|takes|going to take) (?:us|me) (?:all )?with (?:her|him)\b|\bgas is (?:on|"
    r"left on)\b(?=.{0,40}\b(?:kitchen|not lit|smell|cooker|oven)\b)",
    r"\b(?:car|van|man|guy|bloke) (?:is|s) back\b.{0,60}\b(?:sat there|sitting there|watching|"
    r"waiting|parked|home alone|on my own)\b",
    r"\bthe (?:man|guy|bloke|lad|person|one|woman) i told (?:you|u) about (?:is|s|has|was) "
    r"(?:here|in|at|outside|back|with|downstairs|coming)\b",
    r"\b(?:drawers|chair|chairs|bed|wardrobe|desk|sofa|table) (?:against|behind|in front of|up "
    r"against) (?:the|our|my|her|his) (?:door|bedroom door)\b",
    r"\b(?:bag|package|parcel|box) (?:i am|i) (?:not allowed|told not|not meant) to open\b"
    r"|\b(?:told|made|have|got) to (?:get|take|catch) (?:a|the) (?:train|coach|bus) to \w+ "
    r"tonight\b",
]

HELP_NOW = [
    rf"\b(?:please|someone|somebody|some one|any ?one|any ?body) (?:please )?(?:just )?"
    rf"(?:help|call|ring|"
    rf"phone|come|answer|pick up|(?:talk|speak) to (?:me|us))\b{_NOT_LATER}",
    # "plz i need u", "i really need someone x"
    r"\b(?:please|really|just)\b.{0,12}\bi (?:really |just |so )?need (?:you|someone|somebody|"
    r"help|an adult|a grown up)\b(?! (?:to (?:sign|fill|send|check|look|read|know|bring|tell me|"
    r"confirm|email|post|book|help me with)|for (?:the|my|a|an)|with|on|at))"
    r"|\bi (?:really |just |so )?need (?:you|someone|somebody)\W*(?:x+)?\W*$",
    # "come to the house." said as the whole ask
    r"\bcome (?:to|round to|over to|back to) (?:the|my|our|this|his|their) (?:house|flat|address|"
    r"place)\b(?=\s*(?:$|[.!]|now|please|quick|asap|right now|x))",
    r"\bhelp (?:me|us)\b(?! (?:with|fill|find|write|do|get an? |get into|sort|apply|understand|out "
    r"with|choose|pick|decide|learn|make|plan|revise|to (?:find|get|fill|write|do|apply|choose)))",
    r"^\W*help\b(?! (?:me|us|is|was|with|on|for|yourself|urself|your self|desk|line|section|"
    r"page|needed))",
    r"\bhelp\s*!",
    r"(?<!no )(?<!the )(?<!more )(?<!any )(?<!some )(?<!for )(?<!of )(?<!big )(?<!great )"
    r"(?<!good )(?<!much )(?<!real )(?<!your )(?<!you )(?<!no real )(?<!to )\bhelp(?: me| us)?"
    r"\W*$",
    r"\b(?:call|ring|phone|text|get) (?:me|us|the police|999|police|an ambulance|help|someone) "
    r"(?:now|asap|quick|quickly|urgently|right now|immediately|please|straight away|!)",
    r"\b(?:call|ring|phone|get|send|contact|tell|text|message) "
    r"(?:the police|999|an ambulance|police|"
    r"the ambulance)\b",
    r"\bsend (?:help|someone|somebody|the police|an ambulance|police|sum1|a car)\b",
    rf"\bcome (?:and |n )?(?:get|find|pick|help|save) (?:me|us)\b(?: up)?{_NOT_LATER}",
    r"\bcome (?:quick|quickly|now|fast|asap|straight away|please)\b",
    r"\b(?:please )?hurry(?: up)?(?! up with)\b",
    r"\bneed (?:help|someone|somebody|you|u|an ambulance|the police|police|to talk to someone|"
    r"to speak to someone|someone to talk to)\b[^.?!]{0,30}\b(?:now|asap|urgently|right now|"
    r"please|tonight|quick|immediately|right away|straight away|quickly|today)\b",
    r"\bneed (?:you|someone|somebody|an adult|a grown up|a worker|the police|police) to (?:ring|"
    r"call|come|help|get|pick)\b",
    r"\bbefore i do something\b",
    r"\bneed (?:the police|police|an ambulance|the ambulance|a doctor)\b",
    r"\b(?:get|send) (?:someone|somebody|help|the police|a worker) to "
    r"(?:ring|call|come|help|get)\b",
    r"\bi am in (?:real |serious |big |so much )?trouble\b(?! (?:with|at|for|in|because|lol))",
    r"\b(?:a|some) safe (?:place|house|space|bed|person)\b",
    r"\b(?:somewhere|some ?where|a place|anywhere|a bed) (?:safe )?to (?:go|stay|sleep) tonight\b"
    r"|\b(?:somewhere|a place|anywhere) safe\b",
    r"\b(?:want|need) (?:someone|somebody|you|u|a worker|an adult) to (?:come|be here|get me|"
    r"help)\b(?! (?:to|with|on|at|for) )(?! me (?:with|to))",
    r"\bneed (?:a|an|my|some|the) (?:adult|grown up|worker|social worker|someone|ambulance|doctor|"
    r"police|help)\b(?=.{0,20}\b(?:now|right now|asap|urgently|tonight|immediately|please|"
    r"today)\b)",
    "\U0001f198",
    r"\b(?:i need help|sos)\b(?! (?:with|for|on|filling|writing|doing|to (?:fill|write|do|find|"
    r"get an? |apply|choose|understand)))",
    rf"\bcan (?:you|someone|somebody|any ?one) (?:please )?(?:come|call|ring|phone|(?:talk|speak) "
    rf"to (?:me|us)|stay with me|be with me|help\b(?! "
    rf"(?:me )?(?:with|fill|find|write|do|choose|pick|get an? |apply|sort)))\b{_NOT_LATER}",
    r"\bget me out\b|\bget me away\b|\btake me away from\b",
    r"\b(?:answer|pick up)\b[^.?!]{0,20}\b(?:scared|help|please|now)\b",
    r"\b(?:it is|this is|its|it is an|this is an) (?:an )?emergency\b|\bemergency\b(?! (?:contact|"
    r"number|numbers|services (?:were|are)|plan|appointment|dentist|meeting|form|details))",
    r"\bpolice (?:please|now|asap|quick)\b|(?:^|\s)999\s*(?:$|!|please|now)",
    r"\b(?:text|message|reply to) me back (?:please|asap|now|quick|urgent)",
    r"\burgent(?:ly)?\b(?! (?:care centre|treatment))",
    # The survey languages (Polish, Romanian, Urdu in Latin letters): help / save me / scared /
    # I want to die / I will kill myself.
    r"\b(?:pomocy|pomóż mi|pomoz mi|ratunku|boję się|boje sie|chcę umrzeć|chce umrzec|zabiję się|"
    r"zabije sie|ajutor|ajută-mă|ajuta-ma|ajuta ma|mi-e frică|mi e frica|vreau să mor|vreau sa mor|"
    r"mă sinucid|ma sinucid|mi e frică|madad|mujhe bachao|bachao|marna chahta|marna chahti|"
    r"khudkushi|مدد|بچاؤ|مرنا چاہتا|مرنا چاہتی|خودکشی|ڈر لگ رہا)\b",
    r"\b(?:begging|beg) (?:you|u)\b(?=.{0,20}\b(?:call|ring|help|come|answer|phone)\b)",
    r"\b(?:ring|call|phone|text) me(?: back)?\b(?=.{0,25}\b(?:serious|important|need|scared|"
    r"now|asap|please|quick|help)\b)(?!.{0,25}\b(?:when|tomorrow|later|monday|tuesday|"
    r"wednesday|thursday|friday|no rush|about|after)\b)",
    r"\b(?:it is|its|this is) (?:really )?serious\b",
    # blind set urgent_j: "is ther somone i can talk to rite now"
    r"\b(?:is|are) (?:there|ther) (?:someone|somone|somebody|any ?one) i can (?:talk|speak) to "
    r"(?:right now|rite now|now|tonight)\b",
]

# --------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------

_LAUGH = re.compile(
    r"\b(?:lol|lool|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|joking|jokes|only joking|xd|kidding|"
    r"for a joke|as a joke|messing (?:about|around)|play fight\w*|banter|mucking about|"
    r"for a laugh|hide and seek|hide n seek|was a laugh|had a laugh|good laugh)\b"
    r"|\b(?:manhunt|sardines|hide n seek|playing it|playing tag)\b|😂|🤣|💀|😆|😅|🙃|😜|😝"
)
# A cover story for an injury is never a joke: "told me to say i fell".
_COVER_STORY = (
    r"\b(?:say|said|tell(?: \w+){0,2}) (?:that )?(?:i|she|he) (?:fell|tripped|slipped|"
    r"walked into)\b"
)
_COVER_STORY_RE = re.compile(_COVER_STORY)
# "she means it, she did my arm last time" (blind set urgent_j): a threat from a parent
# that is no figure of speech.
_MEANT = (
    r"\b(?:she|he|they) (?:means|meant) it\b|\b(?:did|done|broke|hurt|bruised) my (?:arm|wrist|"
    r"face|eye|nose|ribs|back)\b"
)
_MEANT_RE = re.compile(_MEANT)
_SERIOUS = re.compile(
    r"\b(?:help|police|999|not joking|no joke|not a joke|seriously|for real|i mean it|hotel|"
    r"he is (?:1[89]|[2-9]\d)|"
    r"again|bruises?|bleeding|blood|knife|not safe|crying|hurts|every day|every night|"
    r"outside|scared|frightened|terrified|where i live|my address|"
    r"(?:pics?|pictures?|photos?) of (?:my|our) (?:house|street|road|door|school|front door)|"
    # a lasting injury is never a joke, even with a nervous "lol"
    r"broken? (?:my|her|his) (?:arm|leg|nose|wrist|ribs?|jaw|finger|collarbone)|still (?:really "
    r"|so )?(?:sore|hurts|hurting|bleeding))\b"
    r"|" + _COVER_STORY + "|" + _MEANT
)
# Trivial topics that make "i'll die", "kill me", "scared" an everyday complaint.
_TRIVIAL = re.compile(
    r"\b(?:bor(?:ed|ing|edom)|lessons?|homework|maths|exams?|tests?|mocks?|gcses?|results?|"
    r"embarrass\w*|cringe|queue|wifi|traffic|hungry|starving|hot|cold|weather|tired|funny|"
    r"laugh\w*|meme|vid|video|film|movie|show|episode|song|game|fifa|match|tiktok|teacher|"
    r"school|college|essay|coursework|revision|report|grades?|detention|hair|outfit|"
    r"make ?up|late|party|room|tidy|phone|bill|chips|pizza|dinner|tea|cake|shopping|car|"
    r"bus|train|spiders?|dentist|heights|dark|interview|review|meeting|survey|driving|"
    r"presentation|speech|needles?|jab|injection|clowns?|snakes?|dogs?|bees|wasps|moths|"
    r"fireworks|horror|rollercoaster|flying|swimming|audition|trial|football|crush|"
    r"texts? me back|replies|sees|finds out|hoodie|top|jeans|mess|state of|forms?|paperwork|"
    r"questionnaires?)\b"
)
_FEAR = re.compile(
    r"\b(?:scared|frightened|afraid|terrified|petrified|panicking|panicked|shaking|trembling|"
    r"freaking out|shitting myself|bricking it|fearing)$"
)
# "scared of my exams", "scared i failed", "scared ill miss the bus".
_TRIVIAL_FEAR_AFTER = re.compile(
    r"^\s*(?:(?:of|about|for|by|that|to|i|i will|i might|i would|i have|i failed|i am going to "
    r"fail|i will fail|i did|i get|i got|when|before|on|in|at|my|the|that my|our|with)\b"
    r"[^.?!]{0,45})?"
    r"\b(?:heights|spiders?|the dark|dark|dogs?|clowns?|exams?|tests?|mocks?|gcses?|results?|"
    r"failing|fail|failed|missing|miss|dentist|doctors?|needles?|jab|injection|snakes?|film|"
    r"movie|horror|interview|meeting|review|presentation|speech|driving|teachers?|school|"
    r"college|uni|grades?|report|homework|coursework|bus|late|being late|fireworks|bees|"
    r"wasps|moths|flying|plane|rollercoaster|swimming|water|the sea|audition|trial|match|"
    r"game|first day|starting|new school|public speaking|the future|what people think|"
    r"getting it wrong|detention|phone bill|results day|operation|hospital appointment|"
    r"excitement|excited|laughter|laughing|anticipation|happiness|joy|nerves|play|stage|"
    r"performance|show|concert|recital|team|race|competition|fall|falling)\b"
)
_NEGATED = re.compile(
    r"(?:\bnot|\bnever|\bno longer|\bnothing|\bno one|\bnobody|\bnone of (?:it|that))\s+"
    r"(?:(?:really|even|actually|feel|feeling|been|being|ever|going to|planning to|self|planning "
    r"on|that|so|too|very|at all|want to|i|i am|am|at|trying to|thinking about|think about|"
    r"thought about|was|were|is|are|particularly|remotely|in any danger of|in)\s+){0,3}$"
)
_TASK = re.compile(
    r"\b(?:homework|question|essay|cv|form|forms|application|coursework|maths|revision|"
    r"assignment|spelling|job|course|bus pass|benefits|housing|appointment|uni|ucas|"
    r"apprenticeship|interview|driving|provisional|passport|bank account|budget|cooking|"
    r"computer|laptop|wifi|printer|shopping|lift|the meeting|review|meeting|appointment|"
    r"placement plan|options|insurance|bank|phone contract|licence|tax|sorted)\b"
)
_CLAUSE = re.compile(r"[.!?;\n]+|,|\b(?:but|though|tho|although|however|whereas)\b|\band now\b")
_RESOLVED = re.compile(
    r"\b(?:(?:am|is|are|feel|feeling|doing|all|things|everything|it is|we are|i am|she is|he is"
    r"|they are|been|keeping|staying|got)\s+(?:\w+\s+){0,2}?(?:safe|ok|okay|fine|alright|better|"
    r"good|happy|happier|sorted|settled|well|different|great|clean|sound)(?:\s+\w+){0,3}?\s+now"
    r"|now\s+(?:i am|am|i feel|we are|she is|he is|they are|all|everything is|things are|it is)\s+"
    r"(?:\w+\s+){0,2}?(?:safe|ok|okay|fine|alright|better|good|happy|sorted|different|settled)"
    r"|safe and well|(?:home|back) (?:safe|ok|and (?:safe|ok|fine))|safe at (?:home|my|her|his"
    r"|the|a)|clean (?:for|since)|(?:do not|does not|did not) \w+(?: \w+)? any ?more|not any ?more"
    r"|no longer|but not (?:now|any ?more)$|have not (?:done (?:it|that) |cut |self harmed |"
    r"harmed myself |hurt myself |gone missing |run away |used )?(?:for|since) (?:over |about |"
    r"nearly |almost )?(?:a year|a month|a few months|a long time|ages|months|years|\d+ (?:years"
    r"|months)|xmas|christmas|the summer|summer|easter|year \d+)\b"
    r"|been gone (?:for )?(?:\d+|a|an|two|three|four|five|ages|over a|years|months)\b"
    r"|(?:getting|got|having|get) (?:some |proper )?(?:help|support) (?:from \w+ )?now\b"
    r"|(?:staying|living|stopping) with (?:(?:my|her|his|our) \w+|her|him|them) now\b"
    r"|i am being (?:careful|safe|sensible)\b"
    r"|clean (?:for |since )?(?:over|nearly|almost|more than) (?:a|an|\d+|two|three)\b"
    r"|\b(?:\d+|a few|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks|months|years) "
    r"clean|(?:i have|have|i) stopped (?:now|for good)"
    r"|(?:that|it|this) was (?:ages|years|months|a long time|a year|\d+ years) ago"
    r"|nothing (?:bad |else )?happened|(?:all|it was all|it is all|everything) explained"
    r"|no further action|\bnfa\b|(?:police|they|school|social services) dealt with (?:it|him|her|"
    r"them)|(?:got|has|have|has got) (?:an|a) (?:order|injunction|non molestation order|"
    r"restraining order) (?:against|on) (?:him|her|them)|(?:it is|things are|all|everything is) "
    r"going (?:well|good|great|ok|okay|really well)"
    r"|been out of (?:that|all that) (?:for|since)|(?:that|it|all that|they|this) stopped "
    r"(?:(?:ages|years|months|a year|a while|a long time) ago|when i (?:moved|changed|left|went))"
    r"|in a (?:much |lot |way )?better place|(?:got|been|was|were) (?:arrested|charged|"
    r"locked up|sent to prison)|(?:is|are) in (?:prison|jail)|(?:he is|she is|they are|he has|"
    r"she has|they have) (?:gone|moved)|moved (?:away|house|out|schools?)|(?:counselling|therapy|"
    r"camhs|"
    r"meds|medication|support|the worker|school) (?:is|are|has|have been|has been) (?:helping|"
    r"working|really helping)|(?:police|teachers?|school|they) sorted it|sorted it out|all sorted"
    r"|all ok|all good|much better|loads better|a lot better|feel (?:loads |a lot |much )?safer"
    r"|home now|i am (?:safe|ok|okay|fine|alright)$|over it now|(?:said|says) i am safe|"
    r"stopped (?:it |doing it |that |self harming |harming |cutting |hurting myself |using |"
    r"drinking )?(?:ages|years|months|a (?:long )?(?:while|time)|a year|\w+ (?:years|months)) "
    r"ago|(?:he is|she is|they are|got them|got him|got her) blocked|blocked (?:him|her|them) "
    r"(?:now|and)|"
    r"(?:was|were|got|been) caught|(?:it is|all|everything is|"
    r"things are) (?:all )?(?:fine|ok|okay|good|better|alright|sorted)(?: now)?$|now and (?:it is|"
    r"all|everything is|things are) (?:fine|ok|okay|good|better|alright|sorted)"
    # eleventh round (urgent_m): "things are way better", "now i live with foster family",
    # "my mates looked after me. wont do it again", "blocked them all and changed my number"
    r"|(?:things|it|everything|life) (?:is|are) (?:way|loads|much|so much|a lot|heaps) better"
    r"|now i (?:live|am living|stay|am staying) with|(?:mates|friends|mum|dad|nan|staff|carers?|"
    r"nurses?|paramedics) (?:looked after|took care of) me|(?<!he )(?<!she )(?<!they )will not "
    r"(?:do|be doing) (?:it|that) again|blocked (?:him|her|them) all|changed my number)\b"
)
_PAST = re.compile(
    r"\b(?:used to|last (?:year|month|week|summer|winter|spring|autumn|time|night|weekend)|"
    r"(?:years?|months?|weeks?|days?) ago|when i (?:was|went|first|ran)|back (?:then|when)|in "
    r"the past|before|previously|was|were|had|felt|thought|went missing|ran away|did|got|said|"
    r"in (?:year|the summer|primary)|when i was younger|as a kid|kept|at the time|drank|threw up|"
    r"moved|"
    r"(?:back )?in (?:january|february|march|april|june|july|august|september|october|november|"
    r"december))\b"
)
_PRESENT = re.compile(
    r"\b(?:right now|tonight|at the moment|currently|still|again|today|this morning|this "
    r"evening|is back|are back|back again|keeps|keep|will|going to|now)\b"
)
_INFO = re.compile(
    r"\b(?:lesson|talk|assembly|film|show|book|documentary|episode|article|leaflet|poster|"
    r"programme|story|course|training|video) (?:on|about|called|where|was about)\b"
    r"|\b(?:horror|scary|zombie|new|that|this|the) (?:game|film|movie|series)\b|\babout a "
    r"(?:girl|boy|man|woman|character|person|lad) who\b"
    # Blind set urgent_f: what a class was taught ("learned about overdoses at cadets",
    # "the teacher talked about grooming").
    r"|\b(?:learn(?:ed|t|ing)|taught|teaching) (?:us |me |them )?about\b"
    # games by name (blind set urgent_o): "resident evil village is class, spent ages hiding"
    r"|\b(?:resident evil|fnaf|five nights at|among us|fortnite|minecraft|roblox|gta|call of duty|"
    r"last of us|poppy playtime|granny)\b"
    r"|\b(?:teachers?|school|assembly|lessons?|class|cadets|pshe|college|nurse|police officer|"
    r"pcso|youth worker|speaker)s? (?:\w+ ){0,2}(?:talked|talking|spoke|speaking|told us|did a "
    r"talk|gave a talk) (?:to us )?about\b"
)


def _needles(items: list[Any], sre: Any) -> frozenset[str] | None:
    """Strings one of which every match of a parsed regex contains (None: unknown).

    Worked out from the regex itself, so a pattern is only skipped when it cannot
    match: a sequence needs all its parts (the longest literals are kept), an
    alternation needs one of its branches, a repeat needs its body when it is
    required at least once; lookarounds and classes guarantee nothing.
    """
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        part: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            part = _needles(list(av[3]), sre)
        elif op is sre.BRANCH:
            branches = [_needles(list(b), sre) for b in av[1]]
            if all(b is not None for b in branches):
                part = frozenset().union(*[b for b in branches if b is not None])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            part = _needles(list(av[2]), sre)
        if part:
            found.append(part)
    if run:
        found.append(frozenset(["".join(run)]))
    if not found:
        return None
    return max(found, key=lambda s: (min(len(x) for x in s), -len(s)))


def _compile_cues() -> tuple[list[tuple[str, re.Pattern[str]]], list[frozenset[str] | None]]:
    """Every cue compiled, with the strings one of which must be in the text (None:
    always run). Each pattern is parsed once, by ``re``'s own parser, for both its
    gate and its compiled form (parsing twice cost a tenth of a second at start-up);
    on a Python without those internals, cues are compiled plainly and never skipped.
    """
    cues = [
        *[("self_harm", p) for p in SELF_HARM],
        *[("danger", p) for p in DANGER],
        *[("help", p) for p in HELP_NOW],
    ]
    try:
        parser = importlib.import_module("re._parser")
        compiler = importlib.import_module("re._compiler")
        sre = importlib.import_module("re._constants")
    except ImportError:
        return [(kind, re.compile(p)) for kind, p in cues], [None] * len(cues)
    compiled: list[tuple[str, re.Pattern[str]]] = []
    gates: list[frozenset[str] | None] = []
    for kind, source in cues:
        tree = parser.parse(source)
        gates.append(_needles(list(tree), sre))
        compiled.append((kind, compiler.compile(tree)))
    return compiled, gates


# Checking a few hundred substrings is far cheaper than running every regex over a
# long note, so each cue only runs on a text holding one of its gate strings.
_COMPILED, _GATES = _compile_cues()
_GATE_STRINGS = sorted({n for g in _GATES if g for n in g})
_SHORT_GATES = [n for n in _GATE_STRINGS if len(n) < 3]
_GATES_BY_PREFIX: dict[str, list[str]] = {}
for _n in _GATE_STRINGS:
    if len(_n) >= 3:
        _GATES_BY_PREFIX.setdefault(_n[:3], []).append(_n)
# Which cues each gate string opens (looked up per string found, not tested per cue).
_CUE_GATES = GateIndex(_GATES)
# Self-harm cues a joke can still undo: "die", "dying", "be dead" (not "kill myself").
_DIE_WORD = re.compile(r"\b(?:die|dying|be dead|dead|rather|vanish|disappear)\b")
_KILLISH = re.compile(
    r"\b(?:kill|murder|strangle|batter|end|slap|smack|hit|punch|kick|push|pushed|threaten\w*|"
    r"owe|touch\w*|find|get|jump|beat|dead|drown|battered|hits|hitting|punched|kicked|slapped|"
    r"smacked|shoved|threw|grab\w*|chase\w*|follow\w*|watch\w*)\b"
)
# "my mum will kill me if im late / when she sees my hair / for borrowing her top"
_IDIOM_CONDITION = re.compile(
    # ... or, from a relative, for a borrowed top: "my sister is gonna murder me i used
    # her straighteners" (blind set urgent_f).
    r"^\s*(?:me\s+)?(?:i (?:used|borrowed|broke|ate|wore|spilt|spilled|ruined|stained|scratched) "
    r"(?:her|his|their)\b|if (?:i|she|he|they|my)\b|when (?:she|he|they|i) (?:sees?|finds?|"
    r"hears?|gets?|notices?|checks?)|for (?:being|borrowing|not|losing|breaking|going|coming|"
    r"getting|eating|using|taking|missing|forgetting|wearing|staying|doing|failing|skipping|"
    r"spending|telling (?:you|u|mum|dad|everyone|her|him)|saying|posting|showing|laughing|ditching)"
    r"|because i|cos i"
    # ... or a condition after a word or three: "he'll kill us at training if we lose"
    r"|(?:\w+ ){1,3}if (?:i|we|you|she|he|they|my)\b)"
)
# "my mum said if i miss the bus again shes gonna kill me": the condition first.
_IDIOM_CONDITION_BEFORE = re.compile(r"\bif (?:i|we|you|my)\b[^.!?]{0,40}$")
_IDIOM_VERB = re.compile(r"\b(?:kill|murder|strangle|end)\b")
_FAMILY_AGENT = re.compile(
    r"\b(?:mum|dad|nan|gran|sister|brother|teacher|boss|coach|mate|mates|friend|auntie|"
    r"uncle|grandma|grandad|carer|she|he|ma|maw|mam|da)s?(?:'s)?\b(?:\s+\w+){0,6}\s*$"
)
_SERIOUS_IF = re.compile(
    r"\bif i (?:tell|told|say|said|snitch|grass|speak|talk|go to the police|call the police|"
    r"report|leave|do not pay|do not do|do not send|stop|go home|go back|do not come|do not "
    r"meet|do not go)\b"
    # (not a chore left undone: "if i leave my wet towels on the floor again", urgent_m)
    r"(?! my (?:\w+ )?(?:towels?|socks|shoes|boots|kit|clothes|stuff|things|mess|plates?|cups?|"
    r"mugs?|dishes|bike|bag|coat|trainers|room|bed|lights?))"
)

# Harm words in harmless phrases, read from the cue's start (blind set urgent_g).
_HARMLESS = re.compile(
    r"(?:(?:got|have|bought|found|made) (?:the |a |some )?rope (?:swing|ladder|bridge)|"
    r"overdos\w* on (?:chocolate|sweets|sugar|haribo|netflix|tiktok|caffeine|energy drinks|pizza|"
    r"revision|crisps|cake|gaming|fifa|coffee|red bull|monster)|"
    r"shot (?:myself|yourself|himself|herself) in the foot|(?:said|saying|say) (?:my )?goodbyes? "
    r"to (?:my|the) old)"
)
_DRUG_RE = re.compile(r"\b" + _DRUG + r"\b")
# Medicine taken as meant: "my hayfever tablets", "take my tablets with food".
_BENIGN_MED = re.compile(
    r"\b(?:hay ?fever|antibiotics|vitamins?|inhaler|allerg(?:y|ies)|travel sickness|period pain|"
    r"as prescribed|with food|keep forgetting)\b"
)
# "feel like ive been hit by a bus after pe": a tired body.
_FEELS_LIKE = re.compile(
    r"\b(?:feel|feels|felt|feeling) like (?:i have |i|i am |a )?(?:been )?(?:hit|run over|"
    r"knocked over|flattened) by a (?:bus|truck|train|lorry|car|steamroller)\b"
)
# "I'd rather die than eat sprouts": a chore, hyperbole with or without a laugh.
_RATHER_THAN_CHORE = re.compile(
    r"\brather (?:die|be dead) than (?:eat|eating|wear|wearing|watch|watching|listen to|"
    r"sit through|do (?:my )?(?:homework|revision|maths|chores)|revise|tidy)\b"
)
# "I'd rather die than go to the caravan again lol": a place, and a laugh.
_RATHER_THAN = re.compile(
    r"\brather (?:die|be dead) than (?:go|going|do|doing|sit|sitting|wear|wearing|eat|eating|"
    r"listen|watch|spend)\b(?!.{0,20}\b(?:home|back|there|him|her|them|that house|live|with)\b)"
)

# "id rather die than go back to that youth club its so cringe" (urgent_m): a place of
# no danger, said of going back.
_RATHER_THAN_PLACE = re.compile(
    r"\brather (?:die|be dead) than (?:go|going) (?:back )?to (?:that|the|this|my|a) (?:\w+ )?"
    r"(?:youth club|club|school|college|class|lesson|gym|party|church|dentist|caravan|camp|"
    r"practice|training|shop|job|work|cinema|restaurant|holiday park)\b"
)


def _rather_die_than_a_chore(canon: str) -> bool:
    """ "id rather die than eat sprouts", "... than go back to that youth club": a
    chore or a place of no danger, hyperbole with or without a laugh."""
    return bool(_RATHER_THAN_CHORE.search(canon) or _RATHER_THAN_PLACE.search(canon))


# "the dog keeps following me", "he hit me up about a party".
_ANIMAL_BEFORE = re.compile(
    r"\b(?:dog|dogs|cat|cats|puppy|kitten|hamster|bird|horse|wasp|bee|spider|baby|toddler|"
    r"dentist|doctor|nurse|physio|injection|jab|needle|tattoo|piercing|ball|football|pe|"
    r"rugby)\s+"
    r"(?:\w+\s+){0,2}$"
)
_ASKED_IF = re.compile(
    r"\b(?:asked|asks|asking)(?: me| her| him)? (?:if|whether) (?:i|she|he) "
    r"(?:was|am|is|felt|feel|were) $"
)
_THANKS_FOR = re.compile(r"\bthank(?:s| you)\b(?: \w+){0,3} for (?:\w+ )?$")
# "i know i scared everyone": the writer frightened others.
_SCARED_OTHERS = re.compile(r"^\s*(?:everyone|everybody|you|them|him|her|people|my \w+|the \w+)\b")
_I_SUBJECT = re.compile(r"\bi (?:am )?(?:(?:literally|actually|really|honestly|just|so) )*$")
_ME = re.compile(r"\b(?:me|us|myself)\b")
_THREAT_START = re.compile(
    r"(?:will|would|going to|coming to|want to|wants to|trying to|about to|come and|gonna|is|are)\b"
)
_EMOTIONAL_BEFORE = re.compile(
    r"\b(?:it|that|this|what \w+ said|words|comment|message|story|song|film)\s+"
    r"(?:(?:really|so|proper|actually|kind of) )?$"
)
_DRAGGED_ALONG = re.compile(
    r"\s*(?:to|round|along|around|out to|into) (?:the |a |my |his |her )?(?:shops?|shopping|town|"
    r"church|school|college|nans?|gym|park|match|cinema|party|meeting|football|dentist)"
)
_LATER = re.compile(
    r"^.{0,40}\b(?<!\bnot )(?:on (?:mon|tues|wednes|thurs|fri|satur|sun)day|next (?:week|month|"
    r"time)|"
    r"tomorrow|later (?:on|today|this week)|to talk about|to discuss|about (?:the|my) (?:placement|"
    r"review|meeting|plan|college|course|job|appointment)|when (?:you are|u are|you get|u get|"
    r"you have|u have|you can|u can) ?(?:free|a (?:minute|chance|sec|moment))?|this week|"
    r"whenever|no rush|when you can)\b"
)
# "please help me choose a dress", "help me fill in the form"
_TASK_AFTER = re.compile(
    r"^\s*(?:round |over |out |in )?(?:me |us )?(?:to )?(?:with|fill|find|write|choose|pick|decide|"
    r"apply|sort|revise|plan|"
    r"learn|make|understand|get an? |do my|move|carry|tidy|cook|pack|set up|fix)\b"
)
_ACCIDENT = re.compile(
    r"^\s*(?:on|with|from|at|in|playing|by accident|accidentally) (?:the |a |an |my )?(?:iron|oven|"
    r"stove|hob|kettle|pan|radiator|fence|glass|tin|can|netball|football|pe|rugby|hockey|bike|"
    r"accident|paper|straighteners|curling|tongs|cooker|toaster|bbq|fire ?works?|sparkler|"
    r"cooking|work|training|match|rugby training|football training|the gym|gym|skating|"
    r"falling|the game|the match|boxing|karate|judo)\b"
)
_BENIGN_REASON = re.compile(
    r"^.{0,30}\b(?:because|cos|as) (?:it was|we were|i was|it is) (?:raining|cold|late|wet|dark|"
    r"tipping down|freezing)\b"
)
_ERRAND_VERB = re.compile(
    r"\b(?:carry|hold|take|bring|deliver|move|keep|drop|run|sell|watch|eat|go|do|come|get|stay|"
    r"wear|tidy|drink|sleep)$"
)
_CHORES = re.compile(
    r"^\s*(?:at|with|round|to) (?:my |our )?(?:nans?|nanas?|grans?|grandmas?|grandads?|aunties?|"
    r"dads|mums)\b(?! (?:boyfriend|partner|mate|friend))"
    r"|^\s*my (?:stuff|things|bed|room|clothes|desk)\b"
    r"|^\s*(?:on the (?:sofa|floor|couch|settee)|in "
    r"the spare room|early|in (?:my|the) (?:own )?(?:bed|room))\b"
    r"|^\s*(?:the |some |my |their |his |her |a |an |this |that )?(?:\w+ )?(?:shopping|bins?|"
    r"washing|dishes|plates|chairs|boxes|documentary|film|movie|show|telly|tv|match|game|"
    r"vegetables|veg|dinner|broccoli|sprouts|revision|church|chores|uniform|coat|jumper|water|ball|"
    r"table|sofa|furniture|coats?|homework|dog|baby|little \w+|tea|drinks|food shopping|cake|"
    r"presents|bags? of shopping)\b"
)
_OLDER = re.compile(r"\b(?:old|older) ")
# Someone coming to fetch the child ("mums coming for me"), people taken somewhere.
_POLICE_FOUND = re.compile(r"\b(?:police|officer|officers|pcso)\b")
_FAMILY_LIFT = re.compile(
    r"\b(?:mum|mam|dad|nan|nana|grandad|grandma|aunty|auntie|carer|staff|worker|taxi|lift)s?"
    r"(?: is| are)? $"
)
_LIFT = re.compile(r"\b(?:late|lift|pick|picking|appointment|train|bus|cancelled|miss|at \d)")
_TOOK_THEM = re.compile(r"took (?:all of )?(?:them|the lot)(?: all)?")
_TOOK_SOMEWHERE = re.compile(r" (?:to|out|round|for|swimming|shopping|with me|home)\b")
_SPORT_VERB = re.compile(r"\b(?:beat|beats|battered|smashed|thrashed|destroyed|hammered)\b")
_SPORT = re.compile(
    r"\b(?:final|match|game|league|cup|score|scored|nil|goals?|fifa|football|footy|rugby|netball|"
    r"hockey|cricket|tournament|quiz|race|chess|cards|pool table|darts|semi|footy|ball|pitch|"
    r"boxing|gym|pads|sparring|kickboxing)\b"
)
_INJURY = re.compile(r"\b(?:bruis\w*|hurt\w*|bleed\w*|cut|cuts|burn\w*|broke|broken)\b")
_HIT_UP = re.compile(r"\bhits? (?:me|us)$")
# "on the bridge fishing with my mates" is not a place of danger.
_PLACE = re.compile(
    r"\b(?:bridge|roof|rooftop|railway|tracks?|train line|rail|level crossing|cliffs?|river|"
    r"canal|reservoir|quarry|multi ?storey|car park|top floor|ledge|motorway|flyover|pier|"
    r"viaduct|balcony)\b"
)
_COMPANY = re.compile(
    r"\b(?:mates|friends|fishing|camping|dog|walk|walking|picnic|bbq|swim|swimming|bike|football|photos|"
    r"trip|ducks|waiting for (?:the|a|my) (?:train|bus|lift)|party|festival|match|boat|kayak|"
    r"family|mum|dad|nan|sunset|view|sunbathing|chilling|chips|ice cream|terrace|museum|cafe|"
    r"eat|eating|sweets|snacks|lunch|food|"
    r"restaurant|bar|gym|tour|visit|youth club|club|class|school|saturday|sunday|weekend|"
    r"closed|long way)\b"
)
_INTENT = re.compile(
    r"\b(?:want|jump|end|die|dead|goodbye|bye|looking down|edge|sorry for|sorry\W*$|cannot|scared|"
    r"kill|over|alone|gone|help|please)\b"
)
_PRESENCE = re.compile(
    r"\b(?:outside|waiting|coming|back|here|on (?:his|her|their|the) way|door|window|downstairs|"
    r"garden|flat|house|room|hallway|stairwell)\b"
)
_BENIGN_ERRAND = re.compile(
    r"\b(?:to (?:pick|take|drop|collect|give) (?:me|us)"
    r"(?! (?:to|back to|round to) (?:his|their|her)\b)|to get (?:chips|food|some|a|the|me a)|"
    r"for (?:chips|food|tea|dinner|lunch|my birthday|a brew|a cuppa|a chat|the bus|a lift)|"
    r"with (?:the )?(?:shopping|car|food|pizza|presents?)|from (?:work|school|college|uni|"
    r"holiday|the shop|town|the hospital)|birthday|party|the shop|the chippy|to fix|boiler|"
    r"so i can go|in the car park at school|postman|delivery|parcel|amazon|courier|prob|"
    r"(?:it is|its) (?:just|only) (?:my )?(?:grandad|grandpa|dad|mum|nan|taxi|lift|uber|brother)|"
    r"probably|takeaway|neighbour|washing (?:his|her|the) car|next door|play|playing|footy|"
    r"football|to finish|"
    r"cinema|bowling|we are going|date|selling|salesman|delivering|meter|collecting|charity|"
    r"canvass\w*|leaflets?|upstairs|loud|music|noise|window cleaner|cleaner|plumber|engineer|"
    r"gas man|electrician|postie|milkman|"
    r"training|gym|practice|fixing|working|builders|road ?works|fixing the road|bins|painting|"
    r"favourite|youtuber|celeb\w*|famous|signing|concert|gig|mall|"
    r"mowing)\b"
)


# "being asked about drugs", "the survey asked about self harm": the harm word is a topic
# of questions (feedback), unless the reply says something serious as well.
_ASKED_ABOUT = re.compile(
    r"\b(?:asked|asking|asks|ask|questions?|question(?:ed|ing)|talk(?:ed|ing)?|lesson|survey|"
    r"form|leaflet|worker) (?:me |us |them )?(?:\w+ )?(?:about|on) (?:\w+ ){0,2}$"
)
_FEEDBACK = re.compile(
    r"\b(?:like|liked|hate|hated|annoying|annoyed|uncomfortable|awkward|too many|pointless|"
    r"unnecessary|rude|weird|invasive|too personal|every (?:time|review|meeting)|do not (?:even|do|"
    r"take|smoke)|never (?:done|do|did|taken))\b"
)


_KEEP_ASKING = re.compile(r"\bkeeps? (?:on )?(?:asking|going on|bringing (?:it )?up|mentioning)\b")


def _asked_about(before: str, canon: str) -> bool:
    """The harm word is the topic of questions the writer is complaining about."""
    return bool(
        _ASKED_ABOUT.search(before)
        and _FEEDBACK.search(canon)
        and not _SERIOUS.search(canon)
        and not _PRESENT.search(_KEEP_ASKING.sub("", canon))
    )


# "my battery's about to die", "phone is nearly dead": a flat battery, not a death.
_DEVICE_BEFORE = re.compile(
    r"\b(?:phone|phones|battery|batterys|laptop|laptops|charger|tablet|ipad|console|xbox|"
    r"controller|headphones|airpods|car|cars|telly|tv|wifi|plant|plants)\s+"
    r"(?:(?:is|has|was|s|just|nearly|almost|about|going|gone|totally|completely|literally|so|on|"
    r"and|about to|going to|\d+ ?%)\s+){0,4}$"
)
_DEATH_WORD = re.compile(r"\b(?:die|dying|dead|died)\b")
# "that joke was so bad i wanted to die": hyperbole about something trivial.
_HYPERBOLE_BEFORE = re.compile(
    r"\b(?:joke|jokes|pun|film|movie|lesson|song|show|date|speech|meme|outfit|haircut)\b[^.!?]{0,25}"
    r"\b(?:so|too) (?:bad|cringe|cringey|embarrassing|awkward|boring|dull|unfunny|funny|long|"
    r"loud|hot) (?:that )?(?:i (?:literally |actually |just |honestly )?(?:(?:wanted|want|could|"
    r"could have|nearly|almost|was going|was about) (?:to )?)?)?$"
)
# "gcse science tomorrow im actually going to die" (urgent_o): not "want to die".
_GOING_TO_DIE = re.compile(
    r"(?:i am |i will |i )?(?:going to|will|gonna) (?:actually |literally )?die"
)
_EXAMS = re.compile(
    r"\b(?:exams?|gcses?|mocks?|tests?|a levels?|sats|results|revision|coursework)\b"
)
# "if i have to fill in one more of these forms ill die" (urgent_m)
_ONE_MORE = re.compile(r"\bif i (?:have to|hear|get|see|do|sit through) (?:\w+ ){0,4}one more\b")
# "mum didnt know where i was": someone else's worry about the past, not the writer lost.
_OTHERS_WORRY = re.compile(
    r"\b(?:mum|dad|nan|gran|carers?|staff|school|police|worker|she|he|they|nobody|no one|"
    r"every ?one|family|parents)\s+(?:\w+\s+){0,2}$"
)
# "ive got it all planned for my birthday", "wont need a coat where im going, its hot in
# spain": a plan for a treat, a trip or a move.
_PLAN_CUE = re.compile(r"\b(?:planned|planned out|worked out|where i am (?:going|headed|off to))$")
_BENIGN_PLAN = re.compile(
    r"\b(?:birthday|party|trip|holiday|weekend|day out|christmas|wedding|uni|college|course|"
    r"move|moving|job|career|future|budget|route|revision|outfit|exams?|surprise|prom|"
    r"holidays|festival|gig|abroad|beach|camp|camping|spain|sunny|hot|weather|flight)\b"
)


def _clause_bounds(canon: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause holding ``pos`` (split at punctuation and "but")."""
    start, end = 0, len(canon)
    for m in _CLAUSE.finditer(canon):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _suppressed(kind: str, cue: str, canon: str, start: int, end: int) -> bool:
    """Whether a cue is an idiom, a joke, negated, a past event now resolved, or a task."""
    before = canon[max(0, start - 40) : start]
    after = canon[end : end + 60]
    if (
        _HARMLESS.match(canon, start)
        or (_DRUG_RE.search(cue) and _BENIGN_MED.search(canon))
        or _FEELS_LIKE.search(canon)
    ):
        return True  # "bought a rope swing", "shot myself in the foot", "my hayfever tablets"
    if _NEGATED.search(before) and not cue.startswith(("not ", "do not", "never", "no ")):
        return True
    c0, c1 = _clause_bounds(canon, start)
    clause = canon[c0:c1]
    # A past event, resolved: "i used to cut but ive been clean for 2 years now".
    if (
        _RESOLVED.search(canon)
        and _PAST.search(clause)
        and not _PRESENT.search(_RESOLVED.sub(" ", clause))
        and (kind != "self_harm" or not _RESOLVED.search(clause))
    ):
        return True
    if _INFO.search(canon[max(0, start - 60) : start]):
        return True
    if _ANIMAL_BEFORE.search(before) and not cue.startswith("only reason"):
        return True  # (but "my dog was the only reason i stayed" is about the writer)
    if _DEATH_WORD.search(cue) and _DEVICE_BEFORE.search(before):
        return True  # "my battery's about to die"
    if cue.startswith("did not know where") and _OTHERS_WORRY.search(before):
        return True  # "mum didnt know where i was": her worry, in the past
    if _PLAN_CUE.search(cue) and _BENIGN_PLAN.search(canon):
        return True  # "got it all planned for my birthday"
    if _asked_about(before, canon):
        return True  # "i dont like being asked about self harm in every review"
    if cue.startswith(("hurt me", "touched me", "hurts me")) and _EMOTIONAL_BEFORE.search(before):
        return True
    if cue.startswith("dragged me") and _DRAGGED_ALONG.match(after):
        return True  # "he dragged me to the shops"
    if _HIT_UP.search(cue) and after.startswith(" up"):
        return True
    if kind == "danger" and _BENIGN_REASON.match(after) and not cue.startswith("lock"):
        return True  # "he made me get in the car because it was raining"
    if _ERRAND_VERB.search(cue) and _CHORES.match(after):
        return True  # "they want me to carry the shopping for them"
    if (_SPORT_VERB.search(cue) or _OLDER.search(cue)) and _SPORT.search(canon):
        return True  # "they beat us in the final"
    if (
        _PLACE.search(cue)
        and _COMPANY.search(clause)
        and not _INTENT.search(canon[:start] + canon[end:])
    ):
        return True
    if _PRESENCE.search(cue) and _BENIGN_ERRAND.search(canon[end : end + 50]):
        return True
    laugh = bool(_LAUGH.search(canon))
    if kind == "danger":
        if (
            (
                _I_SUBJECT.search(canon[max(0, start - 40) : start])
                or (not canon[:start].strip() and _IDIOM_VERB.search(cue))
            )
            and _THREAT_START.match(cue)
            and not _ME.search(cue)
        ):
            return True  # "im literally gonna kill my sister": the writer's own threat
        if (
            laugh
            and not _FEAR.search(cue)
            and not _SERIOUS.search(canon[:start] + canon[end:])
            and not _COVER_STORY_RE.search(cue)
        ):
            return True  # "my little brother bit me lol"
    if cue == "battered" and re.search(r"\bhead (?:is |was )?$", before):
        return True  # "my head is battered from revision"
    if cue.startswith("coming for me") and _FAMILY_LIFT.search(before) and _LIFT.search(canon):
        return True  # "mums coming for me, ill be late"
    if cue.startswith("coming to get me") and _FAMILY_LIFT.search(before):
        return True  # "missed the bus, mums coming to get me"
    if cue.endswith("found me") and _POLICE_FOUND.search(canon):
        return True  # "the police officer was kind when they found me"
    if _TOOK_THEM.fullmatch(cue) and _TOOK_SOMEWHERE.match(after):
        return True  # "took all of them to the park, my little cousins"
    if kind == "danger" and _INJURY.search(cue) and _ACCIDENT.match(after):
        return True  # "bruises everywhere from rugby training"
    if kind == "self_harm":
        if _ACCIDENT.match(after):
            return True  # "burnt my arm on the iron"
        if _DIE_WORD.search(cue) and (
            _HYPERBOLE_BEFORE.search(canon[max(0, start - 60) : start])
            or _ONE_MORE.search(canon[max(0, start - 60) : start])
        ):
            return True  # "that joke was so bad i wanted to die", "one more form ill die"
        if _GOING_TO_DIE.fullmatch(cue) and _EXAMS.search(canon):
            return True  # "gcse science tomorrow im actually going to die"
        if (laugh and _RATHER_THAN.search(canon)) or _rather_die_than_a_chore(canon):
            return True  # "id rather die than go camping again lol", "... than eat sprouts"
        # "im gonna die of boredom lol", "i'd rather die than go to that party lol"
        return bool(_DIE_WORD.search(cue) and laugh and _TRIVIAL.search(canon))
    if _FEAR.search(cue):
        if _TRIVIAL_FEAR_AFTER.match(after):
            return True
        if cue == "scared" and before.endswith("i ") and _SCARED_OTHERS.match(after):
            return True  # "i scared everyone"
        if _ASKED_IF.search(before):
            return True  # "the worker asked if i was scared of anyone. im not."
        return laugh and not _SERIOUS.search(canon.replace(cue, ""))
    if kind == "help" and _THANKS_FOR.search(before):
        return True  # "thank you very much for help me and my brother"
    if kind == "help" and laugh and not _SERIOUS.search(canon[:start] + canon[end:]):
        return True  # "help hes got my charger lol"
    if kind == "help" and (_TASK.search(canon) or _LATER.search(after) or _TASK_AFTER.match(after)):
        return True
    if _KILLISH.search(cue):
        if _SERIOUS_IF.search(canon):
            return False
        # "my mum will kill me if im late", "he hit me with a pillow lol"
        if laugh and not _SERIOUS.search(canon[:start] + canon[end:]):
            return True
        if (
            _IDIOM_VERB.search(cue)
            and (
                _IDIOM_CONDITION.match(after)
                or _IDIOM_CONDITION_BEFORE.search(canon[max(0, start - 50) : start])
            )
            and not _MEANT_RE.search(canon)
            and _FAMILY_AGENT.search(
                canon[max(0, start - 50) : start] + " " + cue.rsplit(" ", 2)[0]
            )
        ):
            return True
    return False


# Last resort for phrasing no cue knows: a harm word together with distress, a time
# signal or a person ("my ex has just smashed my window").
_RISK_WORD = re.compile(
    r"\b(?:kill\w*|die|dying|dead|death|suicid\w*|overdos\w*|hang\w*(?! (?:around|about|out|round|"
    r"on|with))|stab\w*|knife|knives|blade|"
    r"gun|blood\w*|bleed\w*|rap(?:e|ed|ing)|abus\w*|strangl\w*|chok\w*|throat|neck|hurt\w*|"
    r"harm\w*|hit|hits|hitting|punch\w*|beat|beaten|beating|batter(?!y|ies)\w*|attack\w*|threat\w*|"
    r"weapon\w*|pills?|tablets?|paracetamol|meds|cut|cuts|cutting|burn\w*|bruis\w*|injur\w*|"
    r"unconscious|collaps\w*|spiked|drugged|funeral|grave|violent|naked|nudes?|scream\w*|"
    r"smash\w*|acid|hospital|a&e|police|ambulance|drugs|vodka|funeral|rope|owes?|debt|"
    r"blackmail\w*|unsafe|trapped|followed|following|follows|stranger|worthless|burden|"
    r"waste of space|hate myself|end it|ending it|end things|disappear|vanish|secret|pics|nudes|"
    r"photos|grabb\w*|grabs)\b"
)
_RISK_WITH = [
    re.compile(
        r"\b(?:scared|frightened|terrified|afraid|help|please|cannot|sorry|goodbye|alone|crying|"
        r"shaking|panic\w*|desperate|emergency|serious|urgent|worried|need|pointless|nobody|no one|"
        r"nowhere|hide|hiding|escape|get out|secret|do not tell|on my own|by myself)\b"
    ),
    re.compile(
        r"\b(?:right now|tonight|again|still|keeps?|at the moment|\d+ ?am|currently|just|every "
        r"(?:day|night)|always)\b"
    ),
    re.compile(
        r"\b(?:he|she|they|him|them|man|men|guy|guys|lads?|strangers?|older|gang|someone|somebody|"
        r"step ?dad|boyfriend|ex|uncle|people)\b"
    ),
]
_RISK_IDIOM = re.compile(
    r"\b(?:dying (?:to|for|of)|dead (?:tired|funny|excited|good|bored|jel|jealous|easy|nice|"
    r"proud|happy|chuffed)|could (?:kill|die|murder) for|kill(?:ed|ing)? it|killing me|death of "
    r"(?:me|her|him)|game|level|character|fortnite|fifa|hair|doctor said|prescribed|nose|myself "
    r"out|ball|pe|football|footy|training|cooking|oven|knee|finger|ankle|hand on|phone (?:is )?"
    r"dying|battery|my (?:head|knee|toe|elbow) on|bunk|cupboard|iron|heat|hits? (?:me|us) up|"
    r"police(?: officers?)? (?:were|are|was|is) (?:\w+ )?(?:useless|rubbish|nice|ok|helpful|good|"
    r"great|a joke|"
    r"fine|kind|sound|late|rude|horrible|mean|unfair|nasty|racist|disrespectful|patronising|"
    r"annoying|alright|slow|out of order|harsh|lovely|decent|pointless|no help|not helpful|"
    r"not very)|police (?:brought|took|bring|drove|dropped) me (?:home|back)|knife and fork|"
    r"butter knife|a tenner|a fiver|a quid|for the trip|for lunch|"
    r"owe (?:them|him|"
    r"her|you|my \w+) (?:a|an|one) |heart attack|panic attacks?|anxiety attacks?|"
    r"knife crime (?:workshop|talk|assembly|lesson|session|awareness|presentation|week)|"
    r"dead to (?:me|us)|cut (?:\w+ )?(?:them|him|her|it|people|everyone) off|"
    r"shot myself in the foot|shoot myself in the foot|rope swing|skipping rope|rope ladder|"
    r"secret (?:for|about) (?:\w+ )?(?:birthday|surprise|present|party|christmas)|"
    r"hay ?fever|antibiotics|vitamins?|with food|inhaler|"
    r"(?:suicide|self harm|mental health) (?:prevention|awareness))\b"
)


_FIRST_PERSON = re.compile(r"\b(?:i|me|my|myself|we|us|our)\b")
_STRONG_RISK = re.compile(
    r"kill\w*|die|dying|dead|suicid\w*|overdos\w*|stab\w*|knife|knives|blade|gun|blood\w*|bleed\w*|"
    r"rap(?:e|ed|ing)|abus\w*|strangl\w*|chok\w*|throat|harm\w*|batter\w*|attack\w*|weapon\w*|"
    r"unconscious|collaps\w*|spiked|drugged|funeral|grave|violent|naked|nudes?|acid|drugs|rope|"
    r"debts?|blackmail\w*|unsafe|trapped|stranger|worthless|burden|waste of space|hate myself|"
    r"end it|ending it|end things|disappear|vanish|secret"
)
_OWN_THREAT = re.compile(
    r"(?:^\s*|\bi (?:am )?)(?:(?:literally|actually|really|so|just) )*(?:going to|will|could|"
    r"would|want to|might) $"
)


_RELATIVE_BEFORE = re.compile(
    r"\b(?:my|our|her|his) (?:nan|nana|gran|grandad|grandma|granddad|grandpa|mum|dad|auntie|"
    r"aunt|uncle|cousin|dog|cat)s?\s+(?:is\s+|was\s+)?$"
)
# "my nan is poorly in hospital": someone ill in hospital, not hurt.
_ILL_IN_HOSPITAL = re.compile(
    r"\b(?:poorly|ill|sick|unwell|operation|surgery|cancer|chemo|covid|flu|stroke|infection|hip|"
    r"knee|new hip|broken leg|broken arm|"
    r"pneumonia|baby|visit|visiting|appointment|check ?up|scan)\b"
)


# Places and services that name no harm themselves: with a person or a time they are
# everyday news ("police brought him back at 2am, all fine", "in hospital having her
# tonsils out"; blind set urgent_k, a realistic fortnight), so they need distress.
_SERVICE_WORD = re.compile(r"police|hospital|a&e|ambulance|funeral|grave")


def _risk_spans(canon: str) -> list[tuple[int, int]]:
    """Harm words that keep company with distress, a time signal or a person; the
    strongest ("blood", "knife", "blackmail") need only the writer ("i", "me", "my");
    services ("police", "hospital") need distress."""
    if _RISK_IDIOM.search(canon):
        return []
    # ... or a threat: "if i go to the police hell get my brother"
    distress = bool(_RISK_WITH[0].search(canon) or _SERIOUS_IF.search(canon))
    company = any(p.search(canon) for p in _RISK_WITH)
    if not company and not _FIRST_PERSON.search(canon):
        return []
    out: list[tuple[int, int]] = []
    resolved = [r.span() for r in _RESOLVED.finditer(canon)]
    asked: set[str] = set()
    for m in _RISK_WORD.finditer(canon):
        if not company and not _STRONG_RISK.fullmatch(m.group(0)):
            continue
        if _SERVICE_WORD.fullmatch(m.group(0)) and not distress:
            continue
        word, before = m.group(0), canon[max(0, m.start() - 40) : m.start()]
        if any(a <= m.start() and m.end() <= b for a, b in resolved):
            continue  # "the police sorted it": part of the resolution
        if word in asked or _asked_about(before, canon):
            asked.add(word)
            continue  # "didnt like being asked about drugs", "... i dont do drugs"
        if word == "hospital" and _ILL_IN_HOSPITAL.search(canon):
            continue  # "my nan is poorly in hospital"
        if (
            _DEATH_WORD.fullmatch(word)
            and _RELATIVE_BEFORE.search(before)
            and (_ILL_IN_HOSPITAL.search(canon) or "hospi" in canon)
        ):
            continue  # "my grandads dying in hospital": grief, not harm
        if _DEATH_WORD.fullmatch(word) and _DEVICE_BEFORE.search(before):
            continue  # "my phone's nearly dead"
        if _DEATH_WORD.fullmatch(word) and _HYPERBOLE_BEFORE.search(canon[: m.start()][-60:]):
            continue  # "that joke was so bad i wanted to die"
        if _DEATH_WORD.fullmatch(word) and _rather_die_than_a_chore(canon):
            continue  # "id rather die than eat my nans sprouts"
        if not _suppressed("danger", m.group(0), canon, m.start(), m.end()):
            if _LAUGH.search(canon) or (
                _TRIVIAL.search(canon) and re.match(r"(?:kill|die|dying|dead|smash)", m.group(0))
            ):
                continue
            if _OWN_THREAT.search(canon[: m.start()]):
                continue  # "im literally gonna kill my sister"
            out.append((m.start(), m.end()))
    return out


def urgent_spans(text: str) -> list[UrgentSpan]:
    """Every urgent cue in ``text`` (character offsets into ``text``)."""
    canon, pieces = _canonical(text)
    spans: list[UrgentSpan] = []
    seen: set[tuple[int, int]] = set()
    present = {n for n in _SHORT_GATES if n in canon}
    for gram in {canon[i : i + 3] for i in range(len(canon) - 2)}.intersection(_GATES_BY_PREFIX):
        present.update(n for n in _GATES_BY_PREFIX[gram] if n in canon)
    for i in _CUE_GATES.opened(present):
        kind, pattern = _COMPILED[i]
        for m in pattern.finditer(canon):
            if m.end() <= m.start():
                continue
            cue = m.group(0).strip()
            if not cue or _suppressed(kind, cue, canon, m.start(), m.end()):
                continue
            s, e = _original(pieces, m.start(), m.end())
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if (s, e) in seen or s >= e:
                continue
            seen.add((s, e))
            spans.append(UrgentSpan(kind, s, e, text[s:e]))
    if not spans:
        for a, b in _risk_spans(canon):
            s, e = _original(pieces, a, b)
            spans.append(UrgentSpan("danger", s, e, text[s:e]))
    spans.sort(key=lambda sp: (sp.start, sp.end))
    return spans


def detect(text: str) -> tuple[bool, list[UrgentSpan]]:
    """``(urgent, spans)`` for one reply."""
    spans = urgent_spans(text)
    return bool(spans), spans
