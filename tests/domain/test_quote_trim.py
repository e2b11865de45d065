"""Quotes trimmed to whole sentences or marked with "…": on real coded segments (MAXQDA's export of
the PDPilot interviews in ../shared/data) and on the hard cases: a word cut by a drag, "Dr.", emoji."""

from __future__ import annotations

import csv

import pytest

from cotheme.domain.quote_trim import (
    ELLIPSIS,
    ends_mid_sentence,
    sentence_ends,
    starts_mid_sentence,
    trim_quote,
)
from tests.conftest import SHARED_DATA

SEGMENTS = SHARED_DATA / "coded-datasets" / "pdpilot-maxqda" / "pdpilot_coded_segments_parsed.csv"


def _segments() -> list[str]:
    with SEGMENTS.open(encoding="utf-8") as handle:
        return [row["segment"] for row in csv.DictReader(handle)]


def _words(text: str) -> list[str]:
    # A trailing comma gives way to the ellipsis ("do," -> "do…"), so words compare without one.
    return [w.rstrip(",;:–—-") for w in text.replace(ELLIPSIS, " ").split()]


def test_every_real_segment_keeps_its_words_whole_and_in_order() -> None:
    segments = _segments()
    assert len(segments) > 200
    marked = 0
    for segment in segments:
        quote = trim_quote(segment)
        words, original = _words(quote), _words(segment)
        assert words, segment
        # The quote is a run of the segment's own words: nothing invented, no word cut in two.
        at = next(i for i in range(len(original)) if original[i:i + len(words)] == words)
        assert original[at:at + len(words)] == words
        body = quote.strip(ELLIPSIS)
        assert body in segment  # the original text otherwise, spacing included
        assert len(body) >= len(segment.strip()) // 3  # a short fragment may go, never the substance
        if quote.endswith(ELLIPSIS):
            marked += 1
            assert ends_mid_sentence(segment)
        else:
            assert not ends_mid_sentence(body)
    assert marked > 10  # MAXQDA segments often stop mid-sentence; each such long tail is marked


def test_a_real_segment_that_stops_mid_sentence_is_trimmed_or_marked() -> None:
    segment = next(s for s in _segments() if s.endswith("that's the first one in model development"))
    # The unfinished "Um, so that's the first one..." is a short tail: the quote ends at the sentence before.
    quote = trim_quote(segment)
    assert quote.startswith("We can, from that") and quote.endswith("how  powerful those features are.")
    unfinished = next(s for s in _segments() if s.endswith("the work that I do,"))
    assert trim_quote(unfinished).endswith("level  of detail of the work that I do" + ELLIPSIS)


def test_a_short_trailing_fragment_is_dropped_at_the_sentence_end() -> None:
    segment = next(s for s in _segments() if s.startswith("PDPs, ICE plots, they all come at"))
    assert trim_quote(segment) == segment.strip()  # ends "explain why." already whole
    cut = segment.strip() + " And then"
    assert trim_quote(cut) == segment.strip()


def test_a_leading_fragment_from_the_context_is_dropped_or_marked() -> None:
    text = "months. Then she listened to me properly, for the first time in two years of asking."
    assert trim_quote(text, before="I waited four ") == "Then she listened to me properly, for the first time in two years of asking."
    long_lead = "waited for four months and nobody called back. Then she listened."
    assert trim_quote(long_lead, before="and I ") == ELLIPSIS + long_lead
    assert starts_mid_sentence("Then she listened.", before="I waited. ") is False
    assert starts_mid_sentence("Then she listened.", before="Interviewer: ok\n") is False
    assert starts_mid_sentence("she listened.") is True


def test_a_drag_that_ends_inside_a_word_never_keeps_the_half_word() -> None:
    assert trim_quote("I was already th", after="ere when they rang") == "I was already" + ELLIPSIS
    assert trim_quote("ready there when they rang.", before="I was al") == ELLIPSIS + "there when they rang."


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "I saw Dr. Patel and J. Smith on the ward, e.g. on Mondays. Then it stopped."
    assert sentence_ends(text) == [text.index("Then") - 1]
    assert ends_mid_sentence("I went to see Dr.")
    assert trim_quote("I went to see Dr.", after=" Patel") == "I went to see Dr." + ELLIPSIS
    assert sentence_ends("It cost 3.5 million. We paid.") == [20]


@pytest.mark.parametrize("text", [
    "The group helped 🙂",
    "The nurse 👩‍⚕️ was kind. She stayed.",
    "Café visits with the peer group helped 🙂 a lot.",
])
def test_emoji_stay_whole(text: str) -> None:
    quote = trim_quote(text)
    assert quote == text
    assert not quote.endswith(ELLIPSIS)


def test_emoji_inside_a_marked_quote_keep_their_joiners() -> None:
    quote = trim_quote("the nurse 👩‍⚕️ said it was fine, and I", before="and ", after=" believed her.")
    assert quote == ELLIPSIS + "the nurse 👩‍⚕️ said it was fine, and I" + ELLIPSIS
    assert "👩\u200d⚕\ufe0f" in quote


def test_trailing_comma_goes_before_the_ellipsis() -> None:
    assert trim_quote("It was hard, really hard,", after=" and") == "It was hard, really hard" + ELLIPSIS
