"""The main-text benchmark: its published scoring definition, and the reader held to its target on it."""

import pytest

from generator.measure.htmlbench import briefgen_reader, load_pages, run, score_page, score_pages
from tests.helpers import SHARED_CORPUS

BENCHMARK = SHARED_CORPUS / "html-benchmark"


def test_shingles_of_four_tokens_are_counted_with_multiplicity_and_divided_by_their_sum():
    page = score_page("a b c d e", "a b c d x")
    assert (page.tp, page.fp, page.fn) == (pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert score_page("a b c d a b c d", "a b c d").fp > 0  # a repeated shingle is counted twice
    assert score_page("A, b. c d!", "A b c d").exact  # tokens are the \w+ runs: punctuation does not count


def test_precision_leaves_out_pages_without_a_prediction_and_recall_counts_them():
    total = score_pages([score_page("a b c d", "a b c d"), score_page("", "e f g h")])
    assert (total.precision, total.recall, total.empty) == (1.0, 0.5, 1)
    assert total.f1 == pytest.approx(2 / 3)


def test_the_benchmarked_body_leaves_out_the_headline_and_the_standfirst_as_the_reference_does():
    page = ('<html><head><title>Army flees</title><meta property="og:description" content="Rebels took the north '
            'of the country in a week, and the capital is next."></head><body><header><h1>Army flees</h1><h3>Rebels '
            'took the north of the country in a week, and the capital is next.</h3></header><article><p>Syrian '
            'troops withdrew from Aleppo on Friday after a rebel offensive, residents said.</p><p>The Observatory '
            'said at least 61 civilians had been killed in the fighting so far.</p></article></body></html>')
    assert briefgen_reader(page.encode(), "page.html") == (
        "Syrian troops withdrew from Aleppo on Friday after a rebel offensive, residents said.\n"
        "The Observatory said at least 61 civilians had been killed in the fighting so far.")


@pytest.mark.slow
@pytest.mark.skipif(not BENCHMARK.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_the_reader_meets_its_target_and_beats_trafilatura_on_the_same_pages():
    assert len(load_pages(BENCHMARK)) == 172
    results = run(BENCHMARK, ["briefgen", "trafilatura"], jobs=2)
    ours, theirs = results["briefgen"][0], results["trafilatura"][0]
    assert ours.empty == 0, "a page gave no article text"
    assert ours.f1 >= 0.96 and ours.f1 >= theirs.f1, (ours, theirs)
