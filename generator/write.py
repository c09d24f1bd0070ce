"""Writing, the pipeline's last step: changed files written atomically, stale generated files deleted.

Files are written only when their content changed, so `mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class WriteResult:
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_pages(pages: dict[str, str], docs_dir: Path, owned_dirs: tuple[str, ...]) -> WriteResult:
    """Write changed files atomically and delete generated files that no brief produces any more."""
    result = WriteResult()
    docs_dir.mkdir(parents=True, exist_ok=True)
    for relative, content in sorted(pages.items()):
        target = docs_dir / relative
        if target.is_file() and target.read_text(encoding="utf-8") == content:
            result.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        os.replace(temporary, target)
        result.written.append(relative)
    for owned in owned_dirs:
        for path in sorted((docs_dir / owned).rglob("*")) if (docs_dir / owned).is_dir() else []:
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_file() and relative not in pages:
                path.unlink()
                result.deleted.append(relative)
    return result
