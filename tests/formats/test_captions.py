"""captions.py: the real Zoom recording files, synthetic Teams and SRT files, malformed cues."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.captions import read_srt, read_vtt

# Real files from revgizmo/zoomstudentengagement_cursor (MIT), see shared/data/README.md.
DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ZOOM = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
ZOOM_CC = DATA / "captions-vtt" / "GMT20240124-202901_Recording.cc.vtt"


def assert_turns_consistent(parsed: ParsedTranscript) -> None:
    pieces = [parsed.text[t.start:t.end] for t in parsed.turns]
    assert "\n".join(pieces) == parsed.text
    assert all(piece == piece.strip() and piece for piece in pieces)
    starts = [t.t_start_ms for t in parsed.turns]
    assert all(s is not None for s in starts)
    assert starts == sorted(starts)  # type: ignore[type-var]
    for turn in parsed.turns:
        assert turn.t_end_ms is not None and turn.t_start_ms is not None and turn.t_end_ms >= turn.t_start_ms


def test_real_zoom_transcript() -> None:
    parsed = read_vtt(ZOOM.name, ZOOM.read_bytes())
    assert parsed.format == "vtt"
    assert parsed.metadata == {"variant": "zoom"}
    assert len(parsed.speakers) == 5
    assert set(parsed.speakers) == {"Srijani Ghosh", "Conor Healy", "Dr. Melissa Ko", "Shreeharsh Kelkar", "Ryan Sloan"}
    unattributed = [t for t in parsed.turns if t.speaker is None]
    assert len(unattributed) == 1
    assert parsed.text[unattributed[0].start:unattributed[0].end] == "Hmm."
    assert "\nHmm.\n" in parsed.text
    assert "Conor Healy:" not in parsed.text  # names are structure
    # 102 cues, consecutive cues of one speaker merged.
    assert len(parsed.turns) == 26
    first = parsed.turns[0]
    assert (first.speaker, parsed.text[first.start:first.end], first.t_start_ms, first.t_end_ms) == (
        "Srijani Ghosh", "Hi!", 50, 1790,
    )
    assert_turns_consistent(parsed)


def test_real_zoom_live_captions_have_no_speakers() -> None:
    parsed = read_vtt(ZOOM_CC.name, ZOOM_CC.read_bytes())  # CRLF line ends, no cue numbers
    assert parsed.metadata == {"variant": "captions"}
    assert parsed.speakers == []
    assert len(parsed.turns) == 100  # unknown speakers never merge: one turn per cue
    assert parsed.text.startswith("This doesn't.\nThis as a nerd, it's the window")
    assert parsed.turns[0].t_start_ms == 68_000 and parsed.turns[0].t_end_ms == 69_000
    assert_turns_consistent(parsed)


TEAMS = """WEBVTT

4b1d1f3c-8a6e-4f0e-9d53-0c1b2a3d4e5f/12-0
00:00:01.000 --> 00:00:04.000
<v Alice Smith>Hello everyone, welcome.</v>

4b1d1f3c-8a6e-4f0e-9d53-0c1b2a3d4e5f/13-0
00:00:04.500 --> 00:00:06.000
<v Alice Smith>Let's start.</v>

NOTE Teams puts two voices in one cue when people overlap

4b1d1f3c-8a6e-4f0e-9d53-0c1b2a3d4e5f/14-0
00:00:06.000 --> 00:00:08.000
<v Bob Jones>Thanks.</v>
<v Alice Smith>Sure.</v>

4b1d1f3c-8a6e-4f0e-9d53-0c1b2a3d4e5f/15-0
00:00:08.000 --> 00:00:09.500 align:start position:10%
<v.loud Bob Jones><c.yellow>So</c> <i>what</i> &amp; <00:00:09.000>why?</v>
"""


def test_teams_voices_and_guid_ids() -> None:
    parsed = read_vtt("meeting.vtt", TEAMS.encode("utf-8"))
    assert parsed.metadata == {"variant": "teams"}
    got = [(t.speaker, parsed.text[t.start:t.end], t.t_start_ms, t.t_end_ms) for t in parsed.turns]
    assert got == [
        ("Alice Smith", "Hello everyone, welcome.\nLet's start.", 1_000, 6_000),
        ("Bob Jones", "Thanks.", 6_000, 8_000),
        ("Alice Smith", "Sure.", 6_000, 8_000),
        ("Bob Jones", "So what & why?", 8_000, 9_500),
    ]
    assert_turns_consistent(parsed)


def test_vtt_header_metadata_and_short_timestamps() -> None:
    data = "WEBVTT - lecture\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.500\nOne\ntwo\n\n01:00.000 --> 01:01.000\nThree\n"
    parsed = read_vtt("lecture.vtt", data.encode("utf-8"))
    assert [(parsed.text[t.start:t.end], t.t_start_ms) for t in parsed.turns] == [("One two", 1_000), ("Three", 60_000)]


SRT = """1
00:00:01,000 --> 00:00:02,500
<i>Hello</i> there,
{\\an8}friend.

2
00:00:03,000 --> 00:00:04,000
General Kenobi.

"""


def test_srt_captions() -> None:
    parsed = read_srt("film.srt", SRT.encode("utf-8"))
    assert parsed.format == "srt"
    assert parsed.metadata == {"variant": "captions"}
    assert [(t.speaker, parsed.text[t.start:t.end], t.t_start_ms, t.t_end_ms) for t in parsed.turns] == [
        (None, "Hello there, friend.", 1_000, 2_500),
        (None, "General Kenobi.", 3_000, 4_000),
    ]


def test_srt_with_speaker_names_merges_turns() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nAna: Again.\n\n" \
          "3\n00:00:03,000 --> 00:00:04,000\nBo: Yo.\n"
    parsed = read_srt("talk.srt", srt.encode("utf-8"))
    assert [(t.speaker, parsed.text[t.start:t.end], t.t_start_ms, t.t_end_ms) for t in parsed.turns] == [
        ("Ana", "Hi.\nAgain.", 1_000, 3_000),
        ("Bo", "Yo.", 3_000, 4_000),
    ]


def test_malformed_timing_line_is_named() -> None:
    data = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nfine\n\n2\n00:01 --> xx\nbad\n"
    with pytest.raises(InputError) as err:
        read_vtt("bad.vtt", data.encode("utf-8"))
    assert str(err.value).startswith("bad.vtt, line 8: '00:01 --> xx' is not a cue timing line")
    assert str(err.value).endswith("fix or remove that cue and import again.")


def test_text_where_a_cue_should_start_is_named() -> None:
    data = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\nstray words here\n"
    with pytest.raises(InputError, match=r"^bad\.vtt, line 6: 'stray words here' is not a cue timing line"):
        read_vtt("bad.vtt", data.encode("utf-8"))


def test_missing_webvtt_header() -> None:
    with pytest.raises(InputError, match=r"^plain\.vtt, line 1: .*WEBVTT.*rename it to \.srt\.$"):
        read_vtt("plain.vtt", b"1\n00:00:01.000 --> 00:00:02.000\nHello\n")


def test_cue_ending_before_it_starts() -> None:
    with pytest.raises(InputError, match=r"^x\.srt, line 2: the cue .* ends before it starts"):
        read_srt("x.srt", b"1\n00:00:05,000 --> 00:00:02,000\nHello\n")


def test_srt_with_a_bad_timing_line() -> None:
    with pytest.raises(InputError, match=r"^x\.srt, line 6: '00:00:03 - 00:00:04' is not a cue timing line"):
        read_srt("x.srt", b"1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03 - 00:00:04\nYo\n")


CUE_ALPHABET = st.sampled_from(list("0123456789:.,-> \n\nabAB<>v/&;é😀\r"))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=CUE_ALPHABET, max_size=300)))
def test_any_caption_text_parses_or_raises_input_error(body: str) -> None:
    for name, data in (("f.vtt", "WEBVTT\n\n" + body), ("f.srt", body)):
        try:
            parsed = (read_vtt if name.endswith(".vtt") else read_srt)(name, data.encode("utf-8"))
        except InputError as err:
            assert str(err).startswith(name)
            continue
        pieces = [parsed.text[t.start:t.end] for t in parsed.turns]
        assert "\n".join(pieces) == parsed.text and all(pieces)
