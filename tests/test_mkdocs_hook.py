"""The MkDocs hook: strict under `mkdocs build` (make site), forgiving under `mkdocs serve`."""

import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from generator import mkdocs_hook
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF


@pytest.fixture
def project(tmp_path: Path, make_brief) -> SimpleNamespace:
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    make_brief("good", {"brief.yml": SAMPLE_BRIEF, "article.txt": SAMPLE_ARTICLE})
    make_brief("draft", {"brief.yml": SAMPLE_BRIEF + "status: draft\n", "article.txt": SAMPLE_ARTICLE})
    make_brief("broken", {"brief.yml": "title: Broken\ndate: 2024-11-31\n", "article.txt": SAMPLE_ARTICLE})
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n")
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"))


def test_build_fails_with_every_problem_and_writes_nothing(project):
    mkdocs_hook.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"briefs/broken/brief.yml:2: date: '2024-11-31' is not an ISO date"):
        mkdocs_hook.on_pre_build(project)
    assert not Path(project.docs_dir).exists()


def test_serve_builds_the_rest_with_drafts_and_reports_the_broken_brief(project, caplog):
    mkdocs_hook.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.briefgen"):
        mkdocs_hook.on_pre_build(project)
    docs = Path(project.docs_dir)
    assert (docs / "briefings" / "good.md").is_file() and (docs / "briefings" / "draft.md").is_file()
    assert not (docs / "briefings" / "broken.md").exists()
    assert "briefs/broken/brief.yml:2: date: '2024-11-31' is not an ISO date (YYYY-MM-DD)" in caplog.text
    mkdocs_hook.on_startup(command="build", dirty=False)
