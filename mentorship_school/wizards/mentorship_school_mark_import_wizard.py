import base64

from odoo import fields, models
from odoo.exceptions import UserError


class MentorshipSchoolMarkImportWizard(models.TransientModel):
    """Upload a file of average marks exported by a school information system;
    it is imported in the background and its result opened."""

    _name = "mentorship.school.mark.import.wizard"
    _description = "Import Average Marks"

    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        if not base64.b64decode(self.file or b"").strip():
            raise UserError(self.env._("The file is empty."))
        mark_import = self.env["mentorship.school.mark.import"].create(
            {"file": self.file, "filename": self.filename or "marks.csv"}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mentorship.school.mark.import",
            "res_id": mark_import.id,
            "view_mode": "form",
            "target": "current",
        }
