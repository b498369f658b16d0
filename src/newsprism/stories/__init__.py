"""Story clustering: which articles report the same story."""

from newsprism.stories.cluster import StoryStream, StreamItem, cluster_stories, stream_item, stream_key

__all__ = ["StoryStream", "StreamItem", "cluster_stories", "stream_item", "stream_key"]
