"""The composition root: the one place where the application, the database, the settings and
the window are created and wired together. Nothing here is global; everything is handed in.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktopapp.launch import EXIT_USAGE, LaunchOptions

if TYPE_CHECKING:
    from desktopapp.db.repository import EventRepository
    from desktopapp.document import TimelineDocument
    from desktopapp.domain.filter import EventFilter
    from desktopapp.ui.main_window import MainWindow
    from desktopapp.ui.settings import Settings
    from desktopapp.ui.translations import Translators

# The database layer (SQLAlchemy, the schema: some 0.4 s to import, more than Qt itself) and
# the window's modules are imported inside the functions that need them, after a first window
# is on screen: importing this module costs no more than Qt.

APP_NAME = "desktopapp"
ORGANIZATION = "desktopapp"
DOMAIN = "desktopapp.github.io"
DEFAULT_SCREENSHOT_SIZE = (1440, 900)
# Rounds of "run every event and every due zero-delay timer" before a screenshot is taken:
# each round lets one more chain of deferred work (layout, debounced filters, scene updates)
# finish. Far more than the window needs, and each idle round costs microseconds.
SETTLE_ROUNDS = 20


def run_app(options: LaunchOptions) -> int:
    """Open the window (or render it to ``options.screenshot``) and return the exit status."""
    previous_handler = None
    if options.screenshot is not None:
        previous_handler = qInstallMessageHandler(_quiet_offscreen_noise)
    app = _application(options.qt_arguments)
    translators = _speak_chosen_language(app, headless=options.screenshot is not None)
    reporter = CrashReporter(headless=options.screenshot is not None)
    previous_hook = reporter.install()
    try:
        return _run(app, options, translators)
    finally:
        translators.remove()
        sys.excepthook = previous_hook
        if options.screenshot is not None:
            qInstallMessageHandler(previous_handler)


# What the offscreen platform says about features it lacks (window hints a headless
# rendering has no use for): noise on every --screenshot, not something to act on.
_OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in _OFFSCREEN_NOISE:
        return
    print(message, file=sys.stderr)


def _speak_chosen_language(app: QApplication, *, headless: bool) -> Translators:
    """The language of View › Language, else the system's (a screenshot shows what the
    command line and the locale ask for, not the last session's choice)."""
    import platformdirs

    from desktopapp.ui.settings import Settings
    from desktopapp.ui.translations import Translators, chosen_language

    translators = Translators(app, platformdirs.user_cache_path(APP_NAME))
    with tempfile.TemporaryDirectory() as folder:
        store = (
            QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            if headless
            else QSettings()
        )
        speak(translators, chosen_language(Settings(store)))
    return translators


def speak(translators: Translators, code: str) -> None:
    """Speak ``code``: the translators, and the application's name in dialogs' titles."""
    translators.speak(code)
    QGuiApplication.setApplicationDisplayName(
        QCoreApplication.translate("MainWindow", "News Timeline")
    )


def _run(app: QApplication, options: LaunchOptions, translators: Translators) -> int:
    splash = None if options.screenshot is not None else _show_splash(options)
    _set_window_icon()
    try:
        return _open_and_run(app, options, splash, translators)
    finally:
        _close(splash)


def _close(splash: QLabel | None) -> None:
    if splash is not None and splash.isVisible():
        splash.close()


def _open_and_run(
    app: QApplication, options: LaunchOptions, splash: QLabel | None, translators: Translators
) -> int:
    from desktopapp.db.errors import OlderSchemaError

    options = _with_remembered_password(options)
    upgraded: str | None = None
    try:
        try:
            location, repository = _open_repository(options)
        except OlderSchemaError as error:
            if options.screenshot is not None or options.database is None:
                raise
            from desktopapp.ui.upgrade_offer import upgrade_if_asked

            _close(splash)  # it stays on top: the question must not be under it
            upgraded = upgrade_if_asked(None, options.database, str(error))
            if upgraded is None:  # declined: nothing more to say
                return EXIT_USAGE
            location, repository = _open_repository(options)
    except Exception as error:
        message = _failure_message(error)
        if message is None:
            raise
        _close(splash)
        return _fail(message, headless=options.screenshot is not None)

    from desktopapp.document import TimelineDocument
    from desktopapp.ui.settings import Settings

    # The one document of the window: whatever the window opens later replaces its timeline,
    # and it closes the last one open when the window is gone.
    settings = Settings(QSettings())
    document = _server_timeline_for_editing(options, repository, settings) or TimelineDocument(
        repository, location=location
    )
    host: WindowHost | None = None
    try:
        if options.screenshot is not None:
            # A screenshot shows exactly what the command line asks for, not the last session.
            with tempfile.TemporaryDirectory() as folder:
                store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
                host = WindowHost(document, Settings(store), translators, options.event_filter)
                return _screenshot(app, host.window, options)
        initial = None if options.event_filter.is_empty else options.event_filter
        host = WindowHost(document, settings, translators, initial)
        if upgraded is not None:
            host.window.statusBar().showMessage(upgraded, 10000)
        host.window.show()
        _close(splash)
        return run_event_loop(app)
    finally:
        if host is not None:
            # Closing the engine under a running query would pull its connection away from
            # the worker thread (seen as "Set changed size during iteration", once a crash).
            host.window.stop_queries()
        document.close()


class WindowHost:
    """The main window over the document, in the language spoken, and View › Language.

    A language switch builds a new window on the same document and closes the old one,
    rather than retranslating the window in place: every pane sets its words as it is built,
    and a second path that sets them again for each label of each pane would be one more
    place to forget a word. The document holds everything the person did (the timeline, the
    filter, the selection, the undo stack), and the settings the old window saves just before
    hold its geometry, splitters and toolbar, so the new window shows the same thing."""

    def __init__(
        self,
        document: TimelineDocument,
        settings: Settings,
        translators: Translators,
        initial_filter: EventFilter | None = None,
    ) -> None:
        self._document = document
        self._settings = settings
        self._translators = translators
        self.window = self._build(initial_filter)

    def _build(self, initial_filter: EventFilter | None) -> MainWindow:
        from desktopapp.ui.main_window import MainWindow

        window = MainWindow(self._document, self._settings, initial_filter)
        window.languageChosen.connect(self.switch_language)
        return window

    def switch_language(self, code: str) -> MainWindow:
        """Speak ``code`` from now on (remembered for the next launch) and show the window
        in it; returns the window now shown."""
        from desktopapp.domain import l10n
        from desktopapp.ui.settings import LANGUAGE

        code = l10n.supported(code) or l10n.SOURCE_LANGUAGE
        self._settings.set_value(LANGUAGE, code)
        if code == l10n.language():
            return self.window
        old = self.window
        old.save_state()  # what the new window restores: geometry, splitters, toolbar
        old.detach()
        speak(self._translators, code)
        selection = self._document.selection
        self.window = self._build(self._document.filter)
        # Where the old one is, exactly (the saved geometry may be fitted to the screen).
        self.window.setGeometry(old.geometry())
        if old.isMaximized():
            self.window.setWindowState(Qt.WindowState.WindowMaximized)
        if selection is not None:  # shown once the list has it
            self.window.filterApplied.connect(self._reselect(selection))
        if old.isVisible():
            self.window.show()
            self.window.activateWindow()
        old.close()
        old.deleteLater()
        return self.window

    def _reselect(self, event_id: int) -> Callable[[object], None]:
        window = self.window

        def select(_filter: object) -> None:
            window.filterApplied.disconnect(select)
            window.select_event(event_id)

        return select


def _with_remembered_password(options: LaunchOptions) -> LaunchOptions:
    """``--db postgresql://ada@host/db`` without a password: the one the keyring keeps for
    it (File › Open Server Timeline…'s "Remember password"), else libpq finds one itself."""
    from desktopapp.db.locations import is_server_location

    database = options.database
    if database is None or not is_server_location(database):
        return options
    from desktopapp.ui.server_dialog import with_remembered_password

    return replace(options, database=with_remembered_password(database))


def run_event_loop(app: QApplication) -> int:
    """Run the event loop with everything built so far out of the garbage collector's sight.

    The startup heap (PySide6, SQLAlchemy and the window: some 90,000 objects that live until
    exit) was walked by every full collection, 100-300 ms each on a busy CPU: a pause now and
    then during use, and several at interpreter exit, which kept the process running up to
    2 s after the window had closed. gc.freeze() moves them to the permanent generation;
    whatever the session creates is still collected as usual."""
    gc.freeze()
    return app.exec()


def _application(qt_arguments: tuple[str, ...] = ()) -> QApplication:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setOrganizationDomain(DOMAIN)
    existing = QApplication.instance()
    # Qt's own options (-style Fusion, -platform xcb) go to Qt; ours were read by argparse.
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([*sys.argv[:1], *qt_arguments])
    )
    QGuiApplication.setApplicationDisplayName("News Timeline")
    return app


def _set_window_icon() -> None:
    """The version, the desktop entry's name and the icon (reading the version and reaching
    the bundled files cost more than Qt's start: done once the splash is up)."""
    from desktopapp import __version__
    from desktopapp.ui.icon import DESKTOP_FILE_NAME

    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    icon = _window_icon()
    if icon is not None:
        QGuiApplication.setWindowIcon(icon)


def _show_splash(options: LaunchOptions) -> QLabel:
    """A window on screen at once, saying what is being opened, while the database layer and
    the main window are imported and built (about a second): the person sees the app answer
    in the time Qt alone takes. It closes when the main window shows, or on any failure.

    A QLabel with the splash window type rather than QSplashScreen, which waits up to a
    second for the window to be exposed (always, on the offscreen platform)."""
    if options.database:
        opening = QCoreApplication.translate("App", "Opening {name}…").format(
            name=Path(options.database).name
        )
    else:
        opening = QCoreApplication.translate("App", "Opening the sample timeline…")
    splash = QLabel()
    splash.setObjectName("startupSplash")
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(_splash_picture(opening))
    splash.setAccessibleName(opening.removesuffix("…"))
    splash.show()
    splash.repaint()  # painted now: the imports that follow keep the event loop away
    return splash


def _splash_picture(line: str) -> QPixmap:
    palette = QGuiApplication.palette()
    pixmap = QPixmap(420, 120)
    pixmap.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(pixmap)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    title = QFont(painter.font())
    title.setPointSizeF(title.pointSizeF() * 1.6)
    title.setBold(True)
    painter.setFont(title)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    left = Qt.AlignmentFlag.AlignLeft
    title_text = QGuiApplication.applicationDisplayName()  # set by _application
    painter.drawText(pixmap.rect().adjusted(24, 22, -24, -60), left, title_text)
    painter.setFont(QFont(QGuiApplication.font()))
    painter.setPen(QColor(palette.color(QPalette.ColorRole.PlaceholderText)))
    metrics = painter.fontMetrics()
    text = metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, pixmap.width() - 48)
    painter.drawText(pixmap.rect().adjusted(24, 70, -24, -16), left, text)
    painter.end()
    return pixmap


def _window_icon() -> QIcon | None:
    from desktopapp.ui.icon import app_icon, icon_file

    if not icon_file("").is_dir():
        return None
    icon = app_icon()
    return None if icon.isNull() else icon


def _open_repository(options: LaunchOptions) -> tuple[Path | None, EventRepository]:
    """The file (None for a database URL) and the repository over ``--db`` or the bundled
    database; the initial filter checked against it (an unknown company is an error, not an
    empty timeline)."""
    from desktopapp.db.engine import open_database
    from desktopapp.db.repository import EventRepository
    from desktopapp.ingest.bundled import ensure_default_database

    location: str | Path = (
        options.database if options.database is not None else ensure_default_database()
    )
    repository = EventRepository(open_database(location))
    try:
        repository.validate(options.event_filter)
    except Exception:
        repository.engine.dispose()
        raise
    from desktopapp.document import file_of

    return file_of(location), repository


def _server_timeline_for_editing(
    options: LaunchOptions, repository: EventRepository, settings: Settings
) -> TimelineDocument | None:
    """A timeline on a database server, opened for editing at once: a file is made editable
    at its first edit, by its path, which a server has not. None for a file, a screenshot, or
    a server that refuses this user's writes (it is then viewed)."""
    from desktopapp.db.locations import is_server_location
    from desktopapp.document import TimelineDocument
    from desktopapp.ui.server_dialog import editing_store

    database = options.database
    if database is None or options.screenshot is not None or not is_server_location(database):
        return None
    store = editing_store(str(database), settings.author())  # as File › Open Server Timeline
    if store is None:
        return None
    repository.engine.dispose()
    return TimelineDocument.editing(store)


def _failure_message(error: Exception) -> str | None:
    from desktopapp.db.engine import DatabaseError
    from desktopapp.domain.filter import FilterError
    from desktopapp.ingest.annotations import AnnotationError
    from desktopapp.ingest.builder import BuildError
    from desktopapp.ingest.upgrade import UpgradeError

    if isinstance(error, DatabaseError | FilterError | BuildError | AnnotationError | UpgradeError):
        return str(error)
    if isinstance(error, OSError):
        name = error.filename or QCoreApplication.translate("App", "a file")
        return f"{name}: {error.strerror or error}"
    return None


def _fail(message: str, *, headless: bool) -> int:
    if headless:
        print(f"desktopapp: {message}", file=sys.stderr)
        return EXIT_USAGE
    box = QMessageBox()
    box.setWindowTitle("desktopapp")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate("App", "The timeline cannot be opened."))
    box.setInformativeText(message)
    box.exec()
    return EXIT_USAGE


# -- the last resort ----------------------------------------------------------------------------

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashReporter:
    """A ``sys.excepthook`` for bugs nobody caught (most often in a Qt slot, where Python
    would print the traceback and carry on, or in PySide6 abort): the traceback goes to
    stderr, and the person sees one dialog with the one-line reason instead of a window that
    silently stopped doing something. Only one dialog is shown at a time; more errors while
    it is open only add to stderr and to its count."""

    def __init__(self, *, headless: bool = False) -> None:
        self._headless = headless
        self._box: QMessageBox | None = None
        self._more = 0

    def install(self) -> ExceptHook:
        """Become ``sys.excepthook``; returns the hook it replaces (to restore it later)."""
        previous = sys.excepthook
        sys.excepthook = self
        return previous

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        print("desktopapp: unexpected error", file=sys.stderr)
        traceback.print_exception(kind, error, trace, file=sys.stderr)
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        if self._headless or QApplication.instance() is None:
            return
        self.show(one_line_reason(error))

    def dialog(self) -> QMessageBox | None:
        """The dialog now on screen, if any."""
        return self._box if self._box is not None and self._box.isVisible() else None

    def show(self, reason: str) -> None:
        box = self.dialog()
        if box is not None:
            self._more += 1
            box.setInformativeText(self._informative(box.property("reason"), self._more))
            return
        self._more = 0
        parent = QApplication.activeWindow()
        box = QMessageBox(parent if isinstance(parent, QWidget) else None)
        box.setWindowTitle("desktopapp")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(QCoreApplication.translate("App", "Something went wrong inside desktopapp."))
        box.setProperty("reason", reason)
        box.setInformativeText(self._informative(reason, 0))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(self._forget)
        self._box = box
        box.show()

    def _forget(self, _result: int = 0) -> None:
        self._box = None

    @staticmethod
    def _informative(reason: str, more: int) -> str:
        from desktopapp.domain.l10n import ngettext, number

        text = QCoreApplication.translate(
            "App",
            "{reason}\n\nThe details were written to the error output. You can go on "
            "working; if something looks wrong, reopen the database.",
        ).format(reason=reason)
        if not more:
            return text
        since = ngettext("({n} more error since.)", "({n} more errors since.)", more)
        return text + "\n\n" + since.format(n=number(more))


def one_line_reason(error: BaseException) -> str:
    """'ValueError: the first line of its message'."""
    text = str(error).strip()
    first = text.splitlines()[0] if text else ""
    name = type(error).__name__
    return f"{name}: {first}" if first else name


# -- screenshots ------------------------------------------------------------------------------


def _screenshot(app: QApplication, window: object, options: LaunchOptions) -> int:
    from desktopapp.ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and options.screenshot is not None
    target = options.screenshot.expanduser()
    if not target.parent.is_dir():
        return _fail(f"{target.parent}: no such folder", headless=True)
    width, height = options.size or DEFAULT_SCREENSHOT_SIZE
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.resize(QSize(width, height))
    window.show()
    settle(app)
    window.settle()
    # A picture of the app shows it in use: the first listed event selected, with its
    # details and its passages in the article.
    first = window.table_model.event_id(0)
    if first is not None:
        window.select_event(first)
    window.timeline.fit_all()
    settle(app)
    window.timeline.wait_for_load()
    settle(app)
    pixmap = window.grab()
    from desktopapp.export.files import ExportError
    from desktopapp.export.images import write_png

    try:
        write_png(pixmap, target)  # encoded in memory, every write to the file checked
    except ExportError as error:
        return _fail(str(error), headless=True)
    window.close()
    window.deleteLater()
    return 0


def settle(app: QApplication) -> None:
    """Run posted events and due zero-delay timers until nothing more happens, so layouts,
    deferred scene updates and queued signals are finished before the window is grabbed."""
    for _ in range(SETTLE_ROUNDS):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
        app.sendPostedEvents()
