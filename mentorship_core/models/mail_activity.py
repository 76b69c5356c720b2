from odoo import fields, models

from .mentorship_pair_health import HEALTH_REASONS


class MailActivity(models.Model):
    """The reason of a pair-health activity: the daily cron keeps at most one
    open activity per pair and reason, and closes it once the reason is gone."""

    _inherit = "mail.activity"

    mentorship_health_reason = fields.Selection(HEALTH_REASONS, string="Pair Health Reason", readonly=True)
