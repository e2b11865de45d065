"""De-identification rules for the forms of ages the earlier rules missed, as UK interviewees say them.

Owns: ages written short ("a 12 yr old", "my 2yo", "5 y/o"); babies' ages in months or weeks ("8 months
old", "she was 18 months when"); ages with a half ("two and a half"); approximate ages ("just gone 18",
"fifty-odd", "forty-something", "thirty-ish"); ages after "must have been"/"would have been" and with a
hedge after them ("twenty two I think", "10 or so"); ages after a lower-case "i was"; ages given after
a name or a person noun ("Jade, 14,", "Kieran (7)", "a bairn, about six", "my daughter (14)"); children's
ages listed after them ("three kids, 12, 9 and 4"); "who's 4" before the rest of a clause; the first of
a pair of ages before "year old" ("a 6 and a 9 year old"); ages said in a run opening a clause ("at
fourteen, fifteen, I was"); and the ages said next to any of these ("fourteen, fifteen"). A decade ("in my forties", "late twenties") stays with ``domain.deid_spoken``
at low confidence: it narrows a person down only a little. A school year ("Year 9") is not an age.
Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cotheme.domain.deid import Found, Kind
from cotheme.domain.deid_spoken import AGE_WORDS, NUMBER_WORD, ages_said_next, finditer, near, spoken_number

_NUMBER = rf"(?:\d{{1,3}}|(?i:{NUMBER_WORD}))"
#: What after a number makes it a quantity, a time, a dose or a rank rather than an age.
_NOT_AN_AGE = (r"(?!\s*(?i:%|percent|per\b|pounds|quid|p\b|k\b|grand|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
               r"months?|years?(?![- ]old)|times|of\b|out\b|in\b|o'clock|am\b|pm\b|a\.m|p\.m|miles?|mg|ml|foot|feet|ft|"
               r"stone|st\b|kg|kilos?|lbs?|sessions?|people|points?|quid|past\b|to\b|till\b|after\b|-\d|/\d|[.:]\d|x\b|'s\b|’s\b))")
_PERSON = (r"(?:I|i|[Ss]he|[Hh]e|[Yy]ou|[Ww]e|[Tt]hey|(?i:my|his|her|our|your|their|me)\s+[a-z]+|(?i:the|a)\s+(?:baby|"
           r"lad|lass|boy|girl|kid|child|bairn))")
_BE = r"(?:was|were|is|am|are|'m|’m|'s|’s|'re|’re)"
_HEDGE = r"(?:(?i:like|only|just|about|around|nearly|almost|barely|maybe|probably|already|still|roughly|not even|only just)\s+)"
#: "a 12 yr old", "my 2yo", "5 y/o", "a 14yr old", "10 yrs old".
_SHORT = re.compile(r"(?<![\d/.,])\b(\d{1,3}(?:\s?½|\s+1/2)?)\s?(?:yo|y/o|y\.o\.|yrs?\.?[- ]?old|yrs?(?=\s+(?:lad|lass|boy|girl|kid|son|daughter|old)\b))\b",
                    re.I)
#: "8 months old", "six weeks old", "an 18-month-old", "she was 18 months when".
_MONTHS_OLD = re.compile(rf"\b({_NUMBER}(?:\s+and\s+a\s+half)?[- ](?i:months?|weeks?))[- ](?i:old)\b")
_MONTHS_WAS = re.compile(rf"\b{_PERSON}\s+(?:was|is|'s|’s|were)\s+{_HEDGE}?({_NUMBER}\s+(?i:months?|weeks?))"
                         r"(?=\s*[.,;!?]|\s+(?:when|and|at the time|then|now|she|he|I)\b)")
#: "two and a half", "three and a half year old", "aged 4 and a half": a child's age with a half.
_HALF = re.compile(rf"(?:\b{_PERSON}\s*(?:{_BE}|'ll be|’ll be|\s+will be)|\b(?i:aged|age|turned|only|just|at))\s+{_HEDGE}?({_NUMBER}\s+and\s+a\s+half)\b"
                   r"(?!\s+(?i:hours?|minutes?|mins?|days?|weeks?|months?|pounds|quid|miles?|stone|times|sessions?|pints?|litres?)\b)")
_HALF_OLD = re.compile(rf"\b({_NUMBER}\s+and\s+a\s+half)[- ](?i:years?)[- ](?i:old)\b")
#: "just gone 18", "coming up 60", "going on 40", "knocking on 70": approximate ages after a person.
_APPROX_BEFORE = re.compile(
    rf"\b(?:{_PERSON}\s*{_BE}|\b(?i:be|been))\s+{_HEDGE}?(?i:just gone|gone|coming up(?: to)?|going on|knocking on|"
    rf"pushing|getting on for|rising|over|under|past|well over|nearly|almost|not quite)\s+({_NUMBER})\b{_NOT_AN_AGE}"
    r"(?!\s*(?:[-–]|and\b))")
#: "fifty-odd", "forty-something", "thirty-ish", "60ish": an approximate age in itself.
_APPROX_SELF = re.compile(rf"(?:\b{_PERSON}\s*{_BE}|\b(?i:aged|turned|been|at|a|an))\s+{_HEDGE}?"
                          rf"((?:\d0|(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))(?:[- ]?(?i:odd|something|ish)))\b"
                          r"(?!\s+(?i:years?|times|people|quid|pounds|miles|minutes|hours|days|weeks|months)\b)")
#: "must have been 10 or so", "he'd have been twenty two I think": a hedged age after a person's "been".
_BEEN = re.compile(rf"\b(?:I|i|[Ss]he|[Hh]e|[Yy]ou|[Ww]e|[Tt]hey|(?i:my|his|her|our)\s+[a-z]+)(?:\s+(?:must|would|might|could|should)"
                   rf"(?:\s+have|'ve|’ve)\s+been|'d have been|’d have been|'d've been|(?:'s|’s|\s+has|'ve|’ve|\s+have)\s+got\s+to\s+be"
                   rf"|\s+(?:must|has to|have to)\s+be)[,\s]+(?:(?i:erm|um|uh|er|ehm|hmm|like|oh),?\s+)*{_HEDGE}?({_NUMBER})\b{_NOT_AN_AGE}"
                   r"(?=\s*(?:[.,;!?]|$)|\s+(?:or so|or something|ish|I think|I reckon|I guess|maybe|probably|tops|at most|if|by now|"
                   r"at the time|then|when|and|by then|at that point|or)\b)")
#: "I was twenty two I think", "i was like 15 when": a person's "was" and a hedge after the number.
_WAS_HEDGED = re.compile(rf"\b(?:I|i|[Ss]he|[Hh]e|[Yy]ou|[Ww]e|[Tt]hey|(?i:my|his|her|our)\s+[a-z]+)\s+{_BE}\s+{_HEDGE}*({_NUMBER})\b"
                         rf"{_NOT_AN_AGE}(?=\s+(?:or so|or something|I think|I reckon|I guess|maybe|probably|tops|ish)\b"
                         r"|\s+(?:when|at the time|and)\b)")
#: "Our Jayden's ten now", "The twins are three.": a named child's (a capital in mid-sentence: "Dinner's 6."
#: opening a sentence is no one) or a group of children's age.
_NAMED_IS = re.compile(rf"(?:(?<=[a-z,] )(?!(?:It|That|This|There|Here|What|Who|Where|He|She)['’]s)[A-Z][a-z]+(?:['’]s|\s+is|\s+was)"
                       rf"|\b(?i:twins|triplets|kids|boys|girls|children|grandkids|grandchildren|sons|daughters)\s+(?:are|were))"
                       rf"\s+{_HEDGE}?({_NUMBER})\b{_NOT_AN_AGE}(?=\s*(?:[.;!?]|$)|\s+(?:now|this year|next (?:month|year|week)|"
                       r"and (?:he|she|they)|going on)\b|\s*,\s*(?:he|she|they|and|but|so)\b)")
#: "Jade, 14, was", "Kieran, seven, and Alfie, four,", "Jade (14)": an age after a name.
_AFTER_NAME = re.compile(rf"\b(?!(?:I|The|And|But|So|Then|Well|Yes|No|Yeah|Oh|Okay|Ok|Right|Now|Mum|Dad|Monday|Tuesday|"
                         rf"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
                         rf"September|October|November|December|Page|Room|Ward|Year|Flat|Bus|Number|No|Level|Stage|Step|"
                         rf"Question|Chapter|Section|Part|Figure|Table|Box|Line|Item|Week|Day|Session|Appointment)\b)"
                         rf"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]+)?(?:,\s+|\s+\()(\d{{1,2}}|(?i:{NUMBER_WORD}))(?=\s*(?:,|\)|\s+and\b))")
#: "a 6 and a 9 year old", "a 4, a 7 and a 10-year-old": the ages before the last one's "year old".
_PAIR_BEFORE = re.compile(rf"\b(?i:an?)\s+({_NUMBER})(?=(?:\s*,\s*(?i:an?)\s+{_NUMBER})*\s*(?:,|and|&)\s+(?i:an?)\s+{_NUMBER}"
                          rf"(?:[- ](?i:years?)[- ](?i:olds?)|\s?(?i:yo|y/o|yr old)))")
#: "at fourteen, fifteen, I was": a run of ages opening a clause.
_OPENING_RUN = re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=,\s))(?i:by|at|from|aged)\s+({_NUMBER})"
                          rf"(?=(?:\s*(?:,|or|/|to)\s*{_NUMBER})+,?\s+(?:I|she|he|they|we|my)\b)")
#: "I'll be thirty in June", "she'll be 16 next month": an age to come.
_WILL_BE = re.compile(rf"\b(?:I|i|[Ss]he|[Hh]e|[Yy]ou|(?i:my|his|her|our|your|their|me)\s+[a-z]+)\s*(?:'ll|’ll|\s+will|\s+would|'d|’d)\s+be\s+{_HEDGE}?({_NUMBER})\b"
                      r"(?=\s+(?:in (?:January|February|March|April|May|June|July|August|September|October|November|December|"
                      r"the summer|the spring|the autumn|the winter|a few|a couple|[a-z]+ (?:weeks|months))|next|this|on|come|soon|by)\b)")
#: "twelve going on twenty": an age and the age someone acts.
_GOING_ON = re.compile(rf"\b{_PERSON}\s*{_BE}\s+{_HEDGE}?({_NUMBER})(?=\s+going on\s+{_NUMBER}\b)")
#: "When you're 14,", "once you're sixty": an age after "when"/"once" and a person's present "be".
_WHEN_BE = re.compile(rf"\b(?i:when|once|if|until|till|by the time|because|since)\s+(?i:you're|you’re|you are|I'm|I’m|I am|"
                      rf"she's|she’s|he's|he’s|they're|they’re|we're|we’re|your kid's|your child's|your kids are)\s+{_HEDGE}?"
                      rf"({_NUMBER})\b{_NOT_AN_AGE}(?=\s*[,.;!?]|\s+(?:and|or|you|I|she|he|they|it|then|there)\b)")
#: "I had our Callum at seventeen", "she had twins at 19": a parent's age at a birth.
_HAD_AT = re.compile(rf"\b(?i:had|having|fell pregnant with|was pregnant with)\s+(?:(?i:him|her|them|twins|(?:our|my|me|her|his)"
                     rf"\s+\w+)|[A-Z][a-z]+)\s+at\s+{_HEDGE}?({_NUMBER})\b{_NOT_AN_AGE}(?!\s*(?:[:.]\d|(?i:am|pm|o'clock)))")
#: "a lad, twenty maybe,", "this girl, 15 or 16,": an age after a person noun.
_NOUN = (r"(?i:lad|lass|girl|boy|bloke|woman|man|fella|kid|child|guy|teenager|baby|bairn|son|daughter|brother|sister|"
         r"nephew|niece|grandson|granddaughter|mum|mam|dad|nan|gran|grandad|husband|wife|partner|youngest|eldest|oldest)")
_AFTER_NOUN = re.compile(rf"\b{_NOUN},\s+(?:(?i:about|maybe|only|like|around)\s+)?({_NUMBER})(?=(?:\s+(?:maybe|or so|ish|tops|at most))?"
                         rf"\s*(?:[,).;!?]|\s+or\b|\s+and\b))|\b{_NOUN}\s*\(({_NUMBER})\)")
#: "three kids, 12, 9 and 4", "two boys aged 7 and 10": children's ages listed after them.
_KIDS_LISTED = re.compile(rf"\b(?i:kids|children|boys|girls|sons|daughters|grandkids|grandchildren|twins)\s*(?:,|:|-|–|\(|aged|ages)\s*"
                          rf"({_NUMBER})(?=\s*(?:,|and|&|/)\s*{_NUMBER}\b)")
#: "Our Lily who's 4 goes to nursery": "who's" and an age before the rest of the clause.
_WHO_IS = re.compile(rf"\bwho(?:'s|’s|\s+is|\s+was)\s+{_HEDGE}?({_NUMBER})\b{_NOT_AN_AGE}(?=\s+(?:goes|is|has|was|but|still|loves|"
                     r"wants|can|can't|cannot|doesn't|won't|will|gets|got|had|needs|lives|started|starts)\b)")
_NEXT_AGE = re.compile(rf"(?:\s*,\s*|\s+(?:or|and|to|or maybe|or so,?|going on)\s+(?:an?\s+)?|\s*/\s*|\s*-\s*)({_NUMBER})\b{_NOT_AN_AGE}")


def _age(m: re.Match[str], score: float | None = None, group: int = 1) -> Found | None:
    said = m.group(group)
    head = re.match(rf"\d{{1,3}}|(?i:{NUMBER_WORD})", said)
    value = spoken_number(head.group()) if head else None
    if value is None or not 0 < value < 120:
        return None
    return Found(m.start(group), m.end(group), said, Kind.AGE, "rule", score or (0.7 if value < 18 else 0.6))


def find_fifth_ages(text: str, found: Sequence[Found] = ()) -> list[Found]:
    """The ages these rules see in ``text``, and the ages said next to them or to ``found``'s ages."""
    spans = near(text, AGE_WORDS)
    out: list[Found] = []
    for pattern in (_SHORT, _MONTHS_OLD, _MONTHS_WAS, _HALF, _HALF_OLD, _APPROX_BEFORE, _APPROX_SELF, _BEEN,
                    _WAS_HEDGED, _PAIR_BEFORE, _OPENING_RUN, _WILL_BE, _GOING_ON, _WHEN_BE, _HAD_AT, _NAMED_IS, _KIDS_LISTED, _WHO_IS):
        out += [f for m in finditer(pattern, text, spans) if (f := _age(m)) is not None]
    out += [f for m in finditer(_AFTER_NAME, text, spans) if (f := _age(m, 0.6)) is not None]
    out += [f for m in finditer(_AFTER_NOUN, text, spans) if (f := _age(m, group=2 if m.group(2) else 1)) is not None]
    return out + ages_said_next(text, [f for f in [*found, *out] if f.kind is Kind.AGE], _NEXT_AGE, _age)
