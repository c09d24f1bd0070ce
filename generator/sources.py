"""Reading: a brief folder's brief.yml and its article files (.txt, .md, .html) into cleaned Articles."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .clean import clean_article
from .errors import InputError, Problem
from .model import Article, SourceRef
from .schema import BriefConfig, load_brief_config, suggest

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class BriefSource:
    """A brief folder as read from disk, before any NLP."""

    slug: str
    folder: Path
    config: BriefConfig
    sources: tuple[SourceRef, ...]
    articles: tuple[Article, ...]


def find_brief_folders(briefs_dir: Path) -> list[Path]:
    if not briefs_dir.is_dir():
        raise InputError([Problem(str(briefs_dir), "the briefs folder does not exist")])
    return sorted(path.parent for path in briefs_dir.glob("*/brief.yml"))


def read_brief(folder: Path, root: Path | None = None) -> BriefSource:
    """Read one brief folder; raise InputError with every problem of its brief.yml and its files."""
    display = _display(folder / "brief.yml", root)
    config = load_brief_config(folder / "brief.yml", display)
    refs = _source_refs(folder, config, display)
    problems: list[Problem] = []
    articles = []
    for ref in refs:
        try:
            articles.append(read_article(folder / ref.file))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return BriefSource(folder.name, folder, config, tuple(refs), tuple(articles))


def _source_refs(folder: Path, config: BriefConfig, display: str) -> list[SourceRef]:
    available = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    if not config.sources:
        if not available:
            raise InputError([Problem(display, f"no article file (.txt, .md, .html) in {folder.name}/")])
        return [SourceRef(file=name) for name in available]
    problems = []
    refs = []
    for index, entry in enumerate(config.sources):
        name = entry["file"]
        if not (folder / name).is_file():
            hint = suggest(name, available)
            meant = f" (did you mean '{hint}'?)" if hint else ""
            problems.append(Problem(display, f"'{name}' does not exist in {folder.name}/{meant}",
                                    line=config.line_of("sources", index, "file"), key=f"sources[{index}].file"))
            continue
        refs.append(SourceRef(file=name, outlet=entry.get("outlet"), url=entry.get("url"),
                              author=entry.get("author"), licence=entry.get("licence")))
    if problems:
        raise InputError(problems)
    return refs


def read_article(path: Path) -> Article:
    """Read one article file as text, Markdown or a saved HTML page, and clean it."""
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raw = path.read_text(encoding="latin-1")
    except OSError as error:
        raise InputError([Problem(str(path), f"cannot be read: {error}")]) from error
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return _read_html(raw, path)
    if suffix in (".md", ".markdown"):
        return clean_article(markdown_to_text(raw), path.name)
    return clean_article(raw, path.name)


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


def _display(path: Path, root: Path | None) -> str:
    if root:
        try:
            return str(path.relative_to(root))
        except ValueError:
            pass
    return str(path)
