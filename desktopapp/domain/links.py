"""Which addresses from the data may become clickable links, and in what form.

A URL in a timeline file is data from whoever made the file. It passes the annotation file's
pattern (``https?://`` and no spaces or quotes) yet can still hold what breaks the syntax it is
written into: parentheses and backslashes close a PDF string and open a JavaScript action,
quotes and angle brackets end an HTML attribute. Every place that makes a link (the PDF's link
annotations, the window's detail pane) takes its target from :func:`link_target` alone, which
parses the address with ``urllib.parse`` and writes it back percent-encoded: plain ASCII with
no parenthesis, backslash, quote, angle bracket, space or control character left in it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import SplitResult, urlsplit, urlunsplit

MAX_LINK_LENGTH = 2048  # longer addresses are shown as text, not linked (browsers' own limit)
SCHEMES = ("http", "https")

# Kept as they are in a path, query or fragment (RFC 3986 unreserved characters and the
# delimiters that carry meaning in them). Left out on purpose, so they are percent-encoded:
# ( ) ' * [ ] \ " < > ` { } | ^ and space, none of which a real address needs verbatim.
_KEPT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&+,;=:@/?")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def link_target(url: str) -> str | None:
    """``url`` as a safe, percent-encoded http(s) address, or None when it is not one.

    None for another scheme (``javascript:``, ``file:``, ``data:``), no host or a host that
    is not a host name, a user name or password before the host (``https://bank@evil``),
    a bad port, control or invisible characters anywhere, or more than
    :data:`MAX_LINK_LENGTH` characters.
    """
    url = url.strip()
    if not url or len(url) > MAX_LINK_LENGTH or _has_hidden_characters(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return None
    if parts.scheme.lower() not in SCHEMES or "@" in parts.netloc:
        return None
    host = _ascii_host(parts)
    if host is None:
        return None
    netloc = host if port is None else f"{host}:{port}"
    target = urlunsplit(
        SplitResult(
            parts.scheme.lower(),
            netloc,
            _encoded(parts.path) or "/",
            _encoded(parts.query),
            _encoded(parts.fragment),
        )
    )
    return target if len(target) <= MAX_LINK_LENGTH else None


def _has_hidden_characters(text: str) -> bool:
    """Controls, format characters (bidi, zero-width), unassigned ones and any space: none
    belongs in an address, and each can make a link read differently from where it goes."""
    return any(unicodedata.category(char)[0] in "CZ" for char in text)


def _ascii_host(parts: SplitResult) -> str | None:
    """The host in ASCII (IDNA for an international name), or None if it is not a host."""
    hostname = parts.hostname
    if not hostname:
        return None
    if ":" in hostname:  # an IPv6 literal: urlsplit has checked its form
        return f"[{hostname}]" if re.fullmatch(r"[0-9a-f:.]+", hostname) else None
    if _IPV4.match(hostname):
        return hostname if all(int(n) <= 255 for n in hostname.split(".")) else None
    try:
        ascii_host = hostname.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = ascii_host.rstrip(".").split(".")
    if len(ascii_host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
        return None
    return ascii_host


def _encoded(component: str) -> str:
    """Percent-encode every character outside :data:`_KEPT` (as UTF-8), keeping well-formed
    ``%XX`` escapes and encoding a stray ``%``."""
    out: list[str] = []
    index = 0
    while index < len(component):
        char = component[index]
        if char == "%" and _ESCAPE.match(component, index):
            out.append(component[index : index + 3].upper())
            index += 3
            continue
        if char in _KEPT:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
        index += 1
    return "".join(out)
