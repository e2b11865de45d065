"""``CheckoutMixin``: offline working copies for ``Project`` — make one, bring one back, and the lead's
queue of what came back for a decision."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cotheme.lazy import lazy
from cotheme.errors import InvalidArgument
from cotheme.storage import checkout as repo

if TYPE_CHECKING:
    from cotheme.storage.store import Store
    from cotheme.domain.checkout import CheckinSummary, MergeItem
    from cotheme.services import checkin
    from cotheme.services import checkout
    from cotheme.services import merge_queue
else:
    checkin = lazy("cotheme.services.checkin")
    checkout = lazy("cotheme.services.checkout")
    merge_queue = lazy("cotheme.services.merge_queue")


class CheckoutMixin:
    _store: Store

    def checkout(self, out: str | Path, member: str, documents: Sequence[str] | None = None,
                 origin: str | None = None) -> checkout.CheckoutResult:
        """Write ``member``'s working copy to the new project file ``out``: their assigned transcripts
        (or ``documents``), the codebook, their own codings and memos (``origin``: where it checks in to,
        if not this project's location)."""
        return checkout.checkout(self._store, Path(out), member, documents, origin)

    def checkin(self, copy: str | Path, passphrase: str | None = None, shown_as: str | None = None) -> CheckinSummary:
        """Merge the working copy ``copy`` back: new work added, codebook changes proposed, conflicts
        queued; nothing overwritten (``shown_as``: the copy's name in sentences, e.g. an upload's)."""
        return checkin.checkin(self._store, Path(copy), passphrase, shown_as)

    def copy_owner(self, copy: str | Path, passphrase: str | None = None, shown_as: str | None = None) -> str:
        """The member a working copy was made for."""
        store, baseline = checkin.read_copy(Path(copy), passphrase, shown_as)
        store.close()
        return baseline.member

    def copy_origin(self) -> str:
        """Where this working copy checks in to (its project file's path, or database URL)."""
        with self._store.read() as conn:
            baseline = repo.read_baseline(conn)
        if baseline is None:
            raise InvalidArgument(f"{self._store.target} is not a working copy made by 'cotheme checkout'.")
        return baseline.origin

    def checkouts(self) -> list[dict[str, Any]]:
        """The working copies made from this project, newest first."""
        with self._store.read() as conn:
            return repo.list_checkouts(conn)

    def merge_items(self, status: str | None = "open") -> list[MergeItem]:
        """What check-ins left for a lead: proposals and conflicts (``None``: every status)."""
        return merge_queue.list_items(self._store, status)

    def decide_merge_item(self, item_id: int, accept: bool, *, move_to: str | int | None = None) -> MergeItem:
        """Accept (take the copy's side) or reject (keep the project's) a queued item."""
        return merge_queue.decide(self._store, item_id, accept, move_to=move_to)
