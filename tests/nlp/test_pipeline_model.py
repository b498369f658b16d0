"""The installed spaCy model is the one newsprism was measured with."""

from __future__ import annotations

import pytest

from newsprism.nlp.pipeline import MODEL_NAME, MODEL_SHA256, MODEL_VERSION, analyzer_version, model_file_sha256


@pytest.mark.parametrize("relative", sorted(MODEL_SHA256))
def test_model_file_sha256_matches_recorded(relative):
    assert model_file_sha256(relative) == MODEL_SHA256[relative]


@pytest.mark.slow
def test_load_pipeline_is_cached_and_checked(nlp):
    from newsprism.nlp.pipeline import load_pipeline

    assert load_pipeline() is nlp
    assert (nlp.meta["name"], nlp.meta["version"]) == (MODEL_NAME, MODEL_VERSION)
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names


@pytest.mark.slow
def test_line_break_starts_a_sentence(nlp):
    doc = nlp("Port Reopens After Storm\n\nThe harbour in Split reopened on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "Port Reopens After Storm"


def test_analyzer_version_names_model_and_package():
    version = analyzer_version()
    assert MODEL_NAME in version and MODEL_VERSION in version and "newsprism-" in version


@pytest.mark.slow
def test_numpy_matmul_parses_as_stock_spacy(nlp, seeds_dir):
    """load_pipeline's speed-ups (numpy BLAS, attribute look-up) change nothing: every token equals stock spaCy's."""
    import spacy
    from thinc.api import NumpyOps
    from thinc.model import Model

    from newsprism.nlp.pipeline import model_path

    ours = {type(n.ops) is NumpyOps and not n.ops.use_blis
            for _, c in nlp.pipeline if isinstance(getattr(c, "model", None), Model) for n in c.model.walk()}
    assert ours == {True}
    stock = spacy.load(model_path())
    stock.add_pipe("newsprism_line_breaks", before="parser")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for a, b in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b]
