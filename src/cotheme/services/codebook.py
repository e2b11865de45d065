"""The codebook: importing and exporting it, creating codes, finding a code by name or path,
and counting extracts and participants per code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from cotheme.domain.codebook import (
    DEFAULT_COLOURS,
    Code,
    CodeSpec,
    check_colour,
    check_name,
    split_path,
)
from cotheme.domain.hierarchy import count_label, counts_from
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.lazy import lazy
from cotheme.services import version_cache
from cotheme.storage import code_usage
from cotheme.storage import codes as codes_repo
from cotheme.storage import history, passages
from cotheme.storage import study
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.formats import codebook_file, codebook_markdown
else:  # the file readers and writers load with the first codebook read or written
    codebook_file = lazy("cotheme.formats.codebook_file")
    codebook_markdown = lazy("cotheme.formats.codebook_markdown")


@dataclass(frozen=True, slots=True)
class CodeCount:
    """A code with how much it is used: extracts and distinct participants (cases), on its own and with
    its sub-codes (a passage coded with the code and a sub-code counted once: ``domain/hierarchy.py``)."""

    code: Code
    extracts: int
    participants: int
    extracts_with_subcodes: int = 0
    participants_with_subcodes: int = 0
    subcodes: int = 0

    @property
    def label(self) -> str:
        """How pages and commands show the count: ``5``, or ``0 own · 11 with sub-codes``."""
        return count_label(self.extracts, self.extracts_with_subcodes, self.subcodes)


@dataclass(frozen=True, slots=True)
class CodebookImport:
    created: int
    updated: int


def ensure_path(conn: Connection, spec: CodeSpec, *, update: bool) -> tuple[int, bool]:
    """The id of the code at ``spec.path``, creating missing levels; ``True`` when it was created.

    With ``update``, an existing code takes the non-empty fields of ``spec``.
    """
    parent: int | None = None
    created = False
    for depth, name in enumerate(spec.path):
        found = codes_repo.find_child(conn, parent, name)
        last = depth == len(spec.path) - 1
        if found is None:
            fields = {"colour": _next_colour(conn)} | (_given(spec) if last else {})
            found = codes_repo.insert_code(conn, parent, name, fields, codes_repo.count(conn))
            created = last
        elif last and update:
            codes_repo.update_code(conn, found, _given(spec))
        parent = found
    assert parent is not None
    return parent, created


def _given(spec: CodeSpec) -> dict[str, str]:
    """The fields ``spec`` actually gives (non-empty), colour checked."""
    fields = {
        "definition": spec.definition,
        "inclusion": spec.inclusion,
        "exclusion": spec.exclusion,
        "example": spec.example,
    }
    given = {k: v for k, v in fields.items() if v}
    if spec.colour:
        given["colour"] = check_colour(spec.colour)
    return given


def _next_colour(conn: Connection) -> str:
    return DEFAULT_COLOURS[codes_repo.count(conn) % len(DEFAULT_COLOURS)]


def import_codebook(store: Store, name: str, data: bytes) -> CodebookImport:
    """Load codes from a CSV (or Markdown) codebook: new codes are created, existing ones (same path)
    updated."""
    specs = read_codebook_file(name, data)
    updated = 0
    with store.write() as conn:
        history.intend(conn, "import", f"imported from {name}")
        before = codes_repo.count(conn)
        for spec in specs:
            _, was_created = ensure_path(conn, spec, update=True)
            updated += not was_created
        created = codes_repo.count(conn) - before  # parents made on the way count too
    return CodebookImport(created=created, updated=updated)


def read_codebook_file(name: str, data: bytes) -> list[CodeSpec]:
    """The codes of a codebook table (.csv, .xlsx) or Markdown codebook (.md), chosen by extension."""
    if name.lower().endswith((".md", ".markdown")):
        return codebook_markdown.read_codebook_markdown(name, data)
    return codebook_file.read_codebook_csv(name, data)


def export_codebook(store: Store, path: Path) -> bytes:
    """The codebook as CSV or Markdown bytes, chosen by ``path``'s extension."""
    suffix = path.suffix.lower()
    with store.read() as conn:
        codes = codes_repo.all_codes(conn)
        title = study.read_info(conn).title
    if suffix == ".csv":
        return codebook_file.write_codebook_csv(codes)
    if suffix in (".md", ".markdown"):
        return codebook_file.write_codebook_markdown(codes, title)
    raise InvalidArgument(f"{path.name}: choose a .csv or .md file to export the codebook to.")


def list_codes(store: Store) -> list[CodeCount]:
    """Every code in tree order with its counts on its own and with its sub-codes (kept while the data
    version holds: each page shows the codebook)."""
    return version_cache.cached(store, "codes", (), lambda: counted_codes(store))


def counted_codes(store: Store) -> list[CodeCount]:
    """``list_codes`` computed afresh (for a caller that keeps the answer itself)."""
    with store.read() as conn:
        codes = codes_repo.all_codes(conn)
        per_code, cases, repeated = passages.code_sums(conn)
    counts = counts_from(codes, per_code, cases, repeated)
    return [CodeCount(c, counts[c.id].own.extracts, counts[c.id].own.participants,
                      counts[c.id].with_subcodes.extracts, counts[c.id].with_subcodes.participants,
                      counts[c.id].subcodes) for c in codes]


def create_code(store: Store, path: str, *, rationale: str = "", **fields: str) -> Code:
    """A new code at ``path`` (``Parent/Child`` creates missing parents); refuse an existing one."""
    spec = CodeSpec(path=split_path(path), **{k: v for k, v in fields.items() if k != "colour"},
                    colour=fields.get("colour"))
    with store.write() as conn:
        history.intend(conn, "create", rationale)
        code_id, created = ensure_path(conn, spec, update=False)
        if not created:
            raise Conflict(f"The code '{'/'.join(spec.path)}' already exists.")
        return next(c for c in codes_repo.all_codes(conn) if c.id == code_id)


def resolve_code(conn: Connection, ref: str, *, create: bool = False) -> int:
    """A code id from a name or a ``Parent/Child`` path; with ``create``, make it when missing.

    A ``/`` may also be part of a name ("active/empathic listening"): a path that leads nowhere is
    tried as one name."""
    path = split_path(ref)
    if len(path) > 1:
        found_at = _walk(conn, path)
        if found_at is not None:
            return found_at
        if codes_repo.find_by_name(conn, " ".join(ref.split())):
            path = (" ".join(ref.split()),)
    if len(path) == 1:
        found = codes_repo.find_by_name(conn, path[0])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            paths = [c.path_text for c in codes_repo.all_codes(conn) if c.id in found]
            raise Conflict(f"Several codes are called '{path[0]}' ({'; '.join(paths)}); give the path.")
    if not create:
        raise NotFound(f"There is no code '{ref}'; use --create to make it, or check 'cotheme codebook list'.")
    code_id, _ = ensure_path(conn, CodeSpec(path=path), update=False)
    return code_id


def _walk(conn: Connection, path: tuple[str, ...]) -> int | None:
    parent: int | None = None
    for name in path:
        parent = codes_repo.find_child(conn, parent, name)
        if parent is None:
            return None
    return parent


def code_paths(conn: Connection) -> dict[int, str]:
    return {c.id: c.path_text for c in codes_repo.all_codes(conn)}


def codes_by_ids(conn: Connection, ids: Sequence[int]) -> list[Code]:
    wanted = set(ids)
    return [c for c in codes_repo.all_codes(conn) if c.id in wanted]


def check_version(conn: Connection, code_id: int, expected: int | None) -> None:
    """Refuse a save made over an older version of the code than the one stored."""
    current = code_usage.locked_version(conn, code_id)
    if current is None:
        raise NotFound(f"There is no code {code_id}; someone may have deleted or merged it. Reload the page.")
    if expected is not None and current != expected:
        name = next((c.path_text for c in codes_repo.all_codes(conn) if c.id == code_id), str(code_id))
        raise Conflict(
            f"Someone else changed the code '{name}' while you were editing it (it is at version {current}, "
            f"you loaded version {expected}); nothing was saved. Reload to see their change, then make yours again."
        )


def _code_row(conn: Connection, code_id: int) -> Any:
    row = codes_repo.get_row(conn, code_id)
    if row is None:
        raise NotFound(f"There is no code {code_id}; it may have been deleted.")
    return row


def _check_free(conn: Connection, parent_id: int | None, name: str, code_id: int) -> None:
    clash = codes_repo.find_child(conn, parent_id, name)
    if clash is not None and clash != code_id:
        raise Conflict(f"There is already a code '{name}' at that level; choose another name.")


def edit_code(store: Store, code_id: int, *, name: str | None = None, version: int | None = None,
              rationale: str = "", **fields: str) -> Code:
    """Rename a code and/or change its definition, inclusion, exclusion, example or colour.

    With ``version`` the save is refused when the code changed since that version was read;
    ``rationale`` goes into the codebook history with the change."""
    unknown = set(fields) - set(codes_repo.FIELDS)
    if unknown:
        raise InvalidArgument(f"Unknown code fields: {', '.join(sorted(unknown))}.")
    if "colour" in fields:
        fields["colour"] = check_colour(fields["colour"])
    with store.write() as conn:
        check_version(conn, code_id, version)
        history.intend(conn, None, rationale)
        row = _code_row(conn, code_id)
        if name is not None:
            clean = check_name(name)
            _check_free(conn, row.parent_id, clean, code_id)
            codes_repo.move_code(conn, code_id, row.parent_id, clean)
        codes_repo.update_code(conn, code_id, {k: v.strip() if k != "colour" else v for k, v in fields.items()})
        return next(c for c in codes_repo.all_codes(conn) if c.id == code_id)


def move_code(store: Store, code_id: int, parent_id: int | None, *, version: int | None = None,
              rationale: str = "") -> Code:
    """Move a code (with its sub-codes) under another code, or to the top level with ``None``."""
    with store.write() as conn:
        check_version(conn, code_id, version)
        history.intend(conn, "move", rationale)
        row = _code_row(conn, code_id)
        if parent_id is not None:
            _code_row(conn, parent_id)
            ancestors = {c.id: c.parent_id for c in codes_repo.all_codes(conn)}
            walk: int | None = parent_id
            while walk is not None:
                if walk == code_id:
                    raise InvalidArgument("A code cannot move under itself or one of its own sub-codes.")
                walk = ancestors.get(walk)
        _check_free(conn, parent_id, row.name, code_id)
        codes_repo.move_code(conn, code_id, parent_id, row.name)
        return next(c for c in codes_repo.all_codes(conn) if c.id == code_id)
