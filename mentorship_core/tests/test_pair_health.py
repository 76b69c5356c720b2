from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, tagged

from .common import MentorshipRolesCase


@tagged("post_install", "-at_install")
class TestPairHealth(MentorshipRolesCase, TransactionCase):
    """The health of a running pair moves with time and with what happens to
    it, is searched and grouped as it is computed, and turns into the
    curator's activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.Pair = cls.env["mentorship.pair"]
        cls.mentee = cls._mentee("Health Mentee")
        cls.pair = cls._pair(cls._mentor("Health Mentor"), cls.mentee, date_start=date(2025, 9, 1))
        cls._approve(cls.pair)
        cls.pair.action_start_work()
        cls.params = cls.env["ir.config_parameter"]
        for key, value in {
            "attention_days": 30,
            "risk_days": 60,
            "plan_attention_gap": 25,
            "plan_risk_gap": 50,
            "satisfaction_attention_percent": 60,
            "satisfaction_risk_percent": 40,
        }.items():
            cls.params.set_param(f"mentorship_core.{key}", value)

    def _meeting(self, when, mentor=True, mentee=True, pair=None):
        return self.env["calendar.event"].create(
            {
                "name": "Regular meeting",
                "start": when,
                "stop": when + timedelta(hours=1),
                "mentorship_pair_id": (pair or self.pair).id,
                "mentorship_meeting_type": "regular",
                "mentorship_mentor_confirmed": mentor,
                "mentorship_mentee_confirmed": mentee,
            }
        )

    def _on(self, day):
        """The state of the pairs the morning of ``day``, once the cron ran."""
        with freeze_time(f"{day} 06:00:00"):
            self.Pair._cron_update_health()
        return self.pair

    def _ignore_meetings(self):
        self.params.set_param("mentorship_core.attention_days", 1000)
        self.params.set_param("mentorship_core.risk_days", 2000)

    def _reasons(self, pair=None):
        return [issue["reason"] for issue in (pair or self.pair).health_issues]

    # --- meetings ----------------------------------------------------------------

    def test_no_meeting_moves_from_ok_to_attention_to_risk(self):
        self._meeting(datetime(2025, 9, 10, 15))
        self.assertEqual(self._on("2025-09-20").health, "ok")
        self.assertEqual(self._on("2025-10-09").health, "ok", "29 days")
        pair = self._on("2025-10-10")
        self.assertEqual((pair.health, self._reasons()), ("attention", ["meetings"]))
        self.assertEqual(pair.health_reason, "No meeting confirmed by both sides for 30 days.")
        self.assertEqual(self._on("2025-11-08").health, "attention", "59 days")
        pair = self._on("2025-11-09")
        self.assertEqual(pair.health, "risk")
        self.assertEqual(pair.health_reason, "No meeting confirmed by both sides for 60 days.")

    def test_a_pair_without_any_meeting_counts_from_its_start(self):
        pair = self._on("2025-10-05")
        self.assertEqual(pair.health, "attention")
        self.assertEqual(pair.health_reason, "No meeting confirmed by both sides since the pair started 34 days ago.")

    def test_meeting_confirmed_by_one_side_does_not_count(self):
        self._meeting(datetime(2025, 9, 10, 15))
        self.assertEqual(self._on("2025-11-20").health, "risk")
        with freeze_time("2025-11-20 12:00:00"):
            one_sided = self._meeting(datetime(2025, 11, 19, 15), mentee=False)
            self.assertEqual(self.pair.health, "risk", "only the mentor confirmed it")
            one_sided.mentorship_mentee_confirmed = True
            # an edit recomputes at once, without waiting for the cron
            self.assertEqual((self.pair.health, self.pair.health_reason), ("ok", ""))

    # --- plan --------------------------------------------------------------------

    def test_plan_behind_its_dates(self):
        self._ignore_meetings()
        plan = self.env["mentorship.plan"].create(
            {
                "name": "First year",
                "pair_id": self.pair.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2025, 12, 10),  # 100 days
                "state": "active",
                "line_ids": [Command.create({"name": f"Activity {number}"}) for number in range(4)],
            }
        )
        self.assertEqual(self._on("2025-09-20").health, "ok", "19% of the period gone, 0% done")
        pair = self._on("2025-10-01")
        self.assertEqual((pair.health, self._reasons()), ("attention", ["plan"]))
        self.assertEqual(pair.health_reason, "The plan «First year» is 0% done with 30% of its period gone.")
        self.assertEqual(self._on("2025-10-21").health, "risk", "50 points behind")
        with freeze_time("2025-10-21 12:00:00"):
            plan.line_ids[:2].status = "done"
            self.assertEqual(self.pair.health, "ok", "50% done with 50% gone")
        self.assertEqual(self._on("2025-11-20").health, "attention", "80% gone, 50% done")
        with freeze_time("2025-11-20 12:00:00"):
            plan.action_done()
            self.assertEqual(self.pair.health, "ok", "a plan done is behind nothing")

    # --- satisfaction ------------------------------------------------------------

    def _satisfaction_survey(self, purpose="mentee_satisfaction", scored=True):
        survey = self.env["survey.survey"].create(
            {
                "title": f"Satisfaction ({purpose})",
                "scoring_type": "scoring_without_answers" if scored else "no_scoring",
                "access_mode": "token",
                "mentorship_purpose": purpose,
            }
        )
        question = self.env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "How satisfied are you?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    Command.create({"value": f"{score} of 10", "answer_score": score}) for score in (10, 7, 5, 2)
                ],
            }
        )
        return survey, question

    def _answer(self, survey, partner, score, done=True):
        answer = survey._create_answer(partner=partner, check_attempts=False, mentorship_pair_id=self.pair.id)
        question = survey.question_ids
        answer._save_lines(question, question.suggested_answer_ids.filtered(lambda c: c.answer_score == score).id)
        if done:
            answer._mark_done()
        return answer

    def test_low_satisfaction_answer(self):
        self._ignore_meetings()
        survey, _question = self._satisfaction_survey()
        mentee_partner = self.mentee.partner_id
        self._answer(survey, mentee_partner, 7)
        self.assertEqual(self.pair.health, "ok", "70%")
        self._answer(survey, mentee_partner, 5)
        self.assertEqual((self.pair.health, self._reasons()), ("attention", ["satisfaction"]))
        self.assertEqual(self.pair.health_reason, "A mentee's latest satisfaction answer scored 50%.")
        self._answer(survey, mentee_partner, 2, done=False)
        self.assertEqual(self.pair.health, "attention", "an answer in progress does not count")
        self._answer(survey, mentee_partner, 2)
        self.assertEqual(self.pair.health, "risk", "20%")
        self._answer(survey, mentee_partner, 10)
        self.assertEqual(self.pair.health, "ok", "the latest answer of the mentee replaces the earlier ones")
        mentor_survey, _question = self._satisfaction_survey("mentor_satisfaction")
        self._answer(mentor_survey, self.pair.mentor_id.partner_id, 5)
        self.assertEqual(self.pair.health_reason, "The mentor's latest satisfaction answer scored 50%.")

    def test_unscored_or_other_questionnaires_do_not_count(self):
        self._ignore_meetings()
        unscored, _question = self._satisfaction_survey(scored=False)
        self._answer(unscored, self.mentee.partner_id, 2)
        review, _question = self._satisfaction_survey("self_assessment")
        self._answer(review, self.mentee.partner_id, 2)
        self.assertEqual(self.pair.health, "ok")

    # --- replacement ---------------------------------------------------------------

    def test_open_replacement_request(self):
        self._ignore_meetings()
        request = self.env["mentorship.replacement.request"].create(
            {"pair_id": self.pair.id, "mentee_id": self.mentee.id, "reason": "We do not get along"}
        )
        self.assertEqual((self.pair.health, self._reasons()), ("risk", ["replacement"]))
        self.assertEqual(self.pair.health_reason, "A request to replace the mentor awaits the curator's decision.")
        request.action_reject()
        self.assertEqual(self.pair.health, "ok")

    # --- which pairs ---------------------------------------------------------------

    def test_only_running_pairs_have_a_health(self):
        candidate = self._pair(self._mentor("Free Mentor"), self._mentee("Waiting Mentee"), state="candidate")
        self._on("2025-12-01")
        self.assertFalse(candidate.health)
        self.assertEqual(self.pair.health, "risk")
        self.pair.action_complete()
        self.assertFalse(self.pair.health)

    def test_search_and_group_by_give_what_is_computed(self):
        worse = self._pair(
            self._mentor("Second Mentor"), self._mentee("Second Mentee"), date_start=date(2025, 9, 1), state="agreement"
        )
        self._approve(worse, number="13-o")
        fine = self._pair(
            self._mentor("Third Mentor"), self._mentee("Third Mentee"), date_start=date(2025, 9, 1), state="agreement"
        )
        self._approve(fine, number="14-o")
        self._meeting(datetime(2025, 9, 25, 15))
        self._meeting(datetime(2025, 10, 28, 15), pair=fine)
        self._on("2025-11-01")
        pairs = self.pair | worse | fine
        self.assertEqual(pairs.mapped("health"), ["attention", "risk", "ok"])
        scope = [("id", "in", pairs.ids)]
        for level in ("ok", "attention", "risk"):
            self.assertEqual(
                self.Pair.search([*scope, ("health", "=", level)]), pairs.filtered(lambda p, lv=level: p.health == lv)
            )
        groups = dict(self.Pair._read_group(scope, ["health"], ["__count"]))
        self.assertEqual(groups, {"ok": 1, "attention": 1, "risk": 1})
        # what is stored is what a fresh computation gives on that day
        stored = {pair.id: (pair.health, pair.health_issues) for pair in pairs}
        self.env.invalidate_all()
        with freeze_time("2025-11-01 06:00:00"):
            self.env.add_to_compute(self.Pair._fields["health"], pairs)
            pairs._recompute_recordset(["health", "health_issues"])
        self.assertEqual({pair.id: (pair.health, pair.health_issues) for pair in pairs}, stored)

    def test_curator_filters_and_groups_own_pairs_by_health(self):
        self._on("2025-12-01")
        pairs = self._as("curator", "mentorship.pair")
        self.assertIn(self.pair, pairs.search([("health", "=", "risk")]))
        self.assertIn("risk", dict(pairs._read_group([], ["health"], ["__count"])))
        self.assertFalse(self._as("curator_b", "mentorship.pair").search([("health", "=", "risk")]))

    # --- the curator's activities ---------------------------------------------------

    def _health_activities(self, pair=None, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=active)
            .search(
                [
                    ("res_model", "=", "mentorship.pair"),
                    ("res_id", "=", (pair or self.pair).id),
                    ("activity_type_id", "=", self.env.ref("mentorship_core.mail_activity_type_pair_health").id),
                ]
            )
        )

    def test_cron_schedules_one_activity_per_pair_and_reason_and_closes_it(self):
        self._meeting(datetime(2025, 9, 10, 15))
        request = self.env["mentorship.replacement.request"].create(
            {"pair_id": self.pair.id, "mentee_id": self.mentee.id, "reason": "We do not get along"}
        )
        mails = self.env["mail.mail"].search_count([])
        self._on("2025-10-20")
        activities = self._health_activities()
        self.assertEqual(self.env["mail.mail"].search_count([]), mails, "no e-mail per activity")
        self.assertEqual(sorted(activities.mapped("mentorship_health_reason")), ["meetings", "replacement"])
        self.assertEqual(activities.user_id, self.curator)
        self.assertEqual(
            sorted(activities.mapped("summary")),
            ["Pair health: no held meetings", "Pair health: request to replace the mentor"],
        )
        self.assertEqual(
            activities.filtered(lambda a: a.mentorship_health_reason == "meetings").note,
            "<p>No meeting confirmed by both sides for 40 days.</p>",
        )
        self._on("2025-10-21")
        self._on("2025-11-20")
        self.assertEqual(self._health_activities(), activities, "no second activity for the same pair and reason")
        request.action_reject()
        self._on("2025-11-21")
        self.assertEqual(self._health_activities().mentorship_health_reason, "meetings")
        with freeze_time("2025-11-21 12:00:00"):
            self._meeting(datetime(2025, 11, 21, 9))
        self._on("2025-11-22")
        self.assertFalse(self._health_activities(), "back to normal: closed")
        closed = self._health_activities(active=False)
        self.assertEqual(len(closed), 2)
        self.assertTrue(all(closed.mapped("date_done")))
        self.assertIn("Resolved", closed[0].feedback)

    def test_activities_follow_the_pair_out_of_the_pipeline(self):
        self._on("2025-12-01")
        self.assertEqual(len(self._health_activities()), 1)
        with freeze_time("2025-12-01 12:00:00"):
            self._as("curator", "mentorship.pair.dissolve.wizard").create(
                {"pair_ids": [Command.set(self.pair.ids)], "reason": "The mentee moved away"}
            ).action_dissolve()
        self._on("2025-12-02")
        self.assertFalse(self._health_activities(), "a dissolved pair has nothing to watch")

    def test_a_program_without_curator_gets_no_activity(self):
        self.program_teachers.curator_id = False
        self._on("2025-12-01")
        self.assertEqual(self.pair.health, "risk")
        self.assertFalse(self._health_activities())
