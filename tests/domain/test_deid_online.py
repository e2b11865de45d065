"""Handles and said links (``domain.deid_online``): what they find, and ordinary talk they leave alone."""

from __future__ import annotations

import pytest

from cotheme.domain.deid import Kind
from cotheme.domain.deid_online import find_online

ENGLISH = frozenset("""i went as well on the bus happy normal it was she is facebook post posted photos there
every day runs walks the and""".split())


@pytest.mark.parametrize(("text", "expected", "kind"), [
    ("I found it on kirklees mind dot org dot uk, just by googling", "kirklees mind dot org dot uk", Kind.URL),
    ("it's on safe haven wakefield dot co dot uk", "safe haven wakefield dot co dot uk", Kind.URL),
    ("I'm alfie.havant on Instagram, I post my art", "alfie.havant", Kind.HANDLE),
    ("Follow tariq.runs on insta, they do walks", "tariq.runs", Kind.HANDLE),
    ("I message her on Snapchat, she's spoonieshaz. I'd like that", "spoonieshaz", Kind.HANDLE),
    ("I used to tweet as xrajeshx but I came off it", "xrajeshx", Kind.HANDLE),
    ("Sorry, was that @halima-abdirahman7?", "@halima-abdirahman7", Kind.HANDLE),
    ("my insta is jo_b_1990 if you want it", "jo_b_1990", Kind.HANDLE),
])
def test_finds_handles_and_said_links(text: str, expected: str, kind: Kind) -> None:
    found = find_online(text, ENGLISH)
    assert [(f.text, f.kind) for f in found] == [(expected, kind)]
    assert all(text[f.start:f.end] == f.text for f in found)


@pytest.mark.parametrize("text", [
    "email me at jo@gmail.com",
    "I went as well on the bus",
    "I'm happy on Instagram",
    "she is on facebook as well",
    "it was normal as ever",
    "she posted photos there every day",
    "a @ sign on its own: @ and @a",
])
def test_leaves_ordinary_talk_alone(text: str) -> None:
    assert find_online(text, ENGLISH) == []


@pytest.mark.parametrize(("text", "expected", "kind"), [
    ("I put it all on justgiving dot com forward slash nana edna walk so people could donate",
     "justgiving dot com forward slash nana edna walk", Kind.URL),
    ("there's a website, double-u double-u double-u dot kirklees carers dot org dot uk, and",
     "double-u double-u double-u dot kirklees carers dot org dot uk", Kind.URL),
    ("it's facebook dot com slash spen valley mums, my friend set it up", "facebook dot com slash spen valley mums", Kind.URL),
    ("add me, I'm jolantabakes, on Facebook.", "jolantabakes", Kind.HANDLE),
    ("on snap, I'm at malcolm78 on there.", "at malcolm78", Kind.HANDLE),
    ("I follow this lass grainnechaudhry and she talks about it", "grainnechaudhry", Kind.HANDLE),
])
def test_finds_paths_spoken_www_and_who_is_followed(text: str, expected: str, kind: Kind) -> None:
    assert (expected, kind) in [(f.text, f.kind) for f in find_online(text, frozenset({"and", "she", "talks"}))]


def test_an_email_said_aloud_with_a_number_is_found_whole() -> None:
    text = "it's brenda dot gwilym 20 at yahoo dot co dot uk, all lower case"
    assert ("brenda dot gwilym 20 at yahoo dot co dot uk", Kind.EMAIL) in [(f.text, f.kind) for f in find_online(text, ENGLISH)]


@pytest.mark.parametrize("text", ["I follow the news", "I follow up with them", "we followed the guidance",
                                  "I was at home on there", "I follow her advice"])
def test_following_advice_is_not_a_handle(text: str) -> None:
    assert find_online(text, frozenset({"the", "news", "up", "with", "them", "guidance", "home", "her", "advice"})) == []
