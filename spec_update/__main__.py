"""`python -m spec_update diff OLD NEW` or `python -m spec_update PATH_OR_URL`: see
spec_update.command. Without the `spec` extra: one line saying what to install, and exit code 2."""

from __future__ import annotations

import sys

from numbers_commands import run

if __name__ == "__main__":
    sys.exit(run("python -m spec_update", "spec", "spec_update.command:main"))
