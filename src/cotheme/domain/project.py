"""The study itself and the people who work on it.

Owns ``ProjectInfo`` (title, description and the study metadata the methods report uses),
``Member`` and the permission levels. Accounts and login belong to a later layer. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cotheme.domain.cases import DEFAULT_MISSING_LABEL
from cotheme.errors import InvalidArgument


class Permission(StrEnum):
    """What a member may do: leads manage, coders code and write memos, viewers read."""

    LEAD = "lead"
    CODER = "coder"
    VIEWER = "viewer"

    @classmethod
    def parse(cls, value: str) -> Permission:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise InvalidArgument(
                f"'{value}' is not a permission; use one of lead, coder, viewer."
            ) from None


#: Fields of the study metadata, in the order a methods section reports them.
STUDY_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "research_question",
    "ethics_reference",
    "recruitment_period",
    "interview_modes",
    "software_version",
    "missing_label",
)


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """Title, description and study metadata of a project."""

    title: str = "Untitled study"
    description: str = ""
    research_question: str = ""
    ethics_reference: str = ""
    recruitment_period: str = ""
    interview_modes: str = ""
    software_version: str = ""
    missing_label: str = DEFAULT_MISSING_LABEL


@dataclass(frozen=True, slots=True)
class Member:
    """A person on the team: display name, co-production role label and permission level."""

    id: int
    name: str
    role_label: str = ""
    permission: Permission = Permission.CODER
