"""The combined de-identification detector: patterns, the team's list, speaker labels, context rules,
gazetteers and the named-entity model, with the stop list over all of them.

Owns how the detectors are put together (``Stages``: each can be switched off, which is how the
evaluation measures what each adds) and which stretches of text the model reads: only sentences with a
capital letter somewhere other than their start or a lone "I" (a sentence without one names no
person, place or organisation the model could find), which halves the model's work on interview talk.
Must not touch storage; ``services.deid`` calls ``detect`` and stores what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cotheme.domain.deid import Found, Kind, Term, find_patterns, find_terms, merge, speaker_score, with_text
from cotheme.domain.deid_rules import find_context, find_gazetteer, find_unknown_words, stopped
from cotheme.services import deid_gazetteer, deid_model

EntityFn = Callable[[Sequence[str]], list[list[Found]]]


@dataclass(frozen=True, slots=True)
class Stages:
    """Which detectors run. ``Stages.baseline()`` is the detector as it was before the gazetteers and
    context rules: patterns, the team's list, the model over every turn, and echoes."""

    stop_list: bool = True
    speakers: bool = True
    context: bool = True
    places: bool = True
    names: bool = True
    lexicon: bool = True
    model_prefilter: bool = True

    @classmethod
    def baseline(cls) -> Stages:
        return cls(False, False, False, False, False, False, False)


FULL = Stages()
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_MIDCAP = re.compile(r"(?<=[\w,;'’)] )(?!I\b|I'|I’)[A-Z]|\d")
_LABEL_NAME = re.compile(r"[A-Z][a-z][\w'’-]+")


def detect(text: str, units: Sequence[tuple[int, int]], listed: Sequence[Term], *, use_model: bool,
           speakers: Sequence[str] = (), stages: Stages = FULL, entities: EntityFn | None = None) -> list[Found]:
    """Every candidate in ``text``. ``units`` are the turns the model reads one by one; ``speakers`` the
    document's speaker labels (a name there is a name to find in the text too)."""
    terms = list(listed)
    if stages.speakers:
        terms += [Term(0, " ".join(_LABEL_NAME.findall(label)), "identify", "", "")
                  for label in speakers
                  if _LABEL_NAME.search(label) and speaker_score(label, ()) is not None and not stopped(label)]
    found = find_patterns(text) + find_terms(text, terms)
    if stages.context:
        found += find_context(text)
    if stages.places or stages.names:
        places, names = deid_gazetteer.load()
        if stages.places:
            found += find_gazetteer(text, places, Kind.PLACE, 0.6, common=deid_gazetteer.COMMON)
        if stages.names:
            found += find_gazetteer(text, names, Kind.PERSON, 0.55, common=deid_gazetteer.COMMON)
    if stages.lexicon:
        found += find_unknown_words(text, deid_gazetteer.english_words())
    if use_model:
        found += _model(text, units, stages.model_prefilter, entities or deid_model.entities)
    found += _echoes(text, found, stages)
    if stages.stop_list:
        found = [f for f in found if f.source == "list" or not stopped(f.text)]
        found = _without_topic_words(text, found)
    return with_text(merge(found), text)


_TOPIC_SHAPE = re.compile(r"^(?:[A-Z]{2,6}s?|[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]\w*)$")


def _without_topic_words(text: str, found: Sequence[Found]) -> list[Found]:
    """Drop the model's organisations and people that are the conversation's vocabulary, not anyone's
    name: an acronym or a camel-cased word ("PDP", "XGBoost", "TikTok") said twice or more in the
    document that no other detector found."""
    backed = [(f.start, f.end) for f in found if f.source != "model"]
    counts: dict[str, int] = {}
    out = []
    for f in found:
        if f.source == "model" and f.kind in (Kind.ORGANISATION, Kind.PERSON, Kind.PLACE) and _TOPIC_SHAPE.match(f.text):
            if f.text not in counts:
                counts[f.text] = len(re.findall(rf"(?<!\w){re.escape(f.text)}(?!\w)", text))
            if counts[f.text] >= 2 and not any(a < f.end and f.start < b for a, b in backed):
                continue
        out.append(f)
    return out


def _model(text: str, units: Sequence[tuple[int, int]], prefilter: bool, entities: EntityFn) -> list[Found]:
    spans = [(s, e) for s, e in units if e > s] or [(0, len(text))]
    if prefilter:
        spans = _worth_reading(text, spans)
    out = []
    for (start, _), ents in zip(spans, entities([text[s:e] for s, e in spans]), strict=True):
        out.extend(Found(f.start + start, f.end + start, f.text, f.kind, f.source, f.score) for f in ents)
    return out


def _worth_reading(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of each turn the model needs: runs of sentences holding a capital letter after
    their first word (other than "I") or a digit, each run with one sentence of context either side."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        sentences = [(start + m.start(), start + m.end()) for m in _SENTENCE.finditer(text[start:end])]
        keep = [i for i, (s, e) in enumerate(sentences) if _MIDCAP.search(text[s:e].strip())]
        runs: list[list[int]] = []
        for i in keep:
            lo, hi = max(0, i - 1), min(len(sentences) - 1, i + 1)
            if runs and lo <= runs[-1][1] + 1:
                runs[-1][1] = max(runs[-1][1], hi)
            else:
                runs.append([lo, hi])
        out.extend((sentences[lo][0], sentences[hi][1]) for lo, hi in runs)
    return out


def _echoes(text: str, found: Sequence[Found], stages: Stages) -> list[Found]:
    """A person found once ("Sarah Jones", "my sister Priya") is found wherever the transcript names them
    again ("Sarah was brilliant"): parts of confident person finds are searched like the team's names."""
    names = {f.text for f in found if f.kind == Kind.PERSON and f.source != "list" and f.score >= 0.75
             and not (stages.stop_list and stopped(f.text))}
    echo_terms = [Term(0, name, "identify", "", "") for name in names]
    return [Found(f.start, f.end, f.text, f.kind, "echo", min(f.score, 0.7)) for f in find_terms(text, echo_terms)]
