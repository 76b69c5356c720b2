from odoo import fields, models, tools
from odoo.tools import SQL

from .mentorship_incentive import STATES
from .mentorship_incentive_rule import INCENTIVE_KINDS


class MentorshipIncentiveAnalysis(models.Model):
    """Totals of the incentives by organisation, month, kind and state, with
    no mentor in them: what the municipal coordinator sees of the amounts."""

    _name = "mentorship.incentive.analysis"
    _description = "Incentive Totals by Organisation"
    _auto = False
    _order = "date_from desc, company_id"

    company_id = fields.Many2one("res.company", string="Organisation", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    date_from = fields.Date(string="Month", readonly=True)
    kind = fields.Selection(INCENTIVE_KINDS, string="Incentive Kind", readonly=True)
    category = fields.Selection([("payment", "Payment"), ("recognition", "Non-Material Recognition")], readonly=True)
    state = fields.Selection(STATES, readonly=True)
    incentive_count = fields.Integer(string="Incentives", readonly=True)
    amount = fields.Monetary(string="Total Amount", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT MIN(i.id) AS id,
                       i.company_id,
                       i.currency_id,
                       date_trunc('month', i.date_from)::date AS date_from,
                       i.kind,
                       i.category,
                       i.state,
                       COUNT(*) AS incentive_count,
                       SUM(COALESCE(i.amount, 0)) AS amount
                  FROM mentorship_incentive i
              GROUP BY i.company_id, i.currency_id, date_trunc('month', i.date_from), i.kind, i.category, i.state
            )
            """,
                SQL.identifier(self._table),
            )
        )
