import re

from odoo.tests import HttpCase, tagged

from .common import MentorshipRolesCase
from .common_questionnaire import QuestionnaireMixin

CSRF_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


@tagged("post_install", "-at_install")
class TestQuestionnaireInThePortal(QuestionnaireMixin, MentorshipRolesCase, HttpCase):
    """A pupil invited to the satisfaction questionnaire answers it through
    survey's own pages, logged in to the portal; the curator reads the result
    on survey's own statistics page, for the answers of their school only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_municipality()
        cls.survey = cls._questionnaire("mentee_satisfaction_pupils")
        cls.invitation = cls.survey._create_answer(partner=cls.pupil_mentee.partner_id, check_attempts=False)
        cls.invitation.mentorship_pair_id = cls.pupil_pair

    def _page(self, answer):
        return self.url_open(f"/survey/{self.survey.access_token}/{answer.access_token}")

    def _submit(self, answer, values):
        """Begins and submits the one-page questionnaire as its page does."""
        page = self._page(answer)
        self.assertEqual(page.status_code, 200)
        match = CSRF_TOKEN.search(page.text)
        csrf_token = match.group(1) or match.group(2)
        base = f"/survey/%s/{self.survey.access_token}/{answer.access_token}"
        self.url_open(base % "begin", json={"params": {"lang_code": "ru_RU"}}).raise_for_status()
        params = {"csrf_token": csrf_token, "token": answer.access_token, "button_submit": "finish", **values}
        response = self.url_open(base % "submit", json={"params": params})
        response.raise_for_status()
        return response.json()

    def test_pupil_answers_through_survey_pages_and_gets_his_score(self):
        self.authenticate("test_portal_mentee", "test_portal_mentee")
        start = self.url_open(f"/survey/start/{self.survey.access_token}?answer_token={self.invitation.access_token}")
        self.assertEqual(start.status_code, 200)
        self.assertIn(self.survey.title, start.text)
        self.url_open(f"/survey/begin/{self.survey.access_token}/{self.invitation.access_token}", json={"params": {}})
        page = self._page(self.invitation)
        self.assertEqual(page.text.count("row-cols-5"), 6, "each scale five choices in a row")
        scores = [10, 8, 9, 7, 6, 10]  # 50 of 60
        scales = self._scale_questions(self.survey)
        values = {
            str(question.id): str(self._choice(question, score=score).id)
            for question, score in zip(scales, scores, strict=True)
        }
        for question in self.survey.question_ids.filtered("mentorship_indicator"):
            values[str(question.id)] = str(self._choice(question, "Да").id)
        texts = self.survey.question_ids.filtered(lambda question: question.question_type == "text_box")
        values[str(texts[0].id)] = "Подготовка к олимпиаде по физике"
        result = self._submit(self.invitation, values)
        self.assertNotIn("error", result["result"][1])
        self.invitation.invalidate_recordset()
        self.assertEqual(self.invitation.state, "done")
        self.assertEqual(self.invitation.scoring_percentage, round(50 / 60 * 100, 2))
        self.assertEqual(self.invitation.mentorship_pair_id, self.pupil_pair)
        done = self._page(self.invitation)
        self.assertIn("Ваши ответы помогут сделать программу наставничества лучше", done.text)
        self.assertNotIn("You scored", done.text)
        self.assertNotIn("83.33", done.text, "a satisfaction questionnaire thanks, it does not grade")

    def test_missing_scale_is_refused_and_nothing_completed(self):
        self.authenticate("test_portal_mentee", "test_portal_mentee")
        self._page(self.invitation)
        result = self._submit(self.invitation, {})
        self.assertEqual(result["result"][1]["error"], "validation")
        self.invitation.invalidate_recordset()
        self.assertNotEqual(self.invitation.state, "done")
        self.assertEqual(self.invitation.scoring_percentage, 0.0)

    def test_another_pupil_cannot_open_the_invitation(self):
        self.authenticate("test_portal_mentor", "test_portal_mentor")
        page = self._page(self.invitation)
        first = self._scale_questions(self.survey)[0]
        self.assertNotIn(first.title, page.text)

    def test_curator_sees_statistics_of_own_school_only(self):
        own = self._answer_satisfaction(self.survey, self.pupil_mentee.partner_id, [10] * 6, pair=self.pupil_pair)
        other_partner = self.pair_b.mentee_ids.partner_id
        other = self._answer_satisfaction(self.survey, other_partner, [1] * 6)
        comments = self.survey.question_ids.filtered(lambda question: question.question_type == "text_box")[:1]
        own._save_lines(comments, "Own school: thank you")
        other._save_lines(comments, "Other school: secret")
        self.authenticate("school_curator", "school_curator")
        page = self.url_open(f"/survey/results/{self.survey.id}")
        self.assertEqual(page.status_code, 200)
        # the text answers are in the page's data, one per completed answer the curator may read
        self.assertIn("Own school: thank you", page.text)
        self.assertNotIn("Other school: secret", page.text)
