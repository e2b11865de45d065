"""The COREQ checklist (COnsolidated criteria for REporting Qualitative research; Tong, Sainsbury and
Craig, 2007): 32 items in three domains, named here in our own short form, and the rule that answers an
item: what the team wrote on the Study page first, else what the project knows (and where a reader
finds it), else "open". Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from cotheme.domain.reports import CoreqItem

#: The answer of an item nobody has answered yet.
TO_COMPLETE = "open"
#: Where an answer the team wrote is kept.
STUDY_PAGE = "Study page"

_TEAM = "Research team and reflexivity"
_DESIGN = "Study design"
_ANALYSIS = "Analysis and findings"

#: (domain, topic, item) for items 1-32 in the checklist's order.
ITEMS: tuple[tuple[str, str, str], ...] = (
    (_TEAM, "Personal characteristics", "Interviewer or facilitator"),
    (_TEAM, "Personal characteristics", "Credentials"),
    (_TEAM, "Personal characteristics", "Occupation"),
    (_TEAM, "Personal characteristics", "Gender"),
    (_TEAM, "Personal characteristics", "Experience and training"),
    (_TEAM, "Relationship with participants", "Relationship established"),
    (_TEAM, "Relationship with participants", "Participants' knowledge of the interviewer"),
    (_TEAM, "Relationship with participants", "Interviewer characteristics"),
    (_DESIGN, "Theoretical framework", "Methodological orientation and theory"),
    (_DESIGN, "Participant selection", "Sampling"),
    (_DESIGN, "Participant selection", "Method of approach"),
    (_DESIGN, "Participant selection", "Sample size"),
    (_DESIGN, "Participant selection", "Non-participation"),
    (_DESIGN, "Setting", "Setting of data collection"),
    (_DESIGN, "Setting", "Presence of non-participants"),
    (_DESIGN, "Setting", "Description of sample"),
    (_DESIGN, "Data collection", "Interview guide"),
    (_DESIGN, "Data collection", "Repeat interviews"),
    (_DESIGN, "Data collection", "Audio or visual recording"),
    (_DESIGN, "Data collection", "Field notes"),
    (_DESIGN, "Data collection", "Duration"),
    (_DESIGN, "Data collection", "Data saturation"),
    (_DESIGN, "Data collection", "Transcripts returned"),
    (_ANALYSIS, "Data analysis", "Number of data coders"),
    (_ANALYSIS, "Data analysis", "Description of the coding tree"),
    (_ANALYSIS, "Data analysis", "Derivation of themes"),
    (_ANALYSIS, "Data analysis", "Software"),
    (_ANALYSIS, "Data analysis", "Participant checking"),
    (_ANALYSIS, "Reporting", "Quotations presented"),
    (_ANALYSIS, "Reporting", "Data and findings consistent"),
    (_ANALYSIS, "Reporting", "Clarity of major themes"),
    (_ANALYSIS, "Reporting", "Clarity of minor themes"),
)


def checklist(stored: Mapping[int, str], prefilled: Mapping[int, tuple[str, str]] | None = None) -> tuple[CoreqItem, ...]:
    """All 32 items. An item answered in ``stored`` (the team's words, by item number) says so and
    where ("Study page"); else one in ``prefilled`` (answer, where) from the project; else it is open."""
    items = []
    for number, (domain, topic, item) in enumerate(ITEMS, start=1):
        answer, where = stored.get(number, "").strip(), STUDY_PAGE
        if not answer:
            answer, where = (x.strip() for x in (prefilled or {}).get(number, ("", "")))
        items.append(CoreqItem(number, domain, topic, item, answer or TO_COMPLETE, where if answer else ""))
    return tuple(items)
