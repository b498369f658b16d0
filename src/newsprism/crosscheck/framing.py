"""How each outlet labels the story's actors, spells their names, and names the event itself.

Three aspects, each reported only where outlets differ:

- label: the descriptors attached to one referent ("Belarusian dictator" in
  one outlet, "Belarusian President" in another), grouped by their head noun,
  reported when a head carries a judgement or is more than an office title;
- name: the spellings of one referent's full name ("Yury" vs "Yuri", "Kiev"
  vs "Kyiv"). A short form ("Putin") next to a long one ("Vladimir Putin") is
  not a framing difference, so only full forms that are not token subsets of
  each other count;
- event: how each outlet names the story's conflict ("war", "full-scale
  invasion", "crisis"): noun phrases headed by a general event noun and tied
  to a place of the story.

Variants group articles by outlet when it is known, else by article. Each
variant carries its evidence spans and whether ``loaded_terms`` calls it
loaded.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsprism.crosscheck.evidence_spans import sentence_at
from newsprism.crosscheck.loaded_terms import is_loaded
from newsprism.model import AnalyzedArticle, CanonicalEntity, Evidence, Framing, FramingVariant, Mention, Story

# Heads of labels that state an office or role, neutral on their own: two
# outlets choosing "leader" and "president" is not worth a framing entry.
NEUTRAL_TITLES = frozenset(
    "president vice-president leader minister premier chancellor king queen prince emir sultan monarch aide "
    "adviser advisor envoy spokesperson spokesman spokeswoman official head chief chairman chairwoman chair "
    "secretary counterpart representative ambassador governor mayor senator lawmaker legislator director "
    "commander general diplomat negotiator deputy member founder ceo executive officer".split())

# Position words the analysis sometimes attaches to places ("eastern Ukraine"):
# they locate, they do not label.
_POSITION_WORDS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western "
    "northeastern northwestern southeastern southwestern central upper lower inner outer coastal".split())

# General nouns that name a conflict or upheaval (singular only: plurals name
# other, generic happenings: "regional conflicts").
EVENT_NOUNS = frozenset(
    "war invasion conflict crisis operation offensive aggression incursion occupation attack uprising unrest "
    "riot protest crackdown insurgency hostilities fighting standoff siege bombardment annexation "
    "intervention revolution rebellion coup".split())

# Nouns for who governs a place; "regime" or "junta" instead of "government" is a label.
GOVERNMENT_NOUNS = frozenset("government regime administration authorities junta leadership dictatorship".split())

# Modifiers that date or measure an event rather than frame it.
_TEMPORAL = frozenset(
    "ongoing current recent latest continuing new old long longest lengthy protracted years-long "
    "decades-long months-long weeks-long renewed early late first second third last".split())
_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|half|year|"
    r"month|week|day|decade)\b", re.IGNORECASE)
# Suffixes of English adjectives, to tell "military invasion" from "halt invasion".
_ADJ_SUFFIX = ("al", "ary", "ic", "ive", "ous", "ful", "less", "ed", "ing", "ish", "ian", "ese", "ent", "ant", "ar",
               "ile", "ible", "able", "y")
_FUNCTION = frozenset(
    "the a an this that these those its his her their our your my any some no each every of in on at to for "
    "from by with and or but than as is are was were be been being has have had do does did will would can "
    "could should may might must not into over after before during against between amid about which who "
    "whom whose what when where while if so such more most less least very also only even still nearly "
    "almost about around since until through across toward towards within without upon".split())
# Nouns that make an event noun a modifier ("war crimes", "crisis talks"): the
# phrase is then about something else than naming the event.
_COMPOUND_TAILS = frozenset(
    "crime crimes criminal criminals funding funds chest effort efforts zone zones time room rooms talks "
    "management meeting meetings response plan plans games fatigue footing powers cabinet machine economy "
    "victims veterans refugees dead damage reporting reporter reporters correspondent memorial aims goals "
    "budget spending debt production toll helicopter helicopters drone drones group groups squad units "
    "forces police resolution prevention center centre centres centers declaration footage leaders leader "
    "state states change changes".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our your my".split())
_PREPOSITIONS = frozenset("in on against with over of for between across inside".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*(?:\.[A-Z]\.?)?")
_POSSESSIVE = re.compile(r"['’]s$")
# Two variant groups must come from at least this many outlets to be a difference.
MIN_OUTLETS = 2


@dataclass
class _Variant:
    """Occurrences of one variant: surface forms, articles, evidence."""

    forms: Counter[str] = field(default_factory=Counter)
    article_ids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def add(self, form: str, analyzed: AnalyzedArticle, start: int, end: int) -> None:
        self.forms[form] += 1
        if analyzed.id not in self.article_ids:
            self.article_ids.append(analyzed.id)
        sent = sentence_at(analyzed, start, end)
        self.evidence.append(Evidence(article_id=analyzed.id, sentence=sent.text, start=start, end=end))

    def term(self) -> str:
        """The most used surface form; ties go to the longer one, then alphabetical."""
        return min(self.forms.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]


def _outlet(analyzed: AnalyzedArticle) -> str:
    return (analyzed.article.outlet or "").strip().lower() or analyzed.id


def _differ(variants: dict[str, _Variant], by_id: dict[str, AnalyzedArticle]) -> bool:
    """Two or more variants, used by two or more outlets, and not every outlet using the same ones."""
    if len(variants) < 2:
        return False
    outlet_sets = [frozenset(_outlet(by_id[a]) for a in v.article_ids) for v in variants.values()]
    return len(frozenset().union(*outlet_sets)) >= MIN_OUTLETS and len(set(outlet_sets)) >= 2


def _framing(subject: str, aspect: str, variants: dict[str, _Variant]) -> Framing:
    out = [FramingVariant(term=v.term(), article_ids=sorted(v.article_ids), loaded=is_loaded(v.term()),
                          evidence=v.evidence) for v in variants.values()]
    out.sort(key=lambda v: (-len(v.article_ids), v.term.lower()))
    return Framing(subject=subject, variants=out, aspect=aspect)  # type: ignore[arg-type]


def _members(entity: CanonicalEntity, by_id: dict[str, AnalyzedArticle]) -> Iterable[tuple[AnalyzedArticle, list]]:
    for aid, local_ids in entity.members.items():
        analyzed = by_id.get(aid)
        if analyzed is None:
            continue
        yield analyzed, [e for e in (analyzed.entity(x) for x in local_ids) if e is not None]


# --------------------------------------------------------------------------- labels


def _clean_label(text: str) -> str:
    """Drop determiners and a partitive ("one of his closest allies" -> "closest allies")."""
    words = text.strip().strip(",;:").split()
    if len(words) > 2 and [w.lower() for w in words[:2]] == ["one", "of"]:
        words = words[2:]
    while words and (words[0].lower() in _DETERMINERS or _POSSESSIVE.search(words[0])):
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(words)


def _label_head(form: str) -> str:
    """The noun a label is about: its last word before a preposition ("envoy" in "envoy for trade")."""
    words = form.split()
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _PREPOSITIONS or w.lower() in ("to", "at", "from"):
            words = words[:i]
            break
    return _POSSESSIVE.sub("", words[-1]).lower()


def _label_framings(story: Story, by_id: dict[str, AnalyzedArticle]) -> list[Framing]:
    out = []
    for entity in story.entities:
        by_head: dict[str, _Variant] = {}
        for analyzed, locals_ in _members(entity, by_id):
            for ent in locals_:
                for label in ent.labels:
                    form = _clean_label(label.text)
                    if not form or form.lower() in _POSITION_WORDS:
                        continue
                    head = _label_head(form)
                    by_head.setdefault(head, _Variant()).add(form, analyzed, label.start, label.end)
        if not _differ(by_head, by_id):
            continue
        telling = [h for h, v in by_head.items() if h not in NEUTRAL_TITLES or is_loaded(v.term())]
        if telling:
            out.append(_framing(entity.name, "label", by_head))
    return out


# --------------------------------------------------------------------------- names


@functools.lru_cache(maxsize=65536)
def _name_tokens(form: str) -> tuple[str, ...]:
    """Lowercased name words, initials dropped ("Kirill A. Dmitriev" -> ("kirill", "dmitriev")).

    Cached: a story's articles repeat the same few names in most of their mentions.
    """
    words = re.findall(r"[^\W\d_][\w']*", form)  # "Kassym-Jomart" -> "Kassym", "Jomart"
    return tuple(w.lower() for w in words if len(w.rstrip(".")) > 1)


@functools.lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """First letter + consonants, doubles collapsed, y as a vowel: "Kyiv" and "Kiev" -> "kv".

    Cached: every pair of full name forms compares the skeletons of their words.
    """
    w = word.lower()
    rest = re.sub(r"[aeiouy\W]", "", w[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return w[:1] + rest


def _spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one word: a transliteration ("Yury"/"Yuri", "Zelensky"/"Zelenskyy") or a
    short given name ("Steve"/"Stephen")."""
    if a == b:
        return True
    if a[:1] != b[:1]:
        return False
    if _skeleton(a) == _skeleton(b) or a.rstrip("y") == b.rstrip("y"):
        return True
    prefix = 0
    for x, y in zip(a, b):
        if x != y:
            break
        prefix += 1
    return prefix >= 3


def _same_name(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    return len(x) == len(y) and all(_spelling_variants(a, b) for a, b in zip(x, y))


def _name_forms(entities: list[tuple[AnalyzedArticle, list]]) -> list[tuple[AnalyzedArticle, Mention, tuple[str, ...]]]:
    out = []
    for analyzed, locals_ in entities:
        for ent in locals_:
            for m in ent.mentions:
                if m.kind != "name":
                    continue
                form = _POSSESSIVE.sub("", m.text.strip())
                toks = _name_tokens(form)
                if toks:
                    out.append((analyzed, Mention(m.start, m.end, form, m.kind), toks))
    return out


def _name_framing(subject: str, forms: list[tuple[AnalyzedArticle, Mention, tuple[str, ...]]],
                  by_id: dict[str, AnalyzedArticle]) -> Framing | None:
    token_sets = {toks: set(toks) for _, _, toks in forms}
    # Full forms: not a strict token subset of another form (drops "Putin" beside "Vladimir Putin").
    full = [t for t, s in token_sets.items() if not any(s < o for o in token_sets.values())]
    if len(full) < 2:
        return None
    # Every pair of full forms must be spellings of one name; else the entity merged two people.
    if not all(_same_name(a, b) for a in full for b in full):
        return None
    variants: dict[tuple[str, ...], _Variant] = {}
    for analyzed, mention, toks in forms:
        if toks in full:
            variants.setdefault(toks, _Variant()).add(mention.text, analyzed, mention.start, mention.end)
    keyed = {" ".join(k): v for k, v in variants.items()}
    return _framing(subject, "name", keyed) if _differ(keyed, by_id) else None


def _spelling_twins(story: Story) -> list[list[CanonicalEntity]]:
    """Entities the linker kept apart that are one name spelt two ways ("Kiev", "Kyiv").

    Kept apart only when they never appear in the same article (an article
    naming both is talking about two things) and have the same type.
    """
    buckets: dict[tuple[str, str], list[CanonicalEntity]] = {}
    for ent in story.entities:
        toks = _name_tokens(ent.name)
        if toks:
            key = (ent.type, " ".join(_skeleton(t) + t[-1] for t in toks))
            buckets.setdefault(key, []).append(ent)
    groups = []
    for ents in buckets.values():
        if len(ents) < 2:
            continue
        seen: set[str] = set()
        group = []
        for ent in sorted(ents, key=lambda e: -len(e.article_ids)):
            if seen.isdisjoint(ent.article_ids):
                group.append(ent)
                seen.update(ent.article_ids)
        if len(group) >= 2:
            groups.append(group)
    return groups


def _name_framings(story: Story, by_id: dict[str, AnalyzedArticle]) -> list[Framing]:
    out = []
    twins = _spelling_twins(story)
    twinned = {id(e) for g in twins for e in g}
    for group in [[e] for e in story.entities if id(e) not in twinned] + twins:
        forms = [f for e in group for f in _name_forms(list(_members(e, by_id)))]
        framing = _name_framing(group[0].name, forms, by_id)
        if framing is not None:
            out.append(framing)
    return out


# --------------------------------------------------------------------------- the event itself


@dataclass
class _NounPhrase:
    """A phrase headed by an event or government noun, as one article wrote it."""

    analyzed: AnalyzedArticle
    head: str
    key: str  # framing modifiers + head: "full-scale invasion"
    form: str  # as written, place modifiers kept: "Ukrainian crisis"
    start: int
    end: int
    places: list[str]  # story places it is tied to (canonical names)
    definite: bool


def _place_index(story: Story, types: tuple[str, ...] = ("GPE", "LOC")) -> dict[str, str]:
    """Lowercased name or alias -> the canonical name, for entities of ``types`` (demonyms: ``_place_of``)."""
    index: dict[str, str] = {}
    for ent in story.entities:
        if ent.type not in types:
            continue
        for name in [ent.name, *ent.aliases]:
            index.setdefault(name.lower(), ent.name)
    return index


def _place_of(word: str, places: dict[str, str]) -> str | None:
    """The story place a word names or derives from ("Ukrainian" -> "Ukraine", "Russia's" -> "Russia")."""
    w = _POSSESSIVE.sub("", word).lower()
    if w in places:
        return places[w]
    if not word[:1].isupper() or len(w) < 4:
        return None
    for name, canonical in places.items():
        if " " in name:
            continue
        prefix = 0
        for x, y in zip(w, name):
            if x != y:
                break
            prefix += 1
        if prefix >= 4 and prefix >= min(len(w), len(name)) - 2:
            return canonical
    return None


def _places_in(word: str, places: dict[str, str]) -> list[str]:
    """Story places a word names, parts of "Russia-Ukraine" included."""
    found = _place_of(word, places)
    if found:
        return [found]
    if "-" in word and word[:1].isupper():
        return [p for part in word.split("-") if (p := _place_of(part, places))]
    return []


def _body_spans(analyzed: AnalyzedArticle) -> str:
    """The article text with its reference list blanked (other outlets' titles are not its framing)."""
    text = analyzed.article.text
    for ref in analyzed.article.references:
        if ref.end > ref.start:
            text = text[:ref.start] + " " * (ref.end - ref.start) + text[ref.end:]
    return text


@functools.lru_cache(maxsize=32)
def _words(text: str) -> tuple[re.Match[str], ...]:
    """The words of an article body; cached because each article is read once per noun family."""
    return tuple(_WORD.finditer(text))


@functools.lru_cache(maxsize=None)
def _head_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """Where one of ``nouns`` may be a whole word of ``_WORD``: not followed by a letter, hyphen or
    apostrophe (a word stops only there). Most articles have no such place, and searching this
    pattern costs a tenth of splitting the text into words, which they then skip."""
    return re.compile("(?:" + "|".join(re.escape(n) for n in sorted(nouns)) + r")(?![A-Za-z\-'])")


def _noun_phrases(analyzed: AnalyzedArticle, places: dict[str, str], nouns: frozenset[str]) -> list[_NounPhrase]:
    """Phrases headed by one of ``nouns``, with their framing modifiers and the story places they are tied to."""
    text = _body_spans(analyzed)
    if not _head_pattern(nouns).search(text):
        return []
    words = _words(text)
    out = []
    for i, m in enumerate(words):
        head = m.group()
        if head not in nouns:  # lowercase only: "Operation Sunrise" names one operation
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        gap_after = text[m.end():nxt.start()] if nxt else ""
        if nxt and gap_after.strip() == "" and nxt.group() in _COMPOUND_TAILS:
            continue  # a compound's modifier: "war funding", "crisis talks"
        # Walk back over modifiers in the same clause.
        mods: list[re.Match[str]] = []
        linked: list[str] = []
        definite = compound = False
        j = i - 1
        while j >= 0:
            w = words[j]
            if text[w.end():words[j + 1].start()].strip() not in ("",):
                break
            low = w.group().lower()
            word_places = _places_in(w.group(), places)
            linked.extend(word_places)
            if _POSSESSIVE.search(w.group()):
                definite = True  # "Russia's invasion", "its war": the possessor ends the phrase
                break
            if word_places:
                mods.insert(0, w)
            elif low in _DETERMINERS:
                definite = True
                break
            elif low in _FUNCTION:
                break
            elif "-" in low or low.endswith(_ADJ_SUFFIX) or w.group()[0].isupper():
                mods.insert(0, w)
            elif j == i - 1:
                compound = True  # "rescue operation", "trade war": names another kind of thing
                break
            else:
                break
            j -= 1
        if compound:
            continue
        # A following "in/against/with/on <place>" ties it to that place.
        if nxt and nxt.group().lower() in _PREPOSITIONS and gap_after.strip() == "":
            k = i + 2
            while k < len(words) and words[k].group().lower() in ("the",):
                k += 1
            if k < len(words):
                linked.extend(_places_in(words[k].group(), places))
        framing_mods = [w.group() for w in mods
                        if not _places_in(w.group(), places) and w.group().lower() not in _TEMPORAL
                        and not _NUMBER_WORD.search(w.group()) and not w.group()[0].isupper()]
        shown = [w.group() for w in mods if w.group().lower() not in _TEMPORAL and not _NUMBER_WORD.search(w.group())]
        start = mods[0].start() if mods else m.start()
        out.append(_NounPhrase(
            analyzed=analyzed, head=head.lower(),
            key=" ".join([*(x.lower() for x in framing_mods), head.lower()]),
            form=" ".join([*shown, head.lower()]), start=start, end=m.end(),
            places=linked, definite=definite))
    return out


def _event_framings(story: Story, articles: list[AnalyzedArticle], by_id: dict[str, AnalyzedArticle]) -> list[Framing]:
    places = _place_index(story)
    if not places:
        return []
    phrases = [p for a in articles for p in _noun_phrases(a, places, EVENT_NOUNS)]
    tied = [p for p in phrases if p.places]
    if not tied:
        return []
    # The story's conflict: the place its event nouns are most often tied to.
    place_counts = Counter(pl for p in tied for pl in set(p.places))
    main_place = place_counts.most_common(1)[0][0]
    main_heads = {p.head for p in tied if main_place in p.places}
    chosen = [p for p in phrases
              if main_place in p.places or (not p.places and p.definite and p.head in main_heads)]
    variants: dict[str, _Variant] = {}
    for p in chosen:
        variants.setdefault(p.key, _Variant()).add(p.form, p.analyzed, p.start, p.end)
    if not _differ(variants, by_id):
        return []
    head = Counter(p.head for p in chosen).most_common(1)[0][0]
    return [_framing(f"the {head} in {main_place}", "event", variants)]


def _government_framings(story: Story, articles: list[AnalyzedArticle],
                         by_id: dict[str, AnalyzedArticle]) -> list[Framing]:
    """ "The Syrian regime" in one outlet, "the Syrian government" in another: a label of who governs.

    Reported per place or person the phrase is tied to, only where the heads
    differ and one of them is loaded ("administration" vs "government" is not
    worth an entry).
    """
    index = _place_index(story, ("GPE", "LOC", "PERSON"))
    persons = {e.name for e in story.entities if e.type == "PERSON"}
    by_owner: dict[str, dict[str, _Variant]] = {}
    for p in (p for a in articles for p in _noun_phrases(a, index, GOVERNMENT_NOUNS) if p.places):
        by_owner.setdefault(p.places[0], {}).setdefault(p.head, _Variant()).add(p.form, p.analyzed, p.start, p.end)
    out = []
    for owner, variants in by_owner.items():
        if _differ(variants, by_id) and any(is_loaded(v.term()) for v in variants.values()):
            subject = f"{owner}'s government" if owner in persons else f"the government of {owner}"
            out.append(_framing(subject, "label", variants))
    return out


def frame_story(story: Story, articles: list[AnalyzedArticle]) -> list[Framing]:
    """Every subject on which the story's outlets differ: labels, name spellings, the event's name."""
    by_id = {a.id: a for a in articles}
    return (_label_framings(story, by_id) + _government_framings(story, articles, by_id)
            + _name_framings(story, by_id) + _event_framings(story, articles, by_id))
