"""Benchmark: the mark dynamics of 10,000 pupils with 8 periods of marks.

Run with ./setup/bench.sh; prints the time and the number of queries (the
target is under 5 s, with no query per pupil).
"""

import time
from datetime import date

from dateutil.relativedelta import relativedelta

PUPILS = 10_000
PERIODS = 8
SUBJECTS = 3


def populate(env):
    company = env["res.company"].create({"name": "Dynamics Benchmark School"})
    start = date(2023, 9, 1)
    periods = env["mentorship.school.period"].create(
        [
            {
                "name": f"Benchmark period {index + 1}",
                "date_start": start + relativedelta(months=3 * index),
                "date_end": start + relativedelta(months=3 * index + 3, days=-1),
            }
            for index in range(PERIODS)
        ]
    )
    pupils = env["res.partner"].create(
        [{"name": f"Benchmark Pupil {i}", "mentorship_is_pupil": True} for i in range(PUPILS)]
    )
    subjects = env["mentorship.school.subject"].search([], limit=SUBJECTS)
    env.flush_all()
    # bulk rows for the benchmark's data only; what is measured goes through the ORM
    env.cr.execute(
        """
        INSERT INTO mentorship_school_mark (partner_id, period_id, subject_id, average, company_id)
        SELECT pupil, period, subject, 2 + ((pupil + period + subject) %% 30) / 10.0, %s
          FROM unnest(%s::int[]) pupil, unnest(%s::int[]) period, unnest(%s::int[]) subject
        """,
        [company.id, pupils.ids, periods.ids, subjects.ids],
    )
    return pupils, periods


def test_mark_dynamics_of_10000_pupils(env):
    pupils, periods = populate(env)
    mentorship_start = periods[PERIODS // 2].date_start
    starts = dict.fromkeys(pupils.ids, mentorship_start)
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    started = time.perf_counter()
    dynamics = pupils._mentorship_mark_dynamics(starts)
    elapsed = time.perf_counter() - started
    queries = env.cr.sql_log_count - queries_before
    assert len(dynamics) == PUPILS
    before, since = dynamics[pupils[0].id]
    assert 2 <= before <= 5 and 2 <= since <= 5
    print(f"\n{PUPILS} pupils x {PERIODS} periods x {SUBJECTS} subjects = {PUPILS * PERIODS * SUBJECTS} marks")
    print(f"  mark dynamics          {elapsed:8.2f} s   ({queries} queries; target under 5 s)")
