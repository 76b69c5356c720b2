from odoo import models


class MentorshipMentorCategory(models.Model):
    _name = "mentorship.mentor.category"
    _inherit = ["mentorship.mentor.category", "mentorship.applicant.kind.mixin"]
