"""The value lists, sentence templates and speaker labels of the SEALED de-identification part
(``deid_evalset_sealed``). Every entry is new: none equals (without case) an entry of the TUNE/TEST,
FRESH, HOLDOUT or UNSEEN parts; ``mine`` lists what that check covers. Words of the language every part
must use (months, weekdays, the common street types "Road", "Street", "Lane"...) are left out of it.
"""

from __future__ import annotations

FIRST = ["Aoibhinn", "Clodagh", "Cormac", "Ruairí", "Eimear", "Morven", "Kenzie", "Lachlan", "Innes", "Catrin",
         "Elin", "Iestyn", "Aled", "Mererid", "Jodie", "Chelsea", "Kerry-Ann", "Jolene", "Shane", "Lee", "Clint",
         "Ricky", "Dionne", "Jermaine", "Lorna", "Hyacinth", "Claudette", "Desmond", "Chinedu", "Uchenna", "Olusegun",
         "Bukola", "Adwoa", "Kojo", "Ebo", "Fodan", "Ubah", "Khadra", "Idil", "Mehari", "Selam", "Dawit", "Feruza",
         "Tahir", "Ghazala", "Sajid", "Nighat", "Raheela", "Kashif", "Mumtaz", "Shireen", "Jubair", "Fahmida",
         "Sukhdev", "Baljit", "Amrit", "Kuldip", "Hemal", "Nilesh", "Bhavna", "Kiran", "Dhruv", "Lalitha",
         "Xin", "Yan Ting", "Chun Kit", "Quang", "Hoa", "Jakub", "Wiktoria", "Paweł", "Bożena", "Radu", "Loredana",
         "Ovidiu", "Ruta", "Mindaugas", "Ilir", "Blerta", "Nenad", "Jelena", "Serkan", "Gülşen", "Hêvî", "Bahoz",
         "Rania", "Samir", "Layla", "Nour", "Zakaria", "Halima", "Alfie", "Freya", "Archie", "Evie", "Harley",
         "Lacey", "Ellis", "Frankie", "Sonny", "Ruby-Mae", "Beryl", "Glenys", "Norman", "Kenneth", "Raymond",
         "Hilda-May", "Gordon", "Brian", "Ray", "Jo", "Skyla", "Faye", "Dawn-Marie", "Prince"]
LAST = ["Ashworth", "Clegg", "Heaton", "Schofield", "Thackeray", "Armitage", "Hirst", "Gledhill", "Mellor", "Platt",
        "Nuttall", "Birtwistle", "Tattersall", "Pilkington", "Kershaw", "McGowan", "O'Neill", "Docherty",
        "McLaughlin", "Robertson", "Griffiths", "Prosser", "Ap Rhys", "Nwachukwu", "Adeyinka", "Ofori", "Darko",
        "Abdirahman", "Tekle", "Gebremedhin", "Chaudhry", "Sadiq", "Bashir", "Raza", "Islam", "Ali Khan", "Johal",
        "Bassi", "Sohal", "Lakhani", "Desai", "Trivedi", "Ramasamy", "Lau", "Cheung", "Vu", "Le", "Wróbel", "Kaczmarek",
        "Dąbrowska", "Stoica", "Radu-Ionescu", "Vaitkus", "Krasniqi", "Gashi", "Petrović", "Öztürk", "Aydın",
        "Barzani", "El-Sayed", "Haddad", "Mendes", "Da Costa", "Kowal", "Greenhalgh", "Young", "Llywelyn", "Hall", "Cox",
        "Payne", "Fenwick", "Rowntree"]
TITLE = ["Ward Sister", "Ward Manager", "Dr.", "Mrs.", "Mr.", "Nurse Practitioner", "Sis", "Fr", "Rabbi", "Sheikh",
         "Inspector", "DC"]
NICK = ["Titch Junior", "Bazzer", "Gazza", "Jacksy", "Mozza", "Chippy", "Nobes", "Scouse", "Geordie Mick", "Taffy",
        "Jock", "Paddy-Boy", "Skinny", "Stumpy", "Biscuit", "Podge", "Digger", "Sarge", "Doc", "Kezzie", "Chez",
        "Leesy", "Danno", "Fi-Fi", "Bubs", "Munchkin", "Big Sue", "Little Kev", "Tommy Two Shoes", "Wilksy"]
#: Relatives said most often: words of the language every part uses (not in the overlap check).
COMMON_RELATIONS = ["mum", "dad", "sister", "brother", "son", "daughter", "nan", "husband", "wife", "partner"]
RELATION = ["nanna", "gramps", "mom", "daddy", "step-dad", "stepmother", "bairn", "wean", "little girl", "eldest boy",
            "youngest lad", "baby", "middle child", "twin", "second cousin", "great aunt", "great uncle",
            "sister's husband", "ex-girlfriend", "ex-boyfriend", "fiancée's mum", "carer's lad", "stepsister", "foster dad",
            "birth dad", "adoptive mum", "godson", "nephew's wife", "cousin's lad"]
TOWN = ["Bolton-le-Sands", "Bacup", "Rawtenstall", "Haslingden", "Ramsbottom Bridge", "Nelson-in-Marsden",
        "Padiham", "Westhoughton", "Atherton", "Tyldesley", "Hindley", "Ashton-in-Makerfield", "Newton-le-Willows",
        "Prescot", "Ormskirk", "Maghull", "Crosby", "Formby", "Neston", "Winsford", "Middlewich", "Congleton",
        "Leek", "Biddulph", "Kidsgrove", "Uttoxeter", "Stone", "Market Drayton", "Oswestry", "Newport Pagnell",
        "Bridgnorth", "Ludlow", "Leominster", "Bromsgrove", "Evesham", "Malvern", "Tewkesbury", "Cirencester",
        "Chippenham", "Trowbridge", "Frome", "Bridgwater", "Minehead", "Tiverton", "Exmouth", "Bodmin", "St Austell",
        "Camborne", "Redruth", "Sittingbourne", "Sheerness", "Herne Bay", "Deal", "Ashford", "Tonbridge",
        "Hailsham", "Seaford", "Littlehampton", "Horsham", "Burgess Hill", "Fareham", "Gosport", "Havant",
        "Eastleigh", "Newbury", "Didcot", "Witney", "Thetford", "Dereham", "Wisbech", "Chatteris", "Spalding",
        "Sleaford", "Louth", "Mablethorpe", "Brigg", "Thorne", "Goldthorpe", "Wath", "Mexborough Green", "Hemsworth",
        "Knottingley", "Pudsey", "Yeadon", "Guiseley", "Batley Carr", "Thornaby-on-Tees", "Spennymoor",
        "Chester-le-Street", "Annfield Plain", "Washington", "Houghton-le-Spring", "Cramlington", "Alnwick", "Maryport",
        "Cockermouth", "Millom", "Aberdare", "Tonypandy", "Caerphilly", "Blackwood", "Abergavenny", "Ammanford",
        "Haverfordwest", "Flint", "Mold", "Prestatyn", "Greenock West", "Irvine", "Cumbernauld", "Wishaw", "Alloa",
        "Methil", "Peterhead", "Fraserburgh", "Elgin", "Wick", "Strabane", "Armagh", "Dungannon", "Bangor",
        "Carrickfergus"]
DISTRICT = ["Miles Cross", "Bilborough", "Clifton Estate", "Aspley", "St Matthews", "Beaumont Leys", "New Parks",
            "Saltley", "Washwood Heath", "Lozells East", "Kingstanding", "Bartley Green", "Whitton Park", "Blackley",
            "Clayton", "Newton Heath", "Abbey Hey", "Broughton", "Kensington Fields", "Norris Bank", "Garston",
            "Croxteth Park", "Hendon", "Southwick", "Grangetown East", "Thorntree", "North Ormesby", "Middleton",
            "Belle Vue", "Swarcliffe", "Allerton", "Bierley", "Thornbury Estate", "Manor Top", "Shiregreen",
            "Foxhill Estate", "Westerhope", "Cowgate", "Ferguslie Park", "Drumchapel North", "Wester Hailes East",
            "Whiterock", "Ballybeen", "Rhydyfelin", "Townhill", "Penderry", "Llanrumney", "Pennywell Estate",
            "Haringey", "Edmonton Green", "Harold Hill", "Becontree", "Abbey Wood", "Wembley", "Acton", "Kilburn Park"]
STREET_NAME = ["Alder", "Hornbeam", "Whitebeam", "Mulberry", "Quarry", "Tannery", "Foundry", "Brewery", "Ropewalk",
               "Spinners", "Weavers", "Colliery", "Pithead", "Canal", "Lock", "Bridge", "Ferry", "Market", "Fountain",
               "Cobden", "Peel", "Disraeli", "Palmerston", "Nightingale", "Brontë", "Kingsway", "Queensway",
               "Parkside", "Moor Top", "Greenside"]
#: Street types said most often: words of the language every part uses (not in the overlap check).
COMMON_STREET_TYPES = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Terrace", "Grove", "Way"]
STREET_TYPE = ["Causeway", "Promenade", "Esplanade", "Ridge", "Glade", "Copse", "Nook", "Drove", "Park", "End",
               "Side", "Grn", "Sq", "Cswy", "Wk"]
BLOCK = ["Court Flats", "Heights Flats", "Tower Block", "House Flats", "Residences"]
ORG_STEM = ["Ashfield", "Beechwood", "Bracken Hill", "Castleview", "Dovecote", "Eastfield", "Fernhill", "Gorse Hill",
            "Heathlands", "Ivybridge", "Juniper Hill", "Kingfisher Way", "Lapwing", "Marsh Lane", "Nettleham",
            "Oakfield", "Primrose Hill", "Quayside", "Redwood", "Swallowfield", "Thistle", "Upton", "Valley View",
            "Wildflower", "Yewtree", "Amberley", "Brambling", "Curlew"]
SAINT = ["Agnes", "Bartholomew", "Boniface", "Chrysostom", "Dominic", "Elizabeth", "Frideswide", "Hugh", "Ignatius",
         "Kevin", "Martin", "Oliver Plunkett", "Philip", "Swithun", "Wilfred", "Werburgh"]
#: Wards and inpatient units (where a sentence says "on"/"in" one).
WARD = ["{S} Ward, Block {n}", "Ward {n} at the General", "{S} Assessment Unit", "{S} Low Secure Unit",
        "{S} Medium Secure Unit", "{S} Rehabilitation Ward", "{S} Female Acute", "{S} Male Acute", "{S} Older Adults",
        "{S} Crisis House", "{S} Adolescent Unit", "the {S} Centre for Mental Health", "{S} Eating Disorder Unit"]
HEALTH = WARD + ["{T} General", "{T} Royal", "Royal {T} Hospital", "{S} Hospital", "St {Saint}'s Psychiatric Hospital",
                 "{S} Surgery in {T}", "{S} Medical Practice", "{S} Health Centre in {T}", "{S} Family Surgery",
                 "the {S} GP", "Dr {L}'s practice", "{T} Primary Care Network", "{T} Talking Therapies service",
                 "{T} Early Intervention Team", "{T} Home Treatment", "{T} CMHT North", "{T} Crisis Resolution",
                 "{T} ADHD Clinic", "{T} Perinatal Team", "{T} Drug and Alcohol Service", "{T} Recovery and Wellbeing College",
                 "{T} Psychiatric Liaison", "{T} Pathways", "{T} Mental Health Trust", "{T} Foundation Trust",
                 "{T} and {S} NHS Trust", "{T} Integrated Care Board", "{T} Child and Family Service",
                 "{T} Neurodevelopmental Service", "{T} Autism Service", "{T} Memory Service", "{T} Sexual Health"]
CHARITY = ["Mind {T} and District", "{T} and District Mind", "YoungMinds", "Shout", "CALM", "Women's Aid", "Headway", "Alzheimer's Society",
           "Carers UK", "Macmillan", "Marie Curie", "St Mungo's", "Crisis", "Nacro", "the Trussell Trust",
           "Andy's Man Club", "Mind Charity Shop", "{T} Samaritans branch", "Red Cross", "Action for Children",
           "the NSPCC", "Age Concern {T}", "{T} Carers Centre", "{S} Hospice", "{T} Foodbank", "Citizens Advice {T}",
           "{T} Hearing Voices group", "the {S} Project", "{T} Women's Refuge", "Victim Support"]
SCHOOL = ["{S} Primary", "{S} Infants", "{S} Juniors", "{S} High", "{S} Academy Trust", "{S} School for Girls",
          "{S} Boys' Grammar", "St {Saint}'s RC Primary", "St {Saint}'s C of E Juniors", "{S} Pupil Referral",
          "{S} Montessori", "{T} Grammar", "{S} Specialist School", "{S} SEN School", "{S} Nursery School",
          "Bishop {L} High", "{S} Secondary School", "{S} Academy in {T}"]
COLLEGE = ["{T} Sixth Form", "{T} College of Further Education", "University of {T}", "{T} Uni campus",
           "{S} College", "{T} Institute of Technology", "{T} Adult Education Centre"]
EMPLOYER = ["Asda Living", "Sainsbury's Local", "M&S", "Marks", "Aldi UK", "Morrisons Daily", "Boots Pharmacy",
            "Superdrug Stores", "Greggs the bakers", "Costa Coffee", "Amazon warehouse", "Hermes", "Royal Mail sorting office",
            "Arriva Buses", "National Express", "Stagecoach Buses", "Tata", "Capita call centre", "Sky call centre",
            "EE", "Vodafone", "O2", "Tesco Extra", "Lidl distribution", "Primark stockroom", "Next warehouse", "Wetherspoons pub",
            "Premier Inn reception", "Whitbread", "Pret a Manger", "Leon Restaurants", "Timpson", "Kwik Fit centre", "Screwfix counter",
            "Royal Navy", "the Army", "Her Majesty's Prison Service", "the fire service", "{T} District Council",
            "{L} Haulage", "{L}'s Taxis", "{S} Residential Home", "{S} Nursing Agency", "{L} and Daughters", "{S} Working Men's Club",
            "the {S} Inn", "{T} Building Society", "{T} Football Club", "{S} Bakery"]
#: Mail domains most people have: every part uses them (not in the overlap check).
COMMON_EMAIL_DOMAINS = ["gmail.com", "hotmail.co.uk", "hotmail.com", "outlook.com", "yahoo.co.uk", "icloud.com"]
EMAIL_DOMAIN = ["outlook.co.uk", "aol.com", "sky.com", "btinternet.com", "live.co.uk", "protonmail.com", "zoho.com",
                "yandex.com", "aol.co.uk", "tutanota.com"]
URL_SITE = ["instagram.com/{tag}", "www.instagram.com/{tag}/", "facebook.com/groups/{town}peers", "linktr.ee/{tag}",
            "gofundme.com/f/{user}-appeal", "www.gofundme.com/f/help-{last}", "justgiving.com/page/{user}",
            "https://www.{stem}{town}.co.uk", "www.{town}carers.org.uk", "{town}hearingvoices.org",
            "https://{stem}.nhs.uk/referral", "youtube.com/@{tag}", "www.tiktok.com/@{tag}", "bit.ly/{code}",
            "tinyurl.com/{town}{code}", "https://forms.office.com/r/{code}", "eventbrite.co.uk/e/{town}-walk-{code}",
            "{user}.blogspot.com", "medium.com/@{tag}", "https://discord.gg/{tag}", "onlyfans.com/{tag}",
            "www.rightmove.co.uk/properties/{code}", "https://maps.app.goo.gl/{code}", "vinted.co.uk/member/{code}-{tag}"]
POSTCODE_AREA = ["LS", "BD", "HD", "WF", "HX", "M", "OL", "BL", "WN", "L", "S", "DN", "HU", "NE", "SR", "TS", "B",
                 "WV", "ST", "NG", "LE", "CF", "SA", "NP", "LL", "G", "EH", "KW", "IV", "BT", "E", "N", "SW", "W",
                 "EC", "WC", "YO", "LA", "CA", "EX", "PL", "BS"]
HOLIDAY = ["Christmas", "Easter Monday", "Bank Holiday Monday", "Eid", "Diwali", "Mother's Day", "Father's Day",
           "Halloween", "Guy Fawkes night", "Hogmanay", "Christmas Eve night"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]

#: Role labels (none may be flagged): interviewer's, then the one or two others'.
ROLE_SETS = [("IR", "IE"), ("Lead researcher", "Interviewee 1"), ("Co-facilitator", "Expert by experience", "Family carer"),
             ("Speaker 1", "Speaker 2"), ("Q.", "A."), ("Research nurse", "Patient"), ("Academic researcher", "Patient 7"),
             ("Facilitator 1", "HCA", "Student nurse"), ("Interviewer A", "Ppt 3"), ("Research lead", "Grandparent"),
             ("Peer support worker", "Step-parent"), ("IV1", "Advocate"), ("Chair", "Parent carer", "Adult son"),
             ("Researcher (RB)", "Psychologist"), ("Interviewer (peer)", "OT"), ("Evaluator", "Senior practitioner"),
             ("Interviewer B", "Keyworker"), ("Group facilitator", "Partner 1", "Partner 2"), ("Study researcher", "Young carer"),
             ("Int.", "Resp."), ("Host", "Guest"), ("RA", "Social worker"), ("Interviewer 3", "Peer supporter")]

OPENERS = ["Okay, we're recording now. So, in your own words, how did you end up in contact with the team?",
           "Just to start us off, could you tell me what support looks like for you at the moment?",
           "Right, so first question: what was going on for you before the referral?",
           "So the first thing we ask everyone is how long you've been involved with services.",
           "If you could start by saying a bit about your role and how long you've been doing it?",
           "Can you think back to the first time you asked for help, and tell me about that?",
           "Lovely, thank you both for coming. Could you each say a bit about how you got involved?",
           "What's your experience been of the crisis side of things, the ambulance, 111, that kind of thing?"]
PROMPTS = ["Yeah.", "Yeah, yeah.", "Mhm.", "Okay.", "Oh, right.", "Gosh.", "And was that the first time?",
           "Sorry, go on.", "Can I just ask, who was that?", "What happened next?", "How were you in yourself by then?",
           "Did you feel listened to?", "That's really useful, thank you.", "Okay, and is that still going on?",
           "Do you want to take a break? No? Okay.", "Right. So what would have made the difference?"]
OPEN_GREETINGS = ["Thanks for making the time, {who}.", "Hiya {who}, thanks for this.", "Right then, {who}, are you okay to start?"]

#: Participant voice: service users, carers, family and staff. ``{x}`` is the gold slot (``{x:first}``,
#: ``{x:last}``... take one value); ``{title}`` and ``{rel}`` are filled around it.
TEMPLATES: dict[str, list[str]] = {
    "person": ["Honestly, {x} on the crisis line was the only one who rang me back.",
               "There's a support worker, {x}, she's been with me since the start.",
               "{title} {x:last} came on the ward round and didn't even look at me.",
               "I asked for {x} but they said she'd left the service.",
               "My care coordinator's {x}, but she's off sick at the minute.",
               "Staff like {x} make all the difference on nights.",
               "{x:last} was the psychiatrist then, he just upped the dose.",
               "I rang and asked for {x:first} and they put me straight through.",
               "It was {x} that did the Mental Health Act assessment.",
               "The paramedic, {x:first} I think her name was, sat with me for ages."],
    "nickname": ["Everyone on the estate knows him as {x}.", "{x} from the drop-in came to the hospital with me.",
                 "There's a lad we call {x}, he's been through it as well.", "Me and {x} were on the same ward."],
    "possessive": ["I've been sleeping on {x}'s sofa since I got out.", "It was {x}'s birthday the day they sectioned me.",
                   "{x}'s mum's a nurse, so she knew what to do.", "We all went back to {x}'s after the hearing."],
    "relative": ["Our {x} has been brilliant through all this.", "Me {rel} {x} does all my shopping now.",
                 "I've got my {rel} {x} living with me, and they've got their own problems.", "My {rel}, {x}, rang the police.",
                 "It was our {x} that found me.", "I care for my {rel} {x} full time since the stroke.",
                 "Me and my {rel} {x} don't really speak any more."],
    "age": ["I'm {x} now, and I've been under them since I were a teenager.", "She was {x:age_child} when she first went into care.",
            "My dad's {x:age_old}, so he can't really help.", "I'd just turned {x} when I lost my job.",
            "I've got a {x:age_num}-year-old at home so I can't go in.", "He's only {x:age_child}, he shouldn't be seeing all that.",
            "At {x} you don't expect to be starting again."],
    "date": ["I got sectioned on {x}, I remember that much.", "It was {x} when the ambulance came.", "My next review is {x}.",
             "They discharged me on {x} with nothing.", "I remember it was {x} because it was pouring down.",
             "I've not had a drink since {x}."],
    "place": ["I'm from {x} originally, moved here for work.", "The nearest bed was in {x}, two hours away.",
              "There's nothing for young people in {x}.", "We had to go all the way to {x} for the clinic.",
              "I got the bus from {x} to the hospital every day.", "Round {x} everyone knows everyone's business."],
    "street": ["I was on the unit on {x:road} for six weeks.", "We live on {x}, by the chippy.",
               "The drop-in's at {x} now, they moved it.", "My address is {x}, they kept getting it wrong.",
               "They found me wandering on {x:road} at three in the morning.", "She's in a flat at {x}."],
    "postcode": ["They said because I'm {x} I'm not in their catchment.", "My postcode's {x}, so it's the other team.",
                 "The taxi firm wouldn't come out to {x}.", "It's {x}, the satnav always gets it wrong."],
    "health_org": ["I was on {x:ward} for three months.", "They moved me to {x:ward} in the middle of the night.",
                   "I've been referred to {x} but there's a year's wait.", "{x} were really good with me, to be fair.",
                   "I work nights at {x}.", "My GP at {x} just kept giving me tablets.",
                   "I volunteer at {x:charity} on a Wednesday.", "We went to {x} and sat there for nine hours."],
    "school": ["My daughter's at {x:child_school}, they've been really good.", "I got excluded from {x:child_school} in Year Nine.",
               "I'm doing my access course at {x:college}.", "He's meant to be at {x} but he won't go.",
               "The SENCO at {x:child_school} was the one who noticed."],
    "workplace": ["I'd been at {x} fourteen years when I went off sick.", "I'm back at {x} on a phased return.",
                  "Occy health at {x} were no use at all.", "I do agency shifts at {x} when I can.",
                  "My boss at {x} said I had to choose."],
    "phone": ["My number's {x}, text before you ring.", "You can get me on {x}.", "The duty line's {x}, it's on the letter.",
              "If I don't answer, ring my mum on {x}."],
    "email": ["Send it to {x}, I check that one.", "My email's {x}.", "It's {x}, all in small letters.",
              "They kept emailing {x} but I'd lost the password."],
    "nhs_number": ["My NHS number's {x}, I know it off by heart now.", "It says {x} on the top of the letter.",
                   "They asked for my NHS number, {x}, three times."],
    "url": ["It's all on {x}, the times and that.", "I set up {x} to raise money for the funeral.",
            "If you go on {x} you can see my work.", "The group's on {x}."],
    "handle": ["I'm {x} on Instagram, I post my recovery stuff.", "Add me on Snap, I'm {x:handle_bare}, same as everywhere.",
               "I post on Reddit as {x:handle_reddit}.", "She's {x} on TikTok, she talks about her OCD."],
}
#: Interviewer voice (researchers, peer researchers, staff).
ASKS: dict[str, list[str]] = {
    "person": ["And was {x} your care coordinator at that point?", "Sorry, who's {x:first}, is that the nurse?"],
    "nickname": ["Is {x} someone from the group?"],
    "possessive": ["So you stayed at {x}'s?"],
    "relative": ["Did your {rel} {x} know what was going on?", "And how's {x}, your {rel}, coping?"],
    "age": ["So you were about {x} then?", "And your youngest was {x:age_child}?"],
    "date": ["Was that {x}, roughly?", "So {x} was when you were admitted?"],
    "place": ["Was that when you lived in {x}?", "Is the service based in {x}?"],
    "street": ["Is that the unit on {x:road}?"],
    "postcode": ["For the voucher, can I just check your postcode is {x}?"],
    "health_org": ["How did you find {x}?", "Were you still on {x:ward} then?"],
    "school": ["Did anyone at {x} pick up on it?"],
    "workplace": ["Did anyone at {x} know you were struggling?"],
    "phone": ["And {x} is still the best number for you?"],
    "email": ["Shall I send the summary to {x}?"],
    "nhs_number": ["I'll redact {x} from the transcript, don't worry."],
    "url": ["Is that {x}?"],
    "handle": ["Sorry, was that {x}?"],
}


def mine() -> dict[str, list[str]]:
    """This part's own entries by list, for the overlap check."""
    return {"FIRST": FIRST, "LAST": LAST, "TITLE": TITLE, "NICK": NICK, "RELATION": RELATION, "TOWN": TOWN,
            "DISTRICT": DISTRICT, "STREET_NAME": STREET_NAME, "STREET_TYPE": STREET_TYPE, "BLOCK": BLOCK,
            "ORG_STEM": ORG_STEM, "SAINT": SAINT, "HEALTH": HEALTH + CHARITY, "SCHOOL": SCHOOL + COLLEGE,
            "EMPLOYER": EMPLOYER, "EMAIL_DOMAIN": EMAIL_DOMAIN, "URL_SITE": URL_SITE, "HOLIDAY": HOLIDAY,
            "OPENERS": OPENERS + OPEN_GREETINGS, "PROMPTS": PROMPTS,
            "ROLE_SETS": [x for roles in ROLE_SETS for x in roles],
            "TEMPLATES": [t for ts in TEMPLATES.values() for t in ts] + [t for ts in ASKS.values() for t in ts]}
