from odoo import fields, models


class MentorshipMentee(models.Model):
    _inherit = "mentorship.mentee"

    portfolio_attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        domain=[("res_model", "=", "mentorship.mentee")],
        string="Portfolio",
        help="Certificates, diplomas and project files of the mentee, uploaded in the portal or by the curator.",
    )
