"""Sentences of the SEVENTH de-identification part: what people say in a mental-health-services
interview (``SPOKEN``: fillers, run-ons, "me mam") and type in a feedback box (``TYPED``: lower case,
few stops), each with ``{kind}`` slots that ``bench/deid_evalset_seventh.py`` fills from
``bench/deid_evalset_seventh_forms.py``. Keyed by the sentence's main kind; a sentence may hold a second
identifier. A slot never opens a sentence (so capitalising the sentence never changes a gold span).
Also the interviewer's prompts (``PROMPTS``). Text only.
"""

from __future__ import annotations

SPOKEN: dict[str, list[str]] = {
    "person": [
        "um, so I rang {person} at the crisis team and she was, she was brilliant to be fair.",
        "and then {person} came round, the support worker, and sort of sat with me for a bit.",
        "yeah it was {person} who did my assessment, I think, or it might've been the other one.",
        "I mean {person} was lovely but she left and then it was {person}, who I didn't really click with.",
        "honestly if it wasn't for {person} I don't know where I'd be, like, genuinely.",
        "there's a lad at the group, {person}, he's been through the same sort of thing.",
        "so my care coordinator, {person}, she's the one that pushed for the referral to {health_org}.",
        "and I said to {person}, look, I can't do another six weeks of this.",
        "it was, er, {person} from the housing, she sorted the forms out with me.",
    ],
    "nickname": [
        "me mate {nickname} used to drag me out for a walk, you know, just to get out.",
        "everyone on the ward called him {nickname}, he was like the dad of the place.",
        "{nickname}? no, sorry, that's just what we call her, she's, she was my neighbour.",
        "and then {nickname} from the football turned up at the door, which I wasn't expecting.",
        "I was knocking about with {nickname} and that lot from {place} at the time.",
    ],
    "possessive": [
        "I ended up stopping at {possessive} for a few nights because I couldn't face going home.",
        "it was {possessive} idea to try the peer group, I wasn't keen at first.",
        "we were sat in {possessive} car outside the surgery for like an hour.",
        "I think {possessive} mum works at {workplace} as well, small world.",
        "so I was using {possessive} phone because mine had been cut off.",
    ],
    "relative": [
        "{relative} came with me to the first appointment, bless them, they were more nervous than me.",
        "it was hard because {relative} was poorly at the same time, so.",
        "I was living with {relative} in {place} then, just the two of us and the dog.",
        "yeah, {relative} found me, that's, that's how it all came out really.",
        "and {relative} doesn't really, they don't really get it, mental health and that.",
        "I'd ring {relative} every night, just to, just to hear a voice.",
        "when {relative} was {age} they started self-harming so that's been a lot as well.",
        "{relative} drove me to {health_org} in the middle of the night.",
    ],
    "age": [
        "I was only {age} when I first got sent to CAMHS.",
        "I think I was about {age}, maybe a bit older, when it started getting bad.",
        "so I'm {age} now, and I've been in and out of services since school really.",
        "she was {age}, so not a kid, but still, you know.",
        "I had my first admission at {age} and then again at {age}.",
        "it's hard being a {age} bloke and saying you're not coping.",
        "he was {age} when he passed, which is no age is it.",
    ],
    "date": [
        "I got discharged on {date}, I remember because it was just before my birthday.",
        "the referral went in on {date} and I didn't hear anything till {date}.",
        "it was {date}, I think, that was when it all kicked off.",
        "I've got an appointment on {date} but I don't know if I'll go.",
        "my mum died on {date} so that's, yeah, that's always a hard time.",
        "I started the course on {date} and lasted about three weeks, if that.",
    ],
    "place": [
        "I grew up in {place}, so quite rough, but it's home isn't it.",
        "we moved out to {place} after the divorce and I didn't know anyone.",
        "there's nothing like that round {place}, you have to get two buses.",
        "I was working over in {place} at the time, doing nights.",
        "my family's all from {place} originally but I've been down here years now.",
        "they wanted to send me to a bed in {place}, which is like three hours away.",
    ],
    "street": [
        "I was in a flat on {street}, which, it was damp, it wasn't good for my head.",
        "they moved me to {street}, it's a sort of supported housing place.",
        "the drop-in's on {street}, just round the back of the market.",
        "I lived at {street} for about six years, with the kids.",
        "so I was walking down {street} and I just, I just sat down on the kerb.",
    ],
    "postcode": [
        "they had my postcode down wrong, it's {postcode}, not the old one.",
        "you put your postcode in, mine's {postcode}, and it tells you what's near.",
        "I said {postcode}, and she said, oh, you're not in our area then.",
        "the letters kept going to {postcode} which is me mam's.",
    ],
    "health_org": [
        "I was at {health_org} for about five weeks the first time.",
        "they referred me on to {health_org} but the waiting list was like nine months.",
        "so I self-referred to {health_org}, because the GP wasn't doing owt.",
        "I go to {health_org} on a Thursday, it's the only thing that gets me out.",
        "the staff at {health_org} were, some of them were amazing, some not so much.",
        "I was under {health_org} and then they moved me to {health_org}.",
        "honestly {health_org} saved my life, I'll say that.",
    ],
    "school": [
        "I went to {school}, and that's where the bullying started really.",
        "I was doing my A levels at {school} when I first got ill.",
        "my lad's at {school} now and they've been quite good with it actually.",
        "I dropped out of {school} in second year, couldn't cope.",
        "the counsellor at {school} was the first person I ever told.",
    ],
    "workplace": [
        "I was working at {workplace} at the time, on the tills, zero hours.",
        "I've been at {workplace} nine years and they've been, they've been alright about it.",
        "I got signed off from {workplace} for about four months.",
        "I do nights at {workplace}, which doesn't help with sleep obviously.",
        "my manager at {workplace} just said, take as long as you need, which I didn't expect.",
    ],
    "phone": [
        "I said you can ring me on {phone}, but they never did.",
        "my number's {phone}, I don't mind you keeping it for the study.",
        "the number they gave me was {phone} and it just rang out.",
        "she wrote her mobile down, {phone}, and said call any time.",
    ],
    "email": [
        "if you email me, it's {email}, I check it most days.",
        "I sent everything over to {email} and heard nothing back.",
        "you can get me on {email}, that's probably easiest.",
    ],
    "nhs_number": [
        "I had to read out my NHS number, {nhs_number}, like three times on the phone.",
        "the letter's got my NHS number on, it's {nhs_number}, if that helps you.",
        "my NHS number is {nhs_number}, I know it off by heart now.",
    ],
    "url": [
        "there's a website, {url}, it's got all the groups on.",
        "I found it on {url}, just by googling really.",
        "they said go on {url} and fill the form in.",
    ],
    "handle": [
        "I post on {handle}, it's like my recovery account, anonymous-ish.",
        "follow {handle} on insta, they do walks every Sunday.",
        "I message her on Snapchat, she's {handle}.",
    ],
}

TYPED: dict[str, list[str]] = {
    "person": ["{person} on reception was really kind", "please pass on my thanks to {person} and the team",
               "saw {person} who was rude and didnt listen", "{person} my nurse went above and beyond"],
    "nickname": ["my friend {nickname} recommended the service", "shout out to {nickname} in the kitchen x"],
    "possessive": ["{possessive} support made all the difference", "i was dropped off at {possessive} house after"],
    "relative": ["{relative} was not kept informed at all", "staff were kind to {relative} when she visited",
                 "{relative} and i both felt listened to"],
    "age": ["im {age} and felt patronised", "my son is {age} and waited over a year",
            "as a {age} year old woman i felt safe"],
    "date": ["appointment on {date} was cancelled with no notice", "seen {date}, very good",
             "waited from {date} to {date} for a call back"],
    "place": ["had to travel to {place} for every appointment", "wish there was a clinic nearer {place}"],
    "street": ["the clinic on {street} is hard to get to", "letters still going to {street}"],
    "postcode": ["sent to wrong address {postcode}", "my postcode {postcode} is not on the system"],
    "health_org": ["{health_org} staff were amazing", "transfer from {health_org} was a mess",
                   "much better than my time at {health_org}"],
    "school": ["school ({school}) were not told", "support for my daughter at {school} was good"],
    "workplace": ["i work at {workplace} and couldnt get appointments outside shifts",
                  "appointments clash with my shifts at {workplace}"],
    "phone": ["please call me on {phone}", "rang {phone} many times no answer"],
    "email": ["contact me {email}", "email {email} if you want more feedback"],
    "nhs_number": ["nhs no {nhs_number}", "my nhs number is {nhs_number} please check my file"],
    "url": ["info on {url} was out of date", "found you through {url}"],
    "handle": ["i posted about it on twitter {handle}", "follow {handle} for the peer group"],
}

PROMPTS: list[str] = [
    "mm, okay. and who was involved at that point?",
    "right. and how did that feel, being at {health_org}?",
    "thanks, {person}. can you say a bit more about that?",
    "and was that when you were living in {place}?",
    "okay, and roughly how old were you then?",
    "mm-hm. you mentioned {relative} earlier, how did they take it?",
    "that's really helpful. shall we move on to the support side of things?",
    "and did anyone at {workplace} know what was going on?",
    "okay. take your time.",
    "yeah. and how long did you wait for that, do you remember the date at all?",
]
