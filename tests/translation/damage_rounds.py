"""What each round of damage (`damage_fifth.py`, `damage_sixth.py`, ...) is tested for alike:
every pair in every language, every faithful answer passing, and each kind of damage refused
with the reasons that name it. A round's test module subclasses `DamageRoundTests`."""

import time
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.validation import translation_problems

from .damage import Pair, _Drawer
from .test_generated_damage import problems


@dataclass(frozen=True)
class DamageRound:
    harmful: dict  # damage name -> (pair, drawer) -> damaged answer, or None
    pairs: list[Pair]
    reasons: dict[str, set[str]]  # damage name -> problem codes, any of which names it
    languages: tuple[str, ...] | list[str]

    def pair(self, name: str, language: str) -> Pair:
        return next(p for p in self.pairs if p.name == name and p.language == language)

    def has_every_pair_in_every_language(self) -> bool:
        return {(p.name, p.language) for p in self.pairs} == {
            (p.name, language) for p in self.pairs for language in self.languages
        }

    def damaged(self, name: str):
        """A strategy: (pair, its answer damaged by `name`), or None where it cannot be."""

        @st.composite
        def drawn(draw) -> tuple[Pair, str] | None:
            pair = draw(st.sampled_from(self.pairs))
            answer = self.harmful[name](pair, _Drawer(draw))
            return None if answer is None else (pair, answer)

        return drawn()

    def assert_refused_by_name(self, name: str, data) -> None:
        """One drawn damage `name` is refused with a reason that names it."""
        drawn = data.draw(self.damaged(name))
        if drawn is None:
            return  # that damage cannot happen to that pair
        pair, answer = drawn
        found = problems(pair, answer)
        assert self.reasons[name] & set(found), (
            f"{name} for {pair.name}/{pair.language}: {found}\n{answer}"
        )


class DamageRoundTests:
    """The tests every round shares, for a test class that sets `ROUND`: every pair in every
    language, a reason for every damage, every faithful answer passing, and each damage refused
    with a reason that names it. (No "Test" in its name: pytest collects only the subclasses.)
    """

    ROUND: DamageRound

    def pytest_generate_tests(self, metafunc) -> None:
        pairs = self.ROUND.pairs
        if "pair" in metafunc.fixturenames:
            metafunc.parametrize("pair", pairs, ids=[f"{p.name}-{p.language}" for p in pairs])
        if "name" in metafunc.fixturenames:
            metafunc.parametrize("name", sorted(self.ROUND.harmful))

    def test_every_language_has_every_pair(self):
        assert self.ROUND.has_every_pair_in_every_language()

    def test_every_damage_has_its_reasons(self):
        assert set(self.ROUND.reasons) == set(self.ROUND.harmful)

    def test_faithful_answers_pass(self, pair):
        assert problems(pair, pair.faithful) == []

    # pytest makes an instance per test, which Hypothesis sees as another executor; the
    # instances hold nothing (`ROUND` is the class's), so every call runs the same test.
    @settings(
        max_examples=25, deadline=None, suppress_health_check=[HealthCheck.differing_executors]
    )
    @given(data=st.data())
    def test_each_damage_is_refused_with_the_reason_that_names_it(self, name, data):
        self.ROUND.assert_refused_by_name(name, data)


def assert_checks_hold(source: str, answer: str, language: str, source_language="en") -> None:
    """The checks of `answer` to `source` end, however odd the answer: every problem they find
    has its code, its message and its instruction to the model."""
    found = translation_problems(
        protected=protect(source), translated=answer, source_language=source_language,
        language=language,
    )  # fmt: skip
    assert all(problem.code and problem.message and problem.instruction for problem in found)


def assert_checked_in_linear_time(answer: str, language: str, *protected) -> None:
    """`answer` checked against each of `protected`, all within one bound against quadratic
    work (minutes at the sizes the rounds use), not a speed target: 120 kB of text takes about
    4 CPU seconds with every check, and CI machines are slower."""
    started = time.process_time()
    for source in protected:
        translation_problems(
            protected=source, translated=answer, source_language="en", language=language
        )
    assert time.process_time() - started < 15
