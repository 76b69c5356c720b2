from odoo import models


class MentorshipPair(models.Model):
    """Pairs are shown to their mentor, mentees and the mentees' parents in
    the portal, where the three of them talk in the pair's chatter."""

    _name = "mentorship.pair"
    _inherit = ["mentorship.pair", "portal.mixin"]
    _mail_post_access = "read"

    def _compute_access_url(self):
        for pair in self:
            pair.access_url = f"/my/mentorship/pair/{pair.id}"

    def _portal_role(self, partner):
        """How ``partner`` takes part in this pair: "mentor", "mentee",
        "guardian" (a parent of a mentee, read-only) or False."""
        self.ensure_one()
        if partner == self.mentor_id.partner_id:
            return "mentor"
        if partner in self.mentee_ids.partner_id:
            return "mentee"
        if partner in self.mentee_ids.partner_id.sudo().mentorship_guardian_ids:
            return "guardian"
        return False

    def _portal_mentee_for(self, partner):
        """The mentee profile of ``partner`` in this pair (empty when none)."""
        return self.mentee_ids.filtered(lambda mentee: mentee.partner_id == partner)
