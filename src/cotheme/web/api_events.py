"""/api/v1/events: the live feed as server-sent events, or as JSON for polling, on the same address.

A page opens ``EventSource("/api/v1/events?document=ID")`` (its ``Accept: text/event-stream`` picks
the stream): each change it may see comes as an event named by its kind (``coding``, ``memo``,
``code``, ``theme``, ``document``) whose id is the feed's cursor, so a reconnecting browser resumes
with ``Last-Event-ID`` and misses nothing; ``presence`` events say who has the transcript open. Any
other request gets one JSON batch (``after`` -> ``events``, ``cursor``, ``present``): the fallback a
page polls when a proxy will not hold a stream open. What a member may see is decided below (the
service reads as the acting member); this module only waits and writes.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from cotheme.web.context import RequestContext, context
from cotheme.web.schemas import ErrorOut, LiveBatchOut

Ctx = Annotated[RequestContext, Depends(context)]
router = APIRouter(prefix="/api/v1", responses={code: {"model": ErrorOut} for code in (403, 422)})

#: Seconds between heartbeats: a comment keeps proxies from closing an idle stream, and the page's
#: presence row is renewed (``storage.live.STALE`` is 35 s).
BEAT_S = 10.0
#: A batch this long may have left rows unread (``live_events`` looks at 200 rows at a time).
FULL = 150
#: The shortest time between two reads of one stream (seconds).
GAP_S = 0.3
#: A stream is closed after this long (the browser reconnects at once, with Last-Event-ID): no
#: connection, nor a member whose session was ended, is held for ever.
LIFETIME_S = 600.0


@router.get("/events", response_model=LiveBatchOut, tags=["team"])
async def events(
    request: Request, ctx: Ctx,
    after: Annotated[int | None, Query(ge=0, description="Continue after this event id (default: now).")] = None,
    document: Annotated[int | None, Query(ge=1, description="The transcript the page has open.")] = None,
    token: Annotated[str | None, Query(max_length=64, description="The polling page's presence token.")] = None,
    last_event_id: Annotated[str | None, Header()] = None,
) -> Response:
    """Changes since ``after`` that you may see; as a text/event-stream when the request accepts one."""
    project = ctx.project
    if last_event_id and last_event_id.isdigit():
        after = int(last_event_id)
    if "text/event-stream" not in request.headers.get("accept", ""):
        return JSONResponse(await run_in_threadpool(_batch, project, after, document, token))
    cursor = after if after is not None else await run_in_threadpool(project.team.live_cursor)
    page = secrets.token_hex(16)  # this stream's presence row
    if document is not None:  # an unknown transcript is refused (404) before the stream starts
        await run_in_threadpool(project.team.mark_present, page, document)
    return StreamingResponse(_stream(request, project, cursor, document, page), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


def _batch(project: Any, after: int | None, document: int | None, token: str | None) -> dict[str, Any]:
    if after is None:
        events, cursor = [], project.team.live_cursor()
    else:
        batch = project.team.live_events(after)
        events, cursor = [e.as_json() for e in batch.events], batch.cursor
    present = []
    if document is not None:
        if token:
            project.team.mark_present(token, document)
        present = [p.as_json() for p in project.team.present(document)]
    return {"events": events, "cursor": cursor, "present": present}


async def _stream(request: Request, project: Any, cursor: int, document: int | None, page: str) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    changed = asyncio.Event()

    def wake() -> None:
        loop.call_soon_threadsafe(changed.set)

    waker = project.team.live_waker()
    waker.subscribe(wake)
    shown: list[dict[str, Any]] | None = None
    started = loop.time()
    try:
        yield "retry: 2000\n\n"
        while loop.time() - started < LIFETIME_S and not await request.is_disconnected():
            changed.clear()
            asked = loop.time()
            batch, present = await run_in_threadpool(project.team.live_poll, cursor, document)
            for event in batch.events:
                yield f"id: {event.id}\nevent: {event.kind}\ndata: {json.dumps(event.as_json())}\n\n"
            if batch.cursor != cursor and (not batch.events or batch.events[-1].id != batch.cursor):
                yield f"id: {batch.cursor}\n\n"  # rows it may not see were passed: resume after them
            moved, cursor = batch.cursor != cursor, batch.cursor
            if document is not None:
                people = [p.as_json() for p in present]
                if people != shown:
                    shown = people
                    yield f"event: presence\ndata: {json.dumps(people)}\n\n"
            # At most one read per page every GAP_S: a busy team's writes are told in small batches
            # rather than one read per write per page (fifty pages and 25 writes/s would be 1,250).
            await asyncio.sleep(max(0.0, GAP_S - (loop.time() - asked)))
            if batch.waiting or (moved and len(batch.events) >= FULL):
                continue  # a change still being committed, or a full batch: more are coming without a wake
            try:
                await asyncio.wait_for(changed.wait(), timeout=BEAT_S)
            except TimeoutError:
                yield ": beat\n\n"
                if document is not None:
                    await run_in_threadpool(project.team.mark_present, page, document)
    finally:
        waker.unsubscribe(wake)
        if document is not None:
            await run_in_threadpool(project.team.clear_presence, page)
