"""Words for the demo data: invented names, places and interview narratives.

Every person here is invented. Places are public ones (bus stations, parks,
town centres) or generic descriptions ("friend's house, Kirkby"), never an
address. Narratives are built from fragments in several voices (worker
shorthand, the child's own words, police information, parents' and carers'
messages) so that hundreds of records read differently while their words
match the themes recorded with them, including the denials ("no CSE concerns")
that must *not* carry a theme.

Fragments are ``str.format`` templates; ``rhi.demo_records`` fills the slots
(pronouns, carer, towns, found place...) for each child and episode.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

# ---------------------------------------------------------------- names

GIVEN_NAMES_FEMALE = (
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Ella", "Evie", "Poppy", "Daisy", "Millie", "Chloe", "Jessica", "Holly",
    "Lacey", "Macey", "Jade", "Courtney", "Paige", "Shannon", "Megan", "Leah", "Caitlin", "Demi",
    "Tia", "Keira", "Ellie-May", "Lexi", "Maddison", "Skye", "Bethany", "Niamh", "Amber",
    "Aaliyah", "Zara", "Layla", "Maryam", "Aisha", "Nadia", "Zuzanna", "Wiktoria", "Kayla",
    "Tegan", "Summer", "Scarlett", "Harriet", "Phoebe", "Erin", "Abbie", "Brooke", "Libby",
    "Esme", "Kacey", "Precious", "Imani", "Hollie", "Kelsey", "Jasmine", "Ruby",
)  # fmt: skip
GIVEN_NAMES_MALE = (
    "Oliver", "George", "Noah", "Leo", "Jack", "Charlie", "Alfie", "Freddie", "Archie", "Theo",
    "Oscar", "Jacob", "Mason", "Riley", "Kian", "Tyler", "Kai", "Reece", "Callum", "Connor",
    "Bailey", "Brandon", "Jayden", "Kyle", "Liam", "Ethan", "Lewis", "Owen", "Dylan", "Logan",
    "Finley", "Tommy", "Ashton", "Jake", "Ryan", "Kaden", "Corey", "Harvey", "Louie", "Ollie",
    "Ibrahim", "Yusuf", "Adam", "Zain", "Hamza", "Kacper", "Jakub", "Filip", "Kwame", "Malachi",
    "Joshua", "Nathan", "Aaron", "Bradley", "Lucas", "Jenson", "Declan", "Mikey", "Rhys",
    "Tristan", "Denzel", "Harley", "Kobe",
)  # fmt: skip
GIVEN_NAMES_NEUTRAL = ("Alex", "Jordan", "Sam", "Ash", "Frankie", "Jamie", "Rowan", "Ellis")

FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "white": (
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Wilson",
        "Johnson",
        "Walker",
        "Wright",
        "Robinson",
        "Thompson",
        "White",
        "Hughes",
        "Edwards",
        "Green",
        "Hall",
        "Wood",
        "Harris",
        "Clarke",
        "Jackson",
        "Turner",
        "Hill",
        "Cooper",
        "Ward",
        "Morris",
        "Moore",
        "King",
        "Watson",
        "Baker",
        "Harrison",
        "Allen",
        "Marshall",
        "Bennett",
        "Shaw",
        "Holmes",
        "Mills",
        "Hardy",
        "Pearson",
        "Brooks",
        "Dawson",
        "Fletcher",
        "Gibson",
        "Bailey",
        "Barker",
        "Booth",
        "Chapman",
        "Dixon",
        "Ellis",
        "Foster",
        "Gregory",
        "Hartley",
        "Hodgson",
        "Howard",
        "Hudson",
        "Kemp",
        "Lister",
        "Mason",
        "Naylor",
        "Parkin",
        "Pickering",
        "Rowley",
        "Sheppard",
        "Slater",
        "Stevenson",
        "Towle",
        "Unwin",
        "Wainwright",
        "Wheatley",
        "Whitehead",
        "Woodward",
        "Burrows",
        "Sissons",
        "Radford",
        "Bestwick",
        "Hardwick",
        "Nowak",
        "Wozniak",
        "Mazur",
        "Popescu",
        "Ionescu",
        "Kerr",
        "Doyle",
        "Gallagher",
    ),
    "mixed": (
        "Campbell",
        "Francis",
        "Thomas",
        "Walker",
        "Robinson",
        "Clarke",
        "Bennett",
        "Grant",
        "Johnson",
        "Hall",
        "Green",
        "Morris",
        "Brown",
        "Lewis",
    ),
    "asian": (
        "Khan",
        "Hussain",
        "Ahmed",
        "Ali",
        "Patel",
        "Akhtar",
        "Mahmood",
        "Iqbal",
        "Rahman",
        "Shah",
        "Begum",
        "Chowdhury",
        "Sharma",
        "Kaur",
    ),
    "black": (
        "Okafor",
        "Mensah",
        "Campbell",
        "Williams",
        "Thomas",
        "Francis",
        "Boateng",
        "Adeyemi",
        "Osei",
        "Grant",
        "Clarke",
        "Johnson",
    ),
    "other": ("Nguyen", "Haddad", "Rahimi", "Mohammed", "Yilmaz", "Ibrahim", "Chen", "Silva"),
}

# Pairs from the lists above that would name a well-known person (or character).
NOT_THESE_NAMES = frozenset(
    {
        "Adam Johnson", "Adam Smith", "Alex Jones", "Callum Wilson", "Charlie Brown",
        "George Harrison", "Grace Jones", "Harley Quinn", "Jack Harrison", "Jack Johnson",
        "Kyle Walker", "Lily Allen", "Nathan Jones", "Ryan Mason", "Sam Smith",
        "Tommy Robinson", "Owen Wilson", "Jack White", "Ryan Thomas", "Olivia Williams",
        "Sam Thompson", "Tyler Walker",
        "Aaron Ramsey", "Declan Rice", "Mason Greenwood", "Reece James", "Harvey Elliott",
        "Jordan Henderson", "Tyler Adams", "Lewis Hall", "Ash Ketchum", "Ellis Bell",
    }
)  # fmt: skip

# ONS 2021 broad ethnic groups (England and Wales), as a case system might hold them.
ETHNIC_GROUPS: dict[str, str | None] = {
    "white": "White",
    "mixed": "Mixed or Multiple ethnic groups",
    "asian": "Asian or Asian British",
    "black": "Black, Black British, Caribbean or African",
    "other": "Other ethnic group",
    "not_known": None,
}

# ---------------------------------------------------------------- places


class DistrictWords:
    """One district's towns, invented schools and where children are found."""

    def __init__(
        self,
        towns: Sequence[str],
        schools: Sequence[str],
        places: Mapping[str, int],
    ) -> None:
        self.towns = tuple(towns)
        self.schools = tuple(schools)
        # Public places, weighted: the heavy ones are the district's hotspots.
        self.places = dict(places)


DISTRICT_WORDS: dict[str, DistrictWords] = {
    "ashfield": DistrictWords(
        ("Sutton-in-Ashfield", "Kirkby-in-Ashfield", "Hucknall", "Huthwaite"),
        ("Oakfield Academy", "Sutton Brook Academy", "Kirkby Vale School", "Larkfield Academy"),
        {
            "Sutton-in-Ashfield market square": 10,
            "Kings Mill Reservoir car park": 9,
            "Kirkby-in-Ashfield bus station": 4,
            "Hucknall town centre": 3,
            "Idlewells shopping centre, Sutton": 2,
        },
    ),
    "mansfield": DistrictWords(
        ("Mansfield", "Mansfield Woodhouse", "Forest Town", "Pleasley"),
        (
            "Mansfield Heath Academy",
            "St Aidan's Catholic Academy",
            "Woodhouse Park Academy",
            "Carrbank School",
        ),
        {
            "Mansfield bus station": 14,
            "Mansfield town centre": 6,
            "Titchfield Park, Mansfield": 3,
            "Berry Hill Park, Mansfield": 3,
            "Mansfield railway station": 2,
        },
    ),
    "bassetlaw": DistrictWords(
        ("Worksop", "Retford", "Harworth", "Carlton in Lindrick"),
        ("Chesterwood Academy", "Bramblegate Academy", "Idle Valley School"),
        {
            "Worksop retail park": 9,
            "Worksop bus station": 4,
            "Retford market square": 3,
            "Canch park, Worksop": 2,
        },
    ),
    "newark-and-sherwood": DistrictWords(
        ("Newark", "Ollerton", "Clipstone", "Rainworth", "Southwell"),
        ("Castlegate Academy", "Sherwood Vale Academy", "Thornbury Oak School"),
        {
            "Newark bus station": 5,
            "Newark Castle gardens": 4,
            "Ollerton town centre": 3,
            "Sherwood Pines car park": 2,
        },
    ),
    "gedling": DistrictWords(
        ("Arnold", "Carlton", "Netherfield", "Calverton"),
        ("Arnwood Academy", "Carlton Fields School", "Hollybrook Academy"),
        {
            "Nottingham city centre": 7,
            "Arnold town centre": 4,
            "Netherfield retail park": 3,
            "Carlton railway station": 2,
        },
    ),
    "broxtowe": DistrictWords(
        ("Beeston", "Stapleford", "Eastwood", "Kimberley"),
        ("Beechdale Academy", "Stapleford Vale School", "Eastwood Hill Academy"),
        {
            "Beeston interchange": 5,
            "Nottingham city centre": 5,
            "Stapleford town centre": 3,
            "Eastwood skate park": 2,
        },
    ),
    "rushcliffe": DistrictWords(
        ("West Bridgford", "Bingham", "Radcliffe-on-Trent", "Cotgrave", "Keyworth"),
        ("Bridgford Park Academy", "Bingham Meadows School", "Cotgrave Fields Academy"),
        {
            "Nottingham city centre": 5,
            "Bingham market place": 3,
            "Central Avenue, West Bridgford": 3,
            "Trent riverside, West Bridgford": 2,
        },
    ),
}

# Where children at risk of criminal exploitation turn up ("going country").
OUT_OF_AREA = (
    "Lincoln city centre",
    "Skegness seafront",
    "Boston bus station",
    "Grantham railway station",
    "Chesterfield town centre",
    "Doncaster interchange",
    "Sheffield city centre",
    "Derby bus station",
)

EDUCATION_OTHER = (
    "Pathways alternative provision",
    "Meadowbank pupil referral unit",
    "home educated",
    "not in education, employment or training",
)
COLLEGE = "Trentside College"

CHILDRENS_HOMES = (
    "Willow House children's home",
    "Brambles children's home",
    "Larch Lodge children's home",
    "Hawthorn View children's home",
    "Meadowside children's home",
    "Rowan Court children's home (private provider)",
)
FOSTERING_PROVIDERS = (
    "in-house fostering service",
    "Brightpath Fostering (independent agency)",
    "Harbour Foster Care (independent agency)",
    "Northlight Family Placements (independent agency)",
)
SEMI_INDEPENDENT = ("Elm Yard supported accommodation", "Riverside semi-independent flats")

ADULT_NICKNAMES = ("T", "Kaz", "J", "Dee", "Smithy", "Ty", "Rico", "Mack", "Benny", "Zee", "Dre")
CURFEWS = (("8", "20:00"), ("9", "21:00"), ("half 9", "21:30"), ("10", "22:00"))
ITEMS = ("phone", "xbox", "PS5", "laptop", "vape", "pocket money", "tablet", "headphones")
DRINKS = ("vodka", "cider", "cans", "WKD", "rum")
DRUGS = ("weed", "ket", "a pill", "weed")

# ---------------------------------------------------------------- episode details

FOUND_WITH: dict[str, tuple[str, ...]] = {
    "cse": (
        "An older male (approx. {age})",
        "Two older males, one known to police",
        "An adult male not known to the family",
        "Adult males in a car",
    ),
    "risky_adults": (
        "An older male (approx. {age})",
        "Two older males, one known to police",
        "Adults of concern known to police",
        "A group of adults drinking",
    ),
    "cce": (
        "Two older males, one known to police",
        "Alone, with cash and two phones",
        "An 18-year-old male linked to drug supply",
        "Older teenagers known to police",
    ),
    "peers": (
        "Friends of a similar age",
        "A group of young people",
        "Another young person also reported missing",
    ),
    "placement": ("Another resident from the home", "A relative"),
    "relationship": ("{partner_cap} ({partner_age})",),
    "family_conflict": ("A relative", "A grandparent", "An aunt"),
    "": ("Alone",),
}

HOW_RETURNED_HOME = (
    "Returned of own accord",
    "Returned of own accord",
    "Located by police and taken home",
    "Collected by {carer}",
    "Brought home by a friend's parent",
    "Walked home after police phoned",
)
HOW_RETURNED_CARE = (
    "Returned of own accord",
    "Located by police and returned to placement",
    "Collected by {carer}",
    "Taxi arranged by the placement",
    "Police returned YP to placement",
)
HOW_RETURNED_OUT_OF_AREA = (
    "Located by police out of area and collected by {carer}",
    "Detained by police out of area; collected by the emergency duty team",
    "Put on a train back by police; met by {carer}",
)

# ---------------------------------------------------------------- narratives
# Slots: {sub} {Sub} {obj} {pos} {Pos} {was} (was/were), {carer} (worker's word
# for who looks after the child), {my_carer} (the child's word), {parent} and
# {my_parent} (birth family), {home} (worker's word), {my_home} (child's),
# {town}, {home_town}, {other_town}, {place} (where found), {hangout} (a public
# place nearby), {item}, {curfew} and {curfew_24},
# {age} (an adult's age), {nick}, {friend}, {partner}, {partner_age}, {school},
# {drink}, {drug}, {provider}, {yp_age}.

# Banks are keyed by theme id; two keys are not themes: "neuro" (mental health
# in the words used for autistic and ADHD children) and "" (no theme at all).
WORKER: dict[str, tuple[str, ...]] = {
    "boundaries": (
        "YP stated {sub} left after an argument with {carer} re curfew.",
        "YP reports {sub} went out because {carer} had taken {pos} {item} off {obj} as a "
        "punishment.",
        "YP had been grounded for the weekend and left via the back door once {carer} went to bed.",
        "YP unhappy with the {curfew_24} curfew and says it is too strict for {pos} age.",
        "YP said {sub} left 'to make a point' after being told {sub} could not go into {town} "
        "on Saturday night.",
        "Refused to hand over {pos} {item} at bedtime and walked out when {carer} insisted.",
        "Breached agreed return time of {curfew_24}; YP admits {sub} knew {sub} {was} meant to "
        "be back but chose to stay out.",
        "YP describes the house rules as 'too strict' and says nobody listens to {obj}.",
        "Ongoing dispute about screen time; YP went out when the wifi was switched off.",
        "YP was told {sub} {was} not allowed out after a school report and left anyway.",
        "Left after {carer} stopped {pos} pocket money; YP feels the sanctions are unfair.",
        "YP resents being checked on and said the rules at {home} make {obj} feel like a "
        "little kid.",
    ),
    "family_conflict": (
        "YP disclosed ongoing arguments at home with {parent}; left after being told to 'get out'.",
        "Reports a row with {parent} that became physical (pushing on both sides); YP left to "
        "calm down.",
        "YP says {parent} has been drinking more since the separation and the house is tense.",
        "YP feels pushed out since {parent}'s new partner moved in.",
        "Parents are separated and in conflict; YP walked out after they argued on the doorstep.",
        "YP said {parent} called {obj} 'nothing but trouble' and {sub} felt rejected.",
        "YP has been doing a lot of caring because of mum's poor mental health and says {sub} "
        "'snapped'.",
        "Argument with an older sibling escalated and {parent} took the sibling's side; YP left.",
        "YP reports constant shouting at home and says {sub} cannot remember a good week.",
        "YP says {parent} threatened to put {obj} into care during an argument.",
        "Phone call with {parent} ended in a row and YP left straight afterwards.",
        "Family relationships strained since dad moved out; YP blames {parent} for the split.",
    ),
    "placement": (
        "YP says {sub} hates living at {provider} and wants to go back to {pos} previous "
        "foster carers.",
        "YP has moved placement three times this year and does not see the point of settling.",
        "Conflict with another young person at {provider}, who YP says keeps winding {obj} up.",
        "Contact with {parent} was cancelled again; YP left the placement within the hour.",
        "YP new to {provider} (two weeks) and was trying to get back to {home_town}.",
        "YP frustrated that {pos} social worker has changed again: 'no one stays'.",
        "YP wants to live with {parent} and describes the placement as 'like a prison'.",
        "Placement is a long way from {pos} family; YP was heading back to {home_town}.",
        "YP unhappy at {provider} and says nobody there listens to {obj}.",
        "YP upset after being told at a review that {sub} cannot move back home yet.",
    ),
    "peers": (
        "YP went to a friend's house in {town} and stayed overnight without telling {carer}.",
        "YP went to a party at a friend's in {town} and did not want to leave early.",
        "YP was with {pos} usual friendship group and describes peer pressure to stay out.",
        "Stayed out with friends of a similar age at the park; phone switched off.",
        "Friend ({friend}, same age) was also reported missing; they were together throughout.",
        "YP says {pos} mates were all out and {sub} did not want to be the first to go home.",
        "YP stayed over at {friend}'s; says {friend}'s mum knew but nobody told {carer}.",
        "Peer group in {town} well known to the team; YP spent the evening with them.",
    ),
    "relationship": (
        "YP went to see {pos} {partner} ({partner_age}), who lives in {town}.",
        "YP recently split up with {pos} {partner} and wanted to talk face to face.",
        "Stayed at {pos} {partner}'s house; the {partner}'s family knew but {carer} did not.",
        "YP says {sub} {was} with {pos} {partner} ({partner_age}) and lost track of time on "
        "purpose.",
        "Relationship with a {partner} of the same age; {carer} disapproves and YP went anyway.",
    ),
    "school": (
        "YP is on a fixed-term exclusion from {school} and did not want to face {carer}.",
        "Reports bullying at {school}; messages in a group chat made {obj} not want to go in.",
        "Left after a detention and a phone call home from {school}.",
        "Exam pressure (mocks); YP says {sub} cannot cope with school at the moment.",
        "YP is on a reduced timetable at {school} and has been out most afternoons.",
        "YP was sent home from {school} after an incident with a teacher.",
    ),
    "mental_health": (
        "YP reports low mood and said {sub} needed space from everyone.",
        "Disclosed recent self-harm (superficial cuts); no current intent. CAMHS aware.",
        "YP is anxious and not sleeping; says being out 'clears {pos} head'.",
        "YP said nobody would notice if {sub} {was} gone; safety plan completed with YP.",
        "YP describes panic attacks and walked until {sub} felt calmer.",
        "YP struggling since a bereavement last year and finds evenings hardest.",
    ),
    "neuro": (
        "YP is autistic and says the noise and change at {home} overwhelmed {obj}; left to "
        "find somewhere quiet.",
        "YP has ADHD and acted on impulse; did not think about the time or the worry caused.",
        "Autistic YP found the change of routine hard and walked a familiar route for hours.",
        "ADHD diagnosis; YP says {sub} gets restless at night and 'just goes'.",
    ),
    "substance_misuse": (
        "YP admits drinking {drink} with others at the park.",
        "YP said {sub} had smoked {drug} and did not want to come home stoned.",
        "Used ket at a party; YP says it was the first time.",
        "YP reports drinking most weekends and was drunk when located.",
        "YP smoking cannabis daily and says it helps {obj} sleep.",
    ),
    "risky_adults": (
        "YP was with an older male ({age}) {sub} knows as '{nick}', who picked {obj} up in a car.",
        "Adult male aged about {age} bought YP food and vapes; YP does not see this as a concern.",
        "YP stayed at the flat of an adult {sub} met online.",
        "YP was in the company of adults of concern known to police.",
        "Older males have been offering lifts around {town}; YP got into the car.",
        "YP spent the night at an address of an adult aged about {age}; alcohol was provided.",
    ),
    "cse": (
        "YP disclosed being asked to send nude images by an older male on Snapchat.",
        "Taken to a hotel in {other_town} by a man in his twenties and given alcohol and a new "
        "phone.",
        "YP describes an adult 'boyfriend' ({age}) who buys {obj} gifts and expects things in "
        "return.",
        "CSE concerns: YP had new clothes and a second phone and was vague about who paid.",
        "YP disclosed sexual activity with an adult male at a flat in {town}; police informed.",
        "Online grooming concerns: an adult has been messaging YP late at night and asking "
        "to meet.",
    ),
    "cce": (
        "YP located in {other_town} with cash and two phones; believed to have been going country.",
        "YP says {sub} owes money to older boys after losing a package and has been made to "
        "'work it off'.",
        "Found at a suspected trap house in {other_town}; YP would not say how {sub} got there.",
        "YP was holding a deal-line phone; intelligence suggests links to a county line.",
        "YP asked to keep lookout and carry packages for older males for cash.",
        "Drug debt disclosed; YP says {sub} {was} threatened and told {sub} had to graft to pay "
        "it back.",
    ),
    "offending": (
        "YP arrested for shoplifting in {town} during the episode; released under investigation.",
        "YP involved in criminal damage to a bus shelter with others; police aware.",
        "YP was found carrying a knife and said it was 'for protection'. Arrested.",
        "YP charged with assault following a fight in {town} town centre.",
        "Caught stealing alcohol from a shop in {town}; community resolution.",
    ),
    "": (
        "YP was late back as the bus was cancelled and {pos} phone battery had died. Not a "
        "deliberate absence.",
        "Misunderstanding about arrangements: {carer} thought YP would be back by tea. YP was "
        "at a relative's.",
        "Reported missing when YP did not answer calls; YP was at the library in {town}.",
        "YP fell asleep at a relative's house and nobody let {carer} know.",
        "YP walked to the shops in {town} and lost track of time; no other concerns raised.",
    ),
}

CHILD: dict[str, tuple[str, ...]] = {
    "boundaries": (
        "I just needed to get out, {my_carer} kept going on about my {item}",
        "curfew is {curfew} which is a joke, everyone else is out till 11",
        "they took my {item} off me so I left, simple as",
        "I'm not a baby, I should be allowed out on a Saturday",
        "I knew I'd get grounded anyway so I thought I might as well stay out",
        "{my_carer} said I couldn't go to {town} so I went anyway",
        "the rules are way too strict, I'm {yp_age} not 5",
        "I wasn't going to hand my {item} in at 9 o'clock, no chance",
        "I was only out a couple of hours, they didn't have to ring the police over a curfew",
        "every time I do one thing wrong they ban me from something",
        "I'm sick of being told what to do all the time",
    ),
    "family_conflict": (
        "me and {my_parent} were screaming at each other so I went",
        "{my_parent} said if I didn't like it I could get out so I did",
        "it's always kicking off at home since {my_parent}'s new partner moved in",
        "{my_parent} was drunk again and I couldn't be there",
        "mum and dad just use me to get at each other",
        "nobody at home wants me there anyway",
        "I got blamed for something my brother did and I'd had enough",
        "{my_parent} said I was the reason everything's gone wrong",
        "I can't keep looking after everyone, I needed a break from it",
        "we had a massive row on the phone and I just walked out",
        "home is a nightmare at the minute, everyone shouts",
    ),
    "placement": (
        "I hate it at {my_home}, nobody listens",
        "I just want to go home to my mum",
        "another new social worker, what's the point",
        "they cancelled contact again so why should I stay",
        "the other kids there are always starting on me",
        "I've moved that many times I don't even unpack any more",
        "it's miles from everyone I know",
        "it's like a prison there, you can't do anything",
        "I wanted to see my little sister, they won't let me",
    ),
    "peers": (
        "was at my mate's, we were just chilling",
        "went to a party at {friend}'s and didn't want to leave",
        "all my mates were out so I stayed out",
        "me and {friend} just walked about and went to the park",
        "I slept at {friend}'s, their mum was fine with it",
        "everyone was going and I didn't want to look sad",
        "we were just hanging about at {hangout}, nothing bad",
    ),
    "relationship": (
        "I went to see my {partner}, we're both {partner_age} it's not a big deal",
        "me and my {partner} had broken up and I wanted to sort it out",
        "{my_carer} said I can't see my {partner} so I just go round there anyway",
        "I stayed at my {partner}'s, their family are alright",
    ),
    "school": (
        "got kicked out of school again and knew I'd get grief",
        "people at school keep posting stuff about me",
        "I can't do school right now, everyone's on at me about exams",
        "I got a detention and they rang home so I didn't want to go back",
        "I'm not going back to {school}, they've got it in for me",
    ),
    "mental_health": (
        "my head was all over the place, I just needed quiet",
        "I don't really know why, I just felt rubbish and wanted to be on my own",
        "I can't sleep so I go out walking",
        "sometimes I feel like there's no point to anything",
        "I get panicky and being out helps",
    ),
    "neuro": (
        "too much noise, I can't deal with it when everyone shouts",
        "they changed everything and didn't tell me, I don't like that",
        "I didn't plan it, I just went, I always do stuff like that",
        "my brain doesn't switch off at night so I walk",
    ),
    "substance_misuse": (
        "we had a few drinks in the park that's it",
        "smoked a bit of {drug}, didn't want to come back high",
        "I was drunk, I don't remember half of it",
        "everyone was having {drink} so I did too",
        "{drug} helps me chill out, it's not a big deal",
    ),
    "risky_adults": (
        "his mate drove us about, he's older but he's sound",
        "some guy off Snap said he'd pick me up",
        "{nick} looks after me, he's not like what you lot think",
        "they're older but they're my friends, they buy us food and stuff",
        "I stayed at someone's flat, I don't know his real name",
    ),
    "cse": (
        "he's not a creep he's my boyfriend, he's only {age}",
        "he bought me a new phone and said I owed him",
        "he kept asking for pics and I didn't want to lose him",
        "we went to a hotel, he got me drinks",
        "I didn't want to do stuff but he said that's what girlfriends do",
    ),
    "cce": (
        "went country with some olders, had to hold a phone",
        "I was grafting to pay back what I owed",
        "they sent me to {other_town} on the train, said it was easy money",
        "they gave me a burner and said keep it on",
        "I was just holding stuff for them, I never sold nothing",
        "if I don't do it they'll come to my house",
        "I lost the package and now I owe them",
    ),
    "offending": (
        "I took some stuff from the shop, I know it was stupid",
        "got nicked for fighting, he started it",
        "I had the knife for protection, everyone carries",
        "we smashed a bus stop, it was dumb",
    ),
    "": (
        "my phone died and the bus never came, I wasn't missing on purpose",
        "I was at my nan's, I thought they knew",
        "I just went for a walk, I didn't think anyone would ring the police",
        "it was a mix up, I was at the library",
        "I fell asleep at my auntie's, that's all",
    ),
}

CHILD_OPENERS = (
    "",
    "",
    "",
    "honestly ",
    "to be honest ",
    "idk, ",
    "look, ",
    "I don't know, ",
    "it's not that deep, ",
    "basically ",
)
CHILD_CLOSERS = (
    "",
    "",
    "",
    "",
    " and that's it",
    ", I'm fine now",
    ", I don't want to talk about it more",
    ", I know everyone was worried",
    ", I'll probably do it again if nothing changes",
    ", it won't happen again",
    ", whatever",
    " tbh",
    " lol",
)

PARENT: dict[str, tuple[str, ...]] = {
    "boundaries": (
        "{carer_cap}: {sub} came in at 2am and wouldnt say where, im at my wits end",
        "{carer_cap} says YP will not accept any rules and walks out when challenged.",
        "{carer_cap} texted: took the {item} off them for a week and they went straight out",
        "{carer_cap} feels the curfew is fair and wants YP to stick to it.",
    ),
    "family_conflict": (
        "{carer_cap} acknowledges things have been 'very heated' at home.",
        "{carer_cap}: we just cant have a conversation without it ending in a row",
        "{carer_cap} says YP is angry a lot of the time and it all comes out at home.",
    ),
    "placement": (
        "Staff report YP has been unsettled since the move and is missing {pos} family.",
        "Carer reports YP came back calm and went straight to bed.",
        "Staff report YP gets upset after contact is cancelled.",
    ),
    "peers": (
        "{carer_cap} knows the friend's family and was not worried about the friend, only that YP "
        "did not answer.",
        "{carer_cap} worried about the group YP is hanging around with.",
    ),
    "relationship": (
        "{carer_cap} does not approve of the relationship but says the {partner} is the same age.",
    ),
    "school": ("{carer_cap} says school have been ringing every day and YP refuses to go.",),
    "mental_health": (
        "{carer_cap} worried about YP's mood and has asked for CAMHS support.",
        "{carer_cap}: not been right for weeks, barely eats, stays in {pos} room",
    ),
    "neuro": ("{carer_cap} says changes to routine are very hard for YP.",),
    "substance_misuse": ("{carer_cap} could smell alcohol on YP when they came back.",),
    "risky_adults": (
        "{carer_cap} has seen YP getting into a car with older males.",
        "{carer_cap}: theres a man keeps messaging {obj}, blocked him but he makes new accounts",
    ),
    "cse": ("{carer_cap} found a new phone and expensive clothes in YP's room.",),
    "cce": (
        "{carer_cap} found cash and a second phone; YP will not explain them.",
        "{carer_cap}: people keep knocking at the door asking for {obj}",
    ),
    "offending": ("{carer_cap} says police brought YP back and told them about the arrest.",),
    "": ("{carer_cap} says YP is normally good at letting them know and this was unusual.",),
}

POLICE = (
    "Police: located by officers at {place} at {clock} {with_found}.",
    "Located by officers at {place} {with_found}.",
    "Police log: YP found at {place} ({clock}) {with_found}.",
    "Police information: YP seen at {place} {with_found} and returned by officers.",
    "Per police, YP was found at {place} {with_found}.",
)
POLICE_NO_PLACE = (
    "YP returned of own accord before police located {obj}.",
    "Police closed the report when YP returned on {pos} own.",
)

# Said when a safety theme is absent: the denials the tagger must not mistake.
NEGATIONS: dict[str, tuple[str, ...]] = {
    "cse": (
        "No CSE concerns identified.",
        "No concerns re CSE.",
        "No indicators of sexual exploitation.",
    ),
    "risky_adults": (
        "Denies any contact with adults.",
        "No adults of concern identified.",
        "YP says there were no adults involved.",
    ),
    "cce": (
        "No indicators of criminal exploitation.",
        "Denies carrying anything for anyone; no CCE concerns.",
        "No concerns re county lines.",
    ),
    "all": (
        "No concerns re exploitation.",
        "No evidence of exploitation.",
        "No exploitation concerns identified at this time.",
    ),
}

ANALYSIS: dict[str, tuple[str, ...]] = {
    "low": (
        "Risk assessed as low. YP engaged well and was open about where {sub} went.",
        "YP has good insight and agreed a safety plan.",
        "Low risk; no further action beyond sharing the RHI with the allocated worker.",
        "YP engaged throughout and was able to say what would help.",
    ),
    "medium": (
        "YP guarded during the interview and some answers were vague.",
        "Medium risk. Push factors at home need addressing before this becomes a pattern.",
        "YP engaged for part of the interview; follow-up visit offered.",
        "Worry is escalating; this needs to be held in the child's plan.",
    ),
    "high": (
        "High risk. Exploitation risk assessment to be updated urgently.",
        "Significant concerns: pull factors appear stronger than anything at home.",
        "YP minimises the risks; professionals' meeting needed.",
        "YP at high risk of harm; information shared with the police the same day.",
    ),
    "repeat": (
        "This is one of several recent episodes; pattern to go to the multiple missing panel.",
        "Repeat missing: the same locations and associates keep coming up.",
    ),
    "neuro": (
        "Interview adapted for YP's needs: short, with breaks and visual prompts.",
        "YP's neurodivergence means risks may not be recognised as risks; plan reflects this.",
    ),
}

WANTS: dict[str, tuple[str, ...]] = {
    "boundaries": (
        "To be allowed out till 10 at weekends.",
        "my {item} back",
        "for {my_carer} to trust me a bit more",
        "a later curfew, like everyone else",
    ),
    "family_conflict": (
        "For things to calm down at home.",
        "to stay at my nan's for a bit",
        "for {my_parent} to stop drinking",
        "someone to help us stop arguing",
    ),
    "placement": (
        "to move back nearer {home_town}",
        "to see my mum more",
        "to keep the same social worker for once",
        "to move placement",
    ),
    "peers": ("to be able to stay at my mate's sometimes without it being a big thing",),
    "relationship": ("for people to accept my {partner}",),
    "school": ("to move school", "help so I'm not behind", "for the bullying to stop"),
    "mental_health": ("someone to talk to who isn't police", "to feel normal again"),
    "neuro": ("for people to tell me before things change",),
    "substance_misuse": ("says {sub} will cut down, does not want a referral",),
    "risky_adults": ("for everyone to leave {nick} alone",),
    "cse": ("for everyone to stop going on about my boyfriend",),
    "cce": ("to sort out the money I owe so they leave me alone", "to move away from here"),
    "offending": ("to not get a record",),
    "": ("nothing really, it was a mistake", "no changes needed"),
}

ACTIONS: dict[str, tuple[str, ...]] = {
    "boundaries": (
        "Curfew to be reviewed with {carer} and YP together.",
        "Agreement about phone use to be drawn up with YP.",
    ),
    "family_conflict": (
        "Family mediation session offered.",
        "Early Help worker to visit the family.",
    ),
    "placement": ("Placement stability meeting requested.", "Contact plan to be reviewed."),
    "peers": ("Share with the friend's family via their worker.",),
    "relationship": ("Healthy relationships work offered.",),
    "school": ("School to be informed; pastoral support.", "Attendance meeting with school."),
    "mental_health": ("CAMHS referral discussed with YP.", "Safety plan shared with GP."),
    "neuro": ("Plan adapted for YP's needs; visual safety plan.",),
    "substance_misuse": ("Substance misuse service offered.",),
    "risky_adults": ("Intelligence submitted to police re the adults and the vehicle.",),
    "cse": (
        "Refer to the MASE panel.",
        "Children's Society CSE support offered.",
        "Strategy discussion requested.",
    ),
    "cce": (
        "Child exploitation risk assessment to be updated.",
        "Refer to the CCE panel.",
        "NRM referral to be considered.",
    ),
    "offending": ("Youth Justice Service informed.",),
    "": ("No further action. RHI shared with the allocated worker.",),
}
ACTIONS_ALWAYS = (
    "Safety plan agreed with YP and {carer}.",
    "RHI shared with the social worker.",
    "Return interview shared with the school safeguarding lead.",
    "Worker to check in with YP next week.",
)
ACTIONS_CARE = ("Philomena profile updated.", "Placement plan to reflect the triggers identified.")

WHERE_STAYED: dict[str, tuple[str, ...]] = {
    "cce": ("A flat in {other_town}", "Address in {other_town} (suspected trap house)"),
    "cse": ("An adult male's flat in {town}", "Hotel in {other_town}"),
    "risky_adults": ("An adult's flat in {town}", "In a car driving around {town}"),
    "relationship": ("{Pos} {partner}'s house in {town}",),
    "peers": ("Friend's house in {town}", "Out with friends around {town}"),
    "family_conflict": ("Grandparent's house", "An aunt's house in {town}"),
    "placement": ("Mum's house in {home_town}", "Walking around {home_town}"),
    "": ("Walking around {town}", "At {hangout}", "Outside; did not stay anywhere"),
}
STAYED_WITH: dict[str, tuple[str, ...]] = {
    "cce": ("Older males YP would not name", "Two older males known as '{nick}' and 'D'"),
    "cse": ("An adult male, about {age}", "A man known as '{nick}'"),
    "risky_adults": ("An adult male, about {age}", "Adults YP met online"),
    "relationship": ("{Pos} {partner} ({partner_age})",),
    "peers": ("Friends of a similar age", "{friend} (same age)"),
    "family_conflict": ("A relative",),
    "placement": ("Birth family",),
    "": ("Nobody", "Alone"),
}
TRAVEL: dict[str, tuple[str, ...]] = {
    "cce": ("Train to {other_town}; ticket bought by someone else", "Driven by older males"),
    "cse": ("Picked up in a car by an adult male",),
    "risky_adults": ("Lifts from an older male",),
    "": ("Walked", "Bus into {town}", "Walked and got a bus back", "On foot"),
}
HARM: dict[str, tuple[str, ...]] = {
    "cse": ("Disclosure made; police informed the same day.", "YP would not say; concerns remain."),
    "cce": ("Threatened over a debt; no injuries seen.", "Bruising to arm, says from a fall."),
    "offending": ("Minor injury to hand from the fight.",),
    "mental_health": ("Recent self-harm; wounds clean, GP aware.",),
    "": ("No harm reported.", "No injuries; YP says nobody hurt {obj}.", "None disclosed."),
}
SUBSTANCES_NONE = (
    "Denies any alcohol or drug use.",
    "None reported.",
    "Denies drinking or using anything.",
)
SUBSTANCES_USED = (
    "Drank {drink} with others.",
    "Smoked {drug}.",
    "Alcohol and cannabis.",
    "Drinking most weekends.",
)
SCHOOL_LINES = (
    "Attending {school}; attendance about {pct}%.",
    "On roll at {school} and attending most days.",
    "Attends {school}; no concerns raised by school.",
)
SCHOOL_PROBLEMS = (
    "Fixed-term exclusion from {school}.",
    "Reduced timetable at {school}.",
    "Reports bullying at {school}; school aware.",
    "Attendance at {school} down to about {pct}%.",
)
HEALTH_MENTAL = (
    "Low mood; CAMHS referral discussed.",
    "Anxiety and poor sleep; GP appointment booked.",
    "Open to CAMHS; YP says it helps a bit.",
)
HEALTH_NEURO = (
    "Autistic; finds noise and change very hard.",
    "ADHD; medication not taken for a week.",
    "ADHD and autism assessment in progress.",
)
HEALTH_NONE = ("No health concerns.", "Well; ate and slept on return.", "No concerns raised.")

PRESENT = (
    "YP and RHI worker",
    "YP and RHI worker; {carer} for the first ten minutes",
    "YP, RHI worker and key worker",
    "YP and RHI worker (at school)",
)

# ---------------------------------------------------------------- workflow notes

DECLINE_OPENERS = ("", "", "nah ", "no thanks, ", "not being funny but ", "look ")
DECLINE_BODIES = (
    "I don't want to talk about it",
    "I already told the police everything",
    "I'm fine honestly, it was nothing",
    "I don't need another worker in my business",
    "it's none of your business where I was",
    "I only went to my mate's",
    "just leave me alone please",
    "I've done loads of these and nothing changes",
    "my mum said I don't have to",
    "what's the point",
    "maybe another time, not now",
    "I don't want to be asked the same questions again",
    "I'm not talking to anyone about it",
    "I'm busy",
)
DECLINE_CLOSERS = ("", "", " x", ", sorry", " ok", ", im safe")

UNABLE_NOTES = (
    "Three calls to YP's mobile and two to {carer}, no answer. Letter sent.",
    "Visited twice, nobody in. Texts not answered.",
    "{carer_cap} says YP refuses to come to the phone. Will try again via school.",
    "YP's phone switched off; {carer} not answering. Social worker informed.",
    "YP missing again before contact could be made.",
)
OFFER_NOTES = ("", "", "Offered by phone.", "Offered by text to YP.", "Offered via {carer}.")
RETURN_NOTES = (
    "Please add the child's own words about who they were with.",
    "Analysis needs to say whether an exploitation risk assessment is needed.",
    "Push and pull factors don't match the narrative; please review.",
    "Add what YP wants to happen next.",
    "Actions need owners and dates.",
)
SIGN_OFF_NOTES = (
    "",
    "",
    "",
    "Good analysis, agree actions.",
    "Agreed. Share with the social worker.",
    "Signed off. Please follow up the school referral.",
    "Agree no further action.",
)
SCHEDULED_PLACES = (
    "At home",
    "At school",
    "At the placement",
    "Family hub, {town}",
    "Café in {town}",
    "By phone",
)
MEETING_OUTCOMES = (
    "Safety plan reviewed with the family; exploitation risk assessment updated.",
    "Multi-agency plan agreed: school, police and the social worker to share information weekly.",
    "Placement stability meeting booked; Philomena profile updated.",
    "Family support offered; pattern to be reviewed at the next panel.",
    "Disruption plan agreed with police for the locations identified.",
)

# ---------------------------------------------------------------- composing

_TEXT_SPEAK = (
    (r"\bI'm\b", "im"),
    (r"\bdon't\b", "dont"),
    (r"\bdidn't\b", "didnt"),
    (r"\bcan't\b", "cant"),
    (r"\bwon't\b", "wont"),
    (r"\bwasn't\b", "wasnt"),
    (r"\bisn't\b", "isnt"),
    (r"\bit's\b", "its"),
    (r"\bthat's\b", "thats"),
    (r"\bI'd\b", "id"),
    (r"\bI've\b", "ive"),
    (r"\bbecause\b", "cos"),
    (r"\byou\b", "u"),
    (r"\bgoing to\b", "gonna"),
)


def text_speak(text: str) -> str:
    """How a child might type it: lower case, apostrophes dropped, a few short forms."""
    for pattern, replacement in _TEXT_SPEAK:
        text = re.sub(pattern, replacement, text, flags=re.IGNORECASE)
    text = re.sub(r"(\w)'(\w)", r"\1\2", text)  # couldn't -> couldnt, mate's -> mates
    return text.lower().rstrip(".")


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def fill(template: str, slots: Mapping[str, str]) -> str:
    return template.format_map(slots)


def pick(rng: random.Random, options: Sequence[str], slots: Mapping[str, str]) -> str:
    return fill(rng.choice(options), slots)


def child_voice(rng: random.Random, themes: Sequence[str], slots: Mapping[str, str]) -> str:
    """What the child said, in their own words: one or two themes, a style of their own."""
    keys = [theme for theme in themes if theme in CHILD][:2] or [""]
    parts = [pick(rng, CHILD[key], slots) for key in keys]
    joiner = rng.choice((", ", ". ", " and ", " ... ", ". also "))
    text = rng.choice(CHILD_OPENERS) + joiner.join(parts) + rng.choice(CHILD_CLOSERS)
    if rng.random() < 0.5:
        return text_speak(text)
    return sentence(text)


def decline_reason(rng: random.Random) -> str:
    """Why the child said no, as they said it (typed, or told to the worker)."""
    first, second = rng.sample(DECLINE_BODIES, 2)
    body = rng.choice(DECLINE_OPENERS) + (first if rng.random() < 0.6 else f"{first}, {second}")
    if rng.random() < 0.6:
        return text_speak(body + rng.choice(DECLINE_CLOSERS))
    return sentence(body + rng.choice(("", "", ", sorry", ". I'm safe")))


# Where the child stayed and with whom: the first of these themes the episode has decides.
_SETTING_ORDER = (
    "cce",
    "cse",
    "risky_adults",
    "relationship",
    "peers",
    "family_conflict",
    "placement",
)
_SAFETY = ("cse", "risky_adults", "cce")


def _setting(themes: Sequence[str], bank: Mapping[str, Sequence[str]]) -> str:
    for theme in _SETTING_ORDER:
        if theme in themes and theme in bank:
            return theme
    return ""


def _worker_sentence(rng: random.Random, theme: str, slots: Mapping[str, str], neuro: bool) -> str:
    if theme == "mental_health" and neuro and rng.random() < 0.6:
        return pick(rng, WORKER["neuro"], slots)
    return pick(rng, WORKER[theme], slots)


def _negations(rng: random.Random, themes: Sequence[str]) -> list[str]:
    """Denials for the safety themes this episode does not have.

    Exploitation involves adults even when nobody has recorded them as a theme
    of their own, so a note about CSE or CCE never says "no adults involved".
    """
    absent = [theme for theme in _SAFETY if theme not in themes]
    if "cse" in themes or "cce" in themes:
        absent = [theme for theme in absent if theme != "risky_adults"]
    if len(absent) == len(_SAFETY):
        if rng.random() < 0.45:
            return [rng.choice(NEGATIONS["all"])]
        chosen = rng.sample(absent, rng.choice((1, 1, 2)))
        return [rng.choice(NEGATIONS[theme]) for theme in chosen] if rng.random() < 0.8 else []
    if absent and rng.random() < 0.5:
        return [rng.choice(NEGATIONS[rng.choice(absent)])]
    return []


def police_sentence(rng: random.Random, slots: Mapping[str, str], found: bool) -> str:
    return pick(rng, POLICE if found else POLICE_NO_PLACE, slots)


def worker_analysis(
    rng: random.Random,
    themes: Sequence[str],
    slots: Mapping[str, str],
    *,
    found: bool,
    neuro: bool,
    repeat: bool,
    risk: str,
) -> str:
    """The worker's note: shorthand, police information, denials and a view of the risk."""
    keys = list(themes) or [""]
    sentences = [_worker_sentence(rng, theme, slots, neuro) for theme in keys]
    if rng.random() < 0.6:
        police = police_sentence(rng, slots, found)
        sentences.insert(0 if rng.random() < 0.5 else len(sentences), police)
    sentences += _negations(rng, themes)
    if "substance_misuse" not in themes and rng.random() < 0.3:
        sentences.append(rng.choice(("Denies drug or alcohol use.", "No substance use disclosed.")))
    sentences.append(pick(rng, ANALYSIS[risk], slots))
    if repeat and rng.random() < 0.6:
        sentences.append(pick(rng, ANALYSIS["repeat"], slots))
    if neuro and rng.random() < 0.5:
        sentences.append(pick(rng, ANALYSIS["neuro"], slots))
    return " ".join(sentences)


def interview_texts(
    rng: random.Random,
    themes: Sequence[str],
    slots: Mapping[str, str],
    *,
    method: str,
    in_care: bool,
    found: bool,
    neuro: bool,
    repeat: bool,
    risk: str,
) -> dict[str, str | None]:
    """The free-text answers of one interview record, consistent with ``themes``."""
    lead = themes[0] if themes else ""
    words = child_voice(rng, themes, slots)
    if method == "sms":
        # The short form by text message: a few answers, in the child's own typing.
        analysis = [
            "Short-form RHI by text message.",
            *(_worker_sentence(rng, theme, slots, neuro) for theme in (themes or [""])),
            *_negations(rng, themes)[:1],
        ]
        return {
            "present": "YP by text message",
            "child_words": text_speak(words),
            "child_wants": text_speak(pick(rng, WANTS[lead], slots)),
            "worker_analysis": " ".join(analysis),
            "actions": pick(rng, ACTIONS_ALWAYS, slots),
        }
    setting = _setting(themes, WHERE_STAYED)
    actions = [pick(rng, ACTIONS[theme], slots) for theme in (themes or [""])[:2]]
    actions.append(pick(rng, ACTIONS_ALWAYS, slots))
    if in_care and rng.random() < 0.5:
        actions.append(pick(rng, ACTIONS_CARE, slots))
    parent_theme = rng.choice(list(themes)) if themes else ""
    health = (
        rng.choice(HEALTH_NEURO)
        if neuro and rng.random() < 0.6
        else rng.choice(HEALTH_MENTAL)
        if "mental_health" in themes
        else rng.choice(HEALTH_NONE)
    )
    return {
        "present": "YP by phone" if method == "phone" else pick(rng, PRESENT, slots),
        "where_stayed": pick(rng, WHERE_STAYED[setting], slots),
        "stayed_with": pick(rng, STAYED_WITH[_setting(themes, STAYED_WITH)], slots),
        "travel": pick(rng, TRAVEL[_setting(themes, TRAVEL)], slots),
        "harm": pick(rng, HARM[_setting(themes, HARM) or _harm_theme(themes)], slots),
        "substances": pick(
            rng, SUBSTANCES_USED if "substance_misuse" in themes else SUBSTANCES_NONE, slots
        ),
        "school": pick(rng, SCHOOL_PROBLEMS if "school" in themes else SCHOOL_LINES, slots),
        "health": health,
        "child_wants": sentence(pick(rng, WANTS[lead], slots)),
        "child_words": words,
        "worker_analysis": worker_analysis(
            rng, themes, slots, found=found, neuro=neuro, repeat=repeat, risk=risk
        ),
        "actions": " ".join(actions),
        "parent_information": (
            pick(rng, PARENT[parent_theme], slots) if rng.random() < 0.6 else None
        ),
    }


def _harm_theme(themes: Sequence[str]) -> str:
    for theme in ("offending", "mental_health"):
        if theme in themes:
            return theme
    return ""
