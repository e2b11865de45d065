"""Permissions, enforced here: a view of a ``Project`` that acts as one member and checks that member's
permission before every operation.

``project.acting_as(member)`` returns an ``ActingProject``. Every public method of ``Project`` is named
in ``RULES`` with what it needs (read, code, lead); a method missing from the table needs a lead, so a
new operation is closed until someone classifies it (a test lists the unclassified ones). While a call
runs, the member is the actor of the audit trail and, unless they lead, their view of blind documents
is restricted (``storage/visibility.py``). The CLI acts as the lead unless ``--as NAME``; the web server
acts as the logged-in (team) or chosen (local token) member.

Decisions recorded here: coders change and delete only their own codings, and code and write memos
only as themselves; viewers read everything a coder reads; in a blind document everyone but leads sees
only their own codings (a viewer none), until a lead reveals it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cotheme.domain.project import Member, Permission
from cotheme.domain.team import Need, require
from cotheme.errors import Forbidden, NotFound
from cotheme.services.api_names import OLD_NAMES
from cotheme.services.namespace_facade import NamespacesMixin, _from_outside, _warn
from cotheme.storage.tracking import ACTOR
from cotheme.storage.visibility import viewing

if TYPE_CHECKING:
    from cotheme.services.project import Project

R, C, L = Need.READ, Need.CODE, Need.LEAD
#: What each public operation of ``Project`` needs.
RULES: dict[str, Need] = {
    # reading the project
    "location": R, "info": R, "members": R, "documents": R, "document": R, "cases": R, "codes": R,
    "home_summary": R, "documents_page": R,
    "codings": R, "coding": R, "retrieve": R, "codings_frame": R, "memos": R, "search": R, "themes": R,
    "exemplars": R, "theme_review": R, "templates": R, "thematic_map": R, "targets": R, "sample_table": R,
    "themes_report": R, "matrix": R, "cooccurrence": R, "methods_report": R, "revisions": R, "revision": R,
    "review_queue": R, "review_waiting": R, "deidentified_exports_only": R, "deidentified_documents": R, "require_deidentified": R,
    "export_codebook": R, "export_codebook_qdc": R, "export_themes": R, "assist_status": R,
    "assist_provenance": R, "codebook_history": R, "codebook_as_of": R, "codebook_diff": R, "queue": R,
    "blind_documents": R, "team_mode": R, "close": R,
    "similar": R, "suggest": R, "assist_document": R,
    # the second reader: misfits read what the member may see; drafts change the codebook and themes
    "misfits": R, "draft_endpoint": R, "drafts": R, "draft": L, "draft_stream": L, "accept_draft": L,
    # the assistant evaluated on the project's own codings: it reads every coding, so a lead runs it
    "assist_evaluate": L,
    # the live feed and presence (team server pages)
    "live_cursor": R, "live_events": R, "live_poll": R, "live_waker": R, "mark_present": R, "clear_presence": R, "present": R,
    # offline copies: a coder takes and brings back their own; a lead decides what came back
    "checkout": C, "checkin": C, "copy_owner": C, "copy_origin": R, "checkouts": L, "merge_items": L, "decide_merge_item": L,
    # calibration sessions: a lead runs them; everyone sees those they are in
    "calibrations": R, "start_calibration": L, "reveal_calibration": L, "close_calibration": L,
    # the Study page and the figures: everyone reads them; a lead changes the study's fields
    "study_fields": R, "study": R, "attribution": R, "code_heatmap": R, "cooccurrence_heatmap": R,
    "coverage": R, "figure": R, "set_study": L, "set_study_fields": L,
    # exports: everyone exports what they may read; the view hides what they may not
    "extract_table": R, "extracts_file": R, "export_extracts": R, "export_qdpx": R,
    # coding and memos; correcting a transcript; placing one's own codings after an edit
    "code": C, "import_codings": C, "import_coding_data": C, "code_many": C, "preview_codings": C,
    "update_coding": C, "delete_coding": C, "add_memo": C, "accept_similar": C,
    "accept_suggestion": C, "edit_document": C, "place_coding": C, "remove_from_review": C,
    # agreement and reconciliation (the web's table agrees: web/permissions.py)
    "agreement": R, "reflexive_mode": R, "reconciliation": R, "accept_coding": C, "merge_codings": C,
    "reject_coding": C, "set_reflexive_mode": L,
    # attribute definitions: how the write-up shows each attribute
    "attribute_definitions": R, "set_attribute": L, "import_attribute_definitions": L, "import_attribute_data": L,
    # importing: previews change nothing, but show what files hold, so they go with importing
    "coders_may_import": R, "preview_qdpx": R, "set_coders_may_import": L,
    # recordings: listening goes with reading the document; attaching one goes with importing
    "recording": R, "read_recording": R, "recording_bytes": R, "coding_time_span": R,
    "attach_recording": L, "attach_recording_data": L, "detach_recording": L, "stage_recording_data": L,
    "discard_staged_recording": L,
    # leading: codebook, themes, members, assignments, settings, imports, exports, de-identification
    **{name: L for name in (
        "update_info", "add_member", "import_files", "import_sources", "rename_speaker", "import_cases",
        "add_case", "import_qdpx", "import_qdpx_files", "import_codebook", "import_codebook_qdc",
        "create_code", "edit_code", "move_code", "create_theme", "update_theme", "delete_theme", "link_codes",
        "import_themes", "add_exemplar", "remove_exemplar", "import_exemplars", "import_exemplar_data",
        "set_exemplars", "import_template", "save_map_positions",
        "reset_map_positions", "import_targets", "save_targets", "deid_add_name", "deid_remove_name", "deid_names", "deid_scan", "deid_candidates",
        "deid_decide", "deid_apply", "set_deidentified_exports_only", "deid_groups", "deid_decide_string",
        "deid_rejected", "deid_unreject", "deid_risk", "check", "backup", "backup_schedule",
        "set_assist", "index", "candidate_themes", "serving", "users", "add_user", "set_password", "set_user", "assign",
        "assignments", "set_blind", "progress", "undo_codebook", "merge_codes", "split_code", "delete_code",
        "audit", "export_audit", "import_case_data", "import_codebook_data", "import_qdpx_data",
        "preview_sources", "preview_cases", "preview_codebook", "set_interview",
        "transcribe_files", "transcribe_sources", "set_turn_speaker",
    )},
}
#: Operations a coder may do too when the lead allows it (``set_coders_may_import``); viewers never.
IMPORTING = frozenset({
    "import_files", "import_sources", "preview_sources", "import_cases", "import_case_data", "preview_cases",
    "import_codebook", "import_codebook_data", "preview_codebook", "import_qdpx", "import_qdpx_files",
    "import_qdpx_data", "import_codebook_qdc", "set_interview", "attach_recording", "attach_recording_data",
    "detach_recording", "stage_recording_data", "discard_staged_recording", "transcribe_files",
    "transcribe_sources",
})
#: Operations that name the member they act for, by keyword.
MEMBER_ARGUMENT = {"code": "coder", "add_memo": "author", "accept_similar": "member",
                   "accept_suggestion": "member", "add_exemplar": "member", "import_exemplars": "member",
                   "import_exemplar_data": "member", "set_exemplars": "member", "deid_decide": "member", "deid_decide_string": "member",
                   "edit_document": "author", "deid_apply": "author", "accept_coding": "member", "accept_draft": "member",
                   "merge_codings": "member", "reject_coding": "member", "checkout": "member"}


def need_of(name: str) -> Need:
    """What the operation ``name`` needs (a lead, when it is not classified)."""
    return RULES.get(name, Need.LEAD)


class ActingProject(NamespacesMixin):
    """A ``Project`` seen and changed by one member; every operation checks their permission first."""

    def __init__(self, project: Project, member: Member, *, explicit: bool = True) -> None:
        self._project = project
        self.member = member
        self._explicit = explicit  # chosen (--as, login, the page's header) rather than defaulted

    @property
    def leads(self) -> bool:
        return self.member.permission is Permission.LEAD

    def __repr__(self) -> str:
        return f"<ActingProject {self._project.location} as {self.member.name} ({self.member.permission.value})>"

    def _run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        actor = ACTOR.set((self.member.id, self.member.name))
        # Restricting queries costs a rewrite of each one (~1 ms): only when a document is blind, which
        # is asked only when a read needs to know (``visibility.viewing``).
        try:
            if self.leads:
                with viewing(None):
                    return fn(*args, **kwargs)
            with viewing(self.member.id, any_blind=self._any_blind):
                return fn(*args, **kwargs)
        finally:
            ACTOR.reset(actor)

    def _any_blind(self) -> bool:
        return bool(self._project.blind_documents())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in OLD_NAMES and _from_outside(1):
            _warn(name, 2)
        return self._checked(name)

    def _impl(self, name: str) -> Any:
        """The operation ``name`` as this member may run it (the namespaces call this)."""
        if name in type(self)._implementations:  # an operation with rules of its own, below
            return NamespacesMixin._impl(self, name)
        return self._checked(name)

    def _checked(self, name: str) -> Any:
        """The project's operation ``name``, refused unless this member's permission allows it."""
        value = getattr(type(self._project), name, None)
        if isinstance(value, property):
            require(self.member, need_of(name), name)
            return self._run(getattr, self._project, name)
        attr = self._project._impl(name)
        if not callable(attr):
            return attr
        require(self.member, self._need(name), name.replace("_", " "))
        argument = MEMBER_ARGUMENT.get(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            if argument is not None:  # the member may come by position or keyword
                bound = inspect.signature(attr).bind_partial(*args, **kwargs)
                bound.arguments[argument] = self._for_member(bound.arguments.get(argument))
                args, kwargs = bound.args, bound.kwargs
            return self._run(attr, *args, **kwargs)

        return call

    def _need(self, name: str) -> Need:
        """What ``name`` needs of this member: imports need only a coder when the lead allows it."""
        need = need_of(name)
        if name in IMPORTING and self.member.permission is Permission.CODER and self._project.coders_may_import():
            return Need.CODE
        return need

    def _for_member(self, named: str | None) -> str | None:
        """Whom an action is recorded for: a lead may name anyone; others only themselves."""
        if named is None:
            return self.member.name if (self._explicit or not self.leads) else None
        if not self.leads and named.strip().casefold() != self.member.name.casefold():
            raise Forbidden(f"{self.member.name} may code and write memos only as themselves, not as {named}.")
        return named

    # -- operations with rules beyond the permission level --------------------------------------
    # Each checks the permission before looking at its arguments, so a refusal never depends on them.
    def code(self, *args: Any, **kwargs: Any) -> Any:
        """Code as this member; only a lead may create a missing code on the way."""
        require(self.member, need_of("code"), "code")
        kwargs["coder"] = self._for_member(kwargs.get("coder"))
        if kwargs.get("create") and not self.leads:
            kwargs["create"] = False
            try:
                return self._run(self._project.code, *args, **kwargs)
            except NotFound:
                raise Forbidden("That code does not exist, and only a lead can add codes to the codebook.") from None
        return self._run(self._project.code, *args, **kwargs)

    def _many(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Codings in bulk as this member: the rows that name no coder are theirs (a lead's default:
        as for one coding); a coder's rows may name only themselves; only a lead adds codes."""
        require(self.member, need_of(name), "code")
        kwargs["coder"] = self._for_member(kwargs.get("coder"))
        if not self.leads:
            kwargs["only_as"] = self.member.name
            kwargs["create"] = False  # a missing code is then refused with the row that names it
        return self._run(getattr(self._project, name), *args, **kwargs)

    def import_codings(self, *args: Any, **kwargs: Any) -> Any:
        return self._many("import_codings", args, kwargs)

    def import_coding_data(self, *args: Any, **kwargs: Any) -> Any:
        return self._many("import_coding_data", args, kwargs)

    def code_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._many("code_many", args, kwargs)

    def preview_codings(self, *args: Any, **kwargs: Any) -> Any:
        return self._many("preview_codings", args, kwargs)

    def checkin(self, *args: Any, **kwargs: Any) -> Any:
        """Bring a working copy back: a coder only their own (a lead anyone's)."""
        require(self.member, need_of("checkin"), "check in")
        if not self.leads:
            owner = self._run(self._project.copy_owner, *args, **kwargs)
            if owner.casefold() != self.member.name.casefold():
                raise Forbidden(f"{self.member.name} may check in only their own working copy, not {owner}'s.")
        return self._run(self._project.checkin, *args, **kwargs)

    def _own_coding(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run ``name`` on a coding when it is this member's (a lead: anyone's)."""
        require(self.member, need_of(name), name.replace("_", " "))
        coding_id = args[0] if args else kwargs.get("coding_id")
        if not self.leads:
            extract = self._run(self._project.coding, coding_id)
            if (extract.coder or "").casefold() != self.member.name.casefold():
                raise Forbidden(f"Coding {coding_id} was made by {extract.coder or 'someone else'}; "
                                f"{self.member.name} may change only their own codings.")
        return self._run(getattr(self._project, name), *args, **kwargs)

    def update_coding(self, *args: Any, **kwargs: Any) -> Any:
        return self._own_coding("update_coding", args, kwargs)

    def delete_coding(self, *args: Any, **kwargs: Any) -> None:
        self._own_coding("delete_coding", args, kwargs)

    def place_coding(self, *args: Any, **kwargs: Any) -> Any:
        return self._own_coding("place_coding", args, kwargs)

    def remove_from_review(self, *args: Any, **kwargs: Any) -> None:
        self._own_coding("remove_from_review", args, kwargs)

    def queue(self, member: str | int | None = None) -> Any:
        """This member's assigned documents (a lead may look at anyone's)."""
        if member is not None and not self.leads and str(member) not in (str(self.member.id), self.member.name):
            require(self.member, Need.LEAD, "see another coder's queue")
        return self._run(self._project.queue, self.member.id if member is None else member)

    def acting_as(self, member: Member | str, *, explicit: bool = True) -> ActingProject:
        """Only a lead may act as someone else."""
        require(self.member, Need.LEAD, "act as another member")
        return self._project.acting_as(member, explicit=explicit)

    def close(self) -> None:
        self._project.close()

    def __enter__(self) -> ActingProject:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
