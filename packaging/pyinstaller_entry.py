"""Entry point of the PyInstaller bundle: the same as the installed ``desktopapp`` command."""

import sys

from desktopapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
