"""What keeps the web app safe to expose to a team: headers, size limits, write access, id checks.

Why here and not in each route: every response needs the same strict
Content-Security-Policy (article text is hostile input, so even an escaping
bug must not run a script), and every write must pass the same token and
read-only checks; one place makes it impossible to forget on a new route.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Largest request body accepted (uploads included). 20 MB holds a few hundred
# article files or a sizeable JSONL export, yet keeps one request from filling
# the disk or the memory of a 2-core team server.
MAX_BODY_BYTES = 20 * 1024 * 1024

# No inline script or style at all: a <script> smuggled into an article can
# never run even if it escaped escaping, and nothing is fetched from a CDN.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

STORY_ID = re.compile(r"^s-[0-9a-f]{6,40}$")
ARTICLE_ID = re.compile(r"^a-[0-9a-f]{6,40}$")
JOB_ID = re.compile(r"^j-[0-9a-f]{8,32}$")


class SecurityMiddleware:
    """Add the security headers to every response and refuse bodies over ``max_body`` with 413.

    The declared Content-Length is checked before anything is read; a body
    without one (chunked) is counted as it streams, so neither can exceed it.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await _send_too_large(send, self.max_body)
            return
        seen = 0
        too_large = False
        answered = False

        async def counted_receive() -> Message:
            # Past the limit the app sees the client go away (it stops reading);
            # whatever it answers then is replaced by the 413 below.
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    too_large = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal answered
            if too_large:
                if not answered:
                    answered = True
                    await _send_too_large(send, self.max_body)
                return
            if message["type"] == "http.response.start":
                answered = True
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except Exception:
            if not too_large:
                raise
        if too_large and not answered:
            await _send_too_large(send, self.max_body)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_too_large(send: Send, limit: int) -> None:
    body = (b'{"error": {"status": 413, "message": "request body is larger than the limit of %d bytes"}}'
            % limit)
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *_HEADERS]})
    await send({"type": "http.response.body", "body": body})


def check_write_access(request: Request, *, token: str | None, read_only: bool, form_token: str | None = None) -> None:
    """Refuse a write unless the server accepts writes and the caller proves it may make them.

    The token comes as ``Authorization: Bearer ...`` (API clients) or as the
    ``token`` field of the ingest form (browsers cannot set that header on a
    form post). A form posted from another site (its Origin differs from our
    Host) is refused, so a page elsewhere cannot make a user's browser ingest.

    Raises:
        HTTPException: 403 in read-only mode or from a foreign origin, 401
            for a missing or wrong token.
    """
    if read_only:
        raise HTTPException(403, "this server is read-only: writes are disabled (--read-only)")
    origin = request.headers.get("origin")
    if origin and origin != "null" and _host_of(origin) != request.headers.get("host", ""):
        raise HTTPException(403, f"cross-origin write refused (origin {origin})")
    if token is None:
        return
    offered = form_token
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        offered = auth[7:].strip()
    if not offered or not hmac.compare_digest(offered.encode(), token.encode()):
        raise HTTPException(401, "a valid token is required for this write (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def _host_of(origin: str) -> str:
    return origin.split("://", 1)[-1].rstrip("/")


def checked_id(value: str, pattern: re.Pattern[str], what: str) -> str:
    """Return ``value`` if it has the shape of a ``what`` id, else a 404 (never a lookup with odd input)."""
    if not pattern.match(value):
        raise HTTPException(404, f"no {what} with id {value[:80]!r}")
    return value
