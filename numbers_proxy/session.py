"""One proxy session: a line per exchange as it happens, and the tallies the reports are made of.

Memory stays bounded over a long session: counts grow by key (operation by status, check id), never
by exchange, and only the first `keep` findings are kept in full (the rest are counted).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from numbers_proxy.checks import Side
from numbers_proxy.exchange import Exchange

__all__ = ["KeptFinding", "Session"]


@dataclass(frozen=True)
class KeptFinding:
    """A finding as the reports show it (already masked), with its exchange."""

    check: str
    side: Side
    operation: str
    status: int
    time: str
    detail: str
    method: str = ""
    target: str = ""
    form: str = ""
    accept: str = ""
    media_type: str = ""
    excerpt: str = ""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


@dataclass
class Session:
    """What the proxy saw, counted as it happens; `out` gets a line per exchange."""

    out: TextIO | None
    upstream: str
    # Every documented operation with its statuses: the coverage grid's rows.
    documented: Mapping[str, tuple[int, ...]]
    keep: int = 1000
    quiet: bool = False
    started: str = field(default_factory=_now)
    started_clock: float = field(default_factory=time.monotonic)
    exchanges: int = 0
    with_findings: int = 0
    coverage: Counter[tuple[str, int]] = field(default_factory=Counter)
    by_check: Counter[str] = field(default_factory=Counter)
    sides: dict[str, Side] = field(default_factory=dict)
    notes: Counter[str] = field(default_factory=Counter)
    note_examples: dict[str, str] = field(default_factory=dict)
    kept: list[KeptFinding] = field(default_factory=list)
    left_out: int = 0
    unjudged: int = 0
    # Per operation: milliseconds spent, JSON and XML answers; findings per operation and status,
    # and per operation and check (for the harness's run record).
    milliseconds: dict[str, float] = field(default_factory=dict)
    json_answers: Counter[str] = field(default_factory=Counter)
    xml_answers: Counter[str] = field(default_factory=Counter)
    failed_cells: Counter[tuple[str, int]] = field(default_factory=Counter)
    failed_checks: Counter[tuple[str, str]] = field(default_factory=Counter)

    def record(self, exchange: Exchange) -> None:
        """Count one exchange and write its line."""
        shown = self.out is not None and (exchange.findings or not self.quiet)
        # Formatting the time costs more than the rest of the counting: only when it is shown.
        stamp = _now() if shown or exchange.findings else ""
        self.exchanges += 1
        operation = exchange.operation
        self.coverage[(operation, exchange.status)] += 1
        self.milliseconds[operation] = self.milliseconds.get(operation, 0.0) + exchange.milliseconds
        if exchange.media_type in ("text/xml", "application/xml"):
            self.xml_answers[operation] += 1
        elif exchange.media_type is not None and "json" in exchange.media_type:
            self.json_answers[operation] += 1
        if not exchange.complete:
            self.unjudged += 1
        for note in exchange.notes:
            self.notes[note.id] += 1
            self.note_examples.setdefault(note.id, note.detail)
        if exchange.findings:
            self.with_findings += 1
            self.failed_cells[(operation, exchange.status)] += 1
        for finding in exchange.findings:
            self.by_check[finding.check] += 1
            self.failed_checks[(operation, finding.check)] += 1
            self.sides.setdefault(finding.check, finding.side)
            if len(self.kept) < self.keep:
                self.kept.append(
                    KeptFinding(
                        finding.check,
                        finding.side,
                        exchange.operation,
                        exchange.status,
                        stamp,
                        finding.detail,
                        exchange.request.method,
                        exchange.shown_target,
                        exchange.shown_form,
                        exchange.request.headers.get("accept", ""),
                        exchange.media_type or "",
                        exchange.excerpt,
                    )
                )
            else:
                self.left_out += 1
        if shown and self.out is not None:
            self.out.write(self.line(stamp, exchange) + "\n")
            self.out.flush()

    @staticmethod
    def line(stamp: str, exchange: Exchange) -> str:
        """`TIME OPERATION STATUS MS ok|ids`: a finding id on the client's side reads client:ID."""
        verdict = (
            ",".join(
                dict.fromkeys(
                    f"client:{f.check}" if f.side is Side.CLIENT else f.check
                    for f in exchange.findings
                )
            )
            or "ok"
        )
        notes = "".join(f" (note: {note})" for note in dict.fromkeys(n.id for n in exchange.notes))
        return (
            f"{stamp} {exchange.operation} {exchange.status} "
            f"{exchange.milliseconds:.1f} ms {verdict}{notes}"
        )

    @property
    def findings(self) -> int:
        return sum(self.by_check.values())

    def seconds(self) -> float:
        return time.monotonic() - self.started_clock

    def summary(self) -> str:
        """The closing text: counts, findings by check, notes, coverage gaps."""
        plural = "" if self.exchanges == 1 else "s"
        lines = [
            f"numbers-contract-proxy: {self.exchanges} exchange{plural} in {self.seconds():.1f} s, "
            f"{self.with_findings} with findings, {self.findings} findings, "
            f"{self.unjudged} left unjudged (too large)"
        ]
        for check, count in self.by_check.most_common():
            lines.append(f"  {check} ({self.sides[check].value} side): {count}")
        for note, count in self.notes.most_common():
            lines.append(f"  note {note}: {count}")
        missing = [
            f"{op} {status}" for op, status in self.grid() if not self.coverage[(op, status)]
        ]
        lines.append(
            f"  coverage: {len(self.grid()) - len(missing)} of {len(self.grid())} documented "
            "operation by status pairs seen"
        )
        return "\n".join(lines)

    def grid(self) -> list[tuple[str, int]]:
        """Every documented (operation, status), then whatever else was seen."""
        pairs = [(op, status) for op, statuses in self.documented.items() for status in statuses]
        return pairs

    def as_record(self, finished: str | None = None) -> dict[str, Any]:
        """The session record (see records.py for its shape)."""
        documented = set(self.grid())
        coverage = [
            {
                "operation": op,
                "status": status,
                "documented": True,
                "exchanges": self.coverage[(op, status)],
            }
            for op, status in self.grid()
        ]
        coverage += [
            {"operation": op, "status": status, "documented": False, "exchanges": count}
            for (op, status), count in sorted(self.coverage.items())
            if (op, status) not in documented
        ]
        return {
            "record": "numbers-contract-proxy session",
            "version": 1,
            "upstream": self.upstream,
            "started": self.started,
            "finished": finished or _now(),
            "seconds": round(self.seconds(), 3),
            "counts": {
                "exchanges": self.exchanges,
                "with_findings": self.with_findings,
                "findings": self.findings,
                "unjudged": self.unjudged,
                "notes": sum(self.notes.values()),
            },
            "checks": {
                check: {"side": self.sides[check].value, "findings": count}
                for check, count in sorted(self.by_check.items())
            },
            "notes": {
                note: {"count": count, "example": self.note_examples[note]}
                for note, count in sorted(self.notes.items())
            },
            "coverage": coverage,
            "findings": [
                {
                    "check": kept.check,
                    "side": kept.side.value,
                    "operation": kept.operation,
                    "status": kept.status,
                    "time": kept.time,
                    "detail": kept.detail,
                }
                for kept in self.kept
            ],
            "findings_left_out": self.left_out,
        }
