"""Exports beside the pages (part of the render step): feeds of the newest briefings, for the whole site and per
tag, as Atom and as JSON Feed 1.1; and CSV tables of every quote, figure and reaction, for spreadsheets.

Everything here is a function of the linked site and the publication settings, never of the clock: a feed's
`updated` is its newest briefing's date, so two builds of the same input write the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from .link import Site
from .model import Brief, Evidence
from .settings import Publication

FEED_SIZE = 50  # briefings in a feed: a few weeks of a busy desk, and a file a feed reader fetches often
ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# A briefing's feed id: derived from its slug, not its address, so moving the site does not re-announce every
# briefing as new to subscribers (Atom requires an IRI: a name-based UUID URN is one).
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://briefgen.invalid/briefing")
# Characters XML 1.0 cannot carry, even escaped (control characters a pasted article may hold).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A cell a spreadsheet would run as a formula (OWASP's CSV injection list) gets a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Feed:
    path: str  # without suffix, relative to docs_dir: "feeds/briefings", "feeds/tags/<slug>"
    title: str
    page: str  # the site page the feed follows, relative to the site's root ("" for the home page)
    briefs: list[Brief]


def feeds(site: Site, publication: Publication) -> dict[str, str]:
    """Atom and JSON Feed files of the newest briefings of the site and of each tag, by path."""
    wanted = [Feed("feeds/briefings", publication.name, "", site.briefs[:FEED_SIZE])]
    wanted += [Feed(f"feeds/tags/{slug}", f"{publication.name}: {page.name}", publication.page_path(f"tags/{slug}"),
                    page.briefs[:FEED_SIZE]) for slug, page in site.tags.items()]
    files = {}
    for feed in wanted:
        files[f"{feed.path}.xml"] = atom(feed, publication)
        files[f"{feed.path}.json"] = json_feed(feed, publication)
    return files


def briefing_id(brief: Brief) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, brief.slug)}"


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"  # a briefing has a day, not a time: RFC 3339 needs one


def _briefing_address(brief: Brief, feed: Feed, publication: Publication) -> str:
    return publication.address(publication.page_path(f"briefings/{brief.slug}"), feed.path)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _authors(brief: Brief) -> list[str]:
    """Who wrote the articles, else the outlets that published them, once each, in the brief's order."""
    names = [source.author or source.outlet for source in brief.sources]
    return list(dict.fromkeys(name for name in names if name))


def atom(feed: Feed, publication: Publication) -> str:
    root = ET.Element("feed", xmlns=ATOM)
    ET.SubElement(root, "title").text = _clean(feed.title)
    ET.SubElement(root, "id").text = f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, feed.path)}"
    ET.SubElement(root, "updated").text = _timestamp(feed.briefs[0].date if feed.briefs else "1970-01-01")
    ET.SubElement(root, "link", rel="self", href=publication.address(f"{feed.path}.xml", feed.path))
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=publication.address(feed.page, feed.path))
    ET.SubElement(ET.SubElement(root, "author"), "name").text = _clean(publication.name)
    ET.SubElement(root, "generator").text = "briefgen"
    for brief in feed.briefs:
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "title").text = _clean(brief.title)
        ET.SubElement(entry, "id").text = briefing_id(brief)
        ET.SubElement(entry, "updated").text = _timestamp(brief.date)
        ET.SubElement(entry, "link", rel="alternate", type="text/html",
                      href=_briefing_address(brief, feed, publication))
        for name in _authors(brief):
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = _clean(name)
        for tag in brief.tags:
            ET.SubElement(entry, "category", term=_clean(tag))
        if brief.extraction.bottom_line:
            ET.SubElement(entry, "summary", type="text").text = _clean(brief.extraction.bottom_line)
        ET.SubElement(entry, "content", type="text").text = _clean("\n\n".join(brief.extraction.summary))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def json_feed(feed: Feed, publication: Publication) -> str:
    items = []
    for brief in feed.briefs:
        item: dict[str, object] = {
            "id": briefing_id(brief),
            "url": _briefing_address(brief, feed, publication),
            "title": brief.title,
            "content_text": "\n\n".join(brief.extraction.summary),
            "date_published": _timestamp(brief.date),
            "tags": list(brief.tags),
        }
        if brief.extraction.bottom_line:
            item["summary"] = brief.extraction.bottom_line
        if authors := _authors(brief):
            item["authors"] = [{"name": name} for name in authors]
        items.append(item)
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": publication.address(feed.page, feed.path),
        "feed_url": publication.address(f"{feed.path}.json", feed.path),
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def csv_tables(site: Site) -> dict[str, str]:
    """Every quote, figure and reaction of the site's briefings, one row each, newest briefing first."""
    quotes = _table(["briefing", "date", "speaker", "quote", "speaker_found_by", "speaker_named_as",
                     "speaker_set_by_editors", "source_file", "paragraph"],
                    ([brief.slug, brief.date, quote.speaker or "", quote.text, quote.inferred or "",
                      quote.reference or "", "yes" if quote.edited else "", *_where(quote.evidence)]
                     for brief in site.briefs for quote in brief.extraction.quotes))
    figures = _table(["briefing", "date", "figure", "value", "counts_or_measures", "qualifier", "sentence",
                      "added_by_editors", "source_file", "paragraph"],
                     ([brief.slug, brief.date, figure.text, "" if figure.value is None else _number(figure.value),
                       figure.unit or "", figure.qualifier or "",
                       figure.evidence.sentence if figure.evidence else "", "yes" if figure.manual else "",
                       *_where(figure.evidence)]
                      for brief in site.briefs for figure in brief.extraction.figures))
    reactions = _table(["briefing", "date", "actor", "kind", "position", "quotes", "written_by_editors"],
                       ([brief.slug, brief.date, reaction.actor, reaction.kind, reaction.position,
                         "\n".join(reaction.quotes), "yes" if reaction.manual else ""]
                        for brief in site.briefs for reaction in brief.extraction.reactions))
    return {"data/quotes.csv": quotes, "data/figures.csv": figures, "data/reactions.csv": reactions}


def _where(evidence: Evidence | None) -> list[str]:
    return [evidence.source_file, str(evidence.paragraph)] if evidence else ["", ""]


def _number(value: float | int) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _table(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    for row in rows:
        writer.writerow([_inert(cell) for cell in row])
    return buffer.getvalue()


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) and not _is_number(cell) else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
