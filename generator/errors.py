"""The project's exceptions: user mistakes become one clean message at the CLI boundary, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    path: str
    message: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.key}: {self.message}" if self.key else self.message
        return f"{where}: {what}"


class BriefgenError(Exception):
    """Base class of every error the CLI reports without a traceback."""


class InputError(BriefgenError):
    """One or more inputs are invalid; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class PipelineError(BriefgenError):
    """The NLP pipeline cannot be loaded or run."""
