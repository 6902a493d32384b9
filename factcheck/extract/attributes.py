"""The model's attribute rules (tag -> part of speech and morphology, with exceptions for
particular words), applied by table lookup instead of spaCy's Matcher.

The model's `attribute_ruler` runs 179 token patterns through a general Matcher, which tries every
pattern at every token: about an eighth of the whole check's time on news copy. Its patterns are
simple (one or two tokens; TAG, LOWER, DEP and IS_SPACE tested for equality, membership or a
regular expression), so the `factcheck_attributes` component takes them over from the loaded ruler
(`take`), indexes them by the token's tag or lower-case form and applies the same attributes in the
same order, through spaCy's own `set_token_attrs`. The output is the ruler's, token for token; a
ruler with any pattern outside that subset is left to run itself (`take` answers False)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# what a token pattern may test, in the order of a token's features (`_features`)
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

_SELECTIVE = ("LOWER", "DEP", "TAG", "IS_SPACE")  # the attribute to index a rule by, if it can be
_MAX_REMEMBERED = 200_000  # distinct token features remembered before starting afresh

Features = tuple[str, str, str, bool]
Test = Callable[[Features], bool]


class AttributeTable:
    """The ruler's rules in its order of precedence (a later rule overrides an earlier one)."""

    def __init__(self, name: str = "factcheck_attributes"):
        self.name = name
        self.rules: list[Rule] = []
        self.singles = _Index()  # rules of one token
        self.sequences = _Index()  # rules of several tokens ("gon na")
        self.by_features: dict[Features, tuple] = {}  # what a token with these features meets

    def take(self, ruler: AttributeRuler) -> bool:
        """Take over the ruler's patterns; False (and nothing taken) when one of them tests
        something the table does not read."""
        rules, singles, sequences = [], _Index(), _Index()
        for number, entry in enumerate(ruler.patterns):
            try:
                patterns = [[_token_tests(spec) for spec in pattern] for pattern in entry["patterns"]]
            except _Unsupported:
                return False
            rules.append(Rule(patterns, ruler.attrs[number], entry["index"]))
            one_token = all(len(pattern) == 1 for pattern in entry["patterns"])
            (singles if one_token else sequences).add(number, [p[0] for p in entry["patterns"]])
        self.rules, self.singles, self.sequences, self.by_features = rules, singles, sequences, {}
        return True

    def __call__(self, doc: Doc) -> Doc:
        features = [(token.tag_, token.lower_, token.dep_, token.is_space) for token in doc]
        matches: list[tuple[int, int, int]] = []
        for start, feature in enumerate(features):
            singles, sequences = self._met(feature)
            matches.extend((rule, start, start + 1) for rule in singles)
            for rule, pattern in sequences:  # the first token met; now the rest
                end = start + len(pattern)
                if end <= len(features) and all(_meets(features[start + k], pattern[k])
                                                for k in range(1, len(pattern))):
                    matches.append((rule, start, end))
        matches.sort()  # the ruler's order: by rule, then position
        for rule, start, end in matches:
            at = self.rules[rule].at
            set_token_attrs(doc[(start if at >= 0 else end) + at], self.rules[rule].attrs)
        return doc

    def _met(self, feature: Features) -> tuple[tuple[int, ...], tuple[tuple[int, list], ...]]:
        """The one-token rules a token with these features meets, and the longer patterns whose
        first token it meets: the same for every "the" tagged DT, so worked out once."""
        met = self.by_features.get(feature)
        if met is None:
            if len(self.by_features) > _MAX_REMEMBERED:
                self.by_features.clear()
            singles = tuple(sorted(
                rule for rule in self.singles.candidates(feature)
                if any(_meets(feature, pattern[0]) for pattern in self.rules[rule].patterns)))
            sequences = tuple(
                (rule, pattern) for rule in sorted(self.sequences.candidates(feature))
                for pattern in self.rules[rule].patterns if _meets(feature, pattern[0]))
            met = self.by_features[feature] = (singles, sequences)
        return met


class Rule(NamedTuple):
    patterns: list[list[list[Test]]]  # alternatives, each a sequence of tokens' tests
    attrs: dict  # normalized, as the ruler keeps them
    at: int  # which token of a match takes them


class _Index:
    """Rules by an (attribute, value) their first token must have; the rest tried everywhere."""

    def __init__(self):
        self.keyed: dict[tuple[str, object], list[int]] = {}
        self.everywhere: list[int] = []

    def add(self, rule: int, first_tokens: list[dict]) -> None:
        keys = [_index_keys(spec) for spec in first_tokens]
        if any(key is None for key in keys):
            self.everywhere.append(rule)
            return
        for key in {k for group in keys for k in group}:
            self.keyed.setdefault(key, []).append(rule)

    def candidates(self, feature: Features) -> set[int]:
        found = set(self.everywhere)
        for key in zip(_ATTRS, feature):
            found.update(self.keyed.get(key, ()))
        return found


@Language.factory("factcheck_attributes", requires=["token.tag", "token.dep"],
                  assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(name)


class _Unsupported(Exception):
    pass


def _token_tests(spec: dict) -> list[Test]:
    tests = []
    for attr, want in spec.items():
        if attr not in _ATTRS:
            raise _Unsupported(attr)
        tests.append(_test(_ATTRS.index(attr), want))
    return tests


def _meets(feature: Features, tests: list[Test]) -> bool:
    return all(test(feature) for test in tests)


def _test(at: int, want) -> Test:
    if not isinstance(want, dict):
        return lambda features: features[at] == want
    if len(want) != 1:
        raise _Unsupported(want)
    (op, value), = want.items()
    if op == "IN":
        allowed = frozenset(value)
        return lambda features: features[at] in allowed
    if op == "NOT_IN":
        refused = frozenset(value)
        return lambda features: features[at] not in refused
    if op == "REGEX":
        pattern = re.compile(value)
        return lambda features: bool(pattern.search(features[at]))
    raise _Unsupported(op)


def _index_keys(spec: dict) -> list[tuple[str, object]] | None:
    """The (attribute, value) pairs one of which a token must have to start this pattern, or
    None when no attribute is required to be one value (or one of a list)."""
    for attr in _SELECTIVE:
        want = spec.get(attr)
        if isinstance(want, (str, bool)):
            return [(attr, want)]
        if isinstance(want, dict) and list(want) == ["IN"]:
            return [(attr, value) for value in want["IN"]]
    return None
