"""`python -m spec_update diff OLD NEW` or `python -m spec_update PATH_OR_URL`: see
spec_update.command."""

from __future__ import annotations

import sys

from spec_update.command import main

if __name__ == "__main__":
    sys.exit(main())
