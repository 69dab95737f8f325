"""Files read and written safely: regular files only, all or nothing, temporary files ours.

The rules every builder, upgrade and export follows (the README states them for users):

- A target must be a regular file or not exist yet. A device node, FIFO or socket is refused:
  replacing ``/dev/null`` with a regular file breaks the system when run as root. A symbolic
  link is followed: the file it points to is replaced atomically and the link stays a link;
  a link to nowhere is refused.
- Everything is written to a temporary file beside the (resolved) target, flushed and synced,
  then renamed over it, so a failure or a kill never leaves half a file under the real name.
- Temporary files are named ``.desktopapp-tmp-<host>-<pid>-<random>-<target name>``. One left
  by a process that is gone (on this machine), or untouched for a day (any machine), is
  removed the next time anything is written in that folder; nobody else's files are touched.
- An input (annotations, article text, a database) must be a regular file after following
  links, and is read with a size bound: a FIFO must not hang a build, ``/dev/zero`` must not
  fill the memory.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from desktopapp.domain.l10n import _, number
from desktopapp.filemode import give_normal_mode

TEMP_PREFIX = ".desktopapp-tmp-"
STALE_AFTER_SECONDS = 24 * 3600  # any machine's temporary file untouched this long is stale
_NAME_MAX_FALLBACK = 255
_TEMP_NAME = re.compile(r"^\.desktopapp-tmp-([0-9a-f]{6})-(\d+)-[0-9a-f]{8}-")
_MKSTEMP_PART = re.compile(r"[a-z0-9_]{8}")  # what tempfile.mkstemp put in earlier names
_LEGACY_EXPORT = re.compile(r"^\.desktopapp-export-[a-z0-9_]{8}(\.[a-z]{3,4})?$")


class FileProblem(Exception):
    """A file that cannot be used as asked; the message is one line for the user."""


class InputFileError(OSError):
    """An input that is not a regular file, or larger than what is read of it."""


# -- targets ----------------------------------------------------------------------------------


def writable_target(path: Path) -> Path:
    """The absolute file a write to ``path`` replaces (a link followed), or FileProblem why not.

    Nothing is written; the folder is not probed (see :func:`replacing`).
    """
    given = Path(os.path.abspath(os.path.expanduser(path)))
    _check_name_length(given)
    if _names_open_stream(given):
        # /proc/self/fd/1 names an open stream: renaming a file over it cannot write to it.
        raise FileProblem(
            _("cannot write {path}: it names an open file or stream, not a file to replace").format(
                path=given
            )
        )
    try:
        info = os.lstat(given)
    except (FileNotFoundError, NotADirectoryError):  # the folder checks below say why
        info = None
    except OSError as error:
        raise FileProblem(
            _("cannot write {path}: {reason}").format(path=given, reason=reason(error))
        ) from error
    if info is not None and stat.S_ISLNK(info.st_mode):
        resolved = Path(os.path.realpath(given))
        if not resolved.exists():
            raise FileProblem(
                _(
                    "cannot write {path}: it is a symbolic link to {target}, which does not exist"
                ).format(path=given, target=resolved)
            )
        _check_name_length(resolved)
        given, info = resolved, os.stat(resolved)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FileProblem(_("{path} is a folder; give a file name to write to").format(path=given))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            _("cannot write {path}: it is {kind}; refusing to replace it").format(
                path=given, kind=_not_regular(info.st_mode)
            )
        )
    folder = given.parent
    if not folder.exists():
        raise FileProblem(
            _("cannot write {file}: no such folder ({folder} does not exist)").format(
                file=given.name, folder=folder
            )
        )
    if not folder.is_dir():
        raise FileProblem(
            _("cannot write {file}: {folder} is not a folder").format(
                file=given.name, folder=folder
            )
        )
    return given


def _names_open_stream(path: Path) -> bool:
    """Whether ``path`` or a link on the way to its file is a /proc/…/fd or /dev/fd entry
    (``/dev/stdout`` is a link to one)."""
    current = str(path)
    for _link in range(40):  # the kernel's own limit on links followed
        parts = Path(current).parts
        if (parts[1:2] == ("proc",) and "fd" in parts[2:]) or parts[1:3] == ("dev", "fd"):
            return True
        if not os.path.islink(current):
            return False
        current = os.path.normpath(os.path.join(os.path.dirname(current), os.readlink(current)))
    return False


def _check_name_length(path: Path) -> None:
    limit = _name_max(path.parent)
    size = len(os.fsencode(path.name))
    if size > limit:
        raise FileProblem(
            _(
                "cannot write {file}…: the file name is too long "
                "({size} bytes; this file system allows {limit})"
            ).format(file=path.name[:40], size=number(size), limit=number(limit))
        )


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no such folder yet, or not on POSIX
        return _NAME_MAX_FALLBACK


def _not_regular(mode: int) -> str:
    """What a file that is not a regular one is: "a named pipe, not a regular file"."""
    if stat.S_ISCHR(mode):
        return _("a character device, not a regular file")
    if stat.S_ISBLK(mode):
        return _("a block device, not a regular file")
    if stat.S_ISFIFO(mode):
        return _("a named pipe, not a regular file")
    if stat.S_ISSOCK(mode):
        return _("a socket, not a regular file")
    return _("not a regular file")


# -- writing all or nothing -------------------------------------------------------------------


@contextlib.contextmanager
def replacing(target: Path, *, suffix: str = "", normal_mode: bool = True) -> Iterator[Path]:
    """Yield a new temporary file beside ``target``; when the block ends normally it replaces
    ``target`` (synced, with a normal file mode). On any exception, an interrupt included,
    the temporary file is removed and ``target`` is untouched.

    ``target`` must come from :func:`writable_target`. Stale temporary files of ours in the
    same folder are removed first. OSError from writing, syncing or renaming goes on to the
    caller, who words it (:func:`write_failure`). With ``normal_mode=False`` the block sets
    the file's mode itself (a copy keeps its original's).
    """
    remove_stale_temporaries(target.parent, target.name)
    temporary = new_temporary(target, suffix=suffix)
    try:
        yield temporary
        sync_file(temporary)
        if normal_mode:
            give_normal_mode(target, temporary)
        os.replace(temporary, target)
    finally:
        discard_temporary(temporary)
    sync_folder(target.parent)


def new_temporary(target: Path, *, suffix: str = "") -> Path:
    """Create (exclusively, mode 0600) an empty temporary file of ours beside ``target``."""
    folder = target.parent
    room = _name_max(folder) - len(f"{TEMP_PREFIX}{_HOST}-{os.getpid()}-12345678-{suffix}")
    name = os.fsencode(target.name)[: max(room, 0)].decode("utf-8", "ignore")
    if suffix and name.endswith(suffix):
        suffix = ""
    for _attempt in range(100):
        path = folder / f"{TEMP_PREFIX}{_HOST}-{os.getpid()}-{secrets.token_hex(4)}-{name}{suffix}"
        # Registered before it exists: an interrupt landing between the creation and the
        # caller's ``try`` still finds it (remove_unfinished_temporaries).
        _unfinished.add(path)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            _unfinished.discard(path)
            continue
        except OSError:  # not created (no permission, a full disk)
            _unfinished.discard(path)
            raise
        return path
    raise FileExistsError(errno.EEXIST, _("no free temporary file name"), str(folder))


_unfinished: set[Path] = set()


def discard_temporary(path: Path) -> None:
    """Remove one of our temporary files (if it is still there) and forget it."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    _unfinished.discard(path)


def remove_unfinished_temporaries() -> None:
    """Remove every temporary file this process made and has not finished with: called when
    a command is interrupted, whatever it was doing at that instant."""
    for path in list(_unfinished):
        discard_temporary(path)


def remove_stale_temporaries(folder: Path, target_name: str = "") -> list[Path]:
    """Remove our temporary files in ``folder`` whose writer is gone; return what was removed.

    A file is ours by its name. It is stale if the process that made it (on this machine) no
    longer runs, or if it has not been touched for a day (its writer on another machine, or a
    reused process id). Anything else, and anything not a regular file, is left alone.
    Earlier versions named theirs without a process id (``.desktopapp-export-XXXXXXXX.pdf``,
    and ``.NAME.XXXXXXXX.tmp`` beside a database ``NAME``): those go after a day untouched.
    """
    removed: list[Path] = []
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None and not _is_legacy_temporary(entry.name, target_name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        writer_gone = False
        if match is not None:
            host, pid = match.group(1), int(match.group(2))
            writer_gone = host == _HOST and pid != os.getpid() and not _process_alive(pid)
        if writer_gone or now - info.st_mtime > STALE_AFTER_SECONDS:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_legacy_temporary(name: str, target_name: str) -> bool:
    if _LEGACY_EXPORT.match(name):
        return True
    legacy_build = f".{target_name}."
    return bool(
        target_name
        and name.startswith(legacy_build)
        and name.endswith(".tmp")
        and _MKSTEMP_PART.fullmatch(name[len(legacy_build) : -len(".tmp")])
    )


def _process_alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there: trust the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


_HOST = _host_tag()


def copy_atomically(source: Path, target: Path) -> None:
    """Copy ``source`` to a new ``target`` through a synced temporary file (all or nothing),
    with the original's mode and times (a private database keeps a private backup)."""
    with replacing(target, normal_mode=False) as temporary:
        shutil.copyfile(source, temporary)
        shutil.copystat(source, temporary)


def sync_file(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename durable where the platform allows it (not on Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# -- reading inputs ---------------------------------------------------------------------------


def check_regular_input(path: Path) -> None:
    """Raise InputFileError unless ``path`` (links followed) is a regular file."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(errno.EINVAL, _not_regular(info.st_mode), str(path))


def read_regular_file(path: Path, limit: int | None, *, length: int | None = None) -> bytes:
    """The bytes of a regular file (its first ``length`` bytes if given), or InputFileError
    when it is not a regular file or larger than ``limit`` bytes.

    The kind is checked before opening (opening some devices has effects of its own), and
    again on the open file, opened non-blocking so that a FIFO swapped in meanwhile is refused
    rather than waited on forever; the size is bounded while reading.
    """
    check_regular_input(path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(errno.EINVAL, _not_regular(info.st_mode), str(path))
        if length is not None:
            return stream.read(length)
        assert limit is not None, "give a size limit or a length"
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(
            errno.EFBIG,
            _("larger than {size} MB, the most this app reads").format(size=_megabytes(limit)),
            str(path),
        )
    return data


# -- saying what went wrong -------------------------------------------------------------------


def is_disk_full(error: BaseException) -> bool:
    """Whether a write failed for want of space (ENOSPC, or SQLite's SQLITE_FULL)."""
    for cause in _chain(error):
        if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
            return True
        if getattr(cause, "sqlite_errorname", None) == "SQLITE_FULL":
            return True
    return False


def write_failure(error: BaseException, folder: Path, needed: int | None = None) -> str:
    """One line saying why a write in ``folder`` failed: the disk full, or the system's own
    reason (never an SQL statement or a multi-line report)."""
    if any(isinstance(cause, OSError) and cause.errno == errno.EDQUOT for cause in _chain(error)):
        return _("the disk quota of this account is used up")
    if is_disk_full(error):
        try:
            free = _("{size} MB free").format(size=_megabytes(shutil.disk_usage(folder).free))
        except OSError:
            free = _("free space unknown")
        if needed:
            return _("the disk is full ({free}, about {size} MB needed)").format(
                free=free, size=_megabytes(needed)
            )
        return _("the disk is full ({free})").format(free=free)
    return first_line(error)


def first_line(error: BaseException) -> str:
    """The first line of an error's own reason (a wrapped driver error's, if any)."""
    original = getattr(error, "orig", None)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return _("the file name is too long")
    return error.strerror or str(error)


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        original = getattr(current, "orig", None)
        if isinstance(original, BaseException):
            yield original
        current = current.__cause__ or current.__context__


def _megabytes(size: int) -> str:
    megabytes = size / 1_000_000
    return number(round(megabytes, 1) if megabytes < 10 else round(megabytes))
