"""Sentences of the EIGHTH de-identification part, with ``{slot}`` holes the value makers fill
(``deid_evalset_eighth_values.SLOTS``).

Owns three registers: what a participant says in an interview (fillers, self-corrections, run-on
clauses, numbers in words), what an interviewer asks back, and what a patient writes in a feedback
comment. ``DECOYS`` are sentences with no identifier in them that look a little like one (an age
band with no number, a ward with no name, a duration): they carry no gold span on purpose.
"""

from __future__ import annotations

SPOKEN = [
    # person
    "erm, so the one who actually listened was {person}, she was, yeah, she was brilliant",
    "I rang and asked for {person} but they said he'd, um, he'd left by then",
    "and {person} from the, the housing side came round, which, I mean, it was too late really",
    "there was a lad called {person} in my group and we just sort of clicked, you know",
    "my worker was {first}, no sorry, {first}, the first one went off sick",
    "so I said to {person}, I said look I can't do another six weeks of this",
    "the consultant, Mr {surname}, he never once looked up from his screen",
    "honestly if it wasn't for {person} I don't think I'd be sat here",
    # nickname
    "everyone calls him {nickname}, I don't even know his real name to be honest",
    "and {nickname}, that's what we call her, she'd bring us brews",
    "me mate {nickname} was the one who drove me, like, at two in the morning",
    "we knew him as {nickname} at the centre, proper character",
    "she goes by {nickname} now, she hates her proper name",
    # possessive
    "we ended up sleeping on {possessive} settee for about a month",
    "it was {possessive} idea to go to the doctor in the end, not mine",
    "I kept thinking about {possessive} face when they told us",
    "erm we'd go round {possessive} after school most days",
    "and {possessive} mum rang social services, which, yeah",
    # relative
    "{relative} was the one who noticed, she said you're not eating",
    "I was looking after {relative} full time by then so",
    "well {relative} passed in the March and everything sort of fell apart after that",
    "me and {relative} don't really talk now, not since the funeral",
    "so {relative} came with me to the first appointment, held my hand, the lot",
    "it's {relative} who does all the forms for me, I can't, I can't face them",
    # age
    "I was {age_child}, maybe {age_child}, when it first started",
    "when he was {age_child} they said it was just a phase",
    "I'm {age} now and I still think about it",
    "she was only {age_child} years old, she didn't understand any of it",
    "aged {age} I was, er, I was working full time and caring",
    "when you're {age} you don't, you don't think you're ill, do you",
    "he turned {age} on the ward, which was just, yeah, grim",
    "me nan's {age_old} and she still does her own shopping",
    "my lad's a {age_child}-year-old, so he kind of gets it now",
    "I left home at {age_child}, no, {age_child}, I'm getting muddled",
    # date
    "it was {date}, I remember because it was bin day",
    "they discharged me on {date} with nothing, no plan, nothing",
    "the appointment letter said {date} but nobody turned up",
    "erm, I think it was {date}, or around then anyway",
    "we moved in {month_year} and it all went downhill from there",
    "I started on the new tablets in {month_year}, yeah",
    "since {date} I haven't had a single call back",
    # place
    "I grew up in {place}, just outside, on the estate",
    "we got moved from {place} to {place} and I didn't know anybody",
    "there's nothing out in {place} for young people, nothing at all",
    "I was commuting from {place} every day on two buses",
    "erm, we're originally from {place} but we've been up here years now",
    "my family's all back in {place} so I'm on my own really",
    # street
    "we were living on {street} at the time, the one by the park",
    "I'm at {street} now, it's a bit better",
    "they put us in a hostel on {street}, it was, yeah, not nice",
    "she lives round the corner on {street}, so she pops in",
    "I used to walk down {street} every morning to get the bus",
    # postcode
    "the postcode's {postcode} if that helps, they kept getting it wrong",
    "anyone in {postcode} gets sent to the same team, it's a postcode lottery",
    "I gave them {postcode} and the sat nav still took them to the wrong house",
    "we're just over the border, {postcode}, so we fall between two areas",
    # health_org
    "I was under {health_org} for about two years",
    "they sent me to {health_org} and the wait was, honestly, months",
    "erm {health_org} were really good actually, credit where it's due",
    "I ended up at {health_org} after the second, um, after the second overdose",
    "my GP's {health_org} and you just can't get through at eight o'clock",
    "the nurses on {health_org} were run off their feet",
    "I got referred to {health_org} by the school nurse",
    # school
    "I went to {school} and nobody there picked up on anything",
    "she's at {school} now, year nine, and they've been great",
    "I dropped out of {school} in the second year",
    "the teachers at {school} just thought I was being naughty",
    "erm, I was doing my nursing at {school} when I got poorly",
    # workplace
    "I was working at {workplace} on nights, so my sleep was all over",
    "they let me go from {workplace} after the third sick note",
    "he's on the tills at {workplace}, has been for years",
    "I did twelve years at {workplace}, packing, then supervisor",
    "my manager at {workplace} was actually really understanding",
    "I've got a bit of work at {workplace} now, weekends",
    # phone
    "the number they gave me was {phone}, and nobody ever picked up",
    "if you want to ring me it's {phone}, that's my mobile",
    "I've still got it in my phone, {phone}, that was the crisis line one",
    "you can reach my sister on {phone} if I don't answer",
    "erm hang on, it's {phone}, I think, yeah",
    # email
    "my email is {email} if you want to send the transcript",
    "they kept emailing {email}, which is my old one, so I never saw it",
    "just send it to {email}, that's easiest",
    "it's {email}, all lower case",
    # nhs_number
    "my NHS number, hang on, it's {nhs_number}, I know it off by heart now",
    "I had to read out {nhs_number} about five times on the phone",
    "they had the wrong NHS number on the letter, mine's {nhs_number}",
    "the receptionist asked for my NHS number, {nhs_number}, and still couldn't find me",
    # url
    "there's a website, {url}, that's where I found the group",
    "I put it all on {url} so people could donate",
    "if you go on {url} there's a form you fill in",
    "erm, it's {url}, my friend set it up",
    # handle
    "I post about it on {app}, I'm {handle} on there",
    "my {app} is {handle} if you want to look at the art stuff",
    "she messaged me on {app}, her name on there is {handle}",
    "I follow this lass {handle} and she talks about it really openly",
    "add me, I'm {handle}, on {app}",
    # several at once, run on
    "so {relative} drove me to {health_org} and we waited from six till gone midnight",
    "I was {age} and living in {place} with {possessive} family, and then, erm, yeah",
    "{person} from {workplace} rang me on {phone} to check I was alright, which was nice",
    "we'd just moved to {street}, {postcode}, and I didn't know where anything was",
    "I met {nickname} at {school}, we were both, like, {age_child}",
    "I was at {health_org} from {date} till, oh, {month_year} I think",
]

PROBES = [
    "And was that {health_org}, or somewhere else?",
    "Sorry, just to check, is that {place}?",
    "So you were at {school} at that point?",
    "And {person}, was that your care coordinator?",
    "When you say {relative}, is that the same person who came to the appointment?",
    "OK, and you were how old then, about {age}?",
    "Right, so that would have been around {date}?",
    "And you were still at {workplace}?",
    "Is {email} still the best address for you?",
    "I'll ring you on {phone} next week then, is that OK?",
]

WRITTEN = [
    "Dr {surname} and the team were fantastic with my {age_child} year old son.",
    "Please pass on my thanks to {person} who went above and beyond.",
    "{person} was rude and dismissive when I rang on {date}.",
    "Nurse {first} made me feel safe for the first time in months.",
    "Everyone at the base knows {nickname}, he is a credit to the service.",
    "The driver, {nickname} as he asked us to call him, was brilliant with mum.",
    "{possessive} care was let down by poor communication between teams.",
    "Thank you for looking after {possessive} dad so well.",
    "My husband {first_male} was treated with real dignity.",
    "Transport was booked for {relative} but never arrived.",
    "I am writing on behalf of {relative} who is {age_old} and has dementia.",
    "Patient aged {age}, waited over four hours for an ambulance.",
    "My mother is {age_old} and was left on the floor for hours.",
    "Visit on {date} was cancelled without any notice.",
    "Admitted {date}, discharged {date}, no follow up at all.",
    "Since {month_year} I have been passed between services.",
    "Crew came out to {street}, {place} very quickly.",
    "The ambulance went to {street} instead of our address.",
    "Pick up was from {street}, {postcode} and the driver could not find it.",
    "We live in {place} and there is no service out here anymore.",
    "Please note our postcode is {postcode}, not the one on your system.",
    "Staff at {health_org} were kind and explained everything.",
    "Referred to {health_org} in {month_year} and still waiting.",
    "The crisis team at {health_org} did not return my calls.",
    "{health_org} were excellent, could not fault them.",
    "My daughter attends {school} and the school nurse referred her.",
    "Support letter was sent to {school} which really helped.",
    "I had to leave my job at {workplace} because of the waiting times.",
    "My employer {workplace} was more supportive than the service.",
    "Please call me back on {phone}.",
    "I left three messages on {phone} and nobody returned them.",
    "Contact me at {email} if you want more feedback.",
    "Letters went to {email} which is no longer in use.",
    "NHS number {nhs_number}, please check my records are correct.",
    "My NHS no. is {nhs_number} and it was wrong on the letter.",
    "I found the group through {url} and it changed my life.",
    "More information should be on {url} as the leaflet is out of date.",
    "I have written about my experience on {app} as {handle}.",
    "Follow {handle} for the recovery cafe updates.",
    "My son aged {age_child} was seen by {person} at {health_org}.",
]

DECOYS = [
    "she'd have been in her early thirties, maybe, I'm not sure",
    "he's in his sixties now, so",
    "I was a teenager, basically",
    "we waited about four hours in the end",
    "the ward was really short staffed that night",
    "I must have seen five or six different doctors",
    "it was a Tuesday, I think, or a Wednesday",
    "the GP just said to come back in two weeks",
    "two paramedics came, both really lovely",
    "I was on the waiting list for nearly a year",
]
