"""Cleaning: boilerplate lines out, paragraphs kept, the headline recognised.

Each rule is a small predicate over one line, so a rule can be tested, and explained, on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable

from . import lexicon
from .model import BODY, HEADING, HEADLINE, STANDFIRST, Article, Paragraph

# Short navigation, sharing and comment lines that pages repeat around the article (lexicon/navigation_lines.txt).
_NAVIGATION = re.compile(f"^(?:{'|'.join(lexicon.word_list('navigation_lines'))})$", re.IGNORECASE)
_WRAPPED = r"[(\[]?\s*(?:{})\s*[)\]]?\.?"
_TEASER = re.compile(_WRAPPED.format("|".join(lexicon.word_list("teaser_lines"))), re.IGNORECASE)
_CREDIT = re.compile(_WRAPPED.format("|".join(lexicon.word_list("credit_lines"))), re.IGNORECASE)
_LINK_ONLY = re.compile(r"(?:https?://|www\.)\S+")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|experience|opt-out|privacy)\b", re.IGNORECASE)
_IMAGE_CREDIT = re.compile(r"\bImage:\s*[^.]{1,80}\.?$")
_CITED_SOURCE = re.compile(
    r"""^(?:[^"“]{0,80}[.:]\s*)?["“][^"”]+["”]\s*[—–-]+\s*[^,]{2,60},\s*\w+\s+\d{1,2},\s*\d{4}$"""
)
_SENTENCE_END = re.compile(r"""[.!?…]["”’')\]]*$""")


def _is_navigation(line: str) -> bool:
    return bool(_NAVIGATION.match(line.strip()))


def _is_cookie_notice(line: str) -> bool:
    """A cookie banner; a line with a number or a quotation is the article's ("Workers at the cookie factory
    said the experience was terrifying after a fire killed 12 people")."""
    return bool(_COOKIES.search(line)) and not re.search(r"\d", line) and not _QUOTE_MARKS.search(line)


def _is_teaser(line: str) -> bool:
    """A teaser for another article: "Read also: …", "(Also read: …)", "See also …", "Continue reading on:"."""
    return bool(_TEASER.fullmatch(line.strip()))


def _is_credit(line: str) -> bool:
    """A reporting or editing credit: "(Reporting by …; Editing by …)", "Keith Bradsher contributed reporting"."""
    return bool(_CREDIT.fullmatch(line.strip())) and len(line.split()) <= 40 and not re.search(r"\d", line)


def _is_link_only(line: str) -> bool:
    return bool(_LINK_ONLY.fullmatch(line.strip()))


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
    _is_teaser,
    _is_credit,
    _is_link_only,
)


def is_boilerplate(line: str) -> bool:
    return any(rule(line) for rule in BOILERPLATE_RULES)


def normalize_text(text: str) -> str:
    """Line endings and invisible characters made regular; the words themselves are left as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    return unicodedata.normalize("NFC", text)


# A block whose lines mostly end a sentence holds one paragraph per line (pasted pages: a blank line after the
# headline, single newlines after that); a hard-wrapped paragraph ends a line with a sentence only by chance.
LINE_PARAGRAPH_SHARE = 0.5
_LINE_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’)\]]*$|[\"”’]$")


def split_paragraphs(text: str) -> list[list[str]]:
    """Paragraphs as lists of lines. Blank lines separate paragraphs; a text stored with single newlines
    (as many archived pages are), or a block whose lines are whole paragraphs, gets one paragraph per line."""
    text = text.strip()
    blank_line = re.compile(r"\n[ \t]*\n")
    blocks = blank_line.split(text) if blank_line.search(text) else text.split("\n")
    paragraphs: list[list[str]] = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _lines_are_paragraphs(lines):
            paragraphs.extend([line] for line in lines)
        elif lines:
            paragraphs.append(lines)
    return paragraphs


def _lines_are_paragraphs(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    ending = sum(1 for line in lines[:-1] if _LINE_ENDS_SENTENCE.search(line))
    return ending / (len(lines) - 1) >= LINE_PARAGRAPH_SHARE


REPEAT_MIN_WORDS = 8  # a shorter paragraph may recur as a phrase of another ("He declined to comment.")


def _without_repeats(paragraphs: list[str], removed: list[str]) -> list[str]:
    """Pull quotes: a paragraph (not the first) whose words stand again inside a longer paragraph, or a second
    copy of an earlier paragraph with a quotation, is dropped; the article keeps the full sentence once. (A
    repeated paragraph without a quotation stays: an interview asks each guest the same question.)"""
    folded = [_fold(paragraph) for paragraph in paragraphs]
    first_seen: dict[str, int] = {}
    for index, text in enumerate(folded):
        first_seen.setdefault(text, index)
    holding = _paragraphs_by_phrase(folded)
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        mine = folded[index]
        words = mine.split()
        copy_of_quote = bool(_QUOTE_MARKS.search(paragraph)) and first_seen[mine] < index
        repeated = index > 0 and len(words) >= REPEAT_MIN_WORDS and (copy_of_quote or any(
            mine != folded[other] and mine in folded[other]
            for other in sorted(holding[" ".join(words[:REPEAT_MIN_WORDS])])))
        (removed if repeated else kept).append(paragraph)
    return kept


def _paragraphs_by_phrase(folded: list[str]) -> dict[str, set[int]]:
    """The paragraphs each paragraph's opening run of REPEAT_MIN_WORDS words occurs in. A paragraph can stand
    inside another only where its opening words do, so only those paragraphs are compared: a long article costs
    its length, not its length squared. Only runs that start with the first word of some opening are looked
    up, which spares joining every run of every paragraph."""
    openings = {" ".join(words[:REPEAT_MIN_WORDS]) for words in (text.split() for text in folded)
                if len(words) >= REPEAT_MIN_WORDS}
    first_words = {opening.split(" ", 1)[0] for opening in openings}
    holding: dict[str, set[int]] = defaultdict(set)
    for index, text in enumerate(folded):
        words = text.split()
        for start in range(len(words) - REPEAT_MIN_WORDS + 1):
            if words[start] in first_words:
                run = " ".join(words[start:start + REPEAT_MIN_WORDS])
                if run in openings:
                    holding[run].add(index)
    return holding


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


LABEL_MAX_WORDS = 4  # a section label or a tag list line: "World", "Middle East", "Syria | Politics"


def _without_edge_labels(paragraphs: list[str], removed: list[str]) -> list[str]:
    """Section labels and tags that stand alone after the article's last sentence ("Politics", "Middle East"),
    and a label in capitals before the headline ("WORLD NEWS"): short, no digits, no final punctuation."""
    def label(paragraph: str) -> bool:
        return len(paragraph.split()) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(paragraph) \
            and not re.search(r"\d", paragraph) and not _QUOTE_MARKS.search(paragraph)

    paragraphs = list(paragraphs)
    last_sentence = max((i for i, p in enumerate(paragraphs) if _SENTENCE_END.search(p)), default=-1)
    tail = paragraphs[last_sentence + 1:]
    if last_sentence >= 1 and tail and all(label(p) for p in tail):
        removed.extend(tail)
        paragraphs = paragraphs[:last_sentence + 1]
    if len(paragraphs) > 2 and label(paragraphs[0]) and paragraphs[0].isupper() \
            and looks_like_headline(paragraphs[1]) and not paragraphs[1].isupper():
        removed.append(paragraphs.pop(0))
    return paragraphs


def looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return 0 < len(words) <= 25 and not _SENTENCE_END.search(paragraph)


def clean_article(
    raw_text: str, source_file: str, headline: str | None = None, published: str | None = None,
    author: str | None = None, outlet: str | None = None, url: str | None = None, standfirst: str | None = None,
) -> Article:
    """Drop boilerplate lines, keep paragraphs, and recognise the headline.

    `headline` is a title read from the page's metadata (HTML): it is put first, as the text does not hold it.
    Otherwise a short first paragraph without final punctuation is taken as the headline. `standfirst` is the
    summary a saved page shows under its headline and leaves out of its article body: it follows the headline.
    """
    kept: list[str] = []
    removed: list[str] = []
    for lines in split_paragraphs(normalize_text(raw_text)):
        content: list[str] = []
        for line in lines:
            (removed if is_boilerplate(line) else content).append(line)
        if content:
            kept.append(" ".join(content))
    kept = _without_repeats(kept, removed)
    kept = _without_edge_labels(kept, removed)
    if headline and (not kept or kept[0] != headline.strip()):
        kept.insert(0, headline.strip())
    has_headline = bool(headline) or (len(kept) > 1 and looks_like_headline(kept[0]))
    standfirst_at = -1
    if standfirst and standfirst.strip():
        standfirst_at = 1 if has_headline else 0
        kept.insert(standfirst_at, " ".join(normalize_text(standfirst).split()))
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, paragraph in enumerate(kept):
        role = HEADLINE if index == 0 and has_headline else STANDFIRST if index == standfirst_at \
            else HEADING if looks_like_headline(paragraph) else BODY
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
