"""``python -m desktopapp``: the same as the ``desktopapp`` command."""

import sys

from desktopapp.cli import main

sys.exit(main())
