"""Benchmark: closing the municipal monitoring campaign of a department of
ten schools, 10,000 pairs of teachers: 20,000 participants (a mentor and a
mentee each) sent a satisfaction questionnaire, 10,000 of them answered (a
scored question and a yes/no question each), 40,000 meetings, 10,000 plans.

Run with ./setup/bench.sh -k monitoring; prints the time, the number of
queries and the peak memory of the closing job, for a tenth of the size too
(the queries must not grow with the participants), and the ratio against
Odoo survey's own statistics (``survey.survey._prepare_statistics`` and the
questions' ones, as its results page computes them) on the same answers,
and the time and peak memory of the municipal monitoring table (XLSX of
mentorship_reports) of the closed campaign. The target is under 60 s.
"""

import os
import time
import tracemalloc
from datetime import date, datetime

from odoo import Command

SCHOOLS = 10
MEETINGS_PER_PAIR = 4
SIZES = (1_000, 10_000)  # pairs: twice as many participants, half of whom answer
PERIOD = (date(2025, 10, 1), date(2025, 11, 30))


def _insert(cr, query, params):
    cr.execute(query, params)
    return [row[0] for row in cr.fetchall()]


def _questionnaire(env, purpose):
    survey = env["survey.survey"].create(
        {
            "title": f"Benchmark {purpose}",
            "scoring_type": "scoring_without_answers",
            "access_mode": "token",
            "mentorship_purpose": purpose,
        }
    )
    env["survey.question"].create(
        [
            {
                "survey_id": survey.id,
                "title": "How satisfied are you?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    Command.create({"value": f"{score} of 10", "answer_score": score}) for score in (10, 5, 0)
                ],
            },
            {
                "survey_id": survey.id,
                "title": "Do you want to go on?",
                "question_type": "simple_choice",
                "mentorship_indicator": "wants_to_continue",
                "suggested_answer_ids": [
                    Command.create({"value": "Yes", "mentorship_value": "yes"}),
                    Command.create({"value": "No", "mentorship_value": "no"}),
                ],
            },
        ]
    )
    return survey


def populate(env, pairs_count, surveys):
    """The department and its schools, programs and questionnaires through
    the ORM; people, pairs, meetings, plans and answers as bulk rows (they
    would need consents, approvals and the survey pages one by one)."""
    cr = env.cr
    department = env["res.company"].create({"name": f"Monitoring Benchmark Department {pairs_count}"})
    schools = env["res.company"].create(
        [{"name": f"Monitoring Benchmark School {pairs_count}-{n}", "parent_id": department.id} for n in range(SCHOOLS)]
    )
    form = env.ref("mentorship_core.form_teacher_teacher")
    programs = env["mentorship.program"].create(
        [
            {
                "name": f"Teachers of {school.name}",
                "form_id": form.id,
                "company_id": school.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 5, 31),
                "curator_id": False,
            }
            for school in schools
        ]
    )
    env.flush_all()
    school_of = [schools[n % SCHOOLS].id for n in range(pairs_count)]
    program_of = [programs[n % SCHOOLS].id for n in range(pairs_count)]
    partners = _insert(
        cr,
        """
        INSERT INTO res_partner (name, complete_name, active, type, company_id, email)
        SELECT 'Participant ' || n, 'Participant ' || n, TRUE, 'contact', company, 'p' || n || '@bench.test'
          FROM unnest(%s::int[]) WITH ORDINALITY AS p(company, n)
        RETURNING id
        """,
        [school_of + school_of],
    )
    mentor_partners, mentee_partners = partners[:pairs_count], partners[pairs_count:]
    mentors = _insert(
        cr,
        """
        INSERT INTO mentorship_mentor (partner_id, company_id, state, origin, active, capacity)
        SELECT partner, company, 'active', 'import', TRUE, 1 FROM unnest(%s::int[], %s::int[]) AS m(partner, company)
        RETURNING id
        """,
        [mentor_partners, school_of],
    )
    mentees = _insert(
        cr,
        """
        INSERT INTO mentorship_mentee (partner_id, company_id, state, origin, active)
        SELECT partner, company, 'active', 'import', TRUE FROM unnest(%s::int[], %s::int[]) AS m(partner, company)
        RETURNING id
        """,
        [mentee_partners, school_of],
    )
    working = env.ref("mentorship_core.pair_stage_working")
    pair_ids = _insert(
        cr,
        """
        INSERT INTO mentorship_pair (program_id, form_id, company_id, stage_id, state, kind, mentor_id, name, sequence,
                                     priority, date_start)
        SELECT program, %s, company, %s, 'working', 'traditional', mentor, 'Benchmark pair', 10, '0', '2025-09-15'
          FROM unnest(%s::int[], %s::int[], %s::int[]) AS p(program, company, mentor)
        RETURNING id
        """,
        [form.id, working.id, program_of, school_of, mentors],
    )
    cr.execute(
        "INSERT INTO mentorship_pair_mentee_rel (pair_id, mentee_id) SELECT * FROM unnest(%s::int[], %s::int[])",
        [pair_ids, mentees],
    )
    # four meetings a pair in the period, the last one confirmed by the mentor only
    starts = [datetime(2025, 10 + n // 2, 3 + 14 * (n % 2), 15) for n in range(MEETINGS_PER_PAIR)]
    cr.execute(
        """
        INSERT INTO calendar_event (name, show_as, active, start, stop, mentorship_pair_id, mentorship_meeting_type,
                                    mentorship_mentor_confirmed, mentorship_mentee_confirmed, mentorship_is_held)
        SELECT 'Benchmark meeting', 'busy', TRUE, s, s + interval '1 hour', pair, 'regular', TRUE, n < %s, n < %s
          FROM unnest(%s::int[]) pair, unnest(%s::timestamp[]) WITH ORDINALITY AS m(s, n)
        """,
        [MEETINGS_PER_PAIR, MEETINGS_PER_PAIR, pair_ids, starts],
    )
    cr.execute(
        """
        INSERT INTO mentorship_plan (name, pair_id, company_id, date_start, date_end, state, progress)
        SELECT 'Benchmark plan', pair, company, '2025-09-15', '2026-05-31', 'in_progress', (pair %% 5) * 20
          FROM unnest(%s::int[], %s::int[]) AS p(pair, company)
        """,
        [pair_ids, school_of],
    )
    campaign = env["mentorship.monitoring"].create(
        {"name": "Benchmark", "company_id": department.id, "date_from": PERIOD[0], "date_to": PERIOD[1]}
    )
    env.flush_all()
    assert len(campaign.pair_ids) == pairs_count
    # a questionnaire for each participant, sent; every second mentor and mentee answered
    mentor_survey, mentee_survey = surveys
    answers = _insert(
        cr,
        """
        INSERT INTO survey_user_input (survey_id, partner_id, mentorship_pair_id, mentorship_monitoring_id,
                                       access_token, state, test_entry, is_session_answer, scoring_percentage,
                                       scoring_total, scoring_success, email, nickname)
        SELECT survey, partner, pair, %s, md5(random()::text || n), CASE WHEN done THEN 'done' ELSE 'new' END,
               FALSE, FALSE, CASE WHEN done THEN (n %% 3) * 50.0 ELSE 0 END,
               CASE WHEN done THEN (n %% 3) * 5 ELSE 0 END, FALSE, 'p' || n || '@bench.test', 'Participant'
          FROM unnest(%s::int[], %s::int[], %s::int[], %s::bool[]) WITH ORDINALITY AS a(survey, partner, pair, done, n)
        RETURNING id
        """,
        [
            campaign.id,
            [mentor_survey.id] * pairs_count + [mentee_survey.id] * pairs_count,
            partners,
            pair_ids + pair_ids,
            [n % 2 == 0 for n in range(2 * pairs_count)],
        ],
    )
    done = answers[::2]
    for survey in surveys:
        scored, signal = survey.question_ids.sorted("id")
        yes, no = signal.suggested_answer_ids.sorted("id")
        cr.execute(
            """
            INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, answer_type,
                                                suggested_answer_id, answer_score, skipped)
            SELECT answer.id, %(survey)s, line.question, 'suggestion', line.choice, 0, FALSE
              FROM survey_user_input answer
             CROSS JOIN LATERAL (VALUES (%(scored)s, %(top)s),
                                        (%(signal)s, CASE WHEN answer.id %% 2 = 0 THEN %(yes)s ELSE %(no)s END))
                   AS line(question, choice)
             WHERE answer.id = ANY(%(done)s) AND answer.survey_id = %(survey)s
            """,
            {
                "survey": survey.id,
                "scored": scored.id,
                "top": scored.suggested_answer_ids.sorted("id")[:1].id,
                "signal": signal.id,
                "yes": yes.id,
                "no": no.id,
                "done": done,
            },
        )
    cr.execute(
        "UPDATE mentorship_monitoring SET state = 'running' WHERE id = %s",
        [campaign.id],
    )
    env.invalidate_all()
    assert campaign.sent_count == 2 * pairs_count and campaign.answered_count == len(done)
    return campaign, len(done)


def close(env, campaign):
    """Close as the user does, then run the job as the runner would: time,
    CPU and queries; then run the job again under tracemalloc for the peak
    memory (it recomputes the same rows)."""
    env.invalidate_all()
    queries_before = env.cr.sql_log_count
    started, cpu_started = time.perf_counter(), time.process_time()
    campaign.action_close()
    campaign._close()
    env.flush_all()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    queries = env.cr.sql_log_count - queries_before
    rows = len(campaign.indicator_ids)
    env.invalidate_all()
    tracemalloc.start()
    campaign._close()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert len(campaign.indicator_ids) == rows
    return elapsed, cpu, queries, peak


def survey_statistics(env, campaign, surveys):
    """Odoo survey's results page on the same answers: the survey's figures
    and each question's, from the answer lines of the campaign."""
    env.invalidate_all()
    started = time.perf_counter()
    for survey in surveys:
        lines = env["survey.user_input.line"].search(
            [("user_input_id.mentorship_monitoring_id", "=", campaign.id), ("survey_id", "=", survey.id)]
        )
        survey._prepare_statistics(lines)
        survey.question_ids._prepare_statistics(lines)
    return time.perf_counter() - started


def municipal_xlsx(env, campaign):
    """The municipal monitoring table of the closed campaign, as its Print
    menu makes it: time, then peak Python memory of a second run."""
    report = "mentorship_reports.action_report_monitoring_xlsx"
    env.invalidate_all()
    started = time.perf_counter()
    content, _file_type = env["ir.actions.report"]._render_xlsx(report, campaign.ids, {})
    elapsed = time.perf_counter() - started
    env.invalidate_all()
    tracemalloc.start()
    env["ir.actions.report"]._render_xlsx(report, campaign.ids, {})
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak, len(content)


def test_closing_a_municipal_campaign(env):
    surveys = (_questionnaire(env, "mentor_satisfaction"), _questionnaire(env, "mentee_satisfaction"))
    lines, results = [], {}
    for pairs_count in SIZES:
        campaign, answered = populate(env, pairs_count, surveys)
        elapsed, cpu, queries, peak = close(env, campaign)
        assert campaign.state == "closed", campaign.close_error
        assert elapsed < 60, f"closing took {elapsed:.1f} s"
        department = campaign.indicator_ids.filtered(
            lambda row, campaign=campaign: row.level == "organisation" and row.company_id == campaign.company_id
        )
        figures = {row.indicator: row.value for row in department}
        assert figures["participants"] == 2 * pairs_count
        assert figures["held_meetings"] == (MEETINGS_PER_PAIR - 1) * pairs_count
        survey_elapsed = survey_statistics(env, campaign, surveys)
        results[pairs_count] = queries
        xlsx_elapsed, xlsx_peak, xlsx_size = municipal_xlsx(env, campaign)
        lines.append(
            f"  {2 * pairs_count:>6} participants, {answered:>6} answered, {pairs_count:>6} pairs: closed in "
            f"{elapsed:6.2f} s ({cpu:5.2f} s CPU), {queries:>4} queries, peak {peak / 2**20:6.1f} MiB, "
            f"{len(campaign.indicator_ids):>6} indicator rows; survey's statistics {survey_elapsed:6.2f} s, "
            f"ratio {elapsed / survey_elapsed:4.2f}; municipal XLSX {xlsx_elapsed:5.2f} s, "
            f"peak {xlsx_peak / 2**20:5.1f} MiB, {xlsx_size / 1024:5.1f} KiB"
        )
    load = os.getloadavg()[0]
    print(f"\nClosing a municipal monitoring campaign (target: under 60 s, queries not growing; load {load:.1f}):")
    print("\n".join(lines))
    small, large = (results[size] for size in SIZES)
    print(f"  10x the participants: {large} queries against {small}")
    assert large == small, "the number of queries grows with the participants"
