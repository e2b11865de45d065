"""De-identification probe: hand-written sentences with the real-world forms of the kinds the detector
was weakest at (postcodes, NHS and hospital numbers, workplaces, streets, dates, e-mail addresses,
health organisations), said the way UK interview transcripts say them, and look-alikes that must not
be flagged. Written from how people write and speak, not from any evaluation part's files.

A probe sentence marks its identifier with [[...]]; it is found when candidates cover 80 % of it
(as ``deid_eval`` scores). A negative sentence has ``!!`` spans that no candidate may touch.

    PYTHONPATH=src python bench/deid_probe.py [--no-model] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cotheme.services.deid_detect import detect  # noqa: E402

POSITIVE: dict[str, list[str]] = {
    "postcode": [
        "We were at 14 Elm Road, Leeds, [[LS6 2AB]], for years.",
        "The postcode is [[ls62ab]] I think.",
        "It's [[M1 1AE]], right in the centre.",
        "Our old postcode was [[B33 8TH]].",
        "Send it to [[CR2 6XH]] please.",
        "[[DN55 1PT]] is on the letter.",
        "The office is [[W1A 0AX]].",
        "It was [[EC1A 1BB]], near the station.",
        "postcode, [[sw1a 1aa]], yeah.",
        "it's [[Sw1A 1aA]] on the form",
        "Put [[LS6  2AB]] in the satnav.",
        "We lived in the [[NW3]] area back then.",
        "I'm over in [[LS6]] now.",
        "Postcode's [[BS5]], the rest I forget.",
        "It's [[B-S five]], near the park.",
        "my postcode is [[L S six, two A B]]",
        "The old Girobank one, [[GIR 0AA]].",
        "Letters went to [[BFPO 801]] when he was out there.",
        "It's 2 Mill Lane, Otley, [[LS21 3AF]].",
        "He lives up in [[HX3]], by the reservoir.",
        "They moved to the [[BD3]] postcode.",
        "It's an [[S10]] postcode, posh round there.",
        "Address was Flat 2, 5 High St, Bradford, [[BD1 1AA]]",
        "(postcode [[YO10 5DD]])",
        "It's [[LS 6 2AB]].",
        "in the [[m14]] area",
        "She's in [[WF1]], Wakefield.",
        "my postcode is [[ell ess six, two ay bee]]",
        "we're [[L8]], Toxteth way",
        "[[NE6 1QP]]. That's us.",
    ],
    "nhs_number": [
        "My NHS number is [[485 777 3456]].",
        "It's [[4857773457]] on the card.",
        "Number [[943-476-5919]] on the letter.",
        "It says [[943.476.5919]].",
        "NHS no. [[123 456 7890]] I think.",
        "NHS #: [[1234567890]]",
        "my nhs number, it's [[401 023 2137]]",
        "NHS number is [[four eight five, seven seven seven, three four five six]].",
        "my NHS number is [[nine four three, four seven six, five nine one nine]]",
        "my NHS number is [[four oh one, oh two three, two one three seven]]",
        "My CHI number is [[0101901234]].",
        "CHI [[010190 1234]] on the prescription.",
        "My hospital number is [[RJ1234567]].",
        "They gave me an MRN, [[123456]].",
        "hospital no. [[K123456]]",
        "Her unit number was [[M7654321]].",
        "NHS number [[485 7773456]], I know it off by heart.",
        "It's [[four eight five seven seven seven three four five seven]], I know it by heart.",
        "NHS number is [[four eight five, double seven seven, thirty-four fifty-six]]",
        "My patient number is [[P0012345]].",
        "The letter had [[943 476 5919]] at the top.",
        "Hospital number [[D 123456]]",
        "my nhs number, [[6660000000]]",
        "NHS No: [[401-023-2137]].",
    ],
    "workplace": [
        "I worked at [[Tesco]] for six years.",
        "I worked for [[Capita]] on the phones.",
        "My job at [[Fenwick's]] was alright.",
        "I'm on nights at the [[Hermes]] depot.",
        "She was at the [[Sports Direct]] warehouse in Shirebrook.",
        "I was at the [[Sky]] call centre for a bit.",
        "He works for [[Leeds City Council]].",
        "I did agency work at [[Greencore]].",
        "I was a postman for [[Royal Mail]].",
        "I worked at the [[Post Office]] on the counter.",
        "I packed boxes at [[Amazon]].",
        "I'm a nurse at [[Airedale]].",
        "I'm a cleaner for [[Mitie]].",
        "I ran my own business, [[Kaz's Cakes]].",
        "I was with [[Hargreaves Ltd]] for ten years.",
        "I got a job with [[Pennine Foods Limited]].",
        "They took me on at [[Bradley & Sons]].",
        "We did shifts for [[Northern Cleaning Services]].",
        "I worked at [[Lidl]], stacking shelves.",
        "My first job was at [[McDonald's]].",
        "I was on the tills at [[Morrisons]].",
        "The [[Asda]] depot in Wakefield laid me off.",
        "I drove for [[Arriva]] for a while.",
        "He's a warehouse operative at [[Argos]].",
        "I work at the [[Nissan]] plant.",
        "I was a carer with [[Bluebird Care]].",
        "I did a bit for [[Deliveroo]] on the bike.",
        "I got a job in [[Primark]].",
        "I work for [[Kirklees Council]] in housing.",
        "I was working at [[Greggs]] at the time.",
        "i worked at [[tesco]] then [[asda]]",
        "She's a manager at the [[Co-op]].",
        "He works at [[JCB]] in Rocester.",
        "my boss at [[Wilson Brothers Haulage]] was alright",
        "I worked in the [[Jaguar]] factory.",
        "I was with the agency, [[Blue Arrow]], for years.",
        "I'm self-employed, [[JB Plastering]], just me and a van.",
        "I was a barista at [[Costa]].",
        "Working at the [[Halifax]] branch on Commercial Street.",
        "I was a support worker for [[Turning Point]].",
        "I was a teaching assistant at [[Beech Hill]].",
        "My job at [[Wakefield Council]] went.",
        "I was at [[B&Q]] for years.",
        "I'm a driver for [[DPD]].",
        "I was working for [[Yorkshire Water]] then.",
        "I worked for [[the DWP]] for a bit.",
        "We both worked at [[Marks and Spencer]].",
    ],
    "street": [
        "We live at [[14 Acacia Road]].",
        "It's [[Flat 3, 12 Beech Grove]].",
        "I was at [[12a Victoria St]] then.",
        "We lived just off [[Leeds Road]].",
        "He lives on [[Kirkstall Rd]].",
        "Her flat's on [[Albert Terrace]].",
        "We grew up on the [[Ashgrove estate]].",
        "I live on [[Park View]] now.",
        "It's up on [[Chapel Hill]].",
        "we lived on [[beech grove]] for years",
        "It was [[22 The Crescent]].",
        "Number [[42 Acacia Road]], the one with the red door.",
        "I lived at [[forty-two Acacia Road]].",
        "She lives down [[Harehills Lane]].",
        "It's on [[St John's Road]].",
        "We were on [[Upper Accommodation Road]].",
        "The house on [[Cemetery Rd.]] was damp.",
        "He's at [[7 Linden Ave]].",
        "It's [[3 Meadow Cl]].",
        "She's at [[18 Orchard Dr]].",
        "We lived on [[Gladstone Parade]].",
        "They're at [[9 Wellington Sq]].",
        "On [[Cavendish Mews]], just behind the shops.",
        "We had a place on [[Station Walk]].",
        "I lived on [[Hawthorn Rise]].",
        "It's [[5 Manor Vale]].",
        "The flat above the shop on [[Linden Green]].",
        "I lived on [[Acacia road]] as a kid.",
        "It's [[10 Downing Street]], ha.",
        "We moved to [[Elmwood Gardens]].",
        "the corner of [[Church Street]] and [[Mill Lane]]",
        "off the [[Otley Road]] by the garage",
        "[[Flat 9, 46 Rosebery Place]]",
        "I lived at [[27 Beeston Road, Leeds]]",
        "round the back of [[Meanwood Road]]",
        "He's in a bedsit on [[Cardigan Road]].",
        "They put us on the [[Gipton estate]].",
        "She moved to [[Wellington Court]] last year.",
        "we're at [[number 6, Elm Walk]]",
    ],
    "date": [
        "It happened on [[12/03/2021]].",
        "My appointment was [[12.03.21]].",
        "The letter says [[2021-03-12]].",
        "It was the [[12th of March]].",
        "It was [[March 12th]].",
        "I saw her on [[12 Mar]].",
        "It was [[the twelfth of March]].",
        "It was [[March the twelfth]].",
        "I was sectioned in [[March 2019]].",
        "It all started [[last March]].",
        "I went back [[on the 3rd]] and they said no.",
        "That was [[Christmas 2019]].",
        "My birthday is [[14th Feb]].",
        "DOB [[3/3/87]].",
        "Born [[03-03-1987]].",
        "I was admitted [[the 5th of the 6th]].",
        "It was [[Tuesday the 17th]].",
        "I was discharged on [[Sept. 19]].",
        "It was [[19th Sept]].",
        "it was the [[12th of march]]",
        "it was [[march 2020]] when lockdown started",
        "It was [[Jan '19]].",
        "My date of birth is [[the third of the third, eighty-seven]].",
        "We got married [[June 2015]].",
        "It was [[Boxing Day 2015]].",
        "I was born [[3rd March 1987]].",
        "He passed on [[the 23rd]].",
        "I was admitted on [[Friday 25/1]].",
        "The court date's [[the 2nd of October]].",
        "That was [[New Year's Eve 2018]].",
        "It was [[May 5th]].",
        "It was [[5 May 2020]].",
        "It was in [[October '86]].",
        "It was [[twenty-third of June]].",
        "my birthday's [[the 1st]]",
        "It was [[Easter 2020]].",
    ],
    "email": [
        "Email me at [[jo.smith@gmail.com]].",
        "It's [[JO.SMITH@GMAIL.COM]].",
        "Use [[jo+nhs@leeds.ac.uk]].",
        "It's [[jo dot smith at gmail dot com]].",
        "Send it to [[jo[at]nhs.net]].",
        "It's [[jo (at) x (dot) org]].",
        "My work one is [[j.smith@leeds-thr.nhs.uk]].",
        "It's [[kaz.b@nhs.net]].",
        "email's [[jsmith1987 at hotmail dot com]]",
        "[[jo_smith at yahoo dot co dot uk]]",
        "It's [[jo @ gmail.com]].",
        "[[j.o'brien@example.com]] is the one",
        "email [[jo.smith @nhs.net]] yeah",
        "It's [[jo at nhs dot net]].",
        "It's [[jsmith AT nhs DOT net]].",
        "my email is [[kaz underscore b at outlook dot com]]",
        "it's [[jo@gmail]], just that",
        "<[[jo@example.org]]>",
        "mailto:[[jo@example.org]]",
        "It's [[jo.smith@mail.co.uk]]; write that down.",
        "It's [[jo dot smith at nhs dot net]].",
        "it's [[jo.smith at gmail.com]]",
    ],
    "health_org": [
        "I'm registered at [[Elm Tree Surgery]].",
        "They sent me to [[Leeds General Infirmary]].",
        "I was under the [[Bradford CMHT]].",
        "I was referred to [[Leeds IAPT]].",
        "I got a letter from [[Leeds and York Partnership NHS Foundation Trust]].",
        "I was at [[UCLH]] for the scan.",
        "My son was at [[GOSH]] for years.",
        "I was taken to [[the Royal]].",
        "I had the op at [[St Thomas']].",
        "I spent six weeks on [[ward 7]].",
        "I was in [[the Maudsley]].",
        "I was in [[the Priory]] for a month.",
        "I went to [[Leeds Mind]].",
        "My GP is at [[Chapel Allerton Medical Centre]].",
        "I was referred by [[NHS Bradford District and Craven CCG]].",
        "The [[West Yorkshire ICB]] funds it.",
        "I was in [[Pinderfields]].",
        "I was in [[Jimmy's]] for a week.",
        "She's at [[Martin House Hospice]].",
        "I went to the [[Becklin Centre]].",
        "I was at [[Addenbrooke's]].",
        "[[Airedale]] was brilliant with me.",
        "I was seen at the [[LGI]].",
        "He was on [[Ward 21C]].",
        "I'm with [[Kirklees Talking Therapies]].",
        "The [[Calderdale crisis team]] came out.",
        "I was under [[Mind in Bradford]].",
        "I was at [[Alder Hey]] as a kid.",
        "I was in [[Wythenshawe]].",
        "My surgery is [[the Oakwood practice]].",
        "I was in [[Stepping Hill]] after the overdose.",
        "They took me to [[the Northern General]].",
        "I was at [[the Christie]] for chemo.",
        "I was in [[the Nightingale]] for a bit.",
        "I was sectioned at [[Lynfield Mount]].",
        "I was at [[Harrogate District Hospital]].",
        "The [[Leeds Teaching Hospitals Trust]] wrote to me.",
        "We went to the [[Seacroft walk-in centre]].",
        "I was seen at [[St George's]].",
        "He went to [[Great Ormond Street]].",
        "I go to [[Roundhay Road Surgery]].",
        "I'm with [[Steps2Change]].",
        "The [[Bassetlaw]] team were good.",
        "I was on the [[Ward 40]] at Jimmy's.",
    ],
}

#: Look-alikes that no candidate may touch (the spans between !! marks).
NEGATIVE: list[str] = [
    "We drove up the !!A1 road!! and then the !!M62!!.",
    "Open !!24/7!!, they said, ring !!999!!.",
    "It was about !!7.30!! in the morning, maybe !!10:45!!.",
    "It cost !!£12.50!!, then !!£1,200!! for the rest.",
    "There was a !!ward round!! every morning.",
    "I spoke to !!the practice nurse!! about it.",
    "I took !!20mg!! then !!40 mg!!, and !!2 x 500mg!!.",
    "I scored !!18 out of 27!! on the questionnaire.",
    "I was on !!the M1!! for an hour.",
    "!!B12!! injections every three months.",
    "I had !!3 or 4!! sessions.",
    "It was !!1 2 3 4 5!!, a count.",
    "!!The council!! were useless.",
    "I worked !!in a shop!!, !!in a factory!!, anything.",
    "!!the hospital!! was rammed, !!the surgery!! too.",
    "I went to !!my GP!! and !!A&E!!.",
    "They said I'm !!at risk!!.",
    "I might go !!in March!!.",
    "!!May!! I ask something?",
    "It was !!the first time!!.",
    "I'm !!on the 2nd floor!!.",
    "!!Monday!! was bad.",
    "I was at !!work!!, at !!the depot!!.",
    "!!Back then!!, !!at the time!!.",
    "I rang the !!crisis team!!.",
    "!!Covid!! hit in !!2020!!.",
    "We'll meet at !!10 to 3!!.",
    "My score was !!4/10!!.",
    "He is !!on ward!!.",
    "I got the !!number 42 bus!!.",
    "I had !!twelve!! weeks off.",
    "!!Christmas!! was hard.",
    "I think it's at the !!Royal College of Psychiatrists!! website.",
    "It's !!about 15 minutes!! !!down the road!!.",
    "My !!mum!! works at !!the school!!.",
    "I'm !!a nurse!!, !!a carer!!.",
    "!!Jobcentre!! said to apply.",
    "I work !!from home!!.",
    "I worked at it !!for years!!.",
    "it's in !!Section 3!!, !!S2!! or !!S3!!.",
    "!!GAD-7!! and !!PHQ-9!! scores.",
]

#: A second set, written after the rules, before running them on it: the figure it gives first is the
#: honest one (``--set b``).
POSITIVE_B: dict[str, list[str]] = {
    "postcode": [
        "yeah so the address was 3 Rowan Way, Halifax, [[HX1 2PQ]], the council flat",
        "um, it's [[s11 8tx]] I think, Sheffield",
        "They're all in the [[BD8]] postcode round there.",
        "I'm [[DE22 1AB]], if that helps.",
        "We moved out to [[WA5]], near Warrington.",
        "Postcode is [[M16 0RA]], Old Trafford, ha.",
        "Send it to mine, [[CF24 3AA]].",
        "the letters kept going to [[ne15 6xr]] instead",
        "the old address, up in [[DH1]]",
        "It's [[G12 8QQ]], by the uni.",
        "the [[SE15]] area, Peckham",
        "post code was [[NG7 2UH]]",
        "It's [[EH1 1YZ]] or something like that.",
        "All the [[L4]] postcodes flooded.",
        "[[PO4 9LX]], Southsea.",
    ],
    "nhs_number": [
        "nhs number is [[943 476 5919]] if you need it",
        "On the letter it's [[401.023.2137]], the NHS one.",
        "my NHS number... hang on... [[450 557 7104]]",
        "the number was [[9434765919]], on the appointment letter",
        "My NHS No is [[321 654 9870]].",
        "I know my NHS number off by heart, [[nine four three, four seven six, five nine, one nine]].",
        "hospital number's [[B1234567]]",
        "It had my MRN on it, [[MRN 00456123]].",
        "the CHI number is [[2407851234]]",
        "NHS number [[four oh one oh two three two one three seven]]",
        "patient ID [[RX1 234567]]",
        "it's my hospital number, [[K 445566]], on the wristband",
    ],
    "workplace": [
        "I was doing nights at [[Ocado]] in Erith.",
        "I got a start at the [[Bakkavor]] factory.",
        "she's on the tills at [[Lidl]]",
        "I was a picker at the [[Next]] warehouse in Elmsall.",
        "He was a driver for [[Eddie Stobart]].",
        "I'm a porter at [[Pinderfields]].",
        "I did six years at [[Sky Betting & Gaming]].",
        "I was temping through [[Pertemps]].",
        "I worked for [[Calderdale Council]] in the bin wagons.",
        "my mate got me in at [[Howdens]]",
        "I was working for [[Parkside Roofing Ltd]] at the time",
        "my dad's firm, [[Dixon & Son]], went bust",
        "I work for [[Barnsley Council]].",
        "I was a cleaner at [[Meadowhall]].",
        "I'm at the [[Drax]] power station, on shifts",
        "I used to work at [[Wetherspoons]].",
        "I did a year at [[HMRC]] in the call centre.",
        "I was a care assistant at [[Oakwood Lodge]].",
        "worked at [[primark]] for a bit",
        "I'm an HGV driver for [[Wincanton]].",
        "I was an apprentice at [[Siemens]].",
        "I'm a cook at [[Nando's]].",
    ],
    "street": [
        "we lived at [[36 Harehills Avenue]] then",
        "we were on [[Roundhay Road]] for years",
        "it's [[Flat 4, 21 Cardigan Lane]]",
        "he's living on [[Tong Street]] now",
        "I grew up on [[Whinmoor Crescent]].",
        "we was on [[Holbeck Moor Road]], by the park",
        "She's at [[number 12, Elland Road]].",
        "the house on [[Spencer Place]] got raided",
        "we moved to [[44 Hyde Park Terrace]]",
        "round on [[Brudenell Grove]], them back to backs",
        "we lived on [[harehills lane]] when I was little",
        "[[9b Stainbeck Rd]] is where I am now",
        "I was in a hostel on [[Lisbon Street]].",
        "we had a flat above the chippy on [[Dewsbury Road]]",
        "it's [[twenty-one Ash Grove]]",
    ],
    "date": [
        "my mum died on the [[fourteenth of February]], Valentine's",
        "I was sectioned on [[3rd June 2018]].",
        "my birthday's [[27/09]]",
        "I got the letter on [[the 9th of jan]]",
        "That was [[August 2016]], I think.",
        "I was born on [[the 2nd of the 11th]], 1990.",
        "we lost him [[november 2021]]",
        "the hearing was [[Thursday 14th March]]",
        "it was [[last September]] when it all kicked off",
        "I was discharged [[10.11.2019]]",
        "DOB's [[01/02/1975]]",
        "[[Xmas 2017]] was the worst",
        "it was [[June the 5th]] I think",
        "I got out on [[the 30th]] and went straight back",
        "[[12th Dec]], never forget it",
    ],
    "email": [
        "email's [[dave.h1974@hotmail.co.uk]]",
        "it's [[SARAHJ@BTINTERNET.COM]]",
        "you can reach me on [[kev underscore 88 at gmail dot com]]",
        "my work one's [[k.mills@nhs.net]]",
        "[[lou dot baker at yahoo dot com]] is my personal one",
        "put [[jenny(at)leedsmind.org.uk]] on the form",
        "it's [[paul at pauls plumbing dot co dot uk]]",
        "just email [[info@harrisonandsons.co.uk]].",
        "it's [[m.khan [at] outlook [dot] com]]",
        "contact me at [[ali+research@gmail.com]]",
    ],
    "health_org": [
        "I was on [[Ward 12]] at the General.",
        "I'm under [[Leeds Community Mental Health Team]].",
        "They sent me to [[St James's]] for the scan.",
        "I went to [[Harehills Surgery]] first.",
        "[[Sheffield Talking Therapies]] rang me back.",
        "I was in [[the Becklin]] for three weeks.",
        "the [[Kirklees crisis team]] were useless",
        "I was at [[Bradford Royal Infirmary]].",
        "my GP at [[Park Edge Practice]] referred me",
        "I'm with [[Humber Teaching NHS Foundation Trust]].",
        "we went to the [[Chapeltown Health Centre]]",
        "[[NHS Leeds CCG]] turned it down.",
        "they had me in [[the Mount]] for a bit",
        "I was an inpatient at [[Cygnet Hospital Wyke]].",
        "I was in [[Wathwood]] for two years.",
        "I was on [[ward 5]] at the LGI",
        "I went to [[Forward Leeds]] for the drinking.",
        "[[Martin House]] looked after her at the end.",
    ],
}

NEGATIVE_B: list[str] = [
    "We came off at !!junction 25!! of the !!M62!!.",
    "It was !!half past two!! on the Tuesday.",
    "I was on !!40mg!! of citalopram, then !!20!!.",
    "The !!ward manager!! said no.",
    "!!The practice!! wouldn't see me.",
    "I went to !!the GP surgery!! and they said wait.",
    "There were !!12 of us!! on the ward.",
    "I earn !!£9.50 an hour!!.",
    "I was in !!bed 4!!, !!bay 2!!.",
    "I'd ring !!111!! and they'd say ring !!999!!.",
    "It took !!three weeks!! to get the letter.",
    "!!The warehouse!! was freezing.",
    "My !!manager!! at work was fine.",
    "I worked !!on the buses!!.",
    "!!In the morning!! I'd go for a walk.",
    "I was !!at my mum's!!.",
    "The !!crisis line!! never answered.",
    "It was !!Year 9!! when it started, !!KS3!!.",
    "I scored !!21!! on the !!PHQ-9!!.",
    "We were !!on the same street!!.",
]

#: A third set, written after the second batch of rules and run once (``--set c``).
POSITIVE_C: dict[str, list[str]] = {
    "postcode": [
        "I: And the postcode?\nP: [[OL11 3DE]].",
        "we got moved to [[BB2]], Blackburn",
        "it's, er, [[ls9 7tf]]",
        "you know, round [[S2]], the Manor area",
        "[[HU3 2PT]] - Hessle Road",
        "the postcode was [[N17 0AP]], Tottenham",
        "The [[BD5]] bit of Bradford.",
        "I'm in [[TS1 3BA]] now.",
    ],
    "nhs_number": [
        "NHS number: [[450 557 7104]]",
        "it says [[943 476 5919]] on my card, the NHS card",
        "I: Do you know your NHS number?\nP: Yeah, [[nine four three, four seven six, five nine one nine]].",
        "my number at the hospital is [[RX3 556677]]",
        "[[401 023 2137]], that's the NHS number they gave",
        "They wrote my hospital number wrong, [[A0987654]].",
    ],
    "workplace": [
        "I did twelve years at [[Rowntree's]].",
        "I was a packer at [[Bettys]].",
        "I'm a support worker with [[Dimensions]].",
        "I drove a forklift at [[Wilko]]'s warehouse.",
        "She's a dinner lady at [[Beeston Primary]].",
        "I was on the bins for [[Leeds City Council]].",
        "I was working at a call centre, [[Ventrica]], in Leeds.",
        "He worked down [[Kellingley]] pit till it shut.",
        "I had a cleaning round, [[Shine Cleaning]], my own.",
        "I packed sandwiches at [[Greencore]] on nights.",
    ],
    "street": [
        "we lived at [[112 Beckett Street]]",
        "she's on [[Compton Road]], by the library",
        "my nan's in [[Flat 12, Lupton House, Stocks Hill]]",
        "we moved onto [[Gledhow Valley Road]]",
        "it was [[5 Back Nile Street]]",
        "I'm on [[stanley road]] now",
        "we lived at [[17 St Michael's Lane]]",
        "[[Unit 4, Penraevon Industrial Estate]] was where the job was",
    ],
    "date": [
        "I tried to end it on [[the 4th of July 2019]].",
        "It was [[31st of Oct]], Halloween.",
        "I was admitted [[Feb 2020]], right before Covid.",
        "My son was born [[29.2.2016]].",
        "it was [[the eighteenth]], a Friday",
        "[[Monday 3rd]] I go back in",
        "I got sectioned [[December the 1st]].",
        "It was [[the 21st of the 9th]].",
    ],
    "email": [
        "email is [[t.oneill@nhs.net]]",
        "my email's [[debbie dot walsh seventy four at gmail dot com]]",
        "it's [[gaz_b@live.co.uk]]",
        "[[sue AT leedsmind DOT org DOT uk]]",
        "It's [[Kim.Ahmed@Bradford.Gov.UK]].",
        "write to [[admin at the-haven dot org]]",
    ],
    "health_org": [
        "I was on [[Ward 4]] at the Becklin.",
        "[[St Luke's]] in Huddersfield, the mental health unit",
        "I was in [[Bootham Park]] years ago.",
        "They shipped me to [[the Priory in Altrincham]].",
        "my GP at [[Beeston Village Surgery]]",
        "I'm under [[SWYPFT]] now.",
        "I went to [[the Retreat]] in York.",
        "The [[Leeds Crisis Café]] helped.",
        "I'm with [[Bradford Talking Therapies]].",
        "I got took to [[the General]] in an ambulance.",
    ],
}

NEGATIVE_C: list[str] = [
    "I was !!at the depot!! till !!ten!!.",
    "We had !!three bedrooms!! and a garden.",
    "It was !!12 hours!! in A&E.",
    "I live !!on my own!! now.",
    "!!The General!! feeling was bad.",
    "I was at !!the sorting office!! all day.",
    "She said it was !!June or July!!.",
    "I got !!£200!! back.",
    "!!In 2019!! things got worse.",
    "The !!ward staff!! were kind.",
]

#: A fourth set, written after the last batch of rules and run once, for the report (``--set d``).
POSITIVE_D: dict[str, list[str]] = {
    "postcode": [
        "P: we're, um, [[WF13 4HQ]], Dewsbury",
        "it's in [[CH41]], Birkenhead way",
        "I put [[L15 4JN]] but it came back wrong",
        "the [[Hx1]] area, yeah",
        "P: postcode [[le3 5ab]], Leicester",
        "She's in [[SK4]] now, Heaton Chapel.",
        "[[TN34 1EH]]? Yeah that's the one.",
        "our postcode's [[M twenty, four]] something, I forget",
    ],
    "nhs_number": [
        "P: it's, er, [[485 777 3457]], the NHS one",
        "NHS: [[9434765919]]",
        "my number on the NHS app is [[401 023 2137]]",
        "I: Have you got your NHS number there?\nP: Yeah, [[seven one two, three four five, six seven eight nine]].",
        "her hospital number's [[H123456]], I had to ring it in",
        "my CHI is [[1205871234]]",
        "MRN: [[K0034521]]",
    ],
    "workplace": [
        "I was a chef at [[Harvester]] for years.",
        "I'm on the checkouts at [[Aldi]].",
        "I did labouring for [[Keepmoat]].",
        "Me and him both worked at [[Rolls-Royce]] in Derby.",
        "I'm a receptionist at [[Hollybank Vets]].",
        "I got laid off from [[Thornton & Ross]].",
        "I used to deliver for [[Yodel]].",
        "she works at the [[Boots]] on Briggate",
        "I was in the army, [[Royal Logistic Corps]].",
        "I'm a TA at [[St Wilfrid's]].",
        "my first job was at [[Woolworths]]",
        "I was a carer for [[Allied Healthcare]].",
    ],
    "street": [
        "we lived at [[23 Grange Avenue]], Chapeltown",
        "it's [[Flat 2b, 7 Victoria Road]]",
        "my mum's still on [[Shepherd's Lane]]",
        "I was sleeping in a doorway on [[Vicar Lane]].",
        "the house on [[Town Street]] was my nan's",
        "we're at [[eighteen Oak Tree Drive]]",
        "it was [[54, Church Road]]",
        "[[27 The Green]], Thorner",
        "off [[Scott Hall Rd]]",
        "P: [[Lincoln Green Court]], the flats",
    ],
    "date": [
        "it was the [[10th of December 2012]]",
        "I got my diagnosis [[Sept 2018]].",
        "[[4th of the 7th]], Independence Day, ha",
        "I was sectioned the [[twenty-second of October]].",
        "it happened [[19/6/2020]]",
        "[[last August]] bank holiday",
        "I went in [[on the 14th]], came out [[on the 28th]]",
        "she was born [[February 3rd, 2001]]",
        "[[New Year's Day 2020]] I was in A&E",
        "the funeral was [[Wednesday the 9th]]",
    ],
    "email": [
        "[[dazza1980@aol.com]] - that's old",
        "it's [[j dot patel at nhs dot net]]",
        "my uni one is [[j.patel2@leeds.ac.uk]]",
        "send it to [[helen(at)carersleeds(dot)org(dot)uk]]",
        "[[Gary.Holt @ btinternet.com]]",
        "it's [[ritz underscore girl at hotmail dot co dot uk]]",
    ],
    "health_org": [
        "I was in [[the Newsam Centre]].",
        "They sent the crisis team from [[Aire Court]].",
        "[[Wakefield CAMHS]] discharged her.",
        "I was at [[Leeds Dental Institute]].",
        "I'm under [[Dr Khan's practice]].",
        "I was in [[St Mary's]] for the birth.",
        "I go to [[the Hamara Centre]] for the group.",
        "I was on [[Ward 3]] at Lynfield.",
        "[[Touchstone]] do the support.",
        "I was at [[the Mount]] for six weeks.",
    ],
}

NEGATIVE_D: list[str] = [
    "I: And how was !!the ward!!?",
    "I've been !!on the sick!! since.",
    "It was !!4 or 5!! in the morning.",
    "!!The surgery!! said !!two weeks!!.",
    "We used to walk !!up the lane!!.",
    "I got !!ten out of ten!!.",
    "I had !!100mg!! of sertraline.",
    "There were !!30 beds!! on the unit.",
    "I was !!the 3rd!! person they saw that day.",
    "!!Royal!! treatment, it wasn't.",
]


def _spans(marked: str, open_: str, close: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, at = "", [], 0
    pattern = re.compile(re.escape(open_) + r"(.*?)" + re.escape(close))
    for m in pattern.finditer(marked):
        text += marked[at:m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        at = m.end()
    return text + marked[at:], spans


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    hit = {i for a, b in spans for i in range(max(a, start), min(b, end))}
    return len(hit) / max(1, end - start)


def run(use_model: bool, which: str = "a") -> dict[str, object]:
    positive, negative = {"a": (POSITIVE, NEGATIVE), "b": (POSITIVE_B, NEGATIVE_B), "c": (POSITIVE_C, NEGATIVE_C),
                          "d": (POSITIVE_D, NEGATIVE_D)}[which]
    per_kind: dict[str, list[int]] = defaultdict(list)
    misses: list[str] = []
    for kind, cases in positive.items():
        for marked in cases:
            text, gold = _spans(marked, "[[", "]]")
            cands = [(c.start, c.end) for c in detect(text, [(0, len(text))], [], use_model=use_model)]
            for start, end in gold:
                ok = _covered(start, end, cands) >= 0.8
                per_kind[kind].append(int(ok))
                if not ok:
                    misses.append(f"{kind}: {text[start:end]!r} in {text!r}")
    false_positives = []
    for marked in negative:
        text, bad = _negative(marked)
        for c in detect(text, [(0, len(text))], [], use_model=use_model):
            if any(a < c.end and c.start < b for a, b in bad):
                false_positives.append(f"{c.kind.value}/{c.source}: {c.text!r} in {text!r}")
    recall = {k: round(sum(v) / len(v), 3) for k, v in per_kind.items()}
    hits = [x for v in per_kind.values() for x in v]
    return {"recall": recall, "overall_recall": round(sum(hits) / len(hits), 3), "gold": len(hits),
            "negatives": len(negative), "false_positives": false_positives, "misses": misses}


def _negative(marked: str) -> tuple[str, list[tuple[int, int]]]:
    parts = marked.split("!!")
    text, spans = "", []
    for i, part in enumerate(parts):
        if i % 2:
            spans.append((len(text), len(text) + len(part)))
        text += part
    return text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--set", choices=["a", "b", "c", "d"], default="a",
                        help="a: the forms the rules were written on; b, c, d: written after the first, third and last batch")
    parser.add_argument("--show", action="store_true", help="print the misses and false positives")
    args = parser.parse_args()
    result = run(not args.no_model, args.set)
    print(json.dumps({k: v for k, v in result.items() if k not in ("misses", "false_positives")}))
    print("false positives:", len(result["false_positives"]))  # type: ignore[arg-type]
    if args.show:
        print("\n".join(["misses:", *result["misses"], "false positives:", *result["false_positives"]]))  # type: ignore[list-item]


if __name__ == "__main__":
    main()
