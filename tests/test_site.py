"""End to end: the real `mkdocs build --strict` on the sample briefs plus a hostile article."""

import html as html_module
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
                                       "tags: ['<b>tag</b>', '日本', C++, C]\n", encoding="utf-8")
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
    """#17: what readers search for, once: a quote is indexed in its briefing's Quotes section only (not again
    under its reaction, nor on the speaker's page); lists of titles and names (home, archive, tags, listings)
    and pages of an actor of a single briefing are not indexed; the figures' whole sentences are not either."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    quote = "“strongly support the Syrian government and army”"  # the quote itself, not a sentence holding it
    holding = [doc["location"] for doc in index["docs"] if quote in doc["text"]]
    assert holding == ["briefings/aleppo-2024-11-30/#abbas-araghchi"]
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(location.startswith(("archive/", "tags/")) or location in ("", "actors/", "countries/")
                   for location in locations)
    assert "briefings/aleppo-2024-11-30/#figures" not in {doc["location"] for doc in index["docs"]}
    actors = {location for location in locations if location.startswith("actors/")}
    assert "actors/united-nations/" in actors and "actors/abbas-araghchi/" not in actors  # in 3 briefings, in 1


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
    assert links == ["../../data/aleppo-2024-11-30.json", "../../data/briefings.json"]
    for link in links:
        data = json.loads((page.parent / link).resolve().read_text())
        assert data
    assert 'href="data/briefings.json"' in (site / "index.html").read_text()
