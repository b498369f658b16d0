"""What ingestion yields: an article with the raw input it came from, or a failure naming the input."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsprism.model import Article
from newsprism.store import RawSource


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs. One frozen object, passed down to every reader.

    ``field_map`` maps an Article field (url, outlet, title, published, text)
    to the column or key holding it in JSON/CSV records (``--map text=body``).
    ``max_bytes`` caps a file read whole, a record, and a download.
    """

    field_map: dict[str, str] = field(default_factory=dict)
    allow_private: bool = False
    max_bytes: int = 50_000_000
    timeout_s: float = 20.0
    max_redirects: int = 5


@dataclass
class IngestFailure:
    """One input (file, record, URL) that could not be read, and why, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class Ingested:
    """An article and the raw bytes or text it was read from (stored beside it)."""

    article: Article
    raw: RawSource | None = None
