"""The Python API's names: which namespace of ``Project`` each operation lives in, under which name.

This table is the one place that maps an operation's old flat name (``project.create_code``) to its
namespace method (``project.codes.create``); ``namespace_facade.py`` builds the namespaces and the
deprecated old names from it. Every public operation of ``Project`` is either one of ``CORE`` (kept on
the project itself) or in exactly one namespace (a test checks both). Pure data: imports nothing.
"""

from __future__ import annotations

#: Kept on the project object itself: making, opening and closing it, where it is, and acting as a
#: member (which returns the same object, checked).
CORE = frozenset({"create", "open", "create_from_qdpx", "close", "location", "acting_as"})

#: namespace -> {new name: old flat name}. The namespaces, in the order ``help(project)`` lists them.
NAMESPACES: dict[str, dict[str, str]] = {
    "study": {
        "info": "info", "update_info": "update_info", "get": "study", "set": "set_study",
        "fields": "study_fields", "set_fields": "set_study_fields", "attribution": "attribution",
        "home_summary": "home_summary", "sample_table": "sample_table", "targets": "targets",
        "import_targets": "import_targets", "save_targets": "save_targets",
    },
    "documents": {
        "list": "documents", "get": "document", "page": "documents_page", "import_files": "import_files",
        "import_sources": "import_sources", "preview_sources": "preview_sources",
        "set_interview": "set_interview", "rename_speaker": "rename_speaker", "edit": "edit_document",
        "revisions": "revisions", "revision": "revision", "search": "search",
        "attach_recording": "attach_recording", "attach_recording_data": "attach_recording_data",
        "recording": "recording", "read_recording": "read_recording", "recording_bytes": "recording_bytes",
        "detach_recording": "detach_recording", "stage_recording_data": "stage_recording_data",
        "discard_staged_recording": "discard_staged_recording", "transcribe_files": "transcribe_files",
        "transcribe_sources": "transcribe_sources", "set_turn_speaker": "set_turn_speaker",
    },
    "cases": {
        "list": "cases", "add": "add_case", "import_cases": "import_cases", "import_data": "import_case_data",
        "preview": "preview_cases", "attribute_definitions": "attribute_definitions",
        "set_attribute": "set_attribute", "import_attribute_definitions": "import_attribute_definitions",
        "import_attribute_data": "import_attribute_data",
    },
    "codes": {
        "list": "codes", "create": "create_code", "edit": "edit_code", "move": "move_code",
        "merge": "merge_codes", "split": "split_code", "delete": "delete_code",
        "import_codebook": "import_codebook", "import_data": "import_codebook_data",
        "import_qdc": "import_codebook_qdc", "preview": "preview_codebook", "export": "export_codebook",
        "export_qdc": "export_codebook_qdc", "templates": "templates", "import_template": "import_template",
        "history": "codebook_history", "as_of": "codebook_as_of", "diff": "codebook_diff",
        "undo": "undo_codebook",
    },
    "codings": {
        "add": "code", "add_many": "code_many", "list": "codings", "get": "coding", "update": "update_coding",
        "delete": "delete_coding", "import_file": "import_codings", "import_data": "import_coding_data",
        "preview": "preview_codings", "retrieve": "retrieve", "frame": "codings_frame",
        "review_queue": "review_queue", "review_waiting": "review_waiting", "place": "place_coding",
        "remove_from_review": "remove_from_review", "time_span": "coding_time_span",
    },
    "memos": {"list": "memos", "add": "add_memo"},
    "themes": {
        "list": "themes", "create": "create_theme", "update": "update_theme", "delete": "delete_theme",
        "link_codes": "link_codes", "import_themes": "import_themes", "export": "export_themes",
        "exemplars": "exemplars", "add_exemplar": "add_exemplar", "remove_exemplar": "remove_exemplar",
        "set_exemplars": "set_exemplars", "import_exemplars": "import_exemplars",
        "import_exemplar_data": "import_exemplar_data", "review": "theme_review", "map": "thematic_map",
        "save_map_positions": "save_map_positions", "reset_map_positions": "reset_map_positions",
    },
    "reports": {
        "themes": "themes_report", "methods": "methods_report", "matrix": "matrix",
        "cooccurrence": "cooccurrence", "code_heatmap": "code_heatmap",
        "cooccurrence_heatmap": "cooccurrence_heatmap", "coverage": "coverage", "figure": "figure",
        "extract_table": "extract_table", "extracts_file": "extracts_file",
        "export_extracts": "export_extracts",
    },
    "team": {
        "members": "members", "add_member": "add_member", "users": "users", "add_user": "add_user",
        "set_password": "set_password", "set_user": "set_user", "login": "login", "logout": "logout",
        "session_member": "session_member", "default_lead": "default_lead", "team_mode": "team_mode",
        "assign": "assign", "assignments": "assignments", "queue": "queue", "progress": "progress",
        "set_blind": "set_blind", "blind_documents": "blind_documents", "audit": "audit",
        "export_audit": "export_audit", "coders_may_import": "coders_may_import",
        "set_coders_may_import": "set_coders_may_import", "serving": "serving",
        "live_cursor": "live_cursor", "live_events": "live_events", "live_poll": "live_poll", "live_waker": "live_waker",
        "mark_present": "mark_present", "clear_presence": "clear_presence", "present": "present",
        "checkout": "checkout", "checkin": "checkin", "checkouts": "checkouts", "copy_origin": "copy_origin",
        "copy_owner": "copy_owner", "merge_items": "merge_items", "decide_merge_item": "decide_merge_item",
        "calibrations": "calibrations", "start_calibration": "start_calibration",
        "reveal_calibration": "reveal_calibration", "close_calibration": "close_calibration",
    },
    "agreement": {
        "report": "agreement", "reflexive_mode": "reflexive_mode", "set_reflexive_mode": "set_reflexive_mode",
        "reconciliation": "reconciliation", "accept": "accept_coding", "merge": "merge_codings",
        "reject": "reject_coding",
    },
    "assist": {
        "status": "assist_status", "provenance": "assist_provenance", "set": "set_assist", "index": "index",
        "similar": "similar", "accept_similar": "accept_similar", "suggest": "suggest",
        "accept_suggestion": "accept_suggestion", "document": "assist_document",
        "candidate_themes": "candidate_themes", "evaluate": "assist_evaluate", "misfits": "misfits",
        "draft": "draft", "draft_stream": "draft_stream", "accept_draft": "accept_draft", "drafts": "drafts",
        "draft_endpoint": "draft_endpoint",
    },
    "deid": {
        "add_name": "deid_add_name", "remove_name": "deid_remove_name", "names": "deid_names",
        "scan": "deid_scan", "candidates": "deid_candidates", "decide": "deid_decide",
        "decide_string": "deid_decide_string", "groups": "deid_groups", "rejected": "deid_rejected",
        "unreject": "deid_unreject", "apply": "deid_apply", "risk": "deid_risk",
        "documents": "deidentified_documents", "exports_only": "deidentified_exports_only",
        "set_exports_only": "set_deidentified_exports_only", "require": "require_deidentified",
    },
    "exchange": {
        "export_qdpx": "export_qdpx", "import_qdpx": "import_qdpx", "import_qdpx_files": "import_qdpx_files",
        "import_qdpx_data": "import_qdpx_data", "preview_qdpx": "preview_qdpx",
    },
    "safety": {"check": "check", "backup": "backup", "backup_schedule": "backup_schedule"},
}

#: old flat name -> (namespace, new name): what the deprecation warning tells a caller to use instead.
OLD_NAMES: dict[str, tuple[str, str]] = {
    old: (space, new) for space, names in NAMESPACES.items() for new, old in names.items()
}

#: What a namespace does when called as the old method of the same name (``project.codes()``).
CALLED_AS = {space: new for space, names in NAMESPACES.items() for new, old in names.items() if old == space}


def replacement(old: str) -> str:
    """The new spelling of the old name ``old``, as the warning shows it."""
    space, new = OLD_NAMES[old]
    return f"project.{space}.{new}"
