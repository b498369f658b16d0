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


@pytest.mark.slow
def test_lemmatizer_is_the_remembering_one_with_the_models_tables(nlp):
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    from newsprism.nlp.lemmas import RememberingLemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, RememberingLemmatizer) and lemmatizer.mode == "rule"
    assert nlp.pipe_names.index("lemmatizer") == nlp.pipe_names.index("attribute_ruler") + 1
    # the same text twice: the second time every lemma comes from what was remembered
    text = "The ministers were meeting again; talks broke down and the envoys left, saying nothing."
    first = [t.lemma_ for t in nlp(text)]
    assert [t.lemma_ for t in nlp(text)] == first
    assert first[:5] == ["the", "minister", "be", "meet", "again"]
    assert first[7:9] == ["break", "down"] and "envoy" in first
    assert isinstance(lemmatizer, EnglishLemmatizer)


@pytest.mark.slow
def test_remembering_lemmatizer_keeps_lemmas_already_set_unless_told_to_overwrite(nlp):
    from newsprism.nlp.lemmas import RememberingLemmatizer

    tables = nlp.get_pipe("lemmatizer").lookups
    for overwrite, expected in ((False, "SET"), (True, "minister")):
        lemmatizer = RememberingLemmatizer(nlp.vocab, None, mode="rule", overwrite=overwrite)
        lemmatizer.initialize(lookups=tables)
        doc = nlp("Ministers met.", disable=["lemmatizer"])
        doc[0].lemma_ = "SET"
        assert [t.lemma_ for t in lemmatizer(doc)] == [expected, "meet", "."]


def test_line_breaks_mark_every_token_after_a_newline_and_no_other(seeds_dir):
    import spacy

    from newsprism.nlp.pipeline import _line_breaks

    blank = spacy.blank("en")
    texts = ["\nLead line\nSecond line \n\n  Third\t\nlast\n", "no break at all", "one\n", "\n"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    marked = 0
    for text in texts:
        doc = _line_breaks(blank.make_doc(text))
        expected = [i for i in range(1, len(doc)) if "\n" in doc[i - 1].text + doc[i - 1].whitespace_]
        assert [i for i in range(1, len(doc)) if doc[i].is_sent_start] == expected
        marked += len(expected)
    assert marked > 50  # the seed articles' paragraphs were exercised


@pytest.mark.slow
def test_lemmatizer_tables_are_the_models_with_the_lemma_index_as_sets():
    import spacy

    from newsprism.nlp.lemmas import _with_index_sets
    from newsprism.nlp.pipeline import model_path

    stock = spacy.load(model_path(), exclude=["tok2vec", "tagger", "parser", "ner", "senter"]).get_pipe("lemmatizer")
    ours = _with_index_sets(stock.lookups)
    assert ours.tables == stock.lookups.tables
    for name in stock.lookups.tables:
        before, after = dict(stock.lookups.get_table(name).items()), dict(ours.get_table(name).items())
        assert before.keys() == after.keys()
        if name == "lemma_index":
            assert all(isinstance(v, frozenset) and v == set(before[k]) for k, v in after.items())
        else:
            assert after == before
