"""The window's language: which one to speak at launch, and Qt's translators for it.

Two catalogues make a French window: Qt's own ``qtbase_fr.qm`` (shipped by PySide6: the
file dialogs, the standard buttons, the text fields' context menus) and ours,
``desktopapp_fr.qm``, compiled from ``desktopapp/i18n/desktopapp_fr.ts``. A build compiles
ours into the package; an editable install has no build step, so the ``.ts`` is compiled on
first use into the user's cache folder, under a name that is a digest of its content (an
edited ``.ts`` can never be answered by a stale ``.qm``). A missing or broken catalogue means
English for its words, with one warning in the log, never a failure to start.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktopapp.domain import l10n
from desktopapp.i18n import catalogues
from desktopapp.ui.settings import LANGUAGE, Settings

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate in ``context`` and return it untranslated (a constant,
    translated with ``QCoreApplication.translate(context, …)`` where it is shown). Qt's own
    marker, typed: PySide6's stubs say it returns ``object``."""
    return source


# Qt's own words that its French catalogue lacks in this Qt: the file dialog's labels gained
# mnemonics ("&Look in:") that qtbase_fr.qm only has without. Ours is installed after Qt's,
# so Qt asks it first; tests/test_french_window.py finds any such word left in Qt's dialogs.
QT_WORDS_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def chosen_language(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: the one chosen in View › Language, else the system locale's
    (POSIX variables first, then Qt's idea of the system locale), else English."""
    saved = l10n.supported(str(settings.value(LANGUAGE)))
    if saved:
        return saved
    env = os.environ if environ is None else environ
    if any(env.get(name) for name in _LOCALE_VARIABLES):
        return l10n.system_language(env)
    return l10n.supported(QLocale.system().name()) or l10n.SOURCE_LANGUAGE


_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class Translators:
    """The application's two translators for one language at a time (none for English,
    the source language). Owned by the composition root; :meth:`speak` replaces them."""

    def __init__(self, app: QCoreApplication, cache_dir: Path) -> None:
        self._app = app
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []

    def speak(self, code: str) -> str:
        """Speak ``code`` everywhere: the plain layers' gettext, QLocale's default (numbers
        and dates that Qt formats) and the window's translators. Returns the language."""
        code = l10n.use_language(code)
        QLocale.setDefault(_locale_for(code))
        self.remove()
        if code == l10n.SOURCE_LANGUAGE:
            return code
        self._install(qt_catalogue(code))
        self._install(compiled_catalogue(code, self._cache_dir))
        return code

    def remove(self) -> None:
        """Back to the source language's words (a test's end, or before another language)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()

    def _install(self, path: Path | None) -> None:
        if path is None:
            return
        translator = QTranslator(self._app)
        if not translator.load(str(path)) or translator.isEmpty():
            log.warning("The translations in %s cannot be read: those words stay English", path)
            return
        self._app.installTranslator(translator)
        self._installed.append(translator)


def _locale_for(code: str) -> QLocale:
    """The system's locale if it speaks ``code`` (an en_GB desktop keeps its day-month
    dates in English), else the language's own (en_US for English, fr_FR for French)."""
    system = QLocale.system()
    return system if l10n.supported(system.name()) == code else QLocale(code)


def qt_catalogue(code: str) -> Path:
    """Qt's own ``qtbase_<code>.qm``: where Qt says its translations are, else in the PySide6
    package (a bundle may not tell Qt where it put them)."""
    name = f"qtbase_{code}.qm"
    said = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / name
    if said.is_file():
        return said
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "translations" / name


def compiled_catalogue(code: str, cache_dir: Path) -> Path | None:
    """Our ``.qm`` for ``code``: the one a build put in the package if it was compiled from
    the ``.ts`` beside it, else one compiled now into ``cache_dir`` (once per content of the
    ``.ts``). None, with a warning, when there is neither a catalogue nor a way to compile it."""
    source = catalogues.ts_path(code)
    packaged = catalogues.qm_path(code)
    if not source.is_file():
        if packaged.is_file():  # a bundle ships the compiled file alone
            return packaged
        log.warning("No %s translation catalogue: the window stays English", code)
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    if packaged.is_file() and _compiled_from(packaged, source, digest):
        return packaged
    target = cache_dir / f"desktopapp_{code}-{digest[:16]}.qm"
    if target.is_file():
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        command = [catalogues.qt_tool("lrelease"), "-silent", str(source), "-qm", str(partial)]
        subprocess.run(command, check=True, capture_output=True, timeout=60)
        partial.replace(target)  # whole or not at all: another process may be reading it
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("The %s translations could not be compiled (%s): English instead", code, error)
        return None
    return target


def _compiled_from(compiled: Path, source: Path, digest: str) -> bool:
    """Whether ``compiled`` is the ``.ts``'s current content compiled: by the digest a build
    writes beside it (``setup.py``: install order gives files arbitrary times), else by
    being newer (``python -m desktopapp.i18n compile`` in a source tree)."""
    recorded = compiled.with_name(compiled.name + DIGEST_SUFFIX)
    if recorded.is_file():
        return recorded.read_text(encoding="ascii").strip() == digest
    return compiled.stat().st_mtime >= source.stat().st_mtime


DIGEST_SUFFIX = ".sha256"  # desktopapp_fr.qm.sha256: the .ts's SHA-256 it was compiled from
