from odoo import api, fields, models


class SurveyQuestionAnswer(models.Model):
    """A choice of a questionnaire of the target model may say what it sets:
    the tag it adds to the profile, or the value it stands for (a preferred
    format, 'yes' or 'no'). Checked with its question
    (``survey.question._check_mentorship_mapping``)."""

    _inherit = "survey.question.answer"

    mentorship_tag_id = fields.Many2one(
        "mentorship.tag",
        string="Adds the Tag",
        ondelete="restrict",
        help="The competency or difficulty this choice adds to the candidate's profile.",
    )
    mentorship_value = fields.Char(
        help="What this choice stands for: a preferred format (in_person, remote, mixed) "
        "or, for a monitoring indicator, yes or no.",
    )

    @api.constrains("mentorship_tag_id", "mentorship_value", "question_id")
    def _check_mentorship_mapping(self):
        for choice in self.filtered("question_id"):
            choice.question_id._check_mentorship_choice(choice)
