from odoo import fields, models


class MentorshipSchoolMark(models.Model):
    """The average mark of a pupil in a subject over an academic period."""

    _name = "mentorship.school.mark"
    _description = "Average Mark of a Pupil"
    _order = "period_id desc, partner_id, subject_id"
    _inherit = ["mentorship.school.pupil.record.mixin"]

    period_id = fields.Many2one("mentorship.school.period", required=True, index=True)
    subject_id = fields.Many2one("mentorship.school.subject", required=True)
    average = fields.Float(string="Average Mark", digits=(3, 2), required=True, aggregator="avg")
    teacher_id = fields.Many2one("hr.employee", index="btree_not_null", check_company=True)

    _pupil_period_subject_uniq = models.Constraint(
        "UNIQUE(partner_id, period_id, subject_id)", "A pupil has one average mark per subject and period."
    )
    _average_range = models.Constraint("CHECK(average >= 1 AND average <= 5)", "An average mark lies between 1 and 5.")
