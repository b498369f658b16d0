"""The JSON API: the report contract per story, articles, the whole report, and ingest jobs.

Read endpoints return cached, pre-encoded JSON (see ``cache.py``), so a
team polling the same story costs one dictionary lookup per request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from newsprism.web.cache import CACHEABLE
from newsprism.web.jobs import Upload
from newsprism.web.security import ARTICLE_ID, JOB_ID, STORY_ID, check_write_access, checked_id

router = APIRouter(prefix="/api", tags=["api"])

Sort = Literal["coverage", "recent", "oldest", "conflicts", "flags", "title"]
# Empty is allowed: the story list form sends its blank date fields as ``date_from=``.
IsoDate = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$",
                                      description="ISO date (YYYY[-MM[-DD]])")]

_URL = re.compile(r"^https?://[^\s<>\"']{1,2000}$", re.IGNORECASE)


async def cached_json(request: Request, key: Any, make: Callable[[], Any]) -> Response:
    """Answer with the JSON of ``make()``, encoded once per store change; 404 if it is None."""
    request.scope[CACHEABLE] = True
    cache = request.app.state.web.reader.cache
    body = cache.get(("json", key))
    if body is None:
        body = await run_in_threadpool(cache.compute, ("json", key), lambda: _encode(make()))
    if body is None:
        raise HTTPException(404, f"not found: {key[-1] if isinstance(key, tuple) else key}")
    return Response(body, media_type="application/json")


def _encode(value: Any) -> bytes | None:
    return None if value is None else json.dumps(value, ensure_ascii=False).encode()


@router.get("/stories", summary="List stories (filter and sort as on the story list page)")
async def list_stories(request: Request, q: str | None = None, outlet: str | None = None,
                       date_from: IsoDate = None, date_to: IsoDate = None, sort: Sort = "coverage") -> Response:
    """A JSON list of stories, each with ``id``, ``title``, ``n_articles``, ``outlets``, dates and counts."""
    reader = request.app.state.web.reader
    return await cached_json(request, ("stories", q, outlet, date_from, date_to, sort),
                             lambda: reader.summaries(query=q or None, outlet=outlet or None,
                                                      date_from=date_from or None, date_to=date_to or None, sort=sort))


@router.get("/stories/{story_id}", summary="The contract report of one story")
async def get_story(request: Request, story_id: str) -> Response:
    """The report (report-contract.md shape) holding this story and the articles it cites."""
    checked_id(story_id, STORY_ID, "story")
    reader = request.app.state.web.reader
    return await cached_json(request, ("story", story_id), lambda: reader.story_report(story_id))


@router.get("/articles/{article_id}", summary="One article: metadata, normalised text, stories")
async def get_article(request: Request, article_id: str) -> Response:
    """The article's metadata, its normalised ``text`` (what every span indexes) and ``story_ids``."""
    checked_id(article_id, ARTICLE_ID, "article")
    reader = request.app.state.web.reader

    def make() -> dict[str, Any] | None:
        art = reader.article(article_id)
        if art is not None:
            data = art.to_dict()
        else:  # cited by a stored report but not in the articles table (a report-only store)
            text = reader.article_text(article_id)
            if text is None:
                return None
            data = {"id": article_id, "text": text}
        data["words"] = len(data["text"].split())
        data["story_ids"] = reader.stories_of_article(article_id)
        return data
    return await cached_json(request, ("article", article_id), make)


@router.get("/report", summary="The whole contract report")
async def get_report(request: Request) -> Response:
    """Every stored story and the articles they cite, in the report-contract.md shape."""
    reader = request.app.state.web.reader
    return await cached_json(request, "report", reader.full_report)


@router.post("/ingest", status_code=202, summary="Ingest uploaded files and/or URLs and feeds")
async def post_ingest(request: Request, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                      urls: Annotated[list[str], Form()] = [],  # noqa: B006
                      token: Annotated[str | None, Form()] = None) -> JSONResponse:
    """Queue an ingest job and return it; poll ``GET /api/jobs/{id}`` for progress and errors.

    ``urls`` may repeat, or hold one URL (article page or RSS/Atom feed) per line.
    Needs the server's token when it has one; refused with 403 in read-only mode.
    """
    job = await submit_ingest(request, files, urls, token)
    return JSONResponse({"job": job, "status_url": f"/api/jobs/{job['id']}"}, status_code=202)


async def submit_ingest(request: Request, files: list[UploadFile], urls: list[str], token: str | None) -> dict[str, Any]:
    """Check access and inputs, then queue the job (shared by the API and the ingest form)."""
    web = request.app.state.web
    check_write_access(request, token=web.config.token, read_only=web.config.read_only, form_token=token)
    wanted = [u.strip() for field in urls for u in field.splitlines() if u.strip()]
    bad = [u for u in wanted if not _URL.match(u)]
    if bad:
        raise HTTPException(400, "not an http(s) URL: " + ", ".join(repr(u[:200]) for u in bad))
    uploads = [Upload(f.filename or "upload", await f.read()) for f in files if f.filename]
    uploads = [u for u in uploads if u.data]
    if not uploads and not wanted:
        raise HTTPException(400, "nothing to ingest: upload a file or give a URL")
    return web.jobs.submit(uploads, wanted).to_dict()


@router.get("/jobs/{job_id}", summary="Progress and outcome of an ingest job")
async def get_job(request: Request, job_id: str) -> JSONResponse:
    """``status`` (queued, running, done, failed), ``stage``, counts, ``errors`` (one line per failed
    input) and ``joined`` (each new article and the story it joined)."""
    checked_id(job_id, JOB_ID, "job")
    jobs = request.app.state.web.jobs
    job = jobs.get(job_id) if jobs is not None else None
    if job is None:
        raise HTTPException(404, f"no job with id {job_id!r}")
    return JSONResponse(job.to_dict())
