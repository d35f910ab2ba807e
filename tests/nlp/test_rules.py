"""Theme rules: per-theme positives in varied voices, spans, relationship vs adult."""

from __future__ import annotations

import pytest

from nlp.rules import Rule, all_rules, expand
from nlp.tagger import tag, tag_many
from nlp.taxonomy import THEME_IDS

POSITIVES = [
    # boundaries
    ("boundaries", "YP ran off after being grounded for the weekend"),
    ("boundaries", "mum took my phone off me so i left"),
    ("boundaries", "Dad says she broke curfew again"),
    ("boundaries", "my carers r too strict"),
    ("boundaries", "they wouldnt let me go out wiv my cousin"),
    # family_conflict
    ("family_conflict", "me n my mam had a massive row"),
    ("family_conflict", "YP reports argument with mum about chores"),
    ("family_conflict", "stepdad kicked me out last nite"),
    ("family_conflict", "Parent text: we had words, i told him to get out"),
    # placement
    ("placement", "YP unhappy in placement, asks to move"),
    ("placement", "i hate my foster carer"),
    ("placement", "got a new social worker again"),
    ("placement", "the other residents at the care home wind me up"),
    # peers
    ("peers", "was at a house party with mates"),
    ("peers", "YP stayed at a friend's house"),
    ("peers", "i was chillin at my bestie's"),
    # relationship
    ("relationship", "stayed at my bf's, he's 15"),
    ("relationship", "YP with girlfriend (same year at school)"),
    ("relationship", "went to see my gf cos i missed her"),
    # school
    ("school", "YP excluded for 3 days"),
    ("school", "getting bullied at school so i dont go"),
    ("school", "stressed about my GCSEs"),
    ("school", "had detention again"),
    # mental_health
    ("mental_health", "YP disclosed self-harm, cuts to arms"),
    ("mental_health", "my anxiety is really bad"),
    ("mental_health", "Mum says he has ADHD and struggles"),
    ("mental_health", "low mood reported, CAMHS referral open"),
    # substance_misuse
    ("substance_misuse", "got proper drunk on cider"),
    ("substance_misuse", "YP admits smoking weed daily"),
    ("substance_misuse", "took ket at a party"),
    ("substance_misuse", "Police: YP found intoxicated, smelled of alcohol"),
    # risky_adults
    ("risky_adults", "seen getting lifts from older men"),
    ("risky_adults", "YP has an older boyfriend"),
    ("risky_adults", "my boyfriend is 23 he buys me stuff"),
    ("risky_adults", "Police info: associating with unknown adults at a flat"),
    # cse
    ("cse", "he kept asking for pics"),
    ("cse", "Concerns about sending nudes to adult males online"),
    ("cse", "found in a hotel with a man in his 30s"),
    ("cse", "YP has an older boyfriend"),
    # cce
    ("cce", "went country for a week"),
    ("cce", "YP found in a trap house in another county"),
    ("cce", "was holding packages for them"),
    ("cce", "on tick for 200 quid, had to graft it off"),
    ("cce", "had a burner and a deal line"),
    ("cce", "Police: suspected cuckooing at the address"),
    ("cce", "was OT for 3 days"),
    ("cce", "concerns about county lines"),
    ("cce", "they were plugging"),
    # offending
    ("offending", "arrested for shoplifting at the shopping centre"),
    ("offending", "YP found carrying a knife"),
    ("offending", "got nicked for criminal damage"),
]


@pytest.mark.parametrize(("theme", "text"), POSITIVES)
def test_theme_positive(theme: str, text: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(("theme", "text"), POSITIVES)
def test_evidence_spans_are_character_offsets(theme: str, text: str) -> None:
    result = tag(text)
    assert result.evidence
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.text
        assert ev.theme in THEME_IDS
        assert 0 < ev.score <= 1


def test_themes_sorted_unique_and_multi_label() -> None:
    result = tag("YP went country, was drinking with mates and had a row with mum")
    assert result.themes == sorted(set(result.themes))
    assert {"cce", "substance_misuse", "peers", "family_conflict"} <= set(result.themes)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "YP returned home safely, bus was late.",
        "Routine RHI, nothing of note.",
        "RHI completed at school with YP.",
        "my mum picked me up",
        "killing it at school now lol",
    ],
)
def test_no_theme(text: str) -> None:
    assert tag(text).themes == []


def test_offsets_survive_leading_whitespace_and_emoji() -> None:
    text = "  😢😢 went country again"
    ev = next(e for e in tag(text).evidence if e.theme == "cce")
    assert text[ev.start : ev.end] == "went country"


class TestRelationshipVersusRiskyAdult:
    def test_similar_age_partner_is_relationship(self) -> None:
        result = tag("my bf is 15 hes sound")
        assert "relationship" in result.themes
        assert "risky_adults" not in result.themes

    @pytest.mark.parametrize(
        "text",
        [
            "her boyfriend is 24 and gives her lifts",
            "YP has an older boyfriend",
            "my bf is 19",
            "22 year old boyfriend picks her up",
            "YP says she has a boyfriend. Police note he is 27.",
        ],
    )
    def test_adult_partner_is_risky_not_relationship(self, text: str) -> None:
        result = tag(text)
        assert "risky_adults" in result.themes
        assert "relationship" not in result.themes

    @pytest.mark.parametrize(
        "text",
        [
            "my sister's boyfriend gave me a lift home",
            "stayed at my friends boyfriend's flat",
            "mum's boyfriend was there",
            "YP's brother's girlfriend lives there",
            # with a word between, or said as "has a" (the blockers that also tell
            # the implied-CSE component who a partner belongs to)
            "her sister's new fella picked them both up",
            "my mate Kyle has got a new girlfriend so hes never about",
        ],
    )
    def test_someone_elses_partner_is_not_the_childs_relationship(self, text: str) -> None:
        assert "relationship" not in tag(text).themes


def test_school_as_venue_is_not_school() -> None:
    assert "school" not in tag("Interview held at school, YP chatty").themes
    assert "school" in tag("Interview held at school. YP was excluded last week").themes


def test_kicked_out_of_school_is_school_not_family() -> None:
    result = tag("got kicked out of school")
    assert "school" in result.themes
    assert "family_conflict" not in result.themes


def test_parental_drinking_is_family_not_childs_substance_use() -> None:
    result = tag("my mum drinks every night")
    assert "family_conflict" in result.themes
    assert "substance_misuse" not in result.themes


def test_tag_many_keeps_order() -> None:
    texts = ["went country", "", "grounded", "nothing"]
    assert [r.themes for r in tag_many(texts, batch_size=2)] == [
        ["cce"],
        [],
        ["boundaries"],
        [],
    ]


def test_expand_alternations_and_optionals() -> None:
    assert sorted(expand("(a|b) c( d)?")) == ["a c", "a c d", "b c", "b c d"]


def test_phrase_keys_tokenize_as_the_tokenizer_does() -> None:
    """Phrases are tokenized word by word at start-up (nlp.phrase_keys): every
    rule and negation phrase must come out exactly as spaCy's tokenizer says."""
    from nlp.negation import PSEUDO_TRIGGERS, TRIGGERS
    from nlp.phrase_keys import PhraseKeys
    from nlp.pipeline import get_nlp
    from nlp.rules import dnt_variant, phrases

    nlp = get_nlp()
    texts = {v for r in all_rules() for p in expand_all(r) for v in [p, *dnt_variant(p)]}
    texts |= {p for t in TRIGGERS for p in phrases(*t.templates)} | set(PSEUDO_TRIGGERS)
    texts |= {"don't go  out", " dnt ", "ran off\twith him", "mum's bf's mate"}
    for attr in ("NORM", "LOWER"):
        keys = PhraseKeys(nlp, attr)
        wrong = [
            p
            for p in texts
            if keys.strings(p) != [getattr(t, attr.lower() + "_") for t in nlp.make_doc(p)]
        ]
        assert wrong == [], f"{attr}: {wrong[:5]}"


def expand_all(rule: Rule) -> list[str]:
    return [p for template in rule.phrases.templates for p in expand(template) if p]


def test_every_rule_names_a_known_theme() -> None:
    for rule in all_rules():
        assert rule.theme is None or rule.theme in THEME_IDS
        assert rule.phrases or rule.patterns or rule.cooccur


def test_pipeline_uses_versioned_components() -> None:
    from nlp.pipeline import get_nlp

    nlp = get_nlp()
    assert "homeward_theme_rules_v1" in nlp.pipe_names
    assert "homeward_negation_v1" in nlp.pipe_names
    assert get_nlp() is nlp


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("went on a family holiday and stayed in a hotel", "cse"),
        ("dealing with my anxiety better now", "cce"),
        ("mum is in debt and stressed", "cce"),
        ("its hard graft at college", "cce"),
        ("YP assessed as high risk of going missing", "substance_misuse"),
        ("starting a work placement at the garage", "placement"),
        ("YP was the victim of a robbery", "offending"),
        ("YP disclosed sexual assault", "offending"),
        ("mum said he was out 3 nights in a row", "family_conflict"),
    ],
)
def test_false_friends_do_not_tag(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("taken to a hotel by older men", "cse"),
        ("YP disclosed sexual assault", "cse"),
        ("got caught dealing weed", "cce"),
        ("owes them money from a drug debt", "cce"),
        ("we got so high", "substance_misuse"),
    ],
)
def test_narrowed_cues_still_tag(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    "text",
    [
        "my boyfriend is 21 and picks me up from the home",
        "Daughter (14) has been seen getting into a car driven by a man in his 30s.",
        "this older guy keeps buying me vapes and says i can stay over at his",
    ],
)
def test_an_adult_in_a_childs_romantic_or_gift_giving_life_is_also_cse(text: str) -> None:
    result = tag(text)
    assert {"risky_adults", "cse"} <= set(result.themes)
    [cse] = [e for e in result.evidence if e.theme == "cse"]
    assert text[cse.start : cse.end] == cse.text and cse.text  # evidence on the adult


@pytest.mark.parametrize(
    "text",
    [
        # criminal exploitation: the adult is a CCE "elder", not a sexual risk
        "a man in his 30s drives me out of town to drop bags off",
        # a boy with an adult supplying drink: risky adult, no sexual indicator
        "Son (15) says a man in his twenties bought him and his mates some beers.",
        # denied
        "She has been getting lifts from a man in his 30s. No CSE concerns.",
    ],
)
def test_implied_cse_needs_a_sexual_context_and_no_denial(text: str) -> None:
    assert "cse" not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("my stepmum went proper mental at me over nothing", "family_conflict"),
        ("me n my dad had it out again last night", "family_conflict"),
        ("ever since the baby came i just feel in the way", "family_conflict"),
        ("carers wont let me go to the party on saturday", "boundaries"),
        ("they confiscated my xbox for a fortnight", "boundaries"),
        ("i was meant to be home by 9 but stayed out", "boundaries"),
    ],
)
def test_blind_written_phrasings_of_home_conflict_and_limits(text: str, theme: str) -> None:
    assert theme in tag(text).themes


def test_a_row_with_a_girlfriend_is_not_family_conflict() -> None:
    assert "family_conflict" not in tag("we had a row me and my gf so i went out").themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("One of them was like 22. I thought he rated me", "risky_adults"),
        ("some of the people there were 'like 25 or 30'", "risky_adults"),
        ("she said it was for a man of 35 who she stays with", "risky_adults"),
        ("he said hed share my pics if i dont meet him", "cse"),
        ("he said hed share my pics if i dont meet him", "risky_adults"),
        (
            "MISPER reported by mother following an argument at home regarding phone use",
            "boundaries",
        ),
        ("dad said if i go out again im not welcome back", "boundaries"),
        ("cut again last nite", "mental_health"),
        ("i took too many of my meds last nite", "mental_health"),
        ("lads in yr 11 keep takin my stuff n slappin me", "school"),
        ("He has been missing from school for weeks.", "school"),
        ("had to hold sumthin for sum1 thats all", "cce"),
        ("older boys have been making him 'hold stuff' in his bag", "cce"),
        ("there's this older guy, he pays us a ton for every bike we bring him", "cce"),
    ],
)
def test_sixth_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("we waited like 20 minutes for the bus then walked", "risky_adults"),
        ("Ruby was missing for 5 hours after school. She went to the beach.", "school"),
        ("Child failed to return from school by 16:00; located at an aunt's.", "school"),
        ("Located with a 34-year-old man. She says he is 'just a friend'.", "peers"),
        ("my uncles mate gives me lifts home", "peers"),
        ("just stressed bout exams innit", "mental_health"),
        ("the other girls gang up on her in the lounge", "cce"),
    ],
)
def test_sixth_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("she says the lad is in his early twenties and has a car", "risky_adults"),
        ("Occupants: driver (31) and MISPER", "risky_adults"),
        ("her mates brother, hes prob 24, picks them up", "risky_adults"),
        ("he's thirty odd and keeps messaging her", "risky_adults"),
        ("they want me to do one last drop then im done", "cce"),
        ("told him he has to work off what he owed", "cce"),
        ("he keeps it down his socks when he goes", "cce"),
        ("he had to ring them if he saw the feds", "cce"),
        ("they need me for a run tonight", "cce"),
        ("step dad said if you dont like it you can leave", "family_conflict"),
        ("dad says hes done with me", "family_conflict"),
        ("her mum never showed up to contact", "family_conflict"),
        ("its been chaos at home since xmas", "family_conflict"),
        ("she didnt want to go home after getting told off again", "family_conflict"),
        ("im moving placements again next week", "placement"),
        ("i dont wanna go back to that unit", "placement"),
        ("staff confiscated his ps5 for a week", "boundaries"),
        ("theyve put a rule on me about my phone", "boundaries"),
        ("mum took my bedroom door off", "boundaries"),
        ("home is just too much atm", "family_conflict"),
        ("mum always sides with my stepdad", "family_conflict"),
        ("my mum doesnt get me at all", "family_conflict"),
        ("dad went ballistic when he saw my nose ring", "family_conflict"),
        ("im at my nans till things calm down at home", "family_conflict"),
        ("shes stuck in the isolation room again", "school"),
        ("her attendance has dropped right off", "school"),
        ("the girls at school are being horrible to her", "school"),
        # whose: a parent's mental health or drug use is family pressure
        ("my dads got really bad anxiety and wont leave the house", "family_conflict"),
        ("she lives with mum, who has bipolar", "family_conflict"),
        ("mum is on crack again", "family_conflict"),
        ("her mum came home drunk again", "family_conflict"),
        ("i found weed in her bedroom", "substance_misuse"),
        # exploitation as set G's writer put it
        ("i have to run about for them or they keep my bike", "cce"),
        ("theyve got him on the line all weekend", "cce"),
        ("he was caught with the bits in his pocket", "cce"),
        ("she owes them for a bag of gear that went missing", "cce"),
        ("the older lads got him to nick from the shop", "cce"),
        ("neighbours say people are coming and going at all hours", "cce"),
        ("he keeps telling her shes mature for her age", "cse"),
        ("she woke up with her top off and no memory", "cse"),
        ("one of the men kept trying to get in my room", "cse"),
        ("a CAWN has been issued to the male", "cse"),
    ],
)
def test_seventh_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("my dad is in his forties and works nights", "risky_adults"),
        ("she's like twenty minutes from her nan's", "risky_adults"),
        ("Located in town. Graded low risk.", "mental_health"),
        ("he buys me chips and says im his favourite", "family_conflict"),
        ("sent out of pe again for no kit", "family_conflict"),
        ("kicked out of maths for talking", "family_conflict"),
        ("the school did nothing about the bullying", "family_conflict"),
        ("He was placed in isolation for a day", "placement"),
        ("i dont have to go back to the home till 9", "placement"),
        ("my dads got really bad anxiety and wont leave the house", "mental_health"),
        ("her cousin sells weed from his flat", "substance_misuse"),
        ("his brother was excluded for fighting", "school"),
        ("officers located cocaine and cash in the car", "substance_misuse"),
        ("charged with possession with intent to supply cannabis", "substance_misuse"),
        ("caught shoplifting vodka from the co-op", "substance_misuse"),
        ("we were making bread in food tech", "cce"),
        ("im selling some bits on vinted for my holiday", "cce"),
        ("mum kept me on the phone for ages", "cce"),
        ("he didnt want to go home because he had ripped his blazer", "family_conflict"),
    ],
)
def test_seventh_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # A condition is not a denial.
        ("he says if i dont do the runs for him hell share my pics", "cce"),
        ("if she doesnt hold the package they will hurt her brother", "cce"),
        # A quoted partner's adult age; quoted slang; money as "p"; an extra phone.
        ("She says her 'boyfriend' (aged 27) is picking her up later", "cse"),
        ("She says her 'boyfriend' (aged 27) is picking her up later", "risky_adults"),
        ("YP admitted being asked to carry 'parcels' for an older lad", "cce"),
        ("been out all week makin p", "cce"),
        ("he goes quiet every time his other phone rings", "cce"),
        # An adult partner described in apposition still implies CSE.
        ("she has a boyfriend, a man in his 40s", "cse"),
        # An adult by name and age, as workers and police write it.
        ("Kai is thought to be 19. She owes him money", "risky_adults"),
        ("Skiz (believed 20-22) sends him to another town", "risky_adults"),
        ("he stayed with a 35-year-old woman he met online", "risky_adults"),
        ("Staff say Dev is mid twenties and collects her in his car", "risky_adults"),
        # ... but a partner of her own age stays a relationship.
        ("her boyfriend (16) forced her to have sex when she said no", "relationship"),
        (
            "he kept asking me to send pics. my girlfriend had a bad day so i stayed with her",
            "relationship",
        ),
        # How she seemed is mental health where no one exploits her, and a worker's
        # "presents as" is, even where someone does.
        ("YP was tearful when talking about her nan", "mental_health"),
        (
            "Given drink at a party by older males. She presents as flat and withdrawn",
            "mental_health",
        ),
        # County lines as others wrote it.
        ("went to brum w some ppl for a few days made some p", "cce"),
        ("someone added me on snap saying he could get me work easy money", "cce"),
        ("got nicked n lost the ting n now they want paying", "cce"),
        ("i was mindin sum1s stuff thats all", "cce"),
        # Peers in company.
        ("arrested for criminal damage with three other youths", "peers"),
        # Sexual exploitation is by someone who poses a risk.
        ("someone on snap keeps asking her for nudes", "risky_adults"),
        ("YP disclosed she was sexually assaulted at a house party", "risky_adults"),
    ],
)
def test_eighth_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # A denied or same-age partner does not make the adult in the text a partner.
        ("Police found her at a trap house in another town. She denies having a boyfriend", "cse"),
        ("She says her 'boyfriend' (aged 27) is picking her up later", "relationship"),
        ("YP was with her boyfriend who is in the same year. Seen with a much older man.", "cse"),
        # The model alone may not raise CSE without a word of its context.
        ("RHI done. He is believed to be running for an older male.", "cse"),
        # A family occasion in texting spelling.
        ("we stayed in a hotel for my aunties weddin", "cse"),
        ("she says she does not do any runs for anyone", "cce"),
        # In a text about her exploitation, her "boyfriend" is the adult.
        (
            "Found at the flat of a man aged 31. She says he is her 'boyfriend' and buys her vodka",
            "relationship",
        ),
        ("that man from the car keeps sayin im his gf and wants pics", "relationship"),
        # ... but "distressed" beside her exploitation is not a mental-health theme
        # on its own, nor a police "place of safety".
        (
            "Found at a flat with three adult males who had given her vodka. She was distressed",
            "mental_health",
        ),
        ("Subject taken to a place of safety by officers", "mental_health"),
        # ... not a mum's spare phone, babysitting money or a school trip's cost.
        ("my mum gave me her spare phone cos mine broke", "cce"),
        ("babysitting for my auntie is easy money", "cce"),
        ("they want paying for the school trip by friday", "cce"),
        # Not peers: a family's party, adults' party, the other kids in the home, a
        # group chat.
        ("got overwhelmed at a busy family party and walked home", "peers"),
        ("the other kids in the house keep nicking my stuff", "peers"),
        ("was at a party wiv older guys and dnt remember gettin home", "peers"),
        ("he shared screenshots of her messages to a group chat", "peers"),
        # A lift, a phone, cash or alcohol from an adult is a risky adult, not CSE
        # on its own.
        ("my daughter said a man offered her a lift home as it was raining", "cse"),
        ("the olders give me a phone n i gotta keep it on", "cse"),
        # Texting "da" has the norm "the": it is not domestic abuse or a dad.
        ("she sold her old PS4 online and mum has seen the listings", "family_conflict"),
        ("i said no going out until she sees the doctor", "family_conflict"),
        # A relative's age, a birthday, opening hours.
        ("Aunty Jo (42) collected her from the station", "risky_adults"),
        ("Ellie is 18 today and we went out for tea", "risky_adults"),
        ("Tesco is 24 hours so we went there", "risky_adults"),
        # ... unless a denial covers the adults.
        ("She denies contact with any adults. She sent pictures to someone online", "risky_adults"),
        (
            "no concerns about older males, but a boy in her year keeps asking for nudes",
            "risky_adults",
        ),
    ],
)
def test_eighth_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # A couple's ups and downs without a partner word.
        ("she cheated on me so im done", "relationship"),
        ("me and Kacey broke up on sunday and i just walked", "relationship"),
        ("we split up last week and ive been a mess", "relationship"),
        ("weve been together since year 9", "relationship"),
        # A partner within two years of the child, by the taxonomy.
        ("my boyfriend is 19 and im 17, mum knows him", "relationship"),
        ("Female aged 16 located at boyfriend's (18) flat. Safe and well. NFA.", "relationship"),
        # ... but not a much younger child.
        ("my bf is 19 and im 13, he picks me up from school", "cse"),
        ("my bf is 19 and im 13, he picks me up from school", "risky_adults"),
        # A closing "No concerns." denies only what went before it.
        ("No concerns. Later YP said her boyfriend is 26 and buys her vodka.", "risky_adults"),
        # The child's offences said plainly.
        ("me n my cousin took a car for a joyride", "offending"),
        ("caught spraying graffiti on the bus shelter", "offending"),
        ("I punched a lad who was mouthing off outside the chippy", "offending"),
        ("Arrested and released under investigation after threats from unknown males", "offending"),
        # Mental health said indirectly.
        ("my head is so loud at night", "mental_health"),
        ("everything just feels heavy at the moment", "mental_health"),
        ("she says she hears voices that are not there", "mental_health"),
        ("i dont see the point of anything tbh", "mental_health"),
        ("not been sleeping properly since the move", "mental_health"),
        ("cant be bothered getting out of bed most days", "mental_health"),
        ("Fresh cuts to both forearms, stated to be self-inflicted", "mental_health"),
        ("Young person had fallen out with her dad over curfew", "family_conflict"),
        # Company of the child's own age said plainly.
        ("went to the beach with two girls from year 9", "peers"),
        ("was at my boy's yard all weekend", "peers"),
        ("Located at the home of a teammate, whose parents were aware.", "peers"),
        ("me and a couple of lads off the estate robbed a bike", "peers"),
        # Home said indirectly: nagging, a new partner moving in, a divorce, a
        # parent's drink or illness.
        ("nah just my dad going on about my room again", "family_conflict"),
        ("couldnt face going home and getting shouted at", "family_conflict"),
        ("Since the divorce he has been a different boy", "family_conflict"),
        ("mums boyfriend moved in last week and i have to share a room", "family_conflict"),
        ("she has a drink and then she says stuff", "family_conflict"),
        ("mum is in bed most days so i do everything", "family_conflict"),
        # An adult's gifts to a group still make him a risky adult.
        ("theres a man at the park who gives us weed", "risky_adults"),
        # Adults by a car or a name and age; recruited and kept (blind set J).
        ("she gets picked up by some lads in a car most nights", "risky_adults"),
        ("Jordan's at least 21 and keeps turning up for her", "risky_adults"),
        ("lads from the next town keep asking if i want work", "cce"),
        ("they took me to some flat and i had to stay there 3 days", "cce"),
        # Ages written "y/o" (three tokens); sets K and L said plainly.
        ("she has been seeing a 29 y/o man from work", "cse"),
        ("the number belongs to a 35 y/o male", "risky_adults"),
        ("this is my sixth home, why would i unpack", "placement"),
        ("sw changed again thats my 4th this year", "placement"),
        ("its too loud in the home with 4 other kids", "placement"),
        ("they only let me see her once a fortnight", "placement"),
        ("slept at my mates cos my mams been on one", "family_conflict"),
        ("he said im not his son anymore", "family_conflict"),
        ("my mum got sectioned last month", "family_conflict"),
        ("I cannot manage her any more, she hits me", "family_conflict"),
        # Drugged and moved; an adult after her Snapchat.
        ("they gave me drinks and i woke up in a flat i didnt know", "cse"),
        ("an older guy gave me a lift and a tenner and asked for my snap", "cse"),
    ],
)
def test_ninth_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("the band broke up years ago", "relationship"),
        ("my boyfriend is 19 and im 17, mum knows him", "risky_adults"),
        ("my boyfriend is 19 and im 17, mum knows him", "cse"),
        # A sentence of its own that closes the question of exploitation.
        (
            "Seen getting into a car with an older male. Established it was her grandad. NFA.",
            "risky_adults",
        ),
        (
            "Neighbour saw YP dropped home by an older man; this was her stepbrother, who is "
            "17. No adults of concern. YP had argued with mum.",
            "cse",
        ),
        ("Returned in a taxi with an unknown male driver booked by the home. No concerns.", "cse"),
        # Someone else's arrest, or the child as victim, is not the child's offence.
        ("Male arrested.", "offending"),
        ("her boyfriend (17) has been remanded, she is gutted", "offending"),
        ("Mum's partner arrested for assault on mum during the incident", "offending"),
        ("Low since the assault last month. YP was the victim.", "offending"),
        ("mental health is fine thanks, just needed space", "mental_health"),
        # Someone else thrown out, a friend's side, a regretted night out.
        ("my brother got kicked out last year, not me", "family_conflict"),
        ("fell out with my best mate and everyone took her side", "family_conflict"),
        ("the party was a mistake tbh", "family_conflict"),
        # An adult at home drinking, the child's own use denied in so many words.
        ("mums partner smokes weed in the house every night", "substance_misuse"),
        ("my ex turned up drunk at the door again", "substance_misuse"),
        ("YP denies drinking herself; the older lads had vodka", "substance_misuse"),
        # An adult buying a child cigarettes, or cars with men, is a risky adult;
        # the taxonomy's CSE needs more.
        ("this older man buys me fags", "cse"),
        ("She is getting into cars with grown men.", "cse"),
        ("it was just me n my cuz at maccies", "peers"),
        # Adults in their roles, older children, a screening with no concerns.
        ("my stepmum paid for my nails for prom", "risky_adults"),
        ("dad was picking her up from the station after", "risky_adults"),
        ("he doesnt fit in with the older lads in the house", "risky_adults"),
        ("my bf is 2 yrs older than me hes 17", "risky_adults"),
        ("CSE screening tool completed: low risk, no CSE concerns. Was at a mate's.", "cse"),
        # Where the council placed her.
        ("Emergency placement in a B&B after the foster placement ended", "cse"),
    ],
)
def test_ninth_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # Criminal exploitation as blind sets M and N put it: a lookout, a paid trip,
        # a debt for goods taken, a flat to sell from, a busy line, voice-to-text.
        ("they had me at the end of the street to whistle if the feds came", "cce"),
        ("a lad said i can make 100 quid a day if i go to Exeter", "cce"),
        ("i owe this lad now cos the stuff got nicked off me", "cce"),
        ("im scared of the man i owe so i stayed out", "cce"),
        ("some lads are using her flat to deal from", "cce"),
        ("nitties calling his line all night", "cce"),
        ("worried its county lions tbh", "cce"),
        ("been going to Devon and coming back with money", "cce"),
        ("he was bagging up in his room", "cce"),
        # Friends in dialect; a parent's rows; parents rowing in front of her.
        ("stopped at my marras till sunday", "peers"),
        ("was oot wi the lasses", "peers"),
        ("we have had some rows over his phone", "family_conflict"),
        ("then they had a blazing row in the street", "family_conflict"),
        # A screening outcome denies only up to its own sentence.
        ("CSE screening at last RHI: low. Since then a man of 30 has asked her for nudes.", "cse"),
        ("CSE risk graded HIGH. No concerns about school.", "cse"),
        ("CSE: negative experiences with older men who give her lifts.", "cse"),
        # A new subject after a comma ends even a long denial.
        ("No concerns about exploitation, she was at her friends all night", "peers"),
        # The placement as set P put it: contact, staff who keep changing, residents.
        ("the contact worker wrote down everything i said to my son", "placement"),
        ("Carer here, is friday's contact still on?", "placement"),
        ("contact with his sister would not go ahead again", "placement"),
        ("they only let us see our boy once a month", "placement"),
        ("agency staff keep changing, i dont know anyone", "placement"),
        ("the older boys here take my stuff", "placement"),
        ("a girl who moved in last week keeps starting on me", "placement"),
        # Mental health said of someone else, or with a number; school said plainly.
        ("her mum says she wants to die", "mental_health"),
        ("He talks about not wanting to be here.", "mental_health"),
        ("had taken 20 tablets and some vodka", "mental_health"),
        ("she hasn't slept for 4 nights", "mental_health"),
        ("i cut when it gets too much", "mental_health"),
        ("the voices in my head got louder", "mental_health"),
        ("drinking is the only thing that helps me cope", "mental_health"),
        ("they put him on half days after christmas", "school"),
        ("couldnt face college so i went to town", "school"),
        ("i keep getting sent out for talking", "school"),
        # Rules said plainly; going anyway; rejection and parents at odds (set Q).
        ("she knew she wouldnt be allowed so she didnt ask", "boundaries"),
        ("the home has a no sleepovers policy so i stayed at hers anyway", "boundaries"),
        ("i told her she was not to see him and she went anyway", "boundaries"),
        ("mum wont let me ring my dad", "boundaries"),
        ("my carers took my phone and xbox", "boundaries"),
        ("the rules here r stupid", "boundaries"),
        ("his dad has not spoken to him since christmas", "family_conflict"),
        ("her dad is turning her against me", "family_conflict"),
        ("my family dont care about me", "family_conflict"),
        ("everyone at home was shouting so i went out", "family_conflict"),
        # A partner kept away by a rule, or sneaked out to; a named child's age.
        ("mum found out shes been sneaking out to see a boy", "relationship"),
        ("staff say he cant see his girlfriend after 8", "relationship"),
        ("no seeing her boyfriend on school nights, thats the rule", "relationship"),
        ("Amy's boyfriend is 18; Amy is 17. Families aware.", "relationship"),
        ("my gf is like a year older than me", "relationship"),
        # Someone else's partner who grooms the child is still CSE.
        ("my sisters boyfriend (26) bought me clothes and says come round when shes out", "cse"),
    ],
)
def test_tenth_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # Screening and strategy outcomes in professionals' notes (blind set M).
        ("CCE screening came back low. Missing linked to rows at home.", "cce"),
        ("Negative screening for CSE and CCE. She missed the bus.", "cse"),
        ("Screening 02/03: CCE \u2013 no concerns. Went to a party.", "cce"),
        ("CSE and CCE considered at strategy; no evidence of exploitation found.", "cse"),
        ("CSE/CCE screening done. Both low, no indicators.", "cce"),
        ("CSE concerns no longer present; closed to the panel.", "cse"),
        ("Seen with lots of cash; it was birthday money. No CCE concerns.", "cce"),
        ("Seen with an older male. Outcome: no concerns, NFA.", "risky_adults"),
        ("Asked about older men \u2013 'no'. Asked about school \u2013 'fine'.", "risky_adults"),
        ("Strategy held: no indicators of criminal exploitation or county lines.", "cce"),
        ("nobody is grooming me, he is in my year", "cse"),
        # Relatives and their ages; adult "friends"; a word of address.
        ("my cousin sam gave me a lift home after, hes 24", "risky_adults"),
        ("my big brother collects me from the youth centre on fridays hes 22", "risky_adults"),
        ("my friend dan is 25 and we talk on snap", "peers"),
        ("mum says a 'friend' bought her the trainers", "peers"),
        ("no ta mate", "peers"),
        # A parent's ex; a boyfriend denied; a partner a year older (set Q).
        ("her ex-husband lets her stay up till 2", "relationship"),
        ("this has nothing to do with a boyfriend", "relationship"),
        ("my bf is a year older than me, thats all", "risky_adults"),
        ("Amy's boyfriend is 18; Amy is 17. Families aware.", "cse"),
        # Someone else's adult partner, with no grooming of the child (set Q).
        ("My sister's boyfriend is like 25, a bit dodgy, but I never see him.", "cse"),
        ("Dad's girlfriend is like 26 and she tells me what to do.", "cse"),
        ("My friend Mia has a boyfriend who's 23 and she wanted me to meet his mates.", "cse"),
        # Thrown out is not a rule: "told him not to come back".
        ("Stepdad told him not to come back and threw his stuff out.", "boundaries"),
        # Hungry, not low: "hadn't eaten in two days" (blind set M).
        ("He stole food because he hadn't eaten in two days.", "mental_health"),
        # A kinship carer named as who is writing.
        ("Kinship carer (nan) reports she came home at 10pm, fine.", "placement"),
        # Held somewhere or robbed: no grounding, no sanction.
        ("She was kept in a flat for two days by the men.", "boundaries"),
        ("older boys in the park took his phone", "boundaries"),
    ],
)
def test_tenth_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # Eleventh round (blind sets S and T): trafficking debts, a man at a child's bed,
        # parents' drinking and new partners as relatives put them.
        ("found at a cannabis farm in a terraced house in Leeds", "cce"),
        ("he had to water the plants and could not leave", "cce"),
        ("they told her she must pay back the cost of her journey", "cce"),
        ("she says her stepdad comes into her room at night", "cse"),
        ("her mother is an alcoholic and it's got worse", "family_conflict"),
        ("everything changed when her dad's new girlfriend moved in", "family_conflict"),
        ("my stepmum treats me like a servant", "family_conflict"),
        ("he says he doesn't belong in his own home", "family_conflict"),
        # missing together with other residents; in after curfew, said with a negative
        ("found in the park with two other residents", "peers"),
        ("CCTV shows her leaving with resident C", "peers"),
        ("he wasn't back before curfew again", "boundaries"),
        # school as teachers and parents put it
        ("Form tutor: attendance is 72% this half term.", "school"),
        ("they keep sending her out of class", "school"),
        ("he got jumped in the playground at lunch", "school"),
        # a parent's anger or rejection in a child's own words (set V)
        ("my dad said he wishes he never had me", "family_conflict"),
        ("mums stressed and she takes it out on me", "family_conflict"),
        ("her boyfriend says im not his responsibility", "family_conflict"),
        ("i cant live with my stepdad any more", "family_conflict"),
        ("she slaps me when she's drunk", "family_conflict"),
        ("he chucked my clothes out in the street", "family_conflict"),
        # drink, weed and the child's head in their own words (set V)
        ("we had a couple of tins by the canal", "substance_misuse"),
        ("just smoking bud at the park", "substance_misuse"),
        ("i'd had way too much to drink", "substance_misuse"),
        ("i get these thoughts at night", "mental_health"),
        ("sometimes i just go blank and end up somewhere", "mental_health"),
        ("i need to talk to someone about my head", "mental_health"),
        ("me n two others went to the woods", "peers"),
        # younger children and their parents (set X)
        ("she says she feels invisible at home", "family_conflict"),
        ("everyone at home is always arguing", "family_conflict"),
        ("he fell out with his stepdad again", "family_conflict"),
        ("my dad called me a liar in front of my friends", "family_conflict"),
        ("the lads dared him to jump off the wall", "peers"),
        ("at my best frend's house", "peers"),
        ("the year 10s took his phone and laughed", "school"),
        ("he has struggled since the move to secondary", "school"),
        ("nobody in my class talks to me", "school"),
        ("the girls in her form made a group chat about her", "school"),
        # carers and relatives (set T): searches, exam stress, coming back wrecked,
        # pints bought for a child, a car taken without permission
        ("his phone shows he googled how many tablets would kill you", "mental_health"),
        ("it's exam stress, her mocks start Monday", "mental_health"),
        ("she comes home steaming most Fridays", "substance_misuse"),
        ("his uncle bought him pints at the pub", "substance_misuse"),
        ("he took his dad's car without permission", "offending"),
        # children often missed (set S): violence to mum, rejection, panic, numbness
        ("he tried to stop her boyfriend hitting her", "family_conflict"),
        ("his stepdad said he won't have that under his roof", "family_conflict"),
        ("mum says she's not having her back", "family_conflict"),
        ("my dads back on the drugs", "family_conflict"),
        ("she says she doesn't feel anything any more", "mental_health"),
        ("he gets these waves of panic at night", "mental_health"),
        ("i feel like im drowning", "mental_health"),
        ("he keeps waking up screaming", "mental_health"),
    ],
)
def test_eleventh_round_phrasings(text: str, theme: str) -> None:
    assert theme in tag(text).themes


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # A bag of one's own things; an occupational therapist; nothing worrying on a
        # phone; an asylum hotel; a woman who lets children drink is a risky adult only.
        ("he left at night with a bag packed and his coat", "cce"),
        ("OT referral made for a sensory assessment", "cce"),
        ("mum checked and there was nothing on her phone that worried her", "cse"),
        ("he was moved from the asylum hotel to a foster placement", "cse"),
        ("a woman in her 40s lets her friends drink at her flat", "cse"),
        # in on time; friends asked where she is, or grieved; a fight with a resident
        ("Quiet night, all YP in by curfew.", "boundaries"),
        ("she came in ten minutes before curfew, chatty", "boundaries"),
        ("carer rang round her usual friends but no one had seen her", "peers"),
        ("he has been low since his best mate died last year", "peers"),
        ("missing after a row with another resident over the remote", "peers"),
        ("attendance is 97% and she is doing well", "school"),
        ("she has been really low since her dad left", "family_conflict"),
        ("joint RHI with her social worker", "substance_misuse"),
        ("if my dad stopped drinking", "substance_misuse"),
        ("she went to a party with some year 10s", "school"),
        ("back late from the school trip, coach delayed", "school"),
        # plugging is CCE; new faces in a home are not risky adults; a screening list
        # answered for all of its topics (set W)
        ("found with wraps of heroin in his underwear at the station", "cse"),
        ("I'm stuck in this home with people I don't know.", "risky_adults"),
        ("Considered: CSE, CCE, missing from school. No indicators for any of these.", "cse"),
        ("Considered: CSE, CCE, missing from school. No indicators for any of these.", "cce"),
        ("Risks considered: older associates, cash, phones. None present.", "risky_adults"),
        ("her mum rang the home drunk and shouting", "substance_misuse"),
        ("I said not while he's under my roof.", "family_conflict"),
        # an adult who pays children to carry or sells with them is a CCE elder, not CSE
        ("a man in his 30s asked if we wanted money for carrying stuff to Leeds", "cse"),
        ("i was with some older heads in a flat doing bits", "cse"),
    ],
)
def test_eleventh_round_false_friends(text: str, theme: str) -> None:
    assert theme not in tag(text).themes


def test_a_list_of_risks_answered_none_denies_only_up_to_the_answer() -> None:
    note = (
        "Risks considered: older associates, cash. None present. "
        "Since then a man of 30 gives her lifts."
    )
    assert "risky_adults" in tag(note).themes
    assert "risky_adults" in tag("Risks identified: older associates, cash. Referral made.").themes


def test_matcher_gates_never_skip_a_pattern_that_would_match() -> None:
    """The theme rules run a token Matcher only when the text holds a gate word and
    a word for every required position of one of its patterns: on every dev text,
    each Matcher that would find a match is one of those run."""
    import json

    from nlp.corpus import DEV_PATH
    from nlp.pipeline import THEME_RULES_FACTORY, get_nlp

    nlp = get_nlp()
    rules = nlp.get_pipe(THEME_RULES_FACTORY)
    texts = [json.loads(line)["text"] for line in DEV_PATH.read_text().splitlines() if line]
    matched = skipped = 0
    for doc in nlp.pipe(texts):
        run = {id(m) for m in rules.matchers_for(doc)}
        for group in rules.groups:
            if group.matcher(doc):
                assert id(group.matcher) in run, (doc.text, group.rule_id)
                matched += 1
            skipped += id(group.matcher) not in run
    assert matched and skipped > 0.9 * len(texts) * len(rules.groups)


def test_every_token_pattern_is_valid() -> None:
    """The theme rules build their Matchers without spaCy's pattern validation (it
    cost start-up time); this checks every pattern against spaCy's schema instead."""
    from spacy.matcher import Matcher

    from nlp.pipeline import THEME_RULES_FACTORY, get_nlp

    nlp = get_nlp()
    rules = nlp.get_pipe(THEME_RULES_FACTORY)
    checked = 0
    for group in rules.groups:
        Matcher(nlp.vocab, validate=True).add(group.rule_id, group.patterns)
        checked += len(group.patterns)
    assert checked > 1000
