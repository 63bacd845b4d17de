"""`python -m graph` runs the `skg` command."""

import sys

from graph.cli import main

sys.exit(main())
