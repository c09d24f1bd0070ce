"""The analysis: built once per article, read by every extractor."""

import pytest

from tests.helpers import analysed


@pytest.mark.parametrize(("text", "candidates"), [
    # A sentence starting in lower case is a fragment and never chosen.
    ("Headline here\n\nThe talks ended on Friday in Antalya without any progress.\n\n"
     "and Russia blame each other for the collapse of the massive dam on Tuesday.",
     ["The talks ended on Friday in Antalya without any progress."]),
    # The parser's split inside a quotation is mended: one sentence, partly quoted.
    ("EU opens talks with Ukraine\n\nUkrainian President Volodymyr Zelensky welcomed the decision as "
     "\"a victory for Ukraine. A victory for all of Europe,\" the AP reports.",
     ["Ukrainian President Volodymyr Zelensky welcomed the decision as \"a victory for Ukraine. A victory for all "
      "of Europe,\" the AP reports."]),
    # A closing mark the parser splits off is given back to its sentence.
    ("Protests go on\n\nSmall groups of protesters continued to call for more information about the shooting, "
     "while chanting, \"Hands up, don't shoot.\"",
     ["Small groups of protesters continued to call for more information about the shooting, while chanting, "
      "\"Hands up, don't shoot.\""]),
    # A quotation that opened before the paragraph (only its closing mark is here) makes the paragraph quoted.
    ("Shelling on the border\n\nNorth Korea placed its army on high alert on Friday, the news agency said.\n\n"
     "They perpetrated such reckless action as firing 36 shells at our police posts. Six shells hit the area "
     "near the posts on the northern side\", said KCNA.",
     ["North Korea placed its army on high alert on Friday, the news agency said."]),
    # A sentence without a verb is a caption or a list item.
    ("Ship seized\n\nCoast guards seized the cruise ship Freewinds off Bonaire on Tuesday, officials said.\n\n"
     "The cruise ship Freewinds in the harbour of Kralendijk, Bonaire, last year.",
     ["Coast guards seized the cruise ship Freewinds off Bonaire on Tuesday, officials said."]),
    # The parser splits "Ukraine" from "and Russia blame ..." after a cross-head: the sentence is mended.
    ("Dam breach floods Kherson\n\nBlame game\n\n"
     "Ukraine and Russia blame each other for the collapse of the massive dam on Tuesday, in Kherson.",
     ["Ukraine and Russia blame each other for the collapse of the massive dam on Tuesday, in Kherson."]),
])
def test_the_body_sentences_are_whole_sentences(text, candidates):
    assert [s.text.strip() for s in analysed(text).sentences] == candidates


def test_the_lede_is_the_first_body_sentence_that_states_something_not_a_caption():
    analysis = analysed("Crane falls on Grand Mosque\n\nPilgrims at Mecca's Grand Mosque in 2008.\n\n"
                        "A storm on Friday caused a crane to fall into the Grand Mosque, killing 107 people.")
    assert analysis.lede is not None and analysis.lede.text.startswith("A storm on Friday")
    assert [s.text.strip() for s in analysis.lead] == ["Crane falls on Grand Mosque", analysis.lede.text.strip()]


def test_mentions_and_quote_spans_are_computed_once_for_every_extractor():
    analysis = analysed('Iran\'s Foreign Minister Abbas Araghchi travelled to Damascus.\n\n'
                        '"We will strongly support the Syrian army," Mr. Araghchi said.')
    assert [(m.text, m.category) for m in analysis.mentions][:2] == [("Iran", "country"), ("Abbas Araghchi", "person")]
    assert [analysis.article.text[s.start:s.end] for s in analysis.quote_spans] == [
        "We will strongly support the Syrian army,"]
