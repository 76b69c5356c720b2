from odoo import fields, models


class MentorshipSchoolMarkImportWizard(models.TransientModel):
    """Upload a file of average marks exported by a school information system;
    it is imported in the background and its result opened."""

    _name = "mentorship.school.mark.import.wizard"
    _description = "Import Average Marks"

    file = fields.Binary(required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
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
