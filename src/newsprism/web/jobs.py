"""Ingest jobs run in the background while the team keeps reading.

A job saves the uploaded files under sanitised names in a private temporary
folder, ingests them and any URLs or feeds into the store, re-analyses the
stored articles and stores the new report. Jobs run one at a time on one
worker thread: analysis is CPU-bound and SQLite has one writer, so running
two at once would only make both slower. Readers are never blocked: the job
writes through its own store connection and WAL lets readers go on.
"""

from __future__ import annotations

import logging
import queue
import re
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.ingest import IngestOptions
from newsprism.ingest.run import ingest_into_store
from newsprism.pipeline import analyze_stored
from newsprism.store import Store

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Finished jobs remembered for status queries; older ones are forgotten first.
MAX_JOBS_KEPT = 200

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 100


@dataclass
class Upload:
    """One uploaded file, as received: its name as the client gave it and its bytes."""

    filename: str
    data: bytes


@dataclass
class Job:
    """The public state of an ingest job (what ``GET /api/jobs/{id}`` returns)."""

    id: str
    inputs: list[str]
    status: str = "queued"  # queued, running, done, failed
    stage: str = "queued"
    done: int = 0
    total: int | None = None
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    joined: list[dict[str, Any]] = field(default_factory=list)  # new article -> story it joined
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "stage": self.stage, "done": self.done,
                "total": self.total, "inputs": self.inputs, "added": self.added, "duplicates": self.duplicates,
                "errors": self.errors, "joined": self.joined, "created": self.created, "finished": self.finished}


def sanitize_filename(name: str) -> str:
    """A file name safe to create in our folder: no directories, no leading dots, no odd characters."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = _SAFE_NAME.sub("_", base).lstrip("._")[:_MAX_NAME]
    return base or "upload"


class JobRunner:
    """Queue ingest jobs and run them one after another on a daemon thread.

    ``on_change`` is called after a job has written the store (the page
    cache uses it for stores whose file stamp cannot show the change).
    """

    def __init__(self, db: str, *, options: IngestOptions | None = None,
                 on_change: Callable[[], None] = lambda: None):
        self.db = db
        self.options = options or IngestOptions()
        self.on_change = on_change
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[Job, Path | None, list[str]]] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="newsprism-ingest", daemon=True)
        self._thread.start()

    def submit(self, uploads: list[Upload], urls: list[str]) -> Job:
        """Save ``uploads`` to a private folder and queue one job for them and ``urls``."""
        folder: Path | None = None
        inputs: list[str] = []
        names: list[str] = []
        if uploads:
            folder = Path(tempfile.mkdtemp(prefix="newsprism-upload-"))
            for up in uploads:
                name = sanitize_filename(up.filename)
                stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
                n = 1
                while (folder / name).exists():
                    n += 1
                    name = f"{stem}-{n}{dot}{ext}"
                (folder / name).write_bytes(up.data)
                inputs.append(str(folder / name))
                names.append(name)
        inputs += urls
        job = Job(id="j-" + uuid.uuid4().hex[:16], inputs=names + urls)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        self._queue.put((job, folder, inputs))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float) -> Job | None:
        """Block until the job finishes or ``timeout`` passes (tests, scripts); return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(job_id)
            if job is None or job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.finished is not None]
        for j in sorted(finished, key=lambda j: j.finished or 0)[: max(0, len(self._jobs) - MAX_JOBS_KEPT)]:
            del self._jobs[j.id]

    def _work(self) -> None:
        while True:
            job, folder, inputs = self._queue.get()
            try:
                self._run(job, inputs)
                job.status = "done"
            except NewsprismError as exc:
                job.errors.append(str(exc))
                job.status = "failed"
            except Exception as exc:  # a bug must not kill the worker: report it on the job
                log.exception("ingest job %s failed", job.id)
                job.errors.append(f"internal error: {type(exc).__name__}: {exc}")
                job.status = "failed"
            finally:
                job.stage = job.status
                job.finished = time.time()
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)
                self.on_change()

    def _run(self, job: Job, inputs: list[str]) -> None:
        job.status = "running"

        def progress(stage: str, done: int, total: int | None) -> None:
            job.stage, job.done, job.total = stage, done, total

        store = Store(self.db)
        try:
            before = {a.id for a in store.articles()}
            result = ingest_into_store(inputs, db=self.db, options=self.options, progress=progress)
            job.added, job.duplicates = result.added, result.duplicates
            job.errors += [_one_line(f"{_display(f.source)}: {f.reason}") for f in result.failures]
            articles = list(store.articles())
            if not articles:
                return
            report = analyze_stored(articles, progress=progress)
            progress("store", 0, None)
            store.put_report(report)
        finally:
            store.close()
        titles = {a.id: a.title or a.source for a in articles}
        for story in report.stories:
            for aid in story.article_ids:
                if aid not in before:
                    job.joined.append({"article_id": aid, "title": _display(titles.get(aid, aid)),
                                       "story_id": story.id, "story_title": story.title,
                                       "story_articles": len(story.article_ids)})


def _display(source: str) -> str:
    """A source as the user knows it: an uploaded file by its name, not our temporary path."""
    if "newsprism-upload-" in source:
        return Path(source).name
    return source


def _one_line(text: str) -> str:
    return " ".join(text.split())
