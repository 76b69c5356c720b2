"""Benchmark: the matching engine alone (mentorship_core/matching.py) on seeded
synthetic graphs, the exact min-cost flow against the greedy baseline, in both
modes.

- a school: 300 mentees x 60 mentors, every pair allowed;
- a municipality: 10,000 mentees x 2,000 mentors in 30 schools, each mentee
  allowed the mentors of its school and a shared pool of 200 municipal mentors
  (about 2.6 million allowed pairs), capacities 1 to 5: places for 6 in 10;
- the same municipality with places for about everyone (capacities 3 to 7)
  but strict rules (categories, consents, replacements) leaving each mentee
  one in twenty of those mentors: where a greedy choice strands mentees, and
  where the two modes part.

Scores imitate the wizard's: the share of the mentee's difficulties the mentor
covers, the same organisation, and a random part for format and availability.

Run with ./setup/bench.sh -k matching_solver; prints for each solver the time,
its peak memory as tracemalloc traces it (numpy arrays and Python objects, not
OR-Tools' C++ graph) and as the kernel counts it (ru_maxrss of a forked child
running the solve, less what it shared at the fork: native memory included),
the matched count, the total score and the ratio exact / greedy.
Targets: the school far under 1 s; the municipality well under 60 s, which is
the budget of the whole wizard (reading candidates and writing proposals too).
"""

import ctypes
import multiprocessing
import os
import resource
import time
import tracemalloc

import numpy as np

from odoo.addons.mentorship_core.matching import MODES, solve_exact, solve_greedy, total_score

TAGS = 12


def synthetic_graph(seed, mentee_count, mentor_count, school_count, pool_size, capacity=(1, 5), allowed_share=1):
    """(capacities, edge_mentee, edge_mentor, edge_score) of a seeded
    municipality; one school with no pool is a school alone. Capacities are
    drawn between the bounds of ``capacity``, and the hard rules keep each
    candidate pair with the probability ``allowed_share``."""
    rng = np.random.default_rng(seed)
    capacities = rng.integers(capacity[0], capacity[1] + 1, mentor_count)
    mentee_school = rng.integers(0, school_count, mentee_count)
    # the last pool_size mentors are the municipal pool (school -1)
    mentor_school = np.concatenate([rng.integers(0, school_count, mentor_count - pool_size), np.full(pool_size, -1)])
    pool = np.flatnonzero(mentor_school == -1)
    edge_mentee, edge_mentor = [], []
    for school in range(school_count):
        mentees = np.flatnonzero(mentee_school == school)
        mentors = np.concatenate([np.flatnonzero(mentor_school == school), pool])
        edge_mentee.append(np.repeat(mentees, mentors.size))
        edge_mentor.append(np.tile(mentors, mentees.size))
    allowed = rng.random(sum(part.size for part in edge_mentee)) < allowed_share
    edge_mentee = np.concatenate(edge_mentee)[allowed]
    edge_mentor = np.concatenate(edge_mentor)[allowed]
    # difficulties of each mentee and competencies of each mentor, as bit masks
    difficulties = rng.random((mentee_count, TAGS)) < 0.25
    competencies = rng.random((mentor_count, TAGS)) < 0.35
    difficulties[~difficulties.any(axis=1), 0] = True
    weights = 1 << np.arange(TAGS)
    needed = difficulties @ weights
    offered = competencies @ weights
    covered = np.bitwise_count(needed[edge_mentee] & offered[edge_mentor]) / np.bitwise_count(needed[edge_mentee])
    same_school = mentee_school[edge_mentee] == mentor_school[edge_mentor]
    edge_score = 0.5 * covered + 0.2 * same_school + 0.3 * rng.random(edge_mentee.size)
    # on the solver's grid, so that the totals of both solvers compare exactly
    return capacities, edge_mentee, edge_mentor, np.round(edge_score, 4)


def resident_mb():
    """The process's resident memory now (ru_maxrss only gives its peak)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def in_fork(function):
    """function() run in a forked child: its result, and how far the child's
    resident memory rose above what it shared with this process at the fork
    (ru_maxrss, which only ever grows here, would hide a second solve's peak;
    a child starts with a peak equal to its resident memory)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child():
        start = resident_mb()
        result = function()
        sender.send((result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10 - start))

    # give back the heap this process freed, or the child would reuse it unseen
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    process = context.Process(target=child)
    process.start()
    sender.close()
    try:
        return receiver.recv()
    except EOFError:
        raise RuntimeError("The solve failed in its child process: see its traceback above.") from None
    finally:
        process.join()


def measure(solver, mentee_count, graph, mode):
    """Time and resident memory of a run in a fork, then the Python peak of a traced run."""

    def timed():
        start = time.perf_counter()
        assignment = solver(mentee_count, *graph, mode=mode)
        return assignment, time.perf_counter() - start

    (assignment, elapsed), rss_growth = in_fork(timed)
    tracemalloc.start()
    solver(mentee_count, *graph, mode=mode)
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    matched, total = total_score(assignment, *graph[1:])
    return {
        "time": elapsed,
        "traced": traced_peak / 2**20,
        "rss_growth": rss_growth,
        "matched": matched,
        "total": round(total, 4),
    }


def run(title, mentee_count, mentor_count, school_count, pool_size, **options):
    start = time.perf_counter()
    graph = synthetic_graph(21, mentee_count, mentor_count, school_count, pool_size, **options)
    built = time.perf_counter() - start
    print(
        f"\n{title}: {mentee_count:,} mentees x {mentor_count:,} mentors, {graph[1].size:,} allowed pairs, "
        f"{int(graph[0].sum()):,} places (graph built in {built:.1f} s)"
    )
    results = {}
    for mode in MODES:
        exact = measure(solve_exact, mentee_count, graph, mode)
        greedy = measure(solve_greedy, mentee_count, graph, mode)
        for name, figures in (("exact", exact), ("greedy", greedy)):
            print(
                f"  {mode:8} {name:6} {figures['time']:7.3f} s   peak: traced {figures['traced']:6.1f} MB, "
                f"resident +{figures['rss_growth']:6.1f} MB   "
                f"matched {figures['matched']:6,}  total {figures['total']:10.2f}"
            )
        print(
            f"  {mode:8} exact / greedy: total {exact['total'] / greedy['total']:.4f}, "
            f"matched {exact['matched'] - greedy['matched']:+,}"
        )
        if mode == "coverage":
            assert (exact["matched"], exact["total"]) >= (greedy["matched"], greedy["total"])
        else:
            assert exact["total"] >= greedy["total"]
        results[mode] = exact
    return results


def test_school_300_by_60():
    results = run("A school", 300, 60, 1, 0)
    assert max(figures["time"] for figures in results.values()) < 1


def test_municipality_10000_by_2000():
    results = run("A municipality", 10_000, 2_000, 30, 200)
    # the solve's share of the wizard's 60 s
    assert max(figures["time"] for figures in results.values()) < 20


def test_municipality_with_room_and_strict_rules():
    results = run(
        "A municipality, room for all, strict rules", 10_000, 2_000, 30, 200, capacity=(3, 7), allowed_share=0.05
    )
    assert max(figures["time"] for figures in results.values()) < 20
    # most mentees matched, or the best total: the modes part here
    assert results["coverage"]["matched"] > results["quality"]["matched"]
    assert results["quality"]["total"] > results["coverage"]["total"]
