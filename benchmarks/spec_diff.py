"""How long comparing two large API documents takes: `python -m spec_update diff` against the
engine it replaced, measured in the same run on the same pair.

    python -m benchmarks spec [--runs 3] [--package-version 23.0.2] [--old ghes-3.17]
                              [--new ghes-3.18] [--baseline cf23c5c] [--cache DIR] [--json FILE]

The documents are GitHub Enterprise Server's, from npm's `@octokit/openapi` package (about 11 MB
and 630 paths each), fetched at run time with `npm pack` into a temporary folder (or `--cache`) and
never committed. The baseline is the spec_update package as it was at `--baseline` (the commit
before the lazy engine), extracted with `git archive` and run the way it worked: both documents
validated by openapi-spec-validator, every `$ref` inlined, then classified. Ours is the command a
person runs, start-up included. Runs alternate; each side reports its median, and both must find
the same number of changes.
"""

from __future__ import annotations

import io
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PACKAGE",
    "SpecDiffSpeed",
    "baseline_script",
    "extract_documents",
    "measure_spec_diff",
    "our_command",
    "pack_command",
    "report",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "@octokit/openapi"
PACKAGE_VERSION = "23.0.2"
OLD, NEW = "ghes-3.17", "ghes-3.18"
BASELINE = "cf23c5c"
TARGET_SECONDS = 5.0

Progress = Callable[[str], None]

# The engine before: load (parse, inline references, validate) both documents, classify.
BASELINE_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from spec_update.document import load_document
from spec_update.spec_diff import diff_documents
old, new = (load_document(open(p, "rb").read(), p) for p in sys.argv[2:4])
print(len(diff_documents(old, new)))
"""


@dataclass(frozen=True)
class SpecDiffSpeed:
    """Median seconds of each engine on one pair, and what each found."""

    old_document: str
    new_document: str
    megabytes: tuple[float, float]
    paths: tuple[int, int]
    ours_seconds: float
    baseline_seconds: float
    ours_changes: int
    baseline_changes: int
    runs: int
    baseline: str

    @property
    def ratio(self) -> float:
        """Ours over the baseline: below 1 is faster."""
        return self.ours_seconds / self.baseline_seconds

    @property
    def within_target(self) -> bool:
        return self.ours_seconds < TARGET_SECONDS


def pack_command(version: str, destination: Path) -> list[str]:
    return ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", str(destination)]


def our_command(old: Path, new: Path) -> list[str]:
    return [sys.executable, "-m", "spec_update", "diff", str(old), str(new), "--format", "json"]


def baseline_script(package: Path, old: Path, new: Path) -> list[str]:
    return [sys.executable, "-c", BASELINE_SCRIPT, str(package), str(old), str(new)]


def extract_documents(tarball: bytes, names: list[str], destination: Path) -> list[Path]:
    """`package/generated/NAME.json` of each name, out of an npm tarball, into `destination`."""
    wanted = {f"package/generated/{name}.json": name for name in names}
    found: dict[str, Path] = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive:
            name = wanted.get(member.name)
            if name is None or not member.isfile():
                continue
            source = archive.extractfile(member)
            assert source is not None
            path = destination / f"{name}.json"
            with path.open("wb") as target:
                shutil.copyfileobj(source, target)
            found[name] = path
    missing = [name for name in names if name not in found]
    if missing:
        raise RuntimeError(f"{PACKAGE} has no generated/{missing[0]}.json")
    return [found[name] for name in names]


def fetch_documents(version: str, names: list[str], folder: Path) -> list[Path]:
    """The documents, from the cache folder when already there, else from `npm pack`."""
    cached = [folder / f"{name}.json" for name in names]
    if all(path.is_file() for path in cached):
        return cached
    if shutil.which("npm") is None:
        raise RuntimeError("npm is needed to fetch the documents (`npm pack @octokit/openapi`)")
    with tempfile.TemporaryDirectory(prefix="octokit-openapi-") as scratch:
        subprocess.run(pack_command(version, Path(scratch)), check=True, capture_output=True)
        [tarball] = Path(scratch).glob("*.tgz")
        return extract_documents(tarball.read_bytes(), names, folder)


def extract_baseline(revision: str, destination: Path) -> Path:
    """The spec_update package at `revision`, out of this repository's history."""
    archive = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "archive", "--format=tar", revision, "spec_update"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as files:
        files.extractall(destination, filter="data")
    return destination


def _timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed:\n{result.stdout}{result.stderr}")
    return seconds, result.stdout


def measure_spec_diff(
    runs: int = 3,
    *,
    version: str = PACKAGE_VERSION,
    old_name: str = OLD,
    new_name: str = NEW,
    baseline: str = BASELINE,
    cache: Path | None = None,
    progress: Progress = print,
) -> SpecDiffSpeed:
    """Alternate `runs` diffs of each engine on the pair; the medians."""
    with tempfile.TemporaryDirectory(prefix="spec-bench-") as scratch:
        folder = cache or Path(scratch) / "documents"
        folder.mkdir(parents=True, exist_ok=True)
        progress(f"fetching {PACKAGE}@{version}: {old_name}, {new_name}")
        old, new = fetch_documents(version, [old_name, new_name], folder)
        package = extract_baseline(baseline, Path(scratch) / "baseline")
        ours: list[float] = []
        before: list[float] = []
        ours_changes = baseline_changes = 0
        for run in range(runs):
            seconds, out = _timed(our_command(old, new))
            ours.append(seconds)
            ours_changes = len(json.loads(out)["changes"])
            progress(f"run {run + 1}/{runs}: ours {seconds:.2f} s ({ours_changes} changes)")
            seconds, out = _timed(baseline_script(package, old, new))
            before.append(seconds)
            baseline_changes = int(out.strip())
            progress(f"run {run + 1}/{runs}: baseline {seconds:.2f} s ({baseline_changes} changes)")
        sizes = (old.stat().st_size / 1e6, new.stat().st_size / 1e6)
        paths = tuple(len(json.loads(path.read_bytes())["paths"]) for path in (old, new))
    if ours_changes != baseline_changes:
        raise RuntimeError(
            f"the engines disagree: {ours_changes} changes against {baseline_changes}"
        )
    return SpecDiffSpeed(
        f"{PACKAGE}@{version} {old_name}",
        f"{PACKAGE}@{version} {new_name}",
        (round(sizes[0], 1), round(sizes[1], 1)),
        (paths[0], paths[1]),
        statistics.median(ours),
        statistics.median(before),
        ours_changes,
        baseline_changes,
        runs,
        baseline,
    )


def report(figures: SpecDiffSpeed) -> str:
    verdict = "within" if figures.within_target else "over"
    return "\n".join(
        [
            f"### Comparing two large documents ({figures.old_document} → {figures.new_document})",
            "",
            f"{figures.megabytes[0]} MB and {figures.megabytes[1]} MB, {figures.paths[0]} and "
            f"{figures.paths[1]} paths; median of {figures.runs} alternating runs each.",
            "",
            "| engine | seconds | changes found |",
            "| --- | --- | --- |",
            f"| `python -m spec_update diff` (ours) | {figures.ours_seconds:.2f} "
            f"| {figures.ours_changes} |",
            f"| spec_update at {figures.baseline} (baseline) | {figures.baseline_seconds:.2f} "
            f"| {figures.baseline_changes} |",
            "",
            f"Ratio ours / baseline: {figures.ratio:.3f} ({1 / figures.ratio:.1f} times faster); "
            f"{verdict} the {TARGET_SECONDS:g} s target.",
        ]
    )
