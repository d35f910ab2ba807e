"""Theme cue patterns: pattern data only, one small documented function per theme.

Each function returns :class:`Rule` objects. A rule has phrases (matched by
spaCy's ``PhraseMatcher`` on ``LOWER``, so case does not matter) and/or token
patterns (spaCy ``Matcher``). Phrases are written in a tiny alternation syntax,
``"(row|rows|argument) with (my )?(mum|mam|dad)"``, expanded by :func:`expand`
so SMS spelling variants stay readable.

A rule may also *block* other themes: a blocker span suppresses any match of a
blocked theme that overlaps it (``block_scope="span"``) or anywhere in the text
(``block_scope="doc"``). That is how "sister's boyfriend" is not the child's
relationship, and how an adult "boyfriend" becomes ``risky_adults`` rather than
``relationship``. A rule whose ``theme`` is ``None`` only blocks.

Label ids come from :mod:`nlp.taxonomy`; :func:`all_rules` checks every rule
against it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from nlp.taxonomy import THEME_IDS

TokenPattern = list[dict[str, Any]]


@dataclass(frozen=True)
class Rule:
    """One named cue for one theme (or a pure blocker when ``theme`` is None)."""

    rule_id: str
    theme: str | None
    phrases: tuple[str, ...] = ()
    patterns: tuple[TokenPattern, ...] = ()
    score: float = 0.9
    blocks: tuple[str, ...] = ()
    block_scope: Literal["span", "doc"] = "span"


_GROUP = re.compile(r"\(([^()]*)\)")


def expand(template: str) -> list[str]:
    """Expand ``"(a|b) c( d)?"`` into every phrase it stands for.

    ``(x|y)`` chooses one alternative; ``(x)?`` is optional. Whitespace is
    normalised, so ``"(my )?mum"`` gives ``["my mum", "mum"]``.
    """
    parts: list[list[str]] = []
    pos = 0
    for m in _GROUP.finditer(template):
        parts.append([template[pos : m.start()]])
        options = m.group(1).split("|")
        optional = template[m.end() : m.end() + 1] == "?"
        if optional:
            options = [*options, ""]
        parts.append(options)
        pos = m.end() + (1 if optional else 0)
    parts.append([template[pos:]])
    return [" ".join("".join(combo).split()) for combo in itertools.product(*parts)]


def phrases(*templates: str) -> tuple[str, ...]:
    """Expand several templates into one de-duplicated tuple of phrases."""
    seen: dict[str, None] = {}
    for template in templates:
        for phrase in expand(template):
            if phrase:
                seen.setdefault(phrase, None)
    return tuple(seen)


# Shared vocabulary (SMS spellings included).
MUM = "(mum|mam|ma|mom|mother|mummy|mumma)"
DAD = "(dad|father|daddy|stepdad|step dad|step-dad)"
PARENT = "(mum|mam|ma|mom|mother|dad|father|stepdad|step dad|nan|parents|family|stepmum)"
PARTNER_WORDS = ["boyfriend", "girlfriend", "bf", "gf", "bae", "partner", "fella", "man"]
ADULT_AGE = r"^(1[89]|[2-9][0-9])$"
FAMILY_WORDS = ["mum", "mam", "ma", "mom", "mother", "dad", "father", "stepdad", "parents", "nan"]
CONFLICT_WORDS = ["row", "rows", "rowing", "rowed", "argument", "arguments", "argued", "arguing"]
OTHER_PEOPLE = [
    "sister",
    "brother",
    "friend",
    "mate",
    "mum",
    "mam",
    "ma",
    "mom",
    "cousin",
    "auntie",
    "aunt",
    "nan",
    "bestie",
    "bezzie",
]

# An adult partner: "boyfriend is 23", "22 year old boyfriend".
AGE_AFTER_PARTNER: TokenPattern = [
    {"LOWER": {"IN": PARTNER_WORDS}},
    {
        "LOWER": {"IN": ["is", "who", "'s", "s", "aged", "age", "was", "(", ",", "about"]},
        "OP": "*",
    },
    {"TEXT": {"REGEX": ADULT_AGE}},
]
AGE_BEFORE_PARTNER: TokenPattern = [
    {"TEXT": {"REGEX": ADULT_AGE}},
    {"LOWER": {"IN": ["year", "years", "yr", "yrs", "-", "old", "yo", "y/o"]}, "OP": "*"},
    {"LOWER": {"IN": PARTNER_WORDS}},
]

# The same for CSE, but "a man aged 25" alone is a risky adult, not a partner.
_CSE_PARTNERS = [w for w in PARTNER_WORDS if w != "man"]
CSE_AGE_AFTER_PARTNER: TokenPattern = [{"LOWER": {"IN": _CSE_PARTNERS}}, *AGE_AFTER_PARTNER[1:]]
CSE_AGE_BEFORE_PARTNER: TokenPattern = [*AGE_BEFORE_PARTNER[:-1], {"LOWER": {"IN": _CSE_PARTNERS}}]


def boundaries_rules() -> list[Rule]:
    """Rules, curfews, groundings, bans, phone/screen removal, 'too strict'."""
    return [
        Rule(
            "boundaries.rules",
            "boundaries",
            phrases(
                "curfew",
                "curfews",
                "grounded",
                "grounding",
                "(too|so|really|well) strict",
                "house rules",
                "(her|his|the|my|their) rules",
                "banned from",
                "not allowed (out|to go|to see|to stay|to have)",
                "(would|will|wo|did)( )?nt let me (go|out|stay|see|have)",
                "wont let me (go|out|stay|see|have)",
                "(phone|xbox|ps5|playstation|wifi|laptop|tablet) (taken|took) (off|away)",
                "(phone|xbox|ps5|playstation|wifi|laptop|tablet) taken off me",
                "(took|taken|takes|take) (my|her|his|the) (phone|xbox|ps5|wifi|laptop|tablet)",
                "confiscated",
                "stay out (late|later)",
                "come home on time",
                "back by (9|10|11|ten|nine|eleven)",
            ),
        ),
    ]


def family_conflict_rules() -> list[Rule]:
    """Rows and arguments at home, being kicked out, violence or rejection by family."""
    conflict = "(row|rows|rowing|rowed|argument|arguments|argued|arguing|fight|fights|fighting|fell out|falling out|kicked off|screaming match)"  # noqa: E501
    family_near_conflict: TokenPattern = [
        {"LOWER": {"IN": FAMILY_WORDS}},
        {"IS_PUNCT": False, "OP": "{0,4}"},
        {"LOWER": {"IN": CONFLICT_WORDS}},
    ]
    conflict_near_family: TokenPattern = [
        {"LOWER": {"IN": CONFLICT_WORDS}},
        {"IS_PUNCT": False, "OP": "{0,3}"},
        {"LOWER": {"IN": FAMILY_WORDS}},
    ]
    return [
        Rule(
            "family_conflict.near",
            "family_conflict",
            patterns=(family_near_conflict, conflict_near_family),
            score=0.75,
        ),
        Rule("family_conflict.not_a_row", None, phrases("in a row"), blocks=("family_conflict",)),
        Rule(
            "family_conflict.rows",
            "family_conflict",
            phrases(
                f"{conflict} with (my |her |his )?{PARENT}",
                f"{conflict} with (my |her |his )?{MUM}",
                f"{conflict} with (my |her |his )?{DAD}",
                f"{conflict} at home",
                f"(me|i) and (my )?{MUM} (had a |have )?{conflict}",
                f"(me|i) and (my )?{DAD} (had a |have )?{conflict}",
                f"{MUM} and (me|i) (had a |have )?{conflict}",
                f"{DAD} and (me|i) (had a |have )?{conflict}",
                f"{MUM} and {DAD} (always |keep )?(arguing|fighting|rowing)",
                "parents (always |keep )?(arguing|fighting|rowing)",
                f"{MUM} (hates|doesnt want|does nt want) me",
                f"{DAD} (hates|doesnt want|does nt want) me",
                f"(do|does)( )?nt get on with (my |her |his )?{PARENT}",
                f"{MUM} (hit|hits|slapped|punched|hurt) me",
                f"{DAD} (hit|hits|slapped|punched|hurt) me",
            ),
        ),
        Rule(
            "family_conflict.kicked_out",
            "family_conflict",
            phrases(
                "(kicked|thrown|chucked|threw|kick|chuck) (me |her |him )?out",
                "told (me|her|him) to (leave|get out|go)",
                "(domestic violence|domestic abuse|dv at home)",
                "(family|relationship) breakdown",
                "family conflict",
            ),
        ),
        Rule(
            "family_conflict.parental_alcohol",
            "family_conflict",
            phrases(
                f"{MUM} (drinks|drinking|was drunk|is drunk|gets drunk|drinks too much)",
                f"{DAD} (drinks|drinking|was drunk|is drunk|gets drunk|drinks too much)",
                f"{MUM} (has been|had been|is|was|keeps|kept|always|is always) (drinking|drunk)",
                f"{DAD} (has been|had been|is|was|keeps|kept|always|is always) (drinking|drunk)",
                "(problems|problem|issues|struggles) with (drink|alcohol|drinking)",
                "my own problems with drink",
                "parental (alcohol|drinking|substance misuse|mental health)",
            ),
            blocks=("substance_misuse",),
        ),
    ]


def placement_rules() -> list[Rule]:
    """The care placement itself: carers, homes, moves, social workers, contact."""
    return [
        Rule(
            "placement.care",
            "placement",
            phrases(
                "placement",
                "placements",
                "foster (carer|carers|mum|dad|home|placement|family)",
                "fostered",
                "(my |the )?carers",
                "(care|childrens|children 's|children's|residential) home",
                "resi",
                "(the|other) (residents|kids in the home|young people in the home)",
                "staff at (the|my) home",
                "in care",
                "looked after",
                "(semi independent|semi-independent|supported) (accommodation|placement)",
                "(new|changed|another|different) (social worker|sw)",
                "social worker",
                "social workers",
                "keyworker",
                "family time",
                f"contact with (my )?({MUM}|{DAD}|family|siblings)",
                f"want to (live|go back) (with|to) (my )?({MUM}|{DAD}|nan)",
            ),
        ),
        Rule(
            "placement.not_care",
            None,
            phrases("(work|college|school) placement", "work experience placement"),
            blocks=("placement",),
        ),
    ]


def peers_rules() -> list[Rule]:
    """Friends, mates, parties, peer pressure, staying at a friend's."""
    return [
        Rule(
            "peers.friends",
            "peers",
            phrases(
                "(my |her |his )?(mates|mate|friends|friend|bestie|bezzie|bestfriend|best friend)",
                "(friend|mate) 's (house|place)",
                "(friends|mates|friend's|mate's) (house|place)",
                "(house )?party",
                "parties",
                "peer pressure",
                "sleepover",
                "hanging (out|about|around) with",
                "the (group|gang|lads|girls) (from|at)",
            ),
            score=0.8,
        ),
    ]


def relationship_rules() -> list[Rule]:
    """A boyfriend or girlfriend of similar age (not someone else's, not an adult)."""
    possessive: TokenPattern = [
        {"LOWER": {"IN": OTHER_PEOPLE}},
        {"LOWER": {"IN": ["'s", "\u2019s", "s"]}},
        {"LOWER": {"IN": PARTNER_WORDS}},
    ]
    plural_possessive: TokenPattern = [
        {"LOWER": {"IN": [f"{w}s" for w in OTHER_PEOPLE]}},
        {"LOWER": {"IN": PARTNER_WORDS}},
    ]
    return [
        Rule(
            "relationship.partner",
            "relationship",
            phrases(
                "(boyfriend|girlfriend|bf|gf|bae|boyfriends|girlfriends)",
                "(going out|seeing|dating) (with )?(a boy|a girl|someone|this boy|this girl)",
                "(her|his|my) (partner|fella)",
            ),
            score=0.85,
        ),
        Rule(
            "relationship.someone_elses",
            None,
            patterns=(possessive, plural_possessive),
            blocks=("relationship",),
        ),
    ]


def school_rules() -> list[Rule]:
    """Exclusion, bullying, exams, detentions, college; not school as the RHI venue."""
    venue: TokenPattern = [
        {
            "LOWER": {
                "IN": [
                    "rhi",
                    "interview",
                    "interviewed",
                    "seen",
                    "met",
                    "completed",
                    "conducted",
                    "held",
                    "visited",
                    "spoke",
                ]
            }
        },
        {"OP": "?"},
        {"OP": "?"},
        {"LOWER": {"IN": ["at", "in"]}},
        {"LOWER": {"IN": ["school", "college"]}},
    ]
    return [
        Rule(
            "school.problems",
            "school",
            phrases(
                "(excluded|exclusion|exclusions|suspended|suspension|expelled)",
                "(bullied|bullying|bully|bullies)",
                "(detention|detentions|isolation at school|in isolation)",
                "(exams|exam|gcses|gcse|mocks|sats)",
                "(skipping|skipped|bunking|bunked|truanting|wagging) (off )?(school|college|lessons)?",  # noqa: E501
                "(pru|pupil referral unit|reduced timetable|managed move|changed schools)",
                "(hate|hates|hated|hating) (school|college|lessons|teachers|my teacher)",
                "(school|college) (is|was) (shit|rubbish|crap|boring|hard|stressful|awful)",
                "(missing|missed|off|refusing|refused|stopped going to|not attending|not going to|not been to) (school|college)",  # noqa: E501
                "(trouble|problems|issues|struggling|kicked off|fight|fighting|fights) (at|in|with) (school|college)",  # noqa: E501
                "(fell out|falling out|row|argument|arguing|fight) with (a |my |the |her |his )?(teacher|teachers|head|headteacher)",  # noqa: E501
                "(school|college) (attendance|refusal|avoidance)",
                "(poor|low|bad) attendance",
                "(not|nt|never|hasnt|hasn't) (attended|been in|been into) (school|college)",
                "(alternative provision|part time timetable|part-time timetable)",
            ),
            score=0.7,
        ),
        Rule(
            "school.kicked_out",
            "school",
            phrases("(kicked|chucked|thrown) out of (school|college|class|lessons)"),
            blocks=("family_conflict",),
        ),
        Rule("school.venue", None, patterns=(venue,), blocks=("school",)),
    ]


def mental_health_rules() -> list[Rule]:
    """Low mood, anxiety, self-harm, suicidal thoughts, trauma, ASD/ADHD."""
    return [
        Rule(
            "mental_health.distress",
            "mental_health",
            phrases(
                "(self harm|self - harm|self-harm|selfharm|self harming|self - harming|self harmed)",  # noqa: E501
                "(cut|cutting|hurt|hurting) (myself|herself|himself)",
                "(anxiety|anxious|panic attack|panic attacks)",
                "(depressed|depression|low mood|low in mood|feeling low|feel low|feeling down)",
                "(suicidal|suicide|want to die|wanted to die|wanna die|overdose|overdosed)",
                "(adhd|autism|autistic|asd|aspergers|neurodivergent)",
                "(camhs|mental health|trauma|traumatised|ptsd|nightmares|eating disorder)",
                "(stressed|overwhelmed|hearing voices|cant cope|ca nt cope|can't cope)",
                "(feel|feeling|felt|feels) (so |proper |really |well |dead |very )?(low|down|empty|numb|worthless|hopeless)",  # noqa: E501
                "(cant|can't|ca nt|cannot|can not|couldnt|could nt) stop crying",
                "(keep|keeps|kept) crying",
                "(hate|hates|hated) (myself|herself|himself)",
            ),
        ),
    ]


def substance_misuse_rules() -> list[Rule]:
    """The child drank or used drugs (not drugs only carried: that is cce)."""
    return [
        Rule(
            "substance_misuse.use",
            "substance_misuse",
            phrases(
                "(weed|cannabis|skunk|spliff|spliffs|zoot|zoots|ket|ketamine|mdma|molly|pills)",
                "(coke|cocaine|nos|balloons|edibles|mandy|xanax|vape weed)",
                "(drunk|wasted|stoned|mashed|off my face|off her face|off his face)",
                "(got|was|were|get|getting|gets|being|so|proper) high",
                "(cider|vodka|alcohol|wkd|lager|booze|bevvies|drinking|drank|had a drink)",
                "(smoking|smoked|smokes) (weed|a spliff|a zoot|cannabis)",
            ),
            score=0.85,
        ),
    ]


def risky_adults_rules() -> list[Rule]:
    """Adults who pose a risk: older 'boyfriends', men giving lifts, gifts, money, drink."""
    he_is_adult: TokenPattern = [
        {"LOWER": {"IN": ["he", "hes", "he's"]}},
        {"LOWER": {"IN": ["is", "'s", "s", "\u2019s", "was"]}, "OP": "?"},
        {"LOWER": {"IN": ["like", "about", "around", "nearly", "over", "at", "least"]}, "OP": "*"},
        {"TEXT": {"REGEX": ADULT_AGE}},
    ]
    return [
        Rule(
            "risky_adults.adult_partner",
            "risky_adults",
            phrases(
                "(older|adult|much older|grown) (boyfriend|bf|partner|fella|man she calls her boyfriend)",  # noqa: E501
                "(boyfriend|bf) (is|who is) (much )?older",
                "(boyfriend|bf) in his (20s|twenties|30s|thirties|40s)",
            ),
            patterns=(AGE_AFTER_PARTNER, AGE_BEFORE_PARTNER, he_is_adult),
            blocks=("relationship",),
            block_scope="doc",
        ),
        Rule(
            "risky_adults.adults",
            "risky_adults",
            phrases(
                "(older|grown|adult|unknown) (man|men|male|males|lads|guys|adults)",
                "adults of concern",
                "(man|men|guy|guys|male|males) in (his|their) (20s|twenties|30s|thirties|40s)",
                "(lift|lifts) (from|off|with) (a |an |some |older |these )*(man|men|guy|guys|male|males|adults|adult)",  # noqa: E501
                "(gift|gifts|money|presents|drink|alcohol|vodka|phone|trainers) (from|off) (a |an |some |older |these )*(man|men|guy|guys|male|males|adults|adult)",  # noqa: E501
                "(man|men|guy|guys) (gave|gives|give|buy|bought|buys) (me|her|us) (lifts|a lift|money|stuff|drink|alcohol|presents|gifts)",  # noqa: E501
                "(exploitation|exploited|exploiting)",
                "(contact|in contact) with adults",
                # "Olders": older gang members, the usual word in CCE accounts.
                "(olders|older heads|older youths|older lads|older boys|older people|older ones)",
                "(man|men|guy|guys|male|males) (old enough to be|twice) (my|her|his) (dad|age)",
                "(man|men|guy|guys|male) (off|from|on) (instagram|insta|snap|snapchat|online|tiktok|the internet)",  # noqa: E501
                "(man|men|guy|guys|males) (i|she|he) (do|does|did)( )?(n't|nt|not) know",
                "(unknown|older|adult) (male|males|man|men) in a car",
                "(in|into|out of) (cars|a car|vehicles) with (men|unknown males|older males|adults|a man)",  # noqa: E501
                "(flat|house|address|home) of (a|an) (man|adult|older man|adult male)",
                "(man|guy|adult|male) in his (20s|twenties|30s|thirties|40s|forties|fifties)",
                "(older|grown) (man|guy|male)",
                "(man|men|adult|adults|male|males|guy|guys) (he|she|i|they) met online",
                "(adult|adults|man|men|male|males) (who is |who are )?known to (the )?police",
                "known adult (offender|offenders|male|males)",
                "(talking to|messaging|chatting to|chatting with|meeting up with|meeting) (older |adult )?(men|adults|older men)",  # noqa: E501
            ),
            score=0.8,
        ),
    ]


def cse_rules() -> list[Rule]:
    """Sexual exploitation: images, grooming, hotels, sex for things, assault."""
    return [
        Rule(
            "cse.indicators",
            "cse",
            phrases(
                "(cse|sexual exploitation|sexually exploited|groomed|grooming)",
                "(send|sending|sent|sends|asked for|asking for|asks for) (me |him |her )?(pics|pictures|photos|nudes|images)",  # noqa: E501
                "(nudes|nude pics|nude pictures|nude images|naked pictures|naked pics|sexting)",
                "(taken to|brought to|kept in|driven to) (a |the )?(hotel|hotels|flat|flats)",
                "(hotel|hotels|hotel room) with (a |an |older |him|them|men|man|some )",
                "(sex for|sex in exchange|have sex with|had sex with|sleep with (him|them))",
                "(raped|rape|sexually assaulted|sexual assault|touched me)",
                "(sugar daddy|older men online|met online)",
            ),
            blocks=("offending",),
        ),
        Rule(
            "cse.adult_partner",
            "cse",
            phrases(
                "(older|adult|much older|grown) (boyfriend|bf|partner|fella)",
                "(gifts|presents) from (her |my )?(boyfriend|bf)",
                "(seeing|dating|relationship with|sleeping with|going out with) (a|an) (man|older man|grown man|adult|adult male)",  # noqa: E501
                "(dating|hook up|hookup) (app|apps|sites)",
                "(share|shared|sharing|post|posted) (my|her|his) (pics|pictures|photos|images)",
                "(images|pictures|photos) of (yp|her|him|me) (have been |were |being )?shared",
                "(indecent|sexual) (images|pictures|photos|activity|messages)",
                "if i (sleep|slept) with him",
            ),
            patterns=(CSE_AGE_AFTER_PARTNER, CSE_AGE_BEFORE_PARTNER),
            score=0.7,
        ),
    ]


def cce_rules() -> list[Rule]:
    """Criminal exploitation: county lines and its slang, debts, phones, cash."""
    out_there: TokenPattern = [
        {"LOWER": {"IN": ["went", "go", "going", "gone", "been", "sent", "goes"]}},
        {"LOWER": "out"},
        {"LOWER": "there"},
    ]
    ot: TokenPattern = [{"TEXT": {"IN": ["OT", "ot", "O.T."]}}]
    return [
        Rule(
            "cce.county_lines",
            "cce",
            phrases(
                "(go|going|went|gone|goes|been|sent) (to )?country",
                "(county lines|county line|cce|criminal exploitation|criminally exploited)",
                "(trap house|trap houses|traphouse|trap flat|trapping|trapped out)",
                "(cuckooing|cuckooed|cuckoo)",
                "(plugging|plugged|plug it|plugged it)",
                "(deal line|dealing line|line phone|running a line|run the line|run lines)",
                "(on tick|drug debt|drugs debt|drug debts|owes them money|owe them money)",
                "(graft|grafting)",
                "(burner|burners|burner phone|burner phones)",
                "(holding|carrying|hold|carry|held|carried) (packages|a package|the package|drugs|food|a phone|phones|the phone|stuff for)",  # noqa: E501
                "(2|two|multiple|several|three|3) phones",
                "(lots of|large amounts of|wads of|loads of|unexplained) cash",
                "(lookout|look out for them|keep watch|made to steal|made me steal|made to sell)",
                "(selling|sell|sold|dealing|shotting|running) (drugs|weed|food|for them)",
                "(shotting|shotter|a runner for|caught dealing|been dealing|was dealing)",
            ),
            patterns=(out_there, ot),
        ),
        Rule("cce.hard_graft", None, phrases("(hard|proper) graft"), blocks=("cce",)),
    ]


def offending_rules() -> list[Rule]:
    """The child committed or was arrested for an offence (not a victim)."""
    return [
        Rule(
            "offending.offence",
            "offending",
            phrases(
                "(arrested|nicked|charged|cautioned|in custody|remanded)",
                "(shoplifting|shoplifted|stole|stealing|theft|robbery|burglary)",
                "(carrying a knife|had a knife|knife|blade|bladed article|weapon)",
                "(criminal damage|vandalism|assault|assaulting|common assault)",
                "(yot|youth offending|youth justice)",
                "(youth|crown|magistrates|magistrates ') court",
                "(in|at|to) court for",
            ),
            score=0.8,
        ),
        Rule(
            "offending.victim",
            None,
            phrases(
                "victim of (a |an )?(robbery|assault|theft|burglary|knife crime|stabbing|crime)",
                "(robbed|assaulted|mugged|stabbed|attacked) (me|her|him)",
            ),
            blocks=("offending",),
        ),
    ]


THEME_RULE_FUNCTIONS: tuple[Callable[[], list[Rule]], ...] = (
    boundaries_rules,
    family_conflict_rules,
    placement_rules,
    peers_rules,
    relationship_rules,
    school_rules,
    mental_health_rules,
    substance_misuse_rules,
    risky_adults_rules,
    cse_rules,
    cce_rules,
    offending_rules,
)


def all_rules() -> list[Rule]:
    """Every rule, checked against the taxonomy (unknown ids are a programming error)."""
    rules = [rule for fn in THEME_RULE_FUNCTIONS for rule in fn()]
    ids = set(THEME_IDS)
    for rule in rules:
        if rule.theme is not None and rule.theme not in ids:
            raise ValueError(f"rule {rule.rule_id} names unknown theme {rule.theme!r}")
        for blocked in rule.blocks:
            if blocked not in ids:
                raise ValueError(f"rule {rule.rule_id} blocks unknown theme {blocked!r}")
    return rules


@dataclass
class Candidate:
    """A cue match in a doc: token span [start, end) plus character offsets.

    ``negated`` is set by the negation component; negated candidates are not
    evidence for a theme.
    """

    theme: str
    rule_id: str
    start: int
    end: int
    start_char: int
    end_char: int
    score: float
    negated: bool = False
