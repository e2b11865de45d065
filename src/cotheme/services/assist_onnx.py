"""The ONNX Runtime path of the suggestion model: export the installed weights once, quantise them to
int8, and embed with ONNX Runtime.

Owns the cache file (``<cache>/<folder name>-<weights sha256 prefix>-int8.onnx``) and how it is run. It
is made from the local model folder by ``torch.onnx.export`` (TorchScript exporter, opset 17, the
model's plain "eager" attention, mean pooling and unit length inside the graph) and
``onnxruntime.quantization.quantize_dynamic`` (int8 weights, per channel); both are deterministic (two
exports of the same weights give byte-identical files: tests/services/test_assist_onnx.py) and offline.
The file is written under a temporary name and renamed, so a crash leaves no half file. Must not
download anything.

What made it faster (bench/assist_bench.py; CPU seconds for the 2,410 passages of 3 interviews on
one thread, AMD EPYC with AVX-512 VNNI, ONNX Runtime 1.32): 4.7 s as first shipped; the eager
attention graph (no mask-building ``Where`` branches of the SDPA export) 4.4 s; without ONNX Runtime's
SkipLayerNormalization fusion, whose kernel took ~2x the time of the plain LayerNormalization and Add
it replaces, 3.75 s; batches of 16 instead of 64 (the activations of a batch stay in the 2 MB L2
cache) 3.3 s. ONNX Runtime's offline transformer optimizer (``optimize_model``, fused Attention,
SkipLayerNormalization and BiasGelu) before quantising was slower, 5.4 s: its QAttention and
SkipLayerNormalization kernels cost more than the int8 MatMuls they replace. Two batches run at once
on single-threaded sessions rather than one batch on two threads: the same CPU time, without two
threads meeting at every one of the graph's ~250 operators.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cotheme.services import assist_model

OPSET = 17
#: Changes whenever the exported graph would: a new cache file is made. The model name stored with
#: vectors is unchanged: the old graph's vectors agree with this one's (cosine 0.991 mean) as closely
#: as one passage's vectors from two different batches of the same graph do (0.990; docs/assist.md).
RECIPE = "eager-attention"
#: Passages per model call: smaller batches were faster up to 16 (see the module docstring).
BATCH = 16
#: Fusions ONNX Runtime would apply at load that make this graph slower (see the module docstring).
SLOWER_FUSIONS = ["SkipLayerNormFusion"]


def cache_folder() -> Path:
    chosen = os.environ.get(assist_model.CACHE_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else Path.home() / ".cache" / "cotheme" / "assist"


def _cached_file(folder: Path) -> Path:
    digest = hashlib.sha256(f"{assist_model._weights_digest(str(folder))}|opset{OPSET}|{RECIPE}".encode()).hexdigest()
    return cache_folder() / f"{folder.name}-{digest[:16]}-int8.onnx"


def _export(folder: Path, target: Path, load_st: Callable[[Path], Any]) -> None:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = load_st(folder)
    transformer = model[0].auto_model.eval()
    # The SDPA export builds its attention mask from the shapes at every run: 685 operators against 532.
    transformer.set_attn_implementation("eager")

    class Pooled(torch.nn.Module):
        """The transformer with mean pooling over real tokens and unit length, as the model card says."""

        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    sample = model.tokenizer(["a passage", "another short passage"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as work:
        plain, quantised = Path(work) / "model.onnx", Path(work) / "model-int8.onnx"
        with torch.no_grad():
            torch.onnx.export(
                Pooled(), tuple(sample[n] for n in names), str(plain), input_names=names,
                output_names=["embedding"], opset_version=OPSET, dynamo=False,
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "embedding": {0: "batch"}},
            )
        quantize_dynamic(str(plain), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(quantised, target)


def onnx_encoder(folder: Path, name: str, load_st: Callable[[Path], Any]) -> assist_model.Encoder:
    """An encoder running the int8 ONNX graph of ``folder``'s model (exported on first use)."""
    import numpy as np
    import onnxruntime
    from tokenizers import Tokenizer

    target = _cached_file(folder)
    if not target.is_file():
        _export(folder, target, load_st)
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(assist_model.MAX_TOKENS)
    tokenizer.enable_padding()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # each batch on its caller's thread; Encoder runs several at once
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"],
                                           disabled_optimizers=SLOWER_FUSIONS)

    def run(texts: list[str], _batch_size: int) -> Any:
        encoded = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return session.run(None, feed)[0]

    dim = int(run(["dimension probe"], 1).shape[1])
    return assist_model.Encoder(name, dim, run, batch=BATCH, workers=min(_cores(), 4))


def _cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
