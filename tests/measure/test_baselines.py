from generator.measure.baselines import lead1, lead3, oracle3, textrank
from tests.helpers import parsed

TEXT = """\
Rebels seize Aleppo in surprise offensive

Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian government forces.

The weather in the region was mild for the season, residents of the coast said on Saturday.

Russian and Syrian jets struck the rebel-held city of Idlib, killing at least 12 people, the Observatory said.

Shops in the old city stayed closed for the whole of the long weekend, traders said.

Iran pledged to strongly support the Syrian government, its foreign minister said in Damascus.

Turkey rejected claims of foreign interference in the offensive led by Hayat Tahrir al-Sham.
"""

REFERENCE = ("Rebels seized Aleppo in a surprise offensive; Russian and Syrian jets struck Idlib, killing 12, "
             "and Iran pledged to support the Syrian government.")


def test_lead_baselines_take_the_first_body_sentences():
    article = parsed(TEXT)
    assert lead1(article) == ["Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian "
                              "government forces."]
    assert [s.split()[0] for s in lead3(article)] == ["Rebels", "The", "Russian"]


def test_textrank_keeps_article_order():
    sentences = textrank(parsed(TEXT))
    assert len(sentences) == 3
    assert [TEXT.index(s) for s in sentences] == sorted(TEXT.index(s) for s in sentences)


def test_the_oracle_picks_the_sentences_that_match_the_reference_and_needs_one():
    article = parsed(TEXT)
    assert [s.split()[0] for s in oracle3(article, REFERENCE)] == ["Rebels", "Russian", "Iran"]
    assert oracle3(article, None) == []
