"""The matching engine: mentees to mentors with capacities, exact and greedy.

Pure functions on arrays, no ORM: the matching wizard reads the candidates and
their scores from the database, calls one of the solvers and writes the
proposals.

The problem is a capacitated bipartite b-matching over the *allowed* edges
only (the hard rules have pruned the others): every mentee gets at most one
mentor, mentor ``j`` takes at most ``capacities[j]`` mentees, and the total
score of the chosen edges is maximised. It is a min-cost flow problem: each
mentee node supplies one unit, which reaches the sink either through a mentor
(arc cost minus its score, the mentor's arc to the sink carrying its capacity)
or directly at cost 0 (left unmatched). OR-Tools' cost-scaling push-relabel
solver finds an integral optimum, proven by its complementary slackness check.

Two modes:

- ``"coverage"``: most mentees matched, then the best total score;
- ``"quality"``: the best total score, then most mentees matched (a mentee may
  stay unmatched when that frees a mentor for a better pair).

Scores are floats in [0, 1] (a rounding error beyond is clipped); the solver
optimises them rounded to ``1 / SCORE_SCALE`` (0.0001), so totals are exact to
that precision.
"""

import numpy as np
from ortools.graph.python import min_cost_flow

MODES = ("coverage", "quality")
SCORE_SCALE = 10_000
SCORE_TOLERANCE = 1e-9
UNMATCHED = -1

NO_ALLOWED_MENTOR = "no_allowed_mentor"
CAPACITY_EXHAUSTED = "capacity_exhausted"


def solve_exact(mentee_count, capacities, edge_mentee, edge_mentor, edge_score, mode="coverage"):
    """Return an int array of length mentee_count: the mentor index of each mentee, or -1.

    The optimum of ``mode`` over all the assignments that respect the
    capacities, computed by OR-Tools' SimpleMinCostFlow.
    """
    capacities, edge_mentee, edge_mentor, edge_score = _checked(
        mentee_count, capacities, edge_mentee, edge_mentor, edge_score, mode
    )
    assignment = np.full(mentee_count, UNMATCHED, dtype=np.int64)
    usable = capacities[edge_mentor] > 0
    edge_mentee, edge_mentor = edge_mentee[usable], edge_mentor[usable]
    edge_points = _points(edge_score[usable])
    if not edge_points.size:
        return assignment

    mentor_count = capacities.size
    sink = mentee_count + mentor_count
    edge_count = edge_points.size
    flow = min_cost_flow.SimpleMinCostFlow()
    # mentee -> mentor, one unit at the (negative) cost of the pair
    flow.add_arcs_with_capacity_and_unit_cost(
        edge_mentee.astype(np.int32),
        (mentee_count + edge_mentor).astype(np.int32),
        np.ones(edge_count, dtype=np.int64),
        -_edge_values(mentee_count, edge_mentee, edge_points, mode),
    )
    # mentor -> sink, as many units as the mentor has free places
    flow.add_arcs_with_capacity_and_unit_cost(
        np.arange(mentee_count, sink, dtype=np.int32),
        np.full(mentor_count, sink, dtype=np.int32),
        capacities,
        np.zeros(mentor_count, dtype=np.int64),
    )
    # mentee -> sink: left unmatched, at no cost, so the flow need not be full
    flow.add_arcs_with_capacity_and_unit_cost(
        np.arange(mentee_count, dtype=np.int32),
        np.full(mentee_count, sink, dtype=np.int32),
        np.ones(mentee_count, dtype=np.int64),
        np.zeros(mentee_count, dtype=np.int64),
    )
    supplies = np.zeros(sink + 1, dtype=np.int64)
    supplies[:mentee_count] = 1
    supplies[sink] = -mentee_count
    flow.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"The min-cost flow solver failed with status {status!r}.")
    chosen = flow.flows(np.arange(edge_count, dtype=np.int32)) > 0
    assignment[edge_mentee[chosen]] = edge_mentor[chosen]
    return assignment


def solve_greedy(mentee_count, capacities, edge_mentee, edge_mentor, edge_score, mode="coverage"):
    """Same interface: best-score-first greedy baseline.

    ``"quality"`` takes the edges by score, best first, and keeps each one whose
    mentee is still free and whose mentor still has a place. ``"coverage"``
    places the mentees one by one, those with the fewest allowed mentors first
    (the hardest to place); each takes, among its mentors still free, the one
    the fewest mentees may have (a school's own mentor before one of the shared
    pool, whom others may need), the best score among equals. Neither ever
    revises a choice, so the exact solver's optimum is never worse.
    """
    capacities, edge_mentee, edge_mentor, edge_score = _checked(
        mentee_count, capacities, edge_mentee, edge_mentor, edge_score, mode
    )
    usable = capacities[edge_mentor] > 0
    edge_mentee, edge_mentor = edge_mentee[usable], edge_mentor[usable]
    edge_points = _points(edge_score[usable])
    if not edge_points.size:
        return np.full(mentee_count, UNMATCHED, dtype=np.int64)
    if mode == "coverage":
        return _greedy_by_mentee(mentee_count, capacities, edge_mentee, edge_mentor, edge_points)
    return _greedy_by_score(mentee_count, capacities, edge_mentee, edge_mentor, edge_points)


def _greedy_by_mentee(mentee_count, capacities, edge_mentee, edge_mentor, edge_points):
    mentee_degree = np.bincount(edge_mentee, minlength=mentee_count)
    mentor_degree = np.bincount(edge_mentor, minlength=capacities.size)
    # lexsort sorts by its last key first: each mentee's edges end up together, in the order it prefers them
    order = np.lexsort((-edge_points, mentor_degree[edge_mentor], edge_mentee, mentee_degree[edge_mentee]))
    edge_mentee, edge_mentor = edge_mentee[order], edge_mentor[order]
    starts = np.flatnonzero(np.diff(edge_mentee, prepend=-1))
    ends = np.append(starts[1:], edge_mentee.size)
    assignment = np.full(mentee_count, UNMATCHED, dtype=np.int64)
    free_places = capacities.copy()
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        mentors = edge_mentor[start:end]
        free = np.flatnonzero(free_places[mentors])
        if free.size:
            mentor = mentors[free[0]]
            assignment[edge_mentee[start]] = mentor
            free_places[mentor] -= 1
    return assignment


def _greedy_by_score(mentee_count, capacities, edge_mentee, edge_mentor, edge_points, chunk=100_000):
    order = np.lexsort((edge_mentee, -edge_points))
    # plain lists: a Python loop over numpy scalars would be several times slower
    assignment = [UNMATCHED] * mentee_count
    free_places = capacities.tolist()
    places_left = min(mentee_count, sum(free_places))
    # by chunks, to stop as soon as nobody or nothing is left without listing every edge
    for offset in range(0, order.size, chunk):
        if not places_left:
            break
        part = order[offset : offset + chunk]
        for mentee, mentor in zip(edge_mentee[part].tolist(), edge_mentor[part].tolist(), strict=True):
            if assignment[mentee] == UNMATCHED and free_places[mentor]:
                assignment[mentee] = mentor
                free_places[mentor] -= 1
                places_left -= 1
    return np.array(assignment, dtype=np.int64)


def unmatched_reasons(mentee_count, edge_mentee, assignment):
    """Why each unmatched mentee stayed so: ``{mentee index: reason}``.

    ``"no_allowed_mentor"`` when the hard rules left the mentee no edge at all,
    ``"capacity_exhausted"`` when it had edges but every allowed mentor was
    full (both solvers match a mentee whenever an allowed mentor has a free
    place, so nothing else can have kept it out).
    """
    has_edge = np.bincount(np.asarray(edge_mentee, dtype=np.int64), minlength=mentee_count) > 0
    return {
        mentee: CAPACITY_EXHAUSTED if has_edge[mentee] else NO_ALLOWED_MENTOR
        for mentee in np.flatnonzero(np.asarray(assignment) == UNMATCHED).tolist()
    }


def total_score(assignment, edge_mentee, edge_mentor, edge_score):
    """The matched count and the total score of an assignment (float)."""
    assignment = np.asarray(assignment, dtype=np.int64)
    edge_mentee = np.asarray(edge_mentee, dtype=np.int64)
    edge_mentor = np.asarray(edge_mentor, dtype=np.int64)
    chosen = assignment[edge_mentee] == edge_mentor
    # a repeated edge counts once, with its best score
    best = {}
    for mentee, score in zip(edge_mentee[chosen].tolist(), np.asarray(edge_score)[chosen].tolist(), strict=True):
        best[mentee] = max(score, best.get(mentee, score))
    return int((assignment != UNMATCHED).sum()), float(sum(best.values()))


def _checked(mentee_count, capacities, edge_mentee, edge_mentor, edge_score, mode):
    """The inputs as numpy arrays, or a ValueError that says what is wrong."""
    if mode not in MODES:
        raise ValueError(f"Unknown matching mode {mode!r}: use one of {MODES}.")
    if mentee_count < 0:
        raise ValueError("The number of mentees cannot be negative.")
    capacities = np.asarray(capacities, dtype=np.int64).reshape(-1)
    edge_mentee = np.asarray(edge_mentee, dtype=np.int64).reshape(-1)
    edge_mentor = np.asarray(edge_mentor, dtype=np.int64).reshape(-1)
    edge_score = np.asarray(edge_score, dtype=np.float64).reshape(-1)
    if not edge_mentee.size == edge_mentor.size == edge_score.size:
        raise ValueError("The edges' mentees, mentors and scores must have the same length.")
    if (capacities < 0).any():
        raise ValueError("A mentor's capacity cannot be negative.")
    if edge_mentee.size and (edge_mentee.min() < 0 or edge_mentee.max() >= mentee_count):
        raise ValueError("An edge names a mentee index out of range.")
    if edge_mentor.size and (edge_mentor.min() < 0 or edge_mentor.max() >= capacities.size):
        raise ValueError("An edge names a mentor index out of range.")
    # a weighted sum of criteria may come out a rounding error outside [0, 1]
    if not np.all((edge_score >= -SCORE_TOLERANCE) & (edge_score <= 1 + SCORE_TOLERANCE)):
        raise ValueError("Scores must be numbers between 0 and 1.")
    return capacities, edge_mentee, edge_mentor, np.clip(edge_score, 0, 1)


def _points(edge_score):
    """Scores as integers: the solvers compare totals of these, exactly."""
    return np.rint(edge_score * SCORE_SCALE).astype(np.int64)


def _edge_values(mentee_count, edge_mentee, edge_points, mode):
    """The integer value of each edge, whose total the flow maximises.

    ``"coverage"`` adds to every edge a bonus greater than any total of points,
    so one more matched mentee outweighs any difference of quality;
    ``"quality"`` weights the points by one more than the number of mentees and
    adds 1 per edge, so a higher total always wins and ties go to more matched
    mentees. At 10,000 mentees the largest value is about 10^8 and a total
    about 10^12. OR-Tools multiplies costs by the number of nodes plus one
    (about 1.2 * 10^4 here), and its node potentials stay within a small
    multiple of the nodes times that largest scaled cost (about 10^17), below
    2^63 (9.2 * 10^18); beyond, it reports a bad cost range, raised here.
    """
    if mode == "coverage":
        best_points = np.zeros(mentee_count, dtype=np.int64)
        np.maximum.at(best_points, edge_mentee, edge_points)
        return edge_points + int(best_points.sum()) + 1
    return edge_points * (mentee_count + 1) + 1
