"""Article files into cleaned Articles, one reader per kind of file: plain text, Markdown, a saved HTML page."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from ..clean import clean_article
from ..errors import InputError, Problem
from ..model import Article


def read_article(path: Path) -> Article:
    """Read one article file as text, Markdown or a saved HTML page (by its suffix), and clean it."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raw = path.read_text(encoding="latin-1")
    except OSError as error:
        raise InputError([Problem(str(path), f"cannot be read: {error}")]) from error
    return READERS.get(path.suffix.lower(), _read_text)(raw, path)


def _read_text(raw: str, path: Path) -> Article:
    return clean_article(raw, path.name)


def _read_markdown(raw: str, path: Path) -> Article:
    return clean_article(markdown_to_text(raw), path.name)


def _read_html(raw: str, path: Path) -> Article:
    # Imported here: trafilatura is slow to import and only HTML sources need it.
    import trafilatura

    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True) or ""
    # Pages that render the article with scripts still carry it as schema.org data (NewsArticle.articleBody).
    body = json_ld_article_body(raw)
    if body and len(body.split()) > 1.5 * len(text.split()):
        text = body
    if not text.strip():
        raise InputError([Problem(str(path), "no article text could be found in this HTML page")])
    meta = trafilatura.extract_metadata(raw)
    title = meta.title if meta and meta.title else None
    return clean_article(text, path.name, headline=title, published=meta.date if meta else None,
                         author=meta.author if meta else None)


_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def json_ld_article_body(html: str) -> str | None:
    """The longest schema.org articleBody in the page's JSON-LD blocks, if any."""
    bodies: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            body = node.get("articleBody")
            if isinstance(body, str):
                bodies.append(body)
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    for block in _JSON_LD.findall(html):
        try:
            collect(json.loads(block, strict=False))  # pages often leave raw line breaks in strings
        except ValueError:
            continue
    return max(bodies, key=len) if bodies else None


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
_MD_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown article: headings, emphasis, links and block quotes reduced to their words."""
    text = _MD_FRONT_MATTER.sub("", markdown)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


Reader = Callable[[str, Path], Article]
READERS: dict[str, Reader] = {".txt": _read_text, ".md": _read_markdown, ".markdown": _read_markdown,
                              ".html": _read_html, ".htm": _read_html}
ARTICLE_SUFFIXES = tuple(READERS)
