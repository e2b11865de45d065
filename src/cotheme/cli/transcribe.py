"""``cotheme import`` of recordings: transcribe them (with a progress bar and the time left), then store
each as a document linked to its recording, all or none. Ctrl-C stops it and leaves the project as it was.

Parses nothing of its own beyond the import command's options and prints what the service returns.
"""

from __future__ import annotations

from collections.abc import Sequence

from cotheme.cli.context import opened
from cotheme.cli.output import err, print_json, print_table
from cotheme.domain.plural import counted
from cotheme.errors import Cancelled, InvalidArgument
from cotheme.services.transcribe_audio import is_recording
from cotheme.services.transcription import Step

_STAGES = {"decoding": "Decoding", "loading": "Loading the model for", "transcribing": "Transcribing",
           "speakers": "Telling speakers apart in", "storing": "Storing"}


def import_recordings(
    project: str, files: Sequence[str], *, case: str | None, speaker: Sequence[str], verbatim: bool, merge: bool,
    allow_duplicate: bool, recording: str | None, speakers: int | None, model: str | None, language: str | None, as_json: bool,
) -> None:
    """Transcribe ``files`` (every one a recording) into ``project``."""
    if not all(is_recording(f) for f in files):
        raise InvalidArgument("Import recordings on their own: a recording and transcripts cannot be imported "
                              "in one command. Import the transcripts with a second 'cotheme import'.")
    if speaker or verbatim or merge or recording:
        raise InvalidArgument("--speaker, --verbatim, --merge and --recording apply to transcripts; a recording's speakers are "
                              "'Speaker 1', 'Speaker 2', ...: rename them with 'cotheme docs speakers'.")
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    with opened(project) as p, Progress(
        TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
        TimeRemainingColumn(), console=err, transient=True,
    ) as bar:
        shown = {"key": ("", ""), "task": bar.add_task("Starting", total=None)}

        def show(step: Step) -> None:
            # One bar per stage and file: only transcribing has a length to measure (seconds of sound).
            label = f"{_STAGES.get(step.stage, step.stage)} {step.file}".strip()
            measured = step.stage == "transcribing" and step.total_s > 0
            if shown["key"] != (step.stage, step.file):
                bar.update(shown["task"], visible=False)
                shown["task"] = bar.add_task(label, total=step.total_s if measured else None)
                shown["key"] = (step.stage, step.file)
            if measured:
                bar.update(shown["task"], completed=step.done_s)

        try:
            _load_runtime()
            imported = p.documents.transcribe_files(
                files, speakers=2 if speakers is None else speakers, model=model or "tiny.en",
                language=language or "en", case=case, allow_duplicate=allow_duplicate, progress=show,
            )
        except KeyboardInterrupt:
            raise Cancelled("The transcription was stopped; nothing was imported.") from None
    if as_json:
        print_json(imported)
        return
    print_table(
        f"Imported {counted(len(imported), 'document')}",
        ["id", "title", "file", "case", "turns", "speakers"],
        ([d.id, d.title, d.file, d.case_pid, d.turns, ", ".join(d.speakers)] for d in imported),
    )


def _load_runtime() -> None:
    """Import the Whisper runtime with Ctrl-C held back: a signal that lands inside CTranslate2's native
    module set-up leaves it half registered (an ImportError, not a KeyboardInterrupt); held back, it is
    raised as soon as the import is done, where it stops the transcription cleanly."""
    import signal

    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        import faster_whisper  # noqa: F401
    except ImportError:
        pass  # the transcribe extra is missing: the service says so in its own sentence
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
