"""The process the crash tests kill: it imports cotheme once, then forks one worker per ``code`` or
``import`` line read on stdin (a fork starts in milliseconds, so dozens of kills fit in seconds).

It prints ``zygote`` once imported, and ``warm`` after a ``warm TARGET`` line (the project opened once
here). A worker prints ``ready PID`` once the project is open, then works: ``code`` codes random spans for
ever, printing each coding's id only after ``Project.code`` returned (its transaction committed);
``import`` imports every file named, all in one transaction, and prints ``imported`` when that returned.
The zygote prints ``done`` when the worker has ended (killed or not). Run as a script by the tests.
"""

from __future__ import annotations

import os
import random
import sys

from cotheme.errors import CothemeError
from cotheme.services.project import Project


def code_forever(target: str) -> None:
    with Project.open(target) as project:
        length = len(project.document("P01").text)
        print(f"ready {os.getpid()}", flush=True)
        rng = random.Random()
        while True:
            start = rng.randrange(0, length - 12)
            try:
                coding = project.code("P01", "Crash", start=start, end=start + rng.randint(1, 12), coder="Lead")
            except CothemeError:
                continue
            sys.stdout.write(f"{coding.id}\n")  # one write: a kill cannot split the number from its newline
            sys.stdout.flush()


def import_all(target: str, files: list[str]) -> None:
    with Project.open(target) as project:
        print(f"ready {os.getpid()}", flush=True)
        project.import_files(files, allow_duplicate=True)
        print("imported", flush=True)


def warm_up(target: str) -> None:
    """Open the project once here, so lazy imports and first-use set-up are done before each fork."""
    with Project.open(target) as project:
        project.documents()


def main() -> None:
    print("zygote", flush=True)
    warmed: set[str] = set()
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[1] not in warmed:
            warm_up(words[1])
            warmed.add(words[1])
        if words[0] == "warm":
            print("warm", flush=True)
            continue
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                if words[0] == "code":
                    code_forever(words[1])
                else:
                    import_all(words[1], words[2:])
            finally:
                sys.stdout.flush()
                os._exit(0)
        os.waitpid(pid, 0)
        # On a line of its own even when the killed worker left half a line (its number written, the
        # newline not yet): "2435done" was once read as neither, and the test waited for ever.
        print("\ndone", flush=True)


if __name__ == "__main__":
    main()
