"""newsprism: turn news articles from many outlets into cross-checked stories.

    >>> import newsprism
    >>> report = newsprism.analyze(["articles/"])
    >>> report.stories[0].events
"""

__version__ = "0.1.0"

from newsprism.pipeline import analyze  # noqa: E402

__all__ = ["analyze", "__version__"]
