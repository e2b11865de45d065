"""Quotes as a journal prints them: whole sentences, or an ellipsis where the extract starts or ends
mid-sentence, and never a broken word.

Owns finding sentence ends in transcript text (not after "Dr." or an initial, not inside "3.5"),
telling from the text around an extract whether it starts or ends mid-sentence or mid-word, and
``trim_quote``: a short leading or trailing fragment is dropped, a long one kept with "…". The text
kept is otherwise exactly the extract's own (spacing, spelling, emoji). Must not do I/O.
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"

#: Words that end in a full stop without ending a sentence (compared lower-case, without the stop).
ABBREVIATIONS = frozenset({
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "rev", "sr", "jr", "vs", "etc", "e.g", "i.e", "eg",
    "ie", "cf", "approx", "no", "nos", "fig", "dept", "univ", "al", "inc", "ltd", "co", "gov", "min", "max",
})

#: A fragment shorter than this share of the quote is dropped rather than marked: a third keeps a
#: quote's substance while sparing the reader a half-sentence lead-in (a longer one carries meaning).
DROP_SHARE = 1 / 3

_TERMINALS = ".!?…"
_CLOSERS = "\"'”’)]»"
_END = re.compile(rf"[{re.escape(_TERMINALS)}]+[{re.escape(_CLOSERS)}]*(?=\s)")
_TRAILING_PUNCT = ",;:–—-"


def _is_symbol(char: str) -> bool:
    """An emoji or other pictograph (and the joiners and variation selectors inside one)."""
    return unicodedata.category(char) in ("So", "Sk", "Mn", "Cf") or char in "\u200d\ufe0f"


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation or an initial rather than a sentence."""
    if text[stop] != ".":
        return False
    word = re.search(r"(\S+)$", text[:stop])
    if word is None:
        return False
    token = word.group(1).lstrip(_CLOSERS + "\"'“‘([")
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower() in ABBREVIATIONS


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end inside ``text``: terminal punctuation (and closing quotes
    or brackets) followed by space and then a word that does not start in lower case."""
    ends = []
    for match in _END.finditer(text):
        rest = text[match.end():].lstrip()
        if not rest or rest[0].islower() or _abbreviation_before(text, match.start()):
            continue
        ends.append(match.end())
    return ends


def _complete_end(text: str) -> bool:
    """Whether ``text`` (stripped) ends a sentence: a terminal, maybe closers, maybe an emoji."""
    core = text.rstrip()
    while core and _is_symbol(core[-1]):
        core = core[:-1].rstrip()
    if not core:
        return True
    if len(core) < len(text.rstrip()):
        return True  # an emoji closes the utterance as a full stop would
    core = core.rstrip(_CLOSERS)
    if not core or core[-1] not in _TERMINALS:
        return False
    return not _abbreviation_before(core, len(core) - 1)


def starts_mid_sentence(text: str, before: str = "") -> bool:
    """Whether an extract starts inside a sentence, judged from the text before it when there is
    some (a line end or a sentence end there means it does not), else from its first letter."""
    head = text.lstrip()
    if not head:
        return False
    if before.strip():
        tail = before.rstrip(" \t")
        if tail.endswith("\n"):
            return False
        return not _complete_end(tail)
    return head[0].islower()


def ends_mid_sentence(text: str) -> bool:
    return bool(text.strip()) and not _complete_end(text)


def _whole_words(text: str, before: str, after: str) -> tuple[str, bool, bool]:
    """``text`` without a partial word at either end (the extract began or ended inside a word);
    the flags say which end lost one."""
    cut_start = cut_end = False
    if before and before[-1].isalnum() and text[:1].isalnum():
        space = re.search(r"\s", text)
        text, cut_start = (text[space.end():] if space else ""), True
    if after and after[0].isalnum() and text[-1:].isalnum():
        space = list(re.finditer(r"\s", text))
        text, cut_end = (text[: space[-1].start()] if space else ""), True
    return text, cut_start, cut_end


def trim_quote(text: str, before: str = "", after: str = "") -> str:
    """The extract as a quote: whole sentences where a short fragment can go, else "…" at the end
    that starts or stops mid-sentence. ``before``/``after``: the transcript text around it, when known.

    A fragment (the words before the first sentence end, or after the last one) is dropped when it
    is under ``DROP_SHARE`` of the quote; otherwise it stays and is marked. A quote that is one
    unfinished sentence is marked, never emptied.
    """
    original = text.strip()
    body, cut_start, cut_end = _whole_words(original, before, after)
    body = body.strip()
    if not body:
        return original
    mid_start = cut_start or starts_mid_sentence(body, "" if cut_start else before)
    mid_end = cut_end or ends_mid_sentence(body)
    ends = sentence_ends(body)
    if mid_start and ends and ends[0] < DROP_SHARE * len(body):
        body, mid_start = body[ends[0]:].lstrip(), False
        ends = sentence_ends(body)
    if mid_end and ends and len(body) - ends[-1] < DROP_SHARE * len(body):
        body, mid_end = body[: ends[-1]].rstrip(), False
    if mid_end:
        body = body.rstrip().rstrip(_TRAILING_PUNCT).rstrip()
    return (ELLIPSIS if mid_start else "") + body + (ELLIPSIS if mid_end else "")
