"""``python -m opendata``: the same as the ``opendata`` command."""

import sys

from .cli import main

sys.exit(main())
