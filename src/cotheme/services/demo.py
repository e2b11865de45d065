"""Building the fictional demo study from the files shipped in ``cotheme/demo/data``.

Everything in the demo was written for cotheme; no real people, places or services. The builder
goes through the same operations a user would (import, cases, codebook, coding by quote, memos), so
the demo is also a smoke test of them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from cotheme.domain.documents import SourceInfo
from cotheme.errors import Conflict, CothemeError
from cotheme.services.importing import SourceFile
from cotheme.services.project import Project

DATA = resources.files("cotheme.demo") / "data"


def _read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_read(name).decode("utf-8"))))


def study() -> dict[str, Any]:
    """The demo's study description (title, metadata, members, interviews)."""
    return json.loads(_read("study.json"))  # type: ignore[no-any-return]


def _clear(target: Path, title: str) -> None:
    """Remove an earlier demo build at ``target``; refuse to touch any other file."""
    if not target.exists():
        return
    try:
        with Project.open(target) as old:
            is_demo = old.info().title == title
    except CothemeError:
        is_demo = False
    if not is_demo:
        raise Conflict(f"{target} exists and is not a cotheme demo; choose another --out path.")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def build_demo(target: str | Path) -> Project:
    """Build the demo study into a fresh project at ``target`` and return it open."""
    meta = study()
    target = Path(target)
    _clear(target, meta["title"])
    lead, *others = meta["members"]
    project = Project.create(target, title=meta["title"], lead=lead["name"])
    try:
        _fill(project, meta, others)
    except BaseException:
        project.close()
        raise
    return project


def _fill(project: Project, meta: dict[str, Any], others: list[dict[str, str]]) -> None:
    project.study.update_info(**{k: meta[k] for k in (
        "description", "research_question", "ethics_reference", "recruitment_period", "interview_modes"
    )})
    for member in others:
        project.team.add_member(member["name"], member["role_label"], member["permission"])
    with resources.as_file(DATA / "participants.csv") as path:
        project.cases.import_cases(path)
    with resources.as_file(DATA / "attributes.csv") as path:  # labels and category orders for Table 1
        project.cases.import_attribute_definitions(path)
    with resources.as_file(DATA / "codebook.csv") as path:
        project.codes.import_codebook(path)
    files = []
    for pid, interview in meta["interviews"].items():
        source = SourceInfo(
            interview_date=date.fromisoformat(interview["date"]),
            mode=interview["mode"],
            duration_minutes=interview["duration_minutes"],
            interviewer=interview["interviewer"],
        )
        files.append(SourceFile(interview["file"], _read(interview["file"]), source, pid))
    project.documents.import_sources(files)
    for row in _rows("codings.csv"):
        project.codings.add(row["document"], row["code"], quote=row["quote"], coder=row["coder"])
    for row in _rows("memos.csv"):
        project.memos.add(row["text"], target=row["target"], ref=row["target_ref"] or None, author=row["author"])
    with resources.as_file(DATA / "themes.csv") as path:
        project.themes.import_themes(path)
    with resources.as_file(DATA / "targets.csv") as path:  # purposive-sampling targets, one unmet
        project.study.import_targets(path)
