"""`briefgen site`: the site is built aside and swapped in only when MkDocs succeeded."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import BriefgenError
from generator.site import build_site
from generator.write import write_pages
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    (tmp_path / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hook.py", tmp_path / "generator" / "mkdocs_hook.py")
    folder = tmp_path / "briefs" / "aleppo"
    folder.mkdir(parents=True)
    (folder / "brief.yml").write_text(SAMPLE_BRIEF)
    (folder / "article.txt").write_text(SAMPLE_ARTICLE)
    return tmp_path


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failing_build_leaves_the_previous_site_whole_and_nothing_behind(project: Path):
    site = build_site(project)
    assert (site / "briefings" / "aleppo" / "index.html").is_file()
    before = files(site)
    broken = project / "briefs" / "broken"
    broken.mkdir()
    (broken / "brief.yml").write_text("title: Broken\ndate: 2024-13-40\n")
    (broken / "article.txt").write_text(SAMPLE_ARTICLE)
    with pytest.raises(BriefgenError, match="the site was not built"):
        build_site(project)
    assert files(site) == before
    assert list(project.glob(".site-*")) == []


def test_leftovers_of_a_killed_build_are_swept_by_the_next(project: Path, tmp_path: Path):
    (project / ".site-next-1234").mkdir()
    (project / "docs" / "briefings").mkdir(parents=True)
    (project / "docs" / "briefings" / ".tmp-abc.md").write_text("half")
    build_site(project)
    assert list(project.glob(".site-*")) == [] and not (project / "docs" / "briefings" / ".tmp-abc.md").exists()
    docs = tmp_path / "other-docs"
    (docs / "data").mkdir(parents=True)
    (docs / "data" / ".tmp-x.json").write_text("{")
    write_pages({"index.md": "# Home\n"}, docs, ("data",))
    assert sorted(p.name for p in docs.rglob("*") if p.is_file()) == [".briefgen.lock", "index.md"]


def _start_site_build(project: Path) -> subprocess.Popen:
    briefgen = Path(sys.executable).parent / "briefgen"
    return subprocess.Popen([str(briefgen), "site"], cwd=project, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_for(condition, process: subprocess.Popen, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, "the build ended before the moment the test kills it at"
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.mark.parametrize("moment", ["mkdocs started", "site half written"])
def test_a_build_killed_midway_leaves_the_previous_site_whole_and_the_next_build_clean(project: Path, moment):
    """Finding 2 of #16, reproduced with a real kill (SIGKILL to the build and its MkDocs process) as soon as
    MkDocs starts (its hook then extracts and writes docs/), then once MkDocs has written part of the new site."""
    site = build_site(project)
    before = files(site)
    (project / "briefs" / "aleppo" / "brief.yml").write_text(SAMPLE_BRIEF.replace("Rebels seize", "Rebels take"))
    process = _start_site_build(project)
    if moment == "mkdocs started":
        _wait_for(lambda: any(project.glob(".site-next-*")), process)
    else:
        _wait_for(lambda: any(p.is_file() for p in project.glob(".site-next-*/**/*.html")), process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert files(site) == before
    build_site(project)
    assert list(project.glob(".site-*")) == [] and not list((project / "docs").rglob(".tmp-*"))
    assert "Rebels take" in (site / "briefings" / "aleppo" / "index.html").read_text()


def test_two_builds_at_once_both_succeed_one_after_the_other(project: Path):
    """Finding 8 of #16: concurrent builds once deleted each other's temporary files; the lock serialises them."""
    first, second = _start_site_build(project), _start_site_build(project)
    assert (first.wait(timeout=300), second.wait(timeout=300)) == (0, 0)
    assert (project / "site" / "briefings" / "aleppo" / "index.html").is_file()
    assert list(project.glob(".site-*")) == [] and not list((project / "docs").rglob(".tmp-*"))
