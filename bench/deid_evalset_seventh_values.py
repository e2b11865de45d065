"""Value lists for the SEVENTH de-identification part (``bench/deid_evalset_seventh.py``): names of many
origins, nicknames, relatives' roles, UK towns, districts and villages, streets, health services,
schools, employers and the web addresses people give. Written fresh for this part; it must not import
or copy another part's lists. Plain data only: the formatted identifiers (ages, dates, postcodes,
phones, e-mails, NHS numbers) are made in ``bench/deid_evalset_seventh_forms.py``.
"""

from __future__ import annotations

WOMEN = [
    "Leanne", "Gemma", "Stacey", "Jodie", "Kayleigh", "Siobhan", "Niamh", "Aoife", "Eilidh", "Iona",
    "Cerys", "Bethan", "Priya", "Nadia", "Bushra", "Zainab", "Farzana", "Aaliyah", "Harpreet", "Adaeze",
    "Abena", "Folake", "Marcia", "Shanice", "Agnieszka", "Kasia", "Oana", "Amira", "Layla", "Mei",
    "Hoa", "Hodan", "Ayaan", "Maureen", "Brenda", "Pauline", "Janice", "Chloe", "Megan", "Roisin",
    "Tegan", "Sinead", "Yasmin", "Rukhsana", "Shabnam", "Grace", "Precious", "Ewa", "Dorota", "Lucy",
]
MEN = [
    "Darren", "Shaun", "Craig", "Wayne", "Callum", "Fraser", "Rhys", "Dafydd", "Ciaran", "Oisin",
    "Imran", "Tariq", "Asif", "Rizwan", "Anil", "Sukhjeet", "Chidi", "Kwame", "Tunde", "Delroy",
    "Winston", "Jermaine", "Tomasz", "Marek", "Bogdan", "Lukas", "Yusuf", "Hassan", "Omar", "Wei",
    "Thanh", "Abdi", "Keith", "Trevor", "Gareth", "Liam", "Kieran", "Jordan", "Nathan", "Mohammed",
    "Bilal", "Emeka", "Kofi", "Piotr", "Andrzej", "Declan", "Malachy", "Hamish", "Ifan", "Dwayne",
]
SURNAMES = [
    "Hargreaves", "Sutcliffe", "Ackroyd", "Butterworth", "O'Connell", "McAllister", "Kaur", "Begum",
    "Hussain", "Akhtar", "Okonkwo", "Mensah", "Adeyemi", "Nowak", "Kowalczyk", "Popescu", "Nguyen",
    "Chen", "Abdullahi", "Haddad", "Pritchard", "Mahmood", "Fitzgerald", "Whitworth", "Brennan",
    "Dunleavy", "Baptiste", "Osei", "Sandhu", "Gill", "Bibi", "Iqbal", "Lindley", "Haigh", "Crowther",
    "Marsden", "Womersley", "Gallagher", "Doherty", "McLaughlin", "Llewellyn", "Pugh", "Owusu",
    "Achterberg", "Wiśniewski", "Dąbrowska", "Ferreira", "Ó Briain", "Rahman", "Chowdhury", "Tran",
    "Abebe", "Hylton", "Clarke-Bennett", "Ramsden", "Greenwood", "Holroyd", "Shackleton", "Thewlis",
]
# People's titles: the gold is the name after the title.
TITLES = ["Dr", "Dr.", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Nurse", "Sister", "Professor"]

NICKNAMES = [
    "Gaz", "Daz", "Shaz", "Kaz", "Big Stu", "Jonno", "Robbo", "Tommo", "Deano", "Bex", "Lou-Lou",
    "Shell", "Tash", "Mags", "Smithy", "Jonesy", "Sully", "Bazza", "Jez", "Fitzy", "Taz", "Kez",
    "Little Mo", "Macca", "Gilly", "Wilko", "Nobby", "Titch", "Hoppy", "Bubbles", "Dee Dee", "Sparky",
]
ROLES_F = ["mum", "mam", "sister", "nan", "nana", "auntie", "daughter", "wife", "girlfriend", "niece",
           "step-mum", "gran", "cousin", "ex", "partner", "little sister", "big sister", "foster mum"]
ROLES_M = ["dad", "brother", "grandad", "uncle", "son", "husband", "boyfriend", "nephew", "step-dad",
           "cousin", "ex", "partner", "little brother", "big brother", "stepson", "grandson"]

PLACES = [
    "Heckmondwike", "Cleckheaton", "Ossett", "Mexborough", "Stocksbridge", "Thurnscoe", "Goldthorpe",
    "Todmorden", "Sowerby Bridge", "Littleborough", "Failsworth", "Droylsden", "Dukinfield", "Marple",
    "Levenshulme", "Moss Side", "Longsight", "Wythenshawe", "Kirkby", "Bootle", "Huyton",
    "Skelmersdale", "Ashington", "Jarrow", "Hebburn", "Seaham", "Peterlee", "Spennymoor", "Redcar",
    "Thornaby", "Guisborough", "Hessle", "Goole", "Selby", "Knaresborough", "Keighley", "Bingley",
    "Shipley", "Otley", "Pudsey", "Armley", "Seacroft", "Gipton", "Chapeltown", "Harehills",
    "Kirkstall", "Castleford", "Pontefract", "Hemsworth", "Dewsbury", "Batley", "Mirfield", "Elland",
    "Holmfirth", "Penistone", "Wombwell", "Hoyland", "Maltby", "Dinnington", "Rawmarsh", "Conisbrough",
    "Edlington", "Askern", "Worksop", "Mansfield", "Sutton-in-Ashfield", "Hucknall", "Ilkeston",
    "Long Eaton", "Chesterfield", "Bolsover", "Clay Cross", "Heanor", "Alfreton", "Coalville",
    "Nuneaton", "Bedworth", "Tamworth", "Cannock", "Wednesbury", "Tipton", "Halesowen", "Smethwick",
    "Sparkbrook", "Small Heath", "Erdington", "Redditch", "Kidderminster", "Merthyr Tydfil",
    "Pontypridd", "Llanelli", "Port Talbot", "Wrexham", "Rhyl", "Paisley", "Motherwell", "Kilmarnock",
    "Easterhouse", "Leith", "Newry", "Lisburn", "Peckham", "Tottenham", "Walthamstow", "Lewisham",
    "Southall", "Hounslow", "Edmonton", "Gosport", "Crawley", "Margate", "Gravesend", "Basildon",
    "Harlow", "Stevenage", "Slough", "Weston-super-Mare", "Redruth", "Paignton", "Barnstaple",
    "Slaithwaite", "Marsden", "Meltham", "Mytholmroyd", "Haworth", "Oxenhope", "Cullingworth",
    "Queensbury", "Birkenshaw", "Liversedge", "Hyde", "Bramley", "Rothwell", "Swinton", "Blyth",
]
STREET_NAMES = [
    "Albion", "Coronation", "Moorland", "Victoria", "Ripley", "Headingley", "Beckett", "Crossley",
    "Tanhouse", "Wellington", "Prospect", "Hollins", "Cemetery", "Manor", "Chapel", "Ashfield",
    "Spring Bank", "Laburnum", "Sycamore", "Kestrel", "Rawson", "Granville", "Balfour", "Stanley",
    "Cobden", "Peel", "Lister", "Fairfax", "Oakenshaw", "Thornhill", "Mill", "Bank", "Greenside",
]
STREET_TYPES = ["Street", "Road", "Avenue", "Lane", "Terrace", "Close", "Crescent", "Grove", "Drive",
                "Way", "Walk", "Mount", "View", "Gardens", "Court", "St", "Rd", "Ave"]
BLOCKS = ["Kestrel House", "Priory Court", "Brunswick Tower", "Ravensworth House", "Holme Court",
          "Ebor Mews", "Clifton Heights"]

HEALTH = [
    "South West Yorkshire Partnership NHS Foundation Trust", "Greater Manchester Mental Health",
    "Rotherham Doncaster and South Humber", "Tees Esk and Wear Valleys", "Mersey Care",
    "Humber Teaching NHS Foundation Trust", "Oxleas", "South London and Maudsley", "Nottinghamshire Healthcare",
    "Derbyshire Healthcare", "Birmingham and Solihull Mental Health", "Sussex Partnership", "Cwm Taf Morgannwg",
    "Fieldhead Hospital", "the Becklin Centre", "Chapel Allerton Hospital", "Rotherham General",
    "Doncaster Royal Infirmary", "Pinderfields", "Dewsbury and District Hospital", "Calderdale Royal",
    "Huddersfield Royal Infirmary", "the Northern General", "the Hallamshire", "Wythenshawe Hospital",
    "North Manchester General", "Airedale General", "the Maudsley", "Lambeth Hospital", "Highcroft",
    "St Nicholas Hospital", "Roseberry Park", "the Millbrook Unit", "Beech Ward", "Elmdale Ward",
    "Willow Ward", "the Kingfisher Unit", "Ward 40", "Church View Surgery", "Fountain Medical Centre",
    "Oakwood Lane Medical Practice", "the Whitehall Surgery", "Park Road Health Centre",
    "Beechtree Surgery", "Barnsley IAPT", "Talking Therapies Kirklees", "Dial House", "Safe Haven Wakefield",
    "Touchstone", "Kirklees Mind", "Mind in Camden", "Andy's Man Club", "Platform 1", "Richmond Fellowship Doncaster",
    "Turning Point Wakefield", "Rochdale CAMHS", "the Aspire team", "Riverside Eating Disorder Service",
    "Newsam Centre", "the Limes", "Hatfield Ward", "Calder Valley Recovery College", "Hope House",
]
SCHOOLS = [
    "Hollybank Primary", "Thornhill Academy", "Batley Girls' High School", "St Aidan's C of E High",
    "Notre Dame Sixth Form", "Leeds City College", "Kirklees College", "Barnsley College", "Wakefield College",
    "the University of Huddersfield", "Sheffield Hallam", "Leeds Beckett", "Manchester Met", "Bradford Uni",
    "Cardinal Heenan", "Outwood Grange", "Castle Hall Academy", "Rastrick High", "Brooksbank School",
    "Ossett Academy", "Archbishop Holgate's", "Dixons Trinity", "Harrogate Grammar", "Calder High",
    "Greenhead College", "Salford Uni", "the University of Bolton", "Hull College", "Moor End Academy",
    "Parkside Primary", "St Bede's", "Heckmondwike Grammar", "Netherhall Learning Campus",
]
EMPLOYERS = [
    "Sports Direct", "Royal Mail", "Tesco Extra", "JD Sports", "Marks and Spencer", "Pizza Hut", "B&Q",
    "Matalan", "Evri", "DHL", "ASOS", "Jaguar Land Rover", "Drax", "British Gas", "Capita", "Serco",
    "Calderdale Council", "Wetherspoons", "Nando's", "Hartley's Joinery", "Dale View Care Home",
    "Sunrise Homecare", "Haigh's Bakery", "McCain", "TK Maxx", "Lidl", "Iceland", "Poundland",
    "Card Factory", "Premier Inn", "Ocado", "Halifax", "Direct Line", "the Sky call centre",
    "Thornton's Haulage", "Screwfix", "Burberry",
]

MAIL_DOMAINS = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "btinternet.com",
                "live.co.uk", "nhs.net", "sky.com", "hotmail.com", "aol.com", "googlemail.com"]
SITES = [
    "www.kirkleesmind.org.uk", "https://www.wakefieldsafehaven.co.uk/referrals", "linktr.ee/calderrecovery",
    "bit.ly/3hVxq9T", "www.eventbrite.co.uk/e/hearing-voices-group-tickets-58213", "dialhouse.org.uk/contact",
    "https://www.justgiving.com/page/gemma-runs-for-mind", "www.andysmanclub.co.uk", "touchstonesupport.org.uk",
    "http://www.barnsleyiapt.nhs.uk/self-refer", "www.facebook.com/groups/hebdenbridgehearingvoices",
    "youtube.com/@spoonieshaz", "https://forms.office.com/r/8KxQ2pLm", "www.hopehousecalder.org",
    "tinyurl.com/mhpeers", "www.meetup.com/leeds-peer-walks", "https://padlet.com/kez_h/recovery",
]
URL_SPOKEN = ["kirklees mind dot org dot uk", "safe haven wakefield dot co dot uk", "touchstone support dot org dot uk",
              "dial house dot org dot uk slash contact"]
HANDLES = [
    "@kez_hargreaves", "@TheHavenWakey", "@sunflowersandsertraline", "@daz.2k", "@loulou_88", "@bipolarbex",
    "@calderpeers", "@mr_crowther", "u/throwaway_bpd_leeds", "@the.anxious.baker", "spoonieshaz",
    "loulou_88", "tariq.runs", "@NadiaWrites", "gemmaaa_x", "@walkandtalkbarnsley", "@oisin_draws",
    "big_stu_fitness", "@ayaan.h", "kasia_kreates",
]
PLATFORMS = ["Instagram", "insta", "TikTok", "Twitter", "X", "Snapchat", "Facebook", "Reddit", "Threads"]

SPELLED = {0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
           8: "eight", 9: "nine"}
UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
            "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Postcode areas (outward letters) and the inward letters Royal Mail allows (no C I K M O V).
AREAS_ONE = ["M", "L", "S", "B", "G", "N", "E"]
AREAS_TWO = ["LS", "BD", "HX", "HD", "WF", "DN", "OL", "BL", "WN", "CH", "NE", "SR", "DH", "TS", "YO",
             "HU", "CV", "NG", "LE", "DE", "CF", "SA", "EH", "BT", "SK", "PR"]
INWARD = "ABDEFGHJLNPQRSTUWXYZ"
