"""Sentences of the twelfth de-identification part, per gold kind: SPOKEN ones for interview turns
(fillers, self-corrections, run-ons, numbers said in words) and WRITTEN ones for comment pages and for
texts, forms, letters and e-mails read aloud. ``{FIELD}`` is filled by ``deid_evalset_twelfth_values``;
a leading "the", a title, a possessive "'s" and a family role stay outside the field, so outside the gold.

Age convention: only a number said or written is an age ("I was fifteen", "aged 42", "a 34-year-old"
gives "34"); "in my early thirties" and "a teenager" are not ages and appear below as plain text.
"""

from __future__ import annotations

SPOKEN: dict[str, list[str]] = {
    "person": [
        "erm, the one who really helped was {FULL}, she was the peer support worker, lovely woman",
        "I rang and a lad called {FIRST} picked up, he was, he was honest with me",
        "so {title} {SUR} says to me, right, you need to stop blaming yourself",
        "it was {FULL} that referred us, well, no, it was her colleague, {FULL}",
        "we had {title} {SUR} for the first bit and then, um, {FIRST} took over",
        "there's a woman at church, {FULL}, and she just turned up with a lasagne",
        "{FIRST} from the young carers, she'd text me every Friday like, are you ok",
        "my keyworker's {FULL}, been with me since I got out",
        "honestly {FIRST} and {FIRST} were the only ones that didn't judge",
        "the health visitor, {title} {SUR}, she spotted it before I did",
        "they put me under {title} {SUR} at first but I asked for a woman",
    ],
    "nickname": [
        "everyone on the boat called him {NICK}, even his mam did",
        "we call her {NICK}, she hates it, but that's what she's called",
        "in the regiment he was just {NICK}, no one knew his real name",
        "me and {NICK} used to bunk off and sit on the wall",
        "my little one, {NICK}, we call her that cos she never sits still",
        "it was {NICK} who got me into the meetings, he's ten years clean",
        "ask anyone round ours about {NICK}, they'll tell you",
    ],
    "possessive": [
        "we ended up at {POSS}'s place for about three weeks",
        "it was {POSS}'s idea to go to the group in the first place",
        "I was on {POSS}'s settee, like, sofa surfing basically",
        "erm, {POSS}'s mum drove us to the hospital in the end",
        "{POSS}'s been my rock through all of it, honestly",
        "I read {POSS}'s text out to the nurse because I couldn't say it myself",
        "so after the funeral I stayed at {POSS}'s for a bit",
    ],
    "relative": [
        "my {role} {REL} still doesn't know, I couldn't tell her",
        "me {role} {REL} come with me to every appointment",
        "I look after my {role}, {REL}, since I was, like, little",
        "our {REL} had the baby at the same time as me so we were in it together",
        "my {role} {REL}, God rest her, she would have gone mad at them",
        "and then my {role}, um, {REL}, he took the kids for the weekend",
        "my {role} {REL} was posted away so it was just me and the kids",
        "with my {role} {REL} on the boats, you're basically a single parent half the year",
    ],
    "age": [
        "I was {AGE} when I started caring for my mum",
        "when he was {AGE} he got diagnosed, just out of nowhere",
        "I'm {AGE} now and I still feel like that kid sometimes",
        "she'd have been, erm, {AGE}? no, sorry, {AGE}, when we moved over",
        "he was only {AGE} years old, only {AGE}",
        "at {AGE} I was already drinking every day",
        "I had my first at {AGE}, and they treated me like a child",
        "my dad's {AGE} and still out on the farm every morning",
        "she was in her early thirties, I think, a teenager really in how she acted, but she was {AGE} on paper",
    ],
    "date": [
        "the baby came on the {DATE}, three weeks early",
        "I got out on {DATE}, I'll never forget that",
        "it was {DATE}, I think, no, it was a bit after, {DATE}",
        "my last drink was {DATE}, so, yeah",
        "we moved up in {DATE} when he got posted",
        "they discharged me on {DATE} with nothing, no plan, nothing",
        "erm, the appointment was {DATE}, and it got cancelled the day before",
    ],
    "place": [
        "I grew up in {PLACE}, right on the edge of it",
        "we were living out in {PLACE} then, miles from anything",
        "there's nothing for young people in {PLACE}, nothing",
        "she moved from {PLACE} to {PLACE} to be near the hospital",
        "the ferry from {PLACE} only goes twice a week in winter",
        "I had to get two buses to {PLACE} for the clinic",
        "he's from {PLACE} originally, you can tell by the accent",
    ],
    "street": [
        "we were at {STREET} then, above the chip shop",
        "they rehoused us on {STREET}, which was worse, honestly",
        "I'm at {STREET} now, it's a flat but it's mine",
        "the meeting's in the hall on {STREET}, by the chapel",
        "my nan's house, {STREET}, that's where I was happiest",
        "you know the hostel on {STREET}? I was there six month",
    ],
    "postcode": [
        "and the postcode, is it, {POST}, yeah, {POST}",
        "they said because I'm {POST} I'm not in their area",
        "the postcode's {POST}, the sat nav never finds it",
        "anyone in {POST} gets sent to the other team",
        "I gave them my postcode, {POST}, and they still sent it to the wrong house",
    ],
    "health_org": [
        "I ended up in {HEALTH} for a fortnight",
        "they sent me to {HEALTH}, which was, um, an hour's drive",
        "the midwives at {HEALTH} were brilliant, I can't fault them",
        "I self-referred to {HEALTH} in the end",
        "it was the {HEALTH} that finally listened",
        "he was on {HEALTH} for about six weeks",
        "a woman from {HEALTH} came out to the farm",
        "if it wasn't for {HEALTH} I wouldn't be here, simple as",
    ],
    "school": [
        "I was at {SCHOOL} then, doing my A levels, trying to",
        "the head of year at {SCHOOL} knew I was a young carer",
        "she's in year nine at {SCHOOL}",
        "I dropped out of {SCHOOL} in second year",
        "I'm a student at {SCHOOL}, first in my family to go",
        "the nursery at {SCHOOL} were the ones who noticed",
    ],
    "workplace": [
        "I was on nights at {WORK} at the time",
        "he'd been at {WORK} twenty year and they let him go",
        "I work for {WORK}, on the line, so no phone all shift",
        "my manager at {WORK} was actually really good about it",
        "we both worked at {WORK}, that's how we met",
        "after the army he got a job with {WORK}",
    ],
    "phone": [
        "my number is {PHONE}, if you need to ring",
        "I wrote it on my hand, {PHONE}, and rang from the hospital phone",
        "it's {PHONE}, or, no, that's my old one, it's {PHONE}",
        "the crisis line, the number was {PHONE}, I had it on the fridge",
        "just text me on {PHONE}, I don't answer calls",
    ],
    "email": [
        "my email's {EMAIL}, it's an old one but I still use it",
        "you can send it to {EMAIL}",
        "she said email {EMAIL} and I never heard back",
        "it's, erm, {EMAIL}, all lower case",
    ],
    "nhs_number": [
        "my NHS number, hang on, it's {NHS}",
        "they kept asking for his NHS number, {NHS}, I know it off by heart now",
        "I read it off the letter, {NHS}, and she still couldn't find me",
        "NHS number {NHS}, because they'd got me mixed up with someone else",
    ],
    "url": [
        "there's a page, {URL}, that's where I found them",
        "we set up a fundraiser, it's {URL}",
        "if you go on {URL} it's got all the meeting times",
        "the link was {URL}, I sent it to my sister",
    ],
    "handle": [
        "I'm on insta, {HANDLE}, I post about my recovery",
        "my TikTok's {HANDLE}, don't laugh",
        "add me on snap, {HANDLE}",
        "she messaged me from {HANDLE} and that's how it started",
        "his handle was {HANDLE}, everyone in the group followed him",
    ],
}

#: Written sentences: comment pages, and texts, forms, letters and e-mails read aloud in interviews.
WRITTEN: dict[str, list[str]] = {
    "person": [
        "{title} {SUR} was very kind and explained everything to my daughter.",
        "Please pass on our thanks to {FULL} on the ward.",
        "The letter said, Dear {title} {SUR}, we are writing to confirm your referral.",
        "Name: {FULL}. Relationship: daughter.",
        "Staff nurse {FIRST} went above and beyond.",
        "Signed, {FULL}, Care Coordinator.",
    ],
    "nickname": [
        "Everyone knows her as {NICK} on the unit and she made my mum laugh every day.",
        "Preferred name: {NICK}.",
        "The text just said, it's {NICK}, are you coming tonight?",
    ],
    "possessive": [
        "{POSS}'s care plan was never shared with the family.",
        "We were not told about {POSS}'s medication change.",
        "The text read, I'm at {POSS}'s, don't worry.",
    ],
    "relative": [
        "My {role} {REL} was treated with real dignity.",
        "Next of kin: {REL} (my {role}).",
        "The staff looked after my {role}, {REL}, as if she was their own.",
    ],
    "age": [
        "Age: {AGE}.",
        "My son is {AGE} and had to wait eleven weeks.",
        "As a {AGE}-year-old I felt I was not listened to.",
        "My mother, aged {AGE}, was left on a trolley.",
    ],
    "date": [
        "Date of birth: {DATE}.",
        "Appointment on {DATE} was cancelled without notice.",
        "Seen on {DATE} and discharged the same day.",
        "The letter was dated {DATE}.",
    ],
    "place": [
        "Having the clinic in {PLACE} would save a long journey.",
        "The ambulance had to come from {PLACE}.",
        "Town: {PLACE}.",
    ],
    "street": [
        "Address: {STREET}, {PLACE}, {POST}.",
        "Parking near {STREET} is impossible.",
        "The new clinic on {STREET} is much better.",
    ],
    "postcode": [
        "Postcode: {POST}.",
        "Services for {POST} should not be cut.",
    ],
    "health_org": [
        "The staff at {HEALTH} were excellent.",
        "I was transferred to {HEALTH} and the handover was poor.",
        "Referred by {HEALTH}.",
        "Thank you to the team at the {HEALTH}.",
    ],
    "school": [
        "School: {SCHOOL}.",
        "The nurse came into {SCHOOL} to talk to his class.",
        "She studies at {SCHOOL} and needed evening appointments.",
    ],
    "workplace": [
        "Employer: {WORK}.",
        "I had to take unpaid leave from {WORK} for every appointment.",
        "Occupation: fitter at {WORK}.",
    ],
    "phone": [
        "Tel: {PHONE}.",
        "Please call me back on {PHONE}.",
        "Emergency contact: {FULL}, {PHONE}.",
    ],
    "email": [
        "Email: {EMAIL}.",
        "Please reply to {EMAIL} as I do not get post.",
        "From: {EMAIL}. Subject: my complaint.",
    ],
    "nhs_number": [
        "NHS No: {NHS}.",
        "My NHS number is {NHS} and it was recorded wrongly.",
        "Patient NHS number {NHS}.",
    ],
    "url": [
        "More information is at {URL}.",
        "Please see {URL} for the support group.",
        "I found the service through {URL}.",
    ],
    "handle": [
        "Follow us: {HANDLE}.",
        "I posted about it on Instagram, {HANDLE}.",
        "Twitter: {HANDLE}.",
    ],
}
