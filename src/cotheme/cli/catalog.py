"""Every ``cotheme`` command by name: its one-line help and the module that holds it.

The root command lists and dispatches from this table, so ``cotheme --help`` and ``cotheme --version``
import no command module and no service (``cli/group.py``); a command's module is imported when the
command runs or its own ``--help`` is asked for. The one-line help here is the first paragraph of the
command's docstring (or its group's ``help=``); a test checks that they agree.

Must not import anything: it is data.
"""

from __future__ import annotations

from typing import NamedTuple


class Entry(NamedTuple):
    """A top-level command: ``target`` is ``module:attribute``, a command function, or for a group a
    Typer app or a function returning one."""

    name: str
    help: str
    target: str
    group: bool = False


_C = "cotheme.cli."

#: In the order ``cotheme --help`` lists them: commands, then groups.
COMMANDS: tuple[Entry, ...] = (
    Entry("coders-import", "Whether coders may import files and change interview details (off: leads only; "
          "viewers never).", _C + "documents:coders_import"),
    Entry("serve", "Serve the coding workbench in the browser; prints a URL carrying the access token.",
          _C + "serve:serve"),
    Entry("exemplar", "Mark an extract as an illustrative quote of a theme (shown first in the themes report), "
          "or many at once from a sheet (all rows or none).", _C + "themes:exemplar"),
    Entry("map", "Draw the thematic map: the overarching theme at the centre, themes and subthemes around it.",
          _C + "themes:map_command"),
    Entry("validate", "Check a .qdpx or .qdc file: our own checks, and the REFI-QDA XML Schema when its folder "
          "is known; every problem is printed with its location, and the exit code is 2 when there is an "
          "error.", _C + "exchange:validate"),
    Entry("review", "The codings an edit could not carry with confidence; place or remove them.",
          _C + "revisions:review"),
    Entry("check", "Check a project's integrity: the database file, references, every coding's quote, the "
          "search index.", _C + "safety:check"),
    Entry("backup", "Back a project up while it stays in use: a project file keeps its encryption; a "
          "PostgreSQL database is written as a cotheme project file from one consistent snapshot.",
          _C + "safety:backup"),
    Entry("restore", "Restore a backup into a project file or an empty PostgreSQL database (--force replaces "
          "a project).", _C + "safety:restore"),
    Entry("encrypt", "Encrypt a project file in place (SQLCipher); the passphrase is asked for twice, or read "
          "from COTHEME_PASSPHRASE. Without the passphrase nobody, you included, can open the project "
          "again.", _C + "safety:encrypt"),
    Entry("decrypt", "Turn an encrypted project file back into a plain one.", _C + "safety:decrypt"),
    Entry("index", "Embed the turns and sentences of every transcript not embedded yet (changed ones again), "
          "locally.", _C + "assist:index"),
    Entry("suggest", "Suggest codes for a passage, best first, from each code's definition, notes and coded "
          "extracts.", _C + "assist:suggest"),
    Entry("similar", "Passages across all transcripts most like a code's extracts and definition, not yet "
          "coded with it.", _C + "assist:similar"),
    Entry("agreement", "Agreement between coders per code and overall: percent agreement, Cohen's and "
          "Fleiss' kappa, Gwet's AC1, Krippendorff's alpha and alpha_u, with bootstrap 95% intervals. In "
          "reflexive mode only the differences.", _C + "agreement:agreement"),
    Entry("reconcile", "Compare two coders on one document (agree, differ, only one coded), or take a "
          "decision into the consensus layer (codings of the member \"consensus\"): --accept, --merge or "
          "--reject. The originals never change; each decision is a memo naming the codings it came from.",
          _C + "agreement:reconcile"),
    Entry("reflexive-mode", "The setting \"reflexive mode\": when on, agreement shows only the differences, "
          "never a score.", _C + "agreement:reflexive_mode"),
    Entry("assign", "Assign a document to one or several coders (or take it back).", _C + "assign:assign"),
    Entry("progress", "Progress per coder and document: share of turns with at least one of the coder's "
          "codings.", _C + "assign:progress"),
    Entry("checkout", "Make a member's working copy for coding offline: their transcripts, the codebook, their "
          "own codings.", _C + "checkout:checkout"),
    Entry("checkin", "Merge a working copy back: new codings and memos added, codebook changes proposed, "
          "conflicts queued.", _C + "checkout:checkin"),
    Entry("checkins", "What check-ins left for a lead: codebook proposals and conflicts; accept or reject each.",
          _C + "checkout:checkins"),
    Entry("calibrate", "Calibration sessions: everyone codes one transcript blind, then it is revealed side by "
          "side to agree.", _C + "calibrate:calibrate"),
    Entry("audit", "The audit trail: every change to codings, documents, cases, members and the codebook.",
          _C + "history:audit"),
    Entry("figure", "Draw a figure as SVG, PNG or PDF (colours readable in greyscale and by colour-blind "
          "readers).", _C + "figures:figure"),
    Entry("init", "Create a new project file (or set up an empty PostgreSQL database).", _C + "core:init"),
    Entry("import", "Import transcripts, all or none, in one transaction (or REFI-QDA .qdpx projects, merged "
          "by GUID).", _C + "core:import_files"),
    Entry("code", "Apply a code to a span of a transcript, or many codings at once from a sheet (all rows or "
          "none).", _C + "core:code"),
    Entry("codings", "List extracts with document, case, speaker, code, coder, offsets and text; a passage one "
          "coder coded with several codes (a code and its sub-code) is one row, its codes and coding ids "
          "joined.", _C + "core:codings"),
    Entry("search", "Full-text search across transcripts and memos.", _C + "core:search"),
    Entry("demo", "Build the fictional demo study into a fresh project file and serve it on 127.0.0.1.",
          _C + "core:demo"),
    Entry("docs", "List and inspect the transcripts of a project.", _C + "groups:docs", group=True),
    Entry("cases", "Participants (cases) and their attributes.", _C + "cases:app", group=True),
    Entry("codebook", "The codebook (coding frame).", _C + "groups:codebook", group=True),
    Entry("members", "The people on the team.", _C + "team:members_app", group=True),
    Entry("memo", "Memos on the project, a document, a code or a coding.", _C + "team:memo_app", group=True),
    Entry("study", "The study's metadata and the fields that answer the COREQ checklist.", _C + "team:study_app",
          group=True),
    Entry("themes", "Themes: import, list and export the theme hierarchy.", _C + "themes:app", group=True),
    Entry("report", "Reports for the write-up: sample, themes, matrix, cooccurrence, methods, deid-risk.",
          _C + "reports:app", group=True),
    Entry("targets", "Purposive-sampling targets kept in the project.", _C + "reports:targets_app", group=True),
    Entry("export", "Export a project for other programs.", _C + "exchange:app", group=True),
    Entry("deid", "De-identify transcripts: scan, review, apply.", _C + "deid:app", group=True),
    Entry("assist", "Private coding suggestions: turn them on or off, accept, candidate themes.",
          _C + "assist_drafts:app", group=True),
    Entry("user", "Accounts on a team server: members who log in.", _C + "users:app", group=True),
    Entry("extracts", "Extracts for analysis elsewhere: CSV or XLSX.", _C + "extracts:app", group=True),
    Entry("attributes", "Attribute definitions: labels, category orders and Table 1.", _C + "attributes:app",
          group=True),
)
