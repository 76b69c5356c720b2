from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common_monitoring import MonitoringCase


@tagged("post_install", "-at_install")
class TestMonitoringCampaign(MonitoringCase, TransactionCase):
    """A department campaign of two schools from sending to the indicators,
    every figure computed by hand in the comments."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_monitoring()
        cls._held_meetings()
        cls._plans()
        # the young teacher assessed herself at 2 of 10 in May
        cls.may = cls._campaign(company=cls.school, period=(date(2025, 5, 1), date(2025, 5, 31)), name="May")
        may_answer = cls.self_survey._create_answer(
            partner=cls.young_teacher, check_attempts=False, mentorship_monitoring_id=cls.may.id
        )
        question = cls.self_survey.question_ids
        may_answer._save_lines(question, question.suggested_answer_ids.filtered(lambda c: c.answer_score == 2).id)
        may_answer._mark_done()

    def _send_and_answer(self):
        campaign = self._campaign()
        self._as("coordinator", "mentorship.monitoring").browse(campaign.id).action_send()
        self._respond(
            campaign,
            self.staff_mentor.partner_id,
            self.mentor_survey,
            10,
            ("wants_to_continue",),
            user=self.users["staff_mentor"],
        )
        self._respond(campaign, self.young_teacher, self.mentee_survey, 5, ("wants_to_continue", "wants_to_mentor"))
        self._respond(campaign, self.young_teacher, self.self_survey, 6)
        self._respond(campaign, self.pupil_mentor.partner_id, self.mentor_survey, 5, user=self.users["portal_mentor"])
        self._respond(
            campaign,
            self.pupil_mentee.partner_id,
            self.mentee_survey,
            10,
            ("wants_to_continue",),
            user=self.users["portal_mentee"],
        )
        self._respond(campaign, self.mentee_b, self.mentee_survey, 0)
        return campaign

    def test_scope_is_the_running_pairs_of_the_department(self):
        campaign = self._campaign()
        self.assertEqual(campaign.program_ids, self.program_teachers | self.program_pupils | self.program_b)
        # the other pair of school A is still in matching
        self.assertEqual(campaign.pair_ids, self.staff_pair | self.pupil_pair | self.pair_b)
        self.assertEqual(self._campaign(company=self.school_b).pair_ids, self.pair_b)

    def test_send_gives_each_participant_the_questionnaire_of_their_side(self):
        campaign = self._campaign()
        self._as("coordinator", "mentorship.monitoring").browse(campaign.id).action_send()
        self.assertEqual(campaign.state, "running")
        answers = campaign.sudo().user_input_ids
        got = {(answer.survey_id, answer.partner_id, answer.mentorship_pair_id) for answer in answers}
        no_pair = self.env["mentorship.pair"]
        self.assertEqual(
            got,
            {
                (self.mentor_survey, self.staff_mentor.partner_id, self.staff_pair),
                (self.mentee_survey, self.young_teacher, self.staff_pair),
                (self.self_survey, self.young_teacher, self.staff_pair),
                (self.mentor_survey, self.pupil_mentor.partner_id, self.pupil_pair),
                (self.mentee_survey, self.pupil_mentee.partner_id, self.pupil_pair),
                (self.mentor_survey, self.mentor_b, self.pair_b),
                (self.mentee_survey, self.mentee_b, self.pair_b),
                (self.self_survey, self.mentee_b, self.pair_b),
                # one review of the curator who runs the three programs
                (self.curator_survey, self.curator.partner_id, no_pair),
            },
        )
        self.assertEqual((campaign.sent_count, campaign.answered_count, campaign.response_rate), (9, 0, 0.0))
        # survey's own invitation, its link opening the participant's answer
        answer = answers.filtered(lambda answer: answer.partner_id == self.young_teacher)[:1]
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.young_teacher.id)])
        self.assertEqual(len(mails), 2)
        self.assertTrue(any(answer.access_token in mail.body_html for mail in mails))

    def test_reminders_go_to_those_who_have_not_answered(self):
        campaign = self._send_and_answer()
        self.assertEqual((campaign.sent_count, campaign.answered_count), (9, 6))
        self.assertAlmostEqual(campaign.response_rate, 66.7, places=1)
        before = self.env["mail.mail"].search([]).ids
        self._as("coordinator", "mentorship.monitoring").browse(campaign.id).action_remind()
        reminded = self.env["mail.mail"].search([("id", "not in", before)])
        # B's mentor, B's mentee (self-assessment) and the curator
        self.assertEqual(reminded.recipient_ids, self.mentor_b | self.mentee_b | self.curator.partner_id)
        self.assertTrue(campaign.date_reminded)
        # the weekly cron reminds only while the period lasts: this one ended in November 2025
        before = self.env["mail.mail"].search([]).ids
        self.env["mentorship.monitoring"]._cron_remind()
        pending = self.mentor_b | self.mentee_b | self.curator.partner_id
        self.assertFalse(self.env["mail.mail"].search([("id", "not in", before), ("recipient_ids", "in", pending.ids)]))

    def test_closing_computes_the_indicators(self):
        campaign = self._close(self._send_and_answer())
        self.assertEqual((campaign.state, campaign.close_error), ("closed", False))
        self.assertEqual(campaign.progress, 100)
        pair = self._indicators(campaign, "pair", self.school, pair=self.staff_pair)
        self.assertEqual(
            pair,
            {
                "pairs": 1,
                "participants": 2,
                # 4 meetings both sides confirmed in two months; the mentor's alone and December's do not count
                "held_meetings": 4,
                "meetings_per_month": 2.0,
                "plan_progress": 50.0,
                "plans_at_risk": 0,
                "response_rate": 100.0,
                "mentor_satisfaction": 100.0,
                "mentee_satisfaction": 50.0,
                # 60 now against 20 in May
                "competence_change": 40.0,
                "mentors_continue": 1,
                "mentees_continue": 1,
                "mentees_become_mentors": 1,
            },
        )
        pupils = self._indicators(campaign, "pair", self.school, pair=self.pupil_pair)
        # no personal plan: at risk; one meeting in two months
        self.assertEqual(
            {key: pupils[key] for key in ("meetings_per_month", "plans_at_risk", "mentor_satisfaction")},
            {"meetings_per_month": 0.5, "plans_at_risk": 1, "mentor_satisfaction": 50.0},
        )
        self.assertNotIn("plan_progress", pupils)
        self.assertNotIn("mentors_continue", pupils)
        department = self._indicators(campaign, "organisation", self.department)
        self.assertEqual(
            department,
            {
                "pairs": 3,
                "participants": 6,
                "held_meetings": 7,
                # 7 meetings in 6 pair-months
                "meetings_per_month": 1.17,
                "plan_progress": 25.0,
                # the pupils' pair without a plan, and B's plan with nothing done at its end
                "plans_at_risk": 2,
                "response_rate": 75.0,
                "mentor_satisfaction": 75.0,
                "mentee_satisfaction": 50.0,
                "competence_change": 40.0,
                "mentors_continue": 1,
                "mentees_continue": 2,
                "mentees_become_mentors": 1,
            },
        )
        school = self._indicators(campaign, "organisation", self.school)
        self.assertEqual((school["meetings_per_month"], school["response_rate"]), (1.25, 100.0))

    def test_forms_add_up_across_schools_and_roll_up(self):
        campaign = self._close(self._send_and_answer())
        teachers = [
            self._indicators(campaign, "form", company, form=self.form_teachers)
            for company in (self.school, self.school_b, self.department)
        ]
        for indicator in ("pairs", "participants", "held_meetings", "plans_at_risk", "mentees_continue"):
            with self.subTest(indicator=indicator):
                self.assertEqual(teachers[0].get(indicator, 0) + teachers[1].get(indicator, 0), teachers[2][indicator])
        # averages are weighted: 6 meetings in 4 pair-months, satisfaction of 50 and 0
        self.assertEqual((teachers[2]["meetings_per_month"], teachers[2]["mentee_satisfaction"]), (1.5, 25.0))
        self.assertEqual(self._indicators(campaign, "form", self.department, form=self.form_pupils)["pairs"], 1)
        # the programs: school B's program holds pair B alone
        program_b = campaign.indicator_ids.filtered(
            lambda row: row.level == "program" and row.program_id == self.program_b and row.indicator == "pairs"
        )
        self.assertEqual(program_b.value, 1)

    def test_a_region_adds_up_its_departments(self):
        """Region → two departments → a school each: the region's rows are its
        departments' together, each department's its school's."""
        Company = self.env["res.company"]
        region = Company.create({"name": "Test Region"})
        schools = Company
        for number, meetings in ((1, (2, 9)), (2, (3,))):
            department = Company.create({"name": f"Test Department {number}", "parent_id": region.id})
            school = Company.create({"name": f"Test School R{number}", "parent_id": department.id})
            self.env.user.company_ids |= department | school
            program = self._program(self.form_teachers, f"Teachers R{number}", company=school)
            pair = self._pair(
                self._mentor(f"Mentor R{number}", company=school),
                self._mentee(f"Mentee R{number}", company=school),
                program=program,
            )
            self._approve(pair)
            pair.action_start_work()
            self._meetings(pair, meetings)
            schools |= school
        self.env.user.company_ids |= region
        campaign = self._campaign(company=region)
        campaign.action_send()
        self._close(campaign)
        figures = {
            company: self._indicators(campaign, "organisation", company)
            for company in (region, *schools.parent_id, *schools)
        }
        for indicator, school_values in (("pairs", (1, 1)), ("participants", (2, 2)), ("held_meetings", (2, 1))):
            with self.subTest(indicator=indicator):
                self.assertEqual(tuple(figures[school][indicator] for school in schools), school_values)
                for school in schools:
                    self.assertEqual(figures[school.parent_id][indicator], figures[school][indicator])
                self.assertEqual(figures[region][indicator], sum(school_values))
        teachers = self._indicators(campaign, "form", region, form=self.form_teachers)
        self.assertEqual((teachers["pairs"], teachers["held_meetings"]), (2, 3))

    def test_plans_at_risk_follow_the_health_setting(self):
        """Pair B's plan is 71 points behind at the end of the period: at
        risk with the default 25, not when the setting allows 80."""
        self.env["ir.config_parameter"].set_param("mentorship_core.plan_attention_gap", 80)
        campaign = self._close(self._send_and_answer())
        self.assertEqual(self._indicators(campaign, "pair", self.school_b, pair=self.pair_b)["plans_at_risk"], 0)

    def test_closing_twice_is_refused_and_the_job_recomputes_identically(self):
        campaign = self._close(self._send_and_answer())

        def snapshot():
            return sorted(
                (
                    row.level,
                    row.company_id.id,
                    row.form_id.id,
                    row.program_id.id,
                    row.pair_id.id,
                    row.indicator,
                    row.value,
                    row.base,
                )
                for row in campaign.indicator_ids
            )

        first = snapshot()
        with self.assertRaisesRegex(UserError, "Only a running campaign can be closed"):
            campaign.action_close()
        campaign._close()
        self.assertEqual(snapshot(), first)
        self.assertEqual(campaign.indicator_count, len(first))

    def test_bad_input_is_refused_with_nothing_written(self):
        empty = self._campaign(company=self.school, period=(date(2024, 10, 1), date(2024, 11, 30)))
        self.assertFalse(empty.pair_ids)
        with self.assertRaisesRegex(UserError, "has nobody to ask"):
            empty.action_send()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(self.env["survey.user_input"].search([("mentorship_monitoring_id", "=", empty.id)]))
        with self.assertRaisesRegex(UserError, "Only a running campaign can be closed"):
            empty.action_close()
        with self.assertRaisesRegex(UserError, "Only a running campaign sends reminders"):
            empty.action_remind()
        with self.assertRaisesRegex(ValidationError, "outside the organisation"):
            self._campaign(
                company=self.school_b, program_ids=[Command.set(self.program_teachers.ids)], pair_ids=[Command.clear()]
            )
        with self.assertRaisesRegex(ValidationError, "outside the organisation"):
            self._campaign(
                company=self.school_b,
                program_ids=[Command.set(self.program_b.ids)],
                pair_ids=[Command.set((self.pair_b | self.staff_pair).ids)],
            )
        with self.assertRaises(ValidationError):
            self._campaign(period=(date(2025, 12, 1), date(2025, 11, 1)))
        campaign = self._send_and_answer()
        with self.assertRaisesRegex(UserError, "is fixed once it is sent"):
            campaign.date_to = date(2025, 12, 31)
        with self.assertRaisesRegex(UserError, "is sent already"):
            campaign.action_send()
        with self.assertRaisesRegex(UserError, "cancel it first"):
            campaign.unlink()


@tagged("post_install", "-at_install")
class TestMonitoringAccess(MonitoringCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_monitoring()
        cls.campaign_a = cls._campaign(company=cls.school, name="School A")
        cls.campaign_b = cls._campaign(company=cls.school_b, name="School B")
        cls.municipal = cls._campaign(name="Municipality")
        (cls.campaign_a | cls.campaign_b).action_send()

    def _sees(self, role, records):
        try:
            return records.with_env(self._as(role)).search([("id", "in", records.ids)])
        except AccessError:
            return records.browse()

    def test_each_role_sees_its_campaigns(self):
        campaigns = self.campaign_a | self.campaign_b | self.municipal
        self.assertEqual(self._sees("curator", campaigns), self.campaign_a)
        self.assertEqual(self._sees("curator_b", campaigns), self.campaign_b)
        self.assertEqual(self._sees("coordinator", campaigns), campaigns)
        for role in ("staff_mentor", "hr_officer", "portal_mentee", "portal_mentor", "parent"):
            with self.subTest(role=role):
                self.assertFalse(self._sees(role, campaigns))

    def test_curator_closes_their_school_only(self):
        self._as("curator", "mentorship.monitoring").browse(self.campaign_a.id).action_close()
        with self.assertRaises(AccessError):
            self._as("curator", "mentorship.monitoring").browse(self.campaign_b.id).action_close()
        with self.assertRaises(AccessError):
            self._as("staff_mentor", "mentorship.monitoring").browse(self.campaign_a.id).action_send()

    def test_indicators_follow_their_campaign(self):
        self._close(self.campaign_a)
        self._close(self.campaign_b)
        rows = self.campaign_a.indicator_ids | self.campaign_b.indicator_ids
        self.assertEqual(self._sees("curator", rows), self.campaign_a.indicator_ids)
        self.assertEqual(self._sees("coordinator", rows), rows)
        self.assertFalse(self._sees("staff_mentor", rows))
        self.assertFalse(self._sees("portal_mentee", rows))

    def test_participants_reach_only_their_own_answers(self):
        answers = (self.campaign_a | self.campaign_b).sudo().user_input_ids
        own = answers.filtered(lambda answer: answer.partner_id == self.users["staff_mentor"].partner_id)
        self.assertTrue(own)
        # a staff mentor and the portal participants read no answer of another pair in the back office
        for role in ("staff_mentor", "portal_mentee", "portal_mentor", "parent"):
            with self.subTest(role=role):
                others = answers.filtered(lambda answer, role=role: answer.partner_id != self.users[role].partner_id)
                self.assertFalse(self._sees(role, others))
        # a curator reads the answers about their own school's pairs, none of the other school
        school_b = answers.filtered(lambda answer: answer.mentorship_pair_id.company_id == self.school_b)
        self.assertTrue(school_b)
        self.assertEqual(self._sees("curator_b", answers), school_b)

    def test_curator_opens_the_answers_of_their_campaign(self):
        action = self._as("curator", "mentorship.monitoring").browse(self.campaign_a.id).action_view_answers()
        answers = self._as("curator", action["res_model"]).search(action["domain"])
        self.assertEqual(answers, self.campaign_a.sudo().user_input_ids)
        # both sides of its two pairs, the young teacher's self-assessment and the curator's own review
        self.assertEqual(len(answers), 6)
