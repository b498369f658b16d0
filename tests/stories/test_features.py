"""Feature weighting: the background word frequencies and the per-group similarity."""

from __future__ import annotations

from collections import Counter

from newsprism.stories.features import ArticleFeatures, DocumentFrequency, background_share
from newsprism.stories.similarity import group_norms, group_similarity, group_similarity_matrix


def test_background_share_reads_wordfreq_for_real():
    # loads wordfreq's English list from the installed package (no network)
    assert background_share("w:the") > 0.99
    assert 0.0 < background_share("w:court") < 0.5
    assert background_share("e:vasquel") == 0.0  # an invented name is in no background document
    assert background_share("n:2034") == 0.0 and background_share("v:attack") == 0.0


def test_idf_of_a_small_run_already_knows_common_words():
    df = DocumentFrequency()
    for i in range(3):
        df.add(ArticleFeatures(id=f"a{i}", day=None, counts=Counter({"w:trial": 1, "w:vasquel": 1})))
    # seen equally often in this run, but "trial" is common English and "Vasquel" is not
    assert df.idf("w:vasquel") > df.idf("w:trial") + 1.0


def test_idf_of_a_large_run_follows_the_run():
    df = DocumentFrequency()
    for i in range(20000):
        counts = Counter({"w:court": 1}) if i % 2 else Counter({"w:zyxtrel": 1})
        df.add(ArticleFeatures(id=f"a{i}", day=None, counts=counts))
    # both in half the run's articles: the background no longer decides
    assert abs(df.idf("w:court") - df.idf("w:zyxtrel")) < 0.1


def test_group_similarity_averages_cosines_of_the_groups_both_sides_have():
    a = {"w:ferry": 0.6, "w:sank": 0.6, "e:kestrel": 0.529}
    b = {"w:ferry": 0.6, "w:sank": 0.6, "e:marigold": 0.529, "t:ferry": 1.0}
    # words: cosine 1; entities: cosine 0; titles: only b has one, so they are left out
    assert abs(group_similarity(a, group_norms(a), b, group_norms(b)) - 0.5) < 1e-9
    matrix = group_similarity_matrix([a, b])
    assert abs(matrix[0, 1] - 0.5) < 1e-9 and abs(matrix[0, 0] - 1.0) < 1e-9
