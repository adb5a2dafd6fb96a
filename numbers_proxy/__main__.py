"""`python -m numbers_proxy`: the same as `numbers-contract-proxy`."""

import sys

from numbers_proxy.entry import main

sys.exit(main())
