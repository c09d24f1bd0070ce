"""A thin MkDocs hook: before every build, `mkdocs build` and `mkdocs serve` run the same generation step as
`briefgen build`. Under `serve` drafts are included and a broken brief is reported without stopping the server;
under `build` any problem fails the build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.build import build
from generator.errors import BriefgenError
from generator.settings import Settings

log = logging.getLogger("mkdocs.hooks.briefgen")
_command = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).resolve().parent
    serving = _command["name"] == "serve"
    settings = Settings.from_env(root, docs_dir=Path(config.docs_dir), include_drafts=serving)
    try:
        result = build(settings, root, strict=not serving, progress=log.info)
    except BriefgenError as error:
        raise PluginError(f"briefgen: the briefings could not be built:\n{error}") from error
    for problem in result.problems:
        log.warning("briefgen: %s", problem)
