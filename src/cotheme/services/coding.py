"""Applying codes to transcript text and reading the extracts back.

Owns the rules of a coding: it lies inside the current revision's text, it keeps its quote with
context, and ``--quote`` means the first exact occurrence. Adding one coding reads only the span and
its context from the database, so its cost does not grow with the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from cotheme.domain.codings import Extract
from cotheme.domain.hierarchy import subtree
from cotheme.domain.text import canonical
from cotheme.errors import InvalidArgument, NotFound
from cotheme.services import version_cache
from cotheme.services.codebook import code_paths, resolve_code
from cotheme.services.members import resolve_coder
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage.schema import revisions
from cotheme.storage.store import Store, now


@dataclass(frozen=True, slots=True)
class CodingRequest:
    """What a user asks for: a document, a code, and either offsets or a quote to find."""

    document: str
    code: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    coder: str | None = None
    create: bool = False
    code_id: int | None = None  # the web page names codes by id; ``code`` is then ignored


def resolve_document(conn: Connection, ref: str) -> int:
    return resolve_current(conn, ref)[0]


def resolve_current(conn: Connection, ref: str) -> tuple[int, int]:
    """(document id, current revision id) of the document ``ref`` names, or a sentence saying there is none."""
    found = docs_repo.resolve_current(conn, ref)
    if found is None:
        raise NotFound(f"There is no document '{ref}'; see 'cotheme docs list' for ids and titles.")
    return found


def span_of_quote(conn: Connection, revision_id: int, quote: str, title: str) -> tuple[int, int]:
    needle = canonical(quote)
    if not needle.strip():
        raise InvalidArgument("The quote to code is empty.")
    text = conn.execute(select(revisions.c.text).where(revisions.c.id == revision_id)).scalar_one()
    start = text.find(needle)
    if start < 0:
        raise NotFound(f"The quote '{needle[:60]}' does not occur in '{title}'; check its exact wording.")
    return start, start + len(needle)


def add_coding(store: Store, request: CodingRequest) -> Extract:
    """Code a span of a document's current revision; return the new extract.

    The usual request (a document id and offsets, as the reader sends) reads the document, the code's
    path and the coder once each and writes one row: the extract is made from what was read and what
    the INSERT returned, not read back."""
    if (request.quote is None) == (request.start is None or request.end is None):
        raise InvalidArgument("Give either --start and --end, or --quote.")
    with store.write() as conn:
        span = _span_by_id(conn, request)
        if span is not None:
            doc_id, revision_id = span.document_id, span.revision_id
        else:
            doc_id, revision_id = resolve_current(conn, request.document)
        if request.code_id is not None:
            code_id = request.code_id
        else:
            code_id = resolve_code(conn, request.code, create=request.create)
        path = codes_repo.path_of(conn, code_id)  # read after a code --create may have made it
        if path is None:
            raise NotFound(f"There is no code {code_id}; it may have been deleted.")
        coder = resolve_coder(conn, request.coder)
        if request.quote is not None:
            start, end = span_of_quote(conn, revision_id, request.quote, request.document)
        else:
            start, end = request.start, request.end  # type: ignore[assignment]
        if span is None:
            span = docs_repo.current_span(conn, doc_id, start, end)
            if span is None:
                raise NotFound(f"There is no document '{request.document}'; it may have been deleted.")
        # (A transcript corrected since the quote was found: the quote's revision it is.)
        anchor = span.anchor(start, end) if span.revision_id == revision_id else docs_repo.anchor(conn, revision_id, start, end)
        stamp = now()
        coding_id, speaker = codings_repo.insert_placed(
            conn, document_id=doc_id, revision_id=revision_id, code_id=code_id, coder_id=coder.id,
            anchor=anchor, stamp=stamp,
        )
        return Extract(coding_id, doc_id, span.title, span.case_pid, speaker, code_id, path[-1], "/".join(path),
                       coder.name, anchor.start, anchor.end, anchor.quote, stamp)


def _span_by_id(conn: Connection, request: CodingRequest) -> docs_repo.SpanRead | None:
    """The document and the text around the span in one read, when the request names the document by
    id and gives offsets (else ``None``: the document is found by title, the span by its quote)."""
    ref = request.document.strip()
    if request.quote is not None or not ref.isdigit() or request.start is None or request.end is None:
        return None
    return docs_repo.current_span(conn, int(ref), request.start, request.end)


def list_extracts(
    store: Store,
    *,
    code: str | None = None,
    document: str | None = None,
    coder: str | None = None,
    subcodes: bool = True,
) -> list[Extract]:
    """Every coding as an extract, optionally only those of one code (with ``subcodes``, of it and every
    code below it), one document, one coder (a transcript's codings are kept while the data version
    holds: its reader asks for them each time it opens)."""
    return version_cache.cached(store, "extracts", (code, document, coder, subcodes),
                                lambda: _list_extracts(store, code, document, coder, subcodes))


def _list_extracts(store: Store, code: str | None, document: str | None, coder: str | None,
                   subcodes: bool) -> list[Extract]:
    with store.read() as conn:
        paths = code_paths(conn)
        code_ids = None
        if code is not None:
            found = resolve_code(conn, code)
            code_ids = sorted(subtree(codes_repo.all_codes(conn), found)) if subcodes else [found]
        doc_id = resolve_document(conn, document) if document is not None else None
        coder_id = resolve_coder(conn, coder).id if coder is not None else None
        return codings_repo.extracts(
            conn, code_ids=code_ids, document_id=doc_id, coder_id=coder_id, code_paths=paths
        )


def _coding_row(conn: Connection, coding_id: int) -> Any:
    row = codings_repo.get_row(conn, coding_id)
    if row is None:
        raise NotFound(f"There is no coding {coding_id}; it may have been deleted.")
    return row


def get_extract(store: Store, coding_id: int) -> Extract:
    with store.read() as conn:
        _coding_row(conn, coding_id)
        (extract,) = codings_repo.extracts(conn, coding_id=coding_id, code_paths=code_paths(conn))
        return extract


def update_coding(
    store: Store, coding_id: int, *, code: str | None = None, code_id: int | None = None,
    start: int | None = None, end: int | None = None,
) -> Extract:
    """Change a coding's code and/or extend or shrink its span (same revision, new quote)."""
    with store.write() as conn:
        row = _coding_row(conn, coding_id)
        new_code = code_id if code_id is not None else (resolve_code(conn, code) if code else None)
        paths = code_paths(conn)
        if new_code is not None and new_code not in paths:
            raise NotFound(f"There is no code {new_code}.")
        anchor = None
        if start is not None or end is not None:
            anchor = docs_repo.anchor(
                conn, row.revision_id,
                row.start_offset if start is None else start,
                row.end_offset if end is None else end,
            )
        codings_repo.update_coding(conn, coding_id, code_id=new_code, anchor=anchor, stamp=now())
        (extract,) = codings_repo.extracts(conn, coding_id=coding_id, code_paths=paths)
        return extract


def delete_coding(store: Store, coding_id: int) -> None:
    with store.write() as conn:
        _coding_row(conn, coding_id)
        codings_repo.delete_coding(conn, coding_id)
