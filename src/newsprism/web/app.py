"""The web app: server-rendered pages and a JSON API over one store.

``create_app`` wires the pieces (reader, ingest jobs, templates, security)
into a FastAPI app; the routes live in ``pages.py`` and ``api.py``. Errors
become status codes in one place: a JSON body ``{"error": {"status",
"message"}}`` for ``/api/...`` and an HTML page elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from newsprism import __version__
from newsprism.errors import ConfigError, IngestError, NewsprismError, StoreError
from newsprism.web.cache import CachedResponses
from newsprism.web.jobs import JobRunner
from newsprism.web.reader import StoreReader
from newsprism.web.security import MAX_BODY_BYTES, SecurityMiddleware

HERE = Path(__file__).parent

_STATUS = {IngestError: 400, ConfigError: 400, StoreError: 503}


@dataclass
class WebConfig:
    """What the server was started with; the routes read it from ``app.state.web``."""

    db: str
    token: str | None = None
    read_only: bool = False
    max_body: int = MAX_BODY_BYTES


@dataclass
class WebState:
    config: WebConfig
    reader: StoreReader
    jobs: JobRunner | None
    templates: Environment


def create_app(db: str, *, token: str | None = None, read_only: bool = False,
               max_body: int = MAX_BODY_BYTES) -> FastAPI:
    """Build the app over the store at ``db`` (created if missing).

    ``token``: if set, writes need it as a Bearer token (or the ingest form's
    token field). ``read_only``: refuse every write with 403 and start no
    ingest worker. ``max_body``: largest request body in bytes (413 above).

    Raises:
        StoreError: the store cannot be opened.
    """
    from newsprism.web import api, pages

    config = WebConfig(db=str(db), token=token or None, read_only=read_only, max_body=max_body)
    reader = StoreReader(config.db)
    jobs = None if read_only else JobRunner(config.db, on_change=reader.stamp.bump)
    templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                            autoescape=select_autoescape(default=True, default_for_string=True))
    templates.globals.update(version=__version__, read_only=read_only, needs_token=bool(config.token))

    app = FastAPI(title="newsprism", version=__version__,
                  description="Cross-checked news stories: the report contract as a JSON API.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.web = WebState(config, reader, jobs, templates)
    app.add_middleware(CachedResponses, cache=reader.cache)
    app.add_middleware(SecurityMiddleware, max_body=max_body)  # outermost: cached answers get the headers too
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', []))}: {e.get('msg', '')}"
                             for e in exc.errors())
        return error_response(request, 422, f"invalid request: {problems}")

    @app.exception_handler(NewsprismError)
    async def newsprism_error(request: Request, exc: NewsprismError) -> Response:
        return error_response(request, _STATUS.get(type(exc), 500), str(exc))


def error_response(request: Request, status: int, message: str, *, headers: dict[str, str] | None = None) -> Response:
    """The one error shape: JSON under /api and /openapi.json, an HTML page elsewhere."""
    if request.url.path.startswith("/api") or "application/json" in request.headers.get("accept", "").split(",")[0]:
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
    web: WebState = request.app.state.web
    html = web.templates.get_template("error.html").render(status=status, message=message)
    return HTMLResponse(html, status_code=status, headers=headers)
