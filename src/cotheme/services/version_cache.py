"""Answers kept in this process while the project's data version holds: the codebook with its counts
and a transcript's codings, which every reader page and most other pages ask for again unchanged.

Owns ``cached``: the key is (open store, data version, restricted viewer, what, its arguments). The data
version (``storage/data_version.py``) rises with every committed write by any process and is read
*before* the answer is computed, so an answer is reused only while nothing has changed since it was
read; another process's write is seen at the next request. Large answers (``MAX_ITEMS``) are not kept:
the server's resident size must not grow by the 9,000 extracts of a retrieval. Callers get their own
list (a shallow copy) of frozen items. The store is named by a number given when this process first
asks about it, not by its path: a project made again at the same path starts its version again from
1. Must not decide who may see what: ``visibility.scope()`` is part
of the key and the computation itself applies the rules.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from cotheme.storage import data_version, visibility
from cotheme.storage.store import Store

T = TypeVar("T")
#: Answers kept at once (a few pages' worth for a few viewers).
KEEP = 64
#: A list longer than this is computed each time instead (a transcript's 1,000 codings are kept; a
#: retrieval of 9,000 extracts, ~8 MB of objects, is not).
MAX_ITEMS = 2_500

_CACHE: OrderedDict[tuple[Hashable, ...], list[object]] = OrderedDict()
_LOCK = threading.Lock()
_STORES: weakref.WeakKeyDictionary[Store, int] = weakref.WeakKeyDictionary()
_NUMBERS = itertools.count(1)


def store_number(store: Store) -> int:
    """This process's number for the open ``store`` (a project made again at a path gets a new one)."""
    with _LOCK:
        found = _STORES.get(store)
        if found is None:
            found = _STORES[store] = next(_NUMBERS)
        return found


def cached(store: Store, what: str, args: Hashable, compute: Callable[[], list[T]]) -> list[T]:
    """``compute()``, or the answer it gave under the same data version, viewer and arguments."""
    with store.read() as conn:
        version = data_version.current(conn)
    if version is None:
        return compute()
    key = (store_number(store), version, visibility.scope(), what, args)
    with _LOCK:
        found = _CACHE.get(key)
        if found is not None:
            _CACHE.move_to_end(key)
            return list(found)  # type: ignore[arg-type]
    answer = compute()
    if len(answer) <= MAX_ITEMS:
        with _LOCK:
            _CACHE[key] = list(answer)
            while len(_CACHE) > KEEP:
                _CACHE.popitem(last=False)
    return answer


def clear() -> None:
    """Forget every kept answer (tests; a restored project file keeps its path)."""
    with _LOCK:
        _CACHE.clear()
