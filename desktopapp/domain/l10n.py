"""The words of the plain-Python layers in the reader's language: a gettext seam.

The layers below the window import no Qt (domain, db, ingest, document), and neither do the
exports' and the command line's words, so the prose they produce goes through this module:
``_("…")``, ``ngettext("… event", "… events", n)`` for plurals, ``pgettext(context, "…")``
where one English word needs two French ones, and ``N_("…")`` to mark a string translated
later (a constant). The window's own words use Qt's ``tr()`` and the ``.ts`` catalogue
instead (``desktopapp/i18n/``), except its plurals, which are this module's ``ngettext``
(see :func:`desktopapp.i18n.catalogues.gettext_sources` for why).

The catalogues are gettext ``.po`` files in ``desktopapp/i18n/``, read with Babel (the
reference library for CLDR locale data in Python) and compiled in memory on first use: no
build step can leave a stale ``.mo`` behind. Numbers are written by CLDR's rules through
Babel ("1,234" in English, "1 234" with a narrow no-break space in French), never by
``f"{n:,}"``.

One process speaks one language at a time, as Qt's own translator does: the composition root
calls :func:`use_language` at start and again when the person switches. This is the one piece
of process-wide state in the plain layers, deliberately so: threading a language argument
through every message of every layer would make each of them a place to forget it. Tests
switch with :func:`speaking`.
"""

from __future__ import annotations

import gettext
import io
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Literal

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}  # each in its own language
NARROW_NO_BREAK_SPACE = "\u202f"

_lock = threading.Lock()
_current = SOURCE_LANGUAGE


def language() -> str:
    """The language the plain layers speak now: one of :data:`LANGUAGES`."""
    return _current


def supported(code: str | None) -> str | None:
    """The supported language a locale name or language tag speaks ("fr_FR.UTF-8",
    "fr-CA", "FR" → "fr"), or None."""
    if not code:
        return None
    base = code.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system's locale asks for, by POSIX's order of precedence
    (LANGUAGE's list, then LC_ALL, LC_MESSAGES, LANG); English when none is supported."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for code in env.get(name, "").split(":"):
            found = supported(code)
            if found:
                return found
            if code in ("C", "POSIX") and name != "LANGUAGE":
                return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def use_language(code: str) -> str:
    """Speak ``code`` (or English if it is not supported) from now on; returns the language."""
    global _current
    chosen = supported(code) or SOURCE_LANGUAGE
    with _lock:
        _current = chosen
    return chosen


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """Speak ``code`` inside the block, then the language spoken before (tests, and one
    export in a language other than the window's)."""
    before = language()
    try:
        yield use_language(code)
    finally:
        use_language(before)


@cache
def catalogue(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``code``: the ``.po`` file read by Babel and turned into a
    gettext catalogue in memory (English, the source language, needs none)."""
    if code == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    from babel.messages import mofile, pofile

    source = resources.files("desktopapp.i18n").joinpath(f"desktopapp_{code}.po")
    if not source.is_file():
        return gettext.NullTranslations()
    with source.open("rb") as handle:
        messages = pofile.read_po(handle, locale=code, domain="desktopapp")
    compiled = io.BytesIO()
    mofile.write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language."""
    return catalogue(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form of the current language for ``n`` (French: 0 and 1 are singular).
    Write the number with ``{n}`` and fill it with :func:`number`, not ``%d``."""
    return catalogue(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context``: one English word, two French ones ("Open" a file,
    "open" as a state)."""
    return catalogue(_current).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return catalogue(_current).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it now (a constant whose words
    are looked up with :func:`_` where they are shown)."""
    return message


def number(value: int | float) -> str:
    """``value`` written by the current language's rules: "1,234,567" / "1 234 567"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_current)


def quoted(text: str) -> str:
    """``text`` between the current language's quotation marks: “text” in English,
    « text » in French, with narrow no-break spaces inside the guillemets."""
    if _current == "fr":
        return f"«{NARROW_NO_BREAK_SPACE}{text}{NARROW_NO_BREAK_SPACE}»"
    return f"“{text}”"


@cache
def _month_names(
    code: str, width: Literal["abbreviated", "wide"], context: Literal["format", "stand-alone"]
) -> tuple[str, ...]:
    from babel.dates import get_month_names

    names = get_month_names(width, context, locale=code)
    return tuple(names[month] for month in range(1, 13))


def month_name(month: int, *, abbreviated: bool = False, standalone: bool = False) -> str:
    """The month's name in the current language from CLDR: "March"/"mars", "Mar"/"mars",
    abbreviated "Feb"/"févr."; ``standalone`` for a month without a day ("March 2022" /
    "mars 2022"; CLDR distinguishes the two in languages that inflect)."""
    width: Literal["abbreviated", "wide"] = "abbreviated" if abbreviated else "wide"
    context: Literal["format", "stand-alone"] = "stand-alone" if standalone else "format"
    return _month_names(_current, width, context)[month - 1]
