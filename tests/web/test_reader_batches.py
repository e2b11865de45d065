"""The reader's page carries the first screen of a transcript; the turns route gives the rest, in a
compact form that adds up to the whole document and every coding the member may see."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cotheme.services.project import Project
from cotheme.web import reader_data
from tests.web.conftest import client_for


def _long(project: Project, tmp_path: Path, turns: int = 150) -> int:
    lines = [f"{'Interviewer' if i % 2 == 0 else 'P05'}: Turn {i} says café 🙂 and waits a while longer, "
             + "we talked about the service " * 8 for i in range(turns)]
    path = tmp_path / "P05.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    (doc,) = project.import_files([path])
    return doc.id


def test_batches_add_up_to_the_document_and_its_codings(project: Project, tmp_path: Path) -> None:
    doc_id = _long(project, tmp_path)
    doc = project.document(doc_id)
    made = []
    for i in range(0, len(doc.turns), 7):  # one coding inside a turn, one across two turns
        t = doc.turns[i]
        made.append(project.code(doc_id, "Inside", start=t.start + 2, end=t.end - 2, create=True))
        if i + 1 < len(doc.turns):
            made.append(project.code(doc_id, "Across", start=t.end - 10, end=doc.turns[i + 1].start + 8, create=True))
    client = client_for(project)
    page = client.get(f"/documents/{doc_id}").text
    shown = reader_data.first_count(doc)
    assert 0 < shown < len(doc.turns) and page.count('class="turn"') == shown
    assert f'data-from="{shown}"' in page and f'<span id="coding-count">{len(made)}</span>' in page
    first = json.loads(re.search(r'<script type="application/json" id="reader-data">(.*?)</script>', page, re.S)[1])
    assert first["t"] == len(doc.turns) and first["n"] == len(made)
    turns, codings, start = [], [], shown
    while start < len(doc.turns):
        response = client.get(f"/api/v1/documents/{doc_id}/turns?from={start}&limit=50")
        assert b'": ' not in response.content and b'", "' not in response.content and b"null" not in response.content
        batch = response.json()
        assert batch["n"] == len(doc.turns)
        turns += batch["t"]
        codings += [(row, batch["k"]) for row in batch["c"]]
        start += len(batch["t"])
    assert [t[0] for t in turns] == list(range(shown, len(doc.turns)))
    for index, speaker, a, b, clock, text in turns:
        assert (speaker, a, b, text) == (doc.turns[index].speaker, doc.turns[index].start, doc.turns[index].end,
                                         doc.text[a:b]) and clock == ""
    every = [(row, first["k"]) for row in first["c"]] + codings
    assert sorted(row[0] for row, _ in every) == sorted(c.id for c in made)  # each coding exactly once
    by_id = {c.id: c for c in made}
    for row, coders in every:
        c = by_id[row[0]]
        assert row[1:5] == [c.code_id, c.start, c.end, coders.index(c.coder or "")]
        holder = max((t for t in doc.turns if t.start <= c.start), key=lambda t: t.start)
        assert (len(row) == 6) == (c.end > holder.end)  # the text travels only when it leaves its turn
        if len(row) == 6:
            assert row[5] == c.text
    past = client.get(f"/api/v1/documents/{doc_id}/turns?from=9999").json()
    assert past["t"] == [] and past["c"] == []
    assert client.get(f"/api/v1/documents/{doc_id}/turns?limit=501").status_code == 422
    assert client.get("/api/v1/documents/999/turns").status_code == 404


def test_page_weight_is_flat_in_length(project: Project, tmp_path: Path) -> None:
    short = _long(project, tmp_path, 60)
    (tmp_path / "long").mkdir()
    long = _long(project, tmp_path / "long", 600)
    client = client_for(project)
    sizes = [len(client.get(f"/documents/{d}", headers={"Accept-Encoding": "identity"}).content) for d in (short, long)]
    assert sizes[1] < sizes[0] * 1.1, sizes
