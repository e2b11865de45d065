"""Value lists and value makers for the UNTOUCHED part of the de-identification evaluation set.

Owns: the names, places, services, schools, employers and the makers of dates, ages, phone numbers,
postcodes, NHS numbers, emails, links and handles, each written the way people say or type them in a
UK mental-health-services interview. It must not read the detector or the other parts' lists: it was
written apart from both, so a detector tuned on them meets these values for the first time.

A maker returns *pieces*: plain strings (context kept out of the gold span, such as "my nan " or the
"'s" of a possessive) and ``(kind, value)`` pairs (the identifier, which becomes a gold span).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Piece = str | tuple[str, str]

# --- people -------------------------------------------------------------------------------------
FEMALE = [
    "Leanne", "Rhiannon", "Siobhan", "Niamh", "Bethan", "Morag", "Carys", "Shannon", "Kayleigh", "Hayley",
    "Jodie", "Tracey", "Bernadette", "Maureen", "Lorraine", "Abbie", "Demi", "Poppy", "Evie", "Imogen",
    "Eilidh", "Aoife", "Cerys", "Gwen", "Ffion",
    "Anjali", "Nisha", "Kavita", "Nadia", "Shabana", "Rukhsana", "Farhana", "Mumtaz", "Rubina", "Nusrat",
    "Tahmina", "Aaliyah", "Zainab", "Thilini", "Meera", "Komal",
    "Ngozi", "Chiamaka", "Folake", "Yetunde", "Abena", "Akosua", "Rutendo", "Hodan", "Ayaan", "Hamdi",
    "Marcia", "Claudette", "Shanice", "Keisha-Marie", "Semhar", "Blessing", "Precious",
    "Katarzyna", "Małgorzata", "Agnieszka", "Magdalena", "Andreea", "Gabriela", "Rasa", "Jurgita", "Zsófia",
    "Oksana", "Francesca", "Eleni", "Inês",
    "Xiaoling", "Maricel", "Jonalyn", "Elif", "Zeynep", "Shilan", "Parisa", "Layla", "Rania",
]
MALE = [
    "Kieran", "Gareth", "Callum", "Declan", "Euan", "Dylan", "Craig", "Lewis", "Wayne", "Graham", "Clive",
    "Stuart", "Nathan", "Reece", "Harvey", "Alfie", "Toby", "Ruaridh", "Padraig", "Owain",
    "Gurdeep", "Rajesh", "Sunil", "Imran", "Bilal", "Tariq", "Asif", "Shahid", "Jahangir", "Rizwan", "Hamza",
    "Yusuf", "Dinesh", "Vijay", "Hardeep",
    "Chidi", "Emeka", "Adebayo", "Kwabena", "Kofi", "Tendai", "Farai", "Abdirahman", "Delroy", "Winston",
    "Jermaine", "Tyrone", "Dwayne", "Yonas", "Segun",
    "Bartosz", "Łukasz", "Piotr", "Grzegorz", "Ionut", "Bogdan", "Florin", "Vytautas", "Darius", "Dmitri",
    "Giuseppe", "Stavros", "João",
    "Wei", "Hoang", "Minh", "Arnel", "Mehmet", "Serkan", "Karwan", "Reza", "Hussein", "Omar",
]
# names given to girls and boys alike
EITHER = ["Jordan", "Harpreet", "Jaswinder", "Sukhvinder", "Manpreet", "Nyasha", "Thanh", "Charlie", "Alex",
          "Sam", "Robin", "Kai"]
FIRST = FEMALE + MALE + EITHER
LAST = [
    "Hargreaves", "Pickering", "Entwistle", "Threlfall", "Ackroyd", "Sutcliffe", "Bradshaw", "Cartwright",
    "Fairbairn", "McAllister", "Gallagher", "O'Donnell", "McLaughlin", "Doherty", "Quigley", "MacLeod",
    "Llewellyn", "Pritchard", "Griffiths", "Vaughan", "Rowntree", "Whitworth", "Hollingsworth", "Bamford",
    "Sandhu", "Gill", "Dhillon", "Bains", "Chaudhry", "Hussain", "Mahmood", "Iqbal", "Rahman", "Uddin",
    "Chowdhury", "Mistry", "Solanki", "Parmar", "Naidoo", "Perera", "Ranasinghe", "Sivakumar",
    "Adeyemi", "Oyelaran", "Nwosu", "Eze", "Okonjo", "Mensah", "Boateng", "Asante", "Moyo", "Chikwanha",
    "Warsame", "Abdi", "Farah", "Campbell-Brown", "Thompson-Reid", "Samuels", "Bailey", "Gayle",
    "Wiśniewska", "Zielinski", "Lewandowski", "Kaczmarek", "Popescu", "Ionescu", "Petrauskas",
    "Kazlauskiene", "Horvath", "Russo", "Esposito", "Papadopoulos", "Ferreira", "Da Silva",
    "Nguyen", "Tran", "Zhang", "Liu", "Wong", "Santos", "Dela Cruz", "Yilmaz", "Demir", "Karimi",
    "Ahmadi", "Haddad", "Mustafa",
]
# nicknames as people call each other; some short forms of names above, some not from a name at all
NICK = [
    "Deano", "Macca", "Lozza", "Bazza", "Dazza", "Kezza", "Shell", "Titch", "Smudge", "Spud", "Fliss",
    "Mags", "Stevo", "Tash", "Rach", "Hels", "Jules", "Benny", "Sunny", "Bav", "Kam", "Raj", "Gosia",
    "Kasia", "Ola", "Femi", "Tunde", "Bubbles", "Tiny", "Chunky", "Wilko", "Fitzy", "Kenny G", "Big Al",
    "Little Mo", "Dotty", "Jonesy", "Scouse", "Taff", "Ginge", "Pud", "Bobo", "Lulu", "Nana Bee",
]
RELATION_F = ["mum", "mam", "nan", "nana", "gran", "sister", "little sister", "big sis", "stepmum", "wife",
              "girlfriend", "daughter", "auntie", "niece", "mother-in-law", "granddaughter"]
RELATION_M = ["dad", "grandad", "brother", "older brother", "stepdad", "husband", "ex-husband", "fiancé",
              "boyfriend", "son", "uncle", "nephew", "half-brother"]
RELATION_EITHER = ["twin", "ex", "partner", "eldest", "youngest", "cousin", "foster carer"]
TITLE_F = ["Dr", "Dr.", "Mrs", "Ms", "Miss", "Nurse", "Doctor", "Professor", "Sister"]
TITLE_M = ["Dr", "Dr.", "Mr", "Mr.", "Nurse", "Doctor", "Professor"]

# --- places -------------------------------------------------------------------------------------
TOWN = [
    "Stoke-on-Trent", "Wolverhampton", "Telford", "Swindon", "Plymouth", "Exeter", "Norwich", "Ipswich",
    "Luton", "Crawley", "Gravesend", "Margate", "Hastings", "Blackpool", "Preston", "Wigan", "Oldham",
    "Rochdale", "Bolton", "Stockport", "Warrington", "Birkenhead", "Wrexham", "Swansea", "Newport",
    "Merthyr Tydfil", "Carlisle", "Sunderland", "Gateshead", "Middlesbrough", "Hartlepool", "Darlington",
    "Lincoln", "Grimsby", "Scunthorpe", "Mansfield", "Derby", "Leicester", "Coventry", "Nuneaton",
    "Redditch", "Kidderminster", "Hereford", "Gloucester", "Cheltenham", "Taunton", "Yeovil",
    "Bournemouth", "Southampton", "Portsmouth", "Worthing", "Eastbourne", "Maidstone", "Chatham",
    "Basildon", "Southend", "Chelmsford", "Colchester", "Peterborough", "Bedford", "Milton Keynes",
    "Northampton", "Kettering", "Reading", "Slough", "High Wycombe", "Glasgow", "Dundee", "Paisley",
    "Kilmarnock", "Aberdeen", "Belfast", "Derry", "Newry", "Barrow", "Burnley", "Accrington", "St Helens",
]
DISTRICT = [
    "Peckham", "Lewisham", "Tottenham", "Walthamstow", "Ilford", "Southall", "Hounslow", "Brixton",
    "Croydon", "Edmonton", "Wembley", "Wythenshawe", "Levenshulme", "Longsight", "Cheetham Hill", "Gorton",
    "Sparkbrook", "Erdington", "Small Heath", "Kings Heath", "Selly Oak", "Kirkby", "Everton", "Anfield",
    "Bootle", "Speke", "Easterhouse", "Govan", "Drumchapel", "Castlemilk", "Easton", "Knowle West",
    "Hartcliffe", "Byker", "Benwell", "Bulwell", "Sneinton", "Highfields", "Belgrave", "Braunstone",
    "Canton", "Splott", "Ely", "Pilton", "Leith",
]
PLACE_NAME = ["Bluebell", "Juniper", "Kestrel", "Rowan", "Willow", "Heron", "Larch", "Foxglove", "Linden",
              "Hazel", "Aspen", "Poppy", "Harbour", "Meadow", "Fern", "Skylark", "Oakwood", "Clover"]
STREET_NAME = [
    "Brackenbury", "Tennyson", "Marlborough", "Windermere", "Ladysmith", "Coronation", "Gladstone",
    "Mafeking", "Oakfield", "Sycamore", "Cranbrook", "Wellington", "Pretoria", "Balmoral", "Rosebery",
    "Hollybush", "Larkhill", "Meadowbank", "Thornbury", "Ashdown", "Fernlea", "Greenacre", "Hawksworth",
    "Lytham", "Moorside", "Nightingale", "Primrose", "Redgrave", "Saxon", "Tudor", "Valley", "Whinmoor",
    "Blenheim", "Cromwell", "Dunstan", "Ebor", "Fairfax", "Glebe", "Hamilton", "Inkerman",
]
STREET_TYPE = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Grove", "Terrace", "Way",
               "Gardens", "Court", "Place", "Walk", "Row", "Rise", "View", "Mews", "Parade", "Square"]
# real outward areas: one-letter and two-letter areas; shapes A9A and AA9A only where they exist
AREA_1 = ["B", "E", "G", "L", "M", "N", "S", "W"]
AREA_2 = ["ST", "WV", "TF", "SN", "PL", "EX", "NR", "IP", "LU", "RH", "DA", "CT", "TN", "FY", "PR", "WN",
          "OL", "BL", "SK", "WA", "CH", "LL", "SA", "NP", "CF", "CA", "SR", "NE", "TS", "DL", "LN", "DN",
          "NG", "DE", "LE", "CV", "HR", "GL", "TA", "BA", "BH", "SO", "PO", "BN", "ME", "SS", "CM", "CO",
          "PE", "MK", "RG", "SL", "HP", "PA", "KA", "AB", "DD", "BT", "LA", "BB", "WS", "HU", "SE", "NW"]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# --- organisations ------------------------------------------------------------------------------
HEALTH = [
    "{T} Community Mental Health Team", "{T} CMHT", "{D} CMHT", "{N} Ward", "{N} Unit", "{N} House",
    "{T} Recovery College", "{T} Talking Therapies", "{T} Early Intervention Service", "{N} Surgery",
    "{L} Medical Centre", "{D} Health Centre", "{T} General Hospital", "{T} Royal Infirmary",
    "Royal {T} Hospital", "{T} and {T2} NHS Foundation Trust", "{T} Mind", "Mind in {T}",
    "{N} Crisis House", "{N} Lodge", "{T} Crisis Café", "{L} Clinic", "{N} Centre", "{T} CAMHS",
    "{D} Family Practice", "{N} Eating Disorders Service", "{T} Perinatal Team", "{N} Day Hospital",
    "{T} Samaritans branch", "{T} Women's Aid",
]
HEALTH_FIXED = [
    "Mersey Care", "Pennine Care", "Oxleas", "the Maudsley", "Bethlem", "the Priory", "Cygnet",
    "Rampside Unit", "Hopewood Park", "St Nicholas Hospital", "Birchwood Centre", "Lancashire Care",
    "Tees, Esk and Wear Valleys", "Northumberland, Tyne and Wear", "Rethink Mental Illness",
    "Combat Stress", "Turning Point", "Change Grow Live", "Humankind", "Kooth", "Papyrus",
]
SCHOOL = [
    "{N} Primary", "{N} Primary School", "{N} Academy", "{T} Sixth Form College", "University of {T}",
    "{T} Uni", "{T} College", "{N} Comprehensive", "{N} Infants", "{D} High", "{L} Grammar",
    "Holy Trinity Catholic High", "Our Lady of Lourdes", "St Bernadette's", "Sacred Heart Primary",
    "{N} Park School", "{T} Met", "{T} Grammar School", "{N} Pupil Referral Unit",
]
SCHOOL_FIXED = ["Sheffield Hallam", "Manchester Met", "Nottingham Trent", "Oxford Brookes", "Keele",
                "Goldsmiths", "Strathclyde", "Queen's", "Ulster Uni", "the Open Uni"]
EMPLOYER = [
    "Tesco", "Boots", "Royal Mail", "Iceland", "Primark", "JD Sports", "B&M", "Wetherspoons", "Costa",
    "Jaguar Land Rover", "Vauxhall", "Network Rail", "Sports Direct", "Capita", "DHL", "Premier Inn",
    "McDonald's", "the Co-op", "Specsavers", "Lidl", "Aldi", "Pets at Home", "Screwfix", "Halfords",
    "Argos", "Santander", "Hermes", "Evri", "TK Maxx", "Wilko", "Home Bargains", "Pizza Hut", "KFC",
    "Travelodge", "BT", "Virgin Media", "Stagecoach", "Arriva", "First Bus", "Serco", "G4S", "Ocado",
    "Poundland", "Dunelm", "Currys", "Domino's", "Nando's", "Barclays",
]
EMPLOYER_MADE = ["{L}'s Joinery", "{L} & Daughters", "{T} Taxis", "{L} Builders", "{N} Care Home",
                 "{N} Nursery", "{L} Solicitors", "{T} Council", "{T} Building Society", "{N} Lodge care home",
                 "{L} Haulage", "{N} Cafe"]

# --- e-mail, links, handles ---------------------------------------------------------------------
MAIL_DOMAIN = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com",
               "live.co.uk", "nhs.net", "sky.com", "aol.com", "protonmail.com", "hotmail.com", "yahoo.com",
               "talktalk.net", "virginmedia.com", "mail.com"]
HANDLE_WORD = ["anxious", "sunflower", "warrior", "hopeful", "recovery", "mummy", "lad", "gal", "lil",
               "miss", "mr", "real", "its", "the", "official", "vibes", "xo", "bipolar", "ocd", "journey",
               "mh", "slay", "queen", "king", "boi", "babe", "nutter", "doodles"]
SITE = ["wordpress.com", "blogspot.com", "co.uk", "org.uk", "com", "uk", "net"]

DIGIT_WORD = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
NUMBER_WORD = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
               "nineteen"]
TENS_WORD = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty",
             9: "ninety"}
ORDINAL_WORD = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                "seventeenth", "eighteenth", "nineteenth", "twentieth"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def number_words(n: int) -> str:
    """0..99 as words, hyphenated the way transcribers write them ("twenty-three")."""
    if n < 20:
        return NUMBER_WORD[n]
    tens, unit = divmod(n, 10)
    return TENS_WORD[tens] + ("-" + NUMBER_WORD[unit] if unit else "")


def ordinal_words(n: int) -> str:
    if n <= 20:
        return ORDINAL_WORD[n]
    tens, unit = divmod(n, 10)
    return TENS_WORD[tens] + ("-" + ORDINAL_WORD[unit] if unit else "ieth")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def spoken_digits(digits: str, rng: random.Random, groups: list[int]) -> str:
    """Digits read out in groups, with the "double"/"triple" people use for repeats."""
    out: list[str] = []
    i = 0
    for size in groups:
        chunk = digits[i:i + size]
        i += size
        words: list[str] = []
        j = 0
        while j < len(chunk):
            run = 1
            while j + run < len(chunk) and chunk[j + run] == chunk[j] and run < 3:
                run += 1
            word = "zero" if chunk[j] == "0" and rng.random() < 0.3 else DIGIT_WORD[int(chunk[j])]
            if run > 1 and rng.random() < 0.7:
                words.append(("double " if run == 2 else "triple ") + word)
            else:
                words.extend([word] * run)
            j += run
        out.append(" ".join(words))
    return ", ".join(out)


def fill(pattern: str, rng: random.Random) -> str:
    """Fill an organisation pattern: {T} town, {T2} another town, {D} district, {N} place-ish name,
    {L} surname."""
    town = rng.choice(TOWN)
    other = rng.choice([t for t in TOWN if t != town])
    return (pattern.replace("{T2}", other).replace("{T}", town).replace("{D}", rng.choice(DISTRICT))
            .replace("{N}", rng.choice(PLACE_NAME)).replace("{L}", rng.choice(LAST)))


Maker = Callable[[random.Random, str], list[Piece]]
