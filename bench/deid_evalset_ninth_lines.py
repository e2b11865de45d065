"""Sentences for the NINTH de-identification evaluation part: what people say in an interview (SPOKEN) and
write in a feedback comment (WRITTEN), one list per kind, each sentence holding slots.

A slot is ``{kind}`` or ``{kind/form}``; its filled text is exactly one gold identifier of that kind (the
sentence keeps "my nan", "Dr", "the", "'s" and "-year-old" outside the slot, which is how the gold
conventions fall out). A sentence may hold slots of other kinds too. Owns the wording only; the values
come from ``deid_evalset_ninth_values`` and the placing from ``deid_evalset_ninth``.

Ages: a number said or written ("fifteen", "7", "aged 42") is gold; a decade without a number ("in her
early thirties", "my forties") is not, and a few such phrases are left in as plain text. Years said alone
("back in twenty nineteen") are gold dates.
"""

from __future__ import annotations

SPOKEN: dict[str, list[str]] = {
    "person": [
        "so I got put on to a worker called {person}, she was- she was brilliant to be fair",
        "and erm {person/first} from the team, {person/first} came out to the house like twice a week",
        "the psychiatrist was Dr {person/last}, he never really looked at you, just the screen",
        "i phoned {person/lower} and she just, she just didn't pick up",
        "my key worker, um, {person}, he'd done his own time in the forces so he got it",
        "honestly {person/first} was the only one who, who listened",
        "there was a nurse, {person}? no wait. {person}, that's her",
        "yeah me and {person/first} used to sit in the dayroom and just, like, do jigsaws",
        "the midwife, was it- aye, {person/first}, she flagged it at my booking appointment",
        "Mr {person/last} at the tribunal, he was dead fair actually",
        "the guy who ran the group, {person}, he set up the WhatsApp for us",
        "i remember {person/lower} saying you're not a burden, you're not",
    ],
    "nickname": [
        "my mate {nickname}, we were in the same regiment, he's the one who said go see someone",
        "everybody calls him {nickname}, don't ask me why, it's a long story (laughs)",
        "there was this lad on the wing, {nickname} they called him, and he'd look out for us",
        "so {nickname} from the gym, right, {nickname} drives me to my appointments now",
        "we all went round to {nickname/lower}'s flat after, well it was his mam's flat",
        "{nickname} on the Discord, she's been there since the start, like day one",
        "me and {nickname} go back years, since primary like",
    ],
    "possessive": [
        "I was staying at {possessive}'s for a bit because I couldn't face going home",
        "it was {possessive}'s idea to ring the crisis line, not mine",
        "we had {possessive}'s christening the week after I got discharged",
        "I'd borrowed {possessive/lower}'s car to get to the unit, the bus is two hours",
        "{possessive}'s mum was a nurse so she kind of knew what to look for",
        "er, {possessive}'s partner, he's ex-army too, he set up the walking group",
    ],
    "relative": [
        "my nan {relative}, she basically brought me up to be honest",
        "so my wee brother {relative} he was the one that found me",
        "my husband, {relative}, he was on nights at the time so",
        "my mam {relative/lower} she'd come with me to every appointment",
        "me and my partner {relative} had just moved in together",
        "my daughter {relative}, she was only, she was only tiny",
        "my auntie {relative} took the baby for the weekend so I could sleep",
        "my step-dad {relative} - well, he wasn't really a dad, let's put it that way",
        "our {relative}, my sister I mean, she's the one with the car",
        "my grandad {relative} was in the Navy and he never, ever talked about it",
        "my cousin {relative/lower} went through the same service a few years before",
    ],
    "age": [
        "I was {age/young} when it started, the not eating, maybe before",
        "when he was {age/young} he got diagnosed, so we've been in the system a long time",
        "I joined up at {age}, straight out of school basically",
        "I'm {age} now, which, honestly, I never thought I'd see",
        "she was a {age}-year-old woman on a ward full of, like, lads",
        "I had my first episode at, um, it would've been {age/young}, {age/young}? aye {age/young}",
        "I got sent down when I was {age}, first time",
        "my son's {age/young} and he's started asking questions",
        "they said at {age} you're too old for CAMHS and too young for adult, so you just fall through",
        "I was in my early twenties, well, {age} exactly, when I went to uni",
    ],
    "date": [
        "I was admitted on the {date/spoken}, I remember because it was the day after my birthday",
        "the baby came {date/spoken}, five weeks early",
        "I got my discharge letter, it's dated {date}, I've still got it",
        "back in {date/spoken} I was in a really bad way",
        "so my appointment was {date/spoken}, then they moved it, then they moved it again",
        "I left the army in {date/spoken}, medically discharged",
        "the hearing was on the {date/spoken} and I was released the week after",
        "er, {date/spoken}, that was when I first rang them",
    ],
    "place": [
        "I grew up in {place}, like just outside it",
        "we moved up to {place} when my dad got work there",
        "the nearest unit was in {place}, so that's like two hours on the bus",
        "i'm from {place/lower} originally but I've been here ages",
        "there's nothing in {place} for young people, nothing at all",
        "I was placed in {place} which is miles from my family",
        "we'd drive out to {place} on a Sunday, just to get out the house",
        "she's in {place} now, I think, with her new fella",
    ],
    "street": [
        "I was living at {street} at the time, top floor",
        "the flat was {street/spoken}, right above the bookies",
        "we were on {street/bare}, everyone knows everyone on {street/bare}",
        "the hostel's on {street/bare}, you can't miss it",
        "my address then was {street}, I'd only just got the keys",
        "I walked all the way from {street/spoken} to the hospital that night",
    ],
    "postcode": [
        "the postcode's {postcode/spoken}, they kept getting it wrong on the letters",
        "if you're in {postcode/partial} you're under a different board, it's ridiculous",
        "it's {postcode} if you need it for the form",
        "they said because I'm {postcode/partial} I'm out of area",
        "the new address, postcode {postcode}, yeah",
        "erm postcode, {postcode/spoken}, I think, aye that's it",
    ],
    "health_org": [
        "I got referred to {health_org} by the health visitor",
        "I was in {health_org} for about six weeks",
        "they sent me to the {health_org} but the waiting list was months",
        "{health_org} were amazing with me, I can't fault them",
        "i ended up at {health_org/lower} in the middle of the night",
        "the in-reach nurse from the {health_org} came to see me once",
        "I finally got a bed in {health_org} after three weeks on the ward",
        "I rang {health_org} and just, I just cried down the phone",
        "there's a support group at {health_org} on a Thursday",
    ],
    "school": [
        "I was at {school} then, doing my highers, or trying to",
        "I dropped out of {school} in second year",
        "the wellbeing service at {school} was, to be honest it was useless",
        "I went to {school} and then {school}, so I've done the lot",
        "when I was at {school/lower} the teachers knew something was up",
        "I'm doing an access course through {school} now",
        "the counsellor at {school} was the first person I told",
    ],
    "workplace": [
        "I was working at {workplace} at the time, nights mostly",
        "I'd just started at {workplace} and I didn't want them to know",
        "my manager at {workplace} was actually really good about it",
        "I worked at {workplace} for eleven years before all this",
        "i do shifts at {workplace/lower} now, just part time",
        "they let me go from {workplace}, well they said it was restructuring",
        "I got a job at {workplace} through the veterans' employment thing",
    ],
    "phone": [
        "my number's {phone/spoken}, if you need to get hold of me",
        "you can text me on {phone}, that's my work one though",
        "the number for the crisis team is {phone}, I've got it on the fridge",
        "so it's {phone/spoken}, sorry, {phone/spoken}, I always mix it up",
        "ring my partner on {phone/spoken} if I don't answer",
        "the mobile's {phone}, that's the best one",
    ],
    "email": [
        "my email's {email/spoken}, all one word",
        "just send it to {email}, that's the one I check",
        "I've got a new email now, it's {email/spoken}",
        "erm, it's {email/spoken}, no wait, {email/spoken}",
        "you can email the group leader at {email}",
    ],
    "nhs_number": [
        "my NHS number is {nhs_number/spoken}, I know it off by heart now",
        "I had to read out my CHI number, {nhs_number/chi}, like five times",
        "it's {nhs_number}, the NHS number, it's on the letter",
        "they wrote my NHS number on my hand, {nhs_number}, that's how bad it was",
        "my CHI's {nhs_number/spoken} if you need it for the records",
    ],
    "url": [
        "I put it all on my blog, {url}, like a diary",
        "there's a fundraiser, {url/spoken}, for the walk",
        "if you go on {url} you can see all my runs from when I was recovering",
        "my LinkedIn is {url}, I'm trying to get back into work",
        "the link's {url/spoken}, it's a private server",
        "she streams at {url}, it's mostly just knitting but it helped me",
        "the group's on {url}",
    ],
    "handle": [
        "my insta is {handle/spoken}, it's all baking stuff",
        "I'm {handle} on TikTok, I post about recovery",
        "on Discord I'm {handle/bare}, if anyone from the study wants to chat",
        "I stream on Twitch as {handle/camel}, it's just gaming",
        "find me on BeReal, {handle}",
        "my Strava's {handle/bare}, I've done every parkrun since",
        "her YouTube channel is {handle}, she does the eating disorder vlogs",
        "i follow {handle} on twitter, she's a peer worker",
        "my snap is {handle/spoken}",
    ],
}

WRITTEN: dict[str, list[str]] = {
    "person": [
        "{person} on the ward was outstanding and deserves recognition.",
        "Please pass on my thanks to {person/first} and {person/first}.",
        "Dr {person/last} explained everything clearly.",
        "The nurse ({person}) was rude to my father.",
        "Special thanks to {person/lower} who stayed late.",
    ],
    "nickname": [
        "Thanks to {nickname} the porter who always made us laugh.",
        "The lad they call {nickname} on reception is a gem.",
        "My friend {nickname} visited every day.",
    ],
    "possessive": [
        "{possessive}'s care plan was never updated.",
        "We were not told about {possessive}'s transfer.",
        "I am writing about {possessive}'s experience on the unit.",
    ],
    "relative": [
        "My mother {relative} was treated with dignity.",
        "My son {relative} has autism and the crew were patient.",
        "My wife {relative} waited four hours.",
        "Our daughter {relative} was discharged without a plan.",
        "My grandad {relative/lower} was very confused and nobody noticed.",
    ],
    "age": [
        "My mother is {age/digits} and was left on a trolley.",
        "I am a {age/digits} year old veteran and felt ignored.",
        "As a {age}-year-old I felt patronised.",
        "My son (aged {age/young}) was seen quickly.",
        "Patient aged {age/digits}, frail, no one offered a drink.",
    ],
    "date": [
        "Attended on {date}, waited three hours.",
        "The ambulance came on the {date} at night.",
        "Appointment cancelled on {date} with no explanation.",
        "Seen by the in-reach team on {date}.",
        "Since {date} I have had no contact.",
    ],
    "place": [
        "The ambulance had to come from {place}.",
        "We live in {place} and transport is a problem.",
        "I was moved to {place}, far from my family.",
        "Nothing like this exists in {place}.",
    ],
    "street": [
        "The crew could not find {street}.",
        "I live at {street} and the driver went to the wrong house.",
        "Please update my address to {street}.",
    ],
    "postcode": [
        "Postcode {postcode}.",
        "My postcode is {postcode} and the sat nav sent them elsewhere.",
        "People in {postcode/partial} are always told they are out of area.",
    ],
    "health_org": [
        "Staff at {health_org} were excellent.",
        "I was transferred to {health_org} overnight.",
        "The {health_org} never returned my calls.",
        "Thank you {health_org} for everything.",
    ],
    "school": [
        "My daughter was referred by {school}.",
        "As a student at {school} I was told to use the university service.",
        "The nurse at {school} was fantastic.",
    ],
    "workplace": [
        "I had to leave work at {workplace} early to attend.",
        "My employer ({workplace}) was more supportive than the service.",
        "I work at {workplace} and could not get an evening appointment.",
    ],
    "phone": [
        "Please call me on {phone}.",
        "Contact: {phone}.",
        "I rang {phone} six times with no answer.",
    ],
    "email": [
        "Contact me at {email} if you want more details.",
        "Email: {email}",
        "I emailed {email} and heard nothing.",
    ],
    "nhs_number": [
        "NHS number {nhs_number}.",
        "My NHS no. is {nhs_number} for reference.",
        "Patient NHS number: {nhs_number}",
        "CHI {nhs_number/chi}.",
    ],
    "url": [
        "I have written about it at {url}.",
        "See {url} for our family's story.",
        "Our support group is at {url}.",
    ],
    "handle": [
        "I posted about this on Twitter ({handle}).",
        "My Instagram is {handle}.",
        "Follow our campaign: {handle}.",
    ],
}

#: What an interviewer says around the planted talk (no identifiers).
PROMPTS = [
    "Can you tell me a bit more about that?", "And how did that feel at the time?", "Mm-hm.",
    "Okay. And who else was involved?", "Right, right. Sorry, go on.", "Take your time.",
    "And where were you living then?", "Was there anyone you could talk to?", "Yeah.",
    "So just going back a wee bit, how did you first get referred?", "That sounds really hard.",
    "And what about online, did that help at all?", "Sorry, the line cut out there, could you say that again?",
]

#: Bits of talk laid around the planted sentences: fillers, false starts, noises a transcriber writes.
OPENERS = ["", "", "", "erm, ", "um, ", "so, ", "yeah, ", "like, ", "I mean, ", "honestly, ", "see, ", "aye, ",
           "well, ", "and and ", "I- ", "so so ", "no but ", "och, ", "like, you know, "]
CLOSERS = [".", ".", ".", "...", ", you know?", ", like.", " [inaudible].", " (laughs).", ", so yeah.", ", aye.",
           " - anyway.", ", innit.", ", if that makes sense.", " [crosstalk]", "?"]
#: Plain talk with no identifier, including numbers and decades that are not ages (not gold).
FILLER = [
    "I was in and out like 3 or 4 times that year.", "It took, what, 6 months to get seen.",
    "She was in her early thirties I'd say, maybe older.", "I'm in my forties now and I'm only just learning this.",
    "We did the group every week for like 12 weeks.", "There were 2 of us on the list and only one place.",
    "It's not, it's not easy talking about it, the the first time.", "Sorry, I've lost my train of thought.",
    "The food was honestly grim.", "I don't think they knew what to do with me.",
]
