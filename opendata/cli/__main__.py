"""``python -m opendata.cli``."""

import sys

from . import main

sys.exit(main())
