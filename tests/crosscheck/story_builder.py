"""Build analysed articles and stories by hand for the cross-check tests.

The cross-check reads only the dataclasses the NLP stage fills, so its tests
write invented news sentences and mark up by hand what the analysis would
find in them (entities, frames, dates, figures, attributions), each with the
real span of the text. No model is loaded.
"""

from __future__ import annotations

import re

from newsprism.model import (
    AnalyzedArticle,
    Article,
    Attribution,
    CanonicalEntity,
    Entity,
    EventFrame,
    Mention,
    Quantity,
    Sentence,
    Story,
    TimeExpr,
)


def article(aid: str, text: str, *, outlet: str | None = None, published: str | None = None,
            duplicate_of: str | None = None) -> AnalyzedArticle:
    """An analysed article whose sentences are split at '. ' boundaries."""
    sentences = [Sentence(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^.!?]+[.!?]", text)]
    sentences = [Sentence(s.start + (len(s.text) - len(s.text.lstrip())), s.end, s.text.strip()) for s in sentences]
    art = Article(id=aid, source=f"{aid}.txt", text=text, outlet=outlet, published=published,
                  duplicate_of=duplicate_of)
    return AnalyzedArticle(article=art, sentences=sentences)


def entity(aa: AnalyzedArticle, local: str, name: str, etype: str = "PERSON") -> str:
    """Add an article-local entity named ``name`` (with its mentions found in the text)."""
    eid = f"{aa.id}:{local}"
    mentions = [Mention(m.start(), m.end(), m.group(0)) for m in re.finditer(re.escape(name), aa.article.text)]
    aa.entities.append(Entity(id=eid, name=name, type=etype, mentions=mentions))
    return eid


def _sentence_of(aa: AnalyzedArticle, needle: str) -> Sentence:
    for s in aa.sentences:
        if needle in s.text:
            return s
    raise AssertionError(f"{needle!r} is not in article {aa.id}")


def frame(aa: AnalyzedArticle, needle: str, etype: str, trigger: str, *, actors: list[str] = (),
          targets: list[str] = (), date: str | None = None, date_text: str | None = None,
          window_end: str | None = None, place: str | None = None, status: str = "happened",
          attributed_to: str | None = None, quantities: list[tuple[str, float, str | None, str]] = (),
          plover: str | None = None) -> EventFrame:
    """Add an event frame in the sentence containing ``needle``; figures are (text, value, unit, qualifier)."""
    s = _sentence_of(aa, needle)
    t0 = aa.article.text.index(trigger, s.start)
    qs = []
    for text, value, unit, qualifier in quantities:
        q0 = aa.article.text.index(text, s.start)
        qs.append(Quantity(q0, q0 + len(text), text, value, unit, qualifier))
    aa.quantities += qs
    if date_text:
        d0 = aa.article.text.index(date_text, s.start)
        aa.dates.append(TimeExpr(d0, d0 + len(date_text), date_text, date,
                                 precision="week" if window_end else "day", window_end=window_end))
    fr = EventFrame(id=f"{aa.id}:v{len(aa.events)}", type=etype, plover=plover, trigger=trigger,
                    trigger_start=t0, trigger_end=t0 + len(trigger), start=s.start, end=s.end, sentence=s.text,
                    summary=s.text, actors=list(actors), targets=list(targets), date=date, date_text=date_text,
                    place=place, status=status, attributed_to=attributed_to, quantities=qs)
    aa.events.append(fr)
    return fr


def attribution(aa: AnalyzedArticle, needle: str, source: str, cue: str, *, chain: list[str] = (),
                source_kind: str = "organisation") -> Attribution:
    s = _sentence_of(aa, needle)
    c0 = aa.article.text.index(cue, s.start)
    att = Attribution(source=source, start=s.start, end=s.end, sentence=s.text, cue=cue, cue_start=c0,
                      cue_end=c0 + len(cue), chain=list(chain), source_kind=source_kind)
    aa.attributions.append(att)
    return att


def story(articles: list[AnalyzedArticle], same: dict[str, list[str]] | None = None) -> Story:
    """A story over ``articles``; ``same`` maps a canonical name to the local entity ids it merges.

    Local entities not listed get a canonical entity of their own.
    """
    same = dict(same or {})
    listed = {x for xs in same.values() for x in xs}
    for aa in articles:
        for e in aa.entities:
            if e.id not in listed:
                same[f"{e.name}#{e.id}"] = [e.id]
    by_local = {e.id: (aa, e) for aa in articles for e in aa.entities}
    canon = []
    for i, (name, locals_) in enumerate(sorted(same.items())):
        members: dict[str, list[str]] = {}
        for local in locals_:
            aa, _ = by_local[local]
            members.setdefault(aa.id, []).append(local)
        first = by_local[locals_[0]][1]
        canon.append(CanonicalEntity(id=f"e-{i:03d}", name=name.split("#")[0], type=first.type,
                                     article_ids=list(members), members=members))
    return Story(id="s-test", title="test story", article_ids=[a.id for a in articles], entities=canon)
