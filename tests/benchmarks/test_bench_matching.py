"""Benchmark: matching the unpaired teachers of a school (300 mentees × 60
mentors) as its curator, and of a municipality (10,000 mentees × 2,000
mentors: 30 schools and a shared pool of the department) as its coordinator,
end to end: reading the candidates, solving exactly (OR-Tools' min-cost flow)
and greedily, writing the proposals (a line and a pair in the Matching stage
each).

Run with ./setup/bench.sh -k matching; prints the times of each part, the
peak Python memory (tracemalloc, on a second run of the same matching after
the first is rolled back), the matched counts and the total scores of the
exact solver and the greedy baseline, and their ratio. Targets: under 1 s for
the school, under 60 s for the municipality, the exact total at least the
greedy's.
"""

import os
import random
import time
import tracemalloc
from datetime import date

from odoo import Command

TAGS = 30
SCHOOL = {"name": "school", "schools": 1, "mentees": 300, "mentors": 60, "shared": 0, "role": "curator"}
MUNICIPALITY = {"name": "municipality", "schools": 30, "mentees": 10_000, "mentors": 2_000, "shared": 200}
MUNICIPALITY["role"] = "coordinator"


def _insert(cr, query, params):
    cr.execute(query, params)
    return [row[0] for row in cr.fetchall()]


def _profiles(cr, table, companies, prefix, categories, capacities=None):
    """Contacts and their profiles of ``table`` (mentee or mentor), one per
    company in ``companies``, as bulk rows; mentors get their places and a
    tenth of them, those with 8 places, the clearance for minors."""
    partners = _insert(
        cr,
        """
        INSERT INTO res_partner (name, complete_name, active, type, company_id)
        SELECT %s || n, %s || n, TRUE, 'contact', company FROM unnest(%s::int[]) WITH ORDINALITY AS p(company, n)
        RETURNING id
        """,
        [prefix, prefix, companies],
    )
    rows = [partners, companies, categories]
    if table == "mentorship_mentee":
        return _insert(
            cr,
            """
            INSERT INTO mentorship_mentee (partner_id, company_id, category_id, state, origin, active, preferred_format)
            SELECT partner, company, category, 'active', 'import', TRUE,
                   (ARRAY['in_person', 'remote', 'mixed'])[1 + partner %% 3]
              FROM unnest(%s::int[], %s::int[], %s::int[]) AS m(partner, company, category)
            RETURNING id
            """,
            rows,
        )
    return _insert(
        cr,
        """
        INSERT INTO mentorship_mentor (partner_id, company_id, category_id, state, origin, active, preferred_format,
                                       capacity, is_trained, cleared_for_minors, running_mentee_count)
        SELECT partner, company, category, 'active', 'import', TRUE,
               (ARRAY['in_person', 'remote', 'mixed'])[1 + partner %% 3], capacity, TRUE, capacity = 8, 0
          FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[]) AS m(partner, company, category, capacity)
        RETURNING id
        """,
        [*rows, capacities],
    )


def populate(env, size):
    """The schools (and their department) with a teachers' program each,
    their curator or coordinator, the mentees (young teachers) with 1-3
    difficulties and the mentors (teachers, 1-8 places, a tenth cleared for
    minors) with 2-5 competencies among 30 tags; the pool's mentors belong to
    the department and are shared with every school. People are bulk rows, as
    an import of the bases would leave them."""
    rng = random.Random(21)
    cr = env.cr
    label = f"Matching Benchmark {size['name']}"
    department = env["res.company"].create({"name": f"{label} Department"})
    schools = env["res.company"].create(
        [{"name": f"{label} School {n}", "parent_id": department.id} for n in range(size["schools"])]
    )
    form = env.ref("mentorship_core.form_teacher_teacher")
    companies = department | schools
    if size["role"] == "curator":
        user = env["res.users"].create(
            {
                "name": f"{label} Curator",
                "login": f"bench_matching_curator_{size['name']}",
                "company_id": schools[0].id,
                "company_ids": [Command.set(schools.ids)],
                "group_ids": [Command.set([env.ref("mentorship_core.group_mentorship_curator").id])],
            }
        )
    else:
        user = env["res.users"].create(
            {
                "name": f"{label} Coordinator",
                "login": f"bench_matching_coordinator_{size['name']}",
                "company_id": department.id,
                "company_ids": [Command.set(companies.ids)],
                "group_ids": [Command.set([env.ref("mentorship_core.group_mentorship_coordinator").id])],
            }
        )
    programs = env["mentorship.program"].create(
        [
            {
                "name": f"Teachers of {school.name}",
                "form_id": form.id,
                "company_id": school.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 5, 31),
                "curator_id": user.id,
                "state": "running",
            }
            for school in schools
        ]
    )
    tags = env["mentorship.tag"].create([{"name": f"{label} difficulty {n}"} for n in range(TAGS)])
    env.flush_all()
    mentee_companies = [schools[n % len(schools)].id for n in range(size["mentees"])]
    own_mentors = size["mentors"] - size["shared"]
    mentor_companies = [schools[n % len(schools)].id for n in range(own_mentors)] + [department.id] * size["shared"]
    young_teacher = env.ref("mentorship_core.mentee_category_young_teacher").id
    teacher = env.ref("mentorship_core.mentor_category_teacher").id
    mentees = _profiles(
        cr, "mentorship_mentee", mentee_companies, f"{label} mentee ", [young_teacher] * size["mentees"]
    )
    capacities = [rng.randint(1, 8) for _mentor in range(size["mentors"])]
    mentors = _profiles(
        cr, "mentorship_mentor", mentor_companies, f"{label} mentor ", [teacher] * size["mentors"], capacities
    )
    tag_ids = tags.ids
    mentee_tags = [(mentee, tag) for mentee in mentees for tag in rng.sample(tag_ids, rng.randint(1, 3))]
    mentor_tags = [(mentor, tag) for mentor in mentors for tag in rng.sample(tag_ids, rng.randint(2, 5))]
    for table, column, rows in (
        ("mentorship_mentee_tag_rel", "mentorship_mentee_id", mentee_tags),
        ("mentorship_mentor_tag_rel", "mentorship_mentor_id", mentor_tags),
    ):
        cr.execute(
            f"INSERT INTO {table} ({column}, mentorship_tag_id) SELECT * FROM unnest(%s::int[], %s::int[])",
            [[row[0] for row in rows], [row[1] for row in rows]],
        )
    shared = [(mentor, school) for mentor in mentors[own_mentors:] for school in schools.ids]
    if shared:
        cr.execute(
            "INSERT INTO mentorship_mentor_shared_company_rel (mentorship_mentor_id, res_company_id) "
            "SELECT * FROM unnest(%s::int[], %s::int[])",
            [[row[0] for row in shared], [row[1] for row in shared]],
        )
    # a few mentees asked to replace a mentor of their school
    excluded = [(mentees[n], mentors[n % own_mentors]) for n in range(0, size["mentees"], 50)]
    cr.execute(
        "INSERT INTO mentorship_mentee_excluded_mentor_rel (mentorship_mentee_id, mentorship_mentor_id) "
        "SELECT * FROM unnest(%s::int[], %s::int[])",
        [[row[0] for row in excluded], [row[1] for row in excluded]],
    )
    env.invalidate_all()
    return user, programs, user.company_ids


def match(env, user, programs, companies):
    """As the user, with all their organisations allowed: the run's form,
    then Match, and the background job when the run is big, as the queue
    runs it. Returns the run and the wall time."""
    user_env = env(user=user, context={"allowed_company_ids": companies.ids, "tracking_disable": False})
    run = user_env["mentorship.matching"].create({"program_ids": [Command.set(programs.ids)], "mode": "coverage"})
    env.flush_all()
    env.invalidate_all()
    started = time.perf_counter()
    run.action_run()
    if run.state == "running":
        run._run_in_background()
    env.flush_all()
    return run, time.perf_counter() - started


def test_matching_school_and_municipality(env):
    lines = []
    for size, target in ((SCHOOL, 1.0), (MUNICIPALITY, 60.0)):
        user, programs, companies = populate(env, size)
        savepoint = env.cr.savepoint()
        run, elapsed = match(env, user, programs, companies)
        assert run.state == "done", run.error
        figures = run.read(
            [
                "mentee_count",
                "mentor_count",
                "edge_count",
                "matched_count",
                "greedy_matched_count",
                "total_score",
                "greedy_total_score",
                "score_ratio",
                "duration_read",
                "duration_solve",
                "duration_write",
            ]
        )[0]
        pairs = env["mentorship.pair"].search_count([("matching_line_id.matching_id", "=", run.id)])
        assert pairs == run.matched_count
        savepoint.rollback()
        savepoint.close()
        env.invalidate_all()
        tracemalloc.start()
        again, _elapsed = match(env, user, programs, companies)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert again.matched_count == figures["matched_count"]
        lines.append(
            f"  {size['name']:<12} {figures['mentee_count']:>6} mentees × {figures['mentor_count']:>5} mentors "
            f"({figures['edge_count']:>9} allowed pairs): {elapsed:6.2f} s in all (reading "
            f"{figures['duration_read']:5.2f} s, solving {figures['duration_solve']:5.2f} s, writing "
            f"{figures['duration_write']:5.2f} s), peak {peak / 2**20:6.1f} MiB; matched exact "
            f"{figures['matched_count']:>6} / greedy {figures['greedy_matched_count']:>6}, total score exact "
            f"{figures['total_score']:9.2f} / greedy {figures['greedy_total_score']:9.2f}, ratio "
            f"{figures['score_ratio']:.4f}"
        )
        # most matched, then quality: the exact solution is at least the greedy one in that order
        exact = (figures["matched_count"], figures["total_score"] + 1e-6)
        assert exact >= (figures["greedy_matched_count"], figures["greedy_total_score"])
        assert elapsed < target, f"{size['name']}: {elapsed:.1f} s, target {target} s"
    print(f"\nMatching, end to end as the curator and the coordinator (load {os.getloadavg()[0]:.1f}):")
    print("\n".join(lines))
