"""Ten coders applying codings at once through a live team server, on PostgreSQL and on a shared SQLite
file: every acknowledged coding is stored, and no request fails with a server error.

Ten seconds per engine here; ``bench/team_bench.py`` runs a minute and prints the figures.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from cotheme.services.project import Project
from tests.team.conftest import PASSWORD, TEXT
from tests.web.conftest import LiveServer

CODERS = 10
SECONDS = 10.0


def code_for(base: str, name: str, doc: int, code: int, length: int, until: float, tally: Counter[str]) -> None:
    rng = random.Random(name)
    with httpx.Client(base_url=base, timeout=60) as client:
        token = client.post("/api/v1/login", json={"name": name, "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        while time.monotonic() < until:
            start = rng.randrange(0, length - 10)
            response = client.post("/api/v1/codings", headers=headers,
                                   json={"document_id": doc, "code_id": code, "start": start, "end": start + 8})
            tally["ok" if response.status_code == 201 else str(response.status_code)] += 1


def test_ten_coders_at_once(project: Project, tmp_path: Path) -> None:
    names = [f"Coder {i:02d}" for i in range(CODERS)]
    for name in names:
        project.add_user(name, PASSWORD)
    path = tmp_path / "P01.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = project.import_files([path])[0]
    code = project.create_code("Busy")
    length = len(project.document(doc.id).text)
    tallies = {name: Counter[str]() for name in names}
    with LiveServer(project) as base:
        until = time.monotonic() + SECONDS
        threads = [threading.Thread(target=code_for, args=(base, n, doc.id, code.id, length, until, tallies[n]))
                   for n in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 120)
    stored = Counter(e.coder for e in project.codings())
    acknowledged = {n: t["ok"] for n, t in tallies.items()}
    failures = sum((t for t in tallies.values()), Counter[str]())
    failures.pop("ok", None)
    print(f"\n{project.location}: {sum(acknowledged.values())} codings acknowledged in {SECONDS:.0f} s, "
          f"other answers {dict(failures)}")
    assert failures == Counter()
    assert all(n > 0 for n in acknowledged.values())
    assert dict(stored) == acknowledged
