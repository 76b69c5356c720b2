from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mentorship_coordinator_home_xmlid(self):
        """The coordinator lands on the organisations side by side."""
        return "mentorship_school.mentorship_organisation_summary_action"
