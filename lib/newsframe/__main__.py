"""``python -m newsframe``: the same command line as the ``newsframe`` console script."""

import sys

from newsframe.cli import main

sys.exit(main())
