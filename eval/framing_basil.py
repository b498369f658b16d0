"""How well the loaded-term detector finds BASIL's lexical-bias spans it was not trained on.

Usage: .venv/bin/python eval/framing_basil.py [CORPORA_DIR] [--grid]

Leave-one-year-out: for each BASIL year, learn the lexicon from the other
years (plus the hand list), then score every content word of the held-out
year's sentences. Prints, per setting:
- span recall: share of annotated lexical-bias spans with at least one word
  the detector calls loaded;
- word precision: share of words called loaded that lie inside an annotated
  span (BASIL marks only some loaded wording, so this is a lower bound);
- sentence precision/recall: a sentence is "loaded" when it holds a span.
Then, per outlet (Fox News, The New York Times, HuffPost), loaded words the
held-out detector finds per 1,000 words against annotated spans per 1,000
words: framing by outlet is about which outlet leans on loaded wording.
`--grid` also tries the neighbouring settings used to choose the constants.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_lexical import Doc, basil_dir, read_docs, read_years  # noqa: E402

from newsprism.crosscheck.loaded_terms import (  # noqa: E402
    HAND_LOADED,
    LOADED_THRESHOLD,
    MIN_SPAN_COUNT,
    MIN_Z,
    learn_weights,
    stem,
    word_weights,
)


def _evaluate(years: dict[str, list[Doc]], min_count: int, min_z: float, threshold: float,
              *, hand_only: bool = False) -> dict[str, float]:
    spans = spans_hit = words_called = words_in = 0
    sent_tp = sent_fp = sent_fn = 0
    hand = {stem(w): v for w, v in HAND_LOADED.items()}
    for held_out, test_docs in sorted(years.items()):
        train = [d for y, ds in years.items() if y != held_out for d in ds]
        lexicon = {} if hand_only else learn_weights(train, min_span_count=min_count, min_z=min_z)[0]
        for st, w in hand.items():
            lexicon[st] = max(lexicon.get(st, 0.0), w)
        for text, gold in test_docs:
            called = [(s, e) for _, s, e, w in word_weights(text, lexicon) if w >= threshold]
            words_called += len(called)
            words_in += sum(1 for s, e in called if any(a <= s and e <= b for a, b in gold))
            for a, b in gold:
                spans += 1
                spans_hit += any(a <= s and e <= b for s, e in called)
            if called and gold:
                sent_tp += 1
            elif called:
                sent_fp += 1
            elif gold:
                sent_fn += 1
    return {
        "span_recall": spans_hit / max(spans, 1),
        "word_precision": words_in / max(words_called, 1),
        "sentence_precision": sent_tp / max(sent_tp + sent_fp, 1),
        "sentence_recall": sent_tp / max(sent_tp + sent_fn, 1),
        "spans": float(spans),
    }


def _by_outlet(basil: Path) -> None:
    docs = read_docs(basil)
    years = sorted({y for y, _, _ in docs})
    hand = {stem(w): v for w, v in HAND_LOADED.items()}
    rows: dict[str, list[int]] = {}
    for held_out in years:
        lexicon = learn_weights([d for y, _, d in docs if y != held_out])[0]
        for st, w in hand.items():
            lexicon[st] = max(lexicon.get(st, 0.0), w)
        for y, outlet, (text, gold) in docs:
            if y != held_out:
                continue
            row = rows.setdefault(outlet, [0, 0, 0])
            row[0] += len(text.split())
            row[1] += len(gold)
            row[2] += sum(1 for *_, w in word_weights(text, lexicon) if w >= LOADED_THRESHOLD)
    for outlet, (words, gold, found) in sorted(rows.items()):
        print(f"  {outlet:<4} annotated spans per 1k words {1000 * gold / words:5.2f}   "
              f"detector's loaded words per 1k words {1000 * found / words:5.2f}")


def _line(name: str, m: dict[str, float]) -> str:
    return (f"{name:<34} span_recall={m['span_recall']:.3f} word_precision={m['word_precision']:.3f} "
            f"sentence_P={m['sentence_precision']:.3f} sentence_R={m['sentence_recall']:.3f}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    default = Path(os.environ.get("NEWSPRISM_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    years = read_years(basil_dir(Path(args[0]) if args else default))
    n_spans = sum(len(g) for ds in years.values() for _, g in ds)
    print(f"BASIL lexical-bias spans: {n_spans} in {len(years)} years; leave-one-year-out")
    print(_line("hand list only", _evaluate(years, MIN_SPAN_COUNT, MIN_Z, LOADED_THRESHOLD, hand_only=True)))
    print(_line(f"learned+hand (shipped: c>={MIN_SPAN_COUNT}, z>={MIN_Z}, t={LOADED_THRESHOLD})",
                _evaluate(years, MIN_SPAN_COUNT, MIN_Z, LOADED_THRESHOLD)))
    print("by outlet (held-out years):")
    _by_outlet(basil_dir(Path(args[0]) if args else default))
    if "--grid" in sys.argv:
        for c in (1, 2, 3):
            for z in (1.64, 1.96, 2.58):
                for t in (1.0, 2.0, 3.0):
                    print(_line(f"c>={c} z>={z} t={t}", _evaluate(years, c, z, t)))


if __name__ == "__main__":
    main()
