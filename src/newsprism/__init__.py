"""newsprism: turn news articles from many outlets into cross-checked stories.

    >>> import newsprism
    >>> report = newsprism.analyze(["articles/"])
    >>> report.stories[0].events
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["analyze", "__version__"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the pipeline pulls in spaCy, which the web server
    # and `--help` do not need at start-up.
    if name == "analyze":
        from newsprism.pipeline import analyze

        return analyze
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
