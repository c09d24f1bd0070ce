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
    # Teasers for other articles.
    "Read also: Iran warns Israel over strikes",
    "(Also read: Bombs fall on Gaza as talks stall)",
    "See also Syria war timeline",
    "Continue reading on: example.com",
    "Our readers are reading too",
    "SEE MORE: Hong Kong protests: 800 students under siege in university",
    "DON'T MISS",
    "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
    "Hong Kong 'threatened with Chinese military intervention' [REACTION]",
    # Reporting and editing credits.
    "(Reporting by John Smith; Editing by Jane Doe)",
    "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Dan Grebler",
    "Keith Bradsher contributed reporting from Hong Kong.",
    "Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman, Colleen Long, Eric Tucker, Lolita Baldor and "
    "Jill Colvin contributed to this report.",
    # A wire's link to a graphic.
    "(Graphic: Global assets in 2019 - here)",
    # Map and embed captions, links alone.
    "View Aleppo in a larger map",
    "https://example.org/live-updates",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Share prices fell by 5% on Monday, the agency said.",
    "Comments by the minister were dismissed by Turkey.",
    "‘Weak’ government",
    "GNA officials said the talks would continue.",
    "Graphic video and photographs flooded social media.",
    # Cleaning may never drop a sentence with a figure or a quote, whatever words it shares with boilerplate.
    "Workers at the cookie factory in Lyon said the experience was terrifying after a fire killed 12 people",
    "The reporting by state media said 12 people died.",
    "Read the statement in full, the ministry said.",
    "He said reporting by the media was unfair",
    "The crowd was large [sic] and angry, police said.",
])
def test_content_lines_are_kept(line):
    assert not is_boilerplate(line)


def test_single_newline_pages_get_one_paragraph_per_line():
    assert split_paragraphs("First line.\nSecond line.\n(VOA)") == [["First line."], ["Second line."], ["(VOA)"]]


def test_blank_lines_separate_paragraphs_and_hard_wrapped_lines_inside_are_joined():
    text = "The talks resumed on Monday in\nGeneva after a week.\n\nThree."
    assert split_paragraphs(text) == [["The talks resumed on Monday in", "Geneva after a week."], ["Three."]]


def test_a_block_whose_lines_end_sentences_has_one_paragraph_per_line():
    # A pasted page: a blank line after the headline, then one paragraph per line.
    text = ("Clinton reassures Democrats\n\n“That is a problem,” said Rep. Jim Clyburn.\n"
            "“I would love to see him endorse.”\nRep. Steve Israel said members were coordinated.")
    assert split_paragraphs(text) == [["Clinton reassures Democrats"], ["“That is a problem,” said Rep. Jim Clyburn."],
                                      ["“I would love to see him endorse.”"],
                                      ["Rep. Steve Israel said members were coordinated."]]


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


def test_a_pull_quote_that_repeats_a_sentence_of_the_article_is_dropped_and_the_sentence_kept():
    article = clean_article(
        "Talks collapse in Geneva\n\n"
        "\"We will never accept a deal that leaves our people without water,\" the minister said.\n\n"
        "The minister spoke after the talks ended. \"We will never accept a deal that leaves our people without "
        "water,\" the minister said. Negotiators left the city on Friday.", "a.txt")
    assert [p.text[:28] for p in article.paragraphs] == ["Talks collapse in Geneva", "The minister spoke after the"]
    assert article.removed_lines == (
        "\"We will never accept a deal that leaves our people without water,\" the minister said.",)


def test_labels_after_the_last_sentence_and_a_section_label_in_capitals_before_the_headline_are_dropped():
    article = clean_article("WORLD NEWS\n\nRebels seize Aleppo\n\nRebels took Aleppo on Friday, residents said."
                            "\n\nOfficials said 12 people died.\n\nMiddle East\n\nSyria", "a.txt")
    assert article.title == "Rebels seize Aleppo"
    assert [p.text for p in article.paragraphs][1:] == ["Rebels took Aleppo on Friday, residents said.",
                                                        "Officials said 12 people died."]
    assert set(article.removed_lines) == {"WORLD NEWS", "Middle East", "Syria"}


def test_a_short_repeated_phrase_and_a_short_headline_with_a_standfirst_are_kept():
    article = clean_article("Aleppo falls\n\nRebels take Syria's second city in a lightning offensive\n\n"
                            "The pagers exploded across Lebanon on Tuesday, officials said.\n\nThe pagers exploded.",
                            "a.txt")
    assert article.title == "Aleppo falls" and len(article.paragraphs) == 4 and article.removed_lines == ()


def test_a_standfirst_follows_the_headline_as_body_text_of_its_own_role():
    article = clean_article("The army fled the city on Friday.", "a.html", headline="Army flees",
                            standfirst="Rebels took the north\nof the country in a week.")
    assert [(p.role, p.text) for p in article.paragraphs] == [
        ("headline", "Army flees"), ("standfirst", "Rebels took the north of the country in a week."),
        ("body", "The army fled the city on Friday.")]
    assert not article.paragraphs[1].is_heading  # its sentences are read like the body's
