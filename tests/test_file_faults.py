"""Faults around files: targets and inputs that are not regular files, symbolic links, long
names, writes that fail half-way, full disks, temporary files left by a kill, signals, a
closed stdout, a data folder that is a file.

Where the behaviour belongs to the process (a signal, a kill, a size limit, a hang), the
command line runs as a subprocess, each bounded in time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktopapp import safe_files
from desktopapp.cli import main
from desktopapp.export.files import write_text
from desktopapp.ingest.builder import build_database
from desktopapp.ingest.synthetic import synthetic_dataset
from desktopapp.ingest.upgrade import upgrade_database
from desktopapp.safe_files import TEMP_PREFIX, remove_stale_temporaries

SCHEMA_1 = Path(__file__).parent / "data" / "article-schema1.sqlite3"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TIMEOUT = 60  # seconds any one subprocess may take


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktopapp", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def _one_clear_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    return stderr


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic database large enough for a PDF export to take a few seconds."""
    path = tmp_path_factory.mktemp("events") / "events.sqlite3"
    build_database(synthetic_dataset(3000, seed=3), path)
    return path


# -- targets that are not regular files -------------------------------------------------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _device(path: Path) -> Path:
    """A character device node like /dev/null (1, 3), made in tmp (root only)."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


NODES: dict[str, Callable[[Path], Path]] = {"fifo": _fifo, "device": _device, "socket": _socket}


def _node(kind: str, folder: Path) -> tuple[Path, int]:
    path = NODES[kind](folder / f"target-{kind}")
    return path, os.lstat(path).st_ino


@pytest.mark.parametrize("kind", sorted(NODES))
@pytest.mark.parametrize("option", ["--csv", "--json", "--svg", "--png", "--pdf"])
def test_export_onto_a_node_that_is_not_a_file_is_refused(
    kind: str, option: str, tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target, inode = _node(kind, tmp_path)
    assert main(["export", "--db", str(article_db), option, str(target)]) == 2
    err = _one_clear_line(capsys.readouterr().err)
    assert "not a regular file; refusing to replace it" in err
    assert os.lstat(target).st_ino == inode and not target.is_file()
    assert _ours(tmp_path) == []


@pytest.mark.parametrize("kind", sorted(NODES))
def test_a_symbolic_link_to_a_node_is_refused_too(
    kind: str, tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target, inode = _node(kind, tmp_path)
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert main(["export", "--db", str(article_db), "--csv", str(link)]) == 2
    assert "not a regular file" in _one_clear_line(capsys.readouterr().err)
    assert link.is_symlink() and os.lstat(target).st_ino == inode


@pytest.mark.parametrize("kind", sorted(NODES))
@pytest.mark.parametrize("command", ["build-db", "generate", "upgrade-db", "screenshot"])
def test_builds_upgrades_and_screenshots_refuse_such_nodes(
    kind: str, command: str, tmp_path: Path, article_db: Path
) -> None:
    target, inode = _node(kind, tmp_path)
    args = {
        "build-db": ["build-db", "--out", str(target)],
        "generate": ["generate", "--events", "10", "--out", str(target)],
        "upgrade-db": ["upgrade-db", str(target)],
        "screenshot": ["--db", str(article_db), "--screenshot", str(target)],
    }[command]
    result = _cli(*args)  # a subprocess: a FIFO opened blocking would hang the test run
    assert result.returncode == 2
    assert "not a regular file" in _one_clear_line(result.stderr)
    assert os.lstat(target).st_ino == inode and not target.is_file()
    assert _ours(tmp_path) == []


def test_export_through_a_symbolic_link_replaces_the_file_it_points_to(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real" / "events.csv"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "events.csv"
    link.symlink_to(real)
    assert main(["export", "--db", str(article_db), "--csv", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8").startswith("id,")
    assert _ours(tmp_path) == [] and _ours(real.parent) == []


def test_build_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "timeline.sqlite3"
    real.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real.name)
    assert main(["build-db", "--out", str(link)]) == 0
    assert link.is_symlink() and real.is_file() and real.stat().st_size > 0


def test_a_link_to_nowhere_is_refused(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "events.csv"
    link.symlink_to(tmp_path / "missing" / "events.csv")
    assert main(["export", "--db", str(article_db), "--csv", str(link)]) == 2
    assert "which does not exist" in _one_clear_line(capsys.readouterr().err)
    assert link.is_symlink() and not (tmp_path / "missing").exists()


def test_an_open_descriptor_is_not_a_file_to_replace(
    tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``/proc/self/fd/N`` names an open stream: writing through its link would replace the
    file the stream writes to, under the feet of whoever opened it."""
    opened = tmp_path / "log.txt"
    opened.write_text("keep me")
    descriptor = os.open(opened, os.O_WRONLY | os.O_APPEND)
    try:
        for name in (f"/proc/self/fd/{descriptor}", f"/dev/fd/{descriptor}"):
            assert main(["export", "--db", str(article_db), "--csv", name]) == 2
            assert "open file or stream" in _one_clear_line(capsys.readouterr().err)
    finally:
        os.close(descriptor)
    assert opened.read_text() == "keep me"
    assert os.stat(opened).st_ino == os.fstat(os.open(opened, os.O_RDONLY)).st_ino


@pytest.mark.parametrize("command", ["export", "screenshot", "build-db"])
def test_a_file_name_too_long_is_one_clear_line(
    command: str, tmp_path: Path, article_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / ("n" * 300 + ".png")
    args = {
        "export": ["export", "--db", str(article_db), "--png", str(target)],
        "screenshot": ["--db", str(article_db), "--screenshot", str(target)],
        "build-db": ["build-db", "--out", str(target)],
    }[command]
    assert main(args) == 2
    assert "the file name is too long" in _one_clear_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


# -- inputs that are not regular files --------------------------------------------------------


def _annotations_with_article(folder: Path, make_article: Callable[[Path], object]) -> Path:
    shutil.copy(RESOURCES / "annotations.toml", folder / "annotations.toml")
    make_article(folder / "source-article.fr.txt")
    return folder / "annotations.toml"


ARTICLES: dict[str, Callable[[Path], object]] = {
    "fifo": os.mkfifo,
    "link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
    "larger than the bound": lambda path: path.write_bytes(b"x" * (20 * 1024 * 1024 + 1)),
}


@pytest.mark.parametrize("case", sorted(ARTICLES))
def test_an_article_that_is_not_a_readable_file_stops_the_build(case: str, tmp_path: Path) -> None:
    annotations = _annotations_with_article(tmp_path, ARTICLES[case])
    result = _cli("build-db", "--annotations", str(annotations), "--out", str(tmp_path / "t.db"))
    assert result.returncode == 2
    err = _one_clear_line(result.stderr)
    assert "field 'file'" in err
    assert ("not a regular file" in err) or ("larger than" in err)
    assert not (tmp_path / "t.db").exists() and _ours(tmp_path) == []


@pytest.mark.parametrize("make", [os.mkfifo, lambda path: path.symlink_to("/dev/zero")])
def test_an_annotation_file_that_is_not_a_regular_file_is_refused(
    make: Callable[[Path], object], tmp_path: Path
) -> None:
    annotations = tmp_path / "annotations.toml"
    make(annotations)
    result = _cli("build-db", "--annotations", str(annotations), "--out", str(tmp_path / "t.db"))
    assert result.returncode == 2
    assert "not a regular file" in _one_clear_line(result.stderr)


@pytest.mark.parametrize("form", ["path", "url"])
def test_a_database_that_is_a_fifo_is_refused_without_hanging(form: str, tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "timeline.sqlite3")
    location = str(fifo) if form == "path" else f"sqlite:///{fifo}"
    result = _cli("list", "--db", location)
    assert result.returncode == 2
    assert "not a regular file" in _one_clear_line(result.stderr)


# -- every write checked ----------------------------------------------------------------------


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG instead of killing
        # the process: a disk that fills up half-way through, without root or a small mount.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.parametrize("option", ["--svg", "--png", "--pdf", "--csv", "--json"])
def test_a_write_that_fails_half_way_is_reported_and_leaves_nothing(
    option: str, tmp_path: Path, article_db: Path
) -> None:
    target = tmp_path / f"chart.{option[2:]}"
    result = _cli(
        "export", "--db", str(article_db), option, str(target), preexec_fn=_file_size_limit(3000)
    )
    assert result.returncode == 2, result.stdout
    assert "File too large" in _one_clear_line(result.stderr)
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 128 KB file system: a real full disk (ENOSPC, SQLITE_FULL), as root only."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("command", ["build-db", "generate", "svg", "pdf"])
def test_a_full_disk_says_so_in_one_line(command: str, small_disk: Path, article_db: Path) -> None:
    target = small_disk / "out"
    args = {
        "build-db": ["build-db", "--out", str(target)],
        "generate": ["generate", "--events", "2000", "--out", str(target)],
        "svg": ["export", "--db", str(article_db), "--svg", str(target)],
        "pdf": ["export", "--db", str(article_db), "--pdf", str(target)],
    }[command]
    if command in ("svg", "pdf"):  # leave less room than the chart or the report needs
        (small_disk / "filler").write_bytes(b"\0" * 100_000)
    result = _cli(*args)
    assert result.returncode == 2
    err = _one_clear_line(result.stderr)
    assert "the disk is full (" in err and " MB free" in err
    assert "INSERT" not in err and "Background on this error" not in err
    if command in ("build-db", "generate", "svg"):
        assert "MB needed)" in err
    assert not target.exists() and _ours(small_disk) == []


def test_an_import_that_fills_the_disk_says_so_and_leaves_the_timeline_unchanged(
    tmp_path: Path,
) -> None:
    # SQLite rolls a transaction back itself when the disk fills: our own ROLLBACK then
    # failed with "no transaction is active", which was reported instead of the full disk.
    import json

    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        timeline = folder / "t.timeline"
        assert _cli("new", str(timeline)).returncode == 0
        (folder / "filler").write_bytes(b"\0" * 2_700_000)  # leave less than the import needs
        slides = [
            {"start_date": {"year": "2022", "month": "3", "day": "1", "hour": str(n % 24)},
             "text": {"headline": f"Slide {n}", "text": "<p>words</p>" * 20}}
            for n in range(5000)
        ]  # fmt: skip
        source = tmp_path / "big.json"
        source.write_text(json.dumps({"events": slides}), encoding="utf-8")
        before = hashlib.sha256(timeline.read_bytes()).hexdigest()
        result = _cli("import", str(timeline), str(source))
        assert result.returncode == 2
        err = _one_clear_line(result.stderr)
        assert "disk is full" in err and "no transaction" not in err, err
        assert hashlib.sha256(timeline.read_bytes()).hexdigest() == before
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# -- temporary files: ours by name, cleaned when stale ----------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_only_stale_temporary_files_of_ours_are_removed(tmp_path: Path) -> None:
    host = safe_files._HOST
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        names = {
            "dead": f"{TEMP_PREFIX}{host}-{_dead_pid()}-0123abcd-report.pdf",
            "alive": f"{TEMP_PREFIX}{host}-{sleeper.pid}-0123abcd-report.pdf",
            "mine": f"{TEMP_PREFIX}{host}-{os.getpid()}-0123abcd-report.pdf",
            "other host, fresh": f"{TEMP_PREFIX}ffffff-{_dead_pid()}-0123abcd-x.csv",
            "other host, old": f"{TEMP_PREFIX}ffffff-{_dead_pid()}-89abcdef-x.csv",
            "not ours": ".report.pdf.x1y2z3.tmp",
        }
        for name in names.values():
            (tmp_path / name).write_bytes(b"partial")
        two_days_ago = time.time() - 2 * 24 * 3600
        os.utime(tmp_path / names["other host, old"], (two_days_ago, two_days_ago))
        removed = remove_stale_temporaries(tmp_path)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert sorted(p.name for p in removed) == sorted([names["dead"], names["other host, old"]])
    left = {names[k] for k in ("alive", "mine", "other host, fresh", "not ours")}
    assert {p.name for p in tmp_path.iterdir()} == left


def test_temporary_files_of_earlier_versions_go_after_a_day(tmp_path: Path) -> None:
    old = [".desktopapp-export-k2j_x9q1.pdf", ".timeline.sqlite3.ab12_xyz.tmp"]
    fresh = [".desktopapp-export-zz99aa11.csv", ".timeline.sqlite3.qq12_xyz.tmp"]
    others = [".other.sqlite3.ab12_xyz.tmp", ".timeline.sqlite3.notours.tmp"]
    two_days_ago = time.time() - 2 * 24 * 3600
    for name in old + fresh + others:
        (tmp_path / name).write_bytes(b"partial")
        if name not in fresh:
            os.utime(tmp_path / name, (two_days_ago, two_days_ago))
    build_database(synthetic_dataset(5), tmp_path / "timeline.sqlite3")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*fresh, *others, "timeline.sqlite3"]
    )


def test_every_writer_names_its_temporary_file_as_ours(tmp_path: Path) -> None:
    seen: list[str] = []
    original = safe_files.sync_file

    def spy(path: Path) -> None:
        seen.append(path.name)
        original(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(safe_files, "sync_file", spy)
        write_text(tmp_path / "events.csv", "a")
        build_database(synthetic_dataset(5), tmp_path / "timeline.sqlite3")
    assert len(seen) == 2
    for name, target in zip(seen, ("events.csv", "timeline.sqlite3"), strict=True):
        assert safe_files._TEMP_NAME.match(name) and name.endswith(f"-{target}")


def _wait_for_temporary(folder: Path, process: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        names = _ours(folder)
        if names:
            return names[0]
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise AssertionError(f"no temporary file appeared: {process.communicate()}")


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktopapp", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


LONG_WRITES = {
    "generate": lambda db, target: ("generate", "--events", "200000", "--out", str(target)),
    "export --pdf": lambda db, target: ("export", "--db", str(db), "--pdf", str(target)),
}


@pytest.mark.parametrize("work", sorted(LONG_WRITES))
def test_kill_9_leaves_a_temporary_file_the_next_run_removes(
    work: str, tmp_path: Path, events_db: Path
) -> None:
    target = tmp_path / "out"
    process = _start(*LONG_WRITES[work](events_db, target))
    left = _wait_for_temporary(tmp_path, process)
    process.kill()
    process.communicate(timeout=TIMEOUT)
    assert _ours(tmp_path) == [left] and not target.exists()
    # The next write in that folder, by any command, removes it.
    again = _cli("export", "--db", str(events_db), "--search", "nothing-matches-this", "--csv",
                 str(tmp_path / "other.csv"))  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert _ours(tmp_path) == []


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGHUP])
@pytest.mark.parametrize("work", sorted(LONG_WRITES))
def test_sigterm_and_sighup_clean_up_and_say_so(
    sent: signal.Signals, work: str, tmp_path: Path, events_db: Path
) -> None:
    target = tmp_path / "out"
    process = _start(*LONG_WRITES[work](events_db, target))
    _wait_for_temporary(tmp_path, process)
    process.send_signal(sent)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 128 + sent
    assert _one_clear_line(err) == f"desktopapp: stopped by {sent.name}\n"
    assert "Wrote" not in out
    assert list(tmp_path.iterdir()) == []


# -- the upgrade's backup ---------------------------------------------------------------------


def test_an_upgrade_killed_while_copying_its_backup_leaves_no_truncated_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_1, database)
    original = _hash(database)
    real_copy = shutil.copyfile

    def killed_half_way(source: str | Path, target: str | Path, **_kwargs: object) -> None:
        with open(source, "rb") as reader, open(target, "wb") as writer:
            writer.write(reader.read(4096))
        raise KeyboardInterrupt  # what a SIGTERM or Ctrl+C is turned into

    monkeypatch.setattr(shutil, "copyfile", killed_half_way)
    with pytest.raises(KeyboardInterrupt):
        upgrade_database(database)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.sqlite3"]
    monkeypatch.setattr(shutil, "copyfile", real_copy)
    backup = upgrade_database(database)
    assert backup.name == "timeline.sqlite3.schema1.bak"
    assert _hash(backup) == original


def test_the_backup_keeps_the_mode_of_a_private_database(tmp_path: Path) -> None:
    database = tmp_path / "timeline.sqlite3"
    shutil.copy(SCHEMA_1, database)
    database.chmod(0o600)
    backup = upgrade_database(database)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_nohup_is_respected(tmp_path: Path, events_db: Path) -> None:
    """A command started with SIGHUP ignored (nohup) goes on when the terminal hangs up."""
    target = tmp_path / "events.csv"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktopapp",
            "export",
            "--db",
            str(events_db),
            "--pdf",
            str(tmp_path / "r.pdf"),
            "--csv",
            str(target),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),
    )
    _wait_for_temporary(tmp_path, process)
    process.send_signal(signal.SIGHUP)
    out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 0, err
    assert target.exists() and "Wrote" in out


# -- the process's surroundings ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["a file", "below a file"])
@pytest.mark.parametrize("command", [["list"], ["build-db"], ["export", "--csv", "x.csv"]])
def test_a_data_folder_that_is_a_file_is_one_clear_line(
    where: str,
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    afile = tmp_path / "data"
    afile.write_text("not a folder")
    folder = afile if where == "a file" else afile / "below"
    monkeypatch.setenv("DESKTOPAPP_DATA_DIR", str(folder))
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    err = _one_clear_line(capsys.readouterr().err)
    assert f"the data folder {folder} (set by DESKTOPAPP_DATA_DIR) cannot be used" in err
    assert afile.read_text() == "not a folder"


def test_list_with_stdout_closed_says_so(article_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktopapp", "list", "--db", str(article_db)],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=lambda: os.close(1),  # started as by `desktopapp list >&-`
    )
    assert result.returncode == 2
    assert _one_clear_line(result.stderr) == (
        "desktopapp: cannot print the output: standard output is closed\n"
    )


def test_a_build_with_stdout_closed_still_succeeds(tmp_path: Path) -> None:
    target = tmp_path / "timeline.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "desktopapp", "build-db", "--out", str(target)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 0 and result.stderr == ""
    assert target.stat().st_size > 0


def test_list_into_a_pipe_closed_early_is_quiet(events_db: Path) -> None:
    with contextlib.ExitStack() as stack:
        process = stack.enter_context(
            subprocess.Popen(
                [sys.executable, "-m", "desktopapp", "list", "--db", str(events_db), "--json"],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # like `| head -c 10`
        err = process.stderr.read().decode()
        assert process.wait(timeout=TIMEOUT) == 0
    assert err == ""


def test_a_message_from_below_is_printed_as_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktopapp import cli
    from desktopapp.db.engine import DatabaseError

    def failing(_location: object) -> None:
        raise DatabaseError("x.db: cannot be read\n[SQL: SELECT 1]\n(Background on this error)")

    monkeypatch.setattr(cli, "open_repository", failing)
    assert main(["list", "--db", "x.db"]) == 2
    assert _one_clear_line(capsys.readouterr().err).startswith("desktopapp: x.db: cannot be read")
