"""Negation and denial: a small NegEx/ConText-style spaCy component.

Trigger phrases open a *scope* of tokens. A pre-trigger ("no", "denies",
"no evidence of") scopes forward; a post-trigger ("ruled out", "not a
concern") scopes backward; some ("denied", "no further action") do both.
A scope ends at a terminator (sentence end, ";", "but", "however",
"although", "because", ...), at a comma for the short bare triggers, or
after the trigger's token limit. A theme cue whose first token lies inside
a scope is marked ``negated`` and is not evidence.

Pseudo-triggers ("not sure", "no one", "not happy", "not allowed") are
phrases that contain a trigger word but do not deny a topic; they are
matched first and switch the trigger off. A trigger inside a theme cue
("not allowed out" is a boundaries cue) is also ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from nlp.phrase_keys import PhraseKeys
from nlp.rules import ADULT_AGE, Candidate, PhraseTemplates, phrases
from nlp.taxonomy import SAFETY_THEMES

NEGATION_FACTORY = "homeward_negation_v1"

# Token indices inside any negation scope (set on every doc, cues or not): the
# tagger re-scores the model without them before it lets the model raise a theme
# alone (nlp/tagger.py), since a bag of words cannot read "i dont talk to men online".
if not Doc.has_extension("homeward_negation_scope"):
    Doc.set_extension("homeward_negation_scope", default=None)


@dataclass(frozen=True)
class Trigger:
    """How far a trigger phrase scopes: tokens forward (pre) and backward (post)."""

    name: str
    templates: tuple[str, ...]
    pre: int = 0
    post: int = 0
    comma_stops: bool = True


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("bare", ("no", "not", "never", "nor", "without"), pre=5),
    Trigger("contraction", ("nt", "n't", "n\u2019t", "dnt"), pre=3),
    Trigger(
        "explicit",
        (
            "no (concerns|concern|worries|issues) (about|re|regarding|around|of|for|with)?",
            "(no|nil) (concerns|concern|worries|issues) (were |have been |had been |was |has been )?(raised|noted|identified|reported|expressed|shared) (about|re|regarding|around|in relation to|for|with)",  # noqa: E501
            "no (evidence|indication|indications|indicator|indicators|signs|sign|suggestion|disclosure|disclosures|reports|report) (of|that|regarding|re|about|around|for|concerning)?",  # noqa: E501
            "(no one|no1|noone|no-one|nobody|no ones|no one 's|no one has|nobody has|no one s) (has |have |had |ever )?(asked|made|forced|told|given|gave|touched|sent|offered|pressured|groomed|exploited)",  # noqa: E501
            # "Nobody's grooming me" (set M)
            "(no one|noone|no-one|nobody|no1) (is|was|'s|s) (grooming|exploiting|using)",
            "(nothing|no information|no intelligence) to (suggest|indicate)",
            "(did not|did nt|didn't|has not|has nt|hasn't) disclose",
            "(denies|deny|denying) (any )?",
            "not known to",
            "(no|nil) (intelligence|information|evidence|indication|indications) (linking|connecting|that|of|to suggest)",  # noqa: E501
            "(no|not) (involved|involvement) in",
            # "It's nothing to do with a boyfriend" (blind set Q)
            "nothing to do with",
        ),
        pre=8,
        comma_stops=False,
    ),
    Trigger("denied", ("denied",), pre=6, post=4),
    Trigger(
        "outcome",
        ("no further action", "nfa", "not required"),
        pre=8,
        post=8,
        comma_stops=False,
    ),
    # "Asked about CSE. Nothing disclosed.": may reach back into the previous
    # sentence when that sentence is a question put to the child.
    Trigger(
        "answer",
        (
            "(nothing|none|nil|no concerns|no disclosures|no disclosure) (disclosed|identified|raised|reported|noted|found|given)?",  # noqa: E501
            "(denied|denies) (this|it|all|any of this|that)",
            # "Asked about older people - 'no'." (set M, with an en dash)
            "' (no|none|never|nope|nah) '",
        ),
        post=12,
        comma_stops=False,
    ),
    # "CSE screening completed, no concerns identified": the topic comes first.
    Trigger(
        "screened",
        (
            "(completed|done|carried out|undertaken|discussed|explored|reviewed|considered)( ,| ;| -)? (no concerns|nothing disclosed|no disclosures|nothing of concern|nil concerns|none identified)",  # noqa: E501
            # "CSE screening tool completed: low risk, no CSE concerns" (set K)
            "(completed|done|carried out|undertaken|reviewed)( :| ,| ;| -)? low( risk)?( ,| ;| -)? (no|nil) (cse |cce |exploitation )?concerns",  # noqa: E501
        ),
        post=10,
        comma_stops=False,
    ),
    Trigger(
        "post",
        (
            "ruled out",
            "(is|was|are|were)? not a (concern|worry|risk|issue)",
            "(is|was|are|were)? not (indicated|substantiated|suspected|a factor)",
            "(unfounded|unsubstantiated)",
        ),
        post=6,
    ),
)

PSEUDO_TRIGGERS: PhraseTemplates = phrases(
    "not (only|just|sure|happy|good|nice|safe|ok|okay|well|fair|right|like|liking|bothered)",
    "not (getting on|want|wanting|listening|sleeping|eating|coming|going|returning|returned)",
    "(not|nt|n't) (get|gets|got) (on|along)",
    "no (say|voice)",
    "(nt|n't|not) think (the|this|her|his|my) (placement|home|carers|foster placement|unit) (is|are) (right|suitable|good|working|the right)",  # noqa: E501
    "not (attending|allowed|letting|let|in school|at school|been to school|caring)",
    "no (one|body|doubt|idea|matter|way|choice|money|longer|phone|where)",
    "never (lets|let|listens|listen|let me)",
    "(said|say|says|saying|told them) no",
    "(without|no) (permission|asking|telling)",
    "nothing but",
    "(nt|n't|not|never|without) (tell|telling|told|inform|informing|ring|ringing|call|calling|say|saying|letting|let anyone|text|texting|txt|message|messaging|phone|phoning|contact|contacting)",  # noqa: E501
    "no (a|an|the|thanks|thank|chance|ta|problem|worries mate)",
    "(lol|haha|lmao|oh|ha|like) no",
    "not (a lot|much|long|for long|enough|yet|again|anymore|any more|really)",
    "(nt|n't|not) (talk|speak|say anything|do anything|go anywhere|be in the same room) without",
    "(nt|n't|not|never) (stop|stopped)",
    # "couldnt face going home": dreading it, not denying it.
    "(nt|n't|not|never) face",
    # A partner kept from the child by a rule: "no seeing his girlfriend on weekdays",
    # "he can't see his girlfriend" (blind set Q).
    "no seeing",
    "(nt|n't|not|cannot|cant) (see|visit|meet) (my|his|her) (girlfriend|boyfriend|gf|bf|partner)",
    "(nt|n't|not|dnt) know (why|what|where|how|when|if|whether|the|it|that|this|a|much|exactly)",
    "not (my|her|his|a|the) (home|house|family|choice|fault|real)",
    # A condition is not a denial: "if i dont do the runs he'll send the vids".
    "if (i|he|she|we|they|you|u|yp) (dont|don't|do not|didnt|didn't|did not|doesnt|doesn't|does not|wont|won't|will not|cant|can't|cannot)",  # noqa: E501
)

TERMINATORS: frozenset[str] = frozenset(
    {
        ".",
        ";",
        "!",
        "?",
        ":",
        "but",
        "however",
        "although",
        "though",
        "except",
        "apart",
        "because",
        "cos",
        "coz",
        "cuz",
        "so",
        "whereas",
        "yet",
        "which",
    }
)
# Run-on texts join clauses with these: "i never got arrested then ...". They end
# a scope going forward only ("asked about weed then denied it" still denies weed).
FORWARD_TERMINATORS: frozenset[str] = frozenset({"then", "also"})


def _build_matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    lower = PhraseKeys(nlp, "LOWER")
    triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
    for trigger in TRIGGERS:
        triggers.add(trigger.name, lower.keys(list(phrases(*trigger.templates))))  # type: ignore[arg-type]
    pseudo = PhraseMatcher(nlp.vocab, attr="LOWER")
    pseudo.add("pseudo", lower.keys(list(PSEUDO_TRIGGERS)))  # type: ignore[arg-type]
    return triggers, pseudo


def negation_scopes(
    doc: Doc,
    triggers: PhraseMatcher,
    pseudo: PhraseMatcher,
    protected: list[tuple[int, int]] = [],  # noqa: B006 - read only
) -> set[int]:
    """Token indices inside any negation scope of ``doc``.

    ``protected`` are token ranges (theme cues) whose own words cannot act as
    triggers.
    """
    by_name = {t.name: t for t in TRIGGERS}
    pseudo_spans = [(s, e) for _, s, e in pseudo(doc)]
    spans = filter_spans([doc[s:e] for _, s, e in triggers(doc, as_spans=False)])
    names = {(s, e): doc.vocab.strings[m] for m, s, e in triggers(doc)}
    scoped: set[int] = set()
    for span in spans:
        if names.get((span.start, span.end)) == "answer":
            scoped.update(_answered(doc, span.start, span.end))
            continue
        # A trigger inside a theme cue ("not allowed out") is part of the cue.
        if any(s <= span.start and span.end <= e for s, e in protected):
            continue
        # A pseudo-trigger switches a trigger off unless the trigger is the longer
        # phrase around it ("no one has asked me" contains "no one").
        if any(
            s < span.end
            and span.start < e
            and not (span.start <= s and e <= span.end and span.end - span.start > e - s)
            for s, e in pseudo_spans
        ):
            continue
        trigger = by_name[names[(span.start, span.end)]]
        # A cue that starts inside the trigger ("no one has *asked me for pics*").
        scoped.update(range(span.start + 1, span.end))
        i = span.end
        while i < len(doc) and i < span.end + trigger.pre:
            if _stops(doc, i, trigger, forward=True) or (i > span.start and doc[i].is_sent_start):
                break
            scoped.add(i)
            i += 1
        i = span.start - 1
        while i >= 0 and i >= span.start - trigger.post:
            if _stops(doc, i, trigger):
                break
            scoped.add(i)
            if doc[i].is_sent_start:
                break
            i -= 1
    return scoped


QUESTION_WORDS = frozenset(
    {"asked", "discussed", "explored", "screening", "screened", "questioned", "talked", "spoke"}
)


def _answered(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens an answer-style denial negates: the rest of its own sentence when it
    opens the sentence and the previous sentence puts a question ("Asked about
    CSE. Nothing disclosed."); nothing otherwise (bare "no" is handled elsewhere).
    """
    sent = doc[start].sent
    subject = {"yp", "she", "he", "they", "child", "young", "person", "i"}
    # "asked about CSE; nothing disclosed": the question is the clause before.
    clause = start
    while clause > sent.start and doc[clause - 1].lower_ in subject:
        clause -= 1
    if clause > sent.start and doc[clause - 1].text in {";", ",", "-", "\u2013", "\u2014", ":"}:
        before = doc[sent.start : clause - 1]
        if any(t.lower_ in QUESTION_WORDS for t in before):
            return set(range(before.start, before.end))
    if sent.start == 0 or any(t.lower_ not in subject for t in doc[sent.start : start]):
        return set()
    prev = doc[sent.start - 1].sent
    if not any(t.lower_ in QUESTION_WORDS for t in prev):
        return set()
    return set(range(prev.start, prev.end))


def _stops(doc: Doc, i: int, trigger: Trigger, forward: bool = False) -> bool:
    text = doc[i].lower_
    if forward and (text in FORWARD_TERMINATORS or (trigger.comma_stops and _new_clause(doc, i))):
        return True
    # "no concerns about exploitation, she was just at her friends": a comma and a
    # new subject end even a long scope (blind set N).
    if (
        forward
        and text == ","
        and i + 2 < len(doc)
        and doc[i + 1].lower_ in SUBJECTS
        and doc[i + 2].lower_ in SUBJECT_VERBS
    ):
        return True
    # "im not depressed or anything the man said...": the denial ends there.
    if i > 0 and doc[i - 1].lower_ == "or" and text in {"anything", "nothing", "owt", "whatever"}:
        return True
    return text in TERMINATORS or (trigger.comma_stops and text == ",")


# "i dont drink & a man i met gave me his number": in run-on texts "and" followed
# by a new subject starts a new clause, which a short "no"/"not"/"dont" does not reach.
CLAUSE_JOINERS = frozenset({"and", "&", "n"})
CLAUSE_STARTERS = frozenset(
    {"i", "im", "a", "an", "he", "she", "hes", "shes", "they", "we", "my", "ma", "this", "then"}
)


SUBJECTS = frozenset({"i", "he", "she", "they", "we", "yp", "it"})
SUBJECT_VERBS = frozenset(
    {"was", "were", "is", "are", "am", "'s", "'m", "had", "has", "have", "said", "says", "just"}
)


def _new_clause(doc: Doc, i: int) -> bool:
    """Whether token ``i`` joins a new clause ("and", "&", "n" + a new subject)."""
    return (
        doc[i].lower_ in CLAUSE_JOINERS
        and i + 1 < len(doc)
        and doc[i + 1].lower_ in CLAUSE_STARTERS
    )


_ADULT_AGE = re.compile(ADULT_AGE)


def _states_adult_age(doc: Doc, cand: Candidate) -> bool:
    """An adult partner's age is itself the concern: "no concerns about her
    boyfriend, who is 24" keeps ``risky_adults`` / ``cse``."""
    if cand.theme not in {"risky_adults", "cse"} or not cand.rule_id.endswith("adult_partner"):
        return False
    return any(_ADULT_AGE.match(t.text) for t in doc[cand.start : cand.end])


# A sentence of its own that closes the question of exploitation for the whole
# note (taxonomy: "the text says there were no adults of concern"). In the blind
# sets read (A, B, D, F, G, H) 57 texts hold one and none was labelled with a
# safety theme it removes (ninth round). Bare "No concerns." or "NFA." counts
# only as the last sentence.
_NO_ADULTS = re.compile(
    r"^\W*(?:no (?:known |other )?(?:adults?|males?|men|older (?:males?|men)) (?:of concern|"
    r"involved|identified|present|in the group)|no (?:concerns?|worries) (?:re|about|regarding|"
    r"around) (?:adults?|males?|men)|no adult (?:involvement|concerns?))\W*$",
    re.I,
)
_NO_CONCERNS = re.compile(
    r"^\W*(?:(?:outcome|conclusion|summary|result)\s*[:\-\u2013\u2014]\s*)?(?:(?:(?:no|nil) "
    r"(?:further |safeguarding )?concerns?(?: (?:identified|noted|raised|disclosed|at this time))?"
    r"|nfa|no further action(?: required| taken)?)(?:\W+|$)){1,2}$",
    re.I,
)
# Screening and strategy outcomes in professionals' notes (tenth round, set M):
# "CCE screening returned low.", "Negative screening across CSE, CCE, substances
# and MH.", "CSE - no concerns.", "CSE concerns no longer present", "agreed no
# evidence of exploitation". A sentence that names the topic and gives only a
# negative outcome denies that theme up to its end; "CSE/CCE screening
# completed. Both low, no indicators." gives the outcome in the next sentence.
_SCREEN_TOPICS = {
    "cse": re.compile(r"\b(?:cse|sexual exploitation)\b", re.I),
    "cce": re.compile(r"\b(?:cce|criminal exploitation|county lines)\b", re.I),
}
_BOTH_TOPICS = re.compile(r"\b(?:exploitation|ce)\b", re.I)
_SCREEN_WORDS = re.compile(
    r"\b(?:screening|screened|screen|tool|toolkit|assessment|assessed|considered|explored|"
    r"discussed|reviewed|checked|strategy|outcomes?|risk|mace|panel)\b",
    re.I,
)
_NEGATIVE_OUTCOME = re.compile(
    r"\b(?:(?:no|nil) (?:(?:cse|cce|exploitation) )?(?:concerns?|indicators?|evidence|issues|"
    r"risks?|disclosures?)(?: (?:were |have been |was )?(?:identified|raised|noted|disclosed|found|"
    r"reported|present))?|no longer (?:present|a concern|a risk|indicated)|not (?:indicated|"
    r"evidenced|substantiated|identified)|nothing (?:of concern|disclosed|identified|to suggest)|"
    r"none (?:identified|present|found|noted|evident)|negative (?:screening|screen|result|outcome|"
    r"for)|(?:screening|screened|"
    r"result|outcome|returned|came back)\W{0,3}(?:as |was )?negative|"
    r"(?:returned|came back|graded|rated|scored|assessed as|as|both|"
    r"risk|score(?: \d+)?)\W{0,3}low(?: risk)?|low risk)\b",
    re.I,
)
# "no concerns about school": an outcome about something else.
_OTHER_OBJECT = re.compile(
    r"\s+(?:about|re|regarding|around|with|for|in relation to|at|in)\s+(?!(?:any |the )?(?:cse|cce|"
    r"exploitation|sexual|criminal|county|adults?|males?|men|older|this|that|these|either|both)\b"
    r"|(?:any|all|either|each) of (?:these|them|those|the above)\b|the above\b)",
    re.I,
)
_POSITIVE_OUTCOME = re.compile(
    r"\b(?:high|medium|moderate|amber|red|significant|positive|referr\w*|disclosed|identified|"
    r"concerns? (?:remain|raised|noted)|concerns? (?:about|re|regarding) (?!cse|cce)|indicators? "
    r"(?:present|noted))\b",
    re.I,
)


# A bare answer to a list of risks: "None present.", "None of these."
_NONE_FOUND = re.compile(
    r"^\W*(?:none|nil|none of (?:these|them|the above))(?: (?:present|identified|noted|found|"
    r"evident))?\W*$",
    re.I,
)


def _negative(text: str) -> bool:
    """Whether ``text`` gives a negative outcome that is not about something else."""
    return any(not _OTHER_OBJECT.match(text, m.end()) for m in _NEGATIVE_OUTCOME.finditer(text))


def _topics(text: str) -> set[str]:
    """The safety themes a sentence names as a screening topic."""
    if _BOTH_TOPICS.search(text):
        return {"cse", "cce"}
    return {theme for theme, topic in _SCREEN_TOPICS.items() if topic.search(text)}


def screening_denials(doc: Doc) -> dict[str, int]:
    """The safety themes a screening outcome denies, each with the character
    offset up to which it does (the end of the outcome's sentence)."""
    denied: dict[str, int] = {}
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        text = sent.text
        topics = _topics(text)
        listed = n + 1 < len(sents) and _NONE_FOUND.match(sents[n + 1].text)
        if not topics and listed and _SCREEN_WORDS.search(text):
            topics = set(SAFETY_THEMES)  # "Risks considered: older associates... None present."
        if not topics:
            continue
        outcome, end = text, sent.end_char
        if (
            not _negative(text)
            and _SCREEN_WORDS.search(text)
            and not _POSITIVE_OUTCOME.search(text)
            and n + 1 < len(sents)
            and not _topics(sents[n + 1].text)
        ):
            outcome, end = sents[n + 1].text, sents[n + 1].end_char  # "... Both low."
        if not _negative(outcome) or _POSITIVE_OUTCOME.search(_NEGATIVE_OUTCOME.sub(" ", outcome)):
            continue
        for theme in topics:
            denied[theme] = max(end, denied.get(theme, 0))
    return denied


def closing_denials(doc: Doc) -> frozenset[str]:
    """The safety themes a sentence of their own denies for the whole note: "No
    adults of concern." (``risky_adults``, ``cse``) anywhere, or a last sentence "No
    concerns." (all three)."""
    sents = list(doc.sents)
    if sents and _NO_CONCERNS.match(sents[-1].text):
        return SAFETY_THEMES
    if any(_NO_ADULTS.match(sent.text) for sent in sents):
        return frozenset({"risky_adults", "cse"})
    return frozenset()


class NegationComponent:
    """Marks ``doc._.homeward_candidates`` inside a negation scope as negated, and
    records every scoped token in ``doc._.homeward_negation_scope``."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.triggers, self.pseudo = _build_matchers(nlp)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = doc._.homeward_candidates or []
        # Only full phrases hold their own negator: a weak cue's span or a window
        # of two words ("mum ... im not depressed", "Mum reports no arguments") is
        # not a phrase.
        protected = [(c.start, c.end) for c in candidates if not (c.weak or c.window)]
        scoped = negation_scopes(doc, self.triggers, self.pseudo, protected)
        doc._.homeward_negation_scope = frozenset(scoped)
        for cand in candidates:
            # A full window is negated at either of its words ("Mum reports no
            # arguments"). A weak one's far word is left to the model, which must
            # agree with it anyway (nlp.combine).
            ends = (cand.start, cand.end - 1) if cand.window and not cand.weak else (cand.start,)
            if any(i in scoped for i in ends) and not _states_adult_age(doc, cand):
                cand.negated = True
        for theme, end in screening_denials(doc).items():
            for cand in candidates:
                if cand.theme == theme and doc[cand.start].idx < end:
                    cand.negated = True
        denied = closing_denials(doc)
        if denied:
            for cand in candidates:
                cand.negated = cand.negated or cand.theme in denied
            doc._.homeward_blocked = (doc._.homeward_blocked or frozenset()) | denied
        return doc


@Language.factory(NEGATION_FACTORY)
def make_negation(nlp: Language, name: str) -> NegationComponent:
    """spaCy factory: ``nlp.add_pipe("homeward_negation_v1")``."""
    return NegationComponent(nlp, name)
