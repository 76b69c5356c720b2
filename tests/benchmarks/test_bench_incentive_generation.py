"""Benchmark: the incentives of one month for a municipality of 2,000 mentors,
5,000 working pairs and 40,000 meetings, from four accrual rules (a sum per
pair with two held meetings, a percentage of the wage per mentee with a cap,
a one-off sum for a completed plan, a cap per employee).

Run with ./setup/bench.sh -k incentive; prints the time, the number of queries
and the peak memory of the generation, for a tenth of the size too: the
target is under 10 s, with no query per mentor.
"""

import os
import time
import tracemalloc
from datetime import date, datetime

MONTH = (date(2025, 10, 1), date(2025, 10, 31))
MEETINGS_PER_PAIR = 8
SIZES = ((200, 500), (2000, 5000))  # (mentors, pairs)


def populate(env, mentors_count, pairs_count):
    """People, employees and rules through the ORM; pairs, meetings and plans
    as bulk rows (they would need approvals, consents and confirmations one by
    one): what is measured goes through the ORM."""
    company = env["res.company"].create({"name": f"Incentive Benchmark School {mentors_count}"})
    form = env.ref("mentorship_core.form_teacher_teacher")
    program = env["mentorship.program"].create(
        {
            "name": "Benchmark",
            "form_id": form.id,
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 5, 31),
        }
    )
    partners = env["res.partner"].create(
        [{"name": f"Incentive Person {i}", "company_id": company.id} for i in range(mentors_count + pairs_count)]
    )
    employees = env["hr.employee"].create(
        [
            {
                "name": partner.name,
                "company_id": company.id,
                "work_contact_id": partner.id,
                "date_version": date(2025, 1, 1),
                "wage": 40000.0 + 10 * index,
                "mentorship_personnel_number": f"B-{index:05d}",
            }
            for index, partner in enumerate(partners[:mentors_count])
        ]
    )
    mentors = env["mentorship.mentor"].create(
        [
            {"partner_id": partner.id, "employee_id": employee.id, "company_id": company.id, "state": "active"}
            for partner, employee in zip(partners[:mentors_count], employees, strict=True)
        ]
    )
    mentees = env["mentorship.mentee"].create(
        [{"partner_id": partner.id, "company_id": company.id} for partner in partners[mentors_count:]]
    )
    env.flush_all()
    cr = env.cr
    working = env.ref("mentorship_core.pair_stage_working")
    cr.execute(
        """
        INSERT INTO mentorship_pair (program_id, form_id, company_id, stage_id, state, kind, mentor_id, name, sequence,
                                     priority)
        SELECT %s, %s, %s, %s, 'working', 'traditional', mentor, 'Benchmark pair', 10, '0'
          FROM unnest(%s::int[]) WITH ORDINALITY AS m(mentor, n)
        RETURNING id
        """,
        [program.id, form.id, company.id, working.id, [mentors[i % mentors_count].id for i in range(pairs_count)]],
    )
    pair_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "INSERT INTO mentorship_pair_mentee_rel (pair_id, mentee_id) SELECT * FROM unnest(%s::int[], %s::int[])",
        [pair_ids, mentees.ids],
    )
    # eight meetings a pair in the month, the last one confirmed by the mentor only
    starts = [datetime(2025, 10, 2 + 3 * n, 15) for n in range(MEETINGS_PER_PAIR)]
    cr.execute(
        """
        INSERT INTO calendar_event (name, show_as, active, start, stop, mentorship_pair_id, mentorship_meeting_type,
                                    mentorship_mentor_confirmed, mentorship_mentee_confirmed, mentorship_is_held)
        SELECT 'Benchmark meeting', 'busy', TRUE, s, s + interval '1 hour', pair, 'regular', TRUE, n < %s, n < %s
          FROM unnest(%s::int[]) pair, unnest(%s::timestamp[]) WITH ORDINALITY AS m(s, n)
        """,
        [MEETINGS_PER_PAIR, MEETINGS_PER_PAIR, pair_ids, starts],
    )
    # a personal plan completed in the month for every tenth pair
    cr.execute(
        """
        INSERT INTO mentorship_plan (name, pair_id, company_id, date_start, date_end, state, date_done, progress)
        SELECT 'Benchmark plan', pair, %s, '2025-07-01', '2025-10-31', 'done', '2025-10-31', 100
          FROM unnest(%s::int[]) pair
        """,
        [company.id, pair_ids[::10]],
    )
    Rule = env["mentorship.incentive.rule"]
    common = {"company_id": company.id, "basis": "Benchmark regulation"}
    Rule.create(
        [
            {**common, "name": "Pair", "rule_type": "meetings", "amount": 3000.0, "min_meetings": 2,
             "accrual_code": "B1", "sequence": 1},
            {**common, "name": "Wage", "rule_type": "wage_percent", "wage_percent": 5.0, "max_amount": 7500.0,
             "accrual_code": "B2", "sequence": 2},
            {**common, "name": "Plan", "rule_type": "plan_completed", "amount": 5000.0, "accrual_code": "B3",
             "sequence": 3},
            {**common, "name": "Cap", "rule_type": "cap", "max_amount": 20000.0, "kind": False, "sequence": 4},
        ]
    )  # fmt: skip
    env.invalidate_all()
    assert env["calendar.event"].search_count([("mentorship_pair_id", "in", pair_ids)]) == MEETINGS_PER_PAIR * len(
        pair_ids
    )
    return company


def measure(env, company, memory=False):
    env.invalidate_all()
    if memory:
        tracemalloc.start()
    queries_before = env.cr.sql_log_count
    started, cpu_started = time.perf_counter(), time.process_time()
    result = env["mentorship.incentive.generation"]._generate(company, *MONTH)
    env.flush_all()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    queries = env.cr.sql_log_count - queries_before
    peak = 0
    if memory:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, (elapsed, cpu), queries, peak


def test_incentive_generation_of_a_municipality_month(env):
    lines = []
    results = {}
    for mentors_count, pairs_count in SIZES:
        company = populate(env, mentors_count, pairs_count)
        savepoint = env.cr.savepoint()
        result, (elapsed, cpu), queries, _peak = measure(env, company)
        savepoint.rollback()
        env.invalidate_all()
        result, _elapsed, _queries, peak = measure(env, company, memory=True)
        rerun, (rerun_elapsed, _cpu), rerun_queries, _peak = measure(env, company)
        savepoint.close(rollback=False)
        created = result["created"]
        assert len(created) >= 2 * mentors_count, "a pair payment and a wage percentage for every mentor"
        assert not rerun["created"] and not rerun["updated"]
        results[mentors_count] = (queries, rerun_queries)
        lines.append(
            f"  {mentors_count:>5} mentors, {pairs_count:>5} pairs, {MEETINGS_PER_PAIR * pairs_count:>6} meetings: "
            f"{len(created):>5} incentives in {elapsed:6.2f} s ({cpu:5.2f} s CPU of Odoo), {queries:>4} queries, "
            f"peak {peak / 2**20:6.1f} MiB; "
            f"second run {rerun_elapsed:5.2f} s, {rerun_queries:>4} queries"
        )
    load = os.getloadavg()[0]
    print(f"\nIncentives of one month (target: under 10 s for 2,000 mentors, queries not growing; load {load:.1f}):")
    print("\n".join(lines))
    (small, small_rerun), (large, large_rerun) = (results[mentors] for mentors, _pairs in SIZES)
    print(f"  10x the mentors: {large} queries against {small}, second run {large_rerun} against {small_rerun}")
    assert (large, large_rerun) == (small, small_rerun), "the number of queries grows with the mentors"
