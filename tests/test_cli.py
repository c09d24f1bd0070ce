"""The briefgen command, end to end through main(argv), with its exact messages and exit codes."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import COMMANDS_HELP, main
from generator.load.schema import (
    ACTOR_EDIT_KEYS,
    FIGURE_EDIT_KEYS,
    QUOTE_EDIT_KEYS,
    REACTION_EDIT_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
)
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF


def test_extract_prints_the_prediction_shape(tmp_path: Path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_ARTICLE)
    assert main(["extract", str(article), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"actors", "places", "quotes", "figures", "reactions", "summary", "text", "country"} <= set(data)
    assert data["country"] == "Syria" and data["country_inferred"] is True
    assert {"text": "We will strongly support the Syrian army", "speaker": "Abbas Araghchi"}.items() <= \
        data["quotes"][0].items()
    assert data["figures"][0]["text"] == "at least 61 civilians"


def test_extract_country_option_overrides_inference(tmp_path: Path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_ARTICLE)
    assert main(["extract", str(article), "--country", "Iran"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["country"] == "Iran" and data["country_inferred"] is False


def test_extract_markdown_prints_the_page_body(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_ARTICLE)
    assert main(["extract", str(article), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    quotes = out[out.index("## Quotes"):out.index("## Figures")]
    assert "**[Abbas Araghchi](../actors/abbas-araghchi.md)**" in quotes
    assert "> <q>We will strongly support the Syrian army</q>" in quotes


def _reported(stderr: str) -> list[str]:
    """The problems and their count, without the progress lines."""
    return [line for line in stderr.splitlines() if line.startswith("error: ") or line.endswith(" found.")]


def test_check_reports_every_problem_with_file_line_and_key(make_brief, tmp_path, monkeypatch, capsys):
    make_brief("good", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("bad", {"brief.yml": SAMPLE_BRIEF + "quotes:\n  - match: no such words\n    hide: true\n"
                       "figures:\n  - add: {txt: 5 dead}\n", "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--briefs", "briefs"]) == 1
    assert _reported(capsys.readouterr().err) == [
        "error: briefs/bad/brief.yml:9: figures[0].add.txt: unknown key (did you mean 'text'?)",
        "error: briefs/bad/brief.yml:9: figures[0].add: the required key 'text' is missing",
        "error: briefs/bad/brief.yml:6: quotes[0].match: 'no such words' matches no quote",
        "3 problems found.",
    ]


def test_check_reports_the_schema_and_the_curation_problems_of_one_brief_in_one_pass(make_brief, tmp_path,
                                                                                      monkeypatch, capsys):
    """A misspelt key, a missing article, a wrong type, a wrong speaker and a match that fits nothing: the
    schema problems no longer hide the curation ones."""
    brief = SAMPLE_BRIEF + (
        "sumary: [One line.]\n"
        "sources:\n  - file: article.txt\n  - file: second.txt\n"
        "actors:\n  Iran: {key: \"yes\"}\n"
        "quotes:\n  - match: strongly support\n    speaker: Nobody Known\n"
        "  - match: no such words\n    hide: true\n"
    )
    make_brief("bad", {"brief.yml": brief, "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--briefs", "briefs"]) == 1
    assert _reported(capsys.readouterr().err) == [
        "error: briefs/bad/brief.yml:5: sumary: unknown key (did you mean 'summary'?)",
        "error: briefs/bad/brief.yml:10: actors.Iran.key: must be true or false, not a text",
        "error: briefs/bad/brief.yml:8: sources[1].file: 'second.txt' does not exist in bad/",
        "error: briefs/bad/brief.yml:12: quotes[0].speaker: 'Nobody Known' is not an actor here",
        "error: briefs/bad/brief.yml:14: quotes[1].match: 'no such words' matches no quote",
        "5 problems found.",
    ]


def test_check_passes_on_valid_briefs(make_brief, tmp_path, monkeypatch, capsys):
    briefs = make_brief("good", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--briefs", str(briefs)]) == 0
    assert capsys.readouterr().out == "1 brief checked: no problems.\n"


def test_check_reports_curation_edits_that_match_nothing(make_brief, tmp_path, monkeypatch, capsys):
    make_brief("bad", {"brief.yml": SAMPLE_BRIEF + "quotes:\n  - match: no such words\n    hide: true\n",
                                "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--briefs", "briefs"]) == 1
    assert "briefs/bad/brief.yml:6: quotes[0].match: 'no such words' matches no quote" in capsys.readouterr().err


def test_build_writes_pages(make_brief, tmp_path, monkeypatch, capsys):
    briefs = make_brief("aleppo", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    monkeypatch.chdir(tmp_path)
    code = main(["build", "--briefs", str(briefs), "--docs", "out", "--templates", str(ROOT / "templates")])
    assert code == 0
    assert (tmp_path / "out" / "briefings" / "aleppo.md").is_file()
    assert "extracting 1 of 1 articles (0 cached)" in capsys.readouterr().err


def test_new_makes_a_draft_brief_from_an_article(tmp_path, monkeypatch, capsys):
    article = tmp_path / "story.txt"
    article.write_text(SAMPLE_ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["new", str(article)]) == 0
    folder = tmp_path / "briefs" / f"{dt.date.today().isoformat()}-rebels-seize-aleppo-as-iran-pledges-support"
    assert (folder / "story.txt").read_text() == SAMPLE_ARTICLE
    config = (folder / "brief.yml").read_text()
    assert 'title: "Rebels seize Aleppo as Iran pledges support"' in config and "status: draft" in config
    assert main(["new", str(article)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_unknown_model_is_a_clean_error(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(SAMPLE_ARTICLE)
    assert main(["--model", "no_such_pipeline", "extract", str(article)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: the spaCy pipeline 'no_such_pipeline' is not installed")
    assert "Traceback" not in err


README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS_HELP))
def test_every_command_is_documented_in_the_readme(command):
    assert re.search(rf"`briefgen {command}\b", README), f"README does not document `briefgen {command}`"


@pytest.mark.parametrize("key", sorted({*TOP_KEYS, *SOURCE_KEYS, *ACTOR_EDIT_KEYS, *QUOTE_EDIT_KEYS,
                                        *FIGURE_EDIT_KEYS, *REACTION_EDIT_KEYS}))
def test_every_brief_yml_key_is_documented_in_the_readme(key):
    assert f"`{key}`" in README, f"README does not document the brief.yml key `{key}`"


@pytest.mark.parametrize("target", ["site", "test", "serve", "eval", "bench", "check", "review", "golden"])
def test_every_make_target_is_documented_in_the_readme(target):
    assert f"make {target}" in README


GOLD = {
    "id": "mini", "title": None, "published": None, "source": None, "url": None,
    "actors": [{"name": "Abbas Araghchi", "kind": "person", "aliases": ["Mr. Araghchi"], "key": True},
               {"name": "Iran", "kind": "country", "aliases": [], "key": True}],
    "places": ["Damascus"],
    "quotes": [{"text": "We will strongly support the Syrian army", "speaker": "Abbas Araghchi"},
               {"text": "a quote nobody finds", "speaker": None}],
    "figures": [{"text": "at least 61 civilians", "value": 61, "unit": "civilians killed", "qualifier": "at least"}],
}


def gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "mini.txt").write_text(SAMPLE_ARTICLE, encoding="utf-8")
    (folder / "mini.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def test_eval_prints_a_table_per_article_rows_and_writes_json(tmp_path, capsys):
    folder = gold_folder(tmp_path)
    out = tmp_path / "scores.json"
    assert main(["eval", str(folder), "--per-article", "--sort", "quotes_f1", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("| folder | n | actors_f1 |")
    assert "| gold | 1 |" in printed and "| gold/mini | " in printed
    assert "Worst articles per field:" in printed and "- quotes_f1: mini 0.67" in printed
    scores = json.loads(out.read_text())
    assert scores["folders"]["gold"]["quotes_f1"] == pytest.approx(2 / 3)
    assert scores["articles"]["gold/mini"]["speaker_acc"] == 1.0


def test_eval_explain_lists_every_error_with_its_sentence(tmp_path, capsys):
    assert main(["eval", str(gold_folder(tmp_path)), "--explain", "mini"]) == 0
    printed = capsys.readouterr().out
    assert "# gold/mini" in printed
    assert "- FN “a quote nobody finds” speaker=None | (not found in the article)" in printed


def test_eval_of_an_unknown_id_is_a_clean_error(tmp_path, capsys):
    assert main(["eval", str(gold_folder(tmp_path)), "--explain", "nope"]) == 1
    assert capsys.readouterr().err.startswith("error: nope: no gold file has this id")


def test_eval_with_baselines_prints_them_side_by_side(tmp_path, capsys):
    folder = gold_folder(tmp_path)
    data = json.loads((folder / "mini.gold.json").read_text())
    data["summary"] = {"reference": "Rebels took Aleppo and Iran pledged support.", "key_facts": ["rebels took Aleppo"]}
    (folder / "mini.gold.json").write_text(json.dumps(data))
    assert main(["eval", str(folder), "--baseline", "lead3", "--baseline", "textrank", "--baseline", "oracle3"]) == 0
    printed = capsys.readouterr().out
    assert "| gold | briefgen |" in printed and "| gold | lead3 |" in printed and "| gold | textrank |" in printed
    oracle = next(line for line in printed.splitlines() if line.startswith("| gold | oracle3 |"))
    assert oracle.split("|")[3].strip() not in ("—", "0.00")  # the oracle read the reference


def test_new_from_a_saved_html_page_reads_its_title_date_and_author(tmp_path, monkeypatch, capsys):
    from tests.load.test_readers import PAGE

    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", str(page), "--slug", "army-flees"]) == 0
    config = (tmp_path / "briefs" / "army-flees" / "brief.yml").read_text()
    assert 'title: "Army flees Aleppo"' in config and "date: 2024-11-30" in config
    assert 'author: "Jane Doe"' in config
    assert main(["check", "--briefs", "briefs"]) == 0


def test_the_readme_brief_yml_example_applies_to_the_shipped_aleppo_sample(tmp_path, monkeypatch, capsys):
    """#18: the README's curation example, pasted verbatim beside the sample article, must check clean (it
    failed on 'a decade', which is also inside 'over a decade')."""
    example = re.search(r"### brief.yml\n\n```yaml\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert example is not None
    folder = tmp_path / "briefs" / "aleppo"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "briefs" / "aleppo-2024-11-30" / "article.txt", folder / "article.txt")
    (folder / "brief.yml").write_text(example[1], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(("ci", "status", "said"), [
    ("true", 4, "CI is set but ../shared/corpus is not beside the checkout"),
    ("", 0, "WARNING: ../shared/corpus is not beside the checkout: the evaluation gate and the corpus tests did "
            "not run"),
])
def test_a_missing_corpus_fails_under_ci_and_is_announced_locally(tmp_path, ci, status, said):
    """#18: a clean clone without ../shared reported '321 passed' and exit 0, the gate silently skipped."""
    env = {**os.environ, "CI": ci, "BRIEFGEN_CORPUS": str(tmp_path / "no-corpus")}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_extract_names.py::test_strip_titles_removes_stacked_titles"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == status, done.stdout + done.stderr
    assert said in done.stdout + done.stderr


REVIEW_ARTICLE = """\
Rebels seize Aleppo as Iran pledges support

Syrian President Bashar al-Assad vowed on Saturday to defeat the rebels who took Aleppo.

Iran's Foreign Minister Abbas Araghchi travelled to Damascus. "We will strongly support the Syrian army," he said.

Aron Lund said the city had fallen. "A government stripped of Aleppo cannot be considered a functional government," \
Lund said.

Residents fear the worst. "There is no bread left in the whole city and the shelling never stops."
"""


def _pasted(review: str) -> str:
    """brief.yml lines made by pasting every suggestion of `briefgen check --review` where it says."""
    sections: dict[str | None, list[str]] = {}
    lines = review.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("    paste "):
            section = line.removeprefix("    paste under ").rstrip(":") if "under" in line else None
            for pasted in lines[number + 1:]:
                if not pasted.startswith("      "):
                    break
                sections.setdefault(section, []).append(pasted[6:])
    text = "".join(f"{line}\n" for line in sections.pop(None, []))
    for section, pasted in sections.items():
        text += f"{section}:\n" + "".join(f"  {line}\n" for line in pasted)
    return text


def test_check_review_lists_what_to_look_at_with_lines_that_settle_it_when_pasted(make_brief, tmp_path,
                                                                                   monkeypatch, capsys):
    """#18: a pronoun speaker, an unattributed quote, an inferred country and a key actor typed by a guess, each
    with the YAML to paste; pasted unchanged, they confirm the items and the queue is empty."""
    brief = "title: Rebels seize Aleppo\ndate: 2024-11-30\n"
    briefs = make_brief("aleppo", {"brief.yml": brief, "article.txt": REVIEW_ARTICLE})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--review"]) == 0
    review = capsys.readouterr().out
    assert review.splitlines() == [
        "briefs/aleppo/brief.yml: 4 to review",
        "  - quote given to Abbas Araghchi because the text says “he” (article.txt, paragraph 3): “We will "
        "strongly support the Syrian army”",
        "    paste under quotes:",
        '      - match: "We will strongly support the"',
        '        speaker: "Abbas Araghchi"  # confirms it; or the name of the actor who said it',
        "  - unattributed quote (article.txt, paragraph 5): “There is no bread left in the whole city and the "
        "shelling …”",
        "    paste under quotes:",
        '      - match: "There is no bread left"',
        '        speaker: ""  # confirms it; or the name of the actor who said it',
        "  - country inferred from the text: Syria (it decides which reactions are international)",
        "    paste at the top level:",
        '      country: "Syria"  # confirms it; or the right one',
        "  - key actor typed by a guess: Aron Lund as person (no title, role or known name confirms it)",
        "    paste under actors:",
        '      "Aron Lund": {kind: person}  # confirms it; or person, organization, country; or {hide: true}',
        "",
        "4 items to review in 1 brief.",
        "1 brief checked: no problems.",
    ]
    (briefs / "aleppo" / "brief.yml").write_text(brief + _pasted(review))
    assert main(["check", "--review"]) == 0
    assert capsys.readouterr().out.splitlines() == ["0 items to review in 1 brief.", "1 brief checked: no problems."]
