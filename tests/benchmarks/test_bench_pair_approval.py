"""Benchmark: approving 500 pairs of a municipality by one order, with the
tracking, the chatter notes and the order's message on the program.

Run with ./setup/bench.sh -k approval; prints the time and the number of
queries for 100 and 500 pairs: the target is under 3 s for 500, with no query
per pair. The ORM writes rows in statements of 100 (``INSERT_BATCH_SIZE`` and
``UPDATE_BATCH_SIZE``): each further 100 pairs cost one statement for each
kind of row written, never one per pair.
"""

import time
from datetime import date

from odoo import Command

SIZES = (100, 500)
# rows written per pair: the pair, its mentor, its note, its tracking message
# and its three tracking values (stage, order number and date)
ROWS_PER_PAIR = 7


def populate(env, count):
    """``count`` pairs in Agreement whose participants have their consents and
    whose mentors are trained, in one program of a new school."""
    company = env["res.company"].create({"name": f"Approval Benchmark School {count}"})
    program = env["mentorship.program"].create(
        {
            "name": f"Approval benchmark {count}",
            "form_id": env.ref("mentorship_core.form_teacher_teacher").id,
            "company_id": company.id,
            "date_start": date(2025, 9, 1),
            "date_end": date(2026, 5, 31),
        }
    )
    partners = env["res.partner"].create([{"name": f"Approval Person {count}-{i}"} for i in range(2 * count)])
    env["mentorship.consent"].create(
        [{"partner_id": p.id, "signer_partner_id": p.id, "company_id": company.id} for p in partners]
    )
    mentors = env["mentorship.mentor"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentor_category_teacher").id,
                "is_trained": True,
            }
            for partner in partners[:count]
        ]
    )
    mentees = env["mentorship.mentee"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentee_category_young_teacher").id,
            }
            for partner in partners[count:]
        ]
    )
    pairs = env["mentorship.pair"].create(
        [
            {
                "program_id": program.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "stage_id": env.ref("mentorship_core.pair_stage_agreement").id,
            }
            for mentor, mentee in zip(mentors, mentees, strict=True)
        ]
    )
    env.flush_all()
    return pairs


def approve(env, pairs):
    """Approve ``pairs`` with the wizard, tracking included; returns the
    time and the number of queries."""
    env.invalidate_all()
    tracked = env(context={})
    wizard = tracked["mentorship.pair.approve.wizard"].create(
        {"pair_ids": [Command.set(pairs.ids)], "order_number": "77-od", "order_date": date(2025, 9, 15)}
    )
    env.cr.flush()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    wizard.action_approve()
    env.cr.flush()  # the tracking messages are written before the commit
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    assert set(pairs.mapped("state")) == {"approved"}
    return elapsed, queries


def test_approve_pairs_by_order(env):
    approve(env, populate(env, 5))  # warm-up: fields, subtypes and translations are cached
    figures = {}
    for count in SIZES:
        figures[count] = approve(env, populate(env, count))
    print()
    for count, (elapsed, queries) in figures.items():
        print(f"  approve {count:4d} pairs   {elapsed * 1000:8.1f} ms   {queries:5d} queries")
    small, large = SIZES
    assert figures[large][1] <= figures[small][1] + ROWS_PER_PAIR * (large - small) // 100, "a query per pair"
    assert figures[large][0] < 3.0
