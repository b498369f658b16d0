"""The English rule lemmatizer, remembering each lemma by (word, part of speech, morphology).

Why: spaCy's rule lemmatizer visits every token in Python, builds its
morphology object and caches only some outcomes (not proper nouns,
punctuation or words already in base form, which are most tokens), so even
when warm it cost 7 microseconds a token, 0.8 CPU s per 119,000 tokens of
news. Its answer depends on the word, the part of speech, the morphology
and the model's tables only, so this subclass asks it once per combination
and sets the lemmas of a whole document from an array: 0.1 s for the same
tokens, the same lemmas (``tests/nlp/test_pipeline_model.py`` compares
every token with the stock pipeline).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

FACTORY = "newsprism_lemmatizer"

# Combinations remembered; emptied when reached, so memory stays bounded on any stream.
_MAX_REMEMBERED = 500_000


class RememberingLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer in rule mode that asks its rules once per (word, POS, morphology)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._remembered: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token that has none (of every token when ``overwrite``), as spaCy would."""
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        todo = range(len(doc)) if self.overwrite else np.flatnonzero(lemmas == 0).tolist()
        orths, parts, morphs = array[:, 0].tolist(), array[:, 1].tolist(), array[:, 2].tolist()
        remembered, strings = self._remembered, doc.vocab.strings
        for i in todo:
            key = (orths[i], parts[i], morphs[i])
            lemma = remembered.get(key)
            if lemma is None:
                if len(remembered) >= _MAX_REMEMBERED:
                    remembered.clear()
                lemma = remembered[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


@English.factory(FACTORY, assigns=["token.lemma"],
                 default_config={"model": None, "mode": "rule", "overwrite": False,
                                 "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
                 default_score_weights={"lemma_acc": 1.0})
def make_remembering_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                                scorer: Callable | None) -> RememberingLemmatizer:
    return RememberingLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def remember_lemmas(nlp: Language) -> None:
    """Swap the pipeline's English rule lemmatizer for the remembering one, with the same tables.

    A lemmatizer in another mode or of another class stays as it is.
    """
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe("lemmatizer", FACTORY, config={"overwrite": old.overwrite})
    new.initialize(lookups=_with_index_sets(old.lookups))


def _with_index_sets(lookups: Lookups) -> Lookups:
    """The same tables, with each part of speech's list of known lemmas as a set.

    The rules ask ``form in index`` of that list for every candidate form,
    a scan of up to 57,000 words (nouns): 200 microseconds a new word, 2 of
    a worker's first 18 CPU seconds. Membership in a set answers the same.
    """
    out = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        data = dict(table.items())
        if name == "lemma_index":
            data = {pos: frozenset(words) for pos, words in data.items()}
        out.add_table(name, data)
    return out
