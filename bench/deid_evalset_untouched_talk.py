"""Sentences for the UNTOUCHED part: what participants and interviewers say in a UK mental-health-services
interview, with ``{kind}`` slots that the value makers fill (one gold span per slot).

Owns the wording and the weight of each *lead* kind (the kind a sentence is about), set so that a document
holds identifiers in the proportions such an interview has them: many people (names, relatives,
possessives, nicknames), places and services; fewer dates, ages, schools and workplaces; few addresses,
postcodes, phone numbers, e-mails, NHS numbers, links and handles. Sentences run on, drop capitals and
carry the fillers people use ("um", "like", "you know"), as the host transcripts do.
"""

from __future__ import annotations

# a participant's sentences, by the kind each is mainly about; most also carry other kinds
PARTICIPANT: dict[str, list[str]] = {
    "person": [
        "I got put with {person} in the end and honestly she was the first one who actually listened.",
        "um, {person} was my care coordinator for about two years, then she left and nobody told me.",
        "there was this nurse, {person}, who used to sit with me on nights when I couldn't sleep.",
        "so I rang {health_org} and asked for {person} but they said she'd moved to another team.",
        "{person} from the housing was brilliant to be fair, she sorted the repairs out in like a week.",
        "and then {person} said, you know, you don't have to do this on your own, which sort of stuck with me.",
        "my key worker was {person} and my psychiatrist was {person}, and they never talked to each other.",
        "I did the group with {person} on Tuesdays, it was a peer thing, she'd been through it herself.",
        "i remember {person} saying it's not your fault like three times before it went in",
        "the social worker, {person}, came out to {place} to see me at home, which made a massive difference.",
        "it was {person} who did my assessment at {health_org}, I think it took about an hour and a half.",
        "Me and {person} were on the same ward and we still text now, we kind of kept each other going.",
        "and the consultant, {person}, he just kept changing my meds without asking how I actually felt.",
        "honestly if it wasn't for {person} at {health_org} I don't think I'd be here, I mean that.",
    ],
    "nickname": [
        "my mate {nickname} used to come round and just sit with me, didn't even have to talk.",
        "everyone calls him {nickname}, he's the one who drove me to A&E that night.",
        "there was a lad on the ward, we called him {nickname}, he had the room next to mine.",
        "{nickname} from the football lot found me the group in the first place, fair play to him.",
        "I'd message {nickname} at like three in the morning and she'd always answer, always.",
        "so me and {nickname} started walking every morning, round {place} and back, it helped loads.",
    ],
    "possessive": [
        "I was staying at {possessive} flat for a bit because I couldn't be at home.",
        "it was {possessive} idea to go to the GP in the first place, I'd never have gone.",
        "I ended up sleeping on {possessive} sofa in {place} for about three months.",
        "um, {possessive} husband drove us up to {health_org} because there was no ambulance.",
        "so I used {possessive} phone to ring the crisis line cause mine had been cut off.",
        "we had {possessive} birthday do at the pub and that's the first time I'd been out in ages.",
        "I was on {possessive} caseload but I never actually saw her, just letters.",
    ],
    "relative": [
        "{relative} was the one who rang 111 in the end, I wasn't going to.",
        "so {relative} came with me to the first appointment because I just couldn't face it alone.",
        "I moved back in with {relative} in {place} after I lost the flat.",
        "{relative} has got her own stuff going on so I don't like to put on her, you know.",
        "it was hard cause {relative} didn't really believe in depression, he thought I was being lazy.",
        "and {relative} was only {age:n} at the time so I was trying to hide it from them.",
        "I look after {relative} as well, he's got dementia, so there's no time for me really.",
        "{relative} works at {workplace} and she got me an interview there when I was ready.",
        "when {relative} passed away in {date} everything just sort of fell apart.",
        "{relative} still doesn't know I was sectioned, only {relative} knows.",
        "my kids stay with {relative} on weekends when I'm not well enough to have them.",
        "i think {relative} noticed before i did to be honest, she kept asking if i was eating",
    ],
    "age": [
        "I first started self-harming {age}, so it's been a long time.",
        "I was diagnosed with bipolar {age}, which was late really, they'd said it was depression before.",
        "my son was {age:n} when I had my first breakdown, so he remembers it.",
        "I'm {age:n} and it's the first time anyone's ever asked me what I actually want.",
        "I got my first job {age}, at {workplace}, and that's when the anxiety really kicked in.",
        "she was a {age:adj} and they put her on an adult ward, which is just wrong.",
        "I left school {age} with nothing and ended up at {school} doing an access course.",
        "honestly I was {age:n} and they were asking me about my life goals.",
        "my little one's a {age:adj} now, she keeps me going, she's the reason I get up.",
        "dad died when I was {age:n} and nobody ever offered me any support, not once.",
        "they said at {age:n} I was too old for CAMHS and too young for the adult team.",
    ],
    "date": [
        "I got discharged on {date} and nobody rang me for six weeks after.",
        "the first appointment came through for {date}, which was months after the referral.",
        "I remember it was {date} because it was the day after my birthday.",
        "I was admitted to {health_org} on {date} and stayed nearly three months.",
        "my review was meant to be {date} but they cancelled it the morning of.",
        "um, it would've been {date}, something like that, it's all a bit of a blur.",
        "my birthday's {date} so I always dip around then, every year.",
        "we had the meeting on {date} with the school and the CAMHS worker.",
    ],
    "place": [
        "I grew up in {place} but I've been in {place} about ten years now.",
        "there's nothing in {place} for young people, like nothing, you have to go into town.",
        "the nearest crisis team was in {place}, that's two buses for me.",
        "we moved to {place} when I was little and I never really settled.",
        "there's a really good peer group that meets in {place} on a Thursday night.",
        "I'd get the train to {place} just to walk round so nobody would see me.",
        "they sent me to a bed in {place}, miles away from my family, because there was nothing local.",
        "it's a small place, {place}, everyone knows everyone so you don't want people knowing your business.",
        "I was living rough in {place} for a bit before the outreach team found me.",
    ],
    "street": [
        "I was living at {street} at the time, it was a horrible flat, damp everywhere.",
        "the clinic's just off {street}, by the big Tesco, you can't miss it.",
        "we're at {street} now, {place}, it's a lot quieter than the old place.",
        "my nan's house on {street} was the only place I felt safe growing up.",
        "they wrote to my old address, {street}, so I never got the letters.",
    ],
    "postcode": [
        "the postcode's {postcode} if you need it for the voucher.",
        "I put {postcode} in the form and it said I was out of area, so that was that.",
        "it's {street}, {postcode}, they kept sending things to the wrong house.",
        "because my postcode is {postcode} I'm under a different trust to my mum, which is mad.",
    ],
    "health_org": [
        "I was under {health_org} for about two years and then got passed to {health_org}.",
        "I went to {health_org} and they said I wasn't unwell enough, which, yeah.",
        "the waiting list for {health_org} was eighteen months, eighteen months!",
        "um so the GP referred me to {health_org} and I had an assessment over the phone.",
        "I spent six weeks on {health_org} and then they moved me to {health_org}.",
        "the people at {health_org} were amazing, it's run by people who've been through it.",
        "I still go to {health_org} on Wednesdays, it's the only thing that gets me out.",
        "I think my notes are still with {health_org} because they never got sent over.",
        "my GP at {health_org} has been really good actually, she phones me herself.",
        "they put me on the list for {health_org} but I ended up paying for private in the end.",
        "I did a course at {health_org} about hearing voices and it changed a lot for me.",
        "A&E sent me home and said to ring {health_org} in the morning.",
    ],
    "school": [
        "I was at {school} and nobody there ever asked if I was alright.",
        "the counsellor at {school} was the first person I ever told.",
        "I dropped out of {school} in second year when it all got too much.",
        "my daughter's at {school} now and they've been really supportive to be fair.",
        "I went back to {school} to do my GCSEs when I was {age:n}.",
        "I'm doing a foundation degree at {school}, part-time, around the kids.",
    ],
    "workplace": [
        "I've been working at {workplace} for six years and I never told them about my mental health.",
        "I was on the tills at {workplace} and I just walked out one day and never went back.",
        "I do nights at {workplace} so getting to daytime appointments is a nightmare.",
        "occupational health at {workplace} were actually decent, they gave me a phased return.",
        "I used to drive for {workplace} but I lost my licence when they put me on the lithium.",
        "my manager at {workplace} said if I had another day off I'd be on a disciplinary.",
        "I'm volunteering at {workplace} now, just two mornings a week, to build back up.",
    ],
    "phone": [
        "if you need me my number's {phone}, text is better than ringing.",
        "they gave me a number to ring, {phone}, but it just rang out every time.",
        "you can get hold of my mum on {phone} if I don't answer.",
        "the crisis line for round here is {phone}, I've got it saved as ICE.",
        "sorry, can you ring me back on {phone}? My other phone's broken.",
    ],
    "email": [
        "my email is {email} if you want to send the transcript.",
        "I emailed {email} like four times and never heard anything back.",
        "you can send the voucher to {email}, that's my personal one.",
        "the care coordinator's email was {email} but she'd left so it bounced.",
    ],
    "nhs_number": [
        "they kept asking for my NHS number, it's {nhs_number}, I know it off by heart now.",
        "the letter had my NHS number on, {nhs_number}, but someone else's name.",
        "I had to read out {nhs_number} to three different people on the phone.",
        "my NHS number's {nhs_number} if that helps you find the referral.",
    ],
    "url": [
        "I found them online, {url}, it's got all the groups on there.",
        "I write a blog about it, it's {url}, mostly for myself really.",
        "my sister set up a fundraiser, {url}, to help pay for the private therapy.",
        "there's a page, {url}, where people share what helped them.",
    ],
    "handle": [
        "I post about my recovery on Instagram, I'm {handle} if you want to have a look.",
        "there's a girl on TikTok, {handle}, who talks about BPD and it helped me loads.",
        "add me on snap, it's {handle}, that's how most of the group keep in touch.",
        "I used to tweet as {handle} but I came off it when the trolling started.",
    ],
}

# an interviewer's sentences (the interviewer's own turns)
INTERVIEWER: dict[str, list[str]] = {
    "person": [
        "Thanks so much for this, {person}, I know it's not easy to talk about.",
        "And was that still when {person} was your care coordinator?",
        "Okay, and {person}, just so I've got it right, that was the community team?",
    ],
    "health_org": [
        "So you were under {health_org} at that point?",
        "Can I ask how you got referred to {health_org}?",
    ],
    "date": ["And roughly when was that, would it have been around {date}?"],
    "place": ["And is that the team in {place}, or somewhere else?"],
    "email": ["I'll send the voucher to {email}, is that still the best address?"],
    "phone": ["And if we get cut off I'll ring you back on {phone}, is that okay?"],
    "relative": ["And how did {relative} take it, when you told them?"],
}

# how often a sentence about each kind is chosen: a mental-health interview mentions people and
# services far more than it reads out numbers
WEIGHT: dict[str, float] = {
    "person": 17, "relative": 11, "possessive": 5, "nickname": 4, "place": 12, "health_org": 13,
    "date": 6, "age": 5, "school": 4, "workplace": 5, "street": 3, "postcode": 2.5, "phone": 2.5,
    "email": 2, "nhs_number": 2, "url": 2, "handle": 2.5,
}
