"""``cotheme agreement``, ``cotheme reconcile`` and ``cotheme reflexive-mode``: how far coders agree,
reconciling two coders into a consensus layer, and the setting that hides every score."""

from __future__ import annotations

from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, opened
from cotheme.cli.output import print_json, print_table, say
from cotheme.domain.agreement import Estimate, Reliability
from cotheme.domain.agreement_report import AgreementReport
from cotheme.domain.reconcile import Comparison, Side
from cotheme.errors import InvalidArgument
from cotheme.domain.plural import counted

MEASURES = (("percent_agreement", "Percent agreement"), ("cohen_kappa", "Cohen's kappa"),
            ("fleiss_kappa", "Fleiss' kappa"), ("gwet_ac1", "Gwet's AC1"),
            ("krippendorff_alpha", "Krippendorff's alpha (nominal)"))


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _ids(value: str) -> list[int]:
    parts = _list(value)
    if not parts or not all(p.isdigit() for p in parts):
        raise InvalidArgument(f"'{value}' is not a list of coding ids such as 12,15.")
    return [int(p) for p in parts]


def shown(e: Estimate | None, with_interval: bool = True) -> str:
    """An estimate as people read it: 0.62 [0.41, 0.80]; a dash where it is undefined."""
    if e is None or e.value is None:
        return "—"
    if not with_interval or e.low is None or e.high is None:
        return f"{e.value:.3f}"
    return f"{e.value:.3f} [{e.low:.3f}, {e.high:.3f}]"


def _kappa(scores: Reliability | None) -> Estimate | None:
    if scores is None:
        return None
    return scores.cohen_kappa if scores.cohen_kappa is not None else scores.fleiss_kappa


def _print_differences(report: AgreementReport) -> None:
    print_table(
        f"{counted(len(report.differences), 'difference')} to discuss",
        ["document", "speaker", "span", "code", "coded by", "not by", "text"],
        ([d.document, d.speaker, f"{d.start}-{d.end}", d.code, ", ".join(d.coded_by), ", ".join(d.not_coded_by),
          d.text if len(d.text) <= 160 else d.text[:159] + "…"] for d in report.differences),
    )


def _print_report(report: AgreementReport, show_differences: bool) -> None:
    who = " and ".join(report.coders)
    say(f"{who} on {counted(len(report.documents), 'document')}: {', '.join(report.documents)}; "
        f"unit: {report.unit.value} ({report.units} per code).")
    if report.left_out:
        say(f"{counted(report.left_out, 'coding')} waiting in the review queue were left out.")
    if report.reflexive:
        say("Reflexive mode is on: no scores, only the differences, for discussion "
            "('cotheme reflexive-mode PROJECT off' shows scores again).")
        _print_differences(report)
        return
    if report.bootstrap:
        say(f"In brackets: bootstrap 95% intervals from {report.bootstrap} resamples.")
    overall = report.overall
    rows = [[label, shown(getattr(overall, name, None))] for name, label in MEASURES
            if getattr(overall, name, None) is not None]
    rows.append(["Krippendorff's alpha_u (character spans)", shown(report.overall_alpha_u)])
    print_table("Overall (every code pooled)", ["measure", "value"], rows)
    kappa = "kappa" if len(report.coders) == 2 else "Fleiss"
    print_table(
        f"Per code (units coded by {', '.join(report.coders)}; intervals with --json)",
        ["code", "units", "diff.", "agree", kappa, "AC1", "alpha", "alpha_u"],
        ([c.code, "/".join(map(str, c.units_coded)), c.differences,
          *(shown(e, False) for e in (c.scores.percent_agreement if c.scores else None, _kappa(c.scores),
                                      c.scores.gwet_ac1 if c.scores else None,
                                      c.scores.krippendorff_alpha if c.scores else None, c.alpha_u))]
         for c in report.codes),
    )
    if show_differences:
        _print_differences(report)


def agreement(
    project: ProjectArg,
    coders: Annotated[str, typer.Option("--coders", help="Two or more members, comma-separated (names or ids).")],
    docs: Annotated[str | None, typer.Option("--docs", help="Documents, comma-separated (default: every document all of them coded).")] = None,
    unit: Annotated[str, typer.Option("--unit", help="What one unit is: turn, sentence or char.")] = "turn",
    bootstrap: Annotated[int, typer.Option("--bootstrap", help="Resamples for the 95% intervals (0: none).")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap (the same seed gives the same intervals).")] = 0,
    differences: Annotated[bool, typer.Option("--differences", help="Also list every difference.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Agreement between coders per code and overall: percent agreement, Cohen's and Fleiss' kappa,
    Gwet's AC1, Krippendorff's alpha and alpha_u, with bootstrap 95% intervals. In reflexive mode
    only the differences.

    Example: cotheme agreement study.cotheme --coders "Sam Okafor,Rowan Pike" --docs P01,P02
    """
    with opened(project) as p:
        report = p.agreement.report(_list(coders), documents=_list(docs) or None, unit=unit, bootstrap=bootstrap, seed=seed)
    if as_json:
        print_json(report)
        return
    _print_report(report, differences)


def _side(s: Side) -> str:
    made = f" -> {', '.join(map(str, s.consensus_ids))}" if s.consensus_ids else ""
    status = "" if s.decision.value == "pending" else f" [{s.decision.value}{made}]"
    return f"{s.coding.id} {s.coding.code_path} {s.coding.start}-{s.coding.end}{status}"


def _print_comparison(c: Comparison) -> None:
    first, second = c.coders
    n = c.counts
    say(f"{c.document}: {n['agree']} agree, {n['differ']} differ, {n['only_first']} only {first}, "
        f"{n['only_second']} only {second}; {n['resolved']} resolved, {n['pending']} pending.")
    print_table(
        f"{first} and {second} on {c.document}",
        ["item", "kind", "span", first, second, "resolved"],
        ([i.id, i.kind.value, f"{i.start}-{i.end}", "\n".join(_side(s) for s in i.first),
          "\n".join(_side(s) for s in i.second), "yes" if i.resolved else "no"] for i in c.items),
    )
    print_table("Consensus codings", ["id", "code", "span", "text"],
                ([e.id, e.code_path, f"{e.start}-{e.end}", e.text] for e in c.consensus))


def reconcile(
    project: ProjectArg,
    doc: Annotated[str | None, typer.Option("--doc", help="The document to compare (id or title).")] = None,
    coders: Annotated[str | None, typer.Option("--coders", help="The two coders, comma-separated.")] = None,
    accept: Annotated[int | None, typer.Option("--accept", help="Copy this coding into the consensus.")] = None,
    merge: Annotated[str | None, typer.Option("--merge", help="Codings to merge (union of their spans), e.g. 12,15.")] = None,
    reject: Annotated[int | None, typer.Option("--reject", help="Leave this coding out of the consensus.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="With --merge: the code of the merged coding when theirs differ.")] = None,
    member: Annotated[str | None, typer.Option("--member", help="Who decides (recorded on the memo; default: the first lead).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Compare two coders on one document (agree, differ, only one coded), or take a decision into
    the consensus layer (codings of the member "consensus"): --accept, --merge or --reject. The
    originals never change; each decision is a memo naming the codings it came from.

    Example: cotheme reconcile study.cotheme --doc P01 --coders "Sam Okafor,Rowan Pike"

    Example: cotheme reconcile study.cotheme --merge 12,15
    """
    actions = [a for a in (accept, merge, reject) if a is not None]
    if len(actions) > 1:
        raise InvalidArgument("Give one of --accept, --merge or --reject at a time.")
    if code is not None and merge is None:
        raise InvalidArgument("--code goes with --merge.")
    with opened(project) as p:
        if accept is not None or merge is not None:
            made = (p.agreement.accept(accept, member=member) if accept is not None
                    else p.agreement.merge(_ids(merge or ""), code=code, member=member))
            if as_json:
                print_json(made)
            else:
                say(f"Consensus coding {made.id}: '{made.code_path}' on {made.document} {made.start}-{made.end}.")
            return
        if reject is not None:
            p.agreement.reject(reject, member=member)
            if as_json:
                print_json({"rejected": reject})
            else:
                say(f"Coding {reject} is left out of the consensus (it stays as it is).")
            return
        if doc is None or coders is None:
            raise InvalidArgument("Give --doc and --coders to compare, or --accept, --merge or --reject.")
        found = p.agreement.reconciliation(doc, _list(coders))
    if as_json:
        print_json(found)
        return
    _print_comparison(found)


def reflexive_mode(
    project: ProjectArg,
    value: Annotated[str | None, typer.Argument(help="on or off (omit to show the setting).")] = None,
) -> None:
    """The setting "reflexive mode": when on, agreement shows only the differences, never a score.

    Example: cotheme reflexive-mode study.cotheme on
    """
    with opened(project) as p:
        if value is not None:
            if value.lower() not in ("on", "off"):
                raise InvalidArgument(f"'{value}' is not on or off.")
            p.agreement.set_reflexive_mode(value.lower() == "on")
        state = p.agreement.reflexive_mode()
    say(f"Reflexive mode: {'on' if state else 'off'}.")

