"""Story clustering: which articles report the same story."""

from newsprism.stories.cluster import StoryStream, cluster_stories, stream_key

__all__ = ["StoryStream", "cluster_stories", "stream_key"]
