"""Fetch a URL the user passed (and only then): the one place ingestion touches the network.

A URL typed by a user, or one a page redirects to, may point inside the
user's own network (a router page, a cloud metadata service). Every hop is
therefore resolved and refused when any address it resolves to is private,
loopback, link-local, reserved, multicast or unspecified (IPv4 and IPv6,
IPv4-mapped included), unless ``allow_private`` is set. Redirects are
followed by hand, at most ``max_redirects``, each one re-checked; downloads
stop at ``max_bytes``; every request has a timeout.

The connection itself resolves the host once more, through the same check,
and connects to an address that passed it (``_CheckedBackend``): a DNS
server that answers with a public address for the check and a private one
for the connection (DNS rebinding) is refused, not followed. TLS still
verifies the certificate against the URL's host name. Through an HTTP
proxy taken from the environment the proxy resolves the host, and only the
first check applies.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlparse

import httpcore
import httpx

import newsprism
from newsprism.errors import IngestError
from newsprism.ingest.items import IngestOptions

# Tests swap in an httpx.MockTransport here; None means the real network.
_transport: httpx.BaseTransport | None = None

_USER_AGENT = f"newsprism/{newsprism.__version__} (+https://github.com/newsprism)"
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to stay off the network)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise IngestError(host, f"cannot resolve host ({exc.strerror})") from None
    return sorted({str(info[4][0]) for info in infos})


def _forbidden(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or not ip.is_global)


def _host_addresses(host: str) -> list[str]:
    """The addresses a connection to ``host`` may use: the host itself when it is an IP literal, else its DNS answer."""
    return [host.strip("[]")] if _is_ip(host) else _resolve(host)


def _refusal(host: str, addresses: list[str]) -> str | None:
    """Why ``host`` may not be fetched (one of its addresses is not public), or None when it may."""
    bad = [a for a in addresses if _forbidden(a)]
    return f"refused: {host} resolves to a private or reserved address ({bad[0]})" if bad else None


def check_url(url: str, options: IngestOptions) -> None:
    """Refuse a URL that is not http(s) or whose host resolves to a non-public address.

    Raises:
        IngestError: naming the URL and why it is refused.
    """
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(url, "only http and https URLs can be fetched")
    if options.allow_private:
        return
    try:
        addresses = _host_addresses(parts.hostname)
    except IngestError as exc:
        raise IngestError(url, exc.reason) from None
    why = _refusal(parts.hostname, addresses)
    if why:
        raise IngestError(url, f"{why}; pass --allow-private to fetch it")


class _CheckedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to an address the check of ``check_url`` passed.

    Resolving here, on the connection's own lookup, with the same rule, and
    connecting to the address just checked leaves a rebinding DNS server no
    second answer to slip a private address into.
    """

    def __init__(self, options: IngestOptions):
        self.options = options

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            addresses = _host_addresses(host)
        except IngestError as exc:
            raise httpcore.ConnectError(exc.reason) from None  # reported as unreachable, like the network's own
        why = None if self.options.allow_private else _refusal(host, addresses)
        if why:
            raise _Refused(f"{why} when connecting; pass --allow-private to fetch it")
        return super().connect_tcp(addresses[0], port, timeout=timeout, local_address=local_address,
                                   socket_options=socket_options)


class _Refused(httpcore.ConnectError):
    """A connection refused by ``_CheckedBackend`` (told apart from the network's own errors)."""


def _checked_transport(options: IngestOptions) -> httpx.BaseTransport:
    """An httpx transport whose connections go through ``_CheckedBackend``.

    httpx builds its connection pool without a way to pass a network
    backend, so the pool is rebuilt with the same settings (httpx 0.28,
    pinned in pyproject.toml; tests/ingest/test_urls.py fails if this stops working).
    """
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                              network_backend=_CheckedBackend(options))
    return transport


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def fetch_url(url: str, options: IngestOptions) -> Fetched:
    """Download ``url`` under the safety rules above.

    Raises:
        IngestError: refused, unreachable, timed out, too many redirects, an
            HTTP error status, or over the size cap.
    """
    timeout = httpx.Timeout(options.timeout_s)
    transport = _transport if _transport is not None else _checked_transport(options)
    with httpx.Client(transport=transport, timeout=timeout, follow_redirects=False,
                      headers={"User-Agent": _USER_AGENT}) as client:
        current = url
        for _ in range(options.max_redirects + 1):
            try:
                check_url(current, options)
            except IngestError as exc:
                if current == url:
                    raise
                raise IngestError(url, f"redirect to {current} {exc.reason}") from None
            try:
                with client.stream("GET", current) as resp:
                    if resp.status_code in _REDIRECTS and "location" in resp.headers:
                        current = urljoin(current, resp.headers["location"])
                        continue
                    if resp.status_code >= 400:
                        raise IngestError(url, f"HTTP {resp.status_code} {resp.reason_phrase}")
                    content = _read_capped(resp, url, options.max_bytes)
                    return Fetched(str(current), content, resp.headers.get("content-type", ""))
            except httpx.TimeoutException:
                raise IngestError(url, f"timed out after {options.timeout_s:g} s") from None
            except httpx.HTTPError as exc:
                if isinstance(exc.__cause__, _Refused):
                    raise IngestError(url, str(exc)) from None
                raise IngestError(url, f"unreachable ({type(exc).__name__}: {exc})") from None
    raise IngestError(url, f"more than {options.max_redirects} redirects")


def _read_capped(resp: httpx.Response, url: str, cap: int) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise IngestError(url, f"download is {int(declared) / 1e6:.0f} MB, over the {cap / 1e6:.0f} MB cap")
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise IngestError(url, f"download over the {cap / 1e6:.0f} MB cap")
        chunks.append(chunk)
    return b"".join(chunks)
