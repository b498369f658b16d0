"""Attributions: on whose word each sentence's claim rests.

Read from the dependency parse, not from surface patterns, so the same few
rules catch "Belta reported", "according to Al Jazeera", "X's office said",
"TASS said, citing the Kremlin", "Xi was quoted as saying" and "the U.S.
has warned that ...". One sentence may carry several sources; the outer
one (the outlet that relays) gets the longer ``chain``, nearest first:
"TASS said, citing the Kremlin" -> chain ["TASS", "Kremlin"].
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field

from spacy.attrs import DEP, LEMMA, LOWER, POS

from newsprism.model import Attribution, Entity
from newsprism.nlp.mention_index import MentionIndex, resolve_token
from newsprism.nlp.quote_spans import quoted_spans
from newsprism.nlp.token_filter import attr_in, lower_in, positions, within

# General English verbs that introduce reported speech or a stance.
REPORTING_VERBS = frozenset({
    "say", "report", "tell", "note", "confirm", "announce", "state", "add", "claim", "post",
    "write", "quote", "warn", "deny", "insist", "explain", "stress", "emphasize", "emphasise",
    "reiterate", "acknowledge", "admit", "assert", "declare", "allege", "reveal", "disclose",
    "comment", "remark", "tweet", "argue", "suggest", "believe", "predict", "estimate",
    "conclude", "indicate", "caution", "portray", "describe", "characterize", "contend",
    "maintain", "testify", "respond", "reply", "recall", "show", "find", "observe", "underline",
    "underscore", "highlight", "signal", "brief", "tout", "boast", "lament", "complain",
    "speculate", "fear", "think", "express",
})
# Verbs that attribute only when they carry a reported clause or a quote:
# "the report found that ..." is a source, "police found a body" is not.
_NEEDS_CLAUSE = frozenset({"show", "find", "think", "fear", "believe", "signal", "brief",
                           "recall", "observe", "respond", "reply", "add", "note", "indicate",
                           "reiterate", "stress", "emphasize", "emphasise", "highlight",
                           "underline", "underscore", "suggest"})
# Evidential verbs: as a participle trailing a clause ("the US has cast itself
# as a mediator, suggesting that ...") their subject is the fact the clause
# states, i.e. the writer's inference, not a source who spoke.
_EVIDENTIAL = frozenset({"suggest", "indicate", "show", "signal", "imply", "mean", "reflect",
                         "underscore", "underline", "highlight"})
# "Express" reports a view only with a noun of belief or expectation as its
# object ("soldiers expressed little hope that ..."); "expressed support" or
# "expressed gratitude" is a gesture, an event of its own, not a claim.
_EXPRESSED_VIEWS = frozenset({"hope", "doubt", "concern", "fear", "skepticism", "scepticism", "optimism",
                              "pessimism", "confidence", "belief", "view", "opinion", "worry", "alarm",
                              "uncertainty", "expectation"})
# Report nouns that, bare and definite ("the report said"), stand for an outlet's report told earlier.
_REPORT_NOUNS = frozenset({"report", "article", "story"})
# Dependents that carry what was said: without one (or a quote, or the
# trailing "..., X reported" shape) a reporting verb reports an act, as in
# "the envoy reported back to the president".
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "dative", "advcl", "prep"})
_TEMPORAL_MARKS = frozenset({"after", "before", "until", "once", "when", "till"})
# Where a reported clause hangs under its reporting verb.
_REPORTED_DEPS = frozenset({"ccomp", "parataxis", "xcomp", "dobj", "prep", "pcomp"})
# Head nouns of organisations that speak ("the ministry said", "Xi's office said").
_ORG_NOUNS = frozenset({
    "office", "ministry", "service", "government", "department", "embassy", "council",
    "committee", "commission", "administration", "cabinet", "parliament", "army", "military",
    "police", "court", "authorities", "authority", "secretariat", "presidency", "mission",
    "company", "firm", "bank", "group", "party", "union", "alliance", "coalition", "board",
})
# Adjectives of stance: "analysts are skeptical", "officials were confident that ...".
STANCE_ADJECTIVES = frozenset({
    "skeptical", "sceptical", "optimistic", "pessimistic", "doubtful", "confident", "wary",
    "cautious", "hopeful", "convinced", "adamant", "critical", "unconvinced", "concerned",
})
# Head nouns of a document that "says" something.
DOCUMENT_NOUNS = frozenset({
    "report", "statement", "order", "document", "letter", "memo", "study", "survey", "decree",
    "resolution", "communique", "readout", "filing", "indictment", "complaint", "release",
    "transcript", "assessment", "analysis", "ruling", "verdict", "declaration", "bill",
    "executive", "cable", "post", "tweet", "poll", "review", "paper",
})
# Words that mark a news outlet ("state media", "news agency", "the Times").
_OUTLET_WORDS = frozenset({
    "news", "agency", "media", "outlet", "newspaper", "television", "tv", "radio",
    "broadcaster", "channel", "daily", "times", "post", "journal", "gazette", "wire",
    "magazine", "tabloid", "website", "press", "tribune", "herald", "telegraph", "guardian",
    "network", "newswire", "broadcasting", "bulletin",
})
# Wire services and broadcasters known by acronym or name alone, worldwide.
_OUTLET_NAMES = frozenset({
    "reuters", "ap", "afp", "tass", "xinhua", "ria", "interfax", "bloomberg", "cnn", "bbc",
    "al jazeera", "cctv", "nhk", "yonhap", "kyodo", "efe", "ansa", "dpa", "pti", "ani",
    "irna", "belta", "ukrinform", "anadolu", "sputnik", "cgtn", "politico", "axios", "npr",
    "abc", "cbs", "nbc", "fox news", "sky news", "euronews", "dw", "france 24", "rt",
    "the new york times", "new york times", "washington post", "the washington post",
    "wall street journal", "the wall street journal", "financial times", "the guardian",
    "the economist", "associated press", "the associated press", "agence france-presse",
    "kommersant", "izvestia", "vedomosti", "global times", "people's daily",
})
# Role nouns whose holder is a person ("a spokesperson said").
_PERSON_ROLES = frozenset({
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "official", "aide",
    "envoy", "adviser", "advisor", "secretary", "chancellor", "premier", "leader", "ambassador",
    "diplomat", "governor", "mayor", "senator", "lawmaker", "general", "commander", "chief",
    "director", "chairman", "chairwoman", "analyst", "expert", "witness", "resident",
    "representative", "negotiator", "prosecutor", "judge", "king", "queen", "prince", "pope",
})
_ORG_ENTITY_TYPES = ("ORG", "GPE", "NORP", "LOC")
_EXPLETIVES = frozenset({"it", "there", "this", "that", "which", "who", "what"})
_UNRESOLVED_PRONOUNS = frozenset({"they", "we", "i", "you", "them", "us", "one"})
# Modifiers trimmed from a source phrase: they are not part of the source's name.
_CUT_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "npadvmod"})
_LEADING_TRIM = frozenset({"det", "advmod", "cc", "punct", "preconj"})


@dataclass
class _Found:
    """A source found in a sentence before chains are assembled."""

    source: str
    cue_token: object
    kind: str
    entity: str | None
    cited: list[str] = field(default_factory=list)
    outer: bool = False  # "according to X" and trailing "..., X reported" wrap the rest
    the_report: bool = False  # a bare "the report": an outlet's report told earlier (_resolve_the_report)


def extract_attributions(doc, entities: list[Entity], *, text: str | None = None) -> list[Attribution]:
    """Find every attributed source in ``doc``, one Attribution per source.

    Args:
        doc: spaCy Doc of ``Article.text`` (offsets are the article's).
        entities: the article's entities; a source whose words are one of
            their mentions gets that entity's id in ``source_entity``.
        text: ``doc.text`` when the caller has built it already (Doc
            rebuilds that string on every access).

    Returns the attributions in text order; the outermost source of a
    sentence carries the whole chain.
    """
    if text is None:
        text = doc.text
    index = MentionIndex(entities)
    quotes = quoted_spans(text)
    # the only tokens a rule of _sentence_sources can fire on, and the "citing" verbs
    cues = sorted({*positions(attr_in(doc, LOWER, ("according",))),
                   *lower_in(doc, LEMMA, REPORTING_VERBS, positions(attr_in(doc, POS, ("VERB", "AUX")))),
                   *lower_in(doc, LEMMA, STANCE_ADJECTIVES, positions(attr_in(doc, DEP, ("acomp", "ROOT"))))})
    citing = positions(attr_in(doc, LEMMA, ("cite",)) & attr_in(doc, POS, ("VERB",)))
    out: list[Attribution] = []
    last_outlet: _Found | None = None
    for sent in doc.sents:
        found = _sentence_sources(sent, within(cues, sent), index, quotes)
        _attach_citations(sent, within(citing, sent), found, index, quotes)
        last_outlet = _resolve_the_report(found, last_outlet)
        out.extend(_to_attributions(sent, found, text))
    return out


def outermost(attributions: list[Attribution], start: int, end: int) -> Attribution | None:
    """The attribution a sentence [start, end) rests on: the one with the longest chain."""
    inside = [a for a in attributions if a.start >= start and a.end <= end]
    if not inside:
        return None
    return max(inside, key=lambda a: (len(a.chain), -a.cue_start))


# Sorts after every (start, end) pair with the same start, for the bisection below.
_AFTER_ANY_END = sys.maxsize


def _in_quote(token, quotes: list[tuple[int, int]]) -> bool:
    """Whether ``token`` starts inside a quoted span (spans are sorted and disjoint: one bisection)."""
    k = bisect.bisect_right(quotes, (token.idx, _AFTER_ANY_END)) - 1
    return k >= 0 and token.idx < quotes[k][1]


def _sentence_sources(sent, cues: list[int], index: MentionIndex, quotes) -> list[_Found]:
    """The sources of ``sent`` whose cue is one of the tokens ``cues``: "according", a reporting verb, or
    a stance adjective as acomp/ROOT (no rule fires on any other)."""
    found: list[_Found] = []
    doc = sent.doc
    for i in cues:
        tok = doc[i]
        low = tok.lower_
        if _in_quote(tok, quotes):
            continue
        if low == "according":
            pobj = _according_object(tok)
            if pobj is not None:
                f = _make(pobj, tok, index)
                if f:
                    f.outer = True
                    found.append(f)
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING_VERBS:
            f = _reporting_source(tok, index)
            if f:
                found.append(f)
        elif tok.lemma_.lower() in STANCE_ADJECTIVES and tok.dep_ in ("acomp", "ROOT"):
            subj = _subject(tok.head if tok.dep_ == "acomp" else tok)
            if subj is not None and subj.lower_ not in _EXPLETIVES | _UNRESOLVED_PRONOUNS:
                f = _make(subj, tok, index)
                if f:
                    found.append(f)
    return found


def pobj_of(prep):
    """The object of a preposition ("to" -> "Al Jazeera", "by" -> "the police"), or None."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _according_object(tok):
    """The source of "according to X", whether the parser hangs "to" under "according" or beside it."""
    for child in tok.children:
        if child.lower_ == "to" and pobj_of(child) is not None:
            return pobj_of(child)
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return pobj_of(nxt) if nxt is not None and nxt.lower_ == "to" else None


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    return None


def _reporting_source(verb, index: MentionIndex) -> _Found | None:
    """The source of one reporting verb: its subject, a passive agent, or a quoted person."""
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in verb.children):
        return None  # "after the envoy reported to the president": an act in time
    trailing = verb.dep_ in ("advcl", "parataxis", "ccomp") and _trails(verb)
    if lemma in _NEEDS_CLAUSE and not deps & {"ccomp", "xcomp", "parataxis"} and not trailing:
        return None
    if not deps & _CONTENT_DEPS and not trailing and not _has_quote_mark(verb.sent):
        return None
    if lemma == "express" and not any(c.dep_ == "dobj" and c.lemma_.lower() in _EXPRESSED_VIEWS
                                      for c in verb.children):
        return None
    if lemma == "report" and not deps & {"ccomp", "dobj", "parataxis", "xcomp"} \
            and not trailing and not _has_quote_mark(verb.sent):
        return None  # "she reported to the board about it": an act, not a source
    subj = None
    passive = False
    for child in verb.children:
        if child.dep_ == "nsubj":
            subj = child
        elif child.dep_ == "nsubjpass":
            subj, passive = child, True
    if passive:
        agent = _passive_agent(verb)
        if agent is not None:
            subj = agent
        elif lemma not in ("quote", "cite"):
            return None  # "it was reported that" names nobody
    if subj is None:
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and lemma in _EVIDENTIAL:
            return None  # "..., suggesting that ...": the writer's inference
        subj = _inherited_subject(verb)
    if subj is not None and subj.tag_ in ("WP", "WDT"):
        subj = _relative_antecedent(subj)
    if subj is None or subj.lower_ in _EXPLETIVES or _before_colon(subj, verb):
        return None
    if not passive and lemma == "quote":
        # "TASS quoted the minister as saying": TASS relays the minister.
        quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        f = _make(subj, verb, index)
        if f and quoted is not None:
            g = _make(quoted, verb, index)
            if g:
                f.cited.append(g.source)
        return f
    return _make(subj, verb, index)


def _resolve_the_report(found: list[_Found], last_outlet: _Found | None) -> _Found | None:
    """"Bloomberg News reported ... . The report said, citing ...": "the report" is Bloomberg's.

    A bare definite report noun names no one; left as it is, the cross-check
    would count it as a source of its own. It takes the nearest earlier news
    outlet among the article's sources, with its entity; where the article
    names none before it, it stays as written. Returns the nearest outlet so
    far, for the next sentence.
    """
    for f in sorted(found, key=lambda f: f.cue_token.i):
        if f.the_report and last_outlet is not None:
            f.source, f.kind, f.entity = last_outlet.source, last_outlet.kind, last_outlet.entity
        elif f.kind == "outlet":
            last_outlet = f
    return last_outlet


def _has_quote_mark(sent) -> bool:
    return any(ch in sent.text for ch in '"\u201c\u201d')


def _relative_antecedent(rel):
    """"X, who ... , posted": the noun a relative pronoun stands for."""
    for anc in rel.ancestors:
        if anc.dep_ == "relcl":
            return anc.head
    return None


def _before_colon(subj, verb) -> bool:
    """A dateline ("CITY, Month 7 : ...") parsed as the subject is no source."""
    lo, hi = sorted((subj.i, verb.i))
    return any(t.text == ":" or "\n" in t.text_with_ws for t in subj.doc[lo:hi])


def _trails(verb) -> bool:
    """True for a trailing "..., Belta reported": the verb comes after its head clause.

    The subject then directly follows a comma or a closing quote, and the
    verb takes no conjunction of its own ("after the envoy reported" is not).
    """
    if verb.head.i >= verb.i or any(c.dep_ in ("mark", "ccomp", "dobj") for c in verb.children):
        return False
    subj = _subject(verb)
    if subj is None or subj.i > verb.i:
        return False
    left = subj.left_edge.i
    return left > 0 and verb.doc[left - 1].text in {",", "\u201d", '"', "'"}


def _passive_agent(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _inherited_subject(verb):
    """Subject of a controlling clause: "declined to comment, saying ..." -> the decliner."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i:
            return None
        node = node.head
        subj = _subject(node)
        if subj is not None and subj.dep_ != "nsubjpass":
            return subj
    return None


def _attach_citations(sent, citing: list[int], found: list[_Found], index: MentionIndex, quotes) -> None:
    """Fold "citing X" into the source it modifies, or make X a source of its own.

    ``citing`` are the sentence's tokens with lemma "cite" tagged VERB.
    """
    doc = sent.doc
    for i in citing:
        tok = doc[i]
        if _in_quote(tok, quotes):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "pobj")), None)
        if obj is None:
            continue
        cited = _make(obj, tok, index)
        if cited is None:
            continue
        host = _host_for(tok, found)
        if host is not None:
            host.cited.append(cited.source)
        else:
            found.append(cited)


def _host_for(cite_tok, found: list[_Found]) -> _Found | None:
    """The source whose verb governs (or is governed by) the "citing" participle."""
    for anc in [cite_tok.head, *cite_tok.ancestors]:
        for f in found:
            if f.cue_token.i == anc.i:
                return f
    for f in found:
        if any(ch.i == cite_tok.i for ch in f.cue_token.subtree):
            return f
    # "TASS said, citing the Kremlin" may attach "citing" to the reported clause.
    before = [f for f in found if f.cue_token.i < cite_tok.i]
    return before[-1] if before else None


def _make(head, cue, index: MentionIndex) -> _Found | None:
    """Build a source from the head token of the source phrase."""
    if head.lower_ in _UNRESOLVED_PRONOUNS | _EXPLETIVES and index.at(head.idx, head.idx + len(head)) is None:
        return None
    ent = resolve_token(index, head)
    if head.pos_ == "PRON":
        if ent is None:
            return None
        return _Found(ent.name, cue, _kind_of_entity(ent, ent.name), ent.id)
    text = _phrase(head)
    if not text:
        return None
    if ent is not None and _is_descriptor(head, ent):
        text = ent.name
    kind = _kind(head, text, ent)
    return _Found(text, cue, kind, ent.id if ent else None, the_report=_is_the_report(head))


def _is_the_report(head) -> bool:
    """"the report", "this article": a report noun with a definite determiner and nothing else."""
    if head.lemma_.lower() not in _REPORT_NOUNS or head.ent_type_:
        return False
    children = list(head.children)
    return bool(children) and all(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)


def _is_descriptor(head, ent: Entity) -> bool:
    """True when the phrase describes the entity ("the Russian president") rather than names it."""
    for m in ent.mentions:
        if m.start <= head.idx < m.end:
            return m.kind in ("descriptor", "pronoun")
    return False


def _phrase(head) -> str:
    """The source phrase: the head's subtree without clauses, appositions and trailing commas."""
    keep = _kept_tokens(head)
    if not keep:
        return ""
    keep.sort(key=lambda t: t.i)
    # keep only the contiguous block around the head
    lo = hi = keep.index(head)
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1 and "\n" not in keep[lo].doc[keep[lo].i - 1].text_with_ws:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1 and "\n" not in keep[hi].text_with_ws:
        hi += 1
    block = keep[lo:hi + 1]
    while block and block[0].dep_ in _LEADING_TRIM and block[0].i != head.i:
        block = block[1:]
    while block and (block[-1].is_punct or block[-1].dep_ == "cc"):
        block = block[:-1]
    if not block:
        return ""
    return head.doc[block[0].i:block[-1].i + 1].text  # a Span: Doc.text would rebuild the whole text


def _kept_tokens(head) -> list:
    out = [head]
    for child in head.children:
        if child.is_space or "\n" in child.text:
            continue
        if child.dep_ == "appos" and child.pos_ == "PROPN" and head.pos_ == "NOUN":
            out.extend(_kept_tokens(child))  # "state outlet Belta": the name is the point
            continue
        if child.dep_ in _CUT_DEPS:
            continue
        if child.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue
        out.extend(_kept_tokens(child))
    return out


def _kind(head, text: str, ent: Entity | None) -> str:
    low = text.lower()
    words = set(low.replace("'s", " ").split())
    if low in _OUTLET_NAMES or low.removeprefix("the ") in _OUTLET_NAMES or words & _OUTLET_WORDS \
            and "service" not in words:
        return "outlet"
    lemma = head.lemma_.lower()
    if lemma in DOCUMENT_NOUNS and head.ent_type_ == "":
        return "document"
    if ent is not None:
        return _kind_of_entity(ent, text)
    if head.ent_type_ == "PERSON" or lemma in _PERSON_ROLES and head.tag_ in ("NN", "NNP"):
        return "person"
    if head.ent_type_ in _ORG_ENTITY_TYPES or head.tag_ == "NNP" or lemma in _ORG_NOUNS:
        return "organisation"
    return "description"


def _kind_of_entity(ent: Entity, text: str) -> str:
    low = text.lower()
    if low in _OUTLET_NAMES or ent.name.lower() in _OUTLET_NAMES:
        return "outlet"
    if ent.type == "PERSON":
        return "person"
    if ent.type in _ORG_ENTITY_TYPES:
        return "organisation"
    return "description"


def _to_attributions(sent, found: list[_Found], text: str) -> list[Attribution]:
    """Chain the sentence's sources, outer first, and emit one Attribution per source.

    A source wraps another when its cue governs the other's cue in the parse
    ("TASS said X told reporters ..."), except for the trailing shape
    "..., Belta reported", where the reporting verb hangs below the clause
    it reports; "according to X" wraps everything else in its sentence.
    """
    if not found:
        return []
    found = _dedupe(found)
    wraps: dict[int, list[int]] = {i: [] for i in range(len(found))}
    for i, a in enumerate(found):
        for j, b in enumerate(found):
            if i != j and _wraps(a, b):
                wraps[i].append(j)
    out = []
    for i, f in enumerate(found):
        chain = [f.source, *f.cited]
        for j in sorted(wraps[i], key=lambda j: found[j].cue_token.i):
            if i in wraps[j]:
                continue
            chain += [s for s in [found[j].source, *found[j].cited] if s not in chain]
        out.append(_attribution(sent, f, chain, text))
    out.sort(key=lambda a: a.cue_start)
    return out


def _wraps(a: _Found, b: _Found) -> bool:
    if a.outer != b.outer:
        return a.outer
    ta, tb = a.cue_token, b.cue_token
    if ta in tb.ancestors:
        if tb.head.i == ta.i and tb.dep_ in ("advcl", "parataxis") and tb.i > ta.i:
            return False
        return _path_child(ta, tb).dep_ in _REPORTED_DEPS
    if tb in ta.ancestors:
        return ta.head.i == tb.i and ta.dep_ in ("advcl", "parataxis") and ta.i > tb.i
    return False


def _path_child(top, low):
    """The child of ``top`` on the way down to ``low``."""
    node = low
    while node.head.i != top.i:
        node = node.head
    return node


def _dedupe(found: list[_Found]) -> list[_Found]:
    seen: set[str] = set()
    out = []
    for f in found:
        key = f.source.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _attribution(sent, f: _Found, chain: list[str], text: str) -> Attribution:
    """The Attribution of ``f``; ``text`` is the doc's, sliced for the sentence (Span.text joins its tokens)."""
    cue = f.cue_token
    cue_text = cue.text
    cue_end = cue.idx + len(cue.text)
    if cue.lower_ == "according":
        cue_text, cue_end = "according to", cue.idx + len("according to")
    return Attribution(
        source=f.source,
        start=sent.start_char,
        end=sent.end_char,
        sentence=text[sent.start_char:sent.end_char],
        cue=cue_text,
        cue_start=cue.idx,
        cue_end=cue_end,
        chain=chain,
        source_kind=f.kind,  # type: ignore[arg-type]
        source_entity=f.entity,
    )
