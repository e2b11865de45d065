"""``cotheme serve`` and the serving half of ``cotheme demo``: the one place the CLI wires in the web
app (an exception to "cli never imports web" that import-linter's contract names explicitly)."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import ProjectArg, opened_raw
from cotheme.errors import ProjectError
from cotheme.cli.output import err, say
from cotheme.services.project import Project

HostOpt = Annotated[str, typer.Option("--host", help="Address to bind; loopback unless you mean to share.")]
PortOpt = Annotated[int, typer.Option("--port", help="Port to listen on.")]


def run_server(project: Project, host: str, port: int, team: bool = False, workers: int = 1,
               target: str | None = None) -> None:
    from cotheme.web.server import LOOPBACK, serve

    team = team or project.team.team_mode()  # accounts exist, so everyone logs in
    if team and not any(a.has_password and a.active for a in project.team.users()):
        raise ProjectError("A team server needs accounts: add one with 'cotheme user add PROJECT NAME' first.")
    if host not in (LOOPBACK, "localhost", "::1") and not team:
        err.print(
            f"Warning: serving on {host} lets anyone who can reach it and has the token read this project.",
            style="yellow", markup=False, soft_wrap=True,
        )

    def announce(url: str) -> None:
        say(f"cotheme is serving {project.location}" + (" as a team server: everyone logs in" if team else "")
            + (f" from {workers} processes" if workers > 1 else ""))
        say(f"Open {url}")
        say("Press Ctrl+C to stop.")

    serve(project, host=host, port=port, announce=announce, team=team, workers=workers, target=target)


BackupDirOpt = Annotated[str | None, typer.Option("--backup-dir", help="Back the project up into this folder once a day while serving.")]
KeepOpt = Annotated[int, typer.Option("--keep", help="With --backup-dir: how many daily backups to keep.")]


TeamOpt = Annotated[bool, typer.Option("--team", help="Team mode: everyone logs in with an account (automatic once any member has a password).")]
WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", help="Server processes (PostgreSQL only; default: one per two cores, at most 4; a project file: 1).")]


def serve(project: ProjectArg, host: HostOpt = "127.0.0.1", port: PortOpt = 8765,
          backup_dir: BackupDirOpt = None, keep: KeepOpt = 7, team: TeamOpt = False,
          workers: WorkersOpt = None) -> None:
    """Serve the coding workbench in the browser; prints a URL carrying the access token.

    Example: cotheme serve study.cotheme --port 8765

    Example: cotheme serve postgresql://cotheme@db/study --host 0.0.0.0 --backup-dir /srv/backups --keep 14

    Example: cotheme serve postgresql://cotheme@db/study --team --host 0.0.0.0 --workers 4
    """
    from cotheme.services.serving import checked_workers

    processes = checked_workers(project, workers)
    with opened_raw(project) as p:
        schedule = p.safety.backup_schedule(backup_dir, keep) if backup_dir else None
        if schedule is not None:
            schedule.start()
            say(f"Backing up daily into {backup_dir}, keeping the newest {keep}.")
        try:
            run_server(p, host, port, team, processes, project)
        finally:
            if schedule is not None:
                schedule.stop()
