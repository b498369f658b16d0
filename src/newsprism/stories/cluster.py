"""Group analysed articles into stories: the batch front door of the streaming clusterer."""

from __future__ import annotations

from newsprism.model import AnalyzedArticle, Story
from newsprism.stories.features import extract_features
from newsprism.stories.incremental import StoryClusterer
from newsprism.stories.title import neutral_title


def cluster_stories(articles: list[AnalyzedArticle]) -> list[Story]:
    """Cluster ``articles`` into stories, exactly as streaming them in (published, id) order would.

    Returns the stories in the order they started; each lists its articles in
    the order they joined.
    """
    ordered = sorted(articles, key=_stream_key)
    clusterer = StoryClusterer()
    for art in ordered:
        clusterer.add(extract_features(art))
    clusterer.finish()
    titles = {a.id: a.article.title for a in articles}
    return [
        Story(id=s.id, title=neutral_title([titles.get(x) for x in s.article_ids], clusterer.summary(s.seq)),
              article_ids=list(s.article_ids))
        for s in clusterer.stories
    ]


def _stream_key(art: AnalyzedArticle) -> tuple[str, str]:
    """Publication order; undated articles first (they fit any window), ties by id."""
    return (art.article.published or "", art.id)
