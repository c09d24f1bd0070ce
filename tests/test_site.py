"""End to end: the real `mkdocs build --strict` on the sample briefs plus a hostile article."""

import html as html_module
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.measure.browser import (
    RESULT_ITEM,
    SEARCH_INPUT,
    browser_page,
    chromium,
    load_with_search,
    search_hits,
    served,
)
from tests.helpers import ROOT

HOSTILE_ARTICLE = """\
Officials react to <script>alert("x")</script> claims

Officials said the {{ x }} template and a | pipe and *stars* and [a](javascript:alert(1)) were all text.

"We condemn <b>this</b> attack [a](javascript:alert(1))," said Foreign Minister Hakan Fidan of Turkey on Monday.
"""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for folder in ("templates", "briefs", "docs/assets"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hook.py", project / "generator" / "mkdocs_hook.py")
    hostile = project / "briefs" / "hostile"
    hostile.mkdir()
    (hostile / "article.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (hostile / "brief.yml").write_text('title: "<script>alert(2)</script> | *x*"\ndate: 2024-12-01\n'
                                       "tags: ['<b>tag</b>', '日本', C++, C]\nstory: 'Syria <i>war</i>'\n",
                                       encoding="utf-8")
    with open(project / "briefs" / "aleppo-2024-11-30" / "brief.yml", "a", encoding="utf-8") as aleppo:
        aleppo.write("story: 'Syria <i>war</i>'\n")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-q"], cwd=project, capture_output=True, text=True,
                            env={"PATH": str(mkdocs.parent), "NO_MKDOCS_2_WARNING": "1", "HOME": str(project)})
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_briefing_page_has_every_section_with_content(site):
    html = (site / "briefings" / "aleppo-2024-11-30" / "index.html").read_text(encoding="utf-8")
    for section in ("Summary", "Key actors", "Quotes", "Figures", "International reactions", "Places",
                    "Sources"):
        assert re.search(rf'<h2 [^>]*id="[^"]*"[^>]*>{section}<', html), f"no {section} heading"
    assert re.search(r"<summary>Source text", html), "no collapsed source text"
    assert "Abbas Araghchi" in html and "Hakan Fidan" in html
    assert "over 412 deaths" in html
    assert "<details" in html  # the source text is collapsed


def test_search_index_finds_briefings_by_actor_place_and_quote(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "Aleppo" in text
    assert "Geir Pedersen" in text
    assert "strongly support the Syrian government and army" in text


def test_search_indexes_each_quote_once_and_no_listing_pages(site):
    """#17: what readers search for, once: a quote is indexed in its briefing's Quotes section only, one entry for
    all its speakers (not again under its reaction, nor on the speaker's page); lists of titles and names (home,
    archive, tags, listings) and pages of an actor of a single briefing are not indexed; the figures' whole
    sentences are not either."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    quote = "<p>strongly support the Syrian government and army</p>"  # the quote itself, not a sentence holding it
    holding = [doc["location"] for doc in index["docs"] if quote in doc["text"]]
    assert holding == ["briefings/aleppo-2024-11-30/#quotes"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(location.startswith(("archive/", "tags/")) or location in ("", "actors/", "countries/")
                   for location in locations)
    assert "briefings/aleppo-2024-11-30/#figures" not in {doc["location"] for doc in index["docs"]}
    actors = {location for location in locations if location.startswith("actors/")}
    assert "actors/united-nations/" in actors and "actors/abbas-araghchi/" not in actors  # in 3 briefings, in 1


def test_search_keeps_names_and_roles_of_actors_not_their_table(site):
    """#17: the key actors' names and roles are indexed; column names, kinds, mention counts, the notes on an
    inferred speaker, the date, the country's flag and code, the "Tags:" label and the actor page's "in N
    briefings" line are shown but not indexed."""
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u" not in raw  # written again as UTF-8 by the hook after Material's search plugin
    docs = {doc["location"]: doc for doc in json.loads(raw)["docs"]}
    actors = docs["briefings/aleppo-2024-11-30/#key-actors"]["text"]
    assert "Bashar al-Assad" in actors and "Syrian President" in actors
    header = docs["briefings/aleppo-2024-11-30/"]["text"]
    assert "Syria" in header and not re.search("🇸🇾|SY|2024-11-30|Tags:", header), header
    table = re.sub(r"Other actors \(\d+\)", "", actors)  # the title of the folded list of the others
    assert not re.search(r"\b(Mentions|Kind|person|country|organization)\b|\d", table), table
    quotes = docs["briefings/aleppo-2024-11-30/#quotes"]["text"]
    assert "<p>Aron Lund</p>" in quotes and "speaker inferred" not in quotes and "“" not in quotes
    assert docs["actors/united-nations/"]["text"] == ""
    page = (site / "briefings" / "aleppo-2024-11-30" / "index.html").read_text(encoding="utf-8")
    assert "<th><span data-search-exclude>Kind</span></th>" in page and "speaker inferred: the text says" in page


def test_search_holds_the_bottom_line_not_its_label_nor_sections_that_found_nothing(site):
    """#19 and #17: the bottom line is searchable in the page's first entry; its label, the "Other actors (N)"
    title and a section that says nothing was found (the Hajj stampede has no quotes) are shown but not indexed."""
    docs = {doc["location"]: doc for doc in
            json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    header = docs["briefings/hajj-stampede-2006-01-12/"]["text"]
    assert "over 345 Muslim pilgrims have been killed" in header and "Bottom line" not in header
    assert "briefings/hajj-stampede-2006-01-12/#quotes" not in docs
    assert "Other actors" not in docs["briefings/aleppo-2024-11-30/#key-actors"]["text"]
    page = (site / "briefings" / "hajj-stampede-2006-01-12" / "index.html").read_text(encoding="utf-8")
    assert '<p class="bottom-line"><span data-search-exclude>Bottom line:</span> According to' in page
    assert "No quotes were found." in page


def test_article_text_never_lands_as_markup(site):
    html = (site / "briefings" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert 'href="javascript' not in html
    assert "[a](javascript:alert(1))" in html_module.unescape(html)  # shown as the literal text
    assert "<b>this</b>" not in html
    assert '<script>alert("x")</script>' in html_module.unescape(html)
    assert "{{ x }}" in html
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(2)" not in home and "<script>alert(2)" in html_module.unescape(home)
    assert "<b>tag</b>" not in home


def test_home_page_links_every_briefing(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    for folder in sorted((ROOT / "briefs").glob("*/brief.yml")):
        assert f"briefings/{folder.parent.name}/" in home


def test_tags_whose_names_collide_or_are_not_latin_get_pages_of_their_own(site):
    tags = {path.parent.name for path in (site / "tags").glob("*/index.html")}
    assert {"日本", "c"} <= tags and len([tag for tag in tags if tag.startswith("c-")]) == 1


def test_each_briefing_page_links_its_json_and_the_links_resolve(site):
    """#18: the JSON export existed but no page linked to it."""
    page = site / "briefings" / "aleppo-2024-11-30" / "index.html"
    links = re.findall(r'href="([^"]+\.json)"', page.read_text())
    # the JSON Feed announced in the head, then the page's own two links
    assert links == ["../../feeds/briefings.json", "../../data/aleppo-2024-11-30.json", "../../data/briefings.json"]
    for link in links:
        data = json.loads((page.parent / link).resolve().read_text())
        assert data
    assert 'href="data/briefings.json"' in (site / "index.html").read_text()


@pytest.mark.skipif(chromium() is None, reason="no Chromium installed (Debian: apt-get install chromium)")
def test_search_in_a_real_browser_finds_the_briefing(site):
    """Material's search, in headless Chromium: the worker builds the index from our recoded UTF-8 file and a query
    for a quoted speaker's name is answered with the briefing among the results; the page logs no error (web
    fonts fetched from Google aside)."""
    with served(site) as url, browser_page(chromium() or "") as page:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        # Console errors too, but for the web fonts Material asks Google for (no network here, or blocked).
        page.on("console", lambda message: errors.append(f"{message.text} ({message.location.get('url')})")
                if message.type == "error" and "fonts.g" not in str(message.location.get("url")) else None)
        load_with_search(page, url)
        page.locator(SEARCH_INPUT).press_sequentially("Pedersen")
        page.wait_for_selector(RESULT_ITEM)
        links = page.eval_on_selector_all(f"{RESULT_ITEM} a", "links => links.map(link => link.href)")
        assert any("/briefings/aleppo-2024-11-30/" in link for link in links), links
        assert errors == []


def test_the_built_site_serves_its_feeds_and_csv_tables_and_announces_the_feeds(site):
    import feedparser

    parsed = feedparser.parse((site / "feeds" / "briefings.xml").read_text(encoding="utf-8"))
    assert not parsed.bozo, parsed.bozo_exception
    titles = [entry.title for entry in parsed.entries]
    assert titles[0] == '<script>alert(2)</script> | *x*' and "At least 107 killed in Mecca crane collapse" in titles
    assert parsed.entries[0].link == "../briefings/hostile/"  # relative: the sample mkdocs.yml has no site_url
    assert (site / "feeds" / "tags" / "aleppo.json").is_file() and (site / "data" / "quotes.csv").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml" title="Briefings (Atom)" ' \
        'href="feeds/briefings.xml">' in home
    assert 'href="feeds/briefings.json">JSON Feed</a>' in home


def test_key_actors_say_their_order_and_figures_fold_their_sentences(site):
    """#20: actors are ranked by salience and the header says so; a figure's sentence is no longer a column
    repeated on every row but listed once in a folded block under the table."""
    html = (site / "briefings" / "mecca-crane-collapse-2015-09-12" / "index.html").read_text(encoding="utf-8")
    assert 'title="Ranked by how often the text names the actor' in html and "Actor, most central first" in html
    figures = html[html.index('id="figures"'):html.index('id="international-reactions"')]
    assert "<th>Sentence</th>" not in figures
    assert "The sentences these figures come from (6)" in figures and figures.count("killing 107 or more") == 1


# Queries a new reader typed (issue #20), with the briefing that must be the first hit.
RANKED_QUERIES = {
    "Araghchi": "briefings/aleppo-2024-11-30/",
    "Khaled Al-Maeena": "briefings/mecca-crane-collapse-2015-09-12/",
    "Jeff Rathke": "briefings/asylum-seekers-rescued-indonesia-2015-05-18/",
    "Hezbollah": "briefings/aleppo-2024-11-30/",
    "Najib Razak": "briefings/asylum-seekers-rescued-indonesia-2015-05-18/",
    "de-escalation": "briefings/aleppo-2024-11-30/",  # not Germany's page, for its code "DE"
    "Kim Jong-un": "briefings/north-korea-quasi-state-of-war-2015-08-21/",  # not "United ..." pages, for "un"
    "Aleppo": "briefings/aleppo-2024-11-30/",
    "crane collapse": "briefings/mecca-crane-collapse-2015-09-12/",
    "strongly support the Syrian government": "briefings/aleppo-2024-11-30/",  # words of a quote
}


@pytest.mark.skipif(chromium() is None, reason="no Chromium installed (Debian: apt-get install chromium)")
def test_search_ranks_the_briefing_first_for_a_name_a_place_or_a_quote(site):
    with served(site) as url, browser_page(chromium() or "") as page:
        firsts = {query: (search_hits(page, url, query) or ["nothing"])[0] for query in RANKED_QUERIES}
    assert firsts == RANKED_QUERIES


def test_a_story_has_its_page_with_the_timeline_and_its_briefings_link_each_other(site):
    """#20: briefings with the same `story:` get a story page (newest first) and list each other as related."""
    listing = (site / "stories" / "index.html").read_text(encoding="utf-8")
    assert "<i>war</i>" not in listing and "Syria <i>war</i></a>: 2 briefings" in html_module.unescape(listing)
    story = (site / "stories" / "syria-i-war-i" / "index.html").read_text(encoding="utf-8")
    assert story.index("2024-12-01") < story.index("2024-11-30")  # newest first
    assert "Syrian President Seeks Ally Support Following Aleppo Defeat" in story
    page = (site / "briefings" / "aleppo-2024-11-30" / "index.html").read_text(encoding="utf-8")
    related = page[page.index('id="related-briefings"'):page.index('id="sources"')]
    assert 'href="../hostile/"' in related and "same story" in related
    assert 'href="../../stories/syria-i-war-i/"' in page


def test_a_body_s_page_shows_its_positions_over_time_then_every_briefing(site):
    """#20: what the United Nations said or did in each briefing, newest first, as the text states it; then
    each briefing it appears in, as a heading under "Every briefing"."""
    html = (site / "actors" / "united-nations" / "index.html").read_text(encoding="utf-8")
    positions = html[html.index('id="positions-over-time"'):html.index('id="every-briefing"')]
    assert "<th>Position, as the text states it</th>" in positions
    assert "the latest developments present severe risks to civilians" in positions
    assert re.search(r'<h3 [^>]*><a href="../../briefings/aleppo-2024-11-30/">', html), "no briefing heading"
    assert "&amp;#35;" not in html and "&#35;" not in html
    country = (site / "countries" / "iran" / "index.html").read_text(encoding="utf-8")
    assert 'id="positions-over-time"' in country and "strongly support the Syrian government" in country


@pytest.mark.skipif(chromium() is None, reason="no Chromium installed (Debian: apt-get install chromium)")
def test_the_reactions_diagram_is_drawn_with_the_site_s_own_copy_of_mermaid(site):
    """#20: Material draws the Mermaid diagram of who reacted; Mermaid comes from the site, never a CDN; a page
    without reactions does not load it; the diagram's source is not in the search index."""
    with served(site) as url, browser_page(chromium() or "") as page:
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(url + "briefings/aleppo-2024-11-30/", wait_until="load")
        # Material draws into a closed shadow root: the drawing shows as the box's height.
        page.wait_for_function("() => document.querySelector('div.mermaid')?.getBoundingClientRect().height > 200")
        mermaid = [address for address in requested if "mermaid" in address]
        assert mermaid == [url + "assets/vendor/mermaid-11.17.2.min.js"]
        assert not [address for address in requested if not address.startswith(url) and "fonts.g" not in address]
        requested.clear()
        page.goto(url + "briefings/mecca-crane-collapse-2015-09-12/", wait_until="load")
        assert not [address for address in requested if "mermaid" in address]
    assert "graph LR" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
