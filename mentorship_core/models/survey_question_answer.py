from odoo import fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    mentorship_yes = fields.Boolean(
        string="Counts as Yes", help="Choosing it counts as yes to the question's monitoring signal."
    )
