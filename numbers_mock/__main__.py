"""`python -m numbers_mock`: the same as the `numbers-mock` command, its extra check included."""

import sys

from numbers_commands import mock

sys.exit(mock())
