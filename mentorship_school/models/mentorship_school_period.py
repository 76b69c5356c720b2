from odoo import fields, models


class MentorshipSchoolPeriod(models.Model):
    """An academic period with marks: a quarter, a trimester or a half-year."""

    _name = "mentorship.school.period"
    _description = "Academic Period"
    _order = "date_start, id"

    name = fields.Char(required=True, translate=True)
    date_start = fields.Date(string="Start Date", required=True)
    date_end = fields.Date(string="End Date", required=True)
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "An academic period with this name already exists.")
    _dates_ordered = models.Constraint("CHECK(date_start <= date_end)", "A period cannot end before it starts.")
