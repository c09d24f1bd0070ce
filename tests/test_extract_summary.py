from dataclasses import replace

import pytest

from generator.extract import extract_analysed
from generator.extract.rules import DEFAULT_WEIGHTS
from generator.extract.summary import (
    sentence_score,
    summary_candidates,
    summary_length,
    textrank_scores,
)
from tests.helpers import analysed, analysed_page

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
    summary = extract_analysed(analysed(TEXT)).summary
    assert len(summary) == 4  # a short story with foreign reactions: one sentence more for them
    assert summary[0].startswith("Rebels seized most of Aleppo")
    assert not any(sentence.startswith("The weather") for sentence in summary)
    assert not any(sentence.startswith("“Thank God") for sentence in summary)
    assert "Rebels seize Aleppo in surprise offensive" not in summary
    positions = [TEXT.index(sentence) for sentence in summary]
    assert positions == sorted(positions)


def test_length_adapts_to_the_article():
    assert (summary_length(250), summary_length(500), summary_length(1500)) == (3, 4, 5)
    assert (summary_length(250, reactions=2), summary_length(500, reactions=1)) == (4, 5)
    assert summary_length(1500, reactions=1) == 5  # never more than five


def test_the_sentence_that_first_states_a_foreign_reaction_scores_higher():
    text = """\
    Rebels seize Aleppo

    Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian government forces.

    Syrian forces withdrew from the airport of Aleppo, the army said in a statement on Saturday.

    Qatar called for an immediate ceasefire and talks between the parties in a statement on Saturday.

    Qatar also said it would send aid to the displaced families of Aleppo through the Red Crescent.
    """
    article = analysed(text)
    extraction = extract_analysed(article, "Syria")
    assert [reaction.actor for reaction in extraction.reactions] == ["Qatar"]
    candidates = summary_candidates(article, extraction.actors, extraction.figures, extraction.reactions)
    marked = [text for text, feature in zip(candidates.texts, candidates.features, strict=True) if feature.reaction]
    assert marked == ["Qatar called for an immediate ceasefire and talks between the parties in a statement on "
                      "Saturday."]
    feature = candidates.features[2]
    gain = sentence_score(feature, DEFAULT_WEIGHTS) - sentence_score(replace(feature, reaction=False), DEFAULT_WEIGHTS)
    assert gain == pytest.approx(DEFAULT_WEIGHTS.reaction)


def test_a_reaction_stated_in_a_mended_sentence_keeps_its_score():
    text = """\
    Rebels seize Aleppo

    Rebels seized most of Aleppo on Friday in a surprise offensive against Syrian government forces.

    Qatar condemned the bombing of Idlib as "a crime. A crime against all Syrians," in a statement on Saturday.
    """
    article = analysed(text)
    extraction = extract_analysed(article, "Syria")
    assert extraction.reactions[0].sentences == ('Qatar condemned the bombing of Idlib as "a crime.',)  # the parser's
    candidates = summary_candidates(article, extraction.actors, extraction.figures, extraction.reactions)
    assert candidates.texts[1] == ('Qatar condemned the bombing of Idlib as "a crime. A crime against all Syrians," '
                                   'in a statement on Saturday.')
    assert candidates.features[1].reaction


def test_the_lede_is_chosen_even_when_later_sentences_score_higher():
    text = """\
    Afghan girls win a robotics medal

    A group of Afghan teenagers was awarded a silver medal on Tuesday at a robotics competition in Washington.

    The Afghan team of girls had been denied visas by the United States until President Donald Trump stepped in.

    Afghan Ambassador Hamdullah Mohib said the Afghan team showed the progress of Afghanistan and its girls.

    The Afghan coach Alireza Mehraban said the Afghan robot scored points with the Gabonese and Estonian teams.
    """
    article = analysed(text)
    extraction = extract_analysed(article)
    candidates = summary_candidates(article, extraction.actors, extraction.figures, extraction.reactions)
    scores = [sentence_score(feature, DEFAULT_WEIGHTS) for feature in candidates.features]
    assert scores[0] < sorted(scores, reverse=True)[candidates.wanted - 1]  # the score alone would leave it out
    assert extraction.summary[0] == candidates.texts[0] == ("A group of Afghan teenagers was awarded a silver medal "
                                                            "on Tuesday at a robotics competition in Washington.")


def test_after_a_standfirst_the_lede_is_still_the_first_body_sentence_and_always_chosen():
    article = analysed_page(
        "Afghan girls win a robotics medal",
        "The team's visas had been refused twice before the president stepped in.",
        """\
        A group of Afghan teenagers was awarded a silver medal on Tuesday at a robotics competition in Washington.

        Afghan Ambassador Hamdullah Mohib said the Afghan team showed the progress of Afghanistan and its girls.

        The Afghan coach Alireza Mehraban said the Afghan robot scored points with the Gabonese and Estonian teams.

        The Afghan girls will travel to Estonia next month for a competition with teams from 20 countries.
        """)
    extraction = extract_analysed(article)
    candidates = summary_candidates(article, extraction.actors, extraction.figures, extraction.reactions)
    lede = "A group of Afghan teenagers was awarded a silver medal on Tuesday at a robotics competition in Washington."
    assert (article.lede_at, candidates.lede, candidates.texts[1]) == (1, 1, lede)
    assert candidates.texts[0].startswith("The team's visas")  # a candidate, scored like the others
    assert lede in extraction.summary and extraction.bottom_line == lede


def test_a_standfirst_sentence_scores_the_standfirst_weight_more_than_the_same_sentence_in_the_body():
    article = analysed_page(
        "Afghan girls win a robotics medal",
        "The team's visas had been refused twice before the president stepped in.",
        """\
        A group of Afghan teenagers was awarded a silver medal on Tuesday at a robotics competition in Washington.

        The Afghan girls will travel to Estonia next month for a competition with teams from 20 countries.
        """)
    extraction = extract_analysed(article)
    features = summary_candidates(article, extraction.actors, extraction.figures, extraction.reactions).features
    assert [feature.standfirst for feature in features] == [True, False, False]
    as_body = replace(features[0], standfirst=False)
    assert sentence_score(features[0], DEFAULT_WEIGHTS) - sentence_score(as_body, DEFAULT_WEIGHTS) \
        == pytest.approx(DEFAULT_WEIGHTS.standfirst) == pytest.approx(0.5)


@pytest.mark.parametrize(("lede", "opening"), [
    ("ALEPPO, Nov. 30 (Reuters) – Rebels seized most of Aleppo on Friday", "Rebels seized most of Aleppo on Friday"),
    ("President Joe Biden – speaking on Friday – said rebels held Aleppo", "President Joe Biden – speaking"),
    ("Friday, November 29, 2024 Rebels seized most of Aleppo on Friday", "Rebels seized most of Aleppo on Friday"),
    ("Friday, November 29, 2024, was the day rebels seized most of Aleppo", "Friday, November 29, 2024, was"),
])
def test_the_lede_loses_its_dateline_or_date_stamp_but_not_its_subject(lede, opening):
    text = TEXT.replace("Rebels seized most of Aleppo on Friday", lede)
    assert extract_analysed(analysed(text)).summary[0].startswith(opening)


def test_textrank_ranks_a_long_document_window_by_window():
    sentences = list(analysed(TEXT).sentences)
    whole = textrank_scores(sentences)
    assert textrank_scores(sentences, window=len(sentences)) == whole  # an article shorter than a window: exact
    halves = textrank_scores(sentences, window=3)
    assert halves == textrank_scores(sentences[:3]) + textrank_scores(sentences[3:])
    assert halves != whole  # links across the windows are left out


def test_a_summary_sentence_names_in_brackets_whom_its_pronoun_or_surname_stands_for_once():
    from generator.extract.resolve import ActorResolver
    from generator.extract.summary import with_referents
    from tests.test_extract_resolve import DUPONT

    article = analysed(DUPONT)
    people = ActorResolver(extract_analysed(article).actors, article.doc, article.parsed.paragraph_of)
    lede, pronoun, surname = article.sentences
    assert with_referents([pronoun, surname], article.parsed, people, []) == [
        "He [Jean Dupont] resigned after the budget vote failed in parliament by a wide margin on Monday night.",
        "Dupont said he would stay in parliament as a deputy and vote against the budget in March."]
    assert with_referents([lede, pronoun], article.parsed, people, [])[1].startswith("He resigned")
