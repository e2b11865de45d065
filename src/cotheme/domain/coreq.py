"""The COREQ checklist (COnsolidated criteria for REporting Qualitative research; Tong, Sainsbury and
Craig, 2007): 32 items in three domains, named here in our own short form, and the rule that fills an
item from what the project knows or marks it "to complete". Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from cotheme.domain.reports import CoreqItem

TO_COMPLETE = "to complete"

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


def checklist(answers: Mapping[int, str]) -> tuple[CoreqItem, ...]:
    """All 32 items; those with a non-empty answer in ``answers`` (by item number) are prefilled."""
    return tuple(
        CoreqItem(number, domain, topic, item, answers.get(number, "").strip() or TO_COMPLETE)
        for number, (domain, topic, item) in enumerate(ITEMS, start=1)
    )
