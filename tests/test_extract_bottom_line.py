"""The bottom line: the lede as a reader sees it alone, never a quote."""

from generator.extract import extract_analysed
from tests.helpers import analysed


def bottom_line(text: str) -> str:
    return extract_analysed(analysed(text)).bottom_line


def test_the_bottom_line_is_the_lede_without_its_dateline():
    text = """\
    Rebels seize Aleppo

    BEIRUT, Nov 30 (Reuters) - Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian forces.

    Russian and Syrian jets struck the rebel-held city of Idlib, killing at least 12 people, the Observatory said.
    """
    assert bottom_line(text) == ("Rebels seized most of Aleppo on Friday in a surprise offensive against "
                                 "Syrian forces.")


def test_a_quotation_that_opens_the_story_is_never_the_bottom_line():
    text = """\
    Rebels seize Aleppo

    “We will take back every street of this city,” a commander told fighters on Friday.

    Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian government forces.
    """
    assert bottom_line(text).startswith("Rebels seized most of Aleppo")


def test_an_article_without_a_sentence_that_states_something_has_no_bottom_line():
    assert bottom_line("Headline only\n\nPhoto: AFP") == ""
