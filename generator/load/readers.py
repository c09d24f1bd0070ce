"""Article files into cleaned Articles, one reader per kind of file: plain text, Markdown, a saved HTML page."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path

from ..clean import clean_article
from ..errors import InputError, Problem
from ..model import Article


def read_article(path: Path) -> Article:
    """Read one article file as text, Markdown or a saved HTML page (by its suffix), and clean it."""
    return article_from_bytes(read_article_bytes(path), path)


def read_article_bytes(path: Path) -> bytes:
    """The bytes of an article file, if it can be read and is not larger than an article may be."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError([Problem(str(path), f"cannot be read: {error}")]) from error
    limit = MAX_PAGE_BYTES if path.suffix.lower() in (".html", ".htm") else MAX_ARTICLE_BYTES
    if len(data) > limit:
        raise InputError([Problem(str(path), f"is {len(data):,} bytes, more than the {limit:,} an article file "
                                             "may have: split it into several articles of the brief")])
    return data


def article_from_bytes(data: bytes, path: Path) -> Article:
    """The cleaned article of a file's bytes, read by the reader its suffix names."""
    article = READERS.get(path.suffix.lower(), _read_text)(data, path)
    if not article.text.strip():
        raise InputError([Problem(str(path), "has no text once cleaned: an empty article makes an empty "
                                             "briefing")])
    return article


# spaCy parses at most 1,000,000 characters at once (its max_length); a saved page carries markup beside its
# text, so pages may be larger than a text article.
MAX_ARTICLE_BYTES = 1_000_000
MAX_PAGE_BYTES = 10_000_000


def _read_text(data: bytes, path: Path) -> Article:
    return clean_article(decode_text(data, path), path.name)


def _read_markdown(data: bytes, path: Path) -> Article:
    return clean_article(markdown_to_text(decode_text(data, path)), path.name)


def _read_html(data: bytes, path: Path) -> Article:
    return read_html_bytes(data, path.name, display=str(path))


# --- bytes to text ----------------------------------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _by_byte_order_mark(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    return None


def decode_text(data: bytes, path: Path) -> str:
    """A text file's characters: by its byte-order mark, else as UTF-8, else line by line as UTF-8 where a line
    is valid UTF-8 and as Windows-1252 where it is not (so one bad byte never turns a whole file into mojibake).
    A file with NUL bytes and no UTF-16 mark is binary, not an article."""
    marked = _by_byte_order_mark(data)
    if marked is not None:
        return marked
    if b"\x00" in data:
        raise InputError([Problem(str(path), "is not a text file (it holds NUL bytes): save the article as text, "
                                             "Markdown or HTML")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return _windows_1252(line)


def _windows_1252(data: bytes) -> str:
    return data.decode("cp1252", errors=_LATIN1_FOR_UNDEFINED)


def _latin1(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Windows-1252 leaves undefined are read as Latin-1, as browsers do.
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("latin-1"), error.end


_LATIN1_FOR_UNDEFINED = "briefgen-latin1-for-undefined"
codecs.register_error(_LATIN1_FOR_UNDEFINED, _latin1)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels that browsers read as Windows-1252 (WHATWG Encoding): pages that declare Latin-1 hold its bytes.
_WINDOWS_1252_LABELS = frozenset(("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                                  "windows-1252", "cp1252", "x-cp1252"))


def decode_html(data: bytes) -> str:
    """A saved page's characters, as a browser decodes them: a byte-order mark, else UTF-8 when the bytes are
    valid UTF-8, else the charset the page declares (a declared Latin-1 read as Windows-1252), else
    Windows-1252."""
    marked = _by_byte_order_mark(data)
    if marked is not None:
        return marked
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    label = declared.group(1).decode("ascii", errors="ignore").lower() if declared else ""
    if label and label not in _WINDOWS_1252_LABELS and label not in ("utf-8", "utf8"):
        try:
            return data.decode(label, errors="replace")
        except LookupError:
            pass
    return _windows_1252(data)


# --- saved HTML pages ---------------------------------------------------------------------------------------------

# trafilatura's modes, tried in this order. Precision mode drops the most boilerplate but sometimes most of the
# article too, so the balanced mode's text replaces it when it is RECALL_RATIO times longer; recall mode is the
# last resort. Measured on the 172 pages of html-benchmark (make html-benchmark): precision alone F1 0.956,
# balanced alone 0.960, this order 0.967 (tables included in all three: news pages put figures in them).
RECALL_RATIO = 1.5
MIN_ARTICLE_WORDS = 10  # fewer words are a navigation link or a caption ("Home"), not an article


def read_html_bytes(data: bytes, name: str, display: str | None = None) -> Article:
    """The article of a saved page: its main text by trafilatura (precision first, then the balanced mode when
    precision lost most of it, then recall), or the schema.org articleBody of a page rendered by scripts; with
    the page's title (without the site's name), date, author, site name and address."""
    # Imported here: trafilatura is slow to import and only HTML sources need it.
    import trafilatura

    html = decode_html(data)
    text = _main_text(html, precision=True)
    balanced = _main_text(html)
    if len(balanced.split()) > RECALL_RATIO * len(text.split()):
        text = balanced
    if not text.strip():
        text = _main_text(html, recall=True)
    # Pages that render the article with scripts still carry it as schema.org data (NewsArticle.articleBody).
    body = json_ld_article_body(html)
    if body and len(body.split()) > RECALL_RATIO * len(text.split()):
        text = body
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError([Problem(display or name, "no article text could be found in this HTML page (tried "
                                  "trafilatura's precision, balanced and recall modes and the schema.org "
                                  "articleBody)")])
    meta = trafilatura.extract_metadata(html)
    outlet = meta.sitename if meta and meta.sitename else None
    title = without_site_name(meta.title, outlet) if meta and meta.title else None
    standfirst = shown_standfirst(html, meta.description, text) if meta and meta.description else None
    return clean_article(text, name, headline=title, published=meta.date if meta else None,
                         author=meta.author if meta else None, outlet=outlet, url=meta.url if meta else None,
                         standfirst=standfirst)


# A standfirst is a sentence or more: a shorter description is a tag line ("Breaking news from Asia").
STANDFIRST_MIN_WORDS = 8
# The main text already holds the description when this share of its word sequences is in it (a page whose lede
# is its description, or a description that rewords the lede a little).
STANDFIRST_OVERLAP = 0.5
_CUT_OFF = re.compile(r"(?:…|\.\.\.)\W*$")
_WORD = re.compile(r"\w+")


def shown_standfirst(html: str, description: str, text: str) -> str | None:
    """The standfirst: the summary a page shows between its headline and its body, which main-text extraction
    leaves out (an h3 under the h1, a "dek", a lead-text box). It is found as the page's own description
    (meta description or og:description) shown in the page's text before the first paragraph of the body:
    a whole description (not one cut off with "…") that the main text does not already hold. A description
    shown nowhere, or only further down (a related link), is not the article's."""
    description = " ".join(description.split())
    words = _WORD.findall(description.casefold())
    if len(words) < STANDFIRST_MIN_WORDS or _CUT_OFF.search(description):
        return None  # a tag line, or a description cut off ("…")
    text_words = _WORD.findall(text.casefold())
    if _shared_share(words, text_words) >= STANDFIRST_OVERLAP:
        return None
    shown = _shown_words(html)
    at = _find(shown, words)
    first = next((line for line in text.splitlines() if len(line.split()) >= STANDFIRST_MIN_WORDS), "")
    body_at = _find(shown, _WORD.findall(first.casefold())[:STANDFIRST_MIN_WORDS])
    return description if at >= 0 and (body_at < 0 or at < body_at) else None


def _shared_share(words: list[str], text_words: list[str], size: int = 3) -> float:
    """The share of the description's word triples that the text holds."""
    grams = [tuple(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))]
    held = {tuple(text_words[i:i + size]) for i in range(max(len(text_words) - size + 1, 1))}
    return sum(gram in held for gram in grams) / len(grams)


def _shown_words(html: str) -> list[str]:
    """The words a browser shows of the page, in order: its text without the head, scripts and styles."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for hidden in root.xpath("//head|//script|//style|//noscript|//template"):
        hidden.drop_tree()
    # Elements joined by a space: blocks run together in text_content() ("…only optionCHINA has sent…").
    return _WORD.findall(" ".join(root.itertext()).casefold())


def _find(words: list[str], needle: list[str]) -> int:
    """Where the word sequence `needle` first starts in `words`, or -1."""
    if not needle:
        return -1
    first = needle[0]
    for at, word in enumerate(words):
        if word == first and words[at:at + len(needle)] == needle:
            return at
    return -1


def _main_text(html: str, precision: bool = False, recall: bool = False) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=precision,
                               favor_recall=recall) or ""


_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—:·•-]|::)\s+")


def without_site_name(title: str, outlet: str | None) -> str:
    """A page title without the site's name that pages add after or before it ("Army flees Aleppo | Example
    News" -> "Army flees Aleppo"): cut only where the part beyond a separator is the site's name."""
    title = title.strip()
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not outlet or not separators:
        return title
    if _names_site(title[separators[-1].end():], outlet):
        return title[:separators[-1].start()].strip()
    if _names_site(title[:separators[0].start()], outlet):
        return title[separators[0].end():].strip()
    return title


def _names_site(part: str, outlet: str) -> bool:
    """The part is the site's name, give or take a word ("St. Lucia Times" and "St Lucia Times News")."""
    part_key, site_key = (re.sub(r"\W", "", text.casefold()) for text in (part, outlet))
    return len(part_key) >= 3 and (part_key == site_key or part_key.startswith(site_key)
                                   or (len(part_key) >= 6 and site_key.startswith(part_key)))


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


Reader = Callable[[bytes, Path], Article]
READERS: dict[str, Reader] = {".txt": _read_text, ".md": _read_markdown, ".markdown": _read_markdown,
                              ".html": _read_html, ".htm": _read_html}
ARTICLE_SUFFIXES = tuple(READERS)
