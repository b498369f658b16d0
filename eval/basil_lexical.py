"""Read BASIL's lexical-bias spans as (sentence, [(start, end)]) pairs, grouped by year.

BASIL gives each phrase annotation as offsets into one sentence of the
article body without saying which sentence; the sentence is the one whose
slice at those offsets equals the annotated text.
"""

from __future__ import annotations

import json
from pathlib import Path

from accuracy.splits import hashed_split

Doc = tuple[str, list[tuple[int, int]]]


def basil_dir(corpora: Path) -> Path:
    path = corpora / "basil"
    if not (path / "annotations").is_dir():
        raise SystemExit(f"BASIL not found at {path} (set NEWSPRISM_CORPORA)")
    return path


def read_docs(basil: Path, split: str | None = "tune") -> list[tuple[str, str, Doc]]:
    """(year, outlet, (sentence, spans)) for every body sentence of every article of the triplets of ``split``.

    Learning reads ``tune`` only (the default): the triplets of ``check`` are
    kept for the accuracy harness (accuracy.splits). ``None`` reads all.
    """
    out: list[tuple[str, str, Doc]] = []
    for ann_path in sorted((basil / "annotations").glob("*/*_ann.json")):
        year = ann_path.parent.name
        art_path = basil / "articles" / year / ann_path.name.replace("_ann.json", ".json")
        if not art_path.is_file():
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        art = json.loads(art_path.read_text(encoding="utf-8"))
        if split is not None and hashed_split("basil", art["triplet-uuid"]) != split:
            continue
        outlet = str(art.get("source") or "?").lower()
        sentences = [s for para in art.get("body-paragraphs") or [] for s in para]
        spans: dict[int, list[tuple[int, int]]] = {}
        for p in ann.get("phrase-level-annotations") or []:
            if p.get("bias") != "lex":
                continue
            for i, s in enumerate(sentences):
                if s[p["start"]:p["end"]] == p["txt"]:
                    spans.setdefault(i, []).append((p["start"], p["end"]))
                    break
        out.extend((year, outlet, (s, spans.get(i, []))) for i, s in enumerate(sentences))
    return out


def read_years(basil: Path, split: str | None = "tune") -> dict[str, list[Doc]]:
    """year -> every body sentence of every article of ``split``, with its lexical-bias spans."""
    out: dict[str, list[Doc]] = {}
    for year, _, doc in read_docs(basil, split):
        out.setdefault(year, []).append(doc)
    return out
