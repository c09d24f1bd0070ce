"""`briefgen new`: the brief folder and brief.yml made from one article file."""

import datetime as dt
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import InputError
from generator.load.readers import read_article
from generator.new import brief_slug, make_brief_folder
from tests.helpers import SAMPLE_ARTICLE

TODAY = dt.date(2024, 11, 30)


def test_a_slug_is_the_date_then_words_of_the_title_cut_at_a_word_boundary():
    title = "Costa Rica, Panama and Colombia agree on a plan for migrants crossing Latin America"
    slug = brief_slug(title, "2019-11-20")
    assert slug == "2019-11-20-costa-rica-panama-and-colombia-agree-on-a-plan"
    assert len(slug) <= 60 and not slug.endswith("-")


def test_a_title_without_latin_letters_gets_a_digest_not_a_shared_folder():
    first, second = brief_slug("香港警察包围理工大学", "2019-11-19"), brief_slug("中国贸易谈判", "2019-11-19")
    assert first.startswith("2019-11-19-") and first != second and len(first) == 19
    assert brief_slug("Türkiye’s élection", "2024-01-01") == "2024-01-01-turkiyes-election"


PAGE = """<html><head><title>Army flees Aleppo - St. Lucia Times News</title>
<meta property="og:site_name" content="St. Lucia Times"><link rel="canonical" href="https://stluciatimes.com/a">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2019-11-20">
</head><body><article><h1>Army flees Aleppo</h1>
<p>Syrian troops withdrew from Aleppo on Friday after a rebel offensive, residents of the city said.</p>
<p>"I am shocked at how they fled," said Ahmad Tutenji, a merchant in the city, on Saturday morning.</p>
</article></body></html>"""


def test_a_saved_page_fills_title_without_the_site_name_date_outlet_url_and_author(tmp_path: Path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    folder = make_brief_folder(page, read_article(page), tmp_path / "briefs", None, today=TODAY)
    assert folder.name == "2019-11-20-army-flees-aleppo"
    assert (folder / "brief.yml").read_text() == (
        'title: "Army flees Aleppo"\ndate: 2019-11-20\ntags: []\nstatus: draft\nsources:\n'
        '  - file: "page.html"\n    outlet: "St. Lucia Times"\n    url: "https://stluciatimes.com/a"\n'
        '    author: "Jane Doe"\n')


@pytest.mark.parametrize("slug", ["My Story", "Bad Slug/..", "../escape", "upper-Case", "a--b", ""])
def test_an_invalid_slug_is_refused_and_nothing_is_left_behind(tmp_path: Path, slug, capsys, monkeypatch):
    article = tmp_path / "story.txt"
    article.write_text(SAMPLE_ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["new", str(article), "--slug", slug]) == 1
    assert "--slug: " in capsys.readouterr().err
    assert not (tmp_path / "briefs").exists() or list((tmp_path / "briefs").iterdir()) == []


def test_a_taken_folder_is_refused_and_kept_as_it_was(tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text(SAMPLE_ARTICLE)
    (tmp_path / "briefs" / "taken").mkdir(parents=True)
    with pytest.raises(InputError, match="already exists"):
        make_brief_folder(article, read_article(article), tmp_path / "briefs", "taken")
    assert [p.name for p in (tmp_path / "briefs").iterdir()] == ["taken"]
