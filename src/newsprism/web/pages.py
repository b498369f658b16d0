"""The HTML pages: story list, story, article with highlighted evidence, ingest, job, API docs.

Pages are rendered on the server from the stored report (Jinja2 with
autoescape, so every article string is shown as text) and cached until the
store changes. The little JavaScript there only toggles highlights and
polls a running job; every page works without it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from newsprism.report.html import REPORT_CSS, REPORT_JS, render_story_section
from newsprism.web.api import IsoDate, Sort, submit_ingest
from newsprism.web.cache import CACHEABLE
from newsprism.web.evidence import article_findings, segment_text
from newsprism.web.security import ARTICLE_ID, JOB_ID, STORY_ID, checked_id

router = APIRouter(include_in_schema=False)

_SORT_LABELS = {"coverage": "most coverage", "recent": "most recent", "oldest": "oldest",
                "conflicts": "most conflicts", "flags": "most red flags", "title": "title"}


async def cached_page(request: Request, key: Any, make: Callable[[], str | None]) -> HTMLResponse:
    """Answer with the page ``make()`` renders, rendered once per store change; 404 if it is None."""
    request.scope[CACHEABLE] = True
    cache = request.app.state.web.reader.cache
    html = cache.get(("page", key))
    if html is None:
        html = await run_in_threadpool(cache.compute, ("page", key), make)
    if html is None:
        raise HTTPException(404, f"not found: {key[1] if isinstance(key, tuple) else key}")
    return HTMLResponse(html)


def _render(request: Request, template: str, **context: Any) -> str:
    return request.app.state.web.templates.get_template(template).render(**context)


@router.get("/", response_class=HTMLResponse)
async def story_list(request: Request, q: str | None = None, outlet: str | None = None,
                     date_from: IsoDate = None, date_to: IsoDate = None, sort: Sort = "coverage") -> HTMLResponse:
    reader = request.app.state.web.reader

    def make() -> str:
        stories = reader.summaries(query=q or None, outlet=outlet or None, date_from=date_from or None,
                                   date_to=date_to or None, sort=sort)
        return _render(request, "stories.html", stories=stories, outlets=reader.outlets(), sorts=_SORT_LABELS,
                       q=q or "", outlet=outlet or "", date_from=date_from or "", date_to=date_to or "", sort=sort)
    return await cached_page(request, ("list", q, outlet, date_from, date_to, sort), make)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str) -> Response:
    """The story's report as a page; an id that re-clustering retired redirects to the story that took it over.

    Ids move whenever an ingest merges or splits stories, so a link copied
    from the list a moment earlier must still land somewhere: the store keeps
    the old id's forwarding address and the page sends the browser there.
    The redirect is temporary (307) because a later re-clustering may move it again.
    """
    checked_id(story_id, STORY_ID, "story")
    reader = request.app.state.web.reader
    current = reader.story_report(story_id)
    if current is not None and current["stories"] and current["stories"][0]["id"] != story_id:
        return RedirectResponse(f"/stories/{current['stories'][0]['id']}", status_code=307)

    def make() -> str | None:
        report = reader.story_report_object(story_id)
        if report is None or not report.stories:
            return None
        # The id the store answered with: it differs from story_id if an ingest moved the story since the check above.
        found = report.stories[0].id

        def article_link(article_id: str, start: int | None, end: int | None) -> str:
            span = f"&span={start}-{end}#f-{start}" if start is not None and end is not None else ""
            return f"/articles/{article_id}?story={found}{span}"

        # render_story_section escapes every article string itself (see report/html.py).
        section = Markup(render_story_section(report, found, article_link=article_link, include_texts=False))
        return _render(request, "story.html", story=report.stories[0], section=section,
                       articles={a.id: a for a in report.articles})
    return await cached_page(request, ("story", story_id), make)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: str,
                       story: Annotated[str | None, Query(pattern=STORY_ID.pattern)] = None,
                       finding: Annotated[str | None, Query(pattern=r"^[a-z]{1,2}-[0-9a-f]{1,40}$")] = None,
                       span: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
                       ) -> HTMLResponse:
    """The article's text with every cited span highlighted.

    ``finding`` (a finding id) or ``span`` (``START-END``, as the story page's
    citations give it) marks those characters active, so the reader lands on
    exactly the evidence they clicked.
    """
    checked_id(article_id, ARTICLE_ID, "article")
    reader = request.app.state.web.reader

    def make() -> str | None:
        art = reader.article(article_id)
        text = art.text if art is not None else reader.article_text(article_id)
        if text is None:
            return None
        story_ids = [story] if story else reader.stories_of_article(article_id)
        findings, stories, meta = [], [], {}
        for sid in story_ids:
            rep = reader.story_report(sid)
            if rep is None or not rep["stories"]:
                continue
            stories.append(rep["stories"][0])
            findings += article_findings(rep["stories"][0], article_id)
            meta = next((a for a in rep["articles"] if a["id"] == article_id), meta)
        segments = segment_text(text, findings, active_finding=finding, active_span=_span(span))
        return _render(request, "article.html", article=art, meta=meta, article_id=article_id,
                       segments=segments, findings=findings, stories=stories, active=finding or "")
    return await cached_page(request, ("article", article_id, story, finding, span), make)


def _span(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    start, end = (int(x) for x in value.split("-"))
    return (start, end) if end > start else None


@router.get("/ingest", response_class=HTMLResponse)
async def ingest_page(request: Request) -> HTMLResponse:
    return HTMLResponse(_render(request, "ingest.html", error=None, urls=""))


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_form(request: Request, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                      urls: Annotated[str, Form()] = "",
                      token: Annotated[str | None, Form()] = None) -> Response:
    """Queue the job and send the browser to its progress page; show the form again with the error if refused."""
    try:
        job = await submit_ingest(request, files, [urls], token)
    except HTTPException as exc:
        html = _render(request, "ingest.html", error=str(exc.detail), urls=urls)
        return HTMLResponse(html, status_code=exc.status_code)
    return RedirectResponse(f"/jobs/{job['id']}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, job_id: str) -> HTMLResponse:
    checked_id(job_id, JOB_ID, "job")
    jobs = request.app.state.web.jobs
    job = jobs.get(job_id) if jobs is not None else None
    if job is None:
        raise HTTPException(404, f"no job with id {job_id!r}")
    return HTMLResponse(_render(request, "job.html", job=job.to_dict()))


@router.get("/assets/report.css")
async def report_css() -> Response:
    """The HTML report's stylesheet, served as a file because the CSP allows no inline style."""
    return Response(REPORT_CSS, media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/assets/report.js")
async def report_js() -> Response:
    """The HTML report's script, served as a file because the CSP allows no inline script."""
    return Response(REPORT_JS, media_type="text/javascript", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    """The API's endpoints from its OpenAPI schema, as a plain page (Swagger UI would need a CDN)."""
    schema = request.app.openapi()
    endpoints = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                  "description": op.get("description", ""),
                  "params": [p["name"] for p in op.get("parameters", [])]}
                 for path, ops in schema.get("paths", {}).items() for method, op in ops.items()]
    return HTMLResponse(_render(request, "docs.html", endpoints=endpoints))
