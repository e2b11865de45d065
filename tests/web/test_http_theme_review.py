"""A theme's review page and the bulk-exemplar and themes-report options over HTTP, on the demo study:
each passage once with all its coders, grouping by participant, memos on codings with their extract."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cotheme.services.project import Project
from tests.web.conftest import client_for, csrf

DOUBLE = "I just fell through the middle."


@pytest.fixture
def demo(demo_path: Path, tmp_path: Path) -> Iterator[Project]:
    copy = tmp_path / "demo.cotheme"
    copy.write_bytes(demo_path.read_bytes())
    with Project.open(copy) as project:
        yield project


def _theme(project: Project, name: str) -> int:
    return next(s.theme.id for s in project.themes() if s.theme.name == name)


def test_a_double_coded_passage_appears_once_with_both_coders(demo: Project) -> None:
    client = client_for(demo)
    twice = [c for c in demo.codings(code="Waiting and being turned away") if DOUBLE in c.text]
    assert {c.coder for c in twice} == {"Sam Okafor", "Rowan Pike"}  # the demo double-coded it
    page = client.get(f"/themes/{_theme(demo, 'Falling between services')}").text
    assert page.count(DOUBLE) == 1
    article = next(a for a in page.split("<article")[1:] if DOUBLE in a)
    assert "coded by Rowan Pike and Sam Okafor" in article
    assert set(article.split('data-coding-ids="')[1].split('"')[0].split(",")) == {str(c.id) for c in twice}


def test_grouping_by_participant_and_code(demo: Project) -> None:
    client = client_for(demo)
    top = _theme(demo, "Support that holds")
    by_participant = client.get(f"/themes/{top}?group=participant").text
    headings = re.findall(r"<summary><h3>([^<]+)</h3>", by_participant)
    assert headings == ["P01", "P02", "P03", "P04", "P05", "P06"]
    assert '<option value="participant" selected>' in by_participant
    by_code = client.get(f"/themes/{top}?group=code").text
    assert "Access and using the service/Waiting and being turned away" in re.findall(r"<summary><h3>([^<]+)</h3>", by_code)
    by_subtheme = client.get(f"/themes/{top}").text
    assert re.findall(r"<summary><h3>([^<]+)</h3>", by_subtheme)[:2] == ["Getting in the door", "Being known"]
    # Each group shows its first five passages; the rest wait behind "Show all N".
    first = by_subtheme.split('<details class="passage-group"')[1]
    assert first.count("<article") > 5 and first.count("data-more") == first.count("<article") - 5
    assert re.search(r"Show all \d+", first)
    refused = client.get(f"/themes/{top}?group=colour")
    assert refused.status_code == 422 and "subtheme, participant or code" in refused.text


def test_a_memo_on_a_coding_appears_with_its_extract(demo: Project) -> None:
    coding = next(c for c in demo.codings(code="Waiting and being turned away") if DOUBLE in c.text)
    demo.add_memo("Both of us coded *this*; keep it for the write-up.", target="coding", target_id=coding.id,
                  author="Rowan Pike")
    page = client_for(demo).get(f"/themes/{_theme(demo, 'Falling between services')}").text
    article = next(a for a in page.split("<article")[1:] if DOUBLE in a)
    assert "Memo by Rowan Pike on this coding" in article and "<em>this</em>" in article


def test_bulk_exemplars_all_or_none(demo: Project) -> None:
    client = client_for(demo)
    theme = _theme(demo, "Finding a way in")
    ids = [c.id for c in demo.codings(code="Referral routes")][:3]
    path = f"/api/v1/themes/{theme}/exemplars/bulk"
    marked = client.post(path, json={"coding_ids": ids}, headers=csrf(client))
    assert marked.status_code == 200 and marked.json()["changed"] == 3 and marked.json()["exemplar_ids"] == ids
    refused = client.post(path, json={"coding_ids": [ids[0], 999_999], "remove": True}, headers=csrf(client))
    assert refused.status_code == 404 and "no coding 999999" in refused.json()["error"]
    assert [e.coding_id for e in demo.exemplars(theme)] == ids  # nothing unmarked
    unmarked = client.post(path, json={"coding_ids": ids[:2], "remove": True}, headers=csrf(client))
    assert unmarked.json() == {"changed": 2, "unchanged": 0, "exemplar_ids": ids[2:]}


def test_themes_report_options(demo: Project) -> None:
    client = client_for(demo)
    url = "/api/v1/reports/themes?format=json&max_quotes=1&attributes=gender&attributes=age_band"
    report = client.get(url).json()
    quotes = [q for t in report["themes"] for q in t["quotes"]]
    assert quotes and all(len(t["quotes"]) <= 1 for t in report["themes"])
    assert all(re.fullmatch(r"P0\d, [a-z-]+, \d\d–\d\d", q["attribution"]) for q in quotes)
    ids = [q["coding_id"] for q in quotes]
    assert len(ids) == len(set(ids))
    bare = client.get("/api/v1/reports/themes?format=md&attribution=none").text
    assert "> — " not in bare
    refused = client.get("/api/v1/reports/themes?format=md&attribution=id-attributes")
    assert refused.status_code == 422 and "--attributes" in refused.json()["error"]
    page = client.get("/reports").text
    assert 'id="themes-report"' in page and 'name="max_quotes"' in page and 'value="id-attributes"' in page


def test_review_api_groups_passages(demo: Project) -> None:
    client = client_for(demo)
    top = _theme(demo, "Support that holds")
    review = client.get(f"/api/v1/themes/{top}/review?group=participant").json()
    groups = review["passages"]["groups"]
    assert review["passages"]["by"] == "participant" and [g["key"] for g in groups][:2] == ["P01", "P02"]
    passages = [p for g in groups for p in g["passages"]]
    assert len(passages) == review["passage_count"] < review["extracts"]
    assert sum(len(p["extracts"]) for p in passages) == review["extracts"]
