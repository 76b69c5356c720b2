from odoo import fields, models


class SurveyQuestion(models.Model):
    """A question of a satisfaction questionnaire may carry a signal the
    monitoring counts: the participants whose chosen answer is marked
    "Counts as Yes" want to continue, or to become a mentor."""

    _inherit = "survey.question"

    mentorship_signal = fields.Selection(
        [("continue", "Wants to Continue"), ("become_mentor", "Wants to Become a Mentor")],
        string="Monitoring Signal",
        help="What a yes to this question tells the monitoring campaigns; mark the answers that mean yes.",
    )
