"""Shared test helpers: a parsed article from a few sentences, a brief folder from a dict of files."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden pages (review the diff)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def make_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write a brief folder from a dict of file name -> content; returns the briefs folder."""

    def make(slug: str = "sample", files: dict[str, str] | None = None, briefs: Path | None = None) -> Path:
        briefs_dir = briefs or tmp_path / "briefs"
        folder = briefs_dir / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in (files or {}).items():
            (folder / name).write_text(textwrap.dedent(content).lstrip(), encoding="utf-8")
        return briefs_dir

    return make




# Property-based tests (tests/test_properties.py): a bounded number of examples, derandomized so that every run
# of `make test` checks the same ones, and no example database written into the tree. HYPOTHESIS_EXAMPLES=2000
# searches harder (a local hunt for bugs, not the gate).
settings.register_profile("briefgen", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 100)), derandomize=True,
                          database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("briefgen")


_CORPUS_MISSING = "../shared/corpus is not beside the checkout: the evaluation gate and the corpus tests did not run"


def _under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under CI a missing corpus fails the run: a green run without the gate would be a lie."""
    from tests.helpers import SHARED_CORPUS

    if _under_ci() and not (SHARED_CORPUS / "dev").is_dir():
        raise pytest.UsageError(f"CI is set but {_CORPUS_MISSING} ({SHARED_CORPUS} is missing)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Locally a missing corpus or browser is allowed, and said loudly at the end of the run."""
    from tests.helpers import SHARED_CORPUS

    if not (SHARED_CORPUS / "dev").is_dir():
        terminalreporter.write_sep("!", f"WARNING: {_CORPUS_MISSING}", red=True, bold=True)
    from generator.measure.browser import chromium

    if chromium() is None:
        terminalreporter.write_sep("!", "WARNING: Chromium is not installed: the browser tests did not run "
                                   "(Debian: apt-get install chromium; .ci/run installs it)", red=True, bold=True)
