"""The controls of one app, together: what the request pipeline consults and `/_mock/` steers."""

from __future__ import annotations

from dataclasses import dataclass, field

from numbers_mock.controls.journal import Journal
from numbers_mock.controls.scripts import ScriptBook
from numbers_mock.controls.throttle import Throttle

__all__ = ["Controls"]


@dataclass(frozen=True)
class Controls:
    """What application tests steer under `/_mock/`: a rate limit, scripted answers, a journal."""

    throttle: Throttle | None = None
    scripts: ScriptBook = field(default_factory=ScriptBook)
    journal: Journal | None = None
