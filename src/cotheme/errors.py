"""The one exception tree of cotheme.

Every error a user can cause carries one clear sentence that names the file, line or entry where
possible and says what to do. The CLI prints that sentence and exits 2; the web API answers 4xx.
Anything that is not a ``CothemeError`` is a bug and may show a traceback.

::

    CothemeError                    base of everything cotheme raises on purpose
    ├── InputError                  bad bytes or text from a file the user gave us
    │   ├── UnsupportedFormat       a file type no reader handles
    │   └── TooLarge                over the configured size limit
    ├── NotFound                    a document, code, case, member or coding that does not exist
    ├── Conflict                    would break a rule: duplicate import, name taken, overlap of ids
    ├── InvalidArgument             an argument that cannot be right (offsets outside the text, ...)
    ├── Cancelled                   the user stopped a long action (a transcription); nothing was changed
    ├── Forbidden                   the acting member's permission does not allow it
    │   └── TooManyAttempts         too many failed logins; wait and try again
    └── ProjectError                the project file or database cannot be opened or is not cotheme's
        ├── PassphraseRequired      an encrypted project opened without its passphrase
        └── ProjectBusy             another process held the write lock for longer than cotheme waits

This module must not import anything from cotheme: every layer may import it.
"""

from __future__ import annotations

__all__ = [
    "Cancelled",
    "Conflict",
    "CothemeError",
    "Forbidden",
    "InputError",
    "InvalidArgument",
    "NotFound",
    "PassphraseRequired",
    "ProjectBusy",
    "ProjectError",
    "TooLarge",
    "TooManyAttempts",
    "UnsupportedFormat",
]


class CothemeError(Exception):
    """Base of every error cotheme raises on purpose; ``str(err)`` is the user-facing sentence."""

    exit_code: int = 2


class InputError(CothemeError):
    """A file's content cannot be read: empty, garbage, wrong encoding, malformed structure."""


class UnsupportedFormat(InputError):
    """No reader is registered for this kind of file."""


class TooLarge(InputError):
    """The input is over the configured size limit."""


class NotFound(CothemeError):
    """A named or numbered thing does not exist in the project."""


class Conflict(CothemeError):
    """The action would break a rule of the project (duplicate, name taken, ...)."""


class InvalidArgument(CothemeError):
    """An argument that cannot be right, such as offsets outside the text."""


class Cancelled(CothemeError):
    """The user stopped a long action (Ctrl-C, a cancel button); it left the project as it was."""

    exit_code = 130  # what a shell reports for a command stopped with Ctrl-C


class Forbidden(CothemeError):
    """The acting member may not do this (a coder managing the codebook, a viewer coding, ...)."""


class TooManyAttempts(Forbidden):
    """Too many failed logins from an address: it waits ``retry_after`` seconds before the next."""

    def __init__(self, message: str, *, retry_after: int = 0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ProjectError(CothemeError):
    """The project cannot be opened, created or migrated."""


class PassphraseRequired(ProjectError):
    """The project file is encrypted (or not a project) and no passphrase was given."""


class ProjectBusy(ProjectError):
    """Another process (a server, a command, a script) kept the project locked for longer than cotheme
    waits for it: nothing is wrong with the project, try again. The CLI exits 75 (EX_TEMPFAIL, "try
    again later"), the web API answers 503 with ``Retry-After``."""

    exit_code = 75
    #: Seconds a client is told to wait before trying again (a lock held past cotheme's wait is a long
    #: import or a stuck program: seconds, not milliseconds).
    retry_after = 5
