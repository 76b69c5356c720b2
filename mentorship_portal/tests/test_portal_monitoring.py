from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mentorship_core.tests.common_monitoring import MonitoringCase


@tagged("post_install", "-at_install")
class TestPortalMonitoring(MonitoringCase, HttpCase):
    """A campaign's questionnaire waits in the participant's «Моё
    наставничество», opens through survey's own page, and leaves the list
    once answered; nobody sees another participant's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_monitoring()
        # the questionnaires are open until the end of the period: it ends in a month
        today = fields.Date.today()
        cls.campaign = cls._campaign(period=(date(2025, 10, 1), today + timedelta(days=30)))
        cls.campaign.action_send()

    def test_the_invitation_waits_in_my_mentorship_until_answered(self):
        mentee = self.users["portal_mentee"]
        answer = self.campaign.sudo().user_input_ids.filtered(lambda answer: answer.partner_id == mentee.partner_id)
        mentor_answer = self.campaign.sudo().user_input_ids.filtered(
            lambda answer: answer.partner_id == self.users["portal_mentor"].partner_id
        )
        self.authenticate(mentee.login, mentee.login)
        page = self.url_open("/my/mentorship").text
        self.assertIn(self.mentee_survey.title, page)
        self.assertIn(answer.access_token, page)
        self.assertNotIn(mentor_answer.access_token, page)
        self.assertEqual(self.url_open(answer.get_start_url()).status_code, 200)
        self._respond(self.campaign, mentee.partner_id, self.mentee_survey, 10, ("wants_to_continue",), user=mentee)
        self.assertNotIn(answer.access_token, self.url_open("/my/mentorship").text)
        self.assertEqual((self.campaign.answered_count, self.campaign.sent_count), (1, 9))
