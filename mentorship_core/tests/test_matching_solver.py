"""The matching engine against brute force, its two modes, its greedy baseline
and its inputs. No database: the engine works on arrays."""

import itertools

import numpy as np

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..matching import (
    CAPACITY_EXHAUSTED,
    MODES,
    NO_ALLOWED_MENTOR,
    UNMATCHED,
    solve_exact,
    solve_greedy,
    total_score,
    unmatched_reasons,
)

SOLVERS = (solve_exact, solve_greedy)


def random_instance(rng, mentee_count, mentor_count, density, max_capacity):
    """Allowed edges drawn at random, scores on the solver's 0.0001 grid so
    that totals compare exactly; some mentors full, some mentees alone."""
    capacities = rng.integers(0, max_capacity + 1, mentor_count)
    allowed = rng.random((mentee_count, mentor_count)) < density
    edge_mentee, edge_mentor = np.nonzero(allowed)
    edge_score = rng.integers(0, 10_001, edge_mentee.size) / 10_000
    return capacities, edge_mentee, edge_mentor, edge_score


def points(assignment, edge_mentee, edge_mentor, edge_score):
    """(matched count, total score in 0.0001 points) of an assignment."""
    matched, total = total_score(assignment, edge_mentee, edge_mentor, edge_score)
    return matched, round(total * 10_000)


def brute_force(mentee_count, capacities, edge_mentee, edge_mentor, edge_score):
    """Every assignment that respects the capacities, as (matched, points)."""
    options = [[UNMATCHED] for _mentee in range(mentee_count)]
    for mentee, mentor in zip(edge_mentee.tolist(), edge_mentor.tolist(), strict=True):
        options[mentee].append(mentor)
    outcomes = []
    for choice in itertools.product(*options):
        taken = np.bincount([mentor for mentor in choice if mentor != UNMATCHED], minlength=len(capacities))
        if (taken <= capacities).all():
            outcomes.append(points(np.array(choice), edge_mentee, edge_mentor, edge_score))
    return outcomes


@tagged("post_install", "-at_install")
class TestMatchingSolver(BaseCase):
    def assertValidAssignment(self, assignment, mentee_count, capacities, edge_mentee, edge_mentor):
        """Each mentee has an allowed mentor or none, no mentor over capacity."""
        self.assertEqual(assignment.shape, (mentee_count,))
        allowed = set(zip(np.asarray(edge_mentee).tolist(), np.asarray(edge_mentor).tolist(), strict=True))
        for mentee, mentor in enumerate(assignment.tolist()):
            if mentor != UNMATCHED:
                self.assertIn((mentee, mentor), allowed)
        matched = assignment[assignment != UNMATCHED]
        taken = np.bincount(matched, minlength=len(capacities))
        self.assertTrue((taken <= np.asarray(capacities)).all(), "a mentor got more mentees than places")

    def test_exact_equals_brute_force(self):
        """60 seeded instances of up to 6 mentees and 4 mentors, both modes:
        coverage maximises (matched, total), quality the total, then matched."""
        for seed in range(60):
            rng = np.random.default_rng(seed)
            mentee_count = int(rng.integers(1, 7))
            instance = random_instance(rng, mentee_count, int(rng.integers(1, 5)), 0.6, 2)
            outcomes = brute_force(mentee_count, *instance)
            best = {
                "coverage": max(outcomes),
                "quality": max(outcomes, key=lambda outcome: (outcome[1], outcome[0])),
            }
            for mode in MODES:
                with self.subTest(seed=seed, mode=mode):
                    assignment = solve_exact(mentee_count, *instance, mode=mode)
                    self.assertValidAssignment(assignment, mentee_count, *instance[:3])
                    self.assertEqual(points(assignment, *instance[1:]), best[mode])

    def test_greedy_respects_capacities_and_never_beats_exact(self):
        for seed in range(20):
            rng = np.random.default_rng(100 + seed)
            mentee_count = int(rng.integers(50, 300))
            instance = random_instance(rng, mentee_count, int(rng.integers(5, 60)), 0.05, 4)
            for mode in MODES:
                with self.subTest(seed=seed, mode=mode):
                    exact = solve_exact(mentee_count, *instance, mode=mode)
                    greedy = solve_greedy(mentee_count, *instance, mode=mode)
                    self.assertValidAssignment(exact, mentee_count, *instance[:3])
                    self.assertValidAssignment(greedy, mentee_count, *instance[:3])
                    exact_count, exact_points = points(exact, *instance[1:])
                    greedy_count, greedy_points = points(greedy, *instance[1:])
                    if mode == "coverage":
                        self.assertGreaterEqual((exact_count, exact_points), (greedy_count, greedy_points))
                    else:
                        self.assertGreaterEqual(exact_points, greedy_points)

    def test_exact_does_better_than_greedy_where_greedy_is_short_sighted(self):
        """Mentor A (1 place) is everyone's best; the greedy gives A to the first
        best score and strands the mentee who had only A."""
        # mentee 0: A 0.9, B 0.8; mentee 1: A 0.85 only
        instance = ([1, 1], [0, 0, 1], [0, 1, 0], [0.9, 0.8, 0.85])
        for mode in MODES:
            with self.subTest(mode=mode):
                self.assertEqual(solve_exact(2, *instance, mode=mode).tolist(), [1, 0])
        self.assertEqual(solve_greedy(2, *instance, mode="quality").tolist(), [0, UNMATCHED])

    def test_modes_differ(self):
        """Mentors A and B, one place each; mentee 1: A 0.9, B 0.2; mentee 2:
        only A 0.3. Coverage matches both (0.5 in all), quality keeps A for
        mentee 1 and leaves mentee 2 out (0.9)."""
        instance = ([1, 1], [0, 0, 1], [0, 1, 0], [0.9, 0.2, 0.3])
        coverage = solve_exact(2, *instance, mode="coverage")
        quality = solve_exact(2, *instance, mode="quality")
        self.assertEqual(coverage.tolist(), [1, 0])
        self.assertEqual(quality.tolist(), [0, UNMATCHED])
        self.assertEqual(total_score(coverage, *instance[1:]), (2, 0.5))
        self.assertEqual(total_score(quality, *instance[1:]), (1, 0.9))

    def test_quality_still_matches_when_it_costs_nothing(self):
        """Among equal totals the quality mode matches more mentees: a pair
        with score 0 and a free place is proposed rather than dropped."""
        assignment = solve_exact(3, [2, 1], [0, 1, 2], [0, 0, 1], [0.0, 0.0, 0.7], mode="quality")
        self.assertEqual(assignment.tolist(), [0, 0, 1])

    def test_rounding_errors_of_a_weighted_sum_are_accepted(self):
        """Nine criteria of weight 1/9, all met, add up to a hair above 1 in
        floating point: still a full score, not an error."""
        full = sum([1 / 9] * 9)
        self.assertGreater(full, 1)
        for solver, mode in itertools.product(SOLVERS, MODES):
            with self.subTest(solver=solver.__name__, mode=mode):
                assignment = solver(2, [1], [0, 1], [0, 0], [full, -1e-12], mode=mode)
                self.assertEqual(assignment.tolist(), [0, UNMATCHED])

    def test_empty_inputs(self):
        for solver, mode in itertools.product(SOLVERS, MODES):
            with self.subTest(solver=solver.__name__, mode=mode):
                self.assertEqual(solver(0, [], [], [], [], mode=mode).tolist(), [])
                # mentees and no mentor at all
                self.assertEqual(solver(2, [], [], [], [], mode=mode).tolist(), [UNMATCHED, UNMATCHED])
                # mentors without a free place
                self.assertEqual(solver(2, [0, 0], [0, 1], [0, 1], [1.0, 0.5], mode=mode).tolist(), [-1, -1])
                # one mentee with no edge beside a matched one
                self.assertEqual(solver(2, [0, 3], [1, 1], [0, 1], [1.0, 0.5], mode=mode).tolist(), [-1, 1])

    def test_municipal_scale_costs_do_not_overflow(self):
        """10,000 mentees, 2,000 mentors, every score 1: the largest costs the
        modes build stay within what OR-Tools can scale, and the result is exact."""
        rng = np.random.default_rng(21)
        mentee_count, capacities = 10_000, rng.integers(1, 6, 2_000)
        edge_mentee = np.repeat(np.arange(mentee_count), 3)
        edge_mentor = rng.integers(0, 2_000, edge_mentee.size)
        edge_score = np.ones(edge_mentee.size)
        instance = (capacities, edge_mentee, edge_mentor, edge_score)
        greedy_matched, _total = total_score(solve_greedy(mentee_count, *instance), *instance[1:])
        results = set()
        for mode in MODES:
            with self.subTest(mode=mode):
                assignment = solve_exact(mentee_count, *instance, mode=mode)
                self.assertValidAssignment(assignment, mentee_count, *instance[:3])
                matched, total = total_score(assignment, *instance[1:])
                self.assertEqual(matched, total)
                self.assertGreaterEqual(matched, greedy_matched)
                results.add(matched)
        # all scores equal: both modes come down to the largest matching
        self.assertEqual(len(results), 1)

    def test_unmatched_reasons(self):
        """Mentee 0 matched, 1 lost the only place of its mentor, 2 had no
        allowed mentor, 3 was allowed only a mentor with no free place."""
        capacities, edge_mentee, edge_mentor, edge_score = [1, 0], [0, 1, 3], [0, 0, 1], [0.9, 0.4, 0.8]
        for solver, mode in itertools.product(SOLVERS, MODES):
            with self.subTest(solver=solver.__name__, mode=mode):
                assignment = solver(4, capacities, edge_mentee, edge_mentor, edge_score, mode=mode)
                self.assertEqual(
                    unmatched_reasons(4, edge_mentee, assignment),
                    {1: CAPACITY_EXHAUSTED, 2: NO_ALLOWED_MENTOR, 3: CAPACITY_EXHAUSTED},
                )
        self.assertEqual(unmatched_reasons(0, [], np.array([], dtype=int)), {})

    def test_bad_input_is_refused(self):
        good = (2, [1], [0, 1], [0, 0], [0.5, 0.5])
        bad_inputs = {
            "lengths differ": (2, [1], [0, 1], [0], [0.5, 0.5]),
            "mentee out of range": (2, [1], [0, 2], [0, 0], [0.5, 0.5]),
            "mentor out of range": (2, [1], [0, 1], [0, 1], [0.5, 0.5]),
            "negative mentee index": (2, [1], [-1, 1], [0, 0], [0.5, 0.5]),
            "negative capacity": (2, [-1], [0, 1], [0, 0], [0.5, 0.5]),
            "score above 1": (2, [1], [0, 1], [0, 0], [0.5, 1.001]),
            "negative score": (2, [1], [0, 1], [0, 0], [-0.001, 0.5]),
            "score not a number": (2, [1], [0, 1], [0, 0], [0.5, float("nan")]),
            "negative mentee count": (-1, [1], [], [], []),
        }
        for solver in SOLVERS:
            for label, arguments in bad_inputs.items():
                with self.subTest(solver=solver.__name__, input=label), self.assertRaises(ValueError):
                    solver(*arguments)
            with self.assertRaisesRegex(ValueError, "Unknown matching mode"):
                solver(*good, mode="fastest")
