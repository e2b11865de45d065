"""The COREQ answers the project itself can give, each with where a reader finds it (a section of the
methods appendix, or Table 1), from the facts ``services/methods.py`` gathered.

Owns the wording of each prefilled answer and the rule for when an item may be prefilled at all: item
26 only when themes were built from codes, item 29 names how quotations are identified only as the
team's stored attribution says. Must not read or change storage itself.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING

from cotheme import __version__
from cotheme.domain.themes import Theme

if TYPE_CHECKING:
    from cotheme.services.methods import Facts

#: The methods appendix's sections an answer points to (``methods_report`` uses the same titles).
INTERVIEWS, CODERS, CODEBOOK, THEMES, SOFTWARE, TRANSCRIPTS = (
    "Interviews", "Coding by role", "Codebook and its changes over time", "Themes", "Software",
    "Transcripts and words")
TABLE_1 = "Table 1"

_ATTRIBUTED = {
    "none": "quotations are not attributed to individual participants",
    "id": "each quotation is identified by the participant's id (e.g. P07)",
    "id-attributes": "each quotation is identified by the participant's id and characteristics (e.g. P07, woman, 35-44)",
}


def major_and_minor(themes: list[Theme]) -> tuple[list[Theme], list[Theme]]:
    """The major themes and the subthemes under them. A single top-level theme with themes under it
    is an overarching theme: the themes under it are the major ones."""
    tops = [t for t in themes if t.parent_id is None]
    if len(tops) == 1 and any(t.parent_id == tops[0].id for t in themes):
        major = [t for t in themes if t.parent_id == tops[0].id]
    else:
        major = tops
    ids = {t.id for t in major}
    return major, [t for t in themes if t.parent_id in ids]


def _team(f: Facts, answers: dict[int, tuple[str, str]]) -> None:
    interviewers = Counter(t.interviewer for t in f.transcripts if t.interviewer)
    if interviewers:
        answers[1] = ("; ".join(f"{name} ({n} interviews)" for name, n in interviewers.most_common()), INTERVIEWS)
        roles = [f"{name}: {f.roles[name]}" for name in interviewers if f.roles.get(name)]
        if roles:
            answers[3] = ("Role labels in the team: " + "; ".join(roles) + ".", CODERS)


def _design(f: Facts, answers: dict[int, tuple[str, str]]) -> None:
    if f.template:
        answers[9] = (f"Codes and themes started from the '{f.template}' framework. {f.citation}".strip(), CODEBOOK)
    if f.participants:
        answers[12] = (f"{f.participants} participants ({len(f.transcripts)} transcripts).", TABLE_1)
    modes = f.info.interview_modes or ", ".join(sorted({t.mode for t in f.transcripts if t.mode}))
    settings = ", ".join(f"{s} {n}" for s, n in Counter(t.setting for t in f.transcripts if t.setting).most_common())
    if modes or settings:
        answers[14] = (" ".join(x for x in (f"Interviews by {modes}." if modes else "",
                                            f"Settings: {settings}." if settings else "") if x), INTERVIEWS)
    if f.attributes and f.participants:
        answers[16] = ("See the sample characteristics table (" + ", ".join(f.attributes) + ").", TABLE_1)


def _collection(f: Facts, answers: dict[int, tuple[str, str]]) -> None:
    if f.timestamped:
        answers[19] = (f"{f.timestamped} of {len(f.transcripts)} transcripts come from timed captions of recordings.",
                       TRANSCRIPTS)
    noted = sum(t.has_field_notes for t in f.transcripts)
    field_notes = [f"Field notes for {noted} of {len(f.transcripts)} interviews."] if noted else []
    if f.memos.get("document"):
        field_notes.append(f"{f.memos['document']} memos written on transcripts.")
    if field_notes:
        answers[20] = (" ".join(field_notes), INTERVIEWS)
    minutes = [t.duration_minutes for t in f.transcripts if t.duration_minutes is not None]
    if minutes:
        answers[21] = (f"Mean {statistics.mean(minutes):.0f} minutes (range {min(minutes)}-{max(minutes)}).", INTERVIEWS)


def _analysis(f: Facts, answers: dict[int, tuple[str, str]]) -> None:
    coders = sorted({m for m, *_ in f.by_member})
    if coders:
        named = [f"{f.names.get(m, '?')}" + (f" ({f.role_by_id[m]})" if f.role_by_id.get(m) else "") for m in coders]
        answers[24] = (f"{len(coders)} coder{'s' if len(coders) != 1 else ''}: " + "; ".join(named) + ".", CODERS)
    if f.code_paths:
        top = sum(1 for p in f.code_paths if len(p) == 1)
        depth = max(len(p) for p in f.code_paths)
        answers[25] = (f"{len(f.code_paths)} codes ({top} at the top level, up to {depth} level"
                       f"{'s' if depth != 1 else ''} deep); see the codebook export.", CODEBOOK)
    built = [t for t in f.themes if t.code_ids]
    if built:
        linked = len({c for t in built for c in t.code_ids})
        start = f" The codebook started from the '{f.template}' framework." if f.template else ""
        answers[26] = (f"Themes were derived from the data: {len(f.themes)} themes were built by grouping "
                       f"{linked} codes made while coding the transcripts.{start}", THEMES)
    answers[27] = (f"cotheme {__version__}.", SOFTWARE)


def _reporting(f: Facts, answers: dict[int, tuple[str, str]]) -> None:
    how = _ATTRIBUTED.get(f.attribution)
    if f.themes and (how or f.exemplars):
        shown = (f"{f.exemplars} exemplar quotations were chosen to illustrate the themes"
                 if f.exemplars else "Quotations illustrate each theme in the themes report")
        answers[29] = (f"{shown}; {how}." if how else
                       f"{shown}; how each is identified is open (set 'attribution' on the Study page).", THEMES)
    major, minor = major_and_minor(f.themes)
    if major:
        answers[31] = (f"{len(major)} major themes: " + "; ".join(t.name for t in major) + ".", THEMES)
    if minor:
        answers[32] = (f"{len(minor)} subthemes under the major themes: " + "; ".join(t.name for t in minor) + ".",
                       THEMES)


def prefilled(f: Facts) -> dict[int, tuple[str, str]]:
    """Item number -> (answer, where) for every item the project can answer by itself."""
    answers: dict[int, tuple[str, str]] = {}
    for part in (_team, _design, _collection, _analysis, _reporting):
        part(f, answers)
    return answers
