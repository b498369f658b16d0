"""Where real news and the seeds fall on the machine-written-style score, and which flags real news gets.

Usage: .venv/bin/python eval/style_calibration.py [CORPORA_DIR]

Real reports (BASIL's 210 articles, ECB+'s documents) should all stay below
``STYLE_THRESHOLD``; prints their score distribution, the highest-scoring
ones with their features, every seed article's score, and every flag
``flag_articles`` raises on the real reports (each alone in its story;
the goal is none).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from newsprism.crosscheck.flags import flag_articles
from newsprism.crosscheck.style import STYLE_THRESHOLD, score_style
from newsprism.ingest import ingest_inputs
from newsprism.model import AnalyzedArticle, Article, Story


def _basil(corpora: Path):
    for path in sorted((corpora / "basil" / "articles").glob("*/*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(" ".join(p) for p in art.get("body-paragraphs") or [])
        yield f"basil/{path.name}", text


def _ecbplus(corpora: Path):
    for path in sorted((corpora / "ecbplus" / "ECB+").glob("*/*.xml")):
        xml = path.read_text(encoding="utf-8")
        sents: dict[str, list[str]] = {}
        for m in re.finditer(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>', xml):
            sents.setdefault(m.group(1), []).append(m.group(2))
        text = "\n".join(" ".join(t) for t in sents.values())
        yield f"ecbplus/{path.name}", text


def main() -> None:
    default = Path(os.environ.get("NEWSPRISM_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    scored = []
    flags = []
    for name, text in [*_basil(corpora), *_ecbplus(corpora)]:
        analyzed = AnalyzedArticle(article=Article(id=name, source=name, text=text))
        s = score_style(analyzed)
        scored.append((s.points, name, s))
        flags += flag_articles(Story(id="s", title="", article_ids=[name]), [analyzed], [], [])
    scored.sort(reverse=True)
    points = [p for p, _, _ in scored]
    over = sum(1 for p in points if p >= STYLE_THRESHOLD)
    print(f"real news: {len(points)} articles; >= threshold {STYLE_THRESHOLD}: {over}; "
          f"max {points[0]:.2f}; share with 0 points {sum(1 for p in points if p == 0) / len(points):.2f}")
    for p, name, s in scored[:5]:
        print(f"  {p:.2f} {name}: " + "; ".join(f.detail for f in s.features))
    print(f"flags on real news: {len(flags)}")
    for f in flags[:10]:
        print(f"  {f.article_id} {f.kind}: {f.detail}")
    print("seeds:")
    for item in ingest_inputs([str(corpora / "seeds")]):
        if isinstance(item, Article):
            s = score_style(AnalyzedArticle(article=item))
            print(f"  {s.points:.2f} {Path(item.source).name}: " + "; ".join(f.detail for f in s.features))


if __name__ == "__main__":
    main()
