"""De-identification rules for social media handles and links in the forms the earlier rounds missed.

Owns: an @handle with dots or hyphens in it, taken whole ("@halima-abdirahman7", "@jo.b_99"); a handle
named beside the platform it is on, before or after it ("I'm alfie.havant on Instagram", "follow
tariq.runs on insta", "on Snapchat, she's spoonieshaz", "I used to tweet as xrajeshx"); and a link said
aloud whose name is several words ("kirklees mind dot org dot uk", "safe haven wakefield dot co dot uk"),
with a spoken "www" ("double-u double-u double-u dot") or a path said after it ("justgiving dot com forward
slash nana edna walk"); and an e-mail address said aloud with a number in it ("brenda dot gwilym 20 at yahoo
dot co dot uk").
A word counts as a handle only when it could not be an ordinary word: it has a dot, an underscore or a
digit in it, or it is not in the English word list (passed in, case-folded). Must not do I/O.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cotheme.domain.deid import Found, Kind

#: An @handle: letters, digits, "_", "." and "-" inside it (not an e-mail's "@": nothing word-like before).
_AT_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?")
_PLATFORM = (r"(?:insta(?:gram)?|ig|snap(?:chat)?|tik\s?tok|twitter|x|threads|bluesky|face\s?book|fb|twitch|discord|"
             r"reddit|tumblr|you\s?tube|linked\s?in|strava|telegram|kick|mastodon)")
_HANDLE = r"([A-Za-z0-9_][A-Za-z0-9_.-]{2,29}[A-Za-z0-9_])"
_ANY_PLATFORM = re.compile(rf"\b{_PLATFORM}\b|\b(?:as|under|there|follow\w*)\b")
#: "I'm X on Instagram", "follow X on insta", "find me as X on TikTok", "she's X on snap".
_BEFORE_PLATFORM = re.compile(
    rf"\b(?i:i'm|i’m|im|i am|he's|he’s|she's|she’s|they're|they’re|follow|followed|add|message|dm|find (?:me|her|him|them)"
    rf"(?: as)?|look (?:me|her|him|them) up(?: as)?|search(?: for)?|it's|it’s|called|as)\s+(?:(?i:at)\s+)?@?{_HANDLE}\s*,?\s+"
    rf"(?i:on|over on|at)\s+(?i:{_PLATFORM}|there)\b")
#: "I follow this lass grainnechaudhry", "Follow andrzej.runs for the recovery cafe": who is followed.
_FOLLOWED = re.compile(rf"\b(?i:follow(?:s|ed|ing)?)\s+(?:(?i:this|that|a|the|one)\s+)?(?:(?i:lass|lad|girl|guy|woman|man|fella|"
                       rf"bloke|account|page|channel|person|mum|dad|nurse|influencer|creator|woman called|guy called)\s+)?"
                       rf"(?:(?i:called)\s+)?(?:(?i:at)\s+)?@?{_HANDLE}\b")
#: "on Snapchat, she's X", "my insta is X", "on TikTok I'm X", "on insta as X", "tweet as X".
_AFTER_PLATFORM = re.compile(
    rf"\b(?i:{_PLATFORM})(?:\s+(?i:handle|name|username|account|page))?(?:['’]s\s+|(?:\s*,)?\s+(?i:she's|she’s|he's|he’s|"
    rf"i'm|i’m|im|i am|they're|they’re|it's|it’s|is|was|as|under|called)\s+)(?:(?i:at)\s+)?@?{_HANDLE}\b|"
    rf"\b(?i:tweet(?:ed|s)?|post(?:ed|s)?|stream(?:ed|s)?|game[sd]?|went|go|goes|vlog(?:ged|s)?)\s+(?i:as|under)\s+@?{_HANDLE}\b")
#: A link said aloud: up to three lower-case words before "dot" and a top-level domain said as a word.
_TLD = r"(?:com|org|net|co|uk|info|ie|io|me|nhs|gov|ac|scot|wales|cymru|eu|tv|app|ee|gg|ly|to|be|gl|fm|so|link|page|site)"
_SAID_WWW = r"(?:(?:double[- ]?(?:u|you)[\s,]*){3}|(?:w[\s,]*){3}|triple[- ]?(?:u|w|double[- ]?(?:u|you)))\s*dot\s+"
_SAID_LINK = re.compile(rf"\b((?:{_SAID_WWW})?(?:[a-z0-9][a-z0-9-]*\s+){{0,3}}[a-z0-9][a-z0-9-]*(?:\s+dot\s+[a-z0-9-]+)*"
                        rf"\s+dot\s+{_TLD}(?:\s+dot\s+{_TLD})*)\b")
#: The path said after a link: "slash" or "forward slash" and up to four words.
_SAID_PATH = re.compile(r"\s+(?i:forward\s+)?(?i:slash)\s+((?:[A-Za-z0-9][A-Za-z0-9-]*)(?:\s+[A-Za-z0-9][A-Za-z0-9-]*){0,5})")
#: Words that end a said path: the sentence goes on.
_PATH_ENDS = frozenset("""so and but if my i it its it's which that because cos where when you we they he she on at to for
with yeah then or just is was are were has have had all lower case capital""".split())
#: An e-mail address said aloud with numbers in it: "brenda dot gwilym 20 at yahoo dot co dot uk".
_SAID_EMAIL = re.compile(rf"\b([a-z][a-z0-9]*(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9]+|\s+\d+)*\s+\d+"
                         rf"(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9]+)*\s+at\s+[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*"
                         rf"\s+dot\s+{_TLD}(?:\s+dot\s+{_TLD})*)\b")
#: Words a said link's name does not start with: the words of the sentence around it.
#: "my email, it's nanna pat at sky dot com": an address said aloud in words after "email".
_EMAIL_SAID_AFTER_CUE = re.compile(rf"(?i:e-?mail)(?:\s+address)?[^.?!\n]{{0,20}}?\b(?i:is|it's|it’s|'s|’s)\s+"
                                   rf"((?:[a-z0-9]+\s+(?:(?:dot|underscore|dash)\s+)?){{0,3}}[a-z0-9]+\s+at\s+[a-z0-9]+"
                                   rf"(?:\s+dot\s+[a-z0-9]+)*\s+dot\s+{_TLD}(?:\s+dot\s+{_TLD})*)\b")
_NOT_LINK_WORDS = frozenset("""a an the on at to in of for from it its it's is was i i'm im you we they he she go went
check checked visit visited found find look looked see saw site website page web online internet google googled
googling search searched called named says said and or but so just really like via off by try tried there their this
that my your our his her me all s its everything stuff up""".split())


def _could_be_word(word: str, english: Collection[str]) -> bool:
    return not re.search(r"[._\d-]", word) and word.casefold() in english


def find_online(text: str, english: Collection[str]) -> list[Found]:
    """Handles and said links in ``text`` (``english``: the case-folded English word list)."""
    found = [Found(m.start(), m.end(), m.group(), Kind.HANDLE, "rule", 0.8) for m in _AT_HANDLE.finditer(text)
             if len(m.group()) > 2]
    lowered = text.casefold()
    if _ANY_PLATFORM.search(lowered):
        for pattern in (_BEFORE_PLATFORM, _AFTER_PLATFORM, _FOLLOWED):
            for m in pattern.finditer(text):
                group = next(g for g in range(1, (m.lastindex or 0) + 1) if m.group(g))
                word = m.group(group)
                if not _could_be_word(word, english):
                    start = m.start(group)
                    if text[max(0, start - 3):start].casefold() == "at ":
                        start -= 3  # a spoken "@" is part of the handle ("I'm at malcolm78 on there")
                    found.append(Found(start, m.end(group), text[start:m.end(group)], Kind.HANDLE, "rule", 0.7))
    if " dot " in lowered:
        for m in _SAID_LINK.finditer(text):
            words = list(re.finditer(r"\S+", m.group(1)))
            first_dot = next((i for i, w in enumerate(words) if w.group() == "dot" and i > 0), 0)
            keep = first_dot  # the name is the words just before the first "dot" that are not the sentence's
            while keep > 0 and words[keep - 1].group() not in _NOT_LINK_WORDS and not words[keep - 1].group().startswith("double"):
                keep -= 1
            if words[:first_dot] and words[0].group().startswith(("double", "w", "triple")) and re.match(_SAID_WWW, m.group(1)):
                keep = 0  # a spoken "www" opens the link
            words = words[keep:]
            if len(words) >= 3:  # a name, "dot", a domain at the least
                start, end = m.start(1) + words[0].start(), m.end(1)
                path = _SAID_PATH.match(text, end)
                if path:
                    kept = []
                    for word in path.group(1).split():
                        if word.casefold() in _PATH_ENDS:
                            break
                        kept.append(word)
                    if kept:
                        end = path.start(1) + len(" ".join(kept)) if path.group(1).startswith(" ".join(kept)) else end
                found.append(Found(start, end, text[start:end], Kind.URL, "rule", 0.6))
        for m in _EMAIL_SAID_AFTER_CUE.finditer(text):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.EMAIL, "rule", 0.7))
        for m in _SAID_EMAIL.finditer(text):
            found.append(Found(m.start(1), m.end(1), m.group(1), Kind.EMAIL, "rule", 0.7))
    return list({(f.start, f.end, f.kind): f for f in found}.values())
