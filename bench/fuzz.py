"""Coverage-guided fuzzing of the VTT, DOCX and QDPX readers with atheris, for a bounded time each.

Every input must give a transcript/project or an ``InputError``; anything else is a crash, saved under
``bench/out/fuzz-crash-<reader>-<n>`` and counted. Prints JSON figures (inputs run, crashes) per reader.

    pip install -e '.[fuzz]'          # atheris
    python bench/fuzz.py --seconds 60 # per reader
    python bench/fuzz.py --reader vtt --seconds 600

Each reader runs in its own process (atheris instruments once per process and exits when done).
"""

from __future__ import annotations

import argparse
import json
import os
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the readers' test packages, below

from tests.packages import docx_package, zipped  # noqa: E402

OUT = Path(__file__).with_name("out")
READERS = ("vtt", "docx", "qdpx")


def _target(reader: str):  # type: ignore[no-untyped-def]
    from cotheme.formats.captions import read_vtt
    from cotheme.formats.refi_read import read_qdpx
    from cotheme.formats.wordfile import read_docx

    if reader == "vtt":
        return lambda data: read_vtt("f.vtt", data, max_bytes=1_000_000)
    if reader == "docx":
        # The fuzzer's bytes become word/document.xml of an otherwise sound package, so it gets past the
        # zip layer and into python-docx and our paragraph walk.
        def docx(data: bytes) -> object:
            return read_docx("f.docx", docx_package(data), max_bytes=1_000_000)

        return docx

    def qdpx(data: bytes) -> object:
        return read_qdpx("f.qdpx", zipped({"project.qde": data, "Sources/a.txt": b"Interviewer: hi\n"}))

    return qdpx


SEEDS = {
    "vtt": b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>How was it?\n\n00:00:05.000 --> 00:00:09.000\n<v P01>Fine\n",
    "docx": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>Interviewer: hi</w:t></w:r></w:p></w:body></w:document>",
    "qdpx": b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="y">'
    b'<CodeBook><Codes><Code guid="33333333-3333-4333-8333-333333333333" name="A" isCodable="true"/></Codes>'
    b"</CodeBook></Project>",
}


def _fuzz(reader: str, seconds: float, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import atheris

    with atheris.instrument_imports():
        from cotheme.errors import InputError

        call = _target(reader)
    state = {"runs": 0, "crashes": 0, "until": time.monotonic() + seconds}

    def one(data: bytes) -> None:
        if time.monotonic() > state["until"]:
            queue.put({"reader": reader, "runs": state["runs"], "crashes": state["crashes"], "seconds": seconds})
            queue.close()
            queue.join_thread()
            os._exit(0)  # libFuzzer's loop has no clean way out; the figures are already sent
        state["runs"] += 1
        try:
            call(data)
        except InputError:
            pass
        except Exception:  # noqa: BLE001 - a crash: keep the input and go on
            state["crashes"] += 1
            OUT.mkdir(exist_ok=True)
            (OUT / f"fuzz-crash-{reader}-{state['crashes']}").write_bytes(data)

    corpus = OUT / f"fuzz-corpus-{reader}"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "seed").write_bytes(SEEDS[reader])
    atheris.Setup([sys.argv[0], str(corpus), "-max_len=20000"], one)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30.0, help="time per reader")
    parser.add_argument("--reader", choices=READERS, action="append", help="only this reader (repeatable)")
    args = parser.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        print(json.dumps({"error": "atheris is not installed: pip install -e '.[fuzz]'"}))
        raise SystemExit(2) from None
    figures = []
    for reader in args.reader or READERS:
        queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        process = multiprocessing.Process(target=_fuzz, args=(reader, args.seconds, queue))
        process.start()
        process.join(args.seconds + 120)
        figures.append(queue.get(timeout=5) if not queue.empty() else {"reader": reader, "error": f"exit {process.exitcode}"})
    print(json.dumps({"fuzz": figures}, indent=2))


if __name__ == "__main__":
    main()
