"""Keep the catalogues in step with the code, compile the Qt ones, and say what is missing.

Qt's tools do the Qt side (``pyside6-lupdate`` extracts ``tr()`` calls, ``pyside6-lrelease``
compiles), Babel the gettext side; this module only says which files go where, so that one
command refreshes everything and a test can ask whether anything is untranslated.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktopapp.domain.l10n import LANGUAGES, SOURCE_LANGUAGE

PACKAGE = Path(__file__).resolve().parents[1]  # desktopapp/
CATALOGUES = Path(__file__).resolve().parent  # desktopapp/i18n/
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)

# gettext's keywords of desktopapp.domain.l10n, in Babel's spec (argument numbers, c = context).
GETTEXT_KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
_FIELD = re.compile(r"\{[^{}]*\}")


def qt_sources() -> list[Path]:
    """The modules whose words are Qt's ``tr()``: the window (``ui/``) and ``app.py``."""
    return [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


def gettext_sources() -> list[Path]:
    """Every module of the package, the window's included: its plurals are gettext's too,
    because PySide6's ``tr(text, "", n)`` falls back to the English plural when called from a
    subclass of the class that holds the message, and lupdate does not see a plural in
    ``QCoreApplication.translate``."""
    skip = {CATALOGUES, PACKAGE / "db" / "migrations"}
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(part in skip for part in path.parents)
    ]


def ts_path(code: str) -> Path:
    return CATALOGUES / f"desktopapp_{code}.ts"


def po_path(code: str) -> Path:
    return CATALOGUES / f"desktopapp_{code}.po"


def qm_path(code: str, directory: Path = CATALOGUES) -> Path:
    return directory / f"desktopapp_{code}.qm"


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` or ``pyside6-lrelease``: PySide6-Essentials ships both; the one
    next to this interpreter first, so a virtual environment's is used without activating it."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def update_qt(code: str, target: Path | None = None) -> Path:
    """Refresh ``desktopapp_<code>.ts`` (or ``target``, a copy) from the ``tr()`` calls. No
    source locations are written: they change with every edit and would make every branch's
    catalogue conflict."""
    target = target or ts_path(code)
    relative = [str(path.relative_to(PACKAGE.parent)) for path in qt_sources()]
    command = [qt_tool("lupdate"), "-locations", "none", "-no-obsolete", *relative]
    command += ["-target-language", code, "-ts", str(target)]
    subprocess.run(command, check=True, cwd=PACKAGE.parent, capture_output=True)
    return target


def extract_gettext():  # -> babel.messages.catalog.Catalog
    """The template of every gettext message in the plain layers' code."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    template = Catalog(domain="desktopapp", project="desktopapp")
    for path in gettext_sources():
        relative = str(path.relative_to(PACKAGE.parent))
        for lineno, message, comments, context in extract_from_file(
            "python", str(path), keywords=GETTEXT_KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(
                message,
                locations=[(relative, lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def update_gettext(code: str) -> None:
    """Refresh ``desktopapp_<code>.po``: kept translations, new messages empty, vanished
    ones dropped, sorted and without locations (for the same reason as :func:`update_qt`)."""
    from babel.messages import pofile
    from babel.messages.catalog import Catalog

    template = extract_gettext()
    path = po_path(code)
    if path.exists():
        with path.open("rb") as handle:
            catalog = pofile.read_po(handle, locale=code, domain="desktopapp")
    else:
        catalog = Catalog(
            locale=code,
            domain="desktopapp",
            project="desktopapp",
            header_comment=f"# {code} translations of desktopapp's plain-layer messages.",
        )
    # The header's dates stay as they were: a refresh that changes no message changes no byte.
    template.creation_date = catalog.creation_date
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    with path.open("wb") as handle:
        pofile.write_po(
            handle, catalog, no_location=True, sort_output=True, omit_header=False, width=100
        )


def update() -> None:
    for code in TRANSLATED:
        update_qt(code)
        update_gettext(code)


def compile_qt(directory: Path = CATALOGUES) -> list[Path]:
    """Compile each ``.ts`` into ``directory`` with ``pyside6-lrelease``; unfinished messages
    are left out of the ``.qm``, so they show in English rather than empty."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for code in TRANSLATED:
        target = qm_path(code, directory)
        command = [qt_tool("lrelease"), "-silent", str(ts_path(code)), "-qm", str(target)]
        subprocess.run(command, check=True, capture_output=True)
        written.append(target)
    return written


@dataclass(frozen=True)
class Gap:
    """One message a reader of ``language`` would see in English, or with a broken field."""

    language: str
    catalogue: str
    context: str
    source: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.catalogue} [{self.context}]" if self.context else self.catalogue
        return f"{where}: {self.source!r}: {self.problem}"


def _fields(text: str) -> list[str]:
    return sorted(_FIELD.findall(text))


def qt_gaps(code: str, path: Path | None = None) -> list[Gap]:
    """Every message of the ``.ts`` (or of ``path``, a refreshed copy) that is unfinished,
    empty or loses a ``%1``/``%n``."""
    path = path or ts_path(code)
    name = ts_path(code).name
    gaps = []
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            texts = _translations(translation)
            problem = None
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                problem = "not translated (unfinished)"
            elif not all(texts):
                problem = "empty translation"
            elif any(_qt_args(text) != _qt_args(source) for text in texts):
                problem = "its %1 / %n arguments differ from the English"
            if problem:
                gaps.append(Gap(code, name, context_name, source, problem))
    return gaps


def _translations(translation: ET.Element | None) -> list[str]:
    if translation is None:
        return [""]
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _qt_args(text: str) -> set[str]:
    return set(re.findall(r"%(?:n|L?\d)", text))


def gettext_gaps(code: str) -> list[Gap]:
    """Every message of the ``.po`` that is untranslated, fuzzy, missing from it although the
    code uses it, or whose ``{fields}`` differ from the English."""
    from babel.messages import pofile

    name = po_path(code).name
    if not po_path(code).exists():
        return [Gap(code, name, "", "", "the catalogue is missing")]
    with po_path(code).open("rb") as handle:
        catalog = pofile.read_po(handle, locale=code, domain="desktopapp")
    gaps = []
    for message in extract_gettext():
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        found = catalog.get(message.id, context=message.context)
        if found is None:
            gaps.append(Gap(code, name, message.context or "", key, "not in the catalogue"))
            continue
        gaps.extend(_po_problems(code, name, found, key))
    return gaps


def _po_problems(code: str, name: str, message, key: str) -> Iterable[Gap]:
    texts = list(message.string) if isinstance(message.string, tuple) else [message.string]
    context = message.context or ""
    if message.fuzzy:
        yield Gap(code, name, context, key, "fuzzy (needs checking)")
    elif not all(texts):
        yield Gap(code, name, context, key, "not translated")
    else:
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = _fields(sources[-1])
        if any(_fields(text) != wanted for text in texts):
            yield Gap(code, name, context, key, "its {fields} differ from the English")


def gaps() -> list[Gap]:
    found: list[Gap] = []
    for code in TRANSLATED:
        found += qt_gaps(code) + gettext_gaps(code)
    return found


def union_ts(ours: bytes, theirs: bytes) -> bytes:
    """Both sides' messages of a ``.ts`` (ours win where both translate one message): how two
    branches' catalogues merge. :func:`update_qt` then puts the file back in lupdate's form."""
    mine = ET.fromstring(ours)
    contexts = {context.findtext("name", ""): context for context in mine.iter("context")}
    for context in ET.fromstring(theirs).iter("context"):
        name = context.findtext("name", "")
        target = contexts.get(name)
        if target is None:
            mine.append(context)
            contexts[name] = context
            continue
        known = {_ts_key(message): message for message in target.iter("message")}
        for message in context.iter("message"):
            existing = known.get(_ts_key(message))
            if existing is None:
                target.append(message)
            elif _unfinished(existing) and not _unfinished(message):
                target.remove(existing)
                target.append(message)
    return ET.tostring(mine, encoding="utf-8", xml_declaration=True)


def _ts_key(message: ET.Element) -> tuple[str, str]:
    return message.findtext("source", ""), message.findtext("comment", "")


def _unfinished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is None or translation.get("type") == "unfinished"


def union_po(code: str, ours: bytes, theirs: bytes) -> bytes:
    """Both sides' messages of a ``.po`` (ours win where both translate one message)."""
    from babel.messages import pofile

    mine = pofile.read_po(io.BytesIO(ours), locale=code, domain="desktopapp")
    for message in pofile.read_po(io.BytesIO(theirs), locale=code, domain="desktopapp"):
        if not message.id:
            continue
        existing = mine.get(message.id, context=message.context)
        if existing is None or (not _po_done(existing) and _po_done(message)):
            if existing is not None:  # Babel's assignment would keep the old translation
                mine.delete(message.id, context=message.context)
            mine[message.id] = message
    out = io.BytesIO()
    pofile.write_po(out, mine, no_location=True, sort_output=True, width=100)
    return out.getvalue()


def _po_done(message) -> bool:
    texts = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(texts) and not message.fuzzy


def resolve_conflicts() -> list[Path]:
    """After a ``git merge`` that conflicts on the catalogues: write each conflicted one as
    the union of both sides, refresh it from the merged code, and ``git add`` it."""
    root = PACKAGE.parent
    listed = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=U"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    resolved = []
    for code in TRANSLATED:
        for path in (ts_path(code), po_path(code)):
            relative = str(path.relative_to(root))
            if relative not in listed:
                continue
            ours, theirs = (_stage(root, stage, relative) for stage in (2, 3))
            merged = (
                union_ts(ours, theirs) if path.suffix == ".ts" else union_po(code, ours, theirs)
            )
            path.write_bytes(merged)
            resolved.append(path)
    update()
    for path in resolved:
        subprocess.run(["git", "add", str(path)], cwd=root, check=True)
    return resolved


def _stage(root: Path, stage: int, relative: str) -> bytes:
    return subprocess.run(
        ["git", "show", f":{stage}:{relative}"], cwd=root, check=True, capture_output=True
    ).stdout


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    action = args[0] if args else "check"
    if action == "update":
        update()
    elif action == "compile":
        for path in compile_qt(Path(args[1]) if len(args) > 1 else CATALOGUES):
            print(f"wrote {path}")
    elif action == "resolve":
        for path in resolve_conflicts():
            print(f"merged {path}")
    elif action == "check":
        found = gaps()
        for gap in found:
            print(gap)
        print(f"{len(found)} message(s) not translated", file=sys.stderr)
        return 1 if found else 0
    else:
        print(
            "usage: python -m desktopapp.i18n update | compile [DIR] | check | resolve",
            file=sys.stderr,
        )
        return 2
    return 0
