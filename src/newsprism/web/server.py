"""Run the web app with uvicorn: what ``newsprism serve`` calls."""

from __future__ import annotations

import uvicorn

from newsprism.web.app import create_app

# Seconds a connection may idle between requests: long enough for a browser
# to reuse it across page views, short enough that 200 idle clients cost nothing.
KEEP_ALIVE_S = 15


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          read_only: bool = False) -> None:
    """Serve the web app and JSON API over the store at ``db`` until interrupted.

    Raises:
        StoreError: the store cannot be opened.
    """
    app = create_app(db, token=token, read_only=read_only)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_S,
                backlog=2048, server_header=False)
