"""The extraction map step on several processes and on a Dask cluster: the same pages byte for byte as one
process, also when a worker dies."""

import os
import signal
from pathlib import Path

import pytest

import generator.distributed
from generator.build import build
from generator.cache import ExtractionCache
from generator.parallel import MIN_TASKS_PER_PROCESS
from generator.settings import Settings
from tests.helpers import ROOT, SAMPLE_ARTICLE, SAMPLE_BRIEF

BRIEFS = 2 * MIN_TASKS_PER_PROCESS  # enough articles for two processes


@pytest.fixture
def briefs(make_brief) -> Path:
    folder = Path()
    for number in range(BRIEFS):
        text = SAMPLE_ARTICLE + f"\nThe convoy number {number + 1} reached Hama on Sunday, {number + 40} lorries.\n"
        folder = make_brief(f"brief-{number:02d}", {"brief.yml": SAMPLE_BRIEF, "article.txt": text})
    return folder


def built(briefs: Path, docs: Path, **settings: object) -> dict[str, bytes]:
    """Every generated file of a build with nothing cached beforehand."""
    chosen = Settings(briefs_dir=briefs, docs_dir=docs, templates_dir=ROOT / "templates", **settings)
    build(chosen, docs.parent, progress=lambda _: None, cache=ExtractionCache())
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.suffix != ".lock"
            and p.is_file()}


@pytest.mark.slow
def test_two_processes_write_the_same_pages_as_one(briefs, tmp_path):
    one = built(briefs, tmp_path / "one", jobs=1)
    assert len([page for page in one if page.startswith("briefings/")]) == BRIEFS
    assert built(briefs, tmp_path / "two", jobs=2) == one


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


@pytest.mark.slow
def test_a_dask_cluster_writes_the_same_pages_as_one_process_even_when_a_worker_dies(briefs, tmp_path, cluster,
                                                                                     monkeypatch):
    from distributed import Client

    one = built(briefs, tmp_path / "one", jobs=1)
    assert built(briefs, tmp_path / "cluster", scheduler=cluster.scheduler_address) == one

    with Client(cluster) as client:
        workers = list(client.run(os.getpid).values())
    real = generator.distributed.extract_on_cluster
    results: list[str] = []

    def one_worker_killed(*arguments):
        for result in real(*arguments):
            results.append(result[0])
            if len(results) == 1:
                os.kill(workers[0], signal.SIGKILL)  # its unfinished tasks go to the other worker
            yield result

    monkeypatch.setattr("generator.distributed.extract_on_cluster", one_worker_killed)
    assert built(briefs, tmp_path / "killed", scheduler=cluster.scheduler_address) == one
    assert len(set(results)) == BRIEFS


def test_an_unreachable_scheduler_is_one_clear_error(briefs, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("generator.distributed.CONNECT_SECONDS", 1)
    from generator.errors import BriefgenError

    with pytest.raises(BriefgenError, match=r"the Dask scheduler tcp://127\.0\.0\.1:9 cannot be reached"):
        built(briefs, tmp_path / "docs", scheduler="tcp://127.0.0.1:9")
