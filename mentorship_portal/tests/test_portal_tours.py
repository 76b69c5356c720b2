from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MentorshipPortalCase


@tagged("post_install", "-at_install")
class TestPortalTours(MentorshipPortalCase, HttpCase):
    """Mentees, mentors and parents use their pages in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal()
        cls.pair = cls.family_a["pair"]

    def test_mentee_plan_survey_portfolio_and_replacement(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "Satisfaction with mentorship",
                "access_mode": "token",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "How satisfied are you with the meetings?",
                            "question_type": "simple_choice",
                            "constr_mandatory": True,
                            "suggested_answer_ids": [
                                Command.create({"value": "Very satisfied"}),
                                Command.create({"value": "Not satisfied"}),
                            ],
                        }
                    )
                ],
            }
        )
        answer = survey._create_answer(partner=self.family_a["mentee"].partner_id, check_attempts=False)
        logged = self._meetings(self.pair, 2).sorted("start")[0]
        logged.write({"mentorship_minutes": "Talked about the olympiad", "mentorship_mentee_confirmed": False})
        self.start_tour("/my/mentorship", "mentorship_portal_mentee", login="mentee_a")
        self.assertTrue(logged.mentorship_is_held)
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.user_input_line_ids.suggested_answer_id.value, "Very satisfied")
        self.assertEqual(
            self.family_a["mentee_profile"].portfolio_attachment_ids.mapped("name"), ["olympiad-diploma.pdf"]
        )
        replacement = self.env["mentorship.replacement.request"].search([("pair_id", "=", self.pair.id)])
        self.assertEqual(replacement.reason, "We have not met for a month")

    def test_mentor_marks_activity_and_logs_meeting(self):
        self.start_tour("/my/mentorship", "mentorship_portal_mentor", login="mentor_a")
        line = self.family_a["plan"].line_ids.filtered(lambda line: line.name.startswith("Activity 0"))
        self.assertRecordValues(
            line,
            [{"status": "done", "evidence_name": "certificate.pdf", "comment": "Took part in the school conference"}],
        )
        meeting = self.pair.meeting_ids.filtered(
            lambda event: event.mentorship_minutes == "Planned the project on robotics"
        )
        self.assertRecordValues(
            meeting,
            [{"mentorship_mentor_confirmed": True, "mentorship_mentee_confirmed": False, "mentorship_is_held": False}],
        )

    def test_parent_signs_consent(self):
        consent = self._consent_to_sign(self.family_a)
        self.family_a["parent"].partner_id.name = "Parent A"
        self.start_tour("/my/mentorship", "mentorship_portal_parent_sign", login="parent_a")
        self.assertRecordValues(consent, [{"state": "valid", "signed_by": "Parent A"}])
        self.assertTrue(consent.signature)
