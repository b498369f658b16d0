"""Entities inside one article: NER spans repaired, typed, and their mentions resolved to one entity.

spaCy's NER gives spans; an analyst needs referents. This module
1. keeps the entity kinds the report uses and fixes two common NER errors
   (a title folded into an ORG span, "Kazakh President A. B" -> PERSON "A. B";
   one surname typed ORG in one sentence and PERSON elsewhere -> majority);
2. groups the name mentions of one referent (full name, surname, initials of a
   multi-word name) into one Entity;
3. collects the descriptors the article attaches to each entity from the
   dependency parse (pre-modifiers "Belarusian dictator", appositions ", a real
   estate billionaire") as ``Entity.labels``, the raw material of framing;
4. links role descriptions ("the Russian president", "his Chinese
   counterpart") to the person the article names with that title and
   nationality.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from newsprism.model import Entity, EntityType, Mention
from newsprism.nlp.token_filter import attr_in

# spaCy label -> newsprism type; labels absent here (DATE, CARDINAL, ...) are
# numbers and dates, which temporal.py and quantities.py handle.
_TYPE_MAP: dict[str, EntityType] = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP",
    "EVENT": "EVENT", "PRODUCT": "OTHER", "WORK_OF_ART": "OTHER", "LAW": "OTHER", "LANGUAGE": "OTHER",
}

# Heads of person descriptions (general English, not names). The classes let
# "the Russian leader" find the person the article calls "Russian President".
_LEADER_TITLES = frozenset({
    "president", "leader", "premier", "prime", "chancellor", "king", "queen", "dictator", "strongman",
    "autocrat", "ruler", "monarch", "emir", "sultan", "ayatollah", "emperor", "head", "president-elect",
})
_OTHER_TITLES = frozenset({
    "minister", "secretary", "envoy", "ambassador", "aide", "adviser", "advisor", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "governor", "senator", "mayor",
    "prince", "princess", "general", "commander", "chief", "director", "official", "diplomat",
    "negotiator", "ceo", "founder", "judge", "lawmaker", "congressman", "congresswoman", "speaker",
    "pope", "sheikh", "representative", "attorney", "counsel", "officer", "colonel", "lieutenant",
    "admiral", "marshal", "deputy", "vice", "mogul", "billionaire", "businessman", "businesswoman",
    "tycoon", "activist", "journalist", "correspondent", "analyst", "economist", "professor", "lawyer",
    "candidate", "nominee", "opposition", "mp", "counterpart", "emissary", "executive", "owner",
})
TITLE_WORDS = _LEADER_TITLES | _OTHER_TITLES
# "his Chinese counterpart" names the person of that nationality holding the
# same office as the subject: it matches any title, provided the modifier does.
_WILDCARD_TITLES = frozenset({"counterpart"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "gen", "sen", "rep", "gov", "lt", "col"})
# Endings of English nationality adjectives (Moldovan, Togolese, Danish, Iraqi).
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic")
_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "into", "across", "outside", "inside"})
_ROLE_DETERMINERS = frozenset({"the", "his", "her", "their", "its"})
_ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "de", "&"})
# Longest apposition kept as a label, in tokens: longer ones are clauses
# ("a man who ..."), not descriptors; set by reading seed and BASIL output.
_MAX_APPOS_TOKENS = 10
# Shortest shared prefix for a modifier to match a nationality or place
# ("Russian" ~ "Russia", "Belarusian" ~ "Belarus"); 4 avoids "Austr-" style clashes being common.
_MODIFIER_PREFIX = 4


@dataclass
class _Name:
    """One name mention after NER repair, before grouping.

    ``span`` is never reassigned, so its text, key and person tokens are
    computed once: Span.text joins the tokens anew on every access, and
    grouping reads the key and person tokens of every name several times
    (those of every earlier name for each ambiguous surname).
    """

    span: Span
    type: EntityType
    labels: list[Mention] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        return self.span.text

    @cached_property
    def key(self) -> str:
        return _norm(self.text)

    @cached_property
    def person_tokens(self) -> tuple[str, ...]:
        """The name's words lower-cased, without punctuation, honorifics and their dots: ("jane", "roe")."""
        return tuple(t.lower_.rstrip(".") for t in self.span
                     if not t.is_punct and t.lower_.rstrip(".") not in _HONORIFICS)


def _norm(text: str) -> str:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return " ".join(text.replace(".", "").lower().split())


def is_title(tok: Token) -> bool:
    """Whether ``tok`` is a title or role word ("President", "aide", "Gen.")."""
    low = tok.lower_.rstrip(".")
    return low in TITLE_WORDS or low in _HONORIFICS


def extract_entities(doc: Doc, article_id: str, *, end: int | None = None) -> list[Entity]:
    """Return the article's entities, mentions resolved, labels attached, ids ``{article_id}:e{n}``.

    ``end`` limits the analysis to the body (text before the reference list).
    """
    limit = _doc_length(doc) if end is None else end
    names = _repair_names(doc, limit)
    _vote_types(names)
    for name in names:
        name.labels = _premodifier_labels(name.span) + _apposition_labels(name.span)
    groups = _group_names(names)
    person_tokens = {t.i for n in names if n.type == "PERSON" for t in n.span}
    _link_role_descriptions(doc, groups, limit, person_tokens)
    groups.sort(key=lambda g: g.first_start)
    return [g.to_entity(f"{article_id}:e{i}") for i, g in enumerate(groups)]


# --------------------------------------------------------------------------- NER repair


def _repair_names(doc: Doc, limit: int) -> list[_Name]:
    out: list[_Name] = []
    for ent in doc.ents:
        if ent.start_char >= limit:
            break
        etype = _TYPE_MAP.get(ent.label_)
        if etype is None:
            continue
        span = _trim(ent)
        if span is None:
            continue
        split = _split_title(span)
        if split is not None:
            span, etype = split, "PERSON"
        elif etype in ("PERSON", "ORG") and _is_demonym(span):
            etype = "NORP"  # "Moldovan" in "Moldovan President", tagged PERSON: it names no one
        out.append(_Name(span=span, type=etype))
    return out


def _is_demonym(span: Span) -> bool:
    """A lone adjective of nationality before a title or noun ("Moldovan President", "Ghanaian officials")."""
    if len(span) != 1 or span.end >= len(span.doc):
        return False
    tok, nxt = span[0], span.doc[span.end]
    if tok.pos_ == "ADJ":
        return True
    return tok.lower_.endswith(_DEMONYM_ENDINGS) and (is_title(nxt) or nxt.pos_ == "NOUN")


def _doc_length(doc: Doc) -> int:
    return len(doc[-1].text) + doc[-1].idx + len(doc[-1].whitespace_) if len(doc) else 0


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and trailing possessive/punctuation that NER sometimes includes."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _split_title(span: Span) -> Span | None:
    """"Kazakh President Kassym-Jomart Tokayev" typed ORG -> the PERSON span after the title.

    Applies when a title word sits inside a non-person span and only proper
    nouns follow it, which is how NER folds "<nationality> <title> <name>"
    into one organisation.
    """
    title_at = -1
    for tok in span:
        if is_title(tok):
            title_at = tok.i
    if title_at < 0 or title_at == span.end - 1:
        return None
    rest = span.doc[title_at + 1 : span.end]
    if not all(t.pos_ == "PROPN" or t.is_punct for t in rest) or not rest[0].is_title:
        return None
    if span.label_ != "PERSON" and title_at == span.start and span.doc[title_at].is_title:
        return None  # "General Motors": a capitalised title opening an ORG name is part of it
    return rest


def _vote_types(names: list[_Name]) -> None:
    """One surface form, one type: the majority, and PERSON where it is a known person's surname.

    NER types the same surname ORG in one sentence and PERSON in the next;
    within one article the same name nearly always means the same referent.
    """
    surnames = {n.span[-1].lower_ for n in names if n.type == "PERSON" and len(n.span) > 1}
    fulls = {n.key for n in names if n.type == "PERSON"}
    votes: dict[str, Counter[str]] = {}
    for n in names:
        votes.setdefault(n.key, Counter())[n.type] += 1
    for n in names:
        counts = votes[n.key]
        retypable = n.type in ("ORG", "OTHER", "NORP") or (
            n.type in ("GPE", "LOC") and not _after_place_preposition(n.span))
        if retypable and (n.key in fulls or (len(n.span) == 1 and n.span[0].lower_ in surnames)):
            n.type = "PERSON"
            continue
        best, top = counts.most_common(1)[0]
        if counts[n.type] < top:
            n.type = best  # type: ignore[assignment]


def _after_place_preposition(span: Span) -> bool:
    """"in/to/from X": X is used as a place there, whatever else it names."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _PLACE_PREPOSITIONS


# --------------------------------------------------------------------------- labels


def _is_descriptive(tokens: list[Token]) -> bool:
    """A label must describe (a title, a common noun or adjective, a nationality), not be more name."""
    return any(
        is_title(t) or t.pos_ in ("NOUN", "ADJ") or t.ent_type_ == "NORP" for t in tokens if not t.is_punct
    )


def _mention(tokens: list[Token], kind: str = "descriptor") -> Mention:
    doc = tokens[0].doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc[tokens[0].i : tokens[-1].i + 1].text  # not doc.text: Doc rebuilds that string per access
    return Mention(start=start, end=end, text=text, kind=kind)  # type: ignore[arg-type]


def _premodifier_labels(span: Span) -> list[Mention]:
    """The noun-phrase tokens before a name that modify it: "U.S. special envoy", "Belarusian dictator"."""
    doc = span.doc
    toks: list[Token] = []
    i = span.start - 1
    while i >= 0:
        tok = doc[i]
        if "\n" in tok.whitespace_ or "\n" in tok.text:
            break
        attached = span.start <= tok.head.i < span.end or (toks and tok.head.i == toks[0].i) or (
            tok.head.i > tok.i and tok.head.i < span.end and any(t.i == tok.head.i for t in toks))
        if tok.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "CCONJ", "SCONJ", "NUM") or tok.is_punct:
            break
        if not attached and tok.tag_ != "POS":
            break
        toks.insert(0, tok)
        i -= 1
    if toks and toks[0].tag_ == "POS":
        toks = toks[1:]
    if not toks or not _is_descriptive(toks):
        return []
    return [_mention(toks)]


def _apposition_labels(span: Span) -> list[Mention]:
    """Appositions on either side: "X, a real estate billionaire," and "the Kremlin aide, X"."""
    root = span.root
    out: list[Mention] = []
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= span.end:
            toks = _appos_tokens(child)
            if toks:
                out.append(_mention(toks))
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and not head.ent_type_ and head.pos_ == "NOUN":
        toks = [t for t in head.subtree if t.i <= head.i and t.i >= head.left_edge.i]
        toks = _strip_determiners(toks)
        if toks and _is_descriptive(toks) and len(toks) <= _MAX_APPOS_TOKENS:
            out.append(_mention(toks))
    return out


def _appos_tokens(head: Token) -> list[Token]:
    if head.ent_type_ and head.ent_type_ != "NORP":
        return []  # "Anchorage, Alaska": a second name, not a description
    drop: set[int] = set()
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos"):
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    # keep one contiguous run through the head
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            if run[-1].i >= head.i:
                break
            run = []
        run.append(t)
    run = _strip_determiners(run)
    if not run or len(run) > _MAX_APPOS_TOKENS or not _is_descriptive(run):
        return []
    return run


def _strip_determiners(toks: list[Token]) -> list[Token]:
    while toks and (toks[0].pos_ in ("DET", "PRON") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


# --------------------------------------------------------------------------- grouping


@dataclass
class _Group:
    type: EntityType
    names: list[_Name] = field(default_factory=list)
    descriptors: list[Mention] = field(default_factory=list)

    @property
    def first_start(self) -> int:
        starts = [n.span.start_char for n in self.names] + [d.start for d in self.descriptors]
        return min(starts)

    @property
    def longest(self) -> _Name:
        return max(self.names, key=lambda n: (len([t for t in n.span if not t.is_punct]), len(n.text)))

    def labels(self) -> list[Mention]:
        seen: dict[tuple[int, int], Mention] = {}
        for n in self.names:
            for m in n.labels:
                seen.setdefault((m.start, m.end), m)
        for d in self.descriptors:
            lab = _descriptor_label(d)
            seen.setdefault((lab.start, lab.end), lab)
        return sorted(seen.values(), key=lambda m: m.start)

    def to_entity(self, eid: str) -> Entity:
        mentions = [Mention(start=n.span.start_char, end=n.span.end_char, text=n.text, kind="name") for n in self.names]
        mentions += self.descriptors
        mentions.sort(key=lambda m: m.start)
        return Entity(id=eid, name=_display_name(self.longest.span), type=self.type, mentions=mentions,
                      labels=self.labels())


def _display_name(span: Span) -> str:
    toks = [t for t in span if t.lower_.rstrip(".") not in _HONORIFICS] or list(span)
    return span.doc[toks[0].i : toks[-1].i + 1].text


def _descriptor_label(m: Mention) -> Mention:
    """"the Russian president" as a label: without its determiner."""
    words = m.text.split(" ", 1)
    if len(words) == 2 and words[0].lower() in _ROLE_DETERMINERS:
        return Mention(start=m.start + len(words[0]) + 1, end=m.end, text=words[1], kind="descriptor")
    return m


def _group_names(names: list[_Name]) -> list[_Group]:
    groups: list[_Group] = []
    persons = [n for n in names if n.type == "PERSON"]
    # Longest first; names of one length in the order the text gives them (dict.fromkeys, not a set: a
    # set's order follows the per-process string hash, and "Page" went to Jack or Bettie Page by the run).
    full = sorted(dict.fromkeys(n.person_tokens for n in persons if len(n.person_tokens) > 1),
                  key=len, reverse=True)
    by_key: dict[tuple[str, ...], _Group] = {}
    # full names first, merging "Jane Q. Roe" into "Jane Roe" (same first and last token)
    for toks in full:
        target = next((k for k in by_key if k[0] == toks[0] and k[-1] == toks[-1]), None)
        if target is None:
            by_key[toks] = _Group(type="PERSON")
        else:
            by_key[toks] = by_key[target]
    for n in persons:
        toks = n.person_tokens
        if not toks:
            continue
        grp = by_key.get(toks) or _surname_group(n, toks, by_key, names)
        if grp is None:
            grp = by_key.setdefault(toks, _Group(type="PERSON"))
        grp.names.append(n)
    others: dict[tuple[str, str], _Group] = {}
    for n in names:
        if n.type == "PERSON" or not n.key:
            continue
        others.setdefault((n.type, n.key), _Group(type=n.type)).names.append(n)
    _merge_acronyms(others)
    seen: set[int] = set()
    for g in list(by_key.values()) + list(others.values()):
        if id(g) not in seen and g.names:
            seen.add(id(g))
            groups.append(g)
    return groups


def _surname_group(n: _Name, toks: tuple[str, ...], by_key: dict[tuple[str, ...], _Group],
                   names: list[_Name]) -> _Group | None:
    """"Roe" -> the group of "Jane Roe"; with two Roes, the one named most recently before."""
    if len(toks) != 1:
        return None
    word = toks[0]
    cands = [g for k, g in by_key.items() if len(k) > 1 and k[-1] == word]
    if not cands:
        cands = [g for k, g in by_key.items() if len(k) > 1 and k[0] == word]
    uniq: list[_Group] = []
    for g in cands:
        if all(g is not u for u in uniq):
            uniq.append(g)
    if len(uniq) <= 1:
        return uniq[0] if uniq else None
    best, best_pos = uniq[0], -1
    for g in uniq:
        prior = [m.span.start_char for m in names if m.span.start_char < n.span.start_char
                 and m.type == "PERSON" and len(m.person_tokens) > 1 and by_key.get(m.person_tokens) is g]
        if prior and max(prior) > best_pos:
            best, best_pos = g, max(prior)
    return best


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_STOPWORDS)


def _merge_acronyms(others: dict[tuple[str, str], _Group]) -> None:
    """"U.S." / "US" and "United States" (same type) are one entity."""
    for (etype, key), grp in list(others.items()):
        if " " in key or len(key) < 2 or not grp.names[0].text.replace(".", "").isupper():
            continue
        for (etype2, key2), grp2 in others.items():
            same_kind = etype2 == etype or {etype, etype2} <= {"ORG", "GPE", "LOC"}  # NER wavers on states
            if same_kind and " " in key2 and _initials(key2) == key and grp2 is not grp:
                grp2.names.extend(grp.names)
                grp.names = []
                break


# --------------------------------------------------------------------------- role descriptions


def _link_role_descriptions(doc: Doc, groups: list[_Group], limit: int, person_tokens: set[int]) -> None:
    """Attach "the Russian president" to the person labelled "Russian President" in this article."""
    persons = [g for g in groups if g.type == "PERSON"]
    if not persons:
        return
    # per token: whether it is a role determiner; read for all tokens at once, since most chunks open with none
    determiner = attr_in(doc, LOWER, _ROLE_DETERMINERS).tolist()
    for chunk in doc.noun_chunks:
        if chunk.start_char >= limit:
            break
        if not determiner[chunk.start]:
            continue
        root = chunk.root
        title = root.lower_
        if title not in TITLE_WORDS:
            continue
        if any(t.i in person_tokens for t in chunk) or root.dep_ in ("compound",):
            continue
        if any(t.i in person_tokens for t in root.children if t.dep_ in ("appos", "compound")):
            continue  # "the aide, Yuri Roe": the name carries it as its label already
        modifiers = [t.lower_ for t in chunk[1:] if t.i != root.i and not t.is_punct]
        grp = _best_person(persons, title, modifiers)
        if grp is not None:
            grp.descriptors.append(Mention(start=chunk.start_char, end=chunk.end_char, text=chunk.text,
                                           kind="descriptor"))


def _title_class(word: str) -> str:
    return "leader" if word in _LEADER_TITLES else word


def _modifier_match(mod: str, label_words: list[str]) -> bool:
    if len(mod) < _MODIFIER_PREFIX:
        return mod in label_words
    stem = mod[:_MODIFIER_PREFIX + 1] if len(mod) > _MODIFIER_PREFIX + 2 else mod[:_MODIFIER_PREFIX]
    return any(w == mod or (len(w) >= _MODIFIER_PREFIX and w.startswith(stem)) for w in label_words)


def _best_person(persons: list[_Group], title: str, modifiers: list[str]) -> _Group | None:
    """The person whose labels share the title (class) and the modifiers; None when ambiguous."""
    scored: list[tuple[int, _Group]] = []
    for g in persons:
        for lab in g.labels():
            if lab.kind != "descriptor":
                continue
            words = [w.strip(".,").lower() for w in lab.text.replace("-", " ").split()]
            titles = {_title_class(w) for w in words if w in TITLE_WORDS}
            if title not in _WILDCARD_TITLES and _title_class(title) not in titles:
                continue
            hits = sum(_modifier_match(m, words) for m in modifiers)
            if modifiers and hits == 0:
                continue
            scored.append((hits, g))
    if not scored:
        return None
    top = max(s for s, _ in scored)
    best = {id(g): g for s, g in scored if s == top}
    return next(iter(best.values())) if len(best) == 1 else None
