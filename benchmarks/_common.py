"""What the benchmark scripts share: where databases are cached, sizes, timing, memory."""

from __future__ import annotations

import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset

CACHE = Path("/tmp/desktopapp-bench")
DEFAULT_SIZES = (1_000, 100_000, 1_000_000)


def sizes_from_argv(argv: Sequence[str]) -> list[int]:
    """Sizes given on the command line (``1000 100k 1m``), or the defaults."""
    sizes = [_size(arg) for arg in argv if not arg.startswith("-")]
    return sizes or list(DEFAULT_SIZES)


def _size(text: str) -> int:
    lowered = text.lower().replace("_", "").replace(",", "")
    factor = {"k": 1_000, "m": 1_000_000}.get(lowered[-1:], 1)
    digits = lowered[:-1] if factor > 1 else lowered
    try:
        return int(float(digits) * factor)
    except ValueError:
        sys.exit(f"not a size: {text!r} (try 1000, 100k or 1m)")


def label(size: int) -> str:
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size >= 1_000 and size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def cached_database(size: int, seed: int = 1) -> Path:
    """The synthetic database of this size, built once and kept under /tmp/desktopapp-bench."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"events-{label(size)}-seed{seed}.sqlite3"
    if not path.exists():
        print(f"building {path} ({size:,} events)…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        build_database(synthetic_dataset(size, seed=seed), path)
        print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(first call, median of the following ``runs`` calls), in milliseconds."""
    started = time.perf_counter()
    action()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times) if times else first


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join(
        str(h).ljust(w) if i == 0 else str(h).rjust(w)
        for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    )
    print(line)
    print("-" * len(line))
    for row in rows:
        print(
            "  ".join(
                str(c).ljust(w) if i == 0 else str(c).rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


def current_copy(size: int, seed: int = 1) -> Path:
    """The cached database of this size upgraded to the current schema, as a copy kept beside
    it (the cache itself is never modified: other benchmarks read it as built)."""
    from desktopapp.db.schema import SCHEMA_VERSION
    from desktopapp.ingest.upgrade import schema_version_of, upgrade_database

    source = cached_database(size, seed)
    if schema_version_of(source) >= SCHEMA_VERSION:
        return source
    copy = CACHE / f"window-{label(size)}-seed{seed}-schema{SCHEMA_VERSION}.sqlite3"
    if not copy.exists():
        print(f"upgrading a copy of {source.name} to schema {SCHEMA_VERSION}…", file=sys.stderr)
        unfinished = copy.with_suffix(".partial")
        shutil.copyfile(source, unfinished)
        upgrade_database(unfinished).unlink(missing_ok=True)  # its backup: the cache itself
        unfinished.rename(copy)
    return copy
