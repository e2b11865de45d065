"""The methods appendix: what the project can say about how the study was done, and the COREQ
checklist prefilled from it.

Owns the wording of each fact and which COREQ item it answers. Says plainly what cotheme does not
record yet instead of guessing; the codebook's history comes from its versioned changes.
Must not change anything.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from cotheme import __version__
from cotheme.domain.coreq import checklist
from cotheme.domain.study_fields import FIELDS, StudyEntry
from cotheme.domain.project import ProjectInfo
from cotheme.domain.reports import MethodsReport, MethodsSection
from cotheme.domain.themes import Theme
from cotheme.services import assist_drafts, assist_setting, coreq_answers
from cotheme.services import history  # the codebook's versioned history
from cotheme.services.agreement_summary import agreement_lines
from cotheme.services.templates import TEMPLATE_SETTING, get_template
from cotheme.errors import NotFound
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import reporting, study, study_fields
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store
from cotheme.domain.plural import counted


@dataclass(frozen=True, slots=True)
class Facts:
    """What the project knows about how the study was done (``coreq_answers`` words it)."""

    info: ProjectInfo
    template: str | None
    citation: str
    transcripts: list[reporting.TranscriptFacts]
    participants: int
    attributes: list[str]
    by_member: list[tuple[int, str, int, int]]
    roles: dict[str, str]  # member name -> role label
    names: dict[int, str]  # member id -> name
    role_by_id: dict[int, str]  # member id -> role label
    code_paths: list[tuple[str, ...]]
    code_dates: list[str]
    themes: list[Theme]
    exemplars: int
    memos: dict[str, int]
    timestamped: int
    stored: dict[str, str]  # the Study page's fields the team filled in
    attribution: str


def _facts(store: Store) -> Facts:
    with store.read() as conn:
        template = study.read_setting(conn, TEMPLATE_SETTING)
        team = study.list_members(conn)
        stored = study_fields.read_stored(conn)
        return Facts(
            info=study.read_info(conn),
            template=template,
            citation=_citation(template) if template else "",
            transcripts=reporting.transcripts(conn),
            participants=len(cases_repo.case_ids_by_pid(conn)),
            attributes=list(cases_repo.attribute_ids(conn)),
            by_member=reporting.coding_by_member(conn),
            roles={m.name: m.role_label for m in team},
            names={m.id: m.name for m in team},
            role_by_id={m.id: m.role_label for m in team},
            code_paths=[c.path for c in codes_repo.all_codes(conn)],
            code_dates=[d.date().isoformat() for d in reporting.code_creation_dates(conn)],
            themes=themes_repo.all_themes(conn),
            exemplars=len(themes_repo.exemplars(conn)),
            memos=reporting.memo_targets(conn),
            timestamped=reporting.timestamped_documents(conn),
            stored=stored,
            attribution=stored.get("attribution", ""),
        )


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _transcripts(f: Facts) -> tuple[str, ...]:
    words = [t.words for t in f.transcripts]
    if not words:
        return ("No transcripts yet.",)
    return (
        f"{len(words)} transcripts, {_n(sum(words))} words in all "
        f"(mean {_n(statistics.mean(words))}, range {_n(min(words))}-{_n(max(words))} per transcript).",
        f"{f.participants} participants.",
    )


def _interviews(f: Facts) -> tuple[str, ...]:
    modes = Counter(t.mode or "mode not recorded" for t in f.transcripts)
    lines = ["Modes: " + (", ".join(f"{m} {n}" for m, n in modes.most_common()) or "none recorded") + "."]
    minutes = [t.duration_minutes for t in f.transcripts if t.duration_minutes is not None]
    if minutes:
        lines.append(
            f"Duration: mean {statistics.mean(minutes):.0f} minutes (range {min(minutes)}-{max(minutes)}), "
            f"recorded for {len(minutes)} of {len(f.transcripts)} interviews."
        )
    else:
        lines.append("Durations: not recorded.")
    dates = sorted(t.interview_date.isoformat() for t in f.transcripts if t.interview_date)
    if dates:
        lines.append(f"Interviews held {dates[0]} to {dates[-1]}.")
    settings = _settings(f)
    if settings:
        lines.append(f"Settings: {settings}.")
    noted = sum(t.has_field_notes for t in f.transcripts)
    if noted:
        lines.append(f"Field notes were written for {noted} of {len(f.transcripts)} interviews.")
    return tuple(lines)


def _settings(f: Facts) -> str:
    """The interviews' settings with how many were held in each (interview details)."""
    found = Counter(t.setting for t in f.transcripts if t.setting)
    return ", ".join(f"{setting} {n}" for setting, n in found.most_common())


def _coders(f: Facts) -> tuple[str, ...]:
    docs: dict[str, set[int]] = defaultdict(set)
    people: dict[str, set[int]] = defaultdict(set)
    count: Counter[str] = Counter()
    for member, role, doc, n in f.by_member:
        label = role or "no role label"
        docs[label].add(doc)
        people[label].add(member)
        count[label] += n
    if not count:
        return ("Nothing coded yet.",)
    return tuple(
        f"{label}: {counted(len(people[label]), 'coder')} coded {counted(len(docs[label]), 'transcript')}, {_n(count[label])} codings."
        for label in sorted(count)
    )


def _codebook(f: Facts) -> tuple[str, ...]:
    top = sum(1 for p in f.code_paths if len(p) == 1)
    depth = max((len(p) for p in f.code_paths), default=0)
    lines = [f"{len(f.code_paths)} codes, {top} at the top level, up to {depth} levels deep."]
    if f.template:
        lines.append(f"The codebook started from the built-in template '{f.template}'.")
    if f.code_dates:
        months = Counter(d[:7] for d in f.code_dates)
        lines.append("Codes created per month: " + ", ".join(f"{m} {n}" for m, n in sorted(months.items())) + ".")
    return tuple(lines)


def _themes_line(f: Facts) -> str:
    if not f.themes:
        return "No themes yet."
    status = Counter(t.status.value for t in f.themes)
    return f"{len(f.themes)} themes at {counted(max(t.level for t in f.themes) + 1, 'level')} (" + ", ".join(
        f"{n} {s}" for s, n in sorted(status.items())) + f"); {f.exemplars} exemplar quotes chosen."


def _citation(name: str) -> str:
    try:
        return get_template(name).citation
    except NotFound:
        return ""


def _ai_use(store: Store) -> tuple[str, ...]:
    """Codings made by accepting a local model's suggestion, counted per model, the last evaluation of the
    suggestions against the team's own codings ('cotheme assist evaluate'), and accepted drafts."""
    accepted = assist_setting.accepted_count(store)
    lines = [
        f"{counted(n, 'coding')} were made by a team member accepting a suggestion of the local model {model}, "
        "run on the team's own machine (no data left it); people chose every coding." for model, n in sorted(accepted.items())
    ]
    found = assist_setting.last_evaluation(store)
    if found:
        kappa = "n/a" if found["kappa"] is None else f"{found['kappa']:.2f}"
        lines.append(
            f"Evaluated on {found['at']} against the team's own codings ({counted(found['passages'], 'coded passage')}, "
            f"each hidden in turn; {counted(found['codes'], 'code')}), the suggestions of {found['model']} "
            f"put a code people gave first for {found['top1']:.0%} of passages and among the first three for "
            f"{found['top3']:.0%}; mean Cohen's kappa per code between its first choice and the people's codes {kappa}."
        )
    lines.extend(assist_drafts.methods_lines(store))
    return tuple(lines) or ("None recorded.",)


def methods_report(store: Store) -> MethodsReport:
    """The methods appendix and the COREQ checklist for the project as it is now."""
    f = _facts(store)
    info = f.info
    study_lines = tuple(
        f"{label}: {value}" for label, value in (
            ("Research question", info.research_question), ("Ethics reference", info.ethics_reference),
            ("Recruitment period", info.recruitment_period),
        ) if value
    ) or ("Study metadata not entered yet (see 'cotheme study set').",)
    sections = (
        MethodsSection("Study", study_lines),
        MethodsSection("Research team and study design", _design_lines(f)),
        MethodsSection("Transcripts and words", _transcripts(f)),
        MethodsSection("Interviews", _interviews(f)),
        MethodsSection("Coding by role", _coders(f)),
        MethodsSection("Codebook and its changes over time", _codebook(f) + history.methods_summary(store)),
        MethodsSection("Codebook history", history.methods_lines(store)),  # every versioned change
        MethodsSection("Themes", (_themes_line(f),)),
        MethodsSection("Agreement between coders", agreement_lines(store)),
        MethodsSection("Software", (
            f"cotheme {__version__}" + (f" (project created with {info.software_version})" if info.software_version else "") + ".",
        )),
        MethodsSection("Use of AI", _ai_use(store)),
    )
    return MethodsReport(info.title, sections, checklist(_stored_answers(f), coreq_answers.prefilled(f)))


def _stored_answers(f: Facts) -> dict[int, str]:
    return {field.item: f.stored[field.name] for field in FIELDS if field.item and f.stored.get(field.name)}


def _design_lines(f: Facts) -> tuple[str, ...]:
    """The Study page's fields the team filled in, in the page's order."""
    return tuple(f"{field.label}: {f.stored[field.name]}" for field in FIELDS if f.stored.get(field.name)) or (
        "Nothing entered on the Study page yet (see 'cotheme study set').",)


def study_entries(store: Store) -> tuple[StudyEntry, ...]:
    """Every Study page field with what the team stored and what the project would answer by itself."""
    f = _facts(store)
    auto = coreq_answers.prefilled(f)
    return tuple(StudyEntry(field, f.stored.get(field.name, ""), auto.get(field.item, ("", ""))[0] if field.item else "")
                 for field in FIELDS)
