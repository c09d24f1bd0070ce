import json
import random

import pytest

from generator.cli import main
from generator.errors import InputError
from generator.extract.rules import DEFAULT_WEIGHTS, SummaryWeights
from generator.extract.summary import SentenceFeatures, SummaryCandidates
from generator.measure.tune import (
    Target,
    TuneItem,
    measure,
    parse_length,
    parse_target,
    random_weights,
    search,
    targets_met,
)
from tests.helpers import SAMPLE_ARTICLE


def test_a_target_names_a_folder_an_eval_column_and_a_floor():
    assert parse_target("gum-news:rouge1>=0.45") == Target("gum-news", "rouge1", 0.45)
    with pytest.raises(InputError, match="FOLDER:COLUMN>=VALUE"):
        parse_target("gum-news:rouge9>=0.45")
    assert parse_length("gum-news=3") == ("gum-news", 3)
    with pytest.raises(InputError, match="FOLDER=SENTENCES"):
        parse_length("gum-news=0")


def test_targets_met_counts_the_held_ones_and_sums_the_shortfall_of_the_others():
    measured = {"dev": {"rouge1": 0.60, "key_facts": 0.50}}
    targets = [Target("dev", "rouge1", 0.55), Target("dev", "key_facts", 0.55), Target("bbc", "sentence_p", 0.85)]
    met, shortfall = targets_met(measured, targets)
    assert met == 1
    assert shortfall == pytest.approx(0.05 / 0.55 + 1.0)


def _item(reference: str) -> TuneItem:
    features = [SentenceFeatures(position=i, names=0.0, figures=0, title_overlap=0.0, centrality=c, reaction=False,
                                 words=frozenset(words.lower().split()))
                for i, (c, words) in enumerate([(0.2, "Rebels took Aleppo"), (0.25, "Weather was mild"),
                                                (0.3, "Iran pledged support")])]
    candidates = SummaryCandidates(["Rebels took Aleppo.", "Weather was mild.", "Iran pledged support."],
                                   features, wanted=2)
    return TuneItem("dev", candidates, {"reference": reference})


def test_measure_chooses_with_the_given_weights_and_lengths():
    item = _item("Rebels took Aleppo. Iran pledged support.")
    # The lede, then the earlier of two sentences of about the same centrality: "Weather was mild."
    assert measure([item], DEFAULT_WEIGHTS, {})["dev"]["rouge1"] < 1.0
    centrality_only = SummaryWeights(position=0, centrality=1)
    assert measure([item], centrality_only, {})["dev"]["rouge1"] == pytest.approx(1.0)  # "Iran pledged support."
    assert measure([item], centrality_only, {"dev": 3})["dev"]["rouge1"] < 1.0  # all three sentences


def test_search_starts_from_the_shipped_weights_and_is_repeatable():
    items = [_item("Rebels took Aleppo. Iran pledged support.")]
    targets = [Target("dev", "rouge1", 0.9)]
    first = search(items, targets, trials=30, seed=7, lengths={})
    assert first == search(items, targets, trials=30, seed=7, lengths={})
    assert first.by_met[0][0] == 1  # some setting puts centrality above position
    assert first.by_target[targets[0]][3]["dev"]["rouge1"] == pytest.approx(1.0)
    only_shipped = search(items, targets, trials=1, seed=7, lengths={})
    assert only_shipped.by_met[0][2] == DEFAULT_WEIGHTS and only_shipped.by_met[0][0] == 0
    assert random_weights(random.Random(1)) != DEFAULT_WEIGHTS


def test_tune_summary_reports_the_shipped_weights_and_the_best_found(tmp_path, capsys):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "mini.txt").write_text(SAMPLE_ARTICLE, encoding="utf-8")
    gold = {"id": "mini", "summary": {"reference": "Assad vowed to defeat the rebels who took Aleppo."}}
    (folder / "mini.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["tune-summary", str(folder), "--trials", "5", "--target", "gold:rouge1>=0.3"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "| weights | chosen as | targets met | gold:rouge1>=0.3 |"
    assert lines[2].startswith("| shipped | shipped | 1 | 0.")
    assert any("| highest gold:rouge1>=0.3 |" in line for line in lines)
    assert "5/5 weight settings measured" in captured.err


def test_tune_summary_without_summaries_is_a_clean_error(tmp_path, capsys):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "mini.txt").write_text(SAMPLE_ARTICLE, encoding="utf-8")
    (folder / "mini.gold.json").write_text(json.dumps({"id": "mini", "actors": []}), encoding="utf-8")
    assert main(["tune-summary", str(folder), "--target", "gold:rouge1>=0.3"]) == 1
    assert "no gold file here annotates a summary" in capsys.readouterr().err
