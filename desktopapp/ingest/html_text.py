"""HTML fragments from other tools (TimelineJS headlines, texts, credits) as the plain text a
reader of them saw, through a real HTML parser (``html.parser``), never regular expressions:
paragraphs and ``<br>`` become line breaks, a list item a bullet, a link its words followed by
its web address, an image its alt text; scripts and styles are dropped, entities decoded, and
broken markup (an unclosed tag, a lone ``<``) shown as the characters it is. Line breaks of
the source are kept: in a sheet's cell or a JSON string they were meant.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

_BLOCKS = frozenset(
    {"p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr",
     "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "address",
     "dl", "dt", "dd"}
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head"})


class _PlainText(HTMLParser):
    """Collects what a browser would show of an HTML fragment, as plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._links: list[tuple[str, int]] = []  # (href, where its words start in parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "img":
            alt = dict(attrs).get("alt") or ""
            if alt.strip():
                self.parts.append(f" [{alt.strip()}] ")
        elif tag == "a":
            self._links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self._links:
            href, start = self._links.pop()
            words = " ".join("".join(self.parts[start:]).split())
            address = href.strip()
            if _is_web_address(address) and address.rstrip("/") != words.rstrip("/"):
                self.parts.append(f" ({address})" if words else address)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def text(self) -> str:
        return _tidy("".join(self.parts))


def _tidy(text: str) -> str:
    """Spaces within a line collapsed, at most one blank line in a row, no blank ends. The
    line breaks of the source are kept: in a sheet's cell or a JSON string they were meant."""
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _is_web_address(address: str) -> bool:
    try:
        return urlsplit(address).scheme.lower() in ("http", "https", "mailto")
    except ValueError:
        return False


def plain_text(markup: str) -> str:
    """An HTML fragment as the plain text a reader would see ("" for "")."""
    if "<" not in markup and "&" not in markup:
        return _tidy(markup)
    parser = _PlainText()
    parser.feed(markup)
    parser.close()  # an unfinished tag at the end is shown as the characters it is
    return parser.text()
