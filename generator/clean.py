"""Cleaning: boilerplate lines out, paragraphs kept, the headline recognised.

Each rule is a small predicate over one line, so a rule can be tested, and explained, on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from . import lexicon
from .model import BODY, HEADING, HEADLINE, Article, Paragraph

# Short navigation, sharing and comment lines that pages repeat around the article (lexicon/navigation_lines.txt).
_NAVIGATION = re.compile(f"^(?:{'|'.join(lexicon.word_list('navigation_lines'))})$", re.IGNORECASE)
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|experience|opt-out|privacy)\b", re.IGNORECASE)
_IMAGE_CREDIT = re.compile(r"\bImage:\s*[^.]{1,80}\.?$")
_CITED_SOURCE = re.compile(
    r"""^(?:[^"“]{0,80}[.:]\s*)?["“][^"”]+["”]\s*[—–-]+\s*[^,]{2,60},\s*\w+\s+\d{1,2},\s*\d{4}$"""
)
_SENTENCE_END = re.compile(r"""[.!?…]["”’')\]]*$""")


def _is_navigation(line: str) -> bool:
    return bool(_NAVIGATION.match(line.strip()))


def _is_cookie_notice(line: str) -> bool:
    return bool(_COOKIES.search(line))


def _is_agency_credit(line: str) -> bool:
    """A news agency's name standing alone on a line: "(VOA)", "GNA", "— AFP"."""
    bare = line.strip().strip("()[]—–-: ").strip()
    return bool(bare) and bare.casefold() in lexicon.news_agencies()


def _is_image_caption(line: str) -> bool:
    return bool(_IMAGE_CREDIT.search(line.strip()))


def _is_cited_source(line: str) -> bool:
    """A reference-list entry: "Title" — Outlet, August 15, 2008."""
    return bool(_CITED_SOURCE.match(line.strip()))


BOILERPLATE_RULES: tuple[Callable[[str], bool], ...] = (
    _is_navigation,
    _is_cookie_notice,
    _is_agency_credit,
    _is_image_caption,
    _is_cited_source,
)


def is_boilerplate(line: str) -> bool:
    return any(rule(line) for rule in BOILERPLATE_RULES)


def normalize_text(text: str) -> str:
    """Line endings and invisible characters made regular; the words themselves are left as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return unicodedata.normalize("NFC", text)


def split_paragraphs(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines. Blank lines separate paragraphs; a text stored with single newlines
    (as many archived pages are) gets one paragraph per line."""
    text = text.strip()
    blank_line = re.compile(r"\n[ \t]*\n")
    blocks = blank_line.split(text) if blank_line.search(text) else text.split("\n")
    paragraphs = [[line.strip() for line in block.split("\n") if line.strip()] for block in blocks]
    return [lines for lines in paragraphs if lines]


def looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= 25 and not _SENTENCE_END.search(paragraph)


def clean_article(
    raw_text: str, source_file: str, headline: str | None = None, published: str | None = None,
    author: str | None = None, outlet: str | None = None, url: str | None = None,
) -> Article:
    """Drop boilerplate lines, keep paragraphs, and recognise the headline.

    `headline` is a title read from the page's metadata (HTML): it is put first, as the text does not hold it.
    Otherwise a short first paragraph without final punctuation is taken as the headline.
    """
    kept: list[str] = []
    removed: list[str] = []
    for lines in split_paragraphs(normalize_text(raw_text)):
        content: list[str] = []
        for line in lines:
            (removed if is_boilerplate(line) else content).append(line)
        if content:
            kept.append(" ".join(content))
    if headline and (not kept or kept[0] != headline.strip()):
        kept.insert(0, headline.strip())
    has_headline = bool(headline) or (len(kept) > 1 and looks_like_headline(kept[0]))
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, paragraph in enumerate(kept):
        role = HEADLINE if index == 0 and has_headline else HEADING if looks_like_headline(paragraph) else BODY
        paragraphs.append(Paragraph(index=index, text=paragraph, start=offset, role=role))
        offset += len(paragraph) + 2
    return Article(
        source_file=source_file,
        text="\n\n".join(kept),
        paragraphs=tuple(paragraphs),
        title=kept[0] if has_headline else None,
        headline_paragraph=has_headline,
        published=published,
        author=author,
        outlet=outlet,
        url=url,
        removed_lines=tuple(removed),
    )
