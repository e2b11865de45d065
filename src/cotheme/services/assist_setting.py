"""Whether a project allows coding suggestions, and what the assistant holds for it.

The project setting ``assist`` is ``on`` unless someone turned it ``off`` (``cotheme assist off``);
off, every entry point refuses with one sentence and the cached passages are deleted, so nothing the
model made stays in the project. Kept apart from the numpy code so that status, the setting and the
methods report work without the optional extra.
"""

from __future__ import annotations

import json
from typing import Any

from cotheme.domain.assist import AssistStatus, DocumentAssist
from cotheme.errors import Conflict
from cotheme.services import assist_model
from cotheme.services.coding import resolve_document
from cotheme.storage import assist as repo
from cotheme.storage import study
from cotheme.storage.store import Store

SETTING = "assist"
#: The settings row holding the last 'cotheme assist evaluate' figures (JSON), quoted by the methods report.
EVALUATION = "assist_last_evaluation"
OFF_SENTENCE = (
    "Coding suggestions are turned off for this project; turn them on with 'cotheme assist on PROJECT'."
)


def enabled(store: Store) -> bool:
    with store.read() as conn:
        return (study.read_setting(conn, SETTING) or "on") != "off"


def require_enabled(store: Store) -> None:
    if not enabled(store):
        raise Conflict(OFF_SENTENCE)


def set_enabled(store: Store, on: bool) -> int:
    """Turn assistance on or off; off deletes the cached passages too. Returns how many were deleted."""
    with store.write() as conn:
        study.write_settings(conn, {SETTING: "on" if on else "off"})
        return 0 if on else repo.drop_all(conn)


def status(store: Store) -> AssistStatus:
    """Installed? Allowed? Which model, what is indexed, and how many suggestions were accepted."""
    reason = assist_model.missing()
    model = assist_model.model_name() if reason is None else assist_model.MODEL_PACKAGE
    with store.read() as conn:
        documents = len(repo.current_revisions(conn))
        indexed, passages = repo.counts(conn, model)
        accepted = sum(repo.accepted_count(conn).values())
    notes = () if reason is None else (reason,)
    return AssistStatus(reason is None, enabled(store), model, assist_model.HOW_TO_ENABLE, documents,
                        indexed, passages, accepted, notes)


def document_status(store: Store, document: str | int) -> DocumentAssist:
    """Whether suggestions can be asked for on ``document`` (what the code picker checks once)."""
    installed = assist_model.missing() is None
    with store.read() as conn:
        doc_id = resolve_document(conn, str(document))
        indexed = installed and repo.document_indexed(conn, doc_id, assist_model.model_name())
    return DocumentAssist(installed, enabled(store), indexed)


def accepted_count(store: Store) -> dict[str, int]:
    """Codings made by accepting a suggestion, per model (for the methods report)."""
    with store.read() as conn:
        return repo.accepted_count(conn)


def provenance(store: Store) -> list[tuple[int, str, str, float, str | None, Any]]:
    """(coding id, source, model, score, member, time) of every accepted suggestion still coded."""
    with store.read() as conn:
        return repo.provenance(conn)


def keep_evaluation(store: Store, figures: dict[str, Any]) -> None:
    """Record the overall figures of the assistant's last evaluation (``assist_evaluate``)."""
    with store.write() as conn:
        study.write_settings(conn, {EVALUATION: json.dumps(figures)})


def last_evaluation(store: Store) -> dict[str, Any] | None:
    """The last evaluation's figures (model, passages, codes, top1, top3, kappa, folds, at), if any."""
    with store.read() as conn:
        raw = study.read_setting(conn, EVALUATION)
    return json.loads(raw) if raw else None
