"""`python -m benchmarks`: usage errors before anything runs."""

from __future__ import annotations

import pytest

from benchmarks.__main__ import build_parser, main


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required"),
        (["detection", "--faults", "nope"], "unknown fault 'nope'; valid faults:"),
        (["detection", "--clean-runs", "0"], "must be at least 1"),
        (["detection", "--mode", "stocked"], "invalid choice: 'stocked'"),
        (["detection", "--faults", "a", "--no-faults"], "not allowed with argument"),
        (["speed", "--seconds", "0"], "--seconds must be positive"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_options() -> None:
    args = build_parser().parse_args(["detection", "--faults", "a,b", "--logs", "out"])
    assert (args.kind, args.faults, args.clean_runs, str(args.logs), args.mode) == (
        "detection",
        "a,b",
        5,
        "out",
        "both",
    )
    alone = build_parser().parse_args(["detection", "--mode", "real-target", "--no-faults"])
    assert (alone.mode, alone.no_faults) == ("real-target", True)
    speed = build_parser().parse_args(["speed"])
    assert (speed.runs, speed.rounds, speed.calls) == (3, 5, 2000)
