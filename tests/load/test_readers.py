from pathlib import Path

from generator.load.readers import markdown_to_text, read_article

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
