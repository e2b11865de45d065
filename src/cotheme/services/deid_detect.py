"""The combined de-identification detector: patterns, the team's list, speaker labels, context rules,
gazetteers and the named-entity model, with the stop list over all of them.

Owns how the detectors are put together (``Stages``: each can be switched off, which is how the
evaluation measures what each adds) and which stretches of text the model reads: only sentences with a
capitalised word after their first that no other detector found and the stop list does not hold (the
model cannot find a name without a capital, and a word already found needs no second verdict), which
cuts most of the model's work on interview talk.
Must not touch storage; ``services.deid`` calls ``detect`` and stores what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cotheme.domain.deid import Found, Kind, Term, find_patterns, find_terms, merge, speaker_score, with_text
from cotheme.domain.deid_rules import find_context, find_gazetteer, find_unknown_words, stopped
from cotheme.domain.deid_age_clauses import find_age_clauses
from cotheme.domain.deid_ages import find_fifth_ages
from cotheme.domain.deid_buildings import find_buildings
from cotheme.domain.deid_codes import find_codes
from cotheme.domain.deid_cued import find_cued, find_listed_names, find_said_links, find_siblings
from cotheme.domain.deid_forms import find_forms
from cotheme.domain.deid_lowercase import (find_initials, find_lower_extras, find_lower_names, find_lower_places, find_place_pairs,
                                           find_role_names, fold)
from cotheme.domain.deid_nicknames import find_nicknames
from cotheme.domain.deid_numbers import find_numbers
from cotheme.domain.deid_nicknames_said import find_called
from cotheme.domain.deid_online import find_online
from cotheme.domain.deid_written import find_written
from cotheme.domain.deid_orgs import find_named_orgs
from cotheme.domain.deid_places import find_places
from cotheme.domain.deid_said_numbers import find_said_numbers
from cotheme.domain.deid_shapes import GENERIC, find_shapes
from cotheme.domain.deid_spoken import find_spoken, find_spoken_years
from cotheme.services import deid_gazetteer, deid_model

EntityFn = Callable[[Sequence[str]], list[list[Found]]]


@dataclass(frozen=True, slots=True)
class Stages:
    """Which detectors run. ``Stages.baseline()`` is the detector as it was before the gazetteers and
    context rules: patterns, the team's list, the model over every turn, and echoes. ``spoken`` adds
    ages and dates as people say them, ``shapes`` services, schools, employers, flats, handles and
    links however they are said (``domain.deid_spoken``, ``domain.deid_shapes``); ``second`` the second
    round: years said in words, nicknames and other ways of naming people, units, doctors' practices,
    charities, dedicated schools, Reddit handles (``domain.deid_nicknames``, ``domain.deid_orgs``); ``third``
    the third round: NHS and phone numbers however grouped or said aloud, postcodes in any case, ages
    with fillers or said in pairs, handles after a platform, lower-case and northern addresses
    (``domain.deid_numbers``, ``domain.deid_forms``); ``fourth`` the fourth round: postcodes, NHS,
    hospital numbers and e-mail addresses written or said every way, employers, streets, dates and
    health services in their everyday forms (``domain.deid_codes``, ``domain.deid_employers``,
    ``domain.deid_places``); ``fifth`` the fifth round: ages written short, in months, with a half,
    approximate, hedged or after a name (``domain.deid_ages``), and names, places, services, links and
    handles given away by the words around them, the rest of a list of names and the "the" of a
    service's name (``domain.deid_cued``); ``sixth`` the sixth round: numbers, dates and ages in the
    forms the fifth missed (``domain.deid_said_numbers``, ``domain.deid_age_clauses``), handles and said
    links (``domain.deid_online``), names and places written in lower case or with accents
    (``domain.deid_lowercase``), and addresses of flats and buildings, workplaces by their kind
    (``domain.deid_buildings``, ``domain.deid_workplaces``), and what letters and forms read aloud give
    away (``domain.deid_written``), and people named by what they are called (``domain.deid_nicknames_said``)."""

    stop_list: bool = True
    speakers: bool = True
    context: bool = True
    places: bool = True
    names: bool = True
    lexicon: bool = True
    model_prefilter: bool = True
    spoken: bool = True
    shapes: bool = True
    second: bool = True
    third: bool = True
    fourth: bool = True
    fifth: bool = True
    sixth: bool = True

    @classmethod
    def baseline(cls) -> Stages:
        return cls(stop_list=False, speakers=False, context=False, places=False, names=False, lexicon=False,
                   model_prefilter=False, spoken=False, shapes=False,
                   second=False, third=False, fourth=False, fifth=False, sixth=False)


FULL = Stages()
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_CAPWORD = re.compile(r"(?<=[\w,;'’)\"] )[A-Z][\w'’&-]*")
_LABEL_NAME = re.compile(r"[A-Z][a-z][\w'’-]+")


def detect(text: str, units: Sequence[tuple[int, int]], listed: Sequence[Term], *, use_model: bool,
           speakers: Sequence[str] = (), stages: Stages = FULL, entities: EntityFn | None = None) -> list[Found]:
    """Every candidate in ``text``. ``units`` are the turns the model reads one by one; ``speakers`` the
    document's speaker labels (a name there is a name to find in the text too)."""
    original = text
    if stages.sixth:
        # The rules read accented letters as their base letters ("Öztürk" as "Ozturk"); offsets are unchanged.
        text = fold(text)
        listed = [replace(t, term=fold(t.term)) for t in listed]
        speakers = [fold(label) for label in speakers]
    terms = list(listed)
    if stages.speakers:
        terms += [Term(0, " ".join(_LABEL_NAME.findall(label)), "identify", "", "")
                  for label in speakers
                  if _LABEL_NAME.search(label) and speaker_score(label, ()) is not None and not stopped(label)]
    found = find_patterns(text) + find_terms(text, terms)
    if stages.context:
        found += find_context(text)
    if stages.spoken:
        found += find_spoken(text)
    if stages.shapes:
        found += find_shapes(text, deid_gazetteer.english_words())
    if stages.second:
        english = deid_gazetteer.english_words()
        found += find_spoken_years(text) + find_nicknames(text, english) + find_named_orgs(text, english)
    if stages.third:
        found += find_numbers(text) + find_forms(text, deid_gazetteer.english_words(), found)
    if stages.fourth:
        found += find_codes(text) + find_places(text, deid_gazetteer.english_words(), found)
    if stages.fifth:
        found += find_fifth_ages(text, found)
        gaz_places, gaz_names = deid_gazetteer.load()
        found += find_cued(text, deid_gazetteer.english_words(), gaz_names, gaz_places) + find_said_links(text)
    if stages.sixth:
        found += find_said_numbers(text, found)
        found += find_age_clauses(text, found)
        found += find_online(text, deid_gazetteer.english_words())
    if stages.places or stages.names:
        places, names = deid_gazetteer.load()
        if stages.places:
            found += find_gazetteer(text, places, Kind.PLACE, 0.6, common=deid_gazetteer.COMMON)
        if stages.names:
            found += find_gazetteer(text, names, Kind.PERSON, 0.55, common=deid_gazetteer.COMMON)
    if stages.lexicon:
        unknown = find_unknown_words(text, deid_gazetteer.english_words())
        # With its accents a word may be one the dictionary has ("Café"), though folded it is not.
        found += [f for f in unknown if original[f.start:f.end].isascii()
                  or not deid_gazetteer.in_dictionary(original[f.start:f.end])]
    if use_model:
        found += _model(text, units, stages.model_prefilter, entities or deid_model.entities, found,
                        original if stages.sixth else None)
    if stages.fifth:
        found += find_listed_names(text, found) + find_siblings(text, found, deid_gazetteer.english_words())
    if stages.sixth:
        english, everyday = deid_gazetteer.english_words(), deid_gazetteer.everyday_words()
        gaz_places, gaz_names = deid_gazetteer.load()
        # A lower-case word that had accents is a borrowed word ("déjà vu", "café"), not a name written small.
        lower_names = [f for f in find_lower_names(text, gaz_names, english, everyday) if original[f.start:f.end].isascii()]
        found += (lower_names + find_lower_places(text, gaz_places, english, gaz_names)
                  + find_role_names(text, gaz_names, english) + find_place_pairs(text, gaz_places, found)
                  + find_buildings(text, english, gaz_names, gaz_places))
        found += find_initials(text, found)
        found += find_lower_extras(text, gaz_names, english, found)
        found += find_written(text, english, found)
        found += find_called(text, gaz_names, english)
    found += _echoes(text, found, stages)
    if stages.stop_list:
        # A "cue" find is a common word made identifying by the words before it ("worked for the council").
        found = [f for f in found if f.source in ("list", "cue") or not stopped(f.text)]
        found = _without_topic_words(text, found)
    return with_text(merge(found), original)


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


def _model(text: str, units: Sequence[tuple[int, int]], prefilter: bool, entities: EntityFn,
           found: Sequence[Found], original: str | None = None) -> list[Found]:
    """The model's finds. It reads ``original`` (the text as written, accents and all) when given; the
    choice of sentences and the finds' text are made on ``text`` (the copy the rules read, same offsets)."""
    read = text if original is None else original
    spans = [(s, e) for s, e in units if e > s] or [(0, len(text))]
    if prefilter:
        spans = _worth_reading(text, spans, found)
    out = []
    for (start, _), ents in zip(spans, entities([read[s:e] for s, e in spans]), strict=True):
        out.extend(Found(f.start + start, f.end + start, f.text if original is None else text[f.start + start : f.end + start],
                         f.kind, f.source, f.score) for f in ents)
    return out


def _worth_reading(text: str, spans: Sequence[tuple[int, int]], found: Sequence[Found]) -> list[tuple[int, int]]:
    """The sentences of each turn the model needs to read (adjacent ones joined): those with a
    capitalised word after their first word that no other detector has found with confidence (0.75 or
    more, not a gazetteer's guess) and that is not on the stop list ("I", "Dad", "Monday"). The model cannot find a name without a capital letter, and
    its verdict on a word already found adds nothing."""
    covered = bytearray(len(text))
    for f in found:
        if f.score < 0.75 or f.source in ("gazetteer", "lexicon"):
            continue  # a guess: the model's second opinion may confirm or widen it ("St Wilfrid's")
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for m in _SENTENCE.finditer(text, start, end):
            if any(not covered[w.start()] and not stopped(w.group()) for w in _CAPWORD.finditer(text, m.start(), m.end())):
                if out and out[-1][1] >= m.start() - 1 and out[-1][0] >= start:
                    out[-1] = (out[-1][0], m.end())
                else:
                    out.append((m.start(), m.end()))
    return out


def _echoes(text: str, found: Sequence[Found], stages: Stages) -> list[Found]:
    """A person found once ("Sarah Jones", "my sister Priya") is found wherever the transcript names them
    again ("Sarah was brilliant"): parts of confident person finds are searched like the team's names."""
    names = {f.text for f in found if f.kind == Kind.PERSON and f.source != "list" and f.score >= 0.75
             and not (stages.stop_list and (stopped(f.text) or f.text.casefold() in GENERIC))}
    echo_terms = [Term(0, name, "identify", "", "") for name in names]
    return [Found(f.start, f.end, f.text, f.kind, "echo", min(f.score, 0.7)) for f in find_terms(text, echo_terms)]
