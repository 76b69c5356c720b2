from odoo import Command


class QuestionnaireMixin:
    """Helpers to answer the shipped questionnaires as survey's pages do:
    lines saved per question, then the answer completed."""

    @classmethod
    def _questionnaire(cls, name):
        return cls.env.ref(f"mentorship_core.survey_{name}")

    @classmethod
    def _scale_questions(cls, survey):
        return survey.question_ids.filtered(
            lambda question: len(question.suggested_answer_ids) == 10 and question.question_type == "simple_choice"
        )

    @classmethod
    def _choice(cls, question, value=None, score=None):
        """The choice of ``question`` reading ``value`` or scored ``score``."""
        if score is not None:
            return question.suggested_answer_ids.filtered(lambda choice: choice.answer_score == score)
        return question.suggested_answer_ids.filtered(lambda choice: choice.value == value)

    @classmethod
    def _answer_satisfaction(cls, survey, partner, scores, pair=None, done=True):
        """Answers the scales of ``survey`` with ``scores`` (one per scale, in
        order), 'yes' to every indicator."""
        answer = survey._create_answer(partner=partner, check_attempts=False)
        answer.mentorship_pair_id = pair
        for question, score in zip(cls._scale_questions(survey), scores, strict=True):
            answer._save_lines(question, cls._choice(question, score=score).id)
        for question in survey.question_ids.filtered("mentorship_indicator"):
            answer._save_lines(question, cls._choice(question, "Да").id)
        if done:
            answer._mark_done()
        return answer

    @classmethod
    def _plain_survey(cls):
        """A survey of another use of the institution's Odoo, not of the
        target model."""
        survey = cls.env["survey.survey"].create({"title": "Canteen menu", "access_mode": "token"})
        cls.env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "Your favourite dish?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [Command.create({"value": "Soup"}), Command.create({"value": "Pie"})],
            }
        )
        return survey
