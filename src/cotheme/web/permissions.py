"""Which member may call which /api/v1 route: the table, and the check every request passes first.

The service layer checks every operation (``services/acting.py``); this table lets the web refuse a
request before its body is read, with the same sentence, and is what the permission-matrix test reads
(every API route x lead/coder/viewer/anonymous). A route missing from ``NEEDS`` needs a lead, and the
test fails until it is added. Pages (HTML) need only a member: what they show is checked below them.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from cotheme.domain.project import Permission
from cotheme.domain.team import Need, require
from cotheme.web.context import context

R, C, L = Need.READ, Need.CODE, Need.LEAD
#: Reachable by anyone (a team server asks for no session here).
PUBLIC = {"POST /api/v1/login", "POST /api/v1/logout"}
#: "METHOD /api/v1/path" -> what it needs.
NEEDS: dict[str, Need] = {
    # documents, codings, members (api_texts)
    "GET /api/v1/members": R, "GET /api/v1/documents": R, "GET /api/v1/documents/{document_id}": R,
    "GET /api/v1/home/team": R, "GET /api/v1/home/documents": R, "GET /api/v1/documents/{document_id}/turns": R,
    "GET /api/v1/documents/{document_id}/codings": R, "GET /api/v1/codings/{coding_id}": R,
    "POST /api/v1/codings": C, "POST /api/v1/codings/import": C, "POST /api/v1/codings/import/preview": C,
    "PATCH /api/v1/codings/{coding_id}": C, "DELETE /api/v1/codings/{coding_id}": C,
    # codebook (api_codebook, api_history)
    "GET /api/v1/codes": R, "POST /api/v1/codes": L, "PATCH /api/v1/codes/{code_id}": L,
    "POST /api/v1/codes/{code_id}/move": L, "DELETE /api/v1/codes/{code_id}": L,
    "GET /api/v1/codebook/history": R, "GET /api/v1/codebook/as-of": R, "GET /api/v1/codebook/diff": R,
    "POST /api/v1/codebook/undo": L, "POST /api/v1/codebook/merge": L, "POST /api/v1/codebook/split": L,
    # memos, cases, retrieval, search (api_notes)
    "GET /api/v1/memos": R, "POST /api/v1/memos": C, "GET /api/v1/cases": R, "GET /api/v1/extracts": R,
    "GET /api/v1/search": R, "GET /api/v1/docs": R,
    # themes, map, sample, reports (api_themes)
    "GET /api/v1/themes": R, "POST /api/v1/themes": L, "PATCH /api/v1/themes/{theme_id}": L,
    "DELETE /api/v1/themes/{theme_id}": L, "POST /api/v1/themes/{theme_id}/codes": L,
    "POST /api/v1/themes/{theme_id}/exemplars": L, "POST /api/v1/themes/{theme_id}/exemplars/bulk": L, "DELETE /api/v1/themes/{theme_id}/exemplars/{coding_id}": L,
    "GET /api/v1/themes/{theme_id}/review": R, "GET /api/v1/map": R, "GET /api/v1/map.svg": R,
    "POST /api/v1/map/positions": L, "POST /api/v1/map/reset": L, "GET /api/v1/sample": R,
    "GET /api/v1/reports/{kind}": R,
    # the team (api_team)
    "GET /api/v1/me": R, "GET /api/v1/users": L, "GET /api/v1/assignments": L, "POST /api/v1/assignments": L,
    "GET /api/v1/queue": R, "GET /api/v1/progress": L, "PUT /api/v1/documents/{document_id}/blind": L,
    "GET /api/v1/audit": L, "GET /api/v1/audit.csv": L,
    # the live feed (api_events): what each member may see is filtered below
    "GET /api/v1/events": R,
    # offline working copies (api_checkins): a coder takes and brings back their own; a lead decides
    "POST /api/v1/checkout": C, "POST /api/v1/checkin": C, "GET /api/v1/merge-items": L,
    "POST /api/v1/merge-items/{item_id}": L,
    # calibration sessions (api_calibration)
    "GET /api/v1/calibrations": R, "POST /api/v1/calibrations": L,
    "POST /api/v1/calibrations/{document_id}/reveal": L, "POST /api/v1/calibrations/{document_id}/close": L,
}
NEEDS.update({  # agreement and reconciliation (api_agreement); the service checks them too
    "GET /api/v1/agreement": R, "GET /api/v1/settings/reflexive-mode": R, "PUT /api/v1/settings/reflexive-mode": L,
    "GET /api/v1/reconcile": R, "POST /api/v1/reconcile/accept": C, "POST /api/v1/reconcile/merge": C,
    "POST /api/v1/reconcile/reject": C,
})
NEEDS.update({  # correcting transcripts, the review queue, de-identification (api_revisions)
    "POST /api/v1/documents/{document_id}/edit": C, "GET /api/v1/documents/{document_id}/revisions": R,
    "GET /api/v1/review": R, "POST /api/v1/review/{coding_id}/place": C, "DELETE /api/v1/review/{coding_id}": C,
    "POST /api/v1/deid/scan": L, "GET /api/v1/deid/candidates": L, "POST /api/v1/deid/candidates/{candidate_id}": L,
    "POST /api/v1/deid/apply": L, "GET /api/v1/deid/groups": L, "POST /api/v1/deid/groups": L,
    "GET /api/v1/deid/rejected": L, "POST /api/v1/deid/rejected": L, "DELETE /api/v1/deid/rejected": L,
    "GET /api/v1/deid/risk": L,
})
NEEDS.update({  # private coding suggestions (api_assist); the service checks them too
    "GET /api/v1/assist": R, "GET /api/v1/suggest": R, "POST /api/v1/suggest": R, "POST /api/v1/suggest/accept": C,
    "GET /api/v1/similar": R, "POST /api/v1/similar/accept": C, "GET /api/v1/assist/themes": L,
    "GET /api/v1/documents/{document_id}/assist": R, "POST /api/v1/assist/evaluate": L,
})
NEEDS.update({  # misfits and drafts (api_drafts); drafting changes the codebook and themes, so a lead's
    "GET /api/v1/misfits": R, "GET /api/v1/drafts/endpoint": R, "GET /api/v1/drafts": R,
    "POST /api/v1/drafts/stream": L, "POST /api/v1/drafts/accept": L,
})

NEEDS.update({  # downloads of the Exports page (api_exports); each reads as the acting member
    "GET /api/v1/extracts.csv": R, "GET /api/v1/extracts.xlsx": R, "GET /api/v1/export.qdpx": R,
    "GET /api/v1/codebook.csv": R, "GET /api/v1/codebook.md": R, "GET /api/v1/codebook.qdc": R,
    "GET /api/v1/themes.csv": R, "GET /api/v1/themes.md": R, "GET /api/v1/map.png": R, "GET /api/v1/map.pdf": R, "GET /api/v1/map.tiff": R,
    "GET /api/v1/backup": L,
})


NEEDS.update({  # importing and interview details (api_imports); coders too when the lead allows
    "POST /api/v1/imports/preview": L, "POST /api/v1/imports": L, "POST /api/v1/cases/import": L,
    "POST /api/v1/cases/import/preview": L, "POST /api/v1/codebook/import": L,
    "POST /api/v1/codebook/import/preview": L, "PATCH /api/v1/documents/{document_id}": L,
    "GET /api/v1/documents/{document_id}/interview": R, "GET /api/v1/settings/coders-import": R,
    "PUT /api/v1/settings/coders-import": L,
})
NEEDS.update({  # attribute definitions (api_attributes): everyone reads them, a lead changes them
    "GET /api/v1/attributes": R, "PATCH /api/v1/attributes": L, "POST /api/v1/attributes/import": L,
})
NEEDS.update({  # the Study page and the figures (api_study)
    "GET /api/v1/study": R, "PATCH /api/v1/study": L, "GET /api/v1/figures/{figure_kind}": R,
})
NEEDS.update({  # recordings (api_recordings): listening goes with reading the document; attaching with importing
    "GET /api/v1/documents/{document_id}/recording": R, "GET /api/v1/documents/{document_id}/recording/info": R,
    "PUT /api/v1/documents/{document_id}/recording": L, "DELETE /api/v1/documents/{document_id}/recording": L,
    "GET /api/v1/codings/{coding_id}/time": R, "POST /api/v1/imports/recorded": L,
})
NEEDS.update({  # transcribing recordings on the import page (api_transcribe); speakers fixed after it
    "POST /api/v1/transcriptions": L, "GET /api/v1/transcriptions/{job_id}": L,
    "DELETE /api/v1/transcriptions/{job_id}": L, "PUT /api/v1/documents/{document_id}/speakers": L,
    "PUT /api/v1/documents/{document_id}/turns/{turn}/speaker": L,
})
#: Routes a coder may use too when the lead allows coders to import (``acting.IMPORTING`` in the service).
IMPORTING = frozenset({
    "POST /api/v1/imports/preview", "POST /api/v1/imports", "POST /api/v1/cases/import",
    "POST /api/v1/cases/import/preview", "POST /api/v1/codebook/import", "POST /api/v1/codebook/import/preview",
    "PATCH /api/v1/documents/{document_id}", "PUT /api/v1/documents/{document_id}/recording",
    "POST /api/v1/imports/recorded", "DELETE /api/v1/documents/{document_id}/recording",
    "POST /api/v1/transcriptions", "GET /api/v1/transcriptions/{job_id}", "DELETE /api/v1/transcriptions/{job_id}",
})


def route_key(method: str, path: str) -> str:
    return f"{method} {path}"


def need_of(method: str, path: str) -> Need:
    """What a route needs: from ``NEEDS``; unknown API routes need a lead; pages a member."""
    if not path.startswith("/api/"):
        return Need.READ
    return NEEDS.get(route_key(method, path), Need.LEAD)


async def permitted(request: Request) -> None:
    """App-wide dependency: refuse (403, one sentence) a member whose permission the route exceeds.
    Run on the event loop: only the import routes' setting is read, in the thread pool."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    key = route_key(request.method, route.path)
    if key in PUBLIC or route.path in ("/login", "/logout") or route.path.startswith("/api/v1/openapi"):
        return
    ctx = await context(request)
    need = need_of(request.method, route.path)
    if (key in IMPORTING and ctx.member.permission is Permission.CODER
            and await run_in_threadpool(ctx.project.team.coders_may_import)):
        need = Need.CODE
    require(ctx.member, need, key)
