"""Build src/newsprism/data/style_model.json, the machine-written-style detector, from tune data only.

Example:
    .venv/bin/python eval/build_style_model.py                 # corpora at ../shared/corpora
    .venv/bin/python eval/build_style_model.py --corpora DIR --c 0.5 --max-fpr 0.01

Positives are the machine texts of machine_text's tune split; negatives its
human texts plus human news from the tune splits of BASIL (tune triplets),
PolNeAR (train) and ECB+ (tune topics), every split decided by
eval/accuracy/splits.py through the corpus readers. Each text is read as
newsprism reads it (machine_text through plain-text ingest, as the harness
does). The script learns the vocabulary the features need (the most frequent
words; the word n-grams most over- and under-represented in machine text by
smoothed log-odds of document frequency; both only of common English words,
so they profile style, not topics; learnt from the machine_text domains whose machine
and human texts share their prompts, never from the news), computes the style features
(newsprism.crosscheck.style_features), standardises them and fits a logistic
regression with scikit-learn (build time only: the runtime applies the stored
weights with plain arithmetic).

The n-gram features are cross-fitted (each training text's come from n-grams
learnt on the other folds). The threshold is set on out-of-fold probabilities
(grouped folds, so a text is scored by a model that never saw it or its pair)
of the human NEWS negatives only: the lowest probability that lets at most --max-fpr of them reach it.
The file stores feature names, weights, intercept, scaling, the human-news
mean of each feature (to explain a flag), the learnt vocabulary, the
threshold and provenance; no corpus text.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy.corpora import basil, ecbplus, machine_text, polnear  # noqa: E402
from accuracy.splits import is_tune  # noqa: E402

from newsprism.crosscheck.style import MODEL_PATH  # noqa: E402
from newsprism.crosscheck.style_features import (  # noqa: E402
    Vocabulary,
    feature_names,
    features,
    is_common,
    ngrams,
    words_of,
)
from newsprism.ingest.text import read_text  # noqa: E402


@dataclass(frozen=True)
class Sample:
    text: str
    machine: bool
    news: bool  # human news, the negatives the threshold is set on
    group: str  # texts that must share a fold
    corpus: str
    domain: str  # machine_text's domain; "news" for every news text


def read_tune(corpora: Path) -> list[Sample]:
    out: list[Sample] = []
    for t in machine_text.read_corpus(corpora):
        if is_tune(t.split):
            text = read_text(t.text, f"machine_text/{t.id}").text
            out.append(Sample(text, t.machine, False, "machine_text/" + t.group, "machine_text",
                              t.domain))
    for d in basil.read_corpus(corpora):
        if is_tune(d.split):
            out.append(Sample(d.article.text, False, True, "basil/" + d.triplet, "basil", "news"))
    for p in polnear.read_corpus(corpora):
        if is_tune(p.split):
            out.append(Sample(p.article.text, False, True, "polnear/" + p.article.id, "polnear", "news"))
    for e in ecbplus.read_corpus(corpora):
        if is_tune(e.split):
            out.append(Sample(e.article.text, False, True, "ecbplus/" + e.topic, "ecbplus", "news"))
    return out


def learn_function_words(samples: list[Sample], n: int) -> tuple[str, ...]:
    """The most frequent common words (learnt without labels)."""
    words: Counter[str] = Counter()
    for s in samples:
        words.update(words_of(s.text).tokens)
    return tuple([w for w, _ in words.most_common() if is_common(w)][:n])


def learn_ngrams(samples: list[Sample], n: int, min_df: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The n-grams of common words with the highest and the lowest log-odds of document frequency, machine vs human."""
    df: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    docs = Counter(s.machine for s in samples)
    for s in samples:
        toks = words_of(s.text).tokens
        df[s.machine].update(set(ngrams(toks, 2)) | set(ngrams(toks, 3)))

    def log_odds(gram: str) -> float:
        m = (df[True][gram] + 1) / (docs[True] + 2)
        h = (df[False][gram] + 1) / (docs[False] + 2)
        return math.log(m / (1 - m)) - math.log(h / (1 - h))

    grams = [g for g in set(df[True]) | set(df[False]) if df[True][g] + df[False][g] >= min_df and is_common(g)]
    ranked = sorted(grams, key=lambda g: (log_odds(g), g))
    return tuple(sorted(ranked[-n:])), tuple(sorted(ranked[:n]))


def matrix(samples: list[Sample], vocab: Vocabulary) -> np.ndarray:
    names = feature_names(vocab)
    rows = []
    for s in samples:
        f = features(s.text, vocab)
        rows.append([f[n] for n in names])
    return np.array(rows, dtype=float)


def threshold_for(scores: np.ndarray, max_fpr: float) -> float:
    """The cut halfway between the k-th and (k+1)-th highest score, k = floor(max_fpr * n): k scores reach it."""
    ordered = np.concatenate([[1.0], np.sort(scores)[::-1]])  # 1.0 above all: k = 0 cuts above the highest
    k = int(math.floor(max_fpr * len(scores)))
    return float((ordered[k] + ordered[k + 1]) / 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: .venv/bin/python eval/build_style_model.py --c 1.0")
    default = Path(os.environ.get("NEWSPRISM_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
    parser.add_argument("--corpora", type=Path, default=default, help="shared corpora folder")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularisation strength")
    parser.add_argument("--max-fpr", type=float, default=0.01, help="largest false-positive share on human news")
    parser.add_argument("--function-words", type=int, default=200, help="most frequent words kept as features")
    parser.add_argument("--ngrams", type=int, default=500, help="n-grams kept per side (machine / human)")
    parser.add_argument("--min-df", type=int, default=10, help="documents an n-gram must occur in")
    parser.add_argument("--news-weight", type=float, default=3.0, help="sample weight of a human news text")
    parser.add_argument("--folds", type=int, default=5, help="grouped folds for the out-of-fold threshold")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    samples = read_tune(args.corpora)
    y = np.array([s.machine for s in samples], dtype=int)
    news = np.array([s.news for s in samples])
    groups = np.array([s.group for s in samples])
    weight = np.where(news, args.news_weight, 1.0)

    def fit(x: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
        mean, scale = x[idx].mean(axis=0), x[idx].std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced")
        model.fit((x[idx] - mean) / scale, y[idx], sample_weight=weight[idx])
        return mean, scale, model

    # Function words are learnt once (no labels). The n-grams are learnt from the machine_text domains
    # whose machine and human texts share their prompts (so their topics), never from the news, whose
    # machine and human topics differ; and cross-fitted: each text's n-gram features come from n-grams
    # learnt on the other folds, so the model weighs them as they behave on unseen text, and the
    # out-of-fold scores the threshold is set on come from texts the model and their n-grams never saw.
    function = learn_function_words([s for s in samples if s.domain != "news"], args.function_words)

    def vocab_of(idx: np.ndarray) -> Vocabulary:
        machine, human = learn_ngrams([samples[i] for i in idx if samples[i].domain != "news"], args.ngrams,
                                      args.min_df)
        return Vocabulary(function, machine, human)

    folds = list(GroupKFold(n_splits=args.folds).split(samples, y, groups))
    x_cross = np.zeros((len(samples), len(feature_names(vocab_of(np.arange(0))))))
    for train, test in folds:
        x_cross[test] = matrix([samples[i] for i in test], vocab_of(train))
        print("fold features done", file=sys.stderr)
    oof = np.zeros(len(samples))
    for train, test in folds:
        mean, scale, model = fit(x_cross, train)
        oof[test] = model.predict_proba((x_cross[test] - mean) / scale)[:, 1]
    threshold = threshold_for(oof[news], args.max_fpr)
    human = y == 0
    fpr_news = float(np.mean(oof[news] >= threshold))
    recall = float(np.mean(oof[~human] >= threshold))
    auc = float(roc_auc_score(y, oof))
    auc_no_news = float(roc_auc_score(y[~news], oof[~news]))

    mean, scale, model = fit(x_cross, np.arange(len(samples)))
    vocab = vocab_of(np.arange(len(samples)))  # the runtime's n-grams: learnt on all of tune
    names = feature_names(vocab)
    x_news = matrix([s for s in samples if s.news], vocab)
    counts = Counter((s.corpus, "machine" if s.machine else "human") for s in samples)
    payload = {
        "about": "machine-written-style detector: logistic regression on newsprism.crosscheck.style_features, "
                 "built by eval/build_style_model.py from tune splits only; statistics and learnt n-grams, no text",
        "features": names,
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "news_mean": [round(float(v), 6) for v in x_news.mean(axis=0)],
        "threshold": round(threshold, 6),
        "vocabulary": {"function_words": list(vocab.function_words), "machine_ngrams": list(vocab.machine_ngrams),
                       "human_ngrams": list(vocab.human_ngrams)},
        "provenance": {
            "corpora": {"machine_text": "tune split (machine and human texts)", "basil": "tune triplets",
                        "polnear": "train (tune)", "ecbplus": "tune topics"},
            "counts": {f"{c} {label}": n for (c, label), n in sorted(counts.items())},
            "settings": {"C": args.c, "max_fpr": args.max_fpr, "function_words": args.function_words,
                         "ngrams": args.ngrams, "min_df": args.min_df, "news_weight": args.news_weight,
                         "folds": args.folds, "class_weight": "balanced",
                         "ngram_features": "cross-fitted over the folds"},
            "out_of_fold": {"threshold_fpr_human_news": round(fpr_news, 4), "recall_machine": round(recall, 4),
                            "roc_auc": round(auc, 4), "roc_auc_machine_text_only": round(auc_no_news, 4),
                            "human_news": int(news.sum())},
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"{len(samples)} tune texts, {len(names)} features; out-of-fold AUC {auc:.4f} "
          f"(machine_text only {auc_no_news:.4f}); threshold {threshold:.4f}: {fpr_news:.2%} of "
          f"{int(news.sum())} human news, recall {recall:.2%} -> {args.out}")


if __name__ == "__main__":
    main()
