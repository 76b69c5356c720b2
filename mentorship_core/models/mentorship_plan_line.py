from odoo import fields, models

RESPONSIBLE_ROLES = [
    ("mentor", "Mentor"),
    ("mentee", "Mentee"),
    ("both", "Mentor and mentee"),
    ("curator", "Curator"),
]


class MentorshipPlanLine(models.Model):
    """An activity of a personal plan, or a section heading (as seed 002's table)."""

    _name = "mentorship.plan.line"
    _description = "Personal Plan Activity"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one("mentorship.plan", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    display_type = fields.Selection([("line_section", "Section")], default=False)
    name = fields.Text(string="Activity", required=True)
    difficulty_tag_ids = fields.Many2many("mentorship.tag", string="Identified Difficulty")
    date_start = fields.Date(string="From")
    date_end = fields.Date(string="To")
    responsible = fields.Selection(RESPONSIBLE_ROLES, default="mentor")
    planned_result = fields.Text()
    status = fields.Selection(
        [("todo", "To Do"), ("in_progress", "In Progress"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="todo",
        required=True,
    )
    comment = fields.Text()
    evidence = fields.Binary(attachment=True)
    evidence_name = fields.Char()

    _dates_ordered = models.Constraint(
        "CHECK(date_start IS NULL OR date_end IS NULL OR date_start <= date_end)",
        "An activity cannot end before it starts.",
    )
