"""Golden pages: the Markdown generated for the shipped sample briefs, compared byte for byte.

After an intended change, regenerate with `make golden` (pytest --update-golden) and review the diff.
"""

from pathlib import Path

import pytest

from generator.build import build
from generator.settings import Settings
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
SAMPLES = sorted(path.parent.name for path in (ROOT / "briefs").glob("*/brief.yml"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    settings = Settings(briefs_dir=ROOT / "briefs", docs_dir=docs, templates_dir=ROOT / "templates")
    build(settings, ROOT, progress=lambda _: None)
    return docs


@pytest.mark.parametrize("slug", SAMPLES)
def test_briefing_page_matches_golden(slug, generated, update_golden):
    page = (generated / "briefings" / f"{slug}.md").read_text(encoding="utf-8")
    golden = GOLDEN / f"{slug}.md"
    if update_golden:
        golden.write_text(page, encoding="utf-8")
    assert golden.exists(), f"no golden page for {slug}: run `make golden` and review it"
    assert page == golden.read_text(encoding="utf-8"), f"{slug} changed: run `make golden` and review the diff"


def test_home_page_lists_briefings_newest_first(generated):
    home = (generated / "index.md").read_text(encoding="utf-8")
    dates = [line.split("|")[1].strip() for line in home.splitlines() if line.startswith("| 20")]
    assert dates == sorted(dates, reverse=True) and len(dates) == len(SAMPLES)
