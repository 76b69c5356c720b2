from dateutil.relativedelta import relativedelta

from odoo import fields, models


class MentorshipPlanTemplate(models.Model):
    """A reusable personal plan of a form, copied into new plans."""

    _name = "mentorship.plan.template"
    _description = "Personal Plan Template"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    form_id = fields.Many2one("mentorship.form", index=True)
    line_ids = fields.One2many("mentorship.plan.template.line", "template_id", string="Template Activities", copy=True)
    active = fields.Boolean(default=True)

    def _line_values(self, date_start):
        """Values of plan lines for a plan starting on ``date_start``."""
        self.ensure_one()
        start = fields.Date.to_date(date_start) if date_start else None
        return [
            {
                "sequence": line.sequence,
                "display_type": line.display_type,
                "name": line.name,
                "planned_result": line.planned_result,
                "responsible": line.responsible,
                "date_start": start and start + relativedelta(weeks=line.start_week),
                "date_end": start and start + relativedelta(weeks=line.start_week + line.duration_weeks),
            }
            for line in self.line_ids
        ]
