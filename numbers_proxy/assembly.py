"""Putting one proxy together: the judge, the session and the app, for the command and for tests."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

import httpx

from numbers_proxy.forwarding import ProxyApp, ProxySettings
from numbers_proxy.judge import ExchangeJudge
from numbers_proxy.session import Session
from numbers_proxy.traffic import Limits
from numbers_proxy.upstream import Upstream

__all__ = ["assemble", "documented_statuses", "shown_url"]


def documented_statuses(judge: ExchangeJudge) -> dict[str, tuple[int, ...]]:
    """Every operation of the judged document with the statuses it documents."""
    grid: dict[str, tuple[int, ...]] = {}
    for path, item in judge.document.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "responses" in operation:
                statuses = sorted(int(code) for code in operation["responses"] if code.isdigit())
                grid[f"{method.upper()} {path}"] = tuple(statuses)
    return grid


def shown_url(url: str) -> str:
    """The upstream URL without anything that could be a credential (user info, query)."""
    parsed = httpx.URL(url)
    return str(parsed.copy_with(username=None, password=None, query=None, fragment=None))


def assemble(
    upstream: str,
    verify: Any,
    out: TextIO | None,
    args: argparse.Namespace | None = None,
    limits: Limits | None = None,
) -> tuple[ProxyApp, Session]:
    """A proxy app forwarding to `upstream`, and the session it records into."""
    judge = ExchangeJudge(limits=limits)
    settings = ProxySettings(
        upstream=upstream,
        request_deadline=getattr(args, "request_deadline", 30.0),
        judge_cap=getattr(args, "judge_cap", 4 * 1024 * 1024),
    )
    session = Session(
        out=out,
        upstream=shown_url(upstream),
        documented=documented_statuses(judge),
        quiet=getattr(args, "quiet", False),
    )
    pool = Upstream(upstream, verify, max_idle=getattr(args, "max_connections", 64))
    return ProxyApp(settings, judge, session, pool), session
