"""Benchmark: the pair kanban and list with 5,000 pairs against Odoo's own
res.partner list of 5,000 records, on the same database.

Run with ./setup/bench.sh; prints the timings and the ratios.
"""

import time
from datetime import date

from odoo import Command

from odoo.addons.mentorship_core.tests.test_query_counts import NAMED, PAIR_KANBAN, PAIR_LIST

RECORDS = 5000
ROUNDS = 5
PARTNER_LIST = {
    "complete_name": {},
    "phone": {},
    "email": {},
    "user_id": NAMED,
    "city": {},
    "country_id": NAMED,
    "company_id": NAMED,
    "category_id": {"fields": {"display_name": {}, "color": {}}},
}


def populate(env):
    company = env["res.company"].create({"name": "Benchmark School"})
    program = env["mentorship.program"].create(
        {
            "name": "Benchmark",
            "form_id": env.ref("mentorship_core.form_teacher_teacher").id,
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 5, 31),
        }
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Benchmark Person {i}", "email": f"p{i}@bench.test", "company_id": company.id}
            for i in range(RECORDS)
        ]
    )
    mentors = env["mentorship.mentor"].create(
        [
            {
                "partner_id": p.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentor_category_teacher").id,
            }
            for p in partners[:500]
        ]
    )
    mentees = env["mentorship.mentee"].create(
        [
            {
                "partner_id": p.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentee_category_young_teacher").id,
            }
            for p in partners[500:]
        ]
    )
    stages = env["mentorship.pair.stage"].search([("state", "in", ["candidate", "matching", "agreement"])])
    env["mentorship.pair"].create(
        [
            {
                "program_id": program.id,
                "mentor_id": mentors[i % len(mentors)].id,
                "mentee_ids": [Command.set(mentees[i % len(mentees)].ids)],
                "stage_id": stages[i % len(stages)].id,
            }
            for i in range(RECORDS)
        ]
    )
    env.flush_all()
    return company


def best_time(env, call):
    timings = []
    for _round in range(ROUNDS):
        env.invalidate_all()
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return min(timings)


def test_pair_views_against_partner_list(env):
    company = populate(env)
    scoped = env(context={"allowed_company_ids": company.ids})
    domain = [("company_id", "=", company.id)]
    partner_list = best_time(env, lambda: scoped["res.partner"].web_search_read(domain, PARTNER_LIST, limit=80))
    pair_list = best_time(env, lambda: scoped["mentorship.pair"].web_search_read(domain, PAIR_LIST, limit=80))
    pair_kanban = best_time(
        env,
        lambda: scoped["mentorship.pair"].web_read_group(
            domain,
            ["stage_id"],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification=PAIR_KANBAN,
            unfold_read_default_limit=40,
        ),
    )
    assert scoped["mentorship.pair"].search_count(domain) == RECORDS
    print(f"\n{RECORDS} records, best of {ROUNDS} rounds:")
    print(f"  res.partner list (Odoo)     {partner_list * 1000:8.1f} ms")
    print(f"  mentorship.pair list        {pair_list * 1000:8.1f} ms   ratio {pair_list / partner_list:.2f}")
    print(f"  mentorship.pair kanban      {pair_kanban * 1000:8.1f} ms   ratio {pair_kanban / partner_list:.2f}")
