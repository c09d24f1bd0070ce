"""The evaluation gate (trafilatura's eval_gate.py is the model): extraction quality may not fall below the
floors committed in tests/eval_floors.json. `make floors` raises them; lowering one needs --allow-lower and a
reason in the commit."""

import json
from pathlib import Path

import pytest

from generator.measure.evalrun import below_floors, evaluate_items, folder_totals, gold_items, update_floors
from generator.measure.score import Result, Share, Tally
from generator.settings import DEFAULT_MODEL
from tests.helpers import ROOT, SHARED_CORPUS

FLOORS = ROOT / "tests" / "eval_floors.json"
# The same folders as `make eval`: polnear-train (840 articles, about three minutes on two cores) is the largest
# measure of generalisation there is, so it is gated too.
GOLD_DIRS = [SHARED_CORPUS / "dev", SHARED_CORPUS / "dev-gum", SHARED_CORPUS / "dev-html",
             *sorted(p for p in (SHARED_CORPUS / "external").glob("*") if p.is_dir()),
             SHARED_CORPUS / "polnear-train"]


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED_CORPUS / "dev").is_dir(), reason="../shared/corpus is not beside the checkout")
def test_extraction_quality_stays_above_the_committed_floors():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    items = [item for folder in GOLD_DIRS for item in gold_items(folder)]
    totals = folder_totals(evaluate_items(items, DEFAULT_MODEL, jobs=2))
    assert set(floors) <= set(totals), "a folder with floors was not evaluated"
    assert below_floors(totals, floors) == []


def result(f1_tp: int) -> dict[str, Result]:
    return {"dev": Result("dev", tallies={"quotes": Tally(tp=f1_tp, fp=10 - f1_tp, fn=10 - f1_tp)},
                          shares={"speaker": Share(right=f1_tp, n=10)})}


def test_floors_are_raised_but_never_lowered_without_the_flag(tmp_path: Path):
    path = tmp_path / "floors.json"
    assert update_floors(path, result(8), allow_lower=False) == []
    assert json.loads(path.read_text())["dev"] == {"quotes_f1": 0.8, "quotes_p": 0.8, "quotes_r": 0.8,
                                                   "speaker_acc": 0.8}
    assert update_floors(path, result(6), allow_lower=False) == [
        "dev: quotes_f1 0.80 -> 0.60", "dev: quotes_p 0.80 -> 0.60", "dev: quotes_r 0.80 -> 0.60",
        "dev: speaker_acc 0.80 -> 0.60"]
    assert json.loads(path.read_text())["dev"]["quotes_f1"] == 0.8
    assert update_floors(path, result(6), allow_lower=True) == []
    assert json.loads(path.read_text())["dev"]["quotes_f1"] == 0.6


def test_a_value_below_its_floor_is_reported():
    assert below_floors(result(7), {"dev": {"quotes_f1": 0.75}}) == [
        "dev: quotes_f1 = 0.70 is below its floor 0.75"]
    assert below_floors(result(8), {"dev": {"quotes_f1": 0.8}}) == []
