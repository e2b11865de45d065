"""Import memory benchmark: how much resident memory importing ONE transcript adds, per size and engine.

Prints ONE JSON document to stdout (progress goes to stderr). For each size (MB, 10^6 bytes) it writes
one speaker-prefixed interview transcript as ``scale_bench.py`` does (``Interviewer:`` / ``P01:``
paragraphs, every seventh answer with accents, curly quotes, a dash or an emoji; ``--no-emoji`` leaves
the emoji out, so the text fits two bytes a character in Python), and optionally the same kind of text
as a Word ``.docx`` (``--docx MB``), a WebVTT caption file (``--vtt MB``: one ``Name: text`` cue a
paragraph) or a text PDF (``--pdf MB``: Helvetica, lines wrapped at 90 characters, the text's
characters outside Latin-1 replaced). Each case runs ``--runs`` times, each in a fresh child process that opens an
empty project (SQLite file, or a throw-away PostgreSQL schema with ``--pg``), resets the peak resident
size (``/proc/self/clear_refs`` 5 resets VmHWM), and runs ``Project.import_files([file])``.

Per case: ``ratio`` = (peak resident - resident before the import) / file size, the median of the runs
(``ratios`` lists each), the budget being 4; ``text_mb`` the UTF-8 size of the text the import stores
and ``ratio_to_text`` the same growth over it. For plain text the two are nearly one; a .docx or PDF
compresses its text (a .docx is about a third of its text), so no import can stay within 4 times such
a file: ``within_text_budget`` judges those by their text. ``cpu_s`` is the median CPU seconds of the
import. On PostgreSQL only the client's memory is measured (the server is another process).

    PYTHONPATH=src .venv/bin/python bench/import_memory_bench.py --sizes 1,2,8,32 --pg --docx 8
    PYTHONPATH=src .venv/bin/python bench/import_memory_bench.py --sizes "" --docx 8 --vtt 8 --pdf 2
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_bench  # noqa: E402
from engines import project_target  # noqa: E402
from figures_out import emit  # noqa: E402

PG_DEFAULT = os.environ.get("COTHEME_TEST_PG_URL", "postgresql://root@127.0.0.1:5432/test")
BUDGET = 4.0


def child(target: str, file: str) -> dict[str, Any]:
    """One import in this (fresh) process: resident memory before, peak during, CPU seconds."""
    import cotheme

    project = cotheme.create_project(target, title="Memory", lead="Lead")
    project.documents.list()  # the project's first read, so its one-off costs come before the baseline
    # The readers' libraries (python-docx, lxml, pypdf) load once per process, whatever the file's
    # size: a fixed cost, measured apart from what a file's size costs.
    import cotheme.formats.pdf
    import cotheme.formats.wordstream  # noqa: F401
    base = scale_bench._reset_peak()
    cpu = time.process_time()
    (doc,) = project.documents.import_files([file])
    cpu_s = time.process_time() - cpu
    peak = scale_bench._rss_mb()
    project.close()
    return {"base_mb": base, "peak_mb": peak, "cpu_s": cpu_s, "turns": doc.turns}


def run_child(target: str, file: Path) -> dict[str, Any]:
    env = {**os.environ, "COTHEME_MAX_IMPORT_MB": os.environ.get("COTHEME_MAX_IMPORT_MB", "1000")}
    done = subprocess.run([sys.executable, __file__, "--child", target, str(file)], capture_output=True,
                          text=True, check=False, env=env, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"child failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def as_docx(text_file: Path, out: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in text_file.read_text("utf-8").split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(paragraph.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(buffer.getvalue())


def as_vtt(text_file: Path, out: Path) -> None:
    """One cue a paragraph, two seconds each, the paragraph's ``Name: text`` as its payload."""
    with out.open("w", encoding="utf-8") as vtt:
        vtt.write("WEBVTT\n\n")
        number = 0
        for paragraph in _paragraphs(text_file):
            start, number = number * 2000, number + 1
            vtt.write(f"{number}\n{_clock(start)} --> {_clock(start + 2000)}\n{paragraph}\n\n")


def _clock(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def _paragraphs(text_file: Path) -> Any:
    with text_file.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield line.strip()


def as_pdf(text_file: Path, out: Path) -> None:
    """A text PDF written by hand (Helvetica, WinAnsi, 60 lines of at most 90 characters a page, a
    blank line between paragraphs, each page's content compressed)."""
    import textwrap
    import zlib

    lines: list[str] = []
    for paragraph in _paragraphs(text_file):
        lines.extend(textwrap.wrap(paragraph.encode("latin-1", "replace").decode("latin-1"), 90) + [""])
    pages = [lines[i : i + 60] for i in range(0, len(lines), 60)]
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        body = ["BT /F1 10 Tf 12 TL 50 800 Td"]
        for line in page:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            body.append(f"({escaped}) '")
        body.append("ET")
        stream = zlib.compress("\n".join(body).encode("latin-1"))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    with out.open("wb") as pdf:
        pdf.write(b"%PDF-1.4\n")
        offsets = []
        for number, content in enumerate(objects, start=1):
            offsets.append(pdf.tell())
            pdf.write(b"%d 0 obj\n" % number + content + b"\nendobj\n")
        xref = pdf.tell()
        pdf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        pdf.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
        pdf.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))


def text_size(file: Path) -> int:
    """The UTF-8 size of the text importing ``file`` stores (read here, in the parent process)."""
    from cotheme.formats.registry import read_transcript

    return len(read_transcript(file.name, file.read_bytes(), max_bytes=2**31).utf8)


def measure(engine: str, file: Path, folder: Path, runs: int, pg_url: str) -> dict[str, Any]:
    size = file.stat().st_size
    text = text_size(file)
    found = []
    for run in range(runs):
        with project_target(engine, folder, pg_url, f"mem{run}") as target:
            found.append(run_child(target, file))
        for suffix in ("", "-wal", "-shm"):
            (folder / f"mem{run}.cotheme{suffix}").unlink(missing_ok=True)
    ratios = [round((f["peak_mb"] - f["base_mb"]) * 2**20 / size, 2) for f in found]
    ratio = statistics.median(ratios)
    added = statistics.median(f["peak_mb"] - f["base_mb"] for f in found)
    to_text = round(added * 2**20 / text, 2)
    print(f"{engine} {file.name}: {ratios} of the file, {to_text} of its text", file=sys.stderr, flush=True)
    return {"engine": engine, "file": file.suffix[1:], "file_mb": round(size / 1e6, 2), "ratio": ratio,
            "ratios": ratios, "within_budget": ratio <= BUDGET, "text_mb": round(text / 1e6, 2),
            "ratio_to_text": to_text, "within_text_budget": to_text <= BUDGET,
            "added_mb": round(added, 1),
            "base_mb": round(statistics.median(f["base_mb"] for f in found), 1),
            "cpu_s": round(statistics.median(f["cpu_s"] for f in found), 2), "turns": found[0]["turns"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,8,32", help="transcript sizes in MB, comma-separated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", action="store_true", help="also PostgreSQL (client memory)")
    parser.add_argument("--pg-only", action="store_true", help="PostgreSQL only")
    parser.add_argument("--pg-url", default=PG_DEFAULT)
    parser.add_argument("--docx", type=float, default=0, help="also a .docx of this many MB of text")
    parser.add_argument("--vtt", type=float, default=0, help="also a .vtt of this many MB of text")
    parser.add_argument("--pdf", type=float, default=0, help="also a .pdf of this many MB of text")
    parser.add_argument("--no-emoji", action="store_true", help="leave the emoji out of the text")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    if args.no_emoji:
        scale_bench.EXTRAS = tuple(e for e in scale_bench.EXTRAS if "🙂" not in e)
    engines = (["postgresql"] if args.pg_only else ["sqlite"] + (["postgresql"] if args.pg else []))
    result: dict[str, Any] = {"bench": "import_memory", "budget": BUDGET, "emoji": not args.no_emoji,
                              "runs": args.runs, "load_average_1min": os.getloadavg()[0], "cases": []}
    with tempfile.TemporaryDirectory(prefix="cotheme-importmem-") as tmp:
        folder = Path(tmp)
        files = []
        for size in [float(s) for s in args.sizes.split(",") if s.strip()]:
            files.append(folder / f"T{size:g}MB.txt")
            scale_bench.write_transcript(files[-1], size)
        for size, suffix, write in ((args.docx, "docx", as_docx), (args.vtt, "vtt", as_vtt), (args.pdf, "pdf", as_pdf)):
            if size:
                text = folder / f"{suffix}.txt"
                scale_bench.write_transcript(text, size)
                files.append(folder / f"{suffix.upper()}{size:g}MB.{suffix}")
                write(text, files[-1])
                text.unlink()
        for file in files:
            for engine in engines:
                result["cases"].append(measure(engine, file, folder, args.runs, args.pg_url))
    result["load_average_1min_after"] = os.getloadavg()[0]
    return emit(result, args.out)


if __name__ == "__main__":
    sys.exit(main())
