from odoo import fields, models

from .mentorship_document_print_wizard import OUTPUT_FORMATS


class MentorshipPairApproveWizard(models.TransientModel):
    """Approving pairs gives the order that approves them, ready to sign."""

    _inherit = "mentorship.pair.approve.wizard"

    print_order = fields.Boolean(
        string="Print the Order", help="Give the order approving these pairs, with its table of pairs, to download."
    )
    order_format = fields.Selection(OUTPUT_FORMATS, string="Format", default="pdf")

    def action_approve(self):
        action = super().action_approve()
        if not self.print_order:
            return action
        wizard = self.env["mentorship.document.print.wizard"].create(
            {
                "res_model": "mentorship.pair",
                "res_ids": self.pair_ids.ids,
                "report_id": self.env.ref("mentorship_reports.action_report_order_pairs").id,
                "output_format": self.order_format,
            }
        )
        return wizard.action_print()
