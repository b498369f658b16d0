"""Direct quotes and their speakers.

A quote is the text between quotation marks (straight, curly, or an
unbalanced curly mark used as an opener). Its speaker is the source of the
same sentence's attribution whose cue is nearest the quote, or else the
attribution of the nearest sentence before it within the paragraph: news
prose often puts the quote in one sentence and "she said" in the next.
"""

from __future__ import annotations

from newsprism.model import Attribution, Entity, Quote
from newsprism.nlp.attributions import extract_attributions
from newsprism.nlp.quote_spans import quoted_spans

# Quotes shorter than this are scare quotes ("signals"): kept, but their
# speaker is only taken from the same sentence. Set by reading seed output.
_SHORT_QUOTE_CHARS = 25


def extract_quotes(doc, entities: list[Entity], attributions: list[Attribution] | None = None, *,
                   text: str | None = None) -> list[Quote]:
    """Return every quoted passage of ``doc`` with its speaker where one is attributed.

    ``attributions`` are the doc's (``extract_attributions``); pass them when
    already computed, since finding them is most of the cost. ``text`` is
    ``doc.text`` when the caller has built it already (Doc rebuilds that
    string on every access).
    """
    full = doc.text if text is None else text
    if attributions is None:
        attributions = extract_attributions(doc, entities, text=full)
    out: list[Quote] = []
    for start, end in quoted_spans(full):
        said = full[start:end].strip()
        if not said:
            continue
        speaker = _speaker(full, start, end, attributions, short=len(said) < _SHORT_QUOTE_CHARS)
        out.append(Quote(start=start, end=end, text=full[start:end],
                         speaker=speaker.source if speaker else None,
                         speaker_entity=speaker.source_entity if speaker else None))
    return out


def _speaker(text: str, start: int, end: int, attributions: list[Attribution], *,
             short: bool) -> Attribution | None:
    same = [a for a in attributions if a.start <= start < a.end or a.start < end <= a.end]
    if same:
        # the cue nearest the quote; a person's word beats the outlet relaying it
        return min(same, key=lambda a: (abs(a.cue_start - (start if a.cue_start < start else end)),
                                        a.source_kind == "outlet"))
    if short:
        return None
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    near = [a for a in attributions if para_start <= a.start and a.end <= para_end]
    if not near:
        return None
    return min(near, key=lambda a: abs(a.cue_start - start))
