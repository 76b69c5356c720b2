from dateutil.relativedelta import relativedelta

from odoo import fields, models


class MentorshipRoadmapTemplateLine(models.Model):
    """An activity of the roadmap template (seed 004)."""

    _name = "mentorship.roadmap.template.line"
    _description = "Roadmap Template Activity"
    _order = "stage_id, sequence, id"

    stage_id = fields.Many2one("mentorship.roadmap.stage", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Activity", required=True, translate=True)
    content = fields.Text(translate=True)
    responsible = fields.Char(translate=True, help="Who is responsible, as the roadmap names them.")
    deadline_months = fields.Integer(help="Months after the start of the school year.")

    def _activity_values(self, date_start):
        self.ensure_one()
        return {
            "stage_id": self.stage_id.id,
            "sequence": self.sequence,
            "name": self.name,
            "content": self.content,
            "responsible": self.responsible,
            "date_deadline": date_start + relativedelta(months=self.deadline_months, day=31),
        }
