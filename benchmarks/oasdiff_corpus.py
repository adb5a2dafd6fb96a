"""How the spec diff's verdicts compare with oasdiff's on oasdiff's own labelled examples.

    nox -s bench -- oasdiff OASDIFF_CHECKOUT [--labels FILE] [--today YYYY-MM-DD] [--json FILE]

oasdiff (github.com/oasdiff/oasdiff) documents each of its rules with unit tests that compare two
documents of its `data/` folder and say whether the change "is breaking" or "is not breaking"
(its docs/BREAKING-CHANGES-EXAMPLES.md is generated from them). `benchmarks/oasdiff_labels.json`
lists, for those tests that compare two files as they are on disk, the two paths and oasdiff's
verdict; the documents themselves stay in an oasdiff checkout and are never copied here.

Each pair goes through the same engine as `python -m spec_update diff` (a document the validator
refuses is still compared, and said so). Our verdict is the worst client level of its changes:
"breaking" forces a major version of the client, "may-break" a minor one. A pair is

- missed: oasdiff says breaking, we report nothing that may break a client;
- a false alarm: oasdiff says not breaking, we say breaking;
- milder or more cautious: the other disagreements, through "may-break".

Every disagreement must have a written reason in docs/spec-rules.md: a difference no single rule
carries (`spec_update.rules.catalog.BEYOND_RULES`) named by the pair's label, or else the "where
we differ" text of every rule that decided our verdict (a may-break where oasdiff's test says
breaking agrees when the rules map to oasdiff's WARN, which its examples call breaking too).
The command is benchmarks.oasdiff; the report, benchmarks.oasdiff_report.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path

from spec_update.changes import Change
from spec_update.document import Document, DocumentError, InvalidDocument, load_document
from spec_update.levels import BREAKING, COMPATIBLE, MAY_BREAK, Level
from spec_update.rules.catalog import BEYOND_RULES, OASDIFF_LEVELS, rule
from spec_update.spec_diff import diff_documents

__all__ = [
    "LABELS",
    "CorpusError",
    "Disagreement",
    "LabelledPair",
    "PairResult",
    "judge_pair",
    "load_labels",
]

LABELS = Path(__file__).with_name("oasdiff_labels.json")
VERDICTS = ("breaking", "not-breaking")


class CorpusError(Exception):
    """A labels file or a document that cannot be read: one line for the user."""


@dataclass(frozen=True)
class LabelledPair:
    """Two documents of oasdiff's corpus and what oasdiff's test says of the change."""

    example: str
    base: str
    revision: str
    verdict: str
    # Where the verdict is written: oasdiff's test file and function, and what it asserts.
    test: str = ""
    function: str = ""
    asserts: str = ""
    # oasdiff's options in that test, when not its defaults (an optional check turned on, ...).
    config: str = "default"
    # "BC comment" (the test's sentence says breaking or not) or "asserted levels" (the levels
    # the test asserts: ERR or WARN is breaking; nothing or INFO under all checks is not).
    basis: str = "BC comment"
    # Where the documents were read: "REPOSITORY@BASE_COMMIT,REVISION_COMMIT".
    source: str = ""
    # What a reader of the label should know (a document that also changes something else, ...).
    note: str = ""
    # The BEYOND_RULES entry that says why we decide otherwise, where no rule's reason does.
    differs: str = ""

    @property
    def commits(self) -> tuple[str, str]:
        """The commits of the base and the revision ("" where none is recorded)."""
        _, _, commits = self.source.partition("@")
        base, _, revision = commits.partition(",")
        return base, revision or base


class Disagreement(Enum):
    NONE = "agrees"
    REFUSED = "refused"
    MISSED = "missed"
    MILDER = "milder"
    FALSE_ALARM = "false alarm"
    CAUTIOUS = "more cautious"


@dataclass(frozen=True)
class PairResult:
    pair: LabelledPair
    changes: tuple[Change, ...]
    # The validator's complaint about either document, when it had one.
    invalid: str = ""
    # Why a document could not be compared at all (not OpenAPI 3).
    refused: str = ""

    @property
    def level(self) -> Level:
        return max((change.client for change in self.changes), default=COMPATIBLE)

    @property
    def disagreement(self) -> Disagreement:
        if self.refused:
            return Disagreement.REFUSED
        if self.pair.verdict == "breaking":
            return {
                BREAKING: Disagreement.NONE,
                MAY_BREAK: Disagreement.MILDER,
                COMPATIBLE: Disagreement.MISSED,
            }[self.level]
        return {
            BREAKING: Disagreement.FALSE_ALARM,
            MAY_BREAK: Disagreement.CAUTIOUS,
            COMPATIBLE: Disagreement.NONE,
        }[self.level]

    @property
    def deciding_rules(self) -> tuple[str, ...]:
        """The rules of the changes at our verdict's level; where every change is compatible,
        those of them that say where they differ from oasdiff (the change oasdiff rates higher)."""
        if self.level is COMPATIBLE:
            return tuple(sorted({c.rule for c in self.changes if c.definition.differs}))
        return tuple(sorted({c.rule for c in self.changes if c.client is self.level}))

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why we decide otherwise than oasdiff; empty when a disagreement has no written reason.

        The label's BEYOND_RULES entry first (it names the cause even where a rule fired for
        something else), else the `differs` text of every rule that decided our verdict; a
        may-break where oasdiff's test says breaking agrees when those rules map to its WARN.
        """
        if self.disagreement is Disagreement.NONE:
            return ()
        if self.refused:
            return (self.refused,)
        if self.pair.differs:
            return (f"`{self.pair.differs}`: {BEYOND_RULES[self.pair.differs]}",)
        rules = [rule(rule_id) for rule_id in self.deciding_rules]
        if rules and self.disagreement is Disagreement.MILDER:
            warned = [
                r for r in rules if any(OASDIFF_LEVELS[lv] is MAY_BREAK for _, lv in r.oasdiff)
            ]
            if len(warned) == len(rules):
                return tuple(
                    f"`{r.id}`: may-break, as oasdiff's WARN for "
                    + ", ".join(f"`{name}`" for name, lv in r.oasdiff if lv == "WARN")
                    for r in warned
                )
        if rules and all(r.differs for r in rules):
            return tuple(f"`{r.id}`: {r.differs}" for r in rules)
        return ()


def load_labels(path: Path) -> list[LabelledPair]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorpusError(f"cannot read the labels {path}: {error}") from error
    pairs: list[LabelledPair] = []
    for number, entry in enumerate(data.get("pairs", []) if isinstance(data, dict) else [], 1):
        try:
            pair = LabelledPair(**entry)
        except TypeError as error:
            raise CorpusError(f"{path}: pair {number} is not a labelled pair: {error}") from error
        if pair.verdict not in VERDICTS:
            raise CorpusError(
                f"{path}: pair {number} has verdict {pair.verdict!r} (one of {', '.join(VERDICTS)})"
            )
        if pair.differs and pair.differs not in BEYOND_RULES:
            raise CorpusError(
                f"{path}: pair {number} names {pair.differs!r}, which is not in BEYOND_RULES "
                f"(one of {', '.join(BEYOND_RULES)})"
            )
        pairs.append(pair)
    if not pairs:
        raise CorpusError(f"{path} lists no pairs")
    return pairs


def _read(root: Path, relative: str, commit: str) -> bytes:
    """The document as it was at `commit` when `root` is a git checkout and a commit is
    recorded, else as it is in `root`."""
    path = root / relative
    if commit and (root / ".git").exists():
        shown = subprocess.run(
            ["git", "-C", str(root), "show", f"{commit}:{relative}"],
            capture_output=True,
            check=False,
        )
        if shown.returncode != 0:
            raise CorpusError(
                f"{relative} at {commit[:12]} is not in {root} (git fetch the full history, or "
                "--working-tree to read the files as they are)"
            )
        return shown.stdout
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(
            f"{path}: {error.strerror or error} (is {root} an oasdiff checkout?)"
        ) from error


def _load(raw: bytes, relative: str) -> tuple[Document, str]:
    """The document, compared even when the validator refuses it (and said so)."""
    try:
        return load_document(raw, relative), ""
    except InvalidDocument as error:
        return load_document(raw, relative, validate=False), str(error)


def judge_pair(
    root: Path, pair: LabelledPair, today: date, *, at_commits: bool = True
) -> PairResult:
    commits = pair.commits if at_commits else ("", "")
    old_raw, new_raw = _read(root, pair.base, commits[0]), _read(root, pair.revision, commits[1])
    try:
        old, old_invalid = _load(old_raw, pair.base)
        new, new_invalid = _load(new_raw, pair.revision)
    except DocumentError as error:
        # Not an OpenAPI 3 document at all: nothing to compare.
        return PairResult(pair, (), refused=str(error))
    changes = diff_documents(old, new, today=today)
    return PairResult(pair, tuple(changes), "; ".join(filter(None, (old_invalid, new_invalid))))
