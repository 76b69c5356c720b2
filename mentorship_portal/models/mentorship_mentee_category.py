from odoo import models


class MentorshipMenteeCategory(models.Model):
    _name = "mentorship.mentee.category"
    _inherit = ["mentorship.mentee.category", "mentorship.applicant.kind.mixin"]
