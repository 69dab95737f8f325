"""A desktop timeline viewer for events reported in the news."""


def __getattr__(name: str) -> str:
    """``desktopapp.__version__``, read from the installed package's metadata the first time
    it is asked for: importlib.metadata costs more to import than the command line itself,
    and a window is on screen before anything shows the version."""
    if name != "__version__":
        raise AttributeError(f"module 'desktopapp' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("desktopapp")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
