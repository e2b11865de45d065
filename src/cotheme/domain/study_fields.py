"""The study fields a methods section and its COREQ checklist need that no transcript or coding holds:
who the research team are, how participants were chosen and approached, how the data were collected
and analysed, and how quotations are attributed. One field answers one COREQ item (Tong, Sainsbury and
Craig, 2007); the checklist's own wording lives in ``domain/coreq.py``.

Owns each field's name, label, form section, COREQ item and allowed values, and the check of a value.
Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from cotheme.errors import InvalidArgument

#: How a themes report names the participant a quotation comes from.
ATTRIBUTIONS: tuple[str, ...] = ("none", "id", "id-attributes")
#: A field is a paragraph at most; longer text belongs in a memo or the paper.
MAX_LENGTH = 5000

TEAM, DESIGN, COLLECTION, ANALYSIS, REPORTING = (
    "Research team", "Study design", "Data collection", "Analysis", "Reporting")
#: The sections of the Study page, in order.
SECTIONS: tuple[str, ...] = (TEAM, DESIGN, COLLECTION, ANALYSIS, REPORTING)


@dataclass(frozen=True, slots=True)
class StudyField:
    """One stored study field: ``item`` is the COREQ item it answers (``None`` for none)."""

    name: str
    label: str
    section: str
    item: int | None
    help: str
    choices: tuple[str, ...] = ()


def _f(name: str, label: str, section: str, item: int | None, help_text: str,
       choices: tuple[str, ...] = ()) -> StudyField:
    return StudyField(name, label, section, item, help_text, choices)


FIELDS: tuple[StudyField, ...] = (
    _f("interviewers", "Interviewers or facilitators", TEAM, 1,
       "Who conducted the interviews (names or roles)."),
    _f("team_credentials", "Credentials", TEAM, 2, "The researchers' credentials, e.g. PhD, MSc, RN."),
    _f("team_occupation", "Occupation", TEAM, 3, "Their occupation when the study was done."),
    _f("team_gender", "Gender", TEAM, 4, "The interviewers' and analysts' gender."),
    _f("team_experience", "Experience and training", TEAM, 5,
       "Their experience of qualitative research and the training they had for this study."),
    _f("relationship_established", "Relationship established", TEAM, 6,
       "Was a relationship established before the study began?"),
    _f("participant_knowledge", "Participants' knowledge of the interviewer", TEAM, 7,
       "What participants knew about the researchers: personal goals, reasons for doing the research."),
    _f("interviewer_characteristics", "Interviewer characteristics", TEAM, 8,
       "What was reported about the interviewers: bias, assumptions, reasons and interests in the topic."),
    _f("methodological_orientation", "Methodological orientation and theory", DESIGN, 9,
       "E.g. reflexive thematic analysis, grounded theory, phenomenology, a framework used."),
    _f("sampling", "Sampling", DESIGN, 10, "How participants were selected: purposive, convenience, snowball..."),
    _f("method_of_approach", "Method of approach", DESIGN, 11,
       "How participants were approached: face-to-face, telephone, mail, email, through a service."),
    _f("sample_size", "Sample size", DESIGN, 12, "How many participants were in the study."),
    _f("non_participation", "Non-participation", DESIGN, 13,
       "How many people refused to take part or dropped out, and why."),
    _f("setting", "Setting of data collection", DESIGN, 14, "Where the data were collected: home, clinic, online..."),
    _f("non_participants_present", "Presence of non-participants", DESIGN, 15,
       "Was anyone else present besides the participants and researchers?"),
    _f("sample_description", "Description of sample", DESIGN, 16,
       "The important characteristics of the sample (usually Table 1), and the date of data collection."),
    _f("interview_guide", "Interview guide and pilot", COLLECTION, 17,
       "Were questions, prompts and guides provided by the authors? Was the guide pilot tested?"),
    _f("repeat_interviews", "Repeat interviews", COLLECTION, 18, "Were repeat interviews carried out? How many?"),
    _f("recording", "Audio or visual recording", COLLECTION, 19, "Was the research audio- or video-recorded?"),
    _f("field_notes", "Field notes", COLLECTION, 20, "Were field notes made during and/or after the interviews?"),
    _f("duration", "Duration", COLLECTION, 21, "The duration of the interviews."),
    _f("data_saturation", "Data saturation", COLLECTION, 22,
       "Was data saturation (or information power) discussed, and how was the sample size judged?"),
    _f("transcripts_returned", "Transcripts returned", COLLECTION, 23,
       "Were transcripts returned to participants for comment and/or correction?"),
    _f("coders", "Number of data coders", ANALYSIS, 24, "How many people coded the data, and who."),
    _f("coding_tree", "Description of the coding tree", ANALYSIS, 25,
       "The codebook's size and structure, and where it is published."),
    _f("theme_derivation", "Derivation of themes", ANALYSIS, 26,
       "Were themes identified in advance or derived from the data?"),
    _f("software", "Software", ANALYSIS, 27, "The software used to manage the data."),
    _f("participant_checking", "Participant checking", ANALYSIS, 28,
       "Did participants give feedback on the findings?"),
    _f("attribution", "Attribution of quotations", REPORTING, None,
       "How each quotation is identified in the themes report: none, id (e.g. P07), "
       "or id-attributes (e.g. P07, woman, 35-44).", ATTRIBUTIONS),
    _f("quotations", "Quotations presented", REPORTING, 29,
       "Were participant quotations presented to illustrate the themes, and was each one identified?"),
    _f("findings_consistent", "Data and findings consistent", REPORTING, 30,
       "Was there consistency between the data presented and the findings?"),
    _f("major_themes", "Clarity of major themes", REPORTING, 31, "Were major themes clearly presented?"),
    _f("minor_themes", "Clarity of minor themes", REPORTING, 32,
       "Is there a description of diverse cases or discussion of minor themes?"),
)
BY_NAME: dict[str, StudyField] = {f.name: f for f in FIELDS}
BY_ITEM: dict[int, StudyField] = {f.item: f for f in FIELDS if f.item is not None}
#: The settings row a field is stored in (beside the study metadata; no migration needed).
KEY_PREFIX = "study."


def setting_key(name: str) -> str:
    return KEY_PREFIX + name


def check_value(name: str, value: str) -> str:
    """The value to store for field ``name`` (trimmed; "" clears it), or one sentence saying what is wrong."""
    field = BY_NAME[name]
    cleaned = value.replace("\r\n", "\n").strip()
    if len(cleaned) > MAX_LENGTH:
        raise InvalidArgument(
            f"The study field '{name}' is {len(cleaned):,} characters long; keep it under {MAX_LENGTH:,} "
            "(put longer text in a memo).")
    if field.choices and cleaned and cleaned.lower() not in field.choices:
        raise InvalidArgument(
            f"'{cleaned}' is not a value of '{name}'; use one of {', '.join(field.choices)}.")
    return cleaned.lower() if field.choices else cleaned


@dataclass(frozen=True, slots=True)
class StudyEntry:
    """A field as the Study page shows it: what the team stored, and what the project would say."""

    field: StudyField
    value: str
    prefilled: str
