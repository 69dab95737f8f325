"""``desktopapp --screenshot``: a populated window written atomically as a PNG of the asked size,
and one clear line (exit status 2) for every mistake a person can make."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktopapp.app import run_app
from desktopapp.cli import LaunchOptions, main
from desktopapp.domain.filter import EventFilter


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_screenshot_writes_a_png_of_the_requested_size(
    qapp, article_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "window.png"
    options = LaunchOptions(
        database=str(article_db),
        event_filter=EventFilter(),
        screenshot=target,
        size=(1024, 700),
    )
    assert run_app(options) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 700)
    assert _distinct_colours(image) > 20  # drawn, not a blank window
    assert [p.name for p in tmp_path.iterdir()] == ["window.png"]  # no temporary left behind


def test_screenshot_through_the_command_line(qapp, article_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "small.png"
    status = main(
        [
            "--db",
            str(article_db),
            "--company",
            "Apple",
            "--screenshot",
            str(target),
            "--size",
            "800x600",
        ]
    )
    assert status == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (800, 600)


def test_default_size_and_bundled_database(qapp, tmp_path: Path) -> None:
    target = tmp_path / "default.png"
    assert main(["--screenshot", str(target)]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1440, 900)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--company", "Nobody Ltd"], "no actor is called 'Nobody Ltd'"),
        (["--type", "no-such-type"], "no event type is called"),
    ],
)
def test_unknown_filter_names_are_one_clear_line(
    qapp,
    article_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    target = tmp_path / "never.png"
    status = main(["--db", str(article_db), *arguments, "--screenshot", str(target)])
    assert status == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1
    assert not target.exists()


def test_a_file_that_is_not_a_database_is_one_clear_line(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"hello")
    target = tmp_path / "never.png"
    status = main(["--db", str(bogus), "--screenshot", str(target)])
    assert status == 2
    err = capsys.readouterr().err.strip()
    assert err == f"desktopapp: {bogus}: not a timeline database (not an SQLite file)"
    assert not target.exists()


def test_a_missing_folder_is_one_clear_line(
    qapp, article_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "s.png"
    assert main(["--db", str(article_db), "--screenshot", str(target)]) == 2
    assert "no such folder" in capsys.readouterr().err
