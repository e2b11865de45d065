"""What the project home shows about the team's work (issue #4): the acting member's queue of assigned
documents, and, for a lead, progress per coder and per document."""

from __future__ import annotations

from typing import Any

from cotheme.domain.project import Permission
from cotheme.domain.team import summarise
from cotheme.web.api_texts import Ctx


def team_home(ctx: Ctx) -> dict[str, Any]:
    """Template values: ``queue`` (the member's assigned documents) and, for leads, ``progress``."""
    values: dict[str, Any] = {"queue": ctx.project.queue(), "progress": None}
    if ctx.member.permission is Permission.LEAD:
        rows = ctx.project.progress()
        if rows:
            values["progress"] = {"rows": rows, "by_coder": summarise(rows, "coder")}
    return values
