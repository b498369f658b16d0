"""Find the attribute ruler's matches by table look-up instead of running spaCy's Matcher over every token.

Why: the model's attribute ruler (tag map, contractions, pronoun morphology:
179 patterns) finds its matches with spaCy's Matcher, which on news text
took 1.1 of the pipeline's 7.5 CPU seconds for 58,000 tokens, more than the
parser; a Matcher holding only a dozen of the patterns still took most of
that, so the cost is per token, not per pattern. Every one of these
patterns is a fixed sequence of tokens whose attributes (TAG, LOWER, DEP,
IS_SPACE) must equal a value, lie or not lie in a set, or match a regular
expression. Which token patterns a token meets therefore follows from
those four values alone: it is worked out once per distinct combination
and looked up after that. A rule of two tokens matches where its first
token pattern and the next token's pattern are both met.

Anything else (quantifiers, other attributes or predicates) makes this
refuse the ruler, and the stock Matcher stays in use.

``AttributeValues`` then sets what the matches say through one array write
per attribute instead of one Span per match, in the same order (a later
rule overwrites an earlier one). ``tests/nlp/test_attribute_matches.py``
compares the matches and the values with spaCy's on real text, and
``tests/nlp/test_pipeline_model.py`` every token's POS, morphology and
lemma with the stock pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import DEP, IDS, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc

# Attributes a pattern may test: token.get_struct_attr gives, as the Matcher
# compares, the hash of the string (TAG, LOWER, DEP) or 0/1 (IS_SPACE).
_STRING_ATTRS = ("DEP", "LOWER", "TAG")
_FLAG_ATTRS = ("IS_SPACE",)
_COLUMNS = _STRING_ATTRS + _FLAG_ATTRS
_COLUMN_IDS = [IDS[a] for a in _COLUMNS]

# Distinct attribute combinations remembered; the table is emptied when it
# reaches this, so memory stays bounded on any stream.
_MAX_REMEMBERED = 200_000

# (rule, pattern of the rule, token position in the pattern)
_Slot = tuple[int, int, int]
# What a combination of attribute values meets: its slots, the one-token
# rules it matches as (rule number, match id), and the longer patterns it may
# start as (rule, pattern, length, rule number, match id).
_Met = tuple[frozenset[_Slot], tuple[tuple[int, int], ...], tuple[tuple[int, int, int, int, int], ...]]


class UnsupportedPattern(ValueError):
    """A ruler pattern this look-up cannot reproduce exactly."""


@dataclass(frozen=True)
class _Test:
    """One attribute test of one token pattern: ``kind`` is "in", "not_in" or "regex"."""

    column: int
    kind: str
    values: frozenset[int] = frozenset()
    regex: re.Pattern | None = None

    def holds(self, row: tuple[int, ...], strings: StringStore) -> bool:
        value = row[self.column]
        if self.kind == "in":
            return value in self.values
        if self.kind == "not_in":
            return value not in self.values
        return bool(self.regex.search(strings[value]))


@dataclass(frozen=True)
class _Rule:
    """A ruler rule: its number (the order spaCy applies it in), match id and patterns (each a run of token tests)."""

    number: int
    match_id: int
    patterns: tuple[tuple[tuple[_Test, ...], ...], ...]


class AttributeMatches:
    """The matches of one AttributeRuler, in the form and order ``AttributeRuler.match`` returns.

    Raises UnsupportedPattern when a rule is not of the kinds described above.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self._strings = ruler.vocab.strings
        self._rules = [_rule(n, ruler, self._strings) for n in range(len(ruler.attrs))]
        # Token patterns filed under the value of their narrowest "in" test, so
        # that a new combination of values is checked against a few of them only.
        self._lead: dict[int, dict[int, list[tuple[_Slot, tuple[_Test, ...]]]]] = {}
        self._always: list[tuple[_Slot, tuple[_Test, ...]]] = []
        for r, rule in enumerate(self._rules):
            for a, pattern in enumerate(rule.patterns):
                for j, tests in enumerate(pattern):
                    ins = [t for t in tests if t.kind == "in"]
                    if not ins:
                        self._always.append(((r, a, j), tests))
                        continue
                    lead = min(ins, key=lambda t: (len(t.values), t.column))
                    others = tuple(t for t in tests if t is not lead)
                    for value in lead.values:
                        self._lead.setdefault(lead.column, {}).setdefault(value, []).append(((r, a, j), others))
        self._remembered: dict[tuple[int, ...], _Met] = {}

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule number, match id, start, end)`` of every match, sorted as ``AttributeRuler.match`` sorts them."""
        n = len(doc)
        if not n:
            return []
        array = doc.to_array(_COLUMN_IDS)
        remembered, learn = self._remembered.get, self._learn
        met = [remembered(row) or learn(row) for row in zip(*(array[:, j].tolist() for j in range(len(_COLUMNS))))]
        # A set: like the Matcher, one match per rule and span even when two of its patterns match there.
        found = set()
        for i, (_, singles, longer) in enumerate(met):
            for number, match_id in singles:
                found.add((number, match_id, i, i + 1))
            for r, a, length, number, match_id in longer:
                end = i + length
                if end <= n and all((r, a, k) in met[i + k][0] for k in range(1, length)):
                    found.add((number, match_id, i, end))
        return sorted(found)

    def _learn(self, row: tuple[int, ...]) -> _Met:
        """Which token patterns a token with these attribute values meets, and which rules it may start."""
        candidates = list(self._always)
        for column, table in self._lead.items():
            candidates.extend(table.get(row[column], ()))
        slots = frozenset(slot for slot, tests in candidates if all(t.holds(row, self._strings) for t in tests))
        starts = [(r, a, len(self._rules[r].patterns[a]), self._rules[r].number, self._rules[r].match_id)
                  for r, a, j in slots if j == 0]
        singles = tuple(sorted((number, match_id) for _, _, length, number, match_id in starts if length == 1))
        longer = tuple(sorted(start for start in starts if start[2] > 1))
        if len(self._remembered) >= _MAX_REMEMBERED:
            self._remembered.clear()
        self._remembered[row] = met = (slots, singles, longer)
        return met


def _rule(number: int, ruler: AttributeRuler, strings: StringStore) -> _Rule:
    key = str(number)
    _, patterns = ruler.matcher.get(key)
    if not patterns or not all(patterns):
        raise UnsupportedPattern(f"attribute ruler rule {key} has an empty pattern")
    return _Rule(number=number, match_id=strings[key],
                 patterns=tuple(tuple(tuple(_test(attr, want, strings) for attr, want in token.items())
                                      for token in pattern) for pattern in patterns))


def _test(attr: str, want, strings: StringStore) -> _Test:
    if attr in _FLAG_ATTRS and isinstance(want, bool):
        return _Test(_COLUMNS.index(attr), "in", frozenset({int(want)}))
    if attr not in _STRING_ATTRS:
        raise UnsupportedPattern(f"attribute ruler pattern tests {attr}")
    column = _COLUMNS.index(attr)
    if isinstance(want, str):
        return _Test(column, "in", frozenset({strings.add(want)}))
    if isinstance(want, dict) and len(want) == 1:
        (op, arg), = want.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
            return _Test(column, op.lower(), frozenset(strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return _Test(column, "regex", regex=re.compile(arg))
    raise UnsupportedPattern(f"attribute ruler pattern {attr}: {want!r}")


# Token attributes the ruler's rules may set and still be written as arrays:
# for these ``set_token_attrs`` only sets the token's own field (they are no
# lexeme attributes), which is what ``Doc.from_array`` does too.
_SET_ATTRS = (POS, MORPH, LEMMA, TAG, DEP)


class AttributeValues:
    """Apply an AttributeRuler's matches to a document through one array write per attribute.

    Why: spaCy's ``set_annotations`` makes a Span and calls
    ``set_token_attrs`` for every match (a tag-map match on nearly every
    token): 0.5 of a worker's 18 CPU s. The values are the same and so is
    the order: matches in the ruler's order, a later one overwriting an
    earlier one on the same token. Raises UnsupportedPattern when a rule
    sets another attribute.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self._ruler = ruler
        self._indices = list(ruler.indices)
        self._values: list[tuple[tuple[int, int], ...]] = []
        for attrs in ruler.attrs:
            if any(attr not in _SET_ATTRS for attr in attrs):
                raise UnsupportedPattern(f"attribute ruler sets {sorted(attrs)}")
            self._values.append(tuple((_SET_ATTRS.index(attr), value) for attr, value in attrs.items()))

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Set what ``AttributeRuler.set_annotations`` sets, for ``matches`` as ``match`` returns them."""
        if not matches:
            return
        array = doc.to_array(list(_SET_ATTRS))
        columns: set[int] = set()
        for number, _, start, end in matches:
            index, length = self._indices[number], end - start
            if not -length <= index < length:  # spaCy's own code raises its error for this rule
                AttributeRuler.set_annotations(self._ruler, doc, matches)
                return
            token = start + index if index >= 0 else end + index
            for column, value in self._values[number]:
                array[token, column] = value
                columns.add(column)
        written = sorted(columns)
        doc.from_array([_SET_ATTRS[c] for c in written], array[:, written])
