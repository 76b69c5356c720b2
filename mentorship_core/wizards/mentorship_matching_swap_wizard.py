from odoo import fields, models


class MentorshipMatchingSwapWizard(models.TransientModel):
    """Exchange the mentors of two open proposals of one run."""

    _name = "mentorship.matching.swap.wizard"
    _description = "Swap the Mentors of Two Proposals"

    line_id = fields.Many2one("mentorship.matching.line", string="Proposal", required=True)
    matching_id = fields.Many2one(related="line_id.matching_id")
    other_line_id = fields.Many2one(
        "mentorship.matching.line",
        string="Swap With",
        required=True,
        domain="[('matching_id', '=', matching_id), ('state', '=', 'proposed'), ('id', '!=', line_id)]",
    )

    def action_swap(self):
        self.ensure_one()
        self.line_id._swap_mentors(self.other_line_id)
        return {"type": "ir.actions.act_window_close"}
