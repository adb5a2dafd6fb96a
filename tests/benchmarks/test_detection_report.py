"""The detection report: a table per mode, honest totals per mode, the TTFF ratio."""

from __future__ import annotations

from benchmarks.detection import CleanRun, Detection, Detections, FaultRun
from benchmarks.detection_modes import REAL_TARGET, SEEDED
from benchmarks.detection_report import first_failure_ratio, report, summary_lines
from benchmarks.harness_output import SetupStop, SummaryRow
from benchmarks.harness_runs import HarnessOutcome
from benchmarks.schemathesis_runs import Failure, SchemathesisOutcome
from numbers_mock.faults import CATALOGUE

NOISE = Failure("POST /number/cancel", "status_code_conformance", 420, "", 10.5)
PASSED = HarnessOutcome(0, 17.0, (SummaryRow("GET /number/search", 200, "passed", ()),), seed=7)


def harness_caught(
    check: str, seconds: float, label: str = "GET /number/search", requests: int | None = None
) -> HarnessOutcome:
    return HarnessOutcome(
        1,
        seconds,
        (SummaryRow(label, 3, "failed", (check,)),),
        requests_to_first_failure=requests,
    )


def plain(*failures: Failure) -> SchemathesisOutcome:
    return SchemathesisOutcome(1, 6.0, started_at=10.0, failures=failures)


def schema_failure(at: float) -> Failure:
    return Failure("GET /number/search", "response_schema_conformance", 200, "", at)


def seeded_detection() -> Detection:
    schema = schema_failure(12.0)
    detection = Detection(SEEDED, 60, clean=[CleanRun(PASSED, plain(NOISE))])
    detection.faults = [
        FaultRun(
            CATALOGUE["json-count-as-string"],
            harness_caught("response_schema_conformance", 8.0, requests=4),
            plain(NOISE, schema),
            schema,
        ),
        FaultRun(CATALOGUE["buy-does-nothing"], HarnessOutcome(0, 20.0, ()), plain(NOISE), None),
    ]
    return detection


def real_target_detection() -> Detection:
    false_alarm = HarnessOutcome(
        1, 25.0, (SummaryRow("GET /number/search", 9, "failed", ("json_xml_agree",)),), seed=99
    )
    stop = SetupStop("the account could not be listed", ("positive_data_acceptance",))
    detection = Detection(
        REAL_TARGET, 60, clean=[CleanRun(PASSED, plain()), CleanRun(false_alarm, plain(NOISE))]
    )
    first, second = schema_failure(13.0), schema_failure(16.0)
    detection.faults = [
        FaultRun(
            CATALOGUE["answers-400-to-everything"],
            HarnessOutcome(1, 4.0, (), stopped=stop, requests_to_first_failure=2),
            plain(),
            None,
        ),
        FaultRun(
            CATALOGUE["json-count-as-string"],
            harness_caught("response_schema_conformance", 9.0, requests=9),
            plain(first),
            first,
        ),
        FaultRun(
            CATALOGUE["json-features-as-string"],
            harness_caught(
                "response_schema_conformance", 13.0, "lifecycle (stateful)", requests=30
            ),
            plain(second),
            second,
        ),
    ]
    return detection


def test_each_mode_has_its_tables() -> None:
    text = report(Detections([seeded_detection(), real_target_detection()]))
    seeded, _, rest = text.partition("### Mode `real-target`")
    real_target, _, summary = rest.partition("### Summary")
    assert "### Mode `seeded`" in seeded and "The account owns 6 numbers" in seeded
    assert "| 1 | passed | 17.0 s | 1 | 1 |" in seeded
    assert "#### The unfaulted mock (1 run)" in seeded
    assert "- `POST /number/cancel` status_code_conformance on 420" in seeded
    assert (
        "| `json-count-as-string` | json-schema | response_schema_conformance | "
        "response_schema_conformance | GET /number/search | 8.0 s | 4 | "
        "response_schema_conformance | 2.0 s |"
    ) in seeded
    assert (
        "| `buy-does-nothing` | silent-no-op | purchase_shows_up | **missed** | - | - | - "
        "| missed | - |"
    ) in seeded
    assert "The account owns nothing before the run" in real_target
    assert (
        "| 2 | **false alarm: json_xml_agree in GET /number/search, seed 99** | 25.0 s | 1 | 1 |"
        in real_target
    )
    assert (
        "| `answers-400-to-everything` | status-code | positive_data_acceptance | "
        "positive_data_acceptance | set-up | 4.0 s | 2 | missed | - |"
    ) in real_target
    assert summary.index("Mode `seeded`:") < summary.index("Mode `real-target`:")


def test_the_totals_per_mode() -> None:
    seeded = summary_lines(seeded_detection())
    assert seeded[0] == (
        "- harness: caught 1/2 (1 by the expected check, 0 at set-up), median time to first "
        "failure 8.0 s; false alarms on the unfaulted mock: 0/1"
    )
    assert seeded[1] == (
        "- requests sent before the first failure (1 faults): median 4, maximum 4 "
        "(`json-count-as-string`)"
    )
    assert seeded[2].startswith("- plain schemathesis: caught 1/2, median time to first new")
    assert seeded[2].endswith("failed on the unfaulted mock: 1/1")
    real_target = summary_lines(real_target_detection())
    assert real_target[0] == (
        "- harness: caught 3/3 (3 by the expected check, 1 at set-up), median time to first "
        "failure 9.0 s; false alarms on the unfaulted mock: 1/2"
    )
    # Each false alarm is listed with its check and seed, to replay it.
    assert real_target[1] == "  - false alarm: json_xml_agree in GET /number/search, seed 99"
    # The set-up stop counts too: 2, 9 and 30 requests.
    assert real_target[2] == (
        "- requests sent before the first failure (3 faults): median 9, maximum 30 "
        "(`json-features-as-string`)"
    )


def test_the_first_failure_ratio_is_on_the_faults_both_catch() -> None:
    # Both catch json-count-as-string (9.0 s and 3.0 s) and json-features-as-string (13.0 s and
    # 6.0 s); the set-up catch is the harness's alone and does not count.
    assert first_failure_ratio(real_target_detection()) == (2, 11.0, 4.5)
    lines = summary_lines(real_target_detection())
    assert (
        "- time to first failure on the 2 faults both catch: harness median 11.0 s, plain "
        "schemathesis median 4.5 s, ratio harness / plain **2.44**"
    ) in lines
    alone = Detection(SEEDED, 60, faults=seeded_detection().faults[1:])
    assert first_failure_ratio(alone) is None
    assert (
        "- time to first failure, harness / plain schemathesis: no fault both catch"
        in summary_lines(alone)
    )


def test_without_faults_there_is_no_fault_table() -> None:
    clean_only = Detection(SEEDED, 60, clean=seeded_detection().clean)
    text = report(Detections([clean_only]))
    assert "#### The unfaulted mock (1 run)" in text
    assert "faulty mocks" not in text
    assert "false alarms on the unfaulted mock: 0/1" in text
