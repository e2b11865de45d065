"""``Project``: one open study and every operation on it, the object the CLI, web app and Python
API hold. It delegates each operation to the service module that owns it and adds no rules."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cotheme import __version__
from cotheme.domain.names import single_line
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.search import parse_query
from cotheme.errors import InvalidArgument, NotFound
from cotheme.lazy import lazy
from cotheme.storage import documents as docs_repo, search as search_repo, study
from cotheme.storage.engine import describe
from cotheme.storage.store import Store
from cotheme.services.team_facade import TeamMixin
from cotheme.services.home_facade import HomeMixin
from cotheme.services.exchange_facade import ExchangeMixin
from cotheme.services.export_facade import ExportMixin
from cotheme.services.import_facade import ImportMixin
from cotheme.services.attribute_facade import AttributesMixin
from cotheme.services.study_facade import StudyMixin
from cotheme.services.themes_facade import ThemesMixin
from cotheme.services.deid_facade import DeidReviewMixin
from cotheme.services.coding_sheet_facade import CodingSheetMixin
from cotheme.services.teamwork_facade import TeamworkMixin
from cotheme.services.drafts_facade import DraftsMixin
from cotheme.services.assist_facade import AssistEvaluateMixin
from cotheme.services.namespace_facade import NamespacesMixin

if TYPE_CHECKING:
    import pandas

    from cotheme.domain.agreement_report import AgreementReport
    from cotheme.domain.assist import (AssistStatus, CandidateTheme, DocumentAssist, IndexReport, SimilarResult,
                                       Suggestion)
    from cotheme.domain.cases import Case
    from cotheme.domain.codings import Extract
    from cotheme.domain.deid import ApplyReport, Candidate, Decision, ScanReport, Term
    from cotheme.domain.documents import Document, DocumentSummary
    from cotheme.domain.integrity import BackupInfo, CheckReport
    from cotheme.domain.memos import Memo
    from cotheme.domain.project import Member, ProjectInfo
    from cotheme.domain.reconcile import Comparison
    from cotheme.domain.reports import Cooccurrence, Matrix, MethodsReport, ThemesReport
    from cotheme.domain.review import ThemeReview
    from cotheme.domain.revisions import EditResult, ReviewItem, RevisionInfo
    from cotheme.domain.sample import Band, SampleTable, SampleTarget
    from cotheme.domain.search import SearchHit
    from cotheme.domain.templates import CodebookTemplate
    from cotheme.domain.thematic_map import MapLayout
    from cotheme.domain.themes import Exemplar, Theme, ThemeSummary
    from cotheme.services import (agreement as agreement_service, assist_model, assist_setting, cases, codebook,
                                  coding, deid, deid_apply, deid_key, importing, members, methods,
                                  notes, outputs, reconcile, reports, retrieval, review, review_queue,
                                  revisions, safekeeping, sample, templates, thematic_map, themes)
    from cotheme.services.backup_schedule import BackupSchedule
    from cotheme.services.codebook import CodeCount
    from cotheme.services.retrieval import Retrieved
    from cotheme.services.templates import TemplateImport
    from cotheme.services.themes import ThemesImport
else:  # each service module is imported when an operation first calls it
    agreement_service = lazy("cotheme.services.agreement")
    globals().update((name, lazy(f"cotheme.services.{name}")) for name in (
        "assist_model assist_setting cases codebook coding deid deid_apply deid_key importing members "
        "methods notes outputs reconcile reports retrieval review review_queue revisions safekeeping sample "
        "templates thematic_map themes").split())


class Project(
    NamespacesMixin,  # project.codes, project.codings, ...; the flat names, deprecated
    HomeMixin,  # the home page's first screen, cached per data version
    TeamMixin,  # accounts and team work
    ImportMixin,  # imports
    ExportMixin,  # exports
    ExchangeMixin,  # REFI-QDA projects and codebooks
    AttributesMixin,  # attribute definitions for Table 1
    StudyMixin,  # the Study page's fields and the figures
    ThemesMixin,  # bulk exemplars
    DeidReviewMixin,  # de-identification by string, residual risk
    CodingSheetMixin,  # many codings at once, from a sheet or a script
    TeamworkMixin,  # live feed and presence, offline copies, calibration sessions
    DraftsMixin,  # misfit flags and drafts from the team's own language model
    AssistEvaluateMixin,  # the suggestion assistant evaluated on the project's codings
):
    """An open cotheme project (an SQLite ``.cotheme`` file or a PostgreSQL database)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- life cycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, target: str | Path, *, title: str | None = None, lead: str | None = None,
               passphrase: str | None = None) -> Project:
        """Create a new, empty project with one lead member (``lead``, default the OS user).

        A project file is encrypted (SQLCipher) when a ``passphrase`` is given."""
        store = Store.create(str(target), passphrase)
        project = cls(store)
        shown = single_line(title or "") or single_line(Path(str(target)).stem)
        info = {"title": shown, "software_version": f"cotheme {__version__}"}
        with store.write() as conn:
            study.write_settings(conn, info)
        project.add_member(lead or getpass.getuser() or "Lead researcher", permission="lead")
        return project

    @classmethod
    def open(cls, target: str | Path, passphrase: str | None = None) -> Project:
        """Open a project; an encrypted file needs ``passphrase`` (else ``COTHEME_PASSPHRASE``)."""
        return cls(Store.open(str(target), passphrase))

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def serving(self, port: int) -> AbstractContextManager[None]:
        """Around a web server's run: other processes that find the project busy are told it is this
        server (a note beside a project file, gone when the block ends)."""
        return self._store.serving(port)

    @property
    def location(self) -> str:
        """The project file or the database URL without its password."""
        return describe(self._store.target)

    # -- safekeeping: integrity checks and backups --------------------------------
    def check(self) -> CheckReport:
        """Run every integrity check (read-only); ``report.ok`` when nothing was found."""
        return safekeeping.check(self._store)

    def backup(self, out: str | Path, *, passphrase: str | None = None) -> BackupInfo:
        """Back the project up into the new file ``out`` (see docs/security.md)."""
        return safekeeping.backup(self._store, Path(out), passphrase=passphrase)

    def backup_schedule(self, folder: str | Path, keep: int) -> BackupSchedule:
        """Daily backups into ``folder`` keeping the newest ``keep``; call ``start()`` on it."""
        from cotheme.services.backup_schedule import BackupSchedule

        return BackupSchedule(self._store, Path(folder), keep)

    # -- study and members ------------------------------------------------------------------
    def info(self) -> ProjectInfo:
        with self._store.read() as conn:
            return study.read_info(conn)

    def update_info(self, **values: str) -> ProjectInfo:
        unknown = set(values) - set(STUDY_FIELDS)
        if unknown:
            raise InvalidArgument(f"Unknown study fields: {', '.join(sorted(unknown))}.")
        with self._store.write() as conn:
            study.write_settings(conn, values)
            return study.read_info(conn)

    def add_member(self, name: str, role_label: str = "", permission: str = "coder") -> Member:
        return members.add_member(self._store, name, role_label, permission)

    def members(self) -> list[Member]:
        return members.list_members(self._store)

    # -- documents (importing: import_facade.ImportMixin) -----------------------------------
    def documents(self) -> list[DocumentSummary]:
        with self._store.read() as conn:
            return docs_repo.summaries(conn)

    def document(self, ref: str | int) -> Document:
        with self._store.read() as conn:
            return docs_repo.read_document(conn, coding.resolve_document(conn, str(ref)))

    def rename_speaker(self, document: str | int, old: str, new: str) -> int:
        """Rename a speaker label in one document; return how many turns changed."""
        with self._store.write() as conn:
            doc_id = coding.resolve_document(conn, str(document))
            changed = docs_repo.rename_speaker(conn, doc_id, old, single_line(new))
            if changed == 0:
                known = ", ".join(docs_repo.distinct_speakers(conn, doc_id))
                raise NotFound(f"No speaker is labelled '{old}' in that document (speakers: {known}).")
            return changed

    # -- cases ------------------------------------------------------------------------------
    def add_case(self, pid: str) -> int:
        return cases.add_case(self._store, pid)

    def cases(self) -> list[Case]:
        return cases.list_cases(self._store)[0]

    # -- codebook ---------------------------------------------------------------------------
    def export_codebook(self, path: str | Path) -> Path:
        target = Path(path)
        outputs.write_output(target, codebook.export_codebook(self._store, target))
        return target

    def codes(self) -> list[CodeCount]:
        return codebook.list_codes(self._store)

    def create_code(self, path: str, **fields: str) -> Any:
        return codebook.create_code(self._store, path, **fields)

    def edit_code(self, code_id: int, *, name: str | None = None, **fields: str) -> Any:
        """Rename a code and/or change its definition, notes, example or colour."""
        return codebook.edit_code(self._store, code_id, name=name, **fields)

    def move_code(self, code_id: int, parent_id: int | None, *, version: int | None = None, rationale: str = "") -> Any:
        """Move a code under another (or to the top level with ``None``)."""
        return codebook.move_code(self._store, code_id, parent_id, version=version, rationale=rationale)

    # -- coding -----------------------------------------------------------------------------
    def code(
        self,
        document: str | int,
        code: str,
        *,
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        coder: str | None = None,
        create: bool = False,
        code_id: int | None = None,
    ) -> Extract:
        """Apply ``code`` (or the code ``code_id``) to ``start``-``end`` or to the first exact
        occurrence of ``quote``."""
        request = coding.CodingRequest(str(document), code, start, end, quote, coder, create, code_id)
        return coding.add_coding(self._store, request)

    def codings(
        self, *, code: str | None = None, document: str | int | None = None, coder: str | None = None,
        subcodes: bool = True,
    ) -> list[Extract]:
        """Every coding (one ``Extract`` each), or only those of ``code`` - with ``subcodes``, of it and
        every code below it - of ``document``, of ``coder``."""
        return coding.list_extracts(
            self._store, code=code, document=None if document is None else str(document), coder=coder,
            subcodes=subcodes,
        )

    def coding(self, coding_id: int) -> Extract:
        return coding.get_extract(self._store, coding_id)

    def update_coding(
        self, coding_id: int, *, code: str | None = None, code_id: int | None = None,
        start: int | None = None, end: int | None = None,
    ) -> Extract:
        """Change a coding's code, or extend/shrink its span on the same revision."""
        return coding.update_coding(self._store, coding_id, code=code, code_id=code_id, start=start, end=end)

    def delete_coding(self, coding_id: int) -> None:
        coding.delete_coding(self._store, coding_id)

    def retrieve(
        self, code_ids: Sequence[int], *, mode: str = "or", where: dict[str, str] | None = None,
        show: Sequence[str] = (), subcodes: bool = True,
    ) -> list[Retrieved]:
        """Extracts of several codes (any, or all overlapping), each with its sub-codes unless
        ``subcodes`` is false (a passage coded with several once), with chosen attributes, filtered."""
        return retrieval.retrieve(self._store, code_ids, mode=mode, where=where, show=show, subcodes=subcodes)

    def codings_frame(self, **filters: Any) -> pandas.DataFrame:
        """Every extract as a pandas DataFrame (one row per coding); needs pandas installed."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - exercised only without the extra
            raise InvalidArgument("codings_frame() needs pandas: pip install 'cotheme[pandas]'.") from None
        rows = [
            {
                "id": e.id, "document": e.document, "case": e.case_pid, "speaker": e.speaker,
                "code": e.code_path, "coder": e.coder, "start": e.start, "end": e.end,
                "text": e.text, "created_at": e.created_at,
            }
            for e in self.codings(**filters)
        ]
        columns = ["id", "document", "case", "speaker", "code", "coder", "start", "end", "text", "created_at"]
        return pd.DataFrame(rows, columns=columns)

    # -- memos and search -------------------------------------------------------------------
    def add_memo(self, text: str, *, target: str = "project", ref: str | None = None,
                 author: str | None = None, target_id: int | None = None) -> Memo:
        return notes.add_memo(self._store, text, target=target, ref=ref, author=author, target_id=target_id)

    def memos(self, target: str | None = None, target_id: int | None = None) -> list[Memo]:
        """Memos, newest first; only those on one target when given."""
        return notes.list_memos(self._store, target, target_id)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over transcripts and memos, hits in reading order."""
        parsed = parse_query(query)
        with self._store.read() as conn:
            return search_repo.search(conn, parsed, limit)

    # -- themes ------------------------------------------------------------------
    def themes(self) -> list[ThemeSummary]:
        """Every theme in hierarchy order with its codes and counts of extracts and participants."""
        return themes.list_themes(self._store)

    def create_theme(self, name: str, *, parent: str | int | None = None, definition: str = "",
                     status: str = "candidate", codes: Sequence[str] = ()) -> Theme:
        return themes.create_theme(self._store, name, parent=parent, definition=definition,
                                   status=status, codes=codes)

    def update_theme(self, theme: str | int, **changes: Any) -> Theme:
        """Change ``name``, ``definition``, ``status`` or ``parent`` (``None`` = top level)."""
        return themes.update_theme(self._store, theme, **changes)

    def delete_theme(self, theme: str | int) -> None:
        themes.delete_theme(self._store, theme)

    def link_codes(self, theme: str | int, codes: Sequence[str | int], *, unlink: bool = False) -> Theme:
        return themes.link_codes(self._store, theme, codes, unlink=unlink)

    def import_themes(self, path: str | Path) -> ThemesImport:
        file = importing.read_files([Path(path)])[0]
        return themes.import_themes(self._store, file.name, file.data)

    def export_themes(self, path: str | Path) -> Path:
        target = Path(path)
        outputs.write_output(target, themes.export_themes(self._store, target))
        return target

    def add_exemplar(self, theme: str | int, coding_id: int, member: str | None = None) -> Exemplar:
        return themes.add_exemplar(self._store, theme, coding_id, member)

    def remove_exemplar(self, theme: str | int, coding_id: int) -> None:
        themes.remove_exemplar(self._store, theme, coding_id)

    def exemplars(self, theme: str | int | None = None) -> list[Exemplar]:
        return themes.exemplars(self._store, theme)

    def theme_review(self, theme: str | int, *, group_by: str = "subtheme") -> ThemeReview:
        """One theme's extracts by code and by participant, its passages grouped ``group_by``
        (subtheme, participant or code), counts, subthemes, unthemed codes."""
        return review.theme_review(self._store, theme, group_by=group_by)

    # -- codebook templates -----------------------------------------------------------------
    @staticmethod
    def templates() -> list[CodebookTemplate]:
        return templates.list_templates()

    def import_template(self, name: str) -> TemplateImport:
        return templates.import_template(self._store, name)

    # -- thematic map -----------------------------------------------------------------------
    def thematic_map(
        self, depth: int | None = None, layout: str = "radial", *, subcodes: bool = True, legend: bool = True,
    ) -> MapLayout:
        """The map laid out (``radial`` or ``tree``; the radial one with saved positions applied);
        ``formats.map_svg`` draws or serialises it."""
        return thematic_map.thematic_map(self._store, depth, layout, subcodes=subcodes, legend=legend)

    def save_map_positions(self, positions: dict[int, tuple[float, float] | None]) -> None:
        themes.save_positions(self._store, positions)

    def reset_map_positions(self) -> None:
        themes.reset_positions(self._store)

    # -- sample monitor and reports ---------------------------------------------------------
    def import_targets(self, path: str | Path) -> list[SampleTarget]:
        file = importing.read_files([Path(path)])[0]
        return sample.import_targets(self._store, file.name, file.data)

    def save_targets(self, targets: Sequence[SampleTarget]) -> None:
        sample.save_targets(self._store, targets)

    def targets(self) -> list[SampleTarget]:
        return sample.list_targets(self._store)

    def sample_table(self, *, attributes: Sequence[str] | None = None,
                     bands: dict[str, Sequence[Band]] | None = None,
                     targets: Sequence[SampleTarget] | None = None) -> SampleTable:
        """Participants per attribute category, checked against targets (default: the saved ones)."""
        return sample.sample_table(self._store, attributes=attributes, bands=bands, targets=targets)

    def themes_report(
        self, *, quotes: int = 3, attributes: Sequence[str] = (), attribution: str | None = None,
        repeat_quotes: bool = False, exemplars_only: bool = False, trim: bool = True,
    ) -> ThemesReport:
        """Themes with at most ``quotes`` quotes each, exemplars first, each passage once (see
        ``services/report_quotes.py``); ``attribution`` none, id or id-attributes."""
        return reports.themes_report(self._store, quotes=quotes, attributes=attributes, attribution=attribution,
                                     repeat_quotes=repeat_quotes, exemplars_only=exemplars_only, trim=trim)

    def matrix(self, by: str, *, count: str = "participants", rows: str = "themes",
               bands: Sequence[Band] = (), subcodes: bool = True) -> Matrix:
        """Themes or codes (each with its sub-codes unless ``subcodes`` is false) x ``by``'s categories."""
        return reports.matrix(self._store, by, count=count, rows=rows, bands=bands, subcodes=subcodes)

    def cooccurrence(self, *, unit: str = "extract", subcodes: bool = True) -> Cooccurrence:
        """Codes x codes meeting in an extract or a turn; with ``subcodes`` each code with its sub-codes."""
        return reports.cooccurrence(self._store, unit=unit, subcodes=subcodes)

    def methods_report(self) -> MethodsReport:
        return methods.methods_report(self._store)

    # -- revisions, review queue and de-identification ---------------------------
    def edit_document(
        self, document: str | int, *, replace: str | None = None, with_text: str | None = None,
        all: bool = False, start: int | None = None, end: int | None = None,  # noqa: A002
        new_text: str | None = None, author: str | None = None, reason: str = "",
        expected_revision: int | None = None,
    ) -> EditResult:
        """A new revision: ``replace``/``with_text`` (``all``), a span ``start``-``end`` + ``with_text``, or
        ``new_text``; codings are carried; ``expected_revision`` mismatch -> ``Conflict``."""
        return revisions.edit_document(
            self._store, document, replace=replace, with_text=with_text, all=all, start=start, end=end,
            new_text=new_text, author=author, reason=reason, expected_revision=expected_revision,
        )

    def revisions(self, document: str | int) -> list[RevisionInfo]:
        return revisions.revisions(self._store, document)

    def revision(self, document: str | int, number: int) -> Document:
        """The document as it read at revision ``number``."""
        return revisions.read_revision(self._store, document, number)

    def review_queue(self, *, document: str | int | None = None, everything: bool = False) -> list[ReviewItem]:
        return review_queue.review_queue(self._store, document=document, everything=everything)

    def review_waiting(self) -> int:
        """How many codings wait in the review queue (the queue's length, cheaply)."""
        return review_queue.waiting(self._store)

    def place_coding(self, coding_id: int, *, start: int | None = None, end: int | None = None) -> ReviewItem:
        return review_queue.place(self._store, coding_id, start=start, end=end)

    def remove_from_review(self, coding_id: int) -> None:
        review_queue.remove(self._store, coding_id)

    def deid_add_name(self, name: str, *, role: str = "", replacement: str = "", ignore: bool = False) -> Term:
        return deid.add_term(self._store, name, role=role, replacement=replacement, ignore=ignore)

    def deid_remove_name(self, name: str) -> None:
        deid.remove_term(self._store, name)

    def deid_names(self) -> list[Term]:
        return deid.terms(self._store)

    def deid_scan(self, documents: Sequence[str | int] | None = None, *, use_model: bool = True) -> ScanReport:
        return deid.scan(self._store, documents, use_model=use_model)

    def deid_candidates(self, *, document: str | int | None = None, status: str | None = None) -> list[Candidate]:
        return deid.candidates(self._store, document=document, status=status)

    def deid_decide(self, candidate_id: int, decision: str, *, replacement: str | None = None,
                    member: str | None = None, everywhere: bool = False) -> Decision:
        """``accept`` (with an optional replacement: the "edit") or ``reject`` one candidate."""
        return deid.decide(self._store, candidate_id, decision, replacement=replacement, member=member,
                           everywhere=everywhere)

    def deid_apply(self, *, passphrase: str | None, key_path: str | Path | None = None,
                   min_score: float | None = None, author: str | None = None,
                   documents: list[str] | None = None) -> ApplyReport:
        path = Path(key_path) if key_path is not None else deid_key.default_path(self._store.target)
        return deid_apply.apply(self._store, passphrase=passphrase, key_path=path, min_score=min_score,
                                author=author, documents=documents)

    def set_deidentified_exports_only(self, on: bool) -> None:
        deid.set_exports_only(self._store, on)

    def deidentified_exports_only(self) -> bool:
        return deid.exports_only(self._store)

    def deidentified_documents(self) -> set[int]:
        return deid.deidentified_documents(self._store)

    def require_deidentified(self, document_ids: Sequence[int] | None = None, *, always: bool = False,
                             action: str = "export") -> None:
        deid.require_deidentified(self._store, document_ids, always=always, action=action)

    # -- private coding suggestions; the model is imported only when it is used ------
    def assist_status(self) -> AssistStatus:
        """Whether suggestions are installed and allowed here, the model, what is indexed."""
        return assist_setting.status(self._store)

    def assist_document(self, document: str | int) -> DocumentAssist:
        """Whether suggestions can be asked for on one document: installed, allowed, indexed."""
        return assist_setting.document_status(self._store, document)

    def set_assist(self, on: bool) -> int:
        """Turn suggestions on or off for the project (off deletes the cached passages; returns how many)."""
        return assist_setting.set_enabled(self._store, on)

    def index(self, progress: Any = None) -> IndexReport:
        """Embed the current revision of every document not embedded yet (``progress(done, total, title)``)."""
        return self._assist().index(self._store, progress)

    def suggest(self, text: str | None = None, *, document: str | int | None = None, start: int | None = None,
                end: int | None = None, top: int = 5) -> list[Suggestion]:
        """The ``top`` codes for a passage (``text``, or ``start``-``end`` of ``document``), best first."""
        return self._assist().suggest(self._store, text, document=document, start=start, end=end, top=top)

    def similar(self, code: str | None = None, *, code_id: int | None = None, top: int = 10,
                include_interviewer: bool = False) -> SimilarResult:
        """Passages not yet coded with the code that most resemble its extracts and definition (the
        interviewer's turns left out unless ``include_interviewer``), with how many were considered."""
        return self._assist().similar(self._store, code, code_id=code_id, top=top,
                                      include_interviewer=include_interviewer)

    def accept_similar(self, passage_id: int, *, code: str | None = None, code_id: int | None = None,
                       member: str | None = None) -> Extract:
        """Code a similar passage: a normal coding recorded with the model, score, time and member."""
        return self._assist().accept_similar(self._store, passage_id, code=code, code_id=code_id, member=member)

    def accept_suggestion(self, document: str | int, start: int, end: int, *, code: str | None = None,
                          code_id: int | None = None, member: str | None = None) -> Extract:
        """Code ``start``-``end`` with a suggested code, recording the suggestion's provenance."""
        return self._assist().accept_suggestion(self._store, document, start, end, code=code, code_id=code_id,
                                                member=member)

    def candidate_themes(self, groups: int | None = None, extracts: int = 3) -> list[CandidateTheme]:
        """The codes grouped by meaning and extracts, each group with the extracts that tie it."""
        assist_model.require()
        from cotheme.services import assist_themes

        return assist_themes.candidate_themes(self._store, groups, extracts)

    def assist_provenance(self) -> list[tuple[int, str, str, float, str | None, Any]]:
        """(coding id, source, model, score, member, time) of every accepted suggestion."""
        return assist_setting.provenance(self._store)

    def _assist(self) -> Any:
        assist_model.require()
        from cotheme.services import assist

        return assist

    # -- agreement and reconciliation (see docs/agreement.md) -----------------------
    def agreement(self, coders: Sequence[str], *, documents: Sequence[str | int] | None = None,
                  unit: str = "turn", bootstrap: int = 1000, seed: int = 0) -> AgreementReport:
        """Agreement of ``coders`` on ``documents`` (default: those all of them coded), per code and
        overall with bootstrap 95% intervals; in reflexive mode the differences only."""
        docs = None if documents is None else [str(d) for d in documents]
        return agreement_service.agreement(self._store, coders, docs, unit=unit, bootstrap=bootstrap, seed=seed)

    def reflexive_mode(self) -> bool:
        return agreement_service.reflexive_mode(self._store)

    def set_reflexive_mode(self, on: bool) -> None:
        """Reflexive mode on: agreement shows differences for discussion and no score at all."""
        agreement_service.set_reflexive_mode(self._store, on)

    def reconciliation(self, document: str | int, coders: Sequence[str]) -> Comparison:
        """Two coders' codings of one document side by side: agree, differ, only one coded."""
        return reconcile.comparison(self._store, str(document), coders)

    def accept_coding(self, coding_id: int, *, member: str | None = None) -> Extract:
        """Copy a coding into the consensus layer (member "consensus"); the original stays."""
        return reconcile.accept(self._store, coding_id, member=member)

    def merge_codings(self, coding_ids: Sequence[int], *, code: str | None = None,
                      member: str | None = None) -> Extract:
        """One consensus coding over the union of overlapping codings' spans."""
        return reconcile.merge(self._store, coding_ids, code=code, member=member)

    def reject_coding(self, coding_id: int, *, member: str | None = None) -> None:
        """Record that a coding is left out of the consensus (the coding stays)."""
        reconcile.reject(self._store, coding_id, member=member)
