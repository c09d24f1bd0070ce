import pytest

from generator.clean import clean_article, is_boilerplate, split_paragraphs


@pytest.mark.parametrize("line", [
    "This website uses cookies to improve your experience. We'll assume you're ok with this. Accept Read More",
    "Leave a Comment",
    "Comment",
    "Related Articles",
    "Your email address will not be published.",
    "Back to top button",
    "(VOA)",
    "GNA",
    "1 Min Read",
    "An example of severe eczema. Image: Jambula.",
    '"Document found on street not secret, say feds" — The Canadian Press, August 15, 2008',
    "Categories: August 15, 2008 Canada Published North America",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Share prices fell by 5% on Monday, the agency said.",
    "Comments by the minister were dismissed by Turkey.",
    "‘Weak’ government",
    "GNA officials said the talks would continue.",
])
def test_content_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_single_newline_pages_get_one_paragraph_per_line():
    assert split_paragraphs("First line.\nSecond line.\n(VOA)") == [["First line."], ["Second line."], ["(VOA)"]]


def test_blank_lines_separate_paragraphs_and_lines_inside_are_joined():
    assert split_paragraphs("One.\nTwo.\n\nThree.") == [["One.", "Two."], ["Three."]]


def test_clean_article_drops_boilerplate_and_recognises_the_headline():
    article = clean_article("Rebels take Aleppo\n\nRebels took the city.\n\nLeave a Comment", "a.txt")
    assert article.title == "Rebels take Aleppo"
    assert article.headline_paragraph
    assert [p.text for p in article.paragraphs] == ["Rebels take Aleppo", "Rebels took the city."]
    assert article.removed_lines == ("Leave a Comment",)
    assert article.text[article.paragraphs[1].start:article.paragraphs[1].end] == "Rebels took the city."


def test_a_first_sentence_is_not_a_headline():
    article = clean_article("Rebels took the city on Friday.\n\nThe army fled.", "a.txt")
    assert article.title is None and not article.headline_paragraph


def test_html_headline_is_put_first():
    article = clean_article("The army fled.", "a.html", headline="Army flees")
    assert article.title == "Army flees"
    assert [p.text for p in article.paragraphs] == ["Army flees", "The army fled."]
