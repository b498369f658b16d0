"""Build src/newsprism/data/loaded_lexicon.json from the lexical-bias spans of BASIL's tune triplets.

Usage: .venv/bin/python eval/build_loaded_lexicon.py [CORPORA_DIR]

Stores word stems and their learned weights only (no sentence of the
corpus), with the settings used, so a reader can rebuild and compare.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from basil_lexical import basil_dir, read_years  # noqa: E402

from newsprism.crosscheck.loaded_terms import (  # noqa: E402
    LEXICON_PATH,
    MIN_SPAN_COUNT,
    MIN_Z,
    PRIOR_STRENGTH,
    learn_weights,
)


def main() -> None:
    default = Path(os.environ.get("NEWSPRISM_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    years = read_years(basil_dir(corpora))
    docs = [d for ds in years.values() for d in ds]
    weights, stats = learn_weights(docs)
    payload = {
        "about": "word stem -> log-odds of occurring inside a BASIL lexical-bias span (built by "
                 "eval/build_loaded_lexicon.py; stems and weights only)",
        "source": "BASIL (Fan et al., EMNLP 2019), tune triplets (eval/accuracy/splits.py) of years "
                  + ", ".join(sorted(years)),
        "settings": {"min_span_count": MIN_SPAN_COUNT, "min_z": MIN_Z, "prior_strength": PRIOR_STRENGTH},
        "stats": {"spans": stats.spans, "span_tokens": stats.span_tokens,
                  "other_tokens": stats.other_tokens, "kept": stats.kept},
        "weights": dict(sorted(weights.items())),
    }
    LEXICON_PATH.parent.mkdir(parents=True, exist_ok=True)
    LEXICON_PATH.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"{stats.kept} stems from {stats.spans} spans -> {LEXICON_PATH}")


if __name__ == "__main__":
    main()
