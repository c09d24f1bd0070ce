import pytest

from generator.extract import extract_article
from generator.extract.summary import candidate_sentences, summary_length
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


@pytest.mark.parametrize(("lede", "opening"), [
    ("ALEPPO, Nov. 30 (Reuters) – Rebels seized most of Aleppo on Friday", "Rebels seized most of Aleppo on Friday"),
    ("President Joe Biden – speaking on Friday – said rebels held Aleppo", "President Joe Biden – speaking"),
    ("Friday, November 29, 2024 Rebels seized most of Aleppo on Friday", "Rebels seized most of Aleppo on Friday"),
    ("Friday, November 29, 2024, was the day rebels seized most of Aleppo", "Friday, November 29, 2024, was"),
])
def test_the_lede_loses_its_dateline_or_date_stamp_but_not_its_subject(lede, opening):
    text = TEXT.replace("Rebels seized most of Aleppo on Friday", lede)
    assert extract_article(parsed(text)).summary[0].startswith(opening)


@pytest.mark.parametrize(("text", "candidates"), [
    # A sentence starting in lower case is a fragment and never chosen.
    ("Headline here\n\nThe talks ended on Friday in Antalya without any progress.\n\n"
     "and Russia blame each other for the collapse of the massive dam on Tuesday.",
     ["The talks ended on Friday in Antalya without any progress."]),
    # The parser splits "Ukraine" from "and Russia blame ..." after a cross-head: the sentence is mended.
    ("Dam breach floods Kherson\n\nBlame game\n\n"
     "Ukraine and Russia blame each other for the collapse of the massive dam on Tuesday, in Kherson.",
     ["Ukraine and Russia blame each other for the collapse of the massive dam on Tuesday, in Kherson."]),
])
def test_candidates_are_whole_sentences(text, candidates):
    assert [s.text.strip() for s in candidate_sentences(parsed(text))] == candidates
