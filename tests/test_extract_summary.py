from generator.extract import extract_article
from generator.extract.summary import summary_length
from tests.helpers import parsed

TEXT = """\
Rebels seize Aleppo in surprise offensive

Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian government forces.

“Thank God their injuries were minor,” she said.

Russian and Syrian jets struck the rebel-held city of Idlib, killing at least 12 people, the Observatory said.

Iran pledged to strongly support the Syrian government, its foreign minister said in Damascus.

The weather in the region was mild for the season, residents of the coast said on Saturday.

Turkey rejected claims of foreign interference in the offensive led by Hayat Tahrir al-Sham.
"""


def test_summary_sentences_are_in_article_order_and_never_quote_only_or_headline():
    summary = extract_article(parsed(TEXT)).summary
    assert len(summary) == 3
    assert summary[0].startswith("Rebels seized most of Aleppo")
    assert not any(sentence.startswith("“Thank God") for sentence in summary)
    assert "Rebels seize Aleppo in surprise offensive" not in summary
    positions = [TEXT.index(sentence) for sentence in summary]
    assert positions == sorted(positions)


def test_length_adapts_to_the_article():
    assert (summary_length(250), summary_length(600), summary_length(1500)) == (3, 4, 5)
    assert (summary_length(250, key_actors=6), summary_length(1500, key_actors=8)) == (4, 5)
