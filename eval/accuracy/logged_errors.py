"""Errors newsprism logs and carries on from (a failed extractor, a failed cross-check mechanism), counted by a task.

newsprism never lets one failing component stop an article; it logs the
failure. A task that must score such an item as a miss, and say how many
there were, listens to the stage's logger for the time of its run.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class ErrorRecords(logging.Handler):
    """Every ERROR record of one logger while installed."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def logged_errors(logger: str) -> Iterator[ErrorRecords]:
    """The ERROR records ``logger`` (e.g. "newsprism.nlp.analyze") emits inside the block."""
    log = logging.getLogger(logger)
    handler = ErrorRecords()
    log.addHandler(handler)
    try:
        yield handler
    finally:
        log.removeHandler(handler)
