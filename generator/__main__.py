"""`python -m generator`: regenerate generated_client/, or with --check report drift and fail."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generator.drift import compare_trees, summarise
from generator.paths import FIX_COMMAND, OUTPUT_DIR, OVERLAY_PATH, SPEC_PATH, NotACheckoutError
from generator.pins import PinError
from generator.regenerate import GenerationError, generate_into, regenerate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Regenerate the Numbers API client."
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary folder and fail if generated_client/ differs",
    )
    parser.add_argument("--spec", type=Path, default=SPEC_PATH, help="the OpenAPI document")
    parser.add_argument(
        "--overlay",
        type=Path,
        default=OVERLAY_PATH,
        help="the OpenAPI Overlay applied first (default: numbers_openapi/overlay.yaml)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT_DIR, help="the client folder")
    args = parser.parse_args(argv)
    try:
        if args.check:
            with tempfile.TemporaryDirectory(prefix="numbers-client-check-") as scratch:
                fresh = Path(scratch) / "client"
                generate_into(fresh, args.spec, args.overlay)
                drifts = compare_trees(args.output, fresh)
            print(summarise(drifts, FIX_COMMAND))
            return 1 if drifts else 0
        regenerate(args.output, args.spec, args.overlay)
    except (NotACheckoutError, PinError, GenerationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Regenerated {args.output} from {args.spec}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
