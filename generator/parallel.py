"""The extraction map step: the articles no cache holds, extracted on every core, or on a Dask cluster.

Each article's extraction is a pure function of its text, its country and the pipeline, so where it runs does
not change the result: a build on one process, on a local pool or on a cluster writes the same bytes. Results
come back to the one process that writes the cache and the pages. An article whose extraction fails here is
left out of the results; the build then extracts it once more in its own process, where the failure becomes a
problem that names the file (`build._extract`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from .extract import extract_article
from .model import Article, Extraction
from .nlp import load_pipeline, parse


@dataclass(frozen=True, slots=True)
class Task:
    key: str
    article: Article
    country: str | None


def extract_task(task: Task, model: str) -> tuple[str, Extraction | None]:
    """One article's extraction, or None when it fails (reported by the build, not here)."""
    try:
        return task.key, extract_article(parse(task.article, model), task.country)
    except Exception:
        return task.key, None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# Below this many articles per process, starting the processes (each imports spaCy and loads the pipeline,
# about 2 s) costs more than the second core gives back: a wire story takes about 0.2 s to extract.
MIN_TASKS_PER_PROCESS = 8


def extract_all(tasks: list[Task], model: str, jobs: int, scheduler: str | None = None,
                warn: Callable[[str], None] = lambda message: None) -> Iterator[tuple[str, Extraction | None]]:
    """(key, extraction) for the tasks, in the order they finish. A task whose process died is left out."""
    if scheduler:
        from .distributed import extract_on_cluster

        yield from extract_on_cluster(tasks, model, scheduler)
        return
    processes = min(jobs, len(tasks) // MIN_TASKS_PER_PROCESS)
    if processes <= 1:
        yield from (extract_task(task, model) for task in tasks)
        return
    # spawn, not fork: the MkDocs server forks from a process with threads, and a forked lock held by another
    # thread never opens in the child.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=load_pipeline, initargs=(model,)) as pool:
        futures = [pool.submit(extract_task, task, model) for task in tasks]
        try:
            for future in as_completed(futures):
                yield future.result()
        except BrokenProcessPool as error:
            warn(f"an extraction process died ({error}); the articles it had not finished are extracted here")


def progress_bar(total: int, description: str) -> Callable[[], None]:
    """A progress bar (count, rate, time left) on a terminal; nothing when the output is not one."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc=description, unit="article", file=sys.stderr, disable=None, leave=False,
               dynamic_ncols=True)

    def advance() -> None:
        bar.update()
        if bar.n >= total:
            bar.close()

    return advance
