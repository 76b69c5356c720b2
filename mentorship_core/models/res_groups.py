from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        result = super().write(vals)
        if "user_ids" in vals or "implied_ids" in vals:
            self.all_user_ids._set_mentorship_home_action()
        return result
