"""The comparison with oasdiff's labelled examples, told: a table of verdicts, the counts, and
each disagreement with its reason (benchmarks.oasdiff_corpus judges the pairs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from benchmarks.oasdiff_corpus import VERDICTS, Disagreement, PairResult
from spec_update.levels import BREAKING, COMPATIBLE, MAY_BREAK

__all__ = ["as_json", "report", "summary"]


def summary(results: Sequence[PairResult]) -> dict[str, Any]:
    judged = [r for r in results if not r.refused]
    count = Counter((r.pair.verdict, r.level.label) for r in judged)
    differing = [r for r in judged if r.disagreement is not Disagreement.NONE]
    return {
        "pairs": len(results),
        "refused": len(results) - len(judged),
        "breaking": sum(1 for r in judged if r.pair.verdict == "breaking"),
        "not_breaking": sum(1 for r in judged if r.pair.verdict == "not-breaking"),
        "matrix": {f"{verdict} -> {level}": n for (verdict, level), n in sorted(count.items())},
        "missed": sum(1 for r in differing if r.disagreement is Disagreement.MISSED),
        "milder": sum(1 for r in differing if r.disagreement is Disagreement.MILDER),
        "false_alarms": sum(1 for r in differing if r.disagreement is Disagreement.FALSE_ALARM),
        "more_cautious": sum(1 for r in differing if r.disagreement is Disagreement.CAUTIOUS),
        "unexplained": sum(1 for r in differing if not r.reasons),
        "invalid": sum(1 for r in results if r.invalid),
    }


def report(results: Sequence[PairResult]) -> str:
    figures = summary(results)
    lines = [
        f"oasdiff's labelled examples: {figures['pairs']} pairs; {figures['refused']} refused as "
        f"not OpenAPI 3; of the others {figures['breaking']} breaking and "
        f"{figures['not_breaking']} not breaking by oasdiff's tests.",
        "",
        "| oasdiff says | we say breaking | may-break | compatible |",
        "| --- | --- | --- | --- |",
    ]
    for verdict in VERDICTS:
        cells = [
            str(
                sum(
                    1
                    for r in results
                    if not r.refused and r.pair.verdict == verdict and r.level is level
                )
            )
            for level in (BREAKING, MAY_BREAK, COMPATIBLE)
        ]
        lines.append(f"| {verdict} | {' | '.join(cells)} |")
    lines += [
        "",
        f"Missed: {figures['missed']} of {figures['breaking']}; false alarms: "
        f"{figures['false_alarms']} of {figures['not_breaking']}; milder (may-break): "
        f"{figures['milder']}; more cautious (may-break): {figures['more_cautious']}; without a "
        f"written reason: {figures['unexplained']}. Documents the validator refused (compared "
        f"all the same): {figures['invalid']}.",
    ]
    differing = [r for r in results if r.disagreement is not Disagreement.NONE]
    if differing:
        lines += ["", "| example | oasdiff | we | why |", "| --- | --- | --- | --- |"]
        for result in sorted(differing, key=lambda r: (r.disagreement.value, r.pair.example)):
            why = "; ".join(result.reasons) or "**no written reason**"
            lines.append(
                f"| {_cell(result.pair.example)} ({result.pair.base} -> {result.pair.revision}"
                f"{'' if result.pair.config == 'default' else ', ' + result.pair.config}) "
                f"| {result.pair.verdict} "
                f"| {'—' if result.refused else result.level.label} "
                f"({result.disagreement.value}) "
                f"| {_cell(why)} |"
            )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_json(results: Sequence[PairResult]) -> dict[str, Any]:
    return {
        "summary": summary(results),
        "pairs": [
            {
                "example": r.pair.example,
                "base": r.pair.base,
                "revision": r.pair.revision,
                "oasdiff": r.pair.verdict,
                "ours": "refused" if r.refused else r.level.label,
                "disagreement": r.disagreement.value,
                "rules": sorted({c.rule for c in r.changes}),
                "reasons": list(r.reasons),
                "invalid": r.invalid,
            }
            for r in results
        ],
    }
