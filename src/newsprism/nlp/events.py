"""Event frames: who did what to whom, when, where, and whether it happened.

Each sentence's predicates are matched against the lexicon in
``event_types``: a verb ("met", "threatened") or an event noun ("a
three-hour meeting", "an ultimatum"), the noun taking its actors and status
from the light verb that carries it ("held talks", "issued an ultimatum").
Roles come from the dependency parse (subject -> actors, object or a
with/to/on/against phrase -> targets, passive agent -> actors) and are
mapped to entities through their mention spans. A clause without its own
subject inherits its controller's ("demanding a ceasefire", "an order
imposing a tariff"). Status and the PLOVER class follow modality: a
negation or "refused to" is denied, "will"/"plans to"/"upcoming" planned,
"threatened to"/"or face" threatened; PLOVER codes an announced intention
as AGREE (or THREATEN when hostile).
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from spacy.attrs import DEP, LEMMA, LOWER, POS

from newsprism.model import Article, Attribution, Entity, EventFrame, Quantity, TimeExpr
from newsprism.nlp.attributions import REPORTING_VERBS, outermost, pobj_of
from newsprism.nlp.event_types import (
    HAZARD_NOUNS, HOSTILE, IMPACT_VERBS, LIGHT_VERBS, STOPPAGE_MODIFIERS, WORKER_NOUNS, NEGATING_VERBS, NOUN_TRIGGERS, PHONE_CUES, PLANNED_MODIFIERS,
    PLANNING_VERBS, THREAT_VERBS, VERB_TRIGGERS,
)
from newsprism.nlp.mention_index import MentionIndex, resolve_token
from newsprism.nlp.token_filter import attr_in, lower_in, positions, within

_SUBJECT_DEPS = ("nsubj", "csubj")
_OBJECT_DEPS = ("dobj", "dative", "iobj")
_TARGET_PREPS = frozenset({"with", "to", "on", "against", "toward", "towards", "into", "upon"})
_PLACE_PREPS = frozenset({"in", "at"})
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_UNCERTAIN_AUX = frozenset({"could", "might", "may", "would"})
_CONDITION_MARKS = frozenset({"if", "unless"})
_OBLIGATION = frozenset({"must", "should"})
_SAY_VERBS = frozenset({"say", "announce", "state", "declare", "tell", "insist", "add", "claim"})
# Verbs whose reported clause is the speaker's own: "Syria says it will ...".
_CLAUSE_REPORTERS = _SAY_VERBS | {"warn"}
# Past verbs of saying whose reported "would" states an intention: "they said they would ...".
_INTENTION_REPORTERS = _SAY_VERBS | {"warn", "vow", "pledge", "promise", "threaten"}
_PLACE_TYPES = ("GPE", "LOC", "ORG", "OTHER", "EVENT")
_PLACE_ENT_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})
# How many prep/pobj/acl links below the event a place phrase may sit.
_PLACE_SEARCH_DEPTH = 4


def extract_events(doc, article: Article, entities: list[Entity], dates: list[TimeExpr],
                   quantities: list[Quantity], attributions: list[Attribution], *,
                   text: str | None = None) -> list[EventFrame]:
    """Return the event frames of every sentence of ``doc``, in text order.

    ``text`` is ``doc.text`` when the caller has built it already (Doc
    rebuilds that string on every access).
    """
    if text is None:
        text = doc.text
    index = MentionIndex(entities)
    # the tokens each per-sentence scan below can fire on, picked for the whole doc at once
    content = sorted({*lower_in(doc, LEMMA, _TRIGGER_LEMMAS, positions(attr_in(doc, POS, _TRIGGER_POS))),
                      # a LOWER string is lower-case already: lower_in's lower-casing leaves it as it is
                      *lower_in(doc, LOWER, NOUN_TRIGGERS, positions(attr_in(doc, POS, ("NOUN",))))})
    says = lower_in(doc, LEMMA, _SAY_VERBS, positions(attr_in(doc, POS, ("VERB",))))
    phones = positions(attr_in(doc, LOWER, PHONE_CUES))
    frames: list[EventFrame] = []
    prev_phone = False
    for sent in doc.sents:
        sentence = text[sent.start_char:sent.end_char]  # sent.text would join the sentence's tokens again
        triggers = _triggers(sent, within(content, sent))
        phone = bool(within(phones, sent))
        anchors = {t.i: anchor for t, anchor, _ in triggers}
        date_of = _assign_dates(sent, dates, anchors)
        attribution = outermost(attributions, sent.start_char, sent.end_char)
        for trig, anchor, (kind, plover) in triggers:
            if kind == "briefing" and (phone or prev_phone):
                kind = "phone_call"
            elif kind in ("talks", "briefing") and phone:
                kind = "phone_call"
            frame = _frame(article, sent, sentence, trig, anchor, kind, plover, index,
                           date_of.get(trig.i), quantities, attribution)
            if _informative(frame, trig):
                frames.append(frame)
        frames.extend(_stated_intentions(article, sent, sentence, within(says, sent),
                                         {t.i for t, _, _ in triggers}, index, date_of, attribution))
        prev_phone = phone
    _date_from_earlier_events(doc, frames)
    return frames


# "Shortly after the meeting, X signed ...": how many days after the named event
_SAME_DAY_ADVERBS = frozenset({"shortly", "soon", "immediately", "just", "right", "hours", "minutes"})
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _date_from_earlier_events(doc, frames: list[EventFrame]) -> None:
    """Date frames anchored to an earlier event of the article ("shortly after the meeting", "a day after the talks").

    The anchor is the latest frame before the phrase whose type is the one
    the phrase's event noun names, and which has a day date; undated frames
    of the phrase's sentence take that date plus the stated offset. "Before"
    gives no day, so it is left alone.
    """
    for i in positions(attr_in(doc, LOWER, ("after", "following")) & attr_in(doc, DEP, ("prep",))):
        tok = doc[i]
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in NOUN_TRIGGERS:
            continue
        if not any(c.lower_ in ("the", "that", "this", "their", "his", "her", "its") for c in pobj.children):
            continue  # "after talks" may be any talks; "after the talks" refers back
        offset = _offset_days(tok)
        if offset is None:
            continue
        kind = NOUN_TRIGGERS[pobj.lemma_.lower()][0]
        earlier = [f for f in frames if f.type == kind and f.trigger_start < pobj.idx and f.date
                   and len(f.date) == 10 and not (f.start <= tok.idx < f.end)]
        if not earlier:
            continue
        anchor = max(earlier, key=lambda f: f.trigger_start)
        day = (date.fromisoformat(anchor.date) + timedelta(days=offset)).isoformat()
        sent = tok.sent
        phrase = doc[min(t.i for t in tok.subtree):max(t.i for t in tok.subtree) + 1]
        head_adv = [c for c in tok.children if c.dep_ in ("advmod", "npadvmod")]
        text = doc[min([phrase.start] + [c.i for c in head_adv]):phrase.end].text
        for f in frames:
            if f.date is None and f.start == sent.start_char and f is not anchor:
                f.date, f.date_text = day, text


def _offset_days(prep) -> int | None:
    """0 for "shortly/hours after", N for "N days after" / "a day after", 0 when unqualified."""
    mods = [c for c in prep.children if c.dep_ in ("advmod", "npadvmod")]
    if not mods:
        return 0
    for m in mods:
        if m.lower_ in _SAME_DAY_ADVERBS:
            return 0
        if m.lemma_.lower() == "day":
            num = next((c for c in m.children if c.dep_ in ("nummod", "det")), None)
            if num is None:
                return 1
            if num.like_num and num.text.isdigit():
                return int(num.text)
            return _NUMBER_WORDS.get(num.lower_)
    return None


def _informative(frame: EventFrame, trig) -> bool:
    """Drop a frame that names no one, no date and no place ("the meeting", "they discussed").

    Such mentions refer back to an event framed earlier or say too little
    to align across outlets; kept, they would only multiply the events the
    cross-check must merge or show. The main verb of a sentence stays:
    it is what the sentence reports, named participants or not.
    """
    if trig.pos_ == "VERB" and trig.dep_ == "ROOT":
        return True
    return bool(frame.actors or frame.targets or frame.date or frame.place)


# --------------------------------------------------------------------------- triggers


_TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})
_TRIGGER_LEMMAS = frozenset(VERB_TRIGGERS) | frozenset(NOUN_TRIGGERS)


def _triggers(sent, content: list[int]) -> list[tuple]:
    """(trigger token, anchor token, (type, plover)) for each event predicate of the sentence.

    ``content`` are the sentence's tokens tagged VERB, NOUN or PROPN (_TRIGGER_POS) whose lower-cased
    lemma (_TRIGGER_LEMMAS) or word (NOUN_TRIGGERS) is a trigger: every branch below needs both.
    """
    out = []
    doc = sent.doc
    for i in content:
        tok = doc[i]
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        if pos == "VERB" and lemma in VERB_TRIGGERS:
            typed = _verb_type(tok, lemma)
            if typed is None or _carries_event_noun(tok):
                continue
            out.append((tok, tok, typed))
        elif pos in ("NOUN", "PROPN") and lemma in NOUN_TRIGGERS or tok.lower_ in NOUN_TRIGGERS \
                and pos == "NOUN":
            typed = NOUN_TRIGGERS.get(lemma) or NOUN_TRIGGERS[tok.lower_]
            if lemma == "strike" and (any(c.lower_ in STOPPAGE_MODIFIERS for c in tok.children)
                                      or _workers_strike(tok)):
                typed = ("strike", "PROTEST")
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in NOUN_TRIGGERS:
                continue  # "summit meeting": one event, named by its head
            node = _event_noun_node(tok)
            head = node.head
            if node.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ == "VERB":
                hl = head.lemma_.lower()
                if hl in LIGHT_VERBS or hl in THREAT_VERBS or hl not in VERB_TRIGGERS:
                    out.append((tok, head if hl in LIGHT_VERBS else node, typed))
                continue
            out.append((tok, node, typed))
    return out


def _event_noun_node(tok):
    """The noun that holds an event noun's place in the clause.

    A trigger can sit inside a noun phrase whose head is a generic noun: a
    compound ("a mediation effort", "an aid package") or the object of "of"
    ("5 million dollars of aid", "a new round of talks"). That head noun is
    what the verb governs, so the event's anchor (a light verb over it, its
    subject) is read from there. A head that is an event noun itself is
    left alone: it is the event.
    """
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return tok.head
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" \
            and prep.head.lemma_.lower() not in NOUN_TRIGGERS:
        return prep.head
    return tok


def _verb_type(tok, lemma: str):
    """Refine verbs whose sense depends on their dependents."""
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")}
    if lemma in ("speak", "talk"):
        if not preps & {"with", "to", "by"}:
            return None  # "spoke about the economy" is a statement, not talks
        if any(c.lower_ == "by" and any(g.lower_ in PHONE_CUES for g in c.children) for c in tok.children):
            return ("phone_call", "CONSULT")
    if lemma == "call":
        return None
    if lemma in ("strike",) and any(c.dep_ == "dobj" and c.lemma_ in ("deal", "agreement") for c in tok.children):
        return ("agreement", "AGREE")
    if lemma in IMPACT_VERBS and _hazard_driven(tok):
        return ("disaster", None)
    if lemma == "strike" and _workers_strike(tok):
        return ("strike", "PROTEST")
    if lemma == "help" and not any(c.dep_ in _OBJECT_DEPS for c in tok.children):
        return None
    return VERB_TRIGGERS[lemma]


def _hazard_driven(verb) -> bool:
    """"The quake struck", "killed by floods", "killed when an earthquake shook": nature, not an attacker."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.lemma_.lower() in HAZARD_NOUNS and c.dep_ != "nsubjpass":
            return True
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "in") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in HAZARD_NOUNS for g in c.children):
            return True
        if c.dep_ == "advcl" and any(g.dep_ == "nsubj" and g.lemma_.lower() in HAZARD_NOUNS for g in c.children):
            return True
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        # "an earthquake hit the coast, killing seven": the participle inherits its head's subject
        return any(g.dep_ == "nsubj" and g.lemma_.lower() in HAZARD_NOUNS for g in verb.head.children)
    return False


def _workers_strike(tok) -> bool:
    """"Dockworkers went on strike", "striking dockers", "a union strike": a work stoppage.

    Read from the whole sentence: a military strike is rarely told in a
    sentence that names workers or a union, a stoppage nearly always is.
    """
    return any(t.i != tok.i and (t.lemma_.lower() in WORKER_NOUNS or t.lower_ in STOPPAGE_MODIFIERS)
               for t in tok.sent)


def _carries_event_noun(verb) -> bool:
    """A light verb whose object is an event noun defers to the noun ("signed an agreement")."""
    return verb.lemma_.lower() in LIGHT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NOUN_TRIGGERS for c in verb.children)


# --------------------------------------------------------------------------- frames


def _frame(article, sent, sentence, trig, anchor, kind, plover, index, date, quantities, attribution) -> EventFrame:
    actors, targets = _roles(trig, anchor, index)
    status = _status(trig, anchor, date)
    if kind in ("threat", "ultimatum"):
        status = "threatened"
    plover = _plover_for_status(plover, status, trig, anchor)
    edges = [(t.idx, t.idx + len(t)) for t in trig.subtree]  # one walk of the subtree, not one per bound
    span_lo = min(start for start, _ in edges)
    span_hi = max(end for _, end in edges)
    qty = [q for q in quantities if span_lo <= q.start and q.end <= span_hi and trig.idx <= span_hi]
    summary = _summary(trig, anchor, actors, targets)
    start = trig.idx
    digest = hashlib.sha1(f"{article.id}:{start}:{kind}".encode()).hexdigest()[:12]
    return EventFrame(
        id="v-" + digest, type=kind, plover=plover, trigger=trig.text,
        trigger_start=start, trigger_end=start + len(trig.text),
        start=sent.start_char, end=sent.end_char, sentence=sentence, summary=summary,
        actors=[e.id for e in actors], targets=[e.id for e in targets],
        date=date.value if date else None, date_text=date.text if date else None,
        place=_place(trig, anchor, index), status=status,
        attributed_to=attribution.source if attribution else None, quantities=qty,
    )


def _roles(trig, anchor, index: MentionIndex) -> tuple[list[Entity], list[Entity]]:
    """Actors and targets of an event, as entities."""
    actors: list[Entity] = []
    targets: list[Entity] = []
    # An event noun that a reporting verb carries ("media reported a call
    # between A and B") takes no subject from the clause around it.
    reported = anchor.pos_ != "VERB" and anchor.head.lemma_.lower() in REPORTING_VERBS
    subj = None if reported else _subject_of(anchor)
    passive = subj is not None and subj.dep_ == "nsubjpass"
    if passive:
        agent = _agent(anchor)
        if agent is not None:
            actors = _entities(agent, index)
        targets = _entities(subj, index)
    elif subj is not None:
        actors = _entities(_reporter_for_pronoun(subj), index)
    owners = [trig] if trig.i == anchor.i else [anchor, trig]
    for node in owners:
        for child in node.children:
            if child.dep_ in _OBJECT_DEPS and child.i != trig.i:
                _extend(targets, _entities(child, index))
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS | {"between"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = _entities(pobj, index) or _nested_entities(pobj, index)
                        _extend(actors if child.lower_ == "between" and not actors else targets, found)
            elif child.dep_ == "poss" and node.i == trig.i and trig.pos_ == "NOUN":
                _extend(actors, _entities(child, index))  # "Putin's meeting with Trump"
    targets = [e for e in targets if e not in actors]
    return actors, targets


def _reporter_for_pronoun(subj):
    """"Syria says it will ...": a pronoun subject of a reported clause is the reporter."""
    if subj.pos_ != "PRON" or subj.lower_ not in ("it", "they", "he", "she", "we"):
        return subj
    clause = subj.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _CLAUSE_REPORTERS:
        reporter = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if reporter is not None and reporter.pos_ != "PRON":
            return reporter
    return subj


def _extend(into: list[Entity], more: list[Entity]) -> None:
    for e in more:
        if e not in into:
            into.append(e)


def _subject_of(verb):
    """The subject of ``verb``, or of the clause that controls it."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in _SUBJECT_DEPS or child.dep_ == "nsubjpass":
                if child.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                    return node.head
                return child
        if node.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp", "ccomp", "acomp") and node.head.i != node.i:
            node = node.head
            if node.pos_ == "NOUN" and node.dep_ in ("dobj", "pobj", "nsubj"):
                node = node.head  # "an order imposing a tariff": the order's signer
        elif node.dep_ in ("dobj", "pobj", "attr") and node.pos_ == "NOUN":
            node = node.head
        else:
            return None
    return None


def _agent(verb):
    """The "by" phrase's object of a passive verb: who acted."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return pobj_of(agent) if agent is not None else None


def _entities(head, index: MentionIndex) -> list[Entity]:
    """Entities named by the phrase headed by ``head`` (the head's own first, then conjuncts)."""
    out: list[Entity] = []
    ent = resolve_token(index, head)
    if ent is not None:
        out.append(ent)
    for tok in _phrase_tokens(head):
        if tok.i == head.i:
            continue
        if tok.dep_ == "conj" or tok.head.dep_ == "conj" or ent is None:
            e = resolve_token(index, tok)
            if e is not None and e not in out and e.type != "OTHER":
                out.append(e)
    return out


def _nested_entities(pobj, index: MentionIndex) -> list[Entity]:
    """"a tariff on goods from Chile": the entity one of/from phrase further down."""
    for child in pobj.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return _entities(g, index)
    return []


def _phrase_tokens(head) -> list:
    out = [head]
    for child in head.children:
        if child.dep_ in _CUT_DEPS or child.dep_ == "prep" and child.lower_ not in ("of",):
            continue
        out.extend(_phrase_tokens(child))
    return out


def phrase_text(head) -> str:
    """The words of the phrase headed by ``head``, without clauses and appositions."""
    toks = sorted(_phrase_tokens(head), key=lambda t: t.i)
    while toks and toks[0].dep_ in ("det", "punct", "cc"):
        toks = toks[1:]
    return " ".join(t.text for t in toks)


def _place(trig, anchor, index: MentionIndex) -> str | None:
    """The place in an in/at phrase hanging from the event, through prepositions and participles.

    "the summit, scheduled for May 15 in Geneva": the parser may hang "in
    Geneva" on the date, so the search walks down prep, pobj and acl links
    (never into another clause) to a small depth.
    """
    frontier = [trig] if trig.i == anchor.i else [trig, anchor]
    for _ in range(_PLACE_SEARCH_DEPTH):
        nxt = []
        for node in frontier:
            for child in node.children:
                if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and (place := _place_name(pobj, index)):
                            return place
                if child.dep_ in ("prep", "pobj", "acl", "npadvmod", "nummod"):
                    nxt.append(child)
        frontier = nxt
    return None


def _place_name(pobj, index: MentionIndex) -> str | None:
    ent = resolve_token(index, pobj)
    if ent is not None and ent.type in _PLACE_TYPES:
        return ent.name
    if pobj.ent_type_ in _PLACE_ENT_LABELS:
        return phrase_text(pobj)
    return None


# --------------------------------------------------------------------------- dates


def _assign_dates(sent, dates: list[TimeExpr], anchors: dict[int, object]) -> dict[int, TimeExpr]:
    """Give each trigger the date attached nearest to it in the parse.

    A date belongs to the lowest trigger (or its anchor) above it in the
    tree; a date hanging elsewhere (on "reported", on the root) goes to the
    triggers that got none, nearest first.
    """
    if not anchors:
        return {}  # no trigger to date: skip locating the sentence's dates in the parse
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
    out: dict[int, TimeExpr] = {}
    loose: list[tuple[TimeExpr, object]] = []
    by_anchor: dict[int, list[int]] = {}
    for ti, anchor in anchors.items():
        by_anchor.setdefault(anchor.i, []).append(ti)
        by_anchor.setdefault(ti, []).append(ti)
    for d in inside:
        tok = _token_at(sent, d.start)
        if tok is None:
            continue
        owner = None
        for anc in tok.ancestors:
            if anc.i in by_anchor:
                owner = anc.i
                break
        if owner is None:
            loose.append((d, tok))
            continue
        for ti in by_anchor[owner]:
            out.setdefault(ti, d)
    for ti in anchors:
        if ti in out or not loose:
            continue
        if any(anc.i in anchors or anc.i in by_anchor for anc in sent.doc[ti].ancestors):
            continue  # a nested event ("before his expected meeting") keeps no stray date
        out[ti] = min(loose, key=lambda p: abs(p[1].i - ti))[0]
    return out


def _token_at(sent, char: int):
    for tok in sent:
        if tok.idx <= char < tok.idx + len(tok.text):
            return tok
    return None


# --------------------------------------------------------------------------- status


def _status(trig, anchor, date: TimeExpr | None) -> str:
    nodes = [trig] if trig.i == anchor.i else [trig, anchor]
    for node in nodes:
        if any(c.dep_ == "neg" for c in node.children):
            return "denied"
    for node in nodes:
        if node.dep_ not in ("xcomp", "acl", "ccomp", "pcomp", "dobj", "pobj") and not _to_infinitive_clause(node):
            continue
        for anc in list(node.ancestors)[:3]:
            lemma = anc.lemma_.lower()
            if lemma in NEGATING_VERBS:
                return "denied"
            if lemma in THREAT_VERBS:
                return "threatened"
            if lemma in PLANNING_VERBS:
                negated = any(c.dep_ == "neg" for c in anc.children)
                return "denied" if negated else "planned"
            if anc.dep_ not in ("xcomp", "prep", "pcomp"):
                break
    if _or_face(trig) or _or_face(anchor):
        return "threatened"
    if trig.pos_ == "NOUN":
        mods = {c.lower_ for c in trig.children if c.dep_ in ("amod", "acl", "compound")}
        mods |= {g.lower_ for c in trig.children if c.dep_ == "acl" for g in [c]}
        if mods & PLANNED_MODIFIERS:
            return "planned"
    for node in nodes:
        aux = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if aux & _FUTURE_AUX or "going" in aux:
            return "planned"
        if "would" in aux and _reported_in_past(node):
            return "planned"  # "they said they would boycott the talks": "will", reported
        if aux & _UNCERTAIN_AUX:
            return "planned" if date is not None and date.direction == "future" else "unclear"
    if date is not None and date.direction == "future":
        return "planned"
    return "happened"


def _to_infinitive_clause(verb) -> bool:
    """"have sworn to fight", parsed now as xcomp, now as advcl: a to-infinitive under its verb.

    The parser attaches the same infinitive either way; under a verb of
    planning, threat or refusal it states an intention all the same.
    """
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _reported_in_past(verb) -> bool:
    """True when ``verb``'s clause is what a past-tense verb of saying reports ("X said they would ...").

    Reported speech shifts "will" back to "would": there the modal states
    an intention, not a hedge.
    """
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and head.tag_ == "VBD" \
        and head.lemma_.lower() in _INTENTION_REPORTERS


def _or_face(tok) -> bool:
    """"... or face sanctions": a coordinated penalty makes the frame a threat."""
    return any(c.dep_ == "conj" and c.lemma_ == "face" and any(cc.lower_ == "or" for cc in tok.children)
               for c in tok.children)


def _plover_for_status(plover: str | None, status: str, trig, anchor) -> str | None:
    """PLOVER codes intentions by their tone and refusals as REJECT."""
    if plover is None:
        return None
    if status == "planned" and plover not in ("THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        if _conditional(anchor):
            return "THREATEN"
        return "THREATEN" if plover in HOSTILE else "AGREE"
    if status == "denied" and plover not in ("REJECT",):
        return "REJECT"
    return plover


def _conditional(verb) -> bool:
    return any(c.dep_ == "advcl" and any(m.lower_ in _CONDITION_MARKS for m in c.children)
               for c in verb.children)


# --------------------------------------------------------------------------- stated intentions


def _stated_intentions(article, sent, sentence, says: list[int], taken: set[int], index, date_of,
                       attribution) -> list[EventFrame]:
    """"X said Y must ..." (REQUEST), "X said it will ..." (AGREE/THREATEN), "... will not ..." (REJECT).

    Only for a reported clause whose own verb is no event trigger: PLOVER
    codes these statements by their modality, and the project records them
    as statements. ``says`` are the sentence's tokens tagged VERB whose lower-cased lemma is one of _SAY_VERBS.
    """
    out = []
    doc = sent.doc
    for i in says:
        verb = doc[i]
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            neg = any(c.dep_ == "neg" for c in clause.children)
            if clause.i in taken and not aux & _OBLIGATION:
                continue
            if aux & _OBLIGATION:
                plover, status = "REQUEST", "unclear"
            elif aux & (_FUTURE_AUX | {"would"}):
                plover = "REJECT" if neg else ("THREATEN" if _conditional(clause) else "AGREE")
                status = "denied" if neg else "planned"
            else:
                continue
            actors, targets = _roles(verb, verb, index)
            subj = _subject_of(clause)
            if subj is not None:
                _extend(targets, [e for e in _entities(subj, index) if e not in actors])
            date = date_of.get(verb.i)
            digest = hashlib.sha1(f"{article.id}:{verb.idx}:statement".encode()).hexdigest()[:12]
            out.append(EventFrame(
                id="v-" + digest, type="statement", plover=plover, trigger=verb.text,
                trigger_start=verb.idx, trigger_end=verb.idx + len(verb.text),
                start=sent.start_char, end=sent.end_char, sentence=sentence,
                summary=_summary(verb, verb, actors, targets),
                actors=[e.id for e in actors], targets=[e.id for e in targets],
                date=date.value if date else None, date_text=date.text if date else None,
                status=status, attributed_to=attribution.source if attribution else None,
            ))
    return out


# --------------------------------------------------------------------------- summary


def _summary(trig, anchor, actors: list[Entity], targets: list[Entity]) -> str:
    """A short neutral phrase: actors, the predicate as written, targets."""
    # a pronoun subject of a reported clause reads as its reporter ("the authority said it had offered talks")
    who = " and ".join(e.name for e in actors) or (
        phrase_text(_reporter_for_pronoun(s)) if (s := _subject_of(anchor)) is not None else "")
    words = [anchor.text]
    for c in anchor.children:
        if c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == "by":
            words.append(c.text + ("" if c.dep_ == "prt" else " " + " ".join(g.text for g in c.children)))
    if trig.i != anchor.i:
        words.append(trig.text)
    if targets:
        direct = any(c.dep_ in _OBJECT_DEPS and c.i != trig.i for c in anchor.children)
        prep = "" if direct else next((c.lower_ for n in (anchor, trig) for c in n.children
                                       if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                                       and any(g.ent_type_ and g.ent_type_ not in ("DATE", "TIME")
                                               for g in c.subtree)), "")
        words.append((prep + " " if prep else "") + " and ".join(e.name for e in targets))
    return " ".join(w for w in [who, *words] if w).strip()
