from odoo import api, fields, models

from ..tools import check_not_blank


class MentorshipMentorTraining(models.Model):
    """A course a mentor took to prepare for mentoring."""

    _name = "mentorship.mentor.training"
    _description = "Mentor Training"
    _order = "date desc, id desc"

    mentor_id = fields.Many2one("mentorship.mentor", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Course", required=True)
    provider = fields.Char()
    hours = fields.Float()
    date = fields.Date(string="Completed on", required=True)
    certificate = fields.Binary(attachment=True)
    certificate_name = fields.Char()

    _hours_positive = models.Constraint("CHECK(hours >= 0)", "The hours of a training cannot be negative.")

    @api.constrains("name")
    def _check_name_not_blank(self):
        check_not_blank(self, ["name"])

    @api.model_create_multi
    def create(self, vals_list):
        trainings = super().create(vals_list)
        trainings.mentor_id.filtered(lambda mentor: not mentor.is_trained).is_trained = True
        return trainings
