"""Transcribing a recording into a document: sound in, a speaker-labelled, timed transcript out, stored
with its recording in one transaction.

Owns the use case end to end: decode (``transcribe_audio``), transcribe with faster-whisper on the CPU
(CTranslate2, int8, word timestamps, Silero voice-activity filter, the checked model of
``transcribe_model``), cut the words into stretches at sentence ends and pauses, label each stretch
with a speaker (``transcribe_speakers``), build turns ("Speaker 1", "Speaker 2", each with its start and
end in milliseconds) and store the document and its recording together. Progress reports seconds of
sound done, seconds in all and the time left; ``cancelled()`` is asked between segments, and a
cancelled or failed transcription stores nothing.

Nothing here reaches the network: the models are read from their installed packages' folders.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from io import BytesIO
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.documents import SourceInfo
from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import Cancelled, InvalidArgument
from cotheme.formats.turns import TurnBuilder
from cotheme.services import recordings, transcribe_audio, transcribe_model, transcribe_speakers
from cotheme.services.importing import ImportedDocument, SourceFile, store_parsed
from cotheme.storage.store import Store

MAX_SPEAKERS = 6
#: A pause between two words at least this long (seconds) may separate two speakers: in interview
#: recordings a change of speaker nearly always leaves a gap of a third of a second or more.
PAUSE = 0.35
_ENDS = (".", "?", "!")


@dataclass(frozen=True, slots=True)
class Step:
    """Where a transcription is: ``stage`` (decoding, loading, transcribing, speakers, storing), seconds
    of sound done of ``total_s``, the estimated seconds left (``None`` until it can be told), and the
    recording's file name."""

    stage: str
    done_s: float
    total_s: float
    left_s: float | None = None
    file: str = ""


Ticker = Callable[[Step], None]


@dataclass(frozen=True, slots=True)
class Stretch:
    """Words of one speaker between two pauses: their text, start and end (seconds)."""

    text: str
    start: float
    end: float


def check_options(model: str, language: str, speakers: int) -> None:
    transcribe_model.check_name(model)
    if not 1 <= speakers <= MAX_SPEAKERS:
        raise InvalidArgument(f"--speakers must be from 1 to {MAX_SPEAKERS}, not {speakers}.")
    if model.endswith(".en") and language != "en":
        raise InvalidArgument(f"The model {model} transcribes English only; use --model base for --language {language}.")
    if not (2 <= len(language) <= 3 and language.isalpha() and language.islower()):
        raise InvalidArgument(f"'{language}' is not a language code; write e.g. --language en.")
    try:
        from faster_whisper.tokenizer import _LANGUAGE_CODES as known
    except ImportError:  # not installed: locating the model says how to install it
        return
    if language not in known:
        raise InvalidArgument(f"'{language}' is not a language Whisper knows; write a code such as en, fr or de.")


def transcribe_recordings(
    store: Store,
    items: Sequence[SourceFile],
    *,
    speakers: int = 2,
    model: str = "tiny.en",
    language: str = "en",
    case_pid: str | None = None,
    allow_duplicate: bool = False,
    progress: Ticker | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[ImportedDocument]:
    """Transcribe recordings and store each as a document linked to its recording: all of them in one
    transaction once every one is transcribed, or none (a refusal, an error or a cancel stores nothing)."""
    check_options(model, language, speakers)
    tick = progress or (lambda step: None)
    done: list[tuple[SourceFile, ParsedTranscript, int]] = []
    for item in items:
        tick(Step("decoding", 0.0, 0.0, None, item.name))
        samples = transcribe_audio.decode(item.name, item.content(), cancelled)
        total = len(samples) / transcribe_audio.RATE
        _stop_if(cancelled)
        tick(Step("loading", 0.0, total, None, item.name))
        parsed = transcribe_samples(samples, item.name, speakers=speakers, model=model, language=language,
                                    progress=lambda step, name=item.name: tick(replace(step, file=name)),
                                    cancelled=cancelled)
        del samples  # an hour of sound is 230 MB as samples: let it go before the next file
        done.append((item, parsed, round(total * 1000)))
    seconds = sum(ms for _, _, ms in done) / 1000
    tick(Step("storing", seconds, seconds, 0.0, ", ".join(item.name for item, _, _ in done)))
    with store.write() as conn:
        stored = []
        for item, parsed, duration_ms in done:
            document = store_parsed(conn, replace(item, data=b"", path=None, source=_noted(item, parsed)), parsed,
                                    case_pid=case_pid, allow_duplicate=allow_duplicate)
            _attach(conn, document.id, item, duration_ms)
            stored.append(document)
        _stop_if(cancelled)  # a cancel that came while storing still leaves the project as it was
    return stored


def transcribe_samples(
    samples: Any, name: str, *, speakers: int = 2, model: str = "tiny.en", language: str = "en",
    progress: Ticker | None = None, cancelled: Callable[[], bool] = lambda: False,
) -> ParsedTranscript:
    """The transcript of 16 kHz mono samples, turns labelled "Speaker 1".."Speaker N"."""
    tick = progress or (lambda step: None)
    total = len(samples) / transcribe_audio.RATE
    checked = transcribe_model.locate(model)  # every file checked by hash before it is loaded
    stretches = _stretches(_segments(samples, checked, language, total, tick, cancelled))
    _stop_if(cancelled)
    tick(Step("speakers", total, total, None))
    labels = _speakers(samples, stretches, speakers, cancelled)
    _stop_if(cancelled)
    builder = TurnBuilder()
    for stretch, label in zip(stretches, labels, strict=True):
        builder.add(f"Speaker {label + 1}", stretch.text, round(stretch.start * 1000), round(stretch.end * 1000))
    return builder.build(name, format="recording", metadata={
        "model": checked.name, "model_sha256": checked.weights_sha256, "language": language,
        "speakers": str(speakers)})


def _noted(item: SourceFile, parsed: ParsedTranscript) -> SourceInfo:
    """The interview details with how the transcript was made in the field notes (when they are empty):
    the methods section and a reader checking the transcript need to know it came from a model."""
    if item.source.field_notes:
        return item.source
    made = parsed.metadata
    note = (f"Transcribed by cotheme with Whisper {made['model']} (model.bin SHA-256 {made['model_sha256']}), "
            f"{made['speakers']} speakers, language {made['language']}; check it against the recording.")
    return replace(item.source, field_notes=note)


def _stop_if(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise Cancelled("The transcription was stopped; nothing was imported.")


def _segments(samples: Any, checked: transcribe_model.ModelFolder, language: str, total: float, tick: Ticker,
              cancelled: Callable[[], bool]) -> list[Any]:
    """Whisper's segments with their words, reporting progress and stopping when cancelled."""
    whisper = _whisper(checked)
    began = time.monotonic()
    found, info = whisper.transcribe(samples, language=language, word_timestamps=True, vad_filter=True,
                                     beam_size=5, condition_on_previous_text=False)
    segments = []
    for segment in found:
        segments.append(segment)
        _stop_if(cancelled)
        done = min(float(segment.end), total)
        spent = time.monotonic() - began
        left = spent / done * (total - done) if done > 1 else None
        tick(Step("transcribing", done, total, left))
    return segments


_LOADED: dict[str, Any] = {}


def _whisper(checked: transcribe_model.ModelFolder) -> Any:
    """The faster-whisper model of a checked folder, loaded once per process."""
    key = f"{checked.folder}:{checked.weights_sha256}"
    if key not in _LOADED:
        from faster_whisper import WhisperModel

        _LOADED.clear()  # one model held at a time
        threads = max(1, min(os.cpu_count() or 1, 8))
        _LOADED[key] = WhisperModel(str(checked.folder), device="cpu", compute_type="int8", cpu_threads=threads,
                                    local_files_only=True)
    return _LOADED[key]


def _stretches(segments: list[Any]) -> list[Stretch]:
    """The words cut at sentence ends and pauses of ``PAUSE`` seconds: each piece is one speaker's."""
    out: list[Stretch] = []
    for segment in segments:
        words = list(segment.words or [])
        if not words:
            if segment.text.strip():
                out.append(Stretch(segment.text.strip(), float(segment.start), float(segment.end)))
            continue
        current: list[Any] = []
        for word in words:
            if current and (word.start - current[-1].end >= PAUSE or current[-1].word.strip().endswith(_ENDS)):
                out.append(_join(current))
                current = []
            current.append(word)
        if current:
            out.append(_join(current))
    return [s for s in out if s.text]


def _join(words: list[Any]) -> Stretch:
    return Stretch("".join(w.word for w in words).strip(), float(words[0].start), float(words[-1].end))


def _speakers(samples: Any, stretches: list[Stretch], speakers: int, cancelled: Callable[[], bool]) -> list[int]:
    if speakers <= 1 or not stretches:
        return [0] * len(stretches)
    spans = [(s.start, s.end) for s in stretches]
    prints = transcribe_speakers.voice_prints(samples, spans, cancelled)
    return transcribe_speakers.cluster(prints, [s.end - s.start for s in stretches], speakers)


def _attach(conn: Connection, document_id: int, item: SourceFile, duration_ms: int) -> None:
    """Store the recording with its document, inside the same transaction, a chunk at a time."""
    if item.path is not None and not item.data:
        with item.path.open("rb") as source:
            recordings.attach_recording(conn, document_id, source, filename=item.name, duration_ms=duration_ms)
        return
    recordings.attach_recording(conn, document_id, BytesIO(item.data), filename=item.name, duration_ms=duration_ms)
