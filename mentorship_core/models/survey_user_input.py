from odoo import fields, models


class SurveyUserInput(models.Model):
    """An answer to a questionnaire given about a pair: who answered (the
    survey's partner) and the pair it speaks of."""

    _inherit = "survey.user_input"

    mentorship_pair_id = fields.Many2one("mentorship.pair", index="btree_not_null", ondelete="set null")
    mentorship_monitoring_id = fields.Many2one(
        "mentorship.monitoring", string="Monitoring Campaign", index="btree_not_null", ondelete="set null"
    )
