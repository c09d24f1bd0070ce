import re
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.load.readers import (
    decode_html,
    decode_text,
    markdown_to_text,
    read_article,
    shown_standfirst,
    without_site_name,
)
from tests.helpers import SHARED_CORPUS

PAGE = """<html><head><title>Army flees Aleppo | Example News</title>
<meta property="og:title" content="Army flees Aleppo">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-11-30">
</head><body><nav>Home | World | Share</nav><article><h1>Army flees Aleppo</h1>
<p>Syrian troops withdrew from Aleppo on Friday after a rebel offensive, residents said.</p>
<p>"I am shocked at how they fled," said Ahmad Tutenji, a merchant in the city.</p>
<p>The Observatory said at least 61 civilians had been killed in the fighting so far.</p>
</article><footer>Subscribe to our newsletter</footer></body></html>"""


def test_html_page_is_reduced_to_its_article_with_metadata(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Army flees Aleppo"
    assert article.published == "2024-11-30"
    assert article.author == "Jane Doe"
    assert "I am shocked at how they fled" in article.text
    assert "Subscribe" not in article.text and "Home | World" not in article.text


def test_markdown_article_is_read_as_plain_text(tmp_path: Path):
    assert markdown_to_text("# Title\n\nThe **army** [fled](http://x).\n\n> A quote") == \
        "Title\n\nThe army fled.\n\nA quote"


SCRIPTED_PAGE = """<html><head><title>Lam should study Tsai | Post</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
"headline": "Lam should study Tsai", "articleBody": "Taiwanese President Tsai Ing-wen won re-election by a wide
margin on Saturday. Analysts said her campaign had learned from the protests in Hong Kong.
Chief Executive Carrie Lam has not commented on the result, her office said on Sunday."}]}</script></head>
<body><article><h1>Lam should study Tsai</h1><p>Photo: AP</p></article></body></html>"""


def test_a_page_rendered_by_scripts_is_read_from_its_schema_org_article_body(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(SCRIPTED_PAGE, encoding="utf-8")
    article = read_article(path)
    assert "Carrie Lam has not commented on the result" in article.text


def write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_page_that_declares_latin_1_but_holds_windows_1252_quotes_is_read_as_a_browser_reads_it(tmp_path):
    page = ('<html><head><meta charset="ISO-8859-1"><title>Talks fail</title></head><body><article>'
            '<p>“We will not give up,” the minister said on Friday after the talks in Geneva ended.</p>'
            '<p>Officials said the next round would start in March, with 40 delegations.</p></article></body>'
            '</html>').encode("cp1252")
    article = read_article(write_bytes(tmp_path, "page.html", page))
    assert "“We will not give up,” the minister said" in article.text


def test_a_charset_declared_only_in_a_meta_tag_is_used():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head>'
            '<body><article><p>Москва заявила в пятницу, что переговоры продолжатся на следующей неделе.</p>'
            '</article></body></html>').encode("cp1251")
    assert "Москва заявила" in decode_html(page)


def test_the_site_name_is_cut_from_the_title_and_outlet_and_address_are_read(tmp_path):
    page = PAGE.replace('<meta name="author"', '<meta property="og:site_name" content="Example News">'
                        '<link rel="canonical" href="https://example.org/aleppo"><meta name="author"')
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert (article.outlet, article.url) == ("Example News", "https://example.org/aleppo")
    assert without_site_name("Army flees Aleppo | Example News", "Example News") == "Army flees Aleppo"
    assert without_site_name("Example News - Army flees Aleppo", "Example News") == "Army flees Aleppo"
    assert without_site_name("Peace - at last", "Example News") == "Peace - at last"


STANDFIRST = "Government troops left the city overnight as rebels advanced from the north and the west."


def page_with_description(shown_at: str) -> str:
    """PAGE with STANDFIRST as its description, shown under the headline, after the body, or nowhere."""
    page = PAGE.replace("</head>", f'<meta property="og:description" content="{STANDFIRST}"></head>')
    if shown_at == "under the headline":  # in the page's header, outside the article that main-text extraction keeps
        return page.replace("<article><h1>Army flees Aleppo</h1>",
                            f"<header><h1>Army flees Aleppo</h1><h3>{STANDFIRST}</h3></header><article>")
    if shown_at == "after the body":
        return page.replace("</article>", f'</article><aside><a href="/x">{STANDFIRST}</a></aside>')
    return page


@pytest.mark.parametrize(("shown_at", "expected"), [
    ("under the headline", ["headline", "standfirst", "body", "body", "body"]),
    ("after the body", ["headline", "body", "body", "body"]),  # a related link, not the article's
    ("nowhere", ["headline", "body", "body", "body"]),  # a summary for search engines only
])
def test_the_description_a_page_shows_under_its_headline_is_its_standfirst(tmp_path: Path, shown_at, expected):
    article = read_article(write_bytes(tmp_path, "page.html", page_with_description(shown_at).encode()))
    assert [paragraph.role for paragraph in article.paragraphs] == expected
    if shown_at == "under the headline":
        assert article.paragraphs[1].text == STANDFIRST and not article.paragraphs[1].is_heading


def test_a_description_that_is_the_lede_or_is_cut_off_is_no_standfirst():
    lede = "Syrian troops withdrew from Aleppo on Friday after a rebel offensive, residents said."
    text = f"{lede}\nThe Observatory said at least 61 civilians had been killed."
    page = f"<html><body><h1>Army flees</h1><h3>{STANDFIRST}</h3><p>{lede}</p></body></html>"
    assert shown_standfirst(page, STANDFIRST, text) == STANDFIRST
    assert shown_standfirst(page, lede, text) is None  # already the main text's
    assert shown_standfirst(page, STANDFIRST[:60] + "…", text) is None
    assert shown_standfirst(page, "Breaking news from Syria", text) is None  # a tag line


@pytest.mark.parametrize(("data", "expected"), [
    ("“Stop,” she said.".encode("cp1252"), "“Stop,” she said."),  # a Windows-1252 file
    ("Café owners said.\n".encode() + "“Stop,” she said.".encode("cp1252"), "Café owners said.\n“Stop,” she said."),
    ("“Stop,” she said.".encode("utf-16"), "“Stop,” she said."),  # with its byte-order mark
])
def test_text_is_decoded_by_its_mark_else_utf_8_else_windows_1252_line_by_line(data, expected):
    assert decode_text(data, Path("a.txt")) == expected


def test_a_binary_file_is_refused_with_its_name(tmp_path):
    with pytest.raises(InputError, match=r"a.txt: is not a text file"):
        read_article(write_bytes(tmp_path, "a.txt", b"\x00\x01\x02binary\x00"))


SAVED_PAGES = sorted([*(SHARED_CORPUS / "dev-html").glob("*.html"), *(SHARED_CORPUS / "html-samples").glob("*.html")])


@pytest.mark.skipif(not SAVED_PAGES, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("path", SAVED_PAGES, ids=lambda p: p.name)
def test_every_saved_page_of_the_corpus_gives_article_text(path):
    assert len(read_article(path).text.split()) > 100


def test_a_page_without_an_article_is_an_error_that_says_what_was_tried(tmp_path):
    page = write_bytes(tmp_path, "nav.html", b"<html><head><title>Home</title></head><nav><a href='/'>Home</a></nav>"
                                             b"</html>")
    with pytest.raises(InputError, match=r"nav.html: no article text could be found in this HTML page \(tried "
                                         r"trafilatura's precision, balanced and recall modes and the schema.org"):
        read_article(page)


@pytest.mark.parametrize(("data", "message"), [
    (b"   \n\n  \t\n", "a.txt: has no text once cleaned"),
    (b"word " * 250_000, "a.txt: is 1,250,000 bytes, more than the 1,000,000 an article file may have"),
])
def test_an_empty_or_oversized_article_is_refused_with_a_clear_message(tmp_path, data, message):
    with pytest.raises(InputError, match=re.escape(message)):
        read_article(write_bytes(tmp_path, "a.txt", data))
