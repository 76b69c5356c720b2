from odoo import models


class MentorshipPractice(models.Model):
    _inherit = "mentorship.practice"

    def _public_url(self):
        """Where visitors read the practice (mentorship_portal.controllers.practice)."""
        return f"/mentorship/practices/{self.id}"

    def action_open_public_page(self):
        """The practice as visitors see it, to check it after publication."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self._public_url(), "target": "new"}
