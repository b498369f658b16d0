"""The classic 'say'-subject rule for attribution: the subject of "say" or "tell", and the object of "according to".

Every verb whose lemma is "say" or "tell" is a cue and its ``nsubj`` is the
source (the subtree as the source's text, the subject token as its head);
"according to X" is a cue with the object of "to" as the source. A cue with
no such dependent yields nothing. It is written here because it is a few
lines over a dependency parse and no library ships it; it parses with
newsprism's own spaCy pipeline (same model, same sentence breaks), so the
comparison isolates newsprism's attribution rules from the parser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

CUE_LEMMAS = frozenset({"say", "tell"})


@dataclass(frozen=True)
class SayRelation:
    source: str
    head: str  # the source's head token
    head_start: int
    head_end: int
    cue: str
    cue_start: int
    cue_end: int
    sentence_start: int
    sentence_end: int


def _relation(sent, cue_first: Token, cue_last: Token, head: Token) -> SayRelation:
    doc = head.doc
    return SayRelation(
        source=doc[head.left_edge.i: head.right_edge.i + 1].text, head=head.text,
        head_start=head.idx, head_end=head.idx + len(head.text),
        cue=doc[cue_first.i: cue_last.i + 1].text, cue_start=cue_first.idx, cue_end=cue_last.idx + len(cue_last.text),
        sentence_start=sent.start_char, sentence_end=sent.end_char)


def _according_to(tok: Token) -> tuple[Token, Token] | None:
    """("to", its object) for "according to X", whether "to" hangs under "according" or beside it."""
    candidates = [c for c in tok.children if c.lower_ == "to"]
    if tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        candidates.append(tok.nbor(1))
    for to in candidates:
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return to, pobj
    return None


def relations(doc: Doc) -> list[SayRelation]:
    """The rule's relations in ``doc``, in text order."""
    out: list[SayRelation] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    out.append(_relation(sent, tok, tok, subj))
            elif tok.lower_ == "according":
                found = _according_to(tok)
                if found is not None:
                    out.append(_relation(sent, tok, found[0], found[1]))
    return out


def parse(texts: Iterable[str], progress: Callable[[str, int, int | None], None] | None = None,
          total: int | None = None) -> Iterator[Doc]:
    """Parse with newsprism's pipeline (named entities off: the rule does not read them)."""
    from newsprism.nlp.pipeline import load_pipeline

    nlp = load_pipeline()  # shared with newsprism's analysis: disabled per call, never on the instance
    skip = [p for p in ("ner",) if p in nlp.pipe_names]
    for n, doc in enumerate(nlp.pipe(texts, batch_size=32, disable=skip), 1):
        if progress:
            progress("say-subject baseline: parse", n, total)
        yield doc
