"""The MkDocs hook: strict under `mkdocs build` (make site), forgiving under `mkdocs serve`."""

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                           site_name="Test", site_url=None, use_directory_urls=True)


def test_build_fails_with_every_problem_and_writes_nothing(project):
    mkdocs_hook.on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match=r"briefs/broken/brief.yml:2: date: '2024-11-31' is not an ISO date"):
        mkdocs_hook.on_pre_build(project)
    assert not Path(project.docs_dir).exists()


def test_serve_builds_the_rest_with_drafts_and_shows_the_broken_brief_s_problems_on_its_page(project, caplog):
    mkdocs_hook.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.briefgen"):
        mkdocs_hook.on_pre_build(project)
    docs = Path(project.docs_dir)
    assert (docs / "briefings" / "good.md").is_file() and (docs / "briefings" / "draft.md").is_file()
    assert "briefs/broken/brief.yml:2: date: '2024-11-31' is not an ISO date (YYYY-MM-DD)" in caplog.text
    page = (docs / "briefings" / "broken.md").read_text()
    assert '!!! failure "This briefing cannot be built yet"' in page
    assert "    - briefs/broken/brief.yml:2: date: '2024-11-31' is not an ISO date (YYYY-MM-DD)" in page
    mkdocs_hook.on_startup(command="build", dirty=False)


def test_serve_keeps_the_last_good_page_and_the_pages_it_feeds_while_a_brief_is_broken(project):
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(project)
    docs = Path(project.docs_dir)
    good_page = (docs / "briefings" / "good.md").read_text()
    actor_pages = sorted(path.name for path in (docs / "actors").iterdir())
    brief = Path(project.config_file_path).parent / "briefs" / "good" / "brief.yml"
    brief.write_text(SAMPLE_BRIEF + "quotes:\n  - match: no such words\n    hide: true\n")

    mkdocs_hook.on_pre_build(project)
    page = (docs / "briefings" / "good.md").read_text()
    assert '!!! failure "This page is the last good version: its brief no longer builds"' in page
    assert "    - briefs/good/brief.yml:6: quotes&#91;0&#93;.match: 'no such words' matches no quote" in page
    head, body = good_page.split("\n<span data-search-exclude>**2024-11-30**", 1)
    assert page.startswith(head) and page.endswith(body)  # the last good page, with the problems on top
    assert sorted(path.name for path in (docs / "actors").iterdir()) == actor_pages

    brief.write_text(SAMPLE_BRIEF)
    mkdocs_hook.on_pre_build(project)
    assert (docs / "briefings" / "good.md").read_text() == good_page
    mkdocs_hook.on_startup(command="build", dirty=False)


class _Server:
    """The two methods of MkDocs' LiveReloadServer that the hook calls, recording what is watched."""

    def __init__(self, watched: list[str]):
        self.watched = list(watched)

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def unwatch(self, path: str) -> None:
        self.watched.remove(path)


def test_serve_watches_what_people_write_in_docs_not_the_pages_the_build_writes(project):
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(project)
    docs = Path(project.docs_dir)
    (docs / "assets").mkdir()
    (docs / "about.md").write_text("# About\n")
    server = mkdocs_hook.on_serve(_Server([project.docs_dir]), project, builder=None)
    assert server.watched == [str(docs / "about.md"), str(docs / "assets")]
    mkdocs_hook.on_startup(command="build", dirty=False)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_mkdocs_serve_rebuilds_once_per_edit_and_serves_the_last_good_page_with_its_problems(project):
    """The real `mkdocs serve`: the editor saves a brief once, MkDocs builds once; a broken brief's address
    still answers, with the problem on the page."""
    folder = Path(project.config_file_path).parent
    (folder / "mkdocs.yml").write_text(
        f"site_name: Test\nhooks:\n  - {ROOT / 'generator' / 'mkdocs_hook.py'}\nwatch:\n  - briefs\n"
        "markdown_extensions:\n  - admonition\n")
    shutil.rmtree(folder / "briefs" / "broken")
    (folder / "docs").mkdir()
    port = _free_port()
    log = folder / "serve.log"
    with open(log, "w") as output:
        server = subprocess.Popen([str(Path(sys.executable).parent / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=folder, stdout=output, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        def builds() -> int:
            return log.read_text().count("Building documentation")

        assert _wait_for(lambda: "Serving on" in log.read_text() or server.poll() is not None, 120)
        assert server.poll() is None, log.read_text()
        time.sleep(2)  # anything the first build wrote would show as a rebuild by now
        assert builds() == 1
        (folder / "briefs" / "good" / "brief.yml").write_text(SAMPLE_BRIEF.replace("2024-11-30", "2024-11-31"))
        assert _wait_for(lambda: builds() == 2 and "is not an ISO date" in log.read_text(), 60), log.read_text()
        time.sleep(3)
        assert builds() == 2, log.read_text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/briefings/good/") as response:
            page = response.read().decode()
        assert "This page is the last good version" in page and "Rebels seize Aleppo" in page
        assert "<li>briefs/good/brief.yml:2: date: '2024-11-31' is not an ISO date (YYYY-MM-DD)</li>" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
