from odoo import api, fields, models

from ..tools import check_not_blank


class MentorshipIncentiveDocument(models.Model):
    """A document of the checklist an award nomination carries; the
    nomination is approved once every document is provided."""

    _name = "mentorship.incentive.document"
    _description = "Award Nomination Document"
    _order = "incentive_id, sequence, id"

    incentive_id = fields.Many2one("mentorship.incentive", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="incentive_id.company_id", store=True, index=True)
    mentor_user_id = fields.Many2one(related="incentive_id.mentor_user_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Document", required=True)
    is_provided = fields.Boolean(string="Provided")
    file = fields.Binary(attachment=True)
    file_name = fields.Char()

    @api.constrains("name")
    def _check_name_not_blank(self):
        check_not_blank(self, ["name"])

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        if not self.env.su:
            documents.incentive_id._check_editable({"document_ids": True})
        return documents

    def write(self, vals):
        if not self.env.su:
            self.incentive_id._check_editable({"document_ids": True})
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_editable_incentive(self):
        if not self.env.su:
            self.incentive_id._check_editable({"document_ids": True})
