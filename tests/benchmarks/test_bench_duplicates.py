"""Benchmark: the possible duplicates of a page of 80 mentees among 20,000
contacts (a municipality's base), every tenth mentee with a twin by name and
every tenth by e-mail.

Run with ./setup/bench.sh -k duplicates; prints the time and the number of
queries of the compute for the page: the target is under 200 ms, in a number
of queries that does not depend on the page.
"""

import time

CONTACTS = 20000
PAGE = 80
ROUNDS = 5


def populate(env):
    company = env["res.company"].create({"name": "Duplicates Benchmark School"})
    env["res.partner"].create(
        [{"name": f"Contact {i}", "email": f"contact{i}@bench.test"} for i in range(CONTACTS - 2 * PAGE)]
    )
    partners = env["res.partner"].create(
        [{"name": f"Mentee {i}", "email": f"mentee{i}@bench.test"} for i in range(PAGE)]
    )
    # twins of some mentees: the same name, or the same e-mail in capitals
    env["res.partner"].create(
        [{"name": f"MENTEE {i}", "email": f"twin{i}@bench.test"} for i in range(0, PAGE, 10)]
        + [{"name": f"Other {i}", "email": f"Mentee{i}@Bench.Test"} for i in range(5, PAGE, 10)]
    )
    mentees = env["mentorship.mentee"].create(
        [{"partner_id": partner.id, "company_id": company.id} for partner in partners]
    )
    env.flush_all()
    env.cr.execute("ANALYZE res_partner")
    return mentees


def test_duplicates_of_a_page(env):
    mentees = populate(env)
    timings, queries = [], 0
    for _round in range(ROUNDS):
        env.invalidate_all()
        count = env.cr.sql_log_count
        start = time.perf_counter()
        page = env["mentorship.mentee"].browse(mentees.ids)
        found = page.mapped("duplicate_partner_ids")
        timings.append(time.perf_counter() - start)
        queries = env.cr.sql_log_count - count
    assert len(found) == PAGE // 10 * 2
    assert not found & mentees.partner_id
    print(f"\n{CONTACTS} contacts, a page of {PAGE} mentees, best of {ROUNDS} rounds:")
    print(f"  possible duplicates   {min(timings) * 1000:8.1f} ms   {queries} queries")
    assert min(timings) < 0.2
