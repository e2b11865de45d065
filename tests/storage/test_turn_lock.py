"""The lock a process's writers take turns at: first come, first served, reentrant, bounded."""

from __future__ import annotations

import threading
import time

from cotheme.storage.busy import TurnLock


def test_waiters_get_the_lock_in_the_order_they_came() -> None:
    lock = TurnLock()
    order: list[int] = []
    assert lock.acquire()
    threads = []
    for n in range(6):
        thread = threading.Thread(target=lambda n=n: (lock.acquire(), order.append(n), lock.release()))
        thread.start()
        threads.append(thread)
        time.sleep(0.05)  # each one queued before the next comes
    lock.release()
    for thread in threads:
        thread.join(timeout=10)
    assert order == list(range(6))


def test_it_is_reentrant_and_a_timed_out_waiter_leaves_the_queue() -> None:
    lock = TurnLock()
    assert lock.acquire() and lock.acquire()
    lock.release()
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(lock.acquire(timeout=0.1)))
    waiter.start()
    waiter.join(timeout=10)
    assert got == [False]
    lock.release()
    late = threading.Thread(target=lambda: got.append(lock.acquire(timeout=1)))
    late.start()
    late.join(timeout=10)
    assert got == [False, True]
