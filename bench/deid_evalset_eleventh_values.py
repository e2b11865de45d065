"""Value lists for the eleventh de-identification part: the identifiers planted into host text, as a
researcher in the North West, Yorkshire, Merseyside, Hull, Kent, the Channel coast, rural Lincolnshire
and Norfolk and the Scottish Borders would hear them. Every entry is the exact gold text; the sentence
templates (``deid_evalset_eleventh_lines``) carry the words around it ("my nan", "Dr", "the", "'s").
Spoken numbers, e-mails and links are generated in ``deid_evalset_eleventh`` from the pieces here.
"""

from __future__ import annotations

FIRST_F = ["Shabana", "Rukhsana", "Nasreen", "Folasade", "Abena", "Efua", "Thi Lan", "Hoa", "Xiu Ying", "Mei Ling",
           "Dilan", "Rojda", "Joana", "Inês", "Dolores", "Kezia", "Shyanne", "Morwenna", "Bronwen", "Siân",
           "Maureen", "Brenda", "Janice", "Kerry-Ann", "Jadeen", "Marcia", "Ngozi", "Blessing", "Oksana", "Dorota",
           "Lenka", "Gráinne", "Aoife", "Tahmina", "Sumaiya", "Yasmin", "Parveen", "Chantelle", "Lorraine", "Hyacinth"]
FIRST_M = ["Rafiq", "Abdul", "Shahid", "Tanvir", "Kwabena", "Yaw", "Chukwuemeka", "Tunde", "Minh", "Duc", "Wai Keung",
           "Jian", "Baran", "Serhat", "Rebwar", "João", "Tiago", "Vasile", "Mirek", "Levi", "Elijah", "Jethro", "Gethin",
           "Dafydd", "Padraig", "Cathal", "Winston", "Delroy", "Lennox", "Gary", "Keith", "Wayne", "Ahmet", "Karim",
           "Hamid", "Faisal", "Bartek", "Florin", "Angus", "Hamish"]
SURNAME = ["Miah", "Uddin", "Chowdhury", "Akhtar", "Rashid", "Bashir", "Asante", "Boateng", "Owusu", "Adebayo",
           "Nwachukwu", "Eze", "Nguyen", "Tran", "Pham", "Wong", "Lau", "Zhang", "Demir", "Yilmaz", "Barzani",
           "Ferreira", "Da Silva", "Gonçalves", "Lee", "Boswell", "Lovell", "Smith", "Price", "Cunningham", "Hewitt",
           "Lomax", "Entwistle", "Fairclough", "Prendergast", "O'Driscoll", "McGuinness", "Kavanagh", "Llewellyn",
           "Pritchard", "Campbell-Brown", "Grant", "Thompson", "Scott", "Elliot", "Armstrong", "Kowalczyk",
           "Popescu", "Dvořák", "Gheorghe", "Mahmoud", "Al-Sayed", "Haddad"]
NICKNAMES = ["Big Tony", "Little Mo", "Shaz", "Taz", "Deano", "Macca", "Scouse", "Bubbles", "Smudge", "Tinks",
             "Jonesy", "Fozzy", "Bazza", "Nugget", "Chalky", "Spud", "Moz", "Jacko", "Bev", "Kel", "Tommo",
             "Lil Dee", "Biggsy", "Princess", "Sparky", "Titch", "Rocky", "Wee Rab", "Daz", "Fitzy", "Bones",
             "Kez", "Babs", "Sully", "Mags", "Gogo", "Dotty", "Frankie Boy", "Pinky", "Ziggy"]
#: Relatives: (role words before the name, name) with family titles as said in the North and in the communities.
REL_F = ["my nan", "me nan", "Nanna", "my mum", "my sister", "our", "my auntie", "Auntie", "my wife", "my daughter",
         "my cousin", "my niece", "my mother-in-law", "my stepmum", "my little girl", "Aunty", "my Nani", "my Khala",
         "my Apa", "my gran", "my granddaughter", "my eldest", "my partner", "my avó"]
REL_M = ["my dad", "me dad", "my brother", "our", "Uncle", "my husband", "my son", "my grandad", "Grandad",
         "my cousin", "my lad", "my nephew", "my stepdad", "my fiancé", "Chacha", "Mamu", "my Dada", "my uncle",
         "my youngest", "my partner", "our kid", "my grandson", "Bhai", "Pops"]
SHORT_F = ["Pat", "Edna", "Bev", "Jan", "Mo", "Sal", "Shaz", "Dot", "Nasreen", "Abena", "Lan", "Rojda", "Joana",
           "Kezia", "Mags", "Sue", "Val", "Rita", "Tahmina", "Blessing", "Oksana", "Lorraine", "Efua", "Renée"]
SHORT_M = ["Fes", "Tony", "Mick", "Reg", "Stan", "Abdul", "Kwame", "Minh", "Baran", "Tiago", "Levi", "Taff", "Des",
           "Sid", "Alf", "Rafiq", "Tunde", "Jian", "Vasile", "Delroy", "Frank", "Ken", "Shahid", "Dougie"]

AGES_WORDS = ["fifteen", "seven", "nineteen", "forty-two", "sixty", "eighty-one", "twelve", "sixteen", "thirty-four",
              "ninety", "twenty-three", "fifty-five", "three", "seventy-eight", "fourteen", "twenty one", "eleven",
              "sixty-seven", "seventeen", "eight", "forty", "nine", "thirty", "eighty seven", "two"]
AGES_DIGITS = ["7", "42", "15", "81", "34", "19", "67", "23", "88", "56", "4", "12", "29", "71", "16", "38", "93",
               "11", "45", "62"]

#: Dates already in the form the gold keeps (no leading "the").
DATES = ["14th March 2019", "3 June 2021", "12/02/2020", "07.11.22", "2nd of Feb", "fourteenth of March",
         "twenty-second of June", "March the fourth", "Boxing Day 2018", "Tuesday 9th May", "May twenty nineteen",
         "1st September", "30/9/21", "5th of November", "October 2017", "New Year's Eve 2020",
         "sixth of January", "Jan 2023", "23rd December 2016", "31.08.2019", "nineteenth of August twenty twenty",
         "18th", "July the twelfth", "Friday the 13th", "Easter Monday 2022", "11 Nov", "25/12/19",
         "second of April two thousand and nine", "15-04-2023", "August bank holiday 2021", "Christmas Day 2019",
         "Monday 3rd Jan", "twenty-seventh", "Sept 2015", "4th of July", "21st", "eighth of October"]

TOWNS = ["Bootle", "Kirkby", "Anfield", "Toxteth", "Birkenhead", "Wallasey", "St Helens", "Skelmersdale", "Huyton",
         "Widnes", "Runcorn", "Ormskirk", "Southport", "Blackpool", "Fleetwood", "Morecambe", "Accrington", "Nelson",
         "Colne", "Oldham", "Rochdale", "Moss Side", "Cheetham Hill", "Salford", "Bury", "Hyde", "Ashton-under-Lyne",
         "Hull", "Bransholme", "Orchard Park", "Hessle", "Goole", "Bridlington", "Beverley", "Withernsea",
         "Bradford", "Manningham", "Dewsbury", "Batley", "Keighley", "Todmorden", "Hebden Bridge", "Skipton",
         "Settle", "Whitby", "Scarborough", "Margate", "Ramsgate", "Folkestone", "Dover", "Gravesend", "Chatham",
         "Sittingbourne", "Ashford", "Hastings", "Eastbourne", "Newhaven", "Boston", "Spalding", "Skegness",
         "Louth", "Horncastle", "Mablethorpe", "Gainsborough", "King's Lynn", "Great Yarmouth", "Thetford",
         "Swaffham", "Cromer", "Wisbech", "Hawick", "Galashiels", "Kelso", "Jedburgh", "Peebles", "Selkirk",
         "Eyemouth", "Duns", "Coldstream", "Melrose"]
STREETS = ["22 Marsh Lane", "Flat 4, 19 Anlaby Road", "forty-six Hessle Road", "Stanley Road", "Hawthorne Road",
           "7 Scotland Road", "Holderness Road", "flat two, 31 Beverley Road", "118 County Road", "Smithdown Road",
           "Lodge Lane", "14a Granby Street", "Rosmead Street", "Northgate", "Canterbury Road",
           "3 Cliftonville Avenue", "Tontine Street", "nine Snargate Street",
           "Station Road", "17 Wide Bargate", "Spilsby Road", "Drummond Road", "Regent Road", "Nelson Road",
           "12 Market Place", "High Street", "Bourtree Place", "2 Wilton Hill", "Roxburgh Street", "8 Bridge Street",
           "Carlton Street", "Oak Lane", "Flat 11, Eldon Lodge, Hanover Square", "sixty-two Lumb Lane", "Kirkgate",
           "Whitefield Lane", "21 Chorley New Road", "Moss Lane East", "Cheetham Hill Road", "105 Oxford Road"]
POSTCODES = ["L20 3QD", "HU3 2PL", "BB1", "ME7", "CT9 1XU", "HU9 1NB", "LN11 0AB", "PE21", "NR30 2HF", "TD9 7AA",
             "TD15 1AA", "BD8 7QJ", "L8", "CH41 4HT", "FY1 3EE", "hu5 3ts", "WF13", "OL11 1LJ", "PE13 1AA", "M16",
             "CT20 1SZ", "TD1 3NY", "DN35", "LA4 5LR", "L4 0TH", "PE30 1HB", "BD21 3HQ", "M8 8LA", "ME4", "OL1"]
HEALTH = ["Aintree University Hospital", "Hull Royal Infirmary", "Castle Hill Hospital", "Alder Hey", "Mersey Care",
          "Humber Teaching NHS Foundation Trust", "Bootle Memory Clinic", "Hull Perinatal Mental Health Team",
          "Mother and Baby Unit at Wythenshawe", "Talking Therapies Lancashire", "Hull Crisis Pad",
          "Sefton Crisis House", "Street Triage Team", "A&E Liaison", "Kent and Medway Mental Health Trust",
          "Lincolnshire Partnership Foundation Trust", "Norfolk and Suffolk NHS Foundation Trust", "Borders General Hospital",
          "Huntlyburn House", "Brocklesby Ward", "Ward 33", "Miranda House", "Avondale Unit", "Newsam Centre",
          "Kirkby GP Federation", "Marsh Lane Surgery", "Orchard Park Health Centre", "Cliftonville Medical Practice",
          "Boston West Surgery", "Sefton Social Prescribing", "Liverpool Recovery College", "Hull Recovery College",
          "Age UK Lincoln", "Dementia Forward", "Carers Trust Norfolk", "Samaritans of Hull", "Mind in Bradford",
          "Manningham Lodge", "Kent Crisis Line", "Memory Assessment Service in King's Lynn", "Scarsdale Ward",
          "Borders Crisis Team", "Queen Elizabeth Hospital in King's Lynn", "Pilgrim Hospital", "Walton Centre"]
SCHOOLS = ["Bootle High School", "Hull College", "Edge Hill University", "St Francis Xavier's", "Kelso High School",
           "Canterbury Christ Church", "Wyke Sixth Form College", "Manningham Primary", "Dane Court Grammar",
           "Boston Grammar School", "Skegness Academy", "Great Yarmouth Charter Academy", "Hawick High",
           "Borders College", "Hymers College", "Liverpool John Moores", "Salford Uni", "University of Hull",
           "Marine Academy", "Our Lady of Walsingham Primary",
           "Bradford College", "Oldham Sixth Form College", "Folkestone School for Girls", "King Edward VII School",
           "Newman Catholic College", "Sir John Nelthorpe School", "Thomas Hinderwell Primary", "City of Liverpool College",
           "Sirius Academy West", "Melrose Primary"]
WORK = ["Bernard Matthews", "Hull City Council", "Stagecoach", "Siemens Gamesa", "Pets at Home", "Bettys", "P&O Ferries",
        "Eurotunnel", "Bakkavor", "Tulip", "Jaguar Land Rover at Halewood", "Sefton Council", "Arriva", "First Bus",
        "Reckitt", "Smith & Nephew", "Ocado", "B&M", "Matalan", "Home Bargains", "Kent County Council", "Lidl in Spalding",
        "Bell Homecare", "Allied Healthcare", "Border Fine Arts", "Lyle & Scott", "Pringle of Scotland", "Fenland Fresh",
        "Greencore", "Pilgrim's Pride", "Bradford Council", "Morrisons in Kirkby",
        "Burtons Biscuits", "Pilkington", "Unilever at Port Sunlight", "Peel Ports", "Arnold Clark", "Cooplands",
        "Yorkshire Coastliner", "Kwik Fit"]
#: Handles as written (with @) and as said ("my insta is ..." keeps the bare name).
HANDLES = ["@kaz_the_carer", "@bootle_mum_of3", "@hullrecoveryclub", "@little.mo.xo", "@bigtony_ldn", "@rojda.k",
           "@nurse_folasade", "@dementia_dad_diaries", "@wee_rab_hawick", "@skeg_fisher", "@margate.mama",
           "@shaz_uddin", "@the_real_deano", "@yaw.drives", "@thi_lan_nails"]
HANDLES_BARE = ["mo.khan92", "jadeyb123", "scouse_macca", "lil_dee_x", "kezia.lovell", "minhtran.hull", "tiago_f7",
                "kwabena.asante", "nasreenmiah_", "bazzabridlo", "dotty.in.duns", "fozzy1984", "princess_kez",
                "sparky.spalding", "gethin_drives"]
EMAIL_USERS = ["shaz.begum88", "tommo71", "rukhsana.akhtar", "yaw.boateng", "joana_ferreira", "bev.entwistle",
               "kwabena.owusu", "dilan.demir", "mirek.k", "levi.lovell", "carers.hessle", "marcia.grant",
               "thilan.nguyen", "gethin.llewellyn", "pat.fairclough"]
EMAIL_DOMAINS = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "icloud.com", "btinternet.com",
                 "nhs.net", "live.co.uk", "sky.com", "kent.gov.uk"]
URLS = ["www.hullmind.org.uk/groups", "https://gofund.me/3f9a21bc", "facebook.com/groups/bootlemums",
        "www.dementiaforward.org.uk", "https://www.justgiving.com/fundraising/nanna-pat-walk",
        "borderscarers.co.uk/support", "https://linktr.ee/littlemo", "www.kirkbyfoodbank.org",
        "youtube.com/@skegfisher", "https://tinyurl.com/hessle-carers", "www.romasupport.org.uk/leeds",
        "https://chat.whatsapp.com/Kx3PQr7", "instagram.com/rojda.k", "www.talkingtherapieslancs.nhs.uk",
        "https://www.meetup.com/margate-walkers"]
#: Pieces of spoken links/e-mails: (said form) pairs are built in the builder.
SAID_SITES = ["hull mind dot org dot uk", "w w w dot kirkby food bank dot org", "borders carers dot co dot uk",
              "dementia forward dot org dot uk", "margate walkers dot co dot uk", "facebook dot com slash bootle mums",
              "w w w dot roma support dot org dot uk", "sefton crisis dot co dot uk slash help"]
SAID_EMAILS = ["shaz dot begum at gmail dot com", "tommo seventy one at hotmail dot co dot uk",
               "yaw underscore boateng at yahoo dot co dot uk", "bev entwistle at bt internet dot com",
               "joana dot f at outlook dot com", "nanna pat at sky dot com", "levi lovell eighty eight at live dot co dot uk",
               "k dot owusu at nhs dot net"]
PHONES = ["07931 442118", "07700 900 461", "0151 928 4410", "01482 675333", "+44 7812 330 914", "07456-221-908",
          "01205 364801", "01896 826000", "(01843) 225 719", "07984123456", "0113 496 0777", "01553 613613",
          "07391 004 552", "0161 882 1200", "+447701 334 120", "01524 583 000", "07 888 451 223"]
DIGIT_WORDS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
