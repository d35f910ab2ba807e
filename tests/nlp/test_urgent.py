"""Urgent replies: recall first on real danger, no alarm on idioms."""

from __future__ import annotations

import time

import pytest

from nlp import urgent
from nlp.tagger import tag
from nlp.urgent import detect

URGENT = [
    "hes outside my house again",
    "he\u2019s outside my house again",
    "ive taken loads of tablets",
    "took 20 paracetamol",
    "please someone call me",
    "i want to die",
    "i wanna kill myself",
    "he hit me",
    "my stepdad hit me again last night",
    "im scared",
    "I'm so scared",
    "im not safe here",
    "come get me",
    "help me please",
    "HELP",
    "someone is following me",
    "he said hed kill me",
    "they wont let me leave",
    "i cut myself again",
    "i dont want to be here anymore",
    "call the police",
    "he keeps touching me",
    "i feel unsafe",
    "scared to go home",
    "i got jumped",
    # Violence to the child or someone with them, a plain "ending it", an unnamed overdose.
    "my mums boyfriend punched me",
    "my brother kicked me",
    "hes hitting my mum and me",
    "they're beating my little brother",
    "i feel like ending it",
    "been thinking about ending it",
    "i have taken something i shouldnt have and feel really ill",
    "took some stuff and feel dizzy",
]

NOT_URGENT = [
    "killing it at school lol",
    "killing it at school now lol",
    "dying to see you",
    "im dead lol",
    "this interview was pointless",
    "the interview was pointless",
    "my mum will kill me if im late",
    "my mum will kill me lol",
    "can you help me with my CV",
    "i dont want to live at the placement",
    "thanks it was ok",
    "i might end it with my boyfriend",
    "had something to eat and feel sick now lol",
    "he hit me up last night about a party",
    "",
]


@pytest.mark.parametrize("text", URGENT)
def test_urgent(text: str) -> None:
    is_urgent, spans = detect(text)
    assert is_urgent
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_not_urgent(text: str) -> None:
    assert detect(text) == (False, [])


# Texting spellings are read as plain English before any cue is tried.
TEXT_SPEAK = [
    "sum1 is followin me n i dnt kno who it is",
    "plz sum1 ring me he is gona kill me",
    "i wanna unalive myself",
    "gonna kms tonight fr",
    "tbh everyone wud be better off wivout me",
    "he said hell hurt me when i get home from skl",
    "just wanna b gone",
    "im not gonna be here 2moro",
    "HELP ME PLS",
    "helpp me",
]

# One example per concept group, in words the detector was not written around.
CONCEPTS = [
    # held, watched or made to say all is well (seventh round)
    "no idea what town this is and they took my phone",
    "that car is parked outside our flat again",
    "dont tell anyone they will know i grassed",
    "they took my little sister into their flat",
    "he said if i tell hes going to finish me",
    "uncle keeps doing things to me at night",
    "the men were asking how old i am and where i live",
    "something bad will happen if i go back there",
    "dad said hed crash the car into a wall with us in it",
    "im not coming back ever",
    "gonna take all the tablets from the bathroom cabinet",
    "it wont matter after tonight anyway",
    "dads coming for me and hes raging",
    "i havent been home for 2 days, he said he would kill me",
    "havent slept for 3 nights he said hed find me",
    "it stopped when he came in, he said hed kill me",
    "she locked my bedroom door and wont let me out for food",
    "they have locked the doors, cant get out",
    "he only gives me my phone back so i can text u that im ok",
    "they want me to say im ok. im not ok",
    "if the bag gets nicked im dead they said",
    "kipping under the bridge tonight, not going back",
    # suicidal intent, indirect
    "honestly i dont want to be here anymore",
    "said my goodbyes to everyone now. sorry",
    "ive given all my stuff away, wont need it",
    "if you dont hear from me by tonight its cos im gone",
    "i cant carry on like this, i just want to go to sleep forever",
    "whats the point of carryin on wen evry1 hates me",
    "im thinking of ways to die",
    "I don't think I can keep myself safe tonight",
    "i'm a waste of space and i'm going to sort it out tonight",
    "got the rope ready",
    "stood on the bridge rn",
    # self-harm and overdose
    "relapsed last nite n the cuts r deep",
    "ive been sh again",
    "took a load of my tablets about an hour ago and feel sick",
    "My daughter isnt answering her phone, her friend rang me to say shes taken something",
    "My daughter says she has swallowed some of my tablets",
    "i feel so dizzy after the pills",
    # violence and threats
    "mums bf hits me when shes at work",
    "hes put his hands round my neck again",
    "they said they know where my nan lives",
    "theyve threatened to shoot my brother",
    "the lads from the estate have said they are going to do me over",
    "my dad is going to batter me when i get in",
    # a dangerous person present
    "hes outside again n wont go away",
    "There are men parked outside our house again asking for my son",
    "a car keeps driving past my house slowly with the same men in it",
    # held, lost, stranded
    "cant get out of this flat theyve locked the door and took my phone",
    "im in a car with some men i dont know",
    "im at a mans house i met on snapchat and he wont give me a lift home",
    "theres people in the flat selling and they wont let me go to sleep or leave",
    # exploitation and images
    "theyre making me hold stuff for them at my mums and i cant say no",
    "i owe them money and theyre coming round tonight",
    "this man off insta keeps asking for pics and says hell share the ones i sent if i stop",
    "someone on insta is blackmailing me",
    "he wants to meet up tonight and says if i dont come hell show everyone my pics",
    # street slang, third parties, coercion
    "opps are outside my yard rn",
    "the olders said im getting wet up if i dont pay back what i owe",
    "My friend has told me she plans to take her own life tonight",
    "a man tried to pull me into his van",
    "i put my stuff in order and wrote to my nan, im ready",
    "my family are taking me abroad next week to marry a man i dont know",
    # very indirect farewells and plans
    "i've decided tonight is the night",
    "no one will have to worry about me soon",
    "i just want to close my eyes and not open them",
    "wrote my will today lol not even joking",
    "this will be my last night",
    # whole-message shorts and emoji
    "cutting",
    "dad again",
    "\U0001f52a hes got one",
    # help now
    "pls call asap x",
    "ring me back its serious",
    "i need the police",
    "is anyone there?? please",
    # veiled goodbyes, emoji and a plan
    "sorry dad, for all of it x",
    "wont be needing my phone where im headed",
    "\U0001f48a\U0001f62d",
    "goodnight \U0001f52a",
    "no idea how much longer i can go on, got everything worked out",
    # an intruder, a group outside, a cover story
    "someones in my room and its not mum",
    "theres a gang of boys outside the flat calling my name",
    "my stepdad told me to tell school i walked into a door lol",
    # control, running, being moved, older adults
    "they kept my passport and say im working for them till i pay it back",
    "we're in his van and he won't pull over",
    "they want me to do another drop tonight",
    "theyre taking me to a hotel in a different town tonight and i dont know why",
    "im 13 and my boyfriend is 24",
    "my daughter is 12 and has not come home, a man has been calling her",
    "this guy on discord says hes 15 but hes actually way older",
    # veiled asks for help
    "please, i really need someone",
    "head is in a dark place atm, can you talk to me",
    "need a worker today, not tomorrow",
    # ninth round (blind set urgent_f): an emoji for help, jumping, a goodbye, abuse
    # starting again
    "\U0001f198 now",
    "honestly feel like jumping",
    "i wont be around much longer. sorry",
    "its started again at home",
    # ninth round (blind set urgent_g): the understated kind, dialect, voice-to-text
    "am no gonnae be here the morra",
    "took loads of them and i feel really weird",
    "swallowed the whole packet",
    "my arm is too deep this time",
    "got them all lined up on my desk",
    "ive written a note, its on my bed",
    "just wanted someone to know i tried",
    "not going to make it to christmas and thats ok",
    "if im not at college tomorrow youll know why",
    "no one will have to worry about me after tonight",
    "had enough, going to the bridge tonight",
    "hes got in",
    "just been jumped and my nose is broken, they're still about",
    "they keep bringing men over to the flat for me",
    "his lads are waiting outside school for me",
    "omw to meet the guy from snap",
    "my son has been dumped at a services by men he met online",
    "hes outside again please cold me",
    # blind set urgent_h: locked in as a punishment, a forced marriage, a ledge
    "my stepdad locked me in the garage because i was late, its freezing",
    "they are taking me to pakistan next week to get married",
    "sat on the window ledge again last night and still feel like doing it",
    # blind set urgent_i (tenth round): a threat that knows where the child lives, even
    # beside a "lol"; nowhere safe; "mans" with blades
    "lol the lad from the party keeps sending me photos of my road saying hes coming for me",
    "got nowhere safe to stay 2nite",
    "theres mans outside my block with shanks",
    # blind set urgent_j: younger children, few words, said indirectly
    "its better this way, dont be sad",
    "i just want to disapear forever",
    "i want to be with my grandad in heaven",
    "i feel like doing sumthing bad to myself",
    "the cat was the only reason i stayed",
    "gave away all my games, i wont need them",
    "my brother climbed onto the roof and wont come down",
    "he says its our secret and it hurts",
    "dad said hell kill me when i get in and he means it",
    "is there somebody i can talk to right now",
    # blind set urgent_k: lost; a drink from a man, then dizzy
    "dont know where i am and my phone is nearly dead",
    "this older guy gave me a drink and now im really dizzy",
    # blind set urgent_m (eleventh round): watched; unwell after what they gave; letters;
    # sex for a lift; a young child left alone; a goodbye to a pet
    "somebody sat in a car over the road all day watching my bedroom window",
    "feel so dizzy after what the lads gave me",
    "cant get up properly and theres nobody here",
    "finished writing my letters, im ready",
    "had to do things for a lift back and now he wants more",
    "im 10 and mum has not come back since saturday",
    "said my goodbyes to the dog. wont need anything else now",
    # blind set urgent_o: no alarming word at all
    "threw up twice since i took them, is that normal",
    "keep thinking about doing it, its worse tonight",
    "gave my brother all my passwords today",
    "getting the last bus out and not coming back",
    "someone sent me a pic of our front door and said tick tock",
    "in a hotel, idk who paid, the man says his mates are coming",
    "mum says shes taking us with her, the gas is on in the kitchen",
    "that van is back again and hes just sat there watching",
    "the guy i told you about is downstairs with my foster brother",
    "we put the chest of drawers against the bedroom door",
    "got to take a train to cardiff tonight with a parcel im not allowed to open",
    # a man outside to take the child to his place is no lift home
    "hes outside and says hes going to take me to his flat",
]

# Idioms, jokes, past events now resolved, complaints, tasks and later calls.
HARD_NEGATIVES = [
    # past and over, or a story (seventh round)
    "my stepdad used to hurt us but hes been gone 2 years and we have an order against him",
    "some lads jumped me in year 7 but that was years ago",
    "i was scared when they found me but nothing happened",
    "my head is battered from all this homework",
    "nans coming for me at 6 so ill miss the call",
    "took all of them swimming, the little ones loved it",
    "theyve got my brother in their car, taking him to football",
    "smashed it at boxing tonight",
    "i used to cut when i was in year 8 but havent since year 9",
    "some lads used to make me carry stuff, ive been out of that since the summer",
    "older guys used to give me lifts but that stopped when i moved",
    "the zombie game has a guy with a knife round every corner",
    "i was scared of the dark when i was small but not now",
    "he locked the door behind him when he went to work",
    "lol my mum is gonna kill me when she sees my hair",
    "my sister will literally kill me if i wear her hoodie again",
    "im literally gonna kill my sister she ate my chocolate",
    "im gonna die of boredom in this review",
    "omg im gonna die if he texts me back \U0001f62d",
    "this queue is taking forever someone end me lol",
    "brb dying of laughter at this meme",
    "my little brother bit me lol",
    "my mate punched me on the arm for a joke",
    "he dragged me to the shops with him, so boring",
    "the dentist really hurt me today, my mouth is sore",
    "i used to self harm but ive been clean for 2 years now",
    "last year i felt like ending it but im in a much better place now",
    "he used to hit me but hes gone now and we moved",
    "i was scared of my stepdad but i live with my gran now and its fine",
    "im not suicidal or anything just fed up with college",
    "we did a lesson on suicide prevention at school",
    "the knife crime talk at school was good",
    "you didnt help at all when i needed it",
    "STOP please",
    "call me next week about college",
    "Can someone please come to the house on Tuesday to talk about the placement",
    "pls call my mum she wants to talk about the review",
    "help me choose a college course pls",
    "scared of the new teacher tbh shes really strict",
    "im scared ill fail my exams",
    "i take 2 tablets a day for my adhd",
    "i burnt my arm on the iron this morning, its fine",
    "on the bridge by the park fishing with my mates",
    "theyre outside the shop waiting for me to get chips",
    "theres someone at the door, prob the postman",
    "the dog keeps following me round the house",
    "last text from me tonight, off to bed",
    "i cant do this homework anymore its too hard",
    "my mum wont let me go to the party",
    "i cant breathe in this heat",
    "i owe them a birthday card",
    "he made me watch a boring documentary",
    "im being watched by my little sister while mum is out",
    "my mum is having a fit cos i left my room a mess lol",
    "some man keeps offering me leaflets at the station",
    "theyre going to cut my hair when we go back home in the summer",
    "the police were actually nice to me for once",
    "we had a fire drill and everyone panicked lol",
    "were going to kill it in the final before they beat us",
    "i've decided tonight is the night i finally clean my room",
    "this will be my last night at the youth club before it closes for summer",
    "cutting my hair",
    "dad again lol always late",
    "\U0001f52a\U0001f355 pizza night",
    "call me pls when youre free this week",
    "please help me choose a dress for prom",
    "shes got a knife and fork and is tucking into her tea",
    "ive got nowhere to go on saturday, everyones busy",
    # an idiom with a possessive, a resolved past, a flat battery, hyperbole, feedback
    "my sister's gonna kill me when she sees i borrowed her top",
    "i stopped cutting years ago and im proud of myself",
    "my laptop is about to die",
    "the film was so cringe i wanted to die",
    "the worker kept asking me about drugs and i dont even smoke",
    "my mum didnt know where i was last night but i was at my mates",
    "the police were horrible to my brother",
    "my grandad is in hospital having an operation",
    "i was frightened by the fireworks",
    "ive got it all planned for my birthday",
    "the kids outside keep shouting my name to come out and play",
    "i cant say no to chocolate",
    # ninth round: taught about it, a panic attack now over, a rule about friends,
    # a relative's idiom, help being given, a placement move
    "we learnt about overdoses in pshe today",
    "the school nurse talked about grooming in assembly",
    "doing a sponsored walk for suicide prevention next month",
    "had a panic attack on monday but im fine",
    "my carers wont let me see my friends on school nights",
    "my brother is going to kill me i broke his headphones",
    "i took tablets last year but im getting support from camhs now",
    "i wont be here much longer, moving to my dads next week",
    # ninth round: medicine as meant, a school goodbye, a place not reached, a
    # lift home, bullies who stopped, a holiday joke, idioms
    "took my hayfever tablets so im a bit drowsy",
    "said goodbye to my old teachers today, bit sad",
    "not going to make it to the review tomorrow, sorry",
    "they dropped me at the side of the road by my house, all fine",
    "the girls who were mean to me have left me alone since i moved school",
    "id rather die than go camping again lol",
    "bought a rope swing for the garden",
    "shot myself in the foot not revising",
    "was really scared at the time but im staying with my nan now",
    "my mam is going to murder me for being late",
    # blind set urgent_h
    "feel like ive been hit by a truck after training",
    "overdosed on haribo last night haha",
    "gonna kill my sister if she takes my charger again lol",
    "id rather die than eat my nans sprouts",
    "missed the last bus but dads coming to get me",
    "the police officer was nice when they found me, tell him thanks",
    "my mates brother got stabbed last year, im being careful now",
    "he used to hang around with the older lads but not now",
    # blind set urgent_i
    "the police officer was rude to me when they found me",
    "police brought me back and i went straight to bed",
    "i used to cut but ive stopped now, 6 months clean",
    # blind set urgent_j
    "i want it to stop raining so we can go to the beach",
    "my sister took my phone to play roblox and wont give it back",
    "its our little secret for mums birthday, shes getting a puppy",
    # blind set urgent_k: services named in everyday news; a past overdose
    "my nan is in hospital having her knee done, back friday",
    "police brought him home at 1am, he is fine now",
    "back in march i took an overdose but im doing loads better now",
    "im not answering any more questions thanks",
    "not sure where i am staying tonight, nans or dads",
    # blind set urgent_m: a chore left undone; thanks; past and better; jokes; the writer
    # frightened others; questions about drugs complained of
    "dad will strangle me if i leave my football boots on the stairs again 😂",
    "thank you so much for help me and my sister",
    "i thought about dying when i was in year 7 but life is heaps better",
    "if i have to do one more form ill die",
    "i know i scared my nan, im home and sorry",
    "before i was in danger from bad men, now i live with my aunt, is good",
    "why you keep asking about drugs, i dont do drugs",
    "we got home at 2am because we lost track of time, sorry",
    "drank way too much and threw up but my friends looked after me, wont do it again",
    "i'd rather die than go back to that stupid gym class",
    # blind set urgent_o: games, hyperbole, a condition first, a question answered no
    "my last text to her was a meme about cats",
    "hiding in the toilets at the party cos the music was so loud",
    "if i forget my kit again my dad will kill me 💀",
    "my coach says he'll murder us at practice if we lose again lol",
    "shes going to end me for telling you about her crush",
    "playing fortnite all night, spent ages hiding behind a wall",
    "maths mock tomorrow i'm literally going to die",
    "mum made me stay at my grans all half term, boring",
    "hes outside again, its just my dad here to pick me up",
    "the boy who threatened me moved schools so its fine now",
    "she asked if i was scared of anyone. im not",
    "the knife crime talk in assembly was alright",
    "arsenal are dead to me",
]

# Phrasing no cue was written for: a harm word in the company of distress, a time
# signal or a person still raises the alarm.
FALLBACK = [
    "i keep hitting my head against the wall till it bleeds",
    "dont tell my mum but i think i overdid it with the tablets",
    "the guys i was with have left me in the woods and my phones nearly dead",
]


@pytest.mark.parametrize("text", TEXT_SPEAK + CONCEPTS)
def test_concept_groups(text: str) -> None:
    is_urgent, spans = detect(text)
    assert is_urgent
    for span in spans:
        assert span.kind in {"self_harm", "danger", "help"}
        assert text[span.start : span.end] == span.text and span.text.strip() == span.text


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives(text: str) -> None:
    assert detect(text) == (False, [])


@pytest.mark.parametrize("text", FALLBACK)
def test_harm_words_in_bad_company(text: str) -> None:
    is_urgent, spans = detect(text)
    assert is_urgent and all(s.kind == "danger" for s in spans)


def test_gates_never_skip_a_cue_that_would_match() -> None:
    """A cue is skipped only when none of its gate strings is in the text: on every example
    here, each match of each cue holds one of that cue's gate strings."""
    texts = URGENT + NOT_URGENT + TEXT_SPEAK + CONCEPTS + HARD_NEGATIVES + FALLBACK
    assert any(g is not None for g in urgent._GATES)
    for text in texts:
        canon, _ = urgent._canonical(text)
        for (_, pattern), gate in zip(urgent._COMPILED, urgent._GATES, strict=True):
            for m in pattern.finditer(canon):
                assert gate is None or any(n in m.group(0) for n in gate), (pattern.pattern, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pomocy! on jest pod drzwiami", True),  # Polish: help, he is at the door
        ("ajutor, mi-e frică", True),  # Romanian: help, I'm scared
        ("mujhe bachao", True),  # Urdu in Latin letters: save me
        ("dziękuję, wszystko jest dobrze", False),  # Polish: thanks, all fine
        ("mersi, totul e ok", False),  # Romanian: thanks, all ok
    ],
)
def test_survey_languages(text: str, expected: bool) -> None:
    assert detect(text)[0] is expected


def test_spans_point_into_the_original_text() -> None:
    text = "Sum1 is FOLLOWIN me n hes got a knife!!"
    is_urgent, spans = detect(text)
    assert is_urgent
    assert [s.text for s in spans] == [text[s.start : s.end] for s in spans]
    assert any("FOLLOWIN me" in s.text for s in spans)


def test_a_long_benign_note_is_fast_and_quiet() -> None:
    note = (
        "YP seen at the office with her worker, discussed college and her placement plan; "
        "no concerns raised and she was settled and chatty. "
    ) * 4
    started = time.perf_counter()
    for _ in range(20):
        assert detect(note) == (False, [])
    assert (time.perf_counter() - started) / 20 < 0.02  # generous: about 1 ms on a quiet machine


def test_self_harm_is_never_treated_as_idiom() -> None:
    assert detect("i want to kill myself lol")[0]


def test_tag_reports_urgent() -> None:
    result = tag("please someone call me hes outside")
    assert result.urgent
    assert {s.kind for s in result.urgent_spans} >= {"help", "danger"}
