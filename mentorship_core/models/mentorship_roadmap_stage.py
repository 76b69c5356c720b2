from odoo import fields, models


class MentorshipRoadmapStage(models.Model):
    """A stage of implementation: preparation, base of mentees, base of mentors,
    training of mentors, forming pairs, working, completion."""

    _name = "mentorship.roadmap.stage"
    _description = "Roadmap Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
