"""Who speaks when: each stretch of a transcribed recording labelled with one of N speakers.

Owns the speaker encoder (Resemblyzer 0.1.4's pretrained voice encoder, a 17 MB file shipped inside its
wheel: three LSTM layers over 40-band mel frames giving a 256-number voice print, run here on torch
without importing Resemblyzer's own code, which would pull in librosa and webrtcvad for nothing we use),
the mel frames it reads (computed with numpy as Resemblyzer does with librosa: 25 ms Hann windows every
10 ms, Slaney mel bands), the file's SHA-256 checked before it is loaded, and clustering the voice
prints into N speakers with k-means on the cosine sphere. Speakers are numbered in order of first
speech ("Speaker 1" speaks first).

It must not know about turns, text or storage: stretches of samples in, one speaker number each out.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from cotheme.errors import InputError, NotFound
from cotheme.services.transcribe_model import HOW_TO_INSTALL, sha256_of

ENCODER_PACKAGE = "resemblyzer"
ENCODER_SHA256 = "39373b86598fa3da9fcddee6142382efe09777e8d37dc9c0561f41f0070f134e"
RATE = 16_000
_HOP, _WINDOW, _BANDS = 160, 400, 40  # 10 ms, 25 ms at 16 kHz; 40 mel bands (Resemblyzer's hparams)
_PARTIAL = 160  # frames (1.6 s) per partial utterance, as the encoder was trained
_STEP = 77  # frames between partials: Resemblyzer's rate of 1.3 partials a second
_BATCH = 64  # partials per encoder call
#: Stretches shorter than this (seconds) carry too little voice to place a cluster centre; they are
#: still given the nearest speaker.
MIN_FIT_SECONDS = 1.0


def encoder_path() -> Path:
    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / "pretrained.pt" if locations else None
    if path is None or not path.is_file():
        raise NotFound(f"The speaker model (Resemblyzer 0.1.4) is not installed; {HOW_TO_INSTALL}.")
    return path


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import torch

    path = encoder_path()
    if sha256_of(path) != ENCODER_SHA256:
        raise InputError(
            f"The speaker model does not match its pinned SHA-256 ({path}); reinstall it ({HOW_TO_INSTALL}). "
            "Nothing was transcribed."
        )
    state = torch.load(path, map_location="cpu", weights_only=True)["model_state"]

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lstm = torch.nn.LSTM(_BANDS, 256, 3, batch_first=True)
            self.linear = torch.nn.Linear(256, 256)

        def forward(self, mels: Any) -> Any:
            _, (hidden, _) = self.lstm(mels)
            raw = torch.relu(self.linear(hidden[-1]))
            return raw / torch.norm(raw, dim=1, keepdim=True).clamp_min(1e-9)

    model = Encoder()
    model.load_state_dict({k: v for k, v in state.items() if not k.startswith("similarity_")})
    model.eval()
    return model


@lru_cache(maxsize=1)
def _mel_filters() -> Any:
    """Slaney-style mel filter bank (librosa's default), shape (bands, fft bins)."""
    import numpy as np

    def to_mel(hz: Any) -> Any:
        hz = np.asarray(hz, dtype=np.float64)
        linear = hz / (200.0 / 3)
        return np.where(hz >= 1000.0, 15.0 + np.log(np.maximum(hz, 1e-9) / 1000.0) / (np.log(6.4) / 27.0), linear)

    def to_hz(mel: Any) -> Any:
        return np.where(mel >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0)), mel * (200.0 / 3))

    bins = np.linspace(0, RATE / 2, 1 + _WINDOW // 2)
    edges = to_hz(np.linspace(to_mel(0.0), to_mel(RATE / 2), _BANDS + 2))
    widths, ramps = np.diff(edges), edges[:, None] - bins[None, :]
    lower, upper = -ramps[:-2] / widths[:-1, None], ramps[2:] / widths[1:, None]
    weights = np.maximum(0, np.minimum(lower, upper))
    return (weights * (2.0 / (edges[2:] - edges[:-2]))[:, None]).astype(np.float32)


def mel_frames(samples: Any) -> Any:
    """Power mel frames (frames, 40) of 16 kHz samples, centred windows as librosa makes them."""
    import numpy as np

    padded = np.pad(samples, _WINDOW // 2)
    count = 1 + (len(padded) - _WINDOW) // _HOP
    if count <= 0:
        return np.zeros((0, _BANDS), np.float32)
    strided = np.lib.stride_tricks.as_strided(
        padded, (count, _WINDOW), (padded.strides[0] * _HOP, padded.strides[0]), writeable=False)
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(_WINDOW) / _WINDOW)).astype(np.float32)
    power = np.abs(np.fft.rfft(strided * window, axis=1)) ** 2
    return (power @ _mel_filters().T).astype(np.float32)


def _louder(samples: Any) -> Any:
    """Raised (never lowered) to -30 dBFS, the level the encoder was trained at."""
    import numpy as np

    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
    if rms <= 1e-6:
        return samples
    gain = 10 ** ((-30.0 - 20 * np.log10(rms)) / 20)
    return samples * np.float32(gain) if gain > 1 else samples


def voice_prints(samples: Any, stretches: Sequence[tuple[float, float]],
                 cancelled: Callable[[], bool] = lambda: False) -> Any:
    """One unit-length voice print per (start s, end s) stretch: the mean of its 1.6 s partials. The
    full-length partials of every stretch go through the encoder together, in batches (one LSTM call
    per ``_BATCH`` partials, not one per stretch: about 4 times less CPU); a stretch shorter than a
    partial goes through on its own."""
    import numpy as np
    import torch

    model = _encoder()
    frames = mel_frames(_louder(samples))
    owners: list[int] = []
    partials: list[Any] = []
    short: list[tuple[int, Any]] = []
    for i, (start, end) in enumerate(stretches):
        piece = frames[int(start * 100) : max(int(end * 100), int(start * 100) + 10)]
        if len(piece) >= _PARTIAL:
            for at in range(0, len(piece) - _PARTIAL + 1, _STEP):
                owners.append(i)
                partials.append(piece[at : at + _PARTIAL])
        elif len(piece):
            short.append((i, piece))
    sums = np.zeros((len(stretches), 256), np.float32)
    threads = torch.get_num_threads()
    # One thread: the LSTM's steps are small matrix products, where a second thread only adds waiting
    # (measured on 130 s of speech: 0.55 CPU-s on one thread against 2.5 on two, and 7x less wall time).
    torch.set_num_threads(1)
    try:
        _encode(model, partials, owners, short, sums, cancelled)
    finally:
        torch.set_num_threads(threads)
    norms = np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    return sums / norms


def _encode(model: Any, partials: list[Any], owners: list[int], short: list[tuple[int, Any]], sums: Any,
            cancelled: Callable[[], bool]) -> None:
    """Add each partial's voice print to its stretch's row of ``sums``."""
    import numpy as np
    import torch

    with torch.inference_mode():
        for at in range(0, len(partials), _BATCH):
            if cancelled():
                return
            batch = torch.from_numpy(np.ascontiguousarray(np.stack(partials[at : at + _BATCH])))
            np.add.at(sums, owners[at : at + _BATCH], model(batch).numpy())
        for i, piece in short:
            sums[i] += model(torch.from_numpy(np.ascontiguousarray(piece[None])))[0].numpy()


def cluster(prints: Any, durations: Sequence[float], speakers: int) -> list[int]:
    """A speaker number (0 = first to speak) per voice print: k-means on the unit sphere, fitted on the
    stretches long enough to trust (weighted by length), best of several deterministic starts."""
    import numpy as np

    n = len(prints)
    if speakers <= 1 or n == 0:
        return [0] * n
    lengths = np.asarray(durations, dtype=np.float64)
    fit = np.flatnonzero(lengths >= MIN_FIT_SECONDS)
    if len(fit) < speakers:
        fit = np.arange(n)
    k = min(speakers, len(fit))
    data, weight = prints[fit].astype(np.float64), lengths[fit] + 1e-3
    best, best_score = None, -np.inf
    rng = np.random.default_rng(0)
    for attempt in range(8):
        centres = _start(data, weight, k, rng, farthest=attempt == 0)
        for _ in range(50):
            labels = np.argmax(data @ centres.T, axis=1)
            moved = np.stack([_centre(data[labels == c], weight[labels == c], centres[c]) for c in range(k)])
            if np.allclose(moved, centres):
                break
            centres = moved
        score = float(np.sum(weight * np.max(data @ centres.T, axis=1)))
        if score > best_score:
            best, best_score = centres, score
    assigned = np.argmax(prints.astype(np.float64) @ best.T, axis=1)  # type: ignore[union-attr]
    order: dict[int, int] = {}
    for label in assigned:
        order.setdefault(int(label), len(order))
    return [order[int(label)] for label in assigned]


def _start(data: Any, weight: Any, k: int, rng: Any, *, farthest: bool) -> Any:
    """k starting centres: farthest-first from the heaviest print, or k-means++ seeding."""
    import numpy as np

    first = int(np.argmax(weight)) if farthest else int(rng.choice(len(data), p=weight / weight.sum()))
    chosen = [first]
    while len(chosen) < k:
        distance = 1 - np.max(data @ data[chosen].T, axis=1)
        distance[chosen] = 0
        if farthest or distance.sum() <= 0:
            chosen.append(int(np.argmax(distance)))
        else:
            chosen.append(int(rng.choice(len(data), p=distance / distance.sum())))
    return data[chosen].copy()


def _centre(members: Any, weight: Any, old: Any) -> Any:
    import numpy as np

    if len(members) == 0:
        return old
    mean = (members * weight[:, None]).sum(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)
