"""`briefgen site` (what `make site` runs): the whole site built aside, then swapped in.

MkDocs builds into a fresh folder beside `site/` (the MkDocs hook generates the pages first, strictly); only
when it succeeded is the old `site/` renamed away and the new one renamed into its place, so a failing or
killed build leaves the previous site whole. One lock serialises concurrent builds of the same project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import BriefgenError
from .write import locked


def build_site(project: Path, site_dir: Path | None = None) -> Path:
    """Build the project's site into `site_dir` (default: project/site); raise BriefgenError when MkDocs fails."""
    target = site_dir or project / "site"
    with locked(project / ".briefgen"):
        _sweep(project)
        staging = Path(tempfile.mkdtemp(prefix=".site-next-", dir=target.parent))
        try:
            mkdocs = Path(sys.executable).parent / "mkdocs"
            command = [str(mkdocs), "build", "--strict", "--site-dir", str(staging)]
            completed = subprocess.run(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
            if completed.returncode != 0:
                raise BriefgenError(f"the site was not built (mkdocs exited with {completed.returncode}); "
                                    f"{target} is left as it was")
            _swap(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _swap(new: Path, target: Path) -> None:
    """Two renames: the old site away, the new one in. Between them (microseconds) there is no site/, never a
    half-written one."""
    old = target.with_name(f".site-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _sweep(project: Path) -> None:
    """Folders a killed build left behind (no other build runs: the lock is held)."""
    for leftover in [*project.glob(".site-next-*"), *project.glob(".site-old-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
