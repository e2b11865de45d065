"""The ONNX Runtime path of coding suggestions: the int8 graph is made the same, byte for byte,
from the same weights; it agrees with PyTorch; and the encoder embeds a repeated text once, keeps the
order of its input, and gives the same vectors however many batches run at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cotheme.domain.assist import Kind, passages
from cotheme.services import assist_index, assist_model

pytest.importorskip("onnxruntime")

SENTENCES = [
    "I waited four months to be seen by anyone at all.",
    "The food was cold every single day and the meals came late.",
    "She actually listened to me, which nobody had done before.",
    "Getting a phone appointment took weeks.",
    "Café staff were kind 🙂 and patient with me when I was scared at night.",
]


def test_two_exports_of_the_same_weights_are_byte_identical(tmp_path: Path) -> None:
    from cotheme.services import assist_onnx

    folder = assist_model.model_folder()
    assert folder is not None
    first, second = tmp_path / "a" / "model.onnx", tmp_path / "b" / "model.onnx"
    assist_onnx._export(folder, first, assist_model._sentence_transformer)
    assist_onnx._export(folder, second, assist_model._sentence_transformer)
    assert first.read_bytes() == second.read_bytes()


def test_int8_vectors_stay_close_to_float32(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assist_model.BACKEND_ENV, "onnx")
    onnx = assist_model.load().encode(SENTENCES)
    monkeypatch.setenv(assist_model.BACKEND_ENV, "torch")
    torch = assist_model.load().encode(SENTENCES)
    cosine = (onnx * torch).sum(axis=1)
    assert cosine.min() > 0.97 and cosine.mean() > 0.985, cosine


def test_the_encoder_embeds_repeats_once_in_order_and_in_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(assist_model.BACKEND_ENV, "onnx")
    encoder = assist_model.load()
    seen: list[str] = []
    real = encoder._encode

    def counting(texts: list[str], size: int) -> object:
        seen.extend(texts)
        return real(texts, size)

    texts = [SENTENCES[i % len(SENTENCES)] for i in range(40)] + [f"Passage number {i} of many." for i in range(60)]
    monkeypatch.setattr(encoder, "_encode", counting)
    progress: list[int] = []
    together = encoder.encode(texts, batch_size=8, progress=progress.append)
    assert sorted(seen) == sorted(set(texts)) and sum(progress) == len(texts)
    assert np.array_equal(together[0], together[5]) and together.shape == (100, encoder.dim)
    monkeypatch.setattr(encoder, "workers", 1)
    assert np.array_equal(encoder.encode(texts, batch_size=8), together)  # a batch's vectors are its own


def test_the_model_reads_sentences_and_the_turns_of_one_sentence() -> None:
    text = "P01: Yeah. I waited four months for it. It was hard to bear!\n\nP02: Fine thanks then.\n\nP03: Ok."
    spans = passages(text, [(0, 60), (62, 84), (86, len(text))])
    sentences, lone = assist_index._to_embed(spans)
    assert [text[s.start:s.end] for s in sentences] == ["P01: Yeah. I waited four months for it.",
                                                        "It was hard to bear!"]
    assert [text[t.start:t.end] for t in lone] == ["P02: Fine thanks then.", "P03: Ok."]
    assert all(s.kind is Kind.SENTENCE for s in sentences) and all(t.kind is Kind.TURN for t in lone)
