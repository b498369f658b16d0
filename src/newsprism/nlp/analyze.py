"""Run every per-article extractor over a stream of articles.

spaCy parses the articles in batches (``nlp.pipe``); each extractor is a small
function over the parsed Doc. Extractors owned by other modules (quotes,
attributions, events) are called through ``_guarded`` so that one failing on
one article is logged and yields nothing for that article instead of sinking
the batch (a Dask partition, a whole CLI run).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc

from newsprism.model import AnalyzedArticle, Article, Entity
from newsprism.nlp.attributions import extract_attributions
from newsprism.nlp.entities import extract_entities
from newsprism.nlp.events import extract_events
from newsprism.nlp.pipeline import analyzer_version, load_pipeline
from newsprism.nlp.quantities import extract_quantities
from newsprism.nlp.quotes import extract_quotes
from newsprism.nlp.sentences import extract_sentences
from newsprism.nlp.temporal import extract_dates

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# Bump when an extractor's output changes, so cached analyses are redone.
ANALYSIS_REVISION = 9

T = TypeVar("T")


def body_end(article: Article) -> int:
    """Offset where the body ends: the first reference span, else the end of the text.

    The reference list is kept at the end of Article.text; its lines are
    citations, not reporting, so no extractor reads them. Analysing only the
    prefix keeps every offset valid in the full text.
    """
    starts = [r.start for r in article.references if 0 < r.start <= len(article.text) and r.end > r.start]
    return min(starts) if starts else len(article.text)


def _guarded(name: str, article: Article, fn: Callable[[], list[T]]) -> list[T]:
    try:
        return fn()
    except Exception:  # one extractor's bug must not lose the other facts of the batch
        log.exception("%s failed on article %s (%s); continuing without it", name, article.id, article.source)
        return []


def _dateline_end(article: Article) -> int:
    """Where the dateline that opens the text ends (0 when there is none)."""
    line = article.dateline
    return len(line) if line and article.text.startswith(line) else 0


def _outside_dateline(entities: list[Entity], article: Article) -> list[Entity]:
    """The entities with their dateline mentions dropped: "AREQUIPA, Peru, May 19 -" says where the
    report was filed, and the parser would otherwise read the place as the subject of the first sentence."""
    cut = _dateline_end(article)
    if not cut:
        return entities
    out = []
    for ent in entities:
        kept = [m for m in ent.mentions if m.start >= cut]
        out.append(ent if len(kept) == len(ent.mentions) else replace(ent, mentions=kept))
    return out


def analyze_doc(doc: Doc, article: Article, *, analyzer: str = "") -> AnalyzedArticle:
    """Fill an AnalyzedArticle from ``doc``, the parse of the article's body (a prefix of its text)."""
    text = doc.text  # built once here and passed down: Doc rebuilds this string on every access
    end = len(text)
    sentences = extract_sentences(doc, end=end, text=text)
    entities = extract_entities(doc, article.id, end=end)
    dates = extract_dates(doc, article.published, end=end, text=text)
    quantities = extract_quantities(doc, end=end)
    attributions = _guarded("attributions", article, lambda: extract_attributions(doc, entities, text=text))
    quotes = _guarded("quotes", article, lambda: extract_quotes(doc, entities, attributions, text=text))
    actors = _outside_dateline(entities, article)
    cut = _dateline_end(article)
    told = [d for d in dates if d.start >= cut]  # the filing date dates the report, not its events
    events = _guarded("events", article,
                      lambda: extract_events(doc, article, actors, told, quantities, attributions, text=text))
    return AnalyzedArticle(article=article, sentences=sentences, entities=entities, dates=dates,
                           quantities=quantities, quotes=quotes, attributions=attributions, events=events,
                           analyzer=analyzer)


def analyze_articles(articles: Iterable[Article], *, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[AnalyzedArticle]:
    """Analyse ``articles`` in order, parsing them in batches.

    Args:
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: worker processes for spaCy (each loads the model once).
    """
    nlp = load_pipeline()
    version = analyzer_version()
    pairs = ((art.text[: body_end(art)], art) for art in articles)
    for doc, art in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield analyze_doc(doc, art, analyzer=version)
