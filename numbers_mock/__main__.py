"""`python -m numbers_mock`: the same as the `numbers-mock` command."""

import sys

from numbers_mock.server.cli import main

sys.exit(main())
