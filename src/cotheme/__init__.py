"""cotheme: a workbench for co-produced thematic analysis of interview studies.

The public Python API::

    import cotheme
    with cotheme.create_project("study.cotheme", title="My study") as project:
        project.documents.import_files(["P01.txt"])
        project.codings.add("P01", "Trust", quote="I felt listened to", create=True)
        frame = project.codings.frame()
"""

from __future__ import annotations

__version__ = "0.1.0"

from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from cotheme.errors import (  # noqa: E402
    Cancelled,
    Conflict,
    CothemeError,
    Forbidden,
    InputError,
    InvalidArgument,
    NotFound,
    PassphraseRequired,
    ProjectBusy,
    ProjectError,
    TooLarge,
    TooManyAttempts,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from cotheme.services.project import Project

__all__ = [
    "Cancelled",
    "Conflict",
    "CothemeError",
    "Forbidden",
    "InputError",
    "InvalidArgument",
    "NotFound",
    "PassphraseRequired",
    "Project",
    "ProjectBusy",
    "ProjectError",
    "TooLarge",
    "TooManyAttempts",
    "UnsupportedFormat",
    "__version__",
    "create_project",
    "open_project",
]


def create_project(
    target: str | Path, *, title: str | None = None, lead: str | None = None, passphrase: str | None = None
) -> Project:
    """Create a project: a new ``.cotheme`` file path (encrypted when a ``passphrase`` is given), or an
    empty PostgreSQL database URL."""
    from cotheme.services.project import Project

    return Project.create(target, title=title, lead=lead, passphrase=passphrase)


def open_project(target: str | Path, *, passphrase: str | None = None) -> Project:
    """Open an existing project file or PostgreSQL database; an encrypted file needs its
    ``passphrase`` (else the ``COTHEME_PASSPHRASE`` environment variable)."""
    from cotheme.services.project import Project

    return Project.open(target, passphrase)


def __getattr__(name: str) -> object:
    if name == "Project":
        from cotheme.services.project import Project

        return Project
    raise AttributeError(name)
