"""Benchmark: the base of mentees of a municipality as XLSX, 20,000 mentees
with their class, category and two difficulties each, the adults (every
second) with a consent, every tenth in a pair, exported by a curator.

Run with ./setup/bench.sh -k reports_xlsx; prints the time of the export
(without tracing) and its peak of Python memory (a second export under
tracemalloc, which counts every allocation of the ORM and xlsxwriter but not
the memory of the C libraries). Targets: under 30 s and under 500 MB.
"""

import io
import time
import tracemalloc

from openpyxl import load_workbook

from odoo import Command

from odoo.addons.mail.tests.common import mail_new_test_user

MENTEES = 20000
TAGS = 10
REPORT = "mentorship_reports.action_report_mentee_base_xlsx"


def populate(env):
    company = env["res.company"].create({"name": "XLSX Benchmark Municipality"})
    tags = env["mentorship.tag"].create([{"name": f"Benchmark difficulty {i}"} for i in range(TAGS)])
    partners = env["res.partner"].create(
        [
            {"name": f"Benchmark Mentee {i:05d}", "mentorship_is_minor": i % 2 == 1, "mentorship_school_class": "7А"}
            for i in range(MENTEES)
        ]
    )
    env["mentorship.consent"].create(
        [
            {"partner_id": partner.id, "signer_partner_id": partner.id, "company_id": company.id}
            for partner in partners[::2]
        ]
    )
    mentees = env["mentorship.mentee"].create(
        [
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "category_id": env.ref("mentorship_core.mentee_category_pupil_support").id,
                "difficulty_tag_ids": [Command.set(tags[index % TAGS : index % TAGS + 2].ids)],
            }
            for index, partner in enumerate(partners)
        ]
    )
    program = env["mentorship.program"].create(
        {
            "name": "XLSX Benchmark Program",
            "form_id": env.ref("mentorship_core.form_pupil_pupil").id,
            "company_id": company.id,
            "date_start": "2025-09-01",
            "date_end": "2026-05-31",
        }
    )
    env["mentorship.pair"].create(
        [{"program_id": program.id, "mentee_ids": [Command.set(mentee.ids)]} for mentee in mentees[::10]]
    )
    curator = mail_new_test_user(
        env,
        login="xlsx_benchmark_curator",
        groups="mentorship_core.group_mentorship_curator",
        company_id=company.id,
        company_ids=[Command.set(company.ids)],
    )
    env.flush_all()
    env.cr.execute("ANALYZE mentorship_mentee, res_partner, mentorship_consent, mentorship_pair_mentee_rel")
    return mentees, curator


def export(env, mentees, curator):
    env.invalidate_all()
    reports = env(user=curator, context={"allowed_company_ids": curator.company_ids.ids})["ir.actions.report"]
    content, _file_type = reports._render_xlsx(REPORT, mentees.ids, {})
    return content


def test_mentee_base_of_20000(env):
    mentees, curator = populate(env)
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    content = export(env, mentees, curator)
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries

    tracemalloc.start()
    export(env, mentees, curator)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    sheet = load_workbook(io.BytesIO(content), read_only=True)["Mentees"]
    assert sheet.max_row == 5 + MENTEES
    print(f"\nbase of {MENTEES} mentees as XLSX, exported by a curator ({len(content) / 2**20:.1f} MB file):")
    print(f"  time                  {elapsed:8.1f} s   {queries} queries")
    print(f"  peak Python memory    {peak / 2**20:8.1f} MB (tracemalloc)")
    assert elapsed < 30
    assert peak < 500 * 2**20
