"""The ruler: the matcher of corpus/FORMAT.md, tested hard, and every gold file scored against itself."""

import json
from pathlib import Path

import pytest

from generator.measure.score import (
    COLUMNS,
    Result,
    normalize,
    row,
    score_actors,
    score_article,
    score_figures,
    score_quotes,
    score_reactions,
    score_summary,
    speaker_right,
    token_f1,
)
from tests.helpers import SHARED_CORPUS


def test_normalize_folds_quotes_dashes_space_case_and_surrounding_marks():
    assert normalize("  “Allies’ — support,”\n") == "allies' - support"
    assert normalize("ＡＢＣ") == "abc"  # NFKC


def actor(name, kind="person", aliases=(), key=False):
    return {"name": name, "kind": kind, "aliases": list(aliases), "key": key}


def test_actor_matching_is_one_to_one_so_an_unmerged_alias_costs_precision():
    gold = [actor("Bashar al-Assad", aliases=["Assad", "Mr. Assad"], key=True)]
    result = Result("x")
    score_actors(gold, [actor("Bashar al-Assad", key=True), actor("Mr. Assad")], result)
    tally = result.tallies["actors"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)
    assert result.shares["key_recall"].value == 1.0


def test_actor_matches_through_any_alias_and_counts_per_kind():
    gold = [actor("Iran", "country", ["Tehran", "Iranian"]), actor("Hezbollah", "organization")]
    result = Result("x")
    score_actors(gold, [actor("Tehran", "country"), actor("Hezbollah", "person")], result)
    assert result.tallies["actors"].tp == 2
    assert result.tallies["actors.country"].f1 == 1.0
    organization = result.tallies["actors.organization"]
    assert (organization.tp, organization.fp, organization.fn) == (0, 0, 1)


def test_key_recall_needs_the_predicted_actor_to_be_key():
    result = Result("x")
    score_actors([actor("Iran", "country", key=True)], [actor("Iran", "country", key=False)], result)
    assert result.shares["key_recall"].value == 0.0


@pytest.mark.parametrize(("predicted", "gold", "matches"), [
    ("one two three four five", "one two three four five", True),
    ("one two three four", "one two three four five", True),  # F1 = 0.889
    ("one two three", "one two three four five six", False),  # F1 = 0.667
    ("“One, two three four.”", "one two three four", True),  # marks and case do not count
])
def test_quote_token_f1_threshold(predicted, gold, matches):
    result = Result("x")
    score_quotes({"quotes": [{"text": gold, "speaker": None}]}, {"quotes": [{"text": predicted, "speaker": None}]},
                 result)
    assert (result.tallies["quotes"].tp == 1) is matches


def test_quote_f1_exactly_at_the_boundary_matches():
    assert token_f1("a b c d", "a b c d e f") == pytest.approx(0.8)
    result = Result("x")
    score_quotes({"quotes": [{"text": "a b c d e f"}]}, {"quotes": [{"text": "a b c d"}]}, result)
    assert result.tallies["quotes"].tp == 1


def test_quote_matching_is_one_to_one_best_first():
    gold = {"quotes": [{"text": "we will win this war", "speaker": "A"}]}
    predicted = {"quotes": [{"text": "we will win this", "speaker": "B"},
                            {"text": "we will win this war", "speaker": "A"}], "actors": []}
    result = Result("x")
    score_quotes({**gold, "actors": []}, predicted, result)
    assert (result.tallies["quotes"].tp, result.tallies["quotes"].fp) == (1, 1)
    assert result.shares["speaker"].value == 1.0


def test_speaker_rules():
    gold_actors = [actor("Bashar al-Assad", aliases=["Mr. Assad"])]
    predicted_actors = [actor("Assad", aliases=["Mr. Assad"])]
    assert speaker_right("Assad", "Bashar al-Assad", predicted_actors, gold_actors)  # through both alias lists
    assert speaker_right(None, None, [], gold_actors)
    assert not speaker_right("Assad", None, predicted_actors, gold_actors)
    assert not speaker_right("Iran", "Bashar al-Assad", predicted_actors, gold_actors)
    # External data: no actors, the last words decide.
    assert speaker_right("Donald Trump", "Mr. Trump", [], None)
    assert not speaker_right("Ivanka Trump", "Mr. Pence", [], None)
    # ... or the gold speaker is one of the predicted speaker's forms ("Hillary shot back, ...")
    clinton = [{"name": "Hillary Clinton", "kind": "person", "aliases": ["Hillary"]}]
    assert speaker_right("Hillary Clinton", "Hillary", clinton, None)
    assert not speaker_right("Hillary Clinton", "Chelsea", clinton, None)


def test_quote_without_speaker_key_is_scored_for_its_span_only():
    result = Result("x")
    score_quotes({"quotes": [{"text": "hello there world"}]}, {"quotes": [{"text": "hello there world",
                                                                           "speaker": "X"}]}, result)
    assert result.tallies["quotes"].tp == 1 and result.shares["speaker"].n == 0


ARTICLE = "Rebels captured dozens of towns. The fighting killed over 412 people and at least 61 civilians."


def test_figures_match_on_overlap_shared_number_and_equal_value():
    gold = [{"text": "over 412 people", "value": 412, "unit": "people killed"},
            {"text": "dozens of towns", "value": None, "unit": "towns", "qualifier": "vague"},
            {"text": "at least 61 civilians", "value": 61, "unit": "civilians killed"}]
    predicted = [{"text": "412 people", "value": 412, "unit": "people"},
                 {"text": "dozens", "value": None, "unit": "towns"},
                 {"text": "61 civilians", "value": 16, "unit": "civilians"}]
    result = Result("x")
    score_figures(gold, predicted, ARTICLE, len(ARTICLE), result)
    tally = result.tallies["figures"]
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 1)
    assert result.shares["unit"].value == 1.0


def test_vague_figure_needs_both_values_null():
    result = Result("x")
    score_figures([{"text": "dozens of towns", "value": None}], [{"text": "dozens of towns", "value": 24}],
                  ARTICLE, len(ARTICLE), result)
    assert result.tallies["figures"].tp == 0


def test_reactions_are_matched_through_aliases():
    gold = {"actors": [actor("United Kingdom", "country", ["Britain"])],
            "reactions": [{"actor": "United Kingdom", "kind": "country", "position": "x"}]}
    predicted = {"actors": [actor("Britain", "country", ["UK"])],
                 "reactions": [{"actor": "Britain", "position": "y"}, {"actor": "France", "position": "z"}]}
    result = Result("x")
    score_reactions(gold, predicted, result)
    tally = result.tallies["reactions"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 0)


def test_rouge_on_a_known_pair_and_key_facts():
    result = Result("x")
    gold = {"summary": {"reference": "the cat sat on the mat", "key_facts": ["cat sat on mat", "dog barked loudly"]}}
    score_summary(gold, ["the cat sat on a mat"], result)
    assert result.means["rouge1"] == [pytest.approx(5 / 6)]
    assert result.means["rouge2"] == [pytest.approx(0.6)]
    assert result.shares["key_facts"].value == 0.5


def test_sentence_precision_counts_reference_sentences():
    result = Result("x")
    score_summary({"summary": {"reference": "A b. C d.", "sentences": ["A b.", "C d."]}}, ["A b.", "X y."], result)
    assert result.shares["sentence_precision"].value == 0.5


def test_only_annotated_fields_are_scored():
    result = score_article({"id": "x", "quotes": []}, {"quotes": [], "actors": [{"name": "A"}]}, "text")
    assert set(result.tallies) == {"quotes"}


def self_prediction(gold: dict, article: str) -> dict:
    summary = gold.get("summary") or {}
    text = "\n".join(line for line in article.split("\n") if line not in set(gold.get("boilerplate") or []))
    return {
        "actors": gold.get("actors") or [],
        "places": gold.get("places") or [],
        "quotes": gold.get("quotes") or [],
        "figures": gold.get("figures") or [],
        "reactions": gold.get("reactions") or [],
        "summary": summary.get("sentences") or ([summary["reference"]] if summary.get("reference") else []),
        "bottom_line": summary.get("reference") or "",
        "text": text,
    }


GOLD_FILES = sorted(SHARED_CORPUS.glob("**/*.gold.json"))


@pytest.mark.skipif(not GOLD_FILES, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_gold_file_scored_against_itself_gets_one_everywhere(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    # Gold spans are located in the reference text beside the gold file, as the scorer of FORMAT.md does, even
    # where the extractor's input (`source_file`) is a saved HTML page.
    reference = path.parent / path.name.replace(".gold.json", ".txt")
    source = reference if reference.is_file() else path.parent / gold["source_file"]
    article = source.read_text(encoding="utf-8")
    values = row(score_article(gold, self_prediction(gold, article), article))
    for column, value in values.items():
        if value is None or column == "key_facts":
            continue
        assert value == pytest.approx(1.0), f"{column} = {value}"
    assert set(values) == set(COLUMNS)


def test_a_name_added_in_brackets_does_not_make_a_summary_sentence_another_one():
    from generator.measure.score import without_insertions

    assert without_insertions("He [Jean Dupont] resigned.") == "He resigned."
    assert without_insertions("[Jean] Dupont said so.") == "Dupont said so."
    gold = {"summary": {"reference": "Dupont resigned.", "sentences": ["Dupont said so."]}}
    result = score_article(gold, {"summary": ["[Jean] Dupont said so."], "bottom_line": "Dupont resigned."}, "")
    assert row(result)["sentence_p"] == 1.0 and row(result)["bottom_r1"] == 1.0
