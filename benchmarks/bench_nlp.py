"""Per-article analysis speed against the bare spaCy pass on the same texts.

Usage: python benchmarks/bench_nlp.py [--limit N] [--corpora DIR]

Texts: the seed articles plus the BASIL article bodies under
../shared/corpora (skipped when absent). Prints articles/s and words/s for
(1) the bare ``nlp.pipe`` pass, (2) that pass plus this package's own
extractors (sentences, entities, dates, quantities) and (3) the whole
``analyze_articles`` (quotes, attributions, events included), and the ratio
of each to the bare pass. Goal: the whole analysis costs at most 1.3x the
bare pass.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsprism.model import Article
from newsprism.nlp.analyze import analyze_articles, body_end
from newsprism.nlp.entities import extract_entities
from newsprism.nlp.pipeline import load_pipeline
from newsprism.nlp.quantities import extract_quantities
from newsprism.nlp.sentences import extract_sentences
from newsprism.nlp.temporal import extract_dates

ROOT = Path(__file__).resolve().parent.parent


def _load(corpora: Path, limit: int) -> list[Article]:
    from newsprism.ingest import ingest_inputs

    arts: list[Article] = []
    seeds = corpora / "seeds"
    if seeds.is_dir():
        arts += [x for x in ingest_inputs([str(seeds)]) if isinstance(x, Article)]
    for path in sorted((corpora / "basil" / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in data.get("body-paragraphs") or [])
        if text.strip():
            arts.append(Article(id=f"basil-{path.stem}", source=str(path), text=text, published=data.get("date")))
    return arts[:limit]


def _timed(label: str, fn, arts: list[Article], words: int, bare: float | None) -> float:
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    ratio = f"{dt / bare:.2f}x bare" if bare else ""
    print(f"{label:<28} {len(arts) / dt:8.1f} articles/s {words / dt:9.0f} words/s {dt:7.1f} s  {ratio}")
    return dt


def _interleaved(nlp, texts: list[str], arts: list[Article]) -> tuple[float, float]:
    """Seconds spent parsing and seconds spent in every extractor, measured in the same pass.

    On a shared machine the load drifts between separate runs; timing both
    parts of one pass keeps the ratio honest.
    """
    from newsprism.nlp.analyze import analyze_doc

    parse = extract = 0.0
    docs = nlp.pipe(texts, batch_size=32)
    for art in arts:
        t0 = time.perf_counter()
        doc = next(docs)
        t1 = time.perf_counter()
        analyze_doc(doc, art)
        t2 = time.perf_counter()
        parse, extract = parse + (t1 - t0), extract + (t2 - t1)
    return parse, extract


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=400, help="at most this many articles")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora", help="corpora folder")
    ap.add_argument("--no-full", action="store_true", help="skip the whole analyze_articles run")
    args = ap.parse_args()
    arts = _load(args.corpora, args.limit)
    if not arts:
        raise SystemExit(f"no articles under {args.corpora}")
    nlp = load_pipeline()
    texts = [a.text[: body_end(a)] for a in arts]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(arts)} articles, {words} words, model {nlp.meta['name']} {nlp.meta['version']}")
    list(nlp.pipe(texts[:8]))  # warm-up

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    def core() -> None:
        for doc, art in zip(nlp.pipe(texts, batch_size=32), arts, strict=True):
            extract_sentences(doc)
            extract_entities(doc, art.id)
            extract_dates(doc, art.published)
            extract_quantities(doc)

    def full() -> None:
        for _ in analyze_articles(arts, batch_size=32):
            pass

    parse, extract = _interleaved(nlp, texts, arts)
    total = parse + extract
    print(f"{'interleaved: parse':<28} {len(arts) / parse:8.1f} articles/s {words / parse:9.0f} words/s {parse:7.1f} s")
    print(f"{'interleaved: parse+analysis':<28} {len(arts) / total:8.1f} articles/s {words / total:9.0f} words/s "
          f"{total:7.1f} s  {total / parse:.2f}x bare (same load)")
    t_bare = _timed("bare nlp.pipe", bare, arts, words, None)
    _timed("+ sentences/entities/dates/qty", core, arts, words, t_bare)
    if not args.no_full:
        _timed("whole analyze_articles", full, arts, words, t_bare)


if __name__ == "__main__":
    main()
