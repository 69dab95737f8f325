"""A desktop timeline viewer for events reported in the news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("desktopapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
