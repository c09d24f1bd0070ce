"""The extraction map step on a Dask cluster (`briefgen build --scheduler tcp://host:8786`, the `distributed`
extra): one task per article, results streamed back to the one process that writes the cache and the pages.

Dask does the scheduling: a task on a worker that dies is run again on another (up to the scheduler's
`allowed-failures`, 3 by default); a task that keeps killing its workers is left out, and the build extracts
that article itself, where its failure becomes a problem naming the file. Workers need briefgen and the
spaCy pipeline installed, like the machine that builds.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import BriefgenError
from .model import Extraction
from .parallel import Task, extract_task

# A scheduler that has not answered in this long is not there (a busy one answers in milliseconds).
CONNECT_SECONDS = 20


def extract_on_cluster(tasks: list[Task], model: str, scheduler: str) -> Iterator[tuple[str, Extraction | None]]:
    try:
        from distributed import Client, as_completed
    except ImportError as error:
        raise BriefgenError("--scheduler needs the distributed extra: pip install 'briefgen[distributed]' "
                            f"({error})") from error
    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except OSError as error:
        raise BriefgenError(f"the Dask scheduler {scheduler} cannot be reached ({error})") from error
    with client:
        # pure=False: two tasks are never merged by Dask's own hashing; the keys already say what is the same.
        futures = client.map(extract_task, tasks, model=model, key=[f"briefgen-{task.key}" for task in tasks],
                             pure=False)
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception:  # KilledWorker: the task killed every worker it ran on
                yield future.key.removeprefix("briefgen-"), None
