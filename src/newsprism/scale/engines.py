"""Where partitions run: a local process pool, or Dask distributed.

Both engines take the same picklable function and an iterable of partitions
and yield ``(index, result)`` as partitions finish. They draw the partitions
lazily and keep only ``IN_FLIGHT_PER_WORKER`` per worker submitted, so the
driver never holds the payload of the whole run at once. A partition holds hundreds of
articles: Dask costs about 2 ms a task here, so one task per article would
spend more time scheduling than analysing. The spaCy pipeline is loaded as
soon as the engine starts, so that it loads while the driver is still
ingesting: once for the whole local pool (its fork server loads it and every
worker inherits it, see ``_pool_context``), once per Dask worker process.

Each worker runs one BLAS thread: there is already one worker per core, and
numpy's OpenBLAS would otherwise start a thread per core in every worker.
Dask's nanny sets the same variables for its workers by default.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import multiprocessing.forkserver
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from newsprism.errors import ConfigError


class Engine(Protocol):
    def map_partitions(self, fn: Callable[[Any], Any], parts: Iterable[Any]) -> Iterator[tuple[int, Any]]: ...

    def close(self) -> None: ...


# Partitions submitted per worker and not yet collected: one running, the
# next ones queued so that a worker never waits for the driver; more would
# only hold payloads in memory.
IN_FLIGHT_PER_WORKER = 3

_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def warm_worker() -> None:
    """Load what a worker needs (see ``newsprism.scale.preload``) before its first partition arrives.

    A local worker forked from the fork server has all of it already, and
    this costs it nothing; a Dask worker does it here, while the driver ingests.
    """
    import newsprism.scale.preload  # noqa: F401 - importing it is the warm-up


def _nothing() -> None:
    return None


def _pool_context() -> multiprocessing.context.BaseContext:
    """How the local pool starts workers: forked from a fork server that has loaded spaCy.

    Not a plain fork of this process: a forked child of a process that has
    started threads (rich's progress refresh) can deadlock. The fork server
    is a fresh single-threaded process; it imports ``newsprism.scale.preload``
    (which loads the pipeline) once, and every worker forked from it starts
    with the pipeline loaded. Where the platform has no fork server, workers
    are spawned and each loads the pipeline itself.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newsprism.scale.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Let the processes started inside run one BLAS thread each, then give the driver its environment back.

    A worker (or the fork server) copies the environment when it starts.
    """
    saved = {k: os.environ.get(k) for k in _ONE_THREAD}
    os.environ.update(_ONE_THREAD)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def start_loading_local_workers() -> None:
    """Start the local pool's fork server now, so that it loads spaCy while the caller is still starting.

    ``newsprism batch`` calls this before it imports the driver's stages
    (ingest, near-duplicates, clustering: about 3 s of imports), which then
    overlap with the fork server's own 4-5 s of imports and loading; the
    pool started later forks its workers from this same server. A no-op
    where there is no fork server.
    """
    ctx = _pool_context()
    if ctx.get_start_method() == "forkserver":
        with _one_blas_thread():
            multiprocessing.forkserver.ensure_running()


class LocalEngine:
    """A pool of worker processes on this machine (``--engine local``)."""

    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self.pool = cf.ProcessPoolExecutor(max_workers=max(1, workers), initializer=warm_worker,
                                           mp_context=_pool_context())
        # Starting the first worker waits until the fork server has loaded
        # spaCy (seconds): start the workers from a thread, so that the
        # driver ingests meanwhile.
        self._starting = threading.Thread(target=self._start_workers, args=(max(1, workers),),
                                          name="newsprism-pool-start", daemon=True)
        self._starting.start()

    def _start_workers(self, workers: int) -> None:
        """Start every worker now (the pool starts one per submission while none is idle)."""
        with _one_blas_thread():
            for _ in range(workers):
                self.pool.submit(_nothing)

    def map_partitions(self, fn: Callable[[Any], Any], parts: Iterable[Any]) -> Iterator[tuple[int, Any]]:
        self._starting.join()
        pending = enumerate(parts)
        futures: dict[cf.Future[Any], int] = {}
        for i, p in pending:
            futures[self.pool.submit(fn, p)] = i
            if len(futures) >= IN_FLIGHT_PER_WORKER * self.workers:
                break
        while futures:
            finished, _ = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
            for fut in finished:
                i = futures.pop(fut)
                nxt = next(pending, None)  # refill before yielding, so the workers stay busy while the driver works
                if nxt is not None:
                    futures[self.pool.submit(fn, nxt[1])] = nxt[0]
                yield i, fut.result()

    def close(self) -> None:
        self._starting.join()
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Dask distributed: a LocalCluster by default, or an existing scheduler (``--scheduler``)."""

    def __init__(self, workers: int, scheduler: str | None = None):
        import dask
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise ConfigError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
        else:
            # No dashboard, so nothing reads the workers' statistical profiler, which samples the running
            # task's stack every 10 ms (deep in spaCy): turned off for the workers this cluster starts.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                            dashboard_address=None)
            self.client = Client(self.cluster)
        # One warm-up task pinned to each worker, held so that it is not cancelled.
        self._warm = [self.client.submit(warm_worker, workers=[addr], pure=False, allow_other_workers=False)
                      for addr in self.client.scheduler_info()["workers"]]

    def map_partitions(self, fn: Callable[[Any], Any], parts: Iterable[Any]) -> Iterator[tuple[int, Any]]:
        from dask.distributed import as_completed

        pending = enumerate(parts)
        index: dict[str, int] = {}

        def submit(i: int, part: Any) -> Any:
            # Scatter the partition first: passed to submit directly it would
            # travel inside the task graph, which Dask warns is slow when large.
            fut = self.client.submit(fn, self.client.scatter([part])[0], pure=False)
            index[fut.key] = i
            return fut

        first = []
        for i, p in pending:
            first.append(submit(i, p))
            if len(first) >= IN_FLIGHT_PER_WORKER * max(1, len(self._warm)):
                break
        running = as_completed(first)
        for fut in running:
            nxt = next(pending, None)
            if nxt is not None:
                running.add(submit(*nxt))
            yield index.pop(fut.key), fut.result()
            fut.release()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(name: str, workers: int, scheduler: str | None = None) -> Engine:
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(workers, scheduler)
    raise ConfigError(f"--engine {name}: expected 'local' or 'dask'")
