"""Story clustering: which articles report the same story."""

from newsprism.stories.cluster import cluster_stories

__all__ = ["cluster_stories"]
