"""Exports beside the pages: Atom and JSON feeds of the newest briefings (site and tags), CSV tables."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import feedparser

from generator.export import FEED_SIZE, csv_tables, feeds
from generator.link import link
from generator.model import Brief, Evidence, Extraction, Figure, Quote, Reaction, SourceRef
from generator.settings import Publication


def brief(slug: str, date: str, tags: tuple[str, ...] = ("diplomacy",), **extraction) -> Brief:
    return Brief(slug=slug, title=f"Title of {slug}", date=date, country=None, region=None, tags=tags,
                 status="published", sources=(SourceRef("article.txt", outlet="Wire A"),), articles=(),
                 extraction=Extraction(summary=[f"First sentence of {slug}.", "Second sentence."],
                                           bottom_line=f"Bottom line of {slug}.", **extraction))


SITE = link([brief("older", "2024-11-30"), brief("newer", "2024-12-02", tags=("diplomacy", "energy"))])


def test_the_atom_feed_lists_the_newest_briefings_first_with_their_links_summary_and_tags():
    files = feeds(SITE, Publication(name="Desk", url="https://news.example.org/desk/"))
    parsed = feedparser.parse(files["feeds/briefings.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Desk" and parsed.feed.updated == "2024-12-02T00:00:00Z"
    assert [entry.link for entry in parsed.entries] == ["https://news.example.org/desk/briefings/newer/",
                                                        "https://news.example.org/desk/briefings/older/"]
    first = parsed.entries[0]
    assert first.title == "Title of newer" and first.summary == "Bottom line of newer."
    assert first.content[0].value == "First sentence of newer.\n\nSecond sentence."
    assert [tag.term for tag in first.tags] == ["diplomacy", "energy"] and first.author == "Wire A"
    assert first.id.startswith("urn:uuid:") and first.id != parsed.entries[1].id


def test_each_tag_has_feeds_of_its_own_briefings():
    files = feeds(SITE, Publication())
    energy = feedparser.parse(files["feeds/tags/energy.xml"])
    assert [entry.title for entry in energy.entries] == ["Title of newer"]
    assert energy.feed.title == "Briefings: energy"
    assert json.loads(files["feeds/tags/diplomacy.json"])["items"][1]["title"] == "Title of older"


def test_the_json_feed_has_what_json_feed_1_1_requires():
    document = json.loads(feeds(SITE, Publication(url="https://news.example.org"))["feeds/briefings.json"])
    assert document["version"] == "https://jsonfeed.org/version/1.1" and document["title"] == "Briefings"
    assert document["feed_url"] == "https://news.example.org/feeds/briefings.json"
    assert document["home_page_url"] == "https://news.example.org/"
    item = document["items"][0]
    assert set(item) >= {"id", "url", "title", "content_text", "date_published"}
    assert item["url"] == "https://news.example.org/briefings/newer/"
    assert item["summary"] == "Bottom line of newer." and item["content_text"].startswith("First sentence of newer.")
    assert item["date_published"] == "2024-12-02T00:00:00Z" and item["authors"] == [{"name": "Wire A"}]


def test_without_site_url_links_are_relative_to_the_feed_and_follow_use_directory_urls():
    files = feeds(SITE, Publication(directory_urls=False))
    entries = feedparser.parse(files["feeds/tags/energy.xml"]).entries
    assert entries[0].link.endswith("../../briefings/newer.html")
    site_feed = json.loads(files["feeds/briefings.json"])
    assert site_feed["items"][0]["url"] == "../briefings/newer.html" and site_feed["home_page_url"] == "../"


def test_a_feed_holds_the_newest_briefings_only():
    many = link([brief(f"b{number:03d}", f"2024-{number % 12 + 1:02d}-01") for number in range(FEED_SIZE + 7)])
    assert len(json.loads(feeds(many, Publication())["feeds/briefings.json"])["items"]) == FEED_SIZE


def test_article_text_lands_in_the_feed_as_text_never_as_markup():
    hostile = brief("hostile", "2024-12-01", tags=("<b>tag</b>",))
    hostile.title = 'Officials react to <script>alert("x")</script> & \x0bclaims'
    files = feeds(link([hostile]), Publication())
    assert "<script>" not in files["feeds/briefings.xml"]
    parsed = feedparser.parse(files["feeds/briefings.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.entries[0].title == 'Officials react to <script>alert("x")</script> & claims'
    assert parsed.entries[0].tags[0].term == "<b>tag</b>"


def test_feeds_are_the_same_bytes_for_the_same_site():
    assert feeds(SITE, Publication()) == feeds(link([brief("older", "2024-11-30"),
                                                      brief("newer", "2024-12-02", tags=("diplomacy", "energy"))]),
                                               Publication())


def test_the_csv_tables_hold_every_quote_figure_and_reaction_with_where_it_came_from():
    evidence = Evidence("article.txt", 3, "Over 412 people died, he said.", 0, 8)
    site = link([brief("aleppo", "2024-11-30",
                       quotes=[Quote("We will act", "Hakan Fidan", evidence, inferred="pronoun", reference="he")],
                       figures=[Figure("over 412", 412.0, "people killed", "over", evidence)],
                       reactions=[Reaction("Iran", "country", "pledged support", quotes=("We stand", "with you"))])])
    tables = csv_tables(site)
    quotes = list(csv.DictReader(io.StringIO(tables["data/quotes.csv"])))
    assert quotes == [{"briefing": "aleppo", "date": "2024-11-30", "speaker": "Hakan Fidan", "quote": "We will act",
                       "speaker_found_by": "pronoun", "speaker_named_as": "he", "speaker_set_by_editors": "",
                       "source_file": "article.txt", "paragraph": "3"}]
    figures = list(csv.DictReader(io.StringIO(tables["data/figures.csv"])))
    assert figures[0]["value"] == "412" and figures[0]["counts_or_measures"] == "people killed"
    assert figures[0]["sentence"] == "Over 412 people died, he said."
    reactions = list(csv.DictReader(io.StringIO(tables["data/reactions.csv"])))
    assert reactions[0]["position"] == "pledged support" and reactions[0]["quotes"] == "We stand\nwith you"


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_made_inert():
    site = link([brief("x", "2024-11-30", quotes=[Quote('=HYPERLINK("http://evil")', None), Quote("-5", None)])])
    rows = list(csv.reader(io.StringIO(csv_tables(site)["data/quotes.csv"])))
    assert rows[1][3] == "'=HYPERLINK(\"http://evil\")" and rows[2][3] == "-5"  # a number stays a number


def test_publication_is_read_from_mkdocs_yml_despite_mkdocs_own_yaml_tags(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Desk\nsite_url: https://news.example.org/\nuse_directory_urls: false\n"
                      "extra:\n  analytics: !ENV [ANALYTICS, 'none']\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    assert Publication.from_mkdocs(config) == Publication("Desk", "https://news.example.org/", False)
    assert Publication.from_mkdocs(tmp_path / "missing.yml") == Publication()
