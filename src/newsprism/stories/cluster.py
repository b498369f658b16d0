"""Group analysed articles into stories: the front doors of the streaming clusterer."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.errors import NewsprismError
from newsprism.model import AnalyzedArticle, Article, Story
from newsprism.stories.features import ArticleFeatures, extract_features
from newsprism.stories.incremental import StoryClusterer
from newsprism.stories.title import neutral_title


def stream_key(article: Article) -> tuple[str, str]:
    """Publication order; undated articles first (they fit any window), ties by id."""
    return (article.published or "", article.id)


@dataclass(frozen=True)
class StreamItem:
    """What the clusterer keeps of one analysed article: its place in the stream, its title, its features.

    Small and picklable, so that ``newsprism batch`` computes it on the
    worker that analysed the article, beside the analysis, and the driver
    never has to rebuild the analysis to cluster it.
    """

    key: tuple[str, str]
    title: str | None
    features: ArticleFeatures


def stream_item(analyzed: AnalyzedArticle) -> StreamItem:
    """The clusterer's view of one analysed article."""
    return StreamItem(key=stream_key(analyzed.article), title=analyzed.article.title,
                      features=extract_features(analyzed))


class StoryStream:
    """Feed analysed articles in ``stream_key`` order as they become available; ``finish`` gives the stories.

    What ``cluster_stories`` does, for a caller that holds the run a piece
    at a time: ``newsprism batch`` clusters each partition as soon as the
    partitions before it are analysed, while the workers analyse the rest.
    Only the features and the titles are kept, never the analyses.
    """

    def __init__(self) -> None:
        self._clusterer = StoryClusterer()
        self._titles: dict[str, str | None] = {}
        self._last: tuple[str, str] | None = None

    def add(self, analyzed: AnalyzedArticle) -> None:
        self.add_item(stream_item(analyzed))

    def add_item(self, item: StreamItem) -> None:
        """Add one article by its ``stream_item`` (made where the analysis is, e.g. on a worker)."""
        if self._last is not None and item.key < self._last:
            # A stream out of order would give other stories than the batch run: refuse rather than differ.
            raise NewsprismError(f"{item.features.id}: articles must arrive in publication order "
                                 f"(got {item.key} after {self._last})")
        self._last = item.key
        self._titles[item.features.id] = item.title
        self._clusterer.add(item.features)

    def finish(self) -> list[Story]:
        """Close every story and return them in the order they started, each with its articles in joining order."""
        clusterer = self._clusterer
        clusterer.finish()
        return [
            Story(id=s.id, title=neutral_title([self._titles.get(x) for x in s.article_ids], clusterer.summary(s.seq)),
                  article_ids=list(s.article_ids))
            for s in clusterer.stories
        ]


def cluster_stories(articles: list[AnalyzedArticle]) -> list[Story]:
    """Cluster ``articles`` into stories, exactly as streaming them in (published, id) order would.

    Returns the stories in the order they started; each lists its articles in
    the order they joined.
    """
    stream = StoryStream()
    for art in sorted(articles, key=lambda a: stream_key(a.article)):
        stream.add(art)
    return stream.finish()
