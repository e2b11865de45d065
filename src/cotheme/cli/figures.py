"""``cotheme figure KIND PROJECT --out FILE``: the figures (code x participant heatmap, code
co-occurrence heatmap, coverage strips) as SVG, PNG or PDF, the format from the file's extension.

Calls one ``Project`` operation (``figure``) and writes its bytes. Must not compute or draw anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import ProjectArg, opened
from cotheme.cli.output import say
from cotheme.domain.figures import DEFAULT_DPI
from cotheme.errors import InvalidArgument
from cotheme.services.outputs import write_output


def figure(
    kind: Annotated[str, typer.Argument(help="heatmap (codes x participants), cooccurrence (codes x codes) or coverage (per transcript).")],
    project: ProjectArg,
    out: Annotated[str, typer.Option("--out", help="The file to write: .svg, .png or .pdf.")],
    dpi: Annotated[int, typer.Option("--dpi", help="PNG resolution in dots per inch.")] = DEFAULT_DPI,
    values: Annotated[str, typer.Option("--values", help="heatmap: counts (codings per participant) or presence.")] = "counts",
    columns_by: Annotated[str | None, typer.Option("--columns-by", help="heatmap: group the participants by this attribute.")] = None,
    unit: Annotated[str, typer.Option("--unit", help="cooccurrence: extract (overlapping extracts) or turn (same speaker turn).")] = "extract",
    docs: Annotated[str | None, typer.Option("--docs", help="coverage: only these transcripts, D1,D2,...")] = None,
) -> None:
    """Draw a figure as SVG, PNG or PDF (colours readable in greyscale and by colour-blind readers).

    Example: cotheme figure heatmap study.cotheme --out heatmap.png --columns-by gender --dpi 300

    Example: cotheme figure coverage study.cotheme --out coverage.svg --docs P01,P02
    """
    suffix = Path(out).suffix.lstrip(".").lower()
    if not suffix:
        raise InvalidArgument("Give --out a file name ending in .svg, .png or .pdf.")
    with opened(project) as p:
        data = p.reports.figure(kind, suffix, dpi=dpi, values=values, columns_by=columns_by, unit=unit,
                        documents=[d.strip() for d in (docs or "").split(",") if d.strip()])
    write_output(out, data)
    say(f"Wrote {out}.")
