"""Writing, the pipeline's last step: changed files written atomically, stale generated files deleted.

Files are written only when their content changed, so `mkdocs serve` does not rebuild in a loop; all of a
build's changed files are staged before any is renamed into place.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class WriteResult:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


TEMPORARY_PREFIX = ".tmp-"
LOCK_FILE = ".briefgen.lock"


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file: two builds at once take turns instead of deleting each other's files."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_pages(pages: dict[str, str], docs_dir: Path, owned_dirs: tuple[str, ...]) -> WriteResult:
    """Write changed files and delete generated files that no brief produces any more, under the docs lock.

    Every changed page is first written to a temporary file beside its target; only when all are written are
    they renamed into place, then stale files deleted. A build killed while writing leaves the previous pages
    as they were, and its temporary files are swept by the next build.
    """
    result = WriteResult()
    with locked(docs_dir):
        _sweep_temporary_files(docs_dir)
        staged: list[tuple[str, str, Path]] = []
        try:
            for relative, content in sorted(pages.items()):
                target = docs_dir / relative
                # Bytes, not text: reading text would turn a CSV's \r\n into \n and rewrite it on every build.
                if target.is_file() and target.read_bytes() == content.encode("utf-8"):
                    result.unchanged += 1
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                staged.append((relative, _staged(target, content), target))
        except BaseException:
            for _, temporary, _ in staged:
                Path(temporary).unlink(missing_ok=True)
            raise
        for relative, temporary, target in staged:
            os.replace(temporary, target)
            result.written.append(relative)
        for owned in owned_dirs:
            for path in sorted((docs_dir / owned).rglob("*")) if (docs_dir / owned).is_dir() else []:
                relative = path.relative_to(docs_dir).as_posix()
                if path.is_file() and relative not in pages:
                    path.unlink()
                    result.deleted.append(relative)
    return result


def _sweep_temporary_files(docs_dir: Path) -> None:
    """Temporary files a killed build left behind (no other build is writing: the lock is held)."""
    for path in docs_dir.rglob(f"{TEMPORARY_PREFIX}*"):
        if path.is_file():
            path.unlink()


def _staged(target: Path, content: str, mode: int | None = None) -> str:
    """`content` written to a temporary file beside `target`, to be renamed onto it; nothing is left behind
    when writing fails."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=TEMPORARY_PREFIX, suffix=target.suffix)
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def recode_search_index(index: Path) -> bool:
    """Write Material's search index again as UTF-8 JSON. Material escapes every character outside ASCII (a
    curly quote takes six bytes, a flag twenty-four), though the file is served and parsed as UTF-8: the same
    documents in about 2% fewer bytes at 5,000 briefings. False when there is no index (search turned off)."""
    if not index.is_file():
        return False
    documents = json.loads(index.read_text(encoding="utf-8"))
    recoded = json.dumps(documents, ensure_ascii=False, separators=(",", ":"))
    # readable by the web server, as Material wrote it (a temporary file is private)
    temporary = _staged(index, recoded, index.stat().st_mode & 0o777)
    try:
        os.replace(temporary, index)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
